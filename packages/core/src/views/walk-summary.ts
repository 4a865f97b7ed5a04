// SPDX-License-Identifier: EUPL-1.2
import { ACTOR_ROLES, type ActorRole } from '../actor.js';
import { instant } from '../dates.js';
import type { Gathering } from '../registration/gathering.js';
import type { RegistrationFields } from '../registration/registration.js';
import { seatsLeft } from '../registration/registration.rules.js';
import type { WalkAggregate } from '../walk/walk.fold.js';
import { effectiveWalkStatus } from '../walk/walk.status.js';
import type { Walk, WalkStatus } from '../walk/walk.js';

/** What a sign-up page and a coordinator see of a walk: its {@linkcode WalkCounts} and what depends on the time. No personal data. */
export interface WalkSummary extends WalkCounts {
  readonly walk: Walk;
  /** Status as people see it (closed once the deadline passed). */
  readonly status: WalkStatus;
  readonly capacity: number;
  /** Where the walk's page and calendars are: set by a server that serves them (`GET /api/walks/{id}`), absent otherwise. */
  readonly calendar?: WalkCalendarLinks | undefined;
}

/**
 * A walk's page and calendar links, absolute, built from the server's public
 * URL (never from a request's Host). `webcal:` is the same address with the
 * scheme calendar apps open as a subscription: the app polls it, so a
 * reschedule or a cancellation reaches the event already in the calendar.
 *
 * @example
 * { "page": "https://gusp.ville.fr/marches/V1StGXR8_Z5jdHi6B-myT",
 *   "ics": "https://gusp.ville.fr/api/walks/V1StGXR8_Z5jdHi6B-myT/calendar.ics",
 *   "webcal": "webcal://gusp.ville.fr/api/walks/V1StGXR8_Z5jdHi6B-myT/calendar.ics",
 *   "feed": "https://gusp.ville.fr/api/quartiers/le-plan/walks.ics",
 *   "feedWebcal": "webcal://gusp.ville.fr/api/quartiers/le-plan/walks.ics" }
 */
export interface WalkCalendarLinks {
  /** The walk's page, for people (also the events' `URL`). */
  readonly page: string;
  /** This walk alone, one VEVENT: « Ajouter à mon agenda ». */
  readonly ics: string;
  /** `ics` as a subscription. */
  readonly webcal: string;
  /** Every public walk of the walk's quartier: « S'abonner aux diagnostics du quartier ». */
  readonly feed: string;
  /** `feed` as a subscription. */
  readonly feedWebcal: string;
}

/**
 * What a walk's registrations add up to, without anyone in them: the counts a
 * {@linkcode WalkSummary} shows that do not depend on the time of the request.
 * A read model stores these beside the walk (never the registrations) and
 * gives them to {@linkcode walkSummaryFromCounts}.
 */
export interface WalkCounts {
  /** Public seats left. */
  readonly seatsLeft: number;
  /** True when seats are few (≤ 20 % of capacity, at most 5) but not none. */
  readonly fewSeatsLeft: boolean;
  readonly confirmed: number;
  readonly waitlisted: number;
  readonly attended: number;
  /** Confirmed or attended, by role. */
  readonly byRole: Readonly<Record<ActorRole, number>>;
}

/** The counts of a walk's registrations (see {@linkcode WalkCounts}). */
export function walkCounts(agg: WalkAggregate): WalkCounts {
  return gatheringCounts(agg.walk, agg.registrations);
}

/** The counts of the registrations of anything people sign up to, a walk or a workshop (see {@linkcode WalkCounts}). */
export function gatheringCounts(gathering: Gathering, registrations: readonly RegistrationFields[]): WalkCounts {
  const byRole = Object.fromEntries(ACTOR_ROLES.map((r) => [r, 0])) as Record<ActorRole, number>;
  let confirmed = 0;
  let waitlisted = 0;
  let attended = 0;
  for (const r of registrations) {
    if (r.status === 'confirmed') confirmed++;
    if (r.status === 'waitlisted') waitlisted++;
    if (r.status === 'attended') attended++;
    if (r.status === 'confirmed' || r.status === 'attended') byRole[r.role]++;
  }
  const left = seatsLeft(gathering, registrations, 'resident');
  const threshold = Math.min(5, Math.ceil(gathering.capacity * 0.2));
  return { seatsLeft: left, fewSeatsLeft: left > 0 && left <= threshold, confirmed, waitlisted, attended, byRole };
}

/** A walk's summary at `now` from its stored {@linkcode walkCounts}: the same as {@linkcode walkSummary} of its aggregate. */
export function walkSummaryFromCounts(walk: Walk, counts: WalkCounts, now: Date): WalkSummary {
  return {
    walk,
    status: effectiveWalkStatus(walk, now),
    capacity: walk.capacity,
    seatsLeft: counts.seatsLeft,
    fewSeatsLeft: counts.fewSeatsLeft,
    confirmed: counts.confirmed,
    waitlisted: counts.waitlisted,
    attended: counts.attended,
    byRole: counts.byRole,
  };
}

/** What a sign-up page and a coordinator see of a walk at `now`. */
export function walkSummary(agg: WalkAggregate, now: Date): WalkSummary {
  return walkSummaryFromCounts(agg.walk, walkCounts(agg), now);
}

/** The next walk of each quartier that has one (not cancelled, not yet started), soonest first. */
export function nextWalks(walks: readonly Walk[], now: Date): Walk[] {
  const next = new Map<string, Walk>();
  for (const w of walks) {
    if (w.status === 'cancelled' || w.status === 'draft' || instant(w.startsAt) < now.getTime()) continue;
    const current = next.get(w.quartierId);
    if (!current || instant(w.startsAt) < instant(current.startsAt)) next.set(w.quartierId, w);
  }
  return [...next.values()].sort((a, b) => instant(a.startsAt) - instant(b.startsAt));
}
