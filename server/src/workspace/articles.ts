// The article workspace: which files are articles, where their text comes from
// (the editor for open documents, the disk for the rest), and keeping the
// corpus in step with both. Knows nothing of LSP: the server passes events in
// and is told, through the host, which documents changed.
import path from 'node:path';
import { promises as fs } from 'node:fs';
import { Corpus, type ChangeSet } from '../core/corpus';
import { prepareText } from '../core/text';
import { ArticleFilter, checkText, findArticles, readArticle, relativeTo } from './files';
import { articleGlobs, defaultSettings, type Settings } from './settings';
import { fileUri, uriToPath } from './uri';

export type LogLevel = 'info' | 'warn' | 'error';

export interface WorkspaceHost {
  log(level: LogLevel, message: string): void;
  /** Documents whose analysis changed (or that left the corpus): re-publish their diagnostics. */
  changed(docs: Iterable<string>): void;
  /**
   * After an edit, the other documents whose diagnostics may have changed (`null`: any document): publish,
   * after the edited one and without blocking requests, those `Corpus.takeChanged()` says did change.
   * Without it, they are computed at once and passed to `changed`.
   */
  touched?(docs: readonly string[] | null): void;
  /** An indexing run finished (or was superseded). */
  indexed(): void;
}

/** Progress of one indexing run (the server maps it onto LSP work-done progress). */
export interface IndexProgress {
  begin(total: number): void | Promise<void>;
  report(done: number, total: number): void;
  done(): void;
}

/** `FileChangeType` of LSP. */
export const FileChange = { Created: 1, Changed: 2, Deleted: 3 } as const;

interface OpenDocument {
  text: string;
  version: number;
  languageId: string;
  /** The version the editor opened; an unedited document of an unreadable file stays refused. */
  openedVersion: number;
  timer: NodeJS.Timeout | undefined;
}

const silentProgress: IndexProgress = { begin() {}, report() {}, done() {} };

export class ArticleWorkspace {
  readonly corpus: Corpus;
  private folders: string[] = [];
  private settings: Settings = defaultSettings;
  private filter = new ArticleFilter(articleGlobs(defaultSettings), defaultSettings.exclude);
  private readonly open = new Map<string, OpenDocument>();
  /** Articles whose text came from the disk. */
  private readonly onDisk = new Set<string>();
  /** Article files that could not be read, with the reason. */
  private readonly unreadable = new Map<string, string>();
  /** Open documents whose editor text was refused, with the reason. */
  private readonly refused = new Map<string, string>();
  private generation = 0;
  private running: Promise<void> | undefined;
  private indexingNow = false;

  constructor(private readonly host: WorkspaceHost, corpus?: Corpus) {
    this.corpus = corpus ?? new Corpus();
  }

  get indexing(): boolean { return this.indexingNow; }
  get skippedCount(): number { return this.unreadable.size; }
  get currentSettings(): Settings { return this.settings; }

  setFolders(folders: readonly string[]): void {
    this.folders = [...new Set(folders.map(f => path.resolve(f)))];
  }

  /** Apply new settings; returns true when the set of articles may have changed (re-index then). */
  setSettings(settings: Settings): boolean {
    const before = JSON.stringify([articleGlobs(this.settings), this.settings.exclude]);
    this.settings = settings;
    const after = JSON.stringify([articleGlobs(settings), settings.exclude]);
    if (before === after) return false;
    this.filter = new ArticleFilter(articleGlobs(settings), settings.exclude);
    return true;
  }

  /** Why a document is not analysed (unreadable file, refused text), if it is open and refused. */
  refusal(uri: string): string | undefined {
    if (!this.open.has(uri)) return undefined;
    return this.refused.get(uri);
  }

  isOpen(uri: string): boolean { return this.open.has(uri); }

  /** Whether a file on disk is an article under the current settings. */
  isArticlePath(file: string): boolean {
    for (const folder of this.folders) {
      const rel = relativeTo(folder, file);
      if (rel !== undefined) return this.filter.isArticle(rel) && !this.insideExcludedFolder(rel);
    }
    return false;
  }

  private insideExcludedFolder(rel: string): boolean {
    const parts = rel.split('/');
    for (let i = 1; i < parts.length; i++) if (this.filter.isExcludedFolder(parts.slice(0, i).join('/'))) return true;
    return false;
  }

  private inFolder(file: string): boolean {
    return this.folders.some(f => relativeTo(f, file) !== undefined);
  }

  /**
   * Whether an open editor document is analysed as an article: inside a
   * workspace folder the include/exclude settings decide; outside, the
   * `article` language or a file name the include globs match.
   */
  private accepts(uri: string, languageId: string): boolean {
    if (languageId === 'markdown' && !this.settings.markdown) return false;
    const file = uriToPath(uri);
    if (file !== undefined && this.inFolder(file)) return this.isArticlePath(file);
    if (languageId === 'article') return true;
    const name = file !== undefined ? path.basename(file) : uri.split('/').pop() ?? '';
    return this.filter.isArticle(name);
  }

  // ---- indexing -----------------------------------------------------------

  /** Index every article of every folder; a newer call supersedes a running one. */
  index(progress: IndexProgress = silentProgress): Promise<void> {
    const generation = ++this.generation;
    const run = this.runIndex(generation, progress).catch(e => this.host.log('error', `Indexing failed: ${describe(e)}`));
    this.running = run;
    return run;
  }

  /** Resolves when the latest indexing run has finished. */
  async idle(): Promise<void> {
    while (this.running) {
      const r = this.running;
      await r;
      if (this.running === r) this.running = undefined;
    }
  }

  private async runIndex(generation: number, progress: IndexProgress): Promise<void> {
    this.indexingNow = true;
    const stale = () => generation !== this.generation;
    try {
      const files: string[] = [];
      // (one at a time: spreading a folder of 150,000 articles into push() overflows the stack)
      for (const folder of this.folders) for (const f of await findArticles(folder, this.filter, stale)) files.push(f);
      if (stale()) return;
      const wanted = new Set(files.map(fileUri));
      for (const uri of [...this.onDisk, ...this.unreadable.keys()]) {
        if (!wanted.has(uri)) this.forget(uri, true);
      }
      await progress.begin(files.length);
      this.host.log('info', `Indexing ${files.length} article file(s) in ${this.folders.length} folder(s)`);
      let lastReport = Date.now();
      for (let i = 0; i < files.length; i++) {
        if (stale()) return;
        const file = files[i]!;
        const uri = fileUri(file);
        if (this.open.has(uri)) this.onDisk.add(uri);
        else await this.load(uri, file, 'indexing', stale);
        if (Date.now() - lastReport > 100 || i === files.length - 1) {
          progress.report(i + 1, files.length);
          lastReport = Date.now();
        }
        // Let requests and edits in between files.
        await new Promise<void>(resolve => setImmediate(resolve));
      }
      this.host.log('info', `Indexed ${this.onDisk.size} article(s); ${this.unreadable.size} skipped`);
    } finally {
      if (!stale()) this.indexingNow = false;
      progress.done();
      if (!stale()) this.host.indexed();
    }
  }

  /** Read one file from disk into the corpus (unless the editor holds it). */
  private async load(uri: string, file: string, why: 'indexing' | 'watch', stale: () => boolean = () => false): Promise<void> {
    const bulk = why === 'indexing';
    const result = await readArticle(file);
    // The settings may have changed while the file was read (a newer indexing run took over,
    // or the file is excluded now): then this read is not applied.
    if (stale() || !this.isArticlePath(file)) return;
    if (this.open.has(uri)) { this.onDisk.add(uri); return; }
    if (result.kind === 'gone') {
      if (why === 'indexing') this.host.log('info', `${file} was deleted while indexing; skipped`);
      this.forget(uri, bulk);
      return;
    }
    if (result.kind === 'unreadable') {
      if (this.unreadable.get(uri) !== result.reason) this.host.log('warn', `Skipped ${file}: ${result.reason}`);
      this.unreadable.set(uri, result.reason);
      this.onDisk.delete(uri);
      this.removeFromCorpus(uri, bulk);
      return;
    }
    this.unreadable.delete(uri);
    this.onDisk.add(uri);
    this.setText(uri, result.text, bulk);
  }

  /** Drop a document that is no longer an article file (deleted, excluded). */
  private forget(uri: string, bulk = false): void {
    this.onDisk.delete(uri);
    this.unreadable.delete(uri);
    if (!this.open.has(uri)) this.removeFromCorpus(uri, bulk);
  }

  /**
   * While indexing, the documents a change touched are not asked for: the
   * engine computes them lazily, and asking after every file would analyse the
   * whole corpus once per file. Every document is published when indexing ends.
   */
  private removeFromCorpus(uri: string, bulk = false): void {
    if (!this.corpus.has(uri)) return;
    this.report(uri, this.corpus.delete(uri), bulk);
  }

  private setText(uri: string, text: string, bulk = false): void {
    if (this.corpus.text(uri) === text) return;
    this.report(uri, this.corpus.set(uri, text), bulk);
  }

  /** The changed document first; the others it touched after it (see `WorkspaceHost.touched`). */
  private report(uri: string, changes: ChangeSet, bulk: boolean): void {
    if (bulk) { this.host.changed([uri]); return; }
    if (this.host.touched) {
      const touched = changes.touched;
      this.host.changed([uri]);
      this.host.touched(touched === undefined ? null : touched);
    } else this.host.changed([uri, ...changes.docs]);
    this.settleLater();
  }

  private settleTimer: NodeJS.Timeout | undefined;
  private settleSkipped = false;
  /**
   * An edit is patched into the analysis at once (one document re-read, only the claims it touches);
   * once edits pause, the whole-corpus pass (acronyms and short forms across documents, kinds by vote,
   * claim merging) runs again and whatever it changes is re-published.
   */
  private settleLater(): void {
    if (this.corpus.lastFullPassMs > SETTLE_BUDGET_MS) {
      // the pass would block every request for that long: edits stay patched in until the next full pass
      // (a changed setting or annotation file, re-indexing)
      if (!this.settleSkipped) this.host.log('info', `The whole-corpus pass takes ${this.corpus.lastFullPassMs} ms: it is not rerun after edits (they are patched in)`);
      this.settleSkipped = true;
      return;
    }
    if (this.settleTimer) clearTimeout(this.settleTimer);
    this.settleTimer = setTimeout(() => {
      this.settleTimer = undefined;
      try {
        if ([...this.open.values()].some(d => d.timer)) { this.settleLater(); return; }
        const changes = this.corpus.settle();
        if (this.host.touched) this.host.touched(null);
        else if (changes.docs.length) this.host.changed(changes.docs);
      } catch (e) {
        this.host.log('error', `Analysis failed: ${describe(e)}`);
      }
    }, SETTLE_AFTER_MS);
    this.settleTimer.unref?.();
  }

  // ---- file watching ------------------------------------------------------

  /** Files created, changed or deleted on disk (renames arrive as a deletion and a creation). */
  async filesChanged(events: readonly { uri: string; type: number }[]): Promise<void> {
    for (const event of events) {
      const file = uriToPath(event.uri);
      if (file === undefined) continue;
      if (event.type === FileChange.Deleted) { this.deleted(file); continue; }
      let isDir = false;
      try { isDir = (await fs.stat(file)).isDirectory(); } catch { /* gone again: handled by load */ }
      if (isDir) {
        const rel = this.folders.map(f => relativeTo(f, file)).find(r => r !== undefined);
        if (rel === undefined || this.filter.isExcludedFolder(rel) || this.insideExcludedFolder(rel + '/x')) continue;
        for (const f of await findArticles(file, this.filter)) if (this.isArticlePath(f)) await this.load(fileUri(f), f, 'watch');
      } else if (this.isArticlePath(file)) {
        await this.load(fileUri(file), file, 'watch');
      }
    }
  }

  private deleted(file: string): void {
    const prefix = file.endsWith(path.sep) ? file : file + path.sep;
    const gone: string[] = [];
    for (const uri of new Set([...this.onDisk, ...this.unreadable.keys(), ...this.corpus.docs()])) {
      const p = uriToPath(uri);
      if (p !== undefined && (p === file || p.startsWith(prefix))) gone.push(uri);
    }
    for (const uri of gone) if (this.onDisk.has(uri) || this.unreadable.has(uri)) this.forget(uri);
  }

  // ---- open documents -----------------------------------------------------

  didOpen(uri: string, languageId: string, version: number, text: string): void {
    const doc: OpenDocument = { text, version, languageId, openedVersion: version, timer: undefined };
    this.open.set(uri, doc);
    this.analyseOpen(uri, doc);
  }

  didChange(uri: string, version: number, text: string): void {
    const doc = this.open.get(uri);
    if (!doc) return;
    doc.text = text;
    doc.version = version;
    if (doc.timer) clearTimeout(doc.timer);
    doc.timer = setTimeout(() => {
      doc.timer = undefined;
      this.safely(() => this.analyseOpen(uri, doc));
    }, this.settings.debounce);
  }

  async didClose(uri: string): Promise<void> {
    const doc = this.open.get(uri);
    if (!doc) return;
    if (doc.timer) clearTimeout(doc.timer);
    this.open.delete(uri);
    const hadRefusal = this.refused.delete(uri);
    const file = uriToPath(uri);
    if (file !== undefined && this.isArticlePath(file)) {
      // The disk is the source again (the editor may have held unsaved text).
      await this.load(uri, file, 'watch');
      if (hadRefusal) this.host.changed([uri]);
    } else {
      this.onDisk.delete(uri);
      if (this.corpus.has(uri)) this.removeFromCorpus(uri);
      else if (hadRefusal) this.host.changed([uri]);
    }
  }

  /** Run a pending (debounced) analysis of a document now, so a request sees the text it was made on. */
  flush(uri: string): void {
    const doc = this.open.get(uri);
    if (!doc?.timer) return;
    clearTimeout(doc.timer);
    doc.timer = undefined;
    this.analyseOpen(uri, doc);
  }

  /** Whether an edit of this document is waiting for its debounce. */
  pending(uri: string): boolean {
    return this.open.get(uri)?.timer !== undefined;
  }

  private analyseOpen(uri: string, doc: OpenDocument): void {
    if (!this.accepts(uri, doc.languageId)) return;
    const diskReason = this.unreadable.get(uri);
    const reason = diskReason !== undefined && doc.version === doc.openedVersion ? diskReason : checkText(doc.text);
    if (reason !== undefined) {
      const before = this.refused.get(uri);
      this.refused.set(uri, reason);
      if (before !== reason) this.host.log('warn', `Not analysing ${uri}: ${reason}`);
      if (this.corpus.has(uri)) this.removeFromCorpus(uri);
      else this.host.changed([uri]);
      return;
    }
    const hadRefusal = this.refused.delete(uri);
    const text = prepareText(doc.text);
    if (this.corpus.text(uri) === text) { if (hadRefusal) this.host.changed([uri]); return; }
    this.setText(uri, text);
  }

  private safely(f: () => void): void {
    try {
      f();
    } catch (e) {
      this.host.log('error', `Analysis failed: ${describe(e)}`);
    }
  }

  dispose(): void {
    this.generation++;
    for (const doc of this.open.values()) if (doc.timer) clearTimeout(doc.timer);
    if (this.settleTimer) clearTimeout(this.settleTimer);
  }
}

/** Quiet time after the last edit before the whole-corpus pass runs again. */
const SETTLE_AFTER_MS = 3000;
/** The whole-corpus pass reruns after edits only when it took at most this long (it cannot be interrupted). */
const SETTLE_BUDGET_MS = 300;

export function describe(e: unknown): string {
  if (e instanceof Error) return e.stack ?? e.message;
  return String(e);
}
