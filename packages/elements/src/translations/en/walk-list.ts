// SPDX-License-Identifier: EUPL-1.2
import type { WalkListTexts } from '../types.js';

export const walkList: WalkListTexts = {
  listHeading: 'Upcoming neighbourhood walks',
  listHeadingIn: (quartier) => `Upcoming neighbourhood walks – ${quartier}`,
  noWalk: 'No neighbourhood walk is planned for now.',
  signUp: 'Sign up',
  signUpFor: (walk, day) => `: ${walk}, ${day}`,
  place: 'Meeting point',
  back: 'Back to the list of walks',
  fullShort: 'Full: you can join the waiting list',
  closedShort: 'Registrations closed',
  cancelledShort: 'Cancelled',
};
