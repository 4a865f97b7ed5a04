// SPDX-License-Identifier: EUPL-1.2
/**
 * Triage beside the observation follow-up routes (issue 14): the duplicates an observation may
 * repeat, several observations qualified, rejected or resolved at once, and a photo's faces or
 * plates blurred. Coordinators and agents, by session (with its CSRF token) or token; every write
 * records who acted (`by`).
 */
import {
  ObservationId,
  OrganisationId,
  PhotoRegion,
  Severity,
  TriageNote,
  type GuspError,
  type GeoPoint,
  type Observation,
} from '@gusp/core';
import type { Context } from 'hono';
import * as z from 'zod/mini';
import { staffCommandOptions } from '../http/actor.js';
import type { Env, RouteDeps } from '../http/context.js';
import { serverError } from '../http/errors.js';
import { jsonAnswer, jsonRoute, route, type RouteGroup } from '../http/route.js';
import { blurRegions, photoLookup, storedPhotoIds, withStoredPhotoUrls } from '../photos.js';
import { parsedDoc, type PublicObservation } from '../read/observations.js';
import { sqlParams } from '../sql.js';

const followers = { roles: ['coordinator', 'agent'] } as const;
const observationId = { observationId: { description: 'The observation’s id.' } };

/** Most observations one bulk request acts on. */
export const MAX_BULK = 100;
/** The radius of « nearby » by default, in metres, and the largest one asked. */
export const SIMILAR_RADIUS_METRES = 50;
const MAX_RADIUS_METRES = 500;

const BulkIds = /* @__PURE__ */ z.array(ObservationId).check(/* @__PURE__ */ z.minLength(1), /* @__PURE__ */ z.maxLength(MAX_BULK));

/** What `POST /api/observations/bulk` takes: one action and the observations it applies to, in order. */
export const BulkTriageInput = /* @__PURE__ */ z.discriminatedUnion('action', [
  /* @__PURE__ */ z.object({
    action: /* @__PURE__ */ z.literal('qualify'),
    observationIds: BulkIds,
    organisationId: OrganisationId,
    severity: /* @__PURE__ */ z._default(Severity, 'medium'),
    note: TriageNote,
  }),
  /* @__PURE__ */ z.object({
    action: /* @__PURE__ */ z.literal('reject'),
    observationIds: BulkIds,
    reason: /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.maxLength(2000)),
  }),
  /* @__PURE__ */ z.object({ action: /* @__PURE__ */ z.literal('resolve'), observationIds: BulkIds, note: TriageNote }),
]);

/** What `POST /api/observations/:id/photos/:photoId/redact` takes: the rectangles to blur, in the stored image's pixels. */
export const RedactRegionsInput = /* @__PURE__ */ z.object({
  regions: /* @__PURE__ */ z.array(PhotoRegion).check(/* @__PURE__ */ z.minLength(1), /* @__PURE__ */ z.maxLength(20)),
});

const ERROR_SCHEMA = {
  type: 'object',
  required: ['code', 'message', 'details'],
  properties: { code: { type: 'string' }, message: { type: 'string' }, details: { type: 'object' } },
} as const;

const BULK_SCHEMA = {
  type: 'object',
  required: ['action', 'applied', 'results'],
  properties: {
    action: { type: 'string', enum: ['qualify', 'reject', 'resolve'] },
    applied: { type: 'integer', minimum: 0, description: 'How many of `results` are `ok`.' },
    results: {
      type: 'array',
      items: {
        oneOf: [
          {
            type: 'object',
            required: ['observationId', 'ok', 'status'],
            properties: { observationId: { type: 'string' }, ok: { const: true }, status: { type: 'string' } },
          },
          {
            type: 'object',
            required: ['observationId', 'ok', 'error'],
            properties: { observationId: { type: 'string' }, ok: { const: false }, error: ERROR_SCHEMA },
          },
        ],
      },
    },
  },
} as const;

const SIMILAR_SCHEMA = {
  type: 'object',
  required: ['observationId', 'radiusMetres', 'similar'],
  properties: {
    observationId: { type: 'string' },
    radiusMetres: { type: 'integer' },
    similar: {
      type: 'array',
      items: {
        type: 'object',
        required: ['observation', 'sameStop', 'sameTheme'],
        properties: {
          observation: { type: 'object', description: 'The public observation (no reporter’s contact).' },
          sameStop: { type: 'boolean', description: 'Recorded at the same stop of the same walk.' },
          sameTheme: { type: 'boolean' },
          distanceMetres: { type: 'integer', description: 'When both have a point.' },
        },
      },
    },
  },
} as const;

/** The distance between two points, in metres (haversine, on a sphere of the Earth's mean radius). */
export function distanceMetres(a: GeoPoint, b: GeoPoint): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.min(1, Math.sqrt(h)));
}

export interface SimilarObservation {
  readonly observation: PublicObservation;
  readonly sameStop: boolean;
  readonly sameTheme: boolean;
  readonly distanceMetres?: number;
}

/**
 * The observations `target` may repeat, among `candidates`: those of the same stop of the same
 * walk, or within `radius` metres when both have a point; never itself, a duplicate or a rejected
 * one. Same theme first, then the same stop, then the nearest, then the oldest.
 */
export function similarObservations(
  target: Pick<Observation, 'id' | 'walkId' | 'stopId' | 'point' | 'themeId'>,
  candidates: readonly PublicObservation[],
  radius = SIMILAR_RADIUS_METRES,
): SimilarObservation[] {
  const found: SimilarObservation[] = [];
  for (const o of candidates) {
    if (o.id === target.id || o.status === 'duplicate' || o.status === 'rejected') continue;
    const sameStop = target.walkId !== undefined && target.stopId !== undefined && o.walkId === target.walkId && o.stopId === target.stopId;
    const distance = target.point && o.point ? Math.round(distanceMetres(target.point, o.point)) : undefined;
    if (!sameStop && (distance === undefined || distance > radius)) continue;
    found.push({
      observation: o,
      sameStop,
      sameTheme: o.themeId === target.themeId,
      ...(distance === undefined ? {} : { distanceMetres: distance }),
    });
  }
  const rank = (s: SimilarObservation) => [s.sameTheme ? 0 : 1, s.sameStop ? 0 : 1, s.distanceMetres ?? Number.MAX_SAFE_INTEGER] as const;
  return found.sort((a, b) => {
    const [ra, rb] = [rank(a), rank(b)];
    for (let i = 0; i < ra.length; i++) if (ra[i] !== rb[i]) return (ra[i] as number) - (rb[i] as number);
    return a.observation.recordedAt.localeCompare(b.observation.recordedAt) || a.observation.id.localeCompare(b.observation.id);
  });
}

export function triageRoutes(deps: RouteDeps): RouteGroup {
  const { gusp, options, refuse, origin, unwrap } = deps;
  const locale = (c: Context<Env>) => c.get('locale');
  /** A refusal of one item of a batch as its answer says it (the Idempotency-Key's reuse in the server's words). */
  const itemError = (c: Context<Env>, error: GuspError): GuspError =>
    error.code === 'store.client-id-reused' ? serverError('request.idempotency-key-reused', locale(c)) : error;
  /** The observation (404 when unknown), before any body is read: an unknown one stays 404 whatever the body. */
  const observationOf = async (c: Context<Env>) =>
    unwrap(await gusp.observations.get(c.req.param('observationId') ?? '', { locale: locale(c) }));

  return {
    base: '/api/observations',
    tag: 'triage',
    description:
      'Triage for coordinators and agents: the observations one may repeat (same stop, or nearby), several qualified, rejected or resolved at once, a photo’s faces or plates blurred. Every write records who acted (`by`).',
    routes: [
      route(deps, {
        method: 'get',
        path: '/:observationId/similar',
        summary: 'The observations this one may repeat: same stop of the same walk, or nearby',
        description: `Candidates to mark it a duplicate of: those recorded at the same stop of the same walk, or within \`radius\` metres (${SIMILAR_RADIUS_METRES} by default, at most ${MAX_RADIUS_METRES}) when both have a point; never itself, a duplicate or a rejected observation. Same theme first, then the same stop, then the nearest. Public observations (no reporter’s contact), from the read model.`,
        access: followers,
        params: observationId,
        query: {
          radius: {
            description: `How near is « nearby », in metres (1 to ${MAX_RADIUS_METRES}; ${SIMILAR_RADIUS_METRES} by default).`,
            schema: { type: 'integer', minimum: 1, maximum: MAX_RADIUS_METRES },
          },
        },
        responses: {
          200: jsonAnswer(
            '`{ observationId, radiusMetres, similar: [{ observation, sameStop, sameTheme, distanceMetres? }] }`.',
            SIMILAR_SCHEMA,
          ),
        },
        handler: async (c) => {
          const radiusText = c.req.query('radius');
          const radius = radiusText === undefined ? SIMILAR_RADIUS_METRES : Number(radiusText);
          if (!Number.isInteger(radius) || radius < 1 || radius > MAX_RADIUS_METRES)
            return refuse(c, 'request.invalid-query', { radius: radiusText?.slice(0, 20) });
          const target = await observationOf(c);
          const params = sqlParams();
          const near: string[] = [];
          if (target.walkId !== undefined && target.stopId !== undefined)
            near.push(`(walk_id = ${params.bind(target.walkId)} AND stop_id = ${params.bind(target.stopId)})`);
          if (target.point) {
            // A box around the point, a little larger than the circle; the distance decides.
            const dLat = (radius * 1.1) / 111_320;
            const dLon = dLat / Math.max(0.01, Math.cos((target.point.lat * Math.PI) / 180));
            near.push(
              `((doc->'point'->>'lat')::float8 BETWEEN ${params.bind(target.point.lat - dLat)} AND ${params.bind(target.point.lat + dLat)}` +
                ` AND (doc->'point'->>'lon')::float8 BETWEEN ${params.bind(target.point.lon - dLon)} AND ${params.bind(target.point.lon + dLon)})`,
            );
          }
          let candidates: PublicObservation[] = [];
          if (near.length > 0) {
            const sql = await deps.read();
            const { rows } = await sql.query<{ doc: unknown }>(
              `SELECT doc FROM read_observations WHERE id <> ${params.bind(target.id)} AND status <> ALL(${params.bind(['duplicate', 'rejected'])}::text[])
               AND (${near.join(' OR ')}) ORDER BY recorded_ms, id LIMIT 200`,
              params.values,
            );
            candidates = rows.map((r) => parsedDoc<PublicObservation>(r.doc));
          }
          const shown = await withStoredPhotoUrls(candidates, origin(), photoLookup(options.photos));
          return c.json({ observationId: target.id, radiusMetres: radius, similar: similarObservations(target, shown, radius) });
        },
      }),
      jsonRoute(deps, {
        method: 'post',
        path: '/bulk',
        summary: 'Qualifies, rejects or resolves several observations at once; answers each one’s outcome',
        description: `\`{ action: "qualify", observationIds, organisationId, severity?, note? }\`, \`{ action: "reject", observationIds, reason }\` or \`{ action: "resolve", observationIds, note? }\` (1 to ${MAX_BULK} ids; an id given twice counts once). Each observation is its own command, applied in order, and answers on its own: \`{ observationId, ok: true, status }\`, or \`{ observationId, ok: false, error: { code, message, details } }\` with the core's localized refusal (\`observation.not-found\`, \`observation.invalid-transition\`, \`observation.reason-required\`…), so one refusal does not lose the others; the answer is 200 whatever each one's. With an \`Idempotency-Key\`, a batch resent with the same key applies nothing twice and answers what it answered: each id already applied under that key answers its first outcome (the same key on the single routes, e.g. \`POST /:id/qualify\`, counts as the same command).`,
        access: followers,
        idempotent: true,
        body: { schema: BulkTriageInput },
        responses: {
          200: jsonAnswer('`{ action, applied, results: [...] }`, one result per distinct id, in the order sent.', BULK_SCHEMA),
        },
        handler: async (c, input) => {
          const results = [];
          for (const id of new Set<string>(input.observationIds)) {
            const opts = await staffCommandOptions(c, deps, `${input.action}:${id}`);
            const done =
              input.action === 'qualify'
                ? await gusp.observations.qualify(
                    id,
                    { organisationId: input.organisationId, severity: input.severity, ...(input.note ? { note: input.note } : {}) },
                    opts,
                  )
                : input.action === 'reject'
                  ? await gusp.observations.reject(id, { reason: input.reason }, opts)
                  : await gusp.observations.resolve(id, opts, input.note ? { note: input.note } : {});
            results.push(
              done.ok
                ? { observationId: id, ok: true as const, status: done.value.status }
                : { observationId: id, ok: false as const, error: itemError(c, done.error) },
            );
          }
          return c.json({ action: input.action, applied: results.filter((r) => r.ok).length, results });
        },
      }),
      jsonRoute(deps, {
        method: 'post',
        path: '/:observationId/photos/:photoId/redact',
        summary: 'Blurs rectangles of one of the observation’s photos (a face, a plate); the original is dropped',
        description:
          '`{ regions: [{ x, y, width, height }] }` (1 to 20), in the stored image’s pixels from its top left corner (its natural size: `naturalWidth` × `naturalHeight` of the served image). Each region is blurred, the whole image encoded again as JPEG and stored **in place of** the original, whose bytes are dropped (the photos table is rewritten): the photo’s URL then serves the blurred image and nothing keeps the original. A region beyond the image is 422 `photo.region-outside`; a photo the observation does not have, 422 `observation.photo-not-attached`. The journal records `ObservationPhotoRedacted` with the regions and who did it (`by`).',
        access: followers,
        params: { ...observationId, photoId: { description: 'The photo’s id (as the observation lists it).' } },
        body: { schema: RedactRegionsInput, invalid: async (c) => void (await observationOf(c)) },
        responses: { 200: jsonAnswer('The public observation (its photo URLs now serve the blurred image).') },
        handler: async (c, input) => {
          const obs = await observationOf(c);
          const photoId = c.req.param('photoId');
          const store = options.photos;
          if (!store?.replace) return refuse(c, 'request.not-found', { path: c.req.path });
          // Not one of its photos: the core's refusal (`observation.photo-not-attached`), before any pixel is touched.
          if (!storedPhotoIds(obs.photos).includes(photoId))
            unwrap(await gusp.observations.redactPhoto(obs.id, { photoId, regions: input.regions }, { locale: locale(c) }));
          const photo = await store.load(photoId);
          if (!photo) return refuse(c, 'photo.not-found', { photoId });
          const blurred = await blurRegions(photo.bytes, input.regions);
          if (!blurred.ok) return refuse(c, blurred.code, blurred.details);
          await store.replace(photoId, blurred.bytes);
          const done = unwrap(
            await gusp.observations.redactPhoto(
              obs.id,
              { photoId, regions: input.regions },
              await staffCommandOptions(c, deps, `redact:${obs.id}:${photoId}`),
            ),
          );
          const { reporter: _contact, ...shown } = done;
          return c.json((await withStoredPhotoUrls([shown], origin(), photoLookup(options.photos)))[0]);
        },
      }),
    ],
  };
}
