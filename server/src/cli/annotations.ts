// Seam for the annotation file (issue 4), not implemented yet.
//
// When it lands: find the nearest `triangulate.yaml` at or above the checked files
// (walking up from each file's folder, stopping at the first one found), parse it,
// and return what the engine takes as `CorpusOptions.annotations`. Verdicts and
// accepted values then come back in the result (claims' `verdicts`, `resolved`,
// `resolved-conflict` diagnostics); the formatters need no change.
import type { CorpusOptions } from '../core/corpus';
import type { FoundFile } from './files';

export const ANNOTATION_FILE = 'triangulate.yaml';

export async function loadAnnotations(_files: readonly FoundFile[]): Promise<CorpusOptions['annotations']> {
  return undefined;
}
