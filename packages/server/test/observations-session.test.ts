// SPDX-License-Identifier: EUPL-1.2
/**
 * A walk's observations sent by the back office (issue 13): the embedded `<gusp-issue-form walk-id>`
 * authenticates with the staff session (its cookie, the public `Origin` and the session's
 * `X-CSRF-Token`), not a token; over real HTTP on PGlite and PostgreSQL. Without the CSRF token
 * it is 403 `auth.csrf`; the public (no session, no token) still 403 `request.source-forbidden`;
 * the journal's `ObservationRecorded` names the agent who sent it (`by`), and a resident's nobody.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Gusp } from '@gusp/core';
import type { Database } from '../src/db.js';
import { startServer, type RunningServer } from '../src/server.js';
import { sqlStore } from '../src/store/sql-store.js';
import { call, isErrorBody } from './harness.js';
import { onBothDatabases } from './postgres-cluster.js';

const must = <T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T => {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
};

/** A walk under way with two stops: published, starting in 20 minutes, registrations closed, started. */
async function startedWalk(gusp: Gusp): Promise<{ id: string; stopId: string }> {
  const startsAt = new Date(Date.now() + 20 * 60_000);
  startsAt.setUTCSeconds(0, 0);
  const walk = must(
    await gusp.walks.schedule({
      quartierId: 'le-plan',
      startsAt: startsAt.toISOString(),
      capacity: 10,
      meetingPoint: { label: 'Parvis des Bleuets' },
      stops: [{ label: 'Parvis des Bleuets' }, { label: 'Aire de jeux' }],
      registrationDeadline: new Date(Date.now() + 10 * 60_000).toISOString(),
    }),
  );
  must(await gusp.walks.publish(walk.id));
  must(await gusp.walks.closeRegistrations(walk.id));
  const started = must(await gusp.walks.start(walk.id));
  return { id: walk.id, stopId: started.stops[1]!.id };
}

onBothDatabases((name, open, skip) => {
  describe(`a walk's observations sent with a staff session (${name}, real HTTP)`, { skip }, () => {
    let db: Database;
    let server: RunningServer;
    let base: string;
    let agent: { accountId: string; cookie: string; csrf: string };
    let walk: { id: string; stopId: string };
    let themeId: string;

    before(async () => {
      db = await open();
      server = await startServer({ database: db, photoSweep: false });
      base = server.url;
      const invited = await server.staff.invite({ email: 'agent-terrain@mairie.example', role: 'agent', invitedBy: 'test' });
      const token = new URL(invited.link).searchParams.get('token');
      const r = await call(base, 'POST', '/api/staff/sign-in/verify', { body: { token } });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      const cookie = /^(gusp_session=[^;]+)/.exec(r.headers.get('set-cookie') ?? '')?.[1];
      assert.ok(cookie);
      agent = { accountId: invited.account.id, cookie, csrf: r.body.session.csrfToken as string };
      walk = await startedWalk(server.gusp);
      themeId = server.gusp.city.themes[0]!.id;
    });
    after(async () => {
      await server?.close();
      await db?.close();
    });

    const observation = (description: string) => ({
      walkId: walk.id,
      stopId: walk.stopId,
      polarity: 'problem',
      themeId,
      description,
      source: 'walk',
    });
    const refused = (r: { status: number; body: unknown }, status: number, code: string) => {
      assert.equal(r.status, status, JSON.stringify(r.body));
      assert.ok(isErrorBody(r.body), JSON.stringify(r.body));
      assert.equal(r.body.error.code, code);
      assert.ok(r.body.error.message.length > 0, 'a message in words');
    };
    const recordedBy = async (observationId: string) => {
      const { events } = await sqlStore(db.sql).read(`observation-${observationId}`);
      const recorded = events.find((e) => e.type === 'ObservationRecorded');
      assert.ok(recorded, 'the observation is in the journal');
      return (recorded.data as { by?: unknown }).by;
    };

    test('an agent signed in to the back office records a walk observation, and the journal names her', async () => {
      const r = await call(base, 'POST', '/api/observations', {
        body: observation('Trottoir encombré devant l’école'),
        headers: { cookie: agent.cookie, origin: base, 'x-csrf-token': agent.csrf, 'idempotency-key': 'day-obs-1' },
      });
      assert.equal(r.status, 201, JSON.stringify(r.body));
      assert.equal(r.body.walkId, walk.id);
      assert.equal(r.body.stopId, walk.stopId);
      assert.equal(r.body.source, 'walk');
      assert.deepEqual(await recordedBy(r.body.observationId as string), { accountId: agent.accountId, role: 'agent' });
      // The outbox resends with the same key: one observation.
      const again = await call(base, 'POST', '/api/observations', {
        body: observation('Trottoir encombré devant l’école'),
        headers: { cookie: agent.cookie, origin: base, 'x-csrf-token': agent.csrf, 'idempotency-key': 'day-obs-1' },
      });
      assert.equal(again.body.observationId, r.body.observationId);
    });

    test('the session without its CSRF token is 403 auth.csrf, and nothing is recorded', async () => {
      const before = (await call(base, 'GET', `/api/observations?walk=${walk.id}`)).body.observations.length as number;
      refused(
        await call(base, 'POST', '/api/observations', {
          body: observation('Sans jeton'),
          headers: { cookie: agent.cookie, origin: base, 'accept-language': 'fr' },
        }),
        403,
        'auth.csrf',
      );
      refused(
        await call(base, 'POST', '/api/observations', {
          body: observation('Mauvais jeton'),
          headers: { cookie: agent.cookie, origin: base, 'x-csrf-token': `${agent.csrf}x` },
        }),
        403,
        'auth.csrf',
      );
      refused(
        await call(base, 'POST', '/api/observations', {
          body: observation('Autre origine'),
          headers: { cookie: agent.cookie, origin: 'https://evil.example', 'x-csrf-token': agent.csrf },
        }),
        403,
        'auth.csrf',
      );
      assert.equal((await call(base, 'GET', `/api/observations?walk=${walk.id}`)).body.observations.length, before);
    });

    test('the public still cannot speak for a walk: 403 request.source-forbidden; a resident’s report names nobody', async () => {
      refused(await call(base, 'POST', '/api/observations', { body: observation('Anonyme') }), 403, 'request.source-forbidden');
      refused(
        await call(base, 'POST', '/api/observations', { body: { ...observation('Agent ?'), source: 'agent' } }),
        403,
        'request.source-forbidden',
      );
      const resident = await call(base, 'POST', '/api/observations', {
        body: { quartierId: 'le-plan', polarity: 'positive', themeId, description: 'Beau jardin partagé', address: 'Rue Mozart' },
      });
      assert.equal(resident.status, 201, JSON.stringify(resident.body));
      assert.equal(await recordedBy(resident.body.observationId as string), undefined);
    });
  });
});
