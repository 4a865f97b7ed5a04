// SPDX-License-Identifier: EUPL-1.2
/**
 * Issue 11, embedding: a city's page on another site loads the bundle from the GUSP server
 * exactly as docs/webmasters.md shows (its « A plain HTML page » example, read from the guide,
 * only the server's address and the walk id replaced), and the sign-up element renders the
 * walk. A module script from another origin is a CORS request: without
 * `Access-Control-Allow-Origin` on `/elements/*`, Chromium refuses it (it did, even with
 * `--cors-origin`). Two hosts on loopback (`www.ville.test` serves the page, `gusp.test` is the
 * server), mapped by Chromium's resolver rules: another site, as in production.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'puppeteer-core';
import { startServer, type RunningServer } from '../src/server.js';
import { openWalk } from './harness.js';
import { browserSkip, launchChromium } from './browser.js';

const skip = browserSkip;

const guide = readFileSync(fileURLToPath(new URL('../../../docs/webmasters.md', import.meta.url)), 'utf8');
/** The guide's plain page, as a webmaster copies it. */
const plainPage = /## A plain HTML page[\s\S]*?```html\n([\s\S]*?)```/.exec(guide)?.[1] ?? '';
const GUIDE_SERVER = 'https://gusp.ville.fr';
/** The quartier the guide's walk list shows: the test's walk is planned there. */
const GUIDE_QUARTIER = /<gusp-walk-list[^>]*quartier="([^"]+)"/.exec(plainPage)?.[1] ?? '';

describe('the bundle on another site, as docs/webmasters.md shows it (Chromium)', { skip }, () => {
  let host: Server;
  let hostPort: number;
  let server: RunningServer;
  let browser: Browser;
  let walkId: string;
  let title: string;

  before(async () => {
    assert.match(plainPage, /<script type="module" src="https:\/\/gusp\.ville\.fr\/elements\/gusp-elements\.js"><\/script>/);
    assert.ok(GUIDE_QUARTIER, 'the guide’s page lists the walks of a quartier');
    let page = '';
    host = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(page);
    });
    await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', () => resolve()));
    hostPort = (host.address() as AddressInfo).port;
    // Proof of work on, as a server off loopback has it: the sign-up's X-Altcha header crosses origins too.
    // A free port first, so the server's public URL is the name the page uses (the challenge URL it hands out is absolute).
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', () => resolve()));
    const port = (probe.address() as AddressInfo).port;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    server = await startServer({
      port,
      publicUrl: `http://gusp.test:${port}`,
      corsOrigins: [`http://www.ville.test:${hostPort}`],
      proofOfWork: true,
    });
    walkId = await openWalk(server.gusp, { quartierId: GUIDE_QUARTIER });
    const found = await server.gusp.walks.get(walkId);
    title = found.ok ? (found.value.walk.title ?? '') : '';
    assert.ok(title);
    const gusp = `http://gusp.test:${server.port}`;
    page = plainPage.replaceAll(GUIDE_SERVER, gusp);
    browser = await launchChromium([
      '--host-resolver-rules=MAP gusp.test 127.0.0.1, MAP www.ville.test 127.0.0.1, MAP autre.test 127.0.0.1',
      // A city's site is https, a secure context, where the proof of work's crypto.subtle exists; http stands for it here.
      `--unsafely-treat-insecure-origin-as-secure=http://www.ville.test:${hostPort},http://gusp.test:${port}`,
    ]);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    await new Promise<void>((resolve) => (host ? host.close(() => resolve()) : resolve()));
  });

  /** Opens the host page at `origin`; what the console and the page said. */
  async function open(origin: string): Promise<{ page: Page; messages: string[] }> {
    const page = await browser.newPage();
    const messages: string[] = [];
    page.on('console', (m) => messages.push(m.text()));
    page.on('pageerror', (e) => messages.push(String(e)));
    page.on('requestfailed', (r) => messages.push(`failed: ${r.url()} ${r.failure()?.errorText ?? ''}`));
    await page.goto(`${origin}/`, { waitUntil: 'load' });
    return { page, messages };
  }

  test('an allowed site: the bundle loads, the elements are defined and the walk list shows the walk', async () => {
    const { page, messages } = await open(`http://www.ville.test:${hostPort}`);
    try {
      await page.waitForFunction(
        () => ['gusp-walk-list', 'gusp-walk-signup', 'gusp-issue-form', 'gusp-engagement-tracker'].every((t) => customElements.get(t)),
        { timeout: 15_000 },
      );
      await page.waitForFunction(
        (t: string) => (document.querySelector('gusp-walk-list')?.shadowRoot?.textContent ?? '').includes(t),
        { timeout: 15_000, polling: 50 },
        title,
      );
      const text = await page.$eval('gusp-walk-list', (el) => (el.shadowRoot?.textContent ?? '').replace(/\s+/g, ' '));
      assert.match(text, /Parvis des Bleuets/, 'its meeting point');
      assert.match(text, /Il reste 20 places/, 'its seats');
      assert.match(text, /S’inscrire/);
      assert.deepEqual(
        messages.filter((m) => /CORS|blocked|failed/i.test(m)),
        [],
        'nothing refused',
      );
    } finally {
      await page.close();
    }
  });

  test('from the allowed site, a resident signs up through the API on the other origin (preflight, proof of work)', async () => {
    const { page, messages } = await open(`http://www.ville.test:${hostPort}`);
    try {
      await page.waitForSelector(`gusp-walk-list >>> #open-${walkId}`, { timeout: 15_000 });
      await page.click(`gusp-walk-list >>> #open-${walkId}`);
      const el = `gusp-walk-list >>> gusp-walk-signup[walk-id="${walkId}"]`;
      await page.waitForSelector(`${el} >>> #name`, { timeout: 15_000 });
      await page.type(`${el} >>> #name`, 'Habitante Ailleurs');
      await page.type(`${el} >>> #email`, 'ailleurs@example.org');
      await page.click(`${el} >>> #consent`);
      await page.click(`${el} >>> button[type="submit"]`);
      await page
        .waitForFunction(
          () =>
            /confirmée/.test(
              document.querySelector('gusp-walk-list')?.shadowRoot?.querySelector('gusp-walk-signup')?.shadowRoot?.textContent ?? '',
            ),
          { timeout: 30_000, polling: 100 },
        )
        .catch(async (e: unknown) => {
          const text = await page.$eval(el, (x) => (x.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ')).catch(() => '');
          throw new Error(`no confirmation; the element shows: ${text}; the browser said: ${messages.join(' | ')}`, { cause: e });
        });
      const summary = await fetch(`${server.url}/api/walks/${walkId}`).then((r) => r.json() as Promise<{ confirmed: number }>);
      assert.equal(summary.confirmed, 1);
      assert.deepEqual(
        messages.filter((m) => /CORS|blocked/i.test(m)),
        [],
      );
    } finally {
      await page.close();
    }
  });

  test('/elements/* answers the allowed origin, a resource policy that agrees, and nothing to another origin', async () => {
    const allowed = `http://www.ville.test:${hostPort}`;
    const yes = await fetch(`${server.url}/elements/gusp-elements.js`, { headers: { origin: allowed } });
    assert.equal(yes.status, 200);
    assert.equal(yes.headers.get('access-control-allow-origin'), allowed);
    assert.match(yes.headers.get('vary') ?? '', /origin/i, 'caches keep one answer per origin');
    assert.equal(yes.headers.get('cross-origin-resource-policy'), 'cross-origin');
    assert.match(yes.headers.get('content-type') ?? '', /^text\/javascript/);
    const no = await fetch(`${server.url}/elements/gusp-walk-signup.js`, { headers: { origin: 'https://evil.example' } });
    assert.equal(no.status, 200);
    assert.equal(no.headers.get('access-control-allow-origin'), null);

    // Without --cors-origin, nobody else may: no CORS, and a same-origin resource policy.
    const alone = await startServer({ database: server.database });
    try {
      const own = await fetch(`${alone.url}/elements/gusp-elements.js`, { headers: { origin: allowed } });
      assert.equal(own.headers.get('access-control-allow-origin'), null);
      assert.equal(own.headers.get('cross-origin-resource-policy'), 'same-origin');
    } finally {
      await alone.close();
    }
  });

  test('a site that is not allowed: Chromium refuses the bundle, and the element stays undefined (what every site saw before)', async () => {
    const { page, messages } = await open(`http://autre.test:${hostPort}`);
    try {
      await new Promise((r) => setTimeout(r, 1500));
      assert.equal(await page.evaluate(() => customElements.get('gusp-walk-signup') === undefined), true);
      assert.ok(
        messages.some((m) => /CORS|Access-Control-Allow-Origin/i.test(m)),
        `Chromium says why: ${messages.join(' | ')}`,
      );
    } finally {
      await page.close();
    }
  });
});
