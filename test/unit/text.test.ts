import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeBytes, lineStarts, positionAt, prepareText } from '../../server/src/core';

test('decodeBytes strips a BOM and refuses binary and invalid UTF-8', () => {
  const bom = decodeBytes(new Uint8Array([0xef, 0xbb, 0xbf, 0x68, 0x69]));
  assert.deepEqual(bom, { ok: true, text: 'hi', bom: true });
  const bin = decodeBytes(new Uint8Array([0x68, 0x00, 0x69]));
  assert.equal(bin.ok, false);
  const bad = decodeBytes(new Uint8Array([0x68, 0xff, 0xfe, 0x69]));
  assert.equal(bad.ok, false);
  if (!bad.ok) assert.match(bad.reason, /UTF-8/);
  assert.equal(prepareText('\ufeffabc'), 'abc');
});

test('positions count CRLF, LF and lone CR as one line break each', () => {
  const text = 'a\r\nb\nc\rd';
  const starts = lineStarts(text);
  assert.deepEqual([...starts], [0, 3, 5, 7]);
  assert.deepEqual(positionAt(starts, text.indexOf('d')), { line: 3, character: 0 });
  assert.deepEqual(positionAt(starts, 1), { line: 0, character: 1 });
});
