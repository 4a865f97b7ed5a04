// SPDX-License-Identifier: EUPL-1.2
/**
 * All calendar reasoning of GUSP happens here, in the city's time zone, through
 * date-fns and @date-fns/tz, so that "the day before at 18:00" or "overdue" are
 * right on both sides of a daylight-saving change.
 */
import { TZDate } from '@date-fns/tz';
import { addDays, addMinutes, differenceInCalendarDays, formatISO, parseISO } from 'date-fns';
import * as z from 'zod/mini';

/** An instant, ISO 8601 with an offset: `2026-03-14T09:00:00+01:00` or `…Z`. */
export const DateTime = z.iso.datetime({ offset: true });
export type DateTime = z.infer<typeof DateTime>;
/** A calendar day, `YYYY-MM-DD`, read in the city's time zone. */
export const CalendarDay = z.iso.date();
export type CalendarDay = z.infer<typeof CalendarDay>;

const toDate = (value: string | Date): Date => (typeof value === 'string' ? parseISO(value) : value);

/** The instant as ISO 8601 with the zone's offset, e.g. `2026-03-13T18:00:00+01:00`. */
export function toZonedISO(value: string | Date, timeZone: string): string {
  return formatISO(new TZDate(toDate(value).getTime(), timeZone));
}

/** The calendar day (`YYYY-MM-DD`) of an instant in a time zone. */
export function calendarDay(value: string | Date, timeZone: string): CalendarDay {
  return formatISO(new TZDate(toDate(value).getTime(), timeZone), { representation: 'date' });
}

/** The calendar year of an instant in a time zone. */
export function yearOf(value: string | Date, timeZone: string): number {
  return new TZDate(toDate(value).getTime(), timeZone).getFullYear();
}

/**
 * A wall-clock time on the day `daysBefore` days before `value` (in `timeZone`):
 * the default registration deadline is `localTimeBefore(startsAt, tz, 1, 18, 0)`.
 */
export function localTimeBefore(value: string | Date, timeZone: string, daysBefore: number, hours: number, minutes: number): string {
  const local = new TZDate(toDate(value).getTime(), timeZone);
  const day = addDays(local, -daysBefore);
  const at = new TZDate(day.getFullYear(), day.getMonth(), day.getDate(), hours, minutes, 0, timeZone);
  return formatISO(at);
}

/** `value` plus `minutes`, as an ISO string in `timeZone`. */
export function plusMinutes(value: string | Date, minutes: number, timeZone: string): string {
  return formatISO(addMinutes(new TZDate(toDate(value).getTime(), timeZone), minutes));
}

/** Milliseconds since the epoch of an ISO instant. */
export const instant = (value: string | Date): number => toDate(value).getTime();

/**
 * Whole calendar days from `from` to `to` (two `YYYY-MM-DD` days): positive when `to` is later.
 * Dates without time are compared as days, so DST cannot shift the count.
 */
export function daysBetween(from: CalendarDay, to: CalendarDay): number {
  return differenceInCalendarDays(parseISO(to), parseISO(from));
}
