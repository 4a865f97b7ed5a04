// SPDX-License-Identifier: EUPL-1.2
import type { Contribution, DecideContributionInput, RecordContributionInput } from '../project/contribution.js';
import type { ProjectAggregate } from '../project/project.fold.js';
import type { CreateProjectInput, EditProjectInput, Project, SetPhaseInput } from '../project/project.js';
import type { Result } from '../result.js';
import type { CommandOptions } from './runtime.js';
import type { StaffCommandOptions } from './staff-actor.js';

/**
 * Commands on concerted projects and the contributions residents made in them: `gusp.projects`.
 * Every command is async, returns a `Result` and never throws for bad input or a refused rule;
 * `options.locale` sets the language of its error message. Only city staff change a project: an
 * organisation's staff (`actor.role: 'organisation'`) are refused with `project.organisation-cannot-change`.
 * A step the lifecycle does not allow is refused with `project.invalid-transition`; an unknown
 * project with `project.not-found`.
 */
export interface ProjectCommands {
  /** Creates a project as a draft; its quartier, landlord and partners must be the city's (`project.unknown-quartier`, `project.unknown-organisation`). */
  create(input: CreateProjectInput, options?: StaffCommandOptions): Promise<Result<Project>>;
  /** Sets its details again (each field given replaces the project's), any status but evaluated and abandoned. */
  edit(projectId: string, input: EditProjectInput, options?: StaffCommandOptions): Promise<Result<Project>>;
  /** Sets one phase's planned and actual days and note (`project.phase-dates` when a start is after its end). */
  setPhase(projectId: string, input: SetPhaseInput, options?: StaffCommandOptions): Promise<Result<Project>>;
  /** Makes the draft public: draft → announced. */
  announce(projectId: string, options?: StaffCommandOptions): Promise<Result<Project>>;
  /** announced → in-concertation. */
  startConcertation(projectId: string, options?: StaffCommandOptions): Promise<Result<Project>>;
  /** in-concertation → in-works. */
  startWorks(projectId: string, options?: StaffCommandOptions): Promise<Result<Project>>;
  /** in-works → delivered. */
  deliver(projectId: string, options?: StaffCommandOptions): Promise<Result<Project>>;
  /** delivered → evaluated. */
  evaluate(projectId: string, options?: StaffCommandOptions): Promise<Result<Project>>;
  /** Puts it on hold with a public reason (`project.reason-required`), while announced, in concertation or in works. */
  suspend(projectId: string, input: { reason: string }, options?: StaffCommandOptions): Promise<Result<Project>>;
  /** Back to the status it was suspended from. */
  resume(projectId: string, options?: StaffCommandOptions): Promise<Result<Project>>;
  /** Gives it up with a public reason (`project.reason-required`), before it is delivered. */
  abandon(projectId: string, input: { reason: string }, options?: StaffCommandOptions): Promise<Result<Project>>;
  /**
   * Records what residents decided or asked (`pending`), in one of the project's workshops when
   * `workshopId` is given (`workshop.not-found` if it is not the project's).
   */
  recordContribution(projectId: string, input: RecordContributionInput, options?: StaffCommandOptions): Promise<Result<Contribution>>;
  /**
   * What was done with it: `adopted`, `studied`, or `declined` with a reason (`contribution.reason-required`);
   * pending → any, studied → adopted or declined (`contribution.invalid-transition` otherwise);
   * `contribution.not-found` when the project has no such contribution.
   */
  decideContribution(
    projectId: string,
    contributionId: string,
    input: DecideContributionInput,
    options?: StaffCommandOptions,
  ): Promise<Result<Contribution>>;
  /** A project with its contributions, or `project.not-found`. */
  get(projectId: string, options?: CommandOptions): Promise<Result<ProjectAggregate>>;
  /** Every project, in no particular order. */
  list(): Promise<ProjectAggregate[]>;
}
