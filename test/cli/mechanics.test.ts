// The CLI's own mechanics, independent of what the engine finds: arguments, exit
// codes, file walking, unreadable files, output shapes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { fixture, runCli, runJson } from './helpers';

const calm = 'The harbour authority opened a new ferry terminal on the east bank.\n';

test('--help prints usage for the program and for check, exit 0', () => {
  const r = runCli(['--help']);
  assert.equal(r.code, 0);
  assert.match(r.stdout, /Usage: triangulate <command>/);
  assert.match(r.stdout, /check \[paths\.\.\.\] \[--format text\|json\|sarif\]/);
  const c = runCli(['check', '--help']);
  assert.equal(c.code, 0);
  assert.match(c.stdout, /^Usage: triangulate check/);
  assert.match(c.stdout, /--quiet/);
  assert.equal(c.stderr, '');
});

test('usage errors exit 2 with a one-line reason on stderr and nothing on stdout', () => {
  const fx = fixture({ 'a.txt': calm });
  try {
    const cases: [string[], RegExp][] = [
      [[], /no command given/],
      [['frobnicate'], /unknown command: frobnicate/],
      [['check', '--colour'], /unknown option: --colour/],
      [['check', '-x'], /unknown option: -x/],
      [['check', '--format', 'xml'], /invalid value for --format: 'xml'/],
      [['check', '--format'], /--format needs a value/],
      [['check', '--quiet', '--format', 'json'], /--quiet applies to the text format only/],
    ];
    for (const [args, reason] of cases) {
      const r = runCli(args, fx.dir);
      assert.equal(r.code, 2, `${args.join(' ')}: exit code`);
      assert.equal(r.stdout, '', `${args.join(' ')}: stdout`);
      assert.match(r.stderr, reason, args.join(' '));
      assert.equal(r.stderr.trimEnd().split('\n').length, 1, `${args.join(' ')}: one line, got ${JSON.stringify(r.stderr)}`);
    }
  } finally { fx.dispose(); }
});

test('a path that does not exist: exit 2, one line naming it, no output', () => {
  const fx = fixture({ 'a.txt': calm });
  try {
    const r = runCli(['check', 'a.txt', 'missing-folder'], fx.dir);
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    assert.equal(r.stderr, 'triangulate: path not found: missing-folder\n');
  } finally { fx.dispose(); }
});

test('a folder without .txt files is a usage error, not a silent pass', () => {
  const fx = fixture({ 'notes.md': calm, 'sub/data.csv': 'a,b\n' });
  try {
    const r = runCli(['check'], fx.dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /no \.txt files found in \./);
  } finally { fx.dispose(); }
});

test('folders are walked recursively for .txt, skipping node_modules, dot-folders and other files', () => {
  const fx = fixture({
    'b.txt': calm,
    'a.txt': calm,
    'desk/2026/c.TXT': calm,
    'desk/notes.md': calm,
    'node_modules/pkg/readme.txt': calm,
    '.git/description.txt': calm,
    'desk/.drafts/d.txt': calm,
  });
  try {
    // Default path is the current folder.
    const here = runJson(['check'], fx.dir);
    assert.equal(here.code, 0, here.stderr);
    assert.deepEqual(here.json.files, ['a.txt', 'b.txt', path.join('desk', '2026', 'c.TXT')]);

    // Files are shown as path.join(givenPath, relative), from wherever the command runs.
    const sub = path.join(fx.dir, 'desk');
    const fromSub = runJson(['check', '..', '.'], sub);
    assert.deepEqual(fromSub.json.files, ['../a.txt', '../b.txt', '../desk/2026/c.TXT'], 'a file reached twice is listed once');

    // A file named explicitly is taken whatever its extension; a dot-folder named explicitly is walked.
    const named = runJson(['check', 'desk/notes.md', './desk/.drafts'], fx.dir);
    assert.deepEqual(named.json.files, ['desk/notes.md', 'desk/.drafts/d.txt']);
  } finally { fx.dispose(); }
});

test('text output of a clean corpus: the summary line, exit 0; --quiet prints the same summary', () => {
  const fx = fixture({ 'a.txt': calm, 'b.txt': calm });
  try {
    const r = runCli(['check', '.'], fx.dir);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^2 files, \d+ figures?, \d+ entit(y|ies), \d+ claims?, 0 conflicts\n$/);
    const q = runCli(['check', '--quiet'], fx.dir);
    assert.equal(q.code, 0);
    assert.equal(q.stdout, r.stdout.split('\n').filter(Boolean).pop() + '\n');
  } finally { fx.dispose(); }
});

const binary = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]);
// "Caf" + a lone 0xE9 (Latin-1 é): not UTF-8.
const latin1 = new Uint8Array([...Buffer.from('The caf'), 0xe9, ...Buffer.from(' reopened on Tuesday.\n')]);

test('binary and non-UTF-8 files are reported, one stderr line each, and skipped; the run goes on', () => {
  const fx = fixture({ 'a.txt': calm, 'image.txt': binary, 'latin1.txt': latin1, 'z.txt': calm });
  try {
    const text = runCli(['check'], fx.dir);
    assert.equal(text.code, 0, 'unreadable files alone do not fail the run');
    assert.deepEqual(text.stderr.trimEnd().split('\n'), [
      'triangulate: skipped image.txt: binary file (contains NUL bytes)',
      'triangulate: skipped latin1.txt: not valid UTF-8 text',
    ]);
    const lines = text.stdout.trimEnd().split('\n');
    assert.deepEqual(lines.slice(0, 2), [
      'image.txt:1:1: warning unreadable-file: binary file (contains NUL bytes); file skipped',
      'latin1.txt:1:1: warning unreadable-file: not valid UTF-8 text; file skipped',
    ]);
    assert.match(lines[lines.length - 1]!, /^4 files \(2 unreadable\), /);

    const json = runJson(['check'], fx.dir);
    assert.deepEqual(json.json.files, ['a.txt', 'image.txt', 'latin1.txt', 'z.txt']);
    const unreadable = json.json.diagnostics.filter(d => d.code === 'unreadable-file');
    assert.deepEqual(unreadable.map(d => [d.file, d.line, d.column, d.severity]), [['image.txt', 1, 1, 'warning'], ['latin1.txt', 1, 1, 'warning']]);
  } finally { fx.dispose(); }
});

test('JSON output is one object with exactly the documented top-level keys', () => {
  const fx = fixture({ 'a.txt': calm, 'bad.txt': binary });
  try {
    const r = runJson(['check', '.'], fx.dir);
    assert.deepEqual(Object.keys(r.json), ['files', 'figures', 'entities', 'claims', 'diagnostics']);
    for (const key of ['figures', 'entities', 'claims', 'diagnostics'] as const) assert.ok(Array.isArray(r.json[key]), key);
    const d = r.json.diagnostics.find(x => x.code === 'unreadable-file')!;
    assert.deepEqual(Object.keys(d).sort(), ['code', 'column', 'endColumn', 'endLine', 'file', 'line', 'message', 'related', 'severity']);
    assert.deepEqual(d.related, []);
  } finally { fx.dispose(); }
});

test('SARIF output: 2.1.0, driver with rules, results with 1-based regions on the right artifact', () => {
  const fx = fixture({ 'desk/a.txt': calm, 'desk/bad file.txt': binary });
  try {
    const r = runCli(['check', 'desk', '--format', 'sarif'], fx.dir);
    assert.equal(r.code, 0, r.stderr);
    const sarif = JSON.parse(r.stdout);
    assert.equal(sarif.version, '2.1.0');
    assert.match(sarif.$schema, /sarif-2\.1\.0/);
    assert.equal(sarif.runs.length, 1);
    const run = sarif.runs[0];
    assert.equal(run.tool.driver.name, 'triangulate');
    assert.match(run.tool.driver.version, /^\d+\.\d+\.\d+/);
    const ruleIds = run.tool.driver.rules.map((x: { id: string }) => x.id);
    for (const id of ['conflicting-figure', 'unreadable-file']) assert.ok(ruleIds.includes(id), id);
    for (const rule of run.tool.driver.rules) assert.ok(rule.shortDescription.text, `${rule.id} has a description`);
    assert.equal(run.columnKind, 'utf16CodeUnits');
    assert.deepEqual(run.artifacts.map((a: { location: { uri: string } }) => a.location.uri), ['desk/a.txt', 'desk/bad%20file.txt']);

    const result = run.results.find((x: { ruleId: string }) => x.ruleId === 'unreadable-file');
    assert.ok(result, 'the binary file is a result');
    assert.equal(run.tool.driver.rules[result.ruleIndex].id, 'unreadable-file');
    assert.equal(result.level, 'warning');
    assert.match(result.message.text, /binary file/);
    const loc = result.locations[0].physicalLocation;
    assert.equal(loc.artifactLocation.uri, 'desk/bad%20file.txt');
    assert.equal(loc.artifactLocation.uriBaseId, '%SRCROOT%');
    assert.equal(loc.artifactLocation.index, 1);
    assert.deepEqual(loc.region, { startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 });
    assert.ok(run.originalUriBaseIds['%SRCROOT%'].uri.startsWith('file://'));
    assert.ok(run.originalUriBaseIds['%SRCROOT%'].uri.endsWith('/'));
  } finally { fx.dispose(); }
});

test('--version prints the package version', () => {
  const r = runCli(['--version']);
  assert.equal(r.code, 0);
  assert.match(r.stdout, /^\d+\.\d+\.\d+\n$/);
});

test('a folder that links reach by many paths is walked once, and its articles are listed once', async () => {
  // d0 holds links x and y to d1, d1 to d2, ...: 2^12 paths to the last folder (walked once per path, that took
  // seconds, and each level more doubled it)
  const { findArticles } = await import('../../server/src/cli/files');
  const { promises: fsp } = await import('node:fs');
  const fx = fixture({ 'top.txt': calm });
  try {
    const depth = 12;
    for (let i = 0; i <= depth; i++) { mkdirSync(path.join(fx.dir, `d${i}`)); writeFileSync(path.join(fx.dir, `d${i}`, `a${i}.txt`), calm); }
    for (let i = 0; i < depth; i++) for (const l of ['x', 'y']) symlinkSync(path.join(fx.dir, `d${i + 1}`), path.join(fx.dir, `d${i}`, l));
    let reads = 0;
    const readdir = fsp.readdir;
    (fsp as { readdir: unknown }).readdir = (...args: Parameters<typeof readdir>) => { reads++; return readdir(...args); };
    let found;
    try { found = await findArticles([fx.dir], fx.dir, () => {}); } finally { (fsp as { readdir: unknown }).readdir = readdir; }
    assert.equal(found.length, depth + 2, found.map(f => f.file).join(', '));
    assert.ok(reads <= 2 * (depth + 2), `${reads} folder reads`);
  } finally {
    fx.dispose();
  }
});

test('files and folders that are no links are found without a realpath each (its cost grows with the depth)', async () => {
  const { findArticles } = await import('../../server/src/cli/files');
  const { promises: fsp } = await import('node:fs');
  const fx = fixture({ 'top.txt': calm });
  try {
    let dir = fx.dir;
    for (let i = 0; i < 20; i++) { dir = path.join(dir, `d${i}`); mkdirSync(dir); writeFileSync(path.join(dir, `a${i}.txt`), calm); }
    symlinkSync(path.join(fx.dir, 'top.txt'), path.join(fx.dir, 'again.txt'));
    let calls = 0;
    const realpath = fsp.realpath;
    (fsp as { realpath: unknown }).realpath = (...args: Parameters<typeof realpath>) => { calls++; return realpath(...args); };
    let found;
    try { found = await findArticles([fx.dir], fx.dir, () => {}); } finally { (fsp as { realpath: unknown }).realpath = realpath; }
    // the link to top.txt is the same file: listed once, under the path reached first (again.txt, by name)
    assert.deepEqual(found.map(f => path.basename(f.file)).sort(), ['again.txt', ...Array.from({ length: 20 }, (_, i) => `a${i}.txt`)].sort());
    assert.ok(calls <= 2, `${calls} realpath calls`);
  } finally {
    fx.dispose();
  }
});

test('a JSON report piped to a slow reader arrives whole (standard output is written as the pipe takes it)', async () => {
  const { spawn } = await import('node:child_process');
  const { BIN, ROOT } = await import('./helpers');
  const run = (stopAfter: number | null) => new Promise<{ code: number | null; bytes: number; stderr: string }>(resolve => {
    const child = spawn(process.execPath, [BIN, 'check', 'samples', '--format', 'json'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let bytes = 0, stderr = '';
    child.stderr.on('data', d => { stderr += d; });
    // (after its first chunk the reader takes nothing for a while: the pipe fills and the writer waits)
    let first = true;
    child.stdout.on('data', (d: Buffer) => {
      bytes += d.length;
      if (stopAfter !== null && bytes >= stopAfter) { child.stdout.destroy(); return; }
      if (first) { first = false; child.stdout.pause(); setTimeout(() => child.stdout.resume(), 300); }
    });
    child.on('close', code => resolve({ code, bytes, stderr }));
  });
  const whole = await run(null);
  assert.equal(whole.code, 1, whole.stderr);
  assert.equal(whole.stderr, '');
  const expected = runJson(['check', 'samples']).stdout.length;
  assert.equal(whole.bytes, Buffer.byteLength(runCli(['check', 'samples', '--format', 'json']).stdout));
  assert.ok(expected > 70000, `the samples' report is ${expected} characters: too small to fill a pipe`);
});
