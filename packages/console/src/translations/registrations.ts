// SPDX-License-Identifier: EUPL-1.2
/** The texts of `<gusp-console-registrations>` (its room: only this screen uses them), French then English. */
export interface RegistrationsTexts {
  readonly title: string;
}

export const registrationsFr: RegistrationsTexts = {
  title: 'Inscriptions',
};

export const registrationsEn: RegistrationsTexts = {
  title: 'Registrations',
};
