// SPDX-License-Identifier: EUPL-1.2
import type { CityProfile } from '../city/city-profile.js';
import { findOrganisation, findQuartier, findTheme } from '../city/lookup.js';
import { calendarDay } from '../dates.js';
import { defineRules, type EventOf } from '../rules/define-rules.js';
import type { STAFF_ROLES } from '../registration/registration.js';
import { ENGAGEMENT_STATUSES } from './engagement-status.js';

/** What the engagement guards look at. */
export interface EngagementContext {
  readonly city: CityProfile;
  readonly now: Date;
  readonly quartierId?: string | undefined;
  readonly themeId?: string | undefined;
  readonly organisationId?: string | undefined;
  readonly dueOn?: string | undefined;
  readonly reason?: string | undefined;
  /** The role of who acts, when staff do (`organisation`: a partner organisation's staff or token). */
  readonly actorRole?: (typeof STAFF_ROLES)[number] | undefined;
}

/**
 * The engagement lifecycle: proposed → accepted → in-progress → done → verified;
 * reopen a done or verified one, abandon before it is done, reschedule while it runs.
 * Only city staff verify, never an organisation's (`notAnOrganisation`): the
 * coordinator does, with the walk's participants' answers in view (their answers
 * to « Est-ce réglé ? » are no step of the lifecycle: they count while it is
 * done or verified, see `RESIDENT_ANSWERABLE`).
 * Overdue and due-soon are derived (see `engagementFlags`), never stored.
 */
export const engagementRules = /* @__PURE__ */ defineRules({
  id: 'engagement',
  states: ENGAGEMENT_STATUSES,
  events: ['propose', 'accept', 'start', 'progress', 'complete', 'verify', 'reopen', 'abandon', 'reschedule'],
  on: {
    none: { propose: { target: 'proposed', guard: { and: ['knownQuartier', 'knownThemeIfAny', 'knownOrganisationIfAny'] } } },
    proposed: {
      accept: { target: 'accepted', guard: { and: ['knownOrganisation', 'dueNotPast'] } },
      abandon: { target: 'abandoned', guard: 'reasonGiven' },
    },
    accepted: {
      start: { target: 'in-progress' },
      abandon: { target: 'abandoned', guard: 'reasonGiven' },
      reschedule: { target: 'accepted', guard: { and: ['reasonGiven', 'dueNotPast'] } },
    },
    'in-progress': {
      progress: { target: 'in-progress' },
      complete: { target: 'done' },
      abandon: { target: 'abandoned', guard: 'reasonGiven' },
      reschedule: { target: 'in-progress', guard: { and: ['reasonGiven', 'dueNotPast'] } },
    },
    done: {
      verify: { target: 'verified', guard: 'notAnOrganisation' },
      reopen: { target: 'in-progress', guard: 'reasonGiven' },
    },
    verified: { reopen: { target: 'in-progress', guard: 'reasonGiven' } },
  },
  guards: {
    knownQuartier: {
      code: 'engagement.unknown-quartier',
      check: (c: EngagementContext) => findQuartier(c.city, c.quartierId) !== undefined,
      details: (c: EngagementContext) => ({ quartierId: c.quartierId }),
    },
    knownThemeIfAny: {
      code: 'engagement.unknown-theme',
      check: (c: EngagementContext) => c.themeId === undefined || findTheme(c.city, c.themeId) !== undefined,
      details: (c: EngagementContext) => ({ themeId: c.themeId }),
    },
    knownOrganisationIfAny: {
      code: 'engagement.unknown-organisation',
      check: (c: EngagementContext) => c.organisationId === undefined || findOrganisation(c.city, c.organisationId) !== undefined,
      details: (c: EngagementContext) => ({ organisationId: c.organisationId }),
    },
    knownOrganisation: {
      code: 'engagement.unknown-organisation',
      check: (c: EngagementContext) => findOrganisation(c.city, c.organisationId) !== undefined,
      details: (c: EngagementContext) => ({ organisationId: c.organisationId }),
    },
    dueNotPast: {
      code: 'engagement.due-date-in-past',
      check: (c: EngagementContext) => c.dueOn !== undefined && c.dueOn >= calendarDay(c.now, c.city.timezone),
    },
    notAnOrganisation: {
      code: 'engagement.organisation-cannot-verify',
      check: (c: EngagementContext) => c.actorRole !== 'organisation',
    },
    reasonGiven: { code: 'engagement.reason-required', check: (c: EngagementContext) => (c.reason ?? '').trim() !== '' },
  },
});

export type EngagementEventName = EventOf<typeof engagementRules>;

/** The statuses in which the walk's participants may answer « Est-ce réglé ? »: once done, until reopened. */
export const RESIDENT_ANSWERABLE: readonly (typeof ENGAGEMENT_STATUSES)[number][] = ['done', 'verified'];
