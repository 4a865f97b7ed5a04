// SPDX-License-Identifier: EUPL-1.2
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { valence } from '../city/valence.js';
import { at } from '../fixtures.test-helpers.js';
import { assertRefused, assertTarget, itFollowsTheExpectedTable, X, type ExpectedTable } from '../rules/rules.test-helpers.js';
import { transition } from '../rules/transition.js';
import { engagementRules, type EngagementContext, type EngagementEventName } from './engagement.rules.js';
import type { EngagementStatus } from './engagement.js';

/** Every engagement guard passes: known quartier, theme and organisation, a due day ahead, a reason. */
const allPass = (over: Partial<EngagementContext> = {}): EngagementContext => ({
  city: valence,
  now: at('2026-04-01T10:00:00+02:00'),
  quartierId: 'le-plan',
  themeId: 'eclairage-public',
  organisationId: 'oph',
  dueOn: '2026-06-30',
  reason: 'Le prestataire a fait faillite',
  ...over,
});

/**
 * DOMAIN.md: proposed →accept→ accepted →start→ in-progress →progress→
 * in-progress →complete→ done →verify→ verified; done|verified →reopen→ in-progress;
 * proposed|accepted|in-progress →abandon→ abandoned; accepted|in-progress
 * →reschedule→ same.
 */
const expected: ExpectedTable<EngagementStatus, EngagementEventName> = {
  states: ['proposed', 'accepted', 'in-progress', 'done', 'verified', 'abandoned'],
  events: ['propose', 'accept', 'start', 'progress', 'complete', 'verify', 'reopen', 'abandon', 'reschedule'],
  rows: {
    //             propose     accept      start          progress       complete verify      reopen         abandon      reschedule
    none: ['proposed', X, X, X, X, X, X, X, X],
    proposed: [X, 'accepted', X, X, X, X, X, 'abandoned', X],
    accepted: [X, X, 'in-progress', X, X, X, X, 'abandoned', 'accepted'],
    'in-progress': [X, X, X, 'in-progress', 'done', X, X, 'abandoned', 'in-progress'],
    done: [X, X, X, X, X, 'verified', 'in-progress', X, X],
    verified: [X, X, X, X, X, X, 'in-progress', X, X],
    abandoned: [X, X, X, X, X, X, X, X, X],
  },
};

describe('engagementRules: the table', () => {
  itFollowsTheExpectedTable(engagementRules, expected, () => allPass());
});

describe('engagementRules: guards', () => {
  const propose = (over: Partial<EngagementContext>) => transition(engagementRules, 'none', 'propose', allPass(over));

  describe('knownQuartier', () => {
    it('refuses a quartier the city does not have with engagement.unknown-quartier', () => {
      const error = assertRefused(propose({ quartierId: 'vaulx-en-velin' }), 'engagement.unknown-quartier');
      assert.equal(error.details.quartierId, 'vaulx-en-velin');
      assertRefused(propose({ quartierId: undefined }), 'engagement.unknown-quartier');
    });
  });

  describe('knownThemeIfAny', () => {
    it('refuses an unknown theme with engagement.unknown-theme', () => {
      assertRefused(propose({ themeId: 'deneigement' }), 'engagement.unknown-theme');
    });
    it('accepts an engagement without a theme', () => {
      assertTarget(propose({ themeId: undefined }), 'proposed');
    });
  });

  describe('knownOrganisationIfAny', () => {
    it('refuses an unknown organisation at proposal with engagement.unknown-organisation', () => {
      assertRefused(propose({ organisationId: 'sncf' }), 'engagement.unknown-organisation');
    });
    it('accepts a proposal without an organisation yet', () => {
      assertTarget(propose({ organisationId: undefined }), 'proposed');
    });
  });

  describe('knownOrganisation', () => {
    it('refuses to accept for no organisation or an unknown one with engagement.unknown-organisation', () => {
      assertRefused(
        transition(engagementRules, 'proposed', 'accept', allPass({ organisationId: undefined })),
        'engagement.unknown-organisation',
      );
      const error = assertRefused(
        transition(engagementRules, 'proposed', 'accept', allPass({ organisationId: 'sncf' })),
        'engagement.unknown-organisation',
      );
      assert.equal(error.details.organisationId, 'sncf');
    });
  });

  describe('dueNotPast', () => {
    const accept = (over: Partial<EngagementContext>) => transition(engagementRules, 'proposed', 'accept', allPass(over));
    it('refuses to accept with a due day before today with engagement.due-date-in-past', () => {
      assertRefused(accept({ dueOn: '2026-03-31' }), 'engagement.due-date-in-past');
    });
    it('refuses to accept without a due day', () => {
      assertRefused(accept({ dueOn: undefined }), 'engagement.due-date-in-past');
    });
    it('accepts a due day of today', () => {
      assertTarget(accept({ dueOn: '2026-04-01' }), 'accepted');
    });
    it('reads today on the city’s calendar: at 00:30 in Paris (22:30 UTC the day before), yesterday is past', () => {
      const now = at('2026-03-29T22:30:00Z');
      assertRefused(accept({ now, dueOn: '2026-03-29' }), 'engagement.due-date-in-past');
      assertTarget(accept({ now, dueOn: '2026-03-30' }), 'accepted');
    });
    it('checks the new due day of a reschedule, in accepted and in progress', () => {
      for (const state of ['accepted', 'in-progress'] as const) {
        assertRefused(transition(engagementRules, state, 'reschedule', allPass({ dueOn: '2026-03-01' })), 'engagement.due-date-in-past');
        assertTarget(transition(engagementRules, state, 'reschedule', allPass({ dueOn: '2026-09-01' })), state);
      }
    });
  });

  describe('notAnOrganisation', () => {
    const verify = (over: Partial<EngagementContext>) => transition(engagementRules, 'done', 'verify', allPass(over));
    it('refuses to let an organisation’s staff verify with engagement.organisation-cannot-verify', () => {
      assertRefused(verify({ actorRole: 'organisation' }), 'engagement.organisation-cannot-verify');
    });
    it('lets the city’s staff verify, and a caller that names nobody', () => {
      assertTarget(verify({ actorRole: 'coordinator' }), 'verified');
      assertTarget(verify({ actorRole: 'agent' }), 'verified');
      assertTarget(verify({ actorRole: undefined }), 'verified');
    });
    it('guards verify only: an organisation completes and reopens', () => {
      assertTarget(transition(engagementRules, 'in-progress', 'complete', allPass({ actorRole: 'organisation' })), 'done');
      assertTarget(transition(engagementRules, 'done', 'reopen', allPass({ actorRole: 'organisation' })), 'in-progress');
    });
  });

  describe('reasonGiven', () => {
    const cases: [EngagementStatus, EngagementEventName][] = [
      ['proposed', 'abandon'],
      ['accepted', 'abandon'],
      ['in-progress', 'abandon'],
      ['done', 'reopen'],
      ['verified', 'reopen'],
      ['accepted', 'reschedule'],
      ['in-progress', 'reschedule'],
    ];
    for (const [state, event] of cases) {
      it(`refuses to ${event} a ${state} engagement without a reason with engagement.reason-required`, () => {
        assertRefused(transition(engagementRules, state, event, allPass({ reason: undefined })), 'engagement.reason-required');
        assertRefused(transition(engagementRules, state, event, allPass({ reason: ' ' })), 'engagement.reason-required');
      });
    }
  });
});
