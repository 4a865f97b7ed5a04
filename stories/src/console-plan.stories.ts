// SPDX-License-Identifier: EUPL-1.2
/**
 * `<gusp-console-plan>` (`@gusp/console`): planning a walk — the form of a new walk with its ordered
 * stops, then a saved walk's steps as its status allows and the preview of what residents will see —
 * with data given to the element (no server behind Storybook: a send there says the server does not answer).
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { valence } from '@gusp/core';
import type { PlanData } from '@gusp/console';
import '@gusp/console/define/plan.js';
import { html } from 'lit';
import { walkData } from '../../packages/elements/test/fixtures.js';
import { attr, ifDefined } from './story-helpers.js';

const STOPS = [
  { id: 'stop-1', label: 'Parvis des Bleuets', point: { lat: 44.9205, lon: 4.9128 } },
  { id: 'stop-2', label: 'Square Jean-Moulin' },
  { id: 'stop-3', label: 'Aire de jeux', description: 'Bancs abîmés signalés en 2098' },
  { id: 'stop-4', label: 'Rue des Écoles' },
];

/** A saved walk of Le Plan in 2099, in `status`. */
const saved = (status: 'draft' | 'open' | 'cancelled'): PlanData => {
  const { city: _city, ...summary } = walkData(
    {
      status,
      confirmed: status === 'draft' ? 0 : 13,
      seatsLeft: status === 'draft' ? 25 : 12,
      walk: {
        id: 'walk-le-plan-2099',
        title: 'Autour des Bleuets',
        status,
        stops: STOPS,
        organiserIds: ['ville-de-valence', 'oph'],
        ...(status === 'cancelled' ? { cancelReason: 'Travaux sur la place' } : {}),
      },
    },
    { city: undefined },
  );
  return { city: valence, walk: { ...summary, city: valence } };
};

interface PlanArgs {
  lang: string;
  walkId: string;
  data: PlanData;
}

export default {
  title: 'Console/Plan',
  component: 'gusp-console-plan',
  args: { lang: '', walkId: '', data: { city: valence } },
  render: (args) =>
    html`<gusp-console-plan
      lang=${ifDefined(attr(args.lang))}
      walk-id=${ifDefined(attr(args.walkId))}
      .data=${args.data}
    ></gusp-console-plan>`,
} satisfies Meta<PlanArgs>;

type PlanStory = StoryObj<PlanArgs>;

/** A new walk: the city's defaults (a half-day, its capacity) filled in, the deadline rule said, no stop yet. */
export const NewWalk: PlanStory = {};

/** A saved draft: « Publier » and « Annuler », and the preview as residents will see it once published. */
export const Draft: PlanStory = { args: { walkId: 'walk-le-plan-2099', data: saved('draft') } };

/** An open walk: close registrations, move it (the deadline follows), cancel it after a confirmation. */
export const Open: PlanStory = { args: { walkId: 'walk-le-plan-2099', data: saved('open') } };

/** A cancelled walk: no step is left; the preview says it is cancelled. */
export const Cancelled: PlanStory = { args: { walkId: 'walk-le-plan-2099', data: saved('cancelled') } };

/**
 * The server cannot be reached (here the endpoint refuses the connection): the failure and
 * « Réessayer », never a blank screen. Tagged `network-refused`: the check of the built Storybook
 * accepts the browser's « Failed to load resource » for this endpoint, and nothing else.
 */
export const LoadFailed: PlanStory = {
  tags: ['network-refused'],
  render: (args) => html`<gusp-console-plan lang=${ifDefined(attr(args.lang))} endpoint="http://127.0.0.1:9/api"></gusp-console-plan>`,
};
