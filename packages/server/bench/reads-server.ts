// SPDX-License-Identifier: EUPL-1.2
/**
 * The server of the read benchmark, in a process of its own so that its
 * memory (`process.memoryUsage().rss`) is the server's alone: `startServer`
 * on the database named by BENCH_DATABASE_URL (PostgreSQL) or BENCH_DATA_DIR
 * (a PGlite data directory). It tells its parent (IPC) `{ url, readyMs }`
 * once listening, answers `'rss'` with `{ rss, heap, external, wasm }` (heapUsed; `external`, which
 * holds PGlite's WebAssembly memory, `wasm`), and closes on `'close'`.
 */
import { performance } from 'node:perf_hooks';
import { openMigratedDatabase, startServer } from '../src/server.js';

const t0 = performance.now();
const database = await openMigratedDatabase(
  process.env.BENCH_DATABASE_URL ? { databaseUrl: process.env.BENCH_DATABASE_URL } : { dataDir: process.env.BENCH_DATA_DIR },
);
const server = await startServer({ database, photoSweep: false });
const send = (message: unknown) => process.send?.(message);
send({ url: server.url, readyMs: performance.now() - t0 });
process.on('message', (message) => {
  if (message === 'rss') {
    const { rss, heapUsed, external } = process.memoryUsage();
    // PGlite's WebAssembly memory (its Postgres: shared buffers and all), counted in `external`.
    const wasm = (database as { pglite?: { mod?: { wasmMemory?: WebAssembly.Memory } } }).pglite?.mod?.wasmMemory?.buffer.byteLength ?? 0;
    send({ rss, heap: heapUsed, external, wasm });
  }
  if (message === 'close')
    void server
      .close()
      .then(() => database.close())
      .then(() => process.exit(0));
});
process.on('disconnect', () => process.exit(0));
