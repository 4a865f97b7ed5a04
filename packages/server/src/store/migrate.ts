// SPDX-License-Identifier: EUPL-1.2
/**
 * Versioned SQL migrations, applied in order at start. Each file of
 * `migrations/` is `NNN_name.sql`; the applied ones are recorded in
 * `gusp_migrations`. Starting two servers at once is safe: an advisory lock
 * lets one migrate while the other waits.
 *
 * A step that SQL cannot do runs in code right after its migration, in the
 * same transaction: after 013, the sealing of personal data written in the
 * clear before it (see seal-plaintext.ts). Once the transaction commits, a
 * database that had any is rewritten (`VACUUM FULL`, which no transaction
 * may hold) so the old rows leave the tables' files.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Sql, SqlSession } from '../sql.js';
import { shredDeletedKeys } from './personal-keys.js';
import { sealPlaintext } from './seal-plaintext.js';

const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));
/** Arbitrary constant: the advisory lock key of migrations. */
const MIGRATION_LOCK = 4_810_311;

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

export function loadMigrations(dir: string = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{3}_[a-z0-9_-]+\.sql$/.test(f))
    .sort()
    .map((file) => ({ version: Number.parseInt(file.slice(0, 3), 10), name: file.slice(4, -4), sql: readFileSync(dir + file, 'utf8') }));
}

/** Code run right after a migration, in its transaction; `true` when it rewrote rows (a VACUUM FULL follows). */
const AFTER: Readonly<Record<number, (tx: SqlSession) => Promise<boolean>>> = {
  13: async (tx) => {
    const sealed = await sealPlaintext(tx);
    return sealed.events + sealed.emails > 0;
  },
};

/** Applies the migrations not applied yet; returns the versions it applied. */
export async function migrate(sql: Sql, migrations: readonly Migration[] = loadMigrations()): Promise<number[]> {
  let rewrote = false;
  const applied = await sql.transaction(async (tx) => {
    const applied: number[] = [];
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.exec(`CREATE TABLE IF NOT EXISTS gusp_migrations (
      version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const done = new Set((await tx.query<{ version: number }>('SELECT version FROM gusp_migrations')).rows.map((r) => r.version));
    for (const m of migrations) {
      if (done.has(m.version)) continue;
      await tx.exec(m.sql);
      if (await AFTER[m.version]?.(tx)) rewrote = true;
      await tx.query('INSERT INTO gusp_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      applied.push(m.version);
    }
    return applied;
  });
  if (rewrote) await shredDeletedKeys(sql, ['events', 'outbox']);
  return applied;
}
