// SPDX-License-Identifier: EUPL-1.2
/**
 * Random command sequences for the property tests (not a test file itself).
 * A command is plain data that names its targets by index ("the 3rd walk
 * scheduled so far"), so fast-check can generate, shrink and print it; a
 * {@linkcode World} resolves indexes into real ids while the sequence runs.
 */
import fc from 'fast-check';
import type { ActorRole } from '../actor.js';
import { calendarDay, instant } from '../dates.js';
import type { Polarity, ObservationSource } from '../observation/observation.js';
import type { Result } from '../result.js';
import type { Gusp } from './create-gusp.js';
import type { RegistrationOutcome } from './walks.js';
import type { CommandOptions } from './runtime.js';
import type { TestClock } from './service.test-helpers.js';

const QUARTIERS = ['le-plan', 'polygone', 'fontbarlettes'] as const;
const THEMES = ['eclairage-public', 'voirie', 'lien-social', 'nettoyage'] as const;
const ORGANISATIONS = ['ville-de-valence', 'oph', 'compagnons-batisseurs'] as const;
const ROLES: readonly ActorRole[] = ['resident', 'resident', 'association', 'elected', 'landlord'];
const HOUR = 3_600_000;

export type WalkOp =
  'publish' | 'closeRegistrations' | 'start' | 'finish' | 'purgePersonalData' | 'draftReport' | 'validateReport' | 'shareReport';
export type ObservationOp = 'qualify' | 'resolve' | 'eraseReporter' | 'reject' | 'markDuplicate';
export type EngagementOp = 'accept' | 'start' | 'progress' | 'complete' | 'verify' | 'reopen' | 'abandon' | 'reschedule';

export type Command =
  | { readonly kind: 'tick'; readonly hours: number }
  | { readonly kind: 'schedule'; readonly quartier: number; readonly inHours: number; readonly capacity: number }
  | { readonly kind: 'walk'; readonly op: WalkOp; readonly walk: number }
  /** The walk's next natural step (moving the clock to its start when needed): sequences reach the far end of the lifecycle. */
  | { readonly kind: 'nextWalkStep'; readonly walk: number }
  | { readonly kind: 'cancelWalk'; readonly walk: number; readonly reason: string }
  | { readonly kind: 'rescheduleWalk'; readonly walk: number; readonly inHours: number }
  | { readonly kind: 'register'; readonly walk: number; readonly role: ActorRole; readonly email: number; readonly consent: boolean }
  | { readonly kind: 'registration'; readonly op: 'cancel' | 'checkIn'; readonly registration: number; readonly withToken: boolean }
  | {
      readonly kind: 'record';
      readonly walk: number | null;
      readonly stop: number;
      readonly source: ObservationSource;
      readonly polarity: Polarity;
      readonly theme: number;
      readonly withReporter: boolean;
    }
  | {
      readonly kind: 'observation';
      readonly op: ObservationOp;
      readonly observation: number;
      readonly other: number;
      readonly organisation: number;
    }
  | { readonly kind: 'propose'; readonly observations: readonly number[]; readonly quartier: number; readonly theme: number | null }
  /** The engagement's next natural step: accept, start, complete, verify. */
  | { readonly kind: 'nextEngagementStep'; readonly engagement: number; readonly organisation: number }
  | {
      readonly kind: 'engagement';
      readonly op: EngagementOp;
      readonly engagement: number;
      readonly days: number;
      readonly percent: number;
      readonly organisation: number;
      readonly reason: string;
    };

/** Few entities, each touched often: lifecycles get to their far ends. */
const index = fc.nat({ max: 3 });
const reason = fc.constantFrom('', 'Pluie', 'Hors compétence');

/** Any command, weighted towards what makes lifecycles move. */
export const commandArb: fc.Arbitrary<Command> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('tick' as const), hours: fc.integer({ min: 1, max: 30 }) }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('schedule' as const),
      quartier: index,
      inHours: fc.integer({ min: 20, max: 120 }),
      capacity: fc.integer({ min: 0, max: 4 }),
    }),
  },
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('walk' as const),
      op: fc.constantFrom<WalkOp>(
        'publish',
        'publish',
        'closeRegistrations',
        'start',
        'start',
        'finish',
        'finish',
        'purgePersonalData',
        'draftReport',
        'validateReport',
        'shareReport',
      ),
      walk: index,
    }),
  },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('nextWalkStep' as const), walk: index }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('nextEngagementStep' as const), engagement: index, organisation: index }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('cancelWalk' as const), walk: index, reason }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('rescheduleWalk' as const), walk: index, inHours: fc.integer({ min: -5, max: 120 }) }),
  },
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('register' as const),
      walk: index,
      role: fc.constantFrom(...ROLES),
      email: fc.nat({ max: 6 }),
      consent: fc.oneof({ weight: 9, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('registration' as const),
      op: fc.constantFrom<'cancel' | 'checkIn'>('cancel', 'checkIn'),
      registration: index,
      withToken: fc.boolean(),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('record' as const),
      walk: fc.option(index, { nil: null }),
      stop: fc.nat({ max: 3 }),
      source: fc.constantFrom<ObservationSource>('walk', 'resident', 'agent'),
      polarity: fc.constantFrom<Polarity>('positive', 'problem'),
      theme: index,
      withReporter: fc.boolean(),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('observation' as const),
      op: fc.constantFrom<ObservationOp>('qualify', 'qualify', 'resolve', 'eraseReporter', 'reject', 'markDuplicate'),
      observation: index,
      other: index,
      organisation: index,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('propose' as const),
      observations: fc.array(index, { maxLength: 3 }),
      quartier: index,
      theme: fc.option(index, { nil: null }),
    }),
  },
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('engagement' as const),
      op: fc.constantFrom<EngagementOp>('accept', 'accept', 'start', 'progress', 'complete', 'verify', 'reopen', 'abandon', 'reschedule'),
      engagement: index,
      days: fc.integer({ min: -3, max: 60 }),
      percent: fc.integer({ min: 0, max: 100 }),
      organisation: index,
      reason,
    }),
  },
);

/** What a sequence has created so far, in creation order. */
export interface World {
  readonly clock: TestClock;
  /** What a `next…Step` command chose the first time it ran: a retry repeats that very command. */
  readonly chosen: Map<Command, Promise<unknown>>;
  readonly walks: string[];
  readonly registrations: { readonly walkId: string; readonly id: string; readonly token: string }[];
  readonly observations: string[];
  readonly engagements: string[];
}

export const newWorld = (clock: TestClock): World => ({
  clock,
  chosen: new Map(),
  walks: [],
  registrations: [],
  observations: [],
  engagements: [],
});

/** `choose()` once per command and world, shared by its retries and twins. */
function once<T>(world: World, command: Command, choose: () => Promise<T>): Promise<T> {
  let chosen = world.chosen.get(command) as Promise<T> | undefined;
  if (!chosen) world.chosen.set(command, (chosen = choose()));
  return chosen;
}

function walkOp(gusp: Gusp, walkId: string, op: WalkOp, o: CommandOptions): Promise<Result<unknown>> {
  switch (op) {
    case 'draftReport':
      return gusp.reports.draft(walkId, o);
    case 'validateReport':
      return gusp.reports.validate(walkId, { summary: 'Synthèse' }, o);
    case 'shareReport':
      return gusp.reports.share(walkId, {}, o);
    default:
      return gusp.walks[op](walkId, o);
  }
}

/** A command resolved against the world: call it (again, for a retry), then let the world learn what it created. */
export interface Prepared {
  readonly call: (options: CommandOptions) => Promise<Result<unknown>>;
  readonly learn: (result: Result<unknown>) => void;
}

const pick = <T>(list: readonly T[], i: number): T | undefined => (list.length === 0 ? undefined : list[i % list.length]);
const nothing = () => undefined;

/**
 * Resolves a command's indexes on `gusp` (one of the instances sharing the
 * store). `undefined` when it names something that does not exist yet, and for ticks.
 */
export function prepare(world: World, gusp: Gusp, command: Command): Prepared | undefined {
  const now = () => world.clock.now().getTime();
  switch (command.kind) {
    case 'tick':
      return undefined;
    case 'schedule': {
      // Decided once: a retry resends the same input, as a client does (another input under the same id is refused).
      const startsAt = new Date(now() + command.inHours * HOUR).toISOString();
      return {
        call: (o) =>
          gusp.walks.schedule(
            {
              quartierId: pick(QUARTIERS, command.quartier) as string,
              startsAt,
              capacity: command.capacity,
              stops: [
                { id: 's1', label: 'Parvis' },
                { id: 's2', label: 'Immeuble Les Bleuets' },
                { id: 's3', label: 'Aire de jeux' },
              ],
            },
            o,
          ),
        learn: (r) => {
          if (r.ok) world.walks.push((r.value as { id: string }).id);
        },
      };
    }
    case 'walk': {
      const walkId = pick(world.walks, command.walk);
      return walkId === undefined ? undefined : { call: (o) => walkOp(gusp, walkId, command.op, o), learn: nothing };
    }
    case 'nextWalkStep': {
      const walkId = pick(world.walks, command.walk);
      if (walkId === undefined) return undefined;
      const choose = async (): Promise<WalkOp> => {
        const agg = await gusp.walks.get(walkId);
        if (!agg.ok) return 'start';
        const { walk, report } = agg.value;
        switch (walk.status) {
          case 'draft':
            return 'publish';
          case 'open':
          case 'closed': {
            const startable = Math.max(instant(walk.startsAt) - 30 * 60_000, instant(walk.registrationDeadline));
            if (startable > now()) world.clock.set(new Date(startable).toISOString());
            return 'start';
          }
          case 'in-progress':
            return 'finish';
          case 'done':
            return report === undefined ? 'draftReport' : report.status === 'draft' ? 'validateReport' : 'shareReport';
          default:
            return 'start';
        }
      };
      return { call: async (o) => walkOp(gusp, walkId, await once(world, command, choose), o), learn: nothing };
    }
    case 'cancelWalk': {
      const walkId = pick(world.walks, command.walk);
      return walkId === undefined ? undefined : { call: (o) => gusp.walks.cancel(walkId, { reason: command.reason }, o), learn: nothing };
    }
    case 'rescheduleWalk': {
      const walkId = pick(world.walks, command.walk);
      if (walkId === undefined) return undefined;
      const startsAt = new Date(now() + command.inHours * HOUR).toISOString();
      return { call: (o) => gusp.walks.reschedule(walkId, { startsAt }, o), learn: nothing };
    }
    case 'register': {
      const walkId = pick(world.walks, command.walk);
      if (walkId === undefined) return undefined;
      const input = {
        name: `Personne ${command.email}`,
        email: `p${command.email}@example.org`,
        role: command.role,
        consent: command.consent,
      };
      return {
        call: (o) => gusp.walks.register(walkId, input, o),
        learn: (r) => {
          if (!r.ok) return;
          const { registration } = r.value as RegistrationOutcome;
          world.registrations.push({ walkId, id: registration.id, token: registration.cancelToken });
        },
      };
    }
    case 'registration': {
      const reg = pick(world.registrations, command.registration);
      if (reg === undefined) return undefined;
      return {
        call: (o) =>
          command.op === 'cancel'
            ? gusp.walks.cancelRegistration(reg.walkId, reg.id, command.withToken ? { ...o, token: reg.token } : o)
            : gusp.walks.checkIn(reg.walkId, reg.id, o),
        learn: nothing,
      };
    }
    case 'record': {
      const walkId = command.walk === null ? undefined : pick(world.walks, command.walk);
      const input =
        walkId === undefined
          ? { quartierId: 'le-plan', address: 'Rue Bizet' }
          : { walkId, stopId: command.stop === 3 ? 'ailleurs' : `s${command.stop + 1}` };
      return {
        call: (o) =>
          gusp.observations.record(
            {
              ...input,
              polarity: command.polarity,
              themeId: pick(THEMES, command.theme) as string,
              description: 'Constat',
              source: command.source,
              ...(command.withReporter ? { reporter: { name: 'Lina', email: 'lina@example.org', consent: true } } : {}),
            },
            o,
          ),
        learn: (r) => {
          if (r.ok) world.observations.push((r.value as { id: string }).id);
        },
      };
    }
    case 'observation': {
      const id = pick(world.observations, command.observation);
      if (id === undefined) return undefined;
      const other = pick(world.observations, command.other) as string;
      const call = (o: CommandOptions): Promise<Result<unknown>> => {
        switch (command.op) {
          case 'qualify':
            return gusp.observations.qualify(id, { organisationId: pick(ORGANISATIONS, command.organisation) as string }, o);
          case 'resolve':
            return gusp.observations.resolve(id, o);
          case 'eraseReporter':
            return gusp.observations.eraseReporter(id, o);
          case 'reject':
            return gusp.observations.reject(id, { reason: 'Hors champ' }, o);
          case 'markDuplicate':
            return gusp.observations.markDuplicate(id, { of: other }, o);
        }
      };
      return { call, learn: nothing };
    }
    case 'propose': {
      const observationIds = [
        ...new Set(command.observations.map((i) => pick(world.observations, i)).filter((x): x is string => x !== undefined)),
      ];
      const input = {
        title: 'Engagement',
        quartierId: pick(QUARTIERS, command.quartier) as string,
        ...(command.theme === null ? {} : { themeId: pick(THEMES, command.theme) as string }),
        observationIds,
      };
      return {
        call: (o) => gusp.engagements.propose(input, o),
        learn: (r) => {
          if (r.ok) world.engagements.push((r.value as { id: string }).id);
        },
      };
    }
    case 'nextEngagementStep': {
      const id = pick(world.engagements, command.engagement);
      if (id === undefined) return undefined;
      const organisationId = pick(ORGANISATIONS, command.organisation) as string;
      const choose = async (): Promise<(o: CommandOptions) => Promise<Result<unknown>>> => {
        const found = await gusp.engagements.get(id);
        const dueOn = calendarDay(new Date(now() + 20 * 24 * HOUR), 'Europe/Paris');
        const e = gusp.engagements;
        switch (found.ok ? found.value.status : 'proposed') {
          case 'proposed':
            return (o) => e.accept(id, { organisationId, dueOn }, o);
          case 'accepted':
            return (o) => e.start(id, {}, o);
          case 'in-progress':
            return (o) => e.complete(id, {}, o);
          default:
            return (o) => e.verify(id, {}, o);
        }
      };
      return { call: async (o) => (await once(world, command, choose))(o), learn: nothing };
    }
    case 'engagement': {
      const id = pick(world.engagements, command.engagement);
      if (id === undefined) return undefined;
      const dueOn = calendarDay(new Date(now() + command.days * 24 * HOUR), 'Europe/Paris');
      const organisationId = pick(ORGANISATIONS, command.organisation) as string;
      const call = (o: CommandOptions): Promise<Result<unknown>> => {
        const e = gusp.engagements;
        switch (command.op) {
          case 'accept':
            return e.accept(id, { organisationId, dueOn }, o);
          case 'start':
            return e.start(id, {}, o);
          case 'progress':
            return e.progress(id, { percent: command.percent }, o);
          case 'complete':
            return e.complete(id, {}, o);
          case 'verify':
            return e.verify(id, {}, o);
          case 'reopen':
            return e.reopen(id, { reason: command.reason }, o);
          case 'abandon':
            return e.abandon(id, { reason: command.reason }, o);
          case 'reschedule':
            return e.reschedule(id, { dueOn, reason: command.reason }, o);
        }
      };
      return { call, learn: nothing };
    }
  }
}
