// Minimal, format-preserving edits of a YAML text, by path. The Document API locates the nodes and
// renders the new ones; the text is spliced only where the edited node is, so comments, blank lines,
// key order and spacing elsewhere stay byte for byte. Each result is parsed back and compared with the
// intended data; when a splice cannot be made (an unusual layout), the Document is modified and
// printed whole instead, and checked the same way. A text that does not parse is never edited.
import { Document, Scalar, isAlias, isMap, isPair, isScalar, isSeq, parseDocument, visit } from 'yaml';
import type { Node as YNode, Pair, YAMLMap, YAMLSeq } from 'yaml';
import { Keys, MAX_ANNOTATION_CHARS } from './model';
import type { TagPath } from './model';

/** Replace `[start, end)` of the old text with `newText` (offsets into the text before the edit). */
export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

export type EditResult = { ok: true; text: string; edits: TextEdit[] } | { ok: false; error: string };

/** One change, in data terms. */
export type EditOp =
  | { op: 'set'; path: TagPath; value: unknown }
  | { op: 'append'; path: TagPath; value: unknown }
  | { op: 'remove'; path: TagPath }
  | { op: 'renameKey'; path: TagPath; key: string };

const ANCHOR_KEY_SET = new Set<string>(Keys.anchor);
const MAX_ALIASES_IN_EDIT = 100;

/** Applies the changes in order; the result's edits turn the old text into the new one. */
export function applyEdits(text: string, ops: EditOp[], parsedDoc?: Document.Parsed | null): EditResult {
  if (text.length > MAX_ANNOTATION_CHARS) return { ok: false, error: 'The annotation file is too large to edit.' };
  const first = parseForEdit(text, parsedDoc ?? undefined);
  if (typeof first === 'string') return { ok: false, error: first };
  // A new (or empty) file starts with its format version.
  if ((first.data === null || first.data === undefined) && ops.length && !ops.some(o => o.path[0] === 'version')) ops = [{ op: 'set', path: ['version'], value: 1 }, ...ops];
  let cur = text;
  let parsed: Parsed = first;
  for (const op of ops) {
    const r = applyOne(cur, parsed, op);
    if (!r.ok) return r;
    cur = r.text;
    parsed = r.parsed;
  }
  return { ok: true, text: cur, edits: diffEdits(text, cur) };
}

interface Parsed {
  doc: Document.Parsed;
  data: unknown;
}

/** `pre`: the Document already parsed from exactly this text (it is not modified). */
function parseForEdit(text: string, pre?: Document.Parsed): Parsed | string {
  let doc: Document.Parsed;
  try {
    doc = pre ?? parseDocument(text, { uniqueKeys: true });
  } catch {
    return 'The annotation file could not be parsed; nothing was written.';
  }
  if (doc.errors.length) return `The annotation file has a syntax error (${doc.errors[0].message.split('\n')[0]}); fix it first: nothing was written.`;
  try {
    return { doc, data: doc.toJS({ maxAliasCount: MAX_ALIASES_IN_EDIT }) ?? null };
  } catch {
    return 'The annotation file uses too many aliases to be edited safely; nothing was written.';
  }
}

function applyOne(text: string, parsed: Parsed, op: EditOp): { ok: true; text: string; parsed: Parsed } | { ok: false; error: string } {
  const expected = applyToData(parsed.data, op);
  if (typeof expected === 'string') return { ok: false, error: expected };
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  let spliced: string | null = null;
  try {
    spliced = new Splicer(text, parsed.doc, eol).apply(op);
  } catch {
    spliced = null;
  }
  const check = (t: string | null) => {
    if (t === null) return null;
    const p = parseForEdit(t);
    return typeof p !== 'string' && deepEqual(p.data, expected.data) ? p : null;
  };
  const a = check(spliced);
  if (a) return { ok: true, text: spliced!, parsed: a };
  // The splice could not be made (or did not give the intended data): the Document API, printed whole.
  const whole = viaDocument(text, op);
  const b = check(whole);
  if (b) return { ok: true, text: whole!, parsed: b };
  return { ok: false, error: 'The change could not be written without disturbing the rest of the file; nothing was written.' };
}

// ---- the change on plain data (what the edited text must parse to) ----

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function clone<T>(v: T): T {
  return v === undefined ? v : JSON.parse(JSON.stringify(v)) as T;
}

function applyToData(data: unknown, op: EditOp): { data: unknown } | string {
  const root: unknown = data === null || data === undefined ? {} : clone(data);
  if (!isRecord(root)) return 'The top level of the annotation file is not a map; nothing was written.';
  const path = op.path;
  if (!path.length) return 'Nothing to edit at the top level itself.';
  let parent: unknown = root;
  const create = op.op === 'set' || op.op === 'append';
  for (let i = 0; i < path.length - 1; i++) {
    const k = path[i];
    const next = getChild(parent, k);
    if (next === undefined || next === null) {
      if (!create || typeof k === 'number') return `Nothing at ${formatPath(path.slice(0, i + 1))}.`;
      const made = typeof path[i + 1] === 'number' ? [] : {};
      if (!setChild(parent, k, made)) return `Cannot write at ${formatPath(path)}.`;
      parent = made;
    } else parent = next;
  }
  const last = path[path.length - 1];
  switch (op.op) {
    case 'set':
      if (!setChild(parent, last, clone(op.value))) return `Cannot write at ${formatPath(path)}.`;
      break;
    case 'append': {
      const cur = getChild(parent, last);
      if (cur === undefined || cur === null) { if (!setChild(parent, last, [clone(op.value)])) return `Cannot write at ${formatPath(path)}.`; }
      else if (Array.isArray(cur)) cur.push(clone(op.value));
      else if (typeof cur !== 'object') { if (!setChild(parent, last, [cur, clone(op.value)])) return `Cannot write at ${formatPath(path)}.`; }
      else return `${formatPath(path)} is not a list.`;
      break;
    }
    case 'remove':
      if (Array.isArray(parent) && typeof last === 'number' && last >= 0 && last < parent.length) parent.splice(last, 1);
      else if (isRecord(parent) && typeof last === 'string' && Object.prototype.hasOwnProperty.call(parent, last)) delete parent[last];
      else return `Nothing at ${formatPath(path)}.`;
      break;
    case 'renameKey': {
      if (!isRecord(parent) || typeof last !== 'string' || !Object.prototype.hasOwnProperty.call(parent, last)) return `No key at ${formatPath(path)}.`;
      if (op.key !== last && Object.prototype.hasOwnProperty.call(parent, op.key)) return `There already is a key "${op.key}" there.`;
      const v = parent[last];
      delete parent[last];
      parent[op.key] = v;
      break;
    }
  }
  return { data: root };
}

function getChild(parent: unknown, k: string | number): unknown {
  if (Array.isArray(parent) && typeof k === 'number') return parent[k];
  if (isRecord(parent) && Object.prototype.hasOwnProperty.call(parent, String(k))) return parent[String(k)];
  return undefined;
}

function setChild(parent: unknown, k: string | number, v: unknown): boolean {
  if (Array.isArray(parent) && typeof k === 'number' && k >= 0 && k <= parent.length) { parent[k] = v; return true; }
  if (isRecord(parent) && typeof k === 'string') { parent[k] = v; return true; }
  return false;
}

export function formatPath(path: TagPath): string {
  return path.map((p, i) => typeof p === 'number' ? `[${p}]` : i ? `.${p}` : p).join('') || '(top)';
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a === 'number' && typeof b === 'number') return Number.isNaN(a) && Number.isNaN(b);
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (isRecord(a) && isRecord(b)) {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every(k => Object.prototype.hasOwnProperty.call(b, k) && deepEqual(a[k], b[k]));
  }
  return false;
}

// ---- rendering new nodes ----

/** New content is written the way a person would: lists of plain values and pure anchors in a list on one line, the rest as blocks. */
function styled(doc: Document): void {
  visit(doc, {
    Seq(_, n) { if (n.items.length && n.items.every(i => isScalar(i))) n.flow = true; },
    Map(_, n, path) {
      const parent = path[path.length - 1];
      if (isSeq(parent) && n.items.length && n.items.every(p => isPair(p) && isScalar(p.key) && ANCHOR_KEY_SET.has(String(p.key.value)))) n.flow = true;
    },
  });
}

function toText(doc: Document, indent: number): string {
  return doc.toString({ lineWidth: 0, indent, indentSeq: true, defaultKeyType: 'PLAIN' });
}

/** A value on one line (scalars quoted as needed, collections in flow style), safe inside a flow collection too. */
function renderInline(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    // Rendered as the item of a flow list, so that ",", "]" and "}" are quoted when they must be.
    const inList = renderFlow([value]);
    const m = /^\[ ?([\s\S]*?) ?\]$/.exec(inList);
    if (m) return m[1];
  }
  return renderFlow(value);
}

function renderFlow(value: unknown): string {
  const doc = new Document(value);
  visit(doc, {
    Seq(_, n) { n.flow = true; },
    Map(_, n) { n.flow = true; },
    Scalar(_, n) { if (typeof n.value === 'string' && /[\n\r]/.test(n.value)) n.type = Scalar.QUOTE_DOUBLE; },
  });
  if (isScalar(doc.contents) && typeof doc.contents.value === 'string' && /[\n\r]/.test(doc.contents.value)) doc.contents.type = Scalar.QUOTE_DOUBLE;
  if (isMap(doc.contents) || isSeq(doc.contents)) doc.contents.flow = true;
  return toText(doc, 2).replace(/\n+$/, '');
}

function indentLines(block: string, col: number, eol: string): string {
  const pad = ' '.repeat(col);
  return block.replace(/\n+$/, '').split('\n').map(l => (l ? pad + l : l)).join(eol) + eol;
}

/** `- item` lines at column `col`. */
function renderItem(value: unknown, col: number, eol: string, unit: number): string {
  const doc = new Document([value]);
  styled(doc);
  if (isSeq(doc.contents)) doc.contents.flow = false;
  return indentLines(toText(doc, unit), col, eol);
}

/** `key: value` lines at column `col`. */
function renderPair(key: string, value: unknown, col: number, eol: string, unit: number): string {
  const doc = new Document({ [key]: value });
  styled(doc);
  return indentLines(toText(doc, unit), col, eol);
}

function isBlockValue(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(v => typeof v === 'object' && v !== null);
  return isRecord(value) && Object.keys(value).length > 0;
}

// ---- splicing ----

type Located = { node: YNode | null; pair?: Pair; parent: YAMLMap | YAMLSeq | null };

class Splicer {
  private readonly unit: number;

  constructor(private readonly text: string, private readonly doc: Document.Parsed, private readonly eol: string) {
    this.unit = detectIndent(text);
  }

  apply(op: EditOp): string | null {
    switch (op.op) {
      case 'set': return this.set(op.path, op.value);
      case 'append': return this.append(op.path, op.value);
      case 'remove': return this.remove(op.path);
      case 'renameKey': return this.renameKey(op.path, op.key);
    }
  }

  private splice(start: number, end: number, newText: string): string {
    return this.text.slice(0, start) + newText + this.text.slice(end);
  }

  /** The node at a path (null: a key with no value); undefined when the path is not there; throws through aliases. */
  private find(path: TagPath): Located | undefined {
    let node: unknown = this.doc.contents;
    let parent: YAMLMap | YAMLSeq | null = null;
    let pair: Pair | undefined;
    for (const k of path) {
      if (isAlias(node)) throw new Error('alias');
      if (isMap(node)) {
        const p = node.items.find(it => isScalar(it.key) && String(it.key.value) === String(k));
        if (!p) return undefined;
        parent = node; pair = p; node = p.value;
      } else if (isSeq(node) && typeof k === 'number') {
        if (k < 0 || k >= node.items.length) return undefined;
        parent = node; pair = undefined; node = node.items[k];
      } else return undefined;
    }
    if (isAlias(node)) throw new Error('alias');
    return { node: (node ?? null) as YNode | null, pair, parent };
  }

  private lineStart(o: number): number {
    return this.text.lastIndexOf('\n', o - 1) + 1;
  }

  private column(o: number): number {
    return o - this.lineStart(o);
  }

  /** The offset after the line on which the content ending at `end` ends (after its comment and line break). */
  private afterLine(end: number): { at: number; needsBreak: boolean } {
    let p = end;
    while (p > 0 && /[ \t\r\n]/.test(this.text[p - 1])) p--;
    const nl = this.text.indexOf('\n', p);
    return nl < 0 ? { at: this.text.length, needsBreak: true } : { at: nl + 1, needsBreak: false };
  }

  private insertLines(end: number, lines: string, blankBefore = false): string {
    const { at, needsBreak } = this.afterLine(end);
    let pre = needsBreak ? this.eol : '';
    if (blankBefore) {
      const before = this.text.slice(0, at) + pre;
      if (before.length && !/\n[ \t]*\r?\n$/.test(before)) pre += this.eol;
    }
    return this.splice(at, at, pre + lines);
  }

  /** End of a node's content, without trailing white space. */
  private contentEnd(n: YNode): number {
    let e = n.range![1];
    while (e > n.range![0] && /[ \t\r\n]/.test(this.text[e - 1])) e--;
    return e;
  }

  /** The offset right after the ':' of a pair in block or flow style, or -1. */
  private colonAfter(pair: Pair): number {
    const key = pair.key as YNode | null;
    if (!key || !key.range) return -1;
    let p = key.range[1];
    while (p < this.text.length && (this.text[p] === ' ' || this.text[p] === '\t')) p++;
    return this.text[p] === ':' ? p + 1 : -1;
  }

  private set(path: TagPath, value: unknown): string | null {
    const loc = this.find(path);
    if (loc) {
      const { node, pair, parent } = loc;
      if (pair) return this.replacePairValue(pair, node, value, !!parent?.flow);
      // A list item.
      if (!node || !node.range || isBlockValue(value)) return null;
      if (!isScalar(node) && !((isMap(node) || isSeq(node)) && node.flow)) return null;
      return this.splice(node.range[0], this.contentEnd(node), renderInline(value));
    }
    // The nearest existing ancestor gets the missing keys, with the value inside them.
    let i = path.length - 1;
    while (i > 0 && this.find(path.slice(0, i)) === undefined) i--;
    if (i < path.length - 1) {
      let v: unknown = value;
      for (let j = path.length - 1; j > i; j--) {
        const k = path[j];
        if (typeof k === 'number') return null;
        v = { [k]: v };
      }
      return this.set(path.slice(0, i + 1), v);
    }
    const last = path[path.length - 1];
    if (typeof last === 'number') return null;
    const parentPath = path.slice(0, -1);
    const ploc = parentPath.length ? this.find(parentPath) : { node: (this.doc.contents ?? null) as YNode | null, pair: undefined, parent: null };
    if (!ploc) return null;
    const pnode = ploc.node;
    if (pnode === null || (isScalar(pnode) && pnode.value === null)) {
      if (!parentPath.length) return this.appendToEmptyRoot(last, value);
      return this.set(parentPath, { [last]: value });
    }
    if (!isMap(pnode)) return null;
    return this.addPair(pnode, last, value);
  }

  private appendToEmptyRoot(key: string, value: unknown): string {
    const body = renderPair(key, value, 0, this.eol, this.unit);
    if (!this.text.length) return body;
    return this.text + (this.text.endsWith('\n') ? '' : this.eol) + body;
  }

  private addPair(map: YAMLMap, key: string, value: unknown): string | null {
    if (map.flow && map.items.length) {
      const lastPair = map.items[map.items.length - 1];
      const lastNode = (lastPair.value ?? lastPair.key) as YNode | null;
      if (lastNode && lastNode.range) return this.splice(this.contentEnd(lastNode), this.contentEnd(lastNode), `, ${renderInline(key)}: ${renderInline(value)}`);
    }
    if (map.flow || !map.range || !map.items.length) return this.rerenderFlow(map, m => ({ ...m, [key]: value }));
    const first = map.items[0].key as YNode | null;
    if (!first || !first.range) return null;
    const col = this.column(first.range[0]);
    const lastPair = map.items[map.items.length - 1];
    const lastNode = (lastPair.value ?? lastPair.key) as YNode | null;
    if (!lastNode || !lastNode.range) return null;
    return this.insertLines(this.contentEnd(lastNode), renderPair(key, value, col, this.eol, this.unit), col === 0 && isBlockValue(value));
  }

  private replacePairValue(pair: Pair, node: YNode | null, value: unknown, inFlow: boolean): string | null {
    const colon = this.colonAfter(pair);
    if (colon < 0) return null;
    const hasText = !!node && !!node.range && node.range[1] > node.range[0];
    const valEnd = hasText ? this.contentEnd(node!) : colon;
    if (isBlockValue(value) && !inFlow) {
      // key:
      //   block
      const childCol = this.column((pair.key as YNode).range![0]) + this.unit;
      const block = Array.isArray(value)
        ? value.map(v => renderItem(v, childCol, this.eol, this.unit)).join('')
        : indentLines(toText(styledDoc(value), this.unit), childCol, this.eol);
      const emptyish = !node || (isScalar(node) && node.value === null) || ((isMap(node) || isSeq(node)) && node.items.length === 0);
      if (emptyish) {
        // Clear the empty value ("~", "[]") and put the block under the key's line, keeping a comment on it.
        const cleared = this.text.slice(0, colon) + this.text.slice(Math.max(colon, valEnd));
        const nl = cleared.indexOf('\n', colon);
        return nl < 0 ? cleared + this.eol + block : cleared.slice(0, nl + 1) + block + cleared.slice(nl + 1);
      }
      return this.splice(colon, valEnd, this.eol + block.replace(/\r?\n$/, ''));
    }
    return this.splice(colon, valEnd, ' ' + renderInline(value));
  }

  private rerenderFlow(node: YAMLMap | YAMLSeq, change: (v: any) => unknown): string | null {
    if (!node.flow || !node.range) return null;
    const current = node.toJSON();
    const next = change(current);
    return this.splice(node.range[0], this.contentEnd(node), renderInline(next));
  }

  private append(path: TagPath, value: unknown): string | null {
    const loc = this.find(path);
    if (!loc) return this.set(path, [value]);
    const { node, pair } = loc;
    if (node === null || (isScalar(node) && node.value === null)) {
      if (!pair) return null;
      return this.replacePairValue(pair, node, [value], !!loc.parent?.flow);
    }
    // One value written alone ("aliases: Ay") becomes a list of two.
    if (isScalar(node) && pair) return this.replacePairValue(pair, node, [node.toJSON(), value], !!loc.parent?.flow);
    if (!isSeq(node)) return null;
    if (node.flow || !node.items.length) {
      if (!node.items.length && pair && isBlockValue([value]) && !loc.parent?.flow) return this.replacePairValue(pair, node, [value], false);
      const lastFlow = node.items[node.items.length - 1] as YNode | null;
      // Keep the list as the user spaced it: ", item" after the last item.
      if (lastFlow && lastFlow.range) return this.splice(this.contentEnd(lastFlow), this.contentEnd(lastFlow), ', ' + renderInline(value));
      return this.rerenderFlow(node, (v: unknown[]) => [...v, value]);
    }
    if (!node.range) return null;
    const col = this.column(node.range[0]);
    const lastItem = node.items[node.items.length - 1] as YNode | null;
    if (!lastItem || !lastItem.range) return null;
    return this.insertLines(this.contentEnd(lastItem), renderItem(value, col, this.eol, this.unit));
  }

  private remove(path: TagPath): string | null {
    const loc = this.find(path);
    if (!loc || !loc.parent) return null;
    const { node, pair, parent } = loc;
    if (parent.flow) {
      const last = path[path.length - 1];
      return this.rerenderFlow(parent, (v: any) => {
        if (Array.isArray(v)) return v.filter((_, i) => i !== last);
        const c = { ...v };
        delete c[String(last)];
        return c;
      });
    }
    if (isSeq(parent)) {
      if (!node || !node.range) return null;
      // Find the item's dash: only white space may precede it on its line.
      let d = node.range[0] - 1;
      while (d >= 0 && (this.text[d] === ' ' || this.text[d] === '\t')) d--;
      if (this.text[d] !== '-') return null;
      const ls = this.lineStart(d);
      if (this.text.slice(ls, d).trim()) return null;
      const { at } = this.afterLine(this.contentEnd(node));
      if (parent.items.length === 1) return this.removeLastItem(parent, ls, at);
      return this.splice(ls, at, this.keptComments(ls, at));
    }
    // A pair of a block map.
    if (!pair) return null;
    const keyNode = pair.key as YNode | null;
    if (!keyNode || !keyNode.range) return null;
    const map = parent as YAMLMap;
    const idx = map.items.indexOf(pair);
    const valueNode = pair.value as YNode | null;
    const end = valueNode && valueNode.range ? this.contentEnd(valueNode) : this.colonAfter(pair);
    const ls = this.lineStart(keyNode.range[0]);
    const atLineStart = !this.text.slice(ls, keyNode.range[0]).trim();
    if (atLineStart) {
      if (map.items.length === 1) return null;
      const at = this.afterLine(end).at;
      return this.splice(ls, at, this.keptComments(ls, at));
    }
    // The first pair of a list item ("- key: v"): the next key moves up behind the dash.
    if (idx !== 0 || map.items.length < 2) return null;
    const nextKey = map.items[1].key as YNode | null;
    if (!nextKey || !nextKey.range) return null;
    if (this.text.slice(keyNode.range[0], nextKey.range[0]).includes('#')) return null;
    return this.splice(keyNode.range[0], nextKey.range[0], '');
  }

  /** The whole-line comments inside a region being removed: a person's words are never deleted by a fix. */
  private keptComments(start: number, end: number): string {
    const region = this.text.slice(start, end);
    const lines = region.split('\n');
    if (lines[lines.length - 1] === '') lines.pop();
    return lines.filter(l => /^[ \t]*#/.test(l)).map(l => l.replace(/\r$/, '') + this.eol).join('');
  }

  /** Removing the only item of a block list leaves the key with an empty list. */
  private removeLastItem(seq: YAMLSeq, ls: number, at: number): string | null {
    const owner = this.findPairOf(seq);
    if (!owner) return null;
    const colon = this.colonAfter(owner);
    if (colon < 0 || colon > ls) return null;
    const removed = this.text.slice(0, ls) + this.keptComments(ls, at) + this.text.slice(at);
    // Put "[]" right after the colon so the key stays a list.
    return removed.slice(0, colon) + ' []' + removed.slice(colon);
  }

  private findPairOf(node: YNode): Pair | null {
    let found: Pair | null = null;
    visit(this.doc, { Pair(_, p) { if (p.value === node) { found = p as Pair; return visit.BREAK; } return undefined; } });
    return found;
  }

  private renameKey(path: TagPath, key: string): string | null {
    const loc = this.find(path);
    if (!loc || !loc.pair) return null;
    const k = loc.pair.key as YNode | null;
    if (!k || !k.range || !isScalar(k)) return null;
    return this.splice(k.range[0], this.contentEnd(k), renderInline(key));
  }
}

function styledDoc(value: unknown): Document {
  const d = new Document(value);
  styled(d);
  return d;
}

/** The indentation step the file uses (2 when unsure). */
function detectIndent(text: string): number {
  let best = 0;
  const re = /^( +)[^ \t\r\n#]/gm;
  let m: RegExpExecArray | null;
  let count = 0;
  while ((m = re.exec(text)) && count++ < 200) {
    const n = m[1].length;
    if (n >= 2 && n <= 8 && (!best || n < best)) best = n;
  }
  return best || 2;
}

// ---- fallback: the Document API, printed whole ----

function viaDocument(text: string, op: EditOp): string | null {
  try {
    const doc = parseDocument(text, { uniqueKeys: true });
    if (doc.errors.length) return null;
    if (doc.contents === null) doc.contents = doc.createNode({}) as never;
    const node = (v: unknown) => { const n = doc.createNode(v); return n; };
    switch (op.op) {
      case 'set': doc.setIn(op.path, node(op.value)); break;
      case 'append': {
        const cur = doc.getIn(op.path, true);
        if (isSeq(cur)) cur.items.push(node(op.value));
        else if (isScalar(cur) && cur.value !== null) doc.setIn(op.path, node([cur.toJSON(), op.value]));
        else doc.setIn(op.path, node([op.value]));
        break;
      }
      case 'remove': doc.deleteIn(op.path); break;
      case 'renameKey': {
        const parent = op.path.length > 1 ? doc.getIn(op.path.slice(0, -1), true) : doc.contents;
        if (!isMap(parent)) return null;
        const p = parent.items.find(it => isScalar(it.key) && String(it.key.value) === String(op.path[op.path.length - 1]));
        if (!p) return null;
        p.key = new Scalar(op.key);
        break;
      }
    }
    return doc.toString({ lineWidth: 0 });
  } catch {
    return null;
  }
}

/** The keys of the map at a path (null when there is no map there). */
export function keysAt(text: string, path: TagPath): string[] | null {
  try {
    const doc = parseDocument(text, { uniqueKeys: true });
    if (doc.errors.length) return null;
    const node = path.length ? doc.getIn(path, true) : doc.contents;
    if (!isMap(node)) return null;
    return node.items.flatMap(p => (isScalar(p.key) ? [String(p.key.value)] : []));
  } catch {
    return null;
  }
}

// ---- the edits between two texts ----

/** The changed region between two texts, as one edit (none when equal); never splits a surrogate pair or a CRLF. */
export function diffEdits(a: string, b: string): TextEdit[] {
  if (a === b) return [];
  let s = 0;
  const max = Math.min(a.length, b.length);
  while (s < max && a.charCodeAt(s) === b.charCodeAt(s)) s++;
  let e = 0;
  while (e < max - s && a.charCodeAt(a.length - 1 - e) === b.charCodeAt(b.length - 1 - e)) e++;
  // Do not cut between the halves of a surrogate pair or of a CRLF.
  const badCut = (str: string, i: number) => i > 0 && i < str.length && ((str.charCodeAt(i) >= 0xdc00 && str.charCodeAt(i) <= 0xdfff) || (str[i - 1] === '\r' && str[i] === '\n'));
  while (s > 0 && (badCut(a, s) || badCut(b, s))) s--;
  while (e > 0 && (badCut(a, a.length - e) || badCut(b, b.length - e))) e--;
  return [{ start: s, end: a.length - e, newText: b.slice(s, b.length - e) }];
}

/** Applies edits (offsets into `text`, not overlapping) to a text. */
export function applyTextEdits(text: string, edits: TextEdit[]): string {
  const sorted = [...edits].sort((x, y) => y.start - x.start);
  let out = text;
  for (const ed of sorted) out = out.slice(0, ed.start) + ed.newText + out.slice(ed.end);
  return out;
}
