// SPDX-License-Identifier: EUPL-1.2
/** Personal data (RGPD), for coordinators: a person's export and erasure, the purge. */
import * as z from 'zod/mini';
import { actorOf } from '../http/actor.js';
import type { RouteDeps } from '../http/context.js';
import { jsonAnswer, jsonRoute, route, type RouteGroup } from '../http/route.js';
import { exportPersonalData } from '../privacy.js';

// No control characters: PostgreSQL refuses U+0000 in text, and no address of ours holds one.
// eslint-disable-next-line no-control-regex -- control characters are what this refuses
const EMAIL = /^[^\s@\u0000-\u001f\u007f]{1,64}@[^\s@\u0000-\u001f\u007f]{1,255}$/;
const EraseInput = /* @__PURE__ */ z.object({ email: /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.regex(EMAIL)) });
/** Twelve months when not given (`null` too). */
const PurgeInput = /* @__PURE__ */ z.object({
  months: /* @__PURE__ */ z.nullish(/* @__PURE__ */ z.int().check(/* @__PURE__ */ z.gte(0), /* @__PURE__ */ z.lte(120))),
});

/** How many records an erasure or a purge reached (the OpenAPI document's answers; test/openapi.test.ts checks the real ones against them). */
const count = /* @__PURE__ */ z.int().check(/* @__PURE__ */ z.gte(0));
export const EraseAnswer = /* @__PURE__ */ z.strictObject({ registrations: count, observations: count, emails: count, photos: count });
export const PurgeAnswer = /* @__PURE__ */ z.strictObject({
  walks: count,
  workshops: count,
  registrations: count,
  observations: count,
  emails: count,
  photos: count,
  orphanPhotos: count,
});
/** A person's data: their registrations (without cancel tokens, with their walk), observations, and the emails written to them. */
export const ExportAnswer = /* @__PURE__ */ z.strictObject({
  email: /* @__PURE__ */ z.string(),
  registrations: /* @__PURE__ */ z.array(
    /* @__PURE__ */ z.looseObject({
      id: /* @__PURE__ */ z.string(),
      status: /* @__PURE__ */ z.string(),
      /** A walk's registration names its walk; a workshop's its workshop. */
      walk: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.looseObject({ id: /* @__PURE__ */ z.string() })),
      workshop: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.looseObject({ id: /* @__PURE__ */ z.string() })),
    }),
  ),
  observations: /* @__PURE__ */ z.array(/* @__PURE__ */ z.looseObject({ id: /* @__PURE__ */ z.string() })),
  emails: /* @__PURE__ */ z.array(
    /* @__PURE__ */ z.strictObject({
      kind: /* @__PURE__ */ z.string(),
      subject: /* @__PURE__ */ z.string(),
      createdAt: /* @__PURE__ */ z.string(),
      sentAt: /* @__PURE__ */ z.nullable(/* @__PURE__ */ z.string()),
    }),
  ),
});

const isObject = (body: unknown): body is Record<string, unknown> => body !== null && typeof body === 'object';
const coordinators = { roles: ['coordinator'] } as const;

export function privacyRoutes(deps: RouteDeps): RouteGroup {
  const { gusp, options, refuse } = deps;
  return {
    base: '/api/privacy',
    tag: 'privacy',
    description: 'Personal data (RGPD), for coordinators: a person’s export and erasure, the purge after a delay.',
    routes: [
      route(deps, {
        method: 'get',
        path: '/export',
        summary: 'Everything kept about one email address (right of access)',
        access: coordinators,
        query: { email: { description: 'The person’s email address.', required: true } },
        responses: {
          200: jsonAnswer(
            '`{ email, registrations, observations, emails }`: registrations without cancel tokens, with their walk; emails by kind, subject and dates (not their text).',
            ExportAnswer,
          ),
        },
        handler: async (c) => {
          const email = c.req.query('email') ?? '';
          if (!EMAIL.test(email)) return refuse(c, 'request.invalid-query', { email });
          return c.json(options.exportPerson ? await options.exportPerson(email) : await exportPersonalData(gusp, email));
        },
      }),
      jsonRoute(deps, {
        method: 'post',
        path: '/erase',
        summary: 'Erases one person’s data by email, from views and journal (right to erasure)',
        access: coordinators,
        body: {
          schema: EraseInput,
          invalid: (c, body) => refuse(c, 'request.invalid-query', { email: isObject(body) ? body.email : undefined }),
        },
        responses: { 200: jsonAnswer('`{ registrations, observations, emails, photos }`: how many were erased.', EraseAnswer) },
        handler: async (c, { email }) => {
          if (!options.erase) return refuse(c, 'request.not-found', { path: c.req.path });
          return c.json(await options.erase(email, await actorOf(c, deps)));
        },
      }),
      jsonRoute(deps, {
        method: 'post',
        path: '/purge',
        summary: 'Purges personal data older than `months` (12 by default)',
        access: coordinators,
        body: {
          schema: PurgeInput,
          invalid: (c, body) => refuse(c, 'request.invalid-months', { months: isObject(body) ? (body.months ?? 12) : undefined }),
        },
        responses: {
          200: jsonAnswer(
            '`{ walks, registrations, observations, emails, photos, orphanPhotos }`: how many were purged (orphans: photos sent over a day ago that no observation shows).',
            PurgeAnswer,
          ),
        },
        handler: async (c, { months }) => {
          if (!options.purge) return refuse(c, 'request.not-found', { path: c.req.path });
          return c.json(await options.purge(months ?? 12, await actorOf(c, deps)));
        },
      }),
    ],
  };
}
