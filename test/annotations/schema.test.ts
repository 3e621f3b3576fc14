import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { Keys, ENTITY_KINDS, KIND_SPELLINGS, VERDICTS, RELIABILITIES, parseAnnotations } from '../../server/src/core/annotations';
import { validate } from './jsonschema';
import { annotated } from './fixtures';

const root = path.resolve(__dirname, '../../..');
const schema = JSON.parse(readFileSync(path.join(root, 'schemas/triangulate.schema.json'), 'utf8'));
const defs = schema.definitions;

test('the schema is draft-07 and lists exactly the keys the parser knows', () => {
  assert.equal(schema.$schema, 'http://json-schema.org/draft-07/schema#');
  const keysOf = (o: { properties: Record<string, unknown> }) => Object.keys(o.properties).sort();
  assert.deepEqual(keysOf(schema), [...Keys.root].sort());
  assert.deepEqual(keysOf(defs.source), [...Keys.source].sort());
  assert.deepEqual(keysOf(defs.entity), [...Keys.entity].sort());
  assert.deepEqual(keysOf(defs.notEntity.anyOf[1]), [...Keys.notEntity].sort());
  assert.deepEqual(keysOf(defs.tag), [...Keys.tag].sort());
  assert.deepEqual(keysOf(defs.claim), [...Keys.claim].sort());
  assert.deepEqual(keysOf(defs.anchor), [...Keys.anchor].sort());
  assert.deepEqual(keysOf(defs.split), [...Keys.split].sort());
  assert.deepEqual(keysOf(defs.verdict), [...Keys.verdict].sort());
  assert.deepEqual(keysOf(defs.ignore), [...Keys.ignore].sort());
  assert.deepEqual([...defs.kind.enum].sort(), [...ENTITY_KINDS, ...Object.keys(KIND_SPELLINGS)].sort());
  assert.deepEqual(defs.verdictValue.enum, [...VERDICTS]);
  assert.deepEqual(defs.reliability.enum, [...RELIABILITIES]);
});

test('the schema and the parser agree on what is a clean file', () => {
  const cases: [string, boolean][] = [
    [annotated, true],
    ['', true],
    ['version: 1\nverdicts:\n', true],
    ['version: 2\n', false],
    ['verdicts:\n  - { file: a.txt, exact: "1", verdict: accepted }\n', true],
    ['verdicts:\n  - { file: a.txt, exact: "1", verdict: acepted }\n', false],
    ['verdicts:\n  - { file: a.txt, verdict: accepted }\n', false],
    ['verdicts:\n  - { file: a.txt, exact: "1", verdict: wrong, colour: red }\n', false],
    ['verdict:\n  - { file: a.txt, exact: "1", verdict: wrong }\n', false],
    ['verdicts:\n  file: a.txt\n', false],
    ['- a\n- b\n', false],
    ['tags:\n  - { file: a.txt, exact: Ellery, kind: place }\n', true],
    ['tags:\n  - { file: a.txt, exact: Ellery, kind: location }\n', false],
    ['tags:\n  - { file: a.txt, exact: Ellery, kind: organisation }\n', true],
    ['tags:\n  - { file: a.txt, exact: Ellery }\n', false],
    ['entities:\n  - { name: Mira, kind: person, aliases: [M.] }\n', true],
    ['entities:\n  - Mira\n', false],
    ['entities:\n  - { kind: person }\n', false],
    ['not_entities: [Read also, { file: a.txt, exact: Monday }, { name: Sunday }]\n', true],
    ['not_entities:\n  - { file: a.txt }\n', false],
    ['claims:\n  - { id: c, label: L, figures: [{ file: a.txt, exact: "2" }] }\n', true],
    ['claims:\n  - { id: c, figures: [{ file: a.txt, exact: "2", start: -1 }] }\n', false],
    ['claims:\n  - { id: c, figures: [{ file: a.txt, exact: "2", start: 4 }] }\n', true],
    ['claims:\n  - { id: c, label: L }\n', false],
    ['splits:\n  - figures: [{ file: a.txt, exact: "2" }, { file: b.txt, exact: "3" }]\n', true],
    ['splits:\n  - figures: [{ file: a.txt, exact: "2" }]\n', false],
    ['sources:\n  a.txt: { outlet: X, published: 2025-03-03, reliability: low, url: "https://x.test" }\n', true],
    ['sources:\n  a.txt: { published: March 3 }\n', false],
    ['sources:\n  a.txt: { reliability: so-so }\n', false],
    ['sources:\n  - a.txt\n', false],
    ['sources:\n  a.txt:\n', true],
    ['ignore:\n  - { claim: c }\n  - { code: conflicting-figure }\n  - { code: conflicting-figure, file: a.txt }\n  - { file: a.txt }\n  - { file: a.txt, exact: "5" }\nclaims:\n  - { id: c, figures: [] }\n', true],
    ['ignore:\n  - { claim: c, code: x }\nclaims:\n  - { id: c, figures: [] }\n', false],
    ['ignore:\n  - { note: why }\n', false],
  ];
  for (const [text, clean] of cases) {
    const r = parseAnnotations(text);
    const parserClean = r.model !== null && r.problems.length === 0;
    const schemaErrors = validate(schema, parse(text) ?? null);
    assert.equal(parserClean, clean, `parser on ${JSON.stringify(text)}: ${r.problems.map(p => p.message).join('; ')}`);
    assert.equal(schemaErrors.length === 0, clean, `schema on ${JSON.stringify(text)}: ${schemaErrors.join('; ')}`);
  }
});

test('the example in docs/annotations.md is clean for the parser, the schema and the resolver', async () => {
  const { resolveAnnotations } = await import('../../server/src/core/annotations');
  const { articles } = await import('./fixtures');
  const md = readFileSync(path.join(root, 'docs/annotations.md'), 'utf8');
  const block = /```yaml\n([\s\S]*?)```/.exec(md);
  assert.ok(block, 'the doc has a YAML example');
  const r = parseAnnotations(block[1]);
  assert.deepEqual(r.problems, []);
  assert.deepEqual(validate(schema, parse(block[1])), []);
  const res = resolveAnnotations(r.model!, articles);
  assert.deepEqual(res.problems, []);
  assert.equal(res.resolved.verdicts[0].start, 219);
  // Every key of the format is documented.
  for (const k of new Set(Object.values(Keys).flat())) assert.ok(md.includes('`' + k + '`'), `docs mention ${k}`);
});
