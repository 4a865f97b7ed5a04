// SPDX-License-Identifier: EUPL-1.2
/**
 * `gusp-server staff invite` and `token create|revoke` against a real running `gusp-server start`
 * on a PGlite data directory (which the server holds locked): through its admin channel, timed
 * (the budget is 2 s; printed, asserted only under a generous bound), then with the
 * server stopped, opening the database themselves.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { adminSocketPath } from '../src/staff/admin-channel.js';
import { freePort, startUntilHealthy, stopChild, type Child } from './cli-process.js';
import { call } from './harness.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const CLI = ['--conditions=@gusp/source', '--import', 'tsx', 'src/cli.ts'];

/** Runs the CLI to its end: exit code, stdout, stderr, and how long it took. */
function run(args: readonly string[]): Promise<{ code: number | null; stdout: string; stderr: string; ms: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, [...CLI, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  return new Promise((resolve) =>
    child.once('exit', (code) => resolve({ code, stdout, stderr, ms: Math.round(performance.now() - started) })),
  );
}

describe('gusp-server staff invite and token commands beside a running PGlite server', () => {
  let dataDir: string;
  let server: Child | undefined;
  let base: string;

  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'gusp-staff-cli-'));
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    server = await startUntilHealthy(
      [...CLI, 'start', '--port', String(port), '--rate-limit', '0', '--seed', 'valence', '--data-dir', dataDir],
      base,
      { cwd: root },
    );
  });
  after(async () => {
    await stopChild(server);
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('the admin channel is a socket only the server’s user can open (0600, in a 0700 directory)', () => {
    const socket = statSync(adminSocketPath(dataDir));
    assert.ok(socket.isSocket());
    assert.equal(socket.mode & 0o777, 0o600);
    assert.equal(statSync(join(dataDir, 'admin')).mode & 0o777, 0o700);
  });

  test('start --seed valence prints a sign-in link for the demo coordinator: the back office in one command', async () => {
    const deadline = Date.now() + 10_000;
    while (!server?.output().includes('demo coordinator') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    const line = server
      ?.output()
      .split('\n')
      .find((l) => l.includes('"demo coordinator sign-in link'));
    assert.ok(line, server?.output());
    const link = (JSON.parse(line) as { link: string }).link;
    assert.ok(server?.output().includes(`connexion en coordination de démo :\n  ${link}`));
    const verified = await call(base, 'POST', '/api/staff/sign-in/verify', { body: { token: new URL(link).searchParams.get('token') } });
    assert.equal(verified.status, 200, JSON.stringify(verified.body));
    assert.equal(verified.body.account.role, 'coordinator');
    assert.equal(verified.body.account.email, 'coordination@demo.gusp.invalid');
  });

  test('staff invite answers while the server runs, prints a sign-in link that opens a coordinator’s session', async (t) => {
    const invite = await run([
      'staff',
      'invite',
      '--email',
      'premiere@ville.example',
      '--role',
      'coordinator',
      '--name',
      'Première',
      '--data-dir',
      dataDir,
    ]);
    t.diagnostic(`staff invite against the running server: ${invite.ms} ms (budget 2000 ms)`);
    assert.equal(invite.code, 0, invite.stderr + invite.stdout);
    assert.ok(invite.ms < 10_000, `${invite.ms} ms`);
    const link = invite.stdout.trim();
    assert.match(link, new RegExp(`^${base}/gestion/connexion\\?token=[A-Za-z0-9_-]+$`));
    assert.match(invite.stderr, /coordinator/);
    const token = new URL(link).searchParams.get('token');
    const verified = await call(base, 'POST', '/api/staff/sign-in/verify', { body: { token } });
    assert.equal(verified.status, 200, JSON.stringify(verified.body));
    assert.equal(verified.body.account.role, 'coordinator');
    assert.equal(verified.body.account.invitedBy, 'cli');
    const cookie = /^(gusp_session=[^;]+)/.exec(verified.headers.get('set-cookie') ?? '')?.[1] ?? '';
    const accounts = await call(base, 'GET', '/api/staff/accounts', { headers: { cookie } });
    assert.equal(accounts.status, 200);
    assert.deepEqual(
      accounts.body.accounts.map((a: { email: string }) => a.email),
      ['coordination@demo.gusp.invalid', 'premiere@ville.example'],
    );

    // A refusal of the server is the CLI's, localized: exit code 1.
    const twice = await run(['staff', 'invite', '--email', 'premiere@ville.example', '--role', 'agent', '--data-dir', dataDir]);
    assert.equal(twice.code, 1);
    assert.match(twice.stdout, /staff\.email-taken/);
    assert.match(twice.stdout, /Un compte actif existe déjà/);
    const org = await run([
      'staff',
      'invite',
      '--email',
      'oph@ville.example',
      '--role',
      'organisation',
      '--organisation',
      'nulle-part',
      '--lang',
      'en',
      '--data-dir',
      dataDir,
    ]);
    assert.equal(org.code, 1);
    assert.match(org.stdout, /Unknown organisation: nulle-part/);
    // A usage error is the CLI's own, before any server is asked.
    const usage = await run(['staff', 'invite', '--role', 'agent', '--data-dir', dataDir]);
    assert.equal(usage.code, 2);
    assert.match(usage.stderr, /--email/);
  });

  test('token create and revoke answer while the server runs; the token works at once, then stops', async (t) => {
    const made = await run(['token', 'create', '--role', 'organisation', '--organisation', 'oph', '--label', 'OPH', '--data-dir', dataDir]);
    t.diagnostic(`token create against the running server: ${made.ms} ms (budget 2000 ms)`);
    assert.equal(made.code, 0, made.stderr + made.stdout);
    assert.ok(made.ms < 10_000, `${made.ms} ms`);
    const token = made.stdout.trim();
    assert.match(token, /^gusp_[A-Za-z0-9_-]{40,}$/);
    const id = /Token (\S+) \(organisation, oph\)/.exec(made.stderr)?.[1];
    assert.ok(id, made.stderr);
    const me = await call(base, 'GET', '/api/staff/me', { headers: { authorization: `Bearer ${token}` } });
    assert.equal(me.status, 200);
    assert.equal(me.body.organisationId, 'oph');

    const revoked = await run(['token', 'revoke', id, '--data-dir', dataDir]);
    t.diagnostic(`token revoke against the running server: ${revoked.ms} ms (budget 2000 ms)`);
    assert.equal(revoked.code, 0, revoked.stderr + revoked.stdout);
    assert.equal((await call(base, 'GET', '/api/staff/me', { headers: { authorization: `Bearer ${token}` } })).status, 401);
    const again = await run(['token', 'revoke', id, '--data-dir', dataDir]);
    assert.equal(again.code, 1);
    assert.match(again.stdout, /staff\.token-not-found/);
  });

  test('with the server stopped, staff invite opens the database itself (and the socket is gone)', async (t) => {
    await stopChild(server);
    server = undefined;
    assert.throws(() => statSync(adminSocketPath(dataDir)), /ENOENT/);
    const invite = await run([
      'staff',
      'invite',
      '--email',
      'seconde@ville.example',
      '--role',
      'agent',
      '--public-url',
      'https://gusp.ville.example',
      '--data-dir',
      dataDir,
    ]);
    t.diagnostic(`staff invite with the server stopped (opens PGlite): ${invite.ms} ms`);
    assert.equal(invite.code, 0, invite.stderr + invite.stdout);
    assert.match(invite.stdout.trim(), /^https:\/\/gusp\.ville\.example\/gestion\/connexion\?token=[A-Za-z0-9_-]+$/);
  });
});
