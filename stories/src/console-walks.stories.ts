// SPDX-License-Identifier: EUPL-1.2
/**
 * `<gusp-console-walks>` (`@gusp/console`): a year's walks per quartier and the priority quartiers
 * still without one, with data given to the element (no server behind Storybook).
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { valence, type WalkSummary } from '@gusp/core';
import type { WalksData } from '@gusp/console';
import '@gusp/console/define/walks.js';
import { html } from 'lit';
import { walkData } from '../../packages/elements/test/fixtures.js';
import { attr, ifDefined } from './story-helpers.js';

const summary = (overrides: Parameters<typeof walkData>[0]): WalkSummary => {
  const { city: _city, ...rest } = walkData(overrides, { city: undefined });
  return rest;
};

/** Three walks of 2099: Le Plan (done, 18 came), Polygone (open), Fontbarlettes (full, 3 waiting). */
const yearWithWalks = (): WalksData => ({
  city: valence,
  walks: [
    summary({ status: 'done', attended: 18, walk: { id: 'w-plan', title: 'Autour des Bleuets', status: 'done' } }),
    summary({
      status: 'draft',
      confirmed: 0,
      seatsLeft: 25,
      walk: { id: 'w-plan-draft', title: 'Rue des Écoles', status: 'draft', startsAt: '2099-10-10T09:00:00+02:00' },
    }),
    summary({ confirmed: 9, seatsLeft: 16, walk: { id: 'w-poly', quartierId: 'polygone', startsAt: '2099-05-16T14:00:00+02:00' } }),
    summary({
      status: 'closed',
      confirmed: 25,
      seatsLeft: 0,
      waitlisted: 3,
      walk: { id: 'w-font', quartierId: 'fontbarlettes', startsAt: '2099-06-20T09:30:00+02:00' },
    }),
  ],
  coverage: {
    year: 2099,
    quartiers: valence.quartiers
      .filter((q) => q.priority)
      .map((q) => {
        const walks = ['le-plan', 'polygone', 'fontbarlettes'].includes(q.id) ? 1 : 0;
        return { quartierId: q.id, walks, covered: walks > 0 };
      }),
    uncovered: ['chamberliere', 'valensolles'],
  },
});

const emptyYear = (): WalksData => ({
  city: valence,
  walks: [],
  coverage: {
    year: 2099,
    quartiers: valence.quartiers.filter((q) => q.priority).map((q) => ({ quartierId: q.id, walks: 0, covered: false })),
    uncovered: valence.quartiers.filter((q) => q.priority).map((q) => q.id),
  },
});

interface WalksArgs {
  lang: string;
  view: string;
  staffRole: string;
  data: WalksData;
}

export default {
  title: 'Console/Walks',
  component: 'gusp-console-walks',
  args: { lang: '', view: '', staffRole: '', data: yearWithWalks() },
  render: (args) =>
    html`<gusp-console-walks
      lang=${ifDefined(attr(args.lang))}
      view=${ifDefined(attr(args.view))}
      staff-role=${ifDefined(attr(args.staffRole))}
      year="2099"
      .data=${args.data}
    ></gusp-console-walks>`,
} satisfies Meta<WalksArgs>;

type WalksStory = StoryObj<WalksArgs>;

/** A year with three published walks and a draft being planned: Chamberlière and Valensolles still have none. */
export const YearWithWalks: WalksStory = {};

/** Nothing published for the year: the list says so, and every priority quartier is uncovered. */
export const EmptyYear: WalksStory = { args: { data: emptyYear() } };

/** The same year as a calendar: a list per month, the draft in October. */
export const Calendar: WalksStory = { args: { view: 'calendar' } };

/** As an agent sees it: no « Préparer » nor « Planifier un diagnostic » (the server refuses them planning anyway). */
export const AsAnAgent: WalksStory = { args: { staffRole: 'agent' } };
