// SPDX-License-Identifier: EUPL-1.2
/**
 * The concerted projects' screens against the REAL server (test/real.ts), as a coordinator plays the
 * seed's Les Bleuets: the project created (a bad form first: its errors said, nothing typed lost),
 * announced; a workshop at the local des habitants planned, published, its registrations and its
 * day — the walk's very screens, over the workshop — with check-ins; three contributions recorded,
 * two adopted, one declined with a reason; an engagement of the OPH proposed; the project moved to
 * works. Then the OPH's staff see it read-only; axe, keyboard only, 320 px, French and English.
 */
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { nothing } from 'lit';
import '../define/console.js';
import '../define/day.js';
import '../define/project.js';
import '../define/projects.js';
import '../define/registrations.js';
import { clean, shadow, until } from '../../test/helpers.js';
import { hashOf, placeOf } from '../app/routes.js';
import { api, failNext, REAL, signInAs, signOut } from '../../test/real.js';
import { localFromZoned } from '../plan/plan-values.js';
import type { GuspConsole } from '../app/console-app.js';
import type { GuspConsoleDay } from '../day/day.js';
import type { GuspConsoleRegistrations } from '../registrations/registrations.js';
import type { GuspConsoleProject } from './project.js';
import type { GuspConsoleProjects } from './projects.js';

const $ = <T extends HTMLElement = HTMLElement>(el: Element, selector: string) => shadow(el).querySelector<T>(selector);
const $$ = (el: Element, selector: string) => [...shadow(el).querySelectorAll<HTMLElement>(selector)];
const text = (el: Element, selector: string) => clean($(el, selector)?.textContent);
const focused = (el: Element) => (shadow(el).activeElement as HTMLElement | null)?.id;

/** Types into a field as a person would: its value, then `input` (what the screen listens to). */
function fill(el: Element, selector: string, value: string): void {
  const field = $<HTMLInputElement | HTMLTextAreaElement>(el, selector);
  if (!field) throw new Error(`no field ${selector}`);
  field.value = value;
  field.dispatchEvent(new Event('input'));
}

function choose(el: Element, selector: string, value: string): void {
  const select = $<HTMLSelectElement>(el, selector);
  if (!select) throw new Error(`no select ${selector}`);
  select.value = value;
  select.dispatchEvent(new Event('change'));
}

/** Presses a button of the screen and waits for what it did: said, or its confirmation step open. */
async function click(el: GuspConsoleProject, selector: string): Promise<void> {
  const button = $<HTMLButtonElement>(el, selector);
  if (!button) throw new Error(`no button ${selector}`);
  const before = text(el, '#project-said');
  button.click();
  const answered = () =>
    text(el, '#project-said') !== before || [$(el, '#action-reason'), $(el, '#action-starts-at'), $(el, '#action-errors')].some(Boolean);
  await until(answered, 8000, selector);
  await el.loaded;
}

async function project(id: string | undefined, o: { lang?: string; role?: string } = {}): Promise<GuspConsoleProject> {
  const el = await fixture<GuspConsoleProject>(
    html`<gusp-console-project
      endpoint=${REAL}
      lang=${o.lang ?? 'fr'}
      staff-role=${o.role ?? 'coordinator'}
      project-id=${id ?? nothing}
    ></gusp-console-project>`,
  );
  await el.loaded;
  return el;
}

/** A local `datetime-local` value in Paris, `minutes` from now. */
const localIn = (minutes: number) => localFromZoned(new Date(Date.now() + minutes * 60_000).toISOString(), 'Europe/Paris');

let projectId: string;
let workshopId: string;
const stamp = Date.now().toString(36);

before(async function () {
  this.timeout(90_000);
  await signInAs('coordinator');
});
afterEach(async () => {
  fixtureCleanup();
  await setViewport({ width: 800, height: 600 });
});

describe('<gusp-console-project> on the real server: the Bleuets, step by step', () => {
  it('creates the project: an empty form says what is missing, in words, on each field, and keeps what was typed', async () => {
    const el = await project(undefined);
    expect(text(el, '#project-heading')).to.equal('Nouveau projet');
    fill(el, '#project-description', 'La réhabilitation de l’immeuble avec ses habitants.');
    $<HTMLButtonElement>(el, '#project-save')!.click();
    await until(() => $(el, '#details-errors') !== null, 4000, 'the error summary');
    expect(focused(el)).to.equal('details-errors');
    const summary = text(el, '#details-errors');
    expect(summary)
      .to.contain('Indiquez le titre du projet.')
      .and.contain('Choisissez le quartier du projet.')
      .and.contain('Indiquez le lieu du projet');
    expect($(el, '#project-title')!.getAttribute('aria-invalid')).to.equal('true');
    // Nothing typed is lost.
    expect($<HTMLTextAreaElement>(el, '#project-description')!.value).to.equal('La réhabilitation de l’immeuble avec ses habitants.');
    await expect(el).to.be.accessible();

    fill(el, '#project-title', `Les Bleuets ${stamp}`);
    choose(el, '#project-quartier', 'le-plan');
    fill(el, '#project-site', 'Immeuble Les Bleuets');
    choose(el, '#project-landlord', 'oph');
    const partner = $<HTMLInputElement>(el, '#project-partner-compagnons-batisseurs')!;
    partner.checked = true;
    partner.dispatchEvent(new Event('change'));
    $<HTMLButtonElement>(el, '#project-save')!.click();
    await until(() => Boolean(el.projectId), 8000, 'the project created');
    await el.loaded;
    projectId = el.projectId!;
    expect(text(el, '#project-said')).to.equal(`Le projet « Les Bleuets ${stamp} » est créé en brouillon.`);
    expect(text(el, '#project-status')).to.equal('Brouillon');
    expect(text(el, '#project-heading')).to.equal(`Les Bleuets ${stamp}`);
    const { project: saved } = await api<{ project: { landlordId: string; partnerIds: string[]; site: { label: string } } }>(
      'GET',
      `/projects/${projectId}`,
    );
    expect(saved.landlordId).to.equal('oph');
    expect(saved.partnerIds).to.deep.equal(['compagnons-batisseurs']);
    expect(saved.site.label).to.equal('Immeuble Les Bleuets');
  });

  it('announces it: the steps offered are the rules table’s from its status, and « nous en sommes là » is on the diagnostic', async () => {
    const el = await project(projectId);
    const steps = $$(el, 'button[data-step]').map((b) => b.dataset['step']);
    expect(steps).to.deep.equal(['announce', 'abandon']);
    await click(el, 'button[data-step="announce"]');
    expect(text(el, '#project-said')).to.equal('Le projet est annoncé : il est public.');
    expect(text(el, '#project-status')).to.equal('Annoncé');
    expect($$(el, 'button[data-step]').map((b) => b.dataset['step'])).to.deep.equal(['startConcertation', 'suspend', 'abandon']);
    expect($(el, 'li[data-phase="diagnostic"]')!.hasAttribute('data-current')).to.equal(true);
    expect(text(el, 'li[data-phase="diagnostic"]')).to.contain('Nous en sommes là');
  });

  it('sets a phase’s days; a start after its end is refused by the rules, in words, before anything is sent', async () => {
    const el = await project(projectId);
    fill(el, '#phase-concertation-planned-start', '2027-03-01');
    fill(el, '#phase-concertation-planned-end', '2027-01-01');
    $<HTMLButtonElement>(el, '#phase-concertation-save')!.click();
    await until(() => $(el, '#phase-concertation-errors') !== null, 4000, 'the phase’s error');
    expect(text(el, '#phase-concertation-errors')).to.contain('Le début d’une phase doit précéder sa fin.');
    fill(el, '#phase-concertation-planned-end', '2027-06-30');
    $<HTMLButtonElement>(el, '#phase-concertation-save')!.click();
    await until(() => text(el, '#project-said').includes('concertation'), 8000, 'the phase saved');
    await el.loaded;
    expect(text(el, 'li[data-phase="concertation"]')).to.contain('prévu');
  });

  it('plans a workshop at the local des habitants, publishes it, closes its registrations', async () => {
    const el = await project(projectId);
    expect($<HTMLInputElement>(el, '#workshop-place')!.value).to.equal('Local des habitants, Immeuble Les Bleuets');
    // A bad one first: no date, and a capacity that is no number.
    fill(el, '#workshop-title', 'Atelier peinture des halls');
    fill(el, '#workshop-capacity', 'beaucoup');
    $<HTMLButtonElement>(el, '#workshop-submit')!.click();
    await until(() => $(el, '#workshop-errors') !== null, 4000, 'the workshop’s errors');
    expect(text(el, '#workshop-errors')).to.contain('Indiquez la date et l’heure de l’atelier.').and.contain('Places pour le public');
    expect($<HTMLInputElement>(el, '#workshop-title')!.value).to.equal('Atelier peinture des halls');
    // Today, in ten minutes (a workshop starts at most 30 minutes early), sign-up closing in five.
    fill(el, '#workshop-starts-at', localIn(10));
    fill(el, '#workshop-deadline', localIn(5));
    fill(el, '#workshop-capacity', '2');
    fill(el, '#workshop-duration', '90');
    $<HTMLButtonElement>(el, '#workshop-submit')!.click();
    await until(() => text(el, '#project-said').includes('Atelier peinture des halls'), 8000, 'the workshop planned');
    await el.loaded;
    const card = $(el, 'li[data-workshop]')!;
    workshopId = card.dataset['workshop']!;
    expect(card.dataset['status']).to.equal('draft');
    await click(el, `li[data-workshop="${workshopId}"] button[data-workshop-step="publish"]`);
    expect(text(el, '#project-said')).to.equal('L’atelier est publié : les inscriptions sont ouvertes.');
    expect($(el, `li[data-workshop="${workshopId}"]`)!.dataset['status']).to.equal('open');
    // Three residents sign up on the public page: two seats, one on the waiting list.
    for (let i = 1; i <= 3; i++)
      await api('POST', `/workshops/${workshopId}/registrations`, {
        name: `Habitante ${i}`,
        email: `bleuets-${i}-${stamp}@example.org`,
        consent: true,
        locale: 'fr',
      });
    await el.reload();
    await el.loaded;
    expect(text(el, `li[data-workshop="${workshopId}"]`))
      .to.contain('2 inscrits')
      .and.contain('1 en liste d’attente');
    const links = $(el, `li[data-workshop="${workshopId}"]`)!;
    expect(new URL(links.querySelector<HTMLAnchorElement>('[data-link="registrations"]')!.href).hash).to.equal(
      `#registrations/workshop/${workshopId}`,
    );
    expect(new URL(links.querySelector<HTMLAnchorElement>('[data-link="day"]')!.href).hash).to.equal(`#day/workshop/${workshopId}`);
    await click(el, `li[data-workshop="${workshopId}"] button[data-workshop-step="closeRegistrations"]`);
    expect($(el, `li[data-workshop="${workshopId}"]`)!.dataset['status']).to.equal('closed');
    await expect(el).to.be.accessible();
  });

  it('reschedules a workshop (the new day asked, the current one filled in), then cancels it: without a reason it is refused in words', async () => {
    const el = await project(projectId);
    fill(el, '#workshop-title', 'Visite du chantier');
    choose(el, '#workshop-kind', 'site-visit');
    fill(el, '#workshop-starts-at', localIn(3 * 24 * 60));
    $<HTMLButtonElement>(el, '#workshop-submit')!.click();
    await until(() => text(el, '#project-said').includes('Visite du chantier'), 8000, 'planned');
    await el.loaded;
    const id = $$(el, 'li[data-workshop]').find((li) => clean(li.textContent).includes('Visite du chantier'))!.dataset['workshop']!;
    const card = () => $(el, `li[data-workshop="${id}"]`)!;
    expect(clean(card().textContent)).to.contain('Visite de chantier');
    await click(el, `li[data-workshop="${id}"] button[data-workshop-step="publish"]`);
    await click(el, `li[data-workshop="${id}"] button[data-workshop-step="reschedule"]`);
    expect(focused(el)).to.equal('action-starts-at');
    const later = localIn(4 * 24 * 60);
    fill(el, '#action-starts-at', later);
    $<HTMLButtonElement>(el, '#action-confirm')!.click();
    await until(() => text(el, '#project-said') === 'L’atelier est déplacé : les personnes inscrites sont prévenues.', 8000, 'moved');
    await el.loaded;
    const { workshop } = await api<{ workshop: { startsAt: string } }>('GET', `/workshops/${id}`);
    expect(localFromZoned(workshop.startsAt, 'Europe/Paris')).to.equal(later);
    await click(el, `li[data-workshop="${id}"] button[data-workshop-step="cancel"]`);
    $<HTMLButtonElement>(el, '#action-confirm')!.click();
    await until(() => $(el, '#action-errors') !== null, 4000, 'the missing reason');
    expect(text(el, '#action-errors')).to.contain('Indiquez un motif : il sera envoyé aux personnes inscrites.');
    fill(el, '#action-reason', 'Le chantier est fermé ce jour-là.');
    $<HTMLButtonElement>(el, '#action-confirm')!.click();
    await until(() => card()?.dataset['status'] === 'cancelled', 8000, 'cancelled');
    expect($$(el, `li[data-workshop="${id}"] button[data-workshop-step]`)).to.have.length(0);
  });

  it('the workshop’s registrations are the walk’s screen over the workshop: its list, its words, back to the project', async () => {
    const el = await fixture<GuspConsoleRegistrations>(
      html`<gusp-console-registrations
        endpoint=${REAL}
        lang="fr"
        staff-role="coordinator"
        gathering="workshop"
        walk-id=${workshopId}
      ></gusp-console-registrations>`,
    );
    await el.loaded;
    expect(text(el, '#registrations-title')).to.equal('Inscriptions – Atelier peinture des halls');
    expect($$(el, 'li[data-registration]')).to.have.length(3);
    expect($$(el, 'li[data-status="waitlisted"]')).to.have.length(1);
    expect(new URL($<HTMLAnchorElement>(el, '#back-to-walks')!.href).hash).to.equal(`#project/${projectId}`);
    expect(text(el, '#back-to-walks')).to.equal('Retour au projet');
    expect($(el, '#day-sheet'), 'a workshop has no day sheet').to.equal(null);
    expect($<HTMLAnchorElement>(el, '#export-csv')!.href).to.contain(`/workshops/${workshopId}/registrations.csv`);
    await expect(el).to.be.accessible();
  });

  it('on the day: the walk’s day screen starts the workshop, checks people in (the waitlisted one who came too) and adds a walk-in', async () => {
    // « Le jour J » lists today's workshops beside the walks, each a link to its day.
    const list = await fixture<GuspConsoleDay>(
      html`<gusp-console-day endpoint=${REAL} lang="fr" staff-role="coordinator"></gusp-console-day>`,
    );
    await list.loaded;
    const item = $(list, `#day-workshops li[data-workshop="${workshopId}"]`)!;
    expect(clean(item.textContent)).to.contain('Mener l’atelier « Atelier peinture des halls » de');
    expect(new URL(item.querySelector<HTMLAnchorElement>('a')!.href).hash).to.equal(`#day/workshop/${workshopId}`);
    await expect(list).to.be.accessible();
    fixtureCleanup();
    const el = await fixture<GuspConsoleDay>(
      html`<gusp-console-day
        endpoint=${REAL}
        lang="fr"
        staff-role="coordinator"
        gathering="workshop"
        walk-id=${workshopId}
      ></gusp-console-day>`,
    );
    await el.loaded;
    expect($(el, '#day-issue-form'), 'a workshop has no observations').to.equal(null);
    expect(text(el, '#day-start')).to.equal('Démarrer l’atelier');
    $<HTMLButtonElement>(el, '#day-start')!.click();
    await until(() => $(el, '#day-confirm') !== null);
    $<HTMLButtonElement>(el, '#day-confirm')!.click();
    await until(() => text(el, '#day-status-said') === 'L’atelier est démarré.', 8000, 'started');
    await el.loaded;
    const ids = $$(el, '#day-people li[data-registration]').map((li) => li.dataset['registration']!);
    expect(ids).to.have.length(3);
    for (const id of ids) {
      const box = $<HTMLInputElement>(el, `#day-check-${id}`)!;
      box.checked = true;
      box.dispatchEvent(new Event('change'));
    }
    $<HTMLButtonElement>(el, '#day-checkin-submit')!.click();
    await until(() => text(el, '#day-checkin-said') === '3 personnes pointées.', 8000, 'checked in');
    fill(el, '#day-walkin-name', 'Voisin du 3e');
    const consent = $<HTMLInputElement>(el, '#day-walkin-consent')!;
    consent.checked = true;
    consent.dispatchEvent(new Event('change'));
    $<HTMLButtonElement>(el, '#day-walkin-submit')!.click();
    await until(() => text(el, '#day-walkin-said').includes('Voisin du 3e'), 8000, 'the walk-in');
    const { registrations } = await api<{ registrations: { status: string; channel?: string }[] }>(
      'GET',
      `/workshops/${workshopId}/registrations`,
    );
    expect(registrations.filter((r) => r.status === 'attended')).to.have.length(4);
    expect(registrations.some((r) => r.channel === 'walk-in')).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('records three contributions of the workshop; adopts two; declining asks for the reason, said in words when missing', async () => {
    const el = await project(projectId);
    for (const words of ['Repeindre les halls en vert', 'Installer des boîtes à livres', 'Supprimer le local vélos']) {
      choose(el, '#contribution-workshop', workshopId);
      fill(el, '#contribution-text', words);
      $<HTMLButtonElement>(el, '#contribution-submit')!.click();
      await until(() => $$(el, 'li[data-contribution]').some((li) => clean(li.textContent).includes(words)), 8000, words);
      await el.loaded;
    }
    const card = (words: string) => $$(el, 'li[data-contribution]').find((li) => clean(li.textContent).includes(words))!;
    expect(clean(card('Repeindre').textContent))
      .to.contain('Atelier « Atelier peinture des halls »')
      .and.contain('En attente de réponse');
    for (const words of ['Repeindre', 'boîtes à livres']) {
      card(words).querySelector<HTMLButtonElement>('button[data-decide="adopt"]')!.click();
      await until(() => card(words).dataset['outcome'] === 'adopted', 8000, `${words} adopted`);
    }
    card('local vélos').querySelector<HTMLButtonElement>('button[data-decide="decline"]')!.click();
    await until(() => $(el, '#action-reason') !== null);
    expect(focused(el)).to.equal('action-reason');
    $<HTMLButtonElement>(el, '#action-confirm')!.click();
    await until(() => $(el, '#action-errors') !== null, 4000, 'the missing reason');
    expect(text(el, '#action-errors')).to.contain('Indiquez pourquoi cette proposition n’est pas retenue');
    fill(el, '#action-reason', 'Le local vélos sert à tous les résidents.');
    $<HTMLButtonElement>(el, '#action-confirm')!.click();
    await until(() => card('local vélos').dataset['outcome'] === 'declined', 8000, 'declined');
    expect(clean(card('local vélos').textContent)).to.contain('« Le local vélos sert à tous les résidents. »');
    const page = await api<{ contributionsByOutcome: Record<string, number> }>('GET', `/projects/${projectId}`);
    expect(page.contributionsByOutcome).to.include({ adopted: 2, declined: 1, pending: 0 });
  });

  it('a contribution sent without an answer keeps its words, says so, and is recorded once when sent again', async () => {
    const el = await project(projectId);
    const before = $$(el, 'li[data-contribution]').length;
    fill(el, '#contribution-text', 'Un composteur au pied de l’immeuble');
    // The connection drops once: the server never answers.
    await failNext(`/projects/${projectId}/contributions`, 0);
    $<HTMLButtonElement>(el, '#contribution-submit')!.click();
    await until(() => $(el, '#contribution-errors') !== null, 8000, 'the failure said');
    expect(text(el, '#contribution-errors')).to.contain('Pas de réponse du serveur. Rien n’est perdu');
    expect(focused(el)).to.equal('contribution-errors');
    expect($<HTMLTextAreaElement>(el, '#contribution-text')!.value).to.equal('Un composteur au pied de l’immeuble');
    $<HTMLButtonElement>(el, '#contribution-submit')!.click();
    await until(() => $$(el, 'li[data-contribution]').length === before + 1, 8000, 'recorded');
    await el.loaded;
    expect($<HTMLTextAreaElement>(el, '#contribution-text')!.value, 'the next one starts blank').to.equal('');
    const page = await api<{ contributions: { text: string; id: string }[] }>('GET', `/projects/${projectId}`);
    expect(page.contributions.filter((c) => c.text === 'Un composteur au pied de l’immeuble')).to.have.length(1);
    // Studied, then adopted: a studied one is still decided later.
    const card = $$(el, 'li[data-contribution]').find((li) => clean(li.textContent).includes('composteur'))!;
    card.querySelector<HTMLButtonElement>('button[data-decide="study"]')!.click();
    await until(
      () => $$(el, 'li[data-contribution]').find((li) => clean(li.textContent).includes('composteur'))?.dataset['outcome'] === 'studied',
    );
    const studied = $$(el, 'li[data-contribution]').find((li) => clean(li.textContent).includes('composteur'))!;
    expect([...studied.querySelectorAll<HTMLElement>('button[data-decide]')].map((b) => b.dataset['decide'])).to.deep.equal([
      'adopt',
      'decline',
    ]);
    studied.querySelector<HTMLButtonElement>('button[data-decide="adopt"]')!.click();
    await until(
      () => $$(el, 'li[data-contribution]').find((li) => clean(li.textContent).includes('composteur'))?.dataset['outcome'] === 'adopted',
    );
  });

  it('proposes an engagement of the OPH for the project, then moves the project to works', async () => {
    const el = await project(projectId);
    fill(el, '#engagement-title', 'Repeindre les halls des Bleuets');
    choose(el, '#engagement-organisation', 'oph');
    $<HTMLButtonElement>(el, '#engagement-submit')!.click();
    await until(() => $$(el, 'li[data-engagement]').length === 1, 8000, 'the engagement');
    expect(text(el, 'li[data-engagement]')).to.contain('Repeindre les halls des Bleuets').and.contain('Proposé');
    await click(el, 'button[data-step="startConcertation"]');
    expect(text(el, '#project-status')).to.equal('En concertation');
    await click(el, 'button[data-step="startWorks"]');
    expect(text(el, '#project-status')).to.equal('En travaux');
    expect($(el, 'li[data-phase="works"]')!.hasAttribute('data-current')).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('suspending with the keyboard only: the reason gets the focus, Escape gives it back, Enter on « Confirmer » sends', async () => {
    const el = await project(projectId);
    $<HTMLButtonElement>(el, 'button[data-step="suspend"]')!.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => focused(el) === 'action-reason', 4000, 'the reason focused');
    await sendKeys({ press: 'Escape' });
    await until(() => $(el, '#action-reason') === null);
    expect((shadow(el).activeElement as HTMLElement).dataset['step']).to.equal('suspend');
    await sendKeys({ press: 'Enter' });
    await until(() => focused(el) === 'action-reason');
    await sendKeys({ type: 'Attente du permis de construire' });
    await sendKeys({ press: 'Tab' });
    expect(focused(el)).to.equal('action-confirm');
    await sendKeys({ press: 'Enter' });
    await until(() => text(el, '#project-status') === 'Suspendu', 8000, 'suspended');
    expect(text(el, 'dl')).to.contain('Attente du permis de construire');
    await click(el, 'button[data-step="resume"]');
    expect(text(el, '#project-status')).to.equal('En travaux');
  });

  it('in English at 320 px: the same project, nothing wider than the screen, axe clean', async () => {
    await setViewport({ width: 320, height: 640 });
    const el = await project(projectId, { lang: 'en' });
    expect(text(el, '#project-status')).to.equal('Works under way');
    expect(text(el, 'li[data-phase="works"]')).to.contain('We are here');
    expect(text(el, '#lifecycle-title')).to.equal('Move the project on');
    expect(el.scrollWidth).to.be.at.most(320);
    await expect(el).to.be.accessible();
  });
});

describe('the console’s routes to a workshop', () => {
  it('reads and writes #registrations/workshop/<id> and #day/workshop/<id>, a walk’s #registrations/<id> unchanged', () => {
    expect(placeOf('#registrations/workshop/ws-1')).to.deep.equal({ screen: 'registrations', walkId: 'ws-1', gathering: 'workshop' });
    expect(placeOf('#day/workshop/ws%201')).to.deep.equal({ screen: 'day', walkId: 'ws 1', gathering: 'workshop' });
    expect(placeOf('#registrations/w-1')).to.deep.equal({ screen: 'registrations', walkId: 'w-1' });
    expect(placeOf('#project/p-1')).to.deep.equal({ screen: 'project', walkId: 'p-1' });
    expect(hashOf('day', 'ws 1', 'workshop')).to.equal('#day/workshop/ws%201');
    expect(hashOf('registrations', 'w-1')).to.equal('#registrations/w-1');
  });
});

describe('<gusp-console-projects> on the real server', () => {
  it('lists the project for the coordinator: status in words, quartier, current phase, what became of its contributions', async () => {
    const el = await fixture<GuspConsoleProjects>(
      html`<gusp-console-projects endpoint=${REAL} lang="fr" staff-role="coordinator"></gusp-console-projects>`,
    );
    await el.loaded;
    const card = $(el, `li[data-project="${projectId}"]`)!;
    expect(clean(card.textContent))
      .to.contain(`Les Bleuets ${stamp}`)
      .and.contain('En travaux')
      .and.contain('Le Plan')
      .and.contain('Nous en sommes là : Travaux')
      .and.contain('3 retenues, 0 en attente, 1 non retenue');
    expect(new URL(card.querySelector<HTMLAnchorElement>('a[data-link="project"]')!.href).hash).to.equal(`#project/${projectId}`);
    expect(new URL($<HTMLAnchorElement>(el, '#new-project')!.href).hash).to.equal('#project');
    await expect(el).to.be.accessible();
  });

  it('in the app: « Projets » in the menu, a project’s page, its workshop’s registrations and day by the address', async () => {
    const page = location.href;
    try {
      const app = await fixture<GuspConsole>(html`<gusp-console endpoint=${REAL} lang="fr"></gusp-console>`);
      await until(() => app.state === 'ready', 8000, 'signed in');
      const inApp = (selector: string) => shadow(app).querySelector<HTMLElement>(selector);
      expect([...shadow(app).querySelectorAll('nav a')].map((a) => clean(a.textContent))).to.include('Projets');
      location.hash = hashOf('project', projectId);
      await until(() => inApp('gusp-console-project')?.getAttribute('project-id') === projectId, 8000, 'the project');
      expect(clean(inApp('nav a[aria-current="page"]')?.textContent)).to.equal('Projets');
      location.hash = hashOf('registrations', workshopId, 'workshop');
      await until(() => inApp('gusp-console-registrations')?.getAttribute('gathering') === 'workshop', 8000, 'the registrations');
      expect(inApp('gusp-console-registrations')!.getAttribute('walk-id')).to.equal(workshopId);
      expect(clean(inApp('nav a[aria-current="page"]')?.textContent), 'under « Projets »').to.equal('Projets');
      location.hash = hashOf('day', workshopId, 'workshop');
      await until(() => inApp('gusp-console-day')?.getAttribute('gathering') === 'workshop', 8000, 'the day');
      const day = inApp('gusp-console-day') as GuspConsoleDay;
      await day.loaded;
      expect(new URL(shadow(day).querySelector<HTMLAnchorElement>('#day-back')!.href).hash).to.equal(`#project/${projectId}`);
    } finally {
      history.replaceState(null, '', page);
    }
  });

  it('an organisation (the OPH) sees it read-only: no new project, no step, no form', async () => {
    await signOut();
    await signInAs('organisation', 'oph');
    const list = await fixture<GuspConsoleProjects>(
      html`<gusp-console-projects endpoint=${REAL} lang="fr" staff-role="organisation"></gusp-console-projects>`,
    );
    await list.loaded;
    expect($(list, `li[data-project="${projectId}"]`)).not.to.equal(null);
    expect($(list, '#new-project')).to.equal(null);
    const el = await project(projectId, { role: 'organisation' });
    expect(text(el, '#read-only')).to.equal('Lecture seule : seule l’équipe de la Ville modifie ce projet.');
    expect($$(el, 'button')).to.have.length(0);
    expect($$(el, 'form')).to.have.length(0);
    expect(text(el, 'li[data-engagement]')).to.contain('Repeindre les halls des Bleuets');
    expect($$(el, 'li[data-contribution]')).to.have.length(4);
    await expect(el).to.be.accessible();
    await expect(list).to.be.accessible();
    await signOut();
    await signInAs('coordinator');
  });
});
