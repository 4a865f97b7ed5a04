// SPDX-License-Identifier: EUPL-1.2
import type { STAFF_ROLES } from '../registration/registration.js';
import { defineRules, type EventOf } from '../rules/define-rules.js';
import { CONTRIBUTION_OUTCOMES } from './project-status.js';

/** What the contribution guards look at. */
export interface ContributionContext {
  readonly reason?: string | undefined;
  readonly actorRole?: (typeof STAFF_ROLES)[number] | undefined;
}

/**
 * What becomes of a contribution: recorded `pending`; then adopted, studied or declined (with a
 * reason); a studied one is then adopted or declined. Only city staff decide (`notAnOrganisation`).
 */
export const contributionRules = /* @__PURE__ */ defineRules({
  id: 'contribution',
  states: CONTRIBUTION_OUTCOMES,
  events: ['record', 'adopt', 'study', 'decline'],
  on: {
    none: { record: { target: 'pending', guard: 'notAnOrganisation' } },
    pending: {
      adopt: { target: 'adopted', guard: 'notAnOrganisation' },
      study: { target: 'studied', guard: 'notAnOrganisation' },
      decline: { target: 'declined', guard: { and: ['notAnOrganisation', 'reasonGiven'] } },
    },
    studied: {
      adopt: { target: 'adopted', guard: 'notAnOrganisation' },
      decline: { target: 'declined', guard: { and: ['notAnOrganisation', 'reasonGiven'] } },
    },
  },
  guards: {
    notAnOrganisation: {
      code: 'project.organisation-cannot-change',
      check: (c: ContributionContext) => c.actorRole !== 'organisation',
    },
    reasonGiven: { code: 'contribution.reason-required', check: (c: ContributionContext) => (c.reason ?? '').trim().length > 0 },
  },
});

export type ContributionEventName = EventOf<typeof contributionRules>;

/** The rules event of an outcome a coordinator gives. */
export const CONTRIBUTION_EVENT_OF = { adopted: 'adopt', studied: 'study', declined: 'decline' } as const;
