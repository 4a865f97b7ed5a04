// SPDX-License-Identifier: EUPL-1.2
/** Observations and their photos: anyone reports, staff follow up; public views never carry the reporter's contact. */
import { observationsToCSV, toGeoJSON, type CommandOptions } from '@gusp/core';
import type { Context, Hono } from 'hono';
import type { Env, RouteDeps } from '../http/context.js';
import { publicObservation } from '../http/public-views.js';
import { cleanPhoto, MAX_PHOTO_BYTES, type PhotoType } from '../photos.js';

export function observationRoutes(app: Hono<Env>, deps: RouteDeps): void {
  const { gusp, options, refuse, jsonBody, commandOptions, staff, origin, unwrap } = deps;

  // Photos: sent first (raw bytes), then referred to by id in the observation.
  app.post('/api/photos', async (c) => {
    if (!options.photos) return refuse(c, 'request.not-found', { path: c.req.path });
    const cleaned = cleanPhoto(new Uint8Array(await c.req.arrayBuffer()));
    if (!cleaned.ok) return refuse(c, cleaned.code);
    const id = await options.photos.store(cleaned.type, cleaned.bytes);
    return c.json({ id, mediaType: cleaned.type, url: `${origin(c)}/api/photos/${id}` }, 201);
  });

  app.get('/api/photos/:photoId', async (c) => {
    const photo = await options.photos?.load(c.req.param('photoId'));
    if (!photo) return refuse(c, 'photo.not-found', { photoId: c.req.param('photoId') });
    return c.body(new Uint8Array(photo.bytes), 200, {
      'Content-Type': photo.type,
      'Cache-Control': 'public, max-age=31536000, immutable',
      'X-Content-Type-Options': 'nosniff',
    });
  });

  /**
   * An observation refers to photos by id: each must have been sent here, and
   * its type and URL are ours, whatever the client wrote.
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
    return { ...body, photos: ids.map((id) => ({ id, mediaType: known.get(id), url: `${origin(c)}/api/photos/${id}` })) };
  };

  /**
   * An observation sent with its photos in one `multipart/form-data` request
   * (what `<gusp-issue-form>` sends): an `observation` part (the input as
   * JSON, whose `photos` list `{ id, width, height }` chosen by the device)
   * and one `photo` part per photo, a file named `<id>.jpg`. Each photo is
   * cleaned and stored like `POST /api/photos`, and the input then refers to
   * the stored photos (their ids and URLs are ours).
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
      const cleaned = cleanPhoto(new Uint8Array(await file.arrayBuffer()));
      if (!cleaned.ok) return refuse(c, cleaned.code);
      const id = await options.photos.store(cleaned.type, cleaned.bytes);
      const size = (v: unknown) => (typeof v === 'number' ? v : undefined);
      photos.push({
        id,
        mediaType: cleaned.type,
        url: `${origin(c)}/api/photos/${id}`,
        ...(size(ref.width) === undefined ? {} : { width: ref.width }),
        ...(size(ref.height) === undefined ? {} : { height: ref.height }),
      });
    }
    return { ...body, photos };
  };

  // Observations: anyone may report; only staff speak for an agent or a walk.
  app.post('/api/observations', async (c) => {
    const opts = commandOptions(c, 'observation');
    const multipart = /^multipart\/form-data/i.test(c.req.header('content-type') ?? '');
    const body = multipart ? await multipartObservation(c) : await withStoredPhotos(c, await jsonBody(c));
    if (body !== null && typeof body === 'object' && !Array.isArray(body)) {
      const source = (body as { source?: unknown }).source;
      if (source !== undefined && source !== 'resident') {
        if (c.req.header('authorization') === undefined) return refuse(c, 'request.source-forbidden', { source });
        await staff(c, ['coordinator', 'agent']);
      }
    }
    const observation = unwrap(await gusp.observations.record(body as never, opts));
    // `observationId`: the receipt the elements read; the rest is the public observation.
    return c.json({ observationId: observation.id, ...publicObservation(observation) }, 201);
  });

  /** Follow-up of an observation, for coordinators and agents. */
  const observationActions = {
    qualify: (id: string, body: unknown, o: CommandOptions) => gusp.observations.qualify(id, body as never, o),
    reject: (id: string, body: unknown, o: CommandOptions) => gusp.observations.reject(id, body as never, o),
    'mark-duplicate': (id: string, body: unknown, o: CommandOptions) => gusp.observations.markDuplicate(id, body as never, o),
    resolve: (id: string, _body: unknown, o: CommandOptions) => gusp.observations.resolve(id, o),
  } as const;
  app.post('/api/observations/:observationId/:action{qualify|reject|mark-duplicate|resolve}', async (c) => {
    await staff(c, ['coordinator', 'agent']);
    const id = c.req.param('observationId');
    const action = c.req.param('action') as keyof typeof observationActions;
    const opts = commandOptions(c, `${action}:${id}`);
    const body = action === 'resolve' ? undefined : await jsonBody(c);
    return c.json(publicObservation(unwrap(await observationActions[action](id, body, opts))));
  });

  app.get('/api/observations', async (c) => {
    const quartier = c.req.query('quartier');
    const walk = c.req.query('walk');
    const list = (await gusp.observations.list())
      .filter((o) => (quartier === undefined || o.quartierId === quartier) && (walk === undefined || o.walkId === walk))
      .sort((a, b) => a.recordedAt.localeCompare(b.recordedAt))
      .map(publicObservation);
    return c.json({ observations: list });
  });

  app.get('/api/observations/stats', async (c) => {
    const quartierId = c.req.query('quartier');
    const yearText = c.req.query('year');
    const year = yearText === undefined ? undefined : Number(yearText);
    if (year !== undefined && !(Number.isInteger(year) && year >= 1900 && year <= 9999)) return refuse(c, 'request.invalid-query', { year: yearText });
    return c.json(await gusp.queries.observationStats({ ...(quartierId ? { quartierId } : {}), ...(year ? { year } : {}) }));
  });

  // GeoJSON (RFC 7946) and CSV (RFC 4180), without contacts.
  const publicWalks = async () => (await gusp.walks.list()).map((a) => a.walk).filter((w) => w.status !== 'draft');
  app.get('/api/observations.geojson', async (c) => {
    const observations = (await gusp.observations.list()).map((o) => publicObservation(o));
    const body = toGeoJSON(observations, gusp.city, { locale: c.get('locale'), walks: await publicWalks() });
    return c.body(JSON.stringify(body), 200, { 'Content-Type': 'application/geo+json; charset=utf-8' });
  });

  app.get('/api/observations.csv', async (c) => {
    const csv = observationsToCSV((await gusp.observations.list()).map((o) => publicObservation(o)));
    return c.body(csv, 200, { 'Content-Type': 'text/csv; charset=utf-8; header=present', 'Content-Disposition': 'attachment; filename="observations.csv"' });
  });
}
