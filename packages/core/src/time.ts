// SPDX-License-Identifier: EUPL-1.2
/**
 * The schemas of instants and days, apart from the calendar functions of
 * `dates.ts`: a schema-only import must not bring the time-zone machinery.
 */
import * as z from 'zod/mini';

/** An instant, ISO 8601 with an offset: `2026-03-14T09:00:00+01:00` or `…Z`. */
export const DateTime = /* @__PURE__ */ z.iso.datetime({ offset: true });
export type DateTime = z.infer<typeof DateTime>;
/** A calendar day, `YYYY-MM-DD`, read in the city's time zone. */
export const CalendarDay = /* @__PURE__ */ z.iso.date();
export type CalendarDay = z.infer<typeof CalendarDay>;
