// SPDX-License-Identifier: EUPL-1.2
/**
 * Answers computed from the read models, kept until the read models change:
 * for the aggregates whose size does not shrink with a page (the statistics
 * of 100,000 observations name 5,700 stops: 1 MB of JSON, 130 kB compressed,
 * which costs 100–200 ms to read and shape). Each entry is keyed by what was
 * asked and stamped with the follower's mark (`read_models.position`, written
 * in the same transaction as the tables): a request whose mark differs
 * computes again. One query (the mark) per request when nothing changed.
 *
 * The mark is read before the answer is computed: a catch-up committed in
 * between gives an answer newer than its stamp, which the next request,
 * seeing the newer mark, computes again; never an answer older than its stamp.
 */
import type { SqlSession } from '../sql.js';

/** Entries kept per database handle and memo (the least recently used go first). */
const ENTRIES = 16;

/** The follower's mark: every event up to it is in the read models. */
export async function readModelsMark(sql: SqlSession): Promise<number> {
  const { rows } = await sql.query<{ position: string | number }>("SELECT position FROM read_models WHERE name = 'journal'");
  return Number(rows[0]?.position ?? 0);
}

/**
 * A memo of `compute`: `get(sql, key, compute)` gives the value kept for `key` on this database
 * handle while the read models' mark is the one it was computed at, and computes it otherwise.
 */
export function markMemo<T>() {
  const byHandle = new WeakMap<SqlSession, Map<string, { readonly mark: number; readonly value: Promise<T> }>>();
  return async (sql: SqlSession, key: string, compute: () => Promise<T>): Promise<T> => {
    const mark = await readModelsMark(sql);
    let entries = byHandle.get(sql);
    if (!entries) byHandle.set(sql, (entries = new Map()));
    const kept = entries.get(key);
    entries.delete(key);
    if (kept && kept.mark === mark) {
      entries.set(key, kept);
      return kept.value;
    }
    // The promise is kept, so that requests arriving together compute once; a failure is not kept.
    const value = compute();
    const entry = { mark, value };
    entries.set(key, entry);
    if (entries.size > ENTRIES) entries.delete(entries.keys().next().value as string);
    value.catch(() => {
      if (entries.get(key) === entry) entries.delete(key);
    });
    return value;
  };
}
