// SPDX-License-Identifier: EUPL-1.2
/**
 * Personal data (RGPD): the purge after a delay, a person's export and erasure.
 *
 * The core's purge appends `PersonalDataPurged` / `ReporterContactErased`, so
 * every view forgets the data. The journal's events that brought it
 * (`ParticipantRegistered`, `ObservationRecorded`) hold it sealed under a key
 * per record (see store/personal-keys.ts): the server deletes those keys,
 * then rewrites the key table and asks for a checkpoint, so the data is
 * unreadable on disk too (crypto-shredding). The journal itself never
 * changes: it is append-only (migration 015).
 *
 * Photos are personal data too: the device's re-encode and the server's drop
 * every metadata, not the pixels, and a photo of a street can show a face, a
 * plate or a window. Erasure deletes the photos of the observations a person
 * reported; the purge deletes those of the observations it reaches (they stay,
 * anonymous, for the counts and the map, without their photos); photos sent
 * but never attached to an observation go after a day ({@linkcode sweepOrphanPhotos}).
 * A photo another, kept observation shows too (same bytes, same id) stays.
 */
import type { Gusp, Observation, StaffActorInput, WalkAggregate, WorkshopAggregate } from '@gusp/core';
import { deleteEmailsBefore, deleteEmailsTo, emailsTo } from './notify/outbox.js';
import { deletePhotos, deleteUnattachedPhotos, storedPhotoIds } from './photos.js';
import type { Sql } from './sql.js';
import { caughtUpReadModels } from './read/read-models.js';
import { deleteKeys, emailDigest, erasurePepper, shredDeletedKeys } from './store/personal-keys.js';

export interface PurgeResult {
  readonly walks: number;
  /** Workshops of concerted projects whose registrations were purged (the same registrations as walks'). */
  readonly workshops: number;
  readonly registrations: number;
  readonly observations: number;
  /** Emails (sent or not) deleted from the outbox: they hold addresses and names. */
  readonly emails: number;
  /** Photos of the purged observations deleted (row and bytes). */
  readonly photos: number;
  /** Photos never attached to an observation, sent more than a day ago, deleted. */
  readonly orphanPhotos: number;
}

const MONTH_MS = 30.44 * 86_400_000;

/** How long a photo sent alone waits for its observation before {@linkcode sweepOrphanPhotos} deletes it. */
export const ORPHAN_PHOTO_MS = 86_400_000;

/**
 * The photos the observations of the read model that pass `where` (a condition on
 * `read_observations`, its values in `params`) show: only the photo lists are read, of the rows
 * that have one, and their ids are taken as everywhere else ({@linkcode storedPhotoIds}).
 */
async function shownPhotoIds(sql: Sql, where: string, params: readonly unknown[]): Promise<Set<string>> {
  const { rows } = await sql.query<{ photos: Observation['photos'] }>(
    `SELECT doc->'photos' AS photos FROM read_observations WHERE json_array_length(doc->'photos') > 0 AND ${where}`,
    params,
  );
  return new Set(rows.flatMap((r) => storedPhotoIds(r.photos)));
}

/**
 * Deletes the photos sent (`POST /api/photos`) more than `olderThanMs` (a day) before `now` that
 * no observation shows: a page closed before sending its report leaves them behind. The day
 * leaves a person time to finish the report the photo was sent for. Which photos observations
 * show is asked of their read model, caught up first.
 */
export async function sweepOrphanPhotos(gusp: Gusp, sql: Sql, options: { now?: Date; olderThanMs?: number } = {}): Promise<number> {
  const before = new Date((options.now ?? new Date()).getTime() - (options.olderThanMs ?? ORPHAN_PHOTO_MS));
  await caughtUpReadModels(sql, gusp.city);
  const attached = [...(await shownPhotoIds(sql, 'true', []))];
  return deleteUnattachedPhotos(sql, attached, before);
}

const walkEnd = (w: { startsAt: string; durationMinutes: number }) => Date.parse(w.startsAt) + w.durationMinutes * 60_000;

const registrationKey = (id: string) => `registration:${id}`;
const observationKey = (id: string) => `observation:${id}`;
const countOf = (deleted: readonly string[], kind: 'registration' | 'observation') =>
  deleted.filter((id) => id.startsWith(`${kind}:`)).length;

/**
 * Purges personal data of walks and workshops that ended more than `months` ago (default 12),
 * reporter contacts of observations recorded more than `months` ago, and the
 * emails written more than `months` ago (the outbox keeps their recipient and
 * text), the photos of those observations, and the orphan photos older than a
 * day. Anonymous counts (roles, statuses) and the observations themselves stay.
 */
export async function purgePersonalData(
  gusp: Gusp,
  sql: Sql,
  options: { months?: number; now?: Date; actor?: StaffActorInput } = {},
): Promise<PurgeResult> {
  const months = options.months ?? 12;
  const limit = (options.now ?? new Date()).getTime() - months * MONTH_MS;
  let walks = 0;
  let registrations = 0;
  let observations = 0;
  // From the read models, only what still holds personal data: the walks ended before the limit
  // whose journal still has a sealing key, the observations recorded before it whose reporter's
  // key is still there. Each is then loaded alone (the purge no longer folds the whole city).
  await caughtUpReadModels(sql, gusp.city);
  const endedWalks = await sql.query<{ id: string }>(
    `SELECT w.id FROM read_walks w
     WHERE w.starts_at + (w.doc->'walk'->>'durationMinutes')::bigint * 60000 <= $1
       AND EXISTS (SELECT 1 FROM events e JOIN personal_keys k ON k.id = e.key_id WHERE e.stream = 'walk-' || w.id)
     ORDER BY w.id`,
    [limit],
  );
  for (const { id } of endedWalks.rows) {
    const found = await gusp.walks.get(id);
    if (!found.ok || walkEnd(found.value.walk) > limit) continue;
    const agg = found.value;
    // A coordinator's purge names them on its events (`by`); the CLI's names nobody.
    const purged = await gusp.walks.purgePersonalData(agg.walk.id, options.actor === undefined ? undefined : { actor: options.actor });
    if (!purged.ok) continue;
    const forgotten = await deleteKeys(
      sql,
      agg.registrations.map((r) => registrationKey(r.id)),
    );
    if (forgotten.length > 0) {
      walks++;
      registrations += forgotten.length;
    }
  }
  // Workshops' registrations are a walk's (the same events, sealed the same way): purged the same
  // way, those of workshops ended before the limit whose journal still has a sealing key.
  let workshops = 0;
  const sealedWorkshops = await sql.query<{ stream: string }>(
    `SELECT DISTINCT e.stream FROM events e JOIN personal_keys k ON k.id = e.key_id
     WHERE starts_with(e.stream, 'workshop-') ORDER BY e.stream`,
  );
  for (const { stream } of sealedWorkshops.rows) {
    const found = await gusp.workshops.get(stream.slice('workshop-'.length));
    if (!found.ok || walkEnd(found.value.workshop) > limit) continue;
    const agg = found.value;
    const purged = await gusp.workshops.purgePersonalData(
      agg.workshop.id,
      options.actor === undefined ? undefined : { actor: options.actor },
    );
    if (!purged.ok) continue;
    const forgotten = await deleteKeys(
      sql,
      agg.registrations.map((r) => registrationKey(r.id)),
    );
    if (forgotten.length > 0) {
      workshops++;
      registrations += forgotten.length;
    }
  }
  const reported = await sql.query<{ id: string }>(
    `SELECT o.id FROM read_observations o
     WHERE o.recorded_ms <= $1 AND EXISTS (SELECT 1 FROM personal_keys k WHERE k.id = 'observation:' || o.id)
     ORDER BY o.id`,
    [limit],
  );
  for (const { id } of reported.rows) {
    const o = await gusp.observations.get(id);
    if (o.ok && o.value.reporter)
      await gusp.observations.eraseReporter(id, options.actor === undefined ? undefined : { actor: options.actor });
  }
  observations += (
    await deleteKeys(
      sql,
      reported.rows.map((r) => observationKey(r.id)),
    )
  ).length;
  // The photos of the observations recorded before the limit, but those a later one shows too.
  const old = await shownPhotoIds(sql, 'recorded_ms <= $1', [limit]);
  const kept = await shownPhotoIds(sql, 'recorded_ms > $1', [limit]);
  const photos = await deletePhotos(
    sql,
    [...old].filter((id) => !kept.has(id)),
  );
  const emails = await deleteEmailsBefore(sql, new Date(limit));
  // The deleted keys leave the table's files (and the outbox's deleted rows were ciphertext only).
  if (registrations + observations + emails > 0) await shredDeletedKeys(sql);
  const orphanPhotos = await sweepOrphanPhotos(gusp, sql, options.now ? { now: options.now } : {});
  return { walks, workshops, registrations, observations, emails, photos, orphanPhotos };
}

/**
 * The walks, workshops and observations that hold records of one email address: with `sql`, only the streams
 * whose events are sealed under a key of that address (the keys' `subject`, its digest), each
 * loaded alone, instead of every walk and observation folded to look for it; without, every one.
 * A record whose key is gone was forgotten: neither way finds it.
 */
async function recordsOf(
  gusp: Gusp,
  email: string,
  sql?: Sql,
): Promise<{ walks: WalkAggregate[]; workshops: WorkshopAggregate[]; observations: Observation[] }> {
  if (!sql) return { walks: await gusp.walks.list(), workshops: await gusp.workshops.list(), observations: await gusp.observations.list() };
  const subject = emailDigest(await erasurePepper(sql), email);
  const { rows } = await sql.query<{ stream: string }>(
    'SELECT DISTINCT e.stream FROM events e WHERE e.key_id IN (SELECT k.id FROM personal_keys k WHERE k.subject = $1) ORDER BY e.stream',
    [subject],
  );
  const walks: WalkAggregate[] = [];
  const workshops: WorkshopAggregate[] = [];
  const observations: Observation[] = [];
  for (const { stream } of rows) {
    if (stream.startsWith('walk-')) {
      const walk = await gusp.walks.get(stream.slice('walk-'.length));
      if (walk.ok) walks.push(walk.value);
    } else if (stream.startsWith('workshop-')) {
      const workshop = await gusp.workshops.get(stream.slice('workshop-'.length));
      if (workshop.ok) workshops.push(workshop.value);
    } else if (stream.startsWith('observation-')) {
      const observation = await gusp.observations.get(stream.slice('observation-'.length));
      if (observation.ok) observations.push(observation.value);
    }
  }
  return { walks, workshops, observations };
}

/**
 * The photos of `going` that no other observation shows (the same bytes sent twice share an id):
 * asked of the observations' read model, which keeps each observation's photos.
 */
async function photosShownOnlyBy(sql: Sql, going: readonly Observation[]): Promise<string[]> {
  const ids = [...new Set(going.flatMap((o) => storedPhotoIds(o.photos)))];
  if (ids.length === 0) return [];
  const shown = await shownPhotoIds(sql, 'NOT (id = ANY($1::text[]))', [going.map((o) => o.id)]);
  return ids.filter((id) => !shown.has(id));
}

/**
 * Everything kept about one email address: a person's right of access. With
 * `sql`, the emails written to them too (kind, subject, when; not the text).
 */
export async function exportPersonalData(gusp: Gusp, email: string, sql?: Sql) {
  const wanted = email.trim().toLowerCase();
  const same = (e: string | undefined) => (e ?? '').trim().toLowerCase() === wanted;
  const records = await recordsOf(gusp, wanted, sql);
  const registrations = records.walks.flatMap((agg) =>
    agg.registrations
      .filter((r) => same(r.email))
      .map(({ cancelToken: _token, ...r }) => ({
        ...r,
        walk: { id: agg.walk.id, title: agg.walk.title, startsAt: agg.walk.startsAt, quartierId: agg.walk.quartierId },
      })),
  );
  // A workshop's registrations the same way, with their workshop instead of a walk.
  const atWorkshops = records.workshops.flatMap((agg) =>
    agg.registrations
      .filter((r) => same(r.email))
      .map(({ cancelToken: _token, ...r }) => ({
        ...r,
        workshop: {
          id: agg.workshop.id,
          projectId: agg.workshop.projectId,
          title: agg.workshop.title,
          startsAt: agg.workshop.startsAt,
          quartierId: agg.workshop.quartierId,
        },
      })),
  );
  const observations = records.observations.filter((o) => same(o.reporter?.email));
  const emails = sql ? await emailsTo(sql, wanted) : [];
  return { email: wanted, registrations: [...registrations, ...atWorkshops], observations, emails };
}

/**
 * Erases everything kept about one email address (a person's right to
 * erasure), from views and from the disk: their registrations become
 * anonymous (role and status stay for the counts), their reporter contacts go,
 * and so do the photos of the observations they reported and the emails
 * written to them, sent or still waiting. The keys of their records (found by
 * the views and by the address's digest) are deleted, the key table rewritten,
 * and a checkpoint asked for.
 */
export async function erasePersonalData(
  gusp: Gusp,
  sql: Sql,
  email: string,
  actor?: StaffActorInput,
): Promise<{ registrations: number; observations: number; emails: number; photos: number }> {
  const wanted = email.trim().toLowerCase();
  const same = (e: string | undefined) => (e ?? '').trim().toLowerCase() === wanted;
  const keys: string[] = [];
  // Caught up first: which of their photos others still show is asked of the observations' read model.
  await caughtUpReadModels(sql, gusp.city);
  const records = await recordsOf(gusp, wanted, sql);
  for (const agg of records.walks) {
    const ids = new Set<string>(agg.registrations.filter((r) => same(r.email)).map((r) => r.id));
    for (const id of ids) {
      // Who asked is named on the erasure's event (`by`), as every staff action is.
      await gusp.walks.eraseRegistration(agg.walk.id, id, actor === undefined ? undefined : { actor });
      keys.push(registrationKey(id));
    }
  }
  for (const agg of records.workshops) {
    for (const id of new Set<string>(agg.registrations.filter((r) => same(r.email)).map((r) => r.id))) {
      await gusp.workshops.eraseRegistration(agg.workshop.id, id, actor === undefined ? undefined : { actor });
      keys.push(registrationKey(id));
    }
  }
  const theirs = records.observations.filter((o) => same(o.reporter?.email));
  for (const o of theirs) {
    await gusp.observations.eraseReporter(o.id, actor === undefined ? undefined : { actor });
    keys.push(observationKey(o.id));
  }
  const photos = await deletePhotos(sql, await photosShownOnlyBy(sql, theirs));
  const emails = await deleteEmailsTo(sql, wanted);
  // By record and by the address's digest: a record the views no longer show them in (an erasure
  // interrupted after its events) still loses its key.
  const forgotten = await deleteKeys(sql, keys, wanted);
  await shredDeletedKeys(sql);
  const registrations = countOf(forgotten, 'registration');
  const observations = countOf(forgotten, 'observation');
  return { registrations, observations, emails, photos };
}
