// The benchmark's plumbing: options, corpora on disk, isolated child processes
// for measurements, and goals. Suites (bench/suites/) decide what to measure;
// measurements (bench/measurements/) run inside a fresh Node process each, so
// memory and JIT state never leak from one measurement into the next.
import { fork } from 'node:child_process';
import path from 'node:path';
import { corpusDir, DEFAULT_SEED, ensureCorpus } from './generate';
import type { CorpusSize, Manifest } from './generate';

export type MetricValue = number | string | boolean | null;

/** A threshold one metric must meet. */
export interface Goal {
  metric: string;
  op: '>=' | '<=' | '<' | '>';
  target: number;
  /** What the goal stands for, in a few words. */
  why: string;
}

export interface GoalResult { op: Goal['op']; target: number; actual: MetricValue; met: boolean; why: string }

export interface SuiteReport {
  /** Flat metrics; they appear at the top level of the JSON output. */
  metrics: Record<string, MetricValue>;
  goals: Goal[];
  /** Anything else worth keeping (per-run numbers, notes); appears under `details.<suite id>`. */
  details?: Record<string, unknown>;
}

export interface Suite {
  id: string;
  title: string;
  run(ctx: BenchContext): Promise<SuiteReport>;
}

/** Code that runs in a child process: `params` and the result cross the process boundary as JSON. */
export interface Measurement<P, R> {
  id: string;
  run(params: P): Promise<R>;
}

/** What every child reports about itself besides the measurement's own result. */
export interface ChildUsage {
  /** Peak resident set size of the child (process.resourceUsage().maxRSS), in MiB. */
  maxRssMb: number;
  userCpuS: number;
  systemCpuS: number;
}

export type ChildMessage =
  | { ok: true; result: unknown; usage: ChildUsage }
  | { ok: false; error: string; usage: ChildUsage };

export interface BenchOptions {
  json: boolean;
  /** Size of the 1x corpus in MiB. */
  mb: number;
  seed: string;
  /** Separate child runs per timed measurement; the best time is kept. */
  runs: number;
  /** Suite ids to run (all when empty). */
  only: string[];
  skip: string[];
  /** Articles in the language-server corpus. */
  lspArticles: number;
  /** Deadline for one child process, in seconds. */
  timeoutS: number;
  /** The repository root (where .bench/ lives). */
  root: string;
}

export function parseArgs(argv: string[], root: string): BenchOptions {
  const opts: BenchOptions = { json: false, mb: 50, seed: DEFAULT_SEED, runs: 1, only: [], skip: [], lspArticles: 5000, timeoutS: 1800, root };
  const num = (name: string, v: string | undefined, min: number): number => {
    const n = Number(v);
    if (v === undefined || !Number.isFinite(n) || n < min) throw new Error(`${name} needs a number >= ${min}`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const [flag, inline] = a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = () => inline ?? argv[++i];
    switch (flag) {
      case '--json': opts.json = true; break;
      case '--mb': opts.mb = num('--mb', value(), 0.01); break;
      case '--seed': opts.seed = value() ?? DEFAULT_SEED; break;
      case '--runs': opts.runs = Math.floor(num('--runs', value(), 1)); break;
      case '--only': opts.only = (value() ?? '').split(',').filter(Boolean); break;
      case '--skip': opts.skip = (value() ?? '').split(',').filter(Boolean); break;
      case '--lsp-articles': opts.lspArticles = Math.floor(num('--lsp-articles', value(), 1)); break;
      case '--timeout': opts.timeoutS = num('--timeout', value(), 1); break;
      case '--help': case '-h':
        throw new UsageError(USAGE);
      default: throw new UsageError(`unknown option ${a}\n${USAGE}`);
    }
  }
  return opts;
}

export class UsageError extends Error {}

export const USAGE = `usage: npm run bench -- [--json] [--mb 50] [--runs 1] [--only throughput,lsp,hostile] [--skip lsp]
                       [--lsp-articles 5000] [--seed triangulate] [--timeout 1800]`;

export class BenchContext {
  constructor(readonly opts: BenchOptions) {}

  log(message: string): void {
    process.stderr.write(`[bench] ${message}\n`);
  }

  /** A corpus on disk under .bench/ (MiB, or a number of articles), generated on first use. */
  corpus(size: CorpusSize, seed: string = this.opts.seed): { dir: string; manifest: Manifest } {
    const dir = corpusDir(this.opts.root, size, seed);
    const manifest = ensureCorpus(dir, size, seed, m => this.log(m));
    return { dir, manifest };
  }

  /** Run a measurement in a fresh Node process (one core: the measurement itself starts no workers). */
  child<P, R>(m: Measurement<P, R>, params: P, timeoutS: number = this.opts.timeoutS): Promise<{ result: R; usage: ChildUsage }> {
    const entry = path.join(__dirname, 'child.js');
    return new Promise((resolve, reject) => {
      const child = fork(entry, [m.id], {
        execArgv: ['--expose-gc'],
        stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
        serialization: 'advanced',
      });
      // A measured library may print; keep stdout for the JSON report only.
      child.stdout?.on('data', (b: Buffer) => process.stderr.write(b));
      let message: ChildMessage | undefined;
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error(`${m.id}: no result within ${timeoutS} s`));
      }, timeoutS * 1000);
      child.on('message', (msg: unknown) => {
        const x = msg as { type?: string };
        if (x.type === 'ready') { child.send({ type: 'params', params }); return; }
        message = msg as ChildMessage;
      });
      child.on('error', e => { clearTimeout(timer); reject(e); });
      child.on('exit', (code, signal) => {
        clearTimeout(timer);
        if (message?.ok) resolve({ result: message.result as R, usage: message.usage });
        else if (message) reject(new Error(`${m.id}: ${message.error}`));
        else reject(new Error(`${m.id}: the child exited (${signal ?? `code ${code}`}) without a result`));
      });
    });
  }
}

export function checkGoal(goal: Goal, actual: MetricValue): GoalResult {
  let met = false;
  if (typeof actual === 'number' && Number.isFinite(actual)) {
    switch (goal.op) {
      case '>=': met = actual >= goal.target; break;
      case '<=': met = actual <= goal.target; break;
      case '<': met = actual < goal.target; break;
      case '>': met = actual > goal.target; break;
    }
  }
  return { op: goal.op, target: goal.target, actual, met, why: goal.why };
}

/** Round for the report (3 significant digits, at most 3 decimals). */
export function r3(x: number | null | undefined): number | null {
  if (x === null || x === undefined || !Number.isFinite(x)) return null;
  if (x === 0) return 0;
  const digits = Math.max(0, Math.min(3, 2 - Math.floor(Math.log10(Math.abs(x)))));
  return Number(x.toFixed(digits));
}

export function percentile(values: number[], p: number): number | null {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
}
