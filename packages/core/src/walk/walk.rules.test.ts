// SPDX-License-Identifier: EUPL-1.2
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defineCity } from '../city/define-city.js';
import { valence } from '../city/valence.js';
import { at, MINUTE, walkFixture } from '../fixtures.test-helpers.js';
import { guspError } from '../i18n.js';
import type { QuartierId } from '../ids.js';
import type { Report } from '../report/report.js';
import { assertRefused, assertTarget, itFollowsTheExpectedTable, X, type ExpectedTable } from '../rules/rules.test-helpers.js';
import { can, transition } from '../rules/transition.js';
import { walkRules, type WalkContext, type WalkEventName } from './walk.rules.js';
import type { WalkStatus } from './walk.js';

const STARTS_AT = '2026-03-14T09:00:00+01:00';

const validatedReport = { status: 'validated' } as Report;

/**
 * Every walk guard passes: known quartier, start ahead, meeting point, seats,
 * 10 minutes before the start, a reason, a validated report. No `startsAt`:
 * that is the new start of a reschedule, and it would stand for the walk's.
 */
const allPass = (over: Partial<WalkContext> = {}): WalkContext => ({
  city: valence,
  walk: walkFixture({ startsAt: STARTS_AT }),
  now: at(STARTS_AT, -10 * MINUTE),
  reason: 'Alerte orange aux orages',
  report: validatedReport,
  ...over,
});

/**
 * DOMAIN.md: draft →publish→ open →closeRegistrations→ closed →start→ in-progress
 * →finish→ done →shareReport→ reported; draft|open|closed →cancel→ cancelled;
 * open|closed →reschedule→ same state; draft →editDraft→ draft. `schedule` creates a draft.
 */
const expected: ExpectedTable<WalkStatus, WalkEventName> = {
  states: ['draft', 'open', 'closed', 'in-progress', 'done', 'reported', 'cancelled'],
  events: ['schedule', 'editDraft', 'publish', 'closeRegistrations', 'start', 'finish', 'cancel', 'reschedule', 'shareReport'],
  rows: {
    //             schedule editDraft publish closeRegistrations start          finish  cancel       reschedule shareReport
    none: ['draft', X, X, X, X, X, X, X, X],
    draft: [X, 'draft', 'open', X, X, X, 'cancelled', X, X],
    open: [X, X, X, 'closed', X, X, 'cancelled', 'open', X],
    closed: [X, X, X, X, 'in-progress', X, 'cancelled', 'closed', X],
    'in-progress': [X, X, X, X, X, 'done', X, X, X],
    done: [X, X, X, X, X, X, X, X, 'reported'],
    reported: [X, X, X, X, X, X, X, X, X],
    cancelled: [X, X, X, X, X, X, X, X, X],
  },
};

describe('walkRules: the table', () => {
  itFollowsTheExpectedTable(walkRules, expected, () => allPass());
});

describe('walkRules: guards', () => {
  describe('knownQuartier', () => {
    const elsewhere = walkFixture({ quartierId: 'croix-rousse' as QuartierId });
    it('refuses to schedule a walk in a quartier the city does not have with walk.unknown-quartier', () => {
      const error = assertRefused(transition(walkRules, 'none', 'schedule', allPass({ walk: elsewhere })), 'walk.unknown-quartier');
      assert.equal(error.details.quartierId, 'croix-rousse');
      assert.equal(error.details.guard, 'knownQuartier');
    });
    it('refuses to edit a draft into it', () => {
      assertRefused(transition(walkRules, 'draft', 'editDraft', allPass({ walk: elsewhere })), 'walk.unknown-quartier');
    });
    it('refuses to publish it as well', () => {
      assertRefused(transition(walkRules, 'draft', 'publish', allPass({ walk: elsewhere })), 'walk.unknown-quartier');
    });
    it('accepts each of the city’s quartiers', () => {
      for (const q of valence.quartiers) {
        assertTarget(transition(walkRules, 'none', 'schedule', allPass({ walk: walkFixture({ quartierId: q.id }) })), 'draft');
      }
    });
  });

  describe('startsInFuture', () => {
    it('refuses to publish a walk that starts now or earlier with walk.start-in-past', () => {
      assertRefused(transition(walkRules, 'draft', 'publish', allPass({ now: at(STARTS_AT) })), 'walk.start-in-past');
      assertRefused(transition(walkRules, 'draft', 'publish', allPass({ now: at(STARTS_AT, 1) })), 'walk.start-in-past');
    });
    it('publishes a walk that starts one millisecond from now', () => {
      assertTarget(transition(walkRules, 'draft', 'publish', allPass({ now: at(STARTS_AT, -1) })), 'open');
    });
    it('refuses to reschedule to a past start, from open and from closed', () => {
      const past = allPass({ startsAt: '2026-03-14T08:00:00+01:00' });
      assertRefused(transition(walkRules, 'open', 'reschedule', past), 'walk.start-in-past');
      assertRefused(transition(walkRules, 'closed', 'reschedule', past), 'walk.start-in-past');
    });
    it('judges a reschedule by the new start, not the old one', () => {
      // The old start has passed; the new one is ahead.
      const ctx = allPass({ now: at(STARTS_AT, 60 * MINUTE), startsAt: '2026-03-21T09:00:00+01:00' });
      assertTarget(transition(walkRules, 'open', 'reschedule', ctx), 'open');
      assertTarget(transition(walkRules, 'closed', 'reschedule', ctx), 'closed');
    });
  });

  describe('deadlineInFuture', () => {
    it('refuses to reschedule an open walk to a registration deadline already past with walk.deadline-in-past', () => {
      const ctx = allPass({ startsAt: '2026-03-21T09:00:00+01:00', registrationDeadline: '2026-03-14T08:00:00+01:00' });
      assertRefused(transition(walkRules, 'open', 'reschedule', ctx), 'walk.deadline-in-past');
    });
    it('reschedules an open walk whose new deadline is ahead, and a closed one whatever its deadline (registrations are closed)', () => {
      assertTarget(
        transition(
          walkRules,
          'open',
          'reschedule',
          allPass({ startsAt: '2026-03-21T09:00:00+01:00', registrationDeadline: '2026-03-20T18:00:00+01:00' }),
        ),
        'open',
      );
      const past = allPass({ startsAt: '2026-03-21T09:00:00+01:00', registrationDeadline: '2026-03-14T08:00:00+01:00' });
      assertTarget(transition(walkRules, 'closed', 'reschedule', past), 'closed');
    });
  });

  describe('hasMeetingPoint', () => {
    it('refuses to publish a walk without a meeting point with walk.meeting-point-required', () => {
      const walk = walkFixture({ startsAt: STARTS_AT, meetingPoint: undefined });
      assertRefused(transition(walkRules, 'draft', 'publish', allPass({ walk })), 'walk.meeting-point-required');
    });
  });

  describe('hasCapacity', () => {
    it('refuses to publish a walk with no public seat with walk.capacity-required', () => {
      const walk = walkFixture({ startsAt: STARTS_AT, capacity: 0 });
      assertRefused(transition(walkRules, 'draft', 'publish', allPass({ walk })), 'walk.capacity-required');
    });
    it('publishes a walk with a single seat', () => {
      assertTarget(transition(walkRules, 'draft', 'publish', allPass({ walk: walkFixture({ startsAt: STARTS_AT, capacity: 1 }) })), 'open');
    });
  });

  describe('notTooEarly', () => {
    it('starts exactly 30 minutes before the scheduled time', () => {
      assertTarget(transition(walkRules, 'closed', 'start', allPass({ now: at(STARTS_AT, -30 * MINUTE) })), 'in-progress');
    });
    it('refuses to start 31 minutes before with walk.too-early-to-start', () => {
      assertRefused(transition(walkRules, 'closed', 'start', allPass({ now: at(STARTS_AT, -31 * MINUTE) })), 'walk.too-early-to-start');
    });
    it('refuses one millisecond before the 30 minutes', () => {
      assertRefused(transition(walkRules, 'closed', 'start', allPass({ now: at(STARTS_AT, -30 * MINUTE - 1) })), 'walk.too-early-to-start');
    });
    it('starts late as well', () => {
      assertTarget(transition(walkRules, 'closed', 'start', allPass({ now: at(STARTS_AT, 45 * MINUTE) })), 'in-progress');
    });
    it('follows the city’s own margin', () => {
      const strict = defineCity({ ...valence, defaults: { ...valence.defaults, startEarlyMinutes: 0 } });
      assertRefused(transition(walkRules, 'closed', 'start', allPass({ city: strict, now: at(STARTS_AT, -1) })), 'walk.too-early-to-start');
      assertTarget(transition(walkRules, 'closed', 'start', allPass({ city: strict, now: at(STARTS_AT) })), 'in-progress');
    });
    it('says the city’s own margin in the message, in French and English', () => {
      const quarter = defineCity({ ...valence, defaults: { ...valence.defaults, startEarlyMinutes: 15 } });
      // The table gives the margin in `details`; the message is written from them at the edge.
      const refused = transition(walkRules, 'closed', 'start', allPass({ city: quarter, now: at(STARTS_AT, -16 * MINUTE) }));
      assert.ok(!refused.ok);
      assert.equal(refused.error.details.minutes, 15);
      assert.match(guspError(refused.error.code, 'fr', refused.error.details).message, /plus de 15 minutes/);
      assert.match(guspError(refused.error.code, 'en', refused.error.details).message, /more than 15 minutes/);
    });
  });

  describe('reasonGiven', () => {
    for (const state of ['draft', 'open', 'closed'] as const) {
      it(`refuses to cancel a ${state} walk without a reason with walk.reason-required`, () => {
        assertRefused(transition(walkRules, state, 'cancel', allPass({ reason: undefined })), 'walk.reason-required');
        assertRefused(transition(walkRules, state, 'cancel', allPass({ reason: '' })), 'walk.reason-required');
        assertRefused(transition(walkRules, state, 'cancel', allPass({ reason: ' \n\t ' })), 'walk.reason-required');
      });
    }
  });

  describe('reportValidated', () => {
    it('refuses to mark a done walk reported without a report with report.invalid-transition', () => {
      assertRefused(transition(walkRules, 'done', 'shareReport', allPass({ report: undefined })), 'report.invalid-transition');
    });
    it('refuses while the report is a draft, or once it is already shared', () => {
      assertRefused(
        transition(walkRules, 'done', 'shareReport', allPass({ report: { status: 'draft' } as Report })),
        'report.invalid-transition',
      );
      assertRefused(
        transition(walkRules, 'done', 'shareReport', allPass({ report: { status: 'shared' } as Report })),
        'report.invalid-transition',
      );
    });
  });

  it('lets can() with a context answer what a button may offer', () => {
    assert.equal(can(walkRules, 'closed', 'start', allPass({ now: at(STARTS_AT, -31 * MINUTE) })), false);
    assert.equal(can(walkRules, 'closed', 'start', allPass()), true);
    assert.equal(can(walkRules, 'closed', 'start'), true);
  });
});
