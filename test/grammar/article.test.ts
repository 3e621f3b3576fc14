// The article grammar: figures, dates and quotations get their scopes at once,
// before the language server answers, with the scopes the server's semantic
// token types map to (so the colours do not change when the server answers).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot, scopeOf, tokenize } from './tokenize';

const seeds = path.resolve(repoRoot, '../shared/seeds');
const seedLine = (file: string, line: number) => readFileSync(path.join(seeds, file), 'utf8').split(/\r?\n/)[line - 1]!;

async function expectScope(line: string, needle: string, scope: string, nth = 1) {
  assert.deepEqual(await scopeOf(line, needle, nth), [scope], `"${needle}" in: ${line.slice(0, 120)}`);
}

test('money, percent, counts, ranks, dates and durations in the seed articles get figure scopes', async () => {
  const l9 = seedLine('000_194b222c75d92c06.txt', 9);
  await expectScope(l9, 'US$150 billion', 'constant.numeric.money.article');
  await expectScope(l9, 'US$86.8 billion', 'constant.numeric.money.article');
  await expectScope(l9, 'four-day', 'string.other.duration.article');
  await expectScope(l9, 'Monday', 'string.other.date.article');
  await expectScope(l9, '2030', 'string.other.date.article');
  await expectScope(seedLine('001_f66de1d8ea6897c6.txt', 9), '$86.7 billion', 'constant.numeric.money.article');
  await expectScope(seedLine('001_f66de1d8ea6897c6.txt', 12), '8.3%', 'constant.language.percent.article');
  await expectScope(seedLine('001_f66de1d8ea6897c6.txt', 7), 'third-largest', 'constant.numeric.rank.article');
  await expectScope(seedLine('002_8f3f8afe8117fa3d.txt', 13), '15 per cent', 'constant.language.percent.article');
  await expectScope(seedLine('004_1eac7ccde6f77d5e.txt', 3), 'August 11, 2025', 'string.other.date.article');
  await expectScope(seedLine('003_9de363946368c298.txt', 14), 'August 2021', 'string.other.date.article');
  await expectScope(seedLine('004_1eac7ccde6f77d5e.txt', 19), 'five million', 'string.regexp.count.article');
  await expectScope(seedLine('000_194b222c75d92c06.txt', 11), '10,000', 'string.regexp.count.article');
});

test('a figure is one token: the currency, the number and the scale word together', async () => {
  const tokens = await tokenize('Trade reached US$86.8 billion last year.');
  const money = tokens.filter(t => t.scopes.includes('constant.numeric.money.article'));
  assert.deepEqual(money.map(t => t.text), ['US$86.8 billion']);
  assert.deepEqual((await tokenize('about €5 million and 12 dollars')).filter(t => t.scopes.some(s => s.startsWith('constant.numeric.money'))).map(t => t.text), ['€5 million', '12 dollars']);
});

test('quotations are strings, with figures inside them still coloured as figures', async () => {
  const line = 'He said “we will reach 20 per cent” and left, calling it \'a big step\'.';
  await expectScope(line, 'we will reach', 'string.quoted.double.article');
  await expectScope(line, '20 per cent', 'constant.language.percent.article');
  await expectScope(line, 'a big step', 'string.quoted.single.article');
  await expectScope(line, 'and left', 'none');
});

test('an unclosed quotation stops at the end of its line', async () => {
  const tokens = await tokenize('He said "this never closes\nNext paragraph here.');
  const second = tokens.filter(t => t.line === 1);
  assert.ok(second.length > 0);
  for (const t of second) assert.ok(!t.scopes.some(s => s.startsWith('string.quoted')), `line 2 still quoted: ${t.scopes.join(' ')}`);
});

test('apostrophes and plain words are not quotations or figures', async () => {
  // Extracted text often has a space before the possessive: "Lee Jae-myung 's new policy".
  for (const line of ["Vietnam's leader and Lam's team met the press.", "President Lee 's new policy and Vietnam 's growth, they 're sure.", "It isn 't over"]) {
    for (const t of await tokenize(line)) assert.deepEqual(t.scopes, ['text.article'], `"${t.text}" got ${t.scopes.join(' ')}`);
  }
  await expectScope("called it 'a fair and lasting deal', Berg 's aide said", 'a fair and lasting', 'string.quoted.single.article');
  await expectScope("called it 'a fair and lasting deal', Berg 's aide said", 'aide said', 'none');
});

test('plain numbers, years and percentages get the count, date and percent scopes', async () => {
  await expectScope('The ratio 3.14159 is not money', '3.14159', 'string.regexp.count.article');
  assert.deepEqual(await scopeOf('in 1997 the factory opened', '1997'), ['string.other.date.article']);
  assert.deepEqual(await scopeOf('a 15% rise', '15%'), ['constant.language.percent.article']);
});

test('every figure scope of the grammar is the scope a semantic token type maps to in package.json', () => {
  const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
  const grammar = JSON.parse(readFileSync(path.join(repoRoot, 'syntaxes', 'article.tmLanguage.json'), 'utf8'));
  const mapped = new Set<string>(Object.values(pkg.contributes.semanticTokenScopes[0].scopes as Record<string, string[]>).flat());
  const used = new Set<string>(grammar.repository.figures.patterns.map((p: { name: string }) => p.name));
  for (const scope of used) assert.ok(mapped.has(scope), `grammar scope ${scope} is no semantic token scope`);
  const grammarEntry = pkg.contributes.grammars.find((g: { language: string }) => g.language === 'article');
  assert.equal(grammarEntry.scopeName, grammar.scopeName);
  assert.ok(existsSync(path.join(repoRoot, grammarEntry.path)));
});

test('number words alone ("the two leaders") are left to the server; with a scale word they are counts', async () => {
  assert.deepEqual(await scopeOf('the two leaders signed ten documents', 'two'), ['none']);
  assert.deepEqual(await scopeOf('some five million visitors', 'five million'), ['string.regexp.count.article']);
});
