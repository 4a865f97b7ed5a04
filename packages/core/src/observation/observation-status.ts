// SPDX-License-Identifier: EUPL-1.2
/**
 * Observation statuses as plain data, apart from the schemas of `observation.ts`: the
 * rules table reads them, so a bundle of `can` + `observationRules` needs no zod.
 */

/** The statuses in lifecycle order. */
export const OBSERVATION_STATUSES = ['recorded', 'qualified', 'duplicate', 'rejected', 'committed', 'resolved'] as const;
