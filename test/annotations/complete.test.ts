import { test } from 'node:test';
import assert from 'node:assert/strict';
import { completeAt } from '../../server/src/core/annotations';
import type { CompletionLists } from '../../server/src/core/annotations';

const lists: CompletionLists = { entityNames: ['Mira Okonkwo', 'Harbor Authority'], claimIds: ['cargo-2024'], files: ['harbor.txt', 'gazette.txt'] };

/** Completion at the `|` in the text. */
function at(textWithCursor: string) {
  const offset = textWithCursor.indexOf('|');
  assert.ok(offset >= 0);
  const text = textWithCursor.slice(0, offset) + textWithCursor.slice(offset + 1);
  const r = completeAt(text, offset, lists);
  return { labels: r.items.map(i => i.label), r, text, offset };
}

test('top-level keys, without the ones already there', () => {
  const { labels, r } = at('version: 1\nclaims: []\nver|');
  assert.ok(labels.includes('verdicts') && labels.includes('sources') && labels.includes('ignore'));
  assert.ok(!labels.includes('claims') && !labels.includes('version'));
  assert.deepEqual(r.range, { start: 'version: 1\nclaims: []\n'.length, end: 'version: 1\nclaims: []\n'.length + 3 });
  assert.equal(r.items.find(i => i.label === 'verdicts')?.insertText, 'verdicts: ');
});

test('keys of a list item follow the section, and skip the keys the item has', () => {
  const v = at('verdicts:\n  - file: harbor.txt\n    |\n');
  assert.ok(v.labels.includes('exact') && v.labels.includes('verdict') && v.labels.includes('note'));
  assert.ok(!v.labels.includes('file'));
  assert.ok(!v.labels.includes('kind'));
  const first = at('entities:\n  - |');
  assert.deepEqual(first.labels, ['name', 'kind', 'aliases', 'note']);
  const fig = at('claims:\n  - id: a\n    figures:\n      - file: a.txt\n        |');
  assert.deepEqual(fig.labels, ['exact', 'prefix', 'suffix', 'start']);
  const src = at('sources:\n  harbor.txt:\n    outlet: X\n    |');
  assert.ok(src.labels.includes('published') && !src.labels.includes('outlet'));
});

test('article files as keys under sources, without those listed', () => {
  const { labels, r } = at('sources:\n  harbor.txt:\n    outlet: X\n  |');
  assert.deepEqual(labels, ['gazette.txt']);
  assert.equal(r.items[0].insertText, 'gazette.txt: ');
});

test('values: kinds, verdicts, reliability, files, claim ids, entity names, codes', () => {
  assert.deepEqual(at('tags:\n  - file: a.txt\n    kind: pl|').labels, ['person', 'place', 'organization', 'other']);
  const v = at('verdicts:\n  - file: a.txt\n    verdict: |');
  assert.deepEqual(v.labels, ['accepted', 'disputed', 'wrong']);
  assert.deepEqual(v.r.range, { start: v.offset, end: v.offset });
  assert.deepEqual(at('sources:\n  a.txt:\n    reliability: |').labels, ['high', 'medium', 'low', 'unknown']);
  assert.deepEqual(at('verdicts:\n  - file: |').labels, ['harbor.txt', 'gazette.txt']);
  assert.deepEqual(at('ignore:\n  - claim: c|').labels, ['cargo-2024']);
  assert.ok(at('ignore:\n  - code: |').labels.includes('conflicting-figure'));
  assert.deepEqual(at('tags:\n  - kind: person\n    name: |').labels, ['Mira Okonkwo', 'Harbor Authority']);
  assert.deepEqual(at('entities:\n  - name: |').labels, [], 'a new entity name is not offered from the list');
  assert.deepEqual(at('not_entities:\n  - |').labels.slice(0, 2), ['Mira Okonkwo', 'Harbor Authority']);
});

test('inside flow collections on one line', () => {
  const keys = at('verdicts:\n  - { file: a.txt, ex| }');
  assert.ok(keys.labels.includes('exact') && !keys.labels.includes('file'));
  assert.deepEqual(keys.r.range, { start: keys.offset - 2, end: keys.offset });
  assert.deepEqual(at('verdicts:\n  - { file: a.txt, exact: "1", verdict: | }').labels, ['accepted', 'disputed', 'wrong']);
  assert.deepEqual(at('entities:\n  - name: Mira\n    aliases: [Oko|]').labels, ['Mira Okonkwo', 'Harbor Authority']);
  const src = at('sources:\n  a.txt: { outlet: X, reli| }').labels;
  assert.ok(src.includes('reliability') && src.includes('published') && !src.includes('outlet'));
  assert.deepEqual(at('claims:\n  - id: a\n    figures:\n      - { file: a.txt, | }').labels, ['exact', 'prefix', 'suffix', 'start']);
});

test('nothing in comments, unknown sections or past the end', () => {
  assert.deepEqual(at('# ver|').labels, []);
  assert.deepEqual(at('verdicts:\n  - note: x # kin|').labels, []);
  assert.deepEqual(at('mystery:\n  - |').labels, []);
  assert.doesNotThrow(() => completeAt('abc', 99));
  assert.doesNotThrow(() => completeAt('', 0));
  assert.ok(completeAt('', 0).items.some(i => i.label === 'verdicts'));
});

test('likely entities for "alias of": surname, acronym, near spelling; not the same name or unrelated ones', async () => {
  const { likelyAliasTargets } = await import('../../server/src/core/annotations');
  const names = ['Mira Okonkwo', 'Harbor Authority', 'Port Ellery', 'Nordlift AS', 'Ada Okonkwo-Bell'];
  assert.deepEqual(likelyAliasTargets('Okonkwo', names), ['Mira Okonkwo', 'Ada Okonkwo-Bell']);
  assert.deepEqual(likelyAliasTargets('HA', names), ['Harbor Authority']);
  assert.deepEqual(likelyAliasTargets('Port Elery', names), ['Port Ellery']);
  assert.deepEqual(likelyAliasTargets('Mira Okonkwo', ['Mira Okonkwo']), []);
  assert.deepEqual(likelyAliasTargets('Zebra', names), []);
});
