// SPDX-License-Identifier: EUPL-1.2
/**
 * Inline data of the elements, true to the model (checked by the core's
 * schemas): the browser tests and the Storybook stories (stories/src/fixtures.ts)
 * both build on these. Imports the core and types only, so any bundler takes it.
 */
import { Engagement, Project, Walk, Workshop, valence, type WalkSummary, type WorkshopSummary } from '@gusp/core';
import type { ProjectData } from '../src/project/project-data.js';
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

/** A workshop summary for inline data: Saturday 21 March 2099, 14:00 to 16:00 at the local des habitants, open with 8 seats of 15. */
export function workshopSummary(
  overrides: Partial<Omit<WorkshopSummary, 'workshop'>> & { workshop?: Record<string, unknown> } = {},
): WorkshopSummary {
  const { workshop, ...summary } = overrides;
  return {
    workshop: Workshop.parse({
      id: 'atelier-couleurs-2099',
      projectId: 'bleuets',
      quartierId: 'le-plan',
      kind: 'consultation',
      title: 'Choisir les couleurs des halls',
      startsAt: '2099-03-21T14:00:00+01:00',
      durationMinutes: 120,
      place: { label: 'Local des habitants, 12 rue des Bleuets' },
      capacity: 15,
      registrationDeadline: '2099-03-20T18:00:00+01:00',
      status: 'open',
      sequence: 0,
      createdAt: '2026-11-01T10:00:00+01:00',
      updatedAt: '2026-11-01T10:00:00+01:00',
      ...workshop,
    }),
    status: 'open',
    capacity: 15,
    seatsLeft: 8,
    fewSeatsLeft: false,
    confirmed: 7,
    waitlisted: 0,
    attended: 0,
    byRole: { resident: 7, association: 0, professional: 0, elected: 0, landlord: 0, 'proximity-agent': 0, partner: 0 },
    ...summary,
  };
}

/**
 * The seed's Les Bleuets as `<gusp-project>` shows it (the core's `ProjectPage`):
 * one of Le Plan's oldest buildings renovated with its residents, in concertation
 * now; the local des habitants opened in September 2013; two decisions adopted,
 * one declined with its reason, one under study; an engagement of the OPH under way.
 */
export function projectData(overrides: Partial<ProjectData> = {}): ProjectData {
  const project = Project.parse({
    id: 'bleuets',
    quartierId: 'le-plan',
    title: 'Réhabilitation des Bleuets',
    kind: 'building-renovation',
    site: { label: 'Immeuble Les Bleuets', address: '12 rue des Bleuets, 26000 Valence' },
    landlordId: 'oph',
    partnerIds: ['compagnons-batisseurs', 'ville-de-valence'],
    description:
      'La réhabilitation de l’un des plus anciens immeubles du Plan, faite avec ses habitants : « Sans les habitants, rien ne se fera. »',
    phases: [],
    status: 'in-concertation',
    createdAt: '2013-01-10T10:00:00+01:00',
    updatedAt: '2026-11-01T10:00:00+01:00',
  });
  const { createdAt: _c, updatedAt: _u, ...publicProject } = project;
  const past = workshopSummary({
    workshop: {
      id: 'ouverture-local-2013',
      kind: 'learning',
      title: 'Ouverture du local des habitants',
      startsAt: '2013-09-14T10:00:00+02:00',
      registrationDeadline: '2013-09-13T18:00:00+02:00',
      status: 'done',
    },
    status: 'done',
    seatsLeft: 0,
    confirmed: 0,
    attended: 23,
  });
  return {
    project: publicProject,
    quartierName: 'Le Plan',
    landlord: { id: 'oph', name: 'Office public de l’habitat' },
    partners: [
      { id: 'compagnons-batisseurs', name: 'Compagnons bâtisseurs' },
      { id: 'ville-de-valence', name: 'Ville de Valence' },
    ],
    phases: [
      { kind: 'diagnostic', actualStart: '2013-01-15', actualEnd: '2013-06-30', current: false },
      { kind: 'concertation', plannedStart: '2013-09-01', plannedEnd: '2099-06-30', actualStart: '2013-09-14', current: true },
      { kind: 'works', plannedStart: '2099-09-01', plannedEnd: '2100-06-30', current: false },
      { kind: 'delivery', current: false },
      { kind: 'evaluation', current: false },
    ],
    currentPhase: 'concertation',
    upcomingWorkshops: [workshopSummary()],
    pastWorkshops: [past],
    contributions: [
      {
        id: 'c-halls',
        workshopId: 'ouverture-local-2013',
        workshopTitle: 'Ouverture du local des habitants',
        kind: 'decision',
        text: 'Repeindre les halls d’entrée avec les habitants, lors d’ateliers du samedi.',
        outcome: 'adopted',
        recordedAt: '2013-09-14T12:00:00+02:00',
        decidedAt: '2013-10-02T10:00:00+02:00',
      },
      {
        id: 'c-local',
        kind: 'decision',
        text: 'Garder le local des habitants ouvert le mercredi après-midi.',
        outcome: 'adopted',
        recordedAt: '2013-09-14T12:00:00+02:00',
        decidedAt: '2013-10-02T10:00:00+02:00',
      },
      {
        id: 'c-ascenseur',
        kind: 'request',
        text: 'Installer un ascenseur dans la cage B.',
        outcome: 'declined',
        outcomeReason: 'La structure de la cage B ne le permet pas ; une rampe d’accès au rez-de-chaussée est étudiée à la place.',
        recordedAt: '2013-09-14T12:00:00+02:00',
        decidedAt: '2013-11-20T10:00:00+01:00',
      },
      {
        id: 'c-jardins',
        kind: 'request',
        text: 'Créer des jardins partagés au pied de l’immeuble.',
        outcome: 'studied',
        recordedAt: '2014-03-08T12:00:00+01:00',
      },
    ],
    contributionsByOutcome: { pending: 0, adopted: 2, studied: 1, declined: 1 },
    engagements: [
      {
        id: 'e-halls',
        title: 'Fournir la peinture et le matériel des ateliers des halls',
        status: 'in-progress',
        progress: 40,
        organisation: { id: 'oph', name: 'Office public de l’habitat' },
        dueOn: '2099-05-31',
      },
    ],
    timeline: [],
    ...overrides,
  };
}
