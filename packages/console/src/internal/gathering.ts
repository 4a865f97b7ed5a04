// SPDX-License-Identifier: EUPL-1.2
/**
 * What the registrations and day screens need of a walk or a workshop of a concerted project: both
 * take sign-ups under the same registration rules (the core's `Gathering`), through the same routes
 * under their own base (`/walks/:id/…`, `/workshops/:id/…`). Only the API path and the words differ.
 */
import type { Walk, WalkSummary, Workshop, WorkshopSummary } from '@gusp/core';
import type { GatheringKind } from '../app/routes.js';

export type { GatheringKind } from '../app/routes.js';

/** A walk's summary or a workshop's, as `GET /api/walks/:id` and `GET /api/workshops/:id` answer it (without `city`). */
export type GatheringSummary = WalkSummary | WorkshopSummary;

/** The walk or the workshop of a summary. */
export const gatheringOf = (summary: GatheringSummary): Walk | Workshop => ('walk' in summary ? summary.walk : summary.workshop);

/** Which kind a summary is of. */
export const kindOf = (summary: GatheringSummary): GatheringKind => ('walk' in summary ? 'walk' : 'workshop');

/** `/walks/<id>` or `/workshops/<id>`, then `suffix`: where the gathering's routes are. */
export const gatheringPath = (kind: GatheringKind | undefined, id: string, suffix = ''): string =>
  `/${kind === 'workshop' ? 'workshops' : 'walks'}/${encodeURIComponent(id)}${suffix}`;

/** Where people meet: a walk's meeting point (else its first stop), a workshop's place. */
export function meetingOf(g: Walk | Workshop): { readonly label: string } | undefined {
  return 'stops' in g ? (g.meetingPoint ?? g.stops[0]) : g.place;
}

/** A screen's texts with the workshop's words over the walk's, for a workshop. */
export function wordsFor<T extends object, W extends Partial<T>>(kind: GatheringKind | undefined, texts: T, workshop: W): T {
  return kind === 'workshop' ? { ...texts, ...workshop } : texts;
}
