// SPDX-License-Identifier: EUPL-1.2
/**
 * Takes again the pictures of docs/webmasters.md (docs/images/*.png) from the real demo server
 * (Valence's data) in headless Chromium, at 320 px and on a desktop page, so the guide shows the
 * elements as they are. Run by hand after a visible change: `node stories/scripts/docs-screenshots.mjs`
 * (the elements' bundle must be built: `pnpm --filter @gusp/elements bundle`). Not part of the tests:
 * a picture is looked at, not compared.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_ARGS, chromiumPath } from '../../chromium.config.mjs';
import { startDemoServer } from './demo-server.mjs';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const images = join(repo, 'docs', 'images');

/** The element `tag` (or a node inside it, by a path through shadow roots) as a picture. */
async function shoot(page, path, file) {
  const handle = await page.waitForSelector(path, { timeout: 20_000 });
  await new Promise((r) => setTimeout(r, 400));
  await handle.screenshot({ path: join(images, file) });
  console.log(`docs/images/${file}`);
}

const dataDir = await mkdtemp(join(tmpdir(), 'gusp-shots-'));
const server = await startDemoServer(dataDir);
const browser = await puppeteer.launch({ executablePath: chromiumPath(), headless: true, args: [...CHROMIUM_ARGS, '--lang=fr-FR'] });
try {
  for (const [width, suffix] of [
    [320, '320'],
    [1024, 'desktop'],
  ]) {
    const page = await browser.newPage();
    await page.setViewport({ width, height: 900, deviceScaleFactor: 1 });
    await page.goto(`${server.url}/`, { waitUntil: 'networkidle0' });
    await shoot(page, 'gusp-walk-list >>> [part="base"]', `walk-list-${suffix}.png`);
    await shoot(page, 'gusp-issue-form >>> [part="base"]', `issue-form-${suffix}.png`);
    await shoot(page, 'gusp-engagement-tracker >>> [part="base"]', `engagement-tracker-${suffix}.png`);
    // The sign-up form the list opens, as a resident sees it.
    // The first walk of the seed is full (its waiting list); the second has seats.
    await page.waitForSelector('gusp-walk-list >>> button[part="open"]');
    await (await page.$$('gusp-walk-list >>> button[part="open"]'))[1]?.click();
    await shoot(page, 'gusp-walk-list >>> gusp-walk-signup >>> [part="base"]', `walk-signup-${suffix}.png`);
    if (suffix === 'desktop') {
      const form = 'gusp-walk-list >>> gusp-walk-signup';
      await page.type(`${form} >>> #name`, 'Awa Diallo');
      await page.type(`${form} >>> #email`, 'awa.diallo@example.org');
      await page.click(`${form} >>> #consent`);
      await page.click(`${form} >>> button[type="submit"]`);
      await page.waitForSelector(`${form} >>> [part="confirmation"]`, { timeout: 20_000 });
      await shoot(page, `${form} >>> [part="confirmation"]`, 'walk-signup-confirmed.png');
    }
    await page.close();
  }
} finally {
  await browser.close();
  await server.stop();
  await rm(dataDir, { recursive: true, force: true });
}
