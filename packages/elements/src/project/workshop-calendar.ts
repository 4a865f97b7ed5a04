// SPDX-License-Identifier: EUPL-1.2
/**
 * The .ics file offered after a confirmed sign-up to a workshop, in a chunk
 * of its own (as the walk's): the core's iCalendar writer, fetched only by the
 * person who just signed up.
 */
import { toICalendar, type CityProfile, type Walk } from '@gusp/core';
import type { WorkshopSignupData } from './project-data.js';

/**
 * The workshop as an iCalendar file (RFC 5545): the core's `toICalendar`
 * (TZID and VTIMEZONE of the time zone, SEQUENCE, STATUS) given the workshop
 * in the walk's shape it reads — title, start, duration, place — and the
 * workshop's own stable UID (`workshop-{id}@gusp`), so re-importing the file
 * updates the event, and it never collides with a walk's; downloaded as
 * « atelier-2099-03-21.ics ».
 */
export function workshopCalendar(data: WorkshopSignupData, locale: string): readonly [ics: string, fileName: string] {
  const w = data.workshop;
  const city = { name: '', locale: 'fr', timezone: data.timezone ?? 'Europe/Paris', quartiers: [] } as unknown as CityProfile;
  const walk = { ...w, title: w.title, stops: [], ...(w.place ? { meetingPoint: w.place } : {}) } as unknown as Walk;
  const ics = toICalendar(walk, city, { locale }).replace(`UID:walk-${w.id}@gusp`, `UID:workshop-${w.id}@gusp`);
  return [ics, `atelier-${w.startsAt.slice(0, 10)}.ics`];
}
