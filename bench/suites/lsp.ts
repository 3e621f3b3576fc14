// The language server over stdio on a folder of generated articles: time to
// the first diagnostic, hover and edit latencies, with the goals
// (first diagnostics of the opened document within 500 ms whatever the corpus
// size, hover p95 within 5 ms, edit to published diagnostics p95 within 30 ms
// for a 20 KB document).
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Goal, MetricValue, Suite, SuiteReport } from '../harness';
import { r3 } from '../harness';
import { lspMeasurement } from '../measurements/lsp';

const HOVERS = 200;
const EDITS = 25;

/** The built server: the release bundle if there is one, else the compiled sources. */
export function findServer(root: string): string | null {
  for (const p of ['dist/server.js', 'out/server/src/main.js']) if (existsSync(path.join(root, p))) return path.join(root, p);
  return null;
}

const GOALS: Goal[] = [
  { metric: 'first_diagnostics_ms', op: '<=', target: 500, why: 'initialize to the first diagnostics of the opened document, whatever the corpus size' },
  { metric: 'hover_p95_ms', op: '<=', target: 5, why: 'hover p95' },
  { metric: 'edit_p95_ms', op: '<=', target: 30, why: 'edit to published diagnostics p95, 20 KB document' },
];

const empty = (reason: string): Record<string, MetricValue> => ({
  articles: null, first_diagnostics_ms: null, hover_p95_ms: null, edit_p95_ms: null, lsp_skipped_reason: reason,
});

export const lspSuite: Suite = {
  id: 'lsp',
  title: 'language server over stdio',
  async run(ctx): Promise<SuiteReport> {
    const server = findServer(ctx.opts.root);
    if (!server) return { metrics: empty('no built server (dist/server.js or out/server/src/main.js): run npm run build'), goals: GOALS };
    const c = ctx.corpus({ articles: ctx.opts.lspArticles });
    ctx.log(`language server: ${path.relative(ctx.opts.root, server)} on ${c.manifest.files.length} articles`);
    // Startup (to every article published) gets the --timeout; hovers and edits two minutes each at most.
    const deadlineS = ctx.opts.timeoutS;
    let r;
    try {
      r = (await ctx.child(lspMeasurement, {
        server, corpus: { dir: c.dir, files: c.manifest.files }, disputed: c.manifest.disputed,
        hovers: HOVERS, edits: EDITS, deadlineS,
      }, deadlineS + 300)).result;
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e);
      ctx.log(`language server measurement failed: ${msg}`);
      return { metrics: empty(`the measurement failed: ${msg.split('\n')[0]}`), goals: GOALS };
    }
    for (const n of r.notes) ctx.log(`language server: ${n}`);
    return {
      metrics: {
        articles: r.articles,
        first_diagnostics_ms: r3(r.openedFirstMs),
        first_nonempty_diagnostics_ms: r3(r.firstDiagnosticsMs),
        indexed_ms: r3(r.indexedMs),
        all_diagnostics_ms: r3(r.allPublishedMs),
        hover_p95_ms: r3(r.hoverP95Ms),
        edit_p95_ms: r3(r.editP95Ms),
        edit_server_cpu_ms: r3(r.editServerCpuMs),
        lsp_server_peak_rss_mb: r3(r.serverPeakRssMb),
        yaml_verdict_hover_ms: r3(r.yamlVerdictHoverMs),
        yaml_verdict_diagnostics_ms: r3(r.yamlVerdictDiagnosticsMs),
        yaml_entity_hover_ms: r3(r.yamlEntityHoverMs),
        lsp_skipped_reason: null,
      },
      goals: GOALS,
      details: {
        server: path.relative(ctx.opts.root, server),
        corpus_mb: r3(c.manifest.stats.bytes / 1048576),
        initialize_ms: r3(r.initializeMs),
        documents_published: r.documentsPublished,
        documents_with_diagnostics: r.documentsWithDiagnostics,
        diagnostics: r.diagnostics,
        hovers: r.hovers, hover_p50_ms: r3(r.hoverP50Ms), hover_nonempty: r.hoverNonEmpty, hover_timeouts: r.hoverTimeouts,
        edits: r.edits, edit_docs: r.editDocs, edit_p50_ms: r3(r.editP50Ms), edit_max_ms: r.editSamplesMs.length ? Math.max(...r.editSamplesMs) : null, edit_samples_ms: r.editSamplesMs, edit_timeouts: r.editTimeouts,
        edit_debounce_ms: 0,
        yaml_verdict_hover_shows_verdict: r.yamlVerdictHoverShowsVerdict,
        notes: r.notes,
      },
    };
  },
};
