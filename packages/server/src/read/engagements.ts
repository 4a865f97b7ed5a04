// SPDX-License-Identifier: EUPL-1.2
/**
 * The read model of engagements (`read_engagements`, migration 017): one row
 * per engagement stream, its latest state folded with the core's own
 * `foldEngagement` (`doc`: engagements carry no personal data), beside the
 * columns lists filter and sort on and what the dashboard counts: the due day
 * and the days late of a completed one (`completionDelay`, which does not
 * depend on today). Whether one is overdue or due soon does: the dashboard
 * compares `due_on` with today's bounds (`dueWindow`) when it is asked.
 */
import {
  calendarDay,
  completionDelay,
  dueWindow,
  foldEngagement,
  instant,
  SETTLED_ENGAGEMENT_STATUSES,
  type CityProfile,
  type Engagement,
  type EngagementEvent,
  type EngagementStatus,
  type EngagementTally,
} from '@gusp/core';
import { keysetSql, pageOf, type CursorKey, type Keyset, type Page, type PageRequest } from '../http/page.js';
import { sqlParams, type SqlSession } from '../sql.js';
import {
  countDeltas,
  EXPORT_BATCH,
  FIRST_BATCH,
  latestInstant,
  parsedDoc,
  whereOf,
  type Conditions,
  type CountsTable,
  type ListOrder,
} from './observations.js';
import { markMemo } from './memo.js';
import type { Projection } from './projection.js';

const WRITE_CHUNK = 500;
const PREFIX = 'engagement-';

/** The list's order: the proposal instant, then the id. */
export const engagementKeyset = (order: ListOrder = 'oldest'): Keyset => ({
  columns: [
    { sql: 'proposed_ms', type: 'bigint' },
    { sql: 'id', type: 'text' },
  ],
  descending: order === 'newest',
});

/** The sort key of an engagement in {@linkcode engagementKeyset}. */
export const engagementKey = (e: Pick<Engagement, 'proposedAt' | 'id'>): CursorKey => [instant(e.proposedAt), e.id];

export const engagementProjection: Projection = {
  name: 'engagements',
  prefix: PREFIX,
  tables: ['read_engagements', 'read_engagement_counts', 'read_engagement_observations'],
  async apply(tx, streams, { city }) {
    const gone: string[] = [];
    const rows: Record<string, unknown>[] = [];
    const ids = [...streams.keys()].map((stream) => stream.slice(PREFIX.length));
    // What the changed streams counted before (their rows as they still are), then what they count now.
    const before = await tx.query<Record<string, unknown> & { completion_delay: number | null }>(
      `SELECT quartier_id, coalesce(organisation_id, '') AS organisation_id, coalesce(theme_id, '') AS theme_id, status, completion_delay
       FROM read_engagements WHERE id = ANY($1::text[])`,
      [ids],
    );
    const counts = countDeltas(ENGAGEMENT_COUNTS);
    for (const r of before.rows) counts.add(r, engagementContribution(r.completion_delay), -1);
    for (const [stream, events] of streams) {
      const e = foldEngagement(events as unknown as readonly EngagementEvent[]);
      const first = events[0];
      if (e === undefined || first === undefined) {
        gone.push(stream.slice(PREFIX.length));
        continue;
      }
      rows.push({
        id: e.id,
        first_position: first.position,
        quartier_id: e.quartierId,
        theme_id: e.themeId ?? null,
        organisation_id: e.organisationId ?? null,
        walk_id: e.walkId ?? null,
        status: e.status,
        observation_ids: e.observationIds,
        proposed_ms: instant(e.proposedAt),
        proposed_at: e.proposedAt,
        proposed_day: calendarDay(e.proposedAt, city.timezone),
        due_on: e.dueOn ?? null,
        completion_delay: completionDelay(e, city) ?? null,
        changed_ms: latestInstant(events),
        doc: e,
      });
      counts.add(
        { quartier_id: e.quartierId, organisation_id: e.organisationId ?? '', theme_id: e.themeId ?? '', status: e.status },
        engagementContribution(completionDelay(e, city) ?? null),
        1,
      );
    }
    if (gone.length > 0) await tx.query('DELETE FROM read_engagements WHERE id = ANY($1::text[])', [gone]);
    // Which engagements list each observation (migration 021): the changed ones' pairs written again.
    await tx.query('DELETE FROM read_engagement_observations WHERE engagement_id = ANY($1::text[])', [ids]);
    const pairs = rows.flatMap((r) => (r.observation_ids as readonly string[]).map((o) => [o, r.id as string] as const));
    for (let i = 0; i < pairs.length; i += WRITE_CHUNK * 4) {
      const chunk = pairs.slice(i, i + WRITE_CHUNK * 4);
      await tx.query(
        `INSERT INTO read_engagement_observations (observation_id, engagement_id)
         SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT DO NOTHING`,
        [chunk.map((p) => p[0]), chunk.map((p) => p[1])],
      );
    }
    for (let i = 0; i < rows.length; i += WRITE_CHUNK) {
      await tx.query(
        `INSERT INTO read_engagements (id, first_position, quartier_id, theme_id, organisation_id, walk_id, status, observation_ids,
           proposed_ms, proposed_at, proposed_day, due_on, completion_delay, changed_ms, doc)
         SELECT id, first_position, quartier_id, theme_id, organisation_id, walk_id, status,
           ARRAY(SELECT json_array_elements_text(observation_ids)), proposed_ms, proposed_at, proposed_day, due_on, completion_delay,
           changed_ms, doc
         FROM json_to_recordset($1::json) AS r(id text, first_position bigint, quartier_id text, theme_id text, organisation_id text,
           walk_id text, status text, observation_ids json, proposed_ms bigint, proposed_at text, proposed_day text, due_on text,
           completion_delay integer, changed_ms bigint, doc json)
         ON CONFLICT (id) DO UPDATE SET first_position = excluded.first_position, quartier_id = excluded.quartier_id,
           theme_id = excluded.theme_id, organisation_id = excluded.organisation_id, walk_id = excluded.walk_id,
           status = excluded.status, observation_ids = excluded.observation_ids, proposed_ms = excluded.proposed_ms,
           proposed_at = excluded.proposed_at, proposed_day = excluded.proposed_day, due_on = excluded.due_on,
           completion_delay = excluded.completion_delay, changed_ms = excluded.changed_ms, doc = excluded.doc`,
        [JSON.stringify(rows.slice(i, i + WRITE_CHUNK))],
      );
    }
    await counts.write(tx);
  },
};

const ENGAGEMENT_COUNTS: CountsTable = {
  table: 'read_engagement_counts',
  key: [
    ['quartier_id', 'text'],
    ['organisation_id', 'text'],
    ['theme_id', 'text'],
    ['status', 'text'],
  ],
  sums: ['n', 'timed', 'late', 'late_days'],
};

/** What one engagement adds to its key: itself, and its days late when completed with a due day. */
const engagementContribution = (delay: number | null) => ({
  n: 1,
  timed: delay === null ? 0 : 1,
  late: delay !== null && delay > 0 ? 1 : 0,
  late_days: delay ?? 0,
});

const docs = (rows: readonly { doc: unknown }[]) => rows.map((r) => parsedDoc<Engagement>(r.doc));

/** One page of the engagements `conditions` keep, in `order`. */
export async function engagementPage(
  sql: SqlSession,
  conditions: Conditions,
  page: PageRequest,
  order: ListOrder = 'oldest',
): Promise<Page<Engagement>> {
  const params = sqlParams();
  const where = conditions(params);
  const k = keysetSql(engagementKeyset(order), page, params);
  const { rows } = await sql.query<{ doc: unknown }>(
    `SELECT doc FROM read_engagements ${whereOf([...where, k.where])} ORDER BY ${k.orderBy} ${k.limit}`,
    params.values,
  );
  return pageOf(docs(rows), page, engagementKey);
}

/** Every engagement `conditions` keep, in `order`, in keyset batches of `size` after a `first` one of fewer. */
export async function* engagementBatches(
  sql: SqlSession,
  conditions: Conditions,
  order: ListOrder = 'oldest',
  size = EXPORT_BATCH,
  first = FIRST_BATCH,
): AsyncGenerator<Engagement[]> {
  let after: CursorKey | undefined;
  for (;;) {
    const want = after === undefined ? Math.min(size, first) : size;
    const params = sqlParams();
    const where = conditions(params);
    const k = keysetSql(engagementKeyset(order), { limit: want - 1, after }, params);
    const { rows } = await sql.query<{ doc: unknown }>(
      `SELECT doc FROM read_engagements ${whereOf([...where, k.where])} ORDER BY ${k.orderBy} ${k.limit}`,
      params.values,
    );
    const batch = docs(rows);
    if (batch.length > 0) yield batch;
    if (batch.length < want) return;
    after = engagementKey(batch.at(-1) as Engagement);
  }
}

/**
 * The engagements that may be the one each of `observations` follows (Open311's
 * `matchedEngagement`): those named by an `engagementId`, and those listing one of the
 * observations, in the core's list order (the stream's first event), so that "the first one
 * listing it" is the same engagement; and those `alsoNamed` (the engagements an observation's
 * `ObservationCommitted` events name, for their titles).
 */
export async function engagementsFor(
  sql: SqlSession,
  observations: readonly { readonly id: string; readonly engagementId?: string | undefined }[],
  alsoNamed: readonly string[] = [],
): Promise<Engagement[]> {
  if (observations.length === 0 && alsoNamed.length === 0) return [];
  const named = [...new Set([...observations.flatMap((o) => (o.engagementId ? [o.engagementId] : [])), ...alsoNamed])];
  // The ids named, and those listing one of the observations (read_engagement_observations), then
  // their rows by their primary key. With `id = ANY(…) OR observation_ids && $2` both planners
  // compared every engagement's list with the 500 ids of a batch: 70–180 ms at 10,000. With
  // `id IN (SELECT … UNION …)`, PGlite's planner counted the 500 observations as 560 engagements
  // and read the whole table for a hash join (43 ms at 10,000 engagements, 1,084 pages, most from
  // disk behind its 16 MB cache, where 60 were wanted). The ids gathered first into an array (an
  // InitPlan) leave it the primary key only: 5 ms.
  const { rows } = await sql.query<{ doc: unknown }>(
    `SELECT doc FROM read_engagements WHERE id = ANY(ARRAY(
       SELECT unnest($1::text[])
       UNION SELECT engagement_id FROM read_engagement_observations WHERE observation_id = ANY($2::text[])))
     ORDER BY first_position`,
    [named, observations.map((o) => o.id)],
  );
  return docs(rows);
}

/**
 * Not settled, written with the settled statuses inline (constants, not parameters), as the
 * partial index `read_engagements_open_due` (migration 020) is, so that the planner uses it.
 */
const OPEN = `status NOT IN (${SETTLED_ENGAGEMENT_STATUSES.map((s) => `'${s}'`).join(', ')})`;

/** The order of the dashboard's overdue list: most late first (the earliest due day), ties by id. */
export const OVERDUE_KEYSET: Keyset = {
  columns: [
    { sql: 'due_on', type: 'text' },
    { sql: 'id', type: 'text' },
  ],
};

/** The sort key of an overdue engagement in {@linkcode OVERDUE_KEYSET}. */
export const overdueKey = (e: Pick<Engagement, 'dueOn' | 'id'>): CursorKey => [e.dueOn ?? '', e.id];

/**
 * The dashboard's tallies of the engagements `conditions` keep (`engagementDashboardFromTallies`),
 * grouped by quartier, organisation, theme and status, overdue and due soon on `now`'s day in the
 * city's calendar; and one page (`page`, in {@linkcode OVERDUE_KEYSET}) of the overdue ones, most
 * late first (ties by id): at 10,000 engagements, 3,000 were overdue, and the whole list was 230 kB
 * compressed. What does not depend on today is summed from the kept counts
 * (`read_engagement_counts`, migration 020, where a missing organisation or theme is ''); overdue
 * and due soon are counted among the open engagements due by the end of the window. `conditions`
 * may name `quartier_id`, `organisation_id` and `theme_id`.
 */
export function engagementTalliesOf(
  sql: SqlSession,
  conditions: Conditions,
  now: Date,
  city: CityProfile,
  page: PageRequest,
): Promise<Tallies> {
  const { today, soonUntil } = dueWindow(now, city);
  // Kept until the read models change, or the day does (memo.ts): what was asked, as SQL and values.
  const asked = sqlParams();
  const key = JSON.stringify([conditions(asked), asked.values, today, soonUntil, page.limit, page.after ?? null]);
  return talliesMemo(sql, key, () => talliesOf(sql, conditions, today, soonUntil, page));
}

type Tallies = { readonly tallies: EngagementTally[]; readonly overdue: Page<Engagement> };
const talliesMemo = markMemo<Tallies>();

async function talliesOf(sql: SqlSession, conditions: Conditions, today: string, soonUntil: string, page: PageRequest): Promise<Tallies> {
  const t = sqlParams();
  const d = sqlParams();
  const dueWhere = [...conditions(d), 'due_on IS NOT NULL', OPEN, `due_on <= ${d.bind(soonUntil)}`];
  const day = d.bind(today);
  const o = sqlParams();
  const overdueWhere = [...conditions(o), 'due_on IS NOT NULL', OPEN, `due_on < ${o.bind(today)}`];
  const k = keysetSql(OVERDUE_KEYSET, page, o);
  type Key = { quartier_id: string; organisation_id: string; theme_id: string; status: EngagementStatus };
  type Counted = Key & { n: string | number; timed: string | number; late: string | number; late_days: string | number };
  type Due = Key & { overdue: string | number; due_soon: string | number };
  const [counted, due, overdue] = await Promise.all([
    sql.query<Counted>(
      `SELECT quartier_id, organisation_id, theme_id, status, n, timed, late, late_days FROM read_engagement_counts ${whereOf(conditions(t))}`,
      t.values,
    ),
    sql.query<Due>(
      `SELECT quartier_id, coalesce(organisation_id, '') AS organisation_id, coalesce(theme_id, '') AS theme_id, status,
         count(*) FILTER (WHERE due_on < ${day}) AS overdue, count(*) FILTER (WHERE due_on >= ${day}) AS due_soon
       FROM read_engagements ${whereOf(dueWhere)} GROUP BY 1, 2, 3, 4`,
      d.values,
    ),
    sql.query<{ doc: unknown }>(
      `SELECT doc FROM read_engagements ${whereOf([...overdueWhere, k.where])} ORDER BY ${k.orderBy} ${k.limit}`,
      o.values,
    ),
  ]);
  const keyOf = (r: Key) => JSON.stringify([r.quartier_id, r.organisation_id, r.theme_id, r.status]);
  const dueByKey = new Map(due.rows.map((r) => [keyOf(r), r]));
  return {
    tallies: counted.rows.map((r) => {
      const window = dueByKey.get(keyOf(r));
      return {
        quartierId: r.quartier_id,
        organisationId: r.organisation_id === '' ? undefined : r.organisation_id,
        themeId: r.theme_id === '' ? undefined : r.theme_id,
        status: r.status,
        count: Number(r.n),
        overdue: Number(window?.overdue ?? 0),
        dueSoon: Number(window?.due_soon ?? 0),
        timed: Number(r.timed),
        late: Number(r.late),
        lateDays: Number(r.late_days),
      };
    }),
    overdue: pageOf(docs(overdue.rows), page, overdueKey),
  };
}
