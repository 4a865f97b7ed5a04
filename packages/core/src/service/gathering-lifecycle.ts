// SPDX-License-Identifier: EUPL-1.2
/**
 * The lifecycle commands of anything people sign up to (a *gathering*: a walk, a workshop of a
 * concerted project), written once as the registration commands are (`registrationCommands`):
 * `walkCommands` and `workshopCommands` both spread what {@linkcode gatheringLifecycle} makes over
 * their own stream and rules table, so scheduling, editing a draft, publishing, closing, starting,
 * finishing, cancelling and rescheduling run the same code, each kind's table deciding.
 */
import type * as z from 'zod/mini';
import type { CityProfile } from '../city/city-profile.js';
import { toZonedISO } from '../dates.js';
import type { DomainEvent, RegistrationsClosed } from '../events.js';
import { effectiveGatheringStatus, type Gathering } from '../registration/gathering.js';
import type { StaffActor } from '../registration/registration.js';
import { ok, type Result } from '../result.js';
import type { RulesTable } from '../rules/define-rules.js';
import { transition } from '../rules/transition.js';
import { validate } from '../validation.js';
import type { Place } from '../walk/walk.js';
import { defaultRegistrationDeadline } from '../walk/walk-details.js';
import { ReasonInput } from '../walk/walk.js';
import { REGISTRATION_OPTIONS_AT } from './registrations.js';
import type { CommandOptions, Decision, Runtime, StreamKind } from './runtime.js';
import { staffByOf, type StaffCommandOptions } from './staff-actor.js';

/** The fields of a gathering the lifecycle itself sets or reads: its id, status and times of record. */
export interface LifecycleGathering extends Gathering {
  readonly id: string;
  readonly startsAt: string;
  readonly sequence: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** The lifecycle's own fields of a new gathering: what `schedule` sets, not the details a coordinator gives. */
type RecordFields = 'id' | 'status' | 'sequence' | 'createdAt' | 'updatedAt';

/** What a reschedule input gives, a walk's or a workshop's: the new start, its deadline, a reason, where. */
export interface RescheduleFields {
  readonly startsAt: string;
  readonly registrationDeadline?: string | undefined;
  readonly reason?: string | undefined;
  readonly meetingPoint?: Place | undefined;
  readonly place?: Place | undefined;
}

/** What the lifecycle itself gives a rules table's guards besides the kind's context: a cancel's reason, a reschedule's new times. */
export interface LifecycleContext {
  readonly reason?: string | undefined;
  readonly startsAt?: string | undefined;
  readonly registrationDeadline?: string | undefined;
}

/** The lifecycle steps that append a gathering's own event. */
export type LifecycleEventKey = 'scheduled' | 'draftEdited' | 'published' | 'started' | 'finished' | 'cancelled' | 'rescheduled';

/** The lifecycle steps a rules table of a gathering has (`walkRules`, `workshopRules`): more are allowed. */
type LifecycleStep = 'schedule' | 'editDraft' | 'publish' | 'closeRegistrations' | 'start' | 'finish' | 'cancel' | 'reschedule';

/** How the lifecycle commands find, read and change one kind of gathering. */
export interface LifecycleKind<A, G extends LifecycleGathering, C, D> {
  /** Its stream: prefix, `notFound` code and fold. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any stream's events: the lifecycle appends its kind's, named in `events`
  readonly stream: StreamKind<A, any>;
  /** The name of its id in `<noun>.not-found`'s details (`walkId`, `workshopId`). */
  readonly idName: string;
  /** The key of the gathering in its scheduled event's data (`{ walk }`, `{ workshop }`). */
  readonly noun: 'walk' | 'workshop';
  /** The gathering of a state, its status as stored. */
  readonly gathering: (agg: A) => G;
  /** A new id, for `schedule`. */
  readonly newId: () => string;
  /**
   * What the rules table's guards read: the gathering as it is (or would be, for `editDraft`), its
   * state (none when scheduling) and who acts.
   */
  readonly context: (gathering: G, agg: A | undefined, now: Date, options?: StaffCommandOptions) => C;
  /** What `schedule` and `editDraft` take, and the details they make of it (the city's defaults filling the rest). */
  readonly scheduleInput: z.ZodMiniType;
  readonly detailsOf: (input: never, city: CityProfile) => D;
  /** What `reschedule` takes, and the field of it a reschedule moves the gathering to (`meetingPoint`, `place`). */
  readonly rescheduleInput: z.ZodMiniType<RescheduleFields>;
  readonly placeField: 'meetingPoint' | 'place';
  /** The names of its own events: `WalkPublished`, `WorkshopPublished`… */
  readonly events: { readonly [K in LifecycleEventKey]: DomainEvent['type'] };
  /** When it finishes: the events marking absent whoever was confirmed and did not come (`registrationCommands`' `absentees`). */
  readonly absentees: (agg: A, now: Date) => readonly DomainEvent[];
  /** What `publish` also gives the guards, read when publishing (a workshop's project status). */
  readonly publishContext?: ((agg: A) => Promise<Partial<C>>) | undefined;
}

/** What a kind's `schedule` adds to the new gathering and its guards' context (a workshop's project), or a refusal. */
export type ScheduleParent<G, C> = () => Promise<Result<{ readonly fields: Partial<G>; readonly context: Partial<C> }>>;

/**
 * A gathering's lifecycle commands. Every command is async, returns a `Result` and never throws for
 * bad input or a refused rule; an unknown gathering is `<noun>.not-found`.
 */
export interface GatheringLifecycle<A, G> {
  /** Schedules it as a draft, after `parent` (when given) found what it belongs to. */
  schedule(input: unknown, options?: StaffCommandOptions, parent?: ScheduleParent<G, unknown>): Promise<Result<G>>;
  /** Sets a draft's details again, the guards reading the gathering as it would be. */
  editDraft(id: string, input: unknown, options?: StaffCommandOptions): Promise<Result<G>>;
  publish(id: string, options?: StaffCommandOptions): Promise<Result<G>>;
  /** Closes registrations before the deadline (they close by themselves at it). */
  closeRegistrations(id: string, options?: StaffCommandOptions): Promise<Result<G>>;
  /** Starts it: registrations past their deadline are recorded as closed by themselves first. */
  start(id: string, options?: StaffCommandOptions): Promise<Result<G>>;
  /** Ends it: confirmed people who were not checked in become absent. */
  finish(id: string, options?: StaffCommandOptions): Promise<Result<G>>;
  cancel(id: string, input: { reason: string }, options?: StaffCommandOptions): Promise<Result<G>>;
  /** Moves it to another time (and place); the stored status decides (an open one past its deadline may still move). */
  reschedule(id: string, input: unknown, options?: StaffCommandOptions): Promise<Result<G>>;
  get(id: string, options?: CommandOptions): Promise<Result<A>>;
  /** Every one, in no particular order. */
  list(): Promise<A[]>;
}

/**
 * Where each of a gathering's commands but `schedule` takes its options, for `withInputDigests`
 * (`schedule` takes them at 1 for a walk, at 2 for a workshop, after its project's id).
 */
export const GATHERING_OPTIONS_AT = {
  editDraft: 2,
  publish: 1,
  closeRegistrations: 1,
  start: 1,
  finish: 1,
  cancel: 2,
  reschedule: 2,
  ...REGISTRATION_OPTIONS_AT,
} as const;

/** Makes the lifecycle commands of one kind of gathering over a runtime and its rules table. */
export function gatheringLifecycle<
  A,
  G extends LifecycleGathering,
  C extends LifecycleContext,
  D,
  S extends string,
  E extends string,
  Gd extends string,
>(rt: Runtime, kind: LifecycleKind<A, G, C, D>, rules: RulesTable<S, E, Gd, C>): GatheringLifecycle<A, G> {
  const { city } = rt;
  const tz = city.timezone;
  const stream = (id: string) => kind.stream.prefix + id;
  const byOf = (options?: StaffCommandOptions) => staffByOf(rt, options);
  const event = (key: LifecycleEventKey, data: object, now: Date): DomainEvent => rt.event<DomainEvent>(kind.events[key], data, now);
  const detailsOf = (input: unknown): D => kind.detailsOf(input as never, city);
  const outcome = (agg: A): G => kind.gathering(agg);

  /** Runs a decision on an existing gathering; `<noun>.not-found` otherwise. */
  const on = (id: string, decide: (agg: A, now: Date) => Decision | Promise<Decision>, options?: CommandOptions): Promise<Result<G>> =>
    rt.execute(
      kind.stream,
      stream(id),
      (agg, now) => (agg ? decide(agg, now) : rt.error(kind.stream.notFound, options, { [kind.idName]: id })),
      outcome,
      options,
    );

  /** The table's answer to `step` from `status`, its guards reading `gathering` (as it is by default). */
  const allows = (
    agg: A | undefined,
    gathering: G,
    status: S | 'none',
    now: Date,
    step: LifecycleStep,
    extra: Partial<C> | LifecycleContext,
    options?: StaffCommandOptions,
  ) => rt.rule(transition(rules, status, step as E, { ...kind.context(gathering, agg, now, options), ...extra }), options);

  /** The table's answer to `step` from the status people see (closed once the deadline passed). */
  const allowed = (
    agg: A,
    now: Date,
    step: LifecycleStep,
    extra: Partial<C> | LifecycleContext,
    options?: StaffCommandOptions,
    gathering = outcome(agg),
  ) => allows(agg, gathering, effectiveGatheringStatus(outcome(agg), now) as S, now, step, extra, options);

  /** Registrations past their deadline, closed by themselves: recorded when the gathering starts. */
  const deadlineEvents = (agg: A, now: Date): DomainEvent[] => {
    const g = outcome(agg);
    return g.status === 'open' && effectiveGatheringStatus(g, now) === 'closed'
      ? [rt.event<RegistrationsClosed>('RegistrationsClosed', { automatic: true }, now)]
      : [];
  };

  /** A step with no input: the table decides, `events` says what happened. */
  const step =
    (
      name: LifecycleStep,
      events: (agg: A, now: Date, by: { by?: StaffActor }) => readonly DomainEvent[],
      extra?: (agg: A) => Promise<Partial<C>>,
    ) =>
    (id: string, options?: StaffCommandOptions): Promise<Result<G>> =>
      on(
        id,
        async (agg, now) => {
          const by = byOf(options);
          if (!by.ok) return by;
          const answer = allowed(agg, now, name, extra ? await extra(agg) : {}, options);
          return answer.ok ? ok(events(agg, now, by.value)) : answer;
        },
        options,
      );

  /** A step with an input: the input validated, who acts known, then `decide` (the table deciding in it). */
  const withInput =
    <I extends z.ZodMiniType>(
      schema: I,
      decide: (agg: A, now: Date, input: z.infer<I>, by: { by?: StaffActor }, options?: StaffCommandOptions) => Decision,
    ) =>
    (id: string, input: unknown, options?: StaffCommandOptions): Promise<Result<G>> =>
      on(
        id,
        (agg, now) => {
          const parsed = validate(schema, input, rt.localeOf(options));
          if (!parsed.ok) return parsed;
          const by = byOf(options);
          return by.ok ? decide(agg, now, parsed.value, by.value, options) : by;
        },
        options,
      );

  return {
    async schedule(input, options, parent) {
      const parsed = validate(kind.scheduleInput, input, rt.localeOf(options));
      if (!parsed.ok) return parsed;
      const by = byOf(options);
      if (!by.ok) return by;
      const of = parent ? await parent() : ok({ fields: {}, context: {} });
      if (!of.ok) return of;
      const id = kind.newId();
      return rt.execute(
        kind.stream,
        stream(id),
        (_, now) => {
          const at = toZonedISO(now, tz);
          const gathering = {
            id,
            ...of.value.fields,
            ...detailsOf(parsed.value),
            status: 'draft',
            sequence: 0,
            createdAt: at,
            updatedAt: at,
          } as Omit<G, RecordFields> as G;
          const answer = allows(undefined, gathering, 'none', now, 'schedule', of.value.context, options);
          return answer.ok ? ok([event('scheduled', { [kind.noun]: gathering, ...by.value }, now)]) : answer;
        },
        outcome,
        options,
      );
    },

    editDraft: withInput(kind.scheduleInput, (agg, now, input, by, options) => {
      const details = detailsOf(input);
      // The guards look at it as it would be (a walk's new quartier).
      const answer = allowed(agg, now, 'editDraft', {}, options, { ...outcome(agg), ...details });
      return answer.ok ? ok([event('draftEdited', { details, ...by }, now)]) : answer;
    }),

    publish: step('publish', (_, now, by) => [event('published', by, now)], kind.publishContext),

    closeRegistrations: step('closeRegistrations', (_, now, by) => [
      rt.event<RegistrationsClosed>('RegistrationsClosed', { automatic: false, ...by }, now),
    ]),

    start: step('start', (agg, now, by) => [...deadlineEvents(agg, now), event('started', by, now)]),

    finish: step('finish', (agg, now, by) => [...kind.absentees(agg, now), event('finished', by, now)]),

    cancel: withInput(ReasonInput, (agg, now, { reason }, by, options) => {
      const answer = allowed(agg, now, 'cancel', { reason }, options);
      return answer.ok ? ok([event('cancelled', { reason, ...by }, now)]) : answer;
    }),

    reschedule: withInput(kind.rescheduleInput, (agg, now, i, by, options) => {
      const registrationDeadline = i.registrationDeadline
        ? toZonedISO(i.registrationDeadline, tz)
        : defaultRegistrationDeadline(city, i.startsAt);
      const g = outcome(agg);
      // The stored status decides, not the one people see: an open one past its deadline may still move.
      const answer = allows(agg, g, g.status as S, now, 'reschedule', { startsAt: i.startsAt, registrationDeadline }, options);
      if (!answer.ok) return answer;
      const place = i[kind.placeField];
      const data = {
        startsAt: toZonedISO(i.startsAt, tz),
        registrationDeadline,
        ...(place ? { [kind.placeField]: place } : {}),
        ...(i.reason ? { reason: i.reason } : {}),
        ...by,
      };
      return ok([event('rescheduled', data, now)]);
    }),

    get: (id, options) => rt.get(kind.stream, id, options),
    list: () => rt.all(kind.stream),
  };
}
