// SPDX-License-Identifier: EUPL-1.2
/**
 * `<gusp-console-report>` (`@gusp/console`): a finished walk's compte-rendu for coordinators — every
 * section to write, photos to choose, engagements created in place, the preview, validate, share,
 * then who it reached — with data given to the element (no server behind Storybook: a send there
 * says the server does not answer, and keeps what was typed).
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { valence, type Report } from '@gusp/core';
import type { ListedObservation, ReportData } from '@gusp/console';
import '@gusp/console/define/report.js';
import { html } from 'lit';
import { walkData } from '../../packages/elements/test/fixtures.js';
import { attr, ifDefined } from './story-helpers.js';

const WALK = 'walk-le-plan-2099';
const STOPS = [
  { id: 'stop-square', label: 'Square des Bleuets' },
  { id: 'stop-ecole', label: 'Devant l’école Jean-Moulin' },
];

const summaryOf = (status: 'done' | 'reported' | 'open') => {
  const { city: _city, ...summary } = walkData(
    { status, attended: 14, walk: { status, startsAt: '2099-03-14T09:00:00+01:00', stops: STOPS } },
    { city: undefined },
  );
  return summary;
};

const observation = (
  id: string,
  polarity: 'positive' | 'problem',
  themeId: string,
  stopId: string,
  description: string,
): ListedObservation =>
  ({
    id,
    quartierId: 'le-plan',
    walkId: WALK,
    stopId,
    polarity,
    themeId,
    description,
    photos: [],
    source: 'walk',
    status: 'new',
    recordedAt: '2099-03-14T10:00:00+01:00',
    updatedAt: '2099-03-14T10:00:00+01:00',
  }) as unknown as ListedObservation;

const OBSERVATIONS = [
  observation('obs-1', 'problem', 'eclairage-public', 'stop-square', 'Deux lampadaires éteints au fond du square'),
  observation('obs-2', 'problem', 'nettoyage', 'stop-ecole', 'Dépôt sauvage derrière l’école'),
  observation('obs-3', 'positive', 'lien-social', 'stop-square', 'Le jardin partagé est très vivant'),
];

const report = (status: Report['status'], extra: Partial<Report> = {}): Report =>
  ({
    id: 'report-1',
    walkId: WALK,
    status,
    participants: { resident: 10, association: 2, professional: 1, elected: 1, landlord: 0, 'proximity-agent': 0, partner: 0 },
    participantsTotal: 14,
    byStop: [
      { stopId: 'stop-square', label: 'Square des Bleuets', positive: 1, problem: 1 },
      { stopId: 'stop-ecole', label: 'Devant l’école Jean-Moulin', positive: 0, problem: 1 },
    ],
    byTheme: [],
    positives: [
      { observationId: 'obs-3', themeId: 'lien-social', stopId: 'stop-square', description: 'Le jardin partagé est très vivant' },
    ],
    problems: [],
    engagements: [
      { engagementId: 'eng-1', title: 'Réparer l’éclairage du square', organisationId: 'ville-de-valence', status: 'proposed' },
    ],
    generatedAt: '2099-03-14T14:00:00+01:00',
    introduction: 'Quatorze personnes ont parcouru Le Plan malgré le vent.',
    stopNotes: [{ stopId: 'stop-square', text: 'Le square manque de lumière le soir.' }],
    nextSteps: 'Rendez-vous à la permanence du mardi pour suivre les engagements.',
    ...extra,
  }) as unknown as Report;

const draft = (): ReportData => ({ summary: summaryOf('done'), city: valence, report: report('draft'), observations: OBSERVATIONS });
const validated = (): ReportData => ({ ...draft(), report: report('validated', { validatedAt: '2099-03-15T10:00:00+01:00' }) });
const shared = (): ReportData => ({
  summary: summaryOf('reported'),
  city: valence,
  report: report('shared', { sharedOn: '2099-03-16' }),
  observations: OBSERVATIONS,
  restitution: {
    status: 'shared',
    emailed: 12,
    organisations: 2,
    organisationAccounts: 3,
    byOrganisation: [
      { organisationId: 'oph', name: 'Office public de l’habitat', accounts: 2 },
      { organisationId: 'ville-de-valence', name: 'Ville de Valence', accounts: 1 },
    ],
    withoutEmail: 3,
    withoutEmailUrl: '/api/walks/walk-le-plan-2099/report/without-email.html',
    publicUrl: '/api/walks/walk-le-plan-2099/report.html',
  },
});

interface ReportArgs {
  lang: string;
  data: ReportData | undefined;
}

export default {
  title: 'Console/Report',
  component: 'gusp-console-report',
  args: { lang: '', data: draft() },
  render: (args) =>
    html`<gusp-console-report
      lang=${ifDefined(attr(args.lang))}
      walk-id=${WALK}
      endpoint="/storybook-has-no-api"
      .data=${args.data}
    ></gusp-console-report>`,
} satisfies Meta<ReportArgs>;

type ReportStory = StoryObj<ReportArgs>;

/** A draft: every section to write, the observations to make an engagement from, preview and validate. */
export const Draft: ReportStory = {};

/** Validated: frozen, ready to share (a confirmation step first). */
export const Validated: ReportStory = { args: { data: validated() } };

/** Shared: who it reached, the printable list of the people without email, the public page. */
export const Shared: ReportStory = { args: { data: shared() } };

/** A walk not over yet: nothing to write. */
export const NotDone: ReportStory = {
  args: { data: { summary: summaryOf('open'), city: valence, observations: [] } },
};

/** No data given and no GUSP server behind Storybook: the failure is said, with « Réessayer ». */
export const LoadFailed: ReportStory = {
  tags: ['network-refused'],
  args: { data: undefined },
  render: () => html`<gusp-console-report walk-id=${WALK} endpoint="http://127.0.0.1:9/api"></gusp-console-report>`,
};
