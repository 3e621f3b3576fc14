// `--format sarif`: SARIF 2.1.0, for code-scanning tools. Locations are relative to
// the folder the command ran in (`%SRCROOT%`); columns count UTF-16 code units.
import { jsonPieces } from './jsonPieces';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Severity } from '../core/types';
import type { Location, Report } from './report';
import { RULES, ruleFor } from './rules';

export interface ToolInfo {
  name: string;
  version: string;
  informationUri?: string;
}

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const SRCROOT = '%SRCROOT%';

export function formatSarif(report: Report, tool: ToolInfo, cwd: string): string {
  return [...jsonPieces(sarifLog(report, tool, cwd))].join('');
}

/** The SARIF 2.1.0 log of the report, as data (written in pieces by the CLI: see jsonPieces). */
export function sarifLog(report: Report, tool: ToolInfo, cwd: string): object {
  const codes = [...new Set([...RULES.map(r => r.id), ...report.diagnostics.map(d => d.code)])];
  const rules = codes.map(ruleFor);
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i] as const));
  const artifactIndex = new Map(report.files.map((f, i) => [f, i] as const));

  const artifactLocation = (file: string, withIndex = true) => {
    const index = withIndex ? artifactIndex.get(file) : undefined;
    return path.isAbsolute(file)
      ? { uri: pathToFileURL(file).href, ...(index !== undefined ? { index } : {}) }
      : { uri: relativeUri(file), uriBaseId: SRCROOT, ...(index !== undefined ? { index } : {}) };
  };
  const physical = (loc: Location, snippet?: string) => ({
    artifactLocation: artifactLocation(loc.file),
    region: {
      startLine: loc.line, startColumn: loc.column, endLine: loc.endLine, endColumn: loc.endColumn,
      ...(snippet ? { snippet: { text: snippet } } : {}),
    },
  });

  const results = report.diagnostics.map(d => ({
    ruleId: d.code,
    ruleIndex: ruleIndex.get(d.code)!,
    level: level(d.severity),
    message: { text: d.message },
    locations: [{ physicalLocation: physical(d, d.snippet) }],
    ...(d.related.length ? {
      relatedLocations: d.related.map((r, id) => ({ id, physicalLocation: physical(r), message: { text: r.message } })),
    } : {}),
  }));

  const sarif = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: tool.name,
          version: tool.version,
          semanticVersion: tool.version,
          ...(tool.informationUri ? { informationUri: tool.informationUri } : {}),
          rules: rules.map(r => ({
            id: r.id,
            name: r.name,
            shortDescription: { text: r.short },
            fullDescription: { text: r.full },
            defaultConfiguration: { level: level(r.severity) },
          })),
        },
      },
      originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(cwd.endsWith(path.sep) ? cwd : cwd + path.sep).href } },
      artifacts: report.files.map(f => ({ location: artifactLocation(f, false), mimeType: 'text/plain' })),
      columnKind: 'utf16CodeUnits',
      invocations: [{ executionSuccessful: true }],
      results,
    }],
  };
  return sarif;
}

function level(severity: Severity): 'error' | 'warning' | 'note' {
  return severity === 'error' ? 'error' : severity === 'warning' ? 'warning' : 'note';
}

/** A relative path as a relative URI reference: forward slashes, each segment percent-encoded. */
function relativeUri(file: string): string {
  return file.split(/[\\/]+/).map(seg => (seg === '.' || seg === '..' ? seg : encodeURIComponent(seg))).join('/');
}
