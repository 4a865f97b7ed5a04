// SPDX-License-Identifier: EUPL-1.2
import { effectiveGatheringStatus } from '../registration/gathering.js';

/**
 * A workshop's statuses in lifecycle order, as plain data apart from the schemas of `workshop.ts`:
 * a subset of the walk's (no `reported`), so the shared registration rules apply unchanged.
 */
export const WORKSHOP_STATUSES = ['draft', 'open', 'closed', 'in-progress', 'done', 'cancelled'] as const;
export type WorkshopStatusName = (typeof WORKSHOP_STATUSES)[number];

/** What kind of meeting: a learning workshop (atelier d'apprentissage), a consultation, a site visit, a restitution. */
export const WORKSHOP_KINDS = ['learning', 'consultation', 'site-visit', 'restitution'] as const;

/**
 * The status people see: registrations close by themselves at the deadline, so an `open`
 * workshop past its deadline is shown (and treated) as `closed`.
 */
export function effectiveWorkshopStatus(
  workshop: { readonly status: WorkshopStatusName; readonly registrationDeadline: string },
  now: Date,
): WorkshopStatusName {
  return effectiveGatheringStatus(workshop, now);
}
