// SPDX-License-Identifier: EUPL-1.2
/** The texts of `<gusp-console-day>` (its room: only this screen uses them), French then English. */
export interface DayTexts {
  readonly title: string;
}

export const dayFr: DayTexts = {
  title: 'Le jour J',
};

export const dayEn: DayTexts = {
  title: 'Walk day',
};
