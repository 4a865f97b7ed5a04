// SPDX-License-Identifier: EUPL-1.2
import type { Result } from '../result.js';
import type { WorkshopAggregate } from '../workshop/workshop.fold.js';
import type { RescheduleWorkshopInput, ScheduleWorkshopInput, Workshop, WorkshopRegistration } from '../workshop/workshop.js';
import type { RegistrationCommands } from './registrations.js';
import type { CommandOptions } from './runtime.js';
import type { StaffCommandOptions } from './staff-actor.js';

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
