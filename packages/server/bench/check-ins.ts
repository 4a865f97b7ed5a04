// SPDX-License-Identifier: EUPL-1.2
/**
 * The walk day's offline outbox resending a batch of check-ins: `POST /api/walks/:id/check-ins`
 * with N registration ids under one Idempotency-Key, sent once, then resent twice (what a phone
 * does when the answer was lost in a dead zone). Each resent id is a replay of its first outcome;
 * before replays kept the stream's events, each one read and decrypted the whole walk again.
 *
 * Run: `pnpm bench:server check-ins [pglite|postgres] [--people 200]` (PGlite by default).
 */
import { parseArgs } from 'node:util';
import type { Result } from '@gusp/core';
import { createToken } from '../src/auth.js';
import { startServer } from '../src/server.js';
import { postgresUnavailable, startPostgresCluster } from '../test/postgres-cluster.js';

const { values, positionals } = parseArgs({ options: { people: { type: 'string', default: '200' } }, allowPositionals: true });
const people = Number(values.people);
const on = positionals[0] === 'postgres' ? 'postgres' : 'pglite';

const must = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
};

if (on === 'postgres' && postgresUnavailable()) throw new Error(`postgres: ${postgresUnavailable()}`);
const cluster = on === 'postgres' ? await startPostgresCluster() : undefined;
const server = await startServer(cluster ? { databaseUrl: cluster.url } : {});
try {
  const { gusp } = server;
  const startsAt = new Date(Date.now() + 20 * 60_000);
  startsAt.setUTCSeconds(0, 0);
  const walk = must(
    await gusp.walks.schedule({
      quartierId: 'le-plan',
      startsAt: startsAt.toISOString(),
      capacity: people,
      meetingPoint: { label: 'Parvis des Bleuets' },
      registrationDeadline: new Date(Date.now() + 10 * 60_000).toISOString(),
    }),
  );
  must(await gusp.walks.publish(walk.id));
  const ids: string[] = [];
  for (let i = 0; i < people; i++)
    ids.push(
      must(await gusp.walks.register(walk.id, { name: `Personne ${i}`, email: `p${i}@example.org`, consent: true })).registration.id,
    );
  must(await gusp.walks.closeRegistrations(walk.id));
  must(await gusp.walks.start(walk.id));
  const { token } = await createToken(server.database.sql, { role: 'agent' });
  const send = async () => {
    const t = performance.now();
    const r = await fetch(`${server.url}/api/walks/${walk.id}/check-ins`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': 'bench-batch' },
      body: JSON.stringify({ registrationIds: ids }),
    });
    const body = (await r.json()) as { checkedIn: number };
    if (r.status !== 200 || body.checkedIn !== people) throw new Error(`${r.status} ${JSON.stringify(body)}`);
    return Math.round(performance.now() - t);
  };
  const first = await send();
  const resent = [await send(), await send()];
  console.log(`check-ins of ${people} people on ${on}: first ${first} ms, resent ${resent.join(' ms, ')} ms`);
} finally {
  await server.close();
  await cluster?.stop();
}
