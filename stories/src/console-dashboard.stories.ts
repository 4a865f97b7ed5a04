// SPDX-License-Identifier: EUPL-1.2
/**
 * `<gusp-console-dashboard>` (`@gusp/console`): what the comité de pilotage reads — coverage of the
 * priority quartiers, observations by theme and by stop, engagements by status and organisation,
 * delays and the overdue list — with data given to the element (no server behind Storybook), the
 * engagements' figures made by the core's own `engagementDashboard`, as the server's are.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { engagementDashboard, observationStats, valence, type Observation } from '@gusp/core';
import type { DashboardData } from '@gusp/console';
import '@gusp/console/define/dashboard.js';
import { html } from 'lit';
import { engagement, NOW, walkData } from '../../packages/elements/test/fixtures.js';
import { attr, ifDefined } from './story-helpers.js';

const lePlan = walkData({
  walk: {
    id: 'w-bleuets',
    title: 'Autour des Bleuets',
    status: 'done',
    startsAt: '2026-10-17T09:30:00+02:00',
    registrationDeadline: '2026-10-15T18:00:00+02:00',
    stops: [
      { id: 'stop-parvis', label: 'Parvis de l’immeuble Les Bleuets' },
      { id: 'stop-passage', label: 'Passage vers l’arrêt de bus' },
      { id: 'stop-jeux', label: 'Aire de jeux rue Jean-Moulin' },
    ],
  },
}).walk;

let n = 0;
/** An observation of the Bleuets walk, as the core counts it. */
const seen = (stopId: string, polarity: 'positive' | 'problem', themeId: string, status = 'qualified'): Observation =>
  ({
    id: `o-${++n}`,
    quartierId: 'le-plan',
    walkId: lePlan.id,
    stopId,
    polarity,
    themeId,
    status,
    description: '',
    source: 'walk',
    photos: [],
    recordedAt: '2026-10-17T10:15:00+02:00',
    updatedAt: '2026-10-17T10:15:00+02:00',
  }) as unknown as Observation;

const observations = [
  seen('stop-parvis', 'positive', 'espaces-verts'),
  seen('stop-parvis', 'positive', 'lien-social'),
  seen('stop-parvis', 'problem', 'nettoyage'),
  seen('stop-passage', 'problem', 'eclairage-public'),
  seen('stop-passage', 'problem', 'eclairage-public'),
  seen('stop-passage', 'problem', 'voirie'),
  seen('stop-jeux', 'positive', 'espaces-publics-jeux'),
  seen('stop-jeux', 'problem', 'espaces-publics-jeux'),
  seen('stop-jeux', 'problem', 'nettoyage', 'duplicate'),
];

const engagements = [
  engagement({ title: 'Réparer les lampadaires du passage', dueOn: '2026-12-15', themeId: 'eclairage-public' }),
  engagement({
    title: 'Nettoyer les abords du parvis',
    status: 'done',
    progress: 100,
    themeId: 'nettoyage',
    organisationId: 'oph',
    dueOn: '2026-11-30',
    completedAt: '2026-11-24T16:00:00+01:00',
  }),
  engagement({
    title: 'Effacer les tags du mur',
    status: 'verified',
    progress: 100,
    themeId: 'embellissement',
    organisationId: 'oph',
    dueOn: '2026-11-15',
    completedAt: '2026-11-21T11:00:00+01:00',
  }),
  engagement({
    title: 'Tester la collecte du tri le lundi',
    status: 'in-progress',
    progress: 40,
    themeId: 'tri-selectif',
    organisationId: 'oph',
    dueOn: '2027-02-28',
  }),
  engagement({ title: 'Réparer le toboggan', status: 'in-progress', progress: 60, themeId: 'espaces-publics-jeux', dueOn: '2026-12-20' }),
  engagement({
    title: 'Repeindre les bancs',
    status: 'proposed',
    themeId: 'embellissement',
    organisationId: 'associations-de-quartier',
    dueOn: undefined,
  }),
  engagement({
    title: 'Installer des bancs',
    status: 'abandoned',
    themeId: 'espaces-publics-jeux',
    organisationId: 'compagnons-batisseurs',
    dueOn: undefined,
  }),
];

const coverage = (covered: readonly string[]) => ({
  year: 2026,
  quartiers: valence.quartiers
    .filter((q) => q.priority)
    .map((q) => {
      const walks = covered.filter((id) => id === q.id).length;
      return { quartierId: q.id, walks, covered: walks > 0 };
    }),
  uncovered: valence.quartiers.filter((q) => q.priority && !covered.includes(q.id)).map((q) => q.id),
});

/** Valence's 2026: two walks in Le Plan, one in Fontbarlettes and Polygone; the Bleuets walk's observations; seven engagements. */
const valence2026 = (): DashboardData => ({
  city: valence,
  coverage: coverage(['le-plan', 'le-plan', 'fontbarlettes', 'polygone']),
  stats: observationStats(observations, valence.timezone),
  engagements: engagementDashboard(engagements, NOW, valence),
  walks: [lePlan],
});

/** January, before any walk: nothing covered, nothing noted, no engagement. */
const emptyYear = (): DashboardData => ({
  city: valence,
  coverage: coverage([]),
  stats: observationStats([], valence.timezone),
  engagements: engagementDashboard([], NOW, valence),
  walks: [],
});

interface DashboardArgs {
  lang: string;
  staffRole: string;
  data: DashboardData;
}

export default {
  title: 'Console/Dashboard',
  component: 'gusp-console-dashboard',
  args: { lang: '', staffRole: '', data: valence2026() },
  render: (args) =>
    html`<gusp-console-dashboard
      lang=${ifDefined(attr(args.lang))}
      staff-role=${ifDefined(attr(args.staffRole))}
      year="2026"
      .data=${args.data}
    ></gusp-console-dashboard>`,
} satisfies Meta<DashboardArgs>;

type DashboardStory = StoryObj<DashboardArgs>;

/** Valence in 2026: Chamberlière and Valensolles still without a walk; two engagements overdue on 4 January 2027. */
export const Valence2026: DashboardStory = {};

/** A year with nothing yet: every chart says so, every priority quartier is uncovered. */
export const EmptyYear: DashboardStory = { args: { data: emptyYear() } };

/** The Bleuets walk with its stops placed, and what was noted there: listed, then on the map by polarity. */
const placedWalk = walkData({
  walk: {
    id: lePlan.id,
    title: lePlan.title,
    status: 'done',
    startsAt: lePlan.startsAt,
    registrationDeadline: lePlan.registrationDeadline,
    stops: [
      { id: 'stop-parvis', label: 'Parvis de l’immeuble Les Bleuets', point: { lat: 44.9209, lon: 4.9118 } },
      { id: 'stop-passage', label: 'Passage vers l’arrêt de bus', point: { lat: 44.9198, lon: 4.9134 } },
      { id: 'stop-jeux', label: 'Aire de jeux rue Jean-Moulin', point: { lat: 44.9214, lon: 4.9149 } },
    ],
  },
}).walk;
const onTheMap = (): DashboardData => ({
  ...valence2026(),
  walks: [placedWalk],
  observations: [
    ...observations,
    {
      ...seen('stop-jeux', 'problem', 'voirie'),
      stopId: undefined,
      point: { lat: 44.9188, lon: 4.9161 },
      address: 'Rue Jean-Moulin',
    },
  ],
});

/**
 * The year's observations on the map (issue 16), list first: each counted one with a point (its own, or
 * its stop's) in the table, then a marker of its polarity — a disc « + » or a triangle « ! », named in
 * words — the quartier's outline drawn when one is chosen.
 */
export const ObservationsOnTheMap: DashboardStory = {
  args: { data: onTheMap() },
  render: (args) =>
    html`<gusp-console-dashboard
      lang=${ifDefined(attr(args.lang))}
      year="2026"
      quartier="le-plan"
      .data=${args.data}
    ></gusp-console-dashboard>`,
};

/** As an agent sees it: no link to the engagement desk, which agents do not open. */
export const AsAnAgent: DashboardStory = { args: { staffRole: 'agent' } };
