// SPDX-License-Identifier: EUPL-1.2
/**
 * Issue 11: the page a calendar event links to, `/marches/{walkId}`, opened in Chromium as a
 * person would from their agenda: under the Content-Security-Policy every page gets, the
 * sign-up element loads from /elements/ and shows the walk, with no violation and no error.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import puppeteer, { type Browser } from 'puppeteer-core';
import { defaultElementsPaths } from '../src/demo/elements-bundle.js';
import { startServer, type RunningServer } from '../src/server.js';
import { watchPage } from './browser.js';
import { openWalk } from './harness.js';
import { CHROMIUM_ARGS, findChromium } from '../../../chromium.config.mjs';

const chromium = findChromium();
const bundle = defaultElementsPaths().dir;
const skip = !chromium
  ? 'Chromium is not installed'
  : !(bundle !== undefined && existsSync(`${bundle}/gusp-walk-signup.js`))
    ? 'the elements’ bundle is not built (pnpm --filter @gusp/elements bundle)'
    : false;

describe('the walk’s page in Chromium (issue 11)', { skip }, () => {
  let server: RunningServer;
  let browser: Browser;
  before(async () => {
    server = await startServer({});
    browser = await puppeteer.launch({ executablePath: chromium as string, headless: true, args: [...CHROMIUM_ARGS, '--lang=fr-FR'] });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('renders the sign-up element under the page’s CSP, with no violation', async () => {
    const id = await openWalk(server.gusp, { quartierId: 'le-plan' });
    const found = await server.gusp.walks.get(id);
    assert.ok(found.ok);
    const page = await browser.newPage();
    const { problems, violations } = await watchPage(page);
    try {
      const answer = await page.goto(`${server.url}/marches/${id}`, { waitUntil: 'load' });
      assert.match(answer?.headers()['content-security-policy'] ?? '', /script-src 'self'/);
      await page.waitForFunction(
        (title: string) => (document.querySelector('gusp-walk-signup')?.shadowRoot?.textContent ?? '').includes(title),
        { timeout: 15_000, polling: 50 },
        found.value.walk.title ?? '',
      );
      assert.equal(await page.$eval('h1', (h) => h.textContent), found.value.walk.title);
      assert.deepEqual(await violations(), []);
      assert.deepEqual(problems, []);
    } finally {
      await page.close();
    }
  });
});
