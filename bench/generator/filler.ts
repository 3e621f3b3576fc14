// Background prose: the sentences around the facts of a story. Names come from
// the event's cast or a few side characters of the article; numbers depend only
// on the entity a sentence is about, so the same background detail never
// disagrees with itself across the corpus.
import { hash32 } from './rng';
import type { Rng } from './rng';
import type { City, Country, Org, Person, Vocabulary } from './vocab';
import type { EventWorld } from './events';
import type { Writer } from './style';
import { cap } from './templates';

const FIELDS = ['energy', 'rail', 'semiconductors', 'agriculture', 'tourism', 'shipping', 'clean power', 'steel', 'textiles',
  'healthcare', 'fisheries', 'logistics', 'housing', 'water supply', 'mining', 'software', 'banking', 'education'];

export interface Slots {
  P: Person; P2: Person; C: City; C2: City; K: Country; K2: Country; O: Org; M: Org; F: string;
  /** A number fixed by the sentence and the names given as keys (by default, the entity the sentence is about). */
  n(lo: number, hi: number, ...keys: string[]): number;
}

interface Filler {
  /** The slot the sentence is about: its name keys the sentence's numbers. */
  about: 'P' | 'C' | 'K' | 'O' | 'M' | 'F';
  make(o: Writer, s: Slots): string;
}

const F = (about: Filler['about'], make: Filler['make']): Filler => ({ about, make });
/**
 * A company's workforce, one number wherever the corpus gives it: in a background sentence ("Founded in 1994, X
 * employs about 28,400 people") and in an earnings report's "The group employs 24,200 people worldwide" (until
 * version 3 they were drawn apart, and the corpus contradicted itself about the event's company).
 */
export function workforce(company: string): number {
  return (20 + hash32(`workforce/${company}`) % 881) * 100;
}
/** Two names in one order whichever order the sentence gives them: a fact about a pair (a distance, a treaty) is the same both ways. */
const pair = (a: string, b: string): [string, string] => a < b ? [a, b] : [b, a];

const QUOTE_OPEN = ['We are confident that', 'There is no doubt that', 'It is clear that', 'Nobody expected that',
  'We believe that', 'The message from our partners is that', 'Our view remains that', 'What matters now is that'];
const QUOTE_BODY = ['cooperation will keep growing in the years ahead', 'the agreement opens a new chapter for both sides',
  'investors are watching this very closely', 'the region needs more reliable infrastructure', 'families deserve clear answers',
  'the plan can be delivered on time and on budget', 'demand will recover faster than many forecast',
  'we must protect workers while the industry changes', 'trust has to be earned step by step', 'this is only the beginning'];

/** Background sentences that carry a figure. */
const NUMERIC: Filler[] = [
  F('K', (o, s) => {
    const y = s.n(2015, 2024);
    return `${o.poss(s.K.name)} economy grew ${o.pct(s.n(10, 75, s.K.name, String(y)) / 10)} in ${o.year(y)}, helped by ${s.F} and exports.`;
  }),
  F('K', (o, s) => {
    const lo = s.n(5, 60, s.K.name, s.O.name) / 10;
    return `The ${s.O.name} expects ${o.poss(s.K.name)} economy to grow ${o.range(lo, lo + 0.5)} next year.`;
  }),
  F('K', (o, s) => `Inflation in ${s.K.name} eased to ${o.pct(s.n(12, 90) / 10)} last month, the ${s.O.name} said.`),
  F('M', (o, s) => `Founded in ${o.year(s.n(1950, 2015))}, ${s.M.name} employs ${o.count(workforce(s.M.name), 'about')} people in ${o.count(s.n(3, 40))} countries.`),
  F('C', (o, s) => `${s.C.name}, a city of ${o.count(s.n(12, 900) * 1000, 'about')} people, has grown quickly since the port was expanded.`),
  F('C', (o, s) => `The drive from ${s.C.name} to ${s.C2.name} takes about ${o.dur(s.n(2, 9, ...pair(s.C.name, s.C2.name)), 'hour', false)}.`),
  F('P', (o, s) => `${s.P.full}, ${o.age(s.P.age)}, has worked as a ${s.P.role} for ${o.dur(s.n(2, 20), 'year', false)}.`),
  F('K', (o, s) => `${s.K.name} and ${s.K2.name} established diplomatic relations in ${o.year(s.n(1950, 1999, ...pair(s.K.name, s.K2.name)))}.`),
  F('M', (o, s) => `Shares of ${s.M.name} have gained ${o.pct(s.n(3, 60) / 10)} since the start of the year.`),
  F('O', (o, s) => `The ${s.O.name} has set aside ${o.money(s.n(5, 900) * 1e6)} for new projects over the next ${o.dur(s.n(2, 5), 'year', false)}.`),
  F('K', (o, s) => `${cap(s.F)} accounts for ${o.pct(s.n(3, 35, s.K.name, s.F))} of ${o.poss(s.K.name)} exports.`),
  F('K', (o, s) => `Analysts say ${s.K.name} wants to depend less on ${s.K2.name}, its ${o.rank(s.n(1, 6, s.K.name, s.K2.name), 'biggest')} supplier of machinery.`),
  F('M', (o, s) => `${s.M.name} opened its first office in ${s.C.name} in ${o.year(s.n(1990, 2020, s.M.name, s.C.name))}.`),
  F('C', (o, s) => `About ${o.count(s.n(2, 60, s.C.name, s.F) * 1000)} people in ${s.C.name} work in ${s.F}, according to local officials.`),
  F('O', (o, s) => `A survey by the ${s.O.name} found that ${o.pct(s.n(10, 70))} of small firms struggle to get credit.`),
  F('C', (o, s) => `The population of ${s.C.name} has doubled in the past ${o.dur(s.n(2, 4) * 10, 'year', false)}, census data show.`),
  F('K', (o, s) => `${s.K.name} ranks ${o.ordinal(s.n(2, 40, s.K.name, s.O.name))} in a competitiveness index published by the ${s.O.name}.`),
  F('M', (o, s) => `${s.M.name} said it would spend ${o.foreignMoney(s.n(2, 80) * 1e6)} on new equipment at its sites in Europe.`),
  F('P', (o, s) => `${s.P.full}, who grew up in ${s.C.name}, is the ${o.ordinal(s.n(1, 3))} member of ${s.P.female ? 'her' : 'his'} family to hold public office.`),
  F('O', (o, s) => `Under a ${o.year(s.n(2005, 2022))} accord, member states share customs data through the ${s.O.name}.`),
  F('M', (o, s) => `${s.M.name} controls ${o.pct(s.n(5, 45))} of its home market, according to industry estimates.`),
  F('C', (o, s) => `Hotels in ${s.C.name} were ${o.pct(s.n(40, 95))} full during the last holiday season.`),
  F('C', (o, s) => `Rents in ${s.C.name} have climbed ${o.pct(s.n(4, 25))} in a year, and residents have begun to complain.`),
  F('K', (o, s) => `${s.K.name} wants ${s.F} to make up ${o.pct(s.n(10, 40, s.K.name, s.F))} of output by ${o.year(s.n(2028, 2045, s.K.name, s.F))}.`),
  F('O', (o, s) => `Last year the ${s.O.name} opened a ${o.money(s.n(3, 90) * 1e6)} training centre, its ${o.ordinal(s.n(2, 6))} in the region.`),
  F('K', (o, s) => `${s.K.demonym} exports to ${s.K2.name} fell ${o.pct(s.n(2, 20, s.K.name, s.K2.name))} in the first half of the year.`),
  F('P', (o, s) => `${s.P.family} spent ${o.dur(s.n(3, 15), 'year', false)} abroad before returning to ${s.P.country.name}.`),
  F('F', (o, s) => `Spending on ${s.F} has risen for ${o.count(s.n(3, 9))} straight years, though growth slowed to ${o.pct(s.n(1, 9))} last year.`),
];

/** Background sentences with names but no figures: quotes, reactions, colour. */
const NAMED: Filler[] = [
  F('P', (o, s) => `${o.q(`${o.r.pick(QUOTE_OPEN)} ${o.r.pick(QUOTE_BODY)},`)} said ${s.P.full}, ${s.P.role} at the ${s.O.name}.`),
  F('P', (o, s) => `${o.q(`${cap(o.r.pick(QUOTE_BODY))},`)} ${s.P.family} told reporters in ${s.C.name}.`),
  F('P', (o, s) => `Speaking in ${s.C.name}, ${s.P.full} said ${o.r.pick(QUOTE_BODY)}.`),
  F('C', (_o, s) => `Officials in ${s.C.name} did not respond to requests for comment.`),
  F('P', (_o, s) => `${s.P.full} is expected to meet business leaders from ${s.K.name} later in the week.`),
  F('O', (_o, s) => `The ${s.O.name}${s.O.short ? ` (${s.O.short})` : ''} has long argued that ${s.K.name} should open its markets further.`),
  F('P', (_o, s) => `${s.P.full} and ${s.P2.full} discussed the matter in a telephone call earlier this month.`),
  F('P', (_o, s) => `${s.P.family} previously worked for the ${s.O.name}.`),
  F('C', (_o, s) => `Traffic between ${s.C.name} and ${s.C2.name} was slowed by roadworks on the main highway.`),
  F('K', (_o, s) => `Critics in ${s.K.name} warn that the push into ${s.F} could strain public finances.`),
  F('K', (_o, s) => `The government of ${s.K.name} has promised to publish the full text of the agreement.`),
  F('P', (o, s) => `${o.q('We will keep investing,')} ${s.P.full}, ${s.P.role} of ${s.M.name}, said in a statement.`),
  F('O', (_o, s) => `The ${s.O.name} will publish its annual review in the autumn.`),
  F('P', (_o, s) => `${s.P.family} declined to give further details.`),
  F('P', (_o, s) => `${s.P.full}, a former adviser to the ${s.O.name}, called the talks ${s.P.female ? 'her' : 'his'} most difficult yet.`),
  F('C', (o, s) => `In ${s.C.name}, shopkeepers said they had heard little about the plan from ${o.poss(s.K.name)} capital.`),
  F('K', (_o, s) => `Diplomats from ${s.K.name} and ${s.K2.name} are due to meet again before the end of the year.`),
  F('M', (_o, s) => `${s.M.name} did not reply to a request for comment.`),
  F('C', (o, s) => `${o.q('People here want jobs, not speeches,')} said ${s.P.given}, a teacher in ${s.C.name}.`),
  F('O', (_o, s) => `The ${s.O.name} said the rules on ${s.F} would be reviewed by a panel of outside experts.`),
  F('M', (_o, s) => `Opposition lawmakers in ${s.K.name} questioned whether ${s.M.name} had received special treatment.`),
  F('C', (_o, s) => `Flights from ${s.C.name} to ${s.C2.name} were briefly suspended because of fog.`),
  F('P', (_o, s) => `${s.P.family} is seen as a pragmatist by investors at home and abroad.`),
  F('O', (_o, s) => `Observers from the ${s.O.name} described the mood in ${s.C.name} as cautiously hopeful.`),
];

// Ordinary prose: long sentences, mostly lower-case words, at most one name.
const OPENERS = ['', '', '', 'For now, ', 'In recent months, ', 'At the same time, ', 'Even so, ', 'Behind the scenes, ',
  'On paper, ', 'In practice, ', 'Still, ', 'For many families, ', 'Over the past decade, '];
const SUBJECTS = ['officials', 'government advisers', 'local businesses', 'many economists', 'the two sides', 'investors',
  'residents', 'critics of the plan', 'trade groups', 'ministry staff', 'company executives', 'industry insiders', 'diplomats',
  'opposition politicians', 'farmers in the region', 'union representatives', 'bankers', 'engineers on the project',
  'small exporters', 'city planners', 'university researchers', 'consumer groups', 'shipping agents', 'regional leaders'];
const VERBS = ['have signalled that', 'are still debating whether', 'remain cautious about whether', 'say privately that',
  'expect that', 'have warned that', 'are betting that', 'appear convinced that', 'doubt that', 'would prefer that'];
const CLAUSES = ['the new rules will make it easier to move goods across the border', 'demand for cheaper electricity will keep rising',
  'the cost of borrowing will weigh on smaller firms', 'the project could take longer than planned',
  'the deal reflects a broader shift in regional supply chains', 'closer ties will bring more visitors and students',
  'the talks will produce concrete results rather than promises', 'prices will settle once the harvest is in',
  'the reforms are moving too slowly to reassure foreign buyers', 'public money should go to schools and clinics first',
  'the port can handle the extra traffic without major upgrades', 'the measures will be extended if the economy weakens',
  'skilled workers are becoming harder to find', 'the agreement leaves too many questions unanswered',
  'a second phase of the programme will follow', 'the story is far from over',
  'young people are leaving rural areas faster than expected', 'the currency will stay weak for some time',
  'new factories will need more reliable water and power', 'the schedule leaves little room for mistakes',
  'households are cutting back on spending', 'a compromise on tariffs is within reach', 'the rules were written in a hurry',
  'competition from neighbouring ports will intensify', 'the programme has already changed the way contracts are awarded',
  'few of the promised jobs will go to local workers', 'tourism will recover once flight routes are restored',
  'the data published so far tell only part of the story', 'the price of land near the new line has already risen',
  'ordinary voters care more about rents than about trade', 'the central bank will hold rates steady',
  'the dispute can be settled without going to court', 'more public hearings will be needed before work starts',
  'the company underestimated local opposition', 'the partnership will survive a change of government',
  'weather, not policy, will decide the outcome this year'];
const TAILS = ['.', '.', '.', ' in the months ahead.', ', though few expect quick results.', ', according to people familiar with the discussions.',
  ', a view shared by several analysts in {C}.', ' despite concerns raised by the {O}.', ', and that the debate will shape the next budget.',
  ', even if the details are still being negotiated.'];

export interface SideCast { people: Person[]; cities: City[]; countries: Country[]; orgs: Org[]; companies: Org[] }

export class FillerSource {
  constructor(private readonly vocab: Vocabulary, private readonly seed: string) {}

  /** A few side characters for one article, beyond the event's cast. */
  side(r: Rng): SideCast {
    const v = this.vocab;
    return {
      people: r.sample(v.people, 4), cities: r.sample(v.cities, 2), countries: r.sample(v.cities, 2).map(c => c.country),
      orgs: r.sample(v.orgs, 2), companies: r.sample(v.companies, 2),
    };
  }

  /** One background sentence: with a figure, with names only, or ordinary prose. */
  sentence(o: Writer, w: EventWorld, side: SideCast, kind: 'numeric' | 'named' | 'prose'): string {
    const r = o.r;
    const local = r.chance(0.7);
    const slots: Omit<Slots, 'n'> = {
      P: local ? r.pick([w.leader.p, w.counterpart.p, w.official.p, w.analyst.p]) : r.pick(side.people),
      P2: r.pick(side.people),
      C: local ? r.pick([w.city, w.city2]) : r.pick(side.cities),
      C2: r.pick(side.cities),
      K: local ? r.pick([w.host, w.guest]) : r.pick(side.countries),
      K2: r.pick(side.countries),
      O: local ? w.org : r.pick(side.orgs),
      M: local ? w.company : r.pick(side.companies),
      F: r.pick(FIELDS),
    };
    if (slots.P2 === slots.P) slots.P2 = side.people.find(p => p !== slots.P) ?? w.analyst.p;
    if (slots.K2 === slots.K) slots.K2 = slots.K === w.host ? w.guest : w.host;
    if (slots.C2 === slots.C) slots.C2 = slots.C === w.city ? w.city2 : w.city;
    if (kind === 'prose') {
      const tail = r.pick(TAILS).replace('{C}', slots.C.name).replace('{O}', slots.O.name);
      return cap(r.pick(OPENERS) + `${r.pick(SUBJECTS)} ${r.pick(VERBS)} ${r.pick(CLAUSES)}${tail}`);
    }
    const pool = kind === 'numeric' ? NUMERIC : NAMED;
    const index = r.int(0, pool.length - 1);
    const f = pool[index]!;
    const x = slots[f.about];
    const subject = typeof x === 'string' ? x : 'full' in x ? x.full : x.name;
    let calls = 0;
    const n = (lo: number, hi: number, ...keys: string[]) =>
      lo + (hash32(`${this.seed}/${kind}${index}/${calls++}/${keys.length ? keys.join('|') : subject}`) % (hi - lo + 1));
    return f.make(o, { ...slots, n });
  }
}
