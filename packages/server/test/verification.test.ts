// SPDX-License-Identifier: EUPL-1.2
/**
 * Verification by the people who were there (issue 14), over real HTTP against the real SMTP capture:
 * an engagement of a walk three people attended (two with an email, one by phone) is completed by the
 * OPH → two emails « Est-ce réglé ? », in French and in English, each with a personal link; opening
 * the page changes nothing; « En partie » and « Oui » are counted on the public engagement and in the
 * staff history, a changed answer replaces the earlier one, « Non » flags it; a forged or another
 * engagement's token is a localized page, never a 500; the OPH can never verify (token or session),
 * the coordinator verifies and reopens (progress back to the last point d'étape); erasing a person
 * keeps the counts; with the SMTP server down the question still goes, once, when it is back.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { ParsedMail } from 'mailparser';
import type { Database } from '../src/db.js';
import { readOutbox } from '../src/notify/outbox.js';
import type { RunningServer } from '../src/server.js';
import { bearer, call, inDays, okCalls, walkStartingSoon } from './harness.js';
import { onBothDatabases } from './postgres-cluster.js';
import { startNotifyingServer, startSmtpCapture, to, type SmtpCapture } from './smtp-capture.js';

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

onBothDatabases((name, open, skip) => {
  describe(`verification by the people who were there (${name})`, { skip }, () => {
    let db: Database;
    let server: RunningServer;
    let mailbox: SmtpCapture;
    let coordinator: Record<string, string>;
    let agent: Record<string, string>;
    let oph: Record<string, string>;
    let n = 0;

    before(async () => {
      db = await open();
      ({ server, mailbox } = await startNotifyingServer(db));
      coordinator = await bearer(db, 'coordinator', 'verification coordinator');
      agent = await bearer(db, 'agent', 'verification agent');
      oph = await bearer(db, 'organisation', 'verification organisation', 'oph');
    });
    after(async () => {
      await server?.close();
      await mailbox?.close();
      await db?.close();
    });

    const ok = okCalls(
      () => server.url,
      () => coordinator,
      'v',
    );

    /** A done walk attended by A (fr, email), B (en, email) and P (phone only). */
    async function attendedWalk(tag: string) {
      const { id, reg } = await walkStartingSoon(server.url, ok, tag, { capacity: 10, stops: [{ label: 'Square Dunant' }] });
      const a = await reg('a', { locale: 'fr' });
      const b = await reg('b', { locale: 'en' });
      const p = await reg('p', { email: undefined, phone: '06 12 34 56 78' });
      await ok('POST', `/api/walks/${id}/close-registrations`);
      await ok('POST', `/api/walks/${id}/start`);
      await ok('POST', `/api/walks/${id}/check-ins`, { registrationIds: [a, b, p] }, agent);
      await ok('POST', `/api/walks/${id}/finish`);
      return id;
    }

    /** An engagement of the walk, accepted for the OPH and carried out by its token up to `percent`. */
    async function inProgress(walkId: string, title: string, percent = 60) {
      const e = await ok('POST', '/api/engagements', { title, quartierId: 'polygone', walkId });
      await ok('POST', `/api/engagements/${e.id}/accept`, { organisationId: 'oph', dueOn: inDays(30).slice(0, 10) });
      await ok('POST', `/api/engagements/${e.id}/start`, {}, oph);
      await ok('POST', `/api/engagements/${e.id}/progress`, { percent }, oph);
      return e.id as string;
    }

    const questionsTo = (tag: string) => (m: ParsedMail) =>
      (to(m) ?? '').startsWith(`habitant-${tag}-`) && /^(Est-ce réglé \?|Is it settled\?)/.test(m.subject ?? '');
    async function questions(tag: string, count: number) {
      const end = Date.now() + 20_000;
      while (mailbox.messages.filter(questionsTo(tag)).length < count && Date.now() < end) await wait(50);
      return mailbox.messages.filter(questionsTo(tag));
    }
    const linkIn = (m: ParsedMail) => {
      const found = /https?:\/\/\S+\/verification\?\S+/.exec(m.text ?? '');
      assert.ok(found, `a link in ${m.text}`);
      return new URL(found[0]);
    };
    const engagement = async (id: string) => (await call(server.url, 'GET', `/api/engagements/${id}`)).body;
    const form = (link: URL, answer: string, lang = link.searchParams.get('lang') ?? '') =>
      fetch(`${server.url}/verification`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          engagement: link.searchParams.get('engagement') ?? '',
          token: link.searchParams.get('token') ?? '',
          answer,
          ...(lang ? { lang } : {}),
        }),
      });
    const eventsOf = async (id: string) =>
      (await db.sql.query<{ type: string }>('SELECT type FROM events WHERE stream = $1 ORDER BY position', [`engagement-${id}`])).rows.map(
        (r) => r.type,
      );

    test('two attendees with an email are asked, fr and en; the page changes nothing; answers are counted once per person', async () => {
      const walkId = await attendedWalk('one');
      const id = await inProgress(walkId, 'Réparer la porte du hall B');
      await ok('POST', `/api/engagements/${id}/complete`, { note: 'Porte changée' }, oph);

      const mails = await questions('one', 2);
      assert.deepEqual(mails.map((m) => to(m)).sort(), ['habitant-one-a@example.org', 'habitant-one-b@example.org']);
      const fr = mails.find((m) => to(m) === 'habitant-one-a@example.org') as ParsedMail;
      const en = mails.find((m) => to(m) === 'habitant-one-b@example.org') as ParsedMail;
      assert.equal(fr.subject, 'Est-ce réglé ? Réparer la porte du hall B');
      assert.equal(en.subject, 'Is it settled? Réparer la porte du hall B');
      assert.match(fr.text ?? '', /Bonjour Habitant one-a,[\s\S]*OPH indique qu’il est réalisé[\s\S]*Oui, En partie ou Non/);
      assert.match(en.text ?? '', /Hello Habitant one-b,[\s\S]*OPH says it is done[\s\S]*Yes, Partly or No/);
      const [aLink, bLink] = [linkIn(fr), linkIn(en)];
      assert.equal(aLink.searchParams.get('lang'), null);
      assert.equal(bLink.searchParams.get('lang'), 'en');
      assert.match(aLink.searchParams.get('token') ?? '', /^[0-9a-f]{64}$/);
      assert.notEqual(aLink.searchParams.get('token'), bLink.searchParams.get('token'));
      const outbox = (await readOutbox(db.sql)).filter((e) => e.kind === 'verification-asked' && e.recipient.includes('-one-'));
      assert.equal(outbox.length, 2, 'the phone-only attendee is not asked, and nobody twice');

      // Following the link shows the question and three buttons, and records nothing.
      const before = await eventsOf(id);
      for (let i = 0; i < 2; i++) {
        const page = await fetch(`${server.url}${aLink.pathname}${aLink.search}`);
        assert.equal(page.status, 200);
        const html = await page.text();
        assert.match(html, /<html lang="fr">/);
        assert.match(html, /<h1>Est-ce réglé \?<\/h1>/);
        assert.match(html, /Réparer la porte du hall B/);
        for (const [answer, label] of [
          ['yes', 'Oui'],
          ['partly', 'En partie'],
          ['no', 'Non'],
        ])
          assert.match(
            html,
            new RegExp(
              `<button type="submit" name="answer" value="${answer}" data-answer="${answer}" aria-pressed="false">${label}</button>`,
            ),
          );
        assert.match(html, /<form method="post" action="\/verification" class="gusp-verification">/);
      }
      const english = await (await fetch(`${server.url}${bLink.pathname}${bLink.search}`)).text();
      assert.match(english, /<html lang="en">[\s\S]*Is it settled\?[\s\S]*>Partly</);
      assert.deepEqual(await eventsOf(id), before, 'opening the page appended nothing');
      assert.deepEqual((await engagement(id)).residentAnswers, { yes: 0, partly: 0, no: 0 });

      const partly = await form(aLink, 'partly');
      assert.equal(partly.status, 200);
      assert.match(await partly.text(), /data-answered="partly">Merci, votre réponse « En partie » est enregistrée/);
      const yes = await form(bLink, 'yes');
      assert.match(await yes.text(), /data-answered="yes">Thank you, your answer “Yes” is recorded/);
      let shown = await engagement(id);
      assert.deepEqual(shown.residentAnswers, { yes: 1, partly: 1, no: 0 });
      assert.equal(shown.residentsSaidNo, false);

      // A changed answer replaces the earlier one; the same again changes nothing; « Non » flags it.
      await form(bLink, 'no');
      shown = await engagement(id);
      assert.deepEqual(shown.residentAnswers, { yes: 0, partly: 1, no: 1 });
      assert.equal(shown.residentsSaidNo, true);
      await form(bLink, 'yes');
      await form(bLink, 'yes');
      await form(aLink, 'partly');
      shown = await engagement(id);
      assert.deepEqual(shown.residentAnswers, { yes: 1, partly: 1, no: 0 });
      assert.equal(shown.residentsSaidNo, false);
      assert.equal((await eventsOf(id)).filter((t) => t === 'EngagementResidentAnswered').length, 4);
      const again = await (await fetch(`${server.url}${aLink.pathname}${aLink.search}`)).text();
      assert.match(again, /data-current-answer="partly">Votre réponse actuelle : En partie\./);
      assert.match(again, /value="partly" data-answer="partly" aria-pressed="true"/);

      // The public list and the staff history carry the counts, no personal data.
      const list = await call(server.url, 'GET', `/api/engagements?walk=${walkId}`);
      const listed = (list.body.engagements as { id: string; residentAnswers: unknown }[]).find((e) => e.id === id);
      assert.deepEqual(listed?.residentAnswers, { yes: 1, partly: 1, no: 0 });
      assert.ok(!JSON.stringify(list.body).includes(aLink.searchParams.get('token') ?? '-'));
      const history = await call(server.url, 'GET', `/api/staff/engagements/${id}/history`, { headers: coordinator });
      assert.equal(history.status, 200);
      assert.deepEqual(history.body.residentAnswers, { yes: 1, partly: 1, no: 0 });
      assert.equal(history.body.residentsSaidNo, false);
      assert.deepEqual(
        (history.body.history as { kind: string }[]).map((h) => h.kind),
        ['proposed', 'accepted', 'started', 'progressed', 'completed'],
      );

      // Forged, another engagement's, missing, or a wrong answer: a page in the person's language, never a 500.
      const forged = new URL(aLink);
      forged.searchParams.set('token', 'f'.repeat(64));
      const refused = await fetch(`${server.url}${forged.pathname}${forged.search}`);
      assert.equal(refused.status, 404);
      assert.match(await refused.text(), /data-refused>Ce lien ne permet pas de répondre pour cet engagement/);
      const refusedPost = await form(forged, 'yes', 'en');
      assert.equal(refusedPost.status, 404);
      assert.match(await refusedPost.text(), /<html lang="en">[\s\S]*This link cannot be used/);
      const otherId = await inProgress(walkId, 'Repeindre la cage d’escalier');
      const reused = new URL(aLink);
      reused.searchParams.set('engagement', otherId);
      assert.equal((await form(reused, 'yes')).status, 404, 'a token answers for its own engagement only');
      assert.equal((await fetch(`${server.url}/verification?engagement=${id}`)).status, 400);
      const wrong = await form(aLink, 'peut-être');
      assert.equal(wrong.status, 422);
      assert.match(await wrong.text(), /data-refused/);
      assert.deepEqual((await engagement(id)).residentAnswers, { yes: 1, partly: 1, no: 0 }, 'nothing refused was counted');

      // The OPH never verifies its own engagement, by token or session; the coordinator does, with the answers in view.
      const byToken = await call(server.url, 'POST', `/api/engagements/${id}/verify`, {
        body: {},
        headers: { ...oph, 'accept-language': 'en', 'idempotency-key': `v-${++n}` },
      });
      assert.equal(byToken.status, 403);
      assert.equal(byToken.body.error.code, 'engagement.organisation-cannot-verify');
      assert.match(byToken.body.error.message, /An organisation does not verify its own commitments/);
      const invited = await server.staff.invite({
        email: 'odile@oph.example',
        role: 'organisation',
        organisationId: 'oph',
        invitedBy: 'test',
      });
      const signIn = await call(server.url, 'POST', '/api/staff/sign-in/verify', {
        body: { token: new URL(invited.link).searchParams.get('token') },
      });
      assert.equal(signIn.status, 200, JSON.stringify(signIn.body));
      const cookie = /^(gusp_session=[^;]+)/.exec(signIn.headers.get('set-cookie') ?? '')?.[1] ?? '';
      const bySession = await call(server.url, 'POST', `/api/engagements/${id}/verify`, {
        body: {},
        headers: { cookie, origin: server.url, 'x-csrf-token': signIn.body.session.csrfToken, 'idempotency-key': `v-${++n}` },
      });
      assert.equal(bySession.status, 403, JSON.stringify(bySession.body));
      assert.equal(bySession.body.error.code, 'engagement.organisation-cannot-verify');
      assert.match(bySession.body.error.message, /^Une organisation ne vérifie pas ses propres engagements/);
      assert.equal((await engagement(id)).status, 'done');
      const verified = await ok('POST', `/api/engagements/${id}/verify`, { note: 'Vu avec les habitants' });
      assert.equal(verified.status, 'verified');
      assert.deepEqual(verified.milestones.at(-1).by, { role: 'coordinator' });

      // Erasing a person keeps the counts; her link answers no more.
      const erased = await call(server.url, 'POST', '/api/privacy/erase', {
        body: { email: 'habitant-one-a@example.org' },
        headers: coordinator,
      });
      assert.equal(erased.status, 200, JSON.stringify(erased.body));
      assert.deepEqual((await engagement(id)).residentAnswers, { yes: 1, partly: 1, no: 0 });
      assert.equal((await form(aLink, 'no')).status, 404);

      // Reopened, even verified: in progress at its last point d'étape; the question waits for the next completion.
      const reopened = await ok('POST', `/api/engagements/${id}/reopen`, { reason: 'La porte claque encore' });
      assert.equal(reopened.status, 'in-progress');
      assert.equal(reopened.progress, 60);
      const late = await form(bLink, 'yes');
      assert.equal(late.status, 409);
      assert.match(await late.text(), /<html lang="en">[\s\S]*no longer awaits answers/);
    });

    test('with the SMTP server down at completion, each participant is asked once it is back, once', async () => {
      const walkId = await attendedWalk('two');
      const id = await inProgress(walkId, 'Changer l’éclairage du porche', 30);
      const port = mailbox.port;
      await mailbox.close();
      await ok('POST', `/api/engagements/${id}/complete`, {}, oph);
      const pending = async () =>
        (await readOutbox(db.sql)).filter((e) => e.kind === 'verification-asked' && e.recipient.includes('-two-'));
      const end = Date.now() + 20_000;
      while ((await pending()).filter((e) => e.lastError !== null).length < 2 && Date.now() < end) await wait(50);
      assert.equal((await pending()).filter((e) => e.sentAt === null).length, 2, 'waiting in the outbox');
      mailbox = await startSmtpCapture(port);
      while ((await pending()).some((e) => e.sentAt === null) && Date.now() < end + 20_000) await wait(50);
      // A second round that would repeat: none.
      await server.notifier?.project();
      await server.notifier?.send();
      await wait(200);
      assert.deepEqual(
        mailbox.messages
          .filter(questionsTo('two'))
          .map((m) => to(m))
          .sort(),
        ['habitant-two-a@example.org', 'habitant-two-b@example.org'],
      );
    });
  });
});
