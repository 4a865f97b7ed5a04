// SPDX-License-Identifier: EUPL-1.2
/**
 * The demo page served at `/`: the real web components of `@gusp/elements`
 * (`<gusp-walk-list>`, which opens one `<gusp-walk-signup>` at a time,
 * `<gusp-project>` for a concerted project, `<gusp-issue-form>`, `<gusp-engagement-tracker>`), loaded from the
 * self-contained bundle with one module script and wired to this server's API
 * with their `endpoint` attribute — exactly what a webmaster pastes into a CMS
 * page. In French, with a link per element to its documentation. The walks
 * are short cards rather than one full form each, so that on a phone the
 * report form is within two screens of the top.
 */
import type { CityProfile, WalkSummary } from '@gusp/core';

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Where the page finds the elements' bundle (its stable name: the page loads the hashed copy when there is one) and the API. */
export const DEMO_BUNDLE_PATH = '/elements/gusp-elements.js';
export const DEMO_ENDPOINT = '/api';

export interface DemoWalks {
  /** Walks people can look at or sign up for (open, full, closed, cancelled), soonest first. */
  readonly upcoming: readonly WalkSummary[];
  /** Walks whose compte-rendu is shared, latest first. */
  readonly reported: readonly WalkSummary[];
}

const dateFormat = (city: CityProfile) => new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: city.timezone });

const docAnchor = (anchor: string, tag: string) =>
  `<a href="/docs/elements#${anchor}">Documentation de <code>&lt;${tag}&gt;</code></a> (en anglais)`;
const docLink = (anchor: string, tag: string) => `<p class="doc">${docAnchor(anchor, tag)}</p>`;

/**
 * What a city sees before any walk is open (a new city, a fresh data
 * directory): its quartiers, and how a coordinator opens the first walk.
 */
function noWalkYet(city: CityProfile): string {
  const quartiers = city.quartiers
    .map((q) => `<li>${escape(q.name)}${q.priority ? ' <small>(quartier prioritaire)</small>' : ''}</li>`)
    .join('');
  return `<div class="empty">
    <p>Aucun diagnostic en marchant n’est prévu pour le moment. Les quartiers de ${escape(city.name)} :</p>
    <ul class="quartiers">${quartiers}</ul>
    <p>Dès qu’un coordinateur programme et publie un diagnostic (<code>POST /api/walks</code> puis <code>/publish</code>, avec un jeton <code>gusp-server token create --role coordinator</code>), son formulaire d’inscription apparaît ici.</p>
    </div>`;
}

export interface DemoPageOptions {
  readonly bundleAvailable: boolean;
  /** The bundle's URL: its content-hashed copy (kept a year by browsers), {@linkcode DEMO_BUNDLE_PATH} by default. */
  readonly bundle?: string;
  /**
   * The elements' first data, written into the page as their inline JSON
   * (`<script type="application/json">`, which the CSP lets through: it is
   * data, never run), so they show it as soon as the bundle runs instead of
   * asking the API after it: the walk list's `{ walks, city }` (as `GET
   * /api/walks?upcoming=1` answers it) and the issue form's `{ city }`.
   */
  readonly inline?: { readonly walkList?: unknown; readonly issueForm?: unknown };
  /** A public concerted project to show with `<gusp-project>` (the seed's Bleuets), which loads it from the API. */
  readonly project?: { readonly id: string; readonly title: string } | undefined;
}

/**
 * A JSON data block for an element: `<` written `\u003c`, so no string in the
 * data can close the script element (`</script>`) or open a comment.
 */
export const jsonBlock = (data: unknown): string =>
  data === undefined ? '' : `<script type="application/json">${JSON.stringify(data).replace(/</g, '\\u003c')}</script>`;

export function demoPage(city: CityProfile, walks: DemoWalks, options: DemoPageOptions): string {
  const bundle = options.bundle ?? DEMO_BUNDLE_PATH;
  const inlineWalks = (options.inline?.walkList as { walks?: unknown } | undefined)?.walks;
  const walksInline = Array.isArray(inlineWalks) ? inlineWalks.length : undefined;
  const quartierName = (id: string) => city.quartiers.find((q) => q.id === id)?.name ?? id;
  const reports = walks.reported
    .map(
      (s) =>
        `<li><a href="/api/walks/${escape(s.walk.id)}/report.html">Compte-rendu — ${escape(quartierName(s.walk.quartierId))}, ${escape(dateFormat(city).format(new Date(s.walk.startsAt)))}</a> (${s.attended} participant${s.attended > 1 ? 's' : ''})</li>`,
    )
    .join('\n      ');
  const missingBundle = options.bundleAvailable
    ? ''
    : `<p class="warning" role="alert">Les composants ne sont pas construits : lancez <code>pnpm start</code> à la racine du dépôt (ou <code>pnpm --filter @gusp/elements bundle</code>). <span lang="en">The elements' bundle is missing: run <code>pnpm start</code> at the repository root.</span></p>`;
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>GUSP — ${escape(city.name)} : démonstration</title>
<link rel="icon" href="data:,">
<link rel="modulepreload" href="${escape(bundle)}">
<script type="module" src="${escape(bundle)}"></script>
<style>
  :root { color-scheme: light; }
  body { font: 1rem/1.5 system-ui, sans-serif; margin: 0 auto; max-width: 64rem; padding: 1rem 1.25rem 3rem; color: #1b1b1b; background: #fff; }
  header { border-block-end: 4px solid #0a4a8f; padding-block-end: .75rem; }
  h1 { font-size: clamp(1.3rem, 5vw, 1.7rem); line-height: 1.25; margin: .5rem 0; }
  h2 { font-size: 1.35rem; line-height: 1.25; margin-block: 1.75rem .5rem; color: #0a4a8f; }
  .lead { margin: .25rem 0; color: #4d4d4d; }
  .doc { margin: .5rem 0 .75rem; font-size: .95rem; }
  section.walks { margin-block-start: 1.5rem; }
  a { color: #0a4a8f; }
  code { font-size: .92em; }
  ul.reports { padding-inline-start: 1.25rem; }
  .narrow { max-inline-size: 40rem; }
  .empty { background: #f4f5f7; padding: .75rem 1rem; border-radius: .375rem; max-inline-size: 40rem; }
  .empty ul { margin: .25rem 0; }
  .warning { background: #fff4d6; color: #5a4000; padding: .75rem 1rem; border-radius: .375rem; }
  footer { margin-block-start: 3rem; font-size: .9rem; color: #4d4d4d; border-block-start: 1px solid #ccc; padding-block-start: .75rem; }
  /* Before the bundle defines them, the elements take their room (no jump). */
  gusp-walk-list:not(:defined), gusp-issue-form:not(:defined), gusp-engagement-tracker:not(:defined), gusp-project:not(:defined) { display: block; min-block-size: 8rem; }
  /* About the room they take once drawn (measured in Chromium: a card is ~13rem on a phone, two cards a row
     of ~15rem wider; the report form ~105rem, ~88rem wider), so what follows does not jump down when the
     bundle runs (layout shift); --walks is the number of walks the list's inline data holds. */
  gusp-walk-list:not(:defined) { min-block-size: calc(3.5rem + var(--walks, 0) * 12.5rem); }
  gusp-issue-form:not(:defined) { min-block-size: 102rem; }
  @media (min-width: 48rem) {
    gusp-walk-list:not(:defined) { min-block-size: calc(3.5rem + round(up, var(--walks, 0) / 2, 1) * 14.5rem); }
    gusp-issue-form:not(:defined) { min-block-size: 86rem; }
  }
</style>
</head>
<body>
<header>
  <h1>Gestion urbaine et sociale de proximité — ${escape(city.name)}</h1>
  <p class="lead">Les composants web de <code>@gusp/elements</code>, branchés sur l’API de ce serveur.</p>
  ${missingBundle}
</header>
<main>
  <section class="walks"${walksInline === undefined ? '' : ` style="--walks: ${walksInline}"`}>
    ${
      walks.upcoming.length > 0
        ? // The list's own heading (« Prochains diagnostics en marchant ») titles the section; the paragraph is what shows before the bundle runs.
          `<gusp-walk-list endpoint="${DEMO_ENDPOINT}">${jsonBlock(options.inline?.walkList)}<p>Diagnostics en marchant : les prochains s’affichent ici.</p></gusp-walk-list>`
        : `<h2>Diagnostics en marchant</h2>\n    ${noWalkYet(city)}`
    }
  </section>
  <section aria-labelledby="report-title">
    <h2 id="report-title">Signalements des habitants</h2>
    <div class="narrow"><gusp-issue-form endpoint="${DEMO_ENDPOINT}">${jsonBlock(options.inline?.issueForm)}</gusp-issue-form></div>
    ${docLink('gusp-issue-form', 'gusp-issue-form')}
  </section>
  ${
    options.project
      ? `<section aria-labelledby="project-title">
    <h2 id="project-title">Projets concertés</h2>
    <gusp-project endpoint="${DEMO_ENDPOINT}" project-id="${escape(options.project.id)}" heading-level="3"><p>Le projet « ${escape(options.project.title)} » s’affiche ici : ses étapes, ses ateliers et ce que les habitants ont décidé.</p></gusp-project>
    ${docLink('gusp-project', 'gusp-project')}
  </section>`
      : ''
  }
  <section aria-labelledby="tracker-title">
    <h2 id="tracker-title">Engagements opérationnels</h2>
    ${docLink('gusp-engagement-tracker', 'gusp-engagement-tracker')}
    <gusp-engagement-tracker endpoint="${DEMO_ENDPOINT}" refresh="5"></gusp-engagement-tracker>
    ${walks.reported.length > 0 ? `<h3>Comptes-rendus des diagnostics passés</h3>\n    <ul class="reports">\n      ${reports}\n    </ul>` : ''}
  </section>
</main>
<footer>
  <p>Sur votre site, une seule ligne charge tous les composants : <code>&lt;script type="module" src="…/gusp-elements.js"&gt;&lt;/script&gt;</code>.
  ${docAnchor('gusp-walk-list', 'gusp-walk-list')} ·
  <span lang="en">Demo of the GUSP reference server: the web components, wired to this server's API.</span>
  <a href="/api/walks">API JSON</a> · <a href="/open311/v2/services.json">Open311</a> · <a href="/api/observations.geojson">observations (GeoJSON)</a> · <a href="/healthz">état du service</a></p>
</footer>
</body>
</html>
`;
}

/**
 * The elements' README as a page, for the demo's documentation links: the
 * Markdown shown as preformatted text, cut at its headings (each one an
 * anchor), plus one anchor per element.
 */
export function elementsDocsPage(readme: string): string {
  const slug = (s: string) =>
    s
      .toLowerCase()
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '');
  const blocks: string[] = [];
  let text: string[] = [];
  const flush = () => {
    const body = text.join('\n').trim();
    if (body) blocks.push(`<pre>${escape(body)}</pre>`);
    text = [];
  };
  for (const line of readme.split('\n')) {
    const heading = /^(#{1,4})\s+(.*)$/.exec(line);
    if (!heading) {
      text.push(line);
      continue;
    }
    flush();
    const level = Math.min((heading[1] as string).length, 4);
    const title = heading[2] as string;
    blocks.push(`<h${level} id="${slug(title)}">${escape(title)}</h${level}>`);
  }
  flush();
  const anchors = ['gusp-walk-list', 'gusp-walk-signup', 'gusp-issue-form', 'gusp-engagement-tracker', 'gusp-project']
    .map((t) => `<span id="${t}"></span>`)
    .join('');
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>@gusp/elements — documentation</title>
<style>body{font:1rem/1.5 system-ui,sans-serif;max-width:60rem;margin:1rem auto;padding:0 1rem}pre{white-space:pre-wrap;background:#f4f5f7;padding:.75rem;border-radius:.375rem;font-size:.9rem}</style></head>
<body><p><a href="/" lang="fr">← Retour à la démonstration</a></p>${anchors}<main>${blocks.join('\n')}</main></body>
</html>
`;
}
