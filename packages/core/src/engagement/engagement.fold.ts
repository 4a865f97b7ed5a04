// SPDX-License-Identifier: EUPL-1.2
import type { EngagementEvent } from '../events.js';
import { targetOf } from '../rules/transition.js';
import { engagementRules, type EngagementEventName } from './engagement.rules.js';
import type { Engagement, Milestone, MilestoneKind } from './engagement.js';

type Change = Exclude<EngagementEvent['type'], 'EngagementProposed'>;

const lifecycleEvent: Record<Change, EngagementEventName> = {
  EngagementAccepted: 'accept',
  EngagementStarted: 'start',
  EngagementProgressed: 'progress',
  EngagementCompleted: 'complete',
  EngagementVerified: 'verify',
  EngagementReopened: 'reopen',
  EngagementAbandoned: 'abandon',
  EngagementRescheduled: 'reschedule',
};

const milestoneKind: Record<Change, MilestoneKind> = {
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

function apply(e: Draft, event: EngagementEvent): void {
  if (event.type === 'EngagementProposed') throw new Error('EngagementProposed can only start a stream');
  e.status = targetOf(engagementRules, e.status, lifecycleEvent[event.type]);
  e.updatedAt = event.at;
  const milestone: { -readonly [K in keyof Milestone]: Milestone[K] } = { at: event.at, kind: milestoneKind[event.type] };
  switch (event.type) {
    case 'EngagementAccepted':
      e.organisationId = event.data.organisationId;
      e.dueOn = milestone.dueOn = event.data.dueOn;
      milestone.organisationId = event.data.organisationId;
      if (event.data.note !== undefined) milestone.note = event.data.note;
      break;
    case 'EngagementProgressed':
      e.progress = milestone.percent = event.data.percent;
      if (event.data.note !== undefined) milestone.note = event.data.note;
      break;
    case 'EngagementCompleted':
      e.progress = 100;
      e.completedAt = event.at;
      if (event.data.note !== undefined) milestone.note = event.data.note;
      break;
    case 'EngagementReopened':
      e.completedAt = undefined;
      milestone.note = event.data.reason;
      break;
    case 'EngagementAbandoned':
      milestone.note = event.data.reason;
      break;
    case 'EngagementRescheduled':
      e.dueOn = milestone.dueOn = event.data.dueOn;
      milestone.note = event.data.reason;
      break;
    case 'EngagementStarted':
    case 'EngagementVerified':
      if (event.data.note !== undefined) milestone.note = event.data.note;
      break;
  }
  e.milestones.push(milestone);
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
    milestones: [{ at: first.at, kind: 'proposed' }],
  };
  for (let i = 1; i < events.length; i++) apply(e, events[i] as EngagementEvent);
  return e;
}

/** Applies events to an existing engagement (a fresh copy is returned). */
export function evolveEngagement(engagement: Engagement, events: readonly EngagementEvent[]): Engagement {
  const e: Draft = { ...engagement, observationIds: [...engagement.observationIds], milestones: [...engagement.milestones] };
  for (const event of events) apply(e, event);
  return e;
}
