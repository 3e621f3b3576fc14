// Semantic tokens: entities by kind and figures by kind, for the whole
// document. The legend's types are contributed in package.json with
// `semanticTokenScopes`, so the default themes colour them.
import type { SemanticTokens, SemanticTokensLegend, SemanticTokensParams } from 'vscode-languageserver';
import type { Corpus } from '../core/corpus';
import type { EntityKind, FigureKind } from '../core/types';

export const tokenTypes = ['person', 'place', 'organization', 'entity', 'money', 'percent', 'count', 'date', 'duration', 'rank'] as const;
export const tokenModifiers = ['conflict', 'aside', 'declaration'] as const;
export type TokenType = typeof tokenTypes[number];

export const legend: SemanticTokensLegend = { tokenTypes: [...tokenTypes], tokenModifiers: [...tokenModifiers] };

const ENTITY_TYPE: Record<EntityKind, TokenType> = { person: 'person', place: 'place', organization: 'organization', other: 'entity' };
const FIGURE_TYPE: Record<FigureKind, TokenType> = { money: 'money', percent: 'percent', count: 'count', date: 'date', duration: 'duration', rank: 'rank' };

interface Token { start: number; end: number; type: number; modifiers: number }

/** The tokens of one document as plain records (sorted, non-overlapping, one line each). */
export function tokensOf(corpus: Corpus, doc: string): { line: number; character: number; length: number; type: TokenType; modifiers: string[] }[] {
  return collect(corpus, doc).map(t => {
    const p = corpus.position(doc, t.start);
    return {
      line: p.line, character: p.character, length: t.end - t.start, type: tokenTypes[t.type]!,
      modifiers: tokenModifiers.filter((_, i) => t.modifiers & (1 << i)),
    };
  });
}

function collect(corpus: Corpus, doc: string): Token[] {
  const text = corpus.text(doc);
  if (text === undefined) return [];
  const raw: Token[] = [];
  const bit = (m: typeof tokenModifiers[number]) => 1 << tokenModifiers.indexOf(m);
  for (const f of corpus.figuresOf(doc)) {
    let modifiers = 0;
    if (f.aside) modifiers |= bit('aside');
    const claim = corpus.claimOf(f.id);
    if (claim?.status === 'conflict' && !claim.resolved) modifiers |= bit('conflict');
    raw.push({ start: f.start, end: f.end, type: tokenTypes.indexOf(FIGURE_TYPE[f.kind]), modifiers });
  }
  for (const { entity, mention } of corpus.mentionsOf(doc)) {
    raw.push({ start: mention.start, end: mention.end, type: tokenTypes.indexOf(ENTITY_TYPE[entity.kind]), modifiers: mention.via === 'annotation' ? bit('declaration') : 0 });
  }
  raw.sort((a, b) => a.start - b.start || b.end - a.end);
  // Drop overlaps (the earlier, longer token wins) and split tokens at line breaks.
  const out: Token[] = [];
  let last = 0;
  for (const t of raw) {
    if (t.start < last || t.end <= t.start || t.start < 0 || t.end > text.length) continue;
    let s = t.start;
    for (let i = t.start; i < t.end; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || c === 13) {
        if (i > s) out.push({ ...t, start: s, end: i });
        s = i + 1;
      }
    }
    if (t.end > s) out.push({ ...t, start: s, end: t.end });
    last = t.end;
  }
  return out;
}

export function semanticTokens(corpus: Corpus, params: SemanticTokensParams): SemanticTokens {
  const doc = params.textDocument.uri;
  const data: number[] = [];
  let prevLine = 0, prevChar = 0;
  for (const t of collect(corpus, doc)) {
    const p = corpus.position(doc, t.start);
    const deltaLine = p.line - prevLine;
    const deltaChar = deltaLine === 0 ? p.character - prevChar : p.character;
    data.push(deltaLine, deltaChar, t.end - t.start, t.type, t.modifiers);
    prevLine = p.line;
    prevChar = p.character;
  }
  return { data };
}
