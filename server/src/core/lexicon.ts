// Closed-class words of English news prose: number words, scales, months, weekdays,
// qualifiers, titles, organisation and place cue words. These are grammar, not
// gazetteer data (countries, cities and currencies come from npm data packages, see
// gazetteer.ts). Every word is looked up by a case-folded hash computed while
// tokenising, so a lookup costs no string allocation.

export const enum Cat {
  None = 0,
  NumberWord = 1 << 0,
  Scale = 1 << 1,
  Month = 1 << 2,
  Weekday = 1 << 3,
  Qualifier = 1 << 4,
  TitleHead = 1 << 5,
  OrgCue = 1 << 6,
  PlaceCue = 1 << 7,
  Stop = 1 << 8,
  Ordinal = 1 << 9,
  TimeUnit = 1 << 10,
  Compass = 1 << 11,
  RoleNoun = 1 << 12,
  TitleMod = 1 << 13,
  Determiner = 1 << 14,
  TargetWord = 1 << 15,
  Superlative = 1 << 16,
  SpeechVerb = 1 << 17,
  Connector = 1 << 18,
  EventNoun = 1 << 19,
  PhaseVerb = 1 << 20,
  Relative = 1 << 21,
  CurrencyWord = 1 << 22,
  CompanyNoun = 1 << 23,
  Continent = 1 << 24,
}

/** FNV-1a over case-folded UTF-16 code units. */
export function hashFold(text: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) {
    let c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) c += 32;
    else if (c === 0x2019) c = 39; // ’ → '
    else if (c > 127) c = foldChar(c);
    h ^= c;
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}

// folded code unit + 1 by code unit (0: not computed yet); a table, not a Map, as the tokeniser asks per letter
const foldCache = new Uint32Array(65536);
/** Lower-case and strip accents from one code unit (đ → d, Â → a). */
export function foldChar(c: number): number {
  const known = foldCache[c]!;
  if (known) return known - 1;
  const s = String.fromCharCode(c).toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  const f = c === 0x111 || c === 0x110 ? 100 : s.length === 1 ? s.charCodeAt(0) : s.length ? s.charCodeAt(0) : c;
  foldCache[c] = f + 1;
  return f;
}

/** Lower-case, accent-free form of a string. */
export function fold(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c >= 65 && c <= 90) c += 32;
    else if (c === 0x2019) c = 39;
    else if (c > 127) c = foldChar(c);
    out += String.fromCharCode(c);
  }
  return out;
}

export interface LexEntry {
  word: string;
  cats: number;
  /** Numeric value for number words, scales, ordinals, months (1-12), weekdays (0=Sunday). */
  value?: number;
  /** Canonical form: time unit name, qualifier code, currency code. */
  canon?: string;
}

const table = new Map<number, LexEntry>();
/** Entries by id (ids are 1-based; 0 = no entry), for token arrays. */
export const entries: LexEntry[] = [];
// Open-addressing hash → id table over `table`, for the per-token lookup in the tokeniser:
// most words are no lexicon word and miss on the first empty slot, without a Map lookup.
const SLOTS = 4096, MASK = SLOTS - 1;
const slotHash = new Int32Array(SLOTS), slotId = new Int32Array(SLOTS);
function slotOf(hash: number): number { return (hash ^ (hash >>> 12)) & MASK; }
function indexEntry(hash: number, e: LexEntry): void {
  entries.push(e);
  let s = slotOf(hash);
  while (slotId[s]) s = (s + 1) & MASK;
  slotHash[s] = hash; slotId[s] = entries.length;
}

function add(cats: number, words: string, value?: (w: string, i: number) => number | undefined, canon?: (w: string) => string | undefined): void {
  words.split(/\s+/).filter(Boolean).forEach((w, i) => {
    const h = hashFold(w, 0, w.length);
    const e = table.get(h);
    const v = value?.(w, i);
    const c = canon?.(w);
    if (e) {
      e.cats |= cats;
      if (v !== undefined && e.value === undefined) e.value = v;
      if (c !== undefined && e.canon === undefined) e.canon = c;
    } else {
      const entry: LexEntry = { word: w, cats, ...(v !== undefined ? { value: v } : {}), ...(c !== undefined ? { canon: c } : {}) };
      table.set(h, entry);
      indexEntry(h, entry);
    }
  });
}

const units = 'zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen'.split(' ');
add(Cat.NumberWord, units.join(' '), (_w, i) => i);
add(Cat.NumberWord, 'twenty thirty forty fifty sixty seventy eighty ninety', (_w, i) => (i + 2) * 10);
add(Cat.NumberWord, 'dozen', () => 12);
add(Cat.Scale, 'hundred thousand million billion trillion', (_w, i) => [1e2, 1e3, 1e6, 1e9, 1e12][i]);
add(Cat.Scale, 'bn bln b', () => 1e9);
add(Cat.Scale, 'mn mln m', () => 1e6);
add(Cat.Scale, 'tn trn tr', () => 1e12);
add(Cat.Scale, 'k', () => 1e3);
// South Asian scales: "Rs 5,000 crore", "12 lakh jobs"
add(Cat.Scale, 'crore crores', () => 1e7);
add(Cat.Scale, 'lakh lakhs', () => 1e5);
add(Cat.Ordinal, 'first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth', (_w, i) => i + 1);
add(Cat.Month, 'january february march april may june july august september october november december', (_w, i) => i + 1);
add(Cat.Month, 'jan feb mar apr jun jul aug sep sept oct nov dec', (w) => ({ jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12 } as Record<string, number>)[w]);
add(Cat.Weekday, 'sunday monday tuesday wednesday thursday friday saturday', (_w, i) => i);
add(Cat.TimeUnit, 'day days', undefined, () => 'day');
add(Cat.TimeUnit, 'week weeks', undefined, () => 'week');
add(Cat.TimeUnit, 'month months', undefined, () => 'month');
add(Cat.TimeUnit, 'year years', undefined, () => 'year');
add(Cat.TimeUnit, 'decade decades', undefined, () => 'decade');
add(Cat.TimeUnit, 'century centuries', undefined, () => 'century');
add(Cat.TimeUnit, 'hour hours', undefined, () => 'hour');
add(Cat.TimeUnit, 'minute minutes', undefined, () => 'minute');
add(Cat.TimeUnit, 'term terms', undefined, () => 'term');
add(Cat.Qualifier, 'about around approximately roughly some nearly almost estimated circa approx', undefined, () => 'approx');
add(Cat.Qualifier, 'over more exceeding above', undefined, () => 'more-than');
add(Cat.Qualifier, 'under less fewer below', undefined, () => 'less-than');
add(Cat.Qualifier, 'least', undefined, () => 'at-least');
add(Cat.Qualifier, 'up', undefined, () => 'up-to');
add(Cat.Qualifier, 'morethan', undefined, () => 'more-than');
add(Cat.Qualifier, 'lessthan', undefined, () => 'less-than');
add(Cat.TitleHead, 'president minister secretary premier chairman chairwoman chair ambassador governor mayor senator king queen prince princess emperor chancellor mr mrs ms dr prof professor director commander speaker sheikh sir dame pm ceo spokesman spokeswoman spokesperson envoy general');
add(Cat.TitleMod, 'prime deputy vice foreign defence defense trade finance industry interior home state party chief acting former first executive senior assistant foreign education health justice');
add(Cat.RoleNoun, 'president minister secretary leader founder co-founder chairman chief ceo spokesman spokeswoman spokesperson professor lecturer researcher fellow analyst director manager specialist expert official ambassador head editor reporter correspondent predecessor successor counterpart premier governor mayor senator economist adviser advisor diplomat envoy scholar scientist author executive sister brother wife husband son daughter ruler dictator king queen');
add(Cat.OrgCue, 'institute university college school academy party post times journal herald tribune news agency ministry council association nations company corporation corp inc ltd llc plc group bank fund electronics motors committee commission office organisation organization forum union federation alliance authority bureau department board foundation society centre center league coalition network television radio press gazette club reserve exchange airlines airways holdings industries technologies systems labs laboratory laboratories mining telecom telecoms telecommunications logistics textiles chemicals steel shipping foods pharma pharmaceuticals semiconductor semiconductors petroleum capital power energy insurance securities ventures investments parliament assembly congress senate court army navy police treasury');
add(Cat.PlaceCue, 'sea ocean river mountain mountains peninsula island islands strait gulf bay lake valley province state county city district region desert canal coast delta plateau');
// works and places made by people: "the Kalvormouth Rail Link", "Hai Van Tunnel", "Tan Son Nhat Airport"
add(Cat.PlaceCue, 'link bridge tunnel highway expressway motorway railway airport terminal station dam pipeline corridor square avenue boulevard');
// landmarks: "Prague Castle", "Gyeongbok Palace" (one place, not the city and a word; not "park" nor "temple":
// "Ji-hoon Park", "Shirley Temple")
add(Cat.PlaceCue, 'castle palace cathedral basilica pagoda mosque shrine monastery museum stadium');
add(Cat.Compass, 'north south east west northern southern eastern western northeast northwest southeast southwest central upper lower');
add(Cat.Continent, 'asia europe africa america americas oceania antarctica pacific atlantic arctic mekong');
add(Cat.Determiner, 'the these those its their his her our your both all each every this that which whose my');
add(Cat.Superlative, 'largest biggest highest lowest smallest most least best worst richest poorest busiest fastest strongest');
add(Cat.SpeechVerb, 'said says say told tells added adds noted notes stated states wrote writes explained argued urged warned emphasised emphasized stressed according asked');
add(Cat.Connector, 'of for de du von van der al bin da di del la le');
add(Cat.EventNoun, 'visit visits trip summit talks meeting meetings conference congress election elections war tour ceremony signing launch forum session');
add(Cat.PhaseVerb, 'began begin begins begun started start starts starting opened opens kicked ended ends concluded concludes finished');
add(Cat.Relative, 'last next this current currently now recent recently previous coming past yesterday today tomorrow ago');
add(Cat.TargetWord, 'target targets targeted targeting goal goals aim aims aimed aiming pledge pledged pledges pledging plan plans planned ambition ambitious boost boosting raise raising expand expanding elevate elevating increase increasing lift double doubling reach reaching bring hit objective objectives projected forecast');
add(Cat.CompanyNoun, 'giant firm company maker vendor rival brand manufacturer conglomerate carmaker chipmaker startup retailer operator provider platform outlet newspaper broadcaster magazine');
add(Cat.Stop, `a an the and or but if then so than that this these those there here it its it's they them their he him his she her we us our you your i me my
  of in on at by for from to into onto with without within over under about after before between through during since until upon against among across toward towards
  is are was were be been being am has have had having do does did done will would shall should can could may might must
  not no nor yes also too very more most much many such some any each every either neither both all other another own same few less least only just even still yet already
  as while when where which who whom whose what why how because although though however meanwhile moreover furthermore additionally instead rather
  new old first last next one two three
  finally however additionally meanwhile moreover recently following indeed likewise similarly nonetheless besides therefore thus hence accordingly overall today yesterday now here there`);

/** The categories of each entry by id (0: no entry), for the per-token tests of the readers: one typed-array read, no object. */
export const catsById: Int32Array = Int32Array.from([0, ...entries.map(e => e.cats)]);

/** Lexicon id of a token (0 when it is no lexicon word). */
export function lookupId(text: string, start: number, end: number, hash: number): number {
  let s = slotOf(hash), id = 0;
  for (;;) {
    id = slotId[s]!;
    if (!id) return 0;
    if (slotHash[s] === hash) break;
    s = (s + 1) & MASK;
  }
  return sameWord(text, start, end, entries[id - 1]!.word) ? id : 0;
}

/** The folded text[start, end) spells `word`. */
function sameWord(text: string, start: number, end: number, word: string): boolean {
  if (word.length !== end - start) return false;
  for (let i = 0; i < word.length; i++) {
    let c = text.charCodeAt(start + i);
    if (c >= 65 && c <= 90) c += 32; else if (c === 0x2019) c = 39; else if (c > 127) c = foldChar(c);
    if (c !== word.charCodeAt(i)) return false;
  }
  return true;
}

export function lookup(text: string, start: number, end: number, hash: number): LexEntry | undefined {
  const e = table.get(hash);
  return e && sameWord(text, start, end, e.word) ? e : undefined;
}

export function lookupWord(word: string): LexEntry | undefined {
  return lookup(word, 0, word.length, hashFold(word, 0, word.length));
}

/** Tiny stemmer for matching context words: plural and common verb endings. */
export function stem(w: string): string {
  const s = stem1(w);
  return s.length > 4 && s.endsWith('e') ? s.slice(0, -1) : s;
}
function stem1(w: string): string {
  if (w.length <= 4) return w;
  if (w.endsWith('ies') && w.length > 5) return w.slice(0, -3) + 'y';
  if (w.endsWith('ing') && w.length > 6) return w.slice(0, -3);
  if (w.endsWith('ed') && w.length > 5) return w.slice(0, -2);
  if (w.endsWith('es') && /(ss|sh|ch|x)es$/.test(w)) return w.slice(0, -2);
  if (w.endsWith('s') && !w.endsWith('ss')) return w.slice(0, -1);
  return w;
}

/** Words news uses interchangeably for the thing a figure counts: folded to one concept for matching. */
const CONCEPTS: Record<string, string> = {};
for (const [concept, words] of Object.entries({
  agreement: 'agreement agreements deal deals memorandum memorandums memoranda mou mous document documents accord accords pact pacts treaty treaties contract contracts',
  company: 'company companies firm firms business businesses enterprise enterprises corporation corporations',
  trade: 'trade trading commerce commercial',
  investment: 'investment investments invest invested investing investor investors fdi',
  visit: 'visit visits trip trips tour',
  tariff: 'tariff tariffs levy levies duty duties',
  people: 'people persons residents citizens nationals',
  growth: 'growth grow grew expansion',
  share: 'share shares stake',
  vote: 'vote votes ballot ballots',
  start: 'begin began begun begins beginning start started starts starting',
  end: 'end ended ends ending concluded concludes finished',
})) for (const w of words.split(' ')) CONCEPTS[w] = concept;

/** The concept a (folded, lower-case) word stands for, or the word's stem. */
export function isConcept(word: string): boolean { return word in CONCEPTS; }
const termCache = new Map<number, string>();
/** conceptOf(fold(word)) for a token, cached by its folded hash. */
export function termOf(text: string, start: number, end: number, hash: number): string {
  let t = termCache.get(hash);
  if (t === undefined) {
    t = conceptOf(fold(text.slice(start, end)));
    if (termCache.size > 500000) termCache.clear();
    termCache.set(hash, t);
  }
  return t;
}
export function conceptOf(word: string): string {
  return CONCEPTS[word] ?? stem(word);
}
