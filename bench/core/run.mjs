// SPDX-License-Identifier: EUPL-1.2
/**
 * Benchmarks of @gusp/core, our real sources bundled by esbuild (no mock):
 *
 *  (a) fold:   engagement events folded per second by `foldEngagement`, against
 *              xstate v5's pure `transition()` on a machine generated from the
 *              same table (states, events, guards), and a plain lookup table;
 *  (b) decide: commands decided per second through `createGusp` + `memoryStore`
 *              (validation, rules, events, append), against xstate deciding the
 *              same commands (same zod schemas, same guards, same events);
 *  (c) size:   a tiny browser app importing `{ Walk, Registration }`, bundled,
 *              minified, gzip -9;
 *  (d) size:   a tiny browser app importing `{ can, walkRules }` (the rules
 *              tables alone: no catalogue, no zod), and which catalogue texts it carries.
 *
 * Each timed contender runs in its own Node process (`--worker <id>`), so that
 * none inherits another's heap or JIT feedback (sharing a process cost ours a
 * third of its decide rate). Warm-up, then ROUNDS rounds, median.
 * Exits non-zero only when a size budget fails (deterministic); timing
 * budgets are printed, never enforced. Run: `pnpm bench` (30–45 s), or
 * `node bench/core/run.mjs --size` for the size budgets alone (about a second).
 * Env: BENCH_ROUNDS (default 7), BENCH_PROFILE=1 keeps the bundle for `node --cpu-prof`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync, constants as zlibConstants } from 'node:zlib';
import { ALL_RULES_APP, measureRulesBundle, RULES_BUNDLE_BUDGET_GZ } from '../../packages/core/scripts/rules-bundle.mjs';

const self = fileURLToPath(import.meta.url);
const repo = fileURLToPath(new URL('../../', import.meta.url));
const coreDir = join(repo, 'packages', 'core');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const MIN_SAMPLE_MS = 200;

const BUDGET = {
  foldPerSecond: 2_000_000,
  foldVsXstate: 10,
  decidePerSecond: 100_000,
  schemaImportGzBytes: 12 * 1024,
  rulesImportGzBytes: RULES_BUNDLE_BUDGET_GZ,
};

// ---------------------------------------------------------------------------
// Measuring
// ---------------------------------------------------------------------------
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
/**
 * A sample is a rate two ways: per wall-clock second (what the budgets use) and
 * per CPU second of the process (getrusage: immune to other processes taking
 * the cores, and conservative since GC helper threads count too).
 */
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const startClock = () => ({ wall: performance.now(), cpu: cpuMs() });
function rate(ops, t0) {
  const wall = performance.now() - t0.wall;
  const cpu = cpuMs() - t0.cpu;
  return { wall: (ops * 1000) / wall, cpu: (ops * 1000) / Math.max(cpu, 0.001) };
}
/** Runs `pass` (which returns how many operations it did) for at least MIN_SAMPLE_MS. */
function rateSync(pass) {
  let ops = 0;
  const t0 = startClock();
  do ops += pass();
  while (performance.now() - t0.wall < MIN_SAMPLE_MS);
  return rate(ops, t0);
}

// ---------------------------------------------------------------------------
// Workloads (they run in the workers; `core` is our bundled source)
// ---------------------------------------------------------------------------
const EVENT_NAME = {
  EngagementProposed: 'propose',
  EngagementAccepted: 'accept',
  EngagementStarted: 'start',
  EngagementProgressed: 'progress',
  EngagementCompleted: 'complete',
  EngagementVerified: 'verify',
};

/** Deterministic pseudo-random numbers (LCG), so every run folds the same streams. */
function rng(seed) {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

/**
 * Engagement streams made by the real service: proposed → accepted → started →
 * 3..40 progressed → completed → verified, as memoryStore stores them.
 */
async function makeStreams(core, count) {
  const { createGusp, memoryStore, valence: city } = core;
  const random = rng(42);
  let clock = new Date('2026-01-05T09:00:00+01:00');
  const tick = (minutes) => (clock = new Date(clock.getTime() + minutes * 60_000));
  const store = memoryStore();
  const gusp = createGusp({ city, store, now: () => clock });
  const ok = (r) => {
    if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
    return r.value;
  };
  for (let i = 0; i < count; i++) {
    const e = ok(
      await gusp.engagements.propose({
        title: `Engagement ${i}: remettre en état l’éclairage du passage`,
        quartierId: city.quartiers[i % city.quartiers.length].id,
        themeId: city.themes[i % city.themes.length].id,
      }),
    );
    tick(60);
    const dueOn = core.calendarDay(new Date(clock.getTime() + 90 * 86_400_000), city.timezone);
    ok(
      await gusp.engagements.accept(e.id, {
        organisationId: city.organisations[i % city.organisations.length].id,
        dueOn,
        note: 'Pris en charge',
      }),
    );
    tick(60);
    ok(await gusp.engagements.start(e.id, {}));
    const steps = 3 + Math.floor(random() * 38);
    for (let s = 1; s <= steps; s++) {
      tick(30);
      const percent = Math.min(99, Math.round((s / steps) * 100));
      ok(await gusp.engagements.progress(e.id, { percent, ...(s % 3 === 0 ? { note: `Point d’étape ${s}` } : {}) }));
    }
    tick(60);
    ok(await gusp.engagements.complete(e.id, { note: 'Terminé' }));
    ok(await gusp.engagements.verify(e.id, {}));
  }
  const byStream = new Map();
  for (const ev of await store.readAll({ prefix: 'engagement-' })) {
    const list = byStream.get(ev.stream) ?? [];
    list.push(ev);
    byStream.set(ev.stream, list);
  }
  return [...byStream.values()];
}

/** The streams the parent wrote, frozen as memoryStore freezes stored events. */
const readStreams = () => JSON.parse(readFileSync(process.env.GUSP_BENCH_STREAMS, 'utf8')).map((s) => s.map((e) => Object.freeze(e)));

/** Plain lookup table: state → event → target (no guards: events are facts). */
function lookupTable(rules) {
  const table = {};
  for (const state of ['none', ...rules.states]) {
    table[state] = {};
    for (const [event, def] of Object.entries(rules.on[state] ?? {})) table[state][event] = (Array.isArray(def) ? def[0] : def).target;
  }
  return table;
}

/**
 * The xstate machine, generated from our own table: same states, events,
 * transitions and guards (its guards call our guard functions). `actions`:
 * none, or a named action on every transition (the decide benchmark's
 * "accepted" signal: pure `transition()` returns it to execute).
 */
async function xstateMachine(core, actions) {
  const { and, createMachine } = await import('xstate');
  const { engagementRules: rules, valence: city } = core;
  const guard = (ref) => {
    if (typeof ref === 'string') return ref;
    if ('and' in ref) return and(ref.and.map(guard));
    throw new Error(`guard not translated: ${JSON.stringify(ref)}`); // the engagement table only uses names and `and`
  };
  // The event carries what the command gave; `now` is its time.
  const context = (e) => ({
    city,
    now: e.now,
    organisationId: e.organisationId,
    dueOn: e.dueOn,
    reason: e.reason,
    quartierId: e.quartierId,
    themeId: e.themeId,
  });
  const guards = Object.fromEntries(Object.entries(rules.guards).map(([name, g]) => [name, ({ event }) => g.check(context(event))]));
  const states = {};
  for (const state of ['none', ...rules.states]) {
    const on = {};
    for (const [event, def] of Object.entries(rules.on[state] ?? {})) {
      on[event] = (Array.isArray(def) ? def : [def]).map((d) => ({
        target: d.target,
        ...(d.guard ? { guard: guard(d.guard) } : {}),
        ...(actions ? { actions } : {}),
      }));
    }
    states[state] = { on };
  }
  return createMachine({ id: 'engagement', initial: 'none', states }, { guards, actions: { emit: () => {} } });
}

/** One of our stored events as an xstate event (guards read the time of the fact). */
const toXstateEvent = (ev) => ({
  type: EVENT_NAME[ev.type],
  now: new Date(ev.at),
  ...ev.data,
  ...(ev.type === 'EngagementProposed' ? { quartierId: ev.data.engagement.quartierId, themeId: ev.data.engagement.themeId } : {}),
});

// (b) Per round: N engagements proposed (setup), then timed: accept, start,
// progress ×3, complete on each, interleaved so that streams stay short.
const N = 1500; // below the runtime's snapshot cache (2000 streams)
const PROGRESS = [25, 50, 75];
const COMMANDS = N * (3 + PROGRESS.length);
const NOW = new Date('2026-03-02T10:00:00+01:00');
const acceptInput = (city, i) => ({
  organisationId: city.organisations[i % city.organisations.length].id,
  dueOn: '2026-09-30',
  note: 'Pris en charge',
});

/** Each contender: a section, a label, and `setup(core)` returning one measured run (a sample). */
const CONTENDERS = {
  'fold:ours': {
    section: 'fold',
    name: 'ours: foldEngagement',
    note: 'builds the whole Engagement: milestones, progress, dates',
    async setup({ foldEngagement }) {
      const streams = readStreams();
      const total = streams.reduce((n, s) => n + s.length, 0);
      return () =>
        rateSync(() => {
          for (const s of streams) if (foldEngagement(s) === undefined) throw new Error('empty');
          return total;
        });
    },
  },
  'fold:xstate': {
    section: 'fold',
    name: 'xstate: transition()',
    note: 'state value only, guards run',
    async setup(core) {
      const { initialTransition, transition } = await import('xstate');
      const machine = await xstateMachine(core);
      const streams = readStreams().map((s) => s.map(toXstateEvent)); // translated before timing
      const total = streams.reduce((n, s) => n + s.length, 0);
      const [initial] = initialTransition(machine);
      return () =>
        rateSync(() => {
          for (const s of streams) {
            let snapshot = initial;
            for (const ev of s) snapshot = transition(machine, snapshot, ev)[0];
            if (snapshot.value !== 'verified') throw new Error(`xstate ended in ${snapshot.value}`);
          }
          return total;
        });
    },
  },
  'fold:lookup': {
    section: 'fold',
    name: 'lookup table',
    note: 'status only, no guard',
    async setup(core) {
      const table = lookupTable(core.engagementRules);
      const streams = readStreams();
      const total = streams.reduce((n, s) => n + s.length, 0);
      return () =>
        rateSync(() => {
          for (const s of streams) {
            let state = 'none';
            for (const ev of s) state = table[state][EVENT_NAME[ev.type]];
            if (state !== 'verified') throw new Error(`lookup ended in ${state}`);
          }
          return total;
        });
    },
  },
  'decide:ours': {
    section: 'decide',
    name: 'ours: createGusp + memoryStore',
    note: 'validate, rules, event, append, fold',
    async setup({ createGusp, memoryStore, valence: city }) {
      const check = (r) => {
        if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
        return r.value;
      };
      return async () => {
        const gusp = createGusp({ city, store: memoryStore(), now: () => NOW });
        const ids = [];
        for (let i = 0; i < N; i++)
          ids.push(
            check(await gusp.engagements.propose({ title: `Engagement ${i}`, quartierId: 'le-plan', themeId: 'eclairage-public' })).id,
          );
        const t0 = startClock();
        for (let i = 0; i < N; i++) check(await gusp.engagements.accept(ids[i], acceptInput(city, i)));
        for (let i = 0; i < N; i++) check(await gusp.engagements.start(ids[i], {}));
        for (const percent of PROGRESS) for (let i = 0; i < N; i++) check(await gusp.engagements.progress(ids[i], { percent }));
        for (let i = 0; i < N; i++) check(await gusp.engagements.complete(ids[i], {}));
        return rate(COMMANDS, t0);
      };
    },
  },
  'decide:xstate': {
    section: 'decide',
    name: 'xstate: validate + transition + journal',
    note: 'same schemas, guards and events, async',
    /**
     * xstate deciding the same commands as an async command API would: validate
     * with our zod schema, `transition()` (guards run; the `emit` action says the
     * event was accepted), stamp the same domain event, append it to an
     * in-memory journal, keep the snapshot.
     */
    async setup(core) {
      const { initialTransition, transition } = await import('xstate');
      const { valence: city, toZonedISO, AcceptEngagementInput, NoteInput, ProgressEngagementInput } = core;
      const machine = await xstateMachine(core, 'emit');
      const sequence = [
        (i) => ['accept', 'EngagementAccepted', AcceptEngagementInput, acceptInput(city, i)],
        () => ['start', 'EngagementStarted', NoteInput, {}],
        ...PROGRESS.map((percent) => () => ['progress', 'EngagementProgressed', ProgressEngagementInput, { percent }]),
        () => ['complete', 'EngagementCompleted', NoteInput, {}],
      ];
      return async () => {
        const snapshots = new Map();
        const journal = new Map();
        const [initial] = initialTransition(machine);
        for (let i = 0; i < N; i++) {
          snapshots.set(
            `e${i}`,
            transition(machine, initial, { type: 'propose', now: NOW, quartierId: 'le-plan', themeId: 'eclairage-public' })[0],
          );
          journal.set(`e${i}`, []);
        }
        const command = async (id, type, eventType, schema, input) => {
          const parsed = schema.safeParse(input);
          if (!parsed.success) throw new Error('invalid');
          const now = NOW;
          const [next, actions] = transition(machine, snapshots.get(id), { type, now, ...parsed.data });
          if (actions.length === 0) throw new Error(`refused: ${type}`);
          snapshots.set(id, next);
          journal.get(id).push({ type: eventType, at: toZonedISO(now, city.timezone), data: parsed.data });
        };
        const t0 = startClock();
        for (const args of sequence) for (let i = 0; i < N; i++) await command(`e${i}`, ...args(i));
        return rate(COMMANDS, t0);
      };
    },
  },
  'decide:ours-validate-rules': {
    section: 'decide',
    name: 'ours: validate + rules (no store)',
    note: 'sync',
    setup: (core) => oursSync(core, true),
  },
  'decide:ours-rules': {
    section: 'decide',
    name: 'ours: rules only',
    note: 'transition(), sync',
    setup: (core) => oursSync(core, false),
  },
  'decide:xstate-transition': {
    section: 'decide',
    name: 'xstate: transition only',
    note: 'sync',
    async setup(core) {
      const { initialTransition, transition } = await import('xstate');
      const machine = await xstateMachine(core, 'emit');
      const city = core.valence;
      const sequence = [
        (i) => ['accept', acceptInput(city, i)],
        () => ['start', {}],
        ...PROGRESS.map((percent) => () => ['progress', { percent }]),
        () => ['complete', {}],
      ];
      return () => {
        const [initial] = initialTransition(machine);
        const snapshots = Array.from(
          { length: N },
          () => transition(machine, initial, { type: 'propose', now: NOW, quartierId: 'le-plan' })[0],
        );
        const t0 = startClock();
        for (const args of sequence) {
          for (let i = 0; i < N; i++) {
            const [type, input] = args(i);
            const [next, actions] = transition(machine, snapshots[i], { type, now: NOW, ...input });
            if (actions.length === 0) throw new Error(`refused: ${type}`);
            snapshots[i] = next;
          }
        }
        return rate(COMMANDS, t0);
      };
    },
  },
};

/** Ours without service nor store: validate with the same schema (or not), then the table. */
async function oursSync(core, withValidation) {
  const { valence: city, engagementRules, transition, validate, AcceptEngagementInput, NoteInput, ProgressEngagementInput } = core;
  return () => {
    const status = new Array(N).fill('proposed');
    const step = (i, event, schema, input) => {
      let extra = input;
      if (withValidation) {
        const parsed = validate(schema, input, 'fr');
        if (!parsed.ok) throw new Error(parsed.error.code);
        extra = parsed.value;
      }
      const r = transition(engagementRules, status[i], event, { city, now: NOW, ...extra }, 'fr');
      if (!r.ok) throw new Error(r.error.code);
      status[i] = r.value;
    };
    const t0 = startClock();
    for (let i = 0; i < N; i++) step(i, 'accept', AcceptEngagementInput, acceptInput(city, i));
    for (let i = 0; i < N; i++) step(i, 'start', NoteInput, {});
    for (const percent of PROGRESS) for (let i = 0; i < N; i++) step(i, 'progress', ProgressEngagementInput, { percent });
    for (let i = 0; i < N; i++) step(i, 'complete', NoteInput, {});
    return rate(COMMANDS, t0);
  };
}

// ---------------------------------------------------------------------------
// Worker: one contender, warm-up, ROUNDS samples, JSON on stdout.
// ---------------------------------------------------------------------------
if (process.argv[2] === '--worker') {
  const contender = CONTENDERS[process.argv[3]];
  const core = await import(pathToFileURL(process.env.GUSP_BENCH_BUNDLE).href);
  const run = await contender.setup(core);
  await run();
  await run();
  const samples = [];
  for (let r = 0; r < ROUNDS; r++) samples.push(await run());
  process.stdout.write(JSON.stringify(samples));
  process.exit(0);
}

// ---------------------------------------------------------------------------
// Parent
// ---------------------------------------------------------------------------
const { build } = await import('esbuild');
const started = performance.now();
const loadAtStart = loadavg()[0];
const tmp = mkdtempSync(join(tmpdir(), 'gusp-bench-'));
// Removed on any exit, failures included (unless kept for profiling).
process.on('exit', () => process.env.BENCH_PROFILE || rmSync(tmp, { recursive: true, force: true }));
const fmt = (n) => Math.round(n).toLocaleString('en-US');
// `--size`: the deterministic size budgets only (a few seconds), no timing.
const sizeOnly = process.argv.includes('--size');

// Our code: packages/core/src bundled for Node (dependencies included).
const bundle = join(tmp, 'core.mjs');
if (!sizeOnly)
  await build({
    entryPoints: [join(coreDir, 'src', 'index.ts')],
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    outfile: bundle,
    sourcemap: 'linked',
    logLevel: 'error',
  });
const core = sizeOnly ? undefined : await import(pathToFileURL(bundle).href);

// The fold streams, made once and checked: our fold, xstate and the lookup table end in the same state.
const streams = sizeOnly ? [] : await makeStreams(core, 1000);
const streamsFile = join(tmp, 'streams.json');
writeFileSync(streamsFile, JSON.stringify(streams));
const totalEvents = streams.reduce((n, s) => n + s.length, 0);
if (!sizeOnly) {
  const { initialTransition, transition } = await import('xstate');
  const machine = await xstateMachine(core);
  const table = lookupTable(core.engagementRules);
  for (const s of streams) {
    let snapshot = initialTransition(machine)[0];
    for (const ev of s) snapshot = transition(machine, snapshot, toXstateEvent(ev))[0];
    let state = 'none';
    for (const ev of s) state = table[state][EVENT_NAME[ev.type]];
    const ours = core.foldEngagement(s);
    if (ours.status !== 'verified' || snapshot.value !== 'verified' || state !== 'verified' || ours.milestones.length !== s.length) {
      throw new Error(`streams disagree: ours ${ours.status}, xstate ${snapshot.value}, lookup ${state}`);
    }
  }
}

function measure(id) {
  const result = spawnSync(process.execPath, [self, '--worker', id], {
    encoding: 'utf8',
    env: { ...process.env, GUSP_BENCH_BUNDLE: bundle, GUSP_BENCH_STREAMS: streamsFile },
    maxBuffer: 16 * 1024 * 1024,
  });
  if (result.status !== 0) throw new Error(`worker ${id} failed (exit ${result.status}):\n${result.stderr}`);
  const samples = JSON.parse(result.stdout);
  const wall = samples.map((x) => x.wall);
  const m = median(wall);
  const spread = `±${((Math.max(...wall.map((x) => Math.abs(x - m))) / m) * 100).toFixed(0)}%`;
  const { name, note } = CONTENDERS[id];
  return { id, name, note, median: m, best: Math.max(...wall), spread, cpu: median(samples.map((x) => x.cpu)) };
}

function table(title, unit, rows, reference) {
  console.log(`\n${title}`);
  const ref = rows.find((r) => r.id === reference);
  const w = Math.max(...rows.map((r) => r.name.length));
  console.log(
    `  ${''.padEnd(w)}  ${'median'.padStart(12)} ${''.padEnd(unit.length)}  ${'±'.padStart(5)}  ${'best'.padStart(12)}  ${'per CPU s'.padStart(12)}`,
  );
  for (const r of rows) {
    const ratio = ref && r !== ref ? `  ${(r.median / ref.median).toFixed(1)}× ${ref.name}` : '';
    const cells = `${fmt(r.median).padStart(12)} ${unit}  ${r.spread.padStart(5)}  ${fmt(r.best).padStart(12)}  ${fmt(r.cpu).padStart(12)}`;
    console.log(`  ${r.name.padEnd(w)}  ${cells}${ratio}  (${r.note})`);
  }
}

const foldRows = sizeOnly ? [] : ['fold:ours', 'fold:xstate', 'fold:lookup'].map(measure);
if (!sizeOnly)
  table(
    `(a) fold: ${fmt(totalEvents)} events in ${fmt(streams.length)} engagement streams (${(totalEvents / streams.length).toFixed(1)} events each), events/s`,
    'ev/s',
    foldRows,
    'fold:xstate',
  );
const decideRows = sizeOnly
  ? []
  : ['decide:ours', 'decide:xstate', 'decide:ours-validate-rules', 'decide:ours-rules', 'decide:xstate-transition'].map(measure);
if (!sizeOnly)
  table(
    `(b) decide: accept, start, progress ×${PROGRESS.length}, complete on ${fmt(N)} engagements (${fmt(COMMANDS)} commands per round), commands/s`,
    'cmd/s',
    decideRows,
    'decide:xstate',
  );

// ---------------------------------------------------------------------------
// (c) Size of a tiny browser app that imports schemas only.
// ---------------------------------------------------------------------------
const app = join(tmp, 'app');
mkdirSync(join(app, 'node_modules', '@gusp'), { recursive: true });
symlinkSync(coreDir, join(app, 'node_modules', '@gusp', 'core'), 'dir');
writeFileSync(
  join(app, 'main.js'),
  `import { Walk, Registration } from '@gusp/core';
const form = document.querySelector('form');
form?.addEventListener('submit', (event) => {
  const data = Object.fromEntries(new FormData(form));
  const registration = Registration.safeParse(data);
  const walk = Walk.safeParse(JSON.parse(form.dataset.walk ?? '{}'));
  if (!registration.success || !walk.success) event.preventDefault();
  document.body.dataset.ok = String(registration.success && walk.success);
});
`,
);
async function bundleSize(conditions) {
  const result = await build({
    entryPoints: [join(app, 'main.js')],
    absWorkingDir: app,
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    conditions,
    write: false,
    metafile: true,
    logLevel: 'error',
  });
  const code = result.outputFiles[0].contents;
  const gz = gzipSync(code, { level: zlibConstants.Z_BEST_COMPRESSION }).length;
  const byPackage = {};
  for (const [file, info] of Object.entries(Object.values(result.metafile.outputs)[0].inputs)) {
    const m = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/.exec(file);
    const key = m ? m[1] : file.endsWith('main.js') ? 'main.js' : '@gusp/core';
    byPackage[key] = (byPackage[key] ?? 0) + info.bytesInOutput;
  }
  return { raw: code.length, gz, byPackage };
}
/** Newest source file, to tell whether dist/ was built from the sources measured above. */
function newestSource(dir = join(coreDir, 'src')) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}
const fromSource = await bundleSize(['@gusp/source']);
const distIndex = join(coreDir, 'dist', 'index.js');
const distFresh = existsSync(distIndex) && statSync(distIndex).mtimeMs >= newestSource();
const fromDist = distFresh ? await bundleSize([]) : undefined;
console.log('\n(c) size: browser app `import { Walk, Registration } from "@gusp/core"` + safeParse, esbuild minified, gzip -9');
const kb = (n) => `${(n / 1024).toFixed(1)} kB`;
const parts = (p) =>
  Object.entries(p)
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${k} ${kb(v)}`)
    .join(', ');
console.log(
  `  from src (@gusp/source)     ${fmt(fromSource.gz).padStart(7)} B gz  (${kb(fromSource.gz)}; ${kb(fromSource.raw)} min: ${parts(fromSource.byPackage)})`,
);
if (fromDist)
  console.log(
    `  from dist/index.js           ${fmt(fromDist.gz).padStart(7)} B gz  (${kb(fromDist.gz)}; ${kb(fromDist.raw)} min: ${parts(fromDist.byPackage)})`,
  );
else
  console.log(
    `  from dist/index.js           (${existsSync(distIndex) ? 'older than src' : 'no dist'}: run \`pnpm --filter @gusp/core build\` to measure it too)`,
  );

// ---------------------------------------------------------------------------
// (d) Size of asking the rules tables: `import { can, walkRules }` (issue 9),
// measured by the same script as the core's test (packages/core/scripts/rules-bundle.mjs).
// ---------------------------------------------------------------------------
const rulesFromSource = await measureRulesBundle({ conditions: ['@gusp/source'] });
const rulesFromDist = distFresh ? await measureRulesBundle({ conditions: [] }) : undefined;
const allRules = await measureRulesBundle({ app: ALL_RULES_APP, conditions: ['@gusp/source'] });
const files = (inputs) =>
  Object.entries(inputs)
    .map(
      ([k, v]) =>
        `${k.replace(/^packages\/core\/(src|dist)\//, '').replace(/^node_modules\/(\.pnpm\/[^/]+\/node_modules\/)?/, '')} ${fmt(v)}`,
    )
    .join(', ');
const texts = (m) =>
  m.messagesFound.length === 0
    ? `no catalogue text (of ${m.textsChecked})`
    : `${m.messagesFound.length} catalogue texts, e.g. “${m.messagesFound[0]}”`;
console.log('\n(d) size: browser app `import { can, walkRules } from "@gusp/core"`, esbuild minified, gzip -9');
console.log(
  `  from src (@gusp/source)     ${fmt(rulesFromSource.gz).padStart(7)} B gz  (${fmt(rulesFromSource.raw)} B min; ${texts(rulesFromSource)}: ${files(rulesFromSource.inputs)})`,
);
if (rulesFromDist)
  console.log(
    `  from dist/index.js           ${fmt(rulesFromDist.gz).padStart(7)} B gz  (${fmt(rulesFromDist.raw)} B min; ${texts(rulesFromDist)})`,
  );
console.log(`  every table + can, eventsFrom, transition, refusalsOf, guardRefusal: ${fmt(allRules.gz)} B gz (${texts(allRules)})`);

// ---------------------------------------------------------------------------
// Budgets
// ---------------------------------------------------------------------------
const fold = foldRows[0];
const xFold = foldRows[1];
const decide = decideRows[0];
const verdict = (pass) => (pass ? 'PASS' : 'FAIL');
const sizeWorst = Math.max(fromSource.gz, fromDist?.gz ?? 0);
const sizePass = sizeWorst <= BUDGET.schemaImportGzBytes;
const rulesWorst = Math.max(rulesFromSource.gz, rulesFromDist?.gz ?? 0);
const rulesTexts = [...rulesFromSource.messagesFound, ...(rulesFromDist?.messagesFound ?? [])];
const rulesPass = rulesWorst <= BUDGET.rulesImportGzBytes && rulesTexts.length === 0;
const perCpu = (r, limit) => `; per CPU second ${fmt(r.cpu)} (${r.cpu >= limit ? 'over' : 'under'})`;
console.log(sizeOnly ? '\nBudgets (size only):' : '\nBudgets (timing ones on the wall-clock median; printed, not enforced):');
if (!sizeOnly) {
  console.log(
    `  ${verdict(fold.median >= BUDGET.foldPerSecond)}  fold ≥ ${fmt(BUDGET.foldPerSecond)} events/s: ${fmt(fold.median)}${perCpu(fold, BUDGET.foldPerSecond)}`,
  );
  console.log(
    `  ${verdict(fold.median >= BUDGET.foldVsXstate * xFold.median)}  fold ≥ ${BUDGET.foldVsXstate}× xstate transition(): ` +
      `${(fold.median / xFold.median).toFixed(1)}×; per CPU second ${(fold.cpu / xFold.cpu).toFixed(1)}×`,
  );
  console.log(
    `  ${verdict(decide.median >= BUDGET.decidePerSecond)}  decide ≥ ${fmt(BUDGET.decidePerSecond)} commands/s (createGusp + memoryStore): ${fmt(decide.median)}${perCpu(decide, BUDGET.decidePerSecond)}`,
  );
}
console.log(`  ${verdict(sizePass)}  schema-only import ≤ ${fmt(BUDGET.schemaImportGzBytes)} B gz: ${fmt(sizeWorst)} B  [enforced]`);
console.log(
  `  ${verdict(rulesPass)}  import { can, walkRules } ≤ ${fmt(BUDGET.rulesImportGzBytes)} B gz and no catalogue text: ${fmt(rulesWorst)} B, ` +
    `${rulesTexts.length === 0 ? 'no text' : `${rulesTexts.length} texts`}  [enforced]`,
);
console.log(
  `\nNode ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'} ×${cpus().length}, load average ${loadAtStart.toFixed(1)} at start; ` +
    `${sizeOnly ? 'sizes only' : `${ROUNDS} rounds per contender, each in its own process (median, ± = largest deviation from it)`}; ${((performance.now() - started) / 1000).toFixed(1)} s`,
);

if (process.env.BENCH_PROFILE) console.log(`Bundle kept for profiling: ${bundle}`);
process.exitCode = sizePass && rulesPass ? 0 : 1;
