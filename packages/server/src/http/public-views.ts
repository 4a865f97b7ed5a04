// SPDX-License-Identifier: EUPL-1.2
/**
 * What leaves the server for anyone to read. Personal data (names, contacts,
 * cancel tokens) lives in registrations and reporter contacts only, and
 * neither ever goes through these functions' outputs.
 */
import type { Observation, WalkSummary } from '@gusp/core';
import { withStoredPhotoUrls, type PhotoLookup } from '../photos.js';

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

/**
 * Observations as every view and export gives them (JSON, GeoJSON, CSV, Open311): without their
 * reporter's contact, photo URLs built from `publicUrl`, and photos erasure, the purge or the orphan
 * sweep deleted left out (`existing`: the photos table; see {@linkcode withStoredPhotoUrls}).
 */
export const publicObservations = (observations: readonly Observation[], publicUrl: string, existing: PhotoLookup | undefined) =>
  withStoredPhotoUrls(observations.map(publicObservation), publicUrl, existing);
