// The CLI's JSON writer: the very text JSON.stringify(value, null, 2) gives, in pieces of bounded size, so that the
// report of a very large article (longer than the longest string V8 can make) is still written.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { jsonPieces } from '../../server/src/cli/jsonPieces';

test('the pieces join to what JSON.stringify(value, null, 2) gives, for any plain data', () => {
  fc.assert(fc.property(fc.jsonValue(), fc.integer({ min: 1, max: 64 }), (v, size) => {
    assert.equal([...jsonPieces(v, size)].join(''), JSON.stringify(v, null, 2) + '\n');
  }), { numRuns: 300 });
  // what JSON.stringify leaves out of objects, and writes as null in arrays
  const odd = { a: undefined, b: [undefined, () => 1, NaN, -0, 1e21], c: { d: null }, e: [], f: {}, g: 'é"\n' };
  assert.equal([...jsonPieces(odd)].join(''), JSON.stringify(odd, null, 2) + '\n');
});

test('no piece is much longer than asked: a long list is written as it goes', () => {
  const figures = Array.from({ length: 20000 }, (_, i) => ({ file: `a${i}.txt`, line: i, text: 'US$86.8 billion', value: 86.8e9 }));
  const pieces = [...jsonPieces({ figures }, 4096)];
  assert.ok(pieces.length > 100, `${pieces.length} pieces`);
  assert.ok(pieces.every(p => p.length < 4096 + 200), `longest ${Math.max(...pieces.map(p => p.length))}`);
  assert.deepEqual(JSON.parse(pieces.join('')), { figures });
});
