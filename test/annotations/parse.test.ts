import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { AnnotationCodes, parseAnnotations, MAX_ANNOTATION_CHARS } from '../../server/src/core/annotations';
import type { AnnotationProblem } from '../../server/src/core/annotations';
import { annotated } from './fixtures';

function codes(problems: AnnotationProblem[]): string[] {
  return problems.map(p => p.code);
}

function textAt(text: string, p: AnnotationProblem): string {
  return text.slice(p.start, p.end);
}

test('a well-formed file reads into every section with its paths', () => {
  const { model, problems } = parseAnnotations(annotated);
  assert.deepEqual(problems, []);
  assert.ok(model);
  assert.equal(model.version, 1);
  assert.deepEqual(model.sources.map(s => [s.file, s.outlet, s.published, s.reliability ?? null]), [
    ['harbor.txt', 'Coastal Wire', '2025-03-03', 'high'],
    ['gazette.txt', 'The Ellery Gazette', '2025-03-04', null],
  ]);
  assert.equal(model.sources[0].url, 'https://example.test/harbor');
  assert.deepEqual(model.entities.map(e => [e.name, e.kind, e.aliases]), [
    ['Mira Okonkwo', 'person', ['Okonkwo', 'Chairwoman Okonkwo']],
    ['Harbor Authority', 'organization', []],
  ]);
  assert.deepEqual(model.notEntities.map(n => n.name), ['Read also']);
  assert.deepEqual(model.tags.map(t => [t.anchor.file, t.anchor.exact, t.kind]), [['gazette.txt', 'Nordlift AS', 'organization']]);
  const claim = model.claims[0];
  assert.equal(claim.id, 'cargo-2024');
  assert.equal(claim.label, 'Cargo volume in 2024');
  assert.deepEqual(claim.figures.map(f => [f.file, f.exact, f.prefix, f.suffix]), [
    ['harbor.txt', '4.2 million tonnes', 'cargo volume reached ', ' last year'],
    ['gazette.txt', '4.4 million tonnes', undefined, undefined],
  ]);
  assert.deepEqual(claim.figures[1].path, ['claims', 0, 'figures', 1]);
  assert.equal(annotated.slice(claim.figures[1].range.start, claim.figures[1].range.end), '{ file: gazette.txt, exact: 4.4 million tonnes }');
  assert.equal(model.splits[0].note, 'a 2027 target, not a count');
  assert.deepEqual(model.verdicts.map(v => [v.anchor.exact, v.verdict, v.note]), [['$310 million', 'accepted', 'matches the tender notice']]);
  assert.deepEqual(model.verdicts[0].path, ['verdicts', 0]);
  assert.deepEqual(model.ignores.map(i => i.type), ['claim', 'code']);
  const code = model.ignores[1];
  assert.ok(code.type === 'code' && code.code === 'conflicting-figure' && code.file === 'gazette.txt');
});

test('an empty file, or one with only comments, is an empty model without problems', () => {
  for (const text of ['', '# nothing yet\n', '\n\n']) {
    const { model, problems } = parseAnnotations(text);
    assert.deepEqual(problems, [], JSON.stringify(text));
    assert.ok(model);
    assert.equal(model.verdicts.length + model.claims.length + model.entities.length, 0);
  }
});

test('unknown keys get a "did you mean" with the suggestion in data, at the key', () => {
  const text = 'version: 1\nverdict:\n  - file: a.txt\n    exact: "12"\n    verdict: accepted\nentities:\n  - name: Ana\n    kind: person\n    alias: [Ana B.]\n';
  const { model, problems } = parseAnnotations(text);
  assert.ok(model, 'unknown keys do not discard the file');
  const root = problems.find(p => textAt(text, p) === 'verdict');
  assert.ok(root);
  assert.equal(root.code, AnnotationCodes.unknownKey);
  assert.equal(root.data?.suggestion, 'verdicts');
  assert.deepEqual(root.data?.path, ['verdict']);
  assert.match(root.message, /did you mean "verdicts"/);
  const alias = problems.find(p => textAt(text, p) === 'alias');
  assert.ok(alias);
  assert.equal(alias.data?.suggestion, 'aliases');
  assert.deepEqual(alias.data?.path, ['entities', 0, 'alias']);
  assert.equal(model.entities[0].name, 'Ana', 'the rest of the entity still applies');
});

test('unknown kinds and verdicts are reported at the value with a suggestion, and the tag is left out', () => {
  const text = [
    'tags:',
    '  - { file: a.txt, exact: Nordlift, kind: organisaton }',
    '  - { file: a.txt, exact: Ellery, kind: location }',
    '  - { file: a.txt, exact: Mira, kind: organisation }',
    'verdicts:',
    '  - { file: a.txt, exact: "6 percent", verdict: acepted }',
    '  - { file: a.txt, exact: "7 percent", verdict: wrong }',
  ].join('\n');
  const { model, problems } = parseAnnotations(text);
  assert.ok(model);
  const kind1 = problems.find(p => textAt(text, p) === 'organisaton');
  assert.equal(kind1?.code, AnnotationCodes.unknownKind);
  assert.equal(kind1?.data?.suggestion, 'organization');
  assert.deepEqual(kind1?.data?.path, ['tags', 0, 'kind']);
  assert.equal(problems.find(p => textAt(text, p) === 'location')?.data?.suggestion, 'place');
  const v = problems.find(p => textAt(text, p) === 'acepted');
  assert.equal(v?.code, AnnotationCodes.unknownVerdict);
  assert.equal(v?.data?.suggestion, 'accepted');
  // British spelling is accepted as it is.
  assert.deepEqual(model.tags.map(t => [t.anchor.exact, t.kind]), [['Mira', 'organization']]);
  assert.deepEqual(model.verdicts.map(x => x.anchor.exact), ['7 percent']);
});

test('a list where a map is expected, and the reverse, are wrong shapes with ranges', () => {
  const top = '- file: a.txt\n- file: b.txt\n';
  const r1 = parseAnnotations(top);
  assert.equal(r1.model, null, 'a list at the top gives no model (the last good one stays)');
  assert.deepEqual(codes(r1.problems), [AnnotationCodes.wrongShape]);
  assert.equal(r1.problems[0].start, 0);

  const text = 'sources:\n  - harbor.txt\nverdicts:\n  file: a.txt\nentities:\n  - Mira\n  - name: Ana\n';
  const r2 = parseAnnotations(text);
  assert.ok(r2.model, 'a bad section does not discard the others');
  const shapes = r2.problems.filter(p => p.code === AnnotationCodes.wrongShape);
  assert.equal(shapes.length, 3);
  assert.ok(shapes.some(p => textAt(text, p).startsWith('- harbor.txt')));
  assert.ok(shapes.some(p => textAt(text, p).startsWith('file: a.txt')));
  assert.ok(shapes.some(p => textAt(text, p) === 'Mira'));
  assert.deepEqual(r2.model.entities.map(e => e.name), ['Ana']);
});

test('syntax errors are reported at their position and give no model', () => {
  const text = 'version: 1\nverdicts:\n  - file: a.txt\n    exact: [unclosed\n';
  const { model, problems } = parseAnnotations(text);
  assert.equal(model, null);
  assert.ok(problems.length >= 1);
  assert.ok(problems.every(p => p.code === AnnotationCodes.parseError && p.severity === 'error'));
  assert.ok(problems[0].start >= text.indexOf('['), 'the error points into the broken value, not at the top');
});

test('tabs as indentation and duplicate keys are errors at the offending character', () => {
  const tabs = 'verdicts:\n\t- file: a.txt\n';
  const t = parseAnnotations(tabs);
  assert.equal(t.model, null);
  assert.ok(t.problems.some(p => p.start === tabs.indexOf('\t')));

  const dup = 'version: 1\nclaims: []\nclaims: []\n';
  const d = parseAnnotations(dup);
  assert.equal(d.model, null);
  const p = d.problems.find(x => x.code === AnnotationCodes.duplicateKey);
  assert.ok(p);
  assert.equal(p.start, dup.lastIndexOf('claims'));
});

test('an alias bomb is refused quickly without expanding it', () => {
  const lines = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
  for (let i = 1; i < 12; i++) lines.push(`${'abcdefghijklmnop'[i]}: &${'abcdefghijklmnop'[i]} [${Array(10).fill('*' + 'abcdefghijklmnop'[i - 1]).join(',')}]`);
  const bomb1 = lines.join('\n');
  // Unknown keys are not expanded at all.
  const t0 = Date.now();
  const r1 = parseAnnotations(bomb1);
  assert.ok(Date.now() - t0 < 8000);
  assert.ok(r1.problems.some(p => p.code === AnnotationCodes.unknownKey));
  // Inside known keys, expansion is counted and stopped.
  const inside = ['defs: &f0 { file: a.txt, exact: "1" }'];
  const refs = (n: number, name: string) => `[${Array(n).fill('*' + name).join(', ')}]`;
  // Expanded, this would be 1000 claims of 1000 figures each: a million anchors.
  const bomb2 = `x0: &l0 ${refs(1000, 'f0')}\n` + 'claims:\n' + Array.from({ length: 1000 }, (_, i) => `  - { id: c${i}, figures: *l0 }`).join('\n');
  const t1 = Date.now();
  const r2 = parseAnnotations(inside.join('\n') + '\n' + bomb2);
  assert.ok(Date.now() - t1 < 8000, 'stopped long before expanding it');
  assert.equal(r2.model, null);
  assert.ok(r2.problems.some(p => p.code === AnnotationCodes.aliasLimit));
});

test('a few aliases are fine and read as their target', () => {
  const text = 'claims:\n  - id: a\n    figures:\n      - &fig { file: a.txt, exact: "4.2 million tonnes" }\nverdicts:\n  - { file: a.txt, exact: "4.2 million tonnes", verdict: disputed }\nsplits:\n  - figures: [*fig, { file: b.txt, exact: "5" }]\n';
  const { model, problems } = parseAnnotations(text);
  assert.deepEqual(problems, []);
  assert.ok(model);
  assert.equal(model.splits[0].figures[0].exact, '4.2 million tonnes');
  const unresolved = parseAnnotations('claims:\n  - id: a\n    figures: [*nothing]\n');
  assert.ok(unresolved.problems.some(p => /Unresolved alias/.test(p.message)));
});

test('a 10 MB file is refused with one problem on its first line, without parsing it', () => {
  const big = 'version: 1\n' + '# padding padding padding padding padding padding padding padding\n'.repeat(Math.ceil(10 * 1024 * 1024 / 66));
  assert.ok(big.length > MAX_ANNOTATION_CHARS);
  const t0 = Date.now();
  const { model, problems } = parseAnnotations(big);
  assert.ok(Date.now() - t0 < 1000);
  assert.equal(model, null);
  assert.deepEqual(codes(problems), [AnnotationCodes.tooLarge]);
  assert.deepEqual([problems[0].start, problems[0].end], [0, 'version: 1'.length]);
});

test('deep nesting and junk do not crash the parser', () => {
  for (const text of ['['.repeat(50000), '{'.repeat(50000) + '}'.repeat(50000), 'claims: ' + '['.repeat(20000) + ']'.repeat(20000), '\u0000\u0001', '? [a]\n: b\n', '%YAML 1.2\n---\na: 1\n---\nb: 2\n', '!!binary x: 1']) {
    const r = parseAnnotations(text);
    for (const p of r.problems) assert.ok(p.start >= 0 && p.start <= p.end && p.end <= text.length);
  }
});

test('missing and empty required values are reported on the tag', () => {
  const text = 'verdicts:\n  - { file: a.txt, verdict: accepted }\n  - { file: a.txt, exact: "", verdict: wrong }\n  - { exact: "9", file: a.txt }\nclaims:\n  - label: Cargo\n';
  const { model, problems } = parseAnnotations(text);
  assert.ok(model);
  assert.equal(model.verdicts.length, 0);
  assert.deepEqual(codes(problems).sort(), [AnnotationCodes.invalidValue, AnnotationCodes.missingKey, AnnotationCodes.missingKey, AnnotationCodes.missingKey].sort());
  assert.ok(problems.some(p => /needs "exact"/.test(p.message)));
  assert.ok(problems.some(p => /needs "verdict"/.test(p.message)));
  assert.ok(problems.some(p => /needs "figures"/.test(p.message)));
  assert.equal(model.claims[0].id, 'cargo', 'a claim without an id gets one from its label');
  assert.equal(model.claims[0].idGenerated, true);
});

test('bad dates, reliability, starts and versions are reported', () => {
  const text = 'sources:\n  a.txt: { published: 2025-02-30, reliability: hihg }\n  b.txt: { published: "2025-03-04T10:00:00Z" }\ntags:\n  - { file: a.txt, exact: X, kind: person, start: -3 }\n';
  const { model, problems } = parseAnnotations(text);
  assert.ok(model);
  assert.ok(problems.some(p => p.code === AnnotationCodes.invalidValue && textAt(text, p) === '2025-02-30'));
  assert.equal(problems.find(p => p.code === AnnotationCodes.unknownValue)?.data?.suggestion, 'high');
  assert.equal(model.sources[1].published, '2025-03-04', 'a date-time is cut to its date');
  assert.ok(problems.some(p => p.code === AnnotationCodes.invalidValue && textAt(text, p) === '-3'));
  assert.equal(model.tags[0].anchor.start, undefined);
  const v = parseAnnotations('version: 2\nclaims: []\n');
  assert.equal(v.model, null);
  assert.equal(v.problems[0].code, AnnotationCodes.unsupportedVersion);
});

test('duplicate claim ids and ignore items naming two things are reported', () => {
  const text = 'claims:\n  - { id: a, figures: [] }\n  - { id: a, figures: [] }\nignore:\n  - { claim: a, code: conflicting-figure }\n  - { file: b.txt }\n';
  const { model, problems } = parseAnnotations(text);
  assert.ok(model);
  assert.ok(problems.some(p => p.code === AnnotationCodes.duplicateId));
  assert.ok(problems.some(p => p.code === AnnotationCodes.invalidValue && /names one thing/.test(p.message)));
  assert.deepEqual(model.ignores.map(i => i.type), ['file']);
});

test('property: parseAnnotations never throws and every problem range lies inside the text', () => {
  const yamlish = fc.array(fc.constantFrom('version: 1', 'verdicts:', '  - ', 'file: a.txt', 'exact: "x"', 'kind: place', '{', '}', '[', ']', '&a ', '*a', ': ', '\t', '#', '\n', '  ', '"', "'", 'claims:', 'figures:', '- ', '?', '|', '>', '---', 'sources:', 'a.txt:'), { maxLength: 40 }).map(a => a.join(''));
  fc.assert(fc.property(fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 100 }), yamlish), text => {
    const r = parseAnnotations(text);
    for (const p of r.problems) {
      if (!(p.start >= 0 && p.start <= p.end && p.end <= text.length)) return false;
      if (!p.code || !p.message) return false;
    }
    return r.model !== null || r.problems.some(p => p.severity === 'error');
  }), { numRuns: 600 });
});
