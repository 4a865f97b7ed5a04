// SPDX-License-Identifier: EUPL-1.2
import {
  INSTITUTIONAL_ROLES,
  isInstitutional,
  refusalsOf,
  registrationRules,
  type ActorRole,
  type RegistrationContext,
  type RegistrationStatus,
} from '@gusp/core';

/** What the core's registration rules read of a walk or workshop (its `Gathering`). */
export type Gathering = RegistrationContext['gathering'];

/**
 * What a sign-up shows of the walk or workshop (a *gathering*) it signs up
 * to: the core's `Gathering` (what the registration rules read) and what the
 * card says of it. A walk's and a workshop's own fields have these names.
 */
export interface SignupGathering extends Gathering {
  readonly id: string;
  readonly title?: string | undefined;
  readonly startsAt: string;
  readonly durationMinutes: number;
  /** Bumped by each reschedule: a walk or workshop moved to another time. */
  readonly sequence?: number | undefined;
  readonly cancelReason?: string | undefined;
}

/** The counts of a gathering's summary (the core's `WalkSummary`, `WorkshopSummary`): no personal data. */
export interface SignupCounts {
  /** Status as people see it (closed once the deadline passed). */
  readonly status: string;
  /** Public seats left. */
  readonly seatsLeft: number;
  readonly fewSeatsLeft: boolean;
  /** Confirmed or attended, by role. */
  readonly byRole: Readonly<Partial<Record<ActorRole, number>>>;
}

/**
 * What the API answers to a sign-up (`POST {endpoint}/walks/{id}/registrations`
 * or `…/workshops/{id}/registrations`, status 201), and what a host page that
 * handles `gusp-register` itself gives back to `showReceipt()`.
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
 * (`register` refused as `walk.registration-closed`: the gathering is not
 * open, or its deadline has passed) rather than a copy of its guards; full
 * and few-seats come from the summary's counts.
 */
export function gatheringState(gathering: Gathering, counts: SignupCounts, now: Date): SignupState {
  if (counts.status === 'cancelled') return SignupState.cancelled;
  const ctx = { gathering: { ...gathering, status: counts.status }, registrations: [], now, role: 'resident' as const };
  if (refusalsOf(registrationRules, 'none', 'register', ctx).some((r) => r.code === 'walk.registration-closed')) return SignupState.closed;
  if (counts.seatsLeft <= 0) return SignupState.full;
  return counts.fewSeatsLeft ? SignupState.fewSeats : SignupState.open;
}

/**
 * Seats left for a person of `role`: public seats for residents and
 * associations (the summary's `seatsLeft`); for institutional actors, the
 * gathering's `institutionalSeats` less those they already hold (no limit
 * when it sets none), as the core's registration rules count them.
 */
export function seatsFor(gathering: Gathering, counts: SignupCounts, role: ActorRole): number {
  if (!isInstitutional(role)) return counts.seatsLeft;
  const pool = gathering.institutionalSeats ?? Number.POSITIVE_INFINITY;
  return Math.max(0, pool - INSTITUTIONAL_ROLES.reduce((n, r) => n + (counts.byRole[r] ?? 0), 0));
}
