// The annotation file for the command line: for each article, the nearest `triangulate.yaml` in
// its folder or a folder above it (the same rule as the editor's), parsed and resolved against the
// articles read, and turned into what the engine takes as `CorpusOptions.annotations`. Problems of
// a file (syntax errors, unknown keys, stale anchors, missing articles, ...) are warnings with their
// position (`triangulate.yaml:2:5: warning stale-anchor: ...`); a file that does not parse
// contributes nothing, and the run goes on.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { AnalysisRules } from '../core/corpus';
import {
  ANNOTATION_FILE_NAME, AnnotationCodes, emptyResolved, normalizeArticlePath, parseAnnotations, resolveAnnotations,
} from '../core/annotations';
import type { AnnotationModel, AnnotationProblem, ArticleInput, ResolvedAnnotations } from '../core/annotations';
import { rulesFromAnnotations } from '../core/rules';
import { decodeBytes, lineStarts, positionAt } from '../core/text';
import { mergeResolved } from '../workspace/annotations';
import type { Article } from './files';

export const ANNOTATION_FILE = ANNOTATION_FILE_NAME;

/** Annotation files larger than this (bytes) are not read at all. */
const MAX_READ_BYTES = 8 * 1024 * 1024;

export interface LoadedAnnotationFile {
  /** The path as shown (relative to the working folder when inside it). */
  file: string;
  abs: string;
  /** The text read (undefined: it could not be read). */
  text: string | undefined;
  model: AnnotationModel | null;
  problems: AnnotationProblem[];
  resolved: ResolvedAnnotations;
  /** Shown paths of the articles it applies to. */
  articles: string[];
}

export interface LoadedAnnotations {
  files: LoadedAnnotationFile[];
  /** Every file's annotations as one (document ids are the articles' shown paths). */
  resolved: ResolvedAnnotations;
  /** What the engine takes; undefined when no file applies. */
  rules: AnalysisRules | undefined;
}

/** The nearest annotation file at or above a folder (cached per folder). */
async function nearestFile(dir: string, cache: Map<string, string | null>): Promise<string | null> {
  const visited: string[] = [];
  let found: string | null = null;
  for (let d = dir; ; d = path.dirname(d)) {
    const hit = cache.get(d);
    if (hit !== undefined) { found = hit; break; }
    visited.push(d);
    const candidate = path.join(d, ANNOTATION_FILE_NAME);
    const stat = await fs.stat(candidate).catch(() => null);
    if (stat?.isFile()) { found = candidate; break; }
    if (path.dirname(d) === d) break;
  }
  for (const d of visited) cache.set(d, found);
  return found;
}

function shownPath(abs: string, cwd: string): string {
  const rel = path.relative(cwd, abs);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : abs;
}

const posix = (p: string) => p.split(path.sep).join('/');

async function readYaml(abs: string): Promise<{ text?: string; problem?: AnnotationProblem }> {
  const fail = (code: AnnotationProblem['code'], why: string): { problem: AnnotationProblem } => ({ problem: { code, severity: 'error', start: 0, end: 0, message: `The annotation file is not read: ${why}.` } });
  try {
    const stat = await fs.stat(abs);
    if (stat.size > MAX_READ_BYTES) return fail(AnnotationCodes.tooLarge, `it is too large (${(stat.size / 1048576).toFixed(1)} MB)`);
    const decoded = decodeBytes(await fs.readFile(abs), MAX_READ_BYTES);
    return decoded.ok ? { text: decoded.text } : fail(AnnotationCodes.parseError, decoded.reason);
  } catch (e) {
    return fail(AnnotationCodes.parseError, `it cannot be read (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
}

/** The files a model names (anchors, sources, ignores), relative to its folder. */
function namedFiles(m: AnnotationModel): Set<string> {
  const out = new Set<string>();
  for (const s of m.sources) out.add(s.file);
  for (const t of m.tags) out.add(t.anchor.file);
  for (const n of m.notEntities) if (n.anchor) out.add(n.anchor.file);
  for (const c of m.claims) for (const f of c.figures) out.add(f.file);
  for (const s of m.splits) for (const f of s.figures) out.add(f.file);
  for (const v of m.verdicts) out.add(v.anchor.file);
  for (const i of m.ignores) { if (i.type === 'figure') out.add(i.anchor.file); else if (i.type !== 'claim' && i.file) out.add(i.file); }
  return out;
}

/**
 * Find, read, parse and resolve the annotation files of the articles. Articles named in a file but
 * not among those checked are known to exist (no "missing article"), but have no text to anchor in.
 */
export async function loadAnnotationFiles(articles: readonly Article[], warn: (message: string) => void, cwd: string = process.cwd()): Promise<LoadedAnnotations> {
  const cache = new Map<string, string | null>();
  const byFile = new Map<string, Article[]>();
  for (const a of articles) {
    const yaml = await nearestFile(path.dirname(a.abs), cache);
    if (!yaml) continue;
    let list = byFile.get(yaml);
    if (!list) byFile.set(yaml, list = []);
    list.push(a);
  }
  const files: LoadedAnnotationFile[] = [];
  for (const [abs, list] of byFile) {
    const folder = path.dirname(abs);
    const read = await readYaml(abs);
    const parsed = read.text === undefined ? { model: null, problems: read.problem ? [read.problem] : [] } : parseAnnotations(read.text);
    const problems = [...parsed.problems];
    let resolved = emptyResolved();
    if (parsed.model) {
      const inputs: ArticleInput[] = list.map(a => ({ path: normalizeArticlePath(posix(path.relative(folder, a.abs))), id: a.file, text: a.ok ? a.text : undefined }));
      const known = new Set(inputs.map(i => i.path));
      for (const f of namedFiles(parsed.model)) {
        if (known.has(f)) continue;
        const stat = await fs.stat(path.join(folder, ...f.split('/'))).catch(() => null);
        if (stat?.isFile()) { inputs.push({ path: f, id: shownPath(path.join(folder, ...f.split('/')), cwd), text: undefined }); known.add(f); }
      }
      const r = resolveAnnotations(parsed.model, inputs);
      resolved = r.resolved;
      problems.push(...r.problems);
    }
    const loaded: LoadedAnnotationFile = { file: shownPath(abs, cwd), abs, text: read.text, model: parsed.model, problems, resolved, articles: list.map(a => a.file) };
    report(loaded, warn);
    files.push(loaded);
  }
  const merged = mergeResolved(files.map(f => f.resolved));
  return { files, resolved: merged, rules: files.length ? rulesFromAnnotations(merged) : undefined };
}

/** What the engine takes from the annotation files of these articles (undefined: none applies). */
export async function loadAnnotations(articles: readonly Article[], warn: (message: string) => void, cwd: string = process.cwd()): Promise<AnalysisRules | undefined> {
  return (await loadAnnotationFiles(articles, warn, cwd)).rules;
}

/** A file's problems as warnings: `path:line:column: severity code: message`. */
function report(f: LoadedAnnotationFile, warn: (message: string) => void): void {
  const text = f.text ?? '';
  const starts = lineStarts(text);
  const at = (offset: number) => { const p = positionAt(starts, Math.min(offset, text.length)); return `${p.line + 1}:${p.character + 1}`; };
  for (const p of f.problems) warn(`${f.file}:${at(p.start)}: ${p.severity} ${p.code}: ${p.message}`);
  if (!f.model) warn(`${f.file}: not applied (it does not parse)`);
}
