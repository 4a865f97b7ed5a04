// SPDX-License-Identifier: EUPL-1.2
/**
 * Telling people, without losing or repeating a message:
 * 1. `project()` reads the journal after a cursor, up to its high-water mark
 *    (no append in flight can commit below it, so none is skipped), and writes the emails to the
 *    `outbox`, each with a dedup key (event position + recipient): written
 *    once even if two servers project the same events;
 * 2. `send()` leases due rows (`FOR UPDATE SKIP LOCKED`), hands them to the
 *    SMTP server, and marks them sent; a failure is retried with backoff.
 * An SMTP outage delays emails and loses none. The one window for a repeat is
 * a crash between the SMTP server's "OK" and the mark: the resent email keeps
 * its Message-ID, so mail clients show it once.
 *
 * Which emails an event makes is `emails.ts` (pure); the SQL is `outbox.ts`;
 * the SMTP side is `smtp.ts`. This file runs the rounds.
 */
import { valence, type Gusp, type WalkAggregate, type WorkshopAggregate } from '@gusp/core';
import type { ReadModels } from '../read/read-models.js';
import { walksDueForReminder } from '../read/walks.js';
import { workshopsDueForReminder } from '../read/workshops.js';
import type { Sql } from '../sql.js';
import {
  eventEmails,
  reminderEmails,
  workshopEventEmails,
  workshopReminderEmails,
  type EmailContext,
  type PendingEmail,
} from './emails.js';
import { outboxRepository, type JournalRow, type NotificationFailure } from './outbox.js';
import { restitutionOf, type Restitution } from './restitution.js';
import { listAccounts } from '../staff/accounts.js';
import { smtpSender } from './smtp.js';
import { verificationEmailsOf } from './verification.js';

export interface NotifierOptions {
  readonly gusp: Gusp;
  readonly sql: Sql;
  /** `smtp://host:port` (or `smtps://user:pass@host:465`). */
  readonly smtpUrl: string;
  /** The From address, e.g. `GUSP Valence <gusp@valence.fr>`. */
  readonly from: string;
  /** Public base URL of the server, for cancel links and reports. */
  readonly publicUrl: string;
  /** Time between two rounds (default 2 s). */
  readonly intervalMs?: number;
  /** First retry delay; doubles at each failure up to 5 minutes (default 5 s). */
  readonly retryBaseMs?: number;
  /** Events older than this are not notified (default 48 h): a late SMTP setup does not send stale news. */
  readonly maxEventAgeMs?: number;
  /** How long before a walk its reminder goes (default 24 h). */
  readonly reminderMs?: number;
  /** How often walks are looked at for reminders (default 5 min). */
  readonly reminderCheckMs?: number;
  readonly log?: (record: Record<string, unknown>) => void;
  /**
   * The read models of `sql` (the reminders pick their walks from `read_walks`): awaited before
   * each look for reminders when given; without them the rows may be a moment behind the journal.
   */
  readonly readModels?: Pick<ReadModels, 'caughtUp'> | undefined;
}

const BATCH = 500;

const messageOf = (e: unknown) => String((e as Error)?.message ?? e);
const failureOf = (event: JournalRow, e: unknown): NotificationFailure => ({
  position: Number(event.position),
  stream: event.stream,
  type: event.type,
  reason: messageOf(e),
});

/**
 * Whether the database refused what was written (SQLSTATE class 22, data exception: a U+0000,
 * an invalid byte sequence; or 23, integrity), which writing it again would not change. Any
 * other error (the database down, a lock) fails the round, which is retried as a whole.
 */
const refusedData = (e: unknown): boolean => {
  const code = (e as { code?: unknown })?.code;
  return typeof code === 'string' && /^2[23]/.test(code);
};

export function createNotifier(options: NotifierOptions) {
  const { gusp } = options;
  const ctx: EmailContext = { city: gusp.city ?? valence, publicUrl: options.publicUrl, from: options.from };
  const outbox = outboxRepository(options.sql);
  const smtp = smtpSender({ smtpUrl: options.smtpUrl, from: options.from, messageIdHost: new URL(options.publicUrl).hostname || 'gusp' });
  const log = options.log ?? (() => {});
  const interval = options.intervalMs ?? 2000;
  const retryBase = options.retryBaseMs ?? 5000;
  const maxAge = options.maxEventAgeMs ?? 48 * 3_600_000;
  const reminderWindow = options.reminderMs ?? 24 * 3_600_000;
  const reminderEvery = options.reminderCheckMs ?? 5 * 60_000;
  let lastReminderCheck = 0;

  /** Who a walk's shared compte-rendu reaches: its registrants, and the organisations concerned with their staff accounts. */
  async function restitutionFor(agg: WalkAggregate): Promise<Restitution> {
    const [observations, engagements, accounts] = await Promise.all([
      gusp.observations.list(),
      gusp.engagements.list(),
      listAccounts(options.sql),
    ]);
    return restitutionOf(ctx.city, agg, observations, engagements, accounts);
  }

  /**
   * Writes the emails of new events to the outbox; returns how many events it read.
   * One event whose emails cannot be built or written (data the database refuses, a bug) is
   * recorded in `notification_failures` with why, and skipped: the events after it are still told.
   */
  async function project(): Promise<number> {
    const cursor = await outbox.cursor();
    // Up to the journal's high-water mark only: no append still in flight can commit below it.
    const last = Math.max(cursor, await outbox.committedPosition());
    const rows = await outbox.walkEvents(cursor, last, BATCH);
    const walks = new Map<string, WalkAggregate | undefined>();
    const workshops = new Map<string, WorkshopAggregate | undefined>();
    const made: { readonly event: JournalRow; readonly emails: PendingEmail[]; readonly failure?: NotificationFailure }[] = [];
    const now = Date.now();
    for (const event of rows) {
      if (now - Date.parse(event.at) > maxAge) continue;
      const walkId = event.stream.slice('walk-'.length);
      try {
        // An engagement done (the only event of an engagement's stream the query reads): « Est-ce réglé ? ».
        if (event.stream.startsWith('engagement-')) {
          made.push({ event, emails: await verificationEmailsOf(gusp, ctx, event) });
          continue;
        }
        // A workshop's sign-ups: the walk's very emails, in the words of an « atelier ».
        if (event.stream.startsWith('workshop-')) {
          const workshopId = event.stream.slice('workshop-'.length);
          if (!workshops.has(workshopId)) {
            const agg = await gusp.workshops.get(workshopId);
            workshops.set(workshopId, agg.ok ? agg.value : undefined);
          }
          made.push({ event, emails: workshopEventEmails(ctx, event, workshops.get(workshopId)) });
          continue;
        }
        if (!walks.has(walkId)) {
          const agg = await gusp.walks.get(walkId);
          walks.set(walkId, agg.ok ? agg.value : undefined);
        }
        const agg = walks.get(walkId);
        // A shared compte-rendu also goes to the organisations concerned: their accounts are looked up here.
        const more = event.type === 'ReportShared' && agg ? { restitution: await restitutionFor(agg) } : {};
        made.push({ event, emails: eventEmails(ctx, event, agg, more) });
      } catch (e) {
        // A database or network error (it has a code) may pass: the round fails and is retried. A bug on this event's data is skipped.
        if ((e as { code?: unknown })?.code !== undefined && !refusedData(e)) throw e;
        made.push({ event, emails: [], failure: failureOf(event, e) });
      }
    }
    // Events of other streams are skipped by the query: the cursor may still move past them.
    const next = rows.length === BATCH ? Number(rows[rows.length - 1]?.position) : Math.max(last, cursor);
    if (next === cursor) return 0;
    try {
      await outbox.write(
        made.flatMap((m) => m.emails),
        cursor,
        next,
        made.flatMap((m) => (m.failure ? [m.failure] : [])),
      );
    } catch (e) {
      if (!refusedData(e)) throw e;
      // The database refused something of this batch: write it event by event, to skip only the one it refuses.
      let from = cursor;
      for (const m of made) {
        const at = Number(m.event.position);
        try {
          await outbox.write(m.emails, from, at, m.failure ? [m.failure] : []);
        } catch (one) {
          if (!refusedData(one)) throw one;
          await outbox.write([], from, at, [failureOf(m.event, one)]);
        }
        from = at;
      }
      await outbox.write([], from, next);
    }
    for (const m of made)
      if (m.failure)
        log({
          level: 'error',
          msg: 'notification skipped: its emails could not be made',
          position: Number(m.event.position),
          stream: m.event.stream,
          type: m.event.type,
          error: m.failure.reason,
        });
    return rows.length;
  }

  /**
   * The reminder the day before: confirmed people of walks (and workshops) starting within
   * `reminderMs` (default 24 h). Once per person and walk (dedup key).
   */
  async function remind(now = Date.now()): Promise<number> {
    let added = 0;
    // The walks' read model says which walks are due; only their streams are read (for the registrations).
    await options.readModels?.caughtUp();
    const due: WalkAggregate[] = [];
    for (const id of await walksDueForReminder(options.sql, now, reminderWindow)) {
      const agg = await gusp.walks.get(id);
      if (agg.ok) due.push(agg.value);
    }
    for (const e of reminderEmails(ctx, due, now, reminderWindow)) added += await outbox.add(e);
    // Workshops the same way, from their read model (read/workshops.ts).
    const workshops: WorkshopAggregate[] = [];
    for (const id of await workshopsDueForReminder(options.sql, now, reminderWindow)) {
      const agg = await gusp.workshops.get(id);
      if (agg.ok) workshops.push(agg.value);
    }
    for (const e of workshopReminderEmails(ctx, workshops, now, reminderWindow)) added += await outbox.add(e);
    return added;
  }

  /** Sends due emails; returns how many were sent. */
  async function send(): Promise<number> {
    let sent = 0;
    for (const email of await outbox.lease()) {
      try {
        await smtp.send(email);
        await outbox.markSent(email.id);
        sent++;
      } catch (e) {
        const delay = Math.min(retryBase * 2 ** (email.attempts - 1), 300_000);
        await outbox.retryLater(email.id, delay, String((e as Error).message ?? e));
        log({
          level: 'warn',
          msg: 'email not sent, will retry',
          outboxId: String(email.id),
          attempts: email.attempts,
          retryInMs: delay,
          error: String((e as Error).message ?? e),
        });
      }
    }
    return sent;
  }

  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let stopped = false;
  const tick = async () => {
    try {
      while ((await project()) > 0) {
        /* catch up in batches */
      }
      if (Date.now() - lastReminderCheck >= reminderEvery) {
        lastReminderCheck = Date.now();
        await remind();
      }
      await send();
    } catch (e) {
      log({ level: 'error', msg: 'notifier round failed', error: String((e as Error).stack ?? e) });
    }
  };
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = tick().finally(schedule);
    }, interval);
  };

  return {
    project,
    remind,
    send,
    /** Starts the rounds. */
    start() {
      stopped = false;
      schedule();
    },
    /** Stops after the current round. */
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
      smtp.close();
    },
  };
}

export type Notifier = ReturnType<typeof createNotifier>;
