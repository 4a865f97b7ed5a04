// SPDX-License-Identifier: EUPL-1.2
import { instant } from '../dates.js';

/**
 * What people sign up to: a walk, or a workshop of a concerted project. The registration rules
 * (`registrationRules`), the seats (`seatsLeft`) and the registration commands
 * (`registrationCommands`) look at these fields only, so both share one implementation.
 *
 * `status` is one of the walk's statuses the registration rules know (`draft`, `open`,
 * `closed`, `in-progress`, …); a workshop's statuses are a subset of them.
 */
export interface Gathering {
  readonly status: string;
  /** Public seats (residents, associations). */
  readonly capacity: number;
  /** Seats for institutional actors; absent means no limit. */
  readonly institutionalSeats?: number | undefined;
  /** When online sign-up closes by itself (ISO 8601 with offset). */
  readonly registrationDeadline: string;
}

/**
 * The status people see: registrations close by themselves at the deadline, so an `open`
 * gathering past its deadline is shown (and treated) as `closed`.
 */
export function effectiveGatheringStatus<S extends string>(
  gathering: { readonly status: S; readonly registrationDeadline: string },
  now: Date,
): S {
  return gathering.status === 'open' && now.getTime() >= instant(gathering.registrationDeadline) ? ('closed' as S) : gathering.status;
}
