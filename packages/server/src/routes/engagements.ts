// SPDX-License-Identifier: EUPL-1.2
/** Engagements: public to read; changed by coordinators, and by an organisation for its own. */
import {
  AcceptEngagementInput,
  Engagement,
  engagementDashboardFromTallies,
  ENGAGEMENT_STATUSES,
  NoteInput,
  ProgressEngagementInput,
  ProposeEngagementInput,
  ReasonNoteInput,
  RescheduleEngagementInput,
  type EngagementCommandOptions,
  type Result,
} from '@gusp/core';
import type { Context } from 'hono';
import type * as z from 'zod/mini';
import { staffCommandOptions } from '../http/actor.js';
import type { Env, RouteDeps } from '../http/context.js';
import { listFilter } from '../http/list-filter.js';
import { PAGE_HEADERS, PAGE_QUERY, pageAnswer, pageRequest } from '../http/page.js';
import { jsonAnswer, jsonRoute, route, type Route, type RouteGroup } from '../http/route.js';
import { engagementKeyset, engagementPage, engagementTalliesOf, OVERDUE_KEYSET } from '../read/engagements.js';
import { dayParam, idParam, listOrder, ORDER_QUERY, statusParam } from '../read/list-params.js';
import { sqlParams } from '../sql.js';

const engagementId = { engagementId: { description: 'The engagement’s id.' } };
const changers = { roles: ['coordinator', 'organisation'] } as const;

/**
 * The filters of `GET /api/engagements`, which its CSV export takes too: each says its SQL
 * condition over `read_engagements` beside its match on an engagement (`timeZone`: the city's,
 * whose calendar the date range of the proposal reads).
 */
export const engagementFilter = (timeZone: string) =>
  listFilter<Engagement>({
    quartier: idParam('Only this quartier’s (its id).', 'quartier_id', (e) => e.quartierId),
    walk: idParam('Only those that follow this walk (its id).', 'walk_id', (e) => e.walkId),
    project: idParam('Only those that follow this concerted project (its id).', "(doc->>'projectId')", (e) => e.projectId),
    theme: idParam('Only this theme’s (its id).', 'theme_id', (e) => e.themeId),
    status: statusParam('engagements', ENGAGEMENT_STATUSES, 'status', (e) => e.status),
    organisation: idParam('Only this organisation’s (its id).', 'organisation_id', (e) => e.organisationId),
    from: dayParam('from', 'those proposed', timeZone, 'proposed_day', (e) => e.proposedAt),
    to: dayParam('to', 'those proposed', timeZone, 'proposed_day', (e) => e.proposedAt),
  });

export function engagementRoutes(deps: RouteDeps): RouteGroup {
  const { gusp, jsonBody, whoIs, refuse, unwrap, origin } = deps;
  const filter = engagementFilter(gusp.city.timezone);

  const acceptsForItself = async (c: Context<Env>, body: unknown) => {
    const who = await whoIs(c);
    if (who?.role !== 'organisation') return;
    const wanted = body !== null && typeof body === 'object' ? (body as { organisationId?: unknown }).organisationId : undefined;
    if (wanted !== undefined && wanted !== who.organisationId)
      refuse(c, 'engagement.forbidden-organisation', { organisationId: who.organisationId });
  };

  /**
   * What the core checks before it reads the input: the engagement exists,
   * and an organisation's token acts on its own only (404, then 403, whatever the body).
   */
  const mayChange = async (c: Context<Env>, id: string) => {
    const engagement = unwrap(await gusp.engagements.get(id, { locale: c.get('locale') }));
    const who = await whoIs(c);
    if (who?.organisationId !== undefined && engagement.organisationId !== undefined && engagement.organisationId !== who.organisationId) {
      refuse(c, 'engagement.forbidden-organisation', { organisationId: who.organisationId });
    }
  };

  /**
   * A step of an engagement's life: coordinators change any; an organisation's
   * token only its own (the core checks the engagement's organisation; the
   * server checks that an organisation accepts only for itself, before the schema).
   */
  const step = <S extends z.ZodMiniType>(
    action: string,
    summary: string,
    schema: S,
    command: (id: string, input: z.output<S>, o: EngagementCommandOptions) => Promise<Result<Engagement>>,
  ): Route =>
    jsonRoute(deps, {
      method: 'post',
      path: `/:engagementId/${action}`,
      summary,
      description: 'An organisation’s token changes its own engagements only (and accepts only for itself).',
      access: changers,
      idempotent: true,
      params: engagementId,
      body: {
        schema,
        // No body, or `null`, stands for `{}` (every field of most steps is optional).
        optional: true,
        read: async (c) => (await jsonBody(c, {})) ?? {},
        ...(action === 'accept' ? { guard: acceptsForItself } : {}),
        invalid: (c) => mayChange(c, c.req.param('engagementId')),
      },
      responses: { 200: jsonAnswer('The engagement, changed.', Engagement) },
      handler: async (c, input) => {
        const who = await whoIs(c);
        const id = c.req.param('engagementId');
        // Who acted goes on the event (`by`) and, as role and organisation only, on the public milestone.
        const opts = {
          ...(await staffCommandOptions(c, deps, `${action}:${id}`)),
          ...(who?.organisationId ? { organisationId: who.organisationId } : {}),
        };
        return c.json(unwrap(await command(id, input, opts)));
      },
    });

  return {
    base: '/api/engagements',
    tag: 'engagements',
    description: 'What partners commit to after a walk, and how far they are: public to read.',
    routes: [
      // Engagements: public, they carry no personal data.
      route(deps, {
        method: 'get',
        path: '/',
        summary: 'Engagements, a page at a time, with the city profile (what `<gusp-engagement-tracker>` reads)',
        description:
          'Filtered by any of the parameters (all given must match), sorted by the proposal instant, ties by id (`order=newest`: the other way round), a page of at most `limit` at a time: follow `next` (or the `Link` header) to the end. Every page carries the city profile.',
        query: { ...filter.query, ...ORDER_QUERY('the proposal instant'), ...PAGE_QUERY },
        responses: {
          200: {
            ...jsonAnswer('`{ engagements, next?, city }`, oldest proposal first; `next`: the cursor of the next page, when there is one.'),
            headers: PAGE_HEADERS,
          },
        },
        handler: async (c) => {
          const order = listOrder(c);
          const page = pageRequest(c, engagementKeyset(order));
          filter.where(c, sqlParams());
          const found = await engagementPage(await deps.read(), (params) => filter.where(c, params), page, order);
          return pageAnswer(c, origin(), 'engagements', found, { city: gusp.city });
        },
      }),
      route(deps, {
        method: 'get',
        path: '/dashboard',
        summary: 'Engagement counts and delays, by status',
        description:
          'Tallied in the read model, with the core’s definitions: overdue and due soon on today’s date in the city’s calendar. `overdueList` is one page of the overdue engagements, most late first (earliest due day, ties by id), at most `limit` (100 by default): follow `next` (or the `Link` header) for the rest; `overdue` counts them all, and every page carries the same tallies.',
        query: {
          quartier: { description: 'Only this quartier’s (its id).' },
          organisation: { description: 'Only this organisation’s (its id).' },
          theme: { description: 'Only this theme’s (its id).' },
          ...PAGE_QUERY,
        },
        responses: {
          200: {
            ...jsonAnswer('The dashboard; `next`: the cursor of the overdue list’s next page, when there is one.'),
            headers: PAGE_HEADERS,
          },
        },
        handler: async (c) => {
          const given = (name: string, column: string) => {
            const value = c.req.query(name);
            return value ? [{ column, value }] : [];
          };
          const wanted = [...given('quartier', 'quartier_id'), ...given('organisation', 'organisation_id'), ...given('theme', 'theme_id')];
          const page = pageRequest(c, OVERDUE_KEYSET);
          const { tallies, overdue } = await engagementTalliesOf(
            await deps.read(),
            (params) => wanted.map(({ column, value }) => `${column} = ${params.bind(value)}`),
            deps.now(),
            gusp.city,
            page,
          );
          const { overdueList, ...dashboard } = engagementDashboardFromTallies(tallies, overdue.items);
          return pageAnswer(c, origin(), 'overdueList', { ...overdue, items: [...overdueList] }, dashboard);
        },
      }),
      jsonRoute(deps, {
        method: 'post',
        path: '/',
        summary: 'Proposes an engagement; its qualified observations become committed',
        access: { roles: ['coordinator'] },
        idempotent: true,
        body: { schema: ProposeEngagementInput },
        responses: { 201: jsonAnswer('The engagement, proposed.', Engagement) },
        handler: async (c, input) =>
          c.json(unwrap(await gusp.engagements.propose(input, await staffCommandOptions(c, deps, 'propose'))), 201),
      }),
      step('accept', 'An organisation takes the engagement on, with a due date', AcceptEngagementInput, (id, i, o) =>
        gusp.engagements.accept(id, i, o),
      ),
      step('start', 'Work starts', NoteInput, (id, i, o) => gusp.engagements.start(id, i, o)),
      step('progress', 'A point d’étape: percent done and a note', ProgressEngagementInput, (id, i, o) =>
        gusp.engagements.progress(id, i, o),
      ),
      step('complete', 'Done: its committed observations are resolved with it', NoteInput, (id, i, o) =>
        gusp.engagements.complete(id, i, o),
      ),
      step(
        'verify',
        'The coordinator verifies it, the walk’s participants’ answers (`residentAnswers`) in view: never an organisation’s staff, even on its own (403 `engagement.organisation-cannot-verify`)',
        NoteInput,
        (id, i, o) => gusp.engagements.verify(id, i, o),
      ),
      step(
        'reopen',
        'Reopens a done or verified one, with the reason: in progress again, at its last point d’étape’s percent',
        ReasonNoteInput,
        (id, i, o) => gusp.engagements.reopen(id, i, o),
      ),
      step('abandon', 'Abandons it, with the reason', ReasonNoteInput, (id, i, o) => gusp.engagements.abandon(id, i, o)),
      step('reschedule', 'A new due date, with the reason', RescheduleEngagementInput, (id, i, o) => gusp.engagements.reschedule(id, i, o)),
      route(deps, {
        method: 'get',
        path: '/:engagementId',
        summary: 'One engagement',
        params: engagementId,
        responses: { 200: jsonAnswer('The engagement.', Engagement) },
        handler: async (c) => c.json(unwrap(await gusp.engagements.get(c.req.param('engagementId'), { locale: c.get('locale') }))),
      }),
    ],
  };
}
