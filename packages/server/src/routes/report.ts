// SPDX-License-Identifier: EUPL-1.2
/**
 * The compte-rendu of a walk (`/api/walks/:walkId/report*`, mounted by `walkRoutes`): drafted, edited
 * section by section, previewed by staff exactly as it will be shared, validated, shared — then
 * given back to everyone (notify/restitution.ts says who; the notifier writes the emails).
 */
import {
  EditReportInput,
  Report,
  reportToHTML,
  reportToMarkdown,
  ShareReportInput,
  ValidateReportInput,
  type WalkAggregate,
} from '@gusp/core';
import type { Context } from 'hono';
import { staffCommandOptions } from '../http/actor.js';
import type { Env, RouteDeps } from '../http/context.js';
import { SERVER_LOCALES, type ServerLocale } from '../http/messages.js';
import { fileAnswer, jsonAnswer, jsonRoute, route, type Route } from '../http/route.js';
import { restitutionCounts, restitutionOf, withoutEmailPage } from '../notify/restitution.js';
import { photoUrl } from '../photos.js';

/** The public page of a walk's compte-rendu (the emails link to it: notify/emails.ts). */
const reportPageUrl = (base: string, id: string) => `${base}/api/walks/${encodeURIComponent(id)}/report.html`;

const walkId = { walkId: { description: 'The walk’s id.' } };
const coordinators = { roles: ['coordinator'] } as const;
const staffReaders = { roles: ['coordinator', 'agent'] } as const;

const LANG_QUERY = {
  lang: { description: '`fr` or `en`: the language of the page when it is not the browser’s (the console passes its own).' },
} as const;

/** The banner of staff's preview, outside the report itself (the report is the page the public gets once shared). */
const PREVIEW_BANNER: Record<ServerLocale, string> = {
  fr: 'Aperçu réservé à l’équipe : ce compte-rendu n’est pas encore restitué. Une fois restitué, le public verra exactement cette page, sans ce bandeau.',
  en: 'Staff preview: this report is not shared yet. Once shared, the public sees exactly this page, without this banner.',
};

/** The JSON of `GET …/report/restitution` (and what the console shows once the report is shared). */
export interface RestitutionSummary {
  readonly status: Report['status'];
  /** Attendees and registrants who get (or got) the report by email. */
  readonly emailed: number;
  readonly organisations: number;
  readonly organisationAccounts: number;
  readonly byOrganisation: readonly { organisationId: string; name: string; accounts: number }[];
  /** People without an email: on the printable list. */
  readonly withoutEmail: number;
  readonly withoutEmailUrl: string;
  /** The public page (answers 404 until the report is shared). */
  readonly publicUrl: string;
}

export function reportRoutes(deps: RouteDeps): Route[] {
  const { gusp, refuse, origin, unwrap } = deps;
  const staffOptions = (c: Context<Env>, scope: string) => staffCommandOptions(c, deps, scope);
  const walkExists = async (c: Context<Env>, id: string) => void unwrap(await gusp.walks.get(id, { locale: c.get('locale') }));

  /** `?lang=` first (another value than `fr` or `en` is a localized 400), else the request's language. */
  const askedLocale = (c: Context<Env>): ServerLocale => {
    const lang = c.req.query('lang');
    if (lang === undefined) return c.get('locale');
    if (!(SERVER_LOCALES as readonly string[]).includes(lang)) refuse(c, 'request.invalid-query', { lang: lang.slice(0, 100) });
    c.set('locale', lang as ServerLocale);
    return lang as ServerLocale;
  };

  /** Whether the request is a coordinator's or an agent's (a token or a session); no refusal. */
  const isStaffReader = async (c: Context<Env>) => {
    const who = await deps.whoIs(c);
    return who !== undefined && (staffReaders.roles as readonly string[]).includes(who.role);
  };

  const restitution = async (agg: WalkAggregate) => {
    const [observations, engagements, accounts] = await Promise.all([
      gusp.observations.list(),
      gusp.engagements.list(),
      deps.options.staffAccounts?.listAccounts() ?? Promise.resolve([]),
    ]);
    return restitutionOf(gusp.city, agg, observations, engagements, accounts);
  };

  const render = (agg: WalkAggregate, report: Report, format: 'html' | 'md', locale: string, preview: boolean) => {
    const options = { locale, photoUrl: (id: string) => photoUrl(origin(), id) };
    return format === 'html'
      ? reportToHTML(report, agg.walk, gusp.city, {
          ...options,
          ...(preview ? { banner: PREVIEW_BANNER[locale as ServerLocale] ?? PREVIEW_BANNER.fr } : {}),
        })
      : reportToMarkdown(report, agg.walk, gusp.city, options);
  };

  return [
    // The compte-rendu: public once shared (it is anonymous by construction), staff before.
    route(deps, {
      method: 'get',
      path: '/:walkId/report',
      summary: 'The walk’s compte-rendu',
      access: { ...staffReaders, when: 'the compte-rendu is not shared yet' },
      params: walkId,
      responses: { 200: jsonAnswer('The compte-rendu.', Report) },
      handler: async (c) => {
        const id = c.req.param('walkId');
        const report = unwrap(await gusp.reports.get(id, { locale: c.get('locale') }));
        if (report.status !== 'shared') {
          // Anonymous: as if there were none. A session or a token: a coordinator or an agent, else 401/403.
          if ((await deps.whoIs(c)) === undefined && c.req.header('authorization') === undefined)
            return refuse(c, 'report.not-found', { walkId: id });
          await deps.staff(c, staffReaders.roles);
        }
        return c.json(report);
      },
    }),
    route(deps, {
      method: 'post',
      path: '/:walkId/report/draft',
      summary: 'Drafts the compte-rendu of a finished walk (again, while a draft: the edited texts and photos stay)',
      access: coordinators,
      idempotent: true,
      params: walkId,
      responses: { 200: jsonAnswer('The compte-rendu, a draft.', Report) },
      handler: async (c) => {
        const id = c.req.param('walkId');
        return c.json(unwrap(await gusp.reports.draft(id, await staffOptions(c, `report-draft:${id}`))));
      },
    }),
    jsonRoute(deps, {
      method: 'post',
      path: '/:walkId/report/edit',
      summary: 'Edits the draft’s texts (introduction, per stop, positive points, what comes next) and photos',
      description:
        'Each field given replaces the report’s (an empty text removes it); a field left out stays. `stops`: `[{ stopId, text }]`; `photos`: `[{ photoId, alt? }]`, photos of the walk’s observations only (`report.unknown-photo`); an unknown stop is `report.unknown-stop`. Only while a draft (409 `report.invalid-transition` after).',
      access: coordinators,
      idempotent: true,
      params: walkId,
      body: { schema: EditReportInput, invalid: (c) => walkExists(c, c.req.param('walkId')) },
      responses: { 200: jsonAnswer('The compte-rendu, edited.', Report) },
      handler: async (c, input) => {
        const id = c.req.param('walkId');
        return c.json(unwrap(await gusp.reports.edit(id, input, await staffOptions(c, `report-edit:${id}`))));
      },
    }),
    jsonRoute(deps, {
      method: 'post',
      path: '/:walkId/report/validate',
      summary: 'Validates the compte-rendu, optionally with the coordinator’s summary',
      access: coordinators,
      idempotent: true,
      params: walkId,
      body: { schema: ValidateReportInput, empty: {}, invalid: (c) => walkExists(c, c.req.param('walkId')) },
      responses: { 200: jsonAnswer('The compte-rendu, validated.', Report) },
      handler: async (c, input) => {
        const id = c.req.param('walkId');
        return c.json(unwrap(await gusp.reports.validate(id, input, await staffOptions(c, `report-validate:${id}`))));
      },
    }),
    jsonRoute(deps, {
      method: 'post',
      path: '/:walkId/report/share',
      summary: 'Shares the compte-rendu with everyone: the walk becomes `reported`',
      description:
        'The notifier then emails every attendee and registrant with an address (not those who cancelled, nor the erased) in their language, and the active staff accounts of the organisations concerned; `GET …/report/restitution` counts them.',
      access: coordinators,
      idempotent: true,
      params: walkId,
      body: { schema: ShareReportInput, empty: {}, invalid: (c) => walkExists(c, c.req.param('walkId')) },
      responses: { 200: jsonAnswer('The compte-rendu, shared.', Report) },
      handler: async (c, input) => {
        const id = c.req.param('walkId');
        return c.json(unwrap(await gusp.reports.share(id, input, await staffOptions(c, `report-share:${id}`))));
      },
    }),
    route(deps, {
      method: 'get',
      path: '/:walkId/report/restitution',
      summary: 'Who the compte-rendu reaches: how many by email, which organisations, how many without email',
      access: staffReaders,
      params: walkId,
      responses: { 200: jsonAnswer('The counts, and the printable list’s and the public page’s addresses.') },
      handler: async (c) => {
        const id = c.req.param('walkId');
        const agg = unwrap(await gusp.walks.get(id, { locale: c.get('locale') }));
        if (!agg.report) return refuse(c, 'report.not-found', { walkId: id });
        const counts = restitutionCounts(await restitution(agg));
        const summary: RestitutionSummary = {
          status: agg.report.status,
          ...counts,
          withoutEmailUrl: `${origin()}/api/walks/${encodeURIComponent(id)}/report/without-email.html`,
          publicUrl: reportPageUrl(origin(), id),
        };
        return c.json(summary);
      },
    }),
    route(deps, {
      method: 'get',
      path: '/:walkId/report/without-email.html',
      summary: 'The printable list of the people without an email, to hand the compte-rendu to or post it for (staff only)',
      access: staffReaders,
      params: walkId,
      query: LANG_QUERY,
      responses: { 200: fileAnswer('A printable page: names, phones and how to reach each person.', 'text/html') },
      handler: async (c) => {
        const locale = askedLocale(c);
        const id = c.req.param('walkId');
        const agg = unwrap(await gusp.walks.get(id, { locale }));
        if (!agg.report) return refuse(c, 'report.not-found', { walkId: id });
        c.header('Cache-Control', 'no-store');
        c.header('Content-Language', locale);
        return c.html(withoutEmailPage(gusp.city, agg, await restitution(agg), locale, reportPageUrl(origin(), id)));
      },
    }),
    // The compte-rendu as a standalone page or Markdown: the public's once shared, staff's preview before (the same renderer).
    ...(['html', 'md'] as const).map((format) =>
      route(deps, {
        method: 'get',
        path: `/:walkId/report.${format}`,
        summary: format === 'html' ? 'The compte-rendu as a standalone HTML page' : 'The compte-rendu as Markdown',
        description:
          'Anyone once shared (404 before); a coordinator or an agent (session or token) before, the same page with a preview banner outside the report (HTML; not printed).',
        access: { ...staffReaders, when: 'the compte-rendu is not shared yet' },
        params: walkId,
        query: LANG_QUERY,
        responses: {
          200: fileAnswer('The compte-rendu; 404 until it is shared, except to staff.', format === 'html' ? 'text/html' : 'text/markdown'),
        },
        handler: async (c) => {
          const locale = askedLocale(c);
          const id = c.req.param('walkId');
          const agg = unwrap(await gusp.walks.get(id, { locale }));
          const shared = agg.report?.status === 'shared';
          if (!agg.report || (!shared && !(await isStaffReader(c)))) return refuse(c, 'report.not-found', { walkId: id });
          if (!shared) c.header('Cache-Control', 'no-store');
          const body = render(agg, agg.report, format, locale, !shared);
          return format === 'html' ? c.html(body) : c.body(body, 200, { 'Content-Type': 'text/markdown; charset=utf-8' });
        },
      }),
    ),
  ];
}
