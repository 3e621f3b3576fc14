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
  const entities: DocumentSymbol[] = [];
  const byEntity = new Map<string, DocumentSymbol>();
  for (const { entity, mention } of corpus.mentionsOf(doc)) {
    const range = rangeOf(corpus, mention);
    let sym = byEntity.get(entity.id);
    if (!sym) {
      sym = { name: entity.name, detail: entity.kind, kind: ENTITY_SYMBOL[entity.kind], range, selectionRange: range, children: [] };
      byEntity.set(entity.id, sym);
      entities.push(sym);
    } else {
      sym.range = { start: sym.range.start, end: range.end };
    }
    sym.children!.push({ name: mention.text, detail: mention.role ?? mention.via, kind: ENTITY_SYMBOL[entity.kind], range, selectionRange: range });
  }
  for (const sym of entities) sym.detail = `${sym.detail} · ${sym.children!.length} mention(s)`;
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
