// The features as plain functions of (corpus, params), over an in-memory
// analysis (no engine, no connection): what a person sees in hovers,
// diagnostics, highlighting, navigation, outline and the claims view.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DiagnosticSeverity, SymbolKind } from 'vscode-languageserver-protocol';
import { hover } from '../../server/src/features/hover';
import { diagnostics } from '../../server/src/features/diagnostics';
import { legend, semanticTokens, tokensOf } from '../../server/src/features/semanticTokens';
import { definition } from '../../server/src/features/definition';
import { references } from '../../server/src/features/references';
import { documentSymbols } from '../../server/src/features/documentSymbols';
import { workspaceSymbols } from '../../server/src/features/workspaceSymbols';
import { claims } from '../../server/src/features/claims';
import { status } from '../../server/src/features/status';
import { formatValue } from '../../server/src/features/util';
import type { Claim, Figure } from '../../server/src/core/types';
import { A, B, FixtureCorpus, TEXT_A, TEXT_B, fixture, pos } from './fixture';

const doc = (uri: string) => ({ textDocument: { uri } });

function hoverText(uri: string, text: string, needle: string, delta = 1, nth = 1): string {
  const h = hover(fixture().asCorpus(), { ...doc(uri), position: pos(text, needle, delta, nth) });
  assert.ok(h, `no hover on ${needle}`);
  return (h.contents as { value: string }).value;
}

test('hover on a figure: claim label, conflict, a row per figure with source, line, bold sentence and a link', () => {
  const md = hoverText(A, TEXT_A, 'US$86.8 billion', 4);
  assert.match(md, /bilateral trade \(USD\)/);
  assert.match(md, /Sources conflict.*USD 86\.8 billion vs USD 86\.7 billion/);
  const rows = md.split('\n').filter(l => l.startsWith('| ') && !l.startsWith('| As written') && !l.startsWith('| ---'));
  assert.equal(rows.length, 2);
  assert.match(rows[0]!, /US\$86\.8 billion ◀ \| USD 86\.8 billion \| `alpha_report\.txt` \(Alpha Daily, 2025-08-12\) \| \[1\]\(file:\/\/\/news\/alpha_report\.txt#L1,11\)/);
  assert.match(rows[0]!, /\*\*US\$86\.8 billion\*\*/);
  assert.match(rows[1]!, /\$86\.7 billion \| USD 86\.7 billion \| `beta_wire\.txt` \| \[1\]\(file:\/\/\/news\/beta_wire\.txt#L1,25\)/);
  assert.match(rows[1]!, /Bilateral trade reached \*\*\$86\.7 billion\*\* in 2024/);
  assert.match(md, /Why these figures were linked[\s\S]*\$86\.7 billion in `beta_wire\.txt` line 1: shared words: trade; same unit: USD \(score 0\.82\)/);
});

test('hover on a figure range is the figure; the sentence keeps table pipes escaped', () => {
  const c = fixture().asCorpus();
  const h = hover(c, { ...doc(A), position: pos(TEXT_A, '20 minutes', 0) });
  assert.ok(h);
  assert.deepEqual(h.range, { start: pos(TEXT_A, '20 minutes'), end: pos(TEXT_A, '20 minutes', 10) });
  const md = (h.contents as { value: string }).value;
  assert.match(md, /Only one figure reports this quantity/);
  assert.match(md, /Oslo \\\| press/);
});

test('hover on an entity: name, kind, forms, roles, mentions per source and the first sentence that introduces it', () => {
  const md = hoverText(A, TEXT_A, 'Berg', 0, 2);
  assert.match(md, /^\*\*Anna Berg\*\*: person/);
  assert.match(md, /Forms seen: Anna Berg, Berg/);
  assert.match(md, /Titles and roles: President/);
  assert.match(md, /Mentions: 3 in 2 source\(s\)/);
  assert.match(md, /- `alpha_report\.txt` \(Alpha Daily, 2025-08-12\): 2\n- `beta_wire\.txt`: 1/);
  // Corpus order is alpha, then beta: the first mention is in alpha, line 1.
  assert.match(md, /First introduced in `alpha_report\.txt` \[line 1\]\(file:\/\/\/news\/alpha_report\.txt#L1,48\)/);
  assert.match(md, /> Trade hit US\$86\.8 billion last year, President \*\*Anna Berg\*\* said\./);
});

test('no hover on plain words, and none past the end of a line or the document', () => {
  const c = fixture().asCorpus();
  assert.equal(hover(c, { ...doc(A), position: pos(TEXT_A, 'Trade', 1) }), null);
  assert.equal(hover(c, { ...doc(A), position: { line: 0, character: 500 } }), null);
  assert.equal(hover(c, { ...doc(A), position: { line: 9, character: 0 } }), null);
  assert.equal(hover(c, { ...doc('file:///news/none.txt'), position: { line: 0, character: 0 } }), null);
});

test('diagnostics: conflicts as warnings with related information; severity per rule from the settings', () => {
  const c = fixture().asCorpus();
  const [d] = diagnostics(c, { uri: A }, { severity: {} });
  assert.ok(d);
  assert.equal(d.severity, DiagnosticSeverity.Warning);
  assert.equal(d.code, 'conflicting-figure');
  assert.equal(d.source, 'triangulate');
  assert.deepEqual(d.range, { start: pos(TEXT_A, 'US$86.8 billion'), end: pos(TEXT_A, 'US$86.8 billion', 15) });
  assert.equal(d.relatedInformation?.[0]?.location.uri, B);
  assert.deepEqual(d.relatedInformation?.[0]?.location.range.start, pos(TEXT_B, '$86.7 billion'));
  assert.deepEqual(d.data, { claim: 'trade', figure: `${A}#10` });
  assert.equal(diagnostics(c, { uri: A }, { severity: { conflictingFigure: 'error' } })[0]?.severity, DiagnosticSeverity.Error);
  assert.equal(diagnostics(c, { uri: A }, { severity: { conflictingFigure: 'hint' } })[0]?.severity, DiagnosticSeverity.Hint);
  assert.deepEqual(diagnostics(c, { uri: A }, { severity: { conflictingFigure: 'off' } }), []);
  const refused = diagnostics(c, { uri: 'file:///x.txt' }, { severity: {}, refusal: 'binary file (contains NUL bytes)' });
  assert.equal(refused.length, 1);
  assert.equal(refused[0]!.code, 'unreadable-file');
  assert.match(String(refused[0]!.message), /binary file/);
});

test('semantic tokens: entities and figures by kind, relative encoding, sorted', () => {
  const c = fixture().asCorpus();
  const tokens = tokensOf(c, A).map(t => ({ text: TEXT_A.split('\n')[t.line]!.slice(t.character, t.character + t.length), type: t.type }));
  assert.deepEqual(tokens, [
    { text: 'US$86.8 billion', type: 'money' },
    { text: 'Anna Berg', type: 'person' },
    { text: 'Berg', type: 'person' },
    { text: 'Oslo', type: 'place' },
    { text: '20 minutes', type: 'duration' },
  ]);
  const { data } = semanticTokens(c, doc(A));
  assert.equal(data.length, 25);
  // First token: line 0, char 10, 15 long, money, with the `conflict` modifier.
  assert.deepEqual(data.slice(0, 5), [0, 10, 15, legend.tokenTypes.indexOf('money'), 1 << legend.tokenModifiers.indexOf('conflict')]);
  // Second on the same line: the character is relative to the first token.
  assert.deepEqual(data.slice(5, 8), [0, TEXT_A.indexOf('Anna Berg') - 10, 9]);
  // Third on the next line: absolute character.
  assert.deepEqual(data.slice(10, 12), [1, 0]);
});

test('definition goes to the first mention in corpus order; references list every mention across the corpus', () => {
  const c = fixture().asCorpus();
  const def = definition(c, { ...doc(B), position: pos(TEXT_B, 'Anna Berg', 2) });
  assert.deepEqual(def, { uri: A, range: { start: pos(TEXT_A, 'Anna Berg'), end: pos(TEXT_A, 'Anna Berg', 9) } });
  const refs = references(c, { ...doc(A), position: pos(TEXT_A, 'Berg', 1, 2), context: { includeDeclaration: true } });
  assert.deepEqual(refs.map(r => [r.uri, r.range.start.line, r.range.start.character]), [[A, 0, TEXT_A.indexOf('Anna Berg')], [A, 1, 0], [B, 1, TEXT_B.split('\n')[1]!.indexOf('Anna Berg')]]);
  const figureRefs = references(c, { ...doc(A), position: pos(TEXT_A, 'US$86.8', 3), context: { includeDeclaration: true } });
  assert.deepEqual(figureRefs.map(r => r.uri), [A, B]);
  assert.equal(definition(c, { ...doc(A), position: pos(TEXT_A, 'Trade') }), null);
  // Corpus order is by document, not by the order documents were opened or indexed in.
  const f = fixture();
  const reversed = new FixtureCorpus(new Map([...f.texts].reverse()), f.fixture).asCorpus();
  assert.equal(definition(reversed, { ...doc(B), position: pos(TEXT_B, 'Anna Berg', 2) })?.uri, A);
  assert.deepEqual(references(reversed, { ...doc(A), position: pos(TEXT_A, 'Berg', 1, 2), context: { includeDeclaration: true } }).map(r => r.uri), [A, A, B]);
});

test('document symbols outline entities (at their first mention, with a count) and figures', () => {
  const c = fixture().asCorpus();
  const symbols = documentSymbols(c, doc(A));
  assert.deepEqual(symbols.map(s => s.name), ['Entities', 'Figures']);
  const [entities, figures] = symbols;
  assert.deepEqual(entities!.children!.map(s => [s.name, s.kind, s.detail, s.range.start]), [['Anna Berg', SymbolKind.Object, 'person · 2 mentions', pos(TEXT_A, 'Anna Berg')], ['Oslo', SymbolKind.Namespace, 'place · 1 mention', pos(TEXT_A, 'Oslo')]]);
  assert.deepEqual(figures!.children!.map(s => [s.name, s.detail]), [['US$86.8 billion', 'money: USD 86.8 billion'], ['20 minutes', 'duration: 20 minutes']]);
});

test('workspace symbols find entities by name, case- and accent-insensitively', () => {
  const c = fixture().asCorpus();
  assert.deepEqual(workspaceSymbols(c, { query: 'berg' }).map(s => s.name), ['Anna Berg']);
  const zola = workspaceSymbols(c, { query: 'emile' });
  assert.deepEqual(zola.map(s => [s.name, s.location.uri]), [['Émile Zola', B]]);
  assert.equal(workspaceSymbols(c, { query: 'osl' })[0]?.kind, SymbolKind.Namespace);
  assert.deepEqual(workspaceSymbols(c, { query: 'nobody' }), []);
  assert.equal(workspaceSymbols(c, { query: '' }).length, 3);
});

test('claims: conflicts first, figures grouped by source, singles only on request, a conflicts-only filter', () => {
  const c = fixture().asCorpus();
  const all = claims(c, {}).claims;
  assert.deepEqual(all.map(x => [x.id, x.status]), [['trade', 'conflict'], ['year', 'agree']]);
  assert.deepEqual(all[0]!.sources.map(s => [s.name, s.outlet, s.figures.map(f => f.text)]), [['alpha_report.txt', 'Alpha Daily', ['US$86.8 billion']], ['beta_wire.txt', null, ['$86.7 billion']]]);
  assert.deepEqual(all[0]!.sources[1]!.figures[0]!.range.start, pos(TEXT_B, '$86.7 billion'));
  assert.deepEqual(claims(c, { includeSingles: true }).claims.map(x => x.id), ['trade', 'year', 'meeting']);
  assert.deepEqual(claims(c, { conflictsOnly: true }).claims.map(x => x.id), ['trade']);
  const limited = claims(c, { includeSingles: true, limit: 1 });
  assert.deepEqual([limited.claims.map(x => x.id), limited.total], [['trade'], 3]);
  const s = status(c, { indexing: false, skipped: 2, version: 7 });
  assert.deepEqual(s, { documents: 2, figures: 4, entities: 3, claims: 2, conflicts: 1, skipped: 2, indexing: false, version: 7 });
});

test('normalised values read as a person would write them', () => {
  const base = { unit: null, qualifier: null, relative: null } as const;
  assert.equal(formatValue({ ...base, kind: 'money', value: 86.8e9, unit: 'USD' }), 'USD 86.8 billion');
  assert.equal(formatValue({ ...base, kind: 'duration', value: 4, unit: 'day' }), '4 days');
  assert.equal(formatValue({ ...base, kind: 'duration', value: 1, unit: 'year' }), '1 year');
  assert.equal(formatValue({ ...base, kind: 'rank', value: 3 }), '#3');
  assert.equal(formatValue({ ...base, kind: 'count', value: 10000, qualifier: 'approx' }), '≈ 10,000');
  assert.equal(formatValue({ ...base, kind: 'percent', value: [8.3, 8.5] }), '8.3–8.5%');
  assert.equal(formatValue({ ...base, kind: 'date', value: '2025-08-11' }), '2025-08-11');
  assert.equal(formatValue({ ...base, kind: 'date', value: null, relative: 'last August' }), 'unresolved (“last August”)');
  assert.equal(formatValue({ ...base, kind: 'count', value: 4.7e6, qualifier: 'more-than' }), '> 4.7 million');
});

test('a claim with many figures shows the hovered one, every distinct value, and a count of the rest', () => {
  const texts = new Map<string, string>();
  const figures: Figure[] = [];
  for (let i = 0; i < 40; i++) {
    const uri = `file:///big/d${String(i).padStart(2, '0')}.txt`;
    const value = i === 33 ? '$9 billion' : '$5 billion';
    const text = `Trade hit ${value} this year.`;
    texts.set(uri, text);
    figures.push({
      doc: uri, start: 10, end: 10 + value.length, id: `${uri}#10`, text: value, kind: 'money', value: i === 33 ? 9e9 : 5e9, unit: 'USD', qualifier: null, relative: null,
      time: { mode: 'none', when: null, text: null, target: false }, sentenceStart: 0, sentenceEnd: text.length, aside: false, context: [], head: null, entities: [], holder: null,
    });
  }
  const claim: Claim = { id: 'c', label: 'trade', status: 'conflict', figures: figures.map(f => f.id), links: [], values: ['5 billion USD', '9 billion USD'], verdicts: {}, resolved: false };
  const c = new FixtureCorpus(texts, { docs: [], figures, entities: [], claims: [claim], problems: [] }).asCorpus();
  const h = hover(c, { textDocument: { uri: 'file:///big/d39.txt' }, position: { line: 0, character: 11 } });
  const md = (h!.contents as { value: string }).value;
  const rows = md.split('\n').filter(l => /^\| \S/.test(l) && !l.startsWith('| As written') && !l.startsWith('| ---'));
  assert.equal(rows.length, 25);
  assert.ok(rows.some(r => r.includes('◀') && r.includes('d39.txt')), 'the hovered figure is shown');
  assert.ok(rows.some(r => r.includes('$9 billion')), 'the other value is shown');
  assert.match(md, /… and 15 more figure\(s\) from 15 source\(s\): see the claims view\./);
});

test('hover on an entity named all over a large corpus lists the sources that mention it most, and counts the rest', async () => {
  const { Corpus } = await import('../../server/src/core');
  const { entityHover } = await import('../../server/src/features/hover');
  const c = new Corpus();
  for (let i = 0; i < 20; i++) c.set(`file:///big/a${String(i).padStart(2, '0')}.txt`, `Report ${i}\n\nPresident Amara Diallo spoke in Dakar.${i === 7 ? ' Amara Diallo then left. Diallo returned.' : ''}\n`);
  const e = c.result().entities.find(x => x.name === 'Amara Diallo')!;
  const md = entityHover(c, e);
  assert.match(md, /Mentions: 22 in 20 source\(s\)/);
  const listed = md.split('\n').filter(l => l.startsWith('- `'));
  assert.equal(listed.length, 15);
  assert.match(listed[0]!, /a07\.txt`: 3/);
  assert.match(md, /… and 5 more source\(s\), 5 mention\(s\)/);
});
