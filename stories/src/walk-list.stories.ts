// SPDX-License-Identifier: EUPL-1.2
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { valence } from '@gusp/core';
import type { GuspWalkList, WalkListData } from '@gusp/elements';
import { html } from 'lit';
import { walkData } from '../../packages/elements/test/fixtures.js';
import { attr, attributeControls, hiddenControls, ifDefined } from './story-helpers.js';

interface Args {
  data: WalkListData | undefined;
  lang: string;
  endpoint: string;
  quartier: string;
  'heading-level': string;
}

/** Four walks of 2099 in Valence: one open, one with few seats, one full, one cancelled. */
const cityWalks = (): WalkListData => ({
  city: valence,
  walks: [
    walkData({}, { city: undefined }),
    walkData(
      {
        seatsLeft: 2,
        fewSeatsLeft: true,
        confirmed: 23,
        walk: {
          id: 'walk-polygone',
          quartierId: 'polygone',
          startsAt: '2099-03-21T14:00:00+01:00',
          meetingPoint: { label: 'Place de la mairie de quartier' },
        },
      },
      { city: undefined },
    ),
    walkData(
      {
        seatsLeft: 0,
        confirmed: 25,
        waitlisted: 3,
        walk: {
          id: 'walk-fontbarlettes',
          quartierId: 'fontbarlettes',
          startsAt: '2099-04-11T09:00:00+02:00',
          meetingPoint: { label: 'Esplanade de la médiathèque' },
        },
      },
      { city: undefined },
    ),
    walkData(
      {
        status: 'cancelled',
        walk: {
          id: 'walk-valensolles',
          quartierId: 'valensolles',
          status: 'cancelled',
          cancelReason: 'Alerte météo',
          startsAt: '2099-02-07T09:30:00+01:00',
          meetingPoint: { label: 'Entrée du parc' },
        },
      },
      { city: undefined },
    ),
  ],
});

/**
 * `<gusp-walk-list>`: the walks still to come as short cards; « S’inscrire »
 * opens one `<gusp-walk-signup>` in place of the list. The language comes from
 * the toolbar (the page's `lang`) or the `lang` control; the theme from the toolbar.
 */
const meta = {
  title: 'Elements/Walk list',
  component: 'gusp-walk-list',
  args: { data: cityWalks(), lang: '', endpoint: '', quartier: '', 'heading-level': '' },
  argTypes: attributeControls('endpoint', 'quartier', 'heading-level'),
  parameters: { controls: { exclude: hiddenControls } },
  render: (args) => html`
    <gusp-walk-list
      lang=${ifDefined(attr(args.lang))}
      endpoint=${ifDefined(attr(args.endpoint))}
      quartier=${ifDefined(attr(args.quartier))}
      heading-level=${ifDefined(attr(args['heading-level']))}
      .data=${args.data}
    ></gusp-walk-list>
  `,
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** The city's walks still to come, soonest first: cancelled, open, few seats, full. */
export const CityWalks: Story = {};

/** One quartier's page (`quartier="fontbarlettes"`): its walks only. */
export const OneQuartier: Story = { args: { quartier: 'fontbarlettes' } };

/** No walk planned: the list says so. */
export const NoWalkPlanned: Story = { args: { data: { city: valence, walks: [] } } };

/**
 * « S’inscrire » pressed on Le Plan's card: one sign-up form, the focus on the
 * walk's heading, « Retour à la liste des diagnostics » above it.
 */
export const SignUpFormOpened: Story = {
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector<GuspWalkList>('gusp-walk-list');
    if (!el?.shadowRoot) throw new Error('gusp-walk-list did not render');
    await el.updateComplete;
    el.shadowRoot.querySelector<HTMLButtonElement>('#open-walk-le-plan-2099')?.click();
    await el.updateComplete;
    const forms = el.shadowRoot.querySelectorAll('gusp-walk-signup');
    if (forms.length !== 1) throw new Error(`${forms.length} sign-up forms open, not one`);
    await (forms[0] as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    if (!el.shadowRoot.querySelector('button[part~=back]')) throw new Error('No way back to the list');
  },
};
