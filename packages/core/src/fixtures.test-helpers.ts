// SPDX-License-Identifier: EUPL-1.2
/**
 * Hand-built model objects for the rules and views tests (not a test file
 * itself: the runner only picks `*.test.ts`). Valence, quartier Le Plan.
 */
import type { ActorRole } from './actor.js';
import type { Engagement } from './engagement/engagement.js';
import type { EngagementId, ObservationId, OrganisationId, QuartierId, RegistrationId, StopId, ThemeId, WalkId } from './ids.js';
import type { Observation } from './observation/observation.js';
import type { Registration } from './registration/registration.js';
import type { Walk } from './walk/walk.js';

/** A walk in Le Plan on Saturday 14 March 2026 at 09:00 Paris time, open, 25 public seats, three stops. */
export function walkFixture(overrides: Partial<Walk> = {}): Walk {
  return {
    id: 'walk-le-plan-2026' as WalkId,
    quartierId: 'le-plan' as QuartierId,
    startsAt: '2026-03-14T09:00:00+01:00',
    durationMinutes: 240,
    meetingPoint: { label: 'Parvis de l’école Jean-Moulin' },
    stops: [
      { id: 'stop-1' as StopId, label: 'Parvis de l’école Jean-Moulin' },
      { id: 'stop-2' as StopId, label: 'Immeuble Les Bleuets' },
      { id: 'stop-3' as StopId, label: 'Aire de jeux' },
    ],
    capacity: 25,
    registrationDeadline: '2026-03-13T18:00:00+01:00',
    status: 'open',
    organiserIds: ['ville-de-valence' as OrganisationId],
    sequence: 0,
    createdAt: '2026-02-01T10:00:00+01:00',
    updatedAt: '2026-02-01T10:00:00+01:00',
    ...overrides,
  };
}

let registrationCount = 0;

/** A registration to {@linkcode walkFixture}; ids are unique within a test run. */
export function registrationFixture(overrides: Partial<Registration> & { role?: ActorRole } = {}): Registration {
  registrationCount++;
  return {
    id: `reg-${registrationCount}` as RegistrationId,
    walkId: 'walk-le-plan-2026' as WalkId,
    name: `Personne ${registrationCount}`,
    email: `personne${registrationCount}@example.org`,
    role: 'resident',
    needs: [],
    locale: 'fr',
    consent: { version: '2026-01', at: '2026-03-01T10:00:00+01:00' },
    status: 'confirmed',
    cancelToken: `token-${registrationCount}`,
    registeredAt: '2026-03-01T10:00:00+01:00',
    updatedAt: '2026-03-01T10:00:00+01:00',
    ...overrides,
  };
}

let observationCount = 0;

export function observationFixture(overrides: Partial<Observation> = {}): Observation {
  observationCount++;
  return {
    id: `obs-${observationCount}` as ObservationId,
    quartierId: 'le-plan' as QuartierId,
    polarity: 'problem',
    themeId: 'eclairage-public' as ThemeId,
    description: 'Lampadaire éteint',
    photos: [],
    source: 'walk',
    address: 'Rue Bizet',
    status: 'recorded',
    recordedAt: '2026-03-14T10:00:00+01:00',
    updatedAt: '2026-03-14T10:00:00+01:00',
    ...overrides,
  };
}

let engagementCount = 0;

export function engagementFixture(overrides: Partial<Engagement> = {}): Engagement {
  engagementCount++;
  return {
    id: `eng-${engagementCount}` as EngagementId,
    title: `Engagement ${engagementCount}`,
    quartierId: 'le-plan' as QuartierId,
    observationIds: [],
    status: 'proposed',
    progress: 0,
    milestones: [{ at: '2026-03-20T10:00:00+01:00', kind: 'proposed' }],
    proposedAt: '2026-03-20T10:00:00+01:00',
    updatedAt: '2026-03-20T10:00:00+01:00',
    ...overrides,
  };
}

/** `ms` milliseconds after (or before, when negative) an ISO instant, as a Date. */
export const at = (iso: string, ms = 0): Date => new Date(new Date(iso).getTime() + ms);
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
