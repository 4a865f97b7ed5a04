// SPDX-License-Identifier: EUPL-1.2
/** The texts of `<gusp-console-plan>` (its room: only this screen uses them), French then English. */
export interface PlanTexts {
  readonly title: string;
}

export const planFr: PlanTexts = {
  title: 'Planifier un diagnostic',
};

export const planEn: PlanTexts = {
  title: 'Plan a walk',
};
