// The CLI layer on a hand-made engine result: offsets become 1-based lines and
// UTF-16 columns (end exclusive), claims index figures, and the three formatters
// print what the user sees. Independent of the engine's progress.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Claim, CorpusResult, Figure, Problem } from '../../server/src/core/types';
import type { Article } from '../../server/src/cli/files';
import { buildReport, summarize } from '../../server/src/cli/report';
import { formatText } from '../../server/src/cli/text';
import { formatJson } from '../../server/src/cli/json';
import { formatSarif } from '../../server/src/cli/sarif';

function figure(doc: string, text: string, needle: string, value: number, nth = 1): Figure {
  let start = -1;
  for (let i = 0; i < nth; i++) start = text.indexOf(needle, start + 1);
  assert.ok(start >= 0, needle);
  return {
    doc, start, end: start + needle.length, id: `${doc}#${start}`, text: needle, kind: 'money', value, unit: 'USD',
    qualifier: null, relative: null, time: { mode: 'none', when: null, text: null, target: false },
    sentenceStart: 0, sentenceEnd: text.length, aside: false, context: ['trade'], head: 'trade', entities: [], holder: null,
  };
}

// Line 2 has an emoji (two UTF-16 units) and an accented letter before the figure; b.txt uses CRLF.
const a = 'Harbour news\nCafé 🚢 owners said trade hit $12.5 million this spring.\n';
const b = 'Port review\r\n\r\nTrade reached $12.9 million, the board said.\r\n';
const articles: Article[] = [
  { file: 'desk/a.txt', abs: '/x/desk/a.txt', ok: true, text: a, bom: false },
  { file: 'desk/b.txt', abs: '/x/desk/b.txt', ok: true, text: b, bom: true },
  { file: 'desk/c.txt', abs: '/x/desk/c.txt', ok: false, reason: 'not valid UTF-8 text' },
];
const fa = figure('desk/a.txt', a, '$12.5 million', 12.5e6);
const fb = figure('desk/b.txt', b, '$12.9 million', 12.9e6);
const claim: Claim = {
  id: 'c1', label: 'trade', status: 'conflict', figures: [fa.id, fb.id], links: [], values: ['$12.5 million', '$12.9 million'], verdicts: {}, resolved: false,
};
const problem = (f: Figure, other: Figure, otherText: string): Problem => ({
  doc: f.doc, start: f.start, end: f.end, severity: 'warning', code: 'conflicting-figure',
  message: `trade: ${f.text} here, ${otherText} elsewhere`,
  related: [{ doc: other.doc, start: other.start, end: other.end, message: `${otherText} in ${other.doc}` }],
});
const result: CorpusResult = {
  docs: [],
  figures: [fa, fb],
  entities: [{
    id: 'e1', name: 'Café Marin', kind: 'organization', forms: ['Café'], roles: [], evidence: [],
    mentions: [{ doc: 'desk/a.txt', start: a.indexOf('Café'), end: a.indexOf('Café') + 4, text: 'Café', role: null, via: 'short' }],
  }],
  claims: [claim],
  // Given out of order: the report sorts by file, then position.
  problems: [problem(fb, fa, '$12.5 million'), problem(fa, fb, '$12.9 million')],
};

test('positions are 1-based, in UTF-16 code units, end exclusive; CRLF counts as one line break', () => {
  const report = buildReport(articles, result);
  const [ra, rb] = report.figures;
  // "Café 🚢 owners said trade hit " is 30 UTF-16 units (the ship is two).
  assert.deepEqual([ra!.line, ra!.column, ra!.endLine, ra!.endColumn], [2, 31, 2, 44]);
  assert.equal(a.split('\n')[1]!.slice(ra!.column - 1, ra!.endColumn - 1), '$12.5 million');
  assert.deepEqual([rb!.line, rb!.column, rb!.endLine, rb!.endColumn], [3, 15, 3, 28]);
  assert.equal(report.entities[0]!.mentions[0]!.column, 1);
  assert.equal(report.entities[0]!.mentions[0]!.endColumn, 5);
});

test('figures name their claim; claims list figure indexes; unreadable files become diagnostics', () => {
  const report = buildReport(articles, result);
  assert.deepEqual(report.files, ['desk/a.txt', 'desk/b.txt', 'desk/c.txt']);
  assert.deepEqual(report.figures.map(f => f.claim), ['c1', 'c1']);
  assert.deepEqual(report.claims[0]!.figures, [0, 1]);
  assert.deepEqual(report.diagnostics.map(d => [d.file, d.line, d.code]), [
    ['desk/a.txt', 2, 'conflicting-figure'], ['desk/b.txt', 3, 'conflicting-figure'], ['desk/c.txt', 1, 'unreadable-file'],
  ]);
  assert.deepEqual(report.diagnostics[0]!.related.map(r => [r.file, r.line, r.column]), [['desk/b.txt', 3, 15]]);
  assert.deepEqual(summarize(report), { files: 3, unreadable: 1, figures: 2, entities: 1, claims: 1, conflicts: 1 });
});

test('text format: file:line:col: severity code: message, related places indented, summary last', () => {
  const out = formatText(buildReport(articles, result));
  assert.equal(out, [
    'desk/a.txt:2:31: warning conflicting-figure: trade: $12.5 million here, $12.9 million elsewhere',
    '    desk/b.txt:3:15: note: $12.9 million in desk/b.txt',
    'desk/b.txt:3:15: warning conflicting-figure: trade: $12.9 million here, $12.5 million elsewhere',
    '    desk/a.txt:2:31: note: $12.5 million in desk/a.txt',
    'desk/c.txt:1:1: warning unreadable-file: not valid UTF-8 text; file skipped',
    '3 files (1 unreadable), 2 figures, 1 entity, 1 claim, 1 conflict',
    '',
  ].join('\n'));
  assert.equal(formatText(buildReport(articles, result), { quiet: true }), '3 files (1 unreadable), 2 figures, 1 entity, 1 claim, 1 conflict\n');
});

test('a conflict settled by an annotation is not counted as a conflict', () => {
  const settled: CorpusResult = { ...result, claims: [{ ...claim, resolved: true }], problems: [] };
  assert.equal(summarize(buildReport(articles, settled)).conflicts, 0);
});

test('JSON format: the documented keys, claim ids and figure indexes', () => {
  const json = JSON.parse(formatJson(buildReport(articles, result)));
  assert.deepEqual(Object.keys(json), ['files', 'figures', 'entities', 'claims', 'diagnostics']);
  const f = json.figures[0];
  for (const key of ['file', 'line', 'column', 'endLine', 'endColumn', 'text', 'kind', 'value', 'unit', 'qualifier', 'claim']) assert.ok(key in f, key);
  assert.equal(f.value, 12.5e6);
  for (const key of ['id', 'name', 'kind', 'mentions']) assert.ok(key in json.entities[0], key);
  assert.deepEqual(Object.keys(json.entities[0].mentions[0]).slice(0, 6), ['file', 'line', 'column', 'endLine', 'endColumn', 'text']);
  assert.deepEqual(json.claims[0].figures, [0, 1]);
  const d = json.diagnostics[0];
  assert.ok(!('snippet' in d));
  for (const key of ['file', 'line', 'column', 'endLine', 'endColumn', 'severity', 'code', 'message', 'related']) assert.ok(key in d, key);
  assert.deepEqual(Object.keys(d.related[0]).slice(0, 3), ['file', 'line', 'column']);
  assert.ok('message' in d.related[0]);
});

test('SARIF format: results carry the region, the snippet and related locations', () => {
  const sarif = JSON.parse(formatSarif(buildReport(articles, result), { name: 'triangulate', version: '9.9.9' }, '/work/news'));
  const run = sarif.runs[0];
  assert.equal(run.originalUriBaseIds['%SRCROOT%'].uri, 'file:///work/news/');
  const first = run.results[0];
  assert.equal(first.ruleId, 'conflicting-figure');
  assert.equal(run.tool.driver.rules[first.ruleIndex].id, 'conflicting-figure');
  assert.deepEqual(first.locations[0].physicalLocation.region, { startLine: 2, startColumn: 31, endLine: 2, endColumn: 44, snippet: { text: '$12.5 million' } });
  assert.equal(first.relatedLocations.length, 1);
  assert.equal(first.relatedLocations[0].physicalLocation.artifactLocation.uri, 'desk/b.txt');
  assert.equal(first.relatedLocations[0].physicalLocation.region.startLine, 3);
  assert.match(first.relatedLocations[0].message.text, /\$12\.9 million/);
  assert.equal(run.results[2].level, 'warning');
  assert.equal(run.results[2].ruleId, 'unreadable-file');
});
