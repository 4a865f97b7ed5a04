// SPDX-License-Identifier: EUPL-1.2
/**
 * Every refusal leaves the server as `{ error: { code, message, details } }`
 * with a 4xx status: `code` is stable (the core's, or the server's own),
 * `message` is in the caller's language. Under `/open311`, the same refusal is
 * a GeoReport v2 error list instead, whoever refuses (a route, or the app's
 * body limit, rate limit and Idempotency-Key check, which come first).
 */
import { errorMessage, toOpen311ErrorList, toOpen311Xml, type GuspError } from '@gusp/core';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { serverMessage, type ServerLocale } from './messages.js';

/**
 * What kind of refusal a code is. This table is the server's one answer to
 * "which HTTP status?" for every surface: the JSON API and Open311 render the
 * same kind each in its own terms (see {@linkcode statusOf} and {@linkcode open311StatusOf}).
 */
type Kind =
  | 'bad-request'
  | 'unauthenticated'
  | 'forbidden'
  | 'not-found'
  /** Refused because of the state of things, not because of what was sent. */
  | 'conflict'
  /** Two writes crossed: the same request may succeed when retried. */
  | 'retry'
  | 'too-large'
  | 'unsupported-media'
  /** What was sent is well-formed but breaks a rule (validation, consent, unknown theme…). */
  | 'unprocessable'
  | 'rate-limited'
  | 'internal';

const CODE_KINDS: Readonly<Record<string, Kind>> = {
  'request.invalid-json': 'bad-request',
  'request.invalid-multipart': 'bad-request',
  'request.invalid-idempotency-key': 'bad-request',
  'request.idempotency-key-reused': 'unprocessable',
  'request.unsupported-media-type': 'unsupported-media',
  'request.signups-limited': 'rate-limited',
  'request.token-required': 'bad-request',
  'request.invalid-query': 'bad-request',
  'request.invalid-cursor': 'bad-request',
  'request.invalid-months': 'unprocessable',
  'request.too-large': 'too-large',
  'request.rate-limited': 'rate-limited',
  'request.source-forbidden': 'forbidden',
  'open311.unknown-service': 'not-found',
  'open311.quartier-required': 'unprocessable',
  // GeoReport's 403 too ("invalid api_key"): a client that cannot solve the challenge sends a staff token as api_key.
  'request.challenge-required': 'forbidden',
  'request.challenge-invalid': 'forbidden',
  'photo.unsupported-type': 'unsupported-media',
  'photo.invalid': 'unprocessable',
  // Refused from the header, before decoding: what was sent is an image, just too big to decode safely.
  'photo.too-many-pixels': 'unprocessable',
  'photo.unknown': 'unprocessable',
  'auth.required': 'unauthenticated',
  'auth.invalid-token': 'unauthenticated',
  'auth.forbidden': 'forbidden',
  'auth.session-invalid': 'unauthenticated',
  'auth.csrf': 'forbidden',
  'staff.sign-in-invalid': 'unauthenticated',
  'staff.session-required': 'unauthenticated',
  'staff.email-taken': 'conflict',
  'staff.account-deactivated': 'conflict',
  'staff.account-not-found': 'not-found',
  'staff.token-not-found': 'not-found',
  'staff.oidc-not-configured': 'not-found',
  // The provider may answer next time: the same request may succeed when retried.
  'staff.oidc-unavailable': 'retry',
  'staff.oidc-failed': 'unauthenticated',
  'staff.oidc-no-account': 'forbidden',
  'engagement.forbidden-organisation': 'forbidden',
  // Who acts, not what was sent: an organisation's staff never verify, whatever the body.
  'engagement.organisation-cannot-verify': 'forbidden',
  // A link of no participant's (forged, another engagement's, an erased person's): as if there were no such page.
  'engagement.verification-link-not-found': 'not-found',
  // The engagement was reopened since the email: no question to answer now.
  'engagement.not-awaiting-answers': 'conflict',
  'walk.invalid-transition': 'conflict',
  'walk.registration-closed': 'conflict',
  'walk.full': 'conflict',
  'walk.too-early-to-start': 'conflict',
  'registration.invalid-transition': 'conflict',
  'registration.duplicate-email': 'conflict',
  'registration.walk-not-underway': 'conflict',
  'registration.walk-over': 'conflict',
  // Staff act on a walk's state: a phone-in once the walk started (add a walk-in), a walk-in outside the walk.
  'registration.staff-sign-up-closed': 'conflict',
  'registration.walk-in-not-underway': 'conflict',
  // Staff must say why they remove a sign-up: what was sent lacks it.
  'registration.reason-required': 'unprocessable',
  'observation.invalid-transition': 'conflict',
  'observation.walk-not-underway': 'conflict',
  'report.walk-not-done': 'conflict',
  'report.invalid-transition': 'conflict',
  'engagement.invalid-transition': 'conflict',
  // Concerted projects and their workshops (issue 15): a step their state does not allow.
  'project.invalid-transition': 'conflict',
  'project.organisation-cannot-change': 'forbidden',
  'contribution.invalid-transition': 'conflict',
  'workshop.invalid-transition': 'conflict',
  'workshop.project-over': 'conflict',
  'workshop.too-early-to-start': 'conflict',
  'store.conflict': 'retry',
  'internal.error': 'internal',
};

/** The codes the table names (its test checks each is a real code of the core or the server). */
export const CLASSIFIED_CODES: readonly string[] = Object.keys(CODE_KINDS);

/** The kind of a code: from the table, else `*.not-found`, else a rule about what was sent. */
export function kindOf(code: string): Kind {
  return CODE_KINDS[code] ?? (code.endsWith('.not-found') ? 'not-found' : 'unprocessable');
}

const JSON_STATUS: Readonly<Record<Kind, ContentfulStatusCode>> = {
  'bad-request': 400,
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  retry: 409,
  'too-large': 413,
  'unsupported-media': 415,
  unprocessable: 422,
  'rate-limited': 429,
  internal: 500,
};

/**
 * GeoReport v2 knows 400, 403 and 404 (and clients treat any other 4xx as a
 * 400): what the JSON API answers with 422 or a state conflict's 409 is a 400
 * there. A crossed write keeps its 409, which tells a client it may retry.
 */
const OPEN311_STATUS: Readonly<Record<Kind, ContentfulStatusCode>> = { ...JSON_STATUS, conflict: 400, unprocessable: 400 };

/** The HTTP status of an error code on the JSON API (and the HTML pages). */
export function statusOf(code: string): ContentfulStatusCode {
  return JSON_STATUS[kindOf(code)];
}

/** The HTTP status of an error code on the Open311 GeoReport v2 endpoints. */
export function open311StatusOf(code: string): ContentfulStatusCode {
  return OPEN311_STATUS[kindOf(code)];
}

export interface ErrorBody {
  readonly error: { readonly code: string; readonly message: string; readonly details: Readonly<Record<string, unknown>> };
}

/** An error of the server itself, localized. */
export function serverError(code: string, locale: ServerLocale, details: Record<string, unknown> = {}): GuspError {
  return { code, message: serverMessage(code, locale, details) ?? errorMessage(code, locale, details), details };
}

/**
 * The core's `store.client-id-reused` as the HTTP API words it: on the API a
 * client id is always an `Idempotency-Key`, so the refusal names the header
 * (`request.idempotency-key-reused`, as Stripe does), in the caller's language.
 */
function asHttpError(c: Context, error: GuspError): GuspError {
  if (error.code !== 'store.client-id-reused') return error;
  return serverError('request.idempotency-key-reused', (c.get('locale') as ServerLocale | undefined) ?? 'fr');
}

/** The media type of GeoReport v2's XML (the spec's `text/xml`, not `application/xml`). */
export const OPEN311_XML_TYPE = 'text/xml; charset=utf-8';

/** Whether a path is Open311's: its refusals are GeoReport error lists. */
export const isOpen311Path = (path: string): boolean => path === '/open311' || path.startsWith('/open311/');

/**
 * A refusal as a GeoReport v2 error list, with GeoReport's status: XML
 * (`<errors><error>`) for a `.xml` path, JSON otherwise.
 */
function sendOpen311Error(c: Context, error: GuspError): Response {
  const status = open311StatusOf(error.code);
  const errors = toOpen311ErrorList(error, status);
  if (c.req.path.endsWith('.xml')) return c.body(toOpen311Xml({ errors }), status, { 'content-type': OPEN311_XML_TYPE });
  return c.json(errors, status);
}

/** Sends a refusal: status from the code, body in the error envelope (a GeoReport error list under `/open311`). */
export function sendError(c: Context, refusal: GuspError): Response {
  const error = asHttpError(c, refusal);
  if (isOpen311Path(c.req.path)) return sendOpen311Error(c, error);
  const body: ErrorBody = { error: { code: error.code, message: error.message, details: error.details } };
  return c.json(body, statusOf(error.code));
}
