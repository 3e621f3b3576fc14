// The server's settings (`triangulate.*`), with defaults and validation: the
// client may send anything, or nothing.
import type { Severity } from '../core/types';

export type SeveritySetting = Severity | 'off';

export interface Settings {
  /** Globs of article files, relative to each workspace folder. */
  include: string[];
  /** Globs of files and folders never read. */
  exclude: string[];
  /** Whether Markdown files (`*.md`) are articles too. */
  markdown: boolean;
  /** Milliseconds to wait after an edit before re-analysing the document. */
  debounce: number;
  /** Severity per rule, keyed by the rule's setting name (`conflictingFigure`). */
  severity: Record<string, SeveritySetting>;
}

export const defaultSettings: Settings = {
  include: ['**/*.txt'],
  exclude: ['**/node_modules/**', '**/.git/**'],
  markdown: false,
  debounce: 150,
  severity: {},
};

const SEVERITIES = new Set<string>(['error', 'warning', 'info', 'information', 'hint', 'off']);

function strings(value: unknown, fallback: string[]): string[] {
  if (!Array.isArray(value)) return fallback;
  return value.filter((v): v is string => typeof v === 'string' && v.trim().length > 0);
}

/** Settings from whatever `workspace/configuration` returned for the `triangulate` section. */
export function readSettings(raw: unknown): Settings {
  const o = raw && typeof raw === 'object' ? raw as Record<string, unknown> : {};
  const severity: Record<string, SeveritySetting> = {};
  if (o.severity && typeof o.severity === 'object') {
    for (const [k, v] of Object.entries(o.severity as Record<string, unknown>)) {
      if (typeof v === 'string' && SEVERITIES.has(v)) severity[k] = (v === 'information' ? 'info' : v) as SeveritySetting;
    }
  }
  const debounce = typeof o.debounce === 'number' && Number.isFinite(o.debounce) ? Math.max(0, Math.min(5000, o.debounce)) : defaultSettings.debounce;
  return {
    include: strings(o.include, defaultSettings.include),
    exclude: strings(o.exclude, defaultSettings.exclude),
    markdown: typeof o.markdown === 'boolean' ? o.markdown : defaultSettings.markdown,
    debounce,
    severity,
  };
}

/** The setting name of a diagnostic code: `conflicting-figure` → `conflictingFigure`. */
export function severityKey(code: string): string {
  return code.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

/** Globs that select articles under these settings (Markdown added when opted in). */
export function articleGlobs(settings: Settings): string[] {
  return settings.markdown ? [...settings.include, '**/*.md'] : settings.include;
}
