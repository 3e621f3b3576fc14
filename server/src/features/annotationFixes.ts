// The quick fixes' edits of triangulate.yaml, as plain data (`FixSpec`, so a code action can carry
// one in its `data` and be resolved later) and as a WorkspaceEdit: a TextDocumentEdit with the
// open document's version (or null), after a CreateFile when the file does not exist yet.
import type { CreateFile, TextDocumentEdit, TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import type { EntityKind, Verdict } from '../core/types';
import {
  addAlias, addIgnore, addNotEntity, addSpanTag, addSplit, addVerdict, diffEdits, parseAnnotations, reanchor, removeTag,
  renameKey, replaceValue, sameAnchor, setClaimLabel, setEntityKind,
} from '../core/annotations';
import type { Anchor, EditResult, TagPath } from '../core/annotations';
import type { AnnotationTarget } from '../workspace/annotations';
import { rangeMapper } from './annotationDiagnostics';

/** One quick fix, in data terms (JSON-safe). */
export type FixSpec =
  | { op: 'verdict'; figure: Anchor; verdict: Verdict }
  | { op: 'split'; a: Anchor; b: Anchor }
  | { op: 'ignoreFigure'; figure: Anchor }
  /** Ignore a whole conflict: its claim is named in `claims:` (by this figure) when it is not yet, then ignored by id. */
  | { op: 'ignoreClaim'; figure: Anchor; label: string }
  | { op: 'label'; figure: Anchor; label: string }
  | { op: 'alias'; entity: string; alias: string }
  | { op: 'kind'; name: string; kind: EntityKind }
  | { op: 'notEntity'; target: string | Anchor }
  | { op: 'tag'; anchor: Anchor; kind: EntityKind }
  | { op: 'renameKey'; path: TagPath; key: string }
  | { op: 'replaceValue'; path: TagPath; value: string }
  | { op: 'reanchor'; path: TagPath; anchor: Anchor }
  | { op: 'remove'; path: TagPath };

/** The new text of the annotation file (and the edits from the old one), or why nothing can be written. */
export function applyFix(text: string, fix: FixSpec): EditResult {
  switch (fix.op) {
    case 'verdict': return addVerdict(text, fix.figure, fix.verdict);
    case 'split': return addSplit(text, fix.a, fix.b);
    case 'ignoreFigure': return addIgnore(text, { figure: fix.figure });
    case 'ignoreClaim': return ignoreClaim(text, fix.figure, fix.label);
    case 'label': return setClaimLabel(text, { figure: fix.figure }, fix.label);
    case 'alias': return addAlias(text, fix.entity, fix.alias);
    case 'kind': return setEntityKind(text, fix.name, fix.kind);
    case 'notEntity': return addNotEntity(text, fix.target);
    case 'tag': return addSpanTag(text, fix.anchor, fix.kind);
    case 'renameKey': return renameKey(text, fix.path, fix.key);
    case 'replaceValue': return replaceValue(text, fix.path, fix.value);
    case 'reanchor': return reanchor(text, fix.path, fix.anchor);
    case 'remove': return removeTag(text, fix.path);
  }
}

function claimIdOf(text: string, figure: Anchor): string | undefined {
  return parseAnnotations(text).model?.claims.find(c => c.figures.some(f => sameAnchor(f, figure)))?.id;
}

function ignoreClaim(text: string, figure: Anchor, label: string): EditResult {
  let named = text;
  let id = claimIdOf(text, figure);
  if (id === undefined) {
    const r = setClaimLabel(text, { figure }, label);
    if (!r.ok) return r;
    named = r.text;
    id = claimIdOf(named, figure);
    if (id === undefined) return { ok: false, error: 'The claim could not be named in the annotation file.' };
  }
  const r = addIgnore(named, { claim: id });
  if (!r.ok) return r;
  return r.text === text ? { ok: true, text, edits: [] } : { ok: true, text: r.text, edits: diffEdits(text, r.text) };
}

export interface EditCapabilities {
  /** The client takes `documentChanges` (versioned TextDocumentEdits). */
  documentChanges: boolean;
  /** The client can create files in a WorkspaceEdit (resource operation 'create'). */
  createFiles: boolean;
}

/** The WorkspaceEdit that turns the target's text into `result.text`. */
export function toWorkspaceEdit(target: AnnotationTarget, result: Extract<EditResult, { ok: true }>, caps: EditCapabilities): WorkspaceEdit {
  if (!target.exists) {
    const insert: TextEdit = { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: result.text };
    if (caps.documentChanges && caps.createFiles) {
      // No overwrite, no ignoreIfExists: should the file have appeared meanwhile, the edit fails instead of doubling it.
      const create: CreateFile = { kind: 'create', uri: target.uri };
      const edit: TextDocumentEdit = { textDocument: { uri: target.uri, version: null }, edits: [insert] };
      return { documentChanges: [create, edit] };
    }
    return { changes: { [target.uri]: [insert] } };
  }
  const range = rangeMapper(target.text);
  const edits: TextEdit[] = result.edits.map(e => ({ range: range(e.start, e.end), newText: e.newText }));
  if (caps.documentChanges) return { documentChanges: [{ textDocument: { uri: target.uri, version: target.version }, edits }] };
  return { changes: { [target.uri]: edits } };
}
