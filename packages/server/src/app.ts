// SPDX-License-Identifier: EUPL-1.2
/**
 * The HTTP API of GUSP, on Hono: middleware (language, body limits, CORS,
 * rate limit, errors), then the route groups of `routes/`, each a sub-app
 * mounted with `app.route` and described by `GET /api/openapi.json`. Routes call the
 * core's commands and queries; every refusal is a 4xx
 * `{ error: { code, message, details } }` in the caller's language
 * (Accept-Language, French by default).
 */
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { compression } from './http/compress.js';
import { Refusal, routeDeps, type AppOptions, type Env } from './http/context.js';
import { sendError, serverError } from './http/errors.js';
import { conditionalGet } from './http/etag.js';
import { negotiateLocale } from './http/messages.js';
import { rateLimiter, windowLimiter } from './http/rate-limit.js';
import { openApiDocument } from './http/openapi.js';
import { groupApp, type RouteGroup } from './http/route.js';
import { open311DiscoveryRoutes, open311Routes } from './open311.js';
import { MAX_PHOTO_BYTES } from './photos.js';
import { engagementImportRoutes, MAX_IMPORT_BYTES } from './routes/engagement-import.js';
import { engagementRoutes } from './routes/engagements.js';
import { geoRoutes } from './routes/geo.js';
import { observationRoutes, openDataRoutes, photoRoutes } from './routes/observations.js';
import { triageRoutes } from './routes/triage.js';
import { metaRoutes, pageRoutes } from './routes/pages.js';
import { privacyRoutes } from './routes/privacy.js';
import { challengeRoutes } from './routes/challenge.js';
import { consoleRoutes } from './routes/console.js';
import { staffRoutes } from './routes/staff.js';
import { projectGeoRoutes, projectRoutes } from './routes/projects.js';
import { walkStaffRoutes } from './routes/walk-staff.js';
import { workshopRoutes } from './routes/workshops.js';
import { quartierRoutes, walkRoutes } from './routes/walks.js';

export type { AppOptions } from './http/context.js';

export function createApp(options: AppOptions): Hono<Env> {
  const maxBytes = options.maxBodyBytes ?? 64 * 1024;
  const app = new Hono<Env>();
  const deps = routeDeps(options);

  app.use('*', async (c, next) => {
    const started = performance.now();
    c.set('locale', negotiateLocale(c.req.header('accept-language')));
    c.header('Content-Language', c.get('locale'));
    await next();
    options.onRequest?.({
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
    });
  });
  // Brotli or gzip for JSON, GeoJSON, CSV, HTML, calendars and XML (http/compress.ts), outside the conditional GET.
  app.use('*', compression());
  /**
   * Security headers, on every answer (errors and 404s included, whatever route wrote them):
   * `nosniff` everywhere; on HTML, a CSP that allows only this server's scripts (the demo loads
   * its elements from `/elements/…`; no page has an inline script) and styles, images from here
   * and from the public URL (photos), and framing by `frameAncestors` only. A token in the URL
   * (`/annulation?…&token=…`) must not leak through `Referer` to the next site: `no-referrer` there.
   */
  const frameAncestors = (options.frameAncestors && options.frameAncestors.length > 0 ? options.frameAncestors : ["'self'"]).join(' ');
  app.use('*', async (c, next) => {
    await next();
    const headers = c.res.headers;
    headers.set('X-Content-Type-Options', 'nosniff');
    const tokenInUrl = c.req.path === '/annulation' || c.req.query('token') !== undefined;
    headers.set('Referrer-Policy', tokenInUrl ? 'no-referrer' : 'strict-origin-when-cross-origin');
    if (/^text\/html/i.test(headers.get('content-type') ?? '')) {
      let photos = '';
      try {
        photos = ` ${new URL(deps.origin()).origin}`;
      } catch {
        // No valid public URL: photos from this server only.
      }
      headers.set(
        'Content-Security-Policy',
        `default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' blob: data:${photos}; connect-src 'self'; base-uri 'none'; form-action 'self'; object-src 'none'; frame-ancestors ${frameAncestors}`,
      );
    }
  });
  /**
   * No query parameter may hold a NUL character (`%00`): PostgreSQL text cannot store one, so a
   * filter carrying it into SQL would fail as a 500; refused here for every route at once, as 400
   * `request.invalid-query`, whatever the route does with its parameters.
   */
  app.use('*', async (c, next) => {
    const search = c.req.url.includes('?') ? new URL(c.req.url).searchParams : undefined;
    if (search) {
      for (const [name, value] of search) {
        if (name.includes('\u0000') || value.includes('\u0000'))
          return sendError(
            c,
            serverError('request.invalid-query', c.get('locale'), {
              [name.replaceAll('\u0000', '')]: value.replaceAll('\u0000', '\\0').slice(0, 100),
            }),
          );
      }
    }
    await next();
  });
  /**
   * Hono's `bodyLimit`, with its common case decided on the headers alone: it
   * reads `c.req.raw.body` first, which on the Node adapter turns every request
   * into a full web `Request` over a web stream (about a tenth of a sign-up's
   * CPU); GET and HEAD carry no body, and a body announced by `Content-Length`
   * (without `Transfer-Encoding`) is checked by that length as `bodyLimit` does
   * (Node's HTTP parser never delivers more than it announces). Anything else
   * (chunked bodies) goes through `bodyLimit`, which counts the bytes.
   */
  const limit = (max: number): MiddlewareHandler<Env> => {
    const tooLarge = (c: Context<Env>) => sendError(c, serverError('request.too-large', c.get('locale'), { maxBytes: max }));
    const counted = bodyLimit({ maxSize: max, onError: (c) => tooLarge(c as Context<Env>) });
    return (c, next) => {
      const method = c.req.method;
      if (method === 'GET' || method === 'HEAD') return next();
      const length = c.req.header('content-length');
      if (length !== undefined && c.req.header('transfer-encoding') === undefined) {
        return Number.parseInt(length || '0', 10) > max ? Promise.resolve(tooLarge(c)) : next();
      }
      return counted(c, next);
    };
  };
  const defaultLimit = limit(maxBytes);
  const photoLimit = limit(MAX_PHOTO_BYTES);
  // A CSV of engagements, their milestones in it, is more than a command's JSON.
  const importLimit = limit(MAX_IMPORT_BYTES);
  // An observation with its photos in one multipart request: three photos and the JSON.
  const observationLimit = limit(3 * MAX_PHOTO_BYTES + maxBytes);
  app.use('*', (c, next) => {
    if (c.req.method !== 'POST') return defaultLimit(c, next);
    if (c.req.path === '/api/photos') return photoLimit(c, next);
    if (c.req.path === '/api/engagements/import') return importLimit(c, next);
    if (c.req.path === '/api/observations' && /^multipart\/form-data/i.test(c.req.header('content-type') ?? ''))
      return observationLimit(c, next);
    return defaultLimit(c, next);
  });

  if (options.corsOrigins && options.corsOrigins.length > 0) {
    const allowed = new Set(options.corsOrigins);
    app.use(
      '/api/*',
      cors({
        origin: (origin) => (allowed.has(origin) ? origin : null),
        allowMethods: ['GET', 'POST', 'DELETE'],
        allowHeaders: ['Content-Type', 'Accept-Language', 'Idempotency-Key', 'X-Requested-With', 'X-Altcha', 'Authorization'],
        exposeHeaders: ['Content-Language', 'Retry-After'],
        maxAge: 600,
      }),
    );
    // The bundles too: `<script type="module" src="https://gusp…/elements/…">` on an allowed site is a CORS
    // request, which the browser refuses without this (docs/webmasters.md loads them so).
    app.use('/elements/*', cors({ origin: (origin) => (allowed.has(origin) ? origin : null), allowMethods: ['GET', 'HEAD'], maxAge: 600 }));
  }

  if (options.rateLimit) {
    const limiter = rateLimiter(options.rateLimit);
    const { signupsPerClient = 0, signupWindowMinutes = 60 } = options.rateLimit;
    const signups = signupsPerClient > 0 ? windowLimiter(signupsPerClient, signupWindowMinutes * 60_000) : undefined;
    // A walk's sign-ups, and a workshop's (the same registration routes).
    const signupPath = /^\/api\/(?:walks|workshops)\/([^/]+)\/registrations\/?$/;
    app.use('*', async (c, next) => {
      // The limit is for anonymous writes: staff with a valid token are not limited; any other
      // Authorization header (made up, revoked, expired) counts as anonymous.
      const write = c.req.method === 'POST' || c.req.method === 'DELETE';
      if (write && (await deps.whoIs(c)) === undefined) {
        const ip = deps.clientAddress(c);
        const wait = limiter.take(ip);
        if (wait > 0) {
          c.header('Retry-After', String(wait));
          return sendError(c, serverError('request.rate-limited', c.get('locale'), { retryAfterSeconds: wait }));
        }
        // Sign-ups to one walk (or workshop) from one client, whatever the emails they make up: a slot per sign-up, given back when refused.
        const gatheringId = signups && c.req.method === 'POST' ? signupPath.exec(c.req.path)?.[1] : undefined;
        if (signups && gatheringId !== undefined) {
          const key = `${gatheringId}\n${ip}`;
          const signupWait = signups.take(key);
          if (signupWait > 0) {
            c.header('Retry-After', String(signupWait));
            return sendError(
              c,
              serverError('request.signups-limited', c.get('locale'), { limit: signupsPerClient, retryAfterSeconds: signupWait }),
            );
          }
          await next();
          if (c.res.status !== 201) signups.giveBack(key);
          return;
        }
      }
      await next();
    });
  }

  // Conditional GET of the JSON and Open311 reads (http/etag.ts, which checks the path): innermost, so the tag is the route's own body.
  app.use('*', conditionalGet());

  app.onError((error, c) => {
    if (error instanceof Refusal) return sendError(c, error.error);
    options.onUnexpectedError?.(error, c);
    return sendError(c, serverError('internal.error', c.get('locale') ?? 'fr'));
  });
  app.notFound((c) => sendError(c, serverError('request.not-found', c.get('locale') ?? 'fr', { path: c.req.path })));

  // One list of route groups: the app mounts it, and the OpenAPI document describes it.
  let document: object | undefined;
  const groups: RouteGroup[] = [
    pageRoutes(deps),
    metaRoutes(deps, () => (document ??= openApiDocument(groups))),
    challengeRoutes(deps),
    walkRoutes(deps),
    walkStaffRoutes(deps),
    quartierRoutes(deps),
    projectRoutes(deps),
    projectGeoRoutes(deps),
    workshopRoutes(deps),
    photoRoutes(deps),
    observationRoutes(deps),
    triageRoutes(deps),
    openDataRoutes(deps),
    geoRoutes(deps),
    engagementImportRoutes(deps),
    engagementRoutes(deps),
    privacyRoutes(deps),
    staffRoutes(deps),
    open311Routes(deps),
    open311DiscoveryRoutes(deps),
    consoleRoutes(deps),
  ];
  for (const group of groups) app.route(group.base, groupApp(group));

  return app;
}
