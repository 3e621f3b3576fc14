// Judgements applied without a whole-corpus pass (verdicts, ignores, claim labels, sources of a few
// documents: what the quick fixes write, and anchors an edit moved) give what a fresh analysis with the
// same judgements gives; and an edited document keeps the verdicts on its figures.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Corpus } from '../../server/src/core';
import type { AnalysisRules, Figure } from '../../server/src/core';
import { A, B, C } from '../unit/harbour';

const TEXTS: [string, string][] = [['a.txt', A], ['b.txt', B], ['c.txt', C]];

function corpus(rules?: AnalysisRules, texts = TEXTS): Corpus {
  const c = new Corpus(rules ? { annotations: rules } : {});
  for (const [d, t] of texts) c.set(d, t);
  return c;
}
function span(c: Corpus, doc: string, text: string): { doc: string; start: number; end: number } {
  const f = c.figuresOf(doc).find((x: Figure) => x.text.includes(text));
  assert.ok(f, `figure "${text}" in ${doc}`);
  return { doc, start: f.start, end: f.end };
}
/** Whole-corpus passes so far (internal: to check the changes were applied in place). */
const fullPasses = (c: Corpus) => (c as unknown as { fullPasses: number }).fullPasses;
/** Everything a user sees of the analysis: problems with their messages, claims with status, verdicts and labels, the counts. */
function seen(c: Corpus): unknown {
  const r = c.result();
  return {
    problems: r.problems.map(p => `${p.doc}:${p.start}:${p.code}:${p.severity}:${p.message}`).sort(),
    claims: r.claims.filter(x => x.figures.length).map(x => `${x.id}|${x.status}|${x.resolved}|${x.label}|${JSON.stringify(x.verdicts)}`).sort(),
    entities: r.entities.map(e => `${e.id}|${e.name}|${e.kind}|${e.mentions.map(m => `${m.doc}:${m.start}`).join(',')}`).sort(),
    counts: c.counts(),
  };
}
/** The same, without what an edit patched in may order or name differently (claim ids, the order of listed figures). */
function judged(c: Corpus): unknown {
  const r = c.result();
  return {
    problems: r.problems.map(p => `${p.doc}:${p.start}:${p.code}:${p.severity}`).sort(),
    claims: r.claims.filter(x => x.figures.length).map(x => `${x.status}|${x.resolved}|${JSON.stringify(x.verdicts)}|${[...x.figures].sort().join(',')}`).sort(),
    counts: c.counts(),
  };
}

test('verdicts, ignores, claim names and labels, ignored codes, entity rules changed without a whole-corpus pass equal a fresh analysis', () => {
  const base = corpus();
  const conflict = base.result().claims.find(x => x.status === 'conflict');
  assert.ok(conflict, 'the fixture has a conflict');
  const accepted = span(base, 'a.txt', 'US$21.4 billion');
  const steps: AnalysisRules[] = [
    { verdicts: [{ figure: accepted, verdict: 'accepted' }] },
    { verdicts: [{ figure: span(base, 'b.txt', '$21.8 billion'), verdict: 'wrong' }] },
    { ignores: [{ figure: span(base, 'b.txt', '$21.8 billion') }] },
    { ignores: [{ claim: conflict.id }], claimLabels: { [conflict.id]: 'Trade, last year' } },
    { ignoreCodes: [{ code: 'conflicting-figure', doc: 'b.txt' }] },
    { ignoreCodes: [{ code: 'conflicting-figure', doc: null }] },
    { ignoreDocs: ['a.txt'] },
    // what "Ignore this conflict" writes: the claim named by one of its figures, then ignored by that name
    { joins: [{ figures: [accepted], id: 'trade-now', label: 'Trade now' }], ignores: [{ claim: 'trade-now' }] },
    { joins: [{ figures: [accepted], id: 'trade-now', label: 'Trade now' }], claimLabels: { 'trade-now': 'Trade, renamed' } },
    { joins: [{ figures: [accepted], id: 'trade-now' }] },
    // entity rules: the entities built again, the claims kept
    { notEntities: ['Lisbon'] },
    { entities: [{ name: 'Amara Diallo', aliases: ['Lisbon'], kind: 'person' }], verdicts: [{ figure: accepted, verdict: 'accepted' }] },
    {},
  ];
  const c = corpus();
  c.counts();
  const passes = fullPasses(c);
  for (const rules of steps) {
    c.setOptions({ annotations: rules });
    assert.deepEqual(seen(c), seen(corpus(rules)), JSON.stringify(rules));
  }
  assert.equal(fullPasses(c), passes, 'no whole-corpus pass');
});

test('an alias that makes two spellings of a holder one entity joins their figures, as in a fresh analysis', () => {
  // "Vestria's third-largest" and "the Vestrian Union's second-largest" partner: ranks of different holders,
  // until the annotation file says the two names are one place
  const x = "Norland trade rises\n\nOfficials said on Tuesday that Norland is now Vestria's third-largest trading partner after a year of record shipments.\n";
  const y = "Norland climbs\n\nNorland is now the Vestrian Union's second-largest trading partner after a year of record shipments, officials said on Wednesday.\n";
  const texts: [string, string][] = [...TEXTS, ['x.txt', x], ['y.txt', y]];
  const rules: AnalysisRules = { entities: [{ name: 'Vestria', aliases: ['Vestrian Union'], kind: 'place' }] };
  const ranks = (c: Corpus) => c.result().claims.filter(cl => cl.figures.some(f => f.startsWith('x.txt') || f.startsWith('y.txt')) && cl.figures.length > 1).map(cl => `${cl.status}:${[...cl.figures].sort().join(',')}`);
  assert.deepEqual(ranks(corpus(undefined, texts)), [], 'apart without the alias');
  const fresh = ranks(corpus(rules, texts));
  assert.equal(fresh.length, 1);
  assert.match(fresh[0]!, /^conflict:x\.txt#\d+,y\.txt#\d+$/);
  const c = corpus(undefined, texts);
  c.counts();
  c.setOptions({ annotations: rules });
  assert.deepEqual(ranks(c), fresh, 'the alias reaches the claims');
  assert.deepEqual(seen(c), seen(corpus(rules, texts)));
  // and taking it back parts them again
  c.setOptions({});
  assert.deepEqual(ranks(c), []);
});

test('an edited document keeps the verdict on its figure, and the conflict stays settled', () => {
  const base = corpus();
  const rules: AnalysisRules = { verdicts: [{ figure: span(base, 'a.txt', 'US$21.4 billion'), verdict: 'accepted' }] };
  const c = corpus(rules);
  c.counts();
  const edited = A.replace('officials said', 'trade officials said');
  c.set('a.txt', edited);
  assert.deepEqual(judged(c), judged(corpus(rules, [['a.txt', edited], ['b.txt', B], ['c.txt', C]])));
  assert.ok(c.problemsOf('b.txt').every(p => p.code !== 'conflicting-figure'), 'no open conflict after the edit');
});

test('a new publication date for one document re-reads only it, and equals a fresh analysis', () => {
  const rules: AnalysisRules = { sources: new Map([['b.txt', { published: '2026-03-04' }]]) };
  const c = corpus();
  c.counts();
  const passes = fullPasses(c);
  const changes = c.setOptions({ annotations: rules });
  assert.deepEqual(judged(c), judged(corpus(rules)));
  assert.equal(fullPasses(c), passes, 'no whole-corpus pass');
  assert.ok(changes.docs.length <= 3);
});
