// `export --format brat`: brat standoff. For each article, `<name>.txt` (its text as analysed: BOM
// removed, line ends kept) and `<name>.ann` beside it, under the output folder, plus an
// `annotation.conf` at its root. Offsets are Unicode code points (brat counts Python characters);
// a span over a line break is written as fragments (`start end;start end`).
//   T: entity mentions (Person, Place, Organization, Other), figures (Money, Percent, Count, Date,
//      Duration, Rank), and spans only the annotation file names (NotEntity, Span).
//   A: Verdict (accepted | disputed | wrong) and Ignored, from the annotation file.
//   R: SameQuantity / NotSameQuantity between figures of one article (claims and splits).
//   #: AnnotatorNotes: a figure's value and claim, an entity's name, the annotation's notes.
import { CodePoints, type ExportItem, type ExportSpan } from './exportItems';

const TYPE: Record<string, string> = {
  person: 'Person', place: 'Place', organization: 'Organization', other: 'Other',
  money: 'Money', percent: 'Percent', count: 'Count', date: 'Date', duration: 'Duration', rank: 'Rank',
};

export const ANNOTATION_CONF = `# brat configuration for files written by \`triangulate export --format brat\`.
[entities]
Person
Place
Organization
Other
Money
Percent
Count
Date
Duration
Rank
NotEntity
Span

[relations]
SameQuantity	Arg1:<ENTITY>, Arg2:<ENTITY>
NotSameQuantity	Arg1:<ENTITY>, Arg2:<ENTITY>
<OVERLAP>	Arg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>

[events]

[attributes]
Verdict	Arg:<ENTITY>, Value:accepted|disputed|wrong
Ignored	Arg:<ENTITY>
`;

const oneLine = (s: string) => s.replace(/[\t\r\n]+/g, ' ').trim();

class Ann {
  private lines: string[] = [];
  private t = 0; private a = 0; private r = 0; private n = 0;
  private readonly byKey = new Map<string, string>();
  /** Text-bound ids by span, to hang attributes, relations and notes on. */
  private readonly bySpan = new Map<string, string>();

  constructor(private readonly doc: string, private readonly text: string, private readonly cp: CodePoints) {}

  /** A text-bound annotation (the same type and span once); returns its id. */
  span(type: string, s: ExportSpan): string {
    const key = `${type}:${s.start}:${s.end}`;
    const had = this.byKey.get(key);
    if (had) return had;
    const id = `T${++this.t}`;
    const frags = fragments(this.text, s.start, s.end);
    const offsets = frags.map(([a, b]) => `${this.cp.at(this.doc, a)} ${this.cp.at(this.doc, b)}`).join(';');
    this.lines.push(`${id}\t${type} ${offsets}\t${frags.map(([a, b]) => this.text.slice(a, b)).join(' ')}`);
    this.byKey.set(key, id);
    if (!this.bySpan.has(`${s.start}:${s.end}`)) this.bySpan.set(`${s.start}:${s.end}`, id);
    return id;
  }

  /** The text-bound annotation on exactly this span, else one that overlaps it, else a new `Span`. */
  on(s: ExportSpan, figures: readonly { span: ExportSpan; id: string }[]): string {
    const exact = this.bySpan.get(`${s.start}:${s.end}`);
    if (exact) return exact;
    const over = figures.find(f => f.span.start < s.end && s.start < f.span.end);
    return over ? over.id : this.span('Span', s);
  }

  attribute(name: string, target: string, value?: string): void {
    this.lines.push(`A${++this.a}\t${name} ${target}${value ? ` ${value}` : ''}`);
  }

  relation(name: string, a: string, b: string): void {
    this.lines.push(`R${++this.r}\t${name} Arg1:${a} Arg2:${b}`);
  }

  note(target: string, text: string): void {
    const t = oneLine(text);
    if (t) this.lines.push(`#${++this.n}\tAnnotatorNotes ${target}\t${t}`);
  }

  toString(): string { return this.lines.length ? this.lines.join('\n') + '\n' : ''; }
}

/** A span split at line breaks (brat spans hold no line break), empty pieces dropped. */
function fragments(text: string, start: number, end: number): [number, number][] {
  const out: [number, number][] = [];
  let s = start;
  for (let i = start; i <= end; i++) {
    if (i === end || text[i] === '\n' || text[i] === '\r') {
      let a = s, b = i;
      while (a < b && /\s/.test(text[a]!)) a++;
      while (b > a && /\s/.test(text[b - 1]!)) b--;
      if (b > a) out.push([a, b]);
      s = i + 1;
    }
  }
  return out.length ? out : [[start, Math.max(start, end)]];
}

/** The `.ann` text of each article (by document id). */
export function formatBrat(items: readonly ExportItem[], texts: ReadonlyMap<string, string>): Map<string, string> {
  const cp = new CodePoints(texts);
  const anns = new Map<string, Ann>();
  for (const [doc, text] of texts) anns.set(doc, new Ann(doc, text, cp));
  const figuresByDoc = new Map<string, { span: ExportSpan; id: string }[]>();
  for (const item of items) {
    if (item.layer === 'annotation') continue;
    const s = item.spans[0]!;
    const ann = anns.get(s.doc);
    if (!ann) continue;
    const id = ann.span(TYPE[item.type] ?? 'Other', s);
    if (item.layer === 'figure') {
      let list = figuresByDoc.get(s.doc);
      if (!list) figuresByDoc.set(s.doc, list = []);
      list.push({ span: s, id });
      ann.note(id, `${item.value ?? 'unresolved'}${item.claim ? `; claim ${item.claim}` : ''}`);
    } else {
      ann.note(id, `entity: ${item.value ?? ''}`);
    }
  }
  for (const item of items) {
    if (item.layer !== 'annotation') continue;
    const on = (s: ExportSpan) => anns.get(s.doc)?.on(s, figuresByDoc.get(s.doc) ?? []);
    switch (item.type) {
      case 'verdict': case 'ignore': {
        const s = item.spans[0]!;
        const id = on(s);
        if (!id) break;
        const ann = anns.get(s.doc)!;
        if (item.type === 'verdict') ann.attribute('Verdict', id, item.value ?? undefined); else ann.attribute('Ignored', id);
        if (item.note) ann.note(id, item.note);
        break;
      }
      case 'not-entity': {
        const s = item.spans[0]!;
        anns.get(s.doc)?.span('NotEntity', s);
        break;
      }
      case 'tag': {
        const s = item.spans[0]!;
        const ann = anns.get(s.doc);
        if (!ann) break;
        const id = ann.span(TYPE[item.value ?? ''] ?? 'Other', s);
        if (item.note) ann.note(id, `entity: ${item.note}`);
        break;
      }
      case 'claim': case 'split': {
        // Relations join figures of one article; every figure also carries the claim in a note.
        const name = item.type === 'claim' ? 'SameQuantity' : 'NotSameQuantity';
        const byDoc = new Map<string, string[]>();
        for (const s of item.spans) {
          const id = on(s);
          if (!id) continue;
          let list = byDoc.get(s.doc);
          if (!list) byDoc.set(s.doc, list = []);
          list.push(id);
          anns.get(s.doc)!.note(id, item.type === 'claim' ? `claim ${item.claim}${item.value ? `: ${item.value}` : ''} (annotation file)` : `${item.claim}: not the same quantity as the other figures of this split${item.note ? ` (${item.note})` : ''}`);
        }
        for (const [doc, ids] of byDoc) {
          const ann = anns.get(doc)!;
          if (item.type === 'claim') for (let i = 1; i < ids.length; i++) ann.relation(name, ids[0]!, ids[i]!);
          else for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) ann.relation(name, ids[i]!, ids[j]!);
        }
        break;
      }
    }
  }
  return new Map([...anns].map(([doc, ann]) => [doc, ann.toString()]));
}
