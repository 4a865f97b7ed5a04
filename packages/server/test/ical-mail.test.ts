// SPDX-License-Identifier: EUPL-1.2
/**
 * Issue 11, iCalendar in emails: the attachment is an iTIP message whose MIME part and body
 * name the same METHOD (RFC 6047 §2.4: it said `method=PUBLISH` over a body with no METHOD),
 * CANCEL when the walk is cancelled, with an ORGANIZER; and its SEQUENCE follows the walk's
 * history (the cancel mail repeated the reschedule's 1). Received by a real SMTP server on
 * loopback, parsed with mailparser and ical.js.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import ICAL from 'ical.js';
import type { ParsedMail } from 'mailparser';
import { createToken } from '../src/auth.js';
import type { Database } from '../src/db.js';
import { openMigratedDatabase, startServer, type RunningServer } from '../src/server.js';
import { call, inDays, openWalk, person } from './harness.js';
import { notifyingTo, startSmtpCapture, type SmtpCapture } from './smtp-capture.js';

const PUBLIC = 'https://gusp.ville.example';

async function eventually<T>(find: () => T | undefined, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const found = find();
    if (found !== undefined) return found;
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The calendar part of a mail: its MIME `method` parameter, and the VCALENDAR of its body. */
function calendarPart(mail: ParsedMail) {
  const part = mail.attachments.find((a) => a.contentType === 'text/calendar');
  assert.ok(part, `an .ics in « ${mail.subject ?? ''} »`);
  const header = part.headers.get('content-type') as { value: string; params: Record<string, string> } | undefined;
  const calendar = new ICAL.Component(ICAL.parse(part.content.toString('utf8')));
  return { mimeMethod: header?.params.method, calendar, event: calendar.getFirstSubcomponent('vevent') };
}

describe('calendar attachments of the emails (issue 11)', () => {
  let db: Database;
  let server: RunningServer;
  let smtp: SmtpCapture;

  before(async () => {
    smtp = await startSmtpCapture();
    db = await openMigratedDatabase({});
    server = await startServer({
      database: db,
      publicUrl: PUBLIC,
      proofOfWork: false,
      notifications: notifyingTo(smtp),
    });
  });
  after(async () => {
    await server?.close();
    await smtp?.close();
    await db?.close();
  });

  test('sign-up, reschedule, cancellation: one METHOD in the MIME part and the body, SEQUENCE 0, 1, 2', async () => {
    const coordinator = { authorization: `Bearer ${(await createToken(db.sql, { role: 'coordinator' })).token}` };
    const id = await openWalk(server.gusp, { capacity: 5 });
    const email = 'itip-1@example.org';
    const signed = await call(server.url, 'POST', `/api/walks/${id}/registrations`, { body: person('itip-1', { email }) });
    assert.equal(signed.status, 201, JSON.stringify(signed.body));
    const mailOf = (subject: RegExp) =>
      eventually(() =>
        smtp.messages.find((m) => m.to && !Array.isArray(m.to) && m.to.value[0]?.address === email && subject.test(m.subject ?? '')),
      );

    const confirmation = calendarPart(await mailOf(/^Inscription confirmée/));
    const moved = await call(server.url, 'POST', `/api/walks/${id}/reschedule`, {
      body: { startsAt: inDays(200) },
      headers: { ...coordinator, 'idempotency-key': `itip-move-${id}` },
    });
    assert.equal(moved.status, 200, JSON.stringify(moved.body));
    const rescheduled = calendarPart(await mailOf(/^Nouvelle date/));
    const cancelled = await call(server.url, 'POST', `/api/walks/${id}/cancel`, {
      body: { reason: 'Alerte orages' },
      headers: { ...coordinator, 'idempotency-key': `itip-cancel-${id}` },
    });
    assert.equal(cancelled.status, 200, JSON.stringify(cancelled.body));
    const cancellation = calendarPart(await mailOf(/^Annulé/));

    const seen = [confirmation, rescheduled, cancellation].map((p) => ({
      mime: p.mimeMethod,
      body: p.calendar.getFirstPropertyValue('method'),
      sequence: p.event?.getFirstPropertyValue('sequence'),
      status: p.event?.getFirstPropertyValue('status'),
      organizer: p.event?.getFirstPropertyValue('organizer'),
      url: p.event?.getFirstPropertyValue('url'),
    }));
    const organizer = 'mailto:gusp@valence.example';
    const url = `${PUBLIC}/marches/${id}`;
    assert.deepEqual(seen, [
      { mime: 'PUBLISH', body: 'PUBLISH', sequence: 0, status: 'CONFIRMED', organizer, url },
      { mime: 'PUBLISH', body: 'PUBLISH', sequence: 1, status: 'CONFIRMED', organizer, url },
      { mime: 'CANCEL', body: 'CANCEL', sequence: 2, status: 'CANCELLED', organizer, url },
    ]);
    assert.equal(cancellation.event?.getFirstProperty('organizer')?.getParameter('cn'), 'GUSP Valence');
    // The feed says what the last mail said.
    const feed = new ICAL.Component(ICAL.parse(await (await fetch(`${server.url}/api/walks.ics`)).text()));
    const inFeed = feed.getAllSubcomponents('vevent').find((v) => v.getFirstPropertyValue('uid') === `walk-${id}@gusp`);
    assert.equal(inFeed?.getFirstPropertyValue('sequence'), 2);
  });
});
