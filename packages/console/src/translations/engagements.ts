// SPDX-License-Identifier: EUPL-1.2
/** The texts of `<gusp-console-engagements>` (its room: only this screen uses them), French then English. */
export interface EngagementsTexts {
  readonly title: string;
  readonly intro: string;
}

export const engagementsFr: EngagementsTexts = {
  title: 'Engagements',
  intro: 'Les engagements pris après les diagnostics, leur échéance et leur avancement.',
};

export const engagementsEn: EngagementsTexts = {
  title: 'Commitments',
  intro: 'The commitments made after the walks, their due dates and progress.',
};
