// The Triangulate engine: one entry point, plain functions and data over strings.
// Shared by the language server and the CLI; imports nothing from an editor or LSP.
export * from './types';
export { decodeBytes, prepareText, lineStarts, positionAt, offsetAt, MAX_ARTICLE_BYTES } from './text';
export type { Decoded } from './text';
export { Corpus, analyzeCorpus } from './corpus';
export type { CorpusOptions, ChangeSet, AnalysisRules } from './corpus';
export { baseName } from './corpus';
export { displayValue } from './claims';
export { analyzeDocument, findDateline } from './document';
export type { DocAnalysis } from './document';
export { rulesFromAnnotations } from './rules';
export * as annotations from './annotations';
