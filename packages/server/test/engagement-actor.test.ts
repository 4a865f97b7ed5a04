// SPDX-License-Identifier: EUPL-1.2
/**
 * Every staff action records who did it, and the timelines show it (issue 13): an engagement driven
 * over HTTP by a coordinator's token and the OPH's token leaves on each event the `by` of the token
 * that asked, while the public engagement's milestones name only the role and the organisation; a
 * coordinator's erasure of a person names the coordinator on its event.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createToken } from '../src/auth.js';
import type { Database } from '../src/db.js';
import { purgePersonalData } from '../src/privacy.js';
import { startServer, type RunningServer } from '../src/server.js';
import { sqlStore } from '../src/store/sql-store.js';
import { call, inDays, person } from './harness.js';
import { onBothDatabases } from './postgres-cluster.js';

type Token = { id: string; headers: Record<string, string> };

onBothDatabases((name, open, skip) => {
  describe(`who acted, on an engagement's events and timeline (${name})`, { skip }, () => {
    let db: Database;
    let server: RunningServer;
    let coordinator: Token;
    let oph: Token;
    before(async () => {
      db = await open();
      server = await startServer({ database: db, photoSweep: false });
      const token = async (role: 'coordinator' | 'organisation', organisationId?: string) => {
        const made = await createToken(db.sql, { role, label: `engagement-actor ${role}`, ...(organisationId ? { organisationId } : {}) });
        return { id: made.id, headers: { authorization: `Bearer ${made.token}` } };
      };
      coordinator = await token('coordinator');
      oph = await token('organisation', 'oph');
    });
    after(async () => {
      await server.close();
      await db.close();
    });

    test('propose, accept, start, progress and complete each name the token that asked; the public milestones only its role and organisation', async () => {
      const base = server.url;
      const proposed = await call(base, 'POST', '/api/engagements', {
        body: { title: 'Réparer la porte du hall B', quartierId: 'chamberliere' },
        headers: coordinator.headers,
      });
      assert.equal(proposed.status, 201, JSON.stringify(proposed.body));
      const id = proposed.body.id as string;
      const steps: [string, Token, unknown][] = [
        ['accept', coordinator, { organisationId: 'oph', dueOn: inDays(30).slice(0, 10) }],
        ['start', oph, {}],
        ['progress', oph, { percent: 40, note: 'Serrure commandée' }],
        ['complete', oph, {}],
      ];
      for (const [step, who, body] of steps) {
        const done = await call(base, 'POST', `/api/engagements/${id}/${step}`, { body, headers: who.headers });
        assert.equal(done.status, 200, `${step}: ${JSON.stringify(done.body)}`);
      }

      const { events } = await sqlStore(db.sql).read(`engagement-${id}`);
      const asCoordinator = { accountId: `token:${coordinator.id}`, role: 'coordinator' };
      const asOph = { accountId: `token:${oph.id}`, role: 'organisation', organisationId: 'oph' };
      assert.deepEqual(
        events.map((e) => [e.type, (e.data as { by?: unknown }).by]),
        [
          ['EngagementProposed', asCoordinator],
          ['EngagementAccepted', asCoordinator],
          ['EngagementStarted', asOph],
          ['EngagementProgressed', asOph],
          ['EngagementCompleted', asOph],
        ],
      );

      // The public tracker's read: who acted as a role and an organisation, never an account or a token.
      const shown = await call(base, 'GET', `/api/engagements/${id}`);
      assert.equal(shown.status, 200);
      assert.deepEqual(
        (shown.body.milestones as { kind: string; by?: unknown }[]).map((m) => [m.kind, m.by]),
        [
          ['proposed', { role: 'coordinator' }],
          ['accepted', { role: 'coordinator' }],
          ['started', { role: 'organisation', organisationId: 'oph' }],
          ['progressed', { role: 'organisation', organisationId: 'oph' }],
          ['completed', { role: 'organisation', organisationId: 'oph' }],
        ],
      );
      const listed = await call(base, 'GET', `/api/engagements?limit=100`);
      for (const text of [JSON.stringify(shown.body), JSON.stringify(listed.body)]) {
        assert.ok(!text.includes('token:') && !text.includes(coordinator.id) && !text.includes(oph.id), 'no token nor account in public');
      }
    });

    test('staff read the history with the account’s name (a session) or the token’s label; the public never; an organisation its own only', async () => {
      const base = server.url;
      // The demo coordinator's link (what `pnpm start` prints) opens a real session.
      const link = new URL(await server.staff.demoCoordinatorLink());
      const verified = await call(base, 'POST', '/api/staff/sign-in/verify', { body: { token: link.searchParams.get('token') } });
      assert.equal(verified.status, 200, JSON.stringify(verified.body));
      const cookie = /^(gusp_session=[^;]+)/.exec(verified.headers.get('set-cookie') ?? '')?.[1] ?? '';
      const session = { cookie, origin: base, 'x-csrf-token': verified.body.session.csrfToken as string };
      const accountId = verified.body.account.id as string;

      const proposed = await call(base, 'POST', '/api/engagements', {
        body: { title: 'Repeindre la cage d’escalier', quartierId: 'chamberliere' },
        headers: session,
      });
      assert.equal(proposed.status, 201, JSON.stringify(proposed.body));
      const id = proposed.body.id as string;
      const accepted = await call(base, 'POST', `/api/engagements/${id}/accept`, {
        body: { organisationId: 'oph', dueOn: inDays(40).slice(0, 10) },
        headers: coordinator.headers,
      });
      assert.equal(accepted.status, 200, JSON.stringify(accepted.body));
      assert.equal((await call(base, 'POST', `/api/engagements/${id}/start`, { headers: oph.headers })).status, 200);

      const history = await call(base, 'GET', `/api/staff/engagements/${id}/history`, { headers: session });
      assert.equal(history.status, 200, JSON.stringify(history.body));
      assert.deepEqual(
        (history.body.history as { kind: string; by?: unknown }[]).map((h) => [h.kind, h.by]),
        [
          ['proposed', { accountId, role: 'coordinator', name: 'Coordination (démo)' }],
          ['accepted', { accountId: `token:${coordinator.id}`, role: 'coordinator', name: 'engagement-actor coordinator' }],
          [
            'started',
            {
              accountId: `token:${oph.id}`,
              role: 'organisation',
              organisationId: 'oph',
              organisation: 'Office public de l’habitat',
              name: 'engagement-actor organisation',
            },
          ],
        ],
      );
      // The public engagement names nobody; the history is for staff only, an organisation its own.
      const shown = await call(base, 'GET', `/api/engagements/${id}`);
      assert.ok(!JSON.stringify(shown.body).includes('Coordination (démo)') && !JSON.stringify(shown.body).includes(accountId));
      assert.equal((await call(base, 'GET', `/api/staff/engagements/${id}/history`)).status, 401);
      assert.equal((await call(base, 'GET', `/api/staff/engagements/${id}/history`, { headers: oph.headers })).status, 200);
      const other = await createToken(db.sql, { role: 'organisation', organisationId: 'compagnons-batisseurs' });
      const refused = await call(base, 'GET', `/api/staff/engagements/${id}/history`, {
        headers: { authorization: `Bearer ${other.token}` },
      });
      assert.equal(refused.status, 403);
      assert.equal(refused.body.error.code, 'engagement.forbidden-organisation');
      const missing = await call(base, 'GET', '/api/staff/engagements/nope/history', { headers: coordinator.headers });
      assert.equal(missing.status, 404);
    });

    test('an erasure a coordinator asks for names them on its event', async () => {
      const base = server.url;
      const walk = await call(base, 'POST', '/api/walks', {
        body: {
          quartierId: 'chamberliere',
          startsAt: inDays(20),
          capacity: 10,
          meetingPoint: { label: 'Centre social' },
        },
        headers: coordinator.headers,
      });
      assert.equal(walk.status, 201, JSON.stringify(walk.body));
      const walkId = walk.body.id as string;
      assert.equal((await call(base, 'POST', `/api/walks/${walkId}/publish`, { headers: coordinator.headers })).status, 200);
      const someone = person('erased');
      assert.equal((await call(base, 'POST', `/api/walks/${walkId}/registrations`, { body: someone })).status, 201);

      const erased = await call(base, 'POST', '/api/privacy/erase', { body: { email: someone.email }, headers: coordinator.headers });
      assert.equal(erased.status, 200, JSON.stringify(erased.body));
      assert.equal(erased.body.registrations, 1);
      const { events } = await sqlStore(db.sql).read(`walk-${walkId}`);
      assert.deepEqual(
        events.filter((e) => e.type === 'PersonalDataPurged').map((e) => (e.data as { by?: unknown }).by),
        [{ accountId: `token:${coordinator.id}`, role: 'coordinator' }],
      );
    });

    test('a purge names the staff member who asked for it on its events, and the route answers a coordinator', async () => {
      const base = server.url;
      const walk = await call(base, 'POST', '/api/walks', {
        body: { quartierId: 'chamberliere', startsAt: inDays(21), capacity: 10, meetingPoint: { label: 'Centre social' } },
        headers: coordinator.headers,
      });
      const walkId = walk.body.id as string;
      assert.equal((await call(base, 'POST', `/api/walks/${walkId}/publish`, { headers: coordinator.headers })).status, 200);
      assert.equal((await call(base, 'POST', `/api/walks/${walkId}/registrations`, { body: person('purged') })).status, 201);
      // A year and more after the walk (the server has no clock to move: the purge is asked for that day).
      const later = new Date(Date.now() + 400 * 86_400_000);
      const actor = { accountId: `token:${coordinator.id}`, role: 'coordinator' as const };
      const purged = await purgePersonalData(server.gusp, db.sql, { months: 12, now: later, actor });
      assert.ok(purged.registrations >= 1, JSON.stringify(purged));
      const { events } = await sqlStore(db.sql).read(`walk-${walkId}`);
      assert.deepEqual(
        events.filter((e) => e.type === 'PersonalDataPurged').map((e) => (e.data as { by?: unknown }).by),
        [actor],
      );
      // Over HTTP the route passes the coordinator (nothing left to purge today: it answers the counts).
      const r = await call(base, 'POST', '/api/privacy/purge', { body: { months: 12 }, headers: coordinator.headers });
      assert.equal(r.status, 200, JSON.stringify(r.body));
    });
  });
});
