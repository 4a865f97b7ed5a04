// SPDX-License-Identifier: EUPL-1.2
/**
 * `<gusp-console-day>` (`@gusp/console`): the walk day on a phone — today's walks to choose from,
 * then one walk's start and finish, check-in, walk-ins and observations stop by stop — with data
 * given to the element (no server behind Storybook: an action is kept on the device and counted
 * as waiting, as it would be without network).
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { Observation, Registration, valence, type WalkSummary } from '@gusp/core';
import type { DayListData, DayRegistration, DayWalkData } from '@gusp/console';
import '@gusp/console/define/day.js';
import { html } from 'lit';
import { walkData } from '../../packages/elements/test/fixtures.js';
import { attr, ifDefined } from './story-helpers.js';

const STOPS = [
  { id: 'stop-parvis', label: 'Parvis de la maison de quartier' },
  { id: 'stop-square', label: 'Square des Bleuets' },
  { id: 'stop-ecole', label: 'École Jean-Macé' },
  { id: 'stop-passage', label: 'Passage des Lilas' },
];

const summary = (status: WalkSummary['status'], overrides: Record<string, unknown> = {}): WalkSummary => {
  const { city: _city, ...rest } = walkData({
    status,
    walk: { id: 'w-day', title: 'Autour des Bleuets', status, stops: STOPS, ...overrides },
  });
  return rest;
};

let n = 0;
/** A registration checked by the core's schema, as staff read it (without its cancel token). */
const person = (name: string, status: DayRegistration['status'], extra: Record<string, unknown> = {}): DayRegistration => {
  const { cancelToken: _token, ...registration } = Registration.parse({
    id: `r-${++n}`,
    walkId: 'w-day',
    name,
    email: `${name.split(' ')[0]!.toLowerCase()}@example.org`,
    role: 'resident',
    needs: [],
    locale: 'fr',
    consent: { version: '2026-01', at: '2099-03-01T10:00:00+01:00' },
    status,
    cancelToken: 'x'.repeat(32),
    registeredAt: '2099-03-01T10:00:00+01:00',
    updatedAt: '2099-03-01T10:00:00+01:00',
    ...extra,
  });
  return registration;
};

/** An observation of the walk at a stop, checked by the core's schema. */
const observation = (id: string, stopId: string, themeId: string, description: string, polarity = 'problem') => {
  const { reporter: _none, ...o } = Observation.parse({
    id,
    quartierId: 'le-plan',
    walkId: 'w-day',
    stopId,
    polarity,
    themeId,
    description,
    photos: [],
    source: 'walk',
    status: 'recorded',
    recordedAt: '2099-03-14T09:40:00+01:00',
    updatedAt: '2099-03-14T09:40:00+01:00',
  });
  return o;
};

const registrations = (): DayRegistration[] => [
  person('Éloïse Martin', 'confirmed'),
  person('Karim Benali', 'attended'),
  person('Jeanne Roux', 'confirmed', { email: undefined, phone: '06 12 34 56 78', channel: 'phone' }),
  person('Paul Girard', 'waitlisted'),
  person('Association Les Lilas', 'confirmed', { role: 'association' }),
  person('Mme Diallo', 'attended', { channel: 'walk-in' }),
];

const underWay = (): DayWalkData => ({
  summary: summary('in-progress'),
  city: valence,
  registrations: registrations(),
  observations: [
    observation('o-1', 'stop-parvis', 'eclairage-public', 'Lampadaire éteint devant l’entrée'),
    observation('o-2', 'stop-square', 'lien-social', 'Bancs neufs très utilisés', 'positive'),
  ],
});

const beforeStart = (): DayWalkData => ({
  ...underWay(),
  summary: summary('closed'),
  registrations: registrations().map((r) => (r.status === 'attended' ? { ...r, status: 'confirmed' as const, channel: undefined } : r)),
  observations: [],
});

const todays = (): DayListData => ({
  city: valence,
  walks: [
    summary('in-progress'),
    summary('closed', { id: 'w-poly', quartierId: 'polygone', title: undefined, startsAt: '2099-03-14T14:00:00+01:00' }),
  ],
});

interface DayArgs {
  lang: string;
  walkId: string;
  data?: DayWalkData;
  list?: DayListData;
}

export default {
  title: 'Console/Walk day',
  component: 'gusp-console-day',
  args: { lang: '', walkId: 'w-day', data: underWay() },
  parameters: { viewport: { defaultViewport: 'mobile1' } },
  render: (args) =>
    html`<gusp-console-day
      lang=${ifDefined(attr(args.lang))}
      walk-id=${ifDefined(attr(args.walkId))}
      .data=${args.data}
      .list=${args.list}
    ></gusp-console-day>`,
} satisfies Meta<DayArgs>;

type DayStory = StoryObj<DayArgs>;

/** Without a walk: today's walks and the one under way, each a link to its day. */
export const TodaysWalks: DayStory = { args: { walkId: '', data: undefined, list: todays() } };

/** No walk today: it says so. */
export const NoWalkToday: DayStory = { args: { walkId: '', data: undefined, list: { city: valence, walks: [] } } };

/** Registrations closed, the walk not started: « Démarrer le diagnostic » (confirmed before it is sent). */
export const BeforeStart: DayStory = { args: { data: beforeStart() } };

/** Under way: two people present (one a walk-in), a waitlisted person who came can be ticked, two observations at two stops. */
export const UnderWay: DayStory = {};
