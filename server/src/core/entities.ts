// Entities across the corpus: mentions grouped by name key, gazetteer identity,
// acronyms (ASEAN = Association of Southeast Asian Nations, RoK = Republic of Korea),
// explicit equations ("East Sea, known internationally as the South China Sea"),
// organisation short forms (Samsung = Samsung Electronics), and the user's aliases.
import type { Entity, EntityKind, Mention } from './types';
import { evidenceList, withEvidence, isFullName, type RawMention, type AliasPair } from './mentions';
import { nameKey, placeByKey } from './gazetteer';
import { fold } from './lexicon';
import { isWord } from './words';

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
  /** doc → mentions with their entity, in text order (gathered when first read: a corpus analysed once never reads it). */
  byDoc: Map<string, { entity: Entity; mention: Mention }[]>;
  /** A document-level mention key → entity id. */
  keyToEntity: Map<string, string>;
}

const STOP = new Set(['of', 'for', 'and', 'the', 'de', 'du', 'la', 'le', 'on', 'in', 'at', 'to', 'a', 'an', '&']);

/** Acronym letters: folded, a–z only, 2 to 8 of them; null otherwise. */
function acronymLetters(short: string): string | null {
  const s = fold(short).replace(/[^a-z]/g, '');
  return s.length < 2 || s.length > 8 ? null : s;
}

/** Names an acronym is tried against at most (see acronymsToExpansions). */
const MAX_ACRONYM_CANDIDATES = 1000;

/** A candidate expansion's words, read once: null when it has too few or too many. */
interface LongForm { words: string[]; stop: boolean[]; initials: string; content: number; mask: number; letters: number }
function longForm(long: string): LongForm | null {
  const words = fold(long).split(/[\s-]+/).filter(Boolean);
  if (words.length < 2 || words.length > 12) return null;
  const stop: boolean[] = [];
  let initials = '', mask = 0;
  for (const w of words) {
    const st = STOP.has(w);
    stop.push(st);
    if (!st) { initials += w[0]!; mask |= letterBit(w.charCodeAt(0)); }
  }
  if (initials.length < 2) return null;
  return { words, stop, initials, content: initials.length, mask, letters: lettersMask(words.join('')) };
}

/** a–z as bits 0–25; anything else as bit 26, never in an acronym's letters. */
function letterBit(c: number): number { return c >= 97 && c <= 122 ? 1 << (c - 97) : 1 << 26; }
function lettersMask(s: string): number { let m = 0; for (let k = 0; k < s.length; k++) m |= letterBit(s.charCodeAt(k)); return m; }

function matchAcronym(s: string, L: LongForm, sMask = lettersMask(s)): boolean {
  // the content words' initials are all among the acronym's letters, and its letters all among the words' letters
  if (L.content > s.length || (L.mask & ~sMask) !== 0 || (sMask & ~L.letters) !== 0) return false;
  // quick test: the content words' initials appear in order in the acronym
  let at = 0;
  for (let k = 0; k < L.initials.length; k++) { at = s.indexOf(L.initials[k]!, at); if (at < 0) return false; at++; }
  return acrFrom(s, L, 0, 0);
}

/** Letters s[si..] spelled by words[wi..]: a stop word may give none. */
function acrFrom(s: string, L: LongForm, si: number, wi: number): boolean {
  if (wi === L.words.length) return si === s.length;
  const w = L.words[wi]!;
  if (L.stop[wi] && acrFrom(s, L, si, wi + 1)) return true;
  if (si >= s.length || w[0] !== s[si]) return false;
  return acrMore(s, L, wi, si + 1, 1);
}

/** The word words[wi] has given its first letter, then optionally more of its letters in order (from its letter from on). */
function acrMore(s: string, L: LongForm, wi: number, sj: number, from: number): boolean {
  if (acrFrom(s, L, sj, wi + 1)) return true;
  if (sj >= s.length) return false;
  const w = L.words[wi]!;
  for (let k = from; k < w.length; k++) if (w[k] === s[sj] && acrMore(s, L, wi, sj + 1, k + 1)) return true;
  return false;
}

/** Schwartz–Hearst style: every content word gives the acronym its first letter, and may give more of its letters in order. */
export function isAcronymOf(short: string, long: string): boolean {
  const s = acronymLetters(short);
  if (!s) return false;
  const L = longForm(long);
  return !!L && matchAcronym(s, L);
}

/**
 * An empty array already of the kind that holds objects: a `[]` class field starts as an array of small
 * integers, and code optimised on the previous call's arrays deoptimises at the first push.
 */
function objectArray<T>(): T[] { const a = [null as unknown as T]; a.pop(); return a; }

/** A name's mentions as a chain of indices, and what was seen of it. */
interface NameRec { last: number; notEntity: boolean; multi: boolean; acronym: boolean }
type DocMentions = { doc: string; mentions: RawMention[]; aliases: AliasPair[] };
type Pair = { entity: Entity; mention: Mention };

/**
 * The grouping's state: mentions by index, keys as integers in a union-find, names with their mentions
 * chained. Small methods rather than one long function: each compiles (and is optimised) on its own.
 */
class Grouping {
  readonly keyId = new Map<string, number>();
  readonly keyStr: string[] = objectArray();
  parent = new Int32Array(1024);
  readonly allM: RawMention[];
  readonly allDoc: string[];
  readonly allStart: Int32Array;
  /** Mention → its document's place in the documents' order (rankDocs). */
  docRank = new Int32Array(0);
  readonly allKey: Int32Array;
  readonly allName: Int32Array;
  readonly nextSameName: Int32Array;
  n = 0;
  /** support: keys seen outside headlines and not only as a sentence's first word */
  /** Key → 1 when supported (as long as parent). */
  supportedKey = new Uint8Array(1024);
  readonly names = new Map<string, number>();
  readonly firstOfName: number[] = [];
  readonly nameRecs: NameRec[] = objectArray();
  // the candidates of each later step
  readonly multi: RawMention[] = objectArray();
  readonly acronyms: number[] = [];
  readonly orgLong: number[] = [];
  readonly oneToken: number[] = [];
  readonly personLong: number[] = [];
  readonly personShort: number[] = [];
  /** Acronyms spelt out in ordinary words somewhere ("artificial intelligence (AI)"). */
  readonly terms: number[] = [];
  // groups, in the order of their first mention
  groupOf = new Int32Array(0);
  readonly groups: number[][] = objectArray();
  readonly groupRoot: number[] = [];

  constructor(cap: number, readonly notEntity: Set<string>) {
    // filled, so the arrays hold objects from the start (an optimised add() expects that kind of array)
    this.allM = new Array(cap).fill(null) as RawMention[];
    this.allDoc = new Array<string>(cap).fill('');
    this.allStart = new Int32Array(cap);
    this.allKey = new Int32Array(cap);
    this.allName = new Int32Array(cap);
    this.nextSameName = new Int32Array(cap).fill(-1);
  }

  idOf(k: string): number {
    let id = this.keyId.get(k);
    if (id === undefined) {
      id = this.keyStr.length;
      this.keyId.set(k, id);
      this.keyStr.push(k);
      if (id >= this.parent.length) {
        const p = new Int32Array(this.parent.length * 2); p.set(this.parent); this.parent = p;
        const sk = new Uint8Array(p.length); sk.set(this.supportedKey); this.supportedKey = sk;
      }
      this.parent[id] = id;
    }
    return id;
  }
  find(x: number): number {
    const parent = this.parent;
    let root = x;
    while (parent[root] !== root) root = parent[root]!;
    while (x !== root) { const next = parent[x]!; parent[x] = root; x = next; }
    return root;
  }
  union(a: number, b: number): void { const ra = this.find(a), rb = this.find(b); if (ra !== rb) this.parent[rb] = ra; }

  add(m: RawMention, doc: string): void {
    // the grouping relabels mentions: a later pass over the same (cached) analyses starts from what the document read
    if (m.readVia === null) { m.readVia = m.via; m.readEvidence = m.evidence; }
    else { m.via = m.readVia; m.evidence = m.readEvidence!; }
    const i = this.n++;
    this.allM[i] = m; this.allDoc[i] = doc; this.allStart[i] = m.start;
    const k = this.idOf(m.key);
    this.allKey[i] = k;
    if ((!m.weak && !m.initial) || m.place || m.via !== 'name' || (m.kind && (!m.weak || Math.max(m.evOrg, m.evPlace) >= 3))) this.supportedKey[k] = 1;
    let ni = this.names.get(m.ownKey);
    let rec: NameRec;
    if (ni === undefined) {
      ni = this.nameRecs.length;
      this.names.set(m.ownKey, ni);
      this.firstOfName.push(i);
      this.nameRecs.push(rec = { last: i, notEntity: this.notEntity.has(m.ownKey), multi: false, acronym: false });
    } else {
      rec = this.nameRecs[ni]!;
      this.nextSameName[rec.last] = i; rec.last = i;
    }
    this.allName[i] = ni;
    if (m.term) this.terms.push(i);
    if (m.acronym && !rec.acronym && m.ownKey.length <= 8) { rec.acronym = true; this.acronyms.push(i); }
    if (m.tokens >= 2 && m.via === 'name' && !rec.multi) { rec.multi = true; this.multi.push(m); }
    if (m.tokens >= 2) {
      if (m.kind === 'organization' || m.evOrg > 0) this.orgLong.push(i);
      if (isFullName(m)) this.personLong.push(i);
    } else if (m.tokens === 1 && !m.place) this.oneToken.push(i);
    if (!m.acronym && !m.place && !(m.evOrg > 0) && !(m.evPlace > 0) && !(m.kind && m.kind !== 'person') && (m.tokens === 1 || (m.firstKey === m.lastKey && m.role))) this.personShort.push(i);
  }

  addDoc(d: DocMentions): void { for (const m of d.mentions) this.add(m, d.doc); }

  /**
   * The documents' own equations ("X, known as Y", "X (Y)"), in the order the documents were added. A short form
   * that documents equate with different names ("Upper Orvelford Port Authority (UOPA)" in one, "Upper Orvelville
   * Port Authority (UOPA)" in another) joins neither name to the other: in each document, it is that document's name.
   */
  docAliases(docs: DocMentions[]): void {
    const longOf = new Map<string, string | null>(); // short form's key → the one name equated with it (null: several)
    for (const d of docs) for (const p of d.aliases) {
      const [short, long] = p.a.length <= p.b.length ? [p.a, p.b] : [p.b, p.a];
      const x = longOf.get(short);
      if (x === undefined) longOf.set(short, long); else if (x !== long) longOf.set(short, null);
    }
    let from = 0;
    for (const d of docs) {
      const to = from + d.mentions.length;
      for (const p of d.aliases) {
        const [short, long] = p.a.length <= p.b.length ? [p.a, p.b] : [p.b, p.a];
        if (longOf.get(short) !== null) { this.union(this.idOf(p.a), this.idOf(p.b)); continue; }
        const sk = this.idOf(short), lk = this.idOf(long);
        for (let i = from; i < to; i++) if (this.allKey[i] === sk) { this.allKey[i] = lk; this.allM[i]!.via = 'alias'; }
      }
      from = to;
    }
  }

  /** Mentions whose own words have this name key, relabelled from 'name' to via. */
  relabel(ownKey: string, via: RawMention['via']): void {
    const ni = this.names.get(ownKey);
    if (ni === undefined) return;
    for (let i = this.firstOfName[ni]!; i >= 0; i = this.nextSameName[i]!) { const x = this.allM[i]!; if (x.via === 'name') x.via = via; }
  }

  /** The key of the first mention with these words, else a key of the words. */
  keyByName(ownKey: string): number {
    const ni = this.names.get(ownKey);
    return ni !== undefined ? this.allKey[this.firstOfName[ni]!]! : this.idOf('n:' + ownKey);
  }

  acronymsToExpansions(): void {
    if (!this.acronyms.length) return;
    // the multi-word names by the first letter of their key, then by the set of their content words' initials (read
    // when an acronym first asks for that letter): an acronym looks only at names whose initials are all among its
    // letters, not at every name with its first letter (a corpus of many names and acronyms made that quadratic)
    const names = new Map<string, RawMention[]>();
    for (const m of this.multi) { const c = m.ownKey[0] ?? ''; let l = names.get(c); if (!l) names.set(c, l = []); l.push(m); }
    const byMask = new Map<string, Map<number, { m: RawMention; form: LongForm }[]>>();
    const masksOf = (c: string) => {
      let byM = byMask.get(c);
      if (byM) return byM;
      byMask.set(c, byM = new Map());
      for (const m of names.get(c) ?? []) {
        const form = longForm(m.text);
        if (!form) continue;
        let l = byM.get(form.mask); if (!l) byM.set(form.mask, l = []); l.push({ m, form });
      }
      return byM;
    };
    const toAcronym: string[] = [];
    for (const i of this.acronyms) {
      const m = this.allM[i]!;
      const s = acronymLetters(m.text);
      if (!s || !names.has(m.ownKey[0] ?? '')) continue;
      const sMask = lettersMask(s), byM = masksOf(m.ownKey[0] ?? '');
      // the expansion seen most; an acronym with several unrelated expansions stays alone, as does one that more than
      // MAX_ACRONYM_CANDIDATES names could spell (a list of names all alike: the acronym says nothing of which)
      let first = -1, root = -1, alone = true, tried = 0;
      for (let sub = sMask; sub !== 0 && alone; sub = (sub - 1) & sMask) {
        const bucket = byM.get(sub);
        if (!bucket) continue;
        for (const c of bucket) {
          if (c.m.ownKey.length <= m.ownKey.length) continue;
          // a person is shortened to initials only ("JFK"): "LISKOVA", a town's name in a dateline, is no "LInuS KOVAri"
          if (s.length > c.form.content && (c.m.kind === 'person' || c.m.evPerson > 0)) continue;
          if (++tried > MAX_ACRONYM_CANDIDATES) { alone = false; break; }
          if (!matchAcronym(s, c.form, sMask)) continue;
          const k = this.keyId.get(c.m.key)!;
          const r = this.find(k);
          if (first < 0) { first = k; root = r; } else if (r !== root) { alone = false; break; }
        }
      }
      if (first >= 0 && alone) { this.union(first, this.allKey[i]!); toAcronym.push(m.ownKey); }
    }
    for (const o of toAcronym) this.relabel(o, 'acronym');
  }

  /**
   * One-word names the corpus also reads as a place ("told reporters in Dornia"): no short form of an organisation
   * named after it ("Dornia Institute for Water Studies"), nor of a person's name that begins or ends with it.
   */
  placed(): Set<string> {
    if (this.placedKeys) return this.placedKeys;
    const placed = this.placedKeys = new Set<string>();
    for (const i of this.oneToken) { const m = this.allM[i]!; if (m.evPlace > 0) placed.add(m.ownKey); }
    return placed;
  }
  placedKeys: Set<string> | null = null;

  /** "Samsung" for "Samsung Electronics" (one candidate only). */
  orgShortForms(): void {
    const orgFirst = new Map<string, number>(); // -1: several
    for (const i of this.orgLong) {
      const m = this.allM[i]!, r = this.find(this.allKey[i]!);
      const s = orgFirst.get(m.firstKey);
      if (s === undefined) orgFirst.set(m.firstKey, r); else if (s !== r && s >= 0) orgFirst.set(m.firstKey, -1);
    }
    const placed = this.placed();
    for (const i of this.oneToken) {
      const m = this.allM[i]!;
      if (m.via !== 'name' || placed.has(m.ownKey)) continue;
      const s = orgFirst.get(m.ownKey);
      if (s !== undefined && s >= 0) { this.union(s, this.allKey[i]!); m.via = 'alias'; m.evidence = withEvidence(m.evidence, 'short form of an organisation'); }
    }
  }

  /** A family or given name alone, in a document that never gives the full name: the one person in the corpus it can be. */
  personShortForms(): void {
    const personParts = new Map<string, number>(); // -1: several
    const note = (k: string, r: number) => { const s = personParts.get(k); if (s === undefined) personParts.set(k, r); else if (s !== r && s >= 0) personParts.set(k, -1); };
    for (const i of this.personLong) {
      const m = this.allM[i]!;
      if (m.via !== 'name') continue;
      const r = this.find(this.allKey[i]!);
      note(m.firstKey, r); note(m.lastKey, r);
    }
    const placed = this.placed();
    for (const i of this.personShort) {
      const m = this.allM[i]!;
      if (m.via !== 'name' || placed.has(m.ownKey)) continue;
      const s = personParts.get(m.ownKey);
      if (s !== undefined && s >= 0) { this.union(s, this.allKey[i]!); m.via = 'short'; }
    }
  }

  groupFor(root: number): number[] {
    let gi = this.groupOf[root]!;
    if (gi < 0) { gi = this.groupOf[root] = this.groups.length; this.groups.push([]); this.groupRoot.push(root); }
    return this.groups[gi]!;
  }

  /**
   * An acronym a text spells out in ordinary words, "artificial intelligence (AI)", is a term and no name, in every
   * document, unless the corpus joined it to a name ("Official Development Assistance (ODA)" in another article).
   */
  dropTerms(): void {
    if (!this.terms.length) return;
    const keys = new Int32Array(this.keyStr.length);
    for (let k = 0; k < keys.length; k++) keys[this.find(k)]++;
    for (const i of this.terms) if (keys[this.find(this.allKey[i]!)] === 1) this.nameRecs[this.allName[i]!]!.notEntity = true;
  }

  makeGroups(extra: number): void {
    this.groupOf = new Int32Array(this.keyStr.length + extra).fill(-1);
    for (let i = 0; i < this.n; i++) {
      if (this.nameRecs[this.allName[i]!]!.notEntity) continue;
      this.groupFor(this.find(this.allKey[i]!)).push(i);
    }
  }

  /** Each mention's document ranked by the documents' string order, for sorting by document without comparing strings. */
  rankDocs(): void {
    const rankOf = new Map<string, number>();
    let prev = '';
    for (let i = 0; i < this.n; i++) { const d = this.allDoc[i]!; if (d !== prev || i === 0) { rankOf.set(d, 0); prev = d; } }
    const docs = [...rankOf.keys()].sort();
    for (let r = 0; r < docs.length; r++) rankOf.set(docs[r]!, r);
    const rank = this.docRank = new Int32Array(this.n);
    prev = '';
    let r = 0;
    for (let i = 0; i < this.n; i++) { const d = this.allDoc[i]!; if (d !== prev || i === 0) { r = rankOf.get(d)!; prev = d; } rank[i] = r; }
  }

  tag(tag: NonNullable<EntityRules['tags']>[number]): void {
    const tk = this.keyByName(nameKey(tag.name ?? tag.text));
    const root = this.find(tk);
    const m: RawMention = {
      start: tag.start, end: tag.end, text: tag.text, key: this.keyStr[tk]!, ownKey: nameKey(tag.text), tokens: tag.text.split(/\s+/).length, kind: tag.kind,
      evPerson: tag.kind === 'person' ? 100 : 0, evPlace: tag.kind === 'place' ? 100 : 0, evOrg: tag.kind === 'organization' ? 100 : 0, evidence: evidenceList('annotation'), role: null, via: 'annotation', possessive: false,
      weak: false, initial: false, acronym: false, term: false, sent: -1, first: -1, last: -1, firstKey: '', lastKey: '', place: null, readVia: null, readEvidence: null,
    };
    const g = this.groupFor(root);
    // a tag replaces an engine mention at the same place
    for (const other of this.groups) for (let j = other.length - 1; j >= 0; j--) { const x = this.allM[other[j]!]!; if (this.allDoc[other[j]!] === tag.doc && x.start < tag.end && tag.start < x.end) other.splice(j, 1); }
    const i = this.n++;
    this.allM[i] = m; this.allDoc[i] = tag.doc; this.allStart[i] = m.start; this.allKey[i] = tk;
    g.push(i);
  }
}

/** What the groups become: entities, each document's mentions, keys' entities. */
class EntityOut {
  readonly entities: Entity[] = objectArray();
  readonly keyToEntity = new Map<string, string>();
  readonly usedIds = new Set<string>();
  readonly supported: Uint8Array;
  readonly keyDone: Uint8Array;

  constructor(readonly G: Grouping, readonly kindRule: Map<number, EntityKind>, readonly ruleNames: Map<number, string>) {
    const nKeys = G.keyStr.length;
    this.supported = G.supportedKey;
    this.keyDone = new Uint8Array(nKeys);
  }

  all(): void {
    const G = this.G;
    for (let gi = 0; gi < G.groups.length; gi++) {
      const g = G.groups[gi]!, root = G.groupRoot[gi]!;
      if (g.length && this.kept(g, root)) this.entity(g, root);
    }
  }

  /**
   * Kept: some key of the group is supported, a rule gives its kind, or a mention is annotated; and it is not an
   * ordinary word that only ever opens sentences.
   */
  kept(g: number[], root: number): boolean {
    const G = this.G;
    if (this.kindRule.has(root)) return true;
    for (const i of g) if (G.allM[i]!.via === 'annotation') return true;
    if (g.length >= OPENER_ONLY && openerOnly(g, G.allM)) return false;
    for (const i of g) if (this.supported[G.allKey[i]!]) return true;
    return false;
  }

  entity(g: number[], root: number): void {
    const G = this.G;
    // kind by the weight of evidence
    let evPerson = 0, evPlace = 0, evOrg = 0;
    // (collected in scratch lists, then copied: an array grown by push from empty keeps room for 16 entries)
    const evidence = scratchEvidence, roles = scratchRoles;
    evidence.length = 0; roles.length = 0;
    let lastEvidence: string[] | null = null;
    let lastText: string | null = null, lastForm = '';
    let place = null as RawMention['place'];
    const counts = new Map<string, number>();
    let demonyms = false;
    for (const i of g) {
      const m = G.allM[i]!;
      evPerson += m.evPerson; evPlace += m.evPlace; evOrg += m.evOrg;
      // (lists are shared: the same list again adds nothing)
      if (evidence.length < 8 && m.evidence !== lastEvidence) { addEvidence(evidence, m.evidence); lastEvidence = m.evidence; }
      if (m.place && (!place || m.via !== 'demonym')) place = m.place;
      if (m.role && !roles.includes(m.role)) roles.push(m.role);
      if (m.via !== 'demonym') {
        // (a group's mentions mostly read the same, and short texts are shared strings)
        if (m.text !== lastText) { lastText = m.text; lastForm = oneSpaced(lastText); }
        counts.set(lastForm, (counts.get(lastForm) ?? 0) + 1);
      } else demonyms = true;
    }
    const ruleKind = this.kindRule.get(root);
    let kind: EntityKind = ruleKind ?? 'other';
    if (ruleKind === undefined) {
      const best = Math.max(evPerson, evPlace, evOrg);
      if (best > 0) kind = evOrg === best ? 'organization' : evPerson === best ? 'person' : 'place';
    }
    // forms and name
    const forms = formsOf(counts);
    if (demonyms) addDemonyms(forms, g, G.allM);
    const name = this.ruleNames.get(root) ?? (place?.name && placeByKey(nameKey(place.name)) ? place.name : undefined) ?? nameOf(kind, forms, counts);
    let id = 'e:' + (nameKey(name) || 'x');
    while (this.usedIds.has(id)) id += "'";
    this.usedIds.add(id);
    // the mentions' array made at its size (unless so large that it would not be a fast array)
    const sized = g.length <= 4096;
    const mentions: Mention[] = sized ? new Array<Mention>(g.length) : [];
    const entity: Entity = { id, name, kind, mentions, forms, roles: roles.slice(), evidence: evidence.slice() };
    sortByDocStart(g, G.docRank, G.allStart);
    for (let j = 0; j < g.length; j++) {
      const i = g[j]!;
      const m = G.allM[i]!, doc = G.allDoc[i]!;
      const mention: Mention = { doc, start: m.start, end: m.end, text: m.text, role: m.role, via: m.via };
      if (sized) mentions[j] = mention; else mentions.push(mention);
      // a key's mentions are all in one group
      const k = G.allKey[i]!;
      if (!this.keyDone[k]) { this.keyDone[k] = 1; this.keyToEntity.set(m.key, id); }
    }
    this.entities.push(entity);
  }
}

/**
 * Mentions from which a word that only ever opens sentences is taken for an ordinary one ("Diplomats from Colombia
 * and Germany are due to meet", "Officials in Lunean did not respond"): a name, even one often written first,
 * appears inside a sentence now and then (were it first half the time, eight first ones in a row would happen
 * about once in 250 names).
 */
const OPENER_ONLY = 8;

/** Every mention one word that opens its sentence, read by its shape alone (no gazetteer place, no short form, no rule). */
function openerOnly(g: number[], allM: RawMention[]): boolean {
  for (const i of g) { const m = allM[i]!; if (!m.initial || m.tokens !== 1 || m.via !== 'name' || m.place || m.acronym) return false; }
  return true;
}

const scratchEvidence: string[] = [], scratchRoles: string[] = [];

/** The forms by count, then length (a stable sort: first seen first), in an array of their number. */
function formsOf(counts: Map<string, number>): string[] {
  if (counts.size === 1) { for (const f of counts.keys()) return [f]; }
  if (counts.size === 0) return [];
  const entries = [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length);
  return entries.map(e => e[0]);
}

function addDemonyms(forms: string[], g: number[], allM: RawMention[]): void {
  for (const i of g) { const m = allM[i]!; if (m.via === 'demonym') { const f = oneSpaced(m.text); if (!forms.includes(f)) forms.push(f); } }
}

function addEvidence(evidence: string[], from: string[]): void {
  for (const e of from) if (evidence.length < 8 && !evidence.includes(e)) evidence.push(e);
}

function nameOf(kind: EntityKind, forms: string[], counts: Map<string, number>): string {
  if (kind === 'person') {
    const multiForms = forms.filter(f => f.includes(' ') && !/^(president|mr|mrs|ms|dr|prof|professor)\s/i.test(f));
    return longestFrequent(multiForms.length ? multiForms : forms, counts);
  }
  return forms.find(f => !/^[A-Z]{2,}$/.test(f) && f.includes(' ')) ?? forms[0]!;
}

/** Mentions in document, then text order (stable); most groups already are. */
function sortByDocStart(g: number[], docRank: Int32Array, start: Int32Array): void {
  const cmp = (a: number, b: number) => docRank[a]! - docRank[b]! || start[a]! - start[b]!;
  for (let j = 1; j < g.length; j++) if (cmp(g[j - 1]!, g[j]!) > 0) { g.sort(cmp); return; }
}

export function buildEntities(docs: DocMentions[], rules: EntityRules = {}): EntityIndex {
  const notEntity = new Set((rules.notEntities ?? []).map(nameKey));
  for (const r of rules.entities ?? []) if (r.notEntity) notEntity.add(nameKey(r.name));
  let total = 0;
  for (const d of docs) total += d.mentions.length;
  const nTags = rules.tags?.length ?? 0;
  const G = new Grouping(total + nTags, notEntity);
  for (const d of docs) G.addDoc(d);
  G.docAliases(docs);
  G.acronymsToExpansions();
  G.orgShortForms();
  G.personShortForms();
  // the user's aliases
  for (const r of rules.entities ?? []) {
    const k = G.keyByName(nameKey(r.name));
    for (const a of r.aliases ?? []) { G.union(k, G.keyByName(nameKey(a))); G.relabel(nameKey(a), 'annotation'); }
  }
  G.dropTerms();
  G.makeGroups(nTags + 1);
  // hand-tagged spans
  for (const tag of rules.tags ?? []) G.tag(tag);
  const kindRule = new Map<number, EntityKind>();
  for (const r of rules.entities ?? []) if (r.kind) kindRule.set(G.find(G.keyByName(nameKey(r.name))), r.kind);
  const ruleNames = new Map<number, string>();
  for (const r of rules.entities ?? []) ruleNames.set(G.find(G.keyByName(nameKey(r.name))), r.name);

  G.rankDocs();
  const out = new EntityOut(G, kindRule, ruleNames);
  out.all();
  // the order the entities were made in, which each document's mentions follow among equal offsets
  let made: Entity[] | null = out.entities.slice();
  out.entities.sort((a, b) => b.mentions.length - a.mentions.length || (a.name < b.name ? -1 : 1));
  let byDoc: Map<string, Pair[]> | null = null;
  return {
    entities: out.entities, keyToEntity: out.keyToEntity,
    get byDoc() { if (!byDoc) { byDoc = mentionsByDoc(made!); made = null; } return byDoc; },
    set byDoc(v) { byDoc = v; made = null; },
  };
}

/**
 * Every document's mentions with their entity, in text order (by offset; among equal offsets, in the order the
 * entities were made): a pair per mention, about a third of an entity index's memory, which only the editor reads.
 */
function mentionsByDoc(entities: Entity[]): Map<string, Pair[]> {
  const byDoc = new Map<string, Pair[]>();
  for (const entity of entities) {
    let lastDoc = '', list: Pair[] | undefined;
    for (const mention of entity.mentions) {
      if (mention.doc !== lastDoc || !list) { list = byDoc.get(mention.doc); if (!list) byDoc.set(mention.doc, list = []); lastDoc = mention.doc; }
      list.push({ entity, mention });
    }
  }
  for (const l of byDoc.values()) sortByStart(l);
  return byDoc;
}

/** Stable sort by mention start: the starts and positions packed in one number, sorted natively. */
function sortByStart(l: Pair[]): void {
  let sorted = true;
  for (let j = 1; j < l.length; j++) if (l[j - 1]!.mention.start > l[j]!.mention.start) { sorted = false; break; }
  if (sorted) return;
  const P = 2 ** 21;
  if (l.length >= P) { l.sort((a, b) => a.mention.start - b.mention.start); return; }
  const keys = new Float64Array(l.length);
  for (let j = 0; j < l.length; j++) keys[j] = l[j]!.mention.start * P + j;
  keys.sort();
  const copy = l.slice();
  for (let j = 0; j < l.length; j++) l[j] = copy[keys[j]! % P]!;
}

/**
 * A name as one line with single spaces ("Lee\nJae-myung" → "Lee Jae-myung"); most are already. A line broken at
 * a hyphen keeps the hyphen of a name ("Lee Jae-\nmyung"), not of a word ("Plan-\nning" → "Planning", as the
 * tokens read it).
 */
function oneSpaced(text: string): string {
  return oddSpaced(text) ? text.replace(/(\p{L}+)-[^\S ]+(\p{Ll}+)/gu, (_m, x: string, y: string) => {
    const w = (x + y).toLowerCase();
    return /^[a-z]+$/.test(w) && isWord(w, 0, w.length) ? x + y : `${x}-${y}`;
  }).replace(/\s+/g, ' ') : text;
}
/** /\s\s|[^\S ]/.test(text), read by code unit: white space other than single spaces. */
function oddSpaced(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32) { if (i + 1 < text.length && isSpace(text.charCodeAt(i + 1))) return true; }
    else if (c <= 13 ? c >= 9 : c >= 0xa0 && isSpace(c)) return true;
  }
  return false;
}
/** /\s/ for one code unit. */
function isSpace(c: number): boolean {
  return c <= 32 ? c === 32 || (c >= 9 && c <= 13) : c >= 0xa0 && (c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff);
}

function longestFrequent(forms: string[], counts: Map<string, number>): string {
  let best = forms[0]!, score = -1;
  for (const f of forms) { const s = (counts.get(f) ?? 0) * 10 + f.length; if (s > score) { score = s; best = f; } }
  return best;
}
