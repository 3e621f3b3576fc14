// One hostile text (bench/hostile/texts.ts) analysed as a corpus with one ordinary article beside it, in a fresh
// process: the time of analyzeCorpus, end to end.
import type { Measurement } from '../harness';
import { FAMILIES } from '../hostile/texts';

export interface HostileParams { family: string; n: number }
export interface HostileResult { bytes: number; seconds: number }

export const hostileMeasurement: Measurement<HostileParams, HostileResult> = {
  id: 'hostile',
  async run(p) {
    const core = await import('../../server/src/core');
    const family = FAMILIES.find(f => f.id === p.family);
    if (!family) throw new Error(`unknown hostile family ${p.family}`);
    // warm the code on a small text of the same family (not timed)
    core.analyzeCorpus([{ doc: 'file:///warm.txt', text: family.text(Math.max(1, p.n >> 6)) }]);
    const text = family.text(p.n);
    const t = performance.now();
    const r = core.analyzeCorpus([{ doc: 'file:///hostile.txt', text }, { doc: 'file:///story.txt', text: 'Port report\nThe port handled 5% more boxes in 2024.\n' }]);
    if (r.figures.length < 0) throw new Error('unreachable');
    return { bytes: Buffer.byteLength(text), seconds: (performance.now() - t) / 1000 };
  },
};
