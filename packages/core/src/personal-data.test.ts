// SPDX-License-Identifier: EUPL-1.2
/**
 * The personal-data table: splitting an event and joining it back gives the event again; joining
 * with the data forgotten gives what the fold shows once the record is purged or erased, so a
 * store that forgets by deleting a key answers the same views as the fold. A personal field the
 * fold forgets and the table misses (or the other way round) fails here.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ObservationRecorded, ParticipantRegistered, WalkEvent } from './events.js';
import { evolveObservation } from './observation/observation.fold.js';
import { joinPersonal, PERSONAL_DATA, splitPersonal } from './personal-data.js';
import { foldWalk } from './walk/walk.fold.js';
import { observationFixture, registrationFixture, walkFixture } from './fixtures.test-helpers.js';

const AT = '2026-06-01T10:00:00+02:00';
const registered: ParticipantRegistered = {
  type: 'ParticipantRegistered',
  at: AT,
  data: {
    registration: registrationFixture({
      name: 'Rosa Parmentier',
      email: ' Rosa.P@Example.org ',
      phone: '06 12 34 56 78',
      needs: ['wheelchair'],
      needsNote: 'Rampe',
    }),
    position: 2,
  },
};
const recorded: ObservationRecorded = {
  type: 'ObservationRecorded',
  at: AT,
  data: { observation: observationFixture({ reporter: { name: 'Rosa', email: 'rosa@example.org', consent: { version: 'v1', at: AT } } }) },
};

describe('personal data, declared once', () => {
  test('a registration: its name, contact, needs and cancel token are split off, the rest is not', () => {
    const split = splitPersonal(registered.type, registered.data);
    assert.ok(split);
    const r = registered.data.registration;
    assert.equal(split.record, `registration:${r.id}`);
    assert.equal(split.brings, true);
    assert.equal(split.email, 'rosa.p@example.org');
    assert.deepEqual(Object.keys(split.personal).sort(), ['cancelToken', 'email', 'name', 'needs', 'needsNote', 'phone']);
    const written = JSON.stringify(split.rest);
    for (const secret of ['Rosa', 'Example.org', '06 12', 'wheelchair', 'Rampe', r.cancelToken])
      assert.ok(!written.includes(secret), secret);
    assert.deepEqual(joinPersonal(registered.type, split.rest, split.personal), registered.data);
  });

  test('a registration forgotten reads as the fold shows it after PersonalDataPurged', () => {
    const split = splitPersonal(registered.type, registered.data);
    assert.ok(split);
    const walk = walkFixture({ id: registered.data.registration.walkId });
    const scheduled: WalkEvent = { type: 'WalkScheduled', at: AT, data: { walk } };
    const purge: WalkEvent = { type: 'PersonalDataPurged', at: AT, data: { registrationIds: [registered.data.registration.id] } };
    const byFold = foldWalk([scheduled, registered, purge])?.registrations[0];
    const forgotten = joinPersonal(registered.type, split.rest, undefined) as ParticipantRegistered['data'];
    const byKeyLoss = foldWalk([scheduled, { ...registered, data: forgotten }, purge])?.registrations[0];
    assert.deepEqual(byKeyLoss, byFold);
    // Even before the purge event is read, a forgotten registration shows nothing personal.
    const alone = foldWalk([scheduled, { ...registered, data: forgotten }])?.registrations[0];
    assert.deepEqual(
      [alone?.name, alone?.email, alone?.phone, alone?.needs, alone?.cancelToken, alone?.anonymised],
      ['', undefined, undefined, [], '', true],
    );
  });

  test('an observation: its reporter contact is split off; forgotten, it reads as after ReporterContactErased', () => {
    const split = splitPersonal(recorded.type, recorded.data);
    assert.ok(split);
    assert.equal(split.record, `observation:${recorded.data.observation.id}`);
    assert.equal(split.email, 'rosa@example.org');
    assert.deepEqual(joinPersonal(recorded.type, split.rest, split.personal), recorded.data);
    const erased = evolveObservation(evolveObservation(undefined, recorded), { type: 'ReporterContactErased', at: AT, data: {} });
    const forgotten = joinPersonal(recorded.type, split.rest, undefined) as ObservationRecorded['data'];
    const { updatedAt: _a, ...byFold } = erased;
    const { updatedAt: _b, ...byKeyLoss } = evolveObservation(undefined, { ...recorded, data: forgotten });
    assert.deepEqual(byKeyLoss, byFold);
  });

  test('events without personal data, an observation without contact and an anonymised registration are left whole', () => {
    assert.equal(splitPersonal('WalkPublished', {}), undefined);
    assert.equal(splitPersonal('ObservationRecorded', { observation: observationFixture() }), undefined);
    const anonymised = { registration: { ...registered.data.registration, name: '', needs: [], cancelToken: '', anonymised: true } };
    assert.equal(splitPersonal('ParticipantRegistered', anonymised), undefined);
  });

  test('what staff bring or write about a person (issue 13) is split off like a sign-up; who acted is not', () => {
    const by = { accountId: 'acc-1', role: 'agent' } as const;
    const { email: _none, ...karim } = registrationFixture({
      name: 'Karim',
      phone: '06 00 00 00 00',
      channel: 'walk-in',
      status: 'attended',
    });
    const walkIn = { registration: karim, by };
    const split = splitPersonal('WalkInRegistered', walkIn);
    assert.deepEqual(split && [split.record, split.brings], [`registration:${walkIn.registration.id}`, true]);
    assert.ok(split && !JSON.stringify(split.rest).includes('Karim'));
    assert.deepEqual(split && (split.rest as typeof walkIn).by, by);
    assert.deepEqual(split && joinPersonal('WalkInRegistered', split.rest, split.personal), walkIn);
    const beyond = registrationFixture({ overCapacityReason: 'Voisine de l’élue' });
    const phoned = splitPersonal('ParticipantRegistered', { registration: beyond, by });
    assert.equal(phoned?.personal['overCapacityReason'], 'Voisine de l’élue');
    for (const [type, field] of [
      ['RegistrationCancelled', 'reason'],
      ['ParticipantPromoted', 'overCapacityReason'],
    ] as const) {
      const about = splitPersonal(type, { registrationId: 'r1', [field]: 'Mme X, malade', by });
      assert.deepEqual(about && [about.record, about.brings, about.personal, about.rest], [
        'registration:r1',
        false,
        { [field]: 'Mme X, malade' },
        { registrationId: 'r1', by },
      ]);
      // Without it (a person's own cancellation, a promotion a cancellation freed), nothing to seal.
      assert.equal(splitPersonal(type, { registrationId: 'r1' }), undefined);
      assert.deepEqual(joinPersonal(type, { registrationId: 'r1', by }, undefined), { registrationId: 'r1', by });
    }
  });

  test('staff’s words about a person forgotten read as the fold shows them after PersonalDataPurged', () => {
    const walk = walkFixture();
    const r = registrationFixture({ walkId: walk.id, status: 'waitlisted' });
    const events: WalkEvent[] = [
      { type: 'WalkScheduled', at: AT, data: { walk } },
      { type: 'ParticipantRegistered', at: AT, data: { registration: r } },
      {
        type: 'ParticipantPromoted',
        at: AT,
        data: { registrationId: r.id, overCapacityReason: 'Mme X', by: { accountId: 'a', role: 'coordinator' } },
      },
      { type: 'RegistrationCancelled', at: AT, data: { registrationId: r.id, reason: 'Mme X est malade' } },
    ];
    const purge: WalkEvent = { type: 'PersonalDataPurged', at: AT, data: { registrationIds: [r.id] } };
    const byFold = foldWalk([...events, purge])?.registrations[0];
    const byKeyLoss = foldWalk([
      ...events.map((e) => {
        const split = splitPersonal(e.type, e.data);
        return split ? ({ ...e, data: joinPersonal(e.type, split.rest, undefined) } as WalkEvent) : e;
      }),
      purge,
    ])?.registrations[0];
    assert.deepEqual(byKeyLoss, byFold);
    assert.deepEqual([byFold?.overCapacityReason, byFold?.cancelReason, byFold?.status], [undefined, undefined, 'cancelled']);
    assert.deepEqual(
      [foldWalk(events)?.registrations[0]?.overCapacityReason, foldWalk(events)?.registrations[0]?.cancelReason],
      ['Mme X', 'Mme X est malade'],
    );
  });

  test('a removal reason belongs to the registration it removed, whose key it reuses', () => {
    const split = splitPersonal('RegistrationRemoved', { registrationId: 'r1', reason: 'Inscrite deux fois' });
    assert.deepEqual(split && [split.record, split.brings, split.personal], ['registration:r1', false, { reason: 'Inscrite deux fois' }]);
    assert.deepEqual(joinPersonal('RegistrationRemoved', { registrationId: 'r1' }, undefined), { registrationId: 'r1', reason: '' });
    assert.deepEqual(Object.keys(PERSONAL_DATA).sort(), [
      'ObservationRecorded',
      'ParticipantPromoted',
      'ParticipantRegistered',
      'RegistrationCancelled',
      'RegistrationRemoved',
      'WalkInRegistered',
    ]);
  });
});
