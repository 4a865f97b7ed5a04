// SPDX-License-Identifier: EUPL-1.2
/**
 * The server of the read benchmark, in a process of its own so that its
 * memory (`process.memoryUsage().rss`) is the server's alone: `startServer`
 * on the database named by BENCH_DATABASE_URL (PostgreSQL) or BENCH_DATA_DIR
 * (a PGlite data directory). It tells its parent (IPC) `{ url, readyMs }`
 * once listening, answers `'rss'` with `{ rss, heap, external, wasm, baseline, collectedRss,
 * collectedHeap }` (heapUsed; `external`, which holds PGlite's WebAssembly memory, `wasm`; the RSS
 * before the database was opened; RSS and heap after a full collection), and closes on `'close'`.
 *
 * Plain JavaScript, so that it runs two ways: on the sources through tsx (the default), or with
 * BENCH_BUILT=1 on the built package (`dist/`, what `npm install @gusp/server` runs), with no
 * TypeScript compiler in the process: the RSS a city's server has.
 */
import { performance } from 'node:perf_hooks';

/** A full collection, when the bench gave `--expose-gc`. */
const gc = globalThis.gc ?? (() => {});
/** @type {typeof import('../src/server.js')} */
const { openMigratedDatabase, startServer } = await import(process.env.BENCH_BUILT === '1' ? '../dist/index.js' : '../src/server.js');
gc();
/** What the process holds before any database: Node, the server's modules (and tsx, which compiles them, unless BENCH_BUILT=1). */
const baseline = process.memoryUsage().rss;
const t0 = performance.now();
const database = await openMigratedDatabase(
  process.env.BENCH_DATABASE_URL ? { databaseUrl: process.env.BENCH_DATABASE_URL } : { dataDir: process.env.BENCH_DATA_DIR },
);
const server = await startServer({ database, photoSweep: false });
/** @param {unknown} message */
const send = (message) => process.send?.(message);
send({ url: server.url, readyMs: performance.now() - t0 });
process.on('message', (message) => {
  if (message === 'rss') {
    const { rss, heapUsed, external } = process.memoryUsage();
    // PGlite's WebAssembly memory (its Postgres: shared buffers and all), counted in `external`.
    const wasm =
      /** @type {{ pglite?: { mod?: { wasmMemory?: WebAssembly.Memory } } }} */ (database).pglite?.mod?.wasmMemory?.buffer.byteLength ?? 0;
    // Then after a full collection: what is held, not garbage waiting (the V8 heap keeps its size).
    gc();
    const collected = process.memoryUsage();
    send({ rss, heap: heapUsed, external, wasm, baseline, collectedRss: collected.rss, collectedHeap: collected.heapUsed });
  }
  if (message === 'close')
    void server
      .close()
      .then(() => database.close())
      .then(() => process.exit(0));
});
process.on('disconnect', () => process.exit(0));
