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
 */
import { toICalendar, valence, type CityProfile, type Gusp, type Registration, type Walk, type WalkAggregate } from '@gusp/core';
import nodemailer from 'nodemailer';
import type { Sql } from '../sql.js';
import { committedPosition } from '../store/sql-store.js';
import { renderNotification, type NotificationKind } from './templates.js';

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
}

interface PendingEmail {
  readonly dedupKey: string;
  readonly kind: NotificationKind;
  readonly recipient: string;
  readonly locale: string;
  readonly subject: string;
  readonly body: string;
  readonly ics?: string | undefined;
}

interface EventRow {
  position: string | number;
  stream: string;
  type: string;
  at: string;
  data: Record<string, unknown>;
}

const BATCH = 500;

export function createNotifier(options: NotifierOptions) {
  const { gusp, sql } = options;
  const city: CityProfile = gusp.city ?? valence;
  const log = options.log ?? (() => {});
  const interval = options.intervalMs ?? 2000;
  const retryBase = options.retryBaseMs ?? 5000;
  const maxAge = options.maxEventAgeMs ?? 48 * 3_600_000;
  const reminderWindow = options.reminderMs ?? 24 * 3_600_000;
  const reminderEvery = options.reminderCheckMs ?? 5 * 60_000;
  let lastReminderCheck = 0;
  const transport = nodemailer.createTransport(options.smtpUrl, { connectionTimeout: 5000, greetingTimeout: 5000, socketTimeout: 10_000 } as never);
  const host = new URL(options.publicUrl).hostname || 'gusp';

  const when = (walk: Walk, locale: string) =>
    new Intl.DateTimeFormat(locale.startsWith('en') ? 'en-GB' : 'fr-FR', { dateStyle: 'full', timeStyle: 'short', timeZone: city.timezone }).format(new Date(walk.startsAt));
  const quartierName = (walk: Walk) => city.quartiers.find((q) => q.id === walk.quartierId)?.name ?? walk.quartierId;
  const cancelUrl = (walk: Walk, r: Registration) =>
    `${options.publicUrl}/annulation?walk=${encodeURIComponent(walk.id)}&registration=${encodeURIComponent(r.id)}&token=${encodeURIComponent(r.cancelToken)}`;

  const email = (position: number, kind: NotificationKind, walk: Walk, r: Registration, extra: { position?: number; reason?: string; ics?: boolean } = {}): PendingEmail | undefined => {
    if (!r.email || r.anonymised) return undefined;
    const locale = r.locale || city.locale;
    const { subject, body } = renderNotification(kind, locale, {
      name: r.name,
      walk,
      quartier: quartierName(walk),
      when: when(walk, locale),
      position: extra.position,
      reason: extra.reason,
      cancelUrl: cancelUrl(walk, r),
      reportUrl: `${options.publicUrl}/api/walks/${walk.id}/report.html`,
    });
    return {
      dedupKey: `${position}:${r.id}`,
      kind,
      recipient: r.email,
      locale,
      subject,
      body,
      ics: extra.ics ? toICalendar(walk, city, { locale, url: () => `${options.publicUrl}/api/walks/${walk.id}` }) : undefined,
    };
  };

  /** The emails one event calls for, from the walk as it is now (personal data purged: none). */
  const emailsOf = (event: EventRow, agg: WalkAggregate | undefined): PendingEmail[] => {
    if (!agg) return [];
    const position = Number(event.position);
    const current = (id: string) => agg.registrations.find((r) => r.id === id);
    const active = agg.registrations.filter((r) => r.status === 'confirmed' || r.status === 'waitlisted');
    const out: (PendingEmail | undefined)[] = [];
    switch (event.type) {
      case 'ParticipantRegistered': {
        const data = event.data as { registration: Registration; position?: number };
        const r = current(data.registration.id);
        // Cancelled before we got to it: nothing to confirm.
        if (r && r.status !== 'cancelled') out.push(email(position, data.registration.status === 'waitlisted' ? 'waitlisted' : 'confirmed', agg.walk, { ...r, status: data.registration.status }, { ics: data.registration.status !== 'waitlisted', ...(data.position ? { position: data.position } : {}) }));
        break;
      }
      case 'ParticipantPromoted': {
        const r = current((event.data as { registrationId: string }).registrationId);
        if (r) out.push(email(position, 'promoted', agg.walk, r, { ics: true }));
        break;
      }
      case 'WalkCancelled':
        for (const r of active) out.push(email(position, 'walk-cancelled', agg.walk, r, { reason: String(event.data.reason ?? ''), ics: true }));
        break;
      case 'WalkRescheduled':
        for (const r of active) out.push(email(position, 'walk-rescheduled', agg.walk, r, { ics: true, ...(event.data.reason === undefined ? {} : { reason: String(event.data.reason) }) }));
        break;
      case 'ReportShared':
        for (const r of agg.registrations.filter((x) => x.status === 'attended' || x.status === 'confirmed')) out.push(email(position, 'report-shared', agg.walk, r));
        break;
      default:
        break;
    }
    return out.filter((e): e is PendingEmail => e !== undefined);
  };

  /** Writes the emails of new events to the outbox; returns how many events it read. */
  async function project(): Promise<number> {
    const cursor = Number((await sql.query<{ position: string | number }>('SELECT position FROM notification_cursor')).rows[0]?.position ?? 0);
    // Up to the journal's high-water mark only: no append still in flight can commit below it (see sql-store.ts).
    const last = Math.max(cursor, await committedPosition(sql));
    const { rows } = await sql.query<EventRow>(
      "SELECT position, stream, type, at, data FROM events WHERE position > $1 AND position <= $2 AND starts_with(stream, 'walk-') ORDER BY position LIMIT $3",
      [cursor, last, BATCH],
    );
    const walks = new Map<string, WalkAggregate | undefined>();
    const emails: PendingEmail[] = [];
    const now = Date.now();
    for (const event of rows) {
      if (now - Date.parse(event.at) > maxAge) continue;
      const walkId = event.stream.slice('walk-'.length);
      if (!walks.has(walkId)) {
        const agg = await gusp.walks.get(walkId);
        walks.set(walkId, agg.ok ? agg.value : undefined);
      }
      emails.push(...emailsOf(event, walks.get(walkId)));
    }
    // Events of other streams are skipped by the query: the cursor may still move past them.
    const next = rows.length === BATCH ? Number(rows[rows.length - 1]?.position) : Math.max(last, cursor);
    if (next === cursor) return 0;
    await sql.transaction(async (tx) => {
      for (const e of emails) {
        await tx.query(
          'INSERT INTO outbox (dedup_key, kind, recipient, locale, subject, body, ics) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (dedup_key) DO NOTHING',
          [e.dedupKey, e.kind, e.recipient, e.locale, e.subject, e.body, e.ics ?? null],
        );
      }
      await tx.query('UPDATE notification_cursor SET position = $1 WHERE position = $2', [next, cursor]);
    });
    return rows.length;
  }

  /**
   * The reminder the day before: confirmed people of walks starting within
   * `reminderMs` (default 24 h). Once per person and walk (dedup key).
   */
  async function remind(now = Date.now()): Promise<number> {
    const emails: PendingEmail[] = [];
    for (const agg of await gusp.walks.list()) {
      const start = Date.parse(agg.walk.startsAt);
      if (!['open', 'closed'].includes(agg.walk.status) || start <= now || start - now > reminderWindow) continue;
      for (const r of agg.registrations) {
        if (r.status !== 'confirmed') continue;
        const e = email(0, 'reminder', agg.walk, r);
        if (e) emails.push({ ...e, dedupKey: `reminder:${agg.walk.id}:${agg.walk.startsAt}:${r.id}` });
      }
    }
    let added = 0;
    for (const e of emails) {
      const r = await sql.query(
        'INSERT INTO outbox (dedup_key, kind, recipient, locale, subject, body, ics) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (dedup_key) DO NOTHING',
        [e.dedupKey, e.kind, e.recipient, e.locale, e.subject, e.body, null],
      );
      added += r.rowCount;
    }
    return added;
  }

  /** Sends due emails; returns how many were sent. */
  async function send(): Promise<number> {
    const { rows } = await sql.query<{ id: string | number; recipient: string; subject: string; body: string; ics: string | null; attempts: number }>(
      `UPDATE outbox SET next_attempt_at = now() + interval '120 seconds', attempts = attempts + 1
       WHERE id IN (SELECT id FROM outbox WHERE sent_at IS NULL AND next_attempt_at <= now() ORDER BY id LIMIT 20 FOR UPDATE SKIP LOCKED)
       RETURNING id, recipient, subject, body, ics, attempts`,
    );
    let sent = 0;
    for (const row of rows.sort((a, b) => Number(a.id) - Number(b.id))) {
      try {
        await transport.sendMail({
          from: options.from,
          to: row.recipient,
          subject: row.subject,
          text: row.body,
          messageId: `<outbox-${row.id}@${host}>`,
          ...(row.ics ? { attachments: [{ filename: 'diagnostic-en-marchant.ics', content: row.ics, contentType: 'text/calendar; charset=utf-8; method=PUBLISH' }] } : {}),
        });
        await sql.query('UPDATE outbox SET sent_at = now(), last_error = NULL WHERE id = $1', [row.id]);
        sent++;
      } catch (e) {
        const delay = Math.min(retryBase * 2 ** (row.attempts - 1), 300_000);
        await sql.query(`UPDATE outbox SET next_attempt_at = now() + ($2::double precision * interval '1 millisecond'), last_error = $3 WHERE id = $1`, [row.id, delay, String((e as Error).message ?? e).slice(0, 500)]);
        log({ level: 'warn', msg: 'email not sent, will retry', outboxId: String(row.id), attempts: row.attempts, retryInMs: delay, error: String((e as Error).message ?? e) });
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
      transport.close();
    },
  };
}

export type Notifier = ReturnType<typeof createNotifier>;
