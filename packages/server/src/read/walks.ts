// SPDX-License-Identifier: EUPL-1.2
/**
 * The read model of walks (`read_walks`, migration 018): one row per walk
 * stream, its latest state folded by the core (`foldWalk`) and stored as
 * `{ walk, counts }`: the walk's public fields and the counts of its
 * registrations (`walkCounts`), never a registration. A summary is made at
 * read time with `walkSummaryFromCounts`, since what people see depends on the
 * time (an open walk past its deadline shows as closed).
 *
 * The queries below are every read of walks that used to fold the whole kind
 * (`gusp.walks.list()`): the paged list, the calendar feeds, the yearly
 * coverage, the demo page's lists and the notifier's reminders.
 */
import {
  calendarDay,
  evolveWalk,
  walkCounts,
  walkSummaryFromCounts,
  yearOf,
  type Walk,
  type WalkCounts,
  type WalkEvent,
  type WalkStatus,
  type WalkSummary,
} from '@gusp/core';
import type { Keyset, PageRequest, CursorKey } from '../http/page.js';
import { keysetSql } from '../http/page.js';
import { sqlParams, type SqlParams, type SqlSession } from '../sql.js';
import { continuedFold, type Projection } from './projection.js';

const PREFIX = 'walk-';

/** The core's `foldWalk`, going on from the last catch-up's state of a kept history (see `continuedFold`). */
const foldKeptWalk = continuedFold(evolveWalk);

/** What a row's `doc` holds. */
export interface WalkDoc {
  readonly walk: Walk;
  readonly counts: WalkCounts;
}

export const walkProjection: Projection = {
  name: 'walks',
  prefix: PREFIX,
  tables: ['read_walks'],
  async apply(tx, streams, { city }) {
    const rows: Record<string, unknown>[] = [];
    const gone: string[] = [];
    for (const [stream, events] of streams) {
      const agg = foldKeptWalk(events as unknown as readonly WalkEvent[]);
      if (agg === undefined) {
        gone.push(stream.slice(PREFIX.length));
        continue;
      }
      const { walk } = agg;
      const doc: WalkDoc = { walk, counts: walkCounts(agg) };
      rows.push({
        id: walk.id,
        quartier_id: walk.quartierId,
        status: walk.status,
        starts_at: Date.parse(walk.startsAt),
        registration_deadline: Date.parse(walk.registrationDeadline),
        year: yearOf(walk.startsAt, city.timezone),
        day: calendarDay(walk.startsAt, city.timezone),
        updated_at: Date.parse(walk.updatedAt),
        doc,
      });
    }
    if (gone.length > 0)
      await tx.query('DELETE FROM read_walks WHERE id IN (SELECT json_array_elements_text($1::json))', [JSON.stringify(gone)]);
    if (rows.length === 0) return;
    // One statement for the whole batch: the rows as one JSON parameter (the same on PGlite and PostgreSQL).
    await tx.query(
      `INSERT INTO read_walks (id, quartier_id, status, starts_at, registration_deadline, year, day, updated_at, doc)
       SELECT id, quartier_id, status, starts_at, registration_deadline, year, day, updated_at, doc
       FROM json_to_recordset($1::json) AS r(id text, quartier_id text, status text, starts_at bigint, registration_deadline bigint,
                                              year integer, day text, updated_at bigint, doc json)
       ON CONFLICT (id) DO UPDATE SET quartier_id = excluded.quartier_id, status = excluded.status, starts_at = excluded.starts_at,
         registration_deadline = excluded.registration_deadline, year = excluded.year, day = excluded.day,
         updated_at = excluded.updated_at, doc = excluded.doc`,
      [JSON.stringify(rows)],
    );
  },
};

/** A row's summary at `now`: what `walkSummary` of its aggregate gives. */
export const summaryOf = (doc: WalkDoc, now: Date): WalkSummary => walkSummaryFromCounts(doc.walk, doc.counts, now);

/** The statuses a public list shows (never `draft`). */
export const PUBLIC_WALK_STATUSES = [
  'open',
  'closed',
  'in-progress',
  'done',
  'reported',
  'cancelled',
] as const satisfies readonly WalkStatus[];

/** The status people see, in SQL over a row at `nowMs` (bound): `effectiveWalkStatus`. */
export const effectiveStatusSql = (params: SqlParams, nowMs: number) =>
  `(CASE WHEN status = 'open' AND registration_deadline <= ${params.bind(nowMs)}::bigint THEN 'closed' ELSE status END)`;

/** Still to come, as `<gusp-walk-list>` shows them: open, closed or cancelled, and not started yet. */
export const upcomingSql = (params: SqlParams, nowMs: number) =>
  `(status IN ('open', 'closed', 'cancelled') AND starts_at > ${params.bind(nowMs)}::bigint)`;

/** The order of every list of walks: start time, then id. */
export const WALK_KEYSET: Keyset = {
  columns: [
    { sql: 'starts_at', type: 'bigint' },
    { sql: 'id', type: 'text' },
  ],
};

/** A walk's key in {@linkcode WALK_KEYSET}. */
export const walkKey = (walk: Walk): CursorKey => [Date.parse(walk.startsAt), walk.id];

/**
 * One page of walks, public ones only unless `drafts` (staff asked for them): the rows after
 * `page.after` in start order that pass `where` (conditions over `read_walks`, their values bound
 * in `params`).
 */
export async function walkRows(
  sql: SqlSession,
  where: readonly string[],
  params: SqlParams,
  page: PageRequest,
  drafts = false,
): Promise<WalkDoc[]> {
  const keyset = keysetSql(WALK_KEYSET, page, params);
  const conditions = [...(drafts ? [] : ["status <> 'draft'"]), ...where, ...(keyset.where === undefined ? [] : [keyset.where])];
  const rows = await sql.query<{ doc: WalkDoc }>(
    `SELECT doc FROM read_walks WHERE ${conditions.join(' AND ')} ORDER BY ${keyset.orderBy} ${keyset.limit}`,
    params.values,
  );
  return rows.rows.map((r) => r.doc);
}

/** Every public walk (not a draft) of the city, or of one quartier, in start order: what the calendar feeds list. */
export async function publicWalks(sql: SqlSession, quartierId?: string): Promise<Walk[]> {
  const params = sqlParams();
  const rows = await sql.query<{ walk: Walk }>(
    `SELECT doc->'walk' AS walk FROM read_walks WHERE status <> 'draft'${quartierId === undefined ? '' : ` AND quartier_id = ${params.bind(quartierId)}`}
     ORDER BY starts_at, id COLLATE "C"`,
    params.values,
  );
  return rows.rows.map((r) => r.walk);
}

/**
 * What a calendar feed's text depends on among the rows, without reading them out: how many public
 * walks it lists, their latest change, and a digest of their public fields (a change within the same
 * millisecond, or under a frozen clock, leaves `updatedAt` as it was). Equal fingerprints, same
 * walks: the feed's text may be reused. The digest is the database's, over text it already holds.
 */
export async function publicWalksFingerprint(sql: SqlSession, quartierId?: string): Promise<{ digest: string; lastUpdate: number }> {
  const params = sqlParams();
  const { rows } = await sql.query<{ n: string | number; last: string | number | null; digest: string }>(
    `SELECT count(*) AS n, max(updated_at) AS last,
            md5(coalesce(string_agg((doc->'walk')::text, ',' ORDER BY id), '')) AS digest
     FROM read_walks WHERE status <> 'draft'${quartierId === undefined ? '' : ` AND quartier_id = ${params.bind(quartierId)}`}`,
    params.values,
  );
  const row = rows[0];
  return { digest: `${row?.n ?? 0}:${row?.digest ?? ''}`, lastUpdate: Number(row?.last ?? 0) };
}

/** The walks of a year in the city's time zone that are not cancelled (drafts included): what `yearlyCoverage` counts. */
export async function walksOfYear(sql: SqlSession, year: number): Promise<Walk[]> {
  const rows = await sql.query<{ walk: Walk }>(
    `SELECT doc->'walk' AS walk FROM read_walks WHERE year = $1 AND status <> 'cancelled' ORDER BY starts_at, id COLLATE "C"`,
    [year],
  );
  return rows.rows.map((r) => r.walk);
}

/**
 * The ids of the walks a reminder may be due for: open or closed, starting after `nowMs` and
 * within `windowMs` of it (what `reminderEmails` looks at), soonest first.
 */
export async function walksDueForReminder(sql: SqlSession, nowMs: number, windowMs: number): Promise<string[]> {
  const rows = await sql.query<{ id: string }>(
    `SELECT id FROM read_walks WHERE status IN ('open', 'closed') AND starts_at > $1::bigint AND starts_at <= $2::bigint
     ORDER BY starts_at, id COLLATE "C"`,
    [nowMs, nowMs + windowMs],
  );
  return rows.rows.map((r) => r.id);
}

/**
 * The demo page's two lists at `now`: the walks still to come (as `GET /api/walks?upcoming=1`,
 * soonest first) and the reported ones (latest first), as summaries.
 */
export async function demoWalkLists(sql: SqlSession, now: Date): Promise<{ upcoming: WalkSummary[]; reported: WalkSummary[] }> {
  const params = sqlParams();
  const upcoming = await sql.query<{ doc: WalkDoc }>(
    `SELECT doc FROM read_walks WHERE ${upcomingSql(params, now.getTime())} ORDER BY starts_at, id COLLATE "C"`,
    params.values,
  );
  const reported = await sql.query<{ doc: WalkDoc }>(
    `SELECT doc FROM read_walks WHERE status = 'reported' ORDER BY starts_at DESC, id COLLATE "C" DESC`,
  );
  return {
    upcoming: upcoming.rows.map((r) => summaryOf(r.doc, now)),
    reported: reported.rows.map((r) => summaryOf(r.doc, now)),
  };
}
