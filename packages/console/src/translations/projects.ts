// SPDX-License-Identifier: EUPL-1.2
/**
 * The texts of `<gusp-console-projects>` and `<gusp-console-project>` (their room: only these
 * screens use them), French then English. Statuses, phases, kinds and outcomes are the core's labels
 * (`project.status.*`, `project.phase.*`, `workshop.kind.*`, `contribution.outcome.*`): the same
 * words as the public project page.
 */

export interface ProjectsTexts {
  // The list.
  readonly listTitle: string;
  readonly listIntro: string;
  readonly readOnlyIntro: string;
  readonly newProject: string;
  readonly noProjects: string;
  readonly projectsShown: (n: number) => string;
  readonly currentPhase: (phase: string) => string;
  readonly noCurrentPhase: string;
  readonly contributionsCount: (adopted: number, pending: number, declined: number) => string;
  readonly open: string;
  readonly openWho: (title: string) => string;
  // One project.
  readonly newTitle: string;
  readonly backToList: string;
  readonly readOnly: string;
  readonly status: string;
  readonly quartier: string;
  readonly site: string;
  readonly landlord: string;
  readonly partners: string;
  readonly noPartners: string;
  readonly nowHere: string;
  readonly reason: string;
  // The lifecycle.
  readonly lifecycleTitle: string;
  readonly lifecycleNone: string;
  readonly steps: Readonly<Record<ProjectStep, string>>;
  readonly stepDone: Readonly<Record<ProjectStep, string>>;
  readonly reasonFor: Readonly<Record<'suspend' | 'abandon', string>>;
  readonly reasonHint: string;
  readonly confirm: (action: string) => string;
  readonly keep: string;
  // The details form.
  readonly detailsTitle: string;
  readonly detailsIntro: string;
  readonly title: string;
  readonly kind: string;
  readonly chooseQuartier: string;
  readonly siteLabel: string;
  readonly siteLabelHint: string;
  readonly siteAddress: string;
  readonly description: string;
  readonly descriptionHint: string;
  readonly create: string;
  readonly save: string;
  readonly saving: string;
  readonly created: (title: string) => string;
  readonly saved: string;
  readonly errorTitle: (n: number) => string;
  readonly missingTitle: string;
  readonly missingSite: string;
  readonly missingQuartier: string;
  readonly sendFailed: string;
  // Phases.
  readonly phasesTitle: string;
  readonly phasesIntro: string;
  readonly plannedStart: string;
  readonly plannedEnd: string;
  readonly actualStart: string;
  readonly actualEnd: string;
  readonly phaseNote: string;
  readonly savePhase: (phase: string) => string;
  readonly phaseSaved: (phase: string) => string;
  readonly planned: string;
  readonly actual: string;
  readonly notDated: string;
  readonly range: (from: string, to: string) => string;
  // Workshops.
  readonly workshopsTitle: string;
  readonly noWorkshops: string;
  readonly workshopWhen: string;
  readonly place: string;
  readonly seats: string;
  readonly registrationsLink: string;
  readonly dayLink: string;
  readonly about: (title: string) => string;
  readonly workshopSteps: Readonly<Record<WorkshopStep, string>>;
  readonly workshopDone: Readonly<Record<WorkshopStep, string>>;
  readonly cancelReason: string;
  readonly cancelHint: string;
  readonly newStart: string;
  readonly rescheduleHint: string;
  readonly planTitle: string;
  readonly planIntro: string;
  readonly workshopKind: string;
  readonly workshopTitle: string;
  readonly startsAt: string;
  readonly startsAtHint: (timeZone: string) => string;
  readonly duration: string;
  readonly durationHint: string;
  readonly placeHint: string;
  readonly defaultPlace: string;
  readonly capacity: string;
  readonly capacityHint: (n: number) => string;
  readonly institutionalSeats: string;
  readonly institutionalSeatsHint: string;
  readonly deadline: string;
  readonly deadlineHint: string;
  readonly planSubmit: string;
  readonly planned2: (title: string) => string;
  readonly missingStart: string;
  readonly missingWorkshopTitle: string;
  // Contributions.
  readonly contributionsTitle: string;
  readonly contributionsIntro: string;
  readonly noContributions: string;
  readonly atWorkshop: (title: string) => string;
  readonly outcome: string;
  readonly decide: Readonly<Record<'adopt' | 'study' | 'decline', string>>;
  readonly decided: Readonly<Record<'adopt' | 'study' | 'decline', string>>;
  readonly declineReason: string;
  readonly declineHint: string;
  readonly recordTitle: string;
  readonly contributionWorkshop: string;
  readonly noWorkshop: string;
  readonly contributionKind: string;
  readonly contributionText: string;
  readonly contributionTextHint: string;
  readonly record: string;
  readonly recorded: string;
  readonly missingText: string;
  // Engagements.
  readonly engagementsTitle: string;
  readonly noEngagements: string;
  readonly progress: (percent: number) => string;
  readonly dueOn: (day: string) => string;
  readonly proposeTitle: string;
  readonly proposeIntro: string;
  readonly engagementTitle: string;
  readonly organisation: string;
  readonly noOrganisation: string;
  readonly propose: string;
  readonly proposed: (title: string) => string;
  readonly missingEngagementTitle: string;
  readonly engagementStatuses: Readonly<Record<string, string>>;
  readonly toEngagements: string;
}

export type ProjectStep = 'announce' | 'startConcertation' | 'startWorks' | 'deliver' | 'evaluate' | 'suspend' | 'resume' | 'abandon';
export type WorkshopStep = 'publish' | 'closeRegistrations' | 'cancel' | 'reschedule';

const plural = (n: number, one: string, many: string) => (n <= 1 ? one : many);

export const projectsFr: ProjectsTexts = {
  listTitle: 'Projets concertés',
  listIntro:
    'Les projets menés avec les habitants : réhabilitations, espaces publics, aires de jeux. « Sans les habitants, rien ne se fera. »',
  readOnlyIntro: 'Les projets dont votre organisation est le bailleur ou un partenaire, en lecture seule.',
  newProject: 'Nouveau projet',
  noProjects: 'Aucun projet pour l’instant.',
  projectsShown: (n) => (n === 0 ? 'Aucun projet' : `${n} projet${plural(n, '', 's')}`),
  currentPhase: (phase) => `Nous en sommes là : ${phase}`,
  noCurrentPhase: 'Aucune phase en cours',
  contributionsCount: (adopted, pending, declined) =>
    `Contributions : ${adopted} retenue${plural(adopted, '', 's')}, ${pending} en attente, ${declined} non retenue${plural(declined, '', 's')}`,
  open: 'Ouvrir',
  openWho: (title) => ` le projet « ${title} »`,
  newTitle: 'Nouveau projet',
  backToList: 'Retour aux projets',
  readOnly: 'Lecture seule : seule l’équipe de la Ville modifie ce projet.',
  status: 'État',
  quartier: 'Quartier',
  site: 'Lieu',
  landlord: 'Bailleur',
  partners: 'Partenaires',
  noPartners: 'aucun',
  nowHere: 'Nous en sommes là',
  reason: 'Motif',
  lifecycleTitle: 'Faire avancer le projet',
  lifecycleNone: 'Aucune étape possible depuis cet état.',
  steps: {
    announce: 'Annoncer le projet',
    startConcertation: 'Ouvrir la concertation',
    startWorks: 'Lancer les travaux',
    deliver: 'Livrer',
    evaluate: 'Évaluer',
    suspend: 'Suspendre',
    resume: 'Reprendre',
    abandon: 'Abandonner',
  },
  stepDone: {
    announce: 'Le projet est annoncé : il est public.',
    startConcertation: 'La concertation est ouverte.',
    startWorks: 'Les travaux sont lancés.',
    deliver: 'Le projet est livré.',
    evaluate: 'Le projet est évalué.',
    suspend: 'Le projet est suspendu.',
    resume: 'Le projet reprend.',
    abandon: 'Le projet est abandonné.',
  },
  reasonFor: { suspend: 'Motif de la suspension', abandon: 'Motif de l’abandon' },
  reasonHint: 'Public : il est affiché avec le projet.',
  confirm: (action) => `Confirmer : ${action.toLowerCase()}`,
  keep: 'Annuler',
  detailsTitle: 'Le projet',
  detailsIntro: 'Tout ce qui est saisi ici est public une fois le projet annoncé : aucun nom de personne.',
  title: 'Titre',
  kind: 'Type de projet',
  chooseQuartier: 'Choisissez un quartier',
  siteLabel: 'Lieu (bâtiment, espace)',
  siteLabelHint: 'Par exemple : Immeuble Les Bleuets.',
  siteAddress: 'Adresse (facultatif)',
  description: 'Description publique',
  descriptionHint: 'Ce que le projet change, pour qui, et comment les habitants y prennent part.',
  create: 'Créer le projet (brouillon)',
  save: 'Enregistrer',
  saving: 'Enregistrement…',
  created: (title) => `Le projet « ${title} » est créé en brouillon.`,
  saved: 'Les modifications sont enregistrées.',
  errorTitle: (n) => (n > 1 ? `Il y a ${n} erreurs à corriger` : 'Il y a une erreur à corriger'),
  missingTitle: 'Indiquez le titre du projet.',
  missingSite: 'Indiquez le lieu du projet, par exemple « Immeuble Les Bleuets ».',
  missingQuartier: 'Choisissez le quartier du projet.',
  sendFailed: 'Pas de réponse du serveur. Rien n’est perdu : vérifiez la connexion puis renvoyez.',
  phasesTitle: 'Les phases',
  phasesIntro: 'Dates prévues et dates réelles de chaque phase ; la phase en cours suit l’état du projet.',
  plannedStart: 'Début prévu',
  plannedEnd: 'Fin prévue',
  actualStart: 'Début réel',
  actualEnd: 'Fin réelle',
  phaseNote: 'Note publique (facultatif)',
  savePhase: (phase) => `Enregistrer la phase ${phase.toLowerCase()}`,
  phaseSaved: (phase) => `La phase ${phase.toLowerCase()} est enregistrée.`,
  planned: 'prévu',
  actual: 'réel',
  notDated: 'dates à venir',
  range: (from, to) => `${from || '…'} – ${to || '…'}`,
  workshopsTitle: 'Les ateliers',
  noWorkshops: 'Aucun atelier pour l’instant.',
  workshopWhen: 'Date',
  place: 'Lieu',
  seats: 'Places',
  registrationsLink: 'Inscriptions',
  dayLink: 'Pointage du jour',
  about: (title) => ` – atelier « ${title} »`,
  workshopSteps: {
    publish: 'Publier (ouvrir les inscriptions)',
    closeRegistrations: 'Clore les inscriptions',
    cancel: 'Annuler l’atelier',
    reschedule: 'Déplacer',
  },
  workshopDone: {
    publish: 'L’atelier est publié : les inscriptions sont ouvertes.',
    closeRegistrations: 'Les inscriptions sont closes.',
    cancel: 'L’atelier est annulé : les personnes inscrites sont prévenues.',
    reschedule: 'L’atelier est déplacé : les personnes inscrites sont prévenues.',
  },
  cancelReason: 'Motif de l’annulation',
  cancelHint: 'Il est envoyé aux personnes inscrites.',
  newStart: 'Nouvelle date et heure',
  rescheduleHint: 'Les personnes inscrites sont prévenues.',
  planTitle: 'Planifier un atelier',
  planIntro: 'L’atelier est enregistré en brouillon : les habitants le voient une fois publié.',
  workshopKind: 'Type d’atelier',
  workshopTitle: 'Titre de l’atelier',
  startsAt: 'Date et heure',
  startsAtHint: (tz) => `Heure locale (${tz}).`,
  duration: 'Durée (minutes)',
  durationHint: '120 minutes si rien n’est indiqué.',
  placeHint: 'Souvent le local des habitants du bâtiment.',
  defaultPlace: 'Local des habitants',
  capacity: 'Places pour le public',
  capacityHint: (n) => `${n} si rien n’est indiqué.`,
  institutionalSeats: 'Places réservées aux institutions (facultatif)',
  institutionalSeatsHint: 'Élus, bailleur, services : elles ne comptent pas dans les places du public.',
  deadline: 'Fin des inscriptions (facultatif)',
  deadlineHint: 'La veille à 18 h si rien n’est indiqué.',
  planSubmit: 'Enregistrer l’atelier (brouillon)',
  planned2: (title) => `L’atelier « ${title} » est enregistré en brouillon.`,
  missingStart: 'Indiquez la date et l’heure de l’atelier.',
  missingWorkshopTitle: 'Indiquez le titre de l’atelier.',
  contributionsTitle: 'Ce que les habitants ont décidé ou demandé',
  contributionsIntro:
    'Notez chaque décision ou demande d’un atelier, puis ce qui en a été fait : retenue, à l’étude, ou non retenue avec un motif.',
  noContributions: 'Aucune contribution enregistrée pour l’instant.',
  atWorkshop: (title) => `Atelier « ${title} »`,
  outcome: 'Suite donnée',
  decide: { adopt: 'Retenir', study: 'Mettre à l’étude', decline: 'Ne pas retenir' },
  decided: {
    adopt: 'La contribution est retenue.',
    study: 'La contribution est à l’étude.',
    decline: 'La contribution n’est pas retenue.',
  },
  declineReason: 'Pourquoi elle n’est pas retenue',
  declineHint: 'Public : les habitants le liront.',
  recordTitle: 'Noter une contribution',
  contributionWorkshop: 'Atelier',
  noWorkshop: 'Hors atelier',
  contributionKind: 'Nature',
  contributionText: 'Ce que les habitants ont décidé ou demandé',
  contributionTextHint: 'En quelques mots, sans nom de personne. Par exemple : Repeindre les halls en vert.',
  record: 'Noter la contribution',
  recorded: 'La contribution est notée, en attente de réponse.',
  missingText: 'Indiquez ce que les habitants ont décidé ou demandé.',
  engagementsTitle: 'Les engagements liés au projet',
  noEngagements: 'Aucun engagement lié pour l’instant.',
  progress: (p) => `avancement ${p} %`,
  dueOn: (day) => `échéance le ${day}`,
  proposeTitle: 'Proposer un engagement pour ce projet',
  proposeIntro: 'L’engagement est proposé à l’organisation choisie ; il se suit ensuite dans les engagements.',
  engagementTitle: 'Engagement',
  organisation: 'Organisation responsable (facultatif)',
  noOrganisation: 'À désigner',
  propose: 'Proposer l’engagement',
  proposed: (title) => `L’engagement « ${title} » est proposé.`,
  missingEngagementTitle: 'Indiquez l’engagement proposé.',
  engagementStatuses: {
    proposed: 'Proposé',
    accepted: 'Accepté',
    'in-progress': 'En cours',
    done: 'Réalisé',
    verified: 'Vérifié',
    abandoned: 'Abandonné',
  },
  toEngagements: 'Suivre les engagements',
};

export const projectsEn: ProjectsTexts = {
  listTitle: 'Concerted projects',
  listIntro: 'Projects carried out with residents: renovations, public spaces, playgrounds. “Nothing will happen without the residents.”',
  readOnlyIntro: 'The projects your organisation is the landlord or a partner of, read-only.',
  newProject: 'New project',
  noProjects: 'No project yet.',
  projectsShown: (n) => (n === 0 ? 'No project' : `${n} project${plural(n, '', 's')}`),
  currentPhase: (phase) => `We are here: ${phase}`,
  noCurrentPhase: 'No phase under way',
  contributionsCount: (adopted, pending, declined) => `Contributions: ${adopted} adopted, ${pending} pending, ${declined} declined`,
  open: 'Open',
  openWho: (title) => ` the project “${title}”`,
  newTitle: 'New project',
  backToList: 'Back to the projects',
  readOnly: 'Read-only: only the city’s team changes this project.',
  status: 'Status',
  quartier: 'Quartier',
  site: 'Site',
  landlord: 'Landlord',
  partners: 'Partners',
  noPartners: 'none',
  nowHere: 'We are here',
  reason: 'Reason',
  lifecycleTitle: 'Move the project on',
  lifecycleNone: 'No step is possible from this status.',
  steps: {
    announce: 'Announce the project',
    startConcertation: 'Open the concertation',
    startWorks: 'Start the works',
    deliver: 'Deliver',
    evaluate: 'Evaluate',
    suspend: 'Suspend',
    resume: 'Resume',
    abandon: 'Abandon',
  },
  stepDone: {
    announce: 'The project is announced: it is public.',
    startConcertation: 'The concertation is open.',
    startWorks: 'The works have started.',
    deliver: 'The project is delivered.',
    evaluate: 'The project is evaluated.',
    suspend: 'The project is suspended.',
    resume: 'The project resumes.',
    abandon: 'The project is abandoned.',
  },
  reasonFor: { suspend: 'Reason for suspending', abandon: 'Reason for abandoning' },
  reasonHint: 'Public: it is shown with the project.',
  confirm: (action) => `Confirm: ${action.toLowerCase()}`,
  keep: 'Cancel',
  detailsTitle: 'The project',
  detailsIntro: 'Everything typed here is public once the project is announced: no person’s name.',
  title: 'Title',
  kind: 'Kind of project',
  chooseQuartier: 'Choose a quartier',
  siteLabel: 'Site (building, space)',
  siteLabelHint: 'For example: Les Bleuets building.',
  siteAddress: 'Address (optional)',
  description: 'Public description',
  descriptionHint: 'What the project changes, for whom, and how residents take part.',
  create: 'Create the project (draft)',
  save: 'Save',
  saving: 'Saving…',
  created: (title) => `The project “${title}” is created as a draft.`,
  saved: 'The changes are saved.',
  errorTitle: (n) => (n > 1 ? `There are ${n} errors to correct` : 'There is one error to correct'),
  missingTitle: 'Give the project’s title.',
  missingSite: 'Give the project’s site, for example “Les Bleuets building”.',
  missingQuartier: 'Choose the project’s quartier.',
  sendFailed: 'No answer from the server. Nothing is lost: check the connection and send again.',
  phasesTitle: 'The phases',
  phasesIntro: 'Planned and actual days of each phase; the current phase follows the project’s status.',
  plannedStart: 'Planned start',
  plannedEnd: 'Planned end',
  actualStart: 'Actual start',
  actualEnd: 'Actual end',
  phaseNote: 'Public note (optional)',
  savePhase: (phase) => `Save the ${phase.toLowerCase()} phase`,
  phaseSaved: (phase) => `The ${phase.toLowerCase()} phase is saved.`,
  planned: 'planned',
  actual: 'actual',
  notDated: 'dates to come',
  range: (from, to) => `${from || '…'} – ${to || '…'}`,
  workshopsTitle: 'The workshops',
  noWorkshops: 'No workshop yet.',
  workshopWhen: 'Date',
  place: 'Place',
  seats: 'Seats',
  registrationsLink: 'Registrations',
  dayLink: 'Attendance on the day',
  about: (title) => ` – workshop “${title}”`,
  workshopSteps: {
    publish: 'Publish (open registrations)',
    closeRegistrations: 'Close registrations',
    cancel: 'Cancel the workshop',
    reschedule: 'Reschedule',
  },
  workshopDone: {
    publish: 'The workshop is published: registrations are open.',
    closeRegistrations: 'Registrations are closed.',
    cancel: 'The workshop is cancelled: the people registered are told.',
    reschedule: 'The workshop is moved: the people registered are told.',
  },
  cancelReason: 'Reason for cancelling',
  cancelHint: 'It is sent to the people registered.',
  newStart: 'New date and time',
  rescheduleHint: 'The people registered are told.',
  planTitle: 'Plan a workshop',
  planIntro: 'The workshop is saved as a draft: residents see it once it is published.',
  workshopKind: 'Kind of workshop',
  workshopTitle: 'Workshop title',
  startsAt: 'Date and time',
  startsAtHint: (tz) => `Local time (${tz}).`,
  duration: 'Duration (minutes)',
  durationHint: '120 minutes when left empty.',
  placeHint: 'Often the building’s residents’ room.',
  defaultPlace: 'Local des habitants',
  capacity: 'Seats for the public',
  capacityHint: (n) => `${n} when left empty.`,
  institutionalSeats: 'Seats for institutions (optional)',
  institutionalSeatsHint: 'Elected officials, landlord, services: they do not count against the public’s seats.',
  deadline: 'Registrations close (optional)',
  deadlineHint: 'The day before at 6 pm when left empty.',
  planSubmit: 'Save the workshop (draft)',
  planned2: (title) => `The workshop “${title}” is saved as a draft.`,
  missingStart: 'Give the workshop’s date and time.',
  missingWorkshopTitle: 'Give the workshop’s title.',
  contributionsTitle: 'What residents decided or asked',
  contributionsIntro:
    'Note each decision or request of a workshop, then what was done with it: adopted, studied, or declined with a reason.',
  noContributions: 'No contribution recorded yet.',
  atWorkshop: (title) => `Workshop “${title}”`,
  outcome: 'Outcome',
  decide: { adopt: 'Adopt', study: 'Study', decline: 'Decline' },
  decided: { adopt: 'The contribution is adopted.', study: 'The contribution is being studied.', decline: 'The contribution is declined.' },
  declineReason: 'Why it is declined',
  declineHint: 'Public: residents will read it.',
  recordTitle: 'Note a contribution',
  contributionWorkshop: 'Workshop',
  noWorkshop: 'Outside a workshop',
  contributionKind: 'Kind',
  contributionText: 'What residents decided or asked',
  contributionTextHint: 'In a few words, without anyone’s name. For example: Paint the halls green.',
  record: 'Note the contribution',
  recorded: 'The contribution is noted, awaiting an answer.',
  missingText: 'Say what residents decided or asked.',
  engagementsTitle: 'The engagements of the project',
  noEngagements: 'No engagement linked yet.',
  progress: (p) => `${p}% done`,
  dueOn: (day) => `due on ${day}`,
  proposeTitle: 'Propose an engagement for this project',
  proposeIntro: 'The engagement is proposed to the organisation chosen; it is then followed in the engagements.',
  engagementTitle: 'Engagement',
  organisation: 'Organisation responsible (optional)',
  noOrganisation: 'To be named',
  propose: 'Propose the engagement',
  proposed: (title) => `The engagement “${title}” is proposed.`,
  missingEngagementTitle: 'Give the engagement proposed.',
  engagementStatuses: {
    proposed: 'Proposed',
    accepted: 'Accepted',
    'in-progress': 'In progress',
    done: 'Done',
    verified: 'Verified',
    abandoned: 'Abandoned',
  },
  toEngagements: 'Follow the engagements',
};
