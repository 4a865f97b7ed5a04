// SPDX-License-Identifier: EUPL-1.2
/**
 * « Est-ce réglé ? »: when an engagement of a walk is done (`EngagementCompleted`), each participant of
 * the walk who gave an email (the core's `verificationParticipants`) gets one email in their language
 * with their personal link to the verification page (`/verification`). Through the outbox like every
 * email: written once per completion and person (dedup key), kept until the SMTP server takes it.
 */
import {
  findOrganisation,
  residentVerificationToken,
  verificationParticipants,
  type Engagement,
  type Gusp,
  type WalkAggregate,
} from '@gusp/core';
import { neverEmailed, type EmailContext, type PendingEmail, type WalkEvent } from './emails.js';

/** The outbox's kind of these emails. */
export const VERIFICATION_KIND = 'verification-asked' as const;

/** The verification page of one person's link (`lang` only when it is not French, the page's default). */
export function verificationUrl(publicUrl: string, engagementId: string, token: string, locale: string): string {
  const lang = locale.toLowerCase().startsWith('en') ? '&lang=en' : '';
  return `${publicUrl}/verification?engagement=${encodeURIComponent(engagementId)}&token=${encodeURIComponent(token)}${lang}`;
}

interface QuestionText {
  readonly name: string;
  readonly title: string;
  readonly quartier: string;
  readonly when: string;
  readonly organisation: string | undefined;
  readonly url: string;
}

const TEXTS = {
  fr: (t: QuestionText) => ({
    subject: `Est-ce réglé ? ${t.title}`,
    body: `Bonjour ${t.name},\n\nLors du diagnostic en marchant du quartier ${t.quartier} (${t.when}), un engagement a été pris : « ${t.title} ».\n${t.organisation ? `${t.organisation} indique` : 'L’organisation responsable indique'} qu’il est réalisé.\n\nEst-ce réglé ? Répondez Oui, En partie ou Non sur cette page (ouvrir le lien ne répond rien à votre place) :\n${t.url}\n\nVotre réponse reste anonyme : seuls les totaux sont publiés. Vous pourrez la changer avec le même lien. La coordination de la Ville vérifie l’engagement avec vos réponses, ou le fait reprendre.\n\nMerci de votre participation.`,
  }),
  en: (t: QuestionText) => ({
    subject: `Is it settled? ${t.title}`,
    body: `Hello ${t.name},\n\nDuring the neighbourhood walk in ${t.quartier} (${t.when}), a commitment was made: “${t.title}”.\n${t.organisation ?? 'The organisation in charge'} says it is done.\n\nIs it settled? Answer Yes, Partly or No on this page (opening the link answers nothing for you):\n${t.url}\n\nYour answer stays anonymous: only the totals are published. You can change it with the same link. The city’s coordination verifies the commitment with your answers, or has the work resumed.\n\nThank you for taking part.`,
  }),
};

/** The subject and text of the question, in French or English. */
export function renderVerificationQuestion(locale: string, text: QuestionText): { subject: string; body: string } {
  return (locale.toLowerCase().startsWith('en') ? TEXTS.en : TEXTS.fr)(text);
}

/**
 * The emails an engagement's completion calls for: one per participant of its walk with an email, in their
 * language; none for an engagement of no walk, or a walk whose personal data is gone.
 */
export function verificationEmails(
  ctx: EmailContext,
  event: WalkEvent,
  engagement: Engagement | undefined,
  agg: WalkAggregate | undefined,
): PendingEmail[] {
  if (!engagement || !agg || event.type !== 'EngagementCompleted') return [];
  const { city, publicUrl } = ctx;
  const organisation = findOrganisation(city, engagement.organisationId);
  const quartier = city.quartiers.find((q) => q.id === agg.walk.quartierId)?.name ?? agg.walk.quartierId;
  return verificationParticipants(agg.registrations).flatMap((r) => {
    const email = r.email ?? '';
    if (neverEmailed(email)) return [];
    const locale = r.locale || city.locale;
    const when = new Intl.DateTimeFormat(locale.startsWith('en') ? 'en-GB' : 'fr-FR', {
      dateStyle: 'long',
      timeZone: city.timezone,
    }).format(new Date(agg.walk.startsAt));
    const url = verificationUrl(publicUrl, engagement.id, residentVerificationToken(engagement.id, r), locale);
    const { subject, body } = renderVerificationQuestion(locale, {
      name: r.name,
      title: engagement.title,
      quartier,
      when,
      organisation: organisation ? (organisation.shortName ?? organisation.name) : undefined,
      url,
    });
    return [{ dedupKey: `${Number(event.position)}:verify:${r.id}`, kind: VERIFICATION_KIND, recipient: email, locale, subject, body }];
  });
}

/** {@linkcode verificationEmails} of a journal row of an engagement's stream, reading the engagement and its walk as they are now. */
export async function verificationEmailsOf(gusp: Gusp, ctx: EmailContext, event: WalkEvent & { readonly stream: string }) {
  if (event.type !== 'EngagementCompleted') return [];
  const engagement = await gusp.engagements.get(event.stream.slice('engagement-'.length));
  if (!engagement.ok || engagement.value.walkId === undefined) return [];
  const agg = await gusp.walks.get(engagement.value.walkId);
  return verificationEmails(ctx, event, engagement.value, agg.ok ? agg.value : undefined);
}
