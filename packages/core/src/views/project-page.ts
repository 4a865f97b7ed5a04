// SPDX-License-Identifier: EUPL-1.2
import type { EngagementStatus } from '../engagement/engagement.js';
import type { ContributionKind, ContributionOutcome } from '../project/contribution.js';
import type { PhaseKind, PublicProject } from '../project/project.js';
import type { WorkshopSummary } from './workshop-summary.js';

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
