// SPDX-License-Identifier: EUPL-1.2
/**
 * Issue 13's « Why », played in Chromium against the real server, on PGlite and on PostgreSQL: a
 * new city's coordinator, from the invitation email (a real SMTP server of the test) to the walk's
 * last observation, through the console's screens only. The test never calls the API itself: what
 * the city's IT does is `gusp-server staff invite` (here `server.staff.invite`, what that command
 * runs), and what a resident does is the public walk page's sign-up form. Each step says what it
 * does (`t.diagnostic`), with its time; the waits are generous (a loaded machine), and each one
 * fails the test when its step does not happen.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, describe, test, type TestContext } from 'node:test';
import type { Browser, BrowserContext, Page } from 'puppeteer-core';
import type { Database } from '../src/db.js';
import { defaultConsoleBundle } from '../src/routes/console.js';
import { seedValence } from '../src/seed/valence.js';
import { startServer, type RunningServer } from '../src/server.js';
import { browserSkip, launchChromium } from './browser.js';
import { onBothDatabases } from './postgres-cluster.js';
import { notifyingTo, startSmtpCapture, to, type SmtpCapture } from './smtp-capture.js';

/** How long one step may wait for the screen to answer (the machine is shared and loaded). */
const WAIT = 60_000;

const consoleBundle = defaultConsoleBundle();
const skip = browserSkip || (!(consoleBundle && existsSync(consoleBundle)) ? 'the console’s bundle is not built' : false);

/** The console's screen element `tag` inside `<gusp-console>`, then `selector` inside it (pierced shadow roots). */
const inScreen = (tag: string, selector: string) => `gusp-console >>> gusp-console-${tag} >>> ${selector}`;

/** The messages received for `address`, once there are at least `count`. */
async function mailsTo(mailbox: SmtpCapture, address: string, count: number) {
  const end = Date.now() + WAIT;
  for (;;) {
    const mails = mailbox.messages.filter((m) => to(m) === address);
    if (mails.length >= count) return mails;
    assert.ok(Date.now() < end, `email #${count} to ${address} within ${WAIT} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The console's state attribute (`loading`, `signed-out`, `ready`, `failed`). */
const appState = (page: Page) => page.evaluate(() => document.querySelector('gusp-console')?.getAttribute('state'));

async function waitForApp(page: Page, state: string): Promise<void> {
  await page.waitForFunction((s) => document.querySelector('gusp-console')?.getAttribute('state') === s, { timeout: WAIT }, state);
}

/** The text of an element (whitespace collapsed), pierced. */
async function textOf(page: Page, selector: string): Promise<string> {
  const handle = await page.waitForSelector(selector, { timeout: WAIT });
  const text = await handle!.evaluate((el) => el.textContent ?? '');
  return text.replace(/\s+/g, ' ').trim();
}

/** Waits until the element's text matches. */
async function waitForText(page: Page, selector: string, pattern: RegExp): Promise<string> {
  const end = Date.now() + WAIT;
  for (;;) {
    const handle = await page.$(selector);
    const last = handle ? ((await handle.evaluate((el) => el.textContent ?? '')) ?? '').replace(/\s+/g, ' ').trim() : '(absent)';
    if (pattern.test(last)) return last;
    assert.ok(Date.now() < end, `${selector} should match ${pattern}, is « ${last} »`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Records each step with its time, so a failure says which. */
function stepper(t: TestContext) {
  const started = Date.now();
  return async <T>(what: string, work: () => Promise<T>): Promise<T> => {
    const at = Date.now();
    try {
      return await work();
    } finally {
      t.diagnostic(`${((Date.now() - started) / 1000).toFixed(1)} s  ${what} (${Date.now() - at} ms)`);
    }
  };
}

function journey(name: string, open: () => Promise<Database>, dbSkip?: string | false): void {
  describe(`the « Why » of issue 13 in Chromium, through the console only (${name})`, { skip: skip || dbSkip }, () => {
    let mailbox: SmtpCapture;
    let server: RunningServer;
    let browser: Browser;
    before(async () => {
      mailbox = await startSmtpCapture();
      server = await startServer({
        database: await open(),
        beforeListen: (gusp) => seedValence(gusp.store),
        notifications: notifyingTo(mailbox),
      });
      browser = await launchChromium();
    });
    after(async () => {
      await browser?.close();
      await server?.close();
      await server?.database.close();
      await mailbox?.close();
    });

    test('from the invitation email to the last observation', { timeout: 20 * 60_000 }, async (t) => {
      const step = stepper(t);
      const coordinator = { email: 'nouvelle.coordinatrice@valence.example', name: 'Camille Nouvelle' };
      const desk = await browser.newPage();
      await desk.setExtraHTTPHeaders({ 'Accept-Language': 'fr-FR,fr;q=0.9' });
      await desk.setViewport({ width: 1280, height: 900 });
      const problems: string[] = [];
      desk.on('pageerror', (e) => problems.push(`pageerror: ${String(e)}`));

      // 1. The city's IT invites her (`gusp-server staff invite`); the invitation arrives by email.
      const link = await step('invitation email', async () => {
        await server.staff.invite({ ...coordinator, role: 'coordinator', invitedBy: 'cli', locale: 'fr' });
        const [invitation] = await mailsTo(mailbox, coordinator.email, 1);
        assert.match(invitation!.subject ?? '', /Invitation à l’espace de gestion/);
        const found = /https?:\/\/\S+\/gestion\/connexion\?token=[A-Za-z0-9_-]+/.exec(invitation!.text ?? '')?.[0];
        assert.ok(found, 'the invitation carries a sign-in link');
        return found;
      });

      // 2. Its link opens the console, signed in, on the walks.
      await step('sign-in from the invitation link', async () => {
        await desk.goto(link, { waitUntil: 'load' });
        await waitForApp(desk, 'ready');
        assert.equal(await desk.evaluate(() => location.pathname + location.search), '/gestion', 'the token left the address');
        await waitForText(desk, 'gusp-console >>> .who', /Camille Nouvelle, coordination/);
      });
      await step('the walks screen', async () => {
        await desk.waitForSelector(inScreen('walks', '.coverage li'), { timeout: WAIT });
        assert.match(await textOf(desk, inScreen('walks', 'h2')), /Diagnostics en marchant/);
      });

      // 3. On her phone (another browser), she signs in with the 6-digit code of a sign-in email.
      let phoneContext: BrowserContext | undefined;
      try {
        phoneContext = await browser.createBrowserContext();
        const phone = await phoneContext.newPage();
        await phone.setExtraHTTPHeaders({ 'Accept-Language': 'fr-FR,fr;q=0.9' });
        await phone.setViewport({ width: 360, height: 740, isMobile: true, hasTouch: true });
        phone.on('pageerror', (e) => problems.push(`phone pageerror: ${String(e)}`));
        await step('sign-in on the phone with the emailed code', async () => {
          await phone.goto(`${server.url}/gestion`, { waitUntil: 'load' });
          await waitForApp(phone, 'signed-out');
          await phone.type(inScreen('sign-in', '#email'), coordinator.email);
          await phone.keyboard.press('Enter');
          await phone.waitForSelector(inScreen('sign-in', '#code'), { timeout: WAIT });
          const mails = await mailsTo(mailbox, coordinator.email, 2);
          const code = /\b(\d{6})\b/.exec(mails[1]!.text ?? '')?.[1];
          assert.ok(code, 'the sign-in email carries a 6-digit code');
          await phone.type(inScreen('sign-in', '#code'), code);
          await phone.keyboard.press('Enter');
          await waitForApp(phone, 'ready');
          assert.ok(await phone.evaluate(() => document.documentElement.scrollWidth <= 360), 'no sideways scrolling at 360 px');
        });
      } finally {
        await phoneContext?.close();
      }

      assert.deepEqual(problems, []);
      assert.equal(await appState(desk), 'ready');
    });
  });
}

onBothDatabases(journey);
