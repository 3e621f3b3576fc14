// The bundled sample corpus (samples/) and what its README promises. The first test
// keeps samples/expected.yaml true to the text; the others need the real engine.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { ROOT, runCli, runJson } from './helpers';
import type { CliJson } from './helpers';

interface Span { file: string; line: number; text: string; nth?: number; value?: unknown; kind?: string; qualifier?: string }
interface Expected {
  docs: { file: string; crlf?: boolean }[];
  conflicts: { id: string; spans: Span[] }[];
  agreements: { id: string; spans: Span[] }[];
  distinct: { why: string; spans: Span[] }[];
  asides: Span[];
  figures: Span[];
  entities: { name: string; kind: string; forms: string[]; not?: string[] }[];
}

const dir = path.join(ROOT, 'samples');
const expected = YAML.parse(readFileSync(path.join(dir, 'expected.yaml'), 'utf8')) as Expected;
const raw = (file: string) => readFileSync(path.join(dir, file), 'utf8');

/** 1-based columns [start, end) of a span on its line. */
function columns(span: Span): [number, number] {
  const line = raw(span.file).split(/\r\n|\n|\r/)[span.line - 1] ?? '';
  let at = -1;
  for (let i = 0; i < (span.nth ?? 1); i++) at = line.indexOf(span.text, at + 1);
  assert.ok(at >= 0, `${span.file}:${span.line} has '${span.text}'`);
  return [at + 1, at + 1 + span.text.length];
}

const shown = (file: string) => path.join('samples', file);
const overlaps = (span: Span, x: { file: string; line: number; column: number; endColumn: number }) => {
  const [a, b] = columns(span);
  return x.file === shown(span.file) && x.line === span.line && x.column < b && a < x.endColumn;
};

let cached: { code: number | null; json: CliJson } | undefined;
function analysed() {
  cached ??= runJson(['check', 'samples'], ROOT);
  return cached;
}
function figureAt(span: Span) {
  const { json } = analysed();
  const f = json.figures.find(x => overlaps(span, x));
  assert.ok(f, `a figure at ${span.file}:${span.line} '${span.text}'`);
  return f;
}
const label = (s: Span) => `${s.file}:${s.line} '${s.text}'`;

test('the sample articles are as samples/README.md describes them', () => {
  const articles = readdirSync(dir).filter(f => f.endsWith('.txt')).sort();
  assert.deepEqual(articles, expected.docs.map(d => d.file));
  for (const doc of expected.docs) {
    const text = raw(doc.file);
    const lines = text.split(/\r\n|\n/).filter((l, i, all) => i < all.length - 1 || l !== '');
    assert.ok(lines.length >= 10 && lines.length <= 25, `${doc.file}: ${lines.length} lines`);
    const crlf = (text.match(/\r\n/g) ?? []).length;
    const lf = (text.match(/\n/g) ?? []).length;
    if (doc.crlf) assert.equal(crlf, lf, `${doc.file} keeps CRLF line ends`);
    else assert.equal(crlf, 0, `${doc.file} has LF line ends`);
  }
  const spans = [...expected.conflicts, ...expected.agreements, ...expected.distinct].flatMap(g => g.spans).concat(expected.asides, expected.figures);
  for (const span of spans) columns(span);
  for (const e of expected.entities) for (const form of e.forms) {
    assert.ok(expected.docs.some(d => raw(d.file).includes(form)), `'${form}' of ${e.name} appears`);
  }
  const r = runCli(['check', 'samples', '--quiet'], ROOT);
  assert.match(r.stdout, /^5 files, /);
});

test('samples: the documented conflicts are reported on every span, exit 1', () => {
  const { code, json } = analysed();
  assert.equal(code, 1);
  for (const c of expected.conflicts) {
    for (const span of c.spans) {
      const d = json.diagnostics.find(x => x.code === 'conflicting-figure' && overlaps(span, x));
      assert.ok(d, `${c.id}: a conflicting-figure diagnostic on ${label(span)}`);
      const others = c.spans.filter(s => String(s.value) !== String(span.value));
      assert.ok(others.every(o => d.related.some(r => r.file === shown(o.file) && r.line === o.line)), `${c.id}: related information on ${label(span)} points at the other values`);
    }
  }
});

test('samples: agreements share a claim and raise no conflict', () => {
  const { json } = analysed();
  for (const a of expected.agreements) {
    const claims = new Set(a.spans.map(s => figureAt(s).claim));
    assert.equal(claims.size, 1, `${a.id}: one claim, got ${[...claims].join(', ')}`);
    assert.ok([...claims][0], `${a.id}: the figures are in a claim`);
    for (const span of a.spans) {
      assert.ok(!json.diagnostics.some(d => d.code === 'conflicting-figure' && overlaps(span, d)), `${a.id}: no conflict on ${label(span)}`);
    }
  }
});

test('samples: look-alikes are not joined; related-articles figures are asides', () => {
  for (const d of expected.distinct) {
    const [x, y] = d.spans.map(figureAt);
    assert.ok(x!.claim === null || x!.claim !== y!.claim, `${d.why}: ${d.spans.map(label).join(' / ')} are in different claims`);
  }
  const { json } = analysed();
  for (const span of expected.asides) {
    const f = figureAt(span) as CliJson['figures'][number] & { aside?: boolean };
    assert.equal(f.aside, true, `${label(span)} is an aside`);
    assert.ok(!json.diagnostics.some(d => d.code === 'conflicting-figure' && overlaps(span, d)), `no conflict on ${label(span)}`);
  }
});

test('samples: sample figures have their kind and normalised value', () => {
  for (const span of expected.figures) {
    const f = figureAt(span);
    if (span.kind) assert.equal(f.kind, span.kind, label(span));
    assert.deepEqual(f.value, span.value, label(span));
    if (span.qualifier) assert.equal(f.qualifier, span.qualifier, label(span));
  }
});

test('samples: entity aliases are grouped; namesakes stay apart', () => {
  const { json } = analysed();
  for (const e of expected.entities) {
    const entity = json.entities.find(x => x.mentions.some(m => m.text === e.name));
    assert.ok(entity, `an entity for ${e.name}`);
    assert.equal(entity.kind, e.kind, e.name);
    // A mention's text, and with its title ("President Kouamé"); a name broken across lines reads as one.
    const texts = new Set(entity.mentions.flatMap(m => [m.text, m.role ? `${m.role} ${m.text}` : m.text].map(t => t.replace(/\s+/g, ' '))));
    for (const form of e.forms) assert.ok(texts.has(form), `${e.name}: form '${form}' (has ${[...texts].join(', ')})`);
    for (const other of e.not ?? []) assert.ok(!texts.has(other), `${e.name} is not ${other}`);
  }
});
