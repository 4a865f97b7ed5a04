// SPDX-License-Identifier: EUPL-1.2
/**
 * The page behind the « Est-ce réglé ? » link of emails: the question and three buttons in a form that
 * posts the answer (opening the link, a link preview or a mail scanner answers nothing). French, or
 * English for the person's language (`lang=en` in their link). Hooks for tests and journeys:
 * `form.gusp-verification` with `button[data-answer="yes|partly|no"]`, the current answer as
 * `[data-current-answer]`, and the result as `[role="status"][data-answered]`.
 */
import type { Engagement, ResidentAnswer } from '@gusp/core';

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

type Lang = 'fr' | 'en';

export const VERIFICATION_TEXTS = {
  fr: {
    title: 'Est-ce réglé ?',
    failed: 'Réponse impossible',
    intro: (title: string, by: string | undefined) =>
      `Lors du diagnostic en marchant, un engagement a été pris : « ${title} ». ${by ?? 'L’organisation responsable'} indique qu’il est réalisé.`,
    privacy: 'Votre réponse reste anonyme : seuls les totaux sont publiés. Vous pouvez la changer avec le même lien.',
    legend: 'Est-ce réglé ?',
    answers: { yes: 'Oui', partly: 'En partie', no: 'Non' } satisfies Record<ResidentAnswer, string>,
    current: (answer: string) => `Votre réponse actuelle : ${answer}.`,
    thanks: (answer: string) => `Merci, votre réponse « ${answer} » est enregistrée. La coordination de la Ville la verra.`,
    change: 'Changer ma réponse',
  },
  en: {
    title: 'Is it settled?',
    failed: 'Cannot answer',
    intro: (title: string, by: string | undefined) =>
      `During the neighbourhood walk, a commitment was made: “${title}”. ${by ?? 'The organisation in charge'} says it is done.`,
    privacy: 'Your answer stays anonymous: only the totals are published. You can change it with the same link.',
    legend: 'Is it settled?',
    answers: { yes: 'Yes', partly: 'Partly', no: 'No' } satisfies Record<ResidentAnswer, string>,
    current: (answer: string) => `Your current answer: ${answer}.`,
    thanks: (answer: string) => `Thank you, your answer “${answer}” is recorded. The city’s coordination will see it.`,
    change: 'Change my answer',
  },
} as const;

/** The page's language: `lang` when it says English or French, else the request's. */
export const verificationLang = (lang: string | undefined, fallback: string): Lang =>
  (lang ?? fallback).toLowerCase().startsWith('en') ? 'en' : 'fr';

const page = (lang: Lang, title: string, content: string) => `<!doctype html>
<html lang="${lang}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(title)}</title>
<style>body{font:1rem/1.5 system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}fieldset{border:0;padding:0;margin:1rem 0;display:flex;flex-wrap:wrap;gap:.75rem}legend{font-weight:600;margin-bottom:.5rem}button{font:inherit;min-height:2.75rem;padding:.5rem 1.25rem;border:2px solid #00507a;border-radius:.25rem;background:#fff;color:#00507a;cursor:pointer}button[aria-pressed="true"]{background:#00507a;color:#fff}button:focus-visible{outline:3px solid #b34700;outline-offset:2px}</style></head>
<body><main><h1>${escape(title)}</h1>${content}</main></body>
</html>
`;

export interface VerificationView {
  readonly engagement: Pick<Engagement, 'id' | 'title' | 'status'>;
  /** Who did the work, in words (the organisation's short name). */
  readonly by?: string | undefined;
  readonly token: string;
  /** The answer this person gave since the engagement was last completed, if any. */
  readonly answer?: ResidentAnswer | undefined;
}

function answerForm(lang: Lang, view: VerificationView): string {
  const t = VERIFICATION_TEXTS[lang];
  const hidden = (name: string, value: string) => `<input type="hidden" name="${name}" value="${escape(value)}">`;
  const button = (answer: ResidentAnswer) =>
    `<button type="submit" name="answer" value="${answer}" data-answer="${answer}" aria-pressed="${view.answer === answer}">${escape(t.answers[answer])}</button>`;
  return `<form method="post" action="/verification" class="gusp-verification">${hidden('engagement', view.engagement.id)}${hidden('token', view.token)}${hidden('lang', lang)}
<fieldset><legend>${escape(t.legend)}</legend>${button('yes')}${button('partly')}${button('no')}</fieldset></form>`;
}

/** The question: what was promised, the three buttons, the current answer if any. Answers nothing. */
export function verificationForm(lang: Lang, view: VerificationView): string {
  const t = VERIFICATION_TEXTS[lang];
  const current = view.answer ? `<p data-current-answer="${view.answer}">${escape(t.current(t.answers[view.answer]))}</p>` : '';
  return page(
    lang,
    t.title,
    `<p>${escape(t.intro(view.engagement.title, view.by))}</p>${current}${answerForm(lang, view)}<p>${escape(t.privacy)}</p>`,
  );
}

/** The answer recorded: thanks, and the same buttons to change it. */
export function verificationThanks(lang: Lang, view: VerificationView & { readonly answer: ResidentAnswer }): string {
  const t = VERIFICATION_TEXTS[lang];
  return page(
    lang,
    t.title,
    `<p role="status" data-answered="${view.answer}">${escape(t.thanks(t.answers[view.answer]))}</p><h2>${escape(t.change)}</h2>${answerForm(lang, view)}<p>${escape(t.privacy)}</p>`,
  );
}

/** A refusal (a link that is no one's, an engagement no longer awaiting answers), in words. */
export function verificationRefused(lang: Lang, message: string): string {
  return page(lang, VERIFICATION_TEXTS[lang].failed, `<p role="status" data-refused>${escape(message)}</p>`);
}
