// SPDX-License-Identifier: EUPL-1.2
import { effectiveGatheringStatus } from '../registration/gathering.js';
import type { Walk, WalkStatus } from './walk.js';

/**
 * The walk statuses in lifecycle order, as plain data apart from the schemas of
 * `walk.ts`: the rules table reads them, so `can` + `walkRules` bundle without zod.
 */
export const WALK_STATUSES = ['draft', 'open', 'closed', 'in-progress', 'done', 'reported', 'cancelled'] as const;

/**
 * The status people see: registrations close by themselves at the deadline,
 * so an `open` walk past its deadline is shown (and treated) as `closed`.
 */
export function effectiveWalkStatus(walk: Walk, now: Date): WalkStatus {
  return effectiveGatheringStatus(walk, now);
}
