// SPDX-License-Identifier: EUPL-1.2
import { instant } from '../dates.js';
import type { Walk, WalkStatus } from './walk.js';

/**
 * The status people see: registrations close by themselves at the deadline,
 * so an `open` walk past its deadline is shown (and treated) as `closed`.
 */
export function effectiveWalkStatus(walk: Walk, now: Date): WalkStatus {
  return walk.status === 'open' && now.getTime() >= instant(walk.registrationDeadline) ? 'closed' : walk.status;
}
