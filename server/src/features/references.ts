// Find all references on an entity: every mention of it across the corpus, in
// corpus order. On a figure: every figure of its claim.
import type { Location, ReferenceParams } from 'vscode-languageserver';
import type { Corpus } from '../core/corpus';
import type { Span } from '../core/types';
import { docOrder } from './hover';
import { offsetOf, rangeOf } from './util';

export function references(corpus: Corpus, params: ReferenceParams): Location[] {
  const doc = params.textDocument.uri;
  const offset = offsetOf(corpus, doc, params.position);
  if (offset === undefined) return [];
  let spans: Span[] = [];
  const hit = corpus.entityAt(doc, offset);
  if (hit) {
    spans = hit.entity.mentions.filter(m => params.context?.includeDeclaration !== false || m !== hit.mention);
  } else {
    const figure = corpus.figureAt(doc, offset);
    const claim = figure && corpus.claimOf(figure.id);
    if (claim) spans = claim.figures.map(id => corpus.figure(id)).filter((f): f is NonNullable<typeof f> => !!f);
  }
  const order = docOrder(corpus);
  return spans
    .filter(s => order.has(s.doc))
    .sort((a, b) => order.get(a.doc)! - order.get(b.doc)! || a.start - b.start)
    .map(s => ({ uri: s.doc, range: rangeOf(corpus, s) }));
}
