// Reads the text of a `triangulate.yaml` into an AnnotationModel, with problems at their offsets.
// Never throws. Syntax errors, a file too large, too many aliases or a top level that is not a map
// give no model (`model: null`: the caller keeps the last good one); a bad tag inside a good file
// is left out of the model with a problem, and the rest of the file applies.
import { parseDocument, isAlias, isMap, isPair, isScalar, isSeq, visit } from 'yaml';
import type { Document, Node as YNode, Pair, Scalar, YAMLMap } from 'yaml';
import type { EntityKind, Severity, Verdict } from '../types';
import {
  AnnotationCodes, ENTITY_KINDS, KIND_SPELLINGS, Keys, MAX_ALIAS_USES, MAX_ANNOTATION_CHARS, RELIABILITIES, VERDICTS,
  ANNOTATION_FORMAT_VERSION, emptyModel, normalizeArticlePath, slugify, suggest,
} from './model';
import type {
  AnchorRef, AnnotationCode, AnnotationModel, AnnotationProblem, ClaimEntry, EntityEntry, IgnoreEntry, KeyContext,
  NotEntityEntry, ProblemData, Reliability, SourceEntry, SpanTagEntry, SplitEntry, TagPath, TextRange, VerdictEntry,
} from './model';

export interface ParseResult {
  model: AnnotationModel | null;
  problems: AnnotationProblem[];
}

class Abort extends Error {}

/** A value node reached from the file, and where to report problems about it (the alias site, if it came through one). */
interface At {
  node: YNode | null;
  range: TextRange;
  path: TagPath;
}

const MAX_VISITS = 2_000_000;

export function parseAnnotations(text: string): ParseResult {
  return parseAnnotationsWithDocument(text).result;
}

/** Also hands back the parsed YAML Document (null when it was not parsed), so an edit can reuse it. */
export function parseAnnotationsWithDocument(text: string): { result: ParseResult; doc: Document.Parsed | null } {
  const holder: { doc: Document.Parsed | null } = { doc: null };
  try {
    return { result: parseInner(text, holder), doc: holder.doc };
  } catch (e) {
    // A guard: nothing below is meant to throw, but a hostile file must never crash the server.
    return { result: { model: null, problems: [problem(text, AnnotationCodes.parseError, 'error', `The annotation file could not be read: ${e instanceof Error ? e.message : String(e)}`, { start: 0, end: Math.min(text.length, 1) })] }, doc: null };
  }
}

function parseInner(text: string, holder: { doc: Document.Parsed | null }): ParseResult {
  if (text.length > MAX_ANNOTATION_CHARS) {
    const lineEnd = text.indexOf('\n');
    return {
      model: null,
      problems: [problem(text, AnnotationCodes.tooLarge, 'error',
        `The annotation file is too large (${(text.length / 1048576).toFixed(1)} MB; the limit is ${MAX_ANNOTATION_CHARS / 1048576} MB); it is not read.`,
        { start: 0, end: lineEnd < 0 ? Math.min(text.length, 200) : Math.min(lineEnd, 200) })],
    };
  }
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true, keepSourceTokens: false });
  } catch (e) {
    return { model: null, problems: [problem(text, AnnotationCodes.parseError, 'error', `The annotation file could not be parsed: ${e instanceof Error ? e.message : String(e)}`, { start: 0, end: Math.min(text.length, 1) })] };
  }
  holder.doc = doc;
  const problems: AnnotationProblem[] = [];
  for (const err of doc.errors) {
    const code: AnnotationCode = err.code === 'DUPLICATE_KEY' ? AnnotationCodes.duplicateKey : AnnotationCodes.parseError;
    problems.push(problem(text, code, 'error', yamlMessage(err.message, err.code), { start: err.pos[0], end: err.pos[1] }));
  }
  for (const w of doc.warnings) problems.push(problem(text, AnnotationCodes.parseError, 'warning', yamlMessage(w.message, w.code), { start: w.pos[0], end: w.pos[1] }));
  if (doc.errors.length) return { model: null, problems };

  const reader = new Reader(doc, text, problems);
  try {
    const model = reader.root();
    return { model, problems };
  } catch (e) {
    if (e instanceof Abort) return { model: null, problems };
    throw e;
  }
}

function yamlMessage(message: string, code: string): string {
  const first = message.split('\n')[0].replace(/ at line \d+, column \d+:?\s*$/, '');
  return `${first} (YAML ${code})`;
}

function clampRange(text: string, r: TextRange): TextRange {
  const start = Math.max(0, Math.min(text.length, Number.isFinite(r.start) ? r.start : 0));
  const end = Math.max(start, Math.min(text.length, Number.isFinite(r.end) ? r.end : start));
  return { start, end };
}

function problem(text: string, code: AnnotationCode, severity: Severity, message: string, r: TextRange, data?: ProblemData): AnnotationProblem {
  const p: AnnotationProblem = { code, severity, message, ...clampRange(text, r) };
  if (data) p.data = data;
  return p;
}

function nodeRange(n: { range?: [number, number, number] | null } | null | undefined, fallback: TextRange): TextRange {
  return n && n.range ? { start: n.range[0], end: n.range[1] } : fallback;
}

const CONTEXT_NAMES: Record<KeyContext, string> = {
  root: 'the top level', source: 'a source', entity: 'an entity', notEntity: 'a not_entities item', tag: 'a tag',
  claim: 'a claim', anchor: 'a figure anchor', split: 'a split', verdict: 'a verdict', ignore: 'an ignore item',
};

class Reader {
  private aliasUses = 0;
  private visits = 0;

  constructor(private readonly doc: Document.Parsed, private readonly text: string, private readonly problems: AnnotationProblem[]) {}

  private report(code: AnnotationCode, severity: Severity, message: string, r: TextRange, data?: ProblemData): void {
    this.problems.push(problem(this.text, code, severity, message, r, data));
  }

  /** Follows aliases (counted), keeping the alias site as the place to report. */
  private deref(node: unknown, range: TextRange, path: TagPath): At {
    if (++this.visits > MAX_VISITS) this.abortAliases(range);
    let n: unknown = node;
    let r = range;
    let first = true;
    while (isAlias(n)) {
      if (first) { r = nodeRange(n, range); first = false; }
      if (++this.aliasUses > MAX_ALIAS_USES) this.abortAliases(r);
      const target = this.resolveAlias(n);
      if (!target) {
        this.report(AnnotationCodes.parseError, 'error', `Unresolved alias *${n.source}.`, r);
        return { node: null, range: r, path };
      }
      n = target;
    }
    const yn = (n ?? null) as YNode | null;
    return { node: yn, range: first ? nodeRange(yn, range) : r, path };
  }

  private anchors: Map<string, { pos: number; node: YNode }[]> | null = null;

  /** The node an alias names: the last anchor of that name before it (anchors indexed once: Alias.resolve walks the whole document each time). */
  private resolveAlias(a: { source: string; range?: [number, number, number] | null }): YNode | undefined {
    if (!this.anchors) {
      const anchors = new Map<string, { pos: number; node: YNode }[]>();
      visit(this.doc, {
        Node(_, node) {
          const name = (node as { anchor?: string }).anchor;
          if (name && node.range) {
            const list = anchors.get(name) ?? [];
            list.push({ pos: node.range[0], node: node as YNode });
            anchors.set(name, list);
          }
        },
      });
      this.anchors = anchors;
    }
    const list = this.anchors.get(a.source);
    if (!list) return undefined;
    const at = a.range ? a.range[0] : Infinity;
    let found: YNode | undefined;
    for (const e of list) if (e.pos < at) found = e.node;
    return found;
  }

  private abortAliases(r: TextRange): never {
    this.report(AnnotationCodes.aliasLimit, 'error', `Too many alias uses (more than ${MAX_ALIAS_USES}): the file looks like an alias bomb and is not read.`, r);
    throw new Abort();
  }

  private isNull(at: At): boolean {
    return at.node === null || (isScalar(at.node) && at.node.value === null);
  }

  root(): AnnotationModel | null {
    const model = emptyModel();
    const all = { start: 0, end: this.text.length };
    const at = this.deref(this.doc.contents, all, []);
    if (this.isNull(at)) return model; // an empty file (or only comments) is an empty model
    if (!isMap(at.node)) {
      this.report(AnnotationCodes.wrongShape, 'error', `The top level of triangulate.yaml must be a map of keys (version, sources, entities, claims, ...), not ${describeNode(at.node)}.`, at.range);
      return null;
    }
    const entries = this.entries(at, 'root');
    const version = entries.get('version');
    const v = version ? this.deref(version.value, version.range, ['version']) : null;
    if (v && !this.isNull(v)) {
      const n = isScalar(v.node) ? Number(v.node.value) : NaN;
      if (n !== ANNOTATION_FORMAT_VERSION) {
        this.report(AnnotationCodes.unsupportedVersion, 'error', `Unsupported annotation format version ${isScalar(v.node) ? String(v.node.value) : describeNode(v.node)}: this Triangulate reads version ${ANNOTATION_FORMAT_VERSION}.`, v.range, { path: ['version'], suggestion: String(ANNOTATION_FORMAT_VERSION) });
        return null;
      }
    }
    const section = (key: string) => {
      const e = entries.get(key);
      return e ? this.deref(e.value, e.range, [key]) : null;
    };
    const sources = section('sources');
    if (sources) this.sources(sources, model);
    const list = <T>(key: string, item: (at: At) => T | null, out: T[]) => {
      const s = section(key);
      if (!s) return;
      for (const it of this.seqItems(s, key)) {
        const v = item(it);
        if (v) out.push(v);
      }
    };
    list('entities', at => this.entity(at), model.entities);
    list('not_entities', at => this.notEntity(at), model.notEntities);
    list('tags', at => this.tag(at), model.tags);
    list('claims', at => this.claim(at, model.claims.length), model.claims);
    list('splits', at => this.split(at), model.splits);
    list('verdicts', at => this.verdict(at), model.verdicts);
    list('ignore', at => this.ignore(at), model.ignores);
    this.checkClaimIds(model);
    return model;
  }

  /** The pairs of a map by key, reporting unknown keys (with a suggestion) and non-scalar keys. */
  private entries(at: At, ctx: KeyContext): Map<string, { value: unknown; range: TextRange; keyRange: TextRange; pair: Pair }> {
    const out = new Map<string, { value: unknown; range: TextRange; keyRange: TextRange; pair: Pair }>();
    const map = at.node as YAMLMap;
    const known: readonly string[] = Keys[ctx];
    for (const pair of map.items) {
      if (!isPair(pair)) continue;
      const keyNode = pair.key as YNode | null;
      const keyRange = nodeRange(keyNode, at.range);
      if (!isScalar(keyNode) || keyNode.value === null || typeof keyNode.value === 'object') {
        this.report(AnnotationCodes.wrongShape, 'error', `A key in ${CONTEXT_NAMES[ctx]} must be a plain word.`, keyRange);
        continue;
      }
      const key = String(keyNode.value);
      const valueNode = pair.value as YNode | null;
      const range = valueNode && valueNode.range ? nodeRange(valueNode, keyRange) : keyRange;
      if (!known.includes(key)) {
        this.unknownKey(key, known, ctx, keyRange, [...at.path, key]);
        continue;
      }
      out.set(key, { value: valueNode, range, keyRange, pair });
    }
    return out;
  }

  private unknownKey(key: string, known: readonly string[], ctx: KeyContext, r: TextRange, path: TagPath): void {
    const s = suggest(key, known);
    this.report(AnnotationCodes.unknownKey, 'warning',
      `Unknown key "${key}" in ${CONTEXT_NAMES[ctx]}${s ? `: did you mean "${s}"?` : ` (known keys: ${known.join(', ')})`}`,
      r, s ? { path, value: key, suggestion: s } : { path, value: key });
  }

  private seqItems(at: At, what: string): At[] {
    if (this.isNull(at)) return [];
    if (!isSeq(at.node)) {
      this.report(AnnotationCodes.wrongShape, 'error', `"${what}" must be a list (items starting with "- "), not ${describeNode(at.node)}.`, at.range, { path: at.path });
      return [];
    }
    return at.node.items.map((item, i) => this.deref(item, nodeRange(item as YNode, at.range), [...at.path, i]));
  }

  private mapOf(at: At, ctx: KeyContext, hint: string) {
    if (!isMap(at.node)) {
      this.report(AnnotationCodes.wrongShape, 'error', `${capital(CONTEXT_NAMES[ctx])} must be a map (${hint}), not ${describeNode(at.node)}.`, at.range, { path: at.path });
      return null;
    }
    return this.entries(at, ctx);
  }

  /** A string value; plain numbers and booleans are read as the text written. Undefined when absent or null. */
  private str(e: { value: unknown; range: TextRange } | undefined, path: TagPath, key: string): string | undefined {
    if (!e) return undefined;
    const at = this.deref(e.value, e.range, [...path, key]);
    if (this.isNull(at)) return undefined;
    if (!isScalar(at.node)) {
      this.report(AnnotationCodes.wrongShape, 'error', `"${key}" must be text, not ${describeNode(at.node)}.`, at.range, { path: at.path });
      return undefined;
    }
    const v = at.node.value;
    if (typeof v === 'string') return v;
    const src = (at.node as Scalar & { source?: string }).source;
    if (typeof src === 'string' && src) return src;
    const r = at.node.range;
    return r ? this.text.slice(r[0], r[1]) : String(v);
  }

  private requiredStr(e: { value: unknown; range: TextRange } | undefined, path: TagPath, key: string, where: At, what: string): string | undefined {
    const s = this.str(e, path, key);
    if (s === undefined) {
      this.report(AnnotationCodes.missingKey, 'error', e ? `"${key}" needs a value.` : `${capital(what)} needs "${key}".`, e ? e.range : where.range, { path, value: key });
      return undefined;
    }
    if (s.trim() === '') {
      this.report(AnnotationCodes.invalidValue, 'error', `"${key}" must not be empty.`, e!.range, { path: [...path, key] });
      return undefined;
    }
    return s;
  }

  private strList(e: { value: unknown; range: TextRange } | undefined, path: TagPath, key: string): string[] {
    if (!e) return [];
    const at = this.deref(e.value, e.range, [...path, key]);
    if (this.isNull(at)) return [];
    if (isScalar(at.node)) {
      const one = this.str(e, path, key);
      return one ? [one] : [];
    }
    const out: string[] = [];
    for (const it of this.seqItems(at, key)) {
      if (this.isNull(it)) continue;
      if (!isScalar(it.node)) {
        this.report(AnnotationCodes.wrongShape, 'error', `Each item of "${key}" must be text, not ${describeNode(it.node)}.`, it.range, { path: it.path });
        continue;
      }
      const s = this.str({ value: it.node, range: it.range }, it.path.slice(0, -1), String(it.path[it.path.length - 1]));
      if (s && s.trim()) out.push(s);
    }
    return out;
  }

  private enumValue<T extends string>(e: { value: unknown; range: TextRange } | undefined, path: TagPath, key: string, allowed: readonly T[],
    code: AnnotationCode, spellings: Readonly<Record<string, T>> = {}): T | undefined | null {
    const s = this.str(e, path, key);
    if (s === undefined || !e) return undefined;
    const w = s.trim().toLowerCase();
    if ((allowed as readonly string[]).includes(w)) return w as T;
    if (Object.prototype.hasOwnProperty.call(spellings, w)) return spellings[w];
    const sug = suggest(w, allowed);
    const at = this.deref(e.value, e.range, [...path, key]);
    this.report(code, 'error', `Unknown ${key} "${s}"${sug ? `: did you mean "${sug}"?` : ''} (one of ${allowed.join(', ')}).`, at.range,
      sug ? { path: [...path, key], value: s, suggestion: sug } : { path: [...path, key], value: s });
    return null;
  }

  private sources(at: At, model: AnnotationModel): void {
    if (this.isNull(at)) return;
    if (!isMap(at.node)) {
      this.report(AnnotationCodes.wrongShape, 'error', `"sources" must be a map from article file to its metadata (file.txt: { outlet: ..., published: ... }), not ${describeNode(at.node)}.`, at.range, { path: ['sources'] });
      return;
    }
    for (const pair of at.node.items) {
      if (!isPair(pair)) continue;
      const keyNode = pair.key as YNode | null;
      const keyRange = nodeRange(keyNode, at.range);
      if (!isScalar(keyNode) || keyNode.value === null || typeof keyNode.value === 'object') {
        this.report(AnnotationCodes.wrongShape, 'error', 'A key under "sources" must be an article file name.', keyRange);
        continue;
      }
      const rawFile = String(keyNode.value);
      const file = normalizeArticlePath(rawFile);
      const path: TagPath = ['sources', rawFile];
      const valueNode = pair.value as YNode | null;
      const v = this.deref(valueNode, valueNode?.range ? nodeRange(valueNode, keyRange) : keyRange, path);
      const range = { start: keyRange.start, end: Math.max(keyRange.end, v.range.end) };
      const entry: SourceEntry = { file, keyRange, range, path };
      model.sources.push(entry);
      if (this.isNull(v)) continue;
      const m = this.mapOf(v, 'source', 'outlet, published, url, reliability, ...');
      if (!m) continue;
      for (const key of ['outlet', 'title', 'author', 'url', 'note'] as const) {
        const s = this.str(m.get(key), path, key);
        if (s !== undefined && s.trim()) entry[key] = s.trim();
      }
      const pub = m.get('published');
      const p = this.str(pub, path, 'published');
      if (p !== undefined && pub) {
        const iso = isoDate(p);
        if (iso) entry.published = iso;
        else this.report(AnnotationCodes.invalidValue, 'error', `"published" must be an ISO date like 2025-08-11, not "${p}".`, pub.range, { path: [...path, 'published'], value: p });
      }
      const rel = this.enumValue<Reliability>(m.get('reliability'), path, 'reliability', RELIABILITIES, AnnotationCodes.unknownValue);
      if (rel) entry.reliability = rel;
    }
  }

  private entity(at: At): EntityEntry | null {
    const m = this.mapOf(at, 'entity', 'name, kind, aliases');
    if (!m) return null;
    const name = this.requiredStr(m.get('name'), at.path, 'name', at, 'an entity');
    if (name === undefined) return null;
    const entry: EntityEntry = { name: name.trim(), aliases: [], range: at.range, path: at.path };
    const kind = this.enumValue<EntityKind>(m.get('kind'), at.path, 'kind', ENTITY_KINDS, AnnotationCodes.unknownKind, KIND_SPELLINGS);
    if (kind) entry.kind = kind;
    entry.aliases = this.strList(m.get('aliases'), at.path, 'aliases').map(s => s.trim());
    const note = this.str(m.get('note'), at.path, 'note');
    if (note) entry.note = note;
    return entry;
  }

  /** The anchor keys of a map (flat tags or anchor items). Null (with a problem) when file or exact is missing. */
  private anchor(m: Map<string, { value: unknown; range: TextRange }>, at: At, what: string): AnchorRef | null {
    const file = this.requiredStr(m.get('file'), at.path, 'file', at, what);
    const exact = this.requiredStr(m.get('exact'), at.path, 'exact', at, what);
    if (file === undefined || exact === undefined) return null;
    const a: AnchorRef = { file: normalizeArticlePath(file), exact, range: at.range, path: at.path };
    const prefix = this.str(m.get('prefix'), at.path, 'prefix');
    if (prefix) a.prefix = prefix;
    const suffix = this.str(m.get('suffix'), at.path, 'suffix');
    if (suffix) a.suffix = suffix;
    const s = m.get('start');
    if (s) {
      const v = this.deref(s.value, s.range, [...at.path, 'start']);
      const n = isScalar(v.node) ? v.node.value : undefined;
      if (typeof n === 'number' && Number.isInteger(n) && n >= 0) a.start = n;
      else if (!this.isNull(v)) this.report(AnnotationCodes.invalidValue, 'warning', '"start" must be a whole number (an offset into the article); it is ignored.', v.range, { path: v.path });
    }
    return a;
  }

  private notEntity(at: At): NotEntityEntry | null {
    if (this.isNull(at)) return null;
    if (isScalar(at.node)) {
      const name = this.str({ value: at.node, range: at.range }, at.path.slice(0, -1), String(at.path[at.path.length - 1]));
      return name && name.trim() ? { name: name.trim(), range: at.range, path: at.path } : null;
    }
    const m = this.mapOf(at, 'notEntity', 'a name, or file + exact for one span');
    if (!m) return null;
    const note = this.str(m.get('note'), at.path, 'note');
    if (m.has('exact') || m.has('file')) {
      const anchor = this.anchor(m, at, 'a not_entities span');
      if (!anchor) return null;
      return { anchor, range: at.range, path: at.path, ...(note ? { note } : {}) };
    }
    const name = this.requiredStr(m.get('name'), at.path, 'name', at, 'a not_entities item');
    return name ? { name: name.trim(), range: at.range, path: at.path, ...(note ? { note } : {}) } : null;
  }

  private tag(at: At): SpanTagEntry | null {
    const m = this.mapOf(at, 'tag', 'file, exact, kind');
    if (!m) return null;
    const anchor = this.anchor(m, at, 'a tag');
    const kindE = m.get('kind');
    if (!kindE) { this.report(AnnotationCodes.missingKey, 'error', 'A tag needs "kind" (person, place, organization or other).', at.range, { path: at.path, value: 'kind' }); return null; }
    const kind = this.enumValue<EntityKind>(kindE, at.path, 'kind', ENTITY_KINDS, AnnotationCodes.unknownKind, KIND_SPELLINGS);
    if (!anchor || !kind) return null;
    const entry: SpanTagEntry = { anchor, kind, range: at.range, path: at.path };
    const name = this.str(m.get('name'), at.path, 'name');
    if (name && name.trim()) entry.name = name.trim();
    const note = this.str(m.get('note'), at.path, 'note');
    if (note) entry.note = note;
    return entry;
  }

  private figureList(e: { value: unknown; range: TextRange } | undefined, path: TagPath): AnchorRef[] {
    if (!e) return [];
    const at = this.deref(e.value, e.range, [...path, 'figures']);
    const out: AnchorRef[] = [];
    for (const it of this.seqItems(at, 'figures')) {
      const m = this.mapOf(it, 'anchor', 'file, exact, prefix, suffix');
      if (!m) continue;
      const a = this.anchor(m, it, 'a figure');
      if (a) out.push(a);
    }
    return out;
  }

  private claim(at: At, index: number): ClaimEntry | null {
    const m = this.mapOf(at, 'claim', 'id, label, figures');
    if (!m) return null;
    const id = this.str(m.get('id'), at.path, 'id')?.trim();
    const label = this.str(m.get('label'), at.path, 'label')?.trim();
    const figures = this.figureList(m.get('figures'), at.path);
    if (!m.has('figures')) this.report(AnnotationCodes.missingKey, 'warning', 'A claim needs "figures": the figures that are this quantity.', at.range, { path: at.path, value: 'figures' });
    const entry: ClaimEntry = { id: id || (label ? slugify(label) : `claim-${index + 1}`), idGenerated: !id, figures, range: at.range, path: at.path };
    if (label) entry.label = label;
    const note = this.str(m.get('note'), at.path, 'note');
    if (note) entry.note = note;
    return entry;
  }

  private checkClaimIds(model: AnnotationModel): void {
    const seen = new Map<string, ClaimEntry>();
    for (const c of model.claims) {
      const prev = seen.get(c.id);
      if (prev) {
        this.report(AnnotationCodes.duplicateId, 'warning', `Two claims have the id "${c.id}"; give each its own id.`, c.range,
          { path: c.path, others: [prev.path] });
      } else seen.set(c.id, c);
    }
  }

  private split(at: At): SplitEntry | null {
    const m = this.mapOf(at, 'split', 'figures: [two or more figure anchors]');
    if (!m) return null;
    const figures = this.figureList(m.get('figures'), at.path);
    if (figures.length < 2) {
      this.report(AnnotationCodes.missingKey, 'warning', 'A split needs two or more figures (the figures that are not the same quantity).', at.range, { path: at.path, value: 'figures' });
      if (!figures.length) return null;
    }
    const entry: SplitEntry = { figures, range: at.range, path: at.path };
    const note = this.str(m.get('note'), at.path, 'note');
    if (note) entry.note = note;
    return entry;
  }

  private verdict(at: At): VerdictEntry | null {
    const m = this.mapOf(at, 'verdict', 'file, exact, verdict, note');
    if (!m) return null;
    const anchor = this.anchor(m, at, 'a verdict');
    const vE = m.get('verdict');
    if (!vE) { this.report(AnnotationCodes.missingKey, 'error', 'A verdict needs "verdict" (accepted, disputed or wrong).', at.range, { path: at.path, value: 'verdict' }); return null; }
    const verdict = this.enumValue<Verdict>(vE, at.path, 'verdict', VERDICTS, AnnotationCodes.unknownVerdict);
    if (!anchor || !verdict) return null;
    const entry: VerdictEntry = { anchor, verdict, range: at.range, path: at.path };
    const note = this.str(m.get('note'), at.path, 'note');
    if (note) entry.note = note;
    return entry;
  }

  private ignore(at: At): IgnoreEntry | null {
    const m = this.mapOf(at, 'ignore', 'file + exact for a figure, claim: id, code: diagnostic-code, or file alone');
    if (!m) return null;
    const note = this.str(m.get('note'), at.path, 'note');
    const extra = note ? { note } : {};
    const base = { range: at.range, path: at.path, ...extra };
    const named = ['exact', 'claim', 'code'].filter(k => m.has(k));
    if (named.length > 1) {
      this.report(AnnotationCodes.invalidValue, 'error', `An ignore item names one thing: ${named.map(k => `"${k}"`).join(' and ')} were both given.`, at.range, { path: at.path });
      return null;
    }
    if (m.has('exact')) {
      const anchor = this.anchor(m, at, 'an ignored figure');
      return anchor ? { type: 'figure', anchor, ...base } : null;
    }
    if (m.has('claim')) {
      const claim = this.requiredStr(m.get('claim'), at.path, 'claim', at, 'an ignored claim');
      return claim ? { type: 'claim', claim: claim.trim(), ...base } : null;
    }
    const file = this.str(m.get('file'), at.path, 'file');
    if (m.has('code')) {
      const code = this.requiredStr(m.get('code'), at.path, 'code', at, 'an ignored code');
      if (!code) return null;
      return file ? { type: 'code', code: code.trim(), file: normalizeArticlePath(file), ...base } : { type: 'code', code: code.trim(), ...base };
    }
    if (file && file.trim()) return { type: 'file', file: normalizeArticlePath(file), ...base };
    this.report(AnnotationCodes.missingKey, 'error', 'An ignore item needs "file" + "exact" (a figure), "claim", "code", or "file" alone (a whole article).', at.range, { path: at.path });
    return null;
  }
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function describeNode(n: unknown): string {
  if (isSeq(n)) return 'a list';
  if (isMap(n)) return 'a map';
  if (isScalar(n)) return n.value === null ? 'nothing' : typeof n.value === 'string' ? `the text "${truncate(n.value)}"` : `the value ${truncate(String(n.value))}`;
  return 'nothing';
}

function truncate(s: string): string {
  return s.length > 40 ? s.slice(0, 37) + '...' : s;
}

/** YYYY-MM-DD (a date-time is cut to its date), checked to be a real calendar date; undefined otherwise. */
export function isoDate(s: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(s.trim());
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return undefined;
  return `${m[1]}-${m[2]}-${m[3]}`;
}
