// Hover text for a tag in triangulate.yaml: what the tag says and the article text it anchors,
// with a little context, in Markdown.
import { lineStarts, positionAt } from '../text';
import { resolveAnchor } from './anchors';
import type { Anchor, AnchorRef, AnnotationModel, ClaimEntry, EntityEntry, IgnoreEntry, NotEntityEntry, SourceEntry, SpanTagEntry, SplitEntry, TagPath, TextRange, VerdictEntry } from './model';

/** The tag under a position of the YAML text (the innermost: a figure of a claim rather than the claim). */
export type TagHit =
  | { type: 'verdict'; entry: VerdictEntry }
  | { type: 'tag'; entry: SpanTagEntry }
  | { type: 'claim'; entry: ClaimEntry }
  | { type: 'claim-figure'; entry: ClaimEntry; figure: AnchorRef }
  | { type: 'split'; entry: SplitEntry }
  | { type: 'split-figure'; entry: SplitEntry; figure: AnchorRef }
  | { type: 'ignore'; entry: IgnoreEntry }
  | { type: 'entity'; entry: EntityEntry }
  | { type: 'not-entity'; entry: NotEntityEntry }
  | { type: 'source'; entry: SourceEntry };

/** Reads an article by its path relative to the YAML's folder (undefined: not there). */
export type ArticleLookup = (file: string) => string | undefined;

function inside(r: TextRange, offset: number): boolean {
  return r.start <= offset && offset <= r.end;
}

export function tagAt(model: AnnotationModel, offset: number): TagHit | undefined {
  for (const entry of model.claims) {
    if (!inside(entry.range, offset)) continue;
    const figure = entry.figures.find(f => inside(f.range, offset));
    return figure ? { type: 'claim-figure', entry, figure } : { type: 'claim', entry };
  }
  for (const entry of model.splits) {
    if (!inside(entry.range, offset)) continue;
    const figure = entry.figures.find(f => inside(f.range, offset));
    return figure ? { type: 'split-figure', entry, figure } : { type: 'split', entry };
  }
  const simple: [TagHit['type'], { range: TextRange }[]][] = [
    ['verdict', model.verdicts], ['tag', model.tags], ['ignore', model.ignores], ['entity', model.entities],
    ['not-entity', model.notEntities], ['source', model.sources],
  ];
  for (const [type, list] of simple) {
    const entry = list.find(e => inside(e.range, offset));
    if (entry) return { type, entry } as TagHit;
  }
  return undefined;
}

/** The tag at a path (as in problem data), if any. */
export function tagByPath(model: AnnotationModel, path: TagPath): TagHit | undefined {
  const same = (p: TagPath) => p.length === path.length && p.every((x, i) => x === path[i]);
  for (const entry of model.claims) {
    if (same(entry.path)) return { type: 'claim', entry };
    const figure = entry.figures.find(f => same(f.path));
    if (figure) return { type: 'claim-figure', entry, figure };
  }
  for (const entry of model.splits) {
    if (same(entry.path)) return { type: 'split', entry };
    const figure = entry.figures.find(f => same(f.path));
    if (figure) return { type: 'split-figure', entry, figure };
  }
  const simple: [TagHit['type'], { path: TagPath }[]][] = [
    ['verdict', model.verdicts], ['tag', model.tags], ['ignore', model.ignores], ['entity', model.entities],
    ['not-entity', model.notEntities], ['source', model.sources],
  ];
  for (const [type, list] of simple) {
    const entry = list.find(e => same(e.path));
    if (entry) return { type, entry } as TagHit;
  }
  return undefined;
}

/** Escapes text for Markdown. */
export function escapeMarkdown(s: string): string {
  return s.replace(/[\\`*_{}\[\]<>()#+!|~]/g, c => '\\' + c);
}

const CONTEXT_CHARS = 80;

/** "`a.txt` line 4:" and a quote of the anchored text in its context (bold), or a warning when it is not there any more. */
export function describeAnchor(anchor: Anchor, articles: ArticleLookup): string {
  const text = articles(anchor.file);
  const where = `\`${anchor.file}\``;
  if (text === undefined) return `${where}: ⚠ this article is not in the folder.`;
  const m = resolveAnchor(anchor, text);
  if (!m) return `${where}: ⚠ the text “${escapeMarkdown(oneLine(anchor.exact))}” is no longer in this article, and nothing like it is.`;
  const line = positionAt(lineStarts(text), m.start).line + 1;
  const quote = quoteAround(text, m.start, m.end);
  if (m.stale) return `${where} line ${line}: ⚠ the anchored text “${escapeMarkdown(oneLine(anchor.exact))}” is no longer there; the closest passage now reads:\n\n> ${quote}`;
  return `${where} line ${line}:\n\n> ${quote}`;
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

function quoteAround(text: string, start: number, end: number): string {
  let s = Math.max(0, start - CONTEXT_CHARS);
  let e = Math.min(text.length, end + CONTEXT_CHARS);
  // Stay within the paragraph, and start and end on word boundaries.
  const para = text.lastIndexOf('\n\n', start);
  if (para >= s) s = para + 2;
  const paraEnd = text.indexOf('\n\n', end);
  if (paraEnd >= 0 && paraEnd < e) e = paraEnd;
  if (s > 0 && s < start) { const sp = text.indexOf(' ', s); if (sp >= 0 && sp < start) s = sp + 1; }
  if (e < text.length && e > end) { const sp = text.lastIndexOf(' ', e); if (sp > end) e = sp; }
  const before = oneLine(' ' + text.slice(s, start)).trimStart();
  const after = oneLine(text.slice(end, e) + ' ').trimEnd();
  const lead = s > 0 ? '…' : '';
  const tail = e < text.length ? '…' : '';
  const sepB = /\s$/.test(text.slice(s, start)) && before ? ' ' : '';
  const sepA = /^\s/.test(text.slice(end, e)) && after ? ' ' : '';
  return `${lead}${escapeMarkdown(before)}${sepB}**${escapeMarkdown(oneLine(text.slice(start, end)))}**${sepA}${escapeMarkdown(after)}${tail}`;
}

function noteLine(note: string | undefined): string {
  return note ? `\n\n${escapeMarkdown(note)}` : '';
}

/** Markdown for a hover on a tag. */
export function describeTag(hit: TagHit, articles: ArticleLookup): string {
  switch (hit.type) {
    case 'verdict':
      return `**Verdict: ${hit.entry.verdict}**${noteLine(hit.entry.note)}\n\n${describeAnchor(hit.entry.anchor, articles)}`;
    case 'tag':
      return `**Tagged ${hit.entry.kind}**${hit.entry.name ? ` as “${escapeMarkdown(hit.entry.name)}”` : ''}${noteLine(hit.entry.note)}\n\n${describeAnchor(hit.entry.anchor, articles)}`;
    case 'claim-figure':
      return `**Figure of claim \`${hit.entry.id}\`**${hit.entry.label ? `: ${escapeMarkdown(hit.entry.label)}` : ''}\n\n${describeAnchor(hit.figure, articles)}`;
    case 'claim':
      return `**Claim \`${hit.entry.id}\`**${hit.entry.label ? `: ${escapeMarkdown(hit.entry.label)}` : ''} (${count(hit.entry.figures.length, 'figure')}, the same quantity)${noteLine(hit.entry.note)}${figureList(hit.entry.figures, articles)}`;
    case 'split-figure':
      return `**Split**: not the same quantity as the other figures of this split\n\n${describeAnchor(hit.figure, articles)}`;
    case 'split':
      return `**Split**: ${count(hit.entry.figures.length, 'figure')}, no two of them the same quantity${noteLine(hit.entry.note)}${figureList(hit.entry.figures, articles)}`;
    case 'ignore': {
      const e = hit.entry;
      const head = e.type === 'figure' ? '**Ignored figure**: left out of claims and conflicts'
        : e.type === 'claim' ? `**Ignored claim \`${e.claim}\`**: its conflict is not reported`
        : e.type === 'code' ? `**Ignored diagnostics \`${e.code}\`**${e.file ? ` in \`${e.file}\`` : ' everywhere'}`
        : `**Ignored article \`${e.file}\`**: no diagnostics in it`;
      const body = e.type === 'figure' ? `\n\n${describeAnchor(e.anchor, articles)}` : e.type === 'file' && articles(e.file) === undefined ? '\n\n⚠ this article is not in the folder.' : '';
      return head + noteLine(e.note) + body;
    }
    case 'entity': {
      const e = hit.entry;
      return `**Entity** “${escapeMarkdown(e.name)}”${e.kind ? ` (${e.kind})` : ''}${e.aliases.length ? `\n\nAlso called: ${e.aliases.map(a => `“${escapeMarkdown(a)}”`).join(', ')}` : ''}${noteLine(e.note)}`;
    }
    case 'not-entity': {
      const e = hit.entry;
      if (e.anchor) return `**Not an entity** (this span only)${noteLine(e.note)}\n\n${describeAnchor(e.anchor, articles)}`;
      return `**Not an entity**: “${escapeMarkdown(e.name ?? '')}” is never taken as a person, place or organization${noteLine(e.note)}`;
    }
    case 'source': {
      const e = hit.entry;
      const text = articles(e.file);
      const facts = [e.outlet && `outlet ${escapeMarkdown(e.outlet)}`, e.published && `published ${e.published}`, e.reliability && `reliability ${e.reliability}`, e.url && escapeMarkdown(e.url)].filter(Boolean).join(' · ');
      const first = text === undefined ? '⚠ this article is not in the folder.' : `> ${escapeMarkdown(oneLine(text.slice(0, 200).split('\n').find(l => l.trim()) ?? ''))}`;
      return `**Source \`${e.file}\`**${facts ? `: ${facts}` : ''}${noteLine(e.note)}\n\n${first}`;
    }
  }
}

function count(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function figureList(figures: AnchorRef[], articles: ArticleLookup): string {
  if (!figures.length) return '';
  return '\n\n' + figures.slice(0, 12).map(f => `- ${describeAnchor(f, articles).replace(/\n\n> /, ' ')}`).join('\n') + (figures.length > 12 ? `\n- … ${figures.length - 12} more` : '');
}
