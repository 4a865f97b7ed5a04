// SPDX-License-Identifier: EUPL-1.2
/**
 * The `Store` port of `@gusp/core` over PostgreSQL SQL. The same statements
 * run on PGlite and on a PostgreSQL server.
 *
 * An append is one transaction:
 * 1. claim the client id in `client_commands` (`ON CONFLICT DO NOTHING`): a
 *    second append with the same id, even a simultaneous one, finds it taken
 *    (it waits for the first to commit) and gets back what the first appended;
 * 2. check the stream's version (`conflict` when it moved);
 * 3. in one statement, lock the `event_position` row to take positions and
 *    insert the events: appends commit one after the other from there, so
 *    positions are gapless and in commit order.
 * Two servers appending to one stream at once both pass step 2; the second
 * then meets `UNIQUE (stream, version)` and its append is a `conflict`.
 */
import type { AppendOptions, AppendResult, DomainEvent, Store, StoredEvent, StreamSlice } from '@gusp/core';
import { Rollback, type Sql, type SqlSession } from '../sql.js';

interface EventRow {
  position: string | number;
  stream: string;
  version: number;
  type: string;
  at: string;
  data: unknown;
  client_id: string | null;
}

const COLUMNS = 'position, stream, version, type, at, data, client_id';
const UNIQUE_VIOLATION = '23505';

const toEvent = (row: EventRow): StoredEvent =>
  ({
    type: row.type,
    at: row.at,
    data: row.data,
    stream: row.stream,
    version: Number(row.version),
    position: Number(row.position),
    ...(row.client_id === null ? {} : { clientId: row.client_id }),
  }) as StoredEvent;

const eventsOfClient = async (q: SqlSession, clientId: string) =>
  (await q.query<EventRow>(`SELECT ${COLUMNS} FROM events WHERE client_id = $1 ORDER BY position`, [clientId])).rows.map(toEvent);

const versionOf = async (q: SqlSession, stream: string) =>
  Number((await q.query<{ version: number }>('SELECT coalesce(max(version), 0)::integer AS version FROM events WHERE stream = $1', [stream])).rows[0]?.version ?? 0);

export function sqlStore(sql: Sql): Store {
  return {
    async read(stream: string, afterVersion = 0): Promise<StreamSlice> {
      const { rows } = await sql.query<EventRow>(`SELECT ${COLUMNS} FROM events WHERE stream = $1 AND version > $2 ORDER BY version`, [stream, afterVersion]);
      const events = rows.map(toEvent);
      const last = events.at(-1);
      return { version: last ? last.version : await versionOf(sql, stream), events };
    },

    async append(stream: string, expectedVersion: number, events: readonly DomainEvent[], options: AppendOptions = {}): Promise<AppendResult> {
      const { clientId } = options;
      const count = events.length;
      try {
        return await sql.transaction<AppendResult>(async (tx) => {
          if (clientId !== undefined) {
            const claimed = await tx.query('INSERT INTO client_commands (client_id, stream) VALUES ($1, $2) ON CONFLICT (client_id) DO NOTHING', [clientId, stream]);
            if (claimed.rowCount === 0) throw new Rollback<AppendResult>({ ok: false, reason: 'duplicate', events: await eventsOfClient(tx, clientId) });
          }
          const version = await versionOf(tx, stream);
          if (version !== expectedVersion) throw new Rollback<AppendResult>({ ok: false, reason: 'conflict', version });
          // Nothing to keep: like the memory store, an empty append records no client id.
          if (count === 0) throw new Rollback<AppendResult>({ ok: true, version, events: [] });
          // Positions are taken and the events inserted in one statement, so the
          // position lock is held for this statement and the commit only.
          const values: unknown[] = [count];
          const tuples = events.map((event, i) => {
            const b = values.length;
            values.push(i + 1, stream, expectedVersion + i + 1, event.type, event.at, JSON.stringify(event.data), clientId ?? null);
            return `($${b + 1}::integer, $${b + 2}::text, $${b + 3}::integer, $${b + 4}::text, $${b + 5}::text, $${b + 6}::text, $${b + 7}::text)`;
          });
          const inserted = await tx.query<EventRow>(
            `WITH p AS (UPDATE event_position SET last = last + $1 RETURNING last)
             INSERT INTO events (${COLUMNS})
             SELECT p.last - $1 + v.k, v.stream, v.version, v.type, v.at, v.data::json, v.client_id
             FROM p, (VALUES ${tuples.join(', ')}) AS v (k, stream, version, type, at, data, client_id)
             RETURNING ${COLUMNS}`,
            values,
          );
          const stored = inserted.rows.map(toEvent).sort((a, b) => a.version - b.version);
          return { ok: true, version: expectedVersion + count, events: stored };
        });
      } catch (e) {
        // Another process appended to this stream since step 2: say what won.
        if ((e as { code?: string }).code !== UNIQUE_VIOLATION) throw e;
        if (clientId !== undefined) {
          const previous = await eventsOfClient(sql, clientId);
          if (previous.length > 0) return { ok: false, reason: 'duplicate', events: previous };
        }
        return { ok: false, reason: 'conflict', version: await versionOf(sql, stream) };
      }
    },

    async findByClientId(clientId: string) {
      const events = await eventsOfClient(sql, clientId);
      return events.length > 0 ? events : undefined;
    },

    async readAll(options = {}) {
      const { prefix, afterPosition = 0 } = options;
      const { rows } =
        prefix === undefined
          ? await sql.query<EventRow>(`SELECT ${COLUMNS} FROM events WHERE position > $1 ORDER BY position`, [afterPosition])
          : await sql.query<EventRow>(`SELECT ${COLUMNS} FROM events WHERE position > $1 AND starts_with(stream, $2) ORDER BY position`, [afterPosition, prefix]);
      return rows.map(toEvent);
    },
  };
}
