// The annotation model (triangulate.yaml): one entry point. Pure functions over strings:
// no editor, no LSP, no disk. See docs/annotations.md for the file format.
//
// How the pieces fit (for the server and the CLI):
// 1. `nearestAnnotationFile(article, yamlFiles)` picks the file for an article, and
//    `articlePathFrom(yaml, article)` gives the article's path as written in it.
// 2. `parseAnnotations(yamlText)` → { model | null, problems }. With a null model, keep the last good
//    model (syntax error, too large, alias bomb, list at the top): never drop annotations mid-typing.
// 3. `resolveAnnotations(model, articles)` → { resolved, problems }: `resolved` is what the engine
//    consumes (doc ids and offsets; lookups `verdictFor`, `joinFor`, `areSplit`, `isSilenced`, ...).
// 4. Problems of both steps are diagnostics on the YAML (offsets into its text; `toEngineProblem`);
//    `data` carries the quick fix: `suggestion` + `path` for renameKey / replaceValue, `candidate` +
//    `path` for reanchor, `path` for removeTag.
// 5. Quick fixes call an edit builder with the YAML text as the editor has it ('' when the file is
//    missing) and turn `edits` into a WorkspaceEdit. A result with `ok: false` writes nothing.
// 6. Completion: `completeAt(yamlText, offset, lists)`; hover: `describeTag(tagAt(model, offset), lookup)`.
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
