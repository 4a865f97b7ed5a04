// SPDX-License-Identifier: EUPL-1.2
/**
 * The `Store` port of `@gusp/core` over PostgreSQL SQL. The same statements
 * run on PGlite and on a PostgreSQL server.
 *
 * An append is one statement (one round trip, its own transaction), a call
 * of `gusp_append` (migration 023, whose plans each connection keeps):
 * 1. take the transaction's id (`pg_current_xact_id()`), then insert the
 *    events with positions from `events_position_seq`; the expected version
 *    is checked by `UNIQUE (stream, version)` and versions being contiguous
 *    (`conflict` when the stream moved);
 * 2. with a client id, claim it in `client_commands` in the same call,
 *    with the digest of the command's input: a second append with the same
 *    id, even a simultaneous one, finds it taken (it waits for the first to
 *    commit), the whole statement is undone, and it gets back what the first
 *    appended and that digest (the runtime refuses another input).
 * Appends to different streams do not wait for each other: there is no
 * global lock. Positions grow, but commit out of order under concurrency and
 * a rolled-back append leaves a gap; a reader following the journal by
 * position reads up to {@linkcode committedPosition} only, so it never steps
 * over an append that commits later.
 * Two servers appending to one stream at once both pass step 2; the second
 * then meets `UNIQUE (stream, version)` and its append is a `conflict`.
 *
 * Personal data is sealed before it is sent (see personal-keys.ts): an event
 * that brings a record (a registration, an observation with a contact) gets
 * a new key, inserted in the same statement, so the key exists exactly when
 * the event does. Reads join each event to its key (one statement still) and
 * unseal; an event whose key is gone reads in its forgotten form.
 */
import {
  splitPersonal,
  type AppendOptions,
  type AppendResult,
  type DomainEvent,
  type Store,
  type StoredEvent,
  type StreamSlice,
} from '@gusp/core';
import { Rollback, type Sql, type SqlSession } from '../sql.js';
import { erasurePepper, keysNeeded, loadKeys, openEventData, sealEventData, type NewKey } from './personal-keys.js';

interface EventRow {
  position: string | number;
  stream: string;
  version: number;
  type: string;
  at: string;
  data: unknown;
  client_id: string | null;
  key_id: string | null;
  key: Uint8Array | null;
}

/** The events (alias `e`) with the key of their sealed fields, if it still exists. */
// A subquery, not a join: it looks each key up by its primary key, where a join planned on stale
// statistics (the table grows with every sign-up) may scan the whole key table for every read.
export const EVENTS_WITH_KEYS =
  'SELECT e.position, e.stream, e.version, e.type, e.at, e.data, e.client_id, e.key_id, (SELECT k.key FROM personal_keys k WHERE k.id = e.key_id) AS key FROM events e';
const UNIQUE_VIOLATION = '23505';

const toEvent = (row: EventRow): StoredEvent =>
  ({
    type: row.type,
    at: row.at,
    data: openEventData(row.type, row.data, row.key_id, row.key),
    stream: row.stream,
    version: Number(row.version),
    position: Number(row.position),
    ...(row.client_id === null ? {} : { clientId: row.client_id }),
  }) as StoredEvent;

const eventsOfClient = async (q: SqlSession, clientId: string) =>
  (await q.query<EventRow>(`${EVENTS_WITH_KEYS} WHERE e.client_id = $1 ORDER BY e.position`, [clientId])).rows.map(toEvent);

const digestOf = async (q: SqlSession, clientId: string): Promise<string | undefined> =>
  (await q.query<{ input_digest: string | null }>('SELECT input_digest FROM client_commands WHERE client_id = $1', [clientId])).rows[0]
    ?.input_digest ?? undefined;

/** A `duplicate` answer: what the client id appended, and the digest of its input when one was kept. */
const duplicateOf = async (q: SqlSession, clientId: string, events: readonly StoredEvent[]): Promise<AppendResult> => {
  const inputDigest = await digestOf(q, clientId);
  return { ok: false, reason: 'duplicate', events, ...(inputDigest === undefined ? {} : { inputDigest }) };
};

const versionOf = async (q: SqlSession, stream: string) =>
  Number(
    (await q.query<{ version: number }>('SELECT coalesce(max(version), 0)::integer AS version FROM events WHERE stream = $1', [stream]))
      .rows[0]?.version ?? 0,
  );

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Thrown when {@linkcode committedPosition} waited too long for transactions to end. */
export class HighWaterTimeout extends Error {
  constructor(readonly waitedMs: number) {
    super(`Transactions holding journal positions did not end within ${waitedMs} ms`);
  }
}

/**
 * The journal's safe high-water mark: a position P such that every event at
 * or below P is committed and visible now, or will never exist (rolled back).
 * A follower reading `position > cursor AND position <= P` never skips an
 * event that commits later.
 *
 * How: read the last position handed out (S), then take a snapshot; every
 * transaction holding a position ≤ S took its transaction id before its
 * position (see `append`), so it has ended or is running in that snapshot.
 * Wait until the oldest running transaction is younger than the snapshot's
 * `xmax` (all of those have ended): positions ≤ S are then final. Appends
 * last milliseconds, so the wait is short; past `timeoutMs` it throws
 * {@linkcode HighWaterTimeout} (a follower retries later). On PGlite (one
 * session) nothing is ever in flight and it returns at once.
 */
export async function committedPosition(sql: Sql | SqlSession, timeoutMs = 10_000): Promise<number> {
  const handedOut = Number((await sql.query<{ last: string | number }>('SELECT last FROM event_position')).rows[0]?.last ?? 0);
  const xmax = (await sql.query<{ xmax: string }>('SELECT pg_snapshot_xmax(pg_current_snapshot())::text AS xmax')).rows[0]?.xmax ?? '0';
  const started = Date.now();
  for (let round = 0; ; round++) {
    const { rows } = await sql.query<{ done: boolean }>('SELECT pg_snapshot_xmin(pg_current_snapshot()) >= $1::xid8 AS done', [xmax]);
    if (rows[0]?.done) return handedOut;
    const waited = Date.now() - started;
    if (waited >= timeoutMs) throw new HighWaterTimeout(waited);
    await sleep(Math.min(2 ** round, 50));
  }
}

export function sqlStore(sql: Sql): Store {
  return {
    async read(stream: string, afterVersion = 0): Promise<StreamSlice> {
      const { rows } = await sql.query<EventRow>(`${EVENTS_WITH_KEYS} WHERE e.stream = $1 AND e.version > $2 ORDER BY e.version`, [
        stream,
        afterVersion,
      ]);
      const events = rows.map(toEvent);
      const last = events.at(-1);
      return { version: last ? last.version : await versionOf(sql, stream), events };
    },

    async append(
      stream: string,
      expectedVersion: number,
      events: readonly DomainEvent[],
      options: AppendOptions = {},
    ): Promise<AppendResult> {
      const { clientId } = options;
      const digest = options.inputDigest ?? null;
      const count = events.length;
      try {
        // Nothing to keep: like the memory store, an empty append records no client id (rare: a transaction).
        if (count === 0) {
          return await sql.transaction<AppendResult>(async (tx) => {
            if (clientId !== undefined) {
              const claimed = await tx.query(
                'INSERT INTO client_commands (client_id, stream, input_digest) VALUES ($1, $2, $3) ON CONFLICT (client_id) DO NOTHING',
                [clientId, stream, digest],
              );
              if (claimed.rowCount === 0)
                throw new Rollback<AppendResult>(await duplicateOf(tx, clientId, await eventsOfClient(tx, clientId)));
            }
            const version = await versionOf(tx, stream);
            throw new Rollback<AppendResult>(
              version === expectedVersion ? { ok: true, version, events: [] } : { ok: false, reason: 'conflict', version },
            );
          });
        }
        // One statement, so one round trip and its own (implicit) transaction: all of it or none.
        // gusp_append (migration 023) takes the transaction id, checks the expected version,
        // inserts the events, claims the client id and inserts the new keys; its plans are kept
        // by each connection, where this statement, made anew for each append, was planned every
        // time. A stream that moved or a client id already taken violates a unique key (23505,
        // caught below); a stream behind `expectedVersion` appends nothing (no row returned).
        // Personal fields sealed here, before anything is sent: the database never sees them in the clear.
        const pepper = await erasurePepper(sql);
        // Each event split once: the keys it needs, then its sealing.
        const splits = events.map((event) => splitPersonal(event.type, event.data));
        const needed = keysNeeded(splits);
        const existing = needed.length === 0 ? new Map<string, Uint8Array>() : await loadKeys(sql, needed);
        const made: NewKey[] = [];
        const sealed = events.map((event, i) => sealEventData(event.type, event.data, pepper, existing, made, splits[i]));
        const inserted = await sql.query<{ appended_position: string | number; appended_version: number }>(
          'SELECT appended_position, appended_version FROM gusp_append($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)',
          [
            stream,
            expectedVersion,
            clientId ?? null,
            clientId === undefined ? null : digest,
            events.map((e) => e.type),
            events.map((e) => e.at),
            sealed.map((d) => d.json),
            sealed.map((d) => d.keyId),
            made.map((k) => k.id),
            made.map((k) => k.hex),
            made.map((k) => k.subject),
          ],
        );
        if (inserted.rows.length !== count) return { ok: false, reason: 'conflict', version: await versionOf(sql, stream) };
        // What was stored, without reading it back: the data as a read gives it (a JSON round trip, as json is verbatim).
        const positions = new Map(inserted.rows.map((row) => [Number(row.appended_version), Number(row.appended_position)]));
        const stored = events.map(
          (event, i) =>
            ({
              type: event.type,
              at: event.at,
              // Unsealed: either nothing personal, or its record was forgotten and it was written forgotten.
              data: JSON.parse(sealed[i]?.keyId === null ? sealed[i].json : JSON.stringify(event.data)) as unknown,
              stream,
              version: expectedVersion + i + 1,
              position: positions.get(expectedVersion + i + 1) as number,
              ...(clientId === undefined ? {} : { clientId }),
            }) as StoredEvent,
        );
        return { ok: true, version: expectedVersion + count, events: stored };
      } catch (e) {
        // The stream moved since it was read (another process, or a stale state), or the client
        // id is taken: say what won.
        if ((e as { code?: string }).code !== UNIQUE_VIOLATION) throw e;
        if (clientId !== undefined) {
          const previous = await eventsOfClient(sql, clientId);
          if (previous.length > 0) return duplicateOf(sql, clientId, previous);
        }
        return { ok: false, reason: 'conflict', version: await versionOf(sql, stream) };
      }
    },

    async findByClientId(clientId: string) {
      const events = await eventsOfClient(sql, clientId);
      return events.length > 0 ? events : undefined;
    },

    inputDigestOf: (clientId: string) => digestOf(sql, clientId),

    async readAll(options = {}) {
      const { prefix, afterPosition } = options;
      // A follower (after a position) reads up to the high-water mark only; a full read sees every committed event.
      const upTo = afterPosition === undefined ? Number.MAX_SAFE_INTEGER : await committedPosition(sql);
      const after = afterPosition ?? 0;
      const { rows } =
        prefix === undefined
          ? await sql.query<EventRow>(`${EVENTS_WITH_KEYS} WHERE e.position > $1 AND e.position <= $2 ORDER BY e.position`, [after, upTo])
          : await sql.query<EventRow>(
              `${EVENTS_WITH_KEYS} WHERE e.position > $1 AND e.position <= $2 AND starts_with(e.stream, $3) ORDER BY e.position`,
              [after, upTo, prefix],
            );
      return rows.map(toEvent);
    },
  };
}

/**
 * The events (alias `e`) without their keys: every personal field reads in its forgotten form,
 * nothing is unsealed. What the read models' follower reads: they hold no personal data, so it
 * never needs any (and skips the key lookup and the decryption of every sign-up it re-reads).
 */
const EVENTS_FORGOTTEN =
  'SELECT e.position, e.stream, e.version, e.type, e.at, e.data, e.client_id, e.key_id, NULL::bytea AS key FROM events e';

/**
 * The whole history of each of `streams` (events at or below `upTo`, in version order, every
 * personal field in its forgotten form): what a read model's follower folds.
 */
export async function streamHistories(q: SqlSession, streams: readonly string[], upTo: number): Promise<Map<string, StoredEvent[]>> {
  const histories = new Map<string, StoredEvent[]>(streams.map((s) => [s, []]));
  if (streams.length === 0) return histories;
  const { rows } = await q.query<EventRow>(
    `${EVENTS_FORGOTTEN} WHERE e.stream = ANY($1::text[]) AND e.position <= $2 ORDER BY e.stream, e.version`,
    [streams, upTo],
  );
  for (const row of rows) histories.get(row.stream)?.push(toEvent(row));
  return histories;
}

/**
 * The events of each stream after a version (`after`: how many of its events the caller already
 * holds), at or below `upTo`, in version order, personal fields in their forgotten form: what a
 * follower that keeps the histories it read needs of each changed stream.
 */
export async function streamEventsAfter(
  q: SqlSession,
  streams: readonly { readonly stream: string; readonly after: number }[],
  upTo: number,
): Promise<Map<string, StoredEvent[]>> {
  const events = new Map<string, StoredEvent[]>(streams.map((s) => [s.stream, []]));
  if (streams.length === 0) return events;
  const { rows } = await q.query<EventRow>(
    `${EVENTS_FORGOTTEN} JOIN unnest($1::text[], $2::integer[]) AS s (stream, after) ON e.stream = s.stream AND e.version > s.after
     WHERE e.position <= $3 ORDER BY e.stream, e.version`,
    [streams.map((s) => s.stream), streams.map((s) => s.after), upTo],
  );
  for (const row of rows) events.get(row.stream)?.push(toEvent(row));
  return events;
}

/**
 * The journal stream by stream (events at or below `upTo`, in `(stream, version)` order, personal
 * fields in their forgotten form),
 * `batch` events per round trip, each stream whole in one yield: how a rebuild reads a million
 * events without holding them all. Keyset paging on the `(stream, version)` unique index.
 */
export async function* journalByStream(q: SqlSession, upTo: number, batch = 5_000): AsyncGenerator<Map<string, StoredEvent[]>> {
  let after: { stream: string; version: number } | undefined;
  let pending = new Map<string, StoredEvent[]>();
  for (;;) {
    const { rows } = await q.query<EventRow>(
      after === undefined
        ? `${EVENTS_FORGOTTEN} WHERE e.position <= $1 ORDER BY e.stream, e.version LIMIT $2`
        : `${EVENTS_FORGOTTEN} WHERE e.position <= $1 AND (e.stream, e.version) > ($3::text, $4::integer) ORDER BY e.stream, e.version LIMIT $2`,
      after === undefined ? [upTo, batch] : [upTo, batch, after.stream, after.version],
    );
    if (rows.length === 0) break;
    for (const row of rows) {
      const list = pending.get(row.stream);
      if (list) list.push(toEvent(row));
      else pending.set(row.stream, [toEvent(row)]);
    }
    const last = rows[rows.length - 1] as EventRow;
    after = { stream: last.stream, version: Number(last.version) };
    if (rows.length < batch) break;
    // The last stream may go on in the next round trip: keep it for then, hand out the others whole.
    const unfinished = pending.get(last.stream) as StoredEvent[];
    pending.delete(last.stream);
    if (pending.size > 0) yield pending;
    pending = new Map([[last.stream, unfinished]]);
  }
  if (pending.size > 0) yield pending;
}

/** Whether the journal holds no event yet (a seed writes only into an empty one). */
export async function journalIsEmpty(sql: Sql): Promise<boolean> {
  return (await sql.query('SELECT 1 FROM events LIMIT 1')).rows.length === 0;
}
