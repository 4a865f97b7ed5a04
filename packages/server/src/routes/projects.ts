// SPDX-License-Identifier: EUPL-1.2
/**
 * Concerted projects (issue 15, the seed's Les Bleuets): the public page of a project (what
 * `<gusp-project>` reads), its lifecycle, phases and the contributions residents made for
 * coordinators, its workshops scheduled here, and who came to them. Only city staff change a
 * project (an organisation's staff are refused by the core); an organisation's staff read the
 * drafts of the projects where it is the landlord or a partner.
 */
import {
  Contribution,
  CreateProjectInput,
  DecideContributionInput,
  EditProjectInput,
  instant,
  participationByWorkshop,
  Project,
  PROJECT_STATUSES,
  projectICalendarFeed,
  projectPage,
  projectPageToHTML,
  projectsToGeoJSON,
  ReasonInput,
  RecordContributionInput,
  ScheduleWorkshopInput,
  SetPhaseInput,
  Workshop,
  type Engagement,
  type ProjectAggregate,
  type WorkshopAggregate,
  type Result,
  type StaffCommandOptions,
} from '@gusp/core';
import type { Context } from 'hono';
import type { Staff } from '../auth.js';
import { staffCommandOptions } from '../http/actor.js';
import { Refusal, type Env, type RouteDeps } from '../http/context.js';
import { notFoundPage } from '../demo/walk-page.js';
import { listFilter } from '../http/list-filter.js';
import { PAGE_HEADERS, PAGE_QUERY, pageAnswer, pageInMemory, pageRequest, type Keyset } from '../http/page.js';
import { fileAnswer, jsonAnswer, jsonRoute, route, type RouteGroup } from '../http/route.js';
import { draftsAsked, draftsParam, statusParam } from '../read/list-params.js';
import { parsedDoc } from '../read/observations.js';
import { projectDocs, publicWorkshops, workshopIdsOf } from '../read/workshops.js';
import { bodyStepRoute, stepRoute, type StepKind } from './steps.js';
import { calendarAnswer, calendarResponses } from './walks.js';
import { projectPageUrl, publicWorkshopSummary } from './workshops.js';

const projectId = { projectId: { description: 'The project’s id.' } };
const coordinators = { roles: ['coordinator'] } as const;
/** Who reads drafts: city staff, and an organisation's for the projects it is landlord or partner of. */
const draftReaders = { roles: ['coordinator', 'agent', 'organisation'] } as const;

/** The list's order: the project's creation, then id. */
const PROJECT_KEYSET: Keyset = {
  columns: [
    { sql: 'created_ms', type: 'bigint' },
    { sql: 'id', type: 'text' },
  ],
};
const projectKey = (p: ProjectAggregate) => [instant(p.project.createdAt), p.project.id] as const;

/** Whether a staff member may see this project before it is public. */
export function mayReadDraft(who: Staff | undefined, project: Pick<Project, 'landlordId' | 'partnerIds'>): boolean {
  if (!who) return false;
  if (who.role === 'coordinator' || who.role === 'agent') return true;
  return (
    who.role === 'organisation' &&
    who.organisationId !== undefined &&
    (project.landlordId === who.organisationId || (project.partnerIds as readonly string[]).includes(who.organisationId))
  );
}

/** A project as a list shows it: its public fields, the counts of its contributions by outcome. */
const listEntry = (p: ProjectAggregate) => {
  const { createdAt: _c, updatedAt: _u, ...project } = p.project;
  const byOutcome = { pending: 0, adopted: 0, studied: 0, declined: 0 };
  for (const c of p.contributions) byOutcome[c.outcome]++;
  return { id: project.id, project, contributionsByOutcome: byOutcome };
};

export function projectListFilter() {
  return listFilter<ProjectAggregate>({
    quartier: {
      description: 'Only the projects of this quartier (its id, from the city profile).',
      matches: (p, v) => p.project.quartierId === v,
    },
    status: statusParam('projects', PROJECT_STATUSES, 'status', (p) => p.project.status),
    organisation: {
      description: 'Only the projects where this organisation (its id) is the landlord or a partner.',
      matches: (p, v) => p.project.landlordId === v || (p.project.partnerIds as readonly string[]).includes(v),
    },
    include: draftsParam(
      '`drafts`: the drafts too, as the back office lists them; staff only (coordinator, agent; an organisation’s staff get the drafts of their own projects; 401 `auth.required` otherwise).',
    ),
  });
}

export function projectRoutes(deps: RouteDeps): RouteGroup {
  const { gusp, now, refuse, origin, unwrap } = deps;
  const startedAt = Date.now();
  const filter = projectListFilter();
  const options = (c: Context<Env>, scope: string) => staffCommandOptions(c, deps, scope);

  /** A project, or 404 for a draft but to those who may read it. */
  const visible = async (c: Context<Env>, id: string): Promise<ProjectAggregate> => {
    const agg = unwrap(await gusp.projects.get(id, { locale: c.get('locale') }));
    if (agg.project.status === 'draft' && !mayReadDraft(await deps.whoIs(c), agg.project))
      refuse(c, 'project.not-found', { projectId: agg.project.id });
    return agg;
  };

  /** The engagements that follow a project, from their read model (not every engagement folded). */
  const engagementsOf = async (id: string): Promise<Engagement[]> => {
    const sql = await deps.read();
    const { rows } = await sql.query<{ doc: unknown }>(
      `SELECT doc FROM read_engagements WHERE doc->>'projectId' = $1 ORDER BY proposed_ms, id`,
      [id],
    );
    return rows.map((r) => parsedDoc<Engagement>(r.doc));
  };

  /** A project's workshops with their registrations: their ids from the read model, each stream read alone. */
  const workshopsOf = async (id: string): Promise<WorkshopAggregate[]> => {
    const found = await Promise.all((await workshopIdsOf(await deps.read(), id)).map((w) => gusp.workshops.get(w)));
    return found.flatMap((w) => (w.ok ? [w.value] : []));
  };

  /** The public page of a project: the core's `projectPage`, from its stream, its workshops and its engagements. */
  const pageOf = async (c: Context<Env>, id: string) => {
    const agg = await visible(c, id);
    const [workshops, engagements] = await Promise.all([workshopsOf(id), engagementsOf(id)]);
    const page = projectPage(agg, workshops, engagements, gusp.city, now());
    const withLinks = (list: typeof page.upcomingWorkshops) => list.map((s) => publicWorkshopSummary(s, origin(c)));
    return { ...page, upcomingWorkshops: withLinks(page.upcomingWorkshops), pastWorkshops: withLinks(page.pastWorkshops) };
  };

  /** A project as the lifecycle routes see it (`steps.ts`). */
  const kind: StepKind = {
    param: 'projectId',
    noun: 'project',
    scope: 'project-',
    answer: Project,
    exists: async (c, id) => void unwrap(await gusp.projects.get(id, { locale: c.get('locale') })),
  };
  const step = (path: string, summary: string, command: (id: string, o: StaffCommandOptions) => Promise<Result<Project>>, scope: string) =>
    stepRoute(deps, kind, { path, summary, command, scope });
  /** A step with a public reason (suspend, abandon). */
  const withReason = (
    path: string,
    summary: string,
    command: (id: string, input: { reason: string }, o: StaffCommandOptions) => Promise<Result<Project>>,
    scope: string,
  ) =>
    bodyStepRoute(deps, kind, {
      path,
      summary,
      description: '`{ reason }` (required, public: the project’s page shows it).',
      schema: ReasonInput,
      scope,
      command,
    });

  return {
    base: '/api/projects',
    tag: 'projects',
    description:
      'Concerted projects (a building’s renovation with its residents): the public page, phases, workshops and what residents decided; the lifecycle and contributions for coordinators.',
    routes: [
      route(deps, {
        method: 'get',
        path: '/',
        summary: 'Public projects (announced and after), with their contributions counted by outcome, paged',
        access: { roles: draftReaders.roles, when: 'drafts are asked for (`include=drafts`)' },
        description:
          'By creation, then id. Paged by cursor: at most `limit` projects, and `next` (and a `Link: rel="next"` header) while more follow; every filter given must match. Each entry is `{ id, project, contributionsByOutcome }` (public fields only); `GET /api/projects/{projectId}` gives the whole page.',
        query: { ...filter.query, ...PAGE_QUERY },
        responses: {
          200: { ...jsonAnswer('`{ projects: [{ id, project, contributionsByOutcome }], next?, city }`.'), headers: PAGE_HEADERS },
        },
        handler: async (c) => {
          const page = pageRequest(c, PROJECT_KEYSET);
          const drafts = draftsAsked(c);
          const who = drafts ? await deps.staff(c, draftReaders.roles) : undefined;
          const all = (await projectDocs(await deps.read(), drafts))
            .filter((p) => p.project.status !== 'draft' || (drafts && mayReadDraft(who, p.project)))
            .sort((a, b) => instant(a.project.createdAt) - instant(b.project.createdAt) || (a.project.id < b.project.id ? -1 : 1));
          const found = pageInMemory(filter.apply(c, all), page, projectKey);
          return pageAnswer(c, origin(), 'projects', { items: found.items.map(listEntry), next: found.next }, { city: gusp.city });
        },
      }),
      // Before `/:projectId`, which would take `{id}.html` for an id.
      route(deps, {
        method: 'get',
        path: '/:page{[A-Za-z0-9_-]+\\.html}',
        summary: 'One project’s public page as a standalone, accessible HTML page (the core’s `projectPageToHTML`)',
        description:
          'What `GET /api/projects/{projectId}` says, for people: what, where, who, the phases with « nous en sommes là », the upcoming workshops (each linking to its calendar event), what residents decided and what became of it, the engagements. French, or English for `Accept-Language: en`. No script (the pages’ Content-Security-Policy holds). A draft or unknown project is a 404 page.',
        errors: 'html',
        params: { page: { description: 'The project’s id, then `.html`.', schema: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,64}$' } } },
        responses: { 200: fileAnswer('The page.', 'text/html') },
        handler: async (c) => {
          const id = c.req.param('page').replace(/\.html$/, '');
          const page = await pageOf(c, id).catch((error: unknown) => {
            if (error instanceof Refusal) return error;
            throw error;
          });
          // A draft or an unknown project: a page that says so, as a walk's page does.
          if (page instanceof Refusal)
            return c.html(notFoundPage(page.error.message, c.get('locale'), { fr: 'Projet introuvable', en: 'Project not found' }), 404);
          return c.html(
            projectPageToHTML(page, gusp.city, {
              locale: c.get('locale'),
              workshopUrl: (w) => `${origin(c)}/api/workshops/${encodeURIComponent(w)}/calendar.ics`,
            }),
          );
        },
      }),
      route(deps, {
        method: 'get',
        path: '/:projectId/workshops.ics',
        summary: 'The project’s public workshops as an iCalendar feed (RFC 5545), named after the project',
        description:
          'Every workshop of the project that is not a draft, cancelled ones included (`STATUS:CANCELLED`), so subscribers learn of it. Each event’s `URL` is the project’s page. Conditional GET: `ETag` and `Last-Modified`, and 304 to a matching `If-None-Match` or `If-Modified-Since`. A draft project is 404.',
        params: projectId,
        responses: calendarResponses('One VEVENT per public workshop.'),
        handler: async (c) => {
          const agg = await visible(c, c.req.param('projectId'));
          if (agg.project.status === 'draft') return refuse(c, 'project.not-found', { projectId: agg.project.id });
          const workshops = await publicWorkshops(await deps.read(), { projectId: agg.project.id });
          const ics = projectICalendarFeed(agg.project, workshops, gusp.city, {
            locale: c.get('locale'),
            workshopUrl: () => projectPageUrl(origin(c), agg.project.id),
          });
          return calendarAnswer(c, ics, [agg.project, ...workshops], startedAt);
        },
      }),
      route(deps, {
        method: 'get',
        path: '/:projectId',
        summary: 'One project’s public page: phases, workshops, what residents decided, engagements (what `<gusp-project>` reads)',
        access: { roles: draftReaders.roles, when: 'the project is a draft' },
        params: projectId,
        description:
          'The core’s `ProjectPage`: `project` (public fields), `quartierName`, `landlord` and `partners` by name, every phase with `current` (« nous en sommes là »), `upcomingWorkshops` and `pastWorkshops` (`WorkshopSummary` with `calendar`, counts only), `contributions` (never who recorded them) and `contributionsByOutcome`, `engagements` that follow it, and the `timeline`; with `city`. A draft is 404 like an unknown id, but for staff who may read it.',
        responses: { 200: jsonAnswer('`ProjectPage & { city }`.') },
        handler: async (c) => c.json({ ...(await pageOf(c, c.req.param('projectId'))), city: gusp.city }),
      }),
      route(deps, {
        method: 'get',
        path: '/:projectId/participation',
        summary: 'Who came to each workshop of the project, by status and role (counts only)',
        access: { roles: draftReaders.roles, when: 'the project is a draft' },
        params: projectId,
        description:
          'The core’s `participationByWorkshop`: published workshops in date order, with confirmed, waitlisted, attended, absent, walk-ins and attendance by role. Never who.',
        responses: { 200: jsonAnswer('`{ projectId, workshops: WorkshopParticipation[] }`.') },
        handler: async (c) => {
          const agg = await visible(c, c.req.param('projectId'));
          const workshops = (await workshopsOf(agg.project.id)).filter((w) => w.workshop.status !== 'draft');
          return c.json({ projectId: agg.project.id, workshops: participationByWorkshop(workshops) });
        },
      }),
      jsonRoute(deps, {
        method: 'post',
        path: '/',
        summary: 'Creates a project as a draft (its quartier, landlord and partners are the city profile’s)',
        access: coordinators,
        idempotent: true,
        body: { schema: CreateProjectInput },
        responses: { 201: jsonAnswer('The project, a draft.', Project) },
        handler: async (c, input) => c.json(unwrap(await gusp.projects.create(input, await options(c, 'project-create'))), 201),
      }),
      bodyStepRoute(deps, kind, {
        path: '/:projectId/edit',
        summary: 'Sets a project’s details again: each field given replaces the project’s',
        schema: EditProjectInput,
        scope: 'edit',
        command: (id, input, o) => gusp.projects.edit(id, input, o),
      }),
      bodyStepRoute(deps, kind, {
        path: '/:projectId/phases',
        summary: 'Sets one phase’s planned and actual days and note (`project.phase-dates` when a start is after its end)',
        schema: SetPhaseInput,
        scope: 'phase',
        command: (id, input, o) => gusp.projects.setPhase(id, input, o),
      }),
      step('/:projectId/announce', 'Makes the draft public: draft → announced', (id, o) => gusp.projects.announce(id, o), 'announce'),
      step(
        '/:projectId/start-concertation',
        'announced → in concertation',
        (id, o) => gusp.projects.startConcertation(id, o),
        'start-concertation',
      ),
      step('/:projectId/start-works', 'in concertation → in works', (id, o) => gusp.projects.startWorks(id, o), 'start-works'),
      step('/:projectId/deliver', 'in works → delivered', (id, o) => gusp.projects.deliver(id, o), 'deliver'),
      step('/:projectId/evaluate', 'delivered → evaluated', (id, o) => gusp.projects.evaluate(id, o), 'evaluate'),
      withReason(
        '/:projectId/suspend',
        'Puts the project on hold, with a public reason (announced, in concertation or in works)',
        (id, i, o) => gusp.projects.suspend(id, i, o),
        'suspend',
      ),
      step('/:projectId/resume', 'Back to the status it was suspended from', (id, o) => gusp.projects.resume(id, o), 'resume'),
      withReason(
        '/:projectId/abandon',
        'Gives the project up, with a public reason (before it is delivered)',
        (id, i, o) => gusp.projects.abandon(id, i, o),
        'abandon',
      ),
      bodyStepRoute(deps, kind, {
        path: '/:projectId/contributions',
        summary: 'Records what residents decided or asked, in one of the project’s workshops when `workshopId` is given (`pending`)',
        description:
          '`{ workshopId?, kind: "decision" | "request", text }`: public words, never who said it. `workshop.not-found` when the workshop is not the project’s.',
        schema: RecordContributionInput,
        scope: 'contribution',
        status: 201,
        answer: { description: 'The contribution.', schema: Contribution },
        command: (id, input, o) => gusp.projects.recordContribution(id, input, o),
      }),
      jsonRoute(deps, {
        method: 'post',
        path: '/:projectId/contributions/:contributionId/decide',
        summary: 'What was done with a contribution: adopted, studied, or declined with a reason',
        description:
          '`{ outcome: "adopted" | "studied" | "declined", reason? }`: `reason` is required to decline (`contribution.reason-required`) and public. Pending → any; studied → adopted or declined (`contribution.invalid-transition` otherwise).',
        access: coordinators,
        idempotent: true,
        params: { ...projectId, contributionId: { description: 'The contribution’s id.' } },
        body: {
          schema: DecideContributionInput,
          invalid: async (c) => {
            const agg = unwrap(await gusp.projects.get(c.req.param('projectId'), { locale: c.get('locale') }));
            const cid = c.req.param('contributionId');
            if (!agg.contributions.some((x) => x.id === cid)) refuse(c, 'contribution.not-found', { contributionId: cid });
          },
        },
        responses: { 200: jsonAnswer('The contribution, decided.', Contribution) },
        handler: async (c, input) => {
          const { projectId: id, contributionId: cid } = c.req.param();
          const opts = await options(c, `project-decide:${id}:${cid}`);
          return c.json(unwrap(await gusp.projects.decideContribution(id, cid, input, opts)));
        },
      }),
      bodyStepRoute(deps, kind, {
        path: '/:projectId/workshops',
        summary: 'Schedules a workshop of the project as a draft (120 minutes, the city’s capacity and deadline by default)',
        description:
          '`{ kind?, title, description?, startsAt, durationMinutes?, place?, capacity?, institutionalSeats?, registrationDeadline? }`. `workshop.project-over` for an evaluated or abandoned project. Publish it with `POST /api/workshops/{workshopId}/publish`.',
        schema: ScheduleWorkshopInput,
        scope: 'workshop',
        status: 201,
        answer: { description: 'The workshop, a draft.', schema: Workshop },
        command: (id, input, o) => gusp.workshops.schedule(id, input, o),
      }),
    ],
  };
}

/** The public projects as GeoJSON: `GET /api/projects.geojson`, beside the walks' and the observations' open data. */
export function projectGeoRoutes(deps: RouteDeps): RouteGroup {
  const { gusp } = deps;
  return {
    base: '/api',
    tag: 'projects',
    description: 'The public projects as open data.',
    routes: [
      route(deps, {
        method: 'get',
        path: '/projects.geojson',
        summary: 'The public projects as GeoJSON (RFC 7946): one feature per project, a Point where its site has one',
        description:
          'The core’s `projectsToGeoJSON`: drafts left out; each feature’s properties are public (title, status, kind, quartier, landlord, current phase), in the request’s language. A project whose site has no point has a `null` geometry.',
        responses: { 200: fileAnswer('A FeatureCollection.', 'application/geo+json') },
        handler: async (c) => {
          const projects = (await projectDocs(await deps.read())).map((p) => p.project).sort((a, b) => (a.id < b.id ? -1 : 1));
          const body = JSON.stringify(projectsToGeoJSON(projects, gusp.city, { locale: c.get('locale') }));
          return c.body(body, 200, { 'Content-Type': 'application/geo+json; charset=utf-8' });
        },
      }),
    ],
  };
}
