// Hover: on a figure, the claim it belongs to and every figure of that claim
// across the corpus; on an entity, its names, kind, roles and sources.
import type { Hover, HoverParams, MarkupContent } from 'vscode-languageserver';
import type { Corpus } from '../core/corpus';
import type { Claim, Entity, Figure, Mention } from '../core/types';
import { describeSource, escapeMarkdown, formatValue, lineOf, offsetOf, placeLink, rangeOf, sentenceWithBold } from './util';

/** Sources listed in an entity's hover. */
const MAX_SOURCES = 20;

const KIND_LABEL: Record<string, string> = { person: 'person', place: 'place', organization: 'organisation', other: 'entity' };

export function hover(corpus: Corpus, params: HoverParams): Hover | null {
  const doc = params.textDocument.uri;
  const offset = offsetOf(corpus, doc, params.position);
  if (offset === undefined) return null;
  const figure = corpus.figureAt(doc, offset);
  if (figure) return { contents: markdown(figureHover(corpus, figure)), range: rangeOf(corpus, figure) };
  const hit = corpus.entityAt(doc, offset);
  if (hit) return { contents: markdown(entityHover(corpus, hit.entity, hit.mention)), range: rangeOf(corpus, hit.mention) };
  return null;
}

function markdown(value: string): MarkupContent {
  return { kind: 'markdown', value };
}

function sourceCell(corpus: Corpus, doc: string): string {
  const s = describeSource(corpus, doc);
  const extra = [s.outlet, s.published].filter((x): x is string => !!x).map(escapeMarkdown);
  return '`' + s.name.replace(/`/g, "'") + '`' + (extra.length ? ` (${extra.join(', ')})` : '');
}

function figureRow(corpus: Corpus, f: Figure, current: Figure, claim: Claim | undefined): string {
  const text = corpus.text(f.doc) ?? '';
  const pos = corpus.position(f.doc, f.start);
  const verdict = claim?.verdicts[f.id];
  const value = formatValue(f) + (verdict ? ` (${verdict.verdict})` : '') + (f.aside ? ' (aside)' : '');
  const marker = f.id === current.id ? ' ◀' : '';
  return `| ${escapeMarkdown(f.text)}${marker} | ${escapeMarkdown(value)} | ${sourceCell(corpus, f.doc)} | [${pos.line + 1}](${placeLink(f.doc, pos.line, pos.character)}) | ${sentenceWithBold(text, f.sentenceStart, f.sentenceEnd, f.start, f.end)} |`;
}

/**
 * The rows of a large claim worth a hover: the hovered figure, then one
 * figure per distinct value, then the rest, each group in corpus order.
 */
function rowsToShow(figures: Figure[], current: Figure, max: number): Figure[] {
  if (figures.length <= max) return figures;
  const pick = new Set<Figure>([current]);
  const values = new Set<string>([JSON.stringify(current.value)]);
  for (const f of figures) {
    if (pick.size >= max) break;
    const v = JSON.stringify(f.value);
    if (!values.has(v)) { values.add(v); pick.add(f); }
  }
  for (const f of figures) { if (pick.size >= max) break; pick.add(f); }
  return figures.filter(f => pick.has(f));
}

/** Hover text of a figure; a claim of more than `maxRows` figures shows a selection of rows. */
export function figureHover(corpus: Corpus, figure: Figure, maxRows = 25): string {
  const claim = corpus.claimOf(figure.id);
  const lines: string[] = [];
  if (!claim) {
    lines.push(`**${escapeMarkdown(figure.text)}**: ${figure.kind}, ${escapeMarkdown(formatValue(figure))}`);
    lines.push('', 'No other source reports this quantity.');
    return lines.join('\n');
  }
  const figures = claim.figures.map(id => id === figure.id ? figure : corpus.figure(id)).filter((f): f is Figure => !!f);
  const docs = new Set(figures.map(f => f.doc));
  lines.push(`**${escapeMarkdown(claim.label)}** (${figure.kind})`, '');
  if (claim.status === 'conflict') {
    lines.push(`⚠ **Sources conflict**${claim.resolved ? ' (resolved by an annotation)' : ''}: ${claim.values.map(v => escapeMarkdown(v)).join(' vs ')}`);
  } else if (claim.status === 'agree') {
    lines.push(`✓ **Sources agree**: ${docs.size} source(s), ${figures.length} figure(s)`);
  } else {
    lines.push('Only one figure reports this quantity.');
  }
  lines.push('', '| As written | Value | Source | Line | Sentence |', '| --- | --- | --- | --- | --- |');
  const shown = rowsToShow(figures, figure, maxRows);
  for (const f of shown) lines.push(figureRow(corpus, f, figure, claim));
  if (shown.length < figures.length) {
    const hidden = figures.filter(f => !shown.includes(f));
    lines.push('', `… and ${hidden.length} more figure(s) from ${new Set(hidden.map(f => f.doc)).size} source(s): see the claims view.`);
  }
  const reasons = claim.links.filter(l => l.a === figure.id || l.b === figure.id).sort((x, y) => y.score - x.score).slice(0, 5);
  if (reasons.length) {
    lines.push('', '**Why these figures were linked**', '');
    for (const l of reasons) {
      const other = corpus.figure(l.a === figure.id ? l.b : l.a);
      const where = other ? `${escapeMarkdown(other.text)} in \`${describeSource(corpus, other.doc).name}\` line ${lineOf(corpus, other.doc, other.start)}` : 'another figure';
      lines.push(`- ${where}: ${l.why.map(escapeMarkdown).join('; ')} (score ${l.score.toFixed(2)})`);
    }
  } else if (claim.links.length) {
    lines.push('', '**Why these figures were linked**', '');
    for (const l of claim.links.slice(0, 3)) lines.push(`- ${l.why.map(escapeMarkdown).join('; ')} (score ${l.score.toFixed(2)})`);
  }
  return lines.join('\n');
}

function firstMention(corpus: Corpus, entity: Entity): Mention | undefined {
  return firstOf(corpus, entity.mentions);
}

const orderCache = new WeakMap<Corpus, { membership: number; order: Map<string, number> }>();

/**
 * Position of each document in corpus order: by document id, so by file name
 * within a folder, the same whatever order files were opened or indexed in.
 * Cached until documents are added or removed.
 */
export function docOrder(corpus: Corpus): Map<string, number> {
  const hit = orderCache.get(corpus);
  if (hit && hit.membership === corpus.membership) return hit.order;
  const order = new Map(corpus.docs().sort().map((d, i) => [d, i]));
  orderCache.set(corpus, { membership: corpus.membership, order });
  return order;
}

/** The first mention in corpus order (document order of the corpus, then offset); an annotation wins. */
export function firstOf(corpus: Corpus, mentions: readonly Mention[]): Mention | undefined {
  const annotated = mentions.find(m => m.via === 'annotation');
  if (annotated) return annotated;
  const order = docOrder(corpus);
  let best: Mention | undefined;
  for (const m of mentions) {
    if (!best) { best = m; continue; }
    const a = order.get(m.doc) ?? Infinity, b = order.get(best.doc) ?? Infinity;
    if (a < b || (a === b && m.start < best.start)) best = m;
  }
  return best;
}

export function entityHover(corpus: Corpus, entity: Entity, _at?: Mention): string {
  const lines: string[] = [];
  lines.push(`**${escapeMarkdown(entity.name)}**: ${KIND_LABEL[entity.kind] ?? entity.kind}`, '');
  if (entity.forms.length) lines.push(`Forms seen: ${entity.forms.map(f => escapeMarkdown(f)).join(', ')}`, '');
  if (entity.roles.length) lines.push(`Titles and roles: ${entity.roles.map(r => escapeMarkdown(r)).join(', ')}`, '');
  const perDoc = new Map<string, number>();
  for (const m of entity.mentions) perDoc.set(m.doc, (perDoc.get(m.doc) ?? 0) + 1);
  lines.push(`Mentions: ${entity.mentions.length} in ${perDoc.size} source(s)`, '');
  const order = docOrder(corpus);
  const sources = [...perDoc].sort((x, y) => (order.get(x[0]) ?? Infinity) - (order.get(y[0]) ?? Infinity));
  // a name all over a large corpus lists its first sources only (the rest are a count)
  for (const [doc, n] of sources.slice(0, MAX_SOURCES)) lines.push(`- ${sourceCell(corpus, doc)}: ${n}`);
  if (sources.length > MAX_SOURCES) lines.push(`- … and ${sources.length - MAX_SOURCES} more source(s)`);
  const first = firstMention(corpus, entity);
  if (first) {
    const text = corpus.text(first.doc);
    if (text !== undefined) {
      const sentence = corpus.sentenceAt(first.doc, first.start);
      const pos = corpus.position(first.doc, first.start);
      lines.push('', `First introduced in \`${describeSource(corpus, first.doc).name}\` [line ${pos.line + 1}](${placeLink(first.doc, pos.line, pos.character)}):`, '');
      lines.push('> ' + sentenceWithBold(text, sentence.start, sentence.end, first.start, first.end));
    }
  }
  if (entity.evidence.length) lines.push('', `Kind from: ${entity.evidence.slice(0, 3).map(escapeMarkdown).join('; ')}`);
  return lines.join('\n');
}
