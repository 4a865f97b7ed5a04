// SPDX-License-Identifier: EUPL-1.2
/**
 * Copies everything a GUSP server keeps from one database to another —
 * typically from a PGlite data directory to a PostgreSQL server, when a city
 * outgrows the embedded database (`gusp-server copy`). Both databases are
 * migrated first (same schema); the target's journal must be empty.
 *
 * What is copied, in one transaction of the target: the journal (`events`,
 * positions, versions, data kept verbatim as JSON text, redactions
 * included), the position sequence (so new events continue after the last
 * one), `client_commands` (Idempotency-Keys already applied stay applied),
 * `staff_tokens` (hashes only: the same tokens keep working), `staff_accounts`
 * (sealed; their sign-in links and sessions are not: people sign in again), `photos`,
 * the `outbox` (sent and pending emails, sealed, with its id sequence), the
 * notifier's cursor (no email is sent twice, none is lost), `personal_keys`
 * (the keys that unseal personal data, with their erasure index) and
 * `server_secrets` (the index's pepper among them: without it a person's
 * erasure on the new database would not find their keys). Then both sides
 * are compared: row counts and a digest of the journal.
 *
 * The keys travel in the clear over the connection to the target, as the
 * data itself did before it was sealed: use TLS to a remote server.
 */
import type { Sql, SqlSession } from '../sql.js';

export interface CopyReport {
  readonly events: number;
  readonly clientCommands: number;
  readonly staffTokens: number;
  readonly staffAccounts: number;
  readonly photos: number;
  readonly outbox: number;
  readonly personalKeys: number;
  readonly lastPosition: number;
  readonly notificationCursor: number;
  /** md5 of the journal (every column but `recorded_at`, in position order), equal on both sides. */
  readonly journalDigest: string;
}

export class CopyRefused extends Error {}

const BATCH = 1000;

/** Every column that matters of the journal, in order, as one md5 (the same SQL on both sides). */
const JOURNAL_DIGEST = `SELECT md5(coalesce(string_agg(concat_ws('|', position, stream, version, type, at, data::text, coalesce(client_id, ''), coalesce(key_id, '')), E'\\n' ORDER BY position), '')) AS digest FROM events`;

const count = async (sql: SqlSession, table: string) =>
  Number((await sql.query<{ n: string | number }>(`SELECT count(*) AS n FROM ${table}`)).rows[0]?.n ?? 0);

async function versions(sql: Sql): Promise<string> {
  return (await sql.query<{ version: number }>('SELECT version FROM gusp_migrations ORDER BY version')).rows
    .map((r) => r.version)
    .join(',');
}

async function* batches<R>(sql: Sql, select: string, key: string): AsyncGenerator<R[]> {
  let after: string | number | null = null;
  for (;;) {
    const { rows }: { rows: R[] } = await sql.query<R>(
      `${select} ${after === null ? '' : `WHERE ${key} > $2`} ORDER BY ${key} LIMIT $1`,
      after === null ? [BATCH] : [BATCH, after],
    );
    if (rows.length === 0) return;
    yield rows;
    // `key` is qualified (`events.position`): the table's column, not the text alias of the same name.
    after = (rows[rows.length - 1] as Record<string, string | number>)[key.split('.').pop() as string] as string | number;
    if (rows.length < BATCH) return;
  }
}

/** Copies `from` into `to` (both migrated, `to` with an empty journal) and checks the result. */
export async function copyDatabase(from: Sql, to: Sql, log: (record: Record<string, unknown>) => void = () => {}): Promise<CopyReport> {
  const [fromVersions, toVersions] = [await versions(from), await versions(to)];
  if (fromVersions !== toVersions) throw new CopyRefused(`The two databases have different migrations (${fromVersions} / ${toVersions}).`);
  if ((await count(to, 'events')) > 0 || (await count(to, 'staff_tokens')) > 0 || (await count(to, 'staff_accounts')) > 0) {
    throw new CopyRefused('The target database already holds GUSP data (events or tokens): copy only into an empty one.');
  }
  const sequence = (await from.query<{ last_value: string; is_called: boolean }>('SELECT last_value, is_called FROM events_position_seq'))
    .rows[0];
  const cursor = Number((await from.query<{ position: string }>('SELECT position FROM notification_cursor')).rows[0]?.position ?? 0);

  await to.transaction(async (tx) => {
    let events = 0;
    for await (const rows of batches<Record<string, string | null>>(
      from,
      'SELECT position::text AS position, stream, version::text AS version, type, at, data::text AS data, client_id, recorded_at::text AS recorded_at, key_id FROM events',
      'events.position',
    )) {
      const column = (name: string) => rows.map((r) => r[name] ?? null);
      await tx.query(
        `INSERT INTO events (position, stream, version, type, at, data, client_id, recorded_at, key_id)
         SELECT p, s, v, t, a, d::json, c, r::timestamptz, k
         FROM unnest($1::bigint[], $2::text[], $3::int[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[]) AS u(p, s, v, t, a, d, c, r, k)`,
        [
          column('position'),
          column('stream'),
          column('version'),
          column('type'),
          column('at'),
          column('data'),
          column('client_id'),
          column('recorded_at'),
          column('key_id'),
        ],
      );
      events += rows.length;
      log({ level: 'info', msg: 'copying events', copied: events });
    }
    for await (const rows of batches<Record<string, string | null>>(
      from,
      'SELECT client_id, stream, applied_at::text AS applied_at, input_digest FROM client_commands',
      'client_commands.client_id',
    )) {
      // With its input digest: a key reused with another body stays refused after the move.
      await tx.query(
        'INSERT INTO client_commands (client_id, stream, applied_at, input_digest) SELECT c, s, a::timestamptz, d FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS u(c, s, a, d)',
        [rows.map((r) => r.client_id), rows.map((r) => r.stream), rows.map((r) => r.applied_at), rows.map((r) => r.input_digest)],
      );
    }
    for await (const rows of batches<Record<string, string | null>>(
      from,
      'SELECT id, token_sha256, role, organisation_id, label, created_at::text AS created_at, revoked_at::text AS revoked_at, created_by FROM staff_tokens',
      'staff_tokens.id',
    )) {
      for (const r of rows) {
        await tx.query(
          'INSERT INTO staff_tokens (id, token_sha256, role, organisation_id, label, created_at, revoked_at, created_by) VALUES ($1, $2, $3, $4, $5, $6::timestamptz, $7::timestamptz, $8)',
          [r.id, r.token_sha256, r.role, r.organisation_id, r.label, r.created_at, r.revoked_at, r.created_by],
        );
      }
    }
    // Staff accounts (their address and name stay sealed under their key, copied with the others below).
    // Sign-in links and sessions are not copied: short-lived, people sign in again on the new server.
    for await (const rows of batches<Record<string, string | null>>(
      from,
      `SELECT id, email_digest, key_id, sealed, role, organisation_id, invited_by, created_at::text AS created_at,
              deactivated_at::text AS deactivated_at FROM staff_accounts`,
      'staff_accounts.id',
    )) {
      for (const r of rows) {
        await tx.query(
          `INSERT INTO staff_accounts (id, email_digest, key_id, sealed, role, organisation_id, invited_by, created_at, deactivated_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8::timestamptz, $9::timestamptz)`,
          [r.id, r.email_digest, r.key_id, r.sealed, r.role, r.organisation_id, r.invited_by, r.created_at, r.deactivated_at],
        );
      }
    }
    // Photos one by one: each is up to 2 MiB.
    let lastPhoto: string | null = null;
    for (;;) {
      type PhotoRow = { id: string; media_type: string; bytes: Uint8Array; created_at: string };
      const { rows }: { rows: PhotoRow[] } = await from.query<PhotoRow>(
        `SELECT id, media_type, bytes, created_at::text AS created_at FROM photos ${lastPhoto === null ? '' : 'WHERE id > $1'} ORDER BY id LIMIT 1`,
        lastPhoto === null ? [] : [lastPhoto],
      );
      const photo: PhotoRow | undefined = rows[0];
      if (!photo) break;
      await tx.query('INSERT INTO photos (id, media_type, bytes, created_at) VALUES ($1, $2, $3, $4::timestamptz)', [
        photo.id,
        photo.media_type,
        Buffer.from(photo.bytes),
        photo.created_at,
      ]);
      lastPhoto = photo.id;
    }
    for await (const rows of batches<Record<string, string | null>>(
      from,
      `SELECT id::text AS id, dedup_key, kind, locale, key_id, recipient_digest, sealed, created_at::text AS created_at, attempts::text AS attempts,
              next_attempt_at::text AS next_attempt_at, sent_at::text AS sent_at, last_error FROM outbox`,
      'outbox.id',
    )) {
      for (const r of rows) {
        await tx.query(
          `INSERT INTO outbox (id, dedup_key, kind, locale, key_id, recipient_digest, sealed, created_at, attempts, next_attempt_at, sent_at, last_error)
           VALUES ($1::bigint, $2, $3, $4, $5, $6, $7, $8::timestamptz, $9::int, $10::timestamptz, $11::timestamptz, $12)`,
          [
            r.id,
            r.dedup_key,
            r.kind,
            r.locale,
            r.key_id,
            r.recipient_digest,
            r.sealed,
            r.created_at,
            r.attempts,
            r.next_attempt_at,
            r.sent_at,
            r.last_error,
          ],
        );
      }
    }
    // The keys as hex text (one statement per batch, as bytea arrays do not cross both drivers alike).
    for await (const rows of batches<Record<string, string | null>>(
      from,
      `SELECT id, encode(key, 'hex') AS hex, subject, created_at::text AS created_at FROM personal_keys`,
      'personal_keys.id',
    )) {
      await tx.query(
        `INSERT INTO personal_keys (id, key, subject, created_at)
         SELECT i, decode(h, 'hex'), s, c::timestamptz FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS u(i, h, s, c)`,
        [rows.map((r) => r.id), rows.map((r) => r.hex), rows.map((r) => r.subject), rows.map((r) => r.created_at)],
      );
    }
    // The source's secrets win: the pepper must be the one its erasure index was made with.
    for (const r of (
      await from.query<{ name: string; hex: string; created_at: string }>(
        `SELECT name, encode(value, 'hex') AS hex, created_at::text AS created_at FROM server_secrets ORDER BY name`,
      )
    ).rows) {
      await tx.query(
        `INSERT INTO server_secrets (name, value, created_at) VALUES ($1, decode($2, 'hex'), $3::timestamptz)
         ON CONFLICT (name) DO UPDATE SET value = EXCLUDED.value, created_at = EXCLUDED.created_at`,
        [r.name, r.hex, r.created_at],
      );
    }
    await tx.query(`SELECT setval('outbox_id_seq', greatest((SELECT max(id) FROM outbox), 1), (SELECT max(id) FROM outbox) IS NOT NULL)`);
    if (sequence) await tx.query(`SELECT setval('events_position_seq', $1::bigint, $2)`, [sequence.last_value, sequence.is_called]);
    await tx.query('UPDATE notification_cursor SET position = $1', [cursor]);
  });

  // Both sides, compared.
  const report = async (sql: Sql): Promise<CopyReport> => ({
    events: await count(sql, 'events'),
    clientCommands: await count(sql, 'client_commands'),
    staffTokens: await count(sql, 'staff_tokens'),
    staffAccounts: await count(sql, 'staff_accounts'),
    photos: await count(sql, 'photos'),
    outbox: await count(sql, 'outbox'),
    personalKeys: await count(sql, 'personal_keys'),
    lastPosition: Number((await sql.query<{ last: string }>('SELECT last FROM event_position')).rows[0]?.last ?? 0),
    notificationCursor: Number((await sql.query<{ position: string }>('SELECT position FROM notification_cursor')).rows[0]?.position ?? 0),
    journalDigest: (await sql.query<{ digest: string }>(JOURNAL_DIGEST)).rows[0]?.digest ?? '',
  });
  const [source, target] = [await report(from), await report(to)];
  if (JSON.stringify(source) !== JSON.stringify(target)) {
    throw new Error(`The copy differs from its source: ${JSON.stringify({ source, target })}`);
  }
  return target;
}
