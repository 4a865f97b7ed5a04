// SPDX-License-Identifier: EUPL-1.2
/**
 * `<gusp-console-sign-in>` (`@gusp/console`): the back office's passwordless sign-in, step by step
 * (no server behind Storybook: each step is set by the `step` control).
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '@gusp/console/define/sign-in.js';
import { html } from 'lit';
import { attr, ifDefined } from './story-helpers.js';
interface SignInArgs {
  lang: string;
  step: string;
  email: string;
  provider: string;
}

export default {
  title: 'Console/Sign-in',
  component: 'gusp-console-sign-in',
  args: { lang: '', step: 'email', email: '', provider: '' },
  argTypes: { step: { control: 'select', options: ['email', 'code', 'link-failed'] } },
  // How the server signs people in is given (Storybook has no server to ask): email, and a provider when named.
  render: (args) =>
    html`<gusp-console-sign-in
      lang=${ifDefined(attr(args.lang))}
      step=${args.step}
      .email=${args.email}
      .methods=${{ email: true, oidc: args.provider ? { name: args.provider, start: '/api/staff/oidc/start' } : null }}
    ></gusp-console-sign-in>`,
} satisfies Meta<SignInArgs>;

type SignInStory = StoryObj<SignInArgs>;

/** The first step: one address field. */
export const Address: SignInStory = {};

/** A city with an OpenID Connect provider (ProConnect, the French public agents' login): its button, and the email beside it. */
export const WithProConnect: SignInStory = { args: { provider: 'ProConnect' } };

/** After « Recevoir un lien de connexion »: the same words for any address, and the 6-digit code. */
export const CheckYourEmail: SignInStory = { args: { step: 'code', email: 'camille.martin@valence.fr' } };

/** A sign-in link already used or expired: a new one is one button away. */
export const LinkNoLongerWorks: SignInStory = { args: { step: 'link-failed' } };
