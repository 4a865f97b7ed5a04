// SPDX-License-Identifier: EUPL-1.2
/**
 * `<gusp-console-projects>` and `<gusp-console-project>` (`@gusp/console`): the concerted projects
 * for staff — the list, then one project (the seed's Les Bleuets, in concertation) with its steps,
 * phases, workshops, contributions and engagements — with data given to the element (no server
 * behind Storybook: a send there says the server does not answer).
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { valence } from '@gusp/core';
import type { ProjectData, ProjectsData } from '@gusp/console';
import '@gusp/console/define/project.js';
import '@gusp/console/define/projects.js';
import { html } from 'lit';
import { projectData, workshopSummary } from '../../packages/elements/test/fixtures.js';
import { attr, ifDefined } from './story-helpers.js';

/** Les Bleuets as the project screen shows it: its page, and every workshop of it, a draft too. */
const bleuets = (): ProjectData => {
  const { city: _city, timezone: _tz, privacyNoticeUrl: _p, ...page } = projectData();
  const draft = workshopSummary({
    workshop: {
      id: 'atelier-chantier-2099',
      kind: 'site-visit',
      title: 'Visite du chantier',
      status: 'draft',
      startsAt: '2099-04-11T10:00:00+02:00',
    },
    status: 'draft',
    confirmed: 0,
    seatsLeft: 15,
  });
  return { page, city: valence, workshops: [...page.pastWorkshops, ...page.upcomingWorkshops, draft] };
};

const list = (): ProjectsData => {
  const { page } = bleuets();
  return {
    city: valence,
    projects: [{ id: page.project.id, project: page.project, contributionsByOutcome: page.contributionsByOutcome }],
  };
};

interface ProjectArgs {
  lang: string;
  role: string;
  data: ProjectData | undefined;
}

export default {
  title: 'Console/Projects',
  component: 'gusp-console-project',
  args: { lang: '', role: 'coordinator', data: bleuets() },
  render: (args) =>
    html`<gusp-console-project
      lang=${ifDefined(attr(args.lang))}
      staff-role=${args.role}
      project-id="bleuets"
      endpoint="/storybook-has-no-api"
      .data=${args.data}
    ></gusp-console-project>`,
} satisfies Meta<ProjectArgs>;

type ProjectStory = StoryObj<ProjectArgs>;

/** A coordinator on Les Bleuets: the steps from « En concertation », phases, workshops, contributions, engagements. */
export const Coordinator: ProjectStory = {};

/** The OPH's staff: the same project, read-only (no step, no form). */
export const Organisation: ProjectStory = { args: { role: 'organisation' } };

/** The list of projects: status in words, quartier, « nous en sommes là », what became of the contributions. */
export const List: ProjectStory = {
  render: (args) =>
    html`<gusp-console-projects
      lang=${ifDefined(attr(args.lang))}
      staff-role="coordinator"
      endpoint="/storybook-has-no-api"
      .data=${list()}
    ></gusp-console-projects>`,
};

/** No data given and no GUSP server behind Storybook: the failure is said, with « Réessayer ». */
export const LoadFailed: ProjectStory = {
  tags: ['network-refused'],
  args: { data: undefined },
  render: () => html`<gusp-console-project project-id="bleuets" endpoint="http://127.0.0.1:9/api"></gusp-console-project>`,
};
