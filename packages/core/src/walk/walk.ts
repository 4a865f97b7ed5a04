// SPDX-License-Identifier: EUPL-1.2
import * as z from 'zod/mini';
import { GeoPoint } from '../geo.js';
import { DateTime } from '../time.js';
import { OrganisationId, QuartierId, StopId, WalkId } from '../ids.js';

const text = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));

/** A place said in words, optionally with a point: "Parvis de l'école Jean-Moulin". */
export const Place = /* @__PURE__ */ z.object({ label: text(200), point: z.optional(GeoPoint) });
export type Place = z.infer<typeof Place>;

/** A halte of the route; the first stop is the meeting point. */
export const Stop = /* @__PURE__ */ z.object({
  id: StopId,
  label: text(200),
  description: z.optional(z.string().check(z.maxLength(1000))),
  point: z.optional(GeoPoint),
});
export type Stop = z.infer<typeof Stop>;

export const WalkStatus = /* @__PURE__ */ z.enum(['draft', 'open', 'closed', 'in-progress', 'done', 'reported', 'cancelled']);
export type WalkStatus = z.infer<typeof WalkStatus>;

/** A diagnostic en marchant: a half-day walk through a quartier. */
export const Walk = /* @__PURE__ */ z.object({
  id: WalkId,
  quartierId: QuartierId,
  title: z.optional(text(200)),
  startsAt: DateTime,
  durationMinutes: z.int().check(z.gte(30), z.lte(720)),
  meetingPoint: z.optional(Place),
  stops: z.array(Stop),
  /** Public seats (residents, associations). */
  capacity: z.int().check(z.gte(0), z.lte(10000)),
  /** Seats for institutional actors; absent means no limit. */
  institutionalSeats: z.optional(z.int().check(z.gte(0), z.lte(10000))),
  registrationDeadline: DateTime,
  status: WalkStatus,
  cancelReason: z.optional(z.string()),
  organiserIds: z.array(OrganisationId),
  /** Bumped at each reschedule: the iCalendar SEQUENCE. */
  sequence: z.int().check(z.gte(0)),
  startedAt: z.optional(DateTime),
  finishedAt: z.optional(DateTime),
  createdAt: DateTime,
  updatedAt: DateTime,
});
export type Walk = z.infer<typeof Walk>;

/** A stop as given when scheduling: its id is made for it when absent. */
export const StopInput = /* @__PURE__ */ z.object({
  id: z.optional(StopId),
  label: text(200),
  description: z.optional(z.string().check(z.maxLength(1000))),
  point: z.optional(GeoPoint),
});
export type StopInput = z.infer<typeof StopInput>;

/** What a coordinator gives to schedule a walk; the city's defaults fill the rest. */
export const ScheduleWalkInput = /* @__PURE__ */ z.object({
  quartierId: QuartierId,
  startsAt: DateTime,
  title: z.optional(text(200)),
  durationMinutes: z.optional(z.int().check(z.gte(30), z.lte(720))),
  meetingPoint: z.optional(Place),
  stops: z.optional(z.array(StopInput).check(z.maxLength(50))),
  capacity: z.optional(z.int().check(z.gte(0), z.lte(10000))),
  institutionalSeats: z.optional(z.int().check(z.gte(0), z.lte(10000))),
  registrationDeadline: z.optional(DateTime),
  organiserIds: z.optional(z.array(OrganisationId)),
});
export type ScheduleWalkInput = z.input<typeof ScheduleWalkInput>;

export const RescheduleWalkInput = /* @__PURE__ */ z.object({
  startsAt: DateTime,
  meetingPoint: z.optional(Place),
  registrationDeadline: z.optional(DateTime),
  reason: z.optional(z.string().check(z.maxLength(500))),
});
export type RescheduleWalkInput = z.input<typeof RescheduleWalkInput>;

export const ReasonInput = /* @__PURE__ */ z.object({ reason: z.string().check(z.trim(), z.maxLength(500)) });
