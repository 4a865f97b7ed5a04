// SPDX-License-Identifier: EUPL-1.2
import { expect, fixture, fixtureCleanup, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../define/walk-signup.js';
import { GuspRegisterEvent } from '../events/walk-signup-events.js';
import {
  API,
  OTHER_API,
  ageDrafts,
  createWalk,
  failNext,
  fill,
  heldArrived,
  holdNext,
  release,
  setNetwork,
  setOutage,
  storedDrafts,
  storedRegistrations,
  uniqueEmail,
  until,
  walkData,
} from '../../test/helpers.js';
import { runElementBaseTests } from '../../test/element-base-tests.js';
import type { GuspWalkSignup } from './walk-signup.js';
import { fr, registerTranslation } from '../translations/index.js';
import { signupState } from './walk-signup-data.js';
import type { WalkSignupData } from './walk-signup-data.js';

const shadow = (el: GuspWalkSignup): ShadowRoot => el.shadowRoot as ShadowRoot;
const $ = <T extends Element = HTMLElement>(el: GuspWalkSignup, selector: string): T | null => shadow(el).querySelector<T>(selector);
const text = (el: GuspWalkSignup, selector: string): string => ($(el, selector)?.textContent ?? '').replace(/\s+/g, ' ').trim();
const focusedId = (el: GuspWalkSignup): string | undefined =>
  (shadow(el).activeElement as HTMLElement | null)?.id || (shadow(el).activeElement as HTMLElement | null)?.className;

async function withData(data: WalkSignupData, lang?: string): Promise<GuspWalkSignup> {
  return lang
    ? fixture<GuspWalkSignup>(html`<gusp-walk-signup lang=${lang} .data=${data}></gusp-walk-signup>`)
    : fixture<GuspWalkSignup>(html`<gusp-walk-signup .data=${data}></gusp-walk-signup>`);
}

/**
 * Fills the form as a person does: « Oui » to « Avez-vous besoin d’une aide
 * pour participer ? » first when a need is given, since the needs are drawn only then.
 */
async function fillForm(el: GuspWalkSignup, values: Record<string, string | boolean>): Promise<void> {
  const isNeed = (key: string) => key.startsWith('need-') || key === 'needs-note';
  const needs = Object.entries(values).filter(([key]) => isNeed(key));
  fill(shadow(el), Object.fromEntries(Object.entries(values).filter(([key]) => !isNeed(key))));
  if (needs.length === 0) return;
  fill(shadow(el), { 'needs-yes': true });
  await el.updateComplete;
  fill(shadow(el), Object.fromEntries(needs));
  await el.updateComplete;
}

async function fromApi(walkId: string): Promise<GuspWalkSignup> {
  const el = await fixture<GuspWalkSignup>(html`<gusp-walk-signup endpoint=${API} walk-id=${walkId}></gusp-walk-signup>`);
  await el.loaded;
  return el;
}

beforeEach(() => localStorage.clear());
afterEach(() => fixtureCleanup());

runElementBaseTests({
  tag: 'gusp-walk-signup',
  data: () => walkData(),
  heading: { fr: 'Diagnostic en marchant – Le Plan', en: 'Neighbourhood walk – Le Plan' },
  fromApi: async () => {
    const id = await createWalk({ capacity: 10 });
    return { attributes: { endpoint: API, 'walk-id': id }, path: `/walks/${id}` };
  },
  change: async () => ({
    attribute: 'walk-id',
    value: await createWalk({ capacity: 17 }),
    shown: (root) => root.querySelector('.seats')?.textContent?.trim() === 'Il reste 17 places',
  }),
});

describe('gusp-walk-signup', () => {
  it('is accessible when open', async () => {
    const el = await withData(walkData());
    await expect(el).to.be.accessible();
  });

  describe('accessibility in every state', () => {
    it('is accessible with few seats left', async () => {
      await expect(await withData(walkData({ seatsLeft: 2, fewSeatsLeft: true }))).to.be.accessible();
    });
    it('is accessible when full', async () => {
      await expect(await withData(walkData({ seatsLeft: 0, waitlisted: 3 }))).to.be.accessible();
    });
    it('is accessible when closed', async () => {
      await expect(await withData(walkData({ status: 'closed', walk: { status: 'closed' } }))).to.be.accessible();
    });
    it('is accessible when cancelled', async () => {
      await expect(
        await withData(walkData({ status: 'cancelled', walk: { status: 'cancelled', cancelReason: 'Alerte météo' } })),
      ).to.be.accessible();
    });
    it('is accessible when rescheduled', async () => {
      await expect(await withData(walkData({ walk: { sequence: 1 } }))).to.be.accessible();
    });
    it('is accessible with the error summary shown', async () => {
      const el = await withData(walkData());
      await el.submit();
      expect($(el, '.error-summary')).to.exist;
      await expect(el).to.be.accessible();
    });
    it('is accessible after a failed submit', async () => {
      const el = await withData(walkData());
      await el.showError();
      expect($(el, '.failure')).to.exist;
      await expect(el).to.be.accessible();
    });
    it('is accessible when confirmed and when waitlisted', async () => {
      const el = await withData(walkData());
      await el.showReceipt({ status: 'confirmed' });
      await expect(el).to.be.accessible();
      await el.showReceipt({ status: 'waitlisted', position: 3 });
      await expect(el).to.be.accessible();
    });
    it('is accessible while loading and when loading failed', async () => {
      const el = await fixture<GuspWalkSignup>(html`<gusp-walk-signup endpoint=${API} walk-id="no-such-walk"></gusp-walk-signup>`);
      await expect(el).to.be.accessible();
      await el.loaded;
      expect(text(el, '[role=alert]')).to.equal('Impossible de charger ce diagnostic pour le moment.');
      await expect(el).to.be.accessible();
    });
  });

  describe('the walk', () => {
    it('shows the quartier from the city profile, the date the French way in Europe/Paris, the meeting point and seats left', async () => {
      const el = await withData(walkData());
      expect(text(el, 'h2')).to.equal('Diagnostic en marchant – Le Plan');
      expect(text(el, '.when')).to.equal('samedi 14 mars 2099, de 9 h à 13 h');
      expect(text(el, 'dl')).to.contain('Parvis de la maison de quartier');
      expect(text(el, '.seats')).to.equal('Il reste 12 places');
    });

    it('writes minutes as « 9 h 30 » and keeps Paris time on the other side of a DST change', async () => {
      const el = await withData(walkData({ walk: { startsAt: '2099-04-04T07:30:00Z', durationMinutes: 210 } }));
      expect(text(el, '.when')).to.equal('samedi 4 avril 2099, de 9 h 30 à 13 h');
    });

    it('uses the quartier name given without a city profile', async () => {
      const el = await withData(walkData({}, { city: undefined, quartierName: 'Fontbarlettes' }));
      expect(text(el, 'h2')).to.equal('Diagnostic en marchant – Fontbarlettes');
    });

    it('speaks English with lang="en", and follows the closest [lang] ancestor', async () => {
      const el = await withData(walkData(), 'en');
      expect(text(el, 'h2')).to.equal('Neighbourhood walk – Le Plan');
      expect(text(el, '.when')).to.equal('Saturday 14 March 2099, from 9 am to 1 pm');
      const wrapper = await fixture<HTMLDivElement>(
        html`<div lang="en-GB"><gusp-walk-signup .data=${walkData()}></gusp-walk-signup></div>`,
      );
      const inner = wrapper.querySelector('gusp-walk-signup') as GuspWalkSignup;
      expect(text(inner, 'button[type=submit]')).to.equal('Sign me up');
    });

    it('falls back from fr-BE to fr, and takes a new language from one registered file', async () => {
      expect(text(await withData(walkData(), 'fr-BE'), 'button[type=submit]')).to.equal('M’inscrire');
      registerTranslation({ ...fr, locale: 'de', walkSignup: { ...fr.walkSignup, submit: 'Anmelden' } });
      expect(text(await withData(walkData(), 'de'), 'button[type=submit]')).to.equal('Anmelden');
    });

    it('reads its data from a child <script type="application/json">', async () => {
      const json = JSON.stringify(walkData({ seatsLeft: 1, fewSeatsLeft: true }));
      const container = await fixture<HTMLDivElement>(html`<div></div>`);
      container.innerHTML = `<gusp-walk-signup><script type="application/json">${json}</script></gusp-walk-signup>`;
      const el = container.firstElementChild as GuspWalkSignup;
      await el.updateComplete;
      expect(text(el, '.seats')).to.equal('Dernière place disponible');
    });

    it('loads the walk from the endpoint', async () => {
      const id = await createWalk({ capacity: 10, fill: 4 });
      const el = await fromApi(id);
      expect(text(el, 'h2')).to.equal('Diagnostic en marchant – Le Plan');
      expect(text(el, '.seats')).to.equal('Il reste 6 places');
    });
  });

  describe('loading', () => {
    it('shows the new walk when walk-id changes on a loaded element', async () => {
      const first = await createWalk({ capacity: 10, fill: 4 });
      const second = await createWalk({ capacity: 20 });
      const el = await fromApi(first);
      expect(text(el, '.seats')).to.equal('Il reste 6 places');
      el.setAttribute('walk-id', second);
      await el.updateComplete;
      await el.loaded;
      expect(el.data?.walk.id).to.equal(second);
      expect(text(el, '.seats')).to.equal('Il reste 20 places');
    });

    it('loads from the new endpoint when endpoint changes, and shows the walk found there', async () => {
      const here = await createWalk({ capacity: 10, fill: 4 });
      const there = await createWalk({ capacity: 8 }, OTHER_API);
      const el = await fromApi(here);
      el.endpoint = OTHER_API;
      await el.updateComplete;
      await el.loaded;
      // The other API knows no such walk: the walk of the first one is not shown any more.
      expect(el.data?.walk.id).to.equal(undefined);
      expect($(el, 'form')).to.not.exist;
      expect(text(el, '[role=alert]')).to.equal('Impossible de charger ce diagnostic pour le moment.');
      el.walkId = there;
      await el.updateComplete;
      await el.loaded;
      expect(el.data?.walk.id).to.equal(there);
      expect(text(el, '.seats')).to.equal('Il reste 8 places');
    });

    it('never lets a slow first answer overwrite a newer one: the first request is aborted', async () => {
      const slow = await createWalk({ capacity: 10, fill: 4 });
      const fast = await createWalk({ capacity: 20 });
      await holdNext(`/walks/${slow}`);
      const el = await fixture<GuspWalkSignup>(html`<gusp-walk-signup endpoint=${API} walk-id=${slow}></gusp-walk-signup>`);
      await heldArrived();
      el.walkId = fast;
      await el.updateComplete;
      await el.loaded;
      expect(text(el, '.seats')).to.equal('Il reste 20 places');
      const { aborted } = await release();
      expect(aborted, 'the browser gave up on the first request').to.be.true;
      await el.updateComplete;
      expect(el.data?.walk.id).to.equal(fast);
      expect(text(el, '.seats')).to.equal('Il reste 20 places');
    });

    it('shows « Réessayer » when loading failed, and retrying loads the walk', async () => {
      const id = await createWalk({ capacity: 10 });
      await failNext(`/walks/${id}`);
      const el = await fromApi(id);
      expect(text(el, '[role=alert]')).to.equal('Impossible de charger ce diagnostic pour le moment.');
      const retry = $<HTMLButtonElement>(el, '[part~=retry]')!;
      expect(retry.textContent?.trim()).to.equal('Réessayer');
      await expect(el).to.be.accessible();
      retry.click();
      await el.updateComplete;
      await el.loaded;
      expect(text(el, '.seats')).to.equal('Il reste 10 places');
    });
  });

  describe('language', () => {
    it('on an Arabic page with no Arabic texts, marks its French content lang="fr" dir="ltr"', async () => {
      const page = await fixture<HTMLDivElement>(
        html`<div lang="ar" dir="rtl"><gusp-walk-signup .data=${walkData()}></gusp-walk-signup></div>`,
      );
      const el = page.querySelector('gusp-walk-signup') as GuspWalkSignup;
      await el.updateComplete;
      const base = $(el, '[part~=base]')!;
      expect([base.getAttribute('lang'), base.getAttribute('dir')]).to.deep.equal(['fr', 'ltr']);
      expect(text(el, 'h2')).to.equal('Diagnostic en marchant – Le Plan');
      expect(el.locale).to.equal('fr');
      await expect(el).to.be.accessible();
    });

    it('switches to English, dates included, when <html lang> goes from fr to en, without reload', async () => {
      const root = document.documentElement;
      const before = root.getAttribute('lang');
      root.setAttribute('lang', 'fr');
      try {
        const el = await withData(walkData());
        expect(text(el, '.when')).to.equal('samedi 14 mars 2099, de 9 h à 13 h');
        root.setAttribute('lang', 'en');
        await until(() => text(el, 'h2') === 'Neighbourhood walk – Le Plan');
        expect(text(el, '.when')).to.equal('Saturday 14 March 2099, from 9 am to 1 pm');
        expect(text(el, 'button[type=submit]')).to.equal('Sign me up');
        expect($(el, '[part~=base]')!.getAttribute('lang')).to.equal('en');
      } finally {
        if (before === null) root.removeAttribute('lang');
        else root.setAttribute('lang', before);
      }
    });

    it('follows a change of its own lang attribute and of an ancestor’s', async () => {
      const page = await fixture<HTMLDivElement>(html`<div lang="fr"><gusp-walk-signup .data=${walkData()}></gusp-walk-signup></div>`);
      const el = page.querySelector('gusp-walk-signup') as GuspWalkSignup;
      await el.updateComplete;
      page.setAttribute('lang', 'en');
      await until(() => text(el, 'button[type=submit]') === 'Sign me up');
      el.setAttribute('lang', 'fr-BE');
      await until(() => text(el, 'button[type=submit]') === 'M’inscrire');
      expect($(el, '[part~=base]')!.getAttribute('lang')).to.equal('fr-BE');
    });
  });

  describe('states', () => {
    it('says when seats are few', async () => {
      const el = await withData(walkData({ seatsLeft: 3, fewSeatsLeft: true }));
      expect(text(el, '.seats')).to.equal('Plus que 3 places');
      expect($(el, 'form')).to.exist;
    });

    it('is closed once the deadline has passed, even if the walk is still open', async () => {
      const el = await withData(walkData({ walk: { registrationDeadline: '2020-01-01T18:00:00+01:00' } }));
      expect($(el, 'form')).to.not.exist;
      expect(text(el, '.notice')).to.equal('Les inscriptions à ce diagnostic sont closes.');
    });

    it('is closed when registrations were closed on the server', async () => {
      const el = await fromApi(await createWalk({ then: 'close' }));
      expect($(el, 'form')).to.not.exist;
      expect(text(el, '.notice')).to.equal('Les inscriptions à ce diagnostic sont closes.');
    });

    it('shows a cancelled walk with its reason and no form', async () => {
      const el = await fromApi(await createWalk({ then: 'cancel' }));
      expect($(el, 'form')).to.not.exist;
      expect(text(el, '.notice')).to.equal('Ce diagnostic en marchant est annulé. Motif : Alerte météo');
    });

    it('tells that a rescheduled walk has a new date', async () => {
      const el = await fromApi(await createWalk({ then: 'reschedule' }));
      expect(text(el, '.notice')).to.contain('ce diagnostic a changé de date');
      expect($(el, 'form')).to.exist;
    });

    it('derives the state from the core guards and the counts', () => {
      const now = new Date('2099-01-01T12:00:00Z');
      expect(signupState(walkData(), now)).to.equal('open');
      expect(signupState(walkData({ seatsLeft: 2, fewSeatsLeft: true }), now)).to.equal('few-seats');
      expect(signupState(walkData({ seatsLeft: 0 }), now)).to.equal('full');
      expect(signupState(walkData({ status: 'closed' }), now)).to.equal('closed');
      expect(signupState(walkData({ status: 'in-progress' }), now)).to.equal('closed');
      expect(signupState(walkData({ status: 'cancelled' }), now)).to.equal('cancelled');
      expect(signupState(walkData(), new Date('2099-03-13T17:00:00Z'))).to.equal('closed');
    });
  });

  describe('validation', () => {
    it('shows a French error summary that receives focus, and inline errors tied to their fields', async () => {
      const el = await withData(walkData());
      $(el, 'button[type=submit]')?.click();
      await until(() => !!$(el, '.error-summary'));
      await el.updateComplete;
      expect(focusedId(el)).to.equal('error-summary');
      expect(text(el, '.error-summary h3')).to.equal('Il y a 3 erreurs dans le formulaire');
      const items = [...shadow(el).querySelectorAll('.error-summary li')].map((li) => li.textContent?.trim());
      // The name's message names it (issue 11), as the two others already did.
      expect(items).to.deep.equal([
        'Indiquez vos nom et prénom.',
        'Indiquez une adresse e-mail ou un numéro de téléphone.',
        'Votre accord est nécessaire pour enregistrer l’inscription.',
      ]);
      const name = $<HTMLInputElement>(el, '#name')!;
      expect(name.getAttribute('aria-invalid')).to.equal('true');
      expect(name.getAttribute('aria-describedby')).to.equal('name-error');
      expect(text(el, '#name-error')).to.equal('Indiquez vos nom et prénom.');
      expect($(el, '.error-summary')!.getAttribute('role')).to.equal('alert');
      expect($(el, '#email')!.getAttribute('aria-describedby')).to.equal('contact-error');
      expect($(el, '#consent')!.getAttribute('aria-invalid')).to.equal('true');
      // A link of the summary takes the person to the field.
      shadow(el).querySelectorAll<HTMLAnchorElement>('.error-summary a')[1]!.click();
      expect(focusedId(el)).to.equal('email');
    });

    it('shows the error summary in English with lang="en"', async () => {
      const el = await withData(walkData(), 'en');
      fill(shadow(el), { name: 'Ada', email: 'not-an-email' });
      await el.submit();
      const items = [...shadow(el).querySelectorAll('.error-summary li')].map((li) => li.textContent?.trim());
      expect(text(el, '.error-summary h3')).to.equal('There are 2 problems with the form');
      expect(items).to.deep.equal([
        'Invalid email address (example: name@example.org).',
        'Your consent is needed to record the registration.',
      ]);
      expect(text(el, '#email-error')).to.equal('Invalid email address (example: name@example.org).');
    });

    it('names the field in English too, and prefixes a message that does not name it', async () => {
      const el = await withData(walkData(), 'en');
      await el.submit();
      expect(text(el, '#name-error')).to.equal('Give your full name.');
      fill(shadow(el), { name: 'A'.repeat(500) });
      await el.submit();
      expect(text(el, '#name-error')).to.match(/^Full name: /);
    });

    it('fires no event and sends nothing while the form is invalid', async () => {
      const el = await withData(walkData());
      let fired = false;
      el.addEventListener('gusp-register', () => (fired = true));
      await el.submit();
      expect(fired).to.be.false;
    });
  });

  describe('what a resident is asked (issue 11)', () => {
    it('signs a person up as habitant unless « Vous venez pour une institution ? » is opened, and hides the needs behind one yes/no', async () => {
      const el = await withData(walkData());
      const details = $<HTMLDetailsElement>(el, 'details')!;
      expect(details.open).to.be.false;
      expect(text(el, 'details summary')).to.equal('Vous venez pour une institution ?');
      expect($<HTMLSelectElement>(el, '#role')!.value).to.equal('resident');
      expect(text(el, 'fieldset:has(#needs-yes) > legend')).to.equal('Avez-vous besoin d’une aide pour participer ?');
      expect($<HTMLInputElement>(el, '#needs-no')!.checked).to.be.true;
      expect(shadow(el).querySelectorAll('input[name=needs]').length).to.equal(0);
      $<HTMLInputElement>(el, '#needs-yes')!.click();
      await el.updateComplete;
      expect(shadow(el).querySelectorAll('input[name=needs]').length).to.equal(8);
      fill(shadow(el), { 'need-wheelchair': true, 'needs-note': 'Rampe' });
      await el.updateComplete;
      // « Non » drops what was ticked: it is not sent.
      $<HTMLInputElement>(el, '#needs-no')!.click();
      await el.updateComplete;
      expect(shadow(el).querySelectorAll('input[name=needs]').length).to.equal(0);
      fill(shadow(el), { name: 'Lou', email: uniqueEmail('lou'), consent: true });
      let input: Record<string, unknown> | undefined;
      el.addEventListener('gusp-register', (e) => {
        input = e.detail.input;
        e.preventDefault();
      });
      await el.submit();
      expect(input).to.include({ role: 'resident' });
      expect(input?.['needs']).to.deep.equal([]);
      expect(input).not.to.have.property('needsNote');
      await expect(el).to.be.accessible();
    });

    it('opens the role question for a restored non-resident role, and is accessible with both questions open', async () => {
      const data = walkData();
      fill(shadow(await withData(data)), { role: 'elected' });
      fixtureCleanup();
      const el = await withData(data);
      expect($<HTMLDetailsElement>(el, 'details')!.open).to.be.true;
      expect(text(el, '#role option:checked')).to.equal('un mandat d’élu ou d’élue');
      $<HTMLInputElement>(el, '#needs-yes')!.click();
      await el.updateComplete;
      await expect(el).to.be.accessible();
    });

    it('says everything without the median dot (« habitant·e »), which screen readers spell out, and a short consent', async () => {
      for (const lang of ['fr', 'en']) {
        const el = await withData(walkData(), lang);
        $<HTMLDetailsElement>(el, 'details')!.open = true;
        $<HTMLInputElement>(el, '#needs-yes')!.click();
        await el.updateComplete;
        await el.submit(); // the error messages too
        expect(shadow(el).textContent, lang).not.to.contain('·');
        expect(text(el, 'label[for=consent]').split(' ').length, lang).to.be.at.most(16);
        fixtureCleanup();
      }
      expect(text(await withData(walkData()), 'label[for=consent]')).to.equal(
        'Vous pouvez utiliser mes coordonnées pour ce diagnostic et pour m’envoyer son compte-rendu. *',
      );
    });

    it('offers an institutional seat of a full walk as « M’inscrire », and it is confirmed', async () => {
      const id = await createWalk({ capacity: 2, fill: 2 });
      const el = await fromApi(id);
      expect(text(el, 'button[type=submit]')).to.equal('M’inscrire sur la liste d’attente');
      fill(shadow(el), { role: 'elected' });
      await el.updateComplete;
      expect(text(el, 'button[type=submit]')).to.equal('M’inscrire');
      expect(text(el, 'form')).not.to.contain('Ce diagnostic est complet');
      fill(shadow(el), { name: 'Élise Adjointe', email: uniqueEmail('elue'), consent: true });
      const registered = oneEvent(el, 'gusp-registered');
      await el.submit();
      expect((await registered).detail.receipt.status).to.equal('confirmed');
      expect(text(el, '.confirmation h3')).to.equal('Votre inscription est confirmée');
    });

    it('still says « liste d’attente » to an institutional actor when the walk’s institutional seats are taken', async () => {
      const data = walkData({
        seatsLeft: 3,
        walk: { institutionalSeats: 2 },
        byRole: { resident: 13, association: 0, professional: 1, elected: 1, landlord: 0, 'proximity-agent': 0, partner: 0 },
      });
      const el = await withData(data);
      expect(text(el, 'button[type=submit]')).to.equal('M’inscrire');
      fill(shadow(el), { role: 'landlord' });
      await el.updateComplete;
      expect(text(el, 'button[type=submit]')).to.equal('M’inscrire sur la liste d’attente');
    });

    it('shows the seats left again after a sign-up: the count is loaded afresh', async () => {
      const id = await createWalk({ capacity: 10, fill: 3 });
      const el = await fromApi(id);
      expect(text(el, '.seats')).to.equal('Il reste 7 places');
      fill(shadow(el), { name: 'Yanis', email: uniqueEmail('yanis'), consent: true });
      await el.submit();
      await until(() => text(el, '.seats') === 'Il reste 6 places');
      expect(text(el, '.confirmation h3')).to.equal('Votre inscription est confirmée');
    });

    it('offers « S’abonner aux diagnostics du quartier »: the server’s webcal link, else the feed under endpoint', async () => {
      const id = await createWalk({ capacity: 10 });
      const el = await fromApi(id);
      fill(shadow(el), { name: 'Inès', email: uniqueEmail('abonne'), consent: true });
      await el.submit();
      const link = $<HTMLAnchorElement>(el, 'a[part=subscribe]')!;
      expect(link.textContent?.trim()).to.equal('S’abonner aux diagnostics du quartier');
      const served = el.data?.calendar?.feedWebcal;
      expect(link.getAttribute('href')).to.equal(served ?? `webcal://${location.host}/api/quartiers/le-plan/walks.ics`);
      const given = await withData(
        walkData({}, { calendar: { feedWebcal: 'webcal://gusp.example.fr/api/quartiers/le-plan/walks.ics' } } as never),
      );
      await given.showReceipt({ status: 'waitlisted', position: 1 });
      expect($(given, 'a[part=subscribe]')!.getAttribute('href')).to.equal('webcal://gusp.example.fr/api/quartiers/le-plan/walks.ics');
      await expect(given).to.be.accessible();
    });
  });

  describe('submitting', () => {
    it('can be completed with the keyboard only', async () => {
      const id = await createWalk({ capacity: 10 });
      const page = await fixture<HTMLDivElement>(
        html`<div><button id="before">Avant</button><gusp-walk-signup endpoint=${API} walk-id=${id}></gusp-walk-signup></div>`,
      );
      const el = page.querySelector('gusp-walk-signup') as GuspWalkSignup;
      await el.loaded;
      const email = uniqueEmail('clavier');
      page.querySelector<HTMLButtonElement>('#before')!.focus();
      await sendKeys({ press: 'Tab' });
      expect(focusedId(el)).to.equal('name');
      await sendKeys({ type: 'Camille Martin' });
      await sendKeys({ press: 'Tab' });
      expect(focusedId(el)).to.equal('email');
      await sendKeys({ type: email });
      await sendKeys({ press: 'Tab' }); // phone
      await sendKeys({ press: 'Tab' }); // « Vous venez pour une institution ? »
      expect(focusedId(el)).to.equal('role-question');
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      await sendKeys({ press: 'Tab' }); // role
      expect(focusedId(el)).to.equal('role');
      await sendKeys({ press: 'ArrowDown' }); // association
      await sendKeys({ press: 'Tab' }); // the needs question: « Non », checked
      expect(focusedId(el)).to.equal('needs-no');
      await sendKeys({ press: 'ArrowUp' }); // « Oui »
      await el.updateComplete;
      expect(focusedId(el)).to.equal('needs-yes');
      await sendKeys({ press: 'Tab' });
      expect(focusedId(el)).to.equal('need-mobility');
      await sendKeys({ press: 'Space' });
      for (let i = 0; i < 8; i++) await sendKeys({ press: 'Tab' }); // the 7 other needs, then the note
      expect(focusedId(el)).to.equal('needs-note');
      await sendKeys({ type: 'Je marche lentement' });
      await sendKeys({ press: 'Tab' });
      expect(focusedId(el)).to.equal('consent');
      await sendKeys({ press: 'Space' });
      await sendKeys({ press: 'Tab' });
      expect(shadow(el).activeElement?.getAttribute('type')).to.equal('submit');
      const registered = oneEvent(el, 'gusp-registered');
      await sendKeys({ press: 'Enter' });
      const { detail } = await registered;
      expect(detail.receipt.status).to.equal('confirmed');
      await el.updateComplete;
      expect(focusedId(el)).to.equal('confirmation-title');
      expect(text(el, '.confirmation h3')).to.equal('Votre inscription est confirmée');
      const stored = await storedRegistrations(id);
      expect(stored).to.deep.equal([{ name: 'Camille Martin', status: 'confirmed', role: 'association', needs: ['mobility'] }]);
    });

    it('puts a person on the waiting list of a full walk and tells the position', async () => {
      const id = await createWalk({ capacity: 2, fill: 3 });
      const el = await fromApi(id);
      expect(text(el, '.notice')).to.contain('Ce diagnostic est complet');
      expect(text(el, 'button[type=submit]')).to.equal('M’inscrire sur la liste d’attente');
      fill(shadow(el), { name: 'Lou', phone: '06 12 34 56 78', consent: true });
      const registered = oneEvent(el, 'gusp-registered');
      await el.submit();
      expect((await registered).detail.receipt).to.include({ status: 'waitlisted', position: 2 });
      expect(text(el, '.confirmation h3')).to.equal('Vous êtes sur la liste d’attente');
      expect(text(el, '.position')).to.equal(
        'Vous êtes en position 2 sur la liste d’attente. Nous vous préviendrons si une place se libère.',
      );
    });

    it('offers « Ajouter à mon agenda »: the walk’s .ics made by the core, with its UID and Paris time', async () => {
      const id = await createWalk();
      const el = await fromApi(id);
      const walk = el.data!.walk;
      fill(shadow(el), { name: 'Inès', email: uniqueEmail('agenda'), consent: true });
      await el.submit();
      const link = $<HTMLAnchorElement>(el, 'a.calendar')!;
      expect(link.textContent?.trim()).to.equal('Ajouter à mon agenda');
      expect(link.href).to.match(/^blob:/);
      expect(link.download).to.equal(`diagnostic-${walk.quartierId}-${walk.startsAt.slice(0, 10)}.ics`);
      expect(link.type).to.equal('text/calendar');
      const response = await fetch(link.href);
      expect(response.headers.get('content-type')).to.equal('text/calendar');
      const ics = await response.text();
      const lines = ics.split('\r\n');
      expect(lines[0]).to.equal('BEGIN:VCALENDAR');
      expect(lines.at(-2)).to.equal('END:VCALENDAR');
      expect(lines).to.include('VERSION:2.0');
      expect(lines).to.include('BEGIN:VEVENT');
      expect(lines).to.include('BEGIN:VTIMEZONE');
      expect(lines.filter((l) => l.startsWith('UID:'))).to.have.length(1);
      expect(lines.find((l) => l.startsWith('UID:'))).to.contain(walk.id);
      const event = lines.slice(lines.indexOf('BEGIN:VEVENT'));
      expect(event.find((l) => l.startsWith('DTSTART'))).to.match(/^DTSTART;TZID=Europe\/Paris:\d{8}T\d{6}$/);
      await expect(el).to.be.accessible();
    });

    it('offers no calendar file to a person on the waiting list', async () => {
      const el = await withData(walkData({ seatsLeft: 0, waitlisted: 3 }));
      await el.showReceipt({ status: 'waitlisted', position: 4 });
      expect($(el, 'a.calendar')).to.be.null;
    });

    it('fires a cancelable, bubbling, composed gusp-register; when prevented, nothing is sent', async () => {
      const id = await createWalk();
      const el = await fromApi(id);
      fill(shadow(el), { name: 'Sam', email: uniqueEmail('sam'), consent: true });
      const listener = (e: GuspRegisterEvent) => e.preventDefault();
      document.addEventListener('gusp-register', listener);
      try {
        const fired = oneEvent(el, 'gusp-register');
        await el.submit();
        const event = await fired;
        expect(event).to.be.instanceOf(GuspRegisterEvent);
        expect([event.bubbles, event.composed, event.cancelable]).to.deep.equal([true, true, true]);
        expect(event.detail.walkId).to.equal(id);
        expect(event.detail.input).to.include({ name: 'Sam', consent: true, role: 'resident', locale: 'fr' });
      } finally {
        document.removeEventListener('gusp-register', listener);
      }
      expect(await storedRegistrations(id)).to.have.length(0);
      expect($(el, 'form')).to.exist;
      await el.showReceipt({ status: 'confirmed' });
      expect(text(el, '.confirmation h3')).to.equal('Votre inscription est confirmée');
    });

    it('keeps the form filled when the server is down, and a retry sends it once', async () => {
      const id = await createWalk();
      const el = await fromApi(id);
      const email = uniqueEmail('retry');
      fill(shadow(el), { name: 'Nour', email, consent: true });
      await setOutage(true);
      try {
        await el.submit();
        expect(text(el, '.failure p')).to.equal(
          'L’inscription n’a pas pu être envoyée. Vos réponses sont conservées : vous pouvez réessayer.',
        );
        expect(focusedId(el)).to.equal('failure');
        expect($<HTMLInputElement>(el, '#name')!.value).to.equal('Nour');
        expect($<HTMLInputElement>(el, '#email')!.value).to.equal(email);
        expect($<HTMLInputElement>(el, '#consent')!.checked).to.be.true;
      } finally {
        await setOutage(false);
      }
      const registered = oneEvent(el, 'gusp-registered');
      $<HTMLButtonElement>(el, '.failure button')!.click();
      await registered;
      expect(await storedRegistrations(id)).to.have.length(1);
    });

    it('signs up once when the server recorded it but the answer was lost, and the person retries', async () => {
      const id = await createWalk();
      const el = await fromApi(id);
      fill(shadow(el), { name: 'Maëlle', email: uniqueEmail('lost'), consent: true });
      await setNetwork('lose-responses');
      try {
        await el.submit();
        expect($(el, '.failure')).to.exist;
      } finally {
        await setNetwork('up');
      }
      expect(await storedRegistrations(id)).to.have.length(1);
      const registered = oneEvent(el, 'gusp-registered');
      $<HTMLButtonElement>(el, '.failure button')!.click();
      expect((await registered).detail.receipt.status).to.equal('confirmed');
      expect(await storedRegistrations(id)).to.have.length(1);
    });

    it('shows a refusal of the server next to its field (same email twice)', async () => {
      const id = await createWalk();
      const email = uniqueEmail('twice');
      const first = await fromApi(id);
      fill(shadow(first), { name: 'Alex', email, consent: true });
      await first.submit();
      const second = await fromApi(id);
      fill(shadow(second), { name: 'Alex', email, consent: true });
      await second.submit();
      expect(text(second, '#email-error')).to.equal('Cette adresse e-mail est déjà inscrite à ce diagnostic.');
      expect(focusedId(second)).to.equal('error-summary');
    });
  });

  describe('draft', () => {
    it('restores what was typed after a reload, but never the consent', async () => {
      const data = walkData();
      const first = await withData(data);
      await fillForm(first, {
        name: 'Inès',
        phone: '06 00 00 00 00',
        role: 'association',
        'need-interpreter': true,
        'needs-note': 'Arabe',
        consent: true,
      });
      fixtureCleanup();
      const el = await withData(data);
      expect($<HTMLInputElement>(el, '#name')!.value).to.equal('Inès');
      expect($<HTMLInputElement>(el, '#phone')!.value).to.equal('06 00 00 00 00');
      expect($<HTMLSelectElement>(el, '#role')!.value).to.equal('association');
      expect($<HTMLInputElement>(el, '#need-interpreter')!.checked).to.be.true;
      expect($<HTMLTextAreaElement>(el, '#needs-note')!.value).to.equal('Arabe');
      expect($<HTMLInputElement>(el, '#consent')!.checked).to.be.false;
      expect(text(el, '[role=status]')).to.equal('Nous avons retrouvé les réponses que vous aviez commencé à saisir.');
    });

    it('forgets the draft once the sign-up is recorded', async () => {
      const data = walkData();
      const el = await withData(data);
      fill(shadow(el), { name: 'Inès' });
      await el.showReceipt({ status: 'confirmed' });
      fixtureCleanup();
      const again = await withData(data);
      expect($<HTMLInputElement>(again, '#name')!.value).to.equal('');
    });

    it('offers a draft back for 24 hours after its last change, then removes it unseen (a shared computer)', async () => {
      const data = walkData();
      await fillForm(await withData(data), { name: 'Inès', phone: '06 00 00 00 00', 'need-interpreter': true });
      fixtureCleanup();
      ageDrafts(23);
      expect($<HTMLInputElement>(await withData(data), '#name')!.value).to.equal('Inès');
      fixtureCleanup();
      ageDrafts(25);
      const el = await withData(data);
      expect($<HTMLInputElement>(el, '#name')!.value).to.equal('');
      expect($<HTMLInputElement>(el, '#phone')!.value).to.equal('');
      // No need ticked: the needs are not even drawn, « Non » is the answer.
      expect($<HTMLInputElement>(el, '#need-interpreter')?.checked ?? false).to.be.false;
      expect($<HTMLInputElement>(el, '#needs-no')!.checked).to.be.true;
      expect(text(el, '[role=status]')).to.equal('');
      expect(storedDrafts()).to.deep.equal({});
    });

    it('keeps no name, contact or needs, on the device or in the form, once the sign-up is recorded or waitlisted', async () => {
      for (const [options, status] of [
        [{ capacity: 10 }, 'confirmed'],
        [{ capacity: 2, fill: 3 }, 'waitlisted'],
      ] as const) {
        const id = await createWalk(options);
        const el = await fromApi(id);
        const email = uniqueEmail('ines');
        await fillForm(el, {
          name: 'Inès',
          email,
          phone: '06 00 00 00 00',
          'need-interpreter': true,
          'needs-note': 'Arabe',
          consent: true,
        });
        expect(JSON.stringify(storedDrafts())).to.contain(email);
        const registered = oneEvent(el, 'gusp-registered');
        await el.submit();
        expect((await registered).detail.receipt.status).to.equal(status);
        expect(JSON.stringify(storedDrafts())).not.to.match(/Inès|ines\.|06 00|interpreter|Arabe/);
        if (status === 'confirmed') expect(text(el, '.position')).to.contain('Merci Inès');
        // The form is no longer drawn once confirmed: its values are what a later render would show.
        const { values } = (el as unknown as { form: { values: Record<string, unknown> } }).form;
        expect(values).to.include({ name: '', email: '', phone: '', needsNote: '', consent: false });
        expect(values['needs']).to.deep.equal([]);
        fixtureCleanup();
        const again = await fromApi(id);
        expect($<HTMLInputElement>(again, '#name')!.value).to.equal('');
        fixtureCleanup();
      }
    });

    it('« Effacer mes réponses » empties the form and the device, says so, and goes back to the first field', async () => {
      const data = walkData();
      const el = await withData(data);
      await fillForm(el, {
        name: 'Inès',
        email: 'ines@example.org',
        phone: '06 00 00 00 00',
        'need-interpreter': true,
        'needs-note': 'Arabe',
        consent: true,
      });
      await el.submit();
      expect($(el, '.error-summary')).to.not.exist;
      await el.showError(); // the network failed: « vos réponses sont conservées »
      expect($(el, '.failure')).to.exist;
      const clear = $<HTMLButtonElement>(el, 'button[part=clear]')!;
      expect(clear.type).to.equal('button');
      expect(clear.textContent.trim()).to.equal('Effacer mes réponses');
      clear.click();
      await el.updateComplete;
      for (const id of ['name', 'email', 'phone']) expect($<HTMLInputElement>(el, `#${id}`)!.value, id).to.equal('');
      // The needs are emptied, so no longer drawn: « Non » is the answer again.
      expect($<HTMLTextAreaElement>(el, '#needs-note')?.value ?? '').to.equal('');
      expect($<HTMLInputElement>(el, '#need-interpreter')?.checked ?? false).to.be.false;
      expect($<HTMLInputElement>(el, '#needs-no')!.checked).to.be.true;
      expect($<HTMLInputElement>(el, '#consent')!.checked).to.be.false;
      expect(storedDrafts()).to.deep.equal({});
      expect(text(el, '[role=status]')).to.equal('Vos réponses ont été effacées de cet appareil.');
      expect($(el, '.failure')).to.not.exist;
      expect(focusedId(el)).to.equal('name');
      await expect(el).to.be.accessible();
      fixtureCleanup();
      expect($<HTMLInputElement>(await withData(data), '#name')!.value).to.equal('');
    });

    it('« Clear my answers » in English, after a restored draft', async () => {
      const data = walkData();
      fill(shadow(await withData(data, 'en')), { name: 'Inès' });
      fixtureCleanup();
      const el = await withData(data, 'en');
      expect(text(el, '[role=status]')).to.equal('We found the answers you had started to fill in.');
      $<HTMLButtonElement>(el, 'button[part=clear]')!.click();
      await el.updateComplete;
      expect(text(el, '[role=status]')).to.equal('Your answers have been cleared from this device.');
      expect($<HTMLInputElement>(el, '#name')!.value).to.equal('');
      await expect(el).to.be.accessible();
    });
  });
});
