// SPDX-License-Identifier: EUPL-1.2
/** The texts of `<gusp-console-inbox>` (its room: only this screen uses them), French then English. */
export interface InboxTexts {
  readonly title: string;
  readonly intro: string;
}

export const inboxFr: InboxTexts = {
  title: 'Observations à traiter',
  intro: 'Les observations des diagnostics et des habitants, à qualifier, regrouper, écarter ou résoudre.',
};

export const inboxEn: InboxTexts = {
  title: 'Observations to triage',
  intro: 'Observations from walks and residents, to qualify, merge, set aside or resolve.',
};
