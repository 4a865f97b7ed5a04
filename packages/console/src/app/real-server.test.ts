// SPDX-License-Identifier: EUPL-1.2
// The harness of test/real.ts against the REAL server: a real sign-in gives the page the session
// cookie the console opens with, Chromium's offline mode cuts requests, a faulty network answers
// for the server, and a walk made through the API is what the walks screen lists.
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import '../define/console.js';
import { ApiUnavailable, staffRequest } from '../internal/api.js';
import { api, failNext, mails, REAL, setOffline, signInAs, walkIn } from '../../test/real.js';
import { clean, shadow, until } from '../../test/helpers.js';
import type { GuspConsoleWalks } from '../walks/walks.js';
import type { GuspConsole } from './console-app.js';

afterEach(async () => {
  fixtureCleanup();
  await setOffline(false);
});

describe('the real server (test/real.ts)', () => {
  it('signs a coordinator in for real: the console opens ready on the real /staff/me, and the sign-in email arrived', async () => {
    const { account, csrfToken } = await signInAs('coordinator');
    expect(account.role).to.equal('coordinator');
    expect(csrfToken).to.be.a('string').and.not.empty;
    const me = await api<{ role: string; account: { email: string } }>('GET', '/staff/me');
    expect(me.role).to.equal('coordinator');
    expect(me.account.email).to.equal(account.email);
    const sent = await mails(account.email);
    expect(sent.map((m) => /\b\d{6}\b/.test(m.text))).to.deep.equal([false, true], 'the invitation, then the sign-in code');
    const el = await fixture<GuspConsole>(html`<gusp-console endpoint=${REAL}></gusp-console>`);
    await until(() => el.state !== 'loading', 15_000, 'who is signed in');
    expect(el.state).to.equal('ready');
    expect(clean(shadow(el).querySelector('.who')?.textContent)).to.match(/^Connecté : coordinator \d+, coordination$/);
  });

  it('refuses a write without the session’s CSRF token (the real check, same origin)', async () => {
    await signInAs('coordinator');
    const response = await fetch(`${REAL}/walks`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ quartierId: 'le-plan', startsAt: new Date(Date.now() + 86_400_000).toISOString() }),
    });
    expect(response.status).to.equal(403);
    expect(((await response.json()) as { error: { code: string } }).error.code).to.equal('auth.csrf');
  });

  it('offline, a request fails as without a network; back online, it works', async () => {
    await signInAs('agent');
    await setOffline(true);
    let error: unknown;
    try {
      await staffRequest(REAL, '/staff/me');
    } catch (e) {
      error = e;
    }
    expect(error).to.be.instanceOf(ApiUnavailable);
    await setOffline(false);
    expect((await staffRequest<{ role: string }>(REAL, '/staff/me')).role).to.equal('agent');
  });

  it('a faulty network answers for the server, or drops the connection, the given times', async () => {
    await signInAs('agent');
    await failNext('/staff/me', 503, 1);
    expect((await fetch(`${REAL}/staff/me`)).status).to.equal(503);
    expect((await fetch(`${REAL}/staff/me`)).status).to.equal(200);
    await failNext('/staff/me', 0, 1);
    let dropped = false;
    await fetch(`${REAL}/staff/me`).catch(() => (dropped = true));
    expect(dropped).to.equal(true);
    expect((await fetch(`${REAL}/staff/me`)).status).to.equal(200);
  });

  it('a walk made open, with sign-ups, is listed by <gusp-console-walks>', async () => {
    await signInAs('coordinator');
    const id = await walkIn('open', { quartierId: 'fontbarlettes', registrations: 2, stops: 3 });
    const walks = await fixture<GuspConsoleWalks>(html`<gusp-console-walks endpoint=${REAL}></gusp-console-walks>`);
    await walks.loaded;
    const item = shadow(walks).querySelector(`li.walk[data-walk="${id}"]`);
    expect(item, 'the new walk is listed').to.exist;
    expect(clean(item!.querySelector('.badge')?.textContent)).to.equal('Inscriptions ouvertes');
    await expect(walks).to.be.accessible();
  });

  it('makes walks in every state, as the rules allow', async () => {
    await signInAs('coordinator');
    for (const state of ['draft', 'closed', 'in-progress', 'done'] as const) {
      const id = await walkIn(state, { registrations: state === 'draft' ? 0 : 1, stops: 2 });
      const walk = await api<{ walk: { status: string; stops: unknown[] } }>('GET', `/walks/${id}`);
      expect(walk.walk.status, state).to.equal(state === 'closed' ? 'closed' : state);
      expect(walk.walk.stops).to.have.length(2);
    }
  });
});
