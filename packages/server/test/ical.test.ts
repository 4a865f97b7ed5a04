// SPDX-License-Identifier: EUPL-1.2
/**
 * Issue 11, iCalendar: the calendar links of the walk JSON, the feeds (a quartier's, the city's)
 * with a name each, conditional GET on every .ics, SEQUENCE bumped by every change the event
 * shows, and an event URL a person can open. Over real HTTP on PGlite; the feeds are read with
 * ical.js, a parser this project does not write.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { after, before, describe, test } from 'node:test';
import ICAL from 'ical.js';
import { createToken } from '../src/auth.js';

import type { Database } from '../src/db.js';
import { openMigratedDatabase, startServer, type RunningServer } from '../src/server.js';
import { call, inDays, openWalk } from './harness.js';
import { pythonIcalendar } from '../../../scripts/toolchain.mjs';
import { validateHtml } from '../../../scripts/validate-html.mjs';

const python = pythonIcalendar();

/** What Python's icalendar (Debian's python3-icalendar, not ours) reads in a calendar. */
const READ_WITH_PYTHON = `
import sys, json, icalendar
cal = icalendar.Calendar.from_ical(sys.stdin.buffer.read())
out = {'calname': str(cal.get('X-WR-CALNAME')), 'name': str(cal.get('NAME')), 'method': None if cal.get('METHOD') is None else str(cal.get('METHOD')), 'events': []}
for ev in cal.walk('VEVENT'):
    start = ev.decoded('DTSTART')
    out['events'].append({'uid': str(ev['UID']), 'sequence': int(ev.get('SEQUENCE')), 'url': str(ev.get('URL')), 'status': str(ev.get('STATUS')),
                          'start': start.isoformat(), 'zone': str(getattr(start.tzinfo, 'zone', start.tzinfo))})
print(json.dumps(out))
`;

interface PythonReading {
  readonly calname: string;
  readonly name: string;
  readonly method: string | null;
  readonly events: readonly { uid: string; sequence: number; url: string; status: string; start: string; zone: string }[];
}

function readWithPython(text: string): PythonReading {
  const run = spawnSync(python as string, ['-c', READ_WITH_PYTHON], { input: text, encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  return JSON.parse(run.stdout) as PythonReading;
}

const PUBLIC = 'https://gusp.ville.example';

/** A GET over real HTTP with a forged Host (fetch would not send one). */
/** The VCALENDAR of an answer, read by ical.js (its VTIMEZONE registered, else TZID is floating time). */
function calendarOf(text: string): ICAL.Component {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const tz of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
  return calendar;
}

const eventOf = (calendar: ICAL.Component, walkId: string) =>
  calendar.getAllSubcomponents('vevent').find((v) => v.getFirstPropertyValue('uid') === `walk-${walkId}@gusp`);

async function get(base: string, path: string, headers: Record<string, string> = {}) {
  const res = await fetch(base + path, { headers });
  return { status: res.status, headers: res.headers, text: await res.text() };
}

function getWithHost(base: string, path: string, headers: Record<string, string>): Promise<{ status: number; text: string }> {
  const url = new URL(path, base);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: url.hostname, port: url.port, path: url.pathname + url.search, headers }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (d: Buffer) => parts.push(d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(parts).toString('utf8') }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('calendars of walks (issue 11)', () => {
  let db: Database;
  let server: RunningServer;
  before(async () => {
    db = await openMigratedDatabase({});
    server = await startServer({ database: db, publicUrl: PUBLIC, proofOfWork: false });
  });
  after(async () => {
    await server?.close();
    await db?.close();
  });

  test('the walk JSON carries its page and calendar links, from the public URL and never from Host', async () => {
    const id = await openWalk(server.gusp, { quartierId: 'fontbarlettes' });
    const expected = {
      page: `${PUBLIC}/marches/${id}`,
      ics: `${PUBLIC}/api/walks/${id}/calendar.ics`,
      webcal: `webcal://gusp.ville.example/api/walks/${id}/calendar.ics`,
      feed: `${PUBLIC}/api/quartiers/fontbarlettes/walks.ics`,
      feedWebcal: 'webcal://gusp.ville.example/api/quartiers/fontbarlettes/walks.ics',
    };
    const one = await getWithHost(server.url, `/api/walks/${id}`, { host: 'evil.example' });
    assert.equal(one.status, 200);
    assert.deepEqual(JSON.parse(one.text).calendar, expected);
    const list = await getWithHost(server.url, '/api/walks?quartier=fontbarlettes', { host: 'evil.example' });
    const entry = (JSON.parse(list.text) as { walks: { id: string; calendar: unknown }[] }).walks.find((w) => w.id === id);
    assert.deepEqual(entry?.calendar, expected);
    assert.doesNotMatch(one.text + list.text, /evil/);
  });

  test('a quartier’s feed is named after the quartier and the city, the city-wide feed after the city', async () => {
    const plan = await openWalk(server.gusp, { quartierId: 'le-plan' });
    const polygone = await openWalk(server.gusp, { quartierId: 'polygone' });
    const draft = await openWalk(server.gusp, { quartierId: 'polygone', publish: false });
    const feeds = {
      plan: await get(server.url, '/api/quartiers/le-plan/walks.ics'),
      polygone: await get(server.url, '/api/quartiers/polygone/walks.ics'),
      city: await get(server.url, '/api/walks.ics'),
    };
    for (const feed of Object.values(feeds)) {
      assert.equal(feed.status, 200);
      assert.match(feed.headers.get('content-type') ?? '', /^text\/calendar; charset=utf-8/);
    }
    const [plan_, polygone_, city] = [feeds.plan, feeds.polygone, feeds.city].map((f) => calendarOf(f.text));
    const names = (c: ICAL.Component | undefined) => [c?.getFirstPropertyValue('x-wr-calname'), c?.getFirstPropertyValue('name')];
    assert.deepEqual(names(plan_), ['Diagnostics en marchant – Le Plan (Valence)', 'Diagnostics en marchant – Le Plan (Valence)']);
    assert.deepEqual(names(polygone_), ['Diagnostics en marchant – Polygone (Valence)', 'Diagnostics en marchant – Polygone (Valence)']);
    assert.deepEqual(names(city), ['Diagnostics en marchant – Valence', 'Diagnostics en marchant – Valence']);
    assert.ok(plan_ && polygone_ && city);
    assert.ok(eventOf(plan_, plan) && !eventOf(plan_, polygone));
    assert.ok(eventOf(polygone_, polygone) && !eventOf(polygone_, plan));
    assert.ok(eventOf(city, plan) && eventOf(city, polygone), 'the city’s feed has every quartier’s walks');
    assert.equal(eventOf(city, draft), undefined, 'no draft');
    assert.equal(city.getFirstPropertyValue('method'), null, 'a file over HTTP is no iTIP message');
    const english = calendarOf((await get(server.url, '/api/walks.ics', { 'accept-language': 'en' })).text);
    assert.equal(english.getFirstPropertyValue('x-wr-calname'), 'Neighbourhood walks – Valence');
  });

  test('every .ics answers ETag and Last-Modified, and 304 while nothing changed', async () => {
    const coordinator = { authorization: `Bearer ${(await createToken(db.sql, { role: 'coordinator' })).token}` };
    const id = await openWalk(server.gusp, { quartierId: 'valensolles' });
    for (const path of [`/api/walks/${id}/calendar.ics`, '/api/quartiers/valensolles/walks.ics', '/api/walks.ics']) {
      const first = await get(server.url, path);
      const etag = first.headers.get('etag');
      const modified = first.headers.get('last-modified');
      assert.match(etag ?? '', /^"[A-Za-z0-9_-]{16,}"$/, path);
      assert.ok(modified && !Number.isNaN(Date.parse(modified)), path);
      assert.match(first.headers.get('vary') ?? '', /accept-language/i, 'the language is in the bytes');
      const again = await get(server.url, path, { 'if-none-match': etag ?? '' });
      assert.equal(again.status, 304, path);
      assert.equal(again.text, '');
      assert.equal(again.headers.get('etag'), etag);
      assert.equal((await get(server.url, path, { 'if-none-match': `W/"other", W/${etag}` })).status, 304, 'weak comparison, in a list');
      assert.equal((await get(server.url, path, { 'if-modified-since': modified ?? '' })).status, 304, path);
      assert.equal(
        (await get(server.url, path, { 'if-none-match': '"other"', 'if-modified-since': modified ?? '' })).status,
        200,
        'If-None-Match decides',
      );
      assert.notEqual(
        (await get(server.url, path, { 'accept-language': 'en' })).headers.get('etag'),
        etag,
        'another language, another ETag',
      );
    }
    const before = await get(server.url, `/api/walks/${id}/calendar.ics`);
    const feedBefore = await get(server.url, '/api/walks.ics');
    await new Promise((r) => setTimeout(r, 1100)); // Last-Modified counts whole seconds
    const moved = await call(server.url, 'POST', `/api/walks/${id}/reschedule`, {
      body: { startsAt: inDays(300) },
      headers: { ...coordinator, 'idempotency-key': `move-${id}` },
    });
    assert.equal(moved.status, 200, JSON.stringify(moved.body));
    for (const [path, old] of [
      [`/api/walks/${id}/calendar.ics`, before],
      ['/api/walks.ics', feedBefore],
    ] as const) {
      const after = await get(server.url, path, { 'if-none-match': old.headers.get('etag') ?? '' });
      assert.equal(after.status, 200, `${path} changed: a new answer`);
      assert.notEqual(after.headers.get('etag'), old.headers.get('etag'));
      assert.ok(Date.parse(after.headers.get('last-modified') ?? '') > Date.parse(old.headers.get('last-modified') ?? ''));
      assert.equal((await get(server.url, path, { 'if-modified-since': old.headers.get('last-modified') ?? '' })).status, 200);
    }
  });

  test('SEQUENCE counts every change the event shows, the cancellation included, in the file and both feeds', async () => {
    const coordinator = { authorization: `Bearer ${(await createToken(db.sql, { role: 'coordinator' })).token}` };
    const id = await openWalk(server.gusp, { quartierId: 'chamberliere' });
    const sequences = async () => {
      const out: unknown[] = [];
      for (const path of [`/api/walks/${id}/calendar.ics`, '/api/quartiers/chamberliere/walks.ics', '/api/walks.ics'])
        out.push(eventOf(calendarOf((await get(server.url, path)).text), id)?.getFirstPropertyValue('sequence'));
      return out;
    };
    assert.deepEqual(await sequences(), [0, 0, 0]);
    const cancelled = await call(server.url, 'POST', `/api/walks/${id}/cancel`, {
      body: { reason: 'Alerte orages' },
      headers: { ...coordinator, 'idempotency-key': `cancel-${id}` },
    });
    assert.equal(cancelled.status, 200, JSON.stringify(cancelled.body));
    assert.deepEqual(await sequences(), [1, 1, 1], 'a cancelled walk was SEQUENCE:0: calendars kept the event');
    const event = eventOf(calendarOf((await get(server.url, '/api/walks.ics')).text), id);
    assert.equal(event?.getFirstPropertyValue('status'), 'CANCELLED');

    const other = await openWalk(server.gusp, { quartierId: 'chamberliere' });
    await call(server.url, 'POST', `/api/walks/${other}/reschedule`, {
      body: { startsAt: inDays(320) },
      headers: { ...coordinator, 'idempotency-key': `move-${other}` },
    });
    await call(server.url, 'POST', `/api/walks/${other}/cancel`, {
      body: { reason: 'Salle indisponible' },
      headers: { ...coordinator, 'idempotency-key': `cancel-${other}` },
    });
    const feed = calendarOf((await get(server.url, '/api/quartiers/chamberliere/walks.ics')).text);
    assert.equal(eventOf(feed, other)?.getFirstPropertyValue('sequence'), 2, 'reschedule then cancel: 2, not the reschedule’s 1');
  });

  test(
    'Python’s icalendar reads the feeds as ical.js does: names, SEQUENCE, URL, the time in Europe/Paris',
    { skip: python ? false : 'Python’s icalendar is not installed (scripts/setup.mjs installs python3-icalendar on Debian)' },
    async () => {
      const coordinator = { authorization: `Bearer ${(await createToken(db.sql, { role: 'coordinator' })).token}` };
      const id = await openWalk(server.gusp, { quartierId: 'polygone' });
      await call(server.url, 'POST', `/api/walks/${id}/cancel`, {
        body: { reason: 'Travaux, rue barrée; report à venir' },
        headers: { ...coordinator, 'idempotency-key': `py-cancel-${id}` },
      });
      const found = await server.gusp.walks.get(id);
      assert.ok(found.ok);
      for (const [path, calname] of [
        ['/api/quartiers/polygone/walks.ics', 'Diagnostics en marchant – Polygone (Valence)'],
        ['/api/walks.ics', 'Diagnostics en marchant – Valence'],
        [`/api/walks/${id}/calendar.ics`, 'None'],
      ] as const) {
        const read = readWithPython((await get(server.url, path)).text);
        assert.equal(read.calname, calname, path);
        if (calname !== 'None') assert.equal(read.name, calname, path);
        assert.equal(read.method, null, `${path}: no METHOD over HTTP`);
        const event = read.events.find((e) => e.uid === `walk-${id}@gusp`);
        assert.ok(event, path);
        assert.deepEqual(
          { sequence: event.sequence, url: event.url, status: event.status, zone: event.zone },
          { sequence: 1, url: `${PUBLIC}/marches/${id}`, status: 'CANCELLED', zone: 'Europe/Paris' },
          path,
        );
        assert.equal(Date.parse(event.start), Date.parse(found.value.walk.startsAt), `${path}: the same instant`);
      }
    },
  );

  test('the walk’s page is valid HTML, open, moved, cancelled and missing (W3C validator, or html-validate without Java)', async () => {
    const coordinator = { authorization: `Bearer ${(await createToken(db.sql, { role: 'coordinator' })).token}` };
    const open = await openWalk(server.gusp, { quartierId: 'le-plan' });
    const cancelled = await openWalk(server.gusp, { quartierId: 'le-plan' });
    await call(server.url, 'POST', `/api/walks/${cancelled}/reschedule`, {
      body: { startsAt: inDays(330) },
      headers: { ...coordinator, 'idempotency-key': `html-move-${cancelled}` },
    });
    const moved = (await get(server.url, `/marches/${cancelled}`)).text;
    assert.match(moved, /a été déplacé/);
    await call(server.url, 'POST', `/api/walks/${cancelled}/cancel`, {
      body: { reason: 'Pluie <forte> & vent' },
      headers: { ...coordinator, 'idempotency-key': `html-cancel-${cancelled}` },
    });
    const pages = {
      open: (await get(server.url, `/marches/${open}`)).text,
      moved,
      cancelled: (await get(server.url, `/marches/${cancelled}`)).text,
      english: (await get(server.url, `/marches/${open}`, { 'accept-language': 'en' })).text,
      missing: (await get(server.url, '/marches/nothing-here-at-all')).text,
    };
    assert.match(pages.cancelled, /Ce diagnostic en marchant est annulé\.<\/strong> Motif\u00a0: Pluie &#60;forte&#62; &#38; vent/);
    const { errors } = validateHtml(pages);
    for (const name of Object.keys(pages)) assert.deepEqual(errors.get(name), [], name);
  });

  test('the events’ URL is the walk’s page, which a person can open (HTML, French, the sign-up element, the page headers)', async () => {
    const id = await openWalk(server.gusp, { quartierId: 'le-plan' });
    const events = [
      eventOf(calendarOf((await get(server.url, `/api/walks/${id}/calendar.ics`)).text), id),
      eventOf(calendarOf((await get(server.url, '/api/quartiers/le-plan/walks.ics')).text), id),
      eventOf(calendarOf((await get(server.url, '/api/walks.ics')).text), id),
    ];
    for (const event of events) assert.equal(event?.getFirstPropertyValue('url'), `${PUBLIC}/marches/${id}`);
    // The public URL is not this test server's: open the same path here.
    const page = await get(server.url, `/marches/${id}`);
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-type') ?? '', /^text\/html/);
    assert.match(page.headers.get('content-security-policy') ?? '', /script-src 'self'/);
    assert.equal(page.headers.get('x-content-type-options'), 'nosniff');
    assert.match(page.text, /<html lang="fr">/);
    assert.match(page.text, new RegExp(`<gusp-walk-signup [^>]*endpoint="/api" walk-id="${id}"`));
    assert.match(page.text, /<script type="module" src="\/elements\/gusp-walk-signup(\.[0-9a-f]{10})?\.js"><\/script>/);
    assert.match(page.text, /Le Plan/);
    assert.match(page.text, /S’abonner aux diagnostics du quartier Le Plan/);
    assert.ok(page.text.includes(`href="webcal://gusp.ville.example/api/quartiers/le-plan/walks.ics"`));
    assert.doesNotMatch(page.text, /<script>/, 'no inline script (the CSP forbids them)');
    const english = await get(server.url, `/marches/${id}`, { 'accept-language': 'en' });
    assert.match(english.text, /<html lang="en">/);
    assert.match(english.text, /Subscribe to the walks of Le Plan/);

    const draft = await openWalk(server.gusp, { publish: false });
    for (const path of [`/marches/${draft}`, '/marches/nothing-here-at-all']) {
      const missing = await get(server.url, path);
      assert.equal(missing.status, 404, path);
      assert.match(missing.headers.get('content-type') ?? '', /^text\/html/, 'a page, for a person');
    }
  });
});
