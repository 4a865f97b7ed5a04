// SPDX-License-Identifier: EUPL-1.2
// After scripts/bundle.mjs: makes dist/bundle/ ready to serve fast.
//
// - Each entry (`gusp-elements.js`, `gusp-walk-signup.js`…: the .js files at the top of
//   dist/bundle/) gets a content-hashed copy, `gusp-elements.<hash>.js` (the same bytes), which a
//   server may send as immutable: a new build is a new name. `manifest.json` maps each stable
//   name to its hashed copy: `{ "gusp-elements.js": "gusp-elements.1a2b3c4d5e.js", … }`.
//   Webmasters keep pasting the stable name (a server revalidates it, ETag + no-cache); pages the
//   server writes itself use the hashed one.
// - Every .js file there (entries, their hashed copies, the chunks in any subdirectory) gets a
//   brotli copy at maximum quality (`.br`) and a gzip -9 copy (`.gz`) beside it, so a server sends
//   `Content-Encoding: br` without compressing anything per request.
//
// It works on whatever .js files bundle.mjs wrote (entries and chunks alike); hashed copies and
// compressed files of an older build are removed. `node scripts/precompress.mjs [dir]` (dist/bundle
// by default) prints identity / gzip / brotli bytes per entry.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import * as zlib from 'node:zlib';

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/** `gusp-elements.1a2b3c4d5e.js`: an entry's hashed copy (10 hex digits of its SHA-256). */
export const HASHED_ENTRY = /^(gusp-[a-z-]+)\.([0-9a-f]{10})\.js$/;
const ENTRY = /^gusp-[a-z-]+\.js$/;

/** The hashed name of an entry with these bytes. */
export const hashedName = (entry, bytes) =>
  `${entry.replace(/\.js$/, '')}.${createHash('sha256').update(bytes).digest('hex').slice(0, 10)}.js`;

/** Every file under `dir`, as paths relative to it. */
async function filesUnder(dir) {
  const out = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await filesUnder(path)).map((p) => join(e.name, p)));
    else out.push(relative(dir, path));
  }
  return out;
}

/** Brotli at its maximum (quality 11, text mode) and gzip -9 of `bytes`. */
async function compressBoth(bytes) {
  const [br, gz] = await Promise.all([
    brotli(bytes, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
        [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    }),
    gzip(bytes, { level: 9 }),
  ]);
  return { br, gz };
}

/**
 * Writes the hashed copies, `manifest.json` and the `.br`/`.gz` files of `dir`.
 * @returns {Promise<{ manifest: Record<string, string>, sizes: Record<string, { identity: number, gzip: number, brotli: number }> }>}
 */
export async function precompress(dir) {
  const before = await filesUnder(dir);
  // What an older build left: hashed copies and compressed files (remade below from this build's .js).
  for (const path of before) {
    const name = path.split(/[\\/]/).pop();
    if (/\.(br|gz)$/.test(name) || (HASHED_ENTRY.test(name) && path === name)) await rm(join(dir, path));
  }
  const scripts = (await filesUnder(dir)).filter((p) => p.endsWith('.js'));
  const entries = scripts.filter((p) => ENTRY.test(p)).sort();
  const manifest = {};
  const sizes = {};
  const compressed = new Map(); // by content hash: a hashed copy is compressed once with its entry
  const digest = (bytes) => createHash('sha256').update(bytes).digest('hex');
  const writeCompressed = async (path, bytes) => {
    const key = digest(bytes);
    let both = compressed.get(key);
    if (!both) compressed.set(key, (both = await compressBoth(bytes)));
    await writeFile(join(dir, `${path}.br`), both.br);
    await writeFile(join(dir, `${path}.gz`), both.gz);
    return both;
  };
  for (const entry of entries) {
    const bytes = await readFile(join(dir, entry));
    const hashed = hashedName(entry, bytes);
    await writeFile(join(dir, hashed), bytes);
    manifest[entry] = hashed;
    const { br, gz } = await writeCompressed(entry, bytes);
    await writeCompressed(hashed, bytes);
    sizes[entry] = { identity: bytes.length, gzip: gz.length, brotli: br.length };
  }
  for (const path of scripts.filter((p) => !ENTRY.test(p))) await writeCompressed(path, await readFile(join(dir, path)));
  await writeFile(join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return { manifest, sizes };
}

/** Whether `dir` was precompressed after its entries were last written (manifest.json newer than each). */
export async function isPrecompressed(dir) {
  const manifest = join(dir, 'manifest.json');
  if (!existsSync(manifest)) return false;
  const made = (await stat(manifest)).mtimeMs;
  for (const path of await filesUnder(dir)) {
    if (path.endsWith('.js') && !existsSync(join(dir, `${path}.br`))) return false;
    if (ENTRY.test(path) && (await stat(join(dir, path))).mtimeMs > made) return false;
  }
  return true;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] ?? fileURLToPath(new URL('../dist/bundle/', import.meta.url));
  const { manifest, sizes } = await precompress(dir);
  const kB = (n) => (n / 1000).toFixed(1).padStart(6);
  for (const [entry, s] of Object.entries(sizes))
    console.log(`${entry.padEnd(28)} ${kB(s.identity)} kB   gz ${kB(s.gzip)} kB   br ${kB(s.brotli)} kB   → ${manifest[entry]}`);
}
