// An accepted value stays accepted while the article is edited: the verdict follows its figure when
// text is inserted before it (the anchor moves), in the hover and in the diagnostics, and a
// verdict added while editing shows in the next hover.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic, Range } from 'vscode-languageserver-protocol';
import { TestClient, withSeedServer, fileUri, overlaps, spanRange, waitFor } from './client';
import { YamlInEditor, codeActions, pick } from './annotationsHelpers';

const F000 = '000_194b222c75d92c06.txt';
const TRADE_000 = { file: F000, line: 9, text: 'US$86.8 billion' };

async function hoverText(client: TestClient, uri: string, range: Range): Promise<string | null> {
  const h = await client.hover(uri, { line: range.start.line, character: range.start.character + 1 });
  return h ? (typeof h.contents === 'string' ? h.contents : h.contents.value) : null;
}

function diagnosticOn(client: TestClient, uri: string, range: Range): Diagnostic | undefined {
  return (client.diagnostics.get(uri) ?? []).find(d => overlaps(d.range, range) && (d.code === 'conflicting-figure' || d.code === 'resolved-conflict'));
}

test('an accepted value stays accepted after an edit moves it; the hover shows it at once', () => withSeedServer(async (client, dir) => {
  const uri = fileUri(path.join(dir, F000));
  const range = spanRange(dir, TRADE_000);
  const d = await waitFor('the conflict on the trade figure', () => { const x = diagnosticOn(client, uri, range); return x?.code === 'conflicting-figure' ? x : undefined; });
  const text = readFileSync(path.join(dir, F000), 'utf8');
  client.open(path.join(dir, F000), 'plaintext', text);
  const yaml = new YamlInEditor(client, dir);
  yaml.apply(pick(await codeActions(client, uri, d.range, [d]), 'Accept US$86.8 billion as the value'));
  // the next hover applies the annotation file first
  assert.match((await hoverText(client, uri, range)) ?? '', /\(accepted\)/);

  // a line inserted above the figure: every offset after it moves
  const edited = 'Editor\'s note: figures updated.\n' + text;
  client.change(uri, edited);
  const moved = { start: { line: range.start.line + 1, character: range.start.character }, end: { line: range.end.line + 1, character: range.end.character } };
  assert.match((await hoverText(client, uri, moved)) ?? '', /\(accepted\)/);
  await waitFor('the moved figure published as a resolved conflict', () => diagnosticOn(client, uri, moved)?.code === 'resolved-conflict');
}));
