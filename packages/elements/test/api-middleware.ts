// SPDX-License-Identifier: EUPL-1.2
/**
 * A real, tiny GUSP HTTP API for the browser tests, mounted in the test
 * runner's dev server: the real `@gusp/core` service over a memory store.
 * It speaks the wire format the elements expect (see src/internal/api.ts):
 *
 * - `GET  {base}/walks?upcoming=1&quartier=…` → `WalkListData` (the walks still to come and the city profile)
 * - `GET  {base}/walks/:id` → `WalkSignupData` (the walk summary and the city profile)
 * - `POST {base}/walks/:id/registrations` (a `RegisterInput`, `Idempotency-Key`) → 201 `RegistrationReceipt`,
 *   or 4xx `{ error: GuspError }`
 * - `POST {base}/workshops/:id/registrations`: the same, for a project's workshop (see `__test/workshops`)
 * - `GET  {base}/projects/:id` → `ProjectData` (the core's `projectPage` and the city profile)
 * - `GET  {base}/engagements` → `EngagementTrackerData` (the engagements and the city profile)
 * - `GET  {base}/city` → the `CityProfile`
 * - `POST {base}/observations` (`Idempotency-Key: <clientId>`) → 201 `{ observationId }`; the body is a
 *   `RecordObservationInput` as JSON, or, with photos, `multipart/form-data`: an `observation` part (that
 *   JSON) and one `photo` part per `photos[].id` (a JPEG named `<id>.jpg`, at most 3, ≤ 1600 px, no EXIF)
 *
 * and, for the tests only, routes that set the world up through the same service:
 *
 * - `POST {base}/__test/walks` `{ capacity?, fill?, quartierId?, title?, days?, then?: 'close' | 'cancel' | 'reschedule' | 'start' }` → `{ id }`
 * - `POST {base}/__test/workshops` `{ capacity?, fill?, title?, days?, project? }` → `{ id, projectId, summary }`: a workshop
 *   open for sign-up (its `WorkshopSummary`) of the test project titled `project` (« Réhabilitation des Bleuets »), in
 *   concertation, created on first use
 * - `GET  {base}/__test/workshops/:id/registrations` → the registrations stored (to count them)
 * - `POST {base}/__test/outage` `{ on: boolean }`: while on, registrations answer 503
 * - `GET  {base}/__test/walks/:id/registrations` → the registrations stored (to count them)
 * - `POST {base}/__test/network` `{ mode: 'up' | 'down' | 'lose-responses' }`: the connection of each
 *   POST to the API is cut before it is handled (`down`) or after (`lose-responses`: recorded, answer lost)
 * - `GET  {base}/__test/observations` → the observations stored
 * - `GET  {base}/__test/photos` → what was read of each photo received: `{ name, type, size, width, height, exif }`
 * - `POST {base}/__test/engagements` `{ title, quartierId, organisationId?, dueOn?, progress? }` → the engagement
 * - `POST {base}/__test/hold` `{ path }`: the next `GET {base}{path}` waits, unanswered, until…
 * - `POST {base}/__test/release` → answers the held request, then `{ aborted }`: whether the browser had
 *   given up on it first (a newer request aborted it). Without `release`, the held request never answers.
 * - `GET  {base}/__test/held` → once the held request has arrived
 * - `POST {base}/__test/fail-next` `{ path }`: the next `GET {base}{path}` answers 503
 * - `POST {base}/__test/challenge` `{ on: boolean, maxNumber? }`: while on, the two public writes need proof
 *   of work as the GUSP server asks it — a real ALTCHA challenge of `GET {base}/challenge` (altcha-lib, as the
 *   server), solved and sent in `X-Altcha`, each accepted once; else 403 `request.challenge-required` or
 *   `request.challenge-invalid` naming the challenge URL. `GET {base}/__test/challenge` → `{ issued, accepted, refused }`
 * - `GET  {base}/__test/reporters` → `{ description, reporter }` of each observation stored (the contact it kept)
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createChallenge, verifySolution } from 'altcha-lib/v1';
import { createGusp, memoryStore, valence, walkSummary, type GuspError, type RecordObservationInput, type RegisterInput } from '@gusp/core';

/** The part of Koa's context this middleware uses. */
interface Context {
  readonly method: string;
  readonly path: string;
  readonly querystring: string;
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  status: number;
  body: unknown;
  respond?: boolean;
  get(name: string): string;
  set(name: string, value: string): void;
}
type Next = () => Promise<unknown>;

/** The body of `POST {base}/__test/walks`: the walk to set up (see the routes above). */
export interface TestWalkOptions {
  capacity?: number;
  fill?: number;
  quartierId?: string;
  title?: string;
  days?: number;
  then?: 'close' | 'cancel' | 'reschedule' | 'start';
}

const DAY = 86_400_000;

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? JSON.parse(text) : {};
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** What a JPEG says of itself: its size (SOF marker) and whether it holds an EXIF segment (APP1 « Exif »). */
export function inspectJpeg(bytes: Uint8Array): { width: number; height: number; exif: boolean } | undefined {
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) return undefined;
  let exif = false;
  let at = 2;
  while (at + 4 <= bytes.length && bytes[at] === 0xff) {
    const marker = bytes[at + 1]!;
    const length = (bytes[at + 2]! << 8) | bytes[at + 3]!;
    if (marker === 0xe1 && String.fromCharCode(...bytes.subarray(at + 4, at + 8)) === 'Exif') exif = true;
    // SOF0…SOF15 except DHT (C4), JPG (C8) and DAC (CC): height then width.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: (bytes[at + 5]! << 8) | bytes[at + 6]!, width: (bytes[at + 7]! << 8) | bytes[at + 8]!, exif };
    }
    at += 2 + length;
  }
  return undefined;
}

/** Reads an observation as JSON, or as multipart/form-data with its photos (the contract in the elements' README). */
async function readObservation(ctx: Context): Promise<{ input: RecordObservationInput; photos: File[] } | { refusal: string }> {
  const body = await readBody(ctx.req);
  const type = ctx.get('Content-Type');
  if (!type.startsWith('multipart/form-data'))
    return { input: (body.length ? JSON.parse(body.toString('utf8')) : {}) as RecordObservationInput, photos: [] };
  // Node's fetch implementation parses multipart bodies: the same parser a server on undici would use.
  const form = await new Response(new Uint8Array(body), { headers: { 'Content-Type': type } }).formData();
  const json = form.get('observation');
  if (typeof json !== 'string') return { refusal: 'The `observation` part (JSON) is missing.' };
  const input = JSON.parse(json) as RecordObservationInput;
  const photos = form.getAll('photo').filter((p): p is File => typeof p !== 'string');
  const ids = (input.photos ?? []).map((p) => `${p.id}.jpg`);
  if (photos.length > 3) return { refusal: 'At most 3 photos.' };
  if (photos.length !== ids.length || photos.some((p) => !ids.includes(p.name)))
    return { refusal: 'Each `photo` part must match one `photos[].id`.' };
  if (photos.some((p) => p.type !== 'image/jpeg')) return { refusal: 'Photos are sent as JPEG.' };
  return { input, photos };
}

const statusOf = (error: GuspError): number => (error.code.endsWith('not-found') ? 404 : error.code === 'validation.invalid' ? 422 : 409);

/** Ten o'clock in Paris, `days` days from now, as ISO 8601 with offset. */
function futureMorning(days: number): string {
  const d = new Date(Date.now() + days * DAY);
  return `${d.toISOString().slice(0, 10)}T09:00:00+01:00`;
}

/** A promise with its resolver outside. */
function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = () => {};
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

/** A GET kept waiting by `/__test/hold`: what makes "a slow first answer" in a test. */
interface Held {
  readonly path: string;
  taken: boolean;
  aborted: boolean;
  readonly arrived: ReturnType<typeof deferred>;
  readonly released: ReturnType<typeof deferred>;
  readonly answered: ReturnType<typeof deferred>;
  readonly closed: ReturnType<typeof deferred>;
}

/**
 * How long `release` waits for the browser's abort to reach the server. Only a
 * request that was *not* aborted (the failure a test looks for) waits that long:
 * an abort ends the wait as soon as its connection closes.
 */
const ABORT_GRACE_MS = 1500;

export function apiMiddleware(base: string) {
  const gusp = createGusp({ city: valence, store: memoryStore() });
  const receivedPhotos: Record<string, unknown>[] = [];
  let outage = false;
  let network: 'up' | 'down' | 'lose-responses' = 'up';
  let held: Held | undefined;
  let failNext: string | undefined;
  const proof = { on: false, maxNumber: 5000, key: randomBytes(32).toString('hex'), spent: new Set<string>() };
  const proofCounts = { issued: 0, accepted: 0, refused: 0 };

  /** The proof-of-work check of a public write, as the server's `checkProofOfWork`: `true` when it may go on. */
  async function proven(ctx: Context): Promise<boolean> {
    if (!proof.on) return true;
    const solution = ctx.get('X-Altcha');
    let verdict: 'missing' | 'invalid' | 'spent' | 'ok' = 'missing';
    if (solution) {
      const signature = (() => {
        try {
          return String((JSON.parse(atob(solution)) as { signature?: unknown }).signature);
        } catch {
          return '';
        }
      })();
      verdict = !(await verifySolution(solution, proof.key)) ? 'invalid' : proof.spent.has(signature) ? 'spent' : 'ok';
      if (verdict === 'ok') proof.spent.add(signature);
    }
    if (verdict === 'ok') {
      proofCounts.accepted++;
      return true;
    }
    proofCounts.refused++;
    const code = verdict === 'missing' ? 'request.challenge-required' : 'request.challenge-invalid';
    const challenge = `http://${ctx.get('Host')}${base}/challenge`;
    send(ctx, 403, {
      error: { code, message: 'Preuve de travail requise.', details: { challenge, ...(verdict === 'missing' ? {} : { reason: verdict }) } },
    });
    return false;
  }

  const routes: { method: string; pattern: RegExp; handle: (ctx: Context, params: string[]) => Promise<void> }[] = [
    {
      method: 'GET',
      pattern: /^\/walks$/,
      async handle(ctx) {
        // What the server's GET /api/walks?upcoming=1 keeps: not started yet, open, closed or cancelled.
        const query = new URLSearchParams(ctx.querystring);
        const quartier = query.get('quartier');
        const now = new Date();
        const walks = (await gusp.walks.list())
          .filter((agg) => agg.walk.status !== 'draft' && (!quartier || agg.walk.quartierId === quartier))
          .map((agg) => walkSummary(agg, now))
          .filter(
            (s) =>
              query.get('upcoming') !== '1' ||
              (['open', 'closed', 'cancelled'].includes(s.status) && Date.parse(s.walk.startsAt) > now.getTime()),
          )
          .sort((a, b) => Date.parse(a.walk.startsAt) - Date.parse(b.walk.startsAt));
        send(ctx, 200, { walks, city: valence });
      },
    },
    {
      method: 'GET',
      pattern: /^\/walks\/([^/]+)$/,
      async handle(ctx, [id]) {
        const agg = await gusp.walks.get(id as string);
        if (!agg.ok) return send(ctx, statusOf(agg.error), { error: agg.error });
        send(ctx, 200, { ...walkSummary(agg.value, new Date()), city: valence });
      },
    },
    {
      method: 'POST',
      // A walk's or a project's workshop: the core's one registration implementation (`gusp.walks`, `gusp.workshops`).
      pattern: /^\/(walks|workshops)\/([^/]+)\/registrations$/,
      async handle(ctx, [kind, id]) {
        const input = (await readJson(ctx.req)) as RegisterInput;
        if (!(await proven(ctx))) return;
        if (outage) return send(ctx, 503, { error: { code: 'server.unavailable', message: 'Service unavailable', details: {} } });
        const clientId = ctx.get('Idempotency-Key') || undefined;
        const done = await (kind === 'workshops' ? gusp.workshops : gusp.walks).register(id as string, input, {
          locale: input.locale ?? 'fr',
          clientId,
        });
        if (!done.ok) return send(ctx, statusOf(done.error), { error: done.error });
        const { registration, status, position } = done.value;
        send(ctx, 201, { registrationId: registration.id, status, position, cancelToken: registration.cancelToken });
      },
    },
    {
      method: 'POST',
      pattern: /^\/__test\/walks$/,
      async handle(ctx) {
        const body = (await readJson(ctx.req)) as TestWalkOptions;
        // A walk to start now begins in ten minutes (it may start 30 minutes early).
        const soon = body.then === 'start';
        const walk = await gusp.walks.schedule({
          quartierId: body.quartierId ?? 'le-plan',
          ...(body.title ? { title: body.title } : {}),
          startsAt: soon ? new Date(Date.now() + 10 * 60_000).toISOString() : futureMorning(body.days ?? 30),
          ...(soon ? { registrationDeadline: new Date(Date.now() + 5 * 60_000).toISOString() } : {}),
          capacity: body.capacity ?? 25,
          meetingPoint: { label: 'Parvis de la maison de quartier' },
          stops: [{ label: 'Parvis de la maison de quartier' }, { label: 'Square des Bleuets' }],
        });
        if (!walk.ok) return send(ctx, 500, { error: walk.error });
        const id = walk.value.id;
        await gusp.walks.publish(id);
        for (let i = 0; i < (body.fill ?? 0); i++) {
          await gusp.walks.register(id, { name: `Personne ${i}`, email: `p${i}@example.org`, consent: true });
        }
        if (body.then === 'close') await gusp.walks.closeRegistrations(id);
        if (body.then === 'cancel') await gusp.walks.cancel(id, { reason: 'Alerte météo' });
        if (body.then === 'reschedule') await gusp.walks.reschedule(id, { startsAt: futureMorning(37) });
        if (body.then === 'start') {
          await gusp.walks.closeRegistrations(id);
          const started = await gusp.walks.start(id);
          if (!started.ok) return send(ctx, 500, { error: started.error });
        }
        send(ctx, 201, { id });
      },
    },
    {
      method: 'POST',
      pattern: /^\/__test\/outage$/,
      async handle(ctx) {
        outage = ((await readJson(ctx.req)) as { on?: boolean }).on === true;
        send(ctx, 200, { outage });
      },
    },
    {
      method: 'GET',
      pattern: /^\/__test\/walks\/([^/]+)\/registrations$/,
      async handle(ctx, [id]) {
        const agg = await gusp.walks.get(id as string);
        if (!agg.ok) return send(ctx, 404, { error: agg.error });
        send(
          ctx,
          200,
          agg.value.registrations.map((r) => ({ name: r.name, status: r.status, role: r.role, needs: r.needs })),
        );
      },
    },
  ];

  /** The test projects the workshops belong to, by title (the seed's Bleuets by default), in concertation; each created on first use. */
  const projects = new Map<string, Promise<string>>();
  const testProject = (title = 'Réhabilitation des Bleuets'): Promise<string> => {
    const known = projects.get(title);
    if (known) return known;
    const made = (async () => {
      const created = await gusp.projects.create({
        quartierId: 'le-plan',
        title,
        site: { label: 'Immeuble Les Bleuets', address: '12 rue des Bleuets, 26000 Valence' },
        landlordId: 'oph',
        partnerIds: ['compagnons-batisseurs'],
        description: 'La réhabilitation de l’un des plus anciens immeubles du Plan, faite avec ses habitants.',
      });
      if (!created.ok) throw new Error(created.error.message);
      for (const step of ['announce', 'startConcertation'] as const) {
        const done = await gusp.projects[step](created.value.id);
        if (!done.ok) throw new Error(done.error.message);
      }
      return created.value.id;
    })();
    projects.set(title, made);
    return made;
  };

  routes.push(
    {
      method: 'POST',
      pattern: /^\/__test\/workshops$/,
      async handle(ctx) {
        const body = (await readJson(ctx.req)) as { capacity?: number; fill?: number; title?: string; days?: number; project?: string };
        const projectId = await testProject(body.project);
        const scheduled = await gusp.workshops.schedule(projectId, {
          kind: 'consultation',
          title: body.title ?? 'Atelier du local des habitants',
          startsAt: futureMorning(body.days ?? 30),
          capacity: body.capacity ?? 15,
          place: { label: 'Local des habitants, 12 rue des Bleuets' },
        });
        if (!scheduled.ok) return send(ctx, 500, { error: scheduled.error });
        const id = scheduled.value.id;
        const published = await gusp.workshops.publish(id);
        if (!published.ok) return send(ctx, 500, { error: published.error });
        for (let i = 0; i < (body.fill ?? 0); i++) {
          await gusp.workshops.register(id, { name: `Personne ${i}`, email: `w${i}-${id}@example.org`, consent: true });
        }
        const summary = await gusp.queries.workshopSummary(id);
        if (!summary.ok) return send(ctx, 500, { error: summary.error });
        send(ctx, 201, { id, projectId, summary: summary.value });
      },
    },
    {
      method: 'GET',
      pattern: /^\/projects\/([^/]+)$/,
      async handle(ctx, [id]) {
        const page = await gusp.queries.projectPage(id as string);
        if (!page.ok) return send(ctx, statusOf(page.error), { error: page.error });
        send(ctx, 200, { ...page.value, city: valence });
      },
    },
    {
      method: 'GET',
      pattern: /^\/__test\/workshops\/([^/]+)\/registrations$/,
      async handle(ctx, [id]) {
        const agg = await gusp.workshops.get(id as string);
        if (!agg.ok) return send(ctx, 404, { error: agg.error });
        send(
          ctx,
          200,
          agg.value.registrations.map((r) => ({ name: r.name, status: r.status, role: r.role, needs: r.needs })),
        );
      },
    },
    {
      method: 'GET',
      pattern: /^\/challenge$/,
      async handle(ctx) {
        if (!proof.on) return send(ctx, 404, { error: { code: 'request.not-found', message: 'Not found', details: {} } });
        proofCounts.issued++;
        send(ctx, 200, await createChallenge({ hmacKey: proof.key, maxnumber: proof.maxNumber, expires: new Date(Date.now() + 600_000) }));
      },
    },
    {
      method: 'POST',
      pattern: /^\/__test\/challenge$/,
      async handle(ctx) {
        const body = (await readJson(ctx.req)) as { on?: boolean; maxNumber?: number };
        proof.on = body.on === true;
        proof.maxNumber = body.maxNumber ?? 5000;
        Object.assign(proofCounts, { issued: 0, accepted: 0, refused: 0 });
        send(ctx, 200, { on: proof.on });
      },
    },
    {
      method: 'GET',
      pattern: /^\/__test\/reporters$/,
      async handle(ctx) {
        send(
          ctx,
          200,
          (await gusp.observations.list()).map((o) => ({ description: o.description, reporter: o.reporter ?? null })),
        );
      },
    },
    {
      method: 'GET',
      pattern: /^\/__test\/challenge$/,
      async handle(ctx) {
        send(ctx, 200, proofCounts);
      },
    },
    {
      method: 'POST',
      pattern: /^\/__test\/hold$/,
      async handle(ctx) {
        const { path } = (await readJson(ctx.req)) as { path: string };
        held = { path, taken: false, aborted: false, arrived: deferred(), released: deferred(), answered: deferred(), closed: deferred() };
        send(ctx, 200, { path });
      },
    },
    {
      method: 'GET',
      pattern: /^\/__test\/held$/,
      async handle(ctx) {
        const h = held;
        if (!h) return send(ctx, 409, { error: { code: 'test.nothing-held', message: 'Nothing is held', details: {} } });
        await h.arrived.promise;
        send(ctx, 200, { path: h.path });
      },
    },
    {
      method: 'POST',
      pattern: /^\/__test\/fail-next$/,
      async handle(ctx) {
        failNext = ((await readJson(ctx.req)) as { path: string }).path;
        send(ctx, 200, { failNext });
      },
    },
    {
      method: 'POST',
      pattern: /^\/__test\/release$/,
      async handle(ctx) {
        const h = held;
        if (!h) return send(ctx, 409, { error: { code: 'test.nothing-held', message: 'Nothing is held', details: {} } });
        await h.arrived.promise;
        held = undefined;
        await Promise.race([h.closed.promise, new Promise((r) => setTimeout(r, ABORT_GRACE_MS))]);
        h.released.resolve();
        await h.answered.promise;
        send(ctx, 200, { aborted: h.aborted });
      },
    },
    {
      method: 'GET',
      pattern: /^\/city$/,
      async handle(ctx) {
        send(ctx, 200, valence);
      },
    },
    {
      method: 'POST',
      pattern: /^\/observations$/,
      async handle(ctx) {
        const read = await readObservation(ctx);
        if (!(await proven(ctx))) return;
        if ('refusal' in read) return send(ctx, 400, { error: { code: 'observation.invalid-upload', message: read.refusal, details: {} } });
        const { input } = read;
        for (const photo of read.photos) {
          const bytes = new Uint8Array(await photo.arrayBuffer());
          receivedPhotos.push({ name: photo.name, type: photo.type, size: bytes.length, ...inspectJpeg(bytes) });
        }
        const clientId = ctx.get('Idempotency-Key') || undefined;
        const done = await gusp.observations.record(input, { clientId, locale: ctx.get('Accept-Language') || 'fr' });
        if (!done.ok) return send(ctx, statusOf(done.error), { error: done.error });
        send(ctx, 201, { observationId: done.value.id, status: done.value.status });
      },
    },
    {
      method: 'POST',
      pattern: /^\/__test\/network$/,
      async handle(ctx) {
        network = ((await readJson(ctx.req)) as { mode: typeof network }).mode;
        send(ctx, 200, { network });
      },
    },
    {
      method: 'GET',
      pattern: /^\/__test\/photos$/,
      async handle(ctx) {
        send(ctx, 200, receivedPhotos);
      },
    },
    {
      method: 'GET',
      pattern: /^\/__test\/observations$/,
      async handle(ctx) {
        const list = await gusp.observations.list();
        send(
          ctx,
          200,
          list.map((o) => ({
            description: o.description,
            polarity: o.polarity,
            themeId: o.themeId,
            walkId: o.walkId,
            stopId: o.stopId,
            address: o.address,
            point: o.point,
            source: o.source,
          })),
        );
      },
    },
    {
      method: 'GET',
      pattern: /^\/engagements$/,
      async handle(ctx) {
        send(ctx, 200, { engagements: await gusp.engagements.list(), city: valence });
      },
    },
    {
      method: 'POST',
      pattern: /^\/__test\/engagements$/,
      async handle(ctx) {
        const body = (await readJson(ctx.req)) as {
          title: string;
          quartierId: string;
          organisationId?: string;
          dueOn?: string;
          progress?: number;
        };
        const proposed = await gusp.engagements.propose({ title: body.title, quartierId: body.quartierId });
        if (!proposed.ok) return send(ctx, 422, { error: proposed.error });
        const id = proposed.value.id;
        if (body.organisationId && body.dueOn) {
          const accepted = await gusp.engagements.accept(id, { organisationId: body.organisationId, dueOn: body.dueOn });
          if (!accepted.ok) return send(ctx, 422, { error: accepted.error });
          if (body.progress !== undefined) {
            await gusp.engagements.start(id, {});
            await gusp.engagements.progress(id, { percent: body.progress, note: 'Point d’étape' });
          }
        }
        const engagement = await gusp.engagements.get(id);
        send(ctx, 201, engagement.ok ? engagement.value : { error: engagement.error });
      },
    },
  );

  /** Answers one request from the routes above. */
  async function answer(ctx: Context, path: string): Promise<void> {
    const cut = () => {
      // A real cut connection: the browser's fetch rejects with a TypeError.
      // (502 only for the dev server's own log, which would otherwise count a 404; nothing is sent.)
      ctx.status = 502;
      ctx.respond = false;
      ctx.req.socket.destroy();
    };
    const testRoute = path.startsWith('/__test/');
    if (!testRoute && ctx.method === 'POST' && network === 'down') return cut();
    if (ctx.method === 'GET' && path === failNext) {
      // A server error, not a cut connection: Chromium silently retries a GET whose reused connection was reset.
      failNext = undefined;
      return send(ctx, 503, { error: { code: 'server.unavailable', message: 'Service unavailable', details: {} } });
    }
    for (const route of routes) {
      const match = route.method === ctx.method ? route.pattern.exec(path) : null;
      if (match) {
        await route.handle(ctx, match.slice(1));
        if (!testRoute && ctx.method === 'POST' && network === 'lose-responses') cut();
        return;
      }
    }
    return send(ctx, 404, { error: { code: 'route.not-found', message: 'Not found', details: {} } });
  }

  return async (ctx: Context, next: Next): Promise<unknown> => {
    if (!ctx.path.startsWith(`${base}/`)) return next();
    const path = ctx.path.slice(base.length);
    const h = held;
    if (!h || h.taken || ctx.method !== 'GET' || path !== h.path) return answer(ctx, path);
    h.taken = true;
    // 'close' before an answer was written: the browser gave up on this request.
    ctx.res.once('close', () => {
      if (ctx.res.writableEnded) return;
      h.aborted = true;
      h.closed.resolve();
    });
    h.arrived.resolve();
    await h.released.promise;
    try {
      if (h.aborted) ctx.respond = false;
      else await answer(ctx, path);
    } finally {
      h.answered.resolve();
    }
  };
}

function send(ctx: Context, status: number, body: unknown): void {
  ctx.status = status;
  ctx.set('Content-Type', 'application/json; charset=utf-8');
  ctx.set('Cache-Control', 'no-store');
  ctx.body = JSON.stringify(body);
}
