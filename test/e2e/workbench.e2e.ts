// What a person sees: the web workbench of code-server's VS Code in Debian's
// Chromium (playwright-core), with a copy of ../shared/seeds open and the extension
// loaded from this repository. Opens 000_…txt through Quick Open, hovers
// US$86.8 billion with the mouse, reads the hover widget from the page, checks the
// Problems panel count against the CLI on the same folder, and saves screenshots
// of the hover and of the claims view into test-results/screenshots/; then the
// same hover over the bundled samples/ (samples-hover.png: the README's picture).
//
//   node out/test/e2e/workbench.e2e.js      (npm run test:e2e builds first)
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, makeWorkspace, openWorkbench, pollUntil, repoRoot, startServer, workbenchUrl, type CodeServer } from '../editor/codeServer';

const F000 = '000_194b222c75d92c06.txt';
const F001 = '001_f66de1d8ea6897c6.txt';
const FIGURE = 'US$86.8 billion';
const shots = path.join(repoRoot, 'test-results', 'screenshots');

let base: string, ws: string, server: CodeServer, browser: Browser, page: Page;
let failed = false;

before(async () => {
  ({ base, ws } = makeWorkspace('e2e'));
  mkdirSync(shots, { recursive: true });
  // Prose wraps, as a person reading articles would set it; no minimap.
  server = await startServer(base, { settings: { 'editor.wordWrap': 'on', 'editor.minimap.enabled': false } });
  browser = await launchBrowser();
  page = await openWorkbench(browser, workbenchUrl(server, ws, { extensionDevelopmentPath: repoRoot }));
}, { timeout: 180_000 });

after(async () => {
  await browser?.close().catch(() => undefined);
  await server?.stop();
  if (!failed) rmSync(base, { recursive: true, force: true });
  else console.log(`e2e: workspace and server log kept in ${base}`);
});

type Box = { x: number; y: number; width: number; height: number };

// Runs in the page (a string, since this project compiles without the DOM library).
const BOX_OF = `(needle) => {
  for (const line of document.querySelectorAll('.editor-instance .view-lines .view-line')) {
    const nodes = [];
    const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n);
    const full = nodes.map(n => n.data).join('').replace(/\\u00a0/g, ' ');
    const at = full.indexOf(needle);
    if (at < 0) continue;
    const range = document.createRange();
    let offset = 0;
    for (const n of nodes) {
      const end = offset + n.data.length;
      if (offset <= at && at < end) range.setStart(n, at - offset);
      if (offset < at + needle.length && at + needle.length <= end) { range.setEnd(n, at + needle.length - offset); break; }
      offset = end;
    }
    const r = range.getBoundingClientRect();
    if (r.width > 0 && r.x >= 0 && r.x + r.width <= window.innerWidth) return { x: r.x, y: r.y, width: r.width, height: r.height };
  }
  return undefined;
}`;

/** Waits (bounded) until the page runs no finite animation (a hover fading in, a pane sliding), so screenshots show the settled page. */
async function settled(p: Page): Promise<void> {
  await p.waitForFunction(`document.getAnimations().every(a => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity)`, undefined, { timeout: 5000, polling: 100 })
    .catch(() => undefined);
}

/** The bounding box of `text` inside the rendered editor lines (Monaco splits a line into token spans). */
async function boxOf(p: Page, text: string): Promise<Box | undefined> {
  return (await p.evaluate(`(${BOX_OF})(${JSON.stringify(text)})`)) as Box | undefined;
}

/** Opens `file` (Quick Open), brings `figure` on 1-based `line` into view (Go to Line), moves the mouse onto it, and returns the text of the hover widget once it shows `expect`. */
async function hoverFigure(p: Page, folder: string, file: string, line: number, figure: string, expect: string): Promise<string> {
  await p.keyboard.press('Control+P');
  await p.keyboard.type(file);
  await p.waitForSelector(`.quick-input-list .monaco-list-row[aria-label*="${file}"]`, { timeout: 30_000 });
  await p.keyboard.press('Enter');
  await p.waitForSelector(`.tab.active[aria-label*="${file}"], .tab.active:has-text("${file}")`, { timeout: 30_000 });
  const col = readFileSync(path.join(folder, file), 'utf8').split(/\r?\n/)[line - 1]!.indexOf(figure);
  assert.ok(col >= 0, `${figure} on line ${line} of ${file}`);
  await p.keyboard.press('Control+G');
  await p.keyboard.type(`${line}:${col + 1}`);
  await p.keyboard.press('Enter');
  return pollUntil(`the hover widget naming ${expect}`, async () => {
    const box = await boxOf(p, figure);
    if (!box) return undefined;
    await p.mouse.move(box.x + 2, box.y + box.height / 2);
    await p.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 4 });
    const widget = p.locator('.monaco-hover:visible', { hasText: expect }).first();
    try {
      await widget.waitFor({ state: 'visible', timeout: 4000 });
      return await widget.innerText();
    } catch { await p.mouse.move(5, 5); return undefined; }
  }, 60_000, 500);
}

test('a person opens 000_…txt, hovers US$86.8 billion and reads the other source\'s value', { timeout: 180_000 }, async () => {
  try {
    const hover = await hoverFigure(page, ws, F000, 9, FIGURE, '86.7');
    assert.ok(hover.includes('$86.7 billion'), `the hover names $86.7 billion:\n${hover}`);
    assert.ok(hover.includes(F001), `the hover names ${F001}:\n${hover}`);
    await settled(page);
    await page.screenshot({ path: path.join(shots, 'hover.png') });
  } catch (e) { failed = true; await page.screenshot({ path: path.join(shots, 'hover-failed.png') }).catch(() => undefined); throw e; }
});

test('the Problems panel counts as many problems as the CLI reports conflicting figures for the folder', { timeout: 120_000 }, async () => {
  try {
    const cli = spawnSync(process.execPath, [path.join(repoRoot, 'bin', 'triangulate.js'), 'check', ws, '--format', 'sarif'], { encoding: 'utf8', timeout: 60_000 });
    assert.equal(cli.status, 1, `the CLI finds conflicts (exit 1): ${cli.stderr}`);
    const results = (JSON.parse(cli.stdout) as { runs: { results: { ruleId: string }[] }[] }).runs[0]!.results;
    const expected = results.filter(r => r.ruleId === 'conflicting-figure').length;
    assert.ok(expected >= 2, `the seeds hold conflicts (${expected})`);

    await page.mouse.move(5, 5);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+Shift+M');
    const tab = page.locator('.part.panel .composite-bar .action-item', { hasText: 'PROBLEMS' }).first();
    const count = await pollUntil(`the Problems badge to read ${expected}`, async () => {
      const text = (await tab.innerText().catch(() => '')).replace(/\s+/g, ' ');
      const n = Number(/PROBLEMS\s*(\d+)/i.exec(text)?.[1] ?? NaN);
      return n === expected ? n : undefined;
    }, 60_000, 500).catch(async e => { throw new Error(`${(e as Error).message}; it reads "${await tab.innerText().catch(() => '?')}"`); });
    assert.equal(count, expected);
    const rows = await page.$$eval('.markers-panel .monaco-list-row', es => es.map(e => e.getAttribute('aria-label') ?? ''));
    assert.ok(rows.some(r => r.includes(FIGURE) && r.includes('86.7 billion')), `a Problems row on ${FIGURE} naming the other value: ${rows.slice(0, 5).join(' / ')}`);
  } catch (e) { failed = true; throw e; }
});

test('the claims view lists the trade claim with both values; screenshot', { timeout: 120_000 }, async () => {
  try {
    await page.keyboard.press('Control+Shift+M'); // close the panel again
    await page.keyboard.press('Control+Shift+E');
    const header = page.locator('.pane-header', { hasText: /^\s*claims/i }).first();
    await header.waitFor({ state: 'visible', timeout: 30_000 });
    if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
    // Collapse the file tree so the claims get the room.
    const folder = page.locator('.pane-header[aria-expanded="true"]', { hasText: /^\s*ws/i }).first();
    if (await folder.count()) {
      await folder.click();
      await page.locator('.pane-header[aria-expanded="false"]', { hasText: /^\s*ws/i }).first().waitFor({ timeout: 10_000 });
    }
    const claimsBody = page.locator('.pane', { has: header }).locator('.monaco-list-row');
    const row = await pollUntil('a claims row with 86.8 and 86.7', async () => {
      const texts = await claimsBody.allInnerTexts();
      return texts.find(t => /86\.8/.test(t) && /86\.7/.test(t)) ?? texts.find(t => /86\.[78]/.test(t));
    }, 60_000, 500);
    assert.match(row, /86\.[78]/, `the claims view shows the trade figures: ${row}`);
    await settled(page);
    await page.screenshot({ path: path.join(shots, 'claims.png') });
  } catch (e) { failed = true; await page.screenshot({ path: path.join(shots, 'claims-failed.png') }).catch(() => undefined); throw e; }
});

test('the bundled samples/ (our own invented articles): the hover on US$4.12 billion names $4.18 billion; the README screenshot', { timeout: 180_000 }, async () => {
  // A second window on a copy of samples/, so that the README's picture shows no seed text.
  const samples = path.join(base, 'samples');
  cpSync(path.join(repoRoot, 'samples'), samples, { recursive: true, filter: src => !src.endsWith('.yaml') && !src.endsWith('.md') });
  const p2 = await openWorkbench(browser, workbenchUrl(server, samples, { extensionDevelopmentPath: repoRoot }));
  try {
    const hover = await hoverFigure(p2, samples, '01-abidjan-ledger.txt', 7, 'US$4.12 billion', '4.18');
    assert.ok(hover.includes('$4.18 billion'), `the hover names $4.18 billion:\n${hover}`);
    assert.ok(hover.includes('04-central-europe-review.txt'), `the hover names 04-central-europe-review.txt:\n${hover}`);
    await settled(p2);
    await p2.screenshot({ path: path.join(shots, 'samples-hover.png') });
  } catch (e) { failed = true; await p2.screenshot({ path: path.join(shots, 'samples-failed.png') }).catch(() => undefined); throw e; }
  finally { await p2.close(); }
});
