// SPDX-License-Identifier: EUPL-1.2
/**
 * The server's demo page (`GET /`), audited as the stories are: the real
 * server (packages/server/bin/gusp-server.mjs start --seed valence, on a
 * throw-away data directory and a free port) serving the freshly built
 * bundle, opened in headless Chromium at 1024 px and at 390 px wide, every
 * element loaded from the API; then axe-core, IBM Equal Access and
 * HTML_CodeSniffer (WCAG2AA, flattened shadow DOM) on the whole document
 * (scripts/a11y-engines.mjs). Any violation fails (exit 1).
 *
 * Usage: node scripts/check-demo.mjs
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_ARGS, chromiumPath } from '../../chromium.config.mjs';
import { runAxe, runHtmlcs, runIbm, summarize } from './a11y-engines.mjs';
import { startDemoServer } from './demo-server.mjs';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const TAGS = ['gusp-walk-signup', 'gusp-issue-form', 'gusp-engagement-tracker', 'gusp-walk-list'];

/** Opens the page at one width and waits until every element on it shows its data (or failed to load). */
async function openDemo(browser, url, width) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && problems.push(`console error: ${m.text()}`));
  await page.setViewport({ width, height: 900 });
  // The page's CSP (script-src 'self') would refuse the engines' injected scripts: they are the auditor's, not the page's.
  await page.setBypassCSP(true);
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(
    (tags) =>
      [...document.querySelectorAll(tags.join(','))].every((el) => {
        const root = el.shadowRoot;
        return (
          root && root.childElementCount > 0 && !root.querySelector('p[role=status]:only-child, [part~=base] > p[role=status]:only-child')
        );
      }),
    { timeout: 30_000, polling: 100 },
    TAGS,
  );
  // Every loaded element is shown, not a placeholder: wait for their `loaded` promises too.
  await page.evaluate((tags) => Promise.all([...document.querySelectorAll(tags.join(','))].map((el) => el.loaded)), TAGS);
  return { context, page, problems };
}

async function main() {
  const built = spawnSync(process.execPath, ['scripts/bundle.mjs'], { cwd: join(repo, 'packages/elements'), stdio: 'inherit' });
  if (built.status !== 0) throw new Error('Building the elements’ bundle failed');
  const dataDir = await mkdtemp(join(tmpdir(), 'gusp-demo-a11y-'));
  const server = await startDemoServer(dataDir);
  const browser = await puppeteer.launch({ executablePath: chromiumPath(), args: [...CHROMIUM_ARGS], headless: true });
  const results = [];
  try {
    for (const width of [1024, 390]) {
      const label = `demo page at ${width} px`;
      const { context, page, problems } = await openDemo(browser, `${server.url}/`, width);
      const a11yViolations = [
        ...(await runAxe(page)).map((v) => ({ engine: 'axe', ...v })),
        ...(await runIbm(page)).violations.map((v) => ({ engine: 'ibm', ...v })),
        ...(await runHtmlcs(page)).map((v) => ({ engine: 'htmlcs', ...v })),
      ];
      results.push({ label, a11yViolations, problems });
      console.log(`${a11yViolations.length + problems.length === 0 ? 'ok  ' : 'FAIL'} ${label}`);
      for (const v of a11yViolations) console.log(`       a11y ${v.engine}: ${v.rule} at ${v.where}: ${v.text}`);
      for (const p of problems) console.log(`       ${p}`);
      await context.close();
    }
  } finally {
    await browser.close();
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
  console.log('');
  summarize(results, console.log);
  if (results.some((r) => r.a11yViolations.length + r.problems.length > 0)) {
    console.log('the demo page FAILED');
    process.exitCode = 1;
  } else console.log('the demo page passed');
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
