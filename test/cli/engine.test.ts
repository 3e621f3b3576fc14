// End to end through the real engine: these need figures and conflicts from
// server/src/core, so they fail while the engine is a stub.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixture, runCli, runJson } from './helpers';
import type { CliJson } from './helpers';

const A = [
  'Ministers met in the river port on Tuesday to review the customs pact.',
  'Officials said bilateral trade reached $86.8 billion last year, a record.',
  '',
].join('\n');
const B = [
  'A second round of talks on the customs pact closed without a deal.',
  'According to the finance ministry, bilateral trade reached $86.7 billion last year.',
  '',
].join('\n');
const AGREE = [
  'The trade office repeated its figures at a briefing for exporters.',
  'It said bilateral trade reached $86.8 billion last year.',
  '',
].join('\n');

/** The line of `text` (1-based, any line ends) as the CLI counts lines. */
function lineOf(text: string, line: number): string {
  return text.split(/\r\n|\n|\r/)[line - 1] ?? '';
}

function figureWith(json: CliJson, file: string, digits: string) {
  const f = json.figures.find(x => x.file === file && x.text.includes(digits));
  assert.ok(f, `a figure with ${digits} in ${file}; found ${JSON.stringify(json.figures.map(x => [x.file, x.text]))}`);
  return f;
}

test('two sources with different trade figures: conflicting-figure on both, exit 1', () => {
  const fx = fixture({ 'a.txt': A, 'b.txt': B });
  try {
    const r = runCli(['check'], fx.dir);
    assert.equal(r.code, 1, r.stdout + r.stderr);
    const lineNo = (text: string, needle: string) => text.split('\n').findIndex(l => l.includes(needle)) + 1;
    assert.match(r.stdout, new RegExp(`^a\\.txt:${lineNo(A, '$86.8')}:\\d+: warning conflicting-figure: .*86\\.7`, 'm'), 'the diagnostic on a.txt names the other value');
    assert.match(r.stdout, new RegExp(`^b\\.txt:${lineNo(B, '$86.7')}:\\d+: warning conflicting-figure: .*86\\.8`, 'm'), 'the diagnostic on b.txt names the other value');
    assert.match(r.stdout, /, [1-9]\d* conflicts?\n$/);

    const { json } = runJson(['check'], fx.dir);
    const fa = figureWith(json, 'a.txt', '86.8');
    const fb = figureWith(json, 'b.txt', '86.7');
    assert.equal(fa.kind, 'money');
    assert.equal(fa.value, 86.8e9);
    assert.equal(fa.unit, 'USD');
    assert.ok(fa.claim && fa.claim === fb.claim, 'both figures are one claim');
    const claim = json.claims.find(c => c.id === fa.claim)!;
    assert.equal(claim.status, 'conflict');
    assert.ok(claim.figures.every(i => json.figures[i]) && claim.figures.includes(json.figures.indexOf(fa)));

    const onA = json.diagnostics.find(d => d.file === 'a.txt' && d.code === 'conflicting-figure');
    assert.ok(onA, 'a diagnostic on a.txt');
    assert.equal(lineOf(A, onA.line).slice(onA.column - 1, onA.endColumn - 1), fa.text, 'the diagnostic covers the figure');
    assert.ok(onA.related.some(x => x.file === 'b.txt' && x.line === fb.line && x.column === fb.column), 'related information points at b.txt');

    const sarif = JSON.parse(runCli(['check', '--format', 'sarif'], fx.dir).stdout);
    const res = sarif.runs[0].results.find((x: { ruleId: string }) => x.ruleId === 'conflicting-figure');
    assert.ok(res, 'a SARIF result');
    assert.ok(res.relatedLocations?.length >= 1, 'with related locations');
    assert.equal(res.locations[0].physicalLocation.region.startLine >= 1, true);
  } finally { fx.dispose(); }
});

test('two sources giving the same figure agree: one claim, no diagnostics, exit 0', () => {
  const fx = fixture({ 'a.txt': A, 'c.txt': AGREE });
  try {
    const { code, json } = runJson(['check'], fx.dir);
    assert.equal(code, 0);
    const fa = figureWith(json, 'a.txt', '86.8');
    const fc = figureWith(json, 'c.txt', '86.8');
    assert.ok(fa.claim && fa.claim === fc.claim);
    assert.equal(json.claims.find(c => c.id === fa.claim)!.status, 'agree');
    assert.deepEqual(json.diagnostics, []);
  } finally { fx.dispose(); }
});

test('columns count UTF-16 code units after an emoji and accented letters', () => {
  const text = 'Zoë Ñúñez ☕🌍 wrote that bilateral trade reached $86.8 billion last year.\n';
  const fx = fixture({ 'u.txt': text });
  try {
    const { json } = runJson(['check'], fx.dir);
    const f = figureWith(json, 'u.txt', '86.8');
    assert.equal(f.line, 1);
    const at = text.indexOf(f.text);
    assert.ok(at > 0);
    assert.equal(f.column, at + 1, 'column is the UTF-16 offset + 1 (the globe counts two)');
    assert.equal(f.endColumn, at + f.text.length + 1, 'end is exclusive');
    assert.equal(text.slice(f.column - 1, f.endColumn - 1), f.text);
  } finally { fx.dispose(); }
});

test('a BOM or CRLF line ends give the same positions as the clean file', () => {
  const crlf = A.replace(/\n/g, '\r\n');
  const fx = fixture({
    'clean/a.txt': A, 'clean/b.txt': B,
    'bom/a.txt': '\ufeff' + A, 'bom/b.txt': B,
    'crlf/a.txt': crlf, 'crlf/b.txt': B,
    'both/a.txt': '\ufeff' + crlf, 'both/b.txt': B,
  });
  try {
    const shape = (dir: string) => {
      const { code, json } = runJson(['check', dir], fx.dir);
      const pos = (x: { line: number; column: number; endLine: number; endColumn: number }) => [x.line, x.column, x.endLine, x.endColumn];
      return {
        code,
        figures: json.figures.filter(f => f.file.endsWith('a.txt')).map(f => [f.text, ...pos(f)]),
        diagnostics: json.diagnostics.filter(d => d.file.endsWith('a.txt')).map(d => [d.code, ...pos(d)]),
      };
    };
    const clean = shape('clean');
    assert.ok(clean.figures.length > 0, 'the clean file has figures');
    assert.ok(clean.diagnostics.length > 0, 'and a conflict');
    for (const dir of ['bom', 'crlf', 'both']) assert.deepEqual(shape(dir), clean, dir);
  } finally { fx.dispose(); }
});

test('unreadable files are skipped while the others are still analysed', () => {
  const fx = fixture({
    'a.txt': A,
    'b.txt': B,
    'scan.txt': new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x00, 0x01, 0x02]),
    'old.txt': new Uint8Array([...Buffer.from('Trade fell '), 0xb1, 0x20, 0x35, 0x25, 0x0a]),
  });
  try {
    const { code, json, stderr } = runJson(['check'], fx.dir);
    assert.equal(code, 1, 'the conflict between a.txt and b.txt is still found');
    assert.equal(stderr.trimEnd().split('\n').length, 2);
    figureWith(json, 'a.txt', '86.8');
    figureWith(json, 'b.txt', '86.7');
    assert.deepEqual(json.diagnostics.filter(d => d.code === 'unreadable-file').map(d => d.file), ['old.txt', 'scan.txt']);
    assert.ok(json.diagnostics.some(d => d.code === 'conflicting-figure'));
    assert.ok(json.figures.every(f => f.file === 'a.txt' || f.file === 'b.txt'));
  } finally { fx.dispose(); }
});
