// What each diagnostic code means: used for SARIF rule metadata and the help text.
import { Codes } from '../core/types';
import type { Severity } from '../core/types';

export interface Rule {
  id: string;
  name: string;
  short: string;
  full: string;
  severity: Severity;
}

export const RULES: readonly Rule[] = [
  {
    id: Codes.conflictingFigure,
    name: 'ConflictingFigure',
    short: 'Sources give different values for the same figure.',
    full: 'Two or more figures measure the same quantity (same subject, unit and time) but their values are incompatible. Each is reported, with related locations pointing at the other values.',
    severity: 'warning',
  },
  {
    id: Codes.resolvedConflict,
    name: 'ResolvedConflict',
    short: 'A conflict settled by the annotation file.',
    full: 'The sources disagree, but triangulate.yaml marks one value as accepted or the conflict as ignored.',
    severity: 'info',
  },
  {
    id: Codes.unreadableFile,
    name: 'UnreadableFile',
    short: 'The file could not be read as UTF-8 text and was skipped.',
    full: 'Binary files, files that are not valid UTF-8, files too large to analyse and files that cannot be opened are reported once and left out of the analysis.',
    severity: 'warning',
  },
];

/** The rule for a code; codes the engine adds later get a generic entry. */
export function ruleFor(code: string): Rule {
  return RULES.find(r => r.id === code) ?? {
    id: code,
    name: code.replace(/(^|-)([a-z])/g, (_m, _dash: string, c: string) => c.toUpperCase()),
    short: code.replace(/-/g, ' '),
    full: code.replace(/-/g, ' '),
    severity: 'warning',
  };
}
