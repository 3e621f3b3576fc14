// Small helpers shared by the features: positions ↔ offsets, ranges, display
// of values and sources, Markdown escaping.
import type { Range, Position } from 'vscode-languageserver';
import type { Corpus } from '../core/corpus';
import { lineStarts, offsetAt } from '../core/text';
import type { Figure, FigureValue, Span } from '../core/types';
import { fileName } from '../workspace/uri';

const lineCache = new WeakMap<Corpus, Map<string, { text: string; starts: Int32Array }>>();

function starts(corpus: Corpus, doc: string, text: string): Int32Array {
  let perCorpus = lineCache.get(corpus);
  if (!perCorpus) { perCorpus = new Map(); lineCache.set(corpus, perCorpus); }
  const hit = perCorpus.get(doc);
  if (hit && hit.text === text) return hit.starts;
  const s = lineStarts(text);
  perCorpus.set(doc, { text, starts: s });
  return s;
}

/**
 * The offset of a position in a document of the corpus, or undefined when the
 * document is not there or the position lies outside its text (past the last
 * line, or past the end of its line).
 */
export function offsetOf(corpus: Corpus, doc: string, position: Position): number | undefined {
  const text = corpus.text(doc);
  if (text === undefined) return undefined;
  if (!Number.isInteger(position.line) || !Number.isInteger(position.character)) return undefined;
  if (position.line < 0 || position.character < 0) return undefined;
  const s = starts(corpus, doc, text);
  if (position.line >= s.length) return undefined;
  const lineStart = s[position.line]!;
  const lineEnd = position.line + 1 < s.length ? s[position.line + 1]! : text.length;
  if (lineStart + position.character > lineEnd) return undefined;
  return offsetAt(s, text.length, position.line, position.character);
}

export function rangeOf(corpus: Corpus, span: Span): Range {
  return { start: corpus.position(span.doc, span.start), end: corpus.position(span.doc, span.end) };
}

/** 1-based line of an offset, as people count lines. */
export function lineOf(corpus: Corpus, doc: string, offset: number): number {
  return corpus.position(doc, offset).line + 1;
}

const SCALES: [number, string][] = [[1e12, 'trillion'], [1e9, 'billion'], [1e6, 'million']];

/** `toLocaleString('en-US')` made once (building a formatter per number is most of a large claim's hover). */
const EN_US = new Intl.NumberFormat('en-US');

function formatNumber(n: number): string {
  const abs = Math.abs(n);
  for (const [scale, word] of SCALES) {
    if (abs >= scale) return `${+(n / scale).toPrecision(6)} ${word}`;
  }
  return Number.isInteger(n) ? EN_US.format(n) : String(+n.toPrecision(6));
}

const QUALIFIERS: Record<string, string> = { approx: '≈ ', 'more-than': '> ', 'less-than': '< ', 'at-least': '≥ ', 'up-to': '≤ ' };

/**
 * A figure's normalised value for display, written the way the engine writes a
 * claim's values: "USD 86.8 billion", "≈ 10,000", "8.3–8.5%", "4 days", "2025-08-11".
 */
export function formatValue(figure: Pick<Figure, 'value' | 'unit' | 'qualifier' | 'relative' | 'kind'>): string {
  const v: FigureValue = figure.value;
  const q = figure.qualifier ? QUALIFIERS[figure.qualifier] ?? '' : '';
  const unit = figure.unit ?? '';
  const pct = (u: string) => (u === '%' || (!u && figure.kind === 'percent') ? '%' : u ? ` ${u}` : '');
  if (v === null) return figure.relative ? `unresolved (“${figure.relative}”)` : 'unresolved';
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return `${q}${formatNumber(v[0])}–${formatNumber(v[1])}${pct(unit)}`;
  switch (figure.kind) {
    case 'money': return `${q}${unit ? unit + ' ' : ''}${formatNumber(v)}`;
    case 'percent': return `${q}${formatNumber(v)}${pct(unit)}`;
    case 'duration': return `${q}${formatNumber(v)}${unit ? ` ${unit}${v === 1 || unit.endsWith('s') ? '' : 's'}` : ''}`;
    case 'rank': return `#${v}`;
    default: return `${q}${formatNumber(v)}${unit ? ` ${unit}` : ''}`;
  }
}

/** File name, outlet and date of a source, as known. */
export function describeSource(corpus: Corpus, doc: string): { name: string; outlet: string | null; published: string | null } {
  const info = corpus.docInfo(doc);
  return { name: fileName(doc), outlet: info?.outlet ?? null, published: info?.published ?? null };
}

/** Escape text for Markdown (inline, one line: no line breaks, no table pipes). */
export function escapeMarkdown(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/([\\`*_[\]|<>~])/g, '\\$1');
}

/** A link to a place in a document; VS Code opens `#L<line>,<column>` fragments at that place. */
export function placeLink(uri: string, line: number, character: number): string {
  return `${uri}#L${line + 1},${character + 1}`;
}

/**
 * The sentence around a span, with the span in bold, shortened around it to
 * about `max` characters, escaped for Markdown.
 */
export function sentenceWithBold(text: string, sentenceStart: number, sentenceEnd: number, start: number, end: number, max = 240): string {
  let s = Math.max(0, Math.min(sentenceStart, start));
  let e = Math.min(text.length, Math.max(sentenceEnd, end));
  if (e - s > max) {
    const room = Math.max(0, max - (end - start));
    s = Math.max(s, start - Math.floor(room / 2));
    e = Math.min(e, end + Math.ceil(room / 2));
  }
  const before = text.slice(s, start);
  const inside = text.slice(start, end);
  const after = text.slice(end, e);
  const lead = s > Math.min(sentenceStart, start) ? '… ' : '';
  const tail = e < Math.max(sentenceEnd, end) ? ' …' : '';
  return `${lead}${escapeMarkdown(before.trimStart())}**${escapeMarkdown(inside)}**${escapeMarkdown(after.trimEnd())}${tail}`;
}
