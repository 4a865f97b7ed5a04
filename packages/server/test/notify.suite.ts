// SPDX-License-Identifier: EUPL-1.2
/**
 * Notifications against a real SMTP server on loopback (`smtp-server`), the
 * same suite on every backend: the confirmation arrives with a valid .ics and
 * a working cancel link; with the SMTP server down, sign-ups still succeed and
 * their emails arrive once it is back, each exactly once.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import ICAL from 'ical.js';
import type { Database } from '../src/db.js';
import { createToken } from '../src/auth.js';
import { readOutbox } from '../src/notify/outbox.js';
import { purgePersonalData } from '../src/privacy.js';
import { seedValence } from '../src/seed/valence.js';
import { startServer, type RunningServer } from '../src/server.js';
import { call, inDays, openWalk, person, type Backend } from './harness.js';
import { notifyingTo, startSmtpCapture, to, type SmtpCapture } from './smtp-capture.js';

/** Waits until `check` holds (at most `ms`). */
async function eventually(check: () => boolean, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Waits until the outbox holds `count` emails to recipients matching `like`, every one of them sent.
 * A row is sent (its `sent_at` set) only after the SMTP server accepted it, and is never leased
 * again: from then on the mailbox holds all it will ever get for them, with no wait-and-see.
 */
async function allSent(sql: Database['sql'], like: string, count: number, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  for (;;) {
    const emails = await outboxTo(sql, like);
    const row = { n: emails.length, unsent: emails.filter((e) => e.sentAt === null).length };
    if (Number(row?.n) === count && Number(row?.unsent) === 0) return;
    if (Date.now() > end) throw new Error(`timed out waiting for ${count} sent emails to ${like}: ${JSON.stringify(row)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * The outbox's emails to recipients matching `like` (SQL LIKE: `%` for any text), unsealed: the
 * table holds them encrypted (store/personal-keys.ts), so they are read as the notifier reads them.
 */
async function outboxTo(sql: Database['sql'], like: string) {
  const literal = (part: string) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(`^${like.split('%').map(literal).join('.*')}$`);
  return (await readOutbox(sql)).filter((e) => pattern.test(e.recipient));
}

export function notifySuite(backend: Backend): void {
  describe(`notifications on ${backend.name}`, () => {
    let db: Database;
    let server: RunningServer;
    let mailbox: SmtpCapture;

    before(async () => {
      db = await backend.open();
      // Start from now: earlier suites' sign-ups are not this suite's business.
      await db.sql.query('UPDATE notification_cursor SET position = (SELECT last FROM event_position)');
      mailbox = await startSmtpCapture();
      server = await startServer({
        database: db,
        notifications: notifyingTo(mailbox, { reminderCheckMs: 200 }),
      });
    });
    after(async () => {
      await server?.close();
      await mailbox?.close();
      await db?.close();
    });

    test('the confirmation arrives with a valid .ics and a cancel link that works', async () => {
      const id = await openWalk(server.gusp, { capacity: 1 });
      const first = await call(server.url, 'POST', `/api/walks/${id}/registrations`, { body: person('mail-1') });
      await call(server.url, 'POST', `/api/walks/${id}/registrations`, { body: person('mail-2', { locale: 'en' }) });
      await eventually(() => mailbox.messages.filter((m) => to(m)?.startsWith('habitant-mail-')).length >= 2);
      const confirmation = mailbox.messages.find((m) => to(m) === 'habitant-mail-1@example.org');
      assert.ok(confirmation);
      assert.match(confirmation.subject ?? '', /^Inscription confirmée/);
      const ics = confirmation.attachments.find((a) => a.contentType.startsWith('text/calendar'));
      assert.ok(ics, 'an .ics attachment');
      const vevent = new ICAL.Component(ICAL.parse(ics.content.toString('utf8'))).getFirstSubcomponent('vevent');
      assert.equal(vevent?.getFirstPropertyValue('uid'), `walk-${id}@gusp`);
      const waitlisted = mailbox.messages.find((m) => to(m) === 'habitant-mail-2@example.org');
      assert.match(waitlisted?.subject ?? '', /^Waiting list/, 'in the registrant’s language');

      const link = /https?:\/\/\S+\/annulation\?\S+/.exec(confirmation.text ?? '')?.[0];
      assert.ok(link, 'a cancel link');
      const page = await fetch(link);
      assert.equal(page.status, 200);
      assert.match(await page.text(), /<form method="post" action="\/annulation">/);
      assert.equal((await call(server.url, 'GET', `/api/walks/${id}`)).body.confirmed, 1, 'following the link cancels nothing');
      const form = new URL(link).searchParams;
      const done = await fetch(`${server.url}/annulation`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: form.toString(),
      });
      assert.equal(done.status, 200);
      assert.match(await done.text(), /Votre inscription est annulée/);
      assert.equal(first.status, 201);

      // The waitlisted person is promoted, and told.
      await eventually(() =>
        mailbox.messages.some((m) => to(m) === 'habitant-mail-2@example.org' && /^A seat is free/.test(m.subject ?? '')),
      );
      const again = await fetch(`${server.url}/annulation`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: form.toString(),
      });
      assert.equal(again.status, 409);
    });

    test('a sign-up removed by a coordinator: the person gets the reason as written, the promoted one is told, a retry sends nothing more', async () => {
      const coordinator = { authorization: `Bearer ${(await createToken(db.sql, { role: 'coordinator' })).token}` };
      const id = await openWalk(server.gusp, { capacity: 1 });
      const removed = (await call(server.url, 'POST', `/api/walks/${id}/registrations`, { body: person('removed-1', { locale: 'en' }) }))
        .body;
      await call(server.url, 'POST', `/api/walks/${id}/registrations`, { body: person('removed-2') });
      const of = (n: number) => mailbox.messages.filter((m) => to(m) === `habitant-removed-${n}@example.org`);
      await eventually(() => of(1).length === 1 && of(2).length === 1);
      const reason = 'Two sign-ups with one address: we kept the first «one».';
      for (let i = 0; i < 2; i++) {
        const r = await call(server.url, 'POST', `/api/walks/${id}/registrations/${removed.registrationId}/remove`, {
          body: { reason },
          headers: { ...coordinator, 'idempotency-key': `notify-remove-${id}` },
        });
        assert.equal(r.status, 200, JSON.stringify(r.body));
      }
      assert.equal(
        (await server.gusp.store.read(`walk-${id}`)).events.filter((e) => e.type === 'RegistrationRemoved').length,
        1,
        'removed once',
      );
      // Confirmation + removal for the first; waiting list + promotion for the second (written after the removal's email).
      await eventually(() => of(2).length === 2 && of(1).length >= 2);
      const told = of(1);
      assert.deepEqual(
        told.map((m) => m.subject?.split(':')[0]),
        ['Registration confirmed', 'Registration removed'],
      );
      const removal = told[1];
      assert.ok(removal?.text?.includes(`Reason: ${reason}`), removal?.text);
      assert.doesNotMatch(removal?.text ?? '', /annulation\?/, 'no cancel link: there is nothing left to cancel');
      // The walk leaves the calendar the confirmation had put it in: an iTIP CANCEL of the same UID, said twice (RFC 6047 §2.4).
      const cancel = removal?.attachments.find((a) => a.contentType.startsWith('text/calendar'));
      assert.ok(cancel, 'a calendar attachment');
      const header = cancel.headers.get('content-type') as { params: Record<string, string> } | undefined;
      assert.equal(header?.params.method?.toUpperCase(), 'CANCEL');
      const calendar = new ICAL.Component(ICAL.parse(cancel.content.toString('utf8')));
      assert.equal(calendar.getFirstPropertyValue('method'), 'CANCEL');
      assert.equal(calendar.getFirstSubcomponent('vevent')?.getFirstPropertyValue('uid'), `walk-${id}@gusp`);
      assert.equal(calendar.getFirstSubcomponent('vevent')?.getFirstPropertyValue('status'), 'CANCELLED');
      assert.match(of(2)[1]?.subject ?? '', /^Une place s’est libérée/, 'the promoted person is told');
    });

    test('with the SMTP server down, sign-ups succeed and their emails arrive once it is back, each exactly once', async () => {
      const port = mailbox.port;
      await mailbox.close();
      const id = await openWalk(server.gusp, { capacity: 50 });
      const replies = await Promise.all(
        [0, 1, 2, 3, 4].map((i) => call(server.url, 'POST', `/api/walks/${id}/registrations`, { body: person(`outage-${i}`) })),
      );
      assert.deepEqual(
        replies.map((r) => r.status),
        [201, 201, 201, 201, 201],
      );
      // Wait until the notifier has tried, and failed, to send every one of them.
      const pending = async () => {
        const waiting = (await outboxTo(db.sql, 'habitant-outage-%')).filter((e) => e.sentAt === null);
        return { n: waiting.length, failed: waiting.filter((e) => e.lastError !== null).length };
      };
      const end = Date.now() + 20_000;
      let state = await pending();
      while (Number(state?.failed) < 5 && Date.now() < end) {
        await new Promise((r) => setTimeout(r, 50));
        state = await pending();
      }
      assert.equal(Number(state?.n), 5, 'waiting in the outbox');
      assert.equal(Number(state?.failed), 5, 'tried and failed');

      mailbox = await startSmtpCapture(port);
      await allSent(db.sql, 'habitant-outage-%', 5);
      const received = mailbox.messages.filter((m) => to(m)?.startsWith('habitant-outage-')).map((m) => to(m));
      assert.deepEqual(
        received.sort(),
        [0, 1, 2, 3, 4].map((i) => `habitant-outage-${i}@example.org`),
      );
    });

    test('two servers notifying from one database send each email once', async () => {
      const twin = await startServer({
        database: db,
        notifications: {
          smtpUrl: `smtp://127.0.0.1:${mailbox.port}`,
          from: 'GUSP <gusp@valence.example>',
          intervalMs: 30,
          retryBaseMs: 100,
        },
      });
      try {
        const id = await openWalk(server.gusp, { capacity: 50 });
        const replies = await Promise.all(
          Array.from({ length: 10 }, (_, i) =>
            call(i % 2 ? twin.url : server.url, 'POST', `/api/walks/${id}/registrations`, { body: person(`twin-mail-${i}`) }),
          ),
        );
        assert.ok(replies.every((r) => r.status === 201));
        await allSent(db.sql, 'habitant-twin-mail-%', 10);
        const received = mailbox.messages.filter((m) => to(m)?.startsWith('habitant-twin-mail-')).map((m) => to(m));
        assert.equal(received.length, 10);
        assert.equal(new Set(received).size, 10);
      } finally {
        await twin.close();
      }
    });

    test('the reminder goes the day before, once', async () => {
      const soon = new Date(Date.now() + 20 * 3_600_000).toISOString();
      const walk = await server.gusp.walks.schedule({
        quartierId: 'polygone',
        startsAt: soon,
        capacity: 10,
        meetingPoint: { label: 'Place' },
        registrationDeadline: new Date(Date.now() + 3_600_000).toISOString(),
      });
      assert.ok(walk.ok);
      assert.ok((await server.gusp.walks.publish(walk.value.id)).ok);
      await call(server.url, 'POST', `/api/walks/${walk.value.id}/registrations`, { body: person('reminded') });
      // The confirmation and the reminder, both sent; then one more look for reminders, the one that
      // would make a second: it must add nothing to the outbox, through which every email goes.
      await allSent(db.sql, 'habitant-reminded@example.org', 2);
      assert.ok(server.notifier, 'notifications are on');
      await server.notifier.remind();
      await allSent(db.sql, 'habitant-reminded@example.org', 2);
      const reminders = mailbox.messages.filter((m) => to(m) === 'habitant-reminded@example.org' && /^Rappel/.test(m.subject ?? ''));
      assert.equal(reminders.length, 1);
    });

    test('one poison event in the journal is recorded as failed and skipped: the next sign-up is still told, and /healthz counts it', async () => {
      const failed = async () => (await call(server.url, 'GET', '/healthz')).body.notifications?.failed;
      const before = Number((await db.sql.query<{ n: string }>('SELECT count(*) AS n FROM notification_failures')).rows[0]?.n);
      const id = await openWalk(server.gusp, { capacity: 10 });
      await call(server.url, 'POST', `/api/walks/${id}/registrations`, { body: person('poisoned') });
      const moved = await server.gusp.walks.reschedule(id, { startsAt: inDays(60), reason: 'Pluie annoncée' });
      assert.ok(moved.ok, JSON.stringify(!moved.ok && moved.error));
      await allSent(db.sql, 'habitant-poisoned@example.org', 2);

      // An attacker's old data, as today's schemas would no longer let it in: the same reschedule with a
      // U+0000 in its reason, written straight into the journal. Its email is what the database refuses.
      const stream = `walk-${id}`;
      const real = (
        await db.sql.query<{ version: number; at: string; data: Record<string, unknown> }>(
          "SELECT version, at, data FROM events WHERE stream = $1 AND type = 'WalkRescheduled' ORDER BY version DESC LIMIT 1",
          [stream],
        )
      ).rows[0];
      assert.ok(real);
      const poison = Number(
        (
          await db.sql.query<{ position: string }>(
            "INSERT INTO events (position, stream, version, type, at, data) VALUES (nextval('events_position_seq'), $1, (SELECT max(version) + 1 FROM events WHERE stream = $1), 'WalkRescheduled', $2, $3::json) RETURNING position",
            [stream, real.at, JSON.stringify({ ...real.data, reason: 'Pluie\u0000annoncée' })],
          )
        ).rows[0]?.position,
      );

      const other = await openWalk(server.gusp, { capacity: 10 });
      assert.equal((await call(server.url, 'POST', `/api/walks/${other}/registrations`, { body: person('after-poison') })).status, 201);
      await eventually(() =>
        mailbox.messages.some((m) => to(m) === 'habitant-after-poison@example.org' && /^Inscription confirmée/.test(m.subject ?? '')),
      );

      const rows = (
        await db.sql.query<{ position: string; stream: string; type: string; reason: string }>(
          'SELECT * FROM notification_failures WHERE position = $1',
          [poison],
        )
      ).rows;
      assert.equal(rows.length, 1, 'the poison event is recorded as failed');
      assert.equal(rows[0]?.stream, stream);
      assert.equal(rows[0]?.type, 'WalkRescheduled');
      assert.match(rows[0]?.reason ?? '', /0x00|invalid byte sequence|\\u0000/i);
      assert.equal(await failed(), before + 1, '/healthz reports it');
      // Skipped, not retried: no email of the poison event was written, the earlier ones stay sent.
      await allSent(db.sql, 'habitant-poisoned@example.org', 2);
    });

    test('a reschedule reason with U+0000 is refused at the API (field.control-characters), so the journal never holds one', async () => {
      const coordinator = { authorization: `Bearer ${(await createToken(db.sql, { role: 'coordinator' })).token}` };
      const id = await openWalk(server.gusp, { capacity: 10 });
      const r = await call(server.url, 'POST', `/api/walks/${id}/reschedule`, {
        body: { startsAt: inDays(70), reason: 'Pluie\u0000annoncée' },
        headers: coordinator,
      });
      assert.equal(r.status, 422, JSON.stringify(r.body));
      assert.equal(r.body.error.code, 'validation.invalid');
      assert.deepEqual(
        r.body.error.details.issues.map((i: { path: string; code: string }) => [i.path, i.code]),
        [['reason', 'field.control-characters']],
      );
      const moved = await call(server.url, 'POST', `/api/walks/${id}/reschedule`, {
        body: { startsAt: inDays(70), reason: 'Pluie annoncée' },
        headers: coordinator,
      });
      assert.equal(moved.status, 200, 'the same reason without it is taken');
    });

    test('seed people are never emailed: rescheduling a seeded walk tells its real registrant only', async () => {
      await seedValence(server.gusp.store);
      const walks = await server.gusp.walks.list();
      const seeded = walks.find(
        (w) => w.walk.title === 'Diagnostic en marchant — Polygone' && w.walk.status === 'open' && w.registrations.length > 0,
      );
      assert.ok(seeded, 'the seed has an open walk with people');
      const seedPeople = seeded.registrations.map((r) => r.email).filter((e): e is string => typeof e === 'string');
      assert.ok(seedPeople.length >= 3, JSON.stringify(seedPeople));
      const real = 'habitant-seeded-walk@example.org';
      assert.equal(
        (await call(server.url, 'POST', `/api/walks/${seeded.walk.id}/registrations`, { body: person('seeded-walk') })).status,
        201,
      );
      const moved = await server.gusp.walks.reschedule(seeded.walk.id, { startsAt: inDays(40), reason: 'Travaux sur la place' });
      assert.ok(moved.ok, JSON.stringify(!moved.ok && moved.error));
      await eventually(() => mailbox.messages.some((m) => to(m) === real && /^Nouvelle date/.test(m.subject ?? '')));
      // The outbox holds every email the notifier ever made (the real person's reschedule was made in
      // the same round as any for the seed's people): none of them is there, none reached the SMTP server.
      const written = (await readOutbox(db.sql)).filter((e) => seedPeople.includes(e.recipient)).map((e) => ({ recipient: e.recipient }));
      assert.deepEqual(written, []);
      assert.deepEqual(
        mailbox.messages.filter((m) => seedPeople.includes(to(m) ?? '')),
        [],
      );
    });

    test('RGPD: the emails written to a person are in their export, and go with their erasure and with the purge', async () => {
      const coordinator = { authorization: `Bearer ${(await createToken(db.sql, { role: 'coordinator' })).token}` };
      const id = await openWalk(server.gusp, { capacity: 10 });
      for (const who of ['rgpd-mail-erased', 'rgpd-mail-kept'])
        await call(server.url, 'POST', `/api/walks/${id}/registrations`, { body: person(who) });
      await eventually(() => mailbox.messages.filter((m) => to(m)?.startsWith('habitant-rgpd-mail-')).length >= 2);
      const rows = async (recipient: string) => (await outboxTo(db.sql, recipient)).length;
      const erased = 'habitant-rgpd-mail-erased@example.org';
      const kept = 'habitant-rgpd-mail-kept@example.org';
      assert.equal(await rows(erased), 1);

      const exported = await call(server.url, 'GET', `/api/privacy/export?email=${erased}`, { headers: coordinator });
      assert.equal(exported.body.emails.length, 1);
      assert.equal(exported.body.emails[0].kind, 'confirmed');
      assert.ok(exported.body.emails[0].sentAt);

      const erase = await call(server.url, 'POST', '/api/privacy/erase', { body: { email: erased }, headers: coordinator });
      assert.deepEqual(erase.body, { registrations: 1, observations: 0, emails: 1, photos: 0 });
      assert.deepEqual([await rows(erased), await rows(kept)], [0, 1], 'only that person’s emails go');

      // Thirteen months later, the purge takes every email written before its limit.
      const purged = await purgePersonalData(server.gusp, db.sql, { months: 12, now: new Date(Date.now() + 420 * 86_400_000) });
      assert.ok(purged.emails >= 1, JSON.stringify(purged));
      assert.equal(Number((await db.sql.query<{ n: string }>('SELECT count(*) AS n FROM outbox')).rows[0]?.n), 0);
    });
  });
}
