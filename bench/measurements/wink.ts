// The reference: wink-nlp's entity pass (lite English web model),
// `nlp.readDoc(text).entities()`, document by document.
import type { Measurement } from '../harness';
import { collectGarbage, cpuSeconds, loadCorpus } from './load';
import type { CorpusRef } from './load';

export interface WinkParams { corpus: CorpusRef; warmup: CorpusRef }

export interface WinkResult {
  docs: number;
  bytes: number;
  seconds: number;
  cpuS: number;
  /** Entities wink found (a check that the pass did its work). */
  entities: number;
  version: string;
}

export const winkMeasurement: Measurement<WinkParams, WinkResult> = {
  id: 'wink',
  async run(p) {
    const { default: winkNLP } = await import('wink-nlp');
    const { default: model } = await import('wink-eng-lite-web-model');
    const nlp = winkNLP(model);

    for (const d of loadCorpus(p.warmup).docs) nlp.readDoc(d.text).entities().length();

    const { docs, bytes } = loadCorpus(p.corpus);
    collectGarbage();
    let entities = 0;
    const cpu = process.cpuUsage();
    const t = performance.now();
    for (const d of docs) entities += nlp.readDoc(d.text).entities().length();
    const seconds = (performance.now() - t) / 1000;
    const version = (require('wink-nlp/package.json') as { version: string }).version;
    return { docs: docs.length, bytes, seconds, cpuS: cpuSeconds(cpu), entities, version };
  },
};
