// The annotation files (`triangulate.yaml`) of the workspace: finding them, reading them
// (the editor's text for an open file, the disk's for the rest), parsing and resolving them
// against the corpus, and handing the engine the rules that result. Knows nothing of LSP:
// the server passes events in and is told, through the host, what to publish again.
//
// A file that does not parse (a syntax error, too large, an alias bomb, a list at the top)
// keeps its last good annotations in force; only its parse problems are shown.
import path from 'node:path';
import { readFileSync, statSync } from 'node:fs';
import type { Corpus } from '../core/corpus';
import {
  ANNOTATION_FILE_NAME, AnnotationCodes, articlePathFrom, emptyResolved, nearestAnnotationFile,
  parseAnnotations, resolveAnnotations,
} from '../core/annotations';
import type { AnnotationModel, AnnotationProblem, ArticleInput, ParseResult, ResolvedAnnotations } from '../core/annotations';
import { rulesFromAnnotations } from '../core/rules';
import { ArticleFilter, findArticles, readArticle, relativeTo } from './files';
import { fileUri, uriToPath } from './uri';
import type { LogLevel } from './articles';

/** Files larger than this (bytes) are not read at all; between 2 M characters and this, the parser refuses them. */
const MAX_READ_BYTES = 8 * 1024 * 1024;

export interface AnnotationHost {
  log(level: LogLevel, message: string): void;
  /** Articles whose analysis changed because the annotations changed: publish them again. */
  changed(docs: Iterable<string>): void;
  /**
   * The articles whose diagnostics may have changed because the annotations changed (`null`: any), without
   * computing them: published in slices, those `Corpus.takeChanged()` says did change. Without it, they are
   * computed at once and passed to `changed`.
   */
  touched?(docs: readonly string[] | null): void;
  /** An annotation file's problems may have changed: publish its diagnostics (its URI). */
  problemsChanged(uri: string): void;
  /** Something is waiting for `refresh()` (a debounced edit ran out). */
  needsRefresh(): void;
}

interface OpenText { text: string; version: number; timer: NodeJS.Timeout | undefined }

interface AnnotationFile {
  uri: string;
  /** File system path. */
  file: string;
  /** The disk's text; undefined: not on disk (or unreadable, see `diskProblem`). */
  disk: string | undefined;
  diskProblem: AnnotationProblem | undefined;
  /** mtime and size of the disk text, to notice changes made behind our back. */
  stamp: string | undefined;
  open: OpenText | undefined;
  /** Parse of the text last seen. */
  parsed: { text: string; result: ParseResult } | undefined;
  /** The last model that parsed (stays in force while the text does not parse). */
  good: AnnotationModel | null;
  /** Resolution of `good`; its problems only count when `good` came from the current text. */
  resolved: ResolvedAnnotations;
  resolveProblems: AnnotationProblem[];
  resolvedFromCurrent: boolean;
}

/** Where a quick fix writes: the annotation file of an article (or the one to create). */
export interface AnnotationTarget {
  uri: string;
  file: string;
  /** The file exists (on disk or as an open document). */
  exists: boolean;
  /** Its text as the editor has it ('' when it does not exist). */
  text: string;
  /** Version of the open document, or null when it is not open. */
  version: number | null;
  /** Whether its text parses (a file that does not is never edited). */
  parses: boolean;
}

export function isAnnotationUri(uri: string): boolean {
  const p = uriToPath(uri);
  const name = p !== undefined ? path.basename(p) : decodeURIComponent(uri.split('/').pop() ?? '');
  return name === ANNOTATION_FILE_NAME;
}

export class AnnotationStore {
  private readonly files = new Map<string, AnnotationFile>();
  private folders: string[] = [];
  private exclude: readonly string[] = [];
  private dirty = true;
  private rulesKey = '';
  /** The articles each annotation file applies to, for a corpus membership and set of files. */
  private placed: { key: string; list: { file: string; path: string; doc: string }[] } | undefined;
  private generation = 0;

  constructor(private readonly corpus: Corpus, private readonly host: AnnotationHost, private readonly debounce: () => number = () => 150) {}

  setFolders(folders: readonly string[]): void {
    this.folders = [...new Set(folders.map(f => path.resolve(f)))];
  }

  setExclude(exclude: readonly string[]): void {
    this.exclude = exclude;
  }

  /** Every known annotation file's URI (on disk or open). */
  uris(): string[] {
    return [...this.files.values()].filter(f => exists(f)).map(f => f.uri);
  }

  has(uri: string): boolean {
    const f = this.files.get(uri);
    return !!f && exists(f);
  }

  isOpen(uri: string): boolean { return !!this.files.get(uri)?.open; }

  /** Find the annotation files under the workspace folders (again) and read them. */
  async discover(): Promise<void> {
    const generation = ++this.generation;
    const filter = new ArticleFilter([`**/${ANNOTATION_FILE_NAME}`], this.exclude);
    const found = new Set<string>();
    for (const folder of this.folders) {
      for (const file of await findArticles(folder, filter, () => generation !== this.generation)) found.add(fileUri(file));
    }
    if (generation !== this.generation) return;
    for (const f of this.files.values()) {
      if (!found.has(f.uri) && f.disk !== undefined && this.inFolders(f.file)) await this.readDisk(f);
    }
    for (const uri of found) await this.readDisk(this.entry(uri));
    this.dirty = true;
  }

  private inFolders(file: string): boolean {
    return this.folders.some(folder => relativeTo(folder, file) !== undefined);
  }

  private entry(uri: string): AnnotationFile {
    let f = this.files.get(uri);
    if (!f) {
      f = {
        uri, file: uriToPath(uri) ?? uri, disk: undefined, diskProblem: undefined, stamp: undefined, open: undefined, parsed: undefined,
        good: null, resolved: emptyResolved(), resolveProblems: [], resolvedFromCurrent: false,
      };
      this.files.set(uri, f);
    }
    return f;
  }

  private async readDisk(f: AnnotationFile): Promise<void> {
    const r = await readArticle(f.file, MAX_READ_BYTES);
    this.applyDisk(f, r.kind === 'ok' ? { text: r.text } : r.kind === 'gone' ? {} : { reason: r.reason }, stampOf(f.file));
  }

  /** Re-read a file that is not open when the disk changed behind our back (a quick fix needs the real text). */
  private readDiskSync(f: AnnotationFile): void {
    const stamp = stampOf(f.file);
    if (stamp === f.stamp) return;
    if (stamp === undefined) { this.applyDisk(f, {}, undefined); return; }
    try {
      if (statSync(f.file).size > MAX_READ_BYTES) { this.applyDisk(f, { reason: 'file is too large' }, stamp); return; }
      const text = readFileSync(f.file, 'utf8');
      this.applyDisk(f, { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text }, stamp);
    } catch (e) {
      this.applyDisk(f, { reason: `cannot be read (${(e as NodeJS.ErrnoException).code ?? String(e)})` }, stamp);
    }
  }

  private applyDisk(f: AnnotationFile, r: { text?: string; reason?: string }, stamp: string | undefined): void {
    const before = f.disk, beforeProblem = f.diskProblem?.message;
    f.stamp = stamp;
    f.disk = r.text;
    f.diskProblem = r.reason === undefined ? undefined : {
      code: /too large/.test(r.reason) ? AnnotationCodes.tooLarge : AnnotationCodes.parseError,
      severity: 'error', start: 0, end: 0,
      message: `The annotation file is not read: ${r.reason}.`,
    };
    if (r.reason !== undefined && r.reason !== beforeProblem) this.host.log('warn', `Not reading ${f.file}: ${r.reason}`);
    if (before === f.disk && beforeProblem === f.diskProblem?.message) return;
    if (!f.open) this.textChanged(f);
  }

  // ---- editor documents -----------------------------------------------------

  didOpen(uri: string, version: number, text: string): void {
    const f = this.entry(uri);
    f.open = { text: prepare(text), version, timer: undefined };
    this.textChanged(f);
  }

  didChange(uri: string, version: number, text: string): void {
    const f = this.files.get(uri);
    if (!f?.open) return;
    const open = f.open;
    open.text = prepare(text);
    open.version = version;
    if (open.timer) clearTimeout(open.timer);
    open.timer = setTimeout(() => {
      open.timer = undefined;
      this.textChanged(f);
      this.host.needsRefresh();
    }, this.debounce());
  }

  async didClose(uri: string): Promise<void> {
    const f = this.files.get(uri);
    if (!f?.open) return;
    if (f.open.timer) clearTimeout(f.open.timer);
    f.open = undefined;
    // The disk is the source again (the editor may have held unsaved text).
    await this.readDisk(f);
    this.textChanged(f);
  }

  /** Apply a debounced edit now, so a request sees the text it was made on. */
  flush(uri: string): void {
    const open = this.files.get(uri)?.open;
    if (!open?.timer) return;
    clearTimeout(open.timer);
    open.timer = undefined;
    this.textChanged(this.files.get(uri)!);
  }

  /** Files created, changed or deleted on disk; returns whether any concerned annotations. */
  async filesChanged(events: readonly { uri: string; type: number }[]): Promise<boolean> {
    let any = false;
    for (const event of events) {
      const file = uriToPath(event.uri);
      if (file === undefined) continue;
      if (path.basename(file) === ANNOTATION_FILE_NAME) {
        any = true;
        await this.readDisk(this.entry(fileUri(file)));
        continue;
      }
      if (event.type === 3) {
        // A folder deleted (or renamed) as a whole.
        const prefix = file.endsWith(path.sep) ? file : file + path.sep;
        for (const f of this.files.values()) if (f.file.startsWith(prefix) && f.disk !== undefined) { any = true; await this.readDisk(f); }
      }
    }
    return any;
  }

  private textChanged(f: AnnotationFile): void {
    this.dirty = true;
    this.host.problemsChanged(f.uri);
  }

  // ---- the text, the parse, the model ---------------------------------------

  /** The text as the editor has it: the open document's, else the disk's ('' when missing). */
  text(uri: string): string {
    const f = this.files.get(uri);
    return f ? currentText(f) ?? '' : '';
  }

  version(uri: string): number | null {
    return this.files.get(uri)?.open?.version ?? null;
  }

  private parse(f: AnnotationFile): ParseResult {
    const text = currentText(f);
    if (text === undefined) return { model: null, problems: f.diskProblem ? [f.diskProblem] : [] };
    if (f.parsed?.text !== text) f.parsed = { text, result: parseAnnotations(text) };
    return f.parsed.result;
  }

  /** The model of the current text, or undefined when it does not parse. */
  model(uri: string): AnnotationModel | undefined {
    const f = this.files.get(uri);
    return f ? this.parse(f).model ?? undefined : undefined;
  }

  /** The model in force: the current one, or the last good one while the text does not parse. */
  modelInForce(uri: string): AnnotationModel | undefined {
    const f = this.files.get(uri);
    if (!f) return undefined;
    return this.parse(f).model ?? f.good ?? undefined;
  }

  /** The resolved annotations of one file (as last resolved). */
  resolved(uri: string): ResolvedAnnotations | undefined {
    return this.files.get(uri)?.resolved;
  }

  /** Problems of a file at its current text: parse problems, then (when it parsed) resolution problems. */
  problems(uri: string): AnnotationProblem[] {
    const f = this.files.get(uri);
    if (!f) return [];
    const parsed = this.parse(f);
    if (!parsed.model) return parsed.problems;
    // A resolution of an older text would point at the wrong places: leave it out until refreshed.
    return f.resolvedFromCurrent && f.good === parsed.model ? [...parsed.problems, ...f.resolveProblems] : parsed.problems;
  }

  // ---- which file applies to an article -------------------------------------

  /** The annotation file that applies to an article (the nearest one in its folder or above), if any. */
  fileFor(articleUri: string): string | undefined {
    const article = uriToPath(articleUri);
    if (article === undefined) return undefined;
    const known = [...this.files.values()].filter(exists);
    const nearest = nearestAnnotationFile(article, known.map(f => f.file));
    return nearest === undefined ? undefined : known.find(f => f.file === nearest)?.uri;
  }

  /**
   * Where a quick fix on an article writes: the nearest annotation file, or a new one at the root
   * of the workspace folder that holds the article (the article's own folder outside any).
   * A file that is not open is read again when the disk changed.
   */
  targetFor(articleUri: string): AnnotationTarget | undefined {
    const article = uriToPath(articleUri);
    if (article === undefined) return undefined;
    for (const f of this.files.values()) if (!f.open) this.readDiskSync(f);
    let uri = this.fileFor(articleUri);
    if (uri === undefined) {
      // Not known: maybe created behind our back (look up to the workspace folder), else the one to create.
      const root = this.folders.filter(folder => relativeTo(folder, article) !== undefined).sort((a, b) => b.length - a.length)[0] ?? path.dirname(article);
      for (let dir = path.dirname(article); ; dir = path.dirname(dir)) {
        const file = path.join(dir, ANNOTATION_FILE_NAME);
        if (stampOf(file) !== undefined) {
          const f = this.entry(fileUri(file));
          this.readDiskSync(f);
          if (exists(f)) { uri = f.uri; this.dirty = true; break; }
        }
        if (dir === root || path.dirname(dir) === dir || relativeTo(root, dir) === undefined) break;
      }
      uri ??= fileUri(path.join(root, ANNOTATION_FILE_NAME));
    }
    return this.target(uri);
  }

  /** The target for an annotation file itself (fixes of its own problems). */
  target(uri: string): AnnotationTarget {
    const f = this.files.get(uri);
    if (f && !f.open) this.readDiskSync(f);
    const file = f?.file ?? uriToPath(uri) ?? uri;
    if (!f || !exists(f)) return { uri, file, exists: false, text: '', version: null, parses: true };
    const parses = !!this.parse(f).model;
    return { uri, file, exists: true, text: currentText(f) ?? '', version: f.open?.version ?? null, parses };
  }

  /** An article's path as written in an annotation file (relative to its folder, with '/'). */
  articlePath(annotationUri: string, articleUri: string): string | undefined {
    const yaml = uriToPath(annotationUri), article = uriToPath(articleUri);
    if (yaml === undefined || article === undefined) return undefined;
    return articlePathFrom(yaml.split(path.sep).join('/'), article.split(path.sep).join('/'));
  }

  /** The document id of an article named in an annotation file. */
  articleUri(annotationUri: string, file: string): string | undefined {
    const yaml = uriToPath(annotationUri);
    if (yaml === undefined) return undefined;
    return fileUri(path.join(path.dirname(yaml), ...file.split('/')));
  }

  /** Article paths (relative to the file's folder) of the corpus documents it applies to. */
  articlesOf(annotationUri: string): string[] {
    const out: string[] = [];
    for (const doc of this.corpus.docs()) {
      if (this.fileFor(doc) !== annotationUri) continue;
      const p = this.articlePath(annotationUri, doc);
      if (p !== undefined) out.push(p);
    }
    return out.sort();
  }

  // ---- resolving ------------------------------------------------------------

  /** Articles changed (text, added, removed): anchors are resolved again on the next refresh. */
  articlesChanged(): void {
    if (this.files.size) this.dirty = true;
  }

  markDirty(): void { this.dirty = true; }

  get isDirty(): boolean { return this.dirty; }

  /**
   * Parse and resolve every annotation file against the corpus as it is now, and hand the engine
   * the rules when they changed. Cheap when nothing changed since the last call.
   */
  refresh(): void {
    if (!this.dirty) return;
    this.dirty = false;
    const known = [...this.files.values()].filter(exists);
    const byFile = new Map<string, ArticleInput[]>(known.map(f => [f.file, []]));
    const paths = known.map(f => f.file);
    if (paths.length) {
      // which file applies to each article, and its path there: worked out again only when articles or files come or go
      const key = `${this.corpus.membership}\u0000${paths.join('\u0000')}`;
      if (this.placed?.key !== key) {
        const list: { file: string; path: string; doc: string }[] = [];
        for (const doc of this.corpus.docs()) {
          const article = uriToPath(doc);
          if (article === undefined) continue;
          const nearest = nearestAnnotationFile(article, paths);
          if (nearest === undefined) continue;
          const rel = articlePathFrom(nearest.split(path.sep).join('/'), article.split(path.sep).join('/'));
          if (rel !== undefined) list.push({ file: nearest, path: rel, doc });
        }
        this.placed = { key, list };
      }
      for (const a of this.placed.list) byFile.get(a.file)!.push({ path: a.path, id: a.doc, text: this.corpus.text(a.doc) });
    }
    const all: ResolvedAnnotations[] = [];
    for (const f of this.files.values()) {
      if (!exists(f)) {
        if (f.good || f.resolveProblems.length) this.host.problemsChanged(f.uri);
        f.good = null; f.resolved = emptyResolved(); f.resolveProblems = []; f.resolvedFromCurrent = false;
        continue;
      }
      const parsed = this.parse(f);
      if (parsed.model) f.good = parsed.model;
      const before = JSON.stringify(f.resolveProblems);
      if (f.good) {
        const r = resolveAnnotations(f.good, byFile.get(f.file) ?? []);
        f.resolved = r.resolved;
        f.resolveProblems = r.problems;
      } else {
        f.resolved = emptyResolved();
        f.resolveProblems = [];
      }
      const wasCurrent = f.resolvedFromCurrent;
      f.resolvedFromCurrent = !!parsed.model;
      if (before !== JSON.stringify(f.resolveProblems) || wasCurrent !== f.resolvedFromCurrent) this.host.problemsChanged(f.uri);
      all.push(f.resolved);
    }
    const rules = rulesFromAnnotations(mergeResolved(all));
    const key = JSON.stringify(rules, (_k, v: unknown) => (v instanceof Map ? [...v] : v));
    if (key === this.rulesKey) return;
    this.rulesKey = key;
    const changes = this.corpus.setOptions({ annotations: rules });
    if (this.host.touched) this.host.touched(changes.touched ?? null);
    else this.host.changed(changes.docs);
  }

  dispose(): void {
    this.generation++;
    for (const f of this.files.values()) if (f.open?.timer) clearTimeout(f.open.timer);
  }
}

function exists(f: AnnotationFile): boolean {
  return f.open !== undefined || f.disk !== undefined || f.diskProblem !== undefined;
}

function currentText(f: AnnotationFile): string | undefined {
  return f.open ? f.open.text : f.disk;
}

function prepare(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function stampOf(file: string): string | undefined {
  try {
    const s = statSync(file);
    return s.isFile() ? `${s.mtimeMs}:${s.size}` : undefined;
  } catch {
    return undefined;
  }
}

/** The annotations of several files as one (each file speaks of its own articles). */
export function mergeResolved(list: readonly ResolvedAnnotations[]): ResolvedAnnotations {
  if (list.length === 1) return list[0]!;
  const out = emptyResolved();
  for (const r of list) {
    Object.assign(out.sources, r.sources);
    out.entities.push(...r.entities);
    out.notEntities.push(...r.notEntities);
    out.notEntitySpans.push(...r.notEntitySpans);
    out.tags.push(...r.tags);
    out.joins.push(...r.joins);
    out.splits.push(...r.splits);
    out.verdicts.push(...r.verdicts);
    out.ignores.figures.push(...r.ignores.figures);
    out.ignores.claims.push(...r.ignores.claims);
    out.ignores.codes.push(...r.ignores.codes);
    out.ignores.docs.push(...r.ignores.docs);
    Object.assign(out.claimLabels, r.claimLabels);
  }
  return out;
}

