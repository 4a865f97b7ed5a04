// SPDX-License-Identifier: EUPL-1.2
import { valence } from '@gusp/core';
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../define/accounts.js';
import { clean, shadow, until } from '../../test/helpers.js';
import { api, failNext, mails, REAL, signInAs } from '../../test/real.js';
import type { AccountsData, GuspConsoleAccounts, ListedAccount } from './accounts.js';

const $ = <T extends HTMLElement = HTMLElement>(el: Element, selector: string) => shadow(el).querySelector<T>(selector);
const $$ = (el: Element, selector: string) => [...shadow(el).querySelectorAll<HTMLElement>(selector)];
const text = (el: Element, selector: string) => clean($(el, selector)?.textContent);
const focused = (el: Element) => (shadow(el).activeElement as HTMLElement | null)?.id;
/** Types into the focused field, as a person at the keyboard does. */
const type = (value: string) => sendKeys({ type: value });
const press = (key: string) => sendKeys({ press: key });

/** A value set the way a person's choice sets it: `input` and `change`. */
function choose(el: Element, selector: string, value: string): void {
  const control = $<HTMLInputElement | HTMLSelectElement>(el, selector)!;
  control.value = value;
  control.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  control.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

const stamp = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

async function real(lang = 'fr'): Promise<GuspConsoleAccounts> {
  const el = await fixture<GuspConsoleAccounts>(html`<gusp-console-accounts lang=${lang} endpoint=${REAL}></gusp-console-accounts>`);
  await el.loaded;
  return el;
}

const cardOf = (el: Element, id: string) => $(el, `#account-${id}`);

beforeEach(() => {
  localStorage.clear();
});
afterEach(() => fixtureCleanup());

/* ------------------------------------------------------------------ given data: states and layout */

const given = (): AccountsData => ({
  organisations: valence.organisations,
  timeZone: valence.timezone,
  me: 'a-me',
  accounts: [
    {
      id: 'a-me',
      email: 'camille@valence.example',
      name: 'Camille Martin',
      role: 'coordinator',
      createdAt: '2099-01-01T09:00:00Z',
      deactivatedAt: null,
      lastSignInAt: '2099-03-02T08:15:00Z',
    },
    {
      id: 'a-oph',
      email: 'sophie.garnier-avec-une-adresse-tres-longue@oph-valence.example',
      name: null,
      role: 'organisation',
      organisationId: 'oph',
      createdAt: '2099-01-02T09:00:00Z',
      deactivatedAt: null,
      lastSignInAt: null,
    },
    {
      id: 'a-gone',
      email: 'jean@valence.example',
      name: 'Jean Dupuis',
      role: 'agent',
      createdAt: '2099-01-03T09:00:00Z',
      deactivatedAt: '2099-02-15T11:00:00Z',
      lastSignInAt: '2099-02-10T09:00:00Z',
    },
  ],
  tokens: [{ id: 't-1', role: 'coordinator', label: 'Tableau de bord', createdAt: '2099-01-10T09:00:00Z', revokedAt: null }],
});

describe('<gusp-console-accounts> with its data given', () => {
  it('lists who has which role, who signed in when, who is deactivated; its own account cannot be deactivated; accessible, in English too', async () => {
    for (const lang of ['fr', 'en']) {
      const el = await fixture<GuspConsoleAccounts>(html`<gusp-console-accounts lang=${lang} .data=${given()}></gusp-console-accounts>`);
      await el.loaded;
      if (lang === 'fr') {
        expect(text(el, 'h2')).to.equal('Comptes de l’équipe');
        expect(text(el, '#accounts-count')).to.equal('2 comptes actifs, 1 désactivé');
        expect(clean(cardOf(el, 'a-me')?.textContent)).to.match(/Camille Martin \(vous\).*coordination.*Dernière connexion : 2 mars 2099/);
        expect(clean(cardOf(el, 'a-oph')?.textContent)).to.match(/organisation — Office public de l’habitat.*Ne s’est jamais connecté/);
        expect(clean(cardOf(el, 'a-gone')?.textContent)).to.match(/Désactivé le 15 février 2099/);
      } else {
        expect(text(el, 'h2')).to.equal('Team accounts');
        expect(text(el, '#accounts-count')).to.equal('2 active accounts, 1 deactivated');
        expect(clean(cardOf(el, 'a-oph')?.textContent)).to.match(/Has never signed in/);
      }
      expect($(el, '#deactivate-a-me'), 'not one’s own').to.equal(null);
      expect($(el, '#deactivate-a-oph')).not.to.equal(null);
      expect($(el, '#deactivate-a-gone'), 'already deactivated').to.equal(null);
      await expect(el).to.be.accessible();
      fixtureCleanup();
    }
  });

  it('fits a 320 px screen without scrolling sideways, a role being changed and a deactivation being confirmed', async () => {
    await setViewport({ width: 320, height: 640 });
    try {
      const el = await fixture<GuspConsoleAccounts>(html`<gusp-console-accounts .data=${given()}></gusp-console-accounts>`);
      await el.loaded;
      $(el, '#role-a-oph')!.click();
      await el.updateComplete;
      expect(document.documentElement.scrollWidth).to.be.at.most(320);
      $(el, '#role-cancel-a-oph')!.click();
      await el.updateComplete;
      $(el, '#deactivate-a-oph')!.click();
      await el.updateComplete;
      expect(document.documentElement.scrollWidth).to.be.at.most(320);
      await expect(el).to.be.accessible();
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('says an organisation is needed for the organisation role, and a missing or mistyped address, before sending, at their fields', async () => {
    const el = await fixture<GuspConsoleAccounts>(html`<gusp-console-accounts .data=${given()}></gusp-console-accounts>`);
    await el.loaded;
    choose(el, '#invite-role', 'organisation');
    await el.updateComplete;
    $(el, '#invite-submit')!.click();
    await until(() => !!$(el, '.error-summary'));
    await el.updateComplete;
    expect(shadow(el).activeElement?.classList.contains('error-summary'), 'the summary has the focus').to.equal(true);
    expect(clean($(el, '.error-summary')?.textContent)).to.match(
      /2 erreurs.*Saisissez votre adresse électronique.*Choisissez l’organisation/,
    );
    expect($(el, '#invite-email')!.getAttribute('aria-invalid')).to.equal('true');
    expect($(el, '#invite-organisation')!.getAttribute('aria-invalid')).to.equal('true');
    await expect(el).to.be.accessible();
    choose(el, '#invite-email', 'pas-une-adresse');
    $(el, '#invite-submit')!.click();
    await until(() => /Saisissez une adresse électronique valide/.test(text(el, '.error-summary')));
  });
});

/* ------------------------------------------------------------------ against the real server */

describe('<gusp-console-accounts> against the real server', () => {
  it('a coordinator invites someone with the keyboard alone; the real server emails the link; the list shows them', async () => {
    await signInAs('coordinator');
    const el = await real();
    await expect(el).to.be.accessible();
    const email = `invitee-${stamp()}@valence.example`;
    $(el, '#invite-email')!.focus();
    await type(email);
    await press('Tab');
    expect(focused(el)).to.equal('invite-name');
    await type('Nadia Invitée');
    await press('Tab');
    expect(focused(el)).to.equal('invite-role');
    await press('ArrowUp');
    await el.updateComplete;
    expect($<HTMLSelectElement>(el, '#invite-role')!.value, 'the arrow keys choose the role').to.equal('coordinator');
    await press('Tab');
    expect(focused(el)).to.equal('invite-submit');
    await press('Enter');
    await until(() => text(el, '#invite-done') !== '', 8000, 'the invitation sent');
    expect(text(el, '#invite-done')).to.equal(`Invitation envoyée à Nadia Invitée (${email}).`);
    expect(focused(el)).to.equal('invite-done');
    expect($<HTMLInputElement>(el, '#invite-email')!.value, 'emptied once sent').to.equal('');
    await until(() => $$(el, 'li[data-account]').some((li) => clean(li.textContent).includes('Nadia Invitée')), 8000, 'listed');
    const sent = await (async () => {
      for (let i = 0; i < 40; i++) {
        const got = await mails(email);
        if (got.length > 0) return got;
        await new Promise((r) => setTimeout(r, 250));
      }
      return [];
    })();
    expect(sent.length).to.equal(1);
    expect(sent[0]!.text).to.match(/gestion\/connexion\?token=/);
    const { accounts } = await api<{ accounts: ListedAccount[] }>('GET', '/staff/accounts');
    const made = accounts.find((a) => a.email === email);
    expect(made?.role).to.equal('coordinator');
    expect(made?.name).to.equal('Nadia Invitée');
    await expect(el).to.be.accessible();
  });

  it('says the server’s refusals in words at their field, keeping what was typed: an address already taken', async () => {
    await signInAs('coordinator');
    const taken = `taken-${stamp()}@valence.example`;
    await api('POST', '/staff/accounts', { email: taken, role: 'agent' });
    const el = await real();
    choose(el, '#invite-email', taken);
    choose(el, '#invite-name', 'Doublon');
    $(el, '#invite-submit')!.click();
    await until(() => !!$(el, '#email-error'), 8000, 'the refusal');
    expect(text(el, '#email-error')).to.equal('Un compte actif existe déjà pour cette adresse.');
    expect(text(el, '.error-summary')).to.match(/Un compte actif existe déjà/);
    expect($<HTMLInputElement>(el, '#invite-email')!.value).to.equal(taken);
    expect($<HTMLInputElement>(el, '#invite-name')!.value).to.equal('Doublon');
    await expect(el).to.be.accessible();
  });

  it('when the network drops the request, says nothing was sent and keeps everything typed (also after the screen is opened again); then sent', async () => {
    await signInAs('coordinator');
    let el = await real();
    const email = `offline-${stamp()}@valence.example`;
    choose(el, '#invite-email', email);
    choose(el, '#invite-role', 'organisation');
    await el.updateComplete;
    choose(el, '#invite-organisation', 'oph');
    // The connection dropped without an answer (a faulty network in front of the real server).
    await failNext('/staff/accounts', 0);
    $(el, '#invite-submit')!.click();
    await until(() => !!$(el, '#invite-failed'), 15000, 'the failure');
    expect(text(el, '#invite-failed')).to.match(/Rien n’a été envoyé.*conservé/);
    expect(focused(el)).to.equal('invite-failed');
    await expect(el).to.be.accessible();
    // The screen left and opened again: the draft brings it back.
    fixtureCleanup();
    el = await real();
    expect($<HTMLInputElement>(el, '#invite-email')!.value).to.equal(email);
    expect($<HTMLSelectElement>(el, '#invite-organisation')!.value).to.equal('oph');
    $(el, '#invite-submit')!.click();
    await until(() => text(el, '#invite-done') !== '', 8000, 'sent');
    const { accounts } = await api<{ accounts: ListedAccount[] }>('GET', '/staff/accounts');
    expect(accounts.find((a) => a.email === email)?.organisationId).to.equal('oph');
  });

  it('changes a role, then deactivates after a confirmation that says their sessions end; the server agrees', async () => {
    await signInAs('coordinator');
    const email = `change-${stamp()}@valence.example`;
    const { account } = await api<{ account: ListedAccount }>('POST', '/staff/accounts', { email, name: 'Paul Change', role: 'agent' });
    const el = await real();
    $(el, `#role-${account.id}`)!.click();
    await el.updateComplete;
    expect(focused(el)).to.equal(`role-select-${account.id}`);
    choose(el, `#role-select-${account.id}`, 'organisation');
    await el.updateComplete;
    // No organisation chosen: said before sending.
    $(el, `#role-save-${account.id}`)!.click();
    await until(() => /Choisissez l’organisation/.test(clean(cardOf(el, account.id)?.textContent)));
    await expect(el).to.be.accessible();
    choose(el, `#role-organisation-${account.id}`, 'compagnons-batisseurs');
    $(el, `#role-save-${account.id}`)!.click();
    await until(() => text(el, '#accounts-status') !== '', 8000, 'the change');
    expect(text(el, '#accounts-status')).to.equal('Paul Change a désormais le rôle organisation — Compagnons bâtisseurs.');
    let listed = (await api<{ accounts: ListedAccount[] }>('GET', '/staff/accounts')).accounts.find((a) => a.id === account.id);
    expect([listed?.role, listed?.organisationId]).to.deep.equal(['organisation', 'compagnons-batisseurs']);

    $(el, `#deactivate-${account.id}`)!.click();
    await el.updateComplete;
    expect(focused(el), 'the safe choice first').to.equal(`deactivate-${account.id}-cancel`);
    expect(text(el, `#deactivate-${account.id}-question`)).to.match(/Ses sessions ouvertes prennent fin immédiatement/);
    await expect(el).to.be.accessible();
    // « Annuler » (or Escape) changes nothing and gives the focus back.
    await press('Escape');
    await el.updateComplete;
    expect(focused(el)).to.equal(`deactivate-${account.id}`);
    expect($(el, `#deactivate-${account.id}-question`)).to.equal(null);
    await press('Enter');
    await el.updateComplete;
    $(el, `#deactivate-${account.id}-confirm`)!.focus();
    await press('Enter');
    await until(() => /est désactivé/.test(text(el, '#accounts-status')), 8000, 'deactivated');
    await until(() => /Désactivé le/.test(clean(cardOf(el, account.id)?.textContent)));
    listed = (await api<{ accounts: ListedAccount[] }>('GET', '/staff/accounts')).accounts.find((a) => a.id === account.id);
    expect(listed?.deactivatedAt).to.be.a('string');
  });

  it('creates an API token shown once, with a copy button and its warning; it works, then is revoked and stops working', async () => {
    await signInAs('coordinator');
    const el = await real();
    const label = `Import ${stamp()}`;
    choose(el, '#token-label', label);
    choose(el, '#token-role', 'organisation');
    await el.updateComplete;
    choose(el, '#token-organisation', 'oph');
    $(el, '#token-submit')!.click();
    await until(() => !!$(el, '#new-token-value'), 8000, 'the token');
    expect(focused(el)).to.equal('new-token-title');
    expect(text(el, '#new-token-warning')).to.match(/il ne sera plus jamais affiché/);
    const secret = $<HTMLInputElement>(el, '#new-token-value')!.value;
    expect(secret.length).to.be.greaterThan(20);
    await expect(el).to.be.accessible();
    $(el, '#new-token-copy')!.click();
    await until(() => text(el, '#new-token-copied') !== '');
    // The token is a real one: the server knows it, with its role and organisation.
    const me = await fetch(`${REAL}/staff/me`, { headers: { authorization: `Bearer ${secret}` }, credentials: 'omit' });
    expect(me.status).to.equal(200);
    expect(((await me.json()) as { organisationId?: string }).organisationId).to.equal('oph');
    $(el, '#new-token-done')!.click();
    await el.updateComplete;
    expect($(el, '#new-token-value'), 'shown once').to.equal(null);
    expect(shadow(el).innerHTML.includes(secret), 'gone from the page').to.equal(false);
    const card = $$(el, 'li[data-token]').find((li) => clean(li.textContent).includes(label))!;
    const id = card.dataset.token!;
    expect(focused(el)).to.equal(`revoke-${id}`);
    await press('Enter');
    await el.updateComplete;
    expect(text(el, `#revoke-${id}-question`)).to.match(/cesse de fonctionner immédiatement/);
    $(el, `#revoke-${id}-confirm`)!.click();
    await until(() => /est révoqué/.test(text(el, '#accounts-status')), 8000, 'revoked');
    const after = await fetch(`${REAL}/staff/me`, { headers: { authorization: `Bearer ${secret}` }, credentials: 'omit' });
    expect(after.status).to.equal(401);
  });

  it('a failed load says so with « Réessayer », which loads it; an agent is refused in words, without a retry that cannot help', async () => {
    await signInAs('coordinator');
    await failNext('/staff/accounts', 503);
    const el = await real();
    expect($(el, '#accounts-failed')).not.to.equal(null);
    await expect(el).to.be.accessible();
    $(el, '#accounts-retry')!.click();
    await el.loaded;
    await until(() => !!$(el, '#invite-form'), 8000, 'loaded');
    fixtureCleanup();

    await signInAs('agent');
    const refused = await real('en');
    expect(text(refused, '#accounts-failed')).to.equal('Your account cannot open this screen.');
    expect($(refused, '#accounts-retry')).to.equal(null);
    await expect(refused).to.be.accessible();
  });
});
