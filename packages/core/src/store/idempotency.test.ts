// SPDX-License-Identifier: EUPL-1.2
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { valence } from '../city/valence.js';
import { createGusp } from '../service/create-gusp.js';
import { memoryStore } from './memory-store.js';

const setup = async (capacity = 10) => {
  const store = memoryStore();
  const gusp = createGusp({ city: valence, store, now: () => new Date('2026-06-01T10:00:00+02:00') });
  const w = await gusp.walks.schedule({
    quartierId: 'le-plan',
    startsAt: '2026-07-04T09:00:00+02:00',
    meetingPoint: { label: 'Les Bleuets' },
    capacity,
  });
  assert.ok(w.ok);
  assert.ok((await gusp.walks.publish(w.value.id)).ok);
  return { store, gusp, walkId: w.value.id };
};
const amina = { name: 'Amina', email: 'amina@example.org', consent: true } as const;
const paul = { name: 'Paul', email: 'paul@example.org', consent: true } as const;

describe('a client id is compared on the input it came with', () => {
  it('refuses the same id with another input on the same walk (store.client-id-reused), appends nothing and leaks nothing', async () => {
    const { store, gusp, walkId } = await setup();
    const first = await gusp.walks.register(walkId, amina, { clientId: 'key-1' });
    assert.ok(first.ok);
    const count = (await store.readAll()).length;
    const reused = await gusp.walks.register(walkId, paul, { clientId: 'key-1', locale: 'en' });
    assert.equal(!reused.ok && reused.error.code, 'store.client-id-reused');
    assert.doesNotMatch(JSON.stringify(reused), /amina|cancelToken|registration/i);
    assert.equal((await store.readAll()).length, count);
    // The same input, fields in another order, is the same request: the first outcome again.
    const again = await gusp.walks.register(
      walkId,
      { consent: true, email: 'amina@example.org', name: 'Amina' },
      { clientId: 'key-1', locale: 'en' },
    );
    assert.deepEqual(again, first);
  });

  it('refuses it also when the other input would be refused on the state (a full walk), instead of answering the first outcome', async () => {
    const { gusp, walkId } = await setup(1);
    assert.ok((await gusp.walks.register(walkId, amina, { clientId: 'key-2' })).ok);
    // Seats taken: `paul` would be waitlisted; as the same id he must not get Amina's seat and token either.
    const reused = await gusp.walks.register(walkId, paul, { clientId: 'key-2' });
    assert.equal(!reused.ok && reused.error.code, 'store.client-id-reused');
    assert.doesNotMatch(JSON.stringify(reused), /amina|cancelToken/i);
  });

  it('compares the options that are input too (a cancel token), not the language', async () => {
    const { gusp, walkId } = await setup();
    const seated = await gusp.walks.register(walkId, amina);
    assert.ok(seated.ok);
    const { id, cancelToken } = seated.value.registration;
    const cancelled = await gusp.walks.cancelRegistration(walkId, id, { clientId: 'cancel-1', token: cancelToken, locale: 'fr' });
    assert.ok(cancelled.ok);
    assert.deepEqual(
      await gusp.walks.cancelRegistration(walkId, id, { clientId: 'cancel-1', token: cancelToken, locale: 'en' }),
      cancelled,
    );
    const guessed = await gusp.walks.cancelRegistration(walkId, id, { clientId: 'cancel-1', token: 'guess' });
    assert.equal(!guessed.ok && guessed.error.code, 'store.client-id-reused');
    assert.doesNotMatch(JSON.stringify(guessed), new RegExp(cancelToken));
  });

  it('the memory store keeps the digest with the id and hands it back with a duplicate', async () => {
    const store = memoryStore();
    const event = { type: 'WalkPublished', at: '2026-06-01T10:00:00+02:00', data: {} } as never;
    assert.ok((await store.append('walk-x', 0, [event], { clientId: 'c', inputDigest: 'd1' })).ok);
    const twice = await store.append('walk-x', 1, [event], { clientId: 'c', inputDigest: 'd2' });
    assert.deepEqual(!twice.ok && twice.reason === 'duplicate' && [twice.events.length, twice.inputDigest], [1, 'd1']);
    assert.equal(await store.inputDigestOf?.('c'), 'd1');
  });
});
