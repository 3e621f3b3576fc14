// `export --format csv`: one row per span of each item (a claim or a split has a row per figure,
// sharing its id), RFC 4180 quoting, CRLF line ends. Offsets are Unicode code points, end exclusive.
import { CodePoints, type ExportItem } from './exportItems';

export const CSV_COLUMNS = ['id', 'file', 'start', 'end', 'text', 'layer', 'type', 'value', 'claim', 'note'] as const;

function cell(v: string | number | null): string {
  if (v === null) return '';
  const s = String(v);
  return /[",\r\n]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function formatCsv(items: readonly ExportItem[], texts: ReadonlyMap<string, string>): string {
  const cp = new CodePoints(texts);
  const rows: string[] = [CSV_COLUMNS.join(',')];
  for (const item of items) {
    for (const s of item.spans) {
      const text = (texts.get(s.doc) ?? '').slice(s.start, s.end);
      rows.push([item.id, s.doc, cp.at(s.doc, s.start), cp.at(s.doc, s.end), text, item.layer, item.type, item.value, item.claim, item.note].map(cell).join(','));
    }
  }
  return rows.join('\r\n') + '\r\n';
}
