// SPDX-License-Identifier: EUPL-1.2
/**
 * Registration statuses as plain data, apart from the schemas of `registration.ts`: the
 * rules table reads them, so a bundle of `can` + `registrationRules` needs no zod.
 */

/** The statuses in lifecycle order. */
export const REGISTRATION_STATUSES = ['confirmed', 'waitlisted', 'cancelled', 'removed', 'attended', 'absent'] as const;
