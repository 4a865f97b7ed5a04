// SPDX-License-Identifier: EUPL-1.2
/**
 * Issue 13's « Why », played in Chromium against the real server, on PGlite and on PostgreSQL: a
 * new city's coordinator, from the invitation email (a real SMTP server of the test) to the walk's
 * last observation, through the console's screens only. The test never calls the API itself: what
 * the city's IT does is `gusp-server staff invite` (here `server.staff.invite`, what that command
 * runs), and what a resident does is the public walk page's sign-up form. Each step says what it
 * does (`t.diagnostic`), with its time; the waits are generous (a loaded machine), and each one
 * fails the test when its step does not happen. Run by console-journey.test.ts (PGlite) and
 * console-journey-postgres.test.ts (PostgreSQL): one file each, as each takes most of a file's two
 * minutes on a loaded machine.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, describe, test, type TestContext } from 'node:test';
import type { Browser, Page } from 'puppeteer-core';
import type { Database } from '../src/db.js';
import { defaultConsoleBundle } from '../src/routes/console.js';
import { seedValence } from '../src/seed/valence.js';
import { startServer, type RunningServer } from '../src/server.js';
import { browserSkip, launchChromium } from './browser.js';
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

const MINUTE = 60_000;

/** `YYYY-MM-DDTHH:MM` in Paris (Valence's time zone): what a `datetime-local` field holds. */
const parisLocal = (at: number) =>
  new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/Paris',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  })
    .format(new Date(at))
    .replace(' ', 'T');

/** A field's value as a person picks it (a date and time picker): set, then its `input` and `change` events. */
async function setValue(page: Page, selector: string, value: string): Promise<void> {
  const handle = await page.waitForSelector(selector, { timeout: WAIT });
  await handle!.evaluate((el, v) => {
    (el as HTMLInputElement).value = v;
    el.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    el.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  }, value);
}

/** Clicks the element once it is there. */
async function clickOn(page: Page, selector: string): Promise<void> {
  await (await page.waitForSelector(selector, { timeout: WAIT }))!.click();
}

/** Types into the field once it is there. */
async function typeInto(page: Page, selector: string, text: string): Promise<void> {
  await (await page.waitForSelector(selector, { timeout: WAIT }))!.type(text);
}

/** Picks an option of the select once it is there. */
async function selectIn(page: Page, selector: string, value: string): Promise<void> {
  await (await page.waitForSelector(selector, { timeout: WAIT }))!.select(value);
}

/** Empties a text field with the keyboard, then types `text`. */
async function clearAndType(page: Page, selector: string, text: string): Promise<void> {
  const handle = await page.waitForSelector(selector, { timeout: WAIT });
  await handle!.click({ count: 3 });
  await page.keyboard.press('Backspace');
  if (text) await page.keyboard.type(text);
}

/** Follows a link of the screen (`link`), after clicking `from` when given (the navigation's); the address ends with `hash`. */
async function follow(page: Page, link: string, hash: string, from?: string): Promise<void> {
  if (from) await (await page.waitForSelector(from, { timeout: WAIT }))!.click();
  const handle = await page.waitForSelector(link, { timeout: WAIT });
  await handle!.click();
  await page.waitForFunction((h) => location.hash === h, { timeout: WAIT }, hash);
}

/**
 * Waits until nothing waits on the phone (`#day-pending` counts 0): what was kept offline leaves by
 * itself when the network returns, without « Envoyer maintenant » (the outboxes retry, with a backoff,
 * when the `online` event came before requests went through again).
 */
async function drained(phone: Page): Promise<void> {
  await phone.waitForSelector(inScreen('day', '#day-pending[data-count="0"]'), { timeout: WAIT });
}

const noSidewaysScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

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

/** The journey on one database (`open` gives it, migrated): console-journey.test.ts on PGlite, console-journey-postgres.test.ts on PostgreSQL. */
export function journey(name: string, open: () => Promise<Database>, dbSkip?: string | false): void {
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
      // French in every tab, the day sheet's too (headless Chromium asks for en-US whatever --lang says).
      browser = await launchChromium(['--accept-lang=fr-FR,fr']);
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
      const problems: string[] = [];
      const french = async (page: Page, width: number, height: number) => {
        await page.setExtraHTTPHeaders({ 'Accept-Language': 'fr-FR,fr;q=0.9' });
        await page.setViewport({ width, height, ...(width < 600 ? { isMobile: true, hasTouch: true } : {}) });
        page.on('pageerror', (e) => problems.push(`pageerror: ${String(e)}`));
        return page;
      };
      const desk = await french(await browser.newPage(), 1280, 900);
      // Her phone is another browser (its own cookies), in the street.
      const phoneContext = await browser.createBrowserContext();
      const phone = await french(await phoneContext.newPage(), 360, 740);
      // The residents sign up from their own browser.
      const residentContext = await browser.createBrowserContext();

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

      // 3. On her phone, she signs in with the 6-digit code of a sign-in email.
      await step('sign-in on the phone with the emailed code', async () => {
        await phone.goto(`${server.url}/gestion`, { waitUntil: 'load' });
        await waitForApp(phone, 'signed-out');
        await typeInto(phone, inScreen('sign-in', '#email'), coordinator.email);
        await phone.keyboard.press('Enter');
        await phone.waitForSelector(inScreen('sign-in', '#code'), { timeout: WAIT });
        const mails = await mailsTo(mailbox, coordinator.email, 2);
        const code = /\b(\d{6})\b/.exec(mails[1]!.text ?? '')?.[1];
        assert.ok(code, 'the sign-in email carries a 6-digit code');
        await typeInto(phone, inScreen('sign-in', '#code'), code);
        await phone.keyboard.press('Enter');
        await waitForApp(phone, 'ready');
        assert.ok(await noSidewaysScroll(phone), 'no sideways scrolling at 360 px');
      });

      // 4. She plans a walk today (so it can start within the half-hour the rules allow early), with four stops.
      const stops = ['Place Louis-Pergaud', 'Aire de jeux des Bleuets', 'Passage sous la rocade', 'Jardins familiaux'];
      const now = Date.now();
      const walkId = await step('planning a walk with four stops', async () => {
        await follow(desk, inScreen('walks', '#plan-walk'), '#plan');
        await desk.waitForSelector(inScreen('plan', '#walk-title'), { timeout: WAIT });
        await typeInto(desk, inScreen('plan', '#walk-title'), 'Diagnostic du Plan, secteur des Bleuets');
        await selectIn(desk, inScreen('plan', '#quartier'), 'le-plan');
        await setValue(desk, inScreen('plan', '#starts-at'), parisLocal(now + 25 * MINUTE));
        // Sign-ups stay open a quarter of an hour (the city's default deadline, two days before, is past).
        await setValue(desk, inScreen('plan', '#deadline'), parisLocal(now + 15 * MINUTE));
        await typeInto(desk, inScreen('plan', '#capacity'), '12');
        await typeInto(desk, inScreen('plan', '#meeting-point'), 'Devant la maison de quartier du Plan');
        for (const [i, label] of stops.entries()) {
          await clickOn(desk, inScreen('plan', '#add-stop'));
          await desk.waitForSelector(inScreen('plan', `#stop-label-${i}`), { timeout: WAIT });
          await typeInto(desk, inScreen('plan', `#stop-label-${i}`), label);
        }
        await clickOn(desk, inScreen('plan', '#save'));
        // Saved as a draft: the screen is the walk's (#plan/<id>), which can be published.
        const id = await desk.waitForFunction(() => /^#plan\/(.+)$/.exec(location.hash)?.[1], { timeout: WAIT });
        await desk.waitForSelector(inScreen('plan', '#publish'), { timeout: WAIT });
        return decodeURIComponent((await id.jsonValue()) as string);
      });
      await step('publishing', async () => {
        await clickOn(desk, inScreen('plan', '#publish'));
        await waitForText(desk, inScreen('plan', '#walk-status'), /Inscriptions ouvertes/);
        await desk.waitForSelector(inScreen('plan', '#walk-stops li'), { timeout: WAIT });
        const shown = await desk.$$eval(inScreen('plan', '#walk-stops li'), (items) => items.map((li) => li.textContent?.trim()));
        assert.deepEqual(shown, stops, 'the route, in order');
      });

      // 5. Residents sign up on the walk's public page (the public sign-up form).
      const residents = [
        { name: 'Nadia Habitante', email: 'nadia.habitante@example.org' },
        { name: 'Jules Voisin', email: 'jules.voisin@example.org' },
        { name: 'Odile Empêchée', email: 'odile.empechee@example.org' },
      ];
      await step('residents sign up on the public page', async () => {
        for (const resident of residents) {
          const page = await french(await residentContext.newPage(), 390, 800);
          await page.goto(`${server.url}/marches/${walkId}`, { waitUntil: 'load' });
          await page.waitForSelector('gusp-walk-signup >>> #name', { timeout: WAIT });
          await typeInto(page, 'gusp-walk-signup >>> #name', resident.name);
          await typeInto(page, 'gusp-walk-signup >>> #email', resident.email);
          await clickOn(page, 'gusp-walk-signup >>> #consent');
          await clickOn(page, 'gusp-walk-signup >>> button[type="submit"]');
          const [confirmation] = await mailsTo(mailbox, resident.email, 1);
          assert.match(confirmation!.text ?? '', /Diagnostic du Plan|Plan/);
          await page.close();
        }
      });

      // 6. The sign-ups arrive on the walk's registrations screen.
      const registrationOf = async (name: string) =>
        desk.$$eval(
          inScreen('registrations', 'li.registration'),
          (items, who) =>
            items.find((li) => li.querySelector('.who strong')?.textContent?.trim() === who)?.getAttribute('data-registration'),
          name,
        );
      await step('the sign-ups arrive on the registrations screen', async () => {
        await follow(desk, inScreen('plan', '#link-registrations'), `#registrations/${encodeURIComponent(walkId)}`);
        await desk.waitForFunction(
          (n) =>
            (document
              .querySelector('gusp-console')
              ?.shadowRoot?.querySelector('gusp-console-registrations')
              ?.shadowRoot?.querySelectorAll('li.registration').length ?? 0) >= n,
          { timeout: WAIT },
          residents.length,
        );
        for (const { name } of residents) assert.ok(await registrationOf(name), `${name} is listed`);
      });

      // 7. Someone phones in: she registers him (phone only).
      const phoneIn = { name: 'Marcel Téléphone', phone: '06 12 34 56 78' };
      await step('adding a phone-in person', async () => {
        await typeInto(desk, inScreen('registrations', '#phone-in-name'), phoneIn.name);
        await typeInto(desk, inScreen('registrations', '#phone-in-phone'), phoneIn.phone);
        await clickOn(desk, inScreen('registrations', '#phone-in-consent'));
        await clickOn(desk, inScreen('registrations', '#phone-in-submit'));
        await waitForText(desk, inScreen('registrations', '#phone-in-done'), /Marcel Téléphone/);
        await desk.waitForFunction(
          (who) =>
            [
              ...(document
                .querySelector('gusp-console')
                ?.shadowRoot?.querySelector('gusp-console-registrations')
                ?.shadowRoot?.querySelectorAll('li.registration .who strong') ?? []),
            ].some((s) => s.textContent?.trim() === who),
          { timeout: WAIT },
          phoneIn.name,
        );
      });

      // 8. Odile phones to say she cannot come: cancelled on her behalf, and told by email.
      await step('cancelling for another', async () => {
        const id = await registrationOf('Odile Empêchée');
        assert.ok(id);
        await clickOn(desk, inScreen('registrations', `button[data-cancel="${id}"]`));
        await desk.waitForSelector(inScreen('registrations', '#cancel-reason'), { timeout: WAIT });
        await typeInto(desk, inScreen('registrations', '#cancel-reason'), 'A appelé : empêchée ce jour-là');
        await clickOn(desk, inScreen('registrations', '#cancel-confirm'));
        await desk.waitForSelector(inScreen('registrations', `li.registration[data-registration="${id}"][data-status="cancelled"]`), {
          timeout: WAIT,
        });
        await mailsTo(mailbox, 'odile.empechee@example.org', 2);
      });

      // 9. The sheet for the day: the route and the attendance sheet, the phone-only person marked.
      await step('printing the day sheet', async () => {
        const opened = browser.waitForTarget((target) => target.url().includes('/day-sheet.html'), { timeout: WAIT });
        await clickOn(desk, inScreen('registrations', '#day-sheet'));
        const sheet = (await (await opened).page())!;
        await sheet.waitForFunction(() => document.readyState === 'complete', { timeout: WAIT });
        const text = (await sheet.evaluate(() => document.body.innerText)).replace(/\s+/g, ' ');
        for (const label of stops) assert.ok(text.includes(label), `the sheet's route has ${label}`);
        for (const name of ['Nadia Habitante', 'Jules Voisin', phoneIn.name]) assert.ok(text.includes(name), `${name} on the sheet`);
        assert.ok(!text.includes('Odile Empêchée'), 'a cancelled person is not on the attendance sheet');
        assert.match(text, /Feuille d’émargement/);
        assert.match(text, /Marcel Téléphone\s*téléphone seulement/i, 'the phone-only person is marked');
        const pdf = await sheet.pdf({ format: 'A4' });
        assert.ok(pdf.length > 1000, 'it prints');
        await sheet.close();
      });

      // 10. Registrations close (the walk starts soon).
      await step('closing registrations', async () => {
        await follow(
          desk,
          inScreen('walks', `li.walk[data-walk="${walkId}"] a[data-link="plan"]`),
          `#plan/${encodeURIComponent(walkId)}`,
          'gusp-console >>> nav a[href$="#walks"]',
        );
        await clickOn(desk, inScreen('plan', '#close-registrations'));
        await waitForText(desk, inScreen('plan', '#walk-status'), /Inscriptions closes/);
      });

      // 11. The walk day, on the phone: start.
      const day = (selector: string) => inScreen('day', selector);
      await step('starting the walk on the phone', async () => {
        await clickOn(phone, 'gusp-console >>> nav a[href$="#day"]');
        await phone.waitForSelector(day(`#day-open-${walkId}`), { timeout: WAIT });
        await clickOn(phone, day(`#day-open-${walkId}`));
        await phone.waitForSelector(day('#day-start'), { timeout: WAIT });
        await clickOn(phone, day('#day-start'));
        await phone.waitForSelector(day('#day-confirm'), { timeout: WAIT });
        await clickOn(phone, day('#day-confirm'));
        await phone.waitForSelector(day('#day-status[data-status="in-progress"]'), { timeout: WAIT });
        assert.ok(await noSidewaysScroll(phone), 'no sideways scrolling at 360 px');
      });

      // 12. Check-in: the three who came, at once; and one walk-in.
      await step('checking in three people', async () => {
        for (const name of ['Nadia', 'Jules', 'Marcel']) {
          await clearAndType(phone, day('#day-search'), name);
          const box = await phone.waitForFunction(
            (who) => {
              const root = document.querySelector('gusp-console')?.shadowRoot?.querySelector('gusp-console-day')?.shadowRoot;
              const label = [...(root?.querySelectorAll('#day-people label') ?? [])].find((l) => l.textContent?.includes(who));
              return label?.getAttribute('for');
            },
            { timeout: WAIT },
            name,
          );
          await clickOn(phone, day(`#${(await box.jsonValue()) as string}`));
        }
        await clearAndType(phone, day('#day-search'), '');
        await clickOn(phone, day('#day-checkin-submit'));
        await waitForText(phone, day('#day-checkin-said'), /3/);
        await waitForText(phone, day('#day-present'), /\b3\b/);
      });
      await step('one walk-in', async () => {
        await typeInto(phone, day('#day-walkin-name'), 'Rachid Passant');
        await clickOn(phone, day('#day-walkin-consent'));
        await clickOn(phone, day('#day-walkin-submit'));
        await waitForText(phone, day('#day-walkin-said'), /Rachid Passant/);
        await waitForText(phone, day('#day-present'), /\b4\b/);
      });

      // 13. Five observations at the stops, the network cut for two of them; sent once it returns.
      const form = (selector: string) => day(`#day-issue-form >>> ${selector}`);
      const observations = [
        { stop: 0, polarity: 'problem', text: 'Trottoir défoncé devant l’arrêt de bus', offline: false },
        { stop: 1, polarity: 'positive', text: 'Aire de jeux propre et fréquentée', offline: false },
        { stop: 2, polarity: 'problem', text: 'Éclairage en panne sous la rocade', offline: true },
        { stop: 2, polarity: 'problem', text: 'Tags sur le mur du passage', offline: true },
        { stop: 3, polarity: 'positive', text: 'Jardins entretenus par les habitants', offline: false },
      ];
      await step('five observations at the stops, two with the network cut', async () => {
        await phone.waitForSelector(form('#description'), { timeout: WAIT });

        const stopIds = await phone.$$eval(form('#stop option'), (options) =>
          options.map((o) => (o as HTMLOptionElement).value).filter(Boolean),
        );
        assert.equal(stopIds.length, 4, 'the form offers the walk’s four stops');
        const theme = await phone.$$eval(form('#theme option'), (options) => (options as HTMLOptionElement[]).find((o) => o.value)?.value);
        assert.ok(theme);
        for (const [i, o] of observations.entries()) {
          if (!o.offline && (await phone.evaluate(() => !navigator.onLine))) {
            // The network returns: what waits leaves by itself.
            await phone.setOfflineMode(false);
            await drained(phone);
          }
          await phone.setOfflineMode(o.offline);
          await selectIn(phone, form('#stop'), stopIds[o.stop]!);
          await selectIn(phone, form('#theme'), theme);
          await clickOn(phone, form(`#polarity-${o.polarity}`));
          await typeInto(phone, form('#description'), o.text);
          await clickOn(phone, form('button[type="submit"]'));
          // The text clears after each entry (walk, stop and theme stay).
          await phone.waitForFunction(
            (sel) => {
              const root = document.querySelector('gusp-console')?.shadowRoot?.querySelector('gusp-console-day')?.shadowRoot;
              const area = root?.querySelector('#day-issue-form')?.shadowRoot?.querySelector<HTMLTextAreaElement>(sel);
              return area?.value === '';
            },
            { timeout: WAIT },
            '#description',
          );
          t.diagnostic(`  observation ${i + 1} at stop ${o.stop + 1}${o.offline ? ', offline' : ''}`);
        }
        await drained(phone);
        // What is recorded, per stop, as the server has it: 1, 1, 2, 1.
        const perStop = await phone.waitForFunction(
          () => {
            const root = document.querySelector('gusp-console')?.shadowRoot?.querySelector('gusp-console-day')?.shadowRoot;
            const items = [...(root?.querySelectorAll('#day-captured li[data-stop]') ?? [])];
            const recorded = items.map((li) => Number(li.getAttribute('data-recorded')));
            const waiting = items.reduce((n, li) => n + Number(li.getAttribute('data-pending')), 0);
            return recorded.reduce((a, b) => a + b, 0) === 5 && waiting === 0 ? recorded : undefined;
          },
          { timeout: WAIT },
        );
        assert.deepEqual(await perStop.jsonValue(), [1, 1, 2, 1]);
      });

      // 14. Finish.
      await step('finishing', async () => {
        await clickOn(phone, day('#day-finish'));
        await phone.waitForSelector(day('#day-confirm'), { timeout: WAIT });
        await clickOn(phone, day('#day-confirm'));
        await phone.waitForSelector(day('#day-status[data-status="done"]'), { timeout: WAIT });
      });

      // What the screens said, checked where the residents look: the walk's public page.
      await step('the public page says the walk is done', async () => {
        const page = await french(await residentContext.newPage(), 390, 800);
        await page.goto(`${server.url}/marches/${walkId}`, { waitUntil: 'load' });
        const text = await page.evaluate(() => document.body.innerText);
        assert.match(text, /Diagnostic du Plan, secteur des Bleuets/);
        await page.close();
      });

      await phoneContext.close();
      await residentContext.close();
      assert.deepEqual(problems, []);
      assert.equal(await appState(desk), 'ready');
    });
  });
}
