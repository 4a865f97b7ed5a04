// SPDX-License-Identifier: EUPL-1.2
/**
 * A route is declared once: method, path, who may call it, what it takes and
 * answers, and its handler. The same declaration mounts it on its Hono
 * sub-app (with its access check and its body validation, in that order) and
 * describes it in the OpenAPI document, so the two cannot drift apart.
 */
import {
  ContributionId,
  EngagementId,
  ObservationId,
  ProjectId,
  QuartierId,
  RegistrationId,
  validate,
  WalkId,
  WorkshopId,
} from '@gusp/core';
import { Hono, type Context, type Handler, type MiddlewareHandler } from 'hono';
import type * as z from 'zod/mini';
import type { StaffRole } from '../auth.js';
import { checkProofOfWork } from './challenge.js';
import { Refusal, type Env, type RouteDeps } from './context.js';
import { serverError } from './errors.js';

export type Method = 'get' | 'post' | 'delete';
/** A JSON Schema (2020-12, as OpenAPI 3.1 takes it), or a core schema turned into one. */
export type SchemaDoc = z.ZodMiniType | { readonly [key: string]: unknown };

export interface ParamDoc {
  readonly description: string;
  readonly schema?: SchemaDoc;
  readonly required?: boolean;
}

export interface ContentDoc {
  readonly schema?: SchemaDoc;
}

export interface ResponseDoc {
  readonly description: string;
  /** By media type; none for an empty answer. */
  readonly content?: Readonly<Record<string, ContentDoc>>;
  readonly headers?: Readonly<Record<string, { readonly description: string; readonly schema: SchemaDoc }>>;
}

/**
 * Who may call: anyone (no `access`), or staff with one of `roles`. With
 * `when`, a token is needed only in that case (the handler checks it; the
 * document says when).
 */
export interface Access {
  readonly roles: readonly StaffRole[];
  readonly when?: string;
}

/** How errors are written on this route: the JSON envelope, a GeoReport v2 list, or an HTML page. */
export type ErrorStyle = 'json' | 'open311' | 'html';

/** A JSON body, validated with a core schema before the handler runs. */
export interface JsonBody<S extends z.ZodMiniType, P extends string = string> {
  readonly schema: S;
  /** What a request without a body stands for (commands whose fields are all optional). */
  readonly empty?: z.input<S>;
  /** The body may be left out, `read` deciding what that stands for (documented as optional). */
  readonly optional?: boolean;
  /** Reads the body when it is more than JSON (an observation with its photos); JSON otherwise. */
  readonly read?: (c: Context<Env>) => Promise<unknown>;
  /** Refusals that come before the schema's, on the body as sent (who may send what). */
  readonly guard?: (c: Context<Env>, body: unknown) => void | Promise<void>;
  /**
   * Runs when the schema rejects the body, before the `validation.invalid`
   * refusal, and may refuse otherwise: what the core checks before the input
   * (an unknown walk is 404 whatever the body) keeps coming first, at no cost
   * to valid requests.
   */
  readonly invalid?: (c: Context<Env, P>, body: unknown) => void | Promise<void>;
  /** Other media types this route takes the same input in (documented next to JSON). */
  readonly alsoAs?: Readonly<Record<string, ContentDoc>>;
}

/** A body the handler reads itself (bytes of a photo, a form): documented only. */
export interface OtherBody {
  readonly content: Readonly<Record<string, ContentDoc>>;
  readonly required?: boolean;
}

interface RouteDoc<P extends string> {
  readonly method: Method;
  /** Hono's syntax, relative to the sub-app: `/:walkId/cancel`. */
  readonly path: P;
  readonly summary: string;
  readonly description?: string;
  readonly access?: Access;
  /**
   * Takes an `Idempotency-Key` header, checked before the body; with
   * `'after-body'`, the handler checks it once the body is read (Open311
   * answers a bad request first).
   */
  readonly idempotent?: boolean | 'after-body';
  /**
   * A public write: when the server asks for proof of work, an anonymous caller sends a solved
   * challenge (`X-Altcha`), checked after the access and path checks and before the body; with
   * `'after-body'`, the handler checks it once the body is read (Open311 takes it as a field).
   */
  readonly challenge?: boolean | 'after-body';
  readonly params?: Readonly<Record<string, ParamDoc>>;
  readonly query?: Readonly<Record<string, ParamDoc>>;
  readonly responses: Readonly<Record<number, ResponseDoc>>;
  readonly errors?: ErrorStyle;
}

/** A declared route, its types erased: what a group mounts and the document reads. */
export interface Route extends RouteDoc<string> {
  readonly body?: { readonly json?: z.ZodMiniType; readonly content?: Readonly<Record<string, ContentDoc>>; readonly required: boolean };
  /** Middleware run first, in order: the access check, the Idempotency-Key check. */
  readonly middleware: readonly MiddlewareHandler<Env>[];
  /** The handler, with the body validation in front of it. */
  readonly handler: Handler<Env>;
}

/** A group of routes mounted together under `base` (`app.route(base, …)`), with its OpenAPI tag. */
export interface RouteGroup {
  readonly base: string;
  readonly tag: string;
  readonly description: string;
  readonly routes: readonly Route[];
  /** Answers under `base` that are not routes of their own (a catch-all that writes the group's 404). */
  readonly fallback?: Handler<Env>;
}

type Reply = Response | Promise<Response>;

/**
 * The core's schema of each path id, and the 404 a value it refuses answers: the same as a
 * well-formed id nothing has, so a `%00` or a 5,000-character id never reaches a query (where
 * PostgreSQL refused it with a 500) and tells a prober nothing more than "not found".
 */
const PATH_IDS: Readonly<Record<string, { readonly schema: z.ZodMiniType; readonly notFound: string }>> = {
  walkId: { schema: WalkId, notFound: 'walk.not-found' },
  registrationId: { schema: RegistrationId, notFound: 'registration.not-found' },
  observationId: { schema: ObservationId, notFound: 'observation.not-found' },
  engagementId: { schema: EngagementId, notFound: 'engagement.not-found' },
  quartierId: { schema: QuartierId, notFound: 'request.not-found' },
  projectId: { schema: ProjectId, notFound: 'project.not-found' },
  workshopId: { schema: WorkshopId, notFound: 'workshop.not-found' },
  contributionId: { schema: ContributionId, notFound: 'contribution.not-found' },
};
/** Any other id without a schema of its own (a photo's): the core's id alphabet and length. */
const OTHER_ID = { schema: ObservationId, notFound: 'request.not-found' };
const NOT_FOUND_OF: Readonly<Record<string, string>> = { photoId: 'photo.not-found' };

const isCoreSchema = (s: SchemaDoc | undefined): s is z.ZodMiniType => s !== undefined && '_zod' in s;

/**
 * The check of a route's path ids: each declared param with a core schema, or none (an id), is
 * validated; a JSON Schema (a file name, an Open311 id with its format) is the path's own regex.
 */
function pathIdCheck(doc: RouteDoc<string>): MiddlewareHandler<Env> | undefined {
  const checks = Object.entries(doc.params ?? {}).flatMap(([name, param]) => {
    if (param.schema !== undefined && !isCoreSchema(param.schema)) return [];
    const known = PATH_IDS[name];
    const schema = isCoreSchema(param.schema) ? param.schema : (known?.schema ?? OTHER_ID.schema);
    return [{ name, schema, notFound: known?.notFound ?? NOT_FOUND_OF[name] ?? OTHER_ID.notFound }];
  });
  if (checks.length === 0) return undefined;
  return async (c, next) => {
    for (const { name, schema, notFound } of checks) {
      if (!schema.safeParse(c.req.param(name)).success)
        throw new Refusal(
          serverError(notFound, c.get('locale'), notFound === 'request.not-found' ? { path: c.req.path.slice(0, 200) } : {}),
        );
    }
    await next();
  };
}

/** The middleware every declared route shares: its access check, then its Idempotency-Key check. */
function guards(deps: RouteDeps, doc: RouteDoc<string>): MiddlewareHandler<Env>[] {
  const list: MiddlewareHandler<Env>[] = [];
  const access = doc.access;
  if (access && access.when === undefined) {
    list.push(async (c, next) => {
      await deps.staff(c, access.roles);
      await next();
    });
  }
  // After the access check (staff routes answer 401/403 whatever the id), before anything reads the id.
  const ids = pathIdCheck(doc);
  if (ids) list.push(ids);
  if (doc.challenge === true) {
    list.push(async (c, next) => {
      const refusal = await checkProofOfWork(deps, c);
      if (refusal) throw new Refusal(refusal);
      await next();
    });
  }
  if (doc.idempotent === true) {
    list.push(async (c, next) => {
      deps.commandOptions(c, 'check');
      await next();
    });
  }
  return list;
}

/** Declares a route without a JSON body (or with one its handler reads itself). */
export function route<P extends string>(
  deps: RouteDeps,
  def: RouteDoc<P> & { readonly body?: OtherBody; readonly handler: (c: Context<Env, P>) => Reply },
): Route {
  const { body, handler, ...doc } = def;
  return {
    ...doc,
    ...(body ? { body: { content: body.content, required: body.required ?? true } } : {}),
    middleware: guards(deps, doc),
    handler: (c) => handler(c),
  };
}

/**
 * Headers no cross-site form and no CORS-"simple" request can carry: a
 * browser must ask first (a preflight, which only allowed origins pass). The
 * elements send `Idempotency-Key` with every write; other clients may send
 * `X-Requested-With`.
 */
const CUSTOM_HEADERS = ['idempotency-key', 'x-requested-with'] as const;

/**
 * Refuses (415 `request.unsupported-media-type`) a body a cross-site page
 * could send without a preflight: a JSON route takes `application/json` (or
 * a `+json` type) only, and `multipart/form-data` only where it declares it
 * and with one of {@linkcode CUSTOM_HEADERS}. `text/plain`,
 * `application/x-www-form-urlencoded`, a multipart form without the header,
 * or a body with no type at all (a `Blob` without one) are what an HTML form
 * or a `no-cors` fetch can post from any site, so a visitor's browser could
 * be made to sign up without knowing. An empty body carries no input and
 * passes whatever its type (it stands for `empty`, or is `request.invalid-json`).
 */
function checkMediaType(deps: RouteDeps, c: Context<Env>, multipart: boolean): void {
  const length = c.req.header('content-length');
  if (c.req.header('transfer-encoding') === undefined && (length === undefined || Number(length) === 0)) return;
  const mediaType = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (mediaType === 'application/json' || /^application\/[a-z0-9.-]+\+json$/.test(mediaType)) return;
  if (multipart && mediaType === 'multipart/form-data' && CUSTOM_HEADERS.some((h) => c.req.header(h) !== undefined)) return;
  deps.refuse(c, 'request.unsupported-media-type', { ...(mediaType ? { contentType: mediaType } : {}), multipart });
}

/** How a JSON route documents the refusal of {@linkcode checkMediaType}. */
const unsupportedMediaType = (multipart: boolean): ResponseDoc => ({
  description: multipart
    ? 'Neither JSON nor multipart/form-data with an `Idempotency-Key` or `X-Requested-With` header (`request.unsupported-media-type`): what a cross-site form could post is refused, so a browser must preflight.'
    : 'The body is not `application/json` (`request.unsupported-media-type`): what a cross-site form could post (`text/plain`, form-encoded) is refused, so a browser must preflight.',
  content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorEnvelope' } } },
});

/**
 * Declares a route whose JSON body a core schema validates before the
 * handler runs (after the access check and {@linkcode checkMediaType}): the
 * handler gets the parsed value; a body the schema rejects is the core's
 * localized `validation.invalid`.
 */
export function jsonRoute<P extends string, S extends z.ZodMiniType>(
  deps: RouteDeps,
  def: RouteDoc<P> & { readonly body: JsonBody<S, P>; readonly handler: (c: Context<Env, P>, body: z.output<S>) => Reply },
): Route {
  const { body: spec, handler, ...doc } = def;
  const multipart = spec.alsoAs?.['multipart/form-data'] !== undefined;
  const validated: Handler<Env> = async (c) => {
    checkMediaType(deps, c, multipart);
    const raw = spec.read ? await spec.read(c) : await deps.jsonBody(c, spec.empty);
    await spec.guard?.(c, raw);
    const parsed = validate(spec.schema, raw, c.get('locale'));
    if (!parsed.ok) {
      await spec.invalid?.(c, raw);
      throw new Refusal(parsed.error);
    }
    return handler(c, parsed.value);
  };
  return {
    ...doc,
    responses: { ...doc.responses, 415: unsupportedMediaType(multipart) },
    body: {
      json: spec.schema,
      ...(spec.alsoAs ? { content: spec.alsoAs } : {}),
      required: spec.empty === undefined && spec.optional !== true,
    },
    middleware: guards(deps, doc),
    handler: validated,
  };
}

/** The sub-app of a group: its routes in their order, then its fallback. */
export function groupApp(group: RouteGroup): Hono<Env> {
  const app = new Hono<Env>();
  for (const r of group.routes) {
    // Hono runs every handler registered on a method and path in order: the middleware, then the handler.
    for (const m of r.middleware) app.on(r.method.toUpperCase(), r.path, m);
    app.on(r.method.toUpperCase(), r.path, r.handler);
  }
  if (group.fallback) app.all('*', group.fallback);
  return app;
}

/** A JSON answer, with the core schema it follows when there is one. */
export const jsonAnswer = (description: string, schema?: SchemaDoc): ResponseDoc => ({
  description,
  content: { 'application/json': schema ? { schema } : {} },
});

/** An answer of another media type (a calendar, a CSV file, a page). */
export const fileAnswer = (description: string, mediaType: string): ResponseDoc => ({
  description,
  content: { [mediaType]: { schema: { type: 'string' } } },
});
