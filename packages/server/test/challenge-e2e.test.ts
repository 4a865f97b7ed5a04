// SPDX-License-Identifier: EUPL-1.2
/**
 * End to end, in headless Chromium over real HTTP: the demo page of a server with proof of work
 * on, at its default difficulty. The person signs up as anywhere else; the element solves the
 * ALTCHA challenge by itself, and the server records the solution as spent.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'puppeteer-core';
import { DEFAULT_PROOF_OF_WORK_MAX_NUMBER } from '../src/http/challenge.js';
import { seedValence } from '../src/seed/valence.js';
import { startServer, type RunningServer } from '../src/server.js';
import { call } from './harness.js';
import { browserSkip, coordinatorHeaders, fillSignup, launchChromium, publishStaffWalk, signupOf } from './browser.js';

const skip = browserSkip;

describe('end to end: the demo page signs up with proof of work on (issue 10, finding 4)', { skip }, () => {
  let server: RunningServer;
  let browser: Browser;
  let walkId: string;

  before(async () => {
    server = await startServer({ proofOfWork: true, photoSweep: false, beforeListen: (gusp) => seedValence(gusp.store) });
    const coordinator = await coordinatorHeaders(server);
    // Staff writes need no proof of work.
    walkId = await publishStaffWalk(server, coordinator, {
      quartierId: 'le-plan',
      title: 'Diagnostic en marchant — preuve de travail',
      inDaysFromNow: 21,
      capacity: 5,
      meetingPoint: 'Square des Bleuets',
    });
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('a resident signs up from the demo page; the element solved a real challenge, spent once', async () => {
    // The API refuses an anonymous sign-up without a solution: what a script gets.
    const refused = await call(server.url, 'POST', `/api/walks/${walkId}/registrations`, {
      body: { name: 'Script', email: 'script@example.org', consent: true },
    });
    assert.equal(refused.status, 403);
    assert.equal(refused.body.error.code, 'request.challenge-required');

    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => {
      if (m.type() === 'error' && !/403/.test(m.text())) errors.push(m.text());
    });
    const requests: string[] = [];
    page.on('request', (r) => requests.push(`${r.method()} ${new URL(r.url()).pathname}`));
    await page.goto(`${server.url}/`, { waitUntil: 'load' });
    // The demo lists the walks: the card of `<gusp-walk-list>` opens the sign-up.
    await fillSignup(page, walkId, 'Nadia Benali', 'nadia@example.org');
    const started = Date.now();
    await page.click(`${signupOf(walkId)} >>> button[type="submit"]`);
    await page.waitForFunction(
      (id: string) => {
        const host = document.querySelector('gusp-walk-list')?.shadowRoot?.querySelector(`gusp-walk-signup[walk-id="${id}"]`);
        return (host?.shadowRoot?.textContent ?? '').includes('Votre inscription est confirmée');
      },
      { timeout: 60_000, polling: 50 },
      walkId,
    );
    const took = Date.now() - started;
    assert.deepEqual(errors, []);
    // Asked (403), fetched a challenge, solved it, sent again.
    const writes = requests.filter((r) => r.startsWith('POST /api/walks/') || r === 'GET /api/challenge');
    assert.deepEqual(writes, [`POST /api/walks/${walkId}/registrations`, 'GET /api/challenge', `POST /api/walks/${walkId}/registrations`]);
    await page.close();

    const summary = await call(server.url, 'GET', `/api/walks/${walkId}`);
    assert.equal(summary.body.confirmed, 1);
    const spent = await server.database.sql.query('SELECT count(*)::int AS n FROM spent_challenges');
    assert.equal(spent.rows[0]?.n, 1);
    process.stdout.write(
      `# sign-up with proof of work (maxnumber ${DEFAULT_PROOF_OF_WORK_MAX_NUMBER}) took ${took} ms in headless Chromium\n`,
    );
  });
});
