// SPDX-License-Identifier: EUPL-1.2
/**
 * What every route module shares: the options of the app, and the helpers that
 * turn a request into command options and a refusal into the error envelope.
 */
import { getConnInfo } from '@hono/node-server/conninfo';
import type { CommandOptions, Gusp, GuspError, Result, StaffActorInput } from '@gusp/core';
import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import type { Staff, StaffRole } from '../auth.js';
import { sameSecret, SESSION_COOKIE, type SessionStaff } from '../staff/sessions.js';
import type { StaffService } from '../staff/service.js';
import type { PhotoType } from '../photos.js';
import type { ReadModels } from '../read/read-models.js';
import type { SqlSession } from '../sql.js';
import type { ProofOfWork } from './challenge.js';
import { serverError } from './errors.js';
import type { ServerLocale } from './messages.js';
import type { RateLimitOptions } from './rate-limit.js';

export interface AppOptions {
  readonly gusp: Gusp;
  /** Who holds an `Authorization: Bearer …` header (no staff endpoint works without it). */
  readonly authenticate?: (authorization: string | undefined) => Promise<Staff | undefined>;
  /**
   * Staff accounts, sign-in and sessions (`/api/staff`, staff/service.ts): with it, the session
   * cookie `gusp_session` authenticates like a token (see `whoIs`). The server wires it to its database.
   */
  readonly staffAccounts?: StaffService | undefined;
  /** Where photos are kept (the server wires it to the SQL tables). */
  readonly photos?: {
    store(type: PhotoType, bytes: Buffer): Promise<string>;
    load(id: string): Promise<{ type: PhotoType; bytes: Uint8Array } | undefined>;
    existing(ids: readonly string[]): Promise<Map<string, PhotoType>>;
    /** Puts new bytes in place of a photo's and drops the original's (a redaction); `false` when it is gone. */
    replace?(id: string, bytes: Buffer): Promise<boolean>;
  };
  /** Purges personal data older than `months` (the server wires it to the SQL redaction). */
  readonly purge?: (months: number, actor?: StaffActorInput) => Promise<unknown>;
  /** Erases one person's data by email, from views and journal (wired like `purge`); `actor`: the staff member who asked, named on the erasure's events. */
  readonly erase?: (email: string, actor?: StaffActorInput) => Promise<unknown>;
  /** Everything kept about one email, emails sent included (wired like `purge`); without it, the views only. */
  readonly exportPerson?: (email: string) => Promise<unknown>;
  /**
   * The read models lists, statistics and exports are answered from (the server opens them on its
   * database). Without them, a route that reads one fails: only a description of the API
   * (`GET /api/openapi.json`, the docs script) works without a database.
   */
  readonly readModels?: ReadModels | undefined;
  /** Answers `/healthz`: resolves when the database answers. */
  readonly ping?: () => Promise<void>;
  /** How many events the notifier skipped because their emails could not be made (`/healthz`); none without it. */
  readonly failedNotifications?: () => Promise<number>;
  /** The clock of views (the service's clock by default: the real one). */
  readonly now?: () => Date;
  /** Largest accepted request body, in bytes (default 64 KiB). */
  readonly maxBodyBytes?: number;
  /**
   * Origins allowed to call the API from a browser (the CMS pages embedding
   * the elements), e.g. `https://www.valence.fr`. None by default.
   */
  readonly corsOrigins?: readonly string[];
  /** Per-IP limit of public writes (sign-ups, cancellations, reports); none by default. */
  readonly rateLimit?: RateLimitOptions | undefined;
  /**
   * Public writes (sign-ups, observations, photos, Open311 requests) need a solved challenge
   * of `GET /api/challenge` (`X-Altcha`); staff with a valid token do not. None by default.
   */
  readonly proofOfWork?: ProofOfWork | undefined;
  /**
   * Directory of the elements' self-contained bundles (`gusp-elements.js`…),
   * served under `/elements/` for the demo page; the one of the installed
   * `@gusp/elements` by default. `elementsReadme`: its README, for `/docs/elements`.
   */
  readonly elementsDir?: string | undefined;
  readonly elementsReadme?: string | undefined;
  /**
   * Where this server is reached from outside, e.g. `https://gusp.valence.fr` (a function when
   * it is known only once the port is open). Every absolute URL the API writes (photos, cancel
   * links, calendars) starts with it; none is ever built from the request's `Host`, which any
   * client writes. Without it, `http://localhost`.
   */
  readonly publicUrl?: string | (() => string) | undefined;
  /**
   * The server is behind a reverse proxy it trusts: the client address of the per-IP rate limit
   * is the last entry of `X-Forwarded-For` (the one the proxy wrote). Without it, every
   * `X-Forwarded-*` header is ignored. URLs never come from them: they come from `publicUrl`.
   */
  readonly trustProxy?: boolean | undefined;
  /**
   * Who may frame the HTML pages: the CSP `frame-ancestors` sources, e.g.
   * `["'self'", 'https://www.valence.fr']` (a CMS page embedding the demo). `'self'` by default.
   */
  readonly frameAncestors?: readonly string[] | undefined;
  /** Called after each request (access log). */
  readonly onRequest?: (record: { method: string; path: string; status: number; ms: number }) => void;
  /** Called with unexpected errors (a bug, a database down): they answer 500. */
  readonly onUnexpectedError?: (error: unknown, c: Context) => void;
}

export type Env = {
  Variables: {
    locale: ServerLocale;
    /** Who the Authorization header names, looked up once per request (see `whoIs`). */
    staff: Promise<Staff | undefined> | undefined;
    /**
     * Why a session cookie did not authenticate this request (`auth.session-invalid`, `auth.csrf`):
     * what a staff route answers instead of `auth.required`.
     */
    staffRefusal: string | undefined;
  };
};

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;

/** Thrown inside a handler to answer with a refusal. */
export class Refusal extends Error {
  constructor(readonly error: GuspError) {
    super(error.code);
  }
}

export function routeDeps(options: AppOptions) {
  const { gusp } = options;
  const now = options.now ?? (() => new Date());

  const refuse = (c: Context<Env>, code: string, details: Record<string, unknown> = {}): never => {
    throw new Refusal(serverError(code, c.get('locale'), details));
  };

  /**
   * The request body as JSON; 400 `request.invalid-json` when it is not.
   * With `empty`, a request without a body stands for that value (commands
   * whose input is all optional, such as `start` or `complete`).
   */
  const jsonBody = async (c: Context<Env>, empty?: unknown): Promise<unknown> => {
    const text = await c.req.text();
    if (empty !== undefined && text.trim() === '') return empty;
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return refuse(c, 'request.invalid-json');
    }
  };

  /**
   * Command options from the request: the caller's language, and the
   * Idempotency-Key as client id, scoped to the command and its target so a
   * key reused elsewhere never replays another command's outcome.
   */
  const commandOptions = (c: Context<Env>, scope: string): CommandOptions => {
    const locale = c.get('locale');
    const key = c.req.header('idempotency-key');
    if (key === undefined) return { locale };
    if (!IDEMPOTENCY_KEY.test(key)) refuse(c, 'request.invalid-idempotency-key');
    return { locale, clientId: `${scope}:${key}` };
  };

  /**
   * The staff member behind the request, looked up once per request (the rate limit and the route
   * that both ask share one query): the `Authorization: Bearer …` token if there is that header,
   * else the session cookie `gusp_session`. A request the cookie authenticates with an unsafe
   * method (anything but GET, HEAD, OPTIONS) must come from the public origin (`Origin`) and carry
   * its session's `X-CSRF-Token`; otherwise it is anonymous (a public route works as for anyone,
   * a staff route answers 403 `auth.csrf`).
   */
  const whoIs = (c: Context<Env>): Promise<Staff | undefined> => {
    let who = c.get('staff');
    if (who === undefined) {
      const header = c.req.header('authorization');
      if (header !== undefined) who = options.authenticate ? options.authenticate(header) : Promise.resolve(undefined);
      else {
        const cookie = options.staffAccounts ? getCookie(c, SESSION_COOKIE) : undefined;
        who = cookie === undefined ? Promise.resolve(undefined) : sessionOf(c, cookie);
      }
      c.set('staff', who);
    }
    return who;
  };

  const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
  const sessionOf = async (c: Context<Env>, cookie: string): Promise<SessionStaff | undefined> => {
    const session = await options.staffAccounts?.authenticate(cookie);
    if (!session) {
      c.set('staffRefusal', 'auth.session-invalid');
      return undefined;
    }
    if (!SAFE_METHODS.has(c.req.method)) {
      const sentOrigin = c.req.header('origin');
      const csrf = c.req.header('x-csrf-token');
      let publicOrigin = '';
      try {
        publicOrigin = new URL(origin()).origin;
      } catch {
        // No valid public URL: no origin matches.
      }
      if (sentOrigin !== publicOrigin || csrf === undefined || !sameSecret(csrf, session.csrfToken)) {
        c.set('staffRefusal', 'auth.csrf');
        return undefined;
      }
    }
    return session;
  };

  /** The staff member making the request, if they have one of `roles`; 401 or 403 otherwise. */
  const staff = async (c: Context<Env>, roles: readonly StaffRole[]): Promise<Staff> => {
    const who = await whoIs(c);
    if (!who) {
      const refusal = c.get('staffRefusal');
      if (refusal !== undefined) return refuse(c, refusal);
      return refuse(c, c.req.header('authorization') === undefined ? 'auth.required' : 'auth.invalid-token');
    }
    if (!roles.includes(who.role)) return refuse(c, 'auth.forbidden', { role: who.role });
    return who;
  };

  /** The public origin (no trailing slash): from the options, never from the request. */
  const origin = (_c?: Context<Env>): string => {
    const url = typeof options.publicUrl === 'function' ? options.publicUrl() : options.publicUrl;
    return (url ?? 'http://localhost').replace(/\/+$/, '');
  };

  /**
   * The client's address for the per-IP rate limit: the socket's, or, behind a trusted proxy,
   * the last `X-Forwarded-For` entry (earlier entries are whatever the client wrote).
   */
  const clientAddress = (c: Context<Env>): string => {
    if (options.trustProxy) {
      const forwarded = c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim();
      if (forwarded) return forwarded;
    }
    try {
      return getConnInfo(c).remote.address ?? 'unknown';
    } catch {
      // Not on node:http (tests with app.request): one shared bucket.
      return 'unknown';
    }
  };

  /**
   * Where a list, a statistic or an export reads: the read models, once they hold every event
   * committed before this request (so a client reads what it just wrote).
   */
  const read = async (): Promise<SqlSession> => {
    const models = options.readModels;
    if (!models) throw new Error('This app was created without read models (AppOptions.readModels)');
    await models.caughtUp();
    return models.sql;
  };

  const unwrap = <T>(result: Result<T>): T => {
    if (!result.ok) throw new Refusal(result.error);
    return result.value;
  };

  return { gusp, options, now, refuse, jsonBody, commandOptions, whoIs, staff, origin, clientAddress, read, unwrap };
}

export type RouteDeps = ReturnType<typeof routeDeps>;
