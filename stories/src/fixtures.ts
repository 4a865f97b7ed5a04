// SPDX-License-Identifier: EUPL-1.2
/**
 * Inline data for the stories: the elements' own test data
 * (packages/elements/test/fixtures.ts: the core's `valence` profile through its
 * schemas), so every story shows what the tests check.
 */
import { valence, type Engagement } from '@gusp/core';
import type { EngagementTrackerData, IssueFormData, WalkSignupData } from '@gusp/elements';
import { NOW, engagement, typicalEngagements, walkData as baseWalkData } from '../../packages/elements/test/fixtures.js';

export { NOW, typicalEngagements };

/** The elements' test data, with the two stops an agent picks from during a walk. */
const STOPS = [
  { id: 'stop-parvis', label: 'Parvis de la maison de quartier' },
  { id: 'stop-bleuets', label: 'Square des Bleuets' },
];
const walkData = (overrides: Parameters<typeof baseWalkData>[0] = {}, extra?: Parameters<typeof baseWalkData>[1]): WalkSignupData =>
  baseWalkData({ ...overrides, walk: { stops: STOPS, ...overrides.walk } }, extra);

/** The sign-up's states, as the element's tests give them. */
export const walkStates = {
  open: () => walkData(),
  fewSeats: () => walkData({ seatsLeft: 2, fewSeatsLeft: true, confirmed: 23 }),
  full: () => walkData({ seatsLeft: 0, confirmed: 25, waitlisted: 3 }),
  /** Registration deadline passed while the walk itself is still open. */
  closed: () => walkData({ walk: { registrationDeadline: '2020-01-01T18:00:00+01:00' } }),
  cancelled: () => walkData({ status: 'cancelled', walk: { status: 'cancelled', cancelReason: 'Alerte météo' } }),
  /** Every reschedule bumps the walk's `sequence`. */
  rescheduled: () =>
    walkData({ walk: { sequence: 1, startsAt: '2099-03-21T09:00:00+01:00', registrationDeadline: '2099-03-20T18:00:00+01:00' } }),
} satisfies Record<string, () => WalkSignupData>;

/** The issue form: a resident on a city page. */
export const residentData = (): IssueFormData => ({ city: valence });

/** The issue form during a walk (agent mode): the walk's quartier and ordered stops. */
export function walkFormData(): IssueFormData {
  const { walk } = walkData({ status: 'in-progress', walk: { status: 'in-progress' } });
  return { city: valence, walk: { id: walk.id, quartierId: walk.quartierId, stops: walk.stops } };
}

/** Several engagements past their due date (and not done) on {@linkcode NOW}. */
export const overdueEngagements = (): Engagement[] => [
  engagement({ title: 'Remplacer les lampadaires du parking', dueOn: '2026-10-31', status: 'accepted' }),
  engagement({
    title: 'Nettoyer le square',
    status: 'in-progress',
    progress: 40,
    themeId: 'nettoyage',
    dueOn: '2026-12-23',
    organisationId: 'oph',
  }),
  engagement({
    title: 'Réparer la porte du hall B',
    status: 'in-progress',
    progress: 80,
    themeId: 'securite',
    quartierId: 'fontbarlettes',
    dueOn: '2027-01-03',
    organisationId: 'oph',
  }),
  engagement({
    title: 'Installer un composteur',
    status: 'done',
    progress: 100,
    themeId: 'tri-selectif',
    dueOn: '2026-12-01',
    completedAt: '2026-11-29T10:00:00+01:00',
  }),
];

/** 10,000 engagements, half of them overdue (as in the element's 10,000-row test). */
export const manyEngagements = (): Engagement[] =>
  Array.from({ length: 10_000 }, (_, i) =>
    engagement({
      title: `Engagement n° ${i + 1}`,
      status: i % 3 === 0 ? 'in-progress' : 'accepted',
      dueOn: i % 2 === 0 ? '2026-12-01' : '2027-06-01',
    }),
  );

export const trackerData = (engagements: Engagement[]): EngagementTrackerData => ({ engagements, city: valence });
