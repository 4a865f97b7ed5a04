// SPDX-License-Identifier: EUPL-1.2
/**
 * Concerted projects and their workshops (issue 15) over real HTTP, on PGlite and PostgreSQL, with
 * the emails read back from a real SMTP server: the Bleuets played through the API (announced, a
 * workshop at the local des habitants that fills up and promotes from its waiting list, residents
 * checked in, contributions adopted and declined, the OPH's engagement, the works) and seen on
 * `GET /api/projects/:id`; 200 sign-ups at once to 30 seats; the seed's Bleuets; the calendars,
 * the GeoJSON and the HTML page; who may read a draft.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { check as checkGeoJSON } from '@placemarkio/check-geojson';
import { bleuetsSeed, type StoredEvent } from '@gusp/core';
import ICAL from 'ical.js';
import { createToken } from '../src/auth.js';
import type { Database } from '../src/db.js';
import { purgePersonalData, exportPersonalData, erasePersonalData } from '../src/privacy.js';
import { DEFAULT_SIGNUPS_PER_CLIENT } from '../src/http/rate-limit.js';
import { startServer, type RunningServer } from '../src/server.js';
import { sqlStore } from '../src/store/sql-store.js';
import { call, isErrorBody, person, rushSignUps } from './harness.js';
import { onBothDatabases } from './postgres-cluster.js';
import { mailsTo, startNotifyingServer, type SmtpCapture } from './smtp-capture.js';

const inMinutes = (m: number) => {
  const d = new Date(Date.now() + m * 60_000);
  d.setUTCSeconds(0, 0);
  return d.toISOString();
};
const LOCAL = { label: 'Local des habitants, rez-de-chaussée des Bleuets', point: { lat: 44.9207, lon: 4.9125 } };

function projectSuite(name: string, open: () => Promise<Database>, skip?: string | false): void {
  describe(`concerted projects and workshops on ${name} (real HTTP, real SMTP)`, { skip: skip || false }, () => {
    let db: Database;
    let server: RunningServer;
    let mailbox: SmtpCapture;
    let base: string;
    let coordinator: { id: string; headers: Record<string, string> };
    let agent: Record<string, string>;
    let oph: Record<string, string>;
    let associations: Record<string, string>;
    const unexpected: unknown[] = [];

    before(async () => {
      db = await open();
      ({ server, mailbox } = await startNotifyingServer(db, { log: (r) => r.level === 'error' && unexpected.push(r) }));
      base = server.url;
      const made = await createToken(db.sql, { role: 'coordinator', label: 'test' });
      coordinator = { id: made.id, headers: { authorization: `Bearer ${made.token}` } };
      const bearer = async (role: 'agent' | 'organisation', organisationId?: string) => ({
        authorization: `Bearer ${(await createToken(db.sql, { role, ...(organisationId ? { organisationId } : {}) })).token}`,
      });
      agent = await bearer('agent');
      oph = await bearer('organisation', 'oph');
      associations = await bearer('organisation', 'associations-de-quartier');
    });
    after(async () => {
      await server?.close();
      await mailbox?.close();
      await db?.close();
      assert.deepEqual(unexpected, [], 'no unexpected server error was logged');
    });

    /** The emails to `email` whose subject matches, once one has arrived (10 s at most). */
    const mailsArrived = (email: string, subject: RegExp) => mailsTo(mailbox, email, subject);
    const journal = async (stream: string): Promise<readonly StoredEvent[]> => (await sqlStore(db.sql).read(stream)).events;
    /** The answer's body once its status is `status`; untyped JSON, probed field by field (as `Reply`). */
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- as Reply
    const ok = (r: { status: number; body: any }, status = 200): any => {
      assert.equal(r.status, status, JSON.stringify(r.body));
      return r.body;
    };
    const refused = (r: { status: number; body: unknown }, status: number, code: string) => {
      assert.equal(r.status, status, JSON.stringify(r.body));
      assert.ok(isErrorBody(r.body), JSON.stringify(r.body));
      assert.equal(r.body.error.code, code);
    };
    const post = (path: string, body?: unknown, headers: Record<string, string> = coordinator.headers) =>
      call(base, 'POST', path, { ...(body === undefined ? {} : { body }), headers });

    /** A project created and announced over HTTP. */
    async function announcedProject(title = 'Les Bleuets, une réhabilitation concertée'): Promise<string> {
      const created = ok(
        await post('/api/projects', {
          quartierId: 'le-plan',
          title,
          site: { label: 'Immeuble Les Bleuets', address: 'Allée des Bleuets, 26000 Valence', point: { lat: 44.9205, lon: 4.9128 } },
          landlordId: 'oph',
          partnerIds: ['compagnons-batisseurs', 'ville-de-valence'],
          description: 'Sans les habitants, rien ne se fera.',
        }),
        201,
      );
      ok(await post(`/api/projects/${created.id}/announce`));
      return created.id;
    }

    /** A workshop of project `id` at the local des habitants, created and published over HTTP: its id. */
    async function openWorkshop(
      id: string,
      workshop: { title: string; startsAt: string; registrationDeadline?: string; capacity: number },
    ) {
      const created = ok(await post(`/api/projects/${id}/workshops`, { ...workshop, place: LOCAL }), 201);
      ok(await post(`/api/workshops/${created.id}/publish`));
      return created.id as string;
    }

    test('the Bleuets: announced, a workshop at the local des habitants fills up and promotes from its waiting list, residents attend, two contributions adopted and one declined, the OPH’s engagement, the works; all on GET /api/projects/:id', async () => {
      // A draft: the coordinator writes it; the public and an organisation that is not in it do not see it; the OPH does.
      const draft = ok(
        await post('/api/projects', {
          quartierId: 'le-plan',
          title: 'Les Bleuets, une réhabilitation concertée',
          site: { label: 'Immeuble Les Bleuets', point: { lat: 44.9205, lon: 4.9128 } },
          landlordId: 'oph',
          partnerIds: ['compagnons-batisseurs'],
          description: 'Sans les habitants, rien ne se fera.',
          phases: [{ kind: 'diagnostic', actualStart: '2024-01-08', actualEnd: '2024-03-29' }],
        }),
        201,
      );
      const id = draft.id as string;
      assert.equal(draft.status, 'draft');
      refused(await call(base, 'GET', `/api/projects/${id}`), 404, 'project.not-found');
      refused(await call(base, 'GET', `/api/projects/${id}`, { headers: associations }), 404, 'project.not-found');
      assert.equal(ok(await call(base, 'GET', `/api/projects/${id}`, { headers: oph })).project.status, 'draft');
      const ophDrafts = ok(await call(base, 'GET', '/api/projects?include=drafts', { headers: oph }));
      assert.ok(ophDrafts.projects.some((p: { id: string }) => p.id === id));
      const theirs = ok(await call(base, 'GET', '/api/projects?include=drafts', { headers: associations }));
      assert.ok(!theirs.projects.some((p: { id: string }) => p.id === id));
      // Only the city's staff change it: an organisation's token is refused.
      assert.equal((await post(`/api/projects/${id}/announce`, undefined, oph)).status, 403);

      ok(await post(`/api/projects/${id}/announce`));
      assert.equal(ok(await call(base, 'GET', `/api/projects/${id}`)).project.status, 'announced');
      const announced = (await journal(`project-${id}`)).find((e) => e.type === 'ProjectAnnounced');
      assert.deepEqual((announced?.data as { by?: unknown }).by, { accountId: `token:${coordinator.id}`, role: 'coordinator' });
      ok(await post(`/api/projects/${id}/start-concertation`));

      // The workshop at the local des habitants: three seats.
      const scheduled = ok(
        await post(`/api/projects/${id}/workshops`, {
          kind: 'consultation',
          title: 'Les couleurs des halls',
          startsAt: inMinutes(20),
          registrationDeadline: inMinutes(10),
          place: LOCAL,
          capacity: 3,
        }),
        201,
      );
      const wid = scheduled.id as string;
      refused(await call(base, 'GET', `/api/workshops/${wid}`), 404, 'workshop.not-found');
      assert.equal(ok(await post(`/api/workshops/${wid}/publish`)).status, 'open');
      const signUps = [];
      for (const n of [1, 2, 3, 4, 5]) signUps.push(ok(await post(`/api/workshops/${wid}/registrations`, person(`bleuets-${n}`), {}), 201));
      assert.deepEqual(
        signUps.map((s) => [s.status, s.position]),
        [
          ['confirmed', undefined],
          ['confirmed', undefined],
          ['confirmed', undefined],
          ['waitlisted', 1],
          ['waitlisted', 2],
        ],
      );
      refused(await post(`/api/workshops/${wid}/registrations`, person('bleuets-1'), {}), 409, 'registration.duplicate-email');
      const summary = ok(await call(base, 'GET', `/api/workshops/${wid}`));
      assert.deepEqual([summary.confirmed, summary.waitlisted, summary.seatsLeft, summary.status], [3, 2, 0, 'open']);
      assert.match(summary.calendar.ics, new RegExp(`/api/workshops/${wid}/calendar\\.ics$`));

      // The emails a walk's sign-up gets, in the words of an atelier: the confirmation with its .ics and cancel link, the waiting list.
      const [confirmation] = await mailsArrived(
        'habitant-bleuets-1@example.org',
        /Inscription confirmée : atelier « Les couleurs des halls », Le Plan/,
      );
      assert.match(confirmation?.text ?? '', /Votre inscription à l’atelier « Les couleurs des halls » du quartier Le Plan est confirmée/);
      assert.match(confirmation?.text ?? '', /Lieu : Local des habitants/);
      assert.match(confirmation?.text ?? '', new RegExp(`/annulation\\?workshop=${wid}&registration=`));
      const ics = confirmation?.attachments.find((a) => /calendar/.test(a.contentType));
      assert.ok(ics, 'the confirmation carries the workshop’s event');
      const event = new ICAL.Component(ICAL.parse(ics.content.toString('utf8'))).getFirstSubcomponent('vevent');
      assert.equal(event?.getFirstPropertyValue('uid'), `workshop-${wid}@gusp`);
      await mailsArrived('habitant-bleuets-4@example.org', /Liste d’attente : atelier/);

      // Someone cancels from the email's page: her seat goes to the first on the waiting list (FIFO), who is told.
      const cancelUrl = new URL(signUps[2]?.cancelUrl as string);
      assert.equal(cancelUrl.searchParams.get('workshop'), wid);
      const page = await fetch(`${base}${cancelUrl.pathname}${cancelUrl.search}`);
      assert.equal(page.status, 200);
      assert.match(await page.text(), /venir à l’atelier/);
      const form = new URLSearchParams(cancelUrl.search);
      const cancelled = await fetch(`${base}/annulation`, {
        method: 'POST',
        body: form,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
      assert.equal(cancelled.status, 200);
      assert.match(await cancelled.text(), /Votre inscription est annulée/);
      const listed = ok(await call(base, 'GET', `/api/workshops/${wid}/registrations`, { headers: agent })).registrations as {
        id: string;
        status: string;
        cancelToken?: string;
      }[];
      assert.deepEqual(
        listed.map((r) => r.status),
        ['confirmed', 'confirmed', 'cancelled', 'confirmed', 'waitlisted'],
      );
      assert.ok(
        listed.every((r) => r.cancelToken === undefined),
        'never the cancel tokens',
      );
      await mailsArrived('habitant-bleuets-4@example.org', /Une place s’est libérée : atelier/);
      refused(await call(base, 'GET', `/api/workshops/${wid}/registrations`), 401, 'auth.required');
      assert.equal((await call(base, 'GET', `/api/workshops/${wid}/registrations`, { headers: oph })).status, 403);

      // The day: registrations closed, started, three residents checked in at once, a neighbour walks in; done.
      ok(await post(`/api/workshops/${wid}/close-registrations`));
      ok(await post(`/api/workshops/${wid}/start`));
      const present = [listed[0], listed[1], listed[3]].map((r) => r?.id as string);
      const checked = ok(await post(`/api/workshops/${wid}/check-ins`, { registrationIds: present }, agent));
      assert.deepEqual([checked.workshopId, checked.checkedIn], [wid, 3]);
      assert.equal(
        ok(await post(`/api/workshops/${wid}/walk-ins`, { name: 'Voisine du 4e', consent: true }, agent), 201).status,
        'attended',
      );
      ok(await post(`/api/workshops/${wid}/finish`));

      // What residents decided there: two adopted, one declined with a reason (none is refused).
      const record = async (text: string) =>
        ok(await post(`/api/projects/${id}/contributions`, { workshopId: wid, kind: 'decision', text }), 201).id as string;
      const colours = await record('Les halls en jaune et bleu, choisis par les habitants.');
      const hours = await record('Le local ouvert le mercredi après-midi.');
      const windows = await record('Des baies coulissantes à la place des fenêtres.');
      ok(await post(`/api/projects/${id}/contributions/${colours}/decide`, { outcome: 'adopted' }));
      ok(await post(`/api/projects/${id}/contributions/${hours}/decide`, { outcome: 'adopted' }));
      refused(
        await post(`/api/projects/${id}/contributions/${windows}/decide`, { outcome: 'declined' }),
        422,
        'contribution.reason-required',
      );
      const reason = 'Les menuiseries sont imposées par la performance thermique.';
      assert.equal(
        ok(await post(`/api/projects/${id}/contributions/${windows}/decide`, { outcome: 'declined', reason })).outcome,
        'declined',
      );
      refused(await post(`/api/projects/${id}/contributions/nope/decide`, { outcome: 'adopted' }), 404, 'contribution.not-found');

      // The OPH's engagement follows the project.
      const engagement = ok(
        await post('/api/engagements', {
          title: 'Repeindre les halls aux couleurs choisies',
          quartierId: 'le-plan',
          organisationId: 'oph',
          projectId: id,
        }),
        201,
      );
      ok(await post(`/api/engagements/${engagement.id}/accept`, { organisationId: 'oph', dueOn: '2031-06-30' }, oph));
      const followed = ok(await call(base, 'GET', `/api/engagements?project=${id}`));
      assert.deepEqual(
        followed.engagements.map((e: { id: string }) => e.id),
        [engagement.id],
      );

      // The works.
      assert.equal(ok(await post(`/api/projects/${id}/start-works`)).status, 'in-works');
      refused(await post(`/api/projects/${id}/start-works`), 409, 'project.invalid-transition');

      const shown = ok(await call(base, 'GET', `/api/projects/${id}`));
      assert.equal(shown.project.status, 'in-works');
      assert.equal(shown.currentPhase, 'works');
      assert.deepEqual(shown.landlord, { id: 'oph', name: 'Office public de l’habitat' });
      assert.deepEqual(
        shown.phases.map((p: { kind: string; current: boolean }) => [p.kind, p.current]),
        [
          ['diagnostic', false],
          ['concertation', false],
          ['works', true],
          ['delivery', false],
          ['evaluation', false],
        ],
      );
      assert.deepEqual(shown.upcomingWorkshops, []);
      assert.deepEqual(
        shown.pastWorkshops.map((w: { workshop: { id: string }; attended: number }) => [w.workshop.id, w.attended]),
        [[wid, 4]],
      );
      assert.deepEqual(
        shown.contributions.map((c: { outcome: string; outcomeReason?: string; workshopTitle?: string }) => [
          c.outcome,
          c.outcomeReason,
          c.workshopTitle,
        ]),
        [
          ['adopted', undefined, 'Les couleurs des halls'],
          ['adopted', undefined, 'Les couleurs des halls'],
          ['declined', reason, 'Les couleurs des halls'],
        ],
      );
      assert.deepEqual(shown.contributionsByOutcome, { pending: 0, adopted: 2, studied: 0, declined: 1 });
      assert.deepEqual(
        shown.engagements.map((e: { id: string; status: string; organisation?: { id: string } }) => [e.id, e.status, e.organisation?.id]),
        [[engagement.id, 'accepted', 'oph']],
      );
      const kinds = new Set(shown.timeline.map((t: { kind: string }) => t.kind));
      for (const kind of ['phase-start', 'workshop', 'decision', 'engagement']) assert.ok(kinds.has(kind), kind);
      // Public: nobody's name nor contact, nor who recorded what.
      const text = JSON.stringify(shown);
      for (const secret of ['habitant-bleuets', 'Habitant bleuets', 'Voisine du 4e', 'token:']) assert.ok(!text.includes(secret), secret);

      const inPlan = ok(await call(base, 'GET', '/api/projects?quartier=le-plan&status=in-works'));
      assert.ok(
        inPlan.projects.some(
          (p: { id: string; contributionsByOutcome: { adopted: number } }) => p.id === id && p.contributionsByOutcome.adopted === 2,
        ),
      );
      const participation = ok(await call(base, 'GET', `/api/projects/${id}/participation`));
      assert.deepEqual(
        participation.workshops.map((w: { attended: number; walkIns: number; byRole: { resident: number } }) => [
          w.attended,
          w.walkIns,
          w.byRole.resident,
        ]),
        [[4, 1, 4]],
      );
    });

    test('a workshop’s other emails are a walk’s, in its words: English, the reminder, a new date, the cancellation (with the .ics that removes it)', async () => {
      const id = await announcedProject('La cour des Bleuets');
      const startsAt = inMinutes(6 * 60);
      const wid = await openWorkshop(id, { title: 'La cour', startsAt, registrationDeadline: inMinutes(60), capacity: 5 });
      ok(await post(`/api/workshops/${wid}/registrations`, person('court-en', { locale: 'en' }), {}), 201);
      ok(await post(`/api/workshops/${wid}/registrations`, person('court-fr'), {}), 201);
      const [english] = await mailsArrived('habitant-court-en@example.org', /^Registration confirmed: workshop “La cour”, Le Plan$/);
      assert.match(
        english?.text ?? '',
        /Your registration for the workshop “La cour” in Le Plan is confirmed\.\nWhen: .*\nPlace: Local des habitants/,
      );
      // The reminder: it starts within the day.
      assert.ok(server.notifier);
      assert.ok((await server.notifier.remind()) >= 2);
      const [reminder] = await mailsArrived(
        'habitant-court-fr@example.org',
        /^Rappel : atelier « La cour » (aujourd’hui|ce soir|demain), Le Plan$/,
      );
      assert.doesNotMatch(reminder?.text ?? '', /chaussures/, 'a walk’s advice is not a workshop’s');
      ok(
        await post(`/api/workshops/${wid}/reschedule`, {
          startsAt: inMinutes(8 * 60),
          registrationDeadline: inMinutes(120),
          reason: 'La salle est prise.',
        }),
      );
      const [moved] = await mailsArrived('habitant-court-fr@example.org', /^Nouvelle date : atelier « La cour », Le Plan$/);
      assert.match(
        moved?.text ?? '',
        /L’atelier « La cour » du quartier Le Plan change de date .*\nLieu : Local des habitants.*\nMotif : La salle est prise\./s,
      );
      ok(await post(`/api/workshops/${wid}/cancel`, { reason: 'Orage annoncé.' }));
      const [cancelled] = await mailsArrived('habitant-court-fr@example.org', /^Annulé : atelier « La cour », Le Plan$/);
      assert.match(cancelled?.text ?? '', /L’atelier « La cour » du quartier Le Plan prévu .* est annulé\.\nMotif : Orage annoncé\./);
      const ics = cancelled?.attachments.find((a) => /calendar/.test(a.contentType));
      assert.match(ics?.content.toString('utf8') ?? '', /METHOD:CANCEL/);
      const [english2] = await mailsArrived('habitant-court-en@example.org', /^Cancelled: workshop “La cour”, Le Plan$/);
      assert.match(english2?.text ?? '', /The workshop “La cour” in Le Plan planned .* is cancelled\./);
    });

    test('200 simultaneous sign-ups to a workshop of 30 seats: exactly 30 confirmed, 170 waitlisted in order', async () => {
      const id = await announcedProject('Le square du Plan');
      const wid = await openWorkshop(id, { title: 'Le square', startsAt: inMinutes(30 * 24 * 60), capacity: 30 });
      await rushSignUps(server.gusp.store, [base], `/api/workshops/${wid}`, `workshop-${wid}`, {
        count: 200,
        capacity: 30,
        tag: 'atelier',
      });
      const summary = ok(await call(base, 'GET', `/api/workshops/${wid}`));
      assert.deepEqual([summary.confirmed, summary.waitlisted, summary.seatsLeft], [30, 170, 0]);
    });

    test('one client cannot fill a workshop: the walk’s per-client sign-up limit holds for workshops too (429)', async () => {
      const limited = await startServer({
        database: db,
        rateLimit: { perMinute: 60, burst: 60, signupsPerClient: DEFAULT_SIGNUPS_PER_CLIENT },
      });
      try {
        const id = await announcedProject('Le préau');
        const wid = await openWorkshop(id, { title: 'Le préau', startsAt: inMinutes(20 * 24 * 60), capacity: 30 });
        const answers = [];
        for (let i = 0; i <= DEFAULT_SIGNUPS_PER_CLIENT; i++)
          answers.push(await call(limited.url, 'POST', `/api/workshops/${wid}/registrations`, { body: person(`preau-${i}`) }));
        assert.deepEqual(
          answers.map((r) => r.status),
          [...Array.from({ length: DEFAULT_SIGNUPS_PER_CLIENT }, () => 201), 429],
        );
        assert.equal(answers.at(-1)?.body.error.code, 'request.signups-limited');
      } finally {
        await limited.close();
      }
    });

    test('the seed’s Bleuets: the opening of the local des habitants in September 2013, contributions, the OPH’s engagements, the next workshop open for sign-up', async () => {
      const seeded = await bleuetsSeed(server.gusp.store, { emailDomain: 'demo.gusp.invalid' });
      const shown = ok(await call(base, 'GET', `/api/projects/${seeded.projectId}`));
      assert.equal(shown.project.status, 'in-works');
      const opening = shown.pastWorkshops.find((w: { workshop: { id: string } }) => w.workshop.id === seeded.openingWorkshopId);
      assert.equal(opening?.workshop.title, 'Ouverture du local des habitants');
      assert.match(opening?.workshop.startsAt, /^2013-09-21T10:00/);
      assert.ok(opening.attended >= 9);
      assert.deepEqual(
        shown.upcomingWorkshops.map((w: { workshop: { id: string }; status: string }) => [w.workshop.id, w.status]),
        [[seeded.upcomingWorkshopId, 'open']],
      );
      assert.ok(shown.contributionsByOutcome.adopted >= 2 && shown.contributionsByOutcome.declined >= 1);
      assert.equal(shown.engagements.length, 2);
      const upcoming = ok(await call(base, 'GET', `/api/workshops?project=${seeded.projectId}`));
      assert.deepEqual(
        upcoming.workshops.map((w: { id: string }) => w.id),
        [seeded.upcomingWorkshopId],
      );
      const inPlan = ok(await call(base, 'GET', '/api/workshops?quartier=le-plan'));
      assert.ok(inPlan.workshops.some((w: { id: string }) => w.id === seeded.upcomingWorkshopId));
      assert.equal(
        ok(await post(`/api/workshops/${seeded.upcomingWorkshopId}/registrations`, person('seed-visitor'), {}), 201).status,
        'confirmed',
      );

      // Its calendars: the workshop's own event, the project's feed, the quartier's feed (walks and workshops in one subscription).
      const one = await fetch(`${base}/api/workshops/${seeded.upcomingWorkshopId}/calendar.ics`);
      assert.equal(one.status, 200);
      assert.match(one.headers.get('content-type') ?? '', /^text\/calendar/);
      const vevents = (text: string) => new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent');
      assert.equal(vevents(await one.text())[0]?.getFirstPropertyValue('uid'), `workshop-${seeded.upcomingWorkshopId}@gusp`);
      const feed = await fetch(`${base}/api/projects/${seeded.projectId}/workshops.ics`);
      assert.equal(feed.status, 200);
      const uids = vevents(await feed.text()).map((e) => e.getFirstPropertyValue('uid'));
      for (const w of [seeded.openingWorkshopId, seeded.learningWorkshopId, seeded.upcomingWorkshopId])
        assert.ok(uids.includes(`workshop-${w}@gusp`), w);
      const etag = feed.headers.get('etag') ?? '';
      assert.equal(
        (await fetch(`${base}/api/projects/${seeded.projectId}/workshops.ics`, { headers: { 'if-none-match': etag } })).status,
        304,
      );
      const quartier = await fetch(`${base}/api/quartiers/le-plan/walks.ics`);
      const quartierUids = vevents(await quartier.text()).map((e) => e.getFirstPropertyValue('uid'));
      assert.ok(quartierUids.includes(`workshop-${seeded.upcomingWorkshopId}@gusp`));

      // Its GeoJSON and its page.
      const geo = await fetch(`${base}/api/projects.geojson`);
      assert.equal(geo.status, 200);
      const collection = checkGeoJSON(await geo.text());
      assert.equal(collection.type, 'FeatureCollection');
      const features = collection.type === 'FeatureCollection' ? collection.features : [];
      assert.ok(features.some((f) => f.id === seeded.projectId));
      const html = await fetch(`${base}/api/projects/${seeded.projectId}.html`);
      assert.equal(html.status, 200);
      assert.match(html.headers.get('content-type') ?? '', /^text\/html/);
      const body = await html.text();
      assert.match(body, /<html lang="fr"/);
      assert.match(body, /Ouverture du local des habitants/);
      assert.ok(!body.includes('demo.gusp.invalid'));
      const english = await fetch(`${base}/api/projects/${seeded.projectId}.html`, { headers: { 'accept-language': 'en' } });
      assert.match(await english.text(), /<html lang="en"/);
      assert.equal((await fetch(`${base}/api/projects/nope.html`)).status, 404);
    });

    test('the read models of projects and workshops: what the folds say, no personal data, the same rows after a rebuild', async () => {
      const rows = async () => ({
        projects: (await db.sql.query('SELECT * FROM read_projects ORDER BY id')).rows,
        workshops: (await db.sql.query('SELECT * FROM read_workshops ORDER BY id')).rows,
      });
      await server.readModels.caughtUp();
      const followed = await rows();
      assert.ok(
        followed.projects.length >= 3 && followed.workshops.length >= 3,
        JSON.stringify([followed.projects.length, followed.workshops.length]),
      );
      for (const row of followed.workshops as { id: string; status: string; doc: unknown }[]) {
        const agg = await server.gusp.workshops.get(row.id);
        assert.ok(agg.ok);
        assert.equal(row.status, agg.value.workshop.status);
      }
      const text = JSON.stringify(followed);
      for (const secret of ['habitant-', '@example.org', 'cancelToken', 'Voisine du 4e']) assert.ok(!text.includes(secret), secret);
      await server.readModels.rebuild();
      assert.deepEqual(await rows(), followed);
    });

    test('personal data: a workshop’s registrations are exported, erased by email and purged like a walk’s', async () => {
      const id = await announcedProject('Le jardin partagé');
      const wid = await openWorkshop(id, { title: 'Le jardin', startsAt: inMinutes(20), registrationDeadline: inMinutes(10), capacity: 5 });
      const email = 'habitante-rgpd-atelier@example.org';
      ok(
        await post(`/api/workshops/${wid}/registrations`, { name: 'Rosa Atelier', email, phone: '06 11 22 33 44', consent: true }, {}),
        201,
      );
      ok(await post(`/api/workshops/${wid}/registrations`, person('rgpd-other'), {}), 201);
      const sealed = (
        await db.sql.query<{ data: string }>('SELECT data::text AS data FROM events WHERE stream = $1', [`workshop-${wid}`])
      ).rows
        .map((r) => r.data)
        .join('\n');
      assert.ok(!sealed.includes('Rosa Atelier') && !sealed.includes(email), 'the journal holds her sealed');
      const exported = await exportPersonalData(server.gusp, email, db.sql);
      assert.deepEqual(
        exported.registrations.map((r) => [r.name, (r as { workshop?: { id: string } }).workshop?.id]),
        [['Rosa Atelier', wid]],
      );
      const erased = await erasePersonalData(server.gusp, db.sql, email);
      assert.equal(erased.registrations, 1);
      assert.deepEqual((await exportPersonalData(server.gusp, email, db.sql)).registrations, []);
      const text = (await sqlStore(db.sql).read(`workshop-${wid}`)).events.map((e) => JSON.stringify(e.data)).join('\n');
      assert.ok(!text.includes('Rosa Atelier') && !text.includes('06 11 22 33 44'), 'forgotten in the journal as read');
      // A year and more after it ended, the others' go too; the counts stay.
      ok(await post(`/api/workshops/${wid}/close-registrations`));
      ok(await post(`/api/workshops/${wid}/start`));
      ok(await post(`/api/workshops/${wid}/finish`));
      const later = new Date(Date.now() + 400 * 86_400_000);
      const purged = await purgePersonalData(server.gusp, db.sql, { months: 12, now: later });
      assert.ok(purged.workshops >= 1 && purged.registrations >= 1, JSON.stringify(purged));
      const after = (await sqlStore(db.sql).read(`workshop-${wid}`)).events.map((e) => JSON.stringify(e.data)).join('\n');
      assert.ok(!after.includes('habitant-rgpd-other@example.org'), 'purged');
      // The registrations stay, anonymous, for the counts: two, their roles and statuses kept.
      const kept = ok(await call(base, 'GET', `/api/workshops/${wid}/registrations`, { headers: agent })).registrations as {
        anonymised?: boolean;
        role: string;
        email?: string;
      }[];
      assert.deepEqual(
        kept.map((r) => [r.anonymised, r.role, r.email]),
        [
          [true, 'resident', undefined],
          [true, 'resident', undefined],
        ],
      );
    });
  });
}

onBothDatabases(projectSuite);
