// The language server: wiring only. LSP requests go to the features (plain
// functions of the corpus), documents and files go to the article workspace,
// and diagnostics are pushed with textDocument/publishDiagnostics. The annotation
// files (triangulate.yaml) go to the annotation store, which hands the corpus the
// rules they make; their own problems are diagnostics on their URIs.
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  TextDocumentSyncKind,
  WatchKind,
  type CancellationToken,
  type ClientCapabilities,
  type Disposable,
  type Connection,
  type InitializeParams,
  type InitializeResult,
  type WorkDoneProgressServerReporter,
  type CodeAction,
  type CodeActionParams,
  type CompletionList,
  type HoverParams,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Corpus } from './core';
import { ArticleWorkspace, type IndexProgress, type LogLevel } from './workspace/articles';
import { articleGlobs, readSettings, type Settings } from './workspace/settings';
import { canonicalUri, uriToPath } from './workspace/uri';
import { ClaimsRequest, StatusNotification, type ClaimsResult, type StatusParams } from './protocol';
import { runSafe, runSafeVoid, type Log } from './features/runner';
import { hover } from './features/hover';
import { diagnostics } from './features/diagnostics';
import { legend, semanticTokens } from './features/semanticTokens';
import { definition } from './features/definition';
import { references } from './features/references';
import { documentSymbols } from './features/documentSymbols';
import { workspaceSymbols } from './features/workspaceSymbols';
import { claims } from './features/claims';
import { status } from './features/status';
import { AnnotationStore, isAnnotationUri } from './workspace/annotations';
import { ANNOTATION_FILE_NAME } from './core/annotations';
import { annotationDiagnostics } from './features/annotationDiagnostics';
import { annotationFileCodeActions, articleCodeActions, resolveCodeAction, type CodeActionEnv } from './features/codeActions';
import { annotationCompletion } from './features/annotationCompletion';
import { annotationHover } from './features/annotationHover';

/** What the client may pass in `initializationOptions`. */
export interface InitializationOptions {
  /** The client understands the custom messages of protocol.ts (the VS Code client does). */
  customMessages?: boolean;
  /** Settings for clients without `workspace/configuration` (the `triangulate` section). */
  settings?: unknown;
}

type Params = { textDocument: { uri: string } };

/** Whether a request is about the annotation file (a malformed request is not: the article handlers answer it safely). */
function isAnnotationParams(params: { textDocument?: { uri?: unknown } }): boolean {
  const uri = params?.textDocument?.uri;
  return typeof uri === 'string' && isAnnotationUri(canonicalUri(uri));
}

/** The annotation file is never an article, whatever the include globs say. */
function articleSettings(settings: Settings): Settings {
  return { ...settings, exclude: [...settings.exclude, `**/${ANNOTATION_FILE_NAME}`] };
}

export function startServer(connection: Connection): void {
  const log: Log & { info(m: string): void; warn(m: string): void } = {
    info: m => connection.console.info(m),
    warn: m => connection.console.warn(m),
    error: m => connection.console.error(m),
  };
  const logAt = (level: LogLevel, message: string) => log[level](message);

  let capabilities: ClientCapabilities = {};
  let options: InitializationOptions = {};
  let folders: string[] = [];
  let shuttingDown = false;

  /** Documents open in the client, by canonical URI. */
  const open = new Map<string, TextDocument>();

  // ---- diagnostics and status, batched ----------------------------------
  /** Documents to publish. */
  const dirty = new Set<string>();
  /** Documents an edit may have changed: published, after `dirty`, when the corpus says their problems changed; `all` for every document. */
  const maybe = new Set<string>();
  let maybeAll = false;
  /** When an edit last touched other documents: they are published once edits pause this long (a burst of typing is checked once). */
  let lastTouched = 0;
  const TOUCHED_QUIET_MS = 100;
  let flushTimer: NodeJS.Timeout | undefined;
  let version = 0;
  let lastStatus = 0;

  const workspace = new ArticleWorkspace({
    log: logAt,
    changed(docs) {
      for (const d of docs) dirty.add(d);
      // Anchors are resolved again against the new texts (re-anchoring) before the next publish.
      annotations.articlesChanged();
      version++;
      scheduleFlush();
    },
    touched(docs) {
      if (docs === null) maybeAll = true;
      else for (const d of docs) maybe.add(d);
      lastTouched = Date.now();
      version++;
      scheduleFlush();
    },
    indexed() {
      // Indexing does not track which documents each file touched: publish them all.
      for (const d of [...corpus.docs(), ...open.keys()]) dirty.add(d);
      annotations.markDirty();
      version++;
      scheduleFlush();
    },
  });
  const corpus = workspace.corpus;
  const annotations = new AnnotationStore(corpus, {
    log: logAt,
    changed(docs) {
      for (const d of docs) dirty.add(d);
      version++;
      scheduleFlush();
    },
    touched(docs) {
      // the open documents first, the others in slices (only those whose problems changed)
      for (const d of open.keys()) if ((docs === null || docs.includes(d)) && corpus.has(d)) dirty.add(d);
      if (docs === null) maybeAll = true;
      else for (const d of docs) if (!open.has(d)) maybe.add(d);
      // entity rules change highlights without changing any diagnostic
      publishedSinceRefresh++;
      version++;
      scheduleFlush();
    },
    problemsChanged(uri) {
      dirty.add(uri);
      scheduleFlush();
    },
    needsRefresh() {
      version++;
      scheduleFlush();
    },
  }, () => workspace.currentSettings.debounce);

  /** Resolve the annotations again if anything changed (not while indexing: every file would cost the whole corpus). */
  function refreshAnnotations(): void {
    if (workspace.indexing) return;
    runSafeVoid(log, () => annotations.refresh(), 'Applying the annotation file failed');
  }

  /** An open document not yet published on its own while indexing: it goes out at once, whatever the corpus size. */
  const waitingAlone = (uri: string) => open.has(uri) && corpus.has(uri) && earlyPublished.get(uri) !== corpus.text(uri);

  let flushDue = 0;
  function scheduleFlush(): void {
    if (shuttingDown) return;
    const soon = !workspace.indexing || [...dirty].some(waitingAlone);
    // only documents an edit may have changed: once edits pause
    const quiet = !dirty.size && (maybe.size || maybeAll) ? Math.max(0, lastTouched + TOUCHED_QUIET_MS - Date.now()) : 0;
    const delay = soon ? quiet : 250;
    if (flushTimer) {
      // a flush that waits for edits to pause does not hold back a document to publish now
      if (flushDue <= Date.now() + delay) return;
      clearTimeout(flushTimer);
    }
    flushDue = Date.now() + delay;
    flushTimer = setTimeout(() => {
      flushTimer = undefined;
      runSafeVoid(log, flush, 'Publishing diagnostics failed');
    }, delay);
  }

  /**
   * While indexing, an open document is analysed on its own (figures, entities, in-document conflicts):
   * its diagnostics and the requests on it are answered from that, not from the corpus being loaded.
   */
  const alone = new Map<string, { text: string; corpus: Corpus }>();
  function aloneCorpus(uri: string): Corpus {
    const text = corpus.text(uri) ?? '';
    let hit = alone.get(uri);
    if (!hit || hit.text !== text) {
      const c = new Corpus();
      if (corpus.has(uri)) c.set(uri, text);
      alone.set(uri, hit = { text, corpus: c });
    }
    return hit.corpus;
  }
  /** The corpus requests on a document are answered from: the whole one, or while indexing the document alone. */
  function corpusFor(uri: string): Corpus {
    if (!workspace.indexing) { alone.clear(); return corpus; }
    return aloneCorpus(uri);
  }

  /** The text each open document was last published alone with, while indexing. */
  const earlyPublished = new Map<string, string>();
  function publishAlone(uri: string): void {
    const text = corpus.text(uri);
    if (text === undefined) return;
    earlyPublished.set(uri, text);
    const diags = diagnostics(aloneCorpus(uri), { uri }, { severity: workspace.currentSettings.severity, refusal: workspace.refusal(uri) });
    void connection.sendDiagnostics({ uri, diagnostics: diags });
  }

  function publish(uri: string): void {
    if (isAnnotationUri(uri)) {
      const diags = annotations.has(uri) ? annotationDiagnostics(uri, annotations.text(uri), annotations.problems(uri), workspace.currentSettings.severity) : [];
      void connection.sendDiagnostics({ uri, diagnostics: diags });
      return;
    }
    // recorded as reported, so that later edits publish it again only when its problems change
    if (corpus.has(uri)) corpus.takeChanged(uri);
    const diags = diagnostics(corpus, { uri }, { severity: workspace.currentSettings.severity, refusal: workspace.refusal(uri) });
    void connection.sendDiagnostics({ uri, diagnostics: diags });
    // a document not open is asked about again only when an edit touches it: its problems are not kept
    if (!open.has(uri) && corpus.has(uri)) corpus.forgetProblems(uri);
  }

  /** One flush publishes for at most this long, then yields to requests and edits and goes on. */
  const FLUSH_SLICE_MS = 15;
  let publishedSinceRefresh = 0;

  function flush(): void {
    // While indexing, nothing that needs the corpus-level analysis is published
    // (computing it after every file would cost the whole corpus each time):
    // only documents that left the corpus or are refused, and open documents on their own.
    // The rest once indexing ends.
    refreshAnnotations();
    const started = Date.now();
    const outOfTime = () => Date.now() - started > FLUSH_SLICE_MS;
    // open documents first (the one just edited among them)
    const order = [...dirty].sort((a, b) => Number(open.has(b)) - Number(open.has(a)));
    let more = false;
    for (const uri of order) {
      if (workspace.indexing && corpus.has(uri)) {
        if (waitingAlone(uri)) runSafeVoid(log, () => publishAlone(uri), `Computing the diagnostics of ${uri} failed`);
        continue;
      }
      if (outOfTime()) { more = true; break; }
      dirty.delete(uri);
      maybe.delete(uri);
      runSafeVoid(log, () => publish(uri), `Computing the diagnostics of ${uri} failed`);
      publishedSinceRefresh++;
    }
    // then the documents an edit may have changed, only those whose problems did change
    if (!more && !workspace.indexing && Date.now() - lastTouched >= TOUCHED_QUIET_MS) {
      if (maybeAll) { maybeAll = false; for (const d of corpus.docs()) maybe.add(d); }
      for (const uri of maybe) {
        if (outOfTime()) { more = true; break; }
        maybe.delete(uri);
        let changed = true;
        try { changed = !corpus.has(uri) || corpus.takeChanged(uri); } catch (e) { log.error(`Computing the diagnostics of ${uri} failed: ${String(e instanceof Error ? e.stack : e)}`); }
        if (!changed) continue;
        runSafeVoid(log, () => publish(uri), `Computing the diagnostics of ${uri} failed`);
        publishedSinceRefresh++;
      }
    }
    if (!more && publishedSinceRefresh && !workspace.indexing) {
      publishedSinceRefresh = 0;
      if (capabilities.workspace?.semanticTokens?.refreshSupport) void connection.languages.semanticTokens.refresh();
    }
    if (!more) sendStatus(workspace.indexing);
    if ((dirty.size || maybe.size || maybeAll) && !workspace.indexing) scheduleFlush();
  }

  let lastCounts: StatusParams | undefined;
  function sendStatus(indexing: boolean): void {
    if (!options.customMessages) return;
    const now = Date.now();
    if (indexing && now - lastStatus < 500) return;
    lastStatus = now;
    const counts: StatusParams = indexing
      // Cheap while indexing: the document count, and the last full counts.
      ? { ...(lastCounts ?? { figures: 0, entities: 0, claims: 0, conflicts: 0 }), documents: corpus.size, skipped: workspace.skippedCount, indexing: true, version }
      : (lastCounts = status(corpus, { indexing: false, skipped: workspace.skippedCount, version }));
    void connection.sendNotification(StatusNotification, counts);
  }

  // ---- settings and indexing ----------------------------------------------
  async function fetchSettings(fallback?: unknown): Promise<Settings> {
    if (capabilities.workspace?.configuration) {
      try {
        return readSettings(await connection.workspace.getConfiguration({ section: 'triangulate' }));
      } catch (e) {
        log.warn(`Could not read the settings: ${String(e)}`);
      }
    }
    return readSettings(fallback ?? options.settings);
  }

  function progress(): IndexProgress {
    let reporter: WorkDoneProgressServerReporter | undefined;
    return {
      async begin(total) {
        try {
          reporter = await connection.window.createWorkDoneProgress();
          reporter.begin('Triangulate: indexing articles', 0, `0/${total}`, false);
        } catch (e) {
          log.warn(`No progress reporting: ${String(e)}`);
        }
      },
      report(done, total) {
        reporter?.report(total ? Math.round((done / total) * 100) : 100, `${done}/${total}`);
      },
      done() {
        reporter?.done();
      },
    };
  }

  function reindex(): void {
    workspace.setFolders(folders);
    annotations.setFolders(folders);
    annotations.setExclude(workspace.currentSettings.exclude.filter(g => g !== `**/${ANNOTATION_FILE_NAME}`));
    void workspace.index(progress());
    void annotations.discover().then(() => scheduleFlush(), e => log.error(`Finding the annotation files failed: ${String(e)}`));
  }

  let watching: { key: string; registration: Disposable } | undefined;
  /** Watch the article globs (again, when the settings change them). */
  async function registerWatchers(): Promise<void> {
    if (!capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
      log.info('The client cannot register file watchers: changes on disk are seen only when files are opened or the server restarts');
      return;
    }
    const globs = [...new Set([...articleGlobs(workspace.currentSettings), '**/*.txt'])];
    const key = JSON.stringify(globs);
    if (key === watching?.key) return;
    watching?.registration.dispose();
    watching = undefined;
    const registration = await connection.client.register(DidChangeWatchedFilesNotification.type, {
      watchers: [
        ...globs.map(globPattern => ({ globPattern })),
        { globPattern: `**/${ANNOTATION_FILE_NAME}` },
        // Folders deleted or renamed as a whole.
        { globPattern: '**/*', kind: WatchKind.Delete },
      ],
    });
    watching = { key, registration };
  }

  // ---- lifecycle ----------------------------------------------------------
  connection.onInitialize((params: InitializeParams): InitializeResult => {
    capabilities = params.capabilities;
    options = (params.initializationOptions ?? {}) as InitializationOptions;
    const list = params.workspaceFolders?.map(f => uriToPath(f.uri)).filter((p): p is string => !!p);
    if (list?.length) folders = list;
    else if (params.rootUri && uriToPath(params.rootUri)) folders = [uriToPath(params.rootUri)!];
    else if (params.rootPath) folders = [params.rootPath];
    workspace.setFolders(folders);
    annotations.setFolders(folders);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        documentSymbolProvider: true,
        workspaceSymbolProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix], resolveProvider: true },
        completionProvider: { triggerCharacters: [':', ' ', '-'] },
        semanticTokensProvider: { legend, full: true, range: false },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'triangulate' },
    };
  });

  connection.onInitialized(() => {
    runSafeVoid(log, async () => {
      if (capabilities.workspace?.didChangeConfiguration?.dynamicRegistration) {
        await connection.client.register(DidChangeConfigurationNotification.type, { section: 'triangulate' });
      }
      if (capabilities.workspace?.workspaceFolders) {
        connection.workspace.onDidChangeWorkspaceFolders(e => runSafeVoid(log, () => {
          const removed = new Set(e.removed.map(f => uriToPath(f.uri)));
          folders = [...folders.filter(f => !removed.has(f)), ...e.added.map(f => uriToPath(f.uri)).filter((p): p is string => !!p)];
          reindex();
        }, 'Changing workspace folders failed'));
      }
      workspace.setSettings(articleSettings(await fetchSettings()));
      await registerWatchers();
      reindex();
    }, 'Starting the server failed');
  });

  connection.onDidChangeConfiguration(change => runSafeVoid(log, async () => {
    const raw = (change.settings as { triangulate?: unknown } | null)?.triangulate;
    const next = await fetchSettings(raw);
    if (workspace.setSettings(articleSettings(next))) {
      await registerWatchers();
      reindex();
    }
    // Severities may have changed: publish every document again.
    for (const d of [...corpus.docs(), ...open.keys()]) dirty.add(d);
    scheduleFlush();
  }, 'Applying settings failed'));

  connection.onShutdown(() => {
    shuttingDown = true;
    workspace.dispose();
    annotations.dispose();
  });

  // ---- documents and files ------------------------------------------------
  let queue: Promise<void> = Promise.resolve();
  const enqueue = (f: () => Promise<void>, what: string) => {
    queue = queue.then(f).catch(e => log.error(`${what}: ${String(e instanceof Error ? e.stack : e)}`));
  };

  connection.onDidOpenTextDocument(p => runSafeVoid(log, () => {
    const uri = canonicalUri(p.textDocument.uri);
    const doc = TextDocument.create(uri, p.textDocument.languageId, p.textDocument.version, p.textDocument.text);
    open.set(uri, doc);
    if (isAnnotationUri(uri)) annotations.didOpen(uri, doc.version, doc.getText());
    else workspace.didOpen(uri, doc.languageId, doc.version, doc.getText());
  }, 'Opening a document failed'));

  connection.onDidChangeTextDocument(p => runSafeVoid(log, () => {
    const uri = canonicalUri(p.textDocument.uri);
    const doc = open.get(uri);
    if (!doc) return;
    TextDocument.update(doc, p.contentChanges, p.textDocument.version);
    if (isAnnotationUri(uri)) annotations.didChange(uri, doc.version, doc.getText());
    else workspace.didChange(uri, doc.version, doc.getText());
  }, 'Applying an edit failed'));

  connection.onDidCloseTextDocument(p => {
    const uri = canonicalUri(p.textDocument.uri);
    open.delete(uri);
    if (isAnnotationUri(uri)) enqueue(async () => { await annotations.didClose(uri); scheduleFlush(); }, 'Closing the annotation file failed');
    else enqueue(() => workspace.didClose(uri), 'Closing a document failed');
  });

  connection.onDidChangeWatchedFiles(p => {
    enqueue(async () => {
      await workspace.filesChanged(p.changes);
      if (await annotations.filesChanged(p.changes)) scheduleFlush();
    }, 'Following file changes failed');
  });

  // ---- requests -----------------------------------------------------------
  /** Run a feature on a document: canonical URI, pending edits applied, empty when the document is gone. */
  function onDocument<P extends Params, R>(name: string, empty: R, feature: (params: P, corpus: Corpus) => R) {
    return (params: P, token: CancellationToken) => runSafe(log, () => {
      const uri = canonicalUri(params.textDocument.uri);
      workspace.flush(uri);
      refreshAnnotations();
      if (!corpus.has(uri)) return empty;
      return feature({ ...params, textDocument: { ...params.textDocument, uri } }, corpusFor(uri));
    }, empty, `${name} failed on ${params.textDocument.uri}`, token);
  }

  /** Run a feature on an annotation file: pending edits applied, annotations resolved, empty when the file is gone. */
  function onAnnotationFile<P extends Params, R>(params: P, empty: R, feature: (uri: string) => R): R {
    const uri = canonicalUri(params.textDocument.uri);
    annotations.flush(uri);
    refreshAnnotations();
    return annotations.has(uri) ? feature(uri) : empty;
  }

  function codeActionEnv(on: Corpus = corpus): CodeActionEnv {
    const edit = capabilities.workspace?.workspaceEdit;
    const ca = capabilities.textDocument?.codeAction;
    return {
      corpus: on,
      annotations,
      documentChanges: !!edit?.documentChanges,
      createFiles: !!edit?.resourceOperations?.includes('create'),
      lazy: !!ca?.resolveSupport?.properties.includes('edit'),
      disabledSupport: !!ca?.disabledSupport,
    };
  }

  const hoverArticle = onDocument('Hover', null, (p: HoverParams, c) => hover(c, p));
  connection.onHover((params, token) => isAnnotationParams(params)
    ? runSafe(log, () => onAnnotationFile(params, null, uri => annotationHover({
      text: annotations.text(uri),
      position: params.position,
      model: annotations.model(uri),
      article: file => { const doc = annotations.articleUri(uri, file); return doc === undefined ? undefined : corpus.text(doc); },
    })), null, `Hover failed on ${params.textDocument.uri}`, token)
    : hoverArticle(params, token));

  const articleActions = onDocument('Code actions', [] as CodeAction[], (p: CodeActionParams, c) => articleCodeActions(codeActionEnv(c), p));
  connection.onCodeAction((params, token) => isAnnotationParams(params)
    ? runSafe(log, () => onAnnotationFile(params, [] as CodeAction[], uri => annotationFileCodeActions(codeActionEnv(), { ...params, textDocument: { uri } })), [], `Code actions failed on ${params.textDocument.uri}`, token)
    : articleActions(params, token));
  connection.onCodeActionResolve((action, token) => runSafe(log, () => resolveCodeAction(codeActionEnv(), action), action, `Resolving the code action "${action.title}" failed`, token));

  connection.onCompletion((params, token) => runSafe<CompletionList | null>(log, () => {
    if (!isAnnotationParams(params)) return null;
    return onAnnotationFile(params, null, uri => annotationCompletion(corpus, {
      text: annotations.text(uri),
      position: params.position,
      model: annotations.modelInForce(uri),
      files: annotations.articlesOf(uri),
    }));
  }, null, `Completion failed on ${params.textDocument.uri}`, token));

  connection.onDefinition(onDocument('Go to definition', null, (p, c) => definition(c, p)));
  connection.onReferences(onDocument('Find references', [], (p, c) => references(c, p)));
  connection.onDocumentSymbol(onDocument('Document symbols', [], (p, c) => documentSymbols(c, p)));
  connection.languages.semanticTokens.on(onDocument('Semantic tokens', { data: [] }, (p, c) => semanticTokens(c, p)));
  // Both need the whole-corpus analysis: while indexing they answer nothing yet (each would pay a whole pass over
  // the articles read so far, and the claims view asks again on every status); the status after indexing brings them.
  connection.onWorkspaceSymbol((params, token) => runSafe(log, () => workspace.indexing ? [] : workspaceSymbols(corpus, params), [], 'Workspace symbols failed', token));
  connection.onRequest(ClaimsRequest, (params, token) => runSafe<ClaimsResult>(log, () => workspace.indexing ? { claims: [], total: 0 } : claims(corpus, params ?? {}), { claims: [], total: 0 }, 'Listing claims failed', token));
}
