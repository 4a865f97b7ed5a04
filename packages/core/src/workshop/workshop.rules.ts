// SPDX-License-Identifier: EUPL-1.2
import type { CityProfile } from '../city/city-profile.js';
import { instant } from '../dates.js';
import type { STAFF_ROLES } from '../registration/registration.js';
import { defineRules, type EventOf } from '../rules/define-rules.js';
import type { Workshop } from './workshop.js';
import { WORKSHOP_STATUSES } from './workshop-status.js';

/** What the workshop guards look at. */
export interface WorkshopContext {
  readonly city: CityProfile;
  readonly workshop: Workshop;
  readonly now: Date;
  /** The project's status: a workshop is scheduled and published for a project that is not over. */
  readonly projectStatus?: string | undefined;
  /** The new start, for `reschedule`. */
  readonly startsAt?: string | undefined;
  /** The registration deadline a `reschedule` would set. */
  readonly registrationDeadline?: string | undefined;
  /** The reason given, for `cancel`. */
  readonly reason?: string | undefined;
  readonly actorRole?: (typeof STAFF_ROLES)[number] | undefined;
}

/** Project statuses that take no new workshop. */
const PROJECT_OVER: readonly string[] = ['abandoned', 'evaluated'];

/**
 * The workshop lifecycle, the walk's without its compte-rendu: draft → open → closed →
 * in-progress → done; cancel (with a reason) from draft, open or closed; reschedule while open or
 * closed; a draft's details may be edited. A workshop is published once its project is announced
 * (a draft project is not public yet, nor is anything people could sign up to in it); the public
 * lists also leave out the workshops of a project still in draft (see `queries.upcomingWorkshops`).
 * Only city staff run workshops (`notAnOrganisation`).
 */
export const workshopRules = /* @__PURE__ */ defineRules({
  id: 'workshop',
  states: WORKSHOP_STATUSES,
  events: ['schedule', 'editDraft', 'publish', 'closeRegistrations', 'start', 'finish', 'cancel', 'reschedule'],
  on: {
    none: { schedule: { target: 'draft', guard: { and: ['notAnOrganisation', 'projectOngoing'] } } },
    draft: {
      editDraft: { target: 'draft', guard: 'notAnOrganisation' },
      publish: {
        target: 'open',
        guard: { and: ['notAnOrganisation', 'projectOngoing', 'projectAnnounced', 'startsInFuture', 'hasPlace', 'hasCapacity'] },
      },
      cancel: { target: 'cancelled', guard: { and: ['notAnOrganisation', 'reasonGiven'] } },
    },
    open: {
      closeRegistrations: { target: 'closed', guard: 'notAnOrganisation' },
      cancel: { target: 'cancelled', guard: { and: ['notAnOrganisation', 'reasonGiven'] } },
      reschedule: { target: 'open', guard: { and: ['notAnOrganisation', 'startsInFuture', 'deadlineInFuture'] } },
    },
    closed: {
      start: { target: 'in-progress', guard: { and: ['notAnOrganisation', 'notTooEarly'] } },
      cancel: { target: 'cancelled', guard: { and: ['notAnOrganisation', 'reasonGiven'] } },
      reschedule: { target: 'closed', guard: { and: ['notAnOrganisation', 'startsInFuture'] } },
    },
    'in-progress': { finish: { target: 'done', guard: 'notAnOrganisation' } },
  },
  guards: {
    notAnOrganisation: {
      code: 'project.organisation-cannot-change',
      check: (c: WorkshopContext) => c.actorRole !== 'organisation',
    },
    projectOngoing: {
      code: 'workshop.project-over',
      check: (c: WorkshopContext) => c.projectStatus === undefined || !PROJECT_OVER.includes(c.projectStatus),
    },
    projectAnnounced: {
      code: 'workshop.project-not-announced',
      check: (c: WorkshopContext) => c.projectStatus !== 'draft',
    },
    startsInFuture: {
      code: 'workshop.start-in-past',
      check: (c: WorkshopContext) => instant(c.startsAt ?? c.workshop.startsAt) > c.now.getTime(),
    },
    deadlineInFuture: {
      code: 'workshop.deadline-in-past',
      check: (c: WorkshopContext) => c.registrationDeadline === undefined || instant(c.registrationDeadline) > c.now.getTime(),
      details: (c: WorkshopContext) => ({ deadline: c.registrationDeadline }),
    },
    hasPlace: { code: 'workshop.place-required', check: (c: WorkshopContext) => c.workshop.place !== undefined },
    hasCapacity: { code: 'workshop.capacity-required', check: (c: WorkshopContext) => c.workshop.capacity > 0 },
    notTooEarly: {
      code: 'workshop.too-early-to-start',
      check: (c: WorkshopContext) => c.now.getTime() >= instant(c.workshop.startsAt) - c.city.defaults.startEarlyMinutes * 60_000,
      details: (c: WorkshopContext) => ({ minutes: c.city.defaults.startEarlyMinutes }),
    },
    reasonGiven: { code: 'workshop.reason-required', check: (c: WorkshopContext) => (c.reason ?? '').trim().length > 0 },
  },
});

export type WorkshopEventName = EventOf<typeof workshopRules>;
