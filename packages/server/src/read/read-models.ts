// SPDX-License-Identifier: EUPL-1.2
/**
 * The follower that keeps the read models (see projection.ts) from the journal.
 *
 * Why a follower and not a projection written in the append's transaction: an
 * append is one SQL statement today (the sign-up throughput and the
 * exact-capacity guarantee rest on it), and projecting there would put every
 * read model's writes, and their failures, on the path of every sign-up. The
 * follower reads the journal after its mark, up to the committed position
 * (`committedPosition`: no event that commits later is ever stepped over),
 * and writes the changed streams' latest states and the new mark in one
 * transaction, under a row lock on the mark (two servers on one PostgreSQL
 * never apply the same events at once). A crash between an append and its
 * projection leaves the read models consistent and behind; the next catch-up
 * (at start, or at the next read) applies what is missing.
 *
 * Reads are never stale for the process that wrote: every read first awaits
 * {@linkcode ReadModels.caughtUp}, which costs one query (`SELECT last FROM
 * event_position`) when nothing was appended. After each append the store
 * nudges a catch-up shortly after (`nudge`), so reads usually find nothing
 * to do; the append itself never waits for it.
 */
import type { CityProfile, StoredEvent } from '@gusp/core';
import type { Sql, SqlSession } from '../sql.js';
import { committedPosition, journalByStream, streamEventsAfter } from '../store/sql-store.js';
import { READ_MODELS_VERSION, type Projection } from './projection.js';
import { PROJECTIONS } from './projections.js';

/** Positions a catch-up applies per transaction: a long way behind (a restart after a bulk import) is caught up in steps. */
const CATCH_UP_BATCH = 5_000;
/**
 * Streams whose histories the follower keeps between catch-ups (forgotten form, no personal data),
 * so that a catch-up reads only the new events of a stream it saw lately: a walk taking sign-ups is
 * re-read once, not at every catch-up. The least recently changed go first.
 */
const KEPT_HISTORIES = 2_000;
/** At most this share of the time goes to catch-ups nudged by appends (the next waits that many times the last one's length). */
const NUDGE_BACKOFF = 5;
/** Streams a rebuild writes per transaction. */
const REBUILD_STREAMS = 2_000;
/**
 * How long after an append the follower catches up: appends in a burst share one catch-up, so a
 * storm of sign-ups on one walk re-reads that walk a few times a second rather than after each
 * (a read never waits for this: it catches up itself, see `caughtUp`).
 */
const NUDGE_MS = 200;

export interface RebuildReport {
  readonly events: number;
  readonly streams: number;
  readonly ms: number;
}

export interface ReadModels {
  /** Where reads query the read models' tables. */
  readonly sql: Sql;
  /** Resolves once every event committed before the call is in the read models. */
  caughtUp(): Promise<void>;
  /** Asks for a catch-up soon (after an append), without waiting for it. */
  nudge(): void;
  /** Empties every read model and writes it again from the whole journal. */
  rebuild(): Promise<RebuildReport>;
  /** Waits for a running catch-up and stops nudging. */
  close(): Promise<void>;
}

export interface ReadModelsOptions {
  readonly city: CityProfile;
  readonly projections?: readonly Projection[];
  /** `false`: opened as they are, neither rebuilt nor caught up (for a command that rebuilds them itself). */
  readonly prepare?: boolean;
  /** Called with each catch-up or rebuild that applied something (logs). */
  readonly log?: (record: Record<string, unknown>) => void;
}

/** The streams of `histories` each projection follows. */
async function applyAll(
  tx: SqlSession,
  projections: readonly Projection[],
  histories: ReadonlyMap<string, readonly StoredEvent[]>,
  city: CityProfile,
): Promise<void> {
  for (const projection of projections) {
    const mine = new Map<string, readonly StoredEvent[]>();
    for (const [stream, events] of histories) if (stream.startsWith(projection.prefix)) mine.set(stream, events);
    if (mine.size > 0) await projection.apply(tx, mine, { city });
  }
}

/** The read models opened on each database handle: what a function given only `sql` (the privacy jobs, a command) reads through. */
const openedOn = new WeakMap<Sql, ReadModels>();

/**
 * The read models of this database handle, caught up: those a server (or anything) opened on it,
 * else opened now (and kept for the next call). For the code that is given a database rather than
 * a server: the purge, erasure, the orphan photo sweep.
 */
export async function caughtUpReadModels(sql: Sql, city: CityProfile): Promise<ReadModels> {
  const models = openedOn.get(sql) ?? (await openReadModels(sql, { city }));
  await models.caughtUp();
  return models;
}

const lastHandedOut = async (sql: SqlSession) =>
  Number((await sql.query<{ last: string | number }>('SELECT last FROM event_position')).rows[0]?.last ?? 0);

/**
 * Opens the read models of a migrated database: rebuilt from the journal when they were written by
 * another version of the projections (or never), caught up otherwise.
 */
export async function openReadModels(sql: Sql, options: ReadModelsOptions): Promise<ReadModels> {
  const projections = options.projections ?? PROJECTIONS;
  const { city } = options;
  const log = options.log ?? (() => {});
  /** The mark as this process last saw it (another server may be further). */
  let applied = 0;
  let running: Promise<void> | undefined;
  let queued: Promise<void> | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let closed = false;
  /** How long the last catch-up that applied something took: nudges wait {@linkcode NUDGE_BACKOFF} times it. */
  let lastCatchUpMs = 0;
  /**
   * Each recently changed stream's events so far (versions 1…n, all committed): see
   * {@linkcode KEPT_HISTORIES}. Extended in place, never rebuilt: a projection handed the same
   * array again folds only what was added (`continuedFold`).
   */
  const kept = new Map<string, StoredEvent[]>();
  /** Each of `streams`' whole history at or below `to`: what is kept, extended by what came after it. */
  const historiesOf = async (tx: SqlSession, streams: readonly string[], to: number): Promise<Map<string, StoredEvent[]>> => {
    const fresh = await streamEventsAfter(
      tx,
      streams.map((stream) => ({ stream, after: kept.get(stream)?.length ?? 0 })),
      to,
    );
    const histories = new Map<string, StoredEvent[]>();
    for (const stream of streams) {
      const history = kept.get(stream) ?? [];
      for (const event of fresh.get(stream) ?? []) history.push(event);
      histories.set(stream, history);
      kept.delete(stream);
      kept.set(stream, history);
      if (kept.size > KEPT_HISTORIES) kept.delete(kept.keys().next().value as string);
    }
    return histories;
  };

  /** One catch-up: every event committed when it starts. */
  const catchUp = async (): Promise<void> => {
    if ((await lastHandedOut(sql)) <= applied) return;
    const upTo = await committedPosition(sql);
    let events = 0;
    const started = performance.now();
    for (;;) {
      const step = await sql.transaction(async (tx) => {
        const mark = (await tx.query<{ position: string | number }>("SELECT position FROM read_models WHERE name = 'journal' FOR UPDATE"))
          .rows[0];
        const from = Number(mark?.position ?? 0);
        if (from >= upTo) return { at: from, count: 0 };
        const to = Math.min(upTo, from + CATCH_UP_BATCH);
        const changed = await tx.query<{ stream: string; n: string | number }>(
          'SELECT stream, count(*) AS n FROM events WHERE position > $1 AND position <= $2 GROUP BY stream',
          [from, to],
        );
        await applyAll(
          tx,
          projections,
          await historiesOf(
            tx,
            changed.rows.map((r) => r.stream),
            to,
          ),
          city,
        );
        // Never backwards: a rebuild running meanwhile may have set it further.
        await tx.query("UPDATE read_models SET position = greatest(position, $1) WHERE name = 'journal'", [to]);
        return { at: to, count: changed.rows.reduce((n, r) => n + Number(r.n), 0) };
      });
      applied = Math.max(applied, step.at);
      events += step.count;
      if (step.at >= upTo) break;
    }
    if (events > 0) lastCatchUpMs = performance.now() - started;
    if (events > 0 && events >= CATCH_UP_BATCH)
      log({ level: 'info', msg: 'read models caught up', events, ms: Math.round(performance.now() - started) });
  };

  const caughtUp = (): Promise<void> => {
    if (running === undefined) {
      running = catchUp().finally(() => {
        running = undefined;
      });
      return running;
    }
    // One is running, but it may have read the journal before what this caller needs: one more
    // after it, shared by every caller that arrives meanwhile.
    queued ??= running
      .catch(() => undefined)
      .then(() => {
        queued = undefined;
        return caughtUp();
      });
    return queued;
  };

  const rebuild = async (): Promise<RebuildReport> => {
    const started = performance.now();
    // Nothing else applies events meanwhile: the mark is locked for the whole rebuild's first step,
    // and set back to 0 with the tables emptied, so a catch-up elsewhere would start from scratch too.
    const upTo = await committedPosition(sql);
    await sql.transaction(async (tx) => {
      await tx.query("SELECT position FROM read_models WHERE name = 'journal' FOR UPDATE");
      const tables = projections.flatMap((p) => p.tables);
      if (tables.length > 0) await tx.exec(`TRUNCATE ${tables.join(', ')}`);
      await tx.query("UPDATE read_models SET position = 0, version = $1, rebuilt_at = now() WHERE name = 'journal'", [READ_MODELS_VERSION]);
    });
    applied = 0;
    let events = 0;
    let streams = 0;
    let pending = new Map<string, StoredEvent[]>();
    const flush = async () => {
      const batch = pending;
      pending = new Map();
      if (batch.size > 0) await sql.transaction((tx) => applyAll(tx, projections, batch, city));
    };
    for await (const chunk of journalByStream(sql, upTo)) {
      for (const [stream, list] of chunk) {
        pending.set(stream, list);
        events += list.length;
        streams++;
      }
      if (pending.size >= REBUILD_STREAMS) await flush();
    }
    await flush();
    await sql.query("UPDATE read_models SET position = $1 WHERE name = 'journal'", [upTo]);
    // The planner's statistics of tables just filled: PGlite never gathers them itself (no
    // autovacuum), and PostgreSQL only after a while; without them, it guesses row counts.
    const tables = projections.flatMap((p) => p.tables);
    if (tables.length > 0) await sql.exec(`ANALYZE ${tables.join(', ')}`);
    applied = upTo;
    const report = { events, streams, ms: Math.round(performance.now() - started) };
    log({ level: 'info', msg: 'read models rebuilt', ...report });
    // What was appended during the rebuild.
    await caughtUp();
    return report;
  };

  const mark = (await sql.query<{ version: number }>("SELECT version FROM read_models WHERE name = 'journal'")).rows[0];
  if (options.prepare !== false) {
    if (mark?.version !== READ_MODELS_VERSION) await rebuild();
    else await caughtUp();
  }

  const models: ReadModels = {
    sql,
    caughtUp,
    nudge() {
      if (closed || timer !== undefined) return;
      timer = setTimeout(
        () => {
          timer = undefined;
          caughtUp().catch((error: unknown) => log({ level: 'error', msg: 'read models catch-up failed', error: String(error) }));
        },
        Math.max(NUDGE_MS, NUDGE_BACKOFF * lastCatchUpMs),
      );
      timer.unref?.();
    },
    rebuild,
    async close() {
      closed = true;
      clearTimeout(timer);
      timer = undefined;
      await Promise.allSettled([running, queued]);
    },
  };
  openedOn.set(sql, models);
  return models;
}
