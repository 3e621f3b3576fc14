// The CLI's report: the engine's result with offsets turned into 1-based lines and
// columns (UTF-16 code units, end exclusive) and files shown as the user named them.
// Every formatter (text, json, sarif) prints this one model.
import type { Claim, CorpusResult, EntityKind, FigureKind, FigureValue, Problem, Qualifier, Severity, Span, TimeRef } from '../core/types';
import { Codes } from '../core/types';
import { lineStarts, positionAt } from '../core/text';
import type { Article } from './files';

export interface Location {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface ReportFigure extends Location {
  text: string;
  kind: FigureKind;
  value: FigureValue;
  unit: string | null;
  qualifier: Qualifier;
  /** Id of the claim the figure belongs to, or null. */
  claim: string | null;
  relative: string | null;
  time: TimeRef;
  aside: boolean;
}

export interface ReportMention extends Location {
  text: string;
  role: string | null;
  via: string;
}

export interface ReportEntity {
  id: string;
  name: string;
  kind: EntityKind;
  mentions: ReportMention[];
  forms: string[];
  roles: string[];
}

export interface ReportClaim {
  id: string;
  label: string;
  status: Claim['status'];
  /** Indexes into `figures`. */
  figures: number[];
  values: string[];
  resolved: boolean;
}

export interface ReportRelated extends Location {
  message: string;
}

export interface ReportDiagnostic extends Location {
  severity: Severity;
  code: string;
  message: string;
  related: ReportRelated[];
  /** The words the diagnostic points at (not printed in JSON; SARIF uses it as the snippet). */
  snippet: string;
}

export interface Report {
  files: string[];
  figures: ReportFigure[];
  entities: ReportEntity[];
  claims: ReportClaim[];
  diagnostics: ReportDiagnostic[];
}

export interface Summary {
  files: number;
  unreadable: number;
  figures: number;
  entities: number;
  claims: number;
  /** Claims whose sources disagree and that no annotation settled. */
  conflicts: number;
}

/** Turns engine spans (document id + offsets) into report locations. */
class Locator {
  private starts = new Map<string, Int32Array>();
  constructor(private readonly texts: ReadonlyMap<string, string>) {}

  text(doc: string): string { return this.texts.get(doc) ?? ''; }

  locate(span: Span): Location {
    let starts = this.starts.get(span.doc);
    if (!starts) { starts = lineStarts(this.text(span.doc)); this.starts.set(span.doc, starts); }
    const a = positionAt(starts, span.start);
    const b = positionAt(starts, Math.max(span.start, span.end));
    return { file: span.doc, line: a.line + 1, column: a.character + 1, endLine: b.line + 1, endColumn: b.character + 1 };
  }
}

/**
 * Build the report. Document ids in `result` are the articles' `file` (the shown path).
 * Diagnostics come from the engine, plus one `unreadable-file` diagnostic per skipped file.
 * Figures, entities and claims are built when first read: the text format prints only
 * the diagnostics and the summary, and building them is a quarter of a large run.
 */
export function buildReport(articles: readonly Article[], result: CorpusResult): Report {
  return new LazyReport(articles, result);
}

class LazyReport implements Report {
  readonly files: string[];
  readonly diagnostics: ReportDiagnostic[];
  private readonly at: Locator;
  private built?: { figures: ReportFigure[]; claims: ReportClaim[] };
  private builtEntities?: ReportEntity[];

  constructor(articles: readonly Article[], private readonly result: CorpusResult) {
    const texts = new Map<string, string>();
    for (const a of articles) if (a.ok) texts.set(a.file, a.text);
    this.at = new Locator(texts);
    this.files = articles.map(a => a.file);
    this.diagnostics = diagnosticsOf(articles, result, this.at);
  }

  get figures(): ReportFigure[] { return this.figuresAndClaims().figures; }
  get claims(): ReportClaim[] { return this.figuresAndClaims().claims; }

  get entities(): ReportEntity[] {
    const at = this.at;
    return this.builtEntities ??= this.result.entities.map((e): ReportEntity => ({
      id: e.id, name: e.name, kind: e.kind,
      mentions: e.mentions.map(m => ({ ...at.locate(m), text: m.text, role: m.role, via: m.via })),
      forms: e.forms, roles: e.roles,
    }));
  }

  /** The summary's counts, read from the engine's result (no figure, entity or claim is built for them). */
  get summary(): Summary {
    return summaryOf(this.files.length, this.diagnostics, this.result.figures.length, this.result.entities.length, this.result.claims);
  }

  private figuresAndClaims(): { figures: ReportFigure[]; claims: ReportClaim[] } {
    if (this.built) return this.built;
    const { result, at } = this;
    const claimOf = new Map<string, string>();
    for (const claim of result.claims) for (const id of claim.figures) if (!claimOf.has(id)) claimOf.set(id, claim.id);
    const figureIndex = new Map(result.figures.map((f, i) => [f.id, i] as const));
    const figures = result.figures.map((f): ReportFigure => ({
      ...at.locate(f),
      text: f.text, kind: f.kind, value: f.value, unit: f.unit, qualifier: f.qualifier,
      claim: claimOf.get(f.id) ?? null,
      relative: f.relative, time: f.time, aside: f.aside,
    }));
    const claims = result.claims.map((c): ReportClaim => ({
      id: c.id, label: c.label, status: c.status,
      figures: c.figures.map(id => figureIndex.get(id)).filter((i): i is number => i !== undefined),
      values: c.values, resolved: c.resolved,
    }));
    return this.built = { figures, claims };
  }
}

function diagnosticsOf(articles: readonly Article[], result: CorpusResult, at: Locator): ReportDiagnostic[] {
  const order = new Map(articles.map((a, i) => [a.file, i] as const));
  const seen = new Set<string>();
  const problems: Problem[] = [];
  for (const p of [...result.problems, ...result.docs.flatMap(d => d.problems)]) {
    const key = `${p.doc}\0${p.start}\0${p.end}\0${p.code}\0${p.message}`;
    if (!seen.has(key)) { seen.add(key); problems.push(p); }
  }
  const diagnostics: ReportDiagnostic[] = problems.map(p => ({
    ...at.locate(p),
    severity: p.severity, code: p.code, message: p.message,
    related: p.related.map(r => ({ ...at.locate(r), message: r.message })),
    snippet: at.text(p.doc).slice(p.start, p.end),
  }));
  for (const a of articles) {
    if (a.ok) continue;
    diagnostics.push({
      file: a.file, line: 1, column: 1, endLine: 1, endColumn: 1,
      severity: 'warning', code: Codes.unreadableFile, message: `${a.reason}; file skipped`, related: [], snippet: '',
    });
  }
  diagnostics.sort((x, y) => (order.get(x.file) ?? Infinity) - (order.get(y.file) ?? Infinity) || x.line - y.line || x.column - y.column);
  return diagnostics;
}

export function summarize(report: Report): Summary {
  if (report instanceof LazyReport) return report.summary;
  return summaryOf(report.files.length, report.diagnostics, report.figures.length, report.entities.length, report.claims);
}

function summaryOf(files: number, diagnostics: readonly ReportDiagnostic[], figures: number, entities: number,
                   claims: readonly { status: Claim['status']; resolved: boolean }[]): Summary {
  const conflictClaims = claims.filter(c => c.status === 'conflict' && !c.resolved).length;
  // Should the engine report conflicting figures without marking a claim, still count them as one conflict.
  const flagged = diagnostics.some(d => d.code === Codes.conflictingFigure) ? 1 : 0;
  return {
    files,
    unreadable: diagnostics.filter(d => d.code === Codes.unreadableFile).length,
    figures, entities, claims: claims.length,
    conflicts: Math.max(conflictClaims, flagged),
  };
}
