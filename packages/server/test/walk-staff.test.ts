// SPDX-License-Identifier: EUPL-1.2
/**
 * Staff on a walk's registrations and day (routes/walk-staff.ts) over real HTTP, on PGlite and
 * PostgreSQL, with the emails read back from a real SMTP server: phone-ins, walk-ins, cancelling
 * for someone, seating a waitlisted person, batch check-ins resent by an offline outbox, the needs
 * summary and the day sheet; each allowed and refused, and the journal's `by` naming who acted.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Gusp, StoredEvent } from '@gusp/core';
import { createToken } from '../src/auth.js';
import { REGISTRATION_CSV_COLUMNS } from '../src/routes/walk-staff.js';
import type { Database } from '../src/db.js';
import type { RunningServer } from '../src/server.js';
import { sqlStore } from '../src/store/sql-store.js';
import { call, isErrorBody, person } from './harness.js';
import { onBothDatabases } from './postgres-cluster.js';
import { mailsTo, startNotifyingServer, to, type SmtpCapture } from './smtp-capture.js';

/**
 * RFC 4180 read strictly, by its grammar (the project's own CSV parser is not the judge of its
 * own writer): records end with CRLF, the last one too; a field is either quoted (any text, `""`
 * for a quote, CR and LF allowed) or has no quote, comma, CR or LF at all; every record has as many
 * fields as the header. Anything else throws, naming the offset.
 */
function strictRfc4180(text: string, delimiter = ','): string[][] {
  const records: string[][] = [];
  let i = 0;
  const plain = new RegExp(`[^"${delimiter}\\r\\n]*`, 'y');
  while (i < text.length) {
    const fields: string[] = [];
    for (;;) {
      if (text[i] === '"') {
        let field = '';
        i++;
        for (;;) {
          if (i >= text.length) throw new Error(`unclosed quote at ${i}`);
          if (text[i] === '"') {
            if (text[i + 1] === '"') {
              field += '"';
              i += 2;
              continue;
            }
            i++;
            break;
          }
          field += text[i++];
        }
        fields.push(field);
      } else {
        plain.lastIndex = i;
        const m = plain.exec(text)!;
        fields.push(m[0]);
        i += m[0].length;
      }
      if (text[i] === delimiter) {
        i++;
        continue;
      }
      if (text.startsWith('\r\n', i)) {
        i += 2;
        break;
      }
      throw new Error(`expected "${delimiter}" or CRLF at ${i}, found ${JSON.stringify(text.slice(i, i + 10))}`);
    }
    if (records.length > 0 && fields.length !== records[0]!.length)
      throw new Error(`record ${records.length + 1} has ${fields.length} fields`);
    records.push(fields);
  }
  return records;
}

interface Session {
  readonly accountId: string;
  readonly headers: Record<string, string>;
}

const must = <T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T => {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
};

/** A published walk, starting in `startsInMinutes` (the staff may start it 30 minutes before). */
async function walkOf(gusp: Gusp, input: { capacity?: number; startsInMinutes?: number; publish?: boolean } = {}): Promise<string> {
  const minutes = input.startsInMinutes ?? 20 * 24 * 60;
  const startsAt = new Date(Date.now() + minutes * 60_000);
  startsAt.setUTCSeconds(0, 0);
  const walk = must(
    await gusp.walks.schedule({
      quartierId: 'le-plan',
      startsAt: startsAt.toISOString(),
      capacity: input.capacity ?? 10,
      meetingPoint: { label: 'Parvis des Bleuets' },
      stops: [{ label: 'Parvis des Bleuets' }, { label: 'Aire de jeux' }],
      ...(minutes < 24 * 60 ? { registrationDeadline: new Date(Date.now() + (minutes / 2) * 60_000).toISOString() } : {}),
    }),
  );
  if (input.publish !== false) must(await gusp.walks.publish(walk.id));
  return walk.id;
}

/** A walk under way: published, starting in 20 minutes, `before` done, registrations closed, started. */
async function startedWalk(gusp: Gusp, capacity = 10, before: (id: string) => Promise<void> = async () => {}): Promise<string> {
  const id = await walkOf(gusp, { capacity, startsInMinutes: 20 });
  await before(id);
  must(await gusp.walks.closeRegistrations(id));
  must(await gusp.walks.start(id));
  return id;
}

function walkStaffSuite(name: string, open: () => Promise<Database>, skip?: string | false): void {
  describe(`walk staff endpoints on ${name} (real HTTP, real SMTP)`, { skip: skip || false }, () => {
    let db: Database;
    let server: RunningServer;
    let mailbox: SmtpCapture;
    let base: string;
    let coordinator: Session;
    let agent: Session;
    let coordinatorToken: { id: string; headers: Record<string, string> };
    let organisation: Record<string, string>;
    const unexpected: unknown[] = [];
    let seq = 0;

    /** Signs in through an invitation's link (the service hands it back), as the console would. */
    async function signIn(role: 'coordinator' | 'agent'): Promise<Session> {
      const invited = await server.staff.invite({ email: `${role}-${++seq}@mairie.example`, role, invitedBy: 'test' });
      const token = new URL(invited.link).searchParams.get('token');
      const r = await call(base, 'POST', '/api/staff/sign-in/verify', { body: { token } });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      const cookie = /^(gusp_session=[^;]+)/.exec(r.headers.get('set-cookie') ?? '')?.[1];
      assert.ok(cookie);
      return { accountId: invited.account.id, headers: { cookie, origin: base, 'x-csrf-token': r.body.session.csrfToken as string } };
    }

    before(async () => {
      db = await open();
      ({ server, mailbox } = await startNotifyingServer(db, { log: (r) => r.level === 'error' && unexpected.push(r) }));
      base = server.url;
      coordinator = await signIn('coordinator');
      agent = await signIn('agent');
      const made = await createToken(db.sql, { role: 'coordinator', label: 'test' });
      coordinatorToken = { id: made.id, headers: { authorization: `Bearer ${made.token}` } };
      organisation = { authorization: `Bearer ${(await createToken(db.sql, { role: 'organisation', organisationId: 'oph' })).token}` };
    });
    after(async () => {
      await server?.close();
      await mailbox?.close();
      await db?.close();
      assert.deepEqual(unexpected, [], 'no unexpected server error was logged');
    });

    const journal = async (walkId: string): Promise<readonly StoredEvent[]> => (await sqlStore(db.sql).read(`walk-${walkId}`)).events;
    const lastOf = async (walkId: string, type: string) => (await journal(walkId)).filter((e) => e.type === type).at(-1);
    const byOf = (e: StoredEvent | undefined) => (e?.data as { by?: unknown } | undefined)?.by;

    /** The texts of the emails to `email` whose subject matches, once one has arrived (10 s at most). */
    const textsTo = async (email: string, subject: RegExp): Promise<string[]> =>
      (await mailsTo(mailbox, email, subject)).map((m) => m.text ?? '');
    /**
     * Waits until the notifier has gone past every event appended so far: a sign-up appended now, on a
     * walk of its own, is confirmed by email only once the notifier has handled all that came before.
     */
    async function notifierCaughtUp(): Promise<void> {
      const id = await walkOf(server.gusp);
      const email = `marker-${++seq}@example.org`;
      must(await server.gusp.walks.register(id, { name: 'Repère', email, consent: true }));
      await textsTo(email, /Inscription confirmée/);
    }
    const mailsNowTo = (email: string) => mailbox.messages.filter((m) => to(m) === email).map((m) => m.subject ?? '');

    const refused = (r: { status: number; body: unknown }, status: number, code: string) => {
      assert.equal(r.status, status, JSON.stringify(r.body));
      assert.ok(isErrorBody(r.body), JSON.stringify(r.body));
      assert.equal(r.body.error.code, code);
      return r.body.error.message;
    };

    test('a phone-in: confirmed, then waitlisted, then seated beyond the capacity with a reason; by names the session’s account or the token', async () => {
      const id = await walkOf(server.gusp, { capacity: 1 });
      const path = `/api/walks/${id}/registrations/by-staff`;
      const phoneOnly = { name: 'Mme Ginette Roux', phone: '06 12 34 56 78', consent: true, needs: ['wheelchair'] };
      const first = await call(base, 'POST', path, { body: phoneOnly, headers: coordinator.headers });
      assert.equal(first.status, 201, JSON.stringify(first.body));
      assert.deepEqual(Object.keys(first.body).sort(), ['registrationId', 'status']);
      assert.equal(first.body.status, 'confirmed');
      const registered = await lastOf(id, 'ParticipantRegistered');
      assert.deepEqual(byOf(registered), { accountId: coordinator.accountId, role: 'coordinator' });
      assert.equal((registered?.data as { registration: { channel: string } }).registration.channel, 'phone');

      const email = `phoned-${++seq}@example.org`;
      const second = await call(base, 'POST', path, { body: person('x', { email }), headers: agent.headers });
      assert.deepEqual([second.status, second.body.status, second.body.position], [201, 'waitlisted', 1]);
      assert.deepEqual(byOf(await lastOf(id, 'ParticipantRegistered')), { accountId: agent.accountId, role: 'agent' });
      // They gave an email: told they are on the waiting list, with the cancel link that is theirs.
      const [waitlisted] = await textsTo(email, /Liste d’attente/);
      assert.match(waitlisted ?? '', /\/annulation\?walk=/);

      const beyond = await call(base, 'POST', path, {
        body: person('y', { email: '', phone: '0475000000', overCapacity: { reason: 'Élue du quartier, vient avec l’OPH' } }),
        headers: coordinatorToken.headers,
      });
      assert.deepEqual([beyond.status, beyond.body.status], [201, 'confirmed'], JSON.stringify(beyond.body));
      assert.deepEqual(byOf(await lastOf(id, 'ParticipantRegistered')), { accountId: `token:${coordinatorToken.id}`, role: 'coordinator' });
      const listed = await call(base, 'GET', `/api/walks/${id}/registrations`, { headers: coordinator.headers });
      assert.deepEqual(
        listed.body.registrations.map((r: { status: string; channel: string }) => [r.status, r.channel]),
        [
          ['confirmed', 'phone'],
          ['waitlisted', 'phone'],
          ['confirmed', 'phone'],
        ],
      );
      // Someone registered by phone without an email gets none (and the notifier did go past them).
      await notifierCaughtUp();
      assert.equal(
        mailbox.messages.some((m) => /Ginette/.test(m.text ?? '')),
        false,
      );
    });

    test('a phone-in is refused: an organisation (403), anonymous (401), no consent (422, localized), a draft (409), an unknown walk (404 whatever the body)', async () => {
      const id = await walkOf(server.gusp);
      const path = `/api/walks/${id}/registrations/by-staff`;
      refused(await call(base, 'POST', path, { body: person('o'), headers: organisation }), 403, 'auth.forbidden');
      refused(await call(base, 'POST', path, { body: person('o') }), 401, 'auth.required');
      const fr = refused(
        await call(base, 'POST', path, { body: person('c', { consent: false }), headers: agent.headers }),
        422,
        'registration.consent-required',
      );
      const en = refused(
        await call(base, 'POST', path, { body: person('c', { consent: false }), headers: { ...agent.headers, 'accept-language': 'en' } }),
        422,
        'registration.consent-required',
      );
      assert.notEqual(fr, en);
      refused(
        await call(base, 'POST', path, { body: { name: 'Sans contact', consent: true }, headers: agent.headers }),
        422,
        'registration.contact-required',
      );
      const draft = await walkOf(server.gusp, { publish: false });
      refused(
        await call(base, 'POST', `/api/walks/${draft}/registrations/by-staff`, { body: person('d'), headers: agent.headers }),
        409,
        'registration.staff-sign-up-closed',
      );
      refused(
        await call(base, 'POST', '/api/walks/nope/registrations/by-staff', { body: { bad: 1 }, headers: agent.headers }),
        404,
        'walk.not-found',
      );
      refused(
        await call(base, 'POST', path, { raw: 'name=x', headers: { ...agent.headers, 'content-type': 'text/plain' } }),
        415,
        'request.unsupported-media-type',
      );
    });

    test('a walk-in: refused before the walk starts (409, localized), then registered and present at once, with no confirmation email', async () => {
      const email = `walkin-${++seq}@example.org`;
      const body = { name: 'Karim Benali', email, consent: true, needs: ['interpreter'] };
      let early = '';
      const id = await startedWalk(server.gusp, 1, async (walkId) => {
        early = walkId;
        const fr = refused(
          await call(base, 'POST', `/api/walks/${walkId}/walk-ins`, { body, headers: agent.headers }),
          409,
          'registration.walk-in-not-underway',
        );
        assert.match(fr, /pendant le diagnostic/);
        const en = refused(
          await call(base, 'POST', `/api/walks/${walkId}/walk-ins`, { body, headers: { ...agent.headers, 'accept-language': 'en' } }),
          409,
          'registration.walk-in-not-underway',
        );
        assert.match(en, /during the walk/);
        must(await server.gusp.walks.register(walkId, { name: 'Inscrite', email: `seat-${++seq}@example.org`, consent: true }));
      });
      assert.equal(id, early);
      refused(await call(base, 'POST', `/api/walks/${id}/walk-ins`, { body, headers: organisation }), 403, 'auth.forbidden');
      // Full and closed: a walk-in comes in anyway.
      const r = await call(base, 'POST', `/api/walks/${id}/walk-ins`, { body, headers: { ...agent.headers, 'idempotency-key': 'wi-1' } });
      assert.deepEqual([r.status, r.body.status], [201, 'attended'], JSON.stringify(r.body));
      const again = await call(base, 'POST', `/api/walks/${id}/walk-ins`, {
        body,
        headers: { ...agent.headers, 'idempotency-key': 'wi-1' },
      });
      assert.deepEqual(again.body, r.body);
      const walkIns = (await journal(id)).filter((e) => e.type === 'WalkInRegistered');
      assert.equal(walkIns.length, 1, 'the retry added no one');
      assert.deepEqual(byOf(walkIns[0]), { accountId: agent.accountId, role: 'agent' });
      refused(
        await call(base, 'POST', `/api/walks/${id}/walk-ins`, { body: { name: 'Sans accord', consent: false }, headers: agent.headers }),
        422,
        'registration.consent-required',
      );

      await notifierCaughtUp();
      assert.deepEqual(mailsNowTo(email), [], 'a walk-in is already there: no sign-up confirmation');
    });

    test('cancelling for someone: no token, the waitlisted person is promoted, both are emailed; once per Idempotency-Key', async () => {
      const id = await walkOf(server.gusp, { capacity: 1 });
      const seated = `seated-${++seq}@example.org`;
      const waiting = `waiting-${++seq}@example.org`;
      const a = must(await server.gusp.walks.register(id, { name: 'Mme Seated', email: seated, consent: true, locale: 'en' }));
      must(await server.gusp.walks.register(id, { name: 'M. Waiting', email: waiting, consent: true }));
      const path = `/api/walks/${id}/registrations/${a.registration.id}/cancel-on-behalf`;
      refused(await call(base, 'POST', path, { body: {}, headers: organisation }), 403, 'auth.forbidden');
      refused(
        await call(base, 'POST', `/api/walks/${id}/registrations/nobody/cancel-on-behalf`, { body: { reason: 1 }, headers: agent.headers }),
        404,
        'registration.not-found',
      );
      refused(await call(base, 'POST', path, { body: { reason: 'a\u0007b' }, headers: agent.headers }), 422, 'validation.invalid');

      const headers = { ...agent.headers, 'idempotency-key': 'cancel-1' };
      const r = await call(base, 'POST', path, { body: { reason: 'A appelé : malade' }, headers });
      assert.deepEqual([r.status, r.body], [200, { status: 'cancelled', registrationId: a.registration.id }]);
      const again = await call(base, 'POST', path, { body: { reason: 'A appelé : malade' }, headers });
      assert.deepEqual([again.status, again.body], [200, r.body]);
      const events = await journal(id);
      const cancelled = events.filter((e) => e.type === 'RegistrationCancelled');
      assert.equal(cancelled.length, 1);
      assert.deepEqual(byOf(cancelled[0]), { accountId: agent.accountId, role: 'agent' });
      assert.equal(events.at(-1)?.type, 'ParticipantPromoted');

      const [told] = await textsTo(seated, /^Registration cancelled/);
      assert.match(told ?? '', /As you asked/);
      assert.doesNotMatch(told ?? '', /malade/, 'the staff’s note stays with the staff');
      assert.match(told ?? '', new RegExp(`/marches/${id}`));
      await textsTo(waiting, /Une place s’est libérée/);
      // Once the walk started, cancelling is over.
      const later = await startedWalk(server.gusp, 5, async (walkId) => {
        must(await server.gusp.walks.register(walkId, { name: 'Trop tard', email: `late-${++seq}@example.org`, consent: true }));
      });
      const lateId = must(await server.gusp.walks.get(later)).registrations[0]?.id;
      refused(
        await call(base, 'POST', `/api/walks/${later}/registrations/${lateId}/cancel-on-behalf`, { headers: agent.headers }),
        409,
        'registration.walk-over',
      );
    });

    test('a person’s own cancellation is not emailed: only a cancellation staff made for them', async () => {
      const id = await walkOf(server.gusp);
      const email = `self-${++seq}@example.org`;
      const signed = must(await server.gusp.walks.register(id, { name: 'Moi', email, consent: true }));
      const r = await call(
        base,
        'DELETE',
        `/api/walks/${id}/registrations/${signed.registration.id}?token=${encodeURIComponent(signed.registration.cancelToken)}`,
      );
      assert.equal(r.status, 200);
      await notifierCaughtUp();
      assert.deepEqual(
        mailsNowTo(email).filter((s) => !/Inscription confirmée/.test(s)),
        [],
      );
    });

    test('promoting a waitlisted person: coordinators only, on a free seat or beyond the capacity with a reason', async () => {
      const id = await walkOf(server.gusp, { capacity: 1 });
      must(await server.gusp.walks.register(id, person(`p${++seq}`)));
      const email = `promoted-${++seq}@example.org`;
      const w = must(await server.gusp.walks.register(id, person('w', { email })));
      const path = `/api/walks/${id}/registrations/${w.registration.id}/promote`;
      refused(await call(base, 'POST', path, { headers: agent.headers }), 403, 'auth.forbidden');
      const fr = refused(
        await call(base, 'POST', path, { headers: coordinator.headers }),
        422,
        'registration.over-capacity-reason-required',
      );
      assert.match(fr, /motif|raison/i);
      refused(
        await call(base, 'POST', path, { body: { overCapacity: { reason: ' ' } }, headers: coordinator.headers }),
        422,
        'validation.invalid',
      );
      const r = await call(base, 'POST', path, {
        body: { overCapacity: { reason: 'Voisine de la halte 2' } },
        headers: coordinator.headers,
      });
      assert.deepEqual([r.status, r.body], [200, { status: 'confirmed', registrationId: w.registration.id }]);
      const promoted = await lastOf(id, 'ParticipantPromoted');
      assert.deepEqual(byOf(promoted), { accountId: coordinator.accountId, role: 'coordinator' });
      assert.equal((promoted?.data as { overCapacityReason?: string }).overCapacityReason, 'Voisine de la halte 2');
      refused(await call(base, 'POST', path, { headers: coordinator.headers }), 409, 'registration.invalid-transition');
      await textsTo(email, /Une place s’est libérée/);
    });

    test('check-ins, several at once: each once, each answered; the same batch resent with its key adds nothing', async () => {
      const ids: string[] = [];
      const id = await startedWalk(server.gusp, 2, async (walkId) => {
        for (const n of [1, 2, 3]) ids.push(must(await server.gusp.walks.register(walkId, person(`ci-${++seq}-${n}`))).registration.id);
        // Before the walk: each one refused on its own, in the caller's language.
        const early = await call(base, 'POST', `/api/walks/${walkId}/check-ins`, {
          body: { registrationIds: ids.slice(0, 1) },
          headers: { ...agent.headers, 'accept-language': 'en' },
        });
        assert.equal(early.status, 200);
        assert.equal(early.body.checkedIn, 0);
        assert.equal(early.body.results[0].error.code, 'registration.walk-not-underway');
        assert.match(early.body.results[0].error.message, /walk/);
      });
      const [a, b, waitlisted] = ids as [string, string, string];
      const path = `/api/walks/${id}/check-ins`;
      refused(await call(base, 'POST', path, { body: { registrationIds: [a] }, headers: organisation }), 403, 'auth.forbidden');
      refused(await call(base, 'POST', path, { body: { registrationIds: [a] } }), 401, 'auth.required');
      refused(await call(base, 'POST', path, { body: { registrationIds: [] }, headers: agent.headers }), 422, 'validation.invalid');
      refused(await call(base, 'POST', path, { body: { registrationIds: ['a/b'] }, headers: agent.headers }), 422, 'validation.invalid');
      refused(
        await call(base, 'POST', '/api/walks/nope/check-ins', { body: { registrationIds: [a] }, headers: agent.headers }),
        404,
        'walk.not-found',
      );

      const body = { registrationIds: [a, b, waitlisted, 'unknown', a] };
      const headers = { ...agent.headers, 'idempotency-key': 'outbox-batch-1' };
      const first = await call(base, 'POST', path, { body, headers });
      assert.equal(first.status, 200, JSON.stringify(first.body));
      assert.equal(first.body.checkedIn, 3);
      assert.deepEqual(
        first.body.results.map((r: { registrationId: string; ok: boolean; status?: string; error?: { code: string } }) => [
          r.registrationId,
          r.ok,
          r.status ?? r.error?.code,
        ]),
        [
          [a, true, 'attended'],
          [b, true, 'attended'],
          [waitlisted, true, 'attended'],
          ['unknown', false, 'registration.not-found'],
        ],
      );
      const before = await journal(id);
      const checkIns = before.filter((e) => e.type === 'ParticipantCheckedIn');
      assert.equal(checkIns.length, 3);
      for (const e of checkIns) assert.deepEqual(byOf(e), { accountId: agent.accountId, role: 'agent' });

      // The outbox did not get the answer and resends: the same answer, nothing appended.
      const resent = await call(base, 'POST', path, { body, headers });
      assert.deepEqual([resent.status, resent.body], [200, first.body]);
      assert.equal((await journal(id)).length, before.length, 'the resent batch appended nothing');
      // The same key with one more person: the first three answer as before, the new one is applied.
      const walkIn = must(await server.gusp.walks.walkIn(id, { name: 'Déjà là', consent: true }));
      const more = await call(base, 'POST', path, { body: { registrationIds: [a, walkIn.registration.id] }, headers });
      assert.deepEqual(
        more.body.results.map((r: { ok: boolean; status?: string; error?: { code: string } }) => r.status ?? r.error?.code),
        ['attended', 'registration.invalid-transition'],
      );
      // Without the key, checking someone in again is the core's refusal, not a second event.
      const twice = await call(base, 'POST', path, { body: { registrationIds: [b] }, headers: coordinator.headers });
      assert.deepEqual([twice.body.checkedIn, twice.body.results[0].error.code], [0, 'registration.invalid-transition']);
      assert.equal((await journal(id)).filter((e) => e.type === 'ParticipantCheckedIn').length, 3);
    });

    test('bodies of every shape are a localized 4xx on every write, never a 500; a bad Idempotency-Key is 400', async () => {
      const id = await startedWalk(server.gusp, 5, async (walkId) => {
        must(await server.gusp.walks.register(walkId, person(`h-${++seq}`)));
      });
      const rid = must(await server.gusp.walks.get(id)).registrations[0]?.id ?? '';
      const paths = [
        `/api/walks/${id}/registrations/by-staff`,
        `/api/walks/${id}/walk-ins`,
        `/api/walks/${id}/registrations/${rid}/cancel-on-behalf`,
        `/api/walks/${id}/registrations/${rid}/promote`,
        `/api/walks/${id}/check-ins`,
      ];
      const bodies = [
        'null',
        '[]',
        '"x"',
        '{',
        '{"registrationIds":null}',
        '{"registrationIds":["a","b"],"extra":{"__proto__":{"x":1}}}',
        JSON.stringify({ registrationIds: Array.from({ length: 201 }, (_, i) => `r${i}`) }),
        JSON.stringify({ name: 5, consent: 'yes', overCapacity: { reason: 'x'.repeat(501) } }),
        JSON.stringify({ name: 'a\u0000b', consent: true, phone: '0601020304', reason: 'a\u0000' }),
        JSON.stringify({ overCapacity: null, reason: ['x'] }),
      ];
      for (const path of paths) {
        for (const raw of bodies) {
          for (const locale of ['fr', 'en']) {
            const r = await call(base, 'POST', path, {
              raw,
              headers: { ...coordinator.headers, 'content-type': 'application/json', 'accept-language': locale },
            });
            assert.ok(r.status >= 200 && r.status < 500, `${path} ${raw.slice(0, 60)} → ${r.status} ${JSON.stringify(r.body)}`);
            if (r.status >= 400) {
              assert.ok(isErrorBody(r.body), `${path} ${raw.slice(0, 60)}: ${JSON.stringify(r.body)}`);
              assert.equal(r.headers.get('content-language'), locale);
            }
          }
        }
        const key = await call(base, 'POST', path, {
          body: {},
          headers: { ...coordinator.headers, 'idempotency-key': 'bad key with spaces' },
        });
        refused(key, 400, 'request.invalid-idempotency-key');
      }
    });

    test('the needs summary, localized, among those registered or those present; refused to an organisation and for a bad `among`', async () => {
      const id = await startedWalk(server.gusp, 10, async (walkId) => {
        must(await server.gusp.walks.register(walkId, person(`n-${++seq}`, { needs: ['wheelchair', 'interpreter'] })));
        must(await server.gusp.walks.register(walkId, person(`n-${++seq}`, { needs: ['wheelchair'], needsNote: 'Rampe' })));
      });
      must(await server.gusp.walks.walkIn(id, { name: 'Venu', consent: true, needs: ['hearing'] }));
      const fr = await call(base, 'GET', `/api/walks/${id}/needs`, { headers: agent.headers });
      assert.equal(fr.status, 200, JSON.stringify(fr.body));
      assert.deepEqual([fr.body.walkId, fr.body.among, fr.body.people, fr.body.withNeeds, fr.body.notes], [id, 'registered', 3, 3, 1]);
      assert.equal(fr.body.text, '2\u00a0fauteuils roulants, 1\u00a0déficience auditive, 1\u00a0interprète');
      assert.deepEqual(fr.body.counts, [
        { need: 'wheelchair', count: 2 },
        { need: 'hearing', count: 1 },
        { need: 'interpreter', count: 1 },
      ]);
      const en = await call(base, 'GET', `/api/walks/${id}/needs?among=attended`, {
        headers: { ...coordinator.headers, 'accept-language': 'en' },
      });
      assert.deepEqual([en.body.among, en.body.people], ['attended', 1]);
      assert.equal(en.body.text, '1\u00a0hearing impairment');
      refused(await call(base, 'GET', `/api/walks/${id}/needs`, { headers: organisation }), 403, 'auth.forbidden');
      refused(await call(base, 'GET', `/api/walks/${id}/needs?among=everyone`, { headers: agent.headers }), 400, 'request.invalid-query');
      refused(await call(base, 'GET', '/api/walks/nope/needs', { headers: agent.headers }), 404, 'walk.not-found');
    });

    test('the registrations as CSV: strict RFC 4180, contacts for staff, formulas defused, labels in the request’s language; refused to an organisation', async () => {
      const id = await walkOf(server.gusp, { capacity: 2 });
      const online = must(
        await server.gusp.walks.register(
          id,
          person(`csv-${++seq}`, { name: 'Zoé "Zaza", Martin', needs: ['wheelchair', 'interpreter'], needsNote: 'Rampe\nsvp' }),
        ),
      );
      const phoned = must(await server.gusp.walks.registerByStaff(id, { name: '=HYPERLINK("x")', phone: '06 12 34 56 78', consent: true }));
      const waiting = must(
        await server.gusp.walks.registerByStaff(id, { name: 'Léa Attente', phone: '0475000000', consent: true, role: 'association' }),
      );
      const cancelled = await call(base, 'POST', `/api/walks/${id}/registrations/${online.registration.id}/cancel-on-behalf`, {
        body: { reason: '@appelé : malade' },
        headers: agent.headers,
      });
      assert.equal(cancelled.status, 200, JSON.stringify(cancelled.body));

      const r = await fetch(`${base}/api/walks/${id}/registrations.csv`, { headers: agent.headers });
      assert.equal(r.status, 200);
      assert.match(r.headers.get('content-type') ?? '', /^text\/csv; charset=utf-8/);
      assert.match(r.headers.get('content-disposition') ?? '', new RegExp(`attachment; filename="registrations-${id}\\.csv"`));
      assert.equal(r.headers.get('cache-control'), 'no-store');
      const csv = await r.text();
      const [header, ...records] = strictRfc4180(csv);
      assert.deepEqual(header, [...REGISTRATION_CSV_COLUMNS]);
      const rows = records.map((fields) => Object.fromEntries(header.map((name, i) => [name, fields[i]!])));
      assert.deepEqual(
        rows.map((row) => [row.id, row.status, row.channel]),
        [
          [online.registration.id, 'cancelled', 'online'],
          [phoned.registration.id, 'confirmed', 'phone'],
          [waiting.registration.id, 'confirmed', 'phone'],
        ],
        'in sign-up order; the cancellation seated the waitlisted person',
      );
      const [zoe, formula, lea] = rows;
      assert.equal(zoe!.name, 'Zoé "Zaza", Martin');
      assert.equal(zoe!.email, online.registration.email);
      assert.equal(zoe!.needs, 'wheelchair;interpreter');
      assert.equal(zoe!.needsNote, 'Rampe\nsvp');
      assert.equal(zoe!.cancelReason, "'@appelé : malade", 'a reason starting with @ is defused');
      assert.equal(zoe!.statusLabel, 'Annulée');
      assert.equal(zoe!.needsLabel, 'fauteuil roulant, interprète');
      assert.equal(formula!.name, `'=HYPERLINK("x")`, 'a name a spreadsheet would run is defused');
      assert.equal(formula!.phone, '06 12 34 56 78');
      assert.equal(formula!.email, '');
      assert.equal(formula!.consentVia, 'staff');
      assert.equal(formula!.channelLabel, 'Par téléphone');
      assert.deepEqual([lea!.role, lea!.roleLabel], ['association', 'Association de quartier']);
      assert.equal(csv.includes(online.registration.cancelToken), false, 'never a cancel token');

      // French Excel's flavour, and English labels.
      const excel = await fetch(`${base}/api/walks/${id}/registrations.csv?bom=1&delimiter=%3B`, {
        headers: { ...coordinator.headers, 'accept-language': 'en' },
      });
      const bytes = new Uint8Array(await excel.arrayBuffer());
      assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'a UTF-8 byte order mark first');
      const excelText = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
      const [enHeader, enZoe] = strictRfc4180(excelText.slice(1), ';');
      assert.deepEqual(enHeader, [...REGISTRATION_CSV_COLUMNS]);
      assert.equal(enZoe![REGISTRATION_CSV_COLUMNS.indexOf('statusLabel')], 'Cancelled');

      refused(await call(base, 'GET', `/api/walks/${id}/registrations.csv`, { headers: organisation }), 403, 'auth.forbidden');
      refused(await call(base, 'GET', `/api/walks/${id}/registrations.csv`), 401, 'auth.required');
      refused(
        await call(base, 'GET', `/api/walks/${id}/registrations.csv?delimiter=x`, { headers: agent.headers }),
        400,
        'request.invalid-query',
      );
      refused(await call(base, 'GET', '/api/walks/nope/registrations.csv', { headers: agent.headers }), 404, 'walk.not-found');
    });

    test('the day sheet: a printable page without a script, contacts or needs; refused to an organisation', async () => {
      const id = await walkOf(server.gusp, { capacity: 1 });
      must(
        await server.gusp.walks.register(
          id,
          person(`s-${++seq}`, { name: 'Zoé <b>Martin</b>', phone: '0601020304', needs: ['wheelchair'] }),
        ),
      );
      must(await server.gusp.walks.registerByStaff(id, { name: 'Ginette Sans-Mail', phone: '0475123456', consent: true }));
      const r = await fetch(`${base}/api/walks/${id}/day-sheet.html`, { headers: agent.headers });
      assert.equal(r.status, 200);
      assert.match(r.headers.get('content-type') ?? '', /^text\/html/);
      assert.equal(r.headers.get('cache-control'), 'no-store');
      assert.match(r.headers.get('content-security-policy') ?? '', /script-src 'self'/);
      const html = await r.text();
      assert.match(html, /^<!DOCTYPE html>/i);
      assert.doesNotMatch(html, /<script/i);
      assert.match(html, /Zoé &lt;b&gt;Martin&lt;\/b&gt;/);
      assert.match(html, /Ginette Sans-Mail<span class="tag">téléphone seulement<\/span>/, 'the phone-only person is marked');
      assert.doesNotMatch(html, /Martin&lt;\/b&gt;<span class="tag">téléphone seulement/, 'someone who also gave an email is not marked');
      assert.match(html, /Parvis des Bleuets/);
      for (const secret of ['0601020304', '0475123456', '@example.org']) assert.equal(html.includes(secret), false, secret);
      const en = await fetch(`${base}/api/walks/${id}/day-sheet.html`, { headers: { ...agent.headers, 'accept-language': 'en' } });
      assert.match(await en.text(), /<html lang="en/);
      // Opened from the console in a new tab: `?lang=` (the console's language) wins over the browser's.
      const asked = await fetch(`${base}/api/walks/${id}/day-sheet.html?lang=fr`, {
        headers: { ...agent.headers, 'accept-language': 'en' },
      });
      assert.equal(asked.headers.get('content-language'), 'fr');
      assert.match(await asked.text(), /<html lang="fr/);
      refused(await call(base, 'GET', `/api/walks/${id}/day-sheet.html?lang=xx`, { headers: agent.headers }), 400, 'request.invalid-query');
      const csv = await fetch(`${base}/api/walks/${id}/registrations.csv?lang=en`, { headers: agent.headers });
      assert.match(await csv.text(), /,Confirmed,/, 'the CSV labels in the language asked');
      refused(await call(base, 'GET', `/api/walks/${id}/day-sheet.html`, { headers: organisation }), 403, 'auth.forbidden');
      refused(await call(base, 'GET', `/api/walks/${id}/day-sheet.html`), 401, 'auth.required');
      refused(await call(base, 'GET', '/api/walks/nope/day-sheet.html', { headers: agent.headers }), 404, 'walk.not-found');
    });
  });
}

onBothDatabases(walkStaffSuite);
