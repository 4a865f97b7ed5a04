// SPDX-License-Identifier: EUPL-1.2
/**
 * The console's HTTP calls to the GUSP API: the session cookie goes with every request
 * (`credentials: 'same-origin'`: the console is served by the server, or behind the same origin),
 * and an unsafe method carries the session's `X-CSRF-Token` (from the sign-in's answer or
 * `GET /api/staff/me`), which the server checks with `Origin`.
 */
import type { GuspError } from '@gusp/core';

/** The server answered with a refusal (`4xx` with `{ error: GuspError }`): retrying will not change it. */
export class ApiRefusal extends Error {
  constructor(
    readonly error: GuspError,
    readonly status: number,
  ) {
    super(error.message);
    this.name = 'ApiRefusal';
  }
}

/** No usable answer: offline, timeout, `5xx`, not JSON. Worth a retry. */
export class ApiUnavailable extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'ApiUnavailable';
  }
}

/** How long an answer may take before the request counts as failed. */
export const REQUEST_TIMEOUT_MS = 20_000;

/** The CSRF token of the session, by API base: one per server the page talks to. */
const csrfTokens = new Map<string, string>();

/** Keeps the session's CSRF token for `base` (after sign-in or `GET /me`); `undefined` forgets it (signed out). */
export function setCsrfToken(base: string, token: string | undefined): void {
  if (token) csrfTokens.set(base, token);
  else csrfTokens.delete(base);
}

export interface StaffRequest {
  readonly method?: 'GET' | 'POST' | 'DELETE';
  /** Sent as JSON. */
  readonly json?: unknown;
  /** `Accept-Language`: refusals come back in the screen's language. */
  readonly locale?: string;
  readonly signal?: AbortSignal;
  readonly timeout?: number;
}

const isGuspError = (value: unknown): value is GuspError =>
  !!value && typeof value === 'object' && typeof (value as GuspError).code === 'string' && typeof (value as GuspError).message === 'string';

/**
 * `base` + `path` as JSON; throws {@linkcode ApiRefusal} or {@linkcode ApiUnavailable}. Aborted
 * through `signal`, rejects with the signal's reason (a newer request replaced it).
 */
export async function staffRequest<T>(base: string, path: string, init: StaffRequest = {}): Promise<T> {
  const { method = 'GET', json, locale, signal, timeout = REQUEST_TIMEOUT_MS } = init;
  const headers = new Headers({ Accept: 'application/json' });
  if (locale) headers.set('Accept-Language', locale);
  if (json !== undefined) headers.set('Content-Type', 'application/json');
  const csrf = csrfTokens.get(base);
  if (method !== 'GET' && csrf) headers.set('X-CSRF-Token', csrf);
  const timer = new AbortController();
  const timeoutId = setTimeout(() => timer.abort(), timeout);
  const onAbort = () => timer.abort(signal?.reason);
  signal?.addEventListener('abort', onAbort, { once: true });
  if (signal?.aborted) onAbort();
  let response: Response;
  let body: unknown;
  try {
    try {
      response = await fetch(`${base}${path}`, {
        method,
        headers,
        credentials: 'same-origin',
        signal: timer.signal,
        ...(json !== undefined ? { body: JSON.stringify(json) } : {}),
      });
    } catch (cause) {
      if (signal?.aborted) throw signal.reason;
      throw new ApiUnavailable(timer.signal.aborted ? `No answer after ${timeout} ms` : String(cause));
    }
    try {
      body = await response.json();
    } catch {
      if (signal?.aborted) throw signal.reason;
      throw new ApiUnavailable(`Unreadable answer (${response.status})`, response.status);
    }
  } finally {
    clearTimeout(timeoutId);
    signal?.removeEventListener('abort', onAbort);
  }
  if (response.ok) return body as T;
  const error = (body as { error?: unknown } | null)?.error;
  if (response.status < 500 && isGuspError(error)) throw new ApiRefusal(error, response.status);
  throw new ApiUnavailable(isGuspError(error) ? error.message : `HTTP ${response.status}`, response.status);
}

/** The most pages {@linkcode staffPages} follows (100 of 100). */
export const MAX_PAGES = 100;

/** A paged list (`{ <key>: [...], next? }`) read to its end, each `next` as `?cursor=`; the first page's extras kept. */
export async function staffPages<T>(base: string, path: string, key: string, init: StaffRequest = {}): Promise<T> {
  type Page = Record<string, unknown>;
  const first = await staffRequest<Page>(base, path, init);
  const items: unknown[] = Array.isArray(first[key]) ? [...(first[key] as unknown[])] : [];
  let next = first.next;
  for (let pages = 1; typeof next === 'string' && next && pages < MAX_PAGES; pages++) {
    const sep = path.includes('?') ? '&' : '?';
    const page = await staffRequest<Page>(base, `${path}${sep}cursor=${encodeURIComponent(next)}`, init);
    if (Array.isArray(page[key])) items.push(...(page[key] as unknown[]));
    next = page.next;
  }
  const { next: _next, ...rest } = first;
  return { ...rest, [key]: items } as T;
}
