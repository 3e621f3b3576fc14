// Text-quote anchors in the style of the W3C Web Annotation model (TextQuoteSelector + a
// TextPositionSelector-like `start` hint). An anchor names the exact text and a little context,
// so a tag survives edits elsewhere in the article; when the quoted text itself changed, the
// closest passage is offered as a candidate (the anchor is then stale).
import { ANCHOR_CONTEXT, editDistance } from './model';
import type { TextQuote } from './model';

export interface AnchorMatch {
  /** Offsets into the article text (end exclusive). */
  start: number;
  end: number;
  /** The exact text was found character for character. */
  exactMatch: boolean;
  /** Only a similar passage was found: the tag must not be applied; offer to re-anchor here. */
  stale: boolean;
}

/** Least similarity (0..1) for a fuzzy candidate to be offered at all. */
const MIN_FUZZY_QUALITY = 0.55;
/** Longest exact text searched approximately character by character (longer ones are found by their context). */
const MAX_FUZZY_EXACT = 120;
const MAX_OCCURRENCES = 10_000;

/** An article text prepared for anchoring many tags (the normalised form is built once, on first need). */
export class AnchorText {
  private norm: { text: string; map: Int32Array } | null = null;
  constructor(readonly text: string) {}
  normalized(): { text: string; map: Int32Array } {
    if (!this.norm) this.norm = normalizeWithMap(this.text);
    return this.norm;
  }
}

const WORD = /[\p{L}\p{N}]/u;

function isHighSurrogate(c: number): boolean { return c >= 0xd800 && c <= 0xdbff; }
function isLowSurrogate(c: number): boolean { return c >= 0xdc00 && c <= 0xdfff; }

/** The anchor of `text.slice(start, end)`: the exact text, about `context` characters either side (widened to whole words), and the position. */
export function makeAnchor(text: string, start: number, end: number, context = ANCHOR_CONTEXT): TextQuote {
  start = Math.max(0, Math.min(start, text.length));
  end = Math.max(start, Math.min(end, text.length));
  let ps = Math.max(0, start - context);
  for (let extra = 0; ps > 0 && extra < 12 && WORD.test(text[ps - 1]) && WORD.test(text[ps]); extra++) ps--;
  if (ps > 0 && isLowSurrogate(text.charCodeAt(ps))) ps--;
  let se = Math.min(text.length, end + context);
  for (let extra = 0; se < text.length && extra < 12 && WORD.test(text[se]) && WORD.test(text[se - 1]); extra++) se++;
  if (se < text.length && isHighSurrogate(text.charCodeAt(se - 1))) se++;
  const q: TextQuote = { exact: text.slice(start, end) };
  const prefix = text.slice(ps, start);
  const suffix = text.slice(end, se);
  if (prefix) q.prefix = prefix;
  if (suffix) q.suffix = suffix;
  q.start = start;
  return q;
}

/**
 * Finds an anchor in an article: the exact text at `start` if it is still there; else the occurrence
 * of the exact text whose prefix and suffix match best (then the one nearest `start`); else the same
 * ignoring differences of white space, quotes and dashes (line breaks from PDFs, typography); else the
 * most similar passage, reported `stale`. Null when nothing is close enough.
 */
export function resolveAnchor(anchor: TextQuote, article: string | AnchorText): AnchorMatch | null {
  const at = typeof article === 'string' ? new AnchorText(article) : article;
  const text = at.text;
  const exact = anchor.exact;
  if (!exact) return null;
  const prefix = anchor.prefix ?? '';
  const suffix = anchor.suffix ?? '';
  const hint = anchor.start;
  if (hint !== undefined && hint >= 0 && text.startsWith(exact, hint)) return { start: hint, end: hint + exact.length, exactMatch: true, stale: false };

  const found = bestOccurrence(text, exact, prefix, suffix, hint);
  const fullContext = prefix.length + suffix.length;
  if (found.index >= 0 && found.score === fullContext && hint === undefined) return { start: found.index, end: found.index + exact.length, exactMatch: true, stale: false };

  // White space, quotes and dashes folded: the context may match better there (a re-wrapped text).
  const norm = at.normalized();
  const nExact = normalizeWithMap(exact).text;
  const nPrefix = normalizeWithMap(prefix).text;
  const nSuffix = normalizeWithMap(suffix).text;
  const nHint = hint !== undefined ? toNormalized(norm.map, hint) : undefined;
  // White space at the edges of the exact text may have merged with the context's: compare without it.
  const core = nExact.trim();
  const folded = core ? bestOccurrence(norm.text, core, nPrefix, nSuffix, nHint, foldedContextScore) : { index: -1, score: -1 };
  const foldedMatch = folded.index >= 0 ? toOriginal(norm, text.length, folded.index, folded.index + core.length) : null;
  if (found.index >= 0) {
    // Both found: the better context (compared with white space folded) wins, then the one nearer the hint.
    const ns = toNormalizedFloor(norm.map, found.index);
    const ne = toNormalizedFloor(norm.map, found.index + exact.length - 1) + 1;
    const exactScore = foldedContextScore(norm.text, ns, ne, nPrefix, nSuffix);
    const dist = (o: number) => (hint === undefined ? 0 : Math.abs(o - hint));
    // With no context to go by, the character-for-character match is the better one.
    // On a tie, a character-for-character match beats a folded one that covers less (white space trimmed off its edges).
    const foldedIsWhole = !!foldedMatch && normalizeWithMap(text.slice(foldedMatch.start, foldedMatch.end)).text === nExact;
    if (!foldedMatch || exactScore > folded.score || (exactScore === folded.score && (exactScore === 0 || !foldedIsWhole || dist(found.index) <= dist(foldedMatch.start)))) {
      return { start: found.index, end: found.index + exact.length, exactMatch: true, stale: false };
    }
  }
  if (foldedMatch) return { ...foldedMatch, exactMatch: text.slice(foldedMatch.start, foldedMatch.end) === exact, stale: false };

  // Fuzzy: the passage most like the exact text in its context.
  const cand = fuzzyCandidate(norm.text, nExact, nPrefix, nSuffix, nHint);
  if (!cand) return null;
  const r = toOriginal(norm, text.length, cand.start, cand.end);
  if (r.end <= r.start) return null;
  return { ...r, exactMatch: false, stale: true };
}

/** How many characters of the prefix (before) and suffix (after) agree with the text around [s, e). */
function contextScore(text: string, s: number, e: number, prefix: string, suffix: string): number {
  return commonSuffix(prefix, text.slice(Math.max(0, s - prefix.length), s)) + commonPrefix(suffix, text.slice(e, e + suffix.length));
}

/** The same in normalised text, not counting white space at the edges of the span and of the context. */
function foldedContextScore(text: string, s: number, e: number, prefix: string, suffix: string): number {
  while (s < e && text[s] === ' ') s++;
  while (e > s && text[e - 1] === ' ') e--;
  while (s > 0 && text[s - 1] === ' ') s--;
  while (e < text.length && text[e] === ' ') e++;
  return contextScore(text, s, e, prefix.trimEnd(), suffix.trimStart());
}

/** The occurrence of `exact` with the best context (then the nearest to the hint), with its context score; index -1 when none. */
function bestOccurrence(text: string, exact: string, prefix: string, suffix: string, hint: number | undefined,
  score: (text: string, s: number, e: number, prefix: string, suffix: string) => number = contextScore): { index: number; score: number } {
  let best = -1;
  let bestScore = -1;
  let bestDist = Infinity;
  let count = 0;
  for (let i = text.indexOf(exact); i >= 0 && count < MAX_OCCURRENCES; i = text.indexOf(exact, i + 1), count++) {
    const sc = score(text, i, i + exact.length, prefix, suffix);
    const dist = hint === undefined ? i : Math.abs(i - hint);
    if (sc > bestScore || (sc === bestScore && dist < bestDist)) { best = i; bestScore = sc; bestDist = dist; }
  }
  return { index: best, score: bestScore };
}

function commonSuffix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

function commonPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

const FOLD: Record<string, string> = {
  '\u2018': "'", '\u2019': "'", '\u201a': "'", '\u201b': "'", '\u2032': "'", '\u00b4': "'", '`': "'",
  '\u201c': '"', '\u201d': '"', '\u201e': '"', '\u201f': '"', '\u2033': '"', '\u00ab': '"', '\u00bb': '"',
  '\u2010': '-', '\u2011': '-', '\u2012': '-', '\u2013': '-', '\u2014': '-', '\u2015': '-', '\u2212': '-',
  '\u2026': '.',
};

/** Runs of white space become one space; quotes and dashes fold to ASCII; soft hyphens vanish. `map[i]` is the original index of normalised char i. */
export function normalizeWithMap(s: string): { text: string; map: Int32Array } {
  const map = new Int32Array(s.length);
  let out = '';
  let n = 0;
  let inSpace = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '\u00ad') continue;
    if (/\s/.test(c)) {
      if (inSpace) continue;
      inSpace = true;
      out += ' ';
      map[n++] = i;
      continue;
    }
    inSpace = false;
    out += FOLD[c] ?? c;
    map[n++] = i;
  }
  return { text: out, map: map.subarray(0, n) };
}

function toNormalized(map: Int32Array, offset: number): number {
  let lo = 0;
  let hi = map.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (map[mid] < offset) lo = mid + 1; else hi = mid;
  }
  return lo;
}

/** The normalised index of the character (or white-space run) holding an original offset. */
function toNormalizedFloor(map: Int32Array, offset: number): number {
  const i = toNormalized(map, offset);
  return i < map.length && map[i] === offset ? i : Math.max(0, i - 1);
}

function toOriginal(norm: { text: string; map: Int32Array }, length: number, s: number, e: number): { start: number; end: number } {
  // Leave out white space at the edges of the match.
  while (s < e && norm.text[s] === ' ') s++;
  while (e > s && norm.text[e - 1] === ' ') e--;
  if (e <= s) return { start: s < norm.map.length ? norm.map[s] : length, end: s < norm.map.length ? norm.map[s] : length };
  return { start: norm.map[s], end: norm.map[e - 1] + 1 };
}

function similarity(a: string, b: string): number {
  const len = Math.max(a.length, b.length);
  if (!len) return 1;
  return 1 - editDistance(a, b) / len;
}

/** How well the text around [s, e) matches the anchor's prefix and suffix (0..1), or null without context. */
function contextSimilarity(text: string, s: number, e: number, prefix: string, suffix: string): number | null {
  const parts: number[] = [];
  if (prefix) parts.push(similarity(prefix, text.slice(Math.max(0, s - prefix.length), s)));
  if (suffix) parts.push(similarity(suffix, text.slice(e, e + suffix.length)));
  return parts.length ? parts.reduce((a, b) => a + b, 0) / parts.length : null;
}

function fuzzyCandidate(text: string, exact: string, prefix: string, suffix: string, hint: number | undefined): { start: number; end: number } | null {
  if (!text.length || !exact.trim()) return null;
  const cands: { start: number; end: number }[] = [];
  // 1. Between the prefix and the suffix, where both are still there.
  const pTail = prefix.slice(-Math.min(prefix.length, 16));
  const sHead = suffix.slice(0, Math.min(suffix.length, 16));
  if (pTail.trim() && sHead.trim()) {
    const maxGap = Math.max(exact.length * 3, exact.length + 40);
    let count = 0;
    for (let p = text.indexOf(pTail); p >= 0 && count < 200; p = text.indexOf(pTail, p + 1), count++) {
      const s = p + pTail.length;
      const q = text.indexOf(sHead, s);
      if (q >= 0 && q - s <= maxGap && q > s) cands.push({ start: s, end: q });
    }
  }
  // 2. Approximate occurrences of the exact text (Sellers' algorithm).
  if (exact.length <= MAX_FUZZY_EXACT) for (const c of approximateMatches(text, exact, Math.max(1, Math.floor(exact.length * 0.4)), hint)) cands.push(c);
  let best: { start: number; end: number } | null = null;
  let bestQ = -1;
  let bestDist = Infinity;
  for (const c of cands) {
    const body = similarity(exact, text.slice(c.start, c.end));
    const ctx = contextSimilarity(text, c.start, c.end, prefix, suffix);
    // Without context, a near match of a short text is too weak to offer.
    const q = ctx === null ? body * (exact.length >= 12 ? 1 : 0.8) : 0.5 * body + 0.5 * ctx;
    const dist = hint === undefined ? c.start : Math.abs(c.start - hint);
    if (q > bestQ + 1e-9 || (Math.abs(q - bestQ) <= 1e-9 && dist < bestDist)) { best = c; bestQ = q; bestDist = dist; }
  }
  return best && bestQ >= MIN_FUZZY_QUALITY ? best : null;
}

/** Characters of text searched around the position hint for an exact text too long for the bit-parallel search. */
const LONG_PATTERN_WINDOW = 4000;

/**
 * Ends of the substrings of `text` within edit distance `k` of `pattern`, with their distance.
 * Myers' bit-parallel algorithm (one pass, O(n)) for patterns of up to 31 characters; the classic
 * dynamic programme (Sellers) otherwise.
 */
export function approximateEnds(text: string, pattern: string, k: number): { end: number; d: number }[] {
  const m = pattern.length;
  const ends: { end: number; d: number }[] = [];
  if (!m) return ends;
  if (m <= 31) {
    const peq = new Map<number, number>();
    for (let i = 0; i < m; i++) { const c = pattern.charCodeAt(i); peq.set(c, (peq.get(c) ?? 0) | (1 << i)); }
    const last = 1 << (m - 1);
    let pv = -1;
    let mv = 0;
    let score = m;
    for (let j = 0; j < text.length; j++) {
      const eq = peq.get(text.charCodeAt(j)) ?? 0;
      const xv = eq | mv;
      const xh = ((((eq & pv) + pv) | 0) ^ pv) | eq;
      let ph = mv | ~(xh | pv);
      let mh = pv & xh;
      if (ph & last) score++;
      else if (mh & last) score--;
      ph <<= 1;
      mh <<= 1;
      pv = mh | ~(xv | ph);
      mv = ph & xv;
      if (score <= k) ends.push({ end: j + 1, d: score });
    }
    return ends;
  }
  let col = new Int32Array(m + 1);
  for (let i = 0; i <= m; i++) col[i] = i;
  let next = new Int32Array(m + 1);
  for (let j = 1; j <= text.length; j++) {
    next[0] = 0;
    const c = text[j - 1];
    for (let i = 1; i <= m; i++) {
      const sub = col[i - 1] + (pattern[i - 1] === c ? 0 : 1);
      const del = col[i] + 1;
      const ins = next[i - 1] + 1;
      next[i] = sub < del ? (sub < ins ? sub : ins) : (del < ins ? del : ins);
    }
    [col, next] = [next, col];
    if (col[m] <= k) ends.push({ end: j, d: col[m] });
  }
  return ends;
}

/** Substrings of `text` within edit distance `k` of `pattern`: the best few, by distance. */
function approximateMatches(text: string, pattern: string, k: number, hint: number | undefined): { start: number; end: number }[] {
  const m = pattern.length;
  let offset = 0;
  let hay = text;
  if (m > 31 && text.length > LONG_PATTERN_WINDOW * 2) {
    if (hint === undefined) return [];
    offset = Math.max(0, Math.min(text.length, hint) - LONG_PATTERN_WINDOW);
    hay = text.slice(offset, offset + LONG_PATTERN_WINDOW * 2 + m);
  }
  const ends = approximateEnds(hay, pattern, k).map(e => ({ end: e.end + offset, d: e.d }));
  // Keep the best end of each run of neighbouring ends, best first.
  const minima: { end: number; d: number }[] = [];
  let run: { last: number; best: { end: number; d: number } } | null = null;
  for (const e of ends) {
    if (run && e.end === run.last + 1) {
      run.last = e.end;
      if (e.d < run.best.d) run.best = e;
    } else {
      if (run) minima.push(run.best);
      run = { last: e.end, best: e };
    }
  }
  if (run) minima.push(run.best);
  const near = (e: number) => (hint === undefined ? 0 : Math.abs(e - m - hint));
  minima.sort((a, b) => a.d - b.d || near(a.end) - near(b.end));
  const out: { start: number; end: number }[] = [];
  for (const { end, d } of minima.slice(0, 6)) {
    let bestStart = Math.max(0, end - m);
    let bestD = Infinity;
    for (let s = Math.max(0, end - m - d); s <= Math.min(end - 1, end - m + d); s++) {
      const dd = editDistance(text.slice(s, end), pattern, d);
      if (dd < bestD) { bestD = dd; bestStart = s; }
    }
    out.push({ start: bestStart, end });
  }
  return out;
}

/** The anchor to re-anchor a stale tag with: where it best matches now, with fresh context; null when nothing is close. */
export function reanchorCandidate(anchor: TextQuote, article: string | AnchorText): TextQuote | null {
  const at = typeof article === 'string' ? new AnchorText(article) : article;
  const m = resolveAnchor(anchor, at);
  return m ? makeAnchor(at.text, m.start, m.end) : null;
}
