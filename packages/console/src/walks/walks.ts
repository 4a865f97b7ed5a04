// SPDX-License-Identifier: EUPL-1.2
import { calendarDay, type CityProfile, type WalkSummary } from '@gusp/core';
import { Task, TaskStatus } from '@lit/task';
import { css, html, nothing, type TemplateResult } from 'lit';
import { hrefOf } from '../app/routes.js';
import { staffPages, staffRequest } from '../internal/api.js';
import { ConsoleScreen } from '../internal/console-screen.js';
import { heading } from '@gusp/elements/shared/heading.js';
import { filtersFieldset, tokens } from '../styles/tokens.js';

/** `GET /api/quartiers/coverage?year=`: the priority quartiers and their walks of the year. */
export interface QuartierCoverage {
  readonly year: number;
  readonly quartiers: readonly { readonly quartierId: string; readonly walks: number; readonly covered: boolean }[];
  readonly uncovered: readonly string[];
}

/** What the screen shows: every walk of the filters (all pages), the city, the year's coverage. */
export interface WalksData {
  readonly walks: readonly WalkSummary[];
  readonly city: CityProfile;
  readonly coverage: QuartierCoverage;
}

/** The statuses a walk list can be filtered on: drafts too, which `GET /api/walks` lists to staff (`include=drafts`). */
export const WALK_FILTER_STATUSES = ['draft', 'open', 'closed', 'in-progress', 'done', 'reported', 'cancelled'] as const;

/** How the walks are shown: per quartier, or a calendar of the year's months. */
export type WalksView = 'list' | 'calendar';

/** The calendar year now in a time zone. */
const yearIn = (timeZone: string, at = new Date()) => Number(new Intl.DateTimeFormat('en', { year: 'numeric', timeZone }).format(at));

/**
 * `<gusp-console-walks>`: the walks of a year, drafts included (`GET /api/walks?include=drafts`,
 * every page followed), per quartier or as a calendar of the year's months (`view`), filtered by
 * quartier and status, and the year's coverage of the priority quartiers
 * (`GET /api/quartiers/coverage`): which have no walk yet, as the city rule asks one a year.
 * Each walk links to its screens (« Préparer » `#plan/<id>` for coordinators, « Inscriptions »,
 * « Jour J »), and coordinators find « Planifier un diagnostic » (`#plan`); `staff-role="agent"`
 * leaves the planning links out (the server refuses agents anyway).
 * Loading, failure (with « Réessayer ») and an empty year each say so: never a blank screen.
 *
 * @csspart filters - The filters' form.
 * @csspart coverage - The coverage of the priority quartiers.
 * @csspart walks - The walks, per quartier.
 */
export class GuspConsoleWalks extends ConsoleScreen<WalksData> {
  static override properties = {
    ...ConsoleScreen.properties,
    year: { type: Number, reflect: true },
    quartier: { type: String, reflect: true },
    status: { type: String, reflect: true },
    view: { type: String, reflect: true },
  };

  static override styles = [
    tokens,
    filtersFieldset('10rem'),
    css`
      select {
        max-width: none;
      }
      ul {
        padding-inline-start: 1.25rem;
      }
      .coverage li.uncovered {
        font-weight: 600;
        color: var(--_error);
      }
      .walks > ul {
        list-style: none;
        padding: 0;
        margin-block: 0 var(--_space);
      }
      .walk {
        padding: 0.5rem 0.75rem;
        margin-block: 0 0.5rem;
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
      }
      .walk p {
        margin: 0;
      }
      .when {
        font-weight: 600;
      }
      .badge.cancelled {
        color: var(--_error);
      }
      .meta {
        color: var(--_muted);
      }
      .views {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        margin-block: 0 var(--_space);
      }
      .views button[aria-pressed='false'] {
        background: var(--_bg);
        color: var(--_primary);
      }
      .links {
        display: flex;
        flex-wrap: wrap;
        gap: 0.25rem var(--_space);
        list-style: none;
        padding: 0;
        margin: 0.25rem 0 0;
      }
      .months {
        list-style: none;
        padding: 0;
      }
      .months > li {
        margin-block: 0 var(--_space);
      }
      .months ul {
        list-style: none;
        padding: 0;
      }
    `,
  ];

  /** The calendar year shown, in the city's time zone (this year by default). */
  declare year: number | undefined;
  /** One quartier's walks only (its id); all by default. */
  declare quartier: string | undefined;
  /** One status only (`open`, `closed`, … as people see it); all by default. */
  declare status: string | undefined;
  /** `list` (per quartier, by default) or `calendar` (the year's months). */
  declare view: WalksView | undefined;
  /** The data shown; set by the screen when it loads, or given (a story, a test). */
  declare data: WalksData | undefined;
  /** The city from the last answer, so the quartier filter keeps its choices while another year loads. */
  private city: CityProfile | undefined;

  protected readonly task = new Task(this, {
    args: () => [this.apiBase, this.shownYear, this.quartier ?? '', this.status ?? '', this.locale, this.given] as const,
    task: async ([base, year, quartier, status, locale, given], { signal }) => {
      // Data given by the page (a story, an intranet's own loading) is shown as it is.
      if (given && this.data) return this.data;
      // Staff see the drafts being planned beside the published walks.
      const query = new URLSearchParams({ year: String(year), include: 'drafts' });
      if (quartier) query.set('quartier', quartier);
      if (status) query.set('status', status);
      const init = { signal, locale };
      const [list, coverage] = await Promise.all([
        staffPages<{ walks: WalkSummary[]; city: CityProfile }>(base, `/walks?${query}`, 'walks', init),
        staffRequest<QuartierCoverage>(base, `/quartiers/coverage?year=${year}`, init),
      ]);
      return { walks: list.walks, city: list.city, coverage };
    },
    onComplete: (data) => {
      this.city = data.city;
      this.data = data;
    },
    onError: (error) => this.sessionEnded(error),
  });

  private get timeZone(): string {
    return this.data?.city.timezone ?? this.city?.timezone ?? 'Europe/Paris';
  }

  private get shownYear(): number {
    return this.year ?? yearIn(this.timeZone);
  }

  protected override render(): TemplateResult {
    const t = this.t;
    const pending = this.task.status === TaskStatus.PENDING;
    const failed = this.task.status === TaskStatus.ERROR;
    const data = pending || failed ? undefined : this.data;
    return html`<section lang=${this.locale} aria-labelledby="walks-title">
      ${heading(this.level(), t.walksTitle, { id: 'walks-title' })}
      ${this.plans ? html`<p><a href=${hrefOf('plan')} id="plan-walk">${t.planWalk}</a></p>` : nothing} ${this.filters()}
      ${
        failed
          ? this.loadFailure()
          : !data
            ? html`<p role="status">${t.loading}</p>`
            : html`${this.coverage(data)} ${this.views()} ${this.view === 'calendar' ? this.calendar(data) : this.walks(data)}`
      }
    </section>`;
  }

  private filters(): TemplateResult {
    const t = this.t;
    const city = this.data?.city ?? this.city;
    const now = yearIn(this.timeZone);
    const years = [...new Set([now - 2, now - 1, now, now + 1, this.shownYear])].sort();
    // Applied as soon as one is chosen: a group of fields, not a form to submit.
    return html`<fieldset part="filters">
      <legend class="visually-hidden">${t.filters}</legend>
      <div class="field">
        <label for="year">${t.year}</label>
        <select id="year" @change=${(e: Event) => (this.year = Number((e.target as HTMLSelectElement).value))}>
          ${years.map((y) => html`<option value=${y} ?selected=${y === this.shownYear}>${y}</option>`)}
        </select>
      </div>
      <div class="field">
        <label for="quartier">${t.quartier}</label>
        <select id="quartier" @change=${(e: Event) => (this.quartier = (e.target as HTMLSelectElement).value || undefined)}>
          <option value="" ?selected=${!this.quartier}>${t.allQuartiers}</option>
          ${(city?.quartiers ?? []).map((q) => html`<option value=${q.id} ?selected=${q.id === this.quartier}>${q.name}</option>`)}
        </select>
      </div>
      <div class="field">
        <label for="status">${t.status}</label>
        <select id="status" @change=${(e: Event) => (this.status = (e.target as HTMLSelectElement).value || undefined)}>
          <option value="" ?selected=${!this.status}>${t.allStatuses}</option>
          ${WALK_FILTER_STATUSES.map((s) => html`<option value=${s} ?selected=${s === this.status}>${t.statuses[s]}</option>`)}
        </select>
      </div>
    </fieldset>`;
  }

  /** Whether the person may plan walks: coordinators (and anyone the app did not say the role of). */
  private get plans(): boolean {
    return this.staffRole !== 'agent';
  }

  /** The two ways of showing the walks, as toggle buttons. */
  private views(): TemplateResult {
    const t = this.t;
    const shown = this.view === 'calendar' ? 'calendar' : 'list';
    const button = (view: WalksView, label: string) =>
      html`<button type="button" id="view-${view}" aria-pressed=${shown === view ? 'true' : 'false'} @click=${() => (this.view = view)}>
        ${label}
      </button>`;
    return html`<div class="views" role="group" aria-label=${t.views}>
      ${button('list', t.listView)} ${button('calendar', t.calendarView)}
    </div>`;
  }

  /** The year's twelve months, each with its walks in start order (the city's calendar), or saying it has none. */
  private calendar(data: WalksData): TemplateResult {
    const t = this.t;
    const tz = data.city.timezone;
    const year = this.shownYear;
    const months = Array.from({ length: 12 }, (_, m) => ({
      name: this.localize.date(new Date(Date.UTC(year, m, 15)), { month: 'long', year: 'numeric', timeZone: 'UTC' }),
      walks: data.walks
        .filter((s) => calendarDay(s.walk.startsAt, tz).startsWith(`${year}-${String(m + 1).padStart(2, '0')}-`))
        .sort((a, b) => Date.parse(a.walk.startsAt) - Date.parse(b.walk.startsAt)),
    }));
    return html`<section class="walks calendar" part="calendar" aria-labelledby="calendar-title">
      ${heading(this.level(1), t.calendarTitle(year), { id: 'calendar-title' })}
      <ol class="months">
        ${months.map(
          (month, m) =>
            html`<li data-month=${m + 1}>
              ${heading(this.level(2), month.name)}
              ${
                month.walks.length === 0
                  ? html`<p class="meta">${t.noWalkThisMonth}</p>`
                  : html`<ul>
                      ${month.walks.map((s) => this.walk(s, data.city, this.quartierName(data, s.walk.quartierId)))}
                    </ul>`
              }
            </li>`,
        )}
      </ol>
    </section>`;
  }

  private quartierName(data: WalksData, id: string): string {
    return data.city.quartiers.find((q) => q.id === id)?.name ?? id;
  }

  private coverage(data: WalksData): TemplateResult {
    const t = this.t;
    const { coverage } = data;
    return html`<section class="coverage" part="coverage" aria-labelledby="coverage-title">
      ${heading(this.level(1), t.coverageTitle(coverage.year), { id: 'coverage-title' })}
      <p id="coverage-summary">
        ${coverage.uncovered.length ? t.uncovered(coverage.uncovered.map((id) => this.quartierName(data, id))) : t.allCovered}
      </p>
      <ul aria-describedby="coverage-summary">
        ${coverage.quartiers.map(
          (q) =>
            html`<li class=${q.covered ? 'covered' : 'uncovered'} data-quartier=${q.quartierId}>
              ${this.quartierName(data, q.quartierId)} : ${t.walksCount(q.walks)}
            </li>`,
        )}
      </ul>
    </section>`;
  }

  private walks(data: WalksData): TemplateResult {
    const t = this.t;
    const byQuartier = new Map<string, WalkSummary[]>();
    for (const summary of data.walks) {
      const list = byQuartier.get(summary.walk.quartierId) ?? [];
      list.push(summary);
      byQuartier.set(summary.walk.quartierId, list);
    }
    // The city profile's order of quartiers, as the public list and the coverage use it.
    const order: string[] = data.city.quartiers.map((q) => q.id);
    const quartiers = [...byQuartier.keys()].sort((a, b) => order.indexOf(a) - order.indexOf(b));
    const priority = new Set<string>(data.city.quartiers.filter((q) => q.priority).map((q) => q.id));
    return html`<section class="walks" part="walks" aria-labelledby="list-title">
      ${heading(this.level(1), t.walksShown(data.walks.length), { id: 'list-title' })}
      ${data.walks.length === 0 ? html`<p class="notice" role="status">${t.noWalks}</p>` : nothing}
      ${quartiers.map(
        (id) =>
          html`${heading(this.level(2), html`${this.quartierName(data, id)}${priority.has(id) ? html` <small>(${t.priority})</small>` : nothing}`)}
            <ul>
              ${byQuartier.get(id)!.map((s) => this.walk(s, data.city))}
            </ul>`,
      )}
    </section>`;
  }

  private walk(s: WalkSummary, city: CityProfile, quartier?: string): TemplateResult {
    const t = this.t;
    const when = this.localize.date(s.walk.startsAt, { dateStyle: 'full', timeStyle: 'short', timeZone: city.timezone });
    // Each link says which walk it is about to a screen reader going from link to link.
    const about = html`<span class="visually-hidden"> – ${t.walkLinks(when)}</span>`;
    return html`<li class="walk" data-walk=${s.walk.id}>
      <p class="when">${when}</p>
      ${quartier ? html`<p>${quartier}</p>` : nothing} ${s.walk.title ? html`<p>${s.walk.title}</p>` : nothing}
      <p><span class="badge ${s.status}">${t.statuses[s.status] ?? s.status}</span></p>
      <p class="meta">
        ${['in-progress', 'done', 'reported'].includes(s.status) ? t.attended(s.attended) : t.seats(s.confirmed, s.seatsLeft, s.capacity, s.waitlisted)}
      </p>
      <ul class="links">
        ${this.plans ? html`<li><a href=${hrefOf('plan', s.walk.id)} data-link="plan">${t.prepare}${about}</a></li>` : nothing}
        ${
          s.status === 'draft'
            ? nothing
            : html`<li><a href=${hrefOf('registrations', s.walk.id)} data-link="registrations">${t.registrationsLink}${about}</a></li>
                <li><a href=${hrefOf('day', s.walk.id)} data-link="day">${t.dayLink}${about}</a></li>`
        }
        ${
          s.status === 'done' || s.status === 'reported'
            ? html`<li><a href=${hrefOf('inbox', s.walk.id)} data-link="inbox">${this.t.inbox.walkLink}${about}</a></li>`
            : nothing
        }
        ${
          this.plans && (s.status === 'done' || s.status === 'reported')
            ? html`<li><a href=${hrefOf('report', s.walk.id)} data-link="report">${this.t.report.walkLink}${about}</a></li>`
            : nothing
        }
      </ul>
    </li>`;
  }
}
