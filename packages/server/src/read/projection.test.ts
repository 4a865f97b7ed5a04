// SPDX-License-Identifier: EUPL-1.2
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createGusp, evolveWalk, foldWalk, memoryStore, valence, type StoredEvent, type WalkEvent } from '@gusp/core';
import { continuedFold } from './projection.js';

/** A walk's whole history through the core: sign-ups past capacity, a cancellation (a promotion follows), check-ins, the end. */
async function walkHistory(): Promise<readonly StoredEvent[]> {
  const store = memoryStore();
  let clock = Date.parse('2026-03-02T09:00:00Z');
  const gusp = createGusp({ city: valence, store, now: () => new Date(clock) });
  const startsAt = '2026-03-20T14:00:00+01:00';
  const scheduled = await gusp.walks.schedule({ quartierId: 'le-plan', startsAt, capacity: 5, meetingPoint: { label: 'Parvis' } });
  assert.ok(scheduled.ok);
  const id = scheduled.value.id;
  assert.ok((await gusp.walks.publish(id)).ok);
  const people: { id: string; token: string }[] = [];
  for (let i = 0; i < 9; i++) {
    const r = await gusp.walks.register(id, { name: `Habitante ${i}`, email: `h${i}@example.org`, consent: true });
    assert.ok(r.ok);
    people.push({ id: r.value.registration.id, token: r.value.registration.cancelToken });
  }
  assert.ok((await gusp.walks.cancelRegistration(id, people[1]!.id, { token: people[1]!.token })).ok);
  clock = Date.parse(startsAt) - 10 * 60_000;
  assert.ok((await gusp.walks.start(id)).ok);
  for (const p of people.slice(2, 5)) assert.ok((await gusp.walks.checkIn(id, p.id)).ok);
  clock = Date.parse(startsAt) + 3 * 3_600_000;
  assert.ok((await gusp.walks.finish(id)).ok);
  return store.readAll({ prefix: 'walk-' });
}

test('continuedFold: a history extended in place folds to what the whole fold gives, at every length', async () => {
  const history = (await walkHistory()) as unknown as readonly WalkEvent[];
  assert.ok(
    history.some((e) => e.type === 'ParticipantPromoted'),
    'the cancellation promoted someone',
  );
  const fold = continuedFold(evolveWalk);
  const kept: WalkEvent[] = [];
  // Grown by 1, 2, 3… events at a time, as catch-ups would: each answer is the whole fold's.
  for (let step = 1; kept.length < history.length; step++) {
    kept.push(...history.slice(kept.length, kept.length + step));
    assert.deepEqual(fold(kept), foldWalk(kept), `after ${kept.length} events`);
    // Handed the same array again with nothing new: the same state.
    assert.deepEqual(fold(kept), foldWalk(kept));
  }
  // A history it never saw (a rebuild's) is folded from the start, not from another array's state.
  const prefix = history.slice(0, 4);
  assert.deepEqual(fold(prefix), foldWalk(prefix));
  assert.equal(fold([]), undefined);
});

test('continuedFold: the evolve function runs only on the events added since the last call', async () => {
  const history = (await walkHistory()) as unknown as readonly WalkEvent[];
  let evolved = 0;
  const fold = continuedFold((state: ReturnType<typeof evolveWalk> | undefined, event: WalkEvent) => {
    evolved++;
    return evolveWalk(state, event);
  });
  const kept = history.slice(0, 10);
  fold(kept);
  assert.equal(evolved, 10);
  kept.push(...history.slice(10, 13));
  fold(kept);
  assert.equal(evolved, 13, 'three new events, three evolutions');
});
