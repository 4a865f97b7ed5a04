// SPDX-License-Identifier: EUPL-1.2
/**
 * `GET /api/walks?upcoming=1&quartier=…`, what `<gusp-walk-list>` reads, over
 * real HTTP on PGlite with Valence seeded: the walks still to come (open,
 * closed or cancelled, not started), soonest first, with the city profile.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { seedValence } from '../src/seed/valence.js';
import { startServer, type RunningServer } from '../src/server.js';
import { call, openWalk } from './harness.js';

interface ListedWalk {
  readonly id: string;
  readonly status: string;
  readonly walk: { readonly quartierId: string; readonly startsAt: string };
}

describe('GET /api/walks?upcoming=1: the walk list', () => {
  let server: RunningServer;
  before(async () => {
    server = await startServer({ beforeListen: (gusp) => seedValence(gusp.store) });
  });
  after(async () => {
    await server?.close();
  });

  test('keeps only the walks still to come, soonest first, and gives the city profile', async () => {
    const all = (await call(server.url, 'GET', '/api/walks')).body.walks as ListedWalk[];
    const r = await call(server.url, 'GET', '/api/walks?upcoming=1');
    assert.equal(r.status, 200);
    const walks = r.body.walks as ListedWalk[];
    // The seed has a reported walk (its compte-rendu is shared): in the full list, not in the upcoming one.
    assert.ok(all.some((w) => w.status === 'reported'));
    assert.deepEqual(
      walks.map((w) => w.id),
      all.filter((w) => ['open', 'closed', 'cancelled'].includes(w.status) && Date.parse(w.walk.startsAt) > Date.now()).map((w) => w.id),
    );
    assert.ok(walks.length > 0);
    assert.ok(walks.every((w, i) => i === 0 || Date.parse(walks[i - 1]!.walk.startsAt) <= Date.parse(w.walk.startsAt)));
    assert.equal(r.body.city.name, 'Valence');
    assert.ok(r.body.city.quartiers.some((q: { id: string }) => q.id === 'le-plan'));
  });

  test('with quartier=, only that quartier’s walks still to come', async () => {
    const id = await openWalk(server.gusp, { quartierId: 'valensolles' });
    const r = await call(server.url, 'GET', '/api/walks?upcoming=1&quartier=valensolles');
    assert.equal(r.status, 200);
    const walks = r.body.walks as ListedWalk[];
    assert.ok(walks.some((w) => w.id === id));
    assert.ok(walks.every((w) => w.walk.quartierId === 'valensolles'));
    const other = await call(server.url, 'GET', '/api/walks?upcoming=1&quartier=polygone');
    assert.ok(!(other.body.walks as ListedWalk[]).some((w) => w.id === id));
  });

  test('is described in the OpenAPI document with its upcoming parameter', async () => {
    const doc = (await call(server.url, 'GET', '/api/openapi.json')).body;
    const names = (doc.paths['/api/walks'].get.parameters as { name: string; in: string }[])
      .filter((p) => p.in === 'query')
      .map((p) => p.name);
    assert.deepEqual(names.sort(), ['cursor', 'from', 'include', 'limit', 'quartier', 'status', 'to', 'upcoming', 'year']);
  });
});
