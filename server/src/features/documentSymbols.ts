// Document symbols: an outline of the entities (each with its mentions) and
// the figures of one document.
import { SymbolKind, type DocumentSymbol, type DocumentSymbolParams } from 'vscode-languageserver';
import type { Corpus } from '../core/corpus';
import type { EntityKind, FigureKind } from '../core/types';
import { formatValue, rangeOf } from './util';

export const ENTITY_SYMBOL: Record<EntityKind, SymbolKind> = {
  person: SymbolKind.Object,
  place: SymbolKind.Namespace,
  organization: SymbolKind.Module,
  other: SymbolKind.Key,
};

const FIGURE_SYMBOL: Record<FigureKind, SymbolKind> = {
  money: SymbolKind.Number, percent: SymbolKind.Number, count: SymbolKind.Number, rank: SymbolKind.Number,
  date: SymbolKind.Event, duration: SymbolKind.Event,
};

export function documentSymbols(corpus: Corpus, params: DocumentSymbolParams): DocumentSymbol[] {
  const doc = params.textDocument.uri;
  if (!corpus.has(doc)) return [];
  // One symbol per entity, at its first mention in this document.
  const entities: DocumentSymbol[] = [];
  const byEntity = new Map<string, { sym: DocumentSymbol; count: number; kind: string }>();
  for (const { entity, mention } of corpus.mentionsOf(doc)) {
    const hit = byEntity.get(entity.id);
    if (hit) { hit.count++; continue; }
    const range = rangeOf(corpus, mention);
    const sym: DocumentSymbol = { name: entity.name, kind: ENTITY_SYMBOL[entity.kind], range, selectionRange: range };
    byEntity.set(entity.id, { sym, count: 1, kind: entity.kind });
    entities.push(sym);
  }
  for (const { sym, count, kind } of byEntity.values()) sym.detail = `${kind} · ${count} mention${count === 1 ? '' : 's'}`;
  const figures: DocumentSymbol[] = corpus.figuresOf(doc).map(f => {
    const range = rangeOf(corpus, f);
    return { name: f.text, detail: `${f.kind}: ${formatValue(f)}`, kind: FIGURE_SYMBOL[f.kind], range, selectionRange: range };
  });
  const out: DocumentSymbol[] = [];
  const group = (name: string, kind: SymbolKind, children: DocumentSymbol[]) => {
    if (!children.length) return;
    const range = { start: children[0]!.range.start, end: children.reduce((e, c) => (c.range.end.line > e.line || (c.range.end.line === e.line && c.range.end.character > e.character) ? c.range.end : e), children[0]!.range.end) };
    out.push({ name, detail: `${children.length}`, kind, range, selectionRange: children[0]!.selectionRange, children });
  };
  group('Entities', SymbolKind.Package, entities);
  group('Figures', SymbolKind.Package, figures);
  return out;
}
