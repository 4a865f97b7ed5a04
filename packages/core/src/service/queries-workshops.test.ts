// SPDX-License-Identifier: EUPL-1.2
/**
 * `gusp.queries.upcomingWorkshops`: the workshops people may still come to, soonest first, none of a
 * project still in draft (not public yet), whatever the journal holds.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { WorkshopPublished } from '../events.js';
import { setup, unwrap } from './service.test-helpers.js';

const PROJECT = {
  quartierId: 'le-plan',
  title: 'Les Bleuets',
  kind: 'building-renovation',
  site: { label: 'Immeuble Les Bleuets' },
  landlordId: 'oph',
} as const;
const LOCAL = { label: 'Local des habitants' };
const workshop = (title: string, startsAt: string) => ({ kind: 'learning', title, startsAt, place: LOCAL, capacity: 10 }) as const;

describe('queries: upcoming workshops', () => {
  it('lists the open and closed ones of announced projects, soonest first, and none of a project still in draft', async () => {
    const { gusp, store } = setup();
    const announced = unwrap(await gusp.projects.create(PROJECT));
    unwrap(await gusp.projects.announce(announced.id));
    const later = unwrap(await gusp.workshops.schedule(announced.id, workshop('Plus tard', '2026-04-11T14:00:00+02:00')));
    const sooner = unwrap(await gusp.workshops.schedule(announced.id, workshop('Bientôt', '2026-03-14T14:00:00+01:00')));
    const unpublished = unwrap(await gusp.workshops.schedule(announced.id, workshop('Brouillon', '2026-03-21T14:00:00+01:00')));
    for (const w of [later, sooner]) unwrap(await gusp.workshops.publish(w.id));
    unwrap(await gusp.workshops.closeRegistrations(later.id));

    // A draft project's workshop cannot be published (workshop.project-not-announced); a journal
    // may still hold one published (imported, or written before that rule): it is not listed.
    const draft = unwrap(await gusp.projects.create({ ...PROJECT, title: 'Pas encore annoncé' }));
    const hidden = unwrap(await gusp.workshops.schedule(draft.id, workshop('Caché', '2026-03-12T14:00:00+01:00')));
    const stream = `workshop-${hidden.id}`;
    const { version } = await store.read(stream);
    const published: WorkshopPublished = { type: 'WorkshopPublished', at: '2026-03-01T10:00:00+01:00', data: {} };
    assert.ok((await store.append(stream, version, [published])).ok);
    assert.equal(unwrap(await gusp.workshops.get(hidden.id)).workshop.status, 'open');

    const ids = async (filter?: { quartierId?: string; projectId?: string }) =>
      (await gusp.queries.upcomingWorkshops(filter)).map((w) => w.id);
    assert.deepEqual(await ids(), [sooner.id, later.id]);
    assert.deepEqual(await ids({ quartierId: 'le-plan' }), [sooner.id, later.id]);
    assert.deepEqual(await ids({ projectId: draft.id }), []);
    assert.deepEqual(await ids({ quartierId: 'fontbarlettes' }), []);
    assert.ok(!(await ids()).includes(unpublished.id));

    // Once the project is announced, its workshop is public.
    unwrap(await gusp.projects.announce(draft.id));
    assert.deepEqual(await ids(), [hidden.id, sooner.id, later.id]);
  });
});
