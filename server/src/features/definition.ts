// Go to definition on an entity: its annotation, or else its first mention in the corpus.
import type { DefinitionParams, Location } from 'vscode-languageserver';
import type { Corpus } from '../core/corpus';
import { firstOf } from './hover';
import { offsetOf, rangeOf } from './util';

export function definition(corpus: Corpus, params: DefinitionParams): Location | null {
  const doc = params.textDocument.uri;
  const offset = offsetOf(corpus, doc, params.position);
  if (offset === undefined) return null;
  const hit = corpus.entityAt(doc, offset);
  if (!hit) return null;
  const first = firstOf(corpus, hit.entity.mentions);
  if (!first) return null;
  return { uri: first.doc, range: rangeOf(corpus, first) };
}
