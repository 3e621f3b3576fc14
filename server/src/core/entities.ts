// Entities across the corpus: mentions grouped by name key, gazetteer identity,
// acronyms (ASEAN = Association of Southeast Asian Nations, RoK = Republic of Korea),
// explicit equations ("East Sea, known internationally as the South China Sea"),
// organisation short forms (Samsung = Samsung Electronics), and the user's aliases.
import type { Entity, EntityKind, Mention } from './types';
import type { RawMention, AliasPair } from './mentions';
import { nameKey, placeByKey } from './gazetteer';
import { fold } from './lexicon';

export interface EntityRules {
  /** name → aliases and kind, from the annotation file. */
  entities?: { name: string; kind?: EntityKind; aliases?: string[]; notEntity?: boolean }[];
  /** Names (any form) that are not entities. */
  notEntities?: string[];
  /** Spans tagged by hand as an entity of a kind. */
  tags?: { doc: string; start: number; end: number; kind: EntityKind; name?: string; text: string }[];
}

export interface EntityIndex {
  entities: Entity[];
  /** doc → mentions with their entity, in text order. */
  byDoc: Map<string, { entity: Entity; mention: Mention }[]>;
  /** A document-level mention key → entity id. */
  keyToEntity: Map<string, string>;
}

class UnionFind {
  private parent = new Map<string, string>();
  find(x: string): string {
    if (!this.parent.has(x)) { this.parent.set(x, x); return x; }
    let root = x;
    while (this.parent.get(root) !== root) root = this.parent.get(root)!;
    while (x !== root) { const next: string = this.parent.get(x)!; this.parent.set(x, root); x = next; }
    return root;
  }
  union(a: string, b: string): void { const ra = this.find(a), rb = this.find(b); if (ra !== rb) this.parent.set(rb, ra); }
}

const STOP = new Set(['of', 'for', 'and', 'the', 'de', 'du', 'la', 'le', 'on', 'in', 'at', 'to', 'a', 'an', '&']);

/** Schwartz–Hearst style: every content word gives the acronym its first letter, and may give more of its letters in order. */
export function isAcronymOf(short: string, long: string): boolean {
  const s = fold(short).replace(/[^a-z]/g, '');
  if (s.length < 2 || s.length > 8) return false;
  const words = fold(long).split(/[\s-]+/).filter(Boolean);
  if (words.length < 2 || words.length > 12) return false;
  const contentWords = words.filter(w => !STOP.has(w));
  const content = contentWords.length;
  if (content < 2 || content > s.length) return false;
  // quick test: the content words' initials appear in order in the acronym
  let at = 0;
  for (const w of contentWords) { at = s.indexOf(w[0]!, at); if (at < 0) return false; at++; }
  const go = (si: number, wi: number): boolean => {
    if (wi === words.length) return si === s.length;
    const w = words[wi]!;
    const stop = STOP.has(w);
    if (stop && go(si, wi + 1)) return true;
    if (si >= s.length || w[0] !== s[si]) return false;
    // the first letter, then optionally more letters of this word in order
    const tryMore = (sj: number, from: number): boolean => {
      if (go(sj, wi + 1)) return true;
      if (sj >= s.length) return false;
      for (let k = from; k < w.length; k++) if (w[k] === s[sj] && tryMore(sj + 1, k + 1)) return true;
      return false;
    };
    return tryMore(si + 1, 1);
  };
  return go(0, 0);
}

export function buildEntities(docs: { doc: string; mentions: RawMention[]; aliases: AliasPair[] }[], rules: EntityRules = {}): EntityIndex {
  const uf = new UnionFind();
  const all: { doc: string; m: RawMention }[] = [];
  for (const d of docs) for (const m of d.mentions) { all.push({ doc: d.doc, m }); uf.find(m.key); }
  const notEntity = new Set((rules.notEntities ?? []).map(nameKey));
  for (const r of rules.entities ?? []) if (r.notEntity) notEntity.add(nameKey(r.name));

  // support: keys seen outside headlines and not only as a sentence's first word
  const support = new Map<string, number>();
  for (const { m } of all) if ((!m.weak && !m.initial) || m.place || m.via !== 'name' || (m.kind && (!m.weak || Math.max(m.ev.organization, m.ev.place) >= 3))) support.set(m.key, (support.get(m.key) ?? 0) + 1);

  for (const d of docs) for (const a of d.aliases) uf.union(a.a, a.b);

  // acronyms ↔ expansions
  const multi = new Map<string, RawMention>();
  for (const { m } of all) if (m.tokens >= 2 && m.via === 'name' && !multi.has(m.ownKey)) multi.set(m.ownKey, m);
  const byInitial = new Map<string, RawMention[]>();
  for (const m of multi.values()) { const c = m.ownKey[0] ?? ''; let l = byInitial.get(c); if (!l) byInitial.set(c, l = []); l.push(m); }
  const byOwnKey = new Map<string, RawMention[]>();
  for (const { m } of all) { let l = byOwnKey.get(m.ownKey); if (!l) byOwnKey.set(m.ownKey, l = []); l.push(m); }
  const seenAcr = new Set<string>();
  for (const { m } of all) {
    if (!m.acronym || seenAcr.has(m.ownKey) || m.ownKey.length > 8) continue;
    seenAcr.add(m.ownKey);
    const cands = (byInitial.get(m.ownKey[0] ?? '') ?? []).filter(x => x.ownKey.length > m.ownKey.length && isAcronymOf(m.text, x.text));
    // the expansion seen most; an acronym with several unrelated expansions stays alone
    const keys = new Set(cands.map(c => uf.find(c.key)));
    if (keys.size === 1) { uf.union(cands[0]!.key, m.key); for (const x of byOwnKey.get(m.ownKey) ?? []) if (x.via === 'name') x.via = 'acronym'; }
  }

  // organisation short forms: "Samsung" for "Samsung Electronics" (one candidate only)
  const orgFirst = new Map<string, Set<string>>();
  for (const { m } of all) if (m.tokens >= 2 && (m.kind === 'organization' || m.ev.organization > 0)) {
    let s = orgFirst.get(m.firstKey); if (!s) orgFirst.set(m.firstKey, s = new Set()); s.add(uf.find(m.key));
  }
  for (const { m } of all) {
    if (m.tokens !== 1 || m.via !== 'name' || m.place) continue;
    const s = orgFirst.get(m.ownKey);
    if (s && s.size === 1) { uf.union([...s][0]!, m.key); m.via = 'alias'; m.evidence.push('short form of an organisation'); }
  }

  // a family or given name alone, in a document that never gives the full name: the one person in the corpus it can be
  const personParts = new Map<string, Set<string>>();
  for (const { m } of all) if (m.tokens >= 2 && m.firstKey !== m.lastKey && (m.kind === 'person' || m.ev.person > 0) && m.via === 'name') {
    for (const k of [m.firstKey, m.lastKey]) { let s = personParts.get(k); if (!s) personParts.set(k, s = new Set()); s.add(uf.find(m.key)); }
  }
  for (const { m } of all) {
    if (m.via !== 'name' || m.acronym || m.place || m.ev.organization > 0 || m.ev.place > 0 || (m.kind && m.kind !== 'person')) continue;
    if (!(m.tokens === 1 || (m.firstKey === m.lastKey && m.role))) continue;
    const cands = personParts.get(m.ownKey);
    if (cands && cands.size === 1) { const target = [...cands][0]!; uf.union(target, m.key); m.via = 'short'; }
  }

  // the user's aliases
  const keyByName = new Map<string, string>();
  for (const { m } of all) { if (!keyByName.has(m.ownKey)) keyByName.set(m.ownKey, m.key); }
  for (const r of rules.entities ?? []) {
    const k = keyByName.get(nameKey(r.name)) ?? 'n:' + nameKey(r.name);
    uf.find(k);
    for (const a of r.aliases ?? []) {
      const ak = keyByName.get(nameKey(a)) ?? 'n:' + nameKey(a);
      uf.union(k, ak);
      for (const x of byOwnKey.get(nameKey(a)) ?? []) if (x.via === 'name') x.via = 'annotation';
    }
  }

  // groups
  const groups = new Map<string, { doc: string; m: RawMention }[]>();
  for (const x of all) {
    if (notEntity.has(x.m.ownKey)) continue;
    const root = uf.find(x.m.key);
    let g = groups.get(root); if (!g) groups.set(root, g = []); g.push(x);
  }
  // hand-tagged spans
  for (const tag of rules.tags ?? []) {
    const k = keyByName.get(nameKey(tag.name ?? tag.text)) ?? 'n:' + nameKey(tag.name ?? tag.text);
    const root = uf.find(k);
    const m: RawMention = {
      start: tag.start, end: tag.end, text: tag.text, key: k, ownKey: nameKey(tag.text), tokens: tag.text.split(/\s+/).length, kind: tag.kind,
      ev: { person: 0, place: 0, organization: 0, other: 0 }, evidence: ['annotation'], role: null, via: 'annotation', possessive: false,
      weak: false, initial: false, acronym: false, sent: -1, first: -1, last: -1, firstKey: '', lastKey: '', place: null,
    };
    m.ev[tag.kind] += 100;
    let g = groups.get(root); if (!g) groups.set(root, g = []);
    // a tag replaces an engine mention at the same place
    for (let i = g.length - 1; i >= 0; i--) if (g[i]!.doc === tag.doc && g[i]!.m.start < tag.end && tag.start < g[i]!.m.end) g.splice(i, 1);
    for (const [, other] of groups) for (let i = other.length - 1; i >= 0; i--) if (other[i]!.doc === tag.doc && other[i]!.m.start < tag.end && tag.start < other[i]!.m.end) other.splice(i, 1);
    g.push({ doc: tag.doc, m });
  }
  const kindRule = new Map<string, EntityKind>();
  for (const r of rules.entities ?? []) if (r.kind) kindRule.set(uf.find(keyByName.get(nameKey(r.name)) ?? 'n:' + nameKey(r.name)), r.kind);

  const ruleNames = new Map<string, string>();
  for (const r of rules.entities ?? []) ruleNames.set(uf.find(keyByName.get(nameKey(r.name)) ?? 'n:' + nameKey(r.name)), r.name);
  const entities: Entity[] = [];
  const byDoc = new Map<string, { entity: Entity; mention: Mention }[]>();
  const keyToEntity = new Map<string, string>();
  const usedIds = new Set<string>();
  for (const [root, g] of groups) {
    if (!g.length) continue;
    let sup = 0;
    for (const x of g) sup += support.get(x.m.key) ?? 0;
    if (!sup && !kindRule.has(root) && !g.some(x => x.m.via === 'annotation')) continue;
    // kind by the weight of evidence
    const ev = { person: 0, place: 0, organization: 0, other: 0 };
    const evidence = new Set<string>();
    let place = null as RawMention['place'];
    for (const x of g) {
      ev.person += x.m.ev.person; ev.place += x.m.ev.place; ev.organization += x.m.ev.organization;
      for (const e of x.m.evidence) evidence.add(e);
      if (x.m.place && (!place || x.m.via !== 'demonym')) place = x.m.place;
    }
    let kind: EntityKind = kindRule.get(root) ?? 'other';
    if (!kindRule.has(root)) {
      const best = Math.max(ev.person, ev.place, ev.organization);
      if (best > 0) kind = ev.organization === best ? 'organization' : ev.person === best ? 'person' : 'place';
    }
    // forms and name
    const counts = new Map<string, number>();
    for (const x of g) if (x.m.via !== 'demonym') { const f = oneSpaced(x.m.text); counts.set(f, (counts.get(f) ?? 0) + 1); }
    const forms = counts.size === 1 ? [...counts.keys()] : [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length).map(e => e[0]);
    for (const x of g) if (x.m.via === 'demonym') { const f = oneSpaced(x.m.text); if (!forms.includes(f)) forms.push(f); }
    const ruleName = ruleNames.get(root);
    const multiForms = forms.filter(f => f.includes(' ') && !/^(president|mr|mrs|ms|dr|prof|professor)\s/i.test(f));
    const name = ruleName ?? (place?.name && placeByKey(nameKey(place.name)) ? place.name : undefined) ?? (kind === 'person' ? longestFrequent(multiForms.length ? multiForms : forms, counts) : forms.find(f => !/^[A-Z]{2,}$/.test(f) && f.includes(' ')) ?? forms[0]!);
    let id = 'e:' + (nameKey(name) || 'x');
    while (usedIds.has(id)) id += "'";
    usedIds.add(id);
    const roles = new Set<string>();
    for (const x of g) if (x.m.role) roles.add(x.m.role);
    const entity: Entity = { id, name, kind, mentions: [], forms, roles: [...roles], evidence: [...evidence].slice(0, 8) };
    g.sort((a, b) => (a.doc < b.doc ? -1 : a.doc > b.doc ? 1 : a.m.start - b.m.start));
    for (const x of g) {
      const mention: Mention = { doc: x.doc, start: x.m.start, end: x.m.end, text: x.m.text, role: x.m.role, via: x.m.via };
      entity.mentions.push(mention);
      let l = byDoc.get(x.doc); if (!l) byDoc.set(x.doc, l = []); l.push({ entity, mention });
      keyToEntity.set(x.m.key, id);
    }
    entities.push(entity);
  }
  for (const l of byDoc.values()) l.sort((a, b) => a.mention.start - b.mention.start);
  entities.sort((a, b) => b.mentions.length - a.mentions.length || (a.name < b.name ? -1 : 1));
  return { entities, byDoc, keyToEntity };
}

/** A name as one line with single spaces ("Lee\nJae-myung" → "Lee Jae-myung"); most are already. */
const oddSpace = /\s\s|[^\S ]/;
function oneSpaced(text: string): string {
  return oddSpace.test(text) ? text.replace(/\s+/g, ' ') : text;
}

function longestFrequent(forms: string[], counts: Map<string, number>): string {
  let best = forms[0]!, score = -1;
  for (const f of forms) { const s = (counts.get(f) ?? 0) * 10 + f.length; if (s > score) { score = s; best = f; } }
  return best;
}
