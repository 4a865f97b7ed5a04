// SPDX-License-Identifier: EUPL-1.2
import {
  labelIn,
  newId,
  OBSERVATION_MESSAGES,
  OBSERVATION_STATUSES,
  type CityProfile,
  type Observation,
  type ObservationStatus,
  type Walk,
} from '@gusp/core';
import { heading } from '@gusp/elements/shared/heading.js';
import { Task, TaskStatus } from '@lit/task';
import { css, html, nothing, type TemplateResult } from 'lit';
import { ApiRefusal, staffPages, staffRequest } from '../internal/api.js';
import { ConsoleScreen } from '../internal/console-screen.js';
import { tokens } from '../styles/tokens.js';
import { RedactionController, redactionStyles, type Region } from './redaction.js';

/** An observation as staff lists it (`GET /api/observations`: never the reporter's contact). */
export type InboxObservation = Omit<Observation, 'reporter'>;

/** What the inbox shows: the city (organisations, themes, templates), the walk when it is about one, its observations. */
export interface InboxData {
  readonly city: CityProfile;
  readonly walk?: Walk;
  readonly observations: readonly InboxObservation[];
}

/** A triage action; `bulk`: on the selection. */
export type InboxAction = 'qualify' | 'duplicate' | 'reject' | 'resolve';

/** One suggestion of `GET /observations/{id}/similar`. */
interface Similar {
  readonly observation: InboxObservation;
  readonly sameStop: boolean;
  readonly sameTheme: boolean;
  readonly distanceMetres?: number;
}

/** The action form under way: its values stay through a failure, and its key through retries of the same body. */
interface Pending {
  readonly action: InboxAction;
  readonly bulk: boolean;
  organisationId: string;
  severity: string;
  text: string;
  of: string;
  error?: string;
  sending?: boolean;
  attempt?: { readonly key: string; readonly body: string };
}

interface BulkAnswer {
  readonly applied: number;
  readonly results: readonly (
    | { readonly observationId: string; readonly ok: true; readonly status: ObservationStatus }
    | { readonly observationId: string; readonly ok: false; readonly error: { readonly code: string; readonly message: string } }
  )[];
}

interface Said {
  readonly kind: 'success' | 'error';
  readonly text: string;
}

/** The statuses an action applies to (the rules table's `from`); any other status answers « not possible ». */
const ACTION_FROM: Readonly<Record<InboxAction, readonly ObservationStatus[]>> = {
  qualify: ['recorded'],
  duplicate: ['recorded'],
  reject: ['recorded'],
  resolve: ['qualified', 'committed'],
};
/** The status an action moves to: its response template's key. */
const TEMPLATE_OF: Readonly<Record<InboxAction, 'qualified' | 'duplicate' | 'rejected' | 'resolved'>> = {
  qualify: 'qualified',
  duplicate: 'duplicate',
  reject: 'rejected',
  resolve: 'resolved',
};
const KEY_ACTIONS: Readonly<Record<string, InboxAction>> = { q: 'qualify', d: 'duplicate', r: 'reject', s: 'resolve' };
const SOURCES = ['walk', 'resident', 'agent'] as const;
const SEVERITIES = ['low', 'medium', 'high'] as const;

/** Whether a key press is someone typing (a field, a list box, an editable area): the screen's keys leave it alone. */
const typing = (event: KeyboardEvent): boolean => {
  const target = event.composedPath()[0];
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) || target.dataset.region !== undefined;
};

/**
 * `<gusp-console-inbox walk-id?>`: triage, for coordinators and agents. With `walk-id`, that walk's
 * observations (each with its stop); without, a quartier's or all of them. Filters (quartier,
 * status, theme, source), counts by status, a list and the chosen observation's detail: qualify
 * (organisation, severity), mark as a duplicate of a suggestion (`GET /observations/{id}/similar`:
 * same stop or within 50 m, same theme first), reject with a reason, resolve; each action's note
 * starts from the city profile's response template, edited before sending. Several selected: one
 * bulk action (`POST /observations/bulk`), each answered on its own. A photo's faces or plates
 * blurred (`POST /observations/{id}/photos/{photoId}/redact`), drawn with a pointer or set with the
 * keyboard.
 *
 * Keys, shown on screen, never while typing in a field: j/↓ next, k/↑ previous, q qualify, d
 * duplicate, r reject, s resolve, x select, Esc cancel. Every action is also a button. A failure
 * keeps what was entered, and a retry sends the same `Idempotency-Key` (nothing done twice).
 *
 * @csspart list - The list of observations.
 * @csspart detail - The chosen observation and its actions.
 */
export class GuspConsoleInbox extends ConsoleScreen<InboxData> {
  static override properties = {
    ...ConsoleScreen.properties,
    walkId: { type: String, attribute: 'walk-id', reflect: true },
    quartier: { state: true },
    status: { state: true },
    theme: { state: true },
    source: { state: true },
    currentId: { state: true },
    pending: { state: true },
    suggestions: { state: true },
    said: { state: true },
    refusals: { state: true },
  };

  static override styles = [
    tokens,
    redactionStyles,
    css`
      .layout {
        display: grid;
        gap: var(--_space);
      }
      @media (min-width: 60rem) {
        .layout {
          grid-template-columns: minmax(0, 2fr) minmax(0, 3fr);
          align-items: start;
        }
      }
      .filters {
        display: flex;
        flex-wrap: wrap;
        gap: 0 var(--_space);
        border: 0;
        padding: 0;
        margin: 0 0 var(--_space);
      }
      .filters .field {
        flex: 1 1 10rem;
      }
      .counts,
      .items,
      .keys,
      .suggestions,
      .refusals {
        list-style: none;
        padding: 0;
        margin: 0 0 var(--_space);
      }
      .counts {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
      }
      .keys {
        display: grid;
        grid-template-columns: max-content 1fr;
        gap: 0.25rem 0.75rem;
      }
      .keys dt {
        font-weight: 600;
      }
      .keys dd {
        margin: 0;
      }
      kbd {
        font: inherit;
        padding: 0 0.25rem;
        border: 1px solid var(--_border);
        border-radius: 0.25rem;
      }
      .items li {
        display: flex;
        gap: 0.5rem;
        align-items: flex-start;
        padding: 0.25rem;
        border: 2px solid transparent;
        border-block-end: 1px solid var(--_border);
      }
      .items li[aria-current='true'] {
        border: 2px solid var(--_primary);
        border-radius: var(--_radius);
      }
      .items input[type='checkbox'],
      .suggestions input {
        inline-size: 1.5rem;
        block-size: 1.5rem;
        min-height: 0;
        flex: none;
        margin: 0.5rem 0 0;
      }
      .items button {
        flex: 1;
        min-inline-size: 0;
        text-align: start;
        font-weight: 400;
        background: var(--_bg);
        color: inherit;
        border-color: var(--_border);
        overflow-wrap: anywhere;
      }
      .items .what {
        display: block;
        font-weight: 600;
      }
      .meta {
        display: block;
        color: var(--_muted);
      }
      .detail dl {
        display: grid;
        grid-template-columns: max-content minmax(0, 1fr);
        gap: 0.25rem 0.75rem;
        margin: 0 0 var(--_space);
      }
      .detail dt {
        font-weight: 600;
      }
      .detail dd {
        margin: 0;
        overflow-wrap: anywhere;
      }
      .detail > p {
        overflow-wrap: anywhere;
      }
      form.action {
        padding: var(--_space);
        margin-block: var(--_space);
        border: 2px solid var(--_border);
        border-radius: var(--_radius);
      }
      .suggestions li {
        display: flex;
        gap: 0.5rem;
        align-items: flex-start;
        padding-block: 0.25rem;
      }
      .suggestions label {
        font-weight: 400;
        overflow-wrap: anywhere;
      }
      .success {
        color: var(--_success);
        font-weight: 600;
      }
      .photos {
        display: flex;
        flex-wrap: wrap;
        gap: var(--_space);
        list-style: none;
        padding: 0;
      }
      .photos img {
        display: block;
        max-inline-size: 100%;
        inline-size: 16rem;
        block-size: auto;
      }
      .bulk {
        padding: var(--_space);
        margin-block: 0 var(--_space);
        background: var(--_surface);
        border-radius: var(--_radius);
      }
    `,
  ];

  /** The walk the screen is about; without it, a quartier's observations (or all). */
  declare walkId: string | undefined;
  declare private quartier: string;
  declare private status: string;
  declare private theme: string;
  declare private source: string;
  declare private currentId: string | undefined;
  declare private pending: Pending | undefined;
  declare private suggestions: readonly Similar[] | 'loading' | undefined;
  declare private said: Said | undefined;
  declare private refusals: readonly string[];

  /** Observations ticked for a bulk action. */
  private readonly selected = new Set<string>();
  /** An element (by id) to focus after the next render. */
  private focusNext: string | undefined;
  /** Photos blurred in this page, by id: their URL gets a new query so the image is fetched again. */
  private readonly photoVersions = new Map<string, number>();
  private readonly redaction = new RedactionController(this, {
    send: (photoId, regions) => this.sendRedaction(photoId, regions),
    texts: () => this.t.inbox,
  });

  protected readonly task = new Task(this, {
    args: () => [this.apiBase, this.walkId, this.quartier, this.locale] as const,
    task: async ([base, walkId, quartier, locale], { signal }) => {
      if (this.given && this.data) return this.data;
      const init = { signal, locale };
      if (walkId) {
        const id = encodeURIComponent(walkId);
        const [{ city, walk }, found] = await Promise.all([
          staffRequest<{ city: CityProfile; walk: Walk }>(base, `/walks/${id}`, init),
          staffPages<{ observations: InboxObservation[] }>(base, `/observations?walk=${id}`, 'observations', init),
        ]);
        this.data = { city, walk, observations: found.observations };
      } else {
        const query = quartier ? `?quartier=${encodeURIComponent(quartier)}` : '';
        const [city, found] = await Promise.all([
          staffRequest<CityProfile>(base, '/city', init),
          staffPages<{ observations: InboxObservation[] }>(base, `/observations${query}`, 'observations', init),
        ]);
        this.data = { city, observations: found.observations };
      }
      return this.data;
    },
    onError: (error) => this.sessionEnded(error),
  });

  private readonly onKeyDown = (event: KeyboardEvent) => this.keyDown(event);

  constructor() {
    super();
    this.quartier = '';
    this.status = '';
    this.theme = '';
    this.source = '';
    this.refusals = [];
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('keydown', this.onKeyDown);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('keydown', this.onKeyDown);
  }

  protected override updated(): void {
    if (this.focusNext) {
      const el = this.renderRoot.querySelector<HTMLElement>(`#${this.focusNext}`);
      if (el) {
        this.focusNext = undefined;
        el.focus();
      }
    }
  }

  /* ---------------------------------------------------------------- what is shown */

  /** The observations the filters keep, in the list's order (oldest first). */
  get shown(): readonly InboxObservation[] {
    return (this.data?.observations ?? []).filter(
      (o) =>
        (!this.status || o.status === this.status) &&
        (!this.theme || o.themeId === this.theme) &&
        (!this.source || o.source === this.source),
    );
  }

  private get current(): InboxObservation | undefined {
    const shown = this.shown;
    return shown.find((o) => o.id === this.currentId) ?? shown[0];
  }

  private statusLabel(status: string): string {
    return labelIn([OBSERVATION_MESSAGES], `observation.status.${status}`, this.locale);
  }

  private themeName(id: string): string {
    const theme = this.data?.city.themes.find((t) => t.id === id);
    if (!theme) return id;
    return theme.translations?.[this.locale] ?? theme.translations?.[this.locale.split('-')[0]!] ?? theme.name;
  }

  private stopLabel(o: InboxObservation): string | undefined {
    if (!o.stopId) return undefined;
    return this.data?.walk?.stops.find((s) => s.id === o.stopId)?.label;
  }

  private template(action: InboxAction): string {
    const texts = this.data?.city.responseTemplates?.[TEMPLATE_OF[action]];
    if (!texts) return '';
    return texts[this.locale] ?? texts[this.locale.split('-')[0]!] ?? texts[this.data!.city.locale] ?? Object.values(texts)[0] ?? '';
  }

  /** A photo of ours through the API the screen talks to (its `endpoint`), else the URL the observation gives. */
  private photoUrl(url: string | undefined, id: string): string {
    const version = this.photoVersions.get(id);
    const ours = url === undefined || /\/api\/photos\/[^/]+$/.test(new URL(url, location.href).pathname);
    const base = ours ? `${this.apiBase}/photos/${encodeURIComponent(id)}` : url;
    return version ? `${base}${base.includes('?') ? '&' : '?'}v=${version}` : base;
  }

  /* ---------------------------------------------------------------- keys */

  private keyDown(event: KeyboardEvent): void {
    if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
    if (event.key === 'Escape' && (this.pending || this.redaction.open)) {
      event.preventDefault();
      this.cancel();
      return;
    }
    if (typing(event)) return;
    const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
    if (key === 'j' || key === 'ArrowDown') return this.handled(event, () => this.move(1));
    if (key === 'k' || key === 'ArrowUp') return this.handled(event, () => this.move(-1));
    if (key === 'x') return this.handled(event, () => this.current && this.toggle(this.current.id));
    const action = KEY_ACTIONS[key];
    if (action) this.handled(event, () => this.open(action, this.selected.size > 0 && action !== 'duplicate'));
  }

  private handled(event: KeyboardEvent, act: () => unknown): void {
    event.preventDefault();
    act();
  }

  /** The next (`1`) or previous (`-1`) observation of the list becomes the current one, its button focused. */
  move(step: 1 | -1): void {
    const shown = this.shown;
    if (shown.length === 0) return;
    const at = shown.findIndex((o) => o.id === this.current?.id);
    const next = shown[Math.min(shown.length - 1, Math.max(0, at + step))]!;
    this.choose(next.id);
  }

  private choose(id: string): void {
    if (this.currentId !== id) {
      this.pending = undefined;
      this.suggestions = undefined;
      this.redaction.close();
    }
    this.currentId = id;
    this.focusNext = `inbox-item-${id}`;
  }

  /** An item reached with Tab (or clicked) is the current one: the keys act on it. */
  private focused(id: string): void {
    if (this.currentId === id) return;
    this.pending = undefined;
    this.suggestions = undefined;
    this.redaction.close();
    this.currentId = id;
  }

  private toggle(id: string): void {
    if (this.selected.has(id)) this.selected.delete(id);
    else this.selected.add(id);
    this.requestUpdate();
  }

  /* ---------------------------------------------------------------- actions */

  /** Opens the form of `action` for the current observation (or the selection), its text from the city's template. */
  open(action: InboxAction, bulk = false): void {
    const o = this.current;
    if (!bulk && (!o || !ACTION_FROM[action].includes(o.status))) {
      this.said = { kind: 'error', text: this.t.inbox.notAllowed };
      return;
    }
    this.said = undefined;
    this.refusals = [];
    this.redaction.close();
    this.pending = {
      action,
      bulk,
      organisationId: '',
      severity: 'medium',
      text: this.template(action),
      of: '',
    };
    this.focusNext = action === 'qualify' ? 'inbox-organisation' : action === 'reject' ? 'inbox-reason' : 'inbox-note';
    if (action === 'duplicate' && o) void this.loadSuggestions(o.id);
  }

  private cancel(): void {
    const from = this.current?.id;
    this.pending = undefined;
    this.suggestions = undefined;
    this.redaction.close();
    if (from) this.focusNext = `inbox-item-${from}`;
  }

  private async loadSuggestions(id: string): Promise<void> {
    this.suggestions = 'loading';
    try {
      const answer = await staffRequest<{ similar: Similar[] }>(this.apiBase, `/observations/${encodeURIComponent(id)}/similar`, {
        locale: this.locale,
      });
      if (this.current?.id !== id) return;
      this.suggestions = answer.similar;
      this.focusNext = answer.similar.length > 0 ? `inbox-suggestion-${answer.similar[0]!.observation.id}` : 'inbox-cancel';
    } catch (error) {
      this.sessionEnded(error);
      this.suggestions = [];
      if (this.pending) this.pending = { ...this.pending, error: this.describeError(error) };
    }
  }

  private body(p: Pending, ids: readonly string[]): { path: string; json: unknown } {
    const note = p.text.trim();
    if (p.bulk) {
      const base = { action: p.action, observationIds: ids };
      return {
        path: '/observations/bulk',
        json:
          p.action === 'qualify'
            ? { ...base, organisationId: p.organisationId, severity: p.severity, ...(note ? { note } : {}) }
            : p.action === 'reject'
              ? { ...base, reason: note }
              : { ...base, ...(note ? { note } : {}) },
      };
    }
    const id = encodeURIComponent(ids[0]!);
    switch (p.action) {
      case 'qualify':
        return {
          path: `/observations/${id}/qualify`,
          json: { organisationId: p.organisationId, severity: p.severity, ...(note ? { note } : {}) },
        };
      case 'duplicate':
        return { path: `/observations/${id}/mark-duplicate`, json: { of: p.of, ...(note ? { note } : {}) } };
      case 'reject':
        return { path: `/observations/${id}/reject`, json: { reason: note } };
      case 'resolve':
        return { path: `/observations/${id}/resolve`, json: note ? { note } : {} };
    }
  }

  /** Sends the form: checked here first (the server checks again), each attempt of the same body with the same key. */
  async send(): Promise<void> {
    const p = this.pending;
    const t = this.t.inbox;
    if (!p || p.sending) return;
    const ids = p.bulk ? [...this.selected] : this.current ? [this.current.id] : [];
    const invalid =
      p.action === 'qualify' && !p.organisationId
        ? ['inbox-organisation', t.organisationRequired]
        : p.action === 'reject' && !p.text.trim()
          ? ['inbox-reason', t.reasonRequired]
          : p.action === 'duplicate' && !p.of
            ? ['inbox-send', t.originalRequired]
            : undefined;
    if (invalid) {
      this.pending = { ...p, error: invalid[1] };
      this.focusNext = invalid[0];
      return;
    }
    const { path, json } = this.body(p, ids);
    const text = JSON.stringify({ path, json });
    const attempt = p.attempt?.body === text ? p.attempt : { key: newId(), body: text };
    this.pending = { ...p, attempt, sending: true, error: undefined };
    try {
      const answer = await staffRequest<InboxObservation | BulkAnswer>(this.apiBase, path, {
        method: 'POST',
        json,
        locale: this.locale,
        headers: { 'Idempotency-Key': attempt.key },
      });
      this.pending = undefined;
      this.suggestions = undefined;
      if (p.bulk) this.bulkDone(answer as BulkAnswer);
      else this.singleDone(p.action, answer as InboxObservation);
    } catch (error) {
      this.sessionEnded(error);
      const why = this.describeError(error);
      this.pending = { ...p, attempt, sending: false, error: error instanceof ApiRefusal ? why : `${why} ${t.kept}` };
      this.focusNext = 'inbox-send';
    }
  }

  private replace(observation: InboxObservation): void {
    if (!this.data) return;
    this.data = { ...this.data, observations: this.data.observations.map((o) => (o.id === observation.id ? observation : o)) };
  }

  private singleDone(action: InboxAction, observation: InboxObservation): void {
    this.replace(observation);
    this.said = { kind: 'success', text: this.t.inbox.done[action] };
    // On to the next one still to triage, else stay.
    const shown = this.shown;
    const at = shown.findIndex((o) => o.id === observation.id);
    const next = [...shown.slice(at + 1), ...shown.slice(0, Math.max(0, at))].find((o) => o.status === 'recorded');
    this.choose(next?.id ?? observation.id);
  }

  private bulkDone(answer: BulkAnswer): void {
    const t = this.t.inbox;
    const byId = new Map<string, InboxObservation>((this.data?.observations ?? []).map((o) => [o.id, o]));
    const refused = answer.results.filter((r) => !r.ok);
    if (this.data)
      this.data = {
        ...this.data,
        observations: this.data.observations.map((o) => {
          const r = answer.results.find((x) => x.observationId === o.id);
          return r?.ok ? { ...o, status: r.status } : o;
        }),
      };
    this.refusals = refused.map((r) =>
      t.refusedFor(byId.get(r.observationId)?.description ?? r.observationId, r.ok ? '' : r.error.message || this.t.errors.unavailable),
    );
    this.said = { kind: refused.length > 0 ? 'error' : 'success', text: t.bulkDone(answer.applied, refused.length) };
    for (const r of answer.results) if (r.ok) this.selected.delete(r.observationId);
    // The form is gone: the focus goes back to the list, where the keys work.
    if (this.current) this.focusNext = `inbox-item-${this.current.id}`;
    // The list's statuses come from the answer; the rest (notes, organisations) from a read again.
    void this.refresh();
  }

  private async refresh(): Promise<void> {
    if (this.given) return;
    await this.task.run().catch(() => undefined);
  }

  private async sendRedaction(photoId: string, regions: readonly Region[]): Promise<string | undefined> {
    const o = this.current;
    if (!o) return undefined;
    try {
      const answer = await staffRequest<InboxObservation>(
        this.apiBase,
        `/observations/${encodeURIComponent(o.id)}/photos/${encodeURIComponent(photoId)}/redact`,
        { method: 'POST', json: { regions }, locale: this.locale },
      );
      this.photoVersions.set(photoId, (this.photoVersions.get(photoId) ?? 0) + 1);
      this.replace(answer);
      this.said = { kind: 'success', text: this.t.inbox.redacted };
      this.focusNext = `inbox-redact-${photoId}`;
      return undefined;
    } catch (error) {
      this.sessionEnded(error);
      return error instanceof ApiRefusal ? this.describeError(error) : `${this.describeError(error)} ${this.t.inbox.kept}`;
    }
  }

  /* ---------------------------------------------------------------- render */

  override render(): TemplateResult {
    const t = this.t.inbox;
    const loading = this.task.status === TaskStatus.PENDING || this.task.status === TaskStatus.INITIAL;
    const title = this.data?.walk
      ? t.walkTitle(this.localize.date(this.data.walk.startsAt, { dateStyle: 'full', timeZone: this.data.city.timezone }))
      : t.title;
    return html`<section lang=${this.locale} aria-labelledby="inbox-title" data-screen="inbox">
      ${heading(this.level(), title, { id: 'inbox-title' })}
      <p>${t.intro}</p>
      ${
        this.task.status === TaskStatus.ERROR && !this.data
          ? html`<p class="error" role="alert" id="inbox-error">${this.describeError(this.task.error)}</p>
              <p><button type="button" id="inbox-retry" @click=${() => void this.reload()}>${t.retry}</button></p>`
          : loading && !this.data
            ? html`<p role="status" id="inbox-loading">${t.loading}</p>`
            : this.data
              ? this.body2(this.data)
              : nothing
      }
    </section>`;
  }

  private body2(data: InboxData): TemplateResult {
    const t = this.t.inbox;
    return html`${this.keysHelp()} ${this.filters(data)} ${this.counts(data)}
      <div role="status" id="inbox-said" class=${this.said?.kind ?? ''}>${this.said?.text ?? ''}</div>
      ${
        this.refusals.length > 0
          ? html`<ul class="refusals error" id="inbox-refusals">
              ${this.refusals.map((r) => html`<li>${r}</li>`)}
            </ul>`
          : nothing
      }
      ${this.selected.size > 0 ? this.bulkBar() : nothing}
      <div class="layout">
        <section aria-labelledby="inbox-list-title" part="list">
          ${heading(this.level(1), t.listTitle, { id: 'inbox-list-title' })}
          <p class="meta" id="inbox-shown">${t.shown(this.shown.length, data.observations.length)}</p>
          ${
            this.shown.length === 0
              ? html`<p id="inbox-none">${t.none}</p>`
              : html`<ul class="items" id="inbox-list">
                  ${this.shown.map((o) => this.item(o))}
                </ul>`
          }
        </section>
        ${this.current ? this.detail(this.current) : html`<p>${t.chooseOne}</p>`}
      </div>`;
  }

  private keysHelp(): TemplateResult {
    const t = this.t.inbox;
    return html`<details id="inbox-keys" open>
      <summary>${t.keysTitle}</summary>
      <dl class="keys">
        ${t.keys.map(
          ([key, what]) =>
            html`<dt><kbd>${key}</kbd></dt>
              <dd>${what}</dd>`,
        )}
      </dl>
    </details>`;
  }

  private filters(data: InboxData): TemplateResult {
    const t = this.t.inbox;
    const select = (id: string, label: string, value: string, options: readonly (readonly [string, string])[], set: (v: string) => void) =>
      html`<div class="field">
        <label for=${id}>${label}</label>
        <select id=${id} @change=${(e: Event) => set((e.target as HTMLSelectElement).value)}>
          ${options.map(([v, text]) => html`<option value=${v} ?selected=${v === value}>${text}</option>`)}
        </select>
      </div>`;
    return html`<fieldset class="filters" id="inbox-filters">
      <legend class="visually-hidden">${t.filters}</legend>
      ${
        this.walkId
          ? nothing
          : select(
              'inbox-quartier',
              t.quartier,
              this.quartier,
              [['', t.allQuartiers], ...data.city.quartiers.map((q) => [q.id, q.name] as const)],
              (v) => (this.quartier = v),
            )
      }
      ${select(
        'inbox-status',
        t.status,
        this.status,
        [['', t.all], ...OBSERVATION_STATUSES.map((s) => [s, this.statusLabel(s)] as const)],
        (v) => (this.status = v),
      )}
      ${select(
        'inbox-theme',
        t.theme,
        this.theme,
        [['', t.all], ...data.city.themes.map((th) => [th.id, this.themeName(th.id)] as const)],
        (v) => (this.theme = v),
      )}
      ${select('inbox-source', t.source, this.source, [['', t.all], ...SOURCES.map((s) => [s, t.sources[s] ?? s] as const)], (v) => (this.source = v))}
    </fieldset>`;
  }

  private counts(data: InboxData): TemplateResult {
    const t = this.t.inbox;
    const counts = new Map<string, number>();
    for (const o of data.observations) counts.set(o.status, (counts.get(o.status) ?? 0) + 1);
    return html`<h3 class="visually-hidden" id="inbox-counts-title">${t.counts}</h3>
      <ul class="counts" id="inbox-counts" aria-labelledby="inbox-counts-title">
        ${OBSERVATION_STATUSES.filter((s) => counts.has(s)).map(
          (s) =>
            html`<li data-status=${s} data-count=${counts.get(s)!}>
              <span class="badge ${s}">${t.countOf(counts.get(s)!, this.statusLabel(s))}</span>
            </li>`,
        )}
      </ul>`;
  }

  private item(o: InboxObservation): TemplateResult {
    const t = this.t.inbox;
    const current = this.current?.id === o.id;
    const stop = this.stopLabel(o);
    return html`<li data-observation=${o.id} data-status=${o.status} aria-current=${current ? 'true' : 'false'}>
      <input
        type="checkbox"
        id="inbox-select-${o.id}"
        data-select=${o.id}
        .checked=${this.selected.has(o.id)}
        aria-label=${t.select(o.description)}
        @change=${() => this.toggle(o.id)}
      />
      <button type="button" id="inbox-item-${o.id}" data-open=${o.id} @click=${() => this.choose(o.id)} @focus=${() => this.focused(o.id)}>
        <span class="what">${o.description}</span>
        <span class="meta">${[this.themeName(o.themeId), stop, t.sources[o.source]].filter(Boolean).join(' · ')}</span>
        <span class="badge ${o.status}" data-badge>${this.statusLabel(o.status)}</span>
      </button>
    </li>`;
  }

  private detail(o: InboxObservation): TemplateResult {
    const t = this.t.inbox;
    const city = this.data!.city;
    const stop = this.stopLabel(o);
    const organisation = o.organisationId ? city.organisations.find((x) => x.id === o.organisationId)?.name : undefined;
    const original = o.duplicateOf ? this.data!.observations.find((x) => x.id === o.duplicateOf) : undefined;
    const allowed = (a: InboxAction) => ACTION_FROM[a].includes(o.status);
    const button = (a: InboxAction, key: string) =>
      allowed(a)
        ? html`<button type="button" id="inbox-${a}" data-action=${a} aria-keyshortcuts=${key} @click=${() => this.open(a)}>
            ${t[a]} <kbd aria-hidden="true">${key}</kbd>
          </button>`
        : nothing;
    return html`<section
      class="detail"
      id="inbox-detail"
      data-observation=${o.id}
      data-status=${o.status}
      aria-labelledby="inbox-detail-title"
      part="detail"
    >
      ${heading(this.level(1), t.detailTitle, { id: 'inbox-detail-title' })}
      <p id="inbox-description">${o.description}</p>
      <dl>
        <dt>${t.status}</dt>
        <dd><span class="badge ${o.status}" id="inbox-detail-status" data-status=${o.status}>${this.statusLabel(o.status)}</span></dd>
        <dt>${t.theme}</dt>
        <dd>${this.themeName(o.themeId)}</dd>
        ${
          this.data!.walk
            ? html`<dt>${t.stop}</dt>
                <dd id="inbox-stop">${stop ?? t.noStop}</dd>`
            : nothing
        }
        ${
          o.address
            ? html`<dt>${t.where}</dt>
                <dd>${o.address}</dd>`
            : nothing
        }
        <dt>${t.source}</dt>
        <dd>${t.sources[o.source] ?? o.source}</dd>
        <dt>${t.recordedAt}</dt>
        <dd>${this.localize.date(o.recordedAt, { dateStyle: 'medium', timeStyle: 'short', timeZone: city.timezone })}</dd>
        ${
          organisation
            ? html`<dt>${t.organisation}</dt>
                <dd>${organisation}</dd>`
            : nothing
        }
        ${
          o.severity
            ? html`<dt>${t.severity}</dt>
                <dd>${t.severities[o.severity]}</dd>`
            : nothing
        }
        ${
          o.duplicateOf
            ? html`<dt>${t.duplicateOf}</dt>
                <dd>${original?.description ?? o.duplicateOf}</dd>`
            : nothing
        }
        ${
          o.rejectReason
            ? html`<dt>${t.rejectReason}</dt>
                <dd>${o.rejectReason}</dd>`
            : nothing
        }
        ${
          o.note
            ? html`<dt>${t.note}</dt>
                <dd>${o.note}</dd>`
            : nothing
        }
      </dl>
      ${o.photos.length > 0 ? this.photos(o) : nothing}
      <div class="actions" role="group" aria-label=${t.actions} id="inbox-actions">
        ${button('qualify', 'q')} ${button('duplicate', 'd')} ${button('reject', 'r')} ${button('resolve', 's')}
      </div>
      ${this.pending && !this.pending.bulk ? this.actionForm(this.pending) : nothing}
    </section>`;
  }

  private photos(o: InboxObservation): TemplateResult {
    const t = this.t.inbox;
    return html`${heading(this.level(2), t.photos, { id: 'inbox-photos-title' })}
      <ul class="photos">
        ${o.photos.map((p, i) => {
          const url = this.photoUrl(p.url, p.id);
          return html`<li data-photo=${p.id}>
            ${
              this.redaction.open?.photoId === p.id
                ? this.redaction.render(p.id, url, t.photoAlt(i + 1))
                : html`<img src=${url} alt=${t.photoAlt(i + 1)} />
                    <button
                      type="button"
                      class="secondary"
                      id="inbox-redact-${p.id}"
                      data-redact=${p.id}
                      @click=${() => this.redaction.start(p.id)}
                    >
                      ${t.redact}
                    </button>`
            }
          </li>`;
        })}
      </ul>`;
  }

  private bulkBar(): TemplateResult {
    const t = this.t.inbox;
    return html`<section class="bulk" id="inbox-bulk" aria-labelledby="inbox-bulk-title">
      ${heading(this.level(1), t.bulkTitle, { id: 'inbox-bulk-title' })}
      <p id="inbox-selected" data-count=${this.selected.size}>${t.selected(this.selected.size)}</p>
      <div class="actions">
        <button type="button" data-bulk="qualify" id="inbox-bulk-qualify" @click=${() => this.open('qualify', true)}>
          ${t.bulkQualify}
        </button>
        <button type="button" data-bulk="reject" id="inbox-bulk-reject" @click=${() => this.open('reject', true)}>${t.bulkReject}</button>
        <button type="button" data-bulk="resolve" id="inbox-bulk-resolve" @click=${() => this.open('resolve', true)}>
          ${t.bulkResolve}
        </button>
        <button
          type="button"
          class="secondary"
          id="inbox-clear"
          @click=${() => {
            this.selected.clear();
            if (this.pending?.bulk) this.pending = undefined;
            this.requestUpdate();
          }}
        >
          ${t.clearSelection}
        </button>
      </div>
      ${this.pending?.bulk ? this.actionForm(this.pending) : nothing}
    </section>`;
  }

  private actionForm(p: Pending): TemplateResult {
    const t = this.t.inbox;
    const city = this.data!.city;
    const titles = { qualify: t.qualifyTitle, duplicate: t.duplicateTitle, reject: t.rejectTitle, resolve: t.resolveTitle };
    const set = (patch: Partial<Pending>) => (this.pending = { ...p, ...patch, error: undefined });
    const errorId = p.error ? 'inbox-action-error' : undefined;
    const textField = p.action === 'reject' ? 'inbox-reason' : 'inbox-note';
    return html`<form
      class="action"
      id="inbox-action-form"
      data-action=${p.action}
      data-bulk=${String(p.bulk)}
      aria-labelledby="inbox-action-title"
      novalidate
      @submit=${(e: Event) => {
        e.preventDefault();
        void this.send();
      }}
    >
      ${heading(this.level(2), titles[p.action], { id: 'inbox-action-title' })}
      ${
        p.action === 'qualify'
          ? html`<div class="field">
                <label for="inbox-organisation">${t.organisation}</label>
                <select
                  id="inbox-organisation"
                  name="organisationId"
                  required
                  aria-invalid=${p.error && !p.organisationId ? 'true' : 'false'}
                  aria-describedby=${errorId ?? nothing}
                  @change=${(e: Event) => set({ organisationId: (e.target as HTMLSelectElement).value })}
                >
                  <option value="" ?selected=${!p.organisationId}>—</option>
                  ${city.organisations.map((org) => html`<option value=${org.id} ?selected=${org.id === p.organisationId}>${org.name}</option>`)}
                </select>
              </div>
              <div class="field">
                <label for="inbox-severity">${t.severity}</label>
                <select
                  id="inbox-severity"
                  name="severity"
                  @change=${(e: Event) => set({ severity: (e.target as HTMLSelectElement).value })}
                >
                  ${SEVERITIES.map((s) => html`<option value=${s} ?selected=${s === p.severity}>${t.severities[s]}</option>`)}
                </select>
              </div>`
          : nothing
      }
      ${p.action === 'duplicate' ? this.suggestionList(p, set) : nothing}
      <div class="field">
        <label for=${textField}>${p.action === 'reject' ? t.reason : t.note}</label>
        <span class="hint" id="inbox-text-hint">${p.action === 'reject' ? t.reasonHint : t.noteHint}</span>
        <textarea
          id=${textField}
          name=${p.action === 'reject' ? 'reason' : 'note'}
          rows="3"
          maxlength="2000"
          ?required=${p.action === 'reject'}
          aria-invalid=${p.error && p.action === 'reject' && !p.text.trim() ? 'true' : 'false'}
          aria-describedby="inbox-text-hint${errorId ? ` ${errorId}` : ''}"
          .value=${p.text}
          @input=${(e: Event) => {
            p.text = (e.target as HTMLTextAreaElement).value;
          }}
        ></textarea>
      </div>
      ${p.error ? html`<p class="error" id="inbox-action-error" role="alert">${p.error}</p>` : nothing}
      <div class="actions">
        <button type="submit" id="inbox-send" aria-disabled=${p.sending ? 'true' : 'false'}>${p.sending ? t.sending : t.send}</button>
        <button type="button" class="secondary" id="inbox-cancel" @click=${() => this.cancel()}>${t.cancel}</button>
      </div>
    </form>`;
  }

  private suggestionList(p: Pending, set: (patch: Partial<Pending>) => void): TemplateResult {
    const t = this.t.inbox;
    const list = this.suggestions;
    if (list === 'loading' || list === undefined) return html`<p role="status">${t.loading}</p>`;
    if (list.length === 0) return html`<p id="inbox-no-suggestion">${t.noSuggestion}</p>`;
    return html`<fieldset id="inbox-suggestions">
      <legend>${t.suggestions}</legend>
      <ul class="suggestions">
        ${list.map((s) => {
          const meta = [
            s.sameTheme ? t.sameTheme : '',
            t.suggestionMeta(s.sameStop, s.distanceMetres),
            this.statusLabel(s.observation.status),
          ]
            .filter(Boolean)
            .join(' · ');
          return html`<li>
            <input
              type="radio"
              name="of"
              id="inbox-suggestion-${s.observation.id}"
              data-suggestion=${s.observation.id}
              value=${s.observation.id}
              .checked=${p.of === s.observation.id}
              @change=${() => set({ of: s.observation.id })}
            />
            <label for="inbox-suggestion-${s.observation.id}">${s.observation.description}<span class="meta">${meta}</span></label>
          </li>`;
        })}
      </ul>
    </fieldset>`;
  }
}
