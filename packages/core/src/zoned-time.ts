// SPDX-License-Identifier: EUPL-1.2
/**
 * Wall-clock arithmetic in a time zone, through @date-fns/tz's TZDate (see
 * dates.ts). The results are written by `toZonedISO`, the one writer of
 * zoned ISO strings.
 */
import { TZDate } from '@date-fns/tz/date';
import { addDays, parseISO } from 'date-fns';
import { toZonedISO } from './dates.js';

const toDate = (value: string | Date): Date => (typeof value === 'string' ? parseISO(value) : value);

/**
 * A wall-clock time on the day `daysBefore` days before `value` (in `timeZone`):
 * the default registration deadline is `localTimeBefore(startsAt, tz, 1, 18, 0)`.
 */
export function localTimeBefore(value: string | Date, timeZone: string, daysBefore: number, hours: number, minutes: number): string {
  const local = new TZDate(toDate(value).getTime(), timeZone);
  const day = addDays(local, -daysBefore);
  return toZonedISO(new TZDate(day.getFullYear(), day.getMonth(), day.getDate(), hours, minutes, 0, timeZone), timeZone);
}

/** `value` plus `minutes`, as an ISO string in `timeZone`. */
export function plusMinutes(value: string | Date, minutes: number, timeZone: string): string {
  return toZonedISO(new Date(toDate(value).getTime() + minutes * 60_000), timeZone);
}
