// SPDX-License-Identifier: EUPL-1.2
import type * as z from 'zod/mini';
import type { CityProfile } from '../city/city-profile.js';
import { toZonedISO } from '../dates.js';
import { newId } from '../ids.js';
import { localTimeBefore } from '../zoned-time.js';
import type { ScheduleWalkInput, WalkDetails } from './walk.js';

/**
 * The registration deadline the city rule gives a start: `registrationClosesDaysBefore` days
 * before it, at `registrationClosesAt`, in the city's time zone (what a walk gets without one).
 */
export function defaultRegistrationDeadline(city: CityProfile, startsAt: string | Date): string {
  const [hh, mm] = city.defaults.registrationClosesAt.split(':').map(Number) as [number, number];
  return localTimeBefore(startsAt, city.timezone, city.defaults.registrationClosesDaysBefore, hh, mm);
}

/**
 * A walk's details from what a coordinator gave (`schedule`, `editDraft`; checked by
 * `ScheduleWalkInput`): the city's defaults fill the rest (a half-day, its capacity, the deadline
 * rule), the meeting point is the first stop when none is given, a stop without an id gets one.
 * Pure but for those ids: the back office's preview shows a walk as scheduling would make it.
 */
export function walkDetailsOf(input: z.infer<typeof ScheduleWalkInput>, city: CityProfile): WalkDetails {
  const tz = city.timezone;
  const stops = (input.stops ?? []).map((s) => ({ ...s, id: s.id ?? newId<'StopId'>() }));
  const first = stops[0];
  return {
    quartierId: input.quartierId,
    title: input.title,
    startsAt: toZonedISO(input.startsAt, tz),
    durationMinutes: input.durationMinutes ?? city.defaults.walkDurationMinutes,
    meetingPoint: input.meetingPoint ?? (first ? { label: first.label, point: first.point } : undefined),
    stops,
    capacity: input.capacity ?? city.defaults.capacity,
    institutionalSeats: input.institutionalSeats,
    registrationDeadline: input.registrationDeadline
      ? toZonedISO(input.registrationDeadline, tz)
      : defaultRegistrationDeadline(city, input.startsAt),
    organiserIds: input.organiserIds ?? [],
  };
}
