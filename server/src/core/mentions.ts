// Entity mentions in one document: capitalised runs split into titles, demonyms,
// organisations, places and person names, with the evidence for each kind.
// Corpus-level grouping (aliases, acronyms, kinds by vote) is in entities.ts.
import { Cat, lookupWord, lookup, hashFold, type LexEntry } from './lexicon';
import { TK, TF, type Tokens, isPossessive } from './scan';
import type { FigureReader } from './figures';
import { placeIn, placeByKey, nameKey, countryOfDemonymIn, countryOfCodeIn, isDemonymTailIn, isCountriesPluralIn, type CountryCode, type Place } from './gazetteer';
import { internKey, keyAt, idAt, textAt, forgetDocumentTexts, TokenKeys } from './keys';
import type { EntityKind } from './types';
import { detached } from './text';
import { isCommonWord } from './words';

export interface RawMention {
  start: number;
  end: number;
  text: string;
  /** Document-level identity: a gazetteer id or "n:" + name key of the full name. */
  key: string;
  /** Name key of the mention's own words. */
  ownKey: string;
  tokens: number;
  kind: EntityKind | null;
  /** Evidence weights for the kinds person, place and organisation (in the mention: no object of their own). */
  evPerson: number;
  evPlace: number;
  evOrg: number;
  /** Shared between mentions (evidenceList, withEvidence): replaced, never changed in place. */
  evidence: string[];
  role: string | null;
  via: 'name' | 'short' | 'acronym' | 'alias' | 'demonym' | 'annotation';
  possessive: boolean;
  /** In a title-like line (headline): capitalisation says little. */
  weak: boolean;
  /** First word of a sentence, one token: may be an ordinary word. */
  initial: boolean;
  acronym: boolean;
  /** An acronym the text spells out in ordinary words, "artificial intelligence (AI)": a term, no name, anywhere in the corpus. */
  term: boolean;
  sent: number;
  first: number;
  last: number;
  /** First and last words' keys, for short forms. */
  firstKey: string;
  lastKey: string;
  place: Place | null;
  /** How the document read it, kept by the corpus grouping (which relabels `via` and adds evidence) so a later pass starts from here: null until then. */
  readVia: RawMention['via'] | null;
  readEvidence: string[] | null;
}

// Evidence lists: most mentions have one reason of a few ("gazetteer: country", "context"),
// so the lists are shared, frozen, and replaced rather than changed.
const NO_EVIDENCE: string[] = Object.freeze([] as string[]) as string[];
const oneReason = new Map<string, string[]>();
const appended = new WeakMap<string[], Map<string, string[]>>();
/** The shared list of one reason (none for ''). */
export function evidenceList(why: string): string[] {
  if (!why) return NO_EVIDENCE;
  let l = oneReason.get(why);
  if (l === undefined) {
    if (oneReason.size >= 4096) oneReason.clear();
    // (kept across documents: a reason with a name in it, "title: Lee", must not hold the article it was cut from)
    const w = detached(why);
    oneReason.set(w, l = Object.freeze([w]) as string[]);
  }
  return l;
}
/** The shared list of list's reasons and then why. */
export function withEvidence(list: string[], why: string): string[] {
  if (!list.length) return evidenceList(why);
  let more = appended.get(list);
  if (more === undefined) appended.set(list, more = new Map());
  let l = more.get(why);
  if (l === undefined) {
    if (more.size >= 256) more.clear();
    const w = detached(why);
    more.set(w, l = Object.freeze([...list, w]) as string[]);
  }
  return l;
}

export interface AliasPair { a: string; b: string; why: string }

const GAZETTEER_WHY: Record<Place['type'], string> = { country: 'gazetteer: country', city: 'gazetteer: city', region: 'gazetteer: region' };

/** Words no name ends in (capitalised, they open the next sentence or clause); all of them function words (Cat.Stop). */
const TRAILING_STOP = new Set(['the', 'a', 'an', 'this', 'these', 'those', 'that', 'and', 'or', 'but', 'if', 'he', 'she', 'it', 'they', 'we', 'his', 'her', 'its', 'their', 'our',
  'in', 'on', 'at', 'by', 'for', 'from', 'to', 'with', 'as', 'while', 'when', 'where', 'which', 'who']);

/** What a caption or a table credits before a colon: "Photo: Reuters", "Source: Nikkei Asia". */
const CREDIT = new Set(['source', 'sources', 'photo', 'photos', 'photograph', 'image', 'images', 'picture', 'credit', 'video', 'graphic', 'illustration', 'data']);

/** What a convention, a conference or a body is called, that "on" goes on after: "Convention on the Law of the Sea". */
const TAKES_ON = new Set(['convention', 'conventions', 'treaty', 'conference', 'committee', 'commission', 'council', 'agreement', 'declaration', 'protocol', 'covenant', 'summit', 'forum', 'panel', 'charter', 'dialogue', 'symposium', 'taskforce', 'force']);

/** Capitalised words "on" is no part of a name before: "the Summit on Friday", "on May 4", "on The ...". */
const ON_NOT = Cat.Stop | Cat.Weekday | Cat.Month | Cat.Relative;

/** Heads of names (cue words) that also name one thing on their own: newspapers, parliaments, forces. */
const NAMED_ALONE = new Set(['post', 'times', 'journal', 'herald', 'tribune', 'news', 'gazette', 'press', 'parliament', 'assembly', 'congress', 'senate', 'court', 'army', 'navy', 'police', 'reserve', 'exchange', 'union', 'capital', 'power', 'energy', 'mekong']);

/** The words of a time said without a number: "This Week", "Next Year", "Last Friday". */
const TIME_PHRASE = Cat.Stop | Cat.Relative | Cat.TimeUnit | Cat.Weekday | Cat.Month;

const SINGLE_TITLE = new Set(['president', 'mr', 'mrs', 'ms', 'dr', 'prof', 'professor', 'premier', 'chancellor', 'king', 'queen', 'prince', 'princess', 'governor', 'mayor', 'senator', 'ambassador', 'sir', 'dame', 'sheikh']);

/** Words that take a capital letter as a label: "Plan B", "Group A", "Vitamin D", "Terminal C". */
const LETTER_LABELLED = new Set(['plan', 'group', 'type', 'class', 'grade', 'phase', 'section', 'part', 'vitamin', 'category', 'level', 'tier', 'model', 'series', 'team', 'article', 'annex', 'appendix', 'exhibit', 'figure', 'table', 'option', 'schedule', 'block', 'zone', 'gate', 'terminal', 'building', 'wing', 'row', 'line', 'route', 'pool', 'stage', 'round', 'division', 'league', 'chapter', 'volume', 'unit', 'ward', 'sector', 'area', 'lot', 'box', 'channel']);
/** Abbreviations that open a place's name, with a full stop: "St. Petersburg", "Mt. Kenya", "Ft. Lauderdale". */
const PLACE_ABBREVIATIONS = new Set(['st', 'mt', 'ft']);

const STORM_WORDS = new Set(['storm', 'typhoon', 'hurricane', 'cyclone']);

export function readMentions(text: string, t: Tokens, R: FigureReader): { mentions: RawMention[]; aliases: AliasPair[] } {
  const out: RawMention[] = [];
  const aliases: AliasPair[] = [];
  const isCapWord = (i: number) => i < t.n && t.kind[i] === TK.Word && (t.flags[i]! & (TF.Cap | TF.AllCaps)) !== 0;
  const lex = (i: number): LexEntry | undefined => R.lex(i);
  const tk = new TokenKeys(text, t.start, t.end, t.n);

  // the runs of capitalised words, first and last token, all read before any is segmented
  const runs: number[] = [];
  let named: Set<string> | null = null, runsRead = false;
  const compassNouns = new Set<number>();
  let i = 0;
  while (i < t.n) {
    if (!isCapWord(i)) { i++; continue; }
    // ---- build the run [a, b]: capitalised words, glued hyphen parts, connectors between capitals
    const a = i;
    let b = i;
    let j = i;
    for (;;) {
      // glued "-lower" continues a name part: Jae-myung, Suk-yeol
      // (not a place's or a people's word and an English one: "Czech-built", "Seoul-based", "Hanoi-led" are no names)
      if (R.hyphen(j + 1) && t.kind[j + 2] === TK.Word && (t.flags[j + 2]! & TF.Lower) && !(isCommonWordAt(j + 2) && placeLike(j))) { j += 2; b = j; continue; }
      // "Jean-Baptiste": capitalised parts joined by a hyphen, unless either side is a place or nationality ("US-China", "Vietnam-South Korea");
      // an en dash links two names, it makes none ("the Thannia–Port Tavorford railway")
      if (R.isDash(j + 1) && R.ch(j + 1) !== 0x2013 && R.glued(j) && R.glued(j + 1) && isCapWord(j + 2) && ((!placeLike(j) && !placeLike(j + 2)) || (nationality(j) && nationality(j + 2)) || regionCompound(j, j + 2))) { j += 2; b = j; continue; }
      const n = j + 1;
      if (n >= t.n || t.sent[n] !== t.sent[a]) break;
      // an initial, a title or a place's abbreviation, and its full stop, inside a name: "John F. Kennedy", "J. Smith",
      // "Mr. Rubio", "St. Petersburg" (not "Plan B. Officials", "Group A. The": a word that takes a letter as its label is no first name)
      if (t.kind[n] === TK.Punct && R.ch(n) === 46 && R.glued(j) && t.end[n]! - t.start[n]! === 1 && isCapWord(n + 1) && (t.flags[n + 1]! & TF.Space) && !(t.flags[n + 1]! & TF.NL) && t.sent[n + 1] === t.sent[a] && !R.has(n + 1, Cat.Stop) && dottedInName(a, j)) { j = n + 1; b = j; continue; }
      // "Côte d'Ivoire", "Val d'Isère"
      if (t.kind[n] === TK.Word && (t.flags[n]! & TF.Lower) && (t.flags[n]! & TF.Space) && isElided(n)) { j = n; b = j; continue; }
      // (across a line break only in the same case: "President\nLee Jae-myung" is one name, "the Bennford Port
      // Authority\nUPPER LUNE — ..." a line that ends in a name and a dateline in capitals)
      if (isCapWord(n) && (t.flags[n]! & TF.Space) && !((t.flags[n]! & TF.NL) && ((t.flags[n]! ^ t.flags[j]!) & TF.AllCaps))) { j = n; b = j; continue; }
      // connectors: of, for, de ... between capitals (Republic of Korea, Institute for Policy Studies)
      const ce = lex(n);
      if (ce && ce.cats & Cat.Connector && (t.flags[n]! & TF.Lower) && isCapWord(n + 1)) { j = n + 1; b = j; continue; }
      if (ce && ce.word === 'of' && R.is(n + 1, 'the') && (t.flags[n + 1]! & TF.Lower) && isCapWord(n + 2) && !R.has(n + 2, Cat.Stop)) { j = n + 2; b = j; continue; }
      // two particles of a name: "Ursula von der Leyen", "Rafael van der Vaart", "Pedro de la Rosa"
      if (ce && ce.cats & Cat.Connector && ce.word !== 'of' && ce.word !== 'for' && (t.flags[n]! & TF.Lower) && (t.flags[n + 1]! & TF.Lower) && R.has(n + 1, Cat.Connector) && !R.is(n + 1, 'of') && !R.is(n + 1, 'for') && isCapWord(n + 2) && t.sent[n + 2] === t.sent[a]) { j = n + 2; b = j; continue; }
      // "on" after what a convention or a body is called: "Convention on the Law of the Sea", "Committee on Foreign Affairs"
      if (R.lwIs(n, 'on') && (t.flags[n]! & TF.Lower) && (t.flags[j]! & TF.Cap) && TAKES_ON.has(R.lw(j)) && (isCapWord(n + 1) && !R.has(n + 1, ON_NOT) || R.is(n + 1, 'the') && (t.flags[n + 1]! & TF.Lower) && isCapWord(n + 2) && !R.has(n + 2, ON_NOT))) { j = R.is(n + 1, 'the') ? n + 2 : n + 1; b = j; continue; }
      // a plural's possessive inside a name: "Leaders' Meetings", "Veterans' Affairs" (an ordinary plural, not "the Philippines' President")
      if (t.kind[n] === TK.Punct && R.glued(j) && (R.ch(n) === 39 || R.ch(n) === 0x2019) && t.end[n]! - t.start[n]! === 1 && isCapWord(n + 1) && (t.flags[n + 1]! & TF.Space) && t.sent[n + 1] === t.sent[a] && commonPlural(j)) { j = n + 1; b = j; continue; }
      // an ampersand between capitals makes one name: "Signal & Tide", "Procter & Gamble" (places at either end are split off when it is segmented: "Vietnam & Chile")
      if (t.kind[n] === TK.Punct && R.ch(n) === 38 && (t.flags[n]! & TF.Space) && !(t.flags[n]! & TF.NL) && isCapWord(n + 1) && (t.flags[n + 1]! & TF.Space) && !(t.flags[n + 1]! & TF.NL) && t.sent[n + 1] === t.sent[a]) { j = n + 1; b = j; continue; }
      // "and" inside a country's name: "Trinidad and Tobago", "Bosnia and Herzegovina", "Saint Kitts and Nevis"
      if (ce && ce.word === 'and' && (t.flags[n]! & TF.Lower) && isCapWord(n + 1) && countryAcross(a, j, n + 1)) { j = n + 1; b = j; continue; }
      // "and" inside an organisation name: University of Social Sciences and Humanities
      if (ce && ce.word === 'and' && isCapWord(n + 1) && hasCue(a, j, Cat.OrgCue) && hasWord(a, j, 'of')) { j = n + 1; b = j; continue; }
      break;
    }
    i = b + 1;
    runs.push(a, b);
    // "the North" on its own, a country by a point of the compass ("talks with the North", "the North's steps")
    if (a === b && R.has(a, Cat.Compass) && (t.flags[a]! & TF.Cap) && R.lwIs(a - 1, 'the') && (t.flags[a - 1]! & TF.Lower)) compassNouns.add(t.hash[a]!);
  }
  runsRead = true;
  for (let r = 0; r < runs.length; r += 2) segment(runs[r]!, runs[r + 1]!);
  headlineNouns();

  /** Token j, before a full stop, is a name's initial (the run's first word, or after a name's first word), a title's abbreviation or a place's ("St", "Mt", "Ft"), first in the run. */
  function dottedInName(a: number, j: number): boolean {
    const len = t.end[j]! - t.start[j]!;
    if (len === 1) return (t.flags[j]! & TF.Cap) !== 0 && (j === a || (t.kind[j - 1] === TK.Word && (t.flags[j - 1]! & TF.Cap) !== 0 && !(t.flags[j - 1]! & TF.AllCaps) && !LETTER_LABELLED.has(R.lw(j - 1)) && !R.has(j - 1, Cat.Stop | Cat.TitleHead | Cat.OrgCue | Cat.PlaceCue)));
    if (j !== a || len > 4 || !(t.flags[j]! & TF.Cap)) return false;
    return R.has(j, Cat.TitleHead) || PLACE_ABBREVIATIONS.has(R.lw(j));
  }
  /** The words from one of the last two before j (in the run from a) to z name a country ("Saint Kitts and Nevis"). */
  function countryAcross(a: number, j: number, z: number): boolean {
    for (let k = j; k >= a && k >= j - 2; k--) if (t.kind[k] === TK.Word && placeAt(k, z)?.type === 'country') return true;
    return false;
  }
  /** "Indo-Pacific", "Asia-Pacific", "Euro-Atlantic": a continent or ocean joined to it or to a word that is no place. */
  function regionCompound(x: number, y: number): boolean {
    const cx = R.has(x, Cat.Continent), cy = R.has(y, Cat.Continent);
    return (cx || cy) && (cx || !placeLike(x)) && (cy || !placeLike(y));
  }
  /**
   * A region named by joining continents and oceans with hyphens: "Asia-Pacific", "Indo-Pacific", "Euro-Atlantic".
   * The parts from x to z: the last a continent or ocean word, each one before it another, or a name's combining
   * form in -o ("Indo", "Euro", "Afro"); not "Trans-Pacific".
   */
  function continentCompound(x: number, z: number): boolean {
    if (!R.has(z, Cat.Continent)) return false;
    for (let k = x; k < z; k += 2) {
      if (!R.isDash(k + 1)) return false;
      if (R.has(k, Cat.Continent)) continue;
      if (!(t.flags[k]! & TF.Cap) || t.end[k]! - t.start[k]! < 4 || text.charCodeAt(t.end[k]! - 1) !== 111) return false;
    }
    return true;
  }
  /** A capitalised word that is an ordinary English one in lower case: "State", "Foreign", "Affairs". */
  function isCapitalisedCommon(k: number): boolean {
    if (t.kind[k] !== TK.Word) return false;
    const w = word(k).toLowerCase();
    return w.length >= 3 && isCommonWord(w, 0, w.length);
  }
  /** "Leaders", "Veterans": a capitalised plural of an ordinary word (no place, no people's word). */
  function commonPlural(k: number): boolean {
    if (!(t.flags[k]! & TF.Cap) || (t.flags[k]! & (TF.AllCaps | TF.MixedCaps))) return false;
    const w = word(k).toLowerCase();
    return w.length >= 4 && w.endsWith('s') && !w.endsWith('ss') && isCommonWord(w, 0, w.length) && !placeLike(k);
  }
  function isCommonWordAt(k: number): boolean {
    const s = t.start[k]!, e = t.end[k]!;
    return e - s >= 3 && /^[a-z]+$/.test(text.slice(s, e)) && isCommonWord(text, s, e);
  }
  /** "Czech", "African": a nationality adjective ("Czech-African Business Council" is one name). */
  /** "d'Ivoire", "l'Isère": checked by its first letter before the regex, as every lower-case word after a name is asked. */
  function isElided(k: number): boolean {
    const c = text.charCodeAt(t.start[k]!);
    return (c === 100 || c === 108) && /^[dl]['’]\p{Lu}/u.test(text.slice(t.start[k]!, t.end[k]!));
  }
  function nationality(k: number): boolean {
    const s = t.start[k]!, e = t.end[k]!;
    return !!demonymOf(k, k) || isDemonymTailIn(text, s, e, tk.range(k, k));
  }
  function placeLike(k: number): boolean {
    const s = t.start[k]!, e = t.end[k]!;
    return !!placeAt(k, k) || !!demonymOf(k, k) || isDemonymTailIn(text, s, e, tk.range(k, k)) || R.has(k, Cat.Continent) || R.has(k, Cat.Compass);
  }
  /** The place named by the words from token `from` to the end of the name part at `to`. */
  function placeOf(from: number, to: number, b: number): Place | undefined { return placeAt(from, partEnd(to, b)); }
  // gazetteer questions about the words of tokens a..z, hashed from the tokens' key hashes
  function placeAt(a: number, z: number): Place | undefined {
    return placeIn(text, t.start[a]!, t.end[z]!, tk.range(a, z)) ?? (a === z && (t.flags[a]! & TF.AllCaps) ? codeAt(a)?.place : undefined);
  }
  /**
   * A country's code in capitals: "US", "U.S.", "UK", "UAE"; not before a dollar sign ("US$"), nor among other words in
   * capitals ("IT IS OVER"). A two-letter code without full stops ("US", "IT", "IN") names its country only in a document
   * that names it otherwise too ("US" beside "Washington", "American", "the United States"; "the IT sector" of an
   * article that names no Italy is no place).
   */
  function codeAt(k: number): CountryCode | undefined {
    if (t.end[k]! - t.start[k]! > 8 || (R.glued(k) && R.ch(k + 1) === 36)) return undefined;
    const c = countryOfCodeIn(text, t.start[k]!, t.end[k]!, tk.range(k, k));
    if (!c || capsBeside(k)) return undefined;
    // ("the Deputy PM", "AI", "TV" name no Saint Pierre, Anguilla or Tuvalu)
    // (asked once every run is read: not while they are, "US-China")
    if (c.twoLetter && text.charCodeAt(t.end[k]! - 1) !== 46 && !(runsRead && namedCountries().has(c.place.country))) return undefined;
    return c;
  }
  /** The countries the document names by a name, a city, its people's word or a code of its own, in any run of capitalised words (read when first asked). */
  function namedCountries(): Set<string> {
    if (named) return named;
    named = new Set();
    for (let r = 0; r < runs.length; r += 2) {
      const ps = parts(runs[r]!, runs[r + 1]!);
      for (let x = 0; x < ps.length; x++) {
        for (let y = x; y < ps.length && y < x + 5; y++) {
          const z = partEnd(ps[y]!, runs[r + 1]!), s0 = t.start[ps[x]!]!, e0 = t.end[z]!, h = tk.range(ps[x]!, z);
          const p = placeIn(text, s0, e0, h) ?? countryOfDemonymIn(text, s0, e0, h);
          if (p && p.country) named.add(p.country);
          // (and a code no other word is spelt as: "U.S.", "UAE")
          if (x === y && (t.flags[z]! & TF.AllCaps)) { const c = countryOfCodeIn(text, s0, e0, h); if (c && (!c.twoLetter || text.charCodeAt(e0 - 1) === 46)) named.add(c.place.country); }
        }
      }
    }
    return named;
  }
  /** A word in capitals, of two letters or more and no country's code, is next to token k on its line. */
  function capsBeside(k: number): boolean {
    for (const n of [k - 1, k + 1]) {
      if (n < 0 || n >= t.n || t.kind[n] !== TK.Word || (t.flags[n === k - 1 ? k : n]! & TF.NL)) continue;
      if ((t.flags[n]! & TF.AllCaps) && !countryOfCodeIn(text, t.start[n]!, t.end[n]!, tk.range(n, n))) return true;
    }
    return false;
  }
  function demonymOf(a: number, z: number): Place | undefined { return countryOfDemonymIn(text, t.start[a]!, t.end[z]!, tk.range(a, z)); }
  function internAt(a: number, z: number): number { return internKey(text, t.start[a]!, t.end[z]!, tk.range(a, z)); }
  /** Some part ps[from..] is a capitalised word of category cat. */
  function hasCapCue(ps: number[], from: number, cat: Cat): boolean {
    for (let n = from; n < ps.length; n++) if (R.has(ps[n]!, cat) && (t.flags[ps[n]!]! & TF.Cap)) return true;
    return false;
  }
  /** The parts open with a capitalised cue of an organisation and a lower-case connector: "Ministry of ...", "Institute for ...". */
  function cueOf(ps: number[]): boolean {
    return ps.length >= 3 && R.has(ps[0]!, Cat.OrgCue) && (t.flags[ps[0]!]! & TF.Cap) !== 0 && R.has(ps[1]!, Cat.Connector) && (t.flags[ps[1]!]! & TF.Lower) !== 0;
  }
  /**
   * The part that names office-holders in the plural before a lower-case "of" ("Joint Chiefs of Staff", "Board of
   * Governors" has its cue already): a body of them, an organisation; -1 when there is none. (The singular is asked
   * of the lexicon on the text's range, without a string; a place after "of" was split off before, segmentParts.)
   */
  function bodyOf(ps: number[], n: number): number {
    for (let x = 0; x + 2 < n; x++) {
      const k = ps[x]!, s = t.start[k]!, e = t.end[k]!;
      if (!R.is(ps[x + 1]!, 'of') || !(t.flags[ps[x + 1]!]! & TF.Lower) || !(t.flags[k]! & TF.Cap) || (t.flags[k]! & TF.AllCaps) || e - s < 5 || text.charCodeAt(e - 1) !== 115) continue;
      const one = lookup(text, s, e - 1, hashFold(text, s, e - 1));
      if (one && one.cats & (Cat.RoleNoun | Cat.TitleHead)) return k;
    }
    return -1;
  }
  function hasCue(a: number, b: number, cat: Cat): boolean { for (let k = a; k <= b; k++) if (R.has(k, cat) && (t.flags[k]! & TF.Cap)) return true; return false; }
  function hasWord(a: number, b: number, w: string): boolean { for (let k = a; k <= b; k++) if (R.is(k, w)) return true; return false; }

  /** Word tokens of [a, b] that start name parts (skipping hyphen continuations). */
  function parts(a: number, b: number): number[] {
    const p: number[] = [];
    for (let k = a; k <= b; k++) {
      if (t.kind[k] !== TK.Word) continue;
      if (k > a && R.hyphen(k - 1)) continue;
      p.push(k);
    }
    return p;
  }
  function partEnd(k: number, b: number): number {
    let e = k;
    while (e + 2 <= b && R.hyphen(e + 1)) e += 2;
    return e;
  }

  function segment(a: number, b: number): void {
    segmentParts(parts(a, b), a, b, initialAt(a), t.titleLine[a] === 1);
  }
  /** The run at a opens its sentence (after an opening quote or bracket, or a list's bullet: "- Visit of ...", "• Orders rose"). */
  function initialAt(a: number): boolean {
    return t.sentFirst[t.sent[a]!] === a || (a > 0 && t.kind[a - 1] === TK.Punct && (isOpener(text.charCodeAt(t.start[a - 1]!)) || isBullet(text, t.start[a - 1]!, t.end[a - 1]!)) && t.sentFirst[t.sent[a]!] === a - 1);
  }

  /**
   * A headline's common nouns after a name the article writes outside its headlines, or after an organisation's
   * head word: "Lumen Electronics Revenue Climbs", "Tanager Logistics Profit Up 8%", "Carovia Factory to Create 900
   * Jobs" name the company and the town, no "Lumen Electronics Revenue" (capitalised ordinary words, no cue of a
   * name's kind; the longest name wins, and a headline's name the article writes whole stays whole). And a
   * headline's "New" left out before a town the article calls "New Eskeldal" is the town's again.
   */
  function headlineNouns(): void {
    let known: Set<string> | null = null;
    let result: RawMention[] | null = null;
    for (let x = 0; x < out.length; x++) {
      const m = out[x]!;
      let made: RawMention[] | null = null;
      if (m.weak && m.tokens >= 2 && m.via === 'name' && headlineNoun(m.last)) {
        known ??= knownNames();
        const ps = known.has(m.ownKey) ? [] : parts(m.first, m.last);
        for (let k = ps.length - 1; k >= 1 && headlineNoun(ps[k]!) && partEnd(ps[k]!, m.last) === ps[k]!; k--) {
          const end = partEnd(ps[k - 1]!, m.last);
          // (a headline's "New" before the town the article writes: "New Port Bennville Factory to Create 400 Jobs")
          let from = 0;
          if (!(k >= 2 && R.has(ps[k - 1]!, Cat.OrgCue) && (t.flags[ps[k - 1]!]! & TF.Cap)) && !known.has(keyAt(internAt(ps[0]!, end)))) {
            if (!(k >= 2 && R.lwIs(ps[0]!, 'new') && known.has(keyAt(internAt(ps[1]!, end))))) continue;
            from = 1;
          }
          const at = out.length;
          segmentParts(ps.slice(from, k), ps[from]!, end, from === 0 && initialAt(m.first), true);
          made = out.splice(at);
          break;
        }
      }
      // a headline's "New" the segmentation took for an adjective, before a town the article calls "New Eskeldal"
      // outside its headlines ("Storm Teoeth Hits New Eskeldal"): the town's, as the article writes it
      if (m.weak && m.via === 'name' && R.lwIs(m.first - 1, 'new') && !made) {
        known ??= knownNames();
        const n = m.first - 1;
        if (isCapWord(n) && t.titleLine[n] === 1 && t.sent[n] === t.sent[m.first] && (t.flags[m.first]! & TF.Space) && known.has(keyAt(internAt(n, m.last))) && !out.some(o => o.first <= n && n <= o.last)) {
          const at = out.length;
          segmentNames([n, ...parts(m.first, m.last)], m.last, true, initialAt(n), null);
          made = out.splice(at);
        }
      }
      if (made && !result) result = out.slice(0, x);
      if (result) { if (made) result.push(...made); else result.push(m); }
    }
    if (result) { out.length = 0; out.push(...result); }
  }
  function knownNames(): Set<string> {
    const known = new Set<string>();
    // (not a sentence's first word alone: "Sign up for our newsletter" names nothing)
    for (const m of out) if (!m.weak && !m.initial) known.add(m.ownKey);
    return known;
  }
  /** A capitalised ordinary word that is no cue of a name's kind: "Revenue", "Profit", "Factory", "Up". */
  function headlineNoun(k: number): boolean {
    if (t.kind[k] !== TK.Word || !(t.flags[k]! & TF.Cap) || (t.flags[k]! & (TF.AllCaps | TF.MixedCaps))) return false;
    if (R.has(k, Cat.OrgCue | Cat.PlaceCue | Cat.CompanyNoun | Cat.TitleHead | Cat.RoleNoun | Cat.Stop | Cat.NumberWord | Cat.Ordinal | Cat.Month | Cat.Weekday)) return false;
    const w = word(k).toLowerCase();
    return w.length >= 2 && isCommonWord(w, 0, w.length) && !placeLike(k);
  }

  function segmentParts(ps: number[], a: number, b: number, initial: boolean, weak: boolean): void {
    void a;
    // leading function words: The, In, But, This...
    // (only where a capital says nothing: at a sentence start or in a headline; "To Lam" mid-sentence is a name)
    // ("New" before another capitalised word opens a place name at a sentence start, "New Zealand", "New Varnvia";
    // in a headline only a name the gazetteer knows, not "A New Chapter", "with New Deals")
    while (ps.length && R.has(ps[0]!, Cat.Stop) && !(t.flags[ps[0]!]! & TF.AllCaps) && (initial || weak || ps[0] !== a || R.lwIs(ps[0]!, 'the')) && !(ps.length >= 2 && R.lwIs(ps[0]!, 'new') && (!weak || placeAt(ps[0]!, ps[1]!)))) ps = ps.slice(1);
    // trailing function words: a name never ends in "The" or "And" ("AFP The company ...", where the extraction lost a full stop)
    // (the lexicon's function-word category first: most names end in no such word, and need no lower-cased copy)
    while (ps.length >= 2 && R.has(ps[ps.length - 1]!, Cat.Stop) && TRAILING_STOP.has(R.lw(ps[ps.length - 1]!)) && (t.flags[ps[ps.length - 1]!]! & TF.Cap) && !(t.flags[ps[ps.length - 1]!]! & TF.AllCaps)) ps = ps.slice(0, -1);
    // a time said in function words and time words is no name: "told This Week in Asia", "Next Year", "Last Friday"
    if (ps.length >= 2 && ps.every(k => R.has(k, TIME_PHRASE)) && ps.some(k => R.has(k, Cat.TimeUnit | Cat.Weekday | Cat.Month))) return;
    // a headline's verb: "Wrenfield Power Bets on Jordan", "Trusen Visits Wysston", "Grimić Leads Count": a capitalised
    // ordinary word ending in -s after a name, where the words up to it are no place ("United States Imposes Tariffs"
    // keeps "United States"), and no cue of a name's kind ("Holdings", "Motors", "Islands")
    if (weak && ps.length >= 2) {
      for (let k = 1; k < ps.length; k++) {
        const w = ps[k]!;
        if (!commonPlural(w) || R.has(w, Cat.OrgCue | Cat.PlaceCue | Cat.CompanyNoun | Cat.TitleHead | Cat.RoleNoun) || placeAt(ps[0]!, partEnd(w, b))) continue;
        segmentParts(ps.slice(0, k), ps[0]!, partEnd(ps[k - 1]!, b), initial, weak);
        if (k + 1 < ps.length) segmentParts(ps.slice(k + 1), ps[k + 1]!, b, true, weak);
        return;
      }
    }
    // "with the North Kim accused ...": a document that says "the North" on its own lost a full stop after it
    // (a point of the compass that makes no place with the words after it)
    if (ps.length >= 2 && ps[0] === a && compassNouns.has(t.hash[a]!) && R.lwIs(a - 1, 'the') && (t.flags[a - 1]! & TF.Lower) && !R.has(ps[1]!, Cat.Continent) && !R.has(ps[ps.length - 1]!, Cat.PlaceCue) && !placeOf(a, ps[1]!, b) && !placeOf(a, ps[ps.length - 1]!, b) && !demonymOf(a, partEnd(ps[1]!, b))) {
      segmentParts(ps.slice(1), ps[1]!, b, true, weak);
      return;
    }
    // "Photo: Reuters Kim reiterated ...": a caption's credit, then the next sentence (its full stop lost), when a
    // lower-case word goes on after the run: the credit is its first word, and the cue words after it ("Xinhua News Agency")
    if (ps.length >= 2 && ps[0] === a && creditAt(a) && t.kind[b + 1] === TK.Word && (t.flags[b + 1]! & TF.Lower) && t.sent[b + 1] === t.sent[a]) {
      let n = 1;
      while (n < ps.length && R.has(ps[n]!, Cat.OrgCue)) n++;
      if (n < ps.length) {
        segmentParts(ps.slice(0, n), a, partEnd(ps[n - 1]!, b), initial, weak);
        segmentParts(ps.slice(n), ps[n]!, b, true, weak);
        return;
      }
    }
    // "Ministers of the Association ...", "Shares of Korvan ...": a plural noun opening the sentence is no part of the name
    if (initial && ps.length >= 3 && R.is(ps[1]!, 'of') && /[^s]s$/.test(word(ps[0]!)) && !R.has(ps[0]!, Cat.OrgCue) && !R.has(ps[0]!, Cat.PlaceCue)) {
      ps = ps.slice(R.is(ps[2]!, 'the') ? 3 : 2);
      initial = false;
    }
    // one-letter words only as initials ("J. Smith"); most runs have none, and keep their array
    for (let n = 0; n < ps.length; n++) if (!(t.end[ps[n]!]! - t.start[ps[n]!]! > 1 || R.ch(ps[n]! + 1) === 46)) { ps = ps.filter(k => t.end[k]! - t.start[k]! > 1 || R.ch(k + 1) === 46); break; }
    if (!ps.length) return;
    // leading demonyms: Vietnamese, South Korean (but "Czech Republic" is a country)
    let prefixPlace = 0;
    for (let n = ps.length; n >= 2; n--) {
      const p = placeOf(ps[0]!, ps[n - 1]!, b);
      if (p && p.type === 'country') { prefixPlace = n; break; }
    }
    // (a country's body named after it stays whole: "New Zealand Ministry of Housing", "South Korea Tourism Organization")
    if (prefixPlace && prefixPlace < ps.length && R.has(ps[prefixPlace]!, Cat.OrgCue)) prefixPlace = 0;
    if (prefixPlace) {
      segmentNames(ps.slice(0, prefixPlace), b, weak, initial, null);
      if (prefixPlace < ps.length) segmentParts(ps.slice(prefixPlace), ps[prefixPlace]!, b, false, weak);
      return;
    }
    while (ps.length) {
      const two = ps.length >= 2 && partEnd(ps[1]!, b) === ps[1]! ? demonymOf(ps[0]!, ps[1]!) : undefined;
      if (two && ps.length >= 2) { emitDemonym(ps[0]!, ps[1]!, two); ps = ps.slice(2); continue; }
      const one = partEnd(ps[0]!, b) === ps[0]! ? demonymOf(ps[0]!, ps[0]!) : undefined;
      if (one && !(ps.length >= 2 && (R.has(ps[1]!, Cat.PlaceCue) || R.has(ps[1]!, Cat.OrgCue)))) { emitDemonym(ps[0]!, ps[0]!, one); ps = ps.slice(1); continue; }
      break;
    }
    if (!ps.length) return;
    // "President Jean-Baptiste Kouamé of Ivory Coast": a name, then the place it is of
    let ofAt = -1;
    for (let n = 1; n < ps.length; n++) if (R.is(ps[n]!, 'of')) { ofAt = n; break; }
    if (ofAt > 0 && ofAt < ps.length - 1 && !hasCapCue(ps, 0, Cat.OrgCue)) {
      const tail = ps.slice(ofAt + 1);
      const p = placeOf(tail[0]!, tail[tail.length - 1]!, b);
      const whole = placeOf(ps[0]!, ps[ps.length - 1]!, b);
      if (p && !whole) {
        segmentParts(ps.slice(0, ofAt), a, t.end[ps[ofAt - 1]!]! ? partEnd(ps[ofAt - 1]!, b) : b, initial, weak);
        segmentNames(tail, b, weak, false, null);
        return;
      }
    }
    // titles: the last title head with a name after it
    let head = -1;
    for (let k = 0; k < ps.length - 1; k++) if (isTitleHead(ps, k)) head = k;
    let title: string | null = null, titleFirst = -1;
    if (head >= 0) {
      let s = head;
      while (s > 0 && (R.has(ps[s - 1]!, Cat.TitleMod) || isTitleHead(ps, s - 1) || R.is(ps[s - 1]!, 'general') || titleAdjective(ps[s - 1]!))) {
        // "Communist Party General Secretary": "Party" after a capitalised non-title word names an organisation
        if (R.has(ps[s - 1]!, Cat.OrgCue) && s - 2 >= 0 && !R.has(ps[s - 2]!, Cat.TitleMod) && !isTitleHead(ps, s - 2)) break;
        s--;
      }
      if (s > 0) segmentNames(ps.slice(0, s), b, weak, initial, null);
      title = text.slice(t.start[ps[s]!]!, t.end[partEnd(ps[head]!, b)]!).replace(/\s+/g, ' ');
      titleFirst = ps[s]!;
      let name = ps.slice(head + 1);
      // "CEO of Xiaomi", "Director of the Hanbit Institute": what the title is of, without the "of (the)"
      if (name.length && R.is(ps[head]! + 1, 'of')) {
        while (name.length && (R.is(name[0]!, 'of') || R.is(name[0]!, 'the')) && (t.flags[name[0]!]! & TF.Lower)) name = name.slice(1);
        // "President of Vietnam Luong Cuong": the country, then the person who holds the title
        for (let n = Math.min(name.length - 1, 4); n >= 1; n--) {
          const p = placeOf(name[0]!, name[n - 1]!, b);
          if (p && p.type === 'country') { segmentNames(name.slice(0, n), b, weak, false, null); emitPerson(name.slice(n), b, title, titleFirst, weak); return; }
        }
        // "Secretary of State Marco Rubio", "Minister of Foreign Affairs Bui Thanh Son": what the office is of in
        // ordinary words, then a name that starts with none (not "Director of the Hanbit Institute")
        let n = 0;
        while (n < name.length - 1 && n < 3 && (t.flags[name[n]!]! & TF.Cap) && !(t.flags[name[n]!]! & TF.AllCaps) && partEnd(name[n]!, b) === name[n]! && isCapitalisedCommon(name[n]!) && !placeLike(name[n]!)) n++;
        if (n > 0 && !isCapitalisedCommon(name[n]!) && !name.slice(n).some(k => R.has(k, Cat.OrgCue | Cat.PlaceCue | Cat.Connector | Cat.Stop)) && name.length - n <= 4 && !placeOf(name[n]!, name[name.length - 1]!, b)) {
          emitPerson(name.slice(n), b, text.slice(t.start[titleFirst]!, t.end[name[n - 1]!]!).replace(/\s+/g, ' '), titleFirst, weak);
          return;
        }
        segmentNames(name, b, weak, false, null);
        return;
      }
      emitPerson(name, b, title, titleFirst, weak);
      return;
    }
    segmentNames(ps, b, weak, initial && ps[0] === a, null);
  }

  /** The names in parts ps of the run ending at b: places, organisations, people. */
  function segmentNames(ps: number[], b: number, weak: boolean, initial: boolean, role: string | null): void {
    if (!ps.length) return;
    const first = ps[0]!, lastTok = partEnd(ps[ps.length - 1]!, b);
    const whole = placeAt(first, lastTok);
    // (the cues are those of what comes before an "on": "Convention on the Law of the Sea" is of no sea)
    let headLen = ps.length;
    for (let n = 1; n < ps.length - 1; n++) if (R.lwIs(ps[n]!, 'on') && (t.flags[ps[n]!]! & TF.Lower)) { headLen = n; break; }
    const headLast = ps[headLen - 1]!;
    const lastIsPlaceCue = R.has(headLast, Cat.PlaceCue) && headLen >= 2;
    // (a cue opens the name when a connector follows it: "University of New South Wales", "Bank of Japan" are no
    // place, however the words after "of" read; the place they name is what the body is of)
    const orgCue = headLen >= 2 && (hasCapCue(ps.slice(0, headLen), 1, Cat.OrgCue) || cueOf(ps)) && !(R.has(headLast, Cat.PlaceCue) && !R.has(headLast, Cat.OrgCue));
    // a people's word is its country's, when a title split it off ("Vietnam Japanese Prime Minister ...": "Japanese"),
    // and so at the end of a run it is the adjective of the title or noun after it: "Visit of Japanese PM Kishida",
    // "Senior Korean leaders" (what is before it, a word and "of", or titles only, is no part of a name with it)
    if (!whole && partEnd(ps[ps.length - 1]!, b) === ps[ps.length - 1]!) {
      const k = ps[ps.length - 1]!;
      const d = demonymOf(k, k);
      if (d && ps.length === 1) { emitDemonym(k, k, d); return; }
      if ((d || isDemonymTailIn(text, t.start[k]!, t.end[k]!, tk.range(k, k))) && ps.length >= 2 && !demonymOf(ps[ps.length - 2]!, k)) {
        let rest = ps.slice(0, -1);
        const ofBefore = R.has(rest[rest.length - 1]!, Cat.Connector) && (t.flags[rest[rest.length - 1]!]! & TF.Lower) !== 0;
        if (ofBefore || rest.every(x => R.has(x, Cat.TitleMod) || R.has(x, Cat.TitleHead))) {
          while (rest.length && (t.flags[rest[rest.length - 1]!]! & TF.Lower)) rest = rest.slice(0, -1);
          if (ofBefore) segmentNames(rest, b, weak, initial, role);
          if (d) emitDemonym(k, k, d);
          return;
        }
      }
    }
    // (a small capital only where nothing says it is a person: "said Yaren, a teacher")
    if (whole && (whole.type !== 'city' || whole.population >= 100000 || (whole.capital && !personContext(first, lastTok))) && !(orgCue && whole.type !== 'country')) {
      emit(first, lastTok, 'place', 3, GAZETTEER_WHY[whole.type], weak, initial && ps.length === 1, role, whole);
      return;
    }
    // "Mt. Kenya", "St. Helens": a place's abbreviation opens the name of one the gazetteer does not know
    if (ps.length >= 2 && !orgCue && PLACE_ABBREVIATIONS.has(R.lw(first)) && R.ch(first + 1) === 46) { emit(first, lastTok, 'place', 3, `cue: ${word(first)}.`, weak, false, role, null); return; }
    if (orgCue) { emit(first, lastTok, 'organization', 4, `cue: ${word(ps.find(k => R.has(k, Cat.OrgCue))!)}`, weak, false, role, null); return; }
    if (lastIsPlaceCue) { emit(first, lastTok, 'place', 3, `cue: ${word(headLast)}`, weak, false, role, null); return; }
    const body = bodyOf(ps, headLen);
    if (body >= 0) { emit(first, lastTok, 'organization', 3, `office-holders: ${word(body)}`, weak, false, role, null); return; }
    // compass + a region or place: Southeast Asia, Northeast Asia
    if (ps.length === 2 && R.has(ps[0]!, Cat.Compass) && (R.has(ps[1]!, Cat.Continent) || placeAt(ps[1]!, ps[1]!))) {
      emit(first, lastTok, 'place', 3, 'compass + place', weak, false, role, null); return;
    }
    // "Southeast Asian", "North Korean": a compass word and the adjective of a continent or a country
    // (not "Upper Thannan", a place the gazetteer does not know)
    if (ps.length === 2 && R.has(ps[0]!, Cat.Compass) && (continentAdjective(word(ps[1]!)) || demonymOf(ps[1]!, ps[1]!))) return;
    // split off places at either end: "Vietnam South Korea Partnership", "Seoul Summit"
    if (ps.length >= 2) {
      for (let n = Math.min(ps.length - 1, 4); n >= 1; n--) {
        const p = placeOf(ps[0]!, ps[n - 1]!, b);
        if (p && (p.type !== 'city' || p.population >= 1e6) && !personContext(ps[0]!, lastTok)) {
          segmentNames(ps.slice(0, n), b, weak, initial, role);
          segmentNames(ps.slice(n), b, weak, false, null);
          return;
        }
      }
      for (let n = Math.min(ps.length - 1, 4); n >= 1; n--) {
        const p = placeOf(ps[ps.length - n]!, ps[ps.length - 1]!, b);
        if (p && (p.type === 'country' || p.population >= 1e6) && !sourceContext(first, lastTok) && !personContext(ps[0]!, lastTok) && (!R.has(ps[ps.length - n - 1]!, Cat.Compass) || R.has(ps[ps.length - n]!, Cat.Compass))) {
          segmentNames(ps.slice(0, ps.length - n), b, weak, initial, role);
          segmentNames(ps.slice(ps.length - n), b, weak, false, null);
          return;
        }
      }
    }
    // titles with no name: "Deputy PM", "Prime Ministerial Deputy" (a title's adjective: "Ministerial", "Presidential")
    if (ps.length >= 2 && ps.every(k => R.has(k, Cat.TitleMod | Cat.TitleHead) || titleAdjective(k))) return;
    // what is left: a person, an organisation, or something else
    if (ps.length === 1) {
      const k = ps[0]!;
      const e = R.lex(k);
      if (e && e.cats & (Cat.Stop | Cat.Month | Cat.Weekday | Cat.TitleHead | Cat.Compass | Cat.NumberWord | Cat.Ordinal)) return;
      // the head of a name alone names no one of them: "the Party and State", "the Ministry", "the Province"
      // (but a newspaper, a parliament or an army is called so: "the Times", "Congress", "the Navy")
      if (e && e.cats & (Cat.OrgCue | Cat.PlaceCue) && !(t.flags[k]! & TF.AllCaps) && !NAMED_ALONE.has(e.word)) return;
      if (isDemonymTailIn(text, t.start[k]!, t.end[k]!, tk.range(k, k))) return;
      if (lastTok > k && continentCompound(k, lastTok)) { emit(first, lastTok, 'place', 3, 'continent compound', weak, initial, role, null); return; }
      // "the two Koreas", "the Sudans": the countries that share the word
      if (lastTok === k && text.charCodeAt(t.end[k]! - 1) === 115 && isCountriesPluralIn(text, t.start[k]!, t.end[k]!, tk.range(k, k))) { emit(k, k, 'place', 3, 'countries sharing a name', weak, initial, role, null); return; }
      const len = t.end[k]! - t.start[k]!;
      if (len < 2) return;
      const acronym = (t.flags[k]! & (TF.AllCaps | TF.MixedCaps)) !== 0 && len <= 8 && /^[A-Z][A-Za-z]*[A-Z][a-z]?$|^[A-Z]{2,}$/.test(word(k));
      const outlet = outletContext(k, lastTok);
      const ev = personContext(k, lastTok) ? 'person' : sourceContext(k, lastTok) || companyContext(k) || outlet || acronym ? 'organization' : null;
      emit(k, lastTok, ev, ev ? (acronym && ev === 'organization' ? 1 : 2) : 0, ev ? (outlet && ev === 'organization' ? 'news outlet' : acronym ? 'acronym' : 'context') : '', weak, initial, role, null, acronym);
      return;
    }
    // a storm is named like a person: "Tropical Storm Mion", "Typhoon Isoen", "Hurricane Dora"
    const storm = ps.find((k, i) => i <= 1 && STORM_WORDS.has(R.lw(k)));
    if (storm !== undefined && ps.length >= 2 && storm !== ps[ps.length - 1]) { emit(first, lastTok, 'other', 3, `cue: ${word(storm)}`, weak, false, role, null); return; }
    // a firm's name, no person's: "Procter & Gamble"
    // (or a place written with one: "Trinidad & Tobago", "Antigua & Barbuda")
    if (hasAmpersand(first, lastTok)) {
      const place = placeByKey(nameKey(text.slice(t.start[first]!, t.end[lastTok]!).replace(/&/g, 'and')));
      if (place) emit(first, lastTok, 'place', 3, 'gazetteer', weak, false, role, place);
      else emit(first, lastTok, 'organization', 2, 'an ampersand in the name', weak, false, role, null);
      return;
    }
    const pc = personContext(first, lastTok) || hyphenName(ps);
    if (pc) { emit(first, lastTok, 'person', 2, 'context', weak, false, role, null); return; }
    if (sourceContext(first, lastTok)) { emit(first, lastTok, 'organization', 3, 'credited as the source', weak, false, role, null); return; }
    if (companyContext(first)) { emit(first, lastTok, 'organization', 2, 'context', weak, false, role, null); return; }
    if (outletContext(first, lastTok)) { emit(first, lastTok, 'organization', 3, 'news outlet', weak, false, role, null); return; }
    emit(first, lastTok, looksLikeName(ps) ? 'person' : null, looksLikeName(ps) ? 1 : 0, looksLikeName(ps) ? 'name shape' : '', weak, false, role, null);
  }

  /** "Ministerial", "Presidential": a title head's adjective. */
  function titleAdjective(k: number): boolean {
    if (!(t.flags[k]! & TF.Cap) || t.end[k]! - t.start[k]! < 7 || !text.endsWith('ial', t.end[k]!)) return false;
    return ((lookupWord(word(k).slice(0, -3).toLowerCase())?.cats ?? 0) & Cat.TitleHead) !== 0;
  }
  function isTitleHead(ps: number[], k: number): boolean {
    const e = R.lex(ps[k]!);
    if (!e || !(e.cats & Cat.TitleHead)) return false;
    if (e.word === 'general') return k > 0 && R.is(ps[k - 1]!, 'secretary');
    if (e.word === 'secretary' && k + 1 < ps.length && R.is(ps[k + 1]!, 'general')) return false;
    return true;
  }

  function word(k: number): string { return text.slice(t.start[k]!, t.end[k]!); }

  function emitDemonym(a: number, b: number, country: Place): void {
    const m = base(a, b, country.id, 'place', 3, `demonym of ${country.name}`, false, false, null, country);
    m.via = 'demonym';
    out.push(m);
  }

  function emitPerson(name: number[], b: number, title: string, titleFirst: number, weak: boolean): void {
    if (!name.length) return;
    const first = name[0]!, last = partEnd(name[name.length - 1]!, b);
    // a one-word name after a one-word title is a short form whose title is part of how it is said: "President Lee"
    const single = name.length === 1;
    const titleWord = title.toLowerCase();
    const withTitle = single && SINGLE_TITLE.has(titleWord);
    const from = withTitle ? titleFirst : first;
    const m = base(from, last, '', 'person', 4, `title: ${title}`, weak, false, title, null);
    // (base gave it the key of all its words; "President Lee" is known by "Lee")
    if (withTitle) { const own = internAt(first, last); m.ownKey = m.firstKey = m.lastKey = keyAt(own); m.key = idAt(own); }
    out.push(m);
  }

  function emit(a: number, b: number, kind: EntityKind | null, weight: number, why: string, weak: boolean, initial: boolean, role: string | null, place: Place | null, acronym = false): void {
    const m = base(a, b, place ? place.id : '', kind, weight, why, weak, initial, role, place);
    m.acronym = acronym;
    out.push(m);
  }

  /** The mention of tokens a..b (its text: text.slice(start[a], end[b])). */
  function base(a: number, b: number, key: string, kind: EntityKind | null, weight: number, why: string, weak: boolean, initial: boolean, role: string | null, place: Place | null): RawMention {
    const own = internAt(a, b), ownKey = keyAt(own);
    const start = t.start[a]!, end = t.end[b]!;
    // the name parts, as parts(a, b) would list them, counted without an array
    let nParts = 0, w0 = a, wn = a;
    for (let k = a; k <= b; k++) {
      if (t.kind[k] !== TK.Word) continue;
      if (k > a && R.hyphen(k - 1)) continue;
      if (nParts++ === 0) w0 = k;
      wn = k;
    }
    // a family name with its particles: "von der Leyen" of "Ursula von der Leyen", and "Von der Leyen" itself
    while (wn > a && t.kind[wn - 1] === TK.Word && R.has(wn - 1, Cat.Connector) && !R.is(wn - 1, 'of') && !R.is(wn - 1, 'for') && ((t.flags[wn - 1]! & TF.Lower) || wn - 1 === a) && wn - 1 > w0 - (w0 === a ? 1 : 0)) wn--;
    // first and last word keys: the whole key again when the mention is one word
    const firstKey = w0 === a && w0 === b ? ownKey : keyAt(internAt(w0, w0));
    const lastKey = wn === a ? ownKey : keyAt(internAt(wn, b));
    const m: RawMention = {
      start, end, text: textAt(own, text, start, end), key: key || idAt(own), ownKey, tokens: nParts, kind,
      evPerson: kind === 'person' ? weight : 0, evPlace: kind === 'place' ? weight : 0, evOrg: kind === 'organization' ? weight : 0, evidence: evidenceList(why), role: role ?? appositive(b), via: 'name',
      possessive: isPossessive(t, b + 1), weak, initial, acronym: false, term: false, sent: t.sent[a]!, first: a, last: b,
      firstKey, lastKey, place, readVia: null, readEvidence: null,
    };
    return m;
  }

  /** ", the general secretary of Vietnam's Communist Party," → a role. */
  function appositive(b: number): string | null {
    if (R.ch(b + 1) !== 44) return null;
    let k = b + 2;
    if (R.is(k, 'the') || R.is(k, 'a') || R.is(k, 'an')) k++;
    const from = k;
    let hasRole = false;
    while (k < t.n && k - from < 8 && t.sent[k] === t.sent[b] && t.kind[k] === TK.Word && !(R.has(k, Cat.SpeechVerb))) {
      if (R.has(k, Cat.RoleNoun) && (t.flags[k]! & TF.Lower)) hasRole = true;
      if (R.is(k, 'who') || R.is(k, 'which')) break;
      k++;
    }
    if (!hasRole || k === from) return null;
    return text.slice(t.start[from]!, t.end[k - 1]!).replace(/\s+/g, ' ');
  }

  /** Signs that the words a..b name a person: a role noun before, an appositive role after, a speech verb beside, a byline. */
  function personContext(a: number, b: number): boolean {
    let p = a - 1;
    if (R.ch(p) === 44) p--;
    if (R.has(p, Cat.RoleNoun) && (t.flags[p]! & TF.Lower)) return true;
    if (R.has(p, Cat.SpeechVerb) && !R.is(p, 'according')) return true;
    if (R.is(a - 1, 'by') && (t.flags[a - 1]! & TF.Cap) && (t.flags[a - 1]! & TF.NL || a - 1 === 0 || t.sentFirst[t.sent[a - 1]!] === a - 1)) return true;
    let n = b + 1;
    if (isPossessive(t, n)) return false;
    if (R.has(n, Cat.SpeechVerb) && !R.is(n, 'according')) return true;
    if (R.ch(n) === 44) {
      n++;
      if (R.is(n, 'a') || R.is(n, 'an') || R.is(n, 'the')) n++;
      // (a hyphened word is one word, its last part the noun: "co-founder", "vice-chairman")
      for (let k = n, w = 0; w < 4 && k < t.n && t.kind[k] === TK.Word && (t.flags[k]! & TF.Lower); k++, w++) {
        while (R.hyphen(k + 1) && t.kind[k + 2] === TK.Word && (t.flags[k + 2]! & TF.Lower)) k += 2;
        if (R.has(k, Cat.RoleNoun)) return true;
      }
      if (t.kind[n] === TK.Number && R.ch(n + 1) === 44) return true; // "Lam, 68,"
    }
    return false;
  }
  /** The run at a is a credit: "Source: Nikkei Asia", "Photo: Reuters". */
  function creditAt(a: number): boolean {
    return R.ch(a - 1) === 58 && CREDIT.has(R.lw(a - 2));
  }
  function sourceContext(a: number, b: number): boolean {
    // "Source: Nikkei Asia", "Photo: Reuters"
    if (creditAt(a)) return true;
    // "according to Halvex, which tracks shipments": a source, and no person ("according to Thayer" alone may be one)
    return R.is(a - 1, 'to') && R.is(a - 2, 'according') && R.ch(b + 1) === 44 && R.is(b + 2, 'which') && (t.flags[b + 2]! & TF.Lower) !== 0;
  }
  function hasAmpersand(a: number, b: number): boolean {
    for (let k = a + 1; k < b; k++) if (t.kind[k] === TK.Punct && R.ch(k) === 38) return true;
    return false;
  }
  /** The name ending at token b is in brackets before a dash: a wire dateline's agency ("HANOI (VNA) –", "SEOUL (Yonhap) --"). */
  function agencyAt(b: number): boolean {
    if (R.ch(b + 1) !== 41 || !(R.isDash(b + 2) || R.ch(b + 2) === 0x2014)) return false;
    // (the bracket opens a few words before: "(Thomson Reuters)")
    for (let k = b; k >= 0 && k >= b - 4; k--) if (t.kind[k] === TK.Punct && R.ch(k) === 40) return true;
    return false;
  }
  /** A news outlet: the name after the byline's bar ("Jaea Tellska | Asia Brief Today"), or an app's ("Download the Capital Courier app"). */
  function outletContext(a: number, b: number): boolean {
    if (R.lwIs(b + 1, 'app') && (t.flags[b + 1]! & TF.Lower)) return true;
    if (R.ch(a - 1) === 40 && agencyAt(b)) return true;
    const bar = R.lwIs(a - 1, 'the') ? a - 2 : a - 1;
    if (R.ch(bar) !== 124 || !(b + 1 >= t.n || (t.flags[b + 1]! & TF.NL)) || bar < 1 || t.kind[bar - 1] !== TK.Word) return false;
    // one bar on the line, after a name: not a row of sections ("Home | World | Business")
    for (let k = bar - 1; k >= 0; k--) {
      if (R.ch(k) === 124) return false;
      if (t.flags[k]! & TF.NL || k === 0) return true;
    }
    return true;
  }
  function companyContext(a: number): boolean {
    let p = a - 1;
    return R.has(p, Cat.CompanyNoun) && (t.flags[p]! & TF.Lower) !== 0;
  }
  function hyphenName(ps: number[]): boolean {
    // Korean-style given names: Jae-myung, Suk-yeol
    for (const k of ps) if (R.isDash(k + 1) && R.glued(k) && t.kind[k + 2] === TK.Word && (t.flags[k + 2]! & TF.Lower) && t.end[k + 2]! - t.start[k + 2]! <= 6) return ps.length >= 2;
    return false;
  }
  function looksLikeName(ps: number[]): boolean {
    if (ps.length < 2 || ps.length > 4) return false;
    for (const k of ps) {
      // (a name's particles: "Pedro de la Rosa", "Rafael van der Vaart")
      if ((t.flags[k]! & TF.Lower) && R.has(k, Cat.Connector) && k !== ps[0] && k !== ps[ps.length - 1]) continue;
      if (t.flags[k]! & TF.AllCaps) return false;
      // a brand's spelling is no person's: a word with digits glued on ("Daily8"), or capitals inside it ("TikTok";
      // not "McAdams", "DeSantis", "O'Neill", "LeBron")
      if (R.glued(k) && t.kind[k + 1] === TK.Number) return false;
      if ((t.flags[k]! & TF.MixedCaps) && !/^(?:Mc|Mac|O['’]|D['’]|De|Di|Da|Du|La|Le|Van|Von)\p{Lu}/u.test(word(k))) return false;
      if (R.lex(k)) return false;
      if (t.end[k]! - t.start[k]! > 12) return false;
    }
    return true;
  }

  // ---- explicit equations: "X, known internationally as the Y", "X (Y)"
  for (let k = 0; k < out.length - 1; k++) {
    const x = out[k]!, y = out[k + 1]!;
    if (x.sent !== y.sent) continue;
    const between = text.slice(x.end, y.start);
    // (not a dateline's place and its agency: "HANOI (VNA) –", "SEOUL (Yonhap) --")
    if (/^,?\s*(?:also\s+)?(?:known|called|referred to)(?:\s+\w+)?\s+as\s+(?:the\s+)?$/i.test(between) || /^\s*\(\s*$/.test(between) && text.slice(y.end, y.end + 2).trimStart().startsWith(')') && !agencyAt(y.last)) {
      aliases.push({ a: x.key, b: y.key, why: between.includes('(') ? 'written in parentheses' : `"${between.trim().replace(/^,\s*/, '')}"` });
    }
  }
  // ---- "artificial intelligence (AI)", "gross domestic product (GDP)": an acronym after the lower-case words it spells
  for (const m of out) if (m.acronym && m.first === m.last && R.ch(m.first - 1) === 40 && R.ch(m.last + 1) === 41) m.term = spelledBefore(m.first - 1, m.text);
  function spelledBefore(open: number, letters: string): boolean {
    const n = letters.length;
    if (n < 2 || n > 6) return false;
    let k = open - 1;
    for (let i = n - 1; i >= 0; i--, k--) {
      if (k < 0 || t.kind[k] !== TK.Word || !(t.flags[k]! & TF.Lower) || t.sent[k] !== t.sent[open]) return false;
      if ((text.charCodeAt(t.start[k]!) | 32) !== (letters.charCodeAt(i) | 32)) return false;
    }
    return true;
  }
  forgetDocumentTexts();
  return { mentions: out, aliases };
}

/** A list's bullet: one dash, star or dot. */
function isBullet(text: string, s: number, e: number): boolean {
  if (e - s !== 1) return false;
  const c = text.charCodeAt(s);
  return c === 45 || c === 42 || c === 0x2022 || c === 0x2013 || c === 0x2014 || c === 0xb7 || c === 0x25aa;
}

function isOpener(c: number): boolean {
  return c === 34 || c === 39 || c === 0x2018 || c === 0x201c || c === 40 || c === 91 || c === 0xab;
}

/** Resolve short forms inside one document: "Lam" → "To Lam", "President Lee" → "Lee Jae-myung", "Huynh" → "Huynh Tam Sang". */
/** A storm's name ("Tropical Storm Mion", "Typhoon Isoen"): its evidence is the storm word (see segmentNames). */
function isStorm(m: RawMention): boolean {
  const cue = m.evidence[0];
  return m.kind === 'other' && m.tokens >= 2 && cue !== undefined && cue.startsWith('cue: ') && STORM_WORDS.has(cue.slice(5).toLowerCase());
}

/**
 * A person's full name that family or given names can stand for, in the document and across the corpus: two
 * words or more, not one repeated, read as a person's. A long run of capitals in a headline is none ("Cyclone
 * Noren Hits Hollindal" is not Hollindal's).
 */
export function isFullName(m: RawMention): boolean {
  return m.tokens >= 2 && m.firstKey !== m.lastKey && m.ownKey !== m.lastKey && (m.kind === 'person' || m.evPerson > 0) && !(m.weak && m.tokens >= 4);
}

export function resolveShortForms(mentions: RawMention[]): void {
  // (and storms, named like people: "Mion" for "Tropical Storm Mion")
  const people = mentions.filter(m => m.via === 'name' && (isFullName(m) || isStorm(m)));
  if (!people.length) return;
  // the full names by first and by last name, in text order, all of them and those not weak
  // (a short form is never a full name itself: those are one word, or one name with a title)
  const byName = new Map<string, { all: RawMention[]; strong: RawMention[] }>();
  const order = people.map((_, i) => i).sort((a, b) => people[a]!.start - people[b]!.start || a - b);
  for (const i of order) {
    const p = people[i]!;
    for (const key of p.firstKey === p.lastKey || isStorm(p) ? [p.lastKey] : [p.firstKey, p.lastKey]) {
      let e = byName.get(key);
      if (!e) byName.set(key, e = { all: [], strong: [] });
      e.all.push(p);
      if (!p.weak) e.strong.push(p);
    }
  }
  // a name the document places where something happens ("sites in Wysston", placeShapes) is a place each time it
  // comes, no short form of a headline's words or a name that begins with it ("Wysston Pay Dispute")
  let placed: Set<string> | null = null;
  for (const m of mentions) if (m.tokens === 1 && m.evPlace > 0 && !m.place) (placed ??= new Set()).add(m.ownKey);
  for (const m of mentions) {
    // (or a family name with its particles, all of the mention: "Von der Leyen")
    if (m.tokens !== 1 && m.ownKey !== m.lastKey && !(m.kind === 'person' && m.ownKey && m.firstKey === m.lastKey && m.text.includes(' ') && m.role)) continue;
    if (m.via !== 'name' || m.acronym) continue;
    if (m.place && !m.role) continue;
    if (placed && placed.has(m.ownKey) && !m.role) continue;
    const named = byName.get(m.ownKey);
    if (!named) continue;
    // a sentence's first word, or a headline's, is no short form of a headline's words ("Government advisers" of "Set
    // to Form Government", "Italy, New Zealand Sign 11 Agreements" of "Menu Search Sign")
    const best = nearestFullName((m.initial || m.weak) ? named.strong : named.all, m.start);
    if (best) {
      m.key = best.key;
      m.via = 'short';
      if (isStorm(best)) { m.kind = 'other'; m.evPerson = 0; }
      else { m.kind = 'person'; m.evPerson += 2; }
      m.initial = false;
      m.weak = false;
      m.evidence = withEvidence(m.evidence, `short for ${best.text}`);
    }
  }
}

/** The nearest full name that starts at or before `at` (the first of those starting at the same place), else the nearest after it. */
function nearestFullName(names: RawMention[], at: number): RawMention | null {
  let lo = 0, hi = names.length; // first name starting after `at`
  while (lo < hi) { const mid = (lo + hi) >> 1; if (names[mid]!.start <= at) lo = mid + 1; else hi = mid; }
  if (lo === 0) return names[0] ?? null;
  let k = lo - 1;
  while (k > 0 && names[k - 1]!.start === names[k]!.start) k--;
  return names[k]!;
}

/** "Asian", "African", "European", "American": a continent's adjective. */
function continentAdjective(w: string): boolean {
  const l = w.toLowerCase();
  if (!l.endsWith('an')) return false;
  return ((lookupWord(l.slice(0, -1))?.cats ?? 0) & Cat.Continent) !== 0 || ((lookupWord(l.slice(0, -2))?.cats ?? 0) & Cat.Continent) !== 0;
}
