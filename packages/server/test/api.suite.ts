// SPDX-License-Identifier: EUPL-1.2
/**
 * The HTTP API over real HTTP (Hono on node:http, 127.0.0.1, ephemeral
 * port), the same suite on every backend.
 */
import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { after, before, describe, test } from 'node:test';
import { OPEN311_SERVICE_REQUEST_FIELDS, valence } from '@gusp/core';
import { createToken, revokeToken } from '../src/auth.js';
import type { Database } from '../src/db.js';
import type { Sql } from '../src/sql.js';
import { purgePersonalData } from '../src/privacy.js';
import { startServer, type RunningServer } from '../src/server.js';
import { DEFAULT_SIGNUPS_PER_CLIENT } from '../src/http/rate-limit.js';
import { check as checkGeoJSON } from '@placemarkio/check-geojson';
import ICAL from 'ical.js';
import Papa from 'papaparse';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { declaredDimensions } from '../src/photos.js';
import { jpegWithExif, SAMPLE_SIZE } from './images.js';
import { call, isErrorBody, openWalk, person, REPORT, reportedWalk, rushSignUps, type Backend } from './harness.js';
import { sqlStore } from '../src/store/sql-store.js';

/** The data of `streams`' events as the server reads them: personal fields unsealed, or forgotten. */
const journalOf = async (db: Database, streams: readonly string[]) =>
  (await sqlStore(db.sql).readAll())
    .filter((e) => streams.includes(e.stream))
    .map((e) => JSON.stringify(e.data))
    .join('\n');

/** The same events' data as the table holds it (what the disk holds): personal fields sealed. */
const rawJournal = async (db: Database, streams: readonly string[]) =>
  (await db.sql.query<{ data: string }>('SELECT data::text AS data FROM events WHERE stream = ANY($1::text[])', [streams])).rows
    .map((r) => r.data)
    .join('\n');

export function apiSuite(backend: Backend): void {
  describe(`HTTP API on ${backend.name}`, () => {
    let db: Database;
    let server: RunningServer;
    let base: string;
    const unexpected: unknown[] = [];

    before(async () => {
      db = await backend.open();
      server = await startServer({ database: db, log: (r) => r.level === 'error' && unexpected.push(r) });
      base = server.url;
    });
    after(async () => {
      await server?.close();
      await db?.close();
      assert.deepEqual(unexpected, [], 'no unexpected server error was logged');
    });

    test('GET /healthz answers ok', async () => {
      const r = await call(base, 'GET', '/healthz');
      assert.equal(r.status, 200);
      assert.deepEqual(r.body, { status: 'ok', notifications: { failed: 0 } });
    });

    test('GET /api/walks lists published walks with their summary, not drafts', async () => {
      const open = await openWalk(server.gusp, { capacity: 12, quartierId: 'polygone' });
      const draft = await openWalk(server.gusp, { publish: false, quartierId: 'polygone' });
      const r = await call(base, 'GET', '/api/walks?quartier=polygone');
      assert.equal(r.status, 200);
      const ids = r.body.walks.map((w: { id: string }) => w.id);
      assert.ok(ids.includes(open));
      assert.ok(!ids.includes(draft));
      const summary = r.body.walks.find((w: { id: string }) => w.id === open);
      assert.equal(summary.status, 'open');
      assert.equal(summary.capacity, 12);
      assert.equal(summary.seatsLeft, 12);
      assert.equal(summary.walk.quartierId, 'polygone');
    });

    test('GET /api/walks/:id gives the summary; a draft or an unknown id is 404, in French or English', async () => {
      const id = await openWalk(server.gusp);
      const ok = await call(base, 'GET', `/api/walks/${id}`);
      assert.equal(ok.status, 200);
      assert.equal(ok.body.id, id);
      assert.equal(ok.body.confirmed, 0);

      const fr = await call(base, 'GET', '/api/walks/nope');
      assert.equal(fr.status, 404);
      assert.equal(fr.body.error.code, 'walk.not-found');
      assert.equal(fr.body.error.message, 'Ce diagnostic en marchant est introuvable.');
      assert.match(fr.headers.get('content-language') ?? '', /^fr/);
      const en = await call(base, 'GET', '/api/walks/nope', { headers: { 'accept-language': 'en-GB,en;q=0.9,fr;q=0.5' } });
      assert.equal(en.body.error.code, 'walk.not-found');
      assert.equal(en.body.error.message, 'This walk cannot be found.');
      assert.notEqual(fr.body.error.message, en.body.error.message);

      const draft = await openWalk(server.gusp, { publish: false });
      const hidden = await call(base, 'GET', `/api/walks/${draft}`);
      assert.equal(hidden.status, 404);
      assert.equal(hidden.body.error.code, 'walk.not-found');
    });

    test('POST registrations confirms, then waitlists with a position', async () => {
      const id = await openWalk(server.gusp, { capacity: 1 });
      const first = await call(base, 'POST', `/api/walks/${id}/registrations`, { body: person('a') });
      assert.equal(first.status, 201);
      assert.equal(first.body.status, 'confirmed');
      assert.equal(first.body.position, undefined);
      assert.match(first.body.registrationId, /^[A-Za-z0-9_-]+$/);
      assert.ok(first.body.cancelToken.length >= 20);
      const second = await call(base, 'POST', `/api/walks/${id}/registrations`, { body: person('b') });
      assert.equal(second.status, 201);
      assert.deepEqual([second.body.status, second.body.position], ['waitlisted', 1]);
      const summary = await call(base, 'GET', `/api/walks/${id}`);
      assert.deepEqual([summary.body.confirmed, summary.body.waitlisted, summary.body.seatsLeft], [1, 1, 0]);
    });

    test('a public client cannot read registrations, and no public output carries personal data', async () => {
      const id = await openWalk(server.gusp, { capacity: 5 });
      const signed = await call(base, 'POST', `/api/walks/${id}/registrations`, {
        body: person('secret', { phone: '06 12 34 56 78', name: 'Mireille Secrète' }),
      });
      assert.equal(signed.status, 201);
      const list = await call(base, 'GET', `/api/walks/${id}/registrations`);
      assert.equal(list.status, 401);
      assert.equal(list.body.error.code, 'auth.required');
      for (const path of [
        `/api/walks/${id}`,
        '/api/walks',
        '/api/engagements',
        '/api/engagements/dashboard',
        '/api/observations',
        '/api/observations/stats',
      ]) {
        const r = await call(base, 'GET', path);
        assert.equal(r.status, 200, path);
        const text = JSON.stringify(r.body);
        for (const secret of [
          'Mireille',
          'habitant-secret@example.org',
          '06 12 34 56 78',
          signed.body.cancelToken,
          signed.body.registrationId,
        ]) {
          assert.ok(!text.includes(secret), `${path} leaks ${secret}`);
        }
      }
    });

    test('DELETE a registration needs its token; cancelling promotes the first waitlisted person', async () => {
      const id = await openWalk(server.gusp, { capacity: 1 });
      const a = (await call(base, 'POST', `/api/walks/${id}/registrations`, { body: person('c1') })).body;
      const b = (await call(base, 'POST', `/api/walks/${id}/registrations`, { body: person('c2') })).body;
      assert.equal(b.status, 'waitlisted');

      const noToken = await call(base, 'DELETE', `/api/walks/${id}/registrations/${a.registrationId}`);
      assert.equal(noToken.status, 400);
      assert.equal(noToken.body.error.code, 'request.token-required');
      const wrong = await call(base, 'DELETE', `/api/walks/${id}/registrations/${a.registrationId}?token=${b.cancelToken}`);
      assert.equal(wrong.status, 404);
      assert.equal(wrong.body.error.code, 'registration.not-found');

      const done = await call(base, 'DELETE', `/api/walks/${id}/registrations/${a.registrationId}?token=${a.cancelToken}`);
      assert.equal(done.status, 200);
      assert.equal(done.body.status, 'cancelled');
      const again = await call(base, 'DELETE', `/api/walks/${id}/registrations/${a.registrationId}?token=${a.cancelToken}`);
      assert.equal(again.status, 409);
      assert.equal(again.body.error.code, 'registration.invalid-transition');

      const summary = (await call(base, 'GET', `/api/walks/${id}`)).body;
      assert.deepEqual([summary.confirmed, summary.waitlisted], [1, 0]);
    });

    test('a coordinator removes a sign-up with a reason: the seat goes to the first waitlisted person; agents and the public may not; a retry removes once', async () => {
      const coordinator = { authorization: `Bearer ${(await createToken(db.sql, { role: 'coordinator' })).token}` };
      const agent = { authorization: `Bearer ${(await createToken(db.sql, { role: 'agent' })).token}` };
      const id = await openWalk(server.gusp, { capacity: 1 });
      const fake = (await call(base, 'POST', `/api/walks/${id}/registrations`, { body: person('rm-fake') })).body;
      const next = (await call(base, 'POST', `/api/walks/${id}/registrations`, { body: person('rm-next') })).body;
      assert.deepEqual([fake.status, next.status], ['confirmed', 'waitlisted']);
      const path = `/api/walks/${id}/registrations/${fake.registrationId}/remove`;
      const remove = (body: unknown, headers: Record<string, string> = coordinator) => call(base, 'POST', path, { body, headers });

      assert.equal((await remove({ reason: 'Doublon' }, {})).status, 401);
      assert.equal((await remove({ reason: 'Doublon' }, agent)).status, 403);
      // The token of the sign-up is the person's way to cancel, not a staff token.
      assert.equal((await remove({ reason: 'Doublon' }, { authorization: `Bearer ${fake.cancelToken}` })).status, 401);
      const empty = await remove({ reason: '  ' }, { ...coordinator, 'accept-language': 'en' });
      assert.equal(empty.status, 422, JSON.stringify(empty.body));
      assert.equal(empty.body.error.code, 'registration.reason-required');
      assert.match(empty.body.error.message, /reason/);
      const nul = await remove({ reason: 'Faux\u0000compte' });
      assert.equal(nul.status, 422);
      assert.deepEqual(
        nul.body.error.details.issues.map((i: { path: string; code: string }) => [i.path, i.code]),
        [['reason', 'field.control-characters']],
      );
      assert.equal((await remove({})).status, 422);
      // An unknown walk or registration is 404 whatever the body, as on the other routes.
      const ghost = await call(base, 'POST', `/api/walks/${id}/registrations/ghost-registration/remove`, {
        body: {},
        headers: coordinator,
      });
      assert.deepEqual([ghost.status, ghost.body.error.code], [404, 'registration.not-found']);
      const noWalk = await call(base, 'POST', `/api/walks/ghost-walk/registrations/${fake.registrationId}/remove`, {
        body: { reason: 'Doublon' },
        headers: coordinator,
      });
      assert.deepEqual([noWalk.status, noWalk.body.error.code], [404, 'walk.not-found']);
      assert.deepEqual(
        [(await call(base, 'GET', `/api/walks/${id}`)).body.confirmed, (await call(base, 'GET', `/api/walks/${id}`)).body.waitlisted],
        [1, 1],
        'nothing refused changed the walk',
      );

      const key = { ...coordinator, 'idempotency-key': `remove-${id}` };
      const done = await remove({ reason: 'Adresse inventée, inscription en double' }, key);
      assert.equal(done.status, 200, JSON.stringify(done.body));
      assert.deepEqual(done.body, { status: 'removed', registrationId: fake.registrationId });
      const retried = await remove({ reason: 'Adresse inventée, inscription en double' }, key);
      assert.deepEqual([retried.status, retried.body], [200, done.body], 'the same key answers the same, removing nothing more');
      const otherReason = await remove({ reason: 'Autre motif' }, key);
      assert.deepEqual([otherReason.status, otherReason.body.error.code], [422, 'request.idempotency-key-reused']);
      const again = await remove({ reason: 'Doublon' });
      assert.deepEqual([again.status, again.body.error.code], [409, 'registration.invalid-transition']);
      const events = await server.gusp.store.read(`walk-${id}`);
      assert.equal(events.events.filter((e) => e.type === 'RegistrationRemoved').length, 1);

      const summary = (await call(base, 'GET', `/api/walks/${id}`)).body;
      assert.deepEqual([summary.confirmed, summary.waitlisted], [1, 0], 'the seat went to the waiting list');
      const list = (await call(base, 'GET', `/api/walks/${id}/registrations`, { headers: agent })).body.registrations;
      assert.deepEqual(
        list.map((r: { id: string; status: string; removalReason?: string }) => [r.id, r.status, r.removalReason]),
        [
          [fake.registrationId, 'removed', 'Adresse inventée, inscription en double'],
          [next.registrationId, 'confirmed', undefined],
        ],
      );
      // The person can no longer cancel what is already gone.
      const cancel = await call(base, 'DELETE', `/api/walks/${id}/registrations/${fake.registrationId}?token=${fake.cancelToken}`);
      assert.equal(cancel.status, 409);
    });

    test('200 simultaneous sign-ups for 30 seats: exactly 30 confirmed, 170 waitlisted in order', async () => {
      const id = await openWalk(server.gusp, { capacity: 30 });
      // Positions 1..170, each once, in the order of the journal (the helper a workshop's test shares).
      await rushSignUps(server.gusp.store, [base], `/api/walks/${id}`, `walk-${id}`, { count: 200, capacity: 30, tag: 'rush' });
      const summary = (await call(base, 'GET', `/api/walks/${id}`)).body;
      assert.deepEqual([summary.confirmed, summary.waitlisted, summary.seatsLeft], [30, 170, 0]);
    });

    test('200 simultaneous sign-ups spread over two server instances on one database: exactly 30 confirmed', async () => {
      const second = await startServer({ database: db });
      try {
        const id = await openWalk(server.gusp, { capacity: 30 });
        await rushSignUps(server.gusp.store, [base, second.url], `/api/walks/${id}`, `walk-${id}`, {
          count: 200,
          capacity: 30,
          tag: 'twin',
        });
        for (const url of [base, second.url]) {
          const summary = (await call(url, 'GET', `/api/walks/${id}`)).body;
          assert.deepEqual([summary.confirmed, summary.waitlisted], [30, 170]);
        }
      } finally {
        await second.close();
      }
    });

    test('Idempotency-Key: a retried sign-up is applied once, also with 20 identical requests at once', async () => {
      const id = await openWalk(server.gusp, { capacity: 50 });
      const headers = { 'idempotency-key': 'retry-1' };
      const one = await call(base, 'POST', `/api/walks/${id}/registrations`, { body: person('idem'), headers });
      const two = await call(base, 'POST', `/api/walks/${id}/registrations`, { body: person('idem'), headers });
      assert.equal(one.status, 201);
      assert.equal(two.status, 201);
      assert.deepEqual(two.body, one.body);

      const burst = await Promise.all(
        Array.from({ length: 20 }, () =>
          call(base, 'POST', `/api/walks/${id}/registrations`, { body: person('idem-burst'), headers: { 'idempotency-key': 'burst-1' } }),
        ),
      );
      assert.ok(burst.every((r) => r.status === 201));
      assert.equal(new Set(burst.map((r) => r.body.registrationId)).size, 1);
      const summary = (await call(base, 'GET', `/api/walks/${id}`)).body;
      assert.equal(summary.confirmed, 2);

      // The same key on another walk is another command.
      const other = await openWalk(server.gusp);
      const elsewhere = await call(base, 'POST', `/api/walks/${other}/registrations`, { body: person('idem'), headers });
      assert.equal(elsewhere.status, 201);
      assert.notEqual(elsewhere.body.registrationId, one.body.registrationId);
    });

    test('Idempotency-Key reused with another body: 422 request.idempotency-key-reused, never the first person’s registration', async () => {
      const id = await openWalk(server.gusp, { capacity: 1 });
      const path = `/api/walks/${id}/registrations`;
      const headers = { 'idempotency-key': 'reused-1' };
      const first = await call(base, 'POST', path, { body: person('first-owner'), headers });
      assert.equal(first.status, 201);
      const leaks = new RegExp(`${first.body.registrationId}|${first.body.cancelToken}|first-owner`);
      // Another person with the first one's key (on a full walk too): refused, in the caller's language.
      for (const lang of ['fr', 'en']) {
        const other = await call(base, 'POST', path, {
          body: person(`intruder-${lang}`),
          headers: { ...headers, 'accept-language': lang },
        });
        assert.deepEqual([other.status, other.body.error?.code], [422, 'request.idempotency-key-reused']);
        assert.match(other.body.error.message, lang === 'fr' ? /déjà servi/ : /already used/);
        assert.doesNotMatch(JSON.stringify(other.body), leaks);
      }
      // The same body is still a retry: the first answer again.
      const again = await call(base, 'POST', path, { body: person('first-owner'), headers });
      assert.deepEqual(again.body, first.body);
      // Ten different people racing with one key: one is signed up, the nine others are refused, none sees another's token.
      const race = await openWalk(server.gusp, { capacity: 50 });
      const answers = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          call(base, 'POST', `/api/walks/${race}/registrations`, { body: person(`racer-${i}`), headers: { 'idempotency-key': 'race-1' } }),
        ),
      );
      const won = answers.filter((r) => r.status === 201);
      assert.equal(won.length, 1, JSON.stringify(answers.map((r) => r.status)));
      for (const r of answers.filter((a) => a.status !== 201)) {
        assert.deepEqual([r.status, r.body.error?.code], [422, 'request.idempotency-key-reused']);
        assert.doesNotMatch(JSON.stringify(r.body), new RegExp(`${won[0]?.body.cancelToken}`));
      }
      assert.equal((await call(base, 'GET', `/api/walks/${race}`)).body.confirmed, 1);
      // A staff command too: the same key with another reason is refused, not answered with the first walk.
      const staffHeaders = { authorization: `Bearer ${(await createToken(db.sql, { role: 'coordinator' })).token}` };
      const walkA = await openWalk(server.gusp);
      const cancelled = await call(base, 'POST', `/api/walks/${walkA}/cancel`, {
        body: { reason: 'Pluie' },
        headers: { ...staffHeaders, 'idempotency-key': 'cancel-1' },
      });
      assert.equal(cancelled.status, 200, JSON.stringify(cancelled.body));
      const otherReason = await call(base, 'POST', `/api/walks/${walkA}/cancel`, {
        body: { reason: 'Grève' },
        headers: { ...staffHeaders, 'idempotency-key': 'cancel-1' },
      });
      assert.deepEqual([otherReason.status, otherReason.body.error?.code], [422, 'request.idempotency-key-reused']);
    });

    test('cross-site simple POSTs are refused (415): JSON only, multipart only with a custom header, so a browser must preflight', async () => {
      const id = await openWalk(server.gusp, { capacity: 10 });
      const reg = `/api/walks/${id}/registrations`;
      const body = JSON.stringify(person('cross-site'));
      // What an HTML form or a `no-cors` fetch on any site can send without a preflight.
      const simple: [string, RequestInit][] = [
        ['text/plain', { headers: { 'content-type': 'text/plain;charset=UTF-8' }, body }],
        ['form-encoded', { headers: { 'content-type': 'application/x-www-form-urlencoded' }, body }],
        ['no type at all', { body: new TextEncoder().encode(body) }],
        [
          'multipart without a custom header',
          {
            body: (() => {
              const f = new FormData();
              f.set('name', 'x');
              return f;
            })(),
          },
        ],
      ];
      for (const [label, init] of simple) {
        const res = await fetch(base + reg, { method: 'POST', ...init });
        const answer = await res.json();
        assert.deepEqual([res.status, answer.error?.code], [415, 'request.unsupported-media-type'], label);
        assert.match(answer.error.message, /JSON/, label);
      }
      const en = await fetch(base + reg, { method: 'POST', headers: { 'content-type': 'text/plain', 'accept-language': 'en' }, body });
      assert.match((await en.json()).error.message, /^Content type refused \(text\/plain\): send JSON/);
      assert.equal((await call(base, 'GET', `/api/walks/${id}`)).body.confirmed, 0, 'no simple POST signed anyone up');
      // JSON with a charset is JSON; a multipart observation needs Idempotency-Key or X-Requested-With.
      const json = await fetch(base + reg, { method: 'POST', headers: { 'content-type': 'application/json; charset=utf-8' }, body });
      assert.equal(json.status, 201);
      const observation = {
        quartierId: 'polygone',
        polarity: 'positive',
        themeId: 'lien-social',
        description: 'Jardin partagé',
        address: 'Square',
      };
      const form = () => {
        const f = new FormData();
        f.set('observation', JSON.stringify(observation));
        return f;
      };
      const bare = await fetch(`${base}/api/observations`, { method: 'POST', body: form() });
      assert.deepEqual([bare.status, (await bare.json()).error?.code], [415, 'request.unsupported-media-type']);
      for (const header of ['Idempotency-Key', 'X-Requested-With']) {
        const sent = await fetch(`${base}/api/observations`, { method: 'POST', headers: { [header]: `mp-${header}` }, body: form() });
        assert.equal(sent.status, 201, header);
      }
      const formOnJsonRoute = await fetch(base + reg, { method: 'POST', headers: { 'idempotency-key': 'mp-reg' }, body: form() });
      assert.equal(formOnJsonRoute.status, 415, 'multipart only where a route takes it');
      // Staff commands are JSON too.
      const staff = { authorization: `Bearer ${(await createToken(db.sql, { role: 'coordinator' })).token}` };
      const staffText = await fetch(`${base}/api/walks/${id}/cancel`, {
        method: 'POST',
        headers: { ...staff, 'content-type': 'text/plain' },
        body: JSON.stringify({ reason: 'Pluie' }),
      });
      assert.equal(staffText.status, 415);
      // Open311 stays form-encoded, as GeoReport v2 says.
      const open311 = await call(base, 'POST', '/open311/v2/requests.json', {
        raw: new URLSearchParams({ service_code: 'voirie', lat: '44.92', long: '4.91', description: 'Nid-de-poule' }).toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
      assert.equal(open311.status, 201, JSON.stringify(open311.body));
    });

    test('Idempotency-Key: 20 identical observation reports at once make one observation', async () => {
      const body = {
        quartierId: 'fontbarlettes',
        polarity: 'problem',
        themeId: 'eclairage-public',
        description: 'Lampadaire éteint rue des Alpes',
        address: 'Rue des Alpes',
      };
      const before = (await server.gusp.observations.list()).length;
      const burst = await Promise.all(
        Array.from({ length: 20 }, () => call(base, 'POST', '/api/observations', { body, headers: { 'idempotency-key': 'obs-burst-1' } })),
      );
      assert.deepEqual(
        burst.filter((r) => r.status !== 201).map((r) => [r.status, r.body]),
        [],
      );
      assert.equal(new Set(burst.map((r) => r.body.id)).size, 1);
      assert.equal((await server.gusp.observations.list()).length, before + 1);
      const bad = await call(base, 'POST', '/api/observations', { body, headers: { 'idempotency-key': 'x'.repeat(201) } });
      assert.equal(bad.status, 400);
      assert.equal(bad.body.error.code, 'request.invalid-idempotency-key');
    });

    test('POST /api/observations records a report without exposing its reporter', async () => {
      const r = await call(base, 'POST', '/api/observations', {
        body: {
          quartierId: 'le-plan',
          polarity: 'positive',
          themeId: 'espaces-verts',
          description: 'Le jardin partagé est bien entretenu',
          point: { lat: 44.9205, lon: 4.9128 },
          reporter: { name: 'Jeanne Témoin', email: 'jeanne@example.org', consent: true },
        },
      });
      assert.equal(r.status, 201);
      assert.equal(r.body.status, 'recorded');
      assert.equal(r.body.source, 'resident');
      assert.equal(r.body.reporter, undefined);
      assert.ok(!JSON.stringify(r.body).includes('jeanne@example.org'));
      const stats = await call(base, 'GET', '/api/observations/stats?quartier=le-plan');
      assert.equal(stats.status, 200);
      const agent = await call(base, 'POST', '/api/observations', {
        body: {
          quartierId: 'le-plan',
          polarity: 'problem',
          themeId: 'voirie',
          description: 'Nid de poule',
          address: 'Av. X',
          source: 'agent',
        },
      });
      assert.equal(agent.status, 403);
      assert.equal(agent.body.error.code, 'request.source-forbidden');
    });

    test('GET /api/engagements, its dashboard and one engagement', async () => {
      const proposed = await server.gusp.engagements.propose({
        title: 'Réparer l’éclairage du passage',
        quartierId: 'le-plan',
        themeId: 'eclairage-public',
        organisationId: 'ville-de-valence',
      });
      assert.ok(proposed.ok);
      const list = await call(base, 'GET', '/api/engagements?quartier=le-plan');
      assert.equal(list.status, 200);
      assert.ok(list.body.engagements.some((e: { id: string }) => e.id === proposed.value.id));
      const dashboard = await call(base, 'GET', '/api/engagements/dashboard?organisation=ville-de-valence');
      assert.equal(dashboard.status, 200);
      assert.ok(dashboard.body.total >= 1);
      assert.ok(dashboard.body.byStatus.proposed >= 1);
      const one = await call(base, 'GET', `/api/engagements/${proposed.value.id}`);
      assert.equal(one.status, 200);
      assert.equal(one.body.title, 'Réparer l’éclairage du passage');
      const missing = await call(base, 'GET', '/api/engagements/unknown-id', { headers: { 'accept-language': 'en' } });
      assert.equal(missing.status, 404);
      assert.equal(missing.body.error.code, 'engagement.not-found');
      assert.equal(missing.body.error.message, 'This commitment cannot be found.');
    });

    test('staff tokens: none is 401, a wrong or revoked one is 401, an agent reads registrations without cancel tokens', async () => {
      const id = await openWalk(server.gusp, { capacity: 5 });
      const signed = (await call(base, 'POST', `/api/walks/${id}/registrations`, { body: person('staff-view', { name: 'Paul Lisible' }) }))
        .body;
      const path = `/api/walks/${id}/registrations`;
      assert.equal((await call(base, 'GET', path)).body.error.code, 'auth.required');
      const wrong = await call(base, 'GET', path, { headers: { authorization: 'Bearer gusp_not-a-real-token-at-all' } });
      assert.deepEqual([wrong.status, wrong.body.error.code], [401, 'auth.invalid-token']);
      const garbage = await call(base, 'GET', path, { headers: { authorization: 'Basic Zm9vOmJhcg==' } });
      assert.deepEqual([garbage.status, garbage.body.error.code], [401, 'auth.invalid-token']);

      const agent = await createToken(db.sql, { role: 'agent', label: 'Agent de proximité' });
      const seen = await call(base, 'GET', path, { headers: { authorization: `Bearer ${agent.token}` } });
      assert.equal(seen.status, 200);
      assert.equal(seen.body.registrations[0].name, 'Paul Lisible');
      assert.ok(!JSON.stringify(seen.body).includes(signed.cancelToken));
      const stored = await db.sql.query('SELECT * FROM staff_tokens WHERE id = $1', [agent.id]);
      assert.ok(!JSON.stringify(stored.rows).includes(agent.token), 'only a hash of the token is stored');

      const org = await createToken(db.sql, { role: 'organisation', organisationId: 'oph' });
      const forbidden = await call(base, 'GET', path, { headers: { authorization: `Bearer ${org.token}`, 'accept-language': 'en' } });
      assert.deepEqual(
        [forbidden.status, forbidden.body.error.code, forbidden.body.error.message],
        [403, 'auth.forbidden', 'Your role does not allow this action.'],
      );

      assert.ok(await revokeToken(db.sql, agent.id));
      const revoked = await call(base, 'GET', path, { headers: { authorization: `Bearer ${agent.token}` } });
      assert.deepEqual([revoked.status, revoked.body.error.code], [401, 'auth.invalid-token']);
    });

    test('a coordinator schedules, publishes and runs a walk over HTTP; an agent checks people in but may not schedule', async () => {
      const coordinator = { authorization: `Bearer ${(await createToken(db.sql, { role: 'coordinator' })).token}` };
      const agent = { authorization: `Bearer ${(await createToken(db.sql, { role: 'agent' })).token}` };
      const input = {
        quartierId: 'chamberliere',
        startsAt: new Date(Date.now() + 20 * 60_000).toISOString(),
        capacity: 10,
        meetingPoint: { label: 'Centre social' },
        registrationDeadline: new Date(Date.now() + 10 * 60_000).toISOString(),
      };
      const denied = await call(base, 'POST', '/api/walks', { body: input, headers: agent });
      assert.deepEqual([denied.status, denied.body.error.code], [403, 'auth.forbidden']);
      const scheduled = await call(base, 'POST', '/api/walks', { body: input, headers: coordinator });
      assert.equal(scheduled.status, 201, JSON.stringify(scheduled.body));
      const id = scheduled.body.id as string;
      const invalid = await call(base, 'POST', '/api/walks', { body: { ...input, quartierId: 'atlantis' }, headers: coordinator });
      assert.equal(invalid.status, 422);
      const published = await call(base, 'POST', `/api/walks/${id}/publish`, { headers: coordinator });
      assert.deepEqual([published.status, published.body.status], [200, 'open']);
      const twice = await call(base, 'POST', `/api/walks/${id}/publish`, { headers: coordinator });
      assert.deepEqual([twice.status, twice.body.error.code], [409, 'walk.invalid-transition']);
      const signed = (await call(base, 'POST', `/api/walks/${id}/registrations`, { body: person('checked') })).body;
      const closed = await call(base, 'POST', `/api/walks/${id}/close-registrations`, { headers: coordinator });
      assert.deepEqual([closed.status, closed.body.status], [200, 'closed'], JSON.stringify(closed.body));
      const started = await call(base, 'POST', `/api/walks/${id}/start`, { headers: coordinator });
      assert.deepEqual([started.status, started.body.status], [200, 'in-progress'], JSON.stringify(started.body));
      const checkedIn = await call(base, 'POST', `/api/walks/${id}/registrations/${signed.registrationId}/check-in`, { headers: agent });
      assert.deepEqual([checkedIn.status, checkedIn.body.status], [200, 'attended']);
      const publicTry = await call(base, 'POST', `/api/walks/${id}/registrations/${signed.registrationId}/check-in`);
      assert.equal(publicTry.status, 401);

      const recorded = await call(base, 'POST', '/api/observations', {
        body: {
          walkId: id,
          polarity: 'problem',
          themeId: 'nettoyage',
          description: 'Dépôt sauvage',
          address: 'Rue Berthelot',
          source: 'walk',
        },
        headers: agent,
      });
      assert.equal(recorded.status, 201, JSON.stringify(recorded.body));
      const qualified = await call(base, 'POST', `/api/observations/${recorded.body.id}/qualify`, {
        body: { organisationId: 'ville-de-valence', severity: 'high' },
        headers: agent,
      });
      assert.deepEqual([qualified.status, qualified.body.status], [200, 'qualified']);
      const cancelled = await call(base, 'POST', `/api/walks/${id}/cancel`, { body: { reason: 'Orage' }, headers: coordinator });
      assert.deepEqual([cancelled.status, cancelled.body.error?.code], [409, 'walk.invalid-transition']);

      // Finish, then the compte-rendu: hidden from the public until shared, and anonymous.
      const early = await call(base, 'POST', `/api/walks/${id}/report/draft`, { headers: coordinator });
      assert.deepEqual([early.status, early.body.error?.code], [409, 'report.walk-not-done']);
      const finished = await call(base, 'POST', `/api/walks/${id}/finish`, { headers: coordinator });
      assert.deepEqual([finished.status, finished.body.status], [200, 'done'], JSON.stringify(finished.body));
      const drafted = await call(base, 'POST', `/api/walks/${id}/report/draft`, { headers: coordinator });
      assert.deepEqual([drafted.status, drafted.body.status], [200, 'draft'], JSON.stringify(drafted.body));
      assert.equal((await call(base, 'GET', `/api/walks/${id}/report`)).status, 404);
      assert.equal((await call(base, 'GET', `/api/walks/${id}/report`, { headers: agent })).status, 200);
      assert.equal(
        (await call(base, 'POST', `/api/walks/${id}/report/validate`, { body: { summary: 42 }, headers: coordinator })).status,
        422,
      );
      assert.equal(
        (await call(base, 'POST', `/api/walks/${id}/report/validate`, { body: { summary: 'Propreté à revoir.' }, headers: coordinator }))
          .status,
        200,
      );
      const shared = await call(base, 'POST', `/api/walks/${id}/report/share`, { body: {}, headers: coordinator });
      assert.deepEqual([shared.status, shared.body.status], [200, 'shared'], JSON.stringify(shared.body));
      const report = await call(base, 'GET', `/api/walks/${id}/report`);
      assert.equal(report.status, 200);
      assert.equal(report.body.participantsTotal, 1);
      assert.ok(!JSON.stringify(report.body).includes('habitant-checked@example.org'));
      assert.equal((await call(base, 'GET', `/api/walks/${id}`)).body.status, 'reported');
      const observations = await call(base, 'GET', `/api/observations?walk=${id}`);
      assert.deepEqual(
        observations.body.observations.map((o: { id: string }) => o.id),
        [recorded.body.id],
      );
    });

    test('an organisation token changes its own engagements only', async () => {
      const oph = { authorization: `Bearer ${(await createToken(db.sql, { role: 'organisation', organisationId: 'oph' })).token}` };
      const coordinator = { authorization: `Bearer ${(await createToken(db.sql, { role: 'coordinator' })).token}` };
      const proposed = await call(base, 'POST', '/api/engagements', {
        body: { title: 'Repeindre la cage d’escalier', quartierId: 'valensolles', organisationId: 'ville-de-valence' },
        headers: coordinator,
      });
      assert.equal(proposed.status, 201, JSON.stringify(proposed.body));
      const due = new Date(Date.now() + 40 * 86_400_000).toISOString().slice(0, 10);
      const stolen = await call(base, 'POST', `/api/engagements/${proposed.body.id}/accept`, {
        body: { organisationId: 'oph', dueOn: due },
        headers: oph,
      });
      assert.deepEqual([stolen.status, stolen.body.error.code], [403, 'engagement.forbidden-organisation']);
      const accepted = await call(base, 'POST', `/api/engagements/${proposed.body.id}/accept`, {
        body: { organisationId: 'ville-de-valence', dueOn: due },
        headers: coordinator,
      });
      assert.deepEqual([accepted.status, accepted.body.status], [200, 'accepted']);
      const progress = await call(base, 'POST', `/api/engagements/${proposed.body.id}/start`, { body: {}, headers: oph });
      assert.deepEqual([progress.status, progress.body.error.code], [403, 'engagement.forbidden-organisation']);
      // Another organisation's engagement stays 403 whatever the body.
      const foreignInvalid = await call(base, 'POST', `/api/engagements/${proposed.body.id}/progress`, {
        body: { percent: 150 },
        headers: oph,
      });
      assert.deepEqual([foreignInvalid.status, foreignInvalid.body.error.code], [403, 'engagement.forbidden-organisation']);

      const own = await call(base, 'POST', '/api/engagements', {
        body: { title: 'Changer les boîtes aux lettres', quartierId: 'valensolles' },
        headers: coordinator,
      });
      const mine = await call(base, 'POST', `/api/engagements/${own.body.id}/accept`, {
        body: { organisationId: 'oph', dueOn: due },
        headers: oph,
      });
      assert.deepEqual([mine.status, mine.body.organisationId], [200, 'oph']);
      // No body at all: every field of `start` is optional.
      const started = await call(base, 'POST', `/api/engagements/${own.body.id}/start`, { headers: oph });
      assert.equal(started.status, 200);
      const progressed = await call(base, 'POST', `/api/engagements/${own.body.id}/progress`, {
        body: { percent: 50, note: 'Moitié des halls faits' },
        headers: oph,
      });
      assert.deepEqual([progressed.status, progressed.body.progress], [200, 50]);
      const badPercent = await call(base, 'POST', `/api/engagements/${own.body.id}/progress`, { body: { percent: 150 }, headers: oph });
      assert.deepEqual([badPercent.status, badPercent.body.error.code], [422, 'validation.invalid']);
      const publicTry = await call(base, 'POST', `/api/engagements/${own.body.id}/complete`, { body: {} });
      assert.equal(publicTry.status, 401);
    });

    test('CORS: only the configured origins may call the API from a browser', async () => {
      const other = await startServer({ database: db, corsOrigins: ['https://www.valence.fr'] });
      try {
        const preflight = await fetch(`${other.url}/api/walks/x/registrations`, {
          method: 'OPTIONS',
          headers: {
            origin: 'https://www.valence.fr',
            'access-control-request-method': 'POST',
            'access-control-request-headers': 'content-type,idempotency-key',
          },
        });
        await preflight.arrayBuffer();
        assert.equal(preflight.headers.get('access-control-allow-origin'), 'https://www.valence.fr');
        assert.match(preflight.headers.get('access-control-allow-headers') ?? '', /Idempotency-Key/i);
        const foreign = await call(other.url, 'GET', '/api/walks', { headers: { origin: 'https://evil.example' } });
        assert.equal(foreign.status, 200);
        assert.equal(foreign.headers.get('access-control-allow-origin'), null);
      } finally {
        await other.close();
      }
    });

    test('rate limit: public writes beyond the burst get 429 with Retry-After; reads and staff do not count', async () => {
      const other = await startServer({ database: db, rateLimit: { perMinute: 6, burst: 3 } });
      try {
        const id = await openWalk(server.gusp, { capacity: 50 });
        const codes: number[] = [];
        for (let i = 0; i < 5; i++)
          codes.push((await call(other.url, 'POST', `/api/walks/${id}/registrations`, { body: person(`limited-${i}`) })).status);
        assert.deepEqual(codes, [201, 201, 201, 429, 429]);
        const limited = await call(other.url, 'POST', `/api/walks/${id}/registrations`, {
          body: person('limited-x'),
          headers: { 'accept-language': 'en' },
        });
        assert.equal(limited.body.error.code, 'request.rate-limited');
        assert.match(limited.body.error.message, /^Too many requests/);
        assert.ok(Number(limited.headers.get('retry-after')) >= 1);
        assert.equal((await call(other.url, 'GET', `/api/walks/${id}`)).status, 200);
        // A made-up token is anonymous; a valid staff token is not limited.
        const forged = await call(other.url, 'POST', `/api/walks/${id}/registrations`, {
          body: person('limited-forged'),
          headers: { authorization: 'Bearer made-up-token-123456' },
        });
        assert.equal(forged.status, 429);
        const { token } = await createToken(db.sql, { role: 'coordinator', label: 'rate limit test' });
        const staff = await call(other.url, 'POST', `/api/walks/${id}/registrations`, {
          body: person('limited-staff'),
          headers: { authorization: `Bearer ${token}` },
        });
        assert.equal(staff.status, 201);
      } finally {
        await other.close();
      }
    });

    test('one client cannot fill a walk: 62 anonymous sign-ups take at most the per-walk limit (429, Retry-After); staff are not limited', async () => {
      // The CLI's defaults: 60 writes a minute per IP (a burst of 60), and the per-walk limit of sign-ups.
      const other = await startServer({
        database: db,
        rateLimit: { perMinute: 60, burst: 60, signupsPerClient: DEFAULT_SIGNUPS_PER_CLIENT },
      });
      try {
        const id = await openWalk(server.gusp, { capacity: 30 });
        const path = `/api/walks/${id}/registrations`;
        // A refused sign-up (no consent) does not count.
        const refused = await call(other.url, 'POST', path, { body: person('no-consent', { consent: false }) });
        assert.equal(refused.status, 422);
        const answers = await Promise.all(
          Array.from({ length: 62 }, (_, i) => call(other.url, 'POST', path, { body: person(`filler-${i}`) })),
        );
        const taken = answers.filter((r) => r.status === 201).length;
        assert.equal(taken, DEFAULT_SIGNUPS_PER_CLIENT, JSON.stringify(answers.map((r) => r.status)));
        const limited = answers.filter((r) => r.body?.error?.code === 'request.signups-limited');
        // The per-IP bucket lets 59 through (the refused one took a token): all but the first few meet the per-walk limit.
        assert.ok(limited.length >= 59 - DEFAULT_SIGNUPS_PER_CLIENT, String(limited.length));
        for (const r of limited) {
          assert.equal(r.status, 429);
          assert.ok(Number(r.headers.get('retry-after')) > 60, 'a slot frees up only when the window has passed');
        }
        assert.ok(answers.every((r) => r.status === 201 || r.status === 429));
        const summary = (await call(other.url, 'GET', `/api/walks/${id}`)).body;
        assert.equal(summary.confirmed + summary.waitlisted, DEFAULT_SIGNUPS_PER_CLIENT);
        // Staff sign people up without limit (a centre social's group).
        const { token } = await createToken(db.sql, { role: 'coordinator', label: 'sign-up limit test' });
        for (let i = 0; i < 6; i++) {
          const staff = await call(other.url, 'POST', path, { body: person(`group-${i}`), headers: { authorization: `Bearer ${token}` } });
          assert.equal(staff.status, 201);
        }
      } finally {
        await other.close();
      }
      // Per walk: the same client may still sign up to another walk, and the message is French by default.
      const fresh = await startServer({ database: db, rateLimit: { perMinute: 60, burst: 60, signupsPerClient: 1 } });
      try {
        const [a, b] = [await openWalk(server.gusp), await openWalk(server.gusp)];
        assert.equal((await call(fresh.url, 'POST', `/api/walks/${a}/registrations`, { body: person('walk-a') })).status, 201);
        const second = await call(fresh.url, 'POST', `/api/walks/${a}/registrations`, { body: person('walk-a2') });
        assert.deepEqual([second.status, second.body.error?.code], [429, 'request.signups-limited']);
        assert.match(second.body.error.message, /^Trop d’inscriptions à cette balade depuis cette connexion \(1 au plus\)/);
        const en = await call(fresh.url, 'POST', `/api/walks/${a}/registrations`, {
          body: person('walk-a3'),
          headers: { 'accept-language': 'en' },
        });
        assert.match(en.body.error.message, /^Too many sign-ups to this walk from this connection \(at most 1\)/);
        assert.ok(Number(en.headers.get('retry-after')) > 3500);
        assert.equal((await call(fresh.url, 'POST', `/api/walks/${b}/registrations`, { body: person('walk-b') })).status, 201);
      } finally {
        await fresh.close();
      }
    });

    test('bad input on every endpoint: a 4xx with a code and a message, never a 500', async () => {
      const id = await openWalk(server.gusp, { capacity: 3 });
      await call(base, 'POST', `/api/walks/${id}/registrations`, { body: person('taken') });
      const closed = await openWalk(server.gusp);
      await server.gusp.walks.closeRegistrations(closed);
      const huge = JSON.stringify({ ...person('big'), needsNote: 'x'.repeat(70 * 1024) });
      const reg = `/api/walks/${id}/registrations`;
      const past = await server.gusp.walks.schedule({
        quartierId: 'le-plan',
        startsAt: '2020-01-01T09:00:00+01:00',
        meetingPoint: { label: 'Mairie' },
      });
      assert.ok(past.ok);
      const pastDraft = past.value.id;
      const staffHeaders = { authorization: `Bearer ${(await createToken(db.sql, { role: 'coordinator' })).token}` };
      const staffCases: typeof cases = [
        ['POST', '/api/walks', { raw: '{', headers: { ...staffHeaders, 'content-type': 'application/json' } }, 400, 'request.invalid-json'],
        ['POST', '/api/walks', { body: { quartierId: 'le-plan' }, headers: staffHeaders }, 422, 'validation.invalid'],
        ['POST', `/api/walks/${pastDraft}/publish`, { headers: staffHeaders }, 422, 'walk.start-in-past'],
        ['POST', '/api/walks/unknown/publish', { headers: staffHeaders }, 404, 'walk.not-found'],
        ['POST', `/api/walks/${id}/cancel`, { body: { reason: 7 }, headers: staffHeaders }, 422, 'validation.invalid'],
        ['POST', `/api/walks/${id}/reschedule`, { body: { startsAt: 'tomorrow' }, headers: staffHeaders }, 422, 'validation.invalid'],
        ['POST', `${reg}/unknown/check-in`, { headers: staffHeaders }, 404, 'registration.not-found'],
        ['GET', '/api/walks/unknown/registrations', { headers: staffHeaders }, 404, 'walk.not-found'],
        ['GET', '/api/walks/unknown/report', {}, 404, 'walk.not-found'],
        ['GET', `/api/walks/${id}/report`, {}, 404, 'report.not-found'],
        ['POST', '/api/walks/unknown/report/validate', { body: {}, headers: staffHeaders }, 404, 'walk.not-found'],
        [
          'POST',
          '/api/observations/unknown/qualify',
          { body: { organisationId: 'oph' }, headers: staffHeaders },
          404,
          'observation.not-found',
        ],
        ['POST', '/api/engagements', { body: { title: '' }, headers: staffHeaders }, 422, 'validation.invalid'],
        ['POST', '/api/engagements/unknown/progress', { body: { percent: 10 }, headers: staffHeaders }, 404, 'engagement.not-found'],
        [
          'POST',
          '/api/engagements/unknown/progress',
          { raw: '[', headers: { ...staffHeaders, 'content-type': 'application/json' } },
          400,
          'request.invalid-json',
        ],
        ['POST', '/api/engagements/unknown/progress', { body: { percent: 10 } }, 401, 'auth.required'],
        // What the core checks before the input comes first: an unknown target is 404 whatever the body.
        ['POST', '/api/walks/unknown/cancel', { body: { reason: 7 }, headers: staffHeaders }, 404, 'walk.not-found'],
        ['POST', '/api/walks/unknown/reschedule', { body: {}, headers: staffHeaders }, 404, 'walk.not-found'],
        ['POST', '/api/walks/unknown/report/validate', { body: { summary: 42 }, headers: staffHeaders }, 404, 'walk.not-found'],
        ['POST', '/api/observations/unknown/qualify', { body: {}, headers: staffHeaders }, 404, 'observation.not-found'],
        ['POST', '/api/observations/unknown/mark-duplicate', { body: { of: 7 }, headers: staffHeaders }, 404, 'observation.not-found'],
        ['POST', '/api/engagements/unknown/progress', { body: { percent: 500 }, headers: staffHeaders }, 404, 'engagement.not-found'],
      ];
      const cases: [
        method: string,
        path: string,
        init: { body?: unknown; raw?: string; headers?: Record<string, string> },
        status: number,
        code: string,
      ][] = [
        // Raw bodies say they are JSON: any other type is refused first (415, see the cross-site test).
        ['POST', reg, { raw: '{"name": "A",', headers: { 'content-type': 'application/json' } }, 400, 'request.invalid-json'],
        ['POST', reg, { raw: '' }, 400, 'request.invalid-json'],
        ['POST', reg, { raw: 'undefined', headers: { 'content-type': 'application/json' } }, 400, 'request.invalid-json'],
        ['POST', reg, { raw: huge }, 413, 'request.too-large'],
        ['POST', reg, { body: null }, 422, 'validation.invalid'],
        ['POST', reg, { body: [] }, 422, 'validation.invalid'],
        ['POST', reg, { body: 'name' }, 422, 'validation.invalid'],
        ['POST', reg, { body: 42 }, 422, 'validation.invalid'],
        ['POST', reg, { body: {} }, 422, 'validation.invalid'],
        ['POST', reg, { body: { ...person('t1'), name: 42 } }, 422, 'validation.invalid'],
        ['POST', reg, { body: { ...person('t2'), consent: 'yes' } }, 422, 'validation.invalid'],
        ['POST', reg, { body: { ...person('t3'), email: 'not-an-email' } }, 422, 'validation.invalid'],
        ['POST', reg, { body: { ...person('t4'), needs: ['flying'] } }, 422, 'validation.invalid'],
        ['POST', reg, { body: { ...person('t5'), role: 'king' } }, 422, 'validation.invalid'],
        ['POST', reg, { body: { name: 'Sans contact', consent: true } }, 422, 'registration.contact-required'],
        ['POST', reg, { body: { ...person('t6'), consent: false } }, 422, 'registration.consent-required'],
        ['POST', reg, { body: person('taken') }, 409, 'registration.duplicate-email'],
        ['POST', `/api/walks/${closed}/registrations`, { body: person('late') }, 409, 'walk.registration-closed'],
        ['POST', '/api/walks/unknown/registrations', { body: person('x') }, 404, 'walk.not-found'],
        ['POST', '/api/walks/unknown/registrations', { body: {} }, 404, 'walk.not-found'],
        ['DELETE', `${reg}/unknown?token=abc`, {}, 404, 'registration.not-found'],
        ['DELETE', '/api/walks/unknown/registrations/unknown?token=abc', {}, 404, 'walk.not-found'],
        ['POST', '/api/observations', { raw: '{', headers: { 'content-type': 'application/json' } }, 400, 'request.invalid-json'],
        ['POST', '/api/observations', { body: {} }, 422, 'validation.invalid'],
        [
          'POST',
          '/api/observations',
          { body: { polarity: 'meh', themeId: 'voirie', description: 'x', address: 'y', quartierId: 'le-plan' } },
          422,
          'validation.invalid',
        ],
        [
          'POST',
          '/api/observations',
          { body: { polarity: 'problem', themeId: 'voirie', description: 'Trou', quartierId: 'le-plan' } },
          422,
          'observation.location-required',
        ],
        [
          'POST',
          '/api/observations',
          { body: { polarity: 'problem', themeId: 'licornes', description: 'x', address: 'y', quartierId: 'le-plan' } },
          422,
          'observation.unknown-theme',
        ],
        [
          'POST',
          '/api/observations',
          { body: { polarity: 'problem', themeId: 'voirie', description: 'x', address: 'y', walkId: 'nowhere' } },
          404,
          'walk.not-found',
        ],
        ['POST', '/api/observations', { raw: JSON.stringify({ description: 'x'.repeat(100 * 1024) }) }, 413, 'request.too-large'],
        ['GET', '/api/observations/stats?year=abc', {}, 400, 'request.invalid-query'],
        ['GET', '/api/engagements/%20', {}, 404, 'engagement.not-found'],
        ['GET', '/api/nothing-here', {}, 404, 'request.not-found'],
        ['PUT', '/api/walks', { body: {} }, 404, 'request.not-found'],
        ...staffCases,
      ];
      for (const [method, path, init, status, code] of cases) {
        const r = await call(base, method, path, init);
        const label = `${method} ${path} ${init.raw?.slice(0, 40) ?? JSON.stringify(init.body)?.slice(0, 80)}`;
        assert.ok(isErrorBody(r.body), `${label}: error envelope, got ${JSON.stringify(r.body)}`);
        assert.deepEqual([r.status, r.body.error.code], [status, code], label);
      }
    });

    test('fuzz: 1,500 generated bad bodies on three endpoints get a 4xx with a code (or a 201 when valid by chance), never a 500', async () => {
      const id = await openWalk(server.gusp, { capacity: 1000 });
      let seed = 0x5eed;
      const rnd = () => (seed = (seed * 1_103_515_245 + 12_345) & 0x7fffffff) / 0x7fffffff;
      const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
      const atoms: unknown[] = [
        null,
        true,
        false,
        0,
        -1,
        1e308,
        3.14,
        '',
        ' ',
        'x',
        'é'.repeat(300),
        '\u0000',
        '<script>',
        [],
        {},
        [1, 'a'],
        { a: { b: {} } },
        '2026-13-45',
        'a@b',
        '../../etc/passwd',
      ];
      const value = (depth = 0): unknown =>
        depth > 2 || rnd() < 0.6
          ? pick(atoms)
          : rnd() < 0.5
            ? [value(depth + 1)]
            : { [pick(['name', 'email', 'x', '__proto__', 'constructor'])]: value(depth + 1) };
      const registration = person('fuzz');
      const observation = { quartierId: 'le-plan', polarity: 'problem', themeId: 'voirie', description: 'Trou', address: 'Rue' };
      const mutate = (valid: Record<string, unknown>, n: number): unknown => {
        const r = rnd();
        if (r < 0.15) return value();
        const copy: Record<string, unknown> = { ...valid, email: `fuzz-${n}@example.org` };
        const keys = [...Object.keys(copy), 'role', 'needs', 'phone', 'point', 'photos', 'reporter', 'stopId', 'walkId', 'locale'];
        for (let k = 0; k < 1 + Math.floor(rnd() * 3); k++) {
          const key = pick(keys);
          if (rnd() < 0.3) delete copy[key];
          else copy[key] = value();
        }
        return copy;
      };
      const rawBreakers = ['{', '[', '{"a":}', 'nul', '{"a":1}}', '\uFEFF{}', "{'a':1}", '{"a":1,}'];
      const requests: (() => Promise<void>)[] = [];
      const open311 = { service_code: 'voirie', lat: '44.92', long: '4.91', description: 'Trou', email: 'x@example.org', consent: 'true' };
      for (let n = 0; n < 1500; n++) {
        const target = n % 3;
        const path = target === 0 ? `/api/walks/${id}/registrations` : target === 1 ? '/api/observations' : '/open311/v2/requests.json';
        const valid = target === 0 ? registration : target === 1 ? observation : open311;
        const init = rnd() < 0.1 ? { raw: pick(rawBreakers) } : { body: mutate(valid, n) };
        requests.push(async () => {
          const r = await call(base, 'POST', path, init);
          const label = `${path} ${init.raw ?? JSON.stringify(init.body)}`;
          assert.ok(r.status < 500, `${label} → ${r.status} ${JSON.stringify(r.body)}`);
          const open311List =
            Array.isArray(r.body) &&
            r.body.every(
              (e: { code?: unknown; description?: unknown }) =>
                typeof e.code === 'number' && typeof e.description === 'string' && e.description !== '',
            );
          if (r.status >= 400)
            assert.ok(target === 2 ? open311List : isErrorBody(r.body), `${label}: error envelope ${JSON.stringify(r.body)}`);
          else assert.equal(r.status, 201, label);
        });
      }
      // Ten at a time: bounded load, loopback only.
      for (let i = 0; i < requests.length; i += 10) await Promise.all(requests.slice(i, i + 10).map((f) => f()));
    });

    test('RGPD: a coordinator exports a person’s data; the purge empties it from views and from the journal, keeping counts', async () => {
      const coordinator = { authorization: `Bearer ${(await createToken(db.sql, { role: 'coordinator' })).token}` };
      const id = await openWalk(server.gusp, { capacity: 10 });
      const email = 'rgpd-person@example.org';
      await call(base, 'POST', `/api/walks/${id}/registrations`, {
        body: { name: 'Rosa Privée', email, phone: '06 98 76 54 32', consent: true, needsNote: 'Fauteuil' },
      });
      await call(base, 'POST', `/api/walks/${id}/registrations`, { body: person('rgpd-other') });
      const obs = await call(base, 'POST', '/api/observations', {
        body: {
          quartierId: 'le-plan',
          polarity: 'problem',
          themeId: 'voirie',
          description: 'Trottoir défoncé',
          address: 'Rue X',
          reporter: { name: 'Rosa Privée', email, consent: true },
        },
      });
      assert.equal(obs.status, 201);

      assert.equal((await call(base, 'GET', `/api/privacy/export?email=${email}`)).status, 401);
      const exported = await call(base, 'GET', `/api/privacy/export?email=${encodeURIComponent(email.toUpperCase())}`, {
        headers: coordinator,
      });
      assert.equal(exported.status, 200);
      assert.equal(exported.body.registrations.length, 1);
      assert.equal(exported.body.registrations[0].walk.id, id);
      assert.equal(exported.body.registrations[0].cancelToken, undefined);
      assert.equal(exported.body.observations.length, 1);
      assert.equal((await call(base, 'GET', '/api/privacy/export?email=nope', { headers: coordinator })).status, 400);
      // A NUL the database would refuse is a bad query, not a server error.
      assert.equal((await call(base, 'GET', '/api/privacy/export?email=a%00@b.fr', { headers: coordinator })).status, 400);
      assert.equal((await call(base, 'POST', '/api/privacy/erase', { headers: coordinator, body: { email: 'a\u0000@b.fr' } })).status, 400);

      const bad = await call(base, 'POST', '/api/privacy/purge', { body: { months: -1 }, headers: coordinator });
      assert.deepEqual([bad.status, bad.body.error.code], [422, 'request.invalid-months']);
      const nothingYet = await call(base, 'POST', '/api/privacy/purge', { body: { months: 12 }, headers: coordinator });
      assert.equal(nothingYet.status, 200);
      // The journal as the server reads it (unsealed with the records' keys), and as the table holds it.
      const journal = async () => journalOf(db, [`walk-${id}`, `observation-${obs.body.id}`]);
      assert.ok((await journal()).includes(email));
      assert.ok(!(await rawJournal(db, [`walk-${id}`, `observation-${obs.body.id}`])).includes(email), 'sealed in the table');

      // Thirteen months after the walk: openWalk (harness.ts) schedules up to 230 days ahead, so 630 days from now.
      const later = new Date(Date.now() + 630 * 86_400_000);
      const result = await purgePersonalData(server.gusp, db.sql, { months: 12, now: later });
      assert.ok(result.registrations >= 2 && result.observations >= 1, JSON.stringify(result));
      const text = await journal();
      for (const secret of [email, 'Rosa', '06 98 76 54 32', 'Fauteuil', 'habitant-rgpd-other@example.org'])
        assert.ok(!text.includes(secret), `journal still holds ${secret}`);
      const after = await call(base, 'GET', `/api/privacy/export?email=${email}`, { headers: coordinator });
      assert.deepEqual([after.body.registrations, after.body.observations], [[], []]);
      const summary = (await call(base, 'GET', `/api/walks/${id}`)).body;
      assert.deepEqual([summary.confirmed, summary.byRole.resident], [2, 2]);
      // Purging again changes nothing, and the journal is still closed to ordinary updates.
      assert.deepEqual(await purgePersonalData(server.gusp, db.sql, { months: 12, now: later }), {
        walks: 0,
        workshops: 0,
        registrations: 0,
        observations: 0,
        emails: 0,
        photos: 0,
        orphanPhotos: 0,
      });
      await assert.rejects(db.sql.query(`UPDATE events SET data = '{}'::json WHERE stream = $1`, [`walk-${id}`]), /append-only/);
    });

    test('RGPD: a coordinator erases one person by email, from views and journal; others and counts stay', async () => {
      const coordinator = { authorization: `Bearer ${(await createToken(db.sql, { role: 'coordinator' })).token}` };
      const id = await openWalk(server.gusp, { capacity: 10 });
      const email = 'erase-me@example.org';
      await call(base, 'POST', `/api/walks/${id}/registrations`, {
        body: { name: 'Inès Effacée', email, phone: '06 11 22 33 44', consent: true },
      });
      await call(base, 'POST', `/api/walks/${id}/registrations`, { body: person('erase-keep') });
      const obs = await call(base, 'POST', '/api/observations', {
        body: {
          quartierId: 'le-plan',
          polarity: 'positive',
          themeId: 'lien-social',
          description: 'Jardin partagé',
          address: 'Square',
          reporter: { name: 'Inès Effacée', email, consent: true },
        },
      });
      assert.equal(obs.status, 201);

      assert.equal((await call(base, 'POST', '/api/privacy/erase', { body: { email } })).status, 401);
      const bad = await call(base, 'POST', '/api/privacy/erase', { body: { email: 'nope' }, headers: coordinator });
      assert.equal(bad.status, 400);
      const erased = await call(base, 'POST', '/api/privacy/erase', { body: { email: email.toUpperCase() }, headers: coordinator });
      assert.equal(erased.status, 200);
      assert.deepEqual(erased.body, { registrations: 1, observations: 1, emails: 0, photos: 0 }); // no SMTP here: the notifications suite checks emails

      const text = await journalOf(db, [`walk-${id}`, `observation-${obs.body.id}`]);
      const raw = await rawJournal(db, [`walk-${id}`, `observation-${obs.body.id}`]);
      for (const secret of [email, 'Inès', '06 11 22 33 44']) {
        assert.ok(!text.includes(secret), `journal still holds ${secret}`);
        assert.ok(!raw.includes(secret), `journal table still holds ${secret}`);
      }
      assert.ok(text.includes('habitant-erase-keep@example.org'), 'another person is untouched');
      const after = await call(base, 'GET', `/api/privacy/export?email=${email}`, { headers: coordinator });
      assert.deepEqual([after.body.registrations, after.body.observations], [[], []]);
      const summary = (await call(base, 'GET', `/api/walks/${id}`)).body;
      assert.deepEqual([summary.confirmed, summary.byRole.resident], [2, 2]);
    });

    test('Open311 GeoReport v2: services are the themes; a POSTed request comes back with the spec’s field names', async () => {
      const services = await call(base, 'GET', '/open311/v2/services.json');
      assert.equal(services.status, 200);
      assert.deepEqual(
        services.body.map((s: { service_code: string }) => s.service_code),
        valence.themes.map((t) => t.id),
      );
      for (const s of services.body)
        assert.deepEqual(Object.keys(s).sort(), ['description', 'group', 'keywords', 'metadata', 'service_code', 'service_name', 'type']);
      assert.equal(services.body.find((s: { service_code: string }) => s.service_code === 'voirie').service_name, 'Voirie');
      const en = await call(base, 'GET', '/open311/v2/services.json', { headers: { 'accept-language': 'en' } });
      assert.equal(en.body.find((s: { service_code: string }) => s.service_code === 'voirie').service_name, 'Roads and pavements');
      assert.deepEqual((await call(base, 'GET', '/open311/v2/services/voirie.json')).body, { service_code: 'voirie', attributes: [] });
      const unknownService = await call(base, 'GET', '/open311/v2/services/licornes.json');
      assert.equal(unknownService.status, 404);
      assert.equal(unknownService.body[0].code, 404);

      const form = new URLSearchParams({
        service_code: 'eclairage-public',
        lat: '44.9229',
        long: '4.9262',
        description: 'Lampadaire clignotant',
        email: 'open311-person@example.org',
        first_name: 'Ali',
        consent: 'true',
      });
      const posted = await call(base, 'POST', '/open311/v2/requests.json', {
        raw: form.toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'idempotency-key': 'o311-1' },
      });
      assert.equal(posted.status, 201, JSON.stringify(posted.body));
      const id = posted.body[0].service_request_id as string;
      assert.deepEqual(posted.body, [{ service_request_id: id, service_notice: null, account_id: null }]);
      const again = await call(base, 'POST', '/open311/v2/requests.json', {
        raw: form.toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'idempotency-key': 'o311-1' },
      });
      assert.equal(again.body[0].service_request_id, id);

      const one = await call(base, 'GET', `/open311/v2/requests/${id}.json`);
      assert.equal(one.status, 200);
      assert.equal(one.body.length, 1);
      const request = one.body[0];
      assert.deepEqual(Object.keys(request).sort(), [...OPEN311_SERVICE_REQUEST_FIELDS].sort());
      assert.deepEqual(
        [request.status, request.service_code, request.lat, request.long, request.description],
        ['open', 'eclairage-public', 44.9229, 4.9262, 'Lampadaire clignotant'],
      );
      assert.ok(!JSON.stringify(request).includes('open311-person@example.org'));
      const observation = await server.gusp.observations.get(id);
      assert.ok(observation.ok);
      assert.equal(observation.value.quartierId, 'fontbarlettes', 'the nearest quartier');
      assert.equal(observation.value.reporter?.email, 'open311-person@example.org', 'kept, with consent');

      const list = await call(base, 'GET', '/open311/v2/requests.json?status=open&service_code=eclairage-public');
      assert.ok(list.body.some((r: { service_request_id: string }) => r.service_request_id === id));
      const closed = await call(base, 'GET', '/open311/v2/requests.json?status=closed&service_code=eclairage-public');
      assert.ok(!closed.body.some((r: { service_request_id: string }) => r.service_request_id === id));
      const json = await call(base, 'POST', '/open311/v2/requests.json', {
        body: { service_code: 'voirie', address_string: 'Place Saint-Jean', quartier_id: 'polygone', description: 'Pavés descellés' },
      });
      assert.equal(json.status, 201, JSON.stringify(json.body));

      const bad: [string, string, Record<string, string>, number][] = [
        ['POST', '/open311/v2/requests.json', { lat: '44.9', long: '4.9' }, 400],
        ['POST', '/open311/v2/requests.json', { service_code: 'licornes', lat: '44.9', long: '4.9' }, 404],
        ['POST', '/open311/v2/requests.json', { service_code: 'voirie' }, 400],
        ['POST', '/open311/v2/requests.json', { service_code: 'voirie', lat: '91', long: '4.9' }, 400],
        ['POST', '/open311/v2/requests.json', { service_code: 'voirie', address_string: 'Rue X' }, 400],
      ];
      for (const [method, path, fields, status] of bad) {
        const r = await call(base, method, path, {
          raw: new URLSearchParams(fields).toString(),
          headers: { 'content-type': 'application/x-www-form-urlencoded', 'accept-language': 'en' },
        });
        assert.equal(r.status, status, `${JSON.stringify(fields)} → ${JSON.stringify(r.body)}`);
        assert.ok(
          Array.isArray(r.body) && typeof r.body[0].description === 'string' && r.body[0].description.length > 0,
          JSON.stringify(r.body),
        );
      }
      const brokenJson = await call(base, 'POST', '/open311/v2/requests.json', {
        raw: '{',
        headers: { 'content-type': 'application/json' },
      });
      assert.equal(brokenJson.status, 400);
      assert.equal((await call(base, 'GET', '/open311/v2/requests.json?start_date=yesterday')).status, 400);
      assert.equal((await call(base, 'GET', '/open311/v2/requests/unknown.json')).status, 404);
      assert.equal((await call(base, 'GET', '/open311/v2/nothing.json')).status, 404);
    });

    test('Open311 GeoReport v2 in XML: the same documents under .xml, errors as <errors>', async () => {
      const parser = new XMLParser({ parseTagValue: false, isArray: (name) => ['service', 'request', 'error'].includes(name) });
      const xml = async (method: string, path: string, init: Parameters<typeof call>[3] = {}) => {
        const r = await call<string>(base, method, path, init);
        assert.match(r.headers.get('content-type') ?? '', /^text\/xml; charset=utf-8$/, path);
        assert.equal(XMLValidator.validate(r.body), true, `${path}: ${r.body}`);
        return { status: r.status, doc: parser.parse(r.body) as Record<string, Record<string, Record<string, string>[]>> };
      };
      const services = await xml('GET', '/open311/v2/services.xml');
      assert.equal(services.status, 200);
      assert.deepEqual(
        services.doc.services?.service?.map((s) => s.service_code),
        valence.themes.map((t) => t.id),
      );
      assert.deepEqual((await xml('GET', '/open311/v2/services/voirie.xml')).doc, {
        '?xml': '',
        service_definition: { service_code: 'voirie', attributes: '' },
      });

      const form = new URLSearchParams({
        service_code: 'voirie',
        lat: '44.9229',
        long: '4.9262',
        description: 'Bordure cassée <près> de l’école & du parc',
      });
      const posted = await xml('POST', '/open311/v2/requests.xml', {
        raw: form.toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
      assert.equal(posted.status, 201);
      const id = posted.doc.service_requests?.request?.[0]?.service_request_id as string;
      assert.ok(id);
      const one = await xml('GET', `/open311/v2/requests/${id}.xml`);
      const request = one.doc.service_requests?.request?.[0] ?? {};
      assert.deepEqual(Object.keys(request), [...OPEN311_SERVICE_REQUEST_FIELDS]);
      assert.deepEqual(
        [request.status, request.service_code, request.lat, request.description],
        ['open', 'voirie', '44.9229', 'Bordure cassée <près> de l’école & du parc'],
      );
      // The XML list holds what the JSON list holds.
      const asJson = await call(base, 'GET', `/open311/v2/requests.json?service_request_id=${id}`);
      const list = await xml('GET', `/open311/v2/requests.xml?service_request_id=${id}`);
      assert.deepEqual(
        list.doc.service_requests?.request,
        asJson.body.map((r: Record<string, unknown>) =>
          Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v === null ? '' : String(v as string | number)])),
        ),
      );

      const unknown = await xml('GET', '/open311/v2/services/licornes.xml');
      assert.equal(unknown.status, 404);
      assert.equal(unknown.doc.errors?.error?.[0]?.code, '404');
      const refused = await xml('POST', '/open311/v2/requests.xml', {
        raw: 'service_code=voirie',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'accept-language': 'en' },
      });
      assert.equal(refused.status, 400);
      assert.ok((refused.doc.errors?.error?.[0]?.description ?? '').length > 0);
      assert.equal((await xml('GET', '/open311/v2/nothing.xml')).status, 404);
    });

    test('exports: iCalendar per walk and per quartier, GeoJSON, CSV, the shared compte-rendu as HTML and Markdown', async () => {
      const id = await openWalk(server.gusp, { quartierId: 'chamberliere' });
      const ics = await call(base, 'GET', `/api/walks/${id}/calendar.ics`);
      assert.equal(ics.status, 200);
      assert.match(ics.headers.get('content-type') ?? '', /^text\/calendar/);
      const vevent = new ICAL.Component(ICAL.parse(ics.body as string)).getFirstSubcomponent('vevent');
      assert.equal(vevent?.getFirstPropertyValue('uid'), `walk-${id}@gusp`);
      assert.match(String(vevent?.getFirstPropertyValue('url')), new RegExp(`/marches/${id}$`), 'the walk’s page, not the JSON API');
      const feed = await call(base, 'GET', '/api/quartiers/chamberliere/walks.ics');
      const uids = new ICAL.Component(ICAL.parse(feed.body as string))
        .getAllSubcomponents('vevent')
        .map((e) => e.getFirstPropertyValue('uid'));
      assert.ok(uids.includes(`walk-${id}@gusp`));
      assert.equal((await call(base, 'GET', '/api/quartiers/atlantide/walks.ics')).status, 404);
      const draft = await openWalk(server.gusp, { publish: false });
      assert.equal((await call(base, 'GET', `/api/walks/${draft}/calendar.ics`)).status, 404);

      const { walkId, observationId } = await reportedWalk(server.gusp.store);
      await call(base, 'POST', '/api/observations', {
        body: {
          quartierId: 'valensolles',
          polarity: 'positive',
          themeId: 'lien-social',
          description: 'Fête de quartier réussie',
          point: { lat: 44.912, lon: 4.905 },
          reporter: { email: 'export-secret@example.org', consent: true },
        },
      });
      const geo = await call(base, 'GET', '/api/observations.geojson');
      assert.match(geo.headers.get('content-type') ?? '', /^application\/geo\+json/);
      const collection = checkGeoJSON(JSON.stringify(geo.body)) as {
        features: { id: string; geometry: { coordinates: number[] } | null }[];
      };
      const feature = collection.features.find((f) => f.id === observationId);
      assert.deepEqual(feature?.geometry?.coordinates, [4.9046, 44.9118], 'lon, lat of the stop');

      for (const path of ['/api/observations.csv', '/api/engagements.csv']) {
        const csv = await call(base, 'GET', path);
        assert.match(csv.headers.get('content-type') ?? '', /^text\/csv/);
        const parsed = Papa.parse<string[]>(csv.body as string, { dynamicTyping: false });
        assert.deepEqual(parsed.errors, [], path);
        assert.ok(parsed.data.length >= 2, path);
        assert.ok(!(csv.body as string).includes('export-secret@example.org'), `${path} carries no contact`);
      }
      assert.ok(!JSON.stringify(geo.body).includes('export-secret@example.org'));

      const html = await call(base, 'GET', `/api/walks/${walkId}/report.html`);
      assert.equal(html.status, 200);
      assert.match(html.headers.get('content-type') ?? '', /^text\/html/);
      assert.match(html.body as string, /<html lang="fr"/);
      assert.match(html.body as string, /Lampadaire éteint/);
      assert.ok(!(html.body as string).includes('Témoin Passé') && !(html.body as string).includes('past-witness@example.org'));
      const md = await call(base, 'GET', `/api/walks/${walkId}/report.md`, { headers: { 'accept-language': 'en' } });
      assert.match(md.headers.get('content-type') ?? '', /^text\/markdown/);
      assert.match(md.body as string, /^# /m);
      assert.equal((await call(base, 'GET', `/api/walks/${id}/report.html`)).body.error.code, 'report.not-found');
    });

    test('photos: sent as bytes, cleaned of EXIF, served back, and used as the observation’s and Open311’s media URL', async () => {
      const upload = (body: Uint8Array, type = 'image/jpeg') =>
        fetch(`${base}/api/photos`, { method: 'POST', headers: { 'content-type': type }, body: new Blob([new Uint8Array(body)]) });
      const sent = await upload(jpegWithExif());
      assert.equal(sent.status, 201);
      const photo = (await sent.json()) as { id: string; mediaType: string; url: string };
      assert.equal(photo.mediaType, 'image/jpeg');
      assert.equal(photo.url, `${base}/api/photos/${photo.id}`);
      const again = (await (await upload(jpegWithExif())).json()) as { id: string };
      assert.equal(again.id, photo.id, 'the same bytes are kept once');

      const served = await fetch(photo.url);
      assert.equal(served.status, 200);
      assert.equal(served.headers.get('content-type'), 'image/jpeg');
      const bytes = Buffer.from(await served.arrayBuffer()).toString('latin1');
      assert.ok(!bytes.includes('GPS') && !bytes.includes('Exif'));
      // Re-encoded, not passed through: the image is kept as pixels (src/photos.test.ts reads the rest with exiftool).
      assert.deepEqual(declaredDimensions(Buffer.from(bytes, 'latin1')), SAMPLE_SIZE);

      const svg = await upload(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'image/png');
      assert.equal(svg.status, 415);
      assert.equal(((await svg.json()) as { error: { code: string } }).error.code, 'photo.unsupported-type');
      // The server answers 413 from Content-Length, before the body is sent, and may close the connection.
      const tooLarge = await new Promise<number | undefined>((resolve) => {
        const body = Buffer.concat([jpegWithExif(), Buffer.alloc(2 * 1024 * 1024)]);
        const req = httpRequest(
          `${base}/api/photos`,
          { method: 'POST', headers: { 'content-type': 'image/jpeg', 'content-length': body.length } },
          (res) => {
            res.resume();
            resolve(res.statusCode);
          },
        );
        req.on('error', () => resolve(undefined));
        req.end(body);
      });
      assert.equal(tooLarge, 413);
      assert.equal((await call(base, 'GET', '/api/photos/unknown')).status, 404);

      const report = { ...REPORT, description: 'Dépôt sauvage' };
      const withPhoto = await call(base, 'POST', '/api/observations', {
        body: { ...report, photos: [{ id: photo.id, mediaType: 'image/png', url: 'https://evil.example/x.png' }] },
      });
      assert.equal(withPhoto.status, 201, JSON.stringify(withPhoto.body));
      assert.deepEqual(withPhoto.body.photos, [{ id: photo.id, mediaType: 'image/jpeg', url: photo.url }]);
      const unknown = await call(base, 'POST', '/api/observations', {
        body: { ...report, photos: [{ id: 'not-sent-yet', mediaType: 'image/jpeg' }] },
      });
      assert.deepEqual([unknown.status, unknown.body.error.code], [422, 'photo.unknown']);
      const open311 = await call(base, 'GET', `/open311/v2/requests/${withPhoto.body.id}.json`);
      assert.equal(open311.body[0].media_url, photo.url);
    });

    test('observations with photos in one multipart request, as <gusp-issue-form> sends them', async () => {
      const input = {
        quartierId: 'polygone',
        polarity: 'problem',
        themeId: 'nettoyage',
        description: 'Sacs déposés au pied du mur',
        address: 'Rue Pierre-Corneille',
        source: 'resident',
      };
      const form = (observation: unknown, photos: { name: string; bytes: Uint8Array; type?: string }[]) => {
        const f = new FormData();
        f.set('observation', JSON.stringify(observation));
        for (const p of photos) f.append('photo', new Blob([new Uint8Array(p.bytes)], { type: p.type ?? 'image/jpeg' }), p.name);
        return f;
      };
      const post = async (body: FormData, key = `mp-${Math.random()}`) => {
        const res = await fetch(`${base}/api/observations`, { method: 'POST', headers: { 'idempotency-key': key }, body });
        // An untyped HTTP answer (`any`), probed field by field below.
        return { status: res.status, body: await res.json() };
      };
      const declared = { ...input, photos: [{ id: 'device-photo-1', mediaType: 'image/jpeg', width: 800, height: 600 }] };
      const sent = await post(form(declared, [{ name: 'device-photo-1.jpg', bytes: jpegWithExif() }]), 'mp-once');
      assert.equal(sent.status, 201, JSON.stringify(sent.body));
      assert.equal(sent.body.observationId, sent.body.id);
      const [stored] = sent.body.photos as { id: string; url: string; mediaType: string; width: number }[];
      assert.ok(stored && stored.id !== 'device-photo-1', 'the server names the photo it keeps');
      assert.deepEqual([stored?.mediaType, stored?.width, stored?.url], ['image/jpeg', 800, `${base}/api/photos/${stored?.id}`]);
      const bytes = Buffer.from(await (await fetch(stored.url)).arrayBuffer()).toString('latin1');
      assert.ok(!bytes.includes('GPS'), 'EXIF removed');
      assert.deepEqual(declaredDimensions(Buffer.from(bytes, 'latin1')), SAMPLE_SIZE, 'the image kept');
      // A retry with the same Idempotency-Key is recorded once.
      const retried = await post(form(declared, [{ name: 'device-photo-1.jpg', bytes: jpegWithExif() }]), 'mp-once');
      assert.equal(retried.body.observationId, sent.body.observationId);
      const list = (await call(base, 'GET', '/api/observations?quartier=polygone')).body.observations as { description: string }[];
      assert.equal(list.filter((o) => o.description === input.description).length, 1);
      // Refusals: 4xx with a code, never a 500.
      const cases: [FormData, number, string][] = [
        [form(declared, []), 400, 'request.invalid-multipart'],
        [form(declared, [{ name: 'other.jpg', bytes: jpegWithExif() }]), 400, 'request.invalid-multipart'],
        [form(declared, [{ name: 'device-photo-1.jpg', bytes: new TextEncoder().encode('<svg/>') }]), 415, 'photo.unsupported-type'],
        [form({ ...input, description: '' }, []), 422, 'validation.invalid'],
      ];
      const noJson = new FormData();
      noJson.set('observation', '{');
      cases.push([noJson, 400, 'request.invalid-json'], [new FormData(), 400, 'request.invalid-multipart']);
      for (const [body, status, code] of cases) {
        const r = await post(body);
        assert.deepEqual([r.status, r.body.error?.code], [status, code]);
      }
    });

    test('a sign-up is one SQL statement, with or without Idempotency-Key, and a retried key still replays', async () => {
      // Every statement the server sends, through a counting wrapper of the same database; a
      // transaction counts once, with its statements. The read models' follower runs on the same
      // database after an append, on its own (the request never waits for it): its work is left
      // out by what it reads and writes, so only the sign-up's own statements are counted.
      const FOLLOWER = /event_position|pg_snapshot|read_models|read_walks|read_observations|read_engagements/;
      const sent: string[] = [];
      const statements = {
        get length() {
          return sent.filter((s) => !FOLLOWER.test(s)).length;
        },
        set length(n: number) {
          sent.length = n;
        },
        join: (separator: string) => sent.join(separator),
      };
      const counted = <S extends { query: Sql['query']; exec: Sql['exec'] }>(q: S, into: string[]): S => ({
        ...q,
        query: (text: string, params?: readonly unknown[]) => {
          into.push(text);
          return q.query(text, params);
        },
        exec: (script: string) => {
          into.push(script);
          return q.exec(script);
        },
      });
      const sql: Sql = {
        ...counted(db.sql, sent),
        transaction: (fn) =>
          db.sql.transaction(async (tx) => {
            const inside: string[] = [];
            try {
              return await fn(counted(tx, inside));
            } finally {
              sent.push(['BEGIN', ...inside].join('\n'));
            }
          }),
      };
      const counting = await startServer({ database: { ...db, sql, close: async () => {} } });
      try {
        const walkId = await openWalk(counting.gusp, { capacity: 50 });
        const path = `/api/walks/${walkId}/registrations`;
        // The first command of this server on the walk reads it; the next ones use its snapshot.
        assert.equal((await call(counting.url, 'POST', path, { body: person('rt-0') })).status, 201);
        statements.length = 0;
        assert.equal((await call(counting.url, 'POST', path, { body: person('rt-1') })).status, 201);
        assert.equal(statements.length, 1, statements.join('\n'));
        statements.length = 0;
        const keyed = await call(counting.url, 'POST', path, { body: person('rt-2'), headers: { 'Idempotency-Key': 'rt-2' } });
        assert.equal(keyed.status, 201);
        assert.equal(statements.length, 1, statements.join('\n'));
        const again = await call(counting.url, 'POST', path, { body: person('rt-2'), headers: { 'Idempotency-Key': 'rt-2' } });
        assert.deepEqual(
          [again.status, again.body.registrationId, again.body.cancelToken],
          [201, keyed.body.registrationId, keyed.body.cancelToken],
        );
        // The same key with another person's body is refused: it never answers the first person's registration.
        const same = await call(counting.url, 'POST', path, { body: person('rt-3'), headers: { 'Idempotency-Key': 'rt-2' } });
        assert.deepEqual([same.status, same.body.error?.code], [422, 'request.idempotency-key-reused']);
        assert.doesNotMatch(JSON.stringify(same.body), new RegExp(`${keyed.body.registrationId}|${keyed.body.cancelToken}|rt-2@`));
        const agg = await counting.gusp.walks.get(walkId);
        assert.ok(agg.ok);
        assert.deepEqual(
          agg.value.registrations.map((r) => r.email),
          ['habitant-rt-0@example.org', 'habitant-rt-1@example.org', 'habitant-rt-2@example.org'],
          'a replay appends nothing',
        );
      } finally {
        await counting.close();
      }
    });
  });
}
