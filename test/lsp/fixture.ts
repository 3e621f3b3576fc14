// An in-memory stand-in for the engine's Corpus, over a fixed analysis, so the
// features can be tested without the engine. Texts are made up for the tests.
import { Corpus } from '../../server/src/core/corpus';
import { lineStarts, positionAt } from '../../server/src/core/text';
import type { Claim, CorpusResult, DocumentInfo, Entity, Figure, Mention, Problem } from '../../server/src/core/types';

export class FixtureCorpus {
  constructor(readonly texts: Map<string, string>, readonly fixture: CorpusResult) {}
  has(doc: string) { return this.texts.has(doc); }
  docs() { return [...this.texts.keys()]; }
  get size() { return this.texts.size; }
  text(doc: string) { return this.texts.get(doc); }
  position(doc: string, offset: number) { return positionAt(lineStarts(this.texts.get(doc) ?? ''), offset); }
  result() { return this.fixture; }
  counts() {
    const r = this.fixture;
    return { figures: r.figures.length, entities: r.entities.length, claims: r.claims.filter(c => c.status !== 'single').length, conflicts: r.claims.filter(c => c.status === 'conflict' && !c.resolved).length };
  }
  /** Documents never come or go. */
  get membership() { return 0; }
  figuresOf(doc: string) { return this.fixture.figures.filter(f => f.doc === doc); }
  figure(id: string) { return this.fixture.figures.find(f => f.id === id); }
  figureAt(doc: string, offset: number) { return this.fixture.figures.find(f => f.doc === doc && f.start <= offset && offset < f.end); }
  claimOf(id: string) { return this.fixture.claims.find(c => c.figures.includes(id)); }
  entity(id: string) { return this.fixture.entities.find(e => e.id === id); }
  entityAt(doc: string, offset: number) {
    for (const entity of this.fixture.entities) for (const mention of entity.mentions)
      if (mention.doc === doc && mention.start <= offset && offset < mention.end) return { entity, mention };
    return undefined;
  }
  mentionsOf(doc: string) {
    const out: { entity: Entity; mention: Mention }[] = [];
    for (const entity of this.fixture.entities) for (const mention of entity.mentions) if (mention.doc === doc) out.push({ entity, mention });
    return out.sort((a, b) => a.mention.start - b.mention.start);
  }
  problemsOf(doc: string) { return this.fixture.problems.filter(p => p.doc === doc); }
  docInfo(doc: string): DocumentInfo | undefined { return this.fixture.docs.find(d => d.doc === doc); }
  sentenceAt(doc: string, offset: number) {
    const text = this.texts.get(doc) ?? '';
    let start = offset, end = offset;
    const boundary = (i: number) => text[i] === '\n' || (text[i] === '.' && (i + 1 >= text.length || /\s/.test(text[i + 1]!)));
    while (start > 0 && !boundary(start - 1)) start--;
    while (end < text.length && !boundary(end)) end++;
    return { start, end: Math.min(text.length, end + 1) };
  }
  asCorpus(): Corpus { return this as unknown as Corpus; }
}

export const A = 'file:///news/alpha_report.txt';
export const B = 'file:///news/beta_wire.txt';
export const TEXT_A = 'Trade hit US$86.8 billion last year, President Anna Berg said.\nBerg met the Oslo | press for 20 minutes.';
export const TEXT_B = 'Bilateral trade reached $86.7 billion in 2024,\naccording to Anna Berg and Émile Zola.';

function at(doc: string, text: string, needle: string, nth = 1): { doc: string; start: number; end: number } {
  let i = -1;
  for (let k = 0; k < nth; k++) i = text.indexOf(needle, i + 1);
  if (i < 0) throw new Error(`${needle} not in fixture`);
  return { doc, start: i, end: i + needle.length };
}

function figure(doc: string, text: string, needle: string, extra: Partial<Figure>): Figure {
  const span = at(doc, text, needle);
  const sentenceEnd = text.indexOf('.', span.end) + 1 || text.length;
  return {
    ...span, id: `${doc}#${span.start}`, text: needle, kind: 'money', value: null, unit: null, qualifier: null, relative: null,
    time: { mode: 'none', when: null, text: null, target: false }, sentenceStart: text.lastIndexOf('\n', span.start) + 1, sentenceEnd,
    aside: false, context: [], head: null, entities: [], holder: null, ...extra,
  };
}

function mention(doc: string, text: string, needle: string, nth: number, extra: Partial<Mention> = {}): Mention {
  return { ...at(doc, text, needle, nth), text: needle, role: null, via: 'name', ...extra };
}

export function fixture(): FixtureCorpus {
  const fa = figure(A, TEXT_A, 'US$86.8 billion', { value: 86.8e9, unit: 'USD' });
  const fb = figure(B, TEXT_B, '$86.7 billion', { value: 86.7e9, unit: 'USD', time: { mode: 'at', when: '2024', text: 'in 2024', target: false } });
  const fDur = figure(A, TEXT_A, '20 minutes', { kind: 'duration', value: 20, unit: 'minute' });
  const fYear = figure(B, TEXT_B, '2024', { kind: 'date', value: '2024' });
  const berg: Entity = {
    id: 'anna-berg', name: 'Anna Berg', kind: 'person',
    mentions: [mention(B, TEXT_B, 'Anna Berg', 1), mention(A, TEXT_A, 'Anna Berg', 1, { role: 'President' }), mention(A, TEXT_A, 'Berg', 2, { via: 'short' })],
    forms: ['Anna Berg', 'Berg'], roles: ['President'], evidence: ['title: President'],
  };
  const oslo: Entity = { id: 'oslo', name: 'Oslo', kind: 'place', mentions: [mention(A, TEXT_A, 'Oslo', 1)], forms: ['Oslo'], roles: [], evidence: ['gazetteer: city'] };
  const zola: Entity = { id: 'zola', name: 'Émile Zola', kind: 'person', mentions: [mention(B, TEXT_B, 'Émile Zola', 1)], forms: ['Émile Zola'], roles: [], evidence: [] };
  const conflict: Claim = {
    id: 'trade', label: 'bilateral trade (USD)', status: 'conflict', figures: [fa.id, fb.id],
    links: [{ a: fa.id, b: fb.id, score: 0.82, why: ['shared words: trade', 'same unit: USD'] }],
    values: ['USD 86.8 billion', 'USD 86.7 billion'], verdicts: {}, resolved: false,
  };
  const single: Claim = { id: 'meeting', label: 'meeting length', status: 'single', figures: [fDur.id], links: [], values: ['20 minute'], verdicts: {}, resolved: false };
  const agree: Claim = { id: 'year', label: 'year', status: 'agree', figures: [fYear.id], links: [], values: ['2024'], verdicts: {}, resolved: false };
  const problem = (f: Figure, other: Figure): Problem => ({
    doc: f.doc, start: f.start, end: f.end, severity: 'warning', code: 'conflicting-figure',
    message: `${f.text} conflicts with ${other.text}`, related: [{ doc: other.doc, start: other.start, end: other.end, message: `${other.text} here` }],
    data: { claim: 'trade', figure: f.id },
  });
  const texts = new Map([[A, TEXT_A], [B, TEXT_B]]);
  return new FixtureCorpus(texts, {
    docs: [{ doc: A, published: '2025-08-12', outlet: 'Alpha Daily', problems: [] }, { doc: B, published: null, outlet: null, problems: [] }],
    figures: [fa, fDur, fb, fYear],
    entities: [berg, oslo, zola],
    claims: [agree, single, conflict],
    problems: [problem(fa, fb), problem(fb, fa)],
  });
}

/** LSP position of the n-th occurrence of `needle` in a text (plus `delta` characters). */
export function pos(text: string, needle: string, delta = 0, nth = 1): { line: number; character: number } {
  let i = -1;
  for (let k = 0; k < nth; k++) i = text.indexOf(needle, i + 1);
  if (i < 0) throw new Error(`${needle} not in text`);
  return positionAt(lineStarts(text), i + delta);
}
