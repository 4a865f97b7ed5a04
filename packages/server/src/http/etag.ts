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
 * The answer of `body` (its `headers` already set) validated by `etag`: a `304` with the headers
 * it keeps when `If-None-Match` names the tag, else the `200`, with `ETag`, `Cache-Control:
 * no-cache` and `Vary: Accept-Language`.
 */
function validated(c: Context<Env>, body: Uint8Array<ArrayBuffer>, headers: Headers, etag: string): Response {
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
    return new Response(null, { status: 304, headers: kept });
  }
  headers.delete('content-length');
  return new Response(body, { status: 200, headers });
}

/**
 * A JSON body computed once and answered many times (an aggregate kept until the read models
 * change, `read/memo.ts`): its bytes, and its tag in each language, digested once.
 */
export interface KeptJson {
  readonly bytes: Uint8Array<ArrayBuffer>;
  readonly tags: Map<string, string>;
}

/** `text` as a {@linkcode KeptJson}. */
export function keptJson(text: string): KeptJson {
  return { bytes: new TextEncoder().encode(text), tags: new Map() };
}

/**
 * The answer of a {@linkcode KeptJson}, validated as the middleware validates any JSON (the same
 * tag, `304` and headers), without reading or digesting its bytes again: with the compression's
 * kept bytes (`compress.ts`), a repeated question costs neither a digest nor a compression.
 */
export function keptJsonAnswer(c: Context<Env>, kept: KeptJson): Response {
  const locale = c.get('locale') ?? '';
  let etag = kept.tags.get(locale);
  if (etag === undefined) kept.tags.set(locale, (etag = entityTag(kept.bytes, locale)));
  return validated(c, kept.bytes, new Headers({ 'Content-Type': 'application/json' }), etag);
}

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
    replaceAnswer(c, validated(c, body, new Headers(res.headers), entityTag(body, c.get('locale') ?? '')));
  };
}
