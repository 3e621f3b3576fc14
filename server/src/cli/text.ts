// Linter-style text output: one line per diagnostic, related places indented
// under it, then a one-line summary.
import type { Report, Summary } from './report';
import { summarize } from './report';

export interface TextOptions {
  /** Print the summary line only. */
  quiet?: boolean;
}

export function formatText(report: Report, options: TextOptions = {}): string {
  const lines: string[] = [];
  if (!options.quiet) {
    for (const d of report.diagnostics) {
      lines.push(`${d.file}:${d.line}:${d.column}: ${d.severity} ${d.code}: ${oneLine(d.message)}`);
      for (const r of d.related) lines.push(`    ${r.file}:${r.line}:${r.column}: note: ${oneLine(r.message)}`);
    }
  }
  lines.push(summaryLine(summarize(report)));
  return lines.join('\n') + '\n';
}

export function summaryLine(s: Summary): string {
  const files = plural(s.files, 'file') + (s.unreadable ? ` (${s.unreadable} unreadable)` : '');
  return [files, plural(s.figures, 'figure'), plural(s.entities, 'entity', 'entities'), plural(s.claims, 'claim'), plural(s.conflicts, 'conflict')].join(', ');
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Keep a message on its line, whatever the engine put in it. */
function oneLine(message: string): string {
  return message.replace(/\s*[\r\n]+\s*/g, ' ');
}
