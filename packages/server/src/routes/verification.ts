// SPDX-License-Identifier: EUPL-1.2
/**
 * The « Est-ce réglé ? » page of emails (verification by the people who were there): GET shows the
 * question and three buttons, changing nothing; POST records the answer (one per person counts, a new
 * one replaces it). A link that is no participant's, or a done engagement reopened since, is a page
 * that says so, in the person's language — never a 500.
 */
import { EngagementId, findOrganisation, RESIDENT_ANSWERS, type ResidentAnswer } from '@gusp/core';
import type { Context } from 'hono';
import type { Env, RouteDeps } from '../http/context.js';
import { serverError, statusOf } from '../http/errors.js';
import { fileAnswer, route, type Route } from '../http/route.js';
import { verificationForm, verificationLang, verificationRefused, verificationThanks } from '../demo/verification-page.js';

const html = (description: string) => fileAnswer(description, 'text/html');

const FIELDS = {
  engagement: { description: 'The engagement’s id.', required: true },
  token: { description: 'The person’s token, from the link of their email.', required: true },
  lang: { description: '`en` for English; French otherwise (the link of an English speaker’s email says `en`).' },
} as const;

/** The routes of the page, mounted with the other pages (`/`). */
export function verificationRoutes(deps: RouteDeps): Route[] {
  const { gusp } = deps;
  const organisationOf = (id: string | undefined) => {
    const o = findOrganisation(gusp.city, id);
    return o ? (o.shortName ?? o.name) : undefined;
  };
  const refused = (c: Context<Env>, lang: 'fr' | 'en', code: string, message?: string) =>
    c.html(verificationRefused(lang, message ?? serverError(code, lang).message), statusOf(code));

  return [
    route(deps, {
      method: 'get',
      path: '/verification',
      summary: 'The « Est-ce réglé ? » page of emails: the question and three buttons (opening it answers nothing)',
      description:
        'Shows what was promised, the buttons Oui / En partie / Non (`button[data-answer]` in `form.gusp-verification`) and the answer this link gave, if any. A token that is no participant’s: 404 page (`engagement.verification-link-not-found`).',
      errors: 'html',
      query: FIELDS,
      responses: { 200: html('The page with its buttons.') },
      handler: async (c) => {
        const { engagement, token, lang: wanted } = c.req.query();
        const lang = verificationLang(wanted, c.get('locale'));
        if (!engagement || !token) return refused(c, lang, 'request.token-required');
        const found = await gusp.engagements.residentQuestion(engagement, token, { locale: lang });
        if (!found.ok) return refused(c, lang, found.error.code, found.error.message);
        const e = found.value.engagement;
        return c.html(verificationForm(lang, { engagement: e, by: organisationOf(e.organisationId), token, answer: found.value.answer }));
      },
    }),
    route(deps, {
      method: 'post',
      path: '/verification',
      summary: 'Records the answer of the « Est-ce réglé ? » page',
      description:
        'One answer per person counts: another replaces it, the same again changes nothing. Refused with a page: a token that is no participant’s (404), an engagement no longer done or verified (409 `engagement.not-awaiting-answers`), an answer that is not `yes`, `partly` or `no` (422).',
      errors: 'html',
      body: {
        content: {
          'application/x-www-form-urlencoded': {
            schema: {
              type: 'object',
              properties: {
                ...Object.fromEntries(Object.entries(FIELDS).map(([k, v]) => [k, { type: 'string', description: v.description }])),
                answer: { enum: [...RESIDENT_ANSWERS], description: 'Oui, En partie, Non.' },
              },
              required: ['engagement', 'token', 'answer'],
            },
          },
        },
      },
      responses: { 200: html('The answer recorded, with the buttons to change it.') },
      handler: async (c) => {
        const form = new URLSearchParams(await c.req.text());
        const [engagement, token, answer] = [form.get('engagement'), form.get('token'), form.get('answer')];
        const lang = verificationLang(form.get('lang') ?? undefined, c.get('locale'));
        if (!engagement || !token) return refused(c, lang, 'request.token-required');
        // A form's fields are not the query the app checks for NUL: an id the core would not write (`%00`) is no link's.
        if (!EngagementId.safeParse(engagement).success) return refused(c, lang, 'engagement.verification-link-not-found');
        const result = await gusp.engagements.answer(engagement, { token, answer: (answer ?? '') as ResidentAnswer }, { locale: lang });
        if (!result.ok) return refused(c, lang, result.error.code, result.error.message);
        const given = answer as ResidentAnswer;
        return c.html(
          verificationThanks(lang, { engagement: result.value, by: organisationOf(result.value.organisationId), token, answer: given }),
        );
      },
    }),
  ];
}
