// SPDX-License-Identifier: EUPL-1.2
/**
 * The real `gusp-server start` process on a PGlite data directory: Valence's
 * seed, the data directory lock, and crash safety — SIGKILL in the middle of
 * a burst of sign-ups, restart on the same data, every acknowledged sign-up
 * is there, and retrying the others with their Idempotency-Key adds no duplicate.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { authenticate } from '../src/auth.js';
import { openDatabase } from '../src/db.js';
import { sqlStore } from '../src/store/sql-store.js';
import { startListening, type ListeningChild } from './cli-process.js';
import { call, person } from './harness.js';

const root = fileURLToPath(new URL('..', import.meta.url));

type Child = ListeningChild;

/** Starts `gusp-server start` on this data directory and waits for its "listening" log line. */
const startProcess = (dataDir: string, extra: string[] = []): Promise<Child> =>
  startListening(['--rate-limit', '0', '--data-dir', dataDir, ...extra], root);

describe('gusp-server process on a PGlite data directory', () => {
  let dataDir: string;
  let server: Child | undefined;

  before(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'gusp-server-test-'));
  });
  after(async () => {
    if (server && server.process.exitCode === null) {
      server.process.kill('SIGTERM');
      await server.exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('starts with Valence seeded: five quartiers, open, full and reported walks, engagements in every state', async () => {
    server = await startProcess(dataDir, ['--seed', 'valence']);
    const walks = (await call(server.url, 'GET', '/api/walks')).body.walks as {
      walk: { quartierId: string };
      status: string;
      seatsLeft: number;
      waitlisted: number;
    }[];
    assert.deepEqual(
      new Set(walks.map((w) => w.walk.quartierId)),
      new Set(['le-plan', 'polygone', 'chamberliere', 'valensolles', 'fontbarlettes']),
    );
    assert.ok(walks.some((w) => w.status === 'reported'));
    assert.ok(walks.filter((w) => w.status === 'open').length >= 3);
    assert.ok(
      walks.some((w) => w.status === 'open' && w.seatsLeft === 0 && w.waitlisted > 0),
      'one full walk',
    );
    const dashboard = (await call(server.url, 'GET', '/api/engagements/dashboard')).body as {
      byStatus: Record<string, number>;
      overdue: number;
    };
    for (const status of ['proposed', 'accepted', 'in-progress', 'done', 'verified', 'abandoned'])
      assert.ok((dashboard.byStatus[status] ?? 0) > 0, status);
    assert.ok(dashboard.overdue > 0);
  });

  test('a second server on the same data directory is refused while the first runs', async () => {
    await assert.rejects(startProcess(dataDir), /in use by process/);
  });

  test('SIGKILL during a burst of sign-ups: every acknowledged one survives, retries add no duplicate', async () => {
    assert.ok(server);
    const walks = (await call(server.url, 'GET', '/api/walks?quartier=fontbarlettes')).body.walks as {
      id: string;
      confirmed: number;
      waitlisted: number;
    }[];
    const walk = walks[0];
    assert.ok(walk);
    const before = walk.confirmed + walk.waitlisted;

    const total = 300;
    const acknowledged = new Map<number, string>();
    let next = 0;
    let killed = false;
    const worker = async () => {
      while (next < total && !killed) {
        const i = next++;
        try {
          const r = await call(server!.url, 'POST', `/api/walks/${walk.id}/registrations`, {
            body: person(`crash-${i}`),
            headers: { 'idempotency-key': `crash-${i}` },
          });
          if (r.status === 201) acknowledged.set(i, r.body.registrationId as string);
          if (acknowledged.size >= 80 && !killed) {
            killed = true;
            server!.process.kill('SIGKILL');
          }
        } catch {
          // The connection died with the server: not acknowledged.
        }
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
    await server.exited;
    assert.ok(killed && acknowledged.size >= 80);

    // Restart on the same data: the dead process's lock is taken over.
    server = await startProcess(dataDir);
    const afterCrash = (await call(server.url, 'GET', `/api/walks/${walk.id}`)).body as { confirmed: number; waitlisted: number };
    assert.ok(afterCrash.confirmed + afterCrash.waitlisted - before >= acknowledged.size);

    // Retry everything sent before the crash with the same keys: applied once.
    const sent = next;
    for (let i = 0; i < sent; i += 10) {
      await Promise.all(
        Array.from({ length: Math.min(10, sent - i) }, async (_, k) => {
          const n = i + k;
          const r = await call(server!.url, 'POST', `/api/walks/${walk.id}/registrations`, {
            body: person(`crash-${n}`),
            headers: { 'idempotency-key': `crash-${n}` },
          });
          assert.equal(r.status, 201, JSON.stringify(r.body));
          const earlier = acknowledged.get(n);
          if (earlier !== undefined) assert.equal(r.body.registrationId, earlier, `sign-up ${n} acknowledged before the crash`);
        }),
      );
    }
    const final = (await call(server.url, 'GET', `/api/walks/${walk.id}`)).body as { confirmed: number; waitlisted: number };
    assert.equal(final.confirmed + final.waitlisted - before, sent);

    server.process.kill('SIGTERM');
    assert.equal(await server.exited, 0);

    // The journal itself: each acknowledged registration once, no email twice.
    const db = await openDatabase({ dataDir });
    try {
      const events = (await sqlStore(db.sql).read(`walk-${walk.id}`)).events.filter((e) => e.type === 'ParticipantRegistered');
      const registrations = events.map((e) => (e.data as { registration: { id: string; email: string } }).registration);
      const ids = new Set(registrations.map((r) => r.id));
      for (const id of acknowledged.values()) assert.ok(ids.has(id), `acknowledged ${id} is in the journal`);
      const emails = registrations.map((r) => r.email);
      assert.equal(new Set(emails).size, emails.length, 'no email registered twice');
    } finally {
      await db.close();
    }
  });

  test('token create prints a token once; the database keeps only its hash; purge and export run', async () => {
    const cli = (...args: string[]) =>
      spawnSync(
        process.execPath,
        ['--conditions=@gusp/source', '--import', 'tsx', 'src/cli.ts', 'token', 'create', '--data-dir', dataDir, ...args],
        { cwd: root, encoding: 'utf8' },
      );
    const made = cli('--role', 'organisation', '--organisation', 'oph', '--label', 'OPH — gardiens');
    assert.equal(made.status, 0, made.stderr);
    const token = made.stdout.trim();
    assert.match(token, /^gusp_[A-Za-z0-9_-]{40,}$/);
    assert.match(made.stderr, /shown once/);
    assert.equal(cli('--role', 'king').status, 2);
    const run = (...args: string[]) =>
      spawnSync(process.execPath, ['--conditions=@gusp/source', '--import', 'tsx', 'src/cli.ts', ...args, '--data-dir', dataDir], {
        cwd: root,
        encoding: 'utf8',
      });
    const purged = run('purge', '--months', '12');
    assert.equal(purged.status, 0, purged.stderr);
    assert.match(purged.stdout, /"msg":"purged"/);
    const exported = run('export', '--what', 'engagements', '--format', 'csv');
    assert.equal(exported.status, 0, exported.stderr);
    assert.match(exported.stdout.split('\n')[0] ?? '', /^id,title,/);
    assert.match(exported.stdout, /Remplacer les lampadaires du passage/);

    const db = await openDatabase({ dataDir });
    try {
      const who = await authenticate(db.sql, `Bearer ${token}`);
      assert.deepEqual({ role: who?.role, organisationId: who?.organisationId }, { role: 'organisation', organisationId: 'oph' });
      const rows = await db.sql.query('SELECT * FROM staff_tokens');
      assert.ok(!JSON.stringify(rows.rows).includes(token));
    } finally {
      await db.close();
    }
  });
});
