// SPDX-License-Identifier: EUPL-1.2
/** The texts of `<gusp-console-day>` (its room: only this screen uses them), French then English. */
export interface DayTexts {
  readonly title: string;
  // Without a walk: the day's walks to choose from.
  readonly chooseTitle: string;
  readonly chooseIntro: string;
  readonly noWalkToday: string;
  readonly openDay: (when: string) => string;
  /** A workshop of a concerted project today: its day (the same screen). */
  readonly openWorkshopDay: (title: string, time: string) => string;
  readonly backToList: string;
  // The walk's status, start and finish.
  readonly statusTitle: string;
  readonly statusNow: (status: string) => string;
  readonly start: string;
  readonly finish: string;
  readonly confirmStart: string;
  /** An open walk: registrations must close before it starts. */
  readonly closeFirst: string;
  readonly closeFirstLink: string;
  readonly confirmFinish: string;
  readonly confirmYes: (action: string) => string;
  readonly confirmNo: string;
  readonly started: string;
  readonly finished: string;
  readonly startPending: string;
  readonly finishPending: string;
  readonly notStartedHint: string;
  // What waits on the device.
  readonly pendingTitle: string;
  readonly pendingNone: string;
  readonly pendingCount: (n: number) => string;
  readonly offline: string;
  readonly sendNow: string;
  readonly sentLater: (n: number) => string;
  readonly refusedTitle: string;
  readonly dismiss: string;
  readonly forbiddenAction: string;
  // Check-in.
  readonly checkInTitle: string;
  readonly searchLabel: string;
  readonly searchHint: string;
  readonly registrationsShown: (shown: number, total: number) => string;
  readonly noRegistrations: string;
  readonly noMatch: (query: string) => string;
  readonly waitlisted: string;
  readonly attended: string;
  readonly walkIn: string;
  readonly phoneOnly: string;
  readonly checkInPending: string;
  readonly checkIn: string;
  readonly checkInSome: (n: number) => string;
  readonly checkInNone: string;
  readonly checkedIn: (n: number) => string;
  readonly checkInQueued: (n: number) => string;
  readonly refusedFor: (name: string, message: string) => string;
  readonly presentCount: (present: number, expected: number) => string;
  // Walk-ins.
  readonly walkInTitle: string;
  readonly walkInIntro: string;
  readonly walkInName: string;
  readonly walkInRole: string;
  readonly walkInPhone: string;
  readonly walkInPhoneHint: string;
  readonly walkInConsent: string;
  readonly walkInSubmit: string;
  readonly walkInNameMissing: string;
  readonly walkInConsentMissing: string;
  readonly walkInAdded: (name: string) => string;
  readonly walkInQueued: (name: string) => string;
  readonly walkInPending: string;
  // Capture.
  readonly captureTitle: string;
  readonly captureIntro: string;
  readonly capturedTitle: string;
  readonly capturedNone: string;
  readonly noStop: string;
  readonly capturedAtStop: (sent: number, pending: number) => string;
  readonly pendingShort: string;
  /** The same screen for a workshop of a concerted project (`gathering="workshop"`): its words over the walk's. */
  readonly workshop: Pick<
    DayTexts,
    'backToList' | 'start' | 'finish' | 'confirmStart' | 'started' | 'finished' | 'finishPending' | 'notStartedHint' | 'walkInConsent'
  >;
}

const plural = (n: number, one: string, many: string) => (n <= 1 ? one : many);

export const dayFr: DayTexts = {
  title: 'Le jour J',
  chooseTitle: 'Les diagnostics du jour',
  chooseIntro: 'Choisissez le diagnostic que vous menez : ceux d’aujourd’hui, ceux en cours et ceux qui peuvent déjà démarrer.',
  noWalkToday: 'Aucun diagnostic aujourd’hui ni en cours.',
  openDay: (when) => `Mener le diagnostic du ${when}`,
  openWorkshopDay: (title, time) => `Mener l’atelier « ${title} » de ${time}`,
  backToList: 'Tous les diagnostics du jour',
  statusTitle: 'Déroulement',
  statusNow: (status) => `État : ${status}`,
  start: 'Démarrer le diagnostic',
  finish: 'Terminer le diagnostic',
  confirmStart: 'Démarrer maintenant ? Les participants pourront être pointés et les observations enregistrées.',
  closeFirst:
    'Les inscriptions sont encore ouvertes : closez-les avant de démarrer (les personnes qui arrivent sans inscription pourront toujours être ajoutées).',
  closeFirstLink: 'Clore les inscriptions',
  confirmFinish: 'Terminer maintenant ? Plus personne ne pourra être pointé ni ajouté sur place.',
  confirmYes: (action) => `Oui, ${action.toLowerCase()}`,
  confirmNo: 'Annuler',
  started: 'Le diagnostic est démarré.',
  finished: 'Le diagnostic est terminé.',
  startPending: 'Démarrage gardé sur cet appareil : il sera envoyé au retour du réseau.',
  finishPending: 'Fin du diagnostic gardée sur cet appareil : elle sera envoyée au retour du réseau.',
  notStartedHint: 'Démarrez le diagnostic pour pointer les participants et ajouter ceux qui arrivent sur place.',
  pendingTitle: 'Envois',
  pendingNone: 'Tout est envoyé.',
  pendingCount: (n) => `${n} envoi${plural(n, '', 's')} en attente sur cet appareil`,
  offline: 'Pas de réseau : ce que vous faites est gardé sur cet appareil et sera envoyé une seule fois au retour du réseau.',
  sendNow: 'Envoyer maintenant',
  sentLater: (n) => `${n} envoi${plural(n, '', 's')} en attente ${plural(n, 'est parti', 'sont partis')}.`,
  refusedTitle: 'Non enregistré',
  dismiss: 'J’ai compris',
  forbiddenAction: 'Votre rôle ne permet pas cette action : demandez à la coordination.',
  checkInTitle: 'Pointage',
  searchLabel: 'Rechercher un nom',
  searchHint: 'Les premières lettres suffisent, sans accents.',
  registrationsShown: (shown, total) =>
    shown === total ? `${total} personne${plural(total, '', 's')} inscrite${plural(total, '', 's')}` : `${shown} sur ${total}`,
  noRegistrations: 'Personne n’est inscrit pour l’instant.',
  noMatch: (query) => `Aucun nom ne contient « ${query} ».`,
  waitlisted: 'liste d’attente',
  attended: 'pointé',
  walkIn: 'arrivé sur place',
  phoneOnly: 'téléphone seulement',
  checkInPending: 'pointé, en attente d’envoi',
  checkIn: 'Pointer',
  checkInSome: (n) => `Pointer ${n} personne${plural(n, '', 's')}`,
  checkInNone: 'Cochez au moins une personne à pointer.',
  checkedIn: (n) => `${n} personne${plural(n, '', 's')} pointée${plural(n, '', 's')}.`,
  checkInQueued: (n) =>
    `${n} pointage${plural(n, '', 's')} ${plural(n, 'gardé', 'gardés')} sur cet appareil : ${plural(n, 'il sera envoyé', 'ils seront envoyés')} au retour du réseau.`,
  refusedFor: (name, message) => `${name} : ${message}`,
  presentCount: (present, expected) => `${present} présent${plural(present, '', 's')} sur ${expected} attendu${plural(expected, '', 's')}`,
  walkInTitle: 'Arrivée sur place',
  walkInIntro: 'Une personne non inscrite se présente : elle est ajoutée et pointée, même si les inscriptions sont closes.',
  walkInName: 'Nom',
  walkInRole: 'Au titre de',
  walkInPhone: 'Téléphone (facultatif)',
  walkInPhoneHint: 'Pour lui envoyer le compte-rendu, par exemple 06 12 34 56 78.',
  walkInConsent: 'La personne accepte que ses coordonnées soient gardées pour ce diagnostic (accord oral).',
  walkInSubmit: 'Ajouter et pointer',
  walkInNameMissing: 'Saisissez le nom de la personne.',
  walkInConsentMissing: 'Cochez l’accord oral de la personne : sans lui, elle ne peut pas être ajoutée.',
  walkInAdded: (name) => `${name} est ajouté·e et pointé·e.`,
  walkInQueued: (name) => `L’arrivée de ${name} est gardée sur cet appareil : elle sera envoyée au retour du réseau.`,
  walkInPending: 'arrivé sur place, en attente d’envoi',
  captureTitle: 'Observations',
  captureIntro: 'Halte après halte : la halte, la thématique et le type restent choisis d’une observation à la suivante.',
  capturedTitle: 'Déjà enregistré par halte',
  capturedNone: 'Aucune observation pour l’instant.',
  noStop: 'Sans halte',
  capturedAtStop: (sent, pending) => `${sent} enregistrée${plural(sent, '', 's')}${pending ? `, ${pending} en attente d’envoi` : ''}`,
  pendingShort: 'en attente d’envoi',
  workshop: {
    backToList: 'Retour au projet',
    start: 'Démarrer l’atelier',
    finish: 'Terminer l’atelier',
    confirmStart: 'Démarrer maintenant ? Les participants pourront être pointés.',
    started: 'L’atelier est démarré.',
    finished: 'L’atelier est terminé.',
    finishPending: 'Fin de l’atelier gardée sur cet appareil : elle sera envoyée au retour du réseau.',
    notStartedHint: 'Démarrez l’atelier pour pointer les participants et ajouter ceux qui arrivent sur place.',
    walkInConsent: 'La personne accepte que ses coordonnées soient gardées pour cet atelier (accord oral).',
  },
};

export const dayEn: DayTexts = {
  title: 'Walk day',
  chooseTitle: 'Today’s walks',
  chooseIntro: 'Choose the walk you are leading: today’s, those under way and those that may start already.',
  noWalkToday: 'No walk today and none under way.',
  openDay: (when) => `Lead the walk of ${when}`,
  openWorkshopDay: (title, time) => `Run the workshop “${title}” at ${time}`,
  backToList: 'All of today’s walks',
  statusTitle: 'Progress',
  statusNow: (status) => `Status: ${status}`,
  start: 'Start the walk',
  finish: 'Finish the walk',
  confirmStart: 'Start now? Participants can then be checked in and observations recorded.',
  closeFirst: 'Registrations are still open: close them before starting (people who turn up unregistered can still be added).',
  closeFirstLink: 'Close registrations',
  confirmFinish: 'Finish now? Nobody can be checked in or added on the spot afterwards.',
  confirmYes: (action) => `Yes, ${action.toLowerCase()}`,
  confirmNo: 'Cancel',
  started: 'The walk has started.',
  finished: 'The walk is finished.',
  startPending: 'Start kept on this device: it will be sent when the network is back.',
  finishPending: 'Finish kept on this device: it will be sent when the network is back.',
  notStartedHint: 'Start the walk to check participants in and add those who turn up.',
  pendingTitle: 'Sending',
  pendingNone: 'Everything is sent.',
  pendingCount: (n) => `${n} item${n === 1 ? '' : 's'} waiting on this device`,
  offline: 'No network: what you do is kept on this device and sent once when the network is back.',
  sendNow: 'Send now',
  sentLater: (n) => `${n} waiting item${n === 1 ? ' was' : 's were'} sent.`,
  refusedTitle: 'Not recorded',
  dismiss: 'Got it',
  forbiddenAction: 'Your role does not allow this: ask a coordinator.',
  checkInTitle: 'Check-in',
  searchLabel: 'Search a name',
  searchHint: 'The first letters are enough, accents optional.',
  registrationsShown: (shown, total) =>
    shown === total ? `${total} ${total === 1 ? 'person' : 'people'} registered` : `${shown} of ${total}`,
  noRegistrations: 'Nobody has registered yet.',
  noMatch: (query) => `No name contains “${query}”.`,
  waitlisted: 'waiting list',
  attended: 'checked in',
  walkIn: 'walk-in',
  phoneOnly: 'phone only',
  checkInPending: 'checked in, waiting to be sent',
  checkIn: 'Check in',
  checkInSome: (n) => `Check in ${n} ${n === 1 ? 'person' : 'people'}`,
  checkInNone: 'Tick at least one person to check in.',
  checkedIn: (n) => `${n} ${n === 1 ? 'person' : 'people'} checked in.`,
  checkInQueued: (n) => `${n} check-in${n === 1 ? '' : 's'} kept on this device: sent when the network is back.`,
  refusedFor: (name, message) => `${name}: ${message}`,
  presentCount: (present, expected) => `${present} present of ${expected} expected`,
  walkInTitle: 'Walk-ins',
  walkInIntro: 'Someone who did not register turns up: they are added and checked in, even after registrations closed.',
  walkInName: 'Name',
  walkInRole: 'Taking part as',
  walkInPhone: 'Phone (optional)',
  walkInPhoneHint: 'To send them the report, e.g. 06 12 34 56 78.',
  walkInConsent: 'The person agrees that their details are kept for this walk (oral consent).',
  walkInSubmit: 'Add and check in',
  walkInNameMissing: 'Enter the person’s name.',
  walkInConsentMissing: 'Tick the person’s oral consent: without it they cannot be added.',
  walkInAdded: (name) => `${name} is added and checked in.`,
  walkInQueued: (name) => `${name} is kept on this device: added when the network is back.`,
  walkInPending: 'walk-in, waiting to be sent',
  captureTitle: 'Observations',
  captureIntro: 'Stop after stop: the stop, theme and type stay chosen from one observation to the next.',
  capturedTitle: 'Recorded so far, by stop',
  capturedNone: 'No observation yet.',
  noStop: 'No stop',
  capturedAtStop: (sent, pending) => `${sent} recorded${pending ? `, ${pending} waiting to be sent` : ''}`,
  pendingShort: 'waiting to be sent',
  workshop: {
    backToList: 'Back to the project',
    start: 'Start the workshop',
    finish: 'End the workshop',
    confirmStart: 'Start now? Participants can then be checked in.',
    started: 'The workshop has started.',
    finished: 'The workshop is over.',
    finishPending: 'The end of the workshop is kept on this device: it will be sent when the network is back.',
    notStartedHint: 'Start the workshop to check participants in and add those who turn up.',
    walkInConsent: 'The person agrees to their details being kept for this workshop (oral consent).',
  },
};
