// Invented news events. Each event has a cast (people, places, organisations)
// and a set of facts with true values; outlets report a subset of the facts
// with their own wording, and in some events one or two articles carry a wrong
// value for one fact (a planted conflict).
import { hash32, Rng } from './rng';
import type { City, Country, Org, Person, Vocabulary } from './vocab';
import { ROLES_OTHER, ROLES_SENIOR } from './vocab';
import { daysOf, shownMoney, Writer } from './style';

export interface Cast { p: Person; role: string }

export interface EventWorld {
  id: number;
  type: EventType;
  seed: string;
  host: Country;
  guest: Country;
  city: City;
  city2: City;
  leader: Cast;
  counterpart: Cast;
  official: Cast;
  analyst: Cast;
  company: Org;
  org: Org;
  /** A proper name for the event itself (a storm, a project, a party). */
  name: string;
  /** The day the event happened, as days since 1970-01-01. */
  day: number;
  facts: FactState[];
  /** A number that depends only on the event and a key: background details agree across reports. */
  k(key: string, lo: number, hi: number): number;
  /** The true value of one fact. */
  val(id: string): number;
}

export type Say = (o: Writer, v: number, w: EventWorld) => string;

export interface FactSpec {
  id: string;
  value(r: Rng, w: EventWorld): number;
  /** A different value a careless report might give. */
  alt(r: Rng, v: number, w: EventWorld): number;
  say: Say[];
}

export interface EventType {
  id: string;
  name(r: Rng, w: EventWorld): string;
  headlines: ((o: Writer, w: EventWorld) => string)[];
  facts: FactSpec[];
}

export interface FactState {
  spec: FactSpec;
  value: number;
  alt: number | null;
  /** Article positions (0-based within the event) that report the wrong value. */
  altArticles: Set<number>;
}

export function createEvent(id: number, seed: string, vocab: Vocabulary, types: readonly EventType[], articles: number): EventWorld {
  const r = Rng.derive(seed, 'event', id);
  const type = r.pick(types);
  const city = r.pick(vocab.cities);
  const host = city.country;
  let guest = r.pick(vocab.cities).country;
  if (guest === host) guest = r.pick(vocab.cities).country;
  const cast = (senior: boolean): Cast => ({ p: r.pick(vocab.people), role: r.pick(senior ? ROLES_SENIOR : ROLES_OTHER) });
  const w: EventWorld = {
    id, type, seed, host, guest, city, city2: r.pick(vocab.cities),
    leader: cast(true), counterpart: cast(true), official: cast(false), analyst: cast(false),
    company: r.pick(vocab.companies), org: r.pick(vocab.orgs),
    name: '',
    day: daysOf(r.int(2016, 2026), r.int(1, 12), r.int(1, 28)),
    facts: [],
    k(key, lo, hi) { return lo + (hash32(`${seed}/${id}/${key}`) % (hi - lo + 1)); },
    val(fid) { const f = this.facts.find(x => x.spec.id === fid); if (!f) throw new Error(`no fact ${fid}`); return f.value; },
  };
  w.name = type.name(r, w);
  for (const spec of type.facts) w.facts.push({ spec, value: spec.value(r, w), alt: null, altArticles: new Set() });
  // About four events in ten carry a wrong value for one fact, in one or two of their reports.
  if (articles >= 3 && r.chance(0.4)) {
    const f = r.pick(w.facts);
    f.alt = f.spec.alt(r, f.value, w);
    if (f.alt !== f.value) {
      const n = r.chance(0.7) ? 1 : 2;
      while (f.altArticles.size < n) f.altArticles.add(r.int(0, articles - 1));
    } else f.alt = null;
  }
  return w;
}

/** Round to a number of significant digits (values reporters would print). */
export function round(v: number, digits = 3): number {
  if (v === 0) return 0;
  const p = Math.pow(10, Math.floor(Math.log10(Math.abs(v))) - digits + 1);
  return Math.round(v / p) * p;
}

/** A nearby but different value: the kind of slip that becomes a conflict. */
export function nudge(r: Rng, v: number): number {
  const digits = r.chance(0.5) ? 3 : 2;
  const p = Math.pow(10, Math.floor(Math.log10(Math.abs(v))) - digits + 1);
  const step = (r.chance(0.5) ? 1 : -1) * r.int(1, 3) * p;
  const out = round(v + step, digits);
  return out > 0 && out !== v ? out : round(v + Math.abs(step), digits);
}

/**
 * A nearby amount of money that reads as different where it is printed: one to three steps of the printed
 * precision away from the printed value, and neither print a rounding of the other ("US$49bn" against "US$49.2bn"
 * or "$2.9 billion" against "$3 billion" could be the same amount; "$2.9 billion" against "$3.1 billion" cannot).
 * Draws from `r` as `nudge` does.
 */
export function nudgeMoney(r: Rng, v: number): number {
  r.chance(0.5);
  const shown = shownMoney(v);
  const sign = r.chance(0.5) ? 1 : -1;
  let k = r.int(1, 3);
  for (;; k++) {
    const alt = shownMoney(shown.value + (shown.value - k * shown.step > 0 ? sign : 1) * k * shown.step);
    if (alt.value !== shown.value && Math.abs(alt.value - shown.value) > Math.max(alt.step, shown.step) / 2) return alt.value;
  }
}
