// SPDX-License-Identifier: EUPL-1.2
import {
  ENGAGEMENT_MESSAGES,
  ENGAGEMENT_STATUSES,
  type Engagement,
  type EngagementStatus,
  FIELD_MESSAGES,
  findOrganisation,
  findQuartier,
  findTheme,
  labelIn,
  localName,
  milestoneActorLabel,
  type Milestone,
} from '@gusp/core';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { DataController } from '../internal/data-controller.js';
import { GuspElement } from '../internal/gusp-element.js';
import { intlLocale } from '../internal/format-date.js';
import { heading } from '../internal/heading.js';
import { WindowList } from '../internal/window-list.js';
import {
  countTracked,
  dueInWords,
  filterTracked,
  track,
  type EngagementCounts,
  type EngagementFilter,
  type EngagementTrackerData,
  type TrackedEngagement,
} from './engagement-tracker-data.js';
import { styles } from './engagement-tracker.styles.js';
import { ENGAGEMENT_TRACKER_MESSAGES, ENGAGEMENT_TRACKER_TEXTS } from '../translations/engagement-tracker.js';
import { textsFor } from '../translations/registry.js';
import type { CommonTexts, EngagementTrackerTexts } from '../translations/types.js';

/** The core's texts this element shows: only these domains are bundled with it. */
const MESSAGES = [ENGAGEMENT_MESSAGES, FIELD_MESSAGES];

/** A shape per status, so status never relies on colour alone (the text label is always there too). */
const STATUS_SYMBOL: Readonly<Record<EngagementStatus | 'overdue', string>> = {
  proposed: '○',
  accepted: '◔',
  'in-progress': '◑',
  done: '●',
  verified: '✔',
  abandoned: '✕',
  overdue: '⚠',
};

const COUNTERS = [...ENGAGEMENT_STATUSES, 'overdue'] as const;

/**
 * What was promised after the diagnostics en marchant, and where it stands:
 * counters by status and overdue, filters (quartier, theme by axis,
 * organisation, status), and each engagement with its organisation, due date
 * in words, status in words and shape, progress, linked observations and an
 * expandable timeline. Only the rows near the viewport are rendered (all of them
 * when printing): 10,000 engagements stay smooth.
 *
 * Data in (one of): the `data` property; a child
 * `<script type="application/json">` holding an {@linkcode EngagementTrackerData};
 * or `endpoint`, fetched from `GET {endpoint}/engagements` — again every
 * `refresh` seconds when set, so staff updates appear without reloading the page.
 *
 * @csspart base - The whole tracker.
 * @csspart counters - The list of counters.
 * @csspart filters - The filter fieldset.
 * @csspart list - The list of engagements.
 * @csspart item - One engagement.
 * @csspart status - The status badge of an engagement.
 * @csspart overdue - The « en retard » badge.
 * @csspart timeline - The expandable history of an engagement.
 * @csspart notice - Why the data could not be loaded.
 * @csspart retry - The « Réessayer » button after a failed load.
 */
export class GuspEngagementTracker extends GuspElement {
  protected override get t(): CommonTexts & EngagementTrackerTexts {
    return textsFor(ENGAGEMENT_TRACKER_TEXTS, this.locale);
  }

  static override styles = styles;
  static override speaks = [ENGAGEMENT_TRACKER_TEXTS, ENGAGEMENT_TRACKER_MESSAGES];

  static override properties = {
    ...GuspElement.properties,
    data: { attribute: false },
    now: { attribute: false },
    refresh: { type: Number },
    filter: { state: true },
  };

  /** The engagements and the city profile: see {@linkcode EngagementTrackerData}. */
  declare data: EngagementTrackerData | undefined;
  /** The day the tracker is read on (overdue, due in words); now by default. */
  declare now: Date | undefined;
  /**
   * With `endpoint`: seconds between two reloads of the engagements (0, the
   * default: load once). Filters, scroll and open timelines stay; a reload that
   * fails keeps what is shown; a hidden tab does not reload.
   */
  declare refresh: number;

  declare private filter: EngagementFilter;

  private tracked: TrackedEngagement[] = [];
  private shown: TrackedEngagement[] = [];
  private counts: EngagementCounts | undefined;
  /** The engagements: from `data`, inline JSON, or `GET {endpoint}/engagements`, again every `refresh` seconds. */
  private readonly source = new DataController<EngagementTrackerData>(this, {
    url: () => (this.apiBase ? `${this.apiBase}/engagements` : undefined),
    // Every page, not the first 100: the counters and filters are over all the engagements.
    pagedKey: 'engagements',
    every: () => this.refresh,
  });
  /** The room kept above and below the rendered rows, set in `updated()` (see there). */
  private padding = '0px 0px';
  private readonly windowList = new WindowList(this, () => this.renderRoot.querySelector<HTMLElement>('.list'));

  constructor() {
    super();
    this.filter = {};
    this.refresh = 0;
  }

  /** Resolves once data requested from `endpoint` has arrived (or failed) and is shown. */
  get loaded(): Promise<void> {
    return this.source.loaded;
  }

  protected override willUpdate(changed: PropertyValues): void {
    if ((changed.has('data') || changed.has('now')) && this.data) {
      this.tracked = track(this.data.engagements, this.now ?? new Date(), this.data.city);
    }
    if (changed.has('data') || changed.has('now') || changed.has('filter')) {
      // Counters follow the place filters, not the status one: they say how the chosen place is doing.
      const inPlace = filterTracked(this.tracked, { ...this.filter, status: undefined });
      this.counts = countTracked(inPlace);
      this.shown = this.filter.status === undefined ? inPlace : filterTracked(inPlace, { status: this.filter.status });
    }
  }

  protected override updated(): void {
    // Through the CSSOM, not a `style` attribute: a strict Content-Security-Policy
    // (`style-src` without 'unsafe-inline') blocks style attributes, and the list
    // would lose the room that makes it scroll to its last row.
    this.renderRoot.querySelector<HTMLElement>('.list')?.style.setProperty('padding-block', this.padding);
  }

  private setFilter(key: keyof EngagementFilter, value: string): void {
    this.filter = { ...this.filter, [key]: value === '' ? undefined : value };
  }

  protected override render(): TemplateResult {
    const t = this.t;
    if (!this.data) return this.source.placeholder(t, this.localize.lang, this.localize.dir);
    return html`<section part="base" lang=${this.localize.lang} dir=${this.localize.dir} aria-labelledby="heading">
      ${heading(this.level(), t.trackerHeading, { id: 'heading' })} ${this.renderCounters()} ${this.renderFilters()}
      <p class="shown" role="status">${t.shown(this.shown.length, this.tracked.length)}</p>
      ${this.shown.length === 0 ? html`<p class="empty">${t.empty}</p>` : this.renderList()}
    </section>`;
  }

  private renderList(): TemplateResult {
    const { rows, offset, before, after } = this.windowList.window(this.shown);
    this.padding = `${before}px ${after}px`;
    return html`<div class="list" part="list" role="list" aria-label=${this.t.trackerHeading} data-count=${this.shown.length}>
      ${repeat(
        rows,
        (item) => item.engagement.id,
        (item, i) => this.renderItem(item, offset + i),
      )}
    </div>`;
  }

  private renderCounters(): TemplateResult {
    const t = this.t;
    const counts = this.counts;
    return html`${heading(this.level(1), t.countersHeading, { id: 'counters-heading', class: 'visually-hidden' })}
      <ul class="counters" part="counters" aria-labelledby="counters-heading">
        ${COUNTERS.map(
          (s) =>
            html`<li class="counter ${s}" data-status=${s}>
              <span class="count">${counts?.[s] ?? 0}</span>
              <span class="counter-label"><span aria-hidden="true">${STATUS_SYMBOL[s]}</span> ${t.counter[s]}</span>
            </li>`,
        )}
      </ul>`;
  }

  private renderFilters(): TemplateResult {
    const t = this.t;
    const city = this.data!.city;
    const locale = this.locale;
    const f = this.filter;
    const select = (id: keyof EngagementFilter, name: string, options: TemplateResult | TemplateResult[]) =>
      html`<div class="filter">
        <label for="filter-${id}">${name}</label>
        <select id="filter-${id}" @change=${(e: Event) => this.setFilter(id, (e.target as HTMLSelectElement).value)}>
          <option value="" ?selected=${f[id] === undefined}>${t.all}</option>
          ${options}
        </select>
      </div>`;
    return html`<fieldset class="filters" part="filters">
      <legend>${t.filtersLegend}</legend>
      ${select(
        'quartierId',
        t.quartier,
        city.quartiers.map((q) => html`<option value=${q.id} ?selected=${f.quartierId === q.id}>${q.name}</option>`),
      )}
      ${select(
        'themeId',
        t.theme,
        city.axes.map(
          (axis) =>
            html`<optgroup label=${localName(axis, locale)}>
              ${city.themes
                .filter((th) => th.axis === axis.id)
                .map((th) => html`<option value=${th.id} ?selected=${f.themeId === th.id}>${localName(th, locale)}</option>`)}
            </optgroup>`,
        ),
      )}
      ${select(
        'organisationId',
        t.organisation,
        city.organisations.map((o) => html`<option value=${o.id} ?selected=${f.organisationId === o.id}>${o.name}</option>`),
      )}
      ${select('status', t.status, [
        ...ENGAGEMENT_STATUSES.map(
          (s) => html`<option value=${s} ?selected=${f.status === s}>${labelIn(MESSAGES, `engagement.status.${s}`, locale)}</option>`,
        ),
        html`<option value="overdue" ?selected=${f.status === 'overdue'}>${labelIn(MESSAGES, 'engagement.overdue', locale)}</option>`,
      ])}
    </fieldset>`;
  }

  private renderItem(item: TrackedEngagement, index: number): TemplateResult {
    const t = this.t;
    const locale = this.locale;
    const city = this.data!.city;
    const e = item.engagement;
    const theme = findTheme(city, e.themeId);
    const meta = [
      findOrganisation(city, e.organisationId)?.name ?? t.noOrganisation,
      findQuartier(city, e.quartierId)?.name ?? e.quartierId,
      theme && localName(theme, locale),
    ]
      .filter(Boolean)
      .join(' · ');
    return html`<div class="item" part="item" role="listitem" aria-posinset=${index + 1} aria-setsize=${this.shown.length} data-id=${e.id}>
      ${heading(this.level(1), e.title, { class: 'title' })}
      <p class="meta">${meta}</p>
      <p class="state">
        <span class="badge status ${e.status}" part="status"
          ><span aria-hidden="true">${STATUS_SYMBOL[e.status]}</span> ${labelIn(MESSAGES, `engagement.status.${e.status}`, locale)}</span
        >
        ${
          item.flags.overdue
            ? html`<span class="badge overdue" part="overdue"
                ><span aria-hidden="true">${STATUS_SYMBOL.overdue}</span> ${labelIn(MESSAGES, 'engagement.overdue', locale)}</span
              >`
            : nothing
        }
        <span class="due">${dueInWords(item, intlLocale(locale), t)}</span>
      </p>
      <p class="progress">
        <span>${t.progress}${labelIn(MESSAGES, 'format.colon', locale)}${e.progress} %</span>
        <progress max="100" value=${e.progress} aria-label=${t.progress}></progress>
      </p>
      <p class="observations">${t.observations(e.observationIds.length)}</p>
      ${this.renderResidentAnswers(e)}
      ${
        e.milestones.length > 0
          ? html`<details part="timeline">
              <summary>${t.timeline}<span class="visually-hidden">${labelIn(MESSAGES, 'format.colon', locale)}${e.title}</span></summary>
              <ol class="timeline">
                ${e.milestones.map((m) => this.renderMilestone(m))}
              </ol>
            </details>`
          : nothing
      }
    </div>`;
  }

  /**
   * What the walk's participants answered to « Est-ce réglé ? » (counts only), when anyone did;
   * `data-said-no` when someone answered « Non ».
   */
  private renderResidentAnswers(e: Engagement): TemplateResult | typeof nothing {
    // A host's translation written before this text existed has none: the line is left out, nothing breaks.
    const said =
      e.residentAnswers && (this.t.residentAnswers as EngagementTrackerTexts['residentAnswers'] | undefined)?.(e.residentAnswers);
    return said ? html`<p class="resident-answers" ?data-said-no=${e.residentsSaidNo === true}>${said}</p>` : nothing;
  }

  private renderMilestone(m: Milestone): TemplateResult {
    const t = this.t;
    const locale = this.locale;
    const day = this.localize.date(m.at, { dateStyle: 'long', timeZone: this.data!.city.timezone });
    const parts = [t.milestone[m.kind] ?? m.kind, m.percent !== undefined ? `${m.percent} %` : undefined, m.note].filter(Boolean);
    // Who took the step, as the public may read it: the organisation (« OPH ») or the city's role, never a person.
    const by = milestoneActorLabel(m.by, this.data!.city, locale);
    return html`<li>
      <time datetime=${m.at}>${day}</time>${labelIn(MESSAGES, 'format.colon', locale)}${parts.join(' – ')}${
        by ? html` <span class="by">(${by})</span>` : nothing
      }
    </li>`;
  }
}
