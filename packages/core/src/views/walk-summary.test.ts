// SPDX-License-Identifier: EUPL-1.2
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ActorRole } from '../actor.js';
import { at, registrationFixture, walkFixture } from '../fixtures.test-helpers.js';
import type { QuartierId } from '../ids.js';
import type { Registration, RegistrationStatus } from '../registration/registration.js';
import type { Walk } from '../walk/walk.js';
import { nextWalks, walkCounts, walkSummary, walkSummaryFromCounts } from './walk-summary.js';

const people = (n: number, status: RegistrationStatus = 'confirmed', role: ActorRole = 'resident'): Registration[] =>
  Array.from({ length: n }, () => registrationFixture({ status, role }));

const BEFORE = at('2026-03-10T12:00:00+01:00');

describe('walkSummary()', () => {
  it('counts public seats left from confirmed and attended people only', () => {
    const registrations = [...people(3), ...people(2, 'attended'), ...people(4, 'cancelled'), ...people(1, 'absent')];
    const summary = walkSummary({ walk: walkFixture({ capacity: 10 }), registrations }, BEFORE);
    assert.equal(summary.capacity, 10);
    assert.equal(summary.seatsLeft, 5);
    assert.equal(summary.confirmed, 3);
    assert.equal(summary.attended, 2);
    assert.equal(summary.waitlisted, 0);
  });

  it('does not count institutional people against public seats, but shows them by role', () => {
    const registrations = [
      ...people(2),
      ...people(1, 'confirmed', 'association'),
      ...people(3, 'confirmed', 'elected'),
      ...people(1, 'attended', 'landlord'),
      ...people(1, 'waitlisted'),
    ];
    const summary = walkSummary({ walk: walkFixture({ capacity: 3 }), registrations }, BEFORE);
    assert.equal(summary.seatsLeft, 0);
    assert.equal(summary.waitlisted, 1);
    assert.deepEqual(summary.byRole, {
      resident: 2,
      association: 1,
      professional: 0,
      elected: 3,
      landlord: 1,
      'proximity-agent': 0,
      partner: 0,
    });
  });

  it('flags few seats left at 20 % of capacity or less, at most 5, never when full', () => {
    const few = (capacity: number, taken: number) =>
      walkSummary({ walk: walkFixture({ capacity }), registrations: people(taken) }, BEFORE).fewSeatsLeft;
    assert.equal(few(10, 8), true, '2 of 10 left');
    assert.equal(few(10, 7), false, '3 of 10 left');
    assert.equal(few(100, 95), true, '5 of 100 left');
    assert.equal(few(100, 94), false, '6 of 100 left: more than 5');
    assert.equal(few(3, 2), true, '1 of 3 left');
    assert.equal(few(10, 10), false, 'full is not "few"');
  });

  it('shows a walk past its deadline as closed', () => {
    const walk = walkFixture({ status: 'open', registrationDeadline: '2026-03-13T18:00:00+01:00' });
    assert.equal(walkSummary({ walk, registrations: [] }, at('2026-03-13T17:59:59+01:00')).status, 'open');
    assert.equal(walkSummary({ walk, registrations: [] }, at('2026-03-13T18:00:00+01:00')).status, 'closed');
    assert.equal(walkSummary({ walk: { ...walk, status: 'draft' }, registrations: [] }, at('2026-03-20T18:00:00+01:00')).status, 'draft');
  });
});

describe('nextWalks()', () => {
  const w = (id: string, quartierId: string, startsAt: string, status: Walk['status'] = 'open') =>
    walkFixture({ id: id as Walk['id'], quartierId: quartierId as QuartierId, startsAt, status });

  it('gives the soonest walk of each quartier still to come, soonest first', () => {
    const walks = [
      w('a', 'le-plan', '2026-05-02T09:00:00+02:00'),
      w('b', 'le-plan', '2026-04-04T09:00:00+02:00'),
      w('c', 'polygone', '2026-03-21T09:00:00+01:00', 'closed'),
      w('d', 'polygone', '2026-03-01T09:00:00+01:00', 'done'),
      w('e', 'fontbarlettes', '2026-03-28T09:00:00+01:00', 'cancelled'),
      w('f', 'valensolles', '2026-03-28T09:00:00+01:00', 'draft'),
    ];
    assert.deepEqual(
      nextWalks(walks, at('2026-03-10T12:00:00+01:00')).map((x) => x.id),
      ['c', 'b'],
    );
  });
});

describe('walkCounts() and walkSummaryFromCounts()', () => {
  it('give back walkSummary() from counts alone, at any time', () => {
    const walk = walkFixture({ status: 'open', capacity: 6, registrationDeadline: '2026-03-13T18:00:00+01:00' });
    const registrations = [...people(3), ...people(1, 'attended', 'elected'), ...people(2, 'waitlisted'), ...people(1, 'cancelled')];
    const agg = { walk, registrations };
    const counts = walkCounts(agg);
    assert.deepEqual(counts, {
      seatsLeft: 3,
      fewSeatsLeft: false,
      confirmed: 3,
      waitlisted: 2,
      attended: 1,
      byRole: { resident: 3, association: 0, professional: 0, elected: 1, landlord: 0, 'proximity-agent': 0, partner: 0 },
    });
    // Stored as JSON and read back, as a read model does.
    const stored = JSON.parse(JSON.stringify(counts)) as typeof counts;
    for (const now of [BEFORE, at('2026-03-13T18:00:00+01:00')])
      assert.deepEqual(walkSummaryFromCounts(walk, stored, now), walkSummary(agg, now));
    assert.equal(walkSummaryFromCounts(walk, stored, at('2026-03-14T00:00:00+01:00')).status, 'closed');
  });
});
