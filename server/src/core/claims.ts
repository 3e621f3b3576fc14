// Claims: figures grouped across documents as the same quantity (same dimension
// and unit, compatible time, shared words and entities), then judged: do the
// sources agree or conflict?
import { isCountryKey } from './gazetteer';
import type { Claim, ClaimStatus, Figure, LinkReason } from './types';
import type { FigureFeatures } from './document';
import { dateInterval } from './dates';
import { conceptOf, fold } from './lexicon';

export interface ClaimInput { figure: Figure; features: FigureFeatures }

export interface ClaimRules {
  /** Groups of figure ids the user joined as one quantity, with an optional label. */
  joins?: { figures: string[]; label?: string; id?: string }[];
  /** Groups of figure ids the user split apart (no two in one claim). */
  splits?: string[][];
  /** Claim labels by figure id. */
  labels?: { figure: string; label: string }[];
}

export const LINK_THRESHOLD = 0.4;
const SMALL_GROUP = 64;
const WINDOW = 8;
/** Links kept per claim besides the ones that joined its figures (every figure keeps the link that brought it in). */
const MAX_LINKS = 40;
/** A cluster while merging. `near` and `sents` are null while it is one figure: its item's near and sentKey stand for them. */
interface Summary { members: number[]; near: Set<string> | null; /** `near` as a list, made when compared, dropped when it grows. */ nearList: string[] | null; sents: Set<number> | null; holder: string | null; by: string | null; at: string | null; target: boolean; splits: Set<string>; ids: Set<string>; links: LinkReason[] }

interface Item {
  i: number; f: Figure; x: FigureFeatures; group: string; /** Document and sentence as one number. */ sentKey: number; norm: number;
  /**
   * The most telling context words (term ids, ascending) and their weights: `nTop` entries from `top` in the
   * builder's term store; then the words right around the figure (term ids, ascending) and their idf: `nLoc`
   * entries from `loc`.
   */
  top: number; nTop: number; loc: number; nLoc: number; localSum: number;
  /** The article's main entities, as a set (shared by the figures of one article). */
  topic: Set<string>;
  /** Every country the article names (shared by the figures of one article). */
  countries: ReadonlySet<string>;
  /** Who or what holds the figure, what it is about, and the sentence's entities: as entities of the corpus where known. */
  holder: string | null; near: string[]; ents: string[];
  /** The trade flow (exporter, importer) and the unidentified sentence opener, as entities of the corpus where known. */
  flow: string | null; opener: string | null;
  /** The two ends of the way the sentence names, as corpus entities in sorted order (a drive from A to B is one from B to A). */
  route: string | null;
  /** Who forecasts the figure, as a corpus entity. */
  forecaster: string | null;
  /** A forecast: its forecaster is named, or its words before it say so ("is expected to grow", "forecasts"). */
  forecast: boolean;
  /** The most telling context word (term id, -1 when none), for finding candidates in large groups. */
  telling: number;
  /** Up (1), down (-1) or neither (0): the change the figure measures. */
  direction: number;
  /** What its sentence measures, of MEASURES (a bit each): 0 when it names none. */
  measures: number;

  precise: boolean;
}
/**
 * What a figure's sentence may say it measures ("the economy grew", "spending on steel has risen", "exports fell"),
 * as context terms: two sentences that each name some and none in common measure two things.
 */
const MEASURES = new Map<string, number>();
for (const w of 'economy gdp spending exports imports trade investment inflation prices sales revenue profit output production unemployment wages rents turnout'.split(' ')) {
  const term = conceptOf(w);
  if (!MEASURES.has(term)) MEASURES.set(term, 1 << MEASURES.size);
}
MEASURES.set(conceptOf('gdp'), MEASURES.get(conceptOf('economy'))!);
function measuresOf(x: FigureFeatures): number {
  let bits = 0;
  for (const t of x.terms) bits |= MEASURES.get(t) ?? 0;
  return bits;
}

const FORECAST_TERMS = new Set(['expect', 'forecast', 'project', 'predict'].map(w => conceptOf(w)));
function isForecast(x: FigureFeatures): boolean {
  if (x.forecaster) return true;
  for (let k = 0; k < x.before; k++) if (FORECAST_TERMS.has(x.terms[k]!)) return true;
  return false;
}

const TOP_TERMS = 8;
/** The one blocking key of a small group: every figure of it is compared with every other. */
const ALL_KEY: readonly string[] = ['*'];

/** Which figures may be compared at all: dimension, unit, and kind of date. */
function groupKey(f: Figure, x: FigureFeatures): string | null {
  if (f.aside || x.role === 'dateline' || x.role === 'modifier') return null;
  if (f.kind === 'date') {
    if (f.value === null) return null;
    if (x.relativeDate && !x.event) return null;
    return x.weekday !== null && f.relative ? WEEKDAY_GROUP : 'date';
  }
  return `${f.kind}:${f.unit ?? ''}`;
}

const WEEKDAY_GROUP = 'date:weekday';
/**
 * A date written as a weekday and read as a day of the article's week ("began on Monday", dated August 13), of
 * a named event and its phase: it is also compared with the undated weekdays of that event ("started Sunday").
 */
function datedWeekday(it: Item): boolean {
  return it.group === 'date' && it.x.weekday !== null && !!it.x.event && !!it.x.phase;
}
/** The comparison groups whose figures an item meets: its own, and for a dated weekday the undated weekdays'. */
function groupsOf(it: Item): readonly string[] {
  return datedWeekday(it) ? [it.group, WEEKDAY_GROUP] : [it.group];
}

function timeCompatible(a: Figure, b: Figure): boolean {
  if (a.time.target !== b.time.target) return false;
  const am = a.time.mode, bm = b.time.mode;
  if (am === 'by' || bm === 'by') {
    if (am === 'by' && bm === 'by') return a.time.when === b.time.when;
    // a target without a year may match a target by a year
    return (am === 'none' || bm === 'none');
  }
  if (am === 'at' && bm === 'at') {
    // "next year" in an article of unknown date is no year to hold against one given ("grew 3.4% in 2020"): a forecast
    if (!a.time.when !== !b.time.when && unresolvedNext(a.time.when ? b : a)) return false;
    return !a.time.when || !b.time.when || a.time.when === b.time.when;
  }
  return true;
}

/** A time ahead of the article ("next year", "next month") that its unknown date left unresolved. */
function unresolvedNext(f: Figure): boolean {
  return !f.time.when && f.time.text !== null && /^next\b/i.test(f.time.text);
}

/** A qualifier that puts the value just below the one written. */
const SHORT_OF = /^(?:nearly|almost|just (?:under|below|short of|shy of))\b/i;

/** The interval a written value stands for, given its precision and qualifier. */
export function valueInterval(f: Figure, step: number, round: boolean): [number, number] | null {
  const v = f.value;
  if (typeof v === 'number') {
    let lo = v, hi = v;
    if (step < 1 || (step > 1 && !round)) { lo = v - step / 2; hi = v + step / 2 - step * 1e-6; }
    // an integer ending in zeros is rounded at its last other digit, and by no more than 5%: 25,400 is 25,350-25,450, 10,000 is 9,500-10,500
    else if (round) { const half = Math.min(trailingStep(v) / 2, Math.abs(v) * 0.05); lo = v - half; hi = v + half - half * 1e-6; }
    // a qualifier says the value is near the one written: "about 10,000" agrees with "more than 10,000", and
    // "roughly 177,000" is not "roughly 210,000"; "more than" reaches a tenth above, or up to the next round number
    // (of at most half): "more than 10,000" is up to 15,000, "more than 3,000" up to 4,000, "more than 7,500" is no
    // "more than 10,500"
    switch (f.qualifier) {
      // "nearly" and "almost" say the value falls short of the one written, by as much as other approximations
      // reach (a unit for a small count): "nearly 29,100" is not 29,400, "nearly 6 million" not 5.5 million, "nearly 10" may be 9
      case 'approx': return SHORT_OF.test(f.text) ? [step <= 1 ? Math.min(v * 0.95, v - 1) : v * 0.95, v] : [Math.min(lo, v * 0.95), Math.max(hi, v * 1.05)];
      case 'more-than': return [v, v + Math.max(Math.abs(v) * 0.1, Math.min(trailingStep(v), Math.abs(v) * 0.5))];
      case 'at-least': return [v, v * 1.5];
      case 'less-than': return [v * 0.6, v];
      case 'up-to': return [0, v];
      default: return [lo, hi];
    }
  }
  if (Array.isArray(v)) return [v[0], v[1]];
  return null;
}

export function valuesAgree(a: ClaimInput, b: ClaimInput): boolean {
  const fa = a.figure, fb = b.figure;
  if (fa.kind === 'date' || typeof fa.value === 'string' || typeof fb.value === 'string') {
    const sa = String(fa.value), sb = String(fb.value);
    if (a.features.weekday !== null && b.features.weekday !== null && !/^\d/.test(sa) && !/^\d/.test(sb)) return a.features.weekday === b.features.weekday;
    const ia = dateInterval(sa), ib = dateInterval(sb);
    if (!ia || !ib) return sa === sb;
    return ia[0] <= ib[1] && ib[0] <= ia[1];
  }
  const ia = valueInterval(fa, a.features.step, a.features.round), ib = valueInterval(fb, b.features.step, b.features.round);
  if (!ia || !ib) return true;
  const eps = 1e-12 * Math.max(1, Math.abs(ia[1]), Math.abs(ib[1]));
  return ia[0] <= ib[1] + eps && ib[0] <= ia[1] + eps;
}

/** Significant digits as written ("86.8" → 3, "150" → 2, "10,000" → 1). */
function significant(f: Figure): number {
  const digits = (f.text.match(/\d[\d,.]*/)?.[0] ?? '').replace(/[,.]/g, '').replace(/^0+/, '');
  if (!digits) return 1;
  return /[.]/.test(f.text) ? digits.length : digits.replace(/0+$/, '').length || 1;
}

const isPlaceKey = (k: string) => k.startsWith('place:') || k.startsWith('region:');

/**
 * Figures about different things: both name what they are about and share none of it, or both name a
 * company, body or person-free subject and those differ ("Driftwood Capital will spend €53m in Europe" is
 * not "Vantage Telecom will spend €61m in Europe", though both are about Europe).
 */
function aboutDifferent(A: readonly string[], B: readonly string[]): boolean {
  if (!A.length || !B.length) return false;
  let shared = false, na = 0, nb = 0, nShared = 0, ca = 0, cb = 0, cShared = 0;
  for (let i = 0; i < A.length; i++) {
    const k = A[i]!;
    const inB = B.includes(k);
    if (inB) shared = true;
    if (!isPlaceKey(k)) { na++; if (inB) nShared++; }
    if (isCountryKey(k)) { ca++; if (inB) cShared++; }
  }
  if (!shared) return true;
  for (let i = 0; i < B.length; i++) { const k = B[i]!; if (!isPlaceKey(k)) nb++; if (isCountryKey(k)) cb++; }
  // companies, bodies, unknown places: both name some, and none in common
  if (na && nb && !nShared) return true;
  // between two countries: "Hungary and Egypt established relations in 1969" is not Hungary and France
  if (ca >= 2 && cb >= 2 && (ca !== cb || cShared !== ca)) return true;
  // one name (not a known place) in place of another: "the drive from Avel to Brisk" is not "from Avel to Corin"
  return na >= 2 && nb >= 2 && na > nShared && nb > nShared;
}

/** The list without repeats (itself when it has none). */
function distinct(xs: readonly string[]): readonly string[] {
  for (let i = 1; i < xs.length; i++) for (let j = 0; j < i; j++) if (xs[i] === xs[j]) return [...new Set(xs)];
  return xs;
}

/** Two figures as of times more than a year apart (see FigureFeatures.asOfMonth; false when either is unknown). */
function asOfApart(a: FigureFeatures, b: FigureFeatures): boolean {
  return a.asOfMonth !== null && b.asOfMonth !== null && Math.abs(a.asOfMonth - b.asOfMonth) > 12;
}
/** Two articles published more than `months` apart, a year unless told (false when either date is unknown). */
function publishedApart(a: FigureFeatures, b: FigureFeatures, months = 12): boolean {
  return a.publishedMonth !== null && b.publishedMonth !== null && Math.abs(a.publishedMonth - b.publishedMonth) > months;
}

/** A date read off the article's own date: a weekday ("on Sunday") or a relative date ("last week"). */
const offPublication = (x: FigureFeatures) => x.weekday !== null || x.relativeDate;

/** A date of a month (or a day) within two months of its article's publication: news of the article's own time. */
function ofItsTime(f: Figure, x: FigureFeatures): boolean {
  if (x.publishedMonth === null || typeof f.value !== 'string' || f.value.length < 7) return false;
  const month = Number(f.value.slice(0, 4)) * 12 + Number(f.value.slice(5, 7));
  return Math.abs(month - x.publishedMonth) <= 2;
}

/**
 * Two articles about two different pairs of countries: each headline names two or more countries, one of which
 * the other article never names ("Australia, France Sign 14 Agreements" is not "Morocco and Australia Deepen
 * Ties", though both speak of "the two sides" and of Australia).
 */
function pairsApart(a: Item, b: Item): boolean {
  const A = a.x.headline, B = b.x.headline;
  return A.length >= 2 && B.length >= 2 && A !== B && A.some(k => !b.countries.has(k)) && B.some(k => !a.countries.has(k));
}

/** A figure that names only countries its article's headline names. */
function ofHeadline(a: Item): boolean {
  return a.x.near.every(k => a.x.headline.includes(k));
}

/** Two articles whose main entities have nothing in common. */
function topicsDisjoint(a: Item, b: Item): boolean {
  if (a.topic === b.topic || a.topic.size < 2 || b.topic.size < 2) return false;
  for (const k of a.topic) if (b.topic.has(k)) return false;
  return true;
}

/**
 * Two contexts worded alike, going out from the figure on one side, up to a word close to it where they part ("people
 * work | banking" and "people work | water supply") and meet again after it: the word in that slot names
 * what is counted, and neither context has the other's word at all.
 */
export function slotDiffers(a: FigureFeatures, b: FigureFeatures): boolean {
  return sideDiffers(a, b, 0, a.before, 0, b.before) || sideDiffers(a, b, a.before, a.terms.length, b.before, b.terms.length);
}

function sideDiffers(a: FigureFeatures, b: FigureFeatures, a0: number, a1: number, b0: number, b1: number): boolean {
  const A = a.terms, B = b.terms;
  let p = 0;
  while (a0 + p < a1 && b0 + p < b1 && A[a0 + p] === B[b0 + p]) p++;
  // at least one word in common before the slot, the slot close to the figure (within three words), and on both sides
  if (p === 0 || p > 2 || a0 + p >= a1 || b0 + p >= b1) return false;
  const x = A[a0 + p]!, y = B[b0 + p]!;
  if (B.includes(x) || A.includes(y)) return false;
  // the slot is where the wording starts on both sides, one word from the figure, and all after the figure is the same
  // ("Mining accounts for 23% of Romania's exports" / "Tourism accounts for 25% of Romania's exports")
  // (a slot of up to two words: "Clean power accounts for 24%" / "Banking accounts for 26%")
  if (p === 1 && a0 === 0 && b0 === 0 && a1 - p <= 2 && b1 - p <= 2 && sameAfter(a, b) && noneIn(A, p, a1, B) && noneIn(B, p, b1, A)) return true;
  // the wording meets again right after the slot (a slot of one or two words on each side)
  for (let i = 1; i <= 2; i++) for (let j = 1; j <= 2; j++) {
    const u = a0 + p + i, v = b0 + p + j;
    if (u < a1 && v < b1 && A[u] === B[v]) return true;
  }
  return false;
}

/** None of xs[from, to) is in ys. */
function noneIn(xs: readonly string[], from: number, to: number, ys: readonly string[]): boolean {
  for (let i = from; i < to; i++) if (ys.includes(xs[i]!)) return false;
  return true;
}

const UP = new Set(['rose', 'rise', 'risen', 'rais', 'raise', 'growth', 'grow', 'grown', 'increas', 'climb', 'gain', 'jump', 'surg', 'soar', 'rebound', 'higher', 'expand']);
const DOWN = new Set(['fell', 'fall', 'fallen', 'drop', 'dropp', 'declin', 'decreas', 'shrank', 'shrink', 'shrunk', 'slump', 'plung', 'slid', 'lower', 'contract', 'tumbl', 'lost']);
/** The direction of a change the figure measures, from the word right before it ("fell 6%") or right after it ("6% higher"): 1 up, -1 down, 0 none. */
function directionOf(x: FigureFeatures): number {
  for (const k of [0, x.before]) {
    if ((k === 0 && x.before === 0) || k >= x.terms.length) continue;
    const t = x.terms[k]!;
    if (UP.has(t)) return 1;
    if (DOWN.has(t)) return -1;
  }
  return 0;
}

function sameAfter(a: FigureFeatures, b: FigureFeatures): boolean {
  const n = a.terms.length - a.before;
  if (!n || n !== b.terms.length - b.before) return false;
  for (let k = 0; k < n; k++) if (a.terms[a.before + k] !== b.terms[b.before + k]) return false;
  return true;
}

/** The links of a cluster of one figure (none): shared, replaced by an array of its own on the first push. */
const NO_LINKS = Object.freeze([]) as unknown as LinkReason[];

/** Scratch lists for a figure's heaviest terms while they are chosen (one more than kept). */
const topIdsScratch = new Int32Array(TOP_TERMS + 1);
const topWScratch = new Float64Array(TOP_TERMS + 1);

/**
 * Over the term ids two sorted runs of the store share (`na` entries from `a`, `nb` from `b`): the sum of
 * wa*wb (products) or of wa (the first run's weights).
 */
function sharedWeight(ids: Int32Array, ws: Float64Array, a: number, na: number, b: number, nb: number, products: boolean): number {
  let s = 0;
  const ea = a + na, eb = b + nb;
  for (let p = a, q = b; p < ea && q < eb;) {
    const x = ids[p]!, y = ids[q]!;
    if (x < y) p++;
    else if (x > y) q++;
    else { s += products ? ws[p]! * ws[q]! : ws[p]!; p++; q++; }
  }
  return s;
}

/** The one context word two figures share is their head noun ("people" in "a city of 316,000 people" / "374,000 residents were evacuated"). */
function onlyHeadShared(ids: Int32Array, head: number | undefined, a: Item, b: Item): boolean {
  if (head === undefined) return false;
  let other = false, i = a.top, j = b.top;
  const ea = a.top + a.nTop, eb = b.top + b.nTop;
  while (i < ea && j < eb) {
    if (ids[i]! < ids[j]!) i++;
    else if (ids[i]! > ids[j]!) j++;
    else { if (ids[i] !== head) { other = true; break; } i++; j++; }
  }
  return !other;
}


/**
 * The indices of `scores` (none NaN), highest score first, equal scores in index order: what sorting the
 * indices by `scores[y] - scores[x] || x - y` gives, without calling a comparator for each of the n log n
 * steps. The scores are sorted natively; each index is counted into the bucket of its score's rank.
 */
function byScoreDescending(scores: readonly number[]): Uint32Array {
  const n = scores.length;
  const sorted = Float64Array.from(scores).sort();
  // the distinct scores, highest first
  const levels = new Float64Array(n);
  let d = 0;
  for (let k = n - 1; k >= 0; k--) if (d === 0 || sorted[k]! !== levels[d - 1]!) levels[d++] = sorted[k]!;
  // each index's rank among them (binary search), then the indices by rank, in index order within one
  const rank = new Int32Array(n), next = new Int32Array(d + 1);
  for (let q = 0; q < n; q++) {
    const s = scores[q]!;
    let lo = 0, hi = d - 1;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (levels[mid]! > s) lo = mid + 1; else hi = mid; }
    rank[q] = lo; next[lo + 1]!++;
  }
  for (let r = 0; r < d; r++) next[r + 1]! += next[r]!;
  const out = new Uint32Array(n);
  for (let q = 0; q < n; q++) out[next[rank[q]!]!++] = q;
  return out;
}

function numeric(f: Figure): number | null {
  if (typeof f.value === 'number') return f.value;
  if (Array.isArray(f.value)) return (f.value[0] + f.value[1]) / 2;
  return null;
}

export class ClaimBuilder {
  private idfById: number[] = [];
  private n = 0;

  /**
   * `canonical` maps a document's name key to its entity across the corpus ("Lee" in one article and "Lee
   * Jae-myung" in another), so that holders and subjects compare as entities, not as spellings.
   */
  constructor(private readonly items: ClaimInput[], private readonly rules: ClaimRules = {}, private readonly canonical: (key: string) => string | undefined = () => undefined,
    /** A document's text, for labels in the words the articles use (read only when a label is). */
    private readonly textOf: TextOf = () => undefined) {}

  private canon(k: string): string { return k.startsWith('n:') ? this.canonical(k) ?? k : k; }
  private canonAll(ks: string[]): string[] {
    let out: string[] | null = null;
    for (let i = 0; i < ks.length; i++) {
      const c = this.canon(ks[i]!);
      if (c !== ks[i] && !out) out = ks.slice(0, i);
      if (out && !out.includes(c)) out.push(c);
    }
    // a copy at its length: pushing leaves room for 16 more, and items keep these lists
    return out ? out.slice() : ks;
  }

  private built: Item[] = [];
  /** After `build()`: the index of each input's claim among the claims it returned. */
  claimIndexOfItem = new Int32Array(0);
  /** Posting lists (item indices, in order) by comparison group, then by blocking key (`*`: a small group's one list). */
  private postings = new Map<string, Map<string, number[]>>();
  private postingsOf(group: string): Map<string, number[]> {
    let byKey = this.postings.get(group);
    if (!byKey) this.postings.set(group, byKey = new Map());
    return byKey;
  }
  private groupSize = new Map<string, number>();

  private termIds = new Map<string, number>();
  private docIds = new Map<string, number>();
  private docId(doc: string): number {
    let id = this.docIds.get(doc);
    if (id === undefined) this.docIds.set(doc, id = this.docIds.size);
    return id;
  }
  private termNames: string[] = [];
  private topics = new WeakMap<string[], Set<string>>();
  private countrySets = new WeakMap<string[], ReadonlySet<string>>();
  private termId(t: string): number {
    let id = this.termIds.get(t);
    if (id === undefined) { this.termIds.set(t, id = this.termNames.length); this.termNames.push(t); }
    return id;
  }

  private newItem(i: number, c: ClaimInput, group: string | null): Item {
    let topic = this.topics.get(c.features.topic);
    if (!topic) this.topics.set(c.features.topic, topic = new Set(c.features.topic));
    let countries = this.countrySets.get(c.features.countries);
    if (!countries) this.countrySets.set(c.features.countries, countries = new Set(c.features.countries));
    return {
      i, f: c.figure, x: c.features, group: group ?? '', sentKey: this.docId(c.figure.doc) * 1048576 + c.features.sentence, norm: 0,
      top: 0, nTop: 0, loc: 0, nLoc: 0, localSum: 0, topic, countries, precise: false,
      holder: c.figure.holder ? this.canon(c.figure.holder) : null, near: this.canonAll(c.features.near), ents: this.canonAll(c.figure.entities), telling: -1, direction: directionOf(c.features), measures: measuresOf(c.features),
      flow: c.features.flow ? this.canon(c.features.flow[0]) + '\u0001' + this.canon(c.features.flow[1]) : null,
      opener: c.features.opener ? this.canon(c.features.opener) : null,
      forecaster: c.features.forecaster ? this.canon(c.features.forecaster) : null, forecast: isForecast(c.features),
      route: c.features.route ? [this.canon(c.features.route[0]), this.canon(c.features.route[1])].sort().join('\u0001') : null,
    };
  }

  /**
   * Every item's weighted term ids, in two flat arrays (ids, weights): an item's top terms, then its local
   * ones. Only appended to (grown by doubling), so the runs of earlier items stay where they are.
   */
  private termStoreIds = new Int32Array(0);
  private termStoreW = new Float64Array(0);
  private termStoreLength = 0;
  private reserveTerms(k: number): void {
    const need = this.termStoreLength + k;
    if (need <= this.termStoreIds.length) return;
    const size = Math.max(need, this.termStoreIds.length * 2, 1024);
    const ids = new Int32Array(size), ws = new Float64Array(size);
    ids.set(this.termStoreIds.subarray(0, this.termStoreLength)); ws.set(this.termStoreW.subarray(0, this.termStoreLength));
    this.termStoreIds = ids; this.termStoreW = ws;
  }

  /** The store cut down to what it holds, with some room for figures attached later. */
  private trimTerms(): void {
    const n = this.termStoreLength, size = n + Math.max(1024, n >> 4);
    if (size >= this.termStoreIds.length) return;
    this.termStoreIds = this.termStoreIds.slice(0, size); this.termStoreW = this.termStoreW.slice(0, size);
  }

  /** A figure's context as weighted term ids: its most telling nearby words, and the words right around it. */
  private describe(it: Item, termIds: ArrayLike<number>, from: number, count: number, idf: (id: number) => number): void {
    const weights = it.x.weights;
    // every word gets in while fewer than TOP_TERMS are kept: the top run is that long; the local run at most as long as the words
    const nTop = Math.min(TOP_TERMS, count);
    this.reserveTerms(nTop + count);
    const store = this.termStoreIds, storeW = this.termStoreW;
    const top = this.termStoreLength, loc = top + nTop;
    // the TOP_TERMS heaviest (earlier first among equals), and the close ones (kept by id as they come)
    const topIds = topIdsScratch, topW = topWScratch;
    let n = 0, nLoc = 0;
    for (let k = 0; k < count; k++) {
      const id = termIds[from + k]!, v = idf(id), w = v * weights[k]!;
      if (n < TOP_TERMS || w > topW[n - 1]!) {
        let p = n;
        while (p > 0 && topW[p - 1]! < w) { topIds[p] = topIds[p - 1]!; topW[p] = topW[p - 1]!; p--; }
        topIds[p] = id; topW[p] = w;
        if (n < TOP_TERMS) n++;
      }
      if (weights[k]! >= 0.7) {
        let p = loc + nLoc;
        while (p > loc && store[p - 1]! > id) { store[p] = store[p - 1]!; storeW[p] = storeW[p - 1]!; p--; }
        store[p] = id; storeW[p] = v; nLoc++;
        it.localSum += v;
      }
    }
    let sq = 0;
    for (let i = 0; i < n; i++) sq += topW[i]! * topW[i]!;
    it.norm = Math.sqrt(sq);
    it.telling = n ? topIds[0]! : -1;
    // by id, for merging two lists
    for (let i = 0; i < n; i++) {
      const id = topIds[i]!, w = topW[i]!;
      let p = top + i;
      while (p > top && store[p - 1]! > id) { store[p] = store[p - 1]!; storeW[p] = storeW[p - 1]!; p--; }
      store[p] = id; storeW[p] = w;
    }
    it.top = top; it.nTop = n; it.loc = loc; it.nLoc = nLoc;
    this.termStoreLength = loc + nLoc;
    it.precise = !it.x.round && significant(it.f) >= 3;
  }

  /** A figure added after the build, described with the build's word weights. */
  private prepare(c: ClaimInput): Item {
    const g = groupKey(c.figure, c.features);
    const it = this.newItem(this.built.length, c, g);
    const unseen = Math.log(1 + this.n);
    const ids = c.features.terms.map(t => this.termId(t));
    this.describe(it, ids, 0, ids.length, id => this.idfById[id] ?? unseen);
    return it;
  }

  /**
   * Incremental step: the figure ids (from earlier builds or attachments) that a new figure is most likely
   * the same quantity as, best first. `alive` says whether an earlier figure still exists (it is given the
   * figure object too: an edited document's new figures reuse the ids of its old ones). Dead entries met in
   * a posting list's window are dropped from it, so repeated edits of one document do not crowd out the
   * live candidates.
   */
  attach(c: ClaimInput, alive: (id: string, figure: Figure) => boolean): { item: number; best: string[] } {
    const it = this.prepare(c);
    this.items.push(c);
    this.built.push(it);
    this.byId?.set(it.f.id, it);
    const best: { id: string; score: number }[] = [];
    const candidates = new Map<string, Item>();
    candidates.set(it.f.id, it);
    if (it.group) {
      const seen = new Set<number>();
      for (const group of groupsOf(it)) {
        const keys = (this.groupSize.get(group) ?? 0) <= SMALL_GROUP ? ALL_KEY : this.blockKeys(it);
        const size = keys === ALL_KEY ? SMALL_GROUP : WINDOW * 4;
        const byKey = this.postingsOf(group);
        for (const k of keys) {
          let l = byKey.get(k);
          if (!l) byKey.set(k, l = []);
          // the last `size` live entries (in list order), dead ones on the way taken out of the list
          let p = l.length, live = 0, dead = 0;
          while (p > 0 && live < size) {
            const other = this.built[l[--p]!]!;
            if (alive(other.f.id, other.f)) live++; else dead++;
          }
          if (dead) {
            let w = p;
            for (let q = p; q < l.length; q++) { const j = l[q]!; const other = this.built[j]!; if (alive(other.f.id, other.f)) l[w++] = j; }
            l.length = w;
          }
          for (let q = p; q < l.length; q++) {
            const j = l[q]!;
            if (seen.has(j)) continue;
            seen.add(j);
            const other = this.built[j]!;
            const sc = this.scoreOf(other, it);
            if (sc >= LINK_THRESHOLD) { best.push({ id: other.f.id, score: sc }); candidates.set(other.f.id, other); }
          }
          l.push(it.i);
        }
        this.groupSize.set(group, (this.groupSize.get(group) ?? 0) + 1);
      }
    }
    this.lastAttached = candidates;
    best.sort((a, b) => b.score - a.score);
    return { item: it.i, best: best.map(b => b.id) };
  }

  /** The figure last attached and its candidates, by id: what `why()` is asked about right after `attach()`. */
  private lastAttached = new Map<string, Item>();
  /** Every item by figure id: built only when `why()` is asked about figures outside the last attachment. */
  private byId: Map<string, Item> | null = null;
  /** Reasons for a link between two figures known to the builder (the words worked out when first read). */
  why(a: string, b: string): LinkReason | null {
    const near = this.lastAttached;
    let A = near.get(a), B = near.get(b);
    if (!A || !B) {
      if (!this.byId) this.byId = new Map(this.built.map(x => [x.f.id, x]));
      A ??= this.byId.get(a); B ??= this.byId.get(b);
    }
    if (!A || !B) return null;
    return this.lazyLink(A, B, this.scoreOf(A, B));
  }

  /** Agreement of a set of figures (their claim's status). */
  statusOf(xs: ClaimInput[]): ClaimStatus {
    if (xs.length < 2) return 'single';
    return commonValue(xs.filter(c => !c.features.relativeDate)) ? 'agree' : 'conflict';
  }

  /** Why two figures were (or were not) linked: the score, its reasons, or null when they may not be compared. */
  explain(a: string, b: string): { score: number; why: string[] } | null {
    const A = this.built.find(x => x.f.id === a), B = this.built.find(x => x.f.id === b);
    return A && B ? this.score(A, B) : null;
  }

  build(): Claim[] {
    const items: Item[] = [];
    this.built = items;
    // document frequency of each context word over the comparable figures
    const df: number[] = [], seenBy: number[] = [];
    // the comparable figures' context words as term ids: item i's from termFrom[i] to termFrom[i + 1] in termIds
    let total = 0;
    for (const c of this.items) total += c.features.terms.length;
    const termIds = new Int32Array(total), termFrom = new Int32Array(this.items.length + 1);
    let at = 0;
    this.items.forEach((c, i) => {
      const g = groupKey(c.figure, c.features);
      const it = this.newItem(i, c, g);
      items.push(it);
      termFrom[i] = at;
      if (!g) return;
      const terms = c.features.terms;
      for (let k = 0; k < terms.length; k++) {
        const id = this.termId(terms[k]!);
        termIds[at++] = id;
        if (seenBy[id] !== i + 1) { seenBy[id] = i + 1; df[id] = (df[id] ?? 0) + 1; }
      }
    });
    termFrom[this.items.length] = at;
    this.n = items.filter(x => x.group).length || 1;
    for (let id = 0; id < df.length; id++) this.idfById[id] = df[id] ? Math.log(1 + this.n / df[id]!) : 0;
    const idf = (id: number) => this.idfById[id] ?? 0;
    for (const it of items) if (it.group) this.describe(it, termIds, termFrom[it.i]!, termFrom[it.i + 1]! - termFrom[it.i]!, idf);
    this.trimTerms();

    // candidate pairs: small groups pair by pair; large ones through shared telling words, each figure
    // compared with the most recent few that share a key (bounded work however large the corpus)
    const groupSize = this.groupSize;
    for (const it of items) if (it.group) for (const g of groupsOf(it)) groupSize.set(g, (groupSize.get(g) ?? 0) + 1);
    // pairs that pass the threshold, as parallel arrays (there are about as many as figures)
    const pa: number[] = [], pb: number[] = [], ps: number[] = [];
    // a figure meets each earlier candidate once, however many keys they share
    const mark = new Int32Array(items.length);
    const consider = (a: number, b: number) => {
      if (mark[a] === b + 1) return;
      mark[a] = b + 1;
      const sc = this.scoreOf(items[a]!, items[b]!);
      if (sc >= LINK_THRESHOLD) { pa.push(a); pb.push(b); ps.push(sc); }
    };
    for (const it of items) {
      if (!it.group) continue;
      for (const group of groupsOf(it)) {
        const small = (groupSize.get(group) ?? 0) <= SMALL_GROUP;
        const keys = small ? ALL_KEY : this.blockKeys(it);
        const byKey = this.postingsOf(group);
        for (const k of keys) {
          let l = byKey.get(k);
          if (!l) byKey.set(k, l = []);
          const from = small ? 0 : Math.max(0, l.length - WINDOW);
          for (let p = from; p < l.length; p++) consider(l[p]!, it.i);
          l.push(it.i);
        }
      }
    }
    // best first; equal scores in the order found
    const byScore = byScoreDescending(ps);

    // constrained greedy merging over cluster summaries
    const parent = items.map((_, i) => i);
    const find = (x: number): number => { while (parent[x] !== x) { parent[x] = parent[parent[x]!]!; x = parent[x]!; } return x; };
    const splitOf = this.splitSets();
    // without split rules no cluster has splits: the figure ids and splits of every summary stay one shared empty set
    const anySplits = splitOf.size > 0;
    const none = new Set<string>();
    // the summary of each cluster, by root
    const sum: (Summary | undefined)[] = new Array(items.length).fill(undefined);
    const summaryOf = (i: number): Summary => {
      let s = sum[i];
      if (!s) {
        const it = items[i]!, f = it.f;
        s = { members: [i], near: null, nearList: null, sents: null, holder: it.holder, by: f.time.mode === 'by' ? f.time.when : null, at: f.time.mode === 'at' ? f.time.when : null, target: f.time.target, splits: anySplits ? new Set(splitOf.get(f.id) ?? []) : none, ids: anySplits ? new Set([f.id]) : none, links: NO_LINKS };
        sum[i] = s;
      }
      return s;
    };
    const inSents = (S: Summary, k: number) => S.sents ? S.sents.has(k) : items[S.members[0]!]!.sentKey === k;
    // what a cluster is about, each name once (aboutDifferent counts names: the order does not matter)
    // (a cluster's set as a list made once until the cluster grows: a copy per attempt cost a big cluster's size each time it was compared)
    const nearList = (S: Summary): readonly string[] => S.near ? (S.nearList ??= [...S.near]) : distinct(items[S.members[0]!]!.near);
    const canMerge = (A: Summary, B: Summary): boolean => {
      if (A.target !== B.target) return false;
      if (A.holder && B.holder && A.holder !== B.holder) return false;
      if (A.by && B.by && A.by !== B.by) return false;
      if (A.at && B.at && A.at !== B.at) return false;
      const swap = A.members.length < B.members.length, small = swap ? A : B, big = swap ? B : A;
      if (small.sents) { for (const k of small.sents) if (inSents(big, k)) return false; }
      else if (inSents(big, items[small.members[0]!]!.sentKey)) return false;
      if (anySplits) for (const id of small.ids) if (big.splits.has(id)) return false;
      // both about named things, and never the same ones
      if (aboutDifferent(nearList(small), nearList(big))) return false;
      // two groups join only when they hang together on average, not through one chance pair
      if (A.members.length > 1 || B.members.length > 1) {
        let total = 0, n = 0;
        for (let p = 0; p < Math.min(A.members.length, 3); p++) for (let q = 0; q < Math.min(B.members.length, 3); q++) {
          const sc = this.scoreOf(items[A.members[p]!]!, items[B.members[q]!]!);
          total += sc === -Infinity ? -0.5 : sc; n++;
        }
        if (total / n < LINK_THRESHOLD - 0.1) return false;
      }
      return true;
    };
    const union = (ra: number, rb: number, why: LinkReason | null, force: boolean): boolean => {
      const A = summaryOf(ra), B = summaryOf(rb);
      if (!force && !canMerge(A, B)) return false;
      const first = A.members.length >= B.members.length;
      const keep = first ? A : B, gone = first ? B : A, rk = first ? ra : rb, rg = first ? rb : ra;
      parent[rg] = rk;
      const sents = keep.sents ??= new Set([items[keep.members[0]!]!.sentKey]);
      const near = keep.near ??= new Set(items[keep.members[0]!]!.near);
      keep.nearList = null;
      for (const m of gone.members) keep.members.push(m);
      if (gone.sents) for (const k of gone.sents) sents.add(k);
      else sents.add(items[gone.members[0]!]!.sentKey);
      if (anySplits) {
        for (const k of gone.splits) keep.splits.add(k);
        for (const k of gone.ids) keep.ids.add(k);
      }
      for (const k of gone.near ?? items[gone.members[0]!]!.near) near.add(k);
      keep.holder ??= gone.holder; keep.by ??= gone.by; keep.at ??= gone.at;
      const links = keep.links === NO_LINKS ? (keep.links = []) : keep.links;
      for (const l of gone.links) links.push(l);
      if (why) links.push(why);
      sum[rg] = undefined;
      return true;
    };
    // figure ids to items, for the annotation file's joins (only made when there are some)
    let idIndex: Map<string, number> | null = null;
    const indexOf = (id: string) => (idIndex ??= new Map(items.map(it => [it.f.id, it.i]))).get(id);
    for (const j of this.rules.joins ?? []) {
      const ids = j.figures.map(indexOf).filter((x): x is number => x !== undefined);
      for (let k = 1; k < ids.length; k++) {
        const ra = find(ids[0]!), rb = find(ids[k]!);
        if (ra !== rb) union(ra, rb, { a: items[ids[0]!]!.f.id, b: items[ids[k]!]!.f.id, score: 1, why: ['joined in the annotation file'] }, true);
      }
    }
    for (const q of byScore) {
      const a = pa[q]!, b = pb[q]!;
      const ra = find(a), rb = find(b);
      if (ra === rb) {
        const s = summaryOf(ra);
        if (s.links.length < MAX_LINKS) (s.links === NO_LINKS ? (s.links = []) : s.links).push(this.lazyLink(items[a]!, items[b]!, ps[q]!));
        continue;
      }
      const A = summaryOf(ra), B = summaryOf(rb);
      if (canMerge(A, B)) union(ra, rb, this.lazyLink(items[a]!, items[b]!, ps[q]!), true);
    }
    // the clusters in the order of their first figures, each cluster's members (ascending) as one run of `runs`
    const n = items.length;
    const rootOf = new Int32Array(n), size = new Int32Array(n), start = new Int32Array(n).fill(-1);
    for (let i = 0; i < n; i++) { const r = find(i); rootOf[i] = r; size[r]++; }
    const roots: number[] = [];
    for (let i = 0, off = 0; i < n; i++) { const r = rootOf[i]!; if (start[r] === -1) { start[r] = off; off += size[r]!; roots.push(r); } }
    const runs = new Int32Array(n), fill = start.slice();
    for (let i = 0; i < n; i++) runs[fill[rootOf[i]!]!++] = i;

    // modifier dates join the claim of the figure they date: all the "by 2030" of one target agree by construction
    const claims: Claim[] = [];
    const labels = new Map((this.rules.labels ?? []).map(l => [l.figure, l.label]));
    const joinLabels = new Map<number, string>();
    for (const j of this.rules.joins ?? []) { const i = indexOf(j.figures[0] ?? ''); if (i !== undefined && j.label) joinLabels.set(find(i), j.label); }
    const claimOf = this.claimIndexOfItem = new Int32Array(n);
    for (const r of roots) {
      const from = start[r]!, k = size[r]!;
      for (let j = from; j < from + k; j++) claimOf[runs[j]!] = claims.length;
      const status = this.status(runs, from, k);
      let label = joinLabels.get(r);
      const figures: string[] = new Array(k);
      for (let j = 0; j < k; j++) {
        const id = items[runs[from + j]!]!.f.id;
        figures[j] = id;
        if (!label && labels.has(id)) label = labels.get(id);
      }
      // labels and display values are read for few claims (conflicts, hovers): worked out when first read
      // (a claim without links shares one empty list until a patch links a figure to it)
      const links = sum[r]?.links;
      claims.push(new BuiltClaim(status, figures, links?.length ? links : NO_LINKS, label, items, runs, from, k, this.textOf));
    }
    return claims;
  }

  private splitSets(): Map<string, Set<string>> {
    const m = new Map<string, Set<string>>();
    for (const group of this.rules.splits ?? []) for (const a of group) for (const b of group) if (a !== b) {
      let s = m.get(a); if (!s) m.set(a, s = new Set()); s.add(b);
    }
    return m;
  }

  private blockKeys(it: Item): string[] {
    const keys: string[] = [];
    // the two most telling nearby words, the head noun, the event, and the value itself (close values are the usual conflict)
    if (it.f.head) keys.push('h:' + it.f.head);
    // the most telling word: the same statement with a value further off ("20% of the crop" / "25% of the crop")
    if (it.telling >= 0) keys.push('t:' + it.telling);
    if (it.x.event) keys.push('v:' + it.x.event + ':' + (it.x.phase ?? ''));
    const v = numeric(it.f);
    if (v !== null && v > 0) { const b = Math.floor(Math.log10(v) * 40); keys.push('n:' + b, 'n:' + (b + 1)); }
    else if (typeof it.f.value === 'string') keys.push('d:' + it.f.value.slice(0, 4));
    return keys;
  }

  /** Hard rules first: figures that may never be one quantity. */
  private comparable(a: Item, b: Item): boolean {
    if (!a.group || !b.group) return false;
    if (a.group !== b.group && !(a.group === WEEKDAY_GROUP ? datedWeekday(b) : b.group === WEEKDAY_GROUP && datedWeekday(a))) return false;
    if (a.sentKey === b.sentKey) return false;
    if (a.holder && b.holder && a.holder !== b.holder) return false;
    const fa = a.f, fb = b.f;
    if (!timeCompatible(fa, fb)) return false;
    if (fa.kind === 'rank' && (!a.holder || !b.holder)) return false;
    // trade the other way, or between others: "Hungarian exports to Morocco" is not "Moroccan exports to Hungary"
    if (a.flow && b.flow && a.flow !== b.flow) return false;
    // another way: "the drive from Kalvormouth to Osterpur" is not the drive from Elskan to Kalvormouth
    if (a.route && b.route && a.route !== b.route) return false;
    // two forecasters' forecasts: that they differ is no conflict between the sources
    if (a.forecaster && b.forecaster && a.forecaster !== b.forecaster) return false;
    // and a forecast is not what came about: "expects Spain's economy to grow 3.6 to 4.1 percent" / "grew 4.2 percent"
    if (a.forecast !== b.forecast) return false;
    // a person's figure and one of a name nothing identified, that opens its sentence the same way ("Taa Yorane
    // spent eleven years abroad" / "Kovovic spent ten years abroad"): two people, unless the name is that person's
    if ((a.x.personHolder && !b.holder && b.opener && b.opener !== a.holder) || (b.x.personHolder && !a.holder && a.opener && a.opener !== b.holder)) return false;
    // and two such names: "Grimada is on a two-day state visit to Spain that began on Monday" / "Wickani is on ..."
    if (!a.holder && !b.holder && a.opener && b.opener && a.opener !== b.opener) return false;
    // a share of a whole is no change: "20 percent of Zambia's exports" is not "Zambian exports fell 19%"
    if (fa.kind === 'percent' && a.x.shareOf !== b.x.shareOf && (a.x.shareOf ? b.direction : a.direction) !== 0) return false;
    // shares of two wholes: "20% of Portugal's exports" is not "21% of planted land", nor "34% of output"
    if (a.x.whole && b.x.whole && !a.x.whole.some(w => b.x.whole!.includes(w))) return false;
    // a figure that names nothing it is about is identified only by its article: articles about different things never share it
    if (fa.doc !== fb.doc && (!a.near.length || !b.near.length) && topicsDisjoint(a, b)) return false;
    // nor do articles about two different pairs of countries ("the two sides signed 14 agreements"), also when the
    // figures name only those countries ("the Spanish delegation" of a visit to Spain by Bangladesh's leader, and of one by Ethiopia's)
    if (fa.doc !== fb.doc && pairsApart(a, b) && (!a.near.length || !b.near.length || (ofHeadline(a) && ofHeadline(b)))) return false;
    // a figure that says no time is as of its article's date: articles published more than a year apart give two
    // quantities ("79.8 million people were registered to vote" in 2020, "88.4 million" in 2026)
    // (in an article of unknown date, as of the latest day it gives)
    if (fa.kind !== 'date' && !fa.time.when && !fb.time.when && asOfApart(a.x, b.x)) return false;
    // so is a date read off its article's date ("on Sunday", "last week"): results published "on Sunday" in 2025 and
    // "on Monday" in 2026 are two elections
    if (fa.kind === 'date' && offPublication(a.x) && offPublication(b.x) && publishedApart(a.x, b.x, 2)) return false;
    // and so are dates each article gives of its own time: "voters went to the polls on May 24, 2019" in a report
    // published two days later, and "on 15 January 2026" in one of 18 January 2026
    if (fa.kind === 'date' && publishedApart(a.x, b.x) && ofItsTime(fa, a.x) && ofItsTime(fb, b.x)) return false;
    // dates of one event and its start are not the date of its end
    if (fa.kind === 'date' && (a.x.phase || b.x.phase) && a.x.phase !== b.x.phase) return false;
    // weekdays only for the same event and phase ("the visit began on Monday")
    if ((a.group === WEEKDAY_GROUP || b.group === WEEKDAY_GROUP) && !(a.x.event && a.x.event === b.x.event && a.x.phase && a.x.phase === b.x.phase)) return false;
    return true;
  }

  /** How likely two figures measure the same quantity; -Infinity when they may not be compared. */
  scoreOf(a: Item, b: Item): number {
    if (!this.comparable(a, b)) return -Infinity;
    const fa = a.f, fb = b.f;
    const ids = this.termStoreIds, ws = this.termStoreW;
    const dot = sharedWeight(ids, ws, a.top, a.nTop, b.top, b.nTop, true);
    const wide = a.norm && b.norm ? dot / (a.norm * b.norm) : 0;
    // the words right around each figure
    const ls = sharedWeight(ids, ws, a.loc, a.nLoc, b.loc, b.nLoc, false);
    const local = a.localSum && b.localSum ? (ls / (a.localSum + b.localSum - ls) + ls / Math.min(a.localSum, b.localSum)) / 2 : 0;
    let ent = 0;
    if (a.ents.length && b.ents.length) {
      let common = 0;
      for (const e of a.ents) if (b.ents.includes(e)) common++;
      ent = common / Math.sqrt(a.ents.length * b.ents.length);
    }
    let score = 0.5 * local + 0.25 * wide + 0.2 * ent;
    // about different things: both name what they are about, and the names differ
    if (a.near.length && b.near.length) {
      let common = 0;
      for (const k of a.near) if (b.near.includes(k)) common++;
      const j = common / (a.near.length + b.near.length - common);
      score += !common || aboutDifferent(a.near, b.near) ? -0.4 : j < 0.5 ? 0 : 0.08;
    }
    // one went up, the other down: "exports fell 6%" and "the economy grew 5.9%" are not one change
    const da = a.direction, db = b.direction;
    if (da && db && da !== db) score -= 0.3;
    const va = numeric(fa), vb = numeric(fb);
    // the same wording with another word in one place: "people work in banking" is not "people work in tourism"
    // (by more when the values differ: that would be a conflict, and "Greece wants energy to make up 34% of output by
    // 2045" is not "Greece wants textiles to make up 37%", however alike the rest)
    const sameNum = va !== null && va === vb;
    const same = sameNum || (va === null && typeof fa.value === 'string' && fa.value === fb.value);
    if (slotDiffers(a.x, b.x)) score -= same ? 0.6 : 0.8;
    // different values of two things measured: "Thailand's economy grew 6.2 percent in 2019" is not "Spending on steel
    // has risen ..., though growth slowed to 6 percent" (equal values lose nothing: a sentence may name what another
    // figure of it measures, "investment totals US$1.1 billion and the 12 agreements would bring it up")
    if (!same && a.measures && b.measures && !(a.measures & b.measures)) score -= 0.6;
    // articles about different things: none of their main entities in common (when either figure names nothing
    // it is about, `comparable` has already found they are not)
    if (fa.doc !== fb.doc && a.near.length && b.near.length && topicsDisjoint(a, b)) score -= 0.5;
    // the noun counted; for different values, only when the wording has more in common than that noun
    // ("a city of 316,000 people" / "374,000 residents were evacuated"; "12 agreements" / "the 12 agreements")
    if (fa.head && fa.head === fb.head) score += sameNum || !onlyHeadShared(ids, this.termIds.get(fa.head), a, b) ? 0.15 : -0.15;
    if (a.x.event && a.x.event === b.x.event) { score += 0.15; if (a.x.phase && a.x.phase === b.x.phase) score += 0.2; }
    if (va !== null && vb !== null) {
      const d = Math.abs(va - vb) / Math.max(Math.abs(va), Math.abs(vb), 1e-9);
      const precise = a.precise && b.precise;
      if (d <= 1e-9) score += precise ? 0.4 : 0.2;
      else if (d <= 0.02) score += precise ? 0.36 : 0.15;
      else if (d <= 0.05) score += 0.12;
      else if (d <= 0.15) score += 0.08;
      else if (d <= 0.2) score += 0.04;
      else if (d > 0.5) score -= 0.35;
      else if (d > 0.25) score -= 0.15;
    } else if (fa.kind === 'date' && typeof fa.value === 'string' && typeof fb.value === 'string') {
      if (fa.value === fb.value) score += 0.15;
      else if (fa.value.length > 4 && fb.value.length > 4 && fa.value.slice(4, 7) === fb.value.slice(4, 7)) score += 0.12;
    }
    if (fa.time.target && fb.time.target) score += va !== null && va === vb ? 0.2 : 0.1;
    if (fa.time.when && fa.time.when === fb.time.when) score += fa.time.mode === 'by' ? 0.15 : 0.08;
    // different values with not one word in common, nor the event they date: nothing says they are one quantity
    // ("Hungary wants energy to make up 34% of output" / "the company plans to ship 33% of what it makes")
    if (dot === 0 && !same && !(a.x.event && a.x.event === b.x.event)) score -= 0.3;
    return score;
  }

  /** A kept link; its reasons in words are worked out when first read (most are never shown). */
  private lazyLink(A: Item, B: Item, score: number): LinkReason {
    return new LazyLink(this, A, B, Math.round(score * 100) / 100);
  }

  /** The reasons behind a link, in words (computed only for links that are kept). */
  reasons(a: Item, b: Item): string[] {
    const why: string[] = [];
    const fa = a.f, fb = b.f;
    const ids = this.termStoreIds, ws = this.termStoreW;
    const inB = new Set(ids.subarray(b.top, b.top + b.nTop));
    // shared words, the most telling first
    const shared: number[] = [];
    for (let k = a.top; k < a.top + a.nTop; k++) if (inB.has(ids[k]!)) shared.push(k);
    // in the words the articles use ("evacuated, province", not the stems "evacuat, provinc")
    const said = surfaceWords([fa, fb], this.textOf);
    const words = shared.sort((x, y) => ws[y]! - ws[x]!).map(k => this.termNames[ids[k]!]!);
    if (words.length) why.push(`shared words: ${words.slice(0, 5).map(w => said(w) ?? w).join(', ')}`);
    const ents = a.ents.filter(e => b.ents.includes(e)).length;
    if (ents) why.push(`same entities (${ents})`);
    if (aboutDifferent(a.near, b.near)) why.push('about different entities');
    if (fa.head && fa.head === fb.head) why.push(`both count "${said(fa.head) ?? fa.head}"`);
    if (a.x.event && a.x.event === b.x.event) why.push(`both date the ${a.x.event}${a.x.phase && a.x.phase === b.x.phase ? ' ' + a.x.phase : ''}`);
    const va = numeric(fa), vb = numeric(fb);
    if (va !== null && vb !== null) {
      const d = Math.abs(va - vb) / Math.max(Math.abs(va), Math.abs(vb), 1e-9);
      if (d <= 1e-9) why.push('same value'); else if (d <= 0.05) why.push('close values');
    } else if (fa.value === fb.value && fa.value !== null) why.push('same date');
    if (fa.time.target && fb.time.target) why.push('both targets');
    if (fa.time.when && fa.time.when === fb.time.when) why.push(`both ${fa.time.mode === 'by' ? 'by' : 'in'} ${fa.time.when}`);
    return why;
  }

  score(a: Item, b: Item): { score: number; why: string[] } | null {
    const s = this.scoreOf(a, b);
    return s === -Infinity ? null : { score: s, why: this.reasons(a, b) };
  }

  /** The status of the claim of the `k` items from `from` in `runs`. */
  private status(runs: Int32Array, from: number, k: number): ClaimStatus {
    if (k < 2) return 'single';
    // a date read off the publication date ("this week") is shown with the claim but does not make a conflict
    const stated: ClaimInput[] = [];
    for (let j = from; j < from + k; j++) { const c = this.items[runs[j]!]!; if (!c.features.relativeDate) stated.push(c); }
    return commonValue(stated) ? 'agree' : 'conflict';
  }
}

/*
 * Lazy members as own, enumerable accessor properties (so JSON, spreads and Object.keys see them as plain
 * fields), over private fields. Every object shares one accessor pair per property: a closure per object
 * (as a defineProperty per object would) gives each object its own hidden class, in dictionary mode, with a property hash
 * table and the closures' contexts besides.
 */

/** A link kept in a claim: its reasons in words (`why`) are worked out when first read. Keys a, b, score, why. */
class LazyLink implements LinkReason {
  declare a: string;
  declare b: string;
  declare score: number;
  declare readonly why: string[];
  readonly #builder: ClaimBuilder;
  readonly #A: Item;
  readonly #B: Item;
  #why: string[] | null = null;
  constructor(builder: ClaimBuilder, A: Item, B: Item, score: number) {
    this.#builder = builder; this.#A = A; this.#B = B;
    this.a = A.f.id; this.b = B.f.id; this.score = score;
    Object.defineProperty(this, 'why', LazyLink.#whyAccessor);
  }
  static readonly #whyAccessor: PropertyDescriptor = {
    enumerable: true, configurable: true,
    get(this: LazyLink) { return this.#why ??= this.#builder.reasons(this.#A, this.#B); },
  };
}

/**
 * A claim of the whole-corpus pass. Keys in the order id, status, figures, links, verdicts, resolved, label,
 * values; label (unless given) and values worked out from the members when first read; assigning either replaces it.
 */
class BuiltClaim implements Claim {
  declare id: string;
  declare status: ClaimStatus;
  declare figures: string[];
  declare links: LinkReason[];
  declare verdicts: Claim['verdicts'];
  declare resolved: boolean;
  declare label: string;
  declare values: string[];
  #label: string | undefined;
  #values: string[] | undefined = undefined;
  /** Bit 1: label made or assigned; bit 2: values made or assigned. */
  #made: number;
  /** The builder's items, and the members' indices among them: `#count` entries from `#from` in `#runs` (shared by the claims of a build). */
  readonly #items: readonly Item[];
  readonly #runs: Int32Array;
  readonly #from: number;
  readonly #count: number;
  readonly #textOf: TextOf;
  constructor(status: ClaimStatus, figures: string[], links: LinkReason[], label: string | undefined, items: readonly Item[], runs: Int32Array, from: number, count: number, textOf: TextOf) {
    this.#label = label; this.#made = label === undefined ? 0 : 1; this.#textOf = textOf;
    this.#items = items; this.#runs = runs; this.#from = from; this.#count = count;
    this.id = ''; this.status = status; this.figures = figures; this.links = links;
    Object.defineProperty(this, 'verdicts', BuiltClaim.#verdictsAccessor);
    this.resolved = false;
    Object.defineProperty(this, 'label', BuiltClaim.#labelAccessor);
    Object.defineProperty(this, 'values', BuiltClaim.#valuesAccessor);
  }
  /** Made when first read: most claims never have a verdict, nor are asked for one. */
  #verdicts: Claim['verdicts'] | null = null;
  static readonly #verdictsAccessor: PropertyDescriptor = {
    enumerable: true, configurable: true,
    get(this: BuiltClaim) { return this.#verdicts ??= {}; },
    set(this: BuiltClaim, v: Claim['verdicts']) { this.#verdicts = v; },
  };
  #members(): Item[] {
    const out: Item[] = [];
    for (let j = this.#from; j < this.#from + this.#count; j++) out.push(this.#items[this.#runs[j]!]!);
    return out;
  }
  static readonly #labelAccessor: PropertyDescriptor = {
    enumerable: true, configurable: true,
    get(this: BuiltClaim) {
      if (!(this.#made & 1)) { const ms = this.#members(); this.#label = labelOf(ms.map(it => it.f), ms.map(it => it.x), this.#textOf); this.#made |= 1; }
      return this.#label;
    },
    set(this: BuiltClaim, v: string) { this.#label = v; this.#made |= 1; },
  };
  static readonly #valuesAccessor: PropertyDescriptor = {
    enumerable: true, configurable: true,
    get(this: BuiltClaim) {
      if (!(this.#made & 2)) { this.#values = [...new Set(this.#members().map(it => displayValue(it.f)))]; this.#made |= 2; }
      return this.#values;
    },
    set(this: BuiltClaim, v: string[]) { this.#values = v; this.#made |= 2; },
  };
}

/**
 * A claim of one figure, as a patch makes it. Keys in the order id, label, status, figures, links, values,
 * verdicts, resolved (as a literal has them); the label (the words of the figure's sentence) worked out when
 * first read, since most such claims are dropped again by the next edit unread; assigning it replaces it.
 */
class SingleClaim implements Claim {
  declare id: string;
  declare label: string;
  declare status: ClaimStatus;
  declare figures: string[];
  declare links: LinkReason[];
  declare values: string[];
  declare verdicts: Claim['verdicts'];
  declare resolved: boolean;
  #label: string | undefined = undefined;
  #input: ClaimInput | null;
  readonly #textOf: TextOf;
  constructor(id: string, input: ClaimInput, textOf: TextOf) {
    this.#input = input; this.#textOf = textOf;
    this.id = id;
    Object.defineProperty(this, 'label', SingleClaim.#labelAccessor);
    this.status = 'single'; this.figures = []; this.links = []; this.values = []; this.verdicts = {}; this.resolved = false;
  }
  static readonly #labelAccessor: PropertyDescriptor = {
    enumerable: true, configurable: true,
    get(this: SingleClaim) {
      const input = this.#input;
      if (input) { this.#label = labelOf([input.figure], [input.features], this.#textOf); this.#input = null; }
      return this.#label;
    },
    set(this: SingleClaim, v: string) { this.#label = v; this.#input = null; },
  };
}

/** A new claim of one figure (see `SingleClaim`). */
export function singleFigureClaim(id: string, input: ClaimInput, textOf: TextOf = () => undefined): Claim {
  return new SingleClaim(id, input, textOf);
}

/** 10 to the number of zeros an integer ends in (25,400 → 100). */
function trailingStep(v: number): number {
  let s = 1, n = Math.round(Math.abs(v));
  while (n >= 10 && n % 10 === 0) { n /= 10; s *= 10; }
  return s;
}

/**
 * What a figure's value allows: an interval (unbounded for an undated weekday), and the weekday a date was
 * written as ("Monday", read as August 11 or not at all).
 */
export interface ValueSpan { lo: number; hi: number; weekday: number | null }
export function spanOf(c: ClaimInput): ValueSpan | null {
  if (c.features.weekday !== null && typeof c.figure.value === 'string' && !/^\d/.test(c.figure.value)) return { lo: -Infinity, hi: Infinity, weekday: c.features.weekday };
  const iv = c.figure.kind === 'date' || typeof c.figure.value === 'string' ? (typeof c.figure.value === 'string' ? dateInterval(c.figure.value) : null) : valueInterval(c.figure, c.features.step, c.features.round);
  return iv ? { lo: iv[0], hi: iv[1], weekday: c.figure.kind === 'date' ? c.features.weekday : null } : null;
}
export function spansAgree(a: ValueSpan | null, b: ValueSpan | null): boolean {
  if (!a || !b) return true;
  if (a.weekday !== null && b.weekday !== null && a.weekday !== b.weekday) return false;
  const eps = 1e-12 * Math.max(1, Math.abs(a.hi), Math.abs(b.hi));
  return a.lo <= b.hi + eps && b.lo <= a.hi + eps;
}

/** Whether the values of these figures can all be true at once (intervals that pairwise overlap share a point). */
export function commonValue(xs: ClaimInput[]): boolean {
  let lo = -Infinity, hi = Infinity, weekday: number | null = null;
  for (const c of xs) {
    let iv: [number, number] | null;
    if (c.features.weekday !== null && typeof c.figure.value === 'string' && !/^\d/.test(c.figure.value)) {
      if (weekday !== null && weekday !== c.features.weekday) return false;
      weekday = c.features.weekday;
      continue;
    }
    if (c.figure.kind === 'date' && c.features.weekday !== null) {
      // a weekday read as a date is still that weekday
      if (weekday !== null && weekday !== c.features.weekday) return false;
      weekday = c.features.weekday;
    }
    if (c.figure.kind === 'date' || typeof c.figure.value === 'string') iv = typeof c.figure.value === 'string' ? dateInterval(c.figure.value) : null;
    else iv = valueInterval(c.figure, c.features.step, c.features.round);
    if (!iv) continue;
    lo = Math.max(lo, iv[0]); hi = Math.min(hi, iv[1]);
    if (lo > hi + 1e-12 * Math.max(1, Math.abs(hi))) return false;
  }
  return true;
}

function groupDigits(n: number): string {
  const [int, frac] = String(Math.round(n * 1e6) / 1e6).split('.');
  const g = int!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return frac ? `${g}.${frac}` : g;
}

export function displayValue(f: Figure): string {
  const v = f.value;
  const unit = f.unit ?? '';
  const num = (n: number) => {
    const a = Math.abs(n);
    if (f.kind === 'money' || a >= 1e6) {
      if (a >= 1e12) return `${+(n / 1e12).toPrecision(6)} trillion`;
      if (a >= 1e9) return `${+(n / 1e9).toPrecision(6)} billion`;
      if (a >= 1e6) return `${+(n / 1e6).toPrecision(6)} million`;
    }
    return groupDigits(n);
  };
  const q = f.qualifier ? { approx: '≈', 'more-than': '>', 'less-than': '<', 'at-least': '≥', 'up-to': '≤' }[f.qualifier] + ' ' : '';
  if (v === null) return f.relative ? `${f.relative} (unresolved)` : f.text;
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return `${q}${num(v[0])}–${num(v[1])}${unit === '%' ? '%' : unit ? ' ' + unit : ''}`;
  if (f.kind === 'money') return `${q}${unit} ${num(v)}`;
  if (f.kind === 'percent') return `${q}${num(v)}${unit === '%' ? '%' : ' ' + unit}`;
  if (f.kind === 'duration') return `${q}${num(v)} ${unit}${v === 1 ? '' : 's'}`;
  if (f.kind === 'rank') return `#${v}`;
  // (a distance: "1,541 km")
  return `${q}${num(v)}${unit ? ' ' + unit : ''}`;
}

const KIND_WORD: Record<string, string> = { money: 'amount', percent: 'share', count: 'number', date: 'date', duration: 'length', rank: 'rank' };

/** A document's text by name (undefined when not at hand). */
export type TextOf = (doc: string) => string | undefined;

/**
 * What a claim measures, in a few words: the kind of figure, then the two context words its figures share
 * most, as the first article writes them ("number: signed agreements", "amount: trade stood (2025)"), the
 * time it refers to; "date of visit" for dates. Without the texts, the words as compared (stems, concepts).
 */
export function labelOf(figs: Figure[], xs: FigureFeatures[], textOf: TextOf = () => undefined): string {
  const f = figs[0]!;
  // the most shared content words
  const counts = new Map<string, number>();
  figs.forEach((g, k) => {
    if (g.head) counts.set(g.head, (counts.get(g.head) ?? 0) + 3);
    xs[k]!.terms.forEach((t, i) => counts.set(t, (counts.get(t) ?? 0) + xs[k]!.weights[i]!));
  });
  // the two most shared words, in the order the first figure's sentence has them ("hotel … full", not "full hotel")
  const x0 = xs[0]!;
  const place = (w: string) => { const i = x0.terms.indexOf(w); return i < 0 ? 1e9 : i < x0.before ? -1 - i : i - x0.before + 1; };
  const top = [...counts.entries()].filter(e => e[0].length > 2).sort((a, b) => b[1] - a[1]).slice(0, 2).map(e => e[0]).sort((a, b) => place(a) - place(b));
  const said = surfaceWords(figs, textOf);
  const word = (t: string) => said(t) ?? t;
  // a date of a named event: "date of visit"; else like the other kinds, "date: signed agreements"
  const what = f.kind === 'date' && xs[0]!.event ? `date of ${xs[0]!.event}` : `${f.kind === 'count' && f.unit ? 'distance' : KIND_WORD[f.kind]}: ${top.map(word).join(' ') || (f.head ? word(f.head) : f.kind === 'date' ? 'event' : f.kind)}`;
  const time = f.time.mode === 'by' ? ` (target by ${f.time.when})` : f.time.target ? ' (target)' : f.time.mode === 'at' && f.time.when ? ` (${f.time.when})` : f.time.mode === 'current' ? ' (current)' : '';
  return what + time;
}

const WORD = /[\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)*/gu;

/**
 * A term (stem or concept) → the word a figure's sentence writes for it, looking in the first few figures' sentences.
 * The sentences are read only as far as needed: a label asks for two or three terms, usually near the first figure.
 */
function surfaceWords(figs: Figure[], textOf: TextOf): (term: string) => string | undefined {
  const seen = new Map<string, string>();
  let words: Iterator<RegExpMatchArray> | null = null, next = 0;
  return term => {
    let found = seen.get(term);
    while (found === undefined) {
      if (!words) {
        const g = figs[next++];
        if (!g || next > 3) return undefined;
        const text = textOf(g.doc);
        if (!text) continue;
        words = text.slice(g.sentenceStart, g.sentenceEnd).matchAll(WORD);
      }
      const m = words.next();
      if (m.done) { words = null; continue; }
      const w = m.value[0];
      const t = conceptOf(fold(w));
      if (seen.has(t)) continue;
      const said = /^\p{Lu}[\p{Ll}\p{M}]/u.test(w) && m.value.index === 0 ? w.toLowerCase() : w;
      seen.set(t, said);
      if (t === term) found = said;
    }
    return found;
  };
}
