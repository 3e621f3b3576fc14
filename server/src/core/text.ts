// Text utilities shared by the engine, the CLI and the server: decoding bytes
// safely, and mapping offsets to lines and columns.

export type Decoded = { ok: true; text: string; bom: boolean } | { ok: false; reason: string };

/** Files above this size are not analysed (reported instead). */
export const MAX_ARTICLE_BYTES = 20 * 1024 * 1024;

/** Decode a file's bytes as UTF-8 article text; binary, invalid UTF-8 and huge files are refused with a reason. */
export function decodeBytes(bytes: Uint8Array, maxBytes = MAX_ARTICLE_BYTES): Decoded {
  if (bytes.length > maxBytes) return { ok: false, reason: `file is too large to analyse (${(bytes.length / 1048576).toFixed(1)} MB; limit ${(maxBytes / 1048576).toFixed(0)} MB)` };
  const probe = Math.min(bytes.length, 8192);
  for (let i = 0; i < probe; i++) if (bytes[i] === 0) return { ok: false, reason: 'binary file (contains NUL bytes)' };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return { ok: false, reason: 'not valid UTF-8 text' };
  }
  const bom = text.charCodeAt(0) === 0xfeff;
  return { ok: true, text: bom ? text.slice(1) : text, bom };
}

/** Strip a leading BOM from text that arrived as a string (e.g. from an editor). */
export function prepareText(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * A copy of a string cut from a longer one that does not keep the longer one alive: V8 keeps a cut of 13 or
 * more characters as a view into the whole text, so one figure's words would hold a whole article in memory.
 */
export function detached(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

/** Offsets of line starts; a line ends at \n, \r\n or a lone \r. */
export function lineStarts(text: string): Int32Array {
  let n = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) n++;
  }
  const starts = new Int32Array(n);
  let k = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) starts[k++] = i + 1;
  }
  return starts;
}

/** 0-based line and UTF-16 character of an offset. */
export function positionAt(starts: Int32Array, offset: number): { line: number; character: number } {
  let lo = 0, hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid; else hi = mid - 1;
  }
  return { line: lo, character: offset - starts[lo]! };
}

/** Offset of a 0-based line and character, clamped into the text. */
export function offsetAt(starts: Int32Array, textLength: number, line: number, character: number): number {
  if (line < 0) return 0;
  if (line >= starts.length) return textLength;
  const lineStart = starts[line]!;
  const next = line + 1 < starts.length ? starts[line + 1]! : textLength;
  return Math.max(lineStart, Math.min(lineStart + Math.max(0, character), next));
}
