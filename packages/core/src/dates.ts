// SPDX-License-Identifier: EUPL-1.2
/**
 * All calendar reasoning of GUSP happens here (and in zoned-time.ts), in the
 * city's time zone, through @date-fns/tz's offsets and date-fns, so that "the
 * day before at 18:00" or "overdue" are right on both sides of a
 * daylight-saving change.
 */
import { tzOffset } from '@date-fns/tz/tzOffset';

import type { CalendarDay } from './time.js';
export { CalendarDay, DateTime } from './time.js';
// `localTimeBefore` and `plusMinutes` live in zoned-time.ts: TZDate patches Date's prototype when
// loaded, so only code that needs it should load it (and that module writes through toZonedISO here).

/**
 * An instant from an ISO 8601 string with an offset (what the schemas accept),
 * read by the engine: `Date` parses that form exactly, so no parser is shipped.
 */
const toDate = (value: string | Date): Date => (typeof value === 'string' ? new Date(value) : value);

/** Days since the epoch of a `YYYY-MM-DD` calendar day, read as a day (no time zone, no DST). */
const epochDay = (day: CalendarDay): number => {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / 86_400_000;
};

const QUARTER_HOUR = 900_000;
const offsets = new Map<string, number>();

/**
 * The zone's UTC offset in minutes at an instant, read through Intl by
 * @date-fns/tz and memoised per quarter-hour: zone transitions fall on quarter
 * hours, and stamping every event through Intl would dominate command time.
 */
export function offsetMinutes(timeZone: string, ms: number): number {
  const quarter = Math.floor(ms / QUARTER_HOUR);
  // Commands stamp "now" again and again: the last answer is the likeliest one.
  if (timeZone === last.timeZone && quarter === last.quarter) return last.offset;
  const key = `${timeZone}|${quarter}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    offset = tzOffset(timeZone, new Date(ms));
    if (offsets.size > 50_000) offsets.clear();
    offsets.set(key, offset);
  }
  last = { timeZone, quarter, offset };
  return offset;
}
let last = { timeZone: '', quarter: Number.NaN, offset: 0 };

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The wall-clock fields of an instant in a zone (a Date read with its UTC getters). */
function wallClock(value: string | Date, timeZone: string): { wall: Date; offset: number } {
  const ms = toDate(value).getTime();
  const offset = offsetMinutes(timeZone, ms);
  return { wall: new Date(ms + offset * 60_000), offset };
}

/**
 * The instant as ISO 8601 with the zone's offset, e.g. `2026-03-13T18:00:00+01:00`
 * (`Z` when the offset is zero): the one writer of zoned ISO strings in GUSP.
 */
export function toZonedISO(value: string | Date, timeZone: string): string {
  const { wall, offset } = wallClock(value, timeZone);
  const abs = Math.abs(offset);
  const zone = offset === 0 ? 'Z' : `${offset < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
  return (
    `${pad(wall.getUTCFullYear(), 4)}-${pad(wall.getUTCMonth() + 1)}-${pad(wall.getUTCDate())}` +
    `T${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}:${pad(wall.getUTCSeconds())}${zone}`
  );
}

/** The calendar day (`YYYY-MM-DD`) of an instant in a time zone. */
export function calendarDay(value: string | Date, timeZone: string): CalendarDay {
  const { wall } = wallClock(value, timeZone);
  return `${pad(wall.getUTCFullYear(), 4)}-${pad(wall.getUTCMonth() + 1)}-${pad(wall.getUTCDate())}`;
}

/** The calendar year of an instant in a time zone. */
export function yearOf(value: string | Date, timeZone: string): number {
  return wallClock(value, timeZone).wall.getUTCFullYear();
}

/** Milliseconds since the epoch of an ISO instant. */
export const instant = (value: string | Date): number => toDate(value).getTime();

/**
 * Whole calendar days from `from` to `to` (two `YYYY-MM-DD` days): positive when `to` is later.
 * Dates without time are compared as days, so DST cannot shift the count.
 */
export function daysBetween(from: CalendarDay, to: CalendarDay): number {
  return epochDay(to) - epochDay(from);
}
