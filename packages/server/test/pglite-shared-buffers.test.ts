// SPDX-License-Identifier: EUPL-1.2
/**
 * PGlite's page cache (`shared_buffers`): 16 MB by default, set by `--pglite-shared-buffers` /
 * `GUSP_PGLITE_SHARED_BUFFERS` (issue 12: the server's memory). A bad size is a usage error
 * (exit code 2, said in English and French), never a start with another cache than asked.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { openDatabase, PGLITE_SHARED_BUFFERS, sharedBuffersOf } from '../src/db.js';
import { CLI_FROM_SOURCES } from './cli-process.js';

const root = fileURLToPath(new URL('..', import.meta.url));

const shown = async (sharedBuffers?: string) => {
  const db = await openDatabase(sharedBuffers === undefined ? {} : { sharedBuffers });
  try {
    const { rows } = await db.sql.query<{ shared_buffers: string }>('SHOW shared_buffers');
    return rows[0]?.shared_buffers;
  } finally {
    await db.close();
  }
};

test('PGlite runs with 16 MB of shared buffers by default, and with the size asked', async () => {
  assert.equal(PGLITE_SHARED_BUFFERS, '16MB');
  assert.equal(await shown(), '16MB');
  assert.equal(await shown('32MB'), '32MB');
  assert.equal(await shown(' 1GB '), '1GB');
});

test('a shared_buffers size PostgreSQL would not take is refused, in English and French', () => {
  assert.equal(sharedBuffersOf(undefined), '16MB');
  assert.equal(sharedBuffersOf(''), '16MB');
  assert.equal(sharedBuffersOf('128kB'), '128kB');
  assert.equal(sharedBuffersOf('64 MB'), '64MB');
  for (const bad of ['32', '64KB', '100kB', '17GB', 'many', '-1MB', '1.5GB'])
    assert.throws(() => sharedBuffersOf(bad), /Invalid shared_buffers \/ taille de cache invalide/, bad);
});

test('gusp-server start --pglite-shared-buffers with a bad size: exit code 2 and the reason', () => {
  for (const [args, env] of [
    [['--pglite-shared-buffers', '32'], {}],
    [[], { GUSP_PGLITE_SHARED_BUFFERS: 'lots' }],
  ] as const) {
    const run = spawnSync(process.execPath, [...CLI_FROM_SOURCES, 'start', '--port', '0', ...args], {
      cwd: root,
      env: { ...process.env, ...env },
      encoding: 'utf8',
      timeout: 60_000,
    });
    assert.equal(run.status, 2, run.stderr);
    assert.match(run.stderr, /--pglite-shared-buffers: Invalid shared_buffers \/ taille de cache invalide/);
    assert.doesNotMatch(run.stderr, /at .*\.ts:\d+/, 'no stack trace');
  }
});
