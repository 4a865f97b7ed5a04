// SPDX-License-Identifier: EUPL-1.2
import {
  ACTOR_ROLES,
  eventsFrom,
  labelIn,
  ROLE_MESSAGES,
  validate,
  walkRules,
  WalkInInput,
  workshopRules,
  type CityProfile,
  type Observation,
  type Registration,
  type Walk,
  type WalkSummary,
  type Workshop,
  type WorkshopSummary,
} from '@gusp/core';
import '@gusp/elements/define/issue-form.js';
import type { GuspObservationRefusedEvent } from '@gusp/elements';
import * as outbox from '@gusp/elements/shared/outbox.js';
import { heading } from '@gusp/elements/shared/heading.js';
import { Task, TaskStatus } from '@lit/task';
import { css, html, nothing, type TemplateResult } from 'lit';
import { hrefOf } from '../app/routes.js';
import { csrfTokenOf, staffPages, staffRequest } from '../internal/api.js';
import { ConsoleElement } from '../internal/console-element.js';
import { SessionEndedEvent } from '../internal/events.js';
import {
  gatheringOf,
  gatheringPath,
  kindOf,
  meetingOf,
  wordsFor,
  type GatheringKind,
  type GatheringSummary,
} from '../internal/gathering.js';
import type { DayTexts } from '../translations/day.js';
import { cards, tokens } from '../styles/tokens.js';
import { DayOutboxController, type DayEntry, type DayOutcome, type WalkInBody } from './day-outbox.js';
import { dayIn, lastDayListed, onTheDay } from './day-list.js';

/** A registration as `GET /api/walks/{id}/registrations` gives it to staff (never its cancel token). */
export type DayRegistration = Omit<Registration, 'cancelToken'>;
/** An observation as `GET /api/observations` lists it (never the reporter's contact). */
export type DayObservation = Omit<Observation, 'reporter'>;

/**
 * The walk of the day: its summary and city (`GET /api/walks/{id}`), registrations, observations so far;
 * or a workshop's (`GET /api/workshops/{id}`: no observations).
 */
export interface DayWalkData {
  readonly summary: GatheringSummary;
  readonly city: CityProfile;
  readonly registrations: readonly DayRegistration[];
  readonly observations: readonly DayObservation[];
}

/** Without a walk: today's walks, those under way and those that may be started already (`GET /api/walks`), and the city; the concerted projects' workshops likewise. */
export interface DayListData {
  readonly walks: readonly WalkSummary[];
  readonly city: CityProfile;
  /** Today's workshops and those under way (`GET /api/workshops?upcoming=0`). */
  readonly workshops?: readonly WorkshopSummary[];
}

/** `GET /api/walks/{id}` (or `/api/workshops/{id}`): a summary with the city profile. */
type SummaryAnswer = GatheringSummary & { readonly city: CityProfile };

/** The check-ins' answer: one result per person. */
interface CheckInsAnswer {
  readonly results: readonly (
    | { readonly registrationId: string; readonly ok: true }
    | { readonly registrationId: string; readonly ok: false; readonly error: { readonly code: string; readonly message: string } }
  )[];
}

/** The observation a `<gusp-issue-form>` keeps on the device, as far as the day reads it. */
interface QueuedObservation {
  readonly walkId?: string;
  readonly stopId?: string;
  readonly description: string;
}

/** What the check-in list can tick: seated people and waitlisted ones who came (the rules allow both); those present already. */
const LISTED = new Set(['confirmed', 'waitlisted', 'attended']);

/** Lower case, without accents: « Éloïse » is found by « elo ». */
const folded = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** A message said once in a live region. */
interface Said {
  readonly kind: 'success' | 'notice' | 'error';
  readonly text: string;
}

/**
 * `<gusp-console-day walk-id?>`: the walk day, on a phone in the street. Without `walk-id`, today's
 * walks and those under way, each a link to its day (`#day/<id>`). With it: the walk's status,
 * « Démarrer » and « Terminer » (each confirmed); the check-in — the registrations with a search
 * box, several ticked and one « Pointer » (`POST /walks/{id}/check-ins`), waitlisted people who
 * came included; walk-ins added on the spot (`POST /walks/{id}/walk-ins`: name, role, optional
 * phone, oral consent), registrations closed or not; and the observations, stop by stop, through
 * the public `<gusp-issue-form walk-id>` (authenticated by the session: its `headers` carry the
 * CSRF token), with what is recorded so far per stop.
 *
 * Everything works offline: each action is kept on the device first (the elements' outbox, with
 * its `Idempotency-Key`) and sent once when the network returns (`online`, a reload, « Envoyer
 * maintenant »); what waits is counted on screen. Every refusal is shown in words.
 *
 * `gathering="workshop"`: the day of a workshop of a concerted project (`walk-id` is then the
 * workshop's id): the same start, finish, check-in and walk-ins under `/workshops/{id}/…`, in its
 * own words, without observations.
 *
 * @csspart status - The walk's status, start and finish.
 * @csspart pending - What waits on the device.
 * @csspart check-in - The check-in list.
 * @csspart walk-in - The walk-in form.
 * @csspart capture - The observations: the issue form and what is recorded per stop.
 */
export class GuspConsoleDay extends ConsoleElement {
  static override properties = {
    ...ConsoleElement.properties,
    walkId: { type: String, attribute: 'walk-id', reflect: true },
    gathering: { type: String, reflect: true },
    data: { attribute: false },
    list: { attribute: false },
    query: { state: true },
    confirming: { state: true },
    checkInSaid: { state: true },
    walkInSaid: { state: true },
    statusSaid: { state: true },
    refusals: { state: true },
    online: { state: true },
  };

  static override styles = [
    tokens,
    cards,
    css`
      section > p,
      li p,
      .cards li p {
        margin-block: 0 0.5rem;
      }
      .people {
        list-style: none;
        padding: 0;
        margin: 0 0 var(--_space);
      }
      .walks a {
        font-weight: 600;
      }
      .part {
        margin-block: 0 calc(var(--_space) * 1.5);
        padding-block-start: var(--_space);
        border-block-start: 2px solid var(--_border);
      }
      .people li {
        display: flex;
        gap: 0.75rem;
        align-items: flex-start;
        padding: 0.5rem 0.25rem;
        min-height: 2.75rem;
        border-block-end: 1px solid var(--_border);
      }
      .people input[type='checkbox'] {
        inline-size: 1.5rem;
        block-size: 1.5rem;
        min-height: 0;
        margin: 0.125rem 0 0;
        flex: none;
      }
      .people label {
        flex: 1;
        min-inline-size: 0;
        overflow-wrap: anywhere;
      }
      .people .meta,
      .meta {
        display: block;
        font-weight: 400;
        color: var(--_muted);
      }
      .check {
        display: flex;
        gap: 0.75rem;
        align-items: flex-start;
      }
      .check input {
        inline-size: 1.5rem;
        block-size: 1.5rem;
        min-height: 0;
        flex: none;
        margin: 0.125rem 0 0;
      }
      .check label {
        font-weight: 400;
      }
      .success {
        color: var(--_success);
        font-weight: 600;
      }
      .confirm {
        padding: 0.75rem var(--_space);
        margin-block: 0 var(--_space);
        background: var(--_surface);
        border-radius: var(--_radius);
      }
      .actions button {
        flex: 1 1 12rem;
      }
      .captured ul {
        margin: 0.25rem 0 0;
        padding-inline-start: 1.25rem;
      }
      .captured li li {
        overflow-wrap: anywhere;
      }
      gusp-issue-form {
        display: block;
        margin-block: 0 var(--_space);
      }
    `,
  ];

  /** The walk the screen is about; without it, the day's walks to choose from. */
  declare walkId: string | undefined;
  /** `workshop`: `walk-id` is a workshop's; a walk's by default. */
  declare gathering: GatheringKind | undefined;
  /** The walk's day as shown; set when it loads, or given (a story, a test). */
  declare data: DayWalkData | undefined;
  /** Today's walks as shown, without `walk-id`; set when they load, or given. */
  declare list: DayListData | undefined;

  declare private query: string;
  declare private confirming: 'start' | 'finish' | undefined;
  declare private checkInSaid: Said | undefined;
  declare private walkInSaid: Said | undefined;
  declare private statusSaid: Said | undefined;
  /** What the server refused of what waited (final): said until dismissed. */
  declare private refusals: readonly { readonly id: string; readonly text: string }[];
  declare private online: boolean;

  /** The people ticked for « Pointer ». */
  private readonly selected = new Set<string>();
  /** Observations the issue form keeps on the device for this walk. */
  private queuedObservations: readonly QueuedObservation[] = [];
  /** The walk-in form's values and errors. */
  private walkIn = { name: '', role: 'resident', phone: '', consent: false };
  private walkInErrors: Partial<Record<'name' | 'phone' | 'consent', string>> = {};
  /** An element to focus after the next render. */
  private focusNext: string | undefined;
  /** How many waiting items reached the server since the last action. */
  private sentLater = 0;
  private given: { data: boolean; list: boolean } = { data: false, list: false };

  private readonly outbox = new DayOutboxController(
    this,
    () => (this.walkId ? { base: this.apiBase, walkId: this.walkId, kind: this.gathering } : undefined),
    (outcome) => this.onOutcome(outcome),
    () => this.dispatchEvent(new SessionEndedEvent()),
  );

  private readonly task = new Task(this, {
    args: () => [this.apiBase, this.walkId, this.gathering, this.locale] as const,
    task: async ([base, walkId, kind, locale], { signal }) => {
      const init = { signal, locale };
      if (!walkId) {
        if (this.given.list && this.list) return this.list;
        // Those under way first: their answer names the city, whose calendar says what « today » is.
        const running = await staffPages<{ walks: WalkSummary[]; city: CityProfile }>(base, '/walks?status=in-progress', 'walks', init);
        const zone = running.city.timezone;
        const now = new Date();
        const early = running.city.defaults.startEarlyMinutes;
        const listed = (startsAt: string) => onTheDay(startsAt, now, zone, early);
        // Today's, and what may be started already even when it begins after midnight (the rules allow it early).
        const range = `from=${dayIn(zone, now)}&to=${lastDayListed(now, zone, early)}`;
        const todays = await staffPages<{ walks: WalkSummary[] }>(base, `/walks?${range}`, 'walks', init);
        const byId = new Map<string, WalkSummary>();
        for (const s of [...running.walks, ...todays.walks.filter((t) => listed(t.walk.startsAt))]) byId.set(s.walk.id, s);
        const walks = [...byId.values()].sort((a, b) => a.walk.startsAt.localeCompare(b.walk.startsAt));
        // Today's workshops of the concerted projects, run with the same screen (a server without them: none).
        const published = await staffPages<{ workshops: WorkshopSummary[] }>(base, '/workshops?upcoming=0', 'workshops', init).catch(
          () => ({ workshops: [] as WorkshopSummary[] }),
        );
        const workshops = published.workshops
          .filter((w) => w.status === 'in-progress' || (w.status !== 'cancelled' && listed(w.workshop.startsAt)))
          .sort((a, b) => a.workshop.startsAt.localeCompare(b.workshop.startsAt));
        this.list = { walks, city: running.city, workshops };
        return this.list;
      }
      if (this.given.data && this.data && gatheringOf(this.data.summary).id === walkId) return this.data;
      this.data = await this.read(base, walkId, init, kind);
      return this.data;
    },
    onError: (error) => this.sessionEnded(error),
  });

  private readonly onOnline = () => {
    this.online = true;
    // A load the network had failed is tried again; what waits is sent by the outboxes themselves.
    if (this.task.status === TaskStatus.ERROR) void this.reload();
    void this.refreshObservations();
  };
  private readonly onOffline = () => (this.online = false);
  /** The issue form recorded an observation (a submit, or one it kept): it shows under its stop. */
  private readonly onObserved = () => void this.refreshObservations();

  constructor() {
    super();
    this.query = '';
    this.refusals = [];
    this.online = typeof navigator === 'undefined' ? true : navigator.onLine;
    this.addEventListener('gusp-observed', this.onObserved);
    this.addEventListener('gusp-observation-queued', this.onObserved);
    this.addEventListener('gusp-observation-refused', (e: Event) => {
      // Typed by its class: the built package reads @gusp/elements' published types, not its global event map.
      const { detail } = e as GuspObservationRefusedEvent;
      this.addRefusals([{ id: detail.clientId, text: detail.error.message || this.t.errors.unavailable }]);
    });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.given = { data: this.data !== undefined, list: this.list !== undefined };
    window.addEventListener('online', this.onOnline);
    window.addEventListener('offline', this.onOffline);
    void this.refreshObservations();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('online', this.onOnline);
    window.removeEventListener('offline', this.onOffline);
  }

  /** The screen's words: a workshop's over a walk's. */
  private get d(): DayTexts {
    const kind = this.data ? kindOf(this.data.summary) : this.gathering;
    return wordsFor(kind, this.t.day, this.t.day.workshop);
  }

  /** Resolves once the load under way has ended and what waits on the device was tried. */
  get loaded(): Promise<void> {
    return this.settledAfter(this.task, () => this.outbox.flushing);
  }

  /** How many things wait on the device for this walk: the day's actions and the issue form's observations. */
  get pendingCount(): number {
    return this.outbox.pending.length + this.queuedObservations.length;
  }

  /** Loads again (« Réessayer »). */
  reload(): Promise<void> {
    return this.task.run();
  }

  /** Sends what waits now: the day's actions, then the issue form's observations. */
  async sendNow(): Promise<void> {
    this.sentLater = 0;
    await this.outbox.flush();
    await this.issueForm?.flush();
    await this.refreshObservations();
  }

  private get issueForm(): (HTMLElement & { flush(): Promise<void> }) | null {
    return this.renderRoot.querySelector('gusp-issue-form');
  }

  private async read(
    base: string,
    walkId: string,
    init: { signal?: AbortSignal; locale?: string },
    kind = this.gathering,
  ): Promise<DayWalkData> {
    const id = encodeURIComponent(walkId);
    const [answer, registrations, observations] = await Promise.all([
      staffRequest<SummaryAnswer>(base, gatheringPath(kind, walkId), init),
      staffRequest<{ registrations: DayRegistration[] }>(base, gatheringPath(kind, walkId, '/registrations'), init),
      // A workshop has no observations.
      kind === 'workshop'
        ? { observations: [] }
        : staffPages<{ observations: DayObservation[] }>(base, `/observations?walk=${id}`, 'observations', init),
    ]);
    const { city, ...summary } = answer;
    return { summary, city, registrations: registrations.registrations, observations: observations.observations };
  }

  /** Reads the walk again after something was sent; a failure keeps what is shown (the network may be gone again). */
  private async refresh(): Promise<void> {
    if (!this.walkId || this.given.data) return;
    try {
      this.data = await this.read(this.apiBase, this.walkId, { locale: this.locale });
    } catch {
      // What is shown stays; the next success updates it.
    }
  }

  /** What the issue form keeps on the device for this walk, and (online) the walk's observations recorded so far. */
  private async refreshObservations(): Promise<void> {
    const walkId = this.walkId;
    if (!walkId || this.gathering === 'workshop') return;
    const queued = await outbox.pending<QueuedObservation>(`${this.apiBase}/observations`).catch(() => []);
    this.queuedObservations = queued.map((e) => e.body).filter((b) => b.walkId === walkId);
    this.requestUpdate();
    if (this.given.data || !this.data) return;
    try {
      const found = await staffPages<{ observations: DayObservation[] }>(
        this.apiBase,
        `/observations?walk=${encodeURIComponent(walkId)}`,
        'observations',
        { locale: this.locale },
      );
      if (this.data && this.walkId === walkId) this.data = { ...this.data, observations: found.observations };
    } catch {
      // Offline: what is shown stays.
    }
  }

  /* ---------------------------------------------------------------- what the server answered */

  private onOutcome(outcome: DayOutcome): void {
    const { entry } = outcome;
    if (outcome.outcome === 'refused') {
      const error = outcome.error;
      const text = error.error.code === 'auth.forbidden' ? this.d.forbiddenAction : this.describeError(error);
      this.addRefusals([{ id: entry.clientId, text: `${this.entryLabel(entry)} : ${text}` }]);
      return;
    }
    this.sentLater++;
    if (entry.action === 'check-ins') {
      const answer = outcome.answer as CheckInsAnswer;
      const refused = answer.results.flatMap((r) =>
        r.ok
          ? []
          : [{ id: `${entry.clientId}:${r.registrationId}`, text: this.d.refusedFor(this.nameOf(r.registrationId), r.error.message) }],
      );
      this.addRefusals(refused);
    }
    if (entry.action === 'start' || entry.action === 'finish') {
      const changed = outcome.answer as Walk | Workshop;
      const summary = this.data?.summary;
      if (this.data && summary && changed?.id === gatheringOf(summary).id)
        this.data = {
          ...this.data,
          summary:
            'walk' in summary
              ? { ...summary, walk: changed as Walk, status: changed.status }
              : { ...summary, workshop: changed as Workshop, status: changed.status as Workshop['status'] },
        };
    }
    void this.refresh();
  }

  private addRefusals(list: readonly { id: string; text: string }[]): void {
    if (list.length === 0) return;
    const known = new Set(this.refusals.map((r) => r.id));
    this.refusals = [...this.refusals, ...list.filter((r) => !known.has(r.id))];
  }

  /** What an entry was, in words: for a refusal's message. */
  private entryLabel(entry: DayEntry): string {
    switch (entry.action) {
      case 'start':
        return this.d.start;
      case 'finish':
        return this.d.finish;
      case 'walk-ins':
        return (entry.body as WalkInBody).name;
      default:
        return ((entry.body as { registrationIds: string[] }).registrationIds ?? []).map((id) => this.nameOf(id)).join(', ');
    }
  }

  private nameOf(registrationId: string): string {
    return this.data?.registrations.find((r) => r.id === registrationId)?.name ?? registrationId;
  }

  /* ---------------------------------------------------------------- actions */

  private ask(action: 'start' | 'finish'): void {
    this.confirming = action;
    this.statusSaid = undefined;
    this.focusAfter('#day-confirm');
  }

  private cancelConfirm(): void {
    const action = this.confirming;
    this.confirming = undefined;
    this.focusAfter(action === 'finish' ? '#day-finish' : '#day-start');
  }

  private async confirm(): Promise<void> {
    const action = this.confirming;
    if (!action) return;
    this.confirming = undefined;
    this.sentLater = 0;
    const entry = await this.outbox.add(action, {});
    const waiting = entry && this.outbox.pending.some((e) => e.clientId === entry.clientId);
    const refused = entry && this.refusals.some((r) => r.id === entry.clientId);
    this.statusSaid = refused
      ? undefined
      : waiting
        ? { kind: 'notice', text: action === 'start' ? this.d.startPending : this.d.finishPending }
        : { kind: 'success', text: action === 'start' ? this.d.started : this.d.finished };
    this.focusAfter(refused ? '#day-refusals' : '#day-status-said');
  }

  private async checkIn(): Promise<void> {
    const ids = [...this.selected];
    if (ids.length === 0) {
      this.checkInSaid = { kind: 'error', text: this.d.checkInNone };
      this.focusAfter('#day-checkin-said');
      return;
    }
    this.sentLater = 0;
    this.selected.clear();
    const entry = await this.outbox.add('check-ins', { registrationIds: ids });
    const waiting = entry && this.outbox.pending.some((e) => e.clientId === entry.clientId);
    const refusedNow = entry ? this.refusals.filter((r) => r.id === entry.clientId || r.id.startsWith(`${entry.clientId}:`)).length : 0;
    this.checkInSaid = waiting
      ? { kind: 'notice', text: this.d.checkInQueued(ids.length) }
      : refusedNow === ids.length || (entry && this.refusals.some((r) => r.id === entry.clientId))
        ? undefined
        : { kind: 'success', text: this.d.checkedIn(ids.length - refusedNow) };
    this.focusAfter(this.checkInSaid ? '#day-checkin-said' : '#day-refusals');
  }

  private async addWalkIn(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const v = this.walkIn;
    const input = {
      name: v.name.trim(),
      role: v.role,
      ...(v.phone.trim() ? { phone: v.phone.trim() } : {}),
      consent: v.consent,
      locale: this.locale,
    };
    const errors: typeof this.walkInErrors = {};
    if (!input.name) errors.name = this.d.walkInNameMissing;
    const checked = validate(WalkInInput, input, this.locale);
    if (!checked.ok) {
      const issues = (checked.error.details['issues'] ?? []) as { path: string; message: string }[];
      for (const issue of issues) {
        const field = issue.path.split('.')[0];
        if ((field === 'name' || field === 'phone') && !errors[field]) errors[field] = issue.message;
      }
    }
    if (!v.consent) errors.consent = this.d.walkInConsentMissing;
    this.walkInErrors = errors;
    this.walkInSaid = undefined;
    const first = (['name', 'phone', 'consent'] as const).find((f) => errors[f]);
    if (first) {
      this.focusAfter(`#day-walkin-${first}`);
      this.requestUpdate();
      return;
    }
    this.sentLater = 0;
    const body: WalkInBody = { name: input.name, role: input.role, ...(input.phone ? { phone: input.phone } : {}), consent: true };
    this.walkIn = { name: '', role: v.role, phone: '', consent: false };
    const entry = await this.outbox.add('walk-ins', body);
    const waiting = entry && this.outbox.pending.some((e) => e.clientId === entry.clientId);
    const refused = entry && this.refusals.some((r) => r.id === entry.clientId);
    if (refused) {
      // Refused (the walk is not under way…): the form gets its values back, and the refusal says why.
      this.walkIn = { ...this.walkIn, name: body.name, phone: body.phone ?? '', consent: true };
      this.focusAfter('#day-refusals');
      return;
    }
    this.walkInSaid = waiting
      ? { kind: 'notice', text: this.d.walkInQueued(body.name) }
      : { kind: 'success', text: this.d.walkInAdded(body.name) };
    this.focusAfter('#day-walkin-said');
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    // Another walk: nothing ticked, typed or said about the previous one stays.
    if (!changed.has('walkId')) return;
    void this.refreshObservations();
    if (changed.get('walkId') !== undefined) {
      this.selected.clear();
      this.query = '';
      this.checkInSaid = this.walkInSaid = this.statusSaid = undefined;
      this.confirming = undefined;
      this.refusals = [];
      this.walkIn = { name: '', role: 'resident', phone: '', consent: false };
      this.walkInErrors = {};
    }
  }

  /** Focus goes to `selector` once the screen has rendered what was just said. */
  private focusAfter(selector: string): void {
    this.focusNext = selector;
    this.requestUpdate();
  }

  protected override updated(): void {
    if (!this.focusNext) return;
    const target = this.renderRoot.querySelector<HTMLElement>(this.focusNext);
    this.focusNext = undefined;
    target?.focus();
  }

  /* ---------------------------------------------------------------- render */

  protected override render(): TemplateResult {
    const t = this.t;
    const pending = this.task.status === TaskStatus.PENDING || this.task.status === TaskStatus.INITIAL;
    const failed = this.task.status === TaskStatus.ERROR;
    return html`<section lang=${this.locale} aria-labelledby="day-title" data-screen="day">
      ${heading(this.level(), this.walkId ? this.d.title : this.d.chooseTitle, { id: 'day-title' })}
      ${this.walkId ? this.pendingPart() : nothing}
      ${
        failed
          ? html`<p class="error" role="alert" id="day-load-error">${this.describeError(this.task.error)}</p>
              <p><button type="button" id="day-retry" @click=${() => void this.reload()}>${t.retry}</button></p>`
          : nothing
      }
      ${
        this.walkId
          ? this.data && gatheringOf(this.data.summary).id === this.walkId && !failed
            ? this.walkDay(this.data)
            : failed
              ? nothing
              : html`<p role="status">${t.loading}</p>`
          : this.list && !pending && !failed
            ? this.walkList(this.list)
            : failed
              ? nothing
              : html`<p role="status">${t.loading}</p>`
      }
    </section>`;
  }

  private walkList(list: DayListData): TemplateResult {
    const t = this.t;
    const workshops = list.workshops ?? [];
    return html`<p>${this.d.chooseIntro}</p>
      ${
        list.walks.length === 0
          ? workshops.length
            ? nothing
            : html`<p class="notice" role="status" id="day-no-walk">${this.d.noWalkToday}</p>`
          : html`<ul class="walks cards" id="day-walks">
              ${list.walks.map((s) => {
                const when = this.localize.date(s.walk.startsAt, { dateStyle: 'full', timeStyle: 'short', timeZone: list.city.timezone });
                const quartier = list.city.quartiers.find((q) => q.id === s.walk.quartierId)?.name ?? s.walk.quartierId;
                return html`<li data-walk=${s.walk.id}>
                  <p><a href=${hrefOf('day', s.walk.id)} id="day-open-${s.walk.id}">${this.d.openDay(when)}</a></p>
                  <p>${quartier}${s.walk.title ? html` — ${s.walk.title}` : nothing}</p>
                  <p><span class="badge">${t.statuses[s.status] ?? s.status}</span></p>
                </li>`;
              })}
            </ul>`
      }
      ${
        workshops.length
          ? html`<ul class="walks cards" id="day-workshops">
              ${workshops.map((s) => {
                const when = this.localize.date(s.workshop.startsAt, { timeStyle: 'short', timeZone: list.city.timezone });
                return html`<li data-workshop=${s.workshop.id}>
                  <p>
                    <a href=${hrefOf('day', s.workshop.id, 'workshop')} id="day-open-${s.workshop.id}"
                      >${this.t.day.openWorkshopDay(s.workshop.title, when)}</a
                    >
                  </p>
                  ${s.workshop.place ? html`<p>${s.workshop.place.label}</p>` : nothing}
                  <p><span class="badge">${t.statuses[s.status] ?? s.status}</span></p>
                </li>`;
              })}
            </ul>`
          : nothing
      }`;
  }

  /** The status as it will be once what waits is sent: a start kept offline makes the walk under way here. */
  private effectiveStatus(data: DayWalkData): string {
    let status: string = data.summary.status;
    for (const e of this.outbox.pending) {
      if (e.action === 'start' && (status === 'open' || status === 'closed')) status = 'in-progress';
      if (e.action === 'finish' && status === 'in-progress') status = 'done';
    }
    return status;
  }

  private walkDay(data: DayWalkData): TemplateResult {
    const walk = gatheringOf(data.summary);
    const when = this.localize.date(walk.startsAt, { dateStyle: 'full', timeStyle: 'short', timeZone: data.city.timezone });
    const quartier = data.city.quartiers.find((q) => q.id === walk.quartierId)?.name ?? walk.quartierId;
    const meeting = 'stops' in walk ? walk.meetingPoint : meetingOf(walk);
    // A workshop's day leads back to its project; a walk's to the day's walks.
    const back = 'projectId' in walk ? hrefOf('project', walk.projectId) : hrefOf('day');
    return html`<p><a href=${back} id="day-back">${this.d.backToList}</a></p>
      <p>
        <strong>${when}</strong
        ><span class="meta">${quartier}${walk.title ? html` — ${walk.title}` : nothing}${meeting ? ` · ${meeting.label}` : nothing}</span>
      </p>
      ${this.statusPart(data)} ${this.checkInPart(data)} ${this.walkInPart()} ${'stops' in walk ? this.capturePart(data, walk) : nothing}`;
  }

  private pendingPart(): TemplateResult {
    const n = this.pendingCount;
    return html`<div part="pending">
      <p id="day-pending" role="status" data-count=${n} class=${n ? 'notice' : ''}>
        ${n ? this.d.pendingCount(n) : this.sentLater ? this.d.sentLater(this.sentLater) : this.d.pendingNone}
      </p>
      ${!this.online ? html`<p class="notice" id="day-offline">${this.d.offline}</p>` : nothing}
      ${n ? html`<p><button type="button" class="secondary" id="day-send-now" @click=${() => void this.sendNow()}>${this.d.sendNow}</button></p>` : nothing}
      ${
        this.refusals.length
          ? html`<div id="day-refusals" role="alert" tabindex="-1">
              <p class="error">${this.d.refusedTitle}</p>
              <ul>
                ${this.refusals.map((r) => html`<li class="error">${r.text}</li>`)}
              </ul>
              <button type="button" class="secondary" id="day-refusals-dismiss" @click=${() => (this.refusals = [])}>
                ${this.d.dismiss}
              </button>
            </div>`
          : nothing
      }
    </div>`;
  }

  private said(id: string, said: Said | undefined): TemplateResult {
    return html`<div id=${id} role="status" tabindex="-1">${said ? html`<p class=${said.kind}>${said.text}</p>` : nothing}</div>`;
  }

  private statusPart(data: DayWalkData): TemplateResult {
    const t = this.t;
    const status = this.effectiveStatus(data);
    // Starting and finishing a walk are the coordinators' (the server refuses an agent, localized): not offered to agents.
    const mayRun = this.staffRole !== 'agent';
    // What the walk's status accepts, by the core's rules table: an open walk starts once its registrations are closed.
    const accepts: readonly string[] =
      kindOf(data.summary) === 'workshop'
        ? eventsFrom(workshopRules, status as Workshop['status'])
        : eventsFrom(walkRules, status as Walk['status']);
    const canStart = mayRun && accepts.includes('start');
    const canFinish = mayRun && accepts.includes('finish');
    const closeFirst = mayRun && status === 'open';
    // Registrations are closed where the gathering is prepared: the walk's plan, the workshop's project.
    const g = gatheringOf(data.summary);
    const closeAt = 'projectId' in g ? hrefOf('project', g.projectId) : hrefOf('plan', g.id);
    const action = this.confirming === 'start' ? this.d.start : this.d.finish;
    return html`<section class="part" part="status" aria-labelledby="day-status-title">
      ${heading(this.level(1), this.d.statusTitle, { id: 'day-status-title' })}
      <p id="day-status" data-status=${status}><span class="badge">${this.d.statusNow(t.statuses[status] ?? status)}</span></p>
      ${this.said('day-status-said', this.statusSaid)}
      ${
        this.confirming
          ? html`<div class="confirm" role="group" aria-labelledby="day-confirm-text">
              <p id="day-confirm-text">${this.confirming === 'start' ? this.d.confirmStart : this.d.confirmFinish}</p>
              <div class="actions">
                <button type="button" id="day-confirm" @click=${() => void this.confirm()}>${this.d.confirmYes(action)}</button>
                <button type="button" class="secondary" id="day-confirm-cancel" @click=${() => this.cancelConfirm()}>
                  ${this.d.confirmNo}
                </button>
              </div>
            </div>`
          : html`<div class="actions">
                ${canStart ? html`<button type="button" id="day-start" @click=${() => this.ask('start')}>${this.d.start}</button>` : nothing}
                ${canFinish ? html`<button type="button" id="day-finish" @click=${() => this.ask('finish')}>${this.d.finish}</button>` : nothing}
              </div>
              ${
                closeFirst
                  ? html`<p id="day-close-first">${this.d.closeFirst} <a href=${closeAt}>${this.d.closeFirstLink}</a></p>`
                  : nothing
              }`
      }
    </section>`;
  }

  /** The registration ids waiting in a check-in, and the walk-ins waiting. */
  private waiting(): { checkIns: Set<string>; walkIns: WalkInBody[] } {
    const checkIns = new Set<string>();
    const walkIns: WalkInBody[] = [];
    for (const e of this.outbox.pending) {
      if (e.action === 'check-ins') for (const id of (e.body as { registrationIds: string[] }).registrationIds ?? []) checkIns.add(id);
      if (e.action === 'walk-ins') walkIns.push(e.body as WalkInBody);
    }
    return { checkIns, walkIns };
  }

  private roleName(role: string): string {
    return labelIn([ROLE_MESSAGES], `role.${role}`, this.locale);
  }

  private checkInPart(data: DayWalkData): TemplateResult {
    const listed = data.registrations.filter((r) => LISTED.has(r.status)).sort((a, b) => a.name.localeCompare(b.name, this.locale));
    const query = folded(this.query.trim());
    const shown = query ? listed.filter((r) => folded(r.name).includes(query)) : listed;
    const { checkIns, walkIns } = this.waiting();
    const present = listed.filter((r) => r.status === 'attended' || checkIns.has(r.id)).length + walkIns.length;
    const expected = listed.filter((r) => r.status !== 'waitlisted').length;
    const n = this.selected.size;
    const underway = this.effectiveStatus(data) === 'in-progress';
    return html`<section class="part" part="check-in" aria-labelledby="day-checkin-title">
      ${heading(this.level(1), this.d.checkInTitle, { id: 'day-checkin-title' })}
      <p id="day-present">${this.d.presentCount(present, expected)}</p>
      ${underway ? nothing : html`<p class="notice">${this.d.notStartedHint}</p>`}
      <div class="field">
        <label for="day-search">${this.d.searchLabel}</label>
        <span class="hint" id="day-search-hint">${this.d.searchHint}</span>
        <input
          id="day-search"
          type="search"
          autocomplete="off"
          aria-describedby="day-search-hint day-shown"
          .value=${this.query}
          @input=${(e: Event) => (this.query = (e.target as HTMLInputElement).value)}
        />
      </div>
      <p id="day-shown" aria-live="polite">
        ${listed.length === 0 ? this.d.noRegistrations : shown.length === 0 ? this.d.noMatch(this.query.trim()) : this.d.registrationsShown(shown.length, listed.length)}
      </p>
      <ul class="people" id="day-people" aria-labelledby="day-checkin-title">
        ${shown.map((r) => this.person(r, checkIns.has(r.id)))}
        ${walkIns
          .filter((w) => !query || folded(w.name).includes(query))
          .map(
            (w) =>
              html`<li class="walk-in-pending">
                <input type="checkbox" checked disabled aria-hidden="true" tabindex="-1" />
                <span><strong>${w.name}</strong><span class="meta">${this.roleName(w.role)} · ${this.d.walkInPending}</span></span>
              </li>`,
          )}
      </ul>
      <div>
        ${this.said('day-checkin-said', this.checkInSaid)}
        <button type="button" id="day-checkin-submit" @click=${() => void this.checkIn()}>
          ${n ? this.d.checkInSome(n) : this.d.checkIn}
        </button>
      </div>
    </section>`;
  }

  private person(r: DayRegistration, waiting: boolean): TemplateResult {
    const done = r.status === 'attended' || waiting;
    const notes = [
      this.roleName(r.role),
      ...(r.status === 'waitlisted' && !waiting ? [this.d.waitlisted] : []),
      ...(r.status === 'attended' ? [r.channel === 'walk-in' ? this.d.walkIn : this.d.attended] : []),
      ...(waiting ? [this.d.checkInPending] : []),
      ...(!r.email && r.phone ? [this.d.phoneOnly] : []),
    ];
    return html`<li data-registration=${r.id} data-status=${waiting ? 'pending' : r.status}>
      <input
        type="checkbox"
        id="day-check-${r.id}"
        .checked=${done || this.selected.has(r.id)}
        ?disabled=${done}
        @change=${(e: Event) => {
          if ((e.target as HTMLInputElement).checked) this.selected.add(r.id);
          else this.selected.delete(r.id);
          this.checkInSaid = undefined;
          this.requestUpdate();
        }}
      />
      <label for="day-check-${r.id}">${r.name} <span class="meta">${notes.join(' · ')}</span></label>
    </li>`;
  }

  private walkInPart(): TemplateResult {
    const v = this.walkIn;
    const e = this.walkInErrors;
    const set = (key: 'name' | 'phone', value: string) => {
      this.walkIn = { ...this.walkIn, [key]: value };
    };
    const error = (field: 'name' | 'phone' | 'consent') =>
      e[field] ? html`<p class="error" id="day-walkin-${field}-error">${e[field]}</p>` : nothing;
    const describedBy = (field: 'name' | 'phone' | 'consent', hint?: string) =>
      [hint, e[field] ? `day-walkin-${field}-error` : undefined].filter(Boolean).join(' ') || nothing;
    /** A text field of the form: its label, its hint, its error, and what is typed kept. */
    const input = (field: 'name' | 'phone', label: string, hint?: string) =>
      html`<div class="field">
        <label for="day-walkin-${field}">${label}</label>
        ${hint ? html`<span class="hint" id="day-walkin-${field}-hint">${hint}</span>` : nothing} ${error(field)}
        <input
          id="day-walkin-${field}"
          type=${field === 'phone' ? 'tel' : 'text'}
          autocomplete="off"
          ?required=${field === 'name'}
          aria-invalid=${e[field] ? 'true' : 'false'}
          aria-describedby=${describedBy(field, hint ? `day-walkin-${field}-hint` : undefined)}
          .value=${v[field]}
          @input=${(ev: Event) => set(field, (ev.target as HTMLInputElement).value)}
        />
      </div>`;
    return html`<section class="part" part="walk-in" aria-labelledby="day-walkin-title">
      ${heading(this.level(1), this.d.walkInTitle, { id: 'day-walkin-title' })}
      <p>${this.d.walkInIntro}</p>
      <form id="day-walkin" novalidate aria-labelledby="day-walkin-title" @submit=${(ev: SubmitEvent) => void this.addWalkIn(ev)}>
        ${input('name', this.d.walkInName)}
        <div class="field">
          <label for="day-walkin-role">${this.d.walkInRole}</label>
          <select
            id="day-walkin-role"
            @change=${(ev: Event) => (this.walkIn = { ...this.walkIn, role: (ev.target as HTMLSelectElement).value })}
          >
            ${ACTOR_ROLES.map((role) => html`<option value=${role} ?selected=${role === v.role}>${this.roleName(role)}</option>`)}
          </select>
        </div>
        ${input('phone', this.d.walkInPhone, this.d.walkInPhoneHint)}
        <div class="field">
          ${error('consent')}
          <div class="check">
            <input
              type="checkbox"
              id="day-walkin-consent"
              required
              aria-invalid=${e.consent ? 'true' : 'false'}
              aria-describedby=${describedBy('consent')}
              .checked=${v.consent}
              @change=${(ev: Event) => (this.walkIn = { ...this.walkIn, consent: (ev.target as HTMLInputElement).checked })}
            />
            <label for="day-walkin-consent">${this.d.walkInConsent}</label>
          </div>
        </div>
        ${this.said('day-walkin-said', this.walkInSaid)}
        <button type="submit" id="day-walkin-submit">${this.d.walkInSubmit}</button>
      </form>
    </section>`;
  }

  /** The issue form's data: the same object while the walk's stops are the same, so what is typed is never disturbed. */
  private issueDataOf: { key: string; value: { city: CityProfile; walk: Walk } } | undefined;
  private issueData(data: DayWalkData, walk: Walk): { city: CityProfile; walk: Walk } {
    const key = JSON.stringify([walk.id, walk.quartierId, walk.stops, data.city.id]);
    if (this.issueDataOf?.key !== key) this.issueDataOf = { key, value: { city: data.city, walk } };
    return this.issueDataOf.value;
  }

  private capturePart(data: DayWalkData, walk: Walk): TemplateResult {
    const token = csrfTokenOf(this.apiBase);
    const stops: { id: string; label: string }[] = [
      ...walk.stops.map((s, i) => ({ id: s.id, label: `${i + 1}. ${s.label}` })),
      { id: '', label: this.d.noStop },
    ];
    const recorded = (stopId: string) => data.observations.filter((o) => (o.stopId ?? '') === stopId);
    const queued = (stopId: string) => this.queuedObservations.filter((o) => (o.stopId ?? '') === stopId);
    const groups = stops.filter((s) => s.id !== '' || recorded('').length + queued('').length > 0);
    const total = data.observations.length + this.queuedObservations.length;
    return html`<section class="part" part="capture" aria-labelledby="day-capture-title">
      ${heading(this.level(1), this.d.captureTitle, { id: 'day-capture-title' })}
      <p>${this.d.captureIntro}</p>
      <gusp-issue-form
        id="day-issue-form"
        lang=${this.locale}
        endpoint=${this.apiBase}
        walk-id=${walk.id}
        heading-level=${this.level(2)}
        .data=${this.issueData(data, walk)}
        .headers=${token ? { 'X-CSRF-Token': token } : undefined}
      ></gusp-issue-form>
      ${heading(this.level(2), this.d.capturedTitle, { id: 'day-captured-title' })}
      ${
        total === 0
          ? html`<p id="day-captured-none">${this.d.capturedNone}</p>`
          : html`<ul class="captured cards" id="day-captured" aria-labelledby="day-captured-title">
              ${groups.map((s) => {
                const sent = recorded(s.id);
                const waiting = queued(s.id);
                return html`<li data-stop=${s.id} data-recorded=${sent.length} data-pending=${waiting.length}>
                  <strong>${s.label}</strong>
                  <span class="meta">${this.d.capturedAtStop(sent.length, waiting.length)}</span>
                  ${
                    sent.length + waiting.length
                      ? html`<ul>
                          ${sent.map((o) => html`<li>${excerpt(o.description)}</li>`)}
                          ${waiting.map((o) => html`<li>${excerpt(o.description)} – <em>${this.d.pendingShort}</em></li>`)}
                        </ul>`
                      : nothing
                  }
                </li>`;
              })}
            </ul>`
      }
    </section>`;
  }
}

const excerpt = (text: string) => (text.length > 80 ? `${text.slice(0, 80)}…` : text);
