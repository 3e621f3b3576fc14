import { test } from 'node:test';
import assert from 'node:assert/strict';
import { editDistance, suggest, slugify, normalizeArticlePath, Keys, ENTITY_KINDS, VERDICTS, isoDate } from '../../server/src/core/annotations';

test('editDistance counts insertions, deletions and substitutions, and stops past its cap', () => {
  assert.equal(editDistance('kitten', 'sitting'), 3);
  assert.equal(editDistance('', 'abc'), 3);
  assert.equal(editDistance('same', 'same'), 0);
  assert.equal(editDistance('aaaaaaaa', 'bbbbbbbb', 2), 3, 'capped at cap + 1');
});

test('suggest: synonyms people use, typos, plurals; nothing for unrelated words', () => {
  assert.equal(suggest('alias', Keys.entity), 'aliases');
  assert.equal(suggest('type', Keys.entity), 'kind');
  assert.equal(suggest('date', Keys.source), 'published');
  assert.equal(suggest('verdicst', Keys.root), 'verdicts');
  assert.equal(suggest('claim', Keys.root), 'claims');
  assert.equal(suggest('Ignores', Keys.root), 'ignore');
  assert.equal(suggest('not-entities', Keys.root), 'not_entities');
  assert.equal(suggest('location', ENTITY_KINDS), 'place');
  assert.equal(suggest('company', ENTITY_KINDS), 'organization');
  assert.equal(suggest('acepted', VERDICTS), 'accepted');
  assert.equal(suggest('incorrect', VERDICTS), 'wrong');
  assert.equal(suggest('banana', Keys.root), undefined);
  assert.equal(suggest('constructor', Keys.root), undefined, 'no prototype keys');
  assert.equal(suggest('', Keys.root), undefined);
});

test('slugify makes short ASCII ids; article paths compare in one form; ISO dates are checked', () => {
  assert.equal(slugify('Cargo volume in 2024'), 'cargo-volume-in-2024');
  assert.equal(slugify('Économie — Ça va?'), 'economie-ca-va');
  assert.equal(slugify('!!!'), 'claim');
  assert.ok(slugify('x'.repeat(100)).length <= 48);
  assert.equal(normalizeArticlePath('.\\news\\a.txt'), 'news/a.txt');
  assert.equal(normalizeArticlePath('./news//a.txt '), 'news/a.txt');
  assert.equal(isoDate('2025-03-03'), '2025-03-03');
  assert.equal(isoDate('2025-03-03T09:30:00+07:00'), '2025-03-03');
  assert.equal(isoDate('2025-02-29'), undefined);
  assert.equal(isoDate('3 March 2025'), undefined);
});

test('the nearest triangulate.yaml above an article applies, and article paths are relative to it', async () => {
  const { nearestAnnotationFile, articlePathFrom } = await import('../../server/src/core/annotations');
  const files = ['/news/triangulate.yaml', '/news/asia/triangulate.yaml', '/other/triangulate.yaml', '/news/asia/notes.yaml'];
  assert.equal(nearestAnnotationFile('/news/asia/korea/visit.txt', files), '/news/asia/triangulate.yaml');
  assert.equal(nearestAnnotationFile('/news/europe/a.txt', files), '/news/triangulate.yaml');
  assert.equal(nearestAnnotationFile('/newsroom/a.txt', files), undefined, 'a folder name that only starts the same does not count');
  assert.equal(nearestAnnotationFile('file:///c%3A/corpus/a.txt', ['file:///c%3A/corpus/triangulate.yaml']), 'file:///c%3A/corpus/triangulate.yaml');
  assert.equal(articlePathFrom('/news/triangulate.yaml', '/news/asia/korea/visit.txt'), 'asia/korea/visit.txt');
  assert.equal(articlePathFrom('/news/triangulate.yaml', '/other/a.txt'), undefined);
  assert.equal(articlePathFrom('triangulate.yaml', 'a.txt'), 'a.txt');
});
