// SPDX-License-Identifier: EUPL-1.2
/**
 * `<gusp-console-accounts>` (`@gusp/console`): the team's accounts and the API tokens, for
 * coordinators — invite, change a role, deactivate, create and revoke a token — with data given to
 * the element (no server behind Storybook: a send there says the server does not answer, and
 * keeps what was typed).
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { valence } from '@gusp/core';
import type { AccountsData, ListedAccount, ListedToken } from '@gusp/console';
import '@gusp/console/define/accounts.js';
import { html } from 'lit';
import { attr, ifDefined } from './story-helpers.js';

const account = (id: string, extra: Partial<ListedAccount>): ListedAccount => ({
  id,
  email: `${id}@valence.example`,
  name: null,
  role: 'agent',
  invitedBy: 'account:camille',
  createdAt: '2099-01-05T09:00:00.000Z',
  deactivatedAt: null,
  lastSignInAt: null,
  ...extra,
});

const token = (id: string, extra: Partial<ListedToken>): ListedToken => ({
  id,
  role: 'coordinator',
  label: null,
  createdAt: '2099-01-10T09:00:00.000Z',
  revokedAt: null,
  ...extra,
});

/** Camille (you, coordination), an agent, the OPH's person, one never signed in, one deactivated; two tokens, one revoked. */
const team = (): AccountsData => ({
  organisations: valence.organisations,
  timeZone: valence.timezone,
  me: 'camille',
  accounts: [
    account('camille', { name: 'Camille Martin', role: 'coordinator', lastSignInAt: '2099-03-02T08:15:00.000Z' }),
    account('yanis', { name: 'Yanis Haddad', lastSignInAt: '2099-03-01T16:40:00.000Z' }),
    account('oph', {
      name: 'Sophie Garnier',
      email: 'sophie.garnier@oph-valence.example',
      role: 'organisation',
      organisationId: 'oph',
      organisation: 'Office public de l’habitat',
      lastSignInAt: '2099-02-27T10:05:00.000Z',
    }),
    account('nouvelle', { email: 'nouvelle.recrue@valence.example' }),
    account('parti', { name: 'Jean Dupuis', deactivatedAt: '2099-02-15T11:00:00.000Z', lastSignInAt: '2099-02-10T09:00:00.000Z' }),
  ],
  tokens: [
    token('t-import', { label: 'Import des signalements de l’OPH', role: 'organisation', organisationId: 'oph' }),
    token('t-old', { label: 'Ancien tableau de bord', revokedAt: '2099-02-01T09:00:00.000Z' }),
  ],
});

/** A new city: only the first coordinator (made with `gusp-server staff invite`), no token. */
const firstCoordinator = (): AccountsData => ({
  organisations: valence.organisations,
  timeZone: valence.timezone,
  me: 'camille',
  accounts: [
    account('camille', { name: 'Camille Martin', role: 'coordinator', invitedBy: 'cli', lastSignInAt: '2099-03-02T08:15:00.000Z' }),
  ],
  tokens: [],
});

interface AccountsArgs {
  lang: string;
  data: AccountsData;
}

export default {
  title: 'Console/Accounts',
  component: 'gusp-console-accounts',
  args: { lang: '', data: team() },
  render: (args) =>
    html`<gusp-console-accounts
      lang=${ifDefined(attr(args.lang))}
      endpoint="/storybook-has-no-api"
      .data=${args.data}
    ></gusp-console-accounts>`,
} satisfies Meta<AccountsArgs>;

type AccountsStory = StoryObj<AccountsArgs>;

/** The team: who has which role, who signed in when, who is deactivated; the API tokens. */
export const Team: AccountsStory = {};

/** A new city: the first coordinator alone, no token yet. */
export const FirstCoordinator: AccountsStory = { args: { data: firstCoordinator() } };

/**
 * The server cannot be reached (here the endpoint refuses the connection): the failure and
 * « Réessayer », never a blank screen. Tagged `network-refused`: the check of the built Storybook
 * accepts the browser's « Failed to load resource » for this endpoint, and nothing else.
 */
export const LoadFailed: AccountsStory = {
  tags: ['network-refused'],
  render: (args) =>
    html`<gusp-console-accounts lang=${ifDefined(attr(args.lang))} endpoint="http://127.0.0.1:9/api"></gusp-console-accounts>`,
};
