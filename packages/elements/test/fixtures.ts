// SPDX-License-Identifier: EUPL-1.2
/**
 * Inline data of the elements, true to the model (checked by the core's
 * schemas): the browser tests and the Storybook stories (stories/src/fixtures.ts)
 * both build on these. Imports the core and types only, so any bundler takes it.
 */
import { Engagement, Walk, valence, type WalkSummary } from '@gusp/core';
import type { WalkSignupData } from '../src/walk-signup/walk-signup-data.js';

/**
 * A walk summary for inline data: Saturday 14 March 2099 (far enough never
 * to pass), 9:00 to 13:00 in Le Plan (Valence), open with 12 seats of 25
 * unless told otherwise.
 */
export function walkData(
  overrides: Partial<Omit<WalkSummary, 'walk'>> & { walk?: Record<string, unknown> } = {},
  extra: Partial<WalkSignupData> = {},
): WalkSignupData {
  const { walk, ...summary } = overrides;
  return {
    // Checked by the core's schema, so the fixtures stay true to the model.
    walk: Walk.parse({
      id: 'walk-le-plan-2099',
      quartierId: 'le-plan',
      startsAt: '2099-03-14T09:00:00+01:00',
      durationMinutes: 240,
      meetingPoint: { label: 'Parvis de la maison de quartier' },
      stops: [],
      capacity: 25,
      registrationDeadline: '2099-03-13T18:00:00+01:00',
      status: 'open',
      organiserIds: ['ville-de-valence'],
      sequence: 0,
      createdAt: '2026-11-01T10:00:00+01:00',
      updatedAt: '2026-11-01T10:00:00+01:00',
      ...walk,
    }),
    status: 'open',
    capacity: 25,
    seatsLeft: 12,
    fewSeatsLeft: false,
    confirmed: 13,
    waitlisted: 0,
    attended: 0,
    byRole: { resident: 13, association: 0, professional: 0, elected: 0, landlord: 0, 'proximity-agent': 0, partner: 0 },
    city: valence,
    ...summary,
    ...extra,
  };
}

let counter = 0;

/** An engagement checked by the core's schema; accepted, due on 2027-01-31 unless told otherwise. */
export function engagement(overrides: Record<string, unknown> = {}): Engagement {
  counter++;
  return Engagement.parse({
    id: `eng-${counter}`,
    title: `Engagement ${counter}`,
    quartierId: 'le-plan',
    themeId: 'eclairage-public',
    organisationId: 'ville-de-valence',
    observationIds: [],
    dueOn: '2027-01-31',
    status: 'accepted',
    progress: 0,
    milestones: [],
    proposedAt: '2026-10-01T10:00:00+02:00',
    updatedAt: '2026-10-01T10:00:00+02:00',
    ...overrides,
  });
}

/** Today is Monday 4 January 2027 at noon in Paris in the tracker's tests and stories. */
export const NOW = new Date('2027-01-04T12:00:00+01:00');

/** A typical tracker: one engagement of each kind, one of them overdue on {@linkcode NOW}. */
export const typicalEngagements = (): Engagement[] => [
  engagement({ title: 'Réparer l’éclairage de la rue des Bleuets', dueOn: '2027-01-25' }),
  engagement({
    title: 'Nettoyer le square',
    status: 'in-progress',
    progress: 40,
    themeId: 'nettoyage',
    dueOn: '2026-12-23',
    organisationId: 'oph',
  }),
  engagement({
    title: 'Repeindre la salle des résidents',
    status: 'done',
    progress: 100,
    quartierId: 'fontbarlettes',
    dueOn: '2026-11-30',
    completedAt: '2026-11-28T15:00:00+01:00',
    milestones: [
      { at: '2026-10-01T10:00:00+02:00', kind: 'proposed', by: { role: 'coordinator' } },
      {
        at: '2026-10-20T09:00:00+02:00',
        kind: 'progressed',
        percent: 50,
        note: 'Peinture achetée',
        by: { role: 'organisation', organisationId: 'oph' },
      },
      { at: '2026-11-28T15:00:00+01:00', kind: 'completed' },
    ],
    observationIds: ['obs-1', 'obs-2'],
  }),
  engagement({ title: 'Ajouter un banc', status: 'proposed', dueOn: undefined, organisationId: undefined }),
  engagement({ title: 'Changer les poubelles', dueOn: '2027-01-05', themeId: 'tri-selectif' }),
];
