// Calendar arithmetic on plain ISO strings: no Date objects in hot paths beyond
// weekday computation, no time zones.

export interface YMD { y: number; m: number; d: number }

export function iso(y: number, m?: number, d?: number): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return m === undefined ? String(y) : d === undefined ? `${y}-${p(m)}` : `${y}-${p(m)}-${p(d)}`;
}

export function parseIso(s: string): YMD | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(s);
  if (!m) return null;
  return { y: +m[1]!, m: m[2] ? +m[2] : 0, d: m[3] ? +m[3] : 0 };
}

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** 0 = Sunday. */
export function weekday(y: number, m: number, d: number): number {
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

export function addDays(p: YMD, days: number): YMD {
  const t = new Date(Date.UTC(p.y, p.m - 1, p.d + days));
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

/** ISO week "2025-W33" of a date. */
export function isoWeek(p: YMD): string {
  const t = new Date(Date.UTC(p.y, p.m - 1, p.d));
  const day = (t.getUTCDay() + 6) % 7;
  t.setUTCDate(t.getUTCDate() - day + 3);
  const year = t.getUTCFullYear();
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const week = 1 + Math.round(((t.getTime() - jan4.getTime()) / 86400000 - 3 + ((jan4.getUTCDay() + 6) % 7)) / 7);
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The [first, last] day an ISO value covers, as comparable numbers yyyymmdd. */
export function dateInterval(v: string): [number, number] | null {
  const w = /^(\d{4})-W(\d{2})$/.exec(v);
  if (w) {
    const year = +w[1]!, week = +w[2]!;
    const jan4 = new Date(Date.UTC(year, 0, 4));
    const monday = new Date(jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * 86400000 + (week - 1) * 7 * 86400000);
    const a = { y: monday.getUTCFullYear(), m: monday.getUTCMonth() + 1, d: monday.getUTCDate() };
    const b = addDays(a, 6);
    return [a.y * 10000 + a.m * 100 + a.d, b.y * 10000 + b.m * 100 + b.d];
  }
  const p = parseIso(v);
  if (!p) return null;
  if (!p.m) return [p.y * 10000 + 101, p.y * 10000 + 1231];
  if (!p.d) return [p.y * 10000 + p.m * 100 + 1, p.y * 10000 + p.m * 100 + daysInMonth(p.y, p.m)];
  const n = p.y * 10000 + p.m * 100 + p.d;
  return [n, n];
}

export const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
