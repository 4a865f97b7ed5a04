// SPDX-License-Identifier: EUPL-1.2
/** The emails staff get: an invitation to the back office, and a sign-in link with its code. French and English. */
import type { StaffRole } from '../auth.js';

export type StaffEmailKind = 'staff-invitation' | 'staff-sign-in';

export interface StaffEmailInput {
  /** The person's name, if the coordinator gave one. */
  readonly name?: string | null | undefined;
  readonly role: StaffRole;
  /** The organisation's name, for the `organisation` role. */
  readonly organisation?: string | undefined;
  /** The city's name (« Valence »). */
  readonly city: string;
  /** The single-use link (`…/gestion/connexion?token=…`). */
  readonly link: string;
  /** The 6-digit code (sign-in only). */
  readonly code?: string | undefined;
  /** Where a new link can be asked for (`…/gestion/connexion`). */
  readonly signInPage: string;
}

type Template = (i: StaffEmailInput) => { subject: string; body: string };

const FR_ROLE: Record<StaffRole, string> = {
  coordinator: 'coordination des diagnostics',
  agent: 'agent de terrain',
  organisation: 'organisation partenaire',
};
const EN_ROLE: Record<StaffRole, string> = { coordinator: 'coordinator', agent: 'field agent', organisation: 'partner organisation' };

const fr: Record<StaffEmailKind, Template> = {
  'staff-invitation': (i) => ({
    subject: `Invitation à l’espace de gestion GUSP, ${i.city}`,
    body: `Bonjour${i.name ? ` ${i.name}` : ''},\n\nVoici votre invitation à l’espace de gestion des diagnostics en marchant de ${i.city}, avec le rôle : ${FR_ROLE[i.role]}${i.organisation ? ` (${i.organisation})` : ''}.\n\nPour vous connecter, ouvrez ce lien (valable 7 jours, une seule fois) :\n${i.link}\n\nIl n’y a pas de mot de passe : ensuite, demandez un lien de connexion à votre adresse sur ${i.signInPage}\n\nSi vous ne vous attendiez pas à ce message, ignorez-le.`,
  }),
  'staff-sign-in': (i) => ({
    subject: `Votre lien de connexion GUSP, ${i.city}`,
    body: `Bonjour${i.name ? ` ${i.name}` : ''},\n\nPour vous connecter à l’espace de gestion, ouvrez ce lien :\n${i.link}\n\nou saisissez ce code : ${i.code ?? ''}\n\nLe lien et le code sont valables 15 minutes et ne servent qu’une fois.\nSi vous n’avez pas demandé à vous connecter, ignorez ce message : personne ne peut se connecter sans lui.`,
  }),
};

const en: Record<StaffEmailKind, Template> = {
  'staff-invitation': (i) => ({
    subject: `Invitation to the GUSP back office, ${i.city}`,
    body: `Hello${i.name ? ` ${i.name}` : ''},\n\nYou are invited to the back office of ${i.city}'s neighbourhood walks, as: ${EN_ROLE[i.role]}${i.organisation ? ` (${i.organisation})` : ''}.\n\nTo sign in, open this link (valid for 7 days, once):\n${i.link}\n\nThere is no password: afterwards, ask for a sign-in link to your address at ${i.signInPage}\n\nIf you did not expect this message, ignore it.`,
  }),
  'staff-sign-in': (i) => ({
    subject: `Your GUSP sign-in link, ${i.city}`,
    body: `Hello${i.name ? ` ${i.name}` : ''},\n\nTo sign in to the back office, open this link:\n${i.link}\n\nor type this code: ${i.code ?? ''}\n\nThe link and the code are valid for 15 minutes and work once.\nIf you did not ask to sign in, ignore this message: nobody can sign in without it.`,
  }),
};

export function renderStaffEmail(kind: StaffEmailKind, locale: string, input: StaffEmailInput) {
  return (locale.toLowerCase().startsWith('en') ? en : fr)[kind](input);
}

export const staffTemplates = { fr, en };
