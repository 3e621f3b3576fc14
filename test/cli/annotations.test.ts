// The CLI honours the nearest triangulate.yaml: a verdict settles a conflict (a hint that stays
// visible), a split keeps two figures apart, a stale anchor and a broken file are reported with
// their position while the run goes on.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixture, runCli, runJson } from './helpers';

const a = 'Port trade\nTrade between the two ports reached $41.2 billion last year, customs data showed.\n';
const b = 'Harbour figures\nThe two ports traded goods worth $41.8 billion last year, the ministry said.\n';

test('without annotations the close values conflict; an accepted value settles it in the JSON and the exit code', () => {
  const plain = fixture({ 'news/a.txt': a, 'news/b.txt': b });
  try {
    const r = runJson(['check', 'news', '--format', 'json'], plain.dir);
    assert.equal(r.code, 1);
    assert.equal(r.json.diagnostics.filter(d => d.code === 'conflicting-figure').length, 2);
  } finally { plain.dispose(); }
  const yaml = '# what we checked\nversion: 1\nverdicts:\n  - file: a.txt\n    exact: $41.2 billion\n    verdict: accepted\n    note: customs data\n';
  const f = fixture({ 'news/a.txt': a, 'news/b.txt': b, 'news/triangulate.yaml': yaml });
  try {
    const r = runJson(['check', 'news', '--format', 'json'], f.dir);
    assert.equal(r.json.diagnostics.filter(d => d.code === 'conflicting-figure').length, 0, r.stdout);
    const settled = r.json.diagnostics.filter(d => d.code === 'resolved-conflict');
    assert.equal(settled.length, 2);
    assert.match(String(settled[0]!.message), /accepted value \$41\.2 billion/);
    assert.equal(r.code, 0);
  } finally { f.dispose(); }
});

test('a split in the annotation file keeps two figures out of one claim', () => {
  const yaml = 'splits:\n  - figures:\n      - { file: a.txt, exact: $41.2 billion }\n      - { file: b.txt, exact: $41.8 billion }\n';
  const f = fixture({ 'news/a.txt': a, 'news/b.txt': b, 'news/triangulate.yaml': yaml });
  try {
    const r = runJson(['check', 'news', '--format', 'json'], f.dir);
    const claims = r.json.figures.filter(x => x.text.includes('$41')).map(x => (x as unknown as { claim: string }).claim);
    assert.equal(new Set(claims).size, 2, JSON.stringify(claims));
    assert.equal(r.code, 0);
  } finally { f.dispose(); }
});

test('a stale anchor and a file that does not parse are reported with positions; the check still runs', () => {
  const stale = fixture({ 'news/a.txt': a, 'news/b.txt': b, 'news/triangulate.yaml': 'verdicts:\n  - { file: a.txt, exact: "no such words here", verdict: accepted }\n' });
  try {
    const r = runCli(['check', 'news'], stale.dir);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /triangulate\.yaml:2:\d+: warning stale-anchor/);
  } finally { stale.dispose(); }
  const broken = fixture({ 'news/a.txt': a, 'news/b.txt': b, 'news/triangulate.yaml': 'verdicts: [\n  oops: {\n' });
  try {
    const r = runCli(['check', 'news'], broken.dir);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /triangulate\.yaml:\d+:\d+: error/);
    assert.match(r.stderr, /not applied/);
  } finally { broken.dispose(); }
});
