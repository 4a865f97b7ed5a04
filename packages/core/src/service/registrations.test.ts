// SPDX-License-Identifier: EUPL-1.2
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertRefused, openWalk, person, setup, unwrap } from './service.test-helpers.js';

const COORDINATOR = { actor: { accountId: 'coord-1', role: 'coordinator', organisationId: 'ville-de-valence' } } as const;

/** A published workshop of a fresh project in Le Plan, with `capacity` public seats. */
async function openWorkshop(gusp: ReturnType<typeof setup>['gusp'], capacity: number) {
  const project = unwrap(
    await gusp.projects.create(
      {
        quartierId: 'le-plan',
        title: 'Les Bleuets',
        kind: 'building-renovation',
        site: { label: 'Immeuble Les Bleuets' },
        landlordId: 'oph',
        partnerIds: [],
        description: 'La réhabilitation, avec ses habitants.',
        phases: [],
      },
      COORDINATOR,
    ),
  );
  // Its workshops are published once it is announced.
  unwrap(await gusp.projects.announce(project.id, COORDINATOR));
  const workshop = unwrap(
    await gusp.workshops.schedule(
      project.id,
      { kind: 'consultation', title: 'Atelier', startsAt: '2026-03-14T14:00:00+01:00', place: { label: 'Local des habitants' }, capacity },
      COORDINATOR,
    ),
  );
  unwrap(await gusp.workshops.publish(workshop.id, COORDINATOR));
  return workshop;
}

describe('one registration implementation for walks and workshops', () => {
  it('refuses the same email twice on a walk and on a workshop with the same code, each message naming what it is', async () => {
    const { gusp } = setup();
    const walk = await openWalk(gusp);
    const workshop = await openWorkshop(gusp, 5);
    const amina = person({ name: 'Amina', email: 'amina@example.org' });
    unwrap(await gusp.walks.register(walk.id, amina));
    unwrap(await gusp.workshops.register(workshop.id, amina));
    const onWalk = assertRefused(await gusp.walks.register(walk.id, amina), 'registration.duplicate-email');
    const onWorkshop = assertRefused(await gusp.workshops.register(workshop.id, amina), 'registration.duplicate-email');
    assert.equal(onWalk.message, 'Cette adresse e-mail est déjà inscrite à ce diagnostic.');
    assert.equal(onWorkshop.message, 'Cette adresse e-mail est déjà inscrite à cet atelier.');
    const inEnglish = assertRefused(
      await gusp.workshops.register(workshop.id, amina, { locale: 'en' }),
      'registration.duplicate-email',
      'en',
    );
    assert.equal(inEnglish.message, 'This email address is already registered for this workshop.');
  });

  it('waitlists past a workshop’s capacity and promotes first come, first served, as on a walk', async () => {
    const { gusp } = setup();
    const workshop = await openWorkshop(gusp, 1);
    const first = unwrap(await gusp.workshops.register(workshop.id, person({ name: 'Amina' })));
    const second = unwrap(await gusp.workshops.register(workshop.id, person({ name: 'Bruno' })));
    const third = unwrap(await gusp.workshops.register(workshop.id, person({ name: 'Chloé' })));
    assert.deepEqual([first.status, second.status, second.position, third.position], ['confirmed', 'waitlisted', 1, 2]);
    unwrap(await gusp.workshops.cancelRegistration(workshop.id, first.registration.id, { token: first.registration.cancelToken }));
    const agg = unwrap(await gusp.workshops.get(workshop.id));
    assert.deepEqual(
      agg.registrations.map((r) => [r.name, r.status]),
      [
        ['Amina', 'cancelled'],
        ['Bruno', 'confirmed'],
        ['Chloé', 'waitlisted'],
      ],
    );
  });
});
