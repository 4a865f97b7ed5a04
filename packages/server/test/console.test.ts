// SPDX-License-Identifier: EUPL-1.2
/**
 * The back office at /gestion (routes/console.ts): the page and its bundle over real HTTP, then in
 * Chromium the whole way in: the demo coordinator's sign-in link (what `pnpm start` prints) opens
 * the console against this real server (its staff API, its session cookie and CSRF check, its
 * walks and coverage on PGlite), under the pages' CSP, and signs out; and an agent signs in with
 * the keyboard alone from the 6-digit code of the real sign-in email (an SMTP server of the test).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { CONSOLE_BUNDLE_PATH } from '../src/routes/console.js';
import { seedValence } from '../src/seed/valence.js';
import { startServer, type RunningServer } from '../src/server.js';
import { consoleSkip as skip, frenchPage, launchChromium, watchPage } from './browser.js';
import { notifyingTo, startSmtpCapture, to, type SmtpCapture } from './smtp-capture.js';

describe('the back office at /gestion', () => {
  let server: RunningServer;
  let mailbox: SmtpCapture;
  before(async () => {
    mailbox = await startSmtpCapture();
    server = await startServer({ beforeListen: (gusp) => seedValence(gusp.store), notifications: notifyingTo(mailbox) });
  });
  after(async () => {
    await server?.close();
    await mailbox?.close();
  });

  test('GET /gestion and the sign-in links’ /gestion/connexion answer the page: one module script, no inline script', async () => {
    for (const path of ['/gestion', '/gestion/connexion?token=abcdefghijklmnopqrstuvwxyz']) {
      const r = await fetch(`${server.url}${path}`);
      assert.equal(r.status, 200, path);
      assert.match(r.headers.get('content-type') ?? '', /^text\/html/, path);
      assert.match(r.headers.get('content-security-policy') ?? '', /(^|; )script-src 'self'(;|$)/, path);
      assert.equal(r.headers.get('cache-control'), 'no-store', path);
      const body = await r.text();
      const scripts = [...body.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
      assert.deepEqual(scripts, [`<script type="module" src="${CONSOLE_BUNDLE_PATH}">`], path);
      assert.match(body, /<gusp-console endpoint="\/api"><\/gusp-console>/);
      assert.match(body, /<html lang="fr">/);
      assert.doesNotMatch(body, /class="warning"/, 'the bundle is built (scripts/ensure-console-bundle.mjs)');
    }
    // In the browser's language: English for Accept-Language: en, French otherwise.
    const english = await (await fetch(`${server.url}/gestion`, { headers: { 'Accept-Language': 'en-GB,en;q=0.9' } })).text();
    assert.match(english, /<html lang="en">/);
    assert.match(english, /<title>GUSP — .+: back office<\/title>/);
    // A token in the URL never leaks to the next site.
    const landing = await fetch(`${server.url}/gestion/connexion?token=abcdefghijklmnopqrstuvwxyz`);
    assert.equal(landing.headers.get('referrer-policy'), 'no-referrer');
  });

  test('the bundle is served as JavaScript, revalidated by its ETag', async () => {
    const r = await fetch(`${server.url}${CONSOLE_BUNDLE_PATH}`);
    assert.equal(r.status, 200);
    assert.equal(r.headers.get('content-type'), 'text/javascript; charset=utf-8');
    assert.equal(r.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(r.headers.get('cache-control'), 'no-cache');
    const body = await r.text();
    for (const tag of ['gusp-console', 'gusp-console-sign-in', 'gusp-console-walks']) assert.ok(body.includes(`"${tag}"`), tag);
    const etag = r.headers.get('etag');
    assert.ok(etag);
    const again = await fetch(`${server.url}${CONSOLE_BUNDLE_PATH}`, { headers: { 'If-None-Match': etag } });
    assert.equal(again.status, 304);
    // Compressed on the way (fetch asks for br and gzip and decodes: the same text).
    assert.match(r.headers.get('content-encoding') ?? '', /^(br|gzip)$/);
    // The public pages never load it: the demo page's only script is the elements' bundle.
    const demo = await (await fetch(`${server.url}/`)).text();
    assert.doesNotMatch(demo, /gusp-console/);
  });

  test('in Chromium, the demo coordinator’s link opens the console on the walks, under the CSP, and signs out', { skip }, async () => {
    const link = await server.staff.demoCoordinatorLink();
    assert.match(link, /\/gestion\/connexion\?token=/);
    const browser = await launchChromium();
    try {
      const page = await frenchPage(browser);
      const { problems, violations } = await watchPage(page);
      // The link as emailed (its origin is the server's public URL).
      await page.goto(link.replace(new URL(link).origin, server.url), { waitUntil: 'load' });
      await page.waitForFunction(() => document.querySelector('gusp-console')?.getAttribute('state') === 'ready', { timeout: 15_000 });
      assert.equal(await page.evaluate(() => location.pathname + location.search), '/gestion', 'the token left the address');
      const shown = () =>
        page.evaluate(() => {
          const app = document.querySelector('gusp-console')!.shadowRoot!;
          const walks = app.querySelector('gusp-console-walks')?.shadowRoot;
          return {
            app: app.textContent ?? '',
            walks: walks?.textContent ?? '',
            uncovered: walks?.querySelectorAll('.coverage li').length ?? 0,
          };
        });
      await page.waitForFunction(
        () =>
          (document
            .querySelector('gusp-console')
            ?.shadowRoot?.querySelector('gusp-console-walks')
            ?.shadowRoot?.querySelectorAll('.coverage li').length ?? 0) > 0,
        { timeout: 15_000 },
      );
      const { app, walks, uncovered } = await shown();
      assert.match(app, /Connecté : .+, coordination/);
      assert.match(app, /Comptes/, 'a coordinator has the accounts screen');
      assert.match(walks, /Quartiers prioritaires en \d{4}/);
      assert.equal(uncovered, 5, 'Valence’s five priority quartiers, covered or not');
      // Sign out: a POST with the session's CSRF token and this origin, which the server checks.
      await page.evaluate(() =>
        document.querySelector('gusp-console')!.shadowRoot!.querySelector<HTMLButtonElement>('header button')!.click(),
      );
      await page.waitForFunction(() => document.querySelector('gusp-console')?.getAttribute('state') === 'signed-out', { timeout: 15_000 });
      const me = await page.evaluate(async () => (await fetch('/api/staff/me')).status);
      assert.equal(me, 401, 'the session has ended on the server');
      assert.deepEqual(await violations(), []);
      assert.deepEqual(
        problems.filter((p) => !/401|Failed to load resource/.test(p)),
        [],
      );
    } finally {
      await browser.close();
    }
  });

  test('in Chromium, an agent signs in with the keyboard alone, from the 6-digit code of the real email', { skip }, async () => {
    const address = 'agent.terrain@valence.example';
    await server.staff.invite({ email: address, name: 'Inès Terrain', role: 'agent', invitedBy: 'test', locale: 'fr' });
    const browser = await launchChromium();
    try {
      const page = await frenchPage(browser, { width: 360, height: 740 });
      await page.goto(`${server.url}/gestion`, { waitUntil: 'load' });
      await page.waitForFunction(() => document.querySelector('gusp-console')?.getAttribute('state') === 'signed-out', { timeout: 15_000 });
      const before = mailbox.messages.length;
      // Tab to the address field, type it, Enter; then the code field has the focus.
      const focused = () =>
        page.evaluate(() => {
          let active = document.activeElement;
          while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
          return active?.id ?? active?.localName;
        });
      for (let i = 0; i < 10 && (await focused()) !== 'email'; i++) await page.keyboard.press('Tab');
      assert.equal(await focused(), 'email');
      await page.keyboard.type(address);
      await page.keyboard.press('Enter');
      await page.waitForFunction(
        () => {
          let active = document.activeElement;
          while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
          return active?.id === 'code';
        },
        { timeout: 15_000 },
      );
      // The sign-in email (not the invitation): its code.
      const deadline = Date.now() + 15_000;
      let code: string | undefined;
      while (!code && Date.now() < deadline) {
        const mail = mailbox.messages.slice(before).find((m) => to(m) === address);
        code = mail ? /\b(\d{6})\b/.exec(mail.text ?? '')?.[1] : undefined;
        if (!code) await new Promise((resolve) => setTimeout(resolve, 50));
      }
      assert.ok(code, 'the sign-in email carries a 6-digit code');
      await page.keyboard.type(code);
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.querySelector('gusp-console')?.getAttribute('state') === 'ready', { timeout: 15_000 });
      const menu = await page.evaluate(() =>
        [...document.querySelector('gusp-console')!.shadowRoot!.querySelectorAll('nav a')].map((a) => a.textContent?.trim()),
      );
      assert.deepEqual(menu, ['Diagnostics', 'Le jour J', 'À traiter', 'Tableau de bord'], 'an agent: no accounts screen');
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 360), 'no sideways scrolling at 360 px');
    } finally {
      await browser.close();
    }
  });
});
