// Completion in triangulate.yaml: keys for the place the cursor is at, kinds, verdicts and
// reliability values, and the article files, entity names, claim ids and diagnostic codes it can name.
import { CompletionItemKind, type CompletionItem, type CompletionList, type Position } from 'vscode-languageserver';
import { completeAt, type AnnotationCompletion, type AnnotationModel } from '../core/annotations';
import type { Corpus } from '../core/corpus';
import { lineStarts, offsetAt } from '../core/text';
import { rangeMapper } from './annotationDiagnostics';

const ITEM_KIND: Record<AnnotationCompletion['kind'], CompletionItemKind> = {
  key: CompletionItemKind.Property,
  value: CompletionItemKind.EnumMember,
  entity: CompletionItemKind.Reference,
  claim: CompletionItemKind.Reference,
  file: CompletionItemKind.File,
  code: CompletionItemKind.Constant,
};

/** Entity names offered at most (the most mentioned first, as the engine sorts them). */
const MAX_ENTITY_NAMES = 2000;

export interface AnnotationCompletionInput {
  text: string;
  position: Position;
  /** The model in force (the last good one while the text does not parse), for claim ids and entity names. */
  model: AnnotationModel | undefined;
  /** Article paths relative to the annotation file's folder. */
  files: string[];
}

export function annotationCompletion(corpus: Corpus, input: AnnotationCompletionInput): CompletionList {
  const { text, position, model } = input;
  const offset = offsetAt(lineStarts(text), text.length, position.line, position.character);
  const names = new Set<string>();
  for (const e of model?.entities ?? []) names.add(e.name);
  for (const e of corpus.result().entities) { if (names.size >= MAX_ENTITY_NAMES) break; names.add(e.name); }
  const result = completeAt(text, offset, {
    entityNames: [...names],
    claimIds: (model?.claims ?? []).map(c => c.id),
    files: input.files,
  });
  const range = rangeMapper(text)(result.range.start, result.range.end);
  const items: CompletionItem[] = result.items.map((c, i) => ({
    label: c.label,
    kind: ITEM_KIND[c.kind],
    ...(c.detail ? { detail: c.detail } : {}),
    textEdit: { range, newText: c.insertText },
    sortText: String(i).padStart(5, '0'),
  }));
  return { isIncomplete: false, items };
}
