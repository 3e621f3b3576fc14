// The claims view (custom request `triangulate/claims`): every claim, conflicts
// first, each with its figures grouped by source.
import type { Corpus } from '../core/corpus';
import type { Claim, ClaimStatus, Figure } from '../core/types';
import type { ClaimItem, ClaimSourceItem, ClaimsParams, ClaimsResult } from '../protocol';
import { describeSource, formatValue, rangeOf } from './util';

const ORDER: Record<ClaimStatus, number> = { conflict: 0, agree: 1, single: 2 };

function rank(c: Claim): number {
  return c.status === 'conflict' && c.resolved ? 0.5 : ORDER[c.status];
}

export function claims(corpus: Corpus, params: ClaimsParams): ClaimsResult {
  const all = corpus.result().claims.filter(c =>
    (!params.conflictsOnly || (c.status === 'conflict' && !c.resolved)) &&
    (params.includeSingles || c.status !== 'single'));
  const sorted = all.map((c, i) => ({ c, i })).sort((a, b) => rank(a.c) - rank(b.c) || a.i - b.i).map(x => x.c);
  const limit = Math.max(0, params.limit ?? 500);
  return { claims: sorted.slice(0, limit).map(c => claimItem(corpus, c)), total: sorted.length };
}

function claimItem(corpus: Corpus, claim: Claim): ClaimItem {
  const bySource = new Map<string, ClaimSourceItem>();
  for (const id of claim.figures) {
    const f: Figure | undefined = corpus.figure(id);
    if (!f || !corpus.has(f.doc)) continue;
    let source = bySource.get(f.doc);
    if (!source) {
      const s = describeSource(corpus, f.doc);
      source = { uri: f.doc, name: s.name, outlet: s.outlet, published: s.published, figures: [] };
      bySource.set(f.doc, source);
    }
    source.figures.push({ id: f.id, uri: f.doc, range: rangeOf(corpus, f), text: f.text, kind: f.kind, value: formatValue(f), verdict: claim.verdicts[f.id]?.verdict ?? null });
  }
  return { id: claim.id, label: claim.label, status: claim.status, resolved: claim.resolved, values: claim.values, sources: [...bySource.values()] };
}
