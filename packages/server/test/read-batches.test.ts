// SPDX-License-Identifier: EUPL-1.2
/**
 * The exports' reading, below HTTP (issue 12): keyset batches of the observations' and
 * engagements' read models follow each other without a gap or a repeat, in either order and
 * under a limit, on both databases (the HTTP equivalence test's journals fit in one batch of
 * 500); a rebuild writes the same rows the follower wrote; and the streamed body reads its
 * batches one at a time, as the client takes them.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createGusp, instant, valence, type Engagement, type Gusp, type Observation, type Result } from '@gusp/core';
import type { Database } from '../src/db.js';
import { engagementBatches } from '../src/read/engagements.js';
import { listPieces, textStream } from '../src/read/export-stream.js';
import { observationBatches, type PublicObservation } from '../src/read/observations.js';
import { openReadModels, type ReadModels } from '../src/read/read-models.js';
import { sqlStore } from '../src/store/sql-store.js';
import { onBothDatabases } from './postgres-cluster.js';

const must = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
};

const collect = async <T>(batches: AsyncIterable<readonly T[]>) => {
  const sizes: number[] = [];
  const items: T[] = [];
  for await (const batch of batches) {
    sizes.push(batch.length);
    items.push(...batch);
  }
  return { sizes, items };
};

const byKey = (at: (x: never) => string) => (a: { id: string }, b: { id: string }) =>
  instant(at(a as never)) - instant(at(b as never)) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

onBothDatabases((name, open, skip) => {
  describe(`read model batches on ${name} (issue 12)`, { skip }, () => {
    let db: Database;
    let models: ReadModels;
    let gusp: Gusp;
    let clock = Date.parse('2025-03-30T00:30:00Z');
    before(async () => {
      db = await open();
      models = await openReadModels(db.sql, { city: valence });
      gusp = createGusp({ city: valence, store: sqlStore(db.sql), now: () => new Date(clock) });
      const ids: string[] = [];
      // Eleven observations, three of them at one instant (their order is the id's).
      for (let i = 0; i < 11; i++) {
        if (i % 4 !== 1) clock += 3_600_000;
        const o = must(
          await gusp.observations.record({
            quartierId: 'le-plan',
            polarity: i % 2 === 0 ? 'problem' : 'positive',
            themeId: 'voirie',
            description: `Constat ${i}`,
            address: 'Rue Bizet',
            reporter: { email: `habitant${i}@example.org`, consent: true },
          }),
        );
        ids.push(o.id);
      }
      for (let i = 0; i < 7; i++) {
        if (i % 3 !== 1) clock += 86_400_000;
        must(await gusp.engagements.propose({ title: `Engagement ${i}`, quartierId: 'le-plan', observationIds: ids.slice(i, i + 2) }));
      }
      await models.caughtUp();
    });
    after(async () => {
      await models.close();
      await db.close();
    });

    test('observations: batches of 3 are the whole list, oldest or newest first, and a limit stops them', async () => {
      const all = (await gusp.observations.list()).map(({ reporter: _, ...o }): PublicObservation => o);
      const oldest = [...all].sort(byKey((o: Observation) => o.recordedAt));
      const read = await collect(observationBatches(db.sql, () => [], 'oldest', { size: 3, first: 1 }));
      assert.deepEqual(read.sizes, [1, 3, 3, 3, 1]);
      assert.deepEqual(read.items, oldest);
      assert.ok(
        read.items.every((o) => !('reporter' in o)),
        'no reporter’s contact in the read model',
      );
      const newest = await collect(observationBatches(db.sql, () => [], 'newest', { size: 3 }));
      assert.deepEqual(newest.items, [...oldest].reverse());
      const limited = await collect(
        observationBatches(db.sql, (p) => [`polarity = ${p.bind('problem')}`], 'newest', { size: 2, limit: 5 }),
      );
      assert.deepEqual(limited.sizes, [2, 2, 1]);
      assert.deepEqual(
        limited.items,
        [...oldest]
          .reverse()
          .filter((o) => o.polarity === 'problem')
          .slice(0, 5),
      );
    });

    test('engagements: batches of 2 are the whole list, in either order', async () => {
      const oldest = [...(await gusp.engagements.list())].sort(byKey((e: Engagement) => e.proposedAt));
      const read = await collect(engagementBatches(db.sql, () => [], 'oldest', 2, 1));
      assert.deepEqual(read.sizes, [1, 2, 2, 2]);
      assert.deepEqual(read.items, oldest);
      assert.deepEqual((await collect(engagementBatches(db.sql, () => [], 'newest', 2))).items, [...oldest].reverse());
    });

    test('a rebuild writes the rows the follower wrote', async () => {
      const rows = async () => ({
        observations: (await db.sql.query('SELECT * FROM read_observations ORDER BY id')).rows,
        engagements: (await db.sql.query('SELECT * FROM read_engagements ORDER BY id')).rows,
      });
      const followed = await rows();
      assert.equal(followed.observations.length, 11);
      await models.rebuild();
      assert.deepEqual(await rows(), followed);
    });
  });
});

describe('streamed export bodies', () => {
  const text = { head: '[', separator: ',', tail: ']', empty: '<none/>' };
  async function* batches(pulled: number[], count: number) {
    try {
      for (let i = 0; i < count; i++) {
        pulled.push(i);
        yield [`${i}a`, `${i}b`];
      }
    } finally {
      pulled.push(-1);
    }
  }

  test('the first batch is read before the body starts, the next ones as the client reads', async () => {
    const pulled: number[] = [];
    const body = await textStream(listPieces(batches(pulled, 3), text, (b) => b));
    assert.deepEqual(pulled, [0], 'only the first batch, with the head');
    const reader = body.getReader();
    const first = await reader.read();
    assert.equal(new TextDecoder().decode(first.value), '[0a,0b');
    assert.ok(pulled.length <= 2 && !pulled.includes(2), `at most one batch read ahead of the client: ${pulled.join(',')}`);
    let rest = '';
    for (let r = await reader.read(); !r.done; r = await reader.read()) rest += new TextDecoder().decode(r.value);
    assert.equal(rest, ',1a,1b,2a,2b]');
    assert.deepEqual(pulled, [0, 1, 2, -1]);
  });

  test('a list without items is its empty form; a client that goes away stops the reading', async () => {
    assert.equal(await new Response(await textStream(listPieces(batches([], 0), text, (b) => b))).text(), '<none/>');
    assert.equal(
      await new Response(await textStream(listPieces(batches([], 0), { head: '{', separator: ',', tail: '}' }, (b) => b))).text(),
      '{}',
    );
    const pulled: number[] = [];
    const body = await textStream(listPieces(batches(pulled, 1_000), text, (b) => b));
    await body.cancel();
    assert.deepEqual(pulled, [0, -1], 'the generator was closed after the first batch');
  });
});
