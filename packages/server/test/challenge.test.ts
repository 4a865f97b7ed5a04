// SPDX-License-Identifier: EUPL-1.2
/**
 * Issue 10, finding 4 (the proof-of-work half): with proof of work on, a public write needs a
 * solved ALTCHA challenge, used once. Over real HTTP, on PGlite and PostgreSQL, with two servers
 * on one database; the challenges are solved with altcha-lib's own solver, not ours.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { solveChallenge } from 'altcha-lib/v1';
import { createToken } from '../src/auth.js';
import type { Database } from '../src/db.js';
import { startServer, type RunningServer } from '../src/server.js';
import { freePort, startUntilHealthy, stopChild } from './cli-process.js';
import { call, openWalk, person, REPORT } from './harness.js';
import { rgbPng } from './images.js';
import { onBothDatabases } from './postgres-cluster.js';

/** Low, so each solve takes milliseconds; the protocol is the same at any difficulty. */
const MAX_NUMBER = 2000;

interface Challenge {
  algorithm: string;
  challenge: string;
  maxnumber: number;
  salt: string;
  signature: string;
}

const encode = (c: Challenge, number: number) =>
  Buffer.from(JSON.stringify({ algorithm: c.algorithm, challenge: c.challenge, number, salt: c.salt, signature: c.signature })).toString(
    'base64',
  );

async function fetchChallenge(base: string): Promise<Challenge> {
  const answer = await call<Challenge>(base, 'GET', '/api/challenge');
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  return answer.body;
}

/** A solution of a fresh challenge of `base`, found by altcha-lib's solver. */
async function solved(base: string): Promise<string> {
  const c = await fetchChallenge(base);
  const solution = await solveChallenge(c.challenge, c.salt, c.algorithm, c.maxnumber).promise;
  assert.ok(solution, 'altcha-lib found no solution');
  return encode(c, solution.number);
}

const png = () => rgbPng(1, 1, [0, 200, 40, 40]);

const OPEN311 = { service_code: 'voirie', lat: '44.92', long: '4.91', description: 'Nid-de-poule' };

function challengeSuite(name: string, open: () => Promise<Database>, skip: string | false = false) {
  describe(`proof of work on ${name} (issue 10, finding 4)`, { skip }, () => {
    let db: Database;
    let second: Database | undefined;
    let a: RunningServer;
    let b: RunningServer;
    let clock = Date.now();
    let coordinator: string;
    let walkId: string;
    let n = 0;
    const signUp = (base: string, headers: Record<string, string> = {}) =>
      call(base, 'POST', `/api/walks/${walkId}/registrations`, { body: person(`pow-${name}-${++n}`), headers });

    const registrations = async () => {
      const walk = await a.gusp.walks.get(walkId);
      return walk.ok ? walk.value.registrations.length : -1;
    };

    before(async () => {
      db = await open();
      // PostgreSQL: the second server has its own pool, as a second machine would; PGlite is one process's.
      second = name === 'postgres' ? await open() : undefined;
      const options = { proofOfWork: { maxNumber: MAX_NUMBER, now: () => new Date(clock) }, photoSweep: false } as const;
      a = await startServer({ database: db, ...options });
      b = await startServer({ database: second ?? db, ...options });
      coordinator = (await createToken(db.sql, { role: 'coordinator' })).token;
      walkId = await openWalk(a.gusp, { capacity: 200 });
    });
    after(async () => {
      await a?.close();
      await b?.close();
      await second?.close();
      await db?.close();
    });

    test('GET /api/challenge gives a signed ALTCHA challenge that expires in 10 minutes, never cached', async () => {
      const answer = await call<Challenge>(a.url, 'GET', '/api/challenge');
      assert.equal(answer.status, 200);
      assert.equal(answer.headers.get('cache-control'), 'no-store');
      const c = answer.body;
      assert.equal(c.algorithm, 'SHA-256');
      assert.equal(c.maxnumber, MAX_NUMBER);
      assert.match(c.challenge, /^[0-9a-f]{64}$/);
      assert.match(c.signature, /^[0-9a-f]{64}$/);
      const expires = Number(/[?&]expires=(\d+)/.exec(c.salt)?.[1]);
      assert.ok(Math.abs(expires * 1000 - (clock + 600_000)) < 2000, c.salt);
    });

    test('a sign-up without a solution is refused (403 request.challenge-required), in French, then English', async () => {
      const before = await registrations();
      const fr = await signUp(a.url);
      assert.equal(fr.status, 403, JSON.stringify(fr.body));
      assert.equal(fr.body.error.code, 'request.challenge-required');
      assert.match(fr.body.error.message, /preuve de travail/);
      assert.equal(fr.body.error.details.challenge, `${a.url}/api/challenge`);
      const en = await signUp(a.url, { 'accept-language': 'en' });
      assert.equal(en.status, 403);
      assert.match(en.body.error.message, /proof of work/);
      assert.equal(await registrations(), before, 'nothing recorded');
    });

    test('a wrong number, a forged signature, garbage, or another algorithm are refused as invalid', async () => {
      const c = await fetchChallenge(a.url);
      const right = (await solveChallenge(c.challenge, c.salt, c.algorithm, c.maxnumber).promise)!.number;
      const forged = { ...c, signature: c.signature.replace(/^./, (d) => (d === '0' ? '1' : '0')) };
      const otherAlgorithm = Buffer.from(
        JSON.stringify({ ...JSON.parse(Buffer.from(encode(c, right), 'base64').toString()), algorithm: 'SHA-1' }),
      ).toString('base64');
      for (const bad of [
        encode(c, right + 1),
        encode(forged, right),
        'pas-du-base64!',
        Buffer.from('{}').toString('base64'),
        otherAlgorithm,
      ]) {
        const refused = await signUp(a.url, { 'x-altcha': bad });
        assert.equal(refused.status, 403, bad);
        assert.equal(refused.body.error.code, 'request.challenge-invalid');
        assert.equal(refused.body.error.details.reason, 'invalid');
        assert.match(refused.body.error.message, /invalide/);
      }
      // The challenge was never spent by those: its right number still works.
      assert.equal((await signUp(a.url, { 'x-altcha': encode(c, right) })).status, 201);
    });

    test('a good solution is accepted once: the same one again is refused as already used', async () => {
      const solution = await solved(a.url);
      const first = await signUp(a.url, { 'x-altcha': solution });
      assert.equal(first.status, 201, JSON.stringify(first.body));
      const again = await signUp(a.url, { 'x-altcha': solution });
      assert.equal(again.status, 403);
      assert.equal(again.body.error.code, 'request.challenge-invalid');
      assert.equal(again.body.error.details.reason, 'spent');
      assert.match(again.body.error.message, /déjà servi/);
    });

    test('an expired solution is refused; a fresh challenge then works', async () => {
      const solution = await solved(a.url);
      clock += 601_000;
      try {
        const late = await signUp(a.url, { 'x-altcha': solution, 'accept-language': 'en' });
        assert.equal(late.status, 403);
        assert.equal(late.body.error.details.reason, 'expired');
        assert.match(late.body.error.message, /expired/);
        assert.equal((await signUp(a.url, { 'x-altcha': await solved(a.url) })).status, 201);
      } finally {
        clock -= 601_000;
      }
    });

    test('two servers on one database share the key and the spent solutions', async () => {
      // A's challenge is good on B (one key), and once spent on B it is spent on A.
      const solution = await solved(a.url);
      assert.equal((await signUp(b.url, { 'x-altcha': solution })).status, 201);
      const replay = await signUp(a.url, { 'x-altcha': solution });
      assert.equal(replay.status, 403);
      assert.equal(replay.body.error.details.reason, 'spent');
      // The same solution sent to both at once, ten times over: exactly one write is accepted each time.
      for (let i = 0; i < 10; i++) {
        const shared = await solved(i % 2 ? a.url : b.url);
        const statuses = (await Promise.all([a, b, a, b].map((s) => signUp(s.url, { 'x-altcha': shared })))).map((r) => r.status).sort();
        assert.deepEqual(statuses, [201, 403, 403, 403]);
      }
    });

    test('observations and photos need one too; staff with a token need none', async () => {
      const refused = await call(a.url, 'POST', '/api/observations', { body: REPORT });
      assert.equal(refused.status, 403);
      assert.equal(refused.body.error.code, 'request.challenge-required');
      const recorded = await call(a.url, 'POST', '/api/observations', { body: REPORT, headers: { 'x-altcha': await solved(a.url) } });
      assert.equal(recorded.status, 201, JSON.stringify(recorded.body));
      const photo = (headers: Record<string, string>) =>
        fetch(`${a.url}/api/photos`, { method: 'POST', headers: { 'content-type': 'image/png', ...headers }, body: new Uint8Array(png()) });
      assert.equal((await photo({})).status, 403);
      assert.equal((await photo({ 'x-altcha': await solved(a.url) })).status, 201);
      const staff = { authorization: `Bearer ${coordinator}` };
      assert.equal((await photo(staff)).status, 201);
      assert.equal((await signUp(a.url, staff)).status, 201);
      assert.equal((await call(a.url, 'POST', '/api/observations', { body: REPORT, headers: staff })).status, 201);
      // A made-up token is anonymous: challenged.
      assert.equal((await signUp(a.url, { authorization: 'Bearer not-a-token' })).status, 403);
    });

    test('Open311: a GeoReport 403 without proof; a solution as the altcha field, or a staff token as api_key, is accepted', async () => {
      const post = (fields: Record<string, string>) =>
        call(a.url, 'POST', '/open311/v2/requests.json', {
          raw: new URLSearchParams({ ...OPEN311, ...fields }).toString(),
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
        });
      const refused = await post({});
      assert.equal(refused.status, 403, JSON.stringify(refused.body));
      assert.equal(refused.body[0].code, 403);
      assert.match(refused.body[0].description, /preuve de travail/);
      assert.equal((await post({ altcha: await solved(a.url) })).status, 201);
      assert.equal((await post({ api_key: coordinator })).status, 201);
      assert.equal((await post({ api_key: 'pas-un-jeton' })).status, 403);
    });

    test('spent solutions are pruned once long expired', async () => {
      await db.sql.query('INSERT INTO spent_challenges (signature, expires_at) VALUES ($1, $2)', [
        'old'.padEnd(64, '0'),
        new Date(clock - 3_600_000),
      ]);
      // A fresh server prunes on its first redeem.
      const c = await startServer({ database: db, proofOfWork: { maxNumber: MAX_NUMBER, now: () => new Date(clock) }, photoSweep: false });
      try {
        assert.equal((await signUp(c.url, { 'x-altcha': await solved(c.url) })).status, 201);
        const { rows } = await db.sql.query('SELECT signature FROM spent_challenges WHERE expires_at < $1', [new Date(clock)]);
        assert.deepEqual(rows, []);
      } finally {
        await c.close();
      }
    });
  });
}

onBothDatabases(challengeSuite);

describe('proof of work: on by default when public, off on loopback', () => {
  test('on loopback: no challenge is asked and GET /api/challenge is 404', async () => {
    const server = await startServer({ photoSweep: false });
    try {
      const walkId = await openWalk(server.gusp);
      assert.equal((await call(server.url, 'POST', `/api/walks/${walkId}/registrations`, { body: person('loopback') })).status, 201);
      assert.equal((await call(server.url, 'GET', '/api/challenge')).status, 404);
    } finally {
      await server.close();
    }
  });
  test('on every interface (0.0.0.0): a sign-up without a solution is refused', async () => {
    const server = await startServer({ host: '0.0.0.0', publicUrl: 'https://gusp.example.org', photoSweep: false });
    try {
      const walkId = await openWalk(server.gusp);
      const base = `http://127.0.0.1:${server.port}`;
      const refused = await call(base, 'POST', `/api/walks/${walkId}/registrations`, { body: person('public') });
      assert.equal(refused.status, 403);
      assert.equal(refused.body.error.details.challenge, 'https://gusp.example.org/api/challenge');
      const c = await fetchChallenge(base);
      assert.equal(c.maxnumber, 50_000);
    } finally {
      await server.close();
    }
  });
  test('behind a reverse proxy (loopback, a public URL on another host): a sign-up without a solution is refused', async () => {
    const server = await startServer({ publicUrl: 'https://gusp.example.org', photoSweep: false });
    try {
      const walkId = await openWalk(server.gusp);
      const refused = await call(server.url, 'POST', `/api/walks/${walkId}/registrations`, { body: person('proxied') });
      assert.equal(refused.status, 403);
      assert.equal(refused.body.error.code, 'request.challenge-required');
    } finally {
      await server.close();
    }
  });
  test('the CLI: --proof-of-work on asks for it on loopback too, at --proof-of-work-max-number; bad values are usage errors', async () => {
    const root = fileURLToPath(new URL('..', import.meta.url));
    const bin = join(root, 'bin', 'gusp-server.mjs');
    for (const bad of [
      ['--proof-of-work', 'maybe'],
      ['--proof-of-work-max-number', '0'],
    ]) {
      const cli = spawnSync(process.execPath, [bin, 'start', '--port', '0', ...bad], { cwd: root, encoding: 'utf8', timeout: 60_000 });
      assert.equal(cli.status, 2, cli.stderr);
      assert.match(cli.stderr, new RegExp(bad[0]!));
    }
    const dir = mkdtempSync(join(tmpdir(), 'gusp-pow-'));
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const args = [bin, 'start', '--port', String(port), '--data-dir', dir, '--proof-of-work', 'on', '--proof-of-work-max-number', '1234'];
    const child = await startUntilHealthy(args, url, { cwd: root });
    try {
      const refused = await call(url, 'POST', '/api/observations', { body: REPORT });
      assert.equal(refused.status, 403);
      assert.equal(refused.body.error.details.challenge, `${url}/api/challenge`);
      assert.equal((await fetchChallenge(url)).maxnumber, 1234);
      assert.equal(
        (await call(url, 'POST', '/api/observations', { body: REPORT, headers: { 'x-altcha': await solved(url) } })).status,
        201,
      );
    } finally {
      await stopChild(child);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
