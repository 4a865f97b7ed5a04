// SPDX-License-Identifier: EUPL-1.2
import type { WalkListTexts } from '../types.js';

export const walkList: WalkListTexts = {
  listHeading: 'Prochains diagnostics en marchant',
  listHeadingIn: (quartier) => `Prochains diagnostics en marchant – ${quartier}`,
  noWalk: 'Aucun diagnostic en marchant n’est prévu pour le moment.',
  signUp: 'S’inscrire',
  signUpFor: (walk, day) => ` : ${walk}, ${day}`,
  place: 'Rendez-vous',
  back: 'Retour à la liste des diagnostics',
  fullShort: 'Complet : inscription sur liste d’attente',
  closedShort: 'Inscriptions closes',
  cancelledShort: 'Annulé',
};
