// The engine over the five seed articles, judged against ../shared/seeds/expected.yaml
// (read from there, never copied): conflicts, agreements, look-alikes, figures, entities.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { Corpus, decodeBytes } from '../../server/src/core';
import type { Figure } from '../../server/src/core';

const seeds = path.resolve(__dirname, '../../../../shared/seeds');
interface Span { file: string; line: number; text: string; nth?: number; kind?: string; value?: unknown; unit?: string }
const gold = YAML.parse(readFileSync(path.join(seeds, 'expected.yaml'), 'utf8')) as {
  conflicts: { id: string; spans: Span[]; stretch?: boolean }[]; agreements: { id: string; spans: Span[] }[];
  distinct: { why: string; spans: Span[] }[]; figures: Span[]; entities: { name: string; kind: string; forms: string[]; not?: string[] }[];
};
const corpus = new Corpus();
const texts = new Map<string, string>();
for (const f of readdirSync(seeds).filter(f => f.endsWith('.txt'))) {
  const d = decodeBytes(readFileSync(path.join(seeds, f)));
  assert.ok(d.ok);
  texts.set(f, d.text);
  corpus.set(f, d.text);
}

/** Offsets of a gold span. */
function locate(s: Span): { start: number; end: number } {
  const text = texts.get(s.file)!;
  const lines = text.split('\n');
  let offset = 0;
  for (let i = 0; i < s.line - 1; i++) offset += lines[i]!.length + 1;
  let at = -1;
  for (let i = 0; i < (s.nth ?? 1); i++) at = lines[s.line - 1]!.indexOf(s.text, at + 1);
  assert.ok(at >= 0, `${s.file}:${s.line} has ${s.text}`);
  return { start: offset + at, end: offset + at + s.text.length };
}
function figureAt(s: Span): Figure {
  const { start, end } = locate(s);
  const f = corpus.figuresOf(s.file).find(x => x.start < end && start < x.end);
  assert.ok(f, `a figure at ${s.file}:${s.line} "${s.text}"`);
  return f;
}
const conflictsAt = (s: Span) => { const { start, end } = locate(s); return corpus.problemsOf(s.file).filter(p => p.code === 'conflicting-figure' && p.start < end && start < p.end); };

/** A conflict of the gold file: one conflicting claim, with a diagnostic on each span naming the other values. */
function assertReported(c: { id: string; spans: Span[] }): void {
  const claims = new Set(c.spans.map(s => corpus.claimOf(figureAt(s).id)));
  assert.equal(claims.size, 1, `${c.id}: one claim`);
  assert.equal([...claims][0]!.status, 'conflict');
  for (const s of c.spans) {
    const ds = conflictsAt(s);
    assert.ok(ds.length, `${c.id}: a diagnostic on ${s.file}:${s.line} ${s.text}`);
    const others = c.spans.filter(o => o.text !== s.text).map(o => (o.text.match(/\d+(?:\.\d+)?/) ?? [o.text])[0]!);
    const said = ds.map(d => d.message + ' ' + d.related.map(r => r.message).join(' ')).join(' ');
    assert.ok(others.some(v => said.includes(v)), `${c.id}: ${s.file}:${s.line} names ${others.join('/')}: ${said}`);
    assert.ok(ds[0]!.related.length > 0);
  }
}

test('seeds: every required conflict is one conflicting claim, with a diagnostic on each span naming the other values', () => {
  for (const c of gold.conflicts.filter(x => !x.stretch)) assertReported(c);
});

test('seeds: the stretch conflicts (the weekday the visit began, read from "began on Monday" in a dated and an undated article and "started Sunday") are reported too', () => {
  const stretch = gold.conflicts.filter(x => x.stretch);
  assert.ok(stretch.length);
  for (const c of stretch) assertReported(c);
});

test('seeds: agreements share a claim without conflict; look-alikes never share one; no false alarm', () => {
  for (const a of gold.agreements) {
    const claims = new Set(a.spans.map(s => corpus.claimOf(figureAt(s).id)));
    assert.equal(claims.size, 1, `${a.id}: one claim`);
    assert.notEqual([...claims][0]!.status, 'conflict', a.id);
    for (const s of a.spans) assert.equal(conflictsAt(s).length, 0, `${a.id}: no conflict at ${s.file}:${s.line}`);
  }
  for (const d of gold.distinct) {
    const claims = d.spans.map(s => corpus.claimOf(figureAt(s).id));
    assert.equal(new Set(claims).size, claims.length, `distinct: ${d.why}`);
    for (const s of d.spans) assert.equal(conflictsAt(s).length, 0, `no conflict at ${s.file}:${s.line} ${s.text}`);
  }
});

test('seeds: sampled figures have their kind, normalised value and unit', () => {
  for (const s of gold.figures) {
    const f = figureAt(s);
    assert.equal(f.kind, s.kind, `${s.text} kind`);
    assert.deepEqual(f.value, s.value, `${s.text} value`);
    if (s.unit) assert.equal(f.unit, s.unit);
  }
});

test('seeds: entities group all their forms under the right kind; namesakes stay apart', () => {
  const entities = corpus.result().entities;
  for (const e of gold.entities) {
    const holder = entities.filter(x => x.mentions.some(m => m.text === e.forms[0])).sort((a, b) => b.mentions.length - a.mentions.length)[0];
    assert.ok(holder, `${e.name} found`);
    assert.equal(holder.kind, e.kind, `${e.name} kind`);
    const forms = new Set(holder.mentions.map(m => m.text));
    for (const f of e.forms) assert.ok(forms.has(f), `${e.name} has the form ${f}`);
    for (const f of e.not ?? []) assert.ok(!forms.has(f), `${e.name} does not take ${f}`);
  }
});
