// The language server as an editor sees it: the built server started over
// stdio on a folder of generated articles, driven by a plain LSP client.
// Measures the time to the first diagnostic, the end of indexing, hover and
// edit latencies, and the server's peak memory.
import { spawn } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  WorkDoneProgress,
  WorkDoneProgressCreateRequest,
} from 'vscode-languageserver-protocol/node';
import type { Diagnostic, ProtocolConnection, WorkDoneProgressBegin, WorkDoneProgressEnd, WorkDoneProgressReport } from 'vscode-languageserver-protocol/node';
import type { Measurement } from '../harness';
import { percentile } from '../harness';
import { Rng } from '../generator/rng';
import type { CorpusRef } from './load';

export interface LspParams {
  /** The built server's entry (dist/server.js or out/server/src/main.js). */
  server: string;
  corpus: CorpusRef;
  /** Articles with a planted wrong value: one of them is open from the start, as in an editor. */
  disputed: string[];
  hovers: number;
  edits: number;
  /** Deadline from the server's start until every article is published, in seconds (hovers and edits have their own budgets). */
  deadlineS: number;
}

export interface LspResult {
  articles: number;
  initializeMs: number | null;
  /** Server start to the first publishDiagnostics carrying a diagnostic (for any document). */
  firstDiagnosticsMs: number | null;
  /** Server start to the first publishDiagnostics of the document opened at start (empty or not). */
  openedFirstMs: number | null;
  /** Server start to the end of the indexing progress. */
  indexedMs: number | null;
  /** Server start until every article had its diagnostics published once. */
  allPublishedMs: number | null;
  documentsPublished: number;
  documentsWithDiagnostics: number;
  diagnostics: number;
  hovers: number;
  hoverP50Ms: number | null;
  hoverP95Ms: number | null;
  /** Hovers that returned content. */
  hoverNonEmpty: number;
  /** Hovers not answered within the step deadline (they count as slower than any answer in the percentiles). */
  hoverTimeouts: number;
  edits: number;
  /** didChange to the next publishDiagnostics of the edited document (the server's debounce set to 0). */
  editP50Ms: number | null;
  /** The articles edited (the largest of the corpus, about 20 KB) and their sizes in bytes. */
  editDocs: { file: string; bytes: number }[];
  editP95Ms: number | null;
  /** The server's CPU time (all threads, garbage collection included) over the edit phase, per edit sample: steadier than latencies on a shared machine. */
  editServerCpuMs: number | null;
  /** Every edit's latency, in order (ms). */
  editSamplesMs: number[];
  editTimeouts: number;
  /**
   * A triangulate.yaml opened (an editor buffer, nothing written to the corpus folder) accepting the value of a
   * conflicting figure in the first article: the latency of a hover sent right after it (the server applies
   * the annotations first), whether that hover shows the verdict, and the time until the article's conflict is
   * published as resolved.
   */
  yamlVerdictHoverMs: number | null;
  yamlVerdictHoverShowsVerdict: boolean | null;
  yamlVerdictDiagnosticsMs: number | null;
  /** The same file changed again to add an entity rule (a whole-corpus pass): the latency of the next hover. */
  yamlEntityHoverMs: number | null;
  serverPeakRssMb: number | null;
  notes: string[];
}

type Waiter = { check: () => boolean; resolve: (ok: boolean) => void; timer: NodeJS.Timeout };

/** Resolves waiters whenever something arrives from the server; no polling sleeps. */
class Events {
  private waiters: Waiter[] = [];
  until(check: () => boolean, deadlineMs: number): Promise<boolean> {
    if (check()) return Promise.resolve(true);
    return new Promise(resolve => {
      const w: Waiter = { check, resolve, timer: setTimeout(() => { this.waiters = this.waiters.filter(x => x !== w); resolve(false); }, deadlineMs) };
      this.waiters.push(w);
    });
  }
  fire(): void {
    for (const w of [...this.waiters]) if (w.check()) { clearTimeout(w.timer); this.waiters = this.waiters.filter(x => x !== w); w.resolve(true); }
  }
}

/** A request's result, or `timeout` when the server does not answer in time. */
async function within<T>(ms: number, p: Promise<T>): Promise<T | typeof TIMEOUT> {
  let timer: NodeJS.Timeout | undefined;
  const t = new Promise<typeof TIMEOUT>(resolve => { timer = setTimeout(() => resolve(TIMEOUT), ms); });
  try { return await Promise.race([p, t]); } finally { clearTimeout(timer); }
}
const TIMEOUT = Symbol('timeout');
/** Longest wait for one hover answer or one edit's diagnostics before the phase is abandoned. */
const STEP_DEADLINE_MS = 30_000;
/** Time allowed for all hovers, and for all edits. */
const PHASE_BUDGET_MS = 120_000;
/** Edits go round this many of the largest articles. */
const EDITED_DOCS = 5;

/** CPU time (user + system, all threads) the server process has used so far, in ms (Linux; null elsewhere). */
function cpuMs(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // fields 14 and 15 of stat (utime, stime), in clock ticks of 10 ms
    return (Number(f[11]) + Number(f[12])) * 10;
  } catch {
    return null;
  }
}

function peakRssMb(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const m = /VmHWM:\s+(\d+)\s*kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/** A percentile of latencies where timed-out samples count as slower than any answer: null when the percentile falls on one. */
function latency(samples: number[], timeouts: number, p: number): number | null {
  const v = percentile([...samples, ...new Array<number>(timeouts).fill(Infinity)], p);
  return v !== null && Number.isFinite(v) ? v : null;
}

/** Line and UTF-16 character of an offset. */
function position(text: string, offset: number): { line: number; character: number } {
  let line = 0, start = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) { line++; start = i + 1; }
  return { line, character: offset - start };
}

export const lspMeasurement: Measurement<LspParams, LspResult> = {
  id: 'lsp',
  async run(p) {
    const notes: string[] = [];
    const t0 = performance.now();
    const since = () => performance.now() - t0;
    const left = () => Math.max(0, p.deadlineS * 1000 - since());
    const proc = spawn(process.execPath, [p.server, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    proc.stderr.on('data', (b: Buffer) => process.stderr.write(`[server] ${b}`));
    const conn: ProtocolConnection = createProtocolConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
    const events = new Events();

    const uriOf = (file: string) => pathToFileURL(path.join(p.corpus.dir, file)).href;
    const published = new Map<string, number>();
    const lastPublish = new Map<string, number>();
    let firstDiagnosticsMs: number | null = null;
    /** The measure: server start to the first diagnostics published for the document the user opened. */
    let openedUri: string | null = null;
    let openedFirstMs: number | null = null;
    let indexedMs: number | null = null;
    /** The open documents' texts as the client has them. */
    const texts = new Map<string, { text: string; version: number }>();
    /** The last diagnostics of each open document. */
    const openDiagnostics = new Map<string, Diagnostic[]>();
    let progressToken: string | number | null = null;
    let errors = 0;

    conn.onNotification(PublishDiagnosticsNotification.type, d => {
      const t = since();
      published.set(d.uri, d.diagnostics.length);
      lastPublish.set(d.uri, t);
      if (d.diagnostics.length && firstDiagnosticsMs === null) firstDiagnosticsMs = t;
      if (d.uri === openedUri && openedFirstMs === null) openedFirstMs = t;
      if (texts.has(d.uri)) openDiagnostics.set(d.uri, d.diagnostics);
      events.fire();
    });
    // The server reports indexing as work-done progress (the first one it creates).
    conn.onRequest(WorkDoneProgressCreateRequest.type, params => {
      if (progressToken === null) {
        progressToken = params.token;
        let lastLog = 0;
        conn.onProgress(WorkDoneProgress.type, params.token, (v: WorkDoneProgressBegin | WorkDoneProgressReport | WorkDoneProgressEnd) => {
          if (v.kind === 'report' && since() - lastLog > 10_000) { lastLog = since(); process.stderr.write(`[bench] indexing ${v.message ?? ''} (${(since() / 1000).toFixed(0)} s)\n`); }
          if (v.kind === 'end' && indexedMs === null) { indexedMs = since(); events.fire(); }
        });
      }
    });
    conn.onNotification('triangulate/status', (s: { indexing?: boolean }) => {
      if (s.indexing === false && indexedMs === null && progressToken === null) { indexedMs = since(); events.fire(); }
    });
    conn.onNotification('window/logMessage', (m: { type: number; message: string }) => {
      if (m.type === 1) { errors++; if (errors <= 5) process.stderr.write(`[server error] ${m.message.slice(0, 500)}\n`); }
    });
    conn.onRequest('client/registerCapability', () => null);
    conn.onRequest('workspace/configuration', (x: { items: unknown[] }) => x.items.map(() => ({ debounce: 0 })));
    conn.onRequest('workspace/semanticTokens/refresh', () => null);
    let exited = false;
    proc.on('exit', () => { exited = true; events.fire(); });
    conn.listen();

    const folder = pathToFileURL(p.corpus.dir).href;
    const init = await within(left(), conn.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: folder,
      workspaceFolders: [{ uri: folder, name: path.basename(p.corpus.dir) }],
      capabilities: {
        window: { workDoneProgress: true },
        textDocument: { hover: { contentFormat: ['markdown', 'plaintext'] }, publishDiagnostics: { relatedInformation: true } },
      },
      initializationOptions: { customMessages: true, settings: { debounce: 0 } },
    }));
    if (init === TIMEOUT) { proc.kill('SIGKILL'); throw new Error(`the server did not answer initialize within ${p.deadlineS} s`); }
    const initializeMs = since();
    await conn.sendNotification(InitializedNotification.type, {});

    // The user has one article open while the folder is indexed.
    const openDoc = async (file: string) => {
      const uri = uriOf(file);
      if (texts.has(uri)) return uri;
      const text = readFileSync(path.join(p.corpus.dir, file), 'utf8');
      texts.set(uri, { text, version: 1 });
      await conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'article', version: 1, text } });
      return uri;
    };
    const first = p.disputed[0] ?? p.corpus.files[0]!;
    openedUri = uriOf(first);
    await openDoc(first);

    const n = p.corpus.files.length;
    if (!await events.until(() => indexedMs !== null || exited, left())) notes.push(`indexing did not finish within ${p.deadlineS} s`);
    const allUris = p.corpus.files.map(uriOf);
    const allDone = () => allUris.every(u => published.has(u));
    let allPublishedMs: number | null = null;
    if (await events.until(() => allDone() || exited, left()) && allDone()) allPublishedMs = Math.max(...allUris.map(u => lastPublish.get(u)!));
    else notes.push(`only ${allUris.filter(u => published.has(u)).length} of ${n} articles had diagnostics published within ${p.deadlineS} s`);
    if (firstDiagnosticsMs === null) notes.push('no diagnostic was published (no conflicts found)');

    // Hovers on figures and names in a few open articles.
    const r = new Rng('lsp-bench');
    const hoverMs: number[] = [];
    let hoverTimeouts = 0;
    let hoverNonEmpty = 0;
    const docsForHover = r.sample(p.corpus.files, Math.min(20, n));
    const targets: { uri: string; pos: { line: number; character: number } }[] = [];
    for (const f of docsForHover) {
      const uri = await openDoc(f);
      const text = texts.get(uri)!.text;
      const spots = [...text.matchAll(/\d[\d,.]*|\b[A-Z][a-z]+/g)].map(m => m.index!);
      for (const o of r.sample(spots, Math.ceil(p.hovers / docsForHover.length))) targets.push({ uri, pos: position(text, o) });
    }
    const hoverStart = performance.now();
    for (const t of targets.slice(0, p.hovers)) {
      if (exited) break;
      if (performance.now() - hoverStart > PHASE_BUDGET_MS) { notes.push(`hovers stopped after ${hoverMs.length} (${PHASE_BUDGET_MS / 1000} s budget)`); break; }
      const start = performance.now();
      const h = await within(STEP_DEADLINE_MS, conn.sendRequest(HoverRequest.type, { textDocument: { uri: t.uri }, position: t.pos }));
      if (h === TIMEOUT) {
        hoverTimeouts++;
        notes.push(`a hover got no answer within ${STEP_DEADLINE_MS / 1000} s; hovers stopped after ${hoverMs.length}`);
        break;
      }
      hoverMs.push(performance.now() - start);
      if (h) hoverNonEmpty++;
    }

    // Edits: change one digit of a figure, wait for the document's diagnostics, then change it back.
    const editMs: number[] = [];
    let editTimeouts = 0;
    // The measure is for a 20 KB document: the largest articles of the corpus (the generator's
    // maximum is 20 KiB), opened in the editor like any other.
    const editDocs = p.corpus.files.map(file => ({ file, bytes: statSync(path.join(p.corpus.dir, file)).size }))
      .sort((a, b) => b.bytes - a.bytes || (a.file < b.file ? -1 : 1)).slice(0, EDITED_DOCS);
    const editUris: string[] = [];
    for (const d of editDocs) editUris.push(await openDoc(d.file));
    const editStart = performance.now();
    const cpuBefore = cpuMs(proc.pid);
    edits: for (let i = 0; i < p.edits && !exited; i++) {
      if (performance.now() - editStart > PHASE_BUDGET_MS) { notes.push(`edits stopped after ${editMs.length} (${PHASE_BUDGET_MS / 1000} s budget)`); break; }
      const uri = editUris[i % editUris.length]!;
      const doc = texts.get(uri)!;
      const digits = [...doc.text.matchAll(/\d/g)].map(m => m.index!);
      if (!digits.length) continue;
      const at = digits[Math.floor(i / editUris.length) % digits.length]!;
      const old = doc.text[at]!;
      const replacement = old === '9' ? '8' : String(Number(old) + 1);
      for (const ch of [replacement, old]) {
        const pos = position(doc.text, at);
        doc.text = doc.text.slice(0, at) + ch + doc.text.slice(at + 1);
        doc.version++;
        const before = lastPublish.get(uri) ?? -1;
        const start = performance.now();
        await conn.sendNotification(DidChangeTextDocumentNotification.type, {
          textDocument: { uri, version: doc.version },
          contentChanges: [{ range: { start: pos, end: { line: pos.line, character: pos.character + 1 } }, text: ch }],
        });
        if (await events.until(() => (lastPublish.get(uri) ?? -1) > before || exited, STEP_DEADLINE_MS) && !exited) editMs.push(performance.now() - start);
        else {
          editTimeouts++;
          notes.push(`an edit got no diagnostics within ${STEP_DEADLINE_MS / 1000} s; edits stopped after ${editMs.length}`);
          break edits;
        }
      }
    }

    const cpuAfter = cpuMs(proc.pid);
    const editServerCpuMs = cpuBefore !== null && cpuAfter !== null && editMs.length ? (cpuAfter - cpuBefore) / editMs.length : null;

    // The annotation file: a verdict on a conflicting figure of an open article, then an entity rule.
    let yamlVerdictHoverMs: number | null = null, yamlVerdictDiagnosticsMs: number | null = null, yamlEntityHoverMs: number | null = null;
    let yamlVerdictHoverShowsVerdict: boolean | null = null;
    const judged = [...texts.keys()].find(u => openDiagnostics.get(u)?.some(d => d.code === 'conflicting-figure'));
    const conflict = judged === undefined ? undefined : openDiagnostics.get(judged)!.find(d => d.code === 'conflicting-figure');
    if (!exited && conflict && judged !== undefined) {
      const text = texts.get(judged)!.text;
      const file = path.relative(p.corpus.dir, fileURLToPath(judged)).split(path.sep).join('/');
      const offset = (q: { line: number; character: number }) => { let o = 0; for (let l = 0; l < q.line; l++) o = text.indexOf('\n', o) + 1; return o + q.character; };
      const start = offset(conflict.range.start), end = offset(conflict.range.end);
      const yamlUri = uriOf('triangulate.yaml');
      const anchor = `    file: ${file}\n    exact: ${JSON.stringify(text.slice(start, end))}\n    start: ${start}\n`;
      const verdictYaml = `version: 1\nverdicts:\n  - verdict: accepted\n${anchor}`;
      const hoverAt = { textDocument: { uri: judged }, position: { line: conflict.range.start.line, character: conflict.range.start.character + 1 } };
      const before = lastPublish.get(judged) ?? -1;
      let t = performance.now();
      await conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: yamlUri, languageId: 'yaml', version: 1, text: verdictYaml } });
      const h = await within(STEP_DEADLINE_MS, conn.sendRequest(HoverRequest.type, hoverAt));
      if (h === TIMEOUT) notes.push('the hover after the annotation file was opened got no answer within 30 s');
      else {
        yamlVerdictHoverMs = performance.now() - t;
        const body = h && typeof h.contents === 'object' && 'value' in h.contents ? h.contents.value : JSON.stringify(h?.contents ?? '');
        yamlVerdictHoverShowsVerdict = /\(accepted\)/.test(body);
      }
      const resolved = () => (openDiagnostics.get(judged) ?? []).some(d => d.code === 'resolved-conflict' && d.range.start.line === conflict.range.start.line && d.range.start.character === conflict.range.start.character);
      if (await events.until(() => ((lastPublish.get(judged) ?? -1) > before && resolved()) || exited, STEP_DEADLINE_MS) && !exited) yamlVerdictDiagnosticsMs = performance.now() - t;
      else notes.push('the accepted value was not published as a resolved conflict within 30 s');
      // an entity rule: every mention, and so the whole-corpus pass, is looked at again
      t = performance.now();
      await conn.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: yamlUri, version: 2 }, contentChanges: [{ text: `${verdictYaml}not_entities:\n  - Zzyzx Quorble\n` }] });
      // past the annotation file's edit debounce (150 ms by default), the next hover waits for the rules to apply
      await new Promise(resolve => setTimeout(resolve, 200));
      t = performance.now();
      const h2 = await within(STEP_DEADLINE_MS, conn.sendRequest(HoverRequest.type, hoverAt));
      if (h2 === TIMEOUT) notes.push('the hover after the entity rule got no answer within 30 s');
      else yamlEntityHoverMs = performance.now() - t;
    } else if (!exited) notes.push('no conflict in an open article: the annotation file phase was skipped');

    const serverPeakRssMb = peakRssMb(proc.pid);
    if (!exited) {
      try {
        if (await within(10_000, conn.sendRequest(ShutdownRequest.type)) === TIMEOUT) notes.push('the server did not answer shutdown within 10 s');
        else await conn.sendNotification(ExitNotification.type);
      } catch (e) {
        notes.push(`shutdown failed: ${String(e)}`);
      }
      if (!await events.until(() => exited, 10_000)) { notes.push('the server did not exit after shutdown; killed'); proc.kill('SIGKILL'); }
    } else notes.push('the server exited during the run');
    conn.dispose();
    if (errors) notes.push(`${errors} error(s) logged by the server`);

    const diagnostics = [...published.values()].reduce((a, b) => a + b, 0);
    return {
      articles: n, initializeMs, firstDiagnosticsMs, openedFirstMs, indexedMs, allPublishedMs,
      documentsPublished: published.size,
      documentsWithDiagnostics: [...published.values()].filter(x => x > 0).length,
      diagnostics,
      hovers: hoverMs.length, hoverP50Ms: latency(hoverMs, hoverTimeouts, 50), hoverP95Ms: latency(hoverMs, hoverTimeouts, 95), hoverNonEmpty, hoverTimeouts,
      edits: editMs.length, editDocs, editP50Ms: latency(editMs, editTimeouts, 50), editP95Ms: latency(editMs, editTimeouts, 95), editServerCpuMs, editSamplesMs: editMs.map(x => Math.round(x * 10) / 10), editTimeouts,
      yamlVerdictHoverMs, yamlVerdictHoverShowsVerdict, yamlVerdictDiagnosticsMs, yamlEntityHoverMs,
      serverPeakRssMb, notes,
    };
  },
};
