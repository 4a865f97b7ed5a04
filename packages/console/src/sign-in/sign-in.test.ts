// SPDX-License-Identifier: EUPL-1.2
import { expect, fixture, fixtureCleanup, html, oneEvent } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../define/sign-in.js';
import { clean, counts, resetApi, sentTo, shadow, until } from '../../test/helpers.js';
import type { GuspConsoleSignIn } from './sign-in.js';

const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => shadow(el).querySelector<T>(selector);
const text = (el: Element, selector: string) => clean($(el, selector)?.textContent);
/** The focused element, inside shadow roots too. */
function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

async function signIn(lang?: string): Promise<GuspConsoleSignIn> {
  const el = await fixture<GuspConsoleSignIn>(html`<gusp-console-sign-in lang=${lang ?? 'fr'}></gusp-console-sign-in>`);
  await el.updateComplete;
  return el;
}

/** Types into the focused field, as a person at the keyboard does. */
const type = async (value: string) => sendKeys({ type: value });

beforeEach(() => resetApi());
afterEach(() => fixtureCleanup());

describe('<gusp-console-sign-in>', () => {
  it('asks for an address, in French by default, and is accessible', async () => {
    const el = await fixture<GuspConsoleSignIn>(html`<gusp-console-sign-in></gusp-console-sign-in>`);
    expect(text(el, 'h2')).to.equal('Connexion à l’espace de gestion');
    expect(text(el, 'label[for="email"]')).to.equal('Adresse électronique');
    expect($<HTMLInputElement>(el, '#email')!.autocomplete).to.equal('email');
    await expect(el).to.be.accessible();
  });

  it('is signed in with the keyboard alone: address, Enter, the code, Enter', async () => {
    const el = await signIn();
    await sendKeys({ press: 'Tab' });
    expect(deepActive()?.id).to.equal('email');
    await type('coord@ville.fr');
    await sendKeys({ press: 'Enter' });
    await until(() => el.step === 'code', 4000, 'the code step');
    await el.updateComplete;
    expect(text(el, '#sent')).to.contain('Si un compte existe pour coord@ville.fr');
    expect(deepActive()?.id, 'the focus is on the code field').to.equal('code');
    await expect(el).to.be.accessible();
    const { code } = (await sentTo('coord@ville.fr'))!;
    const signedIn = oneEvent(el, 'gusp-signed-in');
    await type(code);
    await sendKeys({ press: 'Enter' });
    const event = await signedIn;
    expect(event.detail.account.role).to.equal('coordinator');
    expect(event.detail.session.csrfToken).to.match(/^[A-Za-z0-9_-]{16,}$/);
    // The cookie is the server's, HttpOnly: the page cannot read it, yet it now opens /me.
    expect(document.cookie).not.to.contain('gusp_session');
    expect((await fetch('/api/staff/me')).status).to.equal(200);
  });

  it('says the same « check your email » for an address without an account, then refuses the code at its field', async () => {
    const el = await signIn();
    $<HTMLInputElement>(el, '#email')!.value = 'inconnu@ville.fr';
    $<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
    await until(() => el.step === 'code');
    await el.updateComplete;
    expect(text(el, '#sent')).to.contain('Si un compte existe pour inconnu@ville.fr');
    expect(await sentTo('inconnu@ville.fr')).to.equal(undefined);
    $<HTMLInputElement>(el, '#code')!.value = '654321';
    $<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
    await until(() => !!$(el, '#code-error'));
    expect(text(el, '#code-error')).to.contain('n’est pas valable');
    expect($(el, '#code')!.getAttribute('aria-invalid')).to.equal('true');
    expect($(el, '#code')!.getAttribute('aria-describedby')).to.contain('code-error');
    expect(deepActive()?.id).to.equal('code');
    await expect(el).to.be.accessible();
  });

  it('checks the address and the code before sending, with the focus on the field to correct', async () => {
    const el = await signIn();
    $<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
    await el.updateComplete;
    expect(text(el, '#email-error')).to.equal('Saisissez votre adresse électronique.');
    expect(deepActive()?.id).to.equal('email');
    $<HTMLInputElement>(el, '#email')!.value = 'pas-une-adresse';
    $<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
    await el.updateComplete;
    expect(text(el, '#email-error')).to.contain('adresse électronique valide');
    await expect(el).to.be.accessible();
    expect((await counts())['POST /staff/sign-in'], 'nothing was sent').to.equal(undefined);
    $<HTMLInputElement>(el, '#email')!.value = 'agent@ville.fr';
    $<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
    await until(() => el.step === 'code');
    await el.updateComplete;
    $<HTMLInputElement>(el, '#code')!.value = '12a';
    $<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
    await el.updateComplete;
    expect(text(el, '#code-error')).to.equal('Le code comporte 6 chiffres, par exemple 123456.');
    expect((await counts())['POST /staff/sign-in/verify']).to.equal(undefined);
  });

  it('offers the city’s OpenID Connect provider when the server has one (GET /api/staff/sign-in), the email beside it', async () => {
    // The resource timing buffer (250 entries) fills with the test page's module files, after which no fetch is recorded.
    performance.clearResourceTimings();
    const without = await signIn();
    // Its question answered (null) and rendered.
    await until(() =>
      (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).some((r) => r.name.endsWith('/api/staff/sign-in')),
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    await without.updateComplete;
    expect($(without, 'a.provider'), 'no provider: no button').to.equal(null);
    fixtureCleanup();
    await resetApi([], 'ProConnect');
    const el = await signIn();
    await until(() => !!$(el, 'a.provider'));
    expect(text(el, 'a.provider')).to.equal('Se connecter avec ProConnect');
    expect($<HTMLAnchorElement>(el, 'a.provider')!.getAttribute('href')).to.equal('/api/staff/oidc/start');
    expect($(el, '#email')).not.to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('says in words why a sign-in through the provider failed (?error=oidc-… from the server’s callback), once, in English too', async () => {
    const page = location.pathname + location.search;
    for (const [lang, code, expected] of [
      ['fr', 'oidc-no-account', /Aucun compte actif ne correspond/],
      ['fr', 'oidc-refused', /annulée ou refusée/],
      ['fr', 'oidc-unavailable', /ne répond pas/],
      ['en', 'oidc-failed', /did not complete/],
      ['en', 'oidc-something-new', /did not complete/],
    ] as const) {
      history.replaceState(history.state, '', `${location.pathname}?error=${code}`);
      const el = await signIn(lang);
      expect(text(el, '#oidc-error')).to.match(expected);
      expect($(el, '#oidc-error')!.getAttribute('role')).to.equal('alert');
      expect(new URLSearchParams(location.search).has('error'), 'the code left the address').to.equal(false);
      expect($(el, '#email'), 'the email sign-in is still there').not.to.equal(null);
      await expect(el).to.be.accessible();
      fixtureCleanup();
    }
    // Without the code, nothing is said.
    const el = await signIn();
    expect($(el, '#oidc-error')).to.equal(null);
    history.replaceState(history.state, '', page);
  });

  it('says when to try again after too many requests, in English too', async () => {
    for (const [lang, expected] of [
      ['fr', 'Trop de demandes. Réessayez dans 10 minutes.'],
      ['en', 'Too many requests. Try again in 10 minutes.'],
    ] as const) {
      const el = await signIn(lang);
      $<HTMLInputElement>(el, '#email')!.value = 'limited@ville.fr';
      $<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
      await until(() => !!$(el, '#form-error'));
      await el.updateComplete;
      expect(text(el, '#form-error')).to.equal(expected);
      expect(el.step).to.equal('email');
      expect(deepActive()?.id).to.equal('form-error');
      await expect(el).to.be.accessible();
      fixtureCleanup();
    }
  });

  it('opens the session from the link’s token (the link landing), once', async () => {
    const first = await signIn();
    $<HTMLInputElement>(first, '#email')!.value = 'oph@ville.fr';
    $<HTMLButtonElement>(first, 'button[type="submit"]')!.click();
    await until(() => first.step === 'code');
    const { token } = (await sentTo('oph@ville.fr'))!;
    fixtureCleanup();
    const el = document.createElement('gusp-console-sign-in');
    el.token = token;
    const signedIn = oneEvent(el, 'gusp-signed-in');
    document.body.append(el);
    await el.updateComplete;
    expect(text(el, '[role="status"]')).to.equal('Vérification du lien de connexion…');
    await expect(el).to.be.accessible();
    expect((await signedIn).detail.account.organisation).to.equal('OPH');
    el.remove();
    // The same link again: spent, so a new one is offered.
    const again = await fixture<GuspConsoleSignIn>(html`<gusp-console-sign-in lang="en" .token=${token}></gusp-console-sign-in>`);
    await until(() => again.step === 'link-failed');
    await again.updateComplete;
    expect(text(again, '[role="alert"]')).to.equal('This sign-in link no longer works: it has been used or has expired.');
    expect(deepActive()?.id).to.equal('restart');
    await expect(again).to.be.accessible();
    await sendKeys({ press: 'Enter' });
    await again.updateComplete;
    expect(again.step).to.equal('email');
    expect(deepActive()?.id).to.equal('email');
  });

  it('fits a 320 px screen without scrolling sideways', async () => {
    await setViewport({ width: 320, height: 640 });
    try {
      const el = await signIn();
      $<HTMLInputElement>(el, '#email')!.value = 'inconnu@ville.fr';
      $<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
      await until(() => el.step === 'code');
      await el.updateComplete;
      expect(document.documentElement.scrollWidth).to.be.at.most(320);
      for (const button of shadow(el).querySelectorAll('button')) expect(button.getBoundingClientRect().right).to.be.at.most(320);
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });
});
