// SPDX-License-Identifier: EUPL-1.2
/** The pages people open: the demo at `/`, the cancel and « Est-ce réglé ? » pages of emails, `/healthz`; and what the API says of itself. */
import { readFile } from 'node:fs/promises';
import { CityProfile, RegistrationId, WalkId, walkSummary, WorkshopId, type WalkSummary } from '@gusp/core';
import type { Context } from 'hono';
import type { Env, RouteDeps } from '../http/context.js';
import { cancelForm, cancelResult, type CancelledGathering } from '../demo/cancel-page.js';
import { defaultElementsPaths, ElementsBundles, isHashedName } from '../demo/elements-bundle.js';
import { demoPage, elementsDocsPage } from '../demo/page.js';
import { walkNotFoundPage, walkPage } from '../demo/walk-page.js';
import { chooseEncoding } from '../http/compress.js';
import { sendError, serverError, statusOf } from '../http/errors.js';
import { noneMatch } from '../http/etag.js';
import { publicWalkSummary } from '../http/public-views.js';
import { fileAnswer, jsonAnswer, route, type RouteGroup } from '../http/route.js';
import { demoWalkLists } from '../read/walks.js';
import { projectDocs } from '../read/workshops.js';
import { verificationRoutes } from './verification.js';
import { walkCalendarLinks } from './walks.js';

const html = (description: string) => fileAnswer(description, 'text/html');
const CANCEL_FIELDS = {
  walk: { description: 'The walk’s id (a walk’s sign-up; else `workshop`).' },
  workshop: { description: 'The workshop’s id (a workshop’s sign-up; else `walk`).' },
  registration: { description: 'The registration’s id.', required: true },
  token: { description: 'The cancel token given at sign-up.', required: true },
} as const;

/** What a cancel link names: `walk=…` (a walk's sign-up) or `workshop=…` (a workshop's), one of them. */
function cancelledGathering(fields: {
  walk?: string | null;
  workshop?: string | null;
}): { kind: CancelledGathering; id: string } | undefined {
  if (fields.walk) return { kind: 'walk', id: fields.walk };
  if (fields.workshop) return { kind: 'workshop', id: fields.workshop };
  return undefined;
}

/**
 * Whether the ids a cancel form names are ids the core writes: a form's fields are not the query
 * the app checks for NUL, and an id PostgreSQL cannot hold (`%00`) must be a 404 page, not a 500.
 */
const wellFormed = (gathering: { kind: CancelledGathering; id: string }, registration: string) =>
  (gathering.kind === 'walk' ? WalkId : WorkshopId).safeParse(gathering.id).success && RegistrationId.safeParse(registration).success;

/** The most walks the demo page writes into its list's inline data: the API's page (more are paged from the API). */
const INLINE_WALKS = 100;

/**
 * The demo page's first data, inlined in the elements (page.ts): the walk list's
 * `{ walks, city }` exactly as `GET /api/walks?upcoming=1` answers it when it fits
 * one page (with more, the list pages through the API itself), and the issue form's city.
 */
function demoInlineData(upcoming: readonly WalkSummary[], origin: string, city: CityProfile): { walkList?: unknown; issueForm: unknown } {
  const walkList =
    upcoming.length <= INLINE_WALKS
      ? { walks: upcoming.map((s) => ({ ...publicWalkSummary(s), calendar: walkCalendarLinks(origin, s.walk) })), city }
      : undefined;
  return { ...(walkList ? { walkList } : {}), issueForm: { city } };
}

export function pageRoutes(deps: RouteDeps): RouteGroup {
  const { gusp, options, now, origin } = deps;
  const refuseNotFound = (c: Context<Env>) => sendError(c, serverError('request.not-found', c.get('locale'), { path: c.req.path }));

  const elements = {
    ...defaultElementsPaths(),
    ...(options.elementsDir ? { dir: options.elementsDir } : {}),
    ...(options.elementsReadme ? { readme: options.elementsReadme } : {}),
  };
  const bundles = new ElementsBundles(elements.dir);
  const tokenRequired = (c: Context<Env>) =>
    c.html(cancelResult(false, serverError('request.token-required', c.get('locale')).message), 400);

  return {
    base: '/',
    tag: 'pages',
    description: 'Pages people open: the demo, the cancel page of emails, the health check.',
    routes: [
      // The demo: the three real elements, one module script, wired to /api.
      route(deps, {
        method: 'get',
        path: '/',
        summary: 'The demo page: the city’s walks, a concerted project and the elements',
        responses: { 200: html('The page.') },
        handler: async (c) => {
          const at = now();
          // From the walks' read model: the same two lists (still to come, soonest first; reported, latest first).
          const { upcoming, reported } = await demoWalkLists(await deps.read(), at);
          // Its Content-Security-Policy is the one of every page (app.ts): scripts from /elements/ only.
          const bundleAvailable = bundles.has('gusp-elements.js');
          // The concerted project most recently changed (the seed's Bleuets), for <gusp-project>; none before one is announced.
          const project = (await projectDocs(await deps.read()))
            .map((p) => p.project)
            .filter((p) => p.status !== 'draft')
            .sort((a, b) => Date.parse(b.updatedAt) - Date.parse(a.updatedAt))[0];
          return c.html(
            demoPage(
              gusp.city,
              { upcoming, reported },
              {
                bundleAvailable,
                bundle: await bundles.url('gusp-elements.js'),
                inline: demoInlineData(upcoming, origin(c), gusp.city),
                ...(project ? { project: { id: project.id, title: project.title } } : {}),
              },
            ),
          );
        },
      }),
      // What the calendars' events link to: a page for people, not the JSON of the API.
      route(deps, {
        method: 'get',
        path: '/marches/:walkId',
        summary: 'A walk’s page: date, meeting point, route, seats, the sign-up element and the calendar links',
        description:
          'The `URL` of the walk’s events in every .ics file and feed. French, or English for `Accept-Language: en`; a draft or unknown walk is a 404 page.',
        errors: 'html',
        params: { walkId: { description: 'The walk’s id.' } },
        responses: { 200: html('The page.') },
        handler: async (c) => {
          const locale = c.get('locale');
          const found = await gusp.walks.get(c.req.param('walkId'), { locale });
          // A draft is not public yet: as if it did not exist.
          if (!found.ok || found.value.walk.status === 'draft') {
            const error = found.ok ? serverError('walk.not-found', locale, { walkId: found.value.walk.id }) : found.error;
            return c.html(walkNotFoundPage(error.message, locale), 404);
          }
          const summary = walkSummary(found.value, now());
          return c.html(
            walkPage(summary, gusp.city, {
              locale,
              links: walkCalendarLinks(origin(c), found.value.walk),
              bundle: bundles.has('gusp-walk-signup.js') ? await bundles.url('gusp-walk-signup.js') : undefined,
              endpoint: '/api',
              // What `GET /api/walks/{walkId}` answers, so the form needs no request before it shows.
              inline: { ...publicWalkSummary(summary), calendar: walkCalendarLinks(origin(c), found.value.walk), city: gusp.city },
            }),
          );
        },
      }),
      // The elements' self-contained bundles (what a city's CMS page would load from its own server).
      route(deps, {
        method: 'get',
        path: '/elements/:file{(?:chunks/[A-Za-z0-9_-]+|gusp-[a-z0-9.-]+)\\.js}',
        summary: 'A self-contained bundle of the elements (`gusp-elements.js`, …)',
        description:
          "The stable names (`gusp-elements.js`, `gusp-walk-signup.js`…: what a webmaster pastes) are revalidated: `ETag` and `Cache-Control: no-cache`, 304 to a matching `If-None-Match`. Their content-hashed copies (`gusp-elements.1a2b3c4d5e.js`, listed in the build's `manifest.json`; what the pages of this server load) and the chunks (`chunks/…-HASH.js`) never change: `Cache-Control: public, max-age=31536000, immutable`. Each is sent precompressed at build time, brotli or gzip as `Accept-Encoding` allows (`Vary: Accept-Encoding`).",
        params: {
          file: {
            description: 'The bundle’s name, without `.js`: an entry, its hashed copy, or `chunks/` and a chunk’s name.',
            schema: { type: 'string', pattern: '^(chunks/[A-Za-z0-9_-]+|gusp-[a-z0-9.-]+)$' },
          },
        },
        responses: {
          200: fileAnswer('The ES module.', 'text/javascript'),
          304: { description: 'Not modified: the `If-None-Match` ETag is current.' },
        },
        handler: async (c) => {
          const name = c.req.param('file');
          const file = await bundles.read(name, chooseEncoding(c.req.header('accept-encoding')));
          if (!file) return refuseNotFound(c);
          const headers: Record<string, string> = {
            'Cache-Control': isHashedName(name) ? 'public, max-age=31536000, immutable' : 'no-cache',
            ETag: file.etag,
            Vary: 'Accept-Encoding',
            'X-Content-Type-Options': 'nosniff',
            // As CORS says (app.ts): other sites' pages may load the bundle only when some are allowed (`--cors-origin`).
            'Cross-Origin-Resource-Policy': options.corsOrigins && options.corsOrigins.length > 0 ? 'cross-origin' : 'same-origin',
          };
          if (noneMatch(c.req.header('if-none-match'), file.etag) !== undefined) return c.body(null, 304, headers);
          return c.body(file.bytes, 200, {
            ...headers,
            'Content-Type': 'text/javascript; charset=utf-8',
            ...(file.encoding ? { 'Content-Encoding': file.encoding } : {}),
          });
        },
      }),
      route(deps, {
        method: 'get',
        path: '/docs/elements',
        summary: 'The elements’ README as a page',
        responses: { 200: html('The page.') },
        handler: async (c) => {
          let readme: string;
          try {
            if (!elements.readme) throw new Error('no README');
            readme = await readFile(elements.readme, 'utf8');
          } catch {
            return refuseNotFound(c);
          }
          return c.html(elementsDocsPage(readme));
        },
      }),
      // The cancel link of emails: a page with a button (GET cancels nothing), then the result.
      route(deps, {
        method: 'get',
        path: '/annulation',
        summary: 'The cancel page of emails: a button that cancels (opening it cancels nothing)',
        errors: 'html',
        query: CANCEL_FIELDS,
        responses: { 200: html('The page with its button.') },
        handler: (c) => {
          const { registration, token, ...named } = c.req.query();
          const gathering = cancelledGathering(named);
          if (!gathering || !registration || !token) return tokenRequired(c);
          return c.html(cancelForm(gathering.kind, gathering.id, registration, token));
        },
      }),
      route(deps, {
        method: 'post',
        path: '/annulation',
        summary: 'Cancels the sign-up the cancel page names',
        errors: 'html',
        body: {
          content: {
            'application/x-www-form-urlencoded': {
              schema: {
                type: 'object',
                properties: Object.fromEntries(
                  Object.entries(CANCEL_FIELDS).map(([k, v]) => [k, { type: 'string', description: v.description }]),
                ),
                required: ['registration', 'token'],
              },
            },
          },
        },
        responses: { 200: html('The result.') },
        handler: async (c) => {
          const form = new URLSearchParams(await c.req.text());
          const [registration, token] = [form.get('registration'), form.get('token')];
          const gathering = cancelledGathering({ walk: form.get('walk'), workshop: form.get('workshop') });
          if (!gathering || !registration || !token) return tokenRequired(c);
          // A walk's sign-up or a workshop's: the same registration command, on its own stream.
          if (!wellFormed(gathering, registration)) {
            const notFound = serverError(gathering.kind === 'walk' ? 'walk.not-found' : 'workshop.not-found', c.get('locale'));
            return c.html(cancelResult(false, notFound.message), 404);
          }
          const commands = gathering.kind === 'walk' ? gusp.walks : gusp.workshops;
          const result = await commands.cancelRegistration(gathering.id, registration, { locale: c.get('locale'), token });
          if (!result.ok) return c.html(cancelResult(false, result.error.message), statusOf(result.error.code));
          const message =
            c.get('locale') === 'en'
              ? 'Your registration is cancelled. Thank you for letting us know.'
              : 'Votre inscription est annulée. Merci de nous avoir prévenus.';
          return c.html(cancelResult(true, message));
        },
      }),
      // The « Est-ce réglé ? » link of emails: the same way, a page with buttons (GET answers nothing).
      ...verificationRoutes(deps),
      route(deps, {
        method: 'get',
        path: '/healthz',
        summary: 'Health check: answers once the database does',
        description:
          '`notifications.failed` counts the events whose emails could not be made (skipped, kept in `notification_failures` with why): above 0, someone was not told something.',
        responses: {
          200: jsonAnswer('`{ status: "ok", notifications: { failed } }`.', {
            type: 'object',
            properties: {
              status: { const: 'ok' },
              notifications: { type: 'object', properties: { failed: { type: 'integer', minimum: 0 } }, required: ['failed'] },
            },
            required: ['status', 'notifications'],
          }),
        },
        handler: async (c) => {
          await options.ping?.();
          return c.json({ status: 'ok', notifications: { failed: (await options.failedNotifications?.()) ?? 0 } });
        },
      }),
    ],
  };
}

/** What the API says of itself: the city profile forms need, and this API's OpenAPI document. */
export function metaRoutes(deps: RouteDeps, openApi: () => object): RouteGroup {
  const { gusp } = deps;
  return {
    base: '/api',
    tag: 'meta',
    description: 'The city profile (public data only) and this document.',
    routes: [
      // The city profile (public data only): what forms need to offer choices.
      route(deps, {
        method: 'get',
        path: '/city',
        summary: 'The city profile: quartiers, themes, organisations, defaults',
        responses: { 200: jsonAnswer('The city profile.', CityProfile) },
        handler: (c) => c.json(gusp.city),
      }),
      route(deps, {
        method: 'get',
        path: '/openapi.json',
        summary: 'This API as an OpenAPI 3.1 document',
        responses: { 200: jsonAnswer('The document, built from the same declarations as the routes.') },
        handler: (c) => c.json(openApi()),
      }),
    ],
  };
}
