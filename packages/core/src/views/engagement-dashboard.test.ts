// SPDX-License-Identifier: EUPL-1.2
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { valence } from '../city/valence.js';
import type { Engagement } from '../engagement/engagement.js';
import { at, engagementFixture } from '../fixtures.test-helpers.js';
import type { OrganisationId, QuartierId, ThemeId } from '../ids.js';
import { setup, unwrap } from '../service/service.test-helpers.js';
import { engagementDashboard, engagementFlags } from './engagement-dashboard.js';

const due = (dueOn: string, status: Engagement['status'] = 'in-progress', more: Partial<Engagement> = {}) =>
  engagementFixture({ dueOn, status, ...more });

describe('engagementFlags(): overdue on the Europe/Paris calendar day', () => {
  const e = due('2026-03-29');

  it('is not overdue on its due day, even at 23:30 in Paris (21:30 UTC)', () => {
    assert.deepEqual(engagementFlags(e, at('2026-03-29T21:30:00Z'), valence), { overdue: false, dueSoon: true, daysLeft: 0 });
  });

  it('is overdue at 00:30 in Paris the day after (22:30 UTC on the due day)', () => {
    assert.deepEqual(engagementFlags(e, at('2026-03-29T22:30:00Z'), valence), { overdue: true, dueSoon: false, daysLeft: -1 });
  });

  it('is due soon within 14 days, not 15', () => {
    assert.equal(engagementFlags(e, at('2026-03-15T12:00:00+01:00'), valence).dueSoon, true);
    assert.equal(engagementFlags(e, at('2026-03-14T12:00:00+01:00'), valence).dueSoon, false);
    assert.equal(engagementFlags(e, at('2026-03-14T12:00:00+01:00'), valence).daysLeft, 15);
  });

  it('is never overdue nor due soon once done, verified or abandoned, nor without a due day', () => {
    const late = at('2026-05-01T12:00:00+02:00');
    for (const status of ['done', 'verified', 'abandoned'] as const) {
      const flags = engagementFlags(due('2026-03-29', status), late, valence);
      assert.equal(flags.overdue, false, status);
      assert.equal(flags.dueSoon, false, status);
    }
    for (const status of ['proposed', 'accepted', 'in-progress'] as const)
      assert.equal(engagementFlags(due('2026-03-29', status), late, valence).overdue, true, status);
    assert.deepEqual(engagementFlags(engagementFixture(), late, valence), { overdue: false, dueSoon: false, daysLeft: undefined });
  });
});

describe('engagementDashboard()', () => {
  const NOW = at('2026-04-10T10:00:00+02:00');
  const oph = 'oph' as OrganisationId;
  const ville = 'ville-de-valence' as OrganisationId;
  const list: Engagement[] = [
    // Completed on its due day at 23:30 Paris (21:30 UTC): on time.
    due('2026-03-10', 'done', { completedAt: '2026-03-10T22:30:00Z', organisationId: oph, themeId: 'voirie' as ThemeId }),
    // Completed at 00:30 Paris the day after (23:30 UTC on the due day): 1 day late.
    due('2026-03-10', 'verified', { completedAt: '2026-03-10T23:30:00Z', organisationId: oph, themeId: 'voirie' as ThemeId }),
    // 5 days late.
    due('2026-03-01', 'done', { completedAt: '2026-03-06T10:00:00+01:00', organisationId: ville, quartierId: 'polygone' as QuartierId }),
    // Overdue by 9 and by 2 days; one abandoned late (not overdue); one due soon; one proposed without a day.
    due('2026-04-01', 'in-progress', { organisationId: ville, themeId: 'eclairage-public' as ThemeId }),
    due('2026-04-08', 'accepted', { organisationId: oph }),
    due('2026-03-01', 'abandoned', { organisationId: oph }),
    due('2026-04-20', 'in-progress', { organisationId: ville }),
    engagementFixture({ status: 'proposed' }),
  ];
  const d = engagementDashboard(list, NOW, valence);

  it('counts by status', () => {
    assert.equal(d.total, 8);
    assert.deepEqual(d.byStatus, { proposed: 1, accepted: 1, 'in-progress': 2, done: 2, verified: 1, abandoned: 1 });
  });

  it('lists overdue engagements, most late first, and counts those due soon', () => {
    assert.equal(d.overdue, 2);
    assert.deepEqual(
      d.overdueList.map((e) => e.dueOn),
      ['2026-04-01', '2026-04-08'],
    );
    assert.equal(d.dueSoon, 1);
  });

  it('gives the on-time completion rate and the average delay of late ones, on the Paris calendar', () => {
    assert.equal(d.onTimeRate, 1 / 3);
    assert.equal(d.averageDelayDays, (1 + 5) / 2);
  });

  it('has no rate nor delay when nothing was completed, and zero delay when nothing was late', () => {
    const none = engagementDashboard([due('2026-04-01')], NOW, valence);
    assert.equal(none.onTimeRate, null);
    assert.equal(none.averageDelayDays, null);
    const early = engagementDashboard([due('2026-04-01', 'done', { completedAt: '2026-03-20T10:00:00+01:00' })], NOW, valence);
    assert.equal(early.onTimeRate, 1);
    assert.equal(early.averageDelayDays, 0);
  });

  it('groups by organisation, quartier and theme, with their own overdue counts', () => {
    assert.deepEqual(Object.keys(d.byOrganisation).sort(), ['none', 'oph', 'ville-de-valence']);
    assert.equal(d.byOrganisation.oph?.total, 4);
    assert.equal(d.byOrganisation.oph?.overdue, 1);
    assert.equal(d.byOrganisation['ville-de-valence']?.overdue, 1);
    assert.equal(d.byOrganisation['ville-de-valence']?.byStatus['in-progress'], 2);
    assert.equal(d.byQuartier['le-plan']?.total, 7);
    assert.equal(d.byQuartier.polygone?.total, 1);
    assert.equal(d.byTheme.voirie?.total, 2);
    assert.equal(d.byTheme['eclairage-public']?.overdue, 1);
    assert.equal(d.byTheme.none?.total, 5);
  });
});

describe('queries.engagementDashboard() and engagementTimeline()', () => {
  it('filters by organisation, and tells an engagement’s timeline in order', async () => {
    const { gusp, clock } = setup();
    const a = unwrap(await gusp.engagements.propose({ title: 'Éclairage', quartierId: 'le-plan', themeId: 'eclairage-public' }));
    const b = unwrap(await gusp.engagements.propose({ title: 'Propreté', quartierId: 'polygone', themeId: 'nettoyage' }));
    unwrap(await gusp.engagements.accept(a.id, { organisationId: 'oph', dueOn: '2026-03-29' }));
    unwrap(await gusp.engagements.accept(b.id, { organisationId: 'ville-de-valence', dueOn: '2026-06-01' }));
    clock.set('2026-03-02T08:00:00+01:00');
    unwrap(await gusp.engagements.start(a.id, {}));
    clock.set('2026-03-03T08:00:00+01:00');
    unwrap(await gusp.engagements.progress(a.id, { percent: 30, note: 'Devis signé' }));

    clock.set('2026-03-29T21:30:00Z');
    assert.equal((await gusp.queries.engagementDashboard({ organisationId: 'oph' })).overdue, 0);
    clock.set('2026-03-29T22:30:00Z');
    const oph = await gusp.queries.engagementDashboard({ organisationId: 'oph' });
    assert.equal(oph.total, 1);
    assert.equal(oph.overdue, 1);
    assert.equal((await gusp.queries.engagementDashboard({ themeId: 'nettoyage' })).overdue, 0);
    assert.equal((await gusp.queries.engagementDashboard()).total, 2);

    assert.deepEqual(
      unwrap(await gusp.queries.engagementTimeline(a.id)).map((m) => [m.kind, m.at]),
      [
        ['proposed', '2026-03-01T10:00:00+01:00'],
        ['accepted', '2026-03-01T10:00:00+01:00'],
        ['started', '2026-03-02T08:00:00+01:00'],
        ['progressed', '2026-03-03T08:00:00+01:00'],
      ],
    );
  });
});
