// SPDX-License-Identifier: EUPL-1.2
import type { CommonTexts } from '../types.js';

export const common: CommonTexts = {
  loading: 'Chargement du diagnostic…',
  loadFailed: 'Impossible de charger ce diagnostic pour le moment.',
  retry: 'Réessayer',
  requiredHint: 'Les champs marqués d’un astérisque (*) sont obligatoires.',
  name: 'Nom et prénom',
  email: 'Adresse e-mail',
  phone: 'Téléphone',
  errorSummaryTitle: (count) => (count === 1 ? 'Il y a 1 erreur dans le formulaire' : `Il y a ${count} erreurs dans le formulaire`),
  quartier: 'Quartier',
  theme: 'Thématique',
  clearAnswers: 'Effacer mes réponses',
  answersCleared: 'Vos réponses ont été effacées de cet appareil.',
};
