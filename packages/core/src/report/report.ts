// SPDX-License-Identifier: EUPL-1.2
import * as z from 'zod/mini';
import { ActorRole } from '../actor.js';
import { CalendarDay, DateTime } from '../time.js';
import { EngagementStatus } from '../engagement/engagement.js';
import { EngagementId, ObservationId, OrganisationId, ReportId, StopId, ThemeId, WalkId } from '../ids.js';

export const ReportStatus = /* @__PURE__ */ z.enum(['draft', 'validated', 'shared']);
export type ReportStatus = z.infer<typeof ReportStatus>;

const Count = /* @__PURE__ */ z.int().check(z.gte(0));

/** A point raised during the walk, as the report quotes it (no personal data). */
export const ReportPoint = /* @__PURE__ */ z.object({
  observationId: ObservationId,
  themeId: ThemeId,
  stopId: z.optional(StopId),
  description: z.string(),
  place: z.optional(z.string()),
});
export type ReportPoint = z.infer<typeof ReportPoint>;

/**
 * The compte-rendu of a walk: generated from the walk (participants by role,
 * observations by stop and theme, positive points, proposed engagements),
 * then validated and shared with every participant. Anonymous by construction.
 */
export const Report = /* @__PURE__ */ z.object({
  id: ReportId,
  walkId: WalkId,
  status: ReportStatus,
  summary: z.optional(z.string().check(z.maxLength(20000))),
  participants: z.record(ActorRole, Count),
  participantsTotal: Count,
  byStop: z.array(z.object({ stopId: z.optional(StopId), label: z.string(), positive: Count, problem: Count })),
  byTheme: z.array(z.object({ themeId: ThemeId, positive: Count, problem: Count })),
  positives: z.array(ReportPoint),
  problems: z.array(ReportPoint),
  engagements: z.array(
    z.object({
      engagementId: EngagementId,
      title: z.string(),
      organisationId: z.optional(OrganisationId),
      dueOn: z.optional(CalendarDay),
      status: EngagementStatus,
    }),
  ),
  generatedAt: DateTime,
  validatedAt: z.optional(DateTime),
  sharedOn: z.optional(CalendarDay),
});
export type Report = z.infer<typeof Report>;

export const ValidateReportInput = /* @__PURE__ */ z.object({ summary: z.optional(z.string().check(z.maxLength(20000))) });
export const ShareReportInput = /* @__PURE__ */ z.object({ sharedOn: z.optional(CalendarDay) });
