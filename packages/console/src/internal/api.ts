// SPDX-License-Identifier: EUPL-1.2
/**
 * The console's HTTP calls to the GUSP API, on the public elements' shared `requestJson` and
 * `requestAllPages` (`@gusp/elements/shared/api.js`: the same timeout, refusal and failure
 * errors, and paging): the session cookie goes with every request (`credentials: 'same-origin'`:
 * the console is served by the server, or behind the same origin), and an unsafe method carries
 * the session's `X-CSRF-Token` (from the sign-in's answer or `GET /api/staff/me`), which the
 * server checks with `Origin`.
 */
import { requestAllPages, requestJson, type RequestOptions } from '@gusp/elements/shared/api.js';

export { ApiRefusal, ApiUnavailable, REQUEST_TIMEOUT_MS } from '@gusp/elements/shared/api.js';

/** The CSRF token of the session, by API base: one per server the page talks to. */
const csrfTokens = new Map<string, string>();

/** Keeps the session's CSRF token for `base` (after sign-in or `GET /me`); `undefined` forgets it (signed out). */
export function setCsrfToken(base: string, token: string | undefined): void {
  if (token) csrfTokens.set(base, token);
  else csrfTokens.delete(base);
}

/** The session's CSRF token for `base`, when known: for a request the console does not make itself (the embedded issue form's). */
export function csrfTokenOf(base: string): string | undefined {
  return csrfTokens.get(base);
}

export interface StaffRequest {
  readonly method?: 'GET' | 'POST' | 'DELETE';
  /** More headers (an `Idempotency-Key`); the CSRF token is added on an unsafe method. */
  readonly headers?: Readonly<Record<string, string>>;
  /** Sent as JSON. */
  readonly json?: unknown;
  /** `Accept-Language`: refusals come back in the screen's language. */
  readonly locale?: string;
  readonly signal?: AbortSignal;
  readonly timeout?: number;
}

/** The shared request options of a staff request to `base`: the session cookie, and the CSRF token on an unsafe method. */
function staffInit(base: string, { method = 'GET', headers: more, json, locale, signal, timeout }: StaffRequest): RequestOptions {
  const headers = new Headers(more);
  const csrf = csrfTokens.get(base);
  if (method !== 'GET' && csrf) headers.set('X-CSRF-Token', csrf);
  return {
    method,
    headers,
    credentials: 'same-origin',
    ...(json !== undefined ? { json } : {}),
    ...(locale ? { locale } : {}),
    ...(signal ? { signal } : {}),
    ...(timeout !== undefined ? { timeout } : {}),
  };
}

/**
 * `base` + `path` as JSON; throws {@linkcode ApiRefusal} or {@linkcode ApiUnavailable}. Aborted
 * through `signal`, rejects with the signal's reason (a newer request replaced it).
 */
export function staffRequest<T>(base: string, path: string, init: StaffRequest = {}): Promise<T> {
  return requestJson<T>(`${base}${path}`, staffInit(base, init));
}

/** A paged list (`{ <key>: [...], next? }`) read to its end, each `next` as `?cursor=`; the first page's extras kept. */
export function staffPages<T>(base: string, path: string, key: string, init: StaffRequest = {}): Promise<T> {
  return requestAllPages<T>(`${base}${path}`, key, staffInit(base, init));
}
