// SPDX-License-Identifier: EUPL-1.2
import * as z from 'zod/mini';
import { ProjectId, QuartierId, WorkshopId } from '../ids.js';
import { RegistrationFields } from '../registration/registration.js';
import { noControlCharacters } from '../text.js';
import { DateTime } from '../time.js';
import { Place } from '../walk/walk.js';
import { WORKSHOP_KINDS, WORKSHOP_STATUSES } from './workshop-status.js';

const text = (max: number) =>
  /* @__PURE__ */ z
    .string()
    .check(/* @__PURE__ */ z.trim(), noControlCharacters, /* @__PURE__ */ z.minLength(1), /* @__PURE__ */ z.maxLength(max));
const seats = () => /* @__PURE__ */ z.int().check(/* @__PURE__ */ z.gte(0), /* @__PURE__ */ z.lte(10000));
const minutes = () => /* @__PURE__ */ z.int().check(/* @__PURE__ */ z.gte(15), /* @__PURE__ */ z.lte(720));

export const WorkshopStatus = /* @__PURE__ */ z.enum(WORKSHOP_STATUSES);
export type WorkshopStatus = z.infer<typeof WorkshopStatus>;
export const WorkshopKind = /* @__PURE__ */ z.enum(WORKSHOP_KINDS);
export type WorkshopKind = z.infer<typeof WorkshopKind>;

/**
 * A workshop (atelier) of a concerted project: a meeting with a date, a place (often the
 * « local des habitants »), seats and sign-up under the same registration rules as a walk.
 */
export const Workshop = /* @__PURE__ */ z.object({
  id: WorkshopId,
  projectId: ProjectId,
  /** The project's quartier (the quartier's calendar feed lists the workshop). */
  quartierId: QuartierId,
  kind: WorkshopKind,
  title: text(200),
  description: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string().check(/* @__PURE__ */ z.maxLength(2000))),
  startsAt: DateTime,
  durationMinutes: minutes(),
  /** Where: a place in words, with a point when known (the walk's {@linkcode Place}). */
  place: /* @__PURE__ */ z.optional(Place),
  /** Public seats (residents, associations). */
  capacity: seats(),
  /** Seats for institutional actors; absent means no limit. */
  institutionalSeats: /* @__PURE__ */ z.optional(seats()),
  registrationDeadline: DateTime,
  status: WorkshopStatus,
  cancelReason: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  /** Bumped at each reschedule and at the cancellation: the iCalendar SEQUENCE. */
  sequence: /* @__PURE__ */ z.int().check(/* @__PURE__ */ z.gte(0)),
  startedAt: /* @__PURE__ */ z.optional(DateTime),
  finishedAt: /* @__PURE__ */ z.optional(DateTime),
  createdAt: DateTime,
  updatedAt: DateTime,
});
export type Workshop = z.infer<typeof Workshop>;

/**
 * A sign-up to a workshop: the walk's registration fields ({@linkcode RegistrationFields}) and the
 * workshop's id. The same registration rules, events and commands as a walk's.
 */
export const WorkshopRegistration = /* @__PURE__ */ z.extend(RegistrationFields, { workshopId: WorkshopId });
export type WorkshopRegistration = z.infer<typeof WorkshopRegistration>;

/** What a coordinator gives to schedule a workshop of a project (a draft); the city's defaults fill the rest. */
export const ScheduleWorkshopInput = /* @__PURE__ */ z.object({
  kind: /* @__PURE__ */ z._default(WorkshopKind, 'learning'),
  title: text(200),
  description: /* @__PURE__ */ z.optional(
    /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.trim(), noControlCharacters, /* @__PURE__ */ z.maxLength(2000)),
  ),
  startsAt: DateTime,
  /** 120 minutes when absent. */
  durationMinutes: /* @__PURE__ */ z.optional(minutes()),
  place: /* @__PURE__ */ z.optional(Place),
  /** The city's default walk capacity when absent. */
  capacity: /* @__PURE__ */ z.optional(seats()),
  institutionalSeats: /* @__PURE__ */ z.optional(seats()),
  /** The city's default (the day before, 18:00) when absent. */
  registrationDeadline: /* @__PURE__ */ z.optional(DateTime),
});
export type ScheduleWorkshopInput = z.input<typeof ScheduleWorkshopInput>;

/** A workshop's details as scheduling sets them and `editDraft` sets them again. */
export type WorkshopDetails = Pick<
  Workshop,
  'kind' | 'title' | 'description' | 'startsAt' | 'durationMinutes' | 'place' | 'capacity' | 'institutionalSeats' | 'registrationDeadline'
>;

/** Moving a workshop to another time (and place); registrants are told, the iCalendar SEQUENCE goes up. */
export const RescheduleWorkshopInput = /* @__PURE__ */ z.object({
  startsAt: DateTime,
  place: /* @__PURE__ */ z.optional(Place),
  registrationDeadline: /* @__PURE__ */ z.optional(DateTime),
  reason: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string().check(noControlCharacters, /* @__PURE__ */ z.maxLength(500))),
});
export type RescheduleWorkshopInput = z.input<typeof RescheduleWorkshopInput>;
