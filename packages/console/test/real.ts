// SPDX-License-Identifier: EUPL-1.2
/**
 * The console's browser tests against the REAL GUSP server (browser side; the node side is
 * test/real-server.ts, mounted by web-test-runner.config.mjs): PGlite in memory, Valence seeded,
 * real emails to an SMTP server of the test, the real session cookie and CSRF check. One server
 * for the whole run: make what a test needs (a new account, a new walk) rather than count on a
 * blank slate.
 */
import { executeServerCommand } from '@web/test-runner-commands';
import { setCsrfToken } from '../src/internal/api.js';

/** The endpoint to give screens: the real server's API, same-origin. */
export const REAL = '/real/api';
const HOOKS = '/real/__test';

// The server starts when a test first needs it (20 s on a loaded machine: PGlite, migrations, Valence's
// seed): once, before the tests of any file importing this module, with a timeout of its own.
before(async function () {
  this.timeout(180_000);
  const response = await fetch(`${HOOKS}/ready`);
  if (!response.ok) throw new Error(`the real server did not start: ${response.status} ${await response.text()}`);
  // The browser keeps its cookies from one test file to the next: each file starts signed out.
  await signOut();
});

/** The CSRF token of the last `signInAs`. */
let csrf: string | undefined;

/**
 * Ends the page's session on the real server, if it has one, whichever file opened it: its CSRF
 * token comes from `GET /staff/me` (a page of another file never had it in `csrf`).
 */
export async function signOut(): Promise<void> {
  const me = await fetch(`${REAL}/staff/me`, { credentials: 'same-origin' });
  if (me.ok) {
    const { session } = (await me.json()) as { session?: { csrfToken: string } };
    const out = await fetch(`${REAL}/staff/sign-out`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: session ? { 'X-CSRF-Token': session.csrfToken } : {},
    });
    if (!out.ok) throw new RealApiError(out.status, await answerOf(out), 'sign out');
  }
  csrf = undefined;
  setCsrfToken(REAL, undefined);
}

export interface RealAccount {
  readonly id: string;
  readonly email: string;
  readonly name?: string | null;
  readonly role: 'coordinator' | 'agent' | 'organisation';
  readonly organisationId?: string;
  readonly organisation?: string;
}

/** A non-2xx answer of the real API: its status and body (the refusal, `{ error: { code, message, details } }`). */
export class RealApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    what: string,
  ) {
    super(`${what}: ${status} ${JSON.stringify(body)}`);
  }
}

const answerOf = async (response: Response): Promise<unknown> => {
  const text = await response.text();
  try {
    return text ? (JSON.parse(text) as unknown) : undefined;
  } catch {
    return text;
  }
};

/**
 * Invites a new account of `role` (of `organisationId` for `organisation`) and signs it in the real
 * way (its sign-in email's code, read from the SMTP server): the page holds its session cookie, and
 * screens given {@linkcode REAL} send its CSRF token (`setCsrfToken`).
 */
export async function signInAs(role: RealAccount['role'], organisationId?: string): Promise<{ csrfToken: string; account: RealAccount }> {
  const response = await fetch(`${HOOKS}/sign-in-as`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ role, ...(organisationId ? { organisationId } : {}) }),
  });
  const body = await answerOf(response);
  if (!response.ok) throw new RealApiError(response.status, body, `sign in as ${role}`);
  const { account, session } = body as { account: RealAccount; session: { csrfToken: string } };
  csrf = session.csrfToken;
  setCsrfToken(REAL, csrf);
  return { csrfToken: csrf, account };
}

/**
 * The real API as the signed-in person: `path` under `/api` (`/walks`), JSON both ways, the CSRF
 * token on unsafe methods; throws a {@linkcode RealApiError} on a non-2xx answer.
 */
export async function api<T = unknown>(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<T> {
  const headers = new Headers({ 'Accept-Language': 'fr' });
  if (body !== undefined) headers.set('Content-Type', 'application/json');
  if (method !== 'GET' && csrf) headers.set('X-CSRF-Token', csrf);
  const response = await fetch(`${REAL}${path}`, {
    method,
    headers,
    credentials: 'same-origin',
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const answer = await answerOf(response);
  if (!response.ok) throw new RealApiError(response.status, answer, `${method} ${path}`);
  return answer as T;
}

/** Chromium's own offline mode for this page (every request fails, as without a network), or back online. */
export async function setOffline(offline: boolean): Promise<void> {
  await executeServerCommand('set-offline', { offline });
}

/**
 * A faulty network in front of the server: the next `times` requests of `path` (under the API,
 * e.g. `/walks`; query ignored, any method) get `status` without reaching the server, or with
 * `status` 0, a connection dropped without an answer.
 */
export async function failNext(path: string, status: number, times = 1): Promise<void> {
  const response = await fetch(`${HOOKS}/fail`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ path, status, times }),
  });
  if (!response.ok) throw new RealApiError(response.status, await answerOf(response), 'failNext');
}

export interface RealMail {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  readonly attachments: readonly { readonly filename?: string; readonly contentType: string }[];
}

/** The emails the SMTP server received for `to`, oldest first. */
export async function mails(to: string): Promise<RealMail[]> {
  const response = await fetch(`${HOOKS}/mails?${new URLSearchParams({ to })}`);
  if (!response.ok) throw new RealApiError(response.status, await answerOf(response), 'mails');
  return (await response.json()) as RealMail[];
}

export type WalkState = 'draft' | 'open' | 'closed' | 'in-progress' | 'done';

export interface WalkInOptions {
  /** `le-plan` by default (a priority quartier of Valence). */
  readonly quartierId?: string;
  readonly capacity?: number;
  /** Residents signed up through the public sign-up (confirmed while seats remain, then waitlisted). */
  readonly registrations?: number;
  /** Stops of the route (`Halte 1`, …); 0 by default. */
  readonly stops?: number;
  readonly title?: string;
}

const MINUTE = 60_000;
let made = 0;

/**
 * A new walk in `state`, through the real API as the signed-in COORDINATOR (`signInAs('coordinator')`
 * first): scheduled, published, residents signed up, registrations closed, started, finished, as far
 * as `state`. A walk to start (`in-progress`, `done`) is scheduled today, 10 minutes from now (the
 * rules start a walk at most 30 minutes early), others in three days. Answers the walk's id.
 */
export async function walkIn(state: WalkState, options: WalkInOptions = {}): Promise<string> {
  const now = Date.now();
  const today = state === 'in-progress' || state === 'done';
  const startsAt = new Date(today ? now + 10 * MINUTE : now + 3 * 24 * 60 * MINUTE);
  // Registrations stay open until just before the start (the city's default deadline, two days before, would be past).
  const registrationDeadline = new Date(today ? now + 5 * MINUTE : now + 2 * 24 * 60 * MINUTE);
  const n = ++made;
  const walk = await api<{ id: string }>('POST', '/walks', {
    quartierId: options.quartierId ?? 'le-plan',
    startsAt: startsAt.toISOString(),
    registrationDeadline: registrationDeadline.toISOString(),
    title: options.title ?? `Marche d’essai ${n}`,
    capacity: options.capacity ?? 20,
    meetingPoint: { label: 'Devant la maison de quartier' },
    stops: Array.from({ length: options.stops ?? 0 }, (_, i) => ({ label: `Halte ${i + 1}` })),
  });
  if (state === 'draft') return walk.id;
  await api('POST', `/walks/${walk.id}/publish`);
  for (let i = 1; i <= (options.registrations ?? 0); i++)
    await api('POST', `/walks/${walk.id}/registrations`, {
      name: `Habitante ${n}-${i}`,
      email: `habitante-${n}-${i}-${now.toString(36)}@example.org`,
      consent: true,
      locale: 'fr',
    });
  if (state === 'open') return walk.id;
  await api('POST', `/walks/${walk.id}/close-registrations`);
  if (state === 'closed') return walk.id;
  await api('POST', `/walks/${walk.id}/start`);
  if (state === 'in-progress') return walk.id;
  await api('POST', `/walks/${walk.id}/finish`);
  return walk.id;
}
