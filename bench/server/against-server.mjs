// SPDX-License-Identifier: EUPL-1.2
/**
 * One side of `pnpm bench:server against`: the server of the tree given as
 * argv[2] (its sources, through tsx), on PGlite in memory or on a throw-away
 * PostgreSQL cluster of its own (argv[3]), with 50 walks for spread sign-ups
 * and one hot walk of 100 seats, as bench/run.ts sets them up. It is run in
 * the tree's packages/server, so every module (the server, the core, pg,
 * PGlite) is that tree's.
 *
 * It tells its parent (IPC) `{ url, spread, hot }` once it listens (or
 * `{ unavailable }`, and exits, when PostgreSQL is not installed), then
 * answers each `'settle'` with `'settled'` once the work a slice of sign-ups
 * left behind is done: the read models' catch-up where the tree has them (so
 * a slice pays for the projection of its own sign-ups, instead of the next
 * slice, which may be the other tree's), nothing where it has not. `'close'`
 * stops it.
 */
const [tree, database] = process.argv.slice(2);
// Whether this machine has PostgreSQL is this tree's test cluster's question (an earlier tree's may not ask it).
if (database === 'postgres') {
  const { postgresUnavailable } = await import('../../packages/server/test/postgres-cluster.ts');
  const unavailable = postgresUnavailable();
  // Told, then gone: the rest of this script never runs.
  if (unavailable) await new Promise(() => process.send({ unavailable }, () => process.exit(0)));
}
const { openMigratedDatabase, startServer } = await import(`${tree}/packages/server/src/server.ts`);
const cluster =
  database === 'postgres'
    ? await (await import(`${tree}/packages/server/test/postgres-cluster.ts`)).startPostgresCluster()
    : { url: undefined, stop: async () => {} };
const db = await openMigratedDatabase(cluster.url === undefined ? {} : { databaseUrl: cluster.url });
const server = await startServer({ database: db });
const inDays = (d) => new Date(Date.now() + d * 86_400_000).toISOString();
const walks = [];
for (let i = 0; i < 51; i++) {
  const w = await server.gusp.walks.schedule({
    quartierId: 'le-plan',
    startsAt: inDays(30 + i),
    capacity: i === 50 ? 100 : 10_000,
    meetingPoint: { label: 'Parvis' },
  });
  if (!w.ok) throw new Error(w.error.code);
  await server.gusp.walks.publish(w.value.id);
  walks.push(w.value.id);
}
process.on('message', (message) => {
  if (message === 'settle') {
    Promise.resolve(server.readModels?.caughtUp()).then(
      () => process.send('settled'),
      (error) => process.send({ error: String(error) }),
    );
  } else if (message === 'close') {
    void (async () => {
      await server.close();
      await db.close();
      await cluster.stop();
      process.exit(0);
    })();
  }
});
process.send({ url: server.url, spread: walks.slice(0, 50), hot: walks[50] });
