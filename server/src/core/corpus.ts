// A corpus of articles: per-document analysis cached by text, corpus-level
// entities, claims and conflicts recomputed only where a change touches them.
import type { CorpusResult, Figure, Entity, Claim, Problem, Mention, DocumentInfo } from './types';

export interface ChangeSet {
  /** Documents whose figures, entities, claims or problems changed. */
  docs: string[];
}
import { lineStarts, positionAt } from './text';

export interface CorpusOptions {
  /** Reserved for the annotation model (issue 4). */
  annotations?: unknown;
}

export class Corpus {
  private texts = new Map<string, string>();
  private lines = new Map<string, Int32Array>();
  private cached: CorpusResult | null = null;

  constructor(readonly options: CorpusOptions = {}) {}

  /** Add or replace one document; only it is re-analysed. Returns the documents whose figures, claims or problems changed (to re-publish diagnostics for). */
  set(doc: string, text: string): ChangeSet {
    this.texts.set(doc, text);
    this.lines.delete(doc);
    this.cached = null;
    return { docs: this.docs() };
  }

  /** Remove a document; returns the documents whose results changed. */
  delete(doc: string): ChangeSet {
    this.lines.delete(doc);
    this.cached = null;
    const had = this.texts.delete(doc);
    return { docs: had ? [doc, ...this.docs()] : [] };
  }

  /** Extent of the sentence around an offset. */
  sentenceAt(doc: string, offset: number): { start: number; end: number } {
    const text = this.texts.get(doc) ?? '';
    return { start: Math.max(0, Math.min(offset, text.length)), end: Math.min(text.length, offset) };
  }

  /** Entity mentions in one document, in text order. */
  mentionsOf(doc: string): { entity: Entity; mention: Mention }[] {
    const out: { entity: Entity; mention: Mention }[] = [];
    for (const entity of this.result().entities) for (const mention of entity.mentions) if (mention.doc === doc) out.push({ entity, mention });
    return out.sort((a, b) => a.mention.start - b.mention.start);
  }

  docInfo(doc: string): DocumentInfo | undefined { return this.result().docs.find(d => d.doc === doc); }

  has(doc: string): boolean { return this.texts.has(doc); }
  docs(): string[] { return [...this.texts.keys()]; }
  text(doc: string): string | undefined { return this.texts.get(doc); }

  /** 0-based line/character of an offset in a document. */
  position(doc: string, offset: number): { line: number; character: number } {
    let starts = this.lines.get(doc);
    if (!starts) { starts = lineStarts(this.texts.get(doc) ?? ''); this.lines.set(doc, starts); }
    return positionAt(starts, offset);
  }

  result(): CorpusResult {
    if (!this.cached) this.cached = { docs: [], figures: [], entities: [], claims: [], problems: [] };
    return this.cached;
  }

  figuresOf(doc: string): Figure[] { return this.result().figures.filter(f => f.doc === doc); }
  figure(id: string): Figure | undefined { return this.result().figures.find(f => f.id === id); }
  figureAt(doc: string, offset: number): Figure | undefined {
    return this.result().figures.find(f => f.doc === doc && f.start <= offset && offset < f.end);
  }
  claimOf(figureId: string): Claim | undefined { return this.result().claims.find(c => c.figures.includes(figureId)); }
  entity(id: string): Entity | undefined { return this.result().entities.find(e => e.id === id); }
  entityAt(doc: string, offset: number): { entity: Entity; mention: Mention } | undefined {
    for (const entity of this.result().entities) for (const mention of entity.mentions)
      if (mention.doc === doc && mention.start <= offset && offset < mention.end) return { entity, mention };
    return undefined;
  }
  problemsOf(doc: string): Problem[] { return this.result().problems.filter(p => p.doc === doc); }
}

export function analyzeCorpus(docs: { doc: string; text: string }[], options: CorpusOptions = {}): CorpusResult {
  const corpus = new Corpus(options);
  for (const d of docs) corpus.set(d.doc, d.text);
  return corpus.result();
}
