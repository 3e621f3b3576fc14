#!/usr/bin/env node
// Bundles the extension for release with esbuild: dist/client.js (the VS Code
// client; `vscode` stays external), dist/server.js (the language server) and,
// when present, dist/cli.js. CommonJS for node; no sourcemaps unless --sourcemap.
import { build } from 'esbuild';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const sourcemap = process.argv.includes('--sourcemap');
const entries = [
  { in: 'client/src/extension.ts', out: 'client.js' },
  { in: 'server/src/main.ts', out: 'server.js' },
  { in: 'server/src/cli/main.ts', out: 'cli.js', optional: true },
];

mkdirSync(path.join(root, 'dist'), { recursive: true });
let failed = false;
for (const e of entries) {
  const entry = path.join(root, e.in);
  if (!existsSync(entry)) {
    if (e.optional) continue;
    console.error(`bundle: missing entry ${e.in}`);
    failed = true;
    continue;
  }
  try {
    await build({
      entryPoints: [entry],
      outfile: path.join(root, 'dist', e.out),
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      external: ['vscode'],
      sourcemap,
      minify: false,
      logLevel: 'warning',
      // Prefer the CommonJS builds of packages that also ship ES modules.
      mainFields: ['main', 'module'],
    });
  } catch {
    failed = true;
  }
}
process.exit(failed ? 1 : 0);
