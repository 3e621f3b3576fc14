// Reading a generated corpus into memory (before any timing starts).
import { readFileSync } from 'node:fs';
import path from 'node:path';

export interface CorpusRef {
  dir: string;
  files: string[];
}

export interface LoadedDoc { doc: string; text: string }

export function loadCorpus(ref: CorpusRef): { docs: LoadedDoc[]; bytes: number } {
  let bytes = 0;
  const docs = ref.files.map(f => {
    const file = path.join(ref.dir, f);
    const buf = readFileSync(file);
    bytes += buf.length;
    return { doc: file, text: buf.toString('utf8') };
  });
  return { docs, bytes };
}

export function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** CPU seconds (user + system) since `since`. */
export function cpuSeconds(since: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(since);
  return (d.user + d.system) / 1e6;
}
