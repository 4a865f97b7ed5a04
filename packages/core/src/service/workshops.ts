// SPDX-License-Identifier: EUPL-1.2
import type * as z from 'zod/mini';
import type { CityProfile } from '../city/city-profile.js';
import { toZonedISO } from '../dates.js';
import type {
  RegistrationsClosed,
  WorkshopCancelled,
  WorkshopDraftEdited,
  WorkshopEvent,
  WorkshopFinished,
  WorkshopPublished,
  WorkshopRescheduled,
  WorkshopScheduled,
  WorkshopStarted,
} from '../events.js';
import { newId } from '../ids.js';
import type { StaffActor } from '../registration/registration.js';
import { ok, type Result } from '../result.js';
import { transition } from '../rules/transition.js';
import { validate } from '../validation.js';
import { defaultRegistrationDeadline } from '../walk/walk-details.js';
import { ReasonInput } from '../walk/walk.js';
import type { WorkshopAggregate } from '../workshop/workshop.fold.js';
import { workshopRules, type WorkshopContext, type WorkshopEventName } from '../workshop/workshop.rules.js';
import { effectiveWorkshopStatus } from '../workshop/workshop-status.js';
import {
  RescheduleWorkshopInput,
  ScheduleWorkshopInput,
  type Workshop,
  type WorkshopDetails,
  type WorkshopRegistration,
} from '../workshop/workshop.js';
import { projectStream, workshopStream } from './project-streams.js';
import { registrationCommands, type RegistrationCommands } from './registrations.js';
import type { CommandOptions, Decision, Runtime } from './runtime.js';
import { staffByOf, type StaffCommandOptions } from './staff-actor.js';

/** A workshop lasts two hours unless told otherwise. */
export const DEFAULT_WORKSHOP_MINUTES = 120;

/** A workshop's details from what a coordinator gave (`schedule`, `editDraft`): the city's defaults fill the rest. */
export function workshopDetailsOf(input: z.infer<typeof ScheduleWorkshopInput>, city: CityProfile): WorkshopDetails {
  const tz = city.timezone;
  return {
    kind: input.kind,
    title: input.title,
    ...(input.description ? { description: input.description } : {}),
    startsAt: toZonedISO(input.startsAt, tz),
    durationMinutes: input.durationMinutes ?? DEFAULT_WORKSHOP_MINUTES,
    ...(input.place ? { place: input.place } : {}),
    capacity: input.capacity ?? city.defaults.capacity,
    ...(input.institutionalSeats !== undefined ? { institutionalSeats: input.institutionalSeats } : {}),
    registrationDeadline: input.registrationDeadline
      ? toZonedISO(input.registrationDeadline, tz)
      : defaultRegistrationDeadline(city, input.startsAt),
  };
}

/**
 * Commands on the workshops (ateliers) of concerted projects: `gusp.workshops`. Their sign-ups are
 * the walk's registration commands ({@linkcode RegistrationCommands}, the shared implementation:
 * `register`, `registerByStaff`, `walkIn`, `cancelOnBehalf`, `promoteByStaff`, `cancelRegistration`,
 * `removeRegistration`, `checkIn`, `purgePersonalData`, `eraseRegistration`, each taking the
 * workshop's id first), with the same refusals (`walk.full`, `registration.consent-required`…).
 * Unknown workshop: `workshop.not-found`; a step the lifecycle does not allow: `workshop.invalid-transition`.
 */
export interface WorkshopCommands extends RegistrationCommands<WorkshopRegistration> {
  /**
   * Schedules a workshop of a project as a draft (`project.not-found`; `workshop.project-over` for an
   * evaluated or abandoned project); 120 minutes, the city's walk capacity and registration deadline by default.
   */
  schedule(projectId: string, input: ScheduleWorkshopInput, options?: StaffCommandOptions): Promise<Result<Workshop>>;
  /** Sets a draft's details again (the whole form: what is not given is the default or none). */
  editDraft(workshopId: string, input: ScheduleWorkshopInput, options?: StaffCommandOptions): Promise<Result<Workshop>>;
  /** Opens sign-up: needs a start in the future, a place and seats (`workshop.start-in-past`, `workshop.place-required`, `workshop.capacity-required`). */
  publish(workshopId: string, options?: StaffCommandOptions): Promise<Result<Workshop>>;
  /** Closes registrations before the deadline (they close by themselves at it). */
  closeRegistrations(workshopId: string, options?: StaffCommandOptions): Promise<Result<Workshop>>;
  /** Starts it, no earlier than the city's `startEarlyMinutes` before its time. */
  start(workshopId: string, options?: StaffCommandOptions): Promise<Result<Workshop>>;
  /** Ends it: confirmed people who were not checked in become absent. */
  finish(workshopId: string, options?: StaffCommandOptions): Promise<Result<Workshop>>;
  /** Cancels it, with a reason told to every registrant (`workshop.reason-required`). */
  cancel(workshopId: string, input: { reason: string }, options?: StaffCommandOptions): Promise<Result<Workshop>>;
  /** Moves it to another time (and place); registrants are told, the iCalendar `SEQUENCE` goes up. */
  reschedule(workshopId: string, input: RescheduleWorkshopInput, options?: StaffCommandOptions): Promise<Result<Workshop>>;
  /** A workshop with its registrations, or `workshop.not-found`. */
  get(workshopId: string, options?: CommandOptions): Promise<Result<WorkshopAggregate>>;
  /** Every workshop, or a project's, in no particular order. */
  list(filter?: { projectId?: string }): Promise<WorkshopAggregate[]>;
}

/** Makes {@linkcode WorkshopCommands} over a runtime. */
export function workshopCommands(rt: Runtime): WorkshopCommands {
  const { city } = rt;
  const tz = city.timezone;
  const stream = (id: string) => workshopStream.prefix + id;
  const byOf = (options?: StaffCommandOptions) => staffByOf(rt, options);

  /** Runs a decision on an existing workshop; `workshop.not-found` otherwise. */
  const onWorkshop = (
    workshopId: string,
    decide: (agg: WorkshopAggregate, now: Date) => Decision | Promise<Decision>,
    options?: CommandOptions,
  ): Promise<Result<Workshop>> =>
    rt.execute(
      workshopStream,
      stream(workshopId),
      (agg, now) => (agg ? decide(agg, now) : rt.error('workshop.not-found', options, { workshopId })),
      (agg) => agg.workshop,
      options,
    );

  const projectStatusOf = async (projectId: string): Promise<string | undefined> =>
    (await rt.load(projectStream, projectStream.prefix + projectId)).state?.project.status;

  const workshopTransition = (
    agg: WorkshopAggregate,
    now: Date,
    event: WorkshopEventName,
    extra: Partial<WorkshopContext>,
    options?: StaffCommandOptions,
  ) =>
    rt.rule(
      transition(workshopRules, effectiveWorkshopStatus(agg.workshop, now), event, {
        city,
        workshop: agg.workshop,
        now,
        actorRole: options?.actor?.role,
        ...extra,
      }),
      options,
    );

  const deadlineEvents = (agg: WorkshopAggregate, now: Date): WorkshopEvent[] =>
    agg.workshop.status === 'open' && effectiveWorkshopStatus(agg.workshop, now) === 'closed'
      ? [rt.event<RegistrationsClosed>('RegistrationsClosed', { automatic: true }, now)]
      : [];

  /** The workshop's sign-ups: the walk's very commands (`registrationCommands`), over the workshop's stream. */
  const registrations = registrationCommands<WorkshopAggregate, WorkshopRegistration>(rt, {
    stream: workshopStream,
    idName: 'workshopId',
    noun: 'workshop',
    gathering: (agg) => agg.workshop,
    parent: (agg) => ({ workshopId: agg.workshop.id }),
  });

  /** A lifecycle step with no input: the table decides, `events` says what happened. */
  const step =
    (
      event: WorkshopEventName,
      events: (agg: WorkshopAggregate, now: Date, by: { by?: StaffActor }) => WorkshopEvent[],
      withProject = false,
    ) =>
    (workshopId: string, options?: StaffCommandOptions): Promise<Result<Workshop>> =>
      onWorkshop(
        workshopId,
        async (agg, now) => {
          const by = byOf(options);
          if (!by.ok) return by;
          const projectStatus = withProject ? await projectStatusOf(agg.workshop.projectId) : undefined;
          const allowed = workshopTransition(agg, now, event, { projectStatus }, options);
          return allowed.ok ? ok(events(agg, now, by.value)) : allowed;
        },
        options,
      );

  return {
    async schedule(projectId: string, input: ScheduleWorkshopInput, options?: StaffCommandOptions): Promise<Result<Workshop>> {
      const parsed = validate(ScheduleWorkshopInput, input, rt.localeOf(options));
      if (!parsed.ok) return parsed;
      const by = byOf(options);
      if (!by.ok) return by;
      const project = (await rt.load(projectStream, projectStream.prefix + projectId)).state?.project;
      if (!project) return rt.error('project.not-found', options, { projectId });
      const id = newId<'WorkshopId'>();
      return rt.execute(
        workshopStream,
        stream(id),
        (_, now) => {
          const at = toZonedISO(now, tz);
          const workshop: Workshop = {
            id,
            projectId: project.id,
            quartierId: project.quartierId,
            ...workshopDetailsOf(parsed.value, city),
            status: 'draft',
            sequence: 0,
            createdAt: at,
            updatedAt: at,
          };
          const allowed = rt.rule(
            transition(workshopRules, 'none', 'schedule', {
              city,
              workshop,
              now,
              projectStatus: project.status,
              actorRole: options?.actor?.role,
            }),
            options,
          );
          return allowed.ok ? ok([rt.event<WorkshopScheduled>('WorkshopScheduled', { workshop, ...by.value }, now)]) : allowed;
        },
        (agg) => agg.workshop,
        options,
      );
    },

    editDraft: (workshopId: string, input: ScheduleWorkshopInput, options?: StaffCommandOptions) =>
      onWorkshop(
        workshopId,
        (agg, now) => {
          const parsed = validate(ScheduleWorkshopInput, input, rt.localeOf(options));
          if (!parsed.ok) return parsed;
          const by = byOf(options);
          if (!by.ok) return by;
          const details = workshopDetailsOf(parsed.value, city);
          const allowed = workshopTransition(agg, now, 'editDraft', {}, options);
          return allowed.ok ? ok([rt.event<WorkshopDraftEdited>('WorkshopDraftEdited', { details, ...by.value }, now)]) : allowed;
        },
        options,
      ),

    publish: step('publish', (_, now, by) => [rt.event<WorkshopPublished>('WorkshopPublished', by, now)], true),

    closeRegistrations: step('closeRegistrations', (_, now, by) => [
      rt.event<RegistrationsClosed>('RegistrationsClosed', { automatic: false, ...by }, now),
    ]),

    start: step('start', (agg, now, by) => [...deadlineEvents(agg, now), rt.event<WorkshopStarted>('WorkshopStarted', by, now)]),

    finish: step('finish', (agg, now, by) => [
      ...registrations.absentees(agg, now),
      rt.event<WorkshopFinished>('WorkshopFinished', by, now),
    ]),

    cancel: (workshopId: string, input: { reason: string }, options?: StaffCommandOptions) =>
      onWorkshop(
        workshopId,
        (agg, now) => {
          const parsed = validate(ReasonInput, input, rt.localeOf(options));
          if (!parsed.ok) return parsed;
          const by = byOf(options);
          if (!by.ok) return by;
          const { reason } = parsed.value;
          const allowed = workshopTransition(agg, now, 'cancel', { reason }, options);
          return allowed.ok ? ok([rt.event<WorkshopCancelled>('WorkshopCancelled', { reason, ...by.value }, now)]) : allowed;
        },
        options,
      ),

    reschedule: (workshopId: string, input: RescheduleWorkshopInput, options?: StaffCommandOptions) =>
      onWorkshop(
        workshopId,
        (agg, now) => {
          const parsed = validate(RescheduleWorkshopInput, input, rt.localeOf(options));
          if (!parsed.ok) return parsed;
          const by = byOf(options);
          if (!by.ok) return by;
          const i = parsed.value;
          const registrationDeadline = i.registrationDeadline
            ? toZonedISO(i.registrationDeadline, tz)
            : defaultRegistrationDeadline(city, i.startsAt);
          // As a walk's: the stored status decides (an open one past its deadline may still move).
          const allowed = rt.rule(
            transition(workshopRules, agg.workshop.status, 'reschedule', {
              city,
              workshop: agg.workshop,
              now,
              startsAt: i.startsAt,
              registrationDeadline,
              actorRole: options?.actor?.role,
            }),
            options,
          );
          if (!allowed.ok) return allowed;
          const data: WorkshopRescheduled['data'] = {
            startsAt: toZonedISO(i.startsAt, tz),
            registrationDeadline,
            ...(i.place ? { place: i.place } : {}),
            ...(i.reason ? { reason: i.reason } : {}),
            ...by.value,
          };
          return ok([rt.event<WorkshopRescheduled>('WorkshopRescheduled', data, now)]);
        },
        options,
      ),

    ...registrations.commands,

    get: (workshopId: string, options?: CommandOptions) => rt.get(workshopStream, workshopId, options),
    list: async (filter: { projectId?: string } = {}) =>
      (await rt.all(workshopStream)).filter((a) => filter.projectId === undefined || a.workshop.projectId === filter.projectId),
  };
}
