// SPDX-License-Identifier: EUPL-1.2
/**
 * A projection left behind by a crash catches up on restart (issue 12): the real `gusp-server`
 * process is killed with SIGKILL after appends were acknowledged and before the read models took
 * them, restarted on the same data, and then answers exactly what it answers after
 * `gusp-server rebuild` wrote every read model again from the journal.
 *
 * On PostgreSQL the kill lands there deterministically: the test holds a lock on the last read
 * model table, so the follower's transaction has written the tables before it and waits on that
 * one (the test sees it waiting in `pg_locks`) when the server dies; the database then rolls the
 * half-done catch-up back. On PGlite (one process, no second session) the kill lands in the middle
 * of a burst of reports, wherever the follower is then.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { PROJECTIONS } from '../src/read/projections.js';
import { CLI_FROM_SOURCES, startListening, type ListeningChild } from './cli-process.js';
import { call, REPORT, type Reply } from './harness.js';
import { postgresUnavailable, startPostgresCluster, type PostgresCluster } from './postgres-cluster.js';

const root = fileURLToPath(new URL('..', import.meta.url));

type Child = ListeningChild;

/** `gusp-server start` on `database` (`--data-dir …` or `--database-url …`), once it logs "listening". */
const startServer = (database: readonly string[], seed: boolean): Promise<Child> =>
  startListening(['--rate-limit', '0', '--public-url', 'http://localhost:8787', ...database, ...(seed ? ['--seed', 'valence'] : [])], root);

const stop = async (child: Child | undefined) => {
  if (!child || child.process.exitCode !== null || child.process.signalCode !== null) return;
  child.process.kill('SIGTERM');
  await child.exited;
};

/** `gusp-server rebuild` on the same data, as an operator runs it. */
function rebuildCommand(database: readonly string[]): void {
  const r = spawnSync(process.execPath, [...CLI_FROM_SOURCES, 'rebuild', ...database], { cwd: root, encoding: 'utf8', timeout: 120_000 });
  assert.equal(r.status, 0, `${r.stdout}\n${r.stderr}`);
  assert.match(r.stdout, /"read models rebuilt"/);
}

/** Every list (each page, to the end), statistic and export a visitor reads, as one comparable object. */
async function answers(base: string): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const [key, path] of [
    ['walks', '/api/walks'],
    ['observations', '/api/observations'],
    ['engagements', '/api/engagements'],
  ] as const) {
    const items: unknown[] = [];
    let url: string | undefined = path;
    for (let page = 0; url !== undefined && page < 100; page++) {
      const r: Reply = await call(base, 'GET', url);
      assert.equal(r.status, 200, `${url}: ${JSON.stringify(r.body)}`);
      items.push(...((r.body as Record<string, unknown[]>)[key] ?? []));
      const next = (r.body as { next?: string }).next;
      url = next === undefined ? undefined : `${path}?cursor=${encodeURIComponent(next)}`;
    }
    out[key] = items;
  }
  for (const path of ['/api/observations/stats', '/api/engagements/dashboard', '/api/observations.geojson', '/api/engagements.csv']) {
    const r = await call(base, 'GET', path);
    assert.equal(r.status, 200, path);
    out[path] = r.body;
  }
  return out;
}

const report = (i: number) => ({ ...REPORT, description: `Signalement ${i} avant la panne` });

/** The read models' tables (every projection's, and the mark) as rows, to compare two states. */
async function tables(client: pg.Client): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of PROJECTIONS.flatMap((p) => p.tables)) out[table] = (await client.query(`SELECT * FROM ${table} ORDER BY 1`)).rows;
  return out;
}

const unavailable = postgresUnavailable();
describe('read models after a SIGKILL between the append and the projection (PostgreSQL)', { skip: unavailable ?? false }, () => {
  let cluster: PostgresCluster | undefined;
  let server: Child | undefined;
  let database: string[] = [];
  before(async () => {
    cluster = await startPostgresCluster();
    database = ['--database-url', cluster.url];
  });
  after(async () => {
    await stop(server);
    await cluster?.stop();
  });

  test('killed while its follower waits inside the catch-up: restarted, it answers what a rebuild answers', async () => {
    server = await startServer(database, true);
    const before = await answers(server.url);
    const locker = new pg.Client({ connectionString: cluster?.url });
    await locker.connect();
    try {
      // The last table the catch-up of these reports writes: the observations' (or the mark itself,
      // if that projection has no table). Another projection's is not written by a report.
      const last =
        PROJECTIONS.filter((p) => p.prefix === 'observation-')
          .flatMap((p) => p.tables)
          .at(-1) ?? 'read_models';
      await locker.query('BEGIN');
      // EXCLUSIVE, not ACCESS EXCLUSIVE: it stops the follower's writes (and its FOR UPDATE on the
      // mark) without taking a transaction id, which would hold back the committed position itself.
      await locker.query(`LOCK TABLE ${last} IN EXCLUSIVE MODE`);
      const acknowledged: string[] = [];
      for (let i = 0; i < 5; i++) {
        const r: Reply = await call(server.url, 'POST', '/api/observations', { body: report(i) });
        assert.equal(r.status, 201, JSON.stringify(r.body));
        acknowledged.push((r.body as { observationId: string }).observationId);
      }
      // The follower, nudged by those appends, is now inside its transaction, waiting on the lock.
      const deadline = Date.now() + 10_000;
      for (;;) {
        const waiting = await locker.query<{ n: string }>("SELECT count(*) AS n FROM pg_locks WHERE NOT granted AND locktype = 'relation'");
        if (Number(waiting.rows[0]?.n) > 0) break;
        assert.ok(Date.now() < deadline, `the follower never waited on the lock:\n${server.output()}`);
        await new Promise((r) => setTimeout(r, 20));
      }
      server.process.kill('SIGKILL');
      await server.exited;
      await locker.query('ROLLBACK');
      const mark = await locker.query<{ position: string }>("SELECT position FROM read_models WHERE name = 'journal'");
      const journal = await locker.query<{ last: string }>('SELECT max(position) AS last FROM events');
      assert.ok(Number(mark.rows[0]?.position) < Number(journal.rows[0]?.last), 'the read models were left behind by the crash');

      server = await startServer(database, false);
      const restarted = await answers(server.url);
      const ids = (restarted.observations as { id: string }[]).map((o) => o.id);
      for (const id of acknowledged) assert.ok(ids.includes(id), `acknowledged ${id} is listed after the restart`);
      assert.equal(ids.length, (before.observations as unknown[]).length + acknowledged.length);
      const caughtUp = await tables(locker);
      await stop(server);

      rebuildCommand(database);
      assert.deepEqual(await tables(locker), caughtUp, 'the rows a restart caught up are those a rebuild writes');
      server = await startServer(database, false);
      assert.deepEqual(await answers(server.url), restarted, 'and so are the answers');
    } finally {
      await locker.end();
    }
  });
});

describe('read models after a SIGKILL in a burst of reports (PGlite data directory)', () => {
  let dataDir: string;
  let server: Child | undefined;
  before(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'gusp-read-crash-'));
  });
  after(async () => {
    await stop(server);
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('killed mid-burst: restarted, it lists every acknowledged report and answers what a rebuild answers', async () => {
    const database = ['--data-dir', dataDir];
    server = await startServer(database, true);
    const acknowledged: string[] = [];
    const running = server;
    await Promise.all(
      Array.from({ length: 4 }, async (_, lane) => {
        for (let i = 0; i < 15; i++) {
          const r = await call(running.url, 'POST', '/api/observations', { body: report(lane * 100 + i) }).catch(() => undefined);
          if (r?.status !== 201) return;
          acknowledged.push((r.body as { observationId: string }).observationId);
          if (acknowledged.length === 25) running.process.kill('SIGKILL');
        }
      }),
    );
    await running.exited;
    assert.ok(acknowledged.length >= 25);

    server = await startServer(database, false);
    const restarted = await answers(server.url);
    const ids = (restarted.observations as { id: string }[]).map((o) => o.id);
    for (const id of acknowledged) assert.ok(ids.includes(id), `acknowledged ${id} is listed after the restart`);
    await stop(server);

    rebuildCommand(database);
    server = await startServer(database, false);
    assert.deepEqual(await answers(server.url), restarted);
  });
});
