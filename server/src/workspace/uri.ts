// File URIs: one canonical spelling per file, whatever the client sent, so a
// document opened in the editor and the same file found on disk are one doc id.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const UNRESERVED = /[A-Za-z0-9\-._~/]/;

/** `file://` URI of an absolute path, encoded the way VS Code spells it. */
export function fileUri(fsPath: string): string {
  let p = fsPath.replace(/\\/g, '/');
  if (/^[A-Za-z]:/.test(p)) p = '/' + p[0]!.toLowerCase() + p.slice(1);
  else if (!p.startsWith('/')) p = '/' + p;
  let out = '';
  for (const ch of p) {
    if (UNRESERVED.test(ch)) { out += ch; continue; }
    for (const byte of Buffer.from(ch, 'utf8')) out += '%' + byte.toString(16).toUpperCase().padStart(2, '0');
  }
  return 'file://' + out;
}

/** The file path of a `file:` URI, or undefined for other schemes and malformed URIs. */
export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/** The canonical spelling of a URI: file URIs re-encoded from their path, others unchanged. */
export function canonicalUri(uri: string): string {
  const p = uriToPath(uri);
  return p === undefined ? uri : fileUri(p);
}

/** The last path segment of a URI, decoded ("001_f66de1d8ea6897c6.txt"). */
export function fileName(uri: string): string {
  const p = uriToPath(uri);
  if (p !== undefined) return path.basename(p);
  const last = uri.split(/[/\\]/).pop() ?? uri;
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}
