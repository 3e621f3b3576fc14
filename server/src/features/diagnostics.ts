// Diagnostics: the engine's problems for one document, as LSP diagnostics with
// related information, at the severity the settings give each rule.
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { Corpus } from '../core/corpus';
import { Codes, type Problem, type Severity } from '../core/types';
import { severityKey, type SeveritySetting } from '../workspace/settings';
import { rangeOf } from './util';

export const SOURCE = 'triangulate';

const LSP_SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export interface DiagnosticOptions {
  /** Severity per rule (`conflictingFigure` → 'error' | … | 'off'). */
  severity: Record<string, SeveritySetting>;
  /** Why the document is not analysed (unreadable, refused), when it is open and refused. */
  refusal?: string;
}

function severityOf(problem: Pick<Problem, 'code' | 'severity'>, options: DiagnosticOptions): DiagnosticSeverity | undefined {
  const setting = options.severity[severityKey(problem.code)];
  if (setting === 'off') return undefined;
  return LSP_SEVERITY[setting ?? problem.severity] ?? DiagnosticSeverity.Warning;
}

export function diagnostics(corpus: Corpus, params: { uri: string }, options: DiagnosticOptions): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (options.refusal !== undefined) {
    const severity = severityOf({ code: Codes.unreadableFile, severity: 'warning' }, options);
    if (severity !== undefined) out.push({
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      severity,
      source: SOURCE,
      code: Codes.unreadableFile,
      message: `Triangulate does not analyse this file: ${options.refusal}`,
    });
  }
  if (!corpus.has(params.uri)) return out;
  const problems = [...corpus.problemsOf(params.uri), ...(corpus.docInfo(params.uri)?.problems ?? [])];
  const seen = new Set<string>();
  for (const p of problems) {
    const key = `${p.code}:${p.start}:${p.end}:${p.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const severity = severityOf(p, options);
    if (severity === undefined) continue;
    const d: Diagnostic = { range: rangeOf(corpus, p), severity, source: SOURCE, code: p.code, message: p.message };
    const related = p.related.filter(r => corpus.has(r.doc));
    if (related.length) d.relatedInformation = related.map(r => ({ location: { uri: r.doc, range: rangeOf(corpus, r) }, message: r.message }));
    if (p.data) d.data = p.data;
    out.push(d);
  }
  return out;
}
