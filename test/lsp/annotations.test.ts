// Quick fixes through a real JSON-RPC client: code actions at a seed conflict or an entity
// mention, their WorkspaceEdit applied to an in-memory copy of triangulate.yaml (as an editor
// would), the server notified, and the effect checked in diagnostics, hovers and the claims view.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { DiagnosticSeverity, type Diagnostic, type Range } from 'vscode-languageserver-protocol';
import type { ClaimsResult } from '../../server/src/protocol';
import { TestClient, withSeedServer, fileUri, listSeeds, overlaps, removeDir, spanRange, waitFor } from './client';
import { YamlInEditor, applyWorkspaceEdit, codeActions, fixtureFolder, pick, rangeIn } from './annotationsHelpers';

const F000 = '000_194b222c75d92c06.txt';
const F001 = '001_f66de1d8ea6897c6.txt';
const F002 = '002_8f3f8afe8117fa3d.txt';
const TRADE_000 = { file: F000, line: 9, text: 'US$86.8 billion' };
const TRADE_001 = { file: F001, line: 9, text: '$86.7 billion' };
const TRADE_002 = { file: F002, line: 14, text: 'US$86.7 billion' };

const withSeeds = (run: Parameters<typeof withSeedServer>[0], prepare?: (dir: string) => void) => withSeedServer(run, { ...(prepare ? { prepare } : {}) });

function diagnosticAt(client: TestClient, dir: string, span: { file: string; line: number; text: string }): Diagnostic | undefined {
  const r = spanRange(dir, span);
  return (client.diagnostics.get(fileUri(path.join(dir, span.file))) ?? []).find(d => overlaps(d.range, r) && (d.code === 'conflicting-figure' || d.code === 'resolved-conflict'));
}

async function conflictAt(client: TestClient, dir: string, span: { file: string; line: number; text: string }): Promise<Diagnostic> {
  return waitFor(`a conflict diagnostic on ${span.text} (${span.file}:${span.line})`, () => {
    const d = diagnosticAt(client, dir, span);
    return d?.code === 'conflicting-figure' ? d : undefined;
  });
}

function messageOf(d: Diagnostic): string {
  return typeof d.message === 'string' ? d.message : d.message.value;
}

async function hoverText(client: TestClient, uri: string, range: Range): Promise<string | null> {
  const h = await client.hover(uri, { line: range.start.line, character: range.start.character + 1 });
  return h ? (typeof h.contents === 'string' ? h.contents : h.contents.value) : null;
}

async function claimsHolding(client: TestClient, dir: string, span: { file: string; line: number; text: string }) {
  const r = spanRange(dir, span);
  const uri = fileUri(path.join(dir, span.file));
  const result = await client.request<ClaimsResult>('triangulate/claims', { includeSingles: true, limit: 100000 });
  return result.claims.filter(c => c.sources.some(s => s.uri === uri && s.figures.some(f => overlaps(f.range, r))));
}

test('on a seed conflict: accept (preferred), disputed, not the same quantity, ignore; accepting settles it in diagnostics, hover and the claims view', () => withSeeds(async (client, dir) => {
  const d = await conflictAt(client, dir, TRADE_000);
  const uri000 = fileUri(path.join(dir, F000));
  const actions = await codeActions(client, uri000, d.range, [d]);
  const titles = actions.map(a => a.title);
  assert.ok(actions.every(a => a.kind === 'quickfix'), 'all quick fixes');
  const preferred = actions.filter(a => a.isPreferred);
  assert.deepEqual(preferred.map(a => a.title), ['Accept US$86.8 billion as the value']);
  assert.ok(titles.includes('Mark as disputed'), titles.join(' | '));
  assert.ok(titles.includes('Ignore this conflict'), titles.join(' | '));
  assert.ok(titles.includes(`Not the same quantity as $86.7 billion (${F001}:9)`), titles.join(' | '));
  assert.ok(pick(actions, 'Accept US$86.8 billion as the value').diagnostics?.some(x => messageOf(x) === messageOf(d)), 'the fix names the diagnostic it fixes');

  const yaml = new YamlInEditor(client, dir);
  const text = yaml.apply(pick(actions, 'Accept US$86.8 billion as the value'));
  const written = YAML.parse(text) as { verdicts: { file: string; exact: string; verdict: string }[] };
  assert.deepEqual(written.verdicts.map(v => [v.file, v.exact, v.verdict]), [[F000, 'US$86.8 billion', 'accepted']]);

  // The conflict is settled: a hint that stays visible, on this figure and on the values it settled.
  const settled = await waitFor('the accepted conflict to become a resolved-conflict hint', () => {
    const x = diagnosticAt(client, dir, TRADE_000);
    return x?.code === 'resolved-conflict' ? x : undefined;
  });
  assert.equal(settled.severity, DiagnosticSeverity.Hint);
  assert.match(messageOf(settled), /accepted value US\$86\.8 billion/);
  await waitFor('001 to show the settled conflict', () => diagnosticAt(client, dir, TRADE_001)?.code === 'resolved-conflict');
  assert.equal(diagnosticAt(client, dir, TRADE_002)?.code, 'resolved-conflict');

  const md = await hoverText(client, uri000, spanRange(dir, TRADE_000));
  assert.ok(md);
  assert.match(md, /resolved by an annotation/);
  assert.match(md, /US\$86\.8 billion ◀ \| USD 86\.8 billion \(accepted\)/);
  const [claim] = await claimsHolding(client, dir, TRADE_000);
  assert.ok(claim);
  assert.equal(claim.status, 'conflict');
  assert.equal(claim.resolved, true);
  assert.ok(claim.sources.some(s => s.figures.some(f => f.verdict === 'accepted')));

  // Changing one's mind: "Mark as disputed" on the same figure changes the verdict, not a second one.
  const again = await codeActions(client, uri000, settled.range, [settled]);
  assert.ok(!again.some(a => a.title.startsWith('Accept ')), 'no "accept" on an accepted value');
  const after = yaml.apply(pick(again, 'Mark as disputed'));
  assert.equal((YAML.parse(after) as { verdicts: unknown[] }).verdicts.length, 1);
  const disputed = await waitFor('the conflict to be a warning again, marked disputed', () => {
    const x = diagnosticAt(client, dir, TRADE_000);
    return x?.code === 'conflicting-figure' && /marked disputed/.test(messageOf(x)) ? x : undefined;
  });
  assert.equal(disputed.severity, DiagnosticSeverity.Warning);
}));

test('"Not the same quantity" splits two seed figures into different claims', () => withSeeds(async (client, dir) => {
  const before = await claimsHolding(client, dir, TRADE_000);
  const r001 = spanRange(dir, TRADE_001);
  assert.ok(before.some(c => c.sources.some(s => s.figures.some(f => overlaps(f.range, r001)))), 'the engine alone holds both in one claim');
  const d = await conflictAt(client, dir, TRADE_000);
  const uri000 = fileUri(path.join(dir, F000));
  const yaml = new YamlInEditor(client, dir);
  const text = yaml.apply(pick(await codeActions(client, uri000, d.range, [d]), `Not the same quantity as $86.7 billion (${F001}:9)`));
  const split = (YAML.parse(text) as { splits: { figures: { file: string; exact: string }[] }[] }).splits;
  assert.deepEqual(split.map(s => s.figures.map(f => `${f.file}:${f.exact}`)), [[`${F000}:US$86.8 billion`, `${F001}:$86.7 billion`]]);
  await waitFor('no claim to hold both figures', async () => {
    const claims = await claimsHolding(client, dir, TRADE_000);
    return claims.length > 0 && !claims.some(c => c.sources.some(s => s.figures.some(f => overlaps(f.range, r001))));
  });
  // Hover on 000's figure no longer lists 001's value.
  const md = await hoverText(client, uri000, spanRange(dir, TRADE_000));
  assert.ok(md && !md.includes(F001), 'the hover on 000 does not list 001 any more');
}));

test('"Ignore this conflict" names the claim in claims: and ignores it: its conflict diagnostics clear, the claim stays in the claims view', () => withSeeds(async (client, dir) => {
  const d = await conflictAt(client, dir, TRADE_000);
  const uri000 = fileUri(path.join(dir, F000));
  const yaml = new YamlInEditor(client, dir);
  const text = yaml.apply(pick(await codeActions(client, uri000, d.range, [d]), 'Ignore this conflict'));
  const parsed = YAML.parse(text) as { claims: { id: string; label: string }[]; ignore: { claim: string }[] };
  assert.equal(parsed.claims.length, 1);
  assert.deepEqual(parsed.ignore, [{ claim: parsed.claims[0]!.id }]);
  await waitFor('the trade conflict diagnostics to clear in 000, 001 and 002', () =>
    [TRADE_000, TRADE_001, TRADE_002].every(s => diagnosticAt(client, dir, s) === undefined));
  const [claim] = await claimsHolding(client, dir, TRADE_000);
  assert.ok(claim, 'the claim is still listed');
  assert.equal(claim.id, parsed.claims[0]!.id);
  assert.equal(claim.resolved, true);
  // Other conflicts are untouched.
  assert.ok(listSeeds().some(f => (client.diagnostics.get(fileUri(path.join(dir, f))) ?? []).some(x => x.code === 'conflicting-figure')), 'other conflicts remain');
}));

const COMMENTED = `# Judgements for the state-visit corpus.
# Keep this header.
version: 1

sources:
  ${F001}: { outlet: Some Wire,   published: 2025-08-11 }   # spacing kept

entities:
  - name: Lee Jae-myung      # the president
    kind: person
    aliases: [President Lee]

# Verdicts below, one per figure.
verdicts:
  - file: ${F002}
    exact: US$150 billion    # the 2030 target
    verdict: accepted
    note: "all five agree"

not_entities:
  - Related Articles
`;

test('a quick fix on a file with comments keeps them and every untouched entry byte for byte; the disk file, once saved, is followed by the watcher', () => withSeeds(async (client, dir) => {
  const file = path.join(dir, 'triangulate.yaml');
  const d = await conflictAt(client, dir, TRADE_000);
  const uri000 = fileUri(path.join(dir, F000));
  const accept = pick(await codeActions(client, uri000, d.range, [d]), 'Accept US$86.8 billion as the value');
  const edits = accept.edit!.changes?.[fileUri(file)] ?? [];
  assert.ok(edits.length > 0);
  assert.ok(edits.every(e => e.range.start.line === e.range.end.line && e.range.start.character === e.range.end.character), 'only insertions: no existing byte is rewritten');
  const after = applyWorkspaceEdit(accept.edit!, new Map([[fileUri(file), COMMENTED]])).get(fileUri(file))!;
  // Every original line is still there, in order, unchanged.
  const newLines = after.split('\n');
  let k = 0;
  for (const line of COMMENTED.split('\n')) {
    while (k < newLines.length && newLines[k] !== line) k++;
    assert.ok(k < newLines.length, `line kept: ${JSON.stringify(line)}`);
    k++;
  }
  const verdicts = (YAML.parse(after) as { verdicts: { exact: string; verdict: string }[] }).verdicts;
  assert.deepEqual(verdicts.map(v => [v.exact, v.verdict]), [['US$150 billion', 'accepted'], ['US$86.8 billion', 'accepted']]);
  assert.equal(readFileSync(file, 'utf8'), COMMENTED, 'the server never writes the file itself');

  // Saved to disk (as the editor would), the watcher event applies it.
  writeFileSync(file, after);
  client.fileChanged([{ uri: fileUri(file), type: 2 }]);
  await waitFor('the accepted value to settle the conflict', () => diagnosticAt(client, dir, TRADE_000)?.code === 'resolved-conflict');
}, dir => writeFileSync(path.join(dir, 'triangulate.yaml'), COMMENTED)));

test('"Name this claim…" writes a claim with the engine\'s label; the label as the user edits it shows in the hover', () => withSeeds(async (client, dir) => {
  const target = { file: F000, line: 9, text: 'US$150 billion' };
  const uri = fileUri(path.join(dir, F000));
  const r = spanRange(dir, target);
  const actions = await codeActions(client, uri, { start: { line: r.start.line, character: r.start.character + 2 }, end: { line: r.start.line, character: r.start.character + 2 } });
  const name = pick(actions, /^Name this claim… \(".+"\)$/);
  const yaml = new YamlInEditor(client, dir);
  const text = yaml.apply(name);
  const claims = (YAML.parse(text) as { claims: { id: string; label: string; figures: { exact: string }[] }[] }).claims;
  assert.equal(claims.length, 1);
  assert.ok(name.title.includes(claims[0]!.label), 'the default label is the one in the title');
  assert.deepEqual(claims[0]!.figures.map(f => f.exact), ['US$150 billion']);
  // The user types their own label over the default.
  yaml.set(text.replace(/label: .*/, 'label: Two-way trade goal for 2030'));
  await waitFor('the hover to show the new label', async () => /^\*\*Two-way trade goal for 2030\*\*/.test((await hoverText(client, uri, r)) ?? ''));
}));

// Made-up articles, in words of our own, where the engine keeps two names of one person apart
// ("Mira Okonkwo" and the nickname "Big Mira"), takes a company for a person, and misses a
// company named at the start of a sentence.
const ARTICLE_A = `ELLERY, March 3, 2025 - Harbor Authority chairwoman Mira Okonkwo said on Monday that cargo volume at the port of Ellery reached 4.2 million tonnes last year, up from 3.9 million tonnes a year earlier.

Okonkwo said the Nordlift Haulage contract, worth $310 million, would be signed in April.
`;
const ARTICLE_B = `ELLERY, March 4, 2025 - The port's long-serving chief, whom dock workers call Big Mira, told reporters that cargo volume at the port reached 4.4 million tonnes last year.

Big Mira added that Nordlift would start work on the new cranes in April, and that Kestrel Freight had also bid. Tidewater reported a loss.
`;

test('on entity mentions: an alias joins two names the engine kept apart, a kind is changed, a name is no entity, an untagged phrase is tagged', async () => {
  const dir = fixtureFolder({ 'a.txt': ARTICLE_A, 'b.txt': ARTICLE_B });
  const client = await TestClient.start({ folder: dir, settings: { debounce: 20 } });
  try {
    await client.indexed(2);
    const a = fileUri(path.join(dir, 'a.txt'));
    const b = fileUri(path.join(dir, 'b.txt'));
    const yaml = new YamlInEditor(client, dir);
    const at = (text: string, needle: string, nth = 1) => { const r = rangeIn(text, needle, nth); return { start: { line: r.start.line, character: r.start.character + 1 }, end: { line: r.start.line, character: r.start.character + 1 } }; };

    // Alias: "Big Mira" is another name of Mira Okonkwo.
    const before = await hoverText(client, b, at(ARTICLE_B, 'Big Mira'));
    assert.match(before ?? '', /^\*\*Big Mira\*\*: person/, 'the engine alone keeps Big Mira apart');
    yaml.apply(pick(await codeActions(client, b, at(ARTICLE_B, 'Big Mira')), 'Alias of Mira Okonkwo'));
    await waitFor('Big Mira to be a mention of Mira Okonkwo', async () => /^\*\*Mira Okonkwo\*\*: person/.test((await hoverText(client, b, at(ARTICLE_B, 'Big Mira'))) ?? ''));
    const joined = (await hoverText(client, a, at(ARTICLE_A, 'Mira Okonkwo')))!;
    assert.match(joined, /Forms seen: .*Big Mira/);
    assert.match(joined, /Mentions: \d+ in 2 source\(s\)/);

    // Kind: Nordlift Haulage is an organisation, not a person.
    assert.match((await hoverText(client, a, at(ARTICLE_A, 'Nordlift Haulage'))) ?? '', /^\*\*Nordlift Haulage\*\*: person/);
    yaml.apply(pick(await codeActions(client, a, at(ARTICLE_A, 'Nordlift Haulage')), 'Change kind to organization'));
    await waitFor('Nordlift Haulage to be an organisation', async () => /^\*\*Nordlift Haulage\*\*: organisation/.test((await hoverText(client, a, at(ARTICLE_A, 'Nordlift Haulage'))) ?? ''));

    // Not an entity.
    assert.ok(await hoverText(client, b, at(ARTICLE_B, 'Kestrel Freight')), 'Kestrel Freight starts as an entity');
    yaml.apply(pick(await codeActions(client, b, at(ARTICLE_B, 'Kestrel Freight')), 'Not an entity'));
    await waitFor('Kestrel Freight to be no entity', async () => (await hoverText(client, b, at(ARTICLE_B, 'Kestrel Freight'))) === null);

    // An untagged capitalised word: tag it.
    assert.equal(await hoverText(client, b, at(ARTICLE_B, 'Tidewater')), null, 'the engine alone leaves Tidewater untagged');
    const tagActions = await codeActions(client, b, at(ARTICLE_B, 'Tidewater'));
    assert.deepEqual(tagActions.filter(x => x.title.startsWith('Tag ')).map(x => x.title), ['Tag "Tidewater" as person', 'Tag "Tidewater" as place', 'Tag "Tidewater" as organization']);
    const text = yaml.apply(pick(tagActions, 'Tag "Tidewater" as organization'));
    await waitFor('Tidewater to be an organisation', async () => /^\*\*Tidewater\*\*: organisation/.test((await hoverText(client, b, at(ARTICLE_B, 'Tidewater'))) ?? ''));

    // All four judgements are in the one file, each in its section.
    const parsed = YAML.parse(text) as Record<string, unknown[]>;
    assert.deepEqual(Object.keys(parsed).sort(), ['entities', 'not_entities', 'tags', 'version'].sort());
    assert.equal(parsed['entities']!.length, 2);
    assert.ok(await client.alive());
  } finally {
    await client.stop();
    removeDir(dir);
  }
});
