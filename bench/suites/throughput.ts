// The issue's benchmark: end-to-end analysis on one core against wink-nlp's
// entity pass over the same corpus, scaling to a doubled corpus, peak memory.
import type { BenchContext, MetricValue, Suite, SuiteReport } from '../harness';
import { r3 } from '../harness';
import { MB } from '../generate';
import type { Manifest } from '../generate';
import { engineMeasurement } from '../measurements/engine';
import type { EngineResult } from '../measurements/engine';
import { winkMeasurement } from '../measurements/wink';
import type { WinkResult } from '../measurements/wink';
import { floorMeasurement } from '../measurements/floor';
import type { FloorResult } from '../measurements/floor';
import type { CorpusRef } from '../measurements/load';

/** Size of the warm-up corpus (a different seed, so no text of the timed corpus is seen before): 2 MB, less for quick runs. */
const warmupMb = (mb: number) => Math.min(2, Math.max(0.25, Math.round(mb * 4) / 40));

const ref = (c: { dir: string; manifest: Manifest }): CorpusRef => ({ dir: c.dir, files: c.manifest.files });

async function attempt<T>(ctx: BenchContext, what: string, errors: string[], f: () => Promise<T>): Promise<T | null> {
  try {
    return await f();
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    ctx.log(`${what} failed: ${msg}`);
    errors.push(`${what}: ${msg.split('\n')[0]}`);
    return null;
  }
}

export const throughputSuite: Suite = {
  id: 'throughput',
  title: 'engine vs wink-nlp, scaling, memory',
  async run(ctx): Promise<SuiteReport> {
    const { mb, runs, seed } = ctx.opts;
    const one = ctx.corpus(mb);
    const two = ctx.corpus(mb * 2);
    const warm = ctx.corpus(warmupMb(mb), `${seed}-warmup`);
    const corpusMb = one.manifest.stats.bytes / MB;
    const errors: string[] = [];

    const e1: { result: EngineResult; maxRssMb: number }[] = [];
    const e2: EngineResult[] = [];
    const wink: WinkResult[] = [];
    const floor: FloorResult[] = [];
    for (let i = 0; i < runs; i++) {
      const tag = runs > 1 ? ` (run ${i + 1}/${runs})` : '';
      ctx.log(`engine: analysing ${corpusMb.toFixed(1)} MB${tag}`);
      const a = await attempt(ctx, 'engine 1x', errors, () => ctx.child(engineMeasurement, { corpus: ref(one), warmup: ref(warm), disputed: one.manifest.disputed }));
      if (a) { e1.push({ result: a.result, maxRssMb: a.usage.maxRssMb }); ctx.log(`engine: ${a.result.seconds.toFixed(2)} s`); }
      ctx.log(`engine: analysing ${(two.manifest.stats.bytes / MB).toFixed(1)} MB (2x)${tag}`);
      const b = await attempt(ctx, 'engine 2x', errors, () => ctx.child(engineMeasurement, { corpus: ref(two), warmup: ref(warm) }));
      if (b) { e2.push(b.result); ctx.log(`engine: ${b.result.seconds.toFixed(2)} s`); }
    }
    for (let i = 0; i < runs; i++) {
      ctx.log(`wink-nlp: readDoc(text).entities() over ${corpusMb.toFixed(1)} MB${runs > 1 ? ` (run ${i + 1}/${runs})` : ''}`);
      const w = await attempt(ctx, 'wink-nlp', errors, () => ctx.child(winkMeasurement, { corpus: ref(one), warmup: ref(warm) }));
      if (w) { wink.push(w.result); ctx.log(`wink-nlp: ${w.result.seconds.toFixed(2)} s`); }
      ctx.log(`floor: our tokenizer alone, and one regular expression, over ${corpusMb.toFixed(1)} MB${runs > 1 ? ` (run ${i + 1}/${runs})` : ''}`);
      const f = await attempt(ctx, 'floor', errors, () => ctx.child(floorMeasurement, { corpus: ref(one), warmup: ref(warm) }));
      if (f) { floor.push(f.result); ctx.log(`floor: tokenizer ${f.result.tokenizeS.toFixed(2)} s, regex ${f.result.regexS.toFixed(2)} s`); }
    }

    // Best of the runs for times (least disturbed by other load); worst for memory.
    const best1 = e1.length ? e1.reduce((a, b) => (b.result.seconds < a.result.seconds ? b : a)).result : null;
    const best2 = e2.length ? e2.reduce((a, b) => (b.seconds < a.seconds ? b : a)) : null;
    const bestWink = wink.length ? wink.reduce((a, b) => (b.seconds < a.seconds ? b : a)) : null;
    const peakRss = e1.length ? Math.max(...e1.map(x => x.maxRssMb)) : null;
    const ours = best1 ? corpusMb / best1.seconds : null;
    const theirs = bestWink ? corpusMb / bestWink.seconds : null;
    const bestTokenizeS = floor.length ? Math.min(...floor.map(x => x.tokenizeS)) : null;
    const bestRegexS = floor.length ? Math.min(...floor.map(x => x.regexS)) : null;

    const metrics: Record<string, MetricValue> = {
      corpus_mb: r3(corpusMb),
      corpus_articles: one.manifest.files.length,
      analysis_mb_per_s: r3(ours),
      wink_mb_per_s: r3(theirs),
      ratio_vs_wink: ours !== null && theirs !== null ? r3(ours / theirs) : null,
      time_ratio_2x_corpus: best1 && best2 ? r3(best2.seconds / best1.seconds) : null,
      time_ratio_2x_corpus_cpu: best1 && best2 ? r3(best2.cpuS / best1.cpuS) : null,
      peak_rss_mb: r3(peakRss),
      peak_rss_ratio: peakRss !== null ? r3(peakRss / corpusMb) : null,
      analysis_s: r3(best1?.seconds),
      analysis_2x_s: r3(best2?.seconds),
      wink_s: r3(bestWink?.seconds),
      figures: best1?.figures ?? null,
      entities: best1?.entities ?? null,
      claims: best1?.claims ?? null,
      conflicts: best1?.conflicts ?? null,
      conflict_diagnostics: best1?.conflictProblems ?? null,
      planted_conflicts: one.manifest.stats.plantedConflicts,
      // precision and recall in articles: every conflict beyond the planted ones is a false alarm by construction
      articles_with_conflicts: best1?.docsWithConflicts ?? null,
      disputed_articles: one.manifest.disputed.length,
      disputed_articles_flagged: best1?.disputedFlagged ?? null,
      conflicts_without_planted: best1?.conflictsWithoutPlanted ?? null,
      generated_figures: one.manifest.stats.figures,
      wink_entities: bestWink?.entities ?? null,
      // Per CPU second: less sensitive to other load on a shared machine than wall time.
      analysis_cpu_mb_per_s: best1 ? r3(corpusMb / best1.cpuS) : null,
      wink_cpu_mb_per_s: bestWink ? r3(corpusMb / bestWink.cpuS) : null,
      ratio_vs_wink_cpu: best1 && bestWink ? r3(bestWink.cpuS / best1.cpuS) : null,
      analysis_cpu_per_wall: best1 ? r3(best1.cpuS / best1.seconds) : null,
      // Memory before the analysis starts: the texts alone, as JS strings, and the whole process.
      texts_string_mb: r3(best1?.textsStringMb),
      rss_before_texts_mb: r3(best1?.rssBeforeTextsMb),
      rss_before_analysis_mb: r3(best1?.rssBeforeAnalysisMb),
      worker_threads: best1?.workerThreads ?? null,
      // What the speed goal leaves for the analysis: passes that analyse nothing, against the rate the goal asks (10x wink).
      goal_mb_per_s: theirs !== null ? r3(theirs * 10) : null,
      tokenizer_only_mb_per_s: bestTokenizeS ? r3(corpusMb / bestTokenizeS) : null,
      regex_only_mb_per_s: bestRegexS ? r3(corpusMb / bestRegexS) : null,
      tokenizer_share_of_goal_time: bestTokenizeS !== null && theirs !== null ? r3(bestTokenizeS / (corpusMb / (theirs * 10))) : null,
    };
    return {
      metrics,
      goals: [
        { metric: 'corpus_mb', op: '>=', target: 50, why: 'a corpus of at least 50 MB' },
        { metric: 'ratio_vs_wink', op: '>=', target: 10, why: "10x wink-nlp's entity pass, same corpus, same run" },
        { metric: 'time_ratio_2x_corpus', op: '<=', target: 2.2, why: 'doubling the corpus at most 2.2x the time' },
        { metric: 'peak_rss_ratio', op: '<', target: 3, why: 'peak memory under 3x the corpus size' },
        { metric: 'worker_threads', op: '<=', target: 0, why: 'one core: the analysis starts no worker threads' },
        // A fast engine that finds nothing proves nothing: the corpus has names, figures and planted conflicts.
        { metric: 'figures', op: '>', target: 0, why: 'the analysis found figures' },
        { metric: 'entities', op: '>', target: 0, why: 'the analysis found entities' },
        { metric: 'conflicts', op: '>', target: 0, why: 'the analysis found conflicts (the corpus has planted ones)' },
      ],
      details: {
        runs,
        engine_1x_s: e1.map(x => r3(x.result.seconds)),
        engine_2x_s: e2.map(x => r3(x.seconds)),
        engine_1x_peak_rss_mb: e1.map(x => r3(x.maxRssMb)),
        wink_s: wink.map(x => r3(x.seconds)),
        tokenizer_only_s: floor.map(x => r3(x.tokenizeS)),
        regex_only_s: floor.map(x => r3(x.regexS)),
        tokenizer_tokens: floor[0]?.tokens ?? null,
        corpus_2x_mb: r3(two.manifest.stats.bytes / MB),
        corpus_dir: one.dir,
        load_s: r3(best1?.loadS),
        warmup_s: r3(best1?.warmupS),
        heap_used_mb: r3(best1?.heapUsedMb),
        // where the 1x analysis spent its time (seconds); diagnostics: the rest of analysis_s
        phases_s: best1?.phasesS ? { ...Object.fromEntries(Object.entries(best1.phasesS).map(([k, v]) => [k, r3(v)])), diagnostics: r3(best1.seconds - Object.values(best1.phasesS).reduce((a, b) => a + b, 0)) } : null,
        wink_version: bestWink?.version ?? null,
        errors,
      },
    };
  },
};
