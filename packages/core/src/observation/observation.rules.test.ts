// SPDX-License-Identifier: EUPL-1.2
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defineCity } from '../city/define-city.js';
import { valence } from '../city/valence.js';
import { at, HOUR, walkFixture } from '../fixtures.test-helpers.js';
import { assertRefused, assertTarget, itFollowsTheExpectedTable, X, type ExpectedTable } from '../rules/rules.test-helpers.js';
import { transition } from '../rules/transition.js';
import { observationRules, type ObservationContext, type ObservationEventName } from './observation.rules.js';
import type { ObservationStatus } from './observation.js';

const STARTS_AT = '2026-03-14T09:00:00+01:00';
/** Scheduled end: 09:00 + 240 minutes. */
const ENDS_AT = '2026-03-14T13:00:00+01:00';

/** Every observation guard passes: a walk under way, a stop on its route, a known theme and organisation, a reason. */
const allPass = (over: Partial<ObservationContext> = {}): ObservationContext => ({
  city: valence,
  now: at(STARTS_AT, HOUR),
  quartierId: 'le-plan',
  themeId: 'eclairage-public',
  source: 'walk',
  walk: walkFixture({ status: 'in-progress', startsAt: STARTS_AT }),
  stopId: 'stop-2',
  hasPoint: false,
  contactGiven: false,
  organisationId: 'oph',
  id: 'obs-1',
  duplicateOf: 'obs-0',
  reason: 'Hors du champ de la GUSP',
  ...over,
});

const record = (over: Partial<ObservationContext>) => transition(observationRules, 'none', 'record', allPass(over));

/**
 * DOMAIN.md: record → recorded; recorded →qualify→ qualified, →markDuplicate→
 * duplicate, →reject→ rejected; qualified →commit→ committed, →resolve→
 * resolved; a committed observation is resolved when its engagement is done.
 */
const expected: ExpectedTable<ObservationStatus, ObservationEventName> = {
  states: ['recorded', 'qualified', 'duplicate', 'rejected', 'committed', 'resolved'],
  events: ['record', 'qualify', 'markDuplicate', 'reject', 'commit', 'resolve'],
  rows: {
    //         record      qualify      markDuplicate reject      commit       resolve
    none: ['recorded', X, X, X, X, X],
    recorded: [X, 'qualified', 'duplicate', 'rejected', X, X],
    qualified: [X, X, X, X, 'committed', 'resolved'],
    duplicate: [X, X, X, X, X, X],
    rejected: [X, X, X, X, X, X],
    committed: [X, X, X, X, X, 'resolved'],
    resolved: [X, X, X, X, X, X],
  },
};

describe('observationRules: the table', () => {
  itFollowsTheExpectedTable(observationRules, expected, () => allPass());
});

describe('observationRules: guards', () => {
  describe('knownQuartier', () => {
    it('refuses a quartier the city does not have with observation.unknown-quartier', () => {
      const error = assertRefused(record({ quartierId: 'la-duchere' }), 'observation.unknown-quartier');
      assert.equal(error.details.quartierId, 'la-duchere');
    });
  });

  describe('quartierGiven', () => {
    it('refuses an observation without a quartier with observation.quartier-required (not "unknown: undefined")', () => {
      const error = assertRefused(record({ quartierId: undefined }), 'observation.quartier-required');
      assert.doesNotMatch(error.message, /undefined/);
    });
  });

  describe('knownTheme', () => {
    it('refuses a theme the city does not have with observation.unknown-theme', () => {
      const error = assertRefused(record({ themeId: 'deneigement' }), 'observation.unknown-theme');
      assert.equal(error.details.themeId, 'deneigement');
    });
    it('accepts every theme of the city', () => {
      for (const t of valence.themes) assertTarget(record({ themeId: t.id }), 'recorded');
    });
  });

  describe('located', () => {
    const nowhere: Partial<ObservationContext> = {
      walk: undefined,
      source: 'resident',
      stopId: undefined,
      hasPoint: false,
      address: undefined,
    };
    it('refuses an observation with no stop, no point and no words with observation.location-required', () => {
      assertRefused(record(nowhere), 'observation.location-required');
      assertRefused(record({ ...nowhere, address: '   ' }), 'observation.location-required');
    });
    it('accepts a point alone, words alone, or a stop of the walk alone', () => {
      assertTarget(record({ ...nowhere, hasPoint: true }), 'recorded');
      assertTarget(record({ ...nowhere, address: 'Devant le city-stade' }), 'recorded');
      assertTarget(record({ stopId: 'stop-1', hasPoint: false, address: undefined }), 'recorded');
    });
  });

  describe('stopOnRoute', () => {
    it('refuses a stop that is not on the walk’s route with observation.unknown-stop', () => {
      assertRefused(record({ stopId: 'stop-9' }), 'observation.unknown-stop');
    });
    it('refuses a stop given without a walk', () => {
      assertRefused(record({ walk: undefined, source: 'agent', stopId: 'stop-1' }), 'observation.unknown-stop');
    });
  });

  describe('withinWalkWindow', () => {
    const done = walkFixture({ status: 'done', startsAt: STARTS_AT });
    it('accepts any source while the walk is in progress', () => {
      for (const source of ['walk', 'agent', 'resident'] as const) assertTarget(record({ source }), 'recorded');
    });
    it('accepts staff up to 48 hours after the scheduled end of a done walk, the 48th hour included', () => {
      assertTarget(record({ walk: done, source: 'agent', now: at(ENDS_AT, 48 * HOUR) }), 'recorded');
      assertTarget(record({ walk: done, source: 'walk', now: at(ENDS_AT, 47 * HOUR) }), 'recorded');
    });
    it('refuses staff past the 48 hours with observation.walk-not-underway', () => {
      assertRefused(record({ walk: done, source: 'agent', now: at(ENDS_AT, 48 * HOUR + 1) }), 'observation.walk-not-underway');
    });
    it('counts the 48 hours from the real end when the walk was finished', () => {
      const finishedLate = walkFixture({ status: 'done', startsAt: STARTS_AT, finishedAt: '2026-03-14T15:00:00+01:00' });
      assertTarget(record({ walk: finishedLate, source: 'agent', now: at('2026-03-16T15:00:00+01:00') }), 'recorded');
      assertRefused(
        record({ walk: finishedLate, source: 'agent', now: at('2026-03-16T15:00:00+01:00', 1) }),
        'observation.walk-not-underway',
      );
    });
    it('keeps the grace window once the report is shared', () => {
      assertTarget(
        record({ walk: walkFixture({ status: 'reported', startsAt: STARTS_AT }), source: 'agent', now: at(ENDS_AT, HOUR) }),
        'recorded',
      );
    });
    it('refuses a resident on a walk that is not in progress, even just after it', () => {
      assertRefused(record({ walk: done, source: 'resident', now: at(ENDS_AT, 60_000) }), 'observation.walk-not-underway');
      assertRefused(
        record({ walk: walkFixture({ status: 'open' }), source: 'resident', now: at(STARTS_AT, -HOUR) }),
        'observation.walk-not-underway',
      );
    });
    it('refuses staff before the walk and on a cancelled walk', () => {
      assertRefused(
        record({ walk: walkFixture({ status: 'closed' }), source: 'agent', now: at(STARTS_AT, -HOUR) }),
        'observation.walk-not-underway',
      );
      assertRefused(
        record({ walk: walkFixture({ status: 'cancelled' }), source: 'agent', now: at(STARTS_AT, -HOUR) }),
        'observation.walk-not-underway',
      );
    });
    it('accepts residents and agents any time outside walks', () => {
      for (const source of ['resident', 'agent'] as const) {
        assertTarget(
          record({ walk: undefined, stopId: undefined, hasPoint: true, source, now: at('2026-08-15T03:00:00+02:00') }),
          'recorded',
        );
      }
    });
    it('follows the city’s own grace window', () => {
      const city = defineCity({ ...valence, defaults: { ...valence.defaults, observationGraceHours: 2 } });
      assertTarget(record({ city, walk: done, source: 'agent', now: at(ENDS_AT, 2 * HOUR) }), 'recorded');
      assertRefused(record({ city, walk: done, source: 'agent', now: at(ENDS_AT, 2 * HOUR + 1) }), 'observation.walk-not-underway');
    });
  });

  describe('contactConsent', () => {
    it('refuses contact details without consent with observation.contact-consent-required', () => {
      assertRefused(record({ contactGiven: true, contactConsent: false }), 'observation.contact-consent-required');
    });
    it('accepts contact details with consent, and no contact without it', () => {
      assertTarget(record({ contactGiven: true, contactConsent: true }), 'recorded');
      assertTarget(record({ contactGiven: false, contactConsent: false }), 'recorded');
    });
  });

  describe('knownOrganisation', () => {
    it('refuses to qualify for an unknown organisation with observation.unknown-organisation', () => {
      const error = assertRefused(
        transition(observationRules, 'recorded', 'qualify', allPass({ organisationId: 'sncf' })),
        'observation.unknown-organisation',
      );
      assert.equal(error.details.organisationId, 'sncf');
      assertRefused(
        transition(observationRules, 'recorded', 'qualify', allPass({ organisationId: undefined })),
        'observation.unknown-organisation',
      );
    });
  });

  describe('notItself', () => {
    it('refuses to mark an observation as a duplicate of itself with observation.duplicate-of-itself', () => {
      assertRefused(
        transition(observationRules, 'recorded', 'markDuplicate', allPass({ id: 'obs-1', duplicateOf: 'obs-1' })),
        'observation.duplicate-of-itself',
      );
    });
  });

  describe('reasonGiven', () => {
    it('refuses to reject without a reason with observation.reason-required', () => {
      assertRefused(transition(observationRules, 'recorded', 'reject', allPass({ reason: undefined })), 'observation.reason-required');
      assertRefused(transition(observationRules, 'recorded', 'reject', allPass({ reason: '  ' })), 'observation.reason-required');
    });
  });
});
