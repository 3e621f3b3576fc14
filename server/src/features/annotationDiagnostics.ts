// Diagnostics of an annotation file (triangulate.yaml): its parse and resolution problems at
// their places in the YAML text, with the quick-fix data (`problem.data`) kept on the diagnostic.
import { DiagnosticSeverity, type Diagnostic, type Range } from 'vscode-languageserver';
import type { AnnotationProblem } from '../core/annotations';
import { lineStarts, positionAt } from '../core/text';
import type { Severity } from '../core/types';
import { severityKey, type SeveritySetting } from '../workspace/settings';
import { SOURCE } from './diagnostics';

const LSP_SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** Offsets of a text → LSP ranges (line starts computed once). */
export function rangeMapper(text: string): (start: number, end: number) => Range {
  const starts = lineStarts(text);
  const at = (o: number) => positionAt(starts, Math.max(0, Math.min(o, text.length)));
  return (start, end) => ({ start: at(start), end: at(Math.max(start, end)) });
}

/** The problems of one annotation file as LSP diagnostics on its URI; a rule set to 'off' in the settings is left out. */
export function annotationDiagnostics(uri: string, text: string, problems: readonly AnnotationProblem[], severity: Record<string, SeveritySetting> = {}): Diagnostic[] {
  const range = rangeMapper(text);
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const p of problems) {
    const key = `${p.code}:${p.start}:${p.end}:${p.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const setting = severity[severityKey(p.code)];
    if (setting === 'off') continue;
    const d: Diagnostic = { range: range(p.start, p.end), severity: LSP_SEVERITY[setting ?? p.severity] ?? DiagnosticSeverity.Warning, source: SOURCE, code: p.code, message: p.message };
    if (p.related?.length) d.relatedInformation = p.related.map(r => ({ location: { uri, range: range(r.start, r.end) }, message: r.message }));
    if (p.data) d.data = p.data;
    out.push(d);
  }
  return out;
}
