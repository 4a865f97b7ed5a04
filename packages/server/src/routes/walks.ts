// SPDX-License-Identifier: EUPL-1.2
/** Walks (diagnostics en marchant): public summaries and sign-up, staff lifecycle and registrations, the compte-rendu, iCalendar. */
import {
  RescheduleWalkInput,
  ScheduleWalkInput,
  toICalendar,
  toICalendarFeed,
  uncoveredQuartiers,
  Walk,
  walkSummary,
  yearOf,
  yearlyCoverage,
  calendarDay,
  type Gusp,
  type WalkSummary,
  type WalkCalendarLinks,
  type Workshop,
} from '@gusp/core';
import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import { staffCommandOptions } from '../http/actor.js';
import type { Env, RouteDeps } from '../http/context.js';
import { listFilter } from '../http/list-filter.js';
import { PAGE_HEADERS, PAGE_QUERY, pageAnswer, pageOf, pageRequest } from '../http/page.js';
import { publicWalkSummary } from '../http/public-views.js';
import { fileAnswer, jsonAnswer, jsonRoute, route, type RouteGroup } from '../http/route.js';
import {
  effectiveStatusSql,
  PUBLIC_WALK_STATUSES,
  publicWalks,
  publicWalksFingerprint,
  summaryOf,
  upcomingSql,
  WALK_KEYSET,
  walkKey,
  walkRows,
  walksOfYear,
} from '../read/walks.js';
import { draftsParam } from '../read/list-params.js';
import { sqlParams, type SqlSession } from '../sql.js';
import { projectTitles, publicWorkshops } from '../read/workshops.js';
import { registrationRoutes, type GatheringRoutes } from './registrations.js';
import { gatheringStepRoutes, type StepKind } from './steps.js';
import { reportRoutes } from './report.js';

const walkId = { walkId: { description: 'The walk’s id.' } };

/** A walk as the shared registration routes see it (`registrations.ts`). */
export const walkGathering = (gusp: Gusp): GatheringRoutes => ({
  param: 'walkId',
  kind: 'walk',
  noun: 'walk',
  scope: '',
  commands: gusp.walks,
  get: (id, options) => gusp.walks.get(id, options),
});

/** `https://host/path` → `webcal://host/path`: the scheme calendar apps open as a subscription. */
export const webcal = (url: string) => url.replace(/^https?:/i, 'webcal:');

/** A walk's page and calendars under the public origin (see `WalkCalendarLinks`). */
export function walkCalendarLinks(origin: string, walk: Pick<Walk, 'id' | 'quartierId'>): WalkCalendarLinks {
  const ics = `${origin}/api/walks/${encodeURIComponent(walk.id)}/calendar.ics`;
  const feed = `${origin}/api/quartiers/${encodeURIComponent(walk.quartierId)}/walks.ics`;
  return { page: walkPageUrl(origin, walk.id), ics, webcal: webcal(ics), feed, feedWebcal: webcal(feed) };
}

/** The walk's page, for people: the events' `URL` and the page the calendar links point at. */
export const walkPageUrl = (origin: string, id: string) => `${origin}/marches/${encodeURIComponent(id)}`;

/** Whether an `If-None-Match` list names `etag` (weak comparison, RFC 9110 §13.1.2), or is `*`. */
function noneMatch(header: string, etag: string): boolean {
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.trim() === '*' || header.split(',').some((tag) => opaque(tag) === opaque(etag));
}

/**
 * An .ics answer with its validators, so calendar apps that poll a feed (every
 * few hours, for months) get a 304 while nothing changed: `ETag`, the digest of
 * the bytes (the language is part of them, hence `Vary: Accept-Language`), and
 * `Last-Modified`, the latest change of its walks but never before `since`
 * (the server's start: a changed city profile renames quartiers without
 * touching any walk). `If-None-Match` decides when sent, else `If-Modified-Since`.
 */
export function calendarAnswer(
  c: Context<Env>,
  ics: string,
  walks: readonly Pick<Walk, 'updatedAt'>[],
  since: number,
  headers: Record<string, string> = {},
): Response {
  const etag = `"${createHash('sha256').update(ics).digest('base64url').slice(0, 32)}"`;
  const modified = Math.floor(Math.max(since, ...walks.map((w) => Date.parse(w.updatedAt))) / 1000) * 1000;
  const validators = {
    ETag: etag,
    'Last-Modified': new Date(modified).toUTCString(),
    // Stored, but checked with the server each time: a cancellation must reach the calendar.
    'Cache-Control': 'no-cache',
    Vary: 'Accept-Language',
  };
  const ifNoneMatch = c.req.header('if-none-match');
  const ifModifiedSince = Date.parse(c.req.header('if-modified-since') ?? '');
  const fresh = ifNoneMatch !== undefined ? noneMatch(ifNoneMatch, etag) : !Number.isNaN(ifModifiedSince) && modified <= ifModifiedSince;
  if (fresh) return c.body(null, 304, validators);
  return c.body(ics, 200, { 'Content-Type': 'text/calendar; charset=utf-8', ...validators, ...headers });
}

/** What every .ics route answers: the file, or 304 when the client's copy is current. */
export const calendarResponses = (description: string) => ({
  200: {
    ...fileAnswer(description, 'text/calendar'),
    headers: {
      ETag: { description: 'The digest of this answer: send it back as `If-None-Match`.', schema: { type: 'string' } },
      'Last-Modified': { description: 'The latest change of its walks: send it back as `If-Modified-Since`.', schema: { type: 'string' } },
    },
  },
  304: { description: 'Not modified: the `If-None-Match` ETag (or, without one, the `If-Modified-Since` date) is current.' },
});
const isDay = (v: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v);
const statusesOf = (v: string) => v.split(',');
/** The statuses `status=` takes: the public ones, and `draft` for staff (see {@linkcode draftsAsked}). */
const LISTED_STATUSES = ['draft', ...PUBLIC_WALK_STATUSES] as const;
const isListedStatus = (v: string) => (LISTED_STATUSES as readonly string[]).includes(v);

/** Whether a list request asks for drafts (`include=drafts`, or `draft` among its statuses): staff only. */
const draftsAsked = (c: Context<Env>) => c.req.query('include') === 'drafts' || (c.req.query('status')?.split(',') ?? []).includes('draft');

/**
 * The filters of `GET /api/walks`, each said twice: over a summary at `now()` (`matches`) and as a
 * SQL condition over a `read_walks` row (`sql`). Days and years are the city's (`timeZone`).
 */
export function walkListFilter(now: () => Date, timeZone: string) {
  return listFilter<WalkSummary>({
    quartier: {
      description: 'Only the walks of this quartier (its id, from the city profile).',
      matches: (s, v) => s.walk.quartierId === v,
      sql: (v, p) => `quartier_id = ${p.bind(v)}`,
    },
    upcoming: {
      description:
        '`1`: only the walks still to come, as `<gusp-walk-list>` shows them: not started yet and open, closed or cancelled (a registrant still learns of a cancellation). `0`: no such filter.',
      schema: { type: 'string', enum: ['0', '1'] },
      valid: (v) => v === '0' || v === '1',
      matches: (s, v) => v === '0' || (['open', 'closed', 'cancelled'].includes(s.status) && Date.parse(s.walk.startsAt) > now().getTime()),
      sql: (v, p) => (v === '0' ? 'TRUE' : upcomingSql(p, now().getTime())),
    },
    status: {
      description: `Only the walks with one of these statuses, comma-separated (\`open,closed\`): the status as people see it (\`status\` of each entry: an open walk past its registration deadline is \`closed\`). One of ${PUBLIC_WALK_STATUSES.map((x) => `\`${x}\``).join(', ')}, or \`draft\` for staff (coordinator, agent: 401 \`auth.required\` or 403 \`auth.forbidden\` otherwise).`,
      schema: { type: 'string', pattern: `^(${LISTED_STATUSES.join('|')})(,(${LISTED_STATUSES.join('|')}))*$` },
      valid: (v) => statusesOf(v).every(isListedStatus),
      matches: (s, v) => statusesOf(v).includes(s.status),
      sql: (v, p) => {
        const effective = effectiveStatusSql(p, now().getTime());
        return `${effective} IN (${statusesOf(v)
          .map((x) => p.bind(x))
          .join(', ')})`;
      },
    },
    year: {
      description: 'Only the walks starting in this calendar year (`2027`), in the city’s time zone.',
      schema: { type: 'integer', minimum: 1000, maximum: 9999 },
      valid: (v) => /^\d{4}$/.test(v),
      matches: (s, v) => yearOf(s.walk.startsAt, timeZone) === Number(v),
      sql: (v, p) => `year = ${p.bind(Number(v))}::integer`,
    },
    from: {
      description: 'Only the walks starting on this day (`YYYY-MM-DD`, in the city’s time zone) or later.',
      schema: { type: 'string', format: 'date' },
      valid: isDay,
      matches: (s, v) => calendarDay(s.walk.startsAt, timeZone) >= v,
      sql: (v, p) => `day >= ${p.bind(v)}`,
    },
    to: {
      description: 'Only the walks starting on this day (`YYYY-MM-DD`, in the city’s time zone) or earlier.',
      schema: { type: 'string', format: 'date' },
      valid: isDay,
      matches: (s, v) => calendarDay(s.walk.startsAt, timeZone) <= v,
      sql: (v, p) => `day <= ${p.bind(v)}`,
    },
    include: draftsParam(
      '`drafts`: the drafts too, beside the published walks, as the back office lists them; staff only (coordinator, agent: 401 `auth.required` or 403 `auth.forbidden` otherwise). Without it, drafts are never listed.',
    ),
  });
}

const coordinators = { roles: ['coordinator'] } as const;
const staffReaders = { roles: ['coordinator', 'agent'] } as const;

export function walkRoutes(deps: RouteDeps): RouteGroup {
  const { gusp, now, refuse, origin, unwrap } = deps;
  const startedAt = Date.now();
  const walkFilter = walkListFilter(now, gusp.city.timezone);
  /** The core looks the walk up before it reads the input: an unknown walk stays 404 whatever the body. */
  const walkExists = async (c: Context<Env>, walkId: string) => void unwrap(await gusp.walks.get(walkId, { locale: c.get('locale') }));

  /** A walk as the lifecycle routes see it (`steps.ts`). */
  const kind: StepKind = { param: 'walkId', noun: 'walk', scope: '', answer: Walk, exists: walkExists };
  /** A staff command's options: the language, the scoped Idempotency-Key, and who acts (the journal's `by`). */
  const staffOptions = (c: Context<Env>, scope: string) => staffCommandOptions(c, deps, scope);

  return {
    base: '/api/walks',
    tag: 'walks',
    description: 'Diagnostics en marchant: public summaries and sign-up; the lifecycle, registrations and compte-rendu for staff.',
    routes: [
      route(deps, {
        method: 'get',
        path: '/',
        summary: 'Published walks, with their seats and counts (never registrations), paged',
        access: { ...staffReaders, when: 'drafts are asked for (`include=drafts`, `status=draft`)' },
        description:
          'By start time, then id. Paged by cursor: at most `limit` walks, and `next` (and a `Link: rel="next"` header) while more follow; every filter given must match. Each entry’s `calendar` holds absolute links built from `--public-url`: `page` (the walk’s page), `ics` and `webcal` (this walk’s event), `feed` and `feedWebcal` (its quartier’s feed).',
        query: { ...walkFilter.query, ...PAGE_QUERY },
        responses: {
          200: {
            ...jsonAnswer(
              '`{ walks: WalkSummary[], next?, city }`, by start time; `city` is the city profile, so a list can name quartiers and write dates in the city’s time zone.',
            ),
            headers: PAGE_HEADERS,
          },
        },
        handler: async (c) => {
          const at = now();
          const page = pageRequest(c, WALK_KEYSET);
          const params = sqlParams();
          const where = walkFilter.where(c, params);
          // Drafts are not public yet: only staff list them, when they ask.
          const drafts = draftsAsked(c);
          if (drafts) await deps.staff(c, staffReaders.roles);
          const docs = await walkRows(await deps.read(), where, params, page, drafts);
          const found = pageOf(docs, page, (d) => walkKey(d.walk));
          const walks = found.items.map((d) => ({ ...publicWalkSummary(summaryOf(d, at)), calendar: walkCalendarLinks(origin(), d.walk) }));
          return pageAnswer(c, origin(), 'walks', { items: walks, next: found.next }, { city: gusp.city });
        },
      }),
      route(deps, {
        method: 'get',
        path: '/:walkId',
        summary: 'One published walk’s summary, with the city profile (what `<gusp-walk-signup>` reads)',
        access: { ...staffReaders, when: 'the walk is a draft' },
        params: walkId,
        description: '`calendar` holds the walk’s page and calendar links, as in the list.',
        responses: {
          200: jsonAnswer(
            'The walk summary, `calendar` and `city`; a draft is 404 like an unknown id, but for staff (the back office plans it).',
          ),
        },
        handler: async (c) => {
          const locale = c.get('locale');
          const agg = unwrap(await gusp.walks.get(c.req.param('walkId'), { locale }));
          // A draft is not public yet: as if it did not exist, but to staff (coordinator, agent).
          if (agg.walk.status === 'draft') {
            const who = await deps.whoIs(c);
            if (!who || !(staffReaders.roles as readonly string[]).includes(who.role))
              return refuse(c, 'walk.not-found', { walkId: agg.walk.id });
          }
          return c.json({
            ...publicWalkSummary(walkSummary(agg, now())),
            calendar: walkCalendarLinks(origin(), agg.walk),
            city: gusp.city,
          });
        },
      }),
      jsonRoute(deps, {
        method: 'post',
        path: '/',
        summary: 'Schedules a walk as a draft (the city’s defaults fill what is not given)',
        access: coordinators,
        idempotent: true,
        body: { schema: ScheduleWalkInput },
        responses: { 201: jsonAnswer('The walk, a draft.', Walk) },
        handler: async (c, input) => c.json(unwrap(await gusp.walks.schedule(input, await staffOptions(c, 'schedule'))), 201),
      }),
      // Edit the draft, publish, close registrations, start, finish, cancel, reschedule: a workshop's too (`steps.ts`).
      ...gatheringStepRoutes(deps, kind, gusp.walks, { edit: ScheduleWalkInput, reschedule: RescheduleWalkInput }),
      // The compte-rendu, its preview, edits and restitution: routes/report.ts.
      ...reportRoutes(deps),
      // Sign-up, cancel token, the staff's list, removal and check-in: the routes every gathering shares.
      ...registrationRoutes(deps, walkGathering(gusp)),
      route(deps, {
        method: 'get',
        path: '/:walkId/calendar.ics',
        summary: 'The walk as an iCalendar event (RFC 5545)',
        description:
          'The event’s `URL` is the walk’s page (`/marches/{walkId}`). Conditional GET: `ETag` and `Last-Modified`, and 304 to a matching `If-None-Match` or `If-Modified-Since`.',
        params: walkId,
        responses: calendarResponses('One VEVENT.'),
        handler: async (c) => {
          const agg = unwrap(await gusp.walks.get(c.req.param('walkId'), { locale: c.get('locale') }));
          if (agg.walk.status === 'draft') return refuse(c, 'walk.not-found', { walkId: agg.walk.id });
          const ics = toICalendar(agg.walk, gusp.city, { locale: c.get('locale'), url: (w) => walkPageUrl(origin(c), w.id) });
          return calendarAnswer(c, ics, [agg.walk], startedAt, {
            'Content-Disposition': `attachment; filename="walk-${agg.walk.id}.ics"`,
          });
        },
      }),
    ],
  };
}

/** The calendar feeds people subscribe to: the city's public walks, and a quartier's. */
export function quartierRoutes(deps: RouteDeps): RouteGroup {
  const { gusp, refuse, origin, now } = deps;
  const startedAt = Date.now();
  const CONDITIONAL =
    ' Each event’s `URL` is the walk’s page. Conditional GET: `ETag` and `Last-Modified`, and 304 to a matching `If-None-Match` or `If-Modified-Since`.';
  /**
   * The feeds' texts as last written, by quartier (`''` for the city's) and language, with the
   * fingerprint of the rows they were written from: calendar apps poll the same feed for months,
   * and writing one of 2,000 walks takes about a second, so it is written again only when one of
   * its walks changed. A handful of entries: one per quartier and language.
   */
  const written = new Map<string, { fingerprint: string; ics: string; lastUpdate: number }>();
  /**
   * The public workshops of a quartier's concerted projects (issue 15), which its feed lists after
   * its walks: people subscribed to their quartier learn of them without a second subscription.
   */
  const quartierWorkshops = async (sql: SqlSession, quartierId: string | undefined) => {
    if (quartierId === undefined) return { workshops: [] as Workshop[], titles: new Map<string, string>() };
    // From the workshops' and projects' read models (read/workshops.ts): no workshop stream is folded.
    const workshops = await publicWorkshops(sql, { quartierId });
    return { workshops, titles: await projectTitles(sql, [...new Set(workshops.map((w) => w.projectId))]) };
  };
  /** The public walks (not drafts) of the city, or of one quartier with its projects' workshops, as a named feed. */
  const feed = async (c: Context<Env>, quartierId?: string) => {
    const sql = await deps.read();
    const locale = c.get('locale');
    const key = `${quartierId ?? ''}\n${locale}`;
    const { digest, lastUpdate: walksUpdate } = await publicWalksFingerprint(sql, quartierId);
    const { workshops, titles } = await quartierWorkshops(sql, quartierId);
    const workshopsDigest = createHash('sha256')
      .update(JSON.stringify(workshops.map((w) => [w.id, w.updatedAt, titles.get(w.projectId)])))
      .digest('base64url');
    const lastUpdate = Math.max(walksUpdate, ...workshops.map((w) => Date.parse(w.updatedAt)));
    const fingerprint = `${digest}:${workshopsDigest}:${origin(c)}`;
    let entry = written.get(key);
    if (entry?.fingerprint !== fingerprint) {
      const walks = await publicWalks(sql, quartierId);
      const ics = toICalendarFeed(walks, gusp.city, {
        locale,
        url: (w) => walkPageUrl(origin(c), w.id),
        ...(quartierId === undefined ? {} : { quartierId }),
        workshops,
        workshopUrl: (w) => `${origin(c)}/api/projects/${encodeURIComponent(w.projectId)}.html`,
        projectTitle: (w) => titles.get(w.projectId),
      });
      entry = { fingerprint, ics, lastUpdate };
      written.set(key, entry);
    }
    return calendarAnswer(c, entry.ics, [{ updatedAt: new Date(entry.lastUpdate).toISOString() }], startedAt);
  };
  return {
    base: '/api',
    tag: 'walks',
    description: 'The public walks as calendar feeds: the city’s and each quartier’s.',
    routes: [
      route(deps, {
        method: 'get',
        path: '/walks.ics',
        summary: 'The city’s public walks as an iCalendar feed (RFC 5545), named after the city',
        description: `Every walk that is not a draft, cancelled ones included (\`STATUS:CANCELLED\`), so subscribers learn of it.${CONDITIONAL}`,
        responses: calendarResponses('One VEVENT per public walk.'),
        handler: (c) => feed(c),
      }),
      route(deps, {
        method: 'get',
        path: '/quartiers/coverage',
        summary: 'The yearly coverage of the city’s priority quartiers: which had a walk this year',
        description:
          'The city rule: every priority quartier has at least one walk per calendar year, in the city’s time zone. For each priority quartier (in the city profile’s order), how many walks of the year are not cancelled (drafts included: a planned walk counts) and whether it is covered; `uncovered` lists those without one. Counts only: no personal data.',
        query: {
          year: {
            description:
              'The calendar year (`2027`); the current year in the city’s time zone by default. Anything else is 400 `request.invalid-query`.',
            schema: { type: 'integer', minimum: 1000, maximum: 9999 },
          },
        },
        responses: {
          200: jsonAnswer(
            '`{ year, quartiers: [{ quartierId, walks, covered }], uncovered: [quartierId] }`: the core’s `yearlyCoverage` and `uncoveredQuartiers`.',
          ),
        },
        handler: async (c) => {
          const text = c.req.query('year');
          if (text !== undefined && !/^\d{4}$/.test(text)) return refuse(c, 'request.invalid-query', { year: text.slice(0, 100) });
          const year = text === undefined ? yearOf(now(), gusp.city.timezone) : Number(text);
          const walks = await walksOfYear(await deps.read(), year);
          return c.json({
            year,
            quartiers: yearlyCoverage(walks, gusp.city, year),
            uncovered: uncoveredQuartiers(walks, gusp.city, year),
          });
        },
      }),
      route(deps, {
        method: 'get',
        path: '/quartiers/:quartierId/walks.ics',
        summary:
          'The quartier’s public walks, and its concerted projects’ workshops, as an iCalendar feed (RFC 5545), named after the quartier and the city',
        description: `The quartier’s walks that are not drafts, cancelled ones included, then the public workshops of its projects (UID \`workshop-{id}@gusp\`, their \`URL\` the project’s page): one subscription for both.${CONDITIONAL}`,
        params: { quartierId: { description: 'The quartier’s id (from the city profile).' } },
        responses: calendarResponses('One VEVENT per public walk.'),
        handler: async (c) => {
          const quartier = gusp.city.quartiers.find((q) => q.id === c.req.param('quartierId'));
          if (!quartier) return refuse(c, 'request.not-found', { path: c.req.path });
          return feed(c, quartier.id);
        },
      }),
    ],
  };
}
