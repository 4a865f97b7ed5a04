// SPDX-License-Identifier: EUPL-1.2
/**
 * The few HTTP calls the elements make to a GUSP API, and the errors they
 * tell apart: a refusal from the server (a `GuspError` with a stable code,
 * which retrying will not change) or a failure of the network or server
 * (worth retrying, and the person's input must be kept).
 */
import type { GuspError } from '@gusp/core';

/** The server answered with a refusal (`4xx` with `{ error: GuspError }`). */
export class ApiRefusal extends Error {
  constructor(readonly error: GuspError, readonly status: number) {
    super(error.message);
    this.name = 'ApiRefusal';
  }
}

/** The request did not get a usable answer: offline, timeout, `5xx`, not JSON. */
export class ApiUnavailable extends Error {
  constructor(message: string, readonly status?: number) {
    super(message);
    this.name = 'ApiUnavailable';
  }
}

function isGuspError(value: unknown): value is GuspError {
  return !!value && typeof value === 'object' && typeof (value as GuspError).code === 'string' && typeof (value as GuspError).message === 'string';
}

/** Sends a request and reads its JSON; throws {@linkcode ApiRefusal} or {@linkcode ApiUnavailable}. */
export async function requestJson<T>(url: string, init: RequestInit & { json?: unknown; locale?: string } = {}): Promise<T> {
  const { json, locale, ...rest } = init;
  const headers = new Headers(rest.headers);
  headers.set('Accept', 'application/json');
  if (locale) headers.set('Accept-Language', locale);
  if (json !== undefined) headers.set('Content-Type', 'application/json');
  let response: Response;
  try {
    response = await fetch(url, { ...rest, headers, ...(json !== undefined ? { body: JSON.stringify(json) } : {}) });
  } catch (cause) {
    throw new ApiUnavailable(cause instanceof Error ? cause.message : String(cause));
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    throw new ApiUnavailable(`Unreadable answer (${response.status})`, response.status);
  }
  if (response.ok) return body as T;
  const error = (body as { error?: unknown } | null)?.error;
  if (response.status >= 400 && response.status < 500 && isGuspError(error)) throw new ApiRefusal(error, response.status);
  throw new ApiUnavailable(isGuspError(error) ? error.message : `HTTP ${response.status}`, response.status);
}
