// SPDX-License-Identifier: EUPL-1.2
/**
 * A concerted project's statuses, phases and kinds as plain data, apart from the schemas of
 * `project.ts`: the rules table reads them, so `can` + `projectRules` bundle without zod.
 */

/**
 * The statuses in lifecycle order: draft → announced → in-concertation → in-works → delivered →
 * evaluated; `suspended` (and back) and `abandoned`, each with a reason.
 */
export const PROJECT_STATUSES = [
  'draft',
  'announced',
  'in-concertation',
  'in-works',
  'delivered',
  'evaluated',
  'suspended',
  'abandoned',
] as const;

/** The phases of a project, in order: diagnostic, concertation, works, delivery, evaluation. */
export const PHASE_KINDS = ['diagnostic', 'concertation', 'works', 'delivery', 'evaluation'] as const;

/** What a project transforms: a building's renovation, a public space, a playground, something else. */
export const PROJECT_KINDS = ['building-renovation', 'public-space', 'playground', 'other'] as const;

/** The statuses a project can be suspended from (and resumes to). */
export const SUSPENDABLE_PROJECT_STATUSES = ['announced', 'in-concertation', 'in-works'] as const;

/**
 * The phase a status is in, « nous en sommes là »: a project in concertation is in its
 * concertation phase, delivered in its delivery… A draft or announced one is at its diagnostic;
 * a suspended one where it was suspended from; an abandoned one nowhere.
 */
export const PHASE_OF_STATUS: Readonly<Record<(typeof PROJECT_STATUSES)[number], (typeof PHASE_KINDS)[number] | undefined>> = {
  draft: 'diagnostic',
  announced: 'diagnostic',
  'in-concertation': 'concertation',
  'in-works': 'works',
  delivered: 'delivery',
  evaluated: 'evaluation',
  suspended: undefined,
  abandoned: undefined,
};

/** What residents said in a workshop: a decision they took, or a request they made. */
export const CONTRIBUTION_KINDS = ['decision', 'request'] as const;
/** What became of it: pending until decided; studied, then adopted or declined; declined always with a reason. */
export const CONTRIBUTION_OUTCOMES = ['pending', 'adopted', 'studied', 'declined'] as const;
