// Deterministic generator of an article-like corpus for the benchmark.
//
//   node out/bench/generate.js --mb 10 | --articles 5000 [--seed triangulate] [--out .bench/corpus-10]
//
// Articles come from a seeded stream: article i depends only on the seed and
// i, so a 2x corpus starts with the 1x corpus. Events span ~20 articles each
// (claims stay bounded); outlets differ in style; filler prose carries names
// and numbers of every kind. Nothing here is taken from real articles.
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Rng } from './generator/rng';
import { Vocabulary } from './generator/vocab';
import { createEvent } from './generator/events';
import type { EventWorld } from './generator/events';
import { EVENT_TYPES } from './generator/templates';
import { FillerSource } from './generator/filler';
import { buildArticle } from './generator/article';
import type { Article, ArticleContext } from './generator/article';

export type { Article } from './generator/article';
export { MIN_ARTICLE_BYTES, MAX_ARTICLE_BYTES } from './generator/article';

/** Bump when the output for a given seed changes, so cached corpora are regenerated. */
// 2: a fact about two places or countries has one value whichever is named first, and no article dated the day of
// an event says something happened on the weekday after it (both read as conflicts a careful reader would also see)
// 3: a company's workforce is one number in background sentences and in earnings reports
// 4: a planted wrong amount of money differs from the right one where both are printed (before, "$2.9 billion" could
// be planted against "$2.9 billion", and "US$49.2bn" against "US$49bn", which a careful reader takes for a rounding)
export const GENERATOR_VERSION = 4;
export const DEFAULT_SEED = 'triangulate';
export const MB = 1024 * 1024;

export interface CorpusStats {
  articles: number;
  bytes: number;
  events: number;
  /** Figures the generator wrote (a lower bound for what a reader would count). */
  figures: number;
  /** Events in which some article gave a wrong value for a fact that another article gave right. */
  plantedConflicts: number;
}

/** An endless, deterministic stream of articles. */
export class ArticleStream {
  private readonly ctx: ArticleContext;
  private index = 0;
  private eventId = -1;
  private world: EventWorld | null = null;
  private pos = 0;
  private eventSize = 0;
  private readonly disputes = new Map<number, { alt: boolean; true: boolean }>();
  private readonly totals = { articles: 0, bytes: 0, figures: 0 };

  constructor(readonly seed: string = DEFAULT_SEED) {
    const vocab = new Vocabulary(seed);
    this.ctx = { seed, vocab, filler: new FillerSource(vocab, seed), types: EVENT_TYPES, styles: new Map() };
  }

  /** Whether an article of the event gave the right value of its disputed fact. */
  answered(event: number): boolean {
    return this.disputes.get(event)?.true ?? false;
  }

  next(): Article {
    if (!this.world || this.pos >= this.eventSize) {
      this.eventId++;
      this.eventSize = Rng.derive(this.seed, 'event-size', this.eventId).int(6, 34);
      this.world = createEvent(this.eventId, this.seed, this.ctx.vocab, this.ctx.types, this.eventSize);
      this.pos = 0;
    }
    const a = buildArticle(this.ctx, this.index++, this.world, this.pos++);
    if (a.disputed) {
      const d = this.disputes.get(a.event) ?? { alt: false, true: false };
      d[a.disputed] = true;
      this.disputes.set(a.event, d);
    }
    this.totals.articles++;
    this.totals.bytes += a.bytes;
    this.totals.figures += a.figures;
    return a;
  }

  stats(): CorpusStats {
    let planted = 0;
    for (const d of this.disputes.values()) if (d.alt && d.true) planted++;
    return { ...this.totals, events: this.eventId + 1, plantedConflicts: planted };
  }
}

/** Articles until their UTF-8 size reaches `mb` megabytes (MiB); the last article may overshoot by at most one article. */
export function generateCorpus(mb: number, seed: string = DEFAULT_SEED): { docs: Article[]; stats: CorpusStats } {
  const stream = new ArticleStream(seed);
  const docs: Article[] = [];
  const target = mb * MB;
  let bytes = 0;
  while (bytes < target) { const a = stream.next(); docs.push(a); bytes += a.bytes; }
  return { docs, stats: stream.stats() };
}

/** A corpus size: MiB of UTF-8 text, or a number of articles. */
export type CorpusSize = number | { articles: number };

export interface Manifest {
  generator: number;
  seed: string;
  size: CorpusSize;
  files: string[];
  /** Articles that carry a planted wrong value (each conflicts with another article). */
  disputed: string[];
  /**
   * Of each article in `disputed`: the sentence with the wrong value, as generated (before any PDF-style damage), and
   * whether another article of its event gives the right value (without one, no conflict can show it).
   */
  planted?: Record<string, { sentence: string; answered: boolean }>;
  stats: CorpusStats;
}

/** Where a corpus is kept: `.bench/corpus-<mb>/` or `.bench/articles-<n>/` (plus the seed when not the default). */
export function corpusDir(root: string, size: CorpusSize, seed: string = DEFAULT_SEED): string {
  const base = typeof size === 'number' ? `corpus-${size}` : `articles-${size.articles}`;
  return path.join(root, '.bench', seed === DEFAULT_SEED ? base : `${base}-${seed.replace(/[^\w.-]/g, '_')}`);
}

/** The corpus on disk, generated (streaming, never all in memory) unless a complete one with the same generator and seed is there. */
export function ensureCorpus(dir: string, size: CorpusSize, seed: string = DEFAULT_SEED, log: (s: string) => void = () => {}): Manifest {
  const manifestPath = path.join(dir, 'manifest.json');
  if (existsSync(manifestPath)) {
    try {
      const m = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
      const present = new Set(readdirSync(dir));
      if (m.generator === GENERATOR_VERSION && m.seed === seed && JSON.stringify(m.size) === JSON.stringify(size) && m.files.every(f => present.has(f))) return m;
    } catch { /* regenerate */ }
  }
  log(`generating a corpus of ${typeof size === 'number' ? `${size} MB` : `${size.articles} articles`} in ${dir}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const stream = new ArticleStream(seed);
  const files: string[] = [];
  const disputed: string[] = [];
  const planted: Record<string, { sentence: string; answered: boolean }> = {};
  const plantedEvent = new Map<string, number>();
  const done = typeof size === 'number' ? (() => { const target = size * MB; return () => bytes >= target; })() : () => files.length >= size.articles;
  let bytes = 0;
  while (!done()) {
    const a = stream.next();
    writeFileSync(path.join(dir, a.name), a.text);
    files.push(a.name);
    if (a.disputed === 'alt') { disputed.push(a.name); if (a.planted) { planted[a.name] = { sentence: a.planted, answered: false }; plantedEvent.set(a.name, a.event); } }
    bytes += a.bytes;
  }
  for (const [name, event] of plantedEvent) planted[name]!.answered = stream.answered(event);
  const m: Manifest = { generator: GENERATOR_VERSION, seed, size, files, disputed, planted, stats: stream.stats() };
  writeFileSync(manifestPath, JSON.stringify(m, null, 1));
  return m;
}

function main(argv: string[]): void {
  const arg = (name: string) => { const i = argv.indexOf(name); return i >= 0 ? argv[i + 1] : undefined; };
  const mb = Number(arg('--mb') ?? 50);
  const articles = arg('--articles') === undefined ? null : Number(arg('--articles'));
  if (!(mb > 0) || (articles !== null && !(articles >= 1))) throw new Error('usage: generate [--mb 50 | --articles 5000] [--seed s] [--out dir]');
  const seed = arg('--seed') ?? DEFAULT_SEED;
  const size: CorpusSize = articles !== null ? { articles: Math.floor(articles) } : mb;
  const dir = path.resolve(arg('--out') ?? corpusDir(process.cwd(), size, seed));
  const m = ensureCorpus(dir, size, seed, s => process.stderr.write(s + '\n'));
  process.stdout.write(JSON.stringify({ dir, ...m.stats }) + '\n');
}

if (require.main === module) main(process.argv.slice(2));
