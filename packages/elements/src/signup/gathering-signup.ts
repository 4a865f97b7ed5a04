// SPDX-License-Identifier: EUPL-1.2
import {
  ACTOR_ROLES,
  AccessibilityNeed,
  RegisterInput,
  labelIn,
  newId,
  refusalsOf,
  registrationRules,
  type ActorRole,
  type GuspError,
} from '@gusp/core';
import { html, nothing, type TemplateResult } from 'lit';
import { GuspRegisterErrorEvent, GuspRegisterEvent, GuspRegisteredEvent, type GatheringRef } from '../events/walk-signup-events.js';
import { ApiRefusal, writeJson } from '../internal/api.js';
import type { DataController } from '../internal/data-controller.js';
import type { ShownError } from '../internal/error-summary.js';
import { heading } from '../internal/heading.js';
import { FormController } from '../internal/form-controller.js';
import { formatTimeRange } from '../internal/format-date.js';
import { GuspElement } from '../internal/gusp-element.js';
import type { CommonTexts, WalkSignupTexts } from '../translations/types.js';
import { MESSAGES, signupFormConfig, type ErrorTarget, type SignupValues } from './signup-values.js';
import { styles } from './signup.styles.js';
import { SignupState, gatheringState, seatsFor, type RegistrationReceipt, type SignupCounts, type SignupGathering } from './signup-data.js';

/** What one sign-up element says of its walk or workshop, whatever the shape of its data (whose counts are the summary's). */
export interface SignupCard {
  readonly gathering: SignupGathering;
  readonly title: string;
  /** The meeting point or the room, in words. */
  readonly place: string | undefined;
  /** IANA time zone its times are shown in. */
  readonly timeZone: string;
  readonly privacyNoticeUrl: string | undefined;
  /** Shown after the details: a walk's route (its stops, and its map when asked for). */
  readonly more?: unknown;
}

/**
 * The sign-up to a *gathering* — a diagnostic en marchant or a project's
 * workshop (atelier) — one implementation for both (`<gusp-walk-signup>`,
 * `<gusp-workshop-signup>`): the card (date and time the French way, place,
 * seats left) and a form checked by the core's `RegisterInput` schema and
 * registration rules; open, few seats, full (waiting list, with the position
 * after sign-up), closed, cancelled and rescheduled each read clearly. What a
 * person types survives a reload and a failed submit: it is kept on the device
 * for 24 hours after the last change, removed once the sign-up is recorded,
 * and « Effacer mes réponses » removes it at once. A retried send carries the
 * same `Idempotency-Key`. A subclass says where its data comes from
 * (`source`), how it reads ({@linkcode card}), where sign-ups go
 * (`kind`: the walk's or the workshop's registrations) and what its calendar file is.
 */
export abstract class GatheringSignup<D extends SignupCounts> extends GuspElement {
  protected abstract override get t(): CommonTexts & WalkSignupTexts;

  static override styles = styles;

  static override properties = {
    ...GuspElement.properties,
    privacyNoticeUrl: { type: String, attribute: 'privacy-notice-url' },
    data: { attribute: false },
    phase: { state: true },
    receipt: { state: true },
  };

  /** Link to the privacy notice next to the consent box; the city profile's by default. */
  declare privacyNoticeUrl: string | undefined;
  /**
   * What to show: each element declares its data's type (`WalkSignupData`, `WorkshopSignupData`).
   * @internal
   */
  declare data: D | undefined;

  declare private phase: 'editing' | 'sending' | 'failed' | 'done';
  declare private receipt: RegistrationReceipt | undefined;
  /** The name thanked in the confirmation: the form itself is emptied once the sign-up is recorded. */
  private thanked = '';

  /** Where the data comes from (the `data` property, inline JSON, or the API). */
  protected abstract readonly source: DataController<D>;
  /** The gathering's id before its data has come (the `walk-id` attribute). */
  protected abstract get idAttribute(): string | undefined;
  /** What the card says of `data`. */
  protected abstract card(data: D): SignupCard;
  /**
   * What it signs up to: sign-ups are sent to `{endpoint}/{kind}s/{id}/registrations`,
   * and events name it `{kind}Id` (`walkId`, `workshopId`).
   */
  protected abstract readonly kind: 'walk' | 'workshop';
  /** The .ics file offered after a confirmed sign-up and its name, from a chunk of its own (fetched then); none: no link. */
  protected abstract calendar(data: D): Promise<readonly [ics: string, fileName: string]>;
  /** A calendar feed to subscribe to (`webcal:`), if any. */
  protected abstract feed(data: D): string | undefined;

  private readonly form = new FormController<SignupValues, ErrorTarget>(
    this,
    signupFormConfig(() => (this.id_ ? `${this.localName}:${this.id_}` : undefined)),
  );

  /**
   * The client id of the sign-up being sent, kept while the same answers are
   * retried: if the server recorded it but the answer was lost, the retry is
   * recognised (`Idempotency-Key`) instead of failing as a duplicate email.
   */
  private attempt: { readonly clientId: string; readonly input: string } | undefined;

  constructor() {
    super();
    this.phase = 'editing';
  }

  /** Resolves once data requested from `endpoint` has arrived (or failed). */
  get loaded(): Promise<void> {
    return this.source.loaded;
  }

  /** How events name the gathering: `{ walkId }` or `{ workshopId }`. */
  private ref(id: string): GatheringRef {
    return { [`${this.kind}Id`]: id };
  }

  /** The needs are shown once the person answered yes, or has any (a draft). */
  private get needsShown(): boolean {
    const v = this.form.values;
    return v.needsHelp || v.needs.length > 0 || v.needsNote.trim() !== '';
  }

  /**
   * Moves the focus to the card's heading, once rendered: what a list that
   * opens this form calls, so that a screen reader says which walk or workshop
   * it is and the next Tab reaches the first field.
   */
  async focusTitle(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#title')?.focus();
  }

  private get id_(): string | undefined {
    return this.data ? this.card(this.data).gathering.id : this.idAttribute;
  }

  /* ---------------------------------------------------------------- validation */

  /** The input as the core's `RegisterInput` wants it. */
  private input(): RegisterInput {
    const v = this.form.values;
    return {
      name: v.name,
      email: v.email.trim(),
      phone: v.phone.trim(),
      role: v.role,
      // « Non » to the needs question drops what was ticked before.
      needs: this.needsShown ? v.needs : [],
      ...(this.needsShown && v.needsNote.trim() ? { needsNote: v.needsNote } : {}),
      consent: v.consent,
      locale: this.locale,
    };
  }

  /** Schema issues, then what the core's registration table refuses (contact, consent, a closed gathering). */
  private check(input: RegisterInput): ShownError<ErrorTarget>[] {
    const ctx = {
      gathering: this.card(this.data!).gathering,
      registrations: [],
      now: new Date(),
      role: input.role ?? 'resident',
      email: input.email,
      phone: input.phone,
      consent: input.consent,
    };
    const t = this.t;
    // Each message names its field: « Indiquez vos nom et prénom. », not « Ce champ est obligatoire. ».
    const label: Partial<Record<ErrorTarget, string>> = { name: t.name, needsNote: t.needsNote };
    return this.form.named(
      [...this.form.issues(RegisterInput, input), ...this.form.refusals(refusalsOf(registrationRules, 'none', 'register', ctx))],
      t.missing,
      (target) => target === 'name' && !input.name.trim(),
      label,
    );
  }

  /* ---------------------------------------------------------------- submit */

  private onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    void this.submit();
  }

  /** Checks the form and, if valid, fires `gusp-register` and sends it to `endpoint`. */
  async submit(): Promise<void> {
    if (this.phase === 'sending' || !this.data) return;
    const input = this.input();
    this.phase = 'editing';
    if (!(await this.form.report(this.check(input)))) return;
    const id = this.card(this.data).gathering.id;
    const proceed = this.dispatchEvent(new GuspRegisterEvent({ ...this.ref(id), input }));
    if (!proceed || !this.apiBase) return;
    this.phase = 'sending';
    const same = JSON.stringify(input);
    if (this.attempt?.input !== same) this.attempt = { clientId: newId(), input: same };
    try {
      const receipt = await writeJson<RegistrationReceipt>(`${this.apiBase}/${this.kind}s/${encodeURIComponent(id)}/registrations`, {
        method: 'POST',
        json: input,
        locale: this.locale,
        headers: { 'Idempotency-Key': this.attempt.clientId },
      });
      this.attempt = undefined;
      await this.showReceipt(receipt);
    } catch (error) {
      if (error instanceof ApiRefusal) this.attempt = undefined;
      await this.showError(error instanceof ApiRefusal ? error.error : undefined);
    }
  }

  /**
   * Shows the confirmation (or the waiting-list position), empties the form
   * and removes its draft: the next person on a shared computer finds no name,
   * contact or needs. Called after a successful send; a host page that handled
   * `gusp-register` itself calls it with the server's answer.
   */
  async showReceipt(receipt: RegistrationReceipt): Promise<void> {
    this.receipt = receipt;
    this.thanked = this.form.values.name.trim() || this.thanked;
    this.setCalendarUrl(undefined);
    const data = this.data;
    this.phase = 'done';
    this.form.clear();
    // The seats shown went down (or the waiting list up): load them again.
    if (this.apiBase && this.idAttribute) void this.source.retry();
    this.dispatchEvent(new GuspRegisteredEvent({ ...this.ref(this.id_ ?? ''), receipt }));
    await this.form.focus('#confirmation-title');
    if (receipt.status !== 'confirmed' || !data) return;
    // The .ics maker is a chunk of its own, fetched now (the network has just answered); without it, no file link.
    const file = await this.calendar(data).catch(() => undefined);
    if (file === undefined || this.receipt !== receipt) return;
    this.calendarName = file[1];
    this.setCalendarUrl(URL.createObjectURL(new Blob([file[0]], { type: 'text/calendar' })));
    this.requestUpdate();
    await this.updateComplete;
  }

  /**
   * Shows why the sign-up was not recorded, keeping every answer: a refusal
   * from the server next to its field, or, without `error`, a network or
   * server failure with a retry button.
   */
  async showError(error?: GuspError): Promise<void> {
    this.dispatchEvent(new GuspRegisterErrorEvent({ ...this.ref(this.id_ ?? ''), error }));
    if (!error) {
      this.phase = 'failed';
      this.form.clearErrors();
      await this.form.focus('.failure');
      return;
    }
    this.phase = 'editing';
    await this.form.refused(error);
  }

  /* ---------------------------------------------------------------- render */

  protected override render(): TemplateResult {
    const t = this.t;
    if (!this.data) return this.source.placeholder(t, this.localize.lang, this.localize.dir, 'card');
    const card = this.card(this.data);
    const state = gatheringState(card.gathering, this.data, new Date());
    // A region named by its title, as the other elements: its content is in a landmark even on a page without one.
    return html`<section part="base" lang=${this.localize.lang} dir=${this.localize.dir} class="card" aria-labelledby="title">
      ${this.renderCard(card, state)}
      ${
        state === SignupState.cancelled
          ? html`<p class="notice" part="notice">
              <strong>${t.cancelledNotice}</strong>
              ${card.gathering.cancelReason ? html`<br />${t.cancelReason}${labelIn(MESSAGES, 'format.colon', this.locale)}${card.gathering.cancelReason}` : nothing}
            </p>`
          : state === SignupState.closed
            ? html`<p class="notice" part="notice"><strong>${t.closedNotice}</strong></p>`
            : this.phase === 'done' && this.receipt
              ? this.renderConfirmation(this.receipt)
              : this.renderForm(card)
      }
    </section>`;
  }

  private renderCard(card: SignupCard, state: SignupState): TemplateResult {
    const t = this.t;
    const g = card.gathering;
    const left = this.data!.seatsLeft;
    const seats =
      state === SignupState.fewSeats
        ? t.fewSeatsLeft(left)
        : state === SignupState.cancelled || state === SignupState.closed
          ? undefined
          : t.seatsLeft(left);
    return html`${heading(this.level(), card.title, { id: 'title', part: 'title', tabindex: '-1' })}
      ${(g.sequence ?? 0) > 0 && state !== SignupState.cancelled ? html`<p class="notice" part="notice">${t.rescheduledNotice}</p>` : nothing}
      <dl part="details">
        <div>
          <dt>${t.when}</dt>
          <dd class="when">${formatTimeRange(g.startsAt, g.durationMinutes, card.timeZone, t)}</dd>
        </div>
        ${
          card.place
            ? html`<div>
                <dt>${t.meetingPoint}</dt>
                <dd>${card.place}</dd>
              </div>`
            : nothing
        }
        ${
          seats
            ? html`<div>
                <dt>${t.seats}</dt>
                <dd class="seats ${state}">${seats}</dd>
              </div>`
            : nothing
        }
      </dl>
      ${card.more ?? nothing}`;
  }

  private renderForm(card: SignupCard): TemplateResult {
    const t = this.t;
    const f = this.form;
    const v = f.values;
    const sending = this.phase === 'sending';
    const privacyUrl = this.privacyNoticeUrl ?? card.privacyNoticeUrl;
    const required = html`<span class="required" aria-hidden="true">*</span>`;
    // An institutional seat is not a public one: a full gathering may still confirm an élu, and the button must say so.
    const waitlist = seatsFor(card.gathering, this.data!, v.role) <= 0;
    return html`${waitlist ? html`<p class="notice" part="notice"><strong>${t.fullNotice}</strong></p>` : nothing}
      <form part="form" novalidate @submit=${this.onSubmit} aria-labelledby="form-title">
        ${heading(this.level(1), t.formHeading, { id: 'form-title' })} ${f.status(t.answersCleared, t.draftRestored)}
        ${f.summary(t.errorSummaryTitle, this.level(1))}
        ${
          this.phase === 'failed'
            ? html`<div class="failure" part="error" role="alert" tabindex="-1">
                <p>${t.submitFailed}</p>
                <button type="button" class="secondary" @click=${() => this.submit()}>${t.retry}</button>
              </div>`
            : nothing
        }
        <p class="hint">${t.requiredHint}</p>

        <div class="field" part="field">
          <label for="name">${t.name} ${required}</label>
          ${f.inlineError('name')} ${f.input('name', 'name', { name: 'name', autocomplete: 'name', required: true, errors: ['name'] })}
        </div>

        <fieldset class="field" part="field" aria-describedby=${f.describedBy(['contact-hint'], ['contact'])}>
          <legend>${t.contactLegend} ${required}</legend>
          <p class="hint" id="contact-hint">${t.contactHint}</p>
          ${f.inlineError('contact')}
          <div class="field">
            <label for="email">${t.email}</label>
            ${f.inlineError('email')}
            ${f.input('email', 'email', { name: 'email', type: 'email', autocomplete: 'email', inputmode: 'email', errors: ['contact', 'email'] })}
          </div>
          <div class="field">
            <label for="phone">${t.phone}</label>
            ${f.inlineError('phone')}
            ${f.input('phone', 'phone', { name: 'phone', type: 'tel', autocomplete: 'tel', errors: ['contact', 'phone'] })}
          </div>
        </fieldset>

        <details class="field role" part="field" ?open=${v.role !== 'resident'}>
          <summary id="role-question">${t.roleQuestion}</summary>
          <label for="role" id="role-label">${t.role}</label>
          ${f.inlineError('role')}
          <select
            id="role"
            name="role"
            aria-labelledby="role-label"
            aria-invalid=${f.invalid('role')}
            aria-describedby=${f.describedBy([], ['role'])}
            @change=${(e: Event) => f.set('role', (e.target as HTMLSelectElement).value as ActorRole)}
          >
            ${ACTOR_ROLES.map((r) => html`<option value=${r} ?selected=${v.role === r}>${t.roleOption[r] ?? r}</option>`)}
          </select>
        </details>

        <fieldset class="field" part="field" aria-describedby=${f.describedBy(['needs-hint'], ['needs'])}>
          <legend>${t.needsQuestion}</legend>
          <p class="hint" id="needs-hint">${t.needsHint}</p>
          ${f.inlineError('needs')}
          <div class="choices">
            ${([true, false] as const).map(
              (yes) =>
                html`<div class="check">
                  <input
                    type="radio"
                    id=${yes ? 'needs-yes' : 'needs-no'}
                    name="needsHelp"
                    .checked=${this.needsShown === yes}
                    @change=${() => (yes ? f.set('needsHelp', true) : f.replace({ ...f.values, needsHelp: false, needs: [], needsNote: '' }))}
                  />
                  <label for=${yes ? 'needs-yes' : 'needs-no'}>${yes ? t.yes : t.no}</label>
                </div>`,
            )}
          </div>
          ${
            this.needsShown
              ? html`<fieldset class="needs">
                  <legend>${t.needsLegend}</legend>
                  ${AccessibilityNeed.options.map(
                    (need) =>
                      html`<div class="check">
                        <input
                          type="checkbox"
                          id="need-${need}"
                          name="needs"
                          value=${need}
                          .checked=${v.needs.includes(need)}
                          @change=${(e: Event) =>
                            f.set(
                              'needs',
                              (e.target as HTMLInputElement).checked
                                ? [...v.needs.filter((n) => n !== need), need]
                                : v.needs.filter((n) => n !== need),
                            )}
                        />
                        <label for="need-${need}">${t.need[need] ?? need}</label>
                      </div>`,
                  )}
                  <div class="field">
                    <label for="needs-note">${t.needsNote}</label>
                    ${f.inlineError('needsNote')} ${f.textarea('needsNote', 'needs-note', 2, { name: 'needsNote', errors: ['needsNote'] })}
                  </div>
                </fieldset>`
              : nothing
          }
        </fieldset>

        <div class="field" part="field">
          ${f.inlineError('consent')}
          ${f.checkbox('consent', 'consent', html`${t.consent} ${required}`, { name: 'consent', required: true, errors: ['consent'], hints: [privacyUrl && 'privacy'] })}
          ${
            privacyUrl
              ? html`<p class="hint" id="privacy">
                  <a href=${privacyUrl} target="_blank" rel="noopener"
                    >${t.privacyNotice} <span class="visually-hidden">${t.privacyNoticeNewWindow}</span></a
                  >
                </p>`
              : nothing
          }
        </div>

        <button type="submit" part="submit" aria-disabled=${sending ? 'true' : 'false'}>
          ${sending ? t.submitting : waitlist ? t.submitWaitlist : t.submit}
        </button>
        ${f.clearButton(t.clearAnswers, () => {
          // A failure said the answers were kept: they no longer are.
          this.phase = 'editing';
          f.clear();
        })}
      </form>`;
  }

  /** The Blob URL of the .ics offered after a confirmed sign-up; the previous one is released. */
  private calendarUrl: string | undefined;
  /** The name the .ics file is downloaded under. */
  private calendarName = '';

  private setCalendarUrl(url: string | undefined): void {
    if (this.calendarUrl) URL.revokeObjectURL(this.calendarUrl);
    this.calendarUrl = url;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.setCalendarUrl(undefined);
  }

  private renderConfirmation(receipt: RegistrationReceipt): TemplateResult {
    const t = this.t;
    const waitlisted = receipt.status === 'waitlisted';
    const feed = this.data && this.feed(this.data);
    return html`<section class="confirmation" part="confirmation" aria-labelledby="confirmation-title">
      ${heading(this.level(1), waitlisted ? t.waitlistedTitle : t.confirmedTitle, { id: 'confirmation-title', tabindex: '-1' })}
      <p class="position">${waitlisted ? t.waitlistedText(receipt.position) : t.confirmedText(this.thanked)}</p>
      ${
        this.calendarUrl
          ? html`<p>
              <a class="calendar" part="calendar" href=${this.calendarUrl} download=${this.calendarName} type="text/calendar"
                >${t.addToCalendar}</a
              >
              <span class="hint">(${t.calendarFileHint})</span>
            </p>`
          : nothing
      }
      ${
        feed
          ? html`<p>
              <a class="subscribe" part="subscribe" href=${feed}>${t.subscribe}</a>
              <span class="hint">(${t.subscribeHint})</span>
            </p>`
          : nothing
      }
      <p>${t.howToCancel}</p>
      ${receipt.cancelUrl ? html`<p><a href=${receipt.cancelUrl}>${t.cancelLink}</a></p>` : nothing}
    </section>`;
  }
}
