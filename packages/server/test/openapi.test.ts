// SPDX-License-Identifier: EUPL-1.2
/**
 * The OpenAPI document the running server serves (PGlite, real HTTP): valid
 * OpenAPI 3.1 by an independent validator, the routes the app answers exactly
 * the ones it lists, each answering with a status it documents, and the
 * README's endpoint list up to date with it.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { Validator } from '@seriousme/openapi-schema-validator';
import { endpointTables, README, withTables, type Document as Listed, type Operation as ListedOperation } from '../scripts/api-docs.ts';
import * as coreExports from '@gusp/core';
import { createToken } from '../src/auth.js';
import type { Database } from '../src/db.js';
import { openMigratedDatabase, startServer, type RunningServer } from '../src/server.js';
import { EraseAnswer, ExportAnswer, PurgeAnswer } from '../src/routes/privacy.js';
import { call, openWalk, person } from './harness.js';

type Operation = ListedOperation & {
  responses: Record<string, unknown>;
  security?: Record<string, unknown>[];
  parameters?: { name?: string; in?: string }[];
};
type Document = Listed & { openapi: string; paths: Record<string, Record<string, Operation>> };

/**
 * Hono's path syntax as OpenAPI's, written here independently of the server's
 * own conversion: `:id` → `{id}`, `:file{[a-z]+\.json}` → `{file}.json`.
 */
const toOpenApi = (path: string) => path.replace(/:(\w+)\{[^}]*\\\.(\w+)\}/g, '{$1}.$2').replace(/:(\w+)(\{[^}]*\})?/g, '{$1}');

describe('OpenAPI document', () => {
  let db: Database;
  let server: RunningServer;
  let doc: Document;

  before(async () => {
    db = await openMigratedDatabase({});
    server = await startServer({ database: db });
    const r = await call<Document>(server.url, 'GET', '/api/openapi.json');
    assert.equal(r.status, 200);
    assert.match(r.headers.get('content-type') ?? '', /^application\/json/);
    doc = r.body;
  });
  after(async () => {
    await server?.close();
    await db?.close();
  });

  test('is valid OpenAPI 3.1 by @seriousme/openapi-schema-validator', async (t) => {
    assert.equal(doc.openapi, '3.1.0');
    const result = await new Validator().validate(doc as unknown as Record<string, unknown>);
    assert.equal(result.valid, true, JSON.stringify(result.errors, null, 2));
    const operations = Object.values(doc.paths).reduce((n, item) => n + Object.keys(item).length, 0);
    t.diagnostic(`${Object.keys(doc.paths).length} paths, ${operations} operations: valid`);
  });

  test('lists every route the app answers, and only those', () => {
    const answered = new Set<string>();
    const fallbacks = new Set<string>();
    for (const r of server.app.routes) {
      if (r.method === 'ALL') fallbacks.add(r.path);
      else answered.add(`${r.method} ${toOpenApi(r.path)}`);
    }
    // Middleware for every request, and Open311's own 404 for anything else under it: no route of their own.
    assert.deepEqual([...fallbacks].sort(), ['/*', '/open311/v2/*']);
    const documented = new Set(
      Object.entries(doc.paths).flatMap(([path, item]) => Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`)),
    );
    assert.deepEqual(
      [...answered].filter((r) => !documented.has(r)),
      [],
      'answered but not documented',
    );
    assert.deepEqual(
      [...documented].filter((r) => !answered.has(r)),
      [],
      'documented but not answered',
    );
  });

  test('every operation answers an anonymous request with a status it documents; staff-only ones with 401', async () => {
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        const url = path.replace(/\{(\w+)\}/g, 'unknown');
        // A route a browser is sent to (OpenID Connect) answers a redirect, even to say it failed: not followed here.
        const r =
          '302' in op.responses
            ? await fetch(`${server.url}${url}`, { method: method.toUpperCase(), redirect: 'manual' })
            : await call(server.url, method.toUpperCase(), url, method === 'get' ? {} : { raw: '' });
        const documented = String(r.status) in op.responses || `${String(r.status)[0]}XX` in op.responses;
        assert.ok(documented, `${method.toUpperCase()} ${url} → ${r.status}, documented: ${Object.keys(op.responses).join(', ')}`);
        assert.ok(r.status < 500, `${method.toUpperCase()} ${url} → ${r.status}`);
        const staffOnly = op.security?.length === 1 && 'bearer' in (op.security[0] ?? {});
        if (staffOnly) assert.equal(r.status, 401, `${method.toUpperCase()} ${url} without a token`);
      }
    }
  });

  test('documents the bearer token, the error envelope, path and query parameters', () => {
    const components = (
      doc as unknown as { components: { securitySchemes: Record<string, { scheme?: string }>; schemas: Record<string, unknown> } }
    ).components;
    assert.equal(components.securitySchemes.bearer?.scheme, 'bearer');
    assert.ok(components.schemas.ErrorEnvelope && components.schemas.Open311Errors && components.schemas.RegisterInput);
    const register = doc.paths['/api/walks/{walkId}/registrations']?.post;
    assert.deepEqual(
      register?.parameters?.filter((p) => p.in === 'path').map((p) => p.name),
      ['walkId'],
    );
    assert.deepEqual(
      doc.paths['/api/observations']?.get?.parameters?.filter((p) => p.in === 'query').map((p) => p.name),
      ['quartier', 'walk', 'theme', 'status', 'organisation', 'source', 'from', 'to', 'order', 'limit', 'cursor'],
    );
    assert.deepEqual(doc.paths['/api/walks']?.post?.security, [{ bearer: [] }]);
    // Public, but drafts (include=drafts, status=draft) are for staff: the token is optional.
    assert.deepEqual(doc.paths['/api/walks']?.get?.security, [{}, { bearer: [] }]);
  });

  test('the core schemas it names for answers are what the server answers', async () => {
    const staff = { authorization: `Bearer ${(await createToken(db.sql, { role: 'coordinator' })).token}` };
    const answers: [path: string, status: string, reply: Promise<{ status: number; body: unknown }>][] = [
      ['/api/city', '200', call(server.url, 'GET', '/api/city')],
      [
        '/api/walks',
        '201',
        call(server.url, 'POST', '/api/walks', {
          body: { quartierId: 'le-plan', startsAt: new Date(Date.now() + 30 * 86_400_000).toISOString() },
          headers: staff,
        }),
      ],
      [
        '/api/engagements',
        '201',
        call(server.url, 'POST', '/api/engagements', { body: { title: 'Réparer le banc', quartierId: 'le-plan' }, headers: staff }),
      ],
    ];
    for (const [path, status, reply] of answers) {
      const method = status === '200' ? 'get' : 'post';
      const schema =
        (
          (doc.paths[path]?.[method]?.responses[status] as { content?: Record<string, { schema?: { $ref?: string } }> })?.content?.[
            'application/json'
          ]?.schema?.$ref ?? ''
        )
          .split('/')
          .pop() ?? '';
      const core = (coreExports as Record<string, unknown>)[schema] as
        { safeParse?: (v: unknown) => { success: boolean; error?: unknown } } | undefined;
      assert.ok(core?.safeParse, `${method} ${path} ${status} names a core schema (${schema})`);
      const r = await reply;
      assert.equal(String(r.status), status, JSON.stringify(r.body));
      const parsed = core.safeParse(r.body);
      assert.ok(parsed.success, `${method} ${path}: ${JSON.stringify(parsed.error)}`);
    }
  });

  test('says what a reused Idempotency-Key answers: 422 request.idempotency-key-reused, on every JSON operation that takes one', () => {
    const components = (doc as unknown as { components: { parameters: Record<string, { description?: string }> } }).components;
    assert.match(components.parameters.IdempotencyKey?.description ?? '', /422 `request\.idempotency-key-reused`/);
    // Open311 answers every refusal as a 400 GeoReport list (its 4XX).
    const json = Object.entries(doc.paths).filter(([path]) => !path.startsWith('/open311/'));
    const taking = json.flatMap(([path, item]) =>
      Object.entries(item)
        .filter(([, op]) => op.parameters?.some((p) => (p as { $ref?: string }).$ref === '#/components/parameters/IdempotencyKey'))
        .map(
          ([method, op]) =>
            [`${method} ${path}`, (op.responses['422'] as { description?: string } | undefined)?.description ?? ''] as const,
        ),
    );
    assert.ok(taking.length >= 20, `${taking.length} operations take an Idempotency-Key`);
    assert.deepEqual(
      taking.filter(([, description]) => !description.includes('request.idempotency-key-reused')).map(([name]) => name),
      [],
    );
  });

  test('the privacy answers it describes are what the server answers, field for field', async () => {
    const staff = { authorization: `Bearer ${(await createToken(db.sql, { role: 'coordinator' })).token}` };
    const id = await openWalk(server.gusp, { capacity: 5 });
    assert.equal((await call(server.url, 'POST', `/api/walks/${id}/registrations`, { body: person('openapi-privacy') })).status, 201);
    const email = 'habitant-openapi-privacy@example.org';
    const answers: [
      path: string,
      schema: typeof EraseAnswer | typeof ExportAnswer | typeof PurgeAnswer,
      reply: () => Promise<{ status: number; body: unknown }>,
    ][] = [
      ['/api/privacy/export', ExportAnswer, () => call(server.url, 'GET', `/api/privacy/export?email=${email}`, { headers: staff })],
      ['/api/privacy/erase', EraseAnswer, () => call(server.url, 'POST', '/api/privacy/erase', { body: { email }, headers: staff })],
      ['/api/privacy/purge', PurgeAnswer, () => call(server.url, 'POST', '/api/privacy/purge', { body: { months: 0 }, headers: staff })],
    ];
    for (const [path, schema, reply] of answers) {
      const method = path.endsWith('export') ? 'get' : 'post';
      const documented = (doc.paths[path]?.[method]?.responses['200'] as { content?: Record<string, { schema?: { properties?: object } }> })
        ?.content?.['application/json']?.schema?.properties;
      const r = await reply();
      assert.equal(r.status, 200, JSON.stringify(r.body));
      const parsed = schema.safeParse(r.body);
      assert.ok(parsed.success, `${path}: ${JSON.stringify(r.body)} ${JSON.stringify(parsed.error?.issues)}`);
      assert.deepEqual(
        Object.keys(documented ?? {}).sort(),
        Object.keys(r.body as object).sort(),
        `${path}: the document lists the fields it answers`,
      );
    }
  });

  test('the README’s endpoint list is generated from this document (run scripts/api-docs.ts when it fails)', () => {
    const readme = readFileSync(README, 'utf8');
    assert.equal(withTables(readme, endpointTables(doc)), readme);
  });
});
