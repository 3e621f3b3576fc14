// The annotation store and the code actions as plain functions, in process, over the real engine
// and the seed articles (read from ../shared/seeds): the shapes of the WorkspaceEdits an editor gets
// (CreateFile then a TextDocumentEdit, versions of open documents, `changes` for simpler clients),
// lazily resolved actions, disabled actions, and which annotation file applies to which article.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import YAML from 'yaml';
import type { CodeAction, CodeActionParams, Range, TextDocumentEdit } from 'vscode-languageserver-protocol';
import { Corpus } from '../../server/src/core/corpus';
import { lineStarts, positionAt } from '../../server/src/core/text';
import { AnnotationStore } from '../../server/src/workspace/annotations';
import { fileUri } from '../../server/src/workspace/uri';
import { articleCodeActions, annotationFileCodeActions, capitalisedPhraseAt, resolveCodeAction, type CodeActionEnv } from '../../server/src/features/codeActions';
import { annotationDiagnostics } from '../../server/src/features/annotationDiagnostics';
import { applyWorkspaceEdit } from './annotationsHelpers';
import { listSeeds, seedsDir } from './client';

const F000 = '000_194b222c75d92c06.txt';

interface Setup { dir: string; corpus: Corpus; store: AnnotationStore; changed: string[]; problemsChanged: string[]; uri(f: string): string; yamlUri: string; dispose(): void }

function setup(files: Record<string, string> = {}, articles = listSeeds()): Setup {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'triangulate-feat-'));
  for (const [rel, text] of Object.entries(files)) { mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true }); writeFileSync(path.join(dir, rel), text); }
  const corpus = new Corpus();
  const changed: string[] = [], problemsChanged: string[] = [];
  const store = new AnnotationStore(corpus, { log() {}, changed: d => { changed.push(...d); }, problemsChanged: u => { problemsChanged.push(u); }, needsRefresh() {} }, () => 0);
  store.setFolders([dir]);
  const uri = (f: string) => fileUri(path.join(dir, f));
  for (const f of articles) corpus.set(uri(f), readFileSync(path.join(seedsDir, f), 'utf8'));
  return { dir, corpus, store, changed, problemsChanged, uri, yamlUri: uri('triangulate.yaml'), dispose: () => { store.dispose(); rmSync(dir, { recursive: true, force: true }); } };
}

function env(s: Setup, over: Partial<CodeActionEnv> = {}): CodeActionEnv {
  return { corpus: s.corpus, annotations: s.store, documentChanges: true, createFiles: true, lazy: false, disabledSupport: false, ...over };
}

/** The range of a figure's conflict problem, and the diagnostics-like context for it. */
function conflictParams(s: Setup, doc: string, text: string): CodeActionParams {
  const p = s.corpus.problemsOf(doc).find(x => x.code === 'conflicting-figure' && s.corpus.text(doc)!.slice(x.start, x.end) === text);
  assert.ok(p, `a conflict on ${text}`);
  const starts = lineStarts(s.corpus.text(doc)!);
  const range: Range = { start: positionAt(starts, p.start), end: positionAt(starts, p.end) };
  return { textDocument: { uri: doc }, range, context: { diagnostics: [{ range, message: p.message, code: p.code, source: 'triangulate', data: p.data }] } };
}

const accept = (actions: CodeAction[]) => {
  const a = actions.find(x => x.title === 'Accept US$86.8 billion as the value');
  assert.ok(a, actions.map(x => x.title).join(' | '));
  return a;
};

test('with no annotation file: CreateFile at the workspace folder root, then the whole new text (version null); simpler clients get `changes`', async () => {
  const s = setup();
  try {
    await s.store.discover();
    const params = conflictParams(s, s.uri(F000), 'US$86.8 billion');
    const a = accept(articleCodeActions(env(s), params));
    assert.equal(a.isPreferred, true);
    const changes = a.edit!.documentChanges!;
    assert.equal(changes.length, 2);
    assert.deepEqual(changes[0], { kind: 'create', uri: s.yamlUri });
    const edit = changes[1] as TextDocumentEdit;
    assert.deepEqual(edit.textDocument, { uri: s.yamlUri, version: null });
    const text = applyWorkspaceEdit(a.edit!, new Map()).get(s.yamlUri)!;
    const parsed = YAML.parse(text) as { version: number; verdicts: { file: string; exact: string; verdict: string; prefix: string; start: number }[] };
    assert.equal(parsed.version, 1);
    assert.equal(parsed.verdicts[0]!.file, F000);
    assert.equal(parsed.verdicts[0]!.verdict, 'accepted');
    assert.equal(readFileSync(path.join(seedsDir, F000), 'utf8').slice(parsed.verdicts[0]!.start).startsWith('US$86.8 billion'), true, 'start is the offset in the article');
    // An editor that cannot create files gets plain `changes`; one without documentChanges too.
    for (const caps of [{ createFiles: false }, { documentChanges: false }]) {
      const b = accept(articleCodeActions(env(s, caps), params));
      assert.equal(b.edit!.documentChanges, undefined);
      assert.equal(applyWorkspaceEdit(b.edit!, new Map()).get(s.yamlUri), text);
    }
  } finally { s.dispose(); }
});

test('with the file open in the editor: a TextDocumentEdit for the open version, against the editor\'s text', async () => {
  const s = setup({ 'triangulate.yaml': 'version: 1\n' });
  try {
    await s.store.discover();
    s.store.didOpen(s.yamlUri, 7, '# unsaved\nversion: 1\n');
    const a = accept(articleCodeActions(env(s), conflictParams(s, s.uri(F000), 'US$86.8 billion')));
    const [edit] = a.edit!.documentChanges! as TextDocumentEdit[];
    assert.deepEqual(edit!.textDocument, { uri: s.yamlUri, version: 7 });
    const after = applyWorkspaceEdit(a.edit!, new Map([[s.yamlUri, '# unsaved\nversion: 1\n']]), new Map([[s.yamlUri, 7]])).get(s.yamlUri)!;
    assert.ok(after.startsWith('# unsaved\nversion: 1\n'));
    // Closed again, the disk's text is the one edited, with no version.
    await s.store.didClose(s.yamlUri);
    const b = accept(articleCodeActions(env(s), conflictParams(s, s.uri(F000), 'US$86.8 billion')));
    const [closed] = b.edit!.documentChanges! as TextDocumentEdit[];
    assert.equal(closed!.textDocument.version, null);
    assert.ok(applyWorkspaceEdit(b.edit!, new Map([[s.yamlUri, 'version: 1\n']])).get(s.yamlUri)!.startsWith('version: 1\n'));
  } finally { s.dispose(); }
});

test('a client that resolves code actions gets them without edits, and the edit on codeAction/resolve', async () => {
  const s = setup();
  try {
    const params = conflictParams(s, s.uri(F000), 'US$86.8 billion');
    const eager = accept(articleCodeActions(env(s), params));
    const lazy = accept(articleCodeActions(env(s, { lazy: true }), params));
    assert.equal(lazy.edit, undefined);
    assert.ok(lazy.data);
    const resolved = resolveCodeAction(env(s, { lazy: true }), JSON.parse(JSON.stringify(lazy)) as CodeAction);
    assert.deepEqual(resolved.edit, eager.edit);
  } finally { s.dispose(); }
});

test('while the file does not parse, the fixes are shown disabled with the reason (or not at all), never with an edit', async () => {
  const s = setup({ 'triangulate.yaml': 'verdicts: [ { file: x\n' });
  try {
    await s.store.discover();
    const params = conflictParams(s, s.uri(F000), 'US$86.8 billion');
    const shown = articleCodeActions(env(s, { disabledSupport: true }), params);
    assert.ok(shown.length > 0);
    for (const a of shown) {
      assert.ok(a.disabled?.reason.includes('triangulate.yaml'), a.title);
      assert.equal(a.edit, undefined);
      assert.equal(a.data, undefined);
    }
    assert.deepEqual(articleCodeActions(env(s), params), []);
  } finally { s.dispose(); }
});

test('the store keeps the last good annotations in force; problems point into the current text only', async () => {
  const text = readFileSync(path.join(seedsDir, F000), 'utf8');
  const start = text.indexOf('US$86.8 billion');
  const good = `version: 1\nverdicts:\n  - { file: ${F000}, exact: US$86.8 billion, verdict: accepted, start: ${start} }\n  - { file: ${F000}, exact: "no such words anywhere at all", verdict: wrong }\n`;
  const s = setup();
  try {
    s.store.didOpen(s.yamlUri, 1, good);
    s.store.refresh();
    const code = () => s.corpus.problemsOf(s.uri(F000)).find(p => p.start === start)?.code;
    assert.equal(code(), 'resolved-conflict');
    assert.ok(s.changed.includes(s.uri(F000)), 'the article is published again');
    const stale = s.store.problems(s.yamlUri).find(p => p.code === 'stale-anchor');
    assert.ok(stale);
    assert.equal(good.slice(stale.start, stale.end).includes('no such words'), true);
    const diags = annotationDiagnostics(s.yamlUri, good, s.store.problems(s.yamlUri));
    assert.equal(diags.find(d => d.code === 'stale-anchor')?.range.start.line, 3);

    s.store.didChange(s.yamlUri, 2, good + 'claims: [\n');
    s.store.flush(s.yamlUri);
    s.store.refresh();
    assert.equal(code(), 'resolved-conflict', 'still in force');
    assert.deepEqual(s.store.problems(s.yamlUri).map(p => p.code), ['annotation-parse-error']);

    s.store.didChange(s.yamlUri, 3, 'version: 1\n');
    s.store.flush(s.yamlUri);
    s.store.refresh();
    assert.equal(code(), 'conflicting-figure', 'a good file without the verdict takes it away');
    assert.deepEqual(s.store.problems(s.yamlUri), []);
  } finally { s.dispose(); }
});

test('the nearest annotation file applies; paths in it are relative to its folder', async () => {
  const [a, b] = listSeeds();
  const s = setup({ 'triangulate.yaml': 'version: 1\n', 'sub/triangulate.yaml': 'version: 1\n' }, []);
  try {
    s.corpus.set(s.uri(`sub/deeper/${a}`), readFileSync(path.join(seedsDir, a!), 'utf8'));
    s.corpus.set(s.uri(`other/${b}`), readFileSync(path.join(seedsDir, b!), 'utf8'));
    await s.store.discover();
    assert.equal(s.store.fileFor(s.uri(`sub/deeper/${a}`)), s.uri('sub/triangulate.yaml'));
    assert.equal(s.store.fileFor(s.uri(`other/${b}`)), s.yamlUri);
    assert.equal(s.store.articlePath(s.uri('sub/triangulate.yaml'), s.uri(`sub/deeper/${a}`)), `deeper/${a}`);
    assert.deepEqual(s.store.articlesOf(s.yamlUri), [`other/${b}`]);
    assert.equal(s.store.articleUri(s.yamlUri, `other/${b}`), s.uri(`other/${b}`));
  } finally { s.dispose(); }
});

test('fixes in the file itself: "did you mean" for a value and a key, also when the request carries no diagnostics', async () => {
  const text = 'version: 1\nverdicts:\n  - { file: ' + F000 + ', exact: US$86.8 billion, verdict: acepted }\nnote_entities: [X]\n';
  const s = setup({ 'triangulate.yaml': text });
  try {
    await s.store.discover();
    s.store.refresh();
    const diags = annotationDiagnostics(s.yamlUri, text, s.store.problems(s.yamlUri));
    const at = (code: string) => {
      const d = diags.find(x => x.code === code);
      assert.ok(d, `${code} among ${diags.map(x => x.code).join(', ')}`);
      return annotationFileCodeActions(env(s), { textDocument: { uri: s.yamlUri }, range: d.range, context: { diagnostics: [d] } });
    };
    const verdict = at('unknown-verdict');
    assert.deepEqual(verdict.map(x => x.title), ['Change to "accepted"']);
    const fixed = applyWorkspaceEdit(verdict[0]!.edit!, new Map([[s.yamlUri, text]])).get(s.yamlUri)!;
    assert.equal(fixed, text.replace('acepted', 'accepted'));
    const key = at('unknown-key');
    assert.equal(applyWorkspaceEdit(key[0]!.edit!, new Map([[s.yamlUri, text]])).get(s.yamlUri), text.replace('note_entities', 'not_entities'));
    // Without diagnostics in the request, the problems under the range are used.
    const d = diags.find(x => x.code === 'unknown-verdict')!;
    assert.deepEqual(annotationFileCodeActions(env(s), { textDocument: { uri: s.yamlUri }, range: d.range, context: { diagnostics: [] } }).map(x => x.title), ['Change to "accepted"']);
  } finally { s.dispose(); }
});

test('capitalised phrases: connectors inside, possessives and trailing punctuation out, a one-line selection as it is', () => {
  const t = 'Officials said the Bank of Ellery’s board met. Tidewater, a rival, declined.\nNext line';
  const phrase = (needle: string, delta = 1) => { const i = t.indexOf(needle) + delta; const r = capitalisedPhraseAt(t, i, i); return r && t.slice(r.start, r.end); };
  assert.equal(phrase('Bank'), 'Bank of Ellery');
  assert.equal(phrase('Ellery'), 'Bank of Ellery');
  assert.equal(phrase('Tidewater'), 'Tidewater');
  assert.equal(phrase('board'), undefined);
  const sel = (a: string, b: string) => { const r = capitalisedPhraseAt(t, t.indexOf(a), t.indexOf(b) + b.length); return r && t.slice(r.start, r.end); };
  assert.equal(sel(' board', 'met'), 'board met');
  assert.equal(sel('declined', 'Next'), undefined, 'a selection over a line break is no phrase');
});

test('the manifest registers the JSON Schema for triangulate.yaml (yamlValidation) and activates on a folder that has one', () => {
  const root = path.resolve(__dirname, '../../..');
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { activationEvents: string[]; contributes: { yamlValidation: { fileMatch: string | string[]; url: string }[] } };
  const [v] = pkg.contributes.yamlValidation;
  assert.ok(v);
  assert.ok(([] as string[]).concat(v.fileMatch).includes('**/triangulate.yaml'));
  const schema = JSON.parse(readFileSync(path.join(root, v.url), 'utf8')) as { $schema: string; properties: Record<string, unknown> };
  assert.match(schema.$schema, /draft-07/);
  assert.ok('verdicts' in schema.properties);
  assert.ok(pkg.activationEvents.includes('workspaceContains:**/triangulate.yaml'));
});
