// triangulate.yaml as a document of its own, through the bundled server: its problems as
// diagnostics on its URI with their quick fixes ("did you mean", re-anchor), bad and hostile
// input (the last good annotations stay in force, nothing is written over the text), unsaved
// editor text, completion and hover, and that it is never indexed as an article.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import type { CompletionList, Diagnostic } from 'vscode-languageserver-protocol';
import { makeAnchor } from '../../server/src/core/annotations';
import { TestClient, withSeedServer, fileUri, listSeeds, overlaps, seedsDir, spanRange, waitFor } from './client';
import { YamlInEditor, applyWorkspaceEdit, codeActions, pick, rangeIn } from './annotationsHelpers';

const F000 = '000_194b222c75d92c06.txt';
const F001 = '001_f66de1d8ea6897c6.txt';
const TRADE_000 = { file: F000, line: 9, text: 'US$86.8 billion' };
const seed = (f: string) => readFileSync(path.join(seedsDir, f), 'utf8');

const withSeeds = withSeedServer;

function tradeCode(client: TestClient, dir: string): string | undefined {
  const r = spanRange(dir, TRADE_000);
  return (client.diagnostics.get(fileUri(path.join(dir, F000))) ?? []).find(d => overlaps(d.range, r) && /conflict/.test(String(d.code)))?.code as string | undefined;
}

function yamlDiagnostics(client: TestClient, yaml: YamlInEditor): Diagnostic[] {
  return client.diagnostics.get(yaml.uri) ?? [];
}

/** A verdict accepting 000's US$86.8 billion, anchored as the quick fix would anchor it; `exact` may be changed to make it stale. */
function acceptedVerdict(exact = 'US$86.8 billion'): string {
  const text = seed(F000);
  const at = text.indexOf('US$86.8 billion');
  const a = makeAnchor(text, at, at + 'US$86.8 billion'.length);
  return `  - file: ${F000}\n    exact: ${JSON.stringify(exact)}\n    verdict: accepted\n    prefix: ${JSON.stringify(a.prefix)}\n    suffix: ${JSON.stringify(a.suffix)}\n    start: ${a.start}\n`;
}

const GOOD = `version: 1\nverdicts:\n${acceptedVerdict()}`;

/** Expanded, a million figure anchors: 1000 claims of 1000 figures each. */
const ALIAS_BOMB = `version: 1\ndefs: &f0 { file: ${F000}, exact: "1" }\nx0: &l0 [${Array(1000).fill('*f0').join(', ')}]\nclaims:\n`
  + Array.from({ length: 1000 }, (_, i) => `  - { id: c${i}, figures: *l0 }`).join('\n') + '\n';

test('problems of triangulate.yaml are diagnostics at their lines on its URI, each with its quick fix; fixing them applies the tags', () => withSeeds(async (client, dir) => {
  const yaml = new YamlInEditor(client, dir);
  const text = [
    'version: 1',
    '# A tag whose text changed in the article: stale.',
    'verdicts:',
    acceptedVerdict('US$86.9 billion').trimEnd(),
    'tags:',
    `  - { file: ${F001}, exact: Seoul, kind: persn }`,
    'sources:',
    `  000_194b222c75d92c06.tx: { outlet: Some Wire }`,
    'not_entity: [Related Articles]',
    'claims:',
    '  - id: target',
    '    figures:',
    `      - { file: ${F000}, exact: US$150 billion }`,
    `      - { file: ${F001}, exact: $150 billion }`,
    'splits:',
    '  - figures:',
    `      - { file: ${F000}, exact: US$150 billion }`,
    `      - { file: ${F001}, exact: $150 billion }`,
    'ignore: { claim: target }',
    '',
  ].join('\n');
  yaml.open(text);
  const lineOf = (needle: string) => text.split('\n').findIndex(l => l.includes(needle));
  const expected: [string, number][] = [
    ['stale-anchor', lineOf('- file: ' + F000)],
    ['unknown-kind', lineOf('kind: persn')],
    ['missing-article', lineOf('000_194b222c75d92c06.tx:')],
    ['unknown-key', lineOf('not_entity:')],
    ['contradictory-tags', lineOf('splits:') + 1],
    ['wrong-shape', lineOf('ignore:')],
  ];
  const diags = await waitFor('every problem of the file', () => {
    const d = yamlDiagnostics(client, yaml);
    return expected.every(([code]) => d.some(x => x.code === code)) ? d : undefined;
  });
  for (const [code, line] of expected) {
    const d = diags.find(x => x.code === code)!;
    assert.equal(d.source, 'triangulate');
    assert.equal(d.range.start.line, line, `${code} at line ${line + 1}: ${JSON.stringify(d.range)} ${d.message}`);
  }
  // The stale verdict is not applied.
  assert.equal(tradeCode(client, dir), 'conflicting-figure');

  const fix = async (code: string, title: string | RegExp) => {
    const d = yamlDiagnostics(client, yaml).find(x => x.code === code);
    assert.ok(d, `a ${code} diagnostic`);
    const actions = await codeActions(client, yaml.uri, d.range, [d]);
    const a = pick(actions, title);
    assert.equal(a.isPreferred, true, `${a.title} is preferred`);
    yaml.apply(a);
    await waitFor(`the ${code} diagnostic to clear`, () => !yamlDiagnostics(client, yaml).some(x => x.code === code));
  };
  await fix('unknown-key', 'Change to "not_entities"');
  await fix('unknown-kind', 'Change to "person"');
  await fix('missing-article', `Change to "${F000}"`);
  const staleActions = await codeActions(client, yaml.uri, yamlDiagnostics(client, yaml).find(x => x.code === 'stale-anchor')!.range, [yamlDiagnostics(client, yaml).find(x => x.code === 'stale-anchor')!]);
  assert.ok(staleActions.some(a => a.title === 'Remove this tag'), 'a stale tag can be removed');
  await fix('stale-anchor', 'Re-anchor to "US$86.8 billion"');
  // Re-anchored, the verdict applies.
  await waitFor('the re-anchored verdict to settle the conflict', () => tradeCode(client, dir) === 'resolved-conflict');
  const fixed = YAML.parse(yaml.text!) as { not_entities: string[]; tags: { kind: string }[]; sources: Record<string, unknown> };
  assert.deepEqual(fixed.not_entities, ['Related Articles']);
  assert.equal(fixed.tags[0]!.kind, 'person');
  assert.deepEqual(Object.keys(fixed.sources), [F000]);
  assert.ok(yaml.text!.includes('# A tag whose text changed in the article: stale.'), 'comments survive the fixes');
}));

test('a broken, hostile or misshapen file keeps the last good annotations in force, and no quick fix writes over it', () => withSeeds(async (client, dir) => {
  const yaml = new YamlInEditor(client, dir);
  yaml.open(GOOD);
  await waitFor('the accepted value to settle the conflict', () => tradeCode(client, dir) === 'resolved-conflict');
  const uri000 = fileUri(path.join(dir, F000));
  const range000 = spanRange(dir, TRADE_000);

  const bad: [string, string, string][] = [
    ['a syntax error', GOOD + 'splits: [ { file: x\n', 'annotation-parse-error'],
    ['an alias bomb', ALIAS_BOMB, 'annotation-alias-limit'],
    ['a list at the top', '- version: 1\n- verdicts: []\n', 'wrong-shape'],
    ['an unsupported version', GOOD.replace('version: 1', 'version: 2'), 'unsupported-version'],
  ];
  for (const [what, text, code] of bad) {
    yaml.set(text);
    const d = await waitFor(`a ${code} diagnostic for ${what}`, () => yamlDiagnostics(client, yaml).find(x => x.code === code));
    assert.equal(d.severity, 1, `${what} is an error`);
    if (what === 'a syntax error') assert.ok(d.range.start.line >= GOOD.split('\n').length - 1, `the syntax error is reported where it is (line ${d.range.start.line + 1})`);
    assert.equal(tradeCode(client, dir), 'resolved-conflict', `the last good annotations stay in force after ${what}`);
    const actions = await codeActions(client, uri000, range000, []);
    assert.deepEqual(actions.filter(a => a.edit).map(a => a.title), [], `no quick fix edits the file while it holds ${what}`);
  }
  // Fixed again: the problems clear and the file applies.
  yaml.set(GOOD);
  await waitFor('the diagnostics of the file to clear', () => yamlDiagnostics(client, yaml).length === 0);
  assert.equal(tradeCode(client, dir), 'resolved-conflict');
}));

test('a 10 MB triangulate.yaml on disk is reported and not read; the articles are still analysed and nothing is written', () => {
  const huge = '# padding\n'.repeat(1024 * 1024);
  return withSeeds(async (client, dir) => {
    const uri = fileUri(path.join(dir, 'triangulate.yaml'));
    const d = await waitFor('a too-large diagnostic on the file', () => (client.diagnostics.get(uri) ?? []).find(x => x.code === 'annotation-too-large'));
    assert.match(typeof d.message === 'string' ? d.message : d.message.value, /not read/);
    assert.equal(tradeCode(client, dir), 'conflicting-figure');
    const actions = await codeActions(client, fileUri(path.join(dir, F000)), spanRange(dir, TRADE_000), []);
    assert.deepEqual(actions.filter(a => a.edit).map(a => a.title), []);
    assert.equal(readFileSync(path.join(dir, 'triangulate.yaml'), 'utf8').length, huge.length);
  }, { prepare: dir => writeFileSync(path.join(dir, 'triangulate.yaml'), huge) });
});

test('a quick fix while the file has unsaved changes edits the editor\'s text, not the disk\'s', () => withSeeds(async (client, dir) => {
  const file = path.join(dir, 'triangulate.yaml');
  const onDisk = 'version: 1\n';
  writeFileSync(file, onDisk);
  const unsaved = '# an unsaved note\nversion: 1\n\nentities:\n  - name: Lee Jae-myung   # typed, not saved\n    kind: person\n';
  const yaml = new YamlInEditor(client, dir);
  yaml.open(unsaved);
  await waitFor('the open file to be read', () => client.diagnostics.has(yaml.uri));
  const d = await waitFor('the conflict', () => (client.diagnostics.get(fileUri(path.join(dir, F000))) ?? []).find(x => x.code === 'conflicting-figure' && overlaps(x.range, spanRange(dir, TRADE_000))));
  const accept = pick(await codeActions(client, fileUri(path.join(dir, F000)), d.range, [d]), 'Accept US$86.8 billion as the value');
  const after = applyWorkspaceEdit(accept.edit!, new Map([[yaml.uri, unsaved]])).get(yaml.uri)!;
  assert.ok(after.startsWith(unsaved), 'the unsaved text is kept as it is, the verdict added after it');
  const parsed = YAML.parse(after) as { entities: { name: string }[]; verdicts: { exact: string }[] };
  assert.equal(parsed.entities[0]!.name, 'Lee Jae-myung');
  assert.equal(parsed.verdicts[0]!.exact, 'US$86.8 billion');
  assert.equal(readFileSync(file, 'utf8'), onDisk, 'the disk is not touched');
  yaml.apply(accept);
  await waitFor('the editor text to apply', () => tradeCode(client, dir) === 'resolved-conflict');
}));

test('completion in triangulate.yaml offers keys, kinds, article files, claim ids and entity names; hover on a tag shows the text it anchors', () => withSeeds(async (client, dir) => {
  const yaml = new YamlInEditor(client, dir);
  const text = GOOD + 'claims:\n  - id: trade-now\n    label: Two-way trade last year\n    figures:\n      - { file: ' + F001 + ', exact: $86.7 billion }\ntags:\n  - file: \n    exact: Seoul\n    kind: \nignore:\n  - claim: \n  - \nnot_entities:\n  - \n';
  yaml.open(text);
  await waitFor('the file to be read', () => client.diagnostics.has(yaml.uri));
  const complete = async (needle: string, nth = 1) => {
    const r = rangeIn(text, needle, nth);
    const list = await client.request<CompletionList | null>('textDocument/completion', { textDocument: { uri: yaml.uri }, position: r.end });
    return (list?.items ?? []).map(i => i.label);
  };
  const files = await complete('  - file: ');
  for (const f of listSeeds()) assert.ok(files.includes(f), `file ${f} offered: ${files.join(', ')}`);
  assert.deepEqual((await complete('    kind: ')).slice(0, 4), ['person', 'place', 'organization', 'other']);
  assert.deepEqual(await complete('  - claim: '), ['trade-now']);
  const verdictKeys = await complete('  - claim: \n  - ');
  assert.ok(verdictKeys.includes('claim') && verdictKeys.includes('code'), `ignore keys offered: ${verdictKeys.join(', ')}`);
  const names = await complete('not_entities:\n  - ');
  assert.ok(names.includes('Lee Jae-myung') && names.includes('South Korea'), `entity names offered: ${names.slice(0, 10).join(', ')}`);
  // Nothing for an article.
  const none = await client.request<CompletionList | null>('textDocument/completion', { textDocument: { uri: fileUri(path.join(dir, F000)) }, position: { line: 0, character: 0 } });
  assert.equal(none, null);

  const r = rangeIn(text, 'verdict: accepted');
  const h = await client.hover(yaml.uri, r.start);
  assert.ok(h);
  const md = h.contents.value;
  assert.match(md, /\*\*Verdict: accepted\*\*/);
  assert.match(md, new RegExp(`\`${F000}\` line 9`));
  assert.match(md, /\*\*US\$86\.8 billion\*\*/);
  const fig = await client.hover(yaml.uri, rangeIn(text, '$86.7 billion').start);
  assert.match(fig?.contents.value ?? '', /Figure of claim `trade-now`.*Two-way trade last year/);
}));

test('triangulate.yaml is never an article, whatever the include globs; the server watches it: created, changed, deleted', () => withSeeds(async (client, dir) => {
  assert.equal(client.status?.documents, listSeeds().length, 'the YAML is not counted as an article');
  const watchers = client.registrations.filter(r => r.method === 'workspace/didChangeWatchedFiles').flatMap(r => (r.registerOptions as { watchers: { globPattern: string }[] }).watchers.map(w => w.globPattern));
  assert.ok(watchers.includes('**/triangulate.yaml'), watchers.join(', '));
  const uri = fileUri(path.join(dir, 'triangulate.yaml'));
  // Its diagnostics are its own: none of the engine's.
  await waitFor('the file\'s diagnostics', () => client.diagnostics.has(uri));
  assert.deepEqual(client.diagnostics.get(uri), []);
  const h = await client.hover(uri, { line: 0, character: 1 });
  assert.equal(h, null);
  // Created on disk later, it is picked up by the watcher.
  writeFileSync(path.join(dir, 'triangulate.yaml'), GOOD);
  client.fileChanged([{ uri, type: 2 }]);
  await waitFor('the saved file to apply', () => tradeCode(client, dir) === 'resolved-conflict');
  // Deleted, its annotations and its diagnostics go with it.
  writeFileSync(path.join(dir, 'triangulate.yaml'), 'version: 1\nverdicts: [ oops\n');
  client.fileChanged([{ uri, type: 2 }]);
  await waitFor('the broken file to be reported', () => (client.diagnostics.get(uri) ?? []).length > 0);
  unlinkSync(path.join(dir, 'triangulate.yaml'));
  client.fileChanged([{ uri, type: 3 }]);
  await waitFor('the deleted file\'s annotations to go', () => tradeCode(client, dir) === 'conflicting-figure');
  await waitFor('its diagnostics to clear', () => client.diagnostics.get(uri)?.length === 0);
}, { settings: { include: ['**/*.txt', '**/*.yaml'] }, prepare: dir => writeFileSync(path.join(dir, 'triangulate.yaml'), 'version: 1\n') }));
