// SPDX-License-Identifier: EUPL-1.2
/** The texts of `<gusp-console-report>` (its room: only this screen uses them), French then English. */
export interface ReportTexts {
  readonly title: string;
  readonly intro: string;
}

export const reportFr: ReportTexts = {
  title: 'Compte-rendu',
  intro: 'Le compte-rendu du diagnostic : rédiger, prévisualiser, valider et restituer à tous les participants.',
};

export const reportEn: ReportTexts = {
  title: 'Report',
  intro: 'The walk’s report: write, preview, validate and give it back to every participant.',
};
