// SPDX-License-Identifier: EUPL-1.2
/** Hands an outbox email to the SMTP server. */
import { icalMethod } from '@gusp/core';
import nodemailer from 'nodemailer';
import type { LeasedEmail } from './outbox.js';

export interface SmtpOptions {
  /** `smtp://host:port` (or `smtps://user:pass@host:465`). */
  readonly smtpUrl: string;
  /** The From address, e.g. `GUSP Valence <gusp@valence.fr>`. */
  readonly from: string;
  /** The host part of Message-IDs (the server's public host). */
  readonly messageIdHost: string;
}

export function smtpSender(options: SmtpOptions) {
  // Short timeouts: an SMTP server that hangs delays a round, the outbox retries later.
  const transport = nodemailer.createTransport({
    url: options.smtpUrl,
    connectionTimeout: 5000,
    greetingTimeout: 5000,
    socketTimeout: 10_000,
  });
  return {
    /**
     * Sends one email. Its Message-ID comes from its outbox id, so a resend
     * after a crash between the server's "OK" and the mark shows once in mail clients.
     */
    async send(email: LeasedEmail): Promise<void> {
      await transport.sendMail({
        from: options.from,
        to: email.recipient,
        subject: email.subject,
        text: email.body,
        messageId: `<outbox-${email.id}@${options.messageIdHost}>`,
        ...(email.ics
          ? {
              attachments: [
                {
                  filename: 'diagnostic-en-marchant.ics',
                  content: email.ics,
                  // The METHOD of the body, read back from it (RFC 6047 §2.4: the two must agree; with none, neither says one).
                  contentType: `text/calendar; charset=utf-8${icalMethod(email.ics) ? `; method=${icalMethod(email.ics)}` : ''}`,
                },
              ],
            }
          : {}),
      });
    },
    close: () => transport.close(),
  };
}
