import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseAnnotations, tagAt, tagByPath, describeTag, describeAnchor } from '../../server/src/core/annotations';
import { annotated, harbor, lookup } from './fixtures';

const model = parseAnnotations(annotated).model!;

function hoverAt(needle: string, delta = 0): string {
  const offset = annotated.indexOf(needle) + delta;
  const hit = tagAt(model, offset);
  assert.ok(hit, needle);
  return describeTag(hit, lookup);
}

test('a verdict shows its verdict, note and the anchored text in context with its line', () => {
  const md = hoverAt('exact: "$310 million"');
  assert.match(md, /^\*\*Verdict: accepted\*\*/);
  assert.match(md, /matches the tender notice/);
  assert.match(md, /`harbor\.txt` line 2:/);
  assert.match(md, /contract, worth \*\*\$310 million\*\*, would be/);
});

test('the innermost tag wins: a figure of a claim, then the claim itself', () => {
  const fig = hoverAt('exact: 4.4 million tonnes }');
  assert.match(fig, /^\*\*Figure of claim `cargo-2024`\*\*: Cargo volume in 2024/);
  assert.match(fig, /`gazette\.txt` line 3:/);
  assert.match(fig, /rose to \*\*4\.4 million tonnes\*\* in 2024/);
  const claim = hoverAt('label: Cargo volume');
  assert.match(claim, /^\*\*Claim `cargo-2024`\*\*: Cargo volume in 2024 \(2 figures, the same quantity\)/);
  assert.match(claim, /- `harbor\.txt` line 1: .*\*\*4\.2 million tonnes\*\*/);
});

test('entities, sources, tags, splits and ignores each say what they do', () => {
  assert.match(hoverAt('name: Mira Okonkwo'), /\*\*Entity\*\* “Mira Okonkwo” \(person\)\n\nAlso called: “Okonkwo”, “Chairwoman Okonkwo”/);
  const src = hoverAt('harbor.txt:\n', 2);
  assert.match(src, /\*\*Source `harbor\.txt`\*\*: outlet Coastal Wire · published 2025-03-03 · reliability high/);
  assert.match(src, /> Port Ellery, March 3, 2025/);
  assert.match(hoverAt('exact: Nordlift AS'), /^\*\*Tagged organization\*\*[\s\S]*\*\*Nordlift AS\*\*/);
  assert.match(hoverAt('note: a 2027 target'), /^\*\*Split\*\*: 2 figures, no two of them the same quantity\n\na 2027 target, not a count/);
  assert.match(hoverAt('claim: cargo-2024'), /^\*\*Ignored claim `cargo-2024`\*\*/);
  assert.match(hoverAt('code: conflicting-figure'), /^\*\*Ignored diagnostics `conflicting-figure`\*\* in `gazette\.txt`/);
  assert.match(hoverAt('- Read also', 2), /\*\*Not an entity\*\*: “Read also”/);
  assert.equal(tagAt(model, annotated.indexOf('version')), undefined);
});

test('stale and missing anchors say so, and tagByPath finds a tag from problem data', () => {
  const moved = harbor.replace('$310 million', '$315 million');
  const stale = describeTag(tagByPath(model, ['verdicts', 0])!, f => (f === 'harbor.txt' ? moved : lookup(f)));
  assert.match(stale, /⚠ the anchored text “\$310 million” is no longer there; the closest passage now reads:\n\n> .*\*\*\$315 million\*\*/);
  assert.match(describeAnchor({ file: 'gone.txt', exact: 'x' }, lookup), /`gone\.txt`: ⚠ this article is not in the folder/);
  assert.match(describeAnchor({ file: 'harbor.txt', exact: 'zebra crossing' }, lookup), /no longer in this article/);
  assert.equal(tagByPath(model, ['claims', 0, 'figures', 1])?.type, 'claim-figure');
});

test('article text is escaped for Markdown', () => {
  const text = 'A *bold* claim: [link](x) costs $5_000 <b>now</b>.';
  const md = describeAnchor({ file: 'a.txt', exact: '$5_000' }, () => text);
  assert.match(md, /\\\*bold\\\* claim: \\\[link\\\]\\\(x\\\) costs \*\*\$5\\_000\*\* \\<b\\>now\\<\/b\\>\./);
});
