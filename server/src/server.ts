// The language server: wiring only. LSP requests go to the features (plain
// functions of the corpus), documents and files go to the article workspace,
// and diagnostics are pushed with textDocument/publishDiagnostics.
import {
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

/** What the client may pass in `initializationOptions`. */
export interface InitializationOptions {
  /** The client understands the custom messages of protocol.ts (the VS Code client does). */
  customMessages?: boolean;
  /** Settings for clients without `workspace/configuration` (the `triangulate` section). */
  settings?: unknown;
}

type Params = { textDocument: { uri: string } };

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
  const dirty = new Set<string>();
  let flushTimer: NodeJS.Timeout | undefined;
  let version = 0;
  let lastStatus = 0;

  const workspace = new ArticleWorkspace({
    log: logAt,
    changed(docs) {
      for (const d of docs) dirty.add(d);
      version++;
      scheduleFlush();
    },
    indexed() {
      // Indexing does not track which documents each file touched: publish them all.
      for (const d of [...corpus.docs(), ...open.keys()]) dirty.add(d);
      version++;
      scheduleFlush();
    },
  });
  const corpus = workspace.corpus;

  function scheduleFlush(): void {
    if (flushTimer || shuttingDown) return;
    flushTimer = setTimeout(() => {
      flushTimer = undefined;
      runSafeVoid(log, flush, 'Publishing diagnostics failed');
    }, workspace.indexing ? 250 : 0);
  }

  const earlyPublished = new Set<string>();
  function publishAlone(uri: string): void {
    const alone = new Corpus();
    const text = corpus.text(uri);
    if (text === undefined) return;
    alone.set(uri, text);
    const diags = diagnostics(alone, { uri }, { severity: workspace.currentSettings.severity, refusal: workspace.refusal(uri) });
    void connection.sendDiagnostics({ uri, diagnostics: diags });
  }

  function publish(uri: string): void {
    const diags = diagnostics(corpus, { uri }, { severity: workspace.currentSettings.severity, refusal: workspace.refusal(uri) });
    void connection.sendDiagnostics({ uri, diagnostics: diags });
  }

  function flush(): void {
    // While indexing, nothing that needs the corpus-level analysis is published
    // (computing it after every file would cost the whole corpus each time):
    // only documents that left the corpus or are refused. The rest once indexing ends.
    let published = 0;
    for (const uri of [...dirty]) {
      if (workspace.indexing && corpus.has(uri)) {
        // the open document first: its own analysis (figures, entities, in-document conflicts) at once,
        // whatever the corpus size; the cross-source results replace it when indexing ends
        if (open.has(uri) && !earlyPublished.has(uri)) { earlyPublished.add(uri); runSafeVoid(log, () => publishAlone(uri), `Computing the diagnostics of ${uri} failed`); }
        continue;
      }
      dirty.delete(uri);
      runSafeVoid(log, () => publish(uri), `Computing the diagnostics of ${uri} failed`);
      published++;
    }
    if (published && !workspace.indexing && capabilities.workspace?.semanticTokens?.refreshSupport) {
      void connection.languages.semanticTokens.refresh();
    }
    sendStatus(workspace.indexing);
    if (dirty.size && !workspace.indexing) scheduleFlush();
  }

  let lastCounts: StatusParams | undefined;
  function sendStatus(indexing: boolean): void {
    if (!options.customMessages) return;
    const now = Date.now();
    if (indexing && now - lastStatus < 500) return;
    lastStatus = now;
    const counts: StatusParams = indexing
      // Cheap while indexing: the document count, and the last full counts.
      ? { ...(lastCounts ?? { figures: 0, entities: 0, claims: 0, conflicts: 0 }), documents: corpus.docs().length, skipped: workspace.skippedCount, indexing: true, version }
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
    void workspace.index(progress());
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
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        documentSymbolProvider: true,
        workspaceSymbolProvider: true,
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
      workspace.setSettings(await fetchSettings());
      await registerWatchers();
      reindex();
    }, 'Starting the server failed');
  });

  connection.onDidChangeConfiguration(change => runSafeVoid(log, async () => {
    const raw = (change.settings as { triangulate?: unknown } | null)?.triangulate;
    const next = await fetchSettings(raw);
    if (workspace.setSettings(next)) {
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
    workspace.didOpen(uri, doc.languageId, doc.version, doc.getText());
  }, 'Opening a document failed'));

  connection.onDidChangeTextDocument(p => runSafeVoid(log, () => {
    const uri = canonicalUri(p.textDocument.uri);
    const doc = open.get(uri);
    if (!doc) return;
    TextDocument.update(doc, p.contentChanges, p.textDocument.version);
    workspace.didChange(uri, doc.version, doc.getText());
  }, 'Applying an edit failed'));

  connection.onDidCloseTextDocument(p => {
    const uri = canonicalUri(p.textDocument.uri);
    open.delete(uri);
    enqueue(() => workspace.didClose(uri), 'Closing a document failed');
  });

  connection.onDidChangeWatchedFiles(p => {
    enqueue(() => workspace.filesChanged(p.changes), 'Following file changes failed');
  });

  // ---- requests -----------------------------------------------------------
  /** Run a feature on a document: canonical URI, pending edits applied, empty when the document is gone. */
  function onDocument<P extends Params, R>(name: string, empty: R, feature: (params: P) => R) {
    return (params: P, token: CancellationToken) => runSafe(log, () => {
      const uri = canonicalUri(params.textDocument.uri);
      workspace.flush(uri);
      if (!corpus.has(uri)) return empty;
      return feature({ ...params, textDocument: { ...params.textDocument, uri } });
    }, empty, `${name} failed on ${params.textDocument.uri}`, token);
  }

  connection.onHover(onDocument('Hover', null, p => hover(corpus, p)));
  connection.onDefinition(onDocument('Go to definition', null, p => definition(corpus, p)));
  connection.onReferences(onDocument('Find references', [], p => references(corpus, p)));
  connection.onDocumentSymbol(onDocument('Document symbols', [], p => documentSymbols(corpus, p)));
  connection.languages.semanticTokens.on(onDocument('Semantic tokens', { data: [] }, p => semanticTokens(corpus, p)));
  connection.onWorkspaceSymbol((params, token) => runSafe(log, () => workspaceSymbols(corpus, params), [], 'Workspace symbols failed', token));
  connection.onRequest(ClaimsRequest, (params, token) => runSafe<ClaimsResult>(log, () => claims(corpus, params ?? {}), { claims: [], total: 0 }, 'Listing claims failed', token));
}
