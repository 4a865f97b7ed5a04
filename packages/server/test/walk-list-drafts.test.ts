// SPDX-License-Identifier: EUPL-1.2
/**
 * The back office's drafts over real HTTP, on PGlite and PostgreSQL: `GET /api/walks` lists the
 * drafts to staff who ask (`include=drafts`, `status=draft`) from a session or a token, and refuses
 * them, localized, to anyone else; `GET /api/walks/{id}` answers a draft to staff, 404 to the public;
 * `POST /api/walks/{id}/edit` sets a draft's details again.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createToken } from '../src/auth.js';
import type { Database } from '../src/db.js';
import { startServer, type RunningServer } from '../src/server.js';
import { call, inDays } from './harness.js';
import { onBothDatabases } from './postgres-cluster.js';

interface Listed {
  readonly id: string;
  readonly status: string;
}

const ids = (body: { walks: Listed[] }) => body.walks.map((w) => w.id);

function draftsSuite(name: string, open: () => Promise<Database>, skip?: string | false): void {
  describe(`GET /api/walks with drafts on ${name} (real HTTP)`, { skip: skip || false }, () => {
    let db: Database;
    let server: RunningServer;
    let base: string;
    let session: Record<string, string>;
    let agent: Record<string, string>;
    let organisation: Record<string, string>;
    let draftId: string;
    let openId: string;
    const unexpected: unknown[] = [];

    before(async () => {
      db = await open();
      server = await startServer({ database: db, log: (r) => r.level === 'error' && unexpected.push(r) });
      base = server.url;
      // A coordinator's session, signed in through an invitation's link as the console does.
      const invited = await server.staff.invite({ email: `plan-${name}@mairie.example`, role: 'coordinator', invitedBy: 'test' });
      const verified = await call(base, 'POST', '/api/staff/sign-in/verify', {
        body: { token: new URL(invited.link).searchParams.get('token') },
      });
      assert.equal(verified.status, 200, JSON.stringify(verified.body));
      const cookie = /^(gusp_session=[^;]+)/.exec(verified.headers.get('set-cookie') ?? '')?.[1];
      assert.ok(cookie);
      session = { cookie, origin: base, 'x-csrf-token': verified.body.session.csrfToken as string };
      agent = { authorization: `Bearer ${(await createToken(db.sql, { role: 'agent', label: 'test' })).token}` };
      organisation = { authorization: `Bearer ${(await createToken(db.sql, { role: 'organisation', organisationId: 'oph' })).token}` };
      const schedule = (title: string) =>
        call(base, 'POST', '/api/walks', {
          headers: session,
          body: { quartierId: 'le-plan', startsAt: inDays(40), title, meetingPoint: { label: 'Parvis des Bleuets' } },
        });
      const draft = await schedule('Brouillon du Plan');
      assert.equal(draft.status, 201, JSON.stringify(draft.body));
      draftId = draft.body.id as string;
      const other = await schedule('Publié du Plan');
      openId = other.body.id as string;
      assert.equal((await call(base, 'POST', `/api/walks/${openId}/publish`, { headers: session })).status, 200);
    });
    after(async () => {
      await server?.close();
      await db?.close();
      assert.deepEqual(unexpected, [], 'no unexpected server error was logged');
    });

    test('the public list never holds a draft', async () => {
      const r = await call(base, 'GET', '/api/walks?quartier=le-plan');
      assert.equal(r.status, 200);
      assert.ok(ids(r.body).includes(openId));
      assert.ok(!ids(r.body).includes(draftId));
    });

    test('staff asking with include=drafts get the drafts beside the published walks, from a session or a token', async () => {
      for (const headers of [session, agent]) {
        const r = await call(base, 'GET', '/api/walks?quartier=le-plan&include=drafts', { headers });
        assert.equal(r.status, 200, JSON.stringify(r.body));
        assert.ok(ids(r.body).includes(draftId) && ids(r.body).includes(openId));
        assert.equal((r.body.walks as Listed[]).find((w) => w.id === draftId)?.status, 'draft');
      }
      // Without asking, staff see the public list.
      assert.ok(!ids((await call(base, 'GET', '/api/walks?quartier=le-plan', { headers: session })).body).includes(draftId));
    });

    test('status=draft keeps the drafts only, and combines with the other statuses', async () => {
      const only = await call(base, 'GET', '/api/walks?status=draft', { headers: session });
      assert.equal(only.status, 200, JSON.stringify(only.body));
      assert.ok(ids(only.body).includes(draftId));
      assert.ok((only.body.walks as Listed[]).every((w) => w.status === 'draft'));
      const both = await call(base, 'GET', '/api/walks?status=draft,open&quartier=le-plan', { headers: agent });
      assert.deepEqual(new Set((both.body.walks as Listed[]).map((w) => w.status)), new Set(['draft', 'open']));
    });

    test('drafts are refused to the public and to organisations, in the request’s language, never a 500', async () => {
      const fr = await call(base, 'GET', '/api/walks?include=drafts');
      assert.equal(fr.status, 401);
      assert.equal(fr.body.error.code, 'auth.required');
      assert.match(fr.body.error.message, /réservée au personnel/);
      const en = await call(base, 'GET', '/api/walks?status=draft', { headers: { 'accept-language': 'en' } });
      assert.equal(en.status, 401);
      assert.match(en.body.error.message, /for staff only/);
      const org = await call(base, 'GET', '/api/walks?include=drafts', { headers: organisation });
      assert.equal(org.status, 403);
      assert.equal(org.body.error.code, 'auth.forbidden');
      const bad = await call(base, 'GET', '/api/walks?include=everything', { headers: session });
      assert.equal(bad.status, 400);
      assert.equal(bad.body.error.code, 'request.invalid-query');
    });

    test('one draft is read by staff (the planning screen), 404 to anyone else as an unknown id', async () => {
      const staff = await call(base, 'GET', `/api/walks/${draftId}`, { headers: session });
      assert.equal(staff.status, 200, JSON.stringify(staff.body));
      assert.equal(staff.body.status, 'draft');
      assert.equal(staff.body.walk.title, 'Brouillon du Plan');
      assert.equal(staff.body.city.name, 'Valence');
      for (const headers of [{}, organisation]) {
        const r = await call(base, 'GET', `/api/walks/${draftId}`, { headers });
        assert.equal(r.status, 404);
        assert.equal(r.body.error.code, 'walk.not-found');
      }
    });

    test('a coordinator edits a draft (the planning form sent whole); the list reads it at once; refused to agents and once published', async () => {
      const edited = await call(base, 'POST', `/api/walks/${draftId}/edit`, {
        headers: { ...session, 'idempotency-key': `edit-${name}` },
        body: {
          quartierId: 'fontbarlettes',
          startsAt: inDays(45),
          title: 'Brouillon revu',
          stops: [{ label: 'Place centrale' }, { label: 'Rue des Écoles', point: { lat: 44.93, lon: 4.91 } }],
        },
      });
      assert.equal(edited.status, 200, JSON.stringify(edited.body));
      assert.equal(edited.body.status, 'draft');
      assert.equal(edited.body.quartierId, 'fontbarlettes');
      assert.deepEqual(
        (edited.body.stops as { label: string }[]).map((x) => x.label),
        ['Place centrale', 'Rue des Écoles'],
      );
      // Dropped from the form: the meeting point is the first stop again.
      assert.equal(edited.body.meetingPoint.label, 'Place centrale');
      const listed = await call(base, 'GET', '/api/walks?include=drafts&quartier=fontbarlettes', { headers: session });
      assert.equal(
        (listed.body.walks as { id: string; walk: { title?: string } }[]).find((w) => w.id === draftId)?.walk.title,
        'Brouillon revu',
      );
      const byAgent = await call(base, 'POST', `/api/walks/${draftId}/edit`, {
        headers: agent,
        body: { quartierId: 'le-plan', startsAt: inDays(45) },
      });
      assert.equal(byAgent.status, 403);
      assert.equal(byAgent.body.error.code, 'auth.forbidden');
      const published = await call(base, 'POST', `/api/walks/${openId}/edit`, {
        headers: { ...session, 'accept-language': 'en' },
        body: { quartierId: 'le-plan', startsAt: inDays(45) },
      });
      assert.equal(published.status, 409);
      assert.equal(published.body.error.code, 'walk.invalid-transition');
      const invalid = await call(base, 'POST', `/api/walks/${draftId}/edit`, {
        headers: session,
        body: { quartierId: 'le-plan', startsAt: 'demain' },
      });
      assert.equal(invalid.status, 422);
      assert.equal(invalid.body.error.code, 'validation.invalid');
    });

    test('the OpenAPI document says who may ask for drafts', async () => {
      const doc = (await call(base, 'GET', '/api/openapi.json')).body;
      const list = doc.paths['/api/walks'].get;
      assert.ok((list.parameters as { name: string }[]).some((p) => p.name === 'include'));
      assert.deepEqual(list['x-gusp-roles'], ['coordinator', 'agent']);
      assert.match(list['x-gusp-roles-when'], /include=drafts/);
    });
  });
}

onBothDatabases(draftsSuite);
