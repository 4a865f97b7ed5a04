// SPDX-License-Identifier: EUPL-1.2
/**
 * The read models' follower (src/read/read-models.ts) on both databases, with a projection of the
 * test's own (every stream's version and event types): it catches up on what was appended, hands a
 * projection each changed stream's whole history, rebuilds to the same rows, rebuilds by itself when
 * the projections' version changes, and never loses an append under concurrent reads.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { valence, type DomainEvent, type StoredEvent } from '@gusp/core';
import type { Database } from '../src/db.js';
import { openReadModels, type ReadModels } from '../src/read/read-models.js';
import type { Projection } from '../src/read/projection.js';
import { journalByStream, sqlStore } from '../src/store/sql-store.js';
import { onBothDatabases } from './postgres-cluster.js';

/** A stream per `test-` name: its version and its event types, as the follower handed them. */
function testProjection(calls: string[][]): Projection {
  return {
    name: 'test',
    prefix: 'test-',
    tables: ['read_test'],
    async apply(tx, streams) {
      calls.push([...streams.keys()].sort());
      for (const [stream, events] of streams) {
        // A stream whose last event is `gone` folds to nothing: its row goes.
        if ((events.at(-1)?.type as string | undefined) === 'gone') {
          await tx.query('DELETE FROM read_test WHERE stream = $1', [stream]);
          continue;
        }
        const versions = events.map((e) => e.version);
        assert.deepEqual(
          versions,
          versions.map((_, i) => i + 1),
          `the whole history of ${stream}, in order`,
        );
        await tx.query(
          `INSERT INTO read_test (stream, version, types) VALUES ($1, $2, $3)
           ON CONFLICT (stream) DO UPDATE SET version = excluded.version, types = excluded.types`,
          [stream, events.length, events.map((e) => e.type).join(',')],
        );
      }
    },
  };
}

const event = (type: string): DomainEvent => ({ type, at: '2026-12-02T10:00:00+01:00', data: {} }) as unknown as DomainEvent;

const rows = async (db: Database) =>
  (await db.sql.query<{ stream: string; version: number; types: string }>('SELECT stream, version, types FROM read_test ORDER BY stream'))
    .rows;

/** What the projection must hold: every `test-` stream's fold, from the journal itself. */
async function expected(db: Database) {
  const all = await sqlStore(db.sql).readAll({ prefix: 'test-' });
  const streams = new Map<string, StoredEvent[]>();
  for (const e of all) streams.set(e.stream, [...(streams.get(e.stream) ?? []), e]);
  return [...streams]
    .filter(([, events]) => (events.at(-1)?.type as string | undefined) !== 'gone')
    .map(([stream, events]) => ({ stream, version: events.length, types: events.map((e) => e.type).join(',') }))
    .sort((a, b) => (a.stream < b.stream ? -1 : 1));
}

onBothDatabases((name, open, skip) => {
  describe(`read models follower (${name})`, { skip }, () => {
    let db: Database;
    let models: ReadModels | undefined;
    const calls: string[][] = [];
    before(async () => {
      db = await open();
      await db.sql.exec('CREATE TABLE IF NOT EXISTS read_test (stream text PRIMARY KEY, version integer NOT NULL, types text NOT NULL)');
    });
    after(async () => {
      await models?.close();
      await db.sql.exec('DROP TABLE IF EXISTS read_test');
      await db.close();
    });
    const store = () => sqlStore(db.sql);

    test('a new database is built from its journal, then follows each append', async () => {
      await store().append('test-a', 0, [event('one'), event('two')]);
      await store().append('other-x', 0, [event('one')]);
      models = await openReadModels(db.sql, { city: valence, projections: [testProjection(calls)] });
      assert.deepEqual(await rows(db), await expected(db));
      assert.equal((await rows(db)).length, 1, 'streams of other prefixes are not handed to the projection');

      calls.length = 0;
      await store().append('test-b', 0, [event('one')]);
      await store().append('test-a', 2, [event('three')]);
      await models.caughtUp();
      assert.deepEqual(calls, [['test-a', 'test-b']], 'one catch-up, the changed streams only');
      assert.deepEqual(await rows(db), await expected(db));
      assert.equal((await rows(db)).find((r) => r.stream === 'test-a')?.types, 'one,two,three');

      calls.length = 0;
      await models.caughtUp();
      assert.deepEqual(calls, [], 'nothing appended: nothing applied');
    });

    test('a stream that folds to nothing leaves no row', async () => {
      await store().append('test-b', 1, [event('gone')]);
      await models?.caughtUp();
      assert.equal(
        (await rows(db)).find((r) => r.stream === 'test-b'),
        undefined,
      );
      assert.deepEqual(await rows(db), await expected(db));
    });

    test('concurrent reads and appends: every read sees what was appended before it', async () => {
      const m = models as ReadModels;
      await Promise.all(
        Array.from({ length: 30 }, async (_, i) => {
          const stream = `test-c${i % 5}`;
          for (;;) {
            const { version } = await store().read(stream);
            const appended = await store().append(stream, version, [event(`e${i}`)]);
            if (appended.ok) break;
          }
          await m.caughtUp();
          const row = (await rows(db)).find((r) => r.stream === stream);
          assert.ok(row?.types.includes(`e${i}`), `${stream} holds e${i} once its writer reads`);
        }),
      );
      assert.deepEqual(await rows(db), await expected(db));
    });

    test('a rebuild writes the same rows, and counts what it read', async () => {
      const m = models as ReadModels;
      const before = await rows(db);
      await db.sql.query("UPDATE read_test SET types = 'tampered'");
      const report = await m.rebuild();
      assert.deepEqual(await rows(db), before);
      const journal = await store().readAll();
      assert.equal(report.events, journal.length);
      assert.equal(report.streams, new Set(journal.map((e) => e.stream)).size);
    });

    test('projections of another version are rebuilt when the server opens them', async () => {
      await models?.close();
      await db.sql.query("UPDATE read_models SET version = -1, rebuilt_at = NULL WHERE name = 'journal'");
      await db.sql.query('DELETE FROM read_test');
      models = await openReadModels(db.sql, { city: valence, projections: [testProjection(calls)] });
      assert.deepEqual(await rows(db), await expected(db));
      const mark = (
        await db.sql.query<{ rebuilt: boolean }>("SELECT rebuilt_at IS NOT NULL AS rebuilt FROM read_models WHERE name = 'journal'")
      ).rows[0];
      assert.equal(mark?.rebuilt, true);
    });

    test('the journal read stream by stream gives each stream whole, across round trips', async () => {
      const seen = new Map<string, number[]>();
      let chunks = 0;
      for await (const chunk of journalByStream(db.sql, Number.MAX_SAFE_INTEGER, 3)) {
        chunks++;
        for (const [stream, events] of chunk) {
          assert.equal(seen.has(stream), false, `${stream} is handed out once`);
          seen.set(
            stream,
            events.map((e) => e.version),
          );
        }
      }
      const journal = await store().readAll();
      assert.ok(chunks > 1, 'several chunks');
      assert.equal(
        [...seen.values()].reduce((n, v) => n + v.length, 0),
        journal.length,
      );
      for (const versions of seen.values())
        assert.deepEqual(
          versions,
          versions.map((_, i) => i + 1),
        );
    });
  });
});
