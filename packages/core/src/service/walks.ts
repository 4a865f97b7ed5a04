// SPDX-License-Identifier: EUPL-1.2
import { toZonedISO } from '../dates.js';
import type {
  RegistrationsClosed,
  WalkCancelled,
  WalkDraftEdited,
  WalkEvent,
  WalkFinished,
  WalkPublished,
  WalkRescheduled,
  WalkScheduled,
  WalkStarted,
} from '../events.js';
import { newId } from '../ids.js';
import type { Registration, StaffActor } from '../registration/registration.js';
import { ok, type Result } from '../result.js';
import { transition } from '../rules/transition.js';
import { validate } from '../validation.js';
import { foldWalk, evolveWalk, type WalkAggregate } from '../walk/walk.fold.js';
import { walkRules, type WalkContext, type WalkEventName } from '../walk/walk.rules.js';
import { defaultRegistrationDeadline, walkDetailsOf } from '../walk/walk-details.js';
import { effectiveWalkStatus } from '../walk/walk.status.js';
import { ReasonInput, RescheduleWalkInput, ScheduleWalkInput, type Walk } from '../walk/walk.js';
import { registrationCommands, type RegistrationCommands } from './registrations.js';
import type { CommandOptions, Decision, Runtime, StreamKind } from './runtime.js';
import { staffByOf, type StaffCommandOptions } from './staff-actor.js';

export { staffByOf, type StaffCommandOptions } from './staff-actor.js';
export type { RegistrationOutcome } from './registrations.js';

export const walkStream: StreamKind<WalkAggregate, WalkEvent> = {
  prefix: 'walk-',
  notFound: 'walk.not-found',
  evolve: (state, events) => (state === undefined ? foldWalk(events) : events.reduce(evolveWalk, state)),
};

/**
 * Commands on walks (diagnostics en marchant) and their registrations:
 * `gusp.walks`. Every command is async, returns a `Result` and never throws
 * for bad input or a refused rule; `options.locale` sets the language of its
 * error message.
 */
export interface WalkCommands extends RegistrationCommands<Registration> {
  /** Schedules a walk as a draft; the city's defaults fill what is not given (duration, capacity, registration deadline). */
  schedule(input: ScheduleWalkInput, options?: StaffCommandOptions): Promise<Result<Walk>>;
  /**
   * Sets a draft's details again (quartier, date, route, seats…), as `schedule` takes them: what is
   * not given is the city's default or none, so the whole form is sent. Drafts only
   * (`walk.invalid-transition` once published: reschedule it then).
   */
  editDraft(walkId: string, input: ScheduleWalkInput, options?: StaffCommandOptions): Promise<Result<Walk>>;
  /** Opens registrations: needs a known quartier, a start in the future, a meeting point and seats. */
  publish(walkId: string, options?: StaffCommandOptions): Promise<Result<Walk>>;
  /** Closes registrations before the deadline (they close by themselves at it). */
  closeRegistrations(walkId: string, options?: StaffCommandOptions): Promise<Result<Walk>>;
  /** Starts the walk, no earlier than the city's `startEarlyMinutes` (30 by default) before its time. */
  start(walkId: string, options?: StaffCommandOptions): Promise<Result<Walk>>;
  /** Ends the walk: confirmed people who were not checked in become absent. */
  finish(walkId: string, options?: StaffCommandOptions): Promise<Result<Walk>>;
  /** Cancels the walk, with a reason told to every registrant. */
  cancel(walkId: string, input: { reason: string }, options?: StaffCommandOptions): Promise<Result<Walk>>;
  /** Moves the walk to another time (and place); registrants are told, the iCalendar `SEQUENCE` goes up. */
  reschedule(walkId: string, input: RescheduleWalkInput, options?: StaffCommandOptions): Promise<Result<Walk>>;
  /** A walk with its registrations and report, or `walk.not-found`. */
  get(walkId: string, options?: CommandOptions): Promise<Result<WalkAggregate>>;
  /** Every walk, in no particular order. */
  list(): Promise<WalkAggregate[]>;
}

/** Makes {@linkcode WalkCommands} over a runtime. */
export function walkCommands(rt: Runtime): WalkCommands {
  const { city } = rt;
  const tz = city.timezone;
  const stream = (id: string) => walkStream.prefix + id;

  /** Runs a decision on an existing walk; `walk.not-found` otherwise. */
  const onWalk = <T>(
    walkId: string,
    decide: (agg: WalkAggregate, now: Date) => Decision,
    outcome: (agg: WalkAggregate, appended: readonly { type: string; data: unknown }[]) => T,
    options?: CommandOptions,
  ): Promise<Result<T>> =>
    rt.execute(
      walkStream,
      stream(walkId),
      (agg, now) => (agg ? decide(agg, now) : rt.error('walk.not-found', options, { walkId })),
      outcome,
      options,
    );

  const walkTransition = (agg: WalkAggregate, now: Date, event: WalkEventName, extra: Partial<WalkContext>, options?: CommandOptions) =>
    rt.rule(
      transition(walkRules, effectiveWalkStatus(agg.walk, now), event, { city, walk: agg.walk, now, report: agg.report, ...extra }),
      options,
    );

  const deadlineEvents = (agg: WalkAggregate, now: Date): WalkEvent[] =>
    agg.walk.status === 'open' && effectiveWalkStatus(agg.walk, now) === 'closed'
      ? [rt.event<RegistrationsClosed>('RegistrationsClosed', { automatic: true }, now)]
      : [];

  const byOf = (options?: StaffCommandOptions) => staffByOf(rt, options);

  /** The walk's sign-ups: the commands every gathering shares (`registrationCommands`), over the walk's stream. */
  const registrations = registrationCommands<WalkAggregate, Registration>(rt, {
    stream: walkStream,
    idName: 'walkId',
    noun: 'walk',
    gathering: (agg) => agg.walk,
    parent: (agg) => ({ walkId: agg.walk.id }),
  });

  /** A lifecycle step of the walk with no input: the table decides, `events` says what happened. */
  const step =
    (event: WalkEventName, events: (agg: WalkAggregate, now: Date, by: { by?: StaffActor }) => WalkEvent[]) =>
    (walkId: string, options?: StaffCommandOptions): Promise<Result<Walk>> =>
      onWalk(
        walkId,
        (agg, now) => {
          const by = byOf(options);
          if (!by.ok) return by;
          const allowed = walkTransition(agg, now, event, {}, options);
          return allowed.ok ? ok(events(agg, now, by.value)) : allowed;
        },
        (agg) => agg.walk,
        options,
      );

  return {
    /** Schedules a walk as a draft; the city's defaults fill what is not given. */
    async schedule(input: ScheduleWalkInput, options?: StaffCommandOptions): Promise<Result<Walk>> {
      const parsed = validate(ScheduleWalkInput, input, rt.localeOf(options));
      if (!parsed.ok) return parsed;
      const by = byOf(options);
      if (!by.ok) return by;
      const i = parsed.value;
      const id = newId<'WalkId'>();
      return rt.execute(
        walkStream,
        stream(id),
        (_, now) => {
          const at = toZonedISO(now, tz);
          const walk: Walk = {
            id,
            ...walkDetailsOf(i, city),
            status: 'draft',
            sequence: 0,
            createdAt: at,
            updatedAt: at,
          };
          const allowed = rt.rule(transition(walkRules, 'none', 'schedule', { city, walk, now }), options);
          return allowed.ok ? ok([rt.event<WalkScheduled>('WalkScheduled', { walk, ...by.value }, now)]) : allowed;
        },
        (agg) => agg.walk,
        options,
      );
    },

    /** Sets a draft's details again. */
    editDraft: (walkId: string, input: ScheduleWalkInput, options?: StaffCommandOptions) =>
      onWalk(
        walkId,
        (agg, now) => {
          const parsed = validate(ScheduleWalkInput, input, rt.localeOf(options));
          if (!parsed.ok) return parsed;
          const by = byOf(options);
          if (!by.ok) return by;
          const details = walkDetailsOf(parsed.value, city);
          // The guards look at the walk as it would be (its new quartier).
          const allowed = walkTransition(agg, now, 'editDraft', { walk: { ...agg.walk, ...details } }, options);
          return allowed.ok ? ok([rt.event<WalkDraftEdited>('WalkDraftEdited', { details, ...by.value }, now)]) : allowed;
        },
        (agg) => agg.walk,
        options,
      ),

    /** Opens registrations. */
    publish: step('publish', (_, now, by) => [rt.event<WalkPublished>('WalkPublished', by, now)]),

    /** Closes registrations before the deadline (they close by themselves at it). */
    closeRegistrations: step('closeRegistrations', (_, now, by) => [
      rt.event<RegistrationsClosed>('RegistrationsClosed', { automatic: false, ...by }, now),
    ]),

    /** Starts the walk (no earlier than 30 minutes before its time, by default). */
    start: step('start', (agg, now, by) => [...deadlineEvents(agg, now), rt.event<WalkStarted>('WalkStarted', by, now)]),

    /** Ends the walk: confirmed people who were not checked in become absent. */
    finish: step('finish', (agg, now, by) => [...registrations.absentees(agg, now), rt.event<WalkFinished>('WalkFinished', by, now)]),

    /** Cancels the walk, with a reason told to every registrant. */
    cancel: (walkId: string, input: { reason: string }, options?: StaffCommandOptions) =>
      onWalk(
        walkId,
        (agg, now) => {
          const parsed = validate(ReasonInput, input, rt.localeOf(options));
          if (!parsed.ok) return parsed;
          const by = byOf(options);
          if (!by.ok) return by;
          const allowed = walkTransition(agg, now, 'cancel', { reason: parsed.value.reason }, options);
          return allowed.ok ? ok([rt.event<WalkCancelled>('WalkCancelled', { reason: parsed.value.reason, ...by.value }, now)]) : allowed;
        },
        (agg) => agg.walk,
        options,
      ),

    /** Moves the walk to another time (and place); registrants are told. */
    reschedule: (walkId: string, input: RescheduleWalkInput, options?: StaffCommandOptions) =>
      onWalk(
        walkId,
        (agg, now) => {
          const parsed = validate(RescheduleWalkInput, input, rt.localeOf(options));
          if (!parsed.ok) return parsed;
          const by = byOf(options);
          if (!by.ok) return by;
          const i = parsed.value;
          const registrationDeadline = i.registrationDeadline
            ? toZonedISO(i.registrationDeadline, tz)
            : defaultRegistrationDeadline(city, i.startsAt);
          const allowed = rt.rule(
            transition(walkRules, agg.walk.status, 'reschedule', { city, walk: agg.walk, now, startsAt: i.startsAt, registrationDeadline }),
            options,
          );
          if (!allowed.ok) return allowed;
          const data: WalkRescheduled['data'] = {
            startsAt: toZonedISO(i.startsAt, tz),
            registrationDeadline,
            ...(i.meetingPoint ? { meetingPoint: i.meetingPoint } : {}),
            ...(i.reason ? { reason: i.reason } : {}),
            ...by.value,
          };
          return ok([rt.event<WalkRescheduled>('WalkRescheduled', data, now)]);
        },
        (agg) => agg.walk,
        options,
      ),

    ...registrations.commands,

    /** A walk with its registrations and report. */
    get: (walkId: string, options?: CommandOptions) => rt.get(walkStream, walkId, options),
    /** Every walk stream, in no particular order. */
    list: () => rt.all(walkStream),
  };
}
