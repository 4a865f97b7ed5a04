// SPDX-License-Identifier: EUPL-1.2
import { ACTOR_ROLES, type ActorRole } from '../actor.js';
import { instant } from '../dates.js';
import { seatsLeft } from '../registration/registration.rules.js';
import type { WorkshopAggregate } from '../workshop/workshop.fold.js';
import { effectiveWorkshopStatus } from '../workshop/workshop-status.js';
import type { WorkshopStatus, Workshop } from '../workshop/workshop.js';
import { gatheringCounts, type WalkCalendarLinks, type WalkCounts } from './walk-summary.js';

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

/**
 * A workshop's page and calendar links: a walk's ({@linkcode WalkCalendarLinks}, the same fields), `ics`
 * this workshop alone and `feed` every public workshop of its project instead of its quartier's walks.
 */
export type WorkshopCalendarLinks = WalkCalendarLinks;

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

/** What a sign-up page and a coordinator see of a workshop at `now` (the walk's counts, the same code). */
export function workshopSummary(agg: WorkshopAggregate, now: Date): WorkshopSummary {
  const { workshop, registrations } = agg;
  const institutional = workshop.institutionalSeats === undefined ? undefined : seatsLeft(workshop, registrations, 'elected');
  return {
    ...gatheringCounts(workshop, registrations),
    workshop,
    status: effectiveWorkshopStatus(workshop, now),
    capacity: workshop.capacity,
    ...(institutional === undefined ? {} : { institutionalSeatsLeft: institutional }),
  };
}

/** Published, not cancelled and not yet started: the workshops people may still come to. */
export function isUpcomingWorkshop(workshop: Workshop, now: Date): boolean {
  return (workshop.status === 'open' || workshop.status === 'closed') && instant(workshop.startsAt) >= now.getTime();
}

/** Started or done: the workshops that took place. */
export function isPastWorkshop(workshop: Workshop): boolean {
  return workshop.status === 'in-progress' || workshop.status === 'done';
}

/**
 * The upcoming workshops (published, not cancelled, not yet started), soonest first, of a quartier
 * or a project when the filter says so.
 */
export function upcomingWorkshops(
  workshops: readonly Workshop[],
  now: Date,
  filter: { quartierId?: string | undefined; projectId?: string | undefined } = {},
): Workshop[] {
  return workshops
    .filter(
      (w) =>
        isUpcomingWorkshop(w, now) &&
        (filter.quartierId === undefined || w.quartierId === filter.quartierId) &&
        (filter.projectId === undefined || w.projectId === filter.projectId),
    )
    .sort((a, b) => instant(a.startsAt) - instant(b.startsAt));
}

/** Who came to each workshop, by status and role, in date order. Counts only, never who. */
export function participationByWorkshop(workshops: readonly WorkshopAggregate[]): WorkshopParticipation[] {
  return [...workshops]
    .sort((a, b) => instant(a.workshop.startsAt) - instant(b.workshop.startsAt))
    .map(({ workshop, registrations }) => {
      const byRole = Object.fromEntries(ACTOR_ROLES.map((r) => [r, 0])) as Record<ActorRole, number>;
      const done = workshop.status === 'done';
      let confirmed = 0;
      let waitlisted = 0;
      let attended = 0;
      let absent = 0;
      let walkIns = 0;
      for (const r of registrations) {
        if (r.status === 'confirmed') confirmed++;
        else if (r.status === 'waitlisted') waitlisted++;
        else if (r.status === 'attended') attended++;
        else if (r.status === 'absent') absent++;
        if (r.status === 'attended' && r.channel === 'walk-in') walkIns++;
        if (r.status === 'attended' || (!done && r.status === 'confirmed')) byRole[r.role]++;
      }
      return {
        workshopId: workshop.id,
        projectId: workshop.projectId,
        title: workshop.title,
        kind: workshop.kind,
        startsAt: workshop.startsAt,
        status: workshop.status,
        confirmed,
        waitlisted,
        attended,
        absent,
        walkIns,
        byRole,
      };
    });
}
