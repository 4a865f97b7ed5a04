// SPDX-License-Identifier: EUPL-1.2
/**
 * The emails GUSP sends, in French and English (the registrant's language): the same emails for a
 * walk's sign-up (« diagnostic en marchant ») and a workshop's (« atelier »), since both are the
 * same registration; only the words naming what they signed up to differ (`gatheringWords`).
 */

export type NotificationKind =
  | 'confirmed'
  | 'waitlisted'
  | 'promoted'
  | 'registration-cancelled'
  | 'registration-removed'
  | 'walk-cancelled'
  | 'walk-rescheduled'
  | 'reminder'
  | 'report-shared'
  | 'report-organisation';

/** What people signed up to: a walk (diagnostic en marchant), or a workshop (atelier) of a concerted project. */
export type MailedGathering = 'walk' | 'workshop';

export interface TemplateInput {
  readonly name: string;
  /** A walk or a workshop: the words that name it (`gatheringWords`). */
  readonly gathering: MailedGathering;
  /** A workshop's title (« Choisir les couleurs des halls »); a walk is named by its quartier. */
  readonly title?: string | undefined;
  /** Where to come: the walk's meeting point, the workshop's place. */
  readonly place: string;
  readonly quartier: string;
  readonly when: string;
  readonly position?: number | undefined;
  /**
   * For a reminder: the day as seen from the moment it is sent, in the
   * city's time zone (« aujourd’hui », « ce soir » from 18:00, « demain »);
   * `undefined` for a later day, which `when` gives in full.
   */
  readonly day?: 'today' | 'tonight' | 'tomorrow' | undefined;
  readonly cancelUrl?: string | undefined;
  readonly reportUrl?: string | undefined;
  /** Its public page (to sign up again): the walk's, the workshop's project's. */
  readonly pageUrl?: string | undefined;
  readonly reason?: string | undefined;
  /** The compte-rendu itself, as text (its Markdown), after the link. */
  readonly reportText?: string | undefined;
  /** For an organisation's staff: the organisation's name. */
  readonly organisation?: string | undefined;
}

/** The report's text after its link, set apart by a line. */
const reportBody = (i: TemplateInput) => (i.reportText ? `\n\n----------\n\n${i.reportText}` : '');

type Template = (i: TemplateInput) => { subject: string; body: string };

/**
 * The words naming what a person signed up to, as each sentence needs them: `short` in a subject
 * (« diagnostic en marchant », « atelier « … » »), `the` in a sentence (« le diagnostic en marchant
 * du quartier X »), `to` after « inscription » (« au … », « à l’atelier … »), `of` after « compte-rendu »;
 * `The` starts a sentence; `meet` heads the place; `walkOnly`, the walk's own advice.
 */
interface GatheringWords {
  readonly short: string;
  readonly the: string;
  readonly The: string;
  readonly to: string;
  readonly of: string;
  readonly shortOf: string;
  readonly meet: string;
  readonly advice: string;
}

const frWords = (i: TemplateInput): GatheringWords =>
  i.gathering === 'workshop'
    ? {
        short: `atelier « ${i.title ?? ''} »`,
        the: `l’atelier « ${i.title ?? ''} » du quartier ${i.quartier}`,
        The: `L’atelier « ${i.title ?? ''} » du quartier ${i.quartier}`,
        to: `à l’atelier « ${i.title ?? ''} » du quartier ${i.quartier}`,
        of: `de l’atelier « ${i.title ?? ''} » du quartier ${i.quartier}`,
        shortOf: `de l’atelier « ${i.title ?? ''} »`,
        meet: 'Lieu',
        advice: '',
      }
    : {
        short: 'diagnostic en marchant',
        the: `le diagnostic en marchant du quartier ${i.quartier}`,
        The: `Le diagnostic en marchant du quartier ${i.quartier}`,
        to: `au diagnostic en marchant du quartier ${i.quartier}`,
        of: `du diagnostic en marchant du quartier ${i.quartier}`,
        shortOf: 'du diagnostic en marchant',
        meet: 'Rendez-vous',
        advice: 'Prévoyez de bonnes chaussures.\n',
      };

const enWords = (i: TemplateInput): GatheringWords =>
  i.gathering === 'workshop'
    ? {
        short: `workshop “${i.title ?? ''}”`,
        the: `the workshop “${i.title ?? ''}” in ${i.quartier}`,
        The: `The workshop “${i.title ?? ''}” in ${i.quartier}`,
        to: `the workshop “${i.title ?? ''}” in ${i.quartier}`,
        of: `the workshop “${i.title ?? ''}” in ${i.quartier}`,
        shortOf: `the workshop “${i.title ?? ''}”`,
        meet: 'Place',
        advice: '',
      }
    : {
        short: 'neighbourhood walk',
        the: `the neighbourhood walk in ${i.quartier}`,
        The: `The neighbourhood walk in ${i.quartier}`,
        to: `the neighbourhood walk in ${i.quartier}`,
        of: `the neighbourhood walk in ${i.quartier}`,
        shortOf: 'the neighbourhood walk',
        meet: 'Meeting point',
        advice: 'Wear comfortable shoes.\n',
      };

const FR_DAY = { today: 'aujourd’hui', tonight: 'ce soir', tomorrow: 'demain' } as const;
const EN_DAY = { today: 'today', tonight: 'tonight', tomorrow: 'tomorrow' } as const;

/** A template with the words of what was signed up to. */
const fr =
  (t: (i: TemplateInput, w: GatheringWords) => { subject: string; body: string }): Template =>
  (i) =>
    t(i, frWords(i));
const en =
  (t: (i: TemplateInput, w: GatheringWords) => { subject: string; body: string }): Template =>
  (i) =>
    t(i, enWords(i));

const FR: Record<NotificationKind, Template> = {
  confirmed: fr((i, w) => ({
    subject: `Inscription confirmée : ${w.short}, ${i.quartier}`,
    body: `Bonjour ${i.name},\n\nVotre inscription ${w.to} est confirmée.\nQuand : ${i.when}\n${w.meet} : ${i.place}\n\nL’invitation est jointe (fichier .ics) pour votre agenda.\nPour annuler : ${i.cancelUrl ?? ''}\n\nMerci de votre participation.`,
  })),
  waitlisted: fr((i, w) => ({
    subject: `Liste d’attente : ${w.short}, ${i.quartier}`,
    body: `Bonjour ${i.name},\n\n${w.The} (${i.when}) est complet : vous êtes en liste d’attente${i.position ? `, en position ${i.position}` : ''}.\nNous vous écrirons si une place se libère.\nPour annuler : ${i.cancelUrl ?? ''}`,
  })),
  promoted: fr((i, w) => ({
    subject: `Une place s’est libérée : ${w.short}, ${i.quartier}`,
    body: `Bonjour ${i.name},\n\nUne place s’est libérée : votre inscription ${w.to} est confirmée.\nQuand : ${i.when}\n${w.meet} : ${i.place}\nPour annuler : ${i.cancelUrl ?? ''}`,
  })),
  // Staff cancelled at the person's request (she phoned): no cancel link, nothing left to cancel; the page to sign up again.
  'registration-cancelled': fr((i, w) => ({
    subject: `Inscription annulée : ${w.short}, ${i.quartier}`,
    body: `Bonjour ${i.name},\n\nComme vous l’avez demandé, l’équipe qui organise ${w.the} (${i.when}) a annulé votre inscription.\n\nSi vous pouvez finalement venir, vous pouvez vous réinscrire tant qu’il reste des places : ${i.pageUrl ?? ''}`,
  })),
  // Staff wrote the reason for this person: it is quoted as written (plain text, no cancel link: nothing left to cancel).
  'registration-removed': fr((i, w) => ({
    subject: `Inscription retirée : ${w.short}, ${i.quartier}`,
    body: `Bonjour ${i.name},\n\nL’équipe qui organise ${w.the} (${i.when}) a retiré votre inscription.\nMotif : ${i.reason ?? ''}\n\nSi vous pensez qu’il s’agit d’une erreur, contactez l’équipe : elle peut vous réinscrire.`,
  })),
  'walk-cancelled': fr((i, w) => ({
    subject: `Annulé : ${w.short}, ${i.quartier}`,
    body: `Bonjour ${i.name},\n\n${w.The} prévu ${i.when} est annulé.\nMotif : ${i.reason ?? ''}\n\nNous vous prions de nous en excuser.`,
  })),
  'walk-rescheduled': fr((i, w) => ({
    subject: `Nouvelle date : ${w.short}, ${i.quartier}`,
    body: `Bonjour ${i.name},\n\n${w.The} change de date : ${i.when}.\n${w.meet} : ${i.place}\n${i.reason ? `Motif : ${i.reason}\n` : ''}\nL’invitation mise à jour est jointe.\nPour annuler : ${i.cancelUrl ?? ''}`,
  })),
  reminder: fr((i, w) => ({
    subject: `Rappel : ${w.short} ${i.day ? FR_DAY[i.day] : 'à venir'}, ${i.quartier}`,
    body: `Bonjour ${i.name},\n\nRappel : ${w.the} a lieu ${i.day ? `${FR_DAY[i.day]}, ` : ''}${i.when}.\n${w.meet} : ${i.place}\n${w.advice}Si vous ne pouvez plus venir : ${i.cancelUrl ?? ''}`,
  })),
  'report-shared': fr((i, w) => ({
    subject: `Compte-rendu ${w.shortOf}, ${i.quartier}`,
    body: `Bonjour ${i.name},\n\nMerci d’avoir participé ${w.to}.\nLe compte-rendu est disponible : ${i.reportUrl ?? ''}${reportBody(i)}`,
  })),
  'report-organisation': fr((i, w) => ({
    subject: `Compte-rendu ${w.shortOf}, ${i.quartier} : ${i.organisation ?? ''} est concernée`,
    body: `Bonjour ${i.name},\n\nLe compte-rendu ${w.of} (${i.when}) est restitué. ${i.organisation ?? ''} y est concernée : un engagement ou une observation la concerne.\nLe compte-rendu : ${i.reportUrl ?? ''}\nVos engagements se suivent dans l’espace de gestion.${reportBody(i)}`,
  })),
};

const EN: Record<NotificationKind, Template> = {
  confirmed: en((i, w) => ({
    subject: `Registration confirmed: ${w.short}, ${i.quartier}`,
    body: `Hello ${i.name},\n\nYour registration for ${w.to} is confirmed.\nWhen: ${i.when}\n${w.meet}: ${i.place}\n\nThe invitation is attached (.ics file) for your calendar.\nTo cancel: ${i.cancelUrl ?? ''}\n\nThank you for taking part.`,
  })),
  waitlisted: en((i, w) => ({
    subject: `Waiting list: ${w.short}, ${i.quartier}`,
    body: `Hello ${i.name},\n\n${w.The} (${i.when}) is full: you are on the waiting list${i.position ? `, number ${i.position}` : ''}.\nWe will write if a seat becomes free.\nTo cancel: ${i.cancelUrl ?? ''}`,
  })),
  promoted: en((i, w) => ({
    subject: `A seat is free: ${w.short}, ${i.quartier}`,
    body: `Hello ${i.name},\n\nA seat became free: your registration for ${w.to} is confirmed.\nWhen: ${i.when}\n${w.meet}: ${i.place}\nTo cancel: ${i.cancelUrl ?? ''}`,
  })),
  'registration-cancelled': en((i, w) => ({
    subject: `Registration cancelled: ${w.short}, ${i.quartier}`,
    body: `Hello ${i.name},\n\nAs you asked, the team organising ${w.the} (${i.when}) has cancelled your registration.\n\nIf you can come after all, you can sign up again while seats remain: ${i.pageUrl ?? ''}`,
  })),
  'registration-removed': en((i, w) => ({
    subject: `Registration removed: ${w.short}, ${i.quartier}`,
    body: `Hello ${i.name},\n\nThe team organising ${w.the} (${i.when}) has removed your registration.\nReason: ${i.reason ?? ''}\n\nIf you think this is a mistake, contact the team: they can sign you up again.`,
  })),
  'walk-cancelled': en((i, w) => ({
    subject: `Cancelled: ${w.short}, ${i.quartier}`,
    body: `Hello ${i.name},\n\n${w.The} planned ${i.when} is cancelled.\nReason: ${i.reason ?? ''}\n\nWe apologise.`,
  })),
  'walk-rescheduled': en((i, w) => ({
    subject: `New date: ${w.short}, ${i.quartier}`,
    body: `Hello ${i.name},\n\n${w.The} has a new date: ${i.when}.\n${w.meet}: ${i.place}\n${i.reason ? `Reason: ${i.reason}\n` : ''}\nThe updated invitation is attached.\nTo cancel: ${i.cancelUrl ?? ''}`,
  })),
  reminder: en((i, w) => ({
    subject: `Reminder: ${w.short} ${i.day ? EN_DAY[i.day] : 'coming up'}, ${i.quartier}`,
    body: `Hello ${i.name},\n\nA reminder: ${w.the} takes place ${i.day ? `${EN_DAY[i.day]}, ` : ''}${i.when}.\n${w.meet}: ${i.place}\n${w.advice}If you can no longer come: ${i.cancelUrl ?? ''}`,
  })),
  'report-shared': en((i, w) => ({
    subject: `Report of ${w.shortOf}, ${i.quartier}`,
    body: `Hello ${i.name},\n\nThank you for taking part in ${w.to}.\nThe report is available: ${i.reportUrl ?? ''}${reportBody(i)}`,
  })),
  'report-organisation': en((i, w) => ({
    subject: `Report of ${w.shortOf}, ${i.quartier}: ${i.organisation ?? ''} is concerned`,
    body: `Hello ${i.name},\n\nThe report of ${w.of} (${i.when}) has been shared. ${i.organisation ?? ''} is concerned: a commitment or an observation is about it.\nThe report: ${i.reportUrl ?? ''}\nYour commitments are followed in the back office.${reportBody(i)}`,
  })),
};

export function renderNotification(kind: NotificationKind, locale: string, input: TemplateInput) {
  return (locale.toLowerCase().startsWith('en') ? EN : FR)[kind](input);
}

export const templates = { fr: FR, en: EN };
