// SPDX-License-Identifier: EUPL-1.2
import type { ActorRole, CityProfile, WalkSummary } from '@gusp/core';
import { SignupState, gatheringState, seatsFor } from '../signup/signup-data.js';

export { SignupState, type RegistrationReceipt } from '../signup/signup-data.js';

/**
 * What `<gusp-walk-signup>` shows: the core's `WalkSummary` (no personal
 * data) plus what it needs to know of the city. Give either `city` (the
 * whole profile: quartier name, time zone, privacy notice; later the calendar
 * file) or just `quartierName` (and `timezone` if not Europe/Paris).
 *
 * The API serves it at `GET {endpoint}/walks/{id}`; a page can also put it
 * in a child `<script type="application/json">` or set the `data` property.
 *
 * @example
 * { "walk": { "id": "…", "quartierId": "le-plan", "startsAt": "2026-03-14T09:00:00+01:00", … },
 *   "status": "open", "capacity": 25, "seatsLeft": 12, "fewSeatsLeft": false,
 *   "confirmed": 13, "waitlisted": 0, "attended": 0, "byRole": { … },
 *   "quartierName": "Le Plan" }
 */
export interface WalkSignupData extends WalkSummary {
  /** The city profile (as `GET {endpoint}/city` or `defineCity` gives it). */
  readonly city?: CityProfile;
  /** The quartier's name, when `city` is not given. */
  readonly quartierName?: string;
  /** IANA time zone of the walk, when `city` is not given; Europe/Paris by default. */
  readonly timezone?: string;
  /** Link to the privacy notice, when `city` has none. */
  readonly privacyNoticeUrl?: string;
}

/**
 * Whether people can sign up to the walk now: the core's registration table
 * asked (see {@linkcode gatheringState}), full and few-seats from the counts.
 */
export const signupState = (data: WalkSummary, now: Date): SignupState => gatheringState(data.walk, data, now);

/** Seats left on the walk for a person of `role` (see {@linkcode seatsFor}). */
export const seatsLeftFor = (data: WalkSummary, role: ActorRole): number => seatsFor(data.walk, data, role);

/** A walk moved to another time: every reschedule bumps its `sequence`. */
export const isRescheduled = (data: WalkSummary): boolean => data.walk.sequence > 0;

/**
 * The quartier's calendar feed as a subscription (`webcal:`): the server's
 * link when the data has one (`calendar.feedWebcal`), else the feed under `apiBase`
 * (`{endpoint}/quartiers/{id}/walks.ics`), else none.
 */
export function feedUrl(data: WalkSignupData, apiBase: string | undefined, base: string): string | undefined {
  // The server's `calendar` links (the core's WalkCalendarLinks); a page's inline data may predate them.
  const given = data.calendar?.feedWebcal ?? data.calendar?.feed;
  const url =
    given ?? (apiBase ? new URL(`${apiBase}/quartiers/${encodeURIComponent(data.walk.quartierId)}/walks.ics`, base).href : undefined);
  return url?.replace(/^https?:/i, 'webcal:');
}

/** « diagnostic-le-plan-2026-03-14.ics »: what the downloaded file is called. */
export const calendarFileName = (data: WalkSignupData): string =>
  `diagnostic-${data.walk.quartierId}-${data.walk.startsAt.slice(0, 10)}.ics`;
