import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  addVerdict, addSplit, addJoin, setClaimLabel, addIgnore, addAlias, setEntityKind, addNotEntity, addSpanTag, setSource,
  reanchor, removeTag, renameKey, replaceValue, applyTextEdits, parseAnnotations, resolveAnnotations, makeAnchor, AnnotationCodes,
} from '../../server/src/core/annotations';
import type { Anchor, AnnotationModel, EditResult } from '../../server/src/core/annotations';
import { annotated, articles, harbor, gazette, lineDiff } from './fixtures';

function ok(r: EditResult, before: string): string {
  assert.ok(r.ok, r.ok ? '' : r.error);
  assert.equal(applyTextEdits(before, r.edits), r.text, 'the edits turn the old text into the new one');
  for (const e of r.edits) assert.ok(e.start >= 0 && e.start <= e.end && e.end <= before.length);
  return r.text;
}

function modelOf(text: string): AnnotationModel {
  const r = parseAnnotations(text);
  assert.ok(r.model, JSON.stringify(r.problems));
  assert.deepEqual(r.problems.filter(p => p.severity === 'error'), []);
  return r.model;
}

function anchorIn(file: string, text: string, exact: string): Anchor {
  const s = text.indexOf(exact);
  assert.ok(s >= 0);
  return { file, ...makeAnchor(text, s, s + exact.length) };
}

const sixPercent = anchorIn('harbor.txt', harbor, '6 percent');
const fourTwo = anchorIn('harbor.txt', harbor, '4.2 million tonnes');
const fourFour = anchorIn('gazette.txt', gazette, '4.4 million tonnes');

test('addVerdict appends one item and leaves every other line byte for byte', () => {
  const out = ok(addVerdict(annotated, sixPercent, 'disputed', 'the Gazette says 7'), annotated);
  const { added, removed } = lineDiff(annotated, out);
  assert.deepEqual(removed, []);
  assert.ok(added.every(l => l.startsWith('    ') || l.startsWith('  - ')), added.join('\n'));
  const cut = annotated.indexOf('tender notice\n') + 'tender notice\n'.length;
  assert.ok(out.startsWith(annotated.slice(0, cut)) && out.endsWith(annotated.slice(cut)), 'everything around the insertion is identical');
  const m = modelOf(out);
  assert.deepEqual(m.verdicts.map(v => [v.anchor.exact, v.verdict, v.note]), [
    ['$310 million', 'accepted', 'matches the tender notice'], ['6 percent', 'disputed', 'the Gazette says 7'],
  ]);
  assert.equal(m.verdicts[1].anchor.prefix, sixPercent.prefix);
  assert.equal(m.verdicts[1].anchor.start, sixPercent.start);
  // The new verdict resolves to the figure.
  const { resolved } = resolveAnnotations(m, articles);
  assert.equal(resolved.verdicts[1].start, harbor.indexOf('6 percent'));
});

test('a second verdict on the same figure changes the first instead of contradicting it', () => {
  const once = ok(addVerdict(annotated, sixPercent, 'accepted'), annotated);
  const twice = ok(addVerdict(once, sixPercent, 'wrong', 'misquoted'), once);
  const m = modelOf(twice);
  assert.equal(m.verdicts.length, 2);
  assert.equal(m.verdicts[1].verdict, 'wrong');
  assert.equal(m.verdicts[1].note, 'misquoted');
  const { removed } = lineDiff(once, twice);
  assert.deepEqual(removed, ['    verdict: accepted']);
});

test('the first tag in a new file creates it with a version line', () => {
  const out = ok(addVerdict('', sixPercent, 'accepted'), '');
  assert.match(out, /^version: 1\n\nverdicts:\n  - file: harbor.txt\n    exact: 6 percent\n    verdict: accepted\n/);
  assert.equal(modelOf(out).verdicts.length, 1);
  const commented = '# judgements for the harbor folder\n';
  const out2 = ok(addNotEntity(commented, 'Read also'), commented);
  assert.ok(out2.startsWith(commented));
  assert.deepEqual(modelOf(out2).notEntities.map(n => n.name), ['Read also']);
});

test('a file that does not parse is never edited', () => {
  const broken = annotated.replace('reliability: high', 'reliability: [high');
  for (const r of [addVerdict(broken, sixPercent, 'accepted'), addAlias(broken, 'Mira Okonkwo', 'M. Okonkwo'), removeTag(broken, ['verdicts', 0]), addNotEntity('- a\n- b\n', 'X')]) {
    assert.equal(r.ok, false);
    if (!r.ok) assert.match(r.error, /nothing was written/);
  }
});

test('addSplit writes a split and takes the figure out of a user claim that joined both', () => {
  const out = ok(addSplit(annotated, { file: 'harbor.txt', exact: '4.2 million tonnes', prefix: 'cargo volume reached ', suffix: ' last year' }, { file: 'gazette.txt', exact: '4.4 million tonnes' }, 'different years'), annotated);
  const m = modelOf(out);
  assert.deepEqual(m.claims[0].figures.map(f => f.exact), ['4.2 million tonnes']);
  assert.equal(m.splits.length, 2);
  assert.deepEqual(m.splits[1].figures.map(f => f.exact), ['4.2 million tonnes', '4.4 million tonnes']);
  assert.equal(m.splits[1].note, 'different years');
  const { problems } = resolveAnnotations(m, articles);
  assert.deepEqual(problems.filter(p => p.code === AnnotationCodes.contradictoryTags), []);
  const claimLine = '      - { file: gazette.txt, exact: 4.4 million tonnes }\n';
  const i = annotated.indexOf(claimLine);
  const j = annotated.indexOf('not a count\n') + 'not a count\n'.length;
  assert.equal(out, annotated.slice(0, i) + annotated.slice(i + claimLine.length, j) + out.slice(j - claimLine.length, out.indexOf('verdicts:') - 1) + annotated.slice(j),
    'only the claim line goes and only the split comes');
  // Splitting again is a no-op.
  const again = addSplit(out, fourTwo, fourFour);
  assert.ok(again.ok && again.edits.length === 0, 'the same passages (anchored with more context) are already split');
});

test('addJoin adds figures to the claim that holds one of them, or makes a new claim; and drops a split between them', () => {
  const fiveM = anchorIn('harbor.txt', harbor, '5 million tonnes');
  const out = ok(addJoin(annotated, [{ file: 'gazette.txt', exact: '4.4 million tonnes' }, fiveM]), annotated);
  const m = modelOf(out);
  assert.deepEqual(m.claims[0].figures.map(f => f.exact), ['4.2 million tonnes', '4.4 million tonnes', '5 million tonnes']);
  assert.equal(m.splits.length, 0, 'the split between the joined figures is gone');
  const fresh = ok(addJoin(annotated, [sixPercent, anchorIn('harbor.txt', harbor, '2023')], { label: 'Growth in 2024' }), annotated);
  const m2 = modelOf(fresh);
  assert.equal(m2.claims[1].id, 'growth-in-2024');
  assert.equal(m2.claims[1].label, 'Growth in 2024');
  assert.equal(m2.claims[1].figures.length, 2);
  assert.deepEqual(lineDiff(annotated, fresh).removed, []);
});

test('setClaimLabel renames a claim by id or by one of its figures, or makes a claim for a lone figure', () => {
  const byId = ok(setClaimLabel(annotated, { claim: 'cargo-2024' }, 'Port cargo, 2024'), annotated);
  assert.equal(modelOf(byId).claims[0].label, 'Port cargo, 2024');
  assert.deepEqual(lineDiff(annotated, byId).removed, ['    label: Cargo volume in 2024']);
  const byFig = ok(setClaimLabel(annotated, { figure: { file: 'gazette.txt', exact: '4.4 million tonnes' } }, 'Tonnage'), annotated);
  assert.equal(modelOf(byFig).claims[0].label, 'Tonnage');
  const lone = ok(setClaimLabel(annotated, { figure: sixPercent }, 'Cargo growth'), annotated);
  const m = modelOf(lone);
  assert.deepEqual([m.claims[1].id, m.claims[1].label, m.claims[1].figures[0].exact], ['cargo-growth', 'Cargo growth', '6 percent']);
  const missing = setClaimLabel(annotated, { claim: 'nope' }, 'X');
  assert.equal(missing.ok, false);
});

test('addIgnore: a figure, a claim, a code in a file, a whole file; duplicates are not added', () => {
  let t = annotated;
  t = ok(addIgnore(t, { figure: sixPercent }), t);
  t = ok(addIgnore(t, { code: 'resolved-conflict' }), t);
  t = ok(addIgnore(t, { file: 'gazette.txt' }, 'opinion piece'), t);
  const dup = addIgnore(t, { claim: 'cargo-2024' });
  assert.ok(dup.ok && dup.edits.length === 0);
  const m = modelOf(t);
  assert.deepEqual(m.ignores.map(i => i.type), ['claim', 'code', 'figure', 'code', 'file']);
  assert.equal(m.ignores[4].note, 'opinion piece');
  assert.deepEqual(lineDiff(annotated, t).removed, []);
  assert.match(t, /  - \{ file: harbor\.txt, exact: 6 percent, prefix: .*, start: \d+ \}\n/, 'a pure anchor is written on one line');
});

test('addAlias appends to a flow list in place, creates entities, and removes the name from not_entities', () => {
  const out = ok(addAlias(annotated, 'Mira Okonkwo', 'M. Okonkwo'), annotated);
  assert.deepEqual(lineDiff(annotated, out), { added: ['    aliases: [Okonkwo, Chairwoman Okonkwo, M. Okonkwo]'], removed: ['    aliases: [Okonkwo, Chairwoman Okonkwo]'] });
  // Adding via an alias finds the entity too.
  const viaAlias = ok(addAlias(annotated, 'okonkwo', 'Chair Okonkwo'), annotated);
  assert.deepEqual(modelOf(viaAlias).entities[0].aliases, ['Okonkwo', 'Chairwoman Okonkwo', 'Chair Okonkwo']);
  // A new entity, and an alias that was marked not an entity.
  const created = ok(addAlias(annotated, 'Nordlift AS', 'Read also', 'organization'), annotated);
  const m = modelOf(created);
  assert.deepEqual(m.entities.map(e => [e.name, e.kind, e.aliases]).at(-1), ['Nordlift AS', 'organization', ['Read also']]);
  assert.equal(m.notEntities.length, 0);
  // An entity without aliases gets the key.
  const ha = ok(addAlias(annotated, 'Harbor Authority', 'the Authority'), annotated);
  assert.deepEqual(modelOf(ha).entities[1].aliases, ['the Authority']);
  assert.deepEqual(lineDiff(annotated, ha).removed, []);
});

test('setEntityKind changes one value in place; addNotEntity and addSpanTag append', () => {
  const out = ok(setEntityKind(annotated, 'Harbor Authority', 'other'), annotated);
  assert.deepEqual(lineDiff(annotated, out), { added: ['    kind: other'], removed: ['    kind: organization'] });
  const added = ok(setEntityKind(annotated, 'Port Ellery', 'place'), annotated);
  assert.deepEqual(modelOf(added).entities.at(-1), { ...modelOf(added).entities.at(-1)!, name: 'Port Ellery', kind: 'place' });
  const not = ok(addNotEntity(annotated, 'Ten things'), annotated);
  assert.deepEqual(modelOf(not).notEntities.map(n => n.name), ['Read also', 'Ten things']);
  assert.deepEqual(lineDiff(annotated, not), { added: ['  - Ten things'], removed: [] });
  const span = ok(addNotEntity(annotated, anchorIn('harbor.txt', harbor, 'Port Ellery')), annotated);
  assert.equal(modelOf(span).notEntities[1].anchor?.exact, 'Port Ellery');
  const tag = ok(addSpanTag(annotated, anchorIn('gazette.txt', gazette, 'Port Ellery'), 'place'), annotated);
  assert.deepEqual(modelOf(tag).tags.map(t => [t.anchor.exact, t.kind]), [['Nordlift AS', 'organization'], ['Port Ellery', 'place']]);
  const retag = ok(addSpanTag(annotated, { file: 'gazette.txt', exact: 'Nordlift AS' }, 'other', 'Nordlift'), annotated);
  assert.deepEqual(lineDiff(annotated, retag), { added: ['  - { file: gazette.txt, exact: Nordlift AS, kind: other, name: Nordlift }'], removed: ['  - { file: gazette.txt, exact: Nordlift AS, kind: organization }'] });
});

test('setSource edits a block map, a flow map, or adds an article', () => {
  const a = ok(setSource(annotated, 'harbor.txt', { published: '2025-03-02' }), annotated);
  assert.deepEqual(lineDiff(annotated, a), { added: ['    published: 2025-03-02'], removed: ['    published: 2025-03-03'] });
  const b = ok(setSource(annotated, 'gazette.txt', { url: 'https://example.test/g' }), annotated);
  assert.deepEqual(lineDiff(annotated, b).added, ['  gazette.txt: { outlet: The Ellery Gazette, published: 2025-03-04, url: https://example.test/g }']);
  const c = ok(setSource(annotated, 'third.txt', { outlet: 'Radio Ellery', reliability: 'low' }), annotated);
  const m = modelOf(c);
  assert.deepEqual([m.sources[2].file, m.sources[2].outlet, m.sources[2].reliability], ['third.txt', 'Radio Ellery', 'low']);
  assert.deepEqual(lineDiff(annotated, c).removed, []);
});

test('the "did you mean" fixes: renameKey and replaceValue change only the word', () => {
  const typo = annotated.replace('    kind: person', '    knd: persn');
  const { problems } = parseAnnotations(typo);
  const key = problems.find(p => p.code === AnnotationCodes.unknownKey)!;
  const fixedKey = ok(renameKey(typo, key.data!.path!, key.data!.suggestion!), typo);
  assert.equal(fixedKey, annotated.replace('    kind: person', '    kind: persn'));
  const { problems: p2 } = parseAnnotations(fixedKey);
  const kind = p2.find(p => p.code === AnnotationCodes.unknownKind)!;
  assert.equal(kind.data?.suggestion, 'person');
  const fixed = ok(replaceValue(fixedKey, kind.data!.path!, kind.data!.suggestion!), fixedKey);
  assert.equal(fixed, annotated);
});

test('stale anchors: reanchor to the candidate, or remove the tag', () => {
  const edited = harbor.replace('$310 million', '$315 million');
  const arts = [{ ...articles[0], text: edited }, articles[1]];
  const { problems } = resolveAnnotations(modelOf(annotated), arts);
  const stale = problems.find(p => p.code === AnnotationCodes.staleAnchor)!;
  const re = ok(reanchor(annotated, stale.data!.path!, stale.data!.candidate!), annotated);
  const after = resolveAnnotations(modelOf(re), arts);
  assert.deepEqual(after.problems, []);
  assert.equal(edited.slice(after.resolved.verdicts[0].start, after.resolved.verdicts[0].end), '$315 million');
  assert.equal(modelOf(re).verdicts[0].note, 'matches the tender notice', 'the verdict keeps its note');
  // A figure inside a claim (flow map) is re-anchored in place.
  const fig = ok(reanchor(annotated, ['claims', 0, 'figures', 1], { exact: '4.4 million', suffix: ' tonnes in 2024' }), annotated);
  assert.deepEqual(lineDiff(annotated, fig).added, ['      - { file: gazette.txt, exact: 4.4 million, suffix: " tonnes in 2024" }']);
  const removed = ok(removeTag(annotated, stale.data!.path!), annotated);
  assert.equal(modelOf(removed).verdicts.length, 0);
  assert.deepEqual(lineDiff(annotated, removed).removed.sort(), ['    exact: "$310 million"', '    note: matches the tender notice', '    verdict: accepted', '  - file: harbor.txt', 'verdicts:'].sort());
  assert.match(removed, /\nverdicts: \[\]\n/);
  const figGone = ok(removeTag(annotated, ['claims', 0, 'figures', 0]), annotated);
  assert.deepEqual(lineDiff(annotated, figGone), { added: [], removed: ['      - { file: harbor.txt, exact: 4.2 million tonnes, prefix: "cargo volume reached ", suffix: " last year" }'] });
});

test('odd layouts: CRLF, four-space indent, unindented lists, no final newline, comments between items', () => {
  const odd = [
    '# odd file',
    'version: 1',
    'verdicts:',
    '- file: harbor.txt   # first',
    '  exact: "6 percent"',
    '  verdict: accepted',
    '',
    '# the next one is disputed',
    '- file: gazette.txt',
    '  exact: "4.4 million tonnes"',
    '  verdict: disputed',
    'entities:',
    '    -   name: Mira Okonkwo',
    '        aliases:',
    '            - Okonkwo',
  ].join('\r\n');
  const r1 = ok(addVerdict(odd, fourTwo, 'wrong'), odd);
  assert.ok(r1.startsWith(odd.slice(0, odd.indexOf('entities:'))));
  assert.match(r1, /\r\n- file: harbor\.txt\r\n  exact: 4\.2 million tonnes\r\n  verdict: wrong\r\n/, 'matches the list column and line endings');
  assert.ok(!/[^\r]\n/.test(r1), 'no bare LF in a CRLF file');
  assert.equal(modelOf(r1).verdicts.length, 3);
  const r2 = ok(addAlias(odd, 'Mira Okonkwo', 'Chair Okonkwo'), odd);
  assert.ok(r2.endsWith('            - Okonkwo\r\n            - Chair Okonkwo\r\n'), JSON.stringify(r2.slice(-80)));
  const r3 = ok(removeTag(odd, ['verdicts', 1]), odd);
  assert.equal(r3, odd.replace('- file: gazette.txt\r\n  exact: "4.4 million tonnes"\r\n  verdict: disputed\r\n', ''), 'the comment before the removed item stays');
  const r4 = ok(setEntityKind(odd, 'Mira Okonkwo', 'person'), odd);
  assert.match(r4, /    -   name: Mira Okonkwo\r\n        aliases:\r\n            - Okonkwo\r\n        kind: person\r\n$/);
});

test('property: any sequence of fixes keeps the file valid and every comment line in place', () => {
  const anchors = [sixPercent, fourTwo, fourFour, anchorIn('harbor.txt', harbor, '2027'), anchorIn('gazette.txt', gazette, 'Nordlift AS')];
  const fix = fc.oneof(
    fc.record({ k: fc.constant('verdict'), a: fc.nat(4), v: fc.constantFrom('accepted', 'disputed', 'wrong') as fc.Arbitrary<'accepted' | 'disputed' | 'wrong'>, note: fc.option(fc.string({ maxLength: 12 }), { nil: undefined }) }),
    fc.record({ k: fc.constant('split'), a: fc.nat(4), b: fc.nat(4) }),
    fc.record({ k: fc.constant('join'), a: fc.nat(4), b: fc.nat(4) }),
    fc.record({ k: fc.constant('alias'), name: fc.constantFrom('Mira Okonkwo', 'Harbor Authority', 'New Body'), alias: fc.string({ minLength: 1, maxLength: 10 }) }),
    fc.record({ k: fc.constant('kind'), name: fc.constantFrom('Mira Okonkwo', 'Port Ellery'), kind: fc.constantFrom('person', 'place', 'organization', 'other') as fc.Arbitrary<'person'> }),
    fc.record({ k: fc.constant('ignore'), a: fc.nat(4) }),
    fc.record({ k: fc.constant('label'), a: fc.nat(4), label: fc.string({ minLength: 1, maxLength: 15 }) }),
    fc.record({ k: fc.constant('remove'), which: fc.constantFrom('verdicts', 'claims', 'ignore', 'tags') }),
  );
  // The fixture, with comment lines and blank lines added between random lines.
  const layout = fc.array(fc.tuple(fc.nat(60), fc.constantFrom('# note {i}', '', '    # indented note {i}', '   ')), { maxLength: 8 }).map(adds => {
    const lines = annotated.split('\n');
    adds.forEach(([at, l], i) => lines.splice(1 + (at % (lines.length - 1)), 0, l.replace('{i}', String(i))));
    return lines.join('\n');
  });
  fc.assert(fc.property(layout, fc.array(fix, { maxLength: 6 }), (base, fixes) => {
    const comments = base.split('\n').filter(l => l.includes('#'));
    let t = base;
    for (const f of fixes) {
      let r: EditResult;
      switch (f.k) {
        case 'verdict': r = addVerdict(t, anchors[f.a], f.v, f.note); break;
        case 'split': r = f.a === f.b ? { ok: true, text: t, edits: [] } : addSplit(t, anchors[f.a], anchors[f.b]); break;
        case 'join': r = addJoin(t, [anchors[f.a], anchors[f.b]]); break;
        case 'alias': r = f.alias.trim() && f.alias.trim().toLowerCase() !== f.name.toLowerCase() ? addAlias(t, f.name, f.alias) : { ok: true, text: t, edits: [] }; break;
        case 'kind': r = setEntityKind(t, f.name, f.kind); break;
        case 'ignore': r = addIgnore(t, { figure: anchors[f.a] }); break;
        case 'label': r = f.label.trim() ? setClaimLabel(t, { figure: anchors[f.a] }, f.label) : { ok: true, text: t, edits: [] }; break;
        case 'remove': {
          const m = modelOf(t);
          const list = f.which === 'verdicts' ? m.verdicts : f.which === 'claims' ? m.claims : f.which === 'ignore' ? m.ignores : m.tags;
          r = list.length ? removeTag(t, list[0].path) : { ok: true, text: t, edits: [] };
          break;
        }
      }
      if (!r.ok) return false;
      if (applyTextEdits(t, r.edits) !== r.text) return false;
      t = r.text;
      const p = parseAnnotations(t);
      if (!p.model || p.problems.some(x => x.severity === 'error')) return false;
    }
    const lines = new Set(t.split('\n'));
    return comments.every(c => lines.has(c));
  }), { numRuns: 100 });
});
