// SPDX-License-Identifier: EUPL-1.2
import type { ActorRole } from '../actor.js';
import type { WorkshopStatus, Workshop } from '../workshop/workshop.js';
import type { WalkCounts } from './walk-summary.js';

/**
 * What a sign-up page and a coordinator see of a workshop, as {@linkcode WalkSummary} of a walk:
 * the same counts (the same code: `gatheringCounts`), the status as people see it (closed once the
 * deadline passed) and the institutional seats left. No personal data.
 */
export interface WorkshopSummary extends WalkCounts {
  /** The workshop: kind, title, place, start, seats… */
  readonly workshop: Workshop;
  /** Status as people see it (closed once the deadline passed). */
  readonly status: WorkshopStatus;
  readonly capacity: number;
  /** Institutional seats left; absent when they have no limit. */
  readonly institutionalSeatsLeft?: number | undefined;
  /** Where the workshop's page and calendars are: set by a server that serves them, absent otherwise. */
  readonly calendar?: WorkshopCalendarLinks | undefined;
}

/** A workshop's page and calendar links, absolute (see {@linkcode WalkCalendarLinks}): the project's feed instead of the quartier's. */
export interface WorkshopCalendarLinks {
  readonly page: string;
  /** This workshop alone, one VEVENT. */
  readonly ics: string;
  readonly webcal: string;
  /** Every public workshop of the project. */
  readonly feed: string;
  readonly feedWebcal: string;
}

/** Who came to one workshop, by role and status: `participationByWorkshop`. Counts only. */
export interface WorkshopParticipation {
  readonly workshopId: string;
  readonly projectId: string;
  readonly title: string;
  readonly kind: Workshop['kind'];
  readonly startsAt: string;
  readonly status: WorkshopStatus;
  readonly confirmed: number;
  readonly waitlisted: number;
  readonly attended: number;
  readonly absent: number;
  /** Of whom walk-ins (came without signing up). */
  readonly walkIns: number;
  /** Attended by role once it is done; confirmed or attended before. */
  readonly byRole: Readonly<Record<ActorRole, number>>;
}
