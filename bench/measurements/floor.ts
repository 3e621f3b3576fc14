// What the speed goal leaves for the analysis: two passes that do no analysis at
// all, over the same texts, in a process of their own. Our tokenizer alone (the
// first step of every document: tokens, case, lexicon ids, sentences) and one
// regular expression that finds the words and numbers. When these alone run near
// 10x wink-nlp, the figures, entities, claims and conflicts have next to no time.
import type { Measurement } from '../harness';
import { collectGarbage, cpuSeconds, loadCorpus } from './load';
import type { CorpusRef } from './load';

export interface FloorParams { corpus: CorpusRef; warmup: CorpusRef }

export interface FloorResult {
  bytes: number;
  /** `tokenize(text)` from server/src/core/scan over every document. */
  tokenizeS: number;
  tokenizeCpuS: number;
  tokens: number;
  /** One `exec` loop of a words-and-numbers regular expression over every document. */
  regexS: number;
  matches: number;
}

const WORDS = /[\p{L}\p{M}]+|\d[\d,.]*/gu;

function regexPass(texts: string[]): number {
  let n = 0;
  for (const text of texts) {
    WORDS.lastIndex = 0;
    while (WORDS.exec(text) !== null) n++;
  }
  return n;
}

export const floorMeasurement: Measurement<FloorParams, FloorResult> = {
  id: 'floor',
  async run(p) {
    const { tokenize } = await import('../../server/src/core/scan');
    const warm = loadCorpus(p.warmup).docs.map(d => d.text);
    for (const text of warm) tokenize(text);
    regexPass(warm);

    const { docs, bytes } = loadCorpus(p.corpus);
    const texts = docs.map(d => d.text);
    collectGarbage();
    let tokens = 0;
    const cpu = process.cpuUsage();
    let t = performance.now();
    for (const text of texts) tokens += tokenize(text).n;
    const tokenizeS = (performance.now() - t) / 1000;
    const tokenizeCpuS = cpuSeconds(cpu);
    t = performance.now();
    const matches = regexPass(texts);
    const regexS = (performance.now() - t) / 1000;
    return { bytes, tokenizeS, tokenizeCpuS, tokens, regexS, matches };
  },
};
