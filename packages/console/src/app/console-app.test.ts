// SPDX-License-Identifier: EUPL-1.2
import { expect, fixture, fixtureCleanup, html, oneEvent } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../define/console.js';
import { setCsrfToken } from '../internal/api.js';
import { clean, shadow, until } from '../../test/helpers.js';
import { api, failNext, mails, REAL, signInAs, signOut, walkIn } from '../../test/real.js';
import type { GuspConsoleSignIn } from '../sign-in/sign-in.js';
import type { GuspConsoleWalks } from '../walks/walks.js';
import type { GuspConsole } from './console-app.js';

const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => shadow(el).querySelector<T>(selector);
const text = (el: Element, selector: string) => clean($(el, selector)?.textContent);
const nav = (el: Element) => [...shadow(el).querySelectorAll('nav a')].map((a) => clean(a.textContent));
const pageUrl = location.href;

async function app(): Promise<GuspConsole> {
  const el = await fixture<GuspConsole>(html`<gusp-console endpoint=${REAL}></gusp-console>`);
  await until(() => el.state !== 'loading', 15_000, 'who is signed in');
  await el.updateComplete;
  return el;
}

/** `/me`'s requests the page made since the timings were cleared (the real server counts nothing for a test). */
const meRequests = () => performance.getEntriesByType('resource').filter((e) => new URL(e.name).pathname === `${REAL}/staff/me`).length;

beforeEach(async () => {
  // Every test starts signed out (the real server's cookie is HttpOnly: signed out through the API),
  // whichever test or file signed in last.
  await signOut();
  performance.setResourceTimingBufferSize(10_000);
  performance.clearResourceTimings();
  history.replaceState(null, '', pageUrl);
});
afterEach(() => {
  fixtureCleanup();
  history.replaceState(null, '', pageUrl);
});

describe('<gusp-console>', () => {
  it('shows the sign-in to someone not signed in, with the page’s <h1>, and is accessible while asking and after', async () => {
    const el = await fixture<GuspConsole>(html`<gusp-console endpoint=${REAL}></gusp-console>`);
    expect(text(el, '[role="status"]')).to.equal('Chargement…');
    await expect(el).to.be.accessible();
    await until(() => el.state === 'signed-out', 15_000);
    await el.updateComplete;
    const signIn = $<GuspConsoleSignIn>(el, 'gusp-console-sign-in')!;
    await signIn.updateComplete;
    expect(clean(signIn.shadowRoot!.querySelector('h1')?.textContent)).to.equal('Connexion à l’espace de gestion');
    await expect(el).to.be.accessible();
  });

  it('opens a coordinator’s console on the walks, with the accounts in the navigation', async () => {
    const { account } = await signInAs('coordinator');
    const walkId = await walkIn('open');
    const el = await app();
    expect(el.state).to.equal('ready');
    expect(text(el, 'h1')).to.equal('Gestion des diagnostics en marchant');
    expect(text(el, '.who')).to.equal(`Connecté : ${account.name}, coordination`);
    expect(nav(el)).to.deep.equal(['Diagnostics', 'Le jour J', 'À traiter', 'Engagements', 'Projets', 'Tableau de bord', 'Comptes']);
    expect($(el, 'nav a[aria-current="page"]')?.getAttribute('href')).to.equal(`${location.pathname}${location.search}#walks`);
    const walks = $<GuspConsoleWalks>(el, 'gusp-console-walks')!;
    await walks.loaded;
    expect(clean(walks.shadowRoot!.querySelector('h2')?.textContent)).to.equal('Diagnostics en marchant');
    await expect(el).to.be.accessible();
    location.hash = '#accounts';
    await until(() => !!$(el, 'gusp-console-accounts'));
    // A screen about one walk, opened without one, says where to choose it.
    location.hash = '#registrations';
    await until(() => text(el, 'main [role="status"]') === 'Choisissez d’abord un diagnostic dans la liste des diagnostics.');
    location.hash = `#registrations/${walkId}`;
    await until(() => $(el, 'gusp-console-registrations')?.getAttribute('walk-id') === walkId);
    expect($(el, 'nav a[aria-current="page"]')?.textContent?.trim(), 'under « Diagnostics »').to.equal('Diagnostics');
    expect(shadow(el).activeElement?.tagName, 'the focus moves to the screen').to.equal('MAIN');
    await expect(el).to.be.accessible();
  });

  it('keeps an agent out of the coordinators’ screens, and an organisation on its engagements', async () => {
    await signInAs('agent');
    history.replaceState(null, '', `${pageUrl.split('#')[0]}#accounts`);
    let el = await app();
    expect(nav(el)).to.deep.equal(['Diagnostics', 'Le jour J', 'À traiter', 'Tableau de bord']);
    expect(text(el, 'main [role="alert"]')).to.equal('Votre compte n’a pas accès à cet écran.');
    expect($(el, 'gusp-console-accounts')).to.equal(null);
    await expect(el).to.be.accessible();
    fixtureCleanup();
    const { account } = await signInAs('organisation', 'oph');
    history.replaceState(null, '', pageUrl);
    el = await app();
    expect(text(el, '.who')).to.equal(`Connecté : ${account.name}, organisation (Office public de l’habitat)`);
    expect(nav(el)).to.deep.equal(['Engagements', 'Projets']);
    expect($(el, 'gusp-console-engagements')).to.not.equal(null);
    expect($(el, 'gusp-console-walks')).to.equal(null);
  });

  it('signs out with the session’s CSRF token, then shows the sign-in with « Vous êtes déconnecté »', async () => {
    await signInAs('coordinator');
    const el = await app();
    // A wrong token is refused by the server (as a forged request would be), and said.
    setCsrfToken(REAL, 'forged-token-forged-token');
    $<HTMLButtonElement>(el, 'header button')!.click();
    await until(() => !!$(el, 'div > [role="alert"]'), 15_000);
    expect(text(el, 'div > [role="alert"]')).to.contain('ne vient pas de l’espace de gestion');
    expect(el.state).to.equal('ready');
    // The token /me gave: signed out.
    await el.load();
    const signedOut = oneEvent(el, 'gusp-signed-out');
    $<HTMLButtonElement>(el, 'header button')!.click();
    await signedOut;
    await el.updateComplete;
    const signIn = $<GuspConsoleSignIn>(el, 'gusp-console-sign-in')!;
    await signIn.updateComplete;
    expect(clean(signIn.shadowRoot!.querySelector('.notice')?.textContent)).to.equal('Vous êtes déconnecté.');
    expect((await fetch(`${REAL}/staff/me`)).status).to.equal(401);
    await expect(el).to.be.accessible();
  });

  it('shows the sign-in again, saying why, when a screen finds the session ended', async () => {
    await signInAs('agent');
    const el = await app();
    const walks = $<GuspConsoleWalks>(el, 'gusp-console-walks')!;
    await walks.loaded;
    // The session ended meanwhile (expired, or signed out from another tab): the next load is refused.
    await failNext('/walks', 401);
    walks.year = walks.year === undefined ? 2000 : walks.year + 1;
    await until(() => el.state === 'signed-out', 15_000, 'the sign-in');
    await el.updateComplete;
    const signIn = $<GuspConsoleSignIn>(el, 'gusp-console-sign-in')!;
    await signIn.updateComplete;
    expect(clean(signIn.shadowRoot!.querySelector('.notice')?.textContent)).to.equal('Votre session a pris fin. Reconnectez-vous.');
    await expect(el).to.be.accessible();
  });

  it('says when it cannot tell who is signed in, and asks again on « Réessayer »', async () => {
    await signInAs('agent');
    await failNext('/staff/me', 503);
    const el = await app();
    expect(el.state).to.equal('failed');
    expect(text(el, '[role="alert"]')).to.equal('Le serveur ne répond pas. Vérifiez votre connexion puis réessayez.');
    await expect(el).to.be.accessible();
    $<HTMLButtonElement>(el, 'button')!.click();
    await until(() => el.state === 'ready', 15_000);
    expect(meRequests(), 'asked again').to.equal(2);
  });

  it('opens the session from a sign-in link (/gestion/connexion?token=…) and removes the token from the address', async () => {
    // An account of the real server (signed out again), and the link of a real sign-in email.
    const { account } = await signInAs('coordinator');
    await api('POST', '/staff/sign-out');
    const before = (await mails(account.email)).length;
    await fetch(`${REAL}/staff/sign-in`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: account.email }),
    });
    let token: string | undefined;
    for (let i = 0; i < 200 && !token; i++) {
      const sent = await mails(account.email);
      token = sent.length > before ? /connexion\?token=([A-Za-z0-9_-]+)/.exec(sent[sent.length - 1]!.text)?.[1] : undefined;
      if (!token) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(token, 'the sign-in email has its link').to.be.a('string');
    performance.clearResourceTimings();
    const base = new URL(pageUrl);
    history.replaceState(null, '', `${base.pathname.replace(/[^/]*$/, '')}connexion?token=${token}`);
    const el = await fixture<GuspConsole>(html`<gusp-console endpoint=${REAL}></gusp-console>`);
    await until(() => el.state === 'ready', 15_000, 'the session');
    await el.updateComplete;
    expect(location.search).to.equal('');
    expect(location.pathname.endsWith('/connexion')).to.equal(false);
    expect(text(el, '.who')).to.contain(account.name ?? '');
    expect(meRequests(), 'the link needs no /me first').to.equal(0);
  });

  it('fits a 320 px screen, signed in', async () => {
    await signInAs('coordinator');
    await setViewport({ width: 320, height: 640 });
    try {
      const el = await app();
      await $<GuspConsoleWalks>(el, 'gusp-console-walks')!.loaded;
      expect(document.documentElement.scrollWidth).to.be.at.most(320);
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });
});
