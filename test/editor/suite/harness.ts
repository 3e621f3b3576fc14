// A tiny test runner for inside the editor (no mocha): tests run one after the
// other, each under a time limit, with node:assert; the results go to a JSON file
// that the runner outside the editor polls for (the web workbench does not exit
// with the suite's status).
import { writeFileSync } from 'node:fs';

export interface TestResult { name: string; ok: boolean; ms: number; error?: string }
export interface SuiteResults { done: boolean; vscodeVersion: string; passed: number; failed: number; tests: TestResult[] }

type Body = () => Promise<void>;
const tests: { name: string; body: Body; timeoutMs: number }[] = [];

export function test(name: string, body: Body, timeoutMs = 90_000): void {
  tests.push({ name, body, timeoutMs });
}

/** Polls `probe` until it returns a value that is not undefined/false, or fails after `ms` with `what`. */
export async function until<T>(what: string, probe: () => T | undefined | false | PromiseLike<T | undefined | false>, ms = 60_000): Promise<T> {
  const deadline = Date.now() + ms;
  let last: unknown;
  for (;;) {
    try {
      const v = await probe();
      if (v !== undefined && v !== false) return v;
    } catch (e) { last = e; }
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}${last ? ` (last error: ${describe(last)})` : ''}`);
    await new Promise(r => setTimeout(r, 150));
  }
}

function describe(e: unknown): string {
  return e instanceof Error ? (e.stack ?? e.message) : String(e);
}

/** Runs every registered test in order; writes the results after each test (done: true at the end). */
export async function runAll(resultsFile: string, vscodeVersion: string): Promise<SuiteResults> {
  const results: SuiteResults = { done: false, vscodeVersion, passed: 0, failed: 0, tests: [] };
  const save = () => writeFileSync(resultsFile, JSON.stringify(results, null, 2));
  save();
  for (const t of tests) {
    const t0 = Date.now();
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        t.body(),
        new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`test exceeded its ${t.timeoutMs} ms limit`)), t.timeoutMs); }),
      ]);
      results.tests.push({ name: t.name, ok: true, ms: Date.now() - t0 });
      results.passed++;
    } catch (e) {
      results.tests.push({ name: t.name, ok: false, ms: Date.now() - t0, error: describe(e) });
      results.failed++;
    } finally {
      clearTimeout(timer);
    }
    save();
  }
  results.done = true;
  save();
  return results;
}
