// SPDX-License-Identifier: EUPL-1.2
/**
 * The events of a workshop's stream, `workshop-<id>`: its lifecycle, and its sign-ups with the
 * very registration events of a walk (`ParticipantRegistered<WorkshopRegistration>`…,
 * `RegistrationsClosed`): one registration implementation for both.
 */
import type { ByStaff, EventShape, RegistrationEvent, RegistrationsClosed } from '../events.js';
import type { Place } from '../walk/walk.js';
import type { Workshop, WorkshopDetails, WorkshopRegistration } from './workshop.js';

export type WorkshopScheduled = EventShape<'WorkshopScheduled', { workshop: Workshop } & ByStaff>;
/** A draft's details set again before it is published. */
export type WorkshopDraftEdited = EventShape<'WorkshopDraftEdited', { details: WorkshopDetails } & ByStaff>;
export type WorkshopPublished = EventShape<'WorkshopPublished', ByStaff>;
export type WorkshopStarted = EventShape<'WorkshopStarted', ByStaff>;
export type WorkshopFinished = EventShape<'WorkshopFinished', ByStaff>;
export type WorkshopCancelled = EventShape<'WorkshopCancelled', { reason: string } & ByStaff>;
export type WorkshopRescheduled = EventShape<
  'WorkshopRescheduled',
  { startsAt: string; registrationDeadline: string; place?: Place; reason?: string } & ByStaff
>;

export type WorkshopEvent =
  | WorkshopScheduled
  | WorkshopDraftEdited
  | WorkshopPublished
  | RegistrationsClosed
  | WorkshopStarted
  | WorkshopFinished
  | WorkshopCancelled
  | WorkshopRescheduled
  | RegistrationEvent<WorkshopRegistration>;
