// Hostile texts: what pasted or extracted text can hold that articles seldom do, each a family that grows with n
// (n units of a few dozen bytes). Each was once quadratic in the engine: a run without a sentence end, figures
// wrapped across lines, many short forms, promotion lines without a blank line, many distinct glued words,
// sentences opened by plurals, many names and acronyms. The `hostile` suite times each at n and 2n.

const COUNTRIES = ['Greece', 'Hungary', 'Vietnam', 'Pakistan', 'Kenya', 'Brazil', 'Canada', 'Norway', 'Poland', 'Mexico', 'Japan', 'Chile', 'Peru', 'Egypt', 'Ghana', 'Nepal'];

/** A distinct pronounceable name for each i (two letters a step, bijective up to 14^4 * 5^4). */
function pseudoName(i: number): string {
  const C = 'bdfgklmnprstvz', V = 'aeiou';
  let s = '', x = i;
  for (let k = 0; k < 4; k++) { s += C[x % 14]! + V[Math.floor(x / 14) % 5]!; x = Math.floor(x / 70); }
  return s[0]!.toUpperCase() + s.slice(1);
}

function repeat(n: number, unit: (i: number) => string): string {
  const parts: string[] = new Array(n);
  for (let i = 0; i < n; i++) parts[i] = unit(i);
  return parts.join('');
}

const A = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** Common English words of 4 to 9 letters (the engine's own test of "common"), read when first needed. */
let common: string[] | null = null;
function commonWords(): string[] {
  if (common) return common;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const all = require('an-array-of-english-words') as string[];
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { isCommonWord } = require('../../server/src/core/words') as typeof import('../../server/src/core/words');
  return (common = all.filter(w => /^[a-z]{4,9}$/.test(w) && isCommonWord(w, 0, w.length)));
}

export interface HostileFamily { id: string; what: string; text(n: number): string }

export const FAMILIES: HostileFamily[] = [
  { id: 'amounts-no-stop', what: "'$1 ' repeated: one sentence without an end", text: n => '$1 '.repeat(n) },
  { id: 'shares-no-stop', what: "'5% ' repeated", text: n => '5% '.repeat(n) },
  { id: 'names-no-stop', what: "'Ab ' repeated", text: n => 'Ab '.repeat(n) },
  { id: 'wrapped-figures', what: 'a money figure broken across every line', text: n => 'Trade hit US$\n4 billion\n'.repeat(n) },
  { id: 'short-forms', what: 'a short form and a name in every clause, no full stop', text: n => 'Lee said 5% of Acme '.repeat(n) },
  { id: 'promotions', what: 'promotion lines and figures, no blank line', text: n => 'Story\nIt rose.\n' + 'Advertisement\nExports rose 5%\n'.repeat(n) },
  { id: 'promotion-blocks', what: 'promotion blocks each ended by a blank line', text: n => 'Story\nIt rose.\n' + 'Advertisement\n\nExports rose 5%\n'.repeat(n) },
  { id: 'glued-countries', what: 'a country name glued to a common word, each pair once', text: n => { const w = commonWords(); return repeat(n, i => `${COUNTRIES[i % COUNTRIES.length]}${w[Math.floor(i / COUNTRIES.length) % w.length]} `); } },
  { id: 'opening-plurals', what: 'sentences opened by plural common nouns ("Analysts said")', text: n => 'Analysts said so. Officials agreed. '.repeat(n) },
  { id: 'names-acronyms', what: 'distinct two-word names and four-letter acronyms', text: n => repeat(n, i => `B${pseudoName(i).toLowerCase()} ${pseudoName(i + 7)} said. B${A[i % 26]}${A[Math.floor(i / 26) % 26]}${A[Math.floor(i / 676) % 26]} rose. `) },
];
