// SPDX-License-Identifier: EUPL-1.2
import { describe, it } from 'node:test';
import { walkFixture } from '../fixtures.test-helpers.js';
import { assertRefused, assertTarget, itFollowsTheExpectedTable, X, type ExpectedTable } from '../rules/rules.test-helpers.js';
import { transition } from '../rules/transition.js';
import { reportRules, type ReportContext, type ReportEventName } from './report.rules.js';
import type { ReportStatus } from './report.js';

const doneWalk: ReportContext = { walk: walkFixture({ status: 'done' }) };

/**
 * DOMAIN.md: draft (generated from a done walk) →validate→ validated
 * →share→ shared. A draft may be generated again while it is a draft (new
 * observations arrive within 48 hours); validated and shared reports are frozen.
 */
const expected: ExpectedTable<ReportStatus, ReportEventName> = {
  states: ['draft', 'validated', 'shared'],
  events: ['draft', 'regenerate', 'edit', 'validate', 'share'],
  rows: {
    //         draft    regenerate edit     validate     share
    none: ['draft', X, X, X, X],
    draft: [X, 'draft', 'draft', 'validated', X],
    validated: [X, X, X, X, 'shared'],
    shared: [X, X, X, X, X],
  },
};

describe('reportRules: the table', () => {
  itFollowsTheExpectedTable(reportRules, expected, () => doneWalk);
});

describe('reportRules: guards', () => {
  describe('walkDone', () => {
    for (const status of ['draft', 'open', 'closed', 'in-progress', 'reported', 'cancelled'] as const) {
      it(`refuses to draft the report of a ${status} walk with report.walk-not-done`, () => {
        assertRefused(transition(reportRules, 'none', 'draft', { walk: walkFixture({ status }) }), 'report.walk-not-done');
      });
    }
    it('refuses to regenerate once the walk is no longer done', () => {
      assertRefused(transition(reportRules, 'draft', 'regenerate', { walk: walkFixture({ status: 'reported' }) }), 'report.walk-not-done');
    });
    it('drafts the report of a done walk', () => {
      assertTarget(transition(reportRules, 'none', 'draft', doneWalk), 'draft');
    });
  });
});
