// Protocol mechanics of the bundled server over stdio: capabilities, indexing
// with work-done progress, file watchers, custom messages, and empty answers
// where there is nothing to answer.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { TestClient, copySeeds, fileUri, listSeeds, removeDir, waitFor, withSeedServer } from './client';

test('initialize announces standard capabilities, full semantic tokens and push diagnostics only', async () => {
  const dir = copySeeds();
  const client = await TestClient.start({ folder: dir });
  try {
    const caps = client.initializeResult.capabilities;
    assert.equal(caps.hoverProvider, true);
    assert.equal(caps.definitionProvider, true);
    assert.equal(caps.referencesProvider, true);
    assert.equal(caps.documentSymbolProvider, true);
    assert.equal(caps.workspaceSymbolProvider, true);
    assert.ok(caps.semanticTokensProvider && 'legend' in caps.semanticTokensProvider);
    const legend = caps.semanticTokensProvider.legend;
    for (const t of ['person', 'place', 'organization', 'money', 'percent', 'count', 'date', 'duration']) assert.ok(legend.tokenTypes.includes(t), `legend lacks ${t}`);
    assert.equal(caps.diagnosticProvider, undefined, 'no pull diagnostics');
    assert.equal(client.initializeResult.serverInfo?.name, 'triangulate');
  } finally {
    await client.stop();
    removeDir(dir);
  }
});

test('the server indexes every article of the folder in the background with work-done progress', async () => {
  const dir = copySeeds();
  const client = await TestClient.start({ folder: dir });
  try {
    const status = await client.indexed(listSeeds().length);
    assert.equal(status.documents, listSeeds().length);
    assert.equal(status.skipped, 0);
    const kinds = client.progress.map(p => p.kind);
    assert.equal(kinds[0], 'begin');
    assert.match(client.progress[0]!.title ?? '', /index/i);
    await waitFor('progress end', () => client.progress.some(p => p.kind === 'end'));
    assert.ok(kinds.includes('report') || kinds.length >= 2);
    const last = client.progress.filter(p => p.kind === 'report').pop();
    assert.equal(last?.message, `${listSeeds().length}/${listSeeds().length}`);
  } finally {
    await client.stop();
    removeDir(dir);
  }
});

test('file watchers are registered dynamically for articles and for deletions', async () => {
  const dir = copySeeds();
  const client = await TestClient.start({ folder: dir, settings: { markdown: true } });
  try {
    await client.indexed();
    const reg = await waitFor('watcher registration', () => client.registrations.find(r => r.method === 'workspace/didChangeWatchedFiles'));
    const globs = (reg.registerOptions as { watchers: { globPattern: string; kind?: number }[] }).watchers;
    assert.ok(globs.some(w => w.globPattern === '**/*.txt'));
    assert.ok(globs.some(w => w.globPattern === '**/*.md'), 'Markdown opted in: *.md watched');
    assert.ok(globs.some(w => w.kind === 4), 'deletions of folders watched');
  } finally {
    await client.stop();
    removeDir(dir);
  }
});

test('requests past the end of a document, and on unknown documents answer empty', async () => {
  const dir = copySeeds();
  const client = await TestClient.start({ folder: dir });
  try {
    await client.indexed(listSeeds().length);
    const uri = client.open(path.join(dir, listSeeds()[0]!));
    for (const position of [{ line: 100000, character: 0 }, { line: 0, character: 100000 }, { line: -1, character: -5 }]) {
      assert.equal(await client.hover(uri, position), null);
      assert.equal(await client.request('textDocument/definition', { textDocument: { uri }, position }), null);
      assert.deepEqual(await client.request('textDocument/references', { textDocument: { uri }, position, context: { includeDeclaration: true } }), []);
    }
    const unknown = fileUri(path.join(dir, 'no-such-file.txt'));
    assert.equal(await client.hover(unknown, { line: 0, character: 0 }), null);
    assert.deepEqual(await client.request('textDocument/documentSymbol', { textDocument: { uri: unknown } }), []);
    assert.deepEqual(await client.request('textDocument/semanticTokens/full', { textDocument: { uri: unknown } }), { data: [] });
    assert.ok(await client.alive());
  } finally {
    await client.stop();
    removeDir(dir);
  }
});

test('custom status notifications are sent only to clients that ask for them', async () => {
  const dir = copySeeds();
  const client = await TestClient.start({ folder: dir, customMessages: false });
  try {
    await waitFor('progress end', () => client.progress.some(p => p.kind === 'end'));
    assert.ok(await client.alive());
    assert.equal(client.statuses.length, 0);
  } finally {
    await client.stop();
    removeDir(dir);
  }
});

test('a client without progress or dynamic watcher support still gets the corpus indexed', async () => {
  const dir = copySeeds();
  const client = await TestClient.start({ folder: dir, progress: false, watchers: false });
  try {
    const status = await client.indexed(listSeeds().length);
    assert.equal(status.documents, listSeeds().length);
    assert.equal(client.progress.length, 0);
    assert.equal(client.registrations.filter(r => r.method === 'workspace/didChangeWatchedFiles').length, 0);
    assert.match(client.logText(), /cannot register file watchers/);
  } finally {
    await client.stop();
    removeDir(dir);
  }
});

test('the claims request answers with a list, also while the corpus is empty', async () => {
  const dir = copySeeds();
  const client = await TestClient.start({ folder: dir });
  try {
    const before = await client.request<{ claims: unknown[] }>('triangulate/claims', {});
    assert.ok(Array.isArray(before.claims));
    await client.indexed(listSeeds().length);
    const after = await client.request<{ claims: { status: string }[] }>('triangulate/claims', { conflictsOnly: true });
    assert.ok(after.claims.every(c => c.status === 'conflict'));
  } finally {
    await client.stop();
    removeDir(dir);
  }
});

test('files created, renamed and deleted on disk are followed through workspace/didChangeWatchedFiles', async () => {
  const dir = copySeeds();
  const client = await TestClient.start({ folder: dir });
  try {
    const n = listSeeds().length;
    await client.indexed(n);
    const fresh = path.join(dir, 'fresh.txt');
    writeFileSync(fresh, 'Exports rose 12 per cent in 2024, the ministry said.\n');
    client.fileChanged([{ uri: fileUri(fresh), type: 1 }]);
    await waitFor('the new file to be indexed', () => client.status?.documents === n + 1);
    await waitFor('diagnostics published for the new file', () => client.diagnostics.has(fileUri(fresh)));
    const moved = path.join(dir, 'sub', 'moved.txt');
    mkdirSync(path.dirname(moved));
    renameSync(fresh, moved);
    client.fileChanged([{ uri: fileUri(fresh), type: 3 }, { uri: fileUri(moved), type: 1 }]);
    await waitFor('the renamed file to be indexed', () => client.diagnostics.has(fileUri(moved)));
    assert.equal(client.status?.documents, n + 1);
    assert.deepEqual(client.diagnostics.get(fileUri(fresh)), [], 'the old name has its diagnostics cleared');
    rmSync(path.dirname(moved), { recursive: true });
    client.fileChanged([{ uri: fileUri(path.dirname(moved)), type: 3 }]);
    await waitFor('the deleted folder to leave the corpus', () => client.status?.documents === n);
    assert.ok(await client.alive());
  } finally {
    await client.stop();
    removeDir(dir);
  }
});

test('a settings change re-publishes diagnostics at the new severity; Markdown and exclude changes re-watch and re-index', async () => {
  const dir = copySeeds();
  writeFileSync(path.join(dir, 'blob.txt'), Buffer.from([0, 1, 2, 3, 0, 0]));
  const settings: Record<string, unknown> = {};
  const client = await TestClient.start({ folder: dir, settings });
  try {
    await client.indexed(listSeeds().length);
    const uri = client.open(path.join(dir, 'blob.txt'), 'plaintext', '\u0000\u0001\u0002\u0003\u0000\u0000');
    await waitFor('a warning on the binary file', () => client.diagnostics.get(uri)?.[0]?.severity === 2);
    settings.severity = { unreadableFile: 'error' };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await waitFor('the diagnostic as an error', () => client.diagnostics.get(uri)?.[0]?.severity === 1);
    settings.severity = { unreadableFile: 'off' };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await waitFor('the diagnostic turned off', () => client.diagnostics.get(uri)?.length === 0);
    settings.markdown = true;
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await waitFor('*.md watched once Markdown is opted in', () => client.registrations.some(r => r.method === 'workspace/didChangeWatchedFiles' && JSON.stringify(r.registerOptions).includes('**/*.md')));
    settings.exclude = ['00[0-2]_*.txt'];
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await waitFor('three seeds excluded', () => client.status && !client.status.indexing && client.status.documents === listSeeds().length - 3);
  } finally {
    await client.stop();
    removeDir(dir);
  }
});

test('while the folder is indexed, the open document is published on its own and a hover on it answers', async () => {
  const dir = copySeeds();
  let release: () => void = () => {};
  const held = new Promise<void>(resolve => { release = resolve; });
  // indexing waits for the progress token, so the document is opened while it runs
  const client = await TestClient.start({ folder: dir, onProgressCreate: () => held });
  try {
    const file = path.join(dir, '000_194b222c75d92c06.txt');
    const uri = client.open(file);
    await waitFor('the open document to be published while indexing', () => client.diagnostics.has(uri));
    const lines = readFileSync(file, 'utf8').split(/\r\n|\r|\n/);
    const at = { line: 8, character: lines[8]!.indexOf('US$86.8 billion') + 3 };
    const early = await client.hover(uri, at);
    assert.ok(early && early.contents.value.includes('86.8'), 'the hover answers from the document alone');
    release();
    await client.indexed(listSeeds().length);
    await waitFor('the hover to list the other sources once indexed', async () => (await client.hover(uri, at))?.contents.value.includes('001_f66de1d8ea6897c6.txt'));
  } finally {
    release();
    await client.stop();
    removeDir(dir);
  }
});

test('an edit publishes the edited document again, and updates the other sources it changed', () => withSeedServer(async (client, dir) => {
  const file = path.join(dir, '000_194b222c75d92c06.txt');
  const other = fileUri(path.join(dir, '001_f66de1d8ea6897c6.txt'));
  const uri = client.open(file);
  const lines = readFileSync(file, 'utf8').split(/\r\n|\r|\n/);
  const character = lines[8]!.indexOf('US$86.8 billion');
  const trade = (u: string) => (client.diagnostics.get(u) ?? []).filter(d => d.code === 'conflicting-figure' && /86\.[78]/.test(String(d.message)));
  await waitFor('the trade conflict on both sources', () => trade(uri).length > 0 && trade(other).length > 0);
  const before = client.diagnosticCounts.get(uri) ?? 0;
  client.edit(uri, { start: { line: 8, character }, end: { line: 8, character: character + 'US$86.8 billion'.length } }, 'US$86.7 billion');
  await waitFor('the edited document to be published again', () => (client.diagnosticCounts.get(uri) ?? 0) > before);
  // 001 no longer names 000's old value among the sources that disagree with it
  await waitFor("the other source's diagnostics to drop 000's old value", () => !trade(other).some(d => String(d.message).includes('US$86.8 billion in 000_194b222c75d92c06.txt')));
}));
