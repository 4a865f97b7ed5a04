// SPDX-License-Identifier: EUPL-1.2
/**
 * The outbox's SQL: the cursor of the journal it has read, the emails it
 * holds, their leases and retries, and what the RGPD asks of them.
 *
 * An email names and addresses a person: each row is sealed under its own
 * key (`email:<random>` in `personal_keys`, see store/personal-keys.ts), with
 * the address's HMAC beside it to find a person's emails. Erasing the key
 * makes the row noise, in the table, its WAL and its free space alike.
 */
import { createHmac, randomUUID } from 'node:crypto';
import type { Sql, SqlSession } from '../sql.js';
import { emailDigest, erasurePepper, newKey, openEventData, seal, unseal } from '../store/personal-keys.js';
import { committedPosition, EVENTS_WITH_KEYS } from '../store/sql-store.js';
import type { PendingEmail, WalkEvent } from './emails.js';

export interface JournalRow extends WalkEvent {
  readonly stream: string;
  readonly at: string;
}

export interface LeasedEmail {
  readonly id: string | number;
  readonly recipient: string;
  readonly subject: string;
  readonly body: string;
  readonly ics: string | null;
  readonly attempts: number;
}

/** An event whose emails could not be written: skipped, and kept here with why. */
export interface NotificationFailure {
  readonly position: number;
  readonly stream: string;
  readonly type: string;
  readonly reason: string;
}

// eslint-disable-next-line no-control-regex -- control characters are what this removes
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
/** The reason as the database takes it: the error that stopped an event may quote the very byte it refused. */
const printable = (reason: string) => reason.replace(CONTROL, '\uFFFD').slice(0, 500);

/** What a row seals: everything that names or addresses the person. */
interface EmailContent {
  readonly recipient: string;
  readonly subject: string;
  readonly body: string;
  readonly ics: string | null;
}
const context = (keyId: string) => `email|${keyId}`;

/** The dedup key (event position and recipient) as stored: an HMAC, since it names the recipient. */
export const dedupDigest = (pepper: Uint8Array, dedupKey: string) =>
  createHmac('sha256', pepper).update(`dedup|${dedupKey}`).digest('base64url');

/** One email as the outbox stores it: sealed under a new key, found by its recipient's digest. */
export function sealEmail(pepper: Uint8Array, content: EmailContent) {
  const key = newKey();
  const keyId = `email:${randomUUID()}`;
  return {
    keyId,
    hex: key.toString('hex'),
    digest: emailDigest(pepper, content.recipient),
    sealed: seal(key, context(keyId), content),
    key,
  };
}

/** The row's content, or `undefined` when its key is gone (the person was erased meanwhile). */
const openEmail = (keyId: string, key: Uint8Array | null, sealed: string): EmailContent | undefined =>
  key ? (unseal(key, context(keyId), sealed) as EmailContent) : undefined;

// The key only when the row is new: a dedup key met again adds neither.
const INSERT = `WITH o AS (INSERT INTO outbox (dedup_key, kind, locale, key_id, recipient_digest, sealed) VALUES ($1, $2, $3, $4, $5, $6)
                 ON CONFLICT (dedup_key) DO NOTHING RETURNING key_id)
  INSERT INTO personal_keys (id, key, subject) SELECT o.key_id, decode($7, 'hex'), $5 FROM o`;
const insert = async (db: Sql | SqlSession, pepper: Uint8Array, e: PendingEmail) => {
  // Sealed, a U+0000 would pass the database (which refuses it in text) and reach the mail server,
  // which must not get one either (RFC 5322). Refused here as the database refused it before, with
  // its SQLSTATE (22021, a character not in the encoding), so the notifier records the event as failed.
  for (const text of [e.recipient, e.subject, e.body, e.ics ?? ''])
    if (text.includes('\u0000')) throw Object.assign(new Error('invalid byte sequence for an email: 0x00 (U+0000)'), { code: '22021' });
  const row = sealEmail(pepper, { recipient: e.recipient, subject: e.subject, body: e.body, ics: e.ics ?? null });
  return db.query(INSERT, [dedupDigest(pepper, e.dedupKey), e.kind, e.locale, row.keyId, row.digest, row.sealed, row.hex]);
};

export function outboxRepository(sql: Sql) {
  return {
    /** The journal position up to which emails are written. */
    async cursor(): Promise<number> {
      return Number((await sql.query<{ position: string | number }>('SELECT position FROM notification_cursor')).rows[0]?.position ?? 0);
    },
    /** The journal's high-water mark: no append still in flight can commit below it (see sql-store.ts). */
    committedPosition: () => committedPosition(sql),
    /** Events of walk and workshop streams (the same registrations, the same emails), and engagements' completions, after `cursor`, up to `last`, at most `limit`. */
    async walkEvents(cursor: number, last: number, limit: number): Promise<JournalRow[]> {
      const { rows } = await sql.query<JournalRow & { key_id: string | null; key: Uint8Array | null }>(
        `${EVENTS_WITH_KEYS} WHERE e.position > $1 AND e.position <= $2
         AND (starts_with(e.stream, 'walk-') OR starts_with(e.stream, 'workshop-')
              OR (starts_with(e.stream, 'engagement-') AND e.type = 'EngagementCompleted')) ORDER BY e.position LIMIT $3`,
        [cursor, last, limit],
      );
      return rows.map(({ key_id, key, ...row }) => ({ ...row, data: openEventData(row.type, row.data, key_id, key) }) as JournalRow);
    },
    /**
     * Writes `emails` and the `failures`, and moves the cursor from `from` to `to`, at once (a
     * second server's move of the same cursor writes nothing twice).
     */
    async write(emails: readonly PendingEmail[], from: number, to: number, failures: readonly NotificationFailure[] = []): Promise<void> {
      const pepper = await erasurePepper(sql);
      await sql.transaction(async (tx) => {
        for (const e of emails) await insert(tx, pepper, e);
        for (const f of failures)
          await tx.query(
            'INSERT INTO notification_failures (position, stream, type, reason) VALUES ($1, $2, $3, $4) ON CONFLICT (position) DO NOTHING',
            [f.position, f.stream, f.type, printable(f.reason)],
          );
        await tx.query('UPDATE notification_cursor SET position = $1 WHERE position = $2', [to, from]);
      });
    },
    /** Writes one email; 1 when it was new, 0 when its dedup key was there. */
    async add(email: PendingEmail): Promise<number> {
      return (await insert(sql, await erasurePepper(sql), email)).rowCount;
    },
    /** Leases up to 20 due emails for two minutes, oldest first (another server skips them). */
    async lease(): Promise<LeasedEmail[]> {
      const { rows } = await sql.query<{ id: string | number; key_id: string; sealed: string; attempts: number; key: Uint8Array | null }>(
        `WITH leased AS (
           UPDATE outbox SET next_attempt_at = now() + interval '120 seconds', attempts = attempts + 1
           WHERE id IN (SELECT id FROM outbox WHERE sent_at IS NULL AND next_attempt_at <= now() ORDER BY id LIMIT 20 FOR UPDATE SKIP LOCKED)
           RETURNING id, key_id, sealed, attempts)
         SELECT leased.*, k.key FROM leased LEFT JOIN personal_keys k ON k.id = leased.key_id`,
      );
      const leased: LeasedEmail[] = [];
      const forgotten: (string | number)[] = [];
      for (const r of rows) {
        const content = openEmail(r.key_id, r.key, r.sealed);
        if (content) leased.push({ id: r.id, attempts: r.attempts, ...content });
        else forgotten.push(r.id);
      }
      // Its key is gone: the person was erased (or the email purged) while it waited. Nobody to write to.
      if (forgotten.length > 0) await sql.query('DELETE FROM outbox WHERE id = ANY($1::bigint[])', [forgotten]);
      return leased.sort((a, b) => Number(a.id) - Number(b.id));
    },
    async markSent(id: string | number): Promise<void> {
      await sql.query('UPDATE outbox SET sent_at = now(), last_error = NULL WHERE id = $1', [id]);
    },
    async retryLater(id: string | number, delayMs: number, error: string): Promise<void> {
      // Sealed with the row's key: a mail server's refusal quotes the address.
      const row = (
        await sql.query<{ key_id: string; key: Uint8Array | null }>(
          'SELECT o.key_id, k.key FROM outbox o LEFT JOIN personal_keys k ON k.id = o.key_id WHERE o.id = $1',
          [id],
        )
      ).rows[0];
      const sealed = row?.key ? seal(row.key, `${context(row.key_id)}|error`, error.slice(0, 500)) : '';
      await sql.query(
        `UPDATE outbox SET next_attempt_at = now() + ($2::double precision * interval '1 millisecond'), last_error = $3 WHERE id = $1`,
        [id, delayMs, sealed],
      );
    },
  };
}

export type OutboxRepository = ReturnType<typeof outboxRepository>;

/** The emails written to one address (kind, subject, when; not the text): part of a person's export. */
export async function emailsTo(sql: Sql, email: string) {
  const { rows } = await sql.query<{
    kind: string;
    key_id: string;
    key: Uint8Array | null;
    sealed: string;
    created_at: string | Date;
    sent_at: string | Date | null;
  }>(
    'SELECT o.kind, o.key_id, k.key, o.sealed, o.created_at, o.sent_at FROM outbox o LEFT JOIN personal_keys k ON k.id = o.key_id WHERE o.recipient_digest = $1 ORDER BY o.id',
    [emailDigest(await erasurePepper(sql), email)],
  );
  return rows.flatMap((r) => {
    const content = openEmail(r.key_id, r.key, r.sealed);
    return content
      ? [
          {
            kind: r.kind,
            subject: content.subject,
            createdAt: new Date(r.created_at).toISOString(),
            sentAt: r.sent_at === null ? null : new Date(r.sent_at).toISOString(),
          },
        ]
      : [];
  });
}

/** Every email of the outbox, unsealed (those whose key is gone left out): for operators' scripts and tests. */
export async function readOutbox(sql: Sql) {
  const { rows } = await sql.query<{
    id: string | number;
    kind: string;
    key_id: string;
    key: Uint8Array | null;
    sealed: string;
    sent_at: string | Date | null;
    last_error: string | null;
  }>(
    'SELECT o.id, o.kind, o.key_id, k.key, o.sealed, o.sent_at, o.last_error FROM outbox o LEFT JOIN personal_keys k ON k.id = o.key_id ORDER BY o.id',
  );
  return rows.flatMap((r) => {
    const content = openEmail(r.key_id, r.key, r.sealed);
    if (!content || !r.key) return [];
    const lastError = r.last_error ? (unseal(r.key, `${context(r.key_id)}|error`, r.last_error) as string) : null;
    return [{ id: r.id, kind: r.kind, ...content, sentAt: r.sent_at, lastError }];
  });
}

/** Deletes the emails written to one address, sent or not, and their keys; returns how many. */
export async function deleteEmailsTo(sql: Sql, email: string): Promise<number> {
  const digest = emailDigest(await erasurePepper(sql), email);
  const { rows } = await sql.query<{ key_id: string }>('DELETE FROM outbox WHERE recipient_digest = $1 RETURNING key_id', [digest]);
  await sql.query('DELETE FROM personal_keys WHERE id = ANY($1::text[])', [rows.map((r) => r.key_id)]);
  return rows.length;
}

/** Deletes the emails written before `before` (they hold addresses and names) and their keys; returns how many. */
export async function deleteEmailsBefore(sql: Sql, before: Date): Promise<number> {
  const { rows } = await sql.query<{ key_id: string }>('DELETE FROM outbox WHERE created_at < $1 RETURNING key_id', [before.toISOString()]);
  await sql.query('DELETE FROM personal_keys WHERE id = ANY($1::text[])', [rows.map((r) => r.key_id)]);
  return rows.length;
}

/** Moves the notification cursor past every event so far: nobody is told about them (made-up seed data). */
export async function notifyNothingSoFar(sql: Sql): Promise<void> {
  await sql.query('UPDATE notification_cursor SET position = (SELECT last FROM event_position)');
}

/** How many events the notifier skipped because their emails could not be written (`/healthz`). */
export async function failedNotifications(sql: Sql): Promise<number> {
  return Number((await sql.query<{ n: string | number }>('SELECT count(*) AS n FROM notification_failures')).rows[0]?.n ?? 0);
}
