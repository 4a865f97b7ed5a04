// SPDX-License-Identifier: EUPL-1.2
/**
 * Every path id is checked at the boundary with the core's id schemas: a
 * `%00` (which PostgreSQL refuses in text, with a 500) or a 5,000-character
 * id, in any path param of any route the app answers, is a 4xx in the error
 * envelope, never a 5xx; on a declared id param, the 404 of an unknown id of
 * its kind (`walk.not-found`…). On PGlite and on PostgreSQL.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createToken } from '../src/auth.js';
import type { Database } from '../src/db.js';
import { openMigratedDatabase, startServer, type RunningServer } from '../src/server.js';
import { call, openWalk, person } from './harness.js';
import { postgresUnavailable, startPostgresCluster, type PostgresCluster } from './postgres-cluster.js';

const BAD = { nul: '%00', 'a NUL inside': 'abc%00def', '5,000 characters': 'a'.repeat(5000), 'a space': 'a%20b' } as const;
/** The declared id params and the code a bad one answers (the routes' own 404 of an unknown id). */
const NOT_FOUND: Record<string, string> = {
  walkId: 'walk.not-found',
  registrationId: 'registration.not-found',
  observationId: 'observation.not-found',
  engagementId: 'engagement.not-found',
  photoId: 'photo.not-found',
  quartierId: 'request.not-found',
};

function pathIdSuite(name: string, open: () => Promise<Database>): void {
  describe(`path ids on ${name}`, () => {
    let db: Database;
    let server: RunningServer;
    let staff: Record<string, string>;
    let walkId: string;
    let registrationId: string;

    before(async () => {
      db = await open();
      server = await startServer({ database: db });
      staff = { authorization: `Bearer ${(await createToken(db.sql, { role: 'coordinator' })).token}` };
      walkId = await openWalk(server.gusp, { capacity: 5 });
      registrationId = (await call(server.url, 'POST', `/api/walks/${walkId}/registrations`, { body: person('path-ids') })).body
        .registrationId;
    });
    after(async () => {
      await server?.close();
      await db?.close();
    });

    test('a bad id in any path param of any route is a 4xx, never a 5xx', async (t) => {
      // One entry per handler (middleware included): each method and path once.
      const routes = [
        ...new Map(
          server.app.routes.filter((r) => r.method !== 'ALL' && r.path.includes('/:')).map((r) => [`${r.method} ${r.path}`, r]),
        ).values(),
      ];
      assert.ok(routes.length >= 15, `only ${routes.length} routes with a path param`);
      const failures: string[] = [];
      let requests = 0;
      for (const r of routes) {
        const params = [...r.path.matchAll(/:(\w+)(\{[^}]*\})?/g)].map((m) => ({ name: m[1] ?? '', token: m[0] }));
        for (const target of params) {
          for (const [what, bad] of Object.entries(BAD)) {
            // The other params are real (an existing walk, its registration): the bad one is what is met.
            let path = r.path;
            for (const p of params) {
              const good = p.name === 'walkId' ? walkId : p.name === 'registrationId' ? registrationId : 'valid-id';
              path = path.replace(p.token, p === target ? bad : p.token.includes('{') ? `${good}.json` : good);
            }
            for (const headers of [staff, {}]) {
              const reply = await call(server.url, r.method, path, {
                headers: { ...headers, 'idempotency-key': `path-ids-${requests}` },
                ...(r.method === 'GET' ? {} : { body: {} }),
              });
              requests++;
              const where = `${r.method} ${r.path} with ${target.name} = ${what}${headers === staff ? ' (staff)' : ''}`;
              if (reply.status >= 500) failures.push(`${where}: ${reply.status} ${JSON.stringify(reply.body).slice(0, 200)}`);
              else if (reply.status < 400) failures.push(`${where}: ${reply.status}, taken`);
              else if (headers === staff && !target.token.includes('{') && NOT_FOUND[target.name]) {
                // A declared id: the same 404 as an unknown one, in the usual localized envelope.
                const code = (reply.body as { error?: { code?: string; message?: string } })?.error;
                if (reply.status !== 404 || code?.code !== NOT_FOUND[target.name] || !code?.message)
                  failures.push(`${where}: ${reply.status} ${JSON.stringify(reply.body).slice(0, 200)}`);
              }
            }
          }
        }
      }
      t.diagnostic(`${requests} requests over ${routes.length} routes`);
      assert.deepEqual(failures, []);
    });

    test('a bad id is refused in the caller’s language', async () => {
      const en = await call(server.url, 'GET', '/api/walks/%00', { headers: { 'accept-language': 'en' } });
      assert.equal(en.status, 404);
      assert.deepEqual(en.body.error.code, 'walk.not-found');
      assert.equal(en.body.error.message, 'This walk cannot be found.');
      const fr = await call(server.url, 'GET', `/api/walks/${'a'.repeat(5000)}`, { headers: { 'accept-language': 'fr' } });
      assert.equal(fr.body.error.message, 'Ce diagnostic en marchant est introuvable.');
      assert.equal((await call(server.url, 'GET', `/api/walks/${walkId}`)).status, 200, 'a good id still answers');
    });
  });
}

pathIdSuite('pglite', () => openMigratedDatabase({}));

const unavailable = postgresUnavailable();
if (unavailable) describe('path ids on postgres', { skip: unavailable }, () => {});
else {
  let cluster: PostgresCluster | undefined;
  before(async () => {
    cluster = await startPostgresCluster();
  });
  after(async () => {
    await cluster?.stop();
  });
  pathIdSuite('postgres', () => {
    if (!cluster) throw new Error('cluster not started');
    return openMigratedDatabase({ databaseUrl: cluster.url, poolSize: 4 });
  });
}
