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
  type CommandOptions,
  type Gusp,
  type GuspError,
  type GeoPoint,
  type Open311Document,
} from '@gusp/core';
import { Hono, type Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { open311StatusOf, serverError } from './http/errors.js';
import { negotiateLocale } from './http/messages.js';

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

const sendList = (c: Context, error: GuspError) => {
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

export interface Open311Options {
  readonly gusp: Gusp;
  /** Builds the command options (locale, Idempotency-Key) as the JSON API does. */
  readonly commandOptions: (c: Context, scope: string) => CommandOptions;
}

export function open311App({ gusp, commandOptions }: Open311Options) {
  const { city } = gusp;
  const app = new Hono();
  const localeOf = (c: Context) => negotiateLocale(c.req.header('accept-language'));

  app.get('/:file{services\\.(?:json|xml)}', (c) => send(c, formatOf(c.req.path), { services: toOpen311Services(city, localeOf(c)) }));

  // Our services have no extra attributes (`metadata: false`): the definition is empty.
  app.get('/services/:file{[a-z0-9-]+\\.(?:json|xml)}', (c) => {
    const code = baseName(c.req.param('file'));
    if (!city.themes.some((t) => t.id === code)) return sendList(c, serverError('open311.unknown-service', localeOf(c), { serviceCode: code }));
    return send(c, formatOf(c.req.path), { service_definition: { service_code: code, attributes: [] } });
  });

  const requestsOf = async (c: Context) => {
    const [observations, engagements, walks] = await Promise.all([gusp.observations.list(), gusp.engagements.list(), gusp.walks.list()]);
    return toOpen311Requests(observations, city, { engagements, walks: walks.map((a) => a.walk), locale: localeOf(c) });
  };

  app.get('/:file{requests\\.(?:json|xml)}', async (c) => {
    const locale = localeOf(c);
    const q = (name: string) => c.req.query(name)?.trim() || undefined;
    const invalid = (field: string) => sendList(c, { ...serverError('request.invalid-query', locale, { field }), message: `${field}: ${serverError('request.invalid-query', locale).message}` });
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
    const statuses = q('status')?.split(',').map((s) => s.trim());
    if (statuses?.some((s) => s !== 'open' && s !== 'closed')) return invalid('status');
    const codes = q('service_code')?.split(',').map((s) => s.trim());
    const ids = q('service_request_id')?.split(',').map((s) => s.trim());
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
    return send(c, formatOf(c.req.path), { service_requests: list });
  });

  app.get('/requests/:file{[A-Za-z0-9_-]+\\.(?:json|xml)}', async (c) => {
    const id = baseName(c.req.param('file'));
    const found = (await requestsOf(c)).filter((r) => r.service_request_id === id);
    if (found.length === 0) return sendList(c, serverError('observation.not-found', localeOf(c), { observationId: id }));
    return send(c, formatOf(c.req.path), { service_requests: found });
  });

  // Form-encoded as the spec says; JSON accepted too. Values must be strings.
  app.post('/:file{requests\\.(?:json|xml)}', async (c) => {
    const locale = localeOf(c);
    const type = c.req.header('content-type') ?? '';
    let body: Record<string, string | undefined> = {};
    if (type.includes('application/json')) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(await c.req.text());
      } catch {
        return sendList(c, serverError('request.invalid-json', locale));
      }
      if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return sendList(c, serverError('request.invalid-json', locale));
      for (const [k, v] of Object.entries(parsed)) if (typeof v === 'string' || typeof v === 'number') body[k] = String(v);
    } else {
      body = Object.fromEntries(new URLSearchParams(await c.req.text()));
    }
    const submission = fromOpen311Request(body, city, locale);
    if (!submission.ok) return sendList(c, submission.error);
    const input = submission.value;
    const quartierId = input.quartierId ?? (input.point ? nearestQuartier(city, input.point) : undefined);
    if (quartierId === undefined) return sendList(c, serverError('open311.quartier-required', locale));
    const recorded = await gusp.observations.record({ ...input, quartierId } as never, commandOptions(c, 'open311'));
    if (!recorded.ok) return sendList(c, recorded.error);
    return send(c, formatOf(c.req.path), { service_requests: toOpen311PostResponse(recorded.value) }, 201);
  });

  // Last route, not `notFound` (a sub-app's is not used once mounted): anything else under /open311/v2.
  app.all('*', (c) => sendList(c, serverError('request.not-found', localeOf(c), { path: c.req.path })));
  return app;
}
