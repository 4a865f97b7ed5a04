// SPDX-License-Identifier: EUPL-1.2
/**
 * Issue 10, finding 5 (the photo half): erasure reaches the photos. Erasing a person deletes the
 * photos of the observations they reported, the purge those of the observations it reaches, and a
 * running server deletes photos sent more than a day ago that no observation shows. Over real
 * HTTP, on PGlite and PostgreSQL, and checked in the photos table itself.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createToken } from '../src/auth.js';
import type { Database } from '../src/db.js';
import { purgePersonalData } from '../src/privacy.js';
import { startServer, type RunningServer } from '../src/server.js';
import { call, REPORT } from './harness.js';
import { rgbPng } from './images.js';
import { onBothDatabases } from './postgres-cluster.js';

/** A real, decodable 2×2 RGB PNG; seeds far apart give photos the server stores apart. */
const png = (seed: number) => rgbPng(2, 2, [0, seed, 255 - seed, 0, 0, 0, 0, 0, seed, seed, seed, 255 - seed, 0, seed, 0]);

function photoErasureSuite(name: string, open: () => Promise<Database>, skip: string | false = false) {
  describe(`photo erasure on ${name} (issue 10, finding 5)`, { skip }, () => {
    let db: Database;
    let server: RunningServer;
    let coordinator: Record<string, string>;
    let seed = 0;
    before(async () => {
      db = await open();
      // The sweep is the third test's: here only erasure and purge may delete a photo.
      server = await startServer({ database: db, photoSweep: false });
      coordinator = { authorization: `Bearer ${(await createToken(db.sql, { role: 'coordinator' })).token}` };
    });
    after(async () => {
      await server?.close();
      await db?.close();
    });

    const upload = async (): Promise<string> => {
      seed += 37;
      const sent = await fetch(`${server.url}/api/photos`, {
        method: 'POST',
        headers: { 'content-type': 'image/png' },
        body: new Uint8Array(png(seed % 256)),
      });
      assert.equal(sent.status, 201, await sent.clone().text());
      return ((await sent.json()) as { id: string }).id;
    };
    const served = async (id: string) => (await fetch(`${server.url}/api/photos/${id}`)).status;
    const rows = async (ids: readonly string[]) =>
      (await db.sql.query<{ id: string }>('SELECT id FROM photos WHERE id = ANY($1::text[]) ORDER BY id', [ids])).rows.map((r) => r.id);
    const report = async (photo: string, reporter?: { name: string; email: string }) => {
      const recorded = await call(server.url, 'POST', '/api/observations', {
        body: {
          ...REPORT,
          photos: [{ id: photo, mediaType: 'image/jpeg' }],
          ...(reporter ? { reporter: { ...reporter, consent: true } } : {}),
        },
      });
      assert.equal(recorded.status, 201, JSON.stringify(recorded.body));
      return recorded.body.id as string;
    };

    test('erasing a person deletes the photos of the observations they reported, and only those', async () => {
      const email = 'photo-effacee@example.org';
      const theirs = await upload();
      const old = await upload();
      const other = await upload();
      assert.equal(new Set([theirs, old, other]).size, 3, 'three distinct photos');
      await report(theirs, { name: 'Nadia Photo', email });
      // An event written before ids were stored alone: our URL under whatever Host the client sent.
      const legacy = await server.gusp.observations.record({
        ...REPORT,
        polarity: 'problem',
        photos: [{ id: 'device-1', mediaType: 'image/jpeg', url: `http://evil.example/api/photos/${old}` }],
        reporter: { name: 'Nadia Photo', email, consent: true },
      });
      assert.ok(legacy.ok, JSON.stringify(legacy));
      await report(other, { name: 'Paul Gardé', email: 'photo-gardee@example.org' });
      for (const id of [theirs, old, other]) assert.equal(await served(id), 200);

      const erased = await call(server.url, 'POST', '/api/privacy/erase', { body: { email }, headers: coordinator });
      assert.equal(erased.status, 200, JSON.stringify(erased.body));
      assert.equal(erased.body.observations, 2);
      assert.equal(erased.body.photos, 2);
      assert.deepEqual([await served(theirs), await served(old), await served(other)], [404, 404, 200]);
      assert.deepEqual(await rows([theirs, old, other]), [other], 'the rows and their bytes are gone from the database');
    });

    test('a running server deletes photos sent more than a day ago that no observation shows', async () => {
      const staleOrphan = await upload();
      const freshOrphan = await upload();
      const staleAttached = await upload();
      await report(staleAttached);
      await db.sql.query(`UPDATE photos SET created_at = now() - interval '25 hours' WHERE id = ANY($1::text[])`, [
        [staleOrphan, staleAttached],
      ]);
      assert.equal(await served(staleOrphan), 200);

      // A second server on the same database sweeps when it starts, then every `everyMs`.
      const sweeper = await startServer({ database: db, photoSweep: { everyMs: 50 } });
      try {
        const deadline = Date.now() + 10_000;
        while ((await rows([staleOrphan])).length > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      } finally {
        await sweeper.close();
      }
      assert.deepEqual(await rows([staleOrphan]), [], 'the orphan older than a day is deleted');
      assert.equal(await served(staleOrphan), 404);
      assert.deepEqual(
        [await served(freshOrphan), await served(staleAttached)],
        [200, 200],
        'a fresh orphan (its report may still come) and an attached photo stay',
      );
    });

    test('the purge deletes the photos of the observations it reaches, and the orphans older than a day', async () => {
      const attached = await upload();
      const orphan = await upload();
      const observation = await report(attached, { name: 'Lina Purgée', email: 'photo-purgee@example.org' });
      await db.sql.query(`UPDATE photos SET created_at = now() - interval '2 days' WHERE id = $1`, [orphan]);

      // Thirteen months later.
      const purged = await purgePersonalData(server.gusp, db.sql, { months: 12, now: new Date(Date.now() + 400 * 86_400_000) });
      assert.ok(purged.photos >= 1 && purged.orphanPhotos >= 1, JSON.stringify(purged));
      assert.deepEqual([await served(attached), await served(orphan)], [404, 404]);
      assert.deepEqual(await rows([attached, orphan]), []);
      // The observation stays, anonymous, for the counts and the map.
      const kept = await server.gusp.observations.get(observation);
      assert.ok(kept.ok && kept.value.reporter === undefined && kept.value.description === REPORT.description);

      // Through the API too: a photo attached now, purged with no delay.
      const recent = await upload();
      await report(recent);
      const again = await call(server.url, 'POST', '/api/privacy/purge', { body: { months: 0 }, headers: coordinator });
      assert.equal(again.status, 200, JSON.stringify(again.body));
      assert.equal(again.body.photos, 1);
      assert.equal(await served(recent), 404);
    });

    test('no view or export lists a photo erasure or the purge deleted: JSON, GeoJSON, CSV, Open311 JSON and XML', async () => {
      const email = 'photo-listee@example.org';
      const erased = await upload();
      const legacy = await upload();
      const kept = await upload();
      const erasedObservation = await report(erased, { name: 'Inès Listée', email });
      // An event written before ids were stored alone: our URL under whatever Host the client sent.
      const old = await server.gusp.observations.record({
        ...REPORT,
        polarity: 'problem',
        photos: [{ id: 'device-2', mediaType: 'image/jpeg', url: `http://evil.example/api/photos/${legacy}` }],
        reporter: { name: 'Inès Listée', email, consent: true },
      });
      assert.ok(old.ok, JSON.stringify(old));
      await report(kept, { name: 'Omar Gardé', email: 'photo-liste-gardee@example.org' });
      const outputs = async () =>
        Object.fromEntries(
          await Promise.all(
            [
              '/api/observations',
              '/api/observations.geojson',
              '/api/observations.csv',
              '/open311/v2/requests.json',
              '/open311/v2/requests.xml',
            ].map(async (path) => {
              const r = await fetch(`${server.url}${path}`);
              assert.equal(r.status, 200, path);
              return [path, await r.text()] as const;
            }),
          ),
        );
      const listing = (texts: Record<string, string>, id: string) =>
        Object.entries(texts)
          .filter(([, text]) => text.includes(id))
          .map(([path]) => path);
      const every = Object.keys(await outputs());
      let texts = await outputs();
      for (const id of [erased, legacy, kept]) assert.deepEqual(listing(texts, id), every, `every output lists ${id} while it exists`);

      const done = await call(server.url, 'POST', '/api/privacy/erase', { body: { email }, headers: coordinator });
      assert.equal(done.status, 200, JSON.stringify(done.body));
      assert.equal(done.body.photos, 2);
      assert.deepEqual([await served(erased), await served(legacy)], [404, 404]);
      texts = await outputs();
      assert.deepEqual(listing(texts, erased), [], 'an erased photo is listed nowhere');
      assert.deepEqual(listing(texts, legacy), [], 'nor one an old event named by URL');
      assert.deepEqual(listing(texts, kept), every, 'another person’s photo stays listed');
      // The observation itself stays (anonymous, for the counts and the map), without its photo.
      const listed = (JSON.parse(texts['/api/observations'] ?? '{}') as { observations: { id: string; photos: unknown[] }[] }).observations;
      assert.deepEqual(listed.find((o) => o.id === erasedObservation)?.photos, []);

      const purged = await call(server.url, 'POST', '/api/privacy/purge', { body: { months: 0 }, headers: coordinator });
      assert.equal(purged.status, 200, JSON.stringify(purged.body));
      assert.equal(await served(kept), 404);
      assert.deepEqual(listing(await outputs(), kept), [], 'a purged photo is listed nowhere');
    });
  });
}

onBothDatabases(photoErasureSuite);
