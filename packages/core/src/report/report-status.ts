// SPDX-License-Identifier: EUPL-1.2
/**
 * Report statuses as plain data, apart from the schemas of `report.ts`: the
 * rules table reads them, so a bundle of `can` + `reportRules` needs no zod.
 */

/** The statuses in lifecycle order. */
export const REPORT_STATUSES = ['draft', 'validated', 'shared'] as const;
