// SPDX-License-Identifier: EUPL-1.2
/**
 * The printable sheet for the day of a walk: the route (meeting point and time, the stops in
 * order) and the attendance sheet (« feuille d'émargement »: name, role, a box to sign), with
 * people reachable only by phone marked, the waiting list apart, and blank lines for whoever turns
 * up. One standalone HTML5 page like the compte-rendu's: no script, nothing external, escaped
 * text, an `@media print` stylesheet (A4, the table head repeated on each page, rows never cut).
 *
 * It carries names: it is for staff, printed for the day, never a public page. Contacts and
 * needs (health-related) stay off it; the needs are summed up in the header, in counts.
 */
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { enGB } from 'date-fns/locale/en-GB';
import { fr } from 'date-fns/locale/fr';
import type { CityProfile } from '../city/city-profile.js';
import { findOrganisation, findQuartier, localName } from '../city/lookup.js';
import { instant, toZonedISO } from '../dates.js';
import { escapeHtml } from '../export/report-html.js';
import { labelIn } from '../i18n.js';
import { FIELD_MESSAGES, ICAL_MESSAGES, REGISTRATION_MESSAGES, ROLE_MESSAGES, WALK_MESSAGES } from '../locales/messages.js';
import type { Registration } from '../registration/registration.js';
import { needsSummary } from '../views/needs-summary.js';
import { routeSvg } from './route-svg.js';
import type { Walk } from './walk.js';

export interface DaySheetOptions {
  /** Language of the page; the city's by default (`fr`, or `en`). */
  readonly locale?: string;
  /** When the sheet is printed (its footer says so); now by default. */
  readonly now?: Date;
  /** Blank lines for people who turn up without registering; 5 by default, 0 for none. */
  readonly blankRows?: number;
}

/** Someone who gave a phone number and no email: told by phone (the report on paper), so marked on the sheet. */
export const isPhoneOnly = (r: Registration): boolean => (r.phone ?? '').trim() !== '' && (r.email ?? '').trim() === '';

const DOMAINS = [WALK_MESSAGES, REGISTRATION_MESSAGES, ROLE_MESSAGES, ICAL_MESSAGES, FIELD_MESSAGES];

const STYLE = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 60rem; padding: 1.5rem; font: 1rem/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: #1a1a1a; background: #fff; }
header { border-bottom: 3px solid #1a4f8b; margin-bottom: 1.25rem; }
.city { margin: 0; font-weight: 600; color: #1a4f8b; text-transform: uppercase; letter-spacing: .05em; }
h1 { font-size: 1.6rem; line-height: 1.25; margin: .25rem 0 .75rem; }
h2 { font-size: 1.25rem; margin: 1.75rem 0 .5rem; color: #1a4f8b; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; margin: 0 0 1rem; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; }
ol.route { padding-left: 1.5rem; }
ol.route li { margin-bottom: .35rem; }
.description { color: #4a4a4a; }
figure.map { margin: 1rem 0; }
figure.map svg { display: block; width: 100%; max-width: 36rem; height: auto; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; table-layout: fixed; }
/* The heading above says it: the caption names the table for screen readers only. */
caption { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
th, td { border: 1px solid #6a6a6a; padding: .35rem .5rem; text-align: left; vertical-align: middle; }
thead th { background: #e8eef6; }
.num { width: 4.5rem; text-align: right; font-variant-numeric: tabular-nums; }
.name { width: 40%; }
.sign { width: 30%; }
tbody tr { height: 2.6rem; }
.tag { display: inline-block; margin-left: .4rem; padding: 0 .35rem; border: 1px solid #1a1a1a; border-radius: .2rem; font-size: .8rem; font-weight: 600; white-space: nowrap; }
.note { color: #4a4a4a; font-size: .9rem; }
footer { margin-top: 2rem; border-top: 1px solid #8a8a8a; color: #4a4a4a; font-size: .9rem; }
@page { size: A4; margin: 14mm 12mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  header { border-bottom-color: #000; }
  h1, h2, .city { color: #000; }
  h2 { break-after: avoid; page-break-after: avoid; }
  section.attendance { break-before: page; page-break-before: always; }
  thead { display: table-header-group; }
  tr, ol.route li, figure.map { break-inside: avoid; page-break-inside: avoid; }
  figure.map svg { max-height: 11cm; }
  tbody tr { height: 1.1cm; }
  thead th { background: none; }
}
`;

/**
 * The sheet for the day of `walk` as a standalone, printable HTML5 page, from its registrations
 * (in sign-up order, as the fold keeps them): the route, then the attendance sheet of confirmed and
 * checked-in people (alphabetical), the waiting list in its order, and blank lines for walk-ins.
 */
export function daySheetToHTML(
  walk: Walk,
  registrations: readonly Registration[],
  city: CityProfile,
  options: DaySheetOptions = {},
): string {
  const locale = options.locale ?? city.locale;
  const lang = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(locale) ? locale : 'fr';
  const t = (key: string) => labelIn(DOMAINS, key, locale);
  const e = escapeHtml;
  const colon = t('format.colon');
  const dfLocale = lang.toLowerCase().startsWith('en') ? enGB : fr;
  const tz = city.timezone;
  const start = new TZDate(instant(walk.startsAt), tz);
  const end = new TZDate(instant(walk.startsAt) + walk.durationMinutes * 60_000, tz);
  const time = (d: Date) => format(d, 'HH:mm', { locale: dfLocale });
  const day = format(start, 'EEEE d MMMM yyyy', { locale: dfLocale });
  const quartier = findQuartier(city, walk.quartierId);
  const quartierName = quartier ? localName(quartier, locale) : walk.quartierId;
  const heading = walk.title ?? `${t('daySheet.walk')} – ${quartierName}`;
  const collator = new Intl.Collator(lang, { sensitivity: 'base', numeric: true });

  const listed = registrations.filter((r) => !r.anonymised && r.name.trim() !== '');
  const seated = listed.filter((r) => r.status === 'confirmed' || r.status === 'attended').sort((a, b) => collator.compare(a.name, b.name));
  const waiting = listed.filter((r) => r.status === 'waitlisted');
  const needs = needsSummary(registrations, { locale });

  const role = (r: Registration) => {
    const organisation = r.organisationId ? findOrganisation(city, r.organisationId) : undefined;
    const name = t(`role.${r.role}`);
    return organisation ? `${name} – ${localName(organisation, locale)}` : name;
  };
  const tags = (r: Registration) =>
    [
      isPhoneOnly(r) ? `<span class="tag">${e(t('daySheet.phoneOnly'))}</span>` : '',
      r.channel === 'walk-in' ? `<span class="tag">${e(t('daySheet.walkIn'))}</span>` : '',
      r.status === 'attended' ? `<span class="tag">${e(t('daySheet.checkedIn'))}</span>` : '',
    ].join('');
  const head = (first: string) =>
    `<thead><tr><th scope="col" class="num">${e(first)}</th><th scope="col" class="name">${e(t('daySheet.name'))}</th><th scope="col">${e(
      t('daySheet.role'),
    )}</th><th scope="col" class="sign">${e(t('daySheet.signature'))}</th></tr></thead>`;
  const row = (n: number, r: Registration) =>
    `<tr><td class="num">${n}</td><th scope="row">${e(r.name)}${tags(r)}</th><td>${e(role(r))}</td><td></td></tr>`;
  const blank = (n: number) => `<tr><td class="num">${n}</td><td></td><td></td><td></td></tr>`;
  const table = (caption: string, first: string, rows: readonly string[]) =>
    `<table>\n<caption>${e(caption)}</caption>\n${head(first)}\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table>`;

  const meeting = walk.meetingPoint ?? walk.stops[0];
  const facts: [string, string][] = [
    [t('report.quartier'), e(quartierName)],
    [t('daySheet.date'), `<time datetime="${e(walk.startsAt)}">${e(day)}</time>`],
    [t('daySheet.time'), `${e(time(start))} – ${e(time(end))}`],
    ...(meeting ? ([[t('report.meetingPoint'), `${e(meeting.label)}, ${e(time(start))}`]] as [string, string][]) : []),
    [t('daySheet.registered'), `${seated.length}${waiting.length > 0 ? ` + ${waiting.length} ${e(t('daySheet.waitingCount'))}` : ''}`],
    [t('daySheet.needs'), e(needs.text)],
  ];

  const stops = walk.stops.map((s, i) => {
    const first = i === 0 && meeting && meeting.label === s.label ? ` – ${e(t('report.meetingPoint'))}, ${e(time(start))}` : '';
    const description = s.description?.trim() ? `<br>\n<span class="description">${e(s.description.trim())}</span>` : '';
    return `<li><strong>${e(s.label)}</strong>${first}${description}</li>`;
  });
  const route = stops.length > 0 ? `<ol class="route">\n${stops.join('\n')}\n</ol>` : `<p>${e(t('daySheet.noRoute'))}</p>`;
  const boundaryNote = quartier?.boundary ? t(quartier.approximate ? 'daySheet.mapApproximate' : 'daySheet.mapBoundary') : '';
  const mapNote = [t('daySheet.mapNote'), boundaryNote].filter((n) => n !== '').join(' ');
  // The caption says in words what the drawing shows; the SVG's own name says which map it is.
  const svg = routeSvg(walk, quartier, { title: `${t('daySheet.map')} – ${quartierName}`, id: 'route-map' });
  const map = svg ? `<figure class="map">\n${svg}\n<figcaption class="note">${e(mapNote)}</figcaption>\n</figure>` : '';

  const blankRows = Math.max(0, Math.min(50, Math.floor(options.blankRows ?? 5)));
  const attendanceRows = seated.map((r, i) => row(i + 1, r));
  const attendance =
    attendanceRows.length > 0 ? table(t('daySheet.attendance'), t('daySheet.number'), attendanceRows) : `<p>${e(t('daySheet.nobody'))}</p>`;
  const waitlist =
    waiting.length > 0
      ? `<section aria-labelledby="waitlist">\n<h2 id="waitlist">${e(t('daySheet.waitlist'))}</h2>\n<p class="note">${e(
          t('daySheet.waitlistNote'),
        )}</p>\n${table(
          t('daySheet.waitlist'),
          t('daySheet.position'),
          waiting.map((r, i) => row(i + 1, r)),
        )}\n</section>`
      : '';
  const walkIns =
    blankRows > 0
      ? `<section aria-labelledby="walk-ins">\n<h2 id="walk-ins">${e(t('daySheet.walkIns'))}</h2>\n${table(
          t('daySheet.walkIns'),
          t('daySheet.number'),
          Array.from({ length: blankRows }, (_, i) => blank(seated.length + i + 1)),
        )}\n</section>`
      : '';
  const now = options.now ?? new Date();
  const printed = new TZDate(now.getTime(), tz);
  const printedAt = format(printed, 'd MMMM yyyy, HH:mm', { locale: dfLocale });

  return `<!doctype html>
<html lang="${e(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="GUSP">
<meta name="robots" content="noindex">
<title>${e(`${t('daySheet.title')} – ${heading}, ${day}`)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<p class="city">${e(city.name)}</p>
<h1>${e(heading)}</h1>
<dl class="facts">
${facts.map(([term, value]) => `<dt>${e(term)}</dt><dd>${value}</dd>`).join('\n')}
</dl>
</header>
<main>
<section aria-labelledby="route">
<h2 id="route">${e(t('daySheet.route'))}</h2>
${route}${map ? `\n${map}` : ''}
</section>
<section class="attendance" aria-labelledby="attendance">
<h2 id="attendance">${e(t('daySheet.attendance'))}</h2>
<p class="note">${e(t('daySheet.legend'))}</p>
${attendance}
</section>
${[waitlist, walkIns].filter((s) => s !== '').join('\n')}
</main>
<footer>
<p>${e(t('daySheet.privacy'))}</p>
<p>${e(t('daySheet.printedAt'))}${e(colon)}<time datetime="${e(toZonedISO(now, tz))}">${e(printedAt)}</time></p>
</footer>
</body>
</html>
`;
}
