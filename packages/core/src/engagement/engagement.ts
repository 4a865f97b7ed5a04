// SPDX-License-Identifier: EUPL-1.2
import * as z from 'zod/mini';
import { CalendarDay, DateTime } from '../time.js';
import { EngagementId, ObservationId, OrganisationId, QuartierId, ThemeId, WalkId } from '../ids.js';

export const EngagementStatus = /* @__PURE__ */ z.enum(['proposed', 'accepted', 'in-progress', 'done', 'verified', 'abandoned']);
export type EngagementStatus = z.infer<typeof EngagementStatus>;

/** Statuses in which an engagement can no longer be late. */
export const SETTLED_ENGAGEMENT_STATUSES: readonly EngagementStatus[] = ['done', 'verified', 'abandoned'];

export const MilestoneKind = /* @__PURE__ */ z.enum(['proposed', 'accepted', 'started', 'progressed', 'completed', 'verified', 'reopened', 'abandoned', 'rescheduled']);
export type MilestoneKind = z.infer<typeof MilestoneKind>;

/** A jalon / point d'étape: one entry of an engagement's timeline. */
export const Milestone = /* @__PURE__ */ z.object({
  at: DateTime,
  kind: MilestoneKind,
  note: z.optional(z.string()),
  percent: z.optional(z.int().check(z.gte(0), z.lte(100))),
  dueOn: z.optional(CalendarDay),
  organisationId: z.optional(OrganisationId),
});
export type Milestone = z.infer<typeof Milestone>;

/** An engagement opérationnel: what an organisation promised, by when, and where it stands. */
export const Engagement = /* @__PURE__ */ z.object({
  id: EngagementId,
  title: z.string(),
  description: z.optional(z.string()),
  quartierId: QuartierId,
  themeId: z.optional(ThemeId),
  organisationId: z.optional(OrganisationId),
  walkId: z.optional(WalkId),
  observationIds: z.array(ObservationId),
  dueOn: z.optional(CalendarDay),
  status: EngagementStatus,
  progress: z.int().check(z.gte(0), z.lte(100)),
  milestones: z.array(Milestone),
  proposedAt: DateTime,
  completedAt: z.optional(DateTime),
  updatedAt: DateTime,
});
export type Engagement = z.infer<typeof Engagement>;

const note = /* @__PURE__ */ z.optional(z.string().check(z.trim(), z.maxLength(2000)));
const reason = /* @__PURE__ */ z.string().check(z.trim(), z.maxLength(2000));

export const ProposeEngagementInput = /* @__PURE__ */ z.object({
  title: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
  description: note,
  quartierId: QuartierId,
  themeId: z.optional(ThemeId),
  organisationId: z.optional(OrganisationId),
  walkId: z.optional(WalkId),
  observationIds: z._default(z.array(ObservationId).check(z.maxLength(200)), []),
});
export type ProposeEngagementInput = z.input<typeof ProposeEngagementInput>;
export const AcceptEngagementInput = /* @__PURE__ */ z.object({ organisationId: OrganisationId, dueOn: CalendarDay, note });
export type AcceptEngagementInput = z.input<typeof AcceptEngagementInput>;
export const ProgressEngagementInput = /* @__PURE__ */ z.object({ percent: z.int().check(z.gte(0), z.lte(100)), note });
export type ProgressEngagementInput = z.input<typeof ProgressEngagementInput>;
export const NoteInput = /* @__PURE__ */ z.object({ note });
export const ReasonNoteInput = /* @__PURE__ */ z.object({ reason });
export const RescheduleEngagementInput = /* @__PURE__ */ z.object({ dueOn: CalendarDay, reason });
export type RescheduleEngagementInput = z.input<typeof RescheduleEngagementInput>;
