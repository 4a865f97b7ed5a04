// SPDX-License-Identifier: EUPL-1.2
/**
 * Every refusal leaves the server as `{ error: { code, message, details } }`
 * with a 4xx status: `code` is stable (the core's, or the server's own),
 * `message` is in the caller's language.
 */
import { errorMessage, type GuspError } from '@gusp/core';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { serverMessage, type ServerLocale } from './messages.js';

/** Refusals that depend on the state of things, not on what was sent: 409. */
const CONFLICT_CODES: ReadonlySet<string> = new Set([
  'walk.invalid-transition',
  'walk.registration-closed',
  'walk.full',
  'walk.too-early-to-start',
  'registration.invalid-transition',
  'registration.duplicate-email',
  'registration.walk-not-underway',
  'registration.walk-over',
  'observation.invalid-transition',
  'observation.walk-not-underway',
  'report.walk-not-done',
  'report.invalid-transition',
  'engagement.invalid-transition',
  'store.conflict',
]);

const FORBIDDEN_CODES: ReadonlySet<string> = new Set(['engagement.forbidden-organisation', 'request.source-forbidden']);

const STATUS_OF_SERVER_CODE: Readonly<Record<string, ContentfulStatusCode>> = {
  'request.invalid-json': 400,
  'request.invalid-multipart': 400,
  'request.too-large': 413,
  'request.not-found': 404,
  'request.rate-limited': 429,
  'request.invalid-idempotency-key': 400,
  'request.token-required': 400,
  'request.invalid-query': 400,
  'request.invalid-months': 422,
  'open311.quartier-required': 422,
  'photo.unsupported-type': 415,
  'photo.invalid': 422,
  'photo.unknown': 422,
  'auth.required': 401,
  'auth.invalid-token': 401,
  'auth.forbidden': 403,
  'internal.error': 500,
};

/** The HTTP status of an error code. */
export function statusOf(code: string): ContentfulStatusCode {
  const own = STATUS_OF_SERVER_CODE[code];
  if (own !== undefined) return own;
  if (code.endsWith('.not-found')) return 404;
  if (FORBIDDEN_CODES.has(code)) return 403;
  if (CONFLICT_CODES.has(code)) return 409;
  // validation.invalid, and rules about what was sent (consent, contact, unknown theme…).
  return 422;
}

export interface ErrorBody {
  readonly error: { readonly code: string; readonly message: string; readonly details: Readonly<Record<string, unknown>> };
}

/** An error of the server itself, localized. */
export function serverError(code: string, locale: ServerLocale, details: Record<string, unknown> = {}): GuspError {
  return { code, message: serverMessage(code, locale, details) ?? errorMessage(code, locale, details), details };
}

/** Sends a refusal: status from the code, body in the error envelope. */
export function sendError(c: Context, error: GuspError): Response {
  const body: ErrorBody = { error: { code: error.code, message: error.message, details: error.details } };
  return c.json(body, statusOf(error.code));
}
