// SPDX-License-Identifier: EUPL-1.2
/**
 * The read model of observations (`read_observations`, migration 017): one row
 * per observation stream, its latest state folded with the core's own
 * `foldObservation`, as the public sees it (`doc`: never the reporter's
 * contact), beside the columns lists filter, sort and group on. Photos are
 * kept as the journal names them: URLs and the deleted ones are settled when
 * read (`withStoredPhotoUrls`), page by page.
 *
 * Beside the projection, the queries the routes ask: a page of a filtered
 * list, the grouped counts of the statistics, and keyset batches for the
 * exports. Every query takes its filters as a {@linkcode Conditions}: SQL
 * conditions built with their values bound (see `list-filter.ts`).
 */
import {
  calendarDay,
  foldObservation,
  instant,
  isCounted,
  observationStatsFromCounts,
  UNCOUNTED_OBSERVATION_STATUSES,
  yearOf,
  type Observation,
  type ObservationCounts,
  type ObservationEvent,
  type StopCount,
  type ThemeCount,
} from '@gusp/core';
import { keptJson, type KeptJson } from '../http/etag.js';
import { keysetSql, pageOf, type CursorKey, type Keyset, type Page, type PageRequest } from '../http/page.js';
import { sqlParams, type SqlParams, type SqlSession } from '../sql.js';
import { markMemo } from './memo.js';
import type { Projection } from './projection.js';

/** An observation as the public sees it: without its reporter's contact. */
export type PublicObservation = Omit<Observation, 'reporter'>;

/** A list's filters as SQL: the conditions to AND, their values bound in `params`. */
export type Conditions = (params: SqlParams) => readonly string[];

/** `oldest` (the default) or `newest` first. */
export type ListOrder = 'oldest' | 'newest';

/** Rows a statement writes at most (one JSON parameter each). */
const WRITE_CHUNK = 500;
/** Rows an export reads per query. */
export const EXPORT_BATCH = 500;
/** Rows its first query reads: fewer, so that the first bytes leave sooner. */
export const FIRST_BATCH = 100;

const PREFIX = 'observation-';

/** The list's order: the recording instant, then the id. */
export const observationKeyset = (order: ListOrder = 'oldest'): Keyset => ({
  columns: [
    { sql: 'recorded_ms', type: 'bigint' },
    { sql: 'id', type: 'text' },
  ],
  descending: order === 'newest',
});

/** The sort key of an observation in {@linkcode observationKeyset}. */
export const observationKey = (o: Pick<Observation, 'recordedAt' | 'id'>): CursorKey => [instant(o.recordedAt), o.id];

/** The latest instant among `events`' (ms): a stream's last change, whatever order its clock wrote them in. */
export const latestInstant = (events: readonly { readonly at: string }[]): number =>
  events.reduce((latest, e) => Math.max(latest, Date.parse(e.at)), Number.NEGATIVE_INFINITY);

/** What the public sees of an observation. */
export function publicObservation(o: Observation): PublicObservation {
  const { reporter: _reporter, ...rest } = o;
  return rest;
}

/** A table of kept counts (migrations 020, 021): its key columns and its summed ones, with their SQL types. */
export interface CountsTable {
  readonly table: string;
  readonly key: readonly (readonly [column: string, type: string])[];
  readonly sums: readonly string[];
  /** Only the rows whose key passes this count here (all by default). */
  readonly counts?: (key: Readonly<Record<string, unknown>>) => boolean;
}

const QUARTIER_YEAR = [
  ['quartier_id', 'text'],
  ['year', 'integer'],
] as const;

/**
 * The counted observations' tables: by quartier, year, walk, stop and theme (a walk's statistics
 * group it), by quartier, year, walk and stop (byStop, observations recorded at a stop only), and
 * by quartier, year and theme (byTheme).
 */
const OBSERVATION_COUNTS: readonly CountsTable[] = [
  {
    table: 'read_observation_counts',
    key: [...QUARTIER_YEAR, ['walk_id', 'text'], ['stop_id', 'text'], ['theme_id', 'text']],
    sums: ['positive', 'problem'],
  },
  {
    table: 'read_observation_stop_counts',
    key: [...QUARTIER_YEAR, ['walk_id', 'text'], ['stop_id', 'text']],
    sums: ['positive', 'problem'],
    counts: (key) => key.walk_id !== '' && key.stop_id !== '',
  },
  // Last: written by every counted observation (the crash test locks the last table a report writes).
  { table: 'read_observation_theme_counts', key: [...QUARTIER_YEAR, ['theme_id', 'text']], sums: ['positive', 'problem'] },
];

export const observationProjection: Projection = {
  name: 'observations',
  prefix: PREFIX,
  tables: ['read_observations', ...OBSERVATION_COUNTS.map((c) => c.table)],
  async apply(tx, streams, { city }) {
    const gone: string[] = [];
    const rows: Record<string, unknown>[] = [];
    const ids = [...streams.keys()].map((stream) => stream.slice(PREFIX.length));
    // What the changed streams counted before (their rows as they still are), then what they count now.
    const before = await tx.query<Record<string, unknown>>(
      `SELECT quartier_id, year, coalesce(walk_id, '') AS walk_id, coalesce(stop_id, '') AS stop_id, theme_id, polarity
       FROM read_observations WHERE id = ANY($1::text[]) AND status <> ALL($2::text[])`,
      [ids, [...UNCOUNTED_OBSERVATION_STATUSES]],
    );
    const counts = OBSERVATION_COUNTS.map(countDeltas);
    const count = (key: Readonly<Record<string, unknown>>, polarity: string, sign: 1 | -1) => {
      for (const table of counts) table.add(key, observationContribution(polarity), sign);
    };
    for (const r of before.rows) count(r, String(r.polarity), -1);
    for (const [stream, events] of streams) {
      const o = foldObservation(events as unknown as readonly ObservationEvent[]);
      const first = events[0];
      if (o === undefined || first === undefined) {
        gone.push(stream.slice(PREFIX.length));
        continue;
      }
      rows.push({
        id: o.id,
        first_position: first.position,
        quartier_id: o.quartierId,
        walk_id: o.walkId ?? null,
        stop_id: o.stopId ?? null,
        theme_id: o.themeId,
        status: o.status,
        polarity: o.polarity,
        organisation_id: o.organisationId ?? null,
        engagement_id: o.engagementId ?? null,
        recorded_ms: instant(o.recordedAt),
        recorded_at: o.recordedAt,
        recorded_day: calendarDay(o.recordedAt, city.timezone),
        year: yearOf(o.recordedAt, city.timezone),
        changed_ms: latestInstant(events),
        doc: publicObservation(o),
      });
      if (isCounted(o))
        count(
          {
            quartier_id: o.quartierId,
            year: yearOf(o.recordedAt, city.timezone),
            walk_id: o.walkId ?? '',
            stop_id: o.stopId ?? '',
            theme_id: o.themeId,
          },
          o.polarity,
          1,
        );
    }
    if (gone.length > 0) await tx.query('DELETE FROM read_observations WHERE id = ANY($1::text[])', [gone]);
    for (let i = 0; i < rows.length; i += WRITE_CHUNK) {
      await tx.query(
        `INSERT INTO read_observations (id, first_position, quartier_id, walk_id, stop_id, theme_id, status, polarity,
           organisation_id, engagement_id, recorded_ms, recorded_at, recorded_day, year, changed_ms, doc)
         SELECT id, first_position, quartier_id, walk_id, stop_id, theme_id, status, polarity,
           organisation_id, engagement_id, recorded_ms, recorded_at, recorded_day, year, changed_ms, doc
         FROM json_to_recordset($1::json) AS r(id text, first_position bigint, quartier_id text, walk_id text, stop_id text,
           theme_id text, status text, polarity text, organisation_id text, engagement_id text, recorded_ms bigint,
           recorded_at text, recorded_day text, year integer, changed_ms bigint, doc json)
         ON CONFLICT (id) DO UPDATE SET first_position = excluded.first_position, quartier_id = excluded.quartier_id,
           walk_id = excluded.walk_id, stop_id = excluded.stop_id, theme_id = excluded.theme_id, status = excluded.status,
           polarity = excluded.polarity, organisation_id = excluded.organisation_id, engagement_id = excluded.engagement_id,
           recorded_ms = excluded.recorded_ms, recorded_at = excluded.recorded_at, recorded_day = excluded.recorded_day,
           year = excluded.year, changed_ms = excluded.changed_ms, doc = excluded.doc`,
        [JSON.stringify(rows.slice(i, i + WRITE_CHUNK))],
      );
    }
    for (const table of counts) await table.write(tx);
  },
};

const observationContribution = (polarity: string) => ({
  positive: polarity === 'positive' ? 1 : 0,
  problem: polarity === 'problem' ? 1 : 0,
});

/**
 * The changes to a counts table over one catch-up: each stream's old contribution subtracted,
 * its new one added, netted per key; `write` adds them to the table and deletes the keys whose
 * counts all reach 0.
 */
export function countDeltas(spec: CountsTable) {
  const deltas = new Map<string, Record<string, unknown>>();
  return {
    add(key: Readonly<Record<string, unknown>>, sums: Readonly<Record<string, number>>, sign: 1 | -1): void {
      if (spec.counts && !spec.counts(key)) return;
      const values = spec.key.map(([column]) => key[column]);
      const id = JSON.stringify(values);
      const row: Record<string, unknown> = deltas.get(id) ?? {};
      if (!deltas.has(id)) {
        row.id = id;
        spec.key.forEach(([column], i) => (row[column] = values[i]));
        for (const s of spec.sums) row[s] = 0;
        deltas.set(id, row);
      }
      for (const s of spec.sums) row[s] = (row[s] as number) + sign * (sums[s] ?? 0);
    },
    async write(tx: SqlSession): Promise<void> {
      const changed = [...deltas.values()].filter((row) => spec.sums.some((s) => row[s] !== 0));
      if (changed.length === 0) return;
      const columns = ['id', ...spec.key.map(([column]) => column), ...spec.sums];
      const record = ['id text', ...spec.key.map(([column, type]) => `${column} ${type}`), ...spec.sums.map((s) => `${s} bigint`)].join(
        ', ',
      );
      for (let i = 0; i < changed.length; i += WRITE_CHUNK) {
        const chunk = JSON.stringify(changed.slice(i, i + WRITE_CHUNK));
        await tx.query(
          `INSERT INTO ${spec.table} (${columns.join(', ')}) SELECT ${columns.join(', ')} FROM json_to_recordset($1::json) AS r(${record})
           ON CONFLICT (id) DO UPDATE SET ${spec.sums.map((s) => `${s} = ${spec.table}.${s} + excluded.${s}`).join(', ')}`,
          [chunk],
        );
        await tx.query(
          `DELETE FROM ${spec.table} c USING json_to_recordset($1::json) AS r(${record})
           WHERE c.id = r.id AND ${spec.sums.map((s) => `c.${s} = 0`).join(' AND ')}`,
          [chunk],
        );
      }
    },
  };
}

/** `WHERE a AND b`, or nothing. */
export const whereOf = (conditions: readonly (string | undefined)[]): string => {
  const kept = conditions.filter((c): c is string => c !== undefined);
  return kept.length === 0 ? '' : `WHERE ${kept.map((c) => `(${c})`).join(' AND ')}`;
};

/** A doc as the driver gives it: parsed JSON (pg, PGlite), or its text. */
export const parsedDoc = <T>(doc: unknown): T => (typeof doc === 'string' ? (JSON.parse(doc) as T) : (doc as T));

/** One page of the observations `conditions` keep, in `order`. */
export async function observationPage(
  sql: SqlSession,
  conditions: Conditions,
  page: PageRequest,
  order: ListOrder = 'oldest',
): Promise<Page<PublicObservation>> {
  const params = sqlParams();
  const where = conditions(params);
  const keyset = observationKeyset(order);
  const k = keysetSql(keyset, page, params);
  const { rows } = await sql.query<{ doc: unknown }>(
    `SELECT doc FROM read_observations ${whereOf([...where, k.where])} ORDER BY ${k.orderBy} ${k.limit}`,
    params.values,
  );
  return pageOf(
    rows.map((r) => parsedDoc<PublicObservation>(r.doc)),
    page,
    observationKey,
  );
}

/**
 * Every observation `conditions` keep, in `order`, `size` rows per query after a `first` one
 * of fewer (keyset batches: the thousandth batch costs what the first does). `limit`: at most
 * that many in all; `offset`: that many skipped first (a numbered page, as Open311's `page`).
 */
export async function* observationBatches(
  sql: SqlSession,
  conditions: Conditions,
  order: ListOrder = 'oldest',
  options: { readonly size?: number; readonly first?: number; readonly limit?: number; readonly offset?: number } = {},
): AsyncGenerator<PublicObservation[]> {
  const size = options.size ?? EXPORT_BATCH;
  // Skipped before the first batch only (Open311's `page`); the next batches follow the keyset.
  const offset = options.offset !== undefined && options.offset > 0 ? Math.floor(options.offset) : 0;
  let left = options.limit ?? Number.POSITIVE_INFINITY;
  let after: CursorKey | undefined;
  while (left > 0) {
    const want = Math.min(after === undefined ? Math.min(size, options.first ?? FIRST_BATCH) : size, left);
    const params = sqlParams();
    const where = conditions(params);
    const k = keysetSql(observationKeyset(order), { limit: want - 1, after }, params);
    // keysetSql asks one row more than the page: `want - 1` reads exactly `want`.
    const { rows } = await sql.query<{ doc: unknown }>(
      `SELECT doc FROM read_observations ${whereOf([...where, k.where])} ORDER BY ${k.orderBy} ${k.limit}${
        after === undefined && offset > 0 ? ` OFFSET ${offset}` : ''
      }`,
      params.values,
    );
    const batch = rows.map((r) => parsedDoc<PublicObservation>(r.doc));
    if (batch.length > 0) yield batch;
    if (batch.length < want) return;
    left -= batch.length;
    after = observationKey(batch.at(-1) as PublicObservation);
  }
}

/** Observations by id (those that exist), in no particular order. */
export async function observationsById(sql: SqlSession, ids: readonly string[]): Promise<PublicObservation[]> {
  if (ids.length === 0) return [];
  const { rows } = await sql.query<{ doc: unknown }>('SELECT doc FROM read_observations WHERE id = ANY($1::text[])', [ids]);
  return rows.map((r) => parsedDoc<PublicObservation>(r.doc));
}

/** What the statistics may be asked for: one quartier's, one walk's, one year's (all given must match). */
export interface StatsFilter {
  readonly quartierId?: string | undefined;
  readonly walkId?: string | undefined;
  readonly year?: number | undefined;
}

/**
 * The grouped counts of the statistics (`observationStatsFromCounts`): the observations `filter`
 * keeps, duplicates and rejected ones left out, by quartier, year and theme, and by quartier, year,
 * walk and stop, read from the kept counts of each grouping (migration 021), rows as they are:
 * byStop is one row per stop (no grouping), byTheme one per quartier, year and theme. A walk's
 * byTheme is summed from the finer `read_observation_counts` (020), through its walk index.
 */
export async function observationCountsOf(sql: SqlSession, filter: StatsFilter): Promise<ObservationCounts> {
  const conditions = (params: SqlParams, walk: boolean) => [
    ...(filter.quartierId === undefined ? [] : [`quartier_id = ${params.bind(filter.quartierId)}`]),
    ...(filter.year === undefined ? [] : [`year = ${params.bind(filter.year)}::integer`]),
    ...(walk && filter.walkId !== undefined ? [`walk_id = ${params.bind(filter.walkId)}`] : []),
  ];
  const themes = sqlParams();
  const stops = sqlParams();
  type Counted = { positive: string | number; problem: string | number; quartier_id: string; year: number };
  const [byTheme, byStop] = await Promise.all([
    filter.walkId === undefined
      ? sql.query<Counted & { theme_id: string }>(
          `SELECT quartier_id, year, theme_id, positive, problem FROM read_observation_theme_counts ${whereOf(conditions(themes, false))}`,
          themes.values,
        )
      : sql.query<Counted & { theme_id: string }>(
          `SELECT quartier_id, year, theme_id, sum(positive) AS positive, sum(problem) AS problem FROM read_observation_counts
           ${whereOf(conditions(themes, true))} GROUP BY quartier_id, year, theme_id`,
          themes.values,
        ),
    sql.query<Counted & { walk_id: string; stop_id: string }>(
      `SELECT quartier_id, year, walk_id, stop_id, positive, problem FROM read_observation_stop_counts ${whereOf(conditions(stops, true))}`,
      stops.values,
    ),
  ]);
  return {
    byTheme: byTheme.rows.map((r): ThemeCount => ({
      quartierId: r.quartier_id,
      year: Number(r.year),
      themeId: r.theme_id,
      positive: Number(r.positive),
      problem: Number(r.problem),
    })),
    byStop: byStop.rows.map((r): StopCount => ({
      quartierId: r.quartier_id,
      year: Number(r.year),
      walkId: r.walk_id,
      stopId: r.stop_id,
      positive: Number(r.positive),
      problem: Number(r.problem),
    })),
  };
}

const statsMemo = markMemo<KeptJson>();

/**
 * The statistics of the observations `filter` keeps (`observationStatsFromCounts` of
 * {@linkcode observationCountsOf}) as JSON text, kept until the read models change (see memo.ts):
 * at 100,000 observations they name 5,700 stops (1 MB of JSON), and reading, shaping and writing
 * them took 100–200 ms a request. Kept as bytes with their tags (`http/etag.ts`), so that a
 * repeated question is neither encoded nor digested again.
 */
export function observationStatsJson(sql: SqlSession, filter: StatsFilter): Promise<KeptJson> {
  const key = JSON.stringify([filter.quartierId ?? null, filter.walkId ?? null, filter.year ?? null]);
  return statsMemo(sql, key, async () => keptJson(JSON.stringify(observationStatsFromCounts(await observationCountsOf(sql, filter)))));
}
