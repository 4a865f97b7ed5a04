// SPDX-License-Identifier: EUPL-1.2
/**
 * Compression of the answers that compress well (JSON, GeoJSON, CSV, HTML,
 * calendars, XML) in the best encoding the client accepts: brotli, then
 * gzip (`Content-Encoding`, `Vary: Accept-Encoding`). Hono's `compress` only
 * knows gzip and deflate (Node 20's `CompressionStream` has no brotli), so
 * this is node:zlib.
 *
 * An answer under {@linkcode COMPRESS_THRESHOLD} bytes goes as it is (the
 * encoding would cost more than it saves). A whole body is compressed in one
 * go, with its `Content-Length`; a streamed one (an export read batch by
 * batch) stays streamed: its chunks go through a zlib stream as they come,
 * flushed after the first piece and whenever the source pauses, so the first
 * rows reach the client without waiting for the last ones (brotli would
 * otherwise hold the first batches of a steady export in its window). `HEAD`
 * gets the headers `GET` would.
 *
 * A large whole answer with a validator (the statistics, kept until the
 * read models change: 1 MB of JSON at 100,000 observations) is compressed
 * once per encoding: its compressed bytes are kept, keyed by the request's
 * path and query, the answer's strong `ETag` and language, and served again
 * while the tag is the same ({@linkcode KEPT_COMPRESSED_BYTES} at most, the
 * least recently used going first). A strong tag names the bytes (RFC 9110
 * §8.8.1), so the same tag on the same resource is the same body.
 *
 * Mounted outside `etag.ts`: the `ETag` is the identity body's, and a
 * compressed answer keeps it as it is (strong), as Express's `compression`
 * does: it names the content, `Vary: Accept-Encoding` keeps the encodings
 * apart in caches, and no route serves byte ranges (where a strong tag shared
 * by different bytes would mislead `If-Range`). The routes' own validators (the
 * calendars') thus keep working on compressed answers unchanged. Answers
 * that already have a `Content-Encoding` (the precompressed bundles) or say
 * `Cache-Control: no-transform` are left alone.
 */
import { once } from 'node:events';
import { promisify } from 'node:util';
import * as zlib from 'node:zlib';
import type { MiddlewareHandler } from 'hono';
import { replaceAnswer, varyOn } from './etag.js';

/**
 * The types compressed (with any parameters: `; charset=utf-8`). JavaScript too: the elements'
 * bundles arrive precompressed (left alone), the back office's is compressed here.
 */
const COMPRESSIBLE_TYPE = /^\s*(application\/(json|geo\+json|xml|javascript)|text\/(csv|html|calendar|xml|javascript))\s*(;|$)/i;
/** Below this many bytes an answer goes uncompressed. */
export const COMPRESS_THRESHOLD = 1024;
/** Past this many bytes read at once, the rest is streamed even if it is there already. */
const WHOLE_LIMIT = 1 << 20;
const NOT_YET_VALUE = Symbol('not yet');
/**
 * Resolves on the next turn of the event loop: a body already there (a string's stream closes
 * one task after its only chunk) is read whole before it; a stream waiting on the database is not.
 */
const notYet = () => new Promise<typeof NOT_YET_VALUE>((resolve) => setImmediate(() => resolve(NOT_YET_VALUE)));
/** Milliseconds a streamed source may pause before what is compressed so far is sent. */
const STREAM_FLUSH_MS = 10;
/** Whole answers from this size up, with a strong `ETag`, have their compressed bytes kept (by default). */
export const KEEP_FROM_BYTES = 32 * 1024;
/** The compressed bytes kept, at most, in all (per process). */
export const KEPT_COMPRESSED_BYTES = 8 * 1024 * 1024;

export type Encoding = 'br' | 'gzip';

/**
 * The best of `offered` (in order of preference) that `Accept-Encoding`
 * accepts (`q` > 0, or through `*`), or `undefined` for identity.
 */
export function chooseEncoding(header: string | undefined, offered: readonly Encoding[] = ['br', 'gzip']): Encoding | undefined {
  if (!header) return undefined;
  const weights = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name = '', ...params] = part.split(';').map((s) => s.trim());
    if (!name) continue;
    const q = params.find((p) => /^q=/i.test(p));
    const weight = q === undefined ? 1 : Number(q.slice(2));
    weights.set(name.toLowerCase(), Number.isFinite(weight) ? weight : 0);
  }
  const wildcard = weights.get('*') ?? 0;
  let best: Encoding | undefined;
  let bestWeight = 0;
  for (const encoding of offered) {
    const weight = weights.get(encoding) ?? (encoding === 'gzip' ? weights.get('x-gzip') : undefined) ?? wildcard;
    if (weight > bestWeight) {
      best = encoding;
      bestWeight = weight;
    }
  }
  return best;
}

/** Brotli at 5 and gzip at 6: fast enough per request, most of the gain (the bundles are compressed at build, at the maximum). */
const BROTLI = { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5 } };
const GZIP = { level: 6 };
const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

const compressWhole = (body: Uint8Array, encoding: Encoding): Promise<Buffer> =>
  encoding === 'br' ? brotli(body, BROTLI) : gzip(body, GZIP);

/** Compressed bodies kept, by request, tag, language and encoding, in the order last used. */
const kept = new Map<string, Buffer>();
let keptBytes = 0;

/** `body` compressed, from what is kept when `key` names it (then it is the most recently used). */
async function compressKept(key: string | undefined, body: Uint8Array, encoding: Encoding, keepFrom: number): Promise<Buffer> {
  if (key === undefined || body.byteLength < keepFrom) return compressWhole(body, encoding);
  const found = kept.get(key);
  if (found) {
    kept.delete(key);
    kept.set(key, found);
    return found;
  }
  const compressed = await compressWhole(body, encoding);
  if (compressed.byteLength <= KEPT_COMPRESSED_BYTES / 4 && !kept.has(key)) {
    kept.set(key, compressed);
    keptBytes += compressed.byteLength;
    for (const [oldest, bytes] of kept) {
      if (keptBytes <= KEPT_COMPRESSED_BYTES) break;
      kept.delete(oldest);
      keptBytes -= bytes.byteLength;
    }
  }
  return compressed;
}

/** What names a whole answer's compressed bytes: only a strong tag does (a weak one may cover other bytes). */
function keptKey(url: string, headers: Headers, encoding: Encoding): string | undefined {
  const etag = headers.get('etag');
  if (!etag || etag.startsWith('W/')) return undefined;
  return [url, etag, headers.get('content-language') ?? '', headers.get('content-type') ?? '', encoding].join('\n');
}

/** The rest of a stream (after `head`, already read, and the `pending` read) through zlib, as a web stream, flushed when the source pauses. */
function compressStream(
  head: readonly Uint8Array[],
  pending: Promise<ReadableStreamReadResult<Uint8Array>> | undefined,
  reader: ReadableStreamDefaultReader<Uint8Array>,
  encoding: Encoding,
): ReadableStream<Uint8Array> {
  const z = encoding === 'br' ? zlib.createBrotliCompress(BROTLI) : zlib.createGzip(GZIP);
  let cancelled = false;
  const pump = async () => {
    const write = async (chunk: Uint8Array) => {
      if (!z.write(chunk)) await once(z, 'drain');
    };
    for (const chunk of head) await write(chunk);
    // The first piece leaves at once (the head of the list and its first batch).
    if (head.length > 0) z.flush();
    for (;;) {
      // Nothing more yet: send what is compressed so far rather than keep it for the next chunk.
      const timer = setTimeout(() => z.flush(), STREAM_FLUSH_MS);
      const read = pending ?? reader.read();
      pending = undefined;
      const next = await read.finally(() => clearTimeout(timer));
      if (next.done || cancelled) break;
      await write(next.value);
    }
    z.end();
  };
  pump().catch((error: unknown) => {
    if (!cancelled) z.destroy(error instanceof Error ? error : new Error(String(error)));
  });
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        z.on('data', (chunk: Buffer) => {
          controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
          if ((controller.desiredSize ?? 1) <= 0) z.pause();
        });
        z.on('end', () => controller.close());
        z.on('error', (error) => controller.error(error));
      },
      pull() {
        z.resume();
      },
      cancel(reason) {
        // The client went away: stop reading the source (an export's cursor is released).
        cancelled = true;
        z.destroy();
        return reader.cancel(reason);
      },
    },
    { highWaterMark: 8 },
  );
}

/**
 * The middleware: mount it once, outside the conditional GET. `keepFrom`: the size from which a
 * whole answer with a strong tag has its compressed bytes kept ({@linkcode KEEP_FROM_BYTES}).
 */
export function compression(options: { readonly keepFrom?: number } = {}): MiddlewareHandler {
  const keepFrom = options.keepFrom ?? KEEP_FROM_BYTES;
  return async (c, next) => {
    await next();
    const res = c.res;
    // Not `res.body` yet: on the Node adapter, reading it turns a light answer into a full web
    // Response, whose headers are a copy (what was set on the old ones is lost).
    const headers = res.headers;
    if (res.status === 304) {
      // What it validates may have been sent compressed: it varies as the 200 did.
      if (headers.has('etag')) headers.set('Vary', varyOn(headers.get('vary'), 'Accept-Encoding'));
      return;
    }
    if (res.status === 204 || res.status === 206 || headers.has('content-encoding')) return;
    if (!COMPRESSIBLE_TYPE.test(headers.get('content-type') ?? '')) return;
    if (/(^|,)\s*no-transform\s*(,|$)/i.test(headers.get('cache-control') ?? '')) return;
    const length = headers.get('content-length');
    if (length !== null && Number(length) < COMPRESS_THRESHOLD) return;
    const vary = varyOn(headers.get('vary'), 'Accept-Encoding');
    const encoding = chooseEncoding(c.req.header('accept-encoding'));
    if (encoding === undefined) {
      headers.set('Vary', vary);
      return;
    }

    // Read what is there: a whole body comes at once (then it is compressed in one go, with its
    // length); a stream gives its first chunks, and the first read that has to wait starts the stream.
    const body = res.body;
    if (!body) return;
    const reader = body.getReader();
    const head: Uint8Array[] = [];
    let size = 0;
    let done = false;
    let pending: Promise<ReadableStreamReadResult<Uint8Array>> | undefined;
    for (;;) {
      const read = reader.read();
      const next = size < COMPRESS_THRESHOLD ? await read : size < WHOLE_LIMIT ? await Promise.race([read, notYet()]) : NOT_YET_VALUE;
      if (next === NOT_YET_VALUE) {
        pending = read;
        break;
      }
      if (next.done) {
        done = true;
        break;
      }
      head.push(next.value);
      size += next.value.byteLength;
    }
    const out = new Headers(res.headers);
    out.set('Vary', vary);
    const whole = () => (head.length === 1 ? head[0]! : Buffer.concat(head)) as Uint8Array<ArrayBuffer>;
    if (done && size < COMPRESS_THRESHOLD) {
      replaceAnswer(c, new Response(whole(), { status: res.status, headers: out }));
      return;
    }
    out.set('Content-Encoding', encoding);
    out.delete('content-length');
    if (c.req.method === 'HEAD') {
      // Hono drops a HEAD's body: the headers of the GET, and the source is not read further.
      if (!done) {
        void pending?.catch(() => undefined);
        await reader.cancel();
      }
      replaceAnswer(c, new Response(null, { status: res.status, headers: out }));
      return;
    }
    if (done) {
      const compressed = await compressKept(keptKey(c.req.url, headers, encoding), whole(), encoding, keepFrom);
      out.set('Content-Length', String(compressed.byteLength));
      replaceAnswer(
        c,
        new Response(new Uint8Array(compressed.buffer as ArrayBuffer, compressed.byteOffset, compressed.byteLength), {
          status: res.status,
          headers: out,
        }),
      );
      return;
    }
    replaceAnswer(c, new Response(compressStream(head, pending, reader, encoding), { status: res.status, headers: out }));
  };
}
