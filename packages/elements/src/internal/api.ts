// SPDX-License-Identifier: EUPL-1.2
/**
 * The few HTTP calls the elements make to a GUSP API, and the errors they
 * tell apart: a refusal from the server (a `GuspError` with a stable code,
 * which retrying will not change) or a failure of the network or server
 * (worth retrying, and the person's input must be kept).
 */
import type { GuspError } from '@gusp/core';
import { solve, type Challenge } from './challenge.js';

/** The server answered with a refusal (`4xx` with `{ error: GuspError }`). */
export class ApiRefusal extends Error {
  constructor(
    readonly error: GuspError,
    readonly status: number,
  ) {
    super(error.message);
    this.name = 'ApiRefusal';
  }
}

/** The request did not get a usable answer: offline, timeout, `5xx`, not JSON. */
export class ApiUnavailable extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'ApiUnavailable';
  }
}

function isGuspError(value: unknown): value is GuspError {
  return (
    !!value &&
    typeof value === 'object' &&
    typeof (value as GuspError).code === 'string' &&
    typeof (value as GuspError).message === 'string'
  );
}

/**
 * How long an answer may take before the request counts as failed (worth a
 * retry): a phone in the street can hang on a dead connection for minutes.
 */
export const REQUEST_TIMEOUT_MS = 20_000;

/** Options of {@linkcode requestJson} on top of `fetch`'s. */
export interface RequestOptions extends RequestInit {
  /** Sent as JSON (`Content-Type: application/json`). */
  readonly json?: unknown;
  /** Sent as `Accept-Language`, so refusals come back in the element's language. */
  readonly locale?: string;
  /** Milliseconds before giving up with {@linkcode ApiUnavailable}; {@linkcode REQUEST_TIMEOUT_MS} by default. */
  readonly timeout?: number;
}

/** Where a server that asked for proof of work gives its challenges, by the URL of the write: the next write solves first. */
const challengeUrls = new Map<string, string>();

/** The catch of a challenge's fetch: a refusal means the server stopped asking (forgotten); anything else is thrown. */
const notAsked = (url: string) => (error: unknown) => {
  if (!(error instanceof ApiRefusal)) throw error;
  challengeUrls.delete(url);
};

/**
 * A public write (a sign-up, an observation) through {@linkcode requestJson}, with
 * the proof of work a server may ask for (`403 request.challenge-required`, or
 * `-invalid` for a used or expired one): a fresh challenge from the URL it
 * names, solved, and the request sent again with `X-Altcha`. A server that
 * never asks costs nothing. The challenge is fetched when the write is sent,
 * so a write queued offline gets a fresh one; one still refused after two
 * solutions is {@linkcode ApiUnavailable} (not the person's doing: an outbox keeps it).
 */
export async function writeJson<T>(url: string, init: RequestOptions = {}): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    const headers = new Headers(init.headers);
    const challengeUrl = challengeUrls.get(url);
    // A server that no longer asks refuses the challenge (404): the write goes without, and it will say if it asks again.
    const challenge = challengeUrl && (await requestJson<Challenge>(challengeUrl, { locale: init.locale }).catch(notAsked(url)));
    if (challenge) headers.set('X-Altcha', await solve(challenge));
    try {
      return await requestJson<T>(url, { ...init, headers });
    } catch (error) {
      // Only the proof-of-work refusals (`request.challenge-*`) name a challenge URL, absolute.
      const where = error instanceof ApiRefusal && error.error.details.challenge;
      if (typeof where !== 'string') throw error;
      if (attempt > 1) throw new ApiUnavailable((error as ApiRefusal).message);
      challengeUrls.set(url, where);
    }
  }
}

/**
 * Sends a request and reads its JSON; throws {@linkcode ApiRefusal} or
 * {@linkcode ApiUnavailable} (also after `timeout`). Aborted through `signal`
 * (a newer request replaced it), it rejects with the signal's `AbortError`,
 * which callers ignore.
 */
export async function requestJson<T>(url: string, init: RequestOptions = {}): Promise<T> {
  const { json, locale, timeout = REQUEST_TIMEOUT_MS, signal, ...rest } = init;
  const headers = new Headers(rest.headers);
  headers.set('Accept', 'application/json');
  if (locale) headers.set('Accept-Language', locale);
  if (json !== undefined) headers.set('Content-Type', 'application/json');
  const timer = new AbortController();
  const timeoutId = setTimeout(() => timer.abort(), timeout);
  const onAbort = () => timer.abort(signal?.reason);
  signal?.addEventListener('abort', onAbort, { once: true });
  if (signal?.aborted) onAbort();
  let response: Response;
  let body: unknown;
  try {
    try {
      response = await fetch(url, {
        ...rest,
        headers,
        signal: timer.signal,
        ...(json !== undefined ? { body: JSON.stringify(json) } : {}),
      });
    } catch (cause) {
      if (signal?.aborted) throw signal.reason;
      throw new ApiUnavailable(
        timer.signal.aborted ? `No answer after ${timeout} ms` : cause instanceof Error ? cause.message : String(cause),
      );
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
  if (response.status >= 400 && response.status < 500 && isGuspError(error)) throw new ApiRefusal(error, response.status);
  throw new ApiUnavailable(isGuspError(error) ? error.message : `HTTP ${response.status}`, response.status);
}

/** The most pages {@linkcode requestAllPages} follows: 100 pages of 100, what the tracker's render bench draws (10,000). */
export const MAX_PAGES = 100;

/**
 * A paged list of the API (`{ <key>: [...], next?: "<cursor>", ...extra }`,
 * at most 100 items a page) read to its end: the first page, then each `next`
 * as `?cursor=` on the same URL, at most `maxPages` pages. Answers the first
 * page's body (its `city` and other extras) with every page's items under
 * `key` and no `next`. Each page is an ordinary GET, so the HTTP cache
 * revalidates it (`If-None-Match`) and an unchanged page costs a 304.
 */
export async function requestAllPages<T>(url: string, key: string, init: RequestOptions = {}, maxPages = MAX_PAGES): Promise<T> {
  type Page = Record<string, unknown> | null;
  const first = await requestJson<Page>(url, init);
  const items: unknown[] = Array.isArray(first?.[key]) ? [...(first[key] as unknown[])] : [];
  let next = first?.next;
  for (let pages = 1; typeof next === 'string' && next && pages < maxPages; pages++) {
    const pageUrl = new URL(url, document.baseURI);
    pageUrl.searchParams.set('cursor', next);
    const page = await requestJson<Page>(pageUrl.href, init);
    if (Array.isArray(page?.[key])) items.push(...(page[key] as unknown[]));
    next = page?.next;
  }
  if (!first || typeof first !== 'object') return first as T;
  const { next: _next, ...rest } = first;
  return { ...rest, [key]: items } as T;
}
