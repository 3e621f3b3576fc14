// Custom messages between the Triangulate server and the VS Code client, in one
// place. They only add VS Code UI (the claims view and the status bar); every
// other feature is standard LSP, so any editor can use the server without them.
import { NotificationType, RequestType } from 'vscode-languageserver-protocol';
import type { Range } from 'vscode-languageserver-protocol';
import type { ClaimStatus, FigureKind } from './core/types';

/** One figure of a claim, where it is and what it says. */
export interface ClaimFigureItem {
  id: string;
  uri: string;
  range: Range;
  /** The figure as written ("US$86.8 billion"). */
  text: string;
  kind: FigureKind;
  /** The normalised value, for display ("86.8 billion USD"). */
  value: string;
  /** The annotation verdict on it, if any. */
  verdict: string | null;
}

/** The figures of one claim that one document holds. */
export interface ClaimSourceItem {
  uri: string;
  /** The file name ("001_f66de1d8ea6897c6.txt"). */
  name: string;
  outlet: string | null;
  published: string | null;
  figures: ClaimFigureItem[];
}

export interface ClaimItem {
  id: string;
  label: string;
  status: ClaimStatus;
  resolved: boolean;
  /** Distinct normalised values, as display strings. */
  values: string[];
  sources: ClaimSourceItem[];
}

export interface ClaimsParams {
  /** Only claims whose sources conflict. */
  conflictsOnly?: boolean;
  /** Include claims held by a single figure (default false). */
  includeSingles?: boolean;
  /** At most this many claims (default 500), conflicts first. */
  limit?: number;
}

export interface ClaimsResult {
  claims: ClaimItem[];
  /** How many claims matched before the limit. */
  total: number;
}

/** `triangulate/claims`: every claim of the corpus, conflicts first. */
export const ClaimsRequest = new RequestType<ClaimsParams, ClaimsResult, void>('triangulate/claims');

export interface StatusParams {
  /** Articles analysed. */
  documents: number;
  figures: number;
  entities: number;
  claims: number;
  /** Claims whose sources conflict (not resolved by an annotation). */
  conflicts: number;
  /** Files skipped as unreadable (binary, too large, invalid UTF-8). */
  skipped: number;
  /** True while the background indexing runs. */
  indexing: boolean;
  /** Bumped on every change of the analysis; the client refreshes its views on a new value. */
  version: number;
}

/** `triangulate/status`: sent by the server whenever the corpus changes. */
export const StatusNotification = new NotificationType<StatusParams>('triangulate/status');
