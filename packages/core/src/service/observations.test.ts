// SPDX-License-Identifier: EUPL-1.2
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { RecordObservationInput } from '../observation/observation.js';
import { assertRefused, openWalk, setup, unwrap, WALK_STARTS_AT, type TestGusp } from './service.test-helpers.js';

const lampadaire = (over: Partial<RecordObservationInput> = {}): RecordObservationInput => ({
  quartierId: 'le-plan',
  polarity: 'problem',
  themeId: 'eclairage-public',
  description: 'Lampadaire éteint devant l’école',
  address: '12, rue Bizet',
  ...over,
});

/** A walk in Le Plan, started at 09:00 and finished at `finishAt`. */
async function finishedWalk(t: TestGusp, finishAt = '2026-03-14T12:00:00+01:00') {
  const walk = await openWalk(t.gusp);
  t.clock.set(WALK_STARTS_AT);
  unwrap(await t.gusp.walks.start(walk.id));
  t.clock.set(finishAt);
  unwrap(await t.gusp.walks.finish(walk.id));
  return walk;
}

describe('observations: recording', () => {
  it('records a resident’s observation outside walks, with an address only', async () => {
    const { gusp } = setup();
    const obs = unwrap(await gusp.observations.record(lampadaire()));
    assert.equal(obs.status, 'recorded');
    assert.equal(obs.source, 'resident');
    assert.equal(obs.recordedAt, '2026-03-01T10:00:00+01:00');
    assert.deepEqual(obs.photos, []);
  });

  it('requires a location: refuses no stop, no point and no words with observation.location-required', async () => {
    const { gusp } = setup();
    assertRefused(await gusp.observations.record(lampadaire({ address: undefined })), 'observation.location-required');
    assertRefused(await gusp.observations.record(lampadaire({ address: '   ' })), 'observation.location-required');
    unwrap(await gusp.observations.record(lampadaire({ address: undefined, point: { lat: 44.92, lon: 4.91 } })));
  });

  it('takes the quartier from the walk and a stop of its route as location', async () => {
    const t = setup();
    const walk = await openWalk(t.gusp);
    t.clock.set(WALK_STARTS_AT);
    unwrap(await t.gusp.walks.start(walk.id));
    const obs = unwrap(
      await t.gusp.observations.record({
        walkId: walk.id,
        stopId: 'bleuets',
        polarity: 'positive',
        themeId: 'lien-social',
        description: 'Salle commune',
        source: 'walk',
      }),
    );
    assert.equal(obs.quartierId, 'le-plan');
    assert.equal(obs.stopId, 'bleuets');
    assertRefused(
      await t.gusp.observations.record({ walkId: walk.id, stopId: 'gare', polarity: 'positive', themeId: 'lien-social', description: 'x' }),
      'observation.unknown-stop',
    );
  });

  it('lets residents record during a walk in progress', async () => {
    const t = setup();
    const walk = await openWalk(t.gusp);
    t.clock.set(WALK_STARTS_AT);
    unwrap(await t.gusp.walks.start(walk.id));
    unwrap(await t.gusp.observations.record(lampadaire({ walkId: walk.id, source: 'resident' })));
  });

  it('refuses a resident’s observation on a walk not in progress with observation.walk-not-underway', async () => {
    const t = setup();
    const walk = await openWalk(t.gusp);
    assertRefused(await t.gusp.observations.record(lampadaire({ walkId: walk.id, source: 'resident' })), 'observation.walk-not-underway');
    const done = await finishedWalk(t);
    t.clock.advance(60_000);
    assertRefused(await t.gusp.observations.record(lampadaire({ walkId: done.id, source: 'resident' })), 'observation.walk-not-underway');
  });

  it('gives staff a 48-hour grace window after the walk ends', async () => {
    const t = setup();
    const walk = await finishedWalk(t, '2026-03-14T12:00:00+01:00');
    t.clock.set('2026-03-16T12:00:00+01:00');
    unwrap(await t.gusp.observations.record(lampadaire({ walkId: walk.id, source: 'agent' })));
    unwrap(await t.gusp.observations.record(lampadaire({ walkId: walk.id, source: 'walk' })));
    t.clock.set('2026-03-16T12:00:01+01:00');
    assertRefused(await t.gusp.observations.record(lampadaire({ walkId: walk.id, source: 'agent' })), 'observation.walk-not-underway');
  });

  it('refuses staff before the walk has started', async () => {
    const t = setup();
    const walk = await openWalk(t.gusp);
    assertRefused(await t.gusp.observations.record(lampadaire({ walkId: walk.id, source: 'agent' })), 'observation.walk-not-underway');
  });

  it('refuses an unknown walk, theme or quartier, and a missing quartier', async () => {
    const { gusp } = setup();
    assertRefused(await gusp.observations.record(lampadaire({ walkId: 'nowhere' })), 'walk.not-found');
    assertRefused(await gusp.observations.record(lampadaire({ themeId: 'deneigement' })), 'observation.unknown-theme');
    assertRefused(await gusp.observations.record(lampadaire({ quartierId: 'la-duchere' })), 'observation.unknown-quartier');
    assertRefused(await gusp.observations.record(lampadaire({ quartierId: undefined })), 'observation.quartier-required');
  });

  it('keeps a reporter’s contact only with consent, stamped with the consent version, and erases it on request', async () => {
    const { gusp } = setup();
    assertRefused(
      await gusp.observations.record(lampadaire({ reporter: { name: 'Lina', email: 'lina@example.org', consent: false } })),
      'observation.contact-consent-required',
    );
    const obs = unwrap(
      await gusp.observations.record(lampadaire({ reporter: { name: 'Lina', email: 'lina@example.org', consent: true } })),
    );
    assert.deepEqual(obs.reporter, {
      name: 'Lina',
      email: 'lina@example.org',
      consent: { version: '2026-01', at: '2026-03-01T10:00:00+01:00' },
    });
    const erased = unwrap(await gusp.observations.eraseReporter(obs.id));
    assert.equal(erased.reporter, undefined);
    assert.equal(erased.description, obs.description);
    // An empty contact is no contact: nothing kept, no consent needed.
    const blank = unwrap(await gusp.observations.record(lampadaire({ reporter: { name: ' ', email: '', consent: false } })));
    assert.equal(blank.reporter, undefined);
  });
});

describe('observations: qualification and follow-up', () => {
  it('qualifies for a known organisation with a severity (medium by default)', async () => {
    const { gusp } = setup();
    const obs = unwrap(await gusp.observations.record(lampadaire()));
    assertRefused(await gusp.observations.qualify(obs.id, { organisationId: 'sncf' }), 'observation.unknown-organisation');
    const q = unwrap(await gusp.observations.qualify(obs.id, { organisationId: 'ville-de-valence' }));
    assert.equal(q.status, 'qualified');
    assert.equal(q.organisationId, 'ville-de-valence');
    assert.equal(q.severity, 'medium');
    assertRefused(await gusp.observations.qualify(obs.id, { organisationId: 'oph' }), 'observation.invalid-transition');
  });

  it('resolves a qualified observation fixed straight away, not a recorded one', async () => {
    const { gusp } = setup();
    const obs = unwrap(await gusp.observations.record(lampadaire()));
    assertRefused(await gusp.observations.resolve(obs.id), 'observation.invalid-transition');
    unwrap(await gusp.observations.qualify(obs.id, { organisationId: 'oph', severity: 'high' }));
    assert.equal(unwrap(await gusp.observations.resolve(obs.id)).status, 'resolved');
  });

  it('marks a duplicate of another existing observation, never of itself', async () => {
    const { gusp } = setup();
    const first = unwrap(await gusp.observations.record(lampadaire()));
    const second = unwrap(await gusp.observations.record(lampadaire()));
    assertRefused(await gusp.observations.markDuplicate(second.id, { of: second.id }), 'observation.duplicate-of-itself');
    assertRefused(await gusp.observations.markDuplicate(second.id, { of: 'ghost' }), 'observation.not-found');
    const dup = unwrap(await gusp.observations.markDuplicate(second.id, { of: first.id }));
    assert.equal(dup.status, 'duplicate');
    assert.equal(dup.duplicateOf, first.id);
  });

  it('rejects with a reason only', async () => {
    const { gusp } = setup();
    const obs = unwrap(await gusp.observations.record(lampadaire()));
    assertRefused(await gusp.observations.reject(obs.id, { reason: '  ' }), 'observation.reason-required');
    const rejected = unwrap(await gusp.observations.reject(obs.id, { reason: 'Domaine privé' }));
    assert.equal(rejected.status, 'rejected');
    assert.equal(rejected.rejectReason, 'Domaine privé');
  });

  it('refuses commands on an unknown observation with observation.not-found', async () => {
    const { gusp } = setup();
    assertRefused(await gusp.observations.qualify('ghost', { organisationId: 'oph' }), 'observation.not-found');
    assertRefused(await gusp.observations.get('ghost'), 'observation.not-found');
  });
});

describe('observations and comptes-rendus: who acted', () => {
  const COORDINATOR = { accountId: 'acc-coordinatrice', role: 'coordinator', organisationId: 'ville-de-valence' } as const;
  const as = { actor: COORDINATOR };
  const byIn = async (t: TestGusp, stream: string) =>
    (await t.store.read(stream)).events.slice(1).map((e) => [e.type, (e.data as { by?: unknown }).by]);

  it('qualify, resolve, reject, mark as duplicate, draft, validate and share record options.actor as by', async () => {
    const t = setup();
    const [fixed, aside, twin] = [
      unwrap(await t.gusp.observations.record(lampadaire())),
      unwrap(await t.gusp.observations.record(lampadaire())),
      unwrap(await t.gusp.observations.record(lampadaire())),
    ];
    unwrap(await t.gusp.observations.qualify(fixed.id, { organisationId: 'oph' }, as));
    unwrap(await t.gusp.observations.resolve(fixed.id, as));
    unwrap(await t.gusp.observations.reject(aside.id, { reason: 'Hors champ' }, as));
    unwrap(await t.gusp.observations.markDuplicate(twin.id, { of: fixed.id }, as));
    assert.deepEqual(await byIn(t, `observation-${fixed.id}`), [
      ['ObservationQualified', COORDINATOR],
      ['ObservationResolved', COORDINATOR],
    ]);
    assert.deepEqual(await byIn(t, `observation-${aside.id}`), [['ObservationRejected', COORDINATOR]]);
    assert.deepEqual(await byIn(t, `observation-${twin.id}`), [['ObservationMarkedDuplicate', COORDINATOR]]);

    const walk = await finishedWalk(t);
    unwrap(await t.gusp.reports.draft(walk.id, as));
    unwrap(await t.gusp.reports.validate(walk.id, {}, as));
    unwrap(await t.gusp.reports.share(walk.id, {}, as));
    assert.deepEqual(
      (await byIn(t, `walk-${walk.id}`)).filter(([type]) => String(type).startsWith('Report')),
      [
        ['ReportDrafted', COORDINATOR],
        ['ReportValidated', COORDINATOR],
        ['ReportShared', COORDINATOR],
      ],
    );
  });

  it('refuses an actor that is not staff with validation.invalid, and appends nothing', async () => {
    const t = setup();
    const bad = { actor: { accountId: 'acc-1', role: 'resident' } as never };
    const obs = unwrap(await t.gusp.observations.record(lampadaire()));
    assertRefused(await t.gusp.observations.qualify(obs.id, { organisationId: 'oph' }, bad), 'validation.invalid');
    assertRefused(await t.gusp.observations.reject(obs.id, { reason: 'Hors champ' }, bad), 'validation.invalid');
    const walk = await finishedWalk(t);
    assertRefused(await t.gusp.reports.draft(walk.id, bad), 'validation.invalid');
    assert.deepEqual(await byIn(t, `observation-${obs.id}`), []);
    assert.equal(unwrap(await t.gusp.walks.get(walk.id)).report, undefined);
  });
});
