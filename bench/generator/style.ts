// How an outlet writes: quotes, currency, percent and date conventions, and
// whether its text went through a print-to-text extraction that glued words.
// A Writer formats values in one outlet's style and counts the figures it wrote.
import { hash32, Rng } from './rng';
import { MONTHS, WEEKDAYS } from './vocab';

export interface Style {
  outlet: string;
  /** Typographic quotes and apostrophes (’ “ ”) rather than ASCII ones. */
  curly: boolean;
  currency: 'US$' | '$' | 'USD ';
  /** "$86.8bn", "$450m" rather than "$86.8 billion". */
  abbreviate: boolean;
  percent: '%' | ' per cent' | ' percent';
  dateOrder: 'mdy' | 'dmy';
  /** Lines of the printed page were joined without a space ("toseek"). */
  glued: boolean;
  /** Spell out numbers below ten. */
  words: boolean;
  dash: string;
  /** Navigation cruft at the top of the page. */
  nav: boolean;
  /** Probability of a related-articles box. */
  boxes: number;
}

export function styleOf(outlet: string, seed: string): Style {
  const r = new Rng(`${seed}/style/${outlet}`);
  return {
    outlet,
    curly: r.chance(0.45),
    currency: r.pick(['US$', '$', '$', 'USD '] as const),
    abbreviate: r.chance(0.2),
    percent: r.pick(['%', '%', ' per cent', ' percent'] as const),
    dateOrder: r.chance(0.7) ? 'mdy' : 'dmy',
    glued: r.chance(0.15),
    words: r.chance(0.7),
    dash: r.pick(['\u2014', '--', '-', '\u2013']),
    nav: r.chance(0.4),
    boxes: r.pick([0, 0.2, 0.4, 0.7]),
  };
}

const SMALL = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];
const ORDINAL = ['zeroth', 'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];

/** Days since 1970-01-01 → calendar parts. */
export function calendar(days: number): { y: number; m: number; d: number; weekday: string } {
  const dt = new Date(days * 86400000);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate(), weekday: WEEKDAYS[dt.getUTCDay()]! };
}

export function daysOf(y: number, m: number, d: number): number {
  return Math.round(Date.UTC(y, m - 1, d) / 86400000);
}

/**
 * The amount `Writer.money` prints for `v`, and the step that print is precise to (a whole number of billions is
 * precise to a billion: "US$49bn"; "US$2.9 billion" to a tenth of one).
 */
export function shownMoney(v: number): { value: number; step: number } {
  const at = (unit: number, digits: number) => {
    const value = Number((v / unit).toFixed(digits)) * unit;
    return { value, step: Number.isInteger(Math.round(value / unit * 10) / 10) ? unit : unit / 10 };
  };
  if (v >= 1e9) return at(1e9, v >= 1e11 ? 0 : 1);
  if (v >= 1e6) return at(1e6, v >= 1e8 ? 0 : 1);
  return { value: Math.round(v), step: 1 };
}

function trimDecimal(x: number, digits: number): string {
  return x.toFixed(digits).replace(/\.?0+$/, '');
}

export function groupThousands(n: number): string {
  const s = String(Math.round(Math.abs(n)));
  return (n < 0 ? '-' : '') + s.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

export class Writer {
  /** Figures written so far (money, percents, counts, dates, durations, ranks, ages, years). */
  figures = 0;

  constructor(readonly style: Style, readonly r: Rng) {}

  get apos(): string { return this.style.curly ? '\u2019' : "'"; }

  q(text: string): string { return this.style.curly ? `\u201c${text}\u201d` : `"${text}"`; }

  poss(name: string): string { return name.endsWith('s') ? `${name}${this.apos}` : `${name}${this.apos}s`; }

  /** A US dollar amount. */
  money(v: number, currency: string = this.style.currency): string {
    this.figures++;
    const s = this.style;
    if (v >= 1e9) {
      const x = trimDecimal(v / 1e9, v >= 1e11 ? 0 : 1);
      if (s.abbreviate) return `${currency.trim() === 'USD' ? '$' : currency}${x}bn`;
      return this.r.chance(0.05) ? `${x} billion US dollars` : `${currency}${x} billion`;
    }
    if (v >= 1e6) {
      const x = trimDecimal(v / 1e6, v >= 1e8 ? 0 : 1);
      if (s.abbreviate) return `${currency.trim() === 'USD' ? '$' : currency}${x}m`;
      return `${currency}${x} million`;
    }
    return `${currency}${groupThousands(v)}`;
  }

  /** A small price with cents ("$1.20"). */
  price(v: number): string {
    this.figures++;
    const c = this.style.currency;
    return `${c}${v.toFixed(2)}`;
  }

  /** Money in another currency, for variety in background sentences. */
  foreignMoney(v: number): string {
    const c = this.r.pick(['\u20ac', '\u00a3', '\u20ac', 'EUR ']);
    return this.money(v, c);
  }

  /** A count; small ones may be spelled out, big round ones said in millions. */
  count(v: number, qualifier = ''): string {
    this.figures++;
    // Print extraction sometimes swallows the space inside "more than" as well.
    const q = !qualifier ? '' : (this.style.glued && qualifier.includes(' ') && this.r.chance(0.3) ? qualifier.replace(' ', '') : qualifier) + ' ';
    if (v <= 12 && this.style.words && this.r.chance(0.8)) return q + SMALL[v]!;
    if (v >= 1e6 && v % 1e5 === 0) return `${q}${trimDecimal(v / 1e6, 1)} million`;
    return q + groupThousands(v);
  }

  /** A plain number with no figure counting (already counted by the caller). */
  n(v: number): string { return v <= 12 && this.style.words ? SMALL[v]! : groupThousands(v); }

  pct(v: number): string {
    this.figures++;
    return `${trimDecimal(v, 1)}${this.style.percent}`;
  }

  range(lo: number, hi: number): string {
    this.figures++;
    const p = this.style.percent;
    const a = trimDecimal(lo, 1), b = trimDecimal(hi, 1);
    switch (this.r.int(0, 2)) {
      case 0: return `${a}${p} to ${b}${p}`;
      case 1: return `between ${a} and ${b}${p}`;
      default: return p === '%' ? `${a}-${b}%` : `${a}${p} to ${b}${p}`;
    }
  }

  /** A full date ("August 11, 2025" or "11 August 2025"). */
  date(days: number): string {
    this.figures++;
    const c = calendar(days);
    const month = MONTHS[c.m - 1]!;
    return this.style.dateOrder === 'mdy' ? `${month} ${c.d}, ${c.y}` : `${c.d} ${month} ${c.y}`;
  }

  /** A month and year ("August 2025"). */
  month(days: number): string {
    this.figures++;
    const c = calendar(days);
    return `${MONTHS[c.m - 1]} ${c.y}`;
  }

  weekday(days: number): string {
    this.figures++;
    return calendar(days).weekday;
  }

  year(y: number): string { this.figures++; return String(y); }

  /** "four-day" (adjective) or "four days". */
  dur(v: number, unit: string, adjective: boolean): string {
    this.figures++;
    const num = v <= 12 ? SMALL[v]! : String(v);
    return adjective ? `${num}-${unit}` : `${num} ${unit}${v === 1 ? '' : 's'}`;
  }

  /** "third-largest", "largest" (1), "No. 2". */
  rank(v: number, adjective: string): string {
    this.figures++;
    if (v === 1) return adjective;
    return v <= 10 ? `${ORDINAL[v]}-${adjective}` : `${v}th-${adjective}`;
  }

  ordinal(v: number): string { this.figures++; return v <= 10 ? ORDINAL[v]! : `${v}th`; }

  age(v: number): string { this.figures++; return String(v); }
}

/** Re-wrap a paragraph as a print page would (about 85 columns) and join the lines without spaces. */
export function glue(paragraph: string, r: Rng): string {
  const width = 78 + (hash32(paragraph.slice(0, 16)) % 12);
  let out = '';
  let col = 0;
  const words = paragraph.split(' ');
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (i === 0) { out = w; col = w.length; continue; }
    if (col + 1 + w.length > width) {
      // The line break is lost; most of the time no space survives.
      out += r.chance(0.85) ? w : ' ' + w;
      col = w.length;
    } else {
      out += ' ' + w;
      col += 1 + w.length;
    }
  }
  return out;
}
