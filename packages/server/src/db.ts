// SPDX-License-Identifier: EUPL-1.2
/**
 * Opens the database behind the server: PostgreSQL when a `DATABASE_URL` is
 * given, embedded PGlite in a data directory otherwise. Both are reached
 * through the same small {@linkcode Sql} interface, so the SQL store has one
 * code path and one dialect (see `sql.ts` for why PGlite is not reached
 * through its node-postgres adapter).
 */
import { mkdirSync, openSync, readFileSync, rmSync, writeFileSync, closeSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { pgliteSql, pgSql, type Sql } from './sql.js';

export type DatabaseKind = 'pglite' | 'postgres';

export interface Database {
  readonly kind: DatabaseKind;
  readonly sql: Sql;
  /** The embedded engine, when it is PGlite (for `dumpDataDir()`). */
  readonly pglite?: PGlite | undefined;
  /** Closes the connections (PGlite and its lock). Safe to call twice. */
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** A PostgreSQL connection string: when set, PGlite is not used. */
  readonly databaseUrl?: string | undefined;
  /**
   * Where PGlite keeps its files (`<dataDir>/pgdata`) and its lock
   * (`<dataDir>/gusp.lock`). Absent: PGlite in memory (tests, demos).
   */
  readonly dataDir?: string | undefined;
  /** A PGlite dump (`dumpDataDir()`) to start from: a fast template for tests. */
  readonly loadDataDir?: Blob | undefined;
  /**
   * Connections to a PostgreSQL server (PGlite always has one); by default
   * {@linkcode defaultPoolSize}.
   */
  readonly poolSize?: number | undefined;
  /**
   * PGlite's `shared_buffers` (PostgreSQL's syntax: `16MB`, `16384kB`, `1GB`), its page cache
   * inside this process's memory; by default {@linkcode PGLITE_SHARED_BUFFERS}. Ignored with a
   * database URL (PostgreSQL's own setting is its administrator's).
   */
  readonly sharedBuffers?: string | undefined;
}

/**
 * PGlite's page cache by default: 16 MB, not PostgreSQL's 128 MB. The cache lives in the server's
 * own memory (PGlite's WebAssembly memory, which never shrinks), while the data directory's files
 * stay in the operating system's file cache, outside the process, and a page PGlite does not hold
 * is one read from that cache away. With 100,000 observations, after 16 clients asking every list
 * and export at once, the server held about 390 MB with 128 MB, 238–253 MB with 32 MB and 221–248 MB
 * with 16 MB (about 15 MB less on average), every page still within its budget (`bench/server/README.md`).
 */
export const PGLITE_SHARED_BUFFERS = '16MB';

/** A `shared_buffers` value PostgreSQL takes: a whole number of kB, MB or GB, from 128 kB to 16 GB. */
export function sharedBuffersOf(value: string | undefined): string {
  const text = value === undefined || value.trim() === '' ? PGLITE_SHARED_BUFFERS : value.trim();
  const m = /^(\d+)\s*(kB|MB|GB)$/.exec(text);
  const kb = m ? Number(m[1]) * { kB: 1, MB: 1024, GB: 1024 * 1024 }[m[2] as 'kB' | 'MB' | 'GB'] : Number.NaN;
  if (!(kb >= 128 && kb <= 16 * 1024 * 1024))
    throw new RangeError(
      `Invalid shared_buffers / taille de cache invalide: ${text} (a size such as 16MB, from 128kB to 16GB / une taille comme 16MB, de 128kB à 16GB)`,
    );
  return `${m![1]}${m![2]}`;
}

/** Thrown when another live process holds the data directory. */
export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(`Data directory ${dataDir} is in use by process ${pid} / Le dossier de données ${dataDir} est utilisé par le processus ${pid}`);
    this.name = 'DataDirLockedError';
  }
}

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * Takes `<dataDir>/gusp.lock` for this process. PGlite does not lock its data
 * directory, and two processes writing the same files would corrupt it. A lock
 * left by a process that no longer runs (killed, crashed) is taken over.
 */
export function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'gusp.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeFileSync(fd, String(process.pid));
      closeSync(fd);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        rmSync(file, { force: true });
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const pid = Number.parseInt(readFileSync(file, 'utf8'), 10);
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && isAlive(pid)) throw new DataDirLockedError(dataDir, pid);
      rmSync(file, { force: true });
    }
  }
  throw new Error(`Could not lock ${dataDir}`);
}

/**
 * Twice the cores of this machine, at least 4: a sign-up holds a connection
 * for one short statement, so more connections than the database can run at
 * once only queue inside PostgreSQL (`pnpm bench:server postgres` on two cores
 * shared with PostgreSQL, six paired runs: 4 connections gave 2,290 sign-ups/s
 * with a p99 of 39 ms, 10 gave 2,070/s and 47 ms). Raise it with
 * `--pool-size` when the database has more cores than this machine.
 */
export const defaultPoolSize = (): number => Math.max(4, 2 * availableParallelism());

export async function openDatabase(options: OpenDatabaseOptions = {}): Promise<Database> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? defaultPoolSize() });
    // An idle client losing its server must not crash the process.
    pool.on('error', () => {});
    let closed = false;
    return {
      kind: 'postgres',
      sql: pgSql(pool),
      async close() {
        if (closed) return;
        closed = true;
        await pool.end();
      },
    };
  }

  const release = options.dataDir ? lockDataDir(options.dataDir) : () => {};
  try {
    const pglite = new PGlite({
      dataDir: options.dataDir ? join(options.dataDir, 'pgdata') : 'memory://',
      ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
      startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${sharedBuffersOf(options.sharedBuffers)}`],
    });
    await pglite.waitReady;
    const sql = pgliteSql(pglite);
    let closed = false;
    return {
      kind: 'pglite',
      sql,
      pglite,
      async close() {
        if (closed) return;
        closed = true;
        try {
          // Let queued statements finish: closing under them would lose them.
          await sql.query('SELECT 1').catch(() => {});
          await pglite.close();
        } finally {
          release();
        }
      },
    };
  } catch (e) {
    release();
    throw e;
  }
}
