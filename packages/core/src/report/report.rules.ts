// SPDX-License-Identifier: EUPL-1.2
import { defineRules, type EventOf } from '../rules/define-rules.js';
import type { Walk } from '../walk/walk.js';
import { REPORT_STATUSES } from './report-status.js';

/** What the report guards look at. */
export interface ReportContext {
  readonly walk: Walk;
}

/**
 * The compte-rendu lifecycle: drafted from a done walk (and regenerated while
 * observations still arrive; its texts and photos edited while a draft), validated, then shared — which also moves the
 * walk to `reported`.
 */
export const reportRules = /* @__PURE__ */ defineRules({
  id: 'report',
  states: REPORT_STATUSES,
  events: ['draft', 'regenerate', 'edit', 'validate', 'share'],
  on: {
    none: { draft: { target: 'draft', guard: 'walkDone' } },
    draft: { regenerate: { target: 'draft', guard: 'walkDone' }, edit: { target: 'draft' }, validate: { target: 'validated' } },
    validated: { share: { target: 'shared' } },
  },
  guards: {
    walkDone: { code: 'report.walk-not-done', check: (c: ReportContext) => c.walk.status === 'done' },
  },
});

export type ReportEventName = EventOf<typeof reportRules>;
