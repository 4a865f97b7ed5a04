// SPDX-License-Identifier: EUPL-1.2
/**
 * Sign-ups per second and p99 latency of `@gusp/server`, on PGlite and on a
 * throw-away PostgreSQL cluster (loopback only), for sign-ups spread over 50
 * walks and for one hot walk — each beside a bare `node:http` handler doing
 * the same kind of transactional insert (row lock on the walk, count, insert).
 * Bounded: a fixed number of requests, a fixed concurrency, a timeout each.
 *
 *   pnpm bench:server                           # at the root: both databases
 *   pnpm bench:server postgres                  # one (pglite | postgres)
 *   BENCH_POOL_SIZE=10 pnpm bench:server postgres   # another pool than the server's default
 *
 * The load generator runs in this process, beside both servers: the ratio to
 * the bare handler is fair, absolute figures are below what a separate client
 * process would measure. Budgets (on PostgreSQL) are printed, not enforced.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { defaultPoolSize, type Database } from '../src/db.js';
import { openMigratedDatabase, startServer } from '../src/server.js';
import type { Sql } from '../src/sql.js';
import { postgresUnavailable, startPostgresCluster } from '../test/postgres-cluster.js';
import { load, type Run } from './load.mjs';

const SPREAD_REQUESTS = 6000;
const HOT_REQUESTS = 1500;
const HOT_CAPACITY = 100;

/** The bare handler: node:http, JSON body, one transaction with a row lock on the walk. */
async function bareServer(sql: Sql): Promise<{ url: string; server: Server }> {
  await sql.exec(`
    DROP TABLE IF EXISTS bench_registrations; DROP TABLE IF EXISTS bench_walks;
    CREATE TABLE bench_walks (id text PRIMARY KEY, capacity integer NOT NULL, confirmed integer NOT NULL DEFAULT 0, waitlisted integer NOT NULL DEFAULT 0);
    CREATE TABLE bench_registrations (id bigserial PRIMARY KEY, walk_id text NOT NULL REFERENCES bench_walks(id), name text NOT NULL, email text NOT NULL, status text NOT NULL, position integer, UNIQUE (walk_id, email));`);
  const server = createServer((req, res) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (text += c));
    // The handler catches every error itself: nothing is left for the emitter, which ignores promises.
    req.on(
      'end',
      () =>
        void (async () => {
          try {
            const walkId = (req.url ?? '').split('/')[3] ?? '';
            const input = JSON.parse(text) as { name: string; email: string };
            const out = await sql.transaction(async (tx) => {
              const walk = (
                await tx.query<{ capacity: number; confirmed: number; waitlisted: number }>(
                  'SELECT capacity, confirmed, waitlisted FROM bench_walks WHERE id = $1 FOR UPDATE',
                  [walkId],
                )
              ).rows[0];
              if (!walk) throw new Error('no walk');
              const confirmed = walk.confirmed < walk.capacity;
              const position = confirmed ? null : walk.waitlisted + 1;
              await tx.query('INSERT INTO bench_registrations (walk_id, name, email, status, position) VALUES ($1, $2, $3, $4, $5)', [
                walkId,
                input.name,
                input.email,
                confirmed ? 'confirmed' : 'waitlisted',
                position,
              ]);
              await tx.query(
                confirmed
                  ? 'UPDATE bench_walks SET confirmed = confirmed + 1 WHERE id = $1'
                  : 'UPDATE bench_walks SET waitlisted = waitlisted + 1 WHERE id = $1',
                [walkId],
              );
              return { status: confirmed ? 'confirmed' : 'waitlisted', ...(position ? { position } : {}) };
            });
            res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify(out));
          } catch (e) {
            res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ error: String(e) }));
          }
        })(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

const person = (tag: string, i: number) => ({ name: `Habitant ${i}`, email: `${tag}-${i}@example.org`, consent: true });
const inDays = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString();

async function benchOn(name: string, db: Database): Promise<void> {
  const gusp = await startServer({ database: db });
  const bare = await bareServer(db.sql);
  try {
    const walks: string[] = [];
    for (let i = 0; i < 51; i++) {
      const w = await gusp.gusp.walks.schedule({
        quartierId: 'le-plan',
        startsAt: inDays(30 + i),
        capacity: i === 50 ? HOT_CAPACITY : 10_000,
        meetingPoint: { label: 'Parvis' },
      });
      if (!w.ok) throw new Error(w.error.code);
      await gusp.gusp.walks.publish(w.value.id);
      walks.push(w.value.id);
      await db.sql.query('INSERT INTO bench_walks (id, capacity) VALUES ($1, $2)', [w.value.id, i === 50 ? HOT_CAPACITY : 10_000]);
    }
    const hot = walks[50] as string;
    const rows: string[][] = [];
    const row = (scenario: string, who: string, r: Run, check = '') =>
      rows.push([name, scenario, who, r.rps.toFixed(0), r.p99.toFixed(1), String(r.errors), check]);

    // Warm-up (JIT, caches), not measured.
    await load(
      gusp.url,
      200,
      (i) => `/api/walks/${walks[i % 50]}/registrations`,
      (i) => person('warm', i),
    );
    await load(
      bare.url,
      200,
      (i) => `/api/walks/${walks[i % 50]}/registrations`,
      (i) => person('warm', i),
    );

    const spreadBare = await load(
      bare.url,
      SPREAD_REQUESTS,
      (i) => `/api/walks/${walks[i % 50]}/registrations`,
      (i) => person('spread-bare', i),
    );
    const spread = await load(
      gusp.url,
      SPREAD_REQUESTS,
      (i) => `/api/walks/${walks[i % 50]}/registrations`,
      (i) => person('spread', i),
    );
    row('spread (50 walks)', 'bare node:http', spreadBare);
    row('spread (50 walks)', '@gusp/server', spread, `${(spread.rps / spreadBare.rps).toFixed(2)}× bare`);

    const hotBare = await load(
      bare.url,
      HOT_REQUESTS,
      () => `/api/walks/${hot}/registrations`,
      (i) => person('hot-bare', i),
    );
    const hotRun = await load(
      gusp.url,
      HOT_REQUESTS,
      () => `/api/walks/${hot}/registrations`,
      (i) => person('hot', i),
    );
    const confirmed = hotRun.bodies.filter((b) => (b as { status: string }).status === 'confirmed').length;
    const bareConfirmed = hotBare.bodies.filter((b) => (b as { status: string }).status === 'confirmed').length;
    row('hot (1 walk)', 'bare node:http', hotBare, `${bareConfirmed} confirmed`);
    row('hot (1 walk)', '@gusp/server', hotRun, `${confirmed}/${HOT_CAPACITY} confirmed, ${(hotRun.rps / hotBare.rps).toFixed(2)}× bare`);
    for (const r of rows) console.log(r.map((c, i) => c.padEnd([9, 18, 15, 7, 8, 7, 0][i] ?? 0)).join(' '));
    if (name === 'postgres') {
      // The budgets on PostgreSQL: printed, not enforced (they depend on the machine and its load).
      const mark = (ok: boolean) => (ok ? 'ok  ' : 'OVER');
      console.log(
        `budgets   ${mark(spread.rps >= 1500)} spread ≥ 1,500/s (${spread.rps.toFixed(0)})   ${mark(spread.p99 <= 100)} spread p99 ≤ 100 ms (${spread.p99.toFixed(1)})`,
      );
      console.log(
        `          ${mark(hotRun.rps >= 400)} hot ≥ 400/s (${hotRun.rps.toFixed(0)})   ${mark(confirmed === HOT_CAPACITY)} hot exactly ${HOT_CAPACITY} confirmed (${confirmed})`,
      );
      console.log(
        `          ${mark(spread.rps >= 0.7 * spreadBare.rps)} spread ≥ 0.7× bare (${(spread.rps / spreadBare.rps).toFixed(2)})   ${mark(hotRun.rps >= 0.7 * hotBare.rps)} hot ≥ 0.7× bare (${(hotRun.rps / hotBare.rps).toFixed(2)})`,
      );
    }
    if (confirmed !== HOT_CAPACITY) process.exitCode = 1;
  } finally {
    await new Promise<void>((resolve) => bare.server.close(() => resolve()));
    await gusp.close();
  }
}

const only = process.argv.slice(2);
console.log(
  `${'database'.padEnd(9)} ${'scenario'.padEnd(18)} ${'server'.padEnd(15)} ${'req/s'.padEnd(7)} ${'p99 ms'.padEnd(8)} ${'errors'.padEnd(7)} check`,
);
if (only.length === 0 || only.includes('pglite')) {
  const db = await openMigratedDatabase({});
  try {
    await benchOn('pglite', db);
  } finally {
    await db.close();
  }
}
if (only.length === 0 || only.includes('postgres')) {
  const unavailable = postgresUnavailable();
  if (unavailable) console.log(`postgres: skipped, ${unavailable}`);
  else {
    const cluster = await startPostgresCluster();
    console.log(`postgres: the ${cluster.kind} server`);
    try {
      // The server's default pool (BENCH_POOL_SIZE to try another), shared by both handlers.
      const poolSize = Number(process.env.BENCH_POOL_SIZE) || defaultPoolSize();
      console.log(`postgres: ${poolSize} connections (bare handler and @gusp/server alike)`);
      const db = await openMigratedDatabase({ databaseUrl: cluster.url, poolSize });
      try {
        await benchOn('postgres', db);
      } finally {
        await db.close();
      }
    } finally {
      await cluster.stop();
    }
  }
}
