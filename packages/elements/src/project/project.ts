// SPDX-License-Identifier: EUPL-1.2
import { labelIn, type ProjectPageContribution, type ProjectPageEngagement, type ProjectPagePhase, type WorkshopSummary } from '@gusp/core';
import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { DataController } from '../internal/data-controller.js';
import { formatTimeRange, intlLocale } from '../internal/format-date.js';
import { GuspElement } from '../internal/gusp-element.js';
import { heading } from '../internal/heading.js';
import { InPlaceForm } from '../internal/in-place-form.js';
import { gatheringState } from '../signup/signup-data.js';
import { MESSAGES } from '../signup/signup-values.js';
import { PROJECT_TEXTS } from '../translations/project.js';
import { textsFor } from '../translations/registry.js';
import type { CommonTexts, ProjectTexts, WalkSignupTexts } from '../translations/types.js';
import { WALK_SIGNUP_MESSAGES, WALK_SIGNUP_TEXTS } from '../translations/walk-signup.js';
import { ENGAGEMENT_SYMBOL, OUTCOME_SYMBOL, phasePlaces, workshopSignupDataOf, type PhasePlace, type ProjectData } from './project-data.js';
import { styles } from './project.styles.js';

/** The symbol of a phase's place in the timeline, said with its words. */
const PHASE_SYMBOL: Readonly<Record<PhasePlace, string>> = { done: '✓', current: '➜', 'to-come': '○' };

/**
 * The public page of one concerted project (the seed's Les Bleuets), for a
 * city's or a landlord's website: what it is and where (site, quartier,
 * landlord, partners); its phases as an ordered timeline, the current one
 * marked « Nous en sommes là » in words and with a symbol (`aria-current="step"`);
 * its upcoming workshops, each with « S’inscrire », which opens the same
 * sign-up form as a walk's (`<gusp-workshop-signup>`: consent, needs, draft,
 * waiting list, cancel link, calendar file) in place of the list, with the
 * focus on the workshop's heading and « Retour aux ateliers » (or Escape) to
 * go back; what residents decided and what became of it (adopted, under
 * study, declined with the reason); past workshops; the project's engagements.
 *
 * Data in (one of): the `data` property; a child
 * `<script type="application/json">` holding a {@linkcode ProjectData};
 * or `endpoint` + `project-id`, fetched from `GET {endpoint}/projects/{project-id}`.
 * With `endpoint`, a sign-up is sent to `POST {endpoint}/workshops/{id}/registrations`.
 * Register both tags with `@gusp/elements/define/project.js`.
 *
 * @fires gusp-register - From the opened form: {@linkcode GuspRegisterEvent}, cancelable, with `workshopId`.
 * @fires gusp-registered - From the opened form: {@linkcode GuspRegisteredEvent}, with `workshopId`; the page then loads its seats again.
 * @fires gusp-register-error - From the opened form: {@linkcode GuspRegisterErrorEvent}, with `workshopId`.
 *
 * @csspart base - The whole page.
 * @csspart title - The project's heading.
 * @csspart description - What the project is.
 * @csspart details - The list of where, quartier, landlord, partners and status.
 * @csspart phases - The ordered list of the phases.
 * @csspart phase - Each phase (`phase current` for « Nous en sommes là »).
 * @csspart workshops - The list of upcoming workshops.
 * @csspart workshop - Each upcoming workshop's card.
 * @csspart seats - The seats left on a card (or « Complet… », « Inscriptions closes »).
 * @csspart open - Each card's « S’inscrire » button.
 * @csspart back - The « Retour aux ateliers » button above the opened form.
 * @csspart signup - The `<gusp-workshop-signup>` opened for one workshop.
 * @csspart decisions - The list of contributions and their outcome.
 * @csspart decision - Each contribution.
 * @csspart outcome - A contribution's outcome, in words and with its symbol.
 * @csspart past - The list of past workshops.
 * @csspart engagements - The list of the project's engagements.
 * @csspart engagement - Each engagement.
 * @csspart empty - What a section says when it has nothing yet.
 * @csspart retry - The « Réessayer » button after a failed load.
 */
export class GuspProject extends GuspElement {
  protected override get t(): CommonTexts & ProjectTexts {
    return textsFor(PROJECT_TEXTS, this.locale);
  }

  /** Dates and seats, worded as the sign-up form words them. */
  private get words(): WalkSignupTexts {
    return textsFor(WALK_SIGNUP_TEXTS, this.locale);
  }

  static override styles = styles;
  static override speaks = [PROJECT_TEXTS, WALK_SIGNUP_TEXTS, WALK_SIGNUP_MESSAGES];

  static override properties = {
    ...GuspElement.properties,
    projectId: { type: String, attribute: 'project-id' },
    privacyNoticeUrl: { type: String, attribute: 'privacy-notice-url' },
    data: { attribute: false },
  };

  /** The project's id: what `GET {endpoint}/projects/{project-id}` loads. */
  declare projectId: string | undefined;
  /** Passed to the sign-up form: the link to the privacy notice next to its consent box. */
  declare privacyNoticeUrl: string | undefined;
  /** The project to show: see {@linkcode ProjectData}. */
  declare data: ProjectData | undefined;

  /** The workshop whose sign-up form is open in place of the cards, if any. */
  private readonly form = new InPlaceForm<WorkshopSummary>(this, {
    form: 'gusp-workshop-signup',
    fallback: '#upcoming-title',
    // A sign-up changed the seats: the page loads them afresh.
    registered: () => {
      if (this.apiBase && this.projectId) void this.source.retry();
    },
  });

  /** The project: from `data`, inline JSON, or `GET {endpoint}/projects/{project-id}`, again whenever those change. */
  private readonly source = new DataController<ProjectData>(this, {
    url: () => (this.apiBase && this.projectId ? `${this.apiBase}/projects/${encodeURIComponent(this.projectId)}` : undefined),
  });

  /** Resolves once data requested from `endpoint` has arrived (or failed). */
  get loaded(): Promise<void> {
    return this.source.loaded;
  }

  /** Opens the sign-up form of one upcoming workshop and moves the focus to its heading. */
  open(workshopId: string): Promise<void> {
    return this.form.open(workshopId);
  }

  /** Closes the form and gives the focus back to the card's button it was opened from. */
  close(): Promise<void> {
    return this.form.close();
  }

  private get timeZone(): string {
    return this.data?.city?.timezone ?? this.data?.timezone ?? 'Europe/Paris';
  }

  /** A calendar day (`2013-09-14`) or an instant, as people write it: « 14 septembre 2013 ». */
  private day(value: string): string {
    const day = value.length === 10;
    return new Intl.DateTimeFormat(intlLocale(this.localize.lang), {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: day ? 'UTC' : this.timeZone,
    }).format(new Date(day ? `${value}T12:00:00Z` : value));
  }

  private between(from: string | undefined, to: string | undefined): string | undefined {
    return from || to ? this.t.between(from && this.day(from), to && this.day(to)) : undefined;
  }

  protected override render(): TemplateResult {
    const t = this.t;
    if (!this.data) return this.source.placeholder(t, this.localize.lang, this.localize.dir, 'page');
    const data = this.data;
    const p = data.project;
    const colon = labelIn(MESSAGES, 'format.colon', this.locale);
    return html`<section part="base" class="page" lang=${this.localize.lang} dir=${this.localize.dir} aria-labelledby="title">
      ${heading(this.level(), p.title, { id: 'title', part: 'title', tabindex: '-1' })}
      ${p.description ? html`<p part="description" class="description">${p.description}</p>` : nothing}
      <dl part="details">
        <div>
          <dt>${t.site}</dt>
          <dd class="site">${p.site.label}${p.site.address ? html`<br />${p.site.address}` : nothing}</dd>
        </div>
        <div>
          <dt>${t.quartier}</dt>
          <dd class="quartier">${data.quartierName}</dd>
        </div>
        <div>
          <dt>${t.landlord}</dt>
          <dd class="landlord">${data.landlord.name}</dd>
        </div>
        ${
          data.partners.length > 0
            ? html`<div>
                <dt>${t.partners}</dt>
                <dd class="partners">${data.partners.map((o) => o.name).join(', ')}</dd>
              </div>`
            : nothing
        }
        <div>
          <dt>${t.projectStatus}</dt>
          <dd class="status" data-status=${p.status}>
            ${t.status[p.status] ?? p.status}${p.reason ? html`<br />${t.reason}${colon}${p.reason}` : nothing}
          </dd>
        </div>
      </dl>
      ${this.renderPhases(data.phases)} ${this.renderUpcoming(data)} ${this.renderDecisions(data.contributions, colon)}
      ${this.renderPast(data.pastWorkshops)} ${this.renderEngagements(data.engagements)}
    </section>`;
  }

  private section(id: string, title: string, content: unknown): TemplateResult {
    return html`<section class=${id} aria-labelledby="${id}-title">
      ${heading(this.level(1), title, { id: `${id}-title`, tabindex: '-1' })} ${content}
    </section>`;
  }

  private renderPhases(phases: readonly ProjectPagePhase[]): TemplateResult {
    const t = this.t;
    const places = phasePlaces(phases);
    return this.section(
      'phases',
      t.phasesHeading,
      html`<ol part="phases" class="timeline">
        ${phases.map((phase, i) => {
          const place = places[i] ?? 'to-come';
          const current = place === 'current';
          const planned = this.between(phase.plannedStart, phase.plannedEnd);
          const actual = this.between(phase.actualStart, phase.actualEnd);
          return html`<li
            part=${current ? 'phase current' : 'phase'}
            class="phase ${place}"
            data-phase=${phase.kind}
            aria-current=${current ? 'step' : nothing}
          >
            <span class="marker" aria-hidden="true">${PHASE_SYMBOL[place]}</span>
            <div>
              <p class="name">
                <strong>${t.phase[phase.kind] ?? phase.kind}</strong>
                ${
                  current
                    ? html`<span class="here">${t.weAreHere}</span>`
                    : html`<span class="visually-hidden">(${place === 'done' ? t.phaseDone : t.phaseToCome})</span>`
                }
              </p>
              ${actual ? html`<p class="dates">${t.actual} ${actual}</p>` : planned ? html`<p class="dates">${t.planned} ${planned}</p>` : nothing}
              ${phase.note ? html`<p class="note">${phase.note}</p>` : nothing}
            </div>
          </li>`;
        })}
      </ol>`,
    );
  }

  private renderUpcoming(data: ProjectData): TemplateResult {
    const t = this.t;
    const found = this.form.shown(data.upcomingWorkshops, (s) => s.workshop.id);
    return this.section(
      'upcoming',
      t.upcomingHeading,
      found
        ? this.form.render(
            t.back,
            html`<gusp-workshop-signup
              part="signup"
              endpoint=${this.endpoint ?? nothing}
              heading-level=${this.level(2)}
              privacy-notice-url=${this.privacyNoticeUrl ?? nothing}
              .data=${workshopSignupDataOf(found, data)}
            ></gusp-workshop-signup>`,
          )
        : data.upcomingWorkshops.length === 0
          ? html`<p part="empty">${t.noUpcoming}</p>`
          : html`<ul part="workshops" class="cards">
              ${repeat(
                data.upcomingWorkshops,
                (s) => s.workshop.id,
                (s) => this.renderWorkshop(s),
              )}
            </ul>`,
    );
  }

  private renderWorkshop(s: WorkshopSummary): TemplateResult {
    const t = this.t;
    const w = this.words;
    const id = s.workshop.id;
    const when = formatTimeRange(s.workshop.startsAt, s.workshop.durationMinutes, this.timeZone, w);
    const state = gatheringState(s.workshop, s, new Date());
    return html`<li part="workshop" class="card" data-workshop-id=${id} aria-labelledby="workshop-${id}">
      ${heading(this.level(2), s.workshop.title, { id: `workshop-${id}` })}
      <p class="kind">${t.workshopKind[s.workshop.kind] ?? s.workshop.kind}</p>
      <p class="when">${when}</p>
      ${s.workshop.place ? html`<p class="place">${s.workshop.place.label}</p>` : nothing}
      ${s.workshop.description ? html`<p class="about">${s.workshop.description}</p>` : nothing}
      ${this.form.row(id, state, s.seatsLeft, t.signUpFor(s.workshop.title, when), t, w, id)}
    </li>`;
  }

  private renderDecisions(contributions: readonly ProjectPageContribution[], colon: string): TemplateResult {
    const t = this.t;
    return this.section(
      'decisions',
      t.decisionsHeading,
      contributions.length === 0
        ? html`<p part="empty">${t.noDecision}</p>`
        : html`<ul part="decisions" class="items">
            ${contributions.map(
              (c) =>
                html`<li part="decision" class="decision ${c.outcome}" data-contribution-id=${c.id} data-outcome=${c.outcome}>
                  <p class="outcome" part="outcome">
                    <span class="symbol" aria-hidden="true">${OUTCOME_SYMBOL[c.outcome]}</span>
                    <strong>${t.outcome[c.outcome] ?? c.outcome}</strong>
                    <span class="kind">— ${t.contributionKind[c.kind] ?? c.kind}</span>
                  </p>
                  <p class="text">${c.text}</p>
                  ${c.outcomeReason ? html`<p class="reason">${t.outcomeReason}${colon}${c.outcomeReason}</p>` : nothing}
                  ${c.workshopTitle || c.decidedAt ? html`<p class="hint">${[c.workshopTitle && t.madeIn(c.workshopTitle), c.decidedAt && t.decidedOn(this.day(c.decidedAt))].filter(Boolean).join(' · ')}</p>` : nothing}
                </li>`,
            )}
          </ul>`,
    );
  }

  private renderPast(past: readonly WorkshopSummary[]): TemplateResult | typeof nothing {
    const t = this.t;
    return past.length === 0
      ? nothing
      : this.section(
          'past',
          t.pastHeading,
          html`<ul part="past" class="items">
            ${past.map(
              (s) =>
                html`<li class="past-workshop" data-workshop-id=${s.workshop.id}>
                  <p><strong>${s.workshop.title}</strong></p>
                  <p class="hint">
                    ${this.day(s.workshop.startsAt)} ·
                    ${t.workshopKind[s.workshop.kind] ?? s.workshop.kind}${s.workshop.place ? ` · ${s.workshop.place.label}` : ''}
                  </p>
                  ${s.status === 'done' ? html`<p class="attended">${t.attended(s.attended)}</p>` : nothing}
                </li>`,
            )}
          </ul>`,
        );
  }

  private renderEngagements(engagements: readonly ProjectPageEngagement[]): TemplateResult {
    const t = this.t;
    return this.section(
      'engagements',
      t.engagementsHeading,
      engagements.length === 0
        ? html`<p part="empty">${t.noEngagement}</p>`
        : html`<ul part="engagements" class="items">
            ${engagements.map(
              (e) =>
                html`<li part="engagement" class="engagement ${e.status}" data-engagement-id=${e.id} data-status=${e.status}>
                  <p><strong>${e.title}</strong></p>
                  <p class="state">
                    <span class="symbol" aria-hidden="true">${ENGAGEMENT_SYMBOL[e.status]}</span>
                    ${t.engagementStatus[e.status] ?? e.status}${e.status === 'in-progress' && e.progress > 0 ? ` (${new Intl.NumberFormat(intlLocale(this.localize.lang), { style: 'percent' }).format(e.progress / 100)})` : ''}
                  </p>
                  ${e.organisation || e.dueOn ? html`<p class="hint">${[e.organisation?.name, e.dueOn && t.dueOn(this.day(e.dueOn))].filter(Boolean).join(' · ')}</p>` : nothing}
                </li>`,
            )}
          </ul>`,
    );
  }
}
