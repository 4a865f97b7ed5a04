// SPDX-License-Identifier: EUPL-1.2
import { Observation, Registration, valence, Walk, type WalkSummary } from '@gusp/core';
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../define/day.js';
import { clean, shadow } from '../../test/helpers.js';
import type { DayListData, DayRegistration, DayWalkData, GuspConsoleDay } from './day.js';

const $ = <T extends HTMLElement = HTMLElement>(el: Element, selector: string) => shadow(el).querySelector<T>(selector);
const $$ = (el: Element, selector: string) => [...shadow(el).querySelectorAll<HTMLElement>(selector)];
const text = (el: Element, selector: string) => clean($(el, selector)?.textContent);
const focused = (el: Element) => (shadow(el).activeElement as HTMLElement | null)?.id;

/* ------------------------------------------------------------------ given data (no server): states and layout */

const STOPS = [
  { id: 'stop-parvis', label: 'Parvis de la maison de quartier' },
  { id: 'stop-square', label: 'Square des Bleuets' },
];

function summaryOf(status: WalkSummary['status'], id = 'w-given'): WalkSummary {
  const walk = Walk.parse({
    id,
    quartierId: 'le-plan',
    title: 'Autour des Bleuets',
    startsAt: '2099-03-14T09:00:00+01:00',
    durationMinutes: 240,
    meetingPoint: { label: 'Parvis de la maison de quartier' },
    stops: STOPS,
    capacity: 25,
    registrationDeadline: '2099-03-13T18:00:00+01:00',
    status,
    organiserIds: ['ville-de-valence'],
    sequence: 0,
    createdAt: '2026-11-01T10:00:00+01:00',
    updatedAt: '2026-11-01T10:00:00+01:00',
  });
  const byRole = { resident: 2, association: 0, professional: 0, elected: 0, landlord: 0, 'proximity-agent': 0, partner: 0 };
  return { walk, status, capacity: 25, seatsLeft: 23, fewSeatsLeft: false, confirmed: 2, waitlisted: 1, attended: 0, byRole };
}

let seq = 0;
function person(name: string, status: DayRegistration['status'], extra: Record<string, unknown> = {}): DayRegistration {
  const { cancelToken: _token, ...r } = Registration.parse({
    id: `r-given-${++seq}`,
    walkId: 'w-given',
    name,
    email: 'someone@example.org',
    role: 'resident',
    needs: [],
    locale: 'fr',
    consent: { version: '2026-01', at: '2099-03-01T10:00:00+01:00' },
    status,
    cancelToken: 'x'.repeat(32),
    registeredAt: '2099-03-01T10:00:00+01:00',
    updatedAt: '2099-03-01T10:00:00+01:00',
    ...extra,
  });
  return r;
}

const given = (status: WalkSummary['status'] = 'in-progress'): DayWalkData => {
  const { reporter: _none, ...observed } = Observation.parse({
    id: 'o-given',
    quartierId: 'le-plan',
    walkId: 'w-given',
    stopId: 'stop-square',
    polarity: 'problem',
    themeId: 'eclairage-public',
    description: 'Lampadaire éteint',
    photos: [],
    source: 'walk',
    status: 'recorded',
    recordedAt: '2099-03-14T09:40:00+01:00',
    updatedAt: '2099-03-14T09:40:00+01:00',
  });
  return {
    summary: summaryOf(status),
    city: valence,
    registrations: [
      person('Éloïse Martin', 'confirmed'),
      person('Paul Girard', 'waitlisted'),
      person('Karim Benali', 'attended'),
      person('Jeanne Roux', 'cancelled'),
    ],
    observations: [observed],
  };
};

async function givenDay(data: DayWalkData, lang = 'fr'): Promise<GuspConsoleDay> {
  const el = await fixture<GuspConsoleDay>(html`<gusp-console-day lang=${lang} walk-id="w-given" .data=${data}></gusp-console-day>`);
  await el.loaded;
  return el;
}

afterEach(() => fixtureCleanup());

describe('<gusp-console-day> with given data', () => {
  it('lists today’s walks, each a link to its day, and says when there is none', async () => {
    const list: DayListData = { city: valence, walks: [summaryOf('in-progress', 'w-a'), summaryOf('closed', 'w-b')] };
    const el = await fixture<GuspConsoleDay>(html`<gusp-console-day .list=${list}></gusp-console-day>`);
    await el.loaded;
    expect(text(el, '#day-title')).to.equal('Les diagnostics du jour');
    expect($$(el, '#day-walks a').map((a) => a.getAttribute('href'))).to.deep.equal(['#day/w-a', '#day/w-b']);
    expect(text(el, '#day-open-w-a')).to.contain('Mener le diagnostic du samedi 14 mars 2099');
    await expect(el).to.be.accessible();
    const none = await fixture<GuspConsoleDay>(html`<gusp-console-day lang="en" .list=${{ city: valence, walks: [] }}></gusp-console-day>`);
    await none.loaded;
    expect(text(none, '#day-no-walk')).to.equal('No walk today and none under way.');
    await expect(none).to.be.accessible();
  });

  it('shows the status, who may be ticked (the waitlisted too), who is present, and what is recorded per stop', async () => {
    const el = await givenDay(given());
    expect($(el, '#day-status')!.dataset.status).to.equal('in-progress');
    expect($(el, '#day-start')).to.equal(null);
    expect($(el, '#day-finish')).to.not.equal(null);
    // The cancelled registration is not listed; the one present is ticked and cannot be unticked.
    expect($$(el, '#day-people [data-registration]').map((li) => clean(li.querySelector('label')?.textContent))).to.deep.equal([
      'Éloïse Martin Habitant·e',
      'Karim Benali Habitant·e · pointé',
      'Paul Girard Habitant·e · liste d’attente',
    ]);
    const present = $$(el, '#day-people input[disabled]');
    expect(present).to.have.length(1);
    expect(text(el, '#day-present')).to.equal('1 présent sur 2 attendus');
    expect($(el, '[data-stop="stop-square"]')!.dataset.recorded).to.equal('1');
    expect(text(el, '[data-stop="stop-square"]')).to.contain('Lampadaire éteint');
    expect(text(el, '#day-pending')).to.equal('Tout est envoyé.');
    await expect(el).to.be.accessible();
  });

  it('finds people by the first letters of their name, accents optional', async () => {
    const el = await givenDay(given());
    $(el, '#day-search')!.focus();
    await sendKeys({ type: 'elo' });
    await el.updateComplete;
    expect($$(el, '#day-people [data-registration]')).to.have.length(1);
    expect(text(el, '#day-shown')).to.equal('1 sur 3');
    await sendKeys({ type: 'xyz' });
    await el.updateComplete;
    expect(text(el, '#day-shown')).to.equal('Aucun nom ne contient « eloxyz ».');
    await expect(el).to.be.accessible();
  });

  it('asks to confirm before starting, and Annuler gives focus back to the button', async () => {
    const el = await givenDay(given('closed'));
    expect(text(el, '#day-checkin-title ~ .notice')).to.contain('Démarrez le diagnostic');
    $(el, '#day-start')!.click();
    await el.updateComplete;
    expect(text(el, '#day-confirm-text')).to.contain('Démarrer maintenant ?');
    expect(focused(el)).to.equal('day-confirm');
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect($(el, '#day-confirm')).to.equal(null);
    expect(focused(el)).to.equal('day-start');
  });

  it('says what is missing in a walk-in, in French then English, and focuses it', async () => {
    const el = await givenDay(given());
    $(el, '#day-walkin-submit')!.click();
    await el.updateComplete;
    expect(text(el, '#day-walkin-name-error')).to.equal('Saisissez le nom de la personne.');
    expect(text(el, '#day-walkin-consent-error')).to.contain('Cochez l’accord oral');
    expect(focused(el)).to.equal('day-walkin-name');
    expect($(el, '#day-walkin-name')!.getAttribute('aria-describedby')).to.equal('day-walkin-name-error');
    await expect(el).to.be.accessible();
    const en = await givenDay(given(), 'en');
    $<HTMLInputElement>(en, '#day-walkin-name')!.value = 'Ana';
    $(en, '#day-walkin-name')!.dispatchEvent(new Event('input'));
    $<HTMLInputElement>(en, '#day-walkin-phone')!.value = '12';
    $(en, '#day-walkin-phone')!.dispatchEvent(new Event('input'));
    $(en, '#day-walkin-submit')!.click();
    await en.updateComplete;
    expect(text(en, '#day-walkin-phone-error')).to.not.equal('');
    expect(text(en, '#day-walkin-consent-error')).to.equal('Tick the person’s oral consent: without it they cannot be added.');
    expect(focused(en)).to.equal('day-walkin-phone');
    await expect(en).to.be.accessible();
  });

  for (const width of [320, 360]) {
    it(`fits a ${width} px phone without sideways scrolling`, async () => {
      await setViewport({ width, height: 720 });
      try {
        const el = await givenDay(given());
        expect(document.documentElement.scrollWidth).to.be.at.most(width);
        const form = $(el, 'gusp-issue-form')!;
        expect(form.getBoundingClientRect().right).to.be.at.most(width);
      } finally {
        await setViewport({ width: 800, height: 600 });
      }
    });
  }
});
