// Our engine, end to end: figures, entities, claims and conflicts for a whole
// corpus with `analyzeCorpus`, on the main thread of this process.
import path from 'node:path';
import type { Measurement } from '../harness';
import { collectGarbage, cpuSeconds, loadCorpus } from './load';
import type { CorpusRef } from './load';

export interface EngineParams {
  corpus: CorpusRef;
  /** A different, small corpus analysed first so the timed run sees warmed-up code, not cached texts. */
  warmup: CorpusRef;
  /** Articles the generator gave a wrong value for a fact that other articles give right. */
  disputed?: string[];
}

export interface EngineResult {
  docs: number;
  bytes: number;
  loadS: number;
  warmupS: number;
  /** Wall time of the analysis over the texts already in memory: figures, entities, claims and every document's diagnostics. */
  seconds: number;
  /** Of the whole-corpus pass: reading the documents, grouping entities, building claims, the rest (seconds; the diagnostics are the remainder of `seconds`). */
  phasesS: { documents: number; entities: number; claims: number; rest: number } | null;
  /** CPU time of this process during the analysis (above `seconds` means more than one core was busy). */
  cpuS: number;
  figures: number;
  entities: number;
  claims: number;
  /** Claims whose status is 'conflict'. */
  conflicts: number;
  /** Problems with the conflicting-figure code (one per figure in a conflict). */
  conflictProblems: number;
  /** Articles with at least one conflict warning. */
  docsWithConflicts: number;
  /** Of the articles with a planted wrong value, those with a conflict warning. */
  disputedFlagged: number;
  /** Conflicting claims none of whose figures is in an article with a planted wrong value: false alarms, by construction. */
  conflictsWithoutPlanted: number;
  /** Worker threads the engine started (it must start none: one core). */
  workerThreads: number;
  heapUsedMb: number;
  /** Resident memory with the engine loaded and warmed up, before the texts are read. */
  rssBeforeTextsMb: number;
  /** Resident memory once the texts are loaded, just before the analysis. */
  rssBeforeAnalysisMb: number;
  /** Payload of the texts as JS strings: one byte a character, two in any document with a character beyond Latin-1. */
  textsStringMb: number;
}

/** Count worker threads started from here on (before the engine is loaded). */
function countWorkers(): () => number {
  const wt = require('node:worker_threads') as typeof import('node:worker_threads');
  const Original = wt.Worker;
  let n = 0;
  class Counted extends Original {
    constructor(...args: ConstructorParameters<typeof Original>) { n++; super(...args); }
  }
  wt.Worker = Counted;
  return () => n;
}

export const engineMeasurement: Measurement<EngineParams, EngineResult> = {
  id: 'engine',
  async run(p) {
    const workers = countWorkers();
    const core = await import('../../server/src/core');

    let t = performance.now();
    const warm = loadCorpus(p.warmup);
    core.analyzeCorpus(warm.docs);
    const warmupS = (performance.now() - t) / 1000;
    collectGarbage();
    const rssBeforeTextsMb = process.memoryUsage().rss / 1048576;

    t = performance.now();
    const { docs, bytes } = loadCorpus(p.corpus);
    const loadS = (performance.now() - t) / 1000;
    collectGarbage();
    const rssBeforeAnalysisMb = process.memoryUsage().rss / 1048576;

    // what analyzeCorpus and the CLI do (a corpus analysed once), with the corpus kept to read where its time went; the figure list and the
    // diagnostics are assembled when first read, so they are read inside the timed part (end to end)
    const cpu = process.cpuUsage();
    t = performance.now();
    const corpus = new core.Corpus({ once: true });
    for (const d of docs) corpus.set(d.doc, d.text);
    const result = corpus.result();
    const figureCount = result.figures.length;
    const problems = result.problems;
    const seconds = (performance.now() - t) / 1000;
    const cpuS = cpuSeconds(cpu);
    const passMs = corpus.lastPassPhases;

    return {
      docs: docs.length, bytes, loadS, warmupS, seconds, cpuS,
      figures: figureCount,
      phasesS: passMs ? { documents: passMs.documents / 1000, entities: passMs.entities / 1000, claims: passMs.claims / 1000, rest: passMs.rest / 1000 } : null,
      entities: result.entities.length,
      claims: result.claims.length,
      conflicts: result.claims.filter(c => c.status === 'conflict').length,
      conflictProblems: problems.filter(x => x.code === core.Codes.conflictingFigure).length,
      ...flagged(problems.filter(x => x.code === core.Codes.conflictingFigure).map(x => x.doc), p.disputed ?? [], p.corpus.dir),
      conflictsWithoutPlanted: withoutPlanted(result.claims, p.disputed ?? [], p.corpus.dir),
      workerThreads: workers(),
      heapUsedMb: process.memoryUsage().heapUsed / 1048576,
      rssBeforeTextsMb,
      rssBeforeAnalysisMb,
      textsStringMb: docs.reduce((n, d) => n + d.text.length * (/[^\u0000-\u00ff]/.test(d.text) ? 2 : 1), 0) / 1048576,
    };
  },
};

/** Conflicting claims that touch no article with a planted wrong value (a figure's id is its document and offset). */
function withoutPlanted(claims: { status: string; figures: string[] }[], disputed: string[], dir: string): number {
  const planted = new Set(disputed.map(f => path.join(dir, f)));
  return claims.filter(c => c.status === 'conflict' && !c.figures.some(id => planted.has(id.slice(0, id.lastIndexOf('#'))))).length;
}

/** How many articles carry a conflict warning, and how many of the disputed ones do. */
function flagged(docs: string[], disputed: string[], dir: string): { docsWithConflicts: number; disputedFlagged: number } {
  const withConflict = new Set(docs);
  return { docsWithConflicts: withConflict.size, disputedFlagged: disputed.filter(f => withConflict.has(path.join(dir, f))).length };
}
