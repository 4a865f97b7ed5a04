// SPDX-License-Identifier: EUPL-1.2
/**
 * Issue 15, `<gusp-project>` end to end, in headless Chromium (puppeteer-core on the system
 * Chromium) against the real server (PGlite, Valence seeded with Les Bleuets) and the
 * elements' real bundle (`/elements/gusp-elements.js`, what `pnpm --filter @gusp/elements
 * bundle` writes): the page of the seeded project from `GET /api/projects/{id}` — its phases
 * with « Nous en sommes là », its decisions (one declined, with its reason), its engagements —
 * axe-clean; then a resident signs up to the upcoming workshop with the keyboard alone
 * (`POST /api/workshops/{id}/registrations`), confirmed, the page's seats going down; and a
 * full workshop answers with the waiting list's position.
 */
import assert from 'node:assert/strict';
import { readFileSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import type { Browser, KeyInput, Page } from 'puppeteer-core';
import { seedValence } from '../src/seed/valence.js';
import { startServer, type RunningServer } from '../src/server.js';
import { browserSkip, frenchPage, launchChromium, watchPage } from './browser.js';

const skip = browserSkip;

/** A dependency of the package at `dir` (a real path): pnpm links it beside that package, in the same node_modules. */
function dependencyOf(dir: string, name: string): string {
  const at = dir.lastIndexOf('/node_modules/') + '/node_modules/'.length;
  return realpathSync(join(dir.slice(0, at), name));
}
/** axe-core, from the elements' test tooling (@open-wc/testing → chai-a11y-axe → axe-core: the build their browser tests run). */
const testing = realpathSync(fileURLToPath(new URL('../../elements/node_modules/@open-wc/testing', import.meta.url)));
const AXE = join(dependencyOf(dependencyOf(testing, 'chai-a11y-axe'), 'axe-core'), 'axe.min.js');

/** Text of `<gusp-project>`'s shadow root, or of one element in it (`>>>` goes into the opened form's). */
const shadowText = (page: Page, selector = '') =>
  page.evaluate((path: string) => {
    let node: Element | ShadowRoot | null | undefined = document.querySelector('gusp-project')?.shadowRoot;
    for (const part of path ? path.split(' >>> ') : []) {
      const found: Element | null | undefined = node?.querySelector(part);
      node = found?.shadowRoot ?? found;
    }
    return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
  }, selector);

async function waitForText(page: Page, selector: string, text: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (!(await shadowText(page, selector)).includes(text)) {
    if (Date.now() > deadline)
      throw new Error(`« ${text} » not shown by ${selector || 'gusp-project'}: ${await shadowText(page, selector)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Where the focus is, through the shadow roots: its id, part and type. */
const focus = (page: Page) =>
  page.evaluate(() => {
    let el: Element | null = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return { id: el?.id ?? '', part: el?.getAttribute('part') ?? '', type: el?.getAttribute('type') ?? '', tag: el?.localName ?? '' };
  });

/** axe-core over the page (it reads open shadow roots): the rules violated. */
async function violations(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol: the page's strict CSP forbids an inline script tag, not this.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(readFileSync(AXE, 'utf8'));
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(c: Element): Promise<{ violations: { id: string }[] }> } }).axe;
    return (await axe.run(document.querySelector('gusp-project')!)).violations.map((v) => v.id);
  });
}

describe('<gusp-project> on the real server (Chromium)', { skip }, () => {
  let server: RunningServer;
  let browser: Browser;
  let projectId: string;

  before(async () => {
    server = await startServer({ beforeListen: (gusp) => seedValence(gusp.store) });
    const list = (await (await fetch(`${server.url}/api/projects`)).json()) as { projects: { id: string; project: { title: string } }[] };
    const bleuets = list.projects.find((p) => /Bleuets/.test(p.project.title));
    assert.ok(bleuets, `the seed has Les Bleuets: ${JSON.stringify(list)}`);
    projectId = bleuets.id;
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  /** The demo page (it loads gusp-elements.js), its content replaced by the project's page as a city's site writes it. */
  async function projectPage(lang = 'fr'): Promise<{ page: Page; problems: string[] }> {
    const page = await frenchPage(browser, { width: 1024, height: 900 });
    const { problems } = await watchPage(page);
    await page.goto(`${server.url}/`, { waitUntil: 'load' });
    await page.waitForFunction(() => !!customElements.get('gusp-project'), { timeout: 15_000 });
    await page.evaluate(
      (id: string, l: string) => {
        document.documentElement.lang = l;
        document.body.innerHTML = `<button id="before">avant</button><gusp-project endpoint="/api" project-id="${id}"></gusp-project>`;
      },
      projectId,
      lang,
    );
    await waitForText(page, '', lang === 'fr' ? 'Nous en sommes là' : 'We are here');
    return { page, problems };
  }

  test('shows the seeded Bleuets from GET /api/projects/{id}: phases, decisions with the declined reason, engagements; axe-clean', async () => {
    const { page, problems } = await projectPage();
    const phases = await page.evaluate(() =>
      [...document.querySelector('gusp-project')!.shadowRoot!.querySelectorAll('ol[part~=phases] > li')].map((li) => ({
        kind: li.getAttribute('data-phase'),
        current: li.getAttribute('aria-current'),
      })),
    );
    assert.deepEqual(
      phases.map((p) => p.kind),
      ['diagnostic', 'concertation', 'works', 'delivery', 'evaluation'],
    );
    assert.equal(phases.filter((p) => p.current === 'step').length, 1);
    const outcomes = await page.evaluate(() =>
      [...document.querySelector('gusp-project')!.shadowRoot!.querySelectorAll('[part~=decision]')].map((d) =>
        d.getAttribute('data-outcome'),
      ),
    );
    assert.ok(outcomes.includes('adopted') && outcomes.includes('declined'), `decisions: ${outcomes.join(', ')}`);
    assert.match(await shadowText(page, '.decision.declined .reason'), /^Pourquoi : \S/);
    assert.match(await shadowText(page, '#upcoming-title'), /Prochains ateliers/);
    assert.match(await shadowText(page, '[part~=past]'), /Ouverture du local des habitants/);
    assert.ok((await shadowText(page, '[part~=engagements]')).length > 0, 'the project’s engagements are listed');
    assert.deepEqual(await violations(page), []);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('a resident signs up to the upcoming workshop with the keyboard alone: confirmed, the seats go down', async () => {
    const { page, problems } = await projectPage();
    const open = await page.evaluate(() => document.querySelector('gusp-project')!.shadowRoot!.querySelector('[part~=open]')?.id ?? '');
    assert.match(open, /^open-/, 'an upcoming workshop offers « S’inscrire »');
    const workshopId = open.slice('open-'.length);
    const seatsBefore = await shadowText(page, `[data-workshop-id="${workshopId}"] [part~=seats]`);
    const press = async (key: KeyInput) => {
      await page.keyboard.press(key);
      assert.notEqual((await focus(page)).tag, 'body', `the focus left the page after ${key}`);
    };
    await page.focus('#before');
    for (let i = 0; i < 40 && (await focus(page)).id !== open; i++) await press('Tab');
    assert.equal((await focus(page)).id, open);
    await press('Enter');
    await page.waitForFunction(
      () => {
        let el: Element | null = document.activeElement;
        while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
        return el?.id === 'title';
      },
      { timeout: 10_000 },
    );
    assert.deepEqual(await violations(page), []);
    await press('Tab');
    assert.equal((await focus(page)).id, 'name');
    await page.keyboard.type('Fatou Ndiaye');
    await press('Tab');
    await page.keyboard.type(`fatou.${Date.now()}@example.org`);
    await press('Tab'); // phone
    await press('Tab'); // « Vous venez pour une institution ? »
    await press('Tab'); // « Avez-vous besoin d’une aide pour participer ? » Non
    assert.equal((await focus(page)).id, 'needs-no');
    await press('Tab');
    assert.equal((await focus(page)).id, 'consent');
    await press('Space');
    await press('Tab');
    assert.equal((await focus(page)).type, 'submit');
    const posted = page.waitForResponse(
      (r) => r.url().endsWith(`/api/workshops/${workshopId}/registrations`) && r.request().method() === 'POST',
    );
    await press('Enter');
    assert.equal((await posted).status(), 201);
    await waitForText(page, 'gusp-workshop-signup', 'Votre inscription est confirmée');
    assert.match(await shadowText(page, 'gusp-workshop-signup >>> .position'), /^Merci Fatou Ndiaye, votre place est réservée/);
    await waitForText(page, 'gusp-workshop-signup', 'Ajouter à mon agenda');
    assert.deepEqual(await violations(page), []);
    // Escape back to the workshop's card, whose seats the page loaded again.
    await press('Escape');
    await page.waitForFunction(
      (id: string) => document.querySelector('gusp-project')!.shadowRoot!.activeElement?.id === id,
      { timeout: 10_000 },
      open,
    );
    const seatsAfter = await shadowText(page, `[data-workshop-id="${workshopId}"] [part~=seats]`);
    assert.notEqual(seatsAfter, seatsBefore, `the seats shown after the sign-up (${seatsAfter}) are not those before (${seatsBefore})`);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('a full workshop: the sign-up goes to the waiting list and says its position', async () => {
    const { page } = await projectPage();
    const workshopId = (
      await page.evaluate(() => document.querySelector('gusp-project')!.shadowRoot!.querySelector('[part~=open]')?.id ?? '')
    ).slice('open-'.length);
    // The seats left taken by others, through the same public route.
    for (let i = 0; ; i++) {
      const answer = await fetch(`${server.url}/api/workshops/${workshopId}/registrations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: `Voisin ${i}`, email: `voisin${i}.${Date.now()}@example.org`, consent: true }),
      });
      assert.equal(answer.status, 201);
      if (((await answer.json()) as { status: string }).status === 'waitlisted') break;
      assert.ok(i < 40, 'the workshop fills up');
    }
    await page.close();
    const again = await projectPage();
    await waitForText(again.page, `[data-workshop-id="${workshopId}"] [part~=seats]`, 'Complet : liste d’attente possible');
    await again.page.evaluate(async (id: string) => {
      const project = document.querySelector('gusp-project') as HTMLElement & { open(id: string): Promise<void> };
      await project.open(id);
      const form = project.shadowRoot!.querySelector('gusp-workshop-signup')!.shadowRoot!;
      const set = (sel: string, value: string | boolean) => {
        const input = form.querySelector<HTMLInputElement>(sel)!;
        if (typeof value === 'boolean') {
          input.checked = value;
          input.dispatchEvent(new Event('change', { bubbles: true }));
        } else {
          input.value = value;
          input.dispatchEvent(new Event('input', { bubbles: true }));
        }
      };
      set('#name', 'Nour Haddad');
      set('#email', `nour.${Date.now()}@example.org`);
      set('#consent', true);
      form.querySelector<HTMLButtonElement>('[part~=submit]')!.click();
    }, workshopId);
    await waitForText(again.page, 'gusp-workshop-signup', 'Vous êtes sur la liste d’attente');
    assert.match(await shadowText(again.page, 'gusp-workshop-signup >>> .position'), /^Vous êtes en position 2 sur la liste d’attente/);
    assert.deepEqual(await violations(again.page), []);
    await again.page.close();
  });

  test('in English too', async () => {
    const { page } = await projectPage('en');
    assert.match(await shadowText(page, '#phases-title'), /The project’s steps/);
    assert.match(await shadowText(page, '#decisions-title'), /What you decided/);
    assert.deepEqual(await violations(page), []);
    await page.close();
  });
});
