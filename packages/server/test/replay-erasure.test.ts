// SPDX-License-Identifier: EUPL-1.2
/**
 * A sign-up retried under its Idempotency-Key answers its first outcome (a replay), and the core
 * keeps the events it replayed from, so a batch resent reads each stream once. After the person's
 * erasure, that retry must not hand their name, address or cancel token back from what was kept: over real HTTP,
 * on PGlite and PostgreSQL, the replay before the erasure (which fills what is kept) and after it.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createToken } from '../src/auth.js';
import type { Database } from '../src/db.js';
import { startServer, type RunningServer } from '../src/server.js';
import { call, openWalk } from './harness.js';
import { onBothDatabases } from './postgres-cluster.js';

const NAME = 'Ermengarde Puyfontaine';
const EMAIL = 'ermengarde.puyfontaine@example.org';

onBothDatabases((name: string, open: () => Promise<Database>, skip?: string | false) => {
  describe(`a replayed sign-up after an erasure (${name})`, { skip: skip || false }, () => {
    let db: Database;
    let server: RunningServer;
    before(async () => {
      if (skip) return;
      db = await open();
      server = await startServer({ database: db });
    });
    after(async () => {
      await server?.close();
      await db?.close();
    });

    test('answers the forgotten registration, never the erased name, address or cancel token', async () => {
      const walkId = await openWalk(server.gusp);
      const body = { name: NAME, email: EMAIL, consent: true };
      const headers = { 'idempotency-key': `replay-erasure-${name}` };
      const path = `/api/walks/${walkId}/registrations`;
      const first = await call(server.url, 'POST', path, { body, headers });
      assert.equal(first.status, 201, JSON.stringify(first.body));
      // Replayed once before the erasure: the runtime now keeps this walk's events, the name in them.
      const again = await call(server.url, 'POST', path, { body, headers });
      assert.ok(again.status < 300, JSON.stringify(again.body));
      assert.equal(again.body.registrationId, first.body.registrationId, 'the first outcome, replayed');
      const coordinator = { authorization: `Bearer ${(await createToken(db.sql, { role: 'coordinator' })).token}` };
      const erased = await call(server.url, 'POST', '/api/privacy/erase', { headers: coordinator, body: { email: EMAIL } });
      assert.equal(erased.status, 200, JSON.stringify(erased.body));
      assert.equal(erased.body.registrations, 1);
      const after = await call(server.url, 'POST', path, { body, headers });
      assert.ok(after.status < 500, JSON.stringify(after.body));
      const text = JSON.stringify(after.body);
      assert.ok(!text.includes('Ermengarde') && !text.includes('Puyfontaine') && !text.includes(EMAIL), text);
      // The cancel token is personal data too (it was the person's own link): erased with the rest.
      assert.ok(typeof first.body.cancelToken === 'string' && first.body.cancelToken.length > 0);
      assert.equal(again.body.cancelToken, first.body.cancelToken, 'before the erasure, the replay gives it back');
      assert.ok(!text.includes(first.body.cancelToken), text);
    });
  });
});
