// Finding and reading article files on disk. Nothing here throws: a file that
// cannot be read comes back as a reason, a file that vanished as `gone`.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { decodeBytes, MAX_ARTICLE_BYTES } from '../core/text';
import { compileGlobs, type GlobMatcher } from './glob';

export type ReadResult =
  | { kind: 'ok'; text: string }
  | { kind: 'unreadable'; reason: string }
  | { kind: 'gone' };

/** Read one article: too large, binary and invalid UTF-8 files are refused with a reason; a missing file is `gone`. */
export async function readArticle(file: string, maxBytes = MAX_ARTICLE_BYTES): Promise<ReadResult> {
  try {
    const stat = await fs.stat(file);
    if (!stat.isFile()) return { kind: 'gone' };
    if (stat.size > maxBytes) return { kind: 'unreadable', reason: `file is too large to analyse (${(stat.size / 1048576).toFixed(1)} MB; limit ${(maxBytes / 1048576).toFixed(0)} MB)` };
    const bytes = await fs.readFile(file);
    const decoded = decodeBytes(bytes, maxBytes);
    return decoded.ok ? { kind: 'ok', text: decoded.text } : { kind: 'unreadable', reason: decoded.reason };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'gone' };
    return { kind: 'unreadable', reason: `cannot be read (${code ?? String(e)})` };
  }
}

/** Refuse text that arrived from an editor for the same reasons a file would be refused. */
export function checkText(text: string, maxChars = MAX_ARTICLE_BYTES): string | undefined {
  if (text.length > maxChars) return `document is too large to analyse (${(text.length / 1048576).toFixed(1)} M characters; limit ${(maxChars / 1048576).toFixed(0)} MB)`;
  const probe = text.length < 8192 ? text : text.slice(0, 8192);
  if (probe.includes('\u0000')) return 'binary file (contains NUL bytes)';
  return undefined;
}

export class ArticleFilter {
  private readonly included: GlobMatcher;
  private readonly excluded: GlobMatcher;

  constructor(include: readonly string[], exclude: readonly string[]) {
    this.included = compileGlobs(include);
    this.excluded = compileGlobs(exclude);
  }

  /** Whether a file (path relative to its folder, `/` separators) is an article. */
  isArticle(relative: string): boolean {
    return this.included(relative) && !this.excluded(relative);
  }

  /** Whether a folder (relative path) is excluded as a whole. */
  isExcludedFolder(relative: string): boolean {
    return this.excluded(relative + '/') || this.excluded(relative);
  }
}

/** Relative path of `file` inside `folder` with `/` separators, or undefined when it is outside. */
export function relativeTo(folder: string, file: string): string | undefined {
  const rel = path.relative(folder, file);
  if (!rel || rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
  return rel.split(path.sep).join('/');
}

/** Every article under a folder, sorted; unreadable folders are skipped; symbolic links to folders are not followed. */
export async function findArticles(folder: string, filter: ArticleFilter, isCancelled: () => boolean = () => false): Promise<string[]> {
  const out: string[] = [];
  const pending = [folder];
  while (pending.length && !isCancelled()) {
    const dir = pending.pop()!;
    let entries: import('node:fs').Dirent[];
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      const rel = relativeTo(folder, full);
      if (rel === undefined) continue;
      if (entry.isDirectory()) {
        if (!filter.isExcludedFolder(rel)) pending.push(full);
      } else if ((entry.isFile() || entry.isSymbolicLink()) && filter.isArticle(rel)) {
        out.push(full);
      }
    }
  }
  return out.sort();
}
