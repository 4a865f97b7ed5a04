// SPDX-License-Identifier: EUPL-1.2
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { valence } from '../city/valence.js';
import { walkFixture } from '../fixtures.test-helpers.js';
import type { QuartierId } from '../ids.js';
import { setup, unwrap } from '../service/service.test-helpers.js';
import type { Walk } from '../walk/walk.js';
import { uncoveredQuartiers, yearlyCoverage } from './coverage.js';

const walk = (quartierId: string, startsAt: string, status: Walk['status'] = 'open') =>
  walkFixture({ quartierId: quartierId as QuartierId, startsAt, status });

describe('yearlyCoverage() and uncoveredQuartiers(): one walk per priority quartier and year', () => {
  const walks = [
    walk('le-plan', '2026-03-14T09:00:00+01:00', 'reported'),
    walk('le-plan', '2026-10-10T09:00:00+02:00'),
    walk('polygone', '2026-05-16T09:00:00+02:00', 'draft'),
    walk('chamberliere', '2026-04-04T09:00:00+02:00', 'cancelled'),
    walk('valensolles', '2025-11-08T09:00:00+01:00', 'done'),
    // 23:30 UTC on 31 December is already 2027 in Valence.
    walk('fontbarlettes', '2026-12-31T23:30:00Z'),
  ];

  it('lists every priority quartier with its walks of the year, cancelled ones left out, planned ones counted', () => {
    assert.deepEqual(yearlyCoverage(walks, valence, 2026), [
      { quartierId: 'polygone', walks: 1, covered: true },
      { quartierId: 'chamberliere', walks: 0, covered: false },
      { quartierId: 'valensolles', walks: 0, covered: false },
      { quartierId: 'le-plan', walks: 2, covered: true },
      { quartierId: 'fontbarlettes', walks: 0, covered: false },
    ]);
  });

  it('lists the quartiers still without a walk, the year read in the city’s time zone', () => {
    assert.deepEqual(uncoveredQuartiers(walks, valence, 2026), ['chamberliere', 'valensolles', 'fontbarlettes']);
    assert.deepEqual(uncoveredQuartiers(walks, valence, 2027), ['polygone', 'chamberliere', 'valensolles', 'le-plan']);
    assert.deepEqual(uncoveredQuartiers(walks, valence, 2025), ['polygone', 'chamberliere', 'le-plan', 'fontbarlettes']);
  });

  it('leaves out quartiers that are not priority ones', () => {
    const city = {
      ...valence,
      quartiers: [...valence.quartiers, { id: 'centre-ville' as QuartierId, name: 'Centre-ville', priority: false }],
    };
    assert.ok(!uncoveredQuartiers([], city, 2026).includes('centre-ville'));
    assert.equal(yearlyCoverage([], city, 2026).length, 5);
  });
});

describe('queries.coverage()', () => {
  it('defaults to the current year in Valence', async () => {
    const { gusp, clock } = setup();
    unwrap(await gusp.walks.schedule({ quartierId: 'le-plan', startsAt: '2027-03-13T09:00:00+01:00' }));
    clock.set('2026-12-31T22:59:00Z');
    assert.equal((await gusp.queries.coverage()).find((c) => c.quartierId === 'le-plan')?.covered, false);
    clock.set('2026-12-31T23:00:00Z');
    assert.equal((await gusp.queries.coverage()).find((c) => c.quartierId === 'le-plan')?.covered, true);
    assert.equal((await gusp.queries.coverage(2026)).filter((c) => c.covered).length, 0);
  });
});
