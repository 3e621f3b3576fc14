// The benchmark: `npm run bench -- --json` prints one JSON object on stdout
// (progress goes to stderr); without --json, a readable table.
// Options: --mb 50 (1x corpus size), --runs 1, --only/--skip <suite ids>,
// --lsp-articles 5000, --seed, --timeout (s per child). See bench/README.md.
import os from 'node:os';
import path from 'node:path';
import type { GoalResult, MetricValue } from './harness';
import { BenchContext, checkGoal, parseArgs, UsageError } from './harness';
import { SUITES } from './suites';
import { GENERATOR_VERSION } from './generate';

export interface BenchReport {
  [metric: string]: unknown;
  goals: Record<string, GoalResult>;
  meets_goals: boolean;
}

async function main(): Promise<number> {
  const root = path.resolve(__dirname, '..', '..');
  let opts;
  try {
    opts = parseArgs(process.argv.slice(2), root);
  } catch (e) {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    return e instanceof UsageError && process.argv.includes('--help') ? 0 : 2;
  }
  const ctx = new BenchContext(opts);
  const known = new Set(SUITES.map(s => s.id));
  for (const id of [...opts.only, ...opts.skip]) if (!known.has(id)) { process.stderr.write(`unknown suite ${id} (known: ${[...known].join(', ')})\n`); return 2; }
  const suites = SUITES.filter(s => (!opts.only.length || opts.only.includes(s.id)) && !opts.skip.includes(s.id));

  const metrics: Record<string, MetricValue> = {};
  const goals: Record<string, GoalResult> = {};
  const details: Record<string, unknown> = {};
  const failed: Record<string, string> = {};
  const started = Date.now();
  for (const suite of suites) {
    ctx.log(`suite ${suite.id}: ${suite.title}`);
    try {
      const rep = await suite.run(ctx);
      Object.assign(metrics, rep.metrics);
      for (const g of rep.goals) goals[g.metric] = checkGoal(g, rep.metrics[g.metric] ?? null);
      if (rep.details) details[suite.id] = rep.details;
    } catch (e) {
      failed[suite.id] = e instanceof Error ? e.stack ?? e.message : String(e);
      ctx.log(`suite ${suite.id} failed: ${failed[suite.id]}`);
    }
  }
  const goalList = Object.values(goals);
  const report: BenchReport = {
    ...metrics,
    goals,
    meets_goals: goalList.length > 0 && goalList.every(g => g.met) && !Object.keys(failed).length,
    node: process.version,
    cpu: os.cpus()[0]?.model.trim() ?? 'unknown',
    cores: os.availableParallelism(),
    platform: `${process.platform}-${process.arch}`,
    seed: opts.seed,
    generator_version: GENERATOR_VERSION,
    suites: suites.map(s => s.id),
    bench_s: Math.round((Date.now() - started) / 1000),
    details,
    ...(Object.keys(failed).length ? { failed_suites: failed } : {}),
  };
  process.stdout.write(opts.json ? JSON.stringify(report) + '\n' : table(report, metrics));
  return 0;
}

function show(v: unknown): string {
  if (v === null || v === undefined) return '-';
  if (typeof v === 'number') return Number.isInteger(v) ? v.toLocaleString('en-US') : String(v);
  return String(v);
}

function table(report: BenchReport, metrics: Record<string, MetricValue>): string {
  const rows: string[][] = [['metric', 'value', 'goal', '']];
  for (const [k, v] of Object.entries(metrics)) {
    const g = report.goals[k];
    rows.push([k, show(v), g ? `${g.op} ${g.target}` : '', g ? (g.met ? 'ok' : 'MISSED') : '']);
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map(r => r[i]!.length)));
  const lines = rows.map(r => r.map((c, i) => (i === 1 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd());
  lines.splice(1, 0, widths.map(w => '-'.repeat(w)).join('  '));
  return [
    `Triangulate benchmark (node ${report.node}, ${report.cpu}, ${report.cores} cores)`,
    '',
    ...lines,
    '',
    `meets_goals: ${report.meets_goals ? 'yes' : 'no'}`,
    ...(report.failed_suites ? [`failed suites: ${Object.keys(report.failed_suites as object).join(', ')}`] : []),
    '',
  ].join('\n');
}

main().then(code => { process.exitCode = code; }, e => { process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`); process.exitCode = 1; });
