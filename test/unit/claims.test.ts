// Claims and conflicts over invented reports of one event: what agrees, what conflicts,
// what only looks alike, and how the user's judgements change the outcome.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Corpus } from '../../server/src/core';
import type { AnalysisRules, Figure, Claim } from '../../server/src/core';
import { A, B, C } from './harbour';

function corpus(rules?: AnalysisRules): Corpus {
  const c = new Corpus(rules ? { annotations: rules } : {});
  c.set('a.txt', A); c.set('b.txt', B); c.set('c.txt', C);
  return c;
}
function fig(c: Corpus, doc: string, text: string, nth = 1): Figure {
  const fs = c.figuresOf(doc).filter(f => f.text.includes(text));
  assert.ok(fs[nth - 1], `figure "${text}" in ${doc}: ${c.figuresOf(doc).map(f => f.text).join(' | ')}`);
  return fs[nth - 1]!;
}
const claimOf = (c: Corpus, f: Figure): Claim => c.claimOf(f.id)!;

type Report = [doc: string, text: string, figure: string];
const FILLER = ['The harbour handled 410,000 boxes last year.', 'Prices rose 3.1 percent in May.', 'The mill employs 2,300 people.', 'The bank lent 12 million euros.', 'Some 40 ships called at the port.'];
/** A corpus of unrelated notes, so that the words reports share are rare in it, as they are in a real one. */
function withNotes(): Corpus {
  const c = new Corpus();
  FILLER.forEach((s, i) => c.set(`note${i}.txt`, `Note\n${s}\n`));
  return c;
}
/**
 * Two look-alike reports whose figures are different quantities stay apart; a third report of the first
 * one's quantity joins it, with the status given (a conflict when its value differs).
 */
function lookAlikes(apart: [Report, Report], same: Report, status?: Claim['status'], filler = false): void {
  const c = filler ? withNotes() : new Corpus();
  for (const [doc, text] of [...apart, same]) c.set(doc, text);
  const [x, y] = apart.map(([doc, , f]) => claimOf(c, fig(c, doc, f)));
  assert.notEqual(x, y);
  assert.equal(x, claimOf(c, fig(c, same[0], same[2])));
  if (status) assert.equal(x!.status, status);
}

test('close but different values for the same quantity conflict, across sources and inside one', () => {
  const c = corpus();
  const a = fig(c, 'a.txt', 'US$21.4 billion'), b = fig(c, 'b.txt', '$21.8 billion'), cc = fig(c, 'c.txt', 'US$21.4 billion');
  const claim = claimOf(c, a);
  assert.equal(claim, claimOf(c, b));
  assert.equal(claim, claimOf(c, cc));
  assert.equal(claim.status, 'conflict');
  const onA = c.problemsOf('a.txt').find(p => p.start === a.start)!;
  assert.equal(onA.code, 'conflicting-figure');
  assert.equal(onA.severity, 'warning');
  assert.match(onA.message, /\$21\.8 billion in b\.txt:3/);
  assert.ok(onA.related.some(r => r.doc === 'b.txt' && r.start === b.start));
  // the value that agrees is listed as related, but not named as a disagreement
  assert.doesNotMatch(onA.message, /c\.txt/);
});

test('a conflict between dates written without their year names the dates they were read as', () => {
  const c = new Corpus();
  c.set('w1.txt', 'Election results\nBy Ana Lis – The Post – March 4, 2026\n\nThe Civic Party secured 72 seats, results published on Sunday showed.\n');
  c.set('w2.txt', 'Election results\nBy Jo Hem – The Ledger – March 11, 2026\n\nThe Civic Party secured 72 seats, results published on Sunday showed.\n');
  const p = c.problemsOf('w1.txt').find(x => x.code === 'conflicting-figure');
  assert.ok(p, 'the two Sundays are a week apart');
  assert.match(p.message, /Sunday \(2026-03-01\) here, but Sunday \(2026-03-08\) in w2\.txt:4/);
  assert.equal(p.related[0]!.message, 'Sunday (2026-03-08) differs');
});

test('a weekday read as a date in a dated article is still compared with the weekdays other reports give for the same event', () => {
  const c = new Corpus();
  // dated: "Monday" is read as March 9, 2026; the others say no date, so their weekdays stay weekdays
  c.set('dated.txt', 'Summit in Velmar\nBy Ana Lis – The Post – March 11, 2026\n\nThe three-day summit began on Monday, with talks on port fees.\n');
  c.set('monday.txt', 'Summit opens\nThe three-day summit began on Monday in Velmar, officials said.\n');
  c.set('sunday.txt', 'Leaders meet\nThe leaders are at a three-day summit in Velmar that started Sunday.\n');
  const dated = fig(c, 'dated.txt', 'Monday'), monday = fig(c, 'monday.txt', 'Monday'), sunday = fig(c, 'sunday.txt', 'Sunday');
  assert.equal(dated.value, '2026-03-09');
  const claim = claimOf(c, dated);
  assert.equal(claim, claimOf(c, sunday));
  assert.equal(claim, claimOf(c, monday));
  assert.equal(claim.status, 'conflict');
  const p = c.problemsOf('dated.txt').find(x => x.code === 'conflicting-figure');
  assert.ok(p, 'Monday (read as March 9) and Sunday differ');
  assert.match(p.message, /Monday \(2026-03-09\) here, but Sunday in sunday\.txt:2/);
  // the two Mondays agree: the one read as a date is not named against the other
  assert.doesNotMatch(p.message, /monday\.txt/);
  const onMonday = c.problemsOf('monday.txt').find(x => x.code === 'conflicting-figure');
  assert.ok(onMonday);
  assert.doesNotMatch(onMonday.message, /dated\.txt/);
});

test('a weekday read as a date agrees with the same day written in full or the same weekday, and differs from another day or another weekday', () => {
  const c = new Corpus();
  c.set('dated.txt', 'Summit in Velmar\nBy Ana Lis – The Post – March 11, 2026\n\nThe three-day summit began on Monday, with talks on port fees.\n');
  c.set('full.txt', 'Summit opens\nThe three-day summit began on March 9, 2026, in Velmar.\n');
  assert.equal(claimOf(c, fig(c, 'dated.txt', 'Monday')).status, 'agree');
  c.set('full.txt', 'Summit opens\nThe three-day summit began on March 16, 2026, in Velmar.\n');
  assert.equal(claimOf(c, fig(c, 'dated.txt', 'Monday')).status, 'conflict');
  // and with only a weekday beside it, that weekday decides
  c.delete('full.txt');
  c.set('sunday.txt', 'Leaders meet\nThe leaders are at a three-day summit in Velmar that started Sunday.\n');
  assert.equal(claimOf(c, fig(c, 'dated.txt', 'Monday')).status, 'conflict');
  c.set('sunday.txt', 'Leaders meet\nThe leaders are at a three-day summit in Velmar that started Monday.\n');
  assert.equal(claimOf(c, fig(c, 'dated.txt', 'Monday')).status, 'agree');
});

test('a claim is labelled in the words the articles use', () => {
  const c = new Corpus();
  c.set('a.txt', 'Talks\nThe two ministers signed 12 agreements in Hanoi on Monday, officials said.\n');
  c.set('b.txt', 'Visit\nThe ministers signed twelve agreements in Hanoi, officials said.\n');
  const claim = claimOf(c, fig(c, 'a.txt', '12'));
  assert.equal(claim.status, 'agree');
  // the words as written ("signed agreements"), not the stems they are compared by ("sign agreement"), in the label and in the link's reasons
  assert.equal(claim.label, 'number: signed agreements');
  assert.deepEqual(claim.links[0]!.why.slice(0, 2), ['shared words: signed, ministers, agreements, officials, said', 'same entities (1)']);
  assert.ok(claim.links[0]!.why.includes('both count "agreements"'), claim.links[0]!.why.join('; '));
});

test('rounding, compatible qualifiers and number words agree', () => {
  const c = corpus();
  const firms = claimOf(c, fig(c, 'a.txt', 'About 3,000'));
  assert.equal(firms, claimOf(c, fig(c, 'b.txt', 'More than 3,000')));
  assert.equal(firms.status, 'agree');
  const deals = claimOf(c, fig(c, 'a.txt', '12'));
  assert.equal(deals, claimOf(c, fig(c, 'b.txt', 'twelve', 2)));
  assert.equal(deals.status, 'agree');
  const target = claimOf(c, fig(c, 'a.txt', 'US$40 billion', 2));
  assert.equal(target, claimOf(c, fig(c, 'b.txt', '$40bn')));
  assert.equal(target.status, 'agree');
  assert.equal(claimOf(c, fig(c, 'a.txt', 'three-day')), claimOf(c, fig(c, 'b.txt', 'three-day')));
});

test('a qualifier widens a value by a few percent, not by a fifth: "roughly 177,000" against "roughly 210,000" conflict, "over 29,100" and "29,400" agree', () => {
  const c = withNotes();
  c.set('s1.txt', 'Storm update\nAuthorities moved roughly 177,000 people to shelters as the storm neared. More than 7,500 firms closed for the day. Union leaders said over 29,100 members had stopped work.\n');
  c.set('s2.txt', 'Storm report\nAuthorities moved roughly 210,000 people to shelters as the storm neared. More than 10,500 firms closed for the day. Union leaders said 29,400 members had stopped work.\n');
  for (const [a, b, status] of [['177,000', '210,000', 'conflict'], ['7,500', '10,500', 'conflict'], ['29,100', '29,400', 'agree']] as const) {
    const claim = claimOf(c, fig(c, 's1.txt', a));
    assert.equal(claim, claimOf(c, fig(c, 's2.txt', b)), `${a} and ${b} are one quantity`);
    assert.equal(claim.status, status, `${a} against ${b}`);
  }
});

test('"nearly" and "almost" fall short of the value written, by up to 5% (or one for a small count): "nearly 29,100" against 29,400 and "nearly 6 million" against 5.5 million conflict, "almost 10,000" and 10,000, "nearly 6,300" and "about 6,200", "nearly 10" and nine agree', () => {
  const c = withNotes();
  c.set('s1.txt', 'Strike\nNearly 29,100 workers joined the strike, the council said. Almost 10,000 teachers stayed home. Nearly 6,300 nurses walked out. Nearly 6 million people were registered to vote. Nearly 10 ferries were idle.\n');
  c.set('s2.txt', 'Walkout\nA total of 29,400 workers joined the strike, the council said. 10,000 teachers stayed home. About 6,200 nurses walked out. 5.5 million people were registered to vote. Only nine ferries were idle.\n');
  for (const [a, b, status] of [['29,100', '29,400', 'conflict'], ['10,000', '10,000', 'agree'], ['6,300', '6,200', 'agree'], ['6 million', '5.5 million', 'conflict'], ['Nearly 10', 'nine', 'agree']] as const) {
    const claim = claimOf(c, fig(c, 's1.txt', a));
    assert.equal(claim, claimOf(c, fig(c, 's2.txt', b)), `${a} and ${b} are one quantity`);
    assert.equal(claim.status, status, `${a} against ${b}`);
  }
});

test('look-alikes stay apart: a target is not the current value; two figures of one sentence; other targets; asides', () => {
  const c = corpus();
  assert.notEqual(claimOf(c, fig(c, 'a.txt', 'US$40 billion', 2)), claimOf(c, fig(c, 'a.txt', 'US$21.4 billion')));
  assert.notEqual(claimOf(c, fig(c, 'a.txt', '6 per cent')), claimOf(c, fig(c, 'a.txt', '9 per cent')));
  assert.notEqual(claimOf(c, fig(c, 'c.txt', '$30 billion')), claimOf(c, fig(c, 'c.txt', '$40 billion')));
  // a related-articles box never raises conflicts against the story
  const aside = fig(c, 'b.txt', '6 per cent');
  assert.equal(aside.aside, true);
  assert.equal(claimOf(c, aside).figures.length, 1);
  assert.equal(c.problemsOf('b.txt').filter(p => p.start >= B.indexOf('Related articles')).length, 0);
});

test('the story goes on after a box of related headlines in the middle of an article; a box of cards after a blank line runs to the end', () => {
  const c = withNotes();
  c.set('m1.txt', 'Strike talks\nTalks resumed on Monday at the port.\nRelated articles\nHarbour Group Revenue Climbs to $16.1 billion\nNew Dock to Create 7,300 Jobs\nLost output is costing $32 million a day, the employers\u2019 association estimates.\nThe stoppage has lasted 15 days.\n');
  c.set('m2.txt', 'Strike update\nLost output is costing $31 million a day, the employers\u2019 association estimates.\n');
  c.set('m3.txt', 'Strike\nTalks resumed.\nRead also:\n\nDock strike enters third week\n\nLost output is costing $35 million a day, the employers\u2019 association estimates, as talks stall.\n');
  assert.equal(fig(c, 'm1.txt', '$16.1 billion').aside, true);
  assert.equal(fig(c, 'm1.txt', '7,300').aside, true);
  const lost = fig(c, 'm1.txt', '$32 million');
  assert.equal(lost.aside, false);
  assert.equal(fig(c, 'm1.txt', '15 days').aside, false);
  assert.equal(claimOf(c, lost), claimOf(c, fig(c, 'm2.txt', '$31 million')));
  assert.equal(claimOf(c, lost).status, 'conflict');
  // (a teaser after a blank line is the box's own)
  assert.equal(fig(c, 'm3.txt', '$35 million').aside, true);
  // a heading of one word, and a promotion with the story right under it
  c.set('m4.txt', 'Strike news\nTalks resumed on Monday.\nSign up for our Evening Briefing newsletter.\nLost output is costing $33 million a day, the employers\u2019 association estimates.\nRELATED\nNew Dock to Create 7,300 Jobs\nThe stoppage has lasted 16 days, union leaders said on Tuesday.\n');
  assert.equal(fig(c, 'm4.txt', '$33 million').aside, false);
  assert.equal(fig(c, 'm4.txt', '7,300').aside, true);
  assert.equal(fig(c, 'm4.txt', '16 days').aside, false);
});

test('a subscription offer is no part of the story: its price raises no conflict', () => {
  const c = new Corpus();
  c.set('o1.txt', 'Harbour news\n\nThe port handled 1.2 million containers last year, officials said.\n\nSubscribe for US$2.00 a month to keep reading.\n');
  c.set('o2.txt', 'Harbour report\n\nThe port handled 1.2 million containers last year, officials said.\n\nSubscribe for $1.00 a month to keep reading.\n');
  const price = fig(c, 'o1.txt', 'US$2.00');
  assert.equal(price.aside, true);
  assert.equal(claimOf(c, price).status, 'single');
  assert.deepEqual(c.result().problems.filter(p => p.code === 'conflicting-figure'), []);
});

test('every figure belongs to exactly one claim, and claims explain their links', () => {
  const c = corpus();
  const r = c.result();
  const seen = new Map<string, number>();
  for (const cl of r.claims) for (const id of cl.figures) seen.set(id, (seen.get(id) ?? 0) + 1);
  for (const f of r.figures) assert.equal(seen.get(f.id), 1, `${f.text} in one claim`);
  const claim = claimOf(c, fig(c, 'a.txt', 'US$21.4 billion'));
  assert.ok(claim.links.length >= 2);
  assert.ok(claim.links.every(l => l.why.length > 0));
  assert.ok(claim.label.length > 3);
});

test('annotations: an accepted value resolves the conflict; it stays visible as a hint', () => {
  const plain = corpus();
  const b = fig(plain, 'b.txt', '$21.8 billion');
  const c = corpus({ verdicts: [{ figure: { doc: 'a.txt', start: fig(plain, 'a.txt', 'US$21.4 billion').start, end: fig(plain, 'a.txt', 'US$21.4 billion').end }, verdict: 'accepted', note: 'ministry data' }] });
  const claim = c.claimOf(fig(c, 'b.txt', '$21.8 billion').id)!;
  assert.equal(claim.status, 'conflict');
  assert.equal(claim.resolved, true);
  const p = c.problemsOf('b.txt').find(x => x.start === b.start)!;
  assert.equal(p.code, 'resolved-conflict');
  assert.equal(p.severity, 'hint');
  assert.match(p.message, /accepted value US\$21\.4 billion/);
  assert.equal(c.problemsOf('a.txt').filter(x => x.code === 'conflicting-figure').length, 0);
});

test('annotations: split, join, ignore, labels, publication date, aliases, kinds', () => {
  const plain = corpus();
  const span = (f: Figure) => ({ doc: f.doc, start: f.start, end: f.end });
  const a = fig(plain, 'a.txt', 'US$21.4 billion'), b = fig(plain, 'b.txt', '$21.8 billion'), cc = fig(plain, 'c.txt', 'US$21.4 billion');
  const split = corpus({ splits: [[span(a), span(b)], [span(cc), span(b)]] });
  assert.notEqual(split.claimOf(fig(split, 'a.txt', 'US$21.4 billion').id), split.claimOf(fig(split, 'b.txt', '$21.8 billion').id));
  const t30 = fig(plain, 'c.txt', '$30 billion'), t40 = fig(plain, 'a.txt', 'US$40 billion', 2);
  const join = corpus({ joins: [{ figures: [span(t30), span(t40)], id: 'targets', label: 'trade targets' }] });
  const joined = join.claimOf(fig(join, 'c.txt', '$30 billion').id)!;
  assert.equal(joined.id, 'targets');
  assert.equal(joined.label, 'trade targets');
  assert.ok(joined.figures.includes(fig(join, 'a.txt', 'US$40 billion', 2).id));
  const ignored = corpus({ ignores: [{ figure: span(b) }] });
  assert.equal(ignored.problemsOf('b.txt').filter(p => p.start === b.start).length, 0);
  const dated = corpus({ sources: new Map([['b.txt', { published: '2026-03-04' }]]) });
  assert.equal(fig(dated, 'b.txt', 'last year').value, '2025');
  const aliased = corpus({ entities: [{ name: 'Amara Diallo', aliases: ['Lisbon'], kind: 'person' }] });
  const e = aliased.result().entities.find(x => x.name === 'Amara Diallo')!;
  assert.ok(e.mentions.some(m => m.text === 'Lisbon'));
  assert.equal(e.kind, 'person');
});

test('incremental: set and delete report the documents whose diagnostics change', () => {
  const c = corpus();
  assert.ok(c.problemsOf('b.txt').length > 0);
  void c.set('b.txt', B).docs; // prime: the same text changes nothing
  const same = c.set('b.txt', B);
  assert.deepEqual(same.docs, []);
  const edited = c.set('b.txt', B.replace('$21.8 billion', '$21.4 billion'));
  assert.ok(edited.docs.includes('a.txt') && edited.docs.includes('b.txt'));
  assert.equal(c.problemsOf('a.txt').filter(p => p.code === 'conflicting-figure').length, 0);
  const gone = c.delete('c.txt');
  assert.ok(gone.docs.includes('c.txt'));
  assert.equal(c.figuresOf('c.txt').length, 0);
});

test('incremental edits after a full analysis agree with a fresh analysis of the same texts', () => {
  const c = corpus();
  c.result();
  const edited = B.replace('$21.8 billion', '$21.4 billion').replace('twelve deals.', 'nine deals.');
  c.set('b.txt', edited);
  assert.equal(c.unsettled, true);
  const fresh = new Corpus();
  fresh.set('a.txt', A); fresh.set('b.txt', edited); fresh.set('c.txt', C);
  const sig = (x: Corpus) => x.result().problems.map(p => `${p.doc}:${p.start}:${p.code}`).sort();
  assert.deepEqual(sig(c), sig(fresh));
  // the changed number is now its own value in the deals claim: a conflict with the 12 agreements
  const nine = fig(c, 'b.txt', 'nine');
  assert.equal(c.claimOf(nine.id)!.status, fresh.claimOf(fig(fresh, 'b.txt', 'nine').id)!.status);
  c.settle();
  assert.equal(c.unsettled, false);
  assert.deepEqual(sig(c), sig(fresh));
});

test('look-alikes about different subjects stay apart: companies, ages of different people, generic figures in unrelated stories', () => {
  const c = new Corpus();
  // two companies in one region, same sentence shape, different amounts
  c.set('p.txt', 'Orchard Mining opens a plant\nOrchard Mining said it would spend EUR 53 million on new equipment at its sites in Europe.\nMira Osei, 66, has led Orchard Mining for five years.\n');
  c.set('q.txt', 'Bluefin Telecom expands\nBluefin Telecom said it would spend EUR 61 million on new equipment at its sites in Europe.\nTomas Brandt, 68, has led Bluefin Telecom for five years.\n');
  const spend = (doc: string, t: string) => claimOf(c, fig(c, doc, t));
  assert.notEqual(spend('p.txt', 'EUR 53 million'), spend('q.txt', 'EUR 61 million'));
  assert.equal(spend('p.txt', 'EUR 53 million').status, 'single');
  // an age belongs to the person it follows
  assert.notEqual(spend('p.txt', '66'), spend('q.txt', '68'));
  // the currency code is part of the figure, not an organisation named near it
  assert.equal(c.entityAt('p.txt', c.text('p.txt')!.indexOf('EUR')), undefined);
  // the same company in another report does conflict
  c.set('r.txt', 'Orchard Mining opens a plant\nOrchard Mining said it would spend EUR 58 million on new equipment at its sites in Europe.\n');
  assert.equal(spend('p.txt', 'EUR 53 million'), spend('r.txt', 'EUR 58 million'));
  assert.equal(spend('r.txt', 'EUR 58 million').status, 'conflict');
});

test('a figure naming nothing it is about is not compared across articles about different things', () => {
  lookAlikes([
    ['s.txt', 'Storm hits Kenya\nFloods in Kenya and Uganda displaced thousands, Kenyan officials said on Monday.\nUnder a 2013 accord, member states share customs data.\nKenya and Uganda asked for help.\n', '2013'],
    ['t.txt', 'Peru election\nVoters in Peru and Chile went to the polls, Peruvian officials said.\nUnder a 2020 accord, member states share customs data.\nPeru and Chile counted votes.\n', '2020'],
  ],
  // the same sentences in two reports of one story are one quantity
  ['u.txt', 'Storm in Kenya\nKenya and Uganda were hit by floods, officials in Kenya said.\nUnder a 2014 accord, member states share customs data.\nUganda and Kenya asked for help.\n', '2014']);
});

/**
 * Two Marlow reports worded alike with another word in the slot that says what is counted ("farming" / "fishing",
 * "ports" / "roads"): other quantities; a third with the first's word is its quantity, and the values conflict.
 * `work` and `risen` are how the first report writes "work in" and "has risen".
 */
function slotCase(work: string, risen: string): Corpus {
  const c = new Corpus();
  c.set('v.txt', `Jobs in Marlow\nAbout 54,000 people in Marlow ${work} farming, according to local officials.\nOfficials said spending on ports ${risen} for nine straight years.\n`);
  c.set('w.txt', 'Marlow economy\nAbout 44,000 people in Marlow work in fishing, according to local officials.\nOfficials said spending on roads has risen for 9 straight years.\n');
  assert.notEqual(claimOf(c, fig(c, 'v.txt', '54,000')), claimOf(c, fig(c, 'w.txt', '44,000')));
  assert.notEqual(claimOf(c, fig(c, 'v.txt', 'nine')), claimOf(c, fig(c, 'w.txt', '9')));
  // the same slot filled alike is the same quantity, and the values conflict
  c.set('x.txt', 'Marlow jobs\nAbout 70,000 people in Marlow work in farming, according to local officials.\n');
  const farming = claimOf(c, fig(c, 'v.txt', '54,000'));
  assert.equal(farming, claimOf(c, fig(c, 'x.txt', '70,000')));
  assert.equal(farming.status, 'conflict');
  return c;
}

test('the same wording with another word in the slot that says what is counted is another quantity', () => {
  slotCase('work in', 'has risen');
});

test('two lower-case words glued by text extraction are read as two: the word that says what is counted still tells quantities apart', () => {
  // "workin" and "hasrisen": the spaces the extraction lost, before the word in the slot
  const c = slotCase('workin', 'hasrisen');
  // the words are split, the figure keeps its place and text
  assert.deepEqual(fig(c, 'v.txt', 'nine').context.slice(0, 2), ['risen', 'port']);
});

test('words a word list knows stay whole; a glued pair splits where a reader would', () => {
  const c = new Corpus();
  c.set('a.txt', 'Notes\nThe reconnections went onwards as inflation eased to 3% in Marlow.\nPrices rose 4% theyear before, and exports fell 2%, officials said toreassure buyers.\n');
  assert.deepEqual(fig(c, 'a.txt', '3%').context, ['eased', 'inflation', 'onward', 'went', 'reconnection']);
  // "the|year", not "they|ear"; "to|reassure", not "tore|assure"
  const four = fig(c, 'a.txt', '4%').context;
  assert.ok(four.includes('year') && !four.includes('ear'), four.join(' '));
  const two = fig(c, 'a.txt', '2%').context;
  assert.ok(two.some(w => w.startsWith('reassur')) && !two.includes('tore'), two.join(' '));
  // "were|written", not "we|rewritten"; "farmers|in", not "farmer|sin"
  c.set('b.txt', 'Notes\nA 6% levy and rules werewritten into law, and farmersin Marlow paid it.\n');
  assert.deepEqual(fig(c, 'b.txt', '6%').context, ['tariff', 'rule', 'written', 'law', 'farmer', 'paid']);
});

test('a country glued to the word after it, in one word or two, is read as the country; a name that comes again stays whole', () => {
  // "Greecefell": the fall is found again, so the change is no share of a whole, and Greece is named
  lookAlikes([
    ['g1.txt', 'Zambia trade\nMining accounts for 20 percent of Zambia\'s exports, the ministry said.\n', '20 percent'],
    ['g2.txt', 'Zambia trade\nZambian exports to Greecefell 19 percent last year, the ministry said.\n', '19 percent'],
  ], ['g3.txt', 'Zambia trade\nMining accounts for 24 percent of Zambia\'s exports, the ministry said.\n', '24 percent'], 'conflict');
  const c = new Corpus();
  c.set('g2.txt', 'Zambia trade\nZambian exports to Greecefell 19 percent last year, the ministry said.\n');
  c.set('n.txt', 'Port news\nAna Chadwick said the port would reopen. Chadwick left on Monday.\n');
  const names = (doc: string) => c.mentionsOf(doc).map(m => m.mention.text);
  assert.ok(names('g2.txt').includes('Greece'), names('g2.txt').join(', '));
  assert.ok(names('n.txt').includes('Ana Chadwick') && !names('n.txt').includes('Chad'), names('n.txt').join(', '));
  // a name of two words: "New Zealandestablished", "South Koreanexports"
  c.set('k.txt', 'Trade\nSouth Koreanexports to Hungary fell 16 percent, and New Zealandestablished ties with Chile.\n');
  assert.ok(names('k.txt').includes('South Korean') && names('k.txt').includes('New Zealand'), names('k.txt').join(', '));
});

test('a raise is a change, not a share of a whole', () => {
  lookAlikes([
    ['r1.txt', 'Crestline\nCrestline Capital controls 31% of its home market, according to industry estimates.\n', '31%'],
    ['r2.txt', 'Crestline talks\nThe union wants wages raised by 30%, while Crestline Capital has offered half that.\n', '30%'],
  ], ['r3.txt', 'Crestline\nCrestline Capital controls 33% of its home market, according to industry estimates.\n', '33%'], 'conflict');
});

test('what a sentence opens with, in one word or two, says what its share is of', () => {
  lookAlikes([
    ['p1.txt', 'Poland trade\nClean power accounts for 24 per cent of Poland\'s exports.\n', '24 per cent'],
    ['p2.txt', 'Poland trade\nBanking accounts for 26 per cent of Poland\'s exports.\n', '26 per cent'],
  ], ['p3.txt', 'Polish trade\nClean power accounts for 21 per cent of Poland\'s exports.\n', '21 per cent'], 'conflict');
});

test('a figure with no name right beside it is about what the words a little further name', () => {
  lookAlikes([
    ['y.txt', 'Ports pact\nKenya and Uganda met in Nairobi.\nUnder a 2013 accord, member states share customs data through the Solen Port Authority.\n', '2013'],
    ['z.txt', 'Ports pact talks\nKenya and Uganda met again in Nairobi.\nUnder a 2009 accord, member states share customs data through the Alder Port Authority.\n', '2009'],
  ], ['u.txt', 'Ports pact\nKenya and Uganda met in Nairobi.\nUnder a 2011 accord, member states share customs data through the Solen Port Authority.\n', '2011']);
});

test('a capitalised sentence opener that names nothing still says what a figure counts', () => {
  lookAlikes([
    ['m.txt', 'Budget\n\nSpending on ports has risen for nine straight years, officials said.\n', 'nine'],
    ['n.txt', 'Budget news\n\nSpending on roads has risen for 9 straight years, officials said.\n', '9'],
  ], ['o.txt', 'Budget\n\nSpending on ports has risen for seven straight years, officials said.\n', 'seven']);
});

test('a figure between two countries is not the same figure between another pair', () => {
  lookAlikes([
    ['h1.txt', 'Hungary talks\nHungary and Egypt established diplomatic relations in 1969, officials recalled.\n', '1969'],
    ['h2.txt', 'Hungary visit\nHungary and France established diplomatic relations in 1988, officials recalled.\n', '1988'],
  ], ['h3.txt', 'Hungary talks\nEgypt and Hungary established diplomatic relations in 1963, officials recalled.\n', '1963'], 'conflict');
});

test('what a person who opens the sentence did is that person\'s, whatever the spelling of the name in each article', () => {
  lookAlikes([
    ['k1.txt', 'Returning home\nAda Belner spent 13 years abroad before returning to Peru.\n', '13 years'],
    ['k2.txt', 'Back in Lima\nOmar Quenane spent 12 years abroad before returning to Peru.\n', '12 years'],
  ],
  // the same person, named in full in one article and by family name in another: one quantity, in conflict
  ['k3.txt', 'Belner returns\nBelner spent 15 years abroad before returning to Peru.\n', '15 years'], 'conflict');
});

test('trade one way is not trade the other way', () => {
  lookAlikes([
    ['t1.txt', 'Trade figures\nHungarian exports to Morocco fell 6 percent last year, the ministry said.\n', '6 percent'],
    ['t2.txt', 'Trade figures\nMoroccan exports to Hungary fell 10 percent last year, the ministry said.\n', '10 percent'],
  ],
  // the same flow, the exporter named by its country, not its demonym
  ['t3.txt', 'Trade figures\nHungary\'s exports to Morocco fell 8 percent last year, the ministry said.\n', '8 percent'], 'conflict');
});

test('a share of a whole is not a change', () => {
  lookAlikes([
    ['s1.txt', 'Zambia trade\nMining accounts for 20 percent of Zambia\'s exports, the ministry said.\n', '20 percent'],
    ['s2.txt', 'Zambia trade\nZambia\'s exports fell 19 percent last year, the ministry said.\n', '19 percent'],
  ], ['s3.txt', 'Zambia trade\nMining accounts for 24 percent of Zambia\'s exports, the ministry said.\n', '24 percent'], 'conflict');
});

test('figures whose wording shares nothing but the noun they count are other quantities', () => {
  lookAlikes([
    ['m1.txt', 'Port growth\nSan Marroville, a city of about 316,000 people, has grown quickly since the port was expanded.\n', '316,000'],
    ['m2.txt', 'Storm\nAround 374,000 residents of San Marroville province were evacuated before the storm arrived.\n', '374,000'],
  ], ['m3.txt', 'Port city\nSan Marroville, a city of about 420,000 people, has grown quickly since the port was expanded.\n', '420,000'], 'conflict');
});

test('a person\'s figure is not that of a name nothing identified that opens its sentence the same way', () => {
  lookAlikes([
    ['y1.txt', 'Back home\nTaa Yorane, an engineer, lives in Dublin.\nYorane spent eleven years abroad before returning to Ireland.\n', 'eleven years'],
    ['y2.txt', 'Returning\nKovovic spent ten years abroad before returning to Ireland.\n', 'ten years'],
  ], ['y3.txt', 'Home again\nTaa Yorane, an engineer, lives in Cork.\nYorane spent 14 years abroad before returning to Ireland.\n', '14 years'], 'conflict');
});

test('a rise and a fall are not one change', () => {
  lookAlikes([
    ['g1.txt', 'Romania outlook\nRomania\'s economy grew 2.2 percent last year, helped by exports.\n', '2.2 percent'],
    ['g2.txt', 'Romania trade\nExports from Romania fell 2 percent last year, officials said.\n', '2 percent'],
  ], ['g3.txt', 'Romania outlook\nRomania\'s economy expanded 2.8 percent last year, helped by exports.\n', '2.8 percent'], 'conflict');
});

test('the word a sentence opens with can be what its figure counts', () => {
  lookAlikes([
    ['e1.txt', 'Brazil exports\n\nCoffee accounts for 23% of Brazil\'s exports.\n', '23%'],
    ['e2.txt', 'Brazil trade\n\nTourism accounts for 25% of Brazil\'s exports.\n', '25%'],
  ], ['e3.txt', 'Brazil exports\n\nCoffee accounts for 28% of Brazil\'s exports.\n', '28%']);
});

test('a round number is rounded at its last digit, not by a fixed share', () => {
  const c = new Corpus();
  c.set('r1.txt', 'Strike\nUnion leaders said 25,400 members had stopped work at sites in Wyssdal.\n');
  c.set('r2.txt', 'Strike spreads\nUnion leaders said 25,500 members had stopped work at sites in Wyssdal.\n');
  const strike = claimOf(c, fig(c, 'r1.txt', '25,400'));
  assert.equal(strike, claimOf(c, fig(c, 'r2.txt', '25,500')));
  assert.equal(strike.status, 'conflict');
  // but a number rounded to a single digit still agrees with a value close to it
  const d = new Corpus();
  d.set('r3.txt', 'Strike\nUnion leaders said 10,000 members had stopped work at sites in Wyssdal.\n');
  d.set('r4.txt', 'Strike spreads\nUnion leaders said 9,800 members had stopped work at sites in Wyssdal.\n');
  const round = claimOf(d, fig(d, 'r3.txt', '10,000'));
  assert.equal(round, claimOf(d, fig(d, 'r4.txt', '9,800')));
  assert.equal(round.status, 'agree');
});

test('one name in place of another is another quantity; the same statement with a value further off is found and conflicts', () => {
  lookAlikes([
    ['d1.txt', 'Roads\n\nThe drive from Avelmoor to Brisklund takes about four hours, officials said.\n', 'about four hours'],
    ['d2.txt', 'Roads news\n\nThe drive from Avelmoor to Corinvale takes about six hours, officials said.\n', 'about six hours'],
  ], ['d3.txt', 'Roads\n\nThe drive from Avelmoor to Brisklund takes about seven hours, officials said.\n', 'about seven hours'], 'conflict');
});

test('a figure that says no time is as of its article: the same sentence in articles published years apart is two quantities', () => {
  const report = (year: number, day: number, voters: string) =>
    `Vote count begins\nPublished March ${day}, ${year}\nOfficials in Lunean began counting on Sunday.\n${voters} people were registered to vote.\n`;
  lookAlikes([
    ['a.txt', report(2020, 3, '79.8 million'), '79.8 million'],
    ['b.txt', report(2026, 5, '88.4 million'), '88.4 million'],
  ],
  // published the same week: one quantity, and the values conflict
  ['c.txt', report(2020, 4, '78.9 million'), '78.9 million'], 'conflict');
  // a figure dated in its sentence is compared whenever its article appeared
  const c = new Corpus();
  c.set('d.txt', 'Census\nPublished March 3, 2020\n79.8 million people were registered to vote in 2019.\n');
  c.set('e.txt', 'Census\nPublished March 5, 2026\n78.9 million people were registered to vote in 2019.\n');
  assert.equal(claimOf(c, fig(c, 'd.txt', '79.8 million')).status, 'conflict');
});

test('an organisation that opens the sentence and acts in it holds its figures: two companies\' dates are two quantities', () => {
  lookAlikes([
    ['a.txt', 'Port news\nLarkspur Industries opened its first office in Port Lunean in 1992. Mosaic Electronics opened its first office in Port Lunean in 1993.\n', '1992'],
    ['a.txt', 'Port news\nLarkspur Industries opened its first office in Port Lunean in 1992. Mosaic Electronics opened its first office in Port Lunean in 1993.\n', '1993'],
  ],
  // the same company in another report: one quantity, and the years conflict
  ['b.txt', 'Company profile\nLarkspur Industries opened its first office in Port Lunean in 1994, its chairman recalled.\n', '1994'], 'conflict');
});

test('a rank in a whole named after it ("the biggest source of investment in Greece") is a rank of that whole; the same words for another whole are another ranking', () => {
  lookAlikes([
    ['g.txt', 'Kenya and Greece\nKenya ranks as the second-biggest source of foreign investment in Greece, officials said.\n', 'second-biggest'],
    // the same words for another whole: another ranking
    ['p.txt', 'Kenya and Peru\nKenya ranks as the biggest source of foreign investment in Peru, officials said.\n', 'biggest'],
  ],
  ['h.txt', 'Kenya and Greece\nKenya ranks as the biggest source of foreign investment in Greece, the ministry said.\n', 'biggest'], 'conflict');
});

test('every figure of a large claim keeps the link that joined it, also after an edit (its hover says why it is there)', () => {
  const c = new Corpus();
  const report = (i: number, v: string) => `Port report ${i}\nThe Marlow port authority said container traffic reached ${v} boxes last year, up from the year before.\n`;
  for (let i = 0; i < 60; i++) c.set(`r${i}.txt`, report(i, i === 59 ? '412,000' : '410,000'));
  const claimOfDoc = (doc: string) => c.claimOf(c.figuresOf(doc).find(f => f.kind === 'count')!.id)!;
  const claim = claimOfDoc('r0.txt');
  assert.equal(claim.figures.length, 60);
  assert.equal(claim.status, 'conflict');
  const linked = (cl: Claim) => new Set(cl.links.flatMap(l => [l.a, l.b]));
  assert.deepEqual(claim.figures.filter(id => !linked(claim).has(id)), [], 'figures no link names');
  // an edit re-reads one report: its new figure joins with a link of its own
  c.set('r30.txt', report(30, '410,000').replace('Port report', 'Port report (updated)'));
  const after = claimOfDoc('r30.txt');
  assert.equal(after.figures.length, 60);
  const edited = c.figuresOf('r30.txt').find(f => f.kind === 'count')!;
  assert.ok(linked(after).has(edited.id), 'the edited report\'s figure has a link');
});

test('an edit in one of many articles that repeat an agreeing figure leaves the other articles\' diagnostics alone, until the edit makes it a conflict', () => {
  const c = new Corpus();
  const quays = ['north', 'south', 'east', 'west', 'old', 'new'], uses = ['grain', 'timber', 'coal', 'ferries', 'cars'];
  const report = (i: number, boxes: string, note = '') => `Port report from the ${quays[i % 6]} quay\nThe Marlow port authority said container traffic reached ${boxes} boxes last year, up from the year before.\nThe quay handles ${uses[i % 5]}${note}.\n`;
  const n = 30;
  for (let i = 0; i < n; i++) c.set(`r${i}.txt`, report(i, '410,000'));
  const problems = () => c.docs().flatMap(d => c.problemsOf(d).map(p => `${d}:${p.start}:${p.code}`)).sort();
  const fresh = (texts: Map<string, string>) => { const f = new Corpus(); for (const [d, t] of texts) f.set(d, t); return f.docs().flatMap(d => f.problemsOf(d).map(p => `${d}:${p.start}:${p.code}`)).sort(); };
  const texts = new Map(c.docs().map(d => [d, c.text(d)!]));
  const shared = () => c.claimOf(c.figuresOf('r0.txt').find(f => f.text === '410,000')!.id)!;
  assert.equal(shared().figures.length, n);
  assert.equal(shared().status, 'agree');
  assert.deepEqual(problems(), []);
  const edit = (doc: string, text: string) => { texts.set(doc, text); const ch = c.set(doc, text); return ch.touched; };
  // an edit that keeps the shared figure's value: only the edited article is to be reported again
  assert.deepEqual(edit('r7.txt', report(7, '410,000', ' and salt')), ['r7.txt']);
  assert.equal(shared().figures.length, n);
  assert.deepEqual(problems(), fresh(texts));
  // one article now gives another value: every article of the claim gets a warning, so all are reported again
  const touched = edit('r7.txt', report(7, '395,000', ' and salt'));
  assert.equal(new Set(touched).size, n);
  assert.equal(shared().status, 'conflict');
  assert.equal(problems().length, n);
  assert.deepEqual(problems(), fresh(texts));
  // and back: the warnings go from every article
  assert.equal(new Set(edit('r7.txt', report(7, '410,000', ' and salt'))).size, n);
  assert.deepEqual(problems(), []);
});

test('a target for one part of a whole is not the target for another part, even by the same date: the word in the slot outweighs the date and the closeness of the values', () => {
  lookAlikes([
    ['a.txt', 'Portugal plan\nOfficials in Braga were cautious. Portugal wants textiles to make up 37 percent of output by 2045. Critics were not convinced.\n', '37 percent'],
    ['b.txt', 'Portugal outlook\nThe mood in Braga was hopeful. Portugal wants energy to make up 34% of output by 2045. A carmaker opened an office there.\n', '34%'],
  ], ['c.txt', 'Textile plan\nPortugal wants textiles to make up 39 percent of output by 2045, a minister said.\n', '39 percent'], 'conflict');
});

test('a country that opens the name of who is quoted ("the New Zealand Ministry of Trade said") is not what the figure is about', () => {
  lookAlikes([
    ['a.txt', 'Prices\nInflation in Chile eased to 3.1% last month, the New Zealand Ministry of Trade said in a note.\n', '3.1%'],
    ['b.txt', 'Prices\nInflation in New Zealand eased to 3 per cent last month, a union of port workers said.\n', '3 per cent'],
  ], ['c.txt', 'Chile\nInflation in Chile eased to 3.4 per cent last month, the statistics office said.\n', '3.4 per cent'], 'conflict');
});

test('a weekday read off its article\'s date is a date of that article\'s time: the same words in articles published more than a year apart are two events', () => {
  lookAlikes([
    ['a.txt', 'Vote count\nLISBON, June 10, 2025 - The Harbour Party won 40 seats, results published on Sunday showed.\n', 'Sunday'],
    ['b.txt', 'Vote count\nLISBON, December 16, 2026 - The Harbour Party won 44 seats, results published on Monday showed.\n', 'Monday'],
  ], ['c.txt', 'Vote count\nLISBON, June 11, 2025 - The Harbour Party won 40 seats, results published on Saturday showed.\n', 'Saturday'], 'conflict');
});

test('a name nothing identified that opens its sentence holds its figure even with a place before the figure: two leaders\' visits to one country are two visits', () => {
  lookAlikes([
    ['a.txt', 'Visit\nPresident Anel Varrow arrived in Perth. Varrow is on a three-day state visit to Australia that began on Thursday.\n', 'Thursday'],
    ['b.txt', 'Visit news\nKessin is on a four-day state visit to Australia that began on Tuesday.\n', 'Tuesday'],
  ], ['c.txt', 'Visit\nAnel Varrow landed. Varrow is on a three-day state visit to Australia that began on Friday.\n', 'Friday'], 'conflict');
});

test('"make up a share of output" is not "what it makes": a target for a part of output and a company\'s export plan are two quantities', () => {
  lookAlikes([
    ['a.txt', 'Plan\nOfficials in Braga spoke. Portugal wants energy to make up 34 percent of output by 2040. Critics were not convinced.\n', '34 percent'],
    ['b.txt', 'Plant\nBRAGA -- The company plans to ship 33 percent of what it makes to buyers outside Portugal.\n', '33 percent'],
  ], ['c.txt', 'Energy\nPortugal wants energy to make up 36% of output by 2040, the minister said.\n', '36%'], 'conflict');
});

test('different values in sentences that share not one word are not one quantity, even about the same ministry', () => {
  lookAlikes([
    ['a.txt', 'Credit\nA survey by the Lusitania Ministry of Industry found that 36 percent of small firms struggle to get credit.\n', '36 percent'],
    ['b.txt', 'Loans\nLoans from the Lusitania Ministry of Industry will cover 35% of the cost.\n', '35%'],
  ], ['c.txt', 'Firms\nA survey by the Lusitania Ministry of Industry found that 38% of small firms struggle to get credit.\n', '38%'], 'conflict');
});

test('a way named by its two ends is another quantity when the ends differ, and the same one either way round ("the drive from A to B")', () => {
  const c = withNotes();
  c.set('a.txt', 'Roads\nThe drive from Dornia to Selkera takes about two hours.\n');
  // (a town that is also a mayor's family name: not what the figure is about, so only Dornia is)
  c.set('b.txt', 'Roads\nMayor Tomas Elskan spoke. The drive from Elskan toDornia takes about three hours. Elskan said so.\n');
  c.set('c.txt', 'Roads\nThe drive from Selkera to Dornia takes about three hours.\n');
  const a = claimOf(c, fig(c, 'a.txt', 'two hours')), b = claimOf(c, fig(c, 'b.txt', 'three hours'));
  assert.notEqual(a, b);
  assert.equal(a, claimOf(c, fig(c, 'c.txt', 'three hours')));
  assert.equal(a!.status, 'conflict');
});

test('a target for one sector\'s share of output is not another sector\'s, even with values one point apart and the same date', () => {
  const a: Report = ['a.txt', 'Plan\nOfficials in Lagos spoke. Nigeria wants tourism to make up 30% of output by 2045. A survey found little.\n', '30%'];
  const b: Report = ['b.txt', 'Outlook\nCritics were not convinced. Nigeria wants energy to make up 29 percent of output by 2045.\n', '29 percent'];
  const c: Report = ['c.txt', 'Outlook\nCritics were not convinced. Nigeria wants tourism to make up 29 percent of output by 2045.\n', '29 percent'];
  const claims = (x: Report, y: Report) => {
    const k = withNotes();
    k.set(x[0], x[1]); k.set(y[0], y[1]);
    return [claimOf(k, fig(k, x[0], x[2])), claimOf(k, fig(k, y[0], y[2]))];
  };
  const [ta, energy] = claims(a, b);
  assert.notEqual(ta, energy);
  const [tb, tourism] = claims(a, c);
  assert.equal(tb, tourism);
  assert.equal(tb!.status, 'conflict');
});

test('dates that articles published years apart each give of their own time are two events, while a date far from its article\'s time still conflicts', () => {
  lookAlikes([
    ['a.txt', 'Election\nLISBON, May 26, 2019 - Voters in Lusitania went to the polls on May 24, 2019. Turnout was high.\n', 'May 24, 2019'],
    ['b.txt', 'Election\nLISBON, January 18, 2026 - Voters in Lusitania went to the polls on 15 January 2026. Turnout was low.\n', '15 January 2026'],
  ], ['c.txt', 'Election\nLISBON, May 27, 2019 - Voters in Lusitania went to the polls on May 23, 2019.\n', 'May 23, 2019'], 'conflict');
  // an article of 2026 that dates that 2019 vote wrongly is still in conflict with it
  lookAlikes([
    ['a.txt', 'Election\nLISBON, May 26, 2019 - Voters in Lusitania went to the polls on May 24, 2019. Turnout was high.\n', 'May 24, 2019'],
    ['b.txt', 'Election\nLISBON, January 18, 2026 - Voters in Lusitania went to the polls on 15 January 2026. Turnout was low.\n', '15 January 2026'],
  ], ['c.txt', 'Election\nLISBON, January 20, 2026 - Voters in Lusitania last went to the polls on May 21, 2019.\n', 'May 21, 2019'], 'conflict');
});

test('in articles of unknown date, a figure that says no time is as of the latest day the article gives: two elections six years apart are two electoral rolls', () => {
  lookAlikes([
    ['a.txt', 'Election\nThe election, held on August 19, 2025, was the first under the new rules. The electoral roll of Lusitania lists 19.9 million voters.\n', '19.9 million'],
    ['b.txt', 'Election\nThe election, held on May 24, 2019, was the first under the new rules. The electoral roll of Lusitania lists 21 million voters.\n', '21 million'],
  ], ['c.txt', 'Election\nThe election, held on August 17, 2025, was the first under the new rules. The electoral roll of Lusitania lists 21 million voters.\n', '21 million'], 'conflict', true);
});

test('a projection ("on course to win", "on track to", "poised to") is not the result, while two projections conflict', () => {
  lookAlikes([
    ['a.txt', 'Vote count\nThe Progress Alliance is on course to win 177 of the 477 seats in parliament, officials said.\n', '177'],
    ['b.txt', 'Vote count\nThe Progress Alliance won 193 of the 477 seats in parliament, officials said.\n', '193'],
  ], ['c.txt', 'Vote count\nThe Progress Alliance is poised to win 164 of the 477 seats in parliament, officials said.\n', '164'], 'conflict', true);
});

test('two forecasters\' forecasts are two quantities: that they differ is no conflict, while one forecaster\'s two figures still conflict', () => {
  lookAlikes([
    ['a.txt', 'Outlook\nThe Harbour Institute for Energy Studies expects the economy of Lusitania to grow by between 5.1% and 5.6% next year.\n', '5.1%'],
    ['b.txt', 'Outlook\nThe Westmark Bank expects the economy of Lusitania to grow by between 4.1% and 4.6% next year.\n', '4.1%'],
  ], ['c.txt', 'Outlook\nThe Harbour Institute for Energy Studies expects the economy of Lusitania to grow by 4.5% to 5% next year.\n', '4.5%'], 'conflict', true);
});

test('a forecast for "next year" in an article of unknown date is not the growth of a year given', () => {
  const c = withNotes();
  c.set('a.txt', 'Outlook\nThe Harbour Farming Council expects Kenya’s economy to grow between 3.5 and 4 per cent next year.\n');
  c.set('b.txt', 'Review\nKenya’s economy grew 3.4 per cent in 2020, helped by farming and exports.\n');
  assert.notEqual(claimOf(c, fig(c, 'a.txt', '3.5 and 4 per cent')), claimOf(c, fig(c, 'b.txt', '3.4 per cent')));
  // with the article's date known, "next year" is a year like any other: 2021 here, not 2020
  c.set('a.txt', 'Outlook\nNAIROBI, May 4, 2020 - The Harbour Farming Council expects Kenya’s economy to grow between 3.5 and 4 per cent next year.\n');
  assert.equal(fig(c, 'a.txt', '3.5 and 4 per cent').time.when, '2021');
});

test('different values of two things measured are two quantities: spending on steel is not the output of steel', () => {
  lookAlikes([
    ['a.txt', 'Steel\nIn Kenya, spending on steel grew 6 percent last year, officials said.\n', '6 percent'],
    ['b.txt', 'Steel\nIn Kenya, output of steel grew 6.5 percent last year, officials said.\n', '6.5 percent'],
  ], ['c.txt', 'Steel\nIn Kenya, spending on steel grew 7.5 percent last year, officials said.\n', '7.5 percent'], 'conflict', true);
});

test('"Philippine exports" come from the Philippines (a plural name\'s adjective): they are not Tanzanian exports to the same country', () => {
  lookAlikes([
    ['a.txt', 'Trade\nPhilippine exports to Malaysia fell 19 per cent in the first half of the year.\n', '19 per cent'],
    ['b.txt', 'Trade\nTanzanian exports to Malaysia fell 18% in the first half of the year.\n', '18%'],
  ], ['c.txt', 'Trade\nExports from the Philippines to Malaysia fell 17 percent in the first half of the year.\n', '17 percent'], 'conflict', true);
});

test('a headline\'s person who does something ("Governor Zelir Ivek Begins Five-Day Visit") holds its figure: two governors\' visits are two visits', () => {
  lookAlikes([
    ['a.txt', 'Governor Zelir Ivek Begins Five-Day Visit to Indonesia\nGovernor Zelir Ivek arrived in Jakarta, officials said.\n', 'Five-Day'],
    ['b.txt', 'Governor Isoo Quenton Begins Four-Day Visit to Indonesia\nGovernor Isoo Quenton arrived in Jakarta, officials said.\n', 'Four-Day'],
  ], ['c.txt', 'Governor Zelir Ivek Starts Four-Day Visit to Indonesia\nGovernor Zelir Ivek landed in Jakarta.\n', 'Four-Day'], 'conflict', true);
});

test('weekdays read off the dates of articles published months apart are two events; a day apart, the same one', () => {
  lookAlikes([
    ['a.txt', 'Storm\nLISBON, May 20, 2025 - The death toll rose to 160 on Monday, officials in Braga said.\n', 'Monday'],
    ['b.txt', 'Storm\nLISBON, December 26, 2025 - The death toll rose to 143 on Thursday, officials in Braga said.\n', 'Thursday'],
  ], ['c.txt', 'Storm\nLISBON, May 21, 2025 - The death toll rose to 160 on Sunday, officials in Braga said.\n', 'Sunday'], 'conflict');
});

test('a forecast is not what came about: a growth forecast for 2020 and the growth of 2020 are two quantities, while two forecasts compare', () => {
  lookAlikes([
    ['a.txt', 'Outlook\nNAIROBI, May 4, 2019 - The Harbour Institute expects Kenya’s economy to grow 3.6 percent to 4.1 percent next year.\n', '3.6 percent'],
    ['b.txt', 'Review\nNAIROBI, March 2, 2021 - Kenya’s economy grew 4.2 percent in 2020, helped by farming and exports.\n', '4.2 percent'],
  ], ['c.txt', 'Outlook\nNAIROBI, May 6, 2019 - Kenya’s economy is expected to grow 4.5% to 5% next year, the Harbour Institute said.\n', '4.5%'], 'conflict', true);
});

test('shares of two wholes are two quantities: a share of exports is not a share of planted land; a share of ballots cast is one of the vote', () => {
  lookAlikes([
    ['a.txt', 'Floods\nFarm officials in Portugal said 21% of planted land was under water.\n', '21%'],
    ['b.txt', 'Trade\nWater supply accounts for 20% of Portugal’s exports, officials in Portugal said.\n', '20%'],
  ], ['c.txt', 'Floods\nOfficials in Portugal said 25 percent of planted land was under water.\n', '25 percent'], 'conflict', true);
  lookAlikes([
    ['a.txt', 'Vote\nThe Harbour Party took 43.3 percent of ballots cast, according to preliminary results.\n', '43.3 percent'],
    ['b.txt', 'Turnout\nTurnout was 61 percent, according to preliminary results.\n', '61 percent'],
  ], ['c.txt', 'Vote\nThe Harbour Party won 45.1 per cent of the vote, according to preliminary results.\n', '45.1 per cent'], 'conflict', true);
});

test('two names nothing identified, each opening its sentence and doing something, are two actors: their visits are two; an ordinary word opening a sentence is no one', () => {
  lookAlikes([
    ['a.txt', 'Visit\nGrimada is on a two-day state visit to Spain that began on Monday.\n', 'Monday'],
    ['b.txt', 'Visit\nWickani is on a two-day state visit to Spain that began on Tuesday.\n', 'Tuesday'],
  ], ['c.txt', 'Visit\nGrimada is on a two-day state visit to Spain that began on Sunday.\n', 'Sunday'], 'conflict', true);
  lookAlikes([
    ['a.txt', 'Vote\nTurnout was 59.9%, the Harbour Authority said.\n', '59.9%'],
    ['b.txt', 'Vote\nThe Harbour Party won 41 percent of the vote, the Harbour Authority said.\n', '41 percent'],
  ], ['c.txt', 'Vote\nElection officials put turnout at 62.6 percent, the Harbour Authority said.\n', '62.6 percent'], 'conflict', true);
});

test('articles whose headlines name two different pairs of countries report two events: "the two sides signed" 14 and eleven agreements are two signings', () => {
  lookAlikes([
    ['a.txt', 'Chile, Portugal Sign Agreements During Visit\nThe two sides signed 14 agreements covering energy, rail and ports. Chile and Portugal called the visit a success.\n', '14'],
    ['b.txt', 'Kenya and Portugal Deepen Ties\nThe two sides signed eleven agreements covering energy, rail and ports. Kenya and Portugal called the visit a success.\n', 'eleven'],
  ], ['c.txt', 'Portugal and Chile Mark a Busy Week\nThe two sides signed 12 agreements covering energy, rail and ports, officials in Chile and Portugal said.\n', '12'], 'conflict');
});

test('a headline after a line of page furniture still says what the article is about, and a figure naming only the headline\'s countries is of that event: two delegations\' visits are two visits', () => {
  lookAlikes([
    ['a.txt', 'Skip to main content\nSpain and Chile Deepen Ties\nDuring the five-day visit, the Spanish delegation will also tour industrial zones outside the capital.\n', 'five-day'],
    ['b.txt', 'Skip to main content\nKenya, Spain Sign Agreements During State Visit\nDuring the four-day visit, the Spanish delegation will also tour industrial zones outside the capital.\n', 'four-day'],
  ], ['c.txt', 'Chile and Spain Agree to Deepen Trade\nDuring the three-day visit, the Spanish delegation will also tour industrial zones outside the capital.\n', 'three-day'], 'conflict');
});
