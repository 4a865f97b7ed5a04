// SPDX-License-Identifier: EUPL-1.2
/**
 * Issue 11, the Open311 line: what GeoReport v2 clients (node-open311, FixMyStreet's Open311.pm)
 * found missing or wrong. Over real HTTP, on PGlite and PostgreSQL, on Valence's demo data;
 * every JSON answer is checked against JSON Schemas written from the specification
 * (test/fixtures/georeport-v2.schema.json) by ajv, and every XML answer by a real XML parser.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { after, before, describe, test } from 'node:test';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { createToken } from '../src/auth.js';
import type { Database } from '../src/db.js';
import { seedValence } from '../src/seed/valence.js';
import { startServer, type RunningServer } from '../src/server.js';
import { call } from './harness.js';
import { onBothDatabases } from './postgres-cluster.js';

/** ajv (JSON Schema 2020-12), as the OpenAPI validator the server's tests already use depends on it. */
type Validate = ((data: unknown) => boolean) & { errors?: unknown };
interface Ajv {
  addSchema(schema: object): Ajv;
  getSchema(ref: string): Validate | undefined;
}
const requireHere = createRequire(import.meta.url);
const requireAjv = createRequire(requireHere.resolve('@seriousme/openapi-schema-validator'));
const { Ajv2020 } = requireAjv('ajv/dist/2020') as { Ajv2020: new (options: object) => Ajv };
const SCHEMA = JSON.parse(readFileSync(new URL('./fixtures/georeport-v2.schema.json', import.meta.url), 'utf8')) as { $id: string };
const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false }).addSchema(SCHEMA);
/** Asserts `data` is what the spec's `name` answer looks like. */
function conforms(name: string, data: unknown): void {
  const validate = ajv.getSchema(`${SCHEMA.$id}#/$defs/${name}`);
  assert.ok(validate, name);
  assert.ok(validate(data), `${name}: ${JSON.stringify(validate.errors)}\n${JSON.stringify(data).slice(0, 500)}`);
}

const PUBLIC_URL = 'https://gusp.valence.example';
const XML_LISTS = ['service', 'request', 'error', 'request_update', 'endpoint', 'format'];
const parser = new XMLParser({ parseTagValue: false, isArray: (name) => XML_LISTS.includes(name) });

const form = (fields: Record<string, string | string[]>) => {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const item of Array.isArray(v) ? v : [v]) body.append(k, item);
  return body.toString();
};

function open311Suite(name: string, open: () => Promise<Database>, skip: string | false = false) {
  describe(`Open311 by the spec on ${name} (issue 11)`, { skip }, () => {
    let db: Database;
    let server: RunningServer;
    let base: string;
    /** A host the tests own: a media_url pointing here must never be fetched. */
    let media: Server;
    let mediaHits = 0;
    let mediaBase: string;

    before(async () => {
      db = await open();
      server = await startServer({
        database: db,
        publicUrl: PUBLIC_URL,
        proofOfWork: false,
        beforeListen: (gusp) => seedValence(gusp.store),
      });
      base = server.url;
      media = createServer((_req, res) => {
        mediaHits++;
        res.end('no');
      });
      await new Promise<void>((resolve) => media.listen(0, '127.0.0.1', resolve));
      mediaBase = `http://127.0.0.1:${(media.address() as AddressInfo).port}`;
    });
    after(async () => {
      await new Promise((resolve) => media?.close(resolve));
      await server?.close();
      await db?.close();
    });

    const post = (fields: Record<string, string | string[]>, format = 'json', headers: Record<string, string> = {}) =>
      call(base, 'POST', `/open311/v2/requests.${format}`, {
        raw: form(fields),
        headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8', ...headers },
      });
    const xml = async (path: string, init: Parameters<typeof call>[3] = {}, method = 'GET') => {
      const r = await call<string>(base, method, path, init);
      assert.equal(r.headers.get('content-type'), 'text/xml; charset=utf-8', `${path}: GeoReport v2 serves XML as text/xml`);
      assert.equal(XMLValidator.validate(r.body), true, `${path}: ${r.body}`);
      assert.ok(r.body.startsWith('<?xml version="1.0" encoding="utf-8"?>\n'));
      return { status: r.status, doc: parser.parse(r.body) as Record<string, Record<string, unknown>> };
    };

    test('Service Discovery: /open311/discovery.{json,xml} with every required field, the endpoint under the public URL', async () => {
      const json = await call(base, 'GET', '/open311/discovery.json');
      assert.equal(json.status, 200);
      conforms('discovery', json.body);
      assert.deepEqual(json.body.endpoints, [
        {
          specification: 'http://wiki.open311.org/GeoReport_v2',
          url: `${PUBLIC_URL}/open311/v2`,
          changeset: json.body.changeset,
          type: 'production',
          formats: ['text/xml', 'application/json'],
        },
      ]);
      assert.match(json.body.changeset, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$/);
      // The endpoint it names answers, in both formats it lists.
      assert.equal((await call(base, 'GET', '/open311/v2/services.json')).status, 200);
      const forged = await call(base, 'GET', '/open311/discovery.json', { headers: { host: 'evil.example' } });
      assert.ok(!JSON.stringify(forged.body).includes('evil'), 'never the request’s Host');

      const asXml = await xml('/open311/discovery.xml');
      assert.equal(asXml.status, 200);
      const discovery = asXml.doc.discovery as {
        changeset: string;
        key_service: string;
        endpoints: { endpoint: { specification: string; url: string; formats: { format: string[] } }[] };
      };
      assert.equal(discovery.changeset, json.body.changeset);
      assert.equal(discovery.key_service, json.body.key_service);
      assert.equal(discovery.endpoints.endpoint[0]?.url, `${PUBLIC_URL}/open311/v2`);
      assert.deepEqual(discovery.endpoints.endpoint[0]?.formats.format, ['text/xml', 'application/json']);
    });

    test('every XML answer is text/xml, errors included; the JSON ones follow the spec’s shapes', async () => {
      const services = await xml('/open311/v2/services.xml');
      assert.equal(services.status, 200);
      assert.equal((await xml('/open311/v2/requests.xml')).status, 200);
      assert.equal((await xml('/open311/v2/services/licornes.xml')).status, 404);
      assert.equal((await xml('/open311/v2/nothing.xml')).status, 404);
      conforms('services', (await call(base, 'GET', '/open311/v2/services.json')).body);
      conforms('serviceDefinition', (await call(base, 'GET', '/open311/v2/services/voirie.json')).body);
      const requests = await call(base, 'GET', '/open311/v2/requests.json');
      assert.ok(requests.body.length >= 5);
      conforms('serviceRequests', requests.body);
      const refused = await call(base, 'GET', '/open311/v2/services/licornes.json');
      assert.equal(refused.status, 404);
      conforms('errors', refused.body);
    });

    test('service_request_id overrides every other argument, as the spec says', async () => {
      const all = (await call(base, 'GET', '/open311/v2/requests.json')).body as { service_request_id: string; status: string }[];
      const [first, second] = all;
      assert.ok(first && second);
      const ids = `${first.service_request_id},${second.service_request_id}`;
      const other = first.status === 'open' ? 'closed' : 'open';
      const r = await call(
        base,
        'GET',
        `/open311/v2/requests.json?service_request_id=${ids}&service_code=licornes&status=${other}&start_date=2001-01-01&end_date=2001-01-02`,
      );
      assert.equal(r.status, 200);
      conforms('serviceRequests', r.body);
      assert.deepEqual((r.body as { service_request_id: string }[]).map((x) => x.service_request_id).sort(), ids.split(',').sort());
    });

    test('page_size and page (the paging extension) cut the spec’s answer in pages, in the same order; bad values are refused by name', async () => {
      const all = (await call(base, 'GET', '/open311/v2/requests.json')).body as { service_request_id: string }[];
      assert.ok(all.length >= 5, 'the demo has enough requests to page');
      const ids = all.map((r) => r.service_request_id);
      const pages: string[] = [];
      for (let page = 1; ; page++) {
        const r = await call(base, 'GET', `/open311/v2/requests.json?page_size=2&page=${page}`);
        assert.equal(r.status, 200);
        conforms('serviceRequests', r.body);
        const got = (r.body as { service_request_id: string }[]).map((x) => x.service_request_id);
        assert.ok(got.length <= 2);
        pages.push(...got);
        if (got.length < 2) break;
      }
      assert.deepEqual(pages, ids, 'every request once, in the order of the unpaged answer');
      const asXml = await xml('/open311/v2/requests.xml?page_size=1&page=2');
      assert.equal((asXml.doc.service_requests as { request: { service_request_id: string }[] }).request[0]?.service_request_id, ids[1]);
      for (const [query, field] of [
        ['page_size=0', 'page_size'],
        ['page_size=1001', 'page_size'],
        ['page_size=ten', 'page_size'],
        ['page=0', 'page'],
        ['page=-1', 'page'],
        ['page=1.5', 'page'],
      ] as const) {
        const r = await call(base, 'GET', `/open311/v2/requests.json?${query}`, { headers: { 'accept-language': 'fr' } });
        assert.equal(r.status, 400, query);
        conforms('errors', r.body);
        assert.ok(JSON.stringify(r.body).includes(field), `${query}: names ${field}`);
      }
    });

    test('a request located at a walk stop carries the stop’s lat/long, as GeoJSON places it', async () => {
      const walks = await server.gusp.walks.list();
      const atStop = (await server.gusp.observations.list()).filter((o) => o.polarity === 'problem' && o.stopId && !o.point);
      assert.ok(atStop.length > 0, 'the demo has problems recorded at a stop');
      const geojson = (await call(base, 'GET', '/api/observations.geojson')).body as {
        features: { properties: { id: string }; geometry: { coordinates: [number, number] } | null }[];
      };
      for (const o of atStop) {
        const stop = walks.find((w) => w.walk.id === o.walkId)?.walk.stops.find((s) => s.id === o.stopId);
        assert.ok(stop?.point);
        const [request] = (await call(base, 'GET', `/open311/v2/requests/${o.id}.json`)).body as { lat: number; long: number }[];
        assert.deepEqual([request?.lat, request?.long], [stop.point.lat, stop.point.lon], o.id);
        const feature = geojson.features.find((f) => f.properties.id === o.id);
        assert.deepEqual(feature?.geometry?.coordinates, [request?.long, request?.lat]);
      }
    });

    test('media_url is kept as an external link (several when repeated), shown in the request, and never fetched', async () => {
      const links = [`${mediaBase}/photo/1.full.jpeg`, `${mediaBase}/photo/2.full.png`];
      const posted = await post({ service_code: 'voirie', lat: '44.9229', long: '4.9262', description: 'Nid-de-poule', media_url: links });
      assert.equal(posted.status, 201, JSON.stringify(posted.body));
      conforms('postResponse', posted.body);
      const id = posted.body[0].service_request_id as string;
      const one = await call(base, 'GET', `/open311/v2/requests/${id}.json`);
      conforms('serviceRequests', one.body);
      assert.equal(one.body[0].media_url, links[0]);
      const shown = await xml(`/open311/v2/requests/${id}.xml`);
      assert.equal((shown.doc.service_requests?.request as Record<string, string>[])[0]?.media_url, links[0]);
      const { observations } = (await call(base, 'GET', '/api/observations')).body as {
        observations: { id: string; photos: { url: string }[] }[];
      };
      assert.deepEqual(
        observations.find((o) => o.id === id)?.photos.map((p) => p.url),
        links,
      );
      const geojson = (await call(base, 'GET', '/api/observations.geojson')).body as {
        features: { properties: { id: string; photos: string[] } }[];
      };
      assert.deepEqual(geojson.features.find((f) => f.properties.id === id)?.properties.photos, links);
      await new Promise((resolve) => setTimeout(resolve, 200));
      assert.equal(mediaHits, 0, 'the server never requested the media');

      const refusals: [string, number][] = [
        ['javascript:alert(1)', 400],
        ['ftp://photos.example/a.jpg', 400],
        ['/photo/1.jpeg', 400],
        ['https://user:pw@photos.example/a.jpg', 400],
        // Our photos' form names one of our photos: erasure would delete it, reads would rebuild it.
        [`https://elsewhere.example/api/photos/${'a'.repeat(21)}`, 400],
      ];
      for (const [url, status] of refusals) {
        const r = await post({ service_code: 'voirie', lat: '44.9229', long: '4.9262', media_url: url }, 'json', {
          'accept-language': 'en',
        });
        assert.equal(r.status, status, `${url}: ${JSON.stringify(r.body)}`);
        conforms('errors', r.body);
        assert.match(r.body[0].description, /media_url/);
      }
      const four = await post({
        service_code: 'voirie',
        lat: '44.9',
        long: '4.9',
        media_url: ['1', '2', '3', '4'].map((n) => `${mediaBase}/${n}.jpg`),
      });
      assert.equal(four.status, 400);
      assert.match(four.body[0].description, /^media_url: /);
      assert.equal(mediaHits, 0);
    });

    test('a multipart/form-data POST (what FixMyStreet sends with uploads) is read, its file parts ignored', async () => {
      const body = new FormData();
      body.append('service_code', 'eclairage-public');
      body.append('lat', '44.9229');
      body.append('long', '4.9262');
      body.append('description', 'Lampadaire éteint, envoyé en multipart');
      body.append('media_url', `${mediaBase}/photo/9.full.jpeg`);
      body.append('photo1', new Blob([new Uint8Array([0xff, 0xd8, 0xff])], { type: 'image/jpeg' }), '9.0.full.jpeg');
      const r = await fetch(`${base}/open311/v2/requests.xml`, { method: 'POST', body });
      assert.equal(r.status, 201, await r.clone().text());
      assert.equal(r.headers.get('content-type'), 'text/xml; charset=utf-8');
      const id = (parser.parse(await r.text()) as { service_requests: { request: { service_request_id: string }[] } }).service_requests
        .request[0]?.service_request_id;
      assert.ok(id);
      const [request] = (await call(base, 'GET', `/open311/v2/requests/${id}.json`)).body as Record<string, unknown>[];
      assert.deepEqual(
        [request?.service_code, request?.description, request?.media_url],
        ['eclairage-public', 'Lampadaire éteint, envoyé en multipart', `${mediaBase}/photo/9.full.jpeg`],
      );
      const broken = await call(base, 'POST', '/open311/v2/requests.json', {
        raw: '--x\r\nContent-Disposition: form-data; name="service_code"\r\n\r\nvoirie',
        headers: { 'content-type': 'multipart/form-data; boundary=x' },
      });
      assert.equal(broken.status, 400);
      conforms('errors', broken.body);
      assert.equal(mediaHits, 0);
    });

    test('descriptions up to 4,000 characters, as the spec allows (and no more)', async () => {
      const long = 'Éclairage défaillant devant le n° 12. '.repeat(110).slice(0, 4000);
      assert.equal(long.length, 4000);
      const posted = await post({ service_code: 'voirie', lat: '44.9229', long: '4.9262', description: long });
      assert.equal(posted.status, 201, JSON.stringify(posted.body));
      const [request] = (await call(base, 'GET', `/open311/v2/requests/${posted.body[0].service_request_id}.json`)).body;
      assert.equal(request.description, long.trim());
      const tooLong = await post({ service_code: 'voirie', lat: '44.9229', long: '4.9262', description: `${long}x` }, 'json', {
        'accept-language': 'en',
      });
      assert.equal(tooLong.status, 400);
      conforms('errors', tooLong.body);
      assert.match(tooLong.body[0].description, /^description: /);
      // The JSON API shares the limit: one observation, one rule, whichever way it comes in.
      const api = await call(base, 'POST', '/api/observations', {
        body: { quartierId: 'polygone', polarity: 'problem', themeId: 'voirie', description: long, address: 'Rue Jean-Jaurès' },
      });
      assert.equal(api.status, 201, JSON.stringify(api.body));
    });

    test('address_id alone is a location (with quartier_id, as for address_string)', async () => {
      const posted = await post({
        service_code: 'voirie',
        address_id: '26362_0420_00012',
        quartier_id: 'polygone',
        description: 'Trottoir',
      });
      assert.equal(posted.status, 201, JSON.stringify(posted.body));
      const [request] = (await call(base, 'GET', `/open311/v2/requests/${posted.body[0].service_request_id}.json`)).body;
      assert.deepEqual([request.address, request.lat], ['26362_0420_00012', null]);
      const noQuartier = await post({ service_code: 'voirie', address_id: '26362_0420_00012' }, 'json', { 'accept-language': 'en' });
      assert.equal(noQuartier.status, 400);
      assert.match(noQuartier.body[0].description, /quartier_id with address_string or address_id/);
      const nothing = await post({ service_code: 'voirie' }, 'json', { 'accept-language': 'en' });
      assert.equal(nothing.body[0].description, 'A location is required: lat and long, address_string or address_id.');
    });

    test('servicerequestupdates.{json,xml}: each status change, start_date and end_date optional', async () => {
      const all = await call(base, 'GET', '/open311/v2/servicerequestupdates.json');
      assert.equal(all.status, 200);
      conforms('serviceRequestUpdates', all.body);
      const updates = all.body as { update_id: string; service_request_id: string; status: string; updated_datetime: string }[];
      assert.ok(updates.length >= 3, JSON.stringify(updates));
      assert.ok(updates.some((u) => u.status === 'closed') && updates.some((u) => u.status === 'open'));
      const requests = new Set(
        ((await call(base, 'GET', '/open311/v2/requests.json')).body as { service_request_id: string }[]).map((r) => r.service_request_id),
      );
      assert.ok(
        updates.every((u) => requests.has(u.service_request_id)),
        'updates of known requests only',
      );
      assert.deepEqual(
        updates.map((u) => Date.parse(u.updated_datetime)),
        updates.map((u) => Date.parse(u.updated_datetime)).sort((a, b) => a - b),
        'oldest first',
      );

      // A staff change appears as the next update, in both formats, within the dates asked.
      const coordinator = { authorization: `Bearer ${(await createToken(db.sql, { role: 'coordinator' })).token}` };
      const posted = await post({ service_code: 'voirie', lat: '44.9229', long: '4.9262', description: 'Banc arraché' });
      const id = posted.body[0].service_request_id as string;
      const since = new Date(Date.now() - 1000).toISOString();
      const rejected = await call(base, 'POST', `/api/observations/${id}/reject`, {
        body: { reason: 'Déjà signalé au bailleur' },
        headers: coordinator,
      });
      assert.equal(rejected.status, 200, JSON.stringify(rejected.body));
      const until = new Date(Date.now() + 1000).toISOString();
      const window = `start_date=${encodeURIComponent(since)}&end_date=${encodeURIComponent(until)}`;
      const recent = await call(base, 'GET', `/open311/v2/servicerequestupdates.json?${window}`);
      conforms('serviceRequestUpdates', recent.body);
      assert.deepEqual(
        (recent.body as Record<string, unknown>[]).map((u) => [u.service_request_id, u.status, u.description, u.media_url]),
        [[id, 'closed', 'Écartée\u00a0: Déjà signalé au bailleur', null]],
      );
      const asXml = await xml(`/open311/v2/servicerequestupdates.xml?${window}`);
      const items = (asXml.doc.service_request_updates as { request_update: Record<string, string>[] }).request_update;
      assert.deepEqual(
        items.map((u) => [u.update_id, u.service_request_id, u.status]),
        (recent.body as Record<string, string>[]).map((u) => [u.update_id, u.service_request_id, u.status]),
      );
      assert.deepEqual(Object.keys(items[0] ?? {}), [
        'update_id',
        'service_request_id',
        'status',
        'updated_datetime',
        'description',
        'media_url',
      ]);
      const before = await call(base, 'GET', `/open311/v2/servicerequestupdates.json?end_date=${encodeURIComponent(since)}`);
      assert.ok(!(before.body as { service_request_id: string }[]).some((u) => u.service_request_id === id), 'end_date alone bounds it');
      const bad = await call(base, 'GET', '/open311/v2/servicerequestupdates.json?start_date=hier');
      assert.equal(bad.status, 400);
      conforms('errors', bad.body);
      assert.equal((await xml('/open311/v2/servicerequestupdates.xml?end_date=demain')).status, 400);
    });

    // Issue 10's leftover: the app's own checks answered in the JSON API's envelope under /open311.
    test('the app’s own refusals under /open311 are GeoReport error lists too: 413 and a bad Idempotency-Key', async () => {
      const huge = form({ service_code: 'voirie', lat: '44.9', long: '4.9', description: 'x'.repeat(70 * 1024) });
      const tooLarge = await call(base, 'POST', '/open311/v2/requests.json', {
        raw: huge,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
      assert.equal(tooLarge.status, 413);
      conforms('errors', tooLarge.body);
      assert.equal(tooLarge.body[0].code, 413);
      const tooLargeXml = await xml(
        '/open311/v2/requests.xml',
        { raw: huge, headers: { 'content-type': 'application/x-www-form-urlencoded' } },
        'POST',
      );
      assert.equal(tooLargeXml.status, 413);
      assert.equal((tooLargeXml.doc.errors?.error as { code: string }[])[0]?.code, '413');

      const badKey = await post({ service_code: 'voirie', lat: '44.9', long: '4.9' }, 'json', { 'idempotency-key': 'deux mots' });
      assert.equal(badKey.status, 400);
      conforms('errors', badKey.body);
      const badKeyXml = await xml(
        '/open311/v2/requests.xml',
        {
          raw: form({ service_code: 'voirie', lat: '44.9', long: '4.9' }),
          headers: { 'content-type': 'application/x-www-form-urlencoded', 'idempotency-key': 'deux mots' },
        },
        'POST',
      );
      assert.equal(badKeyXml.status, 400);
      // Elsewhere the envelope stays.
      const api = await call(base, 'POST', '/api/observations', { body: {}, headers: { 'idempotency-key': 'deux mots' } });
      assert.equal(api.body.error.code, 'request.invalid-idempotency-key');
      const unknown = await call(base, 'GET', '/open311/nowhere.json');
      assert.equal(unknown.status, 404);
      conforms('errors', unknown.body);
    });
  });
}

onBothDatabases(open311Suite);
