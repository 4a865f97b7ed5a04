// SPDX-License-Identifier: EUPL-1.2
import type { CityProfile } from '../city/city-profile.js';
import { findQuartier } from '../city/lookup.js';
import { instant } from '../dates.js';
import type { Report } from '../report/report.js';
import { defineRules, type EventOf } from '../rules/define-rules.js';
import type { Walk } from './walk.js';
import { WALK_STATUSES } from './walk.status.js';

/** What the walk guards look at. */
export interface WalkContext {
  readonly city: CityProfile;
  readonly walk: Walk;
  readonly now: Date;
  /** The new start, for `reschedule`. */
  readonly startsAt?: string;
  /** The registration deadline a `reschedule` would set (given, or the city's default before the new start). */
  readonly registrationDeadline?: string;
  /** The reason given, for `cancel`. */
  readonly reason?: string;
  readonly report?: Report;
}

/**
 * The walk lifecycle: draft → open → closed → in-progress → done → reported;
 * cancel from draft, open or closed; reschedule keeps the state; a draft's details may be edited.
 */
export const walkRules = /* @__PURE__ */ defineRules({
  id: 'walk',
  states: WALK_STATUSES,
  events: ['schedule', 'editDraft', 'publish', 'closeRegistrations', 'start', 'finish', 'cancel', 'reschedule', 'shareReport'],
  on: {
    none: { schedule: { target: 'draft', guard: 'knownQuartier' } },
    draft: {
      // Its details set again (quartier, date, route…): still a draft, the new quartier a known one.
      editDraft: { target: 'draft', guard: 'knownQuartier' },
      publish: { target: 'open', guard: { and: ['knownQuartier', 'startsInFuture', 'hasMeetingPoint', 'hasCapacity'] } },
      cancel: { target: 'cancelled', guard: 'reasonGiven' },
    },
    open: {
      closeRegistrations: { target: 'closed' },
      cancel: { target: 'cancelled', guard: 'reasonGiven' },
      // An open walk must stay open to sign-ups: a deadline already past would close it without anyone saying so.
      reschedule: { target: 'open', guard: { and: ['startsInFuture', 'deadlineInFuture'] } },
    },
    closed: {
      start: { target: 'in-progress', guard: 'notTooEarly' },
      cancel: { target: 'cancelled', guard: 'reasonGiven' },
      reschedule: { target: 'closed', guard: 'startsInFuture' },
    },
    'in-progress': { finish: { target: 'done' } },
    done: { shareReport: { target: 'reported', guard: 'reportValidated' } },
  },
  guards: {
    knownQuartier: {
      code: 'walk.unknown-quartier',
      check: (c: WalkContext) => findQuartier(c.city, c.walk.quartierId) !== undefined,
      details: (c: WalkContext) => ({ quartierId: c.walk.quartierId }),
    },
    startsInFuture: { code: 'walk.start-in-past', check: (c: WalkContext) => instant(c.startsAt ?? c.walk.startsAt) > c.now.getTime() },
    deadlineInFuture: {
      code: 'walk.deadline-in-past',
      check: (c: WalkContext) => c.registrationDeadline === undefined || instant(c.registrationDeadline) > c.now.getTime(),
      details: (c: WalkContext) => ({ deadline: c.registrationDeadline }),
    },
    hasMeetingPoint: { code: 'walk.meeting-point-required', check: (c: WalkContext) => c.walk.meetingPoint !== undefined },
    hasCapacity: { code: 'walk.capacity-required', check: (c: WalkContext) => c.walk.capacity > 0 },
    notTooEarly: {
      code: 'walk.too-early-to-start',
      check: (c: WalkContext) => c.now.getTime() >= instant(c.walk.startsAt) - c.city.defaults.startEarlyMinutes * 60_000,
      details: (c: WalkContext) => ({ minutes: c.city.defaults.startEarlyMinutes }),
    },
    reasonGiven: { code: 'walk.reason-required', check: (c: WalkContext) => (c.reason ?? '').trim().length > 0 },
    reportValidated: { code: 'report.invalid-transition', check: (c: WalkContext) => c.report?.status === 'validated' },
  },
});

export type WalkEventName = EventOf<typeof walkRules>;
