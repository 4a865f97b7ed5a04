// SPDX-License-Identifier: EUPL-1.2
/**
 * Workshops (ateliers) of concerted projects (issue 15): public summaries and sign-up, the
 * lifecycle for coordinators, and the very registration routes of a walk (`registrations.ts`:
 * sign-up, cancel token, phone-ins, walk-ins, check-ins, cancelling for someone, promotion),
 * over the core's one registration implementation. Scheduling is the project's
 * (`POST /api/projects/:projectId/workshops`).
 */
import {
  instant,
  RescheduleWorkshopInput,
  ScheduleWorkshopInput,
  Workshop,
  WORKSHOP_STATUSES,
  workshopSummary,
  workshopToICalendar,
  type Gusp,
  type WorkshopAggregate,
  type WorkshopCalendarLinks,
  type WorkshopSummary,
} from '@gusp/core';
import type { Context } from 'hono';
import type { Env, RouteDeps } from '../http/context.js';
import { listFilter } from '../http/list-filter.js';
import { PAGE_HEADERS, PAGE_QUERY, pageAnswer, pageOf, pageRequest } from '../http/page.js';
import { upcomingWorkshopSql, WORKSHOP_KEYSET, workshopKey, workshopRows, workshopSummaryOf } from '../read/workshops.js';
import { draftsAsked, draftsParam } from '../read/list-params.js';
import { sqlParams } from '../sql.js';
import { jsonAnswer, route, type RouteGroup } from '../http/route.js';
import { registrationRoutes, staffRegistrationRoutes, type GatheringRoutes } from './registrations.js';
import { gatheringStepRoutes, type StepKind } from './steps.js';
import { calendarAnswer, calendarResponses, webcal } from './walks.js';

const workshopId = { workshopId: { description: 'The workshop’s id.' } };
const staffReaders = { roles: ['coordinator', 'agent'] } as const;

/** A workshop as the shared registration routes see it (`registrations.ts`). */
export const workshopGathering = (gusp: Gusp): GatheringRoutes => ({
  param: 'workshopId',
  kind: 'workshop',
  noun: 'workshop',
  scope: 'workshop-',
  commands: gusp.workshops,
  get: (id, options) => gusp.workshops.get(id, options),
});

/** The project's page for people, where a workshop's events point (`URL`). */
export const projectPageUrl = (origin: string, projectId: string) => `${origin}/api/projects/${encodeURIComponent(projectId)}.html`;

/** A workshop's page and calendars under the public origin: its event, and its project's feed. */
export function workshopCalendarLinks(origin: string, w: Pick<Workshop, 'id' | 'projectId'>): WorkshopCalendarLinks {
  const ics = `${origin}/api/workshops/${encodeURIComponent(w.id)}/calendar.ics`;
  const feed = `${origin}/api/projects/${encodeURIComponent(w.projectId)}/workshops.ics`;
  return { page: projectPageUrl(origin, w.projectId), ics, webcal: webcal(ics), feed, feedWebcal: webcal(feed) };
}

/** A summary as it leaves the server: no registration (the core's summary has none), its calendar links. */
export const publicWorkshopSummary = (s: WorkshopSummary, origin: string) => ({
  id: s.workshop.id,
  ...s,
  calendar: workshopCalendarLinks(origin, s.workshop),
});

const PUBLIC_STATUSES = WORKSHOP_STATUSES.filter((s) => s !== 'draft');

export function workshopListFilter(now: () => Date) {
  return listFilter<WorkshopSummary>({
    quartier: {
      description: 'Only the workshops of this quartier (its id, from the city profile).',
      matches: (s, v) => s.workshop.quartierId === v,
      sql: (v, p) => `quartier_id = ${p.bind(v)}`,
    },
    project: {
      description: 'Only the workshops of this project (its id).',
      matches: (s, v) => s.workshop.projectId === v,
      sql: (v, p) => `project_id = ${p.bind(v)}`,
    },
    upcoming: {
      description:
        '`1` (the default): only the workshops still to come, as `<gusp-project>` shows them: published (open or closed), not started yet. `0`: every published workshop, past and cancelled ones too.',
      schema: { type: 'string', enum: ['0', '1'] },
      valid: (v) => v === '0' || v === '1',
      matches: (s, v) => v === '0' || (['open', 'closed'].includes(s.workshop.status) && instant(s.workshop.startsAt) >= now().getTime()),
      sql: (v, p) => (v === '0' ? 'TRUE' : upcomingWorkshopSql(p, now().getTime())),
    },
    include: draftsParam(
      '`drafts`: the drafts too, as the back office lists them; staff only (coordinator, agent: 401 `auth.required` or 403 `auth.forbidden` otherwise).',
    ),
  });
}

export function workshopRoutes(deps: RouteDeps): RouteGroup {
  const { gusp, now, refuse, origin, unwrap } = deps;
  const startedAt = Date.now();
  const filter = workshopListFilter(now);

  /** A workshop as the lifecycle routes see it (`steps.ts`). */
  const kind: StepKind = {
    param: 'workshopId',
    noun: 'workshop',
    scope: 'workshop-',
    answer: Workshop,
    exists: async (c, id) => void unwrap(await gusp.workshops.get(id, { locale: c.get('locale') })),
  };
  /** A workshop, or 404 for a draft unless staff (coordinator, agent) ask. */
  const visible = async (c: Context<Env>): Promise<WorkshopAggregate> => {
    const agg = unwrap(await gusp.workshops.get(c.req.param('workshopId') ?? '', { locale: c.get('locale') }));
    if (agg.workshop.status === 'draft') {
      const who = await deps.whoIs(c);
      if (!who || !(staffReaders.roles as readonly string[]).includes(who.role))
        refuse(c, 'workshop.not-found', { workshopId: agg.workshop.id });
    }
    return agg;
  };

  return {
    base: '/api/workshops',
    tag: 'workshops',
    description:
      'Workshops (ateliers) of concerted projects: public summaries and sign-up with the walk’s registration rules, the lifecycle and registrations for staff.',
    routes: [
      route(deps, {
        method: 'get',
        path: '/',
        summary: 'Upcoming workshops, of a quartier or a project, with their seats and counts (never registrations), paged',
        access: { ...staffReaders, when: 'drafts are asked for (`include=drafts`)' },
        description:
          'By start time, then id. Paged by cursor: at most `limit` workshops, and `next` (and a `Link: rel="next"` header) while more follow; every filter given must match. Each entry is a `WorkshopSummary` with `calendar`: `page` (the project’s page), `ics` and `webcal` (this workshop’s event), `feed` and `feedWebcal` (the project’s workshops).',
        query: { ...filter.query, ...PAGE_QUERY },
        responses: {
          200: {
            ...jsonAnswer('`{ workshops: WorkshopSummary[], next?, city }`, by start time.'),
            headers: PAGE_HEADERS,
          },
        },
        handler: async (c) => {
          const at = now();
          const page = pageRequest(c, WORKSHOP_KEYSET);
          const drafts = draftsAsked(c);
          if (drafts) await deps.staff(c, staffReaders.roles);
          const params = sqlParams();
          const where = filter.where(c, params);
          // Upcoming unless `upcoming=0` says otherwise.
          if (c.req.query('upcoming') === undefined) where.push(upcomingWorkshopSql(params, at.getTime()));
          const docs = await workshopRows(await deps.read(), where, params, page, drafts);
          const found = pageOf(
            docs.map((d) => workshopSummaryOf(d, at)),
            page,
            (s) => workshopKey(s.workshop),
          );
          return pageAnswer(
            c,
            origin(),
            'workshops',
            { items: found.items.map((s) => publicWorkshopSummary(s, origin())), next: found.next },
            { city: gusp.city },
          );
        },
      }),
      route(deps, {
        method: 'get',
        path: '/:workshopId',
        summary: 'One published workshop’s summary, with the city profile (what `<gusp-project>`’s sign-up reads)',
        access: { ...staffReaders, when: 'the workshop is a draft' },
        params: workshopId,
        description: `The core’s \`WorkshopSummary\` (seats, counts by role, the status as people see it: one of ${PUBLIC_STATUSES.map((s) => `\`${s}\``).join(', ')}), \`calendar\` and \`city\`; a draft is 404 like an unknown id, but for staff.`,
        responses: {
          200: jsonAnswer('`{ id, workshop, status, capacity, seatsLeft, confirmed, waitlisted, attended, byRole, calendar, city }`.'),
        },
        handler: async (c) => {
          const agg = await visible(c);
          return c.json({ ...publicWorkshopSummary(workshopSummary(agg, now()), origin(c)), city: gusp.city });
        },
      }),
      // The walk's very lifecycle routes (`steps.ts`): edit the draft, publish, close registrations, start, finish, cancel, reschedule.
      ...gatheringStepRoutes(deps, kind, gusp.workshops, { edit: ScheduleWorkshopInput, reschedule: RescheduleWorkshopInput }),
      route(deps, {
        method: 'get',
        path: '/:workshopId/calendar.ics',
        summary: 'The workshop as an iCalendar event (RFC 5545)',
        description:
          'The core’s `workshopToICalendar`: UID `workshop-{workshopId}@gusp`, its place as LOCATION and GEO, its project in the DESCRIPTION, `STATUS:CANCELLED` once cancelled; the event’s `URL` is its project’s page. Conditional GET: `ETag` and `Last-Modified`, and 304 to a matching `If-None-Match` or `If-Modified-Since`. A draft is 404.',
        params: workshopId,
        responses: calendarResponses('One VEVENT.'),
        handler: async (c) => {
          const agg = unwrap(await gusp.workshops.get(c.req.param('workshopId'), { locale: c.get('locale') }));
          if (agg.workshop.status === 'draft') return refuse(c, 'workshop.not-found', { workshopId: agg.workshop.id });
          const project = await gusp.projects.get(agg.workshop.projectId);
          const ics = workshopToICalendar(agg.workshop, gusp.city, {
            locale: c.get('locale'),
            url: projectPageUrl(origin(c), agg.workshop.projectId),
            ...(project.ok ? { projectTitle: project.value.project.title } : {}),
          });
          return calendarAnswer(c, ics, [agg.workshop], startedAt, {
            'Content-Disposition': `attachment; filename="workshop-${agg.workshop.id}.ics"`,
          });
        },
      }),
      // Sign-up, cancel token, the staff's list and day: the walk's very routes, over the workshop.
      ...registrationRoutes(deps, workshopGathering(gusp)),
      ...staffRegistrationRoutes(deps, workshopGathering(gusp)),
    ],
  };
}
