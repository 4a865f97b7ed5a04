// SPDX-License-Identifier: EUPL-1.2
/**
 * Personal data (RGPD): the purge after a delay, a person's export and erasure.
 *
 * The core's purge appends `PersonalDataPurged` / `ReporterContactErased`, so
 * every view forgets the data; but the journal still holds it in the events
 * that brought it (`ParticipantRegistered`, `ObservationRecorded`). The server
 * therefore redacts those events in place, in the one way the journal allows
 * (see migration 003): same rows, personal fields emptied.
 *
 * Photos are personal data too: the device's re-encode and the server's drop
 * every metadata, not the pixels, and a photo of a street can show a face, a
 * plate or a window. Erasure deletes the photos of the observations a person
 * reported; the purge deletes those of the observations it reaches (they stay,
 * anonymous, for the counts and the map, without their photos); photos sent
 * but never attached to an observation go after a day ({@linkcode sweepOrphanPhotos}).
 * A photo another, kept observation shows too (same bytes, same id) stays.
 */
import type { Gusp, Observation, Registration } from '@gusp/core';
import { deleteEmailsBefore, deleteEmailsTo, emailsTo } from './notify/outbox.js';
import { deletePhotos, deleteUnattachedPhotos, storedPhotoIds } from './photos.js';
import type { Sql } from './sql.js';

export interface PurgeResult {
  readonly walks: number;
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

/** Deletes the photos of `going`, except those an observation of `kept` shows too. */
async function deleteObservationPhotos(sql: Sql, going: readonly Observation[], kept: readonly Observation[]): Promise<number> {
  const stillShown = new Set(kept.flatMap((o) => storedPhotoIds(o.photos)));
  const ids = [...new Set(going.flatMap((o) => storedPhotoIds(o.photos)))].filter((id) => !stillShown.has(id));
  return deletePhotos(sql, ids);
}

/**
 * Deletes the photos sent (`POST /api/photos`) more than `olderThanMs` (a day) before `now` that
 * no observation shows: a page closed before sending its report leaves them behind. The day
 * leaves a person time to finish the report the photo was sent for.
 */
export async function sweepOrphanPhotos(gusp: Gusp, sql: Sql, options: { now?: Date; olderThanMs?: number } = {}): Promise<number> {
  const before = new Date((options.now ?? new Date()).getTime() - (options.olderThanMs ?? ORPHAN_PHOTO_MS));
  const attached = [...new Set((await gusp.observations.list()).flatMap((o) => storedPhotoIds(o.photos)))];
  return deleteUnattachedPhotos(sql, attached, before);
}

const walkEnd = (w: { startsAt: string; durationMinutes: number }) => Date.parse(w.startsAt) + w.durationMinutes * 60_000;

/** Empties personal fields of a stored registration, as the core's fold does. */
const anonymousRegistration = (r: Registration): Registration => {
  const { email: _e, phone: _p, needsNote: _n, ...rest } = r;
  return { ...rest, name: '', needs: [], cancelToken: '', anonymised: true };
};

/** Rewrites the `data` of the events of `stream` that `redact` changes. */
async function redactStream(
  sql: Sql,
  stream: string,
  redact: (type: string, data: Record<string, unknown>) => Record<string, unknown> | undefined,
): Promise<number> {
  return sql.transaction(async (tx) => {
    await tx.query(`SELECT set_config('gusp.redacting', 'on', true)`);
    const { rows } = await tx.query<{ position: string | number; type: string; data: Record<string, unknown> }>(
      'SELECT position, type, data FROM events WHERE stream = $1 ORDER BY version',
      [stream],
    );
    let changed = 0;
    for (const row of rows) {
      const next = redact(row.type, row.data);
      if (next === undefined) continue;
      await tx.query('UPDATE events SET data = $1::json WHERE position = $2', [JSON.stringify(next), row.position]);
      changed++;
    }
    return changed;
  });
}

const redactRegistrations = (ids: ReadonlySet<string> | undefined) => (type: string, data: Record<string, unknown>) => {
  if (type !== 'ParticipantRegistered') return undefined;
  const r = (data as { registration: Registration }).registration;
  if (ids !== undefined && !ids.has(r.id)) return undefined;
  return r.anonymised && r.name === '' ? undefined : { ...data, registration: anonymousRegistration(r) };
};

const redactReporter = (type: string, data: Record<string, unknown>) => {
  if (type !== 'ObservationRecorded') return undefined;
  const { reporter, ...observation } = (data as { observation: Observation }).observation;
  return reporter === undefined ? undefined : { ...data, observation };
};

/**
 * Purges personal data of walks that ended more than `months` ago (default 12),
 * reporter contacts of observations recorded more than `months` ago, and the
 * emails written more than `months` ago (the outbox keeps their recipient and
 * text), the photos of those observations, and the orphan photos older than a
 * day. Anonymous counts (roles, statuses) and the observations themselves stay.
 */
export async function purgePersonalData(gusp: Gusp, sql: Sql, options: { months?: number; now?: Date } = {}): Promise<PurgeResult> {
  const months = options.months ?? 12;
  const limit = (options.now ?? new Date()).getTime() - months * MONTH_MS;
  let walks = 0;
  let registrations = 0;
  let observations = 0;
  for (const agg of await gusp.walks.list()) {
    if (walkEnd(agg.walk) > limit) continue;
    const purged = await gusp.walks.purgePersonalData(agg.walk.id);
    if (!purged.ok) continue;
    const redacted = await redactStream(sql, `walk-${agg.walk.id}`, redactRegistrations(undefined));
    if (redacted > 0) {
      walks++;
      registrations += redacted;
    }
  }
  const all = await gusp.observations.list();
  const old = all.filter((o) => Date.parse(o.recordedAt) <= limit);
  for (const o of old) {
    if (o.reporter) await gusp.observations.eraseReporter(o.id);
    const redacted = await redactStream(sql, `observation-${o.id}`, redactReporter);
    observations += redacted;
  }
  const photos = await deleteObservationPhotos(
    sql,
    old,
    all.filter((o) => !old.includes(o)),
  );
  const emails = await deleteEmailsBefore(sql, new Date(limit));
  const orphanPhotos = await sweepOrphanPhotos(gusp, sql, options.now ? { now: options.now } : {});
  return { walks, registrations, observations, emails, photos, orphanPhotos };
}

/**
 * Everything kept about one email address: a person's right of access. With
 * `sql`, the emails written to them too (kind, subject, when; not the text).
 */
export async function exportPersonalData(gusp: Gusp, email: string, sql?: Sql) {
  const wanted = email.trim().toLowerCase();
  const same = (e: string | undefined) => (e ?? '').trim().toLowerCase() === wanted;
  const registrations = (await gusp.walks.list()).flatMap((agg) =>
    agg.registrations
      .filter((r) => same(r.email))
      .map(({ cancelToken: _token, ...r }) => ({
        ...r,
        walk: { id: agg.walk.id, title: agg.walk.title, startsAt: agg.walk.startsAt, quartierId: agg.walk.quartierId },
      })),
  );
  const observations = (await gusp.observations.list()).filter((o) => same(o.reporter?.email));
  const emails = sql ? await emailsTo(sql, wanted) : [];
  return { email: wanted, registrations, observations, emails };
}

/**
 * Erases everything kept about one email address (a person's right to
 * erasure), from views and from the journal: their registrations become
 * anonymous (role and status stay for the counts), their reporter contacts go,
 * and so do the photos of the observations they reported and the emails
 * written to them, sent or still waiting.
 */
export async function erasePersonalData(
  gusp: Gusp,
  sql: Sql,
  email: string,
): Promise<{ registrations: number; observations: number; emails: number; photos: number }> {
  const wanted = email.trim().toLowerCase();
  const same = (e: string | undefined) => (e ?? '').trim().toLowerCase() === wanted;
  let registrations = 0;
  let observations = 0;
  for (const agg of await gusp.walks.list()) {
    const ids = new Set<string>(agg.registrations.filter((r) => same(r.email)).map((r) => r.id));
    if (ids.size === 0) continue;
    for (const id of ids) await gusp.walks.eraseRegistration(agg.walk.id, id);
    registrations += await redactStream(sql, `walk-${agg.walk.id}`, redactRegistrations(ids));
  }
  const all = await gusp.observations.list();
  const theirs = all.filter((o) => same(o.reporter?.email));
  for (const o of theirs) {
    await gusp.observations.eraseReporter(o.id);
    observations += await redactStream(sql, `observation-${o.id}`, redactReporter);
  }
  const photos = await deleteObservationPhotos(
    sql,
    theirs,
    all.filter((o) => !theirs.includes(o)),
  );
  const emails = await deleteEmailsTo(sql, wanted);
  return { registrations, observations, emails, photos };
}
