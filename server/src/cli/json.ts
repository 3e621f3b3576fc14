// `--format json`: the report as one JSON object (see the README for its shape).
import type { Report } from './report';
import { jsonPieces } from './jsonPieces';

export function formatJson(report: Report): string {
  return [...jsonReport(report)].join('');
}

/** The report's JSON in pieces (a report too large for one string is still written). */
export function jsonReport(report: Report): Iterable<string> {
  const out = {
    files: report.files,
    figures: report.figures,
    entities: report.entities,
    claims: report.claims,
    diagnostics: report.diagnostics.map(({ snippet: _snippet, ...d }) => d),
  };
  return jsonPieces(out);
}
