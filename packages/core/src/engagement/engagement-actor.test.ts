// SPDX-License-Identifier: EUPL-1.2
/**
 * Every staff action on an engagement records who did it (issue 13): each event's `by` keeps the
 * account, role and organisation; the milestones everyone reads show only the role and organisation.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { valence } from '../city/valence.js';
import { assertRefused, setup, unwrap } from '../service/service.test-helpers.js';
import type { EngagementEvent } from '../events.js';
import { engagementHistory, engagementTimelineView, milestoneActorLabel } from '../views/milestone-actor.js';

const coordinator = { accountId: 'acc-coordinator', role: 'coordinator', organisationId: 'ville-de-valence' } as const;
const oph = { accountId: 'acc-oph', role: 'organisation', organisationId: 'oph' } as const;
const proposal = { title: 'Réparer la porte du hall B', quartierId: 'le-plan' };

describe('engagements: who acted', () => {
  it('records the actor on every event and shows only its role and organisation in the milestones', async () => {
    const { gusp, store, clock } = setup();
    const proposed = unwrap(await gusp.engagements.propose(proposal, { actor: coordinator }));
    clock.set('2026-03-02T09:00:00+01:00');
    unwrap(await gusp.engagements.accept(proposed.id, { organisationId: 'oph', dueOn: '2026-06-30' }, { actor: coordinator }));
    unwrap(await gusp.engagements.start(proposed.id, {}, { actor: oph, organisationId: 'oph' }));
    unwrap(await gusp.engagements.progress(proposed.id, { percent: 50 }, { actor: oph, organisationId: 'oph' }));
    const done = unwrap(await gusp.engagements.complete(proposed.id, {}, { actor: oph, organisationId: 'oph' }));

    const { events } = await store.read(`engagement-${proposed.id}`);
    assert.deepEqual(
      events.map((e) => (e.data as { by?: unknown }).by),
      [coordinator, coordinator, oph, oph, oph],
    );
    assert.deepEqual(
      done.milestones.map((m) => m.by),
      [
        { role: 'coordinator', organisationId: 'ville-de-valence' },
        { role: 'coordinator', organisationId: 'ville-de-valence' },
        { role: 'organisation', organisationId: 'oph' },
        { role: 'organisation', organisationId: 'oph' },
        { role: 'organisation', organisationId: 'oph' },
      ],
    );
    assert.ok(!JSON.stringify(done).includes('acc-'), 'the engagement everyone reads names no account');
    assert.deepEqual(
      engagementTimelineView(done.milestones, valence).map((m) => m.byLabel),
      ['Ville', 'Ville', 'OPH', 'OPH', 'OPH'],
    );
  });

  it('names nobody when no actor is given, and refuses an actor that is not one', async () => {
    const { gusp } = setup();
    const proposed = unwrap(await gusp.engagements.propose(proposal));
    assert.equal(proposed.milestones[0]?.by, undefined);
    assert.ok(!('by' in (proposed.milestones[0] ?? {})));
    assertRefused(await gusp.engagements.propose(proposal, { actor: { accountId: '', role: 'coordinator' } }), 'validation.invalid');
    assertRefused(
      await gusp.engagements.start(proposed.id, {}, { actor: { accountId: 'x', role: 'mayor' as 'agent' } }),
      'validation.invalid',
    );
  });
});

describe('milestoneActorLabel()', () => {
  it('says the organisation, else the city staff’s role, in the language asked', () => {
    assert.equal(milestoneActorLabel({ role: 'organisation', organisationId: 'oph' }, valence), 'OPH');
    assert.equal(milestoneActorLabel({ role: 'organisation', organisationId: 'compagnons-batisseurs' }, valence), 'Compagnons bâtisseurs');
    assert.equal(milestoneActorLabel({ role: 'coordinator' }, valence), 'Ville — coordination');
    assert.equal(milestoneActorLabel({ role: 'coordinator' }, valence, 'en'), 'City — coordination');
    assert.equal(milestoneActorLabel({ role: 'agent', organisationId: 'gone' }, valence), 'Ville — agent de terrain');
    assert.equal(milestoneActorLabel(undefined, valence), undefined);
  });
});

describe('engagementHistory()', () => {
  it('gives staff each milestone with the whole actor, account included, from the journal', async () => {
    const { gusp, store } = setup();
    const proposed = unwrap(await gusp.engagements.propose(proposal, { actor: coordinator }));
    unwrap(await gusp.engagements.accept(proposed.id, { organisationId: 'oph', dueOn: '2026-06-30', note: 'Vu' }));
    const { events } = await store.read(`engagement-${proposed.id}`);
    assert.deepEqual(
      engagementHistory(events as unknown as EngagementEvent[]).map((h) => [h.kind, h.by, h.note]),
      [
        ['proposed', coordinator, undefined],
        ['accepted', undefined, 'Vu'],
      ],
    );
    assert.deepEqual(engagementHistory([]), []);
  });
});
