// Runs VS Code's server build (from the code-server npm package, installed into
// .vscode-test/code-server by scripts/setup-code-server.sh) on a loopback port, and
// opens its web workbench in Debian's Chromium with playwright-core. Used by the
// editor suite runner, the VSIX install test and the Playwright test.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

export const repoRoot = path.resolve(__dirname, '..', '..', '..');
export const serverMain = path.join(repoRoot, '.vscode-test', 'code-server', 'node_modules', 'code-server', 'lib', 'vscode', 'out', 'server-main.js');
export const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** ../shared/seeds beside the repo (or $TRIANGULATE_SEEDS). */
export function seedsDir(): string {
  const dir = process.env.TRIANGULATE_SEEDS || path.resolve(repoRoot, '..', 'shared', 'seeds');
  if (!existsSync(dir)) throw new Error(`no seed articles at ${dir} (../shared/seeds beside the repository)`);
  return dir;
}

/** A fresh temporary folder holding `ws/` (a copy of the seed .txt files) and room for results, settings, extensions. */
export function makeWorkspace(label: string): { base: string; ws: string } {
  const base = mkdtempSync(path.join(os.tmpdir(), `triangulate-${label}-`));
  const ws = path.join(base, 'ws');
  mkdirSync(ws);
  for (const f of readdirSync(seedsDir()).filter(f => f.endsWith('.txt'))) cpSync(path.join(seedsDir(), f), path.join(ws, f));
  return { base, ws };
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      const port = typeof a === 'object' && a ? a.port : 0;
      s.close(() => resolve(port));
    });
  });
}

export async function pollUntil<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, ms: number, every = 250): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${Math.round(ms / 1000)} s waiting for ${what}`);
    await new Promise(r => setTimeout(r, every));
  }
}

export function assertInstalled(): void {
  if (!existsSync(serverMain)) throw new Error(`code-server is not installed at ${serverMain}: run bash scripts/setup-code-server.sh`);
  if (!existsSync(chromiumPath)) throw new Error(`no Chromium at ${chromiumPath} (apt-get install chromium, or set CHROMIUM_PATH)`);
}

/** `--install-extension` into an extensions folder with the server's own CLI. */
export function installExtension(vsix: string, extensionsDir: string, userDataDir: string): string {
  assertInstalled();
  const r = spawnSync(process.execPath, [serverMain, '--install-extension', vsix, '--extensions-dir', extensionsDir, '--user-data-dir', userDataDir, '--accept-server-license-terms'],
    { encoding: 'utf8', timeout: 120_000 });
  const out = `${r.stdout ?? ''}${r.stderr ?? ''}`;
  if (r.status !== 0) throw new Error(`--install-extension ${vsix} exited ${r.status ?? r.signal}:\n${out}`);
  return out;
}

export interface CodeServer { port: number; origin: string; process: ChildProcess; log: string; stop(): Promise<void> }

/** Starts the server (no login, loopback only) and waits until it answers. */
export async function startServer(base: string, opts: { extensionsDir?: string; env?: NodeJS.ProcessEnv; settings?: Record<string, unknown> } = {}): Promise<CodeServer> {
  assertInstalled();
  const userDataDir = path.join(base, 'user-data');
  mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify({
    'security.workspace.trust.enabled': false,
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'window.commandCenter': false,
    ...opts.settings,
  }, null, 2));
  const extensionsDir = opts.extensionsDir ?? path.join(base, 'extensions');
  mkdirSync(extensionsDir, { recursive: true });
  const port = await freePort();
  const log = path.join(base, 'server.log');
  const out = createWriteStream(log);
  const child = spawn(process.execPath, [serverMain, '--host', '127.0.0.1', '--port', String(port), '--without-connection-token',
    '--accept-server-license-terms', '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir],
  { env: { ...process.env, ...opts.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.pipe(out);
  child.stderr!.pipe(out);
  let exited: string | undefined;
  child.once('exit', (code, signal) => { exited = `exited ${code ?? signal}`; });
  const origin = `http://127.0.0.1:${port}`;
  await pollUntil(`the server on port ${port} (log: ${log})`, async () => {
    if (exited) throw new Error(`the server ${exited} before answering (log: ${log})`);
    try { return (await fetch(origin + '/version', { signal: AbortSignal.timeout(2000) })).ok ? true : undefined; } catch { return undefined; }
  }, 60_000);
  return {
    port, origin, process: child, log,
    async stop() {
      if (exited) return;
      child.kill('SIGTERM');
      await pollUntil('the server to stop', () => exited ? true : undefined, 10_000).catch(() => { child.kill('SIGKILL'); });
    },
  };
}

/** The workbench URL for a folder, with a `payload` (extension development path, tests path) when given. */
export function workbenchUrl(server: CodeServer, folder: string, payload: { extensionDevelopmentPath?: string; extensionTestsPath?: string } = {}): string {
  const remote = (p: string) => `vscode-remote://127.0.0.1:${server.port}${path.resolve(p)}`;
  const entries: [string, string][] = [];
  if (payload.extensionDevelopmentPath) entries.push(['extensionDevelopmentPath', remote(payload.extensionDevelopmentPath)]);
  if (payload.extensionTestsPath) entries.push(['extensionTestsPath', remote(payload.extensionTestsPath)]);
  const q = `folder=${encodeURIComponent(folder)}` + (entries.length ? `&payload=${encodeURIComponent(JSON.stringify(entries))}` : '');
  return `${server.origin}/?${q}`;
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic', '--disable-dev-shm-usage'],
    timeout: 60_000,
  });
}

export async function openWorkbench(browser: Browser, url: string, consoleLog?: string[]): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  if (consoleLog) {
    page.on('console', m => { if (m.type() === 'error' || m.type() === 'warning') consoleLog.push(`${m.type()}: ${m.text().slice(0, 500)}`); });
    page.on('pageerror', e => consoleLog.push(`pageerror: ${e.message}`));
  }
  await page.goto(url, { timeout: 60_000 });
  await page.waitForSelector('.monaco-workbench', { timeout: 90_000 });
  return page;
}
