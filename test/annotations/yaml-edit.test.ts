import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'yaml';
import { applyEdits, applyTextEdits, diffEdits, keysAt } from '../../server/src/core/annotations';
import type { EditOp } from '../../server/src/core/annotations';

function apply(text: string, ops: EditOp[]): string {
  const r = applyEdits(text, ops);
  assert.ok(r.ok, r.ok ? '' : r.error);
  assert.equal(applyTextEdits(text, r.edits), r.text);
  return r.text;
}

test('empty values, comments after a key and one value written alone become lists in place', () => {
  assert.equal(apply('version: 1\nentities: ~ # none yet\n', [{ op: 'append', path: ['entities'], value: { name: 'Ana' } }]), 'version: 1\nentities: # none yet\n  - name: Ana\n');
  assert.equal(apply('version: 1\nentities: [] # none yet\n', [{ op: 'append', path: ['entities'], value: { name: 'Ana' } }]), 'version: 1\nentities: # none yet\n  - name: Ana\n');
  assert.equal(apply('version: 1\nnot_entities:\n', [{ op: 'append', path: ['not_entities'], value: 'Mon, day' }]), 'version: 1\nnot_entities: [ "Mon, day" ]\n');
  assert.equal(apply('entities:\n  - name: A\n    aliases: Ay\n', [{ op: 'append', path: ['entities', 0, 'aliases'], value: 'B' }]), 'entities:\n  - name: A\n    aliases: [ Ay, B ]\n');
});

test('values that YAML would misread are quoted: flow indicators, numbers-as-text, leading spaces, line breaks', () => {
  const t = apply('version: 1\nentities:\n  - {name: A, aliases: [X]}\n', [
    { op: 'append', path: ['entities', 0, 'aliases'], value: 'B], c' },
    { op: 'append', path: ['entities', 0, 'aliases'], value: '2024' },
    { op: 'set', path: ['entities', 0, 'note'], value: ' two\nlines' },
  ]);
  assert.deepEqual(parse(t).entities[0], { name: 'A', aliases: ['X', 'B], c', '2024'], note: ' two\nlines' });
  assert.match(t, /^  - \{name: A, aliases: \[X, "B\], c", "2024"\], note: " two\\nlines"\}$/m, 'kept on its one line');
});

test('the Document API is the fallback for layouts a splice cannot handle, still checked', () => {
  const flowRoot = '{version: 1}\n';
  const t = apply(flowRoot, [{ op: 'append', path: ['verdicts'], value: { file: 'a.txt', exact: '1', verdict: 'wrong' } }]);
  assert.deepEqual(parse(t), { version: 1, verdicts: [{ file: 'a.txt', exact: '1', verdict: 'wrong' }] });
  const withMarkers = '---\nversion: 1\n...\n';
  const t2 = apply(withMarkers, [{ op: 'append', path: ['claims'], value: { id: 'a', figures: [] } }]);
  assert.deepEqual(parse(t2), { version: 1, claims: [{ id: 'a', figures: [] }] });
});

test('refusals: syntax errors, duplicate keys, alias bombs, a list at the top, missing paths', () => {
  const bomb = 'a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n';
  for (const [text, op] of [
    ['a: [1\n', { op: 'set', path: ['version'], value: 1 }],
    ['a: 1\na: 2\n', { op: 'set', path: ['version'], value: 1 }],
    [bomb, { op: 'set', path: ['version'], value: 1 }],
    ['- x\n', { op: 'append', path: ['verdicts'], value: 1 }],
    ['version: 1\n', { op: 'remove', path: ['verdicts', 0] }],
    ['version: 1\nclaims: []\n', { op: 'renameKey', path: ['claims'], key: 'version' }],
  ] as [string, EditOp][]) {
    const r = applyEdits(text, [op]);
    assert.equal(r.ok, false, text);
  }
});

test('diffEdits is one minimal edit that never splits a CRLF or a surrogate pair', () => {
  assert.deepEqual(diffEdits('abc', 'abc'), []);
  assert.deepEqual(diffEdits('a: 1\n', 'a: 2\n'), [{ start: 3, end: 4, newText: '2' }]);
  const crlf = diffEdits('a\r\nb', 'a\r\r\nb');
  assert.equal(applyTextEdits('a\r\nb', crlf), 'a\r\r\nb');
  assert.ok(!('a\r\nb'[crlf[0].start - 1] === '\r' && 'a\r\nb'[crlf[0].start] === '\n'));
  const emoji = diffEdits('x\u{1F600}y', 'x\u{1F601}y');
  assert.deepEqual(emoji, [{ start: 1, end: 3, newText: '\u{1F601}' }]);
  assert.deepEqual(keysAt('a:\n  b: 1\n  c: 2\n', ['a']), ['b', 'c']);
  assert.equal(keysAt('a: [1]\n', ['a']), null);
});

test('removing a tag keeps the comment lines written inside it', () => {
  const text = 'version: 1\nverdicts:\n  - file: a.txt\n    # checked with the agency\n    exact: "1"\n    verdict: wrong\n  - file: b.txt\n    exact: "2"\n    verdict: accepted\n';
  const out = apply(text, [{ op: 'remove', path: ['verdicts', 0] }]);
  assert.equal(out, 'version: 1\nverdicts:\n    # checked with the agency\n  - file: b.txt\n    exact: "2"\n    verdict: accepted\n');
  // The first key of a list item moves its neighbour up behind the dash.
  const first = apply('entities:\n  - name: A\n    kind: place  # a town\n', [{ op: 'remove', path: ['entities', 0, 'name'] }]);
  assert.equal(first, 'entities:\n  - kind: place  # a town\n');
});
