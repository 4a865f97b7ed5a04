// SPDX-License-Identifier: EUPL-1.2
/**
 * Issue 12, delivery: the elements' bundles precompressed, hashed and immutable. The elements'
 * post-build step (packages/elements/scripts/precompress.mjs) on a directory of entries and
 * chunks, then the server over real HTTP (raw node:http, which does not decompress): the stable
 * names revalidated with a strong ETag, the hashed copies and chunks immutable, each sent as the
 * precompressed file the client accepts; the demo page and a walk's page load the hashed names.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readdir, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import * as zlib from 'node:zlib';
import { defaultElementsPaths } from '../src/demo/elements-bundle.js';
import { seedValence } from '../src/seed/valence.js';
import { startServer, type RunningServer } from '../src/server.js';
import { rawGet } from './harness.js';

const PRECOMPRESS = fileURLToPath(new URL('../../elements/scripts/precompress.mjs', import.meta.url));
const { precompress, isPrecompressed } = (await import(PRECOMPRESS)) as {
  precompress: (dir: string) => Promise<{ manifest: Record<string, string> }>;
  isPrecompressed: (dir: string) => Promise<boolean>;
};

/** A module long enough to compress, importing a chunk by relative URL as the real entries do. */
const entry = (name: string, chunk: string) =>
  `import("./chunks/${chunk}");\n` +
  Array.from(
    { length: 200 },
    (_, i) => `customElements.define("${name}-${i}",class extends HTMLElement{connectedCallback(){this.textContent="${name} ${i}"}});`,
  ).join('\n');

describe('precompressed, hashed, immutable bundles (issue 12)', () => {
  let dir: string;
  let server: RunningServer;
  let manifest: Record<string, string>;
  const chunk = 'walk-calendar-B17D715A.js';

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'gusp-bundles-'));
    await mkdir(join(dir, 'chunks'));
    await writeFile(join(dir, 'gusp-elements.js'), entry('gusp-all', chunk));
    await writeFile(join(dir, 'gusp-walk-signup.js'), entry('gusp-walk-signup', chunk));
    await writeFile(join(dir, 'chunks', chunk), `export const ics=()=>"${'BEGIN:VCALENDAR\\n'.repeat(200)}";`);
    // What an older build left: a hashed copy and compressed files no .js matches any more.
    await writeFile(join(dir, 'gusp-elements.0123456789.js'), 'old');
    await writeFile(join(dir, 'chunks', 'gone-AAAAAAAA.js.br'), 'old');
    assert.equal(await isPrecompressed(dir), false);
    manifest = (await precompress(dir)).manifest;
    server = await startServer({ proofOfWork: false, elementsDir: dir, beforeListen: (gusp) => seedValence(gusp.store) });
  });
  after(async () => {
    await server?.close();
    await rm(dir, { recursive: true, force: true });
  });

  test('the build step writes .br and .gz of every .js, a hashed copy of each entry, and manifest.json', async () => {
    assert.deepEqual(Object.keys(manifest).sort(), ['gusp-elements.js', 'gusp-walk-signup.js']);
    for (const [stable, hashed] of Object.entries(manifest)) {
      assert.match(hashed, new RegExp(`^${stable.replace(/\.js$/, '')}\\.[0-9a-f]{10}\\.js$`));
      assert.ok((await readFile(join(dir, hashed))).equals(await readFile(join(dir, stable))), 'the same bytes');
    }
    assert.deepEqual(JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')), manifest);
    const files = [...(await readdir(dir)), ...(await readdir(join(dir, 'chunks'))).map((f) => `chunks/${f}`)];
    for (const js of files.filter((f) => f.endsWith('.js'))) {
      const identity = await readFile(join(dir, js));
      const br = await readFile(join(dir, `${js}.br`));
      const gz = await readFile(join(dir, `${js}.gz`));
      assert.ok(zlib.brotliDecompressSync(br).equals(identity), `${js}.br`);
      assert.ok(zlib.gunzipSync(gz).equals(identity), `${js}.gz`);
      assert.ok(br.length < gz.length && gz.length < identity.length, js);
    }
    assert.ok(!files.includes('gusp-elements.0123456789.js'), 'an older hashed copy is removed');
    assert.ok(!files.includes('chunks/gone-AAAAAAAA.js.br'), 'compressed files of an older build are removed');
    assert.equal(await isPrecompressed(dir), true);
    // Run again: the same names (the hash is the content's).
    assert.deepEqual((await precompress(dir)).manifest, manifest);
  });

  test('a stable name: the precompressed file accepted, a strong ETag, no-cache, and a 304 on If-None-Match', async () => {
    const identity = await readFile(join(dir, 'gusp-elements.js'));
    const tags = new Set<string>();
    for (const [accept, encoding, file] of [
      ['gzip, deflate, br', 'br', 'gusp-elements.js.br'],
      ['gzip', 'gzip', 'gusp-elements.js.gz'],
      ['identity', undefined, 'gusp-elements.js'],
      ['', undefined, 'gusp-elements.js'],
    ] as const) {
      const r = await rawGet(server.url, '/elements/gusp-elements.js', accept ? { 'accept-encoding': accept } : {});
      assert.equal(r.status, 200, accept);
      assert.equal(r.headers['content-encoding'], encoding, accept);
      assert.match(String(r.headers['content-type']), /^text\/javascript/);
      assert.equal(r.headers['cache-control'], 'no-cache');
      assert.match(String(r.headers.vary), /Accept-Encoding/i);
      assert.ok(r.raw.equals(await readFile(join(dir, file))), `${accept}: the file ${file} as is`);
      assert.ok(r.body.equals(identity), accept);
      assert.equal(Number(r.headers['content-length']), r.raw.length);
      const etag = String(r.headers.etag);
      assert.match(etag, /^"[A-Za-z0-9_-]+"$/, 'strong');
      tags.add(etag);
      const again = await rawGet(server.url, '/elements/gusp-elements.js', {
        ...(accept ? { 'accept-encoding': accept } : {}),
        'if-none-match': etag,
      });
      assert.equal(again.status, 304, accept);
      assert.equal(again.raw.length, 0);
      assert.equal(again.headers.etag, etag);
      assert.equal(again.headers['cache-control'], 'no-cache');
    }
    assert.equal(tags.size, 3, 'one tag per representation (br, gzip, identity)');
  });

  test('hashed copies and chunks are immutable, and precompressed too', async () => {
    for (const path of [
      `/elements/${manifest['gusp-elements.js']}`,
      `/elements/${manifest['gusp-walk-signup.js']}`,
      `/elements/chunks/${chunk}`,
    ]) {
      const r = await rawGet(server.url, path, { 'accept-encoding': 'br, gzip' });
      assert.equal(r.status, 200, path);
      assert.equal(r.headers['cache-control'], 'public, max-age=31536000, immutable', path);
      assert.equal(r.headers['content-encoding'], 'br', path);
      assert.match(String(r.headers.vary), /Accept-Encoding/i);
      const file = path.replace(/^\/elements\//, '');
      assert.ok(r.body.equals(await readFile(join(dir, file))), path);
    }
  });

  test('nothing else of the folder is served', async () => {
    for (const path of [
      '/elements/gusp-elements.js.br',
      '/elements/gusp-elements.js.gz',
      '/elements/manifest.json',
      '/elements/..%2Fpackage.json',
      '/elements/chunks/..%2F..%2Fpackage.json',
      '/elements/chunks/nope-AAAAAAAA.js',
      '/elements/gusp-elements.0123456789.js',
      '/elements/other.js',
    ]) {
      const r = await rawGet(server.url, path, { 'accept-encoding': 'br' });
      assert.equal(r.status, 404, path);
    }
  });

  test('the demo page and a walk’s page load the hashed copies', async () => {
    const page = (await rawGet(server.url, '/')).raw.toString();
    assert.match(
      page,
      new RegExp(`<script type="module" src="/elements/${manifest['gusp-elements.js']!.replace(/\./g, '\\.')}"></script>`),
    );
    const upcoming = (await server.gusp.walks.list()).find((agg) => agg.walk.status === 'open')?.walk.id;
    assert.ok(upcoming, 'the seed has walks open for sign-up');
    const walkPage = (await rawGet(server.url, `/marches/${upcoming}`)).raw.toString();
    assert.match(
      walkPage,
      new RegExp(`<script type="module" src="/elements/${manifest['gusp-walk-signup.js']!.replace(/\./g, '\\.')}"></script>`),
    );
  });

  test('a build without the precompress step is served under its stable names, compressed on the way', async () => {
    const bare = await mkdtemp(join(tmpdir(), 'gusp-bare-'));
    const alone = await startServer({ proofOfWork: false, elementsDir: bare });
    try {
      await writeFile(join(bare, 'gusp-elements.js'), entry('gusp-bare', chunk));
      const r = await rawGet(alone.url, '/elements/gusp-elements.js', { 'accept-encoding': 'br' });
      assert.equal(r.status, 200);
      // No .br beside it: the answer is compressed as it leaves (compress.ts), not read from a file.
      assert.equal(r.headers['content-encoding'], 'br');
      assert.equal(r.headers['cache-control'], 'no-cache');
      assert.ok(r.headers.etag);
      assert.match((await rawGet(alone.url, '/')).raw.toString(), /<script type="module" src="\/elements\/gusp-elements\.js"><\/script>/);
    } finally {
      await alone.close();
      await rm(bare, { recursive: true, force: true });
    }
  });
});

// The real build, when there is one (the server's test command makes it): what a phone downloads.
const real = defaultElementsPaths().dir;
describe('the elements’ real bundles', { skip: real && existsSync(join(real, 'gusp-elements.js')) ? false : 'not built' }, () => {
  let server: RunningServer;
  let copy: string;
  before(async () => {
    // A copy: another process may rebuild dist/bundle while this runs.
    copy = await mkdtemp(join(tmpdir(), 'gusp-real-bundles-'));
    await cp(real!, copy, { recursive: true });
    // And precompressed again: a rebuild (bundle.mjs alone) may have left chunks without their .br.
    await precompress(copy);
    server = await startServer({ proofOfWork: false, elementsDir: copy });
  });
  after(async () => {
    await server?.close();
    await rm(copy, { recursive: true, force: true });
  });

  test('every entry, hashed copy and chunk is served in brotli, decoding to the built file', async () => {
    const manifest = JSON.parse(await readFile(join(copy, 'manifest.json'), 'utf8')) as Record<string, string>;
    const chunks = existsSync(join(copy, 'chunks')) ? (await readdir(join(copy, 'chunks'))).filter((f) => f.endsWith('.js')) : [];
    const names = [...Object.keys(manifest), ...Object.values(manifest), ...chunks.map((c) => `chunks/${c}`)];
    assert.ok(names.includes('gusp-elements.js'));
    for (const name of names) {
      const r = await rawGet(server.url, `/elements/${name}`, { 'accept-encoding': 'br' });
      assert.equal(r.status, 200, name);
      assert.equal(r.headers['content-encoding'], 'br', name);
      assert.ok(r.body.equals(await readFile(join(copy, name))), name);
    }
  });
});
