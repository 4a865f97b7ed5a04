// SPDX-License-Identifier: EUPL-1.2
/**
 * The little the store needs from a SQL database: parameterised queries,
 * scripts, and transactions. One dialect (PostgreSQL's), two engines: a
 * `pg.Pool` on a PostgreSQL server, or PGlite in this process.
 *
 * Why not PGlite through its node-postgres adapter (`createPgConfig`)? With
 * pg 8.23 and PGlite 0.5, a parameterised query that fails (a constraint, a
 * trigger, a division by zero) ends the adapter's connection, and the queries
 * after it receive the failed one's messages ("Received unexpected
 * rowDescription"). A server must survive a failed statement, so PGlite is
 * driven through its own `query`/`transaction`, behind one queue.
 */
import type { PGlite, Transaction } from '@electric-sql/pglite';
import type pg from 'pg';

export interface SqlResult<R> {
  readonly rows: R[];
  /** Rows inserted, updated or deleted. */
  readonly rowCount: number;
}

export interface SqlSession {
  query<R = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<SqlResult<R>>;
  /** Runs a script of several statements, without parameters. */
  exec(script: string): Promise<void>;
}

export interface Sql extends SqlSession {
  /**
   * Runs `fn` in a transaction: committed when it returns, rolled back when it
   * throws. Throw a {@linkcode Rollback} to roll back and return its value.
   * Inside, use `tx` only (with PGlite, `sql.query` would wait for the end of
   * the very transaction it is in).
   */
  transaction<T>(fn: (tx: SqlSession) => Promise<T>): Promise<T>;
}

/** The parameters of a statement built in pieces (filters, a page's keyset). */
export interface SqlParams {
  /** The values, in placeholder order: the statement's `params`. */
  readonly values: unknown[];
  /** Adds `value` and returns its placeholder (`$3`). */
  bind(value: unknown): string;
}

/** Parameters for a statement built in pieces, after `initial` (`$1`…`$n` already written). */
export function sqlParams(initial: readonly unknown[] = []): SqlParams {
  const values = [...initial];
  return {
    values,
    bind(value) {
      values.push(value);
      return `$${values.length}`;
    },
  };
}

/** Thrown inside a transaction: roll back, and let `transaction` return `value`. */
export class Rollback<T> {
  constructor(readonly value: T) {}
}

/** PostgreSQL through a `pg.Pool`. */
export function pgSql(pool: pg.Pool): Sql {
  const session = (q: pg.Pool | pg.PoolClient): SqlSession => ({
    async query<R>(text: string, params: readonly unknown[] = []) {
      const r = await q.query(text, params as unknown[]);
      return { rows: r.rows as R[], rowCount: r.rowCount ?? 0 };
    },
    async exec(script: string) {
      await q.query(script);
    },
  });
  return {
    ...session(pool),
    async transaction<T>(fn: (tx: SqlSession) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      let broken = false;
      try {
        await client.query('BEGIN');
        const value = await fn(session(client));
        await client.query('COMMIT');
        return value;
      } catch (e) {
        try {
          await client.query('ROLLBACK');
        } catch {
          broken = true;
        }
        if (e instanceof Rollback) return e.value as T;
        throw e;
      } finally {
        // A client that could not even roll back is not given to anyone else.
        client.release(broken);
      }
    },
  };
}

/**
 * PGlite: one session, so every query and transaction waits its turn in one
 * queue (like a pool of one connection); PGlite's own `transaction` runs them.
 */
export function pgliteSql(db: PGlite): Sql {
  let tail: Promise<unknown> = Promise.resolve();
  const queued = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = tail.then(fn, fn);
    tail = run.catch(() => undefined);
    return run;
  };
  const session = (q: PGlite | Transaction): SqlSession => ({
    async query<R>(text: string, params: readonly unknown[] = []) {
      const r = await q.query<R>(text, params as unknown[]);
      return { rows: r.rows, rowCount: r.affectedRows ?? 0 };
    },
    async exec(script: string) {
      await q.exec(script);
    },
  });
  const direct = session(db);
  return {
    query: (text, params) => queued(() => direct.query(text, params)),
    exec: (script) => queued(() => direct.exec(script)),
    transaction<T>(fn: (tx: SqlSession) => Promise<T>): Promise<T> {
      return queued(async () => {
        try {
          return await db.transaction((tx) => fn(session(tx)));
        } catch (e) {
          if (e instanceof Rollback) return e.value as T;
          throw e;
        }
      });
    },
  };
}
