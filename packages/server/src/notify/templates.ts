// SPDX-License-Identifier: EUPL-1.2
/** The emails GUSP sends, in French and English (the registrant's language). */
import type { Walk } from '@gusp/core';

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

export interface TemplateInput {
  readonly name: string;
  readonly walk: Walk;
  readonly quartier: string;
  readonly when: string;
  readonly position?: number | undefined;
  /**
   * For a reminder: the walk's day as seen from the moment it is sent, in the
   * city's time zone (« aujourd’hui », « ce soir » from 18:00, « demain »);
   * `undefined` for a later day, which `when` gives in full.
   */
  readonly day?: 'today' | 'tonight' | 'tomorrow' | undefined;
  readonly cancelUrl?: string | undefined;
  readonly reportUrl?: string | undefined;
  /** The walk's public page (to sign up again). */
  readonly walkUrl?: string | undefined;
  readonly reason?: string | undefined;
  /** The compte-rendu itself, as text (its Markdown), after the link. */
  readonly reportText?: string | undefined;
  /** For an organisation's staff: the organisation's name. */
  readonly organisation?: string | undefined;
}

/** The report's text after its link, set apart by a line. */
const reportBody = (i: TemplateInput) => (i.reportText ? `\n\n----------\n\n${i.reportText}` : '');

type Template = (i: TemplateInput) => { subject: string; body: string };

const place = (w: Walk) => w.meetingPoint?.label ?? '';
const FR_DAY = { today: 'aujourd’hui', tonight: 'ce soir', tomorrow: 'demain' } as const;
const EN_DAY = { today: 'today', tonight: 'tonight', tomorrow: 'tomorrow' } as const;

const fr: Record<NotificationKind, Template> = {
  confirmed: (i) => ({
    subject: `Inscription confirmée : diagnostic en marchant, ${i.quartier}`,
    body: `Bonjour ${i.name},\n\nVotre inscription au diagnostic en marchant du quartier ${i.quartier} est confirmée.\nQuand : ${i.when}\nRendez-vous : ${place(i.walk)}\n\nL’invitation est jointe (fichier .ics) pour votre agenda.\nPour annuler : ${i.cancelUrl ?? ''}\n\nMerci de votre participation.`,
  }),
  waitlisted: (i) => ({
    subject: `Liste d’attente : diagnostic en marchant, ${i.quartier}`,
    body: `Bonjour ${i.name},\n\nLe diagnostic en marchant du quartier ${i.quartier} (${i.when}) est complet : vous êtes en liste d’attente${i.position ? `, en position ${i.position}` : ''}.\nNous vous écrirons si une place se libère.\nPour annuler : ${i.cancelUrl ?? ''}`,
  }),
  promoted: (i) => ({
    subject: `Une place s’est libérée : diagnostic en marchant, ${i.quartier}`,
    body: `Bonjour ${i.name},\n\nUne place s’est libérée : votre inscription au diagnostic en marchant du quartier ${i.quartier} est confirmée.\nQuand : ${i.when}\nRendez-vous : ${place(i.walk)}\nPour annuler : ${i.cancelUrl ?? ''}`,
  }),
  // Staff cancelled at the person's request (she phoned): no cancel link, nothing left to cancel; the walk's page to sign up again.
  'registration-cancelled': (i) => ({
    subject: `Inscription annulée : diagnostic en marchant, ${i.quartier}`,
    body: `Bonjour ${i.name},\n\nComme vous l’avez demandé, l’équipe qui organise le diagnostic en marchant du quartier ${i.quartier} (${i.when}) a annulé votre inscription.\n\nSi vous pouvez finalement venir, vous pouvez vous réinscrire tant qu’il reste des places : ${i.walkUrl ?? ''}`,
  }),
  // Staff wrote the reason for this person: it is quoted as written (plain text, no cancel link: nothing left to cancel).
  'registration-removed': (i) => ({
    subject: `Inscription retirée : diagnostic en marchant, ${i.quartier}`,
    body: `Bonjour ${i.name},\n\nL’équipe qui organise le diagnostic en marchant du quartier ${i.quartier} (${i.when}) a retiré votre inscription.\nMotif : ${i.reason ?? ''}\n\nSi vous pensez qu’il s’agit d’une erreur, contactez l’équipe : elle peut vous réinscrire.`,
  }),
  'walk-cancelled': (i) => ({
    subject: `Annulé : diagnostic en marchant, ${i.quartier}`,
    body: `Bonjour ${i.name},\n\nLe diagnostic en marchant du quartier ${i.quartier} prévu ${i.when} est annulé.\nMotif : ${i.reason ?? ''}\n\nNous vous prions de nous en excuser.`,
  }),
  'walk-rescheduled': (i) => ({
    subject: `Nouvelle date : diagnostic en marchant, ${i.quartier}`,
    body: `Bonjour ${i.name},\n\nLe diagnostic en marchant du quartier ${i.quartier} change de date : ${i.when}.\nRendez-vous : ${place(i.walk)}\n${i.reason ? `Motif : ${i.reason}\n` : ''}\nL’invitation mise à jour est jointe.\nPour annuler : ${i.cancelUrl ?? ''}`,
  }),
  reminder: (i) => ({
    subject: `Rappel : diagnostic en marchant ${i.day ? FR_DAY[i.day] : 'à venir'}, ${i.quartier}`,
    body: `Bonjour ${i.name},\n\nRappel : le diagnostic en marchant du quartier ${i.quartier} a lieu ${i.day ? `${FR_DAY[i.day]}, ` : ''}${i.when}.\nRendez-vous : ${place(i.walk)}\nPrévoyez de bonnes chaussures.\nSi vous ne pouvez plus venir : ${i.cancelUrl ?? ''}`,
  }),
  'report-shared': (i) => ({
    subject: `Compte-rendu du diagnostic en marchant, ${i.quartier}`,
    body: `Bonjour ${i.name},\n\nMerci d’avoir participé au diagnostic en marchant du quartier ${i.quartier}.\nLe compte-rendu est disponible : ${i.reportUrl ?? ''}${reportBody(i)}`,
  }),
  'report-organisation': (i) => ({
    subject: `Compte-rendu du diagnostic en marchant, ${i.quartier} : ${i.organisation ?? ''} est concernée`,
    body: `Bonjour ${i.name},\n\nLe compte-rendu du diagnostic en marchant du quartier ${i.quartier} (${i.when}) est restitué. ${i.organisation ?? ''} y est concernée : un engagement ou une observation la concerne.\nLe compte-rendu : ${i.reportUrl ?? ''}\nVos engagements se suivent dans l’espace de gestion.${reportBody(i)}`,
  }),
};

const en: Record<NotificationKind, Template> = {
  confirmed: (i) => ({
    subject: `Registration confirmed: neighbourhood walk, ${i.quartier}`,
    body: `Hello ${i.name},\n\nYour registration for the neighbourhood walk in ${i.quartier} is confirmed.\nWhen: ${i.when}\nMeeting point: ${place(i.walk)}\n\nThe invitation is attached (.ics file) for your calendar.\nTo cancel: ${i.cancelUrl ?? ''}\n\nThank you for taking part.`,
  }),
  waitlisted: (i) => ({
    subject: `Waiting list: neighbourhood walk, ${i.quartier}`,
    body: `Hello ${i.name},\n\nThe neighbourhood walk in ${i.quartier} (${i.when}) is full: you are on the waiting list${i.position ? `, number ${i.position}` : ''}.\nWe will write if a seat becomes free.\nTo cancel: ${i.cancelUrl ?? ''}`,
  }),
  promoted: (i) => ({
    subject: `A seat is free: neighbourhood walk, ${i.quartier}`,
    body: `Hello ${i.name},\n\nA seat became free: your registration for the neighbourhood walk in ${i.quartier} is confirmed.\nWhen: ${i.when}\nMeeting point: ${place(i.walk)}\nTo cancel: ${i.cancelUrl ?? ''}`,
  }),
  'registration-cancelled': (i) => ({
    subject: `Registration cancelled: neighbourhood walk, ${i.quartier}`,
    body: `Hello ${i.name},\n\nAs you asked, the team organising the neighbourhood walk in ${i.quartier} (${i.when}) has cancelled your registration.\n\nIf you can come after all, you can sign up again while seats remain: ${i.walkUrl ?? ''}`,
  }),
  'registration-removed': (i) => ({
    subject: `Registration removed: neighbourhood walk, ${i.quartier}`,
    body: `Hello ${i.name},\n\nThe team organising the neighbourhood walk in ${i.quartier} (${i.when}) has removed your registration.\nReason: ${i.reason ?? ''}\n\nIf you think this is a mistake, contact the team: they can sign you up again.`,
  }),
  'walk-cancelled': (i) => ({
    subject: `Cancelled: neighbourhood walk, ${i.quartier}`,
    body: `Hello ${i.name},\n\nThe neighbourhood walk in ${i.quartier} planned ${i.when} is cancelled.\nReason: ${i.reason ?? ''}\n\nWe apologise.`,
  }),
  'walk-rescheduled': (i) => ({
    subject: `New date: neighbourhood walk, ${i.quartier}`,
    body: `Hello ${i.name},\n\nThe neighbourhood walk in ${i.quartier} has a new date: ${i.when}.\nMeeting point: ${place(i.walk)}\n${i.reason ? `Reason: ${i.reason}\n` : ''}\nThe updated invitation is attached.\nTo cancel: ${i.cancelUrl ?? ''}`,
  }),
  reminder: (i) => ({
    subject: `Reminder: neighbourhood walk ${i.day ? EN_DAY[i.day] : 'coming up'}, ${i.quartier}`,
    body: `Hello ${i.name},\n\nA reminder: the neighbourhood walk in ${i.quartier} takes place ${i.day ? `${EN_DAY[i.day]}, ` : ''}${i.when}.\nMeeting point: ${place(i.walk)}\nWear comfortable shoes.\nIf you can no longer come: ${i.cancelUrl ?? ''}`,
  }),
  'report-shared': (i) => ({
    subject: `Report of the neighbourhood walk, ${i.quartier}`,
    body: `Hello ${i.name},\n\nThank you for taking part in the neighbourhood walk in ${i.quartier}.\nThe report is available: ${i.reportUrl ?? ''}${reportBody(i)}`,
  }),
  'report-organisation': (i) => ({
    subject: `Report of the neighbourhood walk, ${i.quartier}: ${i.organisation ?? ''} is concerned`,
    body: `Hello ${i.name},\n\nThe report of the neighbourhood walk in ${i.quartier} (${i.when}) has been shared. ${i.organisation ?? ''} is concerned: a commitment or an observation is about it.\nThe report: ${i.reportUrl ?? ''}\nYour commitments are followed in the back office.${reportBody(i)}`,
  }),
};

export function renderNotification(kind: NotificationKind, locale: string, input: TemplateInput) {
  return (locale.toLowerCase().startsWith('en') ? en : fr)[kind](input);
}

export const templates = { fr, en };
