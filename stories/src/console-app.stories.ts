// SPDX-License-Identifier: EUPL-1.2
/**
 * `<gusp-console>` (`@gusp/console`): the back office's app, signed in, for each role whose first
 * screen needs no server (Storybook has none): its header, sign-out, the role's menu and screen.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { Me } from '@gusp/console';
import '@gusp/console/define/console.js';
import { html } from 'lit';
import { attr, ifDefined } from './story-helpers.js';

interface AppArgs {
  lang: string;
  me: Me;
}

const organisation: Me = {
  role: 'organisation',
  organisationId: 'oph',
  organisation: 'Office public de l’habitat',
  account: {
    id: 'acc-oph',
    email: 'gestion@oph.example',
    name: 'Sami Benali',
    role: 'organisation',
    organisationId: 'oph',
    organisation: 'Office public de l’habitat',
  },
};

export default {
  title: 'Console/App',
  component: 'gusp-console',
  args: { lang: '', me: organisation },
  render: (args) => html`<gusp-console lang=${ifDefined(attr(args.lang))} .me=${args.me}></gusp-console>`,
} satisfies Meta<AppArgs>;

/** An organisation's staff: only its engagements (a screen that says it comes in a later version). */
export const Organisation: StoryObj<AppArgs> = {};
