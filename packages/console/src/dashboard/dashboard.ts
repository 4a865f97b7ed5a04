// SPDX-License-Identifier: EUPL-1.2
import {
  ENGAGEMENT_MESSAGES,
  ENGAGEMENT_STATUSES,
  findOrganisation,
  findQuartier,
  findTheme,
  guardCsvCell,
  labelIn,
  localName,
  writeCSV,
  type CityProfile,
  type Engagement,
  type EngagementDashboard,
  type EngagementStatus,
  type Observation,
  type ObservationStats,
  type QuartierCoverage,
  type Walk,
  type WalkSummary,
} from '@gusp/core';
import { heading } from '@gusp/elements/shared/heading.js';
// The public elements' map (list first, keyboard-operable); already in the console's bundle through the day's issue form.
import '@gusp/elements/shared/map/map.js';
import type { GuspMap, MapPoint } from '@gusp/elements/shared/map/map.js';
import { Task, TaskStatus } from '@lit/task';
import { css, html, nothing, unsafeCSS, type PropertyValues, type TemplateResult } from 'lit';
import { hrefOf } from '../app/routes.js';
import { staffPages, staffRequest } from '../internal/api.js';
import { ConsoleScreen } from '../internal/console-screen.js';
import { filtersFieldset, tokens } from '../styles/tokens.js';
import type { DashboardChart } from '../translations/dashboard.js';
import { barChart, CHART_WIDTH, chartStyles, type BarChartOptions, type BarRow } from './charts.js';

/** `GET /api/quartiers/coverage?year=`. */
export interface CoverageAnswer {
  readonly year: number;
  readonly quartiers: readonly QuartierCoverage[];
  readonly uncovered: readonly string[];
}

/** `GET /api/engagements/dashboard?quartier=&organisation=`: the tallies and the first page of the overdue list. */
export type EngagementDashboardAnswer = Omit<EngagementDashboard, 'overdueList'> & {
  readonly overdueList: readonly Engagement[];
  readonly next?: string;
};

/**
 * What the dashboard shows, as the server answers it: the city (`GET /api/city`), the year's
 * coverage, the observation statistics of the year and quartier (`GET /api/observations/stats`),
 * the engagements' dashboard, and the walks of the year (their titles and stops' labels).
 */
export interface DashboardData {
  readonly city: CityProfile;
  readonly coverage: CoverageAnswer;
  readonly stats: ObservationStats;
  readonly engagements: EngagementDashboardAnswer;
  readonly walks: readonly Walk[];
  /** The year's observations (`GET /api/observations?from=&to=&quartier=`), for the map; none: no map. */
  readonly observations?: readonly Omit<Observation, 'reporter'>[];
}

/** An observation the map shows: its own point, or its stop's. */
interface Placed {
  readonly observation: Omit<Observation, 'reporter'>;
  readonly n: number;
  readonly theme: string;
  readonly where: string;
  readonly point: { readonly lat: number; readonly lon: number };
}

/** A table cell: words, a count, or a figure shown one way (« 75 % ») and written another in the CSV (`75`). */
type Cell = string | number | { readonly shown: string; readonly raw: string };

/** A chart's numbers: what its table shows and its CSV holds, the same cells. */
interface Table {
  readonly chart: DashboardChart;
  readonly columns: readonly { readonly key: string; readonly label: string }[];
  readonly rows: readonly { readonly id: string; readonly cells: readonly Cell[] }[];
}

const isNumber = (c: Cell) => typeof c === 'number' || (typeof c === 'object' && /^[\d.]+$/.test(c.raw));
const shownOf = (c: Cell) => (typeof c === 'object' ? c.shown : String(c));
const rawOf = (c: Cell) => (typeof c === 'object' ? c.raw : typeof c === 'number' ? String(c) : guardCsvCell(c));

/** The calendar year now in a time zone. */
const yearIn = (timeZone: string, at = new Date()) => Number(new Intl.DateTimeFormat('en', { year: 'numeric', timeZone }).format(at));

/** The rules printing applies, under `host` (`:host` in `@media print`, and `:host([data-printing])` once `beforeprint` fired). */
const printRules = (host: string) =>
  unsafeCSS(`
  ${host} .no-print { display: none !important; }
  ${host} .print-only { display: block !important; }
  ${host} figure, ${host} .table-box, ${host} .key { break-inside: avoid; page-break-inside: avoid; }
  ${host} .table-box { overflow: visible; max-block-size: none; border: 0; }
  ${host} .part { border-block-start: 1px solid #000; }
  ${host} a { color: #000; text-decoration: none; }
`);

/**
 * `<gusp-console-dashboard>`: what the comité de pilotage reads, from the server's own counts —
 * the year's coverage of the priority quartiers (`GET /api/quartiers/coverage`), the observations by
 * theme × polarity and per stop (`GET /api/observations/stats`), the engagements by status and by
 * organisation, their on-time rate and average delay, and the overdue list
 * (`GET /api/engagements/dashboard`). Filtered by year (coverage and observations), quartier
 * (observations and engagements), organisation (engagements) and walk (the stops' chart).
 *
 * Each chart is a `<figure data-chart="…">`: an SVG image named by its gist, a table of the same
 * numbers (`table[data-table="…"]`, one `tr[data-row="<id>"]` per row, each cell `td[data-col]`
 * with its `data-value`), and a CSV download of them (`a[data-csv="…"]`, written with the core's
 * `writeCSV`, every text cell formula-guarded). « Imprimer » prints it for the meeting: without
 * filters or buttons, the filters and the date in a heading, each chart on one page.
 *
 * @csspart filters - The filters and « Imprimer ».
 * @csspart chart - Each chart's figure.
 */
export class GuspConsoleDashboard extends ConsoleScreen<DashboardData> {
  static override properties = {
    ...ConsoleScreen.properties,
    year: { type: Number, reflect: true },
    quartier: { type: String, reflect: true },
    organisation: { type: String, reflect: true },
    walk: { type: String, reflect: true },
    chartWidth: { state: true },
    placedSelected: { state: true },
  };

  static override styles = [
    tokens,
    chartStyles,
    filtersFieldset('11rem'),
    css`
      .part {
        margin-block: 0 calc(var(--_space) * 1.5);
        padding-block-start: var(--_space);
        border-block-start: 2px solid var(--_border);
      }
      .part > p {
        margin-block: 0 var(--_space);
      }
      figure {
        margin: 0 0 calc(var(--_space) * 1.5);
      }
      figcaption {
        font-weight: 700;
        font-size: 1.05rem;
        margin-block: 0 0.5rem;
      }
      .table-box {
        overflow-x: auto;
        max-inline-size: 100%;
        margin-block: 0.75rem 0.5rem;
      }
      table {
        border-collapse: collapse;
        min-inline-size: 16rem;
      }
      caption {
        text-align: start;
        font-weight: 600;
        padding-block-end: 0.25rem;
      }
      th,
      td {
        border: 1px solid var(--_border);
        padding: 0.25rem 0.5rem;
        text-align: start;
        vertical-align: top;
      }
      td[data-number] {
        text-align: end;
        font-variant-numeric: tabular-nums;
        white-space: nowrap;
      }
      th,
      td {
        overflow-wrap: normal;
        word-break: normal;
      }
      thead th {
        background: var(--_surface);
      }
      tbody th {
        min-inline-size: 9rem;
      }
      .key {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem var(--_space);
        list-style: none;
        padding: 0;
        margin: 0 0 var(--_space);
      }
      .key li {
        padding: 0.5rem 0.75rem;
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        min-inline-size: 8rem;
      }
      .key strong {
        display: block;
        font-size: 1.4rem;
      }
      .observation-map {
        margin-block: calc(var(--_space) * 1.5) 0;
      }
      /* Its hidden words stay inside the box that scrolls, not past the screen's edge. */
      .observation-map .table-box {
        position: relative;
      }
      tr[aria-current='true'] > * {
        outline: 3px solid var(--_text);
        outline-offset: -3px;
      }
      .print-only {
        display: none;
        font-weight: 600;
      }
      @media print {
        ${printRules(':host')}
      }
      ${printRules(':host([data-printing])')}
    `,
  ];

  /** The calendar year of the coverage and the observations, in the city's time zone (this year by default). */
  declare year: number | undefined;
  /** One quartier's observations and engagements (its id); all by default. */
  declare quartier: string | undefined;
  /** One organisation's engagements (its id); all by default. */
  declare organisation: string | undefined;
  /** The stops' chart for one walk (its id); every walk of the filters by default. */
  declare walk: string | undefined;
  declare data: DashboardData | undefined;
  /** The observation selected on the map or in its list (`aria-current` on its row). */
  declare private placedSelected: string | undefined;
  /** The city from the last answer, so the filters keep their choices while another year loads. */
  private city: CityProfile | undefined;
  /** Each chart's CSV and its `blob:` URL, made again only when the CSV changes. */
  private readonly downloads = new Map<DashboardChart, { readonly csv: string; readonly url: string }>();

  protected readonly task = new Task(this, {
    args: () => [this.apiBase, this.shownYear, this.quartier ?? '', this.organisation ?? '', this.locale, this.given] as const,
    task: async ([base, year, quartier, organisation, locale, given], { signal }) => {
      if (given && this.data) return this.data;
      const init = { signal, locale };
      const stats = new URLSearchParams({ year: String(year) });
      const engagements = new URLSearchParams();
      const walks = new URLSearchParams({ year: String(year), include: 'drafts' });
      const observations = new URLSearchParams({ from: `${year}-01-01`, to: `${year}-12-31` });
      if (quartier) {
        observations.set('quartier', quartier);
        stats.set('quartier', quartier);
        engagements.set('quartier', quartier);
        walks.set('quartier', quartier);
      }
      if (organisation) engagements.set('organisation', organisation);
      const [city, coverage, statsAnswer, engagementAnswer, walkList, observationList] = await Promise.all([
        staffRequest<CityProfile>(base, '/city', init),
        staffRequest<CoverageAnswer>(base, `/quartiers/coverage?year=${year}`, init),
        staffRequest<ObservationStats>(base, `/observations/stats?${stats}`, init),
        staffRequest<EngagementDashboardAnswer>(base, `/engagements/dashboard?${engagements}`, init),
        staffPages<{ walks: WalkSummary[] }>(base, `/walks?${walks}`, 'walks', init),
        staffPages<{ observations: Omit<Observation, 'reporter'>[] }>(base, `/observations?${observations}`, 'observations', init),
      ]);
      return {
        city,
        coverage,
        stats: statsAnswer,
        engagements: engagementAnswer,
        walks: walkList.walks.map((w) => w.walk),
        observations: observationList.observations,
      };
    },
    onComplete: (data) => {
      this.city = data.city;
      this.data = data;
    },
    onError: (error) => this.sessionEnded(error),
  });

  /** The width the charts are drawn at: the screen's, so that their text stays at its size on a phone and on a desk. */
  declare private chartWidth: number;
  private readonly resized = new ResizeObserver(([entry]) => {
    const width = Math.floor(entry?.contentRect.width ?? CHART_WIDTH);
    if (width > 0 && Math.abs(width - this.chartWidth) >= 8) this.chartWidth = width;
    else this.scrollBoxes();
  });

  constructor() {
    super();
    this.chartWidth = CHART_WIDTH;
  }

  /** A chart drawn at the screen's width. */
  private chart(o: BarChartOptions): ReturnType<typeof barChart> {
    return barChart({ ...o, width: this.chartWidth });
  }

  private readonly beforePrint = () => this.toggleAttribute('data-printing', true);
  private readonly afterPrint = () => this.toggleAttribute('data-printing', false);

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('beforeprint', this.beforePrint);
    window.addEventListener('afterprint', this.afterPrint);
    this.resized.observe(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('beforeprint', this.beforePrint);
    window.removeEventListener('afterprint', this.afterPrint);
    this.resized.disconnect();
    for (const { url } of this.downloads.values()) URL.revokeObjectURL(url);
    this.downloads.clear();
  }

  private get timeZone(): string {
    return this.data?.city.timezone ?? this.city?.timezone ?? 'Europe/Paris';
  }

  private get shownYear(): number {
    return this.year ?? yearIn(this.timeZone);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // Another quartier or year lists other walks: the walk chosen for the stops no longer applies.
    if (this.hasUpdated && (changed.has('quartier') || changed.has('year'))) this.walk = undefined;
  }

  protected override render(): TemplateResult {
    const t = this.t.dashboard;
    const pending = this.task.status === TaskStatus.PENDING;
    const failed = this.task.status === TaskStatus.ERROR;
    const data = pending || failed ? undefined : this.data;
    return html`<section lang=${this.locale} aria-labelledby="dashboard-title" data-screen="dashboard">
      ${heading(this.level(), t.title, { id: 'dashboard-title' })}
      <p>${t.intro}</p>
      ${this.filters(data)}
      ${
        failed
          ? this.loadFailure({ retryClass: 'no-print' })
          : !data
            ? html`<p role="status">${t.loading}</p>`
            : html`<p class="print-only" data-printed-filters>${this.printedFilters(data)}</p>
                ${this.coverage(data)} ${this.observations(data)} ${this.engagements(data)}`
      }
    </section>`;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.scrollBoxes();
  }

  /**
   * A table wider than the screen scrolls in its own box, which then takes the focus (a named
   * region), so that the keyboard scrolls it; a box that does not scroll stays out of the tab order.
   */
  private scrollBoxes(): void {
    for (const box of this.renderRoot.querySelectorAll<HTMLElement>('.table-box')) {
      if (box.scrollWidth > box.clientWidth + 1) {
        box.tabIndex = 0;
        box.setAttribute('role', 'region');
        box.setAttribute('aria-label', box.dataset.label ?? '');
      } else {
        box.removeAttribute('tabindex');
        box.removeAttribute('role');
        box.removeAttribute('aria-label');
      }
    }
  }

  // ------------------------------------------------------------------ names

  private quartierName(city: CityProfile, id: string): string {
    const q = findQuartier(city, id);
    return q ? localName(q, this.locale) : id;
  }

  private themeName(city: CityProfile, id: string): string {
    const theme = findTheme(city, id);
    return theme ? localName(theme, this.locale) : id;
  }

  private organisationName(city: CityProfile, id: string | undefined): string {
    if (!id || id === 'none') return this.t.dashboard.withoutOrganisation;
    const o = findOrganisation(city, id);
    return o ? localName(o, this.locale) : id;
  }

  private statusName(status: EngagementStatus): string {
    return labelIn([ENGAGEMENT_MESSAGES], `engagement.status.${status}`, this.locale);
  }

  private day(at: string | Date, timeZone = this.timeZone): string {
    const date = typeof at === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(at) ? new Date(`${at}T12:00:00Z`) : new Date(at);
    return new Intl.DateTimeFormat(this.locale, {
      dateStyle: 'long',
      timeZone: typeof at === 'string' && at.length === 10 ? 'UTC' : timeZone,
    }).format(date);
  }

  private walkName(walk: Walk): string {
    return walk.title || this.t.dashboard.walkOf(this.day(walk.startsAt));
  }

  private percent(ratio: number): string {
    return new Intl.NumberFormat(this.locale, { style: 'percent', maximumFractionDigits: 0 }).format(ratio);
  }

  /** A ratio as the table shows it (« 67 % ») and as the CSV writes it (`66.7`, percent to one decimal). */
  private ratioCell(ratio: number | null): Cell {
    if (ratio === null) return { shown: this.t.dashboard.noneCompleted, raw: '' };
    return { shown: this.percent(ratio), raw: String(Math.round(ratio * 1000) / 10) };
  }

  // ------------------------------------------------------------------ filters

  private filters(data: DashboardData | undefined): TemplateResult {
    const t = this.t.dashboard;
    const city = data?.city ?? this.city;
    const now = yearIn(this.timeZone);
    const years = [...new Set([now - 2, now - 1, now, now + 1, this.shownYear])].sort();
    const walks = (data?.walks ?? []).filter((w) => w.stops.length > 0);
    const named = (list: readonly { id: string; name: string; translations?: Record<string, string> }[]) =>
      list.map((x) => ({ id: x.id, name: localName(x, this.locale) }));
    return html`<fieldset part="filters" class="no-print">
      <legend class="visually-hidden">${t.filters}</legend>
      <div class="field">
        <label for="year">${t.year}</label>
        <select id="year" @change=${(e: Event) => (this.year = Number((e.target as HTMLSelectElement).value))}>
          ${years.map((y) => html`<option value=${y} ?selected=${y === this.shownYear}>${y}</option>`)}
        </select>
      </div>
      ${this.filter('quartier', t.quartier, t.allQuartiers, named(city?.quartiers ?? []))}
      ${this.filter('organisation', t.organisation, t.allOrganisations, named(city?.organisations ?? []))}
      ${this.filter(
        'walk',
        t.walk,
        t.allWalks,
        walks.map((w) => ({ id: w.id, name: this.walkName(w) })),
      )}
      <button type="button" id="print" @click=${() => window.print()}>${t.print}</button>
    </fieldset>`;
  }

  /** A filter of the quartier, organisation or walk: its `<select id="…">`, « all » (no filter) first. */
  private filter(
    name: 'quartier' | 'organisation' | 'walk',
    label: string,
    all: string,
    options: readonly { readonly id: string; readonly name: string }[],
  ): TemplateResult {
    const chosen = this[name];
    return html`<div class="field">
      <label for=${name}>${label}</label>
      <select id=${name} @change=${(e: Event) => (this[name] = (e.target as HTMLSelectElement).value || undefined)}>
        <option value="" ?selected=${!chosen}>${all}</option>
        ${options.map((o) => html`<option value=${o.id} ?selected=${o.id === chosen}>${o.name}</option>`)}
      </select>
    </div>`;
  }

  private printedFilters(data: DashboardData): string {
    const t = this.t.dashboard;
    const quartier = this.quartier ? this.quartierName(data.city, this.quartier) : t.allQuartiers;
    const organisation = this.organisation ? this.organisationName(data.city, this.organisation) : t.allOrganisations;
    return t.printedFilters(this.shownYear, quartier, organisation, this.day(new Date()));
  }

  // ------------------------------------------------------------------ a chart, its table and CSV

  /** The CSV file's name: the chart's, then the filters (`couverture-quartiers-prioritaires-2026-le-plan.csv`). */
  private fileName(chart: DashboardChart, withYear: boolean, withQuartier: boolean, withOrganisation: boolean): string {
    const parts = [
      this.t.dashboard.files[chart],
      withYear ? String(this.shownYear) : '',
      withQuartier ? (this.quartier ?? '') : '',
      withOrganisation ? (this.organisation ?? '') : '',
      chart === 'stops' ? (this.walk ?? '') : '',
    ];
    return `${parts.filter(Boolean).join('-')}.csv`;
  }

  /** The table's CSV (semicolons in French, as French spreadsheets expect; a BOM for accents) and its URL. */
  private downloadOf(table: Table): string {
    const rows = [table.columns.map((c) => guardCsvCell(c.label)), ...table.rows.map((r) => r.cells.map(rawOf))];
    const csv = writeCSV(rows, { bom: true, delimiter: this.locale.startsWith('fr') ? ';' : ',' });
    const kept = this.downloads.get(table.chart);
    if (kept?.csv === csv) return kept.url;
    if (kept) URL.revokeObjectURL(kept.url);
    const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
    this.downloads.set(table.chart, { csv, url });
    return url;
  }

  private table(table: Table, title: string): TemplateResult {
    const [first, ...rest] = table.columns;
    return html`<div class="table-box" data-label=${this.t.dashboard.tableOf(title)}>
      <table data-table=${table.chart}>
        <caption class="visually-hidden">
          ${title}
        </caption>
        <thead>
          <tr>
            <th scope="col" data-col=${first?.key ?? ''}>${first?.label}</th>
            ${rest.map((c) => html`<th scope="col" data-col=${c.key}>${c.label}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${table.rows.map(
            (r) =>
              html`<tr data-row=${r.id}>
                <th scope="row" data-col=${first?.key ?? ''}>${shownOf(r.cells[0] ?? '')}</th>
                ${r.cells
                  .slice(1)
                  .map(
                    (c, i) =>
                      html`<td data-col=${rest[i]?.key ?? ''} data-value=${rawOf(c)} ?data-number=${isNumber(c)}>${shownOf(c)}</td>`,
                  )}
              </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  /** A chart: its figure (the SVG, or `image` when there is nothing to draw), its table, its CSV. */
  private figure(
    table: Table,
    image: TemplateResult | ReturnType<typeof barChart>,
    filters: { year?: boolean; quartier?: boolean; organisation?: boolean },
  ): TemplateResult {
    const t = this.t.dashboard;
    const title = t.titles[table.chart];
    return html`<figure part="chart" data-chart=${table.chart}>
      <figcaption id="${table.chart}-caption">${title}</figcaption>
      ${image} ${table.rows.length > 0 ? this.table(table, title) : nothing}
      <p class="no-print">
        <a
          data-csv=${table.chart}
          href=${this.downloadOf(table)}
          download=${this.fileName(table.chart, Boolean(filters.year), Boolean(filters.quartier), Boolean(filters.organisation))}
          >${t.download(title)}</a
        >
      </p>
    </figure>`;
  }

  // ------------------------------------------------------------------ coverage

  private coverage(data: DashboardData): TemplateResult {
    const t = this.t.dashboard;
    const { city, coverage } = data;
    const names = coverage.quartiers.map((q) => this.quartierName(city, q.quartierId));
    const table: Table = {
      chart: 'coverage',
      columns: [
        { key: 'quartier', label: t.quartier },
        { key: 'walks', label: t.walksOfYear },
        { key: 'covered', label: t.covered },
      ],
      rows: coverage.quartiers.map((q, i) => ({
        id: q.quartierId,
        cells: [names[i] ?? q.quartierId, q.walks, { shown: q.covered ? t.yes : t.notYet, raw: q.covered ? t.yes : t.notYet }],
      })),
    };
    const rows: BarRow[] = coverage.quartiers.map((q, i) => ({
      label: names[i] ?? q.quartierId,
      values: [q.walks],
      texts: [t.walksCount(q.walks)],
    }));
    const covered = coverage.quartiers.filter((q) => q.covered).length;
    const gist = t.coverageGist(
      covered,
      coverage.quartiers.length,
      coverage.year,
      coverage.uncovered.map((id) => this.quartierName(city, id)),
    );
    return html`<section class="part" aria-labelledby="coverage-title" data-part="coverage">
      ${heading(this.level(1), t.coverageTitle, { id: 'coverage-title' })}
      <p>${t.coverageIntro}</p>
      ${this.figure(table, this.chart({ id: 'coverage-chart', gist, series: [{ label: t.walksOfYear, style: 'primary' }], rows }), {
        year: true,
      })}
    </section>`;
  }

  // ------------------------------------------------------------------ observations

  private observations(data: DashboardData): TemplateResult {
    const t = this.t.dashboard;
    const { city, stats } = data;
    const themes = stats.byThemeAndPolarity.map((r) => ({ ...r, name: this.themeName(city, r.themeId) }));
    const positive = themes.reduce((n, r) => n + r.positive, 0);
    const problem = themes.reduce((n, r) => n + r.problem, 0);
    const top = [...themes].sort((a, b) => b.problem - a.problem)[0];
    const themeTable: Table = {
      chart: 'themes',
      columns: [
        { key: 'theme', label: t.theme },
        { key: 'positive', label: t.positive },
        { key: 'problem', label: t.problem },
        { key: 'total', label: t.total },
      ],
      rows: themes.map((r) => ({ id: r.themeId, cells: [r.name, r.positive, r.problem, r.positive + r.problem] })),
    };
    const series = [
      { label: t.positive, style: 'solid' as const },
      { label: t.problem, style: 'hatched' as const },
    ];
    const themeChart =
      themes.length === 0
        ? html`<p>${t.noObservations}</p>`
        : this.chart({
            id: 'themes-chart',
            gist: t.themesGist(stats.total, positive, problem, top && top.problem > 0 ? top.name : undefined),
            series,
            rows: themes.map((r) => ({
              label: r.name,
              values: [r.positive, r.problem],
              texts: [t.positiveCount(r.positive), t.problemCount(r.problem)],
            })),
          });

    const walks = new Map<string, Walk>(data.walks.map((w) => [w.id, w]));
    const stops = stats.byStop
      .filter((s) => !this.walk || s.walkId === this.walk)
      .map((s) => {
        const walk = walks.get(s.walkId);
        const stop = walk?.stops.find((x) => x.id === s.stopId)?.label ?? t.otherStop(s.stopId);
        return { ...s, name: this.walk || !walk ? stop : `${this.walkName(walk)} — ${stop}` };
      });
    const stopTable: Table = {
      chart: 'stops',
      columns: [
        { key: 'stop', label: t.stop },
        { key: 'positive', label: t.positive },
        { key: 'problem', label: t.problem },
        { key: 'positiveShare', label: t.positiveShare },
      ],
      rows: stops.map((s) => ({
        id: `${s.walkId}/${s.stopId}`,
        cells: [s.name, s.positive, s.problem, this.ratioCell(s.positiveRatio)],
      })),
    };
    const rated = stops.filter((s) => s.positiveRatio !== null);
    const best = [...rated].sort((a, b) => (b.positiveRatio ?? 0) - (a.positiveRatio ?? 0))[0];
    const worst = [...stops].sort((a, b) => b.problem - a.problem)[0];
    const stopChart =
      stops.length === 0
        ? html`<p>${t.noStops}</p>`
        : this.chart({
            id: 'stops-chart',
            mode: 'share',
            gist: t.stopsGist(stops.length, best?.positive ? best.name : undefined, worst?.problem ? worst.name : undefined),
            series,
            rows: stops.map((s) => ({ label: s.name, values: [s.positive, s.problem] })),
            notes: stops.map(
              (s) =>
                `${t.positiveCount(s.positive)}, ${t.problemCount(s.problem)} (${s.positiveRatio === null ? '–' : this.percent(s.positiveRatio)})`,
            ),
          });
    return html`<section class="part" aria-labelledby="observations-title" data-part="observations">
      ${heading(this.level(1), t.observationsTitle, { id: 'observations-title' })}
      <p>${t.observationsIntro(this.shownYear)}</p>
      ${this.figure(themeTable, themeChart, { year: true, quartier: true })}
      <p>${t.stopsIntro}</p>
      ${this.figure(stopTable, stopChart, { year: true, quartier: true })} ${this.observationMap(data)}
    </section>`;
  }

  /** The counted observations that have a point (their own, or their stop's), numbered in the list's order. */
  private placed(data: DashboardData): Placed[] {
    const walks = new Map<string, Walk>(data.walks.map((w) => [w.id, w]));
    const counted = (data.observations ?? []).filter(
      (o) => o.status !== 'duplicate' && o.status !== 'rejected' && (!this.walk || o.walkId === this.walk),
    );
    const placed: Placed[] = [];
    for (const observation of counted) {
      const stop = observation.walkId ? walks.get(observation.walkId)?.stops.find((s) => s.id === observation.stopId) : undefined;
      const point = observation.point ?? stop?.point;
      if (!point) continue;
      const where = stop?.label ?? observation.address?.trim() ?? '';
      placed.push({
        observation,
        n: placed.length + 1,
        theme: this.themeName(data.city, observation.themeId),
        where: where || this.t.dashboard.placedPoint,
        point,
      });
    }
    return placed;
  }

  /**
   * The observations on a map, list first: the table of every placed observation (`table[data-table="placed"]`,
   * a `tr[data-observation]` each, « Voir sur la carte » moving the focus to its marker), and the map beside it,
   * each a disc marked « + » (positive) or a triangle marked « ! » (a problem) named in words, never colour alone.
   */
  private observationMap(data: DashboardData): TemplateResult | typeof nothing {
    if (!data.observations) return nothing;
    const t = this.t.dashboard;
    const placed = this.placed(data);
    const polarity = (p: Placed) => (p.observation.polarity === 'positive' ? t.positiveOne : t.problemOne);
    const points: MapPoint[] = placed.map((p) => ({
      id: p.observation.id,
      label: `${p.n}. ${polarity(p)} – ${p.theme}`,
      description: `${p.where}${p.observation.description.trim() ? ` : ${p.observation.description.trim().slice(0, 200)}` : ''}`,
      kind: p.observation.polarity === 'positive' ? 'positive' : 'negative',
      lat: p.point.lat,
      lon: p.point.lon,
    }));
    const quartier = this.quartier ? findQuartier(data.city, this.quartier) : undefined;
    const map = () => this.renderRoot.querySelector<GuspMap>('gusp-map');
    return html`<div class="observation-map" data-part="observation-map" aria-labelledby="observation-map-title" role="group">
      ${heading(this.level(2), t.mapTitle, { id: 'observation-map-title' })}
      <p>${t.mapIntro}</p>
      ${
        placed.length === 0
          ? html`<p data-placed-none>${t.noPlaced}</p>`
          : html`<p>${t.placedCount(placed.length)}</p>
              <div class="table-box" data-label=${t.tableOf(t.mapTitle)}>
                <table data-table="placed">
                  <caption class="visually-hidden">
                    ${t.mapTitle}
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">${t.number}</th>
                      <th scope="col">${t.kind}</th>
                      <th scope="col">${t.theme}</th>
                      <th scope="col">${t.where}</th>
                      <th scope="col" class="no-print"><span class="visually-hidden">${t.onMap}</span></th>
                    </tr>
                  </thead>
                  <tbody>
                    ${placed.map(
                      (p) =>
                        html`<tr
                          data-observation=${p.observation.id}
                          data-polarity=${p.observation.polarity}
                          aria-current=${this.placedSelected === p.observation.id ? 'true' : 'false'}
                        >
                          <td data-number>${p.n}</td>
                          <th scope="row">${polarity(p)}</th>
                          <td>${p.theme}</td>
                          <td>${p.where}</td>
                          <td class="no-print">
                            <button
                              type="button"
                              class="secondary"
                              data-show-on-map
                              @click=${() => {
                                this.placedSelected = p.observation.id;
                                map()?.focusPoint(p.observation.id);
                              }}
                            >
                              ${t.onMap}<span class="visually-hidden"> (${t.showOnMap(p.n)})</span>
                            </button>
                          </td>
                        </tr>`,
                    )}
                  </tbody>
                </table>
              </div>
              <gusp-map
                class="no-print"
                .points=${points}
                .tiles=${data.city.map?.tiles}
                .boundary=${quartier?.boundary}
                .centre=${quartier?.centre}
                .selected=${this.placedSelected}
                .label=${t.mapLabel(this.shownYear)}
                @gusp-map-select=${(e: CustomEvent<{ id: string | undefined }>) => (this.placedSelected = e.detail.id)}
              ></gusp-map>`
      }
    </div>`;
  }

  // ------------------------------------------------------------------ engagements

  private engagements(data: DashboardData): TemplateResult {
    const t = this.t.dashboard;
    const { city, engagements: e } = data;
    const filters = { quartier: true, organisation: true };
    const statuses = ENGAGEMENT_STATUSES.map((s) => ({ status: s, name: this.statusName(s), n: e.byStatus[s] ?? 0 }));
    const statusTable: Table = {
      chart: 'status',
      columns: [
        { key: 'status', label: t.status },
        { key: 'count', label: t.count },
      ],
      rows: statuses.map((s) => ({ id: s.status, cells: [s.name, s.n] })),
    };
    const statusChart = this.chart({
      id: 'status-chart',
      gist: t.statusGist(
        e.total,
        statuses
          .filter((s) => s.n > 0)
          .map((s) => `${s.n} ${s.name.toLocaleLowerCase(this.locale)}`)
          .join(', '),
      ),
      series: [{ label: t.count, style: 'primary' }],
      rows: statuses.map((s) => ({ label: s.name, values: [s.n] })),
    });

    const organisations = Object.entries(e.byOrganisation).map(([id, g]) => ({ id, name: this.organisationName(city, id), ...g }));
    const orgTable: Table = {
      chart: 'organisations',
      columns: [
        { key: 'organisation', label: t.organisationName },
        { key: 'total', label: t.total },
        { key: 'overdue', label: t.overdue },
        ...ENGAGEMENT_STATUSES.map((s) => ({ key: s, label: this.statusName(s) })),
      ],
      rows: organisations.map((o) => ({
        id: o.id,
        cells: [o.name, o.total, o.overdue, ...ENGAGEMENT_STATUSES.map((s) => o.byStatus[s] ?? 0)],
      })),
    };
    const most = [...organisations].sort((a, b) => b.total - a.total)[0];
    const orgChart =
      organisations.length === 0
        ? html`<p>${t.noEngagements}</p>`
        : this.chart({
            id: 'organisations-chart',
            gist: t.organisationsGist(organisations.length, most?.name),
            series: [
              { label: t.total, style: 'primary' },
              { label: t.overdue, style: 'hatched' },
            ],
            rows: organisations.map((o) => ({
              label: o.name,
              values: [o.total, o.overdue],
              texts: [t.engagementCount(o.total), t.overdueCount(o.overdue)],
            })),
          });

    const rate = e.onTimeRate;
    const delay = e.averageDelayDays;
    const delayText = delay === null ? t.noneCompleted : t.days(Math.round(delay * 10) / 10);
    const delaysTable: Table = {
      chart: 'delays',
      columns: [
        { key: 'figure', label: t.figure },
        { key: 'value', label: t.value },
      ],
      rows: [
        { id: 'total', cells: [t.engagementsTotal, e.total] },
        { id: 'overdue', cells: [t.overdue, e.overdue] },
        { id: 'dueSoon', cells: [t.dueSoon, e.dueSoon] },
        { id: 'onTimeRate', cells: [`${t.onTimeRate} (%)`, this.ratioCell(rate)] },
        {
          id: 'averageDelayDays',
          cells: [t.averageDelayInDays, { shown: delayText, raw: delay === null ? '' : String(delay) }],
        },
      ],
    };
    const delaysChart = html`<ul class="key" data-key-figures>
        <li data-figure="onTimeRate">${t.onTimeRate}<strong>${rate === null ? t.noneCompleted : this.percent(rate)}</strong></li>
        <li data-figure="averageDelayDays">${t.averageDelay}<strong>${delayText}</strong></li>
        <li data-figure="overdue">${t.overdue}<strong>${e.overdue}</strong></li>
      </ul>
      ${
        rate === null
          ? nothing
          : this.chart({
              id: 'delays-chart',
              mode: 'share',
              gist: t.delaysGist(this.percent(rate), delayText),
              series: [
                { label: t.onTime, style: 'solid' },
                { label: t.late, style: 'hatched' },
              ],
              rows: [{ label: t.onTimeRate, values: [rate, 1 - rate] }],
              notes: [this.percent(rate)],
            })
      }`;

    const overdueTable: Table = {
      chart: 'overdue',
      columns: [
        { key: 'engagement', label: t.engagement },
        { key: 'organisation', label: t.organisationName },
        { key: 'quartier', label: t.quartier },
        { key: 'dueOn', label: t.dueOn },
        { key: 'status', label: t.status },
        { key: 'progress', label: t.progress },
      ],
      rows: e.overdueList.map((x) => ({
        id: x.id,
        cells: [
          x.title,
          this.organisationName(city, x.organisationId),
          this.quartierName(city, x.quartierId),
          { shown: x.dueOn ? this.day(x.dueOn) : '', raw: x.dueOn ?? '' },
          { shown: this.statusName(x.status), raw: x.status },
          { shown: `${x.progress} %`, raw: String(x.progress) },
        ],
      })),
    };
    const overdueList = html`${e.overdueList.length === 0 ? html`<p data-empty>${t.noOverdue}</p>` : nothing}
    ${e.overdue > e.overdueList.length ? html`<p>${t.moreOverdue(e.overdueList.length, e.overdue)}</p>` : nothing}`;
    return html`<section class="part" aria-labelledby="engagements-title" data-part="engagements">
      ${heading(this.level(1), t.engagementsTitle, { id: 'engagements-title' })}
      <p>${t.engagementsIntro}</p>
      ${this.figure(statusTable, statusChart, filters)} ${this.figure(orgTable, orgChart, filters)}
      ${this.figure(delaysTable, delaysChart, filters)} ${this.figure(overdueTable, overdueList, filters)}
      ${
        this.staffRole === 'agent'
          ? nothing
          : html`<p class="no-print"><a href=${hrefOf('engagements')} data-link="engagements">${t.openEngagements}</a></p>`
      }
    </section>`;
  }
}
