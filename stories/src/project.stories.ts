// SPDX-License-Identifier: EUPL-1.2
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { GuspProject, ProjectData } from '@gusp/elements';
import { html } from 'lit';
import { projectData, workshopSummary } from '../../packages/elements/test/fixtures.js';
import { attr, attributeControls, hiddenControls, ifDefined } from './story-helpers.js';

interface Args {
  data: ProjectData | undefined;
  lang: string;
  endpoint: string;
  'project-id': string;
  'heading-level': string;
}

/**
 * `<gusp-project>`: the public page of a concerted project — the seed's Les
 * Bleuets, in concertation with its residents: the phases with « Nous en
 * sommes là », the next workshop with « S’inscrire » (the walk's sign-up form),
 * « Ce que vous avez décidé » (adopted, under study, declined with the reason),
 * the opening of the local des habitants in September 2013, the OPH's
 * engagement. The language comes from the toolbar or the `lang` control.
 */
const meta = {
  title: 'Elements/Project',
  component: 'gusp-project',
  args: { data: projectData(), lang: '', endpoint: '', 'project-id': '', 'heading-level': '' },
  argTypes: attributeControls('endpoint', 'project-id', 'heading-level'),
  parameters: { controls: { exclude: [...hiddenControls, 'projectId'] } },
  render: (args) => html`
    <gusp-project
      lang=${ifDefined(attr(args.lang))}
      endpoint=${ifDefined(attr(args.endpoint))}
      project-id=${ifDefined(attr(args['project-id']))}
      heading-level=${ifDefined(attr(args['heading-level']))}
      .data=${args.data}
    ></gusp-project>
  `,
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** Les Bleuets in concertation: every section filled. */
export const LesBleuets: Story = {};

/** The next workshop is full: « Complet : liste d’attente possible », and the form signs up to the waiting list. */
export const WorkshopFull: Story = {
  args: { data: projectData({ upcomingWorkshops: [workshopSummary({ seatsLeft: 0, confirmed: 15, waitlisted: 2 })] }) },
};

/** Nothing yet: no workshop planned, no decision, no engagement; each section says so. */
export const JustAnnounced: Story = {
  args: {
    data: (() => {
      const data = projectData({ upcomingWorkshops: [], pastWorkshops: [], contributions: [], engagements: [] });
      return {
        ...data,
        project: { ...data.project, status: 'announced' },
        phases: data.phases.map((p, i) => ({ kind: p.kind, current: i === 0 })),
        currentPhase: 'diagnostic',
      };
    })(),
  },
};

/** Suspended, with its reason: no phase is current. */
export const Suspended: Story = {
  args: {
    data: (() => {
      const data = projectData();
      return {
        ...data,
        project: { ...data.project, status: 'suspended', reason: 'Attente du financement de l’État' },
        phases: data.phases.map((p) => ({ ...p, current: false })),
        currentPhase: undefined,
      };
    })(),
  },
};

/** « S’inscrire » pressed on the next workshop: its sign-up form in place of the list, « Retour aux ateliers » above it. */
export const SignUpFormOpened: Story = {
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector<GuspProject>('gusp-project');
    if (!el?.shadowRoot) throw new Error('gusp-project did not render');
    await el.updateComplete;
    await el.open('atelier-couleurs-2099');
    const forms = el.shadowRoot.querySelectorAll('gusp-workshop-signup');
    if (forms.length !== 1) throw new Error(`${forms.length} sign-up forms open, not one`);
    await (forms[0] as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    if (!el.shadowRoot.querySelector('button[part~=back]')) throw new Error('No way back to the workshops');
  },
};
