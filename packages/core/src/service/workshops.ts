// SPDX-License-Identifier: EUPL-1.2
import type * as z from 'zod/mini';
import type { CityProfile } from '../city/city-profile.js';
import { toZonedISO } from '../dates.js';
import { newId } from '../ids.js';
import { ok, type Result } from '../result.js';
import { defaultRegistrationDeadline } from '../walk/walk-details.js';
import type { WorkshopAggregate } from '../workshop/workshop.fold.js';
import { workshopRules, type WorkshopContext } from '../workshop/workshop.rules.js';
import {
  RescheduleWorkshopInput,
  ScheduleWorkshopInput,
  type Workshop,
  type WorkshopDetails,
  type WorkshopRegistration,
} from '../workshop/workshop.js';
import { gatheringLifecycle } from './gathering-lifecycle.js';
import { projectStream, workshopStream } from './project-streams.js';
import { registrationCommands, type RegistrationCommands } from './registrations.js';
import type { CommandOptions, Runtime } from './runtime.js';
import type { StaffCommandOptions } from './staff-actor.js';

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
  /** Where a workshop is and how to read it: for its registration commands and its lifecycle alike. */
  const kind = {
    stream: workshopStream,
    idName: 'workshopId',
    noun: 'workshop',
    gathering: (agg: WorkshopAggregate) => agg.workshop,
  } as const;
  const projectOf = async (projectId: string) => (await rt.load(projectStream, projectStream.prefix + projectId)).state?.project;

  /** The workshop's sign-ups: the walk's very commands (`registrationCommands`), over the workshop's stream. */
  const registrations = registrationCommands<WorkshopAggregate, WorkshopRegistration>(rt, {
    ...kind,
    parent: (agg) => ({ workshopId: agg.workshop.id }),
  });

  /** The workshop's lifecycle: the walk's very steps (`gatheringLifecycle`), `workshopRules` deciding. */
  const lifecycle = gatheringLifecycle(
    rt,
    {
      ...kind,
      newId: () => newId<'WorkshopId'>(),
      context: (workshop, _, now, options): WorkshopContext => ({ city, workshop, now, actorRole: options?.actor?.role }),
      scheduleInput: ScheduleWorkshopInput,
      detailsOf: (input: z.infer<typeof ScheduleWorkshopInput>) => workshopDetailsOf(input, city),
      rescheduleInput: RescheduleWorkshopInput,
      placeField: 'place',
      events: {
        scheduled: 'WorkshopScheduled',
        draftEdited: 'WorkshopDraftEdited',
        published: 'WorkshopPublished',
        started: 'WorkshopStarted',
        finished: 'WorkshopFinished',
        cancelled: 'WorkshopCancelled',
        rescheduled: 'WorkshopRescheduled',
      },
      absentees: (agg, now) => registrations.absentees(agg, now),
      // A workshop is published for a project that is announced and not over.
      publishContext: async (agg) => ({ projectStatus: (await projectOf(agg.workshop.projectId))?.status }),
    },
    workshopRules,
  );

  return {
    ...lifecycle,
    schedule: (projectId: string, input: ScheduleWorkshopInput, options?: StaffCommandOptions) =>
      lifecycle.schedule(input, options, async () => {
        const project = await projectOf(projectId);
        if (!project) return rt.error('project.not-found', options, { projectId });
        return ok({ fields: { projectId: project.id, quartierId: project.quartierId }, context: { projectStatus: project.status } });
      }),
    ...registrations.commands,
    list: async (filter: { projectId?: string } = {}) =>
      (await lifecycle.list()).filter((a) => filter.projectId === undefined || a.workshop.projectId === filter.projectId),
  };
}
