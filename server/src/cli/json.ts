// `--format json`: the report as one JSON object (see the README for its shape).
import type { Report } from './report';

export function formatJson(report: Report): string {
  const out = {
    files: report.files,
    figures: report.figures,
    entities: report.entities,
    claims: report.claims,
    diagnostics: report.diagnostics.map(({ snippet: _snippet, ...d }) => d),
  };
  return JSON.stringify(out, null, 2) + '\n';
}
