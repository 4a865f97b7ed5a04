// SPDX-License-Identifier: EUPL-1.2
import {
  can,
  CONTRIBUTION_EVENT_OF,
  CONTRIBUTION_KINDS,
  contributionRules,
  CreateProjectInput,
  DecideContributionInput,
  EditProjectInput,
  errorMessageIn,
  FIELD_MESSAGES,
  findQuartier,
  labelIn,
  localName,
  newId,
  PROJECT_KINDS,
  PROJECT_MESSAGES,
  ProposeEngagementInput,
  ReasonInput,
  RecordContributionInput,
  refusalsOf,
  RescheduleWorkshopInput,
  ScheduleWorkshopInput,
  SetPhaseInput,
  validate,
  WORKSHOP_KINDS,
  workshopRules,
  projectRules,
  type CityProfile,
  type FieldIssue,
  type PhaseKind,
  type ProjectContext,
  type ProjectPage,
  type ProjectStatus,
  type RuleRefusal,
  type WorkshopSummary,
} from '@gusp/core';
import { heading } from '@gusp/elements/shared/heading.js';
import { Task, TaskStatus } from '@lit/task';
import { css, html, nothing, type TemplateResult } from 'lit';
import { hashOf, hrefOf } from '../app/routes.js';
import { ApiRefusal, setCsrfToken, staffPages, staffRequest } from '../internal/api.js';
import { ConsoleScreen } from '../internal/console-screen.js';
import { localFromZoned, zonedFromLocal } from '../plan/plan-values.js';
import { cards, formParts, tokens } from '../styles/tokens.js';
import type { ProjectStep, ProjectsTexts, WorkshopStep } from '../translations/projects.js';

/** What the screen shows: the project's page (`GET /api/projects/:id`), the city, and every workshop of it. */
export interface ProjectData {
  readonly page: ProjectPage;
  readonly city: CityProfile;
  /** Staff (coordinator, agent): every workshop, drafts and cancelled ones too; an organisation: the page's. */
  readonly workshops: readonly WorkshopSummary[];
}

/** The lifecycle steps, in the order the buttons show them, and each one's route. */
const PROJECT_STEPS: readonly (readonly [ProjectStep, string])[] = [
  ['announce', 'announce'],
  ['startConcertation', 'start-concertation'],
  ['startWorks', 'start-works'],
  ['deliver', 'deliver'],
  ['evaluate', 'evaluate'],
  ['resume', 'resume'],
  ['suspend', 'suspend'],
  ['abandon', 'abandon'],
];
/** The steps that need a public reason. */
const WITH_REASON: readonly string[] = ['suspend', 'abandon'];
const WORKSHOP_STEPS: readonly (readonly [WorkshopStep, string])[] = [
  ['publish', 'publish'],
  ['closeRegistrations', 'close-registrations'],
  ['reschedule', 'reschedule'],
  ['cancel', 'cancel'],
];
/**
 * What a guard on a reason sees while the buttons are drawn: the reason is asked once the button
 * is pressed, so the table's other guards alone decide whether it is offered.
 */
const REASON_ASKED = 'asked';

/** The forms of the screen, each with its own errors and send. */
type FormName = 'details' | `phase-${PhaseKind}` | 'workshop' | 'contribution' | 'engagement' | 'action';

interface FormError {
  /** The id of the field it is about (its link in the summary); the form's when none. */
  readonly field?: string | undefined;
  readonly message: string;
}

interface DetailsValues {
  title: string;
  kind: string;
  quartierId: string;
  siteLabel: string;
  siteAddress: string;
  landlordId: string;
  partnerIds: string[];
  description: string;
}

interface PhaseValues {
  plannedStart: string;
  plannedEnd: string;
  actualStart: string;
  actualEnd: string;
  note: string;
}

interface WorkshopValues {
  kind: string;
  title: string;
  startsAt: string;
  duration: string;
  place: string;
  capacity: string;
  institutionalSeats: string;
  deadline: string;
}

/** A step waiting for its reason or its new date: a project's, a workshop's or a contribution's. */
interface PendingAction {
  readonly scope: 'project' | 'workshop' | 'contribution';
  readonly event: string;
  readonly id: string;
  reason: string;
  startsAt: string;
}

const numberOr = (text: string): number | undefined => (text.trim() === '' ? undefined : Number(text.trim()));

/**
 * `<gusp-console-project project-id?>`: one concerted project for staff. Without `project-id`, the
 * creation form (`POST /api/projects`, a draft). With it: the project's status in words, its
 * quartier, site, landlord and partners; the lifecycle steps the core's `projectRules` table allows
 * from its status for this role (announce, open the concertation, start the works, deliver, evaluate,
 * suspend and abandon with a public reason, resume); its details (`…/edit`); its phases with planned
 * and actual days, « nous en sommes là » on the current one (`…/phases`); its workshops — plan one
 * (`…/workshops`: kind, date, duration, place, by default the « Local des habitants » of the site,
 * seats, institutional seats, deadline), publish, close registrations, reschedule, cancel with a
 * reason (`workshopRules`), and each one's registrations and day (`#registrations/workshop/<id>`,
 * `#day/workshop/<id>`: the walk's screens); what residents decided or asked (`…/contributions`),
 * adopted, studied or declined with a reason (`contributionRules`, `…/decide`); the engagements
 * that follow the project and « Proposer un engagement » (`POST /api/engagements` with `projectId`).
 *
 * Every form is checked with the core's schema (and rules) before it is sent, keeps what was typed on
 * a refusal or a failure, and sends one `Idempotency-Key` per attempt. `staff-role="organisation"`:
 * read-only (no form, no button; the server refuses them anyway).
 *
 * Stable hooks: `#project-title`, `#project-kind`, `#project-quartier`, `#project-site`,
 * `#project-address`, `#project-landlord`, `#project-partner-<orgId>`, `#project-description`,
 * `#project-save`; `button[data-step="<event>"]` (`announce`, `startConcertation`, …), then
 * `#action-reason` (`#action-starts-at`) and `#action-confirm`; `form[data-phase="<kind>"]` with
 * `#phase-<kind>-planned-start` … and `#phase-<kind>-save`; `li[data-phase="<kind>"][data-current]`;
 * `#workshop-kind`, `#workshop-title`, `#workshop-starts-at`, `#workshop-duration`, `#workshop-place`,
 * `#workshop-capacity`, `#workshop-institutional`, `#workshop-deadline`, `#workshop-submit`;
 * `li[data-workshop="<id>"]` with `button[data-workshop-step="<event>"]`, `a[data-link="registrations"]`,
 * `a[data-link="day"]`; `#contribution-workshop`, `#contribution-kind`, `#contribution-text`,
 * `#contribution-submit`; `li[data-contribution="<id>"][data-outcome]` with
 * `button[data-decide="adopt|study|decline"]`; `#engagement-title`, `#engagement-organisation`,
 * `#engagement-submit`; `li[data-engagement="<id>"]`; `#project-said` (what the last action did).
 *
 * @csspart lifecycle - The lifecycle steps.
 * @csspart details - The details form.
 * @csspart phases - The phases.
 * @csspart workshops - The workshops.
 * @csspart contributions - The contributions.
 * @csspart engagements - The engagements.
 */
export class GuspConsoleProject extends ConsoleScreen<ProjectData> {
  static override properties = {
    ...ConsoleScreen.properties,
    projectId: { type: String, attribute: 'project-id', reflect: true },
    said: { state: true },
    action: { state: true },
    sending: { state: true },
  };

  static override styles = [
    tokens,
    formParts,
    cards,
    css`
      form {
        padding: 0.75rem var(--_space);
        background: var(--_surface);
        border-radius: var(--_radius);
        margin: 0 0 var(--_space);
      }
      .cards > li[data-current] {
        border: 3px solid var(--_primary);
      }
      .here {
        font-weight: 700;
        color: var(--_primary);
      }
      .dates {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(9rem, 1fr));
        gap: 0 var(--_space);
      }
    `,
  ];

  /** The project the screen is about; without it, a new project. */
  declare projectId: string | undefined;
  /** What the last action did, said in the live region `#project-said`. */
  declare private said: string;
  /** The step waiting for its reason (or new date). */
  declare private action: PendingAction | undefined;
  /** The form being sent, if any. */
  declare private sending: FormName | undefined;

  private errors = new Map<FormName, FormError[]>();
  private details: DetailsValues | undefined;
  private readonly phases = new Map<PhaseKind, PhaseValues>();
  private workshop: WorkshopValues | undefined;
  private contribution = { workshopId: '', kind: 'decision', text: '' };
  private engagement = { title: '', organisationId: '' };
  /** The Idempotency-Key of each form's attempt, kept while the same body is sent again. */
  private readonly attempts = new Map<FormName, { readonly key: string; readonly body: string }>();
  /** The city, for the creation form (no project yet). */
  private city: CityProfile | undefined;

  protected readonly task = new Task(this, {
    args: () => [this.apiBase, this.projectId ?? '', this.staffRole, this.locale, this.given] as const,
    task: async ([base, id, role, locale, given], { signal }): Promise<ProjectData | undefined> => {
      if (given && this.data) return this.data;
      const init = { signal, locale };
      // The CSRF token of an embedded screen (the app has it already).
      const me = await staffRequest<{ session?: { csrfToken: string } }>(base, '/staff/me', init).catch(() => undefined);
      if (me?.session?.csrfToken) setCsrfToken(base, me.session.csrfToken);
      if (!id) {
        // A new project: the city's quartiers and organisations for the form.
        const list = await staffRequest<{ city: CityProfile }>(base, '/projects?limit=1', init);
        this.city = list.city;
        return undefined;
      }
      const path = `/projects/${encodeURIComponent(id)}`;
      const page = await staffRequest<ProjectPage & { city: CityProfile }>(base, path, init);
      const { city, ...rest } = page;
      this.city = city;
      const workshops =
        role === 'organisation'
          ? [...rest.upcomingWorkshops, ...rest.pastWorkshops]
          : (
              await staffPages<{ workshops: WorkshopSummary[] }>(
                base,
                `/workshops?${new URLSearchParams({ project: id, include: 'drafts', upcoming: '0' })}`,
                'workshops',
                init,
              )
            ).workshops;
      return { page: rest, city, workshops };
    },
    onComplete: (data) => {
      this.data = data;
    },
    onError: (error) => this.sessionEnded(error),
  });

  constructor() {
    super();
    this.said = '';
    this.action = undefined;
    this.sending = undefined;
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    // Another project: nothing typed or said about the last one stays.
    if (changed.has('projectId') && changed.get('projectId') !== undefined && !this.given) {
      this.data = undefined;
      this.resetForms();
      this.said = '';
    }
  }

  private resetForms(): void {
    this.details = undefined;
    this.phases.clear();
    this.workshop = undefined;
    this.contribution = { workshopId: '', kind: 'decision', text: '' };
    this.engagement = { title: '', organisationId: '' };
    this.errors.clear();
    this.attempts.clear();
    this.action = undefined;
  }

  private get p(): ProjectsTexts {
    return this.t.projects;
  }

  /** Who may change the project: coordinators (and anyone the app did not say the role of); never an organisation or an agent. */
  private get changes(): boolean {
    return this.staffRole !== 'organisation' && this.staffRole !== 'agent';
  }

  private label(key: string): string {
    return labelIn([PROJECT_MESSAGES], key, this.locale);
  }

  private refusalText(refusal: RuleRefusal): string {
    return errorMessageIn([PROJECT_MESSAGES], refusal.code, this.locale, refusal.details);
  }

  private get colon(): string {
    return labelIn([FIELD_MESSAGES], 'format.colon', this.locale);
  }

  /* ---------------------------------------------------------------- render */

  protected override render(): TemplateResult {
    const p = this.p;
    const failed = this.task.status === TaskStatus.ERROR;
    const data = this.data;
    const title = this.projectId ? (data?.page.project.title ?? this.t.screens.project) : p.newTitle;
    return html`<section lang=${this.locale} aria-labelledby="project-heading" data-screen="project">
      ${heading(this.level(), title, { id: 'project-heading', tabindex: '-1' })}
      <p><a id="back-to-projects" href=${hrefOf('projects')}>${p.backToList}</a></p>
      <p class="done" role="status" id="project-said" tabindex="-1">${this.said}</p>
      ${
        failed && !data
          ? this.loadFailure({ ids: { alert: 'load-error', retry: 'retry' }, final: [401, 403, 404] })
          : this.task.status === TaskStatus.PENDING && !data
            ? html`<p role="status">${this.t.loading}</p>`
            : !this.projectId
              ? this.changes
                ? this.city
                  ? this.detailsForm(undefined, this.city)
                  : html`<p role="status">${this.t.loading}</p>`
                : html`<p class="notice">${p.readOnly}</p>`
              : data
                ? this.screen(data)
                : html`<p role="status">${this.t.loading}</p>`
      }
    </section>`;
  }

  private screen(data: ProjectData): TemplateResult {
    const p = this.p;
    const { page, city } = data;
    const project = page.project;
    const quartier = findQuartier(city, project.quartierId);
    return html`${this.changes ? nothing : html`<p class="notice" id="read-only">${p.readOnly}</p>`}
      <dl>
        <div>
          <dt>${p.status}${this.colon}</dt>
          <dd id="project-status" data-status=${project.status}>${this.label(`project.status.${project.status}`)}</dd>
        </div>
        ${
          page.currentPhase
            ? html`<div>
                <dt>${p.nowHere}${this.colon}</dt>
                <dd id="project-phase">${this.label(`project.phase.${page.currentPhase}`)}</dd>
              </div>`
            : nothing
        }
        ${
          project.reason
            ? html`<div>
                <dt>${p.reason}${this.colon}</dt>
                <dd>${project.reason}</dd>
              </div>`
            : nothing
        }
        <div>
          <dt>${p.quartier}${this.colon}</dt>
          <dd>${quartier ? localName(quartier, this.locale) : project.quartierId}</dd>
        </div>
        <div>
          <dt>${p.site}${this.colon}</dt>
          <dd>${project.site.label}${project.site.address ? `, ${project.site.address}` : ''}</dd>
        </div>
        <div>
          <dt>${p.landlord}${this.colon}</dt>
          <dd>${page.landlord.name}</dd>
        </div>
        <div>
          <dt>${p.partners}${this.colon}</dt>
          <dd>${page.partners.length ? page.partners.map((o) => localName(o, this.locale)).join(', ') : p.noPartners}</dd>
        </div>
      </dl>
      ${this.changes ? this.lifecycle(data) : nothing} ${this.phasesPart(data)} ${this.workshopsPart(data)} ${this.contributionsPart(data)}
      ${this.engagementsPart(data)} ${this.changes && can(projectRules, project.status, 'edit') ? this.detailsForm(data, city) : nothing}`;
  }

  /* ---------------------------------------------------------------- errors */

  /** The errors of a form: a summary with a link to each field, focused after a failed send. */
  private errorSummary(form: FormName): TemplateResult | typeof nothing {
    const list = this.errors.get(form) ?? [];
    if (list.length === 0) return nothing;
    return html`<div class="error-summary" role="alert" tabindex="-1" id="${form}-errors">
      <p><strong>${this.p.errorTitle(list.length)}</strong></p>
      <ul>
        ${list.map((e) => html`<li>${e.field ? html`<a href="#${e.field}" @click=${(ev: Event) => this.focusField(ev, e.field!)}>${e.message}</a>` : e.message}</li>`)}
      </ul>
    </div>`;
  }

  private focusField(event: Event, id: string): void {
    event.preventDefault();
    this.renderRoot.querySelector<HTMLElement>(`#${id}`)?.focus();
  }

  private invalid(form: FormName, field: string): 'true' | 'false' {
    return (this.errors.get(form) ?? []).some((e) => e.field === field) ? 'true' : 'false';
  }

  /** A field's error below its label (the summary says them all). */
  private inlineError(form: FormName, field: string): TemplateResult | typeof nothing {
    const e = (this.errors.get(form) ?? []).find((x) => x.field === field);
    return e ? html`<p class="error" id="${field}-error">${e.message}</p>` : nothing;
  }

  private describedBy(form: FormName, field: string, hint?: string): string {
    return [hint, this.invalid(form, field) === 'true' ? `${field}-error` : undefined].filter(Boolean).join(' ');
  }

  /**
   * One field of a form: its label, its hint, its error (named in the summary too), and the input
   * (or, with `rows`, the text area) whose typing is kept in `values[key]`.
   */
  private field<V extends Record<K, string>, K extends keyof V & string>(
    form: FormName,
    id: string,
    label: string,
    values: V,
    key: K,
    o: {
      readonly type?: string;
      readonly hint?: string | undefined;
      readonly required?: boolean;
      readonly rows?: number;
      readonly numeric?: boolean;
    } = {},
  ): TemplateResult {
    const hintId = o.hint ? `${id}-hint` : undefined;
    const set = (e: Event) => ((values as Record<K, string>)[key] = (e.target as HTMLInputElement | HTMLTextAreaElement).value);
    const describedBy = this.describedBy(form, id, hintId) || nothing;
    return html`<div class="field">
      <label for=${id}>${label}</label>
      ${o.hint ? html`<span class="hint" id=${hintId!}>${o.hint}</span>` : nothing} ${this.inlineError(form, id)}
      ${
        o.rows
          ? html`<textarea
              id=${id}
              rows=${o.rows}
              ?required=${o.required ?? false}
              aria-invalid=${this.invalid(form, id)}
              aria-describedby=${describedBy}
              .value=${values[key]}
              @input=${set}
            ></textarea>`
          : html`<input
              id=${id}
              type=${o.type ?? 'text'}
              inputmode=${o.numeric ? 'numeric' : nothing}
              autocomplete="off"
              ?required=${o.required ?? false}
              aria-invalid=${this.invalid(form, id)}
              aria-describedby=${describedBy}
              .value=${values[key]}
              @input=${set}
            />`
      }
    </div>`;
  }

  /**
   * One choice of a form: its label, its error (named in the summary too), and the `<select>` of
   * `options` (`[value, label]`, after `none` with an empty value when given) whose choice is kept in
   * `values[key]`.
   */
  private select<V extends Record<K, string>, K extends keyof V & string>(
    form: FormName,
    id: string,
    label: string,
    values: V,
    key: K,
    options: readonly (readonly [value: string, label: string])[],
    o: { readonly none?: string; readonly required?: boolean } = {},
  ): TemplateResult {
    const chosen = values[key];
    return html`<div class="field">
      <label for=${id}>${label}</label>
      ${this.inlineError(form, id)}
      <select
        id=${id}
        ?required=${o.required ?? false}
        aria-invalid=${this.invalid(form, id)}
        aria-describedby=${this.describedBy(form, id) || nothing}
        @change=${(e: Event) => ((values as Record<K, string>)[key] = (e.target as HTMLSelectElement).value)}
      >
        ${o.none === undefined ? nothing : html`<option value="" ?selected=${!chosen}>${o.none}</option>`}
        ${options.map(([value, text]) => html`<option value=${value} ?selected=${chosen === value}>${text}</option>`)}
      </select>
    </div>`;
  }

  /** A form's submit button, `aria-disabled` while the form is being sent. */
  private submit(form: FormName, id: string, label: string): TemplateResult {
    return html`<div class="actions">
      <button type="submit" id=${id} aria-disabled=${this.sending === form ? 'true' : 'false'}>${label}</button>
    </div>`;
  }

  /** Shows `errors` for `form` and puts the focus on its summary. */
  private async report(form: FormName, errors: FormError[]): Promise<boolean> {
    if (errors.length === 0) {
      this.errors.delete(form);
      this.requestUpdate();
      return true;
    }
    this.errors.set(form, errors);
    this.requestUpdate();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`#${CSS.escape(form)}-errors`)?.focus();
    return false;
  }

  /** The core's schema on a body: each issue named after its field (« Titre : … »), on the field it is about. */
  private issues(
    schema: Parameters<typeof validate>[0],
    body: unknown,
    fields: Readonly<Record<string, readonly [string, string]>>,
  ): FormError[] {
    const result = validate(schema, body, this.locale);
    if (result.ok) return [];
    const issues = (result.error.details['issues'] as FieldIssue[] | undefined) ?? [];
    return issues.map((issue) => {
      const key = Object.keys(fields).find((k) => issue.path === k || issue.path.startsWith(`${k}.`));
      const [id, label] = key ? fields[key]! : [undefined, undefined];
      return { field: id, message: label ? `${label}${this.colon}${issue.message}` : issue.message };
    });
  }

  /**
   * Sends a form: one key per attempt (the same body again keeps it, so a resend applies once);
   * on a refusal or no answer the values stay and the summary says why; on success, `done` is said.
   */
  private async send<T>(form: FormName, path: string, body: unknown, done: (answer: T) => string): Promise<T | undefined> {
    if (this.sending) return undefined;
    const json = JSON.stringify({ path, body });
    const attempt = this.attempts.get(form);
    const key = attempt?.body === json ? attempt.key : newId();
    this.attempts.set(form, { key, body: json });
    this.sending = form;
    try {
      const answer = await staffRequest<T>(this.apiBase, path, {
        method: 'POST',
        json: body,
        locale: this.locale,
        headers: { 'Idempotency-Key': key },
      });
      this.attempts.delete(form);
      this.errors.delete(form);
      this.sending = undefined;
      this.said = done(answer);
      return answer;
    } catch (error) {
      this.sending = undefined;
      this.sessionEnded(error);
      // A refusal will not change on a resend: a new key next time. Without an answer, the same one.
      if (error instanceof ApiRefusal) this.attempts.delete(form);
      await this.report(form, [{ message: error instanceof ApiRefusal ? this.describeError(error) : this.p.sendFailed }]);
      return undefined;
    }
  }

  /** After a change: reloads, and puts the focus on what was said. */
  private async settle(focus = '#project-said'): Promise<void> {
    await this.reload().catch(() => undefined);
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(focus)?.focus();
  }

  /* ---------------------------------------------------------------- lifecycle */

  private lifecycle(data: ProjectData): TemplateResult {
    const p = this.p;
    const project = data.page.project;
    const ctx = { city: data.city, project, now: new Date(), reason: REASON_ASKED, actorRole: this.staffRole };
    const steps = PROJECT_STEPS.filter(([event]) => can(projectRules, project.status, event, ctx));
    return html`<section class="block" part="lifecycle" aria-labelledby="lifecycle-title">
      ${heading(this.level(1), p.lifecycleTitle, { id: 'lifecycle-title' })}
      ${
        steps.length === 0
          ? html`<p>${p.lifecycleNone}</p>`
          : html`<div class="actions">
              ${steps.map(
                ([event, route]) =>
                  html`<button
                    type="button"
                    class=${WITH_REASON.includes(event) ? 'secondary' : ''}
                    data-step=${event}
                    aria-expanded=${WITH_REASON.includes(event) ? (this.action?.event === event ? 'true' : 'false') : nothing}
                    @click=${() => void this.projectStep(data, event, route)}
                  >
                    ${p.steps[event]}
                  </button>`,
              )}
            </div>`
      }
      ${this.action?.scope === 'project' ? this.actionForm(data) : nothing}
    </section>`;
  }

  private async projectStep(data: ProjectData, event: ProjectStep, route: string, confirmed = false): Promise<void> {
    const id = data.page.project.id;
    if (WITH_REASON.includes(event) && !confirmed) return this.openAction({ scope: 'project', event, id, reason: '', startsAt: '' });
    const body = WITH_REASON.includes(event) ? { reason: this.action?.reason.trim() ?? '' } : undefined;
    if (body) {
      const ctx = { city: data.city, project: data.page.project, now: new Date(), reason: body.reason, actorRole: this.staffRole };
      const errors = [
        ...this.issues(ReasonInput, body, { reason: ['action-reason', this.p.reasonFor[event as 'suspend' | 'abandon']] }),
        ...refusalsOf(projectRules, data.page.project.status, event, ctx).map((r) => ({
          field: 'action-reason',
          message: this.refusalText(r),
        })),
      ];
      if (!(await this.report('action', errors))) return;
    }
    const done = await this.send('action', `/projects/${encodeURIComponent(id)}/${route}`, body ?? {}, () => this.p.stepDone[event]);
    if (done) {
      this.action = undefined;
      await this.settle();
    } else if (!body) await this.focusErrors('action');
  }

  private async focusErrors(form: FormName): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`#${CSS.escape(form)}-errors`)?.focus();
  }

  private async openAction(action: PendingAction): Promise<void> {
    this.action = action;
    this.errors.delete('action');
    this.attempts.delete('action');
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(action.event === 'reschedule' ? '#action-starts-at' : '#action-reason')?.focus();
  }

  private async closeAction(): Promise<void> {
    const action = this.action;
    this.action = undefined;
    this.errors.delete('action');
    if (!action) return;
    await this.updateComplete;
    const selector =
      action.scope === 'project'
        ? `button[data-step="${action.event}"]`
        : action.scope === 'workshop'
          ? `li[data-workshop="${CSS.escape(action.id)}"] button[data-workshop-step="${action.event}"]`
          : `li[data-contribution="${CSS.escape(action.id)}"] button[data-decide="${action.event}"]`;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  /** The step's confirmation: its reason (or new date), « Confirmer » and « Annuler » (Escape too). */
  private actionForm(data: ProjectData): TemplateResult {
    const p = this.p;
    const a = this.action!;
    const reschedule = a.event === 'reschedule';
    const [label, hint, action] =
      a.scope === 'project'
        ? [p.reasonFor[a.event as 'suspend' | 'abandon'], p.reasonHint, p.steps[a.event as ProjectStep]]
        : a.scope === 'workshop'
          ? [p.cancelReason, reschedule ? p.rescheduleHint : p.cancelHint, p.workshopSteps[a.event as WorkshopStep]]
          : [p.declineReason, p.declineHint, p.decide.decline];
    return html`<form
      class="confirm"
      novalidate
      aria-labelledby="action-title"
      @submit=${(e: Event) => {
        e.preventDefault();
        void this.confirmAction(data);
      }}
      @keydown=${(e: KeyboardEvent) => {
        if (e.key === 'Escape') void this.closeAction();
      }}
    >
      <p id="action-title"><strong>${action}</strong></p>
      ${this.errorSummary('action')}
      ${
        reschedule
          ? this.field('action', 'action-starts-at', p.newStart, a, 'startsAt', {
              type: 'datetime-local',
              hint: `${p.rescheduleHint} ${p.startsAtHint(data.city.timezone)}`,
              required: true,
            })
          : this.field('action', 'action-reason', label, a, 'reason', { hint, required: true, rows: 2 })
      }
      <div class="actions">
        <button type="submit" id="action-confirm" aria-disabled=${this.sending === 'action' ? 'true' : 'false'}>
          ${p.confirm(action)}
        </button>
        <button type="button" class="secondary" id="action-keep" @click=${() => void this.closeAction()}>${p.keep}</button>
      </div>
    </form>`;
  }

  private async confirmAction(data: ProjectData): Promise<void> {
    const a = this.action;
    if (!a) return;
    if (a.scope === 'project') {
      const route = PROJECT_STEPS.find(([e]) => e === a.event)![1];
      return this.projectStep(data, a.event as ProjectStep, route, true);
    }
    if (a.scope === 'workshop') {
      const summary = data.workshops.find((w) => w.workshop.id === a.id);
      return summary ? this.workshopStep(data, summary, a.event as WorkshopStep, true) : undefined;
    }
    const c = data.page.contributions.find((x) => x.id === a.id);
    return c ? this.decide(data, c, 'decline', true) : undefined;
  }

  /* ---------------------------------------------------------------- details */

  private detailsValues(data: ProjectData | undefined, city: CityProfile): DetailsValues {
    if (this.details) return this.details;
    const project = data?.page.project;
    const landlord = city.organisations.find((o) => o.kind === 'landlord')?.id ?? city.organisations[0]?.id ?? '';
    this.details = project
      ? {
          title: project.title,
          kind: project.kind,
          quartierId: project.quartierId,
          siteLabel: project.site.label,
          siteAddress: project.site.address ?? '',
          landlordId: project.landlordId,
          partnerIds: [...project.partnerIds],
          description: project.description,
        }
      : {
          title: '',
          kind: 'building-renovation',
          quartierId: '',
          siteLabel: '',
          siteAddress: '',
          landlordId: landlord,
          partnerIds: [],
          description: '',
        };
    return this.details;
  }

  private detailsForm(data: ProjectData | undefined, city: CityProfile): TemplateResult {
    const p = this.p;
    const v = this.detailsValues(data, city);
    const f: FormName = 'details';
    const text = (id: string, key: 'title' | 'siteLabel' | 'siteAddress', label: string, hint?: string, required = false) =>
      this.field(f, id, label, v, key, { hint, required });
    const organisations = city.organisations.map((o) => [o.id, localName(o, this.locale)] as const);
    return html`<section class="block" part="details" aria-labelledby="details-title">
      ${heading(this.level(1), p.detailsTitle, { id: 'details-title' })}
      <p id="details-intro">${p.detailsIntro}</p>
      <form
        novalidate
        aria-labelledby="details-title"
        aria-describedby="details-intro"
        @submit=${(e: Event) => void this.saveDetails(e, data, city)}
      >
        ${this.errorSummary(f)} ${text('project-title', 'title', p.title, undefined, true)}
        ${this.select(
          f,
          'project-kind',
          p.kind,
          v,
          'kind',
          PROJECT_KINDS.map((k) => [k, this.label(`project.kind.${k}`)] as const),
        )}
        ${this.select(
          f,
          'project-quartier',
          p.quartier,
          v,
          'quartierId',
          city.quartiers.map((q) => [q.id, localName(q, this.locale)] as const),
          {
            none: p.chooseQuartier,
            required: true,
          },
        )}
        ${text('project-site', 'siteLabel', p.siteLabel, p.siteLabelHint, true)} ${text('project-address', 'siteAddress', p.siteAddress)}
        ${this.select(f, 'project-landlord', p.landlord, v, 'landlordId', organisations)}
        <fieldset>
          <legend>${p.partners}</legend>
          ${city.organisations.map(
            (o) =>
              html`<div class="check">
                <input
                  type="checkbox"
                  id="project-partner-${o.id}"
                  .checked=${v.partnerIds.includes(o.id)}
                  @change=${(e: Event) =>
                    (v.partnerIds = (e.target as HTMLInputElement).checked
                      ? city.organisations.map((x) => x.id).filter((x) => x === o.id || v.partnerIds.includes(x))
                      : v.partnerIds.filter((x) => x !== o.id))}
                />
                <label for="project-partner-${o.id}">${localName(o, this.locale)}</label>
              </div>`,
          )}
        </fieldset>
        ${this.field(f, 'project-description', p.description, v, 'description', { hint: p.descriptionHint, rows: 4 })}
        ${this.submit(f, 'project-save', this.sending === f ? p.saving : data ? p.save : p.create)}
      </form>
    </section>`;
  }

  private async saveDetails(event: Event, data: ProjectData | undefined, city: CityProfile): Promise<void> {
    event.preventDefault();
    const p = this.p;
    const v = this.detailsValues(data, city);
    const body = {
      quartierId: v.quartierId,
      title: v.title,
      kind: v.kind,
      site: { label: v.siteLabel, ...(v.siteAddress.trim() ? { address: v.siteAddress } : {}) },
      landlordId: v.landlordId,
      partnerIds: v.partnerIds,
      description: v.description,
    };
    const fields = {
      title: ['project-title', p.title],
      quartierId: ['project-quartier', p.quartier],
      'site.label': ['project-site', p.siteLabel],
      'site.address': ['project-address', p.siteAddress],
      site: ['project-site', p.siteLabel],
      landlordId: ['project-landlord', p.landlord],
      description: ['project-description', p.description],
    } as const;
    // What is missing said plainly; the schema's other issues named after their field.
    const errors: FormError[] = [];
    if (!v.title.trim()) errors.push({ field: 'project-title', message: p.missingTitle });
    if (!v.quartierId) errors.push({ field: 'project-quartier', message: p.missingQuartier });
    if (!v.siteLabel.trim()) errors.push({ field: 'project-site', message: p.missingSite });
    const said = new Set(errors.map((e) => e.field));
    errors.push(...this.issues(data ? EditProjectInput : CreateProjectInput, body, fields).filter((e) => !said.has(e.field)));
    if (errors.length === 0) {
      const state: ProjectStatus | 'none' = data ? data.page.project.status : 'none';
      const ctx = { city, project: body as unknown as ProjectContext['project'], now: new Date(), actorRole: this.staffRole };
      errors.push(...refusalsOf(projectRules, state, data ? 'edit' : 'create', ctx).map((r) => ({ message: this.refusalText(r) })));
    }
    if (!(await this.report('details', errors))) return;
    if (!data) {
      const created = await this.send<{ id: string; title: string }>('details', '/projects', body, (answer) => p.created(answer.title));
      if (!created) return;
      this.details = undefined;
      // The new project's page: the address says it, the screen shows it.
      if (location.hash.startsWith('#project')) history.replaceState(history.state, '', hashOf('project', created.id));
      this.projectId = created.id;
      await this.updateComplete;
      await this.loaded;
      this.renderRoot.querySelector<HTMLElement>('#project-said')?.focus();
      return;
    }
    const id = data.page.project.id;
    const saved = await this.send('details', `/projects/${encodeURIComponent(id)}/edit`, body, () => p.saved);
    if (saved) {
      this.details = undefined;
      await this.settle();
    }
  }

  /* ---------------------------------------------------------------- phases */

  private phaseValues(data: ProjectData, kind: PhaseKind): PhaseValues {
    let v = this.phases.get(kind);
    if (!v) {
      const phase = data.page.phases.find((x) => x.kind === kind);
      v = {
        plannedStart: phase?.plannedStart ?? '',
        plannedEnd: phase?.plannedEnd ?? '',
        actualStart: phase?.actualStart ?? '',
        actualEnd: phase?.actualEnd ?? '',
        note: phase?.note ?? '',
      };
      this.phases.set(kind, v);
    }
    return v;
  }

  private phasesPart(data: ProjectData): TemplateResult {
    const p = this.p;
    const editable = this.changes && can(projectRules, data.page.project.status, 'setPhase');
    const day = (d?: string) => (d ? this.localize.date(`${d}T12:00:00Z`, { dateStyle: 'medium', timeZone: 'UTC' }) : '');
    return html`<section class="block" part="phases" aria-labelledby="phases-title">
      ${heading(this.level(1), p.phasesTitle, { id: 'phases-title' })}
      <p>${p.phasesIntro}</p>
      <ol class="cards">
        ${data.page.phases.map((phase) => {
          const name = this.label(`project.phase.${phase.kind}`);
          const planned =
            phase.plannedStart || phase.plannedEnd ? `${p.planned} ${p.range(day(phase.plannedStart), day(phase.plannedEnd))}` : '';
          const actual = phase.actualStart || phase.actualEnd ? `${p.actual} ${p.range(day(phase.actualStart), day(phase.actualEnd))}` : '';
          return html`<li data-phase=${phase.kind} ?data-current=${phase.current}>
            ${heading(this.level(2), html`${name}${phase.current ? html` <span class="here">– ${p.nowHere}</span>` : nothing}`)}
            <p class="meta">${[planned, actual].filter(Boolean).join(' · ') || p.notDated}</p>
            ${phase.note ? html`<p>${phase.note}</p>` : nothing} ${editable ? this.phaseForm(data, phase.kind, name) : nothing}
          </li>`;
        })}
      </ol>
    </section>`;
  }

  private phaseForm(data: ProjectData, kind: PhaseKind, name: string): TemplateResult {
    const p = this.p;
    const v = this.phaseValues(data, kind);
    const f: FormName = `phase-${kind}`;
    const date = (key: 'plannedStart' | 'plannedEnd' | 'actualStart' | 'actualEnd', label: string, slug: string) =>
      this.field(f, `phase-${kind}-${slug}`, label, v, key, { type: 'date' });
    return html`<form
      data-phase=${kind}
      novalidate
      aria-label=${p.savePhase(name)}
      @submit=${(e: Event) => void this.savePhase(e, data, kind, name)}
    >
      ${this.errorSummary(f)}
      <div class="dates">
        ${date('plannedStart', p.plannedStart, 'planned-start')} ${date('plannedEnd', p.plannedEnd, 'planned-end')}
        ${date('actualStart', p.actualStart, 'actual-start')} ${date('actualEnd', p.actualEnd, 'actual-end')}
      </div>
      <div class="field">
        <label for="phase-${kind}-note">${p.phaseNote}</label>
        <input
          id="phase-${kind}-note"
          type="text"
          .value=${v.note}
          @input=${(e: Event) => (v.note = (e.target as HTMLInputElement).value)}
        />
      </div>
      <div class="actions">
        <button type="submit" class="secondary" id="phase-${kind}-save">${p.savePhase(name)}</button>
      </div>
    </form>`;
  }

  private async savePhase(event: Event, data: ProjectData, kind: PhaseKind, name: string): Promise<void> {
    event.preventDefault();
    const p = this.p;
    const v = this.phaseValues(data, kind);
    const f: FormName = `phase-${kind}`;
    const opt = (s: string) => (s.trim() ? s.trim() : undefined);
    const phase = {
      kind,
      ...(opt(v.plannedStart) ? { plannedStart: opt(v.plannedStart) } : {}),
      ...(opt(v.plannedEnd) ? { plannedEnd: opt(v.plannedEnd) } : {}),
      ...(opt(v.actualStart) ? { actualStart: opt(v.actualStart) } : {}),
      ...(opt(v.actualEnd) ? { actualEnd: opt(v.actualEnd) } : {}),
      ...(opt(v.note) ? { note: opt(v.note) } : {}),
    };
    const fields = {
      plannedStart: [`phase-${kind}-planned-start`, p.plannedStart],
      plannedEnd: [`phase-${kind}-planned-end`, p.plannedEnd],
      actualStart: [`phase-${kind}-actual-start`, p.actualStart],
      actualEnd: [`phase-${kind}-actual-end`, p.actualEnd],
      note: [`phase-${kind}-note`, p.phaseNote],
    } as const;
    const errors = this.issues(SetPhaseInput, phase, fields);
    if (errors.length === 0) {
      const ctx = { city: data.city, project: data.page.project, now: new Date(), phase, actorRole: this.staffRole };
      errors.push(
        ...refusalsOf(projectRules, data.page.project.status, 'setPhase', ctx).map((r) => ({
          field: r.code === 'project.phase-dates' ? `phase-${kind}-planned-end` : undefined,
          message: this.refusalText(r),
        })),
      );
    }
    if (!(await this.report(f, errors))) return;
    const saved = await this.send(f, `/projects/${encodeURIComponent(data.page.project.id)}/phases`, phase, () => p.phaseSaved(name));
    if (saved) {
      this.phases.delete(kind);
      await this.settle();
    }
  }

  /* ---------------------------------------------------------------- workshops */

  private workshopsPart(data: ProjectData): TemplateResult {
    const p = this.p;
    const list = [...data.workshops].sort((a, b) => Date.parse(a.workshop.startsAt) - Date.parse(b.workshop.startsAt));
    const plans = this.changes && !['abandoned', 'evaluated'].includes(data.page.project.status);
    return html`<section class="block" part="workshops" aria-labelledby="workshops-title">
      ${heading(this.level(1), p.workshopsTitle, { id: 'workshops-title' })}
      ${
        list.length === 0
          ? html`<p id="no-workshops">${p.noWorkshops}</p>`
          : html`<ul class="cards" aria-labelledby="workshops-title">
              ${list.map((s) => this.workshopCard(data, s))}
            </ul>`
      }
      ${plans ? this.workshopForm(data) : nothing}
    </section>`;
  }

  private workshopCard(data: ProjectData, s: WorkshopSummary): TemplateResult {
    const p = this.p;
    const w = s.workshop;
    const when = this.localize.date(w.startsAt, { dateStyle: 'full', timeStyle: 'short', timeZone: data.city.timezone });
    const steps = this.changes ? WORKSHOP_STEPS.filter(([event]) => can(workshopRules, s.status, event)) : [];
    const about = html`<span class="visually-hidden">${p.about(w.title)}</span>`;
    const staff = this.staffRole !== 'organisation';
    return html`<li data-workshop=${w.id} data-status=${s.status}>
      ${heading(this.level(2), w.title)}
      <p><span class="badge ${s.status}">${this.label(`workshop.status.${s.status}`)}</span> · ${this.label(`workshop.kind.${w.kind}`)}</p>
      <p>${when}${w.place ? ` · ${w.place.label}` : ''}</p>
      <p class="meta">
        ${['in-progress', 'done'].includes(s.status) ? this.t.attended(s.attended) : this.t.seats(s.confirmed, s.seatsLeft, s.capacity, s.waitlisted)}
      </p>
      ${
        staff && s.status !== 'draft'
          ? html`<ul class="links">
              <li><a href=${hrefOf('registrations', w.id, 'workshop')} data-link="registrations">${p.registrationsLink}${about}</a></li>
              <li><a href=${hrefOf('day', w.id, 'workshop')} data-link="day">${p.dayLink}${about}</a></li>
            </ul>`
          : nothing
      }
      ${
        steps.length
          ? html`<div class="actions">
              ${steps.map(
                ([event]) =>
                  html`<button
                    type="button"
                    class=${event === 'publish' ? '' : 'secondary'}
                    data-workshop-step=${event}
                    @click=${() => void this.workshopStep(data, s, event)}
                  >
                    ${p.workshopSteps[event]}${about}
                  </button>`,
              )}
            </div>`
          : nothing
      }
      ${this.action?.scope === 'workshop' && this.action.id === w.id ? this.actionForm(data) : nothing}
    </li>`;
  }

  private async workshopStep(data: ProjectData, s: WorkshopSummary, event: WorkshopStep, confirmed = false): Promise<void> {
    const p = this.p;
    const w = s.workshop;
    const asks = event === 'cancel' || event === 'reschedule';
    if (asks && !confirmed)
      return this.openAction({
        scope: 'workshop',
        event,
        id: w.id,
        reason: '',
        startsAt: event === 'reschedule' ? localFromZoned(w.startsAt, data.city.timezone) : '',
      });
    const route = WORKSHOP_STEPS.find(([e]) => e === event)![1];
    let body: object = {};
    if (asks) {
      const a = this.action!;
      if (event === 'cancel') {
        body = { reason: a.reason.trim() };
        const ctx = { city: data.city, workshop: w, now: new Date(), reason: a.reason, actorRole: this.staffRole };
        const errors = [
          ...this.issues(ReasonInput, body, { reason: ['action-reason', p.cancelReason] }),
          ...refusalsOf(workshopRules, s.status, 'cancel', ctx).map((r) => ({ field: 'action-reason', message: this.refusalText(r) })),
        ];
        if (!(await this.report('action', errors))) return;
      } else {
        const startsAt = zonedFromLocal(a.startsAt, data.city.timezone);
        if (!startsAt) return void (await this.report('action', [{ field: 'action-starts-at', message: p.missingStart }]));
        body = { startsAt };
        const ctx = { city: data.city, workshop: w, now: new Date(), startsAt, actorRole: this.staffRole };
        const errors = [
          ...this.issues(RescheduleWorkshopInput, body, { startsAt: ['action-starts-at', p.newStart] }),
          ...refusalsOf(workshopRules, s.status, 'reschedule', ctx).map((r) => ({
            field: 'action-starts-at',
            message: this.refusalText(r),
          })),
        ];
        if (!(await this.report('action', errors))) return;
      }
    }
    const done = await this.send('action', `/workshops/${encodeURIComponent(w.id)}/${route}`, body, () => p.workshopDone[event]);
    if (done) {
      this.action = undefined;
      await this.settle();
    } else if (!asks) await this.focusErrorsAt(w.id);
  }

  /** A step refused straight from a workshop's card: the error is said at the top. */
  private async focusErrorsAt(workshopId: string): Promise<void> {
    const errors = this.errors.get('action') ?? [];
    this.errors.delete('action');
    this.said = errors.map((e) => e.message).join(' ');
    await this.updateComplete;
    (
      this.renderRoot.querySelector<HTMLElement>('#project-said') ??
      this.renderRoot.querySelector<HTMLElement>(`li[data-workshop="${CSS.escape(workshopId)}"]`)
    )?.focus();
  }

  private workshopValues(data: ProjectData): WorkshopValues {
    this.workshop ??= {
      kind: 'learning',
      title: '',
      startsAt: '',
      duration: '',
      // The residents' room of the project's site, where its workshops usually are.
      place: `${this.p.defaultPlace}, ${data.page.project.site.label}`,
      capacity: '',
      institutionalSeats: '',
      deadline: '',
    };
    return this.workshop;
  }

  private workshopForm(data: ProjectData): TemplateResult {
    const p = this.p;
    const v = this.workshopValues(data);
    const f: FormName = 'workshop';
    const tz = data.city.timezone;
    const input = (id: string, key: keyof WorkshopValues, label: string, type: string, hint?: string, required = false) =>
      this.field(f, id, label, v, key, { type, hint, required, numeric: type === 'text' && key !== 'title' && key !== 'place' });
    return html`${heading(this.level(2), p.planTitle, { id: 'workshop-plan-title' })}
      <p id="workshop-plan-intro">${p.planIntro}</p>
      <form
        novalidate
        aria-labelledby="workshop-plan-title"
        aria-describedby="workshop-plan-intro"
        @submit=${(e: Event) => void this.planWorkshop(e, data)}
      >
        ${this.errorSummary(f)}
        ${this.select(
          f,
          'workshop-kind',
          p.workshopKind,
          v,
          'kind',
          WORKSHOP_KINDS.map((k) => [k, this.label(`workshop.kind.${k}`)] as const),
        )}
        ${input('workshop-title', 'title', p.workshopTitle, 'text', undefined, true)}
        ${input('workshop-starts-at', 'startsAt', p.startsAt, 'datetime-local', p.startsAtHint(tz), true)}
        ${input('workshop-duration', 'duration', p.duration, 'text', p.durationHint)}
        ${input('workshop-place', 'place', p.place, 'text', p.placeHint, true)}
        ${input('workshop-capacity', 'capacity', p.capacity, 'text', p.capacityHint(data.city.defaults.capacity))}
        ${input('workshop-institutional', 'institutionalSeats', p.institutionalSeats, 'text', p.institutionalSeatsHint)}
        ${input('workshop-deadline', 'deadline', p.deadline, 'datetime-local', p.deadlineHint)}
        ${this.submit(f, 'workshop-submit', this.sending === f ? p.saving : p.planSubmit)}
      </form>`;
  }

  private async planWorkshop(event: Event, data: ProjectData): Promise<void> {
    event.preventDefault();
    const p = this.p;
    const v = this.workshopValues(data);
    const tz = data.city.timezone;
    const startsAt = zonedFromLocal(v.startsAt, tz);
    const deadline = v.deadline.trim() ? zonedFromLocal(v.deadline, tz) : undefined;
    const body = {
      kind: v.kind,
      title: v.title,
      startsAt: startsAt ?? v.startsAt,
      ...(numberOr(v.duration) !== undefined ? { durationMinutes: numberOr(v.duration) } : {}),
      ...(v.place.trim() ? { place: { label: v.place } } : {}),
      ...(numberOr(v.capacity) !== undefined ? { capacity: numberOr(v.capacity) } : {}),
      ...(numberOr(v.institutionalSeats) !== undefined ? { institutionalSeats: numberOr(v.institutionalSeats) } : {}),
      ...(v.deadline.trim() ? { registrationDeadline: deadline ?? v.deadline } : {}),
    };
    const fields = {
      title: ['workshop-title', p.workshopTitle],
      startsAt: ['workshop-starts-at', p.startsAt],
      durationMinutes: ['workshop-duration', p.duration],
      place: ['workshop-place', p.place],
      capacity: ['workshop-capacity', p.capacity],
      institutionalSeats: ['workshop-institutional', p.institutionalSeats],
      registrationDeadline: ['workshop-deadline', p.deadline],
    } as const;
    const errors: FormError[] = [];
    if (!v.title.trim()) errors.push({ field: 'workshop-title', message: p.missingWorkshopTitle });
    if (!v.startsAt.trim()) errors.push({ field: 'workshop-starts-at', message: p.missingStart });
    const said = new Set(errors.map((e) => e.field));
    errors.push(...this.issues(ScheduleWorkshopInput, body, fields).filter((e) => !said.has(e.field)));
    if (!(await this.report('workshop', errors))) return;
    const done = await this.send<{ title: string }>(
      'workshop',
      `/projects/${encodeURIComponent(data.page.project.id)}/workshops`,
      body,
      (answer) => p.planned2(answer.title),
    );
    if (done) {
      this.workshop = undefined;
      await this.settle();
    }
  }

  /* ---------------------------------------------------------------- contributions */

  private contributionsPart(data: ProjectData): TemplateResult {
    const p = this.p;
    const list = data.page.contributions;
    return html`<section class="block" part="contributions" aria-labelledby="contributions-title">
      ${heading(this.level(1), p.contributionsTitle, { id: 'contributions-title' })}
      <p>${p.contributionsIntro}</p>
      ${
        list.length === 0
          ? html`<p id="no-contributions">${p.noContributions}</p>`
          : html`<ul class="cards" aria-labelledby="contributions-title">
              ${list.map((c) => this.contributionCard(data, c))}
            </ul>`
      }
      ${this.changes ? this.contributionForm(data) : nothing}
    </section>`;
  }

  private contributionCard(data: ProjectData, c: ProjectPage['contributions'][number]): TemplateResult {
    const p = this.p;
    const events = this.changes
      ? (['adopt', 'study', 'decline'] as const).filter((e) =>
          can(contributionRules, c.outcome, e, { actorRole: this.staffRole, reason: REASON_ASKED }),
        )
      : [];
    return html`<li data-contribution=${c.id} data-outcome=${c.outcome}>
      <p><strong>${c.text}</strong></p>
      <p class="meta">${this.label(`contribution.kind.${c.kind}`)}${c.workshopTitle ? ` · ${p.atWorkshop(c.workshopTitle)}` : ''}</p>
      <p>
        ${p.outcome}${this.colon}<span class="badge ${c.outcome}">${this.label(`contribution.outcome.${c.outcome}`)}</span>
        ${c.outcomeReason ? html`<br />« ${c.outcomeReason} »` : nothing}
      </p>
      ${
        events.length
          ? html`<div class="actions">
              ${events.map(
                (e) =>
                  html`<button
                    type="button"
                    class=${e === 'adopt' ? '' : 'secondary'}
                    data-decide=${e}
                    @click=${() => void this.decide(data, c, e)}
                  >
                    ${p.decide[e]}<span class="visually-hidden"> : ${c.text}</span>
                  </button>`,
              )}
            </div>`
          : nothing
      }
      ${this.action?.scope === 'contribution' && this.action.id === c.id ? this.actionForm(data) : nothing}
    </li>`;
  }

  private async decide(
    data: ProjectData,
    c: ProjectPage['contributions'][number],
    event: 'adopt' | 'study' | 'decline',
    confirmed = false,
  ): Promise<void> {
    const p = this.p;
    if (event === 'decline' && !confirmed) return this.openAction({ scope: 'contribution', event, id: c.id, reason: '', startsAt: '' });
    const outcome = (Object.keys(CONTRIBUTION_EVENT_OF) as (keyof typeof CONTRIBUTION_EVENT_OF)[]).find(
      (o) => CONTRIBUTION_EVENT_OF[o] === event,
    )!;
    const reason = event === 'decline' ? (this.action?.reason.trim() ?? '') : '';
    const body = { outcome, ...(reason ? { reason } : {}) };
    if (event === 'decline') {
      const errors = [
        ...this.issues(DecideContributionInput, body, { reason: ['action-reason', p.declineReason] }),
        ...refusalsOf(contributionRules, c.outcome, 'decline', { reason, actorRole: this.staffRole }).map((r) => ({
          field: 'action-reason',
          message: this.refusalText(r),
        })),
      ];
      if (!(await this.report('action', errors))) return;
    }
    const path = `/projects/${encodeURIComponent(data.page.project.id)}/contributions/${encodeURIComponent(c.id)}/decide`;
    const done = await this.send('action', path, body, () => p.decided[event]);
    if (done) {
      this.action = undefined;
      await this.settle();
    } else if (event !== 'decline') {
      this.said = (this.errors.get('action') ?? []).map((e) => e.message).join(' ');
      this.errors.delete('action');
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#project-said')?.focus();
    }
  }

  private contributionForm(data: ProjectData): TemplateResult {
    const p = this.p;
    const v = this.contribution;
    const f: FormName = 'contribution';
    const workshops = data.workshops.filter((w) => w.workshop.status !== 'draft' && w.workshop.status !== 'cancelled');
    return html`${heading(this.level(2), p.recordTitle, { id: 'contribution-form-title' })}
      <form novalidate aria-labelledby="contribution-form-title" @submit=${(e: Event) => void this.recordContribution(e, data)}>
        ${this.errorSummary(f)}
        ${this.select(
          f,
          'contribution-workshop',
          p.contributionWorkshop,
          v,
          'workshopId',
          workshops.map(
            (w) =>
              [
                w.workshop.id,
                `${w.workshop.title} (${this.localize.date(w.workshop.startsAt, { dateStyle: 'medium', timeZone: data.city.timezone })})`,
              ] as const,
          ),
          { none: p.noWorkshop },
        )}
        ${this.select(
          f,
          'contribution-kind',
          p.contributionKind,
          v,
          'kind',
          CONTRIBUTION_KINDS.map((k) => [k, this.label(`contribution.kind.${k}`)] as const),
        )}
        ${this.field(f, 'contribution-text', p.contributionText, v, 'text', { hint: p.contributionTextHint, required: true, rows: 2 })}
        ${this.submit(f, 'contribution-submit', p.record)}
      </form>`;
  }

  private async recordContribution(event: Event, data: ProjectData): Promise<void> {
    event.preventDefault();
    const p = this.p;
    const v = this.contribution;
    const body = { ...(v.workshopId ? { workshopId: v.workshopId } : {}), kind: v.kind, text: v.text };
    const errors: FormError[] = v.text.trim()
      ? this.issues(RecordContributionInput, body, { text: ['contribution-text', p.contributionText] })
      : [{ field: 'contribution-text', message: p.missingText }];
    if (!(await this.report('contribution', errors))) return;
    const done = await this.send(
      'contribution',
      `/projects/${encodeURIComponent(data.page.project.id)}/contributions`,
      body,
      () => p.recorded,
    );
    if (done) {
      // The next one starts blank, in the same workshop (several are noted one after the other).
      this.contribution = { workshopId: v.workshopId, kind: v.kind, text: '' };
      await this.settle();
    }
  }

  /* ---------------------------------------------------------------- engagements */

  private engagementsPart(data: ProjectData): TemplateResult {
    const p = this.p;
    const list = data.page.engagements;
    const day = (d: string) => this.localize.date(`${d}T12:00:00Z`, { dateStyle: 'medium', timeZone: 'UTC' });
    return html`<section class="block" part="engagements" aria-labelledby="engagements-title">
      ${heading(this.level(1), p.engagementsTitle, { id: 'engagements-title' })}
      ${
        list.length === 0
          ? html`<p id="no-engagements">${p.noEngagements}</p>`
          : html`<ul class="cards" aria-labelledby="engagements-title">
              ${list.map(
                (e) =>
                  html`<li data-engagement=${e.id} data-status=${e.status}>
                    <p><strong>${e.title}</strong></p>
                    <p class="meta">
                      ${[
                        p.engagementStatuses[e.status] ?? e.status,
                        e.organisation?.name,
                        p.progress(e.progress),
                        e.dueOn ? p.dueOn(day(e.dueOn)) : '',
                      ]
                        .filter(Boolean)
                        .join(' · ')}
                    </p>
                  </li>`,
              )}
            </ul>`
      }
      <p><a href=${hrefOf('engagements')} id="to-engagements">${p.toEngagements}</a></p>
      ${this.changes ? this.engagementForm(data) : nothing}
    </section>`;
  }

  private engagementForm(data: ProjectData): TemplateResult {
    const p = this.p;
    const v = this.engagement;
    const f: FormName = 'engagement';
    return html`${heading(this.level(2), p.proposeTitle, { id: 'engagement-form-title' })}
      <p id="engagement-form-intro">${p.proposeIntro}</p>
      <form
        novalidate
        aria-labelledby="engagement-form-title"
        aria-describedby="engagement-form-intro"
        @submit=${(e: Event) => void this.proposeEngagement(e, data)}
      >
        ${this.errorSummary(f)} ${this.field(f, 'engagement-title', p.engagementTitle, v, 'title', { required: true })}
        ${this.select(
          f,
          'engagement-organisation',
          p.organisation,
          v,
          'organisationId',
          data.city.organisations.map((o) => [o.id, localName(o, this.locale)] as const),
          { none: p.noOrganisation },
        )}
        ${this.submit(f, 'engagement-submit', p.propose)}
      </form>`;
  }

  private async proposeEngagement(event: Event, data: ProjectData): Promise<void> {
    event.preventDefault();
    const p = this.p;
    const v = this.engagement;
    const project = data.page.project;
    const body = {
      title: v.title,
      quartierId: project.quartierId,
      projectId: project.id,
      ...(v.organisationId ? { organisationId: v.organisationId } : {}),
    };
    const errors: FormError[] = v.title.trim()
      ? this.issues(ProposeEngagementInput, body, { title: ['engagement-title', p.engagementTitle] })
      : [{ field: 'engagement-title', message: p.missingEngagementTitle }];
    if (!(await this.report('engagement', errors))) return;
    const done = await this.send<{ title: string }>('engagement', '/engagements', body, (answer) => p.proposed(answer.title));
    if (done) {
      this.engagement = { title: '', organisationId: '' };
      await this.settle();
    }
  }
}
