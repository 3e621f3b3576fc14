// The server survives bad input: binary files, huge files, invalid UTF-8, files
// deleted while being indexed, requests past the end. Each is logged and
// skipped; an open unreadable file gets a diagnostic; the server keeps answering.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openSync, closeSync, writeSync, ftruncateSync, writeFileSync, unlinkSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { TestClient, copySeeds, listSeeds, removeDir, waitFor } from './client';

const UNREADABLE = 'unreadable-file';
const messageOf = (d: { message: string | { value: string } }) => typeof d.message === 'string' ? d.message : d.message.value;

test('a binary .txt file is logged and skipped; opened, it gets a diagnostic; the rest is indexed', async () => {
  const dir = copySeeds();
  writeFileSync(path.join(dir, 'photo.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]));
  const client = await TestClient.start({ folder: dir });
  try {
    const status = await client.indexed(listSeeds().length);
    assert.equal(status.documents, listSeeds().length);
    assert.equal(status.skipped, 1);
    assert.match(client.logText(), /Skipped .*photo\.txt: binary file/);
    // VS Code would open it with replacement characters; the server still refuses it.
    const uri = client.open(path.join(dir, 'photo.txt'), 'plaintext', '\ufffdPNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR');
    const diags = await waitFor('a diagnostic on the binary file', () => client.diagnostics.get(uri)?.length ? client.diagnostics.get(uri) : undefined);
    assert.equal(diags[0]!.code, UNREADABLE);
    assert.match(messageOf(diags[0]!), /binary/);
    assert.equal(await client.hover(uri, { line: 0, character: 1 }), null);
    assert.ok(await client.alive());
    client.close(uri);
    await waitFor('the diagnostic to be cleared on close', () => client.diagnostics.get(uri)?.length === 0);
  } finally {
    await client.stop();
    removeDir(dir);
  }
});

test('a 50 MB file is skipped without being read whole, and the server stays responsive', async () => {
  const dir = copySeeds();
  const big = path.join(dir, 'huge.txt');
  const fd = openSync(big, 'w');
  writeSync(fd, 'The budget rose to $5 billion. ');
  ftruncateSync(fd, 50 * 1024 * 1024);
  closeSync(fd);
  const client = await TestClient.start({ folder: dir });
  try {
    const status = await client.indexed(listSeeds().length);
    assert.equal(status.skipped, 1);
    assert.match(client.logText(), /Skipped .*huge\.txt: file is too large to analyse \(50\.0 MB; limit 20 MB\)/);
    const uri = client.open(big, 'plaintext', 'The budget rose to $5 billion.');
    const diags = await waitFor('a diagnostic on the huge file', () => client.diagnostics.get(uri)?.length ? client.diagnostics.get(uri) : undefined);
    assert.equal(diags[0]!.code, UNREADABLE);
    assert.match(messageOf(diags[0]!), /too large/);
    assert.ok(await client.alive());
  } finally {
    await client.stop();
    removeDir(dir);
  }
});

test('a file of invalid UTF-8 is logged and skipped; editing it in the editor makes it an article again', async () => {
  const dir = copySeeds();
  const bad = path.join(dir, 'latin1.txt');
  writeFileSync(bad, Buffer.from('Caf\xe9 prices rose 5 per cent in Hanoi.', 'latin1'));
  const client = await TestClient.start({ folder: dir });
  try {
    const status = await client.indexed(listSeeds().length);
    assert.equal(status.skipped, 1);
    assert.match(client.logText(), /Skipped .*latin1\.txt: not valid UTF-8 text/);
    const uri = client.open(bad, 'plaintext', 'Caf\ufffd prices rose 5 per cent in Hanoi.');
    const diags = await waitFor('a diagnostic on the invalid file', () => client.diagnostics.get(uri)?.length ? client.diagnostics.get(uri) : undefined);
    assert.equal(diags[0]!.code, UNREADABLE);
    assert.match(messageOf(diags[0]!), /UTF-8/);
    const documentsBefore = client.status!.documents;
    client.change(uri, 'Café prices rose 5 per cent in Hanoi.');
    await waitFor('the refusal to be lifted after an edit', () => client.diagnostics.get(uri)?.every(d => d.code !== UNREADABLE));
    await waitFor('the edited document to join the corpus', () => client.status!.documents === documentsBefore + 1);
    assert.ok(await client.alive());
  } finally {
    await client.stop();
    removeDir(dir);
  }
});

test('files deleted while they are being indexed are skipped, not fatal', async () => {
  const dir = copySeeds();
  for (let i = 0; i < 40; i++) writeFileSync(path.join(dir, `extra-${String(i).padStart(2, '0')}.txt`), `Report ${i}: exports rose ${i} per cent in 2024.\n`);
  const total = readdirSync(dir).length;
  let deleted = 0;
  const client = await TestClient.start({
    folder: dir,
    // The server has listed the files and asks for a progress bar before reading them: delete half now.
    onProgressCreate: () => {
      for (const f of readdirSync(dir).filter(f => f.startsWith('extra-')).slice(0, 20)) { unlinkSync(path.join(dir, f)); deleted++; }
    },
  });
  try {
    const status = await client.indexed();
    assert.equal(deleted, 20);
    assert.equal(status.documents, total - deleted);
    assert.equal(status.skipped, 0);
    assert.match(client.logText(), /extra-00\.txt was deleted while indexing; skipped/);
    assert.ok(await client.alive());
  } finally {
    await client.stop();
    removeDir(dir);
  }
});

test('malformed requests and edits of unknown documents are answered or ignored, never fatal', async () => {
  const dir = copySeeds();
  const client = await TestClient.start({ folder: dir });
  try {
    await client.indexed(listSeeds().length);
    client.change('file:///nowhere/never-opened.txt', 'text');
    client.close('file:///nowhere/never-opened.txt');
    client.fileChanged([{ uri: 'not a uri', type: 1 }, { uri: 'file:///nowhere/gone.txt', type: 3 }]);
    assert.equal(await client.request('textDocument/hover', { textDocument: {}, position: null }), null);
    await waitFor('the failure to be logged', () => /Hover failed/.test(client.logText()));
    assert.equal(await client.hover('untitled:Untitled-1', { line: 0, character: 0 }), null);
    assert.ok(await client.alive());
    assert.equal(client.exited, undefined);
  } finally {
    await client.stop();
    removeDir(dir);
  }
});
