// SPDX-License-Identifier: EUPL-1.2
/**
 * Issue 10, finding 2: a forged `Host` never reaches a stored or published URL. Photos are
 * stored by id; Open311 `media_url`, GeoJSON and CSV build their URLs when read, from the
 * server's public URL; `X-Forwarded-*` never writes a URL; a server on a public interface
 * does not start without `--public-url`. Over real HTTP, on PGlite and PostgreSQL.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import type { Database } from '../src/db.js';
import { startServer, type RunningServer } from '../src/server.js';
import { openWalk, person, REPORT } from './harness.js';
import { rgbPng } from './images.js';
import { onBothDatabases } from './postgres-cluster.js';

const root = fileURLToPath(new URL('..', import.meta.url));

/** A real, decodable 2×2 RGB PNG (whatever cleaning the server applies, it keeps it). */
const png = (seed: number) => rgbPng(2, 2, [0, seed, 0, 0, 0, 255, 0, 0, 0, 0, 255, 255, 255, 0, seed]);

/** A request over real HTTP with the headers a client chooses, `Host` included (fetch may not send a forged one). */
function raw(
  base: string,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: Buffer | string,
): Promise<{ status: number; text: string; headers: Record<string, string | string[] | undefined> }> {
  const url = new URL(path, base);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: url.hostname, port: url.port, path: url.pathname + url.search, method, headers }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (d: Buffer) => parts.push(d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(parts).toString('utf8'), headers: res.headers }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const FORGED = {
  host: 'evil.example',
  'x-forwarded-host': 'evil-forwarded.example',
  'x-forwarded-proto': 'gopher',
  forwarded: 'host=evil-forwarded.example;proto=https',
};

function publicUrlSuite(name: string, open: () => Promise<Database>, skip: string | false = false) {
  describe(`public URLs on ${name}: never from the Host header (issue 10, finding 2)`, { skip }, () => {
    let db: Database;
    let server: RunningServer;
    before(async () => {
      db = await open();
      server = await startServer({ database: db });
    });
    after(async () => {
      await server?.close();
      await db?.close();
    });

    /** The three public outputs that carry photo URLs, read with a forged Host too. */
    const outputs = async (base: string) => {
      const open311 = await raw(base, 'GET', '/open311/v2/requests.json', FORGED);
      const open311Xml = await raw(base, 'GET', '/open311/v2/requests.xml', FORGED);
      const geojson = await raw(base, 'GET', '/api/observations.geojson', FORGED);
      const csv = await raw(base, 'GET', '/api/observations.csv', FORGED);
      for (const r of [open311, open311Xml, geojson, csv]) assert.equal(r.status, 200, r.text);
      return { open311: JSON.parse(open311.text) as { media_url: string | null }[], open311Xml, geojson, csv };
    };

    test('a photo sent and an observation recorded with a forged Host publish the public URL only', async () => {
      const sent = await raw(server.url, 'POST', '/api/photos', { ...FORGED, 'content-type': 'image/png' }, png(1));
      assert.equal(sent.status, 201, sent.text);
      const photo = JSON.parse(sent.text) as { id: string; url: string };
      assert.equal(photo.url, `${server.url}/api/photos/${photo.id}`);

      const body = JSON.stringify({ ...REPORT, photos: [{ id: photo.id, mediaType: 'image/png' }] });
      const recorded = await raw(server.url, 'POST', '/api/observations', { ...FORGED, 'content-type': 'application/json' }, body);
      assert.equal(recorded.status, 201, recorded.text);
      assert.ok(!recorded.text.includes('evil'), recorded.text);

      const { open311, open311Xml, geojson, csv } = await outputs(server.url);
      const expected = `${server.url}/api/photos/${photo.id}`;
      assert.deepEqual(
        open311.map((r) => r.media_url),
        [expected],
      );
      assert.ok(open311Xml.text.includes(`<media_url>${expected}</media_url>`), open311Xml.text);
      assert.ok(geojson.text.includes(expected) && csv.text.includes(expected), 'the photo is published, on the public URL');
      for (const [name, r] of Object.entries({ open311Xml, geojson, csv })) assert.ok(!r.text.includes('evil'), `${name}: ${r.text}`);
      assert.ok(!JSON.stringify(open311).includes('evil'));
    });

    test('the multipart form of <gusp-issue-form>, sent with a forged Host, stores no URL', async () => {
      const form = new FormData();
      form.set('observation', JSON.stringify({ ...REPORT, photos: [{ id: 'device-1', mediaType: 'image/png', width: 2, height: 2 }] }));
      form.append('photo', new Blob([new Uint8Array(png(2))], { type: 'image/png' }), 'device-1.png');
      const encoded = new Response(form);
      const bytes = Buffer.from(await encoded.arrayBuffer());
      const sent = await raw(
        server.url,
        'POST',
        '/api/observations',
        { ...FORGED, 'content-type': encoded.headers.get('content-type') as string, 'idempotency-key': 'public-url-multipart' },
        bytes,
      );
      assert.equal(sent.status, 201, sent.text);
      const id = (JSON.parse(sent.text) as { id: string }).id;
      const stored = await server.gusp.observations.get(id);
      assert.ok(stored.ok);
      assert.deepEqual(
        stored.value.photos.map((p) => p.url),
        [undefined],
        'the journal keeps the photo’s id, not a URL',
      );
      const { open311 } = await outputs(server.url);
      assert.ok(open311.every((r) => r.media_url?.startsWith(`${server.url}/api/photos/`)));
    });

    test('URLs are built when read: the same journal under another public URL publishes that one', async () => {
      const other = await startServer({ database: db, publicUrl: 'https://gusp.valence.example/', proofOfWork: false });
      try {
        const { open311, geojson, csv } = await outputs(other.url);
        assert.ok(open311.length >= 1);
        for (const r of open311) assert.match(r.media_url ?? '', /^https:\/\/gusp\.valence\.example\/api\/photos\/[A-Za-z0-9_-]+$/);
        assert.ok(!geojson.text.includes(server.url) && !csv.text.includes(server.url));
        assert.ok(geojson.text.includes('https://gusp.valence.example/api/photos/'));
        const photo = await raw(other.url, 'POST', '/api/photos', { ...FORGED, 'content-type': 'image/png' }, png(3));
        assert.match(JSON.parse(photo.text).url, /^https:\/\/gusp\.valence\.example\/api\/photos\//);
      } finally {
        await other.close();
      }
    });

    test('old events that stored a forged URL of ours are published on the public URL', async () => {
      const sent = await raw(server.url, 'POST', '/api/photos', { 'content-type': 'image/png' }, png(4));
      const { id } = JSON.parse(sent.text) as { id: string };
      // What the server wrote before this fix, for a request with `Host: evil.example`.
      const old = await server.gusp.observations.record({
        ...REPORT,
        polarity: 'problem',
        description: 'Événement ancien',
        photos: [{ id, mediaType: 'image/png', url: `http://evil.example/api/photos/${id}` }],
      });
      assert.ok(old.ok, JSON.stringify(old));
      const { open311, geojson, csv } = await outputs(server.url);
      assert.ok(open311.some((r) => r.media_url === `${server.url}/api/photos/${id}`));
      for (const r of [geojson, csv]) assert.ok(!r.text.includes('evil') && r.text.includes(`${server.url}/api/photos/${id}`));
      const one = await raw(server.url, 'GET', `/api/observations/${old.value.id}`, {});
      if (one.status === 200) assert.ok(!one.text.includes('evil'), one.text);
    });

    test('cancel links and calendars do not take the forged Host either', async () => {
      const walkId = await openWalk(server.gusp);
      const signed = await raw(
        server.url,
        'POST',
        `/api/walks/${walkId}/registrations`,
        { ...FORGED, 'content-type': 'application/json' },
        JSON.stringify(person('public-url')),
      );
      assert.equal(signed.status, 201, signed.text);
      assert.ok((JSON.parse(signed.text) as { cancelUrl: string }).cancelUrl.startsWith(`${server.url}/annulation?`), signed.text);
      const ics = await raw(server.url, 'GET', `/api/walks/${walkId}/calendar.ics`, FORGED);
      assert.equal(ics.status, 200, ics.text);
      assert.ok(!ics.text.includes('evil') && ics.text.includes(`URL:${server.url}/marches/${walkId}`), ics.text);
    });

    test('X-Forwarded-For names the client of the rate limit only with trustProxy, and only its last entry', async () => {
      // One anonymous write per client: the second from the same client is 429.
      const write = (base: string, forwardedFor: string) =>
        raw(base, 'POST', '/api/photos', { 'content-type': 'image/png', 'x-forwarded-for': forwardedFor }, png(9)).then((r) => r.status);
      const plain = await startServer({ database: db, rateLimit: { perMinute: 1, burst: 1 } });
      const proxied = await startServer({ database: db, rateLimit: { perMinute: 1, burst: 1 }, trustProxy: true });
      try {
        // Without trustProxy the header is ignored: both requests come from 127.0.0.1.
        assert.deepEqual([await write(plain.url, '203.0.113.1'), await write(plain.url, '203.0.113.2')], [201, 429]);
        // Behind a trusted proxy, two clients are two buckets…
        assert.deepEqual([await write(proxied.url, '203.0.113.1'), await write(proxied.url, '203.0.113.2')], [201, 201]);
        // …and what a client prepends to the header does not make it someone else.
        assert.equal(await write(proxied.url, '198.51.100.7, 203.0.113.1'), 429);
      } finally {
        await plain.close();
        await proxied.close();
      }
    });

    test('a server on a public interface does not start without a public URL (startServer and the CLI)', async () => {
      await assert.rejects(startServer({ database: db, host: '0.0.0.0' }), /--public-url/);
      await assert.rejects(startServer({ database: db, host: '::' }), /--public-url/);
      await assert.rejects(startServer({ database: db, publicUrl: 'javascript:alert(1)' }), /public URL/);
      const dir = mkdtempSync(join(tmpdir(), 'gusp-public-url-'));
      try {
        const cli = spawnSync(
          process.execPath,
          [join(root, 'bin', 'gusp-server.mjs'), 'start', '--host', '0.0.0.0', '--port', '0', '--data-dir', dir],
          { cwd: root, encoding: 'utf8', timeout: 60_000, env: { ...process.env, GUSP_PUBLIC_URL: '' } },
        );
        assert.notEqual(cli.status, 0, cli.stdout);
        assert.match(cli.stderr, /--public-url is required when --host is not loopback \(0\.0\.0\.0\)/);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
}

onBothDatabases(publicUrlSuite);
