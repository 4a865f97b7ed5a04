// SPDX-License-Identifier: EUPL-1.2
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DomainEvent, WalkPublished, WalkStarted } from '../events.js';
import { memoryStore } from './memory-store.js';

const published: WalkPublished = { type: 'WalkPublished', at: '2026-03-01T10:00:00+01:00', data: {} };
const started: WalkStarted = { type: 'WalkStarted', at: '2026-03-14T09:00:00+01:00', data: {} };
const two: DomainEvent[] = [published, started];

describe('memoryStore()', () => {
  it('appends at the expected version and numbers events per stream and globally', async () => {
    const store = memoryStore();
    const a = await store.append('walk-a', 0, two);
    assert.equal(a.ok, true);
    if (!a.ok) return;
    assert.equal(a.version, 2);
    assert.deepEqual(
      a.events.map((e) => [e.stream, e.version, e.position, e.type]),
      [
        ['walk-a', 1, 1, 'WalkPublished'],
        ['walk-a', 2, 2, 'WalkStarted'],
      ],
    );
    const b = await store.append('walk-b', 0, [published]);
    assert.ok(b.ok);
    assert.equal(b.events[0]?.version, 1);
    assert.equal(b.events[0]?.position, 3);
  });

  it('refuses an append at a stale expected version with conflict and the current version', async () => {
    const store = memoryStore();
    await store.append('walk-a', 0, two);
    assert.deepEqual(await store.append('walk-a', 1, [published]), { ok: false, reason: 'conflict', version: 2 });
    assert.deepEqual(await store.append('walk-a', 0, [published]), { ok: false, reason: 'conflict', version: 2 });
    assert.deepEqual(await store.append('walk-new', 3, [published]), { ok: false, reason: 'conflict', version: 0 });
    assert.equal((await store.read('walk-a')).events.length, 2, 'a refused append writes nothing');
  });

  it('of two appends that read the same version, lets exactly one through', async () => {
    const store = memoryStore();
    const results = await Promise.all([store.append('walk-a', 0, [published]), store.append('walk-a', 0, [started])]);
    assert.deepEqual(
      results.map((r) => r.ok),
      [true, false],
    );
    assert.equal((await store.read('walk-a')).version, 1);
  });

  it('refuses the same client id twice with duplicate and hands back the first events', async () => {
    const store = memoryStore();
    const first = await store.append('walk-a', 0, two, { clientId: 'phone-42' });
    assert.ok(first.ok);
    const again = await store.append('walk-a', 2, [published], { clientId: 'phone-42' });
    assert.deepEqual(again, { ok: false, reason: 'duplicate', events: first.events });
    // Even on another stream or at a stale version: the client id decides first.
    const elsewhere = await store.append('walk-b', 0, [published], { clientId: 'phone-42' });
    assert.deepEqual(elsewhere, { ok: false, reason: 'duplicate', events: first.events });
    assert.deepEqual(await store.findByClientId('phone-42'), first.events);
    assert.equal(await store.findByClientId('phone-43'), undefined);
    assert.equal((await store.readAll()).length, 2);
  });

  it('records the client id on each event it appended', async () => {
    const store = memoryStore();
    const r = await store.append('walk-a', 0, two, { clientId: 'c-1' });
    assert.ok(r.ok);
    assert.deepEqual(
      r.events.map((e) => e.clientId),
      ['c-1', 'c-1'],
    );
  });

  it('reads a stream from a version, and an empty stream as version 0', async () => {
    const store = memoryStore();
    await store.append('walk-a', 0, two);
    assert.deepEqual(
      (await store.read('walk-a', 1)).events.map((e) => e.type),
      ['WalkStarted'],
    );
    assert.equal((await store.read('walk-a', 1)).version, 2);
    assert.deepEqual(await store.read('walk-nothing'), { version: 0, events: [] });
  });

  it('reads everything in global order, by stream prefix and after a position', async () => {
    const store = memoryStore();
    await store.append('walk-a', 0, [published]);
    await store.append('observation-x', 0, [published]);
    await store.append('walk-a', 1, [started]);
    assert.deepEqual(
      (await store.readAll()).map((e) => [e.stream, e.position]),
      [
        ['walk-a', 1],
        ['observation-x', 2],
        ['walk-a', 3],
      ],
    );
    assert.deepEqual(
      (await store.readAll({ prefix: 'walk-' })).map((e) => e.position),
      [1, 3],
    );
    assert.deepEqual(
      (await store.readAll({ afterPosition: 1 })).map((e) => e.position),
      [2, 3],
    );
  });

  it('starts from given events, keeping their streams, versions and client ids', async () => {
    const source = memoryStore();
    await source.append('walk-a', 0, two, { clientId: 'c-1' });
    const copy = memoryStore(await source.readAll());
    assert.deepEqual(await copy.readAll(), await source.readAll());
    assert.equal((await copy.append('walk-a', 1, [published])).ok, false);
    assert.equal((await copy.append('walk-a', 2, [published], { clientId: 'c-1' })).ok, false);
    const next = await copy.append('walk-a', 2, [published]);
    assert.ok(next.ok);
    assert.equal(next.events[0]?.position, 3);
  });

  it('does not let a caller change what it appended by mutating the array it passed', async () => {
    const store = memoryStore();
    const events: DomainEvent[] = [published];
    await store.append('walk-a', 0, events);
    events.push(started);
    assert.equal((await store.read('walk-a')).events.length, 1);
  });
});
