// SPDX-License-Identifier: EUPL-1.2
import type { CityProfile } from '../city/city-profile.js';
import { findOrganisation, findQuartier } from '../city/lookup.js';
import { calendarDay, instant } from '../dates.js';
import type { Engagement, EngagementStatus } from '../engagement/engagement.js';
import type { Contribution, ContributionKind, ContributionOutcome } from '../project/contribution.js';
import type { ProjectAggregate } from '../project/project.fold.js';
import { CONTRIBUTION_OUTCOMES, PHASE_KINDS, PHASE_OF_STATUS } from '../project/project-status.js';
import type { PhaseKind, Project, PublicProject } from '../project/project.js';
import type { WorkshopAggregate } from '../workshop/workshop.fold.js';
import { isPastWorkshop, isUpcomingWorkshop, workshopSummary, type WorkshopSummary } from './workshop-summary.js';

/** An organisation as a public page names it. */
export interface NamedOrganisation {
  readonly id: string;
  readonly name: string;
}

/** One phase of the page's timeline: every kind in order, with its days when set; `current`: « nous en sommes là ». */
export interface ProjectPagePhase {
  readonly kind: PhaseKind;
  readonly plannedStart?: string | undefined;
  readonly plannedEnd?: string | undefined;
  readonly actualStart?: string | undefined;
  readonly actualEnd?: string | undefined;
  readonly note?: string | undefined;
  /** The phase the project is in now (none while suspended or abandoned). */
  readonly current: boolean;
}

/** A contribution as the public sees it (« ce que vous avez décidé »): never who recorded it. */
export interface ProjectPageContribution {
  readonly id: string;
  readonly workshopId?: string | undefined;
  /** The title of the workshop it was made in. */
  readonly workshopTitle?: string | undefined;
  readonly kind: ContributionKind;
  readonly text: string;
  readonly outcome: ContributionOutcome;
  readonly outcomeReason?: string | undefined;
  readonly recordedAt: string;
  readonly decidedAt?: string | undefined;
}

/** An engagement of the project, as the tracker shows it: what, who, by when, where it stands. */
export interface ProjectPageEngagement {
  readonly id: string;
  readonly title: string;
  readonly status: EngagementStatus;
  readonly progress: number;
  readonly organisation?: NamedOrganisation | undefined;
  readonly dueOn?: string | undefined;
}

/** One dated entry of the project's timeline, gathering phases, workshops, decisions and engagements, oldest first. */
export interface ProjectTimelineEntry {
  /** The day (`YYYY-MM-DD`, city time zone). */
  readonly on: string;
  readonly kind: 'phase-start' | 'phase-end' | 'workshop' | 'decision' | 'engagement';
  /** The phase's kind, or the workshop's, contribution's or engagement's id. */
  readonly ref: string;
  /** Whether it is still to come (a planned phase date, an upcoming workshop). */
  readonly planned: boolean;
}

/**
 * The public page of one concerted project (`<gusp-project>`, the project's HTML page): what,
 * where, who, its phases with « nous en sommes là », its workshops (upcoming with seats, past with
 * attendance), what residents decided and what became of it, its engagements. No personal data.
 */
export interface ProjectPage {
  readonly project: PublicProject;
  readonly quartierName: string;
  readonly landlord: NamedOrganisation;
  readonly partners: readonly NamedOrganisation[];
  /** Every phase kind in order (diagnostic … evaluation), with its days when set. */
  readonly phases: readonly ProjectPagePhase[];
  /** The current phase, when there is one. */
  readonly currentPhase?: PhaseKind | undefined;
  /** Published, not cancelled, not yet started; soonest first. */
  readonly upcomingWorkshops: readonly WorkshopSummary[];
  /** Started or done (with attendance: `attended`), most recent first. Cancelled ones are in neither list. */
  readonly pastWorkshops: readonly WorkshopSummary[];
  /** In the order they were recorded. */
  readonly contributions: readonly ProjectPageContribution[];
  /** Counts by outcome. */
  readonly contributionsByOutcome: Readonly<Record<ContributionOutcome, number>>;
  readonly engagements: readonly ProjectPageEngagement[];
  readonly timeline: readonly ProjectTimelineEntry[];
}

/** How many contributions have each outcome. */
export function contributionsByOutcome(contributions: readonly Pick<Contribution, 'outcome'>[]): Record<ContributionOutcome, number> {
  const counts = Object.fromEntries(CONTRIBUTION_OUTCOMES.map((o) => [o, 0])) as Record<ContributionOutcome, number>;
  for (const c of contributions) counts[c.outcome]++;
  return counts;
}

/** The phase a project is in now: « nous en sommes là » (none while suspended or abandoned). */
export function currentPhaseOf(project: Pick<Project, 'status'>): PhaseKind | undefined {
  return PHASE_OF_STATUS[project.status];
}

const named = (city: CityProfile, id: string): NamedOrganisation => ({ id, name: findOrganisation(city, id)?.name ?? id });

/**
 * The public page of one project at `now`, from its stream, its workshops' and the engagements
 * (those of other projects are left out here). No personal data: registrations become counts,
 * contributions and engagements lose who recorded them.
 */
export function projectPage(
  agg: ProjectAggregate,
  workshops: readonly WorkshopAggregate[],
  engagements: readonly Engagement[],
  city: CityProfile,
  now: Date,
): ProjectPage {
  const { createdAt: _c, updatedAt: _u, ...project } = agg.project;
  const tz = city.timezone;
  const own = workshops.filter((w) => w.workshop.projectId === project.id);
  const current = currentPhaseOf(project);
  const phases = PHASE_KINDS.map((kind): ProjectPagePhase => ({
    ...project.phases.find((p) => p.kind === kind),
    kind,
    current: kind === current,
  }));
  const upcomingWorkshops = own
    .filter((w) => isUpcomingWorkshop(w.workshop, now))
    .sort((a, b) => instant(a.workshop.startsAt) - instant(b.workshop.startsAt))
    .map((w) => workshopSummary(w, now));
  const pastWorkshops = own
    .filter((w) => isPastWorkshop(w.workshop))
    .sort((a, b) => instant(b.workshop.startsAt) - instant(a.workshop.startsAt))
    .map((w) => workshopSummary(w, now));
  const titles = new Map(own.map((w) => [w.workshop.id as string, w.workshop.title]));
  const contributions = agg.contributions.map((c): ProjectPageContribution => ({
    id: c.id,
    ...(c.workshopId ? { workshopId: c.workshopId, workshopTitle: titles.get(c.workshopId) } : {}),
    kind: c.kind,
    text: c.text,
    outcome: c.outcome,
    ...(c.outcomeReason ? { outcomeReason: c.outcomeReason } : {}),
    recordedAt: c.recordedAt,
    ...(c.decidedAt ? { decidedAt: c.decidedAt } : {}),
  }));
  const linked = engagements
    .filter((e) => e.projectId === project.id)
    .map((e): ProjectPageEngagement => ({
      id: e.id,
      title: e.title,
      status: e.status,
      progress: e.progress,
      ...(e.organisationId ? { organisation: named(city, e.organisationId) } : {}),
      ...(e.dueOn ? { dueOn: e.dueOn } : {}),
    }));
  const timeline: ProjectTimelineEntry[] = [];
  for (const p of project.phases) {
    const start = p.actualStart ?? p.plannedStart;
    const end = p.actualEnd ?? p.plannedEnd;
    if (start) timeline.push({ on: start, kind: 'phase-start', ref: p.kind, planned: p.actualStart === undefined });
    if (end) timeline.push({ on: end, kind: 'phase-end', ref: p.kind, planned: p.actualEnd === undefined });
  }
  for (const w of [...pastWorkshops, ...upcomingWorkshops]) {
    timeline.push({ on: calendarDay(w.workshop.startsAt, tz), kind: 'workshop', ref: w.workshop.id, planned: !isPastWorkshop(w.workshop) });
  }
  for (const c of agg.contributions) {
    if (c.decidedAt) timeline.push({ on: calendarDay(c.decidedAt, tz), kind: 'decision', ref: c.id, planned: false });
  }
  for (const e of engagements) {
    if (e.projectId === project.id) timeline.push({ on: calendarDay(e.proposedAt, tz), kind: 'engagement', ref: e.id, planned: false });
  }
  timeline.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
  return {
    project,
    quartierName: findQuartier(city, project.quartierId)?.name ?? project.quartierId,
    landlord: named(city, project.landlordId),
    partners: project.partnerIds.map((id) => named(city, id)),
    phases,
    ...(current ? { currentPhase: current } : {}),
    upcomingWorkshops,
    pastWorkshops,
    contributions,
    contributionsByOutcome: contributionsByOutcome(agg.contributions),
    engagements: linked,
    timeline,
  };
}
