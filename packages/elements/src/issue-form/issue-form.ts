// SPDX-License-Identifier: EUPL-1.2
import {
  FIELD_MESSAGES,
  OBSERVATION_MESSAGES,
  Polarity,
  RecordObservationInput,
  errorMessageIn,
  findQuartier,
  labelIn,
  localName,
  newId,
  observationRules,
  validate,
  type FieldIssue,
  type GeoPoint,
} from '@gusp/core';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { GuspObservationQueuedEvent, GuspObservationRefusedEvent, GuspObserveEvent, GuspObservedEvent } from '../events/issue-form-events.js';
import { ApiRefusal, requestJson } from '../internal/api.js';
import { Draft } from '../internal/draft.js';
import { errorSummary, orderErrors, type ShownError } from '../internal/error-summary.js';
import { GuspElement } from '../internal/gusp-element.js';
import { DataController } from '../internal/data-controller.js';
import * as outbox from '../internal/outbox.js';
import { MAX_PHOTOS, preparePhoto, type PreparedPhoto } from '../internal/photo.js';
import type { WalkSignupData } from '../walk-signup/walk-signup-data.js';
import type { IssueFormData } from './issue-form-data.js';
import { styles } from './issue-form.styles.js';
import { ISSUE_FORM_TEXTS, textsFor, type CommonTexts, type IssueFormTexts } from '../translations/index.js';

/** The core's texts this element shows: only these domains are bundled with it. */
const MESSAGES = [OBSERVATION_MESSAGES, FIELD_MESSAGES];

/** What the form holds while a person fills it in (and what the draft keeps). */
interface IssueValues {
  polarity: Polarity | '';
  themeId: string;
  description: string;
  quartierId: string;
  stopId: string;
  address: string;
  point: (GeoPoint & { accuracy?: number | undefined }) | undefined;
  reporterName: string;
  reporterEmail: string;
  reporterPhone: string;
  reporterConsent: boolean;
}

type Target = 'form' | 'polarity' | 'themeId' | 'description' | 'quartierId' | 'location' | 'photos' | 'reporter' | 'reporterConsent';

const ORDER: readonly Target[] = ['form', 'polarity', 'themeId', 'description', 'quartierId', 'location', 'photos', 'reporter', 'reporterConsent'];

const CONTROL_ID: Record<Target, string | undefined> = {
  form: undefined,
  polarity: `polarity-${Polarity.options[0]}`,
  themeId: 'theme',
  description: 'description',
  quartierId: 'quartier',
  location: 'address',
  photos: 'photos',
  reporter: 'reporter-name',
  reporterConsent: 'reporter-consent',
};

const PATH_TARGET: Readonly<Record<string, Target>> = {
  polarity: 'polarity',
  themeId: 'themeId',
  description: 'description',
  quartierId: 'quartierId',
  stopId: 'location',
  point: 'location',
  address: 'location',
  photos: 'photos',
  reporter: 'reporter',
};

/** The observation rules a browser can check, and where their error goes. */
const FORM_RULES = [
  ['knownQuartier', 'quartierId'],
  ['located', 'location'],
  ['contactConsent', 'reporterConsent'],
] as const satisfies readonly (readonly [keyof typeof observationRules.guards, Target])[];

/** A photo ready to send, and the object URL of its thumbnail. */
type ShownPhoto = PreparedPhoto & { readonly url: string };

/** Refusals from the server that belong to one place of the form. */
const SERVER_CODE_TARGET: Readonly<Record<string, Target>> = {
  'observation.location-required': 'location',
  'observation.unknown-stop': 'location',
  'observation.unknown-theme': 'themeId',
  'observation.unknown-quartier': 'quartierId',
  'observation.contact-consent-required': 'reporterConsent',
};

/**
 * The API contract for an observation with photos: `multipart/form-data`,
 * an `observation` part holding the JSON, and one `photo` part per photo
 * (JPEG, file name `<photos[].id>.jpg`). Without photos, the body is the JSON itself.
 */
function observationForm(observation: RecordObservationInput, files: readonly outbox.OutboxFile[]): FormData {
  const form = new FormData();
  form.append('observation', JSON.stringify(observation));
  for (const file of files) form.append('photo', file.blob, file.name);
  return form;
}

const targetOfPath = (path: string): Target => PATH_TARGET[path.split('.')[0] ?? ''] ?? 'form';

const emptyValues = (): IssueValues => ({
  polarity: '',
  themeId: '',
  description: '',
  quartierId: '',
  stopId: '',
  address: '',
  point: undefined,
  reporterName: '',
  reporterEmail: '',
  reporterPhone: '',
  reporterConsent: false,
});

/**
 * Reports a problem or a positive point: polarity, theme (grouped by axis),
 * description, and where — a stop of the walk, « utiliser ma position », or
 * an address or landmark in words (never a map only) — with optional contact
 * and consent. Checked by the core's `RecordObservationInput` schema and
 * observation rules.
 *
 * Two modes: a resident on a city page; an agent during a walk (`walk-id`
 * set), where after each submit the text clears but walk, stop, theme and
 * polarity stay, so ten observations take ten quick entries.
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
 *
 * @csspart base - The whole form card.
 * @csspart form - The form.
 * @csspart field - Each field's wrapper.
 * @csspart error - Each inline error message.
 * @csspart error-summary - The list of errors that receives focus.
 * @csspart submit - The submit button.
 * @csspart status - The message after a submit.
 * @csspart pending - The list of observations waiting to be sent.
 * @csspart photos - The thumbnails of the chosen photos.
 * @csspart notice - Why the data could not be loaded.
 * @csspart retry - The « Réessayer » button after a failed load.
 */
export class GuspIssueForm extends GuspElement {
  protected override get t(): CommonTexts & IssueFormTexts {
    return textsFor('issueForm', ISSUE_FORM_TEXTS, this.locale);
  }

  static override styles = styles;

  static override properties = {
    ...GuspElement.properties,
    walkId: { type: String, attribute: 'walk-id' },
    quartierId: { type: String, attribute: 'quartier-id' },
    data: { attribute: false },
    values: { state: true },
    errors: { state: true },
    message: { state: true },
    locating: { state: true },
    positionError: { state: true },
    pending: { state: true },
    photos: { state: true },
    photoError: { state: true },
    preparingPhotos: { state: true },
  };

  /** During a walk: its id (agent mode). */
  declare walkId: string | undefined;
  /** Fixes the quartier, e.g. on a quartier's page; the walk's by default. */
  declare quartierId: string | undefined;
  /** The city profile and, during a walk, the walk: see {@linkcode IssueFormData}. */
  declare data: IssueFormData | undefined;

  declare private values: IssueValues;
  declare private errors: readonly ShownError<Target>[];
  declare private message: 'sent' | 'queued' | 'failed' | undefined;
  declare private locating: boolean;
  declare private positionError: boolean;
  declare private pending: readonly outbox.OutboxEntry<RecordObservationInput>[];
  /** Re-encoded on the device as they are chosen; not kept in the draft (too big for it). */
  declare private photos: readonly ShownPhoto[];
  declare private photoError: string | undefined;
  declare private preparingPhotos: boolean;

  private draft: Draft<IssueValues> | undefined;
  /** The city and, with `walk-id`, the walk: from `data`, inline JSON, or the endpoint, again whenever those change. */
  private readonly source = new DataController<IssueFormData>(this, {
    url: () => (this.apiBase ? (this.walkId ? `${this.apiBase}/walks/${encodeURIComponent(this.walkId)}` : `${this.apiBase}/city`) : undefined),
    read: (body) => {
      if (!this.walkId) return { city: body as IssueFormData['city'] };
      const summary = body as WalkSignupData;
      if (!summary.city) throw new Error('The walk came without its city profile');
      return { city: summary.city, walk: summary.walk };
    },
  });
  private flushing: Promise<void> | undefined;
  private readonly onOnline = () => void this.flush();

  constructor() {
    super();
    this.values = emptyValues();
    this.errors = [];
    this.locating = false;
    this.positionError = false;
    this.pending = [];
    this.photos = [];
    this.preparingPhotos = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('online', this.onOnline);
  }

  override disconnectedCallback(): void {
    window.removeEventListener('online', this.onOnline);
    this.setPhotos([]);
    super.disconnectedCallback();
  }

  /** Resolves once data from `endpoint` has arrived and waiting observations were tried. */
  get loaded(): Promise<void> {
    return this.source.loaded.then(() => this.flushing).then(() => this.updateComplete.then(() => undefined));
  }

  private get observationsUrl(): string | undefined {
    return this.apiBase ? `${this.apiBase}/observations` : undefined;
  }

  private get inWalk(): boolean {
    return this.data?.walk !== undefined;
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('data') && this.data) this.restoreDraft();
    if (changed.has('endpoint') && this.observationsUrl) void this.flush();
  }

  /** The quartier decided by the page (attribute) or the walk, if any. */
  private get fixedQuartierId(): string | undefined {
    return this.quartierId ?? this.data?.walk?.quartierId;
  }

  private restoreDraft(): void {
    this.draft = new Draft<IssueValues>(`gusp-issue-form:${this.data?.walk?.id ?? this.fixedQuartierId ?? this.data?.city.id ?? ''}`);
    const saved = this.draft.load() ?? {};
    const str = (v: unknown) => (typeof v === 'string' ? v : '');
    const point = saved.point && typeof saved.point.lat === 'number' && typeof saved.point.lon === 'number' ? saved.point : undefined;
    this.values = {
      ...emptyValues(),
      polarity: (Polarity.options as readonly string[]).includes(str(saved.polarity)) ? (saved.polarity as Polarity) : '',
      themeId: str(saved.themeId),
      description: str(saved.description),
      quartierId: this.fixedQuartierId ?? str(saved.quartierId),
      stopId: str(saved.stopId),
      address: str(saved.address),
      point,
      reporterName: str(saved.reporterName),
      reporterEmail: str(saved.reporterEmail),
      reporterPhone: str(saved.reporterPhone),
    };
  }

  private setValue<K extends keyof IssueValues>(key: K, value: IssueValues[K]): void {
    this.values = { ...this.values, [key]: value };
    this.message = undefined;
    // Consent is given afresh each time: it is not kept in the draft.
    this.draft?.save({ ...this.values, reporterConsent: false });
  }

  /* ---------------------------------------------------------------- location */

  /** « Utiliser ma position »: asks the device once; a refusal leaves words as the way to say where. */
  locate(): Promise<void> {
    this.locating = true;
    this.positionError = false;
    return new Promise<void>((resolve) => {
      const done = () => {
        this.locating = false;
        resolve();
      };
      if (!('geolocation' in navigator)) {
        this.positionError = true;
        done();
        return;
      }
      navigator.geolocation.getCurrentPosition(
        (position) => {
          const round = (n: number) => Math.round(n * 1e6) / 1e6;
          this.setValue('point', {
            lat: round(position.coords.latitude),
            lon: round(position.coords.longitude),
            accuracy: Number.isFinite(position.coords.accuracy) ? Math.round(position.coords.accuracy) : undefined,
          });
          done();
        },
        () => {
          this.positionError = true;
          done();
        },
        { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
      );
    });
  }

  /* ---------------------------------------------------------------- photos */

  private setPhotos(photos: readonly ShownPhoto[]): void {
    for (const old of this.photos) if (!photos.includes(old)) URL.revokeObjectURL(old.url);
    this.photos = photos;
  }

  private photoWork: Promise<void> = Promise.resolve();

  /** Takes the chosen files (one batch after another) and clears the input, so the same file can be chosen again. */
  private choosePhotos(input: HTMLInputElement): void {
    const files = [...(input.files ?? [])];
    input.value = '';
    this.photoWork = this.photoWork.then(() => this.addPhotos(files));
  }

  /** Re-encodes the chosen pictures; beyond {@linkcode MAX_PHOTOS}, the extra ones are refused and the person told why. */
  private async addPhotos(files: readonly File[]): Promise<void> {
    const room = MAX_PHOTOS - this.photos.length;
    this.photoError = files.length > room ? this.t.tooManyPhotos(MAX_PHOTOS) : undefined;
    if (room <= 0 || files.length === 0) return;
    this.preparingPhotos = true;
    try {
      for (const file of files.slice(0, room)) {
        try {
          const photo = await preparePhoto(file, newId());
          this.setPhotos([...this.photos, { ...photo, url: URL.createObjectURL(photo.blob) }]);
        } catch {
          this.photoError = this.t.photoUnreadable;
        }
      }
    } finally {
      this.preparingPhotos = false;
    }
  }

  private async removePhoto(photo: ShownPhoto): Promise<void> {
    this.setPhotos(this.photos.filter((p) => p !== photo));
    this.photoError = undefined;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#photos')?.focus();
  }

  /** Resolves once the chosen photos are re-encoded and shown. */
  get photosReady(): Promise<void> {
    return this.photoWork.then(() => this.updateComplete.then(() => undefined));
  }

  /* ---------------------------------------------------------------- validation */

  private input(): RecordObservationInput {
    const v = this.values;
    const walk = this.data?.walk;
    const hasContact = [v.reporterName, v.reporterEmail, v.reporterPhone].some((x) => x.trim() !== '');
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
      ...(this.photos.length > 0 ? { photos: this.photos.map(({ id, width, height }) => ({ id, mediaType: 'image/jpeg' as const, width, height })) } : {}),
      source: walk ? 'walk' : 'resident',
      ...(hasContact
        ? { reporter: { name: v.reporterName, email: v.reporterEmail.trim(), phone: v.reporterPhone.trim(), consent: v.reporterConsent } }
        : {}),
    };
  }

  private check(input: RecordObservationInput): ShownError<Target>[] {
    const locale = this.locale;
    // zod reports a missing enum value as « unknown value »: people should read « required ».
    const shown: ShownError<Target>[] = input.polarity ? [] : [{ target: 'polarity', message: errorMessageIn(MESSAGES, 'field.required', locale) }];
    const parsed = validate(RecordObservationInput, input, locale);
    if (!parsed.ok) {
      for (const issue of (parsed.error.details.issues ?? []) as FieldIssue[]) shown.push({ target: targetOfPath(issue.path), message: issue.message });
    }
    const ctx = {
      city: this.data!.city,
      now: new Date(),
      quartierId: input.quartierId,
      stopId: input.stopId,
      hasPoint: input.point !== undefined,
      address: input.address,
      contactGiven: input.reporter !== undefined,
      contactConsent: input.reporter?.consent === true,
    };
    // No quartier chosen yet reads as a missing field, not as an unknown quartier.
    if (!input.quartierId) shown.push({ target: 'quartierId', message: errorMessageIn(MESSAGES, 'field.required', locale) });
    for (const [guard, target] of FORM_RULES) {
      const rule = observationRules.guards[guard];
      if (!rule.check(ctx) && !shown.some((e) => e.target === target)) shown.push({ target, message: errorMessageIn(MESSAGES, rule.code, locale) });
    }
    return orderErrors(shown, ORDER);
  }

  private errorFor(target: Target): ShownError<Target> | undefined {
    return this.errors.find((e) => e.target === target);
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
    if (!this.data) return;
    const input = this.input();
    this.errors = this.check(input);
    this.message = undefined;
    if (this.errors.length > 0) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('.error-summary')?.focus();
      return;
    }
    const clientId = newId();
    if (!this.dispatchEvent(new GuspObserveEvent({ input, clientId })) || !this.observationsUrl) return;
    const entry: outbox.OutboxEntry<RecordObservationInput> = {
      clientId,
      url: this.observationsUrl,
      body: input,
      files: this.photos.map((p) => ({ name: `${p.id}.jpg`, blob: p.blob })),
      createdAt: new Date().toISOString(),
    };
    // Kept on the device first: closing the page mid-request loses nothing.
    // Without IndexedDB (some private modes), it is sent directly and kept in the form on failure.
    const kept = await outbox.put(entry).then(
      () => true,
      () => false,
    );
    const outcome = await this.send(entry);
    if (outcome === 'refused') return;
    if (outcome === 'queued' && !kept) {
      this.message = 'failed';
      return;
    }
    this.message = outcome;
    this.clearForNext();
    await this.refreshPending();
    if (outcome === 'queued') this.dispatchEvent(new GuspObservationQueuedEvent({ clientId, pending: this.pending.length }));
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(this.inWalk ? '#description' : '.submit-status')?.focus();
  }

  /** One attempt at sending an entry of the queue. */
  private async send(entry: outbox.OutboxEntry<RecordObservationInput>, fromQueue = false): Promise<'sent' | 'queued' | 'refused'> {
    try {
      const answer = await requestJson<{ observationId?: string }>(entry.url, {
        method: 'POST',
        ...(entry.files?.length ? { body: observationForm(entry.body, entry.files) } : { json: entry.body }),
        locale: this.locale,
        headers: { 'Idempotency-Key': entry.clientId },
      });
      await outbox.remove(entry.clientId).catch(() => undefined);
      this.dispatchEvent(new GuspObservedEvent({ clientId: entry.clientId, observationId: answer.observationId }));
      return 'sent';
    } catch (error) {
      if (!(error instanceof ApiRefusal)) return 'queued';
      // Retrying will not change a refusal: it leaves the device, and the person sees why.
      await outbox.remove(entry.clientId).catch(() => undefined);
      if (fromQueue) {
        this.dispatchEvent(new GuspObservationRefusedEvent({ clientId: entry.clientId, error: error.error }));
      } else {
        const issues = (error.error.details.issues ?? []) as FieldIssue[];
        this.errors = orderErrors(
          issues.length > 0
            ? issues.map((i) => ({ target: targetOfPath(i.path), message: i.message }))
            : [{ target: SERVER_CODE_TARGET[error.error.code] ?? 'form', message: error.error.message }],
          ORDER,
        );
        await this.updateComplete;
        this.renderRoot.querySelector<HTMLElement>('.error-summary')?.focus();
      }
      return 'refused';
    }
  }

  /**
   * Sends what waits on the device for this endpoint, oldest first; stops at
   * the first failure of the network. Runs on connection, when the browser
   * says it is back online, and from the « Envoyer maintenant » button.
   */
  flush(): Promise<void> {
    const url = this.observationsUrl;
    if (!url) return Promise.resolve();
    this.flushing ??= (async () => {
      try {
        for (const entry of await outbox.pending<RecordObservationInput>(url).catch(() => [])) {
          if ((await this.send(entry, true)) === 'queued') break;
        }
      } finally {
        await this.refreshPending();
        this.flushing = undefined;
      }
    })();
    return this.flushing;
  }

  private async refreshPending(): Promise<void> {
    const url = this.observationsUrl;
    this.pending = url ? await outbox.pending<RecordObservationInput>(url).catch(() => []) : [];
  }

  /**
   * Clears the form for the next observation. During a walk, the walk, stop,
   * theme and polarity stay: an agent records ten points in ten quick entries.
   */
  clearForNext(): void {
    const v = this.values;
    this.values = {
      ...emptyValues(),
      quartierId: this.fixedQuartierId ?? v.quartierId,
      reporterName: v.reporterName,
      reporterEmail: v.reporterEmail,
      reporterPhone: v.reporterPhone,
      reporterConsent: v.reporterConsent,
      ...(this.inWalk ? { polarity: v.polarity, themeId: v.themeId, stopId: v.stopId } : {}),
    };
    this.errors = [];
    this.positionError = false;
    this.setPhotos([]);
    this.photoError = undefined;
    this.draft?.save({ ...this.values, reporterConsent: false });
  }

  /* ---------------------------------------------------------------- render */

  private inlineError(target: Target): TemplateResult | typeof nothing {
    const error = this.errorFor(target);
    return error ? html`<p class="error" part="error" id="${target}-error">${error.message}</p>` : nothing;
  }

  private describedBy(...ids: (string | false | undefined)[]): string {
    return ids.filter(Boolean).join(' ');
  }

  private focusControl = (id: string): void => {
    this.renderRoot.querySelector<HTMLElement>(`#${id}`)?.focus();
  };

  protected override render(): TemplateResult {
    const t = this.t;
    if (!this.data) return this.source.placeholder(t, this.localize.lang, this.localize.dir, 'card');
    const locale = this.locale;
    const city = this.data.city;
    const walk = this.data.walk;
    const v = this.values;
    const required = html`<span class="required" aria-hidden="true">*</span>`;
    const fixedQuartier = this.fixedQuartierId;
    const err = (target: Target) => (this.errorFor(target) ? `${target}-error` : undefined);
    const invalid = (target: Target) => (this.errorFor(target) ? 'true' : 'false');
    return html`<section part="base" lang=${this.localize.lang} dir=${this.localize.dir} class="card" aria-labelledby="title">
      <h2 id="title">
        ${t.issueHeading}${fixedQuartier ? html` – ${findQuartier(city, fixedQuartier)?.name ?? fixedQuartier}` : nothing}
      </h2>
      ${this.renderPending()}
      <form part="form" novalidate @submit=${this.onSubmit} aria-labelledby="title">
        ${this.message
          ? html`<p class="submit-status ${this.message === 'sent' ? 'success' : 'notice'}" part="status" role="status" tabindex="-1">
              ${this.message === 'sent' ? t.issueSent : this.message === 'queued' ? t.issueQueued : t.issueFailed}
            </p>`
          : nothing}
        ${errorSummary(this.errors, t.errorSummaryTitle(this.errors.length), (target) => CONTROL_ID[target], this.focusControl)}
        <p class="hint">${t.requiredHint}</p>

        <fieldset class="field" part="field" aria-describedby=${this.describedBy(err('polarity'))}>
          <legend>${t.polarityLegend} ${required}</legend>
          ${this.inlineError('polarity')}
          <div class="choices">
            ${Polarity.options.map(
              (p) => html`<div class="check">
                <input
                  type="radio"
                  id="polarity-${p}"
                  name="polarity"
                  value=${p}
                  aria-invalid=${invalid('polarity')}
                  .checked=${live(v.polarity === p)}
                  @change=${() => this.setValue('polarity', p)}
                />
                <label for="polarity-${p}">${labelIn(MESSAGES, `polarity.${p}`, locale)}</label>
              </div>`,
            )}
          </div>
        </fieldset>

        <div class="field" part="field">
          <label for="theme">${t.theme} ${required}</label>
          ${this.inlineError('themeId')}
          <select
            id="theme"
            aria-invalid=${invalid('themeId')}
            aria-describedby=${this.describedBy(err('themeId'))}
            @change=${(e: Event) => this.setValue('themeId', (e.target as HTMLSelectElement).value)}
          >
            <option value="" ?selected=${v.themeId === ''}>${t.themePlaceholder}</option>
            ${city.axes.map(
              (axis) => html`<optgroup label=${localName(axis, locale)}>
                ${city.themes
                  .filter((th) => th.axis === axis.id)
                  .map((th) => html`<option value=${th.id} ?selected=${v.themeId === th.id}>${localName(th, locale)}</option>`)}
              </optgroup>`,
            )}
          </select>
        </div>

        <div class="field" part="field">
          <label for="description">${t.description} ${required}</label>
          <p class="hint" id="description-hint">${t.descriptionHint}</p>
          ${this.inlineError('description')}
          <textarea
            id="description"
            rows="4"
            required
            aria-invalid=${invalid('description')}
            aria-describedby=${this.describedBy('description-hint', err('description'))}
            .value=${live(v.description)}
            @input=${(e: Event) => this.setValue('description', (e.target as HTMLTextAreaElement).value)}
          ></textarea>
        </div>

        <fieldset class="field" part="field" aria-describedby=${this.describedBy('location-hint', err('location'))}>
          <legend>${t.locationLegend} ${required}</legend>
          <p class="hint" id="location-hint">${t.locationHint}</p>
          ${this.inlineError('location')}
          ${fixedQuartier
            ? nothing
            : html`<div class="field">
                <label for="quartier">${t.quartier} ${required}</label>
                ${this.inlineError('quartierId')}
                <select
                  id="quartier"
                  aria-invalid=${invalid('quartierId')}
                  aria-describedby=${this.describedBy(err('quartierId'))}
                  @change=${(e: Event) => this.setValue('quartierId', (e.target as HTMLSelectElement).value)}
                >
                  <option value="" ?selected=${v.quartierId === ''}>${t.quartierPlaceholder}</option>
                  ${city.quartiers.map((q) => html`<option value=${q.id} ?selected=${v.quartierId === q.id}>${q.name}</option>`)}
                </select>
              </div>`}
          ${walk && walk.stops.length > 0
            ? html`<div class="field">
                <label for="stop">${t.stop}</label>
                <select id="stop" @change=${(e: Event) => this.setValue('stopId', (e.target as HTMLSelectElement).value)}>
                  <option value="" ?selected=${v.stopId === ''}>${t.stopNone}</option>
                  ${walk.stops.map((s, i) => html`<option value=${s.id} ?selected=${v.stopId === s.id}>${i + 1}. ${s.label}</option>`)}
                </select>
              </div>`
            : nothing}
          <div class="field">
            <label for="address">${t.address}</label>
            <p class="hint" id="address-hint">${t.addressHint}</p>
            <input
              id="address"
              type="text"
              autocomplete="off"
              aria-invalid=${invalid('location')}
              aria-describedby=${this.describedBy('address-hint', err('location'))}
              .value=${live(v.address)}
              @input=${(e: Event) => this.setValue('address', (e.target as HTMLInputElement).value)}
            />
          </div>
          <div class="position" role="status">
            ${v.point
              ? html`<p>${t.positionSet(v.point.accuracy)}</p>`
              : this.locating
                ? html`<p>${t.locating}</p>`
                : this.positionError
                  ? html`<p class="error">${t.positionFailed}</p>`
                  : nothing}
          </div>
          ${v.point
            ? html`<button type="button" class="secondary" @click=${() => this.setValue('point', undefined)}>${t.removePosition}</button>`
            : html`<button type="button" class="secondary" id="locate" @click=${() => this.locate()}>${t.useMyPosition}</button>`}
        </fieldset>

        <fieldset class="field photos" part="field" aria-describedby=${this.describedBy('photos-hint', err('photos'))}>
          <legend>${t.photosLegend}</legend>
          <p class="hint" id="photos-hint">${t.photosHint}</p>
          ${this.inlineError('photos')}
          ${this.photos.length > 0
            ? html`<ul class="thumbnails" part="photos">
                ${this.photos.map(
                  (p, i) => html`<li>
                    <img src=${p.url} alt=${t.photoAlt(i + 1)} width=${p.width} height=${p.height} />
                    <button type="button" class="secondary" aria-label=${t.removePhoto(i + 1)} @click=${() => this.removePhoto(p)}>${t.remove}</button>
                  </li>`,
                )}
              </ul>`
            : nothing}
          <div class="photo-status" role="status">
            ${this.preparingPhotos ? html`<p>${t.preparingPhotos}</p>` : nothing}
            ${this.photoError ? html`<p class="error">${this.photoError}</p>` : nothing}
          </div>
          <label class="add-photos" for="photos">${t.addPhotos}</label>
          <input
            id="photos"
            type="file"
            accept="image/*"
            multiple
            aria-describedby="photos-hint"
            ?disabled=${this.photos.length >= MAX_PHOTOS}
            @change=${(e: Event) => this.choosePhotos(e.target as HTMLInputElement)}
          />
        </fieldset>

        <fieldset class="field" part="field" aria-describedby=${this.describedBy('reporter-hint', err('reporter'))}>
          <legend>${t.reporterLegend}</legend>
          <p class="hint" id="reporter-hint">${t.reporterHint}</p>
          ${this.inlineError('reporter')}
          <div class="field">
            <label for="reporter-name">${t.name}</label>
            <input
              id="reporter-name"
              type="text"
              autocomplete="name"
              .value=${live(v.reporterName)}
              @input=${(e: Event) => this.setValue('reporterName', (e.target as HTMLInputElement).value)}
            />
          </div>
          <div class="field">
            <label for="reporter-email">${t.email}</label>
            <input
              id="reporter-email"
              type="email"
              autocomplete="email"
              aria-invalid=${invalid('reporter')}
              aria-describedby=${this.describedBy(err('reporter'))}
              .value=${live(v.reporterEmail)}
              @input=${(e: Event) => this.setValue('reporterEmail', (e.target as HTMLInputElement).value)}
            />
          </div>
          <div class="field">
            <label for="reporter-phone">${t.phone}</label>
            <input
              id="reporter-phone"
              type="tel"
              autocomplete="tel"
              aria-invalid=${invalid('reporter')}
              aria-describedby=${this.describedBy(err('reporter'))}
              .value=${live(v.reporterPhone)}
              @input=${(e: Event) => this.setValue('reporterPhone', (e.target as HTMLInputElement).value)}
            />
          </div>
          ${this.inlineError('reporterConsent')}
          <div class="check">
            <input
              type="checkbox"
              id="reporter-consent"
              aria-invalid=${invalid('reporterConsent')}
              aria-describedby=${this.describedBy(err('reporterConsent'))}
              .checked=${live(v.reporterConsent)}
              @change=${(e: Event) => this.setValue('reporterConsent', (e.target as HTMLInputElement).checked)}
            />
            <label for="reporter-consent">${t.reporterConsent}</label>
          </div>
        </fieldset>

        <button type="submit" part="submit">${t.submitIssue}</button>
      </form>
    </section>`;
  }

  private renderPending(): TemplateResult | typeof nothing {
    const t = this.t;
    if (this.pending.length === 0) return nothing;
    return html`<section class="pending notice" part="pending" aria-labelledby="pending-title">
      <h3 id="pending-title">${t.pendingHeading(this.pending.length)}</h3>
      <ul>
        ${this.pending.map(
          (e) => html`<li>
            <span class="excerpt">${e.body.description.length > 60 ? `${e.body.description.slice(0, 60)}…` : e.body.description}</span>
            – <em>${t.pendingStatus}</em>
          </li>`,
        )}
      </ul>
      <button type="button" class="secondary" @click=${() => this.flush()}>${t.sendNow}</button>
    </section>`;
  }
}
