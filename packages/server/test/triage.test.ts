// SPDX-License-Identifier: EUPL-1.2
/**
 * Issue 14, triage: the staff list's filters (walk, source), the duplicates an observation may
 * repeat (same stop, or within 50 m, same theme first, never a rejected or duplicate one), bulk
 * qualify / reject / resolve (each its own command, per-id outcome, retry-safe), and a photo's
 * regions blurred in place (the stored bytes replaced, the served URL blurred, the pixels of the
 * region flat, the journal naming who did it), over real HTTP on PGlite and PostgreSQL.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Gusp } from '@gusp/core';
import sharp from 'sharp';
import { createToken } from '../src/auth.js';
import type { Database } from '../src/db.js';
import { loadPhoto } from '../src/photos.js';
import { startServer, type RunningServer } from '../src/server.js';
import { sqlStore } from '../src/store/sql-store.js';
import { call } from './harness.js';
import { onBothDatabases } from './postgres-cluster.js';

const must = <T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T => {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
};

/** A walk under way with two stops (the first at A, the second about 20 m from it). */
async function walkUnderWay(gusp: Gusp): Promise<{ walkId: string; stops: string[] }> {
  const walk = must(
    await gusp.walks.schedule({
      quartierId: 'le-plan',
      startsAt: new Date(Date.now() + 20 * 60_000).toISOString(),
      capacity: 10,
      meetingPoint: { label: 'Parvis des Bleuets' },
      registrationDeadline: new Date(Date.now() + 10 * 60_000).toISOString(),
      stops: [
        { label: 'Parvis des Bleuets', point: { lat: 44.9205, lon: 4.9128 } },
        { label: 'Aire de jeux', point: { lat: 44.921, lon: 4.913 } },
      ],
    }),
  );
  must(await gusp.walks.publish(walk.id));
  must(await gusp.walks.closeRegistrations(walk.id));
  const started = must(await gusp.walks.start(walk.id));
  return { walkId: walk.id, stops: started.stops.map((s) => s.id) };
}

/** A photo whose pixels vary everywhere (noise): a blurred region of it is measurably flatter. */
async function noisyPhoto(width = 320, height = 240): Promise<Buffer> {
  const raw = Buffer.alloc(width * height * 3);
  let seed = 7;
  for (let i = 0; i < raw.length; i++) {
    seed = (seed * 1_103_515_245 + 12_345) & 0x7fffffff;
    raw[i] = seed % 256;
  }
  return sharp(raw, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 95 })
    .toBuffer();
}

/** The standard deviation of the grey levels of a region of a JPEG. */
async function deviation(bytes: Uint8Array, region: { x: number; y: number; width: number; height: number }): Promise<number> {
  const { data } = await sharp(bytes)
    .extract({ left: region.x, top: region.y, width: region.width, height: region.height })
    .greyscale()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const mean = data.reduce((a, b) => a + b, 0) / data.length;
  return Math.sqrt(data.reduce((a, b) => a + (b - mean) ** 2, 0) / data.length);
}

onBothDatabases((name, open, skip) => {
  describe(`triage: similar, bulk, redaction (${name}, real HTTP)`, { skip }, () => {
    let db: Database;
    let server: RunningServer;
    let auth: Record<string, string>;
    let tokenId: string;
    let walkId: string;
    let stops: string[];
    const ids: Record<string, string> = {};
    let photoId: string;

    const record = async (key: string, body: Record<string, unknown>) => {
      const r = await call(server.url, 'POST', '/api/observations', {
        headers: auth,
        body: { walkId, source: 'walk', polarity: 'problem', description: `Observation ${key}`, ...body },
      });
      assert.equal(r.status, 201, JSON.stringify(r.body));
      ids[key] = r.body.observationId;
    };

    before(async () => {
      db = await open();
      server = await startServer({ database: db, photoSweep: false });
      const made = await createToken(db.sql, { role: 'agent', label: 'triage agent' });
      tokenId = made.id;
      auth = { authorization: `Bearer ${made.token}` };
      ({ walkId, stops } = await walkUnderWay(server.gusp));
      const photo = await fetch(`${server.url}/api/photos`, {
        method: 'POST',
        headers: { 'content-type': 'image/jpeg' },
        body: new Uint8Array(await noisyPhoto()),
      });
      assert.equal(photo.status, 201);
      photoId = ((await photo.json()) as { id: string }).id;
      const [first, second] = stops as [string, string];
      await record('a', { stopId: first, themeId: 'voirie', point: { lat: 44.9205, lon: 4.9128 }, photos: [{ id: photoId }] });
      await record('b', { stopId: first, themeId: 'eclairage-public' });
      await record('c', { stopId: second, themeId: 'voirie', point: { lat: 44.92065, lon: 4.91295 } });
      await record('d', { stopId: second, themeId: 'voirie', point: { lat: 44.9235, lon: 4.9128 } });
      await record('e', { stopId: first, themeId: 'voirie' });
      const rejected = await call(server.url, 'POST', `/api/observations/${ids.e}/reject`, {
        headers: auth,
        body: { reason: 'Hors GUSP' },
      });
      assert.equal(rejected.status, 200, JSON.stringify(rejected.body));
      // Resident's report outside the walk: another source.
      const resident = await call(server.url, 'POST', '/api/observations', {
        body: {
          quartierId: 'le-plan',
          polarity: 'positive',
          themeId: 'lien-social',
          description: 'Fête des voisins',
          address: 'Rue des Bleuets',
        },
      });
      assert.equal(resident.status, 201, JSON.stringify(resident.body));
      ids.resident = resident.body.observationId;
    });
    after(async () => {
      await server?.close();
      await db?.close();
    });

    test('the staff list filters by walk and by source, and never carries a reporter’s contact', async () => {
      const walk = await call(server.url, 'GET', `/api/observations?walk=${walkId}&source=walk`, { headers: auth });
      assert.equal(walk.status, 200);
      // Recorded within the same second: the order among them is the ids'.
      assert.deepEqual(walk.body.observations.map((o: { id: string }) => o.id).sort(), ['a', 'b', 'c', 'd', 'e'].map((k) => ids[k]).sort());
      const residents = await call(server.url, 'GET', '/api/observations?source=resident,agent&quartier=le-plan', { headers: auth });
      assert.ok(residents.body.observations.some((o: { id: string }) => o.id === ids.resident));
      assert.ok(residents.body.observations.every((o: { source: string; reporter?: unknown }) => o.source !== 'walk' && !o.reporter));
      const bad = await call(server.url, 'GET', '/api/observations?source=somewhere', { headers: { ...auth, 'accept-language': 'fr' } });
      assert.equal(bad.status, 400);
      assert.equal(bad.body.error.code, 'request.invalid-query');
    });

    test('similar: same theme first, then the same stop; never far, rejected or itself', async () => {
      const r = await call(server.url, 'GET', `/api/observations/${ids.a}/similar`, { headers: auth });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.equal(r.body.radiusMetres, 50);
      const found = r.body.similar.map((s: { observation: { id: string } }) => s.observation.id);
      // c: same theme, 20 m away (another stop); b: same stop, another theme. d is 300 m away, e rejected.
      assert.deepEqual(found, [ids.c, ids.b]);
      const c = r.body.similar[0];
      assert.equal(c.sameTheme, true);
      assert.equal(c.sameStop, false);
      assert.ok(c.distanceMetres > 10 && c.distanceMetres < 30, String(c.distanceMetres));
      assert.equal(r.body.similar[1].sameStop, true);
      const wide = await call(server.url, 'GET', `/api/observations/${ids.a}/similar?radius=400`, { headers: auth });
      assert.ok(wide.body.similar.some((s: { observation: { id: string } }) => s.observation.id === ids.d));
      const anonymous = await call(server.url, 'GET', `/api/observations/${ids.a}/similar`);
      assert.equal(anonymous.status, 401);
      const badRadius = await call(server.url, 'GET', `/api/observations/${ids.a}/similar?radius=0`, { headers: auth });
      assert.equal(badRadius.status, 400);
      const unknown = await call(server.url, 'GET', '/api/observations/nope-nope/similar', { headers: auth });
      assert.equal(unknown.status, 404);
    });

    test('bulk qualify: each its own command, the refused ones named and localized, retry-safe', async () => {
      const body = {
        action: 'qualify',
        observationIds: [ids.b, ids.c, ids.e, 'unknown-observation', ids.b],
        organisationId: 'ville-de-valence',
      };
      const headers = { ...auth, 'accept-language': 'fr', 'idempotency-key': 'bulk-qualify-0001' };
      const r = await call(server.url, 'POST', '/api/observations/bulk', { headers, body: { ...body, note: 'Transmis à la Ville.' } });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.equal(r.body.applied, 2);
      assert.deepEqual(
        r.body.results.map((x: { observationId: string; ok: boolean }) => [x.observationId, x.ok]),
        [
          [ids.b, true],
          [ids.c, true],
          [ids.e, false],
          ['unknown-observation', false],
        ],
      );
      assert.equal(r.body.results[2].error.code, 'observation.invalid-transition');
      assert.match(r.body.results[2].error.message, /observation/i);
      assert.equal(r.body.results[3].error.code, 'observation.not-found');
      const again = await call(server.url, 'POST', '/api/observations/bulk', { headers, body: { ...body, note: 'Transmis à la Ville.' } });
      assert.deepEqual(again.body, r.body);
      const { events } = await sqlStore(db.sql).read(`observation-${ids.b}`);
      const qualified = events.filter((e) => e.type === 'ObservationQualified');
      assert.equal(qualified.length, 1, 'applied once');
      assert.deepEqual((qualified[0]?.data as { by?: unknown }).by, { accountId: `token:${tokenId}`, role: 'agent' });
      assert.equal((qualified[0]?.data as { note?: string }).note, 'Transmis à la Ville.');
      const public_ = await call(server.url, 'GET', `/api/observations?walk=${walkId}&status=qualified`);
      assert.deepEqual(
        public_.body.observations.map((o: { note?: string }) => o.note),
        ['Transmis à la Ville.', 'Transmis à la Ville.'],
      );
    });

    test('bulk reject needs a reason for each; bulk resolve applies to the qualified ones', async () => {
      const empty = await call(server.url, 'POST', '/api/observations/bulk', {
        headers: { ...auth, 'accept-language': 'en' },
        body: { action: 'reject', observationIds: [ids.d], reason: '  ' },
      });
      assert.equal(empty.status, 200);
      assert.equal(empty.body.results[0].error.code, 'observation.reason-required');
      assert.equal(empty.body.results[0].error.message, 'Give a reason.');
      const resolved = await call(server.url, 'POST', '/api/observations/bulk', {
        headers: auth,
        body: { action: 'resolve', observationIds: [ids.b, ids.d] },
      });
      assert.deepEqual(
        resolved.body.results.map((x: { ok: boolean; status?: string }) => [x.ok, x.status]),
        [
          [true, 'resolved'],
          [false, undefined],
        ],
      );
      const invalid = await call(server.url, 'POST', '/api/observations/bulk', {
        headers: auth,
        body: { action: 'explode', observationIds: [ids.d] },
      });
      assert.equal(invalid.status, 422);
      const none = await call(server.url, 'POST', '/api/observations/bulk', {
        headers: auth,
        body: { action: 'resolve', observationIds: [] },
      });
      assert.equal(none.status, 422);
      const anonymous = await call(server.url, 'POST', '/api/observations/bulk', { body: { action: 'resolve', observationIds: [ids.b] } });
      assert.equal(anonymous.status, 401);
    });

    test('mark-duplicate takes a note from the templates', async () => {
      const r = await call(server.url, 'POST', `/api/observations/${ids.d}/mark-duplicate`, {
        headers: auth,
        body: { of: ids.c, note: 'Déjà signalé.' },
      });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.equal(r.body.status, 'duplicate');
      assert.equal(r.body.note, 'Déjà signalé.');
    });

    test('erasing a reporter’s contact names who asked (ReporterContactErased has its by)', async () => {
      const reported = await call(server.url, 'POST', '/api/observations', {
        body: {
          quartierId: 'le-plan',
          polarity: 'problem',
          themeId: 'voirie',
          description: 'Trou dans la chaussée',
          address: 'Rue des Alpes',
          reporter: { name: 'Odile Sarrazin-Peyrot', email: 'odile.sp@example.org', consent: true },
        },
      });
      assert.equal(reported.status, 201, JSON.stringify(reported.body));
      const coordinator = await createToken(db.sql, { role: 'coordinator', label: 'triage coordinator' });
      const erased = await call(server.url, 'POST', '/api/privacy/erase', {
        headers: { authorization: `Bearer ${coordinator.token}` },
        body: { email: 'odile.sp@example.org' },
      });
      assert.equal(erased.status, 200, JSON.stringify(erased.body));
      const { events } = await sqlStore(db.sql).read(`observation-${reported.body.observationId}`);
      const event = events.find((e) => e.type === 'ReporterContactErased');
      assert.deepEqual(event?.data, { by: { accountId: `token:${coordinator.id}`, role: 'coordinator' } });
    });

    test('redaction blurs the regions in place: the stored photo replaced, the served URL blurred, the journal names who', async () => {
      const region = { x: 40, y: 30, width: 120, height: 90 };
      const original = await loadPhoto(db.sql, photoId);
      assert.ok(original);
      const before = await deviation(original.bytes, region);
      const untouched = { x: 200, y: 140, width: 100, height: 80 };
      const beforeOutside = await deviation(original.bytes, untouched);
      assert.ok(before > 20, `noise before: ${before}`);

      const outside = await call(server.url, 'POST', `/api/observations/${ids.a}/photos/${photoId}/redact`, {
        headers: { ...auth, 'accept-language': 'fr' },
        body: { regions: [{ x: 300, y: 0, width: 100, height: 10 }] },
      });
      assert.equal(outside.status, 422);
      assert.equal(outside.body.error.code, 'photo.region-outside');
      assert.match(outside.body.error.message, /320 × 240/);
      const negative = await call(server.url, 'POST', `/api/observations/${ids.a}/photos/${photoId}/redact`, {
        headers: auth,
        body: { regions: [{ x: -5, y: 0, width: 10, height: 10 }] },
      });
      assert.equal(negative.status, 422);
      const notItsPhoto = await call(server.url, 'POST', `/api/observations/${ids.b}/photos/${photoId}/redact`, {
        headers: { ...auth, 'accept-language': 'en' },
        body: { regions: [region] },
      });
      assert.equal(notItsPhoto.status, 422);
      assert.equal(notItsPhoto.body.error.code, 'observation.photo-not-attached');
      assert.deepEqual((await loadPhoto(db.sql, photoId))?.bytes, original.bytes, 'refusals touch nothing');
      const anonymous = await call(server.url, 'POST', `/api/observations/${ids.a}/photos/${photoId}/redact`, {
        body: { regions: [region] },
      });
      assert.equal(anonymous.status, 401);

      const r = await call(server.url, 'POST', `/api/observations/${ids.a}/photos/${photoId}/redact`, {
        headers: auth,
        body: { regions: [region, { x: 0, y: 200, width: 30, height: 40 }] },
      });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      const stored = await loadPhoto(db.sql, photoId);
      assert.ok(stored);
      assert.notDeepEqual(Buffer.from(stored.bytes), Buffer.from(original.bytes));
      const { rows } = await db.sql.query<{ n: number }>('SELECT count(*)::int AS n FROM photos WHERE id = $1', [photoId]);
      assert.equal(rows[0]?.n, 1, 'one photo, no copy');
      const served = await fetch(r.body.photos[0].url);
      assert.equal(served.status, 200);
      assert.equal(served.headers.get('cache-control'), 'public, no-cache');
      const servedBytes = Buffer.from(await served.arrayBuffer());
      assert.deepEqual(servedBytes, Buffer.from(stored.bytes));
      const after = await deviation(servedBytes, region);
      assert.ok(after < before / 4, `the region is flat now: ${after} (was ${before})`);
      const afterOutside = await deviation(servedBytes, untouched);
      assert.ok(Math.abs(afterOutside - beforeOutside) < beforeOutside * 0.2, `the rest is kept: ${afterOutside} vs ${beforeOutside}`);
      const meta = await sharp(servedBytes).metadata();
      assert.equal(meta.format, 'jpeg');
      assert.equal(meta.exif, undefined);
      assert.deepEqual([meta.width, meta.height], [320, 240]);

      const { events } = await sqlStore(db.sql).read(`observation-${ids.a}`);
      const redacted = events.find((e) => e.type === 'ObservationPhotoRedacted');
      assert.ok(redacted);
      assert.deepEqual(redacted.data, {
        photoId,
        regions: [region, { x: 0, y: 200, width: 30, height: 40 }],
        by: { accountId: `token:${tokenId}`, role: 'agent' },
      });
    });
  });
});
