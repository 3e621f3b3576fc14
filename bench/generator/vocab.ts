// Invented vocabulary: people, cities, organisations and outlets are built from
// syllables by a seeded generator; only country names are real.
import { Rng } from './rng';

export interface Country { name: string; demonym: string }
export interface Person { given: string; family: string; full: string; female: boolean; age: number; country: Country; /** What they do, when not a head of government. */ role: string }
export interface City { name: string; country: Country }
export interface Org { name: string; short: string | null; kind: 'company' | 'agency' | 'ministry' | 'institute' | 'group' | 'bank' | 'union' }

export const COUNTRIES: readonly Country[] = [
  ['Vietnam', 'Vietnamese'], ['South Korea', 'South Korean'], ['Japan', 'Japanese'], ['Indonesia', 'Indonesian'],
  ['Brazil', 'Brazilian'], ['Mexico', 'Mexican'], ['Kenya', 'Kenyan'], ['Nigeria', 'Nigerian'], ['Egypt', 'Egyptian'],
  ['Germany', 'German'], ['France', 'French'], ['Poland', 'Polish'], ['Spain', 'Spanish'], ['Italy', 'Italian'],
  ['Canada', 'Canadian'], ['Australia', 'Australian'], ['India', 'Indian'], ['Pakistan', 'Pakistani'],
  ['Turkey', 'Turkish'], ['Chile', 'Chilean'], ['Peru', 'Peruvian'], ['Colombia', 'Colombian'], ['Ghana', 'Ghanaian'],
  ['Morocco', 'Moroccan'], ['Thailand', 'Thai'], ['Malaysia', 'Malaysian'], ['Philippines', 'Philippine'],
  ['Norway', 'Norwegian'], ['Sweden', 'Swedish'], ['Finland', 'Finnish'], ['Portugal', 'Portuguese'],
  ['Argentina', 'Argentine'], ['Ethiopia', 'Ethiopian'], ['Tanzania', 'Tanzanian'], ['Bangladesh', 'Bangladeshi'],
  ['Kazakhstan', 'Kazakh'], ['Romania', 'Romanian'], ['Greece', 'Greek'], ['Ireland', 'Irish'], ['Senegal', 'Senegalese'],
  ['New Zealand', 'New Zealand'], ['Singapore', 'Singaporean'], ['Uruguay', 'Uruguayan'], ['Jordan', 'Jordanian'],
  ['Austria', 'Austrian'], ['Hungary', 'Hungarian'], ['Mongolia', 'Mongolian'], ['Zambia', 'Zambian'],
].map(([name, demonym]) => ({ name: name!, demonym: demonym! }));

const GIVEN_A = ['Ka', 'Lo', 'Mi', 'Ta', 'Ren', 'Sor', 'Vel', 'An', 'Bri', 'Cel', 'Dar', 'Eli', 'Fen', 'Gra', 'Hal', 'Iso',
  'Jor', 'Kes', 'Lin', 'Mar', 'Nor', 'Osa', 'Pel', 'Qui', 'Ros', 'Sil', 'Tor', 'Ul', 'Vin', 'Wen', 'Yar', 'Zel', 'Ama', 'Beno',
  'Chi', 'Del', 'Emi', 'Ilo', 'Jae', 'Kai', 'Leo', 'Nao', 'Rhi', 'Sae', 'Teo', 'Yu'];
const GIVEN_B_F = ['a', 'ia', 'ine', 'ey', 'ira', 'elle', 'ena', 'is', 'é', 'ora', 'wen', 'ya'];
const GIVEN_B_M = ['an', 'el', 'o', 'on', 'en', 'ar', 'us', 'eth', 'ik', 'ando', 'ir', 'im'];
const FAMILY_A = ['Dun', 'Har', 'Mor', 'Vash', 'Kel', 'Bran', 'Ost', 'Tell', 'Quen', 'Sab', 'Lor', 'Fitch', 'Gar', 'Hol', 'Iv',
  'Jun', 'Kov', 'Lem', 'Nad', 'Orr', 'Pask', 'Rud', 'Sten', 'Tam', 'Vey', 'Wick', 'Yor', 'Zan', 'Ab', 'Bel', 'Cor', 'Drav',
  'Ek', 'Fal', 'Grim', 'Hask', 'Mab', 'Nguy', 'Pra', 'Sar', 'Tru', 'Ush'];
const FAMILY_B = ['ley', 'sen', 'ovic', 'ard', 'ez', 'ström', 'ham', 'ani', 'oux', 'ton', 'wood', 'ell', 'ari', 'ner', 'ssa',
  'en', 'ska', 'ura', 'ola', 'ier', 'son', 'ada', 'ek', 'ou', 'ane', 'ić'];

const CITY_A = ['Alder', 'Brask', 'Corvin', 'Dalmor', 'Elsk', 'Farrow', 'Garth', 'Hollin', 'Istra', 'Jessa', 'Kalvor', 'Lune',
  'Marro', 'Nessa', 'Orvel', 'Pradel', 'Quarr', 'Rask', 'Solen', 'Tavor', 'Umber', 'Varn', 'Wyss', 'Yelm', 'Zorat', 'Benn',
  'Caro', 'Dorn', 'Eskel', 'Fior', 'Harro', 'Ketter', 'Lisk', 'Morrow', 'Nanth', 'Oster', 'Pell', 'Rivo', 'Selk', 'Thann'];
const CITY_B = ['ton', 'via', 'grad', 'burg', 'ford', 'mouth', 'pur', 'ia', 'an', 'ely', 'holm', '', 'ville', 'dal', 'ova', 'era'];
const CITY_PREFIX = ['', '', '', '', '', 'Port ', 'San ', 'New ', 'Upper ', 'Lake '];

const FIELDS = ['Energy', 'Transport', 'Trade', 'Finance', 'Health', 'Agriculture', 'Fisheries', 'Mining', 'Labour', 'Water',
  'Housing', 'Education', 'Digital Affairs', 'Industry', 'Tourism', 'Planning', 'Environment', 'Maritime Affairs'];
const COMPANY_WORDS = ['Meridian', 'Northstar', 'Bluefield', 'Cobalt', 'Halcyon', 'Ironbridge', 'Lumen', 'Orchid', 'Pinnacle',
  'Redwater', 'Silverline', 'Tidewater', 'Vantage', 'Westmark', 'Zenith', 'Amberly', 'Brightwell', 'Crestline', 'Driftwood',
  'Evergreen', 'Foxglove', 'Granite', 'Harbourview', 'Keystone', 'Larkspur', 'Mosaic', 'Nimbus', 'Oakhurst', 'Quillon',
  'Rowan', 'Solstice', 'Tanager', 'Umbra', 'Verity', 'Wrenfield'];
const COMPANY_TAILS = ['Holdings', 'Group', 'Industries', 'Motors', 'Electronics', 'Logistics', 'Power', 'Steel', 'Foods',
  'Semiconductor', 'Shipping', 'Pharma', 'Telecom', 'Capital', 'Airways', 'Textiles', 'Mining', 'Chemicals'];

export const OUTLETS = ['The Harbour Ledger', 'Northline Wire', 'Daily Meridian', 'The Coastal Herald', 'Pressbridge',
  'The Evening Lantern', 'Capital Courier', 'Asia Brief Today', 'Globe Dispatch', 'The Morning Compass', 'Riverside Times',
  'Tradewinds Review', 'Southern Observer', 'Continental Post', 'The Quarterly Sentinel', 'Metro Bulletin',
  'The Frontier Chronicle', 'Bayline News', 'Summit Gazette', 'Weekly Atlas', 'The Open Record', 'Crossroads Daily',
  'Ledgerline Business', 'The Plain Report', 'Signal & Tide', 'The Public Register', 'Market Pulse Wire', 'Keel Media',
  'Lighthouse Journal', 'The Citizen Daily'];

export const ROLES_SENIOR = ['President', 'Prime Minister', 'General Secretary', 'Vice President', 'Foreign Minister',
  'Finance Minister', 'Trade Minister', 'Deputy Prime Minister', 'Governor', 'Mayor', 'Chancellor'];
export const ROLES_OTHER = ['spokeswoman', 'spokesman', 'chief executive', 'chief economist', 'senior analyst', 'director',
  'chairman', 'chairwoman', 'deputy director', 'researcher', 'professor', 'managing partner', 'head of research'];

export const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
export const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October',
  'November', 'December'];

/** Pools of invented names, built once per corpus seed. */
export class Vocabulary {
  readonly people: Person[] = [];
  readonly cities: City[] = [];
  readonly orgs: Org[] = [];
  readonly companies: Org[] = [];

  constructor(seed: string) {
    const r = Rng.derive(seed, 'vocabulary');
    const seen = new Set<string>();
    /** A new name, or null when 50 tries found only names already used. */
    const fresh = (make: () => string): string | null => {
      for (let i = 0; i < 50; i++) { const s = make(); if (!seen.has(s)) { seen.add(s); return s; } }
      return null;
    };
    for (let i = 0; i < 1200; i++) {
      const city = fresh(() => r.pick(CITY_PREFIX) + r.pick(CITY_A) + r.pick(CITY_B));
      if (city) this.cities.push({ name: city, country: r.pick(COUNTRIES) });
    }
    for (let i = 0; i < 4000; i++) {
      const female = r.chance(0.45);
      const given = r.pick(GIVEN_A) + r.pick(female ? GIVEN_B_F : GIVEN_B_M);
      const family = r.pick(FAMILY_A) + r.pick(FAMILY_B);
      const full = fresh(() => `${given} ${family}`);
      if (full) this.people.push({ given, family, full, female, age: r.int(31, 79), country: r.pick(COUNTRIES), role: r.pick(ROLES_OTHER) });
    }
    const acronym = (name: string) => name.split(/\s+/).filter(w => /^[A-Z]/.test(w)).map(w => w[0]).join('');
    for (let i = 0; i < 1500; i++) {
      const k = r.int(0, 6);
      let name: string | null, kind: Org['kind'];
      const city = r.pick(this.cities);
      switch (k) {
        case 0: name = fresh(() => `${city.country.name} Ministry of ${r.pick(FIELDS)}`); kind = 'ministry'; break;
        case 1: name = fresh(() => `National ${r.pick(FIELDS)} Agency of ${city.country.name}`); kind = 'agency'; break;
        case 2: name = fresh(() => `${r.pick(CITY_A)}${r.pick(CITY_B)} Institute for ${r.pick(FIELDS)} Studies`); kind = 'institute'; break;
        case 3: name = fresh(() => `${city.name} Port Authority`); kind = 'agency'; break;
        case 4: name = fresh(() => `${r.pick(COMPANY_WORDS)} ${r.pick(FIELDS)} Council`); kind = 'group'; break;
        case 5: name = fresh(() => `${r.pick(COMPANY_WORDS)} Development Bank`); kind = 'bank'; break;
        default: name = fresh(() => `${r.pick(['United', 'Federated', 'National', 'Allied'])} ${r.pick(FIELDS)} Workers Union`); kind = 'union'; break;
      }
      if (name) this.orgs.push({ name, short: r.chance(0.35) ? acronym(name) : null, kind });
    }
    for (let i = 0; i < 450; i++) {
      const name = fresh(() => `${r.pick(COMPANY_WORDS)} ${r.pick(COMPANY_TAILS)}`);
      if (name) this.companies.push({ name, short: r.chance(0.2) ? acronym(name) : null, kind: 'company' });
    }
  }
}
