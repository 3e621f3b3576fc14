// Completion in triangulate.yaml: keys for where the cursor is, and values (kinds, verdicts,
// reliability, article files, entity names, claim ids, diagnostic codes) from lists passed in.
// Works line by line on the text, so it helps while the file is half written and does not parse.
import { Codes } from '../types';
import { ENTITY_KINDS, Keys, RELIABILITIES, VERDICTS, editDistance } from './model';
import type { KeyContext, TextRange } from './model';

export interface CompletionLists {
  /** Entity names the engine found (and the file lists). */
  entityNames?: string[];
  /** Claim ids in the file. */
  claimIds?: string[];
  /** Article paths relative to the YAML's folder. */
  files?: string[];
  /** Diagnostic codes that can be ignored (default: the engine's). */
  codes?: string[];
}

export interface AnnotationCompletion {
  label: string;
  /** 'key': a key; 'value': a fixed value (kind, verdict, ...); 'entity', 'claim', 'file', 'code': from the lists. */
  kind: 'key' | 'value' | 'entity' | 'claim' | 'file' | 'code';
  insertText: string;
  detail?: string;
}

export interface CompletionResult {
  items: AnnotationCompletion[];
  /** The text the chosen item replaces (offsets into the YAML text). */
  range: TextRange;
}

const KEY_DOCS: Record<string, string> = {
  version: 'format version (1)', sources: 'metadata per article: outlet, published, url, reliability',
  entities: 'people, places, organizations: canonical name, kind, aliases', not_entities: 'names (or spans) that are not entities',
  tags: 'spans tagged as person, place, organization or other', claims: 'figures that are one quantity, with an id and a label',
  splits: 'figures that are NOT the same quantity', verdicts: 'accepted / disputed / wrong, with a note',
  ignore: 'figures, claims, codes or files to silence', outlet: 'who published the article', title: 'the headline',
  author: 'who wrote it', published: 'publication date (YYYY-MM-DD): relative dates resolve against it', url: 'where it was published',
  reliability: 'high, medium, low or unknown', note: 'free text', name: 'canonical name', kind: 'person, place, organization or other',
  aliases: 'other names of the same entity', id: 'a short id for the claim', label: 'what the claim measures',
  figures: 'text-quote anchors of the figures', file: 'article path relative to this file', exact: 'the exact text anchored',
  prefix: 'text right before it', suffix: 'text right after it', start: 'offset of the exact text (a hint)',
  verdict: 'accepted, disputed or wrong', claim: 'a claim id from claims:', code: 'a diagnostic code',
};

const SECTION_OF: Record<string, KeyContext> = {
  entities: 'entity', not_entities: 'notEntity', tags: 'tag', claims: 'claim', splits: 'split', verdicts: 'verdict', ignore: 'ignore',
};

interface LineInfo {
  indent: number;
  /** Columns of the "- " markers at the start of the line. */
  dashes: number[];
  /** Column where the content after the markers starts. */
  contentCol: number;
  key: string | null;
  /** The line is "key:" with no value after it (a parent of what follows). */
  opens: boolean;
}

function lineInfo(line: string): LineInfo | null {
  if (!line.trim() || /^\s*#/.test(line)) return null;
  const m = /^( *)((?:-[ \t]+)*)(.*)$/.exec(line)!;
  const indent = m[1].length;
  const dashes: number[] = [];
  let col = indent;
  for (const d of m[2].match(/-[ \t]+/g) ?? []) { dashes.push(col); col += d.length; }
  const km = /^("[^"]*"|'[^']*'|[^\s:#{}\[\],][^:#{}\[\]]*?)\s*:(\s|$)(.*)$/.exec(m[3]);
  const key = km ? km[1].replace(/^["']|["']$/g, '') : null;
  const rest = km ? km[3].replace(/\s+#.*$/, '').trim() : '';
  return { indent, dashes, contentCol: col, key, opens: !!km && rest === '' };
}

/** The keys and list markers above a column on a line: ['claims', '-', 'figures', '-']. */
function ancestry(lines: string[], lineIdx: number, col: number, ownDashes: number[]): string[] {
  const path: string[] = [];
  let target = col;
  for (let k = ownDashes.length - 1; k >= 0; k--) if (ownDashes[k] < target) { path.push('-'); target = ownDashes[k]; }
  for (let i = lineIdx - 1; i >= 0 && target > 0; i--) {
    const li = lineInfo(lines[i]);
    if (!li) continue;
    if (li.key !== null && li.contentCol < target) { path.push(li.key); target = li.contentCol; }
    for (let k = li.dashes.length - 1; k >= 0; k--) if (li.dashes[k] < target) { path.push('-'); target = li.dashes[k]; }
  }
  return path.reverse();
}

function contextOf(path: string[]): KeyContext | 'source-file' | null {
  if (!path.length) return 'root';
  const [top, ...rest] = path;
  if (top === 'sources') return rest.length === 0 ? 'source-file' : rest.length === 1 ? 'source' : null;
  const section = SECTION_OF[top];
  if (!section || rest[0] !== '-') return null;
  if (rest.length === 1) return section;
  if ((top === 'claims' || top === 'splits') && rest[1] === 'figures' && rest[2] === '-' && rest.length === 3) return 'anchor';
  return null;
}

/** Keys already written in the map the cursor is in (same column, same list item). */
function siblingKeys(lines: string[], lineIdx: number, col: number): Set<string> {
  const keys = new Set<string>();
  const cur = lineInfo(lines[lineIdx]);
  const startsItem = !!cur && cur.dashes.length > 0 && cur.contentCol === col;
  if (!startsItem) {
    for (let i = lineIdx - 1; i >= 0; i--) {
      const li = lineInfo(lines[i]);
      if (!li) continue;
      if (li.contentCol < col) break;
      if (li.contentCol === col) {
        if (li.key) keys.add(li.key);
        if (li.dashes.length) break;
      }
    }
  }
  for (let i = lineIdx + 1; i < lines.length; i++) {
    const li = lineInfo(lines[i]);
    if (!li) continue;
    if (li.contentCol < col || (li.contentCol === col && li.dashes.length)) break;
    if (li.contentCol === col && li.key) keys.add(li.key);
  }
  return keys;
}

function keyItems(ctx: KeyContext, present: Set<string>): AnnotationCompletion[] {
  return Keys[ctx].filter(k => !present.has(k)).map(k => ({ label: k, kind: 'key' as const, insertText: `${k}: `, detail: KEY_DOCS[k] }));
}

function valueItems(key: string, ctx: KeyContext | 'source-file' | null, lists: CompletionLists): AnnotationCompletion[] {
  const fixed = (values: readonly string[], detail: string) => values.map(v => ({ label: v, kind: 'value' as const, insertText: v, detail }));
  const from = (values: string[] | undefined, kind: AnnotationCompletion['kind'], detail: string) =>
    [...new Set(values ?? [])].map(v => ({ label: v, kind, insertText: quoteIfNeeded(v), detail }));
  switch (key) {
    case 'kind': return fixed(ENTITY_KINDS, 'entity kind');
    case 'verdict': return fixed(VERDICTS, 'verdict');
    case 'reliability': return fixed(RELIABILITIES, 'source reliability');
    case 'version': return fixed(['1'], 'format version');
    case 'file': return from(lists.files, 'file', 'article');
    case 'claim': return from(lists.claimIds, 'claim', 'claim id');
    case 'code': return from(lists.codes ?? Object.values(Codes), 'code', 'diagnostic code');
    case 'name': return ctx === 'entity' ? [] : from(lists.entityNames, 'entity', 'entity');
    case 'aliases': case 'not_entities': case '-not_entities': return from(lists.entityNames, 'entity', 'entity');
    default: return [];
  }
}

/** Quotes a value when YAML would read it as something else. */
function quoteIfNeeded(v: string): string {
  if (/^[A-Za-z_][\w .\/()'&-]*$/.test(v) && !/^(true|false|null|yes|no|on|off|~)$/i.test(v) && !/\s$/.test(v) && !/:\s|\s#/.test(v)) return v;
  return JSON.stringify(v);
}

export function completeAt(text: string, offset: number, lists: CompletionLists = {}): CompletionResult {
  offset = Math.max(0, Math.min(offset, text.length));
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  let lineEnd = text.indexOf('\n', offset);
  if (lineEnd < 0) lineEnd = text.length;
  const before = text.slice(lineStart, offset).replace(/\r$/, '');
  const after = text.slice(offset, lineEnd).replace(/\r$/, '');
  const lines = text.split('\n').map(l => l.replace(/\r$/, ''));
  const lineIdx = text.slice(0, lineStart).split('\n').length - 1;
  const wordAfter = /^[\w.-]*/.exec(after)![0].length;
  const none: CompletionResult = { items: [], range: { start: offset, end: offset } };
  if (/(^|\s)#/.test(before.replace(/"[^"]*"|'[^']*'/g, ''))) return none;

  // Inside a flow collection on this line: { key: value, ... } or [a, b].
  const flow = openFlow(before);
  if (flow) {
    const segment = before.slice(flow.at + 1);
    const m = /^\s*([\w-]*)$/.exec(segment);
    const lineHead = before.slice(0, flow.start);
    const li = lineInfo(lineHead + 'x') ?? { indent: 0, dashes: [], contentCol: 0, key: null, opens: false };
    const owner = /([\w-]+)\s*:\s*$/.exec(lineHead);
    if (flow.char === '[') {
      const key = owner?.[1] ?? null;
      const vm = /([^,\[]*)$/.exec(segment)!;
      const start = offset - vm[1].trimStart().length;
      return key ? { items: valueItems(key, null, lists), range: { start, end: offset + wordAfter } } : none;
    }
    // A flow map: which map is it? The key before "{" on this line, or the list item it is.
    const headPath = ancestry(lines, lineIdx, li.contentCol, li.dashes);
    const path = owner ? [...headPath, owner[1]] : headPath;
    const ctx = contextOf(path);
    if (m) {
      if (!ctx || ctx === 'source-file') return none;
      const present = new Set([...before.slice(flow.start).matchAll(/([\w-]+)\s*:/g)].map(x => x[1]));
      return { items: keyItems(ctx, present), range: { start: offset - m[1].length, end: offset + wordAfter } };
    }
    const vm = /([\w-]+)\s*:\s*([^,]*)$/.exec(segment);
    if (!vm) return none;
    return { items: valueItems(vm[1], ctx, lists), range: { start: offset - vm[2].length, end: offset + wordAfter } };
  }

  // A key being typed at the start of a line (after any "- ").
  const km = /^( *)((?:-[ \t]+)*)([\w-]*)$/.exec(before);
  if (km) {
    const li = lineInfo(before + 'x:')!;
    const col = li.contentCol;
    const path = ancestry(lines, lineIdx, col, li.dashes);
    const ctx = contextOf(path);
    const range = { start: offset - km[3].length, end: offset + wordAfter };
    if (ctx === 'source-file') {
      const listed = siblingKeys(lines, lineIdx, col);
      return { items: (lists.files ?? []).filter(f => !listed.has(f)).map(f => ({ label: f, kind: 'file' as const, insertText: `${quoteIfNeeded(f)}: `, detail: 'article' })), range };
    }
    // A plain item of not_entities is a name.
    if (path.length === 2 && path[0] === 'not_entities' && path[1] === '-' && li.dashes.length) {
      return { items: [...valueItems('not_entities', null, lists), ...keyItems('notEntity', new Set())], range };
    }
    if (!ctx) return none;
    return { items: keyItems(ctx, siblingKeys(lines, lineIdx, col)), range };
  }

  // A value after "key: ".
  const vm = /^( *)((?:-[ \t]+)*)([\w-]+)\s*:\s+(.*)$/.exec(before);
  if (vm) {
    const li = lineInfo(before)!;
    const path = ancestry(lines, lineIdx, li.contentCol, li.dashes);
    const ctx = contextOf(path);
    return { items: valueItems(vm[3], ctx, lists), range: { start: offset - vm[4].length, end: offset + wordAfter } };
  }
  return none;
}

/** The innermost flow collection still open before the cursor on this line. */
function openFlow(before: string): { char: '{' | '['; start: number; at: number } | null {
  const stack: { char: '{' | '['; start: number; at: number }[] = [];
  let quote: string | null = null;
  for (let i = 0; i < before.length; i++) {
    const c = before[i];
    if (quote) { if (c === quote) quote = null; continue; }
    if (c === '"' || c === "'") { if (i === 0 || /[\s,{\[:]/.test(before[i - 1])) quote = c; continue; }
    if (c === '{' || c === '[') stack.push({ char: c, start: i, at: i });
    else if ((c === '}' || c === ']') && stack.length) stack.pop();
    else if (c === ',' && stack.length) stack[stack.length - 1].at = i;
  }
  return stack.length ? stack[stack.length - 1] : null;
}

/**
 * The entities a mention is most likely another name of, best first (for the "alias of ..." quick fix):
 * a name that contains all the mention's words ("Okonkwo" → "Mira Okonkwo"), an acronym ("HA" →
 * "Harbor Authority"), then near spellings.
 */
export function likelyAliasTargets(mention: string, names: readonly string[], max = 3): string[] {
  const norm = (s: string) => s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  const m = norm(mention);
  if (!m) return [];
  const mWords = m.split(' ');
  const scored: { name: string; score: number }[] = [];
  for (const name of new Set(names)) {
    const n = norm(name);
    if (!n || n === m) continue;
    const words = n.split(' ');
    let score = 0;
    if (mWords.every(w => words.includes(w))) score = 3 + mWords.length / words.length;
    else if (mention.replace(/[^A-Z]/g, '').length >= 2 && words.map(w => w[0]).join('') === m.replace(/ /g, '')) score = 3;
    else {
      const d = editDistance(m, n, 3);
      if (d <= Math.max(1, Math.floor(m.length / 4))) score = 2 - d / 10;
      else if (mWords.some(w => w.length > 3 && words.includes(w))) score = 1;
    }
    if (score > 0) scored.push({ name, score });
  }
  return scored.sort((a, b) => b.score - a.score || a.name.localeCompare(b.name)).slice(0, max).map(s => s.name);
}
