// A corpus of articles: per-document analysis cached by text, corpus-level
// entities, claims and conflicts derived from those analyses.
import type { CorpusResult, Figure, Entity, Claim, Problem, Mention, DocumentInfo, EntityKind, Verdict, RelatedInfo } from './types';
import { Codes } from './types';
import { lineStarts, positionAt } from './text';
import { analyzeDocument, type DocAnalysis } from './document';
import { buildEntities, type EntityIndex, type EntityRules } from './entities';
import { ClaimBuilder, displayValue, labelOf, singleFigureClaim, spanOf, spansAgree, commonValue, type ClaimInput, type ClaimRules, type ValueSpan } from './claims';

export interface ChangeSet {
  /** Documents whose figures, entities, claims or problems changed (computed when first read: every touched document's problems). */
  docs: string[];
  /**
   * The documents whose problems may have changed, without computing any problems (read it before `docs`):
   * `null` after a whole-corpus pass, when any may have. Check each with `Corpus.takeChanged()`.
   */
  readonly touched?: string[] | null;
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
  /**
   * The corpus is analysed once and read (the CLI, a report): once the entities are grouped, the documents'
   * raw name mentions, which only later passes and edits read again, are let go (a later pass reads the
   * documents again). Lowers the peak memory of a large corpus a little (~5% at 50 MB: the peak comes before the
   * mentions can go).
   */
  once?: boolean;
}

const MAX_RELATED = 20;
/** At most this many changed documents (or a tenth of the corpus) are patched in; more make a full pass. */
const PATCH_LIMIT = 20;
const MAX_LISTED = 6;

/** A figure, its features (what the claim builder reads) and the claim it is in. */
interface Entry extends ClaimInput { claim: Claim | undefined }

interface DocState { text: string; analysis: DocAnalysis | null; lines: Int32Array | null; problems: Problem[]; info?: DocumentInfo }

/** What the conflict diagnostics of one claim need, computed once per claim (until the claim changes). */
interface ClaimContext {
  ids: string[];
  figs: Figure[];
  spans: (ValueSpan | null)[];
  relative: boolean[];
  /** Index of each figure among the claim's distinct spans. */
  group: Int32Array;
  groupSpans: (ValueSpan | null)[];
  /** Per distinct span: how many non-relative figures of the claim disagree with it (filled when asked). */
  differCount: Map<number, number>;
  /** Figure positions per document. */
  byDoc: Map<string, number[]>;
  accepted: string[];
  /** For claims of many distinct values: their spans sorted, to count disagreeing ones by binary search (made when first asked). */
  sorted?: SortedSpans;
}

/** The non-relative figures' spans of a claim as sorted bounds: all of them, those without a weekday, those of each weekday. */
interface SortedSpans { all: Bounds; noWeekday: Bounds; byWeekday: Map<number, Bounds> }
interface Bounds { lo: Float64Array; hi: Float64Array; byLo: ValueSpan[]; maxAbs: number }

/** Claims with more distinct values than this count their disagreeing figures by binary search, not one by one. */
const MANY_VALUES = 64;

function boundsOf(spans: ValueSpan[]): Bounds {
  const byLo = [...spans].sort((a, b) => a.lo - b.lo);
  const lo = Float64Array.from(byLo, s => s.lo), hi = Float64Array.from(spans, s => s.hi).sort();
  let maxAbs = 0;
  for (const s of spans) if (Number.isFinite(s.hi)) maxAbs = Math.max(maxAbs, Math.abs(s.hi));
  return { lo, hi, byLo, maxAbs };
}
/** The first index whose value is at least x / above x. */
function firstAtLeast(a: Float64Array, x: number): number { let lo = 0, hi = a.length; while (lo < hi) { const m = (lo + hi) >> 1; if (a[m]! < x) lo = m + 1; else hi = m; } return lo; }
function firstAbove(a: Float64Array, x: number): number { let lo = 0, hi = a.length; while (lo < hi) { const m = (lo + hi) >> 1; if (a[m]! <= x) lo = m + 1; else hi = m; } return lo; }
/**
 * Spans of b that disagree with q by value, exactly as spansAgree() tells: apart by more than 1e-12 of the larger of
 * 1, |q.hi| and the span's |hi|. Counted by binary search: the spans apart by more than twice the largest such
 * margin surely are, those on q's side of its bounds surely are not, the few between are checked one by one.
 */
function apartCount(b: Bounds, q: ValueSpan): number {
  const n = b.lo.length;
  if (!n) return 0;
  const margin = (hi: number) => 1e-12 * Math.max(1, Math.abs(q.hi), Math.abs(hi));
  const slack = 2e-12 * Math.max(1, Math.abs(q.hi), b.maxAbs);
  // below q: hi + margin < q.lo
  let count = firstAtLeast(b.hi, q.lo - slack);
  for (let k = count, end = firstAtLeast(b.hi, q.lo); k < end; k++) if (b.hi[k]! + margin(b.hi[k]!) < q.lo) count++;
  // above q: lo > q.hi + margin
  const sure = firstAbove(b.lo, q.hi + slack);
  count += n - sure;
  for (let k = firstAbove(b.lo, q.hi); k < sure; k++) { const s = b.byLo[k]!; if (s.lo > q.hi + margin(s.hi)) count++; }
  return count;
}

/**
 * How many non-relative figures of the claim disagree with q, as spansAgree() tells (no span agrees with all; a
 * weekday disagrees with another weekday), counted over sorted bounds: a claim of thousands of distinct values
 * compared each with each (every keystroke in one of its articles did it again).
 */
export function disagreeing(x: Pick<ClaimContext, 'spans' | 'relative' | 'sorted'>, q: ValueSpan | null): number {
  if (!q) return 0;
  const s = x.sorted ??= sortedSpans(x);
  if (q.weekday === null) return apartCount(s.all, q);
  let other = 0;
  for (const [w, b] of s.byWeekday) if (w !== q.weekday) other += b.lo.length;
  const same = s.byWeekday.get(q.weekday);
  return other + apartCount(s.noWeekday, q) + (same ? apartCount(same, q) : 0);
}
function sortedSpans(x: Pick<ClaimContext, 'spans' | 'relative'>): SortedSpans {
  const all: ValueSpan[] = [], none: ValueSpan[] = [], byW = new Map<number, ValueSpan[]>();
  x.spans.forEach((sp, j) => {
    if (!sp || x.relative[j]) return;
    all.push(sp);
    if (sp.weekday === null) none.push(sp);
    else { let l = byW.get(sp.weekday); if (!l) byW.set(sp.weekday, l = []); l.push(sp); }
  });
  return { all: boundsOf(all), noWeekday: boundsOf(none), byWeekday: new Map([...byW].map(([w, l]) => [w, boundsOf(l)])) };
}

export class Corpus {
  private docsMap = new Map<string, DocState>();
  private cached: CorpusResult | null = null;
  private entityIndex: EntityIndex | null = null;
  private figuresByDoc = new Map<string, Figure[]>();
  private problemsByDoc = new Map<string, Problem[]>();
  /** A hash of each document's problems as last reported. */
  private lastProblemSig = new Map<string, number>();
  private builder: ClaimBuilder | null = null;
  /**
   * Every document's figures with their features and claims, in text order (parallel to `figuresByDoc`). A figure
   * is found by its id through its document (see `entry`): a map of every figure by id cost, at 360,000 figures,
   * half a second to grow, and more than twice as long for twice the figures.
   */
  private entriesByDoc = new Map<string, Entry[]>();
  /** Figures of earlier analyses of patched or removed documents, which the claim builder may still list. */
  private deadFigures = new WeakSet<Figure>();
  private entityById = new Map<string, Entity>();
  private claimList: Claim[] = [];
  private claimsEmptied = false;
  private ignoredFigures = new Set<string>();
  private ignoredClaims = new Set<string>();
  private stale = false;
  /** Per-claim data for its conflict diagnostics; dropped when a patch touches the claim. */
  private claimContexts = new Map<Claim, ClaimContext>();
  /** Display values by figure id (the figure kept to tell a figure from a later one with the same id). */
  private displayCache = new Map<string, { f: Figure; v: string }>();
  private fullPassMs = 0;
  /** The analyses' raw mentions were let go (`once`). */
  private mentionsDropped = false;
  private fullPasses = 0;
  /** Bumped when documents are added or removed (not when a text changes). */
  private membershipVersion = 0;
  /** A full pass exists, and `pending` documents changed since. */
  private analysed = false;
  private pending = new Set<string>();
  private touchedSinceReport = new Set<string>();
  private fullSinceReport = false;

  constructor(private options: CorpusOptions = {}) {}

  /** A document's text, for claim labels in the articles' words. */
  private readonly textOf = (doc: string): string | undefined => this.docsMap.get(doc)?.text;

  /** The figure of an id (`${doc}#${start}`), its features and its claim. */
  private entry(id: string): Entry | undefined {
    const i = id.lastIndexOf('#');
    if (i < 0) return undefined;
    const es = this.entriesByDoc.get(id.slice(0, i));
    return es && entryAt(es, +id.slice(i + 1), id);
  }
  /** The entry of a figure object, if it is still the corpus's figure at its place. */
  private entryOf(f: Figure): Entry | undefined {
    const es = this.entriesByDoc.get(f.doc);
    const e = es && entryAt(es, f.start, f.id);
    return e?.figure === f ? e : undefined;
  }

  /** Replace the user's judgements; every document whose results change is returned. */
  setOptions(options: CorpusOptions): ChangeSet {
    const before = this.options;
    this.options = options;
    if (this.applyInPlace(before.annotations ?? {}, options.annotations ?? {})) return this.lazyChanges();
    const pubChanged = JSON.stringify([...(before.annotations?.sources ?? new Map())]) !== JSON.stringify([...(options.annotations?.sources ?? new Map())]);
    if (pubChanged) for (const s of this.docsMap.values()) s.analysis = null;
    this.invalidate();
    return this.lazyChanges();
  }

  /**
   * Apply changed judgements without a whole-corpus pass when only verdicts, ignores, claim labels or the
   * sources of a few documents changed (what the quick fixes write, and anchors moved by an edit): the claims
   * they name are judged again and the documents of those claims re-reported; documents with new sources are
   * patched like edits. False when anything else changed (entities, tags, joins, splits, figure labels).
   */
  private applyInPlace(prev: AnalysisRules, next: AnalysisRules): boolean {
    if (!this.analysed || !this.builder || this.mentionsDropped) return false;
    const same = (k: keyof AnalysisRules) => JSON.stringify(prev[k] ?? []) === JSON.stringify(next[k] ?? []);
    for (const k of ['splits', 'labels'] as const) if (!same(k)) return false;
    // entity rules: the entities are built again, the claims stay (they do not depend on them)
    const entitiesChanged = (['entities', 'notEntities', 'tags', 'notEntitySpans'] as const).some(k => !same(k));
    // joins of one figure ("Ignore this conflict" names the claim that way) only name and label a claim; joins of more merge claims
    const many = (r: AnalysisRules) => JSON.stringify((r.joins ?? []).filter(j => j.figures.length > 1));
    if (many(prev) !== many(next)) return false;
    const singles = (r: AnalysisRules) => (r.joins ?? []).filter(j => j.figures.length <= 1);
    const joinsChanged = JSON.stringify(singles(prev)) !== JSON.stringify(singles(next));
    // sources: the documents whose entry changed are re-analysed (a few, like edits)
    const src = (r: AnalysisRules, d: string) => JSON.stringify(r.sources?.get(d) ?? null);
    const moved = new Set<string>();
    for (const d of new Set([...(prev.sources?.keys() ?? []), ...(next.sources?.keys() ?? [])])) if (this.docsMap.has(d) && src(prev, d) !== src(next, d)) moved.add(d);
    if (moved.size + this.pending.size > Math.max(PATCH_LIMIT, this.docsMap.size / 10)) return false;
    this.ensure();
    if (entitiesChanged) {
      const analyses: DocAnalysis[] = [];
      for (const d of this.docsMap.keys()) { const a = this.analysis(d); if (a) analyses.push(a); }
      const before = this.entityIndex?.keyToEntity;
      this.rebuildEntities(analyses);
      // claims compare holders and subjects as entities: an alias that joins (or a rule that parts) names figures
      // are about changes claims, which only a whole-corpus pass builds again
      if (this.claimKeysRegrouped(before, this.entityIndex!.keyToEntity)) return false;
    }
    const claims = new Set<Claim>();
    const claimOfSpan = (sp: { doc: string; start: number; end: number }) => { const f = this.figureAtSpan(sp); return f ? { f, c: this.entry(f.id)?.claim } : undefined; };
    // verdicts: the old ones off, the new ones on
    for (const v of prev.verdicts ?? []) { const x = claimOfSpan(v.figure); if (x?.c) { delete x.c.verdicts[x.f.id]; claims.add(x.c); } }
    for (const v of next.verdicts ?? []) { const x = claimOfSpan(v.figure); if (x?.c) { x.c.verdicts[x.f.id] = { verdict: v.verdict, note: v.note ?? null }; claims.add(x.c); } }
    // ignored figures and claims
    const oldClaims = this.ignoredClaims, oldFigures = this.ignoredFigures;
    this.ignoredFigures = new Set(); this.ignoredClaims = new Set();
    for (const ig of next.ignores ?? []) { if (ig.claim) this.ignoredClaims.add(ig.claim); if (ig.figure) { const f = this.figureAtSpan(ig.figure); if (f) this.ignoredFigures.add(f.id); } }
    const byId = new Map<string, Claim>();
    const claimsNamed = (ids: Iterable<string>) => {
      if (!byId.size) for (const c of this.claimList) if (c.figures.length) byId.set(c.id, c);
      for (const id of ids) { const c = byId.get(id); if (c) claims.add(c); }
    };
    const diff = <T>(a: Set<T>, b: Set<T>) => [...a].filter(x => !b.has(x)).concat([...b].filter(x => !a.has(x)));
    for (const id of diff(oldFigures, this.ignoredFigures)) { const c = this.entry(id)?.claim; if (c) claims.add(c); }
    // claims named or labelled anew: their id and label worked out as the whole-corpus pass would
    const renamed = Object.keys({ ...(prev.claimLabels ?? {}), ...(next.claimLabels ?? {}) }).filter(id => prev.claimLabels?.[id] !== next.claimLabels?.[id]);
    const relabel = new Set<Claim>();
    if (renamed.length) { claimsNamed(renamed); for (const id of renamed) { const c = byId.get(id); if (c) relabel.add(c); } }
    if (joinsChanged) {
      for (const j of [...singles(prev), ...singles(next)]) for (const sp of j.figures) { const x = claimOfSpan(sp); if (x?.c) relabel.add(x.c); }
    }
    if (relabel.size) {
      const joinIds = new Map<string, string>(), joinLabels: { first: string; label: string }[] = [];
      for (const j of next.joins ?? []) {
        const ids = j.figures.map(sp => this.figureAtSpan(sp)?.id).filter((x): x is string => !!x);
        if (j.id) for (const f of ids) joinIds.set(f, j.id);
        if (j.label && ids[0]) joinLabels.push({ first: ids[0], label: j.label });
      }
      const figureLabels = new Map<string, string>();
      for (const l of next.labels ?? []) { const f = this.figureAtSpan(l.figure); if (f) figureLabels.set(f.id, l.label); }
      for (const c of relabel) {
        if (!c.figures.length) continue;
        const id = c.figures.map(f => joinIds.get(f)).find(Boolean) ?? 'c-' + shortHash(c.figures[0]!);
        if (id !== c.id) { c.id = id; claims.add(c); }
        // the label: the annotation file's for the claim id, else a join's (the last naming this claim), a figure's, the words
        let fromJoin: string | undefined;
        for (const j of joinLabels) if (this.entry(j.first)?.claim === c) fromJoin = j.label;
        const label = next.claimLabels?.[id] ?? fromJoin ?? c.figures.map(f => figureLabels.get(f)).find(x => x !== undefined)
          ?? labelOf(c.figures.map(f => this.entry(f)!.figure), c.figures.map(f => this.entry(f)!.features), this.textOf);
        if (label !== c.label) { c.label = label; claims.add(c); }
      }
    }
    const ignoredNow = diff(oldClaims, this.ignoredClaims);
    if (ignoredNow.length) { byId.clear(); claimsNamed(ignoredNow); }
    // the documents of the claims judged again
    const docs = new Set<string>();
    for (const c of claims) {
      this.countClaim(c, -1);
      this.resolve(c);
      this.countClaim(c, 1);
      this.claimContexts.delete(c);
      for (const id of c.figures) docs.add(this.entry(id)!.figure.doc);
    }
    // diagnostics silenced by code or by document
    const codesBefore = JSON.stringify(prev.ignoreCodes ?? []), codesNow = JSON.stringify(next.ignoreCodes ?? []);
    if (codesBefore !== codesNow || !same('ignoreDocs')) {
      const key = (z: { code: string; doc: string | null }) => `${z.code}\u0000${z.doc ?? ''}`;
      const a = new Set((prev.ignoreCodes ?? []).map(key)), b = new Set((next.ignoreCodes ?? []).map(key));
      const changedCodes = diff(a, b).map(k => k.split('\u0000')[1]!);
      const all = changedCodes.some(d => d === '');
      if (all) for (const d of this.docsMap.keys()) docs.add(d);
      for (const d of changedCodes) if (d) docs.add(d);
      for (const d of diff(new Set(prev.ignoreDocs ?? []), new Set(next.ignoreDocs ?? []))) docs.add(d);
    }
    for (const d of docs) { this.problemsByDoc.delete(d); if (this.docsMap.has(d)) this.touchedSinceReport.add(d); }
    // new sources: re-analysed at the next read, like an edit
    for (const d of moved) { this.docsMap.get(d)!.analysis = null; this.changed(d); }
    this.cached = null;
    return true;
  }

  /**
   * Whether the names figures are about (holders, nearby and sentence entities) group into entities differently
   * under `after` than under `before`: then claims built with `before` are out of date.
   */
  private claimKeysRegrouped(before: Map<string, string> | undefined, after: Map<string, string>): boolean {
    const oldToNew = new Map<string, string>(), newToOld = new Map<string, string>();
    const same = (k: string): boolean => {
      if (!k.startsWith('n:')) return true;
      const o = before?.get(k) ?? k, n = after.get(k) ?? k;
      const seenNew = oldToNew.get(o), seenOld = newToOld.get(n);
      if ((seenNew !== undefined && seenNew !== n) || (seenOld !== undefined && seenOld !== o)) return false;
      oldToNew.set(o, n); newToOld.set(n, o);
      return true;
    };
    for (const es of this.entriesByDoc.values()) for (const c of es) {
      if (c.figure.holder && !same(c.figure.holder)) return true;
      for (const k of c.features.near) if (!same(k)) return true;
      for (const k of c.figure.entities) if (!same(k)) return true;
    }
    return false;
  }

  /** The documents whose problems changed, computed when first read (bulk loading never pays for it). */
  private lazyChanges(also?: string): ChangeSet {
    let memo: string[] | null = null;
    let touched: string[] | null | undefined;
    const self = this, passes = this.fullPasses;
    return {
      get docs(): string[] { return memo ??= self.changedDocs(also); },
      get touched(): string[] | null {
        if (touched !== undefined) return touched;
        self.ensure();
        // a whole-corpus pass since the change may have changed any document
        touched = self.fullPasses !== passes ? null : [...new Set([...(also !== undefined ? [also] : []), ...self.touchedSinceReport])];
        return touched;
      },
    };
  }

  /** Add or replace one document; only it is re-analysed. Returns the documents whose diagnostics changed. */
  set(doc: string, text: string, problems: Problem[] = []): ChangeSet {
    const old = this.docsMap.get(doc);
    if (old && old.text === text && JSON.stringify(old.problems) === JSON.stringify(problems)) return { docs: [], touched: [] };
    if (!old) this.membershipVersion++;
    this.docsMap.set(doc, { text, analysis: null, lines: null, problems });
    this.changed(doc);
    return this.lazyChanges(doc);
  }

  /** Remove a document; returns the documents whose results changed. */
  delete(doc: string): ChangeSet {
    if (!this.docsMap.delete(doc)) return { docs: [], touched: [] };
    this.membershipVersion++;
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
    this.ensure();
    const out: string[] = [];
    // after patches only the documents they touched can differ; after a full pass, any
    const only = this.touchedSinceReport;
    this.touchedSinceReport = new Set();
    const docs = !this.fullSinceReport ? only : new Set([...this.docsMap.keys(), ...this.lastProblemSig.keys()]);
    this.fullSinceReport = false;
    if (also) docs.add(also);
    for (const d of docs) if (this.report(d) || d === also) out.push(d);
    return out;
  }

  /** Record a document's problems as reported; whether they differ from the last report. */
  private report(d: string): boolean {
    const sig = this.docsMap.has(d) ? hash53(JSON.stringify(this.problemsOf(d).map(p => [p.start, p.end, p.code, p.message, p.severity]))) : undefined;
    const changed = this.lastProblemSig.get(d) !== sig;
    if (sig !== undefined) this.lastProblemSig.set(d, sig); else this.lastProblemSig.delete(d);
    return changed;
  }

  /**
   * Whether one document's problems differ from the last time they were reported (by this call or by a
   * change set's `docs`), and record them as reported. For publishing the documents of `ChangeSet.touched`
   * one at a time.
   */
  takeChanged(doc: string): boolean {
    this.ensure();
    this.touchedSinceReport.delete(doc);
    return this.report(doc);
  }

  /** Drop a document's computed problems (they are worked out again when next asked for): for documents nobody looks at. */
  forgetProblems(doc: string): void { this.problemsByDoc.delete(doc); }

  /** The status-bar counts, without gathering the corpus-wide lists (claims and conflicts kept up to date by patches). */
  counts(): { figures: number; entities: number; claims: number; conflicts: number } {
    this.ensure();
    if (!this.claimCounts) {
      this.claimCounts = { claims: 0, conflicts: 0 };
      for (const c of this.claimList) this.countClaim(c, 1);
    }
    let figures = 0;
    for (const es of this.entriesByDoc.values()) figures += es.length;
    return { figures, entities: this.entityIndex?.entities.length ?? 0, ...this.claimCounts };
  }

  /** Claims and conflicts over the claim list, once counted (then patches adjust them). */
  private claimCounts: { claims: number; conflicts: number } | null = null;
  private countClaim(c: Claim, sign: 1 | -1): void {
    const n = this.claimCounts;
    if (!n || !c.figures.length || c.status === 'single') return;
    n.claims += sign;
    if (c.status === 'conflict' && !c.resolved) n.conflicts += sign;
  }

  /** Number of documents (without listing them). */
  get size(): number { return this.docsMap.size; }

  /** Milliseconds the last whole-corpus pass took (0 before the first). */
  get lastFullPassMs(): number { return this.fullPassMs; }

  /**
   * Where the last whole-corpus pass spent its time, in milliseconds: reading the documents not yet analysed,
   * grouping entities, building claims, the rest (claim ids, verdicts). Problems are worked out when asked for.
   */
  get lastPassPhases(): { documents: number; entities: number; claims: number; rest: number } | null { return this.phases; }
  private phases: { documents: number; entities: number; claims: number; rest: number } | null = null;

  /** Changes when documents are added or removed. */
  get membership(): number { return this.membershipVersion; }

  /** The whole result; its document list, figures and problems are assembled when first read. */
  result(): CorpusResult {
    if (this.cached) return this.cached;
    this.ensure();
    this.cached = this.assemble();
    return this.cached;
  }

  /** The analysis is up to date: pending edits patched in, or a full pass. */
  private ensure(): void {
    if (this.analysed && !this.pending.size) return;
    // a few edits are patched in; a burst (indexing, a changed setting) is cheaper as one full pass
    if (this.analysed && this.pending.size <= Math.max(PATCH_LIMIT, this.docsMap.size / 10)) {
      for (const d of this.pending) for (const t of this.patch(d)) this.touchedSinceReport.add(t);
      this.pending.clear();
      return;
    }
    this.fullPass();
  }

  private fullPass(): void {
    const started = Date.now();
    this.cached = null;
    this.pending.clear();
    this.fullSinceReport = true;
    this.fullPasses++;
    // the raw mentions were let go after the last pass (`once`): every document is read again
    if (this.mentionsDropped) { for (const s of this.docsMap.values()) s.analysis = null; this.mentionsDropped = false; }
    const t0 = performance.now();
    const analyses: DocAnalysis[] = [];
    for (const d of this.docsMap.keys()) { const a = this.analysis(d); if (a) analyses.push(a); }
    const rules = this.options.annotations ?? {};
    const t1 = performance.now();
    this.rebuildEntities(analyses);
    if (this.options.once) { for (const a of analyses) { a.mentions = []; a.aliases = []; } this.mentionsDropped = true; }
    const t2 = performance.now();

    const figures: Figure[] = [];
    this.figuresByDoc.clear();
    const inputs: Entry[] = [];
    this.entriesByDoc = new Map();
    for (const a of analyses) {
      this.figuresByDoc.set(a.doc, a.figures);
      const es: Entry[] = new Array(a.figures.length);
      a.figures.forEach((f, k) => { figures.push(f); const e: Entry = { figure: f, features: a.features[k]!, claim: undefined }; inputs.push(e); es[k] = e; });
      this.entriesByDoc.set(a.doc, es);
    }
    const at = (s: { doc: string; start: number; end: number }) => this.figureAtSpan(s);
    const claimRules: ClaimRules = {
      joins: (rules.joins ?? []).map(j => ({ figures: j.figures.map(at).filter((f): f is Figure => !!f).map(f => f.id), ...(j.label ? { label: j.label } : {}), ...(j.id ? { id: j.id } : {}) })),
      splits: (rules.splits ?? []).map(g => g.map(at).filter((f): f is Figure => !!f).map(f => f.id)),
      labels: (rules.labels ?? []).map(l => ({ figure: at(l.figure)?.id ?? '', label: l.label })).filter(l => l.figure),
    };
    // holders and subjects compare as the corpus's entities (read when compared, so a rebuilt entity index is seen)
    this.builder = new ClaimBuilder(inputs, claimRules, k => this.entityIndex?.keyToEntity.get(k), this.textOf);
    const claims = this.builder.build();
    const claimOfInput = this.builder.claimIndexOfItem;
    for (let i = 0; i < inputs.length; i++) inputs[i]!.claim = claims[claimOfInput[i]!];
    const t3 = performance.now();
    const usedIds = new Map<string, number>();
    const joinIds = new Map<string, string>();
    for (const j of claimRules.joins ?? []) if (j.id) for (const f of j.figures) joinIds.set(f, j.id);
    for (const c of claims) {
      let id = (joinIds.size ? c.figures.map(f => joinIds.get(f)).find(Boolean) : undefined) ?? 'c-' + shortHash(c.figures[0]!);
      if (rules.claimLabels?.[id]) c.label = rules.claimLabels[id]!;
      const n = usedIds.get(id) ?? 0; usedIds.set(id, n + 1); if (n) id += '-' + n;
      c.id = id;
    }
    // verdicts and ignores
    for (const v of rules.verdicts ?? []) {
      const f = at(v.figure); if (!f) continue;
      const c = this.entry(f.id)?.claim; if (c) c.verdicts[f.id] = { verdict: v.verdict, note: v.note ?? null };
    }
    this.ignoredFigures = new Set<string>(); this.ignoredClaims = new Set<string>();
    for (const ig of rules.ignores ?? []) { if (ig.claim) this.ignoredClaims.add(ig.claim); if (ig.figure) { const f = at(ig.figure); if (f) this.ignoredFigures.add(f.id); } }

    // problems (the input's own, then conflicts) are computed per document when asked for
    this.problemsByDoc.clear();
    this.claimContexts = new Map();
    // display values of figures no longer in the corpus (documents removed without a patch) go
    for (const [id, x] of this.displayCache) if (!this.entryOf(x.f)) this.displayCache.delete(id);
    for (const c of claims) this.resolve(c);
    this.claimList = claims;
    this.claimCounts = null;
    this.claimsEmptied = false;
    this.stale = false;
    this.analysed = true;
    this.fullPassMs = Date.now() - started;
    this.phases = { documents: t1 - t0, entities: t2 - t1, claims: t3 - t2, rest: performance.now() - t3 };
  }

  /** The entities over these analyses, with the user's entity rules (the claims do not depend on them). */
  private rebuildEntities(analyses: DocAnalysis[]): void {
    const rules = this.options.annotations ?? {};
    const tags = (rules.tags ?? []).map(t => ({ ...t, text: t.text || (this.docsMap.get(t.doc)?.text.slice(t.start, t.end) ?? '') }));
    const dropSpans = rules.notEntitySpans ?? [];
    const docsForEntities = dropSpans.length ? analyses.map(a => ({ ...a, mentions: a.mentions.filter(m => !dropSpans.some(d => d.doc === a.doc && d.start < m.end && m.start < d.end)) })) : analyses;
    this.entityIndex = buildEntities(docsForEntities, { entities: rules.entities ?? [], notEntities: rules.notEntities ?? [], tags });
    this.entityById = new Map(this.entityIndex.entities.map(e => [e.id, e]));
  }

  /** The result object; documents, figures and problems are gathered over the corpus only when read. */
  private assemble(): CorpusResult {
    const self = this;
    let docs: DocumentInfo[] | undefined, figures: Figure[] | undefined, problems: Problem[] | undefined;
    if (this.claimsEmptied) { this.claimList = this.claimList.filter(c => c.figures.length); this.claimsEmptied = false; }
    const entities = this.entityIndex!.entities, claims = this.claimList;
    return {
      get docs() {
        return docs ??= [...self.docsMap.keys()].map(d => self.infoOf(d)).filter((x): x is DocumentInfo => !!x);
      },
      set docs(v) { docs = v; },
      get figures() {
        if (!figures) { figures = []; for (const s of self.docsMap.values()) for (const f of s.analysis?.figures ?? []) figures.push(f); }
        return figures;
      },
      set figures(v) { figures = v; },
      entities,
      claims,
      get problems() {
        if (!problems) { problems = []; for (const d of self.docsMap.keys()) for (const p of self.problemsOf(d)) problems.push(p); }
        return problems;
      },
      set problems(v) { problems = v; },
    };
  }

  /** A document's source information (its analysis must exist). */
  private infoOf(doc: string): DocumentInfo | undefined {
    const s = this.docsMap.get(doc);
    const a = s?.analysis;
    if (!s || !a) return undefined;
    return s.info ??= { doc, published: a.published, outlet: a.outlet, problems: s.problems };
  }

  /** Whether a conflict is settled: an accepted value, every disagreeing value marked wrong, or ignored. */
  private resolve(c: Claim): void {
    if (c.status !== 'conflict') { c.resolved = false; return; }
    const live = c.figures.map(id => this.entry(id)!).filter(e => c.verdicts[e.figure.id]?.verdict !== 'wrong' && !this.ignoredFigures.has(e.figure.id) && !e.features.relativeDate);
    c.resolved = this.ignoredClaims.has(c.id) || c.figures.some(id => c.verdicts[id]?.verdict === 'accepted') || commonValue(live);
  }

  private contextOf(c: Claim): ClaimContext {
    let x = this.claimContexts.get(c);
    if (x && x.ids === c.figures) return x;
    const ids = c.figures;
    const es = ids.map(id => this.entry(id)!);
    const figs = es.map(e => e.figure);
    const spans = es.map(e => spanOf(e));
    const relative = es.map(e => !!e.features.relativeDate);
    const group = new Int32Array(ids.length);
    const groupSpans: (ValueSpan | null)[] = [];
    const keys = new Map<string, number>();
    const byDoc = new Map<string, number[]>();
    spans.forEach((sp, k) => {
      const key = sp ? `${sp.lo}|${sp.hi}|${sp.weekday}` : 'none';
      let g = keys.get(key);
      if (g === undefined) { keys.set(key, g = groupSpans.length); groupSpans.push(sp); }
      group[k] = g;
      const d = figs[k]!.doc;
      let l = byDoc.get(d); if (!l) byDoc.set(d, l = []); l.push(k);
    });
    const accepted = ids.filter(id => c.verdicts[id]?.verdict === 'accepted');
    x = { ids, figs, spans, relative, group, groupSpans, differCount: new Map(), byDoc, accepted };
    this.claimContexts.set(c, x);
    return x;
  }

  /** Conflict diagnostics of a claim on its figures in one document (the others are not computed). */
  private claimProblemsIn(c: Claim, doc: string, out: Problem[]): void {
    if (c.status !== 'conflict') return;
    if (this.ignoredClaims.has(c.id)) return;
    const x = this.contextOf(c);
    const mine = x.byDoc.get(doc);
    if (!mine) return;
    const rules = this.options.annotations ?? {};
    const silenced = (d: string, code: string) => (rules.ignoreDocs ?? []).includes(d) || (rules.ignoreCodes ?? []).some(z => z.code === code && (z.doc === null || z.doc === d));
    const n = x.ids.length;
    for (const k of mine) {
      const id = x.ids[k]!;
      if (this.ignoredFigures.has(id) || x.relative[k]) continue;
      const f = x.figs[k]!;
      const g = x.group[k]!;
      const sp = x.groupSpans[g]!;
      let total = x.differCount.get(g);
      if (total === undefined) {
        total = 0;
        if (x.groupSpans.length > MANY_VALUES) total = disagreeing(x, sp);
        else for (let j = 0; j < n; j++) if (!x.relative[j] && !spansAgree(sp, x.spans[j]!)) total++;
        x.differCount.set(g, total);
      }
      // the figure itself is not one of the others
      const others = total - (spansAgree(sp, sp) ? 0 : 1);
      if (!others && !c.resolved) continue;
      // the differing values first (in claim order), then the agreeing ones; only as many as are shown
      const wantDiffer = Math.min(others, MAX_RELATED), wantAgree = MAX_RELATED - wantDiffer;
      const differ: Figure[] = [], agree: Figure[] = [];
      for (let j = 0; j < n && (differ.length < wantDiffer || agree.length < wantAgree); j++) {
        if (j === k) continue;
        if (!x.relative[j] && !spansAgree(sp, x.spans[j]!)) { if (differ.length < wantDiffer) differ.push(x.figs[j]!); }
        else if (agree.length < wantAgree) agree.push(x.figs[j]!);
      }
      // a date written without its year ("Sunday", "March 4") is shown with the date it was read as
      const said = (o: Figure) => o.kind === 'date' && typeof o.value === 'string' && /^\d/.test(o.value) && !/\d{4}/.test(o.text) ? `${o.text} (${o.value})` : o.text;
      const where = (o: Figure) => `${said(o)} in ${baseName(o.doc)}:${this.position(o.doc, o.start).line + 1}`;
      const related: RelatedInfo[] = [...differ, ...agree].slice(0, MAX_RELATED).map((o, i) => ({ doc: o.doc, start: o.start, end: o.end, message: `${o.text}${this.display(o) === o.text ? '' : ` (${this.display(o)})`}${i < differ.length ? ' differs' : ' agrees'}${c.verdicts[o.id] ? ` [${c.verdicts[o.id]!.verdict}]` : ''}` }));
      const verdict = c.verdicts[id]?.verdict;
      let message: string, code: string = Codes.conflictingFigure, severity: Problem['severity'] = this.severityOf(Codes.conflictingFigure, 'warning');
      if (c.resolved) {
        const acc = x.accepted.map(a => this.entry(a)!.figure).map(a => a.text);
        message = `Resolved conflict on ${c.label}: ${acc.length ? `accepted value ${acc.join(', ')}` : 'settled in the annotation file'}${verdict ? `; this value is marked ${verdict}` : ''}. Other sources: ${differ.slice(0, MAX_LISTED).map(where).join('; ') || 'none differ'}.`;
        code = Codes.resolvedConflict;
        severity = this.severityOf(Codes.resolvedConflict, 'hint');
      } else {
        const listed = differ.slice(0, MAX_LISTED).map(where).join('; ') + (others > MAX_LISTED ? `; and ${others - MAX_LISTED} more` : '');
        message = `Sources disagree on ${c.label}: ${said(f)} here, but ${listed}.${verdict === 'disputed' ? ' (marked disputed)' : ''}`;
      }
      if ((severity as string) === 'off') continue;
      if (silenced(f.doc, code)) continue;
      out.push({ doc: f.doc, start: f.start, end: f.end, severity, code, message, related, data: { claim: c.id, figure: id } });
    }
  }

  /** A document's problems: the input's own, then the conflicts of the claims its figures belong to. */
  private computeProblems(doc: string): Problem[] {
    const list: Problem[] = [...(this.docsMap.get(doc)?.problems ?? [])];
    const claims = new Set<Claim>();
    for (const e of this.entriesByDoc.get(doc) ?? []) if (e.claim) claims.add(e.claim);
    for (const c of claims) this.claimProblemsIn(c, doc, list);
    return list;
  }

  private display(f: Figure): string {
    const hit = this.displayCache.get(f.id);
    if (hit?.f === f) return hit.v;
    const v = displayValue(f);
    this.displayCache.set(f.id, { f, v });
    return v;
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
    // whether each touched claim was a conflict before: a claim that is none before and after gives no document a
    // problem either time, so its other documents keep theirs (a sentence every article repeats is one claim of all
    // of them, and an edit in one article would otherwise have every article's problems computed again)
    const wasConflict = new Map<Claim, boolean>();
    const touch = (c: Claim) => { if (!touchedClaims.has(c)) { wasConflict.set(c, c.status === 'conflict'); this.countClaim(c, -1); touchedClaims.add(c); } };
    const touchedDocs = new Set<string>([doc]);
    const oldFigs = this.figuresByDoc.get(doc) ?? [];
    // the document's old figures out of their claims (one pass over each claim), and out of `entriesByDoc`: the builder
    // still lists them, and takes them as dead from here on (`deadFigures`)
    const removed = new Map<Claim, Set<string>>();
    const oldEntries = this.entriesByDoc.get(doc) ?? [];
    for (const f of oldFigs) this.deadFigures.add(f);
    for (const [k, f] of oldFigs.entries()) {
      const c = oldEntries[k]?.claim;
      if (c) {
        let ids = removed.get(c);
        if (!ids) { removed.set(c, ids = new Set()); touch(c); }
        ids.add(f.id); delete c.verdicts[f.id];
      }
      this.displayCache.delete(f.id);
    }
    this.entriesByDoc.delete(doc);
    for (const [c, ids] of removed) c.figures = c.figures.filter(x => !ids.has(x));
    const a = this.docsMap.has(doc) ? this.analysis(doc) : null;
    this.figuresByDoc.delete(doc);
    const builder = this.builder!;
    // claims that already hold a new figure of each sentence (the document's old figures are out of every claim)
    const bySentence = new Map<number, Set<Claim>>();
    // (a figure stays live until its document is patched or removed: a set lookup, where finding its entry by id cost a third of an edit)
    const alive = (_id: string, g: Figure) => !this.deadFigures.has(g);
    if (a) {
      this.figuresByDoc.set(doc, a.figures);
      // (filled as the figures are attached: a figure is live once its entry is in)
      const entries: Entry[] = [];
      this.entriesByDoc.set(doc, entries);
      a.figures.forEach((f, k) => {
        const input: Entry = { figure: f, features: a.features[k]!, claim: undefined };
        entries.push(input);
        const { best } = builder.attach(input, alive);
        let target: Claim | undefined;
        for (const id of best) {
          const c = this.entry(id)?.claim;
          if (!c) continue;
          // one claim never holds two figures of one sentence
          if (bySentence.get(input.features.sentence)?.has(c)) continue;
          target = c;
          const link = builder.why(id, f.id);
          // the link that brought it in is kept (its hover says why); links to figures edited away are dropped once
          // they could outnumber the live ones (a claim holds one link per figure and 40 more: pruned when twice
          // that, so an edit pays for it once in many)
          if (link) {
            if (Object.isFrozen(c.links)) c.links = [];
            else if (c.links.length >= 2 * (c.figures.length + 40)) c.links = c.links.filter(l => this.entry(l.a) !== undefined && this.entry(l.b) !== undefined);
            c.links.push(link);
          }
          break;
        }
        if (!target) {
          target = singleFigureClaim('c-' + shortHash(f.id), input, this.textOf);
          this.claimList.push(target);
        }
        touch(target);
        target.figures.push(f.id);
        let inSentence = bySentence.get(input.features.sentence);
        if (!inSentence) bySentence.set(input.features.sentence, inSentence = new Set());
        inSentence.add(target);
        input.claim = target;
      });
    }
    // the judgements on this document's figures, on its new figures
    const rules = this.options.annotations ?? {};
    for (const v of rules.verdicts ?? []) {
      if (v.figure.doc !== doc) continue;
      const f = this.figureAtSpan(v.figure), c = f && this.entry(f.id)?.claim;
      if (f && c) c.verdicts[f.id] = { verdict: v.verdict, note: v.note ?? null };
    }
    for (const f of oldFigs) this.ignoredFigures.delete(f.id);
    for (const ig of rules.ignores ?? []) if (ig.figure?.doc === doc) { const f = this.figureAtSpan(ig.figure); if (f) this.ignoredFigures.add(f.id); }
    for (const c of touchedClaims) {
      const ins = c.figures.map(id => this.entry(id)!);
      c.status = builder.statusOf(ins);
      if (wasConflict.get(c) || c.status === 'conflict') for (const e of ins) touchedDocs.add(e.figure.doc);
      c.values = [...new Set(ins.map(x => this.display(x.figure)))];
      this.claimContexts.delete(c);
      this.resolve(c);
      this.countClaim(c, 1);
    }
    // emptied claims leave the list when it is next read
    if ([...touchedClaims].some(c => !c.figures.length)) this.claimsEmptied = true;
    this.patchEntities(doc, a);
    // the touched documents' problems are computed again when asked for
    for (const d of touchedDocs) this.problemsByDoc.delete(d);
    this.stale = true;
    return touchedDocs;
  }

  private patchEntities(doc: string, a: DocAnalysis | null): void {
    const index = this.entityIndex!;
    const old = index.byDoc.get(doc) ?? [];
    const hit = new Set(old.map(x => x.entity));
    const added = new Map<Entity, Mention[]>();
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
      let l = added.get(e); if (!l) added.set(e, l = []); l.push(mention);
      if (!e.forms.includes(m.text)) e.forms.push(m.text);
      if (m.role && !e.roles.includes(m.role)) e.roles.push(m.role);
      hit.add(e);
      list.push({ entity: e, mention });
    }
    // mentions in document order, then offset (as buildEntities leaves them): the document's run replaced in place
    const order = (x: Mention, y: Mention) => x.start - y.start;
    for (const e of hit) {
      const mine = added.get(e);
      if (mine && !inOrder(mine)) mine.sort(order);
      const ms = e.mentions;
      let lo = 0, hi = ms.length;
      while (lo < hi) { const mid = (lo + hi) >> 1; if (ms[mid]!.doc < doc) lo = mid + 1; else hi = mid; }
      let end = lo;
      while (end < ms.length && ms[end]!.doc === doc) end++;
      if (!mine) ms.splice(lo, end - lo);
      else if (end - lo === mine.length) for (let k = 0; k < mine.length; k++) ms[lo + k] = mine[k]!;
      else if (mine.length <= 4096) ms.splice(lo, end - lo, ...mine);
      // (a document that names one entity 150,000 times: spread into splice() its mentions would overflow the stack)
      else e.mentions = ms.slice(0, lo).concat(mine, ms.slice(end));
    }
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


  private figureAtSpan(s: { doc: string; start: number; end: number }): Figure | undefined {
    const fs = this.figuresByDoc.get(s.doc) ?? [];
    return fs.find(f => f.start < s.end && s.start < f.end);
  }

  figuresOf(doc: string): Figure[] { this.ensure(); return this.figuresByDoc.get(doc) ?? []; }
  figure(id: string): Figure | undefined { this.ensure(); return this.entry(id)?.figure; }
  figureAt(doc: string, offset: number): Figure | undefined {
    const fs = this.figuresOf(doc);
    let lo = 0, hi = fs.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1, f = fs[mid]!;
      if (offset < f.start) hi = mid - 1; else if (offset >= f.end) lo = mid + 1; else return f;
    }
    return undefined;
  }
  claimOf(figureId: string): Claim | undefined { this.ensure(); return this.entry(figureId)?.claim; }
  entity(id: string): Entity | undefined { this.ensure(); return this.entityById.get(id); }
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
  mentionsOf(doc: string): { entity: Entity; mention: Mention }[] { this.ensure(); return this.entityIndex?.byDoc.get(doc) ?? []; }
  problemsOf(doc: string): Problem[] {
    this.ensure();
    if (!this.docsMap.has(doc)) return [];
    let l = this.problemsByDoc.get(doc);
    if (!l) this.problemsByDoc.set(doc, l = this.computeProblems(doc));
    return l;
  }
  docInfo(doc: string): DocumentInfo | undefined { this.ensure(); return this.infoOf(doc); }

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
  const corpus = new Corpus({ once: true, ...options });
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

/** A 53-bit hash of a string (cyrb53). */
function hash53(s: string): number {
  let h1 = 0xdeadbeef, h2 = 0x41c6ce57;
  for (let i = 0; i < s.length; i++) { const c = s.charCodeAt(i); h1 = Math.imul(h1 ^ c, 2654435761); h2 = Math.imul(h2 ^ c, 1597334677); }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** The entry at offset `start` among a document's entries (in text order), if its figure has this id. */
function entryAt(es: readonly Entry[], start: number, id: string): Entry | undefined {
  let lo = 0, hi = es.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1, f = es[mid]!.figure;
    if (f.start < start) lo = mid + 1; else if (f.start > start) hi = mid - 1; else return f.id === id ? es[mid] : undefined;
  }
  return undefined;
}

/** Mentions of one document already in text order (the analysis gives them so). */
function inOrder(ms: Mention[]): boolean {
  for (let k = 1; k < ms.length; k++) if (ms[k - 1]!.start > ms[k]!.start) return false;
  return true;
}

function shortHash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) { h ^= s.charCodeAt(i); h = Math.imul(h, 0x01000193); }
  return (h >>> 0).toString(36);
}
