// The extension manifest matches the server: every semantic token type and
// modifier the server sends is contributed, with TextMate scopes that give
// entity kinds and figure kinds colours of their own; every setting the server
// reads is contributed with a description; commands in menus exist; the
// client entry is the bundle.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { legend } from '../../server/src/features/semanticTokens';
import { defaultSettings } from '../../server/src/workspace/settings';
import { Codes } from '../../server/src/core/types';
import { repoRoot } from './client';

const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
const c = pkg.contributes;

test('every semantic token type and modifier of the legend is contributed, with scopes', () => {
  const types = new Set(c.semanticTokenTypes.map((t: { id: string }) => t.id));
  const modifiers = new Set(c.semanticTokenModifiers.map((t: { id: string }) => t.id));
  const scopes = c.semanticTokenScopes[0].scopes as Record<string, string[]>;
  for (const t of legend.tokenTypes) {
    assert.ok(types.has(t), `token type ${t} not contributed`);
    assert.ok(scopes[t]?.length, `token type ${t} has no TextMate scope`);
  }
  for (const m of legend.tokenModifiers) assert.ok(modifiers.has(m) || m === 'declaration', `modifier ${m} not contributed`);
});

test('person, place and organisation, and money, percent, count and date map to different theme colours', () => {
  const scopes = c.semanticTokenScopes[0].scopes as Record<string, string[]>;
  // Dark+ and Light+ colour entity.name.function, entity.name.type, keyword.control, constant.numeric,
  // constant.language, string.regexp and string.other each differently (checked in a real VS Code).
  const family = (t: string) => scopes[t]![0]!.split('.').slice(0, 3).join('.');
  const distinct = (kinds: string[]) => assert.equal(new Set(kinds.map(family)).size, kinds.length, kinds.map(k => `${k}: ${family(k)}`).join(', '));
  distinct(['person', 'place', 'organization']);
  distinct(['money', 'percent', 'count', 'date']);
  assert.deepEqual([scopes.date![0]!.split('.').slice(0, 2), scopes.duration![0]!.split('.').slice(0, 2)], [['string', 'other'], ['string', 'other']], 'dates and durations share a colour');
});

test('the settings the server reads are contributed with descriptions and the same defaults', () => {
  const props = c.configuration.properties as Record<string, { default: unknown; markdownDescription?: string; description?: string }>;
  for (const [key, value] of Object.entries({ include: defaultSettings.include, exclude: defaultSettings.exclude, markdown: defaultSettings.markdown, debounce: defaultSettings.debounce })) {
    const p = props[`triangulate.${key}`];
    assert.ok(p, `triangulate.${key} missing`);
    assert.ok((p.markdownDescription ?? p.description ?? '').length > 20, `triangulate.${key} needs a description`);
    assert.deepEqual(p.default, value, `default of triangulate.${key}`);
  }
  for (const code of Object.values(Codes)) {
    const key = `triangulate.severity.${code.replace(/-([a-z])/g, (_, ch: string) => ch.toUpperCase())}`;
    assert.ok(props[key], `${key} missing (severity of rule ${code})`);
    assert.ok(props[key]!.markdownDescription);
  }
});

test('commands used in menus are declared; the client entry is the bundle; the article language has its grammar', () => {
  const commands = new Set(c.commands.map((x: { command: string }) => x.command));
  for (const items of Object.values(c.menus) as { command: string }[][]) for (const m of items) assert.ok(commands.has(m.command), `menu command ${m.command} undeclared`);
  assert.equal(pkg.main, './dist/client.js');
  assert.ok(existsSync(path.join(repoRoot, 'dist', 'client.js')), 'dist/client.js is built');
  assert.ok(c.views.explorer.some((v: { id: string }) => v.id === 'triangulate.claims'));
  assert.ok(c.languages.some((l: { id: string }) => l.id === 'article'));
  assert.ok(c.grammars.some((g: { language: string }) => g.language === 'article'));
  assert.ok(pkg.activationEvents.includes('onLanguage:plaintext'));
  assert.match(pkg.scripts.build, /^node scripts\/build-data\.mjs && tsc -p \. && node scripts\/bundle\.mjs/);
});
