// Properties over arbitrary strings: the analysis never throws, and every span it
// reports (figures, mentions, sentences, problems and their related locations) lies inside
// the text and spells what it says.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Corpus, analyzeDocument, decodeBytes } from '../../server/src/core';
import { disagreeing } from '../../server/src/core/corpus';
import { spansAgree } from '../../server/src/core/claims';

// strings made of the pieces that trigger every reader: numbers, currency signs, names, dates, noise
const piece = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
  fc.constantFrom('US$', '$', '€', '₩', 'VND ', ' billion', 'bn', 'm', ' per cent', '%', ' to ', '-', '–', ',', '.', '\n', '\r\n', '\n\n',
    'about ', 'morethan ', 'around', 'more than ', 'up to ', 'at least ', 'an estimated ', 'ten ', 'twenty-', 'five million ', 'a dozen ',
    'third-largest ', 'four-day ', 'August 11, 2025', '11 August 2025', 'last year', 'this week', 'on Monday', 'by 2030', 'in 2024',
    'President ', 'Lee Jae-myung', "'s", '’s', ' Tô Lâm', 'To Lam', 'ASEAN', 'Association of Southeast Asian Nations', 'Republic of Korea',
    'RoK', 'Related Articles', 'said ', ', a lecturer', 'Source: ', 'By Jo Li – The Post – March 4, 2026', '“', '”', '"', "'", '\ufeff', '\u0000'),
  fc.integer({ min: 0, max: 1e7 }).map(n => String(n)),
  fc.double({ min: 0, max: 1e4, noNaN: true }).map(n => n.toFixed(2)),
);
const article = fc.array(piece, { maxLength: 60 }).map(p => p.join(''));

test('analysing any text never throws, and every span lies inside it', () => {
  fc.assert(fc.property(article, text => {
    const a = analyzeDocument('p.txt', text);
    for (const f of a.figures) {
      assert.ok(0 <= f.start && f.start < f.end && f.end <= text.length);
      assert.equal(text.slice(f.start, f.end), f.text);
      assert.ok(f.sentenceStart <= f.start && f.end <= f.sentenceEnd + 1 && f.sentenceEnd <= text.length);
    }
    for (const m of a.mentions) {
      assert.ok(0 <= m.start && m.start < m.end && m.end <= text.length);
      assert.equal(text.slice(m.start, m.end), m.text);
    }
    for (let i = 0; i < a.sentStart.length; i++) assert.ok(a.sentStart[i]! <= a.sentEnd[i]! && a.sentEnd[i]! <= text.length);
  }), { numRuns: 400, seed: 20261201 });
});

test('a corpus of arbitrary documents gives claims, entities and problems whose locations are real', () => {
  fc.assert(fc.property(fc.array(article, { minLength: 1, maxLength: 4 }), docs => {
    const c = new Corpus();
    docs.forEach((t, i) => c.set(`d${i}.txt`, t));
    const r = c.result();
    const len = (d: string) => c.text(d)!.length;
    const ids = new Set(r.figures.map(f => f.id));
    for (const cl of r.claims) for (const id of cl.figures) assert.ok(ids.has(id));
    for (const e of r.entities) for (const m of e.mentions) assert.ok(m.end <= len(m.doc));
    for (const p of r.problems) {
      assert.ok(0 <= p.start && p.start <= p.end && p.end <= len(p.doc));
      for (const rel of p.related) assert.ok(rel.end <= len(rel.doc));
    }
    // positions map back inside the text
    for (const f of r.figures) { const pos = c.position(f.doc, f.start); assert.ok(pos.line >= 0 && pos.character >= 0); }
  }), { numRuns: 60, seed: 20261201 });
});

test('decoding arbitrary bytes never throws: text or a reason', () => {
  fc.assert(fc.property(fc.uint8Array({ maxLength: 200 }), bytes => {
    const d = decodeBytes(bytes);
    if (d.ok) assert.equal(typeof d.text, 'string'); else assert.ok(d.reason.length > 0);
  }), { numRuns: 500, seed: 20261201 });
});

test('a pasted blob of 200,000 letters is read without a crash, and so is the text around it', () => {
  // a capitalised run is a name whose key is built from every letter; a lower-case one is too long to be two glued words
  for (const blob of ['ab'.repeat(100000), 'Greece' + 'ab'.repeat(100000)]) {
    const a = analyzeDocument('blob.txt', `Trade rose 5% in 2024. ${blob} Exports fell 3% last year.`);
    assert.deepEqual(a.figures.map(f => f.text), ['5%', '2024', '3%', 'last year']);
  }
});

test('an edit to an article that names one place 160,000 times is patched in, its mentions all kept', () => {
  const c = new Corpus();
  const big = 'Officials in Hanoi met. ' + 'Vietnam grew. '.repeat(160000);
  c.set('a.txt', big);
  c.set('b.txt', 'Vietnam and Laos signed 3 deals.');
  c.result();
  // a patch replaces the article's run of the entity's mentions (spread into one call, that many overflowed the stack)
  c.set('a.txt', big + ' Vietnam rose 4%.');
  const vietnam = c.mentionsOf('a.txt').find(m => m.mention.text === 'Vietnam')!.entity;
  assert.equal(c.entity(vietnam.id)!.mentions.length, 160002);
  assert.equal(c.figuresOf('a.txt').map(f => f.text).join(), '4%');
});

test('counting a claim\'s disagreeing figures over sorted bounds gives what comparing each pair gives', () => {
  // (values a margin of 1e-12 apart as well: spansAgree's own tolerance)
  const tiny = fc.integer({ min: -5, max: 5 }).map(k => k * 1e-12);
  const finite = fc.oneof(fc.double({ min: -1e6, max: 1e6, noNaN: true }), tiny, fc.integer({ min: -3, max: 3 }).map(k => 1e6 * (1 + k * 1e-12)));
  const span = fc.oneof(
    fc.constant(null),
    fc.tuple(finite, fc.oneof(fc.constant(0), tiny.map(Math.abs), fc.double({ min: 0, max: 1e4, noNaN: true })), fc.option(fc.integer({ min: 0, max: 6 }))).map(([lo, w, wd]) => ({ lo, hi: lo + w, weekday: wd })),
    fc.integer({ min: 0, max: 6 }).map(wd => ({ lo: -Infinity, hi: Infinity, weekday: wd })),
    fc.integer({ min: 0, max: 20 }).map(k => ({ lo: k * 10, hi: k * 10, weekday: null })),
  );
  fc.assert(fc.property(fc.array(fc.tuple(span, fc.boolean()), { maxLength: 80 }), span, (items, q) => {
    const spans = items.map(([s]) => s), relative = items.map(([, r]) => r);
    let want = 0;
    for (let j = 0; j < spans.length; j++) if (!relative[j] && !spansAgree(q, spans[j]!)) want++;
    assert.equal(disagreeing({ spans, relative }, q), want);
  }), { numRuns: 2000 });
});
