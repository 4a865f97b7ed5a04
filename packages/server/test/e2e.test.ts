// SPDX-License-Identifier: EUPL-1.2
/**
 * End to end, in headless Chromium (puppeteer-core on the system Chromium):
 * the demo page served by the real server (PGlite, Valence seeded), with the
 * three real elements from `@gusp/elements`' bundle.
 *
 * 1. sign up (confirmed); the last seat taken from another browser context;
 *    sign up again (waitlisted, with its position);
 * 2. an observation with a photo reported while the API is unreachable (the
 *    browser's requests to /api fail): kept on the device, then sent once the
 *    API is back, and recorded exactly once (checked through the API);
 * 3. a staff update of an engagement through the staff API (bearer token)
 *    appears in the tracker, without reloading the page.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'puppeteer-core';
import type { Engagement } from '@gusp/core';
import { createToken } from '../src/auth.js';
import { seedValence } from '../src/seed/valence.js';
import { startServer, type RunningServer } from '../src/server.js';
import { call } from './harness.js';
import { browserSkip, coordinatorHeaders, fillSignup, launchChromium, openSignup, publishStaffWalk, signupOf } from './browser.js';

const skip = browserSkip;

/**
 * Text of an element's shadow root (the elements render there), or of an element inside one; `selector` may be a
 * path through shadow roots, `gusp-walk-list >>> gusp-walk-signup` (the form the walk list opens).
 */
const shadowText = (page: Page, selector: string) =>
  page.evaluate((path: string) => {
    let node: Element | null | undefined = document.documentElement;
    for (const part of path.split(' >>> ')) node = (node === document.documentElement ? document : node?.shadowRoot)?.querySelector(part);
    return ((node?.shadowRoot ?? node)?.textContent ?? '').replace(/\s+/g, ' ');
  }, selector);

async function waitForShadowText(page: Page, selector: string, text: string, timeout = 15_000): Promise<void> {
  await page
    .waitForFunction(
      (path: string, t: string) => {
        let node: Element | null | undefined = document.documentElement;
        for (const part of path.split(' >>> '))
          node = (node === document.documentElement ? document : node?.shadowRoot)?.querySelector(part);
        return ((node?.shadowRoot ?? node)?.textContent ?? '').replace(/\s+/g, ' ').includes(t);
      },
      { timeout, polling: 50 },
      selector,
      text,
    )
    .catch(async (e: unknown) => {
      throw new Error(`« ${text} » not shown by ${selector}; it shows: ${await shadowText(page, selector).catch(() => '(nothing)')}`, {
        cause: e,
      });
    });
}

/** The walk's card in the list. */
const cardOf = (walkId: string) => `gusp-walk-list >>> li:has(#open-${walkId})`;

/** Fills and sends the sign-up form of one walk, opened from the walk list. */
async function signUp(page: Page, walkId: string, name: string, email: string): Promise<void> {
  await fillSignup(page, walkId, name, email);
  await page.click(`${signupOf(walkId)} >>> button[type="submit"]`);
}

describe('end to end: the demo page in Chromium', { skip }, () => {
  let server: RunningServer;
  let browser: Browser;
  let coordinator: Record<string, string>;
  let oph: Record<string, string>;
  let walkId: string;

  before(async () => {
    server = await startServer({ beforeListen: (gusp) => seedValence(gusp.store) });
    coordinator = await coordinatorHeaders(server);
    oph = { authorization: `Bearer ${(await createToken(server.database.sql, { role: 'organisation', organisationId: 'oph' })).token}` };
    // A walk of two seats, scheduled and published through the staff API.
    walkId = await publishStaffWalk(server, coordinator, {
      quartierId: 'le-plan',
      title: 'Diagnostic en marchant — essai',
      inDaysFromNow: 20,
      capacity: 2,
      meetingPoint: 'Square des Bleuets',
    });
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  const open = async (context: BrowserContext): Promise<Page> => {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${server.url}/`, { waitUntil: 'load' });
    await page.waitForFunction(
      () => ['gusp-walk-list', 'gusp-walk-signup', 'gusp-issue-form', 'gusp-engagement-tracker'].every((t) => customElements.get(t)),
      { timeout: 15_000 },
    );
    assert.deepEqual(errors, []);
    return page;
  };

  test('the page loads the three elements from one bundle, wired to /api', async () => {
    const page = await open(browser.defaultBrowserContext());
    const scripts = await page.$$eval('script', (s) => s.map((x) => [x.type, x.getAttribute('src')]));
    // The bundle's content-hashed copy when the build made one (issue 12); inline JSON data is not a script that runs.
    assert.deepEqual(
      scripts.filter(([type]) => type !== 'application/json').map(([type, src]) => [type, src?.replace(/\.[0-9a-f]{10}\.js$/, '.js')]),
      [['module', '/elements/gusp-elements.js']],
    );
    const endpoints = await page.$$eval('gusp-walk-list, gusp-walk-signup, gusp-issue-form, gusp-engagement-tracker', (els) => [
      ...new Set(els.map((e) => e.getAttribute('endpoint'))),
    ]);
    assert.deepEqual(endpoints, ['/api']);
    await waitForShadowText(page, cardOf(walkId), 'Il reste 2 places');
    await openSignup(page, walkId);
    await waitForShadowText(page, signupOf(walkId), 'Il reste 2 places');
    await waitForShadowText(page, 'gusp-issue-form', 'Thématique');
    await waitForShadowText(page, 'gusp-engagement-tracker', 'engagements');
    await page.close();
  });

  test('sign up (confirmed), the last seat taken elsewhere, sign up again (waitlisted with its position)', async () => {
    const el = signupOf(walkId);
    const mine = await open(browser.defaultBrowserContext());
    await signUp(mine, walkId, 'Amina Haddad', 'amina@example.org');
    await waitForShadowText(mine, el, 'Votre inscription est confirmée');
    assert.match(await mine.$eval(`${el} >>> .confirmation a[href*="/annulation?"]`, (a) => a.getAttribute('href') ?? ''), /token=/);

    const other = await browser.createBrowserContext();
    try {
      const theirs = await open(other);
      await waitForShadowText(theirs, cardOf(walkId), 'Dernière place disponible');
      await openSignup(theirs, walkId);
      await waitForShadowText(theirs, el, 'Dernière place disponible');
      await signUp(theirs, walkId, 'Paul Martin', 'paul@example.org');
      await waitForShadowText(theirs, el, 'Votre inscription est confirmée');
    } finally {
      await other.close();
    }

    await mine.reload({ waitUntil: 'load' });
    await waitForShadowText(mine, cardOf(walkId), 'Complet');
    await openSignup(mine, walkId);
    await waitForShadowText(mine, el, 'complet');
    await signUp(mine, walkId, 'Louise Roux', 'louise@example.org');
    await waitForShadowText(mine, el, 'Vous êtes en position 1 sur la liste d’attente');
    await mine.close();

    const summary = await call(server.url, 'GET', `/api/walks/${walkId}`);
    assert.deepEqual([summary.body.confirmed, summary.body.waitlisted, summary.body.seatsLeft], [2, 1, 0]);
  });

  test('an observation with a photo, reported while the API is unreachable, arrives once it is back', async () => {
    const description = `Encombrants devant le local vélo (${Date.now()})`;
    const page = await open(browser.defaultBrowserContext());
    const form = 'gusp-issue-form';
    let apiDown = true;
    let refused = 0;
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      if (apiDown && new URL(request.url()).pathname.startsWith('/api/') && request.method() === 'POST') {
        refused++;
        void request.abort('connectionrefused');
      } else void request.continue();
    });
    await page.waitForSelector(`${form} >>> #theme`);
    await page.click(`${form} >>> #polarity-problem`);
    await page.select(`${form} >>> #theme`, 'nettoyage');
    await page.type(`${form} >>> #description`, description);
    await page.select(`${form} >>> #quartier`, 'le-plan');
    await page.type(`${form} >>> #address`, 'Rue des Bleuets, local vélo');
    // A real photo, made by the browser (the element decodes and re-encodes it).
    await page.$eval(`${form} >>> #photos`, async (input) => {
      const canvas = document.createElement('canvas');
      canvas.width = 640;
      canvas.height = 480;
      const g = canvas.getContext('2d') as CanvasRenderingContext2D;
      g.fillStyle = '#3a7';
      g.fillRect(0, 0, 640, 480);
      g.fillStyle = '#fff';
      g.fillRect(200, 150, 240, 180);
      const blob = await new Promise<Blob>((resolve) => canvas.toBlob((b) => resolve(b as Blob), 'image/jpeg', 0.9));
      const transfer = new DataTransfer();
      transfer.items.add(new File([blob], 'encombrants.jpg', { type: 'image/jpeg' }));
      (input as HTMLInputElement).files = transfer.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await page.$eval(form, (el) => (el as unknown as { photosReady: Promise<void> }).photosReady);
    assert.equal(await page.$$eval(`${form} >>> [part="photos"] img`, (imgs) => imgs.length), 1);
    await page.click(`${form} >>> button[type="submit"]`);
    await waitForShadowText(page, form, 'Pas de réseau pour le moment');
    await waitForShadowText(page, form, 'Envoyer maintenant');
    assert.ok(refused >= 1, 'the browser tried and failed');
    const mine = async () =>
      (
        (await call(server.url, 'GET', '/api/observations?quartier=le-plan')).body.observations as {
          id: string;
          description: string;
          photos: { url: string; mediaType: string }[];
        }[]
      ).filter((o) => o.description === description);
    assert.deepEqual(await mine(), [], 'nothing arrived while the API was unreachable');

    // The API is back: « Envoyer maintenant » (also done on `online` and on the next visit).
    apiDown = false;
    await page.click(`${form} >>> .pending button`);
    await page.waitForFunction(
      (sel: string) => !document.querySelector(sel)?.shadowRoot?.querySelector('.pending'),
      { timeout: 15_000 },
      form,
    );
    // A second flush (a reload) must not send it again.
    await page.reload({ waitUntil: 'load' });
    await page.$eval(form, (el) => (el as unknown as { loaded: Promise<void> }).loaded);
    const arrived = await mine();
    assert.equal(arrived.length, 1, 'recorded exactly once');
    assert.equal(arrived[0]?.photos.length, 1);
    const photo = await fetch(arrived[0]?.photos[0]?.url as string);
    assert.equal(photo.status, 200);
    assert.equal(photo.headers.get('content-type'), 'image/jpeg');
    await page.close();
  });

  test('a staff update of an engagement appears in the tracker', async () => {
    const page = await open(browser.defaultBrowserContext());
    const tracker = 'gusp-engagement-tracker';
    const { engagements } = (await call(server.url, 'GET', '/api/engagements')).body as { engagements: Engagement[] };
    const target = engagements.find((e) => e.organisationId === 'oph' && e.status === 'in-progress');
    assert.ok(target, 'the seed has an engagement of the OPH in progress');
    await waitForShadowText(page, tracker, target.title);
    assert.doesNotMatch(await shadowText(page, tracker), /Avancement : 85 %/);
    const updated = await call(server.url, 'POST', `/api/engagements/${target.id}/progress`, {
      body: { percent: 85, note: 'Bacs livrés dans trois halls sur quatre' },
      headers: oph,
    });
    assert.equal(updated.status, 200, JSON.stringify(updated.body));
    // The demo page's tracker reloads its engagements every 5 s (`refresh="5"`): the update appears, no reload.
    await waitForShadowText(page, tracker, 'Avancement : 85 %');
    await page.close();
  });
});
