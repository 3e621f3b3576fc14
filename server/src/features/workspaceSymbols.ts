// Workspace symbols: entities whose name or any form matches the query
// (case- and accent-insensitive, letters in order), at their first mention.
import type { SymbolInformation, WorkspaceSymbolParams } from 'vscode-languageserver';
import type { Corpus } from '../core/corpus';
import type { Entity } from '../core/types';
import { ENTITY_SYMBOL } from './documentSymbols';
import { firstOf } from './hover';
import { rangeOf } from './util';

export function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}+/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
}

/** 0 = no match; higher is better: exact, prefix, word prefix, substring, letters in order. */
function score(query: string, candidate: string): number {
  const c = fold(candidate);
  if (!query) return 1;
  if (c === query) return 5;
  if (c.startsWith(query)) return 4;
  if (c.split(/[\s\-]+/).some(w => w.startsWith(query))) return 3;
  if (c.includes(query)) return 2;
  let i = 0;
  for (const ch of c) if (ch === query[i]) i++;
  return i === query.length ? 1 : 0;
}

export function workspaceSymbols(corpus: Corpus, params: WorkspaceSymbolParams, limit = 200): SymbolInformation[] {
  const query = fold(params.query.trim()).replace(/\s+/g, ' ');
  const hits: { entity: Entity; score: number }[] = [];
  for (const entity of corpus.result().entities) {
    let best = 0;
    for (const form of [entity.name, ...entity.forms]) best = Math.max(best, score(query, form));
    if (best > 0 && entity.mentions.length) hits.push({ entity, score: best });
  }
  hits.sort((a, b) => b.score - a.score || b.entity.mentions.length - a.entity.mentions.length || a.entity.name.localeCompare(b.entity.name));
  const out: SymbolInformation[] = [];
  for (const { entity } of hits.slice(0, limit)) {
    const first = firstOf(corpus, entity.mentions);
    if (!first) continue;
    out.push({ name: entity.name, kind: ENTITY_SYMBOL[entity.kind], containerName: entity.kind, location: { uri: first.doc, range: rangeOf(corpus, first) } });
  }
  return out;
}
