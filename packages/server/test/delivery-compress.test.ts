// SPDX-License-Identifier: EUPL-1.2
/**
 * Issue 12, delivery: compression of JSON, HTML, exports and calendars (http/compress.ts), over
 * real HTTP. Raw `node:http` requests see the `Content-Encoding` the server chose (brotli first,
 * then gzip, identity when not accepted or under 1 kB) and the decompressed bytes equal the
 * identity answer; node's fetch (which decompresses) reads the same JSON. (Streams:
 * delivery-stream.test.ts.)
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import type { AddressInfo } from 'node:net';
import { chooseEncoding, compression } from '../src/http/compress.js';
import { entityTag } from '../src/http/etag.js';
import { startServer, type RunningServer } from '../src/server.js';
import { seedValence } from '../src/seed/valence.js';
import { rawGet } from './harness.js';

test('Accept-Encoding: brotli first, then gzip, q=0 refuses, * accepts, nothing is identity', () => {
  assert.equal(chooseEncoding('gzip, deflate, br'), 'br');
  assert.equal(chooseEncoding('gzip, deflate, br, zstd'), 'br');
  assert.equal(chooseEncoding('gzip'), 'gzip');
  assert.equal(chooseEncoding('br;q=0, gzip'), 'gzip');
  assert.equal(chooseEncoding('br;q=0.5, gzip;q=0.8'), 'gzip');
  assert.equal(chooseEncoding('*'), 'br');
  assert.equal(chooseEncoding('*;q=0, gzip;q=0.1'), 'gzip');
  assert.equal(chooseEncoding('identity'), undefined);
  assert.equal(chooseEncoding('deflate'), undefined);
  assert.equal(chooseEncoding(''), undefined);
  assert.equal(chooseEncoding(undefined), undefined);
  assert.equal(chooseEncoding('x-gzip'), 'gzip');
});

test('kept compressed bytes follow the tag: a changed answer is compressed again, an unchanged one is served again', async () => {
  // Every whole answer is kept here (keepFrom 0); the body changes while its URL stays the same.
  let text = JSON.stringify({ version: 1, filler: 'a'.repeat(4000) });
  let untagged = false;
  const app = new Hono();
  app.use('*', compression({ keepFrom: 0 }));
  app.get('/big', (c) => c.body(text, 200, { 'content-type': 'application/json', ...(untagged ? {} : { etag: entityTag(text) }) }));
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    for (const accept of ['br', 'gzip']) {
      const first = await rawGet(base, '/big', { 'accept-encoding': accept });
      assert.equal(first.headers['content-encoding'], accept);
      assert.equal(first.body.toString(), text);
      const again = await rawGet(base, '/big', { 'accept-encoding': accept });
      assert.ok(again.raw.equals(first.raw), `${accept}: the same bytes for the same tag`);
    }
    text = JSON.stringify({ version: 2, filler: 'b'.repeat(4000) });
    for (const accept of ['br', 'gzip']) {
      const changed = await rawGet(base, '/big', { 'accept-encoding': accept });
      assert.equal(changed.body.toString(), text, `${accept}: a new tag, the new body`);
    }
    // Without a tag nothing names the bytes: each answer is compressed from its own body.
    untagged = true;
    text = JSON.stringify({ version: 3, filler: 'c'.repeat(4000) });
    assert.equal((await rawGet(base, '/big', { 'accept-encoding': 'br' })).body.toString(), text);
    text = JSON.stringify({ version: 4, filler: 'd'.repeat(4000) });
    assert.equal((await rawGet(base, '/big', { 'accept-encoding': 'br' })).body.toString(), text);
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
});

describe('compression of the server’s answers (issue 12)', () => {
  let server: RunningServer;
  before(async () => {
    server = await startServer({ proofOfWork: false, beforeListen: (gusp) => seedValence(gusp.store) });
    await server.readModels.caughtUp();
  });
  after(async () => {
    await server?.close();
  });

  test('JSON, GeoJSON, CSV, HTML, calendars and XML: brotli or gzip as accepted, the same bytes once decoded', async () => {
    const paths = [
      '/api/walks',
      '/api/city',
      '/api/openapi.json',
      '/api/observations.geojson',
      '/api/observations.csv',
      '/',
      '/api/walks.ics',
      '/open311/v2/services.xml',
    ];
    for (const path of paths) {
      const identity = await rawGet(server.url, path);
      assert.equal(identity.status, 200, path);
      assert.equal(identity.headers['content-encoding'], undefined, `${path}: no Accept-Encoding, no encoding`);
      if (identity.raw.length < 1024) continue;
      assert.match(String(identity.headers.vary), /Accept-Encoding/i, path);
      for (const [accept, expected] of [
        ['gzip, deflate, br', 'br'],
        ['gzip', 'gzip'],
        ['br;q=0, gzip', 'gzip'],
      ] as const) {
        const r = await rawGet(server.url, path, { 'accept-encoding': accept });
        assert.equal(r.status, 200, path);
        assert.equal(r.headers['content-encoding'], expected, `${path} with ${accept}`);
        assert.match(String(r.headers.vary), /Accept-Encoding/i, path);
        assert.ok(r.raw.length < identity.raw.length, `${path}: ${r.raw.length} < ${identity.raw.length}`);
        assert.equal(r.headers['content-type'], identity.headers['content-type'], path);
        // Some answers carry the time they were made (the OpenAPI document does not): compare the others byte for byte.
        assert.ok(r.body.equals(identity.body), `${path} (${accept}): the decoded body is the identity one`);
      }
      const none = await rawGet(server.url, path, { 'accept-encoding': 'identity' });
      assert.equal(none.headers['content-encoding'], undefined, path);
    }
  });

  test('node’s fetch reads the compressed JSON as the identity JSON', async () => {
    const compressed = await fetch(`${server.url}/api/walks`, { headers: { 'accept-encoding': 'br' } });
    assert.equal(compressed.headers.get('content-encoding'), 'br');
    const plain = await fetch(`${server.url}/api/walks`, { headers: { 'accept-encoding': 'identity' } });
    assert.equal(plain.headers.get('content-encoding'), null);
    assert.deepEqual(await compressed.json(), await plain.json());
  });

  test('a whole body (not a stream) is compressed in one piece, with its Content-Length', async () => {
    for (const path of ['/api/walks', '/api/openapi.json', '/']) {
      const r = await rawGet(server.url, path, { 'accept-encoding': 'br' });
      assert.equal(r.headers['content-encoding'], 'br', path);
      assert.equal(r.headers['transfer-encoding'], undefined, path);
      assert.equal(Number(r.headers['content-length']), r.raw.length, path);
    }
  });

  test('small answers go as they are', async () => {
    const r = await rawGet(server.url, '/healthz', { 'accept-encoding': 'br, gzip' });
    assert.equal(r.status, 200);
    assert.ok(r.raw.length < 1024);
    assert.equal(r.headers['content-encoding'], undefined);
    assert.equal(JSON.parse(r.raw.toString()).status, 'ok');
  });

  test('a compressed answer carries the identity’s strong ETag; it gets a 304 that varies on both headers', async () => {
    const plain = await rawGet(server.url, '/api/walks');
    const strong = String(plain.headers.etag);
    assert.match(strong, /^"/);
    const br = await rawGet(server.url, '/api/walks', { 'accept-encoding': 'br' });
    assert.equal(br.headers['content-encoding'], 'br');
    assert.equal(br.headers.etag, strong, 'the content’s tag, whatever the encoding');
    for (const tag of [strong, `W/${strong}`]) {
      const again = await rawGet(server.url, '/api/walks', { 'accept-encoding': 'br', 'if-none-match': tag });
      assert.equal(again.status, 304, tag);
      assert.equal(again.raw.length, 0);
      assert.equal(again.headers['content-encoding'], undefined);
      assert.equal(again.headers.etag, tag);
      assert.match(String(again.headers.vary), /Accept-Language/i);
      assert.match(String(again.headers.vary), /Accept-Encoding/i);
    }
    // The calendars' own validators work on their compressed answers.
    const feed = await rawGet(server.url, '/api/walks.ics', { 'accept-encoding': 'gzip' });
    if (feed.headers['content-encoding'] === 'gzip') {
      assert.match(String(feed.headers.etag), /^"/);
      const fresh = await rawGet(server.url, '/api/walks.ics', { 'accept-encoding': 'gzip', 'if-none-match': String(feed.headers.etag) });
      assert.equal(fresh.status, 304);
    }
  });

  test('HEAD gets the headers GET would, without a body', async () => {
    const get = await rawGet(server.url, '/api/walks', { 'accept-encoding': 'br' });
    const head = await rawGet(server.url, '/api/walks', { 'accept-encoding': 'br' }, 'HEAD');
    assert.equal(head.status, 200);
    assert.equal(head.raw.length, 0);
    assert.equal(head.headers['content-encoding'], 'br');
    assert.equal(head.headers.etag, get.headers.etag);
  });

  test('HTML pages keep their security headers when compressed', async () => {
    const r = await rawGet(server.url, '/', { 'accept-encoding': 'br' });
    assert.equal(r.headers['content-encoding'], 'br');
    assert.match(String(r.headers['content-security-policy']), /script-src 'self'/);
    assert.equal(r.headers['x-content-type-options'], 'nosniff');
    assert.match(r.body.toString(), /<gusp-issue-form/);
  });
});
