// The status-bar summary (custom notification `triangulate/status`).
import type { Corpus } from '../core/corpus';
import type { StatusParams } from '../protocol';

export function status(corpus: Corpus, params: { indexing: boolean; skipped: number; version: number }): StatusParams {
  const r = corpus.result();
  return {
    documents: corpus.docs().length,
    figures: r.figures.length,
    entities: r.entities.length,
    claims: r.claims.filter(c => c.status !== 'single').length,
    conflicts: r.claims.filter(c => c.status === 'conflict' && !c.resolved).length,
    skipped: params.skipped,
    indexing: params.indexing,
    version: params.version,
  };
}
