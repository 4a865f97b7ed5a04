// SPDX-License-Identifier: EUPL-1.2
/**
 * What the emails say, received from a real SMTP server on loopback
 * (`smtp-server`, as notify.suite.ts does), with sign-ups over real HTTP on
 * PGlite: the waiting-list email gives the person's position (it read
 * « position . »), and the reminder names the walk's day as the city's clock
 * sees it (it said « demain » for a walk the same day).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { dayWord } from '../src/notify/emails.js';
import { startServer, type RunningServer } from '../src/server.js';
import { call, openWalk, person } from './harness.js';
import { mailsTo, notifyingTo, startSmtpCapture, type SmtpCapture } from './smtp-capture.js';

/** The email to `address` whose subject matches, within 20 s. */
const mailTo = async (mailbox: SmtpCapture, address: string, subject: RegExp) =>
  (await mailsTo(mailbox, address, subject, { timeoutMs: 20_000 }))[0]!;

/** The calendar day and hour of an instant in Paris, read with Intl (not with the code under test). */
const paris = (ms: number) => {
  const f = new Intl.DateTimeFormat('fr-FR', {
    timeZone: 'Europe/Paris',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    hourCycle: 'h23',
  });
  const p = Object.fromEntries(f.formatToParts(ms).map((x) => [x.type, x.value]));
  return { day: `${p.year}-${p.month}-${p.day}`, hour: Number(p.hour) };
};

describe('what the emails say (real SMTP)', () => {
  let server: RunningServer;
  let mailbox: SmtpCapture;
  before(async () => {
    mailbox = await startSmtpCapture();
    server = await startServer({
      notifications: notifyingTo(mailbox, { reminderCheckMs: 200 }),
    });
  });
  after(async () => {
    await server?.close();
    await mailbox?.close();
  });

  test('the waiting-list email gives the person’s position, in French and in English', async () => {
    const id = await openWalk(server.gusp, { capacity: 1 });
    for (const [n, extra] of [
      ['wl-seat', {}],
      ['wl-first', {}],
      ['wl-second', { locale: 'en' }],
    ] as const) {
      const r = await call(server.url, 'POST', `/api/walks/${id}/registrations`, { body: person(n, extra) });
      assert.equal(r.status, 201, JSON.stringify(r.body));
    }
    const first = await mailTo(mailbox, 'habitant-wl-first@example.org', /^Liste d’attente/);
    assert.match(first.text ?? '', /vous êtes en liste d’attente, en position 1\./);
    const second = await mailTo(mailbox, 'habitant-wl-second@example.org', /^Waiting list/);
    assert.match(second.text ?? '', /you are on the waiting list, number 2\./);
    for (const m of [first, second]) assert.doesNotMatch(m.text ?? '', /position \.|number \./);
  });

  test('the reminder of a walk starting later the same day says « aujourd’hui » (or « ce soir »), not « demain »', async () => {
    const start = Date.now() + 40 * 60_000;
    const walk = await server.gusp.walks.schedule({
      quartierId: 'polygone',
      startsAt: new Date(start).toISOString(),
      capacity: 10,
      meetingPoint: { label: 'Place de la mairie de quartier' },
      registrationDeadline: new Date(Date.now() + 20 * 60_000).toISOString(),
    });
    assert.ok(walk.ok);
    assert.ok((await server.gusp.walks.publish(walk.value.id)).ok);
    await call(server.url, 'POST', `/api/walks/${walk.value.id}/registrations`, { body: person('same-day') });
    const reminder = await mailTo(mailbox, 'habitant-same-day@example.org', /^Rappel/);
    const sameDay = paris(start).day === paris(Date.now()).day;
    const word = sameDay ? (paris(start).hour >= 18 ? 'ce soir' : 'aujourd’hui') : 'demain';
    assert.equal(reminder.subject, `Rappel : diagnostic en marchant ${word}, Polygone`);
    assert.match(reminder.text ?? '', new RegExp(`a lieu ${word}, `));
  });

  test('dayWord counts calendar days in the city’s time zone, across midnight and a DST change', () => {
    const at = (iso: string) => Date.parse(iso);
    const tz = 'Europe/Paris';
    // 07:00 in Paris for a walk at 09:00 the same day; at 17:00 for one at 19:00 the same day.
    assert.equal(dayWord(at('2026-12-05T08:00:00Z'), at('2026-12-05T06:00:00Z'), tz), 'today');
    assert.equal(dayWord(at('2026-12-05T18:00:00Z'), at('2026-12-05T16:00:00Z'), tz), 'tonight');
    // 23:30 in Paris (22:30 UTC) for a walk at 09:00 the next morning: « demain », though the same UTC day would say otherwise.
    assert.equal(dayWord(at('2026-12-06T08:00:00Z'), at('2026-12-05T22:30:00Z'), tz), 'tomorrow');
    // 00:30 in Paris (23:30 UTC the day before) for a walk at 09:00: the same day in Paris.
    assert.equal(dayWord(at('2026-12-06T08:00:00Z'), at('2026-12-05T23:30:00Z'), tz), 'today');
    // The night the clocks go back (25 October 2026): still « demain ».
    assert.equal(dayWord(at('2026-10-25T08:00:00Z'), at('2026-10-24T20:00:00Z'), tz), 'tomorrow');
    assert.equal(dayWord(at('2026-12-08T08:00:00Z'), at('2026-12-05T08:00:00Z'), tz), undefined);
  });
});
