// Hover in triangulate.yaml: on a tag, what it says and the article text it anchors, with context.
import type { Hover, Position } from 'vscode-languageserver';
import { describeTag, tagAt, type AnnotationModel } from '../core/annotations';
import { lineStarts, offsetAt } from '../core/text';
import { rangeMapper } from './annotationDiagnostics';

export interface AnnotationHoverInput {
  text: string;
  position: Position;
  /** The model of the current text (none when it does not parse: offsets of an older text would be wrong). */
  model: AnnotationModel | undefined;
  /** An article's text by its path as written in the file (undefined: not there). */
  article(file: string): string | undefined;
}

export function annotationHover(input: AnnotationHoverInput): Hover | null {
  const { text, model } = input;
  if (!model) return null;
  const offset = offsetAt(lineStarts(text), text.length, input.position.line, input.position.character);
  const hit = tagAt(model, offset);
  if (!hit) return null;
  const r = hit.type === 'claim-figure' || hit.type === 'split-figure' ? hit.figure.range : hit.entry.range;
  return { contents: { kind: 'markdown', value: describeTag(hit, input.article) }, range: rangeMapper(text)(r.start, r.end) };
}
