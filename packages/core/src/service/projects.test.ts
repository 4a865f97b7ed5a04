// SPDX-License-Identifier: EUPL-1.2
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ContributionDecided, ParticipantPromoted, ProjectCreated } from '../events.js';
import { errorMessage } from '../i18n.js';
import type { CreateProjectInput } from '../project/project.js';
import { assertRefused, person, setup, unwrap } from './service.test-helpers.js';

const COORDINATOR = { accountId: 'coord-1', role: 'coordinator', organisationId: 'ville-de-valence' } as const;
const OPH_STAFF = { accountId: 'oph-1', role: 'organisation', organisationId: 'oph' } as const;

/** The Bleuets, as the seed tells it. */
const BLEUETS: CreateProjectInput = {
  quartierId: 'le-plan',
  title: 'Réhabilitation concertée des Bleuets',
  kind: 'building-renovation',
  site: { label: 'Immeuble Les Bleuets', address: 'Allée des Bleuets, 26000 Valence', point: { lat: 44.9205, lon: 4.9128 } },
  landlordId: 'oph',
  partnerIds: ['compagnons-batisseurs', 'ville-de-valence'],
  description: 'La réhabilitation d’un des plus anciens immeubles du Plan, avec ses habitants.',
  phases: [{ kind: 'diagnostic', actualStart: '2026-01-05', actualEnd: '2026-02-27' }],
};

const LOCAL = { label: 'Local des habitants, rez-de-chaussée des Bleuets', point: { lat: 44.9205, lon: 4.9128 } };

describe('projects and workshops: the Bleuets (issue 15’s « Done when », in the core)', () => {
  it('announces the project, fills a workshop at the local des habitants, promotes FIFO, records what residents decided, and moves to works', async () => {
    const { gusp, store, clock } = setup();
    const staff = { actor: COORDINATOR };

    // The project: created as a draft, announced, in concertation.
    const draft = unwrap(await gusp.projects.create(BLEUETS, staff));
    assert.equal(draft.status, 'draft');
    assert.deepEqual(draft.partnerIds, ['compagnons-batisseurs', 'ville-de-valence']);
    assertRefused(await gusp.queries.projectPage(draft.id), 'project.not-found');
    assert.equal(unwrap(await gusp.projects.announce(draft.id, staff)).status, 'announced');
    unwrap(await gusp.projects.setPhase(draft.id, { kind: 'concertation', plannedStart: '2026-03-01', plannedEnd: '2026-06-30' }, staff));
    assert.equal(unwrap(await gusp.projects.startConcertation(draft.id, staff)).status, 'in-concertation');
    const created = (await store.read(`project-${draft.id}`)).events[0] as unknown as ProjectCreated;
    assert.deepEqual(created.data.by, COORDINATOR);

    // A workshop at the local des habitants: 3 public seats, 1 institutional.
    const workshop = unwrap(
      await gusp.workshops.schedule(
        draft.id,
        {
          kind: 'learning',
          title: 'Atelier d’apprentissage : repeindre sa cage d’escalier',
          startsAt: '2026-03-14T14:00:00+01:00',
          place: LOCAL,
          capacity: 3,
          institutionalSeats: 1,
        },
        staff,
      ),
    );
    assert.equal(workshop.status, 'draft');
    assert.equal(workshop.quartierId, 'le-plan');
    assert.equal(workshop.durationMinutes, 120);
    assert.equal(workshop.registrationDeadline, '2026-03-13T18:00:00+01:00');
    unwrap(await gusp.workshops.publish(workshop.id, staff));

    // It fills up, the same registration rules as a walk's.
    const signUp = async (name: string) => unwrap(await gusp.workshops.register(workshop.id, person({ name })));
    const amina = await signUp('Amina');
    const bruno = await signUp('Bruno');
    const chloe = await signUp('Chloé');
    const driss = await signUp('Driss');
    const emma = await signUp('Emma');
    const elu = unwrap(await gusp.workshops.register(workshop.id, person({ name: 'Élue de quartier', role: 'elected' })));
    assert.deepEqual(
      [amina, bruno, chloe, driss, emma, elu].map((o) => o.status),
      ['confirmed', 'confirmed', 'confirmed', 'waitlisted', 'waitlisted', 'confirmed'],
    );
    assert.equal(driss.position, 1);
    assert.equal(emma.position, 2);
    assert.equal(amina.registration.workshopId, workshop.id);
    const full = unwrap(await gusp.queries.workshopSummary(workshop.id));
    assert.deepEqual([full.seatsLeft, full.waitlisted, full.institutionalSeatsLeft], [0, 2, 0]);

    // Worded for a workshop, with the walk's code.
    const duplicate = await gusp.workshops.register(workshop.id, person({ email: amina.registration.email }));
    assert.equal(duplicate.ok, false);
    if (!duplicate.ok) {
      assert.equal(duplicate.error.code, 'registration.duplicate-email');
      assert.equal(duplicate.error.message, 'Cette adresse e-mail est déjà inscrite à cet atelier.');
    }
    const noConsent = await gusp.workshops.register(workshop.id, person({ consent: false }), { locale: 'en' });
    assertRefused(noConsent, 'registration.consent-required', 'en');

    // Bruno cancels with his link: Driss, first on the list, gets the seat (FIFO).
    unwrap(await gusp.workshops.cancelRegistration(workshop.id, bruno.registration.id, { token: bruno.registration.cancelToken }));
    const events = (await store.read(`workshop-${workshop.id}`)).events;
    const promoted = events.filter((e) => e.type === 'ParticipantPromoted') as unknown as ParticipantPromoted[];
    assert.deepEqual(
      promoted.map((e) => e.data.registrationId),
      [driss.registration.id],
    );
    const after = unwrap(await gusp.workshops.get(workshop.id));
    assert.equal(after.registrations.find((r) => r.id === emma.registration.id)?.status, 'waitlisted');

    // The day: residents attend, one comes unannounced, Chloé does not.
    clock.set('2026-03-14T13:45:00+01:00');
    unwrap(await gusp.workshops.start(workshop.id, staff));
    for (const r of [amina, driss, elu]) unwrap(await gusp.workshops.checkIn(workshop.id, r.registration.id, staff));
    unwrap(await gusp.workshops.walkIn(workshop.id, { name: 'Voisine du 2e', consent: true }, staff));
    clock.set('2026-03-14T16:00:00+01:00');
    assert.equal(unwrap(await gusp.workshops.finish(workshop.id, staff)).status, 'done');
    const [participation] = await gusp.queries.participationByWorkshop({ projectId: draft.id });
    assert.deepEqual(
      [
        participation?.attended,
        participation?.absent,
        participation?.walkIns,
        participation?.byRole.resident,
        participation?.byRole.elected,
      ],
      [4, 1, 1, 3, 1],
    );

    // What residents decided: two adopted, one declined with a reason (refused without).
    const record = async (text: string) =>
      unwrap(await gusp.projects.recordContribution(draft.id, { workshopId: workshop.id, kind: 'decision', text }, staff));
    const colours = await record('Les habitants choisissent les couleurs des cages d’escalier : jaune et bleu.');
    const hours = await record('Le local est ouvert le mercredi après-midi et le samedi matin.');
    const windows = await record('Remplacer les fenêtres par des baies coulissantes.');
    assert.equal(colours.outcome, 'pending');
    unwrap(await gusp.projects.decideContribution(draft.id, colours.id, { outcome: 'adopted' }, staff));
    unwrap(await gusp.projects.decideContribution(draft.id, hours.id, { outcome: 'adopted' }, staff));
    assertRefused(
      await gusp.projects.decideContribution(draft.id, windows.id, { outcome: 'declined' }, staff),
      'contribution.reason-required',
    );
    assertRefused(
      await gusp.projects.decideContribution(draft.id, windows.id, { outcome: 'declined', reason: ' ' }, { ...staff, locale: 'en' }),
      'contribution.reason-required',
      'en',
    );
    const reason = 'Les menuiseries neuves sont imposées par la performance thermique : le modèle retenu s’ouvre à la française.';
    const declined = unwrap(await gusp.projects.decideContribution(draft.id, windows.id, { outcome: 'declined', reason }, staff));
    assert.deepEqual([declined.outcome, declined.outcomeReason], ['declined', reason]);
    assertRefused(
      await gusp.projects.decideContribution(draft.id, declined.id, { outcome: 'adopted' }, staff),
      'contribution.invalid-transition',
    );
    const decided = (await store.read(`project-${draft.id}`)).events.filter(
      (e) => e.type === 'ContributionDecided',
    ) as unknown as ContributionDecided[];
    assert.ok(decided.every((e) => e.data.by?.accountId === 'coord-1'));
    assert.deepEqual(await gusp.queries.contributionsByOutcome({ projectId: draft.id }), {
      pending: 0,
      adopted: 2,
      studied: 0,
      declined: 1,
    });

    // The OPH's engagement follows, on the project; its staff cannot move the project.
    const engagement = unwrap(
      await gusp.engagements.propose(
        {
          title: 'Repeindre les cages d’escalier aux couleurs choisies',
          quartierId: 'le-plan',
          organisationId: 'oph',
          projectId: draft.id,
        },
        staff,
      ),
    );
    assert.equal(engagement.projectId, draft.id);
    unwrap(await gusp.engagements.accept(engagement.id, { organisationId: 'oph', dueOn: '2026-06-30' }, { actor: OPH_STAFF }));
    assertRefused(await gusp.projects.startWorks(draft.id, { actor: OPH_STAFF }), 'project.organisation-cannot-change');

    // The project moves to works.
    clock.set('2026-04-01T09:00:00+02:00');
    const works = unwrap(await gusp.projects.startWorks(draft.id, staff));
    assert.equal(works.status, 'in-works');
    unwrap(await gusp.projects.setPhase(draft.id, { kind: 'works', actualStart: '2026-04-01', plannedEnd: '2026-12-18' }, staff));

    // And the public page says all of it.
    const page = unwrap(await gusp.queries.projectPage(draft.id));
    assert.equal(page.quartierName, 'Le Plan');
    assert.deepEqual(page.landlord, { id: 'oph', name: 'Office public de l’habitat' });
    assert.deepEqual(
      page.partners.map((p) => p.name),
      ['Compagnons bâtisseurs', 'Ville de Valence'],
    );
    assert.equal(page.currentPhase, 'works');
    assert.deepEqual(
      page.phases.map((p) => [p.kind, p.current]),
      [
        ['diagnostic', false],
        ['concertation', false],
        ['works', true],
        ['delivery', false],
        ['evaluation', false],
      ],
    );
    assert.equal(page.phases[2]?.actualStart, '2026-04-01');
    assert.deepEqual(page.upcomingWorkshops, []);
    assert.equal(page.pastWorkshops[0]?.attended, 4);
    assert.deepEqual(
      page.contributions.map((c) => c.outcome),
      ['adopted', 'adopted', 'declined'],
    );
    assert.equal(page.contributions[2]?.outcomeReason, reason);
    assert.equal(page.contributions[0]?.workshopTitle, workshop.title);
    assert.deepEqual(page.engagements, [
      {
        id: engagement.id,
        title: engagement.title,
        status: 'accepted',
        progress: 0,
        organisation: { id: 'oph', name: 'Office public de l’habitat' },
        dueOn: '2026-06-30',
      },
    ]);
    assert.deepEqual(
      page.timeline.map((t) => t.kind),
      [
        'phase-start',
        'phase-end',
        'phase-start',
        'workshop',
        'decision',
        'decision',
        'decision',
        'engagement',
        'phase-start',
        'phase-end',
        'phase-end',
      ],
    );
    // No personal data on the page: no name, email, cancel token nor account.
    const json = JSON.stringify(page);
    for (const secret of ['Amina', 'example.org', amina.registration.cancelToken, 'coord-1']) assert.ok(!json.includes(secret), secret);
  });
});

describe('projects: commands refuse in the caller’s language', () => {
  it('refuses an unknown project, quartier or partner, a step out of order and a suspension without reason', async () => {
    const { gusp } = setup();
    assertRefused(await gusp.projects.announce('nope'), 'project.not-found');
    assertRefused(await gusp.projects.get('nope', { locale: 'en' }), 'project.not-found', 'en');
    assertRefused(await gusp.projects.create({ ...BLEUETS, quartierId: 'vaulx-en-velin' }), 'project.unknown-quartier');
    assertRefused(
      await gusp.projects.create({ ...BLEUETS, partnerIds: ['batir'] }, { locale: 'en' }),
      'project.unknown-organisation',
      'en',
    );
    assertRefused(await gusp.projects.create({ ...BLEUETS, title: '' }), 'validation.invalid');
    assertRefused(
      await gusp.projects.create({ ...BLEUETS, phases: [{ kind: 'works', plannedStart: '2026-05-01', plannedEnd: '2026-04-01' }] }),
      'project.phase-dates',
    );
    const p = unwrap(await gusp.projects.create(BLEUETS));
    const outOfOrder = await gusp.projects.startWorks(p.id);
    assertRefused(outOfOrder, 'project.invalid-transition');
    assert.equal(
      errorMessage('project.invalid-transition', 'fr', { event: 'startWorks', state: 'draft' }),
      outOfOrder.ok ? '' : outOfOrder.error.message,
    );
    unwrap(await gusp.projects.announce(p.id));
    assertRefused(await gusp.projects.suspend(p.id, { reason: '' }), 'project.reason-required');
    assertRefused(await gusp.projects.suspend(p.id, { reason: '' }, { locale: 'en' }), 'project.reason-required', 'en');
    assertRefused(await gusp.projects.announce(p.id, { actor: { accountId: '', role: 'coordinator' } }), 'validation.invalid');
  });

  it('suspends and resumes to where it was, edits the details, and abandons with a reason', async () => {
    const { gusp } = setup();
    const p = unwrap(await gusp.projects.create(BLEUETS));
    unwrap(await gusp.projects.announce(p.id));
    unwrap(await gusp.projects.startConcertation(p.id));
    const suspended = unwrap(await gusp.projects.suspend(p.id, { reason: 'En attente du financement de l’ANRU' }));
    assert.deepEqual(
      [suspended.status, suspended.suspendedFrom, suspended.reason],
      ['suspended', 'in-concertation', 'En attente du financement de l’ANRU'],
    );
    const resumed = unwrap(await gusp.projects.resume(p.id));
    assert.deepEqual([resumed.status, resumed.suspendedFrom, resumed.reason], ['in-concertation', undefined, undefined]);
    const edited = unwrap(
      await gusp.projects.edit(p.id, { title: 'Les Bleuets', partnerIds: ['compagnons-batisseurs', 'compagnons-batisseurs'] }),
    );
    assert.deepEqual([edited.title, edited.partnerIds, edited.landlordId], ['Les Bleuets', ['compagnons-batisseurs'], 'oph']);
    assertRefused(await gusp.projects.edit(p.id, { landlordId: 'bailleur-inconnu' }), 'project.unknown-organisation');
    const abandoned = unwrap(await gusp.projects.abandon(p.id, { reason: 'Démolition décidée' }));
    assert.deepEqual([abandoned.status, abandoned.reason], ['abandoned', 'Démolition décidée']);
    assertRefused(
      await gusp.workshops.schedule(p.id, { title: 'Atelier', startsAt: '2026-03-14T14:00:00+01:00' }),
      'workshop.project-over',
    );
  });

  it('records contributions only in the project’s own workshops', async () => {
    const { gusp } = setup();
    const a = unwrap(await gusp.projects.create(BLEUETS));
    const b = unwrap(await gusp.projects.create({ ...BLEUETS, title: 'Aire de jeux rue Bizet', kind: 'playground' }));
    const w = unwrap(
      await gusp.workshops.schedule(b.id, { title: 'Consultation', kind: 'consultation', startsAt: '2026-03-14T14:00:00+01:00' }),
    );
    assertRefused(await gusp.projects.recordContribution(a.id, { workshopId: w.id, text: 'Un banc' }), 'workshop.not-found');
    assertRefused(await gusp.projects.recordContribution(a.id, { text: '' }), 'validation.invalid');
    assertRefused(await gusp.projects.decideContribution(a.id, 'nope', { outcome: 'adopted' }), 'contribution.not-found');
    const c = unwrap(await gusp.projects.recordContribution(b.id, { workshopId: w.id, kind: 'request', text: 'Un banc à l’ombre' }));
    const studied = unwrap(
      await gusp.projects.decideContribution(b.id, c.id, { outcome: 'studied', reason: 'Le service des espaces verts chiffre' }),
    );
    assert.equal(studied.outcome, 'studied');
    const adopted = unwrap(await gusp.projects.decideContribution(b.id, c.id, { outcome: 'adopted' }));
    assert.deepEqual([adopted.outcome, adopted.outcomeReason], ['adopted', undefined]);
    assertRefused(await gusp.engagements.propose({ title: 'x', quartierId: 'le-plan', projectId: 'nope' }), 'project.not-found');
  });
});

describe('workshops: the lifecycle', () => {
  it('publishes with a place only, reschedules (SEQUENCE up), cancels with a reason, closes at the deadline', async () => {
    const { gusp, clock } = setup();
    const p = unwrap(await gusp.projects.create(BLEUETS));
    const w = unwrap(
      await gusp.workshops.schedule(p.id, { title: 'Visite du chantier', kind: 'site-visit', startsAt: '2026-03-14T10:00:00+01:00' }),
    );
    assertRefused(await gusp.workshops.publish(w.id), 'workshop.project-not-announced');
    unwrap(await gusp.projects.announce(p.id));
    assertRefused(await gusp.workshops.publish(w.id), 'workshop.place-required');
    assertRefused(await gusp.workshops.publish(w.id, { locale: 'en' }), 'workshop.place-required', 'en');
    const edited = unwrap(
      await gusp.workshops.editDraft(w.id, {
        title: 'Visite du chantier',
        kind: 'site-visit',
        startsAt: '2026-03-14T10:00:00+01:00',
        place: LOCAL,
        capacity: 10,
      }),
    );
    assert.deepEqual([edited.place?.label, edited.capacity], [LOCAL.label, 10]);
    unwrap(await gusp.workshops.publish(w.id));
    assertRefused(
      await gusp.workshops.editDraft(w.id, { title: 'x', startsAt: '2026-03-14T10:00:00+01:00' }),
      'workshop.invalid-transition',
    );
    const moved = unwrap(await gusp.workshops.reschedule(w.id, { startsAt: '2026-03-21T10:00:00+01:00', reason: 'Grue livrée en retard' }));
    assert.deepEqual(
      [moved.startsAt, moved.registrationDeadline, moved.sequence],
      ['2026-03-21T10:00:00+01:00', '2026-03-20T18:00:00+01:00', 1],
    );
    clock.set('2026-03-20T19:00:00+01:00');
    assert.equal(unwrap(await gusp.queries.workshopSummary(w.id)).status, 'closed');
    const late = await gusp.workshops.register(w.id, person());
    assert.equal(
      late.ok ? '' : `${late.error.code} ${late.error.message}`,
      'walk.registration-closed Les inscriptions à cet atelier sont fermées.',
    );
    assert.deepEqual(await gusp.queries.upcomingWorkshops({ quartierId: 'le-plan' }).then((l) => l.map((x) => x.id)), [w.id]);
    assertRefused(await gusp.workshops.cancel(w.id, { reason: '' }), 'workshop.reason-required');
    const cancelled = unwrap(await gusp.workshops.cancel(w.id, { reason: 'Chantier arrêté' }));
    assert.deepEqual([cancelled.status, cancelled.cancelReason, cancelled.sequence], ['cancelled', 'Chantier arrêté', 2]);
    assert.deepEqual(await gusp.queries.upcomingWorkshops(), []);
    assertRefused(await gusp.workshops.start('nope'), 'workshop.not-found');
  });
});
