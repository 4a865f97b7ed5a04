// SPDX-License-Identifier: EUPL-1.2
/** Observations and their photos: anyone reports, staff follow up; public views never carry the reporter's contact. */
import {
  engagementCSVWriter,
  GEOJSON_COLLECTION_TEXT,
  Observation,
  ObservationId,
  observationCSVWriter,
  OBSERVATION_STATUSES,
  ObservationSource,
  QualifyObservationInput,
  ResolveInput,
  TriageNote,
  ReasonNoteInput,
  RecordObservationInput,
  toGeoJSONFeature,
  type Walk,
} from '@gusp/core';
import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import * as z from 'zod/mini';
import { staffCommandOptions } from '../http/actor.js';
import type { Env, RouteDeps } from '../http/context.js';
import { CSV_QUERY, csvFlavour, csvStream } from '../http/csv-answer.js';
import { listFilter } from '../http/list-filter.js';
import { keptJsonAnswer } from '../http/etag.js';
import { PAGE_HEADERS, PAGE_QUERY, pageAnswer, pageRequest } from '../http/page.js';
import { publicObservations } from '../http/public-views.js';
import { fileAnswer, jsonAnswer, jsonRoute, route, type RouteGroup } from '../http/route.js';
import { cleanPhoto, MAX_PHOTO_BYTES, photoLookup, photoUrl, withStoredPhotoUrls, type PhotoType } from '../photos.js';
import { engagementBatches } from '../read/engagements.js';
import { listPieces, textStream, walkLookup } from '../read/export-stream.js';
import { dayParam, idParam, listOrder, ORDER_QUERY, statusParam } from '../read/list-params.js';
import {
  observationBatches,
  observationStatsJson,
  observationKeyset,
  observationPage,
  type PublicObservation,
} from '../read/observations.js';
import { sqlParams } from '../sql.js';
import { SESSION_COOKIE } from '../staff/sessions.js';
import { engagementFilter } from './engagements.js';

/** What the public sees of an observation: everything but the reporter's contact. */
const PublicObservation = /* @__PURE__ */ z.omit(Observation, { reporter: true });
/** The core's `markDuplicate` input: the id of the observation this one repeats. */
const MarkDuplicateInput = /* @__PURE__ */ z.object({ of: ObservationId, note: TriageNote });
/** The core's `reject` input: a reason, as long as an engagement's (2,000 characters). */
const RejectObservationInput = ReasonNoteInput;

const observationId = { observationId: { description: 'The observation’s id.' } };

/**
 * The filters of `GET /api/observations`, which its GeoJSON and CSV exports take too: each says
 * its SQL condition over `read_observations` beside its match on an observation (`timeZone`: the
 * city's, whose calendar the date range reads).
 */
export const observationFilter = (timeZone: string) =>
  listFilter<Observation>({
    quartier: idParam('Only this quartier’s (its id).', 'quartier_id', (o) => o.quartierId),
    walk: idParam('Only those recorded during this walk (its id).', 'walk_id', (o) => o.walkId),
    theme: idParam('Only this theme’s (its id).', 'theme_id', (o) => o.themeId),
    status: statusParam('observations', OBSERVATION_STATUSES, 'status', (o) => o.status),
    organisation: idParam('Only those given to this organisation (its id).', 'organisation_id', (o) => o.organisationId),
    source: {
      description: `Only those from this source, or one of these (comma-separated): ${ObservationSource.options.map((v) => `\`${v}\``).join(', ')}.`,
      schema: { type: 'string', pattern: `^(${ObservationSource.options.join('|')})(,(${ObservationSource.options.join('|')}))*$` },
      valid: (text) => text.split(',').every((v) => (ObservationSource.options as readonly string[]).includes(v.trim())),
      matches: (o, text) =>
        text
          .split(',')
          .map((v) => v.trim())
          .includes(o.source),
      sql: (text, params) => `(doc->>'source') = ANY(${params.bind(text.split(',').map((v) => v.trim()))}::text[])`,
    },
    from: dayParam('from', 'those recorded', timeZone, 'recorded_day', (o) => o.recordedAt),
    to: dayParam('to', 'those recorded', timeZone, 'recorded_day', (o) => o.recordedAt),
  });
const followers = { roles: ['coordinator', 'agent'] } as const;
const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;

export function observationRoutes(deps: RouteDeps): RouteGroup {
  const { gusp, options, refuse, jsonBody, staff, origin, unwrap } = deps;
  /** Public observations, their photo URLs built from the public URL, deleted photos left out. */
  const presentAll = (list: readonly Observation[]) => publicObservations(list, origin(), photoLookup(options.photos));
  const present = async (o: Observation) => (await presentAll([o]))[0] as Omit<Observation, 'reporter'>;
  /** A page as it leaves: photo URLs from the public URL, deleted photos left out (one query for the page). */
  const shown = (list: readonly PublicObservation[]) => withStoredPhotoUrls(list, origin(), photoLookup(options.photos));
  const filter = observationFilter(gusp.city.timezone);
  /** The request's filters as SQL, checked now: a bad value is 400 before anything is read. */
  const validConditions = (c: Context<Env>) => {
    filter.where(c, sqlParams());
    return (params: Parameters<typeof filter.where>[1]) => filter.where(c, params);
  };
  /** The core looks the observation up before it reads the input: an unknown one stays 404 whatever the body. */
  const observationExists = async (c: Context<Env>, id: string) =>
    void unwrap(await gusp.observations.get(id, { locale: c.get('locale') }));

  /**
   * An observation refers to photos by id: each must have been sent here, and
   * its type is ours, whatever the client wrote. No URL is stored (a client's
   * would be trusted, and the server's depends on its public URL): it is built when read.
   */
  const withStoredPhotos = async (c: Context<Env>, body: unknown): Promise<unknown> => {
    if (body === null || typeof body !== 'object' || Array.isArray(body)) return body;
    const photos = (body as { photos?: unknown }).photos;
    if (!Array.isArray(photos) || photos.length === 0 || photos.length > 3) return body;
    const ids = photos.map((p) => (p !== null && typeof p === 'object' ? (p as { id?: unknown }).id : undefined));
    if (!ids.every((id): id is string => typeof id === 'string')) return body;
    const known = (await options.photos?.existing(ids)) ?? new Map<string, PhotoType>();
    const missing = ids.filter((id) => !known.has(id));
    if (missing.length > 0) return refuse(c, 'photo.unknown', { photoIds: missing });
    return { ...body, photos: ids.map((id) => ({ id, mediaType: known.get(id) })) };
  };

  /**
   * An observation sent with its photos in one `multipart/form-data` request
   * (what `<gusp-issue-form>` sends): an `observation` part (the input as
   * JSON, whose `photos` list `{ id, width, height }` chosen by the device)
   * and one `photo` part per photo, a file named `<id>.jpg`. Each photo is
   * cleaned and stored like `POST /api/photos`, and the input then refers to
   * the stored photos (their ids are ours; URLs are built when read).
   */
  const multipartObservation = async (c: Context<Env>): Promise<unknown> => {
    const invalid = (details: Record<string, unknown> = {}) => refuse(c, 'request.invalid-multipart', details);
    let form: FormData;
    try {
      form = await c.req.formData();
    } catch {
      return invalid();
    }
    const json = form.get('observation');
    if (typeof json !== 'string') return invalid({ part: 'observation' });
    let body: unknown;
    try {
      body = JSON.parse(json);
    } catch {
      return refuse(c, 'request.invalid-json');
    }
    const files = form.getAll('photo').filter((p): p is File => typeof p !== 'string');
    if (body === null || typeof body !== 'object' || Array.isArray(body)) return files.length === 0 ? body : invalid();
    const declared = (body as { photos?: unknown }).photos ?? [];
    if (!Array.isArray(declared) || declared.length > 3 || files.length !== declared.length) return invalid({ photos: files.length });
    if (files.length === 0) return body;
    if (!options.photos) return refuse(c, 'request.not-found', { path: c.req.path });
    const photos: Record<string, unknown>[] = [];
    for (const entry of declared as unknown[]) {
      const ref = entry !== null && typeof entry === 'object' ? (entry as { id?: unknown; width?: unknown; height?: unknown }) : {};
      const file = typeof ref.id === 'string' ? files.find((f) => f.name.replace(/\.[A-Za-z0-9]+$/, '') === ref.id) : undefined;
      if (!file) return invalid({ photo: ref.id });
      if (file.size > MAX_PHOTO_BYTES) return refuse(c, 'request.too-large', { maxBytes: MAX_PHOTO_BYTES });
      const cleaned = await cleanPhoto(new Uint8Array(await file.arrayBuffer()));
      if (!cleaned.ok) return refuse(c, cleaned.code, cleaned.details);
      const id = await options.photos.store(cleaned.type, cleaned.bytes);
      const size = (v: unknown) => (typeof v === 'number' ? v : undefined);
      photos.push({
        id,
        mediaType: cleaned.type,
        ...(size(ref.width) === undefined ? {} : { width: ref.width }),
        ...(size(ref.height) === undefined ? {} : { height: ref.height }),
      });
    }
    return { ...body, photos };
  };

  /**
   * Anyone may report; only staff speak for an agent or a walk (checked before the schema): a
   * token, or the back office's session (its cookie, with the session's `X-CSRF-Token` and the
   * public `Origin`, as every staff write: 403 `auth.csrf` without). A request with neither is the
   * public's: 403 `request.source-forbidden`.
   */
  const onlyStaffForOthers = async (c: Context<Env>, body: unknown) => {
    if (body === null || typeof body !== 'object' || Array.isArray(body)) return;
    const source = (body as { source?: unknown }).source;
    if (source !== undefined && source !== 'resident') {
      const session = options.staffAccounts !== undefined && getCookie(c, SESSION_COOKIE) !== undefined;
      if (c.req.header('authorization') === undefined && !session) refuse(c, 'request.source-forbidden', { source });
      await staff(c, followers.roles);
    }
  };

  return {
    base: '/api/observations',
    tag: 'observations',
    description:
      'Points positifs and dysfonctionnements: anyone reports, staff follow up. Public views never carry the reporter’s contact.',
    routes: [
      jsonRoute(deps, {
        method: 'post',
        path: '/',
        summary: 'Records an observation (alone, or with its photos in one multipart request)',
        description:
          'JSON refers to photos sent first with `POST /api/photos`. Multipart (what `<gusp-issue-form>` sends): an `observation` part (this input as JSON, its `photos` listing `{ id, width, height }`) and one `photo` file part per photo, named `<id>.jpg`. A `source` other than `resident` needs staff: a token, or the back office’s session cookie with its `X-CSRF-Token` (403 `auth.csrf` without); who sent it is recorded on its event (`by`).',
        access: { ...followers, when: '`source` is `walk` or `agent`' },
        idempotent: true,
        challenge: true,
        body: {
          schema: RecordObservationInput,
          read: async (c) =>
            /^multipart\/form-data/i.test(c.req.header('content-type') ?? '')
              ? multipartObservation(c)
              : withStoredPhotos(c, await jsonBody(c)),
          guard: onlyStaffForOthers,
          alsoAs: {
            'multipart/form-data': {
              schema: {
                type: 'object',
                properties: {
                  observation: { type: 'string', description: 'The input, as JSON.' },
                  photo: { type: 'array', maxItems: 3, items: { type: 'string', contentMediaType: 'image/jpeg' } },
                },
                required: ['observation'],
              },
            },
          },
        },
        responses: {
          201: jsonAnswer(
            'The public observation, and `observationId` (the receipt the elements read).',
            z.extend(PublicObservation, { observationId: ObservationId }),
          ),
        },
        handler: async (c, input) => {
          // Who sent it, when staff did (a walk's agent, by token or session): the event's `by`.
          const observation = unwrap(await gusp.observations.record(input, await staffCommandOptions(c, deps, 'observation')));
          // `observationId`: the receipt the elements read; the rest is the public observation.
          return c.json({ observationId: observation.id, ...(await present(observation)) }, 201);
        },
      }),
      // Follow-up of an observation, for coordinators and agents.
      jsonRoute(deps, {
        method: 'post',
        path: '/:observationId/qualify',
        summary: 'Gives the observation to a responsible organisation, with a severity',
        access: followers,
        idempotent: true,
        params: observationId,
        body: { schema: QualifyObservationInput, invalid: (c) => observationExists(c, c.req.param('observationId')) },
        responses: { 200: jsonAnswer('The public observation, qualified.', PublicObservation) },
        handler: async (c, input) => {
          const id = c.req.param('observationId');
          return c.json(
            await present(unwrap(await gusp.observations.qualify(id, input, await staffCommandOptions(c, deps, `qualify:${id}`)))),
          );
        },
      }),
      jsonRoute(deps, {
        method: 'post',
        path: '/:observationId/reject',
        summary: 'Sets the observation aside, with a reason',
        access: followers,
        idempotent: true,
        params: observationId,
        body: { schema: RejectObservationInput, invalid: (c) => observationExists(c, c.req.param('observationId')) },
        responses: { 200: jsonAnswer('The public observation, rejected.', PublicObservation) },
        handler: async (c, input) => {
          const id = c.req.param('observationId');
          return c.json(
            await present(unwrap(await gusp.observations.reject(id, input, await staffCommandOptions(c, deps, `reject:${id}`)))),
          );
        },
      }),
      jsonRoute(deps, {
        method: 'post',
        path: '/:observationId/mark-duplicate',
        summary: 'Marks the observation as a duplicate of another one',
        access: followers,
        idempotent: true,
        params: observationId,
        body: { schema: MarkDuplicateInput, invalid: (c) => observationExists(c, c.req.param('observationId')) },
        responses: { 200: jsonAnswer('The public observation, a duplicate.', PublicObservation) },
        handler: async (c, input) => {
          const id = c.req.param('observationId');
          return c.json(
            await present(
              unwrap(await gusp.observations.markDuplicate(id, input, await staffCommandOptions(c, deps, `mark-duplicate:${id}`))),
            ),
          );
        },
      }),
      jsonRoute(deps, {
        method: 'post',
        path: '/:observationId/resolve',
        summary: 'Marks a qualified observation as fixed straight away',
        description: 'Without a body, or `{ note? }`: the staff’s answer (a response template, edited), public.',
        access: followers,
        idempotent: true,
        params: observationId,
        body: { schema: ResolveInput, empty: {}, invalid: (c) => observationExists(c, c.req.param('observationId')) },
        responses: { 200: jsonAnswer('The public observation, resolved.', PublicObservation) },
        handler: async (c, input) => {
          const id = c.req.param('observationId');
          return c.json(
            await present(unwrap(await gusp.observations.resolve(id, await staffCommandOptions(c, deps, `resolve:${id}`), input))),
          );
        },
      }),
      route(deps, {
        method: 'get',
        path: '/',
        summary: 'Public observations, a page at a time, oldest first',
        description:
          'Filtered by any of the parameters (all given must match), sorted by the recording instant, ties by id (`order=newest`: the other way round), a page of at most `limit` at a time: follow `next` (or the `Link` header) to the end. Read from the read model, which holds every observation written before the request.',
        query: { ...filter.query, ...ORDER_QUERY('the recording instant'), ...PAGE_QUERY },
        responses: {
          200: {
            ...jsonAnswer(
              '`{ observations, next? }`, without reporters’ contacts; `next`: the cursor of the next page, when there is one.',
            ),
            headers: PAGE_HEADERS,
          },
        },
        handler: async (c) => {
          const order = listOrder(c);
          const page = pageRequest(c, observationKeyset(order));
          const conditions = validConditions(c);
          const found = await observationPage(await deps.read(), conditions, page, order);
          return pageAnswer(c, origin(), 'observations', { ...found, items: await shown(found.items) });
        },
      }),
      route(deps, {
        method: 'get',
        path: '/stats',
        summary: 'Observation counts by theme, status and month',
        description:
          'Counted in the read model (grouped counts), with the core’s definitions: duplicates and rejected observations left out.',
        query: {
          quartier: { description: 'Only this quartier’s (its id).' },
          walk: { description: 'Only those recorded during this walk (its id).' },
          year: { description: 'Only this year’s (the city’s calendar).', schema: { type: 'integer', minimum: 1900, maximum: 9999 } },
        },
        responses: { 200: jsonAnswer('The statistics.') },
        handler: async (c) => {
          const quartierId = c.req.query('quartier');
          const walkId = c.req.query('walk');
          const yearText = c.req.query('year');
          const year = yearText === undefined ? undefined : Number(yearText);
          if (year !== undefined && !(Number.isInteger(year) && year >= 1900 && year <= 9999))
            return refuse(c, 'request.invalid-query', { year: yearText });
          const stats = await observationStatsJson(await deps.read(), {
            quartierId: quartierId || undefined,
            walkId: walkId || undefined,
            year: year || undefined,
          });
          return keptJsonAnswer(c, stats);
        },
      }),
    ],
  };
}

/** Photos: sent first (raw bytes), then referred to by id in the observation. */
export function photoRoutes(deps: RouteDeps): RouteGroup {
  const { options, refuse, origin } = deps;
  return {
    base: '/api/photos',
    tag: 'observations',
    description: 'Photos of observations, cleaned of their metadata (EXIF, GPS).',
    routes: [
      route(deps, {
        method: 'post',
        path: '/',
        summary: 'Stores a photo (JPEG, PNG or WebP bytes), cleaned of its metadata',
        challenge: true,
        body: { content: Object.fromEntries(IMAGE_TYPES.map((t) => [t, { schema: { type: 'string', contentMediaType: t } }])) },
        responses: { 201: jsonAnswer('`{ id, mediaType, url }`: the id to give with the observation.') },
        handler: async (c) => {
          if (!options.photos) return refuse(c, 'request.not-found', { path: c.req.path });
          const cleaned = await cleanPhoto(new Uint8Array(await c.req.arrayBuffer()));
          if (!cleaned.ok) return refuse(c, cleaned.code, cleaned.details);
          const id = await options.photos.store(cleaned.type, cleaned.bytes);
          return c.json({ id, mediaType: cleaned.type, url: photoUrl(origin(), id) }, 201);
        },
      }),
      route(deps, {
        method: 'get',
        path: '/:photoId',
        summary: 'A stored photo',
        params: { photoId: { description: 'The photo’s id.' } },
        responses: {
          200: {
            description: 'The cleaned image.',
            content: Object.fromEntries(IMAGE_TYPES.map((t) => [t, { schema: { type: 'string', contentMediaType: t } }])),
          },
        },
        handler: async (c) => {
          const photo = await options.photos?.load(c.req.param('photoId'));
          if (!photo) return refuse(c, 'photo.not-found', { photoId: c.req.param('photoId') });
          return c.body(new Uint8Array(photo.bytes), 200, {
            'Content-Type': photo.type,
            // Revalidated, not immutable: a redaction replaces a photo's bytes under the same URL.
            'Cache-Control': 'public, no-cache',
            ETag: `"${createHash('sha256').update(photo.bytes).digest('base64url').slice(0, 27)}"`,
            'X-Content-Type-Options': 'nosniff',
          });
        },
      }),
    ],
  };
}

/**
 * Open data: GeoJSON (RFC 7946) and CSV (RFC 4180) of public observations and
 * engagements, without contacts. Each takes the filters of its JSON list, and
 * names, labels and stops' points as GeoJSON gives them.
 */
export function openDataRoutes(deps: RouteDeps): RouteGroup {
  const { gusp, options, origin, refuse } = deps;
  const { city } = gusp;
  const filter = observationFilter(city.timezone);
  const engagements = engagementFilter(city.timezone);
  /**
   * The observations of the request's filters, in the list's order, a batch at a time as they
   * leave: photo URLs from the public URL and deleted photos left out per batch, with the
   * published walks they name (a stop's point and label).
   */
  async function* observationsOf(c: Context<Env>) {
    filter.where(c, sqlParams());
    const order = listOrder(c);
    const sql = await deps.read();
    const walks = walkLookup(sql, { published: true });
    for await (const batch of observationBatches(sql, (params) => filter.where(c, params), order)) {
      const shown = await withStoredPhotoUrls(batch, origin(), photoLookup(options.photos));
      yield { observations: shown, walks: await walks(shown) };
    }
  }
  const exportQuery = (list: string) => ({ ...ORDER_QUERY(list) });
  return {
    base: '/api',
    tag: 'open data',
    description: 'Public observations and engagements as GeoJSON and CSV, without contacts, streamed from the read models.',
    routes: [
      route(deps, {
        method: 'get',
        path: '/observations.geojson',
        summary: 'Public observations as GeoJSON (RFC 7946)',
        description:
          'The observations `GET /api/observations` lists with the same filters and in the same order (every page of it), streamed as they are read; one without a point of its own is placed at its stop.',
        query: { ...filter.query, ...exportQuery('the recording instant') },
        responses: { 200: fileAnswer('A FeatureCollection of points.', 'application/geo+json') },
        handler: async (c) => {
          const locale = c.get('locale');
          const batches = observationsOf(c);
          const body = await textStream(
            listPieces(mapped(batches), GEOJSON_COLLECTION_TEXT, (items) =>
              items.map(({ o, walks }) => JSON.stringify(toGeoJSONFeature(o, city, { locale, walks }))),
            ),
          );
          return c.body(body, 200, { 'Content-Type': 'application/geo+json; charset=utf-8' });
        },
      }),
      route(deps, {
        method: 'get',
        path: '/observations.csv',
        summary: 'Public observations as CSV (RFC 4180)',
        description:
          'The observations `GET /api/observations` lists with the same filters and in the same order, streamed as they are read. One without a point of its own gets its stop’s `lat`/`lon` (`location` says which); labels and names are in the request’s language.',
        query: { ...filter.query, ...exportQuery('the recording instant'), ...CSV_QUERY },
        responses: { 200: fileAnswer('One line per observation, with a header.', 'text/csv') },
        handler: async (c) => {
          const writer = observationCSVWriter({ ...csvFlavour(c, refuse), city, locale: c.get('locale') });
          const batches = observationsOf(c);
          const body = await textStream(
            listPieces(mapped(batches), { head: writer.header, separator: '', tail: '' }, (items) =>
              items.map(({ o, walks }) => writer.line(o, walks)),
            ),
          );
          return csvStream(c, body, 'observations.csv');
        },
      }),
      route(deps, {
        method: 'get',
        path: '/engagements.csv',
        summary: 'Engagements as CSV (RFC 4180)',
        description:
          'The engagements `GET /api/engagements` lists with the same filters and in the same order, streamed as they are read; labels, names and milestones in words are in the request’s language.',
        query: { ...engagements.query, ...exportQuery('the proposal instant'), ...CSV_QUERY },
        responses: { 200: fileAnswer('One line per engagement, with a header.', 'text/csv') },
        handler: async (c) => {
          const writer = engagementCSVWriter({ ...csvFlavour(c, refuse), city, locale: c.get('locale') });
          engagements.where(c, sqlParams());
          const order = listOrder(c);
          const batches = engagementBatches(await deps.read(), (params) => engagements.where(c, params), order);
          const body = await textStream(
            listPieces(batches, { head: writer.header, separator: '', tail: '' }, (items) => items.map((e) => writer.line(e))),
          );
          return csvStream(c, body, 'engagements.csv');
        },
      }),
    ],
  };
}

/** Each observation of each batch with the walks of its batch. */
async function* mapped(
  batches: AsyncIterable<{ observations: readonly PublicObservation[]; walks: readonly Walk[] }>,
): AsyncGenerator<{ o: PublicObservation; walks: readonly Walk[] }[]> {
  for await (const { observations, walks } of batches) yield observations.map((o) => ({ o, walks }));
}
