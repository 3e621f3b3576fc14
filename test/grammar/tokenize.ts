// Tokenises text with the article grammar the way VS Code does: vscode-textmate
// over the Oniguruma WebAssembly build.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as vsctm from 'vscode-textmate';

export const repoRoot = path.resolve(__dirname, '../../..');
export const grammarPath = path.join(repoRoot, 'syntaxes', 'article.tmLanguage.json');

let grammar: Promise<vsctm.IGrammar> | undefined;

export function loadGrammar(): Promise<vsctm.IGrammar> {
  grammar ??= (async () => {
    const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer);
    const registry = new vsctm.Registry({
      onigLib: Promise.resolve({
        createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
        createOnigString: (s: string) => new oniguruma.OnigString(s),
      }),
      loadGrammar: async scopeName => scopeName === 'text.article'
        ? vsctm.parseRawGrammar(readFileSync(grammarPath, 'utf8'), grammarPath)
        : null,
    });
    const g = await registry.loadGrammar('text.article');
    if (!g) throw new Error('the article grammar did not load');
    return g;
  })();
  return grammar;
}

export interface Token { line: number; start: number; end: number; text: string; scopes: string[] }

/** Tokens of a text, line by line, with the rule stack carried across lines. */
export async function tokenize(text: string): Promise<Token[]> {
  const g = await loadGrammar();
  const out: Token[] = [];
  let stack = vsctm.INITIAL;
  text.split(/\r\n|\r|\n/).forEach((line, i) => {
    const r = g.tokenizeLine(line, stack);
    for (const t of r.tokens) out.push({ line: i, start: t.startIndex, end: Math.min(t.endIndex, line.length), text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes });
    stack = r.ruleStack;
  });
  return out;
}

/** The innermost `.article` scope that covers exactly `needle` in `line`, or the scopes found there. */
export async function scopeOf(line: string, needle: string, nth = 1): Promise<string[]> {
  let at = -1;
  for (let k = 0; k < nth; k++) at = line.indexOf(needle, at + 1);
  if (at < 0) throw new Error(`"${needle}" is not in the line`);
  const tokens = (await tokenize(line)).filter(t => t.start < at + needle.length && t.end > at);
  const scopes = new Set<string>();
  for (const t of tokens) {
    const inner = [...t.scopes].reverse().find(s => s !== 'text.article' && !s.startsWith('punctuation.'));
    scopes.add(inner ?? 'none');
  }
  return [...scopes];
}
