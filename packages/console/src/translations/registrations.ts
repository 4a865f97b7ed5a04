// SPDX-License-Identifier: EUPL-1.2
/**
 * The texts of `<gusp-console-registrations>` (its room: only this screen uses them), French then
 * English. Roles, registration statuses and channels are the core's labels (`role.*`,
 * `registration.status.*`, `registration.channel.*`): the same words as the day sheet and the CSV.
 */
import type { AccessibilityNeed } from '@gusp/core';

export interface RegistrationsTexts {
  readonly title: string;
  /** The screen's title for one walk: « Inscriptions – Autour des Bleuets ». */
  readonly titleOf: (walk: string) => string;
  /** A walk without a title, by its quartier. */
  readonly walkOf: (quartier: string) => string;
  readonly links: string;
  readonly backToWalks: string;
  readonly toDay: string;
  readonly daySheet: string;
  readonly newTab: string;
  readonly exportCsv: string;
  readonly when: string;
  readonly meetingPoint: string;
  readonly walkStatus: string;
  readonly seats: string;
  readonly needsTitle: string;
  readonly needsCounted: (withNeeds: number, people: number) => string;
  readonly needsNotes: (notes: number) => string;
  readonly listTitle: string;
  readonly shown: (shown: number, total: number) => string;
  readonly filters: string;
  readonly search: string;
  readonly searchHint: string;
  readonly statusFilter: string;
  readonly allStatuses: string;
  readonly groups: Readonly<Record<'seated' | 'waiting' | 'ended', (count: number) => string>>;
  readonly noRegistrations: string;
  readonly noMatch: string;
  readonly role: string;
  readonly contact: string;
  readonly needs: string;
  readonly channel: string;
  readonly status: string;
  readonly noContact: string;
  readonly noNeeds: string;
  readonly phoneOnly: string;
  readonly position: (n: number) => string;
  readonly cancelReasonShown: string;
  readonly overCapacityShown: string;
  readonly anonymised: string;
  // Cancelling on someone's behalf.
  readonly cancel: string;
  /** Read after « Annuler l’inscription » by screen readers (visually hidden): whose. */
  readonly cancelWho: (name: string) => string;
  readonly cancelTitle: (name: string) => string;
  readonly cancelExplain: string;
  readonly cancelReason: string;
  readonly cancelReasonHint: string;
  readonly confirmCancel: string;
  readonly keep: string;
  readonly cancelled: (name: string) => string;
  // Promoting from the waiting list.
  readonly promote: string;
  /** Read after « Sortir de la liste d’attente » by screen readers (visually hidden): whom. */
  readonly promoteWho: (name: string) => string;
  readonly promoteTitle: (name: string) => string;
  readonly promoteFull: string;
  readonly overCapacityReason: string;
  readonly confirmPromote: string;
  readonly dontPromote: string;
  readonly promoted: (name: string) => string;
  readonly actionsClosed: string;
  // The phone-in form.
  readonly phoneInTitle: string;
  readonly phoneInIntro: string;
  readonly phoneInClosed: string;
  readonly phoneInDraft: string;
  readonly name: string;
  readonly phone: string;
  readonly phoneHint: string;
  readonly email: string;
  readonly emailHint: string;
  readonly roleLabel: string;
  readonly localeLabel: string;
  readonly localeHint: string;
  readonly needsLegend: string;
  readonly needOption: Readonly<Record<AccessibilityNeed, string>>;
  readonly needsNote: string;
  readonly full: string;
  readonly overCapacity: string;
  readonly overCapacityHint: string;
  readonly consent: string;
  readonly submit: string;
  readonly sending: string;
  readonly clear: string;
  readonly cleared: string;
  readonly restored: string;
  readonly errorTitle: (count: number) => string;
  readonly missing: Readonly<Partial<Record<'name' | 'overCapacity', string>>>;
  readonly registered: (name: string, status: string, position?: number) => string;
  readonly sendFailed: string;
  readonly reloadFailed: string;
  /** The same screen for a workshop of a concerted project (`gathering="workshop"`): its words over the walk's. */
  readonly workshop: Pick<
    RegistrationsTexts,
    'links' | 'backToWalks' | 'toDay' | 'noRegistrations' | 'actionsClosed' | 'phoneInClosed' | 'phoneInDraft' | 'consent'
  >;
}

const s = (n: number) => (n > 1 ? 's' : '');

export const registrationsFr: RegistrationsTexts = {
  title: 'Inscriptions',
  titleOf: (walk) => `Inscriptions – ${walk}`,
  walkOf: (quartier) => `Diagnostic en marchant – ${quartier}`,
  links: 'Autour de ce diagnostic',
  backToWalks: 'Retour à la liste des diagnostics',
  toDay: 'Le jour J de ce diagnostic',
  daySheet: 'Imprimer la feuille du jour (parcours et feuille d’émargement)',
  newTab: '(nouvel onglet)',
  exportCsv: 'Exporter les inscriptions (CSV)',
  when: 'Date',
  meetingPoint: 'Rendez-vous',
  walkStatus: 'État',
  seats: 'Places',
  needsTitle: 'Besoins à prévoir',
  needsCounted: (withNeeds, people) =>
    people === 0
      ? 'Personne n’est encore inscrit.'
      : `${withNeeds} personne${s(withNeeds)} sur ${people} ${withNeeds > 1 ? 'ont' : 'a'} signalé un besoin.`,
  needsNotes: (notes) => `${notes} personne${s(notes)} ${notes > 1 ? 'ont' : 'a'} écrit une précision : lisez-la dans la liste.`,
  listTitle: 'Personnes inscrites',
  shown: (shown, total) =>
    shown === total ? `${total} inscription${s(total)}` : `${shown} inscription${s(shown)} affichée${s(shown)} sur ${total}`,
  filters: 'Rechercher dans les inscriptions',
  search: 'Nom, téléphone ou adresse électronique',
  searchHint: 'La liste se met à jour pendant la saisie.',
  statusFilter: 'État de l’inscription',
  allStatuses: 'Tous les états',
  groups: {
    seated: (n) => `Participants (${n})`,
    waiting: (n) => `Liste d’attente (${n})`,
    ended: (n) => `Annulées, retirées ou absentes (${n})`,
  },
  noRegistrations: 'Personne n’est encore inscrit à ce diagnostic.',
  noMatch: 'Aucune inscription ne correspond à cette recherche.',
  role: 'Rôle',
  contact: 'Contact',
  needs: 'Besoins',
  channel: 'Inscription',
  status: 'État',
  noContact: 'Aucun contact',
  noNeeds: 'Aucun',
  phoneOnly: 'Téléphone seulement : à prévenir par téléphone',
  position: (n) => `position ${n}`,
  cancelReasonShown: 'Motif de l’annulation',
  overCapacityShown: 'Inscrite au-delà de la capacité',
  anonymised: 'Données personnelles effacées',
  cancel: 'Annuler l’inscription',
  cancelWho: (name) => ` de ${name}`,
  cancelTitle: (name) => `Annuler l’inscription de ${name} ?`,
  cancelExplain:
    'La personne reçoit un courriel qui le confirme si elle a donné une adresse ; sa place revient à la première personne de la liste d’attente.',
  cancelReason: 'Motif (facultatif)',
  cancelReasonHint: 'Pour l’équipe seulement : la personne ne le reçoit pas. 500 caractères au plus.',
  confirmCancel: 'Confirmer l’annulation',
  keep: 'Ne pas annuler',
  cancelled: (name) => `L’inscription de ${name} est annulée.`,
  promote: 'Sortir de la liste d’attente',
  promoteWho: (name) => ` : ${name}`,
  promoteTitle: (name) => `Inscrire ${name} au-delà de la capacité ?`,
  promoteFull: 'Plus aucune place n’est libre : dites pourquoi cette personne est inscrite quand même.',
  overCapacityReason: 'Motif du dépassement de capacité',
  confirmPromote: 'Inscrire quand même',
  dontPromote: 'Ne pas inscrire',
  promoted: (name) => `${name} est inscrit·e : la place est confirmée et la personne prévenue si elle a une adresse.`,
  actionsClosed: 'Le diagnostic a commencé ou est terminé : les inscriptions ne se modifient plus ici.',
  phoneInTitle: 'Ajouter une personne qui a téléphoné',
  phoneInIntro:
    'Saisissez ce que la personne vous dit. Elle reçoit la confirmation par courriel si elle donne une adresse ; sinon elle est marquée « téléphone seulement » sur la feuille du jour.',
  phoneInClosed: 'Ce diagnostic ne prend plus d’inscription par téléphone : le jour J, ajoutez les personnes venues sur place.',
  phoneInDraft: 'Ce diagnostic n’est pas encore publié : les inscriptions, en ligne et par téléphone, s’ouvrent à sa publication.',
  name: 'Nom et prénom',
  phone: 'Téléphone',
  phoneHint: 'Un téléphone ou une adresse électronique au moins. Par exemple : 06 12 34 56 78.',
  email: 'Adresse électronique (facultative)',
  emailHint: 'Pour lui envoyer la confirmation et le lien d’annulation.',
  roleLabel: 'Vient en tant que',
  localeLabel: 'Langue de ses courriels',
  localeHint: 'La confirmation, les rappels et le compte-rendu lui sont écrits dans cette langue.',
  needsLegend: 'Besoins pour participer (facultatif)',
  needOption: {
    mobility: 'Mobilité réduite',
    wheelchair: 'Fauteuil roulant',
    visual: 'Déficience visuelle',
    hearing: 'Déficience auditive',
    interpreter: 'Interprète',
    'sign-language': 'Interprète en langue des signes',
    childcare: 'Garde d’enfants',
    other: 'Autre besoin',
  },
  needsNote: 'Précisions sur les besoins (facultatif)',
  full: 'Plus aucune place n’est libre : sans motif, la personne sera mise sur liste d’attente.',
  overCapacity: 'Inscrire au-delà de la capacité : motif (facultatif)',
  overCapacityHint: 'Par exemple : élue du quartier, vient avec l’OPH. 500 caractères au plus.',
  consent:
    'J’ai lu à la personne la mention sur ses données et elle accepte qu’elles soient enregistrées pour ce diagnostic (accord oral).',
  submit: 'Inscrire cette personne',
  sending: 'Inscription en cours…',
  clear: 'Vider le formulaire',
  cleared: 'Le formulaire est vidé.',
  restored: 'Votre saisie précédente a été remise dans le formulaire.',
  errorTitle: (n) => (n > 1 ? `Il y a ${n} erreurs à corriger` : 'Il y a une erreur à corriger'),
  missing: { name: 'Indiquez le nom et le prénom de la personne.', overCapacity: 'Indiquez le motif du dépassement de capacité.' },
  registered: (name, status, position) =>
    position ? `${name} est inscrit·e sur la liste d’attente (position ${position}).` : `${name} est inscrit·e : ${status.toLowerCase()}.`,
  sendFailed:
    'L’inscription n’a pas pu être envoyée (pas de réponse du serveur). Rien n’est perdu : vérifiez la connexion puis renvoyez, la personne ne sera pas inscrite deux fois.',
  reloadFailed: 'La liste n’a pas pu être mise à jour : elle peut ne plus être à jour.',
  workshop: {
    links: 'Autour de cet atelier',
    backToWalks: 'Retour au projet',
    toDay: 'Le jour de l’atelier (pointage)',
    noRegistrations: 'Personne n’est encore inscrit à cet atelier.',
    actionsClosed: 'L’atelier a commencé ou est terminé : les inscriptions ne se modifient plus ici.',
    phoneInClosed: 'Cet atelier ne prend plus d’inscription par téléphone : le jour même, ajoutez les personnes venues sur place.',
    phoneInDraft: 'Cet atelier n’est pas encore publié : les inscriptions, en ligne et par téléphone, s’ouvrent à sa publication.',
    consent:
      'J’ai lu à la personne la mention sur ses données et elle accepte qu’elles soient enregistrées pour cet atelier (accord oral).',
  },
};

export const registrationsEn: RegistrationsTexts = {
  title: 'Registrations',
  titleOf: (walk) => `Registrations – ${walk}`,
  walkOf: (quartier) => `Neighbourhood walk – ${quartier}`,
  links: 'Around this walk',
  backToWalks: 'Back to the list of walks',
  toDay: 'This walk’s day',
  daySheet: 'Print the day sheet (route and attendance sheet)',
  newTab: '(new tab)',
  exportCsv: 'Export the registrations (CSV)',
  when: 'Date',
  meetingPoint: 'Meeting point',
  walkStatus: 'Status',
  seats: 'Seats',
  needsTitle: 'Needs to plan for',
  needsCounted: (withNeeds, people) =>
    people === 0 ? 'Nobody has registered yet.' : `${withNeeds} of ${people} ${people > 1 ? 'people' : 'person'} asked for something.`,
  needsNotes: (notes) => `${notes} ${notes > 1 ? 'people' : 'person'} wrote a note: read it in the list.`,
  listTitle: 'Registered people',
  shown: (shown, total) => (shown === total ? `${total} registration${s(total)}` : `${shown} of ${total} registrations shown`),
  filters: 'Search the registrations',
  search: 'Name, phone or email',
  searchHint: 'The list updates as you type.',
  statusFilter: 'Registration status',
  allStatuses: 'All statuses',
  groups: {
    seated: (n) => `Taking part (${n})`,
    waiting: (n) => `Waiting list (${n})`,
    ended: (n) => `Cancelled, removed or absent (${n})`,
  },
  noRegistrations: 'Nobody has registered for this walk yet.',
  noMatch: 'No registration matches this search.',
  role: 'Role',
  contact: 'Contact',
  needs: 'Needs',
  channel: 'Signed up',
  status: 'Status',
  noContact: 'No contact',
  noNeeds: 'None',
  phoneOnly: 'Phone only: to be told by phone',
  position: (n) => `position ${n}`,
  cancelReasonShown: 'Why it was cancelled',
  overCapacityShown: 'Seated beyond the capacity',
  anonymised: 'Personal data erased',
  cancel: 'Cancel the registration',
  cancelWho: (name) => ` of ${name}`,
  cancelTitle: (name) => `Cancel ${name}’s registration?`,
  cancelExplain: 'The person is emailed that it is done if they gave an address; their seat goes to the first person on the waiting list.',
  cancelReason: 'Reason (optional)',
  cancelReasonHint: 'For the team only: the person is not sent it. At most 500 characters.',
  confirmCancel: 'Confirm the cancellation',
  keep: 'Do not cancel',
  cancelled: (name) => `${name}’s registration is cancelled.`,
  promote: 'Seat from the waiting list',
  promoteWho: (name) => `: ${name}`,
  promoteTitle: (name) => `Seat ${name} beyond the capacity?`,
  promoteFull: 'No seat is free: say why this person is seated anyway.',
  overCapacityReason: 'Why beyond the capacity',
  confirmPromote: 'Seat anyway',
  dontPromote: 'Do not seat',
  promoted: (name) => `${name} is seated: the seat is confirmed and they are told if they have an email.`,
  actionsClosed: 'The walk has started or is over: registrations are no longer changed here.',
  phoneInTitle: 'Add someone who phoned',
  phoneInIntro:
    'Type what the person tells you. They are emailed the confirmation if they give an address; otherwise they are marked “phone only” on the day sheet.',
  phoneInClosed: 'This walk takes no more phone registrations: on the day, add the people who turn up.',
  phoneInDraft: 'This walk is not published yet: registrations, online and by phone, open when it is.',
  name: 'First and last name',
  phone: 'Phone',
  phoneHint: 'A phone or an email at least. For example: 06 12 34 56 78.',
  email: 'Email (optional)',
  emailHint: 'To send them the confirmation and the cancel link.',
  roleLabel: 'Comes as',
  localeLabel: 'Language of their emails',
  localeHint: 'The confirmation, the reminders and the report are written to them in this language.',
  needsLegend: 'Needs to take part (optional)',
  needOption: {
    mobility: 'Reduced mobility',
    wheelchair: 'Wheelchair',
    visual: 'Visual impairment',
    hearing: 'Hearing impairment',
    interpreter: 'Interpreter',
    'sign-language': 'Sign language interpreter',
    childcare: 'Childcare',
    other: 'Something else',
  },
  needsNote: 'About the needs (optional)',
  full: 'No seat is free: without a reason, the person goes on the waiting list.',
  overCapacity: 'Seat beyond the capacity: reason (optional)',
  overCapacityHint: 'For example: the quartier’s councillor, comes with the OPH. At most 500 characters.',
  consent: 'I read the data notice to the person and they agree to their data being kept for this walk (oral consent).',
  submit: 'Register this person',
  sending: 'Registering…',
  clear: 'Empty the form',
  cleared: 'The form is empty.',
  restored: 'What you typed before is back in the form.',
  errorTitle: (n) => (n > 1 ? `There are ${n} errors to correct` : 'There is an error to correct'),
  missing: { name: 'Give the person’s first and last name.', overCapacity: 'Give the reason to go beyond the capacity.' },
  registered: (name, status, position) =>
    position ? `${name} is on the waiting list (position ${position}).` : `${name} is registered: ${status.toLowerCase()}.`,
  sendFailed:
    'The registration could not be sent (no answer from the server). Nothing is lost: check the connection and send again; the person will not be registered twice.',
  reloadFailed: 'The list could not be refreshed: it may be out of date.',
  workshop: {
    links: 'Around this workshop',
    backToWalks: 'Back to the project',
    toDay: 'The workshop’s day (attendance)',
    noRegistrations: 'Nobody has registered for this workshop yet.',
    actionsClosed: 'The workshop has started or is over: registrations are no longer changed here.',
    phoneInClosed: 'This workshop takes no more phone registrations: on the day, add the people who turn up.',
    phoneInDraft: 'This workshop is not published yet: registrations, online and by phone, open when it is.',
    consent: 'I read the data notice to the person and they agree to their data being kept for this workshop (oral consent).',
  },
};
