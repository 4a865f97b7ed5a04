// SPDX-License-Identifier: EUPL-1.2
import type { CommonTexts } from '../types.js';

export const common: CommonTexts = {
  loading: 'Loading the walk…',
  loadFailed: 'This walk cannot be loaded right now.',
  retry: 'Try again',
  requiredHint: 'Fields marked with an asterisk (*) are required.',
  name: 'Full name',
  email: 'Email address',
  phone: 'Phone',
  errorSummaryTitle: (count) => (count === 1 ? 'There is 1 problem with the form' : `There are ${count} problems with the form`),
  quartier: 'Neighbourhood',
  theme: 'Theme',
  clearAnswers: 'Clear my answers',
  answersCleared: 'Your answers have been cleared from this device.',
};
