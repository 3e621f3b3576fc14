// Reading a generated corpus into memory (before any timing starts). Files are
// read through one reused buffer, so the only memory left behind is the texts
// themselves (a Buffer per file would linger in the peak RSS).
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import path from 'node:path';

export interface CorpusRef {
  dir: string;
  files: string[];
}

export interface LoadedDoc { doc: string; text: string }

export function loadCorpus(ref: CorpusRef): { docs: LoadedDoc[]; bytes: number } {
  let buf = Buffer.allocUnsafe(64 * 1024);
  let bytes = 0;
  const docs = ref.files.map(f => {
    const file = path.join(ref.dir, f);
    const fd = openSync(file, 'r');
    try {
      const size = fstatSync(fd).size;
      if (size > buf.length) buf = Buffer.allocUnsafe(size);
      let n = 0;
      while (n < size) { const k = readSync(fd, buf, n, size - n, n); if (k === 0) break; n += k; }
      bytes += n;
      return { doc: file, text: buf.toString('utf8', 0, n) };
    } finally {
      closeSync(fd);
    }
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
