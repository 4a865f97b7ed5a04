// SPDX-License-Identifier: EUPL-1.2
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { WalkEvent } from '../events.js';
import { registrationFixture, walkFixture } from '../fixtures.test-helpers.js';
import { waitlistPosition } from '../registration/registration.fold.js';
import { evolveWalk, foldWalk } from './walk.fold.js';

const AT = '2026-03-01T10:00:00+01:00';
const scheduled: WalkEvent = { type: 'WalkScheduled', at: AT, data: { walk: walkFixture({ status: 'draft' }) } };
const e = <T extends WalkEvent['type']>(type: T, data: Extract<WalkEvent, { type: T }>['data'], at = AT) =>
  ({ type, at, data }) as WalkEvent;

describe('foldWalk()', () => {
  it('is undefined for an empty stream', () => {
    assert.equal(foldWalk([]), undefined);
  });

  it('refuses a stream that does not start with WalkScheduled', () => {
    assert.throws(() => foldWalk([e('WalkPublished', {})]), /must start with WalkScheduled/);
  });

  it('applies facts without re-running guards, but only facts the table allows', () => {
    const agg = foldWalk([
      scheduled,
      e('WalkPublished', {}),
      e('RegistrationsClosed', { automatic: true }),
      e('WalkStarted', {}, '2026-03-14T08:45:00+01:00'),
    ]);
    assert.equal(agg?.walk.status, 'in-progress');
    assert.equal(agg?.walk.startedAt, '2026-03-14T08:45:00+01:00');
    assert.throws(() => foldWalk([scheduled, e('WalkStarted', {})]), /walk: no transition draft --start-->/);
  });

  it('keeps registrations in sign-up order, with the status each event gives', () => {
    const a = registrationFixture({ status: 'confirmed' });
    const b = registrationFixture({ status: 'waitlisted' });
    const agg = foldWalk([
      scheduled,
      e('WalkPublished', {}),
      e('ParticipantRegistered', { registration: a }),
      e('ParticipantRegistered', { registration: b }),
      e('RegistrationCancelled', { registrationId: a.id }),
      e('ParticipantPromoted', { registrationId: b.id }),
    ]);
    assert.deepEqual(
      agg?.registrations.map((r) => [r.id, r.status]),
      [
        [a.id, 'cancelled'],
        [b.id, 'confirmed'],
      ],
    );
  });

  it('bumps the sequence and moves the deadline on a reschedule', () => {
    const agg = foldWalk([
      scheduled,
      e('WalkPublished', {}),
      e('WalkRescheduled', { startsAt: '2026-03-21T09:00:00+01:00', registrationDeadline: '2026-03-20T18:00:00+01:00' }),
    ]);
    assert.equal(agg?.walk.sequence, 1);
    assert.equal(agg?.walk.status, 'open');
    assert.equal(agg?.walk.registrationDeadline, '2026-03-20T18:00:00+01:00');
    assert.deepEqual(agg?.walk.meetingPoint, walkFixture().meetingPoint);
  });

  it('anonymises purged registrations and keeps their role and status', () => {
    const a = registrationFixture({ role: 'elected', phone: '0612345678', needs: ['wheelchair'], needsNote: 'Rampe' });
    const agg = foldWalk([
      scheduled,
      e('ParticipantRegistered', { registration: a }),
      e('PersonalDataPurged', { registrationIds: [a.id] }),
    ]);
    const r = agg?.registrations[0];
    assert.equal(r?.anonymised, true);
    assert.equal(r?.name, '');
    assert.equal(r?.email, undefined);
    assert.equal(r?.phone, undefined);
    assert.equal(r?.needsNote, undefined);
    assert.equal(r?.cancelToken, '');
    assert.deepEqual([r?.role, r?.status], ['elected', 'confirmed']);
  });

  it('never changes the state it evolves', () => {
    const before = foldWalk([scheduled, e('WalkPublished', {})]);
    assert.ok(before);
    const frozen = structuredClone(before);
    evolveWalk(before, e('RegistrationsClosed', { automatic: false }));
    evolveWalk(before, e('ParticipantRegistered', { registration: registrationFixture() }));
    assert.deepEqual(before, frozen);
  });
});

describe('waitlistPosition()', () => {
  it('numbers waitlisted people from 1 in sign-up order, skipping everyone else', () => {
    const regs = [
      registrationFixture({ status: 'confirmed' }),
      registrationFixture({ status: 'waitlisted' }),
      registrationFixture({ status: 'cancelled' }),
      registrationFixture({ status: 'waitlisted' }),
    ];
    assert.equal(waitlistPosition(regs, regs[1]?.id as string), 1);
    assert.equal(waitlistPosition(regs, regs[3]?.id as string), 2);
    assert.equal(waitlistPosition(regs, regs[0]?.id as string), undefined);
    assert.equal(waitlistPosition(regs, 'nobody'), undefined);
  });
});
