// SPDX-License-Identifier: EUPL-1.2
import * as z from 'zod/mini';
import { REPORT_STATUSES } from './report-status.js';
import { ActorRole } from '../actor.js';
import { CalendarDay, DateTime } from '../time.js';
import { EngagementStatus } from '../engagement/engagement.js';
import { EngagementId, ObservationId, OrganisationId, ReportId, StopId, ThemeId, WalkId } from '../ids.js';
import { noControlCharacters } from '../text.js';

export const ReportStatus = /* @__PURE__ */ z.enum(REPORT_STATUSES);
export type ReportStatus = z.infer<typeof ReportStatus>;

const Count = /* @__PURE__ */ z.int().check(/* @__PURE__ */ z.gte(0));

/** A point raised during the walk, as the report quotes it (no personal data). */
export const ReportPoint = /* @__PURE__ */ z.object({
  observationId: ObservationId,
  themeId: ThemeId,
  stopId: /* @__PURE__ */ z.optional(StopId),
  description: /* @__PURE__ */ z.string(),
  place: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
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
  summary: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string().check(/* @__PURE__ */ z.maxLength(20000))),
  participants: /* @__PURE__ */ z.record(ActorRole, Count),
  participantsTotal: Count,
  byStop: /* @__PURE__ */ z.array(
    /* @__PURE__ */ z.object({
      stopId: /* @__PURE__ */ z.optional(StopId),
      label: /* @__PURE__ */ z.string(),
      positive: Count,
      problem: Count,
    }),
  ),
  byTheme: /* @__PURE__ */ z.array(/* @__PURE__ */ z.object({ themeId: ThemeId, positive: Count, problem: Count })),
  positives: /* @__PURE__ */ z.array(ReportPoint),
  problems: /* @__PURE__ */ z.array(ReportPoint),
  engagements: /* @__PURE__ */ z.array(
    /* @__PURE__ */ z.object({
      engagementId: EngagementId,
      title: /* @__PURE__ */ z.string(),
      organisationId: /* @__PURE__ */ z.optional(OrganisationId),
      dueOn: /* @__PURE__ */ z.optional(CalendarDay),
      status: EngagementStatus,
    }),
  ),
  generatedAt: DateTime,
  validatedAt: /* @__PURE__ */ z.optional(DateTime),
  sharedOn: /* @__PURE__ */ z.optional(CalendarDay),
});
export type Report = z.infer<typeof Report>;

export const ValidateReportInput = /* @__PURE__ */ z.object({
  summary: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string().check(noControlCharacters, /* @__PURE__ */ z.maxLength(20000))),
});
export const ShareReportInput = /* @__PURE__ */ z.object({ sharedOn: /* @__PURE__ */ z.optional(CalendarDay) });
