// SPDX-License-Identifier: EUPL-1.2
import { toZonedISO } from '../dates.js';
import type {
  ContributionDecided,
  ContributionRecorded,
  ProjectAbandoned,
  ProjectCreated,
  ProjectEdited,
  ProjectEvent,
  ProjectPhaseSet,
  ProjectResumed,
  ProjectSuspended,
} from '../events.js';
import { newId } from '../ids.js';
import { CONTRIBUTION_EVENT_OF, contributionRules } from '../project/contribution.rules.js';
import { DecideContributionInput, RecordContributionInput, type Contribution } from '../project/contribution.js';
import { withPhase, type ProjectAggregate } from '../project/project.fold.js';
import { projectRules, type ProjectContext, type ProjectEventName } from '../project/project.rules.js';
import { CreateProjectInput, EditProjectInput, SetPhaseInput, type Project } from '../project/project.js';
import type { StaffActor } from '../registration/registration.js';
import { ok, type Result } from '../result.js';
import { transition } from '../rules/transition.js';
import { validate } from '../validation.js';
import { ReasonInput } from '../walk/walk.js';
import { projectStream, workshopStream } from './project-streams.js';
import type { CommandOptions, Decision, Runtime } from './runtime.js';
import { staffByOf, type StaffCommandOptions } from './staff-actor.js';

export { projectStream } from './project-streams.js';

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

/** Makes {@linkcode ProjectCommands} over a runtime. */
export function projectCommands(rt: Runtime): ProjectCommands {
  const { city } = rt;
  const stream = (id: string) => projectStream.prefix + id;

  /** Runs a decision on an existing project, with who acts (`by`, checked); `project.not-found` otherwise. */
  const onProject = <T>(
    projectId: string,
    decide: (agg: ProjectAggregate, now: Date, by: { by?: StaffActor }) => Decision | Promise<Decision>,
    outcome: (agg: ProjectAggregate, appended: readonly { type: string; data: unknown }[]) => T,
    options?: StaffCommandOptions,
  ): Promise<Result<T>> =>
    rt.execute(
      projectStream,
      stream(projectId),
      (agg, now) => {
        if (!agg) return rt.error('project.not-found', options, { projectId });
        const by = staffByOf(rt, options);
        return by.ok ? decide(agg, now, by.value) : by;
      },
      outcome,
      options,
    );

  const projectTransition = (
    agg: ProjectAggregate,
    now: Date,
    event: ProjectEventName,
    by: { by?: StaffActor },
    extra: Partial<ProjectContext> = {},
    options?: CommandOptions,
  ) =>
    rt.rule(
      transition(projectRules, agg.project.status, event, { city, project: agg.project, now, actorRole: by.by?.role, ...extra }),
      options,
    );

  /** A lifecycle step with no input: the table decides, the event says it happened. */
  const step =
    (event: ProjectEventName, type: ProjectEvent['type']) =>
    (projectId: string, options?: StaffCommandOptions): Promise<Result<Project>> =>
      onProject(
        projectId,
        (agg, now, by) => {
          const allowed = projectTransition(agg, now, event, by, {}, options);
          return allowed.ok ? ok([rt.event(type, by as never, now)]) : allowed;
        },
        (agg) => agg.project,
        options,
      );

  /** A step with a reason (suspend, abandon). */
  const withReason =
    (event: 'suspend' | 'abandon') =>
    (projectId: string, input: { reason: string }, options?: StaffCommandOptions): Promise<Result<Project>> =>
      onProject(
        projectId,
        (agg, now, by) => {
          const parsed = validate(ReasonInput, input, rt.localeOf(options));
          if (!parsed.ok) return parsed;
          const { reason } = parsed.value;
          const allowed = projectTransition(agg, now, event, by, { reason }, options);
          if (!allowed.ok) return allowed;
          return ok([
            event === 'suspend'
              ? rt.event<ProjectSuspended>('ProjectSuspended', { reason, from: agg.project.status, ...by }, now)
              : rt.event<ProjectAbandoned>('ProjectAbandoned', { reason, ...by }, now),
          ]);
        },
        (agg) => agg.project,
        options,
      );

  const contributionOf = (agg: ProjectAggregate, id: string): Contribution => agg.contributions.find((c) => c.id === id) as Contribution;

  return {
    async create(input: CreateProjectInput, options?: StaffCommandOptions): Promise<Result<Project>> {
      const parsed = validate(CreateProjectInput, input, rt.localeOf(options));
      if (!parsed.ok) return parsed;
      const by = staffByOf(rt, options);
      if (!by.ok) return by;
      const i = parsed.value;
      const id = newId<'ProjectId'>();
      return rt.execute(
        projectStream,
        stream(id),
        (_, now) => {
          const at = toZonedISO(now, city.timezone);
          const project: Project = {
            id,
            quartierId: i.quartierId,
            title: i.title,
            kind: i.kind,
            site: i.site,
            landlordId: i.landlordId,
            partnerIds: [...new Set(i.partnerIds)],
            description: i.description,
            phases: i.phases.reduce<Project['phases']>((all, p) => withPhase(all, p), []),
            status: 'draft',
            createdAt: at,
            updatedAt: at,
          };
          const ctx = { city, project, now, actorRole: by.value.by?.role };
          const allowed = rt.rule(transition(projectRules, 'none', 'create', ctx), options);
          if (!allowed.ok) return allowed;
          for (const phase of i.phases) {
            const dates = rt.rule(transition(projectRules, 'draft', 'setPhase', { ...ctx, phase }), options);
            if (!dates.ok) return dates;
          }
          return ok([rt.event<ProjectCreated>('ProjectCreated', { project, ...by.value }, now)]);
        },
        (agg) => agg.project,
        options,
      );
    },

    edit: (projectId: string, input: EditProjectInput, options?: StaffCommandOptions) =>
      onProject(
        projectId,
        (agg, now, by) => {
          const parsed = validate(EditProjectInput, input, rt.localeOf(options));
          if (!parsed.ok) return parsed;
          const changes = Object.fromEntries(
            Object.entries(parsed.value).filter(([, v]) => v !== undefined),
          ) as ProjectEdited['data']['changes'];
          if (changes.partnerIds) changes.partnerIds = [...new Set(changes.partnerIds)];
          const allowed = projectTransition(agg, now, 'edit', by, { project: { ...agg.project, ...changes } }, options);
          return allowed.ok ? ok([rt.event<ProjectEdited>('ProjectEdited', { changes, ...by }, now)]) : allowed;
        },
        (agg) => agg.project,
        options,
      ),

    setPhase: (projectId: string, input: SetPhaseInput, options?: StaffCommandOptions) =>
      onProject(
        projectId,
        (agg, now, by) => {
          const parsed = validate(SetPhaseInput, input, rt.localeOf(options));
          if (!parsed.ok) return parsed;
          const phase = Object.fromEntries(
            Object.entries(parsed.value).filter(([, v]) => v !== undefined && v !== ''),
          ) as Project['phases'][number];
          const allowed = projectTransition(agg, now, 'setPhase', by, { phase }, options);
          return allowed.ok ? ok([rt.event<ProjectPhaseSet>('ProjectPhaseSet', { phase, ...by }, now)]) : allowed;
        },
        (agg) => agg.project,
        options,
      ),

    announce: step('announce', 'ProjectAnnounced'),
    startConcertation: step('startConcertation', 'ProjectConcertationStarted'),
    startWorks: step('startWorks', 'ProjectWorksStarted'),
    deliver: step('deliver', 'ProjectDelivered'),
    evaluate: step('evaluate', 'ProjectEvaluated'),
    suspend: withReason('suspend'),
    resume: (projectId: string, options?: StaffCommandOptions) =>
      onProject(
        projectId,
        (agg, now, by) => {
          const allowed = projectTransition(agg, now, 'resume', by, {}, options);
          return allowed.ok ? ok([rt.event<ProjectResumed>('ProjectResumed', by, now)]) : allowed;
        },
        (agg) => agg.project,
        options,
      ),
    abandon: withReason('abandon'),

    async recordContribution(projectId: string, input: RecordContributionInput, options?: StaffCommandOptions) {
      const parsed = validate(RecordContributionInput, input, rt.localeOf(options));
      if (!parsed.ok) return parsed;
      const i = parsed.value;
      if (i.workshopId !== undefined) {
        const workshop = (await rt.load(workshopStream, workshopStream.prefix + i.workshopId)).state?.workshop;
        if (workshop?.projectId !== projectId) return rt.error('workshop.not-found', options, { workshopId: i.workshopId });
      }
      const id = newId<'ContributionId'>();
      return onProject(
        projectId,
        (agg, now, by) => {
          const allowed = rt.rule(transition(contributionRules, 'none', 'record', { actorRole: by.by?.role }), options);
          if (!allowed.ok) return allowed;
          const contribution: Contribution = {
            id,
            projectId: agg.project.id,
            ...(i.workshopId ? { workshopId: i.workshopId } : {}),
            kind: i.kind,
            text: i.text,
            outcome: allowed.value,
            recordedAt: toZonedISO(now, city.timezone),
            ...by,
          };
          return ok([rt.event<ContributionRecorded>('ContributionRecorded', { contribution, ...by }, now)]);
        },
        (agg) => contributionOf(agg, id),
        options,
      );
    },

    decideContribution: (projectId: string, contributionId: string, input: DecideContributionInput, options?: StaffCommandOptions) =>
      onProject(
        projectId,
        (agg, now, by) => {
          const c = agg.contributions.find((x) => x.id === contributionId);
          if (!c) return rt.error('contribution.not-found', options, { contributionId });
          const parsed = validate(DecideContributionInput, input, rt.localeOf(options));
          if (!parsed.ok) return parsed;
          const { outcome, reason } = parsed.value;
          const allowed = rt.rule(
            transition(contributionRules, c.outcome, CONTRIBUTION_EVENT_OF[outcome], { reason, actorRole: by.by?.role }),
            options,
          );
          if (!allowed.ok) return allowed;
          const data: ContributionDecided['data'] = { contributionId: c.id, outcome, ...(reason ? { reason } : {}), ...by };
          return ok([rt.event<ContributionDecided>('ContributionDecided', data, now)]);
        },
        (agg) => contributionOf(agg, contributionId),
        options,
      ),

    get: (projectId: string, options?: CommandOptions) => rt.get(projectStream, projectId, options),
    list: () => rt.all(projectStream),
  };
}
