// SPDX-License-Identifier: EUPL-1.2
import * as z from 'zod/mini';
import { GeoPoint } from '../geo.js';
import { DateTime } from '../time.js';
import { OrganisationId, QuartierId, StopId, WalkId } from '../ids.js';
import { noControlCharacters } from '../text.js';
import { WALK_STATUSES } from './walk.status.js';

const text = (max: number) =>
  /* @__PURE__ */ z
    .string()
    .check(/* @__PURE__ */ z.trim(), noControlCharacters, /* @__PURE__ */ z.minLength(1), /* @__PURE__ */ z.maxLength(max));

/** A place said in words, optionally with a point: "Parvis de l'école Jean-Moulin". */
export const Place = /* @__PURE__ */ z.object({ label: text(200), point: /* @__PURE__ */ z.optional(GeoPoint) });
export type Place = z.infer<typeof Place>;

/** A halte of the route; the first stop is the meeting point. */
export const Stop = /* @__PURE__ */ z.object({
  id: StopId,
  label: text(200),
  description: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string().check(/* @__PURE__ */ z.maxLength(1000))),
  point: /* @__PURE__ */ z.optional(GeoPoint),
});
export type Stop = z.infer<typeof Stop>;

export const WalkStatus = /* @__PURE__ */ z.enum(WALK_STATUSES);
export type WalkStatus = z.infer<typeof WalkStatus>;

/** A diagnostic en marchant: a half-day walk through a quartier. */
export const Walk = /* @__PURE__ */ z.object({
  id: WalkId,
  quartierId: QuartierId,
  title: /* @__PURE__ */ z.optional(text(200)),
  startsAt: DateTime,
  durationMinutes: /* @__PURE__ */ z.int().check(/* @__PURE__ */ z.gte(30), /* @__PURE__ */ z.lte(720)),
  meetingPoint: /* @__PURE__ */ z.optional(Place),
  stops: /* @__PURE__ */ z.array(Stop),
  /** Public seats (residents, associations). */
  capacity: /* @__PURE__ */ z.int().check(/* @__PURE__ */ z.gte(0), /* @__PURE__ */ z.lte(10000)),
  /** Seats for institutional actors; absent means no limit. */
  institutionalSeats: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.int().check(/* @__PURE__ */ z.gte(0), /* @__PURE__ */ z.lte(10000))),
  registrationDeadline: DateTime,
  status: WalkStatus,
  cancelReason: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  organiserIds: /* @__PURE__ */ z.array(OrganisationId),
  /** Bumped at each reschedule and at the cancellation (every change a calendar event shows): the iCalendar SEQUENCE. */
  sequence: /* @__PURE__ */ z.int().check(/* @__PURE__ */ z.gte(0)),
  startedAt: /* @__PURE__ */ z.optional(DateTime),
  finishedAt: /* @__PURE__ */ z.optional(DateTime),
  createdAt: DateTime,
  updatedAt: DateTime,
});
export type Walk = z.infer<typeof Walk>;

/** A stop as given when scheduling: its id is made for it when absent. */
export const StopInput = /* @__PURE__ */ z.object({
  id: /* @__PURE__ */ z.optional(StopId),
  label: text(200),
  description: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string().check(noControlCharacters, /* @__PURE__ */ z.maxLength(1000))),
  point: /* @__PURE__ */ z.optional(GeoPoint),
});
export type StopInput = z.infer<typeof StopInput>;

/** What a coordinator gives to schedule a walk; the city's defaults fill the rest. */
export const ScheduleWalkInput = /* @__PURE__ */ z.object({
  quartierId: QuartierId,
  startsAt: DateTime,
  title: /* @__PURE__ */ z.optional(text(200)),
  durationMinutes: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.int().check(/* @__PURE__ */ z.gte(30), /* @__PURE__ */ z.lte(720))),
  meetingPoint: /* @__PURE__ */ z.optional(Place),
  stops: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.array(StopInput).check(/* @__PURE__ */ z.maxLength(50))),
  capacity: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.int().check(/* @__PURE__ */ z.gte(0), /* @__PURE__ */ z.lte(10000))),
  institutionalSeats: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.int().check(/* @__PURE__ */ z.gte(0), /* @__PURE__ */ z.lte(10000))),
  registrationDeadline: /* @__PURE__ */ z.optional(DateTime),
  organiserIds: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.array(OrganisationId)),
});
export type ScheduleWalkInput = z.input<typeof ScheduleWalkInput>;

/**
 * What a draft's details are, as scheduling sets them and `editDraft` sets them again: every field
 * of the walk a coordinator plans (not its id, status, sequence nor times of record).
 */
export type WalkDetails = Pick<
  Walk,
  | 'quartierId'
  | 'title'
  | 'startsAt'
  | 'durationMinutes'
  | 'meetingPoint'
  | 'stops'
  | 'capacity'
  | 'institutionalSeats'
  | 'registrationDeadline'
  | 'organiserIds'
>;

export const RescheduleWalkInput = /* @__PURE__ */ z.object({
  startsAt: DateTime,
  meetingPoint: /* @__PURE__ */ z.optional(Place),
  registrationDeadline: /* @__PURE__ */ z.optional(DateTime),
  reason: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string().check(noControlCharacters, /* @__PURE__ */ z.maxLength(500))),
});
export type RescheduleWalkInput = z.input<typeof RescheduleWalkInput>;

export const ReasonInput = /* @__PURE__ */ z.object({
  reason: /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.trim(), noControlCharacters, /* @__PURE__ */ z.maxLength(500)),
});
