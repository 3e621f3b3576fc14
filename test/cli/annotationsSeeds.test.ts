// `triangulate check` over the seed articles (read from ../shared/seeds) with a triangulate.yaml:
// the JSON reflects it (a settled conflict, a claim marked resolved), the nearest file applies to
// articles in subfolders, and articles named in the file but not checked are not "missing".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { makeAnchor } from '../../server/src/core/annotations';
import { ROOT, fixture, locate, runCli, runJson } from './helpers';

const seeds = path.resolve(ROOT, '../shared/seeds');
const F000 = '000_194b222c75d92c06.txt';
const F002 = '002_8f3f8afe8117fa3d.txt';
const seedText = (f: string) => readFileSync(path.join(seeds, f), 'utf8');
const seedFiles = (under = '') => Object.fromEntries(readdirSync(seeds).filter(f => f.endsWith('.txt')).map(f => [path.join(under, f), seedText(f)]));

/** A verdict on 000's US$86.8 billion, anchored as the quick fix anchors it. */
function accept(file: string): string {
  const text = seedText(F000);
  const at = text.indexOf('US$86.8 billion');
  const a = makeAnchor(text, at, at + 'US$86.8 billion'.length);
  return `verdicts:\n  - file: ${file}\n    exact: US$86.8 billion\n    verdict: accepted\n    prefix: ${JSON.stringify(a.prefix)}\n    suffix: ${JSON.stringify(a.suffix)}\n    start: ${a.start}\n`;
}

test('check --format json on the seeds reflects an accepted value: resolved-conflict on the figure, the claim resolved, fewer conflicts', () => {
  const plain = fixture(seedFiles('news'));
  const annotated = fixture({ ...seedFiles('news'), 'news/triangulate.yaml': `version: 1\n${accept(F000)}` });
  try {
    const before = runJson(['check', 'news'], plain.dir).json;
    const after = runJson(['check', 'news'], annotated.dir);
    const where = locate(seedText(F000), 'US$86.8 billion');
    const at = (j: typeof before) => j.diagnostics.find(d => d.file === path.join('news', F000) && d.line === where.line && d.column === where.column);
    assert.equal(at(before)?.code, 'conflicting-figure');
    const settled = at(after.json);
    assert.equal(settled?.code, 'resolved-conflict');
    assert.match(settled!.message, /accepted value US\$86\.8 billion/);
    const figure = after.json.figures.findIndex(f => f.file === path.join('news', F000) && f.line === where.line && f.column === where.column);
    const claim = after.json.claims.find(c => c.figures.includes(figure)) as unknown as { status: string; resolved: boolean };
    assert.equal(claim.status, 'conflict');
    assert.equal(claim.resolved, true);
    const count = (j: typeof before) => j.diagnostics.filter(d => d.code === 'conflicting-figure').length;
    assert.ok(count(after.json) < count(before), `${count(after.json)} < ${count(before)}`);
    assert.equal(after.stderr, '', 'the file has no problems');
  } finally { plain.dispose(); annotated.dispose(); }
});

test('the nearest triangulate.yaml applies to articles in subfolders, with paths relative to it; naming an article not checked is no problem, a missing one is', () => {
  const yaml = `version: 1\nsources:\n  news/${F002}: { outlet: Some Wire }\n  news/009_not_here.txt: { outlet: Nobody }\n${accept(`news/${F000}`)}`;
  const f = fixture({ ...seedFiles('news'), 'triangulate.yaml': yaml });
  try {
    const r = runJson(['check', path.join('news', F000), path.join('news', '001_f66de1d8ea6897c6.txt')], f.dir);
    const where = locate(seedText(F000), 'US$86.8 billion');
    assert.equal(r.json.diagnostics.find(d => d.file === path.join('news', F000) && d.line === where.line && d.column === where.column)?.code, 'resolved-conflict');
    assert.doesNotMatch(r.stderr, new RegExp(F002), 'an article that exists but was not checked is not missing');
    assert.match(r.stderr, /triangulate\.yaml:\d+:\d+: warning missing-article: .*009_not_here\.txt/);
    // The text output prints the settled conflict as a hint.
    const text = runCli(['check', 'news'], f.dir);
    assert.match(text.stdout, new RegExp(`${F000.replace('.', '\\.')}:${where.line}:${where.column}: hint resolved-conflict`));
  } finally { f.dispose(); }
});
