// SPDX-License-Identifier: EUPL-1.2
/**
 * Open311 GeoReport v2 (https://wiki.open311.org/GeoReport_v2) under
 * `/open311/v2`, in JSON and XML (the extension says which: `services.json`,
 * `services.xml`): the city's themes are its services, problem observations its
 * service requests. Mapping, checks and XML are the core's (`toOpen311Services`,
 * `toOpen311Requests`, `fromOpen311Request`, `toOpen311Xml`); this file only
 * speaks HTTP. Errors are GeoReport error lists `[{ code, description }]`
 * (`<errors><error>` in XML).
 */
import {
  fromOpen311Request,
  toOpen311ErrorList,
  toOpen311PostResponse,
  toOpen311Requests,
  toOpen311Services,
  toOpen311Xml,
  type CityProfile,
  type GuspError,
  type GeoPoint,
  type Open311Document,
} from '@gusp/core';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { checkProofOfWork } from './http/challenge.js';
import type { Env, RouteDeps } from './http/context.js';
import { open311StatusOf, serverError } from './http/errors.js';
import type { ServerLocale } from './http/messages.js';
import { route, type ResponseDoc, type Route, type RouteGroup } from './http/route.js';
import { withPhotoUrls } from './photos.js';

/** At most this many requests in one `GET requests.json` (the spec suggests 1000). */
const MAX_REQUESTS = 1000;
/** Without dates, `requests.json` covers the last 90 days (the spec's default). */
const DEFAULT_WINDOW_MS = 90 * 86_400_000;

/** The two formats of GeoReport v2, named by the path's extension. */
type Format = 'json' | 'xml';
const formatOf = (path: string): Format => (path.endsWith('.xml') ? 'xml' : 'json');
/** `services.json` → `services`; `abc.xml` → `abc`. */
const baseName = (file: string): string => file.replace(/\.(json|xml)$/, '');

/** A document in the request's format: the bare list or object in JSON, wrapped in its root element in XML. */
function send(c: Context, format: Format, document: Open311Document, status: ContentfulStatusCode = 200) {
  if (format === 'xml') return c.body(toOpen311Xml(document), status, { 'content-type': 'application/xml; charset=utf-8' });
  return c.json(Object.values(document)[0] as object, status);
}

/**
 * A refusal as a GeoReport error list. The core's `store.client-id-reused` is worded as the JSON API
 * words it (`request.idempotency-key-reused`): here too the client id is the `Idempotency-Key` header,
 * and the description must tell the client to send a new key, not speak of the store. Its status stays
 * GeoReport's 400 (see `open311StatusOf`).
 */
const sendList = (c: Context, refusal: GuspError) => {
  const error =
    refusal.code === 'store.client-id-reused'
      ? serverError('request.idempotency-key-reused', (c.get('locale') as ServerLocale | undefined) ?? 'fr')
      : refusal;
  const status = open311StatusOf(error.code);
  return send(c, formatOf(c.req.path), { errors: toOpen311ErrorList(error, status) }, status);
};

/** The quartier whose centre is nearest to `point`: Open311 clients know no quartiers. */
function nearestQuartier(city: CityProfile, point: GeoPoint): string | undefined {
  let best: { id: string; d: number } | undefined;
  for (const q of city.quartiers) {
    if (!q.centre) continue;
    const dLat = q.centre.lat - point.lat;
    const dLon = (q.centre.lon - point.lon) * Math.cos((point.lat * Math.PI) / 180);
    const d = dLat * dLat + dLon * dLon;
    if (!best || d < best.d) best = { id: q.id, d };
  }
  return best?.id;
}

const text = { type: 'string' } as const;
/** The fields a client POSTs (GeoReport v2 names; GUSP adds `quartier_id` and `consent`). */
const POST_FIELDS = {
  type: 'object',
  properties: {
    service_code: { ...text, description: 'A theme id (see services).' },
    lat: { ...text, description: 'Latitude, decimal degrees.' },
    long: { ...text, description: 'Longitude, decimal degrees.' },
    address_string: { ...text, description: 'Where, in words (with `quartier_id`).' },
    quartier_id: { ...text, description: 'The quartier, when no point is given.' },
    description: text,
    email: text,
    first_name: text,
    last_name: text,
    phone: text,
    consent: { ...text, enum: ['true', 'false'], description: '`true` to keep the contact given (it is dropped otherwise).' },
    api_key: { ...text, description: 'With proof of work on: a staff token, instead of a solved challenge.' },
    altcha: { ...text, description: 'With proof of work on: a solved challenge (see `GET /api/challenge`), as `X-Altcha` takes it.' },
  },
  required: ['service_code'],
} as const;

const FORMATS = {
  json: { mediaType: 'application/json', note: 'JSON' },
  xml: { mediaType: 'application/xml', note: 'XML' },
} as const;

/** A GeoReport v2 answer in one format. */
const answer = (format: Format, description: string): ResponseDoc => ({ description, content: { [FORMATS[format].mediaType]: {} } });

export function open311Routes(deps: RouteDeps): RouteGroup {
  const { gusp, commandOptions, origin } = deps;
  const { city } = gusp;

  const requestsOf = async (c: Context<Env>) => {
    const [observations, engagements, walks] = await Promise.all([gusp.observations.list(), gusp.engagements.list(), gusp.walks.list()]);
    // `media_url`: built from the public URL and the photo's id, never from a stored or requested host.
    return toOpen311Requests(
      observations.map((o) => withPhotoUrls(o, origin())),
      city,
      { engagements, walks: walks.map((a) => a.walk), locale: c.get('locale') },
    );
  };

  /** The routes of one format: GeoReport v2 names each document by its extension. */
  const routesIn = (format: Format): Route[] => [
    route(deps, {
      method: 'get',
      path: `/services.${format}`,
      summary: `The services (the city’s themes), in ${FORMATS[format].note}`,
      errors: 'open311',
      responses: { 200: answer(format, 'The service list.') },
      handler: (c) => send(c, format, { services: toOpen311Services(city, c.get('locale')) }),
    }),
    // Our services have no extra attributes (`metadata: false`): the definition is empty.
    route(deps, {
      method: 'get',
      path: `/services/:service_code{[a-z0-9-]+\\.${format}}`,
      summary: `A service’s definition (no extra attributes), in ${FORMATS[format].note}`,
      errors: 'open311',
      params: { service_code: { description: 'A theme id.', schema: { type: 'string', pattern: '^[a-z0-9-]+$' } } },
      responses: { 200: answer(format, '`service_definition`.') },
      handler: (c) => {
        const code = baseName(c.req.param('service_code'));
        if (!city.themes.some((t) => t.id === code))
          return sendList(c, serverError('open311.unknown-service', c.get('locale'), { serviceCode: code }));
        return send(c, format, { service_definition: { service_code: code, attributes: [] } });
      },
    }),
    route(deps, {
      method: 'get',
      path: `/requests.${format}`,
      summary: `Service requests (problem observations), newest first, in ${FORMATS[format].note}`,
      errors: 'open311',
      query: {
        service_request_id: { description: 'Comma-separated ids (dates then default to all time).' },
        service_code: { description: 'Comma-separated service codes.' },
        start_date: { description: 'ISO 8601 date or date-time (90 days before `end_date` by default).' },
        end_date: { description: 'ISO 8601 date or date-time (now by default).' },
        status: { description: '`open`, `closed` or both, comma-separated.' },
      },
      responses: { 200: answer(format, 'At most 1,000 service requests.') },
      handler: async (c) => {
        const locale = c.get('locale');
        const q = (name: string) => c.req.query(name)?.trim() || undefined;
        const invalid = (field: string) =>
          sendList(c, {
            ...serverError('request.invalid-query', locale, { field }),
            message: `${field}: ${serverError('request.invalid-query', locale).message}`,
          });
        const date = (name: string) => {
          const v = q(name);
          if (v === undefined) return undefined;
          const t = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(v) ? Date.parse(v) : Number.NaN;
          return Number.isNaN(t) ? Number.NaN : t;
        };
        const start = date('start_date');
        const end = date('end_date');
        if (Number.isNaN(start)) return invalid('start_date');
        if (Number.isNaN(end)) return invalid('end_date');
        const statuses = q('status')
          ?.split(',')
          .map((s) => s.trim());
        if (statuses?.some((s) => s !== 'open' && s !== 'closed')) return invalid('status');
        const codes = q('service_code')
          ?.split(',')
          .map((s) => s.trim());
        const ids = q('service_request_id')
          ?.split(',')
          .map((s) => s.trim());
        const to = end ?? Date.now();
        const from = start ?? (ids ? Number.NEGATIVE_INFINITY : to - DEFAULT_WINDOW_MS);
        const list = (await requestsOf(c))
          .filter((r) => {
            const at = Date.parse(r.requested_datetime);
            return (
              (ids === undefined || ids.includes(r.service_request_id)) &&
              (codes === undefined || codes.includes(r.service_code)) &&
              (statuses === undefined || statuses.includes(r.status)) &&
              at >= from &&
              at <= to
            );
          })
          .sort((a, b) => b.requested_datetime.localeCompare(a.requested_datetime))
          .slice(0, MAX_REQUESTS);
        return send(c, format, { service_requests: list });
      },
    }),
    route(deps, {
      method: 'get',
      path: `/requests/:service_request_id{[A-Za-z0-9_-]+\\.${format}}`,
      summary: `One service request, in ${FORMATS[format].note}`,
      errors: 'open311',
      params: { service_request_id: { description: 'The observation’s id.', schema: { type: 'string', pattern: '^[A-Za-z0-9_-]+$' } } },
      responses: { 200: answer(format, 'A list of one service request.') },
      handler: async (c) => {
        const id = baseName(c.req.param('service_request_id'));
        const found = (await requestsOf(c)).filter((r) => r.service_request_id === id);
        if (found.length === 0) return sendList(c, serverError('observation.not-found', c.get('locale'), { observationId: id }));
        return send(c, format, { service_requests: found });
      },
    }),
    // Form-encoded as the spec says; JSON accepted too. Values must be strings.
    route(deps, {
      method: 'post',
      path: `/requests.${format}`,
      summary: `Reports a problem (a service request), in ${FORMATS[format].note}`,
      description: 'Without `lat`/`long`, `quartier_id` with `address_string` locates it; with them, the nearest quartier is taken.',
      errors: 'open311',
      idempotent: 'after-body',
      challenge: 'after-body',
      body: { content: { 'application/x-www-form-urlencoded': { schema: POST_FIELDS }, 'application/json': { schema: POST_FIELDS } } },
      responses: { 201: answer(format, '`[{ service_request_id, service_notice, account_id }]`.') },
      handler: async (c) => {
        const locale = c.get('locale');
        const type = c.req.header('content-type') ?? '';
        let body: Record<string, string | undefined> = {};
        if (type.includes('application/json')) {
          let parsed: unknown;
          try {
            parsed = JSON.parse(await c.req.text());
          } catch {
            return sendList(c, serverError('request.invalid-json', locale));
          }
          if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
            return sendList(c, serverError('request.invalid-json', locale));
          for (const [k, v] of Object.entries(parsed)) if (typeof v === 'string' || typeof v === 'number') body[k] = String(v);
        } else {
          body = Object.fromEntries(new URLSearchParams(await c.req.text()));
        }
        // GeoReport clients cannot solve a challenge: they send a staff token as `api_key`, or a solution as `altcha`.
        const unproven = await checkProofOfWork(deps, c, { solution: body.altcha, apiKey: body.api_key });
        if (unproven) return sendList(c, unproven);
        const submission = fromOpen311Request(body, city, locale);
        if (!submission.ok) return sendList(c, submission.error);
        const input = submission.value;
        const quartierId = input.quartierId ?? (input.point ? nearestQuartier(city, input.point) : undefined);
        if (quartierId === undefined) return sendList(c, serverError('open311.quartier-required', locale));
        const recorded = await gusp.observations.record({ ...input, quartierId }, commandOptions(c, 'open311'));
        if (!recorded.ok) return sendList(c, recorded.error);
        return send(c, format, { service_requests: toOpen311PostResponse(recorded.value) }, 201);
      },
    }),
  ];

  return {
    base: '/open311/v2',
    tag: 'open311',
    description:
      'Open311 GeoReport v2, in JSON and XML: the city’s themes are its services, problem observations its service requests. Errors are GeoReport error lists.',
    routes: [...routesIn('json'), ...routesIn('xml')],
    // Not `notFound` (a sub-app's is not used once mounted): anything else under /open311/v2 is a GeoReport 404.
    fallback: (c) => sendList(c, serverError('request.not-found', c.get('locale'), { path: c.req.path })),
  };
}
