// The benchmark corpus generator: deterministic, the size asked for, and text
// that looks like news (figure and name density, formats, page furniture).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureCorpus, generateCorpus, MAX_ARTICLE_BYTES, MB, MIN_ARTICLE_BYTES } from '../../bench/generate';
import { nudgeMoney, round } from '../../bench/generator/events';
import { Rng } from '../../bench/generator/rng';
import { styleOf, Writer } from '../../bench/generator/style';

const small = generateCorpus(3);
const text = small.docs.map(d => d.text).join('\n');

test('the same seed gives the same corpus; another seed gives another', () => {
  const again = generateCorpus(3);
  assert.equal(again.docs.length, small.docs.length);
  assert.deepEqual(again.docs.map(d => d.name), small.docs.map(d => d.name));
  assert.ok(again.docs.every((d, i) => d.text === small.docs[i]!.text), 'texts differ between two runs with the same seed');
  const other = generateCorpus(0.5, 'another seed');
  assert.notEqual(other.docs[0]!.text, small.docs[0]!.text);
});

test('a bigger corpus starts with the smaller one (the 2x corpus extends the 1x corpus)', () => {
  const half = generateCorpus(1.5);
  assert.ok(half.docs.length < small.docs.length);
  half.docs.forEach((d, i) => assert.equal(d.text, small.docs[i]!.text, `article ${i} differs`));
});

test('the corpus reaches the requested size, overshooting by less than one article', () => {
  const bytes = small.docs.reduce((n, d) => n + Buffer.byteLength(d.text), 0);
  assert.equal(bytes, small.stats.bytes);
  assert.ok(bytes >= 3 * MB, `${bytes} bytes is below 3 MB`);
  assert.ok(bytes < 3 * MB + MAX_ARTICLE_BYTES, `${bytes} bytes overshoots 3 MB by more than one article`);
  for (const d of small.docs) {
    assert.ok(d.bytes >= MIN_ARTICLE_BYTES && d.bytes <= MAX_ARTICLE_BYTES, `${d.name} is ${d.bytes} bytes`);
  }
  const sizes = small.docs.map(d => d.bytes).sort((a, b) => a - b);
  assert.ok(sizes[Math.floor(sizes.length * 0.1)]! < 4096 && sizes[Math.floor(sizes.length * 0.9)]! > 12 * 1024, 'article lengths are not spread over 2-20 KB');
});

test('figure and capitalised-word density resemble news (one number per 300-500 chars, a capitalised word per ~40)', () => {
  const numbers = text.match(/\d+(?:[.,]\d+)*/g)?.length ?? 0;
  const capitals = text.match(/\b[A-Z][a-z]+/g)?.length ?? 0;
  const perNumber = text.length / numbers;
  const perCapital = text.length / capitals;
  assert.ok(perNumber >= 280 && perNumber <= 520, `one number every ${perNumber.toFixed(0)} characters`);
  assert.ok(perCapital >= 30 && perCapital <= 50, `one capitalised word every ${perCapital.toFixed(1)} characters`);
});

test('figures come in the formats real articles use', () => {
  const formats: [string, RegExp][] = [
    ['US$ billions', /US\$\d+(?:\.\d)? billion/],
    ['$ abbreviated', /\$\d+(?:\.\d)?(?:bn|m)\b/],
    ['approximate counts', /\b(?:about|around|nearly) \d{1,3},\d{3}\b/],
    ['spelled-out numbers', /\b(?:three|four|five|six|seven|eight|nine|ten)\b (?:agreements|people|stations|years|days)/],
    ['percent ranges', /\d(?:\.\d)?% to \d(?:\.\d)?%|between \d(?:\.\d)? and \d(?:\.\d)? per ?cent/],
    ['per cent', /\d+(?:\.\d)? per cent\b/],
    ['month-day-year dates', /\b(?:January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}, 20\d\d\b/],
    ['day-month-year dates', /\b\d{1,2} (?:January|February|March|April|May|June|July|August|September|October|November|December) 20\d\d\b/],
    ['adjectival durations', /\b(?:two|three|four|five|six)-(?:day|month)\b/],
    ['ranks', /\b(?:second|third|fourth|fifth)-(?:largest|biggest)\b/],
    ['ages', /[A-Z][a-z]+, \d\d, /],
    ['target years', /\bby 20[23]\d\b/],
    ['glued words from print extraction', /[a-z]{4,}(?:the|and|of)[a-z]{3,}|morethan \d/],
  ];
  for (const [name, re] of formats) assert.match(text, re, `no ${name} in the corpus`);
});

test('articles have page furniture and related-article boxes, and many events with planted conflicts', () => {
  assert.match(text, /^(?:Related articles|Read also:|More on this story|You may also like|RELATED|Recommended)$/m);
  assert.match(text, /^By [A-Z][a-z]+ [A-Z]/m);
  assert.match(text, /^[A-Z][A-Z ]+ (?:\u2014|--|-|\u2013) [A-Z]/m, 'no datelines');
  assert.match(text, /[\u2019\u201c\u201d]/, 'no typographic quotes');
  const { articles, events, plantedConflicts } = small.stats;
  assert.ok(articles / events >= 12 && articles / events <= 28, `${articles} articles for ${events} events`);
  assert.ok(plantedConflicts >= events * 0.15, `only ${plantedConflicts} planted conflicts in ${events} events`);
});

test('a fact about two places has one value whichever the sentence names first (the corpus contradicts itself only where a conflict is planted)', () => {
  const facts: [string, RegExp][] = [
    ['drive', /The drive from ([A-Z][\w ]+?) to ([A-Z][\w ]+?) takes about (\w+) hours?\./g],
    ['relations', /([A-Z][\w ]+?) and ([A-Z][\w ]+?) established diplomatic relations in (\d{4})\./g],
  ];
  for (const [name, re] of facts) {
    const seen = new Map<string, Set<string>>();
    let both = 0;
    for (const m of text.matchAll(re)) {
      const key = [m[1]!, m[2]!].sort().join(' / ');
      let vs = seen.get(key);
      if (!vs) seen.set(key, vs = new Set());
      vs.add(m[3]!);
    }
    for (const [key, vs] of seen) {
      assert.equal(vs.size, 1, `${name} ${key}: ${[...vs].join(', ')}`);
      if (text.includes(key.split(' / ').reverse().join(name === 'drive' ? ' to ' : ' and '))) both++;
    }
    assert.ok(seen.size > 20 && both > 0, `${name}: ${seen.size} pairs, ${both} named both ways`);
  }
});

test('a company\'s workforce has one number wherever the corpus gives it, but where a wrong value is planted', () => {
  const byCompany = new Map<string, Set<string>>();
  const add = (company: string, n: string) => { let s = byCompany.get(company); if (!s) byCompany.set(company, s = new Set()); s.add(n.replace(/,/g, '')); };
  for (const m of text.matchAll(/Founded in \d{4}, ([A-Z][\w ]+?) employs about ([\d,]+) people/g)) add(m[1]!, m[2]!);
  let reports = 0;
  for (const d of small.docs) {
    if (d.disputed === 'alt') continue;
    const company = /^(.+?) (?:Revenue Climbs|Profit Up|Beats Forecasts)/m.exec(d.text)?.[1];
    const staff = /The group employs (?:\w+ )?([\d,]+) people worldwide/.exec(d.text)?.[1];
    if (company && staff) { add(company, staff); reports++; }
  }
  assert.ok(reports > 5, `only ${reports} earnings reports give a workforce`);
  for (const [company, ns] of byCompany) assert.equal(ns.size, 1, `${company}: ${[...ns].join(', ')}`);
});

test('a planted wrong amount of money reads as a different amount where it is printed, not as a rounding of the right one', () => {
  const r = new Rng('nudge test');
  const o = new Writer(styleOf('Test Wire', 'nudge test'), new Rng('writer'));
  // what a reader takes from a print: its value and the step it is precise to ("US$49bn": 49e9, 1e9)
  const read = (s: string) => {
    const m = /([\d.]+) ?(bn|billion|m|million)?/.exec(s.replace(/,/g, ''))!;
    const unit = m[2]?.startsWith('b') ? 1e9 : m[2]?.startsWith('m') ? 1e6 : 1;
    const decimals = m[1]!.split('.')[1]?.length ?? 0;
    return { value: Number(m[1]) * unit, step: unit / 10 ** decimals };
  };
  let n = 0;
  for (const base of [1e6, 1e7, 1e8, 1e9, 1e10, 1e11]) {
    for (let i = 0; i < 300; i++) {
      const v = round(base * (1 + r.int(0, 8999) / 1000), r.chance(0.5) ? 2 : 3);
      const right = read(o.money(v)), wrong = read(o.money(nudgeMoney(r, v)));
      assert.ok(Math.abs(wrong.value - right.value) > Math.max(wrong.step, right.step) / 2,
        `${o.money(v)} against the planted ${o.money(nudgeMoney(r, v))}: one could be the other rounded`);
      n++;
    }
  }
  assert.equal(n, 1800);
});

test('no sentence of the seed articles appears in the generated corpus', () => {
  const seeds = path.resolve(__dirname, '../../../../shared/seeds');
  const files = readdirSync(seeds).filter(f => f.endsWith('.txt'));
  assert.ok(files.length > 0, `no seed articles in ${seeds}`);
  const words = (s: string) => s.toLowerCase().replace(/[\u2018\u2019]/g, "'").match(/[a-z0-9'$.,%]+/g) ?? [];
  const generated = new Set<string>();
  const gw = words(text);
  for (let i = 0; i + 7 < gw.length; i++) generated.add(gw.slice(i, i + 7).join(' '));
  const copied: string[] = [];
  for (const f of files) {
    const sw = words(readFileSync(path.join(seeds, f), 'utf8'));
    for (let i = 0; i + 7 < sw.length; i++) { const g = sw.slice(i, i + 7).join(' '); if (generated.has(g)) copied.push(g); }
  }
  assert.deepEqual(copied, [], 'seven-word runs shared with the seed articles');
});

test('ensureCorpus writes the corpus to disk once and reuses it', () => {
  const dir = path.join(mkdtempSync(path.join(os.tmpdir(), 'tri-bench-')), 'corpus');
  try {
    const logs: string[] = [];
    const m = ensureCorpus(dir, 0.25, 'triangulate', s => logs.push(s));
    assert.equal(logs.length, 1);
    const files = readdirSync(dir).filter(f => f.endsWith('.txt')).sort();
    assert.deepEqual(files, [...m.files].sort());
    const onDisk = files.reduce((n, f) => n + statSync(path.join(dir, f)).size, 0);
    assert.equal(onDisk, m.stats.bytes);
    const first = generateCorpus(0.25).docs[0]!;
    assert.equal(readFileSync(path.join(dir, first.name), 'utf8'), first.text);
    const again = ensureCorpus(dir, 0.25, 'triangulate', s => logs.push(s));
    assert.equal(logs.length, 1, 'the corpus was generated a second time');
    assert.deepEqual(again, m);
  } finally {
    rmSync(path.dirname(dir), { recursive: true, force: true });
  }
});
