// SPDX-License-Identifier: EUPL-1.2
import type { CityProfile, ContributionOutcome, EngagementStatus, ProjectPage, WorkshopSummary } from '@gusp/core';

/**
 * What `<gusp-project>` shows: the core's `ProjectPage` (no personal data)
 * and, optionally, what it needs of the city: `city` (the whole profile: time
 * zone, privacy notice) or just `timezone` (Europe/Paris by default).
 *
 * The API serves it at `GET {endpoint}/projects/{id}`; a page can also put it
 * in a child `<script type="application/json">` or set the `data` property.
 *
 * @example
 * { "project": { "id": "…", "title": "Réhabilitation des Bleuets", "site": { "label": "Immeuble Les Bleuets" }, "status": "in-concertation", … },
 *   "quartierName": "Le Plan", "landlord": { "id": "oph", "name": "Valence Romans Habitat" },
 *   "partners": [{ "id": "compagnons", "name": "Compagnons bâtisseurs" }],
 *   "phases": [{ "kind": "diagnostic", "actualStart": "2013-01-15", "actualEnd": "2013-06-30", "current": false }, …],
 *   "upcomingWorkshops": [{ "workshop": { … }, "status": "open", "seatsLeft": 8, … }], "pastWorkshops": [ … ],
 *   "contributions": [{ "id": "…", "kind": "decision", "text": "…", "outcome": "declined", "outcomeReason": "…" }],
 *   "engagements": [{ "id": "…", "title": "…", "status": "in-progress", "progress": 40, "organisation": { … } }] }
 */
export interface ProjectData extends ProjectPage {
  /** The city profile (as `GET {endpoint}/city` or `defineCity` gives it). */
  readonly city?: CityProfile;
  /** IANA time zone of the project's days and workshops, when `city` is not given; Europe/Paris by default. */
  readonly timezone?: string;
  /** Link to the privacy notice next to the sign-up's consent box, when `city` has none. */
  readonly privacyNoticeUrl?: string;
}

/**
 * What the sign-up to one workshop shows (`<gusp-workshop-signup>`, opened by
 * `<gusp-project>`): the core's `WorkshopSummary` and the project's name and time zone.
 */
export interface WorkshopSignupData extends WorkshopSummary {
  /** The project's title, said with the workshop's. */
  readonly projectTitle?: string;
  readonly timezone?: string;
  readonly privacyNoticeUrl?: string;
}

/**
 * The symbol said with each outcome's words (never colour alone): ✓ adopted,
 * ◐ under study, ✕ declined, … pending. Hidden from screen readers, which read the words.
 */
export const OUTCOME_SYMBOL: Readonly<Record<ContributionOutcome, string>> = {
  pending: '…',
  adopted: '✓',
  studied: '◐',
  declined: '✕',
};

/** The symbol said with each engagement status's words. */
export const ENGAGEMENT_SYMBOL: Readonly<Record<EngagementStatus, string>> = {
  proposed: '○',
  accepted: '◔',
  'in-progress': '◑',
  done: '✓',
  verified: '✓✓',
  abandoned: '✕',
};

/** Where a phase stands against the current one: before it (done), it, or after it (to come). */
export type PhasePlace = 'done' | 'current' | 'to-come';

/**
 * Each phase's place in the timeline: those before the current phase are
 * done, those after it to come; with no current phase (suspended, abandoned),
 * a phase that has really ended is done and the others to come.
 */
export function phasePlaces(phases: ProjectPage['phases']): PhasePlace[] {
  const current = phases.findIndex((p) => p.current);
  return phases.map((p, i) =>
    current < 0 ? (p.actualEnd ? 'done' : 'to-come') : i < current ? 'done' : i === current ? 'current' : 'to-come',
  );
}

/** The workshop's data as its sign-up form takes it, with the project's time zone and privacy notice. */
export const workshopSignupDataOf = (summary: WorkshopSummary, data: ProjectData): WorkshopSignupData => ({
  ...summary,
  projectTitle: data.project.title,
  timezone: data.city?.timezone ?? data.timezone ?? 'Europe/Paris',
  ...((data.city?.privacyNoticeUrl ?? data.privacyNoticeUrl)
    ? { privacyNoticeUrl: data.city?.privacyNoticeUrl ?? data.privacyNoticeUrl }
    : {}),
});
