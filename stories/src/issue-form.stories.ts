// SPDX-License-Identifier: EUPL-1.2
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { GuspIssueForm, IssueFormData } from '@gusp/elements';
import { html } from 'lit';
import { residentData, walkFormData } from './fixtures.js';
import { attr, attributeControls, fill, hiddenControls, ifDefined } from './story-helpers.js';

interface Args {
  data: IssueFormData | undefined;
  lang: string;
  endpoint: string;
  'walk-id': string;
  'quartier-id': string;
  'heading-level': string;
}

/**
 * An endpoint the browser never reaches: port 9 (« discard ») is on the
 * browsers' list of ports they refuse to connect to, so every request fails
 * at once, as it does in the street with no network, on any machine.
 */
const UNREACHABLE_ENDPOINT = 'http://127.0.0.1:9/api';

/**
 * `<gusp-issue-form>`: a resident on a city page, an agent during a walk
 * (`walk-id`: walk, stop, theme and polarity stay after each submit), and
 * offline, with an observation kept on the device (IndexedDB outbox) and
 * listed as waiting to be sent.
 */
const meta = {
  title: 'Elements/Issue form',
  component: 'gusp-issue-form',
  args: { data: residentData(), lang: '', endpoint: '', 'walk-id': '', 'quartier-id': '', 'heading-level': '' },
  argTypes: attributeControls('endpoint', 'walk-id', 'quartier-id', 'heading-level'),
  parameters: { controls: { exclude: hiddenControls } },
  render: (args) => html`
    <gusp-issue-form
      lang=${ifDefined(attr(args.lang))}
      endpoint=${ifDefined(attr(args.endpoint))}
      walk-id=${ifDefined(attr(args['walk-id']))}
      quartier-id=${ifDefined(attr(args['quartier-id']))}
      heading-level=${ifDefined(attr(args['heading-level']))}
      .data=${args.data}
    ></gusp-issue-form>
  `,
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** A resident on the city's page: every quartier, themes grouped by axis. */
export const OnlineResident: Story = {};

/**
 * On a page whose own heading is an `<h2>`: `heading-level="3"` puts the
 * form's title at `<h3>`, and the error summary and the waiting list at `<h4>`
 * (2 and 3 by default).
 */
export const HeadingLevel: Story = {
  args: { 'heading-level': '3' },
  decorators: [
    (story) =>
      html`<main>
        <h2>Signaler dans votre quartier</h2>
        ${story()}
      </main>`,
  ],
};

/** An agent during a walk (`walk-id`): the walk's quartier is fixed and its stops are offered. */
export const AgentDuringWalk: Story = {
  args: { data: walkFormData(), 'walk-id': walkFormData().walk!.id },
};

/**
 * Offline: the endpoint cannot be reached, so the submitted observation is
 * kept on the device and listed « en attente d’envoi ». The story fills the
 * form and calls the element's `submit()`, as a person pressing « Envoyer ».
 * Tagged `network-refused`: the check of the built Storybook accepts the
 * browser's « Failed to load resource » for this endpoint, and nothing else.
 */
export const OfflinePending: Story = {
  tags: ['network-refused'],
  args: { data: walkFormData(), 'walk-id': walkFormData().walk!.id, endpoint: UNREACHABLE_ENDPOINT },
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector<GuspIssueForm>('gusp-issue-form');
    if (!el?.shadowRoot) throw new Error('gusp-issue-form did not render');
    await el.loaded;
    fill(el.shadowRoot, {
      'polarity-problem': true,
      theme: 'eclairage-public',
      stop: 'stop-bleuets',
      description: 'Lampadaire éteint à l’entrée du square',
    });
    await el.submit();
    await el.updateComplete;
    if (!el.shadowRoot.querySelector('.pending')) throw new Error('The observation was not kept on the device');
  },
};

/**
 * « Effacer mes réponses » (part `clear`) pressed after typing a report with
 * a contact: every field is empty, the draft is gone from the device, a status
 * says so and focus is back on the first field.
 */
export const AnswersCleared: Story = {
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector<GuspIssueForm>('gusp-issue-form');
    if (!el?.shadowRoot) throw new Error('gusp-issue-form did not render');
    await el.updateComplete;
    fill(el.shadowRoot, { 'polarity-problem': true, description: 'Trottoir défoncé', 'reporter-name': 'Yasmine B.' });
    await el.updateComplete;
    el.shadowRoot.querySelector<HTMLButtonElement>('button[part~=clear]')?.click();
    await el.updateComplete;
    if (el.shadowRoot.querySelector<HTMLInputElement>('#reporter-name')?.value !== '') throw new Error('The contact was not cleared');
    if (Object.keys(localStorage).some((k) => k.startsWith('gusp-issue-form:'))) throw new Error('The draft is still on the device');
    if (!el.shadowRoot.querySelector('.hint[role=status]')?.textContent?.trim()) throw new Error('Nothing announced the clearing');
  },
};

/**
 * « Envoyer » pressed on an empty form: the error summary (an alert, focused)
 * lists what is missing, each message naming its field, and each field says
 * it inline.
 */
export const ErrorsAfterEmptySubmit: Story = {
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector<GuspIssueForm>('gusp-issue-form');
    if (!el?.shadowRoot) throw new Error('gusp-issue-form did not render');
    await el.updateComplete;
    await el.submit();
    await el.updateComplete;
    if (!el.shadowRoot.querySelector('.error-summary')) throw new Error('No error summary after an empty submit');
  },
};

/**
 * The point picker (issue 16), beside « Utiliser ma position » and the address,
 * never instead of them: `map="open"` shows it at once (`button`, the default,
 * offers « Choisir le point sur une carte »). The play drops the point as a
 * keyboard user does — Space at the centre of the map, then ArrowUp — and the
 * position line says where it is in words.
 */
export const PointOnMap: Story = {
  args: { 'quartier-id': 'fontbarlettes' },
  render: (args) => html`
    <gusp-issue-form lang=${ifDefined(attr(args.lang))} quartier-id="fontbarlettes" map="open" .data=${args.data}></gusp-issue-form>
  `,
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector<GuspIssueForm>('gusp-issue-form');
    if (!el?.shadowRoot) throw new Error('gusp-issue-form did not render');
    const viewport = () => el.shadowRoot!.querySelector('gusp-map')?.shadowRoot?.querySelector<HTMLElement>('.viewport');
    for (let i = 0; i < 100 && !viewport(); i++) await new Promise((r) => setTimeout(r, 50));
    const map = viewport();
    if (!map) throw new Error('The map did not show');
    for (const key of [' ', 'ArrowUp'])
      map.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true }));
    await el.updateComplete;
    if (!/Point/.test(el.shadowRoot.querySelector('.position')?.textContent ?? '')) throw new Error('The point was not said in words');
  },
};
