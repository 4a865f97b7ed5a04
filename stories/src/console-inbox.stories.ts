// SPDX-License-Identifier: EUPL-1.2
/**
 * `<gusp-console-inbox>` (`@gusp/console`): triage of a walk's observations — filters, counts by
 * status, the list and the chosen one's detail with its actions and keys — with data given to
 * the element (no server behind Storybook: an action sent is refused by the network and says so,
 * keeping what was entered).
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { Observation, valence } from '@gusp/core';
import type { InboxData } from '@gusp/console';
import '@gusp/console/define/inbox.js';
import { html } from 'lit';
import { walkData } from '../../packages/elements/test/fixtures.js';
import { attr, ifDefined } from './story-helpers.js';

const STOPS = [
  { id: 'stop-parvis', label: 'Parvis de la maison de quartier' },
  { id: 'stop-square', label: 'Square des Bleuets' },
  { id: 'stop-ecole', label: 'École Jean-Macé' },
];

/** A photo drawn as SVG (a person's silhouette and a car's plate), for the redaction editor. */
const PHOTO = `data:image/svg+xml,${encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" width="320" height="240"><rect width="320" height="240" fill="#9ab"/><circle cx="90" cy="80" r="36" fill="#e9c9a8"/><rect x="60" y="120" width="60" height="90" fill="#345"/><rect x="190" y="170" width="100" height="30" fill="#fff" stroke="#000"/><text x="240" y="192" font-size="18" text-anchor="middle" font-family="sans-serif">AB-123-CD</text></svg>',
)}`;

/** An observation of the walk at a stop, checked by the core's schema. */
const observation = (id: string, stopId: string, themeId: string, description: string, extra: Record<string, unknown> = {}) => {
  const { reporter: _none, ...o } = Observation.parse({
    id,
    quartierId: 'le-plan',
    walkId: 'w-inbox',
    stopId,
    polarity: 'problem',
    themeId,
    description,
    photos: [],
    source: 'walk',
    status: 'recorded',
    recordedAt: '2099-03-14T09:40:00+01:00',
    updatedAt: '2099-03-14T09:40:00+01:00',
    ...extra,
  });
  return o;
};

const walk = () => walkData({ status: 'done', walk: { id: 'w-inbox', title: 'Autour des Bleuets', status: 'done', stops: STOPS } }).walk;

const triage = (): InboxData => ({
  city: valence,
  walk: walk(),
  observations: [
    observation('o-1', 'stop-parvis', 'eclairage-public', 'Lampadaire éteint devant l’entrée', {
      photos: [{ id: 'p-1', mediaType: 'image/jpeg', url: PHOTO }],
    }),
    observation('o-2', 'stop-parvis', 'eclairage-public', 'Lampadaire en panne au 12'),
    observation('o-3', 'stop-square', 'lien-social', 'Bancs neufs très utilisés', { polarity: 'positive' }),
    observation('o-4', 'stop-square', 'voirie', 'Nid-de-poule sur l’allée', {
      status: 'qualified',
      organisationId: 'ville-de-valence',
      severity: 'high',
      note: 'Merci pour votre signalement. Il a été transmis au service responsable, qui va l’examiner.',
    }),
    observation('o-5', 'stop-ecole', 'stationnement', 'Voiture ventouse', {
      status: 'rejected',
      rejectReason: 'Stationnement privé, hors GUSP.',
    }),
    observation('o-6', 'stop-ecole', 'eclairage-public', 'Lampe cassée au 12', { status: 'duplicate', duplicateOf: 'o-2' }),
  ],
});

interface InboxArgs {
  lang: string;
  data?: InboxData;
}

export default {
  title: 'Console/Inbox',
  component: 'gusp-console-inbox',
  args: { lang: '', data: triage() },
  render: (args) =>
    html`<gusp-console-inbox
      lang=${ifDefined(attr(args.lang))}
      walk-id="w-inbox"
      endpoint="/storybook-has-no-api"
      .data=${args.data}
    ></gusp-console-inbox>`,
} satisfies Meta<InboxArgs>;

type InboxStory = StoryObj<InboxArgs>;

/** A finished walk's six observations: three to triage, one qualified, one set aside, one duplicate; the keys shown above. */
export const Triage: InboxStory = {};

/** Nothing recorded: the list says so. */
export const Empty: InboxStory = { args: { data: { city: valence, walk: walk(), observations: [] } } };

/** Without a walk: a quartier's observations (or all), a quartier filter above. */
export const ByQuartier: InboxStory = {
  render: (args) =>
    html`<gusp-console-inbox
      lang=${ifDefined(attr(args.lang))}
      endpoint="/storybook-has-no-api"
      .data=${{ ...triage(), walk: undefined }}
    ></gusp-console-inbox>`,
};

/** No data given and no GUSP server behind Storybook: the failure is said, with « Réessayer ». */
export const LoadFailed: InboxStory = {
  // An endpoint the browser cannot reach (nothing listens on port 9), as the other screens' failure stories.
  tags: ['network-refused'],
  args: { data: undefined },
  render: () => html`<gusp-console-inbox walk-id="w-inbox" endpoint="http://127.0.0.1:9/api"></gusp-console-inbox>`,
};
