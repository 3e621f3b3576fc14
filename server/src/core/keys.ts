// Name keys (letters and digits only, folded: "Lee Jae-myung" → "leejaemyung") read
// straight off a range of the text. Mention finding asks the gazetteer about every
// capitalised run and its sub-runs; hashing the range and checking the few candidates
// costs no string, where nameKey(text.slice(...)) built two per question.
import { foldChar } from './lexicon';

/** The key's character for code unit c, or -1 when keys drop it (spaces, punctuation). */
function keyCharSlow(c: number): number {
  if (c >= 65 && c <= 90) return c + 32;
  if (c > 127) c = foldChar(c);
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) ? c : -1;
}
const ASCII_KEY = new Int16Array(128);
for (let c = 0; c < 128; c++) ASCII_KEY[c] = keyCharSlow(c);
function keyChar(c: number): number { return c < 128 ? ASCII_KEY[c]! : keyCharSlow(c); }

// A polynomial hash (h = h * P + c), so that the hash of a run of tokens is composed
// from the hashes of its tokens (TokenKeys) and equals the hash of its text.
const P = 0x01000193;
const POW = new Int32Array(64);
POW[0] = 1;
for (let k = 1; k < 64; k++) POW[k] = Math.imul(POW[k - 1]!, P);
function powP(n: number): number {
  if (n < 64) return POW[n]!;
  let r = POW[63]!;
  for (let k = 63; k < n; k++) r = Math.imul(r, P);
  return r;
}

/** The hash of the key characters of text[start, end). */
export function keyHash(text: string, start: number, end: number): number {
  let h = 0;
  for (let i = start; i < end; i++) {
    const c = keyChar(text.charCodeAt(i));
    if (c >= 0) h = (Math.imul(h, P) + c) | 0;
  }
  return h;
}

let hashBuf = new Int32Array(1024), lenBuf = new Int32Array(1024);
/** Key hashes of a document's tokens (computed when first asked), for the key hash of a run of tokens.
 * The arrays are shared (allocating them per document costs more than filling them): one document at a time. */
export class TokenKeys {
  private readonly hash: Int32Array;
  /** Key characters of each token; -1: not computed yet. */
  private readonly len: Int32Array;
  constructor(private readonly text: string, private readonly start: Int32Array, private readonly end: Int32Array, n: number) {
    if (hashBuf.length < n) { hashBuf = new Int32Array(n * 2); lenBuf = new Int32Array(n * 2); }
    this.hash = hashBuf;
    this.len = lenBuf;
    this.len.fill(-1, 0, n);
  }
  /** keyHash(text, start[a], end[b]): the text between tokens is white space, which keys drop. */
  range(a: number, b: number): number {
    let h = 0;
    for (let j = a; j <= b; j++) {
      let l = this.len[j]!;
      if (l < 0) {
        let th = 0;
        l = 0;
        for (let i = this.start[j]!, e = this.end[j]!; i < e; i++) {
          const c = keyChar(this.text.charCodeAt(i));
          if (c >= 0) { th = (Math.imul(th, P) + c) | 0; l++; }
        }
        this.hash[j] = th; this.len[j] = l;
      }
      h = (Math.imul(h, powP(l)) + this.hash[j]!) | 0;
    }
    return h;
  }
}

/** Slot of a hash in an open-addressing table of 2^bits slots (Fibonacci hashing: the high bits, well mixed). */
function slotOf(h: number, bits: number): number { return Math.imul(h, 0x9e3779b1) >>> (32 - bits); }

/** The key of text[start, end) is `key`. */
export function sameKey(text: string, start: number, end: number, key: string): boolean {
  let j = 0;
  for (let i = start; i < end; i++) {
    const c = keyChar(text.charCodeAt(i));
    if (c < 0) continue;
    if (j >= key.length || key.charCodeAt(j) !== c) return false;
    j++;
  }
  return j === key.length;
}

const buf: number[] = [];
function buildKey(text: string, start: number, end: number): string {
  buf.length = 0;
  for (let i = start; i < end; i++) { const c = keyChar(text.charCodeAt(i)); if (c >= 0) buf.push(c); }
  if (buf.length <= 4096) return String.fromCharCode.apply(null, buf);
  // (a name of a pasted blob's length: one call with every code as an argument would overflow the stack)
  let out = '';
  for (let i = 0; i < buf.length; i += 4096) out += String.fromCharCode.apply(null, buf.slice(i, i + 4096));
  return out;
}

// Interned keys: names repeat across a corpus, so most keys are built once, and the
// shared strings (and their "n:" ids) are cheap to look up again in the Maps keyed by
// them. Open addressing on the key hash; emptied when full.
const BITS = 18, SLOTS = 1 << BITS, MASK = SLOTS - 1, MAX_KEYS = SLOTS >> 1;
const slotHash = new Int32Array(SLOTS);
/** Slot → 1 + index into keys/ids (0: empty). */
const slotAt = new Int32Array(SLOTS);
let keys: string[] = [];
let ids: (string | undefined)[] = [];
/** The text last read for each key (short texts only), shared by the mentions that read the same. */
let texts: (string | undefined)[] = [];
/** Longer texts of keys, read in the current document only (forgetDocumentTexts), and the keys that have one. */
let docTexts: (string | undefined)[] = [];
const docTextKeys: number[] = [];

/** Index of the interned key of text[start, end) (h: its keyHash, when known), for keyAt / idAt. */
export function internKey(text: string, start: number, end: number, h = keyHash(text, start, end)): number {
  let s = slotOf(h, BITS);
  for (let at = slotAt[s]!; at; s = (s + 1) & MASK, at = slotAt[s]!) {
    if (slotHash[s] === h && sameKey(text, start, end, keys[at - 1]!)) return at - 1;
  }
  if (keys.length >= MAX_KEYS) { slotAt.fill(0); keys = []; ids = []; texts = []; docTexts = []; docTextKeys.length = 0; s = slotOf(h, BITS); }
  keys.push(buildKey(text, start, end)); ids.push(undefined); texts.push(undefined); docTexts.push(undefined);
  slotHash[s] = h; slotAt[s] = keys.length;
  return keys.length - 1;
}
export function keyAt(i: number): string { return keys[i]!; }
/** "n:" + keyAt(i): the document-level identity of a name that is no gazetteer place. */
export function idAt(i: number): string {
  let id = ids[i];
  if (id === undefined) ids[i] = id = 'n:' + keys[i]!;
  return id;
}

/**
 * text.slice(start, end), whose key is key i: the same string as the last text of key i when it reads the same.
 * A slice of 13 or more code units is a view of its document's text, which keeping it would keep alive: those are
 * shared within one document only (until forgetDocumentTexts).
 */
export function textAt(i: number, text: string, start: number, end: number): string {
  const n = end - start;
  const long = n >= 13;
  const last = long ? docTexts[i] : texts[i];
  if (last !== undefined && last.length === n) {
    let k = 0;
    while (k < n && text.charCodeAt(start + k) === last.charCodeAt(k)) k++;
    if (k === n) return last;
  }
  const s = text.slice(start, end);
  if (!long) texts[i] = s;
  else { if (last === undefined) docTextKeys.push(i); docTexts[i] = s; }
  return s;
}
/** The end of a document's mentions: its longer texts are no longer shared. */
export function forgetDocumentTexts(): void {
  for (const i of docTextKeys) docTexts[i] = undefined;
  docTextKeys.length = 0;
}

/** The name key of text[start, end). */
export function keyOf(text: string, start: number, end: number): string {
  return keys[internKey(text, start, end)]!;
}

/** A Map from keys to values that is also asked with a range of text (open addressing on the key hash). */
export class KeyIndex<V> {
  private readonly bits: number;
  private readonly mask: number;
  private readonly hashes: Int32Array;
  /** Slot → 1 + index into keys/values (0: empty). */
  private readonly slots: Int32Array;
  private readonly keys: string[] = [];
  private readonly values: V[] = [];

  constructor(map: Map<string, V>) {
    let bits = 4;
    while (1 << bits < map.size * 2) bits++;
    const size = 1 << bits;
    this.bits = bits;
    this.mask = size - 1;
    this.hashes = new Int32Array(size);
    this.slots = new Int32Array(size);
    for (const [key, value] of map) {
      const h = keyHash(key, 0, key.length);
      let s = slotOf(h, this.bits);
      while (this.slots[s]) s = (s + 1) & this.mask;
      this.keys.push(key); this.values.push(value);
      this.hashes[s] = h; this.slots[s] = this.keys.length;
    }
  }

  /** The value whose key is the key of text[start, end) (h: its keyHash, when known). */
  inRange(text: string, start: number, end: number, h = keyHash(text, start, end)): V | undefined {
    for (let s = slotOf(h, this.bits); ; s = (s + 1) & this.mask) {
      const at = this.slots[s]!;
      if (!at) return undefined;
      if (this.hashes[s] === h && sameKey(text, start, end, this.keys[at - 1]!)) return this.values[at - 1];
    }
  }
}
