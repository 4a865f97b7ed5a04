// SPDX-License-Identifier: EUPL-1.2
/**
 * The compte-rendu edited, previewed, shared and given back to everyone (issue 14), over real HTTP
 * against the real SMTP capture: every section edited (unknown stop and photo refused, localized),
 * the texts kept when the draft is generated again, staff's preview the same page as the public's,
 * and the emails of the restitution — attendees (walk-ins too), registrants confirmed, waitlisted or
 * absent, each in their language, and the organisations concerned through their active staff
 * accounts; not those who cancelled, nor the erased; each exactly once, SMTP down or not — and the
 * printable list of the people without an email.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { ParsedMail } from 'mailparser';
import type { Database } from '../src/db.js';
import { readOutbox } from '../src/notify/outbox.js';
import type { RunningServer } from '../src/server.js';
import { createAccount, deactivateAccount } from '../src/staff/accounts.js';
import { bearer, call, isErrorBody, okCalls, person, walkStartingSoon } from './harness.js';
import { rgbPng } from './images.js';
import { onBothDatabases } from './postgres-cluster.js';
import { startNotifyingServer, startSmtpCapture, to, type SmtpCapture } from './smtp-capture.js';

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

onBothDatabases((name, open, skip) => {
  describe(`the compte-rendu given back to everyone (${name})`, { skip }, () => {
    let db: Database;
    let server: RunningServer;
    let mailbox: SmtpCapture;
    let coordinator: Record<string, string>;
    let agent: Record<string, string>;

    before(async () => {
      db = await open();
      ({ server, mailbox } = await startNotifyingServer(db));
      coordinator = await bearer(db, 'coordinator', 'report');
      agent = await bearer(db, 'agent', 'report');
    });
    after(async () => {
      await server?.close();
      await mailbox?.close();
      await db?.close();
    });

    const ok = okCalls(
      () => server.url,
      () => coordinator,
      'k',
    );

    /**
     * A done walk of two stops with, by the end: A (fr) and the walk-in W1 (en, email) attended, B (en)
     * absent, P (phone only) attended, the walk-in W2 without email, L waitlisted, C cancelled by staff,
     * E erased; a problem with a photo at the first stop, qualified for the Ville; a positive point.
     */
    async function doneWalk(tag: string) {
      const { id, walk, reg } = await walkStartingSoon(server.url, ok, tag, {
        capacity: 4,
        stops: [{ label: 'Square Dunant' }, { label: 'Rue Jean-Jaurès' }],
      });
      const a = await reg('a');
      await reg('b', { locale: 'en' });
      const p = await reg('p', { email: undefined, phone: '06 12 34 56 78', name: `Paulette ${tag}` });
      const c = await reg('c');
      await reg('l');
      const e = await reg('e');
      await ok('POST', `/api/walks/${id}/registrations/${c}/cancel-on-behalf`, {});
      await ok('POST', `/api/walks/${id}/close-registrations`);
      await ok('POST', `/api/walks/${id}/start`);
      await ok('POST', `/api/walks/${id}/walk-ins`, person(`${tag}-w1`, { locale: 'en' }), agent);
      await ok('POST', `/api/walks/${id}/walk-ins`, { name: `Walter ${tag}`, phone: '04 75 00 00 00', consent: true }, agent);
      await ok('POST', `/api/walks/${id}/check-ins`, { registrationIds: [a, p] }, agent);
      const uploaded = await fetch(`${server.url}/api/photos`, {
        method: 'POST',
        headers: { 'content-type': 'image/png', ...agent },
        body: new Uint8Array(rgbPng(4, 3, new Array(39).fill(0))),
      });
      assert.equal(uploaded.status, 201);
      const photo = ((await uploaded.json()) as { id: string }).id;
      const stops = (walk.stops as { id: string }[]).map((s) => s.id);
      const problem = await ok(
        'POST',
        '/api/observations',
        {
          walkId: id,
          stopId: stops[0],
          polarity: 'problem',
          themeId: 'eclairage-public',
          description: 'Lampadaire éteint au square',
          source: 'walk',
          photos: [{ id: photo }],
        },
        agent,
      );
      await ok(
        'POST',
        '/api/observations',
        { walkId: id, stopId: stops[1], polarity: 'positive', themeId: 'lien-social', description: 'Fête des voisins', source: 'walk' },
        agent,
      );
      await ok('POST', `/api/observations/${problem.id}/qualify`, { organisationId: 'ville-de-valence' });
      await ok('POST', `/api/walks/${id}/finish`);
      // Erased after the walk: neither emailed nor on the printable list.
      const erased = await server.gusp.walks.eraseRegistration(id, e);
      assert.ok(erased.ok, JSON.stringify(!erased.ok && erased.error));
      return { id, stops, photo, problem: problem.id as string };
    }

    const of = (tag: string) => (m: ParsedMail) => (to(m) ?? '').includes(`-${tag}-`) || (to(m) ?? '').startsWith(`oph-${tag}`);

    test('every section edited, refused when wrong, kept on a new draft; staff preview the public page; everyone told once, fr and en', async () => {
      const oph = await createAccount(db.sql, {
        email: 'oph-one@example.org',
        name: 'Odile OPH',
        role: 'organisation',
        organisationId: 'oph',
        invitedBy: 'cli',
      });
      const gone = await createAccount(db.sql, {
        email: 'oph-one-gone@example.org',
        role: 'organisation',
        organisationId: 'oph',
        invitedBy: 'cli',
      });
      await deactivateAccount(db.sql, gone.id);
      await createAccount(db.sql, {
        email: 'oph-one-other@example.org',
        role: 'organisation',
        organisationId: 'compagnons-batisseurs',
        invitedBy: 'cli',
      });
      const ville = await createAccount(db.sql, {
        email: 'oph-one-ville@example.org',
        role: 'organisation',
        organisationId: 'ville-de-valence',
        invitedBy: 'cli',
      });
      const w = await doneWalk('one');
      await ok('POST', `/api/walks/${w.id}/report/draft`);

      // Refusals: localized, with a stable code, nothing changed.
      const badStop = await call(server.url, 'POST', `/api/walks/${w.id}/report/edit`, {
        body: { stops: [{ stopId: 'stop-nowhere', text: 'x' }] },
        headers: { ...coordinator, 'accept-language': 'en' },
      });
      assert.equal(badStop.status, 422);
      assert.ok(isErrorBody(badStop.body));
      assert.equal(badStop.body.error.code, 'report.unknown-stop');
      assert.match(badStop.body.error.message, /Unknown stop/);
      const badPhoto = await call(server.url, 'POST', `/api/walks/${w.id}/report/edit`, {
        body: { photos: [{ photoId: 'not-ours' }] },
        headers: coordinator,
      });
      assert.equal(badPhoto.body.error.code, 'report.unknown-photo');
      assert.match(badPhoto.body.error.message, /photo/);
      const tooLong = await call(server.url, 'POST', `/api/walks/${w.id}/report/edit`, {
        body: { introduction: 'x'.repeat(9000) },
        headers: coordinator,
      });
      assert.equal(tooLong.status, 422, JSON.stringify(tooLong.body));
      const asAgent = await call(server.url, 'POST', `/api/walks/${w.id}/report/edit`, { body: { introduction: 'x' }, headers: agent });
      assert.equal(asAgent.status, 403);

      const edited = await ok('POST', `/api/walks/${w.id}/report/edit`, {
        introduction: 'Vingt habitants ont parcouru le Polygone.',
        stops: [{ stopId: w.stops[0], text: 'Le square manque de lumière le soir.' }],
        positives: 'La fête des voisins rassemble.',
        next: 'Rendez-vous à la permanence du mardi.',
        photos: [{ photoId: w.photo, alt: 'Le lampadaire éteint du square' }],
      });
      assert.equal(edited.introduction, 'Vingt habitants ont parcouru le Polygone.');
      assert.deepEqual(edited.photos, [{ photoId: w.photo, observationId: w.problem, alt: 'Le lampadaire éteint du square' }]);
      const events = (await server.gusp.store.read(`walk-${w.id}`)).events.filter((e) => e.type === 'ReportEdited');
      assert.equal(events.length, 1);
      assert.equal((events[0]?.data as { by?: { role?: string } }).by?.role, 'coordinator', 'the event says who');

      // An engagement created in place from the observation; the draft generated again lists it and keeps the texts.
      await ok('POST', '/api/engagements', {
        title: 'Réparer le lampadaire',
        quartierId: 'polygone',
        organisationId: 'oph',
        walkId: w.id,
        observationIds: [w.problem],
      });
      const again = await ok('POST', `/api/walks/${w.id}/report/draft`);
      assert.deepEqual(
        (again.engagements as { title: string }[]).map((e) => e.title),
        ['Réparer le lampadaire'],
      );
      assert.equal(again.nextSteps, 'Rendez-vous à la permanence du mardi.');
      assert.equal(again.stopNotes.length, 1);
      assert.equal(again.photos.length, 1);

      // The preview: staff only before sharing, the same page as the public's (a banner outside the report).
      const html = `/api/walks/${w.id}/report.html`;
      assert.equal((await call(server.url, 'GET', html)).status, 404, 'the public: nothing before it is shared');
      assert.equal((await call(server.url, 'GET', `/api/walks/${w.id}/report.md`)).status, 404);
      const preview = await fetch(`${server.url}${html}`, { headers: agent });
      assert.equal(preview.status, 200);
      const previewText = await preview.text();
      assert.match(previewText, /class="preview"/);
      for (const text of [
        'Vingt habitants',
        'Le square manque de lumière',
        'La fête des voisins rassemble',
        'permanence du mardi',
        'Réparer le lampadaire',
      ])
        assert.ok(previewText.includes(text), text);
      assert.match(previewText, new RegExp(`<img src="[^"]*/api/photos/${w.photo}" alt="Le lampadaire éteint du square"`));
      const md = await fetch(`${server.url}/api/walks/${w.id}/report.md?lang=en`, { headers: coordinator });
      assert.match(await md.text(), /## What comes next/);

      await ok('POST', `/api/walks/${w.id}/report/validate`, {});
      const staffBefore = previewText;
      await ok('POST', `/api/walks/${w.id}/report/share`, {});
      const published = await fetch(`${server.url}${html}`);
      assert.equal(published.status, 200);
      const publicText = await published.text();
      assert.doesNotMatch(publicText, /class="preview"/);
      const main = (page: string) => page.slice(page.indexOf('<main>'), page.indexOf('</main>'));
      assert.equal(main(publicText), main(staffBefore), 'the preview showed the very sections the public reads');

      // Who it reached: counted for the console, then emailed, each once.
      const counts = await ok('GET', `/api/walks/${w.id}/report/restitution`, undefined, agent);
      assert.equal(counts.emailed, 4, JSON.stringify(counts));
      assert.equal(counts.withoutEmail, 2);
      assert.deepEqual(
        (counts.byOrganisation as { organisationId: string; accounts: number }[]).map((o) => [o.organisationId, o.accounts]),
        [
          ['oph', 1],
          ['ville-de-valence', 1],
        ],
      );
      const expected = [
        'habitant-one-a@example.org',
        'habitant-one-b@example.org',
        'habitant-one-l@example.org',
        'habitant-one-w1@example.org',
        oph.email,
        ville.email,
      ].sort();
      const end = Date.now() + 20_000;
      while (
        mailbox.messages.filter(of('one')).filter((m) => /Compte-rendu|Report/.test(m.subject ?? '')).length < expected.length &&
        Date.now() < end
      )
        await wait(50);
      await wait(500);
      const reports = mailbox.messages.filter(of('one')).filter((m) => /^(Compte-rendu|Report)/.test(m.subject ?? ''));
      assert.deepEqual(reports.map((m) => to(m)).sort(), expected);
      const subjectOf = (address: string | null) => reports.find((m) => to(m) === address)?.subject;
      assert.equal(subjectOf('habitant-one-a@example.org'), 'Compte-rendu du diagnostic en marchant, Polygone');
      assert.equal(subjectOf('habitant-one-b@example.org'), 'Report of the neighbourhood walk, Polygone');
      assert.equal(subjectOf('habitant-one-w1@example.org'), 'Report of the neighbourhood walk, Polygone');
      assert.equal(subjectOf(oph.email), 'Compte-rendu du diagnostic en marchant, Polygone : Office public de l’habitat est concernée');
      const body = reports.find((m) => to(m) === 'habitant-one-a@example.org')?.text ?? '';
      assert.ok(body.includes(`/api/walks/${w.id}/report.html`), 'the link to the public page');
      assert.match(body, /La suite/);
      assert.match(
        reports.find((m) => to(m) === 'habitant-one-b@example.org')?.text ?? '',
        /What comes next/,
        'the text in their language',
      );

      // The printable list: staff only, French first, English on asking.
      const list = `/api/walks/${w.id}/report/without-email.html`;
      assert.equal((await call(server.url, 'GET', list)).status, 401);
      const page = await (await fetch(`${server.url}${list}`, { headers: agent })).text();
      assert.match(page, /<html lang="fr">/);
      assert.ok(page.includes('Paulette one') && page.includes('06 12 34 56 78') && page.includes('Walter one'));
      assert.ok(!page.includes('habitant-one-e') && !page.includes('Habitant one-e'), 'not the erased');
      assert.match(page, /@media print/);
      const en = await (await fetch(`${server.url}${list}?lang=en`, { headers: agent })).text();
      assert.match(en, /people without an email address/);
      assert.equal((await call(server.url, 'GET', `${list}?lang=xx`, { headers: agent })).status, 400);
    });

    test('with the SMTP server down at sharing, the same people get it once it is back, each once', async () => {
      const w = await doneWalk('two');
      await ok('POST', `/api/walks/${w.id}/report/draft`);
      await ok('POST', `/api/walks/${w.id}/report/validate`, {});
      const port = mailbox.port;
      await mailbox.close();
      await ok('POST', `/api/walks/${w.id}/report/share`, {});
      const pending = async () => (await readOutbox(db.sql)).filter((e) => e.kind.startsWith('report') && e.recipient.includes('-two-'));
      const end = Date.now() + 20_000;
      while ((await pending()).filter((e) => e.lastError !== null).length < 4 && Date.now() < end) await wait(50);
      assert.equal((await pending()).filter((e) => e.sentAt === null).length, 4, 'waiting in the outbox');
      mailbox = await startSmtpCapture(port);
      while ((await pending()).some((e) => e.sentAt === null) && Date.now() < end + 20_000) await wait(50);
      // A second round that would repeat: none.
      await server.notifier?.project();
      await server.notifier?.send();
      const received = mailbox.messages
        .filter(of('two'))
        .filter((m) => /^(Compte-rendu|Report)/.test(m.subject ?? ''))
        .map((m) => to(m));
      assert.deepEqual(received.sort(), [
        'habitant-two-a@example.org',
        'habitant-two-b@example.org',
        'habitant-two-l@example.org',
        'habitant-two-w1@example.org',
      ]);
    });
  });
});
