// SPDX-License-Identifier: EUPL-1.2
import type { WorkshopEvent } from '../events.js';
import type { ProjectEvent } from '../project/project.events.js';
import { evolveProject, foldProject, type ProjectAggregate } from '../project/project.fold.js';
import { evolveWorkshop, foldWorkshop, type WorkshopAggregate } from '../workshop/workshop.fold.js';
import type { StreamKind } from './runtime.js';

/** A concerted project's stream: `project-<id>` (the project, its phases, its contributions). */
export const projectStream: StreamKind<ProjectAggregate, ProjectEvent> = {
  prefix: 'project-',
  notFound: 'project.not-found',
  evolve: (state, events) => (state === undefined ? foldProject(events) : events.reduce(evolveProject, state)),
};

/** A workshop's stream: `workshop-<id>` (the workshop and its registrations). */
export const workshopStream: StreamKind<WorkshopAggregate, WorkshopEvent> = {
  prefix: 'workshop-',
  notFound: 'workshop.not-found',
  evolve: (state, events) => (state === undefined ? foldWorkshop(events) : events.reduce(evolveWorkshop, state)),
};
