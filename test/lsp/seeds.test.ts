// Acceptance over the seed articles (../shared/seeds), through the bundled
// server over stdio: hovers across sources, conflict diagnostics on exactly the
// spans of expected.yaml, semantic tokens, references across spellings, an edit
// that settles a conflict, and a deletion that takes a source out of hovers.
// These depend on the engine's accuracy as well as on the server.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import type { Diagnostic, Range } from 'vscode-languageserver-protocol';
import { TestClient, withSeedServer, fileUri, listSeeds, overlaps, seedsDir, spanRange, waitFor } from './client';

interface Span { file: string; line: number; text: string; nth?: number }
interface Expected {
  conflicts: { id: string; spans: Span[]; stretch?: boolean }[];
  agreements: { id: string; spans: Span[] }[];
  distinct: { why: string; spans: Span[] }[];
}

const expected = YAML.parse(readFileSync(path.join(seedsDir, 'expected.yaml'), 'utf8')) as Expected;
const CONFLICT = 'conflicting-figure';
const same = (a: Range, b: Range) => a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
const show = (r: Range) => `${r.start.line + 1}:${r.start.character + 1}-${r.end.character + 1}`;

const withSeeds = (run: Parameters<typeof withSeedServer>[0]) => withSeedServer(run, { settings: { debounce: 50 } });

function conflictDiagnostics(client: TestClient, dir: string, file: string): Diagnostic[] {
  return (client.diagnostics.get(fileUri(path.join(dir, file))) ?? []).filter(d => d.code === CONFLICT);
}

async function hoverAt(client: TestClient, dir: string, span: Span): Promise<string> {
  const uri = fileUri(path.join(dir, span.file));
  const r = spanRange(dir, span);
  const h = await client.hover(uri, { line: r.start.line, character: r.start.character + 1 });
  assert.ok(h, `no hover on ${span.text} (${span.file}:${span.line})`);
  return typeof h.contents === 'string' ? h.contents : h.contents.value;
}

test('hover on US$86.8 billion (000, line 9) lists $86.7 billion from 001 line 9 and both values from 002', () => withSeeds(async (client, dir) => {
  const md = await hoverAt(client, dir, { file: '000_194b222c75d92c06.txt', line: 9, text: 'US$86.8 billion' });
  assert.match(md, /86\.7/);
  assert.ok(md.includes('001_f66de1d8ea6897c6.txt'), 'names 001');
  const rows = md.split('\n').filter(l => l.startsWith('|'));
  const row001 = rows.find(r => r.includes('001_f66de1d8ea6897c6.txt'));
  assert.ok(row001 && /\$86\.7 billion/.test(row001) && /\[9\]\(/.test(row001), `001 row with $86.7 billion at line 9: ${row001}`);
  const rows002 = rows.filter(r => r.includes('002_8f3f8afe8117fa3d.txt'));
  assert.ok(rows002.some(r => r.includes('US$86.8 billion')) && rows002.some(r => r.includes('US$86.7 billion')), 'both 002 values');
  assert.match(md, /conflict/i);
}));

test('conflict diagnostics sit exactly on the conflict spans of expected.yaml, on none of its agreement or look-alike spans', () => withSeeds(async (client, dir) => {
  const wanted = expected.conflicts.flatMap(c => c.spans.map(s => ({ ...s, conflict: c.id, stretch: !!c.stretch, range: spanRange(dir, s) })));
  const quiet = [...expected.agreements.flatMap(a => a.spans), ...expected.distinct.flatMap(d => d.spans)].map(s => ({ ...s, range: spanRange(dir, s) }));
  const problems: string[] = [];
  for (const file of listSeeds()) {
    const diags = conflictDiagnostics(client, dir, file);
    for (const d of diags) {
      if (!wanted.some(w => w.file === file && same(w.range, d.range))) problems.push(`unexpected conflict at ${file}:${show(d.range)}: ${String(d.message)}`);
      for (const q of quiet.filter(q => q.file === file && overlaps(q.range, d.range))) problems.push(`conflict reported on agreement/look-alike "${q.text}" at ${file}:${q.line}`);
    }
  }
  for (const w of wanted) {
    const d = conflictDiagnostics(client, dir, w.file).find(x => same(x.range, w.range));
    if (!d) { if (!w.stretch) problems.push(`missing conflict "${w.text}" at ${w.file}:${w.line} (${w.conflict})`); continue; }
    // A stretch conflict may be reported (on its exact span) without being grouped as expected.yaml groups it.
    if (w.stretch) continue;
    const others = wanted.filter(o => o.conflict === w.conflict && !(o.file === w.file && same(o.range, w.range)));
    const related = d.relatedInformation ?? [];
    if (!others.some(o => related.some(r => r.location.uri === fileUri(path.join(dir, o.file)) && same(r.location.range, o.range))))
      problems.push(`conflict "${w.text}" at ${w.file}:${w.line} has no related information pointing at the other values`);
  }
  assert.deepEqual(problems, []);
}));

test('semantic tokens cover To Lam and Tô Lâm as persons and US$150 billion as money', () => withSeeds(async (client, dir) => {
  const types = client.initializeResult.capabilities.semanticTokensProvider!.legend.tokenTypes;
  const found = { 'To Lam': 0, 'Tô Lâm': 0, 'US$150 billion': 0 } as Record<string, number>;
  const want: Record<string, string> = { 'To Lam': 'person', 'Tô Lâm': 'person', 'US$150 billion': 'money' };
  const wrong: string[] = [];
  for (const file of listSeeds()) {
    const uri = fileUri(path.join(dir, file));
    const lines = readFileSync(path.join(dir, file), 'utf8').split(/\r\n|\r|\n/);
    const { data } = await client.request<{ data: number[] }>('textDocument/semanticTokens/full', { textDocument: { uri } });
    const tokens: { line: number; start: number; length: number; type: string }[] = [];
    let line = 0, ch = 0;
    for (let i = 0; i < data.length; i += 5) {
      line += data[i]!;
      ch = data[i]! === 0 ? ch + data[i + 1]! : data[i + 1]!;
      tokens.push({ line, start: ch, length: data[i + 2]!, type: types[data[i + 3]!]! });
    }
    lines.forEach((text, l) => {
      for (const needle of Object.keys(want)) {
        for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
          if (/\p{L}/u.test(text[at + needle.length] ?? '') || /\p{L}/u.test(text[at - 1] ?? '')) continue;
          const t = tokens.find(t => t.line === l && t.start <= at && at + needle.length <= t.start + t.length);
          if (t?.type === want[needle]) found[needle]!++;
          else wrong.push(`${needle} at ${file}:${l + 1} is ${t ? t.type : 'not highlighted'}`);
        }
      }
    });
  }
  assert.deepEqual(wrong, []);
  for (const needle of Object.keys(want)) assert.ok(found[needle]! > 0, `${needle} occurs in the seeds`);
}));

test('references on To Lam include the Tô Lâm mentions of 003', () => withSeeds(async (client, dir) => {
  const file = listSeeds().find(f => readFileSync(path.join(dir, f), 'utf8').includes('To Lam'))!;
  const lines = readFileSync(path.join(dir, file), 'utf8').split(/\r\n|\r|\n/);
  const line = lines.findIndex(l => l.includes('To Lam'));
  const refs = await client.request<{ uri: string; range: Range }[]>('textDocument/references', {
    textDocument: { uri: fileUri(path.join(dir, file)) }, position: { line, character: lines[line]!.indexOf('To Lam') + 1 }, context: { includeDeclaration: true },
  });
  const f003 = '003_9de363946368c298.txt';
  const text003 = readFileSync(path.join(dir, f003), 'utf8').split(/\r\n|\r|\n/);
  const taLam: Range[] = [];
  text003.forEach((t, l) => { for (let at = t.indexOf('Tô Lâm'); at >= 0; at = t.indexOf('Tô Lâm', at + 1)) taLam.push({ start: { line: l, character: at }, end: { line: l, character: at + 6 } }); });
  assert.ok(taLam.length > 0, '003 spells the name Tô Lâm');
  const in003 = refs.filter(r => r.uri === fileUri(path.join(dir, f003)));
  for (const r of taLam) assert.ok(in003.some(x => overlaps(x.range, r)), `reference at 003 line ${r.start.line + 1}`);
  assert.ok(new Set(refs.map(r => r.uri)).size >= 3, 'mentions across the corpus');
}));

test('changing US$86.8 billion to US$86.7 billion in every place clears the trade conflict', () => withSeeds(async (client, dir) => {
  const trade = expected.conflicts.find(c => c.id === 'trade-current')!;
  const spans = trade.spans.map(s => ({ ...s, range: spanRange(dir, s) }));
  assert.ok(spans.some(s => conflictDiagnostics(client, dir, s.file).some(d => same(d.range, s.range))), 'the conflict is reported first');
  for (const s of spans.filter(s => s.text.includes('86.8'))) {
    const file = path.join(dir, s.file);
    const uri = client.open(file);
    client.edit(uri, s.range, s.text.replace('86.8', '86.7'));
  }
  await waitFor('the trade conflict to clear', () => spans.every(s => !conflictDiagnostics(client, dir, s.file).some(d => overlaps(d.range, s.range))), 20000);
}));

test('deleting a file removes its figures from every hover', () => withSeeds(async (client, dir) => {
  const span = { file: '000_194b222c75d92c06.txt', line: 9, text: 'US$86.8 billion' };
  const target = { file: '004_1eac7ccde6f77d5e.txt', line: 3, text: 'US$150 billion' };
  const hover150 = await hoverAt(client, dir, { file: '000_194b222c75d92c06.txt', line: 9, text: 'US$150 billion' });
  assert.ok(hover150.includes('004_1eac7ccde6f77d5e.txt'), 'the 2030 target hover lists 004 first');
  assert.ok((await hoverAt(client, dir, span)).includes('001_f66de1d8ea6897c6.txt'));
  for (const f of ['001_f66de1d8ea6897c6.txt', target.file]) {
    unlinkSync(path.join(dir, f));
    client.fileChanged([{ uri: fileUri(path.join(dir, f)), type: 3 }]);
  }
  await waitFor('the deleted files to leave the corpus', () => client.status?.documents === listSeeds().length - 2);
  for (const file of listSeeds().filter(f => f !== target.file && f !== '001_f66de1d8ea6897c6.txt')) {
    const uri = fileUri(path.join(dir, file));
    const lines = readFileSync(path.join(dir, file), 'utf8').split(/\r\n|\r|\n/);
    for (let l = 0; l < lines.length; l++) {
      for (const m of lines[l]!.matchAll(/\d/g)) {
        const h = await client.hover(uri, { line: l, character: m.index! });
        const md = h ? (typeof h.contents === 'string' ? h.contents : h.contents.value) : '';
        assert.ok(!md.includes('001_f66de1d8ea6897c6.txt') && !md.includes(target.file), `hover at ${file}:${l + 1}:${m.index! + 1} still names a deleted file`);
      }
    }
  }
  assert.equal(client.diagnostics.get(fileUri(path.join(dir, target.file)))?.length, 0, 'the deleted file has no diagnostics left');
}));
