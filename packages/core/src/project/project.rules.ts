// SPDX-License-Identifier: EUPL-1.2
import type { CityProfile } from '../city/city-profile.js';
import { findOrganisation, findQuartier } from '../city/lookup.js';
import type { STAFF_ROLES } from '../registration/registration.js';
import { defineRules, type EventOf } from '../rules/define-rules.js';
import type { Phase, Project } from './project.js';
import { PROJECT_STATUSES } from './project-status.js';

/** What the project guards look at. */
export interface ProjectContext {
  readonly city: CityProfile;
  /** The project as the command would leave it (its new details, for `create` and `edit`). */
  readonly project: Pick<Project, 'quartierId' | 'landlordId' | 'partnerIds'> & { readonly suspendedFrom?: string | undefined };
  readonly now: Date;
  /** The reason given, for `suspend` and `abandon`. */
  readonly reason?: string | undefined;
  /** The phase given, for `setPhase`. */
  readonly phase?: Phase | undefined;
  /** The role of who acts, when staff do (`organisation`: a partner organisation's staff or token). */
  readonly actorRole?: (typeof STAFF_ROLES)[number] | undefined;
}

const STEP_GUARD = 'notAnOrganisation';

/**
 * The concerted project's lifecycle: draft → announced → in-concertation → in-works → delivered →
 * evaluated; suspend (with a reason) while announced, in concertation or in works, resume to where
 * it was; abandon (with a reason) before it is delivered. Only city staff change a project, never
 * an organisation's (`notAnOrganisation`): the landlord and partners see it, the coordinator runs it.
 */
export const projectRules = /* @__PURE__ */ defineRules({
  id: 'project',
  states: PROJECT_STATUSES,
  events: [
    'create',
    'edit',
    'setPhase',
    'announce',
    'startConcertation',
    'startWorks',
    'deliver',
    'evaluate',
    'suspend',
    'resume',
    'abandon',
  ],
  on: {
    none: { create: { target: 'draft', guard: { and: [STEP_GUARD, 'knownQuartier', 'knownOrganisations'] } } },
    draft: {
      edit: { target: 'draft', guard: { and: [STEP_GUARD, 'knownQuartier', 'knownOrganisations'] } },
      setPhase: { target: 'draft', guard: { and: [STEP_GUARD, 'phaseDatesInOrder'] } },
      announce: { target: 'announced', guard: STEP_GUARD },
      abandon: { target: 'abandoned', guard: { and: [STEP_GUARD, 'reasonGiven'] } },
    },
    announced: {
      edit: { target: 'announced', guard: { and: [STEP_GUARD, 'knownQuartier', 'knownOrganisations'] } },
      setPhase: { target: 'announced', guard: { and: [STEP_GUARD, 'phaseDatesInOrder'] } },
      startConcertation: { target: 'in-concertation', guard: STEP_GUARD },
      suspend: { target: 'suspended', guard: { and: [STEP_GUARD, 'reasonGiven'] } },
      abandon: { target: 'abandoned', guard: { and: [STEP_GUARD, 'reasonGiven'] } },
    },
    'in-concertation': {
      edit: { target: 'in-concertation', guard: { and: [STEP_GUARD, 'knownQuartier', 'knownOrganisations'] } },
      setPhase: { target: 'in-concertation', guard: { and: [STEP_GUARD, 'phaseDatesInOrder'] } },
      startWorks: { target: 'in-works', guard: STEP_GUARD },
      suspend: { target: 'suspended', guard: { and: [STEP_GUARD, 'reasonGiven'] } },
      abandon: { target: 'abandoned', guard: { and: [STEP_GUARD, 'reasonGiven'] } },
    },
    'in-works': {
      edit: { target: 'in-works', guard: { and: [STEP_GUARD, 'knownQuartier', 'knownOrganisations'] } },
      setPhase: { target: 'in-works', guard: { and: [STEP_GUARD, 'phaseDatesInOrder'] } },
      deliver: { target: 'delivered', guard: STEP_GUARD },
      suspend: { target: 'suspended', guard: { and: [STEP_GUARD, 'reasonGiven'] } },
      abandon: { target: 'abandoned', guard: { and: [STEP_GUARD, 'reasonGiven'] } },
    },
    delivered: {
      edit: { target: 'delivered', guard: { and: [STEP_GUARD, 'knownQuartier', 'knownOrganisations'] } },
      setPhase: { target: 'delivered', guard: { and: [STEP_GUARD, 'phaseDatesInOrder'] } },
      evaluate: { target: 'evaluated', guard: STEP_GUARD },
    },
    evaluated: {
      setPhase: { target: 'evaluated', guard: { and: [STEP_GUARD, 'phaseDatesInOrder'] } },
    },
    suspended: {
      edit: { target: 'suspended', guard: { and: [STEP_GUARD, 'knownQuartier', 'knownOrganisations'] } },
      setPhase: { target: 'suspended', guard: { and: [STEP_GUARD, 'phaseDatesInOrder'] } },
      // Back to where it was suspended from: the table lists each, the guard picks the one recorded.
      resume: [
        { target: 'announced', guard: { and: [STEP_GUARD, 'suspendedFromAnnounced'] } },
        { target: 'in-concertation', guard: { and: [STEP_GUARD, 'suspendedFromConcertation'] } },
        { target: 'in-works', guard: { and: [STEP_GUARD, 'suspendedFromWorks'] } },
      ],
      abandon: { target: 'abandoned', guard: { and: [STEP_GUARD, 'reasonGiven'] } },
    },
  },
  guards: {
    notAnOrganisation: {
      code: 'project.organisation-cannot-change',
      check: (c: ProjectContext) => c.actorRole !== 'organisation',
    },
    knownQuartier: {
      code: 'project.unknown-quartier',
      check: (c: ProjectContext) => findQuartier(c.city, c.project.quartierId) !== undefined,
      details: (c: ProjectContext) => ({ quartierId: c.project.quartierId }),
    },
    knownOrganisations: {
      code: 'project.unknown-organisation',
      check: (c: ProjectContext) =>
        [c.project.landlordId, ...c.project.partnerIds].every((id) => findOrganisation(c.city, id) !== undefined),
      details: (c: ProjectContext) => ({
        organisationId: [c.project.landlordId, ...c.project.partnerIds].find((id) => findOrganisation(c.city, id) === undefined),
      }),
    },
    phaseDatesInOrder: {
      code: 'project.phase-dates',
      check: (c: ProjectContext) =>
        c.phase === undefined ||
        ((c.phase.plannedStart === undefined || c.phase.plannedEnd === undefined || c.phase.plannedStart <= c.phase.plannedEnd) &&
          (c.phase.actualStart === undefined || c.phase.actualEnd === undefined || c.phase.actualStart <= c.phase.actualEnd)),
    },
    reasonGiven: { code: 'project.reason-required', check: (c: ProjectContext) => (c.reason ?? '').trim().length > 0 },
    suspendedFromAnnounced: { code: 'project.invalid-transition', check: (c: ProjectContext) => c.project.suspendedFrom === 'announced' },
    suspendedFromConcertation: {
      code: 'project.invalid-transition',
      check: (c: ProjectContext) => c.project.suspendedFrom === 'in-concertation',
    },
    suspendedFromWorks: { code: 'project.invalid-transition', check: (c: ProjectContext) => c.project.suspendedFrom === 'in-works' },
  },
});

export type ProjectEventName = EventOf<typeof projectRules>;
