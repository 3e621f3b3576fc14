// Quick fixes that write triangulate.yaml. On an article: on a conflict (accept this value, mark it
// disputed, not the same quantity as another figure, ignore), on an entity mention (alias of a
// likely entity, change kind, not an entity), on a capitalised phrase the engine left untagged (tag
// it), on a figure (name its claim). In triangulate.yaml: the fixes of its own problems ("did you
// mean", re-anchor or remove a stale tag). Every fix is a WorkspaceEdit on the YAML, so it can be undone.
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic } from 'vscode-languageserver';
import type { Corpus } from '../core/corpus';
import { ENTITY_KINDS, AnnotationCodes, likelyAliasTargets, makeAnchor } from '../core/annotations';
import type { Anchor, AnnotationProblem, ProblemData, TagPath } from '../core/annotations';
import { lineStarts, offsetAt } from '../core/text';
import { Codes, type Entity, type Figure } from '../core/types';
import type { AnnotationTarget } from '../workspace/annotations';
import { fileName } from '../workspace/uri';
import { applyFix, toWorkspaceEdit, type EditCapabilities, type FixSpec } from './annotationFixes';
import { SOURCE } from './diagnostics';
import { formatValue, offsetOf } from './util';

/** What the code actions need of the annotation files (the server's AnnotationStore). */
export interface AnnotationAccess {
  /** Where fixes on an article write (the nearest annotation file, or the one to create). */
  targetFor(articleUri: string): AnnotationTarget | undefined;
  /** The annotation file itself. */
  target(uri: string): AnnotationTarget;
  /** An article's path as written in an annotation file. */
  articlePath(annotationUri: string, articleUri: string): string | undefined;
  /** Problems of an annotation file at its current text (for requests that come without diagnostics). */
  problems(uri: string): AnnotationProblem[];
}

export interface CodeActionEnv extends EditCapabilities {
  corpus: Corpus;
  annotations: AnnotationAccess;
  /** The client resolves `edit` lazily (codeAction/resolve): actions carry their fix in `data`. */
  lazy: boolean;
  /** The client shows disabled actions (with the reason). */
  disabledSupport: boolean;
}

/** `data` of a lazy code action. */
export interface FixData {
  triangulate: { target: string; fix: FixSpec };
}

interface Candidate {
  title: string;
  fix: FixSpec;
  preferred?: boolean;
  diagnostics?: Diagnostic[];
}

const MAX_SPLITS = 3;
const MAX_ALIASES = 3;
const TAG_KINDS = ['person', 'place', 'organization'] as const;

function wantsQuickFix(params: CodeActionParams): boolean {
  const only = params.context.only;
  return !only || only.some(k => k === CodeActionKind.QuickFix || CodeActionKind.QuickFix.startsWith(k + '.') || k === CodeActionKind.Empty);
}

/** Code actions on an article. */
export function articleCodeActions(env: CodeActionEnv, params: CodeActionParams): CodeAction[] {
  if (!wantsQuickFix(params)) return [];
  const { corpus } = env;
  const doc = params.textDocument.uri;
  const text = corpus.text(doc);
  if (text === undefined) return [];
  const start = offsetOf(corpus, doc, params.range.start);
  const end = offsetOf(corpus, doc, params.range.end) ?? start;
  if (start === undefined || end === undefined) return [];
  const target = env.annotations.targetFor(doc);
  if (!target) return [];
  const file = env.annotations.articlePath(target.uri, doc);
  if (file === undefined) return [];
  const anchorOf = (s: number, e: number): Anchor => ({ file, ...makeAnchor(text, s, e) });
  const out: Candidate[] = [];

  // Conflicts: from the diagnostics the client sent, else the engine's problems under the range.
  const conflicts = new Map<string, Diagnostic | undefined>();
  for (const d of params.context.diagnostics) {
    const figure = (d.data as { figure?: unknown } | undefined)?.figure;
    if ((d.code === Codes.conflictingFigure || d.code === Codes.resolvedConflict) && typeof figure === 'string' && !conflicts.has(figure)) conflicts.set(figure, d);
  }
  if (!conflicts.size) {
    for (const p of corpus.problemsOf(doc)) {
      const figure = p.data?.['figure'];
      if ((p.code === Codes.conflictingFigure || p.code === Codes.resolvedConflict) && typeof figure === 'string' && p.start <= end && start <= p.end) conflicts.set(figure, undefined);
    }
  }
  for (const [id, diagnostic] of conflicts) {
    const f = corpus.figure(id);
    if (!f || f.doc !== doc) continue;
    out.push(...conflictFixes(env, target, f, anchorOf(f.start, f.end), diagnostic));
  }

  // A figure: name its claim.
  const figure = corpus.figureAt(doc, start);
  if (figure) {
    const claim = corpus.claimOf(figure.id);
    const label = claim?.label ?? figure.head ?? `${figure.kind} ${figure.text}`;
    out.push({ title: `Name this claim… ("${label}")`, fix: { op: 'label', figure: anchorOf(figure.start, figure.end), label } });
  }

  // An entity mention: alias, kind, not an entity.
  const hit = corpus.entityAt(doc, start) ?? (end > start ? corpus.entityAt(doc, end - 1) : undefined);
  if (hit) {
    out.push(...mentionFixes(corpus, hit.entity, hit.mention.text, anchorOf(hit.mention.start, hit.mention.end)));
  } else if (!figure) {
    // A capitalised phrase the engine left untagged.
    const phrase = capitalisedPhraseAt(text, start, end);
    if (phrase && !corpus.mentionsOf(doc).some(m => m.mention.start < phrase.end && phrase.start < m.mention.end)) {
      const exact = text.slice(phrase.start, phrase.end);
      for (const kind of TAG_KINDS) out.push({ title: `Tag "${exact}" as ${kind}`, fix: { op: 'tag', anchor: anchorOf(phrase.start, phrase.end), kind } });
    }
  }
  return finish(env, target, out);
}

function conflictFixes(env: CodeActionEnv, target: AnnotationTarget, f: Figure, anchor: Anchor, diagnostic: Diagnostic | undefined): Candidate[] {
  const { corpus } = env;
  const claim = corpus.claimOf(f.id);
  const diagnostics = diagnostic ? [diagnostic] : undefined;
  const out: Candidate[] = [];
  const verdict = claim?.verdicts[f.id]?.verdict;
  if (verdict !== 'accepted') out.push({ title: `Accept ${f.text} as the value`, fix: { op: 'verdict', figure: anchor, verdict: 'accepted' }, preferred: true, diagnostics });
  if (verdict !== 'disputed') out.push({ title: 'Mark as disputed', fix: { op: 'verdict', figure: anchor, verdict: 'disputed' }, diagnostics });
  if (claim) {
    const mine = formatValue(f);
    let n = 0;
    for (const id of claim.figures) {
      if (n >= MAX_SPLITS) break;
      const o = id === f.id ? undefined : corpus.figure(id);
      if (!o || formatValue(o) === mine) continue;
      const otherText = corpus.text(o.doc);
      const otherFile = env.annotations.articlePath(target.uri, o.doc);
      if (otherText === undefined || otherFile === undefined) continue;
      const line = corpus.position(o.doc, o.start).line + 1;
      out.push({
        title: `Not the same quantity as ${o.text} (${fileName(o.doc)}:${line})`,
        fix: { op: 'split', a: anchor, b: { file: otherFile, ...makeAnchor(otherText, o.start, o.end) } },
        diagnostics,
      });
      n++;
    }
    if (!claim.resolved) out.push({ title: 'Ignore this conflict', fix: { op: 'ignoreClaim', figure: anchor, label: claim.label }, diagnostics });
  }
  out.push({ title: 'Leave this figure out of comparisons', fix: { op: 'ignoreFigure', figure: anchor }, diagnostics });
  return out;
}

function mentionFixes(corpus: Corpus, entity: Entity, mentionText: string, anchor: Anchor): Candidate[] {
  const out: Candidate[] = [];
  const names = corpus.result().entities.filter(e => e !== entity).map(e => e.name);
  for (const name of likelyAliasTargets(mentionText, names, MAX_ALIASES)) {
    out.push({ title: `Alias of ${name}`, fix: { op: 'alias', entity: name, alias: mentionText } });
  }
  for (const kind of ENTITY_KINDS) {
    if (kind !== entity.kind) out.push({ title: `Change kind to ${kind}`, fix: { op: 'kind', name: entity.name, kind } });
  }
  out.push({ title: 'Not an entity', fix: { op: 'notEntity', target: mentionText } });
  out.push({ title: 'Not an entity (this mention only)', fix: { op: 'notEntity', target: anchor } });
  return out;
}

const WORD = String.raw`\p{Lu}[\p{L}\p{M}\p{N}'’\-]*`;
const CONNECTOR = String.raw`(?:of|de|del|da|di|du|la|le|van|von|der|den|bin|al|and|for|the)`;
const PHRASE = new RegExp(`${WORD}(?:[ \\t]+(?:${CONNECTOR}[ \\t]+)?${WORD})*`, 'gu');
const MAX_PHRASE = 120;

/**
 * The capitalised phrase under the cursor ("Nordlift Shipping", "Bank of Ellery"), or the selected
 * text (one line); a trailing possessive is left out.
 */
export function capitalisedPhraseAt(text: string, start: number, end: number): { start: number; end: number } | undefined {
  if (end > start) {
    const raw = text.slice(start, end);
    if (/[\r\n]/.test(raw) || raw.length > MAX_PHRASE || !/\p{L}/u.test(raw)) return undefined;
    const lead = raw.length - raw.trimStart().length;
    const s = start + lead, e = start + raw.trimEnd().length;
    return e > s ? { start: s, end: e } : undefined;
  }
  const lineStart = Math.max(text.lastIndexOf('\n', start - 1), text.lastIndexOf('\r', start - 1)) + 1;
  let lineEnd = text.slice(start).search(/[\r\n]/);
  lineEnd = lineEnd < 0 ? text.length : start + lineEnd;
  const line = text.slice(lineStart, lineEnd);
  PHRASE.lastIndex = 0;
  for (let m = PHRASE.exec(line); m; m = PHRASE.exec(line)) {
    let s = lineStart + m.index, e = s + m[0].length;
    const possessive = /['’]s$/.exec(m[0]);
    if (possessive) e -= possessive[0].length;
    while (e > s && /[\-'’.]/.test(text[e - 1]!)) e--;
    if (s <= start && start <= e && e > s) {
      if (e - s > MAX_PHRASE) return undefined;
      // A lone capitalised word is offered too: the user asked for it.
      return { start: s, end: e };
    }
    s = e;
  }
  return undefined;
}

/** Code actions in triangulate.yaml: the fixes of its problems. */
export function annotationFileCodeActions(env: CodeActionEnv, params: CodeActionParams): CodeAction[] {
  if (!wantsQuickFix(params)) return [];
  const uri = params.textDocument.uri;
  const target = env.annotations.target(uri);
  if (!target.exists) return [];
  let diagnostics = params.context.diagnostics.filter(d => d.source === SOURCE && d.data);
  if (!params.context.diagnostics.length) {
    // No diagnostics sent: the problems under the range.
    const starts = lineStarts(target.text);
    const s = offsetAt(starts, target.text.length, params.range.start.line, params.range.start.character);
    const e = offsetAt(starts, target.text.length, params.range.end.line, params.range.end.character);
    diagnostics = env.annotations.problems(uri).filter(p => p.data && p.start <= e && s <= p.end)
      .map(p => ({ range: params.range, message: p.message, code: p.code, source: SOURCE, data: p.data }));
  }
  const out: Candidate[] = [];
  for (const d of diagnostics) out.push(...problemFixes(d));
  return finish(env, target, out);
}

function problemFixes(d: Diagnostic): Candidate[] {
  const data = d.data as ProblemData;
  const path = Array.isArray(data.path) ? data.path as TagPath : undefined;
  if (!path) return [];
  const diagnostics = [d];
  const suggestion = typeof data.suggestion === 'string' ? data.suggestion : undefined;
  switch (d.code) {
    case AnnotationCodes.unknownKey:
      return suggestion ? [{ title: `Change to "${suggestion}"`, fix: { op: 'renameKey', path, key: suggestion }, preferred: true, diagnostics }] : [];
    case AnnotationCodes.unknownKind:
    case AnnotationCodes.unknownVerdict:
    case AnnotationCodes.unknownValue:
    case AnnotationCodes.unknownClaim:
      return suggestion ? [{ title: `Change to "${suggestion}"`, fix: { op: 'replaceValue', path, value: suggestion }, preferred: true, diagnostics }] : [];
    case AnnotationCodes.missingArticle: {
      if (!suggestion) return [];
      const fix: FixSpec = path[0] === 'sources' && path.length === 2 ? { op: 'renameKey', path, key: suggestion } : { op: 'replaceValue', path: [...path, 'file'], value: suggestion };
      return [{ title: `Change to "${suggestion}"`, fix, preferred: true, diagnostics }];
    }
    case AnnotationCodes.staleAnchor: {
      const out: Candidate[] = [];
      const c = data.candidate;
      if (c && typeof c.exact === 'string') {
        const shown = c.exact.length > 50 ? c.exact.slice(0, 47) + '…' : c.exact;
        out.push({ title: `Re-anchor to "${shown}"`, fix: { op: 'reanchor', path, anchor: c }, preferred: true, diagnostics });
      }
      out.push({ title: 'Remove this tag', fix: { op: 'remove', path }, diagnostics });
      return out;
    }
    case AnnotationCodes.contradictoryTags:
      return [{ title: 'Remove this tag', fix: { op: 'remove', path }, diagnostics }];
    default:
      return [];
  }
}

/** Candidates → code actions: edits computed now (dropping those that change nothing), or carried as data for codeAction/resolve. */
function finish(env: CodeActionEnv, target: AnnotationTarget, candidates: Candidate[]): CodeAction[] {
  const seen = new Set<string>();
  const out: CodeAction[] = [];
  const reason = 'triangulate.yaml has problems that stop it from being read; fix them first (nothing is written over it until then)';
  let preferredGiven = false;
  for (const c of candidates) {
    if (seen.has(c.title)) continue;
    seen.add(c.title);
    const action: CodeAction = { title: c.title, kind: CodeActionKind.QuickFix };
    if (c.diagnostics) action.diagnostics = c.diagnostics;
    if (c.preferred && !preferredGiven) { action.isPreferred = true; preferredGiven = true; }
    if (!target.parses) {
      if (!env.disabledSupport) continue;
      action.disabled = { reason };
      delete action.isPreferred;
      out.push(action);
      continue;
    }
    if (env.lazy) {
      action.data = { triangulate: { target: target.uri, fix: c.fix } } satisfies FixData;
      out.push(action);
      continue;
    }
    const r = applyFix(target.text, c.fix);
    if (!r.ok || r.text === target.text) continue;
    action.edit = toWorkspaceEdit(target, r, env);
    out.push(action);
  }
  return out;
}

/** codeAction/resolve: the edit of a lazy action, against the annotation file as it is now. */
export function resolveCodeAction(env: CodeActionEnv, action: CodeAction): CodeAction {
  const data = (action.data as Partial<FixData> | undefined)?.triangulate;
  if (!data || typeof data.target !== 'string' || !data.fix) return action;
  const target = env.annotations.target(data.target);
  if (!target.parses) return action;
  const r = applyFix(target.text, data.fix);
  if (!r.ok) return action;
  return { ...action, edit: toWorkspaceEdit(target, r, env) };
}
