// SPDX-License-Identifier: EUPL-1.2
/**
 * Every staff action records who did it (issue 13): the lifecycle of a walk driven over HTTP with
 * API tokens leaves in the journal, on each event it appends, the `by` of the token that asked
 * (`token:<id>`, its role), and a sign-up by a resident names nobody.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createToken } from '../src/auth.js';
import type { Database } from '../src/db.js';
import { startServer, type RunningServer } from '../src/server.js';
import { sqlStore } from '../src/store/sql-store.js';
import { call, person } from './harness.js';
import { onBothDatabases } from './postgres-cluster.js';

onBothDatabases((name, open, skip) => {
  describe(`who acted, on a walk's events (${name})`, { skip }, () => {
    let db: Database;
    let server: RunningServer;
    let coordinator: { id: string; headers: Record<string, string> };
    let agent: { id: string; headers: Record<string, string> };
    before(async () => {
      db = await open();
      server = await startServer({ database: db, photoSweep: false });
      const token = async (role: 'coordinator' | 'agent') => {
        const made = await createToken(db.sql, { role, label: `walk-actor ${role}` });
        return { id: made.id, headers: { authorization: `Bearer ${made.token}` } };
      };
      coordinator = await token('coordinator');
      agent = await token('agent');
    });
    after(async () => {
      await server.close();
      await db.close();
    });

    test('schedule, publish, close, start, check-in and finish each name the token that asked', async () => {
      const base = server.url;
      const input = {
        quartierId: 'chamberliere',
        startsAt: new Date(Date.now() + 20 * 60_000).toISOString(),
        capacity: 10,
        meetingPoint: { label: 'Centre social' },
        registrationDeadline: new Date(Date.now() + 10 * 60_000).toISOString(),
      };
      const scheduled = await call(base, 'POST', '/api/walks', { body: input, headers: coordinator.headers });
      assert.equal(scheduled.status, 201, JSON.stringify(scheduled.body));
      const id = scheduled.body.id as string;
      for (const step of ['publish'])
        assert.equal((await call(base, 'POST', `/api/walks/${id}/${step}`, { headers: coordinator.headers })).status, 200);
      const signed = (await call(base, 'POST', `/api/walks/${id}/registrations`, { body: person('actor') })).body;
      for (const step of ['close-registrations', 'start'])
        assert.equal((await call(base, 'POST', `/api/walks/${id}/${step}`, { headers: coordinator.headers })).status, 200, step);
      const checkedIn = await call(base, 'POST', `/api/walks/${id}/registrations/${signed.registrationId}/check-in`, {
        headers: agent.headers,
      });
      assert.equal(checkedIn.status, 200, JSON.stringify(checkedIn.body));
      assert.equal((await call(base, 'POST', `/api/walks/${id}/finish`, { headers: coordinator.headers })).status, 200);

      const { events } = await sqlStore(db.sql).read(`walk-${id}`);
      const byOf = (type: string) => events.filter((e) => e.type === type).map((e) => (e.data as { by?: unknown }).by);
      const asCoordinator = { accountId: `token:${coordinator.id}`, role: 'coordinator' };
      for (const type of ['WalkScheduled', 'WalkPublished', 'RegistrationsClosed', 'WalkStarted', 'WalkFinished'])
        assert.deepEqual(byOf(type), [asCoordinator], type);
      assert.deepEqual(byOf('ParticipantCheckedIn'), [{ accountId: `token:${agent.id}`, role: 'agent' }]);
      assert.deepEqual(byOf('ParticipantRegistered'), [undefined], 'a resident’s own sign-up names nobody');
    });
  });
});
