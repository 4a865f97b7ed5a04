// SPDX-License-Identifier: EUPL-1.2
/**
 * Open311 GeoReport v2 (https://wiki.open311.org/GeoReport_v2) under
 * `/open311/v2`, in JSON and XML (the extension says which: `services.json`,
 * `services.xml`), with its Service Discovery at `/open311/discovery.{json,xml}`
 * and mySociety's `servicerequestupdates` (what FixMyStreet pulls): the city's
 * themes are its services, problem observations its service requests. Mapping,
 * checks and XML are the core's (`toOpen311Services`, `toOpen311Requests`,
 * `toOpen311RequestUpdates`, `toOpen311Discovery`, `fromOpen311Request`,
 * `toOpen311Xml`); this file only speaks HTTP. Every refusal under `/open311`
 * (a route's, or the app's own: body too large, rate limit, Idempotency-Key) is
 * a GeoReport error list `[{ code, description }]` (`<errors><error>` in XML),
 * written by `sendError`.
 */
import {
  compareOpen311Updates,
  fromOpen311Request,
  matchedEngagement,
  OPEN311_JSON_TEXT,
  OPEN311_STATUS,
  open311XmlText,
  quartierOf,
  toOpen311Discovery,
  toOpen311PostResponse,
  toOpen311ObservationUpdates,
  toOpen311Requests,
  toOpen311Services,
  toOpen311Xml,
  toZonedISO,
  type GuspError,
  type Open311Document,
  type Open311FormValue,
  type Open311ServiceRequest,
  type OrderedOpen311Update,
  type ObservationStatus,
} from '@gusp/core';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { checkProofOfWork } from './http/challenge.js';
import type { Env, RouteDeps } from './http/context.js';
import { OPEN311_XML_TYPE, sendError, serverError } from './http/errors.js';
import { route, type ResponseDoc, type Route, type RouteGroup } from './http/route.js';
import { photoIdOf, photoLookup, withStoredPhotoUrls } from './photos.js';
import { engagementsFor } from './read/engagements.js';
import { listPieces, textStream, walkLookup } from './read/export-stream.js';
import { observationBatches, observationsById, type Conditions, type PublicObservation } from './read/observations.js';
import type { SqlParams, SqlSession } from './sql.js';
import { streamHistories } from './store/sql-store.js';

/** At most this many requests in one `GET requests.json` (the spec suggests 1000): the default `page_size` too. */
const MAX_REQUESTS = 1000;

/**
 * `page_size` and `page`, the paging extension other GeoReport v2 servers offer (SeeClickFix's, among
 * others): the spec's own answer (at most 1,000, newest first) is page 1 of size 1,000, so a client
 * that knows neither gets exactly what the spec says. `invalid`: the field whose value is not a whole
 * number in range (refused, localized, naming it).
 */
function pagingOf(pageSize: string | undefined, page: string | undefined): { limit: number; offset: number } | { invalid: string } {
  const whole = (v: string | undefined, fallback: number, max: number) =>
    v === undefined ? fallback : /^\d{1,7}$/.test(v) && Number(v) >= 1 && Number(v) <= max ? Number(v) : undefined;
  const limit = whole(pageSize, MAX_REQUESTS, MAX_REQUESTS);
  if (limit === undefined) return { invalid: 'page_size' };
  const number = whole(page, 1, 1_000_000);
  if (number === undefined) return { invalid: 'page' };
  return { limit, offset: (number - 1) * limit };
}

/** Without dates, `requests.json` covers the last 90 days (the spec's default). */
const DEFAULT_WINDOW_MS = 90 * 86_400_000;

/** The observation statuses behind each Open311 status. */
const STATUSES_OF = (open311: string): ObservationStatus[] =>
  (Object.entries(OPEN311_STATUS) as [ObservationStatus, string][]).filter(([, s]) => s === open311).map(([status]) => status);

/** The two formats of GeoReport v2, named by the path's extension. */
type Format = 'json' | 'xml';
/** `services.json` → `services`; `abc.xml` → `abc`. */
const baseName = (file: string): string => file.replace(/\.(json|xml)$/, '');

/**
 * A document in the request's format: the bare list or object in JSON, wrapped in its root
 * element in XML, served as `text/xml` as the spec says (`application/xml` it is not).
 */
function send(c: Context, format: Format, document: Open311Document, status: ContentfulStatusCode = 200) {
  if (format === 'xml') return c.body(toOpen311Xml(document), status, { 'content-type': OPEN311_XML_TYPE });
  return c.json(Object.values(document)[0] as object, status);
}

/**
 * A refusal as a GeoReport error list in the path's format (`sendError` writes one for any
 * path under `/open311`, with GeoReport's statuses and the JSON API's wording of a reused key).
 */
const sendList = (c: Context, refusal: GuspError) => sendError(c, refusal);

/** The first value of a field (a scalar field sent twice counts once). */
const one = (value: Open311FormValue): string | undefined => (typeof value === 'string' ? value : value?.[0]);

/** A bad query argument, named in the description GeoReport clients show. */
const invalidQuery = (locale: Env['Variables']['locale'], field: string): GuspError => ({
  ...serverError('request.invalid-query', locale, { field }),
  message: `${field}: ${serverError('request.invalid-query', locale).message}`,
});

/** An ISO 8601 date or W3C date-time query value: its instant, `undefined` when absent, NaN when invalid. */
function dateQuery(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  return /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(value) ? Date.parse(value) : Number.NaN;
}

/**
 * The form of a POST as field → value(s): `application/x-www-form-urlencoded` as the spec says,
 * `multipart/form-data` as FixMyStreet sends when it uploads files (file parts are not read: GUSP
 * takes photos only re-encoded from its own form), or a JSON object. A repeated field
 * (`media_url`) keeps every value; `undefined` when the body cannot be read.
 */
async function formOf(c: Context<Env>): Promise<Record<string, Open311FormValue> | undefined> {
  const type = (c.req.header('content-type') ?? '').toLowerCase();
  // A Map: a field named `constructor` or `__proto__` is a field like any other.
  const fields = new Map<string, string[]>();
  const add = (key: string, value: string) => {
    const values = fields.get(key);
    if (values) values.push(value);
    else fields.set(key, [value]);
  };
  if (type.includes('application/json')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(await c.req.text());
    } catch {
      return undefined;
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return undefined;
    for (const [k, v] of Object.entries(parsed)) {
      for (const item of Array.isArray(v) ? (v as unknown[]) : [v])
        if (typeof item === 'string' || typeof item === 'number') add(k, String(item));
    }
  } else if (type.startsWith('multipart/form-data')) {
    let form: FormData;
    try {
      form = await c.req.formData();
    } catch {
      return undefined;
    }
    for (const [k, v] of form.entries()) if (typeof v === 'string') add(k, v);
  } else {
    for (const [k, v] of new URLSearchParams(await c.req.text())) add(k, v);
  }
  return Object.fromEntries([...fields].map(([k, v]) => [k, v.length === 1 ? v[0] : v]));
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
    address_id: {
      ...text,
      description: 'An address id (kept as the address, in words, when `address_string` is absent; with `quartier_id`).',
    },
    quartier_id: { ...text, description: 'The quartier, when no point is given.' },
    description: { ...text, maxLength: 4000 },
    media_url: {
      description: 'Absolute http(s) URL of media hosted elsewhere (repeat it for several, at most 3): kept as a link, never fetched.',
      anyOf: [text, { type: 'array', items: text, maxItems: 3 }],
    },
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
  xml: { mediaType: 'text/xml', note: 'XML' },
} as const;

/** A GeoReport v2 answer in one format. */
const answer = (format: Format, description: string): ResponseDoc => ({ description, content: { [FORMATS[format].mediaType]: {} } });

/**
 * Service Discovery (https://wiki.open311.org/Service_Discovery), required by GeoReport v2:
 * `/open311/discovery.{json,xml}` names the endpoint under the public URL (never the request's
 * Host) and its formats. `changeset` is when this server started: the services are the city
 * profile's, read at start, so they cannot have changed later.
 */
export function open311DiscoveryRoutes(deps: RouteDeps): RouteGroup {
  const { city } = deps.gusp;
  const changeset = toZonedISO(new Date(Math.floor(Date.now() / 1000) * 1000), city.timezone);
  const discovery = (format: Format): Route =>
    route(deps, {
      method: 'get',
      path: `/discovery.${format}`,
      summary: `Service Discovery: the GeoReport v2 endpoint and its formats, in ${FORMATS[format].note}`,
      errors: 'open311',
      responses: { 200: answer(format, '`{ changeset, contact, key_service, endpoints }`.') },
      handler: (c) =>
        send(c, format, {
          discovery: toOpen311Discovery(city, { url: `${deps.origin()}/open311/v2`, changeset, locale: c.get('locale') }),
        }),
    });
  return {
    base: '/open311',
    tag: 'open311',
    description: 'Open311 Service Discovery.',
    routes: [discovery('json'), discovery('xml')],
  };
}

export function open311Routes(deps: RouteDeps): RouteGroup {
  const { gusp, commandOptions, origin } = deps;
  const { city } = gusp;

  /**
   * The service requests of observations (problems only) read from the read model: photo URLs
   * built from the public URL and the photo's id (never from a stored or requested host), deleted
   * photos left out, each with the engagement it follows and its walk, looked up for these only.
   */
  const requestsOf = async (
    c: Context<Env>,
    sql: SqlSession,
    observations: readonly PublicObservation[],
    walks: ReturnType<typeof walkLookup>,
  ): Promise<Open311ServiceRequest[]> => {
    const problems = observations.filter((o) => o.polarity === 'problem');
    const [shown, engagements, walked] = await Promise.all([
      withStoredPhotoUrls(problems, origin(), photoLookup(deps.options.photos)),
      engagementsFor(sql, problems),
      walks(problems),
    ]);
    return toOpen311Requests(shown, city, { engagements, walks: walked, locale: c.get('locale') });
  };

  /** A list of service requests in `format`, streamed batch by batch as they are read. */
  const sendRequests = async (c: Context<Env>, format: Format, sql: SqlSession, batches: AsyncIterable<readonly PublicObservation[]>) => {
    const walks = walkLookup(sql);
    const text = format === 'xml' ? open311XmlText('service_requests') : OPEN311_JSON_TEXT;
    const body = await textStream(
      listPieces(batches, text, async (batch) => (await requestsOf(c, sql, batch, walks)).map((r) => text.item(r))),
    );
    return c.body(body, 200, { 'content-type': format === 'xml' ? OPEN311_XML_TYPE : 'application/json' });
  };

  /**
   * The request updates from `from` to `to` (both included), oldest first, at most
   * {@linkcode MAX_REQUESTS}: computed for the problem observations that changed since `from`, or
   * whose engagement did (read from the read models), from those observations' events only, with
   * the core's `toOpen311ObservationUpdates` and the engagements each is matched to.
   */
  const updatesBetween = async (c: Context<Env>, from: number, to: number) => {
    const sql = await deps.read();
    const locale = c.get('locale');
    const mark = Number(
      (await sql.query<{ position: string | number }>("SELECT position FROM read_models WHERE name = 'journal'")).rows[0]?.position ?? 0,
    );
    const changed: Conditions = (params) => {
      const since = `${params.bind(from)}::bigint`;
      // An observation is committed only to an engagement that lists it (the core commits the
      // proposal's qualified `observationIds`): the engagements' lists cover `engagementId` too.
      // One set of ids, each side served by its index, not a test of every row.
      return [
        "polarity = 'problem'",
        `id IN (SELECT id FROM read_observations WHERE polarity = 'problem' AND changed_ms >= ${since}
                UNION SELECT unnest(observation_ids) FROM read_engagements WHERE changed_ms >= ${since})`,
      ];
    };
    const found: OrderedOpen311Update[] = [];
    for await (const batch of observationBatches(sql, changed)) {
      const histories = await streamHistories(
        sql,
        batch.map((o) => `observation-${o.id}`),
        mark,
      );
      const committedTo = [...histories.values()].flat().flatMap((e) => (e.type === 'ObservationCommitted' ? [e.data.engagementId] : []));
      const engagements = await engagementsFor(sql, batch, committedTo);
      const byId = new Map(engagements.map((e) => [e.id as string, e]));
      for (const o of batch) {
        const updates = toOpen311ObservationUpdates(o, histories.get(`observation-${o.id}`) ?? [], city, {
          locale,
          engagements: byId,
          engagement: matchedEngagement(o, byId, engagements),
        });
        for (const u of updates) {
          const at = Date.parse(u.update.updated_datetime);
          if (at >= from && at <= to) found.push(u);
        }
      }
    }
    return found
      .sort(compareOpen311Updates)
      .slice(0, MAX_REQUESTS)
      .map((u) => u.update);
  };

  /** Observations by id, newest first (at most {@linkcode MAX_REQUESTS}). */
  async function* byIds(sql: SqlSession, ids: readonly string[]) {
    const found = await observationsById(sql, [...new Set(ids)].slice(0, MAX_REQUESTS));
    yield found
      .filter((o) => o.polarity === 'problem')
      .sort((a, b) => Date.parse(b.recordedAt) - Date.parse(a.recordedAt) || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
  }

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
      description:
        'Read from the read model and streamed as it is read: problem observations recorded from `start_date` to `end_date` (both included), newest first (ties by id), at most 1,000 — the spec’s answer. Paging extension (as other GeoReport v2 servers have it): `page_size` (1–1,000; 1,000 by default) and `page` (from 1), so a client can read a long period 100 at a time.',
      errors: 'open311',
      query: {
        service_request_id: { description: 'Comma-separated ids: overrides every other argument, as the spec says.' },
        service_code: { description: 'Comma-separated service codes.' },
        start_date: { description: 'ISO 8601 date or date-time (90 days before `end_date` by default).' },
        end_date: { description: 'ISO 8601 date or date-time (now by default).' },
        status: { description: '`open`, `closed` or both, comma-separated.' },
        page_size: { description: 'Extension: at most this many (1–1,000; 1,000, the spec’s maximum, by default).' },
        page: { description: 'Extension: which page of `page_size` (from 1; 1 by default).' },
      },
      responses: { 200: answer(format, 'At most 1,000 service requests (or `page_size`).') },
      handler: async (c) => {
        const locale = c.get('locale');
        const q = (name: string) => c.req.query(name)?.trim() || undefined;
        const invalid = (field: string) => sendList(c, invalidQuery(locale, field));
        const list = (name: string) =>
          q(name)
            ?.split(',')
            .map((s) => s.trim())
            .filter((s) => s !== '');
        const ids = list('service_request_id');
        // The spec: `service_request_id` "overrides all other arguments" (dates, codes, status).
        if (ids !== undefined && ids.length > 0) {
          const sql = await deps.read();
          return sendRequests(c, format, sql, byIds(sql, ids));
        }
        const start = dateQuery(q('start_date'));
        const end = dateQuery(q('end_date'));
        if (Number.isNaN(start)) return invalid('start_date');
        if (Number.isNaN(end)) return invalid('end_date');
        const statuses = list('status');
        if (statuses?.some((s) => s !== 'open' && s !== 'closed')) return invalid('status');
        const codes = list('service_code');
        const paging = pagingOf(q('page_size'), q('page'));
        if ('invalid' in paging) return invalid(paging.invalid);
        const to = end ?? Date.now();
        const from = start ?? to - DEFAULT_WINDOW_MS;
        const conditions: Conditions = (params: SqlParams) => [
          "polarity = 'problem'",
          `recorded_ms >= ${params.bind(from)}::bigint`,
          `recorded_ms <= ${params.bind(to)}::bigint`,
          ...(codes === undefined ? [] : [`theme_id = ANY(${params.bind(codes)}::text[])`]),
          ...(statuses === undefined ? [] : [`status = ANY(${params.bind(statuses.flatMap(STATUSES_OF))}::text[])`]),
        ];
        const sql = await deps.read();
        return sendRequests(c, format, sql, observationBatches(sql, conditions, 'newest', paging));
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
        const sql = await deps.read();
        const found = await requestsOf(c, sql, await observationsById(sql, [id]), walkLookup(sql));
        if (found.length === 0) return sendList(c, serverError('observation.not-found', c.get('locale'), { observationId: id }));
        return send(c, format, { service_requests: found });
      },
    }),
    // mySociety's extension (FixMyStreet's GetServiceRequestUpdates): both dates optional, W3C format.
    route(deps, {
      method: 'get',
      path: `/servicerequestupdates.${format}`,
      summary: `Updates of service requests (their status changes), oldest first, in ${FORMATS[format].note}`,
      description:
        'mySociety’s GeoReport v2 extension, what FixMyStreet pulls: one update per status change of a problem observation, and per milestone of the engagement it is committed to. Computed for the observations that changed in the window, or whose engagement did (read models), from their own events only.',
      errors: 'open311',
      query: {
        start_date: { description: 'W3C date-time: the earliest update (90 days before `end_date` by default).' },
        end_date: { description: 'W3C date-time: the latest update (now by default).' },
      },
      responses: {
        200: answer(
          format,
          'At most 1,000 updates: `update_id`, `service_request_id`, `status`, `updated_datetime`, `description`, `media_url`.',
        ),
      },
      handler: async (c) => {
        const locale = c.get('locale');
        const start = dateQuery(c.req.query('start_date')?.trim() || undefined);
        const end = dateQuery(c.req.query('end_date')?.trim() || undefined);
        if (Number.isNaN(start)) return sendList(c, invalidQuery(locale, 'start_date'));
        if (Number.isNaN(end)) return sendList(c, invalidQuery(locale, 'end_date'));
        const to = end ?? Date.now();
        const from = start ?? to - DEFAULT_WINDOW_MS;
        const updates = await updatesBetween(c, from, to);
        return send(c, format, { service_request_updates: updates });
      },
    }),
    // Form-encoded as the spec says; multipart (FixMyStreet's, with uploads) and JSON accepted too. Values must be strings.
    route(deps, {
      method: 'post',
      path: `/requests.${format}`,
      summary: `Reports a problem (a service request), in ${FORMATS[format].note}`,
      description:
        'Without `lat`/`long`, `quartier_id` with `address_string` or `address_id` locates it; with them, the quartier whose shape (city profile `boundary`) contains the point is taken, and a point outside every quartier of the city is refused (400 `geo.outside-city`, localized); for a profile without shapes, the quartier of the nearest centre. `media_url` is kept as an external link and never fetched; a file part of a multipart body is not read.',
      errors: 'open311',
      idempotent: 'after-body',
      challenge: 'after-body',
      body: {
        content: {
          'application/x-www-form-urlencoded': { schema: POST_FIELDS },
          'multipart/form-data': { schema: POST_FIELDS },
          'application/json': { schema: POST_FIELDS },
        },
      },
      responses: { 201: answer(format, '`[{ service_request_id, service_notice, account_id }]`.') },
      handler: async (c) => {
        const locale = c.get('locale');
        const body = await formOf(c);
        if (body === undefined)
          return sendList(
            c,
            serverError(
              /^multipart\//i.test(c.req.header('content-type') ?? '') ? 'request.invalid-multipart' : 'request.invalid-json',
              locale,
            ),
          );
        // GeoReport clients cannot solve a challenge: they send a staff token as `api_key`, or a solution as `altcha`.
        const unproven = await checkProofOfWork(deps, c, { solution: one(body.altcha), apiKey: one(body.api_key) });
        if (unproven) return sendList(c, unproven);
        const submission = fromOpen311Request(body, city, locale);
        if (!submission.ok) return sendList(c, submission.error);
        const input = submission.value;
        // A link in our photos' form names a photo of ours (erasure would delete it, and the URL is rebuilt on read): refused.
        const ours = input.photos?.find((p) => p.url !== undefined && photoIdOf(p.url) !== undefined);
        if (ours) return sendList(c, serverError('open311.invalid-media-url', locale, { mediaUrl: ours.url }));
        // Open311 clients know no quartiers: the point's is the shape that contains it (the nearest
        // centre for a profile without shapes); a point outside the city's quartiers is refused.
        const placed = input.point ? quartierOf(city, input.point, locale) : undefined;
        if (placed && !placed.ok) return sendList(c, placed.error);
        const quartierId = input.quartierId ?? placed?.value?.id;
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
