import { test } from 'node:test';
import assert from 'node:assert/strict';
import v8 from 'node:v8';
import vm from 'node:vm';
import { analyzeDocument } from '../../server/src/core';

/** Whether any string on the heap but `needle` itself, after a full collection, contains `needle`. */
async function onHeap(needle: string): Promise<boolean> {
  // (the engine keeps the subject of the last regular expression run, as every JS program does: another run replaces it)
  /x/.test('y');
  v8.setFlagsFromString('--expose-gc');
  (vm.runInNewContext('gc') as () => void)();
  let json = '';
  for await (const chunk of v8.getHeapSnapshot()) json += chunk;
  const strings = (JSON.parse(json) as { strings: string[] }).strings;
  return strings.some(s => s.length > needle.length && s.includes(needle));
}

test('an article whose analysis is let go leaves nothing of its text in memory (what the engine caches across documents is cut out of it, not a view of it)', async () => {
  // a word no source holds: only the article's own text can put it on the heap
  const marker = ['Quix', 'otemb', 'ergh'].join('') + String(Date.now() % 100000);
  const article = () => [
    `${marker} Harbour News — March 3, 2026`,
    'President Anna Lindqvist met Prime Minister Tomas Berg in Velmar on Monday.',
    'Anna Lindqvist, the chief executive of the Northern Shipping Council, said exports would reach $4.2 billion by September 2030.',
    'The Northern Shipping Council (NSC) expects 12,000 new jobs, President Lindqvist said. Lindqvist, the Northern Shipping Council chief executive, said the NSC would hire 300 engineers.',
    'Trade rose 8.5% to $3.1 billion in the first half of 2025, up from $2.9 billion a year earlier.',
  ].join(' ') + ' The council met again.'.repeat(200);
  (function analyseAndDrop() {
    const a = analyzeDocument('file:///a.txt', article());
    // the analysis found what would be cached: a role, titles and short forms as evidence, a time phrase
    assert.ok(a.figures.some(f => f.time.text && f.time.text.length >= 13), 'a time phrase of 13 characters or more');
    assert.ok(a.mentions.some(m => m.role && m.role.length >= 13), 'an appositive role of 13 characters or more');
    assert.ok(a.mentions.some(m => m.evidence.some(e => e.startsWith('short for ') && e.length >= 23)), 'a short form as evidence');
  })();
  // another document, so that what is kept for the current document only is let go
  analyzeDocument('file:///b.txt', 'Officials in Velmar met on Tuesday and signed 3 agreements.');
  assert.equal(await onHeap(marker), false);
});
