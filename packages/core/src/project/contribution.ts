// SPDX-License-Identifier: EUPL-1.2
import * as z from 'zod/mini';
import { ContributionId, ProjectId, WorkshopId } from '../ids.js';
import { StaffActor } from '../registration/registration.js';
import { noControlCharacters } from '../text.js';
import { DateTime } from '../time.js';
import { CONTRIBUTION_KINDS, CONTRIBUTION_OUTCOMES } from './project-status.js';

export const ContributionKind = /* @__PURE__ */ z.enum(CONTRIBUTION_KINDS);
export type ContributionKind = z.infer<typeof ContributionKind>;
export const ContributionOutcome = /* @__PURE__ */ z.enum(CONTRIBUTION_OUTCOMES);
export type ContributionOutcome = z.infer<typeof ContributionOutcome>;

const publicText = (max: number) =>
  /* @__PURE__ */ z
    .string()
    .check(/* @__PURE__ */ z.trim(), noControlCharacters, /* @__PURE__ */ z.minLength(1), /* @__PURE__ */ z.maxLength(max));

/**
 * A contribution: what residents decided or asked in a project (« ce que vous avez décidé »),
 * and what was done with it. Public: `text` says what was decided, never who said it.
 */
export const Contribution = /* @__PURE__ */ z.object({
  id: ContributionId,
  projectId: ProjectId,
  /** The workshop it was made in, if any. */
  workshopId: /* @__PURE__ */ z.optional(WorkshopId),
  kind: ContributionKind,
  /** What residents decided or asked, in words (no personal data). */
  text: /* @__PURE__ */ z.string(),
  outcome: ContributionOutcome,
  /** Why it was declined (required then), or a word on why it was adopted or is studied. */
  outcomeReason: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  recordedAt: DateTime,
  /** When its outcome was last decided. */
  decidedAt: /* @__PURE__ */ z.optional(DateTime),
  /** Who recorded or last decided it (staff only: public outputs leave it out). */
  by: /* @__PURE__ */ z.optional(StaffActor),
});
export type Contribution = z.infer<typeof Contribution>;

/** What a coordinator records after a workshop. */
export const RecordContributionInput = /* @__PURE__ */ z.object({
  workshopId: /* @__PURE__ */ z.optional(WorkshopId),
  kind: /* @__PURE__ */ z._default(ContributionKind, 'decision'),
  text: publicText(2000),
});
export type RecordContributionInput = z.input<typeof RecordContributionInput>;

/** What was done with a contribution; `reason` is required to decline (`contribution.reason-required`). */
export const DecideContributionInput = /* @__PURE__ */ z.object({
  outcome: /* @__PURE__ */ z.enum(['adopted', 'studied', 'declined']),
  reason: /* @__PURE__ */ z.optional(
    /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.trim(), noControlCharacters, /* @__PURE__ */ z.maxLength(2000)),
  ),
});
export type DecideContributionInput = z.input<typeof DecideContributionInput>;
