// A small LSP test client: starts the bundled server (`node dist/server.js
// --stdio`) as a child process, speaks JSON-RPC to it over its stdio, answers
// the server's requests (configuration, progress, registrations), collects the
// diagnostics, progress, log messages and status it sends, and offers helpers
// to open, edit and close documents and to poll with a deadline.
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import {
  DidChangeWatchedFilesNotification,
  ExitNotification,
  InitializeRequest,
  InitializedNotification,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  type Diagnostic,
  type FileChangeType,
  type InitializeResult,
  type Position,
  type Range,
} from 'vscode-languageserver-protocol';
import type { StatusParams } from '../../server/src/protocol';

export const repoRoot = path.resolve(__dirname, '../../..');
export const serverPath = path.join(repoRoot, 'dist', 'server.js');
export const seedsDir = path.resolve(repoRoot, '../shared/seeds');

export function fileUri(p: string): string {
  return pathToFileURL(p).href;
}

/** Poll `check` until it returns a value other than undefined/false, or fail after `timeoutMs`. */
export async function waitFor<T>(what: string, check: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 15000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await check();
      if (v !== undefined && v !== false) return v;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise(r => setTimeout(r, 20));
  }
}

/** A fresh temporary folder holding a copy of the seed articles (for tests that write or delete files). */
export function copySeeds(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'triangulate-lsp-'));
  for (const f of listSeeds()) cpSync(path.join(seedsDir, f), path.join(dir, f));
  return dir;
}

export function tempDir(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'triangulate-lsp-'));
}

export function listSeeds(): string[] {
  if (!existsSync(seedsDir)) throw new Error(`seed articles not found at ${seedsDir}`);
  return readdirSync(seedsDir).filter(f => f.endsWith('.txt')).sort();
}

export interface StartOptions {
  /** Workspace folder (absolute path). */
  folder?: string;
  /** The `triangulate` settings section returned for workspace/configuration. */
  settings?: Record<string, unknown>;
  /** Client capabilities: the defaults support configuration, dynamic watchers, progress and semantic-token refresh. */
  watchers?: boolean;
  progress?: boolean;
  customMessages?: boolean;
  /** Called when the server asks to create a progress token, before the answer goes back. */
  onProgressCreate?: () => void | Promise<void>;
}

export interface ProgressEvent { token: string | number; kind: string; message?: string; percentage?: number; title?: string }

export class TestClient {
  readonly diagnostics = new Map<string, Diagnostic[]>();
  readonly diagnosticCounts = new Map<string, number>();
  readonly logs: { type: number; message: string }[] = [];
  readonly progress: ProgressEvent[] = [];
  readonly statuses: StatusParams[] = [];
  readonly registrations: { method: string; registerOptions?: unknown }[] = [];
  stderr = '';
  exited: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  initializeResult!: InitializeResult;
  private versions = new Map<string, number>();
  private texts = new Map<string, string>();

  private constructor(readonly child: ChildProcess, readonly connection: MessageConnection, readonly options: StartOptions) {}

  static async start(options: StartOptions = {}): Promise<TestClient> {
    if (!existsSync(serverPath)) throw new Error(`${serverPath} is missing: run \`npm run build\` (or node scripts/bundle.mjs) first`);
    const child = spawn(process.execPath, [serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const client = new TestClient(child, connection, options);
    child.stderr!.on('data', d => { client.stderr += String(d); });
    child.on('exit', (code, signal) => { client.exited = { code, signal }; });
    client.wire();
    connection.listen();
    const folder = options.folder;
    client.initializeResult = await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: folder ? fileUri(folder) : null,
      workspaceFolders: folder ? [{ uri: fileUri(folder), name: path.basename(folder) }] : null,
      initializationOptions: { customMessages: options.customMessages ?? true },
      capabilities: {
        workspace: {
          configuration: true,
          workspaceFolders: true,
          didChangeConfiguration: { dynamicRegistration: true },
          didChangeWatchedFiles: { dynamicRegistration: options.watchers ?? true },
          semanticTokens: { refreshSupport: true },
        },
        window: { workDoneProgress: options.progress ?? true },
        textDocument: {
          synchronization: { dynamicRegistration: false },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          publishDiagnostics: { relatedInformation: true },
          semanticTokens: {
            requests: { full: true },
            tokenTypes: [], tokenModifiers: [], formats: ['relative'],
          },
        },
      },
    });
    await connection.sendNotification(InitializedNotification.type, {});
    return client;
  }

  private wire(): void {
    const c = this.connection;
    c.onNotification(PublishDiagnosticsNotification.type, p => {
      this.diagnostics.set(p.uri, p.diagnostics);
      this.diagnosticCounts.set(p.uri, (this.diagnosticCounts.get(p.uri) ?? 0) + 1);
    });
    c.onNotification('window/logMessage', (p: { type: number; message: string }) => { this.logs.push(p); });
    c.onNotification('$/progress', (p: { token: string | number; value: ProgressEvent }) => { this.progress.push({ ...p.value, token: p.token }); });
    c.onNotification('triangulate/status', (p: StatusParams) => { this.statuses.push(p); });
    c.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) => p.items.map(i => i.section === 'triangulate' ? this.options.settings ?? {} : null));
    c.onRequest('window/workDoneProgress/create', async () => { await this.options.onProgressCreate?.(); return null; });
    c.onRequest('client/registerCapability', (p: { registrations: { method: string; registerOptions?: unknown }[] }) => { this.registrations.push(...p.registrations); return null; });
    c.onRequest('client/unregisterCapability', () => null);
    c.onRequest('workspace/semanticTokens/refresh', () => null);
    c.onRequest('workspace/workspaceFolders', () => this.options.folder ? [{ uri: fileUri(this.options.folder), name: 'ws' }] : null);
  }

  get status(): StatusParams | undefined { return this.statuses[this.statuses.length - 1]; }

  /** Wait until indexing has ended and the server reported a status with `documents >= n`. */
  async indexed(minDocuments = 0, timeoutMs = 30000): Promise<StatusParams> {
    return waitFor(`indexing to finish with ${minDocuments} document(s)`, () => {
      const s = this.status;
      return s && !s.indexing && s.documents >= minDocuments ? s : undefined;
    }, timeoutMs);
  }

  async request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  open(file: string, languageId = 'plaintext', text?: string): string {
    const uri = fileUri(file);
    const content = text ?? readFileSync(file, 'utf8');
    this.versions.set(uri, 1);
    this.texts.set(uri, content);
    void this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text: content } });
    return uri;
  }

  /** Replace a document's whole text (full sync). */
  change(uri: string, text: string): void {
    const v = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, v);
    this.texts.set(uri, text);
    void this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [{ text }] });
  }

  /** Edit part of a document (incremental sync). */
  edit(uri: string, range: Range, newText: string): void {
    const v = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, v);
    void this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [{ range, text: newText }] });
  }

  close(uri: string): void {
    void this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  fileChanged(changes: { uri: string; type: FileChangeType }[]): void {
    void this.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes });
  }

  hover(uri: string, position: Position) {
    return this.request<{ contents: { kind: string; value: string }; range?: Range } | null>('textDocument/hover', { textDocument: { uri }, position });
  }

  /** Whether the server process is still running and answering. */
  async alive(): Promise<boolean> {
    if (this.exited) return false;
    await this.request('workspace/symbol', { query: '' });
    return !this.exited;
  }

  logText(): string {
    return this.logs.map(l => l.message).join('\n');
  }

  async stop(): Promise<void> {
    if (!this.exited) {
      try {
        await Promise.race([this.connection.sendRequest(ShutdownRequest.type), new Promise(r => setTimeout(r, 3000))]);
        await this.connection.sendNotification(ExitNotification.type);
      } catch { /* already gone */ }
      await waitFor('the server to exit', () => this.exited !== undefined, 5000).catch(() => { this.child.kill(); });
    }
    this.connection.dispose();
  }
}

/** Remove a temporary folder made by copySeeds()/tempDir(). */
export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** A span of expected.yaml: file + 1-based line + exact text (nth occurrence) → LSP range. */
export function spanRange(folder: string, span: { file: string; line: number; text: string; nth?: number }): Range {
  const lines = readFileSync(path.join(folder, span.file), 'utf8').split(/\r\n|\r|\n/);
  const line = lines[span.line - 1];
  if (line === undefined) throw new Error(`${span.file} has no line ${span.line}`);
  let at = -1;
  for (let k = 0; k < (span.nth ?? 1); k++) {
    at = line.indexOf(span.text, at + 1);
    if (at < 0) throw new Error(`"${span.text}" not found on ${span.file}:${span.line}`);
  }
  return { start: { line: span.line - 1, character: at }, end: { line: span.line - 1, character: at + span.text.length } };
}

/** Ranges overlap (touching ends do not count). */
export function overlaps(a: Range, b: Range): boolean {
  const before = (p: Position, q: Position) => p.line < q.line || (p.line === q.line && p.character < q.character);
  return before(a.start, b.end) && before(b.start, a.end);
}

/**
 * A server over a fresh copy of the seed articles: waits until every article has its diagnostics,
 * runs the test, checks the server is still alive, and cleans up.
 */
export async function withSeedServer(run: (client: TestClient, dir: string) => Promise<void>, opts: { prepare?: (dir: string) => void; settings?: Record<string, unknown> } = {}): Promise<void> {
  const dir = copySeeds();
  opts.prepare?.(dir);
  const client = await TestClient.start({ folder: dir, settings: { debounce: 20, ...opts.settings } });
  try {
    await client.indexed(listSeeds().length);
    // Diagnostics are pushed for every article, opened or not.
    await waitFor('diagnostics for every seed article', () => listSeeds().every(f => client.diagnostics.has(fileUri(path.join(dir, f)))));
    await run(client, dir);
    if (!(await client.alive())) throw new Error('the server died during the test');
  } finally {
    await client.stop();
    removeDir(dir);
  }
}
