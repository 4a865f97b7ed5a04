// SPDX-License-Identifier: EUPL-1.2
/**
 * The OpenAPI 3.1 document of the server, built from the route declarations
 * the app mounts (see `route.ts`): request and response schemas are the
 * core's zod schemas turned into JSON Schema 2020-12 by zod itself.
 */
import * as core from '@gusp/core';
import { toJSONSchema } from 'zod/mini';
import type * as z from 'zod/mini';
import type { ContentDoc, ErrorStyle, ParamDoc, ResponseDoc, Route, RouteGroup, SchemaDoc } from './route.js';

type Json = Record<string, unknown>;

const isZod = (value: unknown): value is z.ZodMiniType => typeof value === 'object' && value !== null && '_zod' in value;

/**
 * The core's exported schemas by object, so that the document names them after their export. A
 * schema exported under two names (`WalkInInput` is `RegisterInput`) keeps the first one in the
 * module's (alphabetical) order, so an alias added later does not rename it in the document.
 */
const CORE_NAMES: ReadonlyMap<unknown, string> = new Map(
  Object.entries(core)
    .flatMap(([name, value]) => (isZod(value) ? [[value, name] as const] : []))
    .reverse(),
);

/**
 * A Hono path as an OpenAPI path: `/:walkId` → `/{walkId}`; a parameter whose
 * pattern ends with an extension, `:file{gusp-[a-z-]+\.js}`, → `{file}.js`.
 */
export function openApiPath(honoPath: string): string {
  return honoPath.replace(/:(\w+)(?:\{([^}]*)\})?/g, (_m, name: string, pattern: string | undefined) => {
    const ext = pattern === undefined ? undefined : /\\\.([a-z]+)$/.exec(pattern)?.[1];
    return ext ? `{${name}}.${ext}` : `{${name}}`;
  });
}

/** `app.route(base, sub)` with `sub.on(…, path)`: the path the app answers. */
export const joinPath = (base: string, path: string): string => (path === '/' ? base : base === '/' ? path : `${base}${path}`);

const ERROR_ENVELOPE = {
  type: 'object',
  description: 'Every refusal of the JSON API: a stable `code`, a `message` in the caller’s language (Accept-Language), and `details`.',
  properties: {
    error: {
      type: 'object',
      properties: {
        code: { type: 'string', examples: ['validation.invalid', 'walk.not-found', 'auth.required'] },
        message: { type: 'string' },
        details: {
          type: 'object',
          description: 'For `validation.invalid`: `issues`, one per field.',
          properties: {
            issues: {
              type: 'array',
              items: {
                type: 'object',
                properties: { path: { type: 'string' }, code: { type: 'string' }, message: { type: 'string' } },
                required: ['path', 'code', 'message'],
              },
            },
          },
        },
      },
      required: ['code', 'message', 'details'],
    },
  },
  required: ['error'],
};

const OPEN311_ERRORS = {
  type: 'array',
  description: 'A GeoReport v2 error list (`<errors><error>` in XML): `code` is the HTTP status.',
  items: { type: 'object', properties: { code: { type: 'integer' }, description: { type: 'string' } }, required: ['code', 'description'] },
};

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

/** Builds the document of `groups`, in their order (the order the app mounts them). */
export function openApiDocument(groups: readonly RouteGroup[]): Json {
  const schemas: Record<string, Json> = { ErrorEnvelope: ERROR_ENVELOPE, Open311Errors: OPEN311_ERRORS };
  /** A schema, inline; a core one as a `$ref` to its export's name (`ScheduleWalkInput`, `Walk`…). */
  const schemaOf = (doc: SchemaDoc | undefined, io: 'input' | 'output'): Json | undefined => {
    if (doc === undefined) return undefined;
    if (!isZod(doc)) return { ...doc };
    const json = (): Json => {
      const { $schema: _dialect, ...schema } = toJSONSchema(doc, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as Json;
      return schema;
    };
    const name = CORE_NAMES.get(doc);
    if (name === undefined) return json();
    // An input schema read as an answer would differ (defaults filled in): it gets a name of its own.
    const key = io === 'output' && name.endsWith('Input') ? `${name}Output` : name;
    schemas[key] ??= json();
    return ref(key);
  };

  const content = (entries: Readonly<Record<string, ContentDoc>> | undefined, io: 'input' | 'output') =>
    entries &&
    Object.fromEntries(
      Object.entries(entries).map(([type, c]) => [type, c.schema === undefined ? {} : { schema: schemaOf(c.schema, io) }]),
    );

  const parameter = (name: string, where: 'path' | 'query', doc: ParamDoc | undefined) => ({
    name,
    in: where,
    description: doc?.description ?? name,
    required: where === 'path' ? true : (doc?.required ?? false),
    schema: schemaOf(doc?.schema, 'input') ?? { type: 'string' },
  });

  const errorsOf = (style: ErrorStyle, path: string): Json => {
    if (style === 'html')
      return { '4XX': { description: 'A refusal, as a page.', content: { 'text/html': { schema: { type: 'string' } } } } };
    if (style === 'open311') {
      // Every refusal under /open311, the router's own (too large, rate limited) included.
      const list = path.endsWith('.xml')
        ? { 'text/xml': { schema: { type: 'string' } } }
        : { 'application/json': { schema: ref('Open311Errors') } };
      return { '4XX': { description: 'A GeoReport v2 error list.', content: list } };
    }
    return {
      '4XX': { description: 'A refusal in the error envelope.', content: { 'application/json': { schema: ref('ErrorEnvelope') } } },
    };
  };

  const operation = (group: RouteGroup, r: Route, path: string): Json => {
    const pathParams = [...r.path.matchAll(/:(\w+)/g)].map((m) => m[1] as string);
    const roles = r.access?.roles.join(', ');
    const staffNote =
      r.access === undefined
        ? undefined
        : r.access.when
          ? `A staff token (${roles}) is needed when ${r.access.when}.`
          : `Staff only: ${roles}.`;
    const responses: Record<string, ResponseDoc | Json> = {};
    for (const [status, doc] of Object.entries(r.responses)) {
      responses[status] = {
        description: doc.description,
        ...(doc.content ? { content: content(doc.content, 'output') } : {}),
        ...(doc.headers ? { headers: doc.headers } : {}),
      };
    }
    if (r.access && !r.access.when) {
      responses['401'] = {
        description: 'No token, or a token that is invalid or revoked (`auth.required`, `auth.invalid-token`).',
        content: { 'application/json': { schema: ref('ErrorEnvelope') } },
      };
      responses['403'] = {
        description: 'The token’s role may not do this (`auth.forbidden`).',
        content: { 'application/json': { schema: ref('ErrorEnvelope') } },
      };
    }
    if (r.challenge === true) {
      responses['403'] ??= {
        description:
          'With proof of work on, an anonymous write without a good solution (`request.challenge-required`, `request.challenge-invalid`: invalid, expired or already used).',
        content: { 'application/json': { schema: ref('ErrorEnvelope') } },
      };
    }
    const reused = 'an `Idempotency-Key` already used for another request (`request.idempotency-key-reused`)';
    // Open311 words it as a 400, as every refusal there (its 4XX list says so).
    const idempotentJson = r.idempotent !== undefined && r.idempotent !== false && (r.errors ?? 'json') === 'json';
    if (r.body?.json || idempotentJson) {
      const what = r.body?.json ? 'The body breaks the schema (`validation.invalid`, one issue per field) or a rule' : 'A rule refuses it';
      responses['422'] = {
        description: idempotentJson ? `${what}, or ${reused}.` : `${what}.`,
        content: { 'application/json': { schema: ref('ErrorEnvelope') } },
      };
    }
    Object.assign(responses, errorsOf(r.errors ?? 'json', path));
    responses['500'] = {
      description: 'An unexpected error (`internal.error`).',
      content: { 'application/json': { schema: ref('ErrorEnvelope') } },
    };

    const body = r.body && {
      required: r.body.required,
      content: {
        ...(r.body.json ? { 'application/json': { schema: schemaOf(r.body.json, 'input') } } : {}),
        ...content(r.body.content, 'input'),
      },
    };
    return {
      operationId: `${r.method}${path.replace(/[^A-Za-z0-9]+(.)?/g, (_m, ch: string | undefined) => (ch ?? '').toUpperCase())}`,
      tags: [group.tag],
      summary: r.summary,
      ...(r.description || staffNote ? { description: [r.description, staffNote].filter(Boolean).join('\n\n') } : {}),
      security: r.access === undefined ? [] : r.access.when ? [{}, { bearer: [] }] : [{ bearer: [] }],
      // The staff roles a token must have (bearer tokens carry a role, not OAuth scopes).
      ...(r.access ? { 'x-gusp-roles': r.access.roles, ...(r.access.when ? { 'x-gusp-roles-when': r.access.when } : {}) } : {}),
      parameters: [
        ...pathParams.map((name) => parameter(name, 'path', r.params?.[name])),
        ...Object.entries(r.query ?? {}).map(([name, doc]) => parameter(name, 'query', doc)),
        { $ref: '#/components/parameters/AcceptLanguage' },
        ...(r.idempotent ? [{ $ref: '#/components/parameters/IdempotencyKey' }] : []),
        ...(r.challenge ? [{ $ref: '#/components/parameters/Altcha' }] : []),
      ],
      ...(body ? { requestBody: body } : {}),
      responses,
    };
  };

  const paths: Record<string, Record<string, Json>> = {};
  const tags = new Map<string, string>();
  for (const group of groups) {
    if (!tags.has(group.tag)) tags.set(group.tag, group.description);
    for (const r of group.routes) {
      const path = openApiPath(joinPath(group.base, r.path));
      (paths[path] ??= {})[r.method] = operation(group, r, path);
    }
  }

  return {
    openapi: '3.1.0',
    info: {
      title: 'GUSP server API',
      // The API's own version: it changes when a route or a schema does.
      version: '1.0.0',
      description:
        'The reference GUSP backend: walks (diagnostics en marchant), observations, comptes-rendus and engagements over JSON, Open311 GeoReport v2, iCalendar, GeoJSON and CSV. Messages follow Accept-Language (French by default, English).',
      license: { name: 'EUPL-1.2', identifier: 'EUPL-1.2' },
    },
    tags: [...tags].map(([name, description]) => ({ name, description })),
    paths,
    components: {
      schemas,
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          description: 'A staff token (`gusp-server token create --role …`), as `Authorization: Bearer <token>`.',
        },
      },
      parameters: {
        AcceptLanguage: {
          name: 'Accept-Language',
          in: 'header',
          required: false,
          description: 'The language of messages: `fr` (default) or `en`.',
          schema: { type: 'string' },
        },
        IdempotencyKey: {
          name: 'Idempotency-Key',
          in: 'header',
          required: false,
          description:
            'Retrying with the same key applies the command once and answers the first outcome again (1 to 200 visible characters; otherwise 400 `request.invalid-idempotency-key`). The same key with another body or target is refused with 422 `request.idempotency-key-reused`, and never answers the first request’s outcome.',
          schema: { type: 'string', pattern: '^[\\x21-\\x7e]{1,200}$' },
        },
        Altcha: {
          name: 'X-Altcha',
          in: 'header',
          required: false,
          description:
            'A solved challenge of `GET /api/challenge`, needed on public writes when the server asks for proof of work (staff tokens are exempt): base64 of `{ algorithm, challenge, number, salt, signature }`. Each solution is accepted once.',
          schema: { type: 'string', maxLength: 1000 },
        },
      },
    },
  };
}
