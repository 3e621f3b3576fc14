// What `triangulate export` writes, before any format: one item per figure, per entity mention,
// and per tag of the annotation file (verdicts, entity tags, not-entity spans, ignored figures,
// claims, splits), each with its spans in its article. Offsets here are the engine's (UTF-16 code
// units); the formats turn them into code points (W3C TextPositionSelector, brat, CSV).
import { displayValue } from '../core/claims';
import type { ResolvedAnnotations } from '../core/annotations';
import type { CorpusResult } from '../core/types';
import type { Article } from './files';

export interface ExportSpan {
  /** The article's path as shown (the document id). */
  doc: string;
  /** UTF-16 offsets into the article's text (BOM stripped), end exclusive. */
  start: number;
  end: number;
}

export type ExportLayer = 'figure' | 'entity' | 'annotation';

export interface ExportItem {
  /** Unique in one export: f1, e1, a1, ... */
  id: string;
  layer: ExportLayer;
  /** Figure kind (money, ...), entity kind (person, ...), or the annotation's tag (verdict, tag, not-entity, ignore, claim, split). */
  type: string;
  /** One span; claims and splits have one per figure. */
  spans: ExportSpan[];
  /** The figure's normalised value, the entity's name, the verdict, the tagged kind, the claim's label. */
  value: string | null;
  /** The claim a figure belongs to; a claim's own id; the group id of a split. */
  claim: string | null;
  /** The annotation's note; for a tag, the entity name it gives. */
  note: string | null;
}

export interface ExportInput {
  articles: readonly Article[];
  result: CorpusResult;
  annotations: ResolvedAnnotations;
}

/** Figures, entity mentions and annotation tags, in that order; within each, by article then offset. */
export function exportItems(input: ExportInput): ExportItem[] {
  const { result, annotations: r } = input;
  const order = new Map(input.articles.map((a, i) => [a.file, i] as const));
  const known = (doc: string) => order.has(doc);
  const bySpan = (x: ExportSpan, y: ExportSpan) => (order.get(x.doc) ?? 0) - (order.get(y.doc) ?? 0) || x.start - y.start || x.end - y.end;
  const span = (s: ExportSpan): ExportSpan => ({ doc: s.doc, start: s.start, end: s.end });
  const out: ExportItem[] = [];

  const claimOf = new Map<string, { id: string; label: string }>();
  for (const c of result.claims) for (const f of c.figures) if (!claimOf.has(f)) claimOf.set(f, { id: c.id, label: c.label });
  const figures = result.figures.filter(f => known(f.doc)).sort(bySpan);
  figures.forEach((f, i) => out.push({ id: `f${i + 1}`, layer: 'figure', type: f.kind, spans: [span(f)], value: displayValue(f), claim: claimOf.get(f.id)?.id ?? null, note: null }));

  const mentions = result.entities.flatMap(e => e.mentions.filter(m => known(m.doc)).map(m => ({ e, m }))).sort((x, y) => bySpan(x.m, y.m));
  mentions.forEach(({ e, m }, i) => out.push({ id: `e${i + 1}`, layer: 'entity', type: e.kind, spans: [span(m)], value: e.name, claim: null, note: null }));

  const tags: Omit<ExportItem, 'id'>[] = [];
  for (const v of r.verdicts) if (known(v.doc)) tags.push({ layer: 'annotation', type: 'verdict', spans: [span(v)], value: v.verdict, claim: null, note: v.note });
  for (const t of r.tags) if (known(t.doc)) tags.push({ layer: 'annotation', type: 'tag', spans: [span(t)], value: t.kind, claim: null, note: t.name });
  for (const n of r.notEntitySpans) if (known(n.doc)) tags.push({ layer: 'annotation', type: 'not-entity', spans: [span(n)], value: null, claim: null, note: null });
  for (const f of r.ignores.figures) if (known(f.doc)) tags.push({ layer: 'annotation', type: 'ignore', spans: [span(f)], value: null, claim: null, note: null });
  for (const j of r.joins) {
    const spans = j.figures.filter(f => known(f.doc)).map(span);
    if (spans.length) tags.push({ layer: 'annotation', type: 'claim', spans, value: j.label, claim: j.id, note: j.note });
  }
  r.splits.forEach((s, i) => {
    const spans = s.figures.filter(f => known(f.doc)).map(span);
    if (spans.length) tags.push({ layer: 'annotation', type: 'split', spans, value: null, claim: `split-${i + 1}`, note: s.note });
  });
  tags.sort((x, y) => bySpan(x.spans[0]!, y.spans[0]!));
  tags.forEach((t, i) => out.push({ id: `a${i + 1}`, ...t }));
  return out;
}

/** UTF-16 offsets → code points, per text (identity when the text has no astral characters). */
export class CodePoints {
  private readonly maps = new Map<string, Int32Array | null>();
  constructor(private readonly texts: ReadonlyMap<string, string>) {}

  at(doc: string, offset: number): number {
    let map = this.maps.get(doc);
    if (map === undefined) {
      const text = this.texts.get(doc) ?? '';
      map = /[\ud800-\udbff]/.test(text) ? buildMap(text) : null;
      this.maps.set(doc, map);
    }
    return map ? map[Math.max(0, Math.min(offset, map.length - 1))]! : offset;
  }
}

function buildMap(text: string): Int32Array {
  const map = new Int32Array(text.length + 1);
  let cp = 0;
  for (let i = 0; i < text.length; i++) {
    map[i] = cp;
    const c = text.charCodeAt(i);
    // A low surrogate after a high one belongs to the same code point.
    if (!(c >= 0xdc00 && c <= 0xdfff && i > 0 && text.charCodeAt(i - 1) >= 0xd800 && text.charCodeAt(i - 1) <= 0xdbff)) cp++;
    else map[i] = cp - 1;
  }
  map[text.length] = cp;
  return map;
}
