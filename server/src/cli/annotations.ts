// The annotation file for the CLI: the nearest `triangulate.yaml` at or above each checked
// article (walking up from its folder), parsed and resolved against the articles below it,
// in the terms the engine takes (`CorpusOptions.annotations`). Problems in the file (parse
// errors, unknown keys, stale anchors, missing articles) are reported as warnings with their
// position; a file that does not parse contributes nothing, and the run goes on.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { AnalysisRules } from '../core/corpus';
import { rulesFromAnnotations } from '../core/rules';
import { parseAnnotations, resolveAnnotations, emptyResolved } from '../core/annotations';
import type { ResolvedAnnotations } from '../core/annotations';
import { decodeBytes, lineStarts, positionAt } from '../core/text';
import type { Article } from './files';

export const ANNOTATION_FILE = 'triangulate.yaml';

async function exists(p: string): Promise<boolean> {
  try { return (await fs.stat(p)).isFile(); } catch { return false; }
}

/** The nearest annotation file at or above a folder, or undefined. */
async function nearest(folder: string, cache: Map<string, string | undefined>): Promise<string | undefined> {
  const seen: string[] = [];
  let dir = folder;
  for (;;) {
    if (cache.has(dir)) { const r = cache.get(dir); for (const s of seen) cache.set(s, r); return r; }
    seen.push(dir);
    const candidate = path.join(dir, ANNOTATION_FILE);
    if (await exists(candidate)) { for (const s of seen) cache.set(s, candidate); return candidate; }
    const up = path.dirname(dir);
    if (up === dir) { for (const s of seen) cache.set(s, undefined); return undefined; }
    dir = up;
  }
}

function merge(into: ResolvedAnnotations, r: ResolvedAnnotations): void {
  Object.assign(into.sources, r.sources);
  into.entities.push(...r.entities); into.notEntities.push(...r.notEntities); into.notEntitySpans.push(...r.notEntitySpans);
  into.tags.push(...r.tags); into.joins.push(...r.joins); into.splits.push(...r.splits); into.verdicts.push(...r.verdicts);
  into.ignores.figures.push(...r.ignores.figures); into.ignores.claims.push(...r.ignores.claims);
  into.ignores.codes.push(...r.ignores.codes); into.ignores.docs.push(...r.ignores.docs);
  Object.assign(into.claimLabels, r.claimLabels);
}

export async function loadAnnotations(articles: readonly Article[], warn: (message: string) => void, cwd: string = process.cwd()): Promise<AnalysisRules | undefined> {
  const cache = new Map<string, string | undefined>();
  const byFile = new Map<string, Article[]>();
  for (const a of articles) {
    const yaml = await nearest(path.dirname(a.abs), cache);
    if (!yaml) continue;
    let l = byFile.get(yaml); if (!l) byFile.set(yaml, l = []); l.push(a);
  }
  if (!byFile.size) return undefined;
  const all = emptyResolved();
  for (const [yaml, list] of byFile) {
    const shown = path.relative(cwd, yaml) || yaml;
    let text: string;
    try {
      const d = decodeBytes(await fs.readFile(yaml), 2 * 1024 * 1024);
      if (!d.ok) { warn(`${shown}: ${d.reason}; annotations not applied`); continue; }
      text = d.text;
    } catch (e) { warn(`${shown}: cannot read (${(e as Error).message})`); continue; }
    const parsed = parseAnnotations(text);
    const starts = lineStarts(text);
    const at = (offset: number) => { const p = positionAt(starts, offset); return `${p.line + 1}:${p.character + 1}`; };
    for (const p of parsed.problems) warn(`${shown}:${at(p.start)}: ${p.severity} ${p.code}: ${p.message}`);
    if (!parsed.model) { warn(`${shown}: not applied (it does not parse)`); continue; }
    const folder = path.dirname(yaml);
    const inputs = list.map(a => ({ path: path.relative(folder, a.abs).split(path.sep).join('/'), id: a.file, text: a.ok ? a.text : undefined }));
    const { resolved, problems } = resolveAnnotations(parsed.model, inputs);
    for (const p of problems) warn(`${shown}:${at(p.start)}: ${p.severity} ${p.code}: ${p.message}`);
    merge(all, resolved);
  }
  return rulesFromAnnotations(all);
}
