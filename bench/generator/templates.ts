// The event types and the sentences outlets use to report their facts.
// Every sentence is invented for the benchmark.
import type { EventType, EventWorld } from './events';
import { nudge, nudgeMoney, round } from './events';
import type { Writer } from './style';
import { calendar } from './style';
import { workforce } from './filler';

export const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
export const title = (s: string) => s.replace(/(^|[\s-])([a-z])/g, (_m, a: string, b: string) => a + b.toUpperCase());
const approx = (o: Writer) => o.r.pick(['', '', 'about', 'around', 'some', 'roughly', 'nearly']);
const over = (o: Writer) => o.r.pick(['', 'more than', 'over', 'more than']);
const year = (w: EventWorld) => calendar(w.day).y;
const shiftYear = (days: number, by: number) => days + Math.round(by * 365.25);

const visit: EventType = {
  id: 'visit',
  name: (_r, w) => `${w.guest.demonym} state visit`,
  headlines: [
    (_o, w) => `${w.guest.name} and ${w.host.name} Deepen Ties as ${w.leader.p.family} Visits ${w.city.name}`,
    (o, w) => `${w.host.name}, ${w.guest.name} Sign ${title(o.count(w.val('deals')))} Agreements During State Visit`,
    (o, w) => `${w.leader.role} ${w.leader.p.full} Begins ${title(o.dur(w.val('days'), 'day', true))} Visit to ${w.host.name}`,
    (o, w) => `${w.host.name}${o.style.dash}${w.guest.name} Trade Goal Set at ${o.money(w.val('target'))}`,
  ],
  facts: [
    { id: 'days', value: r => r.int(2, 5), alt: (_r, v) => (v === 2 ? 3 : v - 1), say: [
      (o, v, w) => `${w.leader.p.family} is on a ${o.dur(v, 'day', true)} state visit to ${w.host.name} that began on ${o.weekday(w.day)}.`,
      (o, v, w) => `During the ${o.dur(v, 'day', true)} visit, the ${w.guest.demonym} delegation will also tour industrial zones outside ${w.city.name}.`,
      (o, v, w) => `${w.leader.role} ${w.leader.p.full} arrived in ${w.city.name} for a visit lasting ${o.dur(v, 'day', false)}.`,
    ] },
    { id: 'trade', value: r => round(r.int(50, 2000) * 1e8, 3), alt: (r, v) => nudgeMoney(r, v), say: [
      (o, v, w) => `Bilateral trade reached ${o.money(v)} last year, according to the ${w.org.name}.`,
      (o, v, w) => `Two-way trade between ${w.host.name} and ${w.guest.name} stood at ${o.money(v)} in ${o.year(year(w) - 1)}.`,
      (o, v, w) => `${w.guest.demonym} and ${w.host.demonym} firms traded goods worth ${o.money(v)} last year, official figures show.`,
    ] },
    { id: 'target', value: (_r, w) => Math.max(10e9, round(w.val('trade') * 1.6, 1)), alt: (_r, v) => v + 50e9, say: [
      (o, v, w) => `The leaders agreed to lift annual trade to ${o.money(v)} by ${o.year(w.k('target-year', 2028, 2035))}.`,
      (o, v, w) => `Both governments pledged to raise two-way trade to ${o.money(v)} by ${o.year(w.k('target-year', 2028, 2035))}, ${o.poss(w.counterpart.p.family)} office said.`,
      (o, v, w) => `${w.host.name} and ${w.guest.name} aim to take bilateral trade to ${o.money(v)} by the end of the decade.`,
    ] },
    { id: 'companies', value: r => r.int(4, 30) * 500, alt: (r, v) => v + r.int(1, 4) * 1000, say: [
      (o, v, w) => `${cap(o.count(v, over(o)))} ${w.host.demonym} companies have operations in ${w.guest.name}.`,
      (o, v, w) => `${w.guest.name} hosts ${o.count(v, over(o))} businesses from ${w.host.name}, including the ${w.company.name} group.`,
    ] },
    { id: 'rank', value: r => r.int(1, 5), alt: (_r, v) => (v === 1 ? 2 : v - 1), say: [
      (o, v, w) => `${w.host.name} is ${o.poss(w.guest.name)} ${o.rank(v, 'largest')} trading partner.`,
      (o, v, w) => `${w.host.name} ranks as the ${o.rank(v, 'biggest')} source of foreign investment in ${w.guest.name}.`,
    ] },
    { id: 'age', value: (_r, w) => w.leader.p.age, alt: (_r, v) => v + 1, say: [
      (o, v, w) => `${w.leader.p.family}, ${o.age(v)}, took office in ${o.year(year(w) - w.k('office', 1, 6))}.`,
      (o, v, w) => `The ${o.age(v)}-year-old ${w.leader.role.toLowerCase()} has made closer ties with ${w.host.name} a priority.`,
    ] },
    { id: 'deals', value: r => r.int(3, 15), alt: (_r, v) => v + 2, say: [
      (o, v, w) => `The two sides signed ${o.count(v)} agreements covering energy, rail and ${w.k('field', 0, 1) ? 'critical minerals' : 'digital technology'}.`,
      (o, v, w) => `Officials from ${w.guest.name} and ${w.host.name} exchanged ${o.count(v)} memorandums of understanding at the ceremony.`,
    ] },
    { id: 'date', value: (_r, w) => w.day, alt: (r, v) => shiftYear(v, -r.int(1, 4)), say: [
      (o, v, w) => `${w.leader.p.family} arrived in ${w.city.name} on ${o.date(v)}.`,
      (o, v, w) => `The visit, which began on ${o.date(v)}, is ${o.poss(w.leader.p.family)} first trip abroad this year.`,
      (o, v, w) => `${w.leader.role} ${w.leader.p.family} travelled to ${w.host.name} in ${o.month(v)} at the invitation of ${w.counterpart.role} ${w.counterpart.p.full}.`,
    ] },
    { id: 'growth', value: r => r.int(30, 80) / 10, alt: (_r, v) => v + 0.5, say: [
      (o, v, w) => `${w.guest.name} has set a growth target of ${o.range(v, v + 0.2)} for this year.`,
      (o, v, w) => `The ${w.guest.demonym} government expects the economy to expand by ${o.range(v, v + 0.2)} this year.`,
    ] },
  ],
};

const plant: EventType = {
  id: 'plant',
  name: (_r, w) => `${w.company.name} plant in ${w.city.name}`,
  headlines: [
    (o, w) => `${w.company.name} Opens ${o.money(w.val('invest'))} Plant in ${w.city.name}`,
    (o, w) => `New ${w.city.name} Factory to Create ${title(o.count(w.val('jobs')))} Jobs`,
    (_o, w) => `${w.company.name} Bets on ${w.host.name} With Major Factory Project`,
  ],
  facts: [
    { id: 'invest', value: r => round(r.int(5, 300) * 1e7, 2), alt: (r, v) => nudgeMoney(r, v), say: [
      (o, v, w) => `${w.company.name} will invest ${o.money(v)} in the plant near ${w.city.name}.`,
      (o, v, w) => `The ${o.money(v)} facility is the largest single investment in ${w.city.name} this decade.`,
      (o, v, w) => `Executives said the project, valued at ${o.money(v)}, was approved by the board in ${o.month(w.day - 200)}.`,
    ] },
    { id: 'jobs', value: r => r.int(3, 80) * 100, alt: (r, v) => v + r.int(1, 10) * 100, say: [
      (o, v) => `The factory is expected to create ${o.count(v, approx(o))} jobs.`,
      (o, v, w) => `Local officials say the plant will employ ${o.count(v, approx(o))} workers from ${w.city.name} and nearby towns.`,
    ] },
    { id: 'capacity', value: r => r.int(2, 60) * 5000, alt: (r, v) => v + r.int(1, 5) * 5000, say: [
      (o, v) => `At full capacity it will turn out ${o.count(v)} units a year.`,
      (o, v, w) => `${w.company.name} said annual output would reach ${o.count(v, approx(o))} units by ${o.year(year(w) + 2)}.`,
    ] },
    { id: 'opening', value: (_r, w) => w.day, alt: (r, v) => v + r.int(20, 90), say: [
      (o, v) => `Production started on ${o.date(v)}.`,
      (o, v, w) => `The first line opened on ${o.date(v)}, ${o.poss(w.company.name)} ${w.official.role} ${w.official.p.full} said.`,
    ] },
    { id: 'exports', value: r => r.int(20, 90), alt: (_r, v) => v + 10, say: [
      (o, v) => `About ${o.pct(v)} of the output will be exported.`,
      (o, v, w) => `The company plans to ship ${o.pct(v)} of what it makes to buyers outside ${w.host.name}.`,
    ] },
    { id: 'rank', value: r => r.int(1, 4), alt: (_r, v) => v + 1, say: [
      (o, v, w) => `It will be ${o.poss(w.company.name)} ${o.rank(v, 'largest')} plant outside its home market.`,
    ] },
    { id: 'build', value: r => r.int(10, 30), alt: (_r, v) => v + 6, say: [
      (o, v) => `Construction took ${o.dur(v, 'month', false)}.`,
      (o, v, w) => `After a ${o.dur(v, 'month', true)} build, the site employs engineers from ${w.guest.name} and ${w.host.name}.`,
    ] },
  ],
};

const storm: EventType = {
  id: 'storm',
  name: (r, w) => `${r.pick(['Typhoon', 'Storm', 'Cyclone', 'Tropical Storm'])} ${w.official.p.given}`,
  headlines: [
    (o, w) => `${w.name} Kills ${title(o.count(w.val('deaths')))} in ${w.host.name}`,
    (o, w) => `${title(o.count(w.val('displaced')))} Flee as ${w.name} Hits ${w.city.name}`,
    (_o, w) => `${w.name}: What We Know So Far`,
  ],
  facts: [
    { id: 'deaths', value: r => r.int(3, 240), alt: (r, v) => v + r.int(2, 20), say: [
      (o, v, w) => `${w.name} has killed ${o.count(v, o.r.pick(['', 'at least']))} people, the ${w.org.name} said.`,
      (o, v, w) => `The death toll rose to ${o.count(v)} on ${o.weekday(w.day)}, officials in ${w.city.name} said.`,
      (o, v, w) => `${cap(o.count(v, 'at least'))} people died after ${w.name} made landfall.`,
    ] },
    { id: 'displaced', value: r => r.int(10, 400) * 1000, alt: (r, v) => nudge(r, v), say: [
      (o, v) => `Authorities moved ${o.count(v, approx(o))} people to shelters.`,
      (o, v, w) => `${cap(o.count(v, approx(o)))} residents of ${w.city.name} province were evacuated before the storm arrived.`,
    ] },
    { id: 'damage', value: r => round(r.int(2, 500) * 1e7, 2), alt: (r, v) => nudgeMoney(r, v), say: [
      (o, v, w) => `Damage is estimated at ${o.money(v)}, according to the ${w.org.name}.`,
      (o, v) => `Insurers put early losses at ${o.money(v)}.`,
    ] },
    { id: 'rain', value: r => r.int(2, 6), alt: (_r, v) => v + 1, say: [
      (o, v) => `The ${o.dur(v, 'day', true)} downpour flooded roads and rice fields.`,
      (o, v, w) => `Rain fell for ${o.dur(v, 'day', false)} across ${w.city.name} and ${w.city2.name}.`,
    ] },
    { id: 'landfall', value: (_r, w) => w.day, alt: (_r, v) => v - 1, say: [
      (o, v, w) => `${w.name} made landfall on ${o.date(v)} near ${w.city.name}.`,
      (o, v, w) => `The storm reached the coast of ${w.host.name} on ${o.weekday(v)}, ${o.date(v)}.`,
    ] },
    { id: 'crops', value: r => r.int(5, 40), alt: (_r, v) => v + 5, say: [
      (o, v) => `Some ${o.pct(v)} of the rice crop in the region was destroyed.`,
      (o, v, w) => `Farm officials in ${w.host.name} said ${o.pct(v)} of planted land was under water.`,
    ] },
  ],
};

const PARTIES = ['Civic Renewal Party', 'Green Future Movement', 'National Unity Party', 'Democratic Forward', 'Labour Coalition',
  'Liberal Union', 'Progress Alliance', 'Citizens Party'];

const election: EventType = {
  id: 'election',
  name: (r, _w) => r.pick(PARTIES),
  headlines: [
    (_o, w) => `${w.name} Claims Victory in ${w.host.demonym} Election`,
    (o, w) => `${w.host.demonym} Turnout Hits ${o.pct(w.val('turnout'))} as ${w.leader.p.family} Leads`,
    (o, w) => `${w.leader.p.full}, ${o.age(w.val('age'))}, Set to Form Government`,
  ],
  facts: [
    { id: 'turnout', value: r => r.int(400, 850) / 10, alt: (r, v) => v + r.int(2, 30) / 10, say: [
      (o, v, w) => `Turnout was ${o.pct(v)}, the ${w.org.name} said.`,
      (o, v) => `Election officials put turnout at ${o.pct(v)}, up from the previous vote.`,
    ] },
    { id: 'share', value: r => r.int(280, 560) / 10, alt: (r, v) => v - r.int(5, 30) / 10, say: [
      (o, v, w) => `The ${w.name} won ${o.pct(v)} of the vote.`,
      (o, v, w) => `${o.poss(w.leader.p.family)} party took ${o.pct(v)} of ballots cast, according to preliminary results.`,
    ] },
    { id: 'seats', value: r => r.int(40, 260), alt: (r, v) => v + r.int(1, 6), say: [
      (o, v, w) => `The party is on course to win ${o.count(v)} of the ${o.count(w.k('seats', 300, 500))} seats in parliament.`,
      (o, v, w) => `${w.name} secured ${o.count(v)} seats, results published on ${o.weekday(w.day)} showed.`,
    ] },
    { id: 'date', value: (_r, w) => w.day, alt: (_r, v) => v + 7, say: [
      (o, v, w) => `Voters in ${w.host.name} went to the polls on ${o.date(v)}.`,
      (o, v) => `The election, held on ${o.date(v)}, was the first since the new constitution took effect.`,
    ] },
    { id: 'age', value: (_r, w) => w.leader.p.age, alt: (_r, v) => v - 1, say: [
      (o, v, w) => `${w.leader.p.family}, ${o.age(v)}, is a former ${w.counterpart.role.toLowerCase()}.`,
      (o, v, w) => `The ${o.age(v)}-year-old ${w.leader.p.family} campaigned on housing and jobs.`,
    ] },
    { id: 'voters', value: r => r.int(20, 900) * 1e5, alt: (r, v) => v + r.int(1, 9) * 1e5, say: [
      (o, v) => `${cap(o.count(v, approx(o)))} people were registered to vote.`,
      (o, v, w) => `The electoral roll of ${w.host.name} lists ${o.count(v)} voters.`,
    ] },
  ],
};

const earnings: EventType = {
  id: 'earnings',
  name: (r, _w) => `Q${r.int(1, 4)} results`,
  headlines: [
    (o, w) => `${w.company.name} Revenue Climbs to ${o.money(w.val('revenue'))}`,
    (o, w) => `${w.company.name} Profit Up ${o.pct(w.val('profit'))} on Strong Demand`,
    (_o, w) => `${w.company.name} Beats Forecasts, Shares Jump in ${w.city.name}`,
  ],
  facts: [
    { id: 'revenue', value: r => round(r.int(10, 900) * 1e8, 3), alt: (r, v) => nudgeMoney(r, v), say: [
      (o, v, w) => `${w.company.name} reported revenue of ${o.money(v)} for the quarter.`,
      (o, v, w) => `Quarterly sales at ${w.company.name} rose to ${o.money(v)}, the company said on ${o.weekday(w.day)}.`,
    ] },
    { id: 'profit', value: r => r.int(20, 450) / 10, alt: (r, v) => v + r.int(5, 40) / 10, say: [
      (o, v) => `Net profit rose ${o.pct(v)} from a year earlier.`,
      (o, v, w) => `${o.poss(w.company.name)} operating profit climbed ${o.pct(v)}, beating analyst estimates.`,
    ] },
    { id: 'staff', value: (_r, w) => workforce(w.company.name), alt: (r, v) => v + r.int(5, 50) * 100, say: [
      (o, v) => `The group employs ${o.count(v, approx(o))} people worldwide.`,
      (o, v, w) => `${w.company.name}, which has ${o.count(v, over(o))} employees, plans further hiring in ${w.guest.name}.`,
    ] },
    { id: 'dividend', value: r => r.int(10, 300) / 100, alt: (_r, v) => v + 0.1, say: [
      (o, v) => `The board proposed a dividend of ${o.price(v)} a share.`,
    ] },
    { id: 'rank', value: r => r.int(1, 5), alt: (_r, v) => v + 1, say: [
      (o, v, w) => `${w.company.name} is ${o.poss(w.host.name)} ${o.rank(v, 'largest')} listed company by market value.`,
    ] },
  ],
};

const strike: EventType = {
  id: 'strike',
  name: (_r, w) => w.org.name,
  headlines: [
    (o, w) => `${title(o.count(w.val('workers')))} Walk Out in ${w.city.name} Pay Dispute`,
    (o, w) => `${w.host.demonym} Strike Enters Day ${o.count(w.val('days'))}`,
  ],
  facts: [
    { id: 'workers', value: r => r.int(5, 300) * 100, alt: (r, v) => nudge(r, v), say: [
      (o, v, w) => `${cap(o.count(v, approx(o)))} workers joined the strike, according to the ${w.name}.`,
      (o, v, w) => `Union leaders said ${o.count(v, over(o))} members had stopped work at sites in ${w.city.name}.`,
    ] },
    { id: 'days', value: r => r.int(3, 21), alt: (_r, v) => v + 2, say: [
      (o, v) => `The stoppage has lasted ${o.dur(v, 'day', false)}.`,
      (o, v, w) => `After ${o.dur(v, 'day', false)} of protests, talks resumed in ${w.city.name}.`,
    ] },
    { id: 'demand', value: r => r.int(5, 30), alt: (_r, v) => v + 3, say: [
      (o, v) => `Workers are demanding a pay rise of ${o.pct(v)}.`,
      (o, v, w) => `The union wants wages raised by ${o.pct(v)}, while ${w.company.name} has offered half that.`,
    ] },
    { id: 'start', value: (_r, w) => w.day, alt: (_r, v) => v + 1, say: [
      (o, v) => `The strike began on ${o.date(v)}.`,
      (o, v, w) => `Since ${o.date(v)}, production at the ${w.company.name} plants has been halted.`,
    ] },
    { id: 'losses', value: r => round(r.int(1, 90) * 1e6, 2), alt: (r, v) => nudgeMoney(r, v), say: [
      (o, v) => `Lost output is costing ${o.money(v)} a day, the employers${o.apos} association estimates.`,
    ] },
  ],
};

const rail: EventType = {
  id: 'rail',
  name: (_r, w) => `${w.city.name}${'\u2013'}${w.city2.name} railway`,
  headlines: [
    (o, w) => `${w.host.name} Approves ${o.money(w.val('cost'))} ${w.city.name} Rail Link`,
    (o, w) => `High-Speed Line to Cut ${w.city.name} Trip to ${title(o.dur(w.val('hours'), 'hour', false))}`,
  ],
  facts: [
    { id: 'cost', value: r => round(r.int(10, 700) * 1e8, 2), alt: (r, v) => nudgeMoney(r, v), say: [
      (o, v, w) => `The ${w.name} will cost ${o.money(v)}.`,
      (o, v, w) => `Parliament approved ${o.money(v)} for the ${w.name}, ${w.official.p.full} told reporters.`,
    ] },
    { id: 'length', value: r => r.int(80, 1600), alt: (r, v) => v + r.int(10, 60), say: [
      (o, v) => `The line will run for ${o.count(v)} kilometres.`,
      (o, v, w) => `Stretching ${o.count(v, approx(o))} km, the route links ${w.city.name} with ${w.city2.name}.`,
    ] },
    { id: 'stations', value: r => r.int(6, 40), alt: (_r, v) => v + 2, say: [
      (o, v) => `It will have ${o.count(v)} stations.`,
      (o, v, w) => `Trains will stop at ${o.count(v)} stations between ${w.city.name} and ${w.city2.name}.`,
    ] },
    { id: 'done', value: (_r, w) => year(w) + w.k('done', 4, 10), alt: (_r, v) => v + 2, say: [
      (o, v) => `Work is due to be completed by ${o.year(v)}.`,
      (o, v, w) => `${w.host.name} aims to open the line by ${o.year(v)}.`,
    ] },
    { id: 'loans', value: r => r.int(20, 85), alt: (_r, v) => v - 10, say: [
      (o, v, w) => `Loans from the ${w.org.name} will cover ${o.pct(v)} of the cost.`,
    ] },
    { id: 'hours', value: r => r.int(2, 6), alt: (_r, v) => v + 1, say: [
      (o, v) => `The journey will take ${o.dur(v, 'hour', false)}, down from more than a day by road.`,
    ] },
  ],
};

export const EVENT_TYPES: readonly EventType[] = [visit, plant, storm, election, earnings, strike, rail];
