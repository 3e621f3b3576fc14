// Figures: money, percentages, counts, dates, durations and ranks, read off the
// token stream with their normalised values, qualifiers and time references.
import { Cat, entries, catsById, type LexEntry } from './lexicon';
import { TK, TF, type Tokens, isPossessive, mergeSentences, extendSentence, compactSentences, spansGap, asciiLower } from './scan';
import { currencyOfLetters, currencyOfSymbol, currencyOfWordToken, isCurrencyCode } from './gazetteer';
import type { FigureKind, FigureValue, Qualifier, TimeRef } from './types';
import { isCommonWord } from './words';
import { iso, weekday, addDays, isoWeek, WEEKDAYS, type YMD } from './dates';

export interface RawFigure {
  start: number;
  end: number;
  kind: FigureKind;
  value: FigureValue;
  unit: string | null;
  qualifier: Qualifier;
  relative: string | null;
  /** Token range [first, last] of the figure itself (without its qualifier). */
  first: number;
  last: number;
  sent: number;
  /** Unit of the last written digit (0.1 for 86.8); `round` when an integer ends in zeros. */
  step: number;
  round: boolean;
  /** 'dateline': the article's publication date; 'modifier': the time of another figure. */
  role: 'dateline' | 'modifier' | null;
  time: TimeRef;
  /** Date figures: the event noun and phase ("visit", "start") they date. */
  event: string | null;
  phase: string | null;
  /** Weekday dates: the weekday (0 = Sunday). */
  weekday: number | null;
}

interface Num { value: number; first: number; last: number; step: number; round: boolean; words: boolean }

// The currency a symbol character stands for ("€", "₩"; not "$", nor punctuation), by code:
// read() asks at every punctuation mark.
const symbolCurrency = new Map<number, string | null>();
function currencyOfChar(c: number): string | null {
  let code = symbolCurrency.get(c);
  if (code === undefined) {
    const sym = String.fromCharCode(c);
    const known = currencyOfSymbol(sym);
    code = known && /[^\w\s.,;:!?'"()\-–—%&/]/.test(sym) ? known : null;
    symbolCurrency.set(c, code);
  }
  return code;
}

const NOTIME: TimeRef = { mode: 'none', when: null, text: null, target: false };

/** A value times its scale word, without the binary fraction's tail: "$4.18 billion" is 4180000000, not 4179999999.9999995. */
function scaled(v: number, by: number): number {
  const x = v * by;
  return Number.isInteger(x) ? x : Number(x.toPrecision(15));
}

export class FigureReader {
  constructor(private readonly text: string, private readonly t: Tokens, private readonly published: YMD | null) {}

  lex(i: number): LexEntry | undefined {
    if (i < 0 || i >= this.t.n) return undefined;
    const id = this.t.lex[i]!;
    return id ? entries[id - 1] : undefined;
  }
  has(i: number, cat: Cat): boolean { return i >= 0 && i < this.t.n && (catsById[this.t.lex[i]!]! & cat) !== 0; }
  is(i: number, word: string): boolean { const e = this.lex(i); return !!e && e.word === word; }
  ch(i: number): number { return i >= 0 && i < this.t.n && this.t.kind[i] === TK.Punct ? this.text.charCodeAt(this.t.start[i]!) : -1; }
  /** Token i+1 touches token i (no space between). */
  glued(i: number): boolean { return i + 1 < this.t.n && this.t.end[i] === this.t.start[i + 1]; }
  /** Token i is a lower-case common English word of at least `min` letters (a-z only). */
  private commonWord(i: number, min: number): boolean {
    const t = this.t, s = t.start[i]!, e = t.end[i]!;
    return e - s >= min && (t.flags[i]! & TF.Lower) !== 0 && asciiLower(this.text, s, e) && isCommonWord(this.text, s, e);
  }
  word(i: number): string { return this.text.slice(this.t.start[i]!, this.t.end[i]!); }
  /** Lower-cased word at i ('' when not a word). */
  lw(i: number): string { return i >= 0 && i < this.t.n && this.t.kind[i] === TK.Word ? this.word(i).toLowerCase() : ''; }
  /** lw(i) === w, without building the string for an ASCII word (w: lower-case ASCII). */
  lwIs(i: number, w: string): boolean {
    if (i < 0 || i >= this.t.n || this.t.kind[i] !== TK.Word) return w === '';
    const s = this.t.start[i]!, len = this.t.end[i]! - s;
    let same = len === w.length;
    for (let k = 0; k < len; k++) {
      let c = this.text.charCodeAt(s + k);
      if (c >= 128) return this.lw(i) === w; // toLowerCase may change the length
      if (c >= 65 && c <= 90) c += 32;
      if (same && c !== w.charCodeAt(k)) same = false;
    }
    return same;
  }
  sameSent(i: number, j: number): boolean { return j >= 0 && j < this.t.n && this.t.sent[i] === this.t.sent[j]; }
  isDash(i: number): boolean { const c = this.ch(i); return c === 45 || c === 0x2013 || c === 0x2010 || c === 0x2011; }
  /**
   * Token d is a hyphen inside a word: glued to the word before it and to the word after it, or, where a line was
   * broken at the hyphen ("Lee Jae-\nmyung", as text extracted from a PDF has it), to the line break before a
   * lower-case word.
   */
  hyphen(d: number): boolean {
    if (!this.isDash(d) || !this.glued(d - 1)) return false;
    if (this.glued(d)) return true;
    const t = this.t;
    if (d + 1 >= t.n || t.kind[d + 1] !== TK.Word || !(t.flags[d + 1]! & TF.Lower) || !(t.flags[d + 1]! & TF.NL)) return false;
    const gap = t.start[d + 1]! - t.end[d]!;
    return gap === 1 || (gap === 2 && this.text.charCodeAt(t.end[d]!) === 13);
  }

  read(): RawFigure[] {
    const out: RawFigure[] = [];
    const t = this.t;
    let i = 0;
    while (i < t.n) {
      const k = t.kind[i]!;
      let f: RawFigure | null = null;
      if (k === TK.Number || k === TK.Punct) f = this.money(i) ?? (k === TK.Number ? this.dateAt(i) ?? this.measure(i) : null);
      else if (k === TK.Word) {
        const e = this.lex(i);
        if (e && e.cats & (Cat.Month | Cat.Weekday | Cat.Relative | Cat.NumberWord | Cat.Ordinal)) f = this.dateAt(i) ?? this.money(i) ?? this.measure(i);
        else if (e && e.word === 'a' && this.is(i + 1, 'dozen')) f = this.measure(i);
        // "a million people", "half a billion dollars"
        else if ((e && e.word === 'a' && this.bigScale(i + 1)) || (this.is(i + 1, 'a') && this.lwIs(i, 'half') && this.bigScale(i + 2))) f = this.money(i) ?? this.measure(i);
        else if (e && e.cats & Cat.Connector) f = null;
        else if (e && e.cats & Cat.Superlative) f = this.topRank(i);
        else if (t.flags[i]! & (TF.Cap | TF.AllCaps)) f = this.money(i);
      }
      // a figure never spans a paragraph break ("11\n\nAugust 2025"); one read across a single line break joins the
      // sentences the line break ended ("Trade hit US$\n4 billion" on a short line)
      // (a cut made for length moves past the figure instead: "five | million" in a run without a sentence end)
      if (f && t.sent[f.first] !== t.sent[f.last]) {
        if (spansGap(t, f.first, f.last, TF.Blank)) f = null;
        else {
          if (spansGap(t, f.first, f.last, TF.Forced)) extendSentence(t, t.sent[f.first]!, f.last, f.first);
          else mergeSentences(t, t.sent[f.first]!, t.sent[f.last]!, f.first);
          f.sent = t.sent[f.first]!;
        }
      }
      if (f) {
        this.qualify(f);
        out.push(f);
        i = f.last + 1;
      } else i++;
    }
    const renumbered = compactSentences(t);
    if (renumbered) for (const f of out) f.sent = renumbered[f.sent]!;
    this.attachTimes(out);
    return out;
  }

  // ---------- numbers ----------
  /** A number at token i: digits (10,000; 86.8), digits with a scale (4.7 million, 1.2bn), or number words (ten, five million, twenty-five, a dozen). */
  number(i: number): Num | null {
    // money() and then measure() read the same number: read it once (a Num is never changed)
    if (i === this.lastNumberAt) return this.lastNumber;
    const n = this.readNumber(i);
    this.lastNumberAt = i; this.lastNumber = n;
    return n;
  }
  /** Token k is a scale word spelt out that says a number alone after "a": "hundred", "thousand", "million", "billion", "trillion". */
  private bigScale(k: number): boolean {
    const e = this.lex(k);
    return !!e && (e.cats & Cat.Scale) !== 0 && e.word.length > 2 && (e.word === 'hundred' || e.word === 'thousand' || e.word.endsWith('illion'));
  }
  private lastNumberAt = -1;
  private lastNumber: Num | null = null;

  private readNumber(i: number): Num | null {
    const t = this.t;
    if (i < 0 || i >= t.n) return null;
    let value: number, last = i, step = 1, round = false, words = false;
    if (t.kind[i] === TK.Number) {
      const raw = this.word(i);
      if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(raw) || /^\d+(\.\d+)?$/.test(raw)) {
        const clean = raw.replace(/,/g, '');
        value = Number(clean);
        const dot = clean.indexOf('.');
        if (dot >= 0) step = Math.pow(10, -(clean.length - dot - 1));
        else round = /00$/.test(clean) || (/0$/.test(clean) && clean.length >= 3);
      } else if (/^\d+(,\d+)+$/.test(raw)) { value = Number(raw.replace(/,/g, '')); }
      else if (/^\d+\.\d+\.\d+/.test(raw)) return null; // version numbers, dotted dates
      else value = Number(raw.replace(/,/g, ''));
      if (!Number.isFinite(value)) return null;
    } else {
      const e = this.lex(i);
      if (!e || !(e.cats & Cat.NumberWord)) {
        // "a dozen"
        if (this.is(i, 'a') && this.is(i + 1, 'dozen')) return { value: 12, first: i, last: i + 1, step: 1, round: false, words: true };
        // "a million", "half a billion" (a round figure: about as many)
        if (this.is(i, 'a') && this.bigScale(i + 1)) return { value: this.lex(i + 1)!.value!, first: i, last: i + 1, step: this.lex(i + 1)!.value! / 10, round: true, words: true };
        if (this.is(i + 1, 'a') && this.lwIs(i, 'half') && this.bigScale(i + 2)) { const v = this.lex(i + 2)!.value! / 2; return { value: v, first: i, last: i + 2, step: v / 10, round: true, words: true }; }
        return null;
      }
      if (e.word === 'one' && !this.has(i + 1, Cat.Scale)) return null; // "one" is mostly a pronoun
      value = e.value!;
      words = true;
      // twenty-five, twenty five
      if (value >= 20 && value % 10 === 0) {
        const j = this.isDash(i + 1) && this.glued(i) && this.glued(i + 1) ? i + 2 : i + 1;
        const u = this.lex(j);
        if (u && u.cats & Cat.NumberWord && u.value! < 10 && u.value! > 0) { value += u.value!; last = j; }
      }
      if (this.has(last + 1, Cat.Scale) && this.lex(last + 1)!.word === 'hundred') { value = scaled(value, 100); last++; }
      // "five and a half hours", "two and a half million"
      if (value < 100 && this.is(last + 1, 'and') && this.is(last + 2, 'a') && this.lwIs(last + 3, 'half')) { value += 0.5; last += 3; }
    }
    // scale words: million, billion, bn, m (glued only for one-letter scales)
    const s = this.lex(last + 1);
    if (s && s.cats & Cat.Scale && (s.word.length > 2 || this.glued(last)) && !(s.word === 'm' && !this.glued(last))) {
      const big = this.lex(last + 1)!;
      if (!(big.word === 'b' || big.word === 'k' || big.word === 'm') || this.glued(last)) {
        value = scaled(value, big.value!); step = scaled(step, big.value!); last++; round = false;
      }
    }
    return { value, first: i, last, step, round, words };
  }

  private make(kind: FigureKind, first: number, last: number, value: FigureValue, unit: string | null, n?: Num): RawFigure {
    return {
      start: this.t.start[first]!, end: this.t.end[last]!, kind, value, unit, qualifier: null, relative: null,
      first, last, sent: this.t.sent[first]!, step: n?.step ?? 1, round: n?.round ?? false, role: null, time: NOTIME,
      event: null, phase: null, weekday: null,
    };
  }

  /** A future tense shortly before token i in its sentence: "will", "shall", "'ll", "is due to", "is expected to", "is scheduled to". */
  private futureBefore(i: number): boolean {
    const t = this.t, first = t.sentFirst[t.sent[i]!]!;
    for (let j = i - 1, n = 0; j >= first && n < 10; j--, n++) {
      if (t.kind[j] !== TK.Word) continue;
      if (this.lwIs(j, 'will') || this.lwIs(j, 'shall') || this.lwIs(j, 'll')) return true;
      if ((this.lwIs(j, 'due') || this.lwIs(j, 'expected') || this.lwIs(j, 'scheduled')) && this.lwIs(j + 1, 'to')) return true;
      // a past verb or a report in between: "said on Sunday", "met on Sunday"
      if (this.lwIs(j, 'said') || this.lwIs(j, 'was') || this.lwIs(j, 'were')) return false;
    }
    return false;
  }

  // ---------- money ----------
  /** A currency before the number at i: "$", "US$", "USD ", "€", "₩", "HK$". Returns [currency, index of the number]. */
  private currencyBefore(i: number): [string, number] | null {
    const t = this.t;
    const c = this.ch(i);
    if (c === 36 /* $ */) return ['USD', i + 1];
    if (c > 0 && c !== 36) {
      const code = currencyOfChar(c);
      return code ? [code, i + 1] : null;
    }
    // a currency word is followed by "$" or by the number
    if (t.kind[i] === TK.Word && (t.flags[i]! & (TF.AllCaps | TF.Cap)) && (t.kind[i + 1] === TK.Number || this.ch(i + 1) === 36)) {
      const w = this.word(i);
      // US$, HK$, NZ$, A$
      if (this.ch(i + 1) === 36 && this.glued(i) && w.length <= 3) {
        const code = currencyOfSymbol(`${w}$`);
        if (code) return [code, i + 2];
      }
      if (w.length === 3 && (t.flags[i]! & TF.AllCaps) && isCurrencyCode(w) && t.kind[i + 1] === TK.Number) return [w, i + 1];
      if (w === 'RMB' && t.kind[i + 1] === TK.Number) return ['CNY', i + 1];
    }
    // a symbol in letters: "RM5 billion", "Rp 10 trillion", "Rs. 5,000 crore"
    if (t.kind[i] === TK.Word && (t.flags[i]! & TF.Cap) && t.end[i]! - t.start[i]! <= 3) {
      const n = this.ch(i + 1) === 46 && this.glued(i) ? i + 2 : i + 1;
      if (t.kind[n] === TK.Number && (n === i + 1 || (t.flags[n]! & TF.Space))) { const code = currencyOfLetters(this.word(i)); if (code) return [code, n]; }
    }
    return null;
  }

  private currencyAfter(j: number): [string, number] | null {
    const t = this.t;
    if (j >= t.n) return null;
    if (t.kind[j] === TK.Word) {
      const len = t.end[j]! - t.start[j]!;
      if (len === 3 && (t.flags[j]! & TF.AllCaps)) { const w = this.word(j); if (isCurrencyCode(w)) return [w, j]; }
      if (t.flags[j]! & TF.Lower) {
        const code = currencyOfWordToken(this.text, t.start[j]!, t.end[j]!, t.hash[j]!);
        if (code) return [code, j];
      }
      // "US dollars"
      if ((len === 2 || len === 4) && /^U\.?S\.?$/.test(this.word(j)) && t.kind[j + 1] === TK.Word && /^dollars?$/.test(this.word(j + 1))) return ['USD', j + 1];
    }
    const c = this.ch(j);
    if (c > 127) { const code = currencyOfSymbol(String.fromCharCode(c)); if (code && this.glued(j - 1)) return [code, j]; }
    return null;
  }

  money(i: number): RawFigure | null {
    const before = this.currencyBefore(i);
    if (before) {
      const n = this.number(before[1]);
      if (!n) return null;
      let last = n.last;
      let value: FigureValue = n.value;
      const r = this.rangeAfter(n, true);
      if (r) { value = [n.value * (r.scaleFix ?? 1), r.hi.value]; last = r.last; if (this.currencyBefore(r.hiFirst)) last = r.last; }
      const f = this.make('money', i, last, value, before[0], n);
      return f;
    }
    const n = this.t.kind[i] === TK.Number || this.has(i, Cat.NumberWord) || this.is(i, 'a') || (this.is(i + 1, 'a') && this.lwIs(i, 'half')) ? this.number(i) : null;
    if (!n) return null;
    const after = this.currencyAfter(n.last + 1);
    if (!after) return null;
    return this.make('money', i, after[1], n.value, after[0], n);
  }

  /** "8.3% to 8.5%", "$1-2 billion", "between 5 and 7 per cent": the upper end after a number. */
  private rangeAfter(n: Num, money: boolean): { hi: Num; last: number; hiFirst: number; scaleFix?: number } | null {
    const t = this.t;
    let j = n.last + 1;
    const dash = this.isDash(j) && this.glued(j - 1) && this.glued(j);
    const to = this.is(j, 'to');
    const and = this.is(j, 'and') && this.is(n.first - 1, 'between');
    if (!dash && !to && !and) return null;
    if (to && (this.is(n.first - 1, 'from') || this.is(n.first - 2, 'from') || this.is(n.first - 3, 'from'))) return null; // a change, not a range
    j++;
    let hiFirst = j;
    if (money) { const c = this.currencyBefore(j); if (c) j = c[1]; }
    if (t.kind[j] !== TK.Number) return null;
    const hi = this.number(j);
    if (!hi || hi.value < n.value * (n.step < 1 ? 1 : 1) - 1e-9 && hi.value * 1000 < n.value) return null;
    // "$1-2 billion": the scale written once applies to both ends
    let scaleFix: number | undefined;
    if (hi.step > 1 && n.step === 1 && hi.value / hi.step === Number(this.word(j).replace(/,/g, ''))) scaleFix = hi.step;
    if ((scaleFix ? n.value * scaleFix : n.value) > hi.value) return null;
    hiFirst = j;
    return { hi, last: hi.last, hiFirst, ...(scaleFix ? { scaleFix } : {}) };
  }

  // ---------- percentages, durations, ranks, counts ----------
  /** Percent unit after the number ending at `last`: "%", "per cent", "percent", "percentage points". Returns [unit, last token]. */
  private percentAfter(last: number): [string, number] | null {
    const j = last + 1;
    if (this.ch(j) === 37) return ['%', j];
    if (this.t.kind[j] === TK.Word && this.lwIs(j, 'per') && this.t.kind[j + 1] === TK.Word && this.lwIs(j + 1, 'cent')) return ['%', j + 1];
    if (this.t.kind[j] === TK.Word) {
      if (this.lwIs(j, 'percent') || this.lwIs(j, 'pct')) return ['%', j];
      // "15pc", as British papers write it (glued: "the PC market" is none)
      if (this.lwIs(j, 'pc') && this.glued(last) && this.t.kind[last] === TK.Number) return ['%', j];
      if (this.lwIs(j, 'percentage') && /^points?$/i.test(this.t.kind[j + 1] === TK.Word ? this.word(j + 1) : '')) return ['pp', j + 1];
      if (this.lwIs(j, 'basis') && /^points?$/i.test(this.t.kind[j + 1] === TK.Word ? this.word(j + 1) : '')) return ['bp', j + 1];
    }
    return null;
  }

  /**
   * A superlative without an ordinal is the first rank: "Vietnam's largest source of investment", "the biggest
   * supplier", "its largest trading partner" (1, as "second-largest" is 2). Not "one of the largest investors" nor
   * "among the biggest", which rank nothing, nor a superlative with no noun after it.
   */
  private topRank(i: number): RawFigure | null {
    if (!this.lwIs(i, 'largest') && !this.lwIs(i, 'biggest')) return null;
    const t = this.t, p = i - 1;
    if (!(isPossessive(t, p) || this.lwIs(p, 'the') || this.lwIs(p, 'its') || this.lwIs(p, 'their'))) return null;
    if (!(t.kind[i + 1] === TK.Word && (t.flags[i + 1]! & TF.Lower) && this.sameSent(i, i + 1))) return null;
    // "one of the largest", "one of Vietnam's largest", "among its biggest"
    for (let k = p - 1; k >= p - 4 && k >= 0 && this.sameSent(i, k); k--) {
      if (this.lwIs(k, 'among') || (this.lwIs(k, 'of') && (this.lwIs(k - 1, 'one') || this.lwIs(k - 1, 'some')))) return null;
    }
    // a record over time ranks nothing: "the biggest reform in nearly four decades", "the largest since 1990", "ever"
    for (let k = i + 1; k <= i + 8 && k < t.n && this.sameSent(i, k); k++) {
      if (this.lwIs(k, 'since') || this.lwIs(k, 'ever') || this.lwIs(k, 'record') || this.lwIs(k, 'history') || this.has(k, Cat.TimeUnit)) return null;
    }
    return this.make('rank', i, i, 1, null);
  }

  measure(i: number): RawFigure | null {
    const t = this.t;
    // ranks: third-largest, 3rd-biggest, second largest
    const ord = this.ordinal(i);
    if (ord) {
      const j = ord.last + 1 + (this.isDash(ord.last + 1) ? 1 : 0);
      if (this.has(j, Cat.Superlative)) {
        const f = this.make('rank', i, j, ord.value, null);
        return f;
      }
      return null;
    }
    if (t.kind[i] === TK.Number && this.glued(i - 1)) {
      // a code ("K9", "covid19"), not a figure; but a common word glued to it by text extraction is ("lists16.1 million")
      if (t.kind[i - 1] === TK.Word && !this.has(i - 1, Cat.Qualifier) && !this.commonWord(i - 1, 3)) return null;
      if (this.ch(i - 1) === 58) return null;
    }
    // "two-way", "four-pillar": a number word in a compound that is no unit
    if (t.kind[i] === TK.Word && this.isDash(i + 1) && this.glued(i) && !this.has(i + 2, Cat.TimeUnit) && !this.has(i + 2, Cat.Superlative) && !this.has(i + 2, Cat.NumberWord)) return null;
    // "twenty-five": the tens word starts the number, the unit word is not a figure of its own
    if (t.kind[i] === TK.Word && this.isDash(i - 1) && this.glued(i - 1) && this.glued(i - 2) && this.has(i - 2, Cat.NumberWord)) return null;
    const n = this.number(i);
    if (!n) return null;
    // a year is a date, handled by dateAt; a bare year-like number here is a count only with a plural noun after
    // percentages
    const p = this.percentAfter(n.last);
    if (p) {
      let last = p[1];
      let value: FigureValue = n.value;
      const r = this.rangeAfter({ ...n, last }, false) ?? this.rangeAfter(n, false);
      if (r) {
        const hp = this.percentAfter(r.last);
        value = [n.value, r.hi.value];
        last = hp ? hp[1] : r.last;
      }
      return this.make('percent', i, last, value, p[0], n);
    }
    // "8.3 to 8.5 per cent"
    const r0 = this.rangeAfter(n, false);
    if (r0) {
      const hp = this.percentAfter(r0.last);
      if (hp) return this.make('percent', i, hp[1], [n.value, r0.hi.value], hp[0], n);
    }
    // durations: four-day, 4 years, three decades
    const j = n.last + 1 + (this.isDash(n.last + 1) && this.glued(n.last) ? 1 : 0);
    const u = this.lex(j);
    if (u && u.cats & Cat.TimeUnit && u.canon !== 'term') {
      // "the 68-year-old leader": an age, a count ("Lam, 68,")
      if (u.canon === 'year' && j > n.last + 1 && this.isDash(j + 1) && this.glued(j) && this.lwIs(j + 2, 'old') && this.glued(j + 1)) return this.make('count', i, j + 2, n.value, null, n);
      return this.make('duration', i, j, n.value, u.canon!, n);
    }
    // a hyphenated compound that is not a time: "four-pillar" is a count
    if (n.words && this.has(i - 1, Cat.Determiner) && n.value <= 10 && !this.has(n.last + 1, Cat.Scale)) return null; // "the two countries"
    // distances, a count of their unit: "1,541km", "609 km", "the 1,541-kilometre road", "40 miles"
    const du = this.distanceUnit(n.last + 1 + (this.isDash(n.last + 1) && this.glued(n.last) && this.glued(n.last + 1) ? 1 : 0));
    if (du) return this.make('count', i, du[1], n.value, du[0], n);
    if (t.kind[i] === TK.Number) {
      // skip clock times and scores (01:01, 3-2) and codes glued to letters ("K9", "O1")
      if (this.ch(n.last + 1) === 58 && t.kind[n.last + 2] === TK.Number && this.glued(n.last)) return null;
      if (this.glued(i - 1) && t.kind[i - 1] === TK.Word && (t.flags[i - 1]! & (TF.Cap | TF.AllCaps)) && this.word(i - 1).length <= 2) return null;
      // a common word glued after the number is what it counts ("exchanged 6memorandums"), not a code ("3D", "5G", "4x4")
      // (but "39thin a ranking" is a rank glued to "in", whose suffix is no count's word)
      // ("15th" is read as an ordinal before this)
      if (this.glued(n.last) && t.kind[n.last + 1] === TK.Word && !this.has(n.last + 1, Cat.Scale) && (!this.commonWord(n.last + 1, 4) || /^(st|nd|rd|th)/i.test(this.word(n.last + 1)))) return null;
    }
    return this.make('count', i, n.last, n.value, null, n);
  }

  private distanceUnit(j: number): [string, number] | null {
    if (j >= this.t.n || this.t.kind[j] !== TK.Word) return null;
    const c = this.text.charCodeAt(this.t.start[j]!) | 32;
    if (c === 107 && (this.lwIs(j, 'km') || this.lwIs(j, 'kilometre') || this.lwIs(j, 'kilometres') || this.lwIs(j, 'kilometer') || this.lwIs(j, 'kilometers'))) return ['km', j];
    if (c === 109 && (this.lwIs(j, 'mile') || this.lwIs(j, 'miles'))) return ['mi', j];
    return null;
  }

  private ordinal(i: number): { value: number; last: number } | null {
    const e = this.lex(i);
    if (e && e.cats & Cat.Ordinal) return { value: e.value!, last: i };
    if (this.t.kind[i] === TK.Number && this.glued(i) && this.t.kind[i + 1] === TK.Word && /^(st|nd|rd|th)$/i.test(this.word(i + 1))) {
      const v = Number(this.word(i));
      if (this.has(i + 2, Cat.Superlative) || (this.isDash(i + 2) && this.has(i + 3, Cat.Superlative))) return { value: v, last: i + 1 };
    }
    return null;
  }

  // ---------- dates ----------
  private numericDate(i: number): RawFigure | null {
    const t = this.t, w = this.word(i);
    const part = (k: number, digits: RegExp) => t.kind[k] === TK.Number && digits.test(this.word(k)) && this.glued(k - 1) && this.glued(k - 2);
    if (/^(19|20|21)\d{2}$/.test(w) && this.isDash(i + 1) && part(i + 2, /^\d{2}$/) && this.isDash(i + 3) && part(i + 4, /^\d{2}$/)) {
      const m = Number(this.word(i + 2)), d = Number(this.word(i + 4));
      return m >= 1 && m <= 12 && d >= 1 && d <= 31 ? this.dateFig(i, i + 4, iso(Number(w), m, d), null) : null;
    }
    if (/^\d{1,2}$/.test(w) && this.ch(i + 1) === 47 && part(i + 2, /^\d{1,2}$/) && this.ch(i + 3) === 47 && part(i + 4, /^(19|20|21)\d{2}$/)) {
      const a = Number(w), b = Number(this.word(i + 2)), y = Number(this.word(i + 4));
      if (a < 1 || b < 1 || a > 31 || b > 31 || (a > 12 && b > 12)) return null;
      const value = a > 12 ? iso(y, b, a) : b > 12 || a === b ? iso(y, a, b) : String(y);
      return this.dateFig(i, i + 4, value, null);
    }
    return null;
  }
  // ---------- dates ----------
  /** Tokens k, k + 1 are "mid-", "early-" or "late-" before a year, or a year and a dash ("2030-2040"). */
  private yearPart(k: number): boolean {
    if (k < 0) return false;
    if (this.t.kind[k] === TK.Number) return /^(1[89]|20|21)\d{2}$/.test(this.word(k)) && this.glued(k) && this.isDash(k + 1);
    if (this.t.kind[k] !== TK.Word) return false;
    const w = this.word(k).toLowerCase();
    return (w === 'mid' || w === 'early' || w === 'late') && this.glued(k) && this.isDash(k + 1) && this.t.end[k + 1] === this.t.start[k + 2];
  }
  // ---------- dates ----------
  dateAt(i: number): RawFigure | null {
    const t = this.t;
    const e = this.lex(i);
    const cap = (t.flags[i]! & TF.Cap) !== 0;
    // Month Day(, Year) | Month Year | Month alone after in/last/this/next
    if (e && e.cats & Cat.Month && (cap || e.word.length > 3) && !(e.word === 'may' && !cap) && !(e.word === 'march' && !cap)) {
      const m = e.value!;
      let j = i + 1;
      if (this.ch(j) === 46 && e.word.length <= 4) j++; // "Aug."
      if (t.kind[j] === TK.Number) {
        const dRaw = this.word(j);
        const d = Number(dRaw);
        if (/^\d{1,2}$/.test(dRaw) && d >= 1 && d <= 31) {
          let k = j + 1;
          if (this.ch(k) === 44) k++;
          if (t.kind[k] === TK.Number && /^\d{4}$/.test(this.word(k))) {
            const y = Number(this.word(k));
            return this.dateFig(i, k, iso(y, m, d), null);
          }
          // no year: resolve against the publication date
          const y = this.yearFor(m, d);
          return this.dateFig(i, j, y ? iso(y, m, d) : null, y ? null : this.text.slice(t.start[i]!, t.end[j]!));
        }
        if (/^\d{4}$/.test(dRaw)) return this.dateFig(i, j, iso(Number(dRaw), m), null);
      }
      if (!cap) return null;
      const prev = this.lex(i - 1);
      if (prev && (prev.word === 'last' || prev.word === 'next' || prev.word === 'this' || prev.word === 'in' || prev.word === 'since' || prev.word === 'until' || prev.word === 'early' || prev.word === 'late' || prev.word === 'mid')) {
        const rel = prev.word === 'last' || prev.word === 'next' || prev.word === 'this';
        const first = rel ? i - 1 : i;
        const y = this.published ? this.monthYear(m, prev.word) : null;
        return this.dateFig(first, i, y ? iso(y, m) : null, y ? null : this.text.slice(t.start[first]!, t.end[i]!));
      }
      return null;
    }
    // numbers: 2025-08-11 (ISO), 11/08/2025 (day and month told apart where one is above 12; the year alone where not)
    if (t.kind[i] === TK.Number) { const d = this.numericDate(i); if (d) return d; }
    // Day Month Year: 11 August 2025
    if (t.kind[i] === TK.Number && /^\d{1,2}$/.test(this.word(i))) {
      const me = this.lex(i + 1);
      if (me && me.cats & Cat.Month && (t.flags[i + 1]! & TF.Cap)) {
        const d = Number(this.word(i));
        if (t.kind[i + 2] === TK.Number && /^\d{4}$/.test(this.word(i + 2))) return this.dateFig(i, i + 2, iso(Number(this.word(i + 2)), me.value!, d), null);
        const y = this.yearFor(me.value!, d);
        return this.dateFig(i, i + 1, y ? iso(y, me.value!, d) : null, y ? null : this.text.slice(t.start[i]!, t.end[i + 1]!));
      }
    }
    // a year: 2024, in 2024, by 2030 (the preposition stays outside the span; it sets the time reference)
    // ("mid-2030", "early-2026": a part of the year, glued by a hyphen; the second year of "2030-2040")
    if (t.kind[i] === TK.Number && /^(1[89]|20|21)\d{2}$/.test(this.word(i)) && (!this.glued(i - 1) || this.yearPart(i - 2))) {
      const next = this.lex(i + 1);
      if (next && next.cats & (Cat.Scale | Cat.TimeUnit)) return null;
      if (this.percentAfter(i) || this.currencyBefore(i - 1)) return null;
      if (this.ch(i + 1) === 37) return null;
      if (this.isDash(i + 1) && this.glued(i) && this.lex(i + 2)?.cats! & Cat.TimeUnit) return null;
      // "2000 workers" is a count; "in 2024 trade" is a year
      const nextW = t.kind[i + 1] === TK.Word && (t.flags[i + 1]! & TF.Lower) ? this.word(i + 1) : '';
      const prep = this.lex(i - 1);
      const prepOk = !!prep && /^(in|by|since|until|till|from|of|before|after|to|toward|towards|through|between|and|or|during|early|late|mid|around|circa|year|fiscal|end|start|beginning|summer|winter|spring|autumn|fall)$/.test(prep.word);
      if (!prepOk && /s$/.test(nextW) && !/^(onwards?|as)$/.test(nextW)) return null;
      return this.dateFig(i, i, this.word(i), null);
    }
    if (!e) return null;
    // weekdays
    if (e.cats & Cat.Weekday && cap) {
      const wd = e.value!;
      let value: string | null = WEEKDAYS[wd]!;
      if (this.published) {
        const p = this.published;
        const back = (weekday(p.y, p.m, p.d) - wd + 7) % 7;
        const next = this.is(i - 1, 'next');
        // "will vote on Sunday": the coming one (today's counts), not the last
        const r = next ? addDays(p, (wd - weekday(p.y, p.m, p.d) + 7) % 7 || 7) : this.futureBefore(i) ? addDays(p, (wd - weekday(p.y, p.m, p.d) + 7) % 7) : addDays(p, -back);
        value = iso(r.y, r.m, r.d);
      }
      const f = this.dateFig(i, i, value, this.published ? null : WEEKDAYS[wd]!);
      f.weekday = wd;
      return f;
    }
    // relative: last year, this week, next month, yesterday, today
    if (e.cats & Cat.Relative && (e.word === 'last' || e.word === 'this' || e.word === 'next' || e.word === 'past')) {
      if (cap && t.sentFirst[t.sent[i]!] !== i) return null;
      const u = this.lex(i + 1);
      if (!u || !(u.cats & Cat.TimeUnit) || !/^(year|week|month)$/.test(u.canon!) || /s$/.test(u.word)) return null;
      const text = this.text.slice(t.start[i]!, t.end[i + 1]!);
      const value = this.published ? this.relativeValue(e.word, u.canon!) : null;
      return this.dateFig(i, i + 1, value, value ? null : text, text);
    }
    if (e.word === 'yesterday' || e.word === 'today') {
      const p = this.published;
      const r = p ? (e.word === 'today' ? p : addDays(p, -1)) : null;
      return this.dateFig(i, i, r ? iso(r.y, r.m, r.d) : null, r ? null : e.word, e.word);
    }
    return null;
  }

  private dateFig(first: number, last: number, value: string | null, relative: string | null, relText?: string): RawFigure {
    const f = this.make('date', first, last, value, null);
    f.relative = relative ?? (relText && value ? null : null);
    if (relText && value) f.relative = null;
    return f;
  }

  private yearFor(m: number, d: number): number | null {
    const p = this.published;
    if (!p) return null;
    // a month-day without a year is the latest one not more than ~2 months after publication
    return m * 100 + d > p.m * 100 + p.d + 200 ? p.y - 1 : p.y;
  }

  private monthYear(m: number, rel: string): number {
    const p = this.published!;
    if (rel === 'last') return m < p.m ? p.y : p.y - 1;
    if (rel === 'next') return m > p.m ? p.y : p.y + 1;
    if (rel === 'this') return p.y;
    return m <= p.m ? p.y : p.y - 1;
  }

  private relativeValue(rel: string, unit: string): string {
    const p = this.published!;
    const delta = rel === 'last' || rel === 'past' ? -1 : rel === 'next' ? 1 : 0;
    if (unit === 'year') return iso(p.y + delta);
    if (unit === 'month') { const m = p.m + delta; const y = p.y + Math.floor((m - 1) / 12); return iso(y, ((m - 1 + 12) % 12) + 1); }
    return isoWeek(addDays(p, 7 * delta));
  }

  // ---------- qualifiers ----------
  qualify(f: RawFigure): void {
    const t = this.t;
    let i = f.first - 1;
    if (i < 0) return;
    let q: Qualifier = null, from = -1;
    const e = this.lex(i);
    const w = e?.word ?? this.lw(i);
    if (!w) return;
    if (w === 'than' || w === 'to' || w === 'least') {
      const p = this.lw(i - 1);
      if (w === 'than' && (p === 'more' || p === 'over')) { q = 'more-than'; from = i - 1; }
      else if (w === 'than' && (p === 'less' || p === 'fewer')) { q = 'less-than'; from = i - 1; }
      else if (w === 'to' && p === 'up') { q = 'up-to'; from = i - 1; }
      else if (w === 'to' && p === 'close') { q = 'approx'; from = i - 1; }
      else if (w === 'least' && p === 'at') { q = 'at-least'; from = i - 1; }
    } else if (e && e.cats & Cat.Qualifier && w !== 'up' && w !== 'more' && w !== 'less' && w !== 'fewer' && w !== 'least') {
      if (w === 'over' || w === 'under' || w === 'above' || w === 'below') {
        // "over three decades", "over 10,000": only before a number, not "over the years"
        // (before a duration, the period something happens in: "1,200 jobs over five years", "rose 9% over two years";
        // more than it after "for", "of", "in": "for over five years", "a delay of over two years")
        if (f.kind === 'duration' && (w === 'over' || w === 'under') && !/^(for|of|in|after|lasting|lasted|than)$/.test(this.lw(i - 1) ?? '')) return;
        q = e.canon as Qualifier; from = i;
      } else { q = e.canon as Qualifier; from = i; }
      if (w === 'estimated' && this.is(i - 1, 'an')) from = i - 1;
      if (w === 'some' && f.kind === 'date') { q = null; from = -1; }
    }
    if (q && from >= 0 && this.sameSent(f.first, from) && (f.kind !== 'date' || q === 'approx')) {
      if (f.kind === 'rank') return;
      f.qualifier = q;
      f.start = t.start[from]!;
    }
  }

  // ---------- time references ----------
  attachTimes(figs: RawFigure[]): void {
    const t = this.t;
    for (let k = 0; k < figs.length; k++) {
      const f = figs[k]!;
      if (f.kind === 'date') { this.dateContext(f); continue; }
      let time: TimeRef = { mode: 'none', when: null, text: null, target: false };
      // a date right after it (before the next figure), within the sentence: "$86.7 billion in 2024", "US$150 billion by 2030"
      for (let m = k + 1; m < figs.length; m++) {
        const d = figs[m]!;
        if (d.sent !== f.sent) break;
        if (d.kind === 'duration' || (d.kind === 'count' && d.first - f.last <= 4)) continue;
        if (d.kind !== 'date') break;
        if (typeof d.value === 'string' && !/^\d{4}(-\d{2})?$/.test(d.value)) break;
        if (d.value === null && !/year|month/.test(d.relative ?? '')) break;
        if (d.first - f.last > 9) break;
        if (d.role === 'modifier') break;
        const prep = this.lex(d.first - 1)?.word ?? '';
        const mode = prep === 'by' || prep === 'toward' || prep === 'towards' || prep === 'until' ? 'by' : 'at';
        if (!/^(in|by|for|during|of|toward|towards|until|last|this|next)$/.test(prep) && !(d.relative ?? '').match(/^(last|this|next)/) && !this.lex(d.first)?.cats) break;
        time = { mode, when: typeof d.value === 'string' ? d.value : null, text: this.text.slice(this.t.start[d.first - (prep === 'by' || prep === 'in' ? 1 : 0)]!, d.end), target: mode === 'by' };
        d.role = 'modifier';
        break;
      }
      // "the current US$86.8 billion", "currently"
      for (let j = f.first - 1; j >= Math.max(0, f.first - 4) && this.sameSent(f.first, j); j--) {
        const w = this.lex(j)?.word;
        if (w === 'current' || w === 'currently' || w === 'now' || w === 'present') { if (time.mode === 'none') time = { ...time, mode: 'current', text: w }; break; }
      }
      time.target = time.target || this.isTarget(f);
      if (this.isBaseline(f)) time.target = false;
      f.time = time;
      void t;
    }
  }

  private isTarget(f: RawFigure): boolean {
    const t = this.t;
    // "... trade target", "a goal of ..."
    for (let j = f.last + 1; j <= f.last + 3 && this.sameSent(f.first, j); j++) {
      if (t.kind[j] !== TK.Word) break;
      const e = this.lex(j);
      if (e && e.cats & Cat.TargetWord && /^(target|targets|goal|goals|objective|ambition|pledge|pledges|aim)$/.test(e.word)) return true;
    }
    // "to (an ambitious) US$150 billion" after a growth verb; "target of", "pledge"
    let sawTo = false;
    for (let j = f.first - 1, steps = 0; j >= 0 && steps < 10 && this.sameSent(f.first, j); j--, steps++) {
      if (t.kind[j] === TK.Punct) { const c = this.ch(j); if (c === 44 || c === 59 || c === 40) break; continue; }
      if (t.kind[j] === TK.Number) break;
      const e = this.lex(j);
      const w = e?.word;
      if (w === 'from') return false;
      if (w === 'to' && steps <= 3) sawTo = true;
      if (e && e.cats & Cat.TargetWord) {
        if (/^(target|targets|goal|goals|objective|pledge|pledged|pledges|pledging|aim|aims|aimed|aiming|plan|plans|planned)$/.test(w!)) return true;
        if (sawTo) return true;
      }
    }
    return false;
  }

  private isBaseline(f: RawFigure): boolean {
    for (let j = f.first - 1; j >= Math.max(0, f.first - 4) && this.sameSent(f.first, j); j--) {
      const w = this.lex(j)?.word;
      if (w === 'from') return true;
      if (this.t.kind[j] === TK.Number) return false;
    }
    return false;
  }

  /** Date figures: what event they date ("visit began on Monday" → visit/start). */
  private dateContext(f: RawFigure): void {
    const t = this.t;
    const s = f.sent;
    let event: string | null = null, phase: string | null = null, bestDist = 1e9;
    const from = t.sentFirst[s]!;
    const to = s + 1 < t.sentFirst.length ? t.sentFirst[s + 1]! : t.n;
    for (let j = from; j < to; j++) {
      if (j >= f.first && j <= f.last) continue;
      const e = this.lex(j);
      if (!e) continue;
      const dist = j < f.first ? f.first - j : j - f.last;
      if (e.cats & Cat.EventNoun && dist < bestDist && dist <= 12) { event = e.word.replace(/s$/, ''); bestDist = dist; }
      if (e.cats & Cat.PhaseVerb && dist <= 4) phase = /^(began|begin|begins|begun|started|start|starts|starting|opened|opens|kicked)$/.test(e.word) ? 'start' : 'end';
    }
    // "... on August 11, 2025, as the leaders unveiled ..." followed by "reached during the state visit": the event may be named a sentence or two later in the paragraph
    for (let s2 = s + 1; !event && s2 <= s + 2 && s2 < t.sentFirst.length; s2++) {
      const a = t.sentFirst[s2]!, z = s2 + 1 < t.sentFirst.length ? t.sentFirst[s2 + 1]! : t.n;
      if (t.flags[a]! & TF.Blank) break;
      for (let j = a; j < z; j++) { const e = this.lex(j); if (e && e.cats & Cat.EventNoun) { event = e.word.replace(/s$/, ''); break; } }
    }
    // "the first visit since 1998", "until 2030": a point of reference, not the date of the event
    const prep = this.lw(f.first - 1);
    if (prep === 'since' || prep === 'until' || prep === 'till' || prep === 'before' || prep === 'after') event = null;
    f.event = event;
    f.phase = phase;
    void isPossessive;
  }
}
