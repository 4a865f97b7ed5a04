// SPDX-License-Identifier: EUPL-1.2
import {
  findQuartier,
  labelIn,
  localName,
  PHASE_OF_STATUS,
  PROJECT_MESSAGES,
  type CityProfile,
  type ContributionOutcome,
  type Project,
} from '@gusp/core';
import { heading } from '@gusp/elements/shared/heading.js';
import { Task, TaskStatus } from '@lit/task';
import { css, html, nothing, type TemplateResult } from 'lit';
import { hrefOf } from '../app/routes.js';
import { staffPages, staffRequest } from '../internal/api.js';
import { ConsoleScreen } from '../internal/console-screen.js';
import { cards, tokens } from '../styles/tokens.js';

/** A project as `GET /api/projects` lists it: its public fields, its contributions counted by outcome. */
export interface ListedProject {
  readonly id: string;
  readonly project: Omit<Project, 'createdAt' | 'updatedAt'>;
  readonly contributionsByOutcome: Readonly<Record<ContributionOutcome, number>>;
}

/** What the list shows: the projects (drafts too, for those who may read them), the city. */
export interface ProjectsData {
  readonly projects: readonly ListedProject[];
  readonly city: CityProfile;
}

/**
 * `<gusp-console-projects>`: the concerted projects (`GET /api/projects?include=drafts`, every page),
 * each with its status in words, its quartier, its current phase (« nous en sommes là ») and what
 * became of its contributions, linking to `#project/<id>`; coordinators find « Nouveau projet »
 * (`#project`). `staff-role="organisation"` lists the projects where the person's organisation is the
 * landlord or a partner (`organisation=`), read-only.
 *
 * Stable hooks: `#new-project`, each project's card `li[data-project="<projectId>"]` with
 * `a[data-link="project"]`.
 *
 * @csspart projects - The list.
 */
export class GuspConsoleProjects extends ConsoleScreen<ProjectsData> {
  static override styles = [
    tokens,
    cards,
    css`
      .title {
        font-weight: 600;
      }
    `,
  ];

  protected readonly task = new Task(this, {
    args: () => [this.apiBase, this.staffRole, this.locale, this.given] as const,
    task: async ([base, role, locale, given], { signal }) => {
      if (given && this.data) return this.data;
      const init = { signal, locale };
      const query = new URLSearchParams({ include: 'drafts' });
      // An organisation's staff: the projects of their organisation only.
      if (role === 'organisation') {
        const me = await staffRequest<{ organisationId?: string }>(base, '/staff/me', init);
        if (me.organisationId) query.set('organisation', me.organisationId);
      }
      return staffPages<ProjectsData>(base, `/projects?${query}`, 'projects', init);
    },
    onComplete: (data) => {
      this.data = data;
    },
    onError: (error) => this.sessionEnded(error),
  });

  private label(key: string): string {
    return labelIn([PROJECT_MESSAGES], key, this.locale);
  }

  protected override render(): TemplateResult {
    const p = this.t.projects;
    const failed = this.task.status === TaskStatus.ERROR;
    const pending = this.task.status === TaskStatus.PENDING;
    const data = failed || pending ? undefined : this.data;
    const readOnly = this.staffRole === 'organisation';
    return html`<section lang=${this.locale} aria-labelledby="projects-title" data-screen="projects">
      ${heading(this.level(), p.listTitle, { id: 'projects-title' })}
      <p>${readOnly ? p.readOnlyIntro : p.listIntro}</p>
      ${readOnly ? nothing : html`<p><a id="new-project" href=${hrefOf('project')}>${p.newProject}</a></p>`}
      ${failed ? this.loadFailure({ ids: { alert: 'load-error', retry: 'retry' } }) : !data ? html`<p role="status">${this.t.loading}</p>` : this.list(data)}
    </section>`;
  }

  private list(data: ProjectsData): TemplateResult {
    const p = this.t.projects;
    return html`${heading(this.level(1), p.projectsShown(data.projects.length), { id: 'projects-shown' })}
    ${
      data.projects.length === 0
        ? html`<p class="notice" role="status">${p.noProjects}</p>`
        : html`<ul class="cards" part="projects" aria-labelledby="projects-shown">
            ${data.projects.map((entry) => this.project(entry, data.city))}
          </ul>`
    }`;
  }

  private project({ id, project, contributionsByOutcome: c }: ListedProject, city: CityProfile): TemplateResult {
    const p = this.t.projects;
    const quartier = findQuartier(city, project.quartierId);
    const phase = PHASE_OF_STATUS[project.status];
    return html`<li class="project" data-project=${id} data-status=${project.status}>
      <p class="title">${project.title}</p>
      <p>
        <span class="badge ${project.status}">${this.label(`project.status.${project.status}`)}</span> ·
        ${quartier ? localName(quartier, this.locale) : project.quartierId} · ${project.site.label}
      </p>
      <p class="meta">${phase ? p.currentPhase(this.label(`project.phase.${phase}`)) : p.noCurrentPhase}</p>
      <p class="meta">${p.contributionsCount(c.adopted, c.pending + c.studied, c.declined)}</p>
      <p>
        <a href=${hrefOf('project', id)} data-link="project">${p.open}<span class="visually-hidden">${p.openWho(project.title)}</span></a>
      </p>
    </li>`;
  }
}
