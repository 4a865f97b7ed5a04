// SPDX-License-Identifier: EUPL-1.2
/**
 * The outbox's SQL: the cursor of the journal it has read, the emails it
 * holds, their leases and retries, and what the RGPD asks of them.
 */
import type { Sql, SqlSession } from '../sql.js';
import { committedPosition } from '../store/sql-store.js';
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

const INSERT =
  'INSERT INTO outbox (dedup_key, kind, recipient, locale, subject, body, ics) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (dedup_key) DO NOTHING';
const insert = (db: Sql | SqlSession, e: PendingEmail) =>
  db.query(INSERT, [e.dedupKey, e.kind, e.recipient, e.locale, e.subject, e.body, e.ics ?? null]);

export function outboxRepository(sql: Sql) {
  return {
    /** The journal position up to which emails are written. */
    async cursor(): Promise<number> {
      return Number((await sql.query<{ position: string | number }>('SELECT position FROM notification_cursor')).rows[0]?.position ?? 0);
    },
    /** The journal's high-water mark: no append still in flight can commit below it (see sql-store.ts). */
    committedPosition: () => committedPosition(sql),
    /** Events of walk streams after `cursor`, up to `last`, at most `limit`. */
    async walkEvents(cursor: number, last: number, limit: number): Promise<JournalRow[]> {
      const { rows } = await sql.query<JournalRow>(
        "SELECT position, stream, type, at, data FROM events WHERE position > $1 AND position <= $2 AND starts_with(stream, 'walk-') ORDER BY position LIMIT $3",
        [cursor, last, limit],
      );
      return rows;
    },
    /**
     * Writes `emails` and the `failures`, and moves the cursor from `from` to `to`, at once (a
     * second server's move of the same cursor writes nothing twice).
     */
    async write(emails: readonly PendingEmail[], from: number, to: number, failures: readonly NotificationFailure[] = []): Promise<void> {
      await sql.transaction(async (tx) => {
        for (const e of emails) await insert(tx, e);
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
      return (await insert(sql, email)).rowCount;
    },
    /** Leases up to 20 due emails for two minutes, oldest first (another server skips them). */
    async lease(): Promise<LeasedEmail[]> {
      const { rows } = await sql.query<LeasedEmail>(
        `UPDATE outbox SET next_attempt_at = now() + interval '120 seconds', attempts = attempts + 1
         WHERE id IN (SELECT id FROM outbox WHERE sent_at IS NULL AND next_attempt_at <= now() ORDER BY id LIMIT 20 FOR UPDATE SKIP LOCKED)
         RETURNING id, recipient, subject, body, ics, attempts`,
      );
      return rows.sort((a, b) => Number(a.id) - Number(b.id));
    },
    async markSent(id: string | number): Promise<void> {
      await sql.query('UPDATE outbox SET sent_at = now(), last_error = NULL WHERE id = $1', [id]);
    },
    async retryLater(id: string | number, delayMs: number, error: string): Promise<void> {
      await sql.query(
        `UPDATE outbox SET next_attempt_at = now() + ($2::double precision * interval '1 millisecond'), last_error = $3 WHERE id = $1`,
        [id, delayMs, error.slice(0, 500)],
      );
    },
  };
}

export type OutboxRepository = ReturnType<typeof outboxRepository>;

/** The emails written to one address (kind, subject, when; not the text): part of a person's export. */
export async function emailsTo(sql: Sql, email: string) {
  const { rows } = await sql.query<{ kind: string; subject: string; created_at: string | Date; sent_at: string | Date | null }>(
    'SELECT kind, subject, created_at, sent_at FROM outbox WHERE lower(recipient) = $1 ORDER BY id',
    [email],
  );
  return rows.map((r) => ({
    kind: r.kind,
    subject: r.subject,
    createdAt: new Date(r.created_at).toISOString(),
    sentAt: r.sent_at === null ? null : new Date(r.sent_at).toISOString(),
  }));
}

/** Deletes the emails written to one address, sent or not; returns how many. */
export async function deleteEmailsTo(sql: Sql, email: string): Promise<number> {
  return (await sql.query('DELETE FROM outbox WHERE lower(recipient) = $1', [email])).rowCount ?? 0;
}

/** Deletes the emails written before `before` (they hold addresses and names); returns how many. */
export async function deleteEmailsBefore(sql: Sql, before: Date): Promise<number> {
  return (await sql.query('DELETE FROM outbox WHERE created_at < $1', [before.toISOString()])).rowCount ?? 0;
}

/** Moves the notification cursor past every event so far: nobody is told about them (made-up seed data). */
export async function notifyNothingSoFar(sql: Sql): Promise<void> {
  await sql.query('UPDATE notification_cursor SET position = (SELECT last FROM event_position)');
}

/** How many events the notifier skipped because their emails could not be written (`/healthz`). */
export async function failedNotifications(sql: Sql): Promise<number> {
  return Number((await sql.query<{ n: string | number }>('SELECT count(*) AS n FROM notification_failures')).rows[0]?.n ?? 0);
}
