// The status-bar summary (custom notification `triangulate/status`).
import type { Corpus } from '../core/corpus';
import type { StatusParams } from '../protocol';

export function status(corpus: Corpus, params: { indexing: boolean; skipped: number; version: number }): StatusParams {
  const n = corpus.counts();
  return {
    documents: corpus.size,
    figures: n.figures,
    entities: n.entities,
    claims: n.claims,
    conflicts: n.conflicts,
    skipped: params.skipped,
    indexing: params.indexing,
    version: params.version,
  };
}
