// SPDX-License-Identifier: EUPL-1.2
import type * as z from 'zod/mini';
import type { WalkEvent } from '../events.js';
import { newId } from '../ids.js';
import type { Registration } from '../registration/registration.js';
import type { Result } from '../result.js';
import { foldWalk, evolveWalk, type WalkAggregate } from '../walk/walk.fold.js';
import { walkRules, type WalkContext } from '../walk/walk.rules.js';
import { walkDetailsOf } from '../walk/walk-details.js';
import { RescheduleWalkInput, ScheduleWalkInput, type Walk } from '../walk/walk.js';
import { gatheringLifecycle } from './gathering-lifecycle.js';
import { registrationCommands, type RegistrationCommands } from './registrations.js';
import type { CommandOptions, Runtime, StreamKind } from './runtime.js';
import type { StaffCommandOptions } from './staff-actor.js';

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
  /** Where a walk is and how to read it: for its registration commands and its lifecycle alike. */
  const kind = { stream: walkStream, idName: 'walkId', noun: 'walk', gathering: (agg: WalkAggregate) => agg.walk } as const;

  /** The walk's sign-ups: the commands every gathering shares (`registrationCommands`), over the walk's stream. */
  const registrations = registrationCommands<WalkAggregate, Registration>(rt, {
    ...kind,
    parent: (agg) => ({ walkId: agg.walk.id }),
  });

  /** The walk's lifecycle: the steps every gathering shares (`gatheringLifecycle`), `walkRules` deciding. */
  const lifecycle = gatheringLifecycle(
    rt,
    {
      ...kind,
      newId: () => newId<'WalkId'>(),
      context: (walk, agg, now): WalkContext => ({ city, walk, now, report: agg?.report }),
      scheduleInput: ScheduleWalkInput,
      detailsOf: (input: z.infer<typeof ScheduleWalkInput>) => walkDetailsOf(input, city),
      rescheduleInput: RescheduleWalkInput,
      placeField: 'meetingPoint',
      events: {
        scheduled: 'WalkScheduled',
        draftEdited: 'WalkDraftEdited',
        published: 'WalkPublished',
        started: 'WalkStarted',
        finished: 'WalkFinished',
        cancelled: 'WalkCancelled',
        rescheduled: 'WalkRescheduled',
      },
      absentees: (agg, now) => registrations.absentees(agg, now),
    },
    walkRules,
  );

  return {
    ...lifecycle,
    schedule: (input: ScheduleWalkInput, options?: StaffCommandOptions) => lifecycle.schedule(input, options),
    ...registrations.commands,
  };
}
