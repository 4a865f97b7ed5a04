// SPDX-License-Identifier: EUPL-1.2
/**
 * A walk's own page, `/marches/{walkId}`: what the events of the calendars
 * link to (their `URL`), so a person who taps the link in their agenda lands
 * on a page and not on JSON. Written on the server (it reads without
 * JavaScript): the date in words, the meeting point, the route, the seats,
 * a cancellation and its reason; then `<gusp-walk-signup>` to sign up, and
 * the calendar links. French first; English for `Accept-Language: en`.
 */
import type { CityProfile, WalkCalendarLinks, WalkSummary } from '@gusp/core';
import { jsonBlock } from './page.js';

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const TEXTS = {
  fr: {
    lang: 'fr',
    dateLocale: 'fr-FR',
    walk: 'Diagnostic en marchant',
    quartier: 'Quartier',
    when: 'Quand',
    from: (start: string, end: string) => `de ${start} à ${end}`,
    meetingPoint: 'Rendez-vous',
    seats: 'Places',
    seatsLeft: (left: number, capacity: number) =>
      left <= 0
        ? `Complet (${capacity} places)\u00a0: liste d’attente`
        : `${left} place${left > 1 ? 's' : ''} libre${left > 1 ? 's' : ''} sur ${capacity}`,
    route: 'Parcours',
    cancelled: 'Ce diagnostic en marchant est annulé.',
    reason: 'Motif\u00a0:',
    moved: 'Ce diagnostic a été déplacé\u00a0: la date ci-dessus est la nouvelle.',
    signup: 'Inscription',
    calendar: 'Dans votre agenda',
    addEvent: 'Ajouter ce diagnostic à mon agenda',
    subscribe: (quartier: string) => `S’abonner aux diagnostics du quartier ${quartier}`,
    subscribeHelp: 'Votre agenda ajoutera les prochains diagnostics et suivra leurs changements.',
    feedAddress: 'adresse du calendrier, pour la coller dans un agenda',
    report: 'Lire le compte-rendu',
    all: 'Tous les diagnostics en marchant',
  },
  en: {
    lang: 'en',
    dateLocale: 'en-GB',
    walk: 'Neighbourhood walk',
    quartier: 'Neighbourhood',
    when: 'When',
    from: (start: string, end: string) => `from ${start} to ${end}`,
    meetingPoint: 'Meeting point',
    seats: 'Seats',
    seatsLeft: (left: number, capacity: number) =>
      left <= 0 ? `Full (${capacity} seats): waiting list` : `${left} seat${left > 1 ? 's' : ''} left of ${capacity}`,
    route: 'Route',
    cancelled: 'This neighbourhood walk is cancelled.',
    reason: 'Reason:',
    moved: 'This walk has been moved: the date above is the new one.',
    signup: 'Sign up',
    calendar: 'In your calendar',
    addEvent: 'Add this walk to my calendar',
    subscribe: (quartier: string) => `Subscribe to the walks of ${quartier}`,
    subscribeHelp: 'Your calendar will add the next walks and follow their changes.',
    feedAddress: 'the calendar’s address, to paste into a calendar app',
    report: 'Read the report',
    all: 'All neighbourhood walks',
  },
} as const;

/** « 9 h », « 14 h 30 » in French; « 09:00 » in English: the hour and minute of an instant in the city. */
function clock(ms: number, locale: 'fr' | 'en', timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).formatToParts(ms);
  const hour = Number(parts.find((p) => p.type === 'hour')?.value ?? 0);
  const minute = parts.find((p) => p.type === 'minute')?.value ?? '00';
  if (locale === 'en') return `${String(hour).padStart(2, '0')}:${minute}`;
  return minute === '00' ? `${hour} h` : `${hour} h ${minute}`;
}

export interface WalkPageOptions {
  readonly locale: string;
  readonly links: WalkCalendarLinks;
  /** The module script defining `<gusp-walk-signup>`, when the bundle is there. */
  readonly bundle?: string | undefined;
  /** The API the element signs people up with. */
  readonly endpoint: string;
  /**
   * The element's data as `GET {endpoint}/walks/{id}` answers it, written as its
   * inline JSON: the form shows at once when the bundle runs, with no request first.
   */
  readonly inline?: unknown;
}

export function walkPage(summary: WalkSummary, city: CityProfile, options: WalkPageOptions): string {
  const locale = options.locale.startsWith('en') ? 'en' : 'fr';
  const t = TEXTS[locale];
  const { walk } = summary;
  const quartier = city.quartiers.find((q) => q.id === walk.quartierId)?.name ?? walk.quartierId;
  const start = Date.parse(walk.startsAt);
  const end = start + walk.durationMinutes * 60_000;
  const day = new Intl.DateTimeFormat(t.dateLocale, { dateStyle: 'full', timeZone: city.timezone }).format(start);
  const when = `${day}, ${t.from(clock(start, locale, city.timezone), clock(end, locale, city.timezone))}`;
  const title = walk.title ?? `${t.walk} – ${quartier}`;
  const place = walk.meetingPoint ?? walk.stops[0];
  const cancelled = summary.status === 'cancelled';
  const upcoming = ['open', 'closed', 'cancelled'].includes(summary.status);
  const { links } = options;

  const details = [
    `<dt>${t.when}</dt><dd>${escape(when)}</dd>`,
    place ? `<dt>${t.meetingPoint}</dt><dd>${escape(place.label)}</dd>` : '',
    upcoming && !cancelled ? `<dt>${t.seats}</dt><dd>${escape(t.seatsLeft(summary.seatsLeft, summary.capacity))}</dd>` : '',
  ].join('');
  const notice = cancelled
    ? `<p class="notice" role="note"><strong>${t.cancelled}</strong>${walk.cancelReason?.trim() ? ` ${t.reason} ${escape(walk.cancelReason.trim())}` : ''}</p>`
    : walk.sequence > 0 && upcoming
      ? `<p class="notice" role="note">${t.moved}</p>`
      : '';
  const route =
    walk.stops.length > 0
      ? `<h2>${t.route}</h2><ol>${walk.stops
          .map((s) => `<li>${escape(s.label)}${s.description?.trim() ? ` – ${escape(s.description.trim())}` : ''}</li>`)
          .join('')}</ol>`
      : '';
  const signup =
    upcoming && options.bundle
      ? `<section aria-label="${t.signup}"><gusp-walk-signup lang="${t.lang}" endpoint="${escape(options.endpoint)}" walk-id="${escape(walk.id)}">${jsonBlock(options.inline)}</gusp-walk-signup></section>`
      : '';
  const report =
    summary.status === 'reported' ? `<p><a href="/api/walks/${encodeURIComponent(walk.id)}/report.html">${t.report}</a></p>` : '';

  return `<!doctype html>
<html lang="${t.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(`${title} – ${day}`)} · ${escape(city.name)}</title>
<link rel="icon" href="data:,">
<link rel="alternate" type="text/calendar" href="${escape(links.ics)}" title="${escape(title)}">
${options.bundle ? `<link rel="modulepreload" href="${escape(options.bundle)}">\n<script type="module" src="${escape(options.bundle)}"></script>` : ''}
<style>
  :root { color-scheme: light; }
  body { font: 1rem/1.5 system-ui, sans-serif; margin: 0 auto; max-width: 44rem; padding: 1rem 1.25rem 3rem; color: #1b1b1b; background: #fff; }
  h1 { font-size: 1.7rem; margin: .25rem 0 1rem; }
  h2 { font-size: 1.25rem; margin-block: 1.75rem .5rem; color: #0a4a8f; }
  .kicker { margin: 0; color: #4d4d4d; }
  dl { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; }
  dt { font-weight: 600; }
  dd { margin: 0; }
  .notice { background: #fff4d6; color: #5a4000; padding: .75rem 1rem; border-radius: .375rem; }
  a { color: #0a4a8f; }
  gusp-walk-signup:not(:defined) { display: block; min-block-size: 8rem; }
  footer { margin-block-start: 3rem; font-size: .9rem; border-block-start: 1px solid #ccc; padding-block-start: .75rem; }
</style>
</head>
<body>
<main>
  <p class="kicker">${t.walk} · ${t.quartier} ${escape(quartier)} · ${escape(city.name)}</p>
  <h1>${escape(title)}</h1>
  ${notice}
  <dl>${details}</dl>
  ${route}
  ${report}
  ${signup}
  <h2>${t.calendar}</h2>
  <ul>
    <li><a href="${escape(links.ics)}" type="text/calendar">${t.addEvent}</a> (.ics)</li>
    <li><a href="${escape(links.feedWebcal)}">${escape(t.subscribe(quartier))}</a> (<a href="${escape(links.feed)}" type="text/calendar">${t.feedAddress}</a>). ${t.subscribeHelp}</li>
  </ul>
</main>
<footer><p><a href="/">${t.all}</a></p></footer>
</body>
</html>
`;
}

/** The 404 of `/marches/{walkId}`: a page too (people come from a link in their calendar). */
export function walkNotFoundPage(message: string, locale: string): string {
  return notFoundPage(message, locale, { fr: 'Diagnostic introuvable', en: 'Walk not found' });
}

/** A page for what is not there (a draft, an unknown id): its title in the page's language, the refusal, a link home. */
export function notFoundPage(message: string, locale: string, titles: { readonly fr: string; readonly en: string }): string {
  const t = TEXTS[locale.startsWith('en') ? 'en' : 'fr'];
  const title = t.lang === 'en' ? titles.en : titles.fr;
  return `<!doctype html>
<html lang="${t.lang}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title><link rel="icon" href="data:,">
<style>body{font:1rem/1.5 system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem}</style></head>
<body><main><h1>${title}</h1><p>${escape(message)}</p><p><a href="/">${t.all}</a></p></main></body>
</html>
`;
}
