// Runs the integration suite (out/test/editor/suite/index.js) inside a real VS Code
// with a copy of ../shared/seeds open, and exits non-zero when any assertion fails
// or when the suite never reports within the time limit.
//
//   node out/test/editor/run.js            # VS Code from @vscode/test-electron if it can be
//                                          # downloaded, else code-server's VS Code
//   node out/test/editor/run.js --vsix triangulate-0.1.0.vsix
//                                          # install the VSIX into code-server's VS Code
//                                          # (--install-extension) and run the suite against it
// Environment: TRIANGULATE_EDITOR_HOST=electron|code-server forces a host;
// TRIANGULATE_EDITOR_TIMEOUT (seconds, default 300) bounds the wait for results.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { SuiteResults } from './suite/harness';
import { installExtension, launchBrowser, makeWorkspace, openWorkbench, pollUntil, repoRoot, startServer, workbenchUrl } from './codeServer';

const suite = path.join(repoRoot, 'out', 'test', 'editor', 'suite', 'index.js');
const limitMs = Number(process.env.TRIANGULATE_EDITOR_TIMEOUT || 300) * 1000;

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function readResults(file: string): SuiteResults | undefined {
  if (!existsSync(file)) return undefined;
  try { return JSON.parse(readFileSync(file, 'utf8')) as SuiteResults; } catch { return undefined; }
}

/** Waits for the suite's final results; `alive()` says why the wait is pointless (host gone). */
async function waitForResults(file: string, alive: () => string | undefined): Promise<SuiteResults> {
  return pollUntil(`the editor suite to report in ${file}`, () => {
    const r = readResults(file);
    if (r?.done) return r;
    const dead = alive();
    if (dead) throw new Error(`${dead}; partial results: ${r ? JSON.stringify(r.tests.map(t => `${t.ok ? 'ok' : 'FAIL'} ${t.name}`)) : 'none'}`);
    return undefined;
  }, limitMs, 500);
}

/** @vscode/test-electron, when VS Code can be downloaded: a short time limit so that a machine without internet falls back quickly. */
async function tryElectron(ws: string, resultsFile: string): Promise<SuiteResults | undefined> {
  const te = await import('@vscode/test-electron');
  let timer: NodeJS.Timeout | undefined;
  let exe: string;
  try {
    exe = await Promise.race([
      te.downloadAndUnzipVSCode({ version: 'stable', timeout: 8000, cachePath: path.join(repoRoot, '.vscode-test') }),
      new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error('no answer within 20 s')), 20_000); }),
    ]);
  } catch (e) {
    console.log(`editor: VS Code cannot be downloaded here (${e instanceof Error ? e.message.split('\n')[0] : String(e)}); using code-server's VS Code`);
    return undefined;
  } finally { clearTimeout(timer); }
  console.log(`editor: running the suite in ${exe}`);
  await te.runTests({
    vscodeExecutablePath: exe,
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath: suite,
    extensionTestsEnv: { TRIANGULATE_EDITOR_RESULTS: resultsFile },
    launchArgs: [ws, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
  }).catch(() => undefined); // failures are read from the results file
  const r = readResults(resultsFile);
  if (!r?.done) throw new Error('VS Code exited without the suite reporting');
  return r;
}

async function inCodeServer(base: string, ws: string, resultsFile: string, vsix: string | undefined): Promise<SuiteResults> {
  let extensionsDir: string | undefined;
  if (vsix) {
    extensionsDir = path.join(base, 'extensions');
    const out = installExtension(path.resolve(vsix), extensionsDir, path.join(base, 'user-data'));
    console.log(`editor: ${out.trim().split('\n').filter(l => /install/i.test(l)).join(' / ') || `installed ${vsix}`}`);
    writeFileSync(path.join(base, 'editor-config.json'), JSON.stringify({ expectInstalledUnder: extensionsDir }));
  }
  const server = await startServer(base, { extensionsDir, env: { TRIANGULATE_EDITOR_RESULTS: resultsFile } });
  const consoleLog: string[] = [];
  const browser = await launchBrowser();
  try {
    // With a VSIX the extension comes from the extensions folder; the development path is then an empty folder.
    const devPath = vsix ? path.join(base, 'no-extension') : repoRoot;
    if (vsix) mkdirSync(devPath, { recursive: true });
    const url = workbenchUrl(server, ws, { extensionDevelopmentPath: devPath, extensionTestsPath: suite });
    await openWorkbench(browser, url, consoleLog);
    return await waitForResults(resultsFile, () => server.process.exitCode !== null ? `the server exited (${server.process.exitCode}); log: ${server.log}` : undefined);
  } catch (e) {
    if (consoleLog.length) console.error(`editor: workbench console (last 20):\n  ${consoleLog.slice(-20).join('\n  ')}`);
    console.error(`editor: server log: ${server.log}`);
    throw e;
  } finally {
    await browser.close().catch(() => undefined);
    await server.stop();
  }
}

async function main(): Promise<number> {
  const vsix = arg('--vsix');
  if (vsix && !existsSync(vsix)) throw new Error(`no VSIX at ${vsix} (npm run package)`);
  if (!existsSync(suite)) throw new Error(`no compiled suite at ${suite} (npm run build)`);
  if (!vsix && !existsSync(path.join(repoRoot, 'dist', 'client.js'))) throw new Error('no dist/client.js (npm run build)');
  const label = vsix ? 'vsix' : 'editor';
  const { base, ws } = makeWorkspace(label);
  const resultsFile = path.join(base, 'editor-results.json');
  const host = process.env.TRIANGULATE_EDITOR_HOST || 'auto';
  const t0 = Date.now();
  let results: SuiteResults | undefined;
  if (!vsix && host !== 'code-server') results = await tryElectron(ws, resultsFile);
  if (!results) {
    if (host === 'electron') throw new Error('TRIANGULATE_EDITOR_HOST=electron but VS Code could not be downloaded');
    results = await inCodeServer(base, ws, resultsFile, vsix);
  }
  const what = vsix ? `installed ${path.basename(vsix)}` : 'development extension';
  console.log(`editor: VS Code ${results.vscodeVersion}, ${what}, workspace ${ws}`);
  for (const t of results.tests) {
    console.log(`${t.ok ? 'ok' : 'not ok'} - ${t.name} (${t.ms} ms)`);
    if (!t.ok) console.log(`  ${(t.error ?? '').split('\n').join('\n  ')}`);
  }
  if (results.tests.length === 0) { console.log('editor: the suite ran no test'); return 1; }
  console.log(`${vsix ? 'vsix' : 'editor'}: ${results.passed} passed, ${results.failed} failed (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  if (results.failed === 0) { rmSync(base, { recursive: true, force: true }); return 0; }
  console.log(`editor: workspace and logs kept in ${base}`);
  return 1;
}

main().then(code => process.exit(code), e => {
  console.error(`editor: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
