// SPDX-License-Identifier: EUPL-1.2
/**
 * Read benchmark of `@gusp/server` (issue 12): a city's journal built through
 * the core (bench/journal.ts), then the real server over real HTTP — in a
 * child process, so that its RSS is the server's alone — on PGlite and on a
 * throw-away PostgreSQL cluster, at 1k and 100k observations. Prints p50/p99
 * of each public GET (first page), time to first byte of the exports, the
 * effect of 16 greedy clients on `/healthz`, the server's RSS, the read
 * models' rebuild time, the 100k/1k ratio (from each size's own run, then again
 * with both servers at once and their requests in turns: the ratio judged), 200
 * simultaneous sign-ups for 30
 * seats, and the sign-up throughput of bench/run.ts in the same run; each
 * against the issue's budgets (printed, never enforced: they depend on the
 * machine and its load; the seat count is correctness and exits 1).
 *
 *   pnpm bench:server reads                       # both databases, 1k and 100k
 *   BENCH_SIZES=1k pnpm bench:server reads pglite # a quick run (< 1 minute)
 *   pnpm bench:server reads --million             # + rebuild of 1,000,000 events on PostgreSQL
 *
 * Knobs (environment): BENCH_SIZES (1k,10k,100k; default 1k,100k), BENCH_REQUESTS (per GET, default
 * 50, after 5 of warm-up), BENCH_MAX_SECONDS (a GET stops early past this, default 20: a journal
 * folded on every request takes seconds each), BENCH_BUILD (core | batch; default core up to 10k
 * observations, batch above), BENCH_SIGNUPS=0 (skip bench/run.ts), BENCH_FRESH=1 (ignore the cache),
 * BENCH_TIMEOUT_S (a request without an answer by then counts as that long, default 120),
 * BENCH_MILLION_EVENTS (another count for `--million`, to try it small), BENCH_ENCODING (the GETs'
 * Accept-Encoding, `br, gzip` as a browser's by default; empty for none),
 * BENCH_CACHE (another cache directory), BENCH_BUILT=1 (the server from the built packages, with plain
 * Node: the RSS a city's server has; `pnpm -r build` first).
 * Built journals are kept in `.bench-cache/reads/` at the repository's root (a PGlite data directory
 * per size; PostgreSQL gets a copy of it through `copyDatabase`, what `gusp-server copy` runs).
 */
import { execFileSync, fork, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { createGusp, valence } from '@gusp/core';
import { openMigratedDatabase } from '../src/server.js';
import type { Database } from '../src/db.js';
import { copyDatabase } from '../src/store/copy-database.js';
import { sqlStore } from '../src/store/sql-store.js';
import { postgresBinDir, postgresUnavailable, startPostgresCluster, type PostgresCluster } from '../test/postgres-cluster.js';
import { buildInBatches, buildThroughCore, JOURNAL_VERSION, sizeOfEvents, SIZES, type BuildReport, type JournalSize } from './journal.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const CACHE = process.env.BENCH_CACHE ?? join(here, '..', '..', '..', '.bench-cache', 'reads');
const REQUESTS = Number(process.env.BENCH_REQUESTS) || 50;
const WARM_UP = 5;
const MAX_SECONDS = Number(process.env.BENCH_MAX_SECONDS) || 20;
/** Even past BENCH_MAX_SECONDS, this many (5, or BENCH_REQUESTS when lower). */
const MIN_REQUESTS = Math.min(5, REQUESTS);
/** A request without an answer after this long is a timeout (seconds). */
const TIMEOUT_S = Number(process.env.BENCH_TIMEOUT_S) || 120;
const GREEDY = 16;
/** What the measured GETs accept, as browsers do (`BENCH_ENCODING=` for none): kB is then what crosses the wire. */
const ENCODING = process.env.BENCH_ENCODING ?? 'br, gzip';
const SEATS = 30;
const SIGNUPS = 200;
/**
 * The commit whose sign-up figures issue 12 quotes (2,146–2,289/s on PostgreSQL). Its budget, 0.9×
 * those figures in the same run, is judged by `pnpm bench:server against` this commit (sign-ups of
 * both in turns): this run's own figure depends on the machine's minute as much as on the code.
 */
const SIGNUPS_BASELINE = '088c215';

const args = process.argv.slice(2).filter((a) => a !== 'reads' && a !== '--');
/** BENCH_BUILT=1: the server runs from the built packages (`pnpm -r build` first), as a city runs it. */
const BUILT = process.env.BENCH_BUILT === '1';
/**
 * V8's heap of the server's process, as the systemd unit sets it (`BENCH_NODE_FLAGS=` for V8's
 * defaults): the live heap is 25-35 MB, but by default V8 lets the garbage of 16 clients asking
 * exports grow the heap to 130-190 MB before collecting, and keeps it.
 */
const NODE_FLAGS = (process.env.BENCH_NODE_FLAGS ?? '--max-old-space-size=128 --max-semi-space-size=2').split(/\s+/).filter(Boolean);
/**
 * glibc's malloc settings of the server's process, as docs/operators.md's systemd unit sets them
 * (`BENCH_MALLOC=` for glibc's defaults): two arenas instead of eight per core, and a fixed
 * threshold from which a block is its own mapping, given back when freed. By default the threshold
 * rises to the largest block freed (the compression's and the sockets' buffers), and every later
 * block of that size stays in an arena once freed: 16 clients asking exports together left the
 * server at 400 MB instead of 270 on PGlite at 100k.
 */
const MALLOC = Object.fromEntries(
  (process.env.BENCH_MALLOC ?? 'MALLOC_ARENA_MAX=2 MALLOC_MMAP_THRESHOLD_=131072')
    .split(/\s+/)
    .filter(Boolean)
    .map((pair) => pair.split('=') as [string, string]),
);
if (BUILT && !existsSync(fileURLToPath(new URL('../dist/index.js', import.meta.url)))) {
  console.error('BENCH_BUILT=1: build the packages first (`pnpm -r build`): packages/server/dist/index.js is missing.');
  process.exit(2);
}
const million = args.includes('--million');
const databases = (['pglite', 'postgres'] as const).filter(
  (d) => !args.some((a) => a === 'pglite' || a === 'postgres') || args.includes(d),
);
const sizes = (process.env.BENCH_SIZES ?? '1k,100k')
  .split(',')
  .filter((name) => name.trim() !== '')
  .map((name) => {
    const size = SIZES[name.trim()];
    if (!size) throw new Error(`BENCH_SIZES: unknown size ${name} (one of ${Object.keys(SIZES).join(', ')})`);
    return size;
  });

const ms = (n: number | undefined) => (n === undefined || Number.isNaN(n) ? '—' : n < 10 ? n.toFixed(1) : n.toFixed(0));
const quantile = (sorted: readonly number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] ?? Number.NaN;

/* ---------------------------------------------------------------- journals */

const buildHow = (size: JournalSize): 'core' | 'batch' =>
  process.env.BENCH_BUILD === 'core' || process.env.BENCH_BUILD === 'batch'
    ? process.env.BENCH_BUILD
    : size.observations <= 10_000
      ? 'core'
      : 'batch';

async function build(db: Database, size: JournalSize, parallel: number): Promise<BuildReport> {
  const store = sqlStore(db.sql);
  if (buildHow(size) === 'core') return buildThroughCore(store, size);
  let shown = 0;
  return buildInBatches(store, size, {
    parallel,
    progress: (events) => {
      if (events - shown >= 100_000) {
        shown = events;
        console.log(`  … ${events.toLocaleString('en')} events`);
      }
    },
  });
}

/** A PGlite data directory holding the journal of `size`, built once and kept in the cache. */
async function cachedJournal(size: JournalSize): Promise<string> {
  const dir = join(CACHE, `pglite-${size.name}-${buildHow(size)}-v${JOURNAL_VERSION}`);
  if (existsSync(dir) && !process.env.BENCH_FRESH) return dir;
  rmSync(dir, { recursive: true, force: true });
  const building = `${dir}.building`;
  rmSync(building, { recursive: true, force: true });
  mkdirSync(CACHE, { recursive: true });
  const db = await openMigratedDatabase({ dataDir: building });
  try {
    const report = await build(db, size, 1);
    console.log(
      `journal ${size.name}: ${report.events.toLocaleString('en')} events built ${report.how === 'core' ? 'through the core, command by command' : 'by the core on a memory store, appended stream by stream'} on PGlite in ${report.seconds.toFixed(1)} s (${(report.events / report.seconds).toFixed(0)} events/s)`,
    );
  } finally {
    await db.close();
  }
  renameSync(building, dir);
  return dir;
}

/** A fresh copy of the cached PGlite directory, for one run of the server. */
function copyOfJournal(cached: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'gusp-bench-reads-'));
  cpSync(cached, dir, { recursive: true });
  rmSync(join(dir, 'gusp.lock'), { force: true });
  return dir;
}

/** The walk of the exact-capacity check: 30 seats, published through the core. */
async function capacityWalk(db: Database): Promise<string> {
  const gusp = createGusp({ city: valence, store: sqlStore(db.sql) });
  const w = await gusp.walks.schedule({
    quartierId: 'polygone',
    title: 'Bench: 30 seats',
    startsAt: new Date(Date.now() + 40 * 86_400_000).toISOString(),
    capacity: SEATS,
    meetingPoint: { label: 'Parvis' },
  });
  if (!w.ok) throw new Error(w.error.code);
  const p = await gusp.walks.publish(w.value.id);
  if (!p.ok) throw new Error(p.error.code);
  return w.value.id;
}

/* ------------------------------------------------------------------ server */

/** The bench server's memory: RSS, JS heap, `external` (buffers, PGlite's WebAssembly memory), and that WebAssembly memory alone. */
interface Memory {
  readonly rss: number;
  readonly heap: number;
  readonly external: number;
  readonly wasm: number;
  /** RSS before the database was opened: Node, the server's modules and tsx. */
  readonly baseline: number;
  /** RSS and heap after a full collection (`--expose-gc`). */
  readonly collectedRss: number;
  readonly collectedHeap: number;
}

interface ChildServer {
  readonly url: string;
  readonly readyMs: number;
  memory(): Promise<Memory>;
  close(): Promise<void>;
}

async function startChild(env: Record<string, string>): Promise<ChildServer> {
  const child: ChildProcess = fork(join(here, 'reads-server.mjs'), [], {
    // BENCH_BUILT=1: the built package, with plain Node (no tsx, no sources); otherwise the sources through tsx.
    execArgv: [...(BUILT ? [] : ['--conditions=@gusp/source', '--import', 'tsx']), '--expose-gc', ...NODE_FLAGS],
    env: { ...process.env, ...MALLOC, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const next = <T>(key: string) =>
    new Promise<T>((resolve, reject) => {
      const onMessage = (m: Record<string, unknown>) => {
        if (key in m) {
          child.off('message', onMessage);
          child.off('exit', onExit);
          resolve(m as T);
        }
      };
      const onExit = (code: number | null) => reject(new Error(`bench server exited (${code})`));
      child.on('message', onMessage);
      child.once('exit', onExit);
    });
  const ready = await next<{ url: string; readyMs: number }>('url');
  return {
    url: ready.url,
    readyMs: ready.readyMs,
    async memory() {
      const answer = next<Memory>('rss');
      child.send('rss');
      return answer;
    },
    async close() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.send('close');
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/* -------------------------------------------------------------------- HTTP */

interface Answer {
  readonly status: number;
  readonly ttfb: number;
  readonly total: number;
  readonly bytes: number;
  readonly body: string;
}

const agent = new Agent({ keepAlive: true, maxSockets: 64 });
/**
 * For the 200 simultaneous sign-ups: new connections. Reused ones may have idled past the server's
 * keep-alive timeout during /healthz's sampling, and a POST sent on one the server is closing gets
 * "socket hang up" (a run at 100k ended there), which no retry can settle for a sign-up.
 */
const freshAgent = new Agent({ keepAlive: false, maxSockets: 256 });

function get(
  base: string,
  path: string,
  options: { keep?: boolean; method?: string; body?: string; fresh?: boolean } = {},
): Promise<Answer> {
  const url = new URL(path, base);
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const req = request(
      {
        agent: options.fresh ? freshAgent : agent,
        host: url.hostname,
        port: url.port,
        path: url.pathname + url.search,
        method: options.method ?? 'GET',
        timeout: TIMEOUT_S * 1000,
        headers: {
          // As a browser asks (the measured GETs; bodies this bench reads itself come uncompressed).
          ...(options.keep || !ENCODING ? {} : { 'accept-encoding': ENCODING }),
          ...(options.body ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(options.body) } : {}),
        },
      },
      (res) => {
        const ttfb = performance.now() - t0;
        const chunks: Buffer[] = [];
        let bytes = 0;
        res.on('data', (c: Buffer) => {
          bytes += c.length;
          if (options.keep) chunks.push(c);
        });
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            ttfb,
            total: performance.now() - t0,
            bytes,
            body: options.keep ? Buffer.concat(chunks).toString('utf8') : '',
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`timeout: ${path}`)));
    req.on('error', reject);
    req.end(options.body);
  });
}

interface Measure {
  readonly name: string;
  readonly path: string;
  readonly n: number;
  /** The first request's time, before any warm-up: what an answer kept until the read models change (memo.ts) costs to compute. */
  readonly first: number;
  readonly p50: number;
  readonly p99: number;
  readonly ttfb50: number;
  readonly ttfb99: number;
  readonly bytes: number;
  readonly status: number;
  /** Which budget applies: a page (15/50 ms), stats (30 ms), an export's first byte (50 ms). */
  readonly kind: 'page' | 'stats' | 'export';
  /** Requests that got no answer within BENCH_TIMEOUT_S. */
  readonly timeouts: number;
}

async function measure(base: string, name: string, path: string | undefined, kind: Measure['kind']): Promise<Measure | undefined> {
  if (path === undefined) return undefined;
  // Warm-up: 5 requests, or fewer when they are slow (at least one).
  const warming = performance.now();
  let first = Number.NaN;
  for (let i = 0; i < WARM_UP && (i === 0 || performance.now() - warming < 5_000); i++) {
    const answer = await get(base, path).catch(() => undefined);
    if (i === 0) first = answer?.total ?? Number.NaN;
  }
  const totals: number[] = [];
  const ttfbs: number[] = [];
  let last: Answer | undefined;
  let timeouts = 0;
  const started = performance.now();
  while (totals.length < REQUESTS && (totals.length < MIN_REQUESTS || performance.now() - started < MAX_SECONDS * 1000)) {
    try {
      last = await get(base, path);
      totals.push(last.total);
      ttfbs.push(last.ttfb);
    } catch {
      // A timeout: counted at the timeout, so that it weighs in the quantiles instead of vanishing.
      timeouts++;
      totals.push(TIMEOUT_S * 1000);
      ttfbs.push(TIMEOUT_S * 1000);
    }
  }
  totals.sort((a, b) => a - b);
  ttfbs.sort((a, b) => a - b);
  return {
    name,
    path,
    kind,
    n: totals.length,
    first,
    p50: quantile(totals, 0.5),
    p99: quantile(totals, 0.99),
    ttfb50: quantile(ttfbs, 0.5),
    ttfb99: quantile(ttfbs, 0.99),
    bytes: last?.bytes ?? 0,
    status: last?.status ?? 0,
    timeouts,
  };
}

/** `/healthz` latency (p50, p99 of up to 50 sequential requests) alone, then beside 16 clients each asking `paths` in turn without pause. */
async function healthzUnderLoad(
  base: string,
  paths: readonly string[],
): Promise<{ idle: [number, number]; loaded: [number, number]; greedy: number }> {
  // 50 requests, or as many as 10 s allow (at least 3): behind greedy clients each may wait seconds.
  const sample = async () => {
    const t: number[] = [];
    const started = performance.now();
    for (let i = 0; i < 50 && (i < 3 || performance.now() - started < 10_000); i++) {
      t.push(
        await get(base, '/healthz').then(
          (a) => a.total,
          () => TIMEOUT_S * 1000,
        ),
      );
      await new Promise((r) => setTimeout(r, 20));
    }
    t.sort((a, b) => a - b);
    return [quantile(t, 0.5), quantile(t, 0.99)] as [number, number];
  };
  const idle = await sample();
  let stop = false;
  let greedy = 0;
  const clients = Array.from({ length: GREEDY }, async (_, c) => {
    for (let i = c; !stop; i++) {
      await get(base, paths[i % paths.length] as string).catch(() => undefined);
      greedy++;
    }
  });
  await new Promise((r) => setTimeout(r, 500));
  const loaded = await sample();
  stop = true;
  await Promise.all(clients);
  return { idle, loaded, greedy };
}

/* ------------------------------------------------------------------ a run */

interface SizeRun {
  readonly database: string;
  readonly size: JournalSize;
  readonly readyMs: number;
  /** The first start's, which rebuilt every read model, and what its process held then. */
  readonly caughtUp: { readonly readyMs: number; readonly memory: Memory };
  readonly measures: readonly Measure[];
  readonly healthz: Awaited<ReturnType<typeof healthzUnderLoad>>;
  readonly rss: number;
  /** The JS heap (`heapUsed`): the rest of the RSS is code, buffers and, with PGlite, its WebAssembly memory. */
  readonly heap: number;
  readonly memory: Memory;
  readonly rebuild: string;
  readonly confirmed: number;
  /** The measured server's database (its child's env), kept for the paired ratios; `cleanup` deletes it. */
  readonly env: Record<string, string>;
  readonly cleanup: () => void;
}

/** Query parameters of a route, as `GET /api/openapi.json` documents them (filters differ from one version to the next). */
async function paramsOf(base: string): Promise<(path: string) => Set<string>> {
  const answer = await get(base, '/api/openapi.json', { keep: true });
  const doc = JSON.parse(answer.body) as { paths?: Record<string, { get?: { parameters?: { name: string; in: string }[] } }> };
  return (path) => new Set((doc.paths?.[path]?.get?.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name));
}

/** A quartier-year's filter for the exports, in whatever form this version takes (none: the quartier alone). */
function quartierYear(params: Set<string>, quartier: string, year: number): string {
  const q = `quartier=${quartier}`;
  if (params.has('year')) return `${q}&year=${year}`;
  for (const [from, to] of [
    ['from', 'to'],
    ['since', 'until'],
    ['after', 'before'],
    ['recordedFrom', 'recordedTo'],
  ] as const)
    if (params.has(from) && params.has(to)) return `${q}&${from}=${year}-01-01&${to}=${year}-12-31`;
  return q;
}

async function rebuildTime(db: Database): Promise<string> {
  // Through a computed specifier: the module exists once the read models have landed.
  const specifier = '../src/read/read-models.js';
  let mod: {
    openReadModels?: (sql: unknown, o: unknown) => Promise<{ rebuild(): Promise<{ events: number; ms: number }>; close(): Promise<void> }>;
  };
  try {
    mod = (await import(specifier)) as typeof mod;
  } catch {
    return 'n/a';
  }
  if (typeof mod.openReadModels !== 'function') return 'n/a';
  const models = await mod.openReadModels(db.sql, { city: valence, prepare: false });
  try {
    const t0 = performance.now();
    const report = await models.rebuild();
    return `${((performance.now() - t0) / 1000).toFixed(1)} s (${report.events.toLocaleString('en')} events)`;
  } finally {
    await models.close();
  }
}

async function runOne(database: 'pglite' | 'postgres', size: JournalSize, cached: string, cluster?: PostgresCluster): Promise<SizeRun> {
  let env: Record<string, string>;
  let open: () => Promise<Database>;
  let cleanup = () => {};
  if (database === 'pglite') {
    const dir = copyOfJournal(cached);
    env = { BENCH_DATA_DIR: dir };
    open = () => openMigratedDatabase({ dataDir: dir });
    cleanup = () => rmSync(dir, { recursive: true, force: true });
  } else {
    if (!cluster) throw new Error('no cluster');
    const name = `bench_${size.name.replace(/\W/g, '_')}_${Date.now()}`;
    const admin = await openMigratedDatabase({ databaseUrl: cluster.url, poolSize: 1 });
    await admin.sql.exec(`CREATE DATABASE ${name}`);
    await admin.close();
    const url = cluster.url.replace(/\/postgres$/, `/${name}`);
    env = { BENCH_DATABASE_URL: url };
    open = () => openMigratedDatabase({ databaseUrl: url });
    const source = copyOfJournal(cached);
    const from = await openMigratedDatabase({ dataDir: source });
    const to = await open();
    const t0 = performance.now();
    try {
      const report = await copyDatabase(from.sql, to.sql);
      console.log(
        `  postgres ${size.name}: journal copied from PGlite (copyDatabase) in ${((performance.now() - t0) / 1000).toFixed(1)} s, ${report.events.toLocaleString('en')} events`,
      );
    } finally {
      await from.close();
      await to.close();
      rmSync(source, { recursive: true, force: true });
    }
  }
  try {
    let walkId: string;
    {
      const db = await open();
      try {
        walkId = await capacityWalk(db);
      } finally {
        await db.close();
      }
    }
    // A first start catches the read models up with the copied journal (they are rebuilt: the copy
    // has none), as after an upgrade that changes them; its memory is printed. The measured server
    // then starts as a city's does every other day, on read models already up to date.
    const catchingUp = await startChild(env);
    const caughtUp = { readyMs: catchingUp.readyMs, memory: await catchingUp.memory() };
    await catchingUp.close();
    const server = await startChild(env);
    printHead(database, size, server.readyMs, caughtUp.readyMs);
    let measures: Measure[];
    let healthz: SizeRun['healthz'];
    let memory: Memory;
    let confirmed: number;
    try {
      const base = server.url;
      const params = await paramsOf(base);
      const quartier = 'le-plan';
      const year = new Date().getUTCFullYear() - 1;
      const obsPath = `/api/observations?quartier=${quartier}`;
      const first = await get(base, obsPath, { keep: true });
      const next = (JSON.parse(first.body) as { next?: string }).next;
      const exportQuery = quartierYear(params('/api/observations.geojson'), quartier, year);
      const plan: [string, string | undefined, Measure['kind']][] = [
        ['/api/walks', '/api/walks', 'page'],
        // The 1k journal has 20 walks: the same length of answer at both sizes, for the ratio.
        ['/api/walks?limit=20', '/api/walks?limit=20', 'page'],
        ['/api/walks?quartier', `/api/walks?quartier=${quartier}`, 'page'],
        ['/api/observations?quartier', obsPath, 'page'],
        ['  … page 2 (cursor)', next === undefined ? undefined : `${obsPath}&cursor=${encodeURIComponent(next)}`, 'page'],
        ['/api/observations/stats', '/api/observations/stats', 'stats'],
        ['/api/engagements', '/api/engagements', 'page'],
        ['/api/engagements/dashboard', '/api/engagements/dashboard', 'page'],
        [
          `/api/observations.geojson?${exportQuery.includes('&') ? 'quartier-year' : 'quartier'}`,
          `/api/observations.geojson?${exportQuery}`,
          'export',
        ],
        [
          `/api/observations.csv?${exportQuery.includes('&') ? 'quartier-year' : 'quartier'}`,
          `/api/observations.csv?${exportQuery}`,
          'export',
        ],
        // A page of 100 (the extension) is a page; the spec's default answer, up to 1,000 streamed, is an export.
        ['/open311/v2/requests.json?page_size=100', '/open311/v2/requests.json?page_size=100', 'page'],
        ['/open311/v2/requests.json (1,000)', '/open311/v2/requests.json', 'export'],
        // A calendar feed of every walk (2,000 at 100k): an export, as the issue names iCal feeds.
        ['/api/walks.ics', '/api/walks.ics', 'export'],
      ];
      measures = [];
      for (const [name, path, kind] of plan) {
        const m = (await measure(base, name, path, kind)) ?? {
          name,
          path: '',
          kind,
          n: 0,
          first: NaN,
          p50: NaN,
          p99: NaN,
          ttfb50: NaN,
          ttfb99: NaN,
          bytes: 0,
          status: 0,
          timeouts: 0,
        };
        measures.push(m);
        printMeasure(m);
      }
      healthz = await healthzUnderLoad(
        base,
        plan.flatMap(([, path]) => (path ? [path] : [])),
      );
      memory = await server.memory();
      // 200 sign-ups at once for 30 seats: exactly 30 confirmed.
      const answers = await Promise.all(
        Array.from({ length: SIGNUPS }, (_, i) =>
          get(base, `/api/walks/${walkId}/registrations`, {
            method: 'POST',
            keep: true,
            fresh: true,
            body: JSON.stringify({ name: `Habitant ${i}`, email: `seat-${i}@example.org`, consent: true }),
          }),
        ),
      );
      confirmed = answers.filter((a) => a.status === 201 && (JSON.parse(a.body) as { status?: string }).status === 'confirmed').length;
    } finally {
      await server.close();
    }
    const db = await open();
    let rebuild: string;
    try {
      rebuild = await rebuildTime(db);
    } finally {
      await db.close();
    }
    return {
      database,
      size,
      readyMs: server.readyMs,
      caughtUp,
      measures,
      healthz,
      rss: memory.rss,
      heap: memory.heap,
      memory,
      rebuild,
      confirmed,
      env,
      cleanup,
    };
  } catch (error) {
    cleanup();
    throw error;
  }
}

/* ------------------------------------------------------------------ report */

const mark = (ok: boolean) => (ok ? 'ok  ' : 'OVER');

function printHead(database: string, size: JournalSize, readyMs: number, catchUpMs: number): void {
  console.log(
    `\n${database} ${size.name} (${size.observations.toLocaleString('en')} observations, ${size.engagements.toLocaleString('en')} engagements, ${size.walks.toLocaleString('en')} walks, ${size.registrations.toLocaleString('en')} sign-ups): server ready in ${(readyMs / 1000).toFixed(1)} s (the first start, which built every read model from the journal: ${(catchUpMs / 1000).toFixed(1)} s)`,
  );
  console.log(
    `${'GET'.padEnd(38)} ${'n'.padStart(3)} ${'1st'.padStart(7)} ${'p50'.padStart(7)} ${'p99'.padStart(7)} ${'ttfb50'.padStart(7)} ${'kB'.padStart(8)}  budget`,
  );
}

/** One GET's line, printed as soon as it is measured (a slow run still shows what it got). */
function printMeasure(m: Measure): void {
  if (m.n === 0) {
    console.log(`${m.name.padEnd(38)}   — (no next page in the first answer: lists are not paged)`);
    return;
  }
  const budget =
    m.kind === 'export'
      ? `${mark(m.ttfb50 <= 50)} first byte ≤ 50 ms`
      : m.kind === 'stats'
        ? `${mark(m.p50 <= 30)} ≤ 30 ms`
        : `${mark(m.p50 <= 15 && m.p99 <= 50)} p50 ≤ 15, p99 ≤ 50 ms`;
  const failed = m.timeouts > 0 ? `, ${m.timeouts} timed out (counted as ${TIMEOUT_S} s)` : '';
  console.log(
    `${m.name.padEnd(38)} ${String(m.n).padStart(3)} ${ms(m.first).padStart(7)} ${ms(m.p50).padStart(7)} ${ms(m.p99).padStart(7)} ${ms(m.ttfb50).padStart(7)} ${(m.bytes / 1024).toFixed(1).padStart(8)}  ${m.status === 200 ? budget : `status ${m.status}`}${failed}`,
  );
}

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;

function printTail(run: SizeRun): void {
  const h = run.healthz;
  console.log(
    `/healthz p50/p99: ${ms(h.idle[0])}/${ms(h.idle[1])} ms alone, ${ms(h.loaded[0])}/${ms(h.loaded[1])} ms beside ${GREEDY} greedy clients (${h.greedy} of their GETs)`,
  );
  console.log(
    `server RSS ${(run.rss / 2 ** 20).toFixed(0)} MB ${mark(run.rss <= 250 * 2 ** 20)} ≤ 250 MB (JS heap ${mb(run.heap)}, external ${mb(run.memory.external)}${run.memory.wasm > 0 ? ` of which PGlite's WebAssembly memory ${mb(run.memory.wasm)}` : ''}; before the database: ${mb(run.memory.baseline)}; after a full GC: RSS ${mb(run.memory.collectedRss)}, JS heap ${mb(run.memory.collectedHeap)}); rebuild of the read models: ${run.rebuild}; ${SIGNUPS} sign-ups at once for ${SEATS} seats: ${run.confirmed} confirmed ${mark(run.confirmed === SEATS)}`,
  );
  const c = run.caughtUp.memory;
  console.log(
    `the first start's process, once it had built every read model (not measured against the budget: what an upgrade that rebuilds them leaves until the next restart): RSS ${mb(c.rss)}, JS heap ${mb(c.heap)}; after a full GC: RSS ${mb(c.collectedRss)}, JS heap ${mb(c.collectedHeap)}`,
  );
}

/** The GETs measured at both sizes, as (small, large) pairs. */
const measuredBoth = (small: SizeRun, large: SizeRun): [Measure, Measure][] =>
  large.measures.flatMap((m) => {
    const s = small.measures.find((x) => x.name === m.name);
    return s && m.n > 0 && s.n > 0 ? [[s, m] as [Measure, Measure]] : [];
  });

/** How much longer the large journal's answer is than the small one's, and whether that is about the same length (within 1.5×), where a ratio of times measures the journal. */
function lengths(small: Measure, large: Measure): { longer: number; same: boolean } {
  const longer = large.bytes / Math.max(1, small.bytes);
  return { longer, same: longer <= 1.5 && longer >= 1 / 1.5 };
}

/**
 * The 100k/1k ratio of each GET from each size's own run: of p50 for pages and statistics, of the
 * first byte for exports (whose whole answer grows with the data by design). For reading only: the
 * runs are minutes apart, so the ratio judged is taken again in pairs ({@linkcode pairedRatios}),
 * for the GETs whose answers have about the same length (within 1.5×): a page of 100 against a list
 * of 20 measures the answer's size, not the journal's; those lines say how much longer the answer is.
 */
function printRatio(small: SizeRun, large: SizeRun): void {
  console.log(
    `\n${large.database}: ${large.size.name} / ${small.size.name} from each size's own run (minutes apart: not judged, the pairs below are), p50 (pages) or first byte (exports)`,
  );
  for (const [s, m] of measuredBoth(small, large)) {
    const exported = m.kind === 'export';
    const r = exported ? m.ttfb50 / s.ttfb50 : m.p50 / s.p50;
    const { longer, same } = lengths(s, m);
    const verdict = same
      ? 'same length: in pairs below'
      : `—    (answer ${longer.toFixed(1)}× as long: ${(s.bytes / 1024).toFixed(1)} → ${(m.bytes / 1024).toFixed(1)} kB)`;
    console.log(`  ${`${m.name}${exported ? ' (1st byte)' : ''}`.padEnd(50)} ${r.toFixed(2).padStart(6)}×  ${verdict}`);
  }
}

/**
 * The 100k/1k ratios again, taken in pairs: both servers at once, and for each GET whose answers
 * have the same length, one request to the small journal's server then one to the large one's (the
 * order alternates), 50 pairs after a warm-up. The sizes' own runs are minutes apart, and on a shared
 * machine the p50 of a 3 ms answer moves by more than the 1.5× the budget allows between two
 * minutes; requests a few milliseconds apart see the same machine. This is the ratio judged.
 */
async function pairedRatios(small: SizeRun, large: SizeRun): Promise<void> {
  const same = measuredBoth(small, large).flatMap(([s, m]) =>
    lengths(s, m).same ? [{ name: m.name, kind: m.kind, small: s.path, large: m.path }] : [],
  );
  if (same.length === 0) return;
  const [a, b] = await Promise.all([startChild(small.env), startChild(large.env)]);
  try {
    console.log(
      `\n${large.database}: ${large.size.name} / ${small.size.name} in pairs (both servers at once, requests in turns), p50 (pages) or first byte (exports), budget ≤ 1.5×`,
    );
    for (const g of same) {
      const times = { small: [] as number[], large: [] as number[] };
      const one = async (which: 'small' | 'large') => {
        const answer = await get(which === 'small' ? a.url : b.url, g[which]).catch(() => undefined);
        return answer === undefined ? TIMEOUT_S * 1000 : g.kind === 'export' ? answer.ttfb : answer.total;
      };
      for (let i = 0; i < WARM_UP; i++) for (const which of ['small', 'large'] as const) await one(which);
      for (let i = 0; i < REQUESTS; i++)
        for (const which of i % 2 === 0 ? (['small', 'large'] as const) : (['large', 'small'] as const))
          times[which].push(await one(which));
      const p50 = (t: number[]) =>
        quantile(
          [...t].sort((x, y) => x - y),
          0.5,
        );
      const r = p50(times.large) / p50(times.small);
      console.log(
        `  ${`${g.name}${g.kind === 'export' ? ' (1st byte)' : ''}`.padEnd(50)} ${r.toFixed(2).padStart(6)}×  ${mark(r <= 1.5)}   (${ms(p50(times.small))} → ${ms(p50(times.large))} ms)`,
      );
    }
  } finally {
    await Promise.all([a.close(), b.close()]);
  }
}

/** bench/run.ts on PostgreSQL (sign-ups per second, the hot walk's exact count), in this run. */
function signupBench(): Promise<void> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--conditions=@gusp/source', '--import', 'tsx', join(here, 'run.ts'), 'postgres'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (c: string) => {
      out += c;
      process.stdout.write(c);
    });
    child.on('exit', (code) => {
      const spread = /^postgres\s+spread \(50 walks\)\s+@gusp\/server\s+(\d+)/m.exec(out)?.[1];
      if (spread)
        console.log(
          `sign-ups ${spread}/s over 50 walks; ≥ 0.9× ${SIGNUPS_BASELINE}'s in the same run is judged by: pnpm bench:server against ${SIGNUPS_BASELINE}`,
        );
      if (code !== 0) process.exitCode = 1;
      resolve();
    });
  });
}

/** 1,000,000 events (BENCH_MILLION_EVENTS) on PostgreSQL, built in batches, then every read model rebuilt. */
async function millionRebuild(cluster: PostgresCluster): Promise<void> {
  const size = sizeOfEvents(Number(process.env.BENCH_MILLION_EVENTS) || 1_000_000);
  const admin = await openMigratedDatabase({ databaseUrl: cluster.url, poolSize: 1 });
  const name = `bench_million_${Date.now()}`;
  await admin.sql.exec(`CREATE DATABASE ${name}`);
  await admin.close();
  const url = cluster.url.replace(/\/postgres$/, `/${name}`);
  // Built once, then kept as a pg_dump (when PostgreSQL's own tools are installed): the build takes many minutes.
  const bin = postgresBinDir();
  const dump = join(CACHE, `postgres-${size.observations}-observations-v${JOURNAL_VERSION}.dump`);
  const cached = bin !== undefined && existsSync(dump) && !process.env.BENCH_FRESH;
  if (cached) {
    const t0 = performance.now();
    execFileSync(join(bin, 'pg_restore'), ['--no-owner', '-d', url, dump]);
    console.log(`postgres ${size.name}: journal restored from ${dump} in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  }
  // Eight appends at a time: observations are streams of one or two events, so appends are most of the time.
  const db = await openMigratedDatabase({ databaseUrl: url, poolSize: 8 });
  try {
    if (!cached) {
      const report = await buildInBatches(sqlStore(db.sql), size, {
        parallel: 8,
        walksPerChunk: 50,
        progress: (events) => process.stdout.write(`\r  … ${events.toLocaleString('en')} events`),
      });
      console.log(
        `\npostgres ${size.name}: ${report.events.toLocaleString('en')} events built in batches in ${report.seconds.toFixed(0)} s`,
      );
      if (bin) {
        mkdirSync(CACHE, { recursive: true });
        execFileSync(join(bin, 'pg_dump'), ['-Fc', '-f', `${dump}.tmp`, url]);
        renameSync(`${dump}.tmp`, dump);
      }
    }
    const rebuild = await rebuildTime(db);
    const seconds = Number.parseFloat(rebuild);
    console.log(`postgres ${size.name}: rebuild of the read models ${rebuild} ${rebuild === 'n/a' ? '' : mark(seconds <= 120)} ≤ 120 s`);
  } finally {
    await db.close();
  }
}

/* -------------------------------------------------------------------- main */

console.log(
  `read bench: ${availableParallelism()} cores, load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')} at the start (other work on the machine moves every figure)`,
);
console.log(
  `read bench: ${databases.join(' and ')}, sizes ${sizes.map((s) => s.name).join(', ')}; ${REQUESTS} GETs each after ${WARM_UP} of warm-up (fewer past ${MAX_SECONDS} s), one at a time, keep-alive, Accept-Encoding: ${ENCODING || 'none'}; times in ms, kB on the wire; the server ${BUILT ? 'built (dist/, plain Node)' : 'from the sources (tsx)'}, node ${NODE_FLAGS.join(' ') || "with V8's default heap"}, malloc: ${
    Object.entries(MALLOC)
      .map(([k, v]) => `${k}=${v}`)
      .join(' ') || 'glibc defaults'
  }`,
);
const unavailable = databases.includes('postgres') || million ? postgresUnavailable() : undefined;
if (unavailable) console.log(`postgres: skipped, ${unavailable}`);
const cluster = databases.includes('postgres') && !unavailable ? await startPostgresCluster() : undefined;
try {
  const runs: SizeRun[] = [];
  for (const size of sizes) {
    const cached = await cachedJournal(size);
    for (const database of databases) {
      if (database === 'postgres' && !cluster) continue;
      const run = await runOne(database, size, cached, cluster);
      printTail(run);
      if (run.confirmed !== SEATS) process.exitCode = 1;
      runs.push(run);
    }
  }
  try {
    for (const database of databases) {
      const mine = runs.filter((r) => r.database === database);
      const small = mine[0];
      const large = mine.at(-1);
      if (small && large && small !== large) {
        printRatio(small, large);
        await pairedRatios(small, large);
      }
    }
  } finally {
    for (const run of runs) run.cleanup();
  }
  if (million) {
    const c = cluster ?? (unavailable ? undefined : await startPostgresCluster());
    if (c) {
      try {
        await millionRebuild(c);
      } finally {
        if (c !== cluster) await c.stop();
      }
    }
  }
} finally {
  agent.destroy();
  freshAgent.destroy();
  await cluster?.stop();
}
if (process.env.BENCH_SIGNUPS !== '0' && databases.includes('postgres') && !unavailable) {
  console.log('\nsign-ups (bench/run.ts postgres, same run):');
  await signupBench();
}
