// SPDX-License-Identifier: EUPL-1.2
/**
 * Issue 12, "done when": the lists, statistics, dashboard and exports of
 * observations and engagements, now read from their read models, answer what
 * a fold of the journal answers. On a random journal (fast-check: record,
 * qualify, reject, mark-duplicate, resolve observations; propose, accept,
 * start, progress, complete, verify, abandon, reschedule engagements; over
 * Valence's quartiers, themes and organisations, at a clock moved by random
 * steps across years, a DST change and a New Year's Eve in Paris), for random
 * filter sets, each HTTP answer (every page of a list, followed by `next` to
 * the end) equals the same answer computed from `gusp.observations.list()` /
 * `gusp.engagements.list()` and the core's own views and exports, filtered
 * and sorted as the routes document. On PGlite and on PostgreSQL. The
 * journal grows from run to run: each run checks the whole of it.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  calendarDay,
  createGusp,
  engagementDashboard,
  engagementsToCSV,
  instant,
  observationsToCSV,
  observationStats,
  toGeoJSON,
  toOpen311Requests,
  toOpen311RequestUpdates,
  toOpen311Xml,
  valence,
  yearOf,
  type Engagement,
  type Gusp,
  type Observation,
  type Result,
  type Walk,
} from '@gusp/core';
import fc from 'fast-check';
import type { Database } from '../src/db.js';
import { startServer, type RunningServer } from '../src/server.js';
import { onBothDatabases } from './postgres-cluster.js';

const must = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
};

const TZ = valence.timezone;
const QUARTIERS: string[] = valence.quartiers.slice(0, 3).map((q) => q.id);
const THEMES: string[] = valence.themes.slice(0, 4).map((t) => t.id);
const ORGANISATIONS: string[] = valence.organisations.slice(0, 3).map((o) => o.id);
const DAY = 86_400_000;
/** Where a run's clock starts: a New Year's Eve in Paris (UTC is still the old year), a DST change, a summer day. */
const BASES = ['2024-12-31T23:30:00Z', '2025-03-30T00:30:00Z', '2025-07-14T10:00:00Z', '2026-11-20T09:00:00Z'].map(Date.parse);
/** Days the date filters and Open311's dates take. */
const DAYS = ['2024-12-31', '2025-01-01', '2025-03-30', '2025-06-01', '2026-01-01', '2026-11-25'];

type Op =
  | { op: 'record'; quartier: string; theme: string; polarity: 'positive' | 'problem'; atStop: number | null; contact: boolean }
  | { op: 'qualify'; obs: number; org: string }
  | { op: 'reject' | 'resolve'; obs: number }
  | { op: 'duplicate'; obs: number; of: number }
  | { op: 'propose'; obs: number[]; quartier: string; theme: string | null; org: string | null; walk: boolean }
  | { op: 'accept'; eng: number; org: string; dueIn: number | string }
  | { op: 'start' | 'complete' | 'verify' | 'abandon'; eng: number }
  | { op: 'progress'; eng: number; percent: number }
  | { op: 'reschedule'; eng: number; dueIn: number | string }
  | { op: 'tick'; ms: number }
  | { op: 'advance'; eng: number; org: string; dueIn: number; steps: number; lateBy: number };

const ix = fc.nat({ max: 1_000 });
const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 7,
    arbitrary: fc.record({
      op: fc.constant('record' as const),
      quartier: fc.constantFrom(...QUARTIERS),
      theme: fc.constantFrom(...THEMES),
      polarity: fc.constantFrom('positive' as const, 'problem' as const),
      atStop: fc.option(fc.nat({ max: 1 })),
      contact: fc.boolean(),
    }),
  },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('qualify' as const), obs: ix, org: fc.constantFrom(...ORGANISATIONS) }) },
  fc.record({ op: fc.constantFrom('reject' as const, 'resolve' as const), obs: ix }),
  fc.record({ op: fc.constant('duplicate' as const), obs: ix, of: ix }),
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('propose' as const),
      obs: fc.array(ix, { maxLength: 3 }),
      quartier: fc.constantFrom(...QUARTIERS),
      theme: fc.option(fc.constantFrom(...THEMES)),
      org: fc.option(fc.constantFrom(...ORGANISATIONS)),
      walk: fc.boolean(),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('accept' as const),
      eng: ix,
      org: fc.constantFrom(...ORGANISATIONS),
      dueIn: fc.constantFrom<number | string>(0, 5, 20, 90, 'today-1', 'today+0', 'today+14', 'today+15'),
    }),
  },
  fc.record({ op: fc.constantFrom('start' as const, 'complete' as const, 'verify' as const, 'abandon' as const), eng: ix }),
  fc.record({ op: fc.constant('progress' as const), eng: ix, percent: fc.integer({ min: 0, max: 100 }) }),
  fc.record({ op: fc.constant('reschedule' as const), eng: ix, dueIn: fc.constantFrom<number | string>(1, 30, 'today+0', 'today+14') }),
  { weight: 3, arbitrary: fc.record({ op: fc.constant('tick' as const), ms: fc.constantFrom(60_000, 3 * DAY, 40 * DAY, 200 * DAY) }) },
  // An engagement taken along its life (accepted, started, done, verified), late or not.
  {
    weight: 3,
    arbitrary: fc.record({
      op: fc.constant('advance' as const),
      eng: ix,
      org: fc.constantFrom(...ORGANISATIONS),
      dueIn: fc.constantFrom(0, 10, 30),
      steps: fc.integer({ min: 1, max: 4 }),
      lateBy: fc.constantFrom(0, 20),
    }),
  },
);

/** Filters of the observation list and its exports: each one given or not. */
const observationQueryArb = fc.record(
  {
    quartier: fc.constantFrom(...QUARTIERS, 'nulle-part'),
    walk: fc.constant('WALK'),
    theme: fc.constantFrom(...THEMES),
    status: fc.subarray(['recorded', 'qualified', 'duplicate', 'rejected', 'committed', 'resolved'], { minLength: 1, maxLength: 2 }),
    organisation: fc.constantFrom(...ORGANISATIONS),
    from: fc.constantFrom(...DAYS),
    to: fc.constantFrom(...DAYS),
    order: fc.constantFrom('oldest', 'newest'),
  },
  { requiredKeys: [] },
);
const engagementQueryArb = fc.record(
  {
    quartier: fc.constantFrom(...QUARTIERS),
    walk: fc.constant('WALK'),
    theme: fc.constantFrom(...THEMES),
    status: fc.subarray(['proposed', 'accepted', 'in-progress', 'done', 'verified', 'abandoned'], { minLength: 1, maxLength: 2 }),
    organisation: fc.constantFrom(...ORGANISATIONS),
    from: fc.constantFrom(...DAYS),
    to: fc.constantFrom(...DAYS),
    order: fc.constantFrom('oldest', 'newest'),
  },
  { requiredKeys: [] },
);
type ListQuery = Partial<Record<'quartier' | 'walk' | 'theme' | 'status' | 'organisation' | 'from' | 'to' | 'order', string | string[]>>;

const byKey = (order: string | undefined) => (a: [number, string], b: [number, string]) => {
  const sign = order === 'newest' ? -1 : 1;
  return sign * (a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
};

/** The observations a list query keeps, in its documented order: the reference, from the fold. */
function expectedObservations(all: readonly Observation[], q: ListQuery): Observation[] {
  const day = (o: Observation) => calendarDay(o.recordedAt, TZ);
  return all
    .filter(
      (o) =>
        (q.quartier === undefined || o.quartierId === q.quartier) &&
        (q.walk === undefined || o.walkId === q.walk) &&
        (q.theme === undefined || o.themeId === q.theme) &&
        (q.status === undefined || (q.status as string[]).includes(o.status)) &&
        (q.organisation === undefined || o.organisationId === q.organisation) &&
        (q.from === undefined || day(o) >= (q.from as string)) &&
        (q.to === undefined || day(o) <= (q.to as string)),
    )
    .sort((a, b) => byKey(q.order as string | undefined)([instant(a.recordedAt), a.id], [instant(b.recordedAt), b.id]));
}

function expectedEngagements(all: readonly Engagement[], q: ListQuery): Engagement[] {
  const day = (e: Engagement) => calendarDay(e.proposedAt, TZ);
  return all
    .filter(
      (e) =>
        (q.quartier === undefined || e.quartierId === q.quartier) &&
        (q.walk === undefined || e.walkId === q.walk) &&
        (q.theme === undefined || e.themeId === q.theme) &&
        (q.status === undefined || (q.status as string[]).includes(e.status)) &&
        (q.organisation === undefined || e.organisationId === q.organisation) &&
        (q.from === undefined || day(e) >= (q.from as string)) &&
        (q.to === undefined || day(e) <= (q.to as string)),
    )
    .sort((a, b) => byKey(q.order as string | undefined)([instant(a.proposedAt), a.id], [instant(b.proposedAt), b.id]));
}

const publicOf = ({ reporter: _reporter, ...rest }: Observation) => rest;

function equivalenceSuite(name: string, open: () => Promise<Database>, skip: string | false = false) {
  describe(`read models answer what a fold of the journal answers, on ${name} (issue 12)`, { skip }, () => {
    let db: Database;
    let server: RunningServer;
    let base: string;
    let gusp: Gusp;
    let clock = 0;
    let walk: Walk;
    const observationIds: string[] = [];
    const engagementIds: string[] = [];

    const get = async (path: string, locale = 'fr') => {
      const r = await fetch(`${base}${path}`, { headers: { 'accept-language': locale } });
      // The bytes as they came (`text()` would drop a byte order mark).
      const text = Buffer.from(await r.arrayBuffer()).toString('utf8');
      assert.equal(r.status, 200, `${path}: ${text}`);
      return text;
    };
    const queryString = (q: ListQuery, extra: Record<string, string> = {}) => {
      const params = new URLSearchParams();
      for (const [k, v] of Object.entries(q)) {
        if (v === undefined) continue;
        params.set(k, Array.isArray(v) ? v.join(',') : k === 'walk' ? walk.id : v);
      }
      for (const [k, v] of Object.entries(extra)) params.set(k, v);
      const s = params.toString();
      return s === '' ? '' : `?${s}`;
    };
    /** The query with the walk's real id, for the reference. */
    const resolved = (q: ListQuery): ListQuery => (q.walk === undefined ? q : { ...q, walk: walk.id });
    /** Every page of a list, following `next` to the end. */
    const allPages = async <T>(path: string, key: string, limit: number): Promise<T[]> => {
      const items: T[] = [];
      let url = `${path}${path.includes('?') ? '&' : '?'}limit=${limit}`;
      for (let pages = 0; pages < 1_000; pages++) {
        const page = JSON.parse(await get(url)) as Record<string, unknown> & { next?: string };
        items.push(...(page[key] as T[]));
        if (page.next === undefined) return items;
        url = `${path}${path.includes('?') ? '&' : '?'}limit=${limit}&cursor=${page.next}`;
      }
      throw new Error('more than 1,000 pages');
    };

    before(async () => {
      db = await open();
      server = await startServer({ database: db, photoSweep: false });
      base = server.url;
      // A walk in progress (its stops place observations), written at a clock of its own.
      const startsAt = Date.parse('2024-12-20T09:00:00Z');
      clock = startsAt - 20 * DAY;
      gusp = createGusp({ city: valence, store: server.gusp.store, now: () => new Date(clock) });
      walk = must(
        await gusp.walks.schedule({
          quartierId: QUARTIERS[0] as string,
          title: 'Diagnostic',
          startsAt: new Date(startsAt).toISOString(),
          capacity: 10,
          stops: [
            { label: 'Parvis', point: { lat: 44.9205, lon: 4.9128 } },
            { label: 'Aire de jeux', point: { lat: 44.921, lon: 4.913 } },
          ],
        }),
      );
      must(await gusp.walks.publish(walk.id));
      clock = startsAt + 10 * 60_000;
      must(await gusp.walks.start(walk.id));
      walk = must(await gusp.walks.get(walk.id)).walk;
      // A fixed beginning, so that every kind of row is there whatever the runs draw: each
      // observation status, an engagement completed late, one overdue, one only proposed.
      clock = Date.parse('2025-05-01T08:00:00Z');
      const noted = async (themeId: string, atStop: boolean) => {
        const o = must(
          await gusp.observations.record({
            ...(atStop
              ? { walkId: walk.id, stopId: walk.stops[0]?.id, source: 'walk' as const }
              : { quartierId: QUARTIERS[1], address: 'Rue Bizet' }),
            polarity: 'problem',
            themeId,
            description: `Constat ${observationIds.length}`,
          }),
        );
        observationIds.push(o.id);
        return o.id;
      };
      const [a, b, c, d, e] = [
        await noted(THEMES[0] as string, true),
        await noted(THEMES[1] as string, false),
        await noted(THEMES[2] as string, false),
        await noted(THEMES[0] as string, false),
        await noted(THEMES[3] as string, true),
      ];
      for (const id of [a, b]) must(await gusp.observations.qualify(id, { organisationId: ORGANISATIONS[0] as string }));
      must(await gusp.observations.reject(c, { reason: 'Hors champ' }));
      must(await gusp.observations.markDuplicate(d, { of: a }));
      const late = must(await gusp.engagements.propose({ title: 'Réparer', quartierId: QUARTIERS[0] as string, observationIds: [a] }));
      const overdue = must(
        await gusp.engagements.propose({ title: 'Élaguer', quartierId: QUARTIERS[1] as string, observationIds: [b, e] }),
      );
      const proposed = must(await gusp.engagements.propose({ title: 'Étudier', quartierId: QUARTIERS[2] as string }));
      engagementIds.push(late.id, overdue.id, proposed.id);
      for (const id of [late.id, overdue.id])
        must(await gusp.engagements.accept(id, { organisationId: ORGANISATIONS[0] as string, dueOn: dueIn(10) }));
      must(await gusp.engagements.start(late.id, {}));
      clock += 30 * DAY;
      must(await gusp.engagements.complete(late.id, {}));
    });
    after(async () => {
      await server?.close();
      await db?.close();
    });

    const pick = <T>(list: readonly T[], i: number): T | undefined => (list.length === 0 ? undefined : list[i % list.length]);
    /** A due day: `days` after the command's clock, or (`today+n`) `n` days after the real today, the dashboard's bounds. */
    const dueIn = (days: number | string) =>
      typeof days === 'number'
        ? calendarDay(new Date(clock + days * DAY), TZ)
        : calendarDay(new Date(Date.now() + Number(days.slice('today'.length)) * DAY), TZ);

    async function play(ops: readonly Op[]) {
      for (const op of ops) {
        const obs = 'obs' in op && typeof op.obs === 'number' ? pick(observationIds, op.obs) : undefined;
        const eng = 'eng' in op ? pick(engagementIds, op.eng) : undefined;
        switch (op.op) {
          case 'tick':
            clock += op.ms;
            break;
          case 'record': {
            const stop = op.atStop === null ? undefined : walk.stops[op.atStop];
            const r = await gusp.observations.record({
              ...(stop ? { walkId: walk.id, stopId: stop.id, source: 'walk' as const } : { quartierId: op.quartier, address: 'Rue Bizet' }),
              polarity: op.polarity,
              themeId: op.theme,
              description: `Constat ${observationIds.length}`,
              ...(op.contact ? { reporter: { email: `habitant${observationIds.length}@example.org`, consent: true } } : {}),
            });
            if (r.ok) observationIds.push(r.value.id);
            break;
          }
          case 'qualify':
            if (obs) await gusp.observations.qualify(obs, { organisationId: op.org });
            break;
          case 'reject':
            if (obs) await gusp.observations.reject(obs, { reason: 'Hors champ' });
            break;
          case 'resolve':
            if (obs) await gusp.observations.resolve(obs);
            break;
          case 'duplicate': {
            const of = pick(observationIds, op.of);
            if (obs && of && of !== obs) await gusp.observations.markDuplicate(obs, { of });
            break;
          }
          case 'propose': {
            const ids = [...new Set(op.obs.flatMap((i) => pick(observationIds, i) ?? []))];
            const r = await gusp.engagements.propose({
              title: `Engagement ${engagementIds.length}`,
              quartierId: op.quartier,
              ...(op.theme ? { themeId: op.theme } : {}),
              ...(op.org ? { organisationId: op.org } : {}),
              ...(op.walk ? { walkId: walk.id } : {}),
              observationIds: ids,
            });
            if (r.ok) engagementIds.push(r.value.id);
            break;
          }
          case 'accept':
            if (eng) await gusp.engagements.accept(eng, { organisationId: op.org, dueOn: dueIn(op.dueIn) });
            break;
          case 'start':
            if (eng) await gusp.engagements.start(eng, {});
            break;
          case 'progress':
            if (eng) await gusp.engagements.progress(eng, { percent: op.percent });
            break;
          case 'complete':
            if (eng) await gusp.engagements.complete(eng, {});
            break;
          case 'verify':
            if (eng) await gusp.engagements.verify(eng, {});
            break;
          case 'abandon':
            if (eng) await gusp.engagements.abandon(eng, { reason: 'Plus de budget' });
            break;
          case 'advance':
            if (!eng) break;
            await gusp.engagements.accept(eng, { organisationId: op.org, dueOn: dueIn(op.dueIn) });
            if (op.steps > 1) await gusp.engagements.start(eng, {});
            clock += (op.dueIn + op.lateBy) * DAY;
            if (op.steps > 2) await gusp.engagements.complete(eng, {});
            if (op.steps > 3) await gusp.engagements.verify(eng, {});
            break;
          case 'reschedule':
            if (eng) await gusp.engagements.reschedule(eng, { dueOn: dueIn(op.dueIn), reason: 'Travaux décalés' });
            break;
        }
      }
    }

    test('a bad filter, order, limit or cursor is 400, French first, English on request, on every list and export', async () => {
      const bad = [
        'from=2026-02-30',
        'to=2026-13-01',
        'from=hier',
        'status=perdu',
        'status=',
        'order=sideways',
        'limit=0',
        'limit=101',
        'cursor=WzEsMl0',
      ];
      for (const path of [
        '/api/observations',
        '/api/engagements',
        '/api/observations.geojson',
        '/api/observations.csv',
        '/api/engagements.csv',
      ]) {
        for (const query of bad) {
          // Exports take no page: their `limit` and `cursor` are not theirs to refuse.
          if (path.includes('.') && /^(limit|cursor)=/.test(query)) continue;
          for (const [locale, message] of [
            ['fr', /paramètre|curseur/],
            ['en', /query parameter|cursor/],
          ] as const) {
            const r = await fetch(`${base}${path}?${query}`, { headers: { 'accept-language': locale } });
            const body = (await r.json()) as { error?: { code: string; message: string } };
            assert.equal(r.status, 400, `${path}?${query}`);
            assert.match(body.error?.code ?? '', /^request\.invalid-(query|cursor)$/, `${path}?${query}`);
            assert.match(body.error?.message ?? '', message, `${path}?${query} in ${locale}`);
          }
        }
      }
      // The dashboard pages its overdue list: its limit and cursor are refused as a list's.
      for (const query of ['limit=0', 'limit=101', 'limit=deux', 'cursor=WzEsMl0']) {
        const r = await fetch(`${base}/api/engagements/dashboard?${query}`, { headers: { 'accept-language': 'fr' } });
        const body = (await r.json()) as { error?: { code: string; message: string } };
        assert.equal(r.status, 400, query);
        assert.match(body.error?.code ?? '', /^request\.invalid-(query|cursor)$/, query);
        assert.match(body.error?.message ?? '', /paramètre|curseur/, query);
      }
    });

    test('every list, statistic, dashboard and export, on random journals and filters', async () => {
      const explore = () =>
        fc.assert(
          fc.asyncProperty(
            fc.constantFrom(...BASES),
            fc.array(opArb, { minLength: 10, maxLength: 25 }),
            observationQueryArb,
            engagementQueryArb,
            fc.constantFrom(2, 7, 40),
            fc.constantFrom('fr', 'en'),
            fc.record(
              {
                service_code: fc.subarray(THEMES, { minLength: 1, maxLength: 2 }),
                status: fc.subarray(['open', 'closed'], { minLength: 1 }),
                start_date: fc.constantFrom(...DAYS),
                end_date: fc.constantFrom(...DAYS.slice(3)),
              },
              { requiredKeys: [] },
            ),
            async (start, ops, oq, eq, limit, locale, o311) => {
              clock = start;
              await play(ops);
              const observations = await gusp.observations.list();
              const engagements = await gusp.engagements.list();
              const walks = (await gusp.walks.list()).map((a) => a.walk);
              const published = walks.filter((w) => w.status !== 'draft');

              // The observation list, every page, and its exports.
              const oRef = expectedObservations(observations, resolved(oq)).map(publicOf);
              const listed = await allPages<unknown>(`/api/observations${queryString(oq)}`, 'observations', limit);
              assert.deepEqual(listed, oRef, `observations${queryString(oq)}`);
              assert.equal(
                await get(`/api/observations.geojson${queryString(oq)}`, locale),
                JSON.stringify(toGeoJSON(oRef, valence, { locale, walks: published })),
                'GeoJSON',
              );
              assert.equal(
                await get(`/api/observations.csv${queryString(oq, { bom: '1', delimiter: ';' })}`, locale),
                observationsToCSV(oRef, { bom: true, delimiter: ';', city: valence, locale, walks: published }),
                'observations CSV',
              );

              // The engagement list, every page (each with the city), and its CSV.
              const eRef = expectedEngagements(engagements, resolved(eq));
              assert.deepEqual(await allPages<unknown>(`/api/engagements${queryString(eq)}`, 'engagements', limit), eRef, 'engagements');
              const firstPage = JSON.parse(await get(`/api/engagements${queryString(eq, { limit: '1' })}`)) as { city: unknown };
              assert.deepEqual(firstPage.city, JSON.parse(JSON.stringify(valence)), 'the city profile, on every page');
              assert.equal(
                await get(`/api/engagements.csv${queryString(eq)}`, locale),
                engagementsToCSV(eRef, { city: valence, locale }),
                'engagements CSV',
              );

              // Statistics and dashboard, with their own filters.
              const year = yearOf(new Date(start), TZ);
              for (const filter of [{}, { quartierId: oq.quartier, year }, { walkId: walk.id }]) {
                const kept = observations.filter(
                  (o) =>
                    (!('quartierId' in filter) || filter.quartierId === undefined || o.quartierId === filter.quartierId) &&
                    (!('walkId' in filter) || o.walkId === filter.walkId) &&
                    (!('year' in filter) || yearOf(o.recordedAt, TZ) === filter.year),
                );
                const qs = new URLSearchParams({
                  ...('quartierId' in filter && filter.quartierId ? { quartier: filter.quartierId } : {}),
                  ...('year' in filter ? { year: String(filter.year) } : {}),
                  ...('walkId' in filter ? { walk: filter.walkId } : {}),
                }).toString();
                assert.deepEqual(JSON.parse(await get(`/api/observations/stats?${qs}`)), observationStats(kept, TZ), `stats ${qs}`);
              }
              for (const filter of [{}, { quartier: eq.quartier, organisation: eq.organisation, theme: eq.theme }]) {
                const kept = engagements.filter(
                  (e) =>
                    (filter.quartier === undefined || e.quartierId === filter.quartier) &&
                    (filter.organisation === undefined || e.organisationId === filter.organisation) &&
                    (filter.theme === undefined || e.themeId === filter.theme),
                );
                const qs = new URLSearchParams(
                  Object.entries(filter).filter((kv): kv is [string, string] => typeof kv[1] === 'string'),
                ).toString();
                const { overdueList, ...tallies } = JSON.parse(JSON.stringify(engagementDashboard(kept, new Date(), valence))) as {
                  overdueList: unknown[];
                };
                // The first page (100 at most), then every page of `limit`: the same tallies on each,
                // the overdue list in order across them, a `next` exactly when more follow.
                const first = JSON.parse(await get(`/api/engagements/dashboard?${qs}`)) as { overdueList: unknown[]; next?: string };
                assert.deepEqual(first, {
                  ...tallies,
                  overdueList: overdueList.slice(0, 100),
                  ...(first.next ? { next: first.next } : {}),
                });
                assert.equal(first.next !== undefined, overdueList.length > 100, `dashboard ${qs}: next`);
                const paged = await allPages<unknown>(`/api/engagements/dashboard?${qs}`, 'overdueList', limit);
                assert.deepEqual(paged, overdueList, `dashboard ${qs}: the overdue list in pages of ${limit}`);
                const last = JSON.parse(await get(`/api/engagements/dashboard?${qs}&limit=${limit}`)) as Record<string, unknown>;
                const { overdueList: _list, next: _next, ...pagedTallies } = last;
                assert.deepEqual(pagedTallies, tallies, `dashboard ${qs}`);
              }

              // Open311: problems of the services, statuses and dates asked, newest first, at most 1,000.
              const to = o311.end_date === undefined ? Date.now() : Date.parse(o311.end_date);
              const from = o311.start_date === undefined ? to - 90 * DAY : Date.parse(o311.start_date);
              const requests = toOpen311Requests(
                [...observations].sort((a, b) => byKey('newest')([instant(a.recordedAt), a.id], [instant(b.recordedAt), b.id])),
                valence,
                { engagements, walks, locale },
              )
                .filter((r) => {
                  const at = Date.parse(r.requested_datetime);
                  return (
                    (o311.service_code === undefined || o311.service_code.includes(r.service_code)) &&
                    (o311.status === undefined || o311.status.includes(r.status)) &&
                    at >= from &&
                    at <= to
                  );
                })
                .slice(0, 1000);
              const o311qs = new URLSearchParams(
                Object.entries(o311).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : v] as [string, string]),
              ).toString();
              assert.deepEqual(JSON.parse(await get(`/open311/v2/requests.json?${o311qs}`, locale)), requests, `requests.json?${o311qs}`);
              assert.equal(await get(`/open311/v2/requests.xml?${o311qs}`, locale), toOpen311Xml({ service_requests: requests }), 'XML');
              // mySociety's updates of the same window (dates only), from the whole journal's events.
              const events = await server.gusp.store.readAll({ prefix: 'observation-' });
              const updates = toOpen311RequestUpdates(events, observations, valence, { engagements, locale })
                .filter((u) => Date.parse(u.updated_datetime) >= from && Date.parse(u.updated_datetime) <= to)
                .slice(0, 1000);
              const window = new URLSearchParams({
                ...(o311.start_date === undefined ? {} : { start_date: o311.start_date }),
                ...(o311.end_date === undefined ? {} : { end_date: o311.end_date }),
              }).toString();
              assert.deepEqual(
                JSON.parse(await get(`/open311/v2/servicerequestupdates.json?${window}`, locale)),
                updates,
                `servicerequestupdates.json?${window}`,
              );
              assert.equal(
                await get(`/open311/v2/servicerequestupdates.xml?${window}`, locale),
                toOpen311Xml({ service_request_updates: updates }),
                'updates XML',
              );

              // By ids (which override every other argument), and one by one.
              const newest = toOpen311Requests(
                [...observations].sort((a, b) => byKey('newest')([instant(a.recordedAt), a.id], [instant(b.recordedAt), b.id])),
                valence,
                { engagements, walks, locale },
              );
              const some = [...observationIds.slice(-3), 'inconnue'];
              assert.deepEqual(
                JSON.parse(await get(`/open311/v2/requests.json?service_request_id=${some.join(',')}&${o311qs}`, locale)),
                newest.filter((r) => some.includes(r.service_request_id)),
                'requests by id',
              );
              const one = newest.find((r) => r.service_request_id !== undefined);
              if (one)
                assert.deepEqual(
                  JSON.parse(await get(`/open311/v2/requests/${one.service_request_id}.json`, locale)),
                  [one],
                  'one request',
                );
            },
          ),
          { numRuns: 15 },
        );
      // What the journal came to hold: enough of each kind and status for the comparisons to mean something.
      // A draw can fall short (a fresh-clone run drew no overdue engagement): explore more journals, at most
      // three times more, before saying the generator does not reach them.
      const statuses = (list: readonly { status: string }[]) => new Set(list.map((x) => x.status)).size;
      const covered = async () => {
        const obs = await gusp.observations.list();
        const engs = await gusp.engagements.list();
        const d = engagementDashboard(engs, new Date(), valence);
        return obs.length > 20 && statuses(obs) >= 5 && engs.length > 10 && statuses(engs) >= 4 && d.overdue > 0 && d.onTimeRate !== null;
      };
      await explore();
      for (let more = 0; more < 3 && !(await covered()); more++) await explore();
      const observations = await gusp.observations.list();
      const engagements = await gusp.engagements.list();
      assert.ok(
        observations.length > 20 && statuses(observations) >= 5,
        `observations: ${observations.length}, ${statuses(observations)} statuses`,
      );
      assert.ok(
        engagements.length > 10 && statuses(engagements) >= 4,
        `engagements: ${engagements.length}, ${statuses(engagements)} statuses`,
      );
      const dashboard = engagementDashboard(engagements, new Date(), valence);
      assert.ok(dashboard.overdue > 0 && dashboard.onTimeRate !== null, 'some engagements are overdue, some were completed with a due day');
    });
  });
}

onBothDatabases(equivalenceSuite);
