// SPDX-License-Identifier: EUPL-1.2
import type { CityProfile, WalkSummary } from '@gusp/core';
import type { WalkSignupData } from '../walk-signup/walk-signup-data.js';

/**
 * What `<gusp-walk-list>` shows: the walks still to come (the core's
 * `WalkSummary`, no personal data), soonest first, and the city profile that
 * names their quartiers and gives their time zone.
 *
 * The API serves it at `GET {endpoint}/walks?upcoming=1` (with
 * `&quartier={id}` for one quartier); a page can also put it in a child
 * `<script type="application/json">` or set the `data` property.
 *
 * @example
 * { "walks": [{ "walk": { "id": "…", "quartierId": "le-plan", "startsAt": "2026-03-14T09:00:00+01:00", … },
 *               "status": "open", "capacity": 25, "seatsLeft": 12, … }],
 *   "city": { "name": "Valence", "timezone": "Europe/Paris", "quartiers": [ … ], … } }
 */
export interface WalkListData {
  readonly walks: readonly WalkSummary[];
  /** The city profile (as `GET {endpoint}/city` or `defineCity` gives it). */
  readonly city?: CityProfile;
}

/** The statuses of a walk still to come that a list shows (a cancellation is news to its registrants). */
const SHOWN: readonly string[] = ['open', 'closed', 'cancelled'];

/**
 * The walks a list with this `quartier` (or none: the whole city) shows,
 * soonest first: those not started yet at `now`, as the API's `upcoming=1`
 * keeps them, so inline data left on a page for months shows no past walk.
 */
export function walksShown(data: WalkListData, quartier: string | undefined, now: Date): WalkSummary[] {
  return data.walks
    .filter((s) => (!quartier || s.walk.quartierId === quartier) && SHOWN.includes(s.status) && Date.parse(s.walk.startsAt) > now.getTime())
    .sort((a, b) => Date.parse(a.walk.startsAt) - Date.parse(b.walk.startsAt));
}

/** What the sign-up form opened from the list is given: the walk's summary with the list's city. */
export const signupDataOf = (summary: WalkSummary, data: WalkListData): WalkSignupData => ({
  ...summary,
  ...(data.city ? { city: data.city } : {}),
});
