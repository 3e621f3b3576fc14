// The user's annotations (resolved to documents and offsets by annotations/) in the
// terms the analysis applies them.
import type { ResolvedAnnotations } from './annotations';
import type { AnalysisRules } from './corpus';

export function rulesFromAnnotations(r: ResolvedAnnotations): AnalysisRules {
  const span = (s: { doc: string; start: number; end: number }) => ({ doc: s.doc, start: s.start, end: s.end });
  return {
    sources: new Map(Object.values(r.sources).map(s => [s.doc, { published: s.published, outlet: s.outlet }])),
    entities: r.entities.map(e => ({ name: e.name, ...(e.kind ? { kind: e.kind } : {}), aliases: e.aliases })),
    notEntities: r.notEntities,
    notEntitySpans: r.notEntitySpans.map(span),
    tags: r.tags.map(t => ({ doc: t.doc, start: t.start, end: t.end, kind: t.kind, ...(t.name ? { name: t.name } : {}), text: '' })),
    joins: r.joins.map(j => ({ figures: j.figures.map(span), ...(j.label ? { label: j.label } : {}), id: j.id })),
    splits: r.splits.map(s => s.figures.map(span)),
    verdicts: r.verdicts.map(v => ({ figure: span(v), verdict: v.verdict, note: v.note })),
    ignores: [...r.ignores.figures.map(f => ({ figure: span(f) })), ...r.ignores.claims.map(c => ({ claim: c }))],
    ignoreCodes: r.ignores.codes,
    ignoreDocs: r.ignores.docs,
    claimLabels: r.claimLabels,
  };
}
