// SPDX-License-Identifier: EUPL-1.2
import { Polarity, RecordObservationInput, findQuartier, labelIn, localName, newId, observationRules, refusalsOf } from '@gusp/core';
import { html, nothing, type TemplateResult } from 'lit';
import { GuspObservationQueuedEvent, GuspObservedEvent, GuspObserveEvent } from '../events/issue-form-events.js';
import { DataController } from '../internal/data-controller.js';
import type { ShownError } from '../internal/error-summary.js';
import { heading } from '../internal/heading.js';
import { FormController } from '../internal/form-controller.js';
import { GuspElement } from '../internal/gusp-element.js';
import { MapController } from '../internal/map/map-controller.js';
import type { Suggestion } from '../internal/map/geocoder.js';
import type { OutboxEntry } from '../internal/outbox.js';
import type { WalkSignupData } from '../walk-signup/walk-signup-data.js';
import { GeolocationController } from './geolocation-controller.js';
import type { IssueFormData } from './issue-form-data.js';
import { MESSAGES, SERVER_ONLY, emptyValues, issueFormConfig, type IssueValues, type Target } from './issue-form-values.js';
import { styles } from './issue-form.styles.js';
import { OutboxController } from './outbox-controller.js';
import { PhotosController } from './photos-controller.js';
import { ISSUE_FORM_MESSAGES, ISSUE_FORM_TEXTS } from '../translations/issue-form.js';
import { textsFor } from '../translations/registry.js';
import type { CommonTexts, IssueFormTexts } from '../translations/types.js';

/**
 * Reports a problem or a positive point: polarity, theme (grouped by axis),
 * description, and where — a stop of the walk, « utiliser ma position », or
 * an address or landmark in words (never a map only) — with optional contact
 * and consent. Checked by the core's `RecordObservationInput` schema and
 * observation rules.
 *
 * Two modes: a resident on a city page; an agent during a walk (`walk-id`
 * set), where after each submit the text clears but walk, stop, theme and
 * polarity stay, so ten observations take ten quick entries. Contact details
 * never stay after a send: the next observation may be someone else's.
 *
 * What a person types is kept on the device as a draft for 24 hours after the
 * last change; it is removed after each send, and « Effacer mes réponses »
 * empties the form and removes it at once.
 *
 * Works in the street: what cannot be sent (no network, server down) is kept
 * on the device (IndexedDB), listed as « en attente d'envoi », and sent when
 * the network returns or on the next visit, with the same client id
 * (`Idempotency-Key`) so it is recorded once.
 *
 * Data in (one of): the `data` property or a child `<script type="application/json">`
 * holding an {@linkcode IssueFormData}; or `endpoint`, fetched from
 * `GET {endpoint}/walks/{walk-id}` (with `walk-id`) or `GET {endpoint}/city`.
 * Observations go to `POST {endpoint}/observations`.
 *
 * @fires gusp-observe - {@linkcode GuspObserveEvent}, cancelable: a valid observation is about to be sent.
 * @fires gusp-observed - {@linkcode GuspObservedEvent}: the server recorded it.
 * @fires gusp-observation-queued - {@linkcode GuspObservationQueuedEvent}: kept on the device for later.
 * @fires gusp-observation-refused - {@linkcode GuspObservationRefusedEvent}: the server refused a queued one.
 * @attr map - `button` (default): « Choisir le point sur une carte » beside « Utiliser ma position » shows a map to place the point on
 *   (keyboard: Space drops it at the centre, arrows move it, where it is said in words); `open`: the map at once; `none`: no map.
 *
 * @csspart base - The whole form card.
 * @csspart form - The form.
 * @csspart field - Each field's wrapper.
 * @csspart error - Each inline error message.
 * @csspart error-summary - The list of errors that receives focus.
 * @csspart submit - The submit button.
 * @csspart clear - The « Effacer mes réponses » button: empties the form, its photos and its draft on the device.
 * @csspart status - The message after a submit.
 * @csspart pending - The list of observations waiting to be sent.
 * @csspart photos - The thumbnails of the chosen photos.
 * @csspart notice - Why the data could not be loaded.
 * @csspart retry - The « Réessayer » button after a failed load.
 */
export class GuspIssueForm extends GuspElement {
  protected override get t(): CommonTexts & IssueFormTexts {
    return textsFor(ISSUE_FORM_TEXTS, this.locale);
  }

  static override styles = styles;
  static override speaks = [ISSUE_FORM_TEXTS, ISSUE_FORM_MESSAGES];

  static override properties = {
    ...GuspElement.properties,
    walkId: { type: String, attribute: 'walk-id' },
    quartierId: { type: String, attribute: 'quartier-id' },
    mapMode: { type: String, attribute: 'map' },
    data: { attribute: false },
    message: { state: true },
    sentLater: { state: true },
  };

  /** During a walk: its id (agent mode). */
  declare walkId: string | undefined;
  /** Fixes the quartier, e.g. on a quartier's page; the walk's by default. */
  declare quartierId: string | undefined;
  /** The point picker's map: `button` (default), `open`, `none`. */
  declare mapMode: string | undefined;
  /** The city profile and, during a walk, the walk: see {@linkcode IssueFormData}. */
  declare data: IssueFormData | undefined;
  /**
   * Extra headers of every observation it sends, read at each attempt, so also when one kept on
   * the device is sent later: the back office gives its session's `X-CSRF-Token` (the session's
   * cookie goes by itself on the same origin).
   */
  declare headers: Record<string, string> | undefined;

  declare private message: 'sent' | 'queued' | 'failed' | undefined;
  /** How many observations kept on the device were sent since the last submit: announced. */
  declare private sentLater: number;
  /** The client id of the observation being sent by a submit, to tell it from the queue's. */
  private sendingNow: string | undefined;

  constructor() {
    super();
    this.sentLater = 0;
    // An observation from the queue reached the server: say so, and « Pas de réseau » is no longer true.
    this.addEventListener(GuspObservedEvent.type, (e) => {
      if (e.detail.clientId === this.sendingNow) return;
      this.sentLater++;
      if (this.message === 'queued') this.message = undefined;
    });
  }

  /** The city and, with `walk-id`, the walk: from `data`, inline JSON, or the endpoint, again whenever those change. */
  private readonly source = new DataController<IssueFormData>(this, {
    url: () =>
      this.apiBase ? (this.walkId ? `${this.apiBase}/walks/${encodeURIComponent(this.walkId)}` : `${this.apiBase}/city`) : undefined,
    read: (body) => {
      if (!this.walkId) return { city: body as IssueFormData['city'] };
      const summary = body as WalkSignupData;
      if (!summary.city) throw new Error('The walk came without its city profile');
      return { city: summary.city, walk: summary.walk };
    },
  });

  private readonly form = new FormController<IssueValues, Target>(
    this,
    issueFormConfig({
      draftKey: () => (this.data ? `gusp-issue-form:${this.data.walk?.id ?? this.fixedQuartierId ?? this.data.city.id ?? ''}` : undefined),
      fixedQuartierId: () => this.fixedQuartierId,
    }),
  );

  private readonly geolocation = new GeolocationController(this);
  private readonly picker = new MapController(this, () => (this.data && this.mapMode === 'open' ? '' : undefined));
  /** The map's words for the point placed on it (« Point placé à 40 mètres au nord de … »), shown as the position's status. */
  private picked: string | undefined;
  /** The address's completions (`map.geocoder` in the city profile), as a `<datalist>`: free text stays accepted. */
  private suggestions: readonly Suggestion[] = [];
  private typing: ReturnType<typeof setTimeout> | undefined;

  /** A pause in the typing (250 ms), 3 characters or more: asks the geocoder (its chunk fetched then); a suggestion chosen gives the point too. */
  private onAddress(url: string, near: { lat: number; lon: number } | undefined): void {
    const text = this.form.values.address.trim();
    const chosen = this.suggestions.find((s) => s.label === text);
    if (chosen && !this.form.values.point) this.form.set('point', { lat: chosen.lat, lon: chosen.lon });
    clearTimeout(this.typing);
    if (chosen || text.length < 3) return;
    this.typing = setTimeout(
      () =>
        void import('../internal/map/geocoder.js')
          .then((m) => m.complete(url, text, near))
          .then(
            (s) => {
              this.suggestions = s;
              this.requestUpdate();
            },
            () => undefined,
          ),
      250,
    );
  }
  private readonly photos = new PhotosController(this, () => this.t);
  private readonly outbox = new OutboxController(this, () => (this.apiBase ? `${this.apiBase}/observations` : undefined));

  /** Resolves once data from `endpoint` has arrived and waiting observations were tried. */
  get loaded(): Promise<void> {
    return this.source.loaded.then(() => this.outbox.flushing).then(() => this.source.loaded);
  }

  /** Resolves once the chosen photos are re-encoded and shown. */
  get photosReady(): Promise<void> {
    return this.photos.ready;
  }

  private get inWalk(): boolean {
    return this.data?.walk !== undefined;
  }

  /** The quartier decided by the page (attribute) or the walk, if any. */
  private get fixedQuartierId(): string | undefined {
    return this.quartierId ?? this.data?.walk?.quartierId;
  }

  /** « Utiliser ma position »: asks the device once; a refusal leaves words as the way to say where. */
  async locate(): Promise<void> {
    const point = await this.geolocation.locate();
    this.picked = undefined;
    if (point) this.form.set('point', point);
  }

  /** « Envoyer maintenant »: when nothing waits any more, its button is gone, and focus goes to what says so. */
  private async sendNow(): Promise<void> {
    await this.flush();
    if (this.outbox.pending.length === 0) await this.form.focus('.outbox-status');
  }

  /* ---------------------------------------------------------------- validation */

  private input(): RecordObservationInput {
    const v = this.form.values;
    const walk = this.data?.walk;
    // An agent recording during a walk is asked no contact (the fields are not shown): none is sent, not even a draft's.
    const hasContact = !walk && (v.reporterName + v.reporterEmail + v.reporterPhone).trim() !== '';
    return {
      ...(v.quartierId ? { quartierId: v.quartierId } : {}),
      ...(walk ? { walkId: walk.id } : {}),
      ...(walk && v.stopId ? { stopId: v.stopId } : {}),
      ...(v.point ? { point: { lat: v.point.lat, lon: v.point.lon } } : {}),
      ...(v.address.trim() ? { address: v.address } : {}),
      // Left out when not chosen, so the schema says « required » rather than « unknown value ».
      polarity: (v.polarity || undefined) as Polarity,
      themeId: (v.themeId || undefined) as string,
      description: v.description,
      ...(this.photos.photos.length > 0 ? { photos: this.photos.refs() } : {}),
      source: walk ? 'walk' : 'resident',
      ...(hasContact
        ? { reporter: { name: v.reporterName, email: v.reporterEmail.trim(), phone: v.reporterPhone.trim(), consent: v.reporterConsent } }
        : {}),
    };
  }

  /** Schema issues, then what the core's observation table refuses that a browser can know. */
  private check(input: RecordObservationInput): ShownError<Target>[] {
    const f = this.form;
    const ctx = {
      city: this.data!.city,
      now: new Date(),
      quartierId: input.quartierId,
      themeId: input.themeId,
      stopId: input.stopId,
      hasPoint: input.point !== undefined,
      address: input.address,
      contactGiven: input.reporter !== undefined,
      contactConsent: input.reporter?.consent === true,
    };
    const refusals = refusalsOf(observationRules, 'none', 'record', ctx).filter((r) => !SERVER_ONLY.includes(r.code));
    const t = this.t;
    const v = f.values;
    const empty: Partial<Record<Target, boolean>> = {
      polarity: !v.polarity,
      themeId: !v.themeId,
      description: !v.description.trim(),
      quartierId: !input.quartierId,
    };
    const label: Partial<Record<Target, string>> = { themeId: t.theme, description: t.description, quartierId: t.quartier };
    return f.named(
      [
        // zod reports a missing enum value as « unknown value », and no quartier chosen is not an unknown one: people should read « required ».
        ...(input.polarity ? [] : [f.message('polarity', 'field.required')]),
        ...f.issues(RecordObservationInput, input),
        ...(input.quartierId ? [] : [f.message('quartierId', 'field.required')]),
        ...f.refusals(refusals),
      ],
      t.missing,
      (target) => !!empty[target],
      label,
    );
  }

  /* ---------------------------------------------------------------- submit and queue */

  private onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    void this.submit();
  }

  /**
   * Checks the form; if valid, fires `gusp-observe` and, with `endpoint`,
   * keeps the observation on the device then sends it.
   */
  async submit(): Promise<void> {
    if (!this.data || this.outbox.sending) return;
    const input = this.input();
    this.message = undefined;
    this.sentLater = 0;
    if (!(await this.form.report(this.check(input)))) return;
    const clientId = newId();
    const url = this.apiBase && `${this.apiBase}/observations`;
    if (!this.dispatchEvent(new GuspObserveEvent({ input, clientId })) || !url) return;
    const entry: OutboxEntry<RecordObservationInput> = {
      clientId,
      url,
      body: input,
      files: this.photos.files(),
      createdAt: new Date().toISOString(),
    };
    // Kept on the device first: closing the page mid-request loses nothing.
    // Without IndexedDB (some private modes), it is sent directly and kept in the form on failure.
    const kept = await this.outbox.keep(entry);
    this.sendingNow = clientId;
    const sent = await this.outbox.send(entry).finally(() => (this.sendingNow = undefined));
    if (sent.outcome === 'refused') {
      await this.form.refused(sent.error);
      return;
    }
    if (sent.outcome === 'queued' && !kept) {
      this.message = 'failed';
      return;
    }
    this.message = sent.outcome;
    this.clearForNext();
    await this.outbox.refresh();
    if (sent.outcome === 'queued') this.dispatchEvent(new GuspObservationQueuedEvent({ clientId, pending: this.outbox.pending.length }));
    await this.form.focus(this.inWalk ? '#description' : '.submit-status');
  }

  /**
   * Sends what waits on the device for this endpoint, oldest first; stops at
   * the first failure of the network. Runs on connection, when the browser
   * says it is back online, and from the « Envoyer maintenant » button.
   */
  flush(): Promise<void> {
    return this.outbox.flush();
  }

  /**
   * Clears the form for the next observation and removes its draft. During a
   * walk, the walk, stop, theme and polarity stay: an agent records ten points
   * in ten quick entries. The contact never stays: the next observation may be
   * another resident's.
   */
  clearForNext(): void {
    const v = this.form.values;
    this.clear({
      ...emptyValues(),
      quartierId: this.fixedQuartierId ?? v.quartierId,
      ...(this.inWalk ? { polarity: v.polarity, themeId: v.themeId, stopId: v.stopId } : {}),
    });
  }

  /** Empties the form (but for what `values` keeps), its position and photos, and removes its draft. */
  private clear(values?: IssueValues): void {
    this.geolocation.reset();
    this.picked = undefined;
    this.photos.clear();
    this.form.clear(values);
  }

  /* ---------------------------------------------------------------- render */

  /** « Choisir le point sur une carte » and, once asked for, the map (its chunk loaded then): the stops drawn, Space drops the point. */
  private renderPicker(city: IssueFormData['city'], walk: IssueFormData['walk'], quartierId: string): TemplateResult {
    const t = this.t;
    const m = this.picker;
    const q = findQuartier(city, quartierId);
    return html`<button
        type="button"
        class="secondary"
        id="pick-on-map"
        aria-expanded=${m.shown ? 'true' : 'false'}
        @click=${async () => {
          // Shown: the focus goes to the map, where Space drops the point; hidden: it stays on this button.
          if (await m.toggle()) m.map?.focus();
        }}
      >
        ${m.shown ? t.hideMap : t.pickOnMap}
      </button>
      ${
        m.shown
          ? html`<gusp-map
              class="picker"
              .picker=${true}
              .stops=${walk?.stops ?? []}
              .pin=${this.form.values.point}
              .centre=${q?.centre}
              .reference=${q?.centre ? { id: q.id, label: t.centreOf(q.name), ...q.centre } : undefined}
              .boundary=${q?.boundary}
              .tiles=${city.map?.tiles}
              .label=${t.pickerLabel}
              @gusp-map-pick=${(e: CustomEvent<{ lat: number; lon: number; words: string }>) => {
                e.preventDefault();
                this.picked = e.detail.words;
                this.form.set('point', { lat: e.detail.lat, lon: e.detail.lon });
              }}
            ></gusp-map>`
          : m.failed
            ? html`<p class="error">${t.mapFailed}</p>`
            : nothing
      }`;
  }

  protected override render(): TemplateResult {
    const t = this.t;
    if (!this.data) return this.source.placeholder(t, this.localize.lang, this.localize.dir, 'card');
    const f = this.form;
    const locale = this.locale;
    const { city, walk } = this.data;
    const v = f.values;
    const required = html`<span class="required" aria-hidden="true">*</span>`;
    const fixedQuartier = this.fixedQuartierId;
    const geocoder = city.map?.geocoder?.url;
    const select = (id: string, key: 'themeId' | 'quartierId' | 'stopId', target: Target | undefined, options: unknown) =>
      html`<select
        id=${id}
        ?required=${!!target}
        aria-invalid=${target ? f.invalid(target) : nothing}
        aria-describedby=${target ? f.describedBy([], [target]) : nothing}
        @change=${(e: Event) => f.set(key, (e.target as HTMLSelectElement).value)}
      >
        ${options}
      </select>`;
    return html`<section part="base" lang=${this.localize.lang} dir=${this.localize.dir} class="card" aria-labelledby="title">
      ${heading(
        this.level(),
        html`${t.issueHeading}${fixedQuartier ? html` – ${findQuartier(city, fixedQuartier)?.name ?? fixedQuartier}` : nothing}`,
        { id: 'title' },
      )}
      <div class="outbox-status" role="status" tabindex="-1">
        ${this.sentLater > 0 ? html`<p class="success">${t.sentLater(this.sentLater)}</p>` : nothing}
      </div>
      ${this.outbox.render(t, () => void this.sendNow(), this.level(1))}
      <form part="form" novalidate @submit=${this.onSubmit} aria-labelledby="title">
        ${
          this.message
            ? html`<p class="submit-status ${this.message === 'sent' ? 'success' : 'notice'}" part="status" role="status" tabindex="-1">
                ${this.message === 'sent' ? t.issueSent : this.message === 'queued' ? t.issueQueued : t.issueFailed}
              </p>`
            : nothing
        }
        ${f.status(t.answersCleared)} ${f.summary(t.errorSummaryTitle, this.level(1))}
        <p class="hint">${t.requiredHint}</p>

        <fieldset class="field" part="field" aria-describedby=${f.describedBy([], ['polarity'])}>
          <legend>${t.polarityLegend} ${required}</legend>
          ${f.inlineError('polarity')}
          <div class="choices">
            ${Polarity.options.map(
              (p) =>
                html`<div class="check">
                  <input
                    type="radio"
                    id="polarity-${p}"
                    name="polarity"
                    value=${p}
                    required
                    aria-invalid=${f.invalid('polarity')}
                    .checked=${v.polarity === p}
                    @change=${() => f.set('polarity', p)}
                  />
                  <label for="polarity-${p}">${labelIn(MESSAGES, `polarity.${p}`, locale)}</label>
                </div>`,
            )}
          </div>
        </fieldset>

        <div class="field" part="field">
          <label for="theme">${t.theme} ${required}</label>
          ${f.inlineError('themeId')}
          ${select(
            'theme',
            'themeId',
            'themeId',
            html`<option value="" ?selected=${v.themeId === ''}>${t.themePlaceholder}</option>
              ${city.axes.map(
                (axis) =>
                  html`<optgroup label=${localName(axis, locale)}>
                    ${city.themes
                      .filter((th) => th.axis === axis.id)
                      .map((th) => html`<option value=${th.id} ?selected=${v.themeId === th.id}>${localName(th, locale)}</option>`)}
                  </optgroup>`,
              )}`,
          )}
        </div>

        <div class="field" part="field">
          <label for="description">${t.description} ${required}</label>
          <p class="hint" id="description-hint">${t.descriptionHint}</p>
          ${f.inlineError('description')}
          ${f.textarea('description', 'description', 4, { required: true, errors: ['description'], hints: ['description-hint'] })}
        </div>

        <fieldset class="field" part="field" aria-describedby=${f.describedBy(['location-hint'], ['location'])}>
          <legend>${t.locationLegend} ${required}</legend>
          <p class="hint" id="location-hint">${t.locationHint}</p>
          ${f.inlineError('location')}
          ${
            fixedQuartier
              ? nothing
              : html`<div class="field">
                  <label for="quartier">${t.quartier} ${required}</label>
                  ${f.inlineError('quartierId')}
                  ${select(
                    'quartier',
                    'quartierId',
                    'quartierId',
                    html`<option value="" ?selected=${v.quartierId === ''}>${t.quartierPlaceholder}</option>
                      ${city.quartiers.map((q) => html`<option value=${q.id} ?selected=${v.quartierId === q.id}>${q.name}</option>`)}`,
                  )}
                </div>`
          }
          ${
            walk && walk.stops.length > 0
              ? html`<div class="field">
                  <label for="stop">${t.stop}</label>
                  ${select(
                    'stop',
                    'stopId',
                    undefined,
                    html`<option value="" ?selected=${v.stopId === ''}>${t.stopNone}</option>
                      ${walk.stops.map((s, i) => html`<option value=${s.id} ?selected=${v.stopId === s.id}>${i + 1}. ${s.label}</option>`)}`,
                  )}
                </div>`
              : nothing
          }
          <div class="field" @input=${geocoder ? () => this.onAddress(geocoder, findQuartier(city, v.quartierId)?.centre) : nothing}>
            <label for="address">${t.address}</label>
            <p class="hint" id="address-hint">${t.addressHint}</p>
            ${f.input('address', 'address', { errors: ['location'], hints: ['address-hint'], list: geocoder && 'address-suggestions' })}
            ${geocoder ? html`<datalist id="address-suggestions">${this.suggestions.map((s) => html`<option value=${s.label}></option>`)}</datalist>` : nothing}
          </div>
          <div class="position" role="status">
            ${
              v.point
                ? html`<p>${this.picked ?? t.positionSet(v.point.accuracy)}</p>`
                : this.geolocation.locating
                  ? html`<p>${t.locating}</p>`
                  : this.geolocation.failed
                    ? html`<p class="error">${t.positionFailed}</p>`
                    : nothing
            }
          </div>
          <button
            type="button"
            class="secondary"
            id="locate"
            @click=${() => (this.form.values.point ? ((this.picked = undefined), f.set('point', undefined)) : void this.locate())}
          >
            ${v.point ? t.removePosition : t.useMyPosition}
          </button>
          ${this.mapMode === 'none' ? nothing : this.renderPicker(city, walk, v.quartierId)}
        </fieldset>

        ${this.photos.render(t, this.form)}
        ${
          this.inWalk
            ? nothing
            : html`<fieldset class="field" part="field" aria-describedby=${f.describedBy(['reporter-hint'], ['reporter'])}>
                <legend>${t.reporterLegend}</legend>
                <p class="hint" id="reporter-hint">${t.reporterHint}</p>
                ${f.inlineError('reporter')}
                <div class="field">
                  <label for="reporter-name">${t.name}</label>
                  ${f.input('reporterName', 'reporter-name', { autocomplete: 'name' })}
                </div>
                <div class="field">
                  <label for="reporter-email">${t.email}</label>
                  ${f.input('reporterEmail', 'reporter-email', { type: 'email', autocomplete: 'email', errors: ['reporter'] })}
                </div>
                <div class="field">
                  <label for="reporter-phone">${t.phone}</label>
                  ${f.input('reporterPhone', 'reporter-phone', { type: 'tel', autocomplete: 'tel', errors: ['reporter'] })}
                </div>
                ${f.inlineError('reporterConsent')}
                ${f.checkbox('reporterConsent', 'reporter-consent', t.reporterConsent, { errors: ['reporterConsent'] })}
              </fieldset>`
        }

        <button type="submit" part="submit" aria-disabled=${this.outbox.sending ? 'true' : 'false'}>
          ${this.outbox.sending ? t.submittingIssue : t.submitIssue}
        </button>
        ${f.clearButton(t.clearAnswers, () => {
          // « Vos réponses sont conservées » after a failure would no longer be true.
          this.message = undefined;
          this.clear();
        })}
      </form>
    </section>`;
  }
}
