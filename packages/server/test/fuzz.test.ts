// SPDX-License-Identifier: EUPL-1.2
/**
 * A bounded, seeded fuzz of every operation of the OpenAPI document the
 * running server serves (PGlite, real HTTP over keep-alive, 8 in flight):
 * path params real or junk, query params junk, bodies built from each
 * operation's JSON Schema and then broken (wrong types, missing fields, huge
 * strings, control characters, deep nesting, invalid JSON, the wrong content
 * type), with and without a staff token, with random Accept-Language and
 * Idempotency-Key. No answer may be a 5xx, every JSON refusal is the error
 * envelope (the GeoReport error list under /open311), and the server logs no
 * unexpected error. `GUSP_FUZZ_SEED=<n>` replays a run; the seed and the
 * failing requests are printed.
 */
import assert from 'node:assert/strict';
import { Agent, request } from 'node:http';
import { after, before, describe, test, type TestContext } from 'node:test';
import { createToken } from '../src/auth.js';
import type { Database } from '../src/db.js';
import { openMigratedDatabase, startServer, type RunningServer } from '../src/server.js';
import { call, inDays, isErrorBody, openWalk, person, reportedWalk } from './harness.js';
import { pngWithMetadata } from './images.js';

const SEED = Number(process.env.GUSP_FUZZ_SEED ?? 0x5eed10) >>> 0;
const TOTAL = 10_500;
const IN_FLIGHT = 8;
/** Lone surrogates cannot be percent-encoded: they go as U+FFFD, as a browser sends them. */
const enc = (s: string) =>
  encodeURIComponent(s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd'));

/** mulberry32: a tiny seeded PRNG, so a run can be replayed from its seed. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Schema = {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  format?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
};
type Parameter = { $ref?: string; name: string; in: string; schema?: Schema };
type Operation = {
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema?: Schema }> };
};
type Document = {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema>; parameters: Record<string, Parameter> };
};

interface Sent {
  readonly method: string;
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body?: Buffer | undefined;
}

// Junk for path params and queries, already percent-encoded where a URL needs it.
const JUNK_IDS = [
  '%00',
  'abc%00def',
  'a'.repeat(5000),
  encodeURIComponent('éà🙂ñ中文'),
  '..',
  '%2e%2e',
  '%2F..%2Fetc%2Fpasswd',
  '',
  '%E0%A4%A',
  '%zz',
  '%FF%FE',
  encodeURIComponent('\u202e\u0007\u001b[31m'),
  encodeURIComponent("' OR 1=1 --"),
  '-1',
  '0',
  '1e999',
  'null',
  encodeURIComponent('<script>alert(1)</script>'),
];
const JUNK_STRINGS = [
  '',
  'x'.repeat(5000),
  '\u0000',
  'a\u0000b',
  '\u0007\u001b\u007f',
  '\ud800',
  '🙂'.repeat(300),
  ' ',
  '<img src=x onerror=alert(1)>',
  '2026-02-30T25:61:00Z',
  '-0',
  'NaN',
  '../../etc/passwd',
  '%00',
];
const LANGUAGES = ['fr', 'en', 'de', 'en-GB,en;q=0.9', '*', '', 'fr;q=abc', 'x'.repeat(300), 'zh-Hant-TW;q=0.1, en;q=0', ';;;,,,'];
const IDEMPOTENCY = ['', ' ', 'k'.repeat(201), 'ok-key', 'é', 'a b', 'key\t'];
const CONTENT_TYPES = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data',
  'multipart/form-data; boundary=',
  'application/json; charset=utf-16',
  'application/xml',
  'image/jpeg',
  'application/json',
];

describe('fuzz of every endpoint (PGlite)', () => {
  let db: Database;
  let server: RunningServer;
  let doc: Document;
  let staff: string;
  const ids: Record<string, string[]> = {};
  const unexpected: Record<string, unknown>[] = [];

  before(async () => {
    db = await openMigratedDatabase({});
    // No rate limit (none unless asked): a 429 would hide the paths behind it.
    server = await startServer({
      database: db,
      log: (r) => {
        if (r.level === 'error') unexpected.push(r);
      },
    });
    staff = `Bearer ${(await createToken(db.sql, { role: 'coordinator' })).token}`;
    doc = (await call<Document>(server.url, 'GET', '/api/openapi.json')).body;
    const walk = await call(server.url, 'POST', '/api/walks', {
      headers: { authorization: staff },
      body: {
        quartierId: 'le-plan',
        startsAt: inDays(40),
        title: 'Diagnostic du fuzz',
        capacity: 10,
        stops: [{ label: 'Parvis', point: { lat: 44.9205, lon: 4.9128 } }],
      },
    });
    assert.equal(walk.status, 201, JSON.stringify(walk.body));
    const open = await openWalk(server.gusp, { capacity: 5 });
    const registration = await call(server.url, 'POST', `/api/walks/${open}/registrations`, { body: person('fuzz') });
    assert.equal(registration.status, 201, JSON.stringify(registration.body));
    const reported = await reportedWalk(server.gusp.store);
    const observation = await call(server.url, 'POST', '/api/observations', {
      body: {
        quartierId: 'le-plan',
        point: { lat: 44.9205, lon: 4.9128 },
        polarity: 'problem',
        themeId: 'eclairage-public',
        description: 'Lampadaire éteint',
      },
    });
    assert.equal(observation.status, 201, JSON.stringify(observation.body));
    const engagement = await call(server.url, 'POST', '/api/engagements', {
      headers: { authorization: staff },
      body: { title: 'Changer le lampadaire', quartierId: 'le-plan', observationIds: [observation.body.id] },
    });
    assert.equal(engagement.status, 201, JSON.stringify(engagement.body));
    const photo = await fetch(`${server.url}/api/photos`, {
      method: 'POST',
      headers: { 'content-type': 'image/png' },
      body: new Uint8Array(pngWithMetadata()),
    });
    assert.equal(photo.status, 201);
    const photoId = ((await photo.json()) as { id: string }).id;
    ids.walkId = [walk.body.id, open, reported.walkId];
    ids.registrationId = [registration.body.registrationId];
    ids.observationId = [observation.body.id, reported.observationId];
    ids.engagementId = [engagement.body.id];
    ids.photoId = [photoId];
    ids.quartierId = ['le-plan', 'valensolles'];
    ids.service_request_id = [observation.body.id];
    ids.service_code = ['eclairage-public'];
    ids.file = ['gusp-elements', 'index'];
    // A concerted project with a published workshop and a contribution (issue 15): their routes get real ids too.
    const project = await call(server.url, 'POST', '/api/projects', {
      headers: { authorization: staff },
      body: { quartierId: 'le-plan', title: 'Les Bleuets', site: { label: 'Immeuble Les Bleuets' }, landlordId: 'oph' },
    });
    assert.equal(project.status, 201, JSON.stringify(project.body));
    const announced = await server.gusp.projects.announce(project.body.id);
    assert.ok(announced.ok);
    const workshop = await server.gusp.workshops.schedule(project.body.id, {
      title: 'Atelier du fuzz',
      startsAt: inDays(30),
      place: { label: 'Local des habitants' },
      capacity: 5,
    });
    assert.ok(workshop.ok && (await server.gusp.workshops.publish(workshop.value.id)).ok);
    const contribution = await server.gusp.projects.recordContribution(project.body.id, { text: 'Des bancs au pied de l’immeuble.' });
    assert.ok(contribution.ok);
    ids.projectId = [project.body.id];
    ids.page = [project.body.id];
    ids.workshopId = [workshop.value.id];
    ids.contributionId = [contribution.value.id];
    ids.token = [registration.body.cancelToken];
  });
  after(async () => {
    await server?.close();
    await db?.close();
  });

  test('Open311: an Idempotency-Key reused with another body is refused in the JSON API’s words, never the first request', async () => {
    const post = (description: string) =>
      call(server.url, 'POST', '/open311/v2/requests.json', {
        headers: { 'idempotency-key': 'open311-reused', 'accept-language': 'en' },
        body: { service_code: 'eclairage-public', lat: '44.9205', long: '4.9128', description },
      });
    const first = await post('Lampadaire éteint rue des Bleuets');
    assert.equal(first.status, 201, JSON.stringify(first.body));
    const again = await post('Lampadaire éteint rue des Bleuets');
    assert.deepEqual(again.body, first.body, 'the same body is answered again');
    const other = await post('Banc cassé');
    assert.equal(other.status, 400);
    assert.deepEqual(other.body, [
      { code: 400, description: 'This Idempotency-Key was already used for another request: send this one with a new key.' },
    ]);
  });

  /** Sends `total` requests drawn from the seed over every operation to the server at `url`; what did not hold. */
  const fuzz = async (url: string, total: number, t: TestContext) => {
    const rnd = mulberry32(SEED);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;
    const chance = (p: number) => rnd() < p;
    const deref = <T extends { $ref?: string }>(s: T, table: Record<string, unknown>): T =>
      s.$ref ? (table[s.$ref.split('/').pop() ?? ''] as T) : s;
    const schemaOf = (s: Schema | undefined): Schema => (s ? deref(s, doc.components.schemas) : {});

    /** A plausible value for a schema (names that hold ids get real ones). */
    const valid = (raw: Schema | undefined, name = '', depth = 0): unknown => {
      const s = schemaOf(raw);
      if (s.const !== undefined) return s.const;
      if (s.enum) return pick(s.enum);
      const alternatives = s.anyOf ?? s.oneOf;
      if (alternatives) return valid(pick(alternatives), name, depth);
      if (s.allOf) return valid(s.allOf[0], name, depth);
      const type = Array.isArray(s.type) ? pick(s.type) : s.type;
      if (type === 'object' || s.properties) {
        const out: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(s.properties ?? {}))
          if ((s.required ?? []).includes(k) || (depth < 3 && chance(0.6))) out[k] = valid(v, k, depth + 1);
        return out;
      }
      if (type === 'array') return depth > 3 ? [] : Array.from({ length: Math.floor(rnd() * 3) }, () => valid(s.items, name, depth + 1));
      if (type === 'integer' || type === 'number') {
        const min = s.minimum ?? 0;
        const max = s.maximum ?? 100;
        const n = min + rnd() * (max - min);
        return type === 'integer' ? Math.round(n) : n;
      }
      if (type === 'boolean') return chance(0.5);
      if (type === 'null') return null;
      const known = ids[name.replace(/Ids$/, 'Id')];
      if (known) return pick(known);
      if (/email/i.test(name)) return `fuzz-${Math.floor(rnd() * 1e6)}@example.org`;
      if (s.format === 'date-time' || /At$/.test(name)) return inDays(Math.floor(rnd() * 60) - 10);
      if (s.format === 'date' || /On$/.test(name)) return inDays(Math.floor(rnd() * 60)).slice(0, 10);
      if (/themeId|service_code/.test(name)) return 'eclairage-public';
      if (/organisationId/.test(name)) return 'ville-de-valence';
      if (name === 'lat') return '44.92';
      if (name === 'long') return '4.91';
      return 'Texte du fuzz';
    };
    /** Something of another kind than the schema asks for. */
    const wrong = (): unknown =>
      pick<unknown>([
        null,
        42,
        -1e308,
        true,
        [],
        {},
        pick(JUNK_STRINGS),
        [pick(JUNK_STRINGS)],
        { __proto__: { admin: true }, constructor: 'x' },
        'y'.repeat(70_000),
      ]);
    const nested = (n: number): unknown => (n === 0 ? {} : chance(0.5) ? [nested(n - 1)] : { a: nested(n - 1) });
    /** The valid value, one field of it broken (or the whole of it). */
    const mutate = (value: unknown, depth = 0): unknown => {
      if (value && typeof value === 'object' && !Array.isArray(value) && chance(0.8)) {
        const o = { ...(value as Record<string, unknown>) };
        const keys = Object.keys(o);
        const key = keys.length > 0 && chance(0.85) ? pick(keys) : `extra${Math.floor(rnd() * 10)}`;
        const what = rnd();
        if (what < 0.2) delete o[key];
        else if (what < 0.35) o[key] = pick(JUNK_STRINGS);
        else if (what < 0.45) o[key] = nested(50 + Math.floor(rnd() * 500));
        else if (depth < 3 && o[key] && typeof o[key] === 'object') o[key] = mutate(o[key], depth + 1);
        else o[key] = wrong();
        return o;
      }
      if (Array.isArray(value) && value.length > 0 && chance(0.7)) return value.map((v) => (chance(0.5) ? mutate(v, depth + 1) : v));
      return pick([wrong(), [value], nested(1000), Array.from({ length: 300 }, () => value)]);
    };
    const form = (value: unknown): string =>
      value && typeof value === 'object' && !Array.isArray(value)
        ? new URLSearchParams(Object.entries(value).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)])).toString()
        : String(value);

    const operations: { method: string; path: string; op: Operation }[] = [];
    for (const [path, item] of Object.entries(doc.paths))
      for (const [method, op] of Object.entries(item)) operations.push({ method: method.toUpperCase(), path, op });
    assert.ok(operations.length >= 60, `only ${operations.length} operations`);

    const build = (method: string, template: string, op: Operation): Sent => {
      const params = (op.parameters ?? []).map((p) => deref(p, doc.components.parameters));
      let path = template.replace(/\{(\w+)\}/g, (_, name: string) => {
        const real = ids[name];
        return real && chance(0.55) ? enc(pick(real)) : pick(JUNK_IDS);
      });
      const query = params
        .filter((p) => p.in === 'query' && chance(0.6))
        .map((p) => {
          const value = chance(0.3) ? String(valid(p.schema, p.name)) : pick(JUNK_STRINGS);
          return `${enc(p.name)}=${chance(0.1) ? pick(JUNK_IDS) : enc(value)}`;
        });
      if (chance(0.05)) query.push(`${pick(JUNK_IDS)}=${pick(JUNK_IDS)}`);
      if (query.length > 0) path += `?${query.join('&')}`;
      const headers: Record<string, string> = {};
      if (chance(0.5))
        headers.authorization = chance(0.9) ? staff : pick(['Bearer ', 'Bearer x', 'Basic Zm9vOmJhcg==', 'Bearer ' + 'z'.repeat(3000)]);
      if (chance(0.7)) headers['accept-language'] = pick(LANGUAGES);
      if (method !== 'GET') headers['idempotency-key'] = chance(0.7) ? `fuzz-${Math.floor(rnd() * 400)}` : pick(IDEMPOTENCY);
      if (method === 'GET' || method === 'DELETE') return { method, path, headers };

      const declared = Object.entries(op.requestBody?.content ?? {});
      const [declaredType, media] = declared.length > 0 ? pick(declared) : ['application/json', {}];
      const value = valid(media.schema);
      const shape = rnd();
      let body: Buffer;
      let type = declaredType;
      if (declaredType.startsWith('image/')) {
        body = chance(0.3)
          ? pngWithMetadata().subarray(0, Math.floor(rnd() * 200))
          : Buffer.from(Array.from({ length: 64 }, () => Math.floor(rnd() * 256)));
      } else if (shape < 0.15)
        body = Buffer.from(JSON.stringify(value)); // valid, or nearly
      else if (shape < 0.65) body = Buffer.from(JSON.stringify(mutate(value)) ?? 'null');
      else if (shape < 0.75)
        body = Buffer.from(pick(['{', '{"a":', '[1,2', 'nul', '"\\ud800"', '{"a":1e999}', '\u0000', '', '{"a":"\u0000"}', '\ufeff{}']));
      else if (shape < 0.85) {
        type = pick(CONTENT_TYPES);
        body = Buffer.from(type.includes('x-www-form') ? form(value) : JSON.stringify(value));
      } else body = Buffer.from(form(chance(0.5) ? value : mutate(value)));
      if (declaredType === 'multipart/form-data') {
        type = pick(['multipart/form-data', 'multipart/form-data; boundary=x', 'multipart/form-data; boundary=']);
        if (chance(0.5))
          body = Buffer.from(`--x\r\nContent-Disposition: form-data; name="observation"\r\n\r\n${body.toString()}\r\n--x--\r\n`);
      } else if (declaredType === 'application/x-www-form-urlencoded' && shape >= 0.85) type = declaredType;
      if (chance(0.05)) delete headers['idempotency-key'];
      if (!chance(0.03)) headers['content-type'] = type;
      return { method, path, headers, body };
    };

    const agent = new Agent({ keepAlive: true, maxSockets: IN_FLIGHT });
    const send = (r: Sent) =>
      new Promise<{ status: number; type: string; text: string }>((resolve, reject) => {
        const req = request(url + r.path, { method: r.method, headers: r.headers, agent }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              type: String(res.headers['content-type'] ?? ''),
              text: Buffer.concat(chunks).toString(),
            }),
          );
          res.on('error', reject);
        });
        req.on('error', reject);
        req.end(r.body);
      });

    // The requests are drawn in order first, so the seed alone decides them.
    const planned: Sent[] = [];
    while (planned.length < total) for (const o of operations) planned.push(build(o.method, o.path, o.op));
    const classes: Record<string, number> = {};
    const failures: string[] = [];
    const apiEnvelopeOn311 = new Set<string>();
    const describeRequest = (r: Sent) =>
      `${r.method} ${r.path.slice(0, 120)} ${JSON.stringify(r.headers).slice(0, 200)} body=${JSON.stringify(r.body?.toString().slice(0, 160) ?? null)}`;
    const started = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: IN_FLIGHT }, async () => {
        while (next < planned.length) {
          const r = planned[next++] as Sent;
          let reply: { status: number; type: string; text: string };
          try {
            reply = await send(r);
          } catch (e) {
            failures.push(`no answer (${String(e)}): ${describeRequest(r)}`);
            continue;
          }
          const klass = `${Math.floor(reply.status / 100)}xx`;
          classes[klass] = (classes[klass] ?? 0) + 1;
          if (reply.status >= 500) failures.push(`${reply.status} ${reply.text.slice(0, 200)}: ${describeRequest(r)}`);
          else if (reply.status >= 300 && /json/.test(reply.type)) {
            let body: unknown;
            try {
              body = JSON.parse(reply.text);
            } catch {
              failures.push(`${reply.status} claims JSON but is not: ${describeRequest(r)}`);
              continue;
            }
            const georeport =
              Array.isArray(body) &&
              body.length > 0 &&
              body.every((e) => typeof e?.code === 'number' && typeof e?.description === 'string');
            // Under /open311 every refusal is a GeoReport list, the app-wide checks' (body size, Idempotency-Key) included (issue 11).
            if (r.path.startsWith('/open311/') && !georeport && isErrorBody(body)) {
              apiEnvelopeOn311.add(`${reply.status} ${body.error.code}`);
              failures.push(`${reply.status} the API's envelope under /open311: ${describeRequest(r)}`);
            }
            if (!georeport && !isErrorBody(body))
              failures.push(`${reply.status} not in an error envelope ${reply.text.slice(0, 200)}: ${describeRequest(r)}`);
            else if (georeport && !r.path.startsWith('/open311/'))
              failures.push(`${reply.status} a GeoReport list outside /open311: ${describeRequest(r)}`);
          }
        }
      }),
    );
    agent.destroy();
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    t.diagnostic(
      `seed ${SEED} (replay with GUSP_FUZZ_SEED=${SEED}): ${planned.length} requests over ${operations.length} operations in ${seconds} s`,
    );
    t.diagnostic(`statuses: ${JSON.stringify(classes)}`);
    if (apiEnvelopeOn311.size > 0) t.diagnostic(`under /open311 in the API's envelope: ${[...apiEnvelopeOn311].sort().join(', ')}`);
    for (const f of failures.slice(0, 10)) t.diagnostic(f);
    return failures;
  };

  test(`≥ ${TOTAL} requests, 0 × 5xx, every refusal in its envelope (seed ${SEED})`, async (t) => {
    const failures = await fuzz(server.url, TOTAL, t);
    assert.equal(failures.length, 0, `seed ${SEED}: ${failures.length} failures, the first:\n${failures.slice(0, 10).join('\n')}`);
    assert.deepEqual(
      unexpected.map((u) => `${String(u.method)} ${String(u.path).slice(0, 200)}: ${String(u.error).slice(0, 300)}`),
      [],
      `seed ${SEED}: the server logged unexpected errors`,
    );
  });

  // A fuzz that reports nothing proves nothing unless it would report something: the same fuzz, a
  // fifth of it, over a server on the same database whose `start` command throws for a real walk (as a
  // handler that lets an input through to a failing query would), must report those 500s, and only those.
  test('is not blind: one handler broken on purpose gives 500s the fuzz reports, on that route only', async (t) => {
    const logged: Record<string, unknown>[] = [];
    const broken = await startServer({
      database: db,
      photoSweep: false,
      log: (r) => {
        if (r.level === 'error') logged.push(r);
      },
      beforeListen: async (gusp) => {
        const start = gusp.walks.start.bind(gusp.walks);
        gusp.walks.start = async (walkId, options) => {
          if (ids.walkId?.includes(walkId)) throw new Error('broken on purpose for the fuzz');
          return start(walkId, options);
        };
      },
    });
    try {
      const failures = await fuzz(broken.url, Math.ceil(TOTAL / 5), t);
      const fiveHundreds = failures.filter((f) => /^5\d\d /.test(f));
      assert.ok(fiveHundreds.length > 0, `the fuzz reports the broken handler: ${failures.slice(0, 3).join('\n')}`);
      assert.deepEqual(
        failures.filter((f) => !/^500 .*: POST \/api\/walks\/[^/ ]+\/start[? ]/.test(f)),
        [],
        'it reports that route and nothing else',
      );
      assert.ok(logged.length > 0 && logged.every((r) => String(r.error).includes('broken on purpose')), JSON.stringify(logged[0]));
      t.diagnostic(`${fiveHundreds.length} × 500 reported on POST /api/walks/{walkId}/start`);
    } finally {
      await broken.close();
    }
  });
});
