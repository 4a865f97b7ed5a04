// SPDX-License-Identifier: EUPL-1.2
import { Observation, Registration, valence, Walk, type WalkSummary } from '@gusp/core';
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import * as outbox from '@gusp/elements/shared/outbox.js';
import '../define/day.js';
import { clean, shadow, until } from '../../test/helpers.js';
import { api, failNext, REAL, setOffline, signInAs, walkIn } from '../../test/real.js';
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
    expect($$(el, '#day-walks a').map((a) => new URL((a as HTMLAnchorElement).href).hash)).to.deep.equal(['#day/w-a', '#day/w-b']);
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

  it('does not offer to start a walk whose registrations are still open (the rules start a closed one): it says to close them, with the link', async () => {
    const el = await givenDay(given('open'));
    expect($(el, '#day-start')).to.equal(null);
    expect(text(el, '#day-close-first')).to.contain('Les inscriptions sont encore ouvertes');
    expect($<HTMLAnchorElement>(el, '#day-close-first a')?.getAttribute('href')).to.match(/#plan\/w-given$/);
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

/* ------------------------------------------------------------------ the real server */

interface RealRegistration {
  readonly id: string;
  readonly name: string;
  readonly status: string;
  readonly channel?: string;
}
const registrationsOf = async (walkId: string) =>
  (await api<{ registrations: RealRegistration[] }>('GET', `/walks/${walkId}/registrations`)).registrations;
const statusOf = async (walkId: string) => (await api<{ status: string }>('GET', `/walks/${walkId}`)).status;
const stopsOf = async (walkId: string) => (await api<{ walk: { stops: { id: string }[] } }>('GET', `/walks/${walkId}`)).walk.stops;
const pendingOf = (el: Element) => Number($(el, '#day-pending')?.dataset.count);

/** A walk of today, registrations closed, not started yet (the rules start a walk at most 30 minutes early): as the coordinator. */
async function closedToday(registrations = 0): Promise<string> {
  const now = Date.now();
  const walk = await api<{ id: string }>('POST', '/walks', {
    quartierId: 'le-plan',
    startsAt: new Date(now + 10 * 60_000).toISOString(),
    registrationDeadline: new Date(now + 5 * 60_000).toISOString(),
    title: 'Marche à démarrer',
    capacity: 20,
    meetingPoint: { label: 'Devant la maison de quartier' },
  });
  await api('POST', `/walks/${walk.id}/publish`);
  for (let i = 1; i <= registrations; i++)
    await api('POST', `/walks/${walk.id}/registrations`, {
      name: `Voisine ${i}`,
      email: `voisine-${i}-${now.toString(36)}@example.org`,
      consent: true,
    });
  await api('POST', `/walks/${walk.id}/close-registrations`);
  return walk.id;
}

async function realDay(walkId?: string, lang = 'fr'): Promise<GuspConsoleDay> {
  const el = await fixture<GuspConsoleDay>(
    walkId
      ? html`<gusp-console-day lang=${lang} endpoint=${REAL} walk-id=${walkId}></gusp-console-day>`
      : html`<gusp-console-day lang=${lang} endpoint=${REAL}></gusp-console-day>`,
  );
  await el.loaded;
  return el;
}

const tick = async (el: GuspConsoleDay, registrationId: string) => {
  $(el, `#day-check-${registrationId}`)!.click();
  await el.updateComplete;
};
const type = (root: ParentNode, selector: string, value: string, event = 'input') => {
  const field = root.querySelector<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>(selector)!;
  field.value = value;
  field.dispatchEvent(new Event(event, { bubbles: true }));
};
/** The embedded issue form's shadow root. */
const issueForm = (el: GuspConsoleDay) => $(el, 'gusp-issue-form') as HTMLElement & { submit(): Promise<void>; loaded: Promise<void> };

describe('<gusp-console-day> against the real server', function () {
  this.timeout(60_000);
  afterEach(() => setOffline(false));

  it('lists today’s walks, those under way and those about to start (even past midnight), each a link to its day', async () => {
    await signInAs('coordinator');
    const id = await walkIn('in-progress', { title: 'Marche du jour' });
    // Starts in ten minutes, so it may be started now: listed whatever the hour (at 23:55 it begins tomorrow).
    const soon = await closedToday();
    const el = await realDay();
    expect($(el, `#day-open-${CSS.escape(soon)}`)).to.not.equal(null);
    const link = $(el, `#day-open-${CSS.escape(id)}`)!;
    expect(new URL((link as HTMLAnchorElement).href).hash).to.equal(`#day/${encodeURIComponent(id)}`);
    expect(text(el, `[data-walk="${id}"]`))
      .to.contain('Marche du jour')
      .and.contain('En cours');
    await expect(el).to.be.accessible();
  });

  it('says it is loading, then why it could not load, and « Réessayer » loads the list', async () => {
    await signInAs('agent');
    await failNext('/walks', 503, 1);
    const el = await fixture<GuspConsoleDay>(html`<gusp-console-day endpoint=${REAL}></gusp-console-day>`);
    expect(text(el, '[role="status"]')).to.equal('Chargement…');
    await expect(el).to.be.accessible();
    await el.loaded;
    expect(text(el, '#day-load-error')).to.equal('Le serveur ne répond pas. Vérifiez votre connexion puis réessayez.');
    await expect(el).to.be.accessible();
    $(el, '#day-retry')!.click();
    await el.loaded;
    expect($(el, '#day-load-error')).to.equal(null);
    expect(text(el, '#day-title')).to.equal('Les diagnostics du jour');
    expect($(el, '#day-walks, #day-no-walk')).to.not.equal(null);
  });

  it('a coordinator starts then finishes the walk, each after a confirmation, and the server says so', async () => {
    await signInAs('coordinator');
    const id = await closedToday(1);
    const el = await realDay(id);
    expect($(el, '#day-status')!.dataset.status).to.equal('closed');
    $(el, '#day-start')!.click();
    await el.updateComplete;
    await expect(el).to.be.accessible();
    $(el, '#day-confirm')!.click();
    await until(() => $(el, '#day-status')?.dataset.status === 'in-progress' && pendingOf(el) === 0, 10_000, 'started');
    expect(await statusOf(id)).to.equal('in-progress');
    expect(text(el, '#day-status-said')).to.equal('Le diagnostic est démarré.');
    expect(focused(el)).to.equal('day-status-said');
    $(el, '#day-finish')!.click();
    await el.updateComplete;
    expect(text(el, '#day-confirm-text')).to.contain('Terminer maintenant ?');
    $(el, '#day-confirm')!.click();
    await until(() => $(el, '#day-status')?.dataset.status === 'done' && pendingOf(el) === 0, 10_000, 'finished');
    expect(await statusOf(id)).to.equal('done');
    await expect(el).to.be.accessible();
  });

  it('an agent, who may not start a walk, is told so in words, nothing is left waiting, and once the role is known it is not offered', async () => {
    await signInAs('coordinator');
    const id = await closedToday();
    await signInAs('agent');
    const el = await realDay(id);
    $(el, '#day-start')!.click();
    await el.updateComplete;
    $(el, '#day-confirm')!.click();
    await until(() => $(el, '#day-refusals') !== null, 10_000, 'the refusal');
    expect(text(el, '#day-refusals')).to.contain('Démarrer le diagnostic : Votre rôle ne permet pas cette action');
    expect(pendingOf(el)).to.equal(0);
    expect(await statusOf(id)).to.equal('closed');
    await expect(el).to.be.accessible();
    // Told its role (as <gusp-console> does), the screen no longer offers what the server refuses.
    el.staffRole = 'agent';
    await el.updateComplete;
    expect($(el, '#day-start')).to.equal(null);
    expect($(el, '#day-search'), 'the check-in is still there').to.not.equal(null);
  });

  it('checks in three people (a waitlisted one who came among them) and one walk-in with the network cut, then sends each once', async () => {
    await signInAs('coordinator');
    const id = await walkIn('in-progress', { registrations: 4, capacity: 3 });
    await signInAs('agent');
    const people = await registrationsOf(id);
    const waitlisted = people.find((p) => p.status === 'waitlisted')!;
    const three = [...people.filter((p) => p.status === 'confirmed').slice(0, 2), waitlisted];
    expect(three).to.have.length(3);
    const el = await realDay(id);
    expect(text(el, `[data-registration="${waitlisted.id}"]`)).to.contain('liste d’attente');
    // Online first: axe is loaded on its first use, which would fail without network.
    await expect(el).to.be.accessible();

    await setOffline(true);
    await until(() => $(el, '#day-offline') !== null, 4000, 'the offline notice');
    for (const p of three) await tick(el, p.id);
    expect(text(el, '#day-checkin-submit')).to.equal('Pointer 3 personnes');
    $(el, '#day-checkin-submit')!.click();
    await until(() => text(el, '#day-checkin-said') !== '', 10_000, 'the check-in said');
    expect(text(el, '#day-checkin-said')).to.equal('3 pointages gardés sur cet appareil : ils seront envoyés au retour du réseau.');
    for (const p of three) expect($(el, `[data-registration="${p.id}"]`)!.dataset.status).to.equal('pending');

    type(shadow(el), '#day-walkin-name', 'Mme Sur-Place');
    $(el, '#day-walkin-consent')!.click();
    $(el, '#day-walkin-submit')!.click();
    await until(() => text(el, '#day-walkin-said') !== '', 10_000, 'the walk-in said');
    expect(text(el, '#day-walkin-said')).to.equal(
      'L’arrivée de Mme Sur-Place est gardée sur cet appareil : elle sera envoyée au retour du réseau.',
    );
    expect(pendingOf(el)).to.equal(2);
    expect(text(el, '#day-pending')).to.equal('2 envois en attente sur cet appareil');
    await expect(el).to.be.accessible();

    // The page is closed and opened again, still without network: nothing is lost, the screen says why it cannot load.
    fixtureCleanup();
    const again = await realDay(id);
    expect(pendingOf(again)).to.equal(2);
    expect(text(again, '#day-load-error')).to.not.equal('');
    await expect(again).to.be.accessible();
    // Nothing reached the server meanwhile.
    await setOffline(false);
    await until(() => pendingOf(again) === 0 && $(again, '#day-people') !== null, 15_000, 'everything sent');
    const after = await registrationsOf(id);
    for (const p of three) expect(after.find((r) => r.id === p.id)?.status, p.name).to.equal('attended');
    const walkIns = after.filter((r) => r.name === 'Mme Sur-Place');
    expect(walkIns.map((r) => [r.status, r.channel])).to.deep.equal([['attended', 'walk-in']]);
    // Sent once: nothing waits, a second « Envoyer maintenant » sends nothing more.
    await again.sendNow();
    expect((await registrationsOf(id)).filter((r) => r.name === 'Mme Sur-Place')).to.have.length(1);
    // Present: the three and the walk-in; expected: those, and the one confirmed person not there yet.
    expect(text(again, '#day-present')).to.equal('4 présents sur 5 attendus');
    await expect(again).to.be.accessible();
  });

  it('records observations stop by stop with the session, keeps stop and theme, and shows them per stop, offline too', async () => {
    await signInAs('coordinator');
    const id = await walkIn('in-progress', { stops: 2 });
    await signInAs('agent');
    const [, second] = await stopsOf(id);
    const el = await realDay(id);
    const form = issueForm(el);
    await form.loaded;
    const root = form.shadowRoot!;
    (root.querySelector('#polarity-problem') as HTMLInputElement).click();
    type(root, '#theme', 'eclairage-public', 'change');
    type(root, '#stop', second!.id, 'change');
    type(root, '#description', 'Lampadaire éteint devant l’école');
    await form.submit();
    await until(() => $(el, `[data-stop="${second!.id}"]`)?.dataset.recorded === '1', 10_000, 'the first observation');
    const recorded = (
      await api<{ observations: { description: string; source: string; stopId?: string }[] }>('GET', `/observations?walk=${id}`)
    ).observations;
    expect(recorded.map((o) => [o.description, o.source, o.stopId])).to.deep.equal([
      ['Lampadaire éteint devant l’école', 'walk', second!.id],
    ]);
    // Walk, stop and theme stay for the next entry.
    expect((root.querySelector('#stop') as HTMLSelectElement).value).to.equal(second!.id);
    expect((root.querySelector('#theme') as HTMLSelectElement).value).to.equal('eclairage-public');
    await expect(el).to.be.accessible();

    await setOffline(true);
    type(root, '#description', 'Trottoir défoncé');
    await form.submit();
    await until(() => $(el, `[data-stop="${second!.id}"]`)?.dataset.pending === '1', 10_000, 'the queued observation');
    expect(pendingOf(el)).to.equal(1);
    expect(text(el, `[data-stop="${second!.id}"]`)).to.contain('1 enregistrée, 1 en attente d’envoi');
    await expect(el).to.be.accessible();
    await setOffline(false);
    await until(() => $(el, `[data-stop="${second!.id}"]`)?.dataset.recorded === '2' && pendingOf(el) === 0, 15_000, 'sent');
    expect((await api<{ observations: unknown[] }>('GET', `/observations?walk=${id}`)).observations).to.have.length(2);
  });

  it('sends by itself what the first attempt after the network came back could not (the journey’s « 2 envois en attente »): once each', async () => {
    await signInAs('coordinator');
    const id = await walkIn('in-progress', { registrations: 1, stops: 1 });
    await signInAs('agent');
    const [person] = await registrationsOf(id);
    const el = await realDay(id);
    const form = issueForm(el);
    await form.loaded;
    // Armed now (no request reaches the faulty network offline): the first attempts once `online` comes drop their connection,
    // as when the browser says `online` before requests go through again.
    await failNext(`/walks/${id}/check-ins`, 0, 1);
    await failNext('/observations', 0, 1);
    await setOffline(true);
    await tick(el, person!.id);
    $(el, '#day-checkin-submit')!.click();
    await until(() => text(el, '#day-checkin-said') !== '', 10_000, 'the check-in kept');
    const root = form.shadowRoot!;
    (root.querySelector('#polarity-problem') as HTMLInputElement).click();
    type(root, '#theme', 'eclairage-public', 'change');
    type(root, '#address', 'Place du marché');
    type(root, '#description', 'Lampadaire éteint');
    await form.submit();
    await until(() => pendingOf(el) === 2, 10_000, 'both kept on the device');
    await setOffline(false);
    await until(() => !$(el, '#day-offline'), 4000, 'online again');
    // No other event, no « Envoyer maintenant »: both outboxes try again by themselves.
    await until(() => pendingOf(el) === 0, 15_000, 'sent by itself');
    expect((await registrationsOf(id)).map((r) => r.status)).to.deep.equal(['attended']);
    expect((await api<{ observations: unknown[] }>('GET', `/observations?walk=${id}`)).observations).to.have.length(1);
  });

  it('keeps a walk-in waiting more than 24 hours on the device without its phone number, but with the name it needs', async () => {
    await setOffline(true);
    const url = `${REAL}/walks/w-given/walk-ins`;
    const old = new Date(Date.now() - 25 * 3600_000).toISOString();
    await outbox.put({
      clientId: 'old-walk-in',
      url,
      body: { name: 'Ana Vieille', role: 'resident', phone: '06 12 34 56 78', consent: true },
      createdAt: old,
    });
    try {
      const el = await fixture<GuspConsoleDay>(
        html`<gusp-console-day endpoint=${REAL} walk-id="w-given" .data=${given()}></gusp-console-day>`,
      );
      await el.loaded;
      expect(pendingOf(el)).to.equal(1);
      expect((await outbox.pending(url)).map((e) => e.body)).to.deep.equal([{ name: 'Ana Vieille', role: 'resident', consent: true }]);
    } finally {
      await outbox.remove('old-walk-in');
    }
  });

  it('keeps an observation the session could not send (401: the session ended) and sends it later, never drops it', async () => {
    await signInAs('coordinator');
    const id = await walkIn('in-progress', { stops: 1 });
    await signInAs('agent');
    const el = await realDay(id);
    const form = issueForm(el);
    await form.loaded;
    const root = form.shadowRoot!;
    (root.querySelector('#polarity-positive') as HTMLInputElement).click();
    type(root, '#theme', 'lien-social', 'change');
    type(root, '#address', 'Place du marché');
    type(root, '#description', 'Jardin partagé très fréquenté');
    await failNext('/observations', 401, 1);
    await form.submit();
    await until(() => pendingOf(el) === 1, 10_000, 'kept on the device');
    expect((await api<{ observations: unknown[] }>('GET', `/observations?walk=${id}`)).observations).to.have.length(0);
    await el.sendNow();
    await until(() => pendingOf(el) === 0 && $(el, '[data-stop=""]')?.dataset.recorded === '1', 10_000, 'sent once signed in');
    expect((await api<{ observations: unknown[] }>('GET', `/observations?walk=${id}`)).observations).to.have.length(1);
  });

  it('says each refusal in the screen’s language: a check-in before the walk starts', async () => {
    await signInAs('coordinator');
    const id = await walkIn('closed', { registrations: 1 });
    const [one] = await registrationsOf(id);
    for (const [lang, words] of [
      ['fr', 'Le pointage n’est possible que pendant le diagnostic.'],
      ['en', 'Check-in is only possible during the walk.'],
    ] as const) {
      const el = await realDay(id, lang);
      await tick(el, one!.id);
      $(el, '#day-checkin-submit')!.click();
      await until(() => $(el, '#day-refusals') !== null, 10_000, 'the refusal');
      expect(text(el, '#day-refusals')).to.contain(`${one!.name}${lang === 'fr' ? ' : ' : ': '}${words}`);
      await until(() => focused(el) === 'day-refusals', 2000, 'focus on the refusal');
      await expect(el).to.be.accessible();
      fixtureCleanup();
    }
    expect((await registrationsOf(id))[0]!.status).to.equal('confirmed');
  });

  it('can be done with the keyboard only: search, tick, « Pointer », then a walk-in', async () => {
    await signInAs('coordinator');
    const id = await walkIn('in-progress', { registrations: 3 });
    const people = await registrationsOf(id);
    const el = await realDay(id);
    $(el, '#day-search')!.focus();
    await sendKeys({ type: people[1]!.name });
    await el.updateComplete;
    expect($$(el, '#day-people [data-registration]')).to.have.length(1);
    await sendKeys({ press: 'Tab' });
    expect(focused(el)).to.equal(`day-check-${people[1]!.id}`);
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'Tab' });
    expect(focused(el)).to.equal('day-checkin-submit');
    await sendKeys({ press: 'Enter' });
    await until(() => text(el, '#day-checkin-said') !== '', 10_000, 'checked in');
    expect(text(el, '#day-checkin-said')).to.equal('1 personne pointée.');
    expect((await registrationsOf(id)).find((r) => r.id === people[1]!.id)?.status).to.equal('attended');

    // A walk-in, field after field: name, role, phone, consent, « Ajouter et pointer ».
    $(el, '#day-walkin-name')!.focus();
    await sendKeys({ type: 'Léa Passante' });
    await sendKeys({ press: 'Tab' });
    expect(focused(el)).to.equal('day-walkin-role');
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: '06 11 22 33 44' });
    await sendKeys({ press: 'Tab' });
    expect(focused(el)).to.equal('day-walkin-consent');
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'Tab' });
    expect(focused(el)).to.equal('day-walkin-submit');
    await sendKeys({ press: 'Enter' });
    await until(() => text(el, '#day-walkin-said') !== '', 10_000, 'the walk-in added');
    expect(text(el, '#day-walkin-said')).to.equal('Léa Passante est ajouté·e et pointé·e.');
    expect(focused(el)).to.equal('day-walkin-said');
    const added = (await registrationsOf(id)).filter((r) => r.name === 'Léa Passante');
    expect(added.map((r) => [r.status, r.channel])).to.deep.equal([['attended', 'walk-in']]);
    await expect(el).to.be.accessible();
  });
});
