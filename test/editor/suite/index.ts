// The extension's integration suite: the `run()` module that VS Code's extension
// host loads as `extensionTestsPath` (from @vscode/test-electron, or from the
// `payload` URL of the code-server web workbench). It asserts, through the
// `vscode` API, what the extension does with the seed articles open.
//
// Where the results go: $TRIANGULATE_EDITOR_RESULTS, else `editor-results.json`
// beside the workspace folder. `editor-config.json` beside the workspace folder
// may ask for more (`expectInstalledUnder`: the extension must run from there, as
// when the VSIX was installed).
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { runAll, test, until } from './harness';

const EXTENSION_ID = 'triangulate.triangulate';
const F000 = '000_194b222c75d92c06.txt';
const F001 = '001_f66de1d8ea6897c6.txt';
const F003 = '003_9de363946368c298.txt';
const FIGURE = 'US$86.8 billion';

interface EditorConfig { expectInstalledUnder?: string }

function workspaceDir(): string {
  const f = vscode.workspace.workspaceFolders?.[0];
  if (!f) throw new Error('the suite needs a workspace folder (the copy of ../shared/seeds)');
  return f.uri.fsPath;
}
const uriOf = (name: string) => vscode.Uri.file(path.join(workspaceDir(), name));

function config(): EditorConfig {
  const file = path.join(path.dirname(workspaceDir()), 'editor-config.json');
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) as EditorConfig : {};
}

async function open(name: string): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(uriOf(name));
  await vscode.window.showTextDocument(doc, { preview: false });
  return doc;
}

/** The range of the first occurrence of `text` on 1-based `line`. */
function rangeOf(doc: vscode.TextDocument, line: number, text: string): vscode.Range {
  const col = doc.lineAt(line - 1).text.indexOf(text);
  assert.ok(col >= 0, `"${text}" on line ${line} of ${path.basename(doc.uri.fsPath)}`);
  return new vscode.Range(line - 1, col, line - 1, col + text.length);
}

function firstLineWith(doc: vscode.TextDocument, text: string): number {
  for (let i = 0; i < doc.lineCount; i++) if (doc.lineAt(i).text.includes(text)) return i + 1;
  throw new Error(`"${text}" not in ${path.basename(doc.uri.fsPath)}`);
}

/** The diagnostic on exactly `range`. */
const diagnosticAt = (uri: vscode.Uri, range: vscode.Range) =>
  vscode.languages.getDiagnostics(uri).find(d => d.range.isEqual(range));

function hoverText(hovers: vscode.Hover[]): string {
  return hovers.flatMap(h => h.contents.map(c => typeof c === 'string' ? c : c.value)).join('\n');
}

function articleBytes(): Map<string, Buffer> {
  const dir = workspaceDir();
  return new Map(readdirSync(dir).filter(f => f.endsWith('.txt')).sort().map(f => [f, readFileSync(path.join(dir, f))]));
}

test('the extension activates when a seed .txt file is opened', async () => {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is installed`);
  const doc = await open(F000);
  assert.equal(doc.languageId, 'article', 'a seed .txt opens as an article');
  await until('the extension to be active', () => ext.isActive, 30_000);
  const under = config().expectInstalledUnder;
  if (under) {
    const rel = path.relative(path.resolve(under), path.resolve(ext.extensionPath));
    assert.ok(rel && !rel.startsWith('..') && !path.isAbsolute(rel), `the extension runs from the installed VSIX under ${under}, not from ${ext.extensionPath}`);
    assert.ok(existsSync(path.join(ext.extensionPath, 'dist', 'server.js')), 'the installed extension ships dist/server.js');
  }
});

test(`diagnostics of ${F000} hold the ${FIGURE} conflict on line 9, with related information into ${F001}`, async () => {
  const doc = await open(F000);
  const range = rangeOf(doc, 9, FIGURE);
  const d = await until(`a diagnostic on ${FIGURE} (line 9)`, () => diagnosticAt(doc.uri, range));
  assert.equal(d.severity, vscode.DiagnosticSeverity.Warning, 'a conflict is a warning by default');
  assert.match(d.message, /86\.7/, `the message names the other value: ${d.message}`);
  const related = d.relatedInformation ?? [];
  const into001 = related.filter(r => path.basename(r.location.uri.fsPath) === F001);
  assert.ok(into001.length > 0, `related information into ${F001}: ${related.map(r => `${r.location.uri.fsPath}:${r.location.range.start.line + 1}`).join(', ')}`);
  const other = await vscode.workspace.openTextDocument(into001[0]!.location.uri);
  assert.equal(other.getText(into001[0]!.location.range), '$86.7 billion', 'the related location is the other value');
  assert.equal(into001[0]!.location.range.start.line, 8, `${F001} line 9`);
});

test(`the hover on ${FIGURE} names $86.7 billion and ${F001}`, async () => {
  const doc = await open(F000);
  const range = rangeOf(doc, 9, FIGURE);
  const text = await until('a hover naming $86.7 billion', async () => {
    const t = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, range.start.translate(0, 3)));
    return t.includes('$86.7 billion') ? t : undefined;
  });
  assert.ok(text.includes(F001), `the hover names ${F001}:\n${text}`);
});

test('semantic tokens colour To Lam as a person', async () => {
  const doc = await open(F000);
  const line = firstLineWith(doc, 'To Lam');
  const range = rangeOf(doc, line, 'To Lam');
  const legend = await until('the semantic tokens legend', () =>
    vscode.commands.executeCommand<vscode.SemanticTokensLegend | undefined>('vscode.provideDocumentSemanticTokensLegend', doc.uri));
  const type = await until('a semantic token on To Lam', async () => {
    const tokens = await vscode.commands.executeCommand<vscode.SemanticTokens | undefined>('vscode.provideDocumentSemanticTokens', doc.uri);
    if (!tokens) return undefined;
    const d = tokens.data;
    let l = 0, c = 0;
    for (let i = 0; i + 4 < d.length; i += 5) {
      l += d[i]!;
      c = d[i] === 0 ? c + d[i + 1]! : d[i + 1]!;
      if (l === range.start.line && c === range.start.character && d[i + 2] === 'To Lam'.length) return legend.tokenTypes[d[i + 3]!];
    }
    return undefined;
  });
  assert.equal(type, 'person');
});

test(`references on To Lam include ${F003}`, async () => {
  const doc = await open(F000);
  const range = rangeOf(doc, firstLineWith(doc, 'To Lam'), 'To Lam');
  const files = await until(`references into ${F003}`, async () => {
    const refs = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', doc.uri, range.start.translate(0, 1));
    const names = new Set((refs ?? []).map(r => path.basename(r.uri.fsPath)));
    return names.has(F003) ? names : undefined;
  });
  assert.ok(files.has(F000), 'the references include the mention itself');
});

test('the quick fixes on the conflict: "Accept" writes triangulate.yaml, the warning changes, the articles stay byte for byte', async () => {
  const before = articleBytes();
  assert.equal(before.size, 5, 'five seed articles in the workspace');
  const yaml = path.join(workspaceDir(), 'triangulate.yaml');
  assert.equal(existsSync(yaml), false, 'no annotation file before the fix');
  const doc = await open(F000);
  const range = rangeOf(doc, 9, FIGURE);
  const warning = await until('the conflict warning', () => diagnosticAt(doc.uri, range));
  assert.equal(warning.severity, vscode.DiagnosticSeverity.Warning);

  const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
    'vscode.executeCodeActionProvider', doc.uri, range, vscode.CodeActionKind.QuickFix.value, 100);
  const fixes = actions.filter((a): a is vscode.CodeAction => 'kind' in a || 'edit' in a || 'isPreferred' in a);
  const titles = fixes.map(a => a.title);
  const accept = fixes.find(a => a.title.startsWith('Accept'));
  assert.ok(accept, `an "Accept …" quick fix among: ${titles.join(' | ')}`);
  assert.ok(titles.length >= 2, `more than one quick fix is offered: ${titles.join(' | ')}`);
  assert.ok(accept.kind && vscode.CodeActionKind.QuickFix.contains(accept.kind), `"${accept.title}" is a quick fix (kind ${accept.kind?.value})`);
  assert.equal(accept.isPreferred, true, `"${accept.title}" is the preferred fix`);
  assert.ok(accept.edit || accept.command, `"${accept.title}" carries an edit or a command`);

  if (accept.edit) assert.equal(await vscode.workspace.applyEdit(accept.edit), true, 'the workspace edit applies');
  if (accept.command) await vscode.commands.executeCommand(accept.command.command, ...(accept.command.arguments ?? []));
  await vscode.workspace.saveAll(false);

  const written = await until('triangulate.yaml on disk with the verdict', () => {
    const t = existsSync(yaml) ? readFileSync(yaml, 'utf8') : '';
    return /accepted/.test(t) && t.includes(F000) ? t : undefined;
  }, 30_000);
  assert.match(written, /version:\s*1/, `the annotation file has a version line:\n${written}`);

  const after = await until('the conflict diagnostic to change', () => {
    const d = diagnosticAt(doc.uri, range);
    return !d || d.severity !== warning.severity || d.message !== warning.message ? (d ?? null) : undefined;
  });
  assert.notEqual(after?.severity, vscode.DiagnosticSeverity.Warning, `no warning on ${FIGURE} once accepted: ${after?.message}`);

  const now = articleBytes();
  assert.deepEqual([...now.keys()], [...before.keys()], 'the same article files');
  for (const [f, bytes] of before) assert.ok(bytes.equals(now.get(f)!), `${f} unchanged byte for byte`);
  assert.equal(vscode.workspace.textDocuments.filter(d => d.isDirty).map(d => d.uri.fsPath).join(', '), '', 'nothing left unsaved');
});

export async function run(): Promise<void> {
  const resultsFile = process.env.TRIANGULATE_EDITOR_RESULTS || path.join(path.dirname(workspaceDir()), 'editor-results.json');
  const results = await runAll(resultsFile, vscode.version);
  if (results.failed > 0) throw new Error(`${results.failed} of ${results.tests.length} editor tests failed`);
}
