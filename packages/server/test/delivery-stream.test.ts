// SPDX-License-Identifier: EUPL-1.2
/**
 * Issue 12, delivery: a streamed answer (an export read batch by batch) stays streamed when
 * http/compress.ts compresses it. Over real HTTP (@hono/node-server, as the server runs): the first
 * rows arrive and decode while the source still waits to write the rest, which it does only once
 * the client has them; buffered, the test would time out.
 */
import assert from 'node:assert/strict';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import * as zlib from 'node:zlib';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { compression } from '../src/http/compress.js';

describe('a streamed answer stays streamed when compressed', () => {
  // An export-like route whose source writes a first batch, then waits until told to write the rest.
  let release: () => void = () => {};
  let released = Promise.resolve();
  const closeGate = () => {
    released = new Promise<void>((resolve) => (release = resolve));
  };
  const app = new Hono();
  app.use('*', compression());
  const row = (i: number) => `{"type":"Feature","id":"obs-${i}","properties":{"theme":"nettoyage","quartier":"polygone"}},\n`;
  app.get('/export.geojson', (c) => {
    const encoder = new TextEncoder();
    const stream = new ReadableStream<Uint8Array>({
      async start(controller) {
        const gate = released;
        controller.enqueue(encoder.encode('{"type":"FeatureCollection","features":[\n'));
        for (let i = 0; i < 50; i++) controller.enqueue(encoder.encode(row(i)));
        await gate;
        for (let i = 50; i < 100; i++) controller.enqueue(encoder.encode(row(i)));
        controller.enqueue(encoder.encode('{}]}\n'));
        controller.close();
      },
    });
    return c.body(stream, 200, { 'Content-Type': 'application/geo+json; charset=utf-8' });
  });
  let server: ReturnType<typeof serve>;
  let base = '';
  before(async () => {
    server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((resolve) => server.once('listening', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(async () => {
    release();
    await new Promise((resolve) => server.close(resolve));
  });

  for (const encoding of ['br', 'gzip'] as const) {
    test(`${encoding}: the first rows decode before the source writes the last`, async () => {
      closeGate();
      const text = await new Promise<string>((resolve, reject) => {
        const req = request(`${base}/export.geojson`, { headers: { 'accept-encoding': encoding } }, (res) => {
          try {
            assert.equal(res.headers['content-encoding'], encoding);
            assert.equal(res.headers['content-length'], undefined, 'streamed: no length known');
            assert.match(String(res.headers.vary), /Accept-Encoding/i);
          } catch (error) {
            reject(error instanceof Error ? error : new Error(String(error)));
            return;
          }
          const decoder = encoding === 'br' ? zlib.createBrotliDecompress() : zlib.createGunzip();
          let decoded = '';
          let firstBatch = false;
          decoder.on('data', (chunk: Buffer) => {
            decoded += chunk.toString();
            // The first batch arrived while the source still waits: only now may it go on.
            if (!firstBatch && decoded.includes('"obs-49"')) {
              firstBatch = true;
              assert.ok(!decoded.includes('"obs-50"'));
              release();
            }
          });
          decoder.on('end', () => resolve(decoded));
          decoder.on('error', reject);
          res.pipe(decoder);
        });
        req.on('error', reject);
        req.end();
        // Were the stream buffered, nothing would arrive before the release, and this would time out.
        setTimeout(() => reject(new Error('the first rows did not arrive before the rest was written')), 5000).unref();
      });
      assert.match(text, /"obs-0"/);
      assert.match(text, /"obs-99"/);
      assert.ok(text.endsWith('{}]}\n'));
    });
  }
});
