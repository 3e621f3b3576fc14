// Helpers for the annotation tests: apply a WorkspaceEdit to in-memory copies of files (as an
// editor would), keep an open triangulate.yaml in step with the server, ask for code actions.
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import assert from 'node:assert/strict';
import type { CodeAction, Diagnostic, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { lineStarts, offsetAt } from '../../server/src/core/text';
import { fileUri, type TestClient } from './client';

/** Applies LSP text edits (ranges into the old text) to a text. */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const starts = lineStarts(text);
  const at = (p: { line: number; character: number }) => offsetAt(starts, text.length, p.line, p.character);
  const spans = edits.map(e => ({ start: at(e.range.start), end: at(e.range.end), newText: e.newText })).sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  for (const s of spans) out = out.slice(0, s.start) + s.newText + out.slice(s.end);
  return out;
}

/** Applies a WorkspaceEdit to in-memory files (URI → text; a missing key is a missing file). Throws on what an editor would refuse. */
export function applyWorkspaceEdit(edit: WorkspaceEdit, files: Map<string, string>, versions: Map<string, number> = new Map()): Map<string, string> {
  const out = new Map(files);
  if (edit.documentChanges) {
    for (const change of edit.documentChanges) {
      if ('kind' in change) {
        assert.equal(change.kind, 'create', `unexpected resource operation ${change.kind}`);
        if (out.has(change.uri) && !(change.options?.overwrite || change.options?.ignoreIfExists)) throw new Error(`${change.uri} already exists`);
        if (!out.has(change.uri) || change.options?.overwrite) out.set(change.uri, '');
        continue;
      }
      const uri = change.textDocument.uri;
      if (!out.has(uri)) throw new Error(`edit of a missing file ${uri}`);
      const version = change.textDocument.version;
      if (version !== null && versions.get(uri) !== version) throw new Error(`edit for version ${version} of ${uri}, the editor has ${versions.get(uri)}`);
      out.set(uri, applyTextEdits(out.get(uri)!, change.edits as TextEdit[]));
    }
  }
  for (const [uri, edits] of Object.entries(edit.changes ?? {})) out.set(uri, applyTextEdits(out.get(uri) ?? '', edits));
  return out;
}

/** A folder of made-up articles (and, optionally, a triangulate.yaml). */
export function fixtureFolder(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'triangulate-ann-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

export async function codeActions(client: TestClient, uri: string, range: Range, diagnostics: Diagnostic[] = []): Promise<CodeAction[]> {
  return (await client.request<CodeAction[] | null>('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics } })) ?? [];
}

export function pick(actions: readonly CodeAction[], title: string | RegExp): CodeAction {
  const a = actions.find(x => (typeof title === 'string' ? x.title === title : title.test(x.title)));
  assert.ok(a, `no code action "${String(title)}" among: ${actions.map(x => x.title).join(' | ')}`);
  assert.ok(a.edit, `code action "${a.title}" has no edit`);
  return a;
}

/**
 * triangulate.yaml as an editor holds it: the edits of code actions are applied to this copy,
 * and the server is told (didOpen the first time, didChange after).
 */
export class YamlInEditor {
  text: string | undefined;
  private opened = false;
  readonly uri: string;
  readonly file: string;

  constructor(private readonly client: TestClient, folder: string, text?: string) {
    this.file = path.join(folder, 'triangulate.yaml');
    this.uri = fileUri(this.file);
    this.text = text;
  }

  open(text = this.text ?? ''): void {
    this.text = text;
    this.client.open(this.file, 'yaml', text);
    this.opened = true;
  }

  set(text: string): void {
    this.text = text;
    if (this.opened) this.client.change(this.uri, text); else this.open(text);
  }

  /** Applies a code action's edit to this copy and notifies the server; returns the new text. */
  apply(action: CodeAction): string {
    assert.ok(action.edit, `code action "${action.title}" has no edit`);
    const files = new Map<string, string>();
    if (this.text !== undefined) files.set(this.uri, this.text);
    const after = applyWorkspaceEdit(action.edit, files);
    const others = [...after.keys()].filter(k => k !== this.uri);
    assert.deepEqual(others, [], 'the edit touches only triangulate.yaml');
    this.set(after.get(this.uri)!);
    return this.text!;
  }
}

/** The range of the n-th occurrence of `needle` in a text. */
export function rangeIn(text: string, needle: string, nth = 1): Range {
  let i = -1;
  for (let k = 0; k < nth; k++) { i = text.indexOf(needle, i + 1); if (i < 0) throw new Error(`"${needle}" not found`); }
  const starts = lineStarts(text);
  const pos = (o: number) => { let line = 0; while (line + 1 < starts.length && starts[line + 1]! <= o) line++; return { line, character: o - starts[line]! }; };
  return { start: pos(i), end: pos(i + needle.length) };
}
