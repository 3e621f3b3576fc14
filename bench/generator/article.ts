// One article: page furniture, headline, dateline, the facts the outlet chose
// to report, background prose, quotes, and sometimes a related-articles box.
import { hash32, Rng } from './rng';
import type { Vocabulary } from './vocab';
import { OUTLETS } from './vocab';
import type { EventType, EventWorld } from './events';
import { createEvent } from './events';
import { glue, styleOf, Writer } from './style';
import type { Style } from './style';
import { cap } from './templates';
import type { FillerSource } from './filler';

export const MIN_ARTICLE_BYTES = 2 * 1024;
export const MAX_ARTICLE_BYTES = 20 * 1024;

export interface Article {
  name: string;
  text: string;
  /** UTF-8 size. */
  bytes: number;
  event: number;
  outlet: string;
  /** Figures the generator wrote (including those in boxes and headlines). */
  figures: number;
  /** For the event's disputed fact, if it has one and this article reports it: which value it gave. */
  disputed: 'true' | 'alt' | null;
  /** When `disputed` is 'alt': the sentence that gives the wrong value (for reading what the engine missed). */
  planted: string | null;
}

export interface ArticleContext {
  seed: string;
  vocab: Vocabulary;
  filler: FillerSource;
  types: readonly EventType[];
  styles: Map<string, Style>;
}

/** Shares of background sentences with a figure and with names only; the rest is ordinary prose. */
const MIX = { numeric: 0.2, named: 0.32 };

const NAV = ['Back to Previous Page', 'Skip to main content', 'Home | World | Business | Opinion', 'Menu  Search  Sign in',
  'Latest news  >  Asia-Pacific', 'Print this page'];
const BOX_HEADINGS = ['Related articles', 'Read also:', 'More on this story', 'You may also like', 'RELATED', 'Recommended'];

export function buildArticle(ctx: ArticleContext, index: number, w: EventWorld, pos: number): Article {
  const r = Rng.derive(ctx.seed, 'article', index);
  const outlet = r.pick(OUTLETS);
  let style = ctx.styles.get(outlet);
  if (!style) { style = styleOf(outlet, ctx.seed); ctx.styles.set(outlet, style); }
  const o = new Writer(style, r);
  const target = Math.min(MAX_ARTICLE_BYTES - 1024, Math.round(MIN_ARTICLE_BYTES * Math.pow(10, r.next())));

  // Which facts this report carries, and with which value.
  const disputedFact = w.facts.find(f => f.altArticles.size > 0) ?? null;
  const chosen = r.sample(w.facts, r.int(Math.min(3, w.facts.length), w.facts.length));
  if (disputedFact && disputedFact.altArticles.has(pos) && !chosen.includes(disputedFact)) chosen.push(disputedFact);
  r.shuffle(chosen);
  let disputed: Article['disputed'] = null;
  let planted: string | null = null;
  const factSentences = chosen.map(f => {
    const alt = f.altArticles.has(pos) && f.alt !== null;
    const sentence = r.pick(f.spec.say)(o, alt ? f.alt! : f.value, w);
    if (f === disputedFact) { disputed = alt ? 'alt' : 'true'; if (alt) planted = sentence; }
    return sentence;
  });

  const side = ctx.filler.side(r);
  const filler = (kind: 'numeric' | 'named' | 'prose') => ctx.filler.sentence(o, w, side, kind);
  const background = () => { const x = r.next(); return filler(x < MIX.numeric ? 'numeric' : x < MIX.numeric + MIX.named ? 'named' : 'prose'); };
  const head: string[] = [];
  if (style.nav) head.push(r.pick(NAV));
  head.push(r.pick(w.type.headlines)(o, w));
  if (r.chance(0.4)) head.push(filler('prose').replace(/\.$/, ''));
  const published = w.day + r.int(0, 3);
  const author = r.pick(ctx.vocab.people);
  switch (r.int(0, 3)) {
    case 0: head.push(`By ${author.full}`, `Published ${o.date(published)}`); break;
    case 1: head.push(`${author.full} | ${outlet}`, `${o.weekday(published)}, ${o.date(published)}`); break;
    case 2: head.push(`Updated: ${o.date(published)} ${String(r.int(0, 23)).padStart(2, '0')}:${String(r.int(0, 59)).padStart(2, '0')} GMT`); break;
    default: break;
  }

  const body: { text: string; removable: boolean }[] = [];
  const place = w.city.name.toUpperCase();
  const lead = factSentences.shift() ?? filler('numeric');
  body.push({ text: `${place} ${style.dash} ${lead} ${background()}`, removable: false });
  let size = head.join('\n').length + body[0]!.text.length;
  while (size < target || factSentences.length) {
    const parts: string[] = [];
    const fact = factSentences.length && (size >= target || r.chance(0.55)) ? factSentences.shift()! : null;
    if (fact) parts.push(fact);
    const n = fact ? r.int(0, 2) : r.int(1, 4);
    for (let i = 0; i < n; i++) parts.push(background());
    if (fact && r.chance(0.5)) parts.reverse();
    const text = parts.join(' ');
    body.push({ text, removable: !fact });
    size += text.length + 1;
  }

  // Aside material: related-article boxes and promotions, which carry figures of other stories.
  if (r.chance(style.boxes)) {
    const boxes = r.chance(0.15) ? 2 : 1;
    for (let b = 0; b < boxes; b++) {
      const lines = [r.pick(BOX_HEADINGS)];
      for (let i = r.int(2, 4); i > 0; i--) {
        const other = createEvent(1_000_000 + r.int(0, 1_000_000), ctx.seed, ctx.vocab, ctx.types, 1);
        lines.push(r.pick(other.type.headlines)(o, other));
      }
      body.splice(r.int(1, body.length), 0, { text: lines.join('\n'), removable: true });
    }
  }
  if (r.chance(0.15)) {
    body.splice(r.int(1, body.length), 0, { text: r.pick([
      `Download the ${outlet} app to get breaking news alerts.`,
      `Subscribe for ${o.price(r.pick([1, 2, 4.99, 9.99]))} a month to keep reading.`,
      'Advertisement',
      `Sign up for our ${cap(r.pick(['morning', 'evening', 'weekly']))} Briefing newsletter.`,
    ]), removable: true });
  }
  if (r.chance(0.5)) {
    const editor = r.pick(ctx.vocab.people);
    body.push({ text: r.pick([
      `Reporting by ${author.full}; Editing by ${editor.full}`,
      `(Writing by ${author.given} ${author.family}; additional reporting by ${editor.full} in ${w.city2.name})`,
      `Topics: ${w.host.name}, ${w.guest.name}, ${cap(w.type.id)}`,
    ]), removable: false });
  }

  const paragraphs = body.map(p => (style.glued && !p.text.includes('\n') ? glue(p.text, r) : p.text));
  const sep = hash32(outlet) % 3 === 0 ? '\n\n' : '\n';
  let text = head.join('\n') + '\n' + paragraphs.join(sep) + '\n';
  let bytes = Buffer.byteLength(text);
  // Stay within the article size range: drop background paragraphs from the end if needed.
  while (bytes > MAX_ARTICLE_BYTES) {
    const k = body.map(p => p.removable).lastIndexOf(true);
    if (k < 0) break;
    body.splice(k, 1);
    paragraphs.splice(k, 1);
    text = head.join('\n') + '\n' + paragraphs.join(sep) + '\n';
    bytes = Buffer.byteLength(text);
  }
  const name = `${String(index).padStart(6, '0')}_${hash32(`${ctx.seed}/${index}`).toString(16).padStart(8, '0')}.txt`;
  return { name, text, bytes, event: w.id, outlet, figures: o.figures, disputed, planted };
}
