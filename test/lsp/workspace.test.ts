// The article workspace without a connection: which files are articles, editor
// text over disk text, debounced re-analysis of one document without touching
// the others, and following files created, changed, renamed and deleted.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Corpus } from '../../server/src/core/corpus';
import { ArticleWorkspace, FileChange } from '../../server/src/workspace/articles';
import { compileGlob } from '../../server/src/workspace/glob';
import { readSettings } from '../../server/src/workspace/settings';
import { canonicalUri, fileName, fileUri } from '../../server/src/workspace/uri';
import { removeDir, tempDir, waitFor } from './client';

/** A corpus that counts how often each document is (re-)analysed. */
class CountingCorpus extends Corpus {
  readonly sets = new Map<string, number>();
  override set(doc: string, text: string) {
    this.sets.set(doc, (this.sets.get(doc) ?? 0) + 1);
    return super.set(doc, text);
  }
}

function setup(files: Record<string, string>) {
  const dir = tempDir();
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  const logs: string[] = [];
  const changed: string[] = [];
  const corpus = new CountingCorpus();
  const ws = new ArticleWorkspace({ log: (_l, m) => logs.push(m), changed: d => changed.push(...d), indexed: () => {} }, corpus);
  ws.setFolders([dir]);
  const uri = (name: string) => fileUri(path.join(dir, name));
  const names = () => corpus.docs().map(d => path.relative(dir, new URL(d).pathname)).sort();
  return { dir, ws, corpus, logs, changed, uri, names };
}

test('articles are the .txt files of the folder, less node_modules and .git; include, exclude and Markdown settings change that', async () => {
  const t = setup({ 'a.txt': 'A.', 'sub/b.txt': 'B.', 'node_modules/c.txt': 'C.', '.git/d.txt': 'D.', 'notes.md': 'N.', 'other.log': 'L.', 'drafts/e.txt': 'E.' });
  try {
    await t.ws.index();
    assert.deepEqual(t.names(), ['a.txt', 'drafts/e.txt', 'sub/b.txt']);
    assert.equal(t.ws.setSettings(readSettings({ markdown: true, exclude: ['**/node_modules/**', '**/.git/**', 'drafts/**'] })), true);
    await t.ws.index();
    assert.deepEqual(t.names(), ['a.txt', 'notes.md', 'sub/b.txt']);
    assert.equal(t.ws.setSettings(readSettings({ include: ['sub/*.txt'], exclude: [] })), true);
    await t.ws.index();
    assert.deepEqual(t.names(), ['sub/b.txt']);
    assert.equal(t.ws.setSettings(readSettings({ include: ['sub/*.txt'], exclude: [], severity: { conflictingFigure: 'error' } })), false, 'a severity change needs no re-index');
  } finally {
    removeDir(t.dir);
  }
});

test('an edit re-analyses only its document, once, after the debounce; a request flushes it at once', async () => {
  const t = setup({ 'a.txt': 'Disk A.', 'b.txt': 'Disk B.', 'c.txt': 'Disk C.' });
  try {
    t.ws.setSettings(readSettings({ debounce: 60 }));
    await t.ws.index();
    const a = t.uri('a.txt');
    t.ws.didOpen(a, 'plaintext', 1, 'Disk A.');
    assert.equal(t.corpus.sets.get(a), 1, 'same text as on disk: not analysed again');
    t.ws.didChange(a, 2, 'Edit 1.');
    t.ws.didChange(a, 3, 'Edit 12.');
    t.ws.didChange(a, 4, 'Edit 123.');
    assert.equal(t.corpus.text(a), 'Disk A.', 'not analysed before the debounce');
    assert.ok(t.ws.pending(a));
    await waitFor('the debounced analysis', () => t.corpus.text(a) === 'Edit 123.');
    assert.equal(t.corpus.sets.get(a), 2, 'three quick edits, one analysis');
    assert.equal(t.corpus.sets.get(t.uri('b.txt')), 1, 'other documents are not re-read or re-analysed');
    assert.equal(t.corpus.sets.get(t.uri('c.txt')), 1);
    t.ws.didChange(a, 5, 'Edit 1234.');
    t.ws.flush(a);
    assert.equal(t.corpus.text(a), 'Edit 1234.');
    assert.equal(t.ws.pending(a), false);
    // Closing without saving: the disk is the source again.
    await t.ws.didClose(a);
    assert.equal(t.corpus.text(a), 'Disk A.');
  } finally {
    removeDir(t.dir);
  }
});

test('open documents outside the folder join the corpus while open; excluded files and Markdown (unless opted in) do not', async () => {
  const t = setup({ 'a.txt': 'A.', 'skip/x.txt': 'X.' });
  try {
    t.ws.setSettings(readSettings({ exclude: ['skip/**'] }));
    await t.ws.index();
    const outside = 'file:///elsewhere/loose.txt';
    t.ws.didOpen(outside, 'plaintext', 1, 'Loose.');
    assert.equal(t.corpus.text(outside), 'Loose.');
    await t.ws.didClose(outside);
    assert.equal(t.corpus.has(outside), false);
    t.ws.didOpen(t.uri('skip/x.txt'), 'article', 1, 'X.');
    assert.equal(t.corpus.has(t.uri('skip/x.txt')), false, 'inside the folder, the exclude setting decides, whatever the language');
    t.ws.didOpen('file:///elsewhere/readme.md', 'markdown', 1, '# R');
    assert.equal(t.corpus.has('file:///elsewhere/readme.md'), false);
    t.ws.didOpen('file:///elsewhere/chosen', 'article', 1, 'Chosen as an article.');
    assert.equal(t.corpus.has('file:///elsewhere/chosen'), true, 'outside the folders, the article language counts');
  } finally {
    removeDir(t.dir);
  }
});

test('files created, changed, renamed and deleted on disk are followed; a deleted folder takes its articles along', async () => {
  const t = setup({ 'a.txt': 'A.', 'sub/b.txt': 'B.', 'sub/deep/c.txt': 'C.' });
  try {
    await t.ws.index();
    writeFileSync(path.join(t.dir, 'new.txt'), 'New.');
    await t.ws.filesChanged([{ uri: t.uri('new.txt'), type: FileChange.Created }]);
    assert.equal(t.corpus.text(t.uri('new.txt')), 'New.');
    writeFileSync(path.join(t.dir, 'new.txt'), 'Newer.');
    await t.ws.filesChanged([{ uri: t.uri('new.txt'), type: FileChange.Changed }]);
    assert.equal(t.corpus.text(t.uri('new.txt')), 'Newer.');
    renameSync(path.join(t.dir, 'new.txt'), path.join(t.dir, 'renamed.txt'));
    await t.ws.filesChanged([{ uri: t.uri('new.txt'), type: FileChange.Deleted }, { uri: t.uri('renamed.txt'), type: FileChange.Created }]);
    assert.deepEqual(t.names(), ['a.txt', 'renamed.txt', 'sub/b.txt', 'sub/deep/c.txt']);
    rmSync(path.join(t.dir, 'sub'), { recursive: true });
    await t.ws.filesChanged([{ uri: t.uri('sub'), type: FileChange.Deleted }]);
    assert.deepEqual(t.names(), ['a.txt', 'renamed.txt']);
    assert.ok(t.changed.includes(t.uri('sub/deep/c.txt')), 'removed documents are reported for their diagnostics to be cleared');
    mkdirSync(path.join(t.dir, 'moved/in'), { recursive: true });
    writeFileSync(path.join(t.dir, 'moved/in/d.txt'), 'D.');
    await t.ws.filesChanged([{ uri: t.uri('moved'), type: FileChange.Created }]);
    assert.equal(t.corpus.text(t.uri('moved/in/d.txt')), 'D.', 'a folder moved in brings its articles');
    // A change on disk to an open document: the editor's text wins.
    t.ws.didOpen(t.uri('a.txt'), 'plaintext', 1, 'Editor A.');
    writeFileSync(path.join(t.dir, 'a.txt'), 'Disk A2.');
    await t.ws.filesChanged([{ uri: t.uri('a.txt'), type: FileChange.Changed }]);
    assert.equal(t.corpus.text(t.uri('a.txt')), 'Editor A.');
  } finally {
    removeDir(t.dir);
  }
});

test('globs: ** spans folders, a pattern without a slash matches names at any depth, braces and classes work', () => {
  const m = (g: string, p: string) => compileGlob(g)(p);
  assert.ok(m('**/*.txt', 'a.txt'));
  assert.ok(m('**/*.txt', 'x/y/a.txt'));
  assert.ok(!m('**/*.txt', 'a.txt.bak'));
  assert.ok(m('*.txt', 'deep/down/a.txt'));
  assert.ok(m('sub/*.txt', 'sub/a.txt'));
  assert.ok(!m('sub/*.txt', 'sub/x/a.txt'));
  assert.ok(m('**/node_modules/**', 'node_modules/x.txt'));
  assert.ok(m('**/node_modules/**', 'a/node_modules/b/x.txt'));
  assert.ok(m('**/*.{txt,md}', 'a/b.md'));
  assert.ok(m('200[0-9]/*.txt', '2005/a.txt'));
  assert.ok(!m('200[0-9]/*.txt', '2010/a.txt'));
  assert.ok(m('a?.txt', 'ab.txt'));
  assert.ok(!m('', 'a.txt'));
  assert.ok(m('a+b (1).txt', 'a+b (1).txt'), 'regex characters are literal');
});

test('URIs: one canonical spelling for a file, whatever the client sent', () => {
  assert.equal(fileUri('/tmp/a b/Tô Lâm (1).txt'), 'file:///tmp/a%20b/T%C3%B4%20L%C3%A2m%20%281%29.txt');
  assert.equal(canonicalUri('file:///tmp/a%20b/T%C3%B4%20L%C3%A2m%20(1).txt'), 'file:///tmp/a%20b/T%C3%B4%20L%C3%A2m%20%281%29.txt');
  assert.equal(canonicalUri('untitled:Untitled-1'), 'untitled:Untitled-1');
  assert.equal(fileName('file:///tmp/a%20b/T%C3%B4.txt'), 'Tô.txt');
});

test('a settings change in the middle of indexing wins: files read by the superseded run are not added back', async () => {
  const files: Record<string, string> = {};
  for (let i = 0; i < 80; i++) files[`${i % 2 ? 'keep' : 'drop'}-${String(i).padStart(2, '0')}.txt`] = `Report ${i}.`;
  for (let round = 0; round < 5; round++) {
    const t = setup(files);
    try {
      const first = t.ws.index();
      await waitFor('the first run to be under way', () => t.corpus.docs().length >= 10 + round * 5, 10000);
      t.ws.setSettings(readSettings({ exclude: ['drop-*.txt'] }));
      const second = t.ws.index();
      await Promise.all([first, second]);
      const names = t.names();
      assert.equal(names.filter(n => n.startsWith('drop-')).length, 0, `round ${round}: excluded files came back: ${names.filter(n => n.startsWith('drop-')).join(', ')}`);
      assert.equal(names.length, 40);
    } finally {
      removeDir(t.dir);
    }
  }
});
