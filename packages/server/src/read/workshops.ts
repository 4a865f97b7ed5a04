// SPDX-License-Identifier: EUPL-1.2
/**
 * The read models of concerted projects and their workshops (`read_projects`, `read_workshops`,
 * migration 022), as `read/walks.ts` is the walks': one row per stream, folded by the core
 * (`foldProject`, `foldWorkshop`). A workshop's row holds `{ workshop, counts }` (the counts of
 * its registrations, `gatheringCounts`), never a registration; its summary is made at read time
 * (`workshopSummaryOf`), since what people see depends on the time (an open workshop past its
 * deadline shows as closed). The queries below are the reads that used to fold every project or
 * workshop: the lists, the quartier's and the project's feeds, the demo page, the reminders and the purge.
 */
import {
  effectiveWorkshopStatus,
  evolveProject,
  evolveWorkshop,
  gatheringCounts,
  instant,
  seatsLeft,
  type ProjectAggregate,
  type ProjectEvent,
  type WalkCounts,
  type Workshop,
  type WorkshopEvent,
  type WorkshopSummary,
} from '@gusp/core';
import { keysetSql, type CursorKey, type Keyset, type PageRequest } from '../http/page.js';
import { sqlParams, type SqlParams, type SqlSession } from '../sql.js';
import { parsedDoc } from './observations.js';
import { continuedFold, type Projection } from './projection.js';

const WORKSHOP = 'workshop-';
const PROJECT = 'project-';

/** What a workshop's row holds. */
export interface WorkshopDoc {
  readonly workshop: Workshop;
  readonly counts: WalkCounts;
  /** Institutional seats left; absent when they have no limit. */
  readonly institutionalSeatsLeft?: number | undefined;
}

/** Writes `rows` into `table` in one statement (the rows as one JSON parameter: the same SQL on PGlite and PostgreSQL). */
async function upsert(tx: SqlSession, table: string, columns: readonly [string, string][], rows: readonly Record<string, unknown>[]) {
  if (rows.length === 0) return;
  const names = columns.map(([n]) => n).join(', ');
  const typed = columns.map(([n, t]) => `${n} ${t}`).join(', ');
  const updates = columns
    .filter(([n]) => n !== 'id')
    .map(([n]) => `${n} = excluded.${n}`)
    .join(', ');
  await tx.query(
    `INSERT INTO ${table} (${names}) SELECT ${names} FROM json_to_recordset($1::json) AS r(${typed})
     ON CONFLICT (id) DO UPDATE SET ${updates}`,
    [JSON.stringify(rows)],
  );
}

const gone = (tx: SqlSession, table: string, ids: readonly string[]) =>
  ids.length === 0 ? Promise.resolve() : tx.query(`DELETE FROM ${table} WHERE id = ANY($1::text[])`, [ids]);

/** The core's `foldWorkshop` and `foldProject`, going on from the last catch-up's state of a kept history (see `continuedFold`). */
const foldKeptWorkshop = continuedFold(evolveWorkshop);
const foldKeptProject = continuedFold(evolveProject);

export const workshopProjection: Projection = {
  name: 'workshops',
  prefix: WORKSHOP,
  tables: ['read_workshops'],
  async apply(tx, streams) {
    const rows: Record<string, unknown>[] = [];
    const removed: string[] = [];
    for (const [stream, events] of streams) {
      const agg = foldKeptWorkshop(events as unknown as readonly WorkshopEvent[]);
      if (agg === undefined) {
        removed.push(stream.slice(WORKSHOP.length));
        continue;
      }
      const { workshop, registrations } = agg;
      const institutional = workshop.institutionalSeats === undefined ? undefined : seatsLeft(workshop, registrations, 'elected');
      const doc: WorkshopDoc = {
        workshop,
        counts: gatheringCounts(workshop, registrations),
        ...(institutional === undefined ? {} : { institutionalSeatsLeft: institutional }),
      };
      rows.push({
        id: workshop.id,
        project_id: workshop.projectId,
        quartier_id: workshop.quartierId,
        status: workshop.status,
        starts_at: instant(workshop.startsAt),
        duration_minutes: workshop.durationMinutes,
        registration_deadline: instant(workshop.registrationDeadline),
        updated_at: instant(workshop.updatedAt),
        doc,
      });
    }
    await gone(tx, 'read_workshops', removed);
    await upsert(
      tx,
      'read_workshops',
      [
        ['id', 'text'],
        ['project_id', 'text'],
        ['quartier_id', 'text'],
        ['status', 'text'],
        ['starts_at', 'bigint'],
        ['duration_minutes', 'integer'],
        ['registration_deadline', 'bigint'],
        ['updated_at', 'bigint'],
        ['doc', 'json'],
      ],
      rows,
    );
  },
};

export const projectProjection: Projection = {
  name: 'projects',
  prefix: PROJECT,
  tables: ['read_projects'],
  async apply(tx, streams) {
    const rows: Record<string, unknown>[] = [];
    const removed: string[] = [];
    for (const [stream, events] of streams) {
      const agg = foldKeptProject(events as unknown as readonly ProjectEvent[]);
      if (agg === undefined) {
        removed.push(stream.slice(PROJECT.length));
        continue;
      }
      const { project } = agg;
      rows.push({
        id: project.id,
        quartier_id: project.quartierId,
        status: project.status,
        landlord_id: project.landlordId,
        partner_ids: project.partnerIds,
        created_ms: instant(project.createdAt),
        updated_ms: instant(project.updatedAt),
        doc: agg,
      });
    }
    await gone(tx, 'read_projects', removed);
    if (rows.length === 0) return;
    await tx.query(
      `INSERT INTO read_projects (id, quartier_id, status, landlord_id, partner_ids, created_ms, updated_ms, doc)
       SELECT id, quartier_id, status, landlord_id, ARRAY(SELECT json_array_elements_text(partner_ids)), created_ms, updated_ms, doc
       FROM json_to_recordset($1::json) AS r(id text, quartier_id text, status text, landlord_id text, partner_ids json,
                                              created_ms bigint, updated_ms bigint, doc json)
       ON CONFLICT (id) DO UPDATE SET quartier_id = excluded.quartier_id, status = excluded.status, landlord_id = excluded.landlord_id,
         partner_ids = excluded.partner_ids, created_ms = excluded.created_ms, updated_ms = excluded.updated_ms, doc = excluded.doc`,
      [JSON.stringify(rows)],
    );
  },
};

/** A row's summary at `now`: what the core's `workshopSummary` of its aggregate gives. */
export const workshopSummaryOf = (doc: WorkshopDoc, now: Date): WorkshopSummary => ({
  ...doc.counts,
  workshop: doc.workshop,
  status: effectiveWorkshopStatus(doc.workshop, now),
  capacity: doc.workshop.capacity,
  ...(doc.institutionalSeatsLeft === undefined ? {} : { institutionalSeatsLeft: doc.institutionalSeatsLeft }),
});

/** The order of every list of workshops: start time, then id. */
export const WORKSHOP_KEYSET: Keyset = {
  columns: [
    { sql: 'starts_at', type: 'bigint' },
    { sql: 'id', type: 'text' },
  ],
};
export const workshopKey = (w: Pick<Workshop, 'startsAt' | 'id'>): CursorKey => [instant(w.startsAt), w.id];

/** Still to come, as `<gusp-project>` shows them: published (open or closed) and not started yet. */
export const upcomingWorkshopSql = (params: SqlParams, nowMs: number) =>
  `(status IN ('open', 'closed') AND starts_at >= ${params.bind(nowMs)}::bigint)`;

/** One page of workshops, public ones only unless `drafts`: the rows after `page.after` that pass `where`. */
export async function workshopRows(
  sql: SqlSession,
  where: readonly string[],
  params: SqlParams,
  page: PageRequest,
  drafts = false,
): Promise<WorkshopDoc[]> {
  const keyset = keysetSql(WORKSHOP_KEYSET, page, params);
  const conditions = [...(drafts ? [] : ["status <> 'draft'"]), ...where, ...(keyset.where === undefined ? ['TRUE'] : [keyset.where])];
  const rows = await sql.query<{ doc: unknown }>(
    `SELECT doc FROM read_workshops WHERE ${conditions.join(' AND ')} ORDER BY ${keyset.orderBy} ${keyset.limit}`,
    params.values,
  );
  return rows.rows.map((r) => parsedDoc<WorkshopDoc>(r.doc));
}

/** The public workshops (not drafts) of a quartier or a project, in start order: what the feeds list. */
export async function publicWorkshops(sql: SqlSession, filter: { quartierId?: string; projectId?: string }): Promise<Workshop[]> {
  const params = sqlParams();
  const conditions = ["status <> 'draft'"];
  if (filter.quartierId !== undefined) conditions.push(`quartier_id = ${params.bind(filter.quartierId)}`);
  if (filter.projectId !== undefined) conditions.push(`project_id = ${params.bind(filter.projectId)}`);
  const rows = await sql.query<{ workshop: unknown }>(
    `SELECT doc->'workshop' AS workshop FROM read_workshops WHERE ${conditions.join(' AND ')} ORDER BY starts_at, id`,
    params.values,
  );
  return rows.rows.map((r) => parsedDoc<Workshop>(r.workshop));
}

/** The ids of a project's workshops, drafts included (their streams are then read one by one). */
export async function workshopIdsOf(sql: SqlSession, projectId: string): Promise<string[]> {
  const rows = await sql.query<{ id: string }>('SELECT id FROM read_workshops WHERE project_id = $1 ORDER BY starts_at, id', [projectId]);
  return rows.rows.map((r) => r.id);
}

/** Open or closed workshops starting within `windowMs` of `nowMs`: those whose confirmed people get a reminder. */
export async function workshopsDueForReminder(sql: SqlSession, nowMs: number, windowMs: number): Promise<string[]> {
  const rows = await sql.query<{ id: string }>(
    `SELECT id FROM read_workshops WHERE status IN ('open', 'closed') AND starts_at > $1::bigint AND starts_at <= $2::bigint ORDER BY starts_at, id`,
    [nowMs, nowMs + windowMs],
  );
  return rows.rows.map((r) => r.id);
}

/** The projects, drafts too when `drafts`, in creation order. */
export async function projectDocs(sql: SqlSession, drafts = false): Promise<ProjectAggregate[]> {
  const rows = await sql.query<{ doc: unknown }>(
    `SELECT doc FROM read_projects${drafts ? '' : " WHERE status <> 'draft'"} ORDER BY created_ms, id`,
  );
  return rows.rows.map((r) => parsedDoc<ProjectAggregate>(r.doc));
}

/** The titles of these projects, by id (the feeds name each workshop's project). */
export async function projectTitles(sql: SqlSession, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await sql.query<{ id: string; title: string }>(
    `SELECT id, doc->'project'->>'title' AS title FROM read_projects WHERE id = ANY($1::text[])`,
    [[...ids]],
  );
  return new Map(rows.rows.map((r) => [r.id, r.title]));
}
