// SPDX-License-Identifier: EUPL-1.2
/**
 * What the server's browser tests share: whether they can run here (a system
 * Chromium and the elements' bundle), how they launch Chromium, and the walk
 * they sign up to, planned and published through the staff API as a
 * coordinator would, and the steps of a sign-up from the demo's walk list.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import puppeteer, { type Browser, type Page, type Viewport } from 'puppeteer-core';
import { createToken } from '../src/auth.js';
import { defaultElementsPaths } from '../src/demo/elements-bundle.js';
import { defaultConsoleBundle } from '../src/routes/console.js';
import type { RunningServer } from '../src/server.js';
import { call, inDays } from './harness.js';
import { CHROMIUM_ARGS, findChromium } from '../../../chromium.config.mjs';

const chromium = findChromium();
const bundle = defaultElementsPaths().dir;

/** The `skip` option of a browser suite: why it cannot run here, or `false`. */
export const browserSkip: string | false = !chromium
  ? 'Chromium is not installed'
  : !(bundle !== undefined && existsSync(`${bundle}/gusp-elements.js`))
    ? 'the elements’ bundle is not built (pnpm --filter @gusp/elements bundle)'
    : false;

const consoleBundle = defaultConsoleBundle();

/** The `skip` option of a test of the back office (/gestion) in Chromium: why it cannot run here, or `false`. */
export const consoleSkip: string | false = !chromium
  ? 'Chromium is not installed'
  : !(consoleBundle && existsSync(consoleBundle))
    ? 'the console’s bundle is not built'
    : false;

/** Headless system Chromium in French, with the repository's flags and `extraArgs`; only in a suite `browserSkip` let run. */
export function launchChromium(extraArgs: readonly string[] = []): Promise<Browser> {
  if (!chromium) throw new Error('Chromium is not installed');
  return puppeteer.launch({ executablePath: chromium, headless: true, args: [...CHROMIUM_ARGS, '--lang=fr-FR', ...extraArgs] });
}

/** A new page that asks for French (headless Chromium asks for en-US whatever --lang says), at `viewport` if given. */
export async function frenchPage(browser: Browser, viewport?: Viewport): Promise<Page> {
  const page = await browser.newPage();
  await page.setExtraHTTPHeaders({ 'Accept-Language': 'fr-FR,fr;q=0.9' });
  if (viewport) await page.setViewport(viewport);
  return page;
}

/**
 * What goes wrong in `page` from now on (call it before the first `goto`): its uncaught errors, its
 * console's errors and CSP messages (`problems`), and the CSP violations its documents report
 * (`violations()`). Pages also get tsx's `__name`, with which esbuild wraps the named helper functions
 * of a test's `page.evaluate` (a page has none).
 */
export async function watchPage(page: Page): Promise<{ problems: string[]; violations: () => Promise<string[]> }> {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${String(e)}`));
  page.on('console', (m) => {
    if (m.type() === 'error' || /Content[- ]Security[- ]Policy/i.test(m.text())) problems.push(`console: ${m.text()}`);
  });
  await page.evaluateOnNewDocument('globalThis.__name = (f) => f');
  await page.evaluateOnNewDocument(() => {
    const w = window as unknown as { violations: string[] };
    w.violations = [];
    document.addEventListener('securitypolicyviolation', (e) => w.violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return { problems, violations: () => page.evaluate(() => (window as unknown as { violations: string[] }).violations) };
}

/** A coordinator's bearer header, with a fresh token. */
export async function coordinatorHeaders(server: RunningServer): Promise<Record<string, string>> {
  return { authorization: `Bearer ${(await createToken(server.database.sql, { role: 'coordinator' })).token}` };
}

/** A walk scheduled at 09:00 (Paris winter time) `inDaysFromNow` days ahead, then published, through the staff API. */
export async function publishStaffWalk(
  server: RunningServer,
  coordinator: Record<string, string>,
  walk: { quartierId: string; title: string; inDaysFromNow: number; capacity: number; meetingPoint: string },
): Promise<string> {
  const scheduled = await call(server.url, 'POST', '/api/walks', {
    body: {
      quartierId: walk.quartierId,
      title: walk.title,
      startsAt: `${inDays(walk.inDaysFromNow).slice(0, 10)}T09:00:00+01:00`,
      capacity: walk.capacity,
      meetingPoint: { label: walk.meetingPoint },
    },
    headers: coordinator,
  });
  assert.equal(scheduled.status, 201, JSON.stringify(scheduled.body));
  const walkId: string = scheduled.body.id;
  assert.equal((await call(server.url, 'POST', `/api/walks/${walkId}/publish`, { headers: coordinator })).status, 200);
  return walkId;
}

/** The sign-up form `<gusp-walk-list>` opens for one walk. */
export const signupOf = (walkId: string) => `gusp-walk-list >>> gusp-walk-signup[walk-id="${walkId}"]`;

/** Opens the walk's sign-up form from its card (« S’inscrire »), unless it is open already. */
export async function openSignup(page: Page, walkId: string): Promise<void> {
  if (await page.$(`${signupOf(walkId)} >>> #name`)) return;
  // The card's button exists only once the list has fetched the walks.
  await page.waitForSelector(`gusp-walk-list >>> #open-${walkId}`);
  await page.click(`gusp-walk-list >>> #open-${walkId}`);
  await page.waitForSelector(`${signupOf(walkId)} >>> form`);
}

/** Opens the walk's sign-up form from the walk list and fills it (name, email, consent), not sent yet. */
export async function fillSignup(page: Page, walkId: string, name: string, email: string): Promise<void> {
  const el = signupOf(walkId);
  await openSignup(page, walkId);
  await page.waitForSelector(`${el} >>> #name`);
  await page.type(`${el} >>> #name`, name);
  await page.type(`${el} >>> #email`, email);
  await page.click(`${el} >>> #consent`);
}
