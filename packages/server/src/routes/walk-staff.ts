// SPDX-License-Identifier: EUPL-1.2
/**
 * Staff on a walk's registrations and on its day (issue 13): someone who phoned in, a walk-in,
 * cancelling for a person, seating a waitlisted one, checking several people in at once (the
 * day's offline outbox resends a batch safely), the needs summary, the CSV — the registration
 * routes every gathering shares (`registrations.ts`, a workshop's too) — and the walk's own
 * printable day sheet. Every write names who acted (`http/actor.ts`): the core stamps it on its
 * events as `by`.
 */
import { daySheetToHTML } from '@gusp/core';
import type { RouteDeps } from '../http/context.js';
import { fileAnswer, route, type RouteGroup } from '../http/route.js';
import { askedLocale, LANG_QUERY, staffRegistrationRoutes } from './registrations.js';
import { walkGathering } from './walks.js';

export { CheckInsInput, MAX_CHECK_INS, REGISTRATION_CSV_COLUMNS } from './registrations.js';

const walkId = { walkId: { description: 'The walk’s id.' } };
const staffOnTheDay = { roles: ['coordinator', 'agent'] } as const;

export function walkStaffRoutes(deps: RouteDeps): RouteGroup {
  const { gusp, now, refuse, unwrap } = deps;
  return {
    base: '/api/walks',
    tag: 'walk-staff',
    description:
      'Staff on a walk’s registrations and its day: phone-ins, walk-ins, cancelling for someone, seating a waitlisted person, check-ins several at once, the needs summary and the printable day sheet. Every write records who acted (the session’s account, or `token:<id>` for an API token) on its events as `by`.',
    routes: [
      ...staffRegistrationRoutes(deps, walkGathering(gusp)),
      route(deps, {
        method: 'get',
        path: '/:walkId/day-sheet.html',
        summary: 'The printable sheet for the day: the route and the attendance sheet (« feuille d’émargement »)',
        description:
          'A standalone HTML page (the core’s `daySheetToHTML`) in the request’s language (`?lang=`, else `Accept-Language`): the meeting point, time and stops; the confirmed and checked-in people in alphabetical order with a box to sign, those reachable by phone only marked; the waiting list apart; blank lines for walk-ins; the needs in counts. Never a contact nor anyone’s needs. It carries names: `Cache-Control: no-store`. No script (the pages’ Content-Security-Policy holds); print it from the browser. Refusals are the JSON error envelope.',
        access: staffOnTheDay,
        params: walkId,
        query: LANG_QUERY,
        responses: { 200: fileAnswer('The page.', 'text/html') },
        handler: async (c) => {
          const locale = askedLocale(c, refuse);
          const agg = unwrap(await gusp.walks.get(c.req.param('walkId'), { locale }));
          const page = daySheetToHTML(agg.walk, agg.registrations, gusp.city, { locale, now: now() });
          return c.html(page, 200, { 'Cache-Control': 'no-store' });
        },
      }),
    ],
  };
}
