// SPDX-License-Identifier: EUPL-1.2
/**
 * The .ics file offered after a confirmed sign-up to a workshop, in a chunk
 * of its own (as the walk's): the core's iCalendar writer, fetched only by the
 * person who just signed up.
 */
import { workshopToICalendar, type CityProfile } from '@gusp/core';
import type { WorkshopSignupData } from './project-data.js';

/** What the calendar file reads of a city: its name, language, time zone and quartiers. */
type CalendarCity = Pick<CityProfile, 'name' | 'locale' | 'timezone' | 'quartiers'>;

/**
 * The workshop as an iCalendar file (RFC 5545), made by the core's
 * `workshopToICalendar`: its stable UID (`workshop-{id}@gusp`, so re-importing
 * the file updates the event), TZID and VTIMEZONE, place, kind and project;
 * downloaded as « atelier-2099-03-21.ics ».
 */
export function workshopCalendar(data: WorkshopSignupData, locale: string): readonly [ics: string, fileName: string] {
  const w = data.workshop;
  const city: CalendarCity = { name: '', locale: 'fr', timezone: data.timezone ?? 'Europe/Paris', quartiers: [] };
  // workshopToICalendar reads no other field of the profile (name, locale, timezone, quartiers).
  const ics = workshopToICalendar(w, city as CityProfile, {
    locale,
    ...(data.projectTitle ? { projectTitle: data.projectTitle } : {}),
    ...(data.calendar?.page ? { url: data.calendar.page } : {}),
  });
  return [ics, `atelier-${w.startsAt.slice(0, 10)}.ics`];
}
