// SPDX-License-Identifier: EUPL-1.2
import { Registration, valence, Walk, type WalkSummary } from '@gusp/core';
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../define/registrations.js';
import { clean, shadow, until } from '../../test/helpers.js';
import { api, failNext, mails, REAL, signInAs, walkIn } from '../../test/real.js';
import type { GuspConsoleRegistrations, ListedRegistration, RegistrationsData } from './registrations.js';
import { gatheringOf } from '../internal/gathering.js';

const $ = <T extends HTMLElement = HTMLElement>(el: Element, selector: string) => shadow(el).querySelector<T>(selector);
const $$ = (el: Element, selector: string) => [...shadow(el).querySelectorAll<HTMLElement>(selector)];
const text = (el: Element, selector: string) => clean($(el, selector)?.textContent);
const focused = (el: Element) => (shadow(el).activeElement as HTMLElement | null)?.id;
const ids = (el: Element, selector = 'li[data-registration]') => $$(el, selector).map((li) => li.dataset.registration);

/* ------------------------------------------------------------------ given data (no server): states, checks, layout */

function summaryOf(
  extra: { capacity?: number; confirmed?: number; waitlisted?: number; status?: WalkSummary['status'] } = {},
): WalkSummary {
  const capacity = extra.capacity ?? 25;
  const status = extra.status ?? 'open';
  const walk = Walk.parse({
    id: 'w-given',
    quartierId: 'le-plan',
    title: 'Autour des Bleuets',
    startsAt: '2099-03-14T09:00:00+01:00',
    durationMinutes: 240,
    meetingPoint: { label: 'Parvis de la maison de quartier' },
    stops: [],
    capacity,
    registrationDeadline: '2099-03-13T18:00:00+01:00',
    status: status === 'closed' ? 'open' : status,
    organiserIds: ['ville-de-valence'],
    sequence: 0,
    createdAt: '2026-11-01T10:00:00+01:00',
    updatedAt: '2026-11-01T10:00:00+01:00',
  });
  const confirmed = extra.confirmed ?? 3;
  const byRole = { resident: confirmed, association: 0, professional: 0, elected: 0, landlord: 0, 'proximity-agent': 0, partner: 0 };
  return {
    walk,
    status,
    capacity,
    seatsLeft: Math.max(0, capacity - confirmed),
    fewSeatsLeft: false,
    confirmed,
    waitlisted: extra.waitlisted ?? 1,
    attended: 0,
    byRole,
  };
}

let seq = 0;
function person(name: string, extra: Record<string, unknown> = {}): ListedRegistration {
  const at = `2099-02-${String(10 + (++seq % 18)).padStart(2, '0')}T10:00:00+01:00`;
  const { cancelToken: _token, ...r } = Registration.parse({
    id: `r-given-${seq}`,
    walkId: 'w-given',
    name,
    role: 'resident',
    needs: [],
    locale: 'fr',
    consent: { version: '2026-01', at },
    status: 'confirmed',
    cancelToken: 'x'.repeat(32),
    registeredAt: at,
    updatedAt: at,
    ...extra,
  });
  return r;
}

function given(extra: Partial<RegistrationsData> = {}): RegistrationsData {
  seq = 0;
  return {
    summary: summaryOf(),
    city: valence,
    registrations: [
      person('Zoé Martin', { email: 'zoe@example.org', needs: ['wheelchair', 'interpreter'], needsNote: 'Vient avec sa fille' }),
      person('Ginette Roux', { phone: '06 12 34 56 78', channel: 'phone' }),
      person('Karim Benali', { email: 'karim@example.org', phone: '0475000000', role: 'association' }),
      person('Léa Attente', { email: 'lea@example.org', status: 'waitlisted' }),
      person('Paul Parti', { email: 'paul@example.org', status: 'cancelled', cancelReason: 'A appelé : malade' }),
    ],
    needs: {
      among: 'registered',
      people: 4,
      withNeeds: 1,
      counts: [
        { need: 'wheelchair', count: 1 },
        { need: 'interpreter', count: 1 },
      ],
      notes: 1,
      text: '1 fauteuil roulant, 1 interprète',
    },
    role: 'coordinator',
    ...extra,
  };
}

async function shown(data: RegistrationsData, lang = 'fr'): Promise<GuspConsoleRegistrations> {
  const el = await fixture<GuspConsoleRegistrations>(
    html`<gusp-console-registrations lang=${lang} walk-id="w-given" endpoint="/nowhere" .data=${data}></gusp-console-registrations>`,
  );
  await el.loaded;
  return el;
}

afterEach(() => fixtureCleanup());

describe('<gusp-console-registrations> with data given', () => {
  it('shows the needs to plan for, the people by group with role, contact, needs, status and channel, and is accessible', async () => {
    const el = await shown(given());
    expect(text(el, '#registrations-title')).to.equal('Inscriptions – Autour des Bleuets');
    expect(text(el, '#needs-text')).to.equal('1 fauteuil roulant, 1 interprète');
    expect(text(el, '[part="needs"]')).to.contain('1 personne sur 4 a signalé un besoin.').and.contain('1 personne a écrit une précision');
    // Taking part (alphabetical), then the waiting list, then the ended ones.
    expect($$(el, '.registrations h4').map((h) => clean(h.textContent))).to.deep.equal([
      'Participants (3)',
      'Liste d’attente (1)',
      'Annulées, retirées ou absentes (1)',
    ]);
    expect(ids(el)).to.deep.equal(['r-given-2', 'r-given-3', 'r-given-1', 'r-given-4', 'r-given-5']);
    const ginette = clean($(el, '[data-registration="r-given-2"]')!.textContent);
    expect(ginette).to.contain('Confirmée').and.contain('Habitant·e').and.contain('06 12 34 56 78');
    expect(ginette).to.contain('Téléphone seulement : à prévenir par téléphone').and.contain('Par téléphone');
    expect($(el, '[data-registration="r-given-2"] a[href^="tel:"]')!.getAttribute('href')).to.equal('tel:0612345678');
    const zoe = clean($(el, '[data-registration="r-given-1"]')!.textContent);
    expect(zoe).to.contain('Fauteuil roulant, Interprète').and.contain('« Vient avec sa fille »').and.contain('En ligne');
    expect(zoe).not.to.contain('Téléphone seulement');
    expect(text(el, '[data-registration="r-given-3"]')).to.contain('Association de quartier');
    expect(text(el, '[data-registration="r-given-4"]')).to.contain('Sur liste d’attente, position 1');
    expect(text(el, '[data-registration="r-given-5"]')).to.contain('Annulée').and.contain('A appelé : malade');
    // Cancel for the seated and the waiting; promote for the waiting only; nothing for the cancelled.
    expect($$(el, 'button[data-cancel]').map((b) => b.dataset.cancel)).to.have.members([
      'r-given-1',
      'r-given-2',
      'r-given-3',
      'r-given-4',
    ]);
    expect($$(el, 'button[data-promote]').map((b) => b.dataset.promote)).to.deep.equal(['r-given-4']);
    expect(text(el, 'button[data-cancel="r-given-2"]'), 'read with whose it is').to.equal('Annuler l’inscription de Ginette Roux');
    expect(text(el, 'button[data-promote="r-given-4"]')).to.equal('Sortir de la liste d’attente : Léa Attente');
    await expect(el).to.be.accessible();
  });

  it('links back to the walks, on to the walk’s day, to the printable day sheet and to the CSV', async () => {
    const el = await shown(given());
    // The page's own address and the screen's hash (a bare hash reads as a link to a missing anchor).
    expect($(el, '#back-to-walks')!.getAttribute('href')).to.match(/[^#]#walks$/);
    expect($(el, '#to-day')!.getAttribute('href')).to.match(/[^#]#day\/w-given$/);
    const sheet = $<HTMLAnchorElement>(el, '#day-sheet')!;
    expect(sheet.getAttribute('href')).to.equal('/nowhere/walks/w-given/day-sheet.html?lang=fr');
    expect(sheet.target).to.equal('_blank');
    expect(clean(sheet.textContent)).to.equal('Imprimer la feuille du jour (parcours et feuille d’émargement) (nouvel onglet)');
    expect($(el, '#export-csv')!.getAttribute('href')).to.equal('/nowhere/walks/w-given/registrations.csv?lang=fr');
  });

  it('speaks English too', async () => {
    const el = await shown(given(), 'en');
    expect(text(el, '#registrations-title')).to.equal('Registrations – Autour des Bleuets');
    expect(text(el, '#phone-in-title')).to.equal('Add someone who phoned');
    expect(text(el, '[data-registration="r-given-4"]')).to.contain('On the waiting list, position 1');
    expect(text(el, '[data-registration="r-given-2"]')).to.contain('Phone only: to be told by phone').and.contain('Resident');
    await expect(el).to.be.accessible();
  });

  it('says when nobody has registered yet, and is accessible', async () => {
    const el = await shown(
      given({
        registrations: [],
        summary: summaryOf({ confirmed: 0, waitlisted: 0 }),
        needs: { among: 'registered', people: 0, withNeeds: 0, counts: [], notes: 0, text: 'Aucun besoin signalé' },
      }),
    );
    expect(text(el, '#list-count')).to.equal('Personne n’est encore inscrit à ce diagnostic.');
    expect(text(el, '#needs-text')).to.equal('Aucun besoin signalé');
    expect($$(el, 'li[data-registration]')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('checks the phone-in with the core’s schema and rules before sending: each error in the summary and at its field, nothing lost', async () => {
    const el = await shown(given());
    $<HTMLInputElement>(el, '#phone-in-email')!.value = 'zoe@example.org';
    $(el, '#phone-in-email')!.dispatchEvent(new Event('input'));
    $<HTMLButtonElement>(el, '#phone-in-submit')!.click();
    await el.updateComplete;
    await el.updateComplete;
    expect(shadow(el).activeElement?.classList.contains('error-summary'), 'the summary takes the focus').to.equal(true);
    expect($$(el, '.error-summary li').map((li) => clean(li.textContent))).to.deep.equal([
      'Indiquez le nom et le prénom de la personne.',
      'Cette adresse e-mail est déjà inscrite à ce diagnostic.',
      'Votre accord est nécessaire pour enregistrer l’inscription.',
    ]);
    expect($(el, '#phone-in-name')!.getAttribute('aria-invalid')).to.equal('true');
    expect($<HTMLInputElement>(el, '#phone-in-email')!.value, 'what was typed stays').to.equal('zoe@example.org');
    await expect(el).to.be.accessible();
    // A link of the summary moves the focus to its field.
    $<HTMLAnchorElement>(el, '.error-summary a')!.click();
    expect(focused(el)).to.equal('phone-in-name');
  });

  it('asks for a confirmation before cancelling, with an optional reason; Escape goes back to the button', async () => {
    const el = await shown(given());
    $<HTMLButtonElement>(el, 'button[data-cancel="r-given-2"]')!.click();
    await el.updateComplete;
    await el.updateComplete;
    expect(text(el, '#cancel-title')).to.equal('Annuler l’inscription de Ginette Roux ?');
    expect(focused(el)).to.equal('cancel-reason');
    expect($(el, 'button[data-cancel="r-given-2"]')!.getAttribute('aria-expanded')).to.equal('true');
    await expect(el).to.be.accessible();
    // Too long a reason is refused by the core's schema before anything is sent.
    const reason = $<HTMLTextAreaElement>(el, '#cancel-reason')!;
    reason.value = 'x'.repeat(501);
    reason.dispatchEvent(new Event('input'));
    $<HTMLButtonElement>(el, '#cancel-confirm')!.click();
    await el.updateComplete;
    await el.updateComplete;
    expect(text(el, '#cancel-error')).to.match(/^Motif \(facultatif\) : .*500/);
    expect(reason.getAttribute('aria-invalid')).to.equal('true');
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    await el.updateComplete;
    expect($(el, '#cancel-reason')).to.equal(null);
    expect(shadow(el).activeElement?.getAttribute('data-cancel')).to.equal('r-given-2');
  });

  it('on a full walk, promoting asks for the reason to go beyond the capacity (required), and the phone-in offers it', async () => {
    const el = await shown(given({ summary: summaryOf({ capacity: 3, confirmed: 3 }) }));
    // Three seated on three seats (the fixture's walk holds the capacity).
    const data = el.data!;
    expect(gatheringOf(data.summary).capacity).to.equal(3);
    expect($(el, '#phone-in-over-capacity'), 'the form offers to seat beyond the capacity').not.to.equal(null);
    expect(text(el, '#phone-in-full')).to.contain('sans motif, la personne sera mise sur liste d’attente');
    $<HTMLButtonElement>(el, 'button[data-promote="r-given-4"]')!.click();
    await el.updateComplete;
    await el.updateComplete;
    expect(text(el, '#promote-title')).to.equal('Inscrire Léa Attente au-delà de la capacité ?');
    expect(focused(el)).to.equal('promote-reason');
    $<HTMLButtonElement>(el, '#promote-confirm')!.click();
    await el.updateComplete;
    await el.updateComplete;
    expect(text(el, '#promote-error')).to.equal('Indiquez le motif du dépassement de capacité.');
    await expect(el).to.be.accessible();
  });

  it('hides « Inscrire » from an agent (coordinators promote) and every change once the walk has started', async () => {
    const agent = await shown(given({ role: 'agent' }));
    expect($$(agent, 'button[data-promote]')).to.have.length(0);
    expect($$(agent, 'button[data-cancel]')).to.have.length(4);
    fixtureCleanup();
    const started = await shown(given({ summary: summaryOf({ status: 'in-progress' }) }));
    expect($$(started, 'button[data-cancel], button[data-promote]')).to.have.length(0);
    expect(text(started, '.registrations .notice')).to.contain('Le diagnostic a commencé');
    expect(text(started, '[part="phone-in"] .notice')).to.contain('ne prend plus d’inscription par téléphone');
    await expect(started).to.be.accessible();
    fixtureCleanup();
    const draft = await shown(given({ registrations: [], summary: summaryOf({ status: 'draft', confirmed: 0, waitlisted: 0 }) }));
    expect(text(draft, '[part="phone-in"] .notice')).to.contain('pas encore publié');
    expect($(draft, '#phone-in-name')).to.equal(null);
  });

  it('searches a long list by name (accents or not), phone or email, and filters by status', async () => {
    const data = given();
    const more = ['Amina Belkacem', 'Bruno Lefèvre', 'Chloé Dubois', 'David Nguyen'].map((name, i) =>
      person(name, { email: `p${i}@example.org` }),
    );
    const el = await shown({ ...data, registrations: [...data.registrations, ...more] });
    const search = $<HTMLInputElement>(el, '#registrations-search')!;
    search.value = 'zoe';
    search.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect(ids(el)).to.deep.equal(['r-given-1']);
    expect(text(el, '#list-count')).to.equal('1 inscription affichée sur 9');
    search.value = '06 12';
    search.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect(ids(el)).to.deep.equal(['r-given-2']);
    search.value = '';
    search.dispatchEvent(new Event('input'));
    const status = $<HTMLSelectElement>(el, '#registrations-status')!;
    status.value = 'waitlisted';
    status.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(ids(el)).to.deep.equal(['r-given-4']);
    search.value = 'personne';
    search.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect(text(el, '#list-count')).to.equal('Aucune inscription ne correspond à cette recherche.');
    await expect(el).to.be.accessible();
  });

  it('fits a 320 px screen, its confirmation step open', async () => {
    await setViewport({ width: 320, height: 640 });
    try {
      const el = await shown(given({ summary: summaryOf({ capacity: 3, confirmed: 3 }) }));
      $<HTMLButtonElement>(el, 'button[data-cancel="r-given-3"]')!.click();
      await el.updateComplete;
      expect(document.documentElement.scrollWidth).to.be.at.most(320);
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('says it is loading, then that the server did not answer, with « Réessayer »; accessible in both', async () => {
    const el = await fixture<GuspConsoleRegistrations>(
      html`<gusp-console-registrations walk-id="w-none" endpoint="/nowhere"></gusp-console-registrations>`,
    );
    expect(text(el, '[role="status"]')).to.equal('Chargement…');
    await expect(el).to.be.accessible();
    await el.loaded;
    expect(text(el, '#load-error')).to.equal('Le serveur ne répond pas. Vérifiez votre connexion puis réessayez.');
    expect(text(el, '#retry')).to.equal('Réessayer');
    await expect(el).to.be.accessible();
  });
});

/* ------------------------------------------------------------------ the REAL server (PGlite, Valence, real SMTP) */

interface Listed {
  id: string;
  name: string;
  email?: string;
  status: string;
  locale: string;
  channel?: string;
  consent: { via?: string };
  cancelReason?: string;
  overCapacityReason?: string;
}
const listed = async (walkId: string) => (await api<{ registrations: Listed[] }>('GET', `/walks/${walkId}/registrations`)).registrations;

async function real(walkId: string, lang = 'fr'): Promise<GuspConsoleRegistrations> {
  const el = await fixture<GuspConsoleRegistrations>(
    html`<gusp-console-registrations lang=${lang} walk-id=${walkId} endpoint=${REAL}></gusp-console-registrations>`,
  );
  await el.loaded;
  return el;
}

/** Presses Tab until the focus is on `id` (at most `max` times): the way a keyboard reaches it. */
async function tabTo(el: Element, id: string, max = 20): Promise<void> {
  for (let i = 0; i < max && focused(el) !== id; i++) await sendKeys({ press: 'Tab' });
  expect(focused(el), `Tab reaches #${id}`).to.equal(id);
}

/** The Idempotency-Key and body of each POST the page sends to `path`, as it sends them. */
function spyPosts(path: RegExp): { key: string | null; body: string }[] {
  const seen: { key: string | null; body: string }[] = [];
  const original = window.fetch;
  window.fetch = (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (init?.method === 'POST' && path.test(url))
      seen.push({ key: new Headers(init.headers).get('Idempotency-Key'), body: typeof init.body === 'string' ? init.body : '' });
    return original(input, init);
  };
  spies.push(() => (window.fetch = original));
  return seen;
}
const spies: (() => void)[] = [];
afterEach(() => spies.splice(0).forEach((undo) => undo()));

describe('<gusp-console-registrations> against the real server', function () {
  this.timeout(60_000);
  it('shows a walk’s registrations and the server’s needs summary; a phone-in added with the keyboard alone, once however often it is resent', async () => {
    await signInAs('coordinator');
    const walkId = await walkIn('open', { registrations: 2, capacity: 10 });
    await api('POST', `/walks/${walkId}/registrations`, {
      name: 'Zoé Fauteuil',
      email: `zoe-${Date.now()}@example.org`,
      needs: ['wheelchair', 'interpreter'],
      consent: true,
    });
    const el = await real(walkId);
    expect(text(el, '#needs-text')).to.equal('1 fauteuil roulant, 1 interprète');
    expect($$(el, 'li[data-registration]')).to.have.length(3);
    expect(text(el, '#list-count')).to.equal('3 inscriptions');
    await expect(el).to.be.accessible();

    const posts = spyPosts(/\/registrations\/by-staff$/);
    $(el, '#phone-in-name')!.focus();
    await sendKeys({ type: 'Ginette Roux' });
    await tabTo(el, 'phone-in-phone');
    await sendKeys({ type: '06 12 34 56 78' });
    await tabTo(el, 'phone-in-need-wheelchair');
    await sendKeys({ press: 'Space' });
    await tabTo(el, 'phone-in-consent');
    await sendKeys({ press: 'Space' });
    await tabTo(el, 'phone-in-submit');
    await sendKeys({ press: 'Enter' });
    await until(() => text(el, '#phone-in-done') !== '', 8000, 'the phone-in’s outcome');
    expect(text(el, '#phone-in-done')).to.equal('Ginette Roux est inscrit·e : confirmée.');
    await until(() => focused(el) === 'phone-in-done', 4000, 'the focus on the outcome');
    expect($<HTMLInputElement>(el, '#phone-in-name')!.value, 'the form is empty for the next call').to.equal('');
    const ginette = (await listed(walkId)).find((r) => r.name === 'Ginette Roux')!;
    expect([ginette.status, ginette.channel, ginette.consent.via, ginette.locale]).to.deep.equal(['confirmed', 'phone', 'staff', 'fr']);
    const card = clean($(el, `[data-registration="${ginette.id}"]`)!.textContent);
    expect(card).to.contain('Par téléphone').and.contain('Téléphone seulement').and.contain('Fauteuil roulant');
    expect(text(el, '#needs-text')).to.equal('2 fauteuils roulants, 1 interprète');

    // The request resent as it was (its key with it), as after an answer lost: the same answer, nobody twice.
    expect(posts).to.have.length(1);
    expect(posts[0]!.key).to.match(/^[A-Za-z0-9_-]{10,}$/);
    const again = await fetch(`${REAL}/walks/${walkId}/registrations/by-staff`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': posts[0]!.key!, 'X-CSRF-Token': (await signInAsToken())! },
      body: posts[0]!.body,
    });
    expect(again.status).to.equal(201);
    expect(((await again.json()) as { registrationId: string }).registrationId).to.equal(ginette.id);
    expect((await listed(walkId)).filter((r) => r.name === 'Ginette Roux')).to.have.length(1);
  });

  it('keeps every answer when the server cannot be reached, and the resend carries the same key; a new person gets a new one', async () => {
    await signInAs('coordinator');
    const walkId = await walkIn('open', { capacity: 10 });
    const el = await real(walkId);
    const posts = spyPosts(/\/registrations\/by-staff$/);
    const fill = async (name: string, email: string) => {
      for (const [id, value] of [
        ['phone-in-name', name],
        ['phone-in-email', email],
      ]) {
        $(el, `#${id}`)!.focus();
        await sendKeys({ type: value! });
      }
      $(el, '#phone-in-consent')!.click();
    };
    await fill('Karim Benali', 'karim@example.org');
    // The server unreachable behind a proxy (503: it never saw the request).
    await failNext(`/walks/${walkId}/registrations/by-staff`, 503);
    $(el, '#phone-in-submit')!.click();
    await until(() => !!$(el, '#phone-in-failed'), 8000, 'the failure');
    expect(text(el, '#phone-in-failed')).to.contain('Rien n’est perdu');
    expect(focused(el)).to.equal('phone-in-failed');
    expect($<HTMLInputElement>(el, '#phone-in-name')!.value).to.equal('Karim Benali');
    expect($<HTMLInputElement>(el, '#phone-in-email')!.value).to.equal('karim@example.org');
    await expect(el).to.be.accessible();
    $(el, '#phone-in-submit')!.click();
    await until(() => text(el, '#phone-in-done') !== '', 8000, 'the resend’s outcome');
    expect(posts.map((p) => p.key)).to.have.length(2);
    expect(posts[1]!.key, 'the same key for the same answers').to.equal(posts[0]!.key);
    await until(() => focused(el) === 'phone-in-done', 4000, 'the focus on the outcome');
    await fill('Amina Belkacem', 'amina@example.org');
    // Written to in English: her emails' language, whatever the console's.
    const language = $<HTMLSelectElement>(el, '#phone-in-locale')!;
    language.value = 'en';
    language.dispatchEvent(new Event('change'));
    $(el, '#phone-in-submit')!.click();
    await until(() => text(el, '#phone-in-done').startsWith('Amina'), 8000, 'the second phone-in');
    expect(posts[2]!.key, 'another person, another key').not.to.equal(posts[0]!.key);
    expect((await listed(walkId)).map((r) => [r.name, r.locale])).to.deep.equal([
      ['Karim Benali', 'fr'],
      ['Amina Belkacem', 'en'],
    ]);
  });

  it('says the server’s refusal in words at the top of the form, answers kept (the walk cancelled meanwhile)', async () => {
    await signInAs('coordinator');
    const walkId = await walkIn('open', { capacity: 10 });
    const el = await real(walkId);
    await api('POST', `/walks/${walkId}/cancel`, { reason: 'Intempéries' });
    $(el, '#phone-in-name')!.focus();
    await sendKeys({ type: 'Léa Tard' });
    $(el, '#phone-in-phone')!.focus();
    await sendKeys({ type: '0475000000' });
    $(el, '#phone-in-consent')!.click();
    $(el, '#phone-in-submit')!.click();
    await until(() => !!$(el, '.error-summary'), 8000, 'the refusal');
    const said = text(el, '.error-summary li');
    expect(said).to.match(/[a-zà-ÿ]/);
    expect(said).not.to.contain('registration.');
    expect($<HTMLInputElement>(el, '#phone-in-name')!.value).to.equal('Léa Tard');
    await expect(el).to.be.accessible();
  });

  it('cancels for someone after the confirmation, with a reason: the first waitlisted person gets the seat, the person is emailed', async () => {
    await signInAs('coordinator');
    const walkId = await walkIn('open', { registrations: 2, capacity: 1 });
    const [first, second] = await listed(walkId);
    expect([first!.status, second!.status]).to.deep.equal(['confirmed', 'waitlisted']);
    const el = await real(walkId);
    $<HTMLButtonElement>(el, `button[data-cancel="${first!.id}"]`)!.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    await until(() => focused(el) === 'cancel-reason', 4000, 'the reason field');
    await sendKeys({ type: 'A appelé : malade' });
    await tabTo(el, 'cancel-confirm');
    await sendKeys({ press: 'Enter' });
    await until(() => text(el, '#action-done') !== '', 8000, 'the cancellation');
    expect(text(el, '#action-done')).to.equal(`L’inscription de ${first!.name} est annulée.`);
    await until(() => focused(el) === 'action-done', 4000, 'the focus on what was done');
    const after = await listed(walkId);
    expect(after.map((r) => [r.status, r.cancelReason])).to.deep.equal([
      ['cancelled', 'A appelé : malade'],
      ['confirmed', undefined],
    ]);
    expect(text(el, `[data-registration="${first!.id}"]`))
      .to.contain('Annulée')
      .and.contain('A appelé : malade');
    expect(text(el, `[data-registration="${second!.id}"]`)).to.contain('Confirmée');
    const subjects = async () => (await mails(first!.email!)).map((m) => m.subject);
    for (let i = 0; i < 100 && !(await subjects()).some((s) => /annulée/i.test(s)); i++) await new Promise((r) => setTimeout(r, 100));
    expect(await subjects()).to.satisfy((s: string[]) => s.some((x) => /annulée/i.test(x)));
    await expect(el).to.be.accessible();
  });

  it('seats a waitlisted person beyond the capacity only with a reason (a coordinator); an agent has no « Inscrire »', async () => {
    await signInAs('coordinator');
    const walkId = await walkIn('open', { registrations: 2, capacity: 1 });
    const waiting = (await listed(walkId)).find((r) => r.status === 'waitlisted')!;
    const el = await real(walkId);
    $<HTMLButtonElement>(el, `button[data-promote="${waiting.id}"]`)!.click();
    await until(() => focused(el) === 'promote-reason', 4000, 'the reason field');
    $<HTMLButtonElement>(el, '#promote-confirm')!.click();
    await until(() => !!$(el, '#promote-error'), 4000, 'the reason asked for');
    expect(text(el, '#promote-error')).to.equal('Indiquez le motif du dépassement de capacité.');
    await sendKeys({ type: 'Élue du quartier' });
    $<HTMLButtonElement>(el, '#promote-confirm')!.click();
    await until(() => text(el, '#action-done') !== '', 8000, 'the promotion');
    expect(text(el, '#action-done')).to.contain(`${waiting.name} est inscrit·e`);
    const seated = (await listed(walkId)).find((r) => r.id === waiting.id)!;
    expect([seated.status, seated.overCapacityReason]).to.deep.equal(['confirmed', 'Élue du quartier']);
    fixtureCleanup();

    await signInAs('agent');
    const other = await walkInAsCoordinator({ registrations: 2, capacity: 1 });
    const agentView = await real(other);
    expect($$(agentView, 'li[data-registration]')).to.have.length(2);
    expect($$(agentView, 'button[data-promote]')).to.have.length(0);
    expect($$(agentView, 'button[data-cancel]')).to.have.length(2);
  });

  it('links to the real day sheet (phone-only people marked) and the real CSV, both opened with the session', async () => {
    await signInAs('coordinator');
    const walkId = await walkIn('open', { registrations: 1 });
    await api('POST', `/walks/${walkId}/registrations/by-staff`, { name: 'Ginette Sans-Mail', phone: '0475123456', consent: true });
    const el = await real(walkId);
    const sheet = await fetch($<HTMLAnchorElement>(el, '#day-sheet')!.href);
    expect(sheet.status).to.equal(200);
    // In the screen's language (`?lang=fr`), though this headless browser asks for English.
    const page = await sheet.text();
    expect(page).to.match(/Ginette Sans-Mail<span class="tag">téléphone seulement<\/span>/);
    expect(page).to.match(/Feuille d’émargement/);
    const csv = await fetch($<HTMLAnchorElement>(el, '#export-csv')!.href);
    expect(csv.status).to.equal(200);
    expect(csv.headers.get('content-type')).to.match(/^text\/csv/);
    const body = await csv.text();
    expect(body.split('\r\n')[0]).to.match(/^id,status,channel,role,/);
    expect(body).to.contain('Ginette Sans-Mail').and.contain('0475123456');
  });

  it('is refused to an organisation’s staff in words, without « Réessayer », with the way back; accessible', async () => {
    await signInAs('coordinator');
    const walkId = await walkIn('open', { registrations: 1 });
    await signInAs('organisation', 'oph');
    const el = await real(walkId);
    expect(text(el, '#load-error')).to.equal('Votre compte n’a pas accès à cet écran.');
    expect($(el, '#retry')).to.equal(null);
    expect($(el, '#back-to-walks')!.getAttribute('href')).to.match(/[^#]#walks$/);
    await expect(el).to.be.accessible();
  });

  it('says a failed load with « Réessayer », which loads it; accessible', async () => {
    await signInAs('agent');
    const walkId = await walkInAsCoordinator({ registrations: 1 });
    await failNext(`/walks/${walkId}/registrations`, 503);
    const el = await real(walkId, 'en');
    expect(text(el, '#load-error')).to.equal('The server does not answer. Check your connection and try again.');
    await expect(el).to.be.accessible();
    $<HTMLButtonElement>(el, '#retry')!.click();
    await el.loaded;
    expect($$(el, 'li[data-registration]')).to.have.length(1);
    expect(text(el, '#phone-in-title')).to.equal('Add someone who phoned');
    await expect(el).to.be.accessible();
  });
});

/** The CSRF token the page holds for the real server (set by `signInAs`, or by the screen from `/staff/me`). */
async function signInAsToken(): Promise<string | undefined> {
  const me = await api<{ session?: { csrfToken: string } }>('GET', '/staff/me');
  return me.session?.csrfToken;
}

/** A walk made by a coordinator of its own, while the page stays signed in as whoever it is now. */
async function walkInAsCoordinator(options: Parameters<typeof walkIn>[1]): Promise<string> {
  const { role } = await api<{ role: string }>('GET', '/staff/me');
  await signInAs('coordinator');
  const id = await walkIn('open', options);
  await signInAs(role as 'agent');
  return id;
}
