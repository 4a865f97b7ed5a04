// SPDX-License-Identifier: EUPL-1.2

/** `YYYY-MM-DD` of `at` in a time zone. */
export const dayIn = (timeZone: string, at: Date = new Date()): string =>
  new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone }).format(at);

/**
 * Whether a gathering starting at `startsAt` belongs on the day screen at `now`: it starts today in the city's
 * calendar, or it may be started already (the rules allow it `earlyMinutes` ahead), even after midnight: a walk at
 * 00:05 is on the list at 23:45.
 */
export function onTheDay(startsAt: string, now: Date, timeZone: string, earlyMinutes: number): boolean {
  const at = Date.parse(startsAt);
  if (dayIn(timeZone, new Date(at)) === dayIn(timeZone, now)) return true;
  return at > now.getTime() && at - earlyMinutes * 60_000 <= now.getTime();
}

/** The last day whose gatherings may be on the day screen at `now` (`YYYY-MM-DD`): today, or tomorrow just before midnight. */
export const lastDayListed = (now: Date, timeZone: string, earlyMinutes: number): string =>
  dayIn(timeZone, new Date(now.getTime() + earlyMinutes * 60_000));
