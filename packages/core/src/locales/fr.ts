// SPDX-License-Identifier: EUPL-1.2
import { catalogue } from './catalogue.js';
import type { Catalogue, CataloguePart } from './types.js';
import { projectFr } from '../project/project.messages.js';

// A detail is whatever a guard put there (ids, numbers, dates): String() is how it is worded.
// eslint-disable-next-line @typescript-eslint/no-base-to-string
const s = (v: unknown): string => String(v ?? '');

// One export per domain, so that a bundle only carries the messages of the modules it uses;
// the whole catalogue below is their union.

/** Validation of any input: field by field. */
export const fields = {
  errors: {
    'validation.invalid': 'Certaines informations sont manquantes ou invalides.',
    'field.required': 'Ce champ est obligatoire.',
    'field.invalid-type': 'Cette valeur n’a pas le bon type.',
    'field.too-short': (d) =>
      d.origin === 'string' ? `Au moins ${s(d.minimum)} caractère(s).` : `La valeur doit être au moins ${s(d.minimum)}.`,
    'field.too-long': (d) =>
      d.origin === 'string' ? `Au plus ${s(d.maximum)} caractère(s).` : `La valeur doit être au plus ${s(d.maximum)}.`,
    'field.too-few': (d) => `Au moins ${s(d.minimum)} élément(s).`,
    'field.too-many': (d) => `Au plus ${s(d.maximum)} élément(s).`,
    'field.invalid-email': 'Adresse e-mail invalide (exemple : nom@exemple.fr).',
    'field.invalid-datetime': 'Date et heure invalides : format ISO 8601 avec fuseau attendu (2026-03-14T09:00:00+01:00).',
    'field.invalid-date': 'Date invalide : format AAAA-MM-JJ attendu.',
    'field.invalid-url': 'Adresse web invalide.',
    'field.invalid-format': 'Format invalide.',
    'field.invalid-value': (d) =>
      Array.isArray(d.values) ? `Valeur non reconnue. Valeurs possibles : ${d.values.join(', ')}.` : 'Valeur non reconnue.',
    'field.unknown-keys': (d) => `Champ(s) inconnu(s) : ${Array.isArray(d.keys) ? d.keys.join(', ') : ''}.`,
    'field.not-integer': 'Un nombre entier est attendu.',
    'field.control-characters': 'Ce texte contient des caractères invisibles non autorisés.',
    'field.invalid': 'Valeur invalide.',
  },
  labels: {
    'format.colon': '\u00a0: ',
    'format.percent': '\u00a0%',
  },
} satisfies CataloguePart;

/** City profiles. */
export const city = {
  errors: {
    'city.invalid': (d) => `Le profil de ville comporte ${s(d.count)} problème(s).`,
    'city.unknown-theme-axis': (d) => `La thématique « ${s(d.themeId)} » utilise un axe inconnu : « ${s(d.axis)} ».`,
    'city.duplicate-id': (d) => `Identifiant en double dans ${s(d.collection)} : « ${s(d.id)} ».`,
    'city.unknown-timezone': (d) => `Fuseau horaire inconnu : « ${s(d.timezone)} ».`,
    'city.no-priority-quartier': 'Le profil doit compter au moins un quartier prioritaire.',
    'city.unknown-organisation': (d) => `Organisation inconnue : « ${s(d.organisationId)} ».`,
    'city.ring-not-closed': 'Un anneau de ce contour ne se referme pas : répétez sa première position à la fin.',
    'city.boundary-too-large': (d) => `Ce contour compte ${s(d.count)} positions : ${s(d.maximum)} au plus. Simplifiez-le d’abord.`,
  },
  labels: {},
} satisfies CataloguePart;

/** The roles of the actors. */
export const roles = {
  errors: {},
  labels: {
    'role.resident': 'Habitant·e',
    'role.association': 'Association de quartier',
    'role.professional': 'Professionnel·le des services publics',
    'role.elected': 'Élu·e',
    'role.landlord': 'Bailleur (OPH)',
    'role.proximity-agent': 'Agent de proximité',
    'role.partner': 'Partenaire',
  },
} satisfies CataloguePart;

/** Walks. */
export const walk = {
  errors: {
    'walk.not-found': 'Ce diagnostic en marchant est introuvable.',
    'walk.invalid-transition': (d) => `Action « ${s(d.event)} » impossible : le diagnostic est à l’état « ${s(d.state)} ».`,
    'walk.unknown-quartier': (d) => `Quartier inconnu pour cette ville : « ${s(d.quartierId)} ».`,
    'walk.start-in-past': 'La date du diagnostic doit être dans le futur.',
    'walk.deadline-in-past':
      'La clôture des inscriptions tomberait dans le passé : indiquez une date limite d’inscription à venir (registrationDeadline).',
    'walk.meeting-point-required': 'Indiquez un point de rendez-vous.',
    'walk.capacity-required': 'Indiquez un nombre de places supérieur à zéro.',
    'walk.registration-closed': (d) =>
      d.gathering === 'workshop' ? 'Les inscriptions à cet atelier sont fermées.' : 'Les inscriptions à ce diagnostic sont fermées.',
    'walk.full': (d) =>
      d.gathering === 'workshop' ? 'Il n’y a plus de place pour cet atelier.' : 'Il n’y a plus de place pour ce diagnostic.',
    'walk.too-early-to-start': (d) => `Le diagnostic ne peut pas commencer plus de ${s(d.minutes)} minutes avant l’heure prévue.`,
    'walk.reason-required': 'Indiquez un motif.',
  },
  labels: {
    'walk.status.draft': 'Brouillon',
    'walk.status.open': 'Inscriptions ouvertes',
    'walk.status.closed': 'Inscriptions closes',
    'walk.status.in-progress': 'En cours',
    'walk.status.done': 'Terminé',
    'walk.status.reported': 'Compte-rendu restitué',
    'walk.status.cancelled': 'Annulé',
    // The day sheet (walk/day-sheet-html.ts): the route and the attendance sheet, printed for the day.
    'daySheet.title': 'Feuille du jour',
    'daySheet.walk': 'Diagnostic en marchant',
    'daySheet.date': 'Date',
    'daySheet.time': 'Horaires',
    'daySheet.registered': 'Personnes inscrites',
    'daySheet.waitingCount': 'en liste d’attente',
    'daySheet.needs': 'Besoins signalés',
    'daySheet.route': 'Parcours',
    'daySheet.noRoute': 'Parcours non précisé : rendez-vous au point indiqué.',
    'daySheet.map': 'Plan du parcours',
    'daySheet.mapNote': 'Les numéros sont ceux des haltes de la liste ; le trait continu relie les haltes dans l’ordre.',
    'daySheet.mapBoundary': 'Le pointillé est le périmètre du quartier.',
    'daySheet.mapApproximate': 'Le pointillé est le périmètre approximatif du quartier.',
    'daySheet.attendance': 'Feuille d’émargement',
    'daySheet.legend':
      'Signez à votre arrivée. « Téléphone seulement » : pas d’adresse e-mail, le compte-rendu sera remis sur papier ou annoncé par téléphone.',
    'daySheet.number': 'N°',
    'daySheet.name': 'Nom',
    'daySheet.role': 'Rôle',
    'daySheet.signature': 'Signature',
    'daySheet.phoneOnly': 'téléphone seulement',
    'daySheet.walkIn': 'sans inscription',
    'daySheet.checkedIn': 'présence notée',
    'daySheet.nobody': 'Aucune inscription pour l’instant.',
    'daySheet.waitlist': 'Liste d’attente',
    'daySheet.waitlistNote': 'Dans l’ordre d’inscription. Une personne de la liste qui vient est pointée présente comme les autres.',
    'daySheet.position': 'Rang',
    'daySheet.walkIns': 'Personnes venues sans inscription',
    'daySheet.privacy':
      'Document de travail de l’équipe : il contient des données personnelles. Ne le laissez pas circuler et détruisez-le une fois les présences saisies.',
    'daySheet.printedAt': 'Imprimé le',
  },
} satisfies CataloguePart;

/** Registrations. */
export const registration = {
  errors: {
    'registration.not-found': 'Cette inscription est introuvable.',
    'registration.invalid-transition': (d) => `Action « ${s(d.event)} » impossible : l’inscription est à l’état « ${s(d.state)} ».`,
    'registration.consent-required': 'Votre accord est nécessaire pour enregistrer l’inscription.',
    'registration.contact-required': 'Indiquez une adresse e-mail ou un numéro de téléphone.',
    'registration.duplicate-email': (d) =>
      d.gathering === 'workshop'
        ? 'Cette adresse e-mail est déjà inscrite à cet atelier.'
        : 'Cette adresse e-mail est déjà inscrite à ce diagnostic.',
    'registration.walk-not-underway': (d) =>
      d.gathering === 'workshop'
        ? 'Le pointage n’est possible que pendant l’atelier.'
        : 'Le pointage n’est possible que pendant le diagnostic.',
    'registration.walk-over': (d) =>
      d.gathering === 'workshop'
        ? 'L’atelier a déjà commencé : l’inscription ne peut plus être modifiée.'
        : 'Le diagnostic a déjà commencé : l’inscription ne peut plus être modifiée.',
    'registration.reason-required': 'Indiquez un motif.',
    'registration.staff-sign-up-closed': (d) =>
      d.gathering === 'workshop'
        ? 'L’équipe peut inscrire quelqu’un une fois l’atelier publié et jusqu’à son début ; pendant l’atelier, ajoutez la personne sur place.'
        : 'L’équipe peut inscrire quelqu’un une fois le diagnostic publié et jusqu’à son départ ; pendant la marche, ajoutez la personne sur place.',
    'registration.walk-in-not-underway': (d) =>
      d.gathering === 'workshop'
        ? 'Une personne venue sans inscription ne peut être ajoutée que pendant l’atelier.'
        : 'Une personne venue sans inscription ne peut être ajoutée que pendant le diagnostic.',
    'registration.over-capacity-reason-required':
      'Plus aucune place : pour accueillir cette personne au-delà de la capacité, indiquez un motif.',
  },
  labels: {
    'registration.status.confirmed': 'Confirmée',
    'registration.status.waitlisted': 'Sur liste d’attente',
    'registration.status.cancelled': 'Annulée',
    'registration.status.removed': 'Retirée par l’équipe',
    'registration.status.attended': 'Présent·e',
    'registration.status.absent': 'Absent·e',
    'registration.channel.online': 'En ligne',
    'registration.channel.phone': 'Par téléphone',
    'registration.channel.walk-in': 'Sur place',
    // Needs, counted (« 2 fauteuils roulants, 1 interprète »): one form per plural category of the language.
    'need.mobility.one': 'personne à mobilité réduite',
    'need.mobility.other': 'personnes à mobilité réduite',
    'need.wheelchair.one': 'fauteuil roulant',
    'need.wheelchair.other': 'fauteuils roulants',
    'need.visual.one': 'déficience visuelle',
    'need.visual.other': 'déficiences visuelles',
    'need.hearing.one': 'déficience auditive',
    'need.hearing.other': 'déficiences auditives',
    'need.interpreter.one': 'interprète',
    'need.interpreter.other': 'interprètes',
    'need.sign-language.one': 'interprète en langue des signes',
    'need.sign-language.other': 'interprètes en langue des signes',
    'need.childcare.one': 'garde d’enfants',
    'need.childcare.other': 'gardes d’enfants',
    'need.other.one': 'autre besoin',
    'need.other.other': 'autres besoins',
    'needs.none': 'Aucun besoin signalé',
  },
} satisfies CataloguePart;

/** Observations. */
export const observation = {
  errors: {
    'observation.not-found': 'Cette observation est introuvable.',
    'observation.invalid-transition': (d) => `Action « ${s(d.event)} » impossible : l’observation est à l’état « ${s(d.state)} ».`,
    'observation.location-required': 'Indiquez où se trouve ce point : une halte, une position ou une adresse.',
    'observation.unknown-theme': (d) => `Thématique inconnue : « ${s(d.themeId)} ».`,
    'observation.quartier-required': 'Indiquez le quartier concerné.',
    // The refusal of a point outside every quartier's shape (core geo.ts): here, so that the forms carry it.
    'geo.outside-city': (d) =>
      `Cette position est en dehors des quartiers de ${s(d.city)} : placez le point dans l’un d’eux, ou dites en mots où il se trouve.`,
    'observation.unknown-quartier': (d) => `Quartier inconnu : « ${s(d.quartierId)} ».`,
    'observation.unknown-stop': 'Cette halte ne fait pas partie du parcours.',
    'observation.walk-not-underway': (d) =>
      `Ce diagnostic n’est pas en cours : une observation y est possible pendant la marche, ou par un agent dans les ${s(d.hours)} heures qui suivent.`,
    'observation.contact-consent-required': 'Votre accord est nécessaire pour garder vos coordonnées.',
  },
  labels: {
    'polarity.positive': 'Point positif',
    'polarity.problem': 'Dysfonctionnement',
    'observation.status.recorded': 'Enregistrée',
    'observation.status.qualified': 'Qualifiée',
    'observation.status.duplicate': 'Doublon',
    'observation.status.rejected': 'Écartée',
    'observation.status.committed': 'Engagement pris',
    'observation.status.resolved': 'Résolue',
  },
} satisfies CataloguePart;

/** The compte-rendu. */
export const report = {
  errors: {
    'report.not-found': 'Ce compte-rendu est introuvable.',
    'report.walk-not-done': 'Le compte-rendu ne peut être rédigé qu’une fois le diagnostic terminé.',
    'report.invalid-transition': (d) => `Action « ${s(d.event)} » impossible : le compte-rendu est à l’état « ${s(d.state)} ».`,
    'report.unknown-stop': (d) => `Halte inconnue sur ce parcours : ${s(d.stopIds)}.`,
    'report.unknown-photo': (d) => `Cette photo n’est pas celle d’une observation de ce diagnostic : ${s(d.photoIds)}.`,
  },
  labels: {
    'report.introduction': 'Introduction',
    'report.stopNotes': 'Halte par halte',
    'report.nextSteps': 'La suite',
    'report.photos': 'Photos',
    'report.status.draft': 'Brouillon',
    'report.status.validated': 'Validé',
    'report.status.shared': 'Restitué',
    'report.title': 'Compte-rendu du diagnostic en marchant',
    'report.date': 'Date',
    'report.participants': 'Participants',
    'report.participantsTotal': 'Total',
    'report.byStop': 'Observations par halte',
    'report.byTheme': 'Observations par thématique',
    'report.positives': 'Points positifs',
    'report.problems': 'Dysfonctionnements',
    'report.engagements': 'Engagements proposés',
    'report.summary': 'Synthèse',
    'report.noStop': 'Hors parcours',
    'report.none': 'Aucun',
    'report.theme': 'Thématique',
    'report.count': 'Nombre',
    'report.organisation': 'Organisation',
    'report.dueOn': 'Échéance',
    'report.status': 'État',
    'report.sharedOn': 'Restitué le',
    'report.generatedBy': 'Document produit avec GUSP.',
    'report.time': 'Horaires',
    'report.route': 'Parcours',
    'report.stop': 'Halte',
    'report.role': 'Rôle',
    'report.engagement': 'Engagement',
    'report.generatedAt': 'Document généré le',
  },
} satisfies CataloguePart;

/** Engagements. */
export const engagement = {
  errors: {
    'engagement.not-found': 'Cet engagement est introuvable.',
    'engagement.invalid-transition': (d) => `Action « ${s(d.event)} » impossible : l’engagement est à l’état « ${s(d.state)} ».`,
  },
  labels: {
    'engagement.status.proposed': 'Proposé',
    'engagement.status.accepted': 'Accepté',
    'engagement.status.in-progress': 'En cours',
    'engagement.status.done': 'Réalisé',
    'engagement.status.verified': 'Vérifié',
    'engagement.status.abandoned': 'Abandonné',
    'engagement.overdue': 'En retard',
  },
} satisfies CataloguePart;

/**
 * What staff meet after the walk — triage and the engagements' steps — and the residents' verification
 * page: errors the public elements never show, so their bundles leave them out (the server, the console
 * and `errorMessage` have them, in the whole catalogue).
 */
export const followUp = {
  errors: {
    'observation.unknown-organisation': (d) => `Organisation inconnue : « ${s(d.organisationId)} ».`,
    'observation.reason-required': 'Indiquez un motif.',
    'observation.duplicate-of-itself': 'Une observation ne peut pas être le doublon d’elle-même.',
    'observation.photo-not-attached': (d) => `Cette observation n’a pas de photo « ${s(d.photoId)} ».`,
    'engagement.reason-required': 'Indiquez un motif.',
    'engagement.unknown-organisation': (d) => `Organisation inconnue : « ${s(d.organisationId)} ».`,
    'engagement.unknown-quartier': (d) => `Quartier inconnu : « ${s(d.quartierId)} ».`,
    'engagement.unknown-theme': (d) => `Thématique inconnue : « ${s(d.themeId)} ».`,
    'engagement.due-date-in-past': 'L’échéance ne peut pas être dans le passé.',
    'engagement.forbidden-organisation': 'Seule l’organisation responsable peut modifier cet engagement.',
    'engagement.organisation-cannot-verify':
      'Une organisation ne vérifie pas ses propres engagements : la coordination le fait, avec les réponses des habitants.',
    'engagement.verification-link-not-found':
      'Ce lien ne permet pas de répondre pour cet engagement. Utilisez le lien reçu par courriel, sans le modifier.',
    'engagement.not-awaiting-answers':
      'Cet engagement n’attend plus de réponse : les travaux ont repris. Merci : nous vous reposerons la question à leur fin.',
  },
  labels: {
    'severity.low': 'Faible',
    'severity.medium': 'Moyenne',
    'severity.high': 'Forte',
  },
} satisfies CataloguePart;

/** The journal store. */
export const store = {
  errors: {
    'store.client-id-reused': 'Cet identifiant de requête a déjà servi pour une autre opération : envoyez-la avec un nouvel identifiant.',
    'store.conflict': 'Trop de modifications simultanées : réessayez.',
  },
  labels: {},
} satisfies CataloguePart;

/** CSV import and export. */
export const csv = {
  errors: {
    'csv.invalid': (d) => `Ligne ${s(d.line)} : ${s(d.reason)}`,
    'csv.missing-columns': (d) => `Colonnes manquantes : ${Array.isArray(d.columns) ? d.columns.join(', ') : ''}.`,
    'csv.unclosed-quote': 'Un guillemet est ouvert et jamais refermé.',
    'csv.text-after-quote': 'Texte après un guillemet fermant : à l’intérieur d’un champ, doublez les guillemets ("").',
    'csv.field-count': (d) => `${s(d.expected)} colonne(s) attendue(s), ${s(d.found)} trouvée(s).`,
    'csv.duplicate-columns': (d) => `Colonnes en double : ${Array.isArray(d.columns) ? d.columns.join(', ') : ''}.`,
    'csv.invalid-json': 'Contenu JSON invalide.',
  },
  labels: {
    // The milestones column of the engagements CSV, in words.
    'csv.milestone.proposed': 'Proposé',
    'csv.milestone.accepted': 'Accepté',
    'csv.milestone.started': 'Travaux commencés',
    'csv.milestone.progressed': 'Point d’étape',
    'csv.milestone.completed': 'Réalisé',
    'csv.milestone.verified': 'Vérifié avec les habitants',
    'csv.milestone.reopened': 'Rouvert',
    'csv.milestone.abandoned': 'Abandonné',
    'csv.milestone.rescheduled': 'Échéance reportée',
  },
} satisfies CataloguePart;

/** Open311 GeoReport v2. */
export const open311 = {
  errors: {
    'open311.service-code-required': 'Indiquez un service_code : la thématique du signalement.',
    'open311.unknown-service': (d) => `Service inconnu : « ${s(d.serviceCode)} ».`,
    'open311.location-required': 'Indiquez un lieu : lat et long, address_string ou address_id.',
    'open311.invalid-media-url': 'media_url doit être l’adresse complète (http ou https) d’un média hébergé ailleurs.',
    'open311.invalid-location': 'Coordonnées invalides : lat entre -90 et 90 et long entre -180 et 180, en degrés décimaux.',
  },
  labels: {
    'open311.keyService': 'Aucune clé d’API n’est nécessaire : les demandes sont publiques, les signalements ouverts à tous.',
    'open311.reopened': 'Rouvert',
    'open311.rescheduled': 'Échéance déplacée',
    'open311.dueOn': 'échéance le',
    'open311.duplicateOf': 'Doublon du signalement',
    'open311.progress': 'avancement',
  },
} satisfies CataloguePart;

/** iCalendar (with the words it shares with the report: quartier, meeting point). */
export const ical = {
  errors: {},
  labels: {
    'report.quartier': 'Quartier',
    'report.meetingPoint': 'Point de rendez-vous',
    'ical.prodid': 'Diagnostic en marchant',
    'ical.walkTitle': 'Diagnostic en marchant',
    'ical.route': 'Parcours',
    'ical.cancelled': 'Ce diagnostic en marchant est annulé.',
    'ical.cancelReason': 'Motif',
    'ical.moreInfo': 'En savoir plus',
    'ical.feedName': 'Diagnostics en marchant',
  },
} satisfies CataloguePart;

/** French, the reference language of GUSP: every text exists here first. */
export const fr: Catalogue = /* @__PURE__ */ catalogue('fr', [
  fields,
  city,
  roles,
  walk,
  registration,
  observation,
  report,
  engagement,
  followUp,
  store,
  csv,
  open311,
  ical,
  projectFr,
]);
