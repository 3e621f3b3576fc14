// Helpers for the CLI tests: run the built command as a child process, and build
// fixture folders of articles in a temp dir.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Repository root (this file runs from out/test/cli/). */
export const ROOT = path.resolve(__dirname, '../../..');
export const BIN = path.join(ROOT, 'bin', 'triangulate.js');

export interface Run { code: number | null; stdout: string; stderr: string }

export function runCli(args: readonly string[], cwd: string = ROOT): Run {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Run with --format json and parse stdout. */
export function runJson(args: readonly string[], cwd?: string): Run & { json: CliJson } {
  const r = runCli([...args, '--format', 'json'], cwd);
  let json: CliJson;
  try { json = JSON.parse(r.stdout) as CliJson; } catch { throw new Error(`stdout is not JSON (exit ${r.code}): ${r.stdout.slice(0, 200)}\nstderr: ${r.stderr}`); }
  return { ...r, json };
}

export interface Loc { file: string; line: number; column: number; endLine: number; endColumn: number }
export interface CliJson {
  files: string[];
  figures: (Loc & { text: string; kind: string; value: unknown; unit: string | null; qualifier: string | null; claim: string | null })[];
  entities: { id: string; name: string; kind: string; mentions: (Loc & { text: string; role?: string | null })[] }[];
  claims: { id: string; label: string; status: string; figures: number[] }[];
  diagnostics: (Loc & { severity: string; code: string; message: string; related: { file: string; line: number; column: number; message: string }[] })[];
}

/** A temp folder holding the given files (relative path -> text or bytes); removed by `dispose`. */
export function fixture(files: Record<string, string | Uint8Array>): { dir: string; dispose(): void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'triangulate-cli-'));
  for (const [rel, content] of Object.entries(files)) {
    const abs = path.join(dir, rel);
    mkdirSync(path.dirname(abs), { recursive: true });
    writeFileSync(abs, content);
  }
  return { dir, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

/** 1-based line and UTF-16 column of the nth occurrence of `needle` in `text` (LF, CRLF or CR line ends). */
export function locate(text: string, needle: string, nth = 1): { line: number; column: number; endLine: number; endColumn: number } {
  let at = -1;
  for (let i = 0; i < nth; i++) { at = text.indexOf(needle, at + 1); if (at < 0) throw new Error(`'${needle}' not found`); }
  const before = text.slice(0, at).split(/\r\n|\n|\r/);
  const line = before.length;
  const column = before[before.length - 1]!.length + 1;
  return { line, column, endLine: line, endColumn: column + needle.length };
}
