// SPDX-License-Identifier: EUPL-1.2
import * as z from 'zod/mini';
import { CalendarDay, DateTime } from '../time.js';
import { EngagementId, ObservationId, OrganisationId, ProjectId, QuartierId, ThemeId, WalkId } from '../ids.js';

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

/** What a participant of the walk answers to « Est-ce réglé ? »: Oui, En partie, Non. */
export const RESIDENT_ANSWERS = ['yes', 'partly', 'no'] as const;
export const ResidentAnswer = /* @__PURE__ */ z.enum(RESIDENT_ANSWERS);
export type ResidentAnswer = z.infer<typeof ResidentAnswer>;

const count = /* @__PURE__ */ z.int().check(/* @__PURE__ */ z.gte(0));
/**
 * How many participants of the walk answered each, since the engagement was last completed: one
 * answer per person counts (a changed answer replaces the earlier one). Counts only, never who.
 */
export const ResidentAnswers = /* @__PURE__ */ z.object({ yes: count, partly: count, no: count });
export type ResidentAnswers = z.infer<typeof ResidentAnswers>;

/** An engagement opérationnel: what an organisation promised, by when, and where it stands. */
export const Engagement = /* @__PURE__ */ z.object({
  id: EngagementId,
  title: /* @__PURE__ */ z.string(),
  description: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  quartierId: QuartierId,
  themeId: /* @__PURE__ */ z.optional(ThemeId),
  organisationId: /* @__PURE__ */ z.optional(OrganisationId),
  walkId: /* @__PURE__ */ z.optional(WalkId),
  /** The concerted project it belongs to, if any (as well as, or instead of, a walk). */
  projectId: /* @__PURE__ */ z.optional(ProjectId),
  observationIds: /* @__PURE__ */ z.array(ObservationId),
  dueOn: /* @__PURE__ */ z.optional(CalendarDay),
  status: EngagementStatus,
  progress: /* @__PURE__ */ z.int().check(/* @__PURE__ */ z.gte(0), /* @__PURE__ */ z.lte(100)),
  milestones: /* @__PURE__ */ z.array(Milestone),
  proposedAt: DateTime,
  completedAt: /* @__PURE__ */ z.optional(DateTime),
  updatedAt: DateTime,
  /**
   * The walk's participants' answers to « Est-ce réglé ? » since it was last completed (counts only).
   * Always there on an engagement the core folds; optional so documents of earlier versions still parse.
   */
  residentAnswers: /* @__PURE__ */ z.optional(ResidentAnswers),
  /**
   * `true` when at least one participant answered « Non » (`residentAnswers.no > 0`): residents say it is not
   * settled, the coordinator should look before verifying. Derived from the answers, never set by hand.
   */
  residentsSaidNo: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.boolean()),
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
  /** The concerted project it belongs to (`engagement.unknown-project` when there is none of that id). */
  projectId: /* @__PURE__ */ z.optional(ProjectId),
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
/**
 * A participant's answer, from the personal link of their email (`token`: what the link carries; the core
 * finds whose it is among the walk's participants, and keeps only a digest of it).
 */
export const ResidentAnswerInput = /* @__PURE__ */ z.object({
  token: /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.minLength(16), /* @__PURE__ */ z.maxLength(200)),
  answer: ResidentAnswer,
});
export type ResidentAnswerInput = z.input<typeof ResidentAnswerInput>;
export const RescheduleEngagementInput = /* @__PURE__ */ z.object({ dueOn: CalendarDay, reason });
export type RescheduleEngagementInput = z.input<typeof RescheduleEngagementInput>;
