// Turns the annotation model (YAML terms: files and text quotes) into what the engine consumes
// (document ids and offsets), reporting anchors that no longer match, articles that are not there,
// and tags that contradict each other.
import type { EntityKind, Problem, Severity, Span, Verdict } from '../types';
import { AnchorText, makeAnchor, resolveAnchor } from './anchors';
import { AnnotationCodes, editDistance, normalizeArticlePath, suggest } from './model';
import type {
  AnchorRef, AnnotationCode, AnnotationModel, AnnotationProblem, ProblemData, Reliability, TagPath, TextRange,
} from './model';

/** One article below the YAML's folder: its path relative to that folder, the engine's document id, its text (undefined: it exists but could not be read). */
export interface ArticleInput {
  path: string;
  id: string;
  text: string | undefined;
}

/** Where a resolved item came from in the YAML, to point back at it (hover, code actions). */
export interface FromTag {
  path: TagPath;
  range: TextRange;
}

export interface SourceInfo {
  doc: string;
  file: string;
  outlet: string | null;
  title: string | null;
  author: string | null;
  /** ISO date: relative dates in the article ("last August", "this week") resolve against it. */
  published: string | null;
  url: string | null;
  reliability: Reliability | null;
  note: string | null;
}

export interface EntityRule extends FromTag {
  name: string;
  kind: EntityKind | null;
  /** Other names of the same entity: a mention of any of them is a mention of `name`. */
  aliases: string[];
  note: string | null;
}

export interface TaggedSpan extends Span, FromTag {
  kind: EntityKind;
  /** The entity the span names; null: the span's own text. */
  name: string | null;
}

export interface AnnotatedSpan extends Span, FromTag {}

export interface ClaimJoin extends FromTag {
  id: string;
  label: string | null;
  /** These figures are one quantity (one claim). */
  figures: AnnotatedSpan[];
  note: string | null;
}

export interface ClaimSplit extends FromTag {
  /** No two of these figures are the same quantity. */
  figures: AnnotatedSpan[];
  note: string | null;
}

export interface FigureVerdict extends Span, FromTag {
  verdict: Verdict;
  note: string | null;
}

export interface Ignores {
  /** These figures take no part in claims or conflicts, and carry no diagnostic. */
  figures: AnnotatedSpan[];
  /** Claim ids (from `claims:`) whose conflict is not reported; they stay visible in hovers and the claims view. */
  claims: string[];
  /** Diagnostic codes not reported: everywhere (`doc: null`) or in one document. */
  codes: { code: string; doc: string | null }[];
  /** Documents with no diagnostics at all. */
  docs: string[];
}

/** The annotations in engine terms. Plain data (JSON-safe). */
export interface ResolvedAnnotations {
  /** By document id. */
  sources: Record<string, SourceInfo>;
  entities: EntityRule[];
  /** Names never taken as entities (as written; compare with `sameName`). */
  notEntities: string[];
  /** Single spans that are not entities. */
  notEntitySpans: AnnotatedSpan[];
  tags: TaggedSpan[];
  joins: ClaimJoin[];
  splits: ClaimSplit[];
  verdicts: FigureVerdict[];
  ignores: Ignores;
  /** Claim id → label, for every labelled claim. */
  claimLabels: Record<string, string>;
}

export function emptyResolved(): ResolvedAnnotations {
  return { sources: {}, entities: [], notEntities: [], notEntitySpans: [], tags: [], joins: [], splits: [], verdicts: [], ignores: { figures: [], claims: [], codes: [], docs: [] }, claimLabels: {} };
}

export interface ResolveResult {
  resolved: ResolvedAnnotations;
  problems: AnnotationProblem[];
}

export function resolveAnnotations(model: AnnotationModel, articles: ArticleInput[]): ResolveResult {
  const r = new Resolver(articles);
  return { resolved: r.run(model), problems: r.problems };
}

class Resolver {
  readonly problems: AnnotationProblem[] = [];
  private readonly byPath = new Map<string, ArticleInput>();
  private readonly texts = new Map<string, AnchorText>();
  private readonly paths: string[];

  constructor(articles: ArticleInput[]) {
    for (const a of articles) this.byPath.set(normalizeArticlePath(a.path), a);
    this.paths = [...this.byPath.keys()];
  }

  private report(code: AnnotationCode, severity: Severity, message: string, range: TextRange, data?: ProblemData, related?: (TextRange & { message: string })[]): void {
    const p: AnnotationProblem = { code, severity, message, start: range.start, end: range.end };
    if (data) p.data = data;
    if (related?.length) p.related = related;
    this.problems.push(p);
  }

  private article(file: string, range: TextRange, path: TagPath): ArticleInput | null {
    const a = this.byPath.get(file);
    if (a) return a;
    const s = this.similarPath(file);
    this.report(AnnotationCodes.missingArticle, 'warning', `No article "${file}" next to triangulate.yaml${s ? `: did you mean "${s}"?` : '.'}`, range,
      s ? { path, file, suggestion: s } : { path, file });
    return null;
  }

  private similarPath(file: string): string | undefined {
    const lower = file.toLowerCase();
    const same = this.paths.find(p => p.toLowerCase() === lower);
    if (same) return same;
    const base = lower.split('/').pop() ?? lower;
    const byBase = this.paths.filter(p => (p.toLowerCase().split('/').pop() ?? '') === base);
    if (byBase.length === 1) return byBase[0];
    if (this.paths.length > 2000) return undefined;
    let best: string | undefined;
    let bestD = Math.max(2, Math.floor(file.length / 4)) + 1;
    for (const p of this.paths) {
      const d = editDistance(lower, p.toLowerCase(), bestD - 1);
      if (d < bestD) { bestD = d; best = p; }
    }
    return best;
  }

  /** The span of an anchor in its article, or null (with a problem when it no longer matches). */
  private span(a: AnchorRef, what: string): AnnotatedSpan | null {
    const art = this.article(a.file, a.range, a.path);
    if (!art || art.text === undefined) return null;
    let at = this.texts.get(art.id);
    if (!at) { at = new AnchorText(art.text); this.texts.set(art.id, at); }
    const m = resolveAnchor(a, at);
    const quoted = `"${a.exact.length > 60 ? a.exact.slice(0, 57) + '...' : a.exact}"`;
    if (!m) {
      this.report(AnnotationCodes.staleAnchor, 'warning', `Stale ${what}: the text ${quoted} is no longer in ${a.file}, and nothing like it is; remove the tag or anchor it again.`, a.range, { path: a.path, file: a.file });
      return null;
    }
    if (m.stale) {
      const candidate = { file: a.file, ...makeAnchor(art.text, m.start, m.end) };
      const now = candidate.exact.length > 60 ? candidate.exact.slice(0, 57) + '...' : candidate.exact;
      this.report(AnnotationCodes.staleAnchor, 'warning', `Stale ${what}: the text ${quoted} is no longer in ${a.file}; the closest passage now reads "${now}". The tag is not applied until it is anchored again.`, a.range, { path: a.path, file: a.file, candidate });
      return null;
    }
    return { doc: art.id, start: m.start, end: m.end, path: a.path, range: a.range };
  }

  run(model: AnnotationModel): ResolvedAnnotations {
    const out = emptyResolved();

    for (const s of model.sources) {
      const art = this.article(s.file, s.keyRange, s.path);
      if (!art) continue;
      out.sources[art.id] = {
        doc: art.id, file: s.file, outlet: s.outlet ?? null, title: s.title ?? null, author: s.author ?? null,
        published: s.published ?? null, url: s.url ?? null, reliability: s.reliability ?? null, note: s.note ?? null,
      };
    }

    this.entities(model, out);

    for (const t of model.tags) {
      const sp = this.span(t.anchor, 'tag');
      if (sp) out.tags.push({ ...sp, kind: t.kind, name: t.name ?? null });
    }
    for (const n of model.notEntities) {
      if (n.name !== undefined) out.notEntities.push(n.name);
      else if (n.anchor) {
        const sp = this.span(n.anchor, '"not an entity" tag');
        if (sp) out.notEntitySpans.push(sp);
      }
    }
    this.spanContradictions(out);

    for (const c of model.claims) {
      const figures: AnnotatedSpan[] = [];
      for (const f of c.figures) {
        const sp = this.span(f, `figure of claim "${c.id}"`);
        if (sp) figures.push(sp);
      }
      out.joins.push({ id: c.id, label: c.label ?? null, figures, note: c.note ?? null, path: c.path, range: c.range });
      if (c.label) out.claimLabels[c.id] = c.label;
    }
    for (const s of model.splits) {
      const figures: AnnotatedSpan[] = [];
      for (const f of s.figures) {
        const sp = this.span(f, 'figure of a split');
        if (sp) figures.push(sp);
      }
      out.splits.push({ figures, note: s.note ?? null, path: s.path, range: s.range });
    }
    this.claimContradictions(out);

    const verdictSpans = new SpansByDoc<(typeof out.verdicts)[number]>();
    for (const v of model.verdicts) {
      const sp = this.span(v.anchor, 'verdict');
      if (!sp) continue;
      const other = verdictSpans.find(sp);
      if (other && other.verdict !== v.verdict) {
        this.report(AnnotationCodes.contradictoryTags, 'warning', `Contradictory verdicts on one figure: "${other.verdict}" and "${v.verdict}"; the first one applies.`, v.range,
          { path: v.path, others: [other.path] }, [{ ...other.range, message: `verdict "${other.verdict}"` }]);
        continue;
      }
      if (!other) { const r = { ...sp, verdict: v.verdict, note: v.note ?? null }; out.verdicts.push(r); verdictSpans.add(r); }
    }

    const claimIds = new Set(model.claims.map(c => c.id));
    for (const ig of model.ignores) {
      if (ig.type === 'figure') {
        const sp = this.span(ig.anchor, 'ignore');
        if (sp) out.ignores.figures.push(sp);
      } else if (ig.type === 'claim') {
        if (!claimIds.has(ig.claim)) {
          const s = suggest(ig.claim, [...claimIds]);
          this.report(AnnotationCodes.unknownClaim, 'warning', `No claim "${ig.claim}" in claims:${s ? ` did you mean "${s}"?` : ''}`, ig.range,
            s ? { path: [...ig.path, 'claim'], value: ig.claim, suggestion: s } : { path: [...ig.path, 'claim'], value: ig.claim });
        }
        out.ignores.claims.push(ig.claim);
      } else if (ig.type === 'code') {
        if (ig.file === undefined) out.ignores.codes.push({ code: ig.code, doc: null });
        else {
          const art = this.article(ig.file, ig.range, ig.path);
          if (art) out.ignores.codes.push({ code: ig.code, doc: art.id });
        }
      } else {
        const art = this.article(ig.file, ig.range, ig.path);
        if (art) out.ignores.docs.push(art.id);
      }
    }
    return out;
  }

  private entities(model: AnnotationModel, out: ResolvedAnnotations): void {
    const byName = new Map<string, EntityRule>();
    const aliasOwner = new Map<string, EntityRule>();
    for (const e of model.entities) {
      const key = nameKey(e.name);
      const prev = byName.get(key);
      if (prev) {
        if (e.kind && prev.kind && e.kind !== prev.kind) {
          this.report(AnnotationCodes.contradictoryTags, 'warning', `"${e.name}" is given two kinds: ${prev.kind} and ${e.kind}; the first applies.`, e.range,
            { path: e.path, others: [prev.path] }, [{ ...prev.range, message: `${prev.name}: ${prev.kind}` }]);
        } else {
          this.report(AnnotationCodes.duplicateId, 'warning', `"${e.name}" is listed twice under entities; its aliases are merged.`, e.range, { path: e.path, others: [prev.path] },
            [{ ...prev.range, message: 'first listed here' }]);
        }
        if (!prev.kind && e.kind) prev.kind = e.kind;
        continue;
      }
      const rule: EntityRule = { name: e.name, kind: e.kind ?? null, aliases: [], note: e.note ?? null, path: e.path, range: e.range };
      byName.set(key, rule);
      out.entities.push(rule);
    }
    // Aliases after all names are known, so an alias that is another entity's name is caught whatever the order.
    for (const e of model.entities) {
      const rule = byName.get(nameKey(e.name));
      if (!rule) continue;
      for (const a of e.aliases) this.addAlias(rule, a, e, aliasOwner, byName);
    }
    const notNames = model.notEntities.filter(n => n.name !== undefined);
    for (const n of notNames) {
      const key = nameKey(n.name!);
      const owner = byName.get(key) ?? aliasOwner.get(key);
      if (owner) {
        this.report(AnnotationCodes.contradictoryTags, 'warning', `"${n.name}" is listed as not an entity, and also as ${byName.has(key) ? 'an entity' : `an alias of "${owner.name}"`}.`, n.range,
          { path: n.path, others: [owner.path] }, [{ ...owner.range, message: owner.name }]);
      }
    }
  }

  private addAlias(rule: EntityRule, alias: string, from: { path: TagPath; range: TextRange }, aliasOwner: Map<string, EntityRule>, byName: Map<string, EntityRule>): void {
    const key = nameKey(alias);
    if (!key || key === nameKey(rule.name)) return;
    const other = aliasOwner.get(key) ?? byName.get(key);
    if (other && other !== rule) {
      this.report(AnnotationCodes.contradictoryTags, 'warning', `"${alias}" is an alias of "${rule.name}" and also ${byName.get(key) === other ? 'the name' : 'an alias'} of "${other.name}".`, from.range,
        { path: from.path, others: [other.path] }, [{ ...other.range, message: other.name }]);
      return;
    }
    // (already its alias: every alias is entered in aliasOwner, read there instead of normalising each of the rule's again)
    if (aliasOwner.get(key) === rule) return;
    rule.aliases.push(alias);
    aliasOwner.set(key, rule);
  }

  private spanContradictions(out: ResolvedAnnotations): void {
    // (looked up among the spans of the same document: an annotation file with tags on many articles compared every
    // tag with every earlier one)
    const earlier = new SpansByDoc<(typeof out.tags)[number]>(), seen = new Set<string>();
    const nots = new SpansByDoc<(typeof out.notEntitySpans)[number]>();
    for (const o of out.notEntitySpans) nots.add(o);
    for (let i = 0; i < out.tags.length; i++) {
      const t = out.tags[i];
      const clash = earlier.find(t, o => o.kind !== t.kind);
      // (a tag like one before it, same span and kind, can never be the first clash of a later one: kept once)
      const same = `${t.doc}\u0000${t.start}\u0000${t.end}\u0000${t.kind}`;
      if (!seen.has(same)) { seen.add(same); earlier.add(t); }
      if (clash) {
        this.report(AnnotationCodes.contradictoryTags, 'warning', `This span is tagged both ${clash.kind} and ${t.kind}.`, t.range, { path: t.path, others: [clash.path] },
          [{ ...clash.range, message: `tagged ${clash.kind}` }]);
      }
      const not = nots.find(t);
      if (not) {
        this.report(AnnotationCodes.contradictoryTags, 'warning', `This span is tagged ${t.kind} and also marked not an entity.`, t.range, { path: t.path, others: [not.path] },
          [{ ...not.range, message: 'not an entity' }]);
      }
    }
  }

  private claimContradictions(out: ResolvedAnnotations): void {
    // A figure in two claims (the first earlier claim with it: the earlier claims' figures by document, in claim order).
    const joined = new SpansByDoc<Span & { join: number }>();
    for (let i = 0; i < out.joins.length; i++) {
      for (const f of out.joins[i].figures) {
        const hit = joined.find(f);
        const other = hit ? out.joins[hit.join] : undefined;
        if (other) {
          this.report(AnnotationCodes.contradictoryTags, 'warning', `This figure is in two claims: "${other.id}" and "${out.joins[i].id}".`, f.range,
            { path: f.path, others: [other.path] }, [{ ...other.range, message: `claim "${other.id}"` }]);
        }
      }
      for (const f of out.joins[i].figures) joined.add({ doc: f.doc, start: f.start, end: f.end, join: i });
    }
    // Figures both joined (one claim) and split (not the same quantity).
    for (const s of out.splits) {
      for (const j of out.joins) {
        const both = s.figures.filter(f => j.figures.some(g => spansOverlap(f, g)));
        if (both.length >= 2) {
          this.report(AnnotationCodes.contradictoryTags, 'warning', `Contradictory tags: these figures are split apart here but joined in claim "${j.id}".`, s.range,
            { path: s.path, others: [j.path] }, [{ ...j.range, message: `claim "${j.id}" joins them` }]);
        }
      }
    }
  }
}

/** Names compare case-insensitively, accents and runs of white space folded. */
export function nameKey(name: string): string {
  return name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[\s\u00a0]+/g, ' ').replace(/[’']/g, "'").trim();
}

export function sameName(a: string, b: string): boolean {
  return nameKey(a) === nameKey(b);
}

/** Spans by document, in the order added: the first one added that overlaps a span (and passes a test). */
class SpansByDoc<T extends Span> {
  private byDoc = new Map<string, T[]>();
  add(x: T): void { let l = this.byDoc.get(x.doc); if (!l) this.byDoc.set(x.doc, l = []); l.push(x); }
  find(sp: Span, test?: (x: T) => boolean): T | undefined {
    const l = this.byDoc.get(sp.doc);
    if (l) for (const x of l) if (x.start < sp.end && sp.start < x.end && (!test || test(x))) return x;
    return undefined;
  }
}

/** Whether two spans of one document share at least one character (a tag on "86.8 billion" covers the figure "US$86.8 billion"). */
export function spansOverlap(a: Span, b: Span): boolean {
  return a.doc === b.doc && a.start < b.end && b.start < a.end;
}

// ---- lookups for the engine ----

export function verdictFor(r: ResolvedAnnotations, figure: Span): FigureVerdict | undefined {
  return r.verdicts.find(v => spansOverlap(v, figure));
}

export function isFigureIgnored(r: ResolvedAnnotations, figure: Span): boolean {
  return r.ignores.figures.some(f => spansOverlap(f, figure));
}

/** The user's claim that holds this figure, if any. */
export function joinFor(r: ResolvedAnnotations, figure: Span): ClaimJoin | undefined {
  return r.joins.find(j => j.figures.some(f => spansOverlap(f, figure)));
}

/** Whether the user said these two figures are not the same quantity. */
export function areSplit(r: ResolvedAnnotations, a: Span, b: Span): boolean {
  return r.splits.some(s => s.figures.some(f => spansOverlap(f, a)) && s.figures.some(f => spansOverlap(f, b)) && !spansOverlap(a, b));
}

/** The entity rule whose name or alias this is. */
export function entityRuleFor(r: ResolvedAnnotations, name: string): EntityRule | undefined {
  const key = nameKey(name);
  return r.entities.find(e => nameKey(e.name) === key) ?? r.entities.find(e => e.aliases.some(a => nameKey(a) === key));
}

/** Whether a name (or, with a span, that one mention) is marked not an entity. */
export function isNotEntity(r: ResolvedAnnotations, name: string, span?: Span): boolean {
  const key = nameKey(name);
  if (r.notEntities.some(n => nameKey(n) === key)) return true;
  return !!span && r.notEntitySpans.some(s => spansOverlap(s, span));
}

/** Whether a diagnostic is silenced by `ignore:` (by code, document, figure or claim id). */
export function isSilenced(r: ResolvedAnnotations, d: { code: string; doc: string; start?: number; end?: number; claim?: string }): boolean {
  if (r.ignores.docs.includes(d.doc)) return true;
  if (r.ignores.codes.some(c => c.code === d.code && (c.doc === null || c.doc === d.doc))) return true;
  if (d.claim !== undefined && r.ignores.claims.includes(d.claim)) return true;
  if (d.start !== undefined && d.end !== undefined && isFigureIgnored(r, { doc: d.doc, start: d.start, end: Math.max(d.end, d.start + 1) })) return true;
  return false;
}

/** An annotation problem as an engine Problem on the YAML document `doc` (offsets stay offsets into the YAML text). */
export function toEngineProblem(p: AnnotationProblem, doc: string): Problem {
  const out: Problem = {
    doc, start: p.start, end: p.end, severity: p.severity, code: p.code, message: p.message,
    related: (p.related ?? []).map(r => ({ doc, start: r.start, end: r.end, message: r.message })),
  };
  if (p.data) out.data = { ...p.data };
  return out;
}
