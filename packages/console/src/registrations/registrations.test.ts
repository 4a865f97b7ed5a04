// SPDX-License-Identifier: EUPL-1.2
import { Registration, valence, Walk, type WalkSummary } from '@gusp/core';
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../define/registrations.js';
import { clean, shadow } from '../../test/helpers.js';
import type { GuspConsoleRegistrations, ListedRegistration, RegistrationsData } from './registrations.js';

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
    expect($(el, '#back-to-walks')!.getAttribute('href')).to.equal('#walks');
    expect($(el, '#to-day')!.getAttribute('href')).to.equal('#day/w-given');
    const sheet = $<HTMLAnchorElement>(el, '#day-sheet')!;
    expect(sheet.getAttribute('href')).to.equal('/nowhere/walks/w-given/day-sheet.html');
    expect(sheet.target).to.equal('_blank');
    expect(clean(sheet.textContent)).to.equal('Imprimer la feuille du jour (parcours et feuille d’émargement) (nouvel onglet)');
    expect($(el, '#export-csv')!.getAttribute('href')).to.equal('/nowhere/walks/w-given/registrations.csv');
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
    expect(data.summary.walk.capacity).to.equal(3);
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
