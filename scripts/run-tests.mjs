#!/usr/bin/env node
// Runs every compiled `*.test.js` under out/test with node's test runner.
// (A plain `node --test out/test` would also execute helper modules, since
// everything below a folder named `test` matches node's default patterns.)
// Optional arguments narrow the run to files whose path contains one of them.
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve('out/test');
const filters = process.argv.slice(2);
const files = readdirSync(root, { recursive: true })
  .map(f => path.join(root, String(f)))
  .filter(f => f.endsWith('.test.js'))
  .filter(f => !filters.length || filters.some(x => f.includes(x)))
  .sort();
if (!files.length) { console.error('run-tests: no test files found under out/test'); process.exit(1); }
const r = spawnSync(process.execPath, ['--test', '--test-concurrency=2', ...files], { stdio: 'inherit' });
process.exit(r.status ?? 1);
