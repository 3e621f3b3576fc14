#!/usr/bin/env node
// Builds triangulate-<version>.vsix with @vscode/vsce from the esbuild bundles in
// dist/ (run after `npm run build`: `npm run package` does both). No dependency
// detection: the bundles carry what they need. Fails when the VSIX is 2 MB or more,
// or when it holds anything but the bundles and the declarative files.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const out = path.join(root, `${pkg.name}-${pkg.version}.vsix`);
for (const f of ['dist/client.js', 'dist/server.js', 'dist/cli.js', 'README.md', 'LICENSE']) {
  if (!existsSync(path.join(root, f))) { console.error(`package: missing ${f} (npm run build first)`); process.exit(1); }
}
const vsce = path.join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
// What would ship: only the bundles and the declarative files (no sources, tests, maps, node_modules).
const ls = spawnSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: root, encoding: 'utf8', timeout: 120_000 });
if (ls.status !== 0) { console.error(`package: vsce ls exited ${ls.status ?? ls.signal}\n${ls.stderr}`); process.exit(1); }
const allowed = /^(package\.json|README\.md|LICENSE|dist\/(client|server|cli)\.js|syntaxes\/[^/]+\.json|schemas\/[^/]+\.json|docs\/annotations\.md|docs\/screenshots\/[^/]+\.png)$/;
const files = ls.stdout.split('\n').map(l => l.trim()).filter(Boolean);
const stray = files.filter(f => !allowed.test(f));
if (stray.length || !files.includes('dist/server.js')) { console.error(`package: unexpected VSIX contents: ${stray.join(', ') || '(no dist/server.js)'}`); process.exit(1); }
const r = spawnSync(process.execPath, [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '--out', out],
  { cwd: root, stdio: 'inherit', timeout: 180_000, env: { ...process.env, npm_config_yes: 'true' } });
if (r.status !== 0) { console.error(`package: vsce exited ${r.status ?? r.signal}`); process.exit(1); }
const size = statSync(out).size;
console.log(`package: ${path.relative(process.cwd(), out)} ${(size / 1024).toFixed(0)} KiB`);
if (size >= 2 * 1024 * 1024) { console.error('package: the VSIX must stay under 2 MB'); process.exit(1); }
