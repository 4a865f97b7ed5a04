// SPDX-License-Identifier: EUPL-1.2
import { targetOf } from '../rules/transition.js';
import { PHASE_KINDS } from './project-status.js';
import type { ProjectEvent } from './project.events.js';
import { projectRules, type ProjectEventName } from './project.rules.js';
import { contributionRules, CONTRIBUTION_EVENT_OF } from './contribution.rules.js';
import type { Contribution } from './contribution.js';
import type { Phase, Project } from './project.js';

/** A project's stream folded: the project and its contributions, in the order they were recorded. */
export interface ProjectAggregate {
  readonly project: Project;
  readonly contributions: readonly Contribution[];
}

const stepEvent: Partial<Record<ProjectEvent['type'], ProjectEventName>> = {
  ProjectAnnounced: 'announce',
  ProjectConcertationStarted: 'startConcertation',
  ProjectWorksStarted: 'startWorks',
  ProjectDelivered: 'deliver',
  ProjectEvaluated: 'evaluate',
};

/** The phases with `phase` in place of its kind's, in {@linkcode PHASE_KINDS} order. */
export function withPhase(phases: readonly Phase[], phase: Phase): Phase[] {
  const others = phases.filter((p) => p.kind !== phase.kind);
  return [...others, phase].sort((a, b) => PHASE_KINDS.indexOf(a.kind) - PHASE_KINDS.indexOf(b.kind));
}

/** Applies one event to a project (events are facts: no guard runs; statuses come from the rules tables). */
export function evolveProject(agg: ProjectAggregate | undefined, event: ProjectEvent): ProjectAggregate | undefined {
  if (event.type === 'ProjectCreated') {
    return { project: { ...event.data.project, status: targetOf(projectRules, 'none', 'create') }, contributions: [] };
  }
  if (!agg) return agg;
  const at = event.at;
  const project = agg.project;
  const set = (change: Partial<Project>): ProjectAggregate => ({ ...agg, project: { ...project, ...change, updatedAt: at } });
  const step = stepEvent[event.type];
  if (step) return set({ status: targetOf(projectRules, project.status, step) });
  switch (event.type) {
    case 'ProjectEdited':
      return set(event.data.changes);
    case 'ProjectPhaseSet':
      return set({ phases: withPhase(project.phases, event.data.phase) });
    case 'ProjectSuspended':
      return set({ status: targetOf(projectRules, project.status, 'suspend'), suspendedFrom: event.data.from, reason: event.data.reason });
    case 'ProjectResumed': {
      const status = targetOf(projectRules, project.status, 'resume', project.suspendedFrom);
      return { ...agg, project: { ...withoutSuspension(project), status, updatedAt: at } };
    }
    case 'ProjectAbandoned':
      return set({ status: targetOf(projectRules, project.status, 'abandon'), reason: event.data.reason });
    case 'ContributionRecorded': {
      const c = event.data.contribution;
      return { ...agg, contributions: [...agg.contributions, { ...c, outcome: targetOf(contributionRules, 'none', 'record') }] };
    }
    case 'ContributionDecided': {
      const { contributionId, outcome, reason, by } = event.data;
      return {
        ...agg,
        contributions: agg.contributions.map((c) =>
          c.id === contributionId
            ? {
                ...withoutReason(c),
                outcome: targetOf(contributionRules, c.outcome, CONTRIBUTION_EVENT_OF[outcome]),
                ...(reason ? { outcomeReason: reason } : {}),
                decidedAt: at,
                ...(by ? { by } : {}),
              }
            : c,
        ),
      };
    }
    default:
      return agg;
  }
}

function withoutSuspension(project: Project): Project {
  const { suspendedFrom: _from, reason: _reason, ...rest } = project;
  return rest;
}

function withoutReason(c: Contribution): Contribution {
  const { outcomeReason: _reason, ...rest } = c;
  return rest;
}

/** Folds a project's stream from its first event. */
export function foldProject(events: readonly ProjectEvent[]): ProjectAggregate | undefined {
  let agg: ProjectAggregate | undefined;
  for (const e of events) agg = evolveProject(agg, e);
  return agg;
}
