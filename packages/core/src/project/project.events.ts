// SPDX-License-Identifier: EUPL-1.2
/**
 * The events of a concerted project's stream, `project-<id>`: the project, its phases and the
 * contributions residents made in its workshops. Facts in the past tense; each staff action says who
 * acted (`by`). The workshops have streams of their own (`workshop-<id>`, see `workshop.events.ts`).
 */
import type { ByStaff, EventShape } from '../events.js';
import type { ContributionId } from '../ids.js';
import type { Contribution, ContributionOutcome } from './contribution.js';
import type { Phase, Project } from './project.js';

/** The details a project's edit may change (each given replaces the project's). */
export type ProjectDetails = Pick<Project, 'quartierId' | 'title' | 'kind' | 'site' | 'landlordId' | 'partnerIds' | 'description'>;

/** A project created as a draft, with the phases planned from the start. */
export type ProjectCreated = EventShape<'ProjectCreated', { project: Project } & ByStaff>;
/** Its details set again: each field present replaces the project's. */
export type ProjectEdited = EventShape<'ProjectEdited', { changes: Partial<ProjectDetails> } & ByStaff>;
/** One phase's planned and actual days (and note) set, replacing what the project had for that kind. */
export type ProjectPhaseSet = EventShape<'ProjectPhaseSet', { phase: Phase } & ByStaff>;
/** Made public: it shows on the quartier's pages. */
export type ProjectAnnounced = EventShape<'ProjectAnnounced', ByStaff>;
export type ProjectConcertationStarted = EventShape<'ProjectConcertationStarted', ByStaff>;
export type ProjectWorksStarted = EventShape<'ProjectWorksStarted', ByStaff>;
export type ProjectDelivered = EventShape<'ProjectDelivered', ByStaff>;
export type ProjectEvaluated = EventShape<'ProjectEvaluated', ByStaff>;
/** Put on hold, with a public reason; `from`: the status it resumes to. */
export type ProjectSuspended = EventShape<'ProjectSuspended', { reason: string; from: Project['status'] } & ByStaff>;
/** Back to the status it was suspended from. */
export type ProjectResumed = EventShape<'ProjectResumed', ByStaff>;
export type ProjectAbandoned = EventShape<'ProjectAbandoned', { reason: string } & ByStaff>;
/** What residents decided or asked, recorded `pending` by staff. */
export type ContributionRecorded = EventShape<'ContributionRecorded', { contribution: Contribution } & ByStaff>;
/** What was done with a contribution: adopted, studied, or declined with a reason. */
export type ContributionDecided = EventShape<
  'ContributionDecided',
  { contributionId: ContributionId; outcome: Exclude<ContributionOutcome, 'pending'>; reason?: string } & ByStaff
>;

export type ProjectEvent =
  | ProjectCreated
  | ProjectEdited
  | ProjectPhaseSet
  | ProjectAnnounced
  | ProjectConcertationStarted
  | ProjectWorksStarted
  | ProjectDelivered
  | ProjectEvaluated
  | ProjectSuspended
  | ProjectResumed
  | ProjectAbandoned
  | ContributionRecorded
  | ContributionDecided;
