// SPDX-License-Identifier: EUPL-1.2
/**
 * The .ics file offered after a confirmed sign-up, in a chunk of its own: the
 * core's iCalendar writer (5 kB minified) is fetched only by the person who
 * just signed up, when the network has just answered.
 */
import { toICalendar, type CityProfile } from '@gusp/core';
import { calendarFileName, type WalkSignupData } from './walk-signup-data.js';

/** What the calendar file reads of a city: its name, language, time zone and quartiers. */
type CalendarCity = Pick<CityProfile, 'name' | 'locale' | 'timezone' | 'quartiers'>;

/**
 * The walk as an iCalendar file (RFC 5545), made by the core's `toICalendar`:
 * the city's TZID and VTIMEZONE, the walk's stable UID, the meeting point.
 * Without `city`, the quartier's name and `timezone` stand in for it. With
 * the name the file is downloaded under.
 */
export function walkCalendar(data: WalkSignupData, locale: string): readonly [ics: string, fileName: string] {
  const city: CalendarCity = data.city ?? {
    name: '',
    locale: 'fr',
    timezone: data.timezone ?? 'Europe/Paris',
    quartiers: [{ id: data.walk.quartierId, name: data.quartierName ?? data.walk.quartierId, priority: true }],
  };
  // toICalendar reads no other field of the profile (name, locale, timezone, quartiers).
  return [toICalendar(data.walk, city as CityProfile, { locale }), calendarFileName(data)];
}
