// Entities across invented articles: accents, hyphens, short forms inside a document,
// acronyms, alternative names, explicit equations, demonyms, namesakes kept apart.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Corpus, analyzeDocument } from '../../server/src/core';
import type { AnalysisRules, Entity } from '../../server/src/core';

function corpus(docs: Record<string, string>): Corpus {
  const c = new Corpus();
  for (const [id, text] of Object.entries(docs)) c.set(id, text);
  return c;
}
function entityWith(c: Corpus, form: string): Entity {
  const e = c.result().entities.filter(x => x.mentions.some(m => m.text === form)).sort((a, b) => b.mentions.length - a.mentions.length)[0];
  assert.ok(e, `an entity with the form ${form}`);
  return e;
}
const forms = (e: Entity) => new Set(e.mentions.map(m => m.text));

test('accents and hyphens: Tô Lâm = To Lam, Lee Jae-myung = Lee Jae Myung; short forms and titles inside a document', () => {
  const c = corpus({
    'a.txt': 'Party General Secretary Tô Lâm arrived in Busan on Monday. General Secretary Lâm met President\nKim Min-jun there.\nKim said the talks went well.',
    'b.txt': 'Vietnamese leader To Lam held talks with President Kim Min Jun in Seoul. Lam praised President Kim for the welcome.',
  });
  const lam = entityWith(c, 'To Lam');
  assert.equal(lam.kind, 'person');
  for (const f of ['To Lam', 'Tô Lâm', 'Lâm', 'Lam']) assert.ok(forms(lam).has(f), `To Lam has the form ${f}: ${[...forms(lam)]}`);
  assert.ok(lam.roles.some(r => /General Secretary/.test(r)), `roles ${lam.roles}`);
  const kim = entityWith(c, 'Kim Min-jun');
  for (const f of ['Kim Min Jun', 'President Kim', 'Kim']) assert.ok(forms(kim).has(f), `Kim has ${f}: ${[...forms(kim)]}`);
});

test('a name shaped like a place is no full name for a short form', () => {
  const c = corpus({ 'q.txt': 'Trade news\n\nTrains from Port Caroan Pradelgrad now run daily. About 23,000 people in Pradelgrad work in shipping, officials said.\n' });
  const town = c.entityAt('q.txt', c.text('q.txt')!.indexOf('Pradelgrad work'));
  assert.ok(town, 'Pradelgrad is an entity');
  assert.notEqual(town.mention.via, 'short', `not a short form: ${[...forms(town.entity)].join(', ')}`);
  assert.notEqual(town.entity.kind, 'person');
});

test('an en dash links two names and makes none; a hyphen still joins a name', () => {
  const c = corpus({ 'd.txt': 'Rail plan\n\nThe Thannia–Port Tavorford railway will cost $49 billion. Rents in Thannia have climbed 18 percent. President Jean-Baptiste Kouamé visited.\n' });
  const names = c.result().entities.map(e => e.name);
  assert.ok(names.includes('Thannia') && names.includes('Port Tavorford'), names.join(', '));
  assert.ok(!names.some(n => n.includes('–')), names.join(', '));
  assert.ok(names.includes('Jean-Baptiste Kouamé'), names.join(', '));
});

test('a long run of capitals in a headline is no full name for a short form', () => {
  const c = corpus({ 'h.txt': 'Cyclone Noren Hits Hollindal\n\nRents in Hollindal have climbed 14% in a year, and residents have begun to complain.\n' });
  const town = c.entityAt('h.txt', c.text('h.txt')!.indexOf('Hollindal have'));
  assert.ok(town, 'Hollindal is an entity');
  assert.equal(town.mention.via, 'name', 'not a short form of the headline');
  assert.ok(!forms(town.entity).has('Cyclone Noren Hits Hollindal'), [...forms(town.entity)].join(', '));
});

test('people who share a family name stay apart; the nearest full name before a short form wins', () => {
  const c = corpus({
    'a.txt': 'President Park Ji-hoon opened the forum. Park said trade would grow. "It is a start," said Park Soo-min, a researcher at the Hanbit Institute for Trade Studies. Park, the researcher, added that costs were high.',
  });
  const jihoon = entityWith(c, 'Park Ji-hoon'), soomin = entityWith(c, 'Park Soo-min');
  assert.notEqual(jihoon.id, soomin.id);
  const shorts = c.result().entities.flatMap(e => e.mentions.filter(m => m.text === 'Park').map(m => ({ e: e.id, at: m.start })));
  assert.deepEqual(shorts.map(s => s.e), [jihoon.id, soomin.id]);
  assert.equal(entityWith(c, 'Hanbit Institute for Trade Studies').kind, 'organization');
  // before any full name, the first one after it (a lead that names the person in full only later)
  // (read in the document itself, so that the figures around it know the person)
  const lead = 'Whitcombe is due in Lunean today. Minister Irena Whitcombe will sign two accords, and Whitcombe said so.';
  const ms = analyzeDocument('b.txt', lead).mentions;
  const full = ms.find(m => m.text === 'Irena Whitcombe')!;
  assert.deepEqual(ms.filter(m => m.text === 'Whitcombe').map(m => [m.start, m.via, m.key]), [[0, 'short', full.key], [86, 'short', full.key]]);
});

test('acronyms join their expansions, in any case; alternative country names join through the gazetteer', () => {
  const c = corpus({
    'a.txt': 'Ministers of the Association of Southeast Asian Nations met in Jakarta. The Republic of Korea sent observers.',
    'b.txt': 'ASEAN members disagreed. Officials from the RoK and South Korea\'s trade ministry attended.',
    'c.txt': 'An Asean envoy said the bloc would wait.',
  });
  const asean = entityWith(c, 'ASEAN');
  assert.equal(asean.kind, 'organization');
  for (const f of ['ASEAN', 'Asean', 'Association of Southeast Asian Nations']) assert.ok(forms(asean).has(f), `ASEAN has ${f}`);
  const korea = entityWith(c, 'South Korea');
  assert.equal(korea.kind, 'place');
  for (const f of ['South Korea', 'Republic of Korea', 'RoK']) assert.ok(forms(korea).has(f), `South Korea has ${f}: ${[...forms(korea)]}`);
});

test('a short name the data gives only inside a formal one is the country; a shared one stays nobody\'s', () => {
  const c = corpus({
    'a.txt': 'Greece and Turkey established diplomatic relations long ago, officials in Athens said.',
    'b.txt': 'Talks with Türkiye resumed on Monday. Observers from Korea attended.',
  });
  const turkey = entityWith(c, 'Turkey');
  assert.equal(turkey.kind, 'place');
  assert.ok(forms(turkey).has('Türkiye'), `Turkey and Türkiye are one country: ${[...forms(turkey)]}`);
  // both Koreas are a "Republic of Korea": "Korea" alone names neither
  const korea = c.result().entities.find(e => forms(e).has('Korea'));
  assert.ok(!korea || !forms(korea).has('South Korea'), 'Korea is not South Korea');
});

test('an equation in the text joins two names; demonyms link to their country', () => {
  const c = corpus({
    'a.txt': 'Patrols in the West Sea, known internationally as the Yellow Sea, were stepped up. Vietnamese exporters and Vietnam\'s ministry welcomed it.',
  });
  const sea = entityWith(c, 'Yellow Sea');
  assert.ok(forms(sea).has('West Sea'));
  assert.equal(sea.kind, 'place');
  const vn = entityWith(c, 'Vietnam');
  assert.ok(vn.mentions.some(m => m.text === 'Vietnamese' && m.via === 'demonym'));
});

test('the people of a "-stan" country are named by the name before it, where the data gives only the "-stani" word', () => {
  const c = corpus({ 'a.txt': 'Kazakh exports to Bangladesh fell 20% last year. Uzbek and Kazakhstan officials met in Tashkent.' });
  const kz = entityWith(c, 'Kazakhstan');
  assert.ok(kz.mentions.some(m => m.text === 'Kazakh' && m.via === 'demonym'), kz.mentions.map(m => m.text).join(', '));
  const uz = entityWith(c, 'Uzbek');
  assert.equal(uz.name, 'Uzbekistan');
  assert.ok(uz.mentions.some(m => m.text === 'Uzbek' && m.via === 'demonym'));
});

test('organisations by cue and by short form; places by gazetteer; a credited source is an organisation', () => {
  const c = corpus({
    'a.txt': 'Shares of Korvan Electronics rose in Hanoi.\nSource: Delta Wire',
    'b.txt': 'Korvan is the largest investor in Ho Chi Minh City.',
  });
  const korvan = entityWith(c, 'Korvan Electronics');
  assert.equal(korvan.kind, 'organization');
  assert.ok(forms(korvan).has('Korvan'));
  assert.equal(entityWith(c, 'Ho Chi Minh City').kind, 'place');
  assert.equal(entityWith(c, 'Hanoi').kind, 'place');
  assert.equal(entityWith(c, 'Delta Wire').kind, 'organization');
});

test('a cue word before "of" or "for" opens an organisation\'s name whatever place follows ("University of Sydney", "Bank of Japan"), and its subject opening a sentence is no short form of it', () => {
  const c = corpus({
    'u.txt': 'Campus news\n\nMarta Oyelaran, a historian at the University of New Tellmark, led the survey. A lecturer at the University of Sydney, Joan Pike, agreed. Rates were held by the Bank of Japan.\n',
    'f.txt': 'Fish prices\n\nThe Ministry of Fisheries said catches fell. Fisheries employ about 3,000 people in Dornia.\n',
  });
  for (const n of ['University of New Tellmark', 'University of Sydney', 'Bank of Japan', 'Ministry of Fisheries']) assert.equal(entityWith(c, n).kind, 'organization', n);
  assert.ok(!forms(entityWith(c, 'Ministry of Fisheries')).has('Fisheries'), [...forms(entityWith(c, 'Ministry of Fisheries'))].join(', '));
  const names = c.result().entities.map(e => e.name);
  assert.ok(!names.some(n => /^(University|Bank) of$/.test(n)), names.join(', '));
});

test('office-holders in the plural before "of" name a body: "Joint Chiefs of Staff" is an organisation', () => {
  const c = corpus({ 'j.txt': 'Drills\n\nOn Tuesday the navy and the Joint Chiefs of Staff confirmed the drills off Varnby. The Standing Governors of Tellmark Harbour approved the budget.\n' });
  const jcs = entityWith(c, 'Joint Chiefs of Staff');
  assert.equal(jcs.kind, 'organization');
  assert.equal(entityWith(c, 'Standing Governors of Tellmark Harbour').kind, 'organization');
});

test('continents and oceans joined by hyphens are a region ("Asia-Pacific", "Indo-Pacific", "Euro-Atlantic"), not "Trans-Pacific"', () => {
  const c = corpus({ 'r.txt': 'Shipping\n\nFreight rates across the Asia-Pacific climbed in May. Navies of the Indo-Pacific held drills, and Euro-Atlantic allies watched. A Trans-Pacific cable was laid.\n' });
  for (const n of ['Asia-Pacific', 'Indo-Pacific', 'Euro-Atlantic']) assert.equal(entityWith(c, n).kind, 'place', n);
  assert.notEqual(entityWith(c, 'Trans-Pacific').kind, 'place');
});

test('the plural of a word that ends two countries\' names is a place ("the two Sudans", "the Congos"); a plural of an English word is not ("the Islands")', () => {
  const c = corpus({ 'p.txt': 'Border talks\n\nOil from the two Sudans flows through one pipeline. River trade between the Congos grew by 4%. Voters in the Islands stayed home.\n' });
  assert.equal(entityWith(c, 'Sudans').kind, 'place');
  assert.equal(entityWith(c, 'Congos').kind, 'place');
  assert.ok(!c.result().entities.some(e => e.name === 'Islands' && e.kind === 'place'));
});

test('"according to X, which ..." credits an organisation; "according to X" alone, or "according to X, who ...", does not', () => {
  const c = corpus({
    'a.txt': 'Handsets\n\nTablet sales in Brevia fell 6%, according to Halvex, which tracks device shipments. Laptop sales rose, according to Halvex.\n',
    'b.txt': 'Ports\n\nCargo volumes doubled, according to Okoro. Fees rose, according to Meret Lanz, who advises the port.\n',
  });
  assert.equal(entityWith(c, 'Halvex').kind, 'organization');
  assert.notEqual(entityWith(c, 'Okoro').kind, 'organization');
  assert.notEqual(entityWith(c, 'Meret Lanz').kind, 'organization');
});

test('works made by people are places, and the town in their name is not their short form', () => {
  const c = corpus({ 'r.txt': 'The Kalvormouth Rail Link opened on Monday. About 50,000 people in Kalvormouth work in education.\nTraffic through the Hai Van Tunnel rose.' });
  const link = entityWith(c, 'Kalvormouth Rail Link');
  assert.equal(link.kind, 'place');
  assert.ok(!forms(link).has('Kalvormouth'), `the town is not the rail link: ${[...forms(link)]}`);
  assert.equal(entityWith(c, 'Hai Van Tunnel').kind, 'place');
});

test('sentence-initial ordinary words and headline words are no entities', () => {
  const c = corpus({ 'a.txt': 'Trade And Investment Outlook\n\nWorkers protested in Lagos. Recently, workers in Lagos went home.' });
  const names = c.result().entities.map(e => e.name);
  assert.ok(!names.includes('Workers') && !names.includes('Recently') && !names.includes('Investment Outlook'), names.join(', '));
  assert.ok(names.includes('Lagos'));
});

test('a sentence opening with "New" and a name keeps it: New Zealand, not Zealand; a headline\'s "New Chapter" is no place', () => {
  const c = corpus({
    'n.txt': 'A New Chapter in Trade Ties\n\nNew Zealand and Portugal established relations in 1951. New Varnvia, a city of about 441,000 people, has grown quickly.\n',
  });
  assert.equal(entityWith(c, 'New Zealand').kind, 'place');
  assert.equal(entityWith(c, 'New Varnvia').kind, 'place');
  const names = c.result().entities.map(e => e.name);
  assert.ok(!names.includes('Zealand') && !names.includes('Varnvia'), names.join(', '));
  assert.ok(!names.some(n => /New Chapter/.test(n)), names.join(', '));
});

test('names the gazetteer does not know are places when shaped or described like places', () => {
  const c = new Corpus();
  c.set('p1.txt', 'Harbour towns\n\nHotels in Port Varnel were 94% full during the last holiday season.\nBrenzavik, a city of about 580,000 people, has grown quickly.\n');
  c.set('p2.txt', 'Hill towns\n\nHotels in Upper Morrask were 80% full during the last holiday season.\nOlvadino, a city of about 491,000 people, has grown quickly.\n');
  const kindOf = (doc: string, name: string) => c.entityAt(doc, c.text(doc)!.indexOf(name))?.entity.kind;
  assert.equal(kindOf('p1.txt', 'Port Varnel'), 'place');
  assert.equal(kindOf('p2.txt', 'Upper Morrask'), 'place');
  assert.equal(kindOf('p1.txt', 'Brenzavik'), 'place');
  // and figures about different places are different quantities
  const claim = (doc: string, t: string) => c.claimOf(c.figuresOf(doc).find(f => f.text === t)!.id)!;
  assert.notEqual(claim('p1.txt', '94%'), claim('p2.txt', '80%'));
  assert.notEqual(claim('p1.txt', 'about 580,000'), claim('p2.txt', 'about 491,000'));
  // a compass word before a name ending like an adjective ("-an") is a place unless the name is a continent's or a country's adjective
  c.set('p3.txt', 'Valley towns\n\nHotels in Upper Fioran were 77% full during the last holiday season. Leaders of Southeast Asian and West African states met.\n');
  assert.equal(kindOf('p3.txt', 'Upper Fioran'), 'place');
  assert.notEqual(claim('p3.txt', '77%'), claim('p1.txt', '94%'));
  const names = c.result().entities.map(e => e.name);
  assert.ok(!names.some(n => /Asian|African/.test(n)), names.join(', '));
});

test('a second whole-corpus pass over cached analyses gives what a fresh analysis gives', () => {
  const a = 'Harbour deal\n\nNordvik Shipping Group signed a deal with the port of Lisbon.\nThe IPA, or International Ports Association, welcomed it.\n';
  const b = 'Port news\n\nNordvik said the deal would create 300 jobs.\nThe IPA said more ports would follow.\nNordvik will hire in Lisbon.\n';
  const c = new Corpus();
  c.set('a.txt', a); c.set('b.txt', b);
  c.result();
  // the article with the full names goes; the other is analysed again as a whole corpus, from its cached analysis
  c.delete('a.txt');
  c.settle();
  c.setOptions({ severity: { 'conflicting-figure': 'info' } });
  const fresh = new Corpus();
  fresh.set('b.txt', b);
  const view = (x: Corpus) => x.result().entities.map(e => ({ name: e.name, kind: e.kind, forms: e.forms, evidence: e.evidence, mentions: e.mentions.map(m => [m.doc, m.start, m.via]) }));
  assert.deepEqual(view(c), view(fresh));
});

test('a corpus analysed once lets its raw mentions go, and a later pass reads the documents again', () => {
  const texts: Record<string, string> = {
    'a.txt': 'President Amara Diallo met Lee Jae-myung in Seoul. Diallo said trade rose 5% last year.',
    'b.txt': 'Lee Jae Myung and Amara Diallo signed 12 agreements. Lee said more would follow.',
  };
  const make = (once: boolean, rules?: AnalysisRules) => { const c = new Corpus({ once, ...(rules ? { annotations: rules } : {}) }); for (const [d, t] of Object.entries(texts)) c.set(d, t); return c; };
  const view = (c: Corpus) => c.result().entities.map(e => `${e.name}|${e.kind}|${e.mentions.map(m => `${m.doc}:${m.start}:${m.via}`).join(',')}`);
  const once = make(true);
  assert.deepEqual(view(once), view(make(false)));
  // an entity rule after the pass: the documents are read again, and the rule applies as in a fresh analysis
  const rules: AnalysisRules = { entities: [{ name: 'Amara Diallo', aliases: ['Seoul'], kind: 'person' }] };
  once.setOptions({ annotations: rules, once: true });
  assert.deepEqual(view(once), view(make(false, rules)));
  // and an edit after it
  once.set('b.txt', texts['b.txt']!.replace('12', '14'));
  assert.deepEqual(view(once), view(make(false, rules)));
});

test('words glued by text extraction are told apart at the capital where they meet; brand names stay whole', () => {
  const c = corpus({
    'g.txt': 'Officials described the mood inLunean as hopeful. FoxgloveElectronics said it would hire 300 people near the PortAuthority of Lunean. Sales of the iPhone rose.',
    'h.txt': 'Foxglove Electronics opened a plant in Lunean.',
  });
  const names = c.result().entities.map(e => e.name);
  assert.ok(names.includes('Lunean'), names.join(', '));
  // the glued form is the same organisation as the spaced one, and named by it
  const foxglove = entityWith(c, 'Foxglove Electronics');
  assert.equal(foxglove.kind, 'organization');
  assert.ok(forms(foxglove).has('FoxgloveElectronics'), [...forms(foxglove)].join(', '));
  assert.equal(foxglove.name, 'Foxglove Electronics');
  assert.ok(!names.some(n => /inLunean|^Phone$|^Electronics$/.test(n)), names.join(', '));
  // the spans still lie on the text as written
  const m = c.entityAt('g.txt', c.text('g.txt')!.indexOf('Lunean'))!;
  assert.equal(c.text('g.txt')!.slice(m.mention.start, m.mention.end), 'Lunean');
});

test('a capitalised "The", a sentence-opening "In" and a title glued to the name after them are split; "AB InBev" stays whole', () => {
  const c = corpus({
    'g.txt': 'Trade\nThePellville Institute for Trade Studies said exports rose. InPort Braskvia, dockers went on strike. PrimeMinister Ana Velor and PresidentQuiis Stenley met. Shares of AB InBev rose. InBev shares fell later.\n',
    'h.txt': 'Notes\nThe Pellville Institute for Trade Studies publishes a yearly review. Prime Minister Ana Velor spoke in Port Braskvia.\n',
  });
  const names = c.result().entities.map(e => e.name);
  assert.ok(!names.some(n => /ThePellville|InPort|PrimeMinister|PresidentQuiis/.test(n)), names.join(' | '));
  const institute = entityWith(c, 'Pellville Institute for Trade Studies');
  assert.equal(institute.kind, 'organization');
  assert.equal(institute.mentions.length, 2, institute.mentions.map(m => m.text).join(' | '));
  assert.equal(entityWith(c, 'Port Braskvia').mentions.length, 2);
  const velor = entityWith(c, 'Ana Velor');
  assert.ok(velor.roles.some(r => /Prime Minister|PrimeMinister/.test(r)), velor.roles.join(' | '));
  assert.ok(names.includes('Quiis Stenley'), names.join(' | '));
  assert.ok(names.includes('AB InBev') && !names.includes('Bev'), names.join(' | '));
});

test('a one-word line is not the first half of a name broken across lines', () => {
  const c = new Corpus();
  c.set('b.txt', 'Budget\nSpending on ports has risen for nine straight years, officials in Lisbon said on Monday, and the visit offered a glimpse into President\nAmara Diallo\'s plans.\n');
  const names = c.result().entities.map(e => e.name);
  assert.ok(!names.some(n => /Budget/.test(n)), names.join(', '));
  assert.ok(names.includes('Amara Diallo'), names.join(', '));
});

test('a full stop glued to the next sentence by text extraction, or a dateline\'s dash, still ends it: the ordinary first word after it is no entity', () => {
  const c = corpus({
    'a.txt': 'Dock workers in Lunean went on strike.Behind the scenes, officials talked. Prices rose in Lunean.Behind the scenes, traders waited for a deal to settle once the harvest is in.Behind the scenes, nobody spoke. Output grew 4 percent by 2042.Behind the scenes, nothing moved.',
    'b.txt': 'Behind the scenes, traders in Lunean were calm. Behind closed doors, officials met. Nobody expected a deal.',
    'c.txt': 'Strike Ends\nPublished July 6, 2016\nNEW LUNEAN — Lost output cost Lunean dearly. Lost days were many.\n\nTraders said the next budget would help.“Nobody expected that,” one said.',
  });
  const names = c.result().entities.map(e => e.name);
  assert.ok(!names.includes('Behind') && !names.includes('Lost') && !names.includes('Nobody'), names.join(', '));
  assert.ok(names.includes('Lunean'), names.join(', '));
  // an abbreviation, an initial or a decimal is no sentence end: the name and the figure stay whole
  const d = new Corpus();
  d.set('c.txt', 'Shares of Harbour Corp.Ltd rose 3.5 percent after Gen.Talvi Oskar spoke in St.Louis on Monday.');
  const f = d.result().figures.find(x => x.kind === 'percent')!;
  assert.equal(f.text, '3.5 percent');
  assert.equal(d.sentenceAt('c.txt', f.start).start, 0);
});

test('a word that only ever opens sentences, however often, is no entity; a name seen once inside a sentence is', () => {
  const docs: Record<string, string> = {};
  for (let k = 0; k < 9; k++) docs[`d${k}.txt`] = `Port talks ${k}\nTalks in Lunea went on. Diplomats say privately that the talks are stalling. Kovacz spoke first.\n`;
  let c = corpus(docs);
  let names = c.result().entities.map(e => e.name);
  assert.ok(!names.includes('Diplomats') && !names.includes('Kovacz'), names.join(', '));
  docs['e.txt'] = 'Port talks\nThe talks were led by Kovacz on Monday.\n';
  c = corpus(docs);
  names = c.result().entities.map(e => e.name);
  assert.ok(names.includes('Kovacz') && !names.includes('Diplomats'), names.join(', '));
});

test('a headline of ordinary words is no full name for a short form, nor is a headline\'s a short form of one', () => {
  const c = corpus({
    // the headline's words are not seen in lower case
    'a.txt': 'Silen Abola Set to Form Government\n\nGovernment advisers in Lunea remain cautious, officials said.\n',
    // the words of "Strategic Partnership" are: no person's name, and "Partnership" no short form of it
    'b.txt': 'Talks\n\nThe leaders signed a Strategic Partnership in Lunea. Partnership talks began, and the strategic partnership grew.\n',
    'c.txt': 'Menu Search Sign\nKenya, New Zealand Sign 9 Accords\n\nThe two countries signed nine accords in Lunea, officials said.\n',
  });
  const entities = c.result().entities, names = entities.map(e => e.name);
  assert.ok(!names.some(n => /Form Government|Government|Menu Search Sign|^Sign$/.test(n)), names.join(', '));
  assert.ok(!entities.some(e => e.kind === 'person' || e.mentions.some(m => m.text === 'Partnership')), entities.map(e => `${e.name} (${e.kind})`).join(', '));
  assert.ok(names.includes('Lunea'), names.join(', '));
});

test('a preposition glued to the end of a word before a name is split off: the name stands alone', () => {
  const c = corpus({ 'a.txt': 'Fog\n\nFlightsfrom Nanthera to Lunea were suspended. Speakingin Pellvia, Ana Kovacz said the fog would lift. Flights from Lunea resumed.\n' });
  const names = c.result().entities.map(e => e.name);
  for (const n of ['Nanthera', 'Pellvia', 'Ana Kovacz']) assert.ok(names.includes(n), names.join(', '));
  assert.ok(!names.some(n => /from|Speaking/.test(n)), names.join(', '));
  const text = c.text('a.txt')!;
  const m = c.entityAt('a.txt', text.indexOf('Pellvia'))!;
  assert.equal(text.slice(m.mention.start, m.mention.end), 'Pellvia');
  // words that only end in those letters stay whole
  const d = corpus({ 'b.txt': 'Talks\n\nThe Berlin meeting went well. A Darwin office opened in Lunea.\n' });
  const dn = d.result().entities.map(e => e.name);
  assert.ok(dn.includes('Berlin') && !dn.includes('Berl'), dn.join(', '));
});

test('titles of something, names cut by a lost full stop, people in the plural, and page furniture', () => {
  const names = (text: string) => analyzeDocument('t.txt', text).mentions.map(m => [m.text, m.kind]);
  // what a title is of, without the "of"; a country between the title and its holder is the country
  assert.deepEqual(names('Lei Jun, co-founder and CEO of Xiaomi, spoke.').map(([n]) => n), ['Lei Jun', 'Xiaomi']);
  const president = analyzeDocument('t.txt', 'The talks ended. President of Vietnam Luong Cuong said so.').mentions;
  assert.deepEqual(president.map(m => [m.text, m.kind]), [['Vietnam', 'place'], ['Luong Cuong', 'person']]);
  assert.equal(president[1]!.role, 'President');
  // "AFP The company": a name never ends in "The"
  assert.deepEqual(names('The launch was in Beijing on May 22, AFP The company also grew.').map(([n]) => n), ['Beijing', 'AFP']);
  // the people of a country in the plural are the country's, as its adjective is
  const c = corpus({ 'k.txt': 'North Korea said no. The North Koreans said so, and many Kenyans agreed with Kenya.' });
  assert.ok(forms(entityWith(c, 'North Korea')).has('North Koreans'));
  assert.ok(forms(entityWith(c, 'Kenya')).has('Kenyans'));
  // a related-articles heading or an app promotion is no name
  const page = 'Port report\nThe port grew in Marlow.\nRelated Articles\nMarlow Harbour expands\n';
  assert.ok(names(page).some(([n]) => n === 'Marlow Harbour'), 'the related headline keeps its names');
  assert.ok(!names(page).some(([n]) => n === 'Related Articles' || n === 'Related' || n === 'Articles'));
  assert.ok(!names('Port report\nThe port grew.\nGet Started Now: Download the App\n').some(([n]) => n === 'Download' || n === 'App'));
});

test('a plural noun opening a sentence, a place-made adjective and a landmark are read as a reader reads them', () => {
  const names = (text: string) => analyzeDocument('t.txt', text).mentions.map(m => m.text);
  // "Analysts said": no person; "Woods said" after "Tiger Woods" is his short form
  assert.deepEqual(names('The deal was signed. Analysts said the trip mattered. Cooperatives say power is short.'), []);
  assert.deepEqual(names('Tiger Woods won. Woods said so.'), ['Tiger Woods', 'Woods']);
  // "Czech-built", "Seoul-based": the people's word or the place, and an English word (a name's "-myung" stays)
  assert.deepEqual(names('A Czech-built grinding line and Seoul-based firms came.'), ['Czech', 'Seoul']);
  assert.deepEqual(names('Lee Jae-myung met them.'), ['Lee Jae-myung']);
  // "Indo-Pacific", "Asia-Pacific ...": one name; two countries hyphened are two
  assert.deepEqual(names('Why ties matter for the Indo-Pacific region.'), ['Indo-Pacific']);
  assert.deepEqual(names('The Asia-Pacific Economic Cooperation forum met.'), ['Asia-Pacific Economic Cooperation']);
  assert.deepEqual(names('The Vietnam-South Korea partnership grew.'), ['Vietnam', 'South Korea']);
  // "Prague Castle" is one place, not Prague and a word
  const castle = analyzeDocument('t.txt', 'The visit began at Prague Castle on Monday.').mentions;
  assert.deepEqual(castle.map(m => [m.text, m.kind]), [['Prague Castle', 'place']]);
});

test('a possessive glued to the next word by the extraction ends the name before it', () => {
  const names = (text: string) => analyzeDocument('t.txt', text).mentions.map(m => m.text);
  assert.deepEqual(names('Experts who work in South Korea’ssemiconductor industry came.'), ['South Korea']);
  assert.deepEqual(names("Officials in Romania'scapital met."), ['Romania']);
  // names spelt with an apostrophe, and a possessive before a space, as before
  assert.deepEqual(names("The O'Sullivan family visited Xi'an and Lee's office."), ["O'Sullivan", "Xi'an", 'Lee']);
});

test('a hyphened role noun after a name makes it a person: "co-founder", "vice-chair"', () => {
  const kinds = (text: string) => analyzeDocument('t.txt', text).mentions.map(m => [m.text, m.kind]);
  // (names the name shape alone does not make a person's: one word, or a word the lexicon knows, "Jun")
  assert.deepEqual(kinds('Tao Jun, co-founder of the firm, spoke first.'), [['Tao Jun', 'person']]);
  assert.deepEqual(kinds('The board heard Ekvall, the vice-chairman, disagree.'), [['Ekvall', 'person']]);
});

test('a people\'s word split off by a title, or ending a run before one, is its country\'s and joins no name', () => {
  const names = (text: string) => analyzeDocument('t.txt', text).mentions.map(m => m.text);
  // "Trip of Kenyan President ...": no "Trip of Kenyan"; "Senior Thai officials": no "Senior Thai"
  const trip = corpus({ 'a.txt': 'Trip of Kenyan President Samoei Ruto to Ghana ends. Senior Thai officials welcomed him.' });
  const tn = trip.result().entities.map(e => e.name);
  assert.ok(!tn.some(n => /Trip|Senior/.test(n)), tn.join(', '));
  assert.equal(entityWith(trip, 'Kenyan').name, 'Kenya');
  assert.equal(entityWith(trip, 'Thai').name, 'Thailand');
  // a heading glued to the sentence: the people's word after the place is still the country's
  const glued = corpus({ 'b.txt': 'Talks held in Ghana Kenyan President Samoei Ruto arrived on Monday.' });
  assert.equal(entityWith(glued, 'Kenyan').kind, 'place');
  assert.deepEqual(names('Talks held in Ghana Kenyan President Samoei Ruto arrived.'), ['Ghana', 'Kenyan', 'Samoei Ruto']);
});

test('a list item\'s first word opens a sentence: an ordinary word after the bullet is no entity', () => {
  const c = corpus({ 'l.txt': 'Port news\nThe port will expand.\n- Dredging begins in Lunea next month, and dredging costs are high.\n• Tolls rise in Marlow, where tolls are low.\n' });
  const names = c.result().entities.map(e => e.name);
  assert.ok(names.includes('Lunea') && names.includes('Marlow'), names.join(', '));
  assert.ok(!names.some(n => /Dredging|Tolls/.test(n)), names.join(', '));
});

test('a caption\'s credit, or "the North", glued to the next sentence by a lost full stop, is no part of its first name', () => {
  const names = (text: string) => analyzeDocument('t.txt', text).mentions.map(m => [m.text, m.kind]);
  // "Photo: Wirepix Ruto said ...": the credit is an organisation, the speaker opens the next sentence
  const cap = names('Farmers rest in a field. Photo: Wirepix Ruto said prices would fall.');
  assert.ok(cap.some(([n, k]) => n === 'Wirepix' && k === 'organization'), JSON.stringify(cap));
  assert.ok(!cap.some(([n]) => /Wirepix Ruto/.test(n!)), JSON.stringify(cap));
  // (a credit of several words keeps its cue words; one that ends the line is left whole)
  assert.ok(names('Photo: Kavango News Agency Ruto said so.').some(([n]) => n === 'Kavango News Agency'));
  assert.ok(names('A view of the port.\nPhoto: Amara Diallo\nThe port grew.').some(([n]) => n === 'Amara Diallo'));
  // "the North" named on its own elsewhere: "with the North Ruto ..." and "with the North South Sudan ..." break there
  const north = names('Talks with the North stalled. Kenya wants peace with the North Ruto accused the rebels of delay. Aid to the North South Sudan resumed.');
  assert.ok(!north.some(([n]) => /^North /.test(n!)), JSON.stringify(north));
  assert.ok(north.some(([n]) => n === 'South Sudan'), JSON.stringify(north));
  // (two points of the compass in a row, the second opening a country: the first is no part of it)
  assert.deepEqual(names('A deal with the North South Sudan signs pact').map(([n]) => n), ['South Sudan']);
  // places made with a point of the compass stay whole
  assert.deepEqual(names('Ships from the North crossed the North Sea and the North Atlantic.').map(([n]) => n), ['North Sea', 'North Atlantic']);
});

test('"on" inside the name of a convention or a body, and a plural\'s possessive inside a name, keep the name whole', () => {
  const names = (text: string) => analyzeDocument('t.txt', text).mentions.map(m => [m.text, m.kind]);
  // a convention on a sea is no place; its acronym in parentheses joins it
  const c = corpus({ 'u.txt': 'Both sides cited the Andean Convention on the Protection of the Caribbean Sea (ACPCS) in their statement.' });
  const conv = entityWith(c, 'Andean Convention on the Protection of the Caribbean Sea');
  assert.notEqual(conv.kind, 'place');
  assert.ok(forms(conv).has('ACPCS'), [...forms(conv)].join(', '));
  assert.ok(names('Ruto chairs the Senate Committee on Foreign Affairs.').some(([n, k]) => n === 'Senate Committee on Foreign Affairs' && k === 'organization'));
  // (but not a day or a date after it: "the Summit on Friday")
  assert.ok(!names('The Summit on Friday ended.').some(([n]) => /Friday/.test(n!)));
  // "Leaders' Meetings", "Farmers' Union": one name; a place's possessive still ends the name before it
  assert.ok(names("They met at the Andean Leaders' Meetings in Lima.").some(([n]) => n === "Andean Leaders' Meetings"));
  assert.ok(names('The Farmers’ Union of Lunea protested.').some(([n]) => n === 'Farmers’ Union of Lunea'));
  assert.deepEqual(names("The Philippines' President Marcos spoke.").map(([n]) => n), ['Philippines', 'President Marcos']);
});

test('the head of a name alone is no entity ("the Party and State", "the Ministry"); a newspaper or a parliament called by it is', () => {
  const c = corpus({ 'p.txt': 'Aid came from the Party and State, and the Ministry agreed. Lunea Province and the Province of Marlow said so, the Times wrote, and Congress approved it.\n' });
  const names = c.result().entities.map(e => e.name);
  assert.ok(!names.some(n => /^(Party|State|Ministry|Province)$/.test(n)), names.join(', '));
  assert.ok(names.includes('Times') && names.includes('Congress') && names.includes('Lunea Province'), names.join(', '));
});

test('a brand\'s spelling is no person\'s name shape: digits glued on, capitals inside; Mc-, De- and O\' names still are', () => {
  const kinds = (text: string) => analyzeDocument('t.txt', text).mentions.map(m => [m.text, m.kind]);
  const k = kinds('Sales grew at ShopLoop Mart and through the Nova Cart9 app, said Amy McAdams, while Ron DeSantis and Jo O\'Neill waited.');
  assert.ok(!k.some(([n, kind]) => /ShopLoop|Nova/.test(n!) && kind === 'person'), JSON.stringify(k));
  for (const n of ['Amy McAdams', 'Ron DeSantis', "Jo O'Neill"]) assert.ok(k.some(([x, kind]) => x === n && kind === 'person'), `${n}: ${JSON.stringify(k)}`);
});

test('an acronym a text spells out in ordinary words is a term, no organisation, in every document', () => {
  const c = corpus({
    'a.txt': 'Lunea will spend more on machine learning (ML) and on renewable energy sources (RES), the Kavango Trade Authority (KTA) said.',
    'b.txt': 'The ML boom and RES targets worry the KTA and the WTO.',
  });
  const names = c.result().entities.map(e => e.name);
  assert.ok(!names.some(n => /^(ML|RES)$/.test(n)), names.join(', '));
  assert.ok(forms(entityWith(c, 'Kavango Trade Authority')).has('KTA'));
  assert.ok(names.includes('WTO'), names.join(', '));
  // (unless another article names it in capitals: then it is that name's acronym, as before)
  const d = corpus({ 'a.txt': 'Lunea gets more official development aid (ODA) this year.', 'b.txt': 'Official Development Aid (ODA)\nThe ODA plan grew.' });
  assert.ok(forms(entityWith(d, 'Official Development Aid')).has('ODA'));
});

test('titles with no name after them are no entity: "Deputy PM", "Prime Ministerial Deputy"; a title\'s adjective is part of the title', () => {
  const c = corpus({ 'm.txt': 'Prime Ministerial Deputy hails trade gains\n\nThe gains were large, according to the Deputy PM, and Foreign Minister Amina Ruto agreed. Presidential Envoy Tomas Ekvall came too.\n' });
  const names = c.result().entities.map(e => e.name);
  assert.ok(!names.some(n => /Deputy|Prime|Presidential/.test(n)), names.join(', '));
  assert.ok(names.includes('Amina Ruto') && names.includes('Tomas Ekvall'), names.join(', '));
  assert.ok(entityWith(c, 'Tomas Ekvall').roles.includes('Presidential Envoy'), entityWith(c, 'Tomas Ekvall').roles.join(', '));
});

test('a town named like an ordinary word is the word when it opens a sentence, unless the article names the town inside one', () => {
  const names = (text: string) => analyzeDocument('t.txt', text).mentions.map(m => m.text);
  assert.deepEqual(names('The page has a theme.\nOrange background\nReading the report, officials in Hanoi agreed.'), ['Hanoi']);
  assert.deepEqual(names('Reading grew fast. Trains to Reading run daily.'), ['Reading', 'Reading']);
});

test('a headline\'s verb ends the name before it ("Harlow Motors Bets on Chile", "Kessin Leads Count"): the headline names the story\'s company and person, and a place whose last word looks like a verb stays whole', () => {
  const c = corpus({
    'a.txt': 'Harlow Motors Bets on Chile With New Plant\nHarlow Motors will build its biggest plant outside Europe near Santiago, the company said.\n',
    'b.txt': 'Kessin Leads Count as Polls Close in Varna\nOfficials said Dima Kessin was ahead with most ballots counted. Kessin thanked voters.\n',
    'c.txt': 'United States Imposes Tariffs on Steel\nThe United States will charge importers more from June, officials said.\n',
  });
  const names = c.result().entities.map(e => e.name);
  for (const junk of ['Harlow Motors Bets', 'Kessin Leads', 'Kessin Leads Count']) assert.ok(!names.includes(junk), `no entity ${junk}: ${names.join(', ')}`);
  const harlow = entityWith(c, 'Harlow Motors');
  assert.equal(harlow.mentions.filter(m => m.doc === 'a.txt').length, 2, 'the headline and the story name Harlow Motors');
  assert.ok(forms(entityWith(c, 'Dima Kessin')).has('Kessin'));
  assert.ok(forms(entityWith(c, 'United States')).has('United States'));
});

test('a name glued to the past-tense verb after it ("Tanager Chemicalsopened", "Varrowdiscussed") is the name, when the article also writes it alone; "Blackstone" stays whole', () => {
  const c = corpus({
    'a.txt': 'Plant news\nTanager Chemicals grew fast. Last year Tanager Chemicalsopened a plant near Porto, and Ilsa Varrow and officials of the firm met. The next day Ilsa Varrowdiscussed the plan.\n',
    'b.txt': 'Deals\nThe port was bought by Blackstone on Monday, said Mira Black.\n',
  });
  const names = c.result().entities.map(e => e.name);
  for (const junk of ['Tanager Chemicalsopened', 'Ilsa Varrowdiscussed']) assert.ok(!names.includes(junk), `no entity ${junk}: ${names.join(', ')}`);
  assert.equal(entityWith(c, 'Tanager Chemicals').mentions.length, 2);
  assert.equal(entityWith(c, 'Ilsa Varrow').mentions.length, 2);
  assert.ok(names.includes('Blackstone'));
});

test('a name glued to an auxiliary or "said" after it ("Larkspur Steelhave gained", "the Port Authoritywill publish") is the name, when the article also writes it alone or the glued word is an organisation\'s ("Foxglove Grouphave")', () => {
  const c = corpus({
    'a.txt': 'Steel news\nLarkspur Steel makes rails. Shares of Larkspur Steelhave gained 1.1 per cent this year. The Kessholm Port Authoritywill publish its review, and the Kessholm Port Authority said little. Ilsa Varrowsaid so, and Ilsa Varrow left.\n',
  });
  const names = c.result().entities.map(e => e.name);
  for (const junk of ['Larkspur Steelhave', 'Kessholm Port Authoritywill', 'Ilsa Varrowsaid']) assert.ok(!names.includes(junk), `no entity ${junk}: ${names.join(', ')}`);
  assert.equal(entityWith(c, 'Larkspur Steel').mentions.length, 2);
  assert.equal(entityWith(c, 'Kessholm Port Authority').mentions.length, 2);
  assert.equal(entityWith(c, 'Ilsa Varrow').mentions.length, 2);
  // a name's organisation word glued to the auxiliary, in an article that writes the name nowhere else
  const once = corpus({ 'a.txt': 'Markets\nShares of Foxglove Grouphave gained 1.7 percent since the start of the year.\n' });
  assert.deepEqual(once.result().entities.map(e => e.name), ['Foxglove Group']);
  // and a past tense not in -ed
  const spent = corpus({ 'a.txt': 'Profile\nMara Veyner returned home. Veynerspent 13 years abroad, and Veyner said so.\n' });
  assert.deepEqual(spent.result().entities.map(e => `${e.name}:${e.mentions.length}`), ['Mara Veyner:3']);
  const found = corpus({ 'b.txt': 'Credit\nA survey by the Solstice Farming Councilfound that 13 percent of small firms struggle to get credit.\n' });
  assert.deepEqual(found.result().entities.map(e => `${e.name}:${e.mentions.length}`), ['Solstice Farming Council:1']);
});

test('a common plural glued to a preposition ("Hotelsin San Dalmorera", "Officialsin Kessholm") is no part of the name after it; a family name in -son stays whole', () => {
  const c = corpus({
    'a.txt': 'Tourism\nHotelsin San Dalmorera were 74% full during the last holiday season. Officialsin Kessholm said so. Tellson spent 14 years abroad. Flightsfrom Porto resumed.\n',
  });
  const names = c.result().entities.map(e => e.name);
  for (const junk of ['Hotelsin San Dalmorera', 'Officialsin Kessholm', 'Flightsfrom Porto']) assert.ok(!names.includes(junk), `no entity ${junk}: ${names.join(', ')}`);
  for (const name of ['San Dalmorera', 'Kessholm', 'Porto']) assert.ok(names.includes(name), `${name}: ${names.join(', ')}`);
  // a word in -ing glued to "on" is split too; its context word is then the figure's ("spend")
  const spending = analyzeDocument('b.txt', 'News\nSpendingon clean power has risen for four straight years, though growth slowed to 2% last year.\n');
  assert.ok(spending.features.every(x => x.terms.includes('spend')), spending.features.map(x => x.terms.join(' ')).join(' / '));
  // (a name written once, opening its sentence: the document reads it whole)
  assert.ok(analyzeDocument('a.txt', 'Tourism\nTellson spent 14 years abroad.\n').mentions.some(m => m.text === 'Tellson'));
});

test('a name the text writes alone, glued to "and" or "to", is no part of the next name ("Mira Corierand Tomas Vashwood", "from Pradelerato Nessagrad")', () => {
  const c = corpus({
    'a.txt': 'Talks\nMira Corier and aides arrived early. Mira Corierand Tomas Vashwood met for an hour, and Corier said talks went well.\n',
    'b.txt': 'Roads\nPradelera is a busy market town. The drive from Pradelerato Nessagrad takes about seven hours, and Nessagrad has no airport.\n',
  });
  const names = c.result().entities.map(e => `${e.name}:${e.mentions.length}`);
  for (const name of ['Mira Corier:3', 'Tomas Vashwood:1', 'Pradelera:2', 'Nessagrad:2']) assert.ok(names.includes(name), `${name}: ${names.join(', ')}`);
  // the drive's two ends are read, so it is no drive between two other towns
  const drive = analyzeDocument('b.txt', 'Roads\nPradelera is a busy market town. The drive from Pradelerato Nessagrad takes about seven hours.\n');
  assert.equal(drive.features.length, 1);
  assert.equal(drive.features[0]!.route?.length, 2, `route ${JSON.stringify(drive.features[0]!.route)}`);
});

test('a function word glued to "the", "is" or "are", and a plural glued to "are", are two words ("Inthe end", "Thereis no", "Workersare demanding"); "Willis" stays a name', () => {
  const d = analyzeDocument('a.txt', 'Pay talks\nWorkersare demanding a 4% raise. Inthe end, Willis said 3 ships left. Thereis no deal on the 12 routes.\n');
  assert.deepEqual(d.features.map(x => x.terms.join(' ')), ['demand worker rais', 'said end ship left', 'agreement rout']);
  assert.ok(d.mentions.some(m => m.text === 'Willis'), d.mentions.map(m => m.text).join(', '));
});

test('a town the text names where things happen ("reporters in Varnby", "the drive from Varnby to Kessholm") is a place, and no short form of an institute named after it', () => {
  const c = corpus({
    'a.txt': 'Water report\nThe Varnby Institute for Water Studies said rainfall fell short. The Varnby Institute for Water Studies publishes a yearly survey.\n',
    'b.txt': 'Roads\nOfficials told reporters in Varnby that work would begin soon. The drive from Varnby to Kessholm takes about two hours. Traffic between Kessholm and Varnby was slow.\n',
    'c.txt': 'Phones\nHarlen Electronics sold more phones. Analysts expect Harlen to gain share.\n',
  });
  const town = entityWith(c, 'Varnby');
  assert.equal(town.kind, 'place');
  assert.ok(!forms(town).has('Varnby Institute for Water Studies'), `${[...forms(town)]}`);
  assert.equal(entityWith(c, 'Varnby Institute for Water Studies').kind, 'organization');
  // a company's short form is still the company's
  assert.ok(forms(entityWith(c, 'Harlen Electronics')).has('Harlen'));
});

test('a short form that two articles equate with two different names joins neither name to the other: in each article it is that article\'s name', () => {
  const c = corpus({
    'a.txt': 'Port plans\nThe Upper Orvelford Port Authority (UOPA) has set aside US$332m for new projects. UOPA said work starts in May.\n',
    'b.txt': 'Harbour plans\nThe Upper Orvelville Port Authority (UOPA) has set aside US$314m for new projects. UOPA said work starts in June.\n',
  });
  const ford = entityWith(c, 'Upper Orvelford Port Authority'), ville = entityWith(c, 'Upper Orvelville Port Authority');
  assert.notEqual(ford.id, ville.id);
  assert.deepEqual(ford.mentions.map(m => `${m.doc}:${m.text}`), ['a.txt:Upper Orvelford Port Authority', 'a.txt:UOPA', 'a.txt:UOPA']);
  assert.deepEqual(ville.mentions.map(m => `${m.doc}:${m.text}`), ['b.txt:Upper Orvelville Port Authority', 'b.txt:UOPA', 'b.txt:UOPA']);
  // and the two figures are no conflict
  assert.deepEqual(c.result().problems.map(p => p.message), []);
  // one name equated with its short form in two articles still joins across them
  const one = corpus({ 'a.txt': 'Port\nThe Upper Orvelford Port Authority (UOPA) met.\n', 'b.txt': 'Port\nThe Upper Orvelford Port Authority (UOPA) spoke. UOPA said no more.\n' });
  assert.equal(entityWith(one, 'UOPA').mentions.length, 5);
});

test('a town the text places ("sites in Quellmar") is no short form of a name read as a person\'s that begins with it: a headline\'s "Quellmar Pay Dispute", an institute glued to its next word', () => {
  const c = corpus({
    'a.txt': 'Business\n3,100 Walk Out in Quellmar Pay Dispute\nMembers had stopped work at sites in Quellmar on Monday. Flights from Dorvik to Quellmar were cancelled.\n',
    'b.txt': 'Coast report\nOsra Venn once worked for the Brannock Institutefor Coastal Studies.\n',
    'c.txt': 'Roads\nOfficials told reporters in Brannock that work would begin soon. Traffic between Kessholm and Brannock was slow.\n',
    'd.txt': 'Phones\nHarlen Electronics sold more phones. Analysts expect Harlen to gain share.\n',
  });
  for (const [town, long] of [['Quellmar', 'Quellmar Pay Dispute'], ['Brannock', 'Brannock Institutefor Coastal Studies']]) {
    const e = entityWith(c, town);
    assert.equal(e.kind, 'place', `${town}: ${e.name}`);
    assert.ok(!forms(e).has(long), `${town}: ${[...forms(e)]}`);
    assert.ok(e.mentions.every(m => m.via === 'name'), `${town}: ${e.mentions.map(m => m.via)}`);
  }
  assert.ok(forms(entityWith(c, 'Harlen Electronics')).has('Harlen'));
});

test('a headline\'s common nouns after a name ("Kelvane Foods Profit Up 12%", "Port Dravik Factory to Create 300 Jobs") make no entity of their own: the headline names the company or the town; a headline\'s name the article writes whole stays whole', () => {
  const c = corpus({
    'a.txt': 'Kelvane Foods Profit Up 12% on Strong Demand\nKelvane Foods said sales rose in the spring.\n',
    'b.txt': 'New Port Dravik Factory to Create 300 Jobs\nThe plant in Port Dravik will open in May, said Ilse Marrow.\n',
    'c.txt': 'Markets\nThe index closed higher on Friday.\nRecommended\nHarrowgate Motors Revenue Climbs to $9.2bn\n',
    'e.txt': 'Upper Selmouth Factory to Create 200 Jobs\nThe plant near Upper Selmouth will open in June. Officials in Upper Selmouth welcomed it.\n',
    'd.txt': 'Venn Garden Reopens After Storm\nThe Venn Garden opened its gates on Sunday. Visitors to Venn said the paths were clear.\n',
  });
  const names = c.result().entities.map(e => e.name);
  for (const junk of ['Kelvane Foods Profit Up', 'Kelvane Foods Profit', 'New Port Dravik Factory', 'Port Dravik Factory', 'Harrowgate Motors Revenue', 'Upper Selmouth Factory']) assert.ok(!names.includes(junk), `no entity ${junk}: ${names.join(', ')}`);
  assert.equal(entityWith(c, 'Kelvane Foods').mentions.length, 2);
  assert.equal(entityWith(c, 'Port Dravik').mentions.length, 2);
  assert.equal(entityWith(c, 'Upper Selmouth').mentions.length, 3);
  assert.equal(entityWith(c, 'Harrowgate Motors').kind, 'organization');
  assert.equal(entityWith(c, 'Venn Garden').mentions.filter(m => m.text === 'Venn Garden').length, 2);
});

test('a time said in words is no name: "told This Week in Oceania", "Next Year", "Last Friday"; a name with such a word stays', () => {
  const c = corpus({
    'a.txt': 'Ports\nThe minister told This Week in Oceania that the harbour would reopen. Officials expect the plan to pass by Next Year, and the Last Friday market was busy. Ilse Marrow of the New Dawn Party agreed.\n',
  });
  const names = c.result().entities.map(e => e.name);
  for (const junk of ['This Week', 'Next Year', 'Last Friday']) assert.ok(!names.includes(junk), `no entity ${junk}: ${names.join(', ')}`);
  assert.ok(names.includes('New Dawn Party') && names.includes('Ilse Marrow'), names.join(', '));
});

test('a page\'s menu ("Home | World | Business | Sport") names nothing: its words are no short form of a name that ends with one of them; a byline\'s outlet after a bar stays', () => {
  const c = corpus({
    'a.txt': 'Ports Reopen After Storm\nIlsa Venn | Harrowfield Business\nThe harbour reopened on Monday, said Tomas Relk.\n',
    'b.txt': 'Home | World | Business | Sport\nTrade Deal Signed\nThe ministers signed the deal on Friday.\n',
    'c.txt': 'Home | Markets | Business\nGrain Exports Rise\nSales rose, Harrowfield Business reported.\n',
  });
  const outlet = entityWith(c, 'Harrowfield Business');
  assert.ok(!forms(outlet).has('Business'), `${outlet.name}: ${[...forms(outlet)]}`);
  assert.equal(outlet.mentions.length, 2);
  const names = c.result().entities.map(e => e.name);
  for (const junk of ['Home', 'World', 'Sport', 'Markets']) assert.ok(!names.includes(junk), `no entity ${junk}: ${names.join(', ')}`);
});

test('a headline\'s "New" before a town the article calls "New Dorrow" is the town\'s ("Storm Harvel Hits New Dorrow"); a headline\'s "New" the article never writes so stays out ("New Tellin Deals")', () => {
  const c = corpus({
    'a.txt': 'Storm Harvel Hits New Dorrow\nThe storm reached New Dorrow on Sunday. Residents of New Dorrow were told to stay indoors.\n',
    'b.txt': 'Brokers Seek New Tellin Deals\nTraders in Tellin said prices rose.\n',
  });
  const names = c.result().entities.map(e => e.name);
  assert.ok(!names.includes('Dorrow'), names.join(', '));
  assert.equal(entityWith(c, 'New Dorrow').mentions.length, 3);
  assert.ok(!names.includes('New Tellin'), names.join(', '));
});

test('a storm is named like a person but is none: "Tropical Storm Mion" and "Typhoon Isoen" are of kind other, and "Mion" alone later is that storm', () => {
  const c = corpus({
    'a.txt': 'Storm\nAt least 143 people died after Tropical Storm Mion made landfall. Typhoon Isoen hit the coast on Monday. Officials said Mion weakened later.\n',
  });
  const mion = entityWith(c, 'Tropical Storm Mion');
  assert.equal(mion.kind, 'other');
  assert.deepEqual([...forms(mion)].sort(), ['Mion', 'Tropical Storm Mion']);
  assert.equal(entityWith(c, 'Typhoon Isoen').kind, 'other');
});

test('a name at the end of a line does not run on into a dateline in capitals on the next ("…by the Bennford Port Authority\\nUPPER LUNE — …"); a name broken across lines in one case stays one', () => {
  const c = corpus({
    'a.txt': 'Visit Begins\nFor now, bankers doubt the rules raised by the Bennford Port Authority\nUPPER LUNE — The Bennford Port Authority expects the port to grow. Upper Lune is busy.\n',
    'b.txt': 'Talks\nThe minister met President\nKim Min-jun in Seoul.\n',
  });
  const names = c.result().entities.map(e => e.name);
  assert.ok(!names.some(n => /Authority\s+UPPER/.test(n)), names.join(' | '));
  const port = entityWith(c, 'Bennford Port Authority');
  assert.equal(port.kind, 'organization');
  assert.equal(forms(port).size, 1, [...forms(port)].join(' | '));
  assert.ok(entityWith(c, 'Kim Min-jun'));
});

test('news outlets are organisations: the name after a byline\'s bar, and an app\'s name; an ampersand joins a firm\'s name, or a country\'s', () => {
  const c = corpus({
    'a.txt': 'Port Talks Resume\nZelis Nguyham | Morning Compass\nThe port grew 5% last year, Morning Compass reported. Signal & Tide said so too.\nDownload the Pressbridge app to get breaking news alerts.\n',
    'b.txt': 'Port Deal Signed\nAna Velor | The Frontier Chronicle\nProcter & Gamble opened a plant in Trinidad & Tobago. Vietnam & Chile signed deals.\nHome | World | Business\n',
  });
  const kinds = new Map(c.result().entities.map(e => [e.name, e.kind] as const));
  const show = [...kinds].map(([n, k]) => `${n}/${k}`).join(' | ');
  for (const name of ['Morning Compass', 'Signal & Tide', 'Pressbridge', 'Frontier Chronicle', 'Procter & Gamble']) assert.equal(kinds.get(name), 'organization', `${name}: ${show}`);
  assert.equal(kinds.get('Trinidad and Tobago'), 'place', show);
  assert.equal(kinds.get('Vietnam'), 'place', show);
  assert.equal(kinds.get('Chile'), 'place', show);
  assert.ok(!kinds.has('Tide') && !kinds.has('Gamble') && kinds.get('Business') !== 'organization', show);
});

test('an organisation\'s head word glued to "of" is read as two words: "the National Transport Agencyof Egypt" is the agency of Egypt, named as the text spaces it elsewhere', () => {
  const c = corpus({
    'a.txt': 'Talks\nDaria Yoric, a former adviser to the National Transport Agencyof Egypt, called the talks difficult. The Ministryof Trade agreed.\n',
    'b.txt': 'Power\nThe National Transport Agency of Egypt published its review. The Ministry of Trade did not.\n',
  });
  const agency = entityWith(c, 'National Transport Agencyof Egypt');
  assert.equal(agency.name, 'National Transport Agency of Egypt');
  assert.equal(agency.kind, 'organization');
  assert.equal(agency.mentions.length, 2);
  assert.equal(entityWith(c, 'Ministryof Trade').mentions.length, 2);
});

test('a company\'s name glued to the verb after it is read apart ("Evergreen Industriescontrols", "Oakhurst Semiconductordid"); a compound name stays whole ("Tradewinds")', () => {
  const c = corpus({
    'a.txt': 'Markets\nEvergreen Industriescontrols 40% of the market. Oakhurst Semiconductordid not comment. Trade groups say costs rose. Download the Tradewinds Review app.\n',
    'b.txt': 'Firms\nEvergreen Industries opened a plant. Oakhurst Semiconductor hired 300 people.\n',
  });
  const names = c.result().entities.map(e => e.name);
  assert.equal(entityWith(c, 'Evergreen Industries').mentions.length, 2, names.join(' | '));
  assert.equal(entityWith(c, 'Oakhurst Semiconductor').mentions.length, 2, names.join(' | '));
  assert.ok(names.includes('Tradewinds Review') && !names.includes('Trade'), names.join(' | '));
});

test('"The" glued to a common word opens the sentence and names nothing ("Thepopulation of San Marroville"); names that begin so stay whole ("Theodore")', () => {
  const c = corpus({ 'a.txt': 'Town\nThepopulation of San Marroville has doubled. Theodore Vance spoke in San Marroville.\n' });
  const names = c.result().entities.map(e => e.name);
  assert.equal(entityWith(c, 'San Marroville').mentions.length, 2, names.join(' | '));
  assert.ok(names.includes('Theodore Vance') && !names.some(n => /Thepopulation/.test(n)), names.join(' | '));
});

test('a word in capitals that spells more than a person\'s initials is not that person: "LISKOVA", a dateline\'s town, is no "Linus Kovari"; an organisation\'s acronym still finds it', () => {
  const c = corpus({
    'a.txt': 'Talks\n"We need jobs," said Linus Kovari, chief economist of Tanager Motors. Kovari said more.\n',
    'b.txt': 'LISKOVA - In Liskova, shopkeepers said they had heard little. Liskova, a city of about 511,000 people, has grown.\n',
    'c.txt': 'Trade\nThe Association of Southeast Asian Nations met in Liskova. ASEAN ministers agreed.\n',
  });
  const town = entityWith(c, 'Liskova');
  assert.equal(town.kind, 'place');
  assert.ok(forms(town).has('LISKOVA'), [...forms(town)].join(' | '));
  const kovari = entityWith(c, 'Linus Kovari');
  assert.equal(kovari.kind, 'person');
  assert.ok(!forms(kovari).has('LISKOVA') && !forms(kovari).has('Liskova'), [...forms(kovari)].join(' | '));
  assert.ok(forms(entityWith(c, 'ASEAN')).has('Association of Southeast Asian Nations'));
});

test('a country\'s body or firm named after it stays one name: two countries\' "Ministry of Housing" are two ministries, and "NZMH" is New Zealand\'s', () => {
  const c = corpus({
    'a.txt': 'Rents\nThe New Zealand Ministry of Housing (NZMH) said rents rose. Vietnam Airlines added flights.\n',
    'b.txt': 'Homes\nThe South Africa Ministry of Housing said prices fell. The New Zealand Ministry of Housing disagreed.\n',
  });
  const names = c.result().entities.map(e => e.name);
  const nz = entityWith(c, 'New Zealand Ministry of Housing');
  assert.equal(nz.kind, 'organization');
  assert.deepEqual([...forms(nz)].sort(), ['NZMH', 'New Zealand Ministry of Housing'], names.join(' | '));
  assert.equal(nz.mentions.length, 3);
  assert.equal(entityWith(c, 'South Africa Ministry of Housing').mentions.length, 1, names.join(' | '));
  assert.ok(!names.includes('Ministry of Housing'), names.join(' | '));
  assert.equal(entityWith(c, 'Vietnam Airlines').kind, 'organization');
});

test('country names written with "and" are one place: "Trinidad and Tobago", "Bosnia and Herzegovina", "Saint Kitts and Nevis"; a small capital is a place ("Port of Spain")', () => {
  const c = corpus({
    'a.txt': 'Energy Talks\nThe leaders of Trinidad and Tobago and Saint Kitts and Nevis met in Port of Spain on Monday. Bosnia and Herzegovina sent observers.\n',
    'b.txt': 'Energy Deal\nTrinidad & Tobago signed the deal, officials said.\n',
  });
  const kinds = new Map(c.result().entities.map(e => [e.name, e.kind] as const));
  const show = [...kinds].map(([n, k]) => `${n}/${k}`).join(' | ');
  for (const name of ['Trinidad and Tobago', 'Saint Kitts and Nevis', 'Bosnia and Herzegovina', 'Port of Spain']) assert.equal(kinds.get(name), 'place', `${name}: ${show}`);
  assert.deepEqual([...forms(entityWith(c, 'Trinidad and Tobago'))].sort(), ['Trinidad & Tobago', 'Trinidad and Tobago']);
  for (const part of ['Trinidad', 'Tobago', 'Herzegovina', 'Nevis', 'Spain', 'Port of']) assert.ok(!kinds.has(part), `no ${part}: ${show}`);
});

test('full stops inside names: initials ("John F. Kennedy", "J. Smith"), titles ("Mr. Rubio"), places ("St. Petersburg", "Mt. Kenya"); not a letter that labels a thing ("Plan B.")', () => {
  const c = corpus({
    'a.txt': 'Airport News\nCargo moved through John F. Kennedy International Airport, J. Smith said. George W. Bush spoke in St. Louis. Mr. Rubio flew to St. Petersburg and climbed Mt. Kenya.\nOfficials backed Plan B. Mayors met.\n',
  });
  const kinds = new Map(c.result().entities.map(e => [e.name, e.kind] as const));
  const show = [...kinds].map(([n, k]) => `${n}/${k}`).join(' | ');
  assert.equal(kinds.get('John F. Kennedy International Airport'), 'place', show);
  for (const name of ['J. Smith', 'George W. Bush', 'Mr. Rubio']) assert.equal(kinds.get(name), 'person', `${name}: ${show}`);
  for (const name of ['St. Louis', 'St. Petersburg', 'Mt. Kenya']) assert.equal(kinds.get(name), 'place', `${name}: ${show}`);
  assert.equal(entityWith(c, 'Mr. Rubio').mentions[0]!.text, 'Mr. Rubio');
  assert.ok(!kinds.has('Kenya') && !kinds.has('John F') && !kinds.has('Bush') && !kinds.has('St'), show);
  assert.ok(![...kinds.keys()].some(n => /Plan B\. Mayors/.test(n)), show);
});

test('country codes in capitals: "U.S." and "U.K." always, "US" where the article names the country otherwise too; "the Deputy PM" names no Saint Pierre; "US$" is money', () => {
  const c = corpus({
    'a.txt': 'Trade Talks\nThe U.S. Treasury and the U.K. government agreed, and the UAE joined. US President Dana Welk met Secretary of State Ivo Marren.\n',
    'b.txt': 'Rivalry\nUS-China rivalry grew, Washington said, as the US pushed exports worth US$4 billion.\n',
    'c.txt': 'Tech\nThe IT sector grew, according to the Deputy PM. US exports rose.\n',
  });
  const r = c.result();
  const us = r.entities.find(e => e.name === 'United States');
  assert.ok(us, r.entities.map(e => e.name).join(' | '));
  assert.equal(us.kind, 'place');
  const usForms = us.mentions.map(m => `${m.doc}:${m.text}`).sort();
  assert.deepEqual(usForms, ['a.txt:US', 'b.txt:US', 'b.txt:US'], usForms.join(', '));
  assert.ok(!us.mentions.some(m => m.text === 'US$'));
  assert.equal(entityWith(c, 'U.K.').name, 'United Kingdom');
  assert.equal(entityWith(c, 'UAE').name, 'United Arab Emirates');
  const treasury = entityWith(c, 'U.S. Treasury');
  assert.equal(treasury.kind, 'organization');
  const welk = entityWith(c, 'Dana Welk');
  assert.equal(welk.kind, 'person');
  const marren = entityWith(c, 'Ivo Marren');
  assert.ok(marren.roles.includes('Secretary of State'), marren.roles.join(', '));
  // c.txt names no United States, Italy or Saint Pierre: its codes are no places
  assert.ok(!r.entities.some(e => e.mentions.some(m => m.doc === 'c.txt' && e.kind === 'place')), r.entities.filter(e => e.mentions.some(m => m.doc === 'c.txt')).map(e => `${e.name}/${e.kind}`).join(' | '));
  assert.ok(r.figures.some(f => f.text === 'US$4 billion' && f.unit === 'USD'));
});

test('a name\'s particles: "Ursula von der Leyen" is one person, and "Von der Leyen" her short form; "Charles de Gaulle", "Pedro de la Rosa" are people', () => {
  const c = corpus({
    'a.txt': 'Trade Pact\nCommission President Ursula von der Leyen arrived on Monday. Von der Leyen, 67, said the pact was ready.\n',
    'b.txt': 'Airports\nFlights left Charles de Gaulle airport late. Rafael van der Vaart and Pedro de la Rosa met Charles de Gaulle scholars.\n',
  });
  const ursula = entityWith(c, 'Ursula von der Leyen');
  assert.equal(ursula.kind, 'person');
  assert.deepEqual([...forms(ursula)].sort(), ['Ursula von der Leyen', 'Von der Leyen']);
  for (const name of ['Pedro de la Rosa', 'Rafael van der Vaart']) assert.equal(entityWith(c, name).kind, 'person', name);
  const names = c.result().entities.map(e => e.name);
  assert.ok(!names.includes('President Ursula') && !names.includes('Leyen') && !names.includes('Rosa'), names.join(' | '));
});

test('a name a PDF\'s line broke at its hyphen is one name ("Lee Jae-\\nmyung" = "Lee Jae-myung"), and a word broken so is one word ("Ministry of Plan-\\nning and Investment", named "Planning")', () => {
  const c = corpus({
    'a.txt': 'Summit\nVietnam and South Korea agreed on Monday to expand their trade, President Lee Jae-\nmyung said after talks with officials from the Ministry of Plan-\nning and Investment in Hanoi.\n',
    'b.txt': 'Summit Ends\nPresident Lee Jae-myung flew home on Tuesday.\n',
  });
  const lee = entityWith(c, 'Lee Jae-myung');
  assert.equal(lee.kind, 'person');
  assert.equal(lee.name, 'Lee Jae-myung');
  assert.deepEqual(lee.mentions.map(m => m.doc).sort(), ['a.txt', 'b.txt']);
  const ministry = entityWith(c, 'Ministry of Plan-\nning and Investment');
  assert.equal(ministry.name, 'Ministry of Planning and Investment');
  assert.equal(ministry.kind, 'organization');
});

test('a wire dateline: its agency in brackets is an outlet, no other name of the place ("HANOI (VNA) –"); its place may have accents ("Hà Nội, March 12, 2026 –" dates the article)', () => {
  const c = corpus({
    'a.txt': 'HANOI (VNA) – Vietnam approved the budget on Wednesday, officials said.\n',
    'b.txt': 'SEOUL (Yonhap) -- Korea agreed. The Association of Southeast Asian Nations (ASEAN) met.\n',
  });
  const hanoi = entityWith(c, 'HANOI');
  assert.deepEqual([...forms(hanoi)], ['HANOI']);
  assert.equal(entityWith(c, 'VNA').kind, 'organization');
  assert.equal(entityWith(c, 'Yonhap').kind, 'organization');
  assert.ok(forms(entityWith(c, 'ASEAN')).has('Association of Southeast Asian Nations'));
  const wed = analyzeDocument('c.txt', 'Hà Nội, March 12, 2026 – The assembly approved the budget on Wednesday.').figures.find(f => f.text === 'Wednesday');
  assert.equal(wed?.value, '2026-03-11');
  // the story's first sentence starts after the dateline: its figures are not about the agency or the dateline's city
  const d = analyzeDocument('d.txt', 'HANOI (VNA) – Vietnam approved VND 67 trillion for the expressway.');
  const i = d.figures.findIndex(f => f.text === 'VND 67 trillion');
  assert.deepEqual(d.features[i]!.near, ['place:VN']);
});
