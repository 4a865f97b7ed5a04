// SPDX-License-Identifier: EUPL-1.2
/** The texts of `<gusp-console-accounts>` (its room: only this screen uses them), French then English. */
export interface AccountsTexts {
  readonly title: string;
}

export const accountsFr: AccountsTexts = {
  title: 'Comptes de l’équipe',
};

export const accountsEn: AccountsTexts = {
  title: 'Team accounts',
};
