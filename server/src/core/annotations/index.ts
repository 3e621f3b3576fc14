// The annotation model (triangulate.yaml): one entry point. Pure functions over strings:
// no editor, no LSP, no disk. See docs/annotations.md for the file format.
export * from './model';
export { parseAnnotations, isoDate } from './parse';
export type { ParseResult } from './parse';
export { AnchorText, makeAnchor, resolveAnchor, reanchorCandidate, normalizeWithMap } from './anchors';
export type { AnchorMatch } from './anchors';
export {
  resolveAnnotations, emptyResolved, nameKey, sameName, spansOverlap, verdictFor, isFigureIgnored, joinFor, areSplit,
  entityRuleFor, isNotEntity, isSilenced, toEngineProblem,
} from './resolve';
export type {
  ArticleInput, FromTag, SourceInfo, EntityRule, TaggedSpan, AnnotatedSpan, ClaimJoin, ClaimSplit, FigureVerdict, Ignores,
  ResolvedAnnotations, ResolveResult,
} from './resolve';
export {
  addVerdict, addSplit, addJoin, setClaimLabel, addIgnore, addAlias, setEntityKind, addNotEntity, addSpanTag, setSource,
  reanchor, removeTag, renameKey, replaceValue, sameAnchor, applyEdits, applyTextEdits,
} from './edit';
export type { IgnoreSpec, EditResult, TextEdit, EditOp } from './edit';
export { diffEdits, formatPath, keysAt } from './yaml-edit';
export { completeAt, likelyAliasTargets } from './complete';
export type { CompletionLists, AnnotationCompletion, CompletionResult } from './complete';
export { tagAt, tagByPath, describeTag, describeAnchor, escapeMarkdown } from './describe';
export type { TagHit, ArticleLookup } from './describe';
