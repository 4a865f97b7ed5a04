// SPDX-License-Identifier: EUPL-1.2
/** The texts of `<gusp-console-plan>` (its room: only this screen uses them), French then English. */
export interface PlanTexts {
  readonly title: string;
  readonly titleExisting: string;
  readonly intro: string;
  readonly editIntro: string;
  readonly saveChanges: string;
  readonly changesSaved: string;
  // The walk's details.
  readonly detailsLegend: string;
  readonly walkTitle: string;
  readonly titleShort: string;
  readonly walkTitleHint: string;
  readonly quartier: string;
  readonly chooseQuartier: string;
  readonly priority: string;
  readonly startsAt: string;
  readonly startsAtHint: (timeZone: string) => string;
  readonly duration: string;
  readonly durationHint: (minutes: number) => string;
  readonly capacity: string;
  readonly capacityHint: (defaultCapacity: number) => string;
  readonly institutionalSeats: string;
  readonly institutionalSeatsHint: string;
  readonly deadline: string;
  readonly deadlineRule: (days: number, at: string) => string;
  readonly deadlineDefault: (when: string) => string;
  readonly meetingPoint: string;
  readonly meetingPointHint: string;
  // The route.
  readonly routeLegend: string;
  readonly routeHint: string;
  readonly noStops: string;
  readonly stopLegend: (n: number) => string;
  readonly stopLabel: (n: number) => string;
  readonly stopDescription: (n: number) => string;
  readonly stopLat: (n: number) => string;
  readonly stopLon: (n: number) => string;
  readonly pointHint: string;
  readonly moveUp: (n: number, label: string) => string;
  readonly moveDown: (n: number, label: string) => string;
  readonly removeStop: (n: number, label: string) => string;
  readonly up: string;
  readonly down: string;
  readonly remove: string;
  readonly addStop: string;
  readonly stopMoved: (label: string, position: number) => string;
  readonly stopRemoved: (label: string) => string;
  readonly stopAdded: (n: number) => string;
  readonly unnamedStop: (n: number) => string;
  // Organisers.
  readonly organisersLegend: string;
  readonly organisersHint: string;
  // Sending.
  readonly save: string;
  readonly saving: string;
  readonly clear: string;
  readonly cleared: string;
  readonly restored: string;
  readonly errorSummaryTitle: (count: number) => string;
  readonly colon: string;
  readonly missing: {
    readonly quartier: string;
    readonly startsAt: string;
    readonly stopLabel: (n: number) => string;
  };
  readonly invalidDate: string;
  readonly keptOnFailure: string;
  // An existing walk.
  readonly summaryLegend: string;
  readonly status: string;
  readonly when: string;
  readonly deadlineIs: string;
  readonly seats: string;
  readonly stopsCount: (n: number) => string;
  readonly actionsTitle: string;
  readonly noActions: string;
  readonly publish: string;
  readonly publishHint: string;
  readonly closeRegistrations: string;
  readonly closeRegistrationsHint: string;
  readonly rescheduleLegend: string;
  readonly rescheduleAt: string;
  readonly rescheduleDeadline: string;
  readonly rescheduleDeadlineHint: string;
  readonly rescheduleReason: string;
  readonly reschedule: string;
  readonly rescheduleFollows: string;
  readonly cancelLegend: string;
  readonly cancelReason: string;
  readonly cancelReasonHint: string;
  readonly cancel: string;
  readonly cancelConfirmTitle: string;
  readonly cancelConfirm: (reason: string) => string;
  readonly cancelYes: string;
  readonly cancelNo: string;
  readonly reasonMissing: string;
  readonly sending: string;
  readonly done: Readonly<Record<'publish' | 'closeRegistrations' | 'reschedule' | 'cancel', string>>;
  readonly links: string;
  readonly registrationsLink: string;
  readonly dayLink: string;
  readonly walksLink: string;
  // The preview.
  readonly previewTitle: string;
  readonly previewHint: string;
  readonly previewMissing: string;
}

const plural = (n: number, one: string, many: string) => (n > 1 ? many : one);

export const planFr: PlanTexts = {
  title: 'Planifier un diagnostic',
  titleExisting: 'Préparer le diagnostic',
  intro: 'Le diagnostic est enregistré comme brouillon : les habitants ne le voient qu’une fois publié.',
  editIntro: 'Les habitants ne le voient pas encore : modifiez-le tant qu’il n’est pas publié.',
  saveChanges: 'Enregistrer les modifications',
  changesSaved: 'Modifications enregistrées.',
  detailsLegend: 'Le diagnostic',
  walkTitle: 'Titre (facultatif)',
  titleShort: 'Titre',
  walkTitleHint: 'Par exemple « Autour des Bleuets ». Sans titre, le nom du quartier est affiché.',
  quartier: 'Quartier',
  chooseQuartier: 'Choisissez un quartier',
  priority: 'prioritaire',
  startsAt: 'Date et heure de début',
  startsAtHint: (tz) => `Heure de la ville (${tz}).`,
  duration: 'Durée (minutes)',
  durationHint: (m) => `Une demi-journée par défaut : ${m} minutes.`,
  capacity: 'Places pour le public',
  capacityHint: (n) => `Habitants et associations ; ${n} par défaut.`,
  institutionalSeats: 'Places pour les institutions (facultatif)',
  institutionalSeatsHint: 'Bailleurs, services, élus ; sans nombre, pas de limite.',
  deadline: 'Fin des inscriptions (facultatif)',
  deadlineRule: (days, at) =>
    days === 0 ? `Règle de la ville : le jour même à ${at}.` : `Règle de la ville : ${days} jour${plural(days, '', 's')} avant, à ${at}.`,
  deadlineDefault: (when) => `Sans date, les inscriptions ferment le ${when}.`,
  meetingPoint: 'Point de rendez-vous',
  meetingPointHint: 'Sans point de rendez-vous, la première halte en sert.',
  routeLegend: 'Le parcours',
  routeHint: 'Les haltes dans l’ordre du parcours ; les boutons les déplacent.',
  noStops: 'Aucune halte pour le moment.',
  stopLegend: (n) => `Halte ${n}`,
  stopLabel: (n) => `Nom de la halte ${n}`,
  stopDescription: (n) => `Description de la halte ${n} (facultatif)`,
  stopLat: (n) => `Latitude de la halte ${n} (facultatif)`,
  stopLon: (n) => `Longitude de la halte ${n} (facultatif)`,
  pointHint: 'En degrés décimaux, par exemple 44.9205 et 4.9128.',
  moveUp: (n, label) => `Monter la halte ${n} (${label})`,
  moveDown: (n, label) => `Descendre la halte ${n} (${label})`,
  removeStop: (n, label) => `Retirer la halte ${n} (${label})`,
  up: 'Monter',
  down: 'Descendre',
  remove: 'Retirer',
  addStop: 'Ajouter une halte',
  stopMoved: (label, p) => `Halte « ${label} » déplacée en position ${p}.`,
  stopRemoved: (label) => `Halte « ${label} » retirée.`,
  stopAdded: (n) => `Halte ${n} ajoutée.`,
  unnamedStop: (n) => `halte ${n}`,
  organisersLegend: 'Organisateurs',
  organisersHint: 'Les organisations qui préparent le diagnostic avec la ville.',
  save: 'Enregistrer le brouillon',
  saving: 'Enregistrement…',
  clear: 'Effacer le formulaire',
  cleared: 'Formulaire effacé.',
  restored: 'Le formulaire reprend ce que vous aviez saisi sur cet appareil.',
  errorSummaryTitle: (n) => (n > 1 ? `${n} points à corriger` : 'Un point à corriger'),
  colon: ' : ',
  missing: {
    quartier: 'Choisissez un quartier.',
    startsAt: 'Indiquez la date et l’heure de début.',
    stopLabel: (n) => `Nommez la halte ${n}.`,
  },
  invalidDate: 'Date et heure invalides.',
  keptOnFailure: 'Rien n’est perdu : ce que vous avez saisi reste dans le formulaire.',
  summaryLegend: 'Le diagnostic',
  status: 'État',
  when: 'Date',
  deadlineIs: 'Fin des inscriptions',
  seats: 'Places',
  stopsCount: (n) => (n === 0 ? 'aucune halte' : `${n} halte${plural(n, '', 's')}`),
  actionsTitle: 'Ce que vous pouvez faire',
  noActions: 'Ce diagnostic n’accepte plus de changement ici.',
  publish: 'Publier',
  publishHint: 'Ouvre les inscriptions : le diagnostic apparaît aux habitants.',
  closeRegistrations: 'Clore les inscriptions',
  closeRegistrationsHint: 'Avant la date prévue ; elles ferment d’elles-mêmes à la date limite.',
  rescheduleLegend: 'Déplacer le diagnostic',
  rescheduleAt: 'Nouvelle date et heure',
  rescheduleDeadline: 'Nouvelle fin des inscriptions (facultatif)',
  rescheduleDeadlineHint: 'Sans date, la fin des inscriptions suit la nouvelle date, selon la règle de la ville.',
  rescheduleReason: 'Motif, dit aux inscrits (facultatif)',
  reschedule: 'Déplacer',
  rescheduleFollows: 'Les inscrits sont prévenus par courriel ; la fin des inscriptions suit la nouvelle date.',
  cancelLegend: 'Annuler le diagnostic',
  cancelReason: 'Motif de l’annulation',
  cancelReasonHint: 'Il est envoyé à chaque inscrit.',
  cancel: 'Annuler le diagnostic…',
  cancelConfirmTitle: 'Confirmer l’annulation',
  cancelConfirm: (reason) => `Le diagnostic sera annulé et chaque inscrit recevra ce motif : « ${reason} ». Cela ne se défait pas.`,
  cancelYes: 'Oui, annuler le diagnostic',
  cancelNo: 'Non, revenir',
  reasonMissing: 'Indiquez le motif de l’annulation.',
  sending: 'Envoi…',
  done: {
    publish: 'Diagnostic publié : les inscriptions sont ouvertes.',
    closeRegistrations: 'Inscriptions closes.',
    reschedule: 'Diagnostic déplacé ; les inscrits sont prévenus.',
    cancel: 'Diagnostic annulé ; les inscrits sont prévenus.',
  },
  links: 'Aller à',
  registrationsLink: 'Inscriptions',
  dayLink: 'Jour J',
  walksLink: 'Tous les diagnostics',
  previewTitle: 'Aperçu : ce que verront les habitants',
  previewHint: 'La fiche publique du diagnostic une fois publié ; rien ne s’y envoie.',
  previewMissing: 'L’aperçu s’affiche une fois le quartier et la date choisis.',
};

export const planEn: PlanTexts = {
  title: 'Plan a walk',
  titleExisting: 'Prepare the walk',
  intro: 'The walk is saved as a draft: residents only see it once it is published.',
  editIntro: 'Residents do not see it yet: change it as long as it is not published.',
  saveChanges: 'Save the changes',
  changesSaved: 'Changes saved.',
  detailsLegend: 'The walk',
  walkTitle: 'Title (optional)',
  titleShort: 'Title',
  walkTitleHint: 'For example “Around Les Bleuets”. Without a title, the quartier’s name is shown.',
  quartier: 'Quartier',
  chooseQuartier: 'Choose a quartier',
  priority: 'priority',
  startsAt: 'Start date and time',
  startsAtHint: (tz) => `The city’s time (${tz}).`,
  duration: 'Duration (minutes)',
  durationHint: (m) => `Half a day by default: ${m} minutes.`,
  capacity: 'Seats for the public',
  capacityHint: (n) => `Residents and associations; ${n} by default.`,
  institutionalSeats: 'Seats for institutions (optional)',
  institutionalSeatsHint: 'Landlords, services, elected members; without a number, no limit.',
  deadline: 'Registration deadline (optional)',
  deadlineRule: (days, at) =>
    days === 0 ? `City rule: the same day at ${at}.` : `City rule: ${days} day${plural(days, '', 's')} before, at ${at}.`,
  deadlineDefault: (when) => `Without a date, registrations close on ${when}.`,
  meetingPoint: 'Meeting point',
  meetingPointHint: 'Without a meeting point, the first stop is one.',
  routeLegend: 'The route',
  routeHint: 'The stops in the order of the route; the buttons move them.',
  noStops: 'No stop yet.',
  stopLegend: (n) => `Stop ${n}`,
  stopLabel: (n) => `Name of stop ${n}`,
  stopDescription: (n) => `Description of stop ${n} (optional)`,
  stopLat: (n) => `Latitude of stop ${n} (optional)`,
  stopLon: (n) => `Longitude of stop ${n} (optional)`,
  pointHint: 'In decimal degrees, for example 44.9205 and 4.9128.',
  moveUp: (n, label) => `Move stop ${n} up (${label})`,
  moveDown: (n, label) => `Move stop ${n} down (${label})`,
  removeStop: (n, label) => `Remove stop ${n} (${label})`,
  up: 'Up',
  down: 'Down',
  remove: 'Remove',
  addStop: 'Add a stop',
  stopMoved: (label, p) => `Stop “${label}” moved to position ${p}.`,
  stopRemoved: (label) => `Stop “${label}” removed.`,
  stopAdded: (n) => `Stop ${n} added.`,
  unnamedStop: (n) => `stop ${n}`,
  organisersLegend: 'Organisers',
  organisersHint: 'The organisations preparing the walk with the city.',
  save: 'Save the draft',
  saving: 'Saving…',
  clear: 'Clear the form',
  cleared: 'Form cleared.',
  restored: 'The form holds what you had typed on this device.',
  errorSummaryTitle: (n) => (n > 1 ? `${n} things to correct` : 'One thing to correct'),
  colon: ': ',
  missing: {
    quartier: 'Choose a quartier.',
    startsAt: 'Give the start date and time.',
    stopLabel: (n) => `Name stop ${n}.`,
  },
  invalidDate: 'Invalid date and time.',
  keptOnFailure: 'Nothing is lost: what you typed stays in the form.',
  summaryLegend: 'The walk',
  status: 'Status',
  when: 'Date',
  deadlineIs: 'Registration deadline',
  seats: 'Seats',
  stopsCount: (n) => (n === 0 ? 'no stop' : `${n} stop${plural(n, '', 's')}`),
  actionsTitle: 'What you can do',
  noActions: 'This walk takes no more changes here.',
  publish: 'Publish',
  publishHint: 'Opens registrations: residents see the walk.',
  closeRegistrations: 'Close registrations',
  closeRegistrationsHint: 'Before the deadline; they close by themselves at it.',
  rescheduleLegend: 'Move the walk',
  rescheduleAt: 'New date and time',
  rescheduleDeadline: 'New registration deadline (optional)',
  rescheduleDeadlineHint: 'Without a date, the deadline follows the new date, by the city rule.',
  rescheduleReason: 'Reason, told to registrants (optional)',
  reschedule: 'Move',
  rescheduleFollows: 'Registrants are told by email; the registration deadline follows the new date.',
  cancelLegend: 'Cancel the walk',
  cancelReason: 'Reason for the cancellation',
  cancelReasonHint: 'It is sent to every registrant.',
  cancel: 'Cancel the walk…',
  cancelConfirmTitle: 'Confirm the cancellation',
  cancelConfirm: (reason) => `The walk will be cancelled and every registrant will get this reason: “${reason}”. This cannot be undone.`,
  cancelYes: 'Yes, cancel the walk',
  cancelNo: 'No, go back',
  reasonMissing: 'Give the reason for the cancellation.',
  sending: 'Sending…',
  done: {
    publish: 'Walk published: registrations are open.',
    closeRegistrations: 'Registrations closed.',
    reschedule: 'Walk moved; registrants are told.',
    cancel: 'Walk cancelled; registrants are told.',
  },
  links: 'Go to',
  registrationsLink: 'Registrations',
  dayLink: 'Walk day',
  walksLink: 'All walks',
  previewTitle: 'Preview: what residents will see',
  previewHint: 'The walk’s public card once published; nothing is sent from it.',
  previewMissing: 'The preview shows once the quartier and the date are chosen.',
};
