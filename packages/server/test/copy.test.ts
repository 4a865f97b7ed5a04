// SPDX-License-Identifier: EUPL-1.2
/**
 * Moving from PGlite to PostgreSQL without losing data, as docs/operators.md
 * tells an operator to do it, with the real CLI: a server on a PGlite data
 * directory (Valence's seed, a token, sign-ups with Idempotency-Keys, a
 * photo, an erased person), stopped; `gusp-server copy --from-data-dir …
 * --to-database-url …` into a throw-away PostgreSQL cluster; the server
 * started on PostgreSQL answers exactly as before, the same token works, a
 * retried sign-up is not applied twice, new events continue after the copied
 * ones. A second copy into the same database is refused.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { freePort, startUntilHealthy, stopChild, type Child } from './cli-process.js';
import { call, person } from './harness.js';
import { jpegWithExif } from './images.js';
import { postgresUnavailable, startPostgresCluster, type PostgresCluster } from './postgres-cluster.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin', 'gusp-server.mjs');

const run = (args: string[]) =>
  spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8', timeout: 120_000, env: { ...process.env, DATABASE_URL: '' } });

/** `gusp-server start` on `url`'s port, no rate limit, never DATABASE_URL from the environment. */
const start = (args: string[], url: string): Promise<Child> =>
  startUntilHealthy([bin, 'start', '--rate-limit', '0', '--port', new URL(url).port, ...args], url, {
    cwd: root,
    env: { ...process.env, DATABASE_URL: '' },
  });
const stop = stopChild;

/** What the public and staff see: compared before and after the move. */
async function snapshot(url: string, coordinator: Record<string, string>, walkId: string) {
  const get = async (path: string, headers: Record<string, string> = {}) => {
    const r = await call(url, 'GET', path, { headers });
    assert.equal(r.status, 200, `${path}: ${JSON.stringify(r.body)}`);
    return r.body;
  };
  return {
    walks: await get('/api/walks'),
    engagements: await get('/api/engagements'),
    observations: await get('/api/observations'),
    geojson: await get('/api/observations.geojson'),
    registrations: await get(`/api/walks/${walkId}/registrations`, coordinator),
  };
}

describe('gusp-server copy: from a PGlite data directory to PostgreSQL', { skip: postgresUnavailable() ?? false }, () => {
  let dir: string;
  let cluster: PostgresCluster;
  let server: Child | undefined;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gusp-copy-'));
    cluster = await startPostgresCluster();
  });
  after(async () => {
    if (server && server.process.exitCode === null) {
      server.process.kill('SIGTERM');
      await server.exited;
    }
    await cluster?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  test('every event, token, photo, email and idempotency key survives the move; the server goes on from there', async () => {
    const dataDir = join(dir, 'data');
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;

    // 1. Life on PGlite.
    const token = run(['token', 'create', '--role', 'coordinator', '--data-dir', dataDir]);
    assert.equal(token.status, 0, token.stderr);
    const coordinator = { authorization: `Bearer ${token.stdout.trim()}` };
    server = await start(['--data-dir', dataDir, '--seed', 'valence'], url);
    const walks = (await call(url, 'GET', '/api/walks')).body.walks as { id: string; status: string; seatsLeft: number }[];
    const walkId = walks.find((w) => w.status === 'open' && w.seatsLeft > 5)?.id;
    assert.ok(walkId);
    const signUps: { registrationId: string }[] = [];
    for (let i = 0; i < 3; i++) {
      const r: { status: number; body: { registrationId: string } } = await call(url, 'POST', `/api/walks/${walkId}/registrations`, {
        body: person(`move-${i}`),
        headers: { 'idempotency-key': `move-${i}` },
      });
      assert.equal(r.status, 201, JSON.stringify(r.body));
      signUps.push(r.body);
    }
    const erased = await call(url, 'POST', '/api/privacy/erase', { body: { email: person('move-2').email }, headers: coordinator });
    assert.equal(erased.status, 200, JSON.stringify(erased.body));
    const photo = await fetch(`${url}/api/photos`, {
      method: 'POST',
      headers: { 'content-type': 'image/jpeg' },
      body: new Blob([new Uint8Array(jpegWithExif())]),
    });
    assert.equal(photo.status, 201);
    const { id: photoId } = (await photo.json()) as { id: string };
    const photoBytes = Buffer.from(await (await fetch(`${url}/api/photos/${photoId}`)).arrayBuffer());
    const before = await snapshot(url, coordinator, walkId);
    assert.ok(!JSON.stringify(before.registrations).includes(person('move-2').email), 'erased before the move');
    await stop(server);

    // 2. The move.
    const copied = run(['copy', '--from-data-dir', dataDir, '--to-database-url', cluster.url]);
    assert.equal(copied.status, 0, copied.stdout + copied.stderr);
    const report = JSON.parse(
      copied.stdout
        .trim()
        .split('\n')
        .filter((l) => l.includes('"copied and checked"'))
        .at(-1) as string,
    ) as { events: number; staffTokens: number; staffAccounts: number; photos: number; clientCommands: number; journalDigest: string };
    assert.ok(report.events > 50, `events: ${report.events}`);
    assert.equal(report.staffTokens, 1);
    assert.equal(report.staffAccounts, 1, 'the demo coordinator the seed created');
    assert.equal(report.photos, 1);
    assert.ok(report.clientCommands >= 3);
    assert.match(report.journalDigest, /^[0-9a-f]{32}$/);

    // 3. Life on PostgreSQL: the same answers, the same token, the same photo.
    server = await start(['--database-url', cluster.url], url);
    assert.match(server.output(), /"database":"postgres"/);
    assert.deepEqual(await snapshot(url, coordinator, walkId), before);
    assert.deepEqual(Buffer.from(await (await fetch(`${url}/api/photos/${photoId}`)).arrayBuffer()), photoBytes);
    // The staff account moved with its key: its sealed address reads back on the new database.
    const accounts = await call(url, 'GET', '/api/staff/accounts', { headers: coordinator });
    assert.equal(accounts.status, 200, JSON.stringify(accounts.body));
    assert.match(JSON.stringify(accounts.body), /coordination@demo\.gusp\.invalid/);

    // A retry of a sign-up made on PGlite is recognised, not applied twice.
    const retry = await call(url, 'POST', `/api/walks/${walkId}/registrations`, {
      body: person('move-0'),
      headers: { 'idempotency-key': 'move-0' },
    });
    assert.ok(retry.status === 201 || retry.status === 200, JSON.stringify(retry.body));
    assert.equal(retry.body.registrationId, signUps[0]?.registrationId);
    // The key's input digest moved with it: another body under that key is still refused, not answered with move-0's sign-up.
    const reused = await call(url, 'POST', `/api/walks/${walkId}/registrations`, {
      body: person('not-move-0'),
      headers: { 'idempotency-key': 'move-0' },
    });
    assert.deepEqual([reused.status, reused.body.error?.code], [422, 'request.idempotency-key-reused']);
    // New events continue after the copied ones.
    const fresh = await call(url, 'POST', `/api/walks/${walkId}/registrations`, {
      body: person('after-move'),
      headers: { 'idempotency-key': 'after-move' },
    });
    assert.equal(fresh.status, 201, JSON.stringify(fresh.body));
    const afterMove = (await call(url, 'GET', `/api/walks/${walkId}/registrations`, { headers: coordinator })).body as
      { registrations?: unknown[] } | unknown[];
    const list = Array.isArray(afterMove) ? afterMove : (afterMove.registrations ?? []);
    assert.equal(
      list.length,
      (Array.isArray(before.registrations) ? before.registrations : (before.registrations as { registrations: unknown[] }).registrations)
        .length + 1,
    );
    await stop(server);

    // 4. A second copy into a database that holds data is refused, and changes nothing.
    const again = run(['copy', '--from-data-dir', dataDir, '--to-database-url', cluster.url]);
    assert.equal(again.status, 1, again.stdout + again.stderr);
    assert.match(again.stdout, /already holds GUSP data/);
    const usage = run(['copy', '--from-data-dir', dataDir]);
    assert.equal(usage.status, 2);
  });
});
