// SPDX-License-Identifier: EUPL-1.2
import type { EngagementTrackerTexts } from '../types.js';

export const engagementTracker: EngagementTrackerTexts = {
  /* engagement tracker */
  loading: 'Chargement des engagements…',
  trackerHeading: 'Suivi des engagements',
  countersHeading: 'Où en sont les engagements',
  counter: {
    proposed: 'Proposés',
    accepted: 'Acceptés',
    'in-progress': 'En cours',
    done: 'Réalisés',
    verified: 'Vérifiés',
    abandoned: 'Abandonnés',
    overdue: 'En retard',
  },
  filtersLegend: 'Filtrer les engagements',
  organisation: 'Organisation',
  status: 'État',
  all: 'Tous',
  shown: (shown, total) =>
    shown === total ? `${total} engagement${total > 1 ? 's' : ''}` : `${shown} engagement${shown > 1 ? 's' : ''} sur ${total}`,
  empty: 'Aucun engagement ne correspond à ces filtres.',
  noDueDate: 'Sans échéance',
  dueIn: (words) => `Échéance ${words}`,
  dueOnDay: (day) => `Échéance : ${day}`,
  overdueBy: (days) => (days === 1 ? 'En retard d’1 jour' : `En retard de ${days} jours`),
  noOrganisation: 'Organisation à désigner',
  progress: 'Avancement',
  observations: (n) => (n === 0 ? 'Aucune observation liée' : n === 1 ? '1 observation liée' : `${n} observations liées`),
  residentAnswers: ({ yes, partly, no }) =>
    (
      [
        [yes, 'réglé'],
        [partly, 'en partie'],
        [no, 'non réglé'],
      ] as const
    )
      .filter(([n]) => n > 0)
      .map(([n, said], i) => (i === 0 ? `${n} habitant${n > 1 ? 's' : ''} : ${said}` : `${n} : ${said}`))
      .join(', '),
  timeline: 'Historique',
  milestone: {
    proposed: 'Proposé',
    accepted: 'Accepté',
    started: 'Travaux commencés',
    progressed: 'Point d’étape',
    completed: 'Réalisé',
    verified: 'Vérifié avec les habitants',
    reopened: 'Rouvert',
    abandoned: 'Abandonné',
    rescheduled: 'Échéance reportée',
  },
};
