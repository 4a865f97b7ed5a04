// SPDX-License-Identifier: EUPL-1.2
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { valence } from '../city/valence.js';
import type { ParticipantPromoted, ParticipantRegistered, RegistrationsClosed, WalkInRegistered } from '../events.js';
import { registrationFixture } from '../fixtures.test-helpers.js';
import type { Store } from '../store/store.js';
import { waitlistPosition } from '../registration/registration.fold.js';
import { assertRefused, LE_PLAN_STOPS, openWalk, person, setup, START, unwrap, WALK_STARTS_AT } from './service.test-helpers.js';

describe('walks: the whole life of a diagnostic en marchant', () => {
  it('goes from schedule to reported, closing sign-ups at the deadline and marking absentees', async () => {
    const { gusp, store, clock } = setup();

    // Schedule: a draft with the city's defaults.
    const draft = unwrap(
      await gusp.walks.schedule({ quartierId: 'le-plan', startsAt: WALK_STARTS_AT, stops: [...LE_PLAN_STOPS], capacity: 2 }),
    );
    assert.equal(draft.status, 'draft');
    assert.equal(draft.durationMinutes, 240);
    assert.equal(draft.registrationDeadline, '2026-03-13T18:00:00+01:00');
    assert.deepEqual(draft.meetingPoint, { label: LE_PLAN_STOPS[0].label, point: LE_PLAN_STOPS[0].point });
    assert.deepEqual(
      draft.stops.map((s) => s.id),
      ['parvis', 'bleuets', 'aire-de-jeux'],
    );
    assertRefused(await gusp.walks.register(draft.id, person()), 'walk.registration-closed');

    // Publish: sign-ups open.
    const open = unwrap(await gusp.walks.publish(draft.id));
    assert.equal(open.status, 'open');
    const amina = unwrap(await gusp.walks.register(draft.id, person({ name: 'Amina' })));
    const bruno = unwrap(await gusp.walks.register(draft.id, person({ name: 'Bruno', role: 'association' })));
    const chloe = unwrap(await gusp.walks.register(draft.id, person({ name: 'Chloé' })));
    const elu = unwrap(await gusp.walks.register(draft.id, person({ name: 'M. le maire adjoint', role: 'elected' })));
    assert.deepEqual([amina.status, bruno.status, chloe.status, elu.status], ['confirmed', 'confirmed', 'waitlisted', 'confirmed']);
    assert.equal(chloe.position, 1);
    assert.equal(amina.registration.consent.version, '2026-01');

    // The deadline passes: the walk is closed for sign-ups although nobody closed it.
    clock.set('2026-03-13T18:00:00+01:00');
    assertRefused(await gusp.walks.register(draft.id, person()), 'walk.registration-closed');
    assert.equal(unwrap(await gusp.queries.walkSummary(draft.id)).status, 'closed');
    assert.equal(unwrap(await gusp.walks.get(draft.id)).walk.status, 'open', 'the automatic close is derived until something happens');

    // Start: not more than 30 minutes early; the automatic close becomes a fact first.
    clock.set('2026-03-14T08:29:00+01:00');
    assertRefused(await gusp.walks.start(draft.id), 'walk.too-early-to-start');
    clock.set('2026-03-14T08:30:00+01:00');
    const started = unwrap(await gusp.walks.start(draft.id));
    assert.equal(started.status, 'in-progress');
    assert.equal(started.startedAt, '2026-03-14T08:30:00+01:00');
    const stream = (await store.read(`walk-${draft.id}`)).events;
    const types = stream.map((e) => e.type);
    assert.deepEqual(types.slice(-2), ['RegistrationsClosed', 'WalkStarted']);
    assert.deepEqual((stream.at(-2) as RegistrationsClosed).data, { automatic: true });

    // Check-in during the walk.
    clock.set('2026-03-14T09:05:00+01:00');
    assert.equal(unwrap(await gusp.walks.checkIn(draft.id, amina.registration.id)).status, 'attended');
    assert.equal(unwrap(await gusp.walks.checkIn(draft.id, elu.registration.id)).status, 'attended');
    assertRefused(await gusp.walks.checkIn(draft.id, amina.registration.id), 'registration.invalid-transition');
    assertRefused(await gusp.walks.cancelRegistration(draft.id, bruno.registration.id), 'registration.walk-over');

    // Observations on the route.
    unwrap(
      await gusp.observations.record({
        walkId: draft.id,
        stopId: 'parvis',
        polarity: 'problem',
        themeId: 'eclairage-public',
        description: 'Lampadaire éteint',
        source: 'walk',
      }),
    );
    unwrap(
      await gusp.observations.record({
        walkId: draft.id,
        stopId: 'bleuets',
        polarity: 'positive',
        themeId: 'lien-social',
        description: 'Salle commune rénovée par les habitants',
        source: 'walk',
      }),
    );

    // A report cannot be drafted before the end.
    assertRefused(await gusp.reports.draft(draft.id), 'report.walk-not-done');

    // Finish: the confirmed who did not come are absent; the waiting list stays as it was.
    clock.set('2026-03-14T12:45:00+01:00');
    const done = unwrap(await gusp.walks.finish(draft.id));
    assert.equal(done.status, 'done');
    assert.equal(done.finishedAt, '2026-03-14T12:45:00+01:00');
    const after = unwrap(await gusp.walks.get(draft.id));
    const statusOf = (id: string) => after.registrations.find((r) => r.id === id)?.status;
    assert.deepEqual(
      [statusOf(amina.registration.id), statusOf(bruno.registration.id), statusOf(chloe.registration.id), statusOf(elu.registration.id)],
      ['attended', 'absent', 'waitlisted', 'attended'],
    );
    assertRefused(await gusp.walks.checkIn(draft.id, bruno.registration.id), 'registration.invalid-transition');

    // Report: draft, validate, share; the walk becomes reported.
    clock.set('2026-03-20T10:00:00+01:00');
    const report = unwrap(await gusp.reports.draft(draft.id));
    assert.equal(report.status, 'draft');
    assert.equal(report.participantsTotal, 2);
    assert.equal(report.participants.resident, 1);
    assert.equal(report.participants.elected, 1);
    assert.equal(report.participants.association, 0);
    assert.deepEqual(
      report.byStop.map((s) => [s.stopId, s.positive, s.problem]),
      [
        ['parvis', 0, 1],
        ['bleuets', 1, 0],
        ['aire-de-jeux', 0, 0],
      ],
    );
    assert.equal(report.positives.length, 1);
    assert.equal(report.problems[0]?.place, 'Parvis de l’école Jean-Moulin');
    assert.ok(!JSON.stringify(report).includes('Amina'), 'a report never carries names');
    assertRefused(await gusp.reports.share(draft.id), 'report.invalid-transition');
    const validated = unwrap(await gusp.reports.validate(draft.id, { summary: 'Un éclairage à reprendre, une salle commune qui vit.' }));
    assert.equal(validated.status, 'validated');
    assert.equal(validated.validatedAt, '2026-03-20T10:00:00+01:00');
    assertRefused(await gusp.reports.draft(draft.id), 'report.invalid-transition');
    const shared = unwrap(await gusp.reports.share(draft.id));
    assert.equal(shared.status, 'shared');
    assert.equal(shared.sharedOn, '2026-03-20');
    assert.equal(shared.summary, 'Un éclairage à reprendre, une salle commune qui vit.');
    const final = unwrap(await gusp.walks.get(draft.id));
    assert.equal(final.walk.status, 'reported');
    assert.equal(final.report?.status, 'shared');
    assertRefused(await gusp.reports.share(draft.id), 'report.invalid-transition');
  });

  it('regenerates a draft report with observations recorded after it', async () => {
    const { gusp, clock } = setup();
    const walk = await openWalk(gusp);
    clock.set(WALK_STARTS_AT);
    unwrap(await gusp.walks.start(walk.id));
    clock.set('2026-03-14T13:00:00+01:00');
    unwrap(await gusp.walks.finish(walk.id));
    const first = unwrap(await gusp.reports.draft(walk.id));
    assert.equal(first.problems.length, 0);
    clock.set('2026-03-15T09:00:00+01:00');
    unwrap(
      await gusp.observations.record({
        walkId: walk.id,
        stopId: 'bleuets',
        polarity: 'problem',
        themeId: 'nettoyage',
        description: 'Dépôts sauvages',
        source: 'agent',
      }),
    );
    const second = unwrap(await gusp.reports.draft(walk.id));
    assert.equal(second.id, first.id);
    assert.equal(second.problems.length, 1);
  });

  it('closes sign-ups by hand before the deadline, then starts from closed without another close event', async () => {
    const { gusp, store, clock } = setup();
    const walk = await openWalk(gusp);
    const closed = unwrap(await gusp.walks.closeRegistrations(walk.id));
    assert.equal(closed.status, 'closed');
    assertRefused(await gusp.walks.register(walk.id, person()), 'walk.registration-closed');
    assertRefused(await gusp.walks.closeRegistrations(walk.id), 'walk.invalid-transition');
    clock.set(WALK_STARTS_AT);
    unwrap(await gusp.walks.start(walk.id));
    const types = (await store.read(`walk-${walk.id}`)).events.map((e) => e.type);
    assert.deepEqual(types, ['WalkScheduled', 'WalkPublished', 'RegistrationsClosed', 'WalkStarted']);
  });

  it('refuses to start an open walk before its deadline with walk.invalid-transition', async () => {
    const { gusp } = setup();
    const walk = await openWalk(gusp);
    assertRefused(await gusp.walks.start(walk.id), 'walk.invalid-transition');
  });
});

describe('walks: the default registration deadline', () => {
  it('is the day before at 18:00 Paris time, winter side of the spring DST change', async () => {
    const { gusp } = setup();
    const walk = unwrap(await gusp.walks.schedule({ quartierId: 'polygone', startsAt: '2026-03-29T09:00:00+02:00' }));
    assert.equal(walk.registrationDeadline, '2026-03-28T18:00:00+01:00');
    assert.equal(walk.startsAt, '2026-03-29T09:00:00+02:00');
  });

  it('is the day before at 18:00 Paris time, summer side of the autumn DST change', async () => {
    const { gusp } = setup();
    const walk = unwrap(await gusp.walks.schedule({ quartierId: 'polygone', startsAt: '2026-10-25T09:00:00+01:00' }));
    assert.equal(walk.registrationDeadline, '2026-10-24T18:00:00+02:00');
  });

  it('reads the walk’s day in Paris even when the start is given in UTC', async () => {
    const { gusp } = setup();
    // 23:30 UTC on the 1st is 01:30 on the 2nd in Paris: the day before is the 1st.
    const walk = unwrap(await gusp.walks.schedule({ quartierId: 'polygone', startsAt: '2026-07-01T23:30:00Z' }));
    assert.equal(walk.startsAt, '2026-07-02T01:30:00+02:00');
    assert.equal(walk.registrationDeadline, '2026-07-01T18:00:00+02:00');
  });

  it('keeps a deadline given explicitly, in the city’s time zone', async () => {
    const { gusp } = setup();
    const walk = unwrap(
      await gusp.walks.schedule({ quartierId: 'polygone', startsAt: WALK_STARTS_AT, registrationDeadline: '2026-03-12T11:00:00Z' }),
    );
    assert.equal(walk.registrationDeadline, '2026-03-12T12:00:00+01:00');
  });

  it('moves with a reschedule', async () => {
    const { gusp } = setup();
    const walk = await openWalk(gusp);
    const moved = unwrap(await gusp.walks.reschedule(walk.id, { startsAt: '2026-03-29T09:00:00+02:00', reason: 'Élections' }));
    assert.equal(moved.registrationDeadline, '2026-03-28T18:00:00+01:00');
  });
});

describe('walks: seats and the waiting list', () => {
  it('waitlists people in sign-up order once public seats are taken', async () => {
    const { gusp } = setup();
    const walk = await openWalk(gusp, { capacity: 2 });
    const outcomes = [];
    for (let i = 0; i < 5; i++) outcomes.push(unwrap(await gusp.walks.register(walk.id, person())));
    assert.deepEqual(
      outcomes.map((o) => [o.status, o.position]),
      [
        ['confirmed', undefined],
        ['confirmed', undefined],
        ['waitlisted', 1],
        ['waitlisted', 2],
        ['waitlisted', 3],
      ],
    );
  });

  it('promotes the first waitlisted person when a confirmed one cancels, and says so with ParticipantPromoted', async () => {
    const { gusp, store } = setup();
    const walk = await openWalk(gusp, { capacity: 2 });
    const list = [];
    for (let i = 0; i < 5; i++) list.push(unwrap(await gusp.walks.register(walk.id, person())));
    const [a, b, c, d, e] = list;
    assert.ok(a && b && c && d && e);

    const cancelled = unwrap(await gusp.walks.cancelRegistration(walk.id, b.registration.id, { token: b.registration.cancelToken }));
    assert.equal(cancelled.status, 'cancelled');
    const events = (await store.read(`walk-${walk.id}`)).events;
    const promoted = events.filter((x): x is typeof x & ParticipantPromoted => x.type === 'ParticipantPromoted');
    assert.deepEqual(
      promoted.map((x) => x.data.registrationId),
      [c.registration.id],
    );
    assert.equal(events.at(-2)?.type, 'RegistrationCancelled');

    let agg = unwrap(await gusp.walks.get(walk.id));
    assert.equal(agg.registrations.find((r) => r.id === c.registration.id)?.status, 'confirmed');
    assert.equal(waitlistPosition(agg.registrations, d.registration.id), 1);
    assert.equal(waitlistPosition(agg.registrations, e.registration.id), 2);

    // A waitlisted person leaving frees no seat: nobody is promoted.
    unwrap(await gusp.walks.cancelRegistration(walk.id, d.registration.id));
    agg = unwrap(await gusp.walks.get(walk.id));
    assert.equal(agg.registrations.filter((r) => r.status === 'confirmed').length, 2);
    assert.equal(waitlistPosition(agg.registrations, e.registration.id), 1);

    unwrap(await gusp.walks.cancelRegistration(walk.id, a.registration.id));
    agg = unwrap(await gusp.walks.get(walk.id));
    assert.equal(agg.registrations.find((r) => r.id === e.registration.id)?.status, 'confirmed');
    const summary = unwrap(await gusp.queries.walkSummary(walk.id));
    assert.equal(summary.waitlisted, 0);
    assert.equal(summary.seatsLeft, 0);
  });

  it('promotes after the deadline too, until the walk starts', async () => {
    const { gusp, clock } = setup();
    const walk = await openWalk(gusp, { capacity: 1 });
    const first = unwrap(await gusp.walks.register(walk.id, person()));
    const second = unwrap(await gusp.walks.register(walk.id, person()));
    clock.set('2026-03-13T20:00:00+01:00');
    unwrap(await gusp.walks.cancelRegistration(walk.id, first.registration.id));
    const agg = unwrap(await gusp.walks.get(walk.id));
    assert.equal(agg.registrations.find((r) => r.id === second.registration.id)?.status, 'confirmed');
  });

  it('does not let institutional roles take public seats', async () => {
    const { gusp } = setup();
    const walk = await openWalk(gusp, { capacity: 1 });
    assert.equal(unwrap(await gusp.walks.register(walk.id, person())).status, 'confirmed');
    for (const role of ['elected', 'landlord', 'professional', 'proximity-agent', 'partner'] as const) {
      assert.equal(unwrap(await gusp.walks.register(walk.id, person({ role }))).status, 'confirmed', role);
    }
    assert.equal(unwrap(await gusp.walks.register(walk.id, person({ role: 'association' }))).status, 'waitlisted');
    const summary = unwrap(await gusp.queries.walkSummary(walk.id));
    assert.equal(summary.seatsLeft, 0);
    assert.equal(summary.confirmed, 6);
    assert.deepEqual(summary.byRole, {
      resident: 1,
      association: 0,
      professional: 1,
      elected: 1,
      landlord: 1,
      'proximity-agent': 1,
      partner: 1,
    });
  });

  it('keeps institutional seats in a pool of their own when the walk limits them', async () => {
    const { gusp } = setup();
    const walk = await openWalk(gusp, { capacity: 1, institutionalSeats: 1 });
    const elected = unwrap(await gusp.walks.register(walk.id, person({ role: 'elected' })));
    const landlord = unwrap(await gusp.walks.register(walk.id, person({ role: 'landlord' })));
    const resident = unwrap(await gusp.walks.register(walk.id, person()));
    assert.deepEqual([elected.status, landlord.status, resident.status], ['confirmed', 'waitlisted', 'confirmed']);
    // A resident's place freed goes to nobody from the institutional list.
    const other = unwrap(await gusp.walks.register(walk.id, person()));
    assert.equal(other.status, 'waitlisted');
    unwrap(await gusp.walks.cancelRegistration(walk.id, elected.registration.id));
    const agg = unwrap(await gusp.walks.get(walk.id));
    assert.equal(agg.registrations.find((r) => r.id === landlord.registration.id)?.status, 'confirmed');
    assert.equal(agg.registrations.find((r) => r.id === other.registration.id)?.status, 'waitlisted');
  });
});

describe('walks: sign-up refusals', () => {
  it('refuses without consent, without contact, and the same email twice', async () => {
    const { gusp } = setup();
    const walk = await openWalk(gusp);
    assertRefused(await gusp.walks.register(walk.id, person({ consent: false })), 'registration.consent-required');
    assertRefused(await gusp.walks.register(walk.id, { name: 'Sans contact', consent: true }), 'registration.contact-required');
    assertRefused(
      await gusp.walks.register(walk.id, { name: 'Vide', email: '', phone: '', consent: true }),
      'registration.contact-required',
    );
    unwrap(await gusp.walks.register(walk.id, person({ email: 'fatou@example.org' })));
    assertRefused(await gusp.walks.register(walk.id, person({ email: 'FATOU@example.org' })), 'registration.duplicate-email');
    const byPhone = unwrap(await gusp.walks.register(walk.id, { name: 'Par téléphone', phone: '06 12 34 56 78', consent: true }));
    assert.equal(byPhone.registration.phone, '06 12 34 56 78');
    assert.equal(byPhone.registration.email, undefined);
  });

  it('lets a person who cancelled sign up again with the same email', async () => {
    const { gusp } = setup();
    const walk = await openWalk(gusp);
    const first = unwrap(await gusp.walks.register(walk.id, person({ email: 'yann@example.org' })));
    unwrap(await gusp.walks.cancelRegistration(walk.id, first.registration.id, { token: first.registration.cancelToken }));
    assert.equal(unwrap(await gusp.walks.register(walk.id, person({ email: 'yann@example.org' }))).status, 'confirmed');
  });

  it('refuses to cancel with a wrong token, or an unknown registration, with registration.not-found', async () => {
    const { gusp } = setup();
    const walk = await openWalk(gusp);
    const r = unwrap(await gusp.walks.register(walk.id, person()));
    assertRefused(await gusp.walks.cancelRegistration(walk.id, r.registration.id, { token: 'not-the-token' }), 'registration.not-found');
    assertRefused(await gusp.walks.cancelRegistration(walk.id, r.registration.id, { token: '' }), 'registration.not-found');
    assertRefused(await gusp.walks.cancelRegistration(walk.id, 'nobody'), 'registration.not-found');
    assert.equal(unwrap(await gusp.walks.get(walk.id)).registrations[0]?.status, 'confirmed');
    assert.equal(
      unwrap(await gusp.walks.cancelRegistration(walk.id, r.registration.id, { token: r.registration.cancelToken })).status,
      'cancelled',
    );
    assertRefused(await gusp.walks.cancelRegistration(walk.id, r.registration.id), 'registration.invalid-transition');
  });

  it('refuses commands on an unknown walk with walk.not-found', async () => {
    const { gusp } = setup();
    assertRefused(await gusp.walks.publish('no-such-walk'), 'walk.not-found');
    assertRefused(await gusp.walks.register('no-such-walk', person()), 'walk.not-found');
    assertRefused(await gusp.walks.get('no-such-walk'), 'walk.not-found');
    assertRefused(await gusp.queries.walkSummary('no-such-walk'), 'walk.not-found');
    assertRefused(await gusp.reports.get('no-such-walk'), 'walk.not-found');
  });
});

describe('walks: publishing, cancelling, rescheduling', () => {
  it('refuses to schedule in a quartier the city does not have with walk.unknown-quartier', async () => {
    const { gusp } = setup();
    assertRefused(await gusp.walks.schedule({ quartierId: 'la-duchere', startsAt: WALK_STARTS_AT }), 'walk.unknown-quartier');
  });

  it('refuses to publish without a meeting point, without seats, or in the past', async () => {
    const { gusp, clock } = setup();
    const noPoint = unwrap(await gusp.walks.schedule({ quartierId: 'le-plan', startsAt: WALK_STARTS_AT }));
    assertRefused(await gusp.walks.publish(noPoint.id), 'walk.meeting-point-required');
    const noSeat = unwrap(
      await gusp.walks.schedule({ quartierId: 'le-plan', startsAt: WALK_STARTS_AT, stops: [...LE_PLAN_STOPS], capacity: 0 }),
    );
    assertRefused(await gusp.walks.publish(noSeat.id), 'walk.capacity-required');
    const late = unwrap(
      await gusp.walks.schedule({ quartierId: 'le-plan', startsAt: WALK_STARTS_AT, meetingPoint: { label: 'Mairie de quartier' } }),
    );
    clock.set('2026-03-14T09:00:00+01:00');
    assertRefused(await gusp.walks.publish(late.id), 'walk.start-in-past');
  });

  it('cancels a walk with a reason, after which nobody can sign up', async () => {
    const { gusp } = setup();
    const walk = await openWalk(gusp);
    assertRefused(await gusp.walks.cancel(walk.id, { reason: '   ' }), 'walk.reason-required');
    const cancelled = unwrap(await gusp.walks.cancel(walk.id, { reason: 'Vigilance orange orages' }));
    assert.equal(cancelled.status, 'cancelled');
    assert.equal(cancelled.cancelReason, 'Vigilance orange orages');
    assertRefused(await gusp.walks.register(walk.id, person()), 'walk.registration-closed');
    assertRefused(await gusp.walks.cancel(walk.id, { reason: 'Encore' }), 'walk.invalid-transition');
  });

  it('refuses to cancel a walk once it has started', async () => {
    const { gusp, clock } = setup();
    const walk = await openWalk(gusp);
    clock.set(WALK_STARTS_AT);
    unwrap(await gusp.walks.start(walk.id));
    assertRefused(await gusp.walks.cancel(walk.id, { reason: 'Pluie' }), 'walk.invalid-transition');
  });

  it('reschedules an open walk, keeping its registrants, bumping the sequence', async () => {
    const { gusp } = setup();
    const walk = await openWalk(gusp);
    const r = unwrap(await gusp.walks.register(walk.id, person()));
    const moved = unwrap(
      await gusp.walks.reschedule(walk.id, {
        startsAt: '2026-03-21T14:00:00+01:00',
        meetingPoint: { label: 'Maison pour tous' },
        reason: 'Marché',
      }),
    );
    assert.equal(moved.status, 'open');
    assert.equal(moved.sequence, 1);
    assert.equal(moved.startsAt, '2026-03-21T14:00:00+01:00');
    assert.deepEqual(moved.meetingPoint, { label: 'Maison pour tous' });
    assert.equal(unwrap(await gusp.walks.get(walk.id)).registrations[0]?.id, r.registration.id);
    assertRefused(await gusp.walks.reschedule(walk.id, { startsAt: '2026-02-01T09:00:00+01:00' }), 'walk.start-in-past');
  });

  it('refuses a reschedule that would leave an open walk’s registration deadline in the past, and takes one given ahead', async () => {
    const { gusp, clock } = setup();
    const walk = await openWalk(gusp);
    // 20:00 on Friday 6 March: moved to tomorrow morning, the default deadline (the day before, 18:00) has passed.
    clock.set('2026-03-06T20:00:00+01:00');
    const refused = await gusp.walks.reschedule(walk.id, { startsAt: '2026-03-07T09:00:00+01:00' });
    assertRefused(refused, 'walk.deadline-in-past');
    assert.ok(!refused.ok && /clôture des inscriptions/.test(refused.error.message));
    assertRefused(
      await gusp.walks.reschedule(walk.id, { startsAt: '2026-03-21T09:00:00+01:00', registrationDeadline: '2026-03-06T19:00:00+01:00' }),
      'walk.deadline-in-past',
    );
    assert.equal(unwrap(await gusp.walks.get(walk.id)).walk.sequence, 0);
    const moved = unwrap(
      await gusp.walks.reschedule(walk.id, { startsAt: '2026-03-07T09:00:00+01:00', registrationDeadline: '2026-03-07T08:00:00+01:00' }),
    );
    assert.equal(moved.registrationDeadline, '2026-03-07T08:00:00+01:00');
    assert.equal(unwrap(await gusp.walks.get(walk.id)).walk.status, 'open');
  });

  it('refuses to reschedule a draft or a walk in progress', async () => {
    const { gusp, clock } = setup();
    const draft = unwrap(await gusp.walks.schedule({ quartierId: 'le-plan', startsAt: WALK_STARTS_AT }));
    assertRefused(await gusp.walks.reschedule(draft.id, { startsAt: '2026-03-21T09:00:00+01:00' }), 'walk.invalid-transition');
    const walk = await openWalk(gusp);
    clock.set(WALK_STARTS_AT);
    unwrap(await gusp.walks.start(walk.id));
    assertRefused(await gusp.walks.reschedule(walk.id, { startsAt: '2026-03-21T09:00:00+01:00' }), 'walk.invalid-transition');
  });

  it('purges names and contacts and keeps anonymous counts', async () => {
    const { gusp } = setup();
    const walk = await openWalk(gusp);
    unwrap(await gusp.walks.register(walk.id, person({ name: 'Nadia', phone: '0612345678', needs: ['wheelchair'] })));
    unwrap(await gusp.walks.register(walk.id, person({ role: 'elected' })));
    assert.equal(unwrap(await gusp.walks.purgePersonalData(walk.id)), 2);
    const agg = unwrap(await gusp.walks.get(walk.id));
    for (const r of agg.registrations) {
      assert.equal(r.anonymised, true);
      assert.equal(r.name, '');
      assert.equal(r.email, undefined);
      assert.equal(r.phone, undefined);
      assert.deepEqual(r.needs, []);
    }
    assert.deepEqual(
      agg.registrations.map((r) => [r.role, r.status]),
      [
        ['resident', 'confirmed'],
        ['elected', 'confirmed'],
      ],
    );
  });
});

describe('walks: erasing one person', () => {
  it('anonymises one registration and keeps its role and status for the counts', async () => {
    const { createGusp, memoryStore, valence } = await import('../index.js');
    const gusp = createGusp({ city: valence, store: memoryStore(), now: () => new Date('2026-06-01T10:00:00+02:00') });
    const w = await gusp.walks.schedule({
      quartierId: 'fontbarlettes',
      startsAt: '2026-07-04T09:00:00+02:00',
      meetingPoint: { label: 'Maison pour tous' },
    });
    assert.ok(w.ok && (await gusp.walks.publish(w.value.id)).ok);
    const amina = await gusp.walks.register(w.value.id, {
      name: 'Amina',
      email: 'amina@example.org',
      phone: '06 12 34 56 78',
      consent: true,
    });
    const paul = await gusp.walks.register(w.value.id, { name: 'Paul', email: 'paul@example.org', role: 'elected', consent: true });
    assert.ok(amina.ok && paul.ok);
    const erased = await gusp.walks.eraseRegistration(w.value.id, amina.value.registration.id);
    assert.ok(erased.ok);
    assert.deepEqual(
      [erased.value.registration.name, erased.value.registration.email, erased.value.registration.phone],
      ['', undefined, undefined],
    );
    assert.equal(erased.value.registration.status, 'confirmed');
    const agg = await gusp.walks.get(w.value.id);
    assert.ok(agg.ok);
    assert.doesNotMatch(JSON.stringify(agg.value), /amina|06 12/i);
    assert.match(JSON.stringify(agg.value), /paul@example.org/);
    const unknown = await gusp.walks.eraseRegistration(w.value.id, 'nobody');
    assert.equal(!unknown.ok && unknown.error.code, 'registration.not-found');
  });
});

describe('walks: staff remove a sign-up, saying why (issue 10, finding 4)', () => {
  it('frees the seat and promotes the first waitlisted person, as a cancellation does, keeping the reason', async () => {
    const { gusp, store } = setup();
    const walk = await openWalk(gusp, { capacity: 2 });
    const [a, b, c, d] = [
      unwrap(await gusp.walks.register(walk.id, person({ name: 'Amina' }))),
      unwrap(await gusp.walks.register(walk.id, person({ name: 'Faux compte' }))),
      unwrap(await gusp.walks.register(walk.id, person({ name: 'Chloé' }))),
      unwrap(await gusp.walks.register(walk.id, person({ name: 'Driss' }))),
    ];
    assert.deepEqual([a.status, b.status, c.status, d.status], ['confirmed', 'confirmed', 'waitlisted', 'waitlisted']);

    const removed = unwrap(await gusp.walks.removeRegistration(walk.id, b.registration.id, { reason: '  Inscription en double  ' }));
    assert.equal(removed.status, 'removed');
    assert.equal(removed.registration.removalReason, 'Inscription en double');
    const events = (await store.read(`walk-${walk.id}`)).events.slice(-2);
    assert.deepEqual(
      events.map((e) => [e.type, e.data]),
      [
        ['RegistrationRemoved', { registrationId: b.registration.id, reason: 'Inscription en double' }],
        ['ParticipantPromoted', { registrationId: c.registration.id }],
      ],
    );
    const agg = unwrap(await gusp.walks.get(walk.id));
    assert.equal(agg.registrations.find((r) => r.id === c.registration.id)?.status, 'confirmed');
    assert.equal(waitlistPosition(agg.registrations, d.registration.id), 1);
    const summary = unwrap(await gusp.queries.walkSummary(walk.id));
    assert.deepEqual([summary.confirmed, summary.waitlisted, summary.seatsLeft], [2, 1, 0]);

    // A waitlisted sign-up removed frees no seat: nobody is promoted.
    unwrap(await gusp.walks.removeRegistration(walk.id, d.registration.id, { reason: 'Adresse inventée' }));
    assert.equal((await store.read(`walk-${walk.id}`)).events.at(-1)?.type, 'RegistrationRemoved');
  });

  it('refuses a removal without a reason, with a control character, of an unknown or already ended sign-up, or once the walk started', async () => {
    const { gusp, clock } = setup();
    const walk = await openWalk(gusp);
    const r = unwrap(await gusp.walks.register(walk.id, person()));
    assertRefused(await gusp.walks.removeRegistration(walk.id, r.registration.id, { reason: ' ' }), 'registration.reason-required');
    const nul = assertRefused(
      await gusp.walks.removeRegistration(walk.id, r.registration.id, { reason: 'a\u0000b' }),
      'validation.invalid',
    );
    assert.deepEqual(
      (nul.details.issues as { path: string; code: string }[]).map((i) => [i.path, i.code]),
      [['reason', 'field.control-characters']],
    );
    assertRefused(await gusp.walks.removeRegistration(walk.id, r.registration.id, { reason: 'x'.repeat(501) }), 'validation.invalid');
    assertRefused(await gusp.walks.removeRegistration(walk.id, 'nobody', { reason: 'Doublon' }), 'registration.not-found');
    assertRefused(await gusp.walks.removeRegistration('no-such-walk', r.registration.id, { reason: 'Doublon' }), 'walk.not-found');
    assert.equal(unwrap(await gusp.walks.get(walk.id)).registrations[0]?.status, 'confirmed', 'nothing refused changed it');

    unwrap(await gusp.walks.removeRegistration(walk.id, r.registration.id, { reason: 'Doublon' }));
    assertRefused(
      await gusp.walks.removeRegistration(walk.id, r.registration.id, { reason: 'Doublon' }),
      'registration.invalid-transition',
    );
    assertRefused(
      await gusp.walks.cancelRegistration(walk.id, r.registration.id, { token: r.registration.cancelToken }),
      'registration.invalid-transition',
    );

    const other = unwrap(await gusp.walks.register(walk.id, person()));
    unwrap(await gusp.walks.closeRegistrations(walk.id));
    clock.set('2026-03-14T08:45:00+01:00');
    unwrap(await gusp.walks.start(walk.id));
    assertRefused(await gusp.walks.removeRegistration(walk.id, other.registration.id, { reason: 'Trop tard' }), 'registration.walk-over');
  });

  it('removes once when retried with the same client id, and refuses that id with another reason', async () => {
    const { gusp, store } = setup();
    const walk = await openWalk(gusp, { capacity: 1 });
    const seated = unwrap(await gusp.walks.register(walk.id, person()));
    unwrap(await gusp.walks.register(walk.id, person()));
    const first = unwrap(await gusp.walks.removeRegistration(walk.id, seated.registration.id, { reason: 'Doublon' }, { clientId: 'rm-1' }));
    const again = unwrap(await gusp.walks.removeRegistration(walk.id, seated.registration.id, { reason: 'Doublon' }, { clientId: 'rm-1' }));
    assert.deepEqual(again, first);
    const types = (await store.read(`walk-${walk.id}`)).events.map((e) => e.type);
    assert.equal(types.filter((t) => t === 'RegistrationRemoved').length, 1);
    assert.equal(types.filter((t) => t === 'ParticipantPromoted').length, 1);
    assertRefused(
      await gusp.walks.removeRegistration(walk.id, seated.registration.id, { reason: 'Autre motif' }, { clientId: 'rm-1' }),
      'store.client-id-reused',
    );
  });

  it('lets the person sign up again, and forgets the reason with their name when personal data is purged', async () => {
    const { gusp } = setup();
    const walk = await openWalk(gusp);
    const r = unwrap(await gusp.walks.register(walk.id, person({ email: 'retiree@example.org' })));
    unwrap(await gusp.walks.removeRegistration(walk.id, r.registration.id, { reason: 'Mme Retirée a déjà une place' }));
    assert.equal(unwrap(await gusp.walks.register(walk.id, person({ email: 'retiree@example.org' }))).status, 'confirmed');
    unwrap(await gusp.walks.purgePersonalData(walk.id));
    const after = unwrap(await gusp.walks.get(walk.id)).registrations.find((x) => x.id === r.registration.id);
    assert.equal(after?.status, 'removed');
    assert.equal(after?.removalReason, undefined);
    assert.doesNotMatch(JSON.stringify(unwrap(await gusp.walks.get(walk.id))), /Retirée/);
  });
});

describe('walks: what staff do for people (issue 13)', () => {
  const COORDINATOR = { accountId: 'acc-coordinatrice', role: 'coordinator', organisationId: 'ville-de-valence' } as const;
  const AGENT = { accountId: 'acc-agent', role: 'agent' } as const;
  const eventsOf = async (store: Store, walkId: string) => (await store.read(`walk-${walkId}`)).events;

  it('registers someone who phoned in, after the deadline, by phone alone, recording who did it and the oral consent', async () => {
    const { gusp, store, clock } = setup();
    const walk = await openWalk(gusp);
    clock.set('2026-03-13T19:00:00+01:00');
    assertRefused(await gusp.walks.register(walk.id, person()), 'walk.registration-closed');
    const phoned = unwrap(
      await gusp.walks.registerByStaff(
        walk.id,
        { name: 'Mme Rosa Parmentier', phone: '04 75 00 00 00', consent: true, needs: ['wheelchair'] },
        { actor: COORDINATOR },
      ),
    );
    assert.equal(phoned.status, 'confirmed');
    assert.equal(phoned.registration.channel, 'phone');
    assert.equal(phoned.registration.email, undefined);
    assert.deepEqual(phoned.registration.consent, { version: valence.consentVersion, at: '2026-03-13T19:00:00+01:00', via: 'staff' });
    const event = (await eventsOf(store, walk.id)).at(-1) as unknown as ParticipantRegistered;
    assert.equal(event.type, 'ParticipantRegistered');
    assert.deepEqual(event.data.by, COORDINATOR);
    assert.equal(event.data.registration.channel, 'phone');
    // An online sign-up says its channel too, and nobody on the staff.
    clock.set(START);
    const online = unwrap(await gusp.walks.register((await openWalk(gusp)).id, person()));
    assert.equal(online.registration.channel, 'online');
    assert.equal(online.registration.consent.via, undefined);
  });

  it('waitlists a phone-in when the walk is full, or seats them beyond the capacity with a reason, kept only then', async () => {
    const { gusp } = setup();
    const walk = await openWalk(gusp, { capacity: 1 });
    unwrap(await gusp.walks.register(walk.id, person()));
    const waiting = unwrap(await gusp.walks.registerByStaff(walk.id, person({ email: undefined, phone: '0612345678' })));
    assert.deepEqual([waiting.status, waiting.position], ['waitlisted', 1]);
    const beyond = unwrap(await gusp.walks.registerByStaff(walk.id, { ...person(), overCapacity: { reason: '  Accompagne sa mère  ' } }));
    assert.equal(beyond.status, 'confirmed');
    assert.equal(beyond.registration.overCapacityReason, 'Accompagne sa mère');
    const summary = unwrap(await gusp.queries.walkSummary(walk.id));
    assert.deepEqual([summary.confirmed, summary.waitlisted, summary.seatsLeft], [2, 1, 0]);
    // With a seat free the reason is not a reason: the person is simply seated.
    const roomy = await openWalk(gusp, { capacity: 5 });
    const seated = unwrap(await gusp.walks.registerByStaff(roomy.id, { ...person(), overCapacity: { reason: 'Au cas où' } }));
    assert.deepEqual([seated.status, seated.registration.overCapacityReason], ['confirmed', undefined]);
  });

  it('refuses a phone-in to a draft or a walk under way, without contact or consent, with an empty reason or a bad actor', async () => {
    const { gusp, clock } = setup();
    const draft = unwrap(await gusp.walks.schedule({ quartierId: 'le-plan', startsAt: WALK_STARTS_AT, stops: [...LE_PLAN_STOPS] }));
    assertRefused(await gusp.walks.registerByStaff(draft.id, person()), 'registration.staff-sign-up-closed');
    const walk = unwrap(await gusp.walks.publish(draft.id));
    assertRefused(await gusp.walks.registerByStaff(walk.id, { name: 'Sans contact', consent: true }), 'registration.contact-required');
    assertRefused(await gusp.walks.registerByStaff(walk.id, person({ consent: false })), 'registration.consent-required');
    const empty = assertRefused(
      await gusp.walks.registerByStaff(walk.id, { ...person(), overCapacity: { reason: '  ' } }),
      'validation.invalid',
    );
    assert.deepEqual(
      (empty.details.issues as { path: string; code: string }[]).map((i) => [i.path, i.code]),
      [['overCapacity.reason', 'field.required']],
    );
    const actor = assertRefused(
      await gusp.walks.registerByStaff(walk.id, person(), { locale: 'en', actor: { accountId: '', role: 'mayor' } as never }),
      'validation.invalid',
      'en',
    );
    assert.deepEqual(
      (actor.details.issues as { path: string }[]).map((i) => i.path),
      ['accountId', 'role'],
    );
    clock.set('2026-03-14T08:45:00+01:00');
    unwrap(await gusp.walks.start(walk.id));
    const underway = assertRefused(
      await gusp.walks.registerByStaff(walk.id, person(), { locale: 'en' }),
      'registration.staff-sign-up-closed',
      'en',
    );
    assert.match(underway.message, /walk-in/);
    assert.equal(unwrap(await gusp.walks.get(walk.id)).registrations.length, 0, 'nothing refused was recorded');
  });

  it('adds a walk-in during the walk, present at once although registrations closed and the walk is full; counted in the report', async () => {
    const { gusp, store, clock } = setup();
    const walk = await openWalk(gusp, { capacity: 1 });
    unwrap(await gusp.walks.register(walk.id, person()));
    assertRefused(await gusp.walks.walkIn(walk.id, { name: 'Trop tôt', consent: true }), 'registration.walk-in-not-underway');
    clock.set('2026-03-14T08:45:00+01:00');
    unwrap(await gusp.walks.start(walk.id));
    const came = unwrap(await gusp.walks.walkIn(walk.id, { name: 'Karim', consent: true, role: 'resident' }, { actor: AGENT }));
    assert.equal(came.status, 'attended');
    assert.equal(came.registration.channel, 'walk-in');
    assert.equal(came.registration.consent.via, 'staff');
    const event = (await eventsOf(store, walk.id)).at(-1) as unknown as WalkInRegistered;
    assert.deepEqual([event.type, event.data.by, event.data.registration.status], ['WalkInRegistered', AGENT, 'attended']);
    assertRefused(await gusp.walks.walkIn(walk.id, { name: 'Sans accord', consent: false }), 'registration.consent-required');
    assertRefused(await gusp.walks.walkIn(walk.id, { name: 'x', consent: true, email: 'pas-un-email' }), 'validation.invalid');
    clock.set('2026-03-14T12:30:00+01:00');
    unwrap(await gusp.walks.finish(walk.id));
    assertRefused(await gusp.walks.walkIn(walk.id, { name: 'Trop tard', consent: true }), 'registration.walk-in-not-underway');
    const report = unwrap(await gusp.reports.draft(walk.id));
    assert.equal(report.participantsTotal, 1, 'the walk-in was there; the confirmed person who did not come is absent');
  });

  it('adds a walk-in once when the phone sends it again with the same client id (offline outbox)', async () => {
    const { gusp, store, clock } = setup();
    const walk = await openWalk(gusp);
    clock.set('2026-03-14T08:45:00+01:00');
    unwrap(await gusp.walks.start(walk.id));
    const input = { name: 'Karim', consent: true };
    const first = unwrap(await gusp.walks.walkIn(walk.id, input, { clientId: 'wi-1', actor: AGENT }));
    const again = unwrap(await gusp.walks.walkIn(walk.id, input, { clientId: 'wi-1', actor: AGENT }));
    assert.deepEqual(again, first);
    assert.equal((await eventsOf(store, walk.id)).filter((e) => e.type === 'WalkInRegistered').length, 1);
  });

  it('cancels on someone’s behalf without a token, keeping the reason and who did it, and promotes the first waitlisted person', async () => {
    const { gusp, store, clock } = setup();
    const walk = await openWalk(gusp, { capacity: 1 });
    const seated = unwrap(await gusp.walks.register(walk.id, person({ name: 'Rosa' })));
    const next = unwrap(await gusp.walks.register(walk.id, person({ name: 'Driss' })));
    clock.set('2026-03-13T20:00:00+01:00');
    const cancelled = unwrap(
      await gusp.walks.cancelOnBehalf(walk.id, seated.registration.id, { reason: ' A appelé : malade ' }, { actor: COORDINATOR }),
    );
    assert.equal(cancelled.status, 'cancelled');
    assert.equal(cancelled.registration.cancelReason, 'A appelé : malade');
    assert.deepEqual(
      (await eventsOf(store, walk.id)).slice(-2).map((e) => [e.type, e.data]),
      [
        ['RegistrationCancelled', { registrationId: seated.registration.id, reason: 'A appelé : malade', by: COORDINATOR }],
        ['ParticipantPromoted', { registrationId: next.registration.id }],
      ],
    );
    // Without a reason, nothing is written for one.
    clock.set(START);
    const other = unwrap(await gusp.walks.register((await openWalk(gusp)).id, person()));
    const plain = unwrap(await gusp.walks.cancelOnBehalf(other.registration.walkId, other.registration.id, { reason: '' }));
    assert.equal(plain.registration.cancelReason, undefined);
    assert.deepEqual((await eventsOf(store, other.registration.walkId)).at(-1)?.data, { registrationId: other.registration.id });
  });

  it('refuses to cancel on someone’s behalf once the walk started, an unknown or ended sign-up, or a control character', async () => {
    const { gusp, clock } = setup();
    const walk = await openWalk(gusp);
    const r = unwrap(await gusp.walks.register(walk.id, person()));
    assertRefused(await gusp.walks.cancelOnBehalf(walk.id, 'nobody'), 'registration.not-found');
    assertRefused(await gusp.walks.cancelOnBehalf(walk.id, r.registration.id, { reason: 'a\u0007b' }), 'validation.invalid');
    const other = unwrap(await gusp.walks.register(walk.id, person()));
    unwrap(await gusp.walks.cancelOnBehalf(walk.id, other.registration.id));
    assertRefused(await gusp.walks.cancelOnBehalf(walk.id, other.registration.id), 'registration.invalid-transition');
    clock.set('2026-03-14T08:45:00+01:00');
    unwrap(await gusp.walks.start(walk.id));
    assertRefused(await gusp.walks.cancelOnBehalf(walk.id, r.registration.id), 'registration.walk-over');
  });

  it('moves a waitlisted person to confirmed beyond the capacity with a reason, skipping the queue; refuses without one', async () => {
    const { gusp, store } = setup();
    const walk = await openWalk(gusp, { capacity: 1 });
    unwrap(await gusp.walks.register(walk.id, person()));
    const first = unwrap(await gusp.walks.register(walk.id, person()));
    const second = unwrap(await gusp.walks.register(walk.id, person({ name: 'Interprète de Mme Diallo' })));
    const refused = assertRefused(
      await gusp.walks.promoteByStaff(walk.id, second.registration.id),
      'registration.over-capacity-reason-required',
    );
    assert.match(refused.message, /motif/);
    const promoted = unwrap(
      await gusp.walks.promoteByStaff(walk.id, second.registration.id, { overCapacity: { reason: 'Interprète' } }, { actor: COORDINATOR }),
    );
    assert.deepEqual([promoted.status, promoted.registration.overCapacityReason], ['confirmed', 'Interprète']);
    assert.deepEqual((await eventsOf(store, walk.id)).at(-1)?.data, {
      registrationId: second.registration.id,
      overCapacityReason: 'Interprète',
      by: COORDINATOR,
    });
    const agg = unwrap(await gusp.walks.get(walk.id));
    assert.equal(waitlistPosition(agg.registrations, first.registration.id), 1, 'the queue keeps its order');
    assertRefused(await gusp.walks.promoteByStaff(walk.id, second.registration.id), 'registration.invalid-transition');
    assertRefused(await gusp.walks.promoteByStaff(walk.id, 'nobody'), 'registration.not-found');
  });

  it('checks in a waitlisted person who came, recording who did it; refuses before the walk', async () => {
    const { gusp, store, clock } = setup();
    const walk = await openWalk(gusp, { capacity: 1 });
    unwrap(await gusp.walks.register(walk.id, person()));
    const waiting = unwrap(await gusp.walks.register(walk.id, person()));
    assertRefused(await gusp.walks.checkIn(walk.id, waiting.registration.id), 'registration.walk-not-underway');
    clock.set('2026-03-14T08:45:00+01:00');
    unwrap(await gusp.walks.start(walk.id));
    assert.equal(unwrap(await gusp.walks.checkIn(walk.id, waiting.registration.id, { actor: AGENT })).status, 'attended');
    assert.deepEqual((await eventsOf(store, walk.id)).at(-1)?.data, { registrationId: waiting.registration.id, by: AGENT });
  });

  it('reads sign-ups recorded before channels as online, and forgets what staff wrote about people with their names', async () => {
    const { gusp, store, clock } = setup();
    const walk = await openWalk(gusp, { capacity: 1 });
    const old = registrationFixture({ walkId: walk.id, name: 'Ancienne Inscrite' });
    delete (old as { channel?: string }).channel;
    const appended = await store.append(`walk-${walk.id}`, 2, [{ type: 'ParticipantRegistered', at: START, data: { registration: old } }]);
    assert.equal(appended.ok, true);
    const agg = unwrap(await gusp.walks.get(walk.id));
    assert.equal(agg.registrations[0]?.channel, 'online');

    const beyond = unwrap(
      await gusp.walks.registerByStaff(walk.id, { ...person({ name: 'Rosa' }), overCapacity: { reason: 'Mme Rosa, voisine' } }),
    );
    const waiting = unwrap(await gusp.walks.register(walk.id, person()));
    unwrap(await gusp.walks.promoteByStaff(walk.id, waiting.registration.id, { overCapacity: { reason: 'Fille de Mme Rosa' } }));
    unwrap(await gusp.walks.cancelOnBehalf(walk.id, beyond.registration.id, { reason: 'Mme Rosa est malade' }));
    clock.set('2026-03-14T08:45:00+01:00');
    unwrap(await gusp.walks.start(walk.id));
    unwrap(await gusp.walks.walkIn(walk.id, { name: 'Karim Rosa', phone: '0600000000', consent: true }));
    const summary = JSON.stringify(unwrap(await gusp.queries.walkSummary(walk.id)));
    assert.doesNotMatch(summary, /Rosa|0600000000|Ancienne/, 'the public summary names nobody');
    unwrap(await gusp.walks.purgePersonalData(walk.id));
    const purged = unwrap(await gusp.walks.get(walk.id));
    assert.doesNotMatch(JSON.stringify(purged), /Rosa|0600000000|Ancienne/);
    assert.deepEqual(
      purged.registrations.map((r) => [r.channel, r.status, r.anonymised]),
      [
        ['online', 'confirmed', true],
        ['phone', 'cancelled', true],
        ['online', 'confirmed', true],
        ['walk-in', 'attended', true],
      ],
    );
  });
});

describe('walks: every staff action names who did it in the journal (issue 13)', () => {
  const COORDINATOR = { accountId: 'acc-coordinatrice', role: 'coordinator', organisationId: 'ville-de-valence' } as const;

  it('records the actor on scheduling, publishing, closing, starting, finishing, rescheduling, cancelling and purging; nobody when absent', async () => {
    const { gusp, store, clock } = setup();
    const as = { actor: COORDINATOR };
    const other = await openWalk(gusp);
    unwrap(await gusp.walks.cancel(other.id, { reason: 'Alerte météo' }, as));
    const r = unwrap(await gusp.walks.register((await openWalk(gusp)).id, person()));
    unwrap(await gusp.walks.eraseRegistration(r.registration.walkId, r.registration.id, as));
    const walk = unwrap(await gusp.walks.schedule({ quartierId: 'le-plan', startsAt: WALK_STARTS_AT, stops: [...LE_PLAN_STOPS] }, as));
    unwrap(await gusp.walks.publish(walk.id, as));
    unwrap(await gusp.walks.reschedule(walk.id, { startsAt: '2026-03-14T10:00:00+01:00' }, as));
    unwrap(await gusp.walks.closeRegistrations(walk.id, as));
    clock.set('2026-03-14T09:45:00+01:00');
    unwrap(await gusp.walks.start(walk.id, as));
    clock.set('2026-03-14T13:00:00+01:00');
    unwrap(await gusp.walks.finish(walk.id, as));
    unwrap(await gusp.walks.purgePersonalData(walk.id, as));
    const byOf = async (id: string) =>
      (await store.read(`walk-${id}`)).events.map((e) => [e.type, (e.data as { by?: unknown }).by === undefined ? '-' : 'by']);
    assert.deepEqual(await byOf(walk.id), [
      ['WalkScheduled', 'by'],
      ['WalkPublished', 'by'],
      ['WalkRescheduled', 'by'],
      ['RegistrationsClosed', 'by'],
      ['WalkStarted', 'by'],
      ['WalkFinished', 'by'],
    ]);
    assert.deepEqual(await byOf(other.id), [
      ['WalkScheduled', '-'],
      ['WalkPublished', '-'],
      ['WalkCancelled', 'by'],
    ]);
    assert.deepEqual((await store.read(`walk-${r.registration.walkId}`)).events.at(-1)?.data, {
      registrationIds: [r.registration.id],
      by: COORDINATOR,
    });
  });

  it('refuses an actor that is not staff with validation.invalid, and changes nothing', async () => {
    const { gusp } = setup();
    const walk = unwrap(await gusp.walks.schedule({ quartierId: 'le-plan', startsAt: WALK_STARTS_AT, stops: [...LE_PLAN_STOPS] }));
    const bad = { actor: { accountId: 'acc-1', role: 'resident' } as never };
    const refused = assertRefused(await gusp.walks.publish(walk.id, bad), 'validation.invalid');
    assert.deepEqual(
      (refused.details.issues as { path: string; code: string }[]).map((i) => [i.path, i.code]),
      [['role', 'field.invalid-value']],
    );
    assertRefused(await gusp.walks.cancel(walk.id, { reason: 'x' }, bad), 'validation.invalid');
    assertRefused(
      await gusp.walks.schedule({ quartierId: 'le-plan', startsAt: WALK_STARTS_AT }, { actor: { accountId: 'a\u0000', role: 'agent' } }),
      'validation.invalid',
    );
    assert.equal(unwrap(await gusp.walks.get(walk.id)).walk.status, 'draft');
  });
});
