// SPDX-License-Identifier: EUPL-1.2
/**
 * `<gusp-console-engagements>` (`@gusp/console`): the engagement desk — the coordinator's (accept
 * and assign, reschedule, abandon, verify or reopen with the residents' answers) and an
 * organisation's (its own engagements only: start, point d'étape, complete; never verify), with
 * the CSV import's step — with data given to the element (no server behind Storybook: a send
 * there says the server does not answer, and keeps what was typed).
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { valence } from '@gusp/core';
import type { EngagementsData } from '@gusp/console';
import '@gusp/console/define/engagements.js';
import { html } from 'lit';
import { attr, ifDefined } from './story-helpers.js';

const base = {
  quartierId: 'le-plan',
  walkId: 'walk-le-plan-2099',
  observationIds: [],
  proposedAt: '2099-03-20T11:00:00+01:00',
  updatedAt: '2099-04-10T14:00:00+02:00',
};

/** Five engagements of the Le Plan walk, one of each kind of moment: proposed, late, running, done with answers, verified. */
const desk = (): EngagementsData => ({
  city: valence,
  engagements: [
    {
      ...base,
      id: 'e-bancs',
      title: 'Remplacer les bancs cassés du square Bizet',
      status: 'proposed',
      progress: 0,
      milestones: [{ at: '2099-03-20T11:00:00+01:00', kind: 'proposed', by: { role: 'coordinator' } }],
    },
    {
      ...base,
      id: 'e-eclairage',
      title: 'Réparer l’éclairage devant l’école Jean-Moulin',
      organisationId: 'ville-de-valence',
      dueOn: '2020-06-30',
      status: 'in-progress',
      progress: 40,
      milestones: [
        { at: '2099-03-20T11:00:00+01:00', kind: 'proposed', by: { role: 'coordinator' } },
        {
          at: '2099-03-25T09:00:00+01:00',
          kind: 'accepted',
          dueOn: '2020-06-30',
          organisationId: 'ville-de-valence',
          by: { role: 'coordinator' },
        },
        {
          at: '2099-04-10T14:00:00+02:00',
          kind: 'progressed',
          percent: 40,
          note: 'Pièce commandée, pose en mai',
          by: { role: 'organisation', organisationId: 'ville-de-valence' },
        },
      ],
    },
    {
      ...base,
      id: 'e-hall',
      title: 'Réparer la porte du hall B',
      organisationId: 'oph',
      dueOn: '2099-09-30',
      status: 'accepted',
      progress: 0,
      milestones: [
        { at: '2099-03-20T11:00:00+01:00', kind: 'proposed', by: { role: 'coordinator' } },
        { at: '2099-03-25T09:00:00+01:00', kind: 'accepted', dueOn: '2099-09-30', organisationId: 'oph', by: { role: 'coordinator' } },
      ],
    },
    {
      ...base,
      id: 'e-tri',
      title: 'Ajouter des bacs de tri, allée des Tilleuls',
      organisationId: 'oph',
      dueOn: '2099-05-31',
      status: 'done',
      progress: 100,
      completedAt: '2099-05-02T16:00:00+02:00',
      residentAnswers: { yes: 4, partly: 2, no: 1 },
      residentsSaidNo: true,
      milestones: [
        { at: '2099-03-20T11:00:00+01:00', kind: 'proposed', by: { role: 'coordinator' } },
        {
          at: '2099-05-02T16:00:00+02:00',
          kind: 'completed',
          note: 'Trois bacs posés',
          by: { role: 'organisation', organisationId: 'oph' },
        },
      ],
    },
    {
      ...base,
      id: 'e-jeux',
      title: 'Élaguer les arbres de l’aire de jeux',
      organisationId: 'ville-de-valence',
      dueOn: '2099-04-30',
      status: 'verified',
      progress: 100,
      residentAnswers: { yes: 6, partly: 0, no: 0 },
      milestones: [
        { at: '2099-03-20T11:00:00+01:00', kind: 'proposed', by: { role: 'coordinator' } },
        { at: '2099-04-28T10:00:00+02:00', kind: 'verified', by: { role: 'coordinator' } },
      ],
    },
  ] as unknown as EngagementsData['engagements'],
});

/** The OPH's desk: its two engagements only (the server gives them so). */
const oph = (): EngagementsData => {
  const all = desk();
  return { ...all, organisationId: 'oph', engagements: all.engagements.filter((e) => e.organisationId === 'oph') };
};

interface EngagementsArgs {
  lang: string;
  role: 'coordinator' | 'organisation';
  data: EngagementsData;
}

export default {
  title: 'Console/Engagements',
  component: 'gusp-console-engagements',
  args: { lang: '', role: 'coordinator', data: desk() },
  argTypes: { role: { control: 'inline-radio', options: ['coordinator', 'organisation'] } },
  render: (args) =>
    html`<gusp-console-engagements
      lang=${ifDefined(attr(args.lang))}
      staff-role=${args.role}
      endpoint="/storybook-has-no-api"
      .data=${args.data}
    ></gusp-console-engagements>`,
} satisfies Meta<EngagementsArgs>;

type EngagementsStory = StoryObj<EngagementsArgs>;

/** The coordinator's desk: accept and assign the proposed one, the late one marked, verify the done one with the residents' answers. */
export const Coordinator: EngagementsStory = {};

/** An organisation's staff (the OPH): its own engagements only, start, point d'étape, complete — never verify. */
export const Organisation: EngagementsStory = { args: { role: 'organisation', data: oph() } };

/**
 * The server cannot be reached (here the endpoint refuses the connection): the failure and
 * « Réessayer », never a blank screen. Tagged `network-refused`: the check of the built Storybook
 * accepts the browser's « Failed to load resource » for this endpoint, and nothing else.
 */
export const LoadFailed: EngagementsStory = {
  tags: ['network-refused'],
  render: (args) =>
    html`<gusp-console-engagements
      lang=${ifDefined(attr(args.lang))}
      staff-role="coordinator"
      endpoint="http://127.0.0.1:9/api"
    ></gusp-console-engagements>`,
};
