// SPDX-License-Identifier: EUPL-1.2
/**
 * Engagement statuses as plain data, apart from the schemas of `engagement.ts`:
 * a view that only lists or compares statuses (the tracker) needs no zod.
 */

/** The statuses in lifecycle order. */
export const ENGAGEMENT_STATUSES = ['proposed', 'accepted', 'in-progress', 'done', 'verified', 'abandoned'] as const;

/** Statuses in which an engagement can no longer be late. */
export const SETTLED_ENGAGEMENT_STATUSES: readonly (typeof ENGAGEMENT_STATUSES)[number][] = ['done', 'verified', 'abandoned'];
