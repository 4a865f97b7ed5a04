// SPDX-License-Identifier: EUPL-1.2
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { observationFixture } from '../fixtures.test-helpers.js';
import type { QuartierId, StopId, ThemeId, WalkId } from '../ids.js';
import { openWalk, setup, unwrap, WALK_STARTS_AT } from '../service/service.test-helpers.js';
import { observationStats } from './observation-stats.js';

const walkId = 'walk-le-plan-2026' as WalkId;
const onStop = (stop: string, polarity: 'positive' | 'problem', themeId = 'eclairage-public') =>
  observationFixture({ walkId, stopId: stop as StopId, polarity, themeId: themeId as ThemeId });

describe('observationStats()', () => {
  it('counts by theme × polarity, leaving duplicates and rejected observations out', () => {
    const stats = observationStats(
      [
        onStop('s1', 'problem', 'eclairage-public'),
        onStop('s1', 'problem', 'eclairage-public'),
        onStop('s2', 'positive', 'eclairage-public'),
        onStop('s2', 'positive', 'lien-social'),
        observationFixture({ themeId: 'lien-social' as ThemeId, polarity: 'problem', status: 'duplicate' }),
        observationFixture({ themeId: 'voirie' as ThemeId, polarity: 'problem', status: 'rejected' }),
        observationFixture({ themeId: 'voirie' as ThemeId, polarity: 'problem', status: 'resolved' }),
      ],
      'Europe/Paris',
    );
    assert.equal(stats.total, 5);
    assert.deepEqual(
      [...stats.byThemeAndPolarity].sort((a, b) => a.themeId.localeCompare(b.themeId)),
      [
        { themeId: 'eclairage-public', positive: 1, problem: 2 },
        { themeId: 'lien-social', positive: 1, problem: 0 },
        { themeId: 'voirie', positive: 0, problem: 1 },
      ],
    );
  });

  it('gives each stop of a walk its counts and share of positive points', () => {
    const stats = observationStats(
      [
        onStop('s1', 'problem'),
        onStop('s1', 'problem'),
        onStop('s1', 'positive'),
        onStop('s2', 'positive'),
        onStop('s3', 'problem'),
        observationFixture({ walkId }),
      ],
      'Europe/Paris',
    );
    const byStop = Object.fromEntries(stats.byStop.map((s) => [s.stopId, s]));
    assert.deepEqual(byStop.s1, { walkId, stopId: 's1', positive: 1, problem: 2, positiveRatio: 1 / 3 });
    assert.equal(byStop.s2?.positiveRatio, 1);
    assert.equal(byStop.s3?.positiveRatio, 0);
    assert.equal(stats.byStop.length, 3, 'an observation off the route has no stop row');
  });

  it('keeps stops of different walks apart', () => {
    const other = observationFixture({ walkId: 'walk-polygone' as WalkId, stopId: 's1' as StopId, polarity: 'positive' });
    const stats = observationStats([onStop('s1', 'problem'), other], 'Europe/Paris');
    assert.equal(stats.byStop.length, 2);
  });

  it('counts by quartier and year, the year read in Europe/Paris: 2026-12-31T23:30Z is in 2027', () => {
    const stats = observationStats(
      [
        observationFixture({ recordedAt: '2026-12-31T23:30:00Z', polarity: 'positive' }),
        observationFixture({ recordedAt: '2026-12-31T22:30:00Z', polarity: 'problem' }),
        observationFixture({ recordedAt: '2026-06-15T10:00:00+02:00', polarity: 'problem' }),
        observationFixture({ recordedAt: '2027-02-01T10:00:00+01:00', polarity: 'problem', quartierId: 'polygone' as QuartierId }),
      ],
      'Europe/Paris',
    );
    assert.deepEqual(stats.byQuartierAndYear, [
      { quartierId: 'le-plan', year: 2026, positive: 0, problem: 2 },
      { quartierId: 'le-plan', year: 2027, positive: 1, problem: 0 },
      { quartierId: 'polygone', year: 2027, positive: 0, problem: 1 },
    ]);
  });

  it('reads the year in the time zone it is given', () => {
    const stats = observationStats([observationFixture({ recordedAt: '2026-12-31T23:30:00Z' })], 'America/Montreal');
    assert.equal(stats.byQuartierAndYear[0]?.year, 2026);
  });

  it('is empty without observations', () => {
    assert.deepEqual(observationStats([], 'Europe/Paris'), { total: 0, byThemeAndPolarity: [], byStop: [], byQuartierAndYear: [] });
  });
});

describe('queries.observationStats()', () => {
  it('filters by walk, quartier and Paris year', async () => {
    const t = setup();
    const walk = await openWalk(t.gusp);
    t.clock.set(WALK_STARTS_AT);
    unwrap(await t.gusp.walks.start(walk.id));
    unwrap(
      await t.gusp.observations.record({
        walkId: walk.id,
        stopId: 'parvis',
        polarity: 'problem',
        themeId: 'eclairage-public',
        description: 'Lampadaire',
        source: 'walk',
      }),
    );
    unwrap(
      await t.gusp.observations.record({
        walkId: walk.id,
        stopId: 'parvis',
        polarity: 'positive',
        themeId: 'espaces-verts',
        description: 'Massifs fleuris',
        source: 'walk',
      }),
    );
    t.clock.set('2026-12-31T23:30:00Z');
    unwrap(
      await t.gusp.observations.record({
        quartierId: 'polygone',
        polarity: 'problem',
        themeId: 'voirie',
        description: 'Trou',
        address: 'Avenue de Romans',
      }),
    );

    const onWalk = await t.gusp.queries.observationStats({ walkId: walk.id });
    assert.equal(onWalk.total, 2);
    assert.deepEqual(onWalk.byStop, [{ walkId: walk.id, stopId: 'parvis', positive: 1, problem: 1, positiveRatio: 0.5 }]);
    assert.equal((await t.gusp.queries.observationStats({ year: 2026 })).total, 2);
    assert.equal((await t.gusp.queries.observationStats({ year: 2027 })).total, 1);
    assert.equal((await t.gusp.queries.observationStats({ quartierId: 'polygone', year: 2027 })).total, 1);
    assert.equal((await t.gusp.queries.observationStats({ quartierId: 'polygone', year: 2026 })).total, 0);
  });
});
