// SPDX-License-Identifier: EUPL-1.2
/**
 * The walk's registration guarantees, on a workshop (fast-check): whatever the sequence of sign-ups,
 * cancellations and removals, some of them concurrent, no pool is overbooked, nobody waits while a seat
 * of their pool is free, a freed seat goes to the first in line (FIFO), and the journal replays into
 * the state the service answers.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { isInstitutional } from '../actor.js';
import type { WorkshopEvent } from '../events.js';
import { foldWorkshop } from '../workshop/workshop.fold.js';
import { person, setup, unwrap } from './service.test-helpers.js';

const runs = (n: number) => Number(process.env.FC_NUM_RUNS) || n;

type Op =
  | { readonly kind: 'register'; readonly institutional: boolean; readonly together: number }
  | { readonly kind: 'cancel' | 'remove'; readonly pick: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('register' as const), institutional: fc.boolean(), together: fc.integer({ min: 1, max: 4 }) }),
  fc.record({ kind: fc.constantFrom('cancel' as const, 'remove' as const), pick: fc.nat() }),
);

describe('workshops: the registration guarantees of a walk, under random sequences', () => {
  it('never overbooks, never keeps anyone waiting beside a free seat, promotes first come first served', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 4 }),
        fc.option(fc.integer({ min: 0, max: 2 }), { nil: undefined }),
        fc.array(opArb, { minLength: 1, maxLength: 25 }),
        async (capacity, institutionalSeats, ops) => {
          const { gusp, store } = setup();
          const project = unwrap(
            await gusp.projects.create({ quartierId: 'le-plan', title: 'Les Bleuets', site: { label: 'Les Bleuets' }, landlordId: 'oph' }),
          );
          unwrap(await gusp.projects.announce(project.id));
          const w = unwrap(
            await gusp.workshops.schedule(project.id, {
              title: 'Atelier',
              startsAt: '2026-03-14T14:00:00+01:00',
              place: { label: 'Local des habitants' },
              capacity,
              ...(institutionalSeats === undefined ? {} : { institutionalSeats }),
            }),
          );
          unwrap(await gusp.workshops.publish(w.id));
          for (const op of ops) {
            const agg = unwrap(await gusp.workshops.get(w.id));
            if (op.kind === 'register') {
              const role = op.institutional ? 'elected' : 'resident';
              await Promise.all(Array.from({ length: op.together }, () => gusp.workshops.register(w.id, person({ role }))));
            } else {
              const live = agg.registrations.filter((r) => r.status === 'confirmed' || r.status === 'waitlisted');
              const r = live[op.pick % Math.max(1, live.length)];
              if (!r) continue;
              if (op.kind === 'cancel') unwrap(await gusp.workshops.cancelRegistration(w.id, r.id, { token: r.cancelToken }));
              else unwrap(await gusp.workshops.removeRegistration(w.id, r.id, { reason: 'Inscrite deux fois' }));
            }
            const now = unwrap(await gusp.workshops.get(w.id));
            const events = (await store.read(`workshop-${w.id}`)).events as unknown as WorkshopEvent[];
            assert.deepEqual(foldWorkshop(events), now, 'the journal replays into the state answered');
            const promoted = new Set(events.filter((e) => e.type === 'ParticipantPromoted').map((e) => e.data.registrationId));
            for (const [institutional, limit] of [
              [false, capacity],
              [true, institutionalSeats ?? Number.POSITIVE_INFINITY],
            ] as const) {
              const pool = now.registrations.filter((r) => isInstitutional(r.role) === institutional);
              const seated = pool.filter((r) => r.status === 'confirmed').length;
              const waiting = pool.filter((r) => r.status === 'waitlisted');
              assert.ok(seated <= limit, `${seated} seated for ${limit}`);
              assert.ok(waiting.length === 0 || seated === limit, `${waiting.length} waiting beside ${limit - seated} free seat(s)`);
              // FIFO: everyone promoted signed up before everyone still waiting.
              const order = (id: string) => pool.findIndex((r) => r.id === id);
              const lastPromoted = Math.max(-1, ...pool.filter((r) => promoted.has(r.id)).map((r) => order(r.id)));
              for (const r of waiting) assert.ok(order(r.id) > lastPromoted, 'a later sign-up was promoted before an earlier one');
            }
          }
        },
      ),
      { numRuns: runs(40) },
    );
  });
});
