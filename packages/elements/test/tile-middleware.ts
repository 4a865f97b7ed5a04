// SPDX-License-Identifier: EUPL-1.2
/**
 * A local tile server for the map tests (nothing reaches the internet): `GET
 * /__tiles__/{z}/{x}/{y}.png` answers a 256 × 256 PNG made here (a flat colour
 * by tile, a darker border), encoded by the few lines below (zlib and a CRC);
 * `GET /__tiles__/__count` → `{ count, last }`, the tiles served since `POST /__tiles__/__reset`.
 */
import { deflateSync } from 'node:zlib';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (bytes: Buffer): number => {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type: string, data: Buffer): Buffer => {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), 8 + data.length);
  return out;
};

/** A `size` × `size` RGB PNG of one colour with a 1-pixel border of another. */
export function png(size: number, rgb: readonly [number, number, number], border: readonly [number, number, number]): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits, truecolour, deflate, no filter, no interlace
  const raw = Buffer.alloc(size * (1 + 3 * size));
  for (let y = 0; y < size; y++) {
    const row = y * (1 + 3 * size);
    for (let x = 0; x < size; x++) raw.set(x === 0 || y === 0 ? border : rgb, row + 1 + 3 * x);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

interface Context {
  readonly method: string;
  readonly path: string;
  status: number;
  body: unknown;
  set(name: string, value: string): void;
}

export function tileMiddleware() {
  let count = 0;
  let last: string | undefined;
  return async (ctx: Context, next: () => Promise<void>) => {
    if (!ctx.path.startsWith('/__tiles__/')) return next();
    if (ctx.path === '/__tiles__/__reset') {
      count = 0;
      last = undefined;
      ctx.status = 200;
      ctx.body = '{}';
      return;
    }
    if (ctx.path === '/__tiles__/__count') {
      ctx.set('Cache-Control', 'no-store');
      ctx.set('Content-Type', 'application/json');
      ctx.status = 200;
      ctx.body = JSON.stringify({ count, last });
      return;
    }
    const m = /^\/__tiles__\/(\d+)\/(\d+)\/(\d+)\.png$/.exec(ctx.path);
    if (!m) {
      ctx.status = 404;
      return;
    }
    count++;
    last = `${m[1]}/${m[2]}/${m[3]}`;
    const x = Number(m[2]);
    const y = Number(m[3]);
    ctx.set('Content-Type', 'image/png');
    ctx.set('Cache-Control', 'no-store');
    ctx.status = 200;
    ctx.body = png(256, [230 - (x % 4) * 8, 236 - (y % 4) * 8, 222], [180, 180, 180]);
  };
}

/**
 * A fake of the Géoplateforme's completion service (`/geocodage/completion`), answering its shape:
 * `GET /__geocoder__/completion?text=…&maxResponses=…` → `{ status: 'OK', results: [{ fulltext, x, y, city, zipcode, kind, classification }] }`
 * from a few Valence addresses whose text contains the words typed; `/__geocoder__/down/completion` answers 503.
 * `GET /__geocoder__/__requests` → `{ texts, at }`, what it was asked since `POST /__geocoder__/__reset`.
 */
export function geocoderMiddleware() {
  const ADDRESSES = [
    { fulltext: '12 Rue Louis Gallet, 26000 Valence', x: 4.9137, y: 44.9209 },
    { fulltext: '12 Rue de la Forêt, 26000 Valence', x: 4.9151, y: 44.9195 },
    { fulltext: 'Place de la Pierre, 26000 Valence', x: 4.8917, y: 44.9334 },
  ];
  let texts: string[] = [];
  let at: number[] = [];
  return async (ctx: Context & { query: Record<string, string | string[] | undefined> }, next: () => Promise<void>) => {
    if (!ctx.path.startsWith('/__geocoder__/')) return next();
    const json = (status: number, body: unknown) => {
      ctx.set('Content-Type', 'application/json');
      ctx.set('Cache-Control', 'no-store');
      ctx.status = status;
      ctx.body = JSON.stringify(body);
    };
    if (ctx.path === '/__geocoder__/__reset') {
      texts = [];
      at = [];
      return json(200, {});
    }
    if (ctx.path === '/__geocoder__/__requests') return json(200, { texts, at });
    if (ctx.path === '/__geocoder__/down/completion') return json(503, { status: 'ERROR' });
    if (ctx.path !== '/__geocoder__/completion') return json(404, {});
    const text = String(ctx.query.text ?? '');
    texts.push(text);
    at.push(Date.now());
    const words = text.toLowerCase().split(/\s+/).filter(Boolean);
    const max = Number(ctx.query.maxResponses ?? 10);
    const results = ADDRESSES.filter((a) => words.every((w) => a.fulltext.toLowerCase().includes(w)))
      .slice(0, max)
      .map((a) => ({ ...a, city: 'Valence', zipcode: '26000', kind: 'housenumber', classification: 7, country: 'StreetAddress' }));
    return json(200, { status: 'OK', results });
  };
}
