// SPDX-License-Identifier: EUPL-1.2
/**
 * The walks' read model answers what a fold of the journal answers (issue 12). On random
 * journals of the core's walk commands (schedule, publish, register, cancel a registration,
 * close registrations, reschedule, cancel, start, check in, finish, share the compte-rendu) over Valence's quartiers and
 * two years of dates, for random filters and page sizes: `GET /api/walks` (every page, following
 * `next`), the city's and a quartier's .ics feeds and `GET /api/quartiers/coverage` over real HTTP
 * equal the same answers computed from `gusp.walks.list()` with the core's `walkSummary`,
 * `toICalendarFeed` and `yearlyCoverage`, filtered and sorted as the README documents them
 * (written here again, not borrowed from the route). On PGlite and on PostgreSQL. The journal
 * grows from run to run, so later runs compare longer journals.
 */
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { serve, type ServerType } from '@hono/node-server';
import {
  calendarDay,
  createGusp,
  toICalendarFeed,
  valence,
  walkSummary,
  yearOf,
  yearlyCoverage,
  type Gusp,
  type WalkAggregate,
  type WalkSummary,
} from '@gusp/core';
import fc from 'fast-check';
import { createApp } from '../src/app.js';
import type { Database } from '../src/db.js';
import { publicWalkSummary } from '../src/http/public-views.js';
import { openReadModels, type ReadModels } from '../src/read/read-models.js';
import { demoWalkLists } from '../src/read/walks.js';
import { walkCalendarLinks, walkPageUrl } from '../src/routes/walks.js';
import { sqlStore } from '../src/store/sql-store.js';
import { call } from './harness.js';
import { onBothDatabases } from './postgres-cluster.js';

const DAY = 86_400_000;
/** The journal's "today": every walk starts within the two years after it. */
const T0 = Date.parse('2027-01-04T08:00:00Z');
const QUARTIERS = valence.quartiers.map((q) => q.id);
const STATUSES = ['open', 'closed', 'in-progress', 'done', 'reported', 'cancelled'] as const;
const TZ = valence.timezone;

/** Walk start times: on the quarter hour, up to two years after T0, in a few clusters so that some share a start. */
const startArb = fc.oneof(
  fc.integer({ min: 1, max: 730 * 96 }).map((q) => T0 + q * 15 * 60_000),
  fc.constantFrom(T0 + 10 * DAY, T0 + 365 * DAY, T0 + 400 * DAY + 3_600_000),
);

type Command =
  | { kind: 'schedule'; quartier: string; startsAt: number; capacity: number }
  | { kind: 'publish' | 'close' | 'start' | 'finish' | 'report'; walk: number }
  | { kind: 'cancel'; walk: number }
  | { kind: 'reschedule'; walk: number; startsAt: number }
  | { kind: 'register'; walk: number; association: boolean }
  /** The same commands in their lifecycle's order, up to a stage: publish, start, finish, share the compte-rendu. */
  | { kind: 'through'; walk: number; stage: number }
  | { kind: 'cancelRegistration' | 'checkIn'; walk: number; registration: number };

const walkRef = fc.nat({ max: 3 });
const commandArb: fc.Arbitrary<Command> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('schedule' as const),
      quartier: fc.constantFrom(...QUARTIERS),
      startsAt: startArb,
      capacity: fc.integer({ min: 1, max: 4 }),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constantFrom('publish' as const, 'close' as const, 'start' as const, 'finish' as const, 'report' as const),
      walk: walkRef,
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('cancel' as const), walk: walkRef }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('through' as const), walk: walkRef, stage: fc.integer({ min: 1, max: 4 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('reschedule' as const), walk: walkRef, startsAt: startArb }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('register' as const), walk: walkRef, association: fc.boolean() }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constantFrom('cancelRegistration' as const, 'checkIn' as const),
      walk: walkRef,
      registration: fc.nat({ max: 6 }),
    }),
  },
);

/** What a request asks of the list: each filter absent or given. */
interface Query {
  readonly quartier?: string | undefined;
  readonly upcoming?: '0' | '1' | undefined;
  readonly status?: readonly string[] | undefined;
  readonly year?: number | undefined;
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  readonly limit?: number | undefined;
}

/** A day: any in the two years, or the start day of one of the journal's walks (so bounds fall on walks). */
type DayRef = string | { readonly walk: number };
const dayArb: fc.Arbitrary<DayRef> = fc.oneof(
  fc.integer({ min: -30, max: 800 }).map((d) => new Date(T0 + d * DAY).toISOString().slice(0, 10)),
  fc.nat({ max: 1000 }).map((walk) => ({ walk })),
);
type QueryArb = Omit<Query, 'from' | 'to'> & { readonly from?: DayRef; readonly to?: DayRef };
/** The query with its day bounds resolved against the journal's walks. */
function resolve(q: QueryArb, aggs: readonly WalkAggregate[]): Query {
  const days = aggs.map((a) => calendarDay(a.walk.startsAt, TZ)).sort();
  const day = (ref: DayRef | undefined) =>
    ref === undefined || typeof ref === 'string' ? ref : (days[ref.walk % Math.max(1, days.length)] ?? '2027-06-01');
  return { ...q, from: day(q.from), to: day(q.to) };
}
/** Given in about one request out of three: several filters at once, but not every one every time. */
const sometimes = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> =>
  fc.oneof({ weight: 2, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: arb });
const queryArb: fc.Arbitrary<QueryArb> = fc.record({
  quartier: sometimes(
    fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...QUARTIERS) }, { weight: 1, arbitrary: fc.constantFrom('', 'nowhere') }),
  ),
  upcoming: sometimes(fc.constantFrom('0' as const, '1' as const)),
  status: sometimes(fc.uniqueArray(fc.constantFrom(...STATUSES), { minLength: 1, maxLength: 3 })),
  year: sometimes(fc.integer({ min: 2026, max: 2029 })),
  from: sometimes(dayArb),
  to: sometimes(dayArb),
  limit: sometimes(fc.integer({ min: 1, max: 12 })),
});
/** When the request is answered: before every walk, during, after. */
const nowArb = fc.constantFrom(T0, T0 + 200 * DAY, T0 + 400 * DAY + 3_600_000, T0 + 800 * DAY);

const search = (q: Query) => {
  const p = new URLSearchParams();
  if (q.quartier !== undefined) p.set('quartier', q.quartier);
  if (q.upcoming !== undefined) p.set('upcoming', q.upcoming);
  if (q.status !== undefined) p.set('status', q.status.join(','));
  if (q.year !== undefined) p.set('year', String(q.year));
  if (q.from !== undefined) p.set('from', q.from);
  if (q.to !== undefined) p.set('to', q.to);
  if (q.limit !== undefined) p.set('limit', String(q.limit));
  return p.toString();
};

/** The list as documented, from a fold of the journal. */
function expectedList(aggs: readonly WalkAggregate[], q: Query, now: Date, origin: string) {
  return aggs
    .filter((a) => a.walk.status !== 'draft')
    .map((a) => walkSummary(a, now))
    .filter((s) => q.quartier === undefined || s.walk.quartierId === q.quartier)
    .filter(
      (s) => q.upcoming !== '1' || (['open', 'closed', 'cancelled'].includes(s.status) && Date.parse(s.walk.startsAt) > now.getTime()),
    )
    .filter((s) => q.status === undefined || q.status.includes(s.status))
    .filter((s) => q.year === undefined || yearOf(s.walk.startsAt, TZ) === q.year)
    .filter((s) => q.from === undefined || calendarDay(s.walk.startsAt, TZ) >= q.from)
    .filter((s) => q.to === undefined || calendarDay(s.walk.startsAt, TZ) <= q.to)
    .sort(
      (a, b) => Date.parse(a.walk.startsAt) - Date.parse(b.walk.startsAt) || (a.walk.id < b.walk.id ? -1 : a.walk.id > b.walk.id ? 1 : 0),
    )
    .map((s) => ({ ...publicWalkSummary(s), calendar: walkCalendarLinks(origin, s.walk) }));
}

const publicWalksOf = (aggs: readonly WalkAggregate[], quartierId?: string) =>
  aggs
    .map((a) => a.walk)
    .filter((w) => w.status !== 'draft' && (quartierId === undefined || w.quartierId === quartierId))
    .sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

/** Ids in code-unit order, as the database's `COLLATE "C"`. */
const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** JSON as it crosses HTTP (undefined fields dropped). */
const json = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

onBothDatabases((name, open, skip) => {
  describe(`walks' read model = a fold of the journal (${name})`, { skip }, () => {
    let db: Database;
    let models: ReadModels;
    let gusp: Gusp;
    let server: ServerType;
    let base = '';
    let clock = T0;
    let now = T0;
    /** The walks scheduled so far, and each one's sign-ups with their cancel tokens. */
    const walks: { id: string; startsAt: number; registrations: { id: string; token: string }[] }[] = [];
    let people = 0;

    before(async () => {
      db = await open();
      models = await openReadModels(db.sql, { city: valence });
      gusp = createGusp({ city: valence, store: sqlStore(db.sql), now: () => new Date(clock) });
      const app = createApp({ gusp, readModels: models, now: () => new Date(now), publicUrl: () => base });
      server = await new Promise<ServerType>((resolve) => {
        const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
      });
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    after(async () => {
      await new Promise((resolve) => server?.close(resolve));
      await models?.close();
      await db?.close();
    });

    /** Runs one command at a time that lets it pass (the core refuses what its rules refuse: that is fine). */
    async function run(command: Command): Promise<void> {
      clock = T0;
      if (command.kind === 'schedule') {
        const r = await gusp.walks.schedule({
          quartierId: command.quartier,
          startsAt: new Date(command.startsAt).toISOString(),
          capacity: command.capacity,
          meetingPoint: { label: 'Place Saint-Jean', point: { lat: 44.93, lon: 4.89 } },
          stops: [{ label: 'Place Saint-Jean' }],
        });
        if (r.ok) walks.push({ id: r.value.id, startsAt: command.startsAt, registrations: [] });
        return;
      }
      // Counted from the latest: a few walks go a long way through their lifecycle.
      const walk = walks[walks.length - 1 - (command.walk % Math.max(1, walks.length))];
      if (!walk) return;
      switch (command.kind) {
        case 'publish':
          await gusp.walks.publish(walk.id);
          return;
        case 'close':
          await gusp.walks.closeRegistrations(walk.id);
          return;
        case 'cancel':
          await gusp.walks.cancel(walk.id, { reason: 'Pluie annoncée' });
          return;
        case 'reschedule': {
          const r = await gusp.walks.reschedule(walk.id, { startsAt: new Date(command.startsAt).toISOString() });
          if (r.ok) walk.startsAt = command.startsAt;
          return;
        }
        case 'start':
          clock = walk.startsAt - 10 * 60_000;
          await gusp.walks.start(walk.id);
          return;
        case 'finish':
          clock = walk.startsAt + 3 * 3_600_000;
          await gusp.walks.finish(walk.id);
          return;
        case 'through': {
          const steps = ['publish', 'start', 'finish', 'report'] as const;
          for (const kind of steps.slice(0, command.stage)) await run({ kind, walk: command.walk });
          return;
        }
        case 'report':
          // The compte-rendu drafted, validated and shared: the walk becomes `reported`.
          clock = walk.startsAt + 24 * 3_600_000;
          if ((await gusp.reports.draft(walk.id)).ok && (await gusp.reports.validate(walk.id)).ok) await gusp.reports.share(walk.id);
          return;
        case 'register': {
          people++;
          const r = await gusp.walks.register(walk.id, {
            name: `Habitante ${people}`,
            email: `habitante-${people}@example.org`,
            consent: true,
            ...(command.association ? { role: 'association' as const, organisationId: 'associations-de-quartier' } : {}),
          });
          if (r.ok) walk.registrations.push({ id: r.value.registration.id, token: r.value.registration.cancelToken });
          return;
        }
        case 'cancelRegistration': {
          const reg = walk.registrations[command.registration % Math.max(1, walk.registrations.length)];
          if (reg) await gusp.walks.cancelRegistration(walk.id, reg.id, { token: reg.token });
          return;
        }
        case 'checkIn': {
          const reg = walk.registrations[command.registration % Math.max(1, walk.registrations.length)];
          clock = walk.startsAt + 30 * 60_000;
          if (reg) await gusp.walks.checkIn(walk.id, reg.id);
          return;
        }
      }
    }

    /** Every page of `GET /api/walks?…`, following `next` (and checking `Link` says the same). */
    async function allPages(q: Query) {
      const items: unknown[] = [];
      let path = `/api/walks?${search(q)}`;
      for (let pages = 0; pages < 1000; pages++) {
        const reply = await call(base, 'GET', path);
        assert.equal(reply.status, 200, JSON.stringify(reply.body));
        assert.deepEqual(reply.body.city, json(valence));
        const page = reply.body.walks as unknown[];
        assert.ok(page.length <= (q.limit ?? 100));
        items.push(...page);
        const next = reply.body.next as string | undefined;
        const link = reply.headers.get('link');
        if (next === undefined) {
          assert.equal(link, null);
          return items;
        }
        assert.ok(page.length === (q.limit ?? 100), 'only a full page has a next one');
        const url = new URL(/^<([^>]+)>; rel="next"$/.exec(link ?? '')?.[1] ?? '');
        assert.equal(url.searchParams.get('cursor'), next);
        path = `${url.pathname}${url.search}`;
      }
      throw new Error('more than 1000 pages');
    }

    test('the list, every page of it, the two feeds and the coverage, for random journals, filters and times', async () => {
      const explore = () =>
        fc.assert(
          fc.asyncProperty(
            fc.array(commandArb, { minLength: 5, maxLength: 30 }),
            fc.array(queryArb, { minLength: 2, maxLength: 4 }),
            nowArb,
            fc.constantFrom(...QUARTIERS),
            fc.integer({ min: 2026, max: 2029 }),
            async (commands, queries, at, quartier, year) => {
              for (const command of commands) await run(command);
              now = at;
              const aggs = await gusp.walks.list();
              for (const query of queries) {
                const q = resolve(query, aggs);
                assert.deepEqual(await allPages(q), json(expectedList(aggs, q, new Date(now), base)), search(q));
              }

              // The demo page's two lists (demoWalkLists), as pages.ts computed them from the fold.
              await models.caughtUp();
              const when = new Date(now);
              const summaries = aggs.filter((a) => a.walk.status !== 'draft').map((a) => walkSummary(a, when));
              const byStart = (x: WalkSummary, y: WalkSummary) =>
                Date.parse(x.walk.startsAt) - Date.parse(y.walk.startsAt) || byId(x.walk, y.walk);
              assert.deepEqual(
                json(await demoWalkLists(db.sql, when)),
                json({
                  upcoming: summaries
                    .filter((x) => ['open', 'closed', 'cancelled'].includes(x.status) && Date.parse(x.walk.startsAt) > now)
                    .sort(byStart),
                  reported: summaries.filter((x) => x.status === 'reported').sort((x, y) => byStart(y, x)),
                }),
              );

              const url = (w: { id: string }) => walkPageUrl(base, w.id);
              const city = await call(base, 'GET', '/api/walks.ics');
              assert.equal(city.status, 200);
              assert.equal(city.body, toICalendarFeed(publicWalksOf(aggs), valence, { locale: 'fr', url }));
              const etag = city.headers.get('etag');
              assert.ok(etag);
              assert.equal((await call(base, 'GET', '/api/walks.ics', { headers: { 'if-none-match': etag } })).status, 304);
              const mine = await call(base, 'GET', `/api/quartiers/${quartier}/walks.ics`);
              assert.equal(mine.status, 200);
              assert.equal(mine.body, toICalendarFeed(publicWalksOf(aggs, quartier), valence, { locale: 'fr', url, quartierId: quartier }));

              const coverage = await call(base, 'GET', `/api/quartiers/coverage?year=${year}`);
              assert.equal(coverage.status, 200);
              const expected = yearlyCoverage(
                aggs.map((a) => a.walk),
                valence,
                year,
              );
              assert.deepEqual(coverage.body, {
                year,
                quartiers: json(expected),
                uncovered: expected.filter((c) => !c.covered).map((c) => c.quartierId),
              });
            },
          ),
          { numRuns: 18 },
        );
      // The runs made a journal worth comparing: walks in several states, some with sign-ups. The
      // journal grows from run to run, so a draw that fell short runs more (at most three times
      // more); a generator that never gets there still fails.
      const states = async () => new Set((await gusp.walks.list()).map((a) => a.walk.status));
      await explore();
      for (let more = 0; more < 3 && (await states()).size < 5; more++) await explore();
      assert.ok((await states()).size >= 5, [...(await states())].join(', '));
    });

    test('the read model keeps no personal data: no name, email or cancel token of anyone signed up', async () => {
      const text = (await db.sql.query<{ doc: string }>('SELECT doc::text AS doc FROM read_walks')).rows.map((r) => r.doc).join('\n');
      assert.ok(text.length > 0);
      assert.doesNotMatch(text, /habitante|example\.org/i);
      for (const w of walks) for (const r of w.registrations) assert.ok(!text.includes(r.token), 'a cancel token');
    });

    test('a bad filter, page size or cursor is 400, in French and in English', async () => {
      for (const path of [
        '/api/walks?limit=0',
        '/api/walks?limit=101',
        '/api/walks?upcoming=yes',
        '/api/walks?status=drafts',
        '/api/walks?status=open,',
        '/api/walks?year=27',
        '/api/walks?from=2027-02-30',
        '/api/walks?to=demain',
        '/api/quartiers/coverage?year=2027a',
      ]) {
        const fr = await call(base, 'GET', path);
        assert.equal(fr.status, 400, path);
        assert.equal(fr.body.error.code, 'request.invalid-query', path);
        assert.match(fr.body.error.message, /paramètre/, path);
        const en = await call(base, 'GET', path, { headers: { 'accept-language': 'en' } });
        assert.equal(en.body.error.message, 'A query parameter is invalid.', path);
      }
      const cursor = await call(base, 'GET', '/api/walks?cursor=WyJub3BlIl0');
      assert.equal(cursor.status, 400);
      assert.equal(cursor.body.error.code, 'request.invalid-cursor');
    });
  });
});
