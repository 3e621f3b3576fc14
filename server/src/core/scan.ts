// One pass over a document's characters: tokens (words, numbers, punctuation) in
// typed arrays, with case flags, the line breaks before each token and a case-folded
// hash for lexicon lookups; then sentences and "aside" regions (related-article boxes,
// app promotions, "Read also" lists). No allocation per token.
import { Cat, catsById, foldChar, hashFold, lookupId, lookupWord } from './lexicon';
import { gluedWords, isCommonWord, isWord } from './words';
import { placeIn, countryOfDemonymIn } from './gazetteer';

export const enum TK { Word = 1, Number = 2, Punct = 3 }
export const enum TF {
  Cap = 1,        // first letter upper-case
  AllCaps = 2,    // two or more letters, all upper-case
  Lower = 4,      // first letter lower-case
  NL = 8,         // the gap before it holds a line break
  Blank = 16,     // the gap before it holds a blank line
  Space = 32,     // the gap before it is not empty
  MixedCaps = 64, // upper-case letters after the first (RoK, iPhone, PhuTrong)
  Forced = 128,   // a sentence starts at it only because the one before reached MAX_SENTENCE_TOKENS
}

/**
 * The longest sentence, in tokens; a longer run without a sentence end (a pasted table, a list of figures, text
 * without punctuation) is cut at the next space, or here at the latest. Readers that look across a sentence (context
 * words, names around a figure, the trade flow) are then bounded per figure. Real sentences are far shorter: at most
 * 37 tokens in a 10 MB generated corpus, 67 in the seed articles.
 */
export const MAX_SENTENCE_TOKENS = 200;

export interface Tokens {
  n: number;
  start: Int32Array;
  end: Int32Array;
  kind: Uint8Array;
  flags: Uint8Array;
  hash: Int32Array;
  /** Lexicon entry id of each word (0: none). */
  lex: Int32Array;
  /** Sentence index of each token. */
  sent: Int32Array;
  /** Sentence extents (offsets) by index. */
  sentStart: number[];
  sentEnd: number[];
  /** Token index ranges [from, to) of each sentence. */
  sentFirst: number[];
  /** 1 when the token's line reads like a title (most words capitalised). */
  titleLine: Uint8Array;
}

// Character classes: 1 letter-lower, 2 letter-upper, 3 other letter (no case), 4 digit, 5 space, 6 newline, 7 apostrophe, 0 punctuation/other.
const cls = new Uint8Array(65536);
let clsReady = false;
function initClasses(): void {
  for (let c = 0; c < 65536; c++) {
    let k = 0;
    if (c >= 48 && c <= 57) k = 4;
    else if (c === 10 || c === 13) k = 6;
    else if (c === 32 || c === 9 || c === 12 || c === 11 || c === 0xa0 || c === 0x2009 || c === 0x200b || c === 0x202f || c === 0x3000 || (c >= 0x2000 && c <= 0x200a)) k = 5;
    else if (c === 39 || c === 0x2019) k = 7;
    else if (c >= 0xd800 && c <= 0xdfff) k = 0;
    else if (c < 128) k = c >= 97 && c <= 122 ? 1 : c >= 65 && c <= 90 ? 2 : 0;
    else if (c === 0x2028 || c === 0x2029 || c === 0x85) k = 6;
    else {
      const s = String.fromCharCode(c);
      if (/\p{L}|\p{M}/u.test(s)) k = s !== s.toLowerCase() ? 2 : s !== s.toUpperCase() ? 1 : 3;
    }
    cls[c] = k;
  }
  clsReady = true;
}

export function charClass(c: number): number {
  if (!clsReady) initClasses();
  return cls[c]!;
}

// the FNV-1a offset basis 0x811c9dc5 as an int32: the hash then stays a small integer in the loop, never a double
const FNV_BASIS = -2128831035;

let cap = 0;
let T: Tokens = alloc(1024);
function alloc(size: number): Tokens {
  cap = size;
  return {
    n: 0, start: new Int32Array(size), end: new Int32Array(size), kind: new Uint8Array(size), flags: new Uint8Array(size),
    hash: new Int32Array(size), lex: new Int32Array(size), sent: new Int32Array(size), sentStart: [], sentEnd: [], sentFirst: [], titleLine: new Uint8Array(size),
  };
}

/** Whether text at s opens a sentence: at the text's start, or after a line break or a sentence's end and spaces. */
function opensSentence(text: string, s: number): boolean {
  let k = s - 1;
  while (k >= 0 && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9)) k--;
  if (k < 0) return true;
  const c = text.charCodeAt(k);
  return c === 10 || c === 13 || ((c === 46 || c === 33 || c === 63) && k < s - 1);
}

/** Capitalised function words that open a sentence or a name and are glued to the name after them (few brands begin so: not "In", for "InBev"). */
const CAP_GLUED_FUNCTION = new Set(['The', 'And', 'From', 'With']);

/**
 * Whether a word with a lower-case letter right before a capital (at `at`) is two words glued by text
 * extraction: a function word before a name ("inLunean", "ofVietnam"), or a name before an organisation's or a
 * place's word ("FoxgloveElectronics", "PortAuthority", "LakeVarnville"). Brand names stay whole ("iPhone",
 * "YouTube", "McDonald", "PowerPoint").
 */
function gluedPair(text: string, s: number, at: number, end: number, firstClass: number): boolean {
  if (at - s < 2 || end - at < 3) return false;
  const cats = (a: number, b: number) => (b - a <= 13 ? catsById[lookupId(text, a, b, hashFold(text, a, b))]! : 0);
  if (firstClass === 1) return (cats(s, at) & Cat.Stop) !== 0;
  if (firstClass !== 2) return false;
  // "InLake Dornera", "InPort Braskvia, ...": "In" opening a sentence, before a name of two words ("InBev shares rose" stays whole)
  if (at - s === 2 && text.startsWith('In', s)) return opensSentence(text, s) && text.charCodeAt(end) === 32 && isUpperAscii(text.charCodeAt(end + 1));
  if (at - s < 3) return false;
  // "ThePellville Institute", "AndFoxglove"; a title and what follows it: "PrimeMinister", "GeneralSecretary", "PresidentQuiis Stenley"
  if (at - s <= 4 && CAP_GLUED_FUNCTION.has(text.slice(s, at))) return true;
  const first = cats(s, at), second = cats(at, end);
  if (at - s >= 4 && (first & Cat.TitleHead || (first & Cat.TitleMod && second & Cat.TitleHead))) return true;
  return (second & (Cat.OrgCue | Cat.PlaceCue)) !== 0 || (first & (Cat.PlaceCue | Cat.Compass)) !== 0;
}

/**
 * Where a preposition glued to the end of the word [s, i) starts, when it is followed by a space and a capital:
 * "from" after three letters or more ("Flightsfrom Nanthera"), "in" after "ing" ("Speakingin Pellvia"); else 0.
 */
function gluedPreposition(text: string, s: number, i: number, len: number): number {
  if (i - s < 7 || i + 1 >= len || text.charCodeAt(i) !== 32) return 0;
  const next = text.charCodeAt(i + 1);
  if (!(next >= 65 && next <= 90) && !(next > 127 && cls[next] === 2)) return 0;
  if (text.charCodeAt(i - 1) === 109 && text.startsWith('from', i - 4) && isLowerAscii(text.charCodeAt(i - 5))) return i - 4;
  if (text.charCodeAt(i - 1) === 110 && text.startsWith('ingin', i - 5)) return i - 2;
  return 0;
}
function isLowerAscii(c: number): boolean { return c >= 97 && c <= 122; }
function isUpperAscii(c: number): boolean { return c >= 65 && c <= 90; }
/** Longer runs of letters are no two glued words (and trying every split of one would take the square of its length). */
const MAX_GLUED = 40;

/**
 * Answers about words (a split's offset, at most MAX_GLUED) by a hash of the word, with its length kept beside the
 * answer to tell most words of one hash apart: most words come again and again, and an answer costs lookups in a
 * word list's filter. Emptied when full.
 */
class WordAnswers {
  private readonly m = new Map<number, number>();
  get(key: number, n: number): number | undefined {
    const v = this.m.get(key);
    return v !== undefined && v >> 8 === n ? v & 255 : undefined;
  }
  set(key: number, n: number, answer: number): void {
    if (this.m.size >= 200000) this.m.clear();
    this.m.set(key, n << 8 | answer);
  }
}

const isStopIn = (text: string) => (a: number, b: number) => (catsById[lookupId(text, a, b, hashFold(text, a, b))]! & Cat.Stop) !== 0;
const lowerSplits = new WordAnswers();
/** Where the lower-case word [s, e) (hash h) splits into two glued words, or 0 (see words.ts). */
function gluedAt(text: string, s: number, e: number, h: number): number {
  let off = lowerSplits.get(h, e - s);
  if (off === undefined) { const at = gluedWords(text, s, e, isStopIn(text)); lowerSplits.set(h, e - s, off = at && at - s); }
  return off && s + off;
}

const capSplits = new WordAnswers(), pairSplits = new WordAnswers();

/**
 * The capitalised words of the text being tokenized, with how often each comes (made when first asked, dropped when
 * tokenize() ends: no text stays held). Two searches of the whole text per asking word made a text of many distinct
 * glued words quadratic.
 */
let capsText: string | null = null, capsCount: Map<string, number> | null = null;
function capsCounts(text: string): Map<string, number> {
  if (capsText !== text || !capsCount) {
    capsText = text; capsCount = new Map();
    for (const m of text.matchAll(/\p{Lu}\p{L}*/gu)) capsCount.set(m[0], (capsCount.get(m[0]) ?? 0) + 1);
  }
  return capsCount;
}
function onceInText(text: string, s: number, e: number): boolean {
  const word = text.slice(s, e);
  if (!/^\p{L}+$/u.test(word)) return text.indexOf(word) === s && text.indexOf(word, e) < 0;
  return capsCounts(text).get(word) === 1;
}
/**
 * Where a capitalised word [s, e) that is no name nor English word splits into a country's name or its people's word
 * and a common lower-case word of four letters or more ("Greece|fell", "Pakistan|established", "Hungary|wants"),
 * the longest such name first, also with the capitalised word before it ("New Zealand|established", "South
 * Korean|exports": `prev`, its start, or -1, and its hash); or 0. Only a word the document has once: a name
 * ("Chadwick") comes again, a slip of the extraction seldom does.
 */
function capGluedAt(text: string, s: number, e: number, h: number, prev: number, prevHash: number): number {
  const n = e - s;
  // 0: no name nor word can be two; else 1 + the split's offset (0 for none) in the word alone
  let alone = capSplits.get(h, n);
  if (alone === undefined) {
    const may = !placeIn(text, s, e) && !countryOfDemonymIn(text, s, e) && !isWord(text.slice(s, e).toLowerCase(), 0, n);
    // (a word of five or six letters can only be a short function word and "the": "Inthe", "Onthe")
    const at = !may ? 0 : n < 7 ? s + functionWordThenArticle(text, s, e) : countryThenWord(text, s, s, e);
    capSplits.set(h, n, alone = may ? 1 + (at && at - s) : 0);
  }
  if (!alone) return 0;
  // the head of a name glued to "of": "the National Energy Agencyof Romania", "the Ministryof Trade" (no name ends so: no need to be the only one)
  const of = cueThenOf(text, s, e);
  if (of) return s + of;
  if (n < 7) return alone > 1 && onceInText(text, s, e) ? s + alone - 1 : 0;
  let off = alone - 1;
  if (!off && prev >= 0) {
    const key = Math.imul(prevHash, 0x9e3779b1) ^ h;
    const known = pairSplits.get(key, n);
    if (known !== undefined) off = known;
    else { const at = countryThenWord(text, prev, s, e); pairSplits.set(key, n, off = at && at - s); }
  }
  if (!off) off = nameThenPastVerb(text, s, e) || pluralThenPreposition(text, s, e) || functionWordThenArticle(text, s, e) || theThenWord(text, s, e);
  if (!off) return 0;
  return onceInText(text, s, e) ? s + off : 0;
}
// (a plural not before "on": a family name in -son reads as a common plural and "on", "Tellson", "Atkinson"; a
// word in -ing may: "Spendingon clean power")
const GLUED_PREPOSITIONS = ['in', 'on', 'at', 'of', 'for', 'from'];
/** The offset in [s, e) after a common plural or -ing word glued to a preposition ("Hotelsin San Dalmorera", "Flightsfrom Porto", "Spendingon"), or 0. */
function pluralThenPreposition(text: string, s: number, e: number): number {
  for (const p of GLUED_PREPOSITIONS) {
    const j = e - p.length;
    if (j - s < 4 || !text.startsWith(p, j)) continue;
    const plural = text.charCodeAt(j - 1) === 115 && p !== 'on', ing = j - s >= 6 && text.startsWith('ing', j - 3);
    if (!plural && !ing) continue;
    const head = text.slice(s, j).toLowerCase();
    if (isCommonWord(head, 0, head.length)) return j - s;
  }
  return 0;
}

/** The offset in [s, e) of "of" glued to an organisation's or a place's head word ("Agency|of", "Republic|of"), or 0. */
function cueThenOf(text: string, s: number, e: number): number {
  if (e - s < 6 || text.charCodeAt(e - 2) !== 111 || text.charCodeAt(e - 1) !== 102) return 0;
  return ((lookupWord(text.slice(s, e - 2).toLowerCase())?.cats ?? 0) & (Cat.OrgCue | Cat.PlaceCue)) !== 0 ? e - 2 - s : 0;
}

/** 3 when [s, e) is "The" glued to a common word of four letters or more ("Thepopulation of Nanthera"; "Theodore", "Thetford" are none), or 0. */
function theThenWord(text: string, s: number, e: number): number {
  return e - s >= 7 && text.startsWith('The', s) && isCommonWord(text, s + 3, e) ? 3 : 0;
}

const GLUED_COPULAS = ['the', 'is', 'are'];
/**
 * The offset in [s, e) after a function word glued to "the", "is" or "are" ("Overthe past year", "Inthe end",
 * "Thereis no"), or after a common plural glued to "are" ("Workersare demanding"); or 0. Names seldom end so:
 * "Ellis" is no function word and "is"; "Willis" is an auxiliary and "is", which no sentence writes. ("Behindthe"
 * stays whole: "behind" is no function word of the lexicon.)
 */
function functionWordThenArticle(text: string, s: number, e: number): number {
  for (const tail of GLUED_COPULAS) {
    const j = e - tail.length;
    if (j - s < 2 || !text.startsWith(tail, j)) continue;
    const head = text.slice(s, j);
    if (((lookupWord(head)?.cats ?? 0) & Cat.Stop) !== 0 && (tail === 'the' || !GLUED_AUX.includes(head.toLowerCase()))) return j - s;
    if (tail === 'are' && j - s >= 5 && text.charCodeAt(j - 1) === 115 && isCommonWord(text.slice(s, j).toLowerCase(), 0, j - s)) return j - s;
  }
  return 0;
}

const GLUED_AUX = ['have', 'has', 'had', 'will', 'would', 'said', 'says', 'was', 'were', 'are', 'did', 'does',
  // and past tenses not in -ed ("Veynerspent 13 years abroad")
  'spent', 'made', 'took', 'won', 'led', 'left', 'met', 'told', 'became', 'began', 'gave', 'held', 'built', 'sold', 'bought', 'paid', 'grew', 'found', 'saw', 'kept', 'lost'];
const GLUED_VERBS = ['controls', 'employs', 'expects', 'operates', 'owns', 'plans', 'wants', 'runs', 'holds', 'remains', 'takes', 'makes'];
const GLUED_LINKS = ['to', 'and'];
/**
 * The offset in [s, e) after a name the text also writes alone, before a past-tense verb, an auxiliary, "to" or
 * "and" ("Morsen|discussed", "Chemicals|opened", "Authority|described", "Pradelera|to"), or a few verbs in -s ("Industries|controls"), or 0.
 * Only "-ed" words of five letters or more: a name's own ending is seldom one ("Blackstone", "Greenfield").
 */
function nameThenPastVerb(text: string, s: number, e: number): number {
  // "Larkspur Steelhave gained", "the Port Authoritywill publish": an auxiliary or "said" glued on
  for (const aux of GLUED_AUX) {
    const j = e - aux.length;
    if (j - s < 3 || !text.startsWith(aux, j)) continue;
    // (or the head word of an organisation's name: "Foxglove Grouphave gained")
    const head = text.slice(s, j);
    if (capsCounts(text).has(head) || ((lookupWord(head)?.cats ?? 0) & Cat.OrgCue)) return j - s;
  }
  // "the drive from Pradelerato Nessagrad", "between Carovia and Selkdal": a name and the word that links it to the next
  for (const link of GLUED_LINKS) {
    const j = e - link.length;
    if (j - s >= 4 && text.startsWith(link, j) && capsCounts(text).has(text.slice(s, j))) return j - s;
  }
  // a verb in -s that a company's name is the subject of: "Evergreen Industries|controls", "Lumen Mining|employs"
  // (a few known ones: any common word in -s would split names such as "Tradewinds")
  for (const verb of GLUED_VERBS) {
    const j = e - verb.length;
    if (j - s < 3 || !text.startsWith(verb, j)) continue;
    const head = text.slice(s, j);
    if (capsCounts(text).has(head) || ((lookupWord(head)?.cats ?? 0) & Cat.OrgCue)) return j - s;
  }
  if (text.charCodeAt(e - 1) !== 100 || text.charCodeAt(e - 2) !== 101) return 0; // ...ed
  for (let j = s + 3; j <= e - 5; j++) {
    if (isCommonWord(text, j, e) && capsCounts(text).has(text.slice(s, j))) return j - s;
  }
  return 0;
}
/** The longest [from, j) that is a country or its people's word, with [j, e) a common word of four letters or more (j in [s + 3, e - 4]); or 0. */
function countryThenWord(text: string, from: number, s: number, e: number): number {
  for (let j = e - 4; j >= s + 3; j--) {
    if (!isCommonWord(text, j, e)) continue;
    if (placeIn(text, from, j)?.type === 'country' || countryOfDemonymIn(text, from, j)) return j;
  }
  return 0;
}
export function asciiLower(text: string, s: number, e: number): boolean {
  for (let i = s; i < e; i++) if (!isLowerAscii(text.charCodeAt(i))) return false;
  return true;
}

/** Apostrophes after a word in s taken as possessives, to check once the whole text is read. */
const plural: number[] = [];

/** An apostrophe after a word in s (token j) is a possessive: the next word is no function word, and no quote it closes opened shortly before. */
function pluralPossessive(text: string, t: Tokens, j: number): boolean {
  const next = t.lex[j + 1]!;
  if (next && (catsById[next]! & (Cat.Stop | Cat.SpeechVerb))) return false;
  for (let k = j - 1; k >= 0 && k >= j - 8; k--) {
    if (t.kind[k] !== TK.Punct) continue;
    const c = text.charCodeAt(t.start[k]!);
    if ((c === 39 || c === 0x2018) && (k === 0 || t.end[k - 1]! < t.start[k]!)) return false;
    if (c === 46 || c === 33 || c === 63) break;
  }
  return true;
}

/** The lower-case letters from `from` are an English word of three letters or more, the whole of a word ("semiconductor" of "’ssemiconductor"). */
function gluedAfterPossessive(text: string, from: number, len: number): boolean {
  let e = from;
  while (e < len && e - from <= MAX_GLUED) { const c = text.charCodeAt(e); if (c < 97 || c > 122) break; e++; }
  if (e - from < 3 || e - from > MAX_GLUED) return false;
  const k = e < len ? cls[text.charCodeAt(e)]! : 0;
  return !(k === 1 || k === 2 || k === 3 || k === 7 || k === 4) && isWord(text, from, e);
}

/** The end of capitals each with a full stop, from i, two or more and no letter after them ("U.S.", "U.K.", "E.U."); or 0. */
function dottedEnd(text: string, i: number, len: number): number {
  let j = i;
  while (j + 1 < len) {
    const c = text.charCodeAt(j);
    if (!(c >= 65 && c <= 90) || text.charCodeAt(j + 1) !== 46) break;
    j += 2;
  }
  if (j - i < 4) return 0;
  const k = j < len ? cls[text.charCodeAt(j)]! : 0;
  return k === 1 || k === 2 || k === 3 || k === 7 || k === 4 ? 0 : j;
}

/** Letters after the line break of brokenWordEnd's last answer. */
let brokenTail = 0;
/**
 * The word [s, i) ends in a hyphen at i, then a line break, then lower-case ASCII letters up to a non-letter: where
 * those end, when the two halves (two letters or more each) make an English word; else 0.
 */
function brokenWordEnd(text: string, s: number, i: number, len: number): number {
  let k = i + 1;
  if (text.charCodeAt(k) === 13) k++;
  if (text.charCodeAt(k) !== 10) return 0;
  const from = ++k;
  while (k < len && k - from <= MAX_GLUED) { const c = text.charCodeAt(k); if (c < 97 || c > 122) break; k++; }
  if (k - from < 2 || k - from > MAX_GLUED) return 0;
  const after = k < len ? cls[text.charCodeAt(k)]! : 0;
  if (after === 1 || after === 2 || after === 3 || after === 7 || after === 4) return 0;
  const word = (text.slice(s, i) + text.slice(from, k)).toLowerCase();
  if (!/^[a-z]+$/.test(word) || !isWord(word, 0, word.length)) return 0;
  brokenTail = k - from;
  return k;
}

/** Tokenise `text`. The returned arrays are reused by the next call: copy what must outlive it. */
export function tokenize(text: string): Tokens {
  if (!clsReady) initClasses();
  const len = text.length;
  const need = (len >> 1) + 16;
  if (need > cap) T = alloc(Math.max(need, cap * 2));
  // local views of the token arrays (re-read after a grow)
  let S = T.start, E = T.end, K = T.kind, F = T.flags, H = T.hash, L = T.lex;
  let n = 0, i = 0, gap = 0, possessiveGlue = false, afterGlue = 0;
  // the letters of a word a line broke at a hyphen, joined ("billion" of "bil-\nlion"), for its lexicon entry
  let joined: string | null = null;
  while (i < len) {
    const c = text.charCodeAt(i);
    const k = cls[c]!;
    if (k === 5) { gap |= TF.Space; i++; continue; }
    if (k === 6) {
      if (gap & TF.NL) gap |= TF.Blank;
      gap |= TF.NL | TF.Space;
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      i++; continue;
    }
    let s = i;
    let kind: number, flags = gap, h = FNV_BASIS;
    let dotted = 0;
    if (k === 2 && c <= 90 && text.charCodeAt(i + 1) === 46 && (dotted = dottedEnd(text, i, len))) {
      // capitals with full stops, one word: "U.S.", "U.K.", "E.U." (hashed as its letters, "US", and so read as "US" is)
      kind = TK.Word;
      for (; i < dotted; i += 2) { h ^= text.charCodeAt(i) + 32; h = Math.imul(h, 0x01000193); }
      flags |= TF.Cap | TF.AllCaps;
    } else if (k === 1 || k === 2 || k === 3) {
      kind = TK.Word;
      let upper = 0, letters = 0, laterUpper = 0, glue = 0, prevLower = false;
      while (i < len) {
        let d = text.charCodeAt(i);
        const dk = cls[d]!;
        if (dk === 1 || dk === 2 || dk === 3) {
          letters++;
          if (dk === 2) { upper++; if (i > s) { laterUpper = 1; if (prevLower && !glue) glue = i; } }
          prevLower = dk === 1;
          if (d >= 65 && d <= 90) d += 32; else if (d > 127) d = foldChar(d);
          h ^= d; h = Math.imul(h, 0x01000193);
          i++;
        } else if (dk === 7) {
          // an apostrophe inside a word; "’s" / "'s" at the end is split off as a possessive
          const n1 = text.charCodeAt(i + 1), n1k = cls[n1]!;
          if (!(n1k === 1 || n1k === 2)) break;
          if ((n1 === 115 || n1 === 83)) {
            const n2k = cls[text.charCodeAt(i + 2)] ?? 0;
            if (i + 2 >= len || !(n2k === 1 || n2k === 2 || n2k === 3)) break;
            // "Korea’ssemiconductor": a possessive glued to the word after it, an English word (told apart from
            // names spelt with an apostrophe by that word)
            if (n1 === 115 && letters >= 2 && gluedAfterPossessive(text, i + 2, len)) { possessiveGlue = true; break; }
          }
          h ^= 39; h = Math.imul(h, 0x01000193);
          i++;
        } else break;
      }
      // a word a PDF's line broke at a hyphen, when the two halves make one English word: "bil-\nlion", "Plan-\nning"
      // (not "Jae-\nmyung", "well-\nknown": a hyphen of the word's own, read as one where names are read)
      if (text.charCodeAt(i) === 45 && letters >= 2 && i - s === letters) {
        const to = brokenWordEnd(text, s, i, len);
        if (to) {
          joined = text.slice(s, i) + text.slice(to - brokenTail, to);
          for (let q = to - brokenTail; q < to; q++) { h ^= text.charCodeAt(q); h = Math.imul(h, 0x01000193); }
          letters += brokenTail; i = to;
        }
      }
      // two words glued by text extraction, told by the capital where they meet: "inLunean", "FoxgloveElectronics"
      // (the first is stored here, the second goes on as the token, read as after the space the extraction lost)
      let firstClass = k;
      if (glue && gluedPair(text, s, glue, i, k)) {
        splitOffWord(text, n++, s, glue, flags | (k === 2 ? TF.Cap : TF.Lower));
        S = T.start; E = T.end; K = T.kind; F = T.flags; H = T.hash; L = T.lex;
        s = glue; firstClass = 2; flags = TF.Space; h = hashFold(text, glue, i);
        upper = 0; letters = 0; laterUpper = 0;
        for (let q = glue; q < i; q++) { const qk = cls[text.charCodeAt(q)]!; if (qk === 1 || qk === 2 || qk === 3) { letters++; if (qk === 2) { upper++; if (q > glue) laterUpper = 1; } } }
      }
      // a preposition glued to the end of a word before a name: "Flightsfrom Nanthera", "Speakingin Pellvia"
      // (no English word ends in "from", nor in "ingin")
      const cut = glue ? 0 : gluedPreposition(text, s, i, len);
      if (cut) {
        splitOffWord(text, n++, s, cut, flags | (k === 2 ? TF.Cap : TF.Lower) | (laterUpper ? TF.MixedCaps : 0));
        S = T.start; E = T.end; K = T.kind; F = T.flags; H = T.hash; L = T.lex;
        s = cut; firstClass = 1; flags = TF.Space; h = hashFold(text, cut, i);
        upper = 0; letters = i - cut; laterUpper = 0;
      }
      // two lower-case words glued: "growthslowed", "hasrisen", "workin" (a word no word list knows that splits into two it does)
      if (!glue && !cut && k === 1 && !upper && (i - s >= 6 || (i - s >= 4 && text.charCodeAt(s) === 97 /* "aday" */)) && i - s <= MAX_GLUED && i - s === letters && asciiLower(text, s, i) && !lookupId(text, s, i, h | 0)) {
        const at = gluedAt(text, s, i, h | 0);
        if (at) {
          splitOffWord(text, n++, s, at, flags | TF.Lower);
          S = T.start; E = T.end; K = T.kind; F = T.flags; H = T.hash; L = T.lex;
          s = at; flags = TF.Space; h = hashFold(text, at, i); letters = i - at;
        }
      }
      // a country or its people's word glued to the lower-case word after it: "Greecefell", "Hungarywants", "Koreanexports"
      // (and the other slips capGluedAt knows: "Authoritywill", "Hotelsin", "Overthe", "Inthe")
      if (!glue && !cut && k === 2 && upper === 1 && !laterUpper && i - s >= 5 && i - s <= MAX_GLUED && i - s === letters && asciiLower(text, s + 1, i)) {
        // (the word before, when it is a capitalised word one space away: "New Zealandestablished")
        const p = n > 0 && K[n - 1] === TK.Word && E[n - 1]! + 1 === s && text.charCodeAt(s - 1) === 32 && (F[n - 1]! & TF.Cap) ? S[n - 1]! : -1;
        const at = capGluedAt(text, s, i, h | 0, p, p >= 0 ? H[n - 1]! : 0);
        if (at) {
          splitOffWord(text, n++, s, at, flags | TF.Cap);
          S = T.start; E = T.end; K = T.kind; F = T.flags; H = T.hash; L = T.lex;
          s = at; flags = TF.Space; h = hashFold(text, at, i); letters = i - at; upper = 0; firstClass = 1;
        }
      }
      if (firstClass === 2) flags |= TF.Cap; else if (firstClass === 1) flags |= TF.Lower;
      if (upper === letters && letters >= 2) flags |= TF.AllCaps;
      else if (laterUpper) flags |= TF.MixedCaps;
    } else if (k === 4) {
      kind = TK.Number;
      while (i < len) {
        const d = text.charCodeAt(i);
        if (d >= 48 && d <= 57) { h ^= d; h = Math.imul(h, 0x01000193); i++; continue; }
        if ((d === 44 || d === 46) && i + 1 < len) {
          const e = text.charCodeAt(i + 1);
          if (e >= 48 && e <= 57) { h ^= d; h = Math.imul(h, 0x01000193); i++; continue; }
        }
        break;
      }
    } else {
      kind = TK.Punct;
      // possessive 's after a space ("Lee Jae-myung 's") or after a word
      if (k === 7 && (text.charCodeAt(i + 1) === 115 || text.charCodeAt(i + 1) === 83) && (possessiveGlue || i + 2 >= len || (cls[text.charCodeAt(i + 2)]! !== 1 && cls[text.charCodeAt(i + 2)]! !== 2))) {
        i += 2; h = 0x27735; // the possessive marker
        // (the word glued after it is read as after a space)
        if (possessiveGlue) { possessiveGlue = false; afterGlue = TF.Space; }
      } else if (k === 7 && i > 0 && (text.charCodeAt(i - 1) === 115 || text.charCodeAt(i - 1) === 83) && text.charCodeAt(i + 1) === 32 && cls[text.charCodeAt(i + 2)]! === 1) {
        // the possessive of a plural or a name in s: "the Philippines' economy", "the workers' union"
        // (checked once the next word is read: no closing quote, "'the Philippines' and ...")
        h = 0x27735; i++;
        plural.push(n);
      } else {
        h = c; i++;
      }
    }
    if (n >= cap - 1) { grow(n); S = T.start; E = T.end; K = T.kind; F = T.flags; H = T.hash; L = T.lex; }
    S[n] = s; E[n] = i; K[n] = kind; F[n] = flags; H[n] = h | 0;
    L[n] = kind === TK.Word ? (joined !== null ? (joined.length <= 13 ? lookupId(joined, 0, joined.length, h | 0) : 0) : i - s <= 13 ? lookupId(text, s, i, h | 0) : 0) : 0;
    joined = null;
    n++;
    gap = afterGlue; afterGlue = 0;
  }
  T.n = n;
  for (const j of plural) if (!pluralPossessive(text, T, j)) H[j] = text.charCodeAt(S[j]!);
  plural.length = 0;
  // the buffers are shared by documents: one empty token after the last, so looking one ahead never sees the previous document's
  S[n] = len; E[n] = len; K[n] = 0; F[n] = 0; H[n] = 0; L[n] = 0;
  markTitleLines(text, T);
  sentences(text, T);
  capsText = null; capsCount = null;
  return T;
}

/**
 * Token n as the word [s, e) with these flags: the first of two words text extraction glued ("in" of "inLunean",
 * "Flights" of "Flightsfrom"). The arrays may grow: the caller reads them again.
 */
function splitOffWord(text: string, n: number, s: number, e: number, flags: number): void {
  if (n >= cap - 1) grow(n);
  const h = hashFold(text, s, e);
  T.start[n] = s; T.end[n] = e; T.kind[n] = TK.Word; T.flags[n] = flags; T.hash[n] = h;
  T.lex[n] = e - s <= 13 ? lookupId(text, s, e, h) : 0;
}

function grow(n: number): void {
  const old = T;
  T = alloc(cap * 2);
  T.start.set(old.start.subarray(0, n)); T.end.set(old.end.subarray(0, n)); T.kind.set(old.kind.subarray(0, n));
  T.flags.set(old.flags.subarray(0, n)); T.hash.set(old.hash.subarray(0, n)); T.lex.set(old.lex.subarray(0, n));
}

/** The possessive marker token ('s / ’s) has this hash. */
export const POSSESSIVE = 0x27735;

export function isPossessive(t: Tokens, i: number): boolean {
  return i < t.n && t.kind[i] === TK.Punct && t.hash[i] === POSSESSIVE;
}

function markTitleLines(text: string, t: Tokens): void {
  let lineFirst = 0;
  const flush = (from: number, to: number) => {
    let words = 0, caps = 0;
    for (let j = from; j < to; j++) {
      if (t.kind[j] !== TK.Word) continue;
      const w = t.end[j]! - t.start[j]!;
      if (w <= 3 && (t.flags[j]! & TF.Lower)) continue; // of, and, in, the
      words++;
      if (t.flags[j]! & TF.Cap) caps++;
    }
    // a headline: mostly capitalised words, short, and no sentence punctuation at its end
    const lastTok = to - 1;
    const ends = lastTok >= from && t.kind[lastTok] === TK.Punct ? text.charCodeAt(t.start[lastTok]!) : 0;
    const sentenceEnd = ends === 46 || ends === 33 || ends === 63 || ends === 0x201d || ends === 34;
    const title = words >= 2 && words <= 16 && !sentenceEnd && caps / words >= 0.7 ? 1 : 0;
    for (let j = from; j < to; j++) t.titleLine[j] = title;
  };
  for (let j = 0; j < t.n; j++) {
    if (j > 0 && (t.flags[j]! & TF.NL)) { flush(lineFirst, j); lineFirst = j; }
  }
  flush(lineFirst, t.n);
  void text;
}

const ABBREV = new Set([ // at most 6 letters (see sentences)
  'mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'mt', 'ft', 'no', 'vs', 'gen', 'sen', 'rep', 'gov', 'lt', 'col', 'sgt', 'capt', 'jr', 'sr', 'inc', 'corp', 'co', 'ltd', 'jan', 'feb', 'aug', 'sept', 'oct', 'nov', 'dec', 'e.g', 'i.e', 'etc', 'approx', 'u.s', 'u.k']);

function sentences(text: string, t: Tokens): void {
  t.sentStart.length = 0; t.sentEnd.length = 0; t.sentFirst.length = 0;
  let first = 0, sIdx = 0;
  const close = (to: number) => {
    if (to <= first) return;
    t.sentStart.push(t.start[first]!);
    t.sentEnd.push(t.end[to - 1]!);
    t.sentFirst.push(first);
    for (let j = first; j < to; j++) t.sent[j] = sIdx;
    sIdx++;
    first = to;
  };
  for (let j = 1; j < t.n; j++) {
    const f = t.flags[j]!;
    if (f & TF.Blank) { close(j); continue; }
    if (j - first >= MAX_SENTENCE_TOKENS && ((f & TF.Space) || j - first >= 2 * MAX_SENTENCE_TOKENS)) { t.flags[j] = f | TF.Forced; close(j); continue; }
    const p = j - 1;
    // most tokens: no line break before them and no punctuation that could end a sentence
    if (!(f & TF.NL) && t.kind[p] !== TK.Punct) continue;
    const pc = t.kind[p] === TK.Punct ? text.charCodeAt(t.start[p]!) : 0;
    // terminal punctuation, possibly followed by closing quotes / brackets
    let q = p;
    while (q > first && t.kind[q] === TK.Punct && isCloser(text.charCodeAt(t.start[q]!))) q--;
    const qc = t.kind[q] === TK.Punct ? text.charCodeAt(t.start[q]!) : 0;
    const terminal = qc === 46 || qc === 33 || qc === 63 || qc === 0x2026;
    if (f & TF.NL) {
      if (terminal || pc === 58 /* : */) { close(j); continue; }
      // a wrapped line continues the sentence; a short or title-like line ends it
      const lineStart = lineStartOf(text, t.start[p]!);
      const lineLen = t.end[p]! - lineStart;
      const nextLower = (f & TF.Lower) !== 0;
      const pf0 = t.flags[p]!;
      // a name broken across lines: "President Jean-Baptiste\nKouamé"
      // (on a wrapped line of running text, not after a line of a word or two: "Budget\nSpending on ports")
      const nameBreak = lineLen >= 25 && t.kind[p] === TK.Word && (pf0 & TF.Cap) && !(pf0 & TF.AllCaps) && t.kind[j] === TK.Word && (f & TF.Cap) && !(f & TF.AllCaps);
      if (t.titleLine[p] || t.titleLine[j] || (lineLen < 60 && !nextLower && !nameBreak)) { close(j); continue; }
      // a capitalised word after a line break continues the sentence only after a lower-case word ("to\nSouth Korea")
      // or inside a name ("President\nLee"), never after an all-caps credit ("Photo: AP\nLam")
      if (!nextLower && t.kind[j] === TK.Word) {
        const pf = t.flags[p]!;
        const prevLowerWord = t.kind[p] === TK.Word && (pf & TF.Lower) !== 0;
        const prevCapWord = t.kind[p] === TK.Word && (pf & TF.Cap) !== 0 && !(pf & TF.AllCaps);
        if (!prevLowerWord && !prevCapWord) { close(j); continue; }
      }
      continue;
    }
    // no space before the word: one sentence ("3.5", "e.g.", "U.S.Army"), unless text extraction glued two
    // ("hopeful.Behind the scenes", "next budget.“Nobody expected")
    if (!(f & TF.Space)) { if (!gluedStop(text, t, p, j)) continue; }
    // a dateline's place and dash: "HANOI — Lost output ..." starts the sentence at "Lost"
    else if (!terminal) { if (datelineDash(text, t, p, first)) close(j); continue; }
    const nk = t.kind[j]!;
    if (nk === TK.Word && (f & TF.Lower)) continue;
    // "Mr.", "Inc.", "U.": no sentence end (no abbreviation is longer than 6 letters)
    if (qc === 46 && q > 0 && t.kind[q - 1] === TK.Word && t.end[q - 1] === t.start[q] && t.end[q - 1]! - t.start[q - 1]! <= 6) {
      const w = text.slice(t.start[q - 1]!, t.end[q - 1]!).toLowerCase();
      if (ABBREV.has(w) || (w.length === 1 && (t.flags[q - 1]! & TF.Cap))) continue;
    }
    close(j);
  }
  close(t.n);
}

/**
 * A full stop with no space after it that may still end a sentence, as text extraction glues them: a word right
 * before it (two letters or more in lower case, three capitalised) or a number of two digits or more, then quotes
 * or brackets if any, then a capitalised word of two letters or more, all glued ("settle once the harvest is
 * in.Behind", "Hungary.Flights", "by 2042.Behind", "budget.“Nobody"). Not "e.g.The", "U.S.Army", "St.Louis", nor
 * a file or a domain ("report.PDF", "example.com", "iPhone.Apple"); abbreviations ("Corp.Ltd") are then left out
 * as after a space.
 */
function gluedStop(text: string, t: Tokens, p: number, j: number): boolean {
  const after = t.flags[j]!;
  if (t.kind[j] !== TK.Word || (after & (TF.Cap | TF.AllCaps)) !== TF.Cap || t.end[j]! - t.start[j]! < 2) return false;
  let q = p;
  while (q > 0 && t.kind[q] === TK.Punct && isQuoteOrBracket(text.charCodeAt(t.start[q]!))) { if (t.flags[q]! & TF.Space) return false; q--; }
  const c = t.kind[q] === TK.Punct ? text.charCodeAt(t.start[q]!) : 0;
  if (!(c === 46 || c === 33 || c === 63) || q < 1 || (t.flags[q]! & TF.Space)) return false;
  const w = q - 1, k = t.kind[w], len = t.end[w]! - t.start[w]!, before = t.flags[w]!;
  if (k === TK.Number) return len >= 2;
  return k === TK.Word && (before & (TF.AllCaps | TF.MixedCaps)) === 0 && len >= ((before & TF.Lower) ? 2 : 3);
}

function isQuoteOrBracket(c: number): boolean {
  return isCloser(c) || c === 0x201c || c === 0x2018 || c === 40 || c === 91 || c === 0xab;
}

/**
 * A dash after a dateline's place in capitals at the start of a line ("HANOI — ", "NEW ELSKFORD -- ",
 * "PORT HOLLINVIA, Lunaria – "): the story's first sentence starts after it.
 */
function datelineDash(text: string, t: Tokens, p: number, first: number): boolean {
  if (t.kind[p] !== TK.Punct) return false;
  const c = text.charCodeAt(t.start[p]!);
  if (!(c === 0x2014 || c === 0x2013 || c === 45)) return false;
  let k = p;
  while (k > first && t.kind[k - 1] === TK.Punct && text.charCodeAt(t.start[k - 1]!) === 45 && !(t.flags[k]! & TF.Space)) k--;
  if (!(t.flags[k]! & TF.Space) || k === first) return false;
  // back to the line's start over words in capitals (a comma and a capitalised region allowed: "HANOI, Vietnam"),
  // after an agency in brackets, if any ("HANOI (VNA) – ", "SEOUL (Yonhap) -- ")
  let caps = 0, from = k - 1;
  if (t.kind[from] === TK.Punct && text.charCodeAt(t.start[from]!) === 41) {
    let o = from - 1;
    while (o > first && o >= from - 6 && !(t.kind[o] === TK.Punct && text.charCodeAt(t.start[o]!) === 40)) o--;
    if (o <= first || !(t.kind[o] === TK.Punct && text.charCodeAt(t.start[o]!) === 40) || (t.flags[o]! & TF.NL)) return false;
    from = o - 1;
  }
  for (let i = from; i >= first; i--) {
    const kind = t.kind[i]!, fl = t.flags[i]!;
    if (kind === TK.Word && (fl & TF.AllCaps)) caps++;
    else if (!((kind === TK.Word && (fl & TF.Cap)) || (kind === TK.Punct && text.charCodeAt(t.start[i]!) === 44))) return false;
    if (i === first || (fl & TF.NL)) return caps > 0;
  }
  return false;
}

/** A gap with one of these flags (a blank line, a sentence cut for length) before one of the tokens (first, last]. */
export function spansGap(t: Tokens, first: number, last: number, flag: TF): boolean {
  for (let j = first + 1; j <= last; j++) if (t.flags[j]! & flag) return true;
  return false;
}

/**
 * Sentences a..b become one (a line break read as a sentence end inside a figure), from token `from` (a token of
 * sentence a) on. Only the merged sentences' tokens are touched: the emptied sentences keep their indexes, marked by
 * a first token of -1, until compactSentences() renumbers them all at once (one merge per line of a long list of
 * figures broken across lines would otherwise renumber the rest of the document each time).
 */
export function mergeSentences(t: Tokens, a: number, b: number, from: number): void {
  if (b <= a) return;
  t.sentEnd[a] = t.sentEnd[b]!;
  for (let s = a + 1; s <= b; s++) t.sentFirst[s] = -1;
  for (let j = from; j < t.n && t.sent[j]! <= b; j++) t.sent[j] = a;
}

/**
 * Sentence a takes its tokens up to `last` (a figure read across a cut made for length: "five | million"): the cut
 * moves to the token after the figure, so the sentences stay short. Emptied sentences are marked as by
 * mergeSentences().
 */
export function extendSentence(t: Tokens, a: number, last: number, from: number): void {
  const b = t.sent[last]!;
  if (b <= a) return;
  const next = last + 1 < t.n && t.sent[last + 1] === b ? last + 1 : -1;
  for (let s = a + 1; s <= b; s++) if (s < b || next < 0) t.sentFirst[s] = -1;
  if (next >= 0) { t.sentFirst[b] = next; t.sentStart[b] = t.start[next]!; t.flags[next] = t.flags[next]! | TF.Forced; }
  t.sentEnd[a] = t.end[last]!;
  for (let j = from; j <= last; j++) t.sent[j] = a;
}

/** Drops the sentences mergeSentences() and extendSentence() emptied; returns the new index of each old one (null when none was). */
export function compactSentences(t: Tokens): Int32Array | null {
  const count = t.sentFirst.length;
  if (!t.sentFirst.includes(-1)) return null;
  const map = new Int32Array(count);
  let k = 0;
  for (let s = 0; s < count; s++) {
    if (t.sentFirst[s] === -1) { map[s] = k - 1; continue; }
    map[s] = k;
    t.sentStart[k] = t.sentStart[s]!; t.sentEnd[k] = t.sentEnd[s]!; t.sentFirst[k] = t.sentFirst[s]!;
    k++;
  }
  t.sentStart.length = k; t.sentEnd.length = k; t.sentFirst.length = k;
  for (let j = 0; j < t.n; j++) t.sent[j] = map[t.sent[j]!]!;
  return map;
}

function isCloser(c: number): boolean {
  return c === 34 || c === 39 || c === 0x2019 || c === 0x201d || c === 41 || c === 93 || c === 0xbb;
}

function lineStartOf(text: string, offset: number): number {
  let i = offset;
  while (i > 0) { const c = text.charCodeAt(i - 1); if (c === 10 || c === 13) break; i--; }
  return i;
}

const RELATED = String.raw`(?:related(?: (?:articles?|posts?|stories|news|content|coverage|reading))?|articles similaires|read (?:also|more|next)|also read|see also|more (?:from|on|stories|news)[\w\s]{0,30}|you (?:may|might) also (?:like|be interested in)|recommended(?: for you)?|most (?:read|popular)|trending(?: now)?|further reading|latest(?: news)?|popular (?:posts|now)|discover more[\w\s]{0,30})`;
const RELATED_LINE = new RegExp(String.raw`^[\s\-•*#>]*${RELATED}(?:\s*[/|–-]\s*${RELATED})*\s*[:.…]?\s*$`, 'i');
const PROMO_LINE = /^[\s\-•*#>]*(?:(?:download|get) (?:the|our) app|get started now[^\n]{0,40}|advertisement|sponsored(?: content)?|comments|no comments yet[.…]*|try our [\w\s]{0,30}|sign up for[\w\s]{0,40}|subscribe\b[^\n]{0,80}|[^\n]{0,60}\bto (?:keep|continue) reading[^\n]{0,20}|share this article|app-?store[\w\s-]{0,30})\s*[:.…!]?\s*$/i;

/** A menu: three items or more of one to three capitalised words each, between bars. */
const MENU_LINE = /^\s*\p{Lu}[\p{L}&'’.-]*(?: \p{Lu}[\p{L}&'’.-]*){0,2}(?:\s+\|\s+\p{Lu}[\p{L}&'’.-]*(?: \p{Lu}[\p{L}&'’.-]*){0,2}){2,}\s*$/u;

/**
 * Text that is not the story: a related-articles heading (and everything after it), app promotions and comment blocks
 * (up to the next blank line). Returns [start, end) ranges, in text order, none overlapping (a run of promotion lines
 * is one range); `headings`, when given, gets the lines that made them ("Related Articles", "Download the app"), and
 * a page's menus ("Home | World | Business"), which make no range.
 */
export function asideRanges(text: string, headings?: [number, number][]): [number, number][] {
  const ranges: [number, number][] = [];
  let pos = 0, nonEmpty = 0;
  // the blank line found last, and from where it was searched: a later search from before it finds it again (a
  // pasted text of promotion lines and no blank line would otherwise search to its end from every line)
  let blankFrom = -1, blankEnd = -1;
  const paragraphEnd = (from: number) => {
    // (the match found starts at blankEnd - 1: from anywhere up to there it is the first one; none found stays none)
    if (blankFrom < 0 || from < blankFrom || (blankEnd < text.length && from > blankEnd - 1)) { blankFrom = from; blankEnd = nextParagraphEnd(text, from); }
    return blankEnd;
  };
  // the same for the end of an aside: a later search from inside the lines the last one passed over finds its end
  // again, unless its own first line already ends it (the lines after that one are seen just as before)
  let asideFrom = -1, asideTo = -1;
  const endOfAside = (from: number, firstMayEnd: boolean) => {
    if (asideFrom < 0 || from <= asideFrom || from >= asideTo || (firstMayEnd && proseLineAt(text, from))) {
      asideFrom = from; asideTo = asideEnd(text, from, firstMayEnd);
    }
    return asideTo;
  };
  const add = (a: number, b: number) => {
    const last = ranges[ranges.length - 1];
    if (last && a <= last[1]) { if (b > last[1]) last[1] = b; } else ranges.push([a, b]);
  };
  while (pos < text.length) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0) nl = text.length;
    const line = text.slice(pos, nl).replace(/\r$/, '');
    if (line.trim()) {
      nonEmpty++;
      // a page's menu names no one: "Home | World | Business | Opinion" (a heading only, the story goes on after it)
      if (headings && line.length < 120 && line.indexOf('|') >= 0 && MENU_LINE.test(line)) headings.push([pos, nl]);
      if (nonEmpty > 2 && line.length < 100) {
        if (RELATED_LINE.test(line)) {
          const end = endOfAside(nl + 1, false);
          add(pos, end); headings?.push([pos, nl]);
          if (end >= text.length) break;
          pos = end; continue;
        }
        // (its paragraph, up to the story going on right under it: "Sign up for our Evening Briefing newsletter.")
        if (PROMO_LINE.test(line)) { add(pos, Math.min(paragraphEnd(nl), endOfAside(nl + 1, true))); headings?.push([pos, nl]); }
      }
    }
    pos = nl + 1;
  }
  return ranges;
}
/**
 * Where a related-articles box or a promotion whose heading ends at `from` ends: at the first line of prose right
 * under a line of it (a sentence of 60 characters or more, with no blank line nor bullet before it: the story going
 * on), or the end of the text. The line right after a box's heading is always the box's (`firstMayEnd` false). A
 * box's own teasers come after a blank line or a bullet ("Read also:\n- Vietnam beat coronavirus. With its economy
 * booming, ..."), so a box of cards runs to the end.
 */
function asideEnd(text: string, from: number, firstMayEnd: boolean): number {
  let pos = from, blankBefore = false;
  while (pos < text.length) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0) nl = text.length;
    const kind = lineKind(text, pos, nl);
    if (kind === BLANK) blankBefore = true;
    else {
      if (!blankBefore && (firstMayEnd || pos > from) && kind === PROSE) return pos;
      blankBefore = false;
    }
    pos = nl + 1;
  }
  return text.length;
}
const BLANK = 0, TEXT = 1, PROSE = 2;
/**
 * The line from pos to nl: blank, text, or a sentence of prose (60 characters or more once trimmed, ending a
 * sentence, no bullet).
 */
function lineKind(text: string, pos: number, nl: number): number {
  let a = pos, b = nl;
  while (a < b && (text.charCodeAt(a) === 32 || text.charCodeAt(a) === 9)) a++;
  while (b > a && (text.charCodeAt(b - 1) <= 32)) b--;
  if (a === b) return BLANK;
  return b - a >= 60 && PROSE_END.test(text.slice(b - 2, b)) && !BULLET.test(text.slice(a, a + 2)) ? PROSE : TEXT;
}
/** Whether the line that starts at `pos` is a sentence of prose. */
function proseLineAt(text: string, pos: number): boolean {
  const nl = text.indexOf('\n', pos);
  return lineKind(text, pos, nl < 0 ? text.length : nl) === PROSE;
}
const PROSE_END = /[.!?]["”’]?$/;
const BULLET = /^[-•*–—>\d]/;

/** Whether offset o lies in one of the ranges (in text order, none overlapping). */
export function inRanges(ranges: [number, number][], o: number): boolean {
  let lo = 0, hi = ranges.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (ranges[mid]![0] <= o) lo = mid + 1; else hi = mid; }
  return lo > 0 && o < ranges[lo - 1]![1];
}

function nextParagraphEnd(text: string, from: number): number {
  const m = /\n[ \t]*\n/g;
  m.lastIndex = from;
  const r = m.exec(text);
  return r ? r.index + 1 : text.length;
}
