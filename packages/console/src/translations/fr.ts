// SPDX-License-Identifier: EUPL-1.2
import { accountsFr } from './accounts.js';
import { dashboardFr } from './dashboard.js';
import { engagementsFr } from './engagements.js';
import { inboxFr } from './inbox.js';
import { reportFr } from './report.js';
import { dayFr } from './day.js';
import { planFr } from './plan.js';
import { projectsFr } from './projects.js';
import { registrationsFr } from './registrations.js';
import type { ConsoleTexts } from './types.js';

const plural = (n: number, one: string, many: string) => (n <= 1 ? one : many);

/** The console in French, its first language. */
export const fr: ConsoleTexts = {
  locale: 'fr',
  loading: 'Chargement…',
  loadFailed: 'Le chargement a échoué. Vérifiez votre connexion puis réessayez.',
  retry: 'Réessayer',
  signInTitle: 'Connexion à l’espace de gestion',
  signInIntro: 'Pas de mot de passe : saisissez votre adresse professionnelle, nous vous envoyons un lien et un code valables 15 minutes.',
  emailLabel: 'Adresse électronique',
  emailHint: 'Par exemple : prenom.nom@ville.fr',
  sendLink: 'Recevoir un lien de connexion',
  sending: 'Envoi…',
  checkEmailTitle: 'Consultez votre messagerie',
  checkEmail: (email) =>
    `Si un compte existe pour ${email}, nous venons d’y envoyer un lien de connexion et un code à 6 chiffres, valables 15 minutes. Ouvrez le lien, ou saisissez le code ci-dessous.`,
  codeLabel: 'Code à 6 chiffres',
  codeHint: 'Le code reçu par courriel, par exemple 123456.',
  verify: 'Se connecter',
  verifying: 'Vérification…',
  otherAddress: 'Utiliser une autre adresse',
  verifyingLink: 'Vérification du lien de connexion…',
  linkFailed: 'Ce lien de connexion ne fonctionne plus : il a déjà servi ou a expiré.',
  askNewLink: 'Demander un nouveau lien',
  signedOut: 'Vous êtes déconnecté.',
  signInWith: (provider) => `Se connecter avec ${provider}`,
  orByEmail: 'Ou recevez un lien par courriel :',
  errors: {
    emailMissing: 'Saisissez votre adresse électronique.',
    emailInvalid: 'Saisissez une adresse électronique valide, par exemple prenom.nom@ville.fr.',
    codeInvalid: 'Le code comporte 6 chiffres, par exemple 123456.',
    signInInvalid:
      'Ce code ou ce lien n’est pas valable : il est erroné, a déjà servi ou a expiré. Vérifiez le code ou demandez-en un nouveau.',
    rateLimited: (minutes) => `Trop de demandes. Réessayez dans ${minutes} minute${minutes > 1 ? 's' : ''}.`,
    unavailable: 'Le serveur ne répond pas. Vérifiez votre connexion puis réessayez.',
    sessionEnded: 'Votre session a pris fin. Reconnectez-vous.',
    forbidden: 'Votre compte n’a pas accès à cet écran.',
  },
  appTitle: 'Gestion des diagnostics en marchant',
  signedInAs: (who, role) => `Connecté : ${who}, ${role}`,
  signOut: 'Se déconnecter',
  navLabel: 'Espace de gestion',
  roles: { coordinator: 'coordination', agent: 'agent', organisation: 'organisation' },
  screens: {
    walks: 'Diagnostics',
    plan: 'Planifier',
    registrations: 'Inscriptions',
    day: 'Le jour J',
    inbox: 'À traiter',
    report: 'Compte-rendu',
    dashboard: 'Tableau de bord',
    accounts: 'Comptes',
    engagements: 'Engagements',
    projects: 'Projets',
    project: 'Projet',
  },
  noWalkChosen: 'Choisissez d’abord un diagnostic dans la liste des diagnostics.',
  plan: planFr,
  registrations: registrationsFr,
  day: dayFr,
  inbox: inboxFr,
  report: reportFr,
  engagements: engagementsFr,
  dashboard: dashboardFr,
  accounts: accountsFr,
  projects: projectsFr,
  noScreen: 'Aucun écran n’est ouvert à votre rôle pour le moment.',
  walksTitle: 'Diagnostics en marchant',
  filters: 'Filtres',
  year: 'Année',
  quartier: 'Quartier',
  allQuartiers: 'Tous les quartiers',
  status: 'État',
  allStatuses: 'Tous les états',
  statuses: {
    draft: 'Brouillon',
    open: 'Inscriptions ouvertes',
    closed: 'Inscriptions closes',
    'in-progress': 'En cours',
    done: 'Terminé',
    reported: 'Compte-rendu publié',
    cancelled: 'Annulé',
  },
  coverageTitle: (year) => `Quartiers prioritaires en ${year}`,
  uncovered: (names) =>
    `${names.length} quartier${plural(names.length, '', 's')} prioritaire${plural(names.length, '', 's')} sans diagnostic cette année : ${names.join(', ')}.`,
  allCovered: 'Chaque quartier prioritaire a au moins un diagnostic cette année.',
  walksCount: (n) => (n === 0 ? 'aucun diagnostic' : `${n} diagnostic${plural(n, '', 's')}`),
  priority: 'prioritaire',
  noWalks: 'Aucun diagnostic publié ne correspond à ces filtres.',
  seats: (confirmed, left, capacity, waitlisted) =>
    `${confirmed} inscrit${plural(confirmed, '', 's')}, ${left} place${plural(left, '', 's')} restante${plural(left, '', 's')} sur ${capacity}${waitlisted ? `, ${waitlisted} en liste d’attente` : ''}`,
  attended: (n) => (n === 0 ? 'Aucun participant pointé' : `${n} participant${plural(n, '', 's')}`),
  walksShown: (n) => (n === 0 ? 'Aucun diagnostic' : `${n} diagnostic${plural(n, '', 's')}`),
  views: 'Affichage',
  listView: 'Par quartier',
  calendarView: 'Calendrier',
  calendarTitle: (year) => `Calendrier ${year}`,
  noWalkThisMonth: 'Aucun diagnostic ce mois-ci.',
  walkLinks: (when) => `Diagnostic du ${when}`,
  prepare: 'Préparer',
  registrationsLink: 'Inscriptions',
  dayLink: 'Jour J',
  planWalk: 'Planifier un diagnostic',
};
