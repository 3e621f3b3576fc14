// The hostile-input families of the benchmark: each text grows with its n (so the suite's "twice the size" is), and
// each still holds what makes it hostile.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FAMILIES } from '../../bench/hostile/texts';
import { analyzeDocument } from '../../server/src/core';

test('every hostile family doubles its text with its n and is the same text each time', () => {
  for (const f of FAMILIES) {
    const a = f.text(500), b = f.text(1000);
    assert.ok(b.length >= 1.9 * a.length && b.length <= 2.1 * a.length, `${f.id}: ${a.length} -> ${b.length}`);
    assert.equal(f.text(500), a, `${f.id} is deterministic`);
  }
});

test('hostile families hold what they are named for', () => {
  const text = (id: string, n: number) => FAMILIES.find(f => f.id === id)!.text(n);
  // each glued country-and-word pair once (the once-only test must look at every one)
  const glued = text('glued-countries', 3000).trim().split(' ');
  assert.equal(new Set(glued).size, glued.length);
  assert.ok(analyzeDocument('g.txt', text('glued-countries', 200)).mentions.filter(m => m.kind === 'place').length >= 150, 'the glued words are read as countries');
  // no sentence end and no blank line where the family says so
  assert.ok(!/[.!?]/.test(text('amounts-no-stop', 100)));
  assert.ok(!/\n\s*\n/.test(text('promotions', 100)));
  const names = text('names-acronyms', 2000);
  assert.equal(new Set(names.match(/B[A-Z]{3}\b/g)).size, 2000, 'distinct acronyms');
});
