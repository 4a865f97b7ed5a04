// SPDX-License-Identifier: EUPL-1.2
/**
 * What leaves the server for anyone to read. Personal data (names, contacts,
 * cancel tokens) lives in registrations and reporter contacts only, and
 * neither ever goes through these functions' outputs.
 */
import type { Observation, WalkSummary } from '@gusp/core';

/** A walk summary: counts by role, seats, the walk itself. No registration. */
export const publicWalkSummary = (s: WalkSummary) => ({
  id: s.walk.id,
  walk: s.walk,
  status: s.status,
  capacity: s.capacity,
  seatsLeft: s.seatsLeft,
  fewSeatsLeft: s.fewSeatsLeft,
  confirmed: s.confirmed,
  waitlisted: s.waitlisted,
  attended: s.attended,
  byRole: s.byRole,
});

/** An observation without its reporter's contact. */
export function publicObservation(o: Observation): Omit<Observation, 'reporter'> {
  const { reporter: _reporter, ...rest } = o;
  return rest;
}
