// SPDX-License-Identifier: EUPL-1.2
import { valence } from '@gusp/core';
import { expect, fixture, fixtureCleanup, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../define/walk-list.js';
import { API, createWalk, fill, storedRegistrations, uniqueEmail, until, walkData } from '../../test/helpers.js';
import { runElementBaseTests } from '../../test/element-base-tests.js';
import { deepActive, tabThroughSignup } from '../../test/keyboard.js';
import type { GuspWalkSignup } from '../walk-signup/walk-signup.js';
import type { GuspWalkList } from './walk-list.js';
import type { WalkListData } from './walk-list-data.js';

const shadow = (el: Element): ShadowRoot => el.shadowRoot as ShadowRoot;
const clean = (s: string | null | undefined): string => (s ?? '').replace(/\s+/g, ' ').trim();
const text = (el: Element, selector: string): string => clean(shadow(el).querySelector(selector)?.textContent);
const signups = (el: GuspWalkList): GuspWalkSignup[] => [...shadow(el).querySelectorAll<GuspWalkSignup>('gusp-walk-signup')];

/** Three walks in 2099: Le Plan (open), Fontbarlettes (full, later), Polygone (cancelled, earlier). */
function listData(): WalkListData {
  return {
    city: valence,
    walks: [
      walkData({}, { city: undefined }),
      walkData(
        {
          seatsLeft: 0,
          waitlisted: 2,
          walk: { id: 'walk-fontbarlettes', quartierId: 'fontbarlettes', startsAt: '2099-04-11T14:00:00+02:00' },
        },
        { city: undefined },
      ),
      walkData(
        {
          status: 'cancelled',
          walk: { id: 'walk-polygone', quartierId: 'polygone', status: 'cancelled', startsAt: '2099-02-07T09:30:00+01:00' },
        },
        { city: undefined },
      ),
    ],
  };
}

async function withData(data: WalkListData, lang?: string): Promise<GuspWalkList> {
  return lang
    ? fixture<GuspWalkList>(html`<gusp-walk-list lang=${lang} .data=${data}></gusp-walk-list>`)
    : fixture<GuspWalkList>(html`<gusp-walk-list .data=${data}></gusp-walk-list>`);
}

beforeEach(() => localStorage.clear());
afterEach(() => fixtureCleanup());

runElementBaseTests({
  tag: 'gusp-walk-list',
  data: listData,
  heading: { fr: 'Prochains diagnostics en marchant', en: 'Upcoming neighbourhood walks' },
  fromApi: async () => {
    await createWalk({ quartierId: 'polygone' });
    return { attributes: { endpoint: API }, path: '/walks' };
  },
  change: async () => {
    const title = `Diagnostic de Fontbarlettes ${Math.random().toString(36).slice(2, 8)}`;
    await createWalk({ quartierId: 'fontbarlettes', title });
    return {
      attribute: 'quartier',
      value: 'fontbarlettes',
      shown: (root) => [...root.querySelectorAll('.card h3')].some((h) => h.textContent?.trim() === title),
    };
  },
});

describe('gusp-walk-list', () => {
  describe('the cards', () => {
    it('shows each walk still to come as a short card, soonest first: name, date in words, meeting point, seats', async () => {
      const el = await withData(listData());
      const cards = [...shadow(el).querySelectorAll('.card')];
      expect(cards.map((c) => clean(c.querySelector('h3')?.textContent))).to.deep.equal(['Polygone', 'Le Plan', 'Fontbarlettes']);
      const lePlan = cards[1]!;
      expect(clean(lePlan.querySelector('.when')?.textContent)).to.equal('samedi 14 mars 2099, de 9 h à 13 h');
      expect(clean(lePlan.querySelector('.place')?.textContent)).to.equal('Rendez-vous : Parvis de la maison de quartier');
      expect(clean(lePlan.querySelector('.seats')?.textContent)).to.equal('Il reste 12 places');
      expect(clean(cards[2]!.querySelector('.when')?.textContent)).to.equal('samedi 11 avril 2099, de 14 h à 18 h');
      expect(clean(cards[2]!.querySelector('.seats')?.textContent)).to.equal('Complet : inscription sur liste d’attente');
      expect(clean(cards[0]!.querySelector('.seats')?.textContent)).to.equal('Annulé');
      // No sign-up form is drawn until one is asked for.
      expect(signups(el)).to.have.length(0);
      await expect(el).to.be.accessible();
    });

    it('gives each card one « S’inscrire » button whose name says which walk, none for a cancelled walk', async () => {
      const el = await withData(listData());
      const buttons = [...shadow(el).querySelectorAll<HTMLButtonElement>('button[part=open]')];
      expect(buttons.map((b) => clean(b.textContent))).to.deep.equal([
        'S’inscrire : Le Plan, samedi 14 mars 2099, de 9 h à 13 h',
        'S’inscrire : Fontbarlettes, samedi 11 avril 2099, de 14 h à 18 h',
      ]);
      // What is seen is where the name starts (WCAG 2.5.3); the rest is for screen readers only.
      for (const b of buttons) expect(clean(b.querySelector('.visually-hidden')?.previousSibling?.textContent)).to.equal('S’inscrire');
      expect(new Set(buttons.map((b) => clean(b.textContent))).size).to.equal(buttons.length);
    });

    it('shows one quartier’s walks with a quartier attribute, and says so when none is planned', async () => {
      const page = await fixture<HTMLDivElement>(html`<div></div>`);
      page.innerHTML = '<gusp-walk-list quartier="fontbarlettes"></gusp-walk-list>';
      const el = page.firstElementChild as GuspWalkList;
      el.data = listData();
      await el.updateComplete;
      expect(text(el, 'h2')).to.equal('Prochains diagnostics en marchant – Fontbarlettes');
      expect([...shadow(el).querySelectorAll('.card h3')].map((h) => clean(h.textContent))).to.deep.equal(['Fontbarlettes']);
      el.quartier = 'valensolles';
      await el.updateComplete;
      expect(text(el, '[part=empty]')).to.equal('Aucun diagnostic en marchant n’est prévu pour le moment.');
      await expect(el).to.be.accessible();
    });

    it('leaves out walks already started or done, even in inline data', async () => {
      const data = listData();
      const past = walkData(
        { status: 'done', walk: { id: 'walk-past', startsAt: '2020-03-14T09:00:00+01:00', status: 'done' } },
        { city: undefined },
      );
      const el = await withData({ ...data, walks: [...data.walks, past] });
      expect(shadow(el).querySelectorAll('.card')).to.have.length(3);
    });

    it('speaks English with lang="en"', async () => {
      const el = await withData(listData(), 'en');
      expect(text(el, 'h2')).to.equal('Upcoming neighbourhood walks');
      expect(text(el, 'button[part=open]')).to.equal('Sign up: Le Plan, Saturday 14 March 2099, from 9 am to 1 pm');
      expect(text(el, '.card:nth-child(3) .seats')).to.equal('Full: you can join the waiting list');
    });
  });

  describe('the sign-up form it opens', () => {
    it('opens one sign-up form, named after its walk, with the focus on its heading, and goes back to the card', async () => {
      const el = await withData(listData());
      shadow(el).querySelector<HTMLButtonElement>('#open-walk-fontbarlettes')!.click();
      await until(() => signups(el).length === 1 && !!signups(el)[0]!.shadowRoot?.querySelector('form'));
      const [form] = signups(el);
      expect(shadow(el).querySelectorAll('.card')).to.have.length(0);
      const article = form!.shadowRoot!.querySelector('[part~=base]')!;
      expect(clean(form!.shadowRoot!.getElementById(article.getAttribute('aria-labelledby')!)?.textContent)).to.equal(
        'Diagnostic en marchant – Fontbarlettes',
      );
      await until(() => deepActive()?.id === 'title');
      expect(clean(deepActive()?.textContent)).to.equal('Diagnostic en marchant – Fontbarlettes');
      // A full walk: the form offers the waiting list.
      expect(clean(form!.shadowRoot!.querySelector('button[type=submit]')?.textContent)).to.equal('M’inscrire sur la liste d’attente');
      await expect(el).to.be.accessible();
      const back = shadow(el).querySelector<HTMLButtonElement>('button[part=back]')!;
      expect(clean(back.textContent)).to.equal('← Retour à la liste des diagnostics');
      back.click();
      await until(() => signups(el).length === 0);
      await el.updateComplete;
      expect(deepActive()?.id).to.equal('open-walk-fontbarlettes');
    });

    it('goes back with Escape too', async () => {
      const el = await withData(listData());
      await el.open('walk-le-plan-2099');
      expect(deepActive()?.id).to.equal('title');
      await sendKeys({ press: 'Escape' });
      await until(() => signups(el).length === 0);
      await el.updateComplete;
      expect(deepActive()?.id).to.equal('open-walk-le-plan-2099');
    });

    it('is completed with the keyboard only from the list, the focus never on <body>, and the seats shown again', async () => {
      const title = `Diagnostic au clavier ${Math.random().toString(36).slice(2, 8)}`;
      const id = await createWalk({ quartierId: 'chamberliere', capacity: 8, fill: 2, title, days: 3 });
      const page = await fixture<HTMLDivElement>(
        html`<div><button id="before">Avant</button><gusp-walk-list endpoint=${API} quartier="chamberliere"></gusp-walk-list></div>`,
      );
      const el = page.querySelector('gusp-walk-list') as GuspWalkList;
      await el.loaded;
      const card = () => [...shadow(el).querySelectorAll('.card')].find((c) => clean(c.querySelector('h3')?.textContent) === title);
      expect(clean(card()?.querySelector('.seats')?.textContent)).to.equal('Il reste 6 places');
      const seen: string[] = [];
      const step = async (press: string) => {
        await sendKeys({ press });
        await el.updateComplete;
        const active = deepActive();
        seen.push(active?.localName ?? 'none');
        expect(active, `after ${press}`).to.not.equal(document.body);
      };
      page.querySelector<HTMLButtonElement>('#before')!.focus();
      // Tab to this walk's « S’inscrire » (the walks of 3 days from now come first in the quartier).
      for (let i = 0; i < 20 && deepActive()?.id !== `open-${id}`; i++) await step('Tab');
      expect(deepActive()?.id).to.equal(`open-${id}`);
      await step('Enter');
      await until(() => deepActive()?.id === 'title');
      const form = signups(el)[0]!;
      await tabThroughSignup(step, 'Awa Diallo', uniqueEmail('awa'));
      const registered = oneEvent(form, 'gusp-registered');
      await sendKeys({ press: 'Enter' });
      expect((await registered).detail.receipt.status).to.equal('confirmed');
      await until(() => deepActive()?.id === 'confirmation-title');
      await until(() => clean(form.shadowRoot?.querySelector('.seats')?.textContent) === 'Il reste 5 places');
      expect(await storedRegistrations(id)).to.have.length(3);
      // Back to the list: its card shows the seat taken, and the focus is on its button.
      for (let i = 0; i < 30 && deepActive()?.getAttribute('part') !== 'back'; i++) {
        await sendKeys({ down: 'Shift' });
        await sendKeys({ press: 'Tab' });
        await sendKeys({ up: 'Shift' });
        expect(deepActive()).to.not.equal(document.body);
      }
      await step('Enter');
      await until(() => deepActive()?.id === `open-${id}`);
      await until(() => clean(card()?.querySelector('.seats')?.textContent) === 'Il reste 5 places');
      expect(seen).to.not.include('body');
    });

    it('passes its endpoint and privacy notice to the form, which posts there', async () => {
      const title = `Diagnostic transmis ${Math.random().toString(36).slice(2, 8)}`;
      const id = await createWalk({ quartierId: 'valensolles', title });
      const page = await fixture<HTMLDivElement>(
        html`<div><gusp-walk-list endpoint=${API} quartier="valensolles" privacy-notice-url="/vie-privee"></gusp-walk-list></div>`,
      );
      const el = page.querySelector('gusp-walk-list') as GuspWalkList;
      await el.loaded;
      await el.open(id);
      const form = signups(el)[0]!;
      await form.updateComplete;
      expect(form.getAttribute('endpoint')).to.equal(API);
      expect(form.shadowRoot!.querySelector('#privacy a')?.getAttribute('href')).to.equal('/vie-privee');
      fill(form.shadowRoot!, { name: 'Noé', email: uniqueEmail('noe'), consent: true });
      await form.submit();
      await until(() => !!form.shadowRoot?.querySelector('.confirmation'));
      expect((await storedRegistrations(id)).map((r) => r.name)).to.deep.equal(['Noé']);
    });
  });
});
