// SPDX-License-Identifier: EUPL-1.2
/**
 * Conditional GET for the JSON (and Open311 XML) reads: every successful
 * `GET /api/*` or `/open311/v2/*` answer of type JSON or XML gets a strong
 * `ETag`, the digest of its identity body and of its language (the answer
 * depends on `Accept-Language`, hence `Vary: Accept-Language`), and
 * `Cache-Control: no-cache` (a browser or a proxy may keep it, and checks
 * with the server before each use). A request whose `If-None-Match` names the
 * current tag gets a `304` with no body: a refresh of unchanged data costs a
 * few hundred bytes instead of the list.
 *
 * The body is read whole to digest it, so streamed exports are left alone:
 * `*.geojson`, `*.csv` and `*.ics` answers (the .ics routes have their own
 * validators), any other type than JSON or XML, and any answer whose route
 * already chose its caching (it set `ETag` or `Cache-Control`, as the
 * challenge's `no-store` does). A route that streams JSON opts out by setting
 * its own `Cache-Control`.
 *
 * `compress.ts` runs outside this middleware: the tag is the identity body's,
 * whatever encoding the answer then goes in. `If-None-Match` is compared
 * weakly (RFC 9110 §13.1.2), so `W/"…"` names the same answer.
 */
import { createHash } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import type { Env } from './context.js';

/** The answers that are streamed or carry their own validators: never buffered here. */
const STREAMED_PATH = /\.(geojson|csv|ics)$/i;
/** The types digested: JSON (not GeoJSON, which is streamed) and XML. */
const DIGESTED_TYPE = /^\s*(application\/json|application\/xml|text\/xml)\s*(;|$)/i;

/** The opaque part of an entity tag, without its weakness (`W/"x"` and `"x"` compare equal). */
const opaque = (tag: string) => tag.trim().replace(/^W\//, '');

/**
 * The tag of `If-None-Match` (as the client sent it, weak or strong) that
 * names `etag` by weak comparison, `*` for a wildcard, or `undefined`.
 */
export function noneMatch(header: string | undefined, etag: string): string | undefined {
  if (header === undefined) return undefined;
  if (header.trim() === '*') return etag;
  const wanted = opaque(etag);
  return (header.match(/(W\/)?"[^"]*"/g) ?? []).find((tag) => opaque(tag) === wanted);
}

/** A strong entity tag: the digest of these bytes (and of what else the answer depends on). */
export function entityTag(body: Uint8Array | string, ...depends: readonly string[]): string {
  const hash = createHash('sha256');
  for (const part of depends) hash.update(part).update('\n');
  return `"${hash.update(body).digest('base64url').slice(0, 27)}"`;
}

/** Adds `field` to a `Vary` header value, once. */
export function varyOn(vary: string | null, field: string): string {
  if (!vary) return field;
  if (vary.trim() === '*' || vary.split(',').some((f) => f.trim().toLowerCase() === field.toLowerCase())) return vary;
  return `${vary}, ${field}`;
}

/**
 * Replaces the context's answer. Setting `c.res` over an existing one makes Hono
 * copy the old headers onto the new answer (a 304 would get back the 200's
 * `Content-Type` and `Content-Length`); clearing it first does not.
 */
export function replaceAnswer(c: Context, res: Response): void {
  c.res = undefined;
  c.res = res;
}

/** The headers a 304 keeps from its 200 (RFC 9110 §15.4.5), plus the language and the security ones. */
const KEPT_ON_304 = ['cache-control', 'content-location', 'date', 'expires', 'vary', 'content-language'];

/** The reads it validates: the JSON API and Open311. */
const VALIDATED_PATH = /^\/(api|open311)\//;

/**
 * The middleware, for `/api/*` and `/open311/*`: it checks the path itself, so it mounts on `*`
 * without adding routes to the app. Inside CORS and the security headers.
 */
export function conditionalGet(): MiddlewareHandler<Env> {
  return async (c, next) => {
    if (!VALIDATED_PATH.test(c.req.path)) return next();
    await next();
    // HEAD runs the GET route (Hono drops the body afterwards): the same validators.
    if ((c.req.method !== 'GET' && c.req.method !== 'HEAD') || c.res.status !== 200 || STREAMED_PATH.test(c.req.path)) return;
    const res = c.res;
    if (!DIGESTED_TYPE.test(res.headers.get('content-type') ?? '')) return;
    if (res.headers.has('etag') || res.headers.has('cache-control') || res.headers.has('content-encoding')) return;
    const body = new Uint8Array(await res.arrayBuffer());
    const etag = entityTag(body, c.get('locale') ?? '');
    const headers = new Headers(res.headers);
    headers.set('ETag', etag);
    headers.set('Cache-Control', 'no-cache');
    headers.set('Vary', varyOn(headers.get('vary'), 'Accept-Language'));
    const matched = noneMatch(c.req.header('if-none-match'), etag);
    if (matched !== undefined) {
      const kept = new Headers();
      for (const name of KEPT_ON_304) {
        const value = headers.get(name);
        if (value !== null) kept.set(name, value);
      }
      // The tag as the client holds it (weak or strong).
      kept.set('ETag', matched);
      replaceAnswer(c, new Response(null, { status: 304, headers: kept }));
      return;
    }
    headers.delete('content-length');
    replaceAnswer(c, new Response(body, { status: 200, headers }));
  };
}
