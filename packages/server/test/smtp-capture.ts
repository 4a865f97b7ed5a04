// SPDX-License-Identifier: EUPL-1.2
/**
 * A real SMTP server on loopback (`smtp-server`) that keeps every message it
 * accepts, parsed with mailparser, for the tests that read what GUSP sends.
 */
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import type { Database } from '../src/db.js';
import type { NotifierOptions } from '../src/notify/notifier.js';
import { startServer, type RunningServer, type StartOptions } from '../src/server.js';

export interface SmtpCapture {
  /** Every accepted message, in the order they arrived. */
  readonly messages: ParsedMail[];
  readonly port: number;
  close(): Promise<void>;
}

/** Listens on `port` (0: any free one); accepts any sender without auth or TLS. */
export async function startSmtpCapture(port = 0): Promise<SmtpCapture> {
  const messages: ParsedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream).then(
        (mail) => {
          messages.push(mail);
          callback();
        },
        (e: Error) => callback(e),
      );
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return {
    messages,
    // smtp-server does not type its underlying net.Server
    port: (server as unknown as { server: { address(): AddressInfo } }).server.address().port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The first recipient address of a parsed message's To header. */
export const to = (m: ParsedMail) => (Array.isArray(m.to) ? m.to[0] : m.to)?.value[0]?.address;

/** A server's `notifications` sending to `capture`, in quick rounds (a test waits milliseconds, not seconds). */
export const notifyingTo = (capture: SmtpCapture, extra: Partial<Pick<NotifierOptions, 'reminderCheckMs'>> = {}) => ({
  smtpUrl: `smtp://127.0.0.1:${capture.port}`,
  from: 'GUSP Valence <gusp@valence.example>',
  intervalMs: 50,
  retryBaseMs: 100,
  ...extra,
});

/**
 * A server on `db` whose emails go to a fresh capture (`mailbox`), photo sweeps off; its
 * notifications start at the journal's end, so what the database held before is never sent.
 * `options` go to `startServer` beside them (a suite's `log`, its limits).
 */
export async function startNotifyingServer(
  db: Database,
  options: Omit<StartOptions, 'database' | 'notifications'> = {},
): Promise<{ server: RunningServer; mailbox: SmtpCapture }> {
  await db.sql.query('UPDATE notification_cursor SET position = (SELECT last FROM event_position)');
  const mailbox = await startSmtpCapture();
  const server = await startServer({ database: db, photoSweep: false, ...options, notifications: notifyingTo(mailbox) });
  return { server, mailbox };
}

/**
 * The emails `capture` received for `email` whose subject matches, once `atLeast` (one by default)
 * have arrived; after `timeoutMs` (10 s) it throws, naming the subjects that did come to `email`.
 */
export async function mailsTo(
  capture: SmtpCapture,
  email: string,
  subject: RegExp,
  { atLeast = 1, timeoutMs = 10_000 }: { readonly atLeast?: number; readonly timeoutMs?: number } = {},
): Promise<ParsedMail[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = capture.messages.filter((m) => to(m) === email && subject.test(m.subject ?? ''));
    if (found.length >= atLeast) return found;
    if (Date.now() > deadline)
      throw new Error(
        `no email "${String(subject)}" to ${email}: ${capture.messages
          .filter((m) => to(m) === email)
          .map((m) => m.subject ?? '')
          .join(', ')}`,
      );
    await new Promise((r) => setTimeout(r, 50));
  }
}
