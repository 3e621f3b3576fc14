// The annotation file (`triangulate.yaml`): its data model, its keys and values, its problem codes.
// Pure data: no editor, no LSP, no disk. Every offset here is a UTF-16 offset into the YAML text,
// except `start` in an anchor, which is an offset into the article the anchor points at.
import type { EntityKind, Severity, Verdict } from '../types';

export const ANNOTATION_FILE_NAME = 'triangulate.yaml';
export const ANNOTATION_FORMAT_VERSION = 1;
/** Larger annotation files are refused (a problem, no model): 2 MB of text. */
export const MAX_ANNOTATION_CHARS = 2 * 1024 * 1024;
/** Alias (`*name`) uses allowed in one file; past that the file is treated as hostile. */
export const MAX_ALIAS_USES = 1000;
/** Characters of context kept before and after the exact text by `makeAnchor`. */
export const ANCHOR_CONTEXT = 24;

/** A place in the YAML text (offsets, end exclusive). */
export interface TextRange {
  start: number;
  end: number;
}

/**
 * Where a tag lives in the file, as keys and list indexes from the top:
 * `['verdicts', 2]`, `['claims', 0, 'figures', 1]`, `['sources', 'a.txt', 'published']`.
 * The edit builders take these paths (`removeTag`, `reanchor`, `renameKey`, `replaceValue`).
 */
export type TagPath = (string | number)[];

/** Something read from the file: where it was written. */
export interface Located {
  /** Range of the whole item in the YAML text. */
  range: TextRange;
  path: TagPath;
}

/** A W3C-style text-quote selector: the exact text, a little context, optionally a position hint. */
export interface TextQuote {
  exact: string;
  /** Text right before `exact` in the article (W3C TextQuoteSelector `prefix`). */
  prefix?: string;
  /** Text right after `exact` (W3C `suffix`). */
  suffix?: string;
  /** Offset of `exact` in the article when the anchor was made (a hint, like a TextPositionSelector). */
  start?: number;
}

/** A text-quote selector in one article; `file` is the article's path relative to the YAML's folder, with `/`. */
export interface Anchor extends TextQuote {
  file: string;
}

/** An anchor as written in the file. For flat tags (verdicts, tags, ignores) its path and range are the tag's. */
export interface AnchorRef extends Anchor, Located {}

export type Reliability = 'high' | 'medium' | 'low' | 'unknown';

export interface SourceEntry extends Located {
  /** The key: the article's path relative to the YAML's folder. */
  file: string;
  /** Range of the key (for "missing article" problems). */
  keyRange: TextRange;
  outlet?: string;
  title?: string;
  author?: string;
  /** ISO date (YYYY-MM-DD); a date-time is cut to its date. */
  published?: string;
  url?: string;
  reliability?: Reliability;
  note?: string;
}

export interface EntityEntry extends Located {
  /** The canonical name. */
  name: string;
  kind?: EntityKind;
  aliases: string[];
  note?: string;
}

/** A name that is never an entity, or (with an anchor) one span that is not. */
export interface NotEntityEntry extends Located {
  name?: string;
  anchor?: AnchorRef;
  note?: string;
}

/** A span of an article tagged as an entity of a kind (the engine had missed it or got it wrong). */
export interface SpanTagEntry extends Located {
  anchor: AnchorRef;
  kind: EntityKind;
  /** The canonical entity name this span names (defaults to the exact text). */
  name?: string;
  note?: string;
}

/** A claim: its figures are the same quantity (joined); its label names it in hovers and the claims view. */
export interface ClaimEntry extends Located {
  id: string;
  /** True when `id` was not written and was made from the label or the position. */
  idGenerated: boolean;
  label?: string;
  figures: AnchorRef[];
  note?: string;
}

/** Figures that are NOT the same quantity: no two of them may end up in one claim. */
export interface SplitEntry extends Located {
  figures: AnchorRef[];
  note?: string;
}

export interface VerdictEntry extends Located {
  anchor: AnchorRef;
  verdict: Verdict;
  note?: string;
}

export type IgnoreTarget =
  /** One figure: it takes no part in comparisons and carries no diagnostic. */
  | { type: 'figure'; anchor: AnchorRef }
  /** A claim (an id from `claims:`): its conflict is not reported, it stays visible. */
  | { type: 'claim'; claim: string }
  /** Diagnostics with this code, everywhere or in one file. */
  | { type: 'code'; code: string; file?: string }
  /** Every diagnostic in one article. */
  | { type: 'file'; file: string };

export type IgnoreEntry = Located & IgnoreTarget & { note?: string };

export interface AnnotationModel {
  version: number;
  sources: SourceEntry[];
  entities: EntityEntry[];
  notEntities: NotEntityEntry[];
  tags: SpanTagEntry[];
  claims: ClaimEntry[];
  splits: SplitEntry[];
  verdicts: VerdictEntry[];
  ignores: IgnoreEntry[];
}

export function emptyModel(): AnnotationModel {
  return { version: ANNOTATION_FORMAT_VERSION, sources: [], entities: [], notEntities: [], tags: [], claims: [], splits: [], verdicts: [], ignores: [] };
}

/** Problem codes, one place. */
export const AnnotationCodes = {
  parseError: 'annotation-parse-error',
  tooLarge: 'annotation-too-large',
  aliasLimit: 'annotation-alias-limit',
  unsupportedVersion: 'unsupported-version',
  duplicateKey: 'duplicate-key',
  unknownKey: 'unknown-key',
  unknownKind: 'unknown-kind',
  unknownVerdict: 'unknown-verdict',
  unknownValue: 'unknown-value',
  invalidValue: 'invalid-value',
  wrongShape: 'wrong-shape',
  missingKey: 'missing-key',
  duplicateId: 'duplicate-id',
  unknownClaim: 'unknown-claim',
  staleAnchor: 'stale-anchor',
  contradictoryTags: 'contradictory-tags',
  missingArticle: 'missing-article',
} as const;
export type AnnotationCode = (typeof AnnotationCodes)[keyof typeof AnnotationCodes];

/** Data for the quick fix of a problem (all optional; which keys are set depends on the code). */
export interface ProblemData {
  /** The tag or key the problem is about. */
  path?: TagPath;
  /** "Did you mean": the suggested key or value. For `unknown-key` apply it with `renameKey(path, suggestion)`, else with `replaceValue(path, suggestion)`. */
  suggestion?: string;
  /** The offending key or value as written. */
  value?: string;
  /** `stale-anchor`: the best match in the current article, to re-anchor with `reanchor(path, candidate)`. */
  candidate?: Anchor;
  /** `stale-anchor` / `missing-article`: the article path. */
  file?: string;
  /** `contradictory-tags`: the paths of the other tags involved. */
  others?: TagPath[];
}

export interface AnnotationProblem extends TextRange {
  code: AnnotationCode;
  severity: Severity;
  message: string;
  /** Other places in the YAML that explain the problem. */
  related?: (TextRange & { message: string })[];
  data?: ProblemData;
}

// ---- keys and values the format knows (the JSON Schema mirrors these; a test checks it) ----

const ANCHOR_KEYS = ['file', 'exact', 'prefix', 'suffix', 'start'] as const;

export const Keys = {
  root: ['version', 'sources', 'entities', 'not_entities', 'tags', 'claims', 'splits', 'verdicts', 'ignore'],
  source: ['outlet', 'title', 'author', 'published', 'url', 'reliability', 'note'],
  entity: ['name', 'kind', 'aliases', 'note'],
  notEntity: [...ANCHOR_KEYS, 'name', 'note'],
  tag: [...ANCHOR_KEYS, 'kind', 'name', 'note'],
  claim: ['id', 'label', 'figures', 'note'],
  anchor: [...ANCHOR_KEYS],
  split: ['figures', 'note'],
  verdict: [...ANCHOR_KEYS, 'verdict', 'note'],
  ignore: [...ANCHOR_KEYS, 'claim', 'code', 'note'],
} as const satisfies Record<string, readonly string[]>;
export type KeyContext = keyof typeof Keys;

export const ENTITY_KINDS: readonly EntityKind[] = ['person', 'place', 'organization', 'other'];
/** Spellings accepted as a kind and what they mean. */
export const KIND_SPELLINGS: Readonly<Record<string, EntityKind>> = { organisation: 'organization' };
export const VERDICTS: readonly Verdict[] = ['accepted', 'disputed', 'wrong'];
export const RELIABILITIES: readonly Reliability[] = ['high', 'medium', 'low', 'unknown'];

/** Words people use for a key or value, mapped to the real one ("did you mean"). */
export const SYNONYMS: Readonly<Record<string, string>> = {
  // keys
  alias: 'aliases', aka: 'aliases', type: 'kind', date: 'published', pubdate: 'published',
  published_at: 'published', publication_date: 'published', publisher: 'outlet', source: 'outlet', media: 'outlet',
  link: 'url', href: 'url', trust: 'reliability', reliable: 'reliability', text: 'exact', quote: 'exact',
  offset: 'start', position: 'start', pos: 'start', before: 'prefix', after: 'suffix', comment: 'note',
  notes: 'note', comments: 'note', status: 'verdict', judgement: 'verdict', judgment: 'verdict', entity: 'entities',
  ignores: 'ignore', ignored: 'ignore', split: 'splits', spans: 'tags',
  tag: 'tags', articles: 'sources', files: 'sources', not_entity: 'not_entities', notentities: 'not_entities',
  article: 'file', path: 'file', doc: 'file', document: 'file', canonical: 'name',
  members: 'figures', figure: 'figures', values: 'figures',
  // kinds
  location: 'place', gpe: 'place', country: 'place', city: 'place', loc: 'place', org: 'organization',
  company: 'organization', institution: 'organization', agency: 'organization', per: 'person', people: 'person',
  misc: 'other',
  // verdicts
  accept: 'accepted', correct: 'accepted', right: 'accepted', ok: 'accepted', confirmed: 'accepted', true: 'accepted',
  verified: 'accepted', dispute: 'disputed', contested: 'disputed', unclear: 'disputed', doubtful: 'disputed',
  false: 'wrong', incorrect: 'wrong', error: 'wrong', reject: 'wrong', rejected: 'wrong',
  // reliability
  good: 'high', bad: 'low', med: 'medium', average: 'medium',
};

/** Levenshtein distance, capped: returns `cap + 1` as soon as the distance exceeds `cap`. */
export function editDistance(a: string, b: string, cap = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  let prev = new Array<number>(b.length + 1);
  let cur = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > cap) return cap + 1;
    [prev, cur] = [cur, prev];
  }
  return prev[b.length];
}

/** The known word closest to `word` (synonyms first, then edit distance up to a third of its length), or undefined. */
export function suggest(word: string, known: readonly string[]): string | undefined {
  const w = word.trim().toLowerCase().replace(/[\s-]+/g, '_');
  if (!w) return undefined;
  const exact = known.find(k => k.toLowerCase() === w);
  if (exact) return exact;
  const syn = Object.prototype.hasOwnProperty.call(SYNONYMS, w) ? SYNONYMS[w] : undefined;
  if (syn && known.includes(syn)) return syn;
  const singular = known.find(k => k === w + 's' || k + 's' === w || k === w + 'es');
  if (singular) return singular;
  const cap = w.length <= 3 ? 1 : Math.min(3, Math.max(2, Math.floor(w.length / 3)));
  let best: string | undefined;
  let bestD = cap + 1;
  for (const k of known) {
    const d = editDistance(w, k, cap);
    if (d < bestD) { bestD = d; best = k; }
  }
  return best;
}

/** An id made from a label: lower-case words joined by '-', ASCII only. */
export function slugify(label: string): string {
  const s = label.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return s.slice(0, 48).replace(/-+$/, '') || 'claim';
}

/** Article paths compare in one form: forward slashes, no leading './'. */
export function normalizeArticlePath(p: string): string {
  let s = p.trim().replace(/\\/g, '/');
  while (s.startsWith('./')) s = s.slice(2);
  return s.replace(/\/{2,}/g, '/');
}

/** The folder part of a '/'-separated path or URI ('' for a bare name). */
function folderOf(p: string): string {
  const i = p.lastIndexOf('/');
  return i < 0 ? '' : p.slice(0, i);
}

/**
 * The annotation file that applies to an article: the `triangulate.yaml` in the article's folder or
 * the nearest folder above it. Paths are '/'-separated (POSIX paths or URIs, all of one kind).
 */
export function nearestAnnotationFile(articlePath: string, annotationFiles: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestLen = -1;
  const article = articlePath.replace(/\\/g, '/');
  for (const f of annotationFiles) {
    const norm = f.replace(/\\/g, '/');
    if (norm.slice(norm.lastIndexOf('/') + 1) !== ANNOTATION_FILE_NAME) continue;
    const folder = folderOf(norm);
    const inside = folder === '' ? !article.startsWith('/') && !/^[a-z][\w+.-]*:/i.test(article) : article.startsWith(folder + '/');
    if (inside && folder.length > bestLen) { best = f; bestLen = folder.length; }
  }
  return best;
}

/** An article's path as written in an annotation file: relative to the file's folder, with '/'. Undefined when the article is not below it. */
export function articlePathFrom(annotationFile: string, articlePath: string): string | undefined {
  const folder = folderOf(annotationFile.replace(/\\/g, '/'));
  const article = articlePath.replace(/\\/g, '/');
  if (folder === '') return normalizeArticlePath(article);
  if (!article.startsWith(folder + '/')) return undefined;
  return normalizeArticlePath(article.slice(folder.length + 1));
}
