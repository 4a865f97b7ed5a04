// SPDX-License-Identifier: EUPL-1.2
/** Which emails an event makes: from a real walk of the core, without a database or an SMTP server. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createGusp, icalMethod, memoryStore, valence, walkUid, type Gusp, type Result, type WalkAggregate } from '@gusp/core';
import { eventEmails, neverEmailed, reminderEmails, SEED_EMAIL_DOMAIN, type EmailContext } from './emails.js';

const ctx: EmailContext = { city: valence, publicUrl: 'https://gusp.example.org' };
const must = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
};
const startsAt = new Date(Date.now() + 10 * 86_400_000).toISOString();

/** A published walk of one seat, and the aggregate as the core folds it. */
async function walkWith(setup: (gusp: Gusp, walkId: string) => Promise<void>): Promise<WalkAggregate> {
  const gusp = createGusp({ city: valence, store: memoryStore() });
  const walk = must(
    await gusp.walks.schedule({ quartierId: 'le-plan', startsAt, capacity: 1, meetingPoint: { label: 'Maison de quartier' } }),
  );
  must(await gusp.walks.publish(walk.id));
  await setup(gusp, walk.id);
  return must(await gusp.walks.get(walk.id));
}

const registered = (agg: WalkAggregate, email: string, extra: Record<string, unknown> = {}) => {
  const r = agg.registrations.find((x) => x.email === email);
  assert.ok(r, email);
  return { position: 42, type: 'ParticipantRegistered', data: { registration: { ...r, status: r.status }, ...extra } };
};

describe('eventEmails', () => {
  test('a sign-up: a confirmation in the registrant’s language, with the invitation and a cancel link', async () => {
    const agg = await walkWith(
      async (g, id) => void must(await g.walks.register(id, { name: 'Ada', email: 'ada@example.org', consent: true, locale: 'en' })),
    );
    const [email, ...more] = eventEmails(ctx, registered(agg, 'ada@example.org'), agg);
    assert.equal(more.length, 0);
    const r = agg.registrations[0];
    assert.ok(email && r);
    assert.deepEqual([email.kind, email.recipient, email.locale, email.dedupKey], ['confirmed', 'ada@example.org', 'en', `42:${r.id}`]);
    assert.match(email.subject, /^Registration confirmed: neighbourhood walk, /);
    assert.ok(email.body.includes(`https://gusp.example.org/annulation?walk=${agg.walk.id}&registration=${r.id}&token=${r.cancelToken}`));
    assert.match(email.ics ?? '', /BEGIN:VEVENT/);
  });

  test('a waitlisted sign-up: its position, no invitation; French by default', async () => {
    const agg = await walkWith(async (g, id) => {
      must(await g.walks.register(id, { name: 'Un', email: 'un@example.org', consent: true }));
      must(await g.walks.register(id, { name: 'Deux', email: 'deux@example.org', consent: true }));
    });
    const [email] = eventEmails(ctx, registered(agg, 'deux@example.org', { position: 1 }), agg);
    assert.equal(email?.kind, 'waitlisted');
    assert.match(email?.subject ?? '', /^Liste d’attente/);
    assert.match(email?.body ?? '', /position 1/);
    assert.equal(email?.ics, undefined);
  });

  test('nothing for a sign-up cancelled since, one without email, or a walk that is gone', async () => {
    let phoneOnly = '';
    const agg = await walkWith(async (g, id) => {
      const r = must(await g.walks.register(id, { name: 'Parti', email: 'parti@example.org', consent: true }));
      must(await g.walks.cancelRegistration(id, r.registration.id, { token: r.registration.cancelToken }));
      phoneOnly = must(await g.walks.register(id, { name: 'Téléphone', phone: '06 12 34 56 78', consent: true })).registration.id;
    });
    assert.deepEqual(eventEmails(ctx, registered(agg, 'parti@example.org'), agg), []);
    const byPhone = agg.registrations.find((r) => r.id === phoneOnly);
    assert.deepEqual(eventEmails(ctx, { position: 1, type: 'ParticipantRegistered', data: { registration: byPhone } }, agg), []);
    assert.deepEqual(eventEmails(ctx, registered(agg, 'parti@example.org'), undefined), []);
    assert.deepEqual(eventEmails(ctx, { position: 1, type: 'WalkPublished', data: {} }, agg), []);
  });

  test('a cancelled walk: every confirmed and waitlisted person, with the reason and the cancelled invitation', async () => {
    const agg = await walkWith(async (g, id) => {
      must(await g.walks.register(id, { name: 'Un', email: 'un@example.org', consent: true }));
      must(await g.walks.register(id, { name: 'Deux', email: 'deux@example.org', consent: true }));
      const gone = must(await g.walks.register(id, { name: 'Trois', email: 'trois@example.org', consent: true }));
      must(await g.walks.cancelRegistration(id, gone.registration.id, { token: gone.registration.cancelToken }));
      must(await g.walks.cancel(id, { reason: 'Orage annoncé' }));
    });
    const emails = eventEmails(ctx, { position: 7, type: 'WalkCancelled', data: { reason: 'Orage annoncé' } }, agg);
    assert.deepEqual(emails.map((e) => e.recipient).sort(), ['deux@example.org', 'un@example.org']);
    for (const e of emails) {
      assert.equal(e.kind, 'walk-cancelled');
      assert.match(e.body, /Orage annoncé/);
      assert.ok(e.ics);
    }
  });
});

describe('eventEmails: a sign-up removed by staff', () => {
  test('tells the person, in their language, with the reason as staff wrote it and no cancel link; no confirmation any more', async () => {
    let id = '';
    const agg = await walkWith(async (g, walkId) => {
      const r = must(await g.walks.register(walkId, { name: 'Ada', email: 'ada@example.org', consent: true, locale: 'en' }));
      id = r.registration.id;
      must(await g.walks.removeRegistration(walkId, id, { reason: 'Signed up twice <b>by mistake</b>' }));
    });
    const [email, ...more] = eventEmails(
      ctx,
      { position: 9, type: 'RegistrationRemoved', data: { registrationId: id, reason: 'Signed up twice <b>by mistake</b>' } },
      agg,
    );
    assert.equal(more.length, 0);
    assert.deepEqual([email?.kind, email?.recipient, email?.dedupKey], ['registration-removed', 'ada@example.org', `9:${id}`]);
    assert.match(email?.subject ?? '', /^Registration removed: neighbourhood walk, /);
    // A text/plain body: the reason is quoted as written, markup and all, and nothing in it is a link of ours.
    assert.ok(email?.body.includes('Reason: Signed up twice <b>by mistake</b>'), email?.body);
    assert.doesNotMatch(email?.body ?? '', /annulation/);
    // The invitation she may have added to her calendar is withdrawn: an iTIP CANCEL of the walk's event.
    assert.equal(icalMethod(email?.ics ?? ''), 'CANCEL');
    assert.match(email?.ics ?? '', /\r\nSTATUS:CANCELLED\r\n/);
    assert.match(email?.ics ?? '', new RegExp(`\\r\\nUID:${walkUid(agg.walk).replace(/[.@]/g, '\\$&')}\\r\\n`));
    assert.deepEqual(eventEmails(ctx, registered(agg, 'ada@example.org'), agg), [], 'removed before it was confirmed: no confirmation');
  });
});

describe('eventEmails: staff on a walk’s registrations', () => {
  const STAFF = { accountId: 'acc-1', role: 'agent' } as const;

  test('a cancellation staff made for the person tells them, in their language, without the staff’s note; their own cancellation does not', async () => {
    let id = '';
    const agg = await walkWith(async (g, walkId) => {
      id = must(await g.walks.register(walkId, { name: 'Ada', email: 'ada@example.org', consent: true, locale: 'en' })).registration.id;
      must(await g.walks.cancelOnBehalf(walkId, id, { reason: 'Malade' }, { actor: STAFF }));
    });
    const data = { registrationId: id, reason: 'Malade', by: STAFF };
    const [email, ...more] = eventEmails(ctx, { position: 5, type: 'RegistrationCancelled', data }, agg);
    assert.equal(more.length, 0);
    assert.deepEqual([email?.kind, email?.recipient, email?.dedupKey], ['registration-cancelled', 'ada@example.org', `5:${id}`]);
    assert.match(email?.subject ?? '', /^Registration cancelled: neighbourhood walk, /);
    assert.ok(email?.body.includes(`https://gusp.example.org/marches/${agg.walk.id}`), email?.body);
    assert.doesNotMatch(email?.body ?? '', /Malade|annulation/);
    assert.equal(icalMethod(email?.ics ?? ''), 'CANCEL', 'the walk leaves her calendar too');
    assert.match(email?.ics ?? '', /\r\nSTATUS:CANCELLED\r\n/);
    assert.deepEqual(eventEmails(ctx, { position: 5, type: 'RegistrationCancelled', data: { registrationId: id } }, agg), []);
  });

  test('no sign-up confirmation to someone already there: a walk-in, or a phone-in checked in before the notifier got to it', async () => {
    const startsAt = Date.now() + 20 * 60_000;
    let clock = Date.now();
    const gusp = createGusp({ city: valence, store: memoryStore(), now: () => new Date(clock) });
    const walk = must(
      await gusp.walks.schedule({
        quartierId: 'le-plan',
        startsAt: new Date(startsAt).toISOString(),
        capacity: 5,
        meetingPoint: { label: 'Maison de quartier' },
        registrationDeadline: new Date(startsAt - 10 * 60_000).toISOString(),
      }),
    );
    must(await gusp.walks.publish(walk.id));
    const phoned = must(
      await gusp.walks.registerByStaff(walk.id, { name: 'Bea', email: 'bea@example.org', consent: true }, { actor: STAFF }),
    );
    const before = must(await gusp.walks.get(walk.id));
    const signUp = { position: 3, type: 'ParticipantRegistered', data: { registration: phoned.registration, by: STAFF } };
    assert.deepEqual(
      eventEmails(ctx, signUp, before).map((e) => e.kind),
      ['confirmed'],
      'a phone-in with an email is confirmed',
    );
    clock = startsAt - 5 * 60_000;
    must(await gusp.walks.start(walk.id));
    must(await gusp.walks.checkIn(walk.id, phoned.registration.id, { actor: STAFF }));
    const came = must(await gusp.walks.walkIn(walk.id, { name: 'Cy', email: 'cy@example.org', consent: true }, { actor: STAFF }));
    const after = must(await gusp.walks.get(walk.id));
    assert.deepEqual(eventEmails(ctx, signUp, after), [], 'checked in since: no confirmation');
    for (const type of ['WalkInRegistered', 'ParticipantRegistered'])
      assert.deepEqual(eventEmails(ctx, { position: 9, type, data: { registration: came.registration, by: STAFF } }, after), [], type);
  });
});

describe('reminderEmails', () => {
  test('confirmed people of a walk within the window, once per walk time; none outside it', async () => {
    const agg = await walkWith(async (g, id) => {
      must(await g.walks.register(id, { name: 'Un', email: 'un@example.org', consent: true }));
      must(await g.walks.register(id, { name: 'Attente', email: 'attente@example.org', consent: true }));
    });
    const start = Date.parse(agg.walk.startsAt);
    const due = reminderEmails(ctx, [agg], start - 3_600_000, 24 * 3_600_000);
    assert.deepEqual(
      due.map((e) => [e.kind, e.recipient]),
      [['reminder', 'un@example.org']],
    );
    assert.equal(due[0]?.dedupKey, `reminder:${agg.walk.id}:${agg.walk.startsAt}:${agg.registrations[0]?.id}`);
    assert.deepEqual(reminderEmails(ctx, [agg], start - 25 * 3_600_000, 24 * 3_600_000), []);
    assert.deepEqual(reminderEmails(ctx, [agg], start + 60_000, 24 * 3_600_000), []);
  });
});

describe('seed people', () => {
  test('are never emailed, whatever the event: every kind, and the reminder', async () => {
    const seed = `seed-1@${SEED_EMAIL_DOMAIN}`;
    const agg = await walkWith(async (g, id) => {
      must(await g.walks.register(id, { name: 'Seed', email: seed, consent: true }));
      must(await g.walks.register(id, { name: 'Réelle', email: 'reelle@example.org', consent: true }));
    });
    const seedRegistration = agg.registrations.find((r) => r.email === seed);
    assert.ok(seedRegistration);
    const events = [
      registered(agg, seed),
      { position: 43, type: 'ParticipantPromoted', data: { registrationId: seedRegistration.id } },
      { position: 44, type: 'WalkRescheduled', data: { reason: 'Pluie' } },
      { position: 45, type: 'WalkCancelled', data: { reason: 'Pluie' } },
      { position: 46, type: 'ReportShared', data: {} },
    ];
    const recipients = events.flatMap((e) => eventEmails(ctx, e, agg)).map((e) => e.recipient);
    assert.ok(recipients.includes('reelle@example.org'), 'the real person of the same walk is told');
    assert.ok(!recipients.includes(seed), JSON.stringify(recipients));
    // The seed person holds the walk's one seat (the real one waits): the reminder the day before goes to nobody.
    assert.deepEqual(reminderEmails(ctx, [agg], Date.parse(startsAt) - 3_600_000, 24 * 3_600_000), []);
  });

  test('the addresses never written to: any .invalid one, and the exemple.fr of earlier seeds; real ones are', () => {
    for (const a of [`x@${SEED_EMAIL_DOMAIN}`, 'x@foo.INVALID', 'x@invalid', 'le-plan-0@exemple.fr'])
      assert.equal(neverEmailed(a), true, a);
    for (const a of ['x@example.org', 'x@valence.fr', 'x@invalid.fr', 'x@exemple.fr.example.org']) assert.equal(neverEmailed(a), false, a);
  });
});
