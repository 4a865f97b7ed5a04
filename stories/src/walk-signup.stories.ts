// SPDX-License-Identifier: EUPL-1.2
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { GuspWalkSignup, WalkSignupData } from '@gusp/elements';
import { html } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { walkStates } from './fixtures.js';
import { attr, attributeControls, fill, hiddenControls, ifDefined } from './story-helpers.js';

interface Args {
  data: WalkSignupData | undefined;
  lang: string;
  endpoint: string;
  'walk-id': string;
  'privacy-notice-url': string;
}

/**
 * `<gusp-walk-signup>` in each state the element derives from the core's
 * `WalkSummary` (`signupState`). The language comes from the toolbar (the
 * page's `lang`) or the `lang` control; the theme from the toolbar.
 */
const meta = {
  title: 'Elements/Walk sign-up',
  component: 'gusp-walk-signup',
  args: { data: walkStates.open(), lang: '', endpoint: '', 'walk-id': '', 'privacy-notice-url': '' },
  argTypes: attributeControls('endpoint', 'walk-id', 'privacy-notice-url'),
  parameters: { controls: { exclude: hiddenControls } },
  render: (args) => html`
    <gusp-walk-signup
      lang=${ifDefined(attr(args.lang))}
      endpoint=${ifDefined(attr(args.endpoint))}
      walk-id=${ifDefined(attr(args['walk-id']))}
      privacy-notice-url=${ifDefined(attr(args['privacy-notice-url']))}
      .data=${args.data}
    ></gusp-walk-signup>
  `,
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** Open: 12 seats left of 25. */
export const Open: Story = {};

/** Few seats left: « Plus que 2 places ». */
export const FewSeatsLeft: Story = { args: { data: walkStates.fewSeats() } };

/** Full: the form puts the person on the waiting list. */
export const FullWaitingList: Story = { args: { data: walkStates.full() } };

/** Closed: the registration deadline has passed (the walk itself is still open). */
export const ClosedDeadlinePassed: Story = { args: { data: walkStates.closed() } };

/** Cancelled, with its reason; no form. */
export const Cancelled: Story = { args: { data: walkStates.cancelled() } };

/** Rescheduled (`sequence` > 0): a notice says the date changed. */
export const Rescheduled: Story = { args: { data: walkStates.rescheduled() } };

/**
 * The same open walk given the CMS way: a child `<script type="application/json">`,
 * no JavaScript on the page (the `data` control does not apply to this story).
 */
export const OpenFromInlineJson: Story = {
  args: { data: undefined },
  parameters: { controls: { exclude: [...hiddenControls, 'data'] } },
  render: (args) => html`
    <gusp-walk-signup lang=${ifDefined(attr(args.lang))} privacy-notice-url=${ifDefined(attr(args['privacy-notice-url']))}>
      ${unsafeHTML(`<script type="application/json">${JSON.stringify(walkStates.open()).replace(/</g, '\\u003c')}</script>`)}
    </gusp-walk-signup>
  `,
};

/**
 * The walk could not be loaded (here the endpoint refuses the connection):
 * the element says so and offers « Réessayer » (part `retry`), which loads
 * again. Tagged `network-refused`: the check of the built Storybook accepts
 * the browser's « Failed to load resource » for this endpoint, and nothing else.
 */
export const LoadFailedRetry: Story = {
  tags: ['network-refused'],
  args: { data: undefined, endpoint: 'http://127.0.0.1:9/api', 'walk-id': 'V1StGXR8_Z5jdHi6B-myT' },
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector<GuspWalkSignup>('gusp-walk-signup');
    if (!el?.shadowRoot) throw new Error('gusp-walk-signup did not render');
    await el.loaded;
    if (!el.shadowRoot.querySelector('button[part~=retry]')) throw new Error('No « Réessayer » after a failed load');
  },
};

/**
 * « Effacer mes réponses » (part `clear`) pressed after typing: the fields are
 * empty, the draft is gone from the device (`localStorage`), a status says so
 * and focus is back on the first field. On a shared computer, the next person
 * finds nothing of the previous one.
 */
export const AnswersCleared: Story = {
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector<GuspWalkSignup>('gusp-walk-signup');
    if (!el?.shadowRoot) throw new Error('gusp-walk-signup did not render');
    await el.updateComplete;
    // The needs show once « Oui » answers « Avez-vous besoin d’une aide pour participer ? ».
    fill(el.shadowRoot, { name: 'Inès Haddad', phone: '06 00 00 00 00', 'needs-yes': true });
    await el.updateComplete;
    fill(el.shadowRoot, { 'need-interpreter': true });
    await el.updateComplete;
    el.shadowRoot.querySelector<HTMLButtonElement>('button[part~=clear]')?.click();
    await el.updateComplete;
    if (el.shadowRoot.querySelector<HTMLInputElement>('#name')?.value !== '') throw new Error('The name was not cleared');
    if (Object.keys(localStorage).some((k) => k.startsWith('gusp-walk-signup:'))) throw new Error('The draft is still on the device');
    if (!el.shadowRoot.querySelector('[role=status]')?.textContent?.trim()) throw new Error('Nothing announced the clearing');
  },
};

/** The route of Le Plan's walk: four stops, placed, in order. */
const ROUTE = [
  {
    id: 'stop-parvis',
    label: 'Parvis de la maison de quartier',
    description: 'Point de rendez-vous',
    point: { lat: 44.9205, lon: 4.9128 },
  },
  { id: 'stop-lilas', label: 'Square des Lilas', point: { lat: 44.9214, lon: 4.9141 } },
  { id: 'stop-voie', label: 'Passage sous la voie ferrée', description: 'Mal éclairé le soir', point: { lat: 44.9196, lon: 4.915 } },
  { id: 'stop-ecole', label: 'École Jean-Moulin', point: { lat: 44.9189, lon: 4.9122 } },
];

/**
 * The route (issue 16), list first: the stops as an ordered list, and the map
 * under it (`map="open"`; `button`, the default, offers « Voir le parcours sur
 * une carte »). No tiles in this profile: a schematic plan over Le Plan's
 * outline, no request to any server. Each stop then gets « Voir sur la carte »,
 * which moves the focus to its marker.
 */
export const RouteOnMap: Story = {
  args: { data: { ...walkStates.open(), walk: { ...walkStates.open().walk, stops: ROUTE as WalkSignupData['walk']['stops'] } } },
  render: (args) => html` <gusp-walk-signup lang=${ifDefined(attr(args.lang))} map="open" .data=${args.data}></gusp-walk-signup> `,
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector<GuspWalkSignup>('gusp-walk-signup');
    if (!el?.shadowRoot) throw new Error('gusp-walk-signup did not render');
    for (let i = 0; i < 100 && !el.shadowRoot.querySelector('gusp-map')?.shadowRoot?.querySelector('.marker'); i++)
      await new Promise((r) => setTimeout(r, 50));
    if (!el.shadowRoot.querySelector('gusp-map')) throw new Error('The route’s map did not show');
  },
};
