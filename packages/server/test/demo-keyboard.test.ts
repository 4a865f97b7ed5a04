// SPDX-License-Identifier: EUPL-1.2
/**
 * The demo page on a phone and with the keyboard alone, in headless Chromium
 * (puppeteer-core on the system Chromium), served by the real server (PGlite,
 * Valence seeded) with the elements' real bundle:
 *
 * 1. at 390 × 844 px, the walks are short cards of `<gusp-walk-list>` and the
 *    report form starts within two screens of the top (it was nine screens
 *    down under four complete sign-up forms);
 * 2. keyboard events only (Tab, Enter, Space, arrows, typing): a sign-up from
 *    the walk list, then an observation, with the focus never on `<body>`
 *    (neither `document.activeElement` nor the deep active element inside
 *    shadow roots) from the first Tab to the last confirmation.
 *
 * Set GUSP_SCREENSHOTS=<dir> to keep screenshots of the page at 390 px.
 */
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, KeyInput, Page } from 'puppeteer-core';
import { seedValence } from '../src/seed/valence.js';
import { startServer, type RunningServer } from '../src/server.js';
import { call } from './harness.js';
import { browserSkip, coordinatorHeaders, launchChromium, publishStaffWalk } from './browser.js';

const skip = browserSkip;

const PHONE = { width: 390, height: 844 };
const screenshots = process.env.GUSP_SCREENSHOTS;

/** Where the focus is: `document.activeElement`, and the deepest active element through open shadow roots. */
interface Focus {
  readonly top: string;
  readonly deep: string;
  readonly id: string;
  readonly part: string;
  readonly type: string;
  readonly checked: boolean;
  readonly text: string;
}

const focusOf = (page: Page): Promise<Focus> =>
  page.evaluate(() => {
    const top = document.activeElement;
    let deep = top;
    while (deep?.shadowRoot?.activeElement) deep = deep.shadowRoot.activeElement;
    const d = deep as HTMLInputElement | null;
    return {
      top: top?.localName ?? 'none',
      deep: d?.localName ?? 'none',
      id: d?.id ?? '',
      part: d?.getAttribute('part') ?? '',
      type: d?.getAttribute('type') ?? '',
      checked: d?.checked === true,
      text: (d?.textContent ?? '').replace(/\s+/g, ' ').trim(),
    };
  });

describe('the demo page on a phone and with the keyboard alone', { skip }, () => {
  let server: RunningServer;
  let browser: Browser;
  let walkId: string;

  before(async () => {
    server = await startServer({ beforeListen: (gusp) => seedValence(gusp.store) });
    const coordinator = await coordinatorHeaders(server);
    walkId = await publishStaffWalk(server, coordinator, {
      quartierId: 'chamberliere',
      title: 'Diagnostic en marchant — au clavier',
      inDaysFromNow: 25,
      capacity: 6,
      meetingPoint: 'Place Saint-Jean',
    });
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  /** The demo page at 390 × 844, once the list has its cards and the report form its fields. */
  async function openPhone(): Promise<Page> {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.setViewport(PHONE);
    await page.goto(`${server.url}/`, { waitUntil: 'load' });
    await page.waitForSelector('gusp-walk-list >>> .card', { timeout: 15_000 });
    await page.waitForSelector('gusp-issue-form >>> form', { timeout: 15_000 });
    assert.deepEqual(errors, []);
    return page;
  }

  test('at 390 px wide, the walks are short cards and the report form starts within two screens', async () => {
    const page = await openPhone();
    const upcoming = (await call(server.url, 'GET', '/api/walks?upcoming=1')).body.walks as unknown[];
    const cards = await page.$$eval('gusp-walk-list', (lists) => lists.map((l) => l.shadowRoot?.querySelectorAll('.card').length ?? 0));
    assert.deepEqual(cards, [upcoming.length]);
    assert.ok(upcoming.length >= 4, 'the seed’s walks and the one of this test');
    // No named function inside: tsx would wrap it in a helper the page does not have.
    const layout = await page.evaluate(() => ({
      reportTitle: (document.getElementById('report-title')?.getBoundingClientRect().top ?? Number.NaN) + window.scrollY,
      reportForm: (document.querySelector('gusp-issue-form')?.getBoundingClientRect().top ?? Number.NaN) + window.scrollY,
      firstQuestion:
        (document.querySelector('gusp-issue-form')?.shadowRoot?.querySelector('fieldset, select, input')?.getBoundingClientRect().top ??
          Number.NaN) + window.scrollY,
      height: document.documentElement.scrollHeight,
      width: document.documentElement.scrollWidth,
    }));
    console.log(
      `demo at 390 px: report title at ${Math.round(layout.reportTitle)} px, first question at ${Math.round(layout.firstQuestion)} px, page ${layout.height} px`,
    );
    if (screenshots) {
      mkdirSync(screenshots, { recursive: true });
      await page.screenshot({
        path: join(screenshots, 'demo-390-first-two-screens.png'),
        clip: { x: 0, y: 0, width: 390, height: 2 * 844 },
      });
    }
    assert.ok(layout.width <= PHONE.width, `no horizontal scroll (${layout.width} px)`);
    // Its heading, its title and its first question are all within the first two screens.
    assert.ok(
      layout.firstQuestion + 100 <= 2 * PHONE.height,
      `the report form's first question is at ${Math.round(layout.firstQuestion)} px`,
    );
    assert.ok(layout.reportTitle < layout.reportForm);
    await page.close();
  });

  test('a sign-up from the walk list, then an observation, with keyboard events only and the focus never on <body>', async () => {
    const page = await openPhone();
    const description = `Tag sur le mur du gymnase (${Date.now()})`;
    const trail: Focus[] = [];
    const press = async (key: KeyInput): Promise<Focus> => {
      await page.keyboard.press(key);
      // Lit renders in a microtask, the element's focus moves after its update: let both settle.
      await new Promise((r) => setTimeout(r, 40));
      const focus = await focusOf(page);
      trail.push(focus);
      assert.notEqual(focus.top, 'body', `after ${key}, document.activeElement is <body> (${JSON.stringify(trail.slice(-4))})`);
      assert.notEqual(focus.deep, 'body', `after ${key}, the deep active element is <body>`);
      return focus;
    };
    /** Tabs forward until the focus matches, as a person would look for a control. */
    const tabTo = async (what: string, match: (f: Focus) => boolean, limit = 80): Promise<Focus> => {
      let focus = await focusOf(page);
      for (let i = 0; i < limit && !match(focus); i++) focus = await press('Tab');
      assert.ok(match(focus), `${what} not reached with Tab (last: ${JSON.stringify(focus)})`);
      return focus;
    };
    const waitFocus = (id: string) =>
      page.waitForFunction(
        (want: string) => {
          let deep = document.activeElement;
          while (deep?.shadowRoot?.activeElement) deep = deep.shadowRoot.activeElement;
          return deep?.id === want;
        },
        { timeout: 15_000, polling: 50 },
        id,
      );

    // 1. The walk's card, its « S’inscrire », the form it opens with the focus on the walk's name.
    const button = await tabTo('the walk’s « S’inscrire »', (f) => f.id === `open-${walkId}`);
    assert.match(button.text, /^S’inscrire : Diagnostic en marchant — au clavier, /);
    await press('Enter');
    await waitFocus('title');
    assert.equal((await focusOf(page)).text, 'Diagnostic en marchant — au clavier');
    if (screenshots) await page.screenshot({ path: join(screenshots, 'demo-390-signup-opened.png') });
    await tabTo('the name field', (f) => f.id === 'name', 3);
    await page.keyboard.type('Awa Diallo');
    await press('Tab');
    assert.equal((await focusOf(page)).id, 'email');
    await page.keyboard.type('awa.diallo@example.org');
    await tabTo('the consent box', (f) => f.id === 'consent', 6);
    await press('Space');
    await tabTo('the submit button', (f) => f.type === 'submit', 3);
    await press('Enter');
    await waitFocus('confirmation-title');
    const registrations = await call(server.url, 'GET', `/api/walks/${walkId}`);
    assert.equal(registrations.body.confirmed, 1);

    // 2. On to the report form: a problem, a theme, a description, a quartier and a place in words.
    const polarity = await tabTo('the report form', (f) => f.id.startsWith('polarity-'));
    if (!polarity.checked) await press('Space');
    for (let i = 0; i < 3 && (await focusOf(page)).id !== 'polarity-problem'; i++) await press('ArrowRight');
    assert.deepEqual([(await focusOf(page)).id, (await focusOf(page)).checked], ['polarity-problem', true]);
    await tabTo('the theme', (f) => f.id === 'theme', 3);
    await press('ArrowDown');
    await tabTo('the description', (f) => f.id === 'description', 3);
    await page.keyboard.type(description);
    await tabTo('the quartier', (f) => f.id === 'quartier', 4);
    await press('ArrowDown');
    await tabTo('the address', (f) => f.id === 'address', 6);
    await page.keyboard.type('Gymnase, mur côté rue');
    await tabTo('the report’s submit button', (f) => f.type === 'submit' && f.part === 'submit', 20);
    await press('Enter');
    await page
      .waitForFunction(
        () => (document.querySelector('gusp-issue-form')?.shadowRoot?.textContent ?? '').includes('Votre observation est enregistrée'),
        { timeout: 15_000, polling: 50 },
      )
      .catch(async (e: unknown) => {
        const shown = await page.$eval('gusp-issue-form', (el) => (el.shadowRoot?.textContent ?? '').replace(/\s+/g, ' '));
        throw new Error(`the observation was not recorded; the form shows: ${shown}`, { cause: e });
      });
    const after = await focusOf(page);
    assert.notEqual(after.top, 'body');
    assert.notEqual(after.deep, 'body');
    const observations = (await call(server.url, 'GET', '/api/observations')).body.observations as { description: string }[];
    assert.equal(observations.filter((o) => o.description === description).length, 1);
    assert.ok(trail.length > 10);
    assert.ok(!trail.some((f) => f.top === 'body' || f.deep === 'body'));
    await page.close();
  });
});
