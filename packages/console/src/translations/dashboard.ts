// SPDX-License-Identifier: EUPL-1.2
/** The texts of `<gusp-console-dashboard>` (its room: only this screen uses them), French then English. */
export interface DashboardTexts {
  readonly title: string;
  readonly intro: string;
}

export const dashboardFr: DashboardTexts = {
  title: 'Tableau de bord',
  intro: 'La couverture des quartiers prioritaires, les observations et les engagements, pour le comité de pilotage.',
};

export const dashboardEn: DashboardTexts = {
  title: 'Dashboard',
  intro: 'Coverage of priority quartiers, observations and commitments, for the steering committee.',
};
