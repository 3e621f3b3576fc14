// A corpus of articles: per-document analysis cached by text, corpus-level
// entities, claims and conflicts derived from those analyses.
import type { CorpusResult, Figure, Entity, Claim, Problem, Mention, DocumentInfo, EntityKind, Verdict, RelatedInfo } from './types';
import { Codes } from './types';
import { lineStarts, positionAt } from './text';
import { analyzeDocument, type DocAnalysis } from './document';
import { buildEntities, type EntityIndex, type EntityRules } from './entities';
import { ClaimBuilder, displayValue, labelOf, spanOf, spansAgree, commonValue, type ClaimInput, type ClaimRules } from './claims';

export interface ChangeSet {
  /** Documents whose figures, entities, claims or problems changed. */
  docs: string[];
}

/** The user's judgements, resolved to documents and offsets (see annotations/). */
export interface AnalysisRules {
  sources?: Map<string, { published?: string | null; outlet?: string | null }>;
  entities?: EntityRules['entities'];
  notEntities?: string[];
  tags?: EntityRules['tags'];
  /** Figure spans joined as one quantity. */
  joins?: { figures: { doc: string; start: number; end: number }[]; label?: string; id?: string }[];
  splits?: { doc: string; start: number; end: number }[][];
  verdicts?: { figure: { doc: string; start: number; end: number }; verdict: Verdict; note?: string | null }[];
  labels?: { figure: { doc: string; start: number; end: number }; label: string }[];
  /** Figure spans, or claim ids, whose conflicts are silenced. */
  ignores?: { figure?: { doc: string; start: number; end: number }; claim?: string }[];
  /** Diagnostic codes not reported, everywhere (doc null) or in one document. */
  ignoreCodes?: { code: string; doc: string | null }[];
  /** Documents with no diagnostics at all. */
  ignoreDocs?: string[];
  /** Single spans that are no entity. */
  notEntitySpans?: { doc: string; start: number; end: number }[];
  /** Claim id (from the annotation file) → label. */
  claimLabels?: Record<string, string>;
}

export interface CorpusOptions {
  annotations?: AnalysisRules;
  /** Severity per rule code (settings). */
  severity?: Partial<Record<string, Problem['severity'] | 'off'>>;
}

const MAX_RELATED = 20;
/** At most this many changed documents (or a tenth of the corpus) are patched in; more make a full pass. */
const PATCH_LIMIT = 20;
const MAX_LISTED = 6;

interface DocState { text: string; analysis: DocAnalysis | null; lines: Int32Array | null; problems: Problem[] }

export class Corpus {
  private docsMap = new Map<string, DocState>();
  private cached: CorpusResult | null = null;
  private entityIndex: EntityIndex | null = null;
  private figureById = new Map<string, Figure>();
  private claimByFigure = new Map<string, Claim>();
  private figuresByDoc = new Map<string, Figure[]>();
  private problemsByDoc = new Map<string, Problem[]>();
  private lastProblemSig = new Map<string, string>();
  private builder: ClaimBuilder | null = null;
  private inputById = new Map<string, ClaimInput>();
  private entityById = new Map<string, Entity>();
  private claimList: Claim[] = [];
  private ignoredFigures = new Set<string>();
  private ignoredClaims = new Set<string>();
  private stale = false;
  /** A full pass exists, and `pending` documents changed since. */
  private analysed = false;
  private pending = new Set<string>();
  private touchedSinceReport = new Set<string>();
  private fullSinceReport = false;

  constructor(private options: CorpusOptions = {}) {}

  /** Replace the user's judgements; every document whose results change is returned. */
  setOptions(options: CorpusOptions): ChangeSet {
    const pubChanged = JSON.stringify([...(this.options.annotations?.sources ?? new Map())]) !== JSON.stringify([...(options.annotations?.sources ?? new Map())]);
    this.options = options;
    if (pubChanged) for (const s of this.docsMap.values()) s.analysis = null;
    this.invalidate();
    return this.lazyChanges();
  }

  /** The documents whose problems changed, computed when first read (bulk loading never pays for it). */
  private lazyChanges(also?: string): ChangeSet {
    let memo: string[] | null = null;
    const self = this;
    return { get docs(): string[] { return memo ??= self.changedDocs(also); } };
  }

  /** Add or replace one document; only it is re-analysed. Returns the documents whose diagnostics changed. */
  set(doc: string, text: string, problems: Problem[] = []): ChangeSet {
    const old = this.docsMap.get(doc);
    if (old && old.text === text && JSON.stringify(old.problems) === JSON.stringify(problems)) return { docs: [] };
    this.docsMap.set(doc, { text, analysis: null, lines: null, problems });
    this.changed(doc);
    return this.lazyChanges(doc);
  }

  /** Remove a document; returns the documents whose results changed. */
  delete(doc: string): ChangeSet {
    if (!this.docsMap.delete(doc)) return { docs: [] };
    this.changed(doc);
    return this.lazyChanges(doc);
  }

  has(doc: string): boolean { return this.docsMap.has(doc); }
  docs(): string[] { return [...this.docsMap.keys()]; }
  text(doc: string): string | undefined { return this.docsMap.get(doc)?.text; }

  /** 0-based line/character of an offset in a document. */
  position(doc: string, offset: number): { line: number; character: number } {
    const s = this.docsMap.get(doc);
    if (!s) return { line: 0, character: 0 };
    if (!s.lines) s.lines = lineStarts(s.text);
    return positionAt(s.lines, Math.max(0, Math.min(offset, s.text.length)));
  }

  private analysis(doc: string): DocAnalysis | null {
    const s = this.docsMap.get(doc);
    if (!s) return null;
    if (!s.analysis) {
      const src = this.options.annotations?.sources?.get(doc);
      s.analysis = analyzeDocument(doc, s.text, { published: src?.published ?? null, outlet: src?.outlet ?? null });
    }
    return s.analysis;
  }

  /** Everything is to be recomputed. */
  private invalidate(): void { this.cached = null; this.analysed = false; this.pending.clear(); }

  /** One document changed: patched at the next read if the corpus was analysed, else part of the next full pass. */
  private changed(doc: string): void {
    this.cached = null;
    if (this.analysed) this.pending.add(doc);
  }

  /** Documents whose problems differ from what was last reported (`also` is always included). */
  private changedDocs(also?: string): string[] {
    const r = this.result();
    const out: string[] = [];
    // after patches only the documents they touched can differ; after a full pass, any
    const only = this.touchedSinceReport;
    this.touchedSinceReport = new Set();
    const docs = only && !this.fullSinceReport ? only : new Set([...this.docsMap.keys(), ...this.lastProblemSig.keys()]);
    this.fullSinceReport = false;
    if (also) docs.add(also);
    for (const d of docs) {
      const sig = JSON.stringify((this.problemsByDoc.get(d) ?? []).map(p => [p.start, p.end, p.code, p.message, p.severity]));
      if (this.lastProblemSig.get(d) !== sig || d === also) out.push(d);
      if (this.docsMap.has(d)) this.lastProblemSig.set(d, sig); else this.lastProblemSig.delete(d);
    }
    void r;
    return out;
  }

  result(): CorpusResult {
    if (this.cached) return this.cached;
    // a few edits are patched in; a burst (indexing, a changed setting) is cheaper as one full pass
    if (this.analysed && this.pending.size && this.pending.size <= Math.max(PATCH_LIMIT, this.docsMap.size / 10)) {
      for (const d of this.pending) for (const t of this.patch(d)) this.touchedSinceReport.add(t);
      this.pending.clear();
      this.cached = this.assemble();
      return this.cached;
    }
    this.pending.clear();
    this.fullSinceReport = true;
    const analyses: DocAnalysis[] = [];
    for (const d of this.docsMap.keys()) { const a = this.analysis(d); if (a) analyses.push(a); }
    const rules = this.options.annotations ?? {};
    const tags = (rules.tags ?? []).map(t => ({ ...t, text: t.text || (this.docsMap.get(t.doc)?.text.slice(t.start, t.end) ?? '') }));
    const dropSpans = rules.notEntitySpans ?? [];
    const docsForEntities = dropSpans.length ? analyses.map(a => ({ ...a, mentions: a.mentions.filter(m => !dropSpans.some(d => d.doc === a.doc && d.start < m.end && m.start < d.end)) })) : analyses;
    this.entityIndex = buildEntities(docsForEntities, { entities: rules.entities ?? [], notEntities: rules.notEntities ?? [], tags });
    this.entityById = new Map(this.entityIndex.entities.map(e => [e.id, e]));

    const figures: Figure[] = [];
    const inputs: ClaimInput[] = [];
    this.figureById.clear();
    this.figuresByDoc.clear();
    for (const a of analyses) {
      this.figuresByDoc.set(a.doc, a.figures);
      a.figures.forEach((f, k) => { figures.push(f); inputs.push({ figure: f, features: a.features[k]! }); this.figureById.set(f.id, f); });
    }
    const at = (s: { doc: string; start: number; end: number }) => this.figureAtSpan(s);
    const claimRules: ClaimRules = {
      joins: (rules.joins ?? []).map(j => ({ figures: j.figures.map(at).filter((f): f is Figure => !!f).map(f => f.id), ...(j.label ? { label: j.label } : {}), ...(j.id ? { id: j.id } : {}) })),
      splits: (rules.splits ?? []).map(g => g.map(at).filter((f): f is Figure => !!f).map(f => f.id)),
      labels: (rules.labels ?? []).map(l => ({ figure: at(l.figure)?.id ?? '', label: l.label })).filter(l => l.figure),
    };
    this.builder = new ClaimBuilder(inputs, claimRules);
    const claims = this.builder.build();
    this.inputById = new Map(inputs.map(c => [c.figure.id, c]));
    const usedIds = new Map<string, number>();
    this.claimByFigure.clear();
    const joinIds = new Map<string, string>();
    for (const j of claimRules.joins ?? []) if (j.id) for (const f of j.figures) joinIds.set(f, j.id);
    for (const c of claims) {
      let id = c.figures.map(f => joinIds.get(f)).find(Boolean) ?? 'c-' + shortHash(c.figures[0]!);
      if (rules.claimLabels?.[id]) c.label = rules.claimLabels[id]!;
      const n = usedIds.get(id) ?? 0; usedIds.set(id, n + 1); if (n) id += '-' + n;
      c.id = id;
      for (const f of c.figures) this.claimByFigure.set(f, c);
    }
    // verdicts and ignores
    for (const v of rules.verdicts ?? []) {
      const f = at(v.figure); if (!f) continue;
      const c = this.claimByFigure.get(f.id); if (c) c.verdicts[f.id] = { verdict: v.verdict, note: v.note ?? null };
    }
    this.ignoredFigures = new Set<string>(); this.ignoredClaims = new Set<string>();
    for (const ig of rules.ignores ?? []) { if (ig.claim) this.ignoredClaims.add(ig.claim); if (ig.figure) { const f = at(ig.figure); if (f) this.ignoredFigures.add(f.id); } }

    // problems: the input's own, then conflicts
    this.problemsByDoc.clear();
    for (const [doc, s] of this.docsMap) for (const p of s.problems) this.pushProblem(doc, p);
    for (const c of claims) for (const p of this.claimProblems(c)) this.pushProblem(p.doc, p);
    this.claimList = claims;
    this.stale = false;
    this.analysed = true;
    this.cached = this.assemble();
    return this.cached;
  }

  private assemble(): CorpusResult {
    const docs: DocumentInfo[] = [];
    const figures: Figure[] = [];
    const problems: Problem[] = [];
    for (const [doc, s] of this.docsMap) {
      const a = s.analysis;
      if (a) { docs.push({ doc, published: a.published, outlet: a.outlet, problems: s.problems }); for (const f of a.figures) figures.push(f); }
      for (const p of this.problemsByDoc.get(doc) ?? []) problems.push(p);
    }
    return { docs, figures, entities: this.entityIndex!.entities, claims: this.claimList, problems };
  }

  /** Conflict diagnostics of one claim, on each of its figures. */
  private claimProblems(c: Claim): Problem[] {
    if (c.status !== 'conflict') return [];
    const rules = this.options.annotations ?? {};
    const inputById = this.inputById;
    const ignoredFigures = this.ignoredFigures, ignoredClaims = this.ignoredClaims;
    const ignoreDocs = new Set(rules.ignoreDocs ?? []);
    const silenced = (doc: string, code: string) => ignoreDocs.has(doc) || (rules.ignoreCodes ?? []).some(x => x.code === code && (x.doc === null || x.doc === doc));
    const out: Problem[] = [];
    const accepted = c.figures.filter(id => c.verdicts[id]?.verdict === 'accepted');
    const wrong = new Set(c.figures.filter(id => c.verdicts[id]?.verdict === 'wrong'));
    const spans = new Map(c.figures.map(id => [id, spanOf(inputById.get(id)!)]));
    // settled: an accepted value, every disagreeing value marked wrong, or ignored
    const live = c.figures.filter(id => !wrong.has(id) && !ignoredFigures.has(id) && !inputById.get(id)!.features.relativeDate);
    const stillConflicting = !commonValue(live.map(id => inputById.get(id)!));
    c.resolved = ignoredClaims.has(c.id) || accepted.length > 0 || !stillConflicting;
    for (const id of c.figures) {
      if (ignoredFigures.has(id) || ignoredClaims.has(c.id)) continue;
      if (inputById.get(id)!.features.relativeDate) continue;
      const f = this.figureById.get(id)!;
      const mine = spans.get(id)!;
      const others = c.figures.filter(o => o !== id).map(o => this.figureById.get(o)!);
      const differ = others.filter(o => !inputById.get(o.id)!.features.relativeDate && !spansAgree(mine, spans.get(o.id)!));
      const differs = new Set(differ);
      if (!differ.length && !c.resolved) continue;
      const where = (o: Figure) => `${o.text} in ${baseName(o.doc)}:${this.position(o.doc, o.start).line + 1}`;
      // the differing values first; long claims are summarised
      const ordered = [...differ, ...others.filter(o => !differs.has(o))];
      const related: RelatedInfo[] = ordered.slice(0, MAX_RELATED).map(o => ({ doc: o.doc, start: o.start, end: o.end, message: `${o.text} (${displayValue(o)})${differs.has(o) ? ' differs' : ' agrees'}${c.verdicts[o.id] ? ` [${c.verdicts[o.id]!.verdict}]` : ''}` }));
      const verdict = c.verdicts[id]?.verdict;
      let message: string, code: string = Codes.conflictingFigure, severity: Problem['severity'] = this.severityOf(Codes.conflictingFigure, 'warning');
      if (c.resolved) {
        const acc = accepted.map(a => this.figureById.get(a)!).map(a => a.text);
        message = `Resolved conflict on ${c.label}: ${acc.length ? `accepted value ${acc.join(', ')}` : 'settled in the annotation file'}${verdict ? `; this value is marked ${verdict}` : ''}. Other sources: ${differ.slice(0, MAX_LISTED).map(where).join('; ') || 'none differ'}.`;
        code = Codes.resolvedConflict;
        severity = this.severityOf(Codes.resolvedConflict, 'hint');
      } else {
        const listed = differ.slice(0, MAX_LISTED).map(where).join('; ') + (differ.length > MAX_LISTED ? `; and ${differ.length - MAX_LISTED} more` : '');
        message = `Sources disagree on ${c.label}: ${f.text} here, but ${listed}.${verdict === 'disputed' ? ' (marked disputed)' : ''}`;
      }
      if ((severity as string) === 'off') continue;
      if (silenced(f.doc, code)) continue;
      out.push({ doc: f.doc, start: f.start, end: f.end, severity, code, message, related, data: { claim: c.id, figure: id } });
    }
    return out;
  }

  /**
   * One document changed and the corpus was already analysed: re-analyse only it, take its old figures out
   * of their claims, attach its new figures to the claims they best match, update its entity mentions, and
   * recompute the problems of the documents those claims touch. Returns those documents. Cross-document
   * rules that need the whole corpus (acronyms, organisation short forms, kinds by vote) are refreshed by
   * `settle()`.
   */
  private patch(doc: string): Set<string> {
    const touchedClaims = new Set<Claim>();
    const touchedDocs = new Set<string>([doc]);
    const oldFigs = this.figuresByDoc.get(doc) ?? [];
    for (const f of oldFigs) {
      const c = this.claimByFigure.get(f.id);
      if (c) { c.figures = c.figures.filter(x => x !== f.id); delete c.verdicts[f.id]; touchedClaims.add(c); }
      this.claimByFigure.delete(f.id); this.figureById.delete(f.id); this.inputById.delete(f.id);
    }
    for (const c of touchedClaims) for (const id of c.figures) touchedDocs.add(this.figureById.get(id)!.doc);
    const a = this.docsMap.has(doc) ? this.analysis(doc) : null;
    this.figuresByDoc.delete(doc);
    const builder = this.builder!;
    if (a) {
      this.figuresByDoc.set(doc, a.figures);
      a.figures.forEach((f, k) => {
        const input: ClaimInput = { figure: f, features: a.features[k]! };
        this.inputById.set(f.id, input); this.figureById.set(f.id, f);
        const { best } = builder.attach(input, id => this.figureById.has(id));
        let target: Claim | undefined;
        for (const id of best) {
          const c = this.claimByFigure.get(id);
          if (!c) continue;
          // one claim never holds two figures of one sentence
          if (c.figures.some(o => { const x = this.inputById.get(o)!; return x.figure.doc === doc && x.features.sentence === input.features.sentence; })) continue;
          target = c;
          const link = builder.why(id, f.id);
          if (link && c.links.length < 40) c.links.push(link);
          break;
        }
        if (!target) {
          target = { id: 'c-' + shortHash(f.id), label: labelOf([f], [input.features]), status: 'single', figures: [], links: [], values: [], verdicts: {}, resolved: false };
          this.claimList.push(target);
        }
        target.figures.push(f.id);
        this.claimByFigure.set(f.id, target);
        touchedClaims.add(target);
      });
    }
    for (const c of touchedClaims) {
      for (const id of c.figures) touchedDocs.add(this.figureById.get(id)!.doc);
      const ins = c.figures.map(id => this.inputById.get(id)!);
      c.status = builder.statusOf(ins);
      c.values = [...new Set(ins.map(x => displayValue(x.figure)))];
    }
    if ([...touchedClaims].some(c => !c.figures.length)) this.claimList = this.claimList.filter(c => c.figures.length);
    this.patchEntities(doc, a);
    // problems of the touched documents (each claim's problems computed once)
    const memo = new Map<Claim, Problem[]>();
    const problemsOf = (c: Claim) => { let l = memo.get(c); if (!l) memo.set(c, l = this.claimProblems(c)); return l; };
    for (const d of touchedDocs) {
      const list: Problem[] = [...(this.docsMap.get(d)?.problems ?? [])];
      const claims = new Set<Claim>();
      for (const f of this.figuresByDoc.get(d) ?? []) { const c = this.claimByFigure.get(f.id); if (c) claims.add(c); }
      for (const c of claims) for (const p of problemsOf(c)) if (p.doc === d) list.push(p);
      if (list.length || this.problemsByDoc.has(d)) this.problemsByDoc.set(d, list);
      if (!this.docsMap.has(d)) this.problemsByDoc.delete(d);
    }
    this.stale = true;
    return touchedDocs;
  }

  private patchEntities(doc: string, a: DocAnalysis | null): void {
    const index = this.entityIndex!;
    const old = index.byDoc.get(doc) ?? [];
    const hit = new Set(old.map(x => x.entity));
    for (const e of hit) e.mentions = e.mentions.filter(m => m.doc !== doc);
    const list: { entity: Entity; mention: Mention }[] = [];
    for (const m of a?.mentions ?? []) {
      let e = this.entityById.get(index.keyToEntity.get(m.key) ?? '');
      if (!e) {
        const supported = (!m.weak && !m.initial) || m.place || m.via !== 'name' || (m.kind && !m.weak);
        if (!supported) continue;
        let id = 'e:' + (m.ownKey || 'x');
        while (this.entityById.has(id)) id += "'";
        e = { id, name: m.place?.name ?? m.text, kind: m.kind ?? 'other', mentions: [], forms: [], roles: [], evidence: m.evidence.slice(0, 4) };
        index.entities.push(e); this.entityById.set(id, e); index.keyToEntity.set(m.key, id);
      }
      const mention: Mention = { doc, start: m.start, end: m.end, text: m.text, role: m.role, via: m.via };
      e.mentions.push(mention);
      if (!e.forms.includes(m.text)) e.forms.push(m.text);
      if (m.role && !e.roles.includes(m.role)) e.roles.push(m.role);
      hit.add(e);
      list.push({ entity: e, mention });
    }
    for (const e of hit) e.mentions.sort((x, y) => (x.doc < y.doc ? -1 : x.doc > y.doc ? 1 : x.start - y.start));
    if (list.length) index.byDoc.set(doc, list); else index.byDoc.delete(doc);
    if ([...hit].some(e => !e.mentions.length)) {
      index.entities = index.entities.filter(e => e.mentions.length);
      for (const e of hit) if (!e.mentions.length) this.entityById.delete(e.id);
    }
  }

  /** After incremental edits: redo the whole-corpus analysis (acronyms, short forms across documents, kinds by vote, claim merging). Returns the documents whose problems changed. */
  settle(): ChangeSet {
    if (!this.stale && !this.pending.size) return { docs: [] };
    this.invalidate();
    this.result();
    return this.lazyChanges();
  }

  /** Whether incremental edits are waiting for `settle()`. */
  get unsettled(): boolean { return this.stale || this.pending.size > 0; }

  private severityOf(code: string, dflt: Problem['severity']): Problem['severity'] {
    const s = this.options.severity?.[code];
    return (s ?? dflt) as Problem['severity'];
  }

  private pushProblem(doc: string, p: Problem): void {
    let l = this.problemsByDoc.get(doc); if (!l) this.problemsByDoc.set(doc, l = []); l.push(p);
  }

  private figureAtSpan(s: { doc: string; start: number; end: number }): Figure | undefined {
    const fs = this.figuresByDoc.get(s.doc) ?? [];
    return fs.find(f => f.start < s.end && s.start < f.end);
  }

  figuresOf(doc: string): Figure[] { this.result(); return this.figuresByDoc.get(doc) ?? []; }
  figure(id: string): Figure | undefined { this.result(); return this.figureById.get(id); }
  figureAt(doc: string, offset: number): Figure | undefined {
    const fs = this.figuresOf(doc);
    let lo = 0, hi = fs.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1, f = fs[mid]!;
      if (offset < f.start) hi = mid - 1; else if (offset >= f.end) lo = mid + 1; else return f;
    }
    return undefined;
  }
  claimOf(figureId: string): Claim | undefined { this.result(); return this.claimByFigure.get(figureId); }
  entity(id: string): Entity | undefined { return this.result().entities.find(e => e.id === id); }
  entityAt(doc: string, offset: number): { entity: Entity; mention: Mention } | undefined {
    const ms = this.mentionsOf(doc);
    let lo = 0, hi = ms.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1, m = ms[mid]!.mention;
      if (offset < m.start) hi = mid - 1; else if (offset >= m.end) lo = mid + 1; else return ms[mid];
    }
    return undefined;
  }
  /** Entity mentions in one document, in text order. */
  mentionsOf(doc: string): { entity: Entity; mention: Mention }[] { this.result(); return this.entityIndex?.byDoc.get(doc) ?? []; }
  problemsOf(doc: string): Problem[] { this.result(); return this.problemsByDoc.get(doc) ?? []; }
  docInfo(doc: string): DocumentInfo | undefined { return this.result().docs.find(d => d.doc === doc); }

  /** Extent of the sentence around an offset. */
  sentenceAt(doc: string, offset: number): { start: number; end: number } {
    const a = this.analysis(doc);
    if (!a) return { start: 0, end: 0 };
    let lo = 0, hi = a.sentStart.length - 1, best = -1;
    while (lo <= hi) { const mid = (lo + hi) >> 1; if (a.sentStart[mid]! <= offset) { best = mid; lo = mid + 1; } else hi = mid - 1; }
    if (best < 0) return { start: offset, end: offset };
    return { start: a.sentStart[best]!, end: Math.max(a.sentEnd[best]!, Math.min(offset, a.length)) };
  }

  /** Kinds the engine knows, for completion and validation. */
  static readonly entityKinds: EntityKind[] = ['person', 'place', 'organization', 'other'];
}

export function analyzeCorpus(docs: { doc: string; text: string }[], options: CorpusOptions = {}): CorpusResult {
  const corpus = new Corpus(options);
  for (const d of docs) corpus.set(d.doc, d.text);
  return corpus.result();
}

const baseNames = new Map<string, string>();
export function baseName(doc: string): string {
  let b = baseNames.get(doc);
  if (b === undefined) {
    const i = Math.max(doc.lastIndexOf('/'), doc.lastIndexOf('\\'));
    const raw = i >= 0 ? doc.slice(i + 1) : doc;
    try { b = decodeURIComponent(raw); } catch { b = raw; }
    if (baseNames.size > 100000) baseNames.clear();
    baseNames.set(doc, b);
  }
  return b;
}

function shortHash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) { h ^= s.charCodeAt(i); h = Math.imul(h, 0x01000193); }
  return (h >>> 0).toString(36);
}
