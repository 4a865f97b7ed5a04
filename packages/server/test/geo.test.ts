// SPDX-License-Identifier: EUPL-1.2
/**
 * Issue 16, the geography line, over real HTTP on PGlite with Valence's demo data: a point is filed
 * under the quartier whose shape contains it, and the Paris point (48.85, 2.35) is refused for
 * Valence with a localized `geo.outside-city` on the JSON API and on Open311 (JSON and XML); the
 * quartiers and the public walks as GeoJSON, read by @placemarkio/check-geojson and by a strict
 * reading of RFC 7946 written here (positions, LineStrings, ring closure and winding).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { check as checkGeoJSON } from '@placemarkio/check-geojson';
import { seedValence } from '../src/seed/valence.js';
import { startServer, type RunningServer } from '../src/server.js';
import { call } from './harness.js';

const PARIS = { lat: 48.85, lon: 2.35 };
/** Fontbarlettes' centre: inside its shape (and nearer its centre than any other, which the test does not rely on). */
const FONTBARLETTES = { lat: 44.9229, lon: 4.9262 };
/** Inside Fontbarlettes' shape, but nearer Le Plan's centre (44.9205, 4.9128) than Fontbarlettes' (44.9229, 4.9262). */
const FONTBARLETTES_EDGE = { lat: 44.92, lon: 4.9215 };

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

/** The strict reading: what RFC 7946 says of positions, lines and rings, beyond what check-geojson reads. */
function strictProblems(doc: { features: { id?: unknown; geometry: { type: string; coordinates: unknown } | null }[] }): string[] {
  const problems: string[] = [];
  const position = (p: unknown, where: string) => {
    const ok = Array.isArray(p) && p.length === 2 && Math.abs(p[0] as number) <= 180 && Math.abs(p[1] as number) <= 90;
    if (!ok) problems.push(`${where}: not a [lon, lat] position`);
  };
  const ring = (r: number[][], where: string, outline: boolean) => {
    r.forEach((p, i) => position(p, `${where}.${i}`));
    if (r.length < 4) problems.push(`${where}: fewer than 4 positions`);
    const [first, last] = [r[0] ?? [], r[r.length - 1] ?? []];
    if (first[0] !== last[0] || first[1] !== last[1]) problems.push(`${where}: not closed`);
    let area = 0;
    for (let i = 0; i + 1 < r.length; i++) area += (r[i]?.[0] ?? 0) * (r[i + 1]?.[1] ?? 0) - (r[i + 1]?.[0] ?? 0) * (r[i]?.[1] ?? 0);
    if (outline !== area > 0) problems.push(`${where}: wound against the right-hand rule`);
  };
  doc.features.forEach((f, i) => {
    const g = f.geometry;
    if (typeof f.id !== 'string') problems.push(`${i}: id is not a string`);
    if (g === null) return;
    if (g.type === 'Point') position(g.coordinates, `${i}`);
    else if (g.type === 'LineString') {
      const line = g.coordinates as number[][];
      if (line.length < 2) problems.push(`${i}: a line of fewer than 2 positions`);
      line.forEach((p, j) => position(p, `${i}.${j}`));
    } else if (g.type === 'Polygon') (g.coordinates as number[][][]).forEach((r, j) => ring(r, `${i}.${j}`, j === 0));
    else if (g.type === 'MultiPolygon')
      (g.coordinates as number[][][][]).forEach((p, k) => p.forEach((r, j) => ring(r, `${i}.${k}.${j}`, j === 0)));
    else problems.push(`${i}: unexpected ${g.type}`);
  });
  return problems;
}

describe('geography over HTTP (issue 16)', () => {
  let server: RunningServer;
  let base: string;
  let draftId: string;

  before(async () => {
    server = await startServer({
      proofOfWork: false,
      beforeListen: async (gusp) => {
        await seedValence(gusp.store);
        const draft = await gusp.walks.schedule({
          quartierId: 'fontbarlettes',
          startsAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
          stops: [{ label: 'Place du brouillon', point: FONTBARLETTES }],
        });
        assert.ok(draft.ok);
        draftId = draft.value.id;
      },
    });
    base = server.url;
  });
  after(async () => {
    await server?.close();
  });

  const observation = (point: { lat: number; lon: number }, extra: Record<string, unknown> = {}) => ({
    polarity: 'problem',
    themeId: 'voirie',
    description: 'Nid-de-poule devant le n° 12',
    point,
    ...extra,
  });

  describe('the Paris point is refused for Valence, localized', () => {
    test('on the JSON API: 422 geo.outside-city, in French by default and in English on demand, and nothing recorded', async () => {
      const fr = await call(base, 'POST', '/api/observations', { body: observation(PARIS) });
      assert.equal(fr.status, 422, JSON.stringify(fr.body));
      assert.equal(fr.body.error.code, 'geo.outside-city');
      assert.match(fr.body.error.message, /en dehors des quartiers de Valence/);
      assert.deepEqual(fr.body.error.details, { lat: 48.85, lon: 2.35, city: 'Valence' });
      const en = await call(base, 'POST', '/api/observations', {
        body: observation(PARIS, { quartierId: 'le-plan' }),
        headers: { 'accept-language': 'en' },
      });
      assert.equal(en.status, 422);
      assert.equal(en.body.error.code, 'geo.outside-city');
      assert.match(en.body.error.message, /outside the neighbourhoods of Valence/);
      const listed = await call(base, 'GET', '/api/observations?order=newest&limit=50');
      assert.ok(!JSON.stringify(listed.body).includes('48.85'), 'the Paris point was recorded');
    });

    test('on Open311 GeoReport v2: a 400 error list, in French and English, in JSON and XML', async () => {
      const body = form({ service_code: 'voirie', lat: '48.85', long: '2.35', description: 'Nid-de-poule' });
      const fr = await call(base, 'POST', '/open311/v2/requests.json', { raw: body, headers: FORM });
      assert.equal(fr.status, 400, JSON.stringify(fr.body));
      assert.ok(Array.isArray(fr.body));
      assert.equal(fr.body[0].code, 400);
      assert.match(fr.body[0].description, /en dehors des quartiers de Valence/);
      const en = await call(base, 'POST', '/open311/v2/requests.json', { raw: body, headers: { ...FORM, 'accept-language': 'en' } });
      assert.equal(en.status, 400);
      assert.match(en.body[0].description, /outside the neighbourhoods of Valence/);
      const xml = await fetch(`${base}/open311/v2/requests.xml`, { method: 'POST', body, headers: { ...FORM, 'accept-language': 'en' } });
      assert.equal(xml.status, 400);
      assert.match(xml.headers.get('content-type') ?? '', /^text\/xml/);
      assert.match(await xml.text(), /<errors><error><code>400<\/code><description>This position is outside the neighbourhoods of Valence/);
    });
  });

  describe('a point inside Fontbarlettes’ shape is filed under Fontbarlettes', () => {
    test('on the JSON API, without a quartier named, even nearer Le Plan’s centre', async () => {
      for (const point of [FONTBARLETTES, FONTBARLETTES_EDGE]) {
        const r = await call(base, 'POST', '/api/observations', { body: observation(point) });
        assert.equal(r.status, 201, JSON.stringify(r.body));
        assert.equal(r.body.quartierId, 'fontbarlettes', JSON.stringify(point));
      }
    });

    test('on Open311, then read back from the JSON API', async () => {
      const posted = await call(base, 'POST', '/open311/v2/requests.json', {
        raw: form({
          service_code: 'voirie',
          lat: String(FONTBARLETTES_EDGE.lat),
          long: String(FONTBARLETTES_EDGE.lon),
          description: 'Banc',
        }),
        headers: FORM,
      });
      assert.equal(posted.status, 201, JSON.stringify(posted.body));
      const id = posted.body[0].service_request_id as string;
      const listed = await call(base, 'GET', '/api/observations?quartier=fontbarlettes&order=newest&limit=50');
      assert.equal(listed.status, 200, JSON.stringify(listed.body));
      const found = (listed.body.observations as { id: string; quartierId: string }[]).find((o) => o.id === id);
      assert.equal(found?.quartierId, 'fontbarlettes');
    });
  });

  describe('GeoJSON', () => {
    test('GET /api/quartiers.geojson: Valence’s five quartiers with their approximate shapes', async () => {
      const res = await fetch(`${base}/api/quartiers.geojson`);
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-type') ?? '', /^application\/geo\+json/);
      const text = await res.text();
      const doc = checkGeoJSON(text) as unknown as Parameters<typeof strictProblems>[0];
      assert.deepEqual(strictProblems(doc), []);
      const features = (JSON.parse(text) as { features: { id: string; geometry: { type: string }; properties: Record<string, unknown> }[] })
        .features;
      assert.deepEqual(
        features.map((f) => f.id),
        ['polygone', 'chamberliere', 'valensolles', 'le-plan', 'fontbarlettes'],
      );
      for (const f of features) {
        assert.equal(f.geometry.type, 'Polygon');
        assert.equal(f.properties.approximate, true);
      }
    });

    test('GET /api/walks.geojson: each public walk’s route as a LineString and its stops as Points, no draft', async () => {
      const res = await fetch(`${base}/api/walks.geojson`);
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-type') ?? '', /^application\/geo\+json/);
      const text = await res.text();
      const doc = checkGeoJSON(text) as unknown as Parameters<typeof strictProblems>[0];
      assert.deepEqual(strictProblems(doc), []);
      const features = (
        JSON.parse(text) as {
          features: { id: string; geometry: { type: string; coordinates: unknown } | null; properties: Record<string, unknown> }[];
        }
      ).features;
      assert.ok(!text.includes(draftId), 'a draft is listed');
      const routes = features.filter((f) => f.properties.kind === 'route');
      assert.ok(routes.length >= 2, 'the seed’s walks');
      const lePlan = routes.find((f) => f.geometry?.type === 'LineString');
      assert.ok(lePlan, 'a route with a line');
      const stops = features.filter((f) => f.properties.kind === 'stop' && f.properties.walkId === lePlan.properties.walkId);
      assert.deepEqual(
        stops.map((s) => s.properties.position),
        stops.map((_, i) => i + 1),
      );
      assert.deepEqual(
        lePlan.geometry?.coordinates,
        stops.filter((s) => s.geometry).map((s) => s.geometry?.coordinates),
      );
      const one = await call(base, 'GET', '/api/walks.geojson?quartier=le-plan');
      assert.ok((one.body.features as { properties: { quartierId: string } }[]).every((f) => f.properties.quartierId === 'le-plan'));
      const none = await call(base, 'GET', '/api/walks.geojson?quartier=nulle-part');
      assert.deepEqual(none.body, { type: 'FeatureCollection', features: [] });
    });

    test('GET /api/walks/:walkId/route.geojson: one walk; a draft and an unknown walk are 404 walk.not-found', async () => {
      const all = await call(base, 'GET', '/api/walks.geojson');
      const walkId = (all.body.features as { properties: { walkId: string } }[])[0]?.properties.walkId as string;
      const res = await fetch(`${base}/api/walks/${walkId}/route.geojson`);
      assert.equal(res.status, 200);
      const text = await res.text();
      const doc = checkGeoJSON(text) as unknown as Parameters<typeof strictProblems>[0];
      assert.deepEqual(strictProblems(doc), []);
      const features = (JSON.parse(text) as { features: { id: string; properties: { walkId: string } }[] }).features;
      assert.equal(features[0]?.id, `${walkId}/route`);
      assert.ok(features.every((f) => f.properties.walkId === walkId));
      for (const id of [draftId, 'inconnue']) {
        const missing = await call(base, 'GET', `/api/walks/${id}/route.geojson`, { headers: { 'accept-language': 'en' } });
        assert.equal(missing.status, 404, id);
        assert.equal(missing.body.error.code, 'walk.not-found');
      }
    });
  });
});
