// SPDX-License-Identifier: EUPL-1.2
/**
 * A concerted project's public page ({@linkcode ProjectPage}) as one standalone HTML5 page: no
 * script, no external resource, one `<h1>`, sections with headings, lists, dates in `<time>`, the
 * current phase said in words (« Nous en sommes là ») and marked `aria-current`, never by colour
 * only; printable. For a city's or landlord's site that cannot run `<gusp-project>`.
 */
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { enGB } from 'date-fns/locale/en-GB';
import { fr } from 'date-fns/locale/fr';
import type { CityProfile } from '../city/city-profile.js';
import { instant } from '../dates.js';
import { labelIn } from '../i18n.js';
import { ENGAGEMENT_MESSAGES, FIELD_MESSAGES } from '../locales/messages.js';
import { PROJECT_MESSAGES } from '../project/project.messages.js';
import type { ProjectPage } from '../views/project-page.js';
import type { WorkshopSummary } from '../views/workshop-summary.js';
import { escapeHtml } from './report-html.js';

export interface ProjectHTMLOptions {
  /** Language of the page; the city's by default. */
  readonly locale?: string | undefined;
  /** Where a workshop's page (and its sign-up form) is: each upcoming workshop links to it. */
  readonly workshopUrl?: ((workshopId: string) => string) | undefined;
}

const STYLE = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 52rem; padding: 1.5rem; font: 1rem/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: #1a1a1a; background: #fff; }
header { border-bottom: 3px solid #1a4f8b; margin-bottom: 1.5rem; }
.city { margin: 0; font-weight: 600; color: #1a4f8b; text-transform: uppercase; letter-spacing: .05em; }
h1 { font-size: 1.75rem; line-height: 1.25; margin: .25rem 0 .25rem; }
h2 { font-size: 1.3rem; margin: 2rem 0 .75rem; color: #1a4f8b; }
h3 { font-size: 1.05rem; margin: 0 0 .25rem; }
.kind { margin: 0 0 1rem; color: #4a4a4a; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; margin: 0 0 1rem; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; }
.notice { padding: .5rem .75rem; border: 2px solid #8a4b00; color: #5c3200; background: #fff6e5; }
ol.phases, ul.items { padding-left: 1.25rem; }
ol.phases li, ul.items li { margin-bottom: .75rem; }
ol.phases li.current { border-left: 4px solid #1a4f8b; padding-left: .5rem; margin-left: -.75rem; }
.here { font-weight: 700; }
.meta { margin: 0; color: #4a4a4a; }
footer { margin-top: 2rem; border-top: 1px solid #8a8a8a; color: #4a4a4a; font-size: .9rem; }
@page { size: A4; margin: 18mm 16mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  h1, h2, .city { color: #000; }
  h2 { break-after: avoid; page-break-after: avoid; }
  li { break-inside: avoid; page-break-inside: avoid; }
}
`;

/** The project page as a standalone, accessible and printable HTML5 page. No personal data: the page has none. */
export function projectPageToHTML(page: ProjectPage, city: CityProfile, options: ProjectHTMLOptions = {}): string {
  const locale = options.locale ?? city.locale;
  const lang = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(locale) ? locale : 'fr';
  const t = (key: string) => labelIn([PROJECT_MESSAGES, ENGAGEMENT_MESSAGES, FIELD_MESSAGES], key, locale);
  const colon = t('format.colon');
  const tz = city.timezone;
  const dfLocale = lang.toLowerCase().startsWith('en') ? enGB : fr;
  const e = escapeHtml;
  const day = (d: string): string => {
    const [y, m, dd] = d.split('-').map(Number);
    const date = new TZDate(y ?? 1970, (m ?? 1) - 1, dd ?? 1, 12, 0, 0, tz);
    return `<time datetime="${e(d)}">${e(format(date, 'd MMMM yyyy', { locale: dfLocale }))}</time>`;
  };
  const when = (iso: string): string =>
    `<time datetime="${e(iso)}">${e(format(new TZDate(instant(iso), tz), lang.startsWith('en') ? 'EEEE d MMMM yyyy, HH:mm' : "EEEE d MMMM yyyy 'à' HH'h'mm", { locale: dfLocale }))}</time>`;
  const p = page.project;

  const facts: [string, string][] = [
    [t('projectPage.where'), `${e(p.site.label)}${p.site.address ? `, ${e(p.site.address)}` : ''}`],
    [t('projectPage.quartier'), e(page.quartierName)],
    [t('projectPage.landlord'), e(page.landlord.name)],
  ];
  if (page.partners.length > 0) facts.push([t('projectPage.partners'), e(page.partners.map((o) => o.name).join(', '))]);
  facts.push([t('projectPage.status'), e(t(`project.status.${p.status}`))]);
  const notice =
    p.status === 'suspended' || p.status === 'abandoned'
      ? `<p class="notice" role="note"><strong>${e(t(`projectPage.${p.status}`))}</strong>${p.reason ? `${e(colon)}${e(p.reason)}` : ''}</p>\n`
      : '';

  const phaseDates = (ph: ProjectPage['phases'][number]): string => {
    const start = ph.actualStart ?? ph.plannedStart;
    const end = ph.actualEnd ?? ph.plannedEnd;
    const planned = (ph.actualStart === undefined && start !== undefined) || (ph.actualEnd === undefined && end !== undefined);
    if (!start && !end) return e(t('projectPage.notDated'));
    const range =
      start && end
        ? `${e(t('projectPage.from'))} ${day(start)} ${e(t('projectPage.to'))} ${day(end)}`
        : start
          ? `${e(t('projectPage.since'))} ${day(start)}`
          : `${e(t('projectPage.to'))} ${day(end as string)}`;
    return `${range}${planned ? ` (${e(t('projectPage.planned'))})` : ''}`;
  };
  const phases = page.phases
    .map(
      (ph) =>
        `<li${ph.current ? ' class="current" aria-current="step"' : ''}><strong>${e(t(`project.phase.${ph.kind}`))}</strong>${
          ph.current ? ` — <span class="here">${e(t('projectPage.current'))}</span>` : ''
        }<br>\n${phaseDates(ph)}${ph.note ? `<br>\n${e(ph.note)}` : ''}</li>`,
    )
    .join('\n');

  const workshop = (w: WorkshopSummary, upcoming: boolean): string => {
    const ws = w.workshop;
    const place = ws.place ? ` · ${e(ws.place.label)}` : '';
    const seats = upcoming
      ? w.seatsLeft > 0
        ? `${w.seatsLeft} ${e(t('projectPage.seatsLeft'))}`
        : `${e(t('projectPage.full'))}${w.waitlisted > 0 ? ` (${w.waitlisted} ${e(t('projectPage.waitlist'))})` : ''}`
      : `${w.attended} ${e(t('projectPage.attended'))}`;
    const url = upcoming ? options.workshopUrl?.(ws.id) : undefined;
    const title = url ? `<a href="${e(url)}">${e(ws.title)}</a>` : e(ws.title);
    return `<li><h3>${title}</h3>\n<p class="meta">${e(t(`workshop.kind.${ws.kind}`))} · ${when(ws.startsAt)}${place}</p>\n<p class="meta">${
      upcoming ? `${e(t(`workshop.status.${w.status}`))} · ` : ''
    }${seats}</p>${ws.description ? `\n<p>${e(ws.description)}</p>` : ''}</li>`;
  };
  const list = (items: string[], empty: string) =>
    items.length > 0 ? `<ul class="items">\n${items.join('\n')}\n</ul>` : `<p>${e(empty)}</p>`;

  const decisions = page.contributions.map(
    (c) =>
      `<li><strong>${e(t(`contribution.outcome.${c.outcome}`))}</strong>${e(colon)}${e(c.text)}${
        c.workshopTitle ? `<br>\n<span class="meta">${e(c.workshopTitle)}</span>` : ''
      }${c.outcomeReason ? `<br>\n${e(t('projectPage.reason'))}${e(colon)}${e(c.outcomeReason)}` : ''}</li>`,
  );
  const engagements = page.engagements.map(
    (g) =>
      `<li><strong>${e(g.title)}</strong><br>\n<span class="meta">${[
        g.organisation ? e(g.organisation.name) : undefined,
        e(t(`engagement.status.${g.status}`)),
        g.dueOn ? `${e(t('projectPage.dueOn'))} ${day(g.dueOn)}` : undefined,
        g.progress > 0 ? `${e(t('projectPage.progress'))} ${g.progress}${e(t('format.percent'))}` : undefined,
      ]
        .filter(Boolean)
        .join(' · ')}</span></li>`,
  );
  const section = (id: string, heading: string, body: string) =>
    `<section aria-labelledby="${id}">\n<h2 id="${id}">${e(heading)}</h2>\n${body}\n</section>`;

  return `<!doctype html>
<html lang="${e(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="GUSP">
<title>${e(p.title)} – ${e(city.name)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<p class="city">${e(city.name)}</p>
<h1>${e(p.title)}</h1>
<p class="kind">${e(t(`project.kind.${p.kind}`))}</p>
<dl class="facts">
${facts.map(([term, value]) => `<dt>${e(term)}</dt><dd>${value}</dd>`).join('\n')}
</dl>
${notice}</header>
<main>
${
  p.description.trim()
    ? `${p.description
        .trim()
        .split(/\n\s*\n/)
        .map((para) => `<p>${e(para.trim())}</p>`)
        .join('\n')}\n`
    : ''
}${section('phases', t('projectPage.phases'), `<ol class="phases">\n${phases}\n</ol>`)}
${section(
  'upcoming',
  t('projectPage.upcoming'),
  list(
    page.upcomingWorkshops.map((w) => workshop(w, true)),
    t('projectPage.noUpcoming'),
  ),
)}
${section(
  'past',
  t('projectPage.past'),
  list(
    page.pastWorkshops.map((w) => workshop(w, false)),
    t('projectPage.noPast'),
  ),
)}
${section('decisions', t('projectPage.decisions'), list(decisions, t('projectPage.noDecisions')))}
${section('engagements', t('projectPage.engagements'), list(engagements, t('projectPage.noEngagements')))}
</main>
<footer>
<p>${e(t('projectPage.motto'))}</p>
</footer>
</body>
</html>
`;
}
