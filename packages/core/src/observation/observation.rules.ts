// SPDX-License-Identifier: EUPL-1.2
import type { CityProfile } from '../city/city-profile.js';
import { findOrganisation, findQuartier, findTheme } from '../city/lookup.js';
import { instant } from '../dates.js';
import { defineRules, type EventOf } from '../rules/define-rules.js';
import type { Walk } from '../walk/walk.js';
import { OBSERVATION_STATUSES } from './observation-status.js';
import type { ObservationSource } from './observation.js';

/** What the observation guards look at. */
export interface ObservationContext {
  readonly city: CityProfile;
  readonly now: Date;
  /** For `record`. */
  readonly quartierId?: string | undefined;
  readonly themeId?: string | undefined;
  readonly source?: ObservationSource;
  readonly walk?: Walk | undefined;
  readonly stopId?: string | undefined;
  readonly hasPoint?: boolean;
  readonly address?: string | undefined;
  /** Contact details given (email or phone) and whether consent came with them. */
  readonly contactGiven?: boolean;
  readonly contactConsent?: boolean;
  /** For `qualify`. */
  readonly organisationId?: string | undefined;
  /** For `markDuplicate`. */
  readonly id?: string;
  readonly duplicateOf?: string;
  /** For `reject`. */
  readonly reason?: string;
}

const walkEnd = (walk: Walk): number =>
  walk.finishedAt ? instant(walk.finishedAt) : instant(walk.startsAt) + walk.durationMinutes * 60_000;

/**
 * The observation lifecycle: recorded → qualified → committed → resolved, or
 * duplicate / rejected. Recording checks the city's references, a location in
 * at least one form, and the walk's window.
 */
export const observationRules = /* @__PURE__ */ defineRules({
  id: 'observation',
  states: OBSERVATION_STATUSES,
  events: ['record', 'qualify', 'markDuplicate', 'reject', 'commit', 'resolve'],
  on: {
    none: {
      record: {
        target: 'recorded',
        guard: { and: ['quartierGiven', 'knownQuartier', 'knownTheme', 'located', 'stopOnRoute', 'withinWalkWindow', 'contactConsent'] },
      },
    },
    recorded: {
      qualify: { target: 'qualified', guard: 'knownOrganisation' },
      markDuplicate: { target: 'duplicate', guard: 'notItself' },
      reject: { target: 'rejected', guard: 'reasonGiven' },
    },
    qualified: { commit: { target: 'committed' }, resolve: { target: 'resolved' } },
    committed: { resolve: { target: 'resolved' } },
  },
  guards: {
    quartierGiven: { code: 'observation.quartier-required', check: (c: ObservationContext) => c.quartierId !== undefined },
    knownQuartier: {
      code: 'observation.unknown-quartier',
      check: (c: ObservationContext) => findQuartier(c.city, c.quartierId) !== undefined,
      details: (c: ObservationContext) => ({ quartierId: c.quartierId }),
    },
    knownTheme: {
      code: 'observation.unknown-theme',
      check: (c: ObservationContext) => findTheme(c.city, c.themeId) !== undefined,
      details: (c: ObservationContext) => ({ themeId: c.themeId }),
    },
    located: {
      code: 'observation.location-required',
      check: (c: ObservationContext) => c.stopId !== undefined || c.hasPoint === true || (c.address ?? '').trim() !== '',
    },
    stopOnRoute: {
      code: 'observation.unknown-stop',
      check: (c: ObservationContext) => c.stopId === undefined || (c.walk?.stops.some((s) => s.id === c.stopId) ?? false),
    },
    withinWalkWindow: {
      code: 'observation.walk-not-underway',
      check: (c: ObservationContext) => {
        if (!c.walk) return true;
        if (c.walk.status === 'in-progress') return true;
        const staff = c.source === 'agent' || c.source === 'walk';
        const done = c.walk.status === 'done' || c.walk.status === 'reported';
        return staff && done && c.now.getTime() <= walkEnd(c.walk) + c.city.defaults.observationGraceHours * 3_600_000;
      },
      details: (c: ObservationContext) => ({ hours: c.city.defaults.observationGraceHours }),
    },
    contactConsent: {
      code: 'observation.contact-consent-required',
      check: (c: ObservationContext) => !c.contactGiven || c.contactConsent === true,
    },
    knownOrganisation: {
      code: 'observation.unknown-organisation',
      check: (c: ObservationContext) => findOrganisation(c.city, c.organisationId) !== undefined,
      details: (c: ObservationContext) => ({ organisationId: c.organisationId }),
    },
    notItself: { code: 'observation.duplicate-of-itself', check: (c: ObservationContext) => c.id !== c.duplicateOf },
    reasonGiven: { code: 'observation.reason-required', check: (c: ObservationContext) => (c.reason ?? '').trim() !== '' },
  },
});

export type ObservationEventName = EventOf<typeof observationRules>;
