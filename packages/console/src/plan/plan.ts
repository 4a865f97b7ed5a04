// SPDX-License-Identifier: EUPL-1.2
import {
  eventsFrom,
  localName,
  newId,
  RescheduleWalkInput,
  ReasonInput,
  ScheduleWalkInput,
  validate,
  walkRules,
  type CityProfile,
  type FieldIssue,
  type GuspError,
  type Walk,
  type WalkSummary,
} from '@gusp/core';
import '@gusp/elements/define/walk-signup.js';
import { nameErrors, type ShownError } from '@gusp/elements/shared/error-summary.js';
import { FormController } from '@gusp/elements/shared/form-controller.js';
import { heading } from '@gusp/elements/shared/heading.js';
import { Task, TaskStatus } from '@lit/task';
import { css, html, nothing, type TemplateResult } from 'lit';
import { hashOf, hrefOf } from '../app/routes.js';
import { ApiRefusal, staffRequest } from '../internal/api.js';
import { ConsoleScreen } from '../internal/console-screen.js';
import { tokens } from '../styles/tokens.js';
import {
  emptyPlan,
  emptyStop,
  issuesAt,
  localFromZoned,
  planFormConfig,
  previewOf,
  ruleDeadline,
  scheduleInputOf,
  walkOfInput,
  zonedFromLocal,
  valuesOf,
  type PlanTarget,
  type PlanValues,
  type StopValues,
} from './plan-values.js';

/** A walk as `GET /api/walks/{id}` gives it to staff (a draft too), with the city profile. */
export interface PlanWalkData extends WalkSummary {
  readonly city: CityProfile;
}

/** What the screen shows: the city (a new walk), or a walk and its city. */
export interface PlanData {
  readonly city: CityProfile;
  readonly walk?: PlanWalkData | undefined;
}

/** The lifecycle steps this screen offers, by the name of the rules table's event. */
const ACTIONS = ['publish', 'closeRegistrations', 'reschedule', 'cancel'] as const;
type Action = (typeof ACTIONS)[number];
const PATHS: Readonly<Record<Action, string>> = {
  publish: 'publish',
  closeRegistrations: 'close-registrations',
  reschedule: 'reschedule',
  cancel: 'cancel',
};

/**
 * `<gusp-console-plan walk-id?>`: planning a walk. Without `walk-id`, the form of a new walk —
 * quartier, date and time in the city's zone, duration (the city's half-day by default), seats,
 * deadline (the city rule's, shown), meeting point, the route as an ordered list of stops (added,
 * moved and removed with buttons) and organisers — checked with the core's `ScheduleWalkInput`
 * before it is sent as a draft (`POST /api/walks`), then the screen goes to `#plan/<id>`. With
 * `walk-id`, that walk (`GET /api/walks/{id}`, drafts included for staff) and the steps its status
 * accepts by the core's `walkRules`: publish, close registrations, reschedule (the deadline
 * follows), cancel with a reason after a confirmation. Both show what residents will see: the
 * public `<gusp-walk-signup>` fed with the walk. What was typed stays on a refusal or a network
 * failure, and on the device (the form's draft) until the walk is saved.
 *
 * @fires gusp-session-ended - The session has ended (a 401): the console asks to sign in again.
 * @csspart form - The planning form.
 * @csspart stops - The ordered list of stops.
 * @csspart actions - The steps a saved walk accepts.
 * @csspart preview - What residents will see.
 */
export class GuspConsolePlan extends ConsoleScreen<PlanData> {
  static override properties = {
    ...ConsoleScreen.properties,
    walkId: { type: String, attribute: 'walk-id', reflect: true },
    sending: { state: true },
    announce: { state: true },
    actionBusy: { state: true },
    actionError: { state: true },
    actionDone: { state: true },
    confirmingCancel: { state: true },
    saveDone: { state: true },
  };

  static override styles = [
    tokens,
    css`
      fieldset {
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        padding: 0.75rem var(--_space);
        margin: 0 0 var(--_space);
        min-inline-size: 0;
      }
      legend {
        font-weight: 700;
        padding-inline: 0.25rem;
      }
      .stops {
        list-style: none;
        padding: 0;
        margin: 0 0 var(--_space);
      }
      .stops fieldset {
        background: var(--_surface);
      }
      .point {
        display: flex;
        flex-wrap: wrap;
        gap: 0 var(--_space);
      }
      .point .field {
        flex: 1 1 9rem;
      }
      .check {
        display: flex;
        gap: 0.5rem;
        align-items: center;
        margin-block: 0.25rem;
      }
      .check input {
        width: 1.25rem;
        min-height: 1.25rem;
      }
      .check label {
        font-weight: 400;
      }
      .error-summary {
        border: 3px solid var(--_error);
        border-radius: var(--_radius);
        padding: 0.75rem var(--_space);
        margin-block: 0 var(--_space);
      }
      dl {
        display: grid;
        grid-template-columns: minmax(0, max-content) minmax(0, 1fr);
        gap: 0.25rem var(--_space);
      }
      dt {
        font-weight: 600;
      }
      dd {
        margin: 0;
        overflow-wrap: anywhere;
      }
      .confirm {
        border: 3px solid var(--_error);
        border-radius: var(--_radius);
        padding: 0.75rem var(--_space);
      }
      .done {
        font-weight: 600;
      }
      .preview {
        margin-block-start: calc(var(--_space) * 2);
      }
      .links {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem var(--_space);
        padding: 0;
        list-style: none;
      }
    `,
  ];

  /** The walk the screen is about; without it, a new walk is planned. */
  declare walkId: string | undefined;
  /** The data shown; loaded by the screen, or given (a story, a test). */
  declare data: PlanData | undefined;

  declare private sending: boolean;
  /** What the live region says last (a stop moved, removed, added). */
  declare private announce: string;
  declare private actionBusy: Action | undefined;
  declare private actionError: string | undefined;
  declare private actionDone: string | undefined;
  declare private confirmingCancel: boolean;
  /** « Modifications enregistrées. » once a draft's details are saved. */
  declare private saveDone: string | undefined;

  /** The reschedule and cancel fields of a saved walk: kept on a refusal or a failure. */
  private reschedule = { at: '', deadline: '', reason: '' };
  private cancelReason = '';
  /** The walk the reschedule fields were filled from. */
  private filledFor: string | undefined;
  /** The Idempotency-Key of the request being sent, kept while the same body is retried (a lost answer is not a second walk). */
  private attempt: { readonly key: string; readonly body: string } | undefined;

  private readonly form: FormController<PlanValues, PlanTarget> = new FormController<PlanValues, PlanTarget>(
    this,
    planFormConfig(
      // A draft being edited: its details; a new walk: the city's defaults.
      () => (this.editing ? valuesOf(this.editing, this.data!.city) : emptyPlan(this.data?.city)),
      // Once the city is known: one draft on the device per new walk, and per draft being edited.
      () =>
        !this.data?.city
          ? undefined
          : this.editing
            ? `gusp-console-plan:${this.editing.id}`
            : this.walkId
              ? undefined
              : 'gusp-console-plan:new',
      (): number => (this.form as FormController<PlanValues, PlanTarget> | undefined)?.values.stops.length ?? 0,
    ),
  );

  protected readonly task = new Task(this, {
    args: () => [this.apiBase, this.walkId ?? '', this.locale] as const,
    task: async ([base, walkId, locale], { signal }): Promise<PlanData> => {
      if (this.given && this.data && (this.data.walk?.walk.id ?? '') === walkId) return this.data;
      const init = { signal, locale };
      if (!walkId) return { city: await staffRequest<CityProfile>(base, '/city', init) };
      const walk = await staffRequest<PlanWalkData>(base, `/walks/${encodeURIComponent(walkId)}`, init);
      return { city: walk.city, walk };
    },
    onComplete: (data) => {
      this.data = data;
    },
    onError: (error) => this.sessionEnded(error),
  });

  constructor() {
    super();
    this.sending = false;
    this.announce = '';
    this.confirmingCancel = false;
  }

  /** Loads again (« Réessayer », and after each step). */
  override reload(): Promise<void> {
    this.given = false;
    return super.reload();
  }

  private get p() {
    return this.t.plan;
  }

  private date(iso: string, timeZone: string): string {
    return this.localize.date(iso, { dateStyle: 'full', timeStyle: 'short', timeZone });
  }

  protected override render(): TemplateResult {
    const t = this.t;
    const pending = this.task.status === TaskStatus.PENDING || (this.task.status === TaskStatus.INITIAL && !this.data);
    const failed = this.task.status === TaskStatus.ERROR;
    const data = pending || failed ? undefined : this.data;
    const title = this.walkId ? this.p.titleExisting : this.p.title;
    return html`<section lang=${this.locale} aria-labelledby="plan-title" data-screen="plan">
      ${heading(this.level(), title, { id: 'plan-title', tabindex: '-1' })}
      ${
        failed
          ? this.loadFailure({ ids: { retry: 'retry' } })
          : !data
            ? html`<p role="status">${t.loading}</p>`
            : data.walk && data.walk.walk.status !== 'draft'
              ? this.saved(data.walk, data.city)
              : html`${this.planForm(data.city)} ${data.walk ? this.actions(data.walk, data.city) : nothing}
                ${this.preview(walkOfInput(scheduleInputOf(this.form.values, data.city), data.city, new Date()), data.city)}`
      }
    </section>`;
  }

  /* ------------------------------------------------------------ a new walk, or a draft's details */

  /** The saved draft whose details the form edits (`POST /api/walks/{id}/edit`), if any. */
  private get editing(): Walk | undefined {
    const walk = this.data?.walk?.walk;
    return walk && walk.status === 'draft' && walk.id === this.walkId ? walk : undefined;
  }

  private planForm(city: CityProfile): TemplateResult {
    const p = this.p;
    const f = this.form;
    const v = f.values;
    const start = zonedFromLocal(v.startsAt, city.timezone);
    const { registrationClosesDaysBefore: days, registrationClosesAt: at } = city.defaults;
    const editing = this.editing;
    return html`${
        editing
          ? html`<p>${p.status}${p.colon}<span id="walk-status">${this.t.statuses['draft']}</span>. ${p.editIntro}</p>`
          : html`<p>${p.intro}</p>`
      }
      <form part="form" novalidate @submit=${(e: Event) => void this.save(e, city)}>
        ${f.summary(p.errorSummaryTitle, this.level(1))} ${f.inlineError('form')}
        <fieldset>
          <legend>${p.detailsLegend}</legend>
          <div class="field">
            <label for="walk-title">${p.walkTitle}</label>
            <span class="hint" id="walk-title-hint">${p.walkTitleHint}</span>
            ${f.inlineError('walk-title')} ${f.input('title', 'walk-title', { errors: ['walk-title'], hints: ['walk-title-hint'] })}
          </div>
          <div class="field">
            <label for="quartier">${p.quartier}</label>
            ${f.inlineError('quartier')}
            <select
              id="quartier"
              required
              aria-invalid=${f.invalid('quartier')}
              aria-describedby=${f.describedBy([], ['quartier'])}
              @change=${(e: Event) => f.set('quartierId', (e.target as HTMLSelectElement).value)}
            >
              <option value="" ?selected=${!v.quartierId}>${p.chooseQuartier}</option>
              ${city.quartiers.map(
                (q) =>
                  html`<option value=${q.id} ?selected=${q.id === v.quartierId}>${q.name}${q.priority ? ` (${p.priority})` : ''}</option>`,
              )}
            </select>
          </div>
          <div class="field">
            <label for="starts-at">${p.startsAt}</label>
            <span class="hint" id="starts-at-hint">${p.startsAtHint(city.timezone)}</span>
            ${f.inlineError('starts-at')}
            ${f.input('startsAt', 'starts-at', { type: 'datetime-local', required: true, errors: ['starts-at'], hints: ['starts-at-hint'] })}
          </div>
          <div class="field">
            <label for="duration">${p.duration}</label>
            <span class="hint" id="duration-hint">${p.durationHint(city.defaults.walkDurationMinutes)}</span>
            ${f.inlineError('duration')}
            ${f.input('durationMinutes', 'duration', { type: 'number', inputmode: 'numeric', errors: ['duration'], hints: ['duration-hint'] })}
          </div>
          <div class="field">
            <label for="capacity">${p.capacity}</label>
            <span class="hint" id="capacity-hint">${p.capacityHint(city.defaults.capacity)}</span>
            ${f.inlineError('capacity')}
            ${f.input('capacity', 'capacity', { type: 'number', inputmode: 'numeric', errors: ['capacity'], hints: ['capacity-hint'] })}
          </div>
          <div class="field">
            <label for="institutional-seats">${p.institutionalSeats}</label>
            <span class="hint" id="institutional-seats-hint">${p.institutionalSeatsHint}</span>
            ${f.inlineError('institutional-seats')}
            ${f.input('institutionalSeats', 'institutional-seats', {
              type: 'number',
              inputmode: 'numeric',
              errors: ['institutional-seats'],
              hints: ['institutional-seats-hint'],
            })}
          </div>
          <div class="field">
            <label for="deadline">${p.deadline}</label>
            <span class="hint" id="deadline-hint"
              >${p.deadlineRule(days, at)} ${start ? p.deadlineDefault(this.date(ruleDeadline(city, start), city.timezone)) : nothing}</span
            >
            ${f.inlineError('deadline')}
            ${f.input('deadline', 'deadline', { type: 'datetime-local', errors: ['deadline'], hints: ['deadline-hint'] })}
          </div>
          <div class="field">
            <label for="meeting-point">${p.meetingPoint}</label>
            <span class="hint" id="meeting-point-hint">${p.meetingPointHint}</span>
            ${f.inlineError('meeting-point')}
            ${f.input('meetingPoint', 'meeting-point', { errors: ['meeting-point'], hints: ['meeting-point-hint'] })}
          </div>
        </fieldset>
        ${this.route(v.stops)} ${this.organisers(city, v)}
        <div class="actions">
          <button type="submit" id="save" aria-disabled=${this.sending ? 'true' : 'false'}>
            ${this.sending ? p.saving : editing ? p.saveChanges : p.save}
          </button>
          ${editing ? nothing : f.clearButton(p.clear)}
        </div>
        ${f.status(p.cleared, p.restored)}
        <p class="done" role="status" id="save-done" tabindex="-1">${this.saveDone ?? nothing}</p>
        <p class="visually-hidden" role="status" id="stops-status">${this.announce}</p>
      </form>`;
  }

  private route(stops: readonly StopValues[]): TemplateResult {
    const p = this.p;
    const f = this.form;
    const last = stops.length - 1;
    const name = (s: StopValues, i: number) => s.label.trim() || p.unnamedStop(i + 1);
    const text = (i: number, key: keyof StopValues, id: string, label: string, o: { hint?: string; inputmode?: string } = {}) =>
      html`<div class="field">
        <label for=${id}>${label}</label>
        ${f.inlineError(id)}
        <input
          id=${id}
          inputmode=${o.inputmode ?? nothing}
          aria-invalid=${f.invalid(id)}
          aria-describedby=${f.describedBy([o.hint], [id])}
          .value=${stops[i]![key]}
          @input=${(e: Event) => this.setStop(i, key, (e.target as HTMLInputElement).value)}
        />
      </div>`;
    return html`<fieldset>
      <legend>${p.routeLegend}</legend>
      <p class="hint" id="route-hint">${p.routeHint}</p>
      ${stops.length === 0 ? html`<p class="hint">${p.noStops}</p>` : nothing}
      <ol class="stops" part="stops" aria-describedby="route-hint">
        ${stops.map(
          (s, i) =>
            html`<li data-stop=${i}>
              <fieldset>
                <legend>${p.stopLegend(i + 1)}</legend>
                ${text(i, 'label', `stop-label-${i}`, p.stopLabel(i + 1))}
                <div class="field">
                  <label for="stop-description-${i}">${p.stopDescription(i + 1)}</label>
                  ${f.inlineError(`stop-description-${i}`)}
                  <textarea
                    id="stop-description-${i}"
                    rows="2"
                    aria-invalid=${f.invalid(`stop-description-${i}`)}
                    aria-describedby=${f.describedBy([], [`stop-description-${i}`])}
                    .value=${s.description}
                    @input=${(e: Event) => this.setStop(i, 'description', (e.target as HTMLTextAreaElement).value)}
                  ></textarea>
                </div>
                <div class="point">
                  ${text(i, 'lat', `stop-lat-${i}`, p.stopLat(i + 1), { hint: 'point-hint', inputmode: 'decimal' })}
                  ${text(i, 'lon', `stop-lon-${i}`, p.stopLon(i + 1), { hint: 'point-hint', inputmode: 'decimal' })}
                </div>
                <div class="actions">
                  ${
                    i > 0
                      ? html`<button
                          type="button"
                          class="secondary"
                          id="stop-up-${i}"
                          aria-label=${p.moveUp(i + 1, name(s, i))}
                          @click=${() => void this.moveStop(i, -1)}
                        >
                          ${p.up}
                        </button>`
                      : nothing
                  }
                  ${
                    i < last
                      ? html`<button
                          type="button"
                          class="secondary"
                          id="stop-down-${i}"
                          aria-label=${p.moveDown(i + 1, name(s, i))}
                          @click=${() => void this.moveStop(i, 1)}
                        >
                          ${p.down}
                        </button>`
                      : nothing
                  }
                  <button
                    type="button"
                    class="secondary"
                    id="stop-remove-${i}"
                    aria-label=${p.removeStop(i + 1, name(s, i))}
                    @click=${() => void this.removeStop(i)}
                  >
                    ${p.remove}
                  </button>
                </div>
              </fieldset>
            </li>`,
        )}
      </ol>
      ${stops.length > 0 ? html`<p class="hint" id="point-hint">${p.pointHint}</p>` : nothing} ${f.inlineError('add-stop')}
      <button type="button" class="secondary" id="add-stop" @click=${() => void this.addStop()}>${p.addStop}</button>
    </fieldset>`;
  }

  private organisers(city: CityProfile, v: PlanValues): TemplateResult {
    const p = this.p;
    const f = this.form;
    return html`<fieldset id="organisers" tabindex="-1" aria-describedby=${f.describedBy(['organisers-hint'], ['organisers'])}>
      <legend>${p.organisersLegend}</legend>
      <p class="hint" id="organisers-hint">${p.organisersHint}</p>
      ${f.inlineError('organisers')}
      ${city.organisations.map(
        (o) =>
          html`<div class="check">
            <input
              type="checkbox"
              id="organiser-${o.id}"
              .checked=${v.organiserIds.includes(o.id)}
              @change=${(e: Event) => {
                const on = (e.target as HTMLInputElement).checked;
                f.set('organiserIds', on ? [...v.organiserIds, o.id] : v.organiserIds.filter((x) => x !== o.id));
              }}
            />
            <label for="organiser-${o.id}">${localName(o, this.locale)}</label>
          </div>`,
      )}
    </fieldset>`;
  }

  private setStop(i: number, key: keyof StopValues, value: string): void {
    const stops = this.form.values.stops.map((s, j) => (j === i ? { ...s, [key]: value } : s));
    this.form.set('stops', stops);
  }

  private async addStop(): Promise<void> {
    const stops = [...this.form.values.stops, emptyStop()];
    this.form.set('stops', stops);
    this.announce = this.p.stopAdded(stops.length);
    await this.form.focus(`#stop-label-${stops.length - 1}`);
  }

  /** Moves a stop one place (`-1` up, `1` down); the focus follows it, on the same button while there is one. */
  private async moveStop(i: number, by: -1 | 1): Promise<void> {
    const stops = [...this.form.values.stops];
    const j = i + by;
    if (j < 0 || j >= stops.length) return;
    [stops[i], stops[j]] = [stops[j]!, stops[i]!];
    this.form.clearErrors();
    this.form.set('stops', stops);
    this.announce = this.p.stopMoved(stops[j].label.trim() || this.p.unnamedStop(j + 1), j + 1);
    await this.updateComplete;
    const same = this.renderRoot.querySelector<HTMLElement>(`#stop-${by < 0 ? 'up' : 'down'}-${j}`);
    (same ?? this.renderRoot.querySelector<HTMLElement>(`#stop-${by < 0 ? 'down' : 'up'}-${j}`))?.focus();
  }

  private async removeStop(i: number): Promise<void> {
    const removed = this.form.values.stops[i];
    const stops = this.form.values.stops.filter((_, j) => j !== i);
    this.form.clearErrors();
    this.form.set('stops', stops);
    this.announce = this.p.stopRemoved(removed?.label.trim() || this.p.unnamedStop(i + 1));
    await this.form.focus(stops.length === 0 ? '#add-stop' : `#stop-label-${Math.min(i, stops.length - 1)}`);
  }

  /** The errors of the form, each naming its field (an empty required one its own message). */
  private named(errors: readonly ShownError[], v: PlanValues): ShownError[] {
    const p = this.p;
    const missing: Record<string, string> = { quartier: p.missing.quartier, 'starts-at': p.missing.startsAt };
    v.stops.forEach((_, i) => (missing[`stop-label-${i}`] = p.missing.stopLabel(i + 1)));
    const labels: Record<string, string> = {
      'walk-title': p.walkTitle,
      duration: p.duration,
      capacity: p.capacity,
      'institutional-seats': p.institutionalSeats,
      deadline: p.deadline,
      'starts-at': p.startsAt,
      'meeting-point': p.meetingPoint,
      organisers: p.organisersLegend,
    };
    v.stops.forEach((_, i) => {
      labels[`stop-label-${i}`] = p.stopLabel(i + 1);
      labels[`stop-description-${i}`] = p.stopDescription(i + 1);
      labels[`stop-lat-${i}`] = p.stopLat(i + 1);
      labels[`stop-lon-${i}`] = p.stopLon(i + 1);
    });
    const empty = (target: string) => {
      if (target === 'quartier') return !v.quartierId;
      if (target === 'starts-at') return !v.startsAt.trim();
      const stop = /^stop-label-(\d+)$/.exec(target);
      return stop ? !v.stops[Number(stop[1])]?.label.trim() : false;
    };
    return nameErrors(errors, missing, empty, (target) => labels[target], p.colon);
  }

  private async save(e: Event, city: CityProfile): Promise<void> {
    e.preventDefault();
    if (this.sending) return;
    const v = this.form.values;
    const input = scheduleInputOf(v, city);
    const parsed = validate(ScheduleWalkInput, input, this.locale);
    const errors = parsed.ok ? [] : issuesAt(parsed.error.details.issues as FieldIssue[]);
    if (!(await this.form.report(this.named(errors, v)))) return;
    const editing = this.editing;
    const path = editing ? `/walks/${encodeURIComponent(editing.id)}/edit` : '/walks';
    const body = JSON.stringify([path, input]);
    if (this.attempt?.body !== body) this.attempt = { key: newId(), body };
    this.sending = true;
    this.saveDone = undefined;
    try {
      const walk = await staffRequest<Walk>(this.apiBase, path, {
        method: 'POST',
        json: input,
        headers: { 'Idempotency-Key': this.attempt.key },
        locale: this.locale,
      });
      this.attempt = undefined;
      if (editing) {
        // Saved: the device's copy goes, and the form shows the draft as the server now has it.
        this.sending = false;
        await this.reload();
        await this.loaded;
        this.form.clear();
        this.saveDone = this.p.changesSaved;
        await this.updateComplete;
        this.renderRoot.querySelector<HTMLElement>('#save-done')?.focus();
        return;
      }
      // Saved: the device's draft goes, and the screen is the walk's (#plan/<id>) to publish it.
      this.form.clear();
      this.sending = false;
      this.given = false;
      this.walkId = walk.id;
      if (location.hash !== hashOf('plan', walk.id)) location.hash = hashOf('plan', walk.id);
      await this.loaded;
      this.focusTitle();
    } catch (error) {
      this.sending = false;
      await this.failed(error);
    }
  }

  /** A refusal at its field (the server's issues or its code's place), a failure above the form: what was typed stays. */
  private async failed(error: unknown): Promise<void> {
    this.sessionEnded(error);
    if (error instanceof ApiRefusal) {
      const refusal: GuspError = error.error;
      const issues = (refusal.details?.['issues'] ?? []) as FieldIssue[];
      if (issues.length > 0) {
        await this.form.report(this.named(issuesAt(issues), this.form.values));
        return;
      }
      if (error.status === 401 || error.status === 403) {
        await this.form.report([{ target: 'form', message: this.describeError(error) }]);
        return;
      }
      await this.form.refused({ ...refusal, message: this.describeError(error) });
      return;
    }
    await this.form.report([{ target: 'form', message: `${this.describeError(error)} ${this.p.keptOnFailure}` }]);
  }

  private focusTitle(): void {
    this.renderRoot.querySelector<HTMLElement>('#plan-title')?.focus();
  }

  /* ------------------------------------------------------------ a saved walk */

  private saved(s: PlanWalkData, city: CityProfile): TemplateResult {
    const t = this.t;
    const p = this.p;
    const tz = city.timezone;
    if (this.filledFor !== `${s.walk.id}:${s.walk.sequence}`) {
      this.filledFor = `${s.walk.id}:${s.walk.sequence}`;
      this.reschedule = { at: localFromZoned(s.walk.startsAt, tz), deadline: '', reason: '' };
    }
    const quartier = city.quartiers.find((q) => q.id === s.walk.quartierId)?.name ?? s.walk.quartierId;
    const status = t.statuses[s.status] ?? s.status;
    return html`<dl>
        <dt>${t.quartier}</dt>
        <dd>${quartier}</dd>
        ${
          s.walk.title
            ? html`<dt>${p.titleShort}</dt>
                <dd>${s.walk.title}</dd>`
            : nothing
        }
        <dt>${p.status}</dt>
        <dd id="walk-status">${status}</dd>
        <dt>${p.when}</dt>
        <dd id="walk-when">${this.date(s.walk.startsAt, tz)}</dd>
        <dt>${p.deadlineIs}</dt>
        <dd id="walk-deadline">${this.date(s.walk.registrationDeadline, tz)}</dd>
        <dt>${p.seats}</dt>
        <dd>${t.seats(s.confirmed, s.seatsLeft, s.capacity, s.waitlisted)}</dd>
        <dt>${p.meetingPoint}</dt>
        <dd>${s.walk.meetingPoint?.label ?? '—'}</dd>
        <dt>${p.routeLegend}</dt>
        <dd>
          ${
            s.walk.stops.length === 0
              ? p.stopsCount(0)
              : html`<ol id="walk-stops">
                  ${s.walk.stops.map((stop) => html`<li>${stop.label}</li>`)}
                </ol>`
          }
        </dd>
      </dl>
      <nav aria-label=${p.links}>
        <ul class="links">
          <li><a href=${hrefOf('registrations', s.walk.id)} id="link-registrations">${p.registrationsLink}</a></li>
          <li><a href=${hrefOf('day', s.walk.id)} id="link-day">${p.dayLink}</a></li>
          <li><a href=${hrefOf('walks')} id="link-walks">${p.walksLink}</a></li>
        </ul>
      </nav>
      ${this.actions(s, city)} ${this.preview(s.walk, city)}`;
  }

  /** The steps the walk's status accepts, by the core's rules table (`walkRules`): never a button the server would refuse for its status. */
  private actions(s: PlanWalkData, city: CityProfile): TemplateResult {
    const p = this.p;
    // Reschedule looks at the stored status (an open walk past its deadline may still move); the others at the status people see.
    const accepted = new Set<string>([
      ...eventsFrom(walkRules, s.status),
      ...(eventsFrom(walkRules, s.walk.status).includes('reschedule') ? ['reschedule'] : []),
    ]);
    const shown = ACTIONS.filter((a) => accepted.has(a));
    const busy = (a: Action) => (this.actionBusy === a ? 'true' : 'false');
    return html`<section part="actions" aria-labelledby="actions-title">
      ${heading(this.level(1), p.actionsTitle, { id: 'actions-title' })}
      <p class="done" role="status" id="action-done" tabindex="-1">${this.actionDone ?? nothing}</p>
      ${this.actionError ? html`<p class="error" role="alert" id="action-error" tabindex="-1">${this.actionError}</p>` : nothing}
      ${shown.length === 0 ? html`<p class="notice">${p.noActions}</p>` : nothing}
      ${
        shown.includes('publish')
          ? html`<div class="field">
              <span class="hint" id="publish-hint">${p.publishHint}</span>
              <button
                type="button"
                id="publish"
                aria-describedby="publish-hint"
                aria-disabled=${busy('publish')}
                @click=${() => void this.act('publish')}
              >
                ${this.actionBusy === 'publish' ? p.sending : p.publish}
              </button>
            </div>`
          : nothing
      }
      ${
        shown.includes('closeRegistrations')
          ? html`<div class="field">
              <span class="hint" id="close-hint">${p.closeRegistrationsHint}</span>
              <button
                type="button"
                id="close-registrations"
                aria-describedby="close-hint"
                aria-disabled=${busy('closeRegistrations')}
                @click=${() => void this.act('closeRegistrations')}
              >
                ${this.actionBusy === 'closeRegistrations' ? p.sending : p.closeRegistrations}
              </button>
            </div>`
          : nothing
      }
      ${shown.includes('reschedule') ? this.rescheduleFields(city) : nothing} ${shown.includes('cancel') ? this.cancelFields() : nothing}
    </section>`;
  }

  private rescheduleFields(city: CityProfile): TemplateResult {
    const p = this.p;
    const r = this.reschedule;
    const start = zonedFromLocal(r.at, city.timezone);
    const set = (key: keyof typeof r) => (e: Event) => {
      this.reschedule = { ...r, [key]: (e.target as HTMLInputElement).value };
      this.requestUpdate();
    };
    return html`<fieldset>
      <legend>${p.rescheduleLegend}</legend>
      <p class="hint" id="reschedule-follows">${p.rescheduleFollows}</p>
      <div class="field">
        <label for="reschedule-at">${p.rescheduleAt}</label>
        <span class="hint" id="reschedule-at-hint">${p.startsAtHint(city.timezone)}</span>
        <input id="reschedule-at" type="datetime-local" required aria-describedby="reschedule-at-hint" .value=${r.at} @input=${set('at')} />
      </div>
      <div class="field">
        <label for="reschedule-deadline">${p.rescheduleDeadline}</label>
        <span class="hint" id="reschedule-deadline-hint"
          >${p.rescheduleDeadlineHint} ${start ? p.deadlineDefault(this.date(ruleDeadline(city, start), city.timezone)) : nothing}</span
        >
        <input
          id="reschedule-deadline"
          type="datetime-local"
          aria-describedby="reschedule-deadline-hint"
          .value=${r.deadline}
          @input=${set('deadline')}
        />
      </div>
      <div class="field">
        <label for="reschedule-reason">${p.rescheduleReason}</label>
        <textarea id="reschedule-reason" rows="2" .value=${r.reason} @input=${set('reason')}></textarea>
      </div>
      <button
        type="button"
        id="reschedule"
        aria-describedby="reschedule-follows"
        aria-disabled=${this.actionBusy === 'reschedule' ? 'true' : 'false'}
        @click=${() => void this.act('reschedule')}
      >
        ${this.actionBusy === 'reschedule' ? p.sending : p.reschedule}
      </button>
    </fieldset>`;
  }

  private cancelFields(): TemplateResult {
    const p = this.p;
    return html`<fieldset>
      <legend>${p.cancelLegend}</legend>
      <div class="field">
        <label for="cancel-reason">${p.cancelReason}</label>
        <span class="hint" id="cancel-reason-hint">${p.cancelReasonHint}</span>
        <textarea
          id="cancel-reason"
          rows="2"
          required
          aria-describedby="cancel-reason-hint"
          .value=${this.cancelReason}
          @input=${(e: Event) => {
            this.cancelReason = (e.target as HTMLTextAreaElement).value;
            this.confirmingCancel = false;
            this.requestUpdate();
          }}
        ></textarea>
      </div>
      ${
        this.confirmingCancel
          ? html`<div class="confirm" role="group" aria-labelledby="cancel-confirm-title" id="cancel-confirmation" tabindex="-1">
              ${heading(this.level(2), p.cancelConfirmTitle, { id: 'cancel-confirm-title' })}
              <p>${p.cancelConfirm(this.cancelReason.trim())}</p>
              <div class="actions">
                <button
                  type="button"
                  id="cancel-confirm"
                  aria-disabled=${this.actionBusy === 'cancel' ? 'true' : 'false'}
                  @click=${() => void this.act('cancel')}
                >
                  ${this.actionBusy === 'cancel' ? p.sending : p.cancelYes}
                </button>
                <button type="button" class="secondary" id="cancel-back" @click=${() => void this.backFromCancel()}>${p.cancelNo}</button>
              </div>
            </div>`
          : html`<button type="button" class="secondary" id="cancel" @click=${() => void this.askCancel()}>${p.cancel}</button>`
      }
    </fieldset>`;
  }

  private async askCancel(): Promise<void> {
    const parsed = validate(ReasonInput, { reason: this.cancelReason }, this.locale);
    if (!this.cancelReason.trim() || !parsed.ok) {
      await this.showActionError(parsed.ok ? this.p.reasonMissing : `${this.p.cancelReason}${this.p.colon}${parsed.error.message}`);
      return;
    }
    this.actionError = undefined;
    this.confirmingCancel = true;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#cancel-confirm')?.focus();
  }

  private async backFromCancel(): Promise<void> {
    this.confirmingCancel = false;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#cancel')?.focus();
  }

  private async showActionError(message: string): Promise<void> {
    this.actionError = message;
    this.actionDone = undefined;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#action-error')?.focus();
  }

  /** The body of a step, checked with the core's schema; a string is the message of what to correct. */
  private bodyOf(action: Action, city: CityProfile): unknown {
    if (action === 'cancel') return { reason: this.cancelReason.trim() };
    if (action !== 'reschedule') return undefined;
    const r = this.reschedule;
    const startsAt = zonedFromLocal(r.at, city.timezone);
    if (!startsAt) return `${this.p.rescheduleAt}${this.p.colon}${this.p.invalidDate}`;
    const deadline = r.deadline.trim() ? zonedFromLocal(r.deadline, city.timezone) : undefined;
    if (r.deadline.trim() && !deadline) return `${this.p.rescheduleDeadline}${this.p.colon}${this.p.invalidDate}`;
    const body = {
      startsAt,
      ...(deadline ? { registrationDeadline: deadline } : {}),
      ...(r.reason.trim() ? { reason: r.reason.trim() } : {}),
    };
    const parsed = validate(RescheduleWalkInput, body, this.locale);
    return parsed.ok ? body : parsed.error.message;
  }

  private async act(action: Action): Promise<void> {
    const s = this.data?.walk;
    const city = this.data?.city;
    if (!s || !city || this.actionBusy) return;
    const body = this.bodyOf(action, city);
    if (typeof body === 'string') {
      await this.showActionError(body);
      return;
    }
    const sent = JSON.stringify([action, s.walk.id, body]);
    if (this.attempt?.body !== sent) this.attempt = { key: newId(), body: sent };
    this.actionBusy = action;
    this.actionError = undefined;
    try {
      await staffRequest<Walk>(this.apiBase, `/walks/${encodeURIComponent(s.walk.id)}/${PATHS[action]}`, {
        method: 'POST',
        ...(body === undefined ? {} : { json: body }),
        headers: { 'Idempotency-Key': this.attempt.key },
        locale: this.locale,
      });
      this.attempt = undefined;
      this.actionBusy = undefined;
      this.confirmingCancel = false;
      if (action === 'cancel') this.cancelReason = '';
      await this.reload();
      await this.loaded;
      this.actionDone = this.p.done[action];
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#action-done')?.focus();
    } catch (error) {
      this.actionBusy = undefined;
      this.sessionEnded(error);
      const message = this.describeError(error);
      await this.showActionError(error instanceof ApiRefusal ? message : `${message} ${this.p.keptOnFailure}`);
    }
  }

  /* ------------------------------------------------------------ the preview */

  private preview(walk: Walk | undefined, city: CityProfile): TemplateResult {
    const p = this.p;
    return html`<section class="preview" part="preview" aria-labelledby="preview-title">
      ${heading(this.level(1), p.previewTitle, { id: 'preview-title' })}
      <p class="hint">${p.previewHint}</p>
      ${
        walk
          ? html`<gusp-walk-signup
              lang=${this.locale}
              heading-level=${this.level(2)}
              .data=${{ ...previewOf(walk, new Date()), city }}
              @gusp-register=${(e: Event) => e.preventDefault()}
            ></gusp-walk-signup>`
          : html`<p class="notice" id="preview-missing">${p.previewMissing}</p>`
      }
    </section>`;
  }
}
