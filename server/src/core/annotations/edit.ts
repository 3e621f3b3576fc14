// Edit builders for the quick fixes: each takes the current text of triangulate.yaml ('' when the
// file does not exist yet) and returns the new text and the minimal text edits (offsets into the old
// text) to turn into a WorkspaceEdit, or an error when the text does not parse (nothing is written
// over a file the user is in the middle of fixing). Everything outside the edited node is kept byte
// for byte: comments, blank lines, key order, spacing.
import type { EntityKind, Verdict } from '../types';
import { parseAnnotationsWithDocument } from './parse';
import { normalizeArticlePath, slugify } from './model';
import type { Anchor, AnchorRef, AnnotationModel, TagPath, TextQuote } from './model';
import { applyEdits, keysAt } from './yaml-edit';
import type { EditOp, EditResult } from './yaml-edit';
import { nameKey } from './resolve';

export type { EditResult, TextEdit, EditOp } from './yaml-edit';
export { applyEdits, applyTextEdits } from './yaml-edit';

/** What `addIgnore` silences. */
export type IgnoreSpec =
  | { figure: Anchor }
  | { claim: string }
  | { code: string; file?: string }
  | { file: string };

function run(text: string, build: (m: AnnotationModel) => EditOp[] | string): EditResult {
  const { result: { model, problems }, doc } = parseAnnotationsWithDocument(text);
  if (!model) {
    const first = problems.find(p => p.severity === 'error') ?? problems[0];
    return { ok: false, error: `The annotation file cannot be edited until its problems are fixed${first ? ` (${first.message})` : ''}; nothing was written.` };
  }
  const ops = build(model);
  if (typeof ops === 'string') return { ok: false, error: ops };
  if (!ops.length) return { ok: true, text, edits: [] };
  return applyEdits(text, ops, doc);
}

/** The anchor as written in the file: file, exact, then the context. */
function anchorData(a: Anchor): Record<string, unknown> {
  const d: Record<string, unknown> = { file: normalizeArticlePath(a.file), exact: a.exact };
  if (a.prefix) d.prefix = a.prefix;
  if (a.suffix) d.suffix = a.suffix;
  if (a.start !== undefined) d.start = a.start;
  return d;
}

/** A flat tag: the anchor's file and exact text first, then what the tag says, then the context. */
function flatTag(a: Anchor, fields: Record<string, unknown>): Record<string, unknown> {
  const { file, exact, ...context } = anchorData(a);
  const d: Record<string, unknown> = { file, exact };
  for (const [k, v] of Object.entries(fields)) if (v !== undefined && v !== null && v !== '') d[k] = v;
  return { ...d, ...context };
}

/** Whether two anchors name the same text: same file and exact text, and agreeing context or position (an anchor without either matches any). */
export function sameAnchor(a: Anchor, b: Anchor): boolean {
  if (normalizeArticlePath(a.file) !== normalizeArticlePath(b.file) || a.exact !== b.exact) return false;
  const bare = (x: Anchor) => x.start === undefined && !x.prefix && !x.suffix;
  // An anchor with no context names the text wherever it is.
  if (bare(a) || bare(b)) return true;
  const hasContext = (x: Anchor) => !!x.prefix || !!x.suffix;
  if (hasContext(a) && hasContext(b)) {
    // Context that agrees (one may be longer than the other) names the same passage, even if it moved.
    const pa = a.prefix ?? '', pb = b.prefix ?? '', sa = a.suffix ?? '', sb = b.suffix ?? '';
    return (pa.endsWith(pb) || pb.endsWith(pa)) && (sa.startsWith(sb) || sb.startsWith(sa));
  }
  return a.start !== undefined && a.start === b.start;
}

/** Sort removals last, and among them the later list items first, so earlier paths stay valid. */
function ordered(ops: EditOp[]): EditOp[] {
  const keep = ops.filter(o => o.op !== 'remove');
  const removes = ops.filter(o => o.op === 'remove');
  removes.sort((x, y) => comparePathsDesc(x.path, y.path));
  const seen = new Set<string>();
  const unique = removes.filter(r => { const k = JSON.stringify(r.path); if (seen.has(k)) return false; seen.add(k); return true; });
  return [...keep, ...unique];
}

function comparePathsDesc(a: TagPath, b: TagPath): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (a[i] === b[i]) continue;
    if (typeof a[i] === 'number' && typeof b[i] === 'number') return (b[i] as number) - (a[i] as number);
    return String(b[i]).localeCompare(String(a[i]));
  }
  return b.length - a.length;
}

// ---- verdicts ----

/** Accept, dispute or reject a figure. An existing verdict on the same figure is changed, not doubled. */
export function addVerdict(text: string, figure: Anchor, verdict: Verdict, note?: string): EditResult {
  return run(text, m => {
    const existing = m.verdicts.find(v => sameAnchor(v.anchor, figure));
    if (existing) {
      const ops: EditOp[] = [];
      if (existing.verdict !== verdict) ops.push({ op: 'set', path: [...existing.path, 'verdict'], value: verdict });
      if (note !== undefined && note !== (existing.note ?? '')) ops.push(note ? { op: 'set', path: [...existing.path, 'note'], value: note } : { op: 'remove', path: [...existing.path, 'note'] });
      return ops;
    }
    return [{ op: 'append', path: ['verdicts'], value: flatTag(figure, { verdict, note }) }];
  });
}

// ---- claims: joins, splits, labels ----

function claimWith(m: AnnotationModel, a: Anchor): { claim: AnnotationModel['claims'][number]; figure: AnchorRef } | undefined {
  for (const claim of m.claims) {
    const figure = claim.figures.find(f => sameAnchor(f, a));
    if (figure) return { claim, figure };
  }
  return undefined;
}

function uniqueId(m: AnnotationModel, base: string): string {
  const ids = new Set(m.claims.map(c => c.id));
  if (!ids.has(base)) return base;
  for (let i = 2; ; i++) if (!ids.has(`${base}-${i}`)) return `${base}-${i}`;
}

/** "Not the same quantity": the two figures must not share a claim. A user claim that joins both loses `b`. */
export function addSplit(text: string, a: Anchor, b: Anchor, note?: string): EditResult {
  return run(text, m => {
    if (sameAnchor(a, b)) return 'A figure cannot be split from itself.';
    if (m.splits.some(s => s.figures.some(f => sameAnchor(f, a)) && s.figures.some(f => sameAnchor(f, b)))) return [];
    const ops: EditOp[] = [];
    for (const c of m.claims) {
      const fb = c.figures.find(f => sameAnchor(f, b));
      if (fb && c.figures.some(f => sameAnchor(f, a))) ops.push({ op: 'remove', path: fb.path });
    }
    const split: Record<string, unknown> = { figures: [anchorData(a), anchorData(b)] };
    if (note) split.note = note;
    ops.push({ op: 'append', path: ['splits'], value: split });
    return ordered(ops);
  });
}

/** "The same quantity": the figures join one claim (an existing user claim that has one of them, or a new one). Splits between them are removed. */
export function addJoin(text: string, figures: Anchor[], opts: { id?: string; label?: string } = {}): EditResult {
  return run(text, m => {
    if (!figures.length) return 'Nothing to join.';
    const ops: EditOp[] = [];
    const found = figures.map(f => claimWith(m, f)).find(x => x);
    if (found) {
      const { claim } = found;
      for (const f of figures) if (!claim.figures.some(g => sameAnchor(g, f))) ops.push({ op: 'append', path: [...claim.path, 'figures'], value: anchorData(f) });
      if (opts.label && claim.label !== opts.label) ops.push({ op: 'set', path: [...claim.path, 'label'], value: opts.label });
    } else {
      const c: Record<string, unknown> = { id: opts.id ?? uniqueId(m, opts.label ? slugify(opts.label) : `claim-${m.claims.length + 1}`) };
      if (opts.label) c.label = opts.label;
      c.figures = figures.map(anchorData);
      ops.push({ op: 'append', path: ['claims'], value: c });
    }
    for (const s of m.splits) {
      const inJoin = s.figures.filter(f => figures.some(g => sameAnchor(f, g)));
      if (inJoin.length < 2) continue;
      if (s.figures.length - (inJoin.length - 1) < 2) ops.push({ op: 'remove', path: s.path });
      else for (const f of inJoin.slice(1)) ops.push({ op: 'remove', path: f.path });
    }
    return ordered(ops);
  });
}

/** Names a claim: by its id in `claims:`, or the claim holding a figure (a new claim entry is made for it when there is none). */
export function setClaimLabel(text: string, target: { claim: string } | { figure: Anchor }, label: string): EditResult {
  return run(text, m => {
    if (!label.trim()) return 'A claim label cannot be empty.';
    if ('claim' in target) {
      const c = m.claims.find(x => x.id === target.claim);
      if (!c) return `No claim "${target.claim}" in the annotation file.`;
      return c.label === label ? [] : [{ op: 'set', path: [...c.path, 'label'], value: label }];
    }
    const found = claimWith(m, target.figure);
    if (found) return found.claim.label === label ? [] : [{ op: 'set', path: [...found.claim.path, 'label'], value: label }];
    return [{ op: 'append', path: ['claims'], value: { id: uniqueId(m, slugify(label)), label, figures: [anchorData(target.figure)] } }];
  });
}

// ---- ignores ----

export function addIgnore(text: string, target: IgnoreSpec, note?: string): EditResult {
  return run(text, m => {
    let value: Record<string, unknown>;
    let dup = false;
    if ('figure' in target) {
      dup = m.ignores.some(i => i.type === 'figure' && sameAnchor(i.anchor, target.figure));
      value = note ? flatTag(target.figure, { note }) : anchorData(target.figure);
    } else if ('claim' in target) {
      dup = m.ignores.some(i => i.type === 'claim' && i.claim === target.claim);
      value = { claim: target.claim };
    } else if ('code' in target) {
      const file = target.file === undefined ? undefined : normalizeArticlePath(target.file);
      dup = m.ignores.some(i => i.type === 'code' && i.code === target.code && i.file === file);
      value = file ? { code: target.code, file } : { code: target.code };
    } else {
      const file = normalizeArticlePath(target.file);
      dup = m.ignores.some(i => i.type === 'file' && i.file === file);
      value = { file };
    }
    if (dup) return [];
    if (note && !('figure' in target)) value.note = note;
    return [{ op: 'append', path: ['ignore'], value }];
  });
}

// ---- entities ----

function entityNamed(m: AnnotationModel, name: string) {
  const key = nameKey(name);
  return m.entities.find(e => nameKey(e.name) === key) ?? m.entities.find(e => e.aliases.some(a => nameKey(a) === key));
}

function dropNotEntity(m: AnnotationModel, name: string): EditOp[] {
  const key = nameKey(name);
  return m.notEntities.filter(n => n.name !== undefined && nameKey(n.name) === key).map(n => ({ op: 'remove' as const, path: n.path }));
}

/** `alias` is another name of the entity `entityName` (created, with `kind`, when the file does not list it yet). */
export function addAlias(text: string, entityName: string, alias: string, kind?: EntityKind): EditResult {
  return run(text, m => {
    if (!alias.trim() || !entityName.trim()) return 'An alias needs a name and an entity.';
    if (nameKey(alias) === nameKey(entityName)) return 'An entity is not an alias of itself.';
    const ops: EditOp[] = [];
    const e = entityNamed(m, entityName);
    if (e) {
      if (!e.aliases.some(a => nameKey(a) === nameKey(alias)) && nameKey(e.name) !== nameKey(alias)) ops.push({ op: 'append', path: [...e.path, 'aliases'], value: alias });
      if (kind && !e.kind) ops.push({ op: 'set', path: [...e.path, 'kind'], value: kind });
    } else {
      const v: Record<string, unknown> = { name: entityName };
      if (kind) v.kind = kind;
      v.aliases = [alias];
      ops.push({ op: 'append', path: ['entities'], value: v });
    }
    ops.push(...dropNotEntity(m, alias));
    return ordered(ops);
  });
}

/** Sets an entity's kind (the entity is listed when it is not yet). */
export function setEntityKind(text: string, name: string, kind: EntityKind): EditResult {
  return run(text, m => {
    if (!name.trim()) return 'An entity needs a name.';
    const e = entityNamed(m, name);
    const ops: EditOp[] = [];
    if (e) { if (e.kind !== kind) ops.push({ op: 'set', path: [...e.path, 'kind'], value: kind }); }
    else ops.push({ op: 'append', path: ['entities'], value: { name, kind } });
    ops.push(...dropNotEntity(m, name));
    return ordered(ops);
  });
}

/** "Not an entity": a name (everywhere) or one span (an anchor). */
export function addNotEntity(text: string, target: string | Anchor, note?: string): EditResult {
  return run(text, m => {
    if (typeof target === 'string') {
      if (!target.trim()) return 'Nothing to mark.';
      if (m.notEntities.some(n => n.name !== undefined && nameKey(n.name) === nameKey(target))) return [];
      return [{ op: 'append', path: ['not_entities'], value: note ? { name: target, note } : target }];
    }
    if (m.notEntities.some(n => n.anchor && sameAnchor(n.anchor, target))) return [];
    return [{ op: 'append', path: ['not_entities'], value: note ? flatTag(target, { note }) : anchorData(target) }];
  });
}

/** Tags a span as a person, place, organization or other (optionally naming the entity). An existing tag on the same span is changed. */
export function addSpanTag(text: string, anchor: Anchor, kind: EntityKind, name?: string): EditResult {
  return run(text, m => {
    const t = m.tags.find(x => sameAnchor(x.anchor, anchor));
    if (t) {
      const ops: EditOp[] = [];
      if (t.kind !== kind) ops.push({ op: 'set', path: [...t.path, 'kind'], value: kind });
      if (name !== undefined && name !== t.name) ops.push({ op: 'set', path: [...t.path, 'name'], value: name });
      return ops;
    }
    const ops: EditOp[] = [{ op: 'append', path: ['tags'], value: flatTag(anchor, { kind, name: name && name !== anchor.exact ? name : undefined }) }];
    for (const n of m.notEntities) if (n.anchor && sameAnchor(n.anchor, anchor)) ops.push({ op: 'remove', path: n.path });
    return ordered(ops);
  });
}

// ---- sources ----

/** Sets metadata of an article (outlet, published, url, reliability, ...). */
export function setSource(text: string, file: string, fields: { outlet?: string; title?: string; author?: string; published?: string; url?: string; reliability?: string; note?: string }): EditResult {
  return run(text, m => {
    const f = normalizeArticlePath(file);
    const existing = m.sources.find(s => s.file === f);
    const key = existing ? existing.path[1] : f;
    const ops: EditOp[] = [];
    for (const [k, v] of Object.entries(fields)) {
      if (v === undefined) continue;
      if (existing && (existing as unknown as Record<string, unknown>)[k] === v) continue;
      ops.push({ op: 'set', path: ['sources', key, k], value: v });
    }
    return ops;
  });
}

// ---- generic: the fixes of validation problems ----

/** Points a tag at a new anchor (the "re-anchor" fix of a stale anchor). `path` is the anchor's path (`problem.data.path`). */
export function reanchor(text: string, path: TagPath, anchor: TextQuote | Anchor): EditResult {
  return run(text, () => {
    const ops: EditOp[] = [];
    if ('file' in anchor && anchor.file) ops.push({ op: 'set', path: [...path, 'file'], value: normalizeArticlePath(anchor.file) });
    ops.push({ op: 'set', path: [...path, 'exact'], value: anchor.exact });
    const fields: ['prefix', 'suffix', 'start'] = ['prefix', 'suffix', 'start'];
    const current = currentKeys(text, path);
    for (const k of fields) {
      const v = anchor[k];
      if (v !== undefined && v !== '') ops.push({ op: 'set', path: [...path, k], value: v });
      else if (current.has(k)) ops.push({ op: 'remove', path: [...path, k] });
    }
    return ops;
  });
}

function currentKeys(text: string, path: TagPath): Set<string> {
  return new Set(keysAt(text, path) ?? []);
}

/** Removes a tag (a list item or a key) by its path. */
export function removeTag(text: string, path: TagPath): EditResult {
  return run(text, () => (path.length ? [{ op: 'remove', path }] : 'Nothing to remove.'));
}

/** Renames a key ("did you mean"): `path` ends with the key as written. */
export function renameKey(text: string, path: TagPath, newKey: string): EditResult {
  return run(text, () => (path.length ? [{ op: 'renameKey', path, key: newKey }] : 'No key to rename.'));
}

/** Replaces a value ("did you mean" for kinds, verdicts, ...): `path` leads to the value. */
export function replaceValue(text: string, path: TagPath, value: string | number | boolean | null | string[]): EditResult {
  return run(text, () => (path.length ? [{ op: 'set', path, value }] : 'No value to replace.'));
}
