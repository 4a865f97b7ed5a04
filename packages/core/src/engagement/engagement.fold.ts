// SPDX-License-Identifier: EUPL-1.2
import type { EngagementEvent } from '../events.js';
import type { StaffActor } from '../registration/registration.js';
import { firstTargets, targetOf } from '../rules/transition.js';
import { engagementRules, type EngagementEventName } from './engagement.rules.js';
import type { Engagement, EngagementStatus, Milestone, MilestoneActor, MilestoneKind, ResidentAnswer } from './engagement.js';

type Change = Exclude<EngagementEvent['type'], 'EngagementProposed'>;
/** The events that put an entry on the timeline: all but a participant's answer, which only counts. */
type Step = Exclude<Change, 'EngagementResidentAnswered'>;

const lifecycleEvent: Record<Step, EngagementEventName> = {
  EngagementAccepted: 'accept',
  EngagementStarted: 'start',
  EngagementProgressed: 'progress',
  EngagementCompleted: 'complete',
  EngagementVerified: 'verify',
  EngagementReopened: 'reopen',
  EngagementAbandoned: 'abandon',
  EngagementRescheduled: 'reschedule',
};

const milestoneKind: Record<Step, MilestoneKind> = {
  EngagementAccepted: 'accepted',
  EngagementStarted: 'started',
  EngagementProgressed: 'progressed',
  EngagementCompleted: 'completed',
  EngagementVerified: 'verified',
  EngagementReopened: 'reopened',
  EngagementAbandoned: 'abandoned',
  EngagementRescheduled: 'rescheduled',
};

/** Mutable while folding: the fold owns the object it builds, nobody else sees it until it returns. */
type Draft = { -readonly [K in keyof Engagement]: Engagement[K] } & { milestones: Milestone[] };

/**
 * Each participant's current answer (by `voter`, the digest of their link) of the engagements this module
 * folded: what `answer` needs to tell a changed answer from a new one. Kept beside the engagement, never in
 * it: the engagement everyone reads carries counts only.
 */
const votes = new WeakMap<Engagement, ReadonlyMap<string, ResidentAnswer>>();

/**
 * The answer a participant (`voter`) gave since the engagement was last completed, if any; `undefined` too
 * for an engagement this module did not fold (parsed from JSON).
 */
export function residentAnswerOf(engagement: Engagement, voter: string): ResidentAnswer | undefined {
  return votes.get(engagement)?.get(voter);
}

const noAnswers = () => ({ yes: 0, partly: 0, no: 0 });

/** The percent of the last point d'étape (`progressed`), 0 if none: where a reopened engagement stands. */
function lastProgress(milestones: readonly Milestone[]): number {
  for (let i = milestones.length - 1; i >= 0; i--) {
    const m = milestones[i] as Milestone;
    if (m.kind === 'progressed' && m.percent !== undefined) return m.percent;
  }
  return 0;
}

let targets: ReturnType<typeof firstTargets<EngagementStatus, EngagementEventName, string, never>> | undefined;

/** A milestone built in one literal per kind (no property added later: folds stay fast). */
const noted = (at: string, kind: MilestoneKind, note: string | undefined): Milestone =>
  note === undefined ? { at, kind } : { at, kind, note };

/** An event's `by` as everyone may see it: the role and organisation, never the account. */
const shownActor = (by: StaffActor | undefined): MilestoneActor | undefined =>
  by === undefined ? undefined : by.organisationId === undefined ? { role: by.role } : { role: by.role, organisationId: by.organisationId };

/** The milestone with who acted, when the event names someone. */
const withActor = (milestone: Milestone, by: StaffActor | undefined): Milestone => {
  const shown = shownActor(by);
  return shown === undefined ? milestone : { ...milestone, by: shown };
};

function apply(e: Draft, event: EngagementEvent, answers: Map<string, ResidentAnswer>): void {
  if (event.type === 'EngagementProposed') throw new Error('EngagementProposed can only start a stream');
  const at = event.at;
  if (event.type === 'EngagementResidentAnswered') {
    // Counts only; the earlier answer of the same person no longer counts. Not a step of the work: no milestone.
    const { voter, answer, replaces } = event.data;
    const counts = { ...(e.residentAnswers ?? noAnswers()) };
    if (replaces !== undefined && counts[replaces] > 0) counts[replaces]--;
    counts[answer]++;
    e.residentAnswers = counts;
    e.residentsSaidNo = counts.no > 0;
    e.updatedAt = at;
    answers.set(voter, answer);
    return;
  }
  const event_ = lifecycleEvent[event.type];
  e.status = (targets ??= firstTargets(engagementRules))[e.status]?.[event_] ?? targetOf(engagementRules, e.status, event_);
  e.updatedAt = at;
  const kind = milestoneKind[event.type];
  let milestone: Milestone;
  switch (event.type) {
    case 'EngagementAccepted': {
      const { organisationId, dueOn, note } = event.data;
      e.organisationId = organisationId;
      e.dueOn = dueOn;
      milestone = note === undefined ? { at, kind, dueOn, organisationId } : { at, kind, dueOn, organisationId, note };
      break;
    }
    case 'EngagementProgressed': {
      const { percent, note } = event.data;
      e.progress = percent;
      milestone = note === undefined ? { at, kind, percent } : { at, kind, percent, note };
      break;
    }
    case 'EngagementCompleted':
      e.progress = 100;
      e.completedAt = at;
      // Participants are asked again about this completion: earlier answers were about earlier work.
      e.residentAnswers = noAnswers();
      e.residentsSaidNo = false;
      answers.clear();
      milestone = noted(at, kind, event.data.note);
      break;
    case 'EngagementReopened':
      e.completedAt = undefined;
      // Back to where the last point d'étape said it stood (0 % without one), not 100 %.
      e.progress = lastProgress(e.milestones);
      milestone = noted(at, kind, event.data.reason);
      break;
    case 'EngagementAbandoned':
      milestone = noted(at, kind, event.data.reason);
      break;
    case 'EngagementRescheduled':
      e.dueOn = event.data.dueOn;
      milestone = { at, kind, dueOn: event.data.dueOn, note: event.data.reason };
      break;
    case 'EngagementStarted':
    case 'EngagementVerified':
      milestone = noted(at, kind, event.data.note);
      break;
  }
  e.milestones.push(withActor(milestone, event.data.by));
}

/**
 * The state of an engagement stream. Built in one pass over a private draft,
 * so folding is linear in the number of events.
 */
export function foldEngagement(events: readonly EngagementEvent[]): Engagement | undefined {
  const first = events[0];
  if (!first) return undefined;
  if (first.type !== 'EngagementProposed') throw new Error(`Engagement stream must start with EngagementProposed, got ${first.type}`);
  const p = first.data.engagement;
  const e: Draft = {
    ...p,
    status: targetOf(engagementRules, 'none', 'propose'),
    observationIds: [...p.observationIds],
    milestones: [withActor({ at: first.at, kind: 'proposed' }, first.data.by)],
    residentAnswers: noAnswers(),
    residentsSaidNo: false,
  };
  const answers = new Map<string, ResidentAnswer>();
  for (let i = 1; i < events.length; i++) apply(e, events[i] as EngagementEvent, answers);
  votes.set(e, answers);
  return e;
}

/** Applies events to an existing engagement (a fresh copy is returned). */
export function evolveEngagement(engagement: Engagement, events: readonly EngagementEvent[]): Engagement {
  // observationIds is never changed by a fold: shared, like the rest of the immutable state.
  const e: Draft = { ...engagement, milestones: [...engagement.milestones] };
  const answers = new Map(votes.get(engagement));
  for (const event of events) apply(e, event, answers);
  votes.set(e, answers);
  return e;
}
