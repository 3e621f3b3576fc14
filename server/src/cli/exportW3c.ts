// `export --format w3c`: the items as a W3C Web Annotation collection (JSON-LD). Each target names
// the article by its file URL and selects the text twice: a TextQuoteSelector (exact, prefix,
// suffix) and a TextPositionSelector (start, end in Unicode code points of the text, BOM excluded).
import { pathToFileURL } from 'node:url';
import { makeAnchor } from '../core/annotations';
import { CodePoints, type ExportItem, type ExportSpan } from './exportItems';

interface Body { type: 'TextualBody'; value: string; purpose: string; format?: string }

const FIGURE_WORD: Record<string, string> = { money: 'an amount of money', percent: 'a percentage', count: 'a count', date: 'a date', duration: 'a duration', rank: 'a rank' };

function bodies(item: ExportItem): { motivation: string; body: Body[] } {
  const b = (value: string, purpose: string): Body => ({ type: 'TextualBody', value, purpose, format: 'text/plain' });
  const note = item.note ? [b(item.note, 'commenting')] : [];
  switch (item.layer) {
    case 'figure':
      return { motivation: 'describing', body: [b(item.type, 'classifying'), b(`${FIGURE_WORD[item.type] ?? item.type}: ${item.value ?? 'unresolved'}`, 'describing'), ...(item.claim ? [b(`claim ${item.claim}`, 'linking')] : [])] };
    case 'entity':
      return { motivation: 'identifying', body: [b(item.value ?? '', 'identifying'), b(item.type, 'classifying')] };
    case 'annotation':
      switch (item.type) {
        case 'verdict': return { motivation: 'assessing', body: [b(item.value ?? '', 'assessing'), ...note] };
        case 'tag': return { motivation: 'classifying', body: [b(item.value ?? '', 'classifying'), ...(item.note ? [b(item.note, 'identifying')] : [])] };
        case 'not-entity': return { motivation: 'classifying', body: [b('not an entity', 'classifying')] };
        case 'ignore': return { motivation: 'moderating', body: [b('ignored: left out of claims and conflicts', 'moderating')] };
        case 'claim': return { motivation: 'linking', body: [b(`claim ${item.claim}`, 'identifying'), ...(item.value ? [b(item.value, 'describing')] : []), ...note] };
        case 'split': return { motivation: 'linking', body: [b('not the same quantity', 'commenting'), ...note] };
      }
  }
  return { motivation: 'commenting', body: note };
}

export interface W3cInput {
  items: readonly ExportItem[];
  texts: ReadonlyMap<string, string>;
  /** Absolute path of each article (document id → path), for its file URL. */
  paths: ReadonlyMap<string, string>;
  generator: { name: string; version: string };
}

export function formatW3c(input: W3cInput): string {
  const cp = new CodePoints(input.texts);
  const target = (s: ExportSpan) => {
    const text = input.texts.get(s.doc) ?? '';
    const q = makeAnchor(text, s.start, s.end);
    return {
      source: pathToFileURL(input.paths.get(s.doc) ?? s.doc).href,
      selector: [
        { type: 'TextQuoteSelector', exact: q.exact, ...(q.prefix ? { prefix: q.prefix } : {}), ...(q.suffix ? { suffix: q.suffix } : {}) },
        { type: 'TextPositionSelector', start: cp.at(s.doc, s.start), end: cp.at(s.doc, s.end) },
      ],
    };
  };
  const items = input.items.map(item => {
    const { motivation, body } = bodies(item);
    const targets = item.spans.map(target);
    return {
      id: `urn:triangulate:${item.layer}:${item.id}`,
      type: 'Annotation',
      motivation,
      // The engine's findings name the software that made them; the annotation file's tags are people's.
      ...(item.layer === 'annotation' ? {} : { generator: { type: 'Software', name: `${input.generator.name} ${input.generator.version}` } }),
      body,
      target: targets.length === 1 ? targets[0] : targets,
    };
  });
  const collection = {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id: 'urn:triangulate:export',
    type: 'AnnotationCollection',
    label: 'Figures, entities and annotations of the articles (Triangulate)',
    total: items.length,
    first: { id: 'urn:triangulate:export:page:1', type: 'AnnotationPage', startIndex: 0, items },
  };
  return JSON.stringify(collection, null, 2) + '\n';
}
