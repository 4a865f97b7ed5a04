// SPDX-License-Identifier: EUPL-1.2
import * as z from 'zod/mini';
import { CalendarDay, DateTime } from '../time.js';
import { EngagementId, ObservationId, OrganisationId, QuartierId, ThemeId, WalkId } from '../ids.js';

import { ENGAGEMENT_STATUSES } from './engagement-status.js';
import { noControlCharacters } from '../text.js';
import { STAFF_ROLES } from '../registration/registration.js';

export const EngagementStatus = /* @__PURE__ */ z.enum(ENGAGEMENT_STATUSES);
export type EngagementStatus = z.infer<typeof EngagementStatus>;

export const MilestoneKind = /* @__PURE__ */ z.enum([
  'proposed',
  'accepted',
  'started',
  'progressed',
  'completed',
  'verified',
  'reopened',
  'abandoned',
  'rescheduled',
]);
export type MilestoneKind = z.infer<typeof MilestoneKind>;

/**
 * Who acted, as a timeline shows it to everyone: the staff role and, for an organisation's staff, the
 * organisation — never the account (the event's `by` keeps it, for staff only). « OPH », « Ville — coordination »:
 * see {@linkcode milestoneActorLabel}.
 */
export const MilestoneActor = /* @__PURE__ */ z.object({
  role: /* @__PURE__ */ z.enum(STAFF_ROLES),
  organisationId: /* @__PURE__ */ z.optional(OrganisationId),
});
export type MilestoneActor = z.infer<typeof MilestoneActor>;

/** A jalon / point d'étape: one entry of an engagement's timeline. */
export const Milestone = /* @__PURE__ */ z.object({
  at: DateTime,
  kind: MilestoneKind,
  /** Who acted (role and organisation), when staff did and the journal says so. */
  by: /* @__PURE__ */ z.optional(MilestoneActor),
  note: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  percent: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.int().check(/* @__PURE__ */ z.gte(0), /* @__PURE__ */ z.lte(100))),
  dueOn: /* @__PURE__ */ z.optional(CalendarDay),
  organisationId: /* @__PURE__ */ z.optional(OrganisationId),
});
export type Milestone = z.infer<typeof Milestone>;

/** An engagement opérationnel: what an organisation promised, by when, and where it stands. */
export const Engagement = /* @__PURE__ */ z.object({
  id: EngagementId,
  title: /* @__PURE__ */ z.string(),
  description: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  quartierId: QuartierId,
  themeId: /* @__PURE__ */ z.optional(ThemeId),
  organisationId: /* @__PURE__ */ z.optional(OrganisationId),
  walkId: /* @__PURE__ */ z.optional(WalkId),
  observationIds: /* @__PURE__ */ z.array(ObservationId),
  dueOn: /* @__PURE__ */ z.optional(CalendarDay),
  status: EngagementStatus,
  progress: /* @__PURE__ */ z.int().check(/* @__PURE__ */ z.gte(0), /* @__PURE__ */ z.lte(100)),
  milestones: /* @__PURE__ */ z.array(Milestone),
  proposedAt: DateTime,
  completedAt: /* @__PURE__ */ z.optional(DateTime),
  updatedAt: DateTime,
});
export type Engagement = z.infer<typeof Engagement>;

const note = /* @__PURE__ */ z.optional(
  /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.trim(), noControlCharacters, /* @__PURE__ */ z.maxLength(2000)),
);
const reason = /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.trim(), noControlCharacters, /* @__PURE__ */ z.maxLength(2000));

export const ProposeEngagementInput = /* @__PURE__ */ z.object({
  title: /* @__PURE__ */ z
    .string()
    .check(/* @__PURE__ */ z.trim(), noControlCharacters, /* @__PURE__ */ z.minLength(1), /* @__PURE__ */ z.maxLength(200)),
  description: note,
  quartierId: QuartierId,
  themeId: /* @__PURE__ */ z.optional(ThemeId),
  organisationId: /* @__PURE__ */ z.optional(OrganisationId),
  walkId: /* @__PURE__ */ z.optional(WalkId),
  observationIds: /* @__PURE__ */ z._default(/* @__PURE__ */ z.array(ObservationId).check(/* @__PURE__ */ z.maxLength(200)), []),
});
export type ProposeEngagementInput = z.input<typeof ProposeEngagementInput>;
export const AcceptEngagementInput = /* @__PURE__ */ z.object({ organisationId: OrganisationId, dueOn: CalendarDay, note });
export type AcceptEngagementInput = z.input<typeof AcceptEngagementInput>;
export const ProgressEngagementInput = /* @__PURE__ */ z.object({
  percent: /* @__PURE__ */ z.int().check(/* @__PURE__ */ z.gte(0), /* @__PURE__ */ z.lte(100)),
  note,
});
export type ProgressEngagementInput = z.input<typeof ProgressEngagementInput>;
export const NoteInput = /* @__PURE__ */ z.object({ note });
export type NoteInput = z.input<typeof NoteInput>;
export const ReasonNoteInput = /* @__PURE__ */ z.object({ reason });
export type ReasonNoteInput = z.input<typeof ReasonNoteInput>;
export const RescheduleEngagementInput = /* @__PURE__ */ z.object({ dueOn: CalendarDay, reason });
export type RescheduleEngagementInput = z.input<typeof RescheduleEngagementInput>;
