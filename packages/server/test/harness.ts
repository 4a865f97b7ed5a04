// SPDX-License-Identifier: EUPL-1.2
/**
 * What a suite needs from a database backend, so that the same suites run on
 * PGlite and on PostgreSQL, and a small HTTP client for real requests.
 */
import { createGusp, valence, type Gusp, type Result, type Store } from '@gusp/core';
import assert from 'node:assert/strict';
import { request, type IncomingMessage } from 'node:http';
import * as zlib from 'node:zlib';
import { createToken, type StaffRole } from '../src/auth.js';
import type { Database } from '../src/db.js';

export interface Backend {
  readonly name: 'pglite' | 'postgres';
  /** Opens a migrated database (shared by the tests of a file). */
  open(): Promise<Database>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the tests probe untyped JSON answers field by field
export interface Reply<T = any> {
  readonly status: number;
  readonly body: T;
  readonly headers: Headers;
}

/** A request over real HTTP; the body is parsed as JSON when there is one. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- as Reply
export async function call<T = any>(
  base: string,
  method: string,
  path: string,
  init: { body?: unknown; raw?: string; headers?: Record<string, string> } = {},
): Promise<Reply<T>> {
  const headers: Record<string, string> = { ...(init.headers ?? {}) };
  let body: string | undefined;
  if (init.raw !== undefined) body = init.raw;
  else if (init.body !== undefined) {
    body = JSON.stringify(init.body);
    headers['content-type'] ??= 'application/json';
  }
  const res = await fetch(base + path, { method, headers, ...(body === undefined ? {} : { body }) });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text === '' ? undefined : JSON.parse(text);
  } catch {
    /* not JSON: keep the text for the assertion message */
  }
  return { status: res.status, body: parsed as T, headers: res.headers };
}

/**
 * `ok(method, path, body?, headers?)`: a request over real HTTP to `url()` that must succeed, with
 * `headers()` unless others are given and a fresh Idempotency-Key (`<tag>-<n>-<time>`); a status
 * other than 2xx fails the test naming it and the body; returns the body. `url` and `headers` are
 * read at each call, so a suite makes its `ok` before `before` has started the server.
 */
export function okCalls(url: () => string, headers: () => Record<string, string>, tag: string) {
  let n = 0;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- as Reply
  return async (method: string, path: string, body?: unknown, as: Record<string, string> = headers()): Promise<any> => {
    const r = await call(url(), method, path, { body, headers: { ...as, 'idempotency-key': `${tag}-${++n}-${Date.now()}` } });
    assert.ok(r.status >= 200 && r.status < 300, `${method} ${path}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  };
}

/** What {@linkcode okCalls} makes. */
export type Ok = ReturnType<typeof okCalls>;

/**
 * A walk in the Polygone that starts in 20 minutes (sign-ups close in 10), at `stops`, scheduled and
 * published by `ok` (a coordinator's); and `reg(who, extra?)`: a resident signs up to it over HTTP
 * (`person(`<tag>-<who>`)`, `extra` over it), giving the registration's id.
 */
export async function walkStartingSoon(
  base: string,
  ok: Ok,
  tag: string,
  { capacity, stops }: { capacity: number; stops: readonly { label: string }[] },
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- as Reply
): Promise<{ id: string; walk: any; reg: (who: string, extra?: Record<string, unknown>) => Promise<string> }> {
  const walk = await ok('POST', '/api/walks', {
    quartierId: 'polygone',
    startsAt: new Date(Date.now() + 20 * 60_000).toISOString(),
    capacity,
    meetingPoint: { label: 'Maison de quartier' },
    stops,
    registrationDeadline: new Date(Date.now() + 10 * 60_000).toISOString(),
  });
  const id = walk.id as string;
  await ok('POST', `/api/walks/${id}/publish`);
  const reg = async (who: string, extra: Record<string, unknown> = {}) =>
    (await call(base, 'POST', `/api/walks/${id}/registrations`, { body: person(`${tag}-${who}`, extra) })).body.registrationId as string;
  return { id, walk, reg };
}

/** The authorization header of a fresh API token of `role` (an organisation's names its `organisationId`). */
export async function bearer(db: Database, role: StaffRole, label: string, organisationId?: string): Promise<Record<string, string>> {
  const { token } = await createToken(db.sql, { role, label, ...(organisationId ? { organisationId } : {}) });
  return { authorization: `Bearer ${token}` };
}

let seq = 0;
/** An ISO date-time `days` from now, on the hour. */
export const inDays = (days: number) => {
  const d = new Date(Date.now() + days * 86_400_000);
  d.setUTCMinutes(0, 0, 0);
  return d.toISOString();
};

/** Schedules and publishes a walk through the core (staff endpoints come later). */
export async function openWalk(gusp: Gusp, input: { capacity?: number; quartierId?: string; publish?: boolean } = {}): Promise<string> {
  seq++;
  const scheduled = await gusp.walks.schedule({
    quartierId: input.quartierId ?? 'le-plan',
    startsAt: inDays(30 + (seq % 200)),
    title: `Diagnostic en marchant ${seq}`,
    capacity: input.capacity ?? 20,
    stops: [
      { label: 'Parvis des Bleuets', point: { lat: 44.9205, lon: 4.9128 } },
      { label: 'Aire de jeux', point: { lat: 44.921, lon: 4.913 } },
    ],
  });
  if (!scheduled.ok) throw new Error(JSON.stringify(scheduled.error));
  if (input.publish !== false) {
    const published = await gusp.walks.publish(scheduled.value.id);
    if (!published.ok) throw new Error(JSON.stringify(published.error));
  }
  return scheduled.value.id;
}

/** A valid sign-up body. */
export const person = (n: number | string, extra: Record<string, unknown> = {}) => ({
  name: `Habitant ${n}`,
  email: `habitant-${n}@example.org`,
  consent: true,
  ...extra,
});

/** A valid anonymous report of a problem (an observation body), in the Polygone. */
export const REPORT = {
  quartierId: 'polygone',
  polarity: 'problem',
  themeId: 'nettoyage',
  description: 'Dépôt sauvage rue Jean-Jaurès',
  point: { lat: 44.9392, lon: 4.9083 },
};

/** Asserts the error envelope: a code and a non-empty message. */
export function isErrorBody(body: unknown): body is { error: { code: string; message: string; details: Record<string, unknown> } } {
  const e = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } } | undefined)?.error;
  return (
    typeof e?.code === 'string' &&
    e.code.length > 0 &&
    typeof e.message === 'string' &&
    e.message.length > 0 &&
    typeof e.details === 'object' &&
    e.details !== null
  );
}

const must = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
};

/**
 * A walk held in the past and reported (its compte-rendu shared), written
 * through a service whose clock is moved back. Returns its id and observation.
 */
export async function reportedWalk(store: Store): Promise<{ walkId: string; observationId: string }> {
  const startsAt = new Date(Date.now() - 10 * 86_400_000);
  startsAt.setUTCHours(8, 0, 0, 0);
  let clock = startsAt.getTime() - 20 * 86_400_000;
  const gusp = createGusp({ city: valence, store, now: () => new Date(clock) });
  const walk = must(
    await gusp.walks.schedule({
      quartierId: 'valensolles',
      title: 'Diagnostic passé',
      startsAt: startsAt.toISOString(),
      capacity: 10,
      stops: [{ label: 'Entrée du parc', point: { lat: 44.9118, lon: 4.9046 } }],
    }),
  );
  must(await gusp.walks.publish(walk.id));
  must(await gusp.walks.register(walk.id, { name: 'Témoin Passé', email: 'past-witness@example.org', consent: true }));
  clock = startsAt.getTime() - 10 * 60_000;
  must(await gusp.walks.start(walk.id));
  clock += 3_600_000;
  const observation = must(
    await gusp.observations.record({
      walkId: walk.id,
      stopId: walk.stops[0]?.id,
      polarity: 'problem',
      themeId: 'eclairage-public',
      description: 'Lampadaire éteint à l’entrée du parc',
      source: 'walk',
    }),
  );
  clock += 3 * 3_600_000;
  must(await gusp.walks.finish(walk.id));
  must(await gusp.reports.draft(walk.id));
  must(await gusp.reports.validate(walk.id, { summary: 'Éclairage à reprendre.' }));
  must(await gusp.reports.share(walk.id));
  return { walkId: walk.id, observationId: observation.id };
}

/** An answer read with node:http, which does not decompress: the bytes as sent, and decoded. */
export interface RawReply {
  readonly status: number;
  readonly headers: IncomingMessage['headers'];
  /** The bytes as sent. */
  readonly raw: Buffer;
  /** Decoded as their Content-Encoding says. */
  readonly body: Buffer;
}

const decodeBody = (raw: Buffer, encoding: string | undefined) =>
  encoding === 'br' ? zlib.brotliDecompressSync(raw) : encoding === 'gzip' ? zlib.gunzipSync(raw) : raw;

/** A request with node:http (GET by default), for tests of what crosses the wire: encodings, lengths. */
export function rawGet(base: string, path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<RawReply> {
  return new Promise((resolve, reject) => {
    const req = request(base + path, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const raw = Buffer.concat(chunks);
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          raw,
          body: raw.length === 0 ? raw : decodeBody(raw, res.headers['content-encoding']),
        });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

/**
 * `count` people sign up at once to one gathering (`/api/walks/{id}`, `/api/workshops/{id}`) of
 * `capacity` seats, over real HTTP, the requests spread over `bases` in turn (one server, or two
 * on one database): every one answers 201, exactly `capacity` are confirmed, the others waitlisted
 * with the positions 1…n each once, and those positions follow the journal's order of the sign-ups
 * (`stream`: the gathering's stream, read from `store`): the registration guarantees, whatever the
 * gathering. Returns the answers.
 */
export async function rushSignUps(
  store: Store,
  bases: readonly string[],
  gathering: string,
  stream: string,
  { count, capacity, tag }: { count: number; capacity: number; tag: string },
): Promise<Reply[]> {
  const replies = await Promise.all(
    Array.from({ length: count }, (_, i) =>
      call(bases[i % bases.length] ?? '', 'POST', `${gathering}/registrations`, { body: person(`${tag}-${i}`) }),
    ),
  );
  const refused = replies.filter((r) => r.status !== 201).map((r) => [r.status, r.body]);
  if (refused.length > 0) throw new Error(`refused sign-ups: ${JSON.stringify(refused.slice(0, 3))}`);
  const confirmed = replies.filter((r) => r.body.status === 'confirmed');
  const waitlisted = replies.filter((r) => r.body.status === 'waitlisted');
  const expected = Array.from({ length: count - capacity }, (_, i) => i + 1);
  const sorted = waitlisted.map((r) => r.body.position as number).sort((a, b) => a - b);
  const byId = new Map(waitlisted.map((r) => [r.body.registrationId as string, r.body.position as number]));
  const inJournalOrder = (await store.read(stream)).events
    .filter((e) => e.type === 'ParticipantRegistered')
    .map((e) => byId.get((e.data as { registration: { id: string } }).registration.id))
    .filter((p) => p !== undefined);
  const facts = { confirmed: confirmed.length, waitlisted: waitlisted.length, positions: sorted, inJournalOrder };
  const wanted = { confirmed: capacity, waitlisted: count - capacity, positions: expected, inJournalOrder: expected };
  if (JSON.stringify(facts) !== JSON.stringify(wanted))
    throw new Error(`sign-ups broke the guarantees: ${JSON.stringify({ ...facts, positions: undefined })}`);
  return replies;
}
