// `triangulate export --format w3c|brat|csv`: the shape of each format, offsets that select the
// right text (Unicode code points, after an emoji too), and the annotation file's tags included.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fixture, runCli, runJson } from './helpers';

// Made-up articles; b.txt starts with a BOM and has an emoji before its figures.
const A = 'Port trade\nTrade between the two ports reached $41.2 billion last year, customs data showed.\nHarbor Authority chief Mira Okonkwo spoke in Ellery.\n';
const B = '\ufeff🚢 Harbour figures\nThe two ports traded goods worth $41.8 billion last year, the ministry said.\nMira Okonkwo, who chairs the Harbor Authority,\nwas not available.\n';
const YAML_TEXT = [
  '# judgements',
  'version: 1',
  'verdicts:',
  '  - { file: a.txt, exact: $41.2 billion, verdict: accepted, note: "customs data, checked" }',
  'tags:',
  '  - { file: b.txt, exact: ministry, kind: organization, name: Trade Ministry }',
  'not_entities:',
  '  - { file: b.txt, exact: "Authority,\\nwas" }',
  'claims:',
  '  - id: port-trade',
  '    label: Two-port trade last year',
  '    figures:',
  '      - { file: a.txt, exact: $41.2 billion }',
  '      - { file: b.txt, exact: $41.8 billion }',
  'ignore:',
  '  - { file: b.txt, exact: last year }',
  '',
].join('\n');

const files = () => fixture({ 'news/a.txt': A, 'news/b.txt': B, 'news/triangulate.yaml': YAML_TEXT });
/** The text as analysed (BOM removed). */
const textOf = (name: string) => (name.endsWith('b.txt') ? B.slice(1) : A);
/** Slice by code points. */
const cps = (text: string, start: number, end: number) => Array.from(text).slice(start, end).join('');

function parseCsv(s: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [], cell = '', quoted = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; }
    else if (c === '\r' && s[i + 1] === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; i++; }
    else cell += c;
  }
  assert.equal(cell + row.join(''), '', 'the CSV ends with a line end');
  return rows;
}

test('csv: a header, one row per span; offsets in code points select the text; figures, entities and the tags of triangulate.yaml', () => {
  const f = files();
  try {
    const r = runCli(['export', 'news', '--format', 'csv'], f.dir);
    assert.equal(r.code, 0, r.stderr);
    const [header, ...rows] = parseCsv(r.stdout);
    assert.deepEqual(header, ['id', 'file', 'start', 'end', 'text', 'layer', 'type', 'value', 'claim', 'note']);
    assert.ok(rows.every(x => x.length === header!.length));
    for (const [, file, start, end, text] of rows) assert.equal(cps(textOf(file!), Number(start), Number(end)), text, `${file} ${start}-${end}`);
    const by = (layer: string, type?: string) => rows.filter(x => x[5] === layer && (type === undefined || x[6] === type));
    const figures = by('figure');
    assert.ok(figures.some(x => x[4] === '$41.8 billion' && x[1] === path.join('news', 'b.txt') && x[6] === 'money'));
    // After the emoji (two UTF-16 units, one code point) the offset counts one.
    const b418 = figures.find(x => x[4] === '$41.8 billion')!;
    assert.equal(Number(b418[2]), B.slice(1).indexOf('$41.8 billion') - 1);
    assert.ok(by('entity').some(x => x[4] === 'Mira Okonkwo' && x[6] === 'person'));
    assert.deepEqual(by('annotation', 'verdict').map(x => [x[4], x[7], x[9]]), [['$41.2 billion', 'accepted', 'customs data, checked']]);
    assert.deepEqual(by('annotation', 'tag').map(x => [x[4], x[7], x[9]]), [['ministry', 'organization', 'Trade Ministry']]);
    const claim = by('annotation', 'claim');
    assert.deepEqual(claim.map(x => [x[4], x[7], x[8]]), [['$41.2 billion', 'Two-port trade last year', 'port-trade'], ['$41.8 billion', 'Two-port trade last year', 'port-trade']]);
    assert.equal(new Set(claim.map(x => x[0])).size, 1, 'the rows of one claim share its id');
    assert.deepEqual(by('annotation', 'ignore').map(x => x[4]), ['last year']);
    // The figures are the ones `check` reports.
    const check = runJson(['check', 'news'], f.dir).json;
    assert.equal(figures.length, check.figures.length);
  } finally { f.dispose(); }
});

interface Selector { type: string; exact?: string; prefix?: string; suffix?: string; start?: number; end?: number }
interface Target { source: string; selector: Selector[] }
interface Anno { id: string; type: string; motivation: string; body: { type: string; value: string; purpose: string }[]; target: Target | Target[] }

test('w3c: one AnnotationCollection of Web Annotations; every target selects its text by quote and by position', () => {
  const f = files();
  try {
    const r = runCli(['export', 'news', '--format', 'w3c'], f.dir);
    assert.equal(r.code, 0, r.stderr);
    const doc = JSON.parse(r.stdout) as { '@context': string; type: string; total: number; first: { type: string; items: Anno[] } };
    assert.equal(doc['@context'], 'http://www.w3.org/ns/anno.jsonld');
    assert.equal(doc.type, 'AnnotationCollection');
    assert.equal(doc.first.type, 'AnnotationPage');
    const items = doc.first.items;
    assert.equal(doc.total, items.length);
    assert.equal(new Set(items.map(x => x.id)).size, items.length, 'ids are unique');
    for (const a of items) {
      assert.equal(a.type, 'Annotation');
      assert.ok(a.body.length > 0 && a.body.every(b => b.type === 'TextualBody' && typeof b.value === 'string'));
      for (const t of Array.isArray(a.target) ? a.target : [a.target]) {
        const file = new URL(t.source).pathname;
        assert.ok(file.endsWith('/news/a.txt') || file.endsWith('/news/b.txt'), t.source);
        const text = textOf(file);
        const quote = t.selector.find(s => s.type === 'TextQuoteSelector')!;
        const pos = t.selector.find(s => s.type === 'TextPositionSelector')!;
        assert.equal(cps(text, pos.start!, pos.end!), quote.exact);
        assert.ok(cps(text, 0, pos.start!).endsWith(quote.prefix ?? ''), 'the prefix is the text before');
        assert.ok(cps(text, pos.end!, Infinity).startsWith(quote.suffix ?? ''), 'the suffix is the text after');
      }
    }
    const verdict = items.filter(a => a.motivation === 'assessing');
    assert.equal(verdict.length, 1);
    assert.deepEqual(verdict[0]!.body.map(b => [b.value, b.purpose]), [['accepted', 'assessing'], ['customs data, checked', 'commenting']]);
    const claim = items.find(a => a.motivation === 'linking' && a.body.some(b => b.value === 'claim port-trade'))!;
    assert.ok(claim, 'the claim of the annotation file');
    assert.deepEqual((claim.target as Target[]).map(t => t.selector[0]!.exact), ['$41.2 billion', '$41.8 billion']);
    assert.ok(items.some(a => a.motivation === 'identifying' && a.body.some(b => b.value === 'Mira Okonkwo')), 'entity mentions');
    assert.ok(items.some(a => a.motivation === 'describing' && a.body.some(b => b.value === 'money')), 'figures');
    // --out writes the same collection to a file.
    const out = runCli(['export', 'news', '--format', 'w3c', '--out', 'exported'], f.dir);
    assert.equal(out.code, 0, out.stderr);
    assert.equal(out.stdout, '');
    assert.deepEqual(JSON.parse(readFileSync(path.join(f.dir, 'exported', 'annotations.jsonld'), 'utf8')), doc);
  } finally { f.dispose(); }
});

test('brat: <article>.txt and .ann under --out with annotation.conf; T offsets select the text, fragments across line breaks; verdicts, ignores and claims included', () => {
  const f = files();
  try {
    const r = runCli(['export', 'news', '--format', 'brat', '--out', 'brat'], f.dir);
    assert.equal(r.code, 0, r.stderr);
    const out = path.join(f.dir, 'brat');
    assert.deepEqual(readdirSync(out).sort(), ['a.ann', 'a.txt', 'annotation.conf', 'b.ann', 'b.txt']);
    assert.equal(readFileSync(path.join(out, 'b.txt'), 'utf8'), B.slice(1), 'the text as analysed: no BOM');
    const conf = readFileSync(path.join(out, 'annotation.conf'), 'utf8');
    for (const section of ['[entities]', '[relations]', '[events]', '[attributes]']) assert.ok(conf.includes(section), section);
    const types = new Set<string>();
    for (const name of ['a', 'b']) {
      const text = readFileSync(path.join(out, `${name}.txt`), 'utf8');
      const lines = readFileSync(path.join(out, `${name}.ann`), 'utf8').trimEnd().split('\n');
      const ids = new Map<string, string>();
      for (const line of lines) {
        const [id, spec, rest] = line.split('\t');
        assert.match(id!, /^[TAR#]\d+$/, line);
        if (id!.startsWith('T')) {
          const [type, ...offs] = spec!.split(' ');
          types.add(type!);
          assert.ok(conf.includes(`\n${type}\n`), `${type} is declared in annotation.conf`);
          const frags = offs.join(' ').split(';').map(p => p.split(' ').map(Number) as [number, number]);
          assert.equal(frags.map(([s, e]) => cps(text, s, e)).join(' '), rest, line);
          assert.ok(frags.every(([s, e]) => !cps(text, s, e).includes('\n')), 'no fragment holds a line break');
          ids.set(id!, rest!);
        } else if (id!.startsWith('A') || id!.startsWith('R') || id!.startsWith('#')) {
          for (const ref of spec!.match(/T\d+/g) ?? []) assert.ok(ids.has(ref), `${line}: ${ref} is defined above`);
        }
      }
      if (name === 'a') {
        const verdict = lines.find(l => l.startsWith('A') && l.includes('Verdict'))!;
        assert.ok(verdict, 'a Verdict attribute in a.ann');
        assert.equal(ids.get(verdict.split(' ')[1]!), '$41.2 billion');
        assert.match(verdict, / accepted$/);
        assert.ok(lines.some(l => l.startsWith('#') && l.includes('claim port-trade: Two-port trade last year')));
      } else {
        assert.ok(lines.some(l => l.startsWith('A') && l.includes('Ignored') && ids.get(l.split(' ')[1]!) === 'last year'), 'the ignored figure');
        assert.ok([...ids.values()].includes('ministry'), 'the tagged span');
        // A span over a line break is written as two fragments.
        const split = lines.find(l => l.startsWith('T') && l.split('\t')[1]!.startsWith('NotEntity '));
        assert.ok(split, 'the not-entity span');
        assert.match(split, /^T\d+\tNotEntity \d+ \d+;\d+ \d+\tAuthority, was$/);
      }
    }
    for (const t of ['Money', 'Person', 'Organization']) assert.ok(types.has(t), `${t} among ${[...types].join(', ')}`);
  } finally { f.dispose(); }
});

test('export: --format is required, brat needs --out, and no --out may overwrite an article', () => {
  const f = files();
  try {
    const none = runCli(['export', 'news'], f.dir);
    assert.equal(none.code, 2);
    assert.match(none.stderr, /export needs --format/);
    const brat = runCli(['export', 'news', '--format', 'brat'], f.dir);
    assert.equal(brat.code, 2);
    assert.match(brat.stderr, /--out/);
    const over = runCli(['export', 'news', '--format', 'brat', '--out', 'news'], f.dir);
    assert.equal(over.code, 2);
    assert.match(over.stderr, /would overwrite/);
    assert.equal(readFileSync(path.join(f.dir, 'news', 'b.txt'), 'utf8'), B, 'the article is untouched');
    assert.ok(!existsSync(path.join(f.dir, 'news', 'a.ann')), 'nothing was written');
    const help = runCli(['export', '--help'], f.dir);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /Usage: triangulate export/);
  } finally { f.dispose(); }
});
