// SPDX-License-Identifier: EUPL-1.2
import {
  INSTITUTIONAL_ROLES,
  isInstitutional,
  refusalsOf,
  registrationRules,
  type ActorRole,
  type CityProfile,
  type RegistrationStatus,
  type WalkSummary,
} from '@gusp/core';

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
 * What the API answers to a sign-up (`POST {endpoint}/walks/{id}/registrations`,
 * status 201), and what a host page that handles `gusp-register` itself gives
 * back to `showReceipt()`.
 */
export interface RegistrationReceipt {
  readonly registrationId?: string;
  readonly status: Extract<RegistrationStatus, 'confirmed' | 'waitlisted'>;
  /** 1-based place on the waiting list. */
  readonly position?: number | undefined;
  /** A page where the person can cancel (the same link as in the email). */
  readonly cancelUrl?: string;
}

/** What the sign-up element shows, derived from the summary. */
export const SignupState = {
  open: 'open',
  fewSeats: 'few-seats',
  full: 'full',
  closed: 'closed',
  cancelled: 'cancelled',
} as const;
export type SignupState = (typeof SignupState)[keyof typeof SignupState];

/**
 * Whether people can sign up now, asked of the core's registration table
 * (`register` refused as `walk.registration-closed`: the walk is not open, or
 * its deadline has passed) rather than a copy of its guards; full and
 * few-seats come from the summary's counts.
 */
export function signupState(data: WalkSummary, now: Date): SignupState {
  if (data.status === 'cancelled') return SignupState.cancelled;
  const ctx = { walk: { ...data.walk, status: data.status }, registrations: [], now, role: 'resident' as const };
  if (refusalsOf(registrationRules, 'none', 'register', ctx).some((r) => r.code === 'walk.registration-closed')) return SignupState.closed;
  if (data.seatsLeft <= 0) return SignupState.full;
  return data.fewSeatsLeft ? SignupState.fewSeats : SignupState.open;
}

/**
 * Seats left for a person of `role`: public seats for residents and
 * associations (the summary's `seatsLeft`); for institutional actors, the
 * walk's `institutionalSeats` less those they already hold (no limit when the
 * walk sets none), as the core's registration rules count them.
 */
export function seatsLeftFor(data: WalkSummary, role: ActorRole): number {
  if (!isInstitutional(role)) return data.seatsLeft;
  const pool = data.walk.institutionalSeats ?? Number.POSITIVE_INFINITY;
  return Math.max(0, pool - INSTITUTIONAL_ROLES.reduce((n, r) => n + (data.byRole[r] ?? 0), 0));
}

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
