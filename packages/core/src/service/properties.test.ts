// SPDX-License-Identifier: EUPL-1.2
/**
 * Invariants of the service under random command sequences (fast-check):
 * seats are never overbooked whatever the interleaving, the journal replays
 * into the state the service returns, and a retried command changes nothing.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { isInstitutional, type ActorRole } from '../actor.js';
import { valence } from '../city/valence.js';
import { foldEngagement } from '../engagement/engagement.fold.js';
import type { EngagementEvent, ObservationEvent, StoredEvent, WalkEvent } from '../events.js';
import { foldObservation } from '../observation/observation.fold.js';
import type { Registration } from '../registration/registration.js';
import type { Result } from '../result.js';
import { memoryStore } from '../store/memory-store.js';
import type { Store } from '../store/store.js';
import { foldWalk, type WalkAggregate } from '../walk/walk.fold.js';
import { commandArb, newWorld, prepare, type Command } from './command-model.test-helpers.js';
import { createGusp, type Gusp } from './create-gusp.js';
import { openWalk, START, testClock, unwrap, type TestClock } from './service.test-helpers.js';
import type { RegistrationOutcome } from './walks.js';

/** Runs per property; `FC_NUM_RUNS=5000 node scripts/test.mjs properties` digs deeper. */
const runs = (n: number) => Number(process.env.FC_NUM_RUNS) || n;

// ---------------------------------------------------------------------------
// (a) Seats under concurrency
// ---------------------------------------------------------------------------

/** What is wrong with the seats of a walk state: overbooking, or a waiting list while seats are free. */
function seatProblems(agg: WalkAggregate): string[] {
  const problems: string[] = [];
  const pools: [name: string, limit: number, members: (r: Registration) => boolean][] = [
    ['public', agg.walk.capacity, (r) => !isInstitutional(r.role)],
    ['institutional', agg.walk.institutionalSeats ?? Number.POSITIVE_INFINITY, (r) => isInstitutional(r.role)],
  ];
  for (const [name, limit, members] of pools) {
    const pool = agg.registrations.filter(members);
    const seated = pool.filter((r) => r.status === 'confirmed' || r.status === 'attended').length;
    const waiting = pool.filter((r) => r.status === 'waitlisted').length;
    if (seated > limit) problems.push(`${name}: ${seated} seated for ${limit} seats`);
    if (waiting > 0 && seated < limit) problems.push(`${name}: ${waiting} waitlisted while ${limit - seated} seat(s) are free`);
  }
  return problems;
}

/**
 * A memory store that checks the seats of a walk after every append that
 * succeeds (the walk as it stands at that version), and counts the conflicts
 * that sent a command back to decide again.
 */
function watchedStore(): { store: Store; problems: string[]; stats: { conflicts: number }; boundaries: Set<string> } {
  const inner = memoryStore();
  const problems: string[] = [];
  const stats = { conflicts: 0 };
  /** `stream@version` after each successful append: the states that really existed. */
  const boundaries = new Set<string>();
  const log = new Map<string, StoredEvent[]>();
  const store: Store = {
    read: (stream, after) => inner.read(stream, after),
    findByClientId: (clientId) => inner.findByClientId(clientId),
    readAll: (options) => inner.readAll(options),
    async append(stream, expectedVersion, events, options) {
      const result = await inner.append(stream, expectedVersion, events, options);
      if (!result.ok) {
        if (result.reason === 'conflict') stats.conflicts++;
        return result;
      }
      boundaries.add(`${stream}@${result.version}`);
      const list = log.get(stream) ?? [];
      for (const e of result.events) list[e.version - 1] = e;
      log.set(stream, list);
      const prefix = list.slice(0, result.version);
      if (stream.startsWith('walk-') && prefix.every(Boolean)) {
        const agg = foldWalk(prefix as unknown as WalkEvent[]);
        if (agg) for (const p of seatProblems(agg)) problems.push(`after version ${result.version}: ${p}`);
      }
      return result;
    },
  };
  return { store, problems, stats, boundaries };
}

/**
 * Every state the walk ever went through is a prefix of its stream ending where
 * an append ended (the events of one append are one change): check them all.
 */
async function everyStateOf(store: Store, boundaries: ReadonlySet<string>, walkId: string): Promise<string[]> {
  const stream = `walk-${walkId}`;
  const { events } = await store.read(stream);
  const problems: string[] = [];
  for (let n = 1; n <= events.length; n++) {
    if (!boundaries.has(`${stream}@${n}`)) continue;
    const agg = foldWalk(events.slice(0, n) as unknown as WalkEvent[]);
    if (agg) for (const p of seatProblems(agg)) problems.push(`at version ${n}: ${p}`);
  }
  return problems;
}

type SeatOp =
  | { readonly kind: 'register'; readonly role: ActorRole; readonly on: 0 | 1 }
  | { readonly kind: 'cancel'; readonly pick: number; readonly withToken: boolean; readonly on: 0 | 1 };

const seatOpArb: fc.Arbitrary<SeatOp> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('register' as const),
      role: fc.constantFrom<ActorRole>('resident', 'resident', 'association', 'elected', 'landlord'),
      on: fc.constantFrom<0 | 1>(0, 1),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('cancel' as const),
      pick: fc.nat({ max: 40 }),
      withToken: fc.boolean(),
      on: fc.constantFrom<0 | 1>(0, 1),
    }),
  },
);
const batchesArb = fc.array(fc.array(seatOpArb, { minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 6 });
const seatsArb = fc.record({
  capacity: fc.integer({ min: 1, max: 4 }),
  institutionalSeats: fc.option(fc.integer({ min: 0, max: 2 }), { nil: undefined }),
});

let people = 0;
const signUp = (role: ActorRole) => {
  people++;
  return { name: `Personne ${people}`, email: `personne${people}@example.org`, role, consent: true };
};

/** Runs batches of seat commands, each batch fired at once with Promise.all, on one or two instances. */
async function runSeatBatches(
  instances: readonly Gusp[],
  walkId: string,
  batches: readonly (readonly SeatOp[])[],
  afterEachBatch: () => Promise<void>,
  fire: <T>(all: Promise<T>) => Promise<T> = (all) => all,
): Promise<void> {
  const known: RegistrationOutcome['registration'][] = [];
  for (const batch of batches) {
    const before = [...known];
    const results = await fire(
      Promise.all(
        batch.map(async (op): Promise<Result<RegistrationOutcome> | undefined> => {
          const gusp = instances[op.on % instances.length] as Gusp;
          if (op.kind === 'register') return gusp.walks.register(walkId, signUp(op.role));
          const target = before[op.pick % Math.max(1, before.length)];
          if (!target) return undefined;
          return gusp.walks.cancelRegistration(walkId, target.id, op.withToken ? { token: target.cancelToken } : {});
        }),
      ),
    );
    for (const r of results) {
      if (r === undefined) continue;
      // Concurrency may refuse a cancel (already cancelled), never with a conflict left unresolved.
      if (!r.ok) assert.notEqual(r.error.code, 'store.conflict');
      else if (!known.some((k) => k.id === r.value.registration.id)) known.push(r.value.registration);
    }
    await afterEachBatch();
  }
}

async function checkWalk(instances: readonly Gusp[], store: Store, walkId: string): Promise<void> {
  const fromJournal = foldWalk((await store.read(`walk-${walkId}`)).events as unknown as WalkEvent[]) as WalkAggregate;
  assert.deepEqual(seatProblems(fromJournal), []);
  for (const gusp of instances) {
    const agg = unwrap(await gusp.walks.get(walkId));
    assert.deepEqual(seatProblems(agg), []);
    const summary = unwrap(await gusp.queries.walkSummary(walkId));
    assert.ok(summary.seatsLeft >= 0 && summary.seatsLeft <= summary.capacity);
    if (summary.waitlisted > 0) assert.ok(agg.registrations.some((r) => r.status === 'waitlisted'));
  }
}

describe('property: seats are never overbooked, whatever the interleaving', () => {
  it('holds for concurrent sign-ups and cancellations on one instance (Promise.all)', async () => {
    await fc.assert(
      fc.asyncProperty(seatsArb, batchesArb, async (seats, batches) => {
        const { store, problems, boundaries } = watchedStore();
        const gusp = createGusp({ city: valence, store, now: testClock(START).now });
        const walk = await openWalk(gusp, seats);
        await runSeatBatches([gusp], walk.id, batches, () => checkWalk([gusp], store, walk.id));
        assert.deepEqual(problems, []);
        assert.deepEqual(await everyStateOf(store, boundaries, walk.id), []);
      }),
      { numRuns: runs(150) },
    );
  });

  it('holds with two instances sharing one store, through the optimistic-concurrency retry', async () => {
    let conflicts = 0;
    await fc.assert(
      fc.asyncProperty(seatsArb, batchesArb, async (seats, batches) => {
        const { store, problems, stats, boundaries } = watchedStore();
        const clock = testClock(START);
        const instances = [createGusp({ city: valence, store, now: clock.now }), createGusp({ city: valence, store, now: clock.now })];
        const walk = await openWalk(instances[0] as Gusp, seats);
        await runSeatBatches(instances, walk.id, batches, () => checkWalk(instances, store, walk.id));
        assert.deepEqual(problems, []);
        assert.deepEqual(await everyStateOf(store, boundaries, walk.id), []);
        conflicts += stats.conflicts;
      }),
      { numRuns: runs(150) },
    );
    assert.ok(conflicts > 0, 'the two instances never conflicted: the retry path was not exercised');
  });

  it('holds when fast-check reorders every store read and append of two instances (scheduler)', async () => {
    let conflicts = 0;
    await fc.assert(
      fc.asyncProperty(fc.scheduler(), seatsArb, batchesArb, async (s, seats, batches) => {
        const { store, problems, stats, boundaries } = watchedStore();
        const clock = testClock(START);
        const walk = await openWalk(createGusp({ city: valence, store, now: clock.now }), seats);
        // Each store call waits for the scheduler: reads go stale, appends race, in an order fast-check picks (and shrinks).
        const scheduled: Store = {
          read: (stream, after) => s.schedule(Promise.resolve(), `read ${stream}`).then(() => store.read(stream, after)),
          append: (stream, v, events, options) =>
            s.schedule(Promise.resolve(), `append ${stream}@${v}`).then(() => store.append(stream, v, events, options)),
          findByClientId: (id) => store.findByClientId(id),
          readAll: (options) => store.readAll(options),
        };
        const instances = [
          createGusp({ city: valence, store: scheduled, now: clock.now }),
          createGusp({ city: valence, store: scheduled, now: clock.now }),
        ];
        await runSeatBatches(
          instances,
          walk.id,
          batches,
          async () => assert.deepEqual(await everyStateOf(store, boundaries, walk.id), []),
          (all) => s.waitFor(all),
        );
        assert.deepEqual(problems, []);
        conflicts += stats.conflicts;
      }),
      { numRuns: runs(100) },
    );
    assert.ok(conflicts > 0, 'the scheduled instances never conflicted');
  });
});

// ---------------------------------------------------------------------------
// (b) Replaying the journal
// ---------------------------------------------------------------------------

const stepsArb = fc.array(fc.tuple(commandArb, fc.constantFrom<0 | 1>(0, 1)), { minLength: 5, maxLength: 40, size: 'max' });

/** Runs a command sequence, each command on the instance it names; returns what the commands returned. */
async function runSequence(
  instances: readonly Gusp[],
  clock: TestClock,
  steps: readonly (readonly [Command, 0 | 1])[],
): Promise<Result<unknown>[]> {
  const world = newWorld(clock);
  const results: Result<unknown>[] = [];
  for (const [command, on] of steps) {
    if (command.kind === 'tick') {
      clock.advance(command.hours * 3_600_000);
      continue;
    }
    const prepared = prepare(world, instances[on] as Gusp, command);
    if (!prepared) continue;
    const result = await prepared.call({});
    prepared.learn(result);
    results.push(result);
  }
  return results;
}

function byStream(events: readonly StoredEvent[]): Map<string, StoredEvent[]> {
  const streams = new Map<string, StoredEvent[]>();
  for (const e of events) streams.set(e.stream, [...(streams.get(e.stream) ?? []), e]);
  return streams;
}

describe('property: replaying the journal rebuilds the same state', () => {
  it('folds every stream of store.readAll() from scratch into what get() returns', async () => {
    let streamsChecked = 0;
    const statuses = new Set<string>();
    await fc.assert(
      fc.asyncProperty(stepsArb, async (steps) => {
        const store = memoryStore();
        const clock = testClock(START);
        const instances = [createGusp({ city: valence, store, now: clock.now }), createGusp({ city: valence, store, now: clock.now })];
        await runSequence(instances, clock, steps);
        // A third instance has no snapshot at all: it folds from the store like we do.
        const cold = createGusp({ city: valence, store, now: clock.now });
        for (const [stream, events] of byStream(await store.readAll())) {
          streamsChecked++;
          for (const gusp of [...instances, cold]) {
            if (stream.startsWith('walk-')) {
              const folded = foldWalk(events as unknown as WalkEvent[]);
              assert.deepStrictEqual(unwrap(await gusp.walks.get(stream.slice(5))), folded);
              statuses.add(`walk:${(folded as WalkAggregate).walk.status}`);
            } else if (stream.startsWith('observation-')) {
              const folded = foldObservation(events as unknown as ObservationEvent[]);
              assert.deepStrictEqual(unwrap(await gusp.observations.get(stream.slice(12))), folded);
              statuses.add(`observation:${folded?.status}`);
            } else if (stream.startsWith('engagement-')) {
              const folded = foldEngagement(events as unknown as EngagementEvent[]);
              assert.deepStrictEqual(unwrap(await gusp.engagements.get(stream.slice(11))), folded);
              statuses.add(`engagement:${folded?.status}`);
            } else {
              assert.fail(`unknown stream ${stream}`);
            }
          }
        }
        const streams = byStream(await store.readAll());
        const count = (prefix: string) => [...streams.keys()].filter((s) => s.startsWith(prefix)).length;
        assert.equal((await cold.walks.list()).length, count('walk-'));
        assert.equal((await cold.observations.list()).length, count('observation-'));
        assert.equal((await cold.engagements.list()).length, count('engagement-'));
      }),
      { numRuns: runs(150) },
    );
    assert.ok(streamsChecked > 100);
    // The sequences are only worth something if they reach the far ends of the lifecycles.
    for (const reached of [
      'walk:open',
      'walk:in-progress',
      'walk:done',
      'observation:qualified',
      'engagement:in-progress',
      'engagement:done',
    ]) {
      assert.ok(statuses.has(reached), `no sequence reached ${reached}: ${[...statuses].join(', ')}`);
    }
  });
});

// ---------------------------------------------------------------------------
// (c) Retries with a client id
// ---------------------------------------------------------------------------

/** How a command of the sequence is retried with its client id. */
type Retry = 'none' | 'again' | 'concurrently' | 'concurrently-on-the-other-instance' | 'later';

interface Step {
  readonly command: Command;
  readonly on: 0 | 1;
  readonly retry: Retry;
  /** For `later`: how many steps afterwards. */
  readonly after: number;
}

const retryStepsArb: fc.Arbitrary<Step[]> = fc.array(
  fc.record({
    command: commandArb,
    on: fc.constantFrom<0 | 1>(0, 1),
    retry: fc.constantFrom<Retry>('none', 'none', 'again', 'concurrently', 'concurrently-on-the-other-instance', 'later', 'later'),
    after: fc.nat({ max: 6 }),
  }),
  { maxLength: 30, size: 'max' },
);

const GENERATED = /^[A-Za-z0-9_-]{21}$|^[A-Za-z0-9_-]{32}$/;
const PREFIXES = ['walk-', 'observation-', 'engagement-'];

/** Replaces random ids and tokens by their order of first appearance, so two runs compare. */
function canonical(value: unknown, ids: Map<string, string>): unknown {
  const name = (id: string) => {
    let n = ids.get(id);
    if (n === undefined) ids.set(id, (n = `#${ids.size}`));
    return n;
  };
  if (typeof value === 'string') {
    const prefix = PREFIXES.find((p) => value.startsWith(p) && GENERATED.test(value.slice(p.length)));
    if (prefix) return prefix + name(value.slice(prefix.length));
    return GENERATED.test(value) ? name(value) : value;
  }
  if (Array.isArray(value)) return value.map((v) => canonical(v, ids));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => [k, canonical(v, ids)]),
    );
  }
  return value;
}

interface RetryRun {
  readonly results: unknown[];
  /** Each retry's result next to the first result of its command. */
  readonly retries: { readonly step: number; readonly first: unknown; readonly again: unknown }[];
  readonly eventCount: number;
  readonly streams: unknown;
}

/** Runs the steps, each command with client id `c<i>`; retries them as told when `withRetries`. */
async function runWithClientIds(steps: readonly Step[], withRetries: boolean): Promise<RetryRun> {
  const store = memoryStore();
  const clock = testClock(START);
  const instances = [createGusp({ city: valence, store, now: clock.now }), createGusp({ city: valence, store, now: clock.now })];
  const world = newWorld(clock);
  const ids = new Map<string, string>();
  const results: unknown[] = [];
  const retries: { step: number; first: Result<unknown>; again: Result<unknown> }[] = [];
  const pending: { at: number; step: number; first: Result<unknown>; call: () => Promise<Result<unknown>> }[] = [];
  const runPending = async (now: number) => {
    for (const p of pending.filter((x) => x.at <= now)) {
      pending.splice(pending.indexOf(p), 1);
      retries.push({ step: p.step, first: p.first, again: await p.call() });
    }
  };

  for (const [i, step] of steps.entries()) {
    if (withRetries) await runPending(i);
    if (step.command.kind === 'tick') {
      clock.advance(step.command.hours * 3_600_000);
      continue;
    }
    const prepared = prepare(world, instances[step.on] as Gusp, step.command);
    if (!prepared) continue;
    const options = { clientId: `c${i}` };
    let first: Result<unknown>;
    const retry = withRetries ? step.retry : 'none';
    if (retry === 'concurrently' || retry === 'concurrently-on-the-other-instance') {
      const twin = retry === 'concurrently' ? prepared : (prepare(world, instances[1 - step.on] as Gusp, step.command) as typeof prepared);
      const [a, b] = await Promise.all([prepared.call(options), twin.call(options)]);
      first = a;
      retries.push({ step: i, first: a, again: b });
    } else {
      const before = (await store.readAll()).length;
      first = await prepared.call(options);
      if (retry === 'again') retries.push({ step: i, first, again: await prepared.call(options) });
      // A later retry is a resubmission of something that was applied: refusals are decided anew, by design.
      if (retry === 'later' && first.ok && (await store.readAll()).length > before) {
        pending.push({ at: i + 1 + step.after, step: i, first, call: () => prepared.call(options) });
      }
    }
    prepared.learn(first);
    results.push(first);
  }
  if (withRetries) await runPending(Number.POSITIVE_INFINITY);

  // Ids are named in the order the results show them, the same in both runs.
  const canonicalResults = results.map((r) => canonical(r, ids));
  const all = await store.readAll();
  const streams = Object.fromEntries(
    [...byStream(all)].map(([stream, events]) => [
      canonical(stream, ids) as string,
      events.map((e) => canonical({ type: e.type, at: e.at, data: e.data, version: e.version, clientId: e.clientId }, ids)),
    ]),
  );
  return {
    results: canonicalResults,
    retries: retries.map((r) => ({ step: r.step, first: canonical(r.first, ids), again: canonical(r.again, ids) })),
    eventCount: all.length,
    streams,
  };
}

describe('property: a command retried with the same client id changes nothing', () => {
  it('leaves the journal and every result as in the run without retries, and answers each retry like the first time', async () => {
    let retried = 0;
    await fc.assert(
      fc.asyncProperty(retryStepsArb, async (steps) => {
        const once = await runWithClientIds(steps, false);
        const twice = await runWithClientIds(steps, true);
        assert.equal(twice.eventCount, once.eventCount);
        assert.deepStrictEqual(twice.streams, once.streams);
        assert.deepStrictEqual(twice.results, once.results);
        for (const r of twice.retries) assert.deepStrictEqual(r.again, r.first, `retry of step ${r.step}`);
        retried += twice.retries.length;
      }),
      { numRuns: runs(120) },
    );
    assert.ok(retried > 100);
  });

  it('returns the walk as first scheduled when the same schedule is submitted twice at once', async () => {
    const store = memoryStore();
    const clock = testClock(START);
    const a = createGusp({ city: valence, store, now: clock.now });
    const b = createGusp({ city: valence, store, now: clock.now });
    const input = { quartierId: 'le-plan', startsAt: '2026-03-14T09:00:00+01:00' };
    const [x, y] = await Promise.all([a.walks.schedule(input, { clientId: 'form-1' }), b.walks.schedule(input, { clientId: 'form-1' })]);
    assert.deepStrictEqual(unwrap(x), unwrap(y));
    assert.equal((await store.readAll()).length, 1);
    assert.equal((await a.walks.list()).length, 1);
  });

  it('answers the same sign-up submitted at once to two instances alike, even when one of them held a stale walk', async () => {
    const store = memoryStore();
    const clock = testClock(START);
    const a = createGusp({ city: valence, store, now: clock.now });
    const b = createGusp({ city: valence, store, now: clock.now });
    const draft = unwrap(
      await a.walks.schedule({ quartierId: 'le-plan', startsAt: '2026-03-14T09:00:00+01:00', meetingPoint: { label: 'Mairie annexe' } }),
    );
    unwrap(await b.walks.get(draft.id)); // b now remembers the walk as a draft
    unwrap(await a.walks.publish(draft.id));
    const input = signUp('resident');
    const [x, y] = await Promise.all([
      a.walks.register(draft.id, input, { clientId: 'tap-1' }),
      b.walks.register(draft.id, input, { clientId: 'tap-1' }),
    ]);
    assert.deepStrictEqual(unwrap(y), unwrap(x));
    assert.equal(unwrap(await a.walks.get(draft.id)).registrations.length, 1);
  });

  it('does not commit, on a retried proposal, an observation qualified since the first submission', async () => {
    const store = memoryStore();
    const gusp = createGusp({ city: valence, store, now: testClock(START).now });
    const obs = unwrap(
      await gusp.observations.record({
        quartierId: 'le-plan',
        polarity: 'problem',
        themeId: 'voirie',
        description: 'Nid-de-poule',
        address: 'Rue Bizet',
      }),
    );
    const input = { title: 'Reboucher', quartierId: 'le-plan', observationIds: [obs.id] };
    const first = unwrap(await gusp.engagements.propose(input, { clientId: 'proposal-1' }));
    unwrap(await gusp.observations.qualify(obs.id, { organisationId: 'ville-de-valence' }));
    const count = (await store.readAll()).length;
    assert.deepStrictEqual(unwrap(await gusp.engagements.propose(input, { clientId: 'proposal-1' })), first);
    assert.equal((await store.readAll()).length, count);
    assert.equal(unwrap(await gusp.observations.get(obs.id)).status, 'qualified');
  });

  it('answers a retried sign-up with the first outcome, even after the person was promoted meanwhile', async () => {
    const store = memoryStore();
    const clock = testClock(START);
    const gusp = createGusp({ city: valence, store, now: clock.now });
    const walk = await openWalk(gusp, { capacity: 1 });
    const seated = unwrap(await gusp.walks.register(walk.id, signUp('resident')));
    const input = signUp('resident');
    const first = unwrap(await gusp.walks.register(walk.id, input, { clientId: 'signup-7' }));
    assert.equal(first.status, 'waitlisted');
    unwrap(await gusp.walks.cancelRegistration(walk.id, seated.registration.id));
    const count = (await store.readAll()).length;
    const again = unwrap(await gusp.walks.register(walk.id, input, { clientId: 'signup-7' }));
    assert.deepStrictEqual(again, first);
    assert.equal((await store.readAll()).length, count);
  });
});

describe('client ids name one command', () => {
  it('refuses a client id reused on another walk with store.client-id-reused, and leaks nothing', async () => {
    const { createGusp, memoryStore, valence } = await import('../index.js');
    const gusp = createGusp({ city: valence, store: memoryStore(), now: () => new Date('2026-06-01T10:00:00+02:00') });
    const open = async () => {
      const w = await gusp.walks.schedule({
        quartierId: 'le-plan',
        startsAt: '2026-07-04T09:00:00+02:00',
        meetingPoint: { label: 'Les Bleuets' },
      });
      assert.ok(w.ok);
      assert.ok((await gusp.walks.publish(w.value.id)).ok);
      return w.value.id;
    };
    const [a, b] = [await open(), await open()];
    const first = await gusp.walks.register(a, { name: 'Amina', email: 'amina@example.org', consent: true }, { clientId: 'key-1' });
    assert.ok(first.ok);
    const again = await gusp.walks.register(a, { name: 'Amina', email: 'amina@example.org', consent: true }, { clientId: 'key-1' });
    assert.deepEqual(again, first);
    const reused = await gusp.walks.register(b, { name: 'Paul', email: 'paul@example.org', consent: true }, { clientId: 'key-1' });
    assert.equal(!reused.ok && reused.error.code, 'store.client-id-reused');
    assert.doesNotMatch(JSON.stringify(reused), /amina|cancelToken/i);
    const observed = await gusp.observations.record(
      { quartierId: 'le-plan', polarity: 'positive', themeId: 'lien-social', description: 'Fête des voisins', address: 'Square' },
      { clientId: 'key-1' },
    );
    assert.equal(!observed.ok && observed.error.code, 'store.client-id-reused');
  });
});
