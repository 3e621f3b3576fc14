// Analysis of one document: tokens, asides, the dateline, figures with the features
// that align them across sources, and entity mentions. Pure: text in, data out.
import { tokenize, asideRanges, inRanges, TK, TF, type Tokens, isPossessive } from './scan';
import { FigureReader, type RawFigure } from './figures';
import { readMentions, resolveShortForms, evidenceList, type RawMention, type AliasPair } from './mentions';
import { Cat, fold, conceptOf, isConcept, hashFold, termOf } from './lexicon';
import { parseIso, type YMD } from './dates';
import type { Figure } from './types';
import { isCountryKey, type Place } from './gazetteer';
import { isCommonWord } from './words';

export interface FigureFeatures {
  /** Context terms with weights by distance: the `before` first ones going back from the figure, then those after it, nearest first. */
  terms: string[];
  before: number;
  weights: number[];
  /** Step and rounding of the written value, for agreement by precision. */
  step: number;
  round: boolean;
  role: RawFigure['role'];
  event: string | null;
  phase: string | null;
  weekday: number | null;
  sentence: number;
  /** Entities named right around the figure (within a few words), speakers left out: what the figure is about. */
  near: string[];
  /** Relative dates ("this year") resolved against the publication date. */
  relativeDate: boolean;
  /**
   * A trade flow the figure's sentence names, exporter then importer (entity keys): "Hungarian exports to
   * Morocco", "Vietnam's exports to South Korea", "imports from Vietnam into South Korea". Null when the sentence
   * names no direction, or only one end of it.
   */
  flow: [string, string] | null;
  /** A way the sentence names by its two ends ("the drive from Dornia to Selkera", "flights between A and B"): entity keys, in text order. */
  route: [string, string] | null;
  /** Who makes the forecast the figure is ("The Westmark Development Bank expects South Korea's economy to grow 4.1%"): an entity key. */
  forecaster: string | null;
  /** A percentage of a whole: "20 percent of Zambia's exports" (not a change, nor a rate). */
  shareOf: boolean;
  /** That whole's words (context terms, up to three): "exports" of "20 percent of Zambia's exports", "planted, land". */
  whole: string[] | null;
  /** The holder is a person (an age, or the person who opens the sentence and does something in it). */
  personHolder: boolean;
  /**
   * For a figure without a holder: a capitalised word nothing identifies that opens the sentence and does
   * something in it ("Kovovic spent ten years abroad"), most likely a name; its key.
   */
  opener: string | null;
  /** What the whole article is about: its most mentioned entities. */
  topic: string[];
  /** Every country the article names (entity keys; demonyms count). */
  countries: string[];
  /** The countries its headline names (the title lines it opens with; a city counts as its country): what the article is about, when they are two. */
  headline: string[];
  /** The article's publication month (year × 12 + month), when known: what a figure that says no time is as of. */
  publishedMonth: number | null;
  /**
   * What a figure that says no time is as of: the publication month, or in an article of unknown date the month of
   * the latest day it gives ("The election, held on August 19, 2025, ..."): a report is written after the days it tells.
   */
  asOfMonth: number | null;
}

export interface DocAnalysis {
  doc: string;
  length: number;
  published: string | null;
  outlet: string | null;
  figures: Figure[];
  features: FigureFeatures[];
  mentions: RawMention[];
  aliases: AliasPair[];
  sentStart: number[];
  sentEnd: number[];
}

export interface DocOptions {
  /** Publication date from the annotation file (wins over the dateline). */
  published?: string | null;
  outlet?: string | null;
}

const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec';
const FULL_DATE = new RegExp(String.raw`\b(?:(${MONTHS})\.?\s+(\d{1,2}),?\s+(\d{4})|(\d{1,2})\s+(${MONTHS})\.?\s+(\d{4})|(\d{4})-(\d{2})-(\d{2}))\b`);
const MONTH_NUM: Record<string, number> = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12 };

/** The dateline: "By Jane Doe – The Daily Planet – August 13, 2025", "Published: 4 March 2026". */
export function findDateline(text: string): { date: string; outlet: string | null; start: number; end: number } | null {
  // a dateline sits among the first or the last lines
  const head = nthLineEnd(text, 15);
  const tail = Math.max(head, lastLinesStart(text, 12));
  return scanDateline(text, 0, head) ?? scanDateline(text, tail, text.length);
}

function nthLineEnd(text: string, n: number): number {
  let p = 0;
  for (let k = 0; k < n && p >= 0; k++) { p = text.indexOf('\n', p); if (p < 0) return text.length; p++; }
  return p;
}
function lastLinesStart(text: string, n: number): number {
  let p = text.length;
  for (let k = 0; k < n && p > 0; k++) { p = text.lastIndexOf('\n', p - 1); if (p < 0) return 0; }
  return p;
}

const WEEKDAY_BEFORE_DATE = /(?:^|\s)(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s*$/i;

function scanDateline(text: string, from: number, to: number): { date: string; outlet: string | null; start: number; end: number } | null {
  let pos = from;
  while (pos < to) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0) nl = text.length;
    // a line of its own, or the opening of a longer one (a wire dateline that starts the story)
    const short = nl - pos < 160;
    const line = text.slice(pos, short ? nl : pos + 80);
    const m = FULL_DATE.exec(line);
    if (m) {
      // (a weekday before the date belongs to the date: "Sunday, May 26, 2019", "The Daily Planet - Sunday, May 26, 2019")
      const before = line.slice(0, m.index).replace(WEEKDAY_BEFORE_DATE, '').trim();
      const after = line.slice(m.index + m[0].length).trim();
      const byline = short && (/^(?:by\b|published|posted|updated|first published|date[d:]?)/i.test(before) || /[–—|-]\s*$/.test(before) || (!before && !after) || /^(?:\p{Lu}[\p{L}\p{M}.]+\s*){1,4}[,–—-]\s*$/u.test(before));
      // "PRAGUE, March 4, 2026 (PBW) - Ivory Coast President ...": a place, a comma, the date, the agency, a dash
      // (a place of any script's letters: "Hà Nội, March 12, 2026 – ...")
      const wire = /^(?:\p{Lu}[\p{L}\p{M}.'’-]+\s*){1,4},\s*$/u.test(before) && !/^(?:in|on|at|by|from|since|until|as|of|for)\b/i.test(before) && /^(?:\([^()]{1,40}\)\s*)?(?:[–—]|--?)\s/.test(after);
      if ((byline && after.length < 20) || wire) {
        let y: number, mo: number, d: number;
        if (m[1]) { mo = MONTH_NUM[m[1].slice(0, 3).toLowerCase()]!; d = +m[2]!; y = +m[3]!; }
        else if (m[4]) { d = +m[4]; mo = MONTH_NUM[m[5]!.slice(0, 3).toLowerCase()]!; y = +m[6]!; }
        else { y = +m[7]!; mo = +m[8]!; d = +m[9]!; }
        const outletPart = before.replace(/[\s–—|-]+$/, '').split(/\s*[–—|]\s*|\s+-\s+/).map(s => s.trim()).filter(s => s && !/^by\b/i.test(s) && !/^(published|posted|updated)/i.test(s));
        const agency = wire ? /^\(([^()]{1,40})\)/.exec(after)?.[1] ?? null : null;
        const outlet = wire ? agency : outletPart.length ? outletPart[outletPart.length - 1]!.replace(/^the\s+/i, (x) => x) : null;
        const p = (n: number) => String(n).padStart(2, '0');
        if (mo >= 1 && mo <= 12 && d >= 1 && d <= 31) return { date: `${y}-${p(mo)}-${p(d)}`, outlet, start: pos + m.index, end: pos + m.index + m[0].length };
      }
    }
    pos = nl + 1;
  }
  return null;
}

export function analyzeDocument(doc: string, text: string, options: DocOptions = {}): DocAnalysis {
  const t = tokenize(text);
  const headings: [number, number][] = [];
  const asides = asideRanges(text, headings);
  const dateline = findDateline(text);
  const published = options.published ?? dateline?.date ?? null;
  const pub: YMD | null = published ? parseIso(published) : null;
  const R = new FigureReader(text, t, pub && pub.m && pub.d ? pub : null);
  const raw = R.read();
  const read = readMentions(text, t, R);
  const aliases = read.aliases;
  // a currency code or a number word read as a figure is no name ("EUR 53m", "VND 20 trillion")
  // (typed arrays are costly to allocate per document: scratch ones, cleared)
  const figTok = scratch(0, t.n);
  for (const f of raw) for (let k = f.first; k <= f.last; k++) figTok[k] = 1;
  // nor is a word of the page's furniture: "Related Articles", "Get Started Now: Download the App"
  const mentions = read.mentions.filter(m => (m.first < 0 || !figTok[m.first]) && !(headings.length && inRanges(headings, m.start)));
  // names shaped or described like places first: a short form is never a place's ("Pradelgrad" is not short
  // for "Port Caroanto Pradelgrad", a place, as if it were a family name)
  placeShapes(R, mentions);
  // ordinary words first: a headline of them ("Wysston Pay Dispute") is no person's full name for a short form
  filterInitials(text, t, mentions);
  resolveShortForms(mentions);

  const inAside = (o: number) => inRanges(asides, o);
  // mentions by sentence, for figure context
  const bySent = new Map<number, RawMention[]>();
  for (const m of mentions) { let l = bySent.get(m.sent); if (!l) bySent.set(m.sent, l = []); l.push(m); }

  // the article's topic: its most mentioned entities (cities count as their country too)
  const counts = new Map<string, number>();
  for (const m of mentions) if (!m.weak && !(m.initial && m.tokens === 1 && !m.place) && m.via !== 'demonym') counts.set(m.key, (counts.get(m.key) ?? 0) + 1);
  const placeOf = new Map<string, Place>();
  for (const m of mentions) if (m.place) placeOf.set(m.key, m.place);
  const topic: string[] = [];
  for (const [key] of mostCounted(counts, 5)) {
    const p = placeOf.get(key);
    if (!topic.includes(key)) topic.push(key);
    if (p && p.type === 'city' && !topic.includes(`place:${p.country}`)) topic.push(`place:${p.country}`);
  }
  const countries: string[] = [];
  for (const m of mentions) if (isCountryKey(m.key) && !countries.includes(m.key)) countries.push(m.key);
  const [headStart, headEnd] = headlineTokens(t);
  const headline: string[] = [];
  for (const m of mentions) {
    if (m.first < headStart || m.first >= headEnd) continue;
    const k = isCountryKey(m.key) ? m.key : m.place?.type === 'city' ? `place:${m.place.country}` : null;
    if (k && !headline.includes(k)) headline.push(k);
  }
  const figures: Figure[] = [];
  const features: FigureFeatures[] = [];
  const publishedMonth = pub ? pub.y * 12 + (pub.m || 6) : null;
  let asOfMonth = publishedMonth;
  if (asOfMonth === null) {
    for (const f of raw) {
      if (f.kind !== 'date' || typeof f.value !== 'string' || f.value.length !== 10 || f.time.mode === 'by' || inAside(f.start)) continue;
      const month = +f.value.slice(0, 4) * 12 + +f.value.slice(5, 7);
      if (asOfMonth === null || month > asOfMonth) asOfMonth = month;
    }
  }
  const mentionTok = scratch(1, t.n);
  const entsBySent = new Map<number, string[]>();
  // a lone capitalised opener that names nothing ("Spending", "Hotels") stays a context word
  for (const m of mentions) if (m.first >= 0 && !loneOpener(m)) mentionTok[m.first] = 1;
  for (const f of raw) {
    if (dateline && f.kind === 'date' && f.start >= dateline.start && f.end <= dateline.end + 1) f.role = 'dateline';
    const { terms, weights, before } = contextTerms(text, t, R, f, figTok, mentionTok);
    const sentMentions = bySent.get(f.sent) ?? NONE;
    const ownKey = holder(t, R, f, sentMentions), ownPerson = holderIsPerson;
    // (one list shared by the figures of a sentence: nothing writes to it)
    let sentEnts = entsBySent.get(f.sent);
    if (!sentEnts) entsBySent.set(f.sent, sentEnts = sentenceEntities(sentMentions));
    figures.push({
      // (joined, not concatenated: one flat string, where `${doc}#${f.start}` is a pair of parts that becomes a copy besides when first hashed)
      id: [doc, f.start].join('#'), doc, start: f.start, end: f.end, text: text.slice(f.start, f.end), kind: f.kind, value: f.value,
      unit: f.unit, qualifier: f.qualifier, relative: f.relative, time: f.time,
      sentenceStart: t.sentStart[f.sent]!, sentenceEnd: t.sentEnd[f.sent]!, aside: inAside(f.start),
      context: terms, head: head(text, t, R, f), entities: sentEnts, holder: ownKey,
    });
    const near = nearEntities(t, R, f, sentMentions);
    const relativeDate = f.kind === 'date' && R.has(f.first, Cat.Relative);
    const shareOf = f.kind === 'percent' && R.lwIs(f.last + 1, 'of');
    features.push({ terms, weights, before, step: f.step, round: f.round, role: f.role, event: f.event, phase: f.phase, weekday: f.weekday, sentence: f.sent, near, relativeDate, topic, countries, headline, flow: flowOf(t, R, f, sentMentions), route: routeOf(R, sentMentions), forecaster: forecasterOf(R, f, sentMentions), shareOf, whole: shareOf ? wholeOf(text, t, R, f) : null, personHolder: ownPerson, opener: ownKey ? null : subjectOpener(t, R, f, sentMentions), publishedMonth, asOfMonth });
  }
  return {
    doc, length: text.length, published, outlet: options.outlet ?? dateline?.outlet ?? null, figures, features, mentions, aliases,
    sentStart: t.sentStart.slice(), sentEnd: t.sentEnd.slice(),
  };
}

const NONE: RawMention[] = [];

const EMPTY: never[] = Object.freeze([]) as never[];
/**
 * A list the corpus keeps for as long as the document is in it, at its own length: an array grown by pushing
 * has room for 16 more elements (8 bytes each) and most of these lists hold one to ten, so a figure's lists
 * cost twice what they hold; the empty ones are one shared, frozen list (nothing writes to them).
 */
function sized<T>(xs: T[]): T[] {
  return xs.length ? xs.slice() : EMPTY;
}

const scratchBufs: Uint8Array[] = [new Uint8Array(1024), new Uint8Array(1024), new Uint8Array(1024)];
/** Scratch buffer `which`, zeroed over [0, n): valid until the next call for the same buffer. */
function scratch(which: number, n: number): Uint8Array {
  let b = scratchBufs[which]!;
  if (b.length < n) scratchBufs[which] = b = new Uint8Array(Math.max(n, b.length * 2));
  else b.fill(0, 0, n);
  return b;
}

/** The n entries with the highest counts, ties in insertion order: [...counts].sort((x, y) => y[1] - x[1]).slice(0, n) without sorting them all. */
function mostCounted(counts: Map<string, number>, n: number): [string, number][] {
  const top: [string, number][] = [];
  for (const e of counts) {
    if (top.length === n && top[n - 1]![1] >= e[1]) continue;
    let at = top.length;
    while (at > 0 && top[at - 1]![1] < e[1]) at--;
    top.splice(at, 0, e);
    if (top.length > n) top.pop();
  }
  return top;
}

/**
 * The tokens of the title lines an article opens with ([start, end), empty when none): the headline, perhaps a
 * byline. Short lines of page furniture before it are passed over ("Skip to main content"); a line of prose
 * before any title line means there is no headline.
 */
function headlineTokens(t: Tokens): [number, number] {
  let start = -1, end = -1;
  for (let j = 0, lines = 0; j < t.n && lines < 6; lines++) {
    let k = j + 1;
    while (k < t.n && !(t.flags[k]! & TF.NL)) k++;
    if (t.titleLine[j]) { if (start < 0) start = j; end = k; }
    else if (start >= 0 || k - j > 12) break;
    j = k;
  }
  return start < 0 ? [0, 0] : [start, end];
}

/** Entities named in a sentence (headline capitals only when they are places), each once. */
/** A capitalised first word of a sentence that the gazetteer does not know ("Founded", "Garthvia"). */
function unknownOpener(m: RawMention): boolean {
  return m.initial && m.tokens === 1 && !m.place && m.via === 'name';
}
/** One that nothing else names a kind of either: an ordinary word, most likely ("Spending", "Meanwhile"). */
function loneOpener(m: RawMention): boolean {
  return unknownOpener(m) && !m.kind;
}

function sentenceEntities(ms: RawMention[]): string[] {
  const keys: string[] = [];
  const seen = new Set<string>();
  for (const m of ms) {
    if ((m.weak && !m.place) || seen.has(m.key)) continue;
    // a lone capitalised sentence opener ("Founded", "Meanwhile") names nothing the figure is about
    if (loneOpener(m)) continue;
    seen.add(m.key); keys.push(m.key);
  }
  return sized(keys);
}

/** Entities named within 8 tokens of the figure, speakers and people left out, each once. */
function nearEntities(t: Tokens, R: FigureReader, f: RawFigure, ms: RawMention[]): string[] {
  const keys = entitiesAround(t, R, f, ms, 8);
  // none close by: what the words a little further name ("Under a 2013 accord, member states share data through the Port Authority")
  return sized(keys.length ? keys : entitiesAround(t, R, f, ms, 16));
}

function entitiesAround(t: Tokens, R: FigureReader, f: RawFigure, ms: RawMention[], reach: number): string[] {
  const keys: string[] = [];
  let speaker: RawMention | null = null;
  for (let i = 0; i < ms.length; i++) {
    const m = ms[i]!;
    // a source and its short form in brackets: "released by the Business Council (CABC)"
    const bracketed: boolean = speaker !== null && speaker.last === m.first - 2 && R.ch(m.first - 1) === 40;
    // a country that opens the speaker's name: "the New Zealand Ministry of Fisheries said"
    const next = ms[i + 1];
    const opensSpeaker = !!m.place && next !== undefined && next.first === m.last + 1 && isSpeaker(t, R, next);
    speaker = isSpeaker(t, R, m) || bracketed || opensSpeaker ? m : null;
    if (!(m.last >= f.first - reach && m.first <= f.last + reach)) continue;
    if (speaker || m.kind === 'person' || m.evPerson !== 0 || (unknownOpener(m) && m.kind !== 'place')) continue;
    if (!keys.includes(m.key)) keys.push(m.key);
    // a city is also its country: "Prague" and "Czechia" are about the same place
    if (m.place && m.place.type === 'city') { const c = `place:${m.place.country}`; if (!keys.includes(c)) keys.push(c); }
  }
  return keys;
}

const SOURCE_VERBS = new Set(['released', 'published', 'compiled', 'reported', 'issued', 'given', 'cited', 'estimated', 'quoted', 'provided']);

/** "..., said Jane Doe" / "Jane Doe told": who speaks is not what the figure is about. */
function isSpeaker(t: Tokens, R: FigureReader, m: RawMention): boolean {
  // "Driftwood Capital said it would spend ...": a speaker talking about itself is the subject
  if (R.has(m.last + 1, Cat.SpeechVerb) && /^(it|its|they|their|we|our)$/.test(R.lw(m.last + 2))) return false;
  if (R.has(m.first - 1, Cat.SpeechVerb) || R.has(m.last + 1, Cat.SpeechVerb)) return true;
  if (isPossessive(t, m.last + 1) && R.lw(m.last + 2) === 'office') return true;
  // sources: "according to (the) X", "figures released by (the) X"
  let k = m.first - 1;
  if (R.lwIs(k, 'the') || R.lwIs(k, 'a') || R.lwIs(k, 'an')) k--;
  if (R.lwIs(k, 'to') && R.lwIs(k - 1, 'according')) return true;
  if (R.lwIs(k, 'by') && SOURCE_VERBS.has(R.lw(k - 1))) return true;
  // "X, a lobby group for exporters, said ..."
  if (R.ch(m.last + 1) === 44) {
    for (let j = m.last + 2; j < t.n && j < m.last + 14 && t.sent[j] === m.sent; j++) {
      if (R.ch(j) === 44) return R.has(j + 1, Cat.SpeechVerb);
      if (t.kind[j] === TK.Number) break;
    }
  }
  return false;
}

const MAKE = new Set(['make', 'made', 'making']);
const FORECAST = conceptOf('forecast');

const SKIP = Cat.Stop | Cat.NumberWord | Cat.Month | Cat.Weekday | Cat.Qualifier | Cat.Scale | Cat.Relative | Cat.Determiner | Cat.Ordinal;

function contextTerms(text: string, t: Tokens, R: FigureReader, f: RawFigure, figTok: Uint8Array, mentionTok: Uint8Array): { terms: string[]; weights: number[]; before: number } {
  const s = f.sent;
  const first = t.sentFirst[s]!;
  const sentEndTok = s + 1 < t.sentFirst.length ? t.sentFirst[s + 1]! : t.n;
  const terms: string[] = [], weights: number[] = [];
  const take = (j: number, dist: number) => {
    let term = termOf(text, t.start[j]!, t.end[j]!, t.hash[j]!);
    // "make up 34% of output" is not "what it makes" (nor "accounts for 34% of exports", another whole)
    if (MAKE.has(term) && R.lwIs(j + 1, 'up')) term = 'make up';
    // "on course to win 177 seats", "on track to reach", "poised to win": a projection, as "is expected to win" is
    else if ((((R.lwIs(j, 'course') || R.lwIs(j, 'track')) && R.lwIs(j - 1, 'on')) || R.lwIs(j, 'poised')) && R.lwIs(j + 1, 'to')) term = FORECAST;
    const w = dist <= 3 ? 1 : dist <= 6 ? 0.7 : dist <= 12 ? 0.4 : 0.2;
    const at = terms.indexOf(term);
    if (at >= 0) { if (weights[at]! < w) weights[at] = w; return; }
    terms.push(term); weights.push(w);
  };
  const content = (j: number) => !figTok[j] && t.kind[j] === TK.Word && ((t.flags[j]! & TF.Lower) !== 0 || (j === first && !(t.flags[j]! & TF.AllCaps) && !mentionTok[j])) && t.end[j]! - t.start[j]! >= 3 && !R.has(j, SKIP);
  // distance in content words, both ways, within the sentence
  for (let j = f.first - 1, d = 0; j >= first && d < 24; j--) if (content(j)) take(j, ++d);
  const before = terms.length;
  for (let j = f.last + 1, d = 0; j < sentEndTok && d < 24; j++) if (content(j)) take(j, ++d);
  return { terms: sized(terms), weights: sized(weights), before };
}

/** The noun the figure counts or measures: "10,000 Korean companies" → "company". */
function head(text: string, t: Tokens, R: FigureReader, f: RawFigure): string | null {
  // the words right after the figure: "Korean companies", "cooperation documents", "visit began"
  const run: string[] = [];
  for (let j = f.last + 1; j < t.n && j <= f.last + 4 && t.sent[j] === f.sent; j++) {
    if (t.kind[j] !== TK.Word) { if (R.isDash(j) && R.glued(j - 1)) continue; break; }
    if (R.has(j, SKIP) || R.has(j, Cat.SpeechVerb)) break;
    if (t.flags[j]! & TF.Lower) run.push(fold(text.slice(t.start[j]!, t.end[j]!)));
    if (run.length >= 3) break;
  }
  if (!run.length) return null;
  const known = run.find(isConcept) ?? run.find(w => /[^s]s$/.test(w)) ?? run[0]!;
  return conceptOf(known);
}

// by the tokens' folded hash, so that no word is built to test it (a match is then checked by spelling)
const EXPORT_WORDS = new Map(['export', 'exports', 'exported', 'exporting', 'shipments', 'shipped'].map(w => [hashFold(w, 0, w.length), w]));
const IMPORT_WORDS = new Map(['import', 'imports', 'imported', 'importing'].map(w => [hashFold(w, 0, w.length), w]));

/** The trade flow of the figure's sentence (see FigureFeatures.flow): the export or import word nearest the figure, and who is on each end. */
function flowOf(t: Tokens, R: FigureReader, f: RawFigure, ms: RawMention[]): [string, string] | null {
  if (ms.length < 2) return null;
  const first = t.sentFirst[f.sent]!, end = f.sent + 1 < t.sentFirst.length ? t.sentFirst[f.sent + 1]! : t.n;
  let at = -1, exporting = true;
  for (let j = first; j < end; j++) {
    if (t.kind[j] !== TK.Word || t.end[j]! - t.start[j]! < 6) continue;
    const ew = EXPORT_WORDS.get(t.hash[j]!), iw = ew === undefined ? IMPORT_WORDS.get(t.hash[j]!) : undefined;
    if (ew === undefined && iw === undefined) continue;
    const ex = ew !== undefined && R.lwIs(j, ew), im = iw !== undefined && R.lwIs(j, iw);
    if ((ex || im) && (at < 0 || Math.abs(j - f.first) < Math.abs(at - f.first))) { at = j; exporting = ex; }
  }
  if (at < 0) return null;
  let from: string | null = null, to: string | null = null;
  for (const m of ms) {
    if (m.first < 0 || loneOpener(m)) continue;
    // "Hungarian exports", "Vietnam's exports", "Vietnam exported": the side the word belongs to
    if (m.last === at - 1 || (m.last === at - 2 && isPossessive(t, at - 1))) { if (exporting) from ??= m.key; else to ??= m.key; continue; }
    if (m.first <= at || m.first > at + 12) continue;
    let k = m.first - 1;
    if (R.lwIs(k, 'the')) k--;
    if (R.lwIs(k, 'to') || R.lwIs(k, 'into')) to ??= m.key;
    else if (R.lwIs(k, 'from')) from ??= m.key;
  }
  return from && to && from !== to ? [from, to] : null;
}

const FORECAST_VERBS = new Set(['expects', 'expect', 'expected', 'forecasts', 'forecast', 'predicts', 'predicted', 'projects', 'projected', 'sees', 'estimates']);
/** The name right before a forecasting verb ahead of the figure: "The Westmark Development Bank expects ... to grow 4.1%". */
function forecasterOf(R: FigureReader, f: RawFigure, ms: RawMention[]): string | null {
  for (const m of ms) {
    if (m.first < 0 || m.last >= f.first) break;
    if (FORECAST_VERBS.has(R.lw(m.last + 1))) return m.key;
  }
  return null;
}

/** The words of the whole a share is of, after its "of": names, determiners and possessives left out, up to three words, to the first function word. */
function wholeOf(text: string, t: Tokens, R: FigureReader, f: RawFigure): string[] | null {
  const words: string[] = [];
  for (let j = f.last + 2; j < t.n && j <= f.last + 8 && t.sent[j] === f.sent && words.length < 3; j++) {
    if (t.kind[j] !== TK.Word) { if (isPossessive(t, j)) continue; break; }
    const lower = (t.flags[j]! & TF.Lower) !== 0, caps = (t.flags[j]! & TF.AllCaps) !== 0;
    if (!lower && !caps) continue; // a name: "of Zambia's exports"
    if (R.has(j, Cat.Determiner) || R.lwIs(j, 'a') || R.lwIs(j, 'an')) continue;
    if (R.has(j, SKIP)) break;
    words.push(termOf(text, t.start[j]!, t.end[j]!, t.hash[j]!));
  }
  return words.length ? sized(words) : null;
}

/** The way the sentence names (see FigureFeatures.route): "from A to B", "between A and B", the first one. */
function routeOf(R: FigureReader, ms: RawMention[]): [string, string] | null {
  for (let i = 0; i + 1 < ms.length; i++) {
    const a = ms[i]!, b = ms[i + 1]!;
    if (a.first < 0 || b.first !== a.last + 2 || a.key === b.key) continue;
    let k = a.first - 1;
    if (R.lwIs(k, 'the')) k--;
    const from = R.lwIs(k, 'from'), between = !from && R.lwIs(k, 'between');
    if ((from && R.lwIs(a.last + 1, 'to')) || (between && R.lwIs(a.last + 1, 'and'))) return [a.key, b.key];
  }
  return null;
}

/**
 * The first mention whose last token is `last` (a loop, not a find() closure: one in holder()'s loop made every
 * turn of it allocate the variables it captured).
 */
function mentionEndingAt(mentions: RawMention[], last: number): RawMention | undefined {
  for (let i = 0; i < mentions.length; i++) if (mentions[i]!.last === last) return mentions[i];
  return undefined;
}

/** Whether the holder the last call of holder() found is a person (a result field without an object per figure). */
let holderIsPerson = false;

/** "Vietnam's third-largest trading partner": the possessor of a rank or share. */
function holder(t: Tokens, R: FigureReader, f: RawFigure, mentions: RawMention[]): string | null {
  holderIsPerson = false;
  // "Jane Doe, 68, said": an age between commas right after a name is that person's
  if (f.kind === 'count' && f.first === f.last && R.ch(f.first - 1) === 44 && R.ch(f.last + 1) === 44) {
    const m = mentionEndingAt(mentions, f.first - 2);
    if (m && m.kind === 'person') { holderIsPerson = true; return m.key; }
  }
  for (let j = f.first - 1, steps = 0; j >= 0 && steps < 12 && t.sent[j] === f.sent; j--, steps++) {
    if (t.kind[j] === TK.Punct) {
      const c = R.ch(j);
      if (c === 44 || c === 59 || c === 0x2013 || c === 0x2014) break;
      if (isPossessive(t, j)) {
        const m = mentionEndingAt(mentions, j - 1);
        if (m) { holderIsPerson = m.kind === 'person'; return m.key; }
      }
      continue;
    }
    if (t.kind[j] === TK.Number) break;
  }
  if (f.kind === 'rank') { const whole = rankedAmong(t, R, f, mentions); if (whole) { holderIsPerson = whole.kind === 'person'; return whole.key; } }
  const m = actingSubject(t, R, f, mentions);
  holderIsPerson = m !== null && m.kind === 'person';
  return m ? m.key : null;
}

/**
 * The whole a rank is taken in, named after it: "the second-biggest source of foreign investment in Greece", "the
 * largest trading partner of Vietnam" (Greece, Vietnam: as "Greece's second-biggest source"). The first name after the
 * rank's words that a preposition brings, before any comma or clause.
 */
function rankedAmong(t: Tokens, R: FigureReader, f: RawFigure, mentions: RawMention[]): RawMention | undefined {
  for (let j = f.last + 1; j < t.n && j <= f.last + 10 && t.sent[j] === f.sent; j++) {
    if (t.kind[j] !== TK.Word) return undefined;
    if (!(R.lwIs(j, 'in') || R.lwIs(j, 'of') || R.lwIs(j, 'for') || R.lwIs(j, 'to') || R.lwIs(j, 'among'))) continue;
    let k = j + 1;
    if (R.lwIs(k, 'the')) k++;
    const m = mentions.find(x => x.first === k);
    if (m && !loneOpener(m)) return m;
  }
  return undefined;
}

/**
 * The name that opens the figure's sentence, before the figure, and does something in it: a lower-case word
 * follows (after an age between commas), not "and"/"or", and it is no speaker. Undefined when none does.
 */
function actingOpener(t: Tokens, R: FigureReader, f: RawFigure, mentions: RawMention[]): RawMention | undefined {
  const m = mentions[0];
  if (!m || m.last >= f.first) return undefined;
  // a headline capitalises its verb, and may open with the person's title: "Governor Zelir Ivek Begins Five-Day Visit"
  const headline = m.weak && t.titleLine[m.first] === 1;
  if (m.first !== t.sentFirst[f.sent] && !(headline && m.role && m.first === t.sentFirst[f.sent]! + 1)) return undefined;
  let j = m.last + 1;
  if (R.ch(j) === 44 && t.kind[j + 1] === TK.Number && R.ch(j + 2) === 44) j += 3;
  if (t.kind[j] !== TK.Word || !(headline || (t.flags[j]! & TF.Lower)) || R.lwIs(j, 'and') || R.lwIs(j, 'or') || isSpeaker(t, R, m)) return undefined;
  return m;
}

/** "Kovovic spent ten years abroad": an unknown capitalised opener, the only name before the figure, that does something. */
function subjectOpener(t: Tokens, R: FigureReader, f: RawFigure, mentions: RawMention[]): string | null {
  const m = actingOpener(t, R, f, mentions);
  if (!m || !unknownOpener(m) || m.kind) return null;
  // an ordinary word, most likely ("Turnout was 59.9%", "Election officials put turnout at ..."): no one
  const lower = m.text.toLowerCase();
  if (isCommonWord(lower, 0, lower.length)) return null;
  // another name before the figure may be another actor; a place is none ("Trusen is on a visit to Australia that began on Tuesday")
  for (let k = 1; k < mentions.length; k++) { const o = mentions[k]!; if (o.first < f.first && !o.place && o.kind !== 'place') return null; }
  return m.key;
}

/**
 * A person or an organisation who opens the sentence and does something in it (not a speaker) holds its figures:
 * "Belner spent 13 years abroad", "Yuar Paskier, 52, has worked as an economist for 15 years", "Larkspur Industries
 * opened its first office in Upper Fiorova in 1992". One actor only: another person before the figure ("Lee and
 * Lam agreed", "Lee told Lam"), or for an organisation another organisation, leaves the figure to both.
 */
function actingSubject(t: Tokens, R: FigureReader, f: RawFigure, mentions: RawMention[]): RawMention | null {
  const m = actingOpener(t, R, f, mentions);
  if (!m || (m.kind !== 'person' && m.kind !== 'organization')) return null;
  const org = m.kind === 'organization';
  for (let k = 1; k < mentions.length; k++) {
    const o = mentions[k]!;
    if (o.first < f.first && (o.kind === 'person' || (org && o.kind === 'organization'))) return null;
  }
  return m;
}

/** A capitalised first word of a sentence that is an ordinary word elsewhere in the document ("Workers", "Recently") is no entity. */
function filterInitials(text: string, t: Tokens, mentions: RawMention[]): void {
  dropInitialPlurals(mentions);
  dropInitialWordTowns(mentions);
  const wanted = new Set<number>();
  const shapeOnly = (m: RawMention) => m.evidence.length === 1 && m.evidence[0] === 'name shape';
  const words: number[] = [];
  for (const m of mentions) {
    if (m.initial && m.via === 'name' && m.tokens === 1) wanted.add(hashFold(m.text, 0, m.text.length));
    if (shapeOnly(m)) { wordHashes(m.text, words); for (const h of words) wanted.add(h); }
  }
  if (!wanted.size) return;
  // a bit per hash bucket first: most lower-case words are none of the wanted ones
  const maybe = scratch(2, 1024);
  for (const h of wanted) maybe[h & 1023] = 1;
  const seenLower = new Set<number>();
  const H = t.hash, K = t.kind, F = t.flags;
  for (let j = 0; j < t.n; j++) if (maybe[H[j]! & 1023] && K[j] === TK.Word && (F[j]! & TF.Lower) && wanted.has(H[j]!)) seenLower.add(H[j]!);
  if (!seenLower.size) return;
  const drop = new Set<RawMention>();
  for (let k = mentions.length - 1; k >= 0; k--) {
    const m = mentions[k]!;
    if (m.initial && m.via === 'name' && m.tokens === 1 && !m.place && seenLower.has(hashFold(m.text, 0, m.text.length))) drop.add(m);
    // "Strategic Partnership" is made of ordinary words: no person
    else if (shapeOnly(m) && (wordHashes(m.text, words), words.some(h => seenLower.has(h)))) { m.kind = null; m.evPerson = 0; m.evidence = evidenceList(''); }
  }
  removeAll(mentions, drop);
  void text;
}

/**
 * A plural of a common noun opening a sentence ("Analysts said", "Cooperatives say", "Officials added") is no name,
 * though its verb made it a person, unless the document also has it inside a name or capitalised inside a sentence
 * ("Tiger Woods ... Woods said").
 */
function dropInitialPlurals(mentions: RawMention[]): void {
  let inside: Set<string> | null = null;
  const drop = new Set<RawMention>();
  for (let k = mentions.length - 1; k >= 0; k--) {
    const m = mentions[k]!;
    const byVerbOnly = !m.kind || (m.kind === 'person' && m.evidence.length === 1 && m.evidence[0] === 'context');
    if (!(m.initial && m.via === 'name' && m.tokens === 1 && !m.place && !m.acronym && !m.role && byVerbOnly)) continue;
    const w = m.text, n = w.length;
    if (n < 5 || w.charCodeAt(n - 1) !== 115 || w.charCodeAt(n - 2) === 115 || !/^[A-Z][a-z]+$/.test(w)) continue;
    const lower = w.toLowerCase();
    if (!isCommonWord(lower, 0, n)) continue;
    if (!inside) {
      inside = new Set();
      for (const x of mentions) if (!x.initial || x.tokens > 1) for (const part of x.text.split(/\s+/)) inside.add(part);
    }
    if (!inside.has(w)) drop.add(m);
  }
  removeAll(mentions, drop);
}

/**
 * A town named like an ordinary word, opening a sentence ("Orange background", "Reading the report ..."), is the
 * word, unless the document also names the town inside a sentence.
 */
function dropInitialWordTowns(mentions: RawMention[]): void {
  let named: Set<string> | null = null;
  const drop = new Set<RawMention>();
  for (const m of mentions) {
    if (!(m.initial && m.via === 'name' && m.tokens === 1 && m.place && m.place.type === 'city' && !m.role)) continue;
    const w = m.text;
    if (!/^[A-Z][a-z]+$/.test(w) || !isCommonWord(w.toLowerCase(), 0, w.length)) continue;
    if (!named) { named = new Set(); for (const x of mentions) if (!x.initial) named.add(x.key); }
    if (!named.has(m.key)) drop.add(m);
  }
  removeAll(mentions, drop);
}

/** Removes the mentions in `drop` from the list in one pass (a splice each made a long list quadratic). */
function removeAll(mentions: RawMention[], drop: Set<RawMention>): void {
  if (!drop.size) return;
  let w = 0;
  for (let r = 0; r < mentions.length; r++) { const m = mentions[r]!; if (!drop.has(m)) mentions[w++] = m; }
  mentions.length = w;
}

/** JavaScript's \s, for splitting as s.split(/\s+/) does. */
function isJsSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** hashFold of each word of s.split(/\s+/) but the lower-case ones, into out (no strings built). */
function wordHashes(s: string, out: number[]): void {
  out.length = 0;
  let from = 0;
  for (let i = 0; i <= s.length; i++) {
    if (i < s.length && !isJsSpace(s.charCodeAt(i))) continue;
    // (the capitalised words only: a name's particles are lower-case in it, "Charles de Gaulle")
    const c = s.charCodeAt(from);
    if (!(c >= 97 && c <= 122)) out.push(hashFold(s, from, i));
    while (i + 1 < s.length && isJsSpace(s.charCodeAt(i + 1))) i++;
    from = i + 1;
  }
}

const LOWER = /\p{Ll}/u;
/** First words of place names ("New Eskeldal", "San Farrow", "Port Nessaford"). */
const PLACE_PREFIX = new Set(['new', 'san', 'santa', 'santo', 'são', 'saint', 'st', 'port', 'porto', 'puerto', 'lake', 'mount', 'fort', 'cape', 'upper', 'lower', 'los', 'las', 'nueva', 'nuevo', 'nova', 'novo']);
/** What an appositive calls a place: "Garthvia, a city of 580,000 people". */
const PLACE_NOUN = new Set(['city', 'town', 'village', 'port', 'capital', 'province', 'region', 'district', 'county', 'island', 'municipality', 'suburb', 'state', 'country']);

/**
 * Names the gazetteer does not know that are shaped or described like places, where nothing but the shape of a
 * name made them a person: "New Eskeldal", "Upper Corvin", "Garthvia, a city of 580,000 people".
 */
function placeShapes(R: FigureReader, mentions: RawMention[]): void {
  for (const m of mentions) {
    if (m.place || m.via !== 'name' || !(m.kind === null || m.kind === 'person')) continue;
    if (m.kind === 'person' && !(m.evidence.length === 1 && m.evidence[0] === 'name shape')) continue;
    let why: string | null = null;
    let k = m.last + 2;
    if (R.ch(m.last + 1) === 44 && (R.lwIs(k, 'a') || R.lwIs(k, 'an') || R.lwIs(k, 'the'))) k++;
    if (R.ch(m.last + 1) === 44 && k > m.last + 2 && PLACE_NOUN.has(R.lw(k))) why = `described as a ${R.lw(k)}`;
    else if (m.tokens >= 2 && PLACE_PREFIX.has(R.lw(m.first)) && !m.role) why = `place name: ${R.word(m.first)} …`;
    // one name where something happens or a way starts: "told reporters in Dornia.", "the drive from Dornia to Selkera"
    else if (m.tokens === 1 && m.kind === null && !m.weak && !m.role && !m.possessive && (R.lwIs(m.first - 1, 'in') || (R.lwIs(m.first - 1, 'from') && R.lwIs(m.last + 1, 'to')))) why = `after "${R.lw(m.first - 1)}"`;
    // (not a masthead or a headline in capitals)
    if (!why || !LOWER.test(m.text)) continue;
    m.kind = 'place'; m.evPerson = 0; m.evPlace += 3; m.evidence = evidenceList(why);
  }
}
