import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  AnnotationCodes, parseAnnotations, resolveAnnotations, verdictFor, isFigureIgnored, joinFor, areSplit, entityRuleFor,
  isNotEntity, isSilenced,
} from '../../server/src/core/annotations';
import type { AnnotationModel, ArticleInput } from '../../server/src/core/annotations';
import { annotated, articles, harbor, gazette } from './fixtures';

function model(text: string): AnnotationModel {
  const r = parseAnnotations(text);
  assert.ok(r.model, JSON.stringify(r.problems));
  return r.model;
}

const H = 'file:///corpus/harbor.txt';
const G = 'file:///corpus/gazette.txt';

function at(doc: string, text: string, exact: string) {
  const start = text.indexOf(exact);
  assert.ok(start >= 0, exact);
  return { doc, start, end: start + exact.length };
}

test('the example file resolves to engine terms: doc ids and offsets', () => {
  const { resolved, problems } = resolveAnnotations(model(annotated), articles);
  assert.deepEqual(problems, []);
  assert.equal(resolved.sources[H].published, '2025-03-03');
  assert.equal(resolved.sources[H].outlet, 'Coastal Wire');
  assert.equal(resolved.sources[H].reliability, 'high');
  assert.equal(resolved.sources[G].published, '2025-03-04');
  assert.deepEqual(resolved.entities.map(e => [e.name, e.kind, e.aliases]), [
    ['Mira Okonkwo', 'person', ['Okonkwo', 'Chairwoman Okonkwo']], ['Harbor Authority', 'organization', []],
  ]);
  assert.deepEqual(resolved.tags.map(t => [t.doc, gazette.slice(t.start, t.end), t.kind]), [[G, 'Nordlift AS', 'organization']]);
  const join = resolved.joins[0];
  assert.equal(join.id, 'cargo-2024');
  assert.deepEqual(join.figures.map(f => [f.doc, f.start, f.end]), [
    [H, harbor.indexOf('4.2 million'), harbor.indexOf('4.2 million') + '4.2 million tonnes'.length],
    [G, gazette.indexOf('4.4 million'), gazette.indexOf('4.4 million') + '4.4 million tonnes'.length],
  ]);
  assert.equal(resolved.claimLabels['cargo-2024'], 'Cargo volume in 2024');
  assert.equal(resolved.splits[0].figures.length, 2);
  assert.equal(resolved.verdicts[0].verdict, 'accepted');
  assert.equal(resolved.verdicts[0].note, 'matches the tender notice');
  assert.deepEqual(resolved.ignores.claims, ['cargo-2024']);
  assert.deepEqual(resolved.ignores.codes, [{ code: 'conflicting-figure', doc: G }]);
  assert.deepEqual(resolved.notEntities, ['Read also']);
  assert.equal(JSON.stringify(JSON.parse(JSON.stringify(resolved))), JSON.stringify(resolved), 'plain JSON-safe data');
});

test('lookups for the engine: verdicts, joins, splits, aliases, not-entities and silencing by overlap', () => {
  const { resolved } = resolveAnnotations(model(annotated), articles);
  // The engine's figure span may be wider than the anchored text.
  const fig = at(H, harbor, 'worth $310 million');
  assert.equal(verdictFor(resolved, fig)?.verdict, 'accepted');
  assert.equal(verdictFor(resolved, at(H, harbor, '6 percent')), undefined);
  assert.equal(joinFor(resolved, at(G, gazette, '4.4 million tonnes'))?.id, 'cargo-2024');
  assert.ok(areSplit(resolved, at(H, harbor, '5 million tonnes'), at(G, gazette, '4.4 million tonnes')));
  assert.ok(!areSplit(resolved, at(H, harbor, '4.2 million tonnes'), at(G, gazette, '4.4 million tonnes')));
  assert.equal(entityRuleFor(resolved, 'chairwoman  okonkwo')?.name, 'Mira Okonkwo');
  assert.equal(entityRuleFor(resolved, 'Nordlift'), undefined);
  assert.ok(isNotEntity(resolved, 'read also'));
  assert.ok(!isNotEntity(resolved, 'Port Ellery'));
  assert.ok(isSilenced(resolved, { code: 'conflicting-figure', doc: G, start: 0, end: 3 }));
  assert.ok(!isSilenced(resolved, { code: 'conflicting-figure', doc: H, start: 0, end: 3 }));
  assert.ok(isSilenced(resolved, { code: 'conflicting-figure', doc: H, claim: 'cargo-2024' }));
  assert.ok(!isFigureIgnored(resolved, fig));
});

test('an anchor whose text changed is stale: not applied, with the best match as the re-anchor candidate', () => {
  const edited: ArticleInput[] = [{ ...articles[0], text: harbor.replace('$310 million', '$315 million') }, articles[1]];
  const { resolved, problems } = resolveAnnotations(model(annotated), edited);
  const stale = problems.filter(p => p.code === AnnotationCodes.staleAnchor);
  assert.equal(stale.length, 1);
  assert.deepEqual(stale[0].data?.path, ['verdicts', 0]);
  assert.equal(stale[0].data?.candidate?.exact, '$315 million');
  assert.equal(stale[0].data?.candidate?.file, 'harbor.txt');
  assert.match(stale[0].message, /\$315 million/);
  const v = annotated.indexOf('  - file: harbor.txt\n    exact: "$310') + 4;
  assert.equal(stale[0].start, v, 'reported on the verdict in the YAML');
  assert.equal(resolved.verdicts.length, 0, 'a stale verdict is not applied to a different value');
  // A passage that is simply gone has no candidate.
  const gone: ArticleInput[] = [{ ...articles[0], text: 'An unrelated short note.' }, articles[1]];
  const r2 = resolveAnnotations(model(annotated), gone);
  const noCand = r2.problems.filter(p => p.code === AnnotationCodes.staleAnchor);
  assert.ok(noCand.length >= 2);
  assert.ok(noCand.every(p => p.data?.candidate === undefined));
});

test('a missing article is reported where it is named, with a suggestion for a near name', () => {
  const text = 'sources:\n  Harbor.txt: { outlet: X }\n  nowhere.txt: { outlet: Y }\nverdicts:\n  - { file: gazete.txt, exact: "4.4 million tonnes", verdict: wrong }\nignore:\n  - file: lost.txt\n';
  const { resolved, problems } = resolveAnnotations(model(text), articles);
  const missing = problems.filter(p => p.code === AnnotationCodes.missingArticle);
  assert.equal(missing.length, 4);
  assert.equal(text.slice(missing[0].start, missing[0].end), 'Harbor.txt');
  assert.equal(missing[0].data?.suggestion, 'harbor.txt');
  assert.equal(missing[1].data?.suggestion, undefined);
  assert.equal(missing[2].data?.suggestion, 'gazette.txt');
  assert.deepEqual(resolved.sources, {});
  assert.equal(resolved.verdicts.length, 0);
});

test('an article that exists but could not be read keeps its metadata and is not reported stale', () => {
  const unreadable: ArticleInput[] = [{ ...articles[0], text: undefined }, articles[1]];
  const { resolved, problems } = resolveAnnotations(model(annotated), unreadable);
  assert.deepEqual(problems, []);
  assert.equal(resolved.sources[H].published, '2025-03-03');
  assert.equal(resolved.joins[0].figures.length, 1);
});

test('contradictory tags: figures joined and split, two verdicts, an alias of two entities, two kinds for a span', () => {
  const text = `claims:
  - id: cargo
    figures:
      - { file: harbor.txt, exact: 4.2 million tonnes }
      - { file: gazette.txt, exact: 4.4 million tonnes }
splits:
  - figures:
      - { file: gazette.txt, exact: 4.4 million tonnes }
      - { file: harbor.txt, exact: 4.2 million tonnes }
verdicts:
  - { file: harbor.txt, exact: 6 percent, verdict: accepted }
  - { file: harbor.txt, exact: up 6 percent, verdict: wrong }
entities:
  - { name: Mira Okonkwo, aliases: [Okonkwo] }
  - { name: Ada Okonkwo, aliases: [okonkwo] }
tags:
  - { file: gazette.txt, exact: Nordlift AS, kind: organization }
  - { file: gazette.txt, exact: Nordlift, kind: person }
not_entities:
  - Mira Okonkwo
`;
  const { resolved, problems } = resolveAnnotations(model(text), articles);
  const c = problems.filter(p => p.code === AnnotationCodes.contradictoryTags);
  assert.equal(c.length, 5, c.map(p => p.message).join('\n'));
  const split = c.find(p => /split apart here but joined in claim "cargo"/.test(p.message));
  assert.ok(split);
  assert.deepEqual(split.data?.path, ['splits', 0]);
  assert.deepEqual(split.data?.others, [['claims', 0]]);
  assert.ok(split.related?.length === 1 && text.slice(split.related[0].start, split.related[0].end).startsWith('id: cargo'));
  assert.ok(c.some(p => /Contradictory verdicts/.test(p.message)));
  assert.equal(resolved.verdicts.length, 1);
  assert.equal(resolved.verdicts[0].verdict, 'accepted', 'the first verdict applies');
  assert.ok(c.some(p => /alias of "Ada Okonkwo" and also an alias of "Mira Okonkwo"/.test(p.message)));
  assert.ok(c.some(p => /tagged both organization and person/.test(p.message)));
  assert.ok(c.some(p => /not an entity, and also as an entity/.test(p.message)));
});

test('a figure in two claims is reported; an ignored claim id that does not exist gets a suggestion', () => {
  const text = 'claims:\n  - { id: cargo-2024, figures: [{ file: harbor.txt, exact: 4.2 million tonnes }] }\n  - { id: other, figures: [{ file: harbor.txt, exact: "4.2 million" }] }\nignore:\n  - claim: cargo-2042\n';
  const { problems } = resolveAnnotations(model(text), articles);
  assert.ok(problems.some(p => p.code === AnnotationCodes.contradictoryTags && /two claims/.test(p.message)));
  const unknown = problems.find(p => p.code === AnnotationCodes.unknownClaim);
  assert.equal(unknown?.data?.suggestion, 'cargo-2024');
  assert.deepEqual(unknown?.data?.path, ['ignore', 0, 'claim']);
});

test('annotation problems convert to engine problems on the YAML document, with their fix data', async () => {
  const { toEngineProblem } = await import('../../server/src/core/annotations');
  const text = 'version:\nverdicts:\n  - { file: harbor.txt, exact: "$310 million", verdict: acepted }\n';
  const { model, problems } = parseAnnotations(text);
  assert.ok(model, 'an empty version is no version');
  const p = toEngineProblem(problems[0], 'file:///corpus/triangulate.yaml');
  assert.equal(p.doc, 'file:///corpus/triangulate.yaml');
  assert.equal(p.code, AnnotationCodes.unknownVerdict);
  assert.equal(text.slice(p.start, p.end), 'acepted');
  assert.deepEqual(p.data, { path: ['verdicts', 0, 'verdict'], value: 'acepted', suggestion: 'accepted' });
  assert.deepEqual(p.related, []);
});

test('an alias written twice, in other spellings of one name, is one alias', () => {
  const { resolved } = resolveAnnotations(model('version: 1\nentities:\n  - { name: Mira Okonkwo, aliases: [Okonkwo, okonkwo, OKONKWO, Chair Okonkwo] }\n'), articles);
  assert.deepEqual(resolved.entities.map(e => e.aliases), [['Okonkwo', 'Chair Okonkwo']]);
});
