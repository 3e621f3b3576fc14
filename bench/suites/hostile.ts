// Hostile input: texts that pasting and PDF extraction can produce, each family timed at about 300 KB and at twice
// that, in fresh processes. Every family must scale like its size (a text twice as long, at most 2.6x the time,
// which leaves room for noise and garbage collection); a family that turns quadratic would freeze the language
// server on one such file.
import type { Suite, SuiteReport } from '../harness';
import { r3 } from '../harness';
import { FAMILIES } from '../hostile/texts';
import { hostileMeasurement } from '../measurements/hostile';

const TARGET_BYTES = 300 * 1024;

export const hostileSuite: Suite = {
  id: 'hostile',
  title: 'hostile input scales linearly',
  async run(ctx): Promise<SuiteReport> {
    const rows: Record<string, { kb: number | null; s_1x: number | null; s_2x: number | null; ratio: number | null }> = {};
    let worst: number | null = null, worstFamily: string | null = null, slowest: number | null = null;
    for (const f of FAMILIES) {
      const n = Math.max(1, Math.round(TARGET_BYTES / (Buffer.byteLength(f.text(1000)) / 1000)));
      // the best of `runs` for each size (the least disturbed by other load)
      const best = async (k: number) => {
        let b: { bytes: number; seconds: number } | null = null;
        for (let i = 0; i < ctx.opts.runs; i++) {
          const r = (await ctx.child(hostileMeasurement, { family: f.id, n: k }, 300)).result;
          if (!b || r.seconds < b.seconds) b = r;
        }
        return b!;
      };
      const one = await best(n), two = await best(2 * n);
      const ratio = two.seconds / one.seconds;
      ctx.log(`hostile ${f.id}: ${(one.bytes / 1024).toFixed(0)} KB ${one.seconds.toFixed(3)} s, 2x ${two.seconds.toFixed(3)} s (${ratio.toFixed(2)}x)`);
      rows[f.id] = { kb: r3(one.bytes / 1024), s_1x: r3(one.seconds), s_2x: r3(two.seconds), ratio: r3(ratio) };
      if (worst === null || ratio > worst) { worst = ratio; worstFamily = f.id; }
      const rate = two.bytes / 1048576 / two.seconds;
      if (slowest === null || rate < slowest) slowest = rate;
    }
    return {
      metrics: { hostile_families: FAMILIES.length, hostile_worst_time_ratio_2x: r3(worst), hostile_worst_family: worstFamily, hostile_slowest_mb_per_s: r3(slowest) },
      goals: [
        { metric: 'hostile_worst_time_ratio_2x', op: '<=', target: 2.6, why: 'hostile input twice as long takes at most 2.6x the time (no family is quadratic)' },
      ],
      details: { families: rows, what: Object.fromEntries(FAMILIES.map(f => [f.id, f.what])) },
    };
  },
};
