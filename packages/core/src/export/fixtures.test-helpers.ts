// SPDX-License-Identifier: EUPL-1.2
/**
 * Hand-built, schema-valid model objects for the export tests (not a test file
 * itself: the runner only picks `*.test.ts`). Valence's profile, quartier Le Plan.
 */
import type { Engagement } from '../engagement/engagement.js';
import type { EngagementId, ObservationId, OrganisationId, QuartierId, ReportId, StopId, ThemeId, WalkId } from '../ids.js';
import type { Observation } from '../observation/observation.js';
import type { Report } from '../report/report.js';
import type { Walk } from '../walk/walk.js';

/** Drops keys whose value is `undefined`, as a parsed object would have them. */
function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

export const LONG_FRENCH_TEXT =
  'Devant l’immeuble des Bleuets, les habitants ont rénové eux-mêmes la salle commune ; ' +
  'l’éclairage du passage piéton reste défaillant, les poubelles débordent près de l’aire de jeux, ' +
  'et les enfants traversent sans visibilité. « Ça fait trois ans qu’on le signale », dit une habitante. 🚸🌳';

/** A walk in Le Plan, Saturday 14 March 2026 at 09:00 Paris time, with a route of three stops. */
export function walkFixture(overrides: Partial<Walk> = {}): Walk {
  return defined({
    id: 'walk_LePlan2026' as WalkId,
    quartierId: 'le-plan' as QuartierId,
    startsAt: '2026-03-14T09:00:00+01:00',
    durationMinutes: 240,
    meetingPoint: {
      label: 'Parvis de l’école Jean-Moulin, place des Bleuets; entrée B',
      point: { lat: 44.9205, lon: 4.9128 },
    },
    stops: [
      { id: 'stop-1' as StopId, label: 'Parvis de l’école Jean-Moulin', point: { lat: 44.9205, lon: 4.9128 } },
      {
        id: 'stop-2' as StopId,
        label: 'Immeuble Les Bleuets',
        description: 'Salle commune rénovée par les habitants',
        point: { lat: 44.9211, lon: 4.9141 },
      },
      { id: 'stop-3' as StopId, label: 'Aire de jeux rue Bizet' },
    ],
    capacity: 25,
    institutionalSeats: 10,
    registrationDeadline: '2026-03-13T18:00:00+01:00',
    status: 'open',
    organiserIds: ['ville-de-valence' as OrganisationId, 'oph' as OrganisationId],
    sequence: 0,
    createdAt: '2026-01-10T10:00:00+01:00',
    updatedAt: '2026-01-12T15:30:00+01:00',
    ...overrides,
  });
}

export function observationFixture(overrides: Partial<Observation> = {}): Observation {
  return defined({
    id: 'obs-1' as ObservationId,
    quartierId: 'le-plan' as QuartierId,
    walkId: 'walk_LePlan2026' as WalkId,
    stopId: 'stop-1' as StopId,
    point: { lat: 44.92061, lon: 4.91295 },
    address: '12, rue Bizet',
    polarity: 'problem',
    themeId: 'eclairage-public' as ThemeId,
    description: 'Lampadaire éteint devant l’école, « dangereux » le soir; à réparer',
    photos: [{ id: 'photo-1', mediaType: 'image/jpeg', url: 'https://gusp.example.fr/media/photo-1.jpg', width: 1200, height: 900 }],
    source: 'walk',
    reporter: {
      name: 'Aïcha Benali',
      email: 'aicha.benali@example.org',
      phone: '+33 6 12 34 56 78',
      consent: { version: '2026-01', at: '2026-03-14T09:40:00+01:00' },
    },
    status: 'committed',
    organisationId: 'ville-de-valence' as OrganisationId,
    severity: 'high',
    engagementId: 'eng-1' as EngagementId,
    recordedAt: '2026-03-14T09:42:00+01:00',
    updatedAt: '2026-03-20T11:00:00+01:00',
    ...overrides,
  });
}

/** A varied set: a positive point located by its stop only, a rejected one with an address, a duplicate… */
export function observationsFixture(): Observation[] {
  return [
    observationFixture(),
    observationFixture({
      id: 'obs-2' as ObservationId,
      stopId: 'stop-2' as StopId,
      point: undefined,
      address: undefined,
      polarity: 'positive',
      themeId: 'lien-social' as ThemeId,
      description: 'La salle commune des Bleuets, rénovée par les habitants : un vrai lieu de rencontre.',
      photos: [],
      reporter: undefined,
      status: 'recorded',
      organisationId: undefined,
      severity: undefined,
      engagementId: undefined,
    }),
    observationFixture({
      id: 'obs-3' as ObservationId,
      walkId: undefined,
      stopId: undefined,
      point: undefined,
      address: 'Allée des Tilleuls, derrière le city-stade',
      themeId: 'nettoyage' as ThemeId,
      description: 'Dépôt sauvage "encombrants"\nau pied du bâtiment C',
      photos: [{ id: 'photo-3', mediaType: 'image/webp' }],
      source: 'resident',
      reporter: { email: 'voisin@example.org', consent: { version: '2026-01', at: '2026-04-02T08:00:00+02:00' } },
      status: 'rejected',
      rejectReason: 'Domaine privé du bailleur',
      organisationId: undefined,
      severity: undefined,
      engagementId: undefined,
      recordedAt: '2026-04-02T08:00:00+02:00',
      updatedAt: '2026-04-03T10:00:00+02:00',
    }),
    observationFixture({
      id: 'obs-4' as ObservationId,
      walkId: undefined,
      stopId: undefined,
      point: { lat: 44.9229, lon: 4.9262 },
      address: undefined,
      quartierId: 'fontbarlettes' as QuartierId,
      themeId: 'voirie' as ThemeId,
      description: 'Nid-de-poule',
      photos: [],
      source: 'agent',
      reporter: undefined,
      status: 'duplicate',
      duplicateOf: 'obs-1' as ObservationId,
      organisationId: undefined,
      severity: undefined,
      engagementId: undefined,
    }),
  ];
}

export function engagementFixture(overrides: Partial<Engagement> = {}): Engagement {
  return defined({
    id: 'eng-1' as EngagementId,
    title: 'Réparer l’éclairage devant l’école Jean-Moulin',
    description: 'Remplacer le lampadaire, puis vérifier "les deux" autres, rue Bizet',
    quartierId: 'le-plan' as QuartierId,
    themeId: 'eclairage-public' as ThemeId,
    organisationId: 'ville-de-valence' as OrganisationId,
    walkId: 'walk_LePlan2026' as WalkId,
    observationIds: ['obs-1' as ObservationId],
    dueOn: '2026-06-30',
    status: 'in-progress',
    progress: 40,
    milestones: [
      { at: '2026-03-20T11:00:00+01:00', kind: 'proposed' },
      { at: '2026-03-25T09:00:00+01:00', kind: 'accepted', dueOn: '2026-06-30', organisationId: 'ville-de-valence' as OrganisationId },
      { at: '2026-04-10T14:00:00+02:00', kind: 'progressed', percent: 40, note: 'Pièce commandée, « livraison » fin avril; pose en mai' },
    ],
    proposedAt: '2026-03-20T11:00:00+01:00',
    updatedAt: '2026-04-10T14:00:00+02:00',
    ...overrides,
  });
}

export function engagementsFixture(): Engagement[] {
  return [
    engagementFixture(),
    engagementFixture({
      id: 'eng-2' as EngagementId,
      title: 'Ajouter des bacs de tri, allée des Tilleuls',
      description: undefined,
      themeId: 'tri-selectif' as ThemeId,
      organisationId: 'oph' as OrganisationId,
      walkId: undefined,
      observationIds: [],
      dueOn: undefined,
      status: 'proposed',
      progress: 0,
      milestones: [{ at: '2026-03-20T11:00:00+01:00', kind: 'proposed' }],
    }),
    engagementFixture({
      id: 'eng-3' as EngagementId,
      title: 'Élaguer les arbres 🌳 de l’aire de jeux',
      themeId: undefined,
      observationIds: ['obs-5' as ObservationId, 'obs-6' as ObservationId],
      status: 'done',
      progress: 100,
      completedAt: '2026-05-02T16:00:00+02:00',
      milestones: [
        { at: '2026-03-20T11:00:00+01:00', kind: 'proposed' },
        { at: '2026-05-02T16:00:00+02:00', kind: 'completed', note: 'Fait.\nMerci aux habitants, au "collectif" & à l’OPH' },
      ],
    }),
  ];
}

/** A draft compte-rendu of {@linkcode walkFixture}, with hostile text in it. */
export function reportFixture(overrides: Partial<Report> = {}): Report {
  return defined({
    id: 'report-1' as ReportId,
    walkId: 'walk_LePlan2026' as WalkId,
    status: 'shared',
    summary:
      'Une matinée riche : 14 points relevés.\n\nLes habitants & l’OPH ont salué la salle des Bleuets. <script>alert("x")</script> *gras* _italique_ [lien](http://x)',
    participants: { resident: 12, association: 3, professional: 4, elected: 2, landlord: 2, 'proximity-agent': 1, partner: 1 },
    participantsTotal: 25,
    byStop: [
      { stopId: 'stop-1' as StopId, label: 'Parvis de l’école Jean-Moulin', positive: 1, problem: 3 },
      { stopId: 'stop-2' as StopId, label: 'Immeuble Les Bleuets', positive: 4, problem: 1 },
      { label: 'Hors parcours', positive: 0, problem: 2 },
    ],
    byTheme: [
      { themeId: 'eclairage-public' as ThemeId, positive: 0, problem: 3 },
      { themeId: 'lien-social' as ThemeId, positive: 4, problem: 0 },
      { themeId: 'nettoyage' as ThemeId, positive: 1, problem: 3 },
    ],
    positives: [
      {
        observationId: 'obs-2' as ObservationId,
        themeId: 'lien-social' as ThemeId,
        stopId: 'stop-2' as StopId,
        description: 'Salle "commune" rénovée <b>par</b> les habitants & l’OPH',
      },
    ],
    problems: [
      {
        observationId: 'obs-1' as ObservationId,
        themeId: 'eclairage-public' as ThemeId,
        stopId: 'stop-1' as StopId,
        description: 'Lampadaire éteint <script>alert(1)</script> *urgent* _ce soir_ [voir] # 1. | pipe',
      },
      {
        observationId: 'obs-3' as ObservationId,
        themeId: 'nettoyage' as ThemeId,
        description: 'Dépôt sauvage\nau pied du bâtiment C',
        place: 'Allée des Tilleuls',
      },
    ],
    engagements: [
      {
        engagementId: 'eng-1' as EngagementId,
        title: 'Réparer l’éclairage <devant> l’école',
        organisationId: 'ville-de-valence' as OrganisationId,
        dueOn: '2026-06-30',
        status: 'accepted',
      },
      { engagementId: 'eng-2' as EngagementId, title: 'Ajouter des bacs de tri', status: 'proposed' },
    ],
    generatedAt: '2026-03-14T14:00:00+01:00',
    validatedAt: '2026-03-20T10:00:00+01:00',
    sharedOn: '2026-03-27',
    ...overrides,
  });
}

/**
 * Ids as nanoid draws them, starting with `-` (1 in 64 does): an observation at a stop
 * of a walk, a duplicate of it, and the engagement both are linked to.
 */
export function dashIdsFixture(): { walk: Walk; observations: Observation[]; engagement: Engagement } {
  const walkId = '-Wk0f3xYq2LmN8pR4sT6u' as WalkId;
  const stopId = '-St0pA' as StopId;
  const engagementId = '-zEng5q7pQdmOJvXRg92' as EngagementId;
  const walk = walkFixture({
    id: walkId,
    stops: [{ id: stopId, label: '-Parvis, côté « cour »', point: { lat: 44.9301, lon: 4.8907 } }],
  });
  const atStop = observationFixture({
    id: '-zy5q7pQdmOJvXRg92V-y' as ObservationId,
    walkId,
    stopId,
    point: undefined,
    address: '-3 bis, impasse des Lilas',
    description: '-- tag sur le mur, « =SOMME » écrit dessus',
    engagementId,
    reporter: undefined,
  });
  const duplicate = observationFixture({
    id: '--_x9' as ObservationId,
    walkId,
    stopId,
    point: { lat: 44.93, lon: 4.8906 },
    status: 'duplicate',
    duplicateOf: atStop.id,
    organisationId: undefined,
    severity: undefined,
    engagementId: undefined,
    reporter: undefined,
  });
  const engagement = engagementFixture({ id: engagementId, walkId, observationIds: [atStop.id, duplicate.id] });
  return { walk, observations: [atStop, duplicate], engagement };
}
