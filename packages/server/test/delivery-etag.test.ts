// SPDX-License-Identifier: EUPL-1.2
/**
 * Issue 12, delivery: conditional GET of the JSON reads (http/etag.ts), over real HTTP on PGlite.
 * A read answers with a strong `ETag`, `Cache-Control: no-cache` and `Vary: Accept-Language`;
 * the same request with `If-None-Match` gets a 304 with no body; a change through the core gives
 * a new tag; another language another tag; streamed exports and refusals are left alone.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startServer, type RunningServer } from '../src/server.js';
import { seedValence } from '../src/seed/valence.js';
import { REPORT } from './harness.js';

const get = (server: RunningServer, path: string, headers: Record<string, string> = {}) =>
  fetch(server.url + path, { headers: { 'accept-encoding': 'identity', ...headers } });

describe('conditional GET of the JSON reads (issue 12)', () => {
  let server: RunningServer;
  before(async () => {
    server = await startServer({ proofOfWork: false, beforeListen: (gusp) => seedValence(gusp.store) });
    await server.readModels.caughtUp();
  });
  after(async () => {
    await server?.close();
  });

  test('a JSON read has a strong ETag, no-cache and Vary: Accept-Language; If-None-Match gets a 304 with no body', async () => {
    for (const path of ['/api/walks', '/api/walks?upcoming=1', '/api/city', '/api/engagements', '/open311/v2/services.json']) {
      const first = await get(server, path);
      assert.equal(first.status, 200, path);
      const body = await first.text();
      const etag = first.headers.get('etag');
      assert.match(etag ?? '', /^"[A-Za-z0-9_-]{27}"$/, `${path}: a strong tag (${etag})`);
      assert.equal(first.headers.get('cache-control'), 'no-cache', path);
      assert.match(first.headers.get('vary') ?? '', /Accept-Language/i, path);
      assert.ok(body.length > 0);

      const again = await get(server, path, { 'if-none-match': etag! });
      assert.equal(again.status, 304, path);
      assert.equal(await again.text(), '', `${path}: a 304 has no body`);
      assert.equal(again.headers.get('etag'), etag, path);
      assert.equal(again.headers.get('cache-control'), 'no-cache', path);
      assert.equal(again.headers.get('content-type'), null, `${path}: no type on a 304`);

      // A list of tags, one of them current; the weak form of the tag (a compressed copy's) matches too.
      assert.equal((await get(server, path, { 'if-none-match': `"old", ${etag}` })).status, 304, path);
      const weak = await get(server, path, { 'if-none-match': `W/${etag}` });
      assert.equal(weak.status, 304, path);
      assert.equal(weak.headers.get('etag'), `W/${etag}`, `${path}: the 304 names the copy the client holds`);
      assert.equal((await get(server, path, { 'if-none-match': '*' })).status, 304, path);
      // Another tag: the whole answer again, identical.
      const other = await get(server, path, { 'if-none-match': '"not-this-one"' });
      assert.equal(other.status, 200, path);
      assert.equal(await other.text(), body, path);
    }
  });

  test('HEAD has the GET’s validators', async () => {
    const got = await get(server, '/api/walks');
    const head = await fetch(server.url + '/api/walks', { method: 'HEAD' });
    assert.equal(head.status, 200);
    assert.equal(head.headers.get('etag'), got.headers.get('etag'));
    const conditional = await fetch(server.url + '/api/walks', { method: 'HEAD', headers: { 'if-none-match': got.headers.get('etag')! } });
    assert.equal(conditional.status, 304);
  });

  test('a new observation through the core changes the tag of the list; the old tag gets the whole list', async () => {
    const path = '/api/observations?quartier=polygone';
    const before = await get(server, path);
    assert.equal(before.status, 200);
    const oldTag = before.headers.get('etag')!;
    const oldBody = (await before.json()) as { observations: unknown[] };
    const recorded = await server.gusp.observations.record({ ...REPORT, description: 'Tag nouveau : encombrant rue Jean-Jaurès' } as never);
    assert.ok(recorded.ok, JSON.stringify(recorded));
    await server.readModels.caughtUp();
    const after = await get(server, path, { 'if-none-match': oldTag });
    assert.equal(after.status, 200, 'the list changed: not a 304');
    const newTag = after.headers.get('etag')!;
    assert.notEqual(newTag, oldTag);
    const text = await after.text();
    assert.match(text, /Tag nouveau/);
    assert.ok(JSON.stringify(oldBody).length < text.length);
    assert.equal((await get(server, path, { 'if-none-match': newTag })).status, 304);
  });

  test('another Accept-Language: another tag, and the French tag does not validate the English answer', async () => {
    const fr = await get(server, '/api/walks', { 'accept-language': 'fr' });
    const en = await get(server, '/api/walks', { 'accept-language': 'en' });
    assert.equal(fr.headers.get('content-language'), 'fr');
    assert.equal(en.headers.get('content-language'), 'en');
    assert.notEqual(fr.headers.get('etag'), en.headers.get('etag'));
    assert.equal((await get(server, '/api/walks', { 'accept-language': 'en', 'if-none-match': fr.headers.get('etag')! })).status, 200);
    assert.equal((await get(server, '/api/walks', { 'accept-language': 'en', 'if-none-match': en.headers.get('etag')! })).status, 304);
  });

  test('Open311 XML has its tag too', async () => {
    const xml = await get(server, '/open311/v2/requests.xml');
    assert.equal(xml.status, 200);
    assert.match(xml.headers.get('content-type') ?? '', /xml/);
    const etag = xml.headers.get('etag');
    assert.ok(etag);
    assert.equal((await get(server, '/open311/v2/requests.xml', { 'if-none-match': etag })).status, 304);
  });

  test('streamed exports, calendars, refusals and the challenge are left alone', async () => {
    for (const path of ['/api/observations.geojson', '/api/observations.csv']) {
      const r = await get(server, path);
      assert.equal(r.status, 200, path);
      assert.equal(r.headers.get('etag'), null, `${path}: not buffered for a digest`);
      await r.arrayBuffer();
    }
    const missing = await get(server, '/api/walks/w-nobody-knows');
    assert.equal(missing.status, 404);
    assert.equal(missing.headers.get('etag'), null);
    const challenge = await get(server, '/api/challenge');
    if (challenge.status === 200) {
      assert.equal(challenge.headers.get('etag'), null);
      assert.equal(challenge.headers.get('cache-control'), 'no-store');
    }
    // The feeds' own validators (routes/walks.ts) are untouched: their tag, their 304.
    const feed = await get(server, '/api/walks.ics');
    if (feed.status === 200) {
      const etag = feed.headers.get('etag')!;
      assert.ok(etag);
      assert.equal((await get(server, '/api/walks.ics', { 'if-none-match': etag })).status, 304);
    }
  });
});
