// SPDX-License-Identifier: EUPL-1.2
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Gusp } from './create-gusp.js';
import { assertRefused, setup, unwrap } from './service.test-helpers.js';

/** A qualified problem in Le Plan, ready to become an engagement. */
async function qualifiedProblem(gusp: Gusp, description = 'Éclairage défaillant passage des Bleuets') {
  const obs = unwrap(
    await gusp.observations.record({
      quartierId: 'le-plan',
      polarity: 'problem',
      themeId: 'eclairage-public',
      description,
      address: 'Passage des Bleuets',
    }),
  );
  return unwrap(await gusp.observations.qualify(obs.id, { organisationId: 'ville-de-valence' }));
}

const proposal = { title: 'Remplacer les lampadaires du passage', quartierId: 'le-plan', themeId: 'eclairage-public' };

describe('engagements: the whole lifecycle', () => {
  it('goes proposed → accepted → in progress → done → verified, each step a milestone in order', async () => {
    const { gusp, clock } = setup();
    const obs = await qualifiedProblem(gusp);

    const proposed = unwrap(await gusp.engagements.propose({ ...proposal, observationIds: [obs.id] }));
    assert.equal(proposed.status, 'proposed');
    assert.equal(proposed.progress, 0);
    assert.equal(unwrap(await gusp.observations.get(obs.id)).status, 'committed');
    assert.equal(unwrap(await gusp.observations.get(obs.id)).engagementId, proposed.id);

    clock.set('2026-03-02T09:00:00+01:00');
    const accepted = unwrap(
      await gusp.engagements.accept(proposed.id, { organisationId: 'ville-de-valence', dueOn: '2026-06-30', note: 'Budget voté' }),
    );
    assert.equal(accepted.status, 'accepted');
    assert.equal(accepted.organisationId, 'ville-de-valence');
    assert.equal(accepted.dueOn, '2026-06-30');

    clock.set('2026-04-01T09:00:00+02:00');
    assert.equal(unwrap(await gusp.engagements.start(proposed.id, {})).status, 'in-progress');
    clock.set('2026-04-15T09:00:00+02:00');
    const progressed = unwrap(await gusp.engagements.progress(proposed.id, { percent: 40, note: 'Deux candélabres posés' }));
    assert.equal(progressed.progress, 40);
    clock.set('2026-05-02T09:00:00+02:00');
    unwrap(await gusp.engagements.reschedule(proposed.id, { dueOn: '2026-07-15', reason: 'Retard de livraison' }));
    clock.set('2026-05-20T09:00:00+02:00');
    unwrap(await gusp.engagements.progress(proposed.id, { percent: 80 }));
    clock.set('2026-06-10T09:00:00+02:00');
    const done = unwrap(await gusp.engagements.complete(proposed.id, { note: 'Passage éclairé' }));
    assert.equal(done.status, 'done');
    assert.equal(done.progress, 100);
    assert.equal(done.completedAt, '2026-06-10T09:00:00+02:00');
    assert.equal(unwrap(await gusp.observations.get(obs.id)).status, 'resolved', 'completing resolves its committed observations');

    clock.set('2027-03-13T11:00:00+01:00');
    assert.equal(unwrap(await gusp.engagements.verify(proposed.id, { note: 'Confirmé au diagnostic suivant' })).status, 'verified');

    const timeline = unwrap(await gusp.queries.engagementTimeline(proposed.id));
    assert.deepEqual(timeline, [
      { at: '2026-03-01T10:00:00+01:00', kind: 'proposed' },
      { at: '2026-03-02T09:00:00+01:00', kind: 'accepted', organisationId: 'ville-de-valence', dueOn: '2026-06-30', note: 'Budget voté' },
      { at: '2026-04-01T09:00:00+02:00', kind: 'started' },
      { at: '2026-04-15T09:00:00+02:00', kind: 'progressed', percent: 40, note: 'Deux candélabres posés' },
      { at: '2026-05-02T09:00:00+02:00', kind: 'rescheduled', dueOn: '2026-07-15', note: 'Retard de livraison' },
      { at: '2026-05-20T09:00:00+02:00', kind: 'progressed', percent: 80 },
      { at: '2026-06-10T09:00:00+02:00', kind: 'completed', note: 'Passage éclairé' },
      { at: '2027-03-13T11:00:00+01:00', kind: 'verified', note: 'Confirmé au diagnostic suivant' },
    ]);
    assertRefused(await gusp.queries.engagementTimeline('ghost'), 'engagement.not-found');
  });

  it('reopens a done engagement with a reason only, and clears its completion', async () => {
    const { gusp } = setup();
    const e = unwrap(await gusp.engagements.propose(proposal));
    unwrap(await gusp.engagements.accept(e.id, { organisationId: 'oph', dueOn: '2026-05-01' }));
    unwrap(await gusp.engagements.start(e.id, {}));
    unwrap(await gusp.engagements.complete(e.id));
    assertRefused(await gusp.engagements.reopen(e.id, { reason: '' }), 'engagement.reason-required');
    assertRefused(await gusp.engagements.reopen(e.id, { reason: '   ' }), 'engagement.reason-required');
    const reopened = unwrap(await gusp.engagements.reopen(e.id, { reason: 'La panne est revenue' }));
    assert.equal(reopened.status, 'in-progress');
    assert.equal(reopened.completedAt, undefined);
    assert.deepEqual(reopened.milestones.at(-1), { at: '2026-03-01T10:00:00+01:00', kind: 'reopened', note: 'La panne est revenue' });
  });

  it('abandons with a reason only, from proposed, accepted or in progress', async () => {
    const { gusp } = setup();
    const e = unwrap(await gusp.engagements.propose(proposal));
    assertRefused(await gusp.engagements.abandon(e.id, { reason: ' ' }), 'engagement.reason-required');
    const abandoned = unwrap(await gusp.engagements.abandon(e.id, { reason: 'Hors compétence' }));
    assert.equal(abandoned.status, 'abandoned');
    assertRefused(await gusp.engagements.accept(e.id, { organisationId: 'oph', dueOn: '2026-05-01' }), 'engagement.invalid-transition');
  });

  it('refuses a due day in the past and an unknown organisation when accepting', async () => {
    const { gusp } = setup();
    const e = unwrap(await gusp.engagements.propose(proposal));
    assertRefused(await gusp.engagements.accept(e.id, { organisationId: 'oph', dueOn: '2026-02-28' }), 'engagement.due-date-in-past');
    assertRefused(await gusp.engagements.accept(e.id, { organisationId: 'sncf', dueOn: '2026-05-01' }), 'engagement.unknown-organisation');
    unwrap(await gusp.engagements.accept(e.id, { organisationId: 'oph', dueOn: '2026-03-01' }));
  });

  it('refuses a proposal about an unknown quartier, theme, organisation or observation', async () => {
    const { gusp } = setup();
    assertRefused(await gusp.engagements.propose({ ...proposal, quartierId: 'la-duchere' }), 'engagement.unknown-quartier');
    assertRefused(await gusp.engagements.propose({ ...proposal, themeId: 'deneigement' }), 'engagement.unknown-theme');
    assertRefused(await gusp.engagements.propose({ ...proposal, organisationId: 'sncf' }), 'engagement.unknown-organisation');
    assertRefused(await gusp.engagements.propose({ ...proposal, observationIds: ['ghost'] }), 'observation.not-found');
    assert.deepEqual(await gusp.engagements.list(), []);
  });

  it('refuses commands on an unknown engagement with engagement.not-found', async () => {
    const { gusp } = setup();
    assertRefused(await gusp.engagements.start('ghost', {}), 'engagement.not-found');
    assertRefused(await gusp.engagements.complete('ghost'), 'engagement.not-found');
    assertRefused(await gusp.engagements.get('ghost'), 'engagement.not-found');
  });
});

describe('engagements: only the responsible organisation changes its engagements', () => {
  it('refuses a change by another organisation with engagement.forbidden-organisation', async () => {
    const { gusp } = setup();
    const e = unwrap(await gusp.engagements.propose(proposal));
    unwrap(await gusp.engagements.accept(e.id, { organisationId: 'oph', dueOn: '2026-05-01' }, { organisationId: 'oph' }));
    const refused = assertRefused(
      await gusp.engagements.start(e.id, {}, { organisationId: 'ville-de-valence' }),
      'engagement.forbidden-organisation',
    );
    assert.equal(refused.details.organisationId, 'ville-de-valence');
    assertRefused(await gusp.engagements.complete(e.id, {}, { organisationId: 'ville-de-valence' }), 'engagement.forbidden-organisation');
    assert.equal(unwrap(await gusp.engagements.get(e.id)).status, 'accepted');
    unwrap(await gusp.engagements.start(e.id, {}, { organisationId: 'oph' }));
    unwrap(await gusp.engagements.progress(e.id, { percent: 10 }, { organisationId: 'oph' }));
  });

  it('checks the acting organisation before the input, so an outsider learns nothing from validation', async () => {
    const { gusp } = setup();
    const e = unwrap(await gusp.engagements.propose({ ...proposal, organisationId: 'oph' }));
    assertRefused(
      await gusp.engagements.progress(e.id, { percent: 500 }, { organisationId: 'ville-de-valence' }),
      'engagement.forbidden-organisation',
    );
  });
});

describe('engagements: follow-up of observations', () => {
  it('commits only qualified observations, and resolves committed ones on completion', async () => {
    const { gusp } = setup();
    const qualified = await qualifiedProblem(gusp);
    const recorded = unwrap(
      await gusp.observations.record({
        quartierId: 'le-plan',
        polarity: 'problem',
        themeId: 'voirie',
        description: 'Nid-de-poule',
        address: 'Rue Bizet',
      }),
    );
    const e = unwrap(await gusp.engagements.propose({ ...proposal, observationIds: [qualified.id, recorded.id] }));
    assert.equal(unwrap(await gusp.observations.get(qualified.id)).status, 'committed');
    assert.equal(unwrap(await gusp.observations.get(recorded.id)).status, 'recorded');
    unwrap(await gusp.engagements.accept(e.id, { organisationId: 'ville-de-valence', dueOn: '2026-04-01' }));
    unwrap(await gusp.engagements.start(e.id, {}));
    unwrap(await gusp.engagements.complete(e.id, {}));
    assert.equal(unwrap(await gusp.observations.get(qualified.id)).status, 'resolved');
    assert.equal(unwrap(await gusp.observations.get(recorded.id)).status, 'recorded');
  });

  it('does not resolve an observation another engagement has committed', async () => {
    const { gusp } = setup();
    const obs = unwrap(
      await gusp.observations.record({
        quartierId: 'le-plan',
        polarity: 'problem',
        themeId: 'voirie',
        description: 'Trottoir défoncé',
        address: 'Rue Bizet',
      }),
    );
    // Listed in a first engagement before it was qualified, then committed to a second one.
    const first = unwrap(await gusp.engagements.propose({ ...proposal, observationIds: [obs.id] }));
    unwrap(await gusp.observations.qualify(obs.id, { organisationId: 'oph' }));
    const second = unwrap(await gusp.engagements.propose({ ...proposal, title: 'Refaire le trottoir', observationIds: [obs.id] }));
    assert.equal(unwrap(await gusp.observations.get(obs.id)).engagementId, second.id);
    unwrap(await gusp.engagements.accept(first.id, { organisationId: 'ville-de-valence', dueOn: '2026-04-01' }));
    unwrap(await gusp.engagements.start(first.id, {}));
    unwrap(await gusp.engagements.complete(first.id, {}));
    const after = unwrap(await gusp.observations.get(obs.id));
    assert.equal(after.status, 'committed', 'the second engagement is not done: its observation is not resolved');
    assert.equal(after.engagementId, second.id);
  });

  it('leaves observations alone when completion is refused', async () => {
    const { gusp } = setup();
    const obs = await qualifiedProblem(gusp);
    const e = unwrap(await gusp.engagements.propose({ ...proposal, observationIds: [obs.id] }));
    assertRefused(await gusp.engagements.complete(e.id, {}), 'engagement.invalid-transition');
    assert.equal(unwrap(await gusp.observations.get(obs.id)).status, 'committed');
  });
});

describe('engagements: an organisation acting for itself', () => {
  it('cannot accept an engagement on behalf of another organisation (engagement.forbidden-organisation)', async () => {
    const { createGusp, memoryStore, valence } = await import('../index.js');
    const gusp = createGusp({ city: valence, store: memoryStore(), now: () => new Date('2026-06-01T10:00:00+02:00') });
    const e = await gusp.engagements.propose({ title: 'Repeindre le local', quartierId: 'le-plan' });
    assert.ok(e.ok);
    const refused = await gusp.engagements.accept(
      e.value.id,
      { organisationId: 'ville-de-valence', dueOn: '2026-09-01' },
      { organisationId: 'oph' },
    );
    assert.equal(!refused.ok && refused.error.code, 'engagement.forbidden-organisation');
    const accepted = await gusp.engagements.accept(e.value.id, { organisationId: 'oph', dueOn: '2026-09-01' }, { organisationId: 'oph' });
    assert.equal(accepted.ok && accepted.value.organisationId, 'oph');
  });
});
