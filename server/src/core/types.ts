// The engine's public data model. Plain data over strings: no LSP, no editor, no disk.
// Offsets are UTF-16 code-unit offsets into the document text as given (after the
// BOM, if any, was stripped by the caller; see `prepareText`).

export type FigureKind = 'money' | 'percent' | 'count' | 'date' | 'duration' | 'rank';
export type Qualifier = 'approx' | 'more-than' | 'less-than' | 'at-least' | 'up-to' | null;
export type EntityKind = 'person' | 'place' | 'organization' | 'other';
export type ClaimStatus = 'agree' | 'conflict' | 'single';
export type Severity = 'error' | 'warning' | 'info' | 'hint';

/** A figure's normalised value: a number, a [low, high] range, an ISO date ("2025-08-11", "2025-08", "2021"), a weekday name, or null when unresolved. */
export type FigureValue = number | [number, number] | string | null;

export interface Span {
  /** Document id (a URI or a path: whatever the caller used). */
  doc: string;
  start: number;
  end: number;
}

/** When a figure holds: an actual value at a time, or a target to reach by a time. */
export interface TimeRef {
  /** 'at': the value at/in that time; 'by': a target for that time; 'current': "current", "now"; 'none'. */
  mode: 'at' | 'by' | 'current' | 'none';
  /** ISO year or date the figure refers to, when known. */
  when: string | null;
  /** The words that set it, e.g. "by 2030", "last year". */
  text: string | null;
  /** Whether the figure is a goal (pledge, target, aim to reach...). */
  target: boolean;
}

export interface Figure extends Span {
  /** Stable within one analysis: `${doc}#${start}`. */
  id: string;
  text: string;
  kind: FigureKind;
  value: FigureValue;
  unit: string | null;
  qualifier: Qualifier;
  /** Relative expressions that could not be resolved keep their words here ("last August"). */
  relative: string | null;
  time: TimeRef;
  /** Sentence holding the figure. */
  sentenceStart: number;
  sentenceEnd: number;
  /** True inside text that is not the story (related-article boxes, app promotions, "Read also" lists). */
  aside: boolean;
  /** Content words around the figure that describe what it measures (lower-cased, accent-folded, stemmed). */
  context: string[];
  /** The head noun or phrase the figure measures, when found ("companies", "trade", "visit"). */
  head: string | null;
  /** Entity keys (normalised names) in the figure's clause (one list shared by the figures of a sentence: read only). */
  entities: string[];
  /** For ranks and shares: the entity in possessive position ("Vietnam's third-largest"). */
  holder: string | null;
}

export interface Mention extends Span {
  text: string;
  /** A title or role right before the name ("President", "General Secretary"). */
  role: string | null;
  /** How the mention was tied to its entity: 'name', 'short' (family or given name), 'acronym', 'alias', 'demonym', 'annotation'. */
  via: 'name' | 'short' | 'acronym' | 'alias' | 'demonym' | 'annotation';
}

export interface Entity {
  id: string;
  name: string;
  kind: EntityKind;
  mentions: Mention[];
  /** Every distinct form seen, most frequent first. */
  forms: string[];
  /** Titles and roles seen with it. */
  roles: string[];
  /** Why it has the kind it has ("gazetteer: country", "title: President", "cue: Institute"). */
  evidence: string[];
}

export interface LinkReason {
  /** Figure ids. */
  a: string;
  b: string;
  score: number;
  /** Human-readable: shared words, entities, time. */
  why: string[];
}

export type Verdict = 'accepted' | 'disputed' | 'wrong';

export interface Claim {
  id: string;
  label: string;
  status: ClaimStatus;
  /** Figure ids, in corpus order. */
  figures: string[];
  links: LinkReason[];
  /** Distinct normalised values, as display strings. */
  values: string[];
  /** Verdicts from the annotation file, by figure id. */
  verdicts: Record<string, { verdict: Verdict; note: string | null }>;
  /** True when a conflict was settled by an annotation (an accepted value, or ignored). */
  resolved: boolean;
}

export interface RelatedInfo extends Span {
  message: string;
}

export interface Problem extends Span {
  severity: Severity;
  code: string;
  message: string;
  related: RelatedInfo[];
  /** Machine-readable data for quick fixes (claim id, figure id, ...). */
  data?: Record<string, unknown>;
}

export interface DocumentInfo {
  doc: string;
  /** Publication date found in the text (dateline) or given by the annotation file. */
  published: string | null;
  outlet: string | null;
  /** Problems with the input itself (binary, invalid UTF-8, too large). */
  problems: Problem[];
}

export interface CorpusResult {
  docs: DocumentInfo[];
  figures: Figure[];
  entities: Entity[];
  claims: Claim[];
  problems: Problem[];
}

/** Diagnostic codes, one place. */
export const Codes = {
  conflictingFigure: 'conflicting-figure',
  resolvedConflict: 'resolved-conflict',
  unreadableFile: 'unreadable-file',
} as const;
