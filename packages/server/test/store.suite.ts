// SPDX-License-Identifier: EUPL-1.2
/** The SQL store against the core's `Store` contract (as `memoryStore` behaves), on every backend. */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { DomainEvent } from '@gusp/core';
import type { Database } from '../src/db.js';
import { loadMigrations, migrate } from '../src/store/migrate.js';
import { deleteKeys, shredDeletedKeys } from '../src/store/personal-keys.js';
import { committedPosition, sqlStore } from '../src/store/sql-store.js';
import type { Backend } from './harness.js';

const ev = (n: number): DomainEvent => ({ type: 'WalkPublished', at: `2026-03-0${n % 9}T09:00:00+01:00`, data: {} });

export function storeSuite(backend: Backend): void {
  describe(`SQL store on ${backend.name}`, () => {
    let db: Database;
    let stream = 0;
    const fresh = (prefix = 'test-') => `${prefix}${backend.name}-${++stream}-${Math.random().toString(36).slice(2, 8)}`;

    before(async () => {
      db = await backend.open();
    });
    after(async () => {
      await db?.close();
    });

    test('migrations are recorded and applying them again does nothing', async () => {
      assert.deepEqual(await migrate(db.sql), []);
      const { rows } = await db.sql.query('SELECT version, name FROM gusp_migrations ORDER BY version');
      assert.deepEqual(
        rows,
        loadMigrations().map(({ version, name }) => ({ version, name })),
      );
      assert.deepEqual(rows.slice(0, 2), [
        { version: 1, name: 'journal' },
        { version: 2, name: 'staff_tokens' },
      ]);
    });

    test('reads back what was appended, with versions, positions and the client id', async () => {
      const store = sqlStore(db.sql);
      const s = fresh();
      assert.deepEqual(await store.read(s), { version: 0, events: [] });
      const a = await store.append(s, 0, [ev(1), ev(2)], { clientId: `c-${s}` });
      assert.ok(a.ok);
      assert.equal(a.version, 2);
      assert.deepEqual(
        a.events.map((e) => [e.stream, e.version, e.clientId]),
        [
          [s, 1, `c-${s}`],
          [s, 2, `c-${s}`],
        ],
      );
      assert.equal((a.events[1]?.position ?? 0) - (a.events[0]?.position ?? 0), 1);
      const slice = await store.read(s);
      assert.equal(slice.version, 2);
      assert.deepEqual(slice.events, a.events);
      assert.deepEqual(slice.events[0] && { type: slice.events[0].type, at: slice.events[0].at, data: slice.events[0].data }, ev(1));
      const after1 = await store.read(s, 1);
      assert.deepEqual([after1.version, after1.events.map((e) => e.version)], [2, [2]]);
      const after2 = await store.read(s, 2);
      assert.deepEqual([after2.version, after2.events], [2, []]);
      assert.deepEqual(await store.findByClientId(`c-${s}`), a.events);
      assert.equal(await store.findByClientId('never-used'), undefined);
    });

    test('an append at a stale version is a conflict; a client id applied twice is a duplicate', async () => {
      const store = sqlStore(db.sql);
      const s = fresh();
      const first = await store.append(s, 0, [ev(1)], { clientId: `k-${s}` });
      assert.ok(first.ok);
      assert.deepEqual(await store.append(s, 0, [ev(2)]), { ok: false, reason: 'conflict', version: 1 });
      const dup = await store.append(fresh(), 0, [ev(3)], { clientId: `k-${s}` });
      assert.deepEqual(dup, { ok: false, reason: 'duplicate', events: first.events });
      const empty = await store.append(s, 1, [], { clientId: `empty-${s}` });
      assert.deepEqual(empty, { ok: true, version: 1, events: [] });
      assert.equal(await store.findByClientId(`empty-${s}`), undefined);
    });

    test('readAll keeps global order and filters by prefix and position', async () => {
      const store = sqlStore(db.sql);
      const prefix = fresh('ra-');
      const a = await store.append(`${prefix}-a`, 0, [ev(1)]);
      const b = await store.append(`${prefix}-b`, 0, [ev(2)]);
      const c = await store.append(`other-${prefix}`, 0, [ev(3)]);
      assert.ok(a.ok && b.ok && c.ok);
      const mine = await store.readAll({ prefix });
      assert.deepEqual(
        mine.map((e) => e.stream),
        [`${prefix}-a`, `${prefix}-b`],
      );
      const later = await store.readAll({ afterPosition: a.events[0]?.position ?? 0 });
      assert.deepEqual(
        later.slice(0, 2).map((e) => e.stream),
        [`${prefix}-b`, `other-${prefix}`],
      );
      const all = await store.readAll();
      const positions = all.map((e) => e.position);
      assert.deepEqual(
        positions,
        [...positions].sort((x, y) => x - y),
      );
      // Positions come from one sequence: unique and growing; a refused (rolled-back) append,
      // such as the stale one of the test before, leaves a gap, which followers do not mind.
      assert.equal(new Set(positions).size, positions.length);
      assert.ok(positions.every((p, i) => i === 0 || p > (positions[i - 1] as number)));
    });

    test('of 30 appends at the same version at once, exactly one wins', async () => {
      const store = sqlStore(db.sql);
      const s = fresh();
      const results = await Promise.all(Array.from({ length: 30 }, (_, i) => store.append(s, 0, [ev(i)])));
      assert.equal(results.filter((r) => r.ok).length, 1);
      assert.ok(results.every((r) => r.ok || r.reason === 'conflict'));
      assert.equal((await store.read(s)).version, 1);
    });

    test('20 appends with one client id at once, on different streams: applied once', async () => {
      const store = sqlStore(db.sql);
      const key = fresh('key-');
      const results = await Promise.all(Array.from({ length: 20 }, () => store.append(fresh(), 0, [ev(1)], { clientId: key })));
      const winners = results.filter((r) => r.ok);
      assert.equal(winners.length, 1);
      const applied = winners[0]?.ok ? winners[0].events : [];
      for (const r of results) if (!r.ok) assert.deepEqual(r, { ok: false, reason: 'duplicate', events: applied });
    });

    test('a client id keeps the digest of its input and hands it back with a duplicate, also to 20 at once', async () => {
      const store = sqlStore(db.sql);
      const key = fresh('digest-');
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) => store.append(fresh(), 0, [ev(1)], { clientId: key, inputDigest: `digest-${i}` })),
      );
      const won = results.findIndex((r) => r.ok);
      const winner = results[won];
      assert.ok(winner?.ok && results.filter((r) => r.ok).length === 1);
      for (const r of results) {
        if (!r.ok) assert.deepEqual(r, { ok: false, reason: 'duplicate', events: winner.events, inputDigest: `digest-${won}` });
      }
      assert.equal(await store.inputDigestOf?.(key), `digest-${won}`);
      // Without a digest (an id applied before digests were kept), a duplicate carries none.
      const plain = fresh('plain-');
      assert.ok((await store.append(fresh(), 0, [ev(1)], { clientId: plain })).ok);
      assert.deepEqual(await store.append(fresh(), 0, [ev(1)], { clientId: plain, inputDigest: 'x' }), {
        ok: false,
        reason: 'duplicate',
        events: (await store.findByClientId(plain)) ?? [],
      });
      assert.equal(await store.inputDigestOf?.(plain), undefined);
    });

    test('the journal is append-only: UPDATE and DELETE are refused', async () => {
      const store = sqlStore(db.sql);
      const s = fresh();
      assert.ok((await store.append(s, 0, [ev(1)])).ok);
      await assert.rejects(db.sql.query(`UPDATE events SET type = 'X' WHERE stream = $1`, [s]), /append-only/);
      await assert.rejects(db.sql.query('DELETE FROM events WHERE stream = $1', [s]), /append-only/);
    });

    test('the redaction exception of migration 003 is gone: even a transaction that says it redacts cannot update', async () => {
      const store = sqlStore(db.sql);
      const s = fresh();
      assert.ok((await store.append(s, 0, [ev(1)])).ok);
      await assert.rejects(
        db.sql.transaction(async (tx) => {
          await tx.query(`SELECT set_config('gusp.redacting', 'on', true)`);
          await tx.query(`UPDATE events SET data = '{}'::json WHERE stream = $1`, [s]);
        }),
        /append-only/,
      );
    });

    test('personal fields are sealed before they reach the table, read back whole, and read forgotten once their key is deleted', async () => {
      const store = sqlStore(db.sql);
      // Not a `walk-` stream: on PostgreSQL the suites share one database, and later ones list every walk.
      const s = fresh('sealed-');
      const id = `reg-${s}`;
      const registration = {
        id,
        walkId: s,
        name: 'Odile Sealed-Name',
        email: 'odile.sealed@example.org',
        phone: '06 55 44 33 22',
        role: 'resident',
        needs: ['wheelchair'],
        needsNote: 'Rampe',
        locale: 'fr',
        consent: { version: 'v1', at: '2026-03-01T09:00:00+01:00' },
        status: 'confirmed',
        cancelToken: 'tok-sealed-123',
        registeredAt: '2026-03-01T09:00:00+01:00',
        updatedAt: '2026-03-01T09:00:00+01:00',
      };
      const registered = {
        type: 'ParticipantRegistered',
        at: '2026-03-01T09:00:00+01:00',
        data: { registration },
      } as unknown as DomainEvent;
      const removed = {
        type: 'RegistrationRemoved',
        at: '2026-03-01T10:00:00+01:00',
        data: { registrationId: id, reason: 'Odile asked twice' },
      } as unknown as DomainEvent;
      const a = await store.append(s, 0, [ev(1), registered]);
      assert.ok(a.ok);
      assert.ok((await store.append(s, 2, [removed])).ok);
      const raw = (
        await db.sql.query<{ data: string; key_id: string | null }>(
          'SELECT data::text AS data, key_id FROM events WHERE stream = $1 ORDER BY version',
          [s],
        )
      ).rows;
      for (const secret of ['Odile', 'odile.sealed', '06 55 44', 'wheelchair', 'Rampe', 'tok-sealed-123'])
        assert.ok(
          !raw
            .map((r) => r.data)
            .join('')
            .includes(secret),
          `the table holds ${secret}`,
        );
      assert.deepEqual(
        raw.map((r) => r.key_id),
        [null, `registration:${id}`, `registration:${id}`],
        "the removal is sealed with its registration's key",
      );
      const read = await store.read(s);
      assert.deepEqual(read.events[1]?.data, { registration });
      assert.deepEqual(read.events[2]?.data, { registrationId: id, reason: 'Odile asked twice' });
      assert.deepEqual(await store.readAll({ prefix: s }), read.events);

      assert.deepEqual(await deleteKeys(db.sql, [], 'ODILE.SEALED@example.org '), [`registration:${id}`], 'found by the address');
      await shredDeletedKeys(db.sql);
      const forgotten = await store.read(s);
      const { email: _e, phone: _p, needsNote: _n, ...rest } = registration;
      assert.deepEqual(forgotten.events[1]?.data, {
        registration: { ...rest, name: '', needs: [], cancelToken: '', anonymised: true },
      });
      assert.deepEqual(forgotten.events[2]?.data, { registrationId: id, reason: '' });
      // A removal appended once the key is gone is written forgotten: nothing to seal it with.
      const late = { ...removed, data: { registrationId: id, reason: 'Odile again' } } as unknown as DomainEvent;
      const l = await store.append(s, 3, [late]);
      assert.ok(l.ok);
      assert.deepEqual(l.events[0]?.data, { registrationId: id, reason: '' });
      assert.deepEqual((await store.read(s, 3)).events[0]?.data, { registrationId: id, reason: '' });
    });

    test(
      'a follower never steps over an append still in flight (the high-water mark waits for it)',
      { skip: backend.name === 'pglite' ? 'one session on PGlite: no append is ever in flight while another reads' : false },
      async () => {
        const store = sqlStore(db.sql);
        const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
        const start = await committedPosition(db.sql);
        let release!: () => void;
        const held = new Promise<void>((r) => (release = r));
        let slowPosition = 0;
        // An append that took its position, then is slow to commit (as append does: transaction id first).
        const slow = db.sql.transaction(async (tx) => {
          await tx.query('SELECT pg_current_xact_id()');
          const r = await tx.query<{ position: string }>(
            `INSERT INTO events (position, stream, version, type, at, data) VALUES (nextval('events_position_seq'), $1, 1, 'WalkPublished', '2026-03-01T09:00:00+01:00', '{}') RETURNING position`,
            [fresh('slow-')],
          );
          slowPosition = Number(r.rows[0]?.position);
          await held;
        });
        while (slowPosition === 0) await sleep(5);
        const fast = await store.append(fresh('fast-'), 0, [ev(1)]);
        assert.ok(fast.ok);
        const fastPosition = fast.events[0]?.position ?? 0;
        assert.ok(fastPosition > slowPosition, 'the later position commits first');
        const box: { read?: readonly { position: number }[] } = {};
        const reading = store.readAll({ afterPosition: start }).then((events) => (box.read = events));
        await sleep(150);
        assert.equal('read' in box, false, 'the follower waits while a lower position is in flight');
        release();
        await slow;
        await reading;
        const positions = (box.read ?? []).map((e) => e.position).filter((p) => p === slowPosition || p === fastPosition);
        assert.deepEqual(positions, [slowPosition, fastPosition], 'both, in position order: none skipped');
      },
    );

    test('a failed statement leaves the database usable', async () => {
      await assert.rejects(db.sql.query('SELECT 1 / $1::int AS x', [0]), /division by zero/);
      await assert.rejects(
        db.sql.transaction((tx) => tx.query('SELECT 1 / $1::int AS x', [0])),
        /division by zero/,
      );
      const { rows } = await db.sql.query<{ x: number }>('SELECT 1 / $1::int AS x', [1]);
      assert.deepEqual(rows, [{ x: 1 }]);
    });
  });
}
