// SPDX-License-Identifier: EUPL-1.2
import {
  ENGAGEMENT_MESSAGES,
  engagementFlags,
  engagementRules,
  ENGAGEMENT_STATUSES,
  eventsFrom,
  labelIn,
  milestoneActorLabel,
  newId,
  type CityProfile,
  type Engagement,
  type EngagementStatus,
} from '@gusp/core';
import { intlLocale } from '@gusp/elements/shared/format-date.js';
import { heading } from '@gusp/elements/shared/heading.js';
import { Task, TaskStatus } from '@lit/task';
import { css, html, nothing, type TemplateResult } from 'lit';
import { ApiRefusal, staffPages, staffRequest } from '../internal/api.js';
import { ConsoleScreen } from '../internal/console-screen.js';
import { tokens } from '../styles/tokens.js';
import type { EngagementAction } from '../translations/engagements.js';

export type { EngagementAction } from '../translations/engagements.js';

/** An engagement as the desk shows it: the core's, with the residents' answers when the server has them. */
export type DeskEngagement = Engagement;

/** What the desk shows: the engagements (filtered by the server), the city profile, and whose desk it is. */
export interface EngagementsData {
  readonly engagements: readonly DeskEngagement[];
  readonly city: CityProfile;
  /** An organisation's staff: their organisation (the list is theirs only, asked so of the server). */
  readonly organisationId?: string | undefined;
}

/** The filters: status, organisation, quartier go to the server; the due-date one is derived here (overdue, due soon). */
export interface EngagementFilters {
  status: string;
  organisation: string;
  quartier: string;
  due: '' | 'overdue' | 'due-soon';
}

/** What the import step says: the server's dry run or its application. */
export interface ImportAnswer {
  readonly dryRun: boolean;
  readonly rows: number;
  readonly changed: number;
  readonly unchanged: number;
  readonly applied: number;
  readonly problems: readonly { readonly row: number; readonly column: string; readonly code: string; readonly message: string }[];
}

/** The fields of an action's form (each kept, per engagement and action, until the server took it). */
interface Draft {
  organisationId: string;
  dueOn: string;
  percent: string;
  note: string;
  reason: string;
}

/** Who may ask for what from this desk: the coordinator everything the table allows; an organisation's staff three steps. */
const ORGANISATION_ACTIONS: readonly EngagementAction[] = ['start', 'progress', 'complete'];
/** The order of the buttons. */
const ACTION_ORDER: readonly EngagementAction[] = ['accept', 'start', 'progress', 'complete', 'verify', 'reopen', 'reschedule', 'abandon'];
const REASONED: readonly EngagementAction[] = ['reopen', 'abandon', 'reschedule'];

const emptyDraft = (): Draft => ({ organisationId: '', dueOn: '', percent: '', note: '', reason: '' });

/**
 * `<gusp-console-engagements>`: the engagement desk. Lists the engagements (`GET /api/engagements`,
 * filtered by status, organisation and quartier on the server, by overdue or due soon here), each
 * with its status, organisation, due date, progress, the residents' answers to « Est-ce réglé ? »
 * and its timeline (who acted: the role and the organisation). A **coordinator** accepts and
 * assigns (organisation, due date), reschedules or abandons with a reason, verifies or reopens with
 * the residents' answers in view. An **organisation's staff** see their organisation's engagements
 * only (the screen asks the server for `organisation=<theirs>`) and start, record a point d'étape
 * (percent and note) and complete with a note; never verify. Every refusal is said in words; what
 * was typed stays (and its Idempotency-Key, so a retry after a lost answer applies once).
 *
 * The « Importer un fichier CSV » step sends the export, edited, to `POST /api/engagements/import`:
 * a dry run first, its problems in a table (row, column, message), then « Appliquer » once clean.
 *
 * @fires gusp-session-ended - The session ended (a 401): the console asks to sign in again.
 * @csspart filters - The filters' form.
 * @csspart list - The list of engagements.
 * @csspart import - The CSV import's section.
 */
export class GuspConsoleEngagements extends ConsoleScreen<EngagementsData> {
  static override properties = {
    ...ConsoleScreen.properties,
    filters: { state: true },
    open: { state: true },
    sending: { state: true },
    errors: { state: true },
    said: { state: true },
    historyOpen: { state: true },
    importFile: { state: true },
    importAnswer: { state: true },
    importSending: { state: true },
    importError: { state: true },
  };

  static override styles = [
    tokens,
    css`
      section.block {
        margin-block: 0 calc(var(--_space) * 1.5);
      }
      fieldset.filters {
        display: flex;
        flex-wrap: wrap;
        gap: 0 var(--_space);
        padding: 0.75rem var(--_space);
        background: var(--_surface);
        border: 0;
        border-radius: var(--_radius);
        margin: 0 0 var(--_space);
        min-inline-size: 0;
      }
      fieldset.filters legend {
        font-weight: 600;
        padding: 0;
      }
      fieldset.filters .field {
        flex: 1 1 12rem;
        margin-block: 0 0.5rem;
      }
      ul.engagements {
        list-style: none;
        padding: 0;
        margin: 0;
      }
      li.engagement {
        padding: 0.75rem;
        margin-block: 0 0.75rem;
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        overflow-wrap: anywhere;
      }
      li.engagement.overdue {
        border-inline-start: 0.375rem solid var(--_error);
      }
      .meta {
        display: flex;
        flex-wrap: wrap;
        gap: 0.25rem 0.75rem;
        margin: 0 0 0.5rem;
        padding: 0;
        list-style: none;
      }
      .late {
        color: var(--_error);
        font-weight: 600;
      }
      progress {
        inline-size: 100%;
        max-inline-size: 24rem;
        block-size: 1rem;
      }
      .residents {
        margin-block: 0.5rem;
        padding: 0.5rem 0.75rem;
        background: var(--_surface);
        border-radius: var(--_radius);
      }
      .residents p {
        margin: 0;
      }
      .action-form {
        margin-block: 0.5rem 0;
        padding: 0.5rem 0.75rem;
        border-inline-start: 4px solid var(--_primary);
        background: var(--_surface);
      }
      ol.timeline {
        margin-block: 0.5rem 0;
        padding-inline-start: 1.25rem;
      }
      ol.timeline .who {
        color: var(--_muted);
      }
      table {
        border-collapse: collapse;
        inline-size: 100%;
        margin-block: 0.5rem;
      }
      caption {
        text-align: start;
        font-weight: 600;
      }
      th,
      td {
        text-align: start;
        vertical-align: top;
        padding: 0.25rem 0.5rem;
        border-block-end: 1px solid var(--_border);
      }
      .table-wrap {
        overflow-x: auto;
      }
      .done {
        font-weight: 600;
      }
    `,
  ];

  declare data: EngagementsData | undefined;
  declare private filters: EngagementFilters;
  /** The action form open, one at a time. */
  declare private open: { readonly id: string; readonly action: EngagementAction } | undefined;
  declare private sending: string | undefined;
  /** The refusal or failure of each engagement's last action, by engagement id. */
  declare private errors: Readonly<Record<string, string>>;
  /** What the last action did, said in the live region. */
  declare private said: string | undefined;
  declare private historyOpen: ReadonlySet<string>;
  declare private importFile: { readonly name: string; readonly text: string } | undefined;
  declare private importAnswer: ImportAnswer | undefined;
  declare private importSending: 'check' | 'apply' | undefined;
  declare private importError: string | undefined;

  /** What was typed, by `<engagement id>:<action>`: kept through failures and refusals, dropped once applied. */
  private drafts = new Map<string, Draft>();
  /** The Idempotency-Key of each action being sent, kept while the same body is retried. */
  private attempts = new Map<string, { readonly key: string; readonly body: string }>();

  protected readonly task = new Task(this, {
    args: () =>
      [
        this.apiBase,
        this.locale,
        this.given,
        this.staffRole,
        this.filters.status,
        this.filters.organisation,
        this.filters.quartier,
      ] as const,
    task: async ([base, locale, given, role, status, organisation, quartier], { signal }) => {
      if (given && this.data) return this.data;
      const init = { signal, locale };
      // An organisation's staff: their organisation, which the list is asked for (the server filters, not this screen).
      const me = role === 'organisation' ? await staffRequest<{ organisationId?: string }>(base, '/staff/me', init) : undefined;
      const own = role === 'organisation' ? me?.organisationId : undefined;
      const query = new URLSearchParams({ limit: '100' });
      if (status) query.set('status', status);
      if (own) query.set('organisation', own);
      else if (organisation) query.set('organisation', organisation);
      if (quartier) query.set('quartier', quartier);
      const page = await staffPages<{ engagements: DeskEngagement[]; city: CityProfile }>(
        base,
        `/engagements?${query}`,
        'engagements',
        init,
      );
      return { engagements: page.engagements, city: page.city, organisationId: own } satisfies EngagementsData;
    },
    onComplete: (data) => {
      this.data = data;
    },
    onError: (error) => this.sessionEnded(error),
  });

  constructor() {
    super();
    this.filters = { status: '', organisation: '', quartier: '', due: '' };
    this.errors = {};
    this.historyOpen = new Set();
  }

  private get isOrganisation(): boolean {
    return this.staffRole === 'organisation';
  }

  /* ------------------------------------------------------------ actions */

  /** The actions this person may ask for on `e`: from the lifecycle's table, for their role. */
  private actionsOf(e: Engagement): EngagementAction[] {
    const allowed = eventsFrom(engagementRules, e.status) as string[];
    return ACTION_ORDER.filter((a) => allowed.includes(a) && (!this.isOrganisation || ORGANISATION_ACTIONS.includes(a)));
  }

  private draftOf(id: string, action: EngagementAction): Draft {
    const key = `${id}:${action}`;
    let draft = this.drafts.get(key);
    if (!draft) {
      draft = emptyDraft();
      const e = this.data?.engagements.find((x) => x.id === id);
      if (action === 'accept') {
        draft.organisationId = e?.organisationId ?? '';
        draft.dueOn = e?.dueOn ?? '';
      }
      if (action === 'reschedule') draft.dueOn = e?.dueOn ?? '';
      if (action === 'progress') draft.percent = String(e?.progress ?? 0);
      this.drafts.set(key, draft);
    }
    return draft;
  }

  private toggle(id: string, action: EngagementAction): void {
    const same = this.open?.id === id && this.open.action === action;
    this.open = same ? undefined : { id, action };
    this.said = undefined;
    if (!same)
      void this.updateComplete.then(() =>
        this.shadowRoot?.querySelector<HTMLElement>(`#form-${action}-${id} :is(input, select, textarea)`)?.focus(),
      );
  }

  /** Checks the form as the core's schemas would (the server checks again): the first problem in words, or nothing. */
  private problemOf(action: EngagementAction, d: Draft): { field: keyof Draft; message: string } | undefined {
    const t = this.t.engagements;
    if (action === 'accept' && !d.organisationId) return { field: 'organisationId', message: t.required(t.organisation) };
    if ((action === 'accept' || action === 'reschedule') && !/^\d{4}-\d{2}-\d{2}$/.test(d.dueOn))
      return { field: 'dueOn', message: t.required(t.newDueOn) };
    if (action === 'progress') {
      const n = Number(d.percent);
      if (d.percent.trim() === '' || !Number.isInteger(n) || n < 0 || n > 100) return { field: 'percent', message: t.percentRange };
    }
    if (REASONED.includes(action) && d.reason.trim() === '') return { field: 'reason', message: t.required(t.reason) };
    return undefined;
  }

  private bodyOf(action: EngagementAction, d: Draft): Record<string, unknown> {
    const note = d.note.trim() ? { note: d.note.trim() } : {};
    switch (action) {
      case 'accept':
        return { organisationId: d.organisationId, dueOn: d.dueOn, ...note };
      case 'progress':
        return { percent: Number(d.percent), ...note };
      case 'reschedule':
        return { dueOn: d.dueOn, reason: d.reason.trim() };
      case 'reopen':
      case 'abandon':
        return { reason: d.reason.trim() };
      default:
        return note;
    }
  }

  /** A refusal in the desk's words for the engagements' codes, else the server's own localized message. */
  private refusal(error: unknown): string {
    const r = this.t.engagements.refusals;
    const code = error instanceof ApiRefusal ? error.error.code : undefined;
    switch (code) {
      case 'engagement.forbidden-organisation':
        return r.forbiddenOrganisation;
      case 'engagement.organisation-cannot-verify':
        return r.organisationCannotVerify;
      case 'engagement.reason-required':
        return r.reasonRequired;
      case 'engagement.due-date-in-past':
        return r.dueInPast;
      case 'engagement.invalid-transition':
        return r.invalidTransition;
      case 'engagement.not-found':
        return r.notFound;
      default:
        return this.describeError(error);
    }
  }

  private async submit(event: Event, e: Engagement, action: EngagementAction): Promise<void> {
    event.preventDefault();
    if (this.sending) return;
    const key = `${e.id}:${action}`;
    const draft = this.draftOf(e.id, action);
    const problem = this.problemOf(action, draft);
    if (problem) {
      this.errors = { ...this.errors, [e.id]: problem.message };
      await this.updateComplete;
      this.shadowRoot?.querySelector<HTMLElement>(`#${action}-${problem.field}-${e.id}`)?.focus();
      return;
    }
    const body = this.bodyOf(action, draft);
    const sent = JSON.stringify(body);
    const attempt = this.attempts.get(key);
    const idempotencyKey = attempt?.body === sent ? attempt.key : newId();
    this.attempts.set(key, { key: idempotencyKey, body: sent });
    this.sending = key;
    const { [e.id]: _, ...others } = this.errors;
    this.errors = others;
    try {
      const changed = await staffRequest<DeskEngagement>(this.apiBase, `/engagements/${encodeURIComponent(e.id)}/${action}`, {
        method: 'POST',
        json: body,
        locale: this.locale,
        headers: { 'Idempotency-Key': idempotencyKey },
      });
      this.drafts.delete(key);
      this.attempts.delete(key);
      this.open = undefined;
      this.said = this.t.engagements.done[action](e.title);
      if (this.data) this.data = { ...this.data, engagements: this.data.engagements.map((x) => (x.id === e.id ? changed : x)) };
      if (!this.given) void this.reload().catch(() => undefined);
      await this.updateComplete;
      this.shadowRoot
        ?.querySelector<HTMLElement>(
          `[data-engagement-id="${CSS.escape(e.id)}"] h3, [data-engagement-id="${CSS.escape(e.id)}"] [tabindex="-1"]`,
        )
        ?.focus();
    } catch (error) {
      this.sessionEnded(error);
      const refused = error instanceof ApiRefusal;
      // A refusal the state explains: the list again (the engagement changed meanwhile); what was typed stays.
      if (refused && error.error.code === 'engagement.invalid-transition' && !this.given) void this.reload().catch(() => undefined);
      this.errors = { ...this.errors, [e.id]: `${this.refusal(error)}${refused ? '' : ` ${this.t.engagements.kept}`}` };
      await this.updateComplete;
      this.shadowRoot?.querySelector<HTMLElement>(`#error-${e.id}`)?.focus();
    } finally {
      this.sending = undefined;
    }
  }

  /* ------------------------------------------------------------ import */

  private async chooseFile(event: Event): Promise<void> {
    const file = (event.target as HTMLInputElement).files?.[0];
    this.importAnswer = undefined;
    this.importError = undefined;
    if (!file) {
      this.importFile = undefined;
      return;
    }
    try {
      this.importFile = { name: file.name, text: await file.text() };
    } catch {
      this.importFile = undefined;
      this.importError = this.t.engagements.unreadable;
    }
  }

  private async sendImport(dryRun: boolean): Promise<void> {
    const t = this.t.engagements;
    if (this.importSending) return;
    if (!this.importFile) {
      this.importError = t.noFile;
      await this.updateComplete;
      this.shadowRoot?.querySelector<HTMLElement>('#import-file')?.focus();
      return;
    }
    this.importSending = dryRun ? 'check' : 'apply';
    this.importError = undefined;
    try {
      const answer = await staffRequest<ImportAnswer>(this.apiBase, '/engagements/import', {
        method: 'POST',
        json: { csv: this.importFile.text, dryRun },
        locale: this.locale,
      });
      this.importAnswer = answer;
      if (!dryRun && !this.given) void this.reload().catch(() => undefined);
    } catch (error) {
      this.sessionEnded(error);
      if (error instanceof ApiRefusal && error.error.code === 'engagement-import.invalid') {
        // The file changed meanwhile or the engagements did: its problems, as a dry run lists them.
        const problems = (error.error.details['problems'] ?? []) as ImportAnswer['problems'];
        this.importAnswer = {
          dryRun: true,
          rows: Number(error.error.details['rows'] ?? 0),
          changed: 0,
          unchanged: 0,
          applied: 0,
          problems,
        };
      } else this.importError = this.describeError(error);
    } finally {
      this.importSending = undefined;
    }
    await this.updateComplete;
    this.shadowRoot?.querySelector<HTMLElement>('#import-result')?.focus();
  }

  /* ------------------------------------------------------------ rendering */

  protected override render(): TemplateResult {
    const t = this.t;
    const g = t.engagements;
    const pending = this.task.status === TaskStatus.PENDING && !this.data;
    const failed = this.task.status === TaskStatus.ERROR;
    const data = failed ? undefined : this.data;
    const own = data?.organisationId ? this.organisationName(data, data.organisationId) : undefined;
    return html`<section lang=${this.locale} aria-labelledby="engagements-title" data-screen="engagements">
      ${heading(this.level(), g.title, { id: 'engagements-title' })}
      <p>${own ? g.introOrganisation(own) : g.intro}</p>
      <p class="visually-hidden" role="status" id="engagements-said">${this.said ?? ''}</p>
      ${
        failed
          ? this.loadFailure({ ids: { alert: 'engagements-failed', retry: 'engagements-retry' }, final: [403] })
          : pending || !data
            ? html`<p role="status">${t.loading}</p>`
            : html`${this.said ? html`<p class="done" aria-hidden="true">${this.said}</p>` : nothing} ${this.filtersForm(data)}
              ${this.list(data)} ${this.importSection(data)}`
      }
    </section>`;
  }

  private organisationName(data: EngagementsData, id: string | undefined): string | undefined {
    if (id === undefined) return undefined;
    const o = data.city.organisations.find((x) => x.id === id);
    return o?.name ?? id;
  }

  private quartierName(data: EngagementsData, id: string): string {
    return data.city.quartiers.find((q) => q.id === id)?.name ?? id;
  }

  private statusLabel(status: EngagementStatus): string {
    return labelIn([ENGAGEMENT_MESSAGES], `engagement.status.${status}`, this.locale);
  }

  private day(day: string): string {
    try {
      return new Intl.DateTimeFormat(intlLocale(this.locale), { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${day}T12:00:00Z`));
    } catch {
      return day;
    }
  }

  private date(iso: string, timeZone: string): string {
    try {
      return new Intl.DateTimeFormat(intlLocale(this.locale), { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(iso));
    } catch {
      return iso;
    }
  }

  private setFilter<K extends keyof EngagementFilters>(name: K, value: EngagementFilters[K]): void {
    this.filters = { ...this.filters, [name]: value };
  }

  private filtersForm(data: EngagementsData): TemplateResult {
    const g = this.t.engagements;
    const f = this.filters;
    const select = (id: string, label: string, value: string, options: TemplateResult, set: (v: string) => void) =>
      html`<div class="field">
        <label for=${id}>${label}</label>
        <select
          id=${id}
          data-filter=${id.replace('filter-', '')}
          .value=${value}
          @change=${(e: Event) => set((e.target as HTMLSelectElement).value)}
        >
          ${options}
        </select>
      </div>`;
    return html`<fieldset class="filters" part="filters">
      <legend>${g.filtersTitle}</legend>
      ${select(
        'filter-status',
        g.status,
        f.status,
        html`<option value="" ?selected=${f.status === ''}>${g.anyStatus}</option>
          ${ENGAGEMENT_STATUSES.map((s) => html`<option value=${s} ?selected=${f.status === s}>${this.statusLabel(s)}</option>`)}`,
        (v) => this.setFilter('status', v),
      )}
      ${
        data.organisationId
          ? nothing
          : select(
              'filter-organisation',
              g.organisation,
              f.organisation,
              html`<option value="" ?selected=${f.organisation === ''}>${g.anyOrganisation}</option>
                ${data.city.organisations.map((o) => html`<option value=${o.id} ?selected=${f.organisation === o.id}>${o.name}</option>`)}`,
              (v) => this.setFilter('organisation', v),
            )
      }
      ${select(
        'filter-quartier',
        g.quartier,
        f.quartier,
        html`<option value="" ?selected=${f.quartier === ''}>${g.anyQuartier}</option>
          ${data.city.quartiers.map((q) => html`<option value=${q.id} ?selected=${f.quartier === q.id}>${q.name}</option>`)}`,
        (v) => this.setFilter('quartier', v),
      )}
      ${select(
        'filter-due',
        g.due,
        f.due,
        html`<option value="" ?selected=${f.due === ''}>${g.anyDue}</option>
          <option value="overdue" ?selected=${f.due === 'overdue'}>${g.overdueOnly}</option>
          <option value="due-soon" ?selected=${f.due === 'due-soon'}>${g.dueSoonOnly}</option>`,
        (v) => this.setFilter('due', v as EngagementFilters['due']),
      )}
    </fieldset>`;
  }

  private list(data: EngagementsData): TemplateResult {
    const g = this.t.engagements;
    const now = new Date();
    const shown = data.engagements
      .map((e) => ({ e, flags: engagementFlags(e, now, data.city) }))
      .filter(({ flags }) => (this.filters.due === 'overdue' ? flags.overdue : this.filters.due === 'due-soon' ? flags.dueSoon : true));
    return html`<section class="block" aria-labelledby="engagements-list-title">
      ${heading(this.level(1), g.listTitle, { id: 'engagements-list-title', class: 'visually-hidden' })}
      <p role="status" id="engagements-count">${g.count(shown.length)}</p>
      ${
        shown.length === 0
          ? html`<p id="engagements-none">${g.none}</p>`
          : html`<ul class="engagements" part="list">
              ${shown.map(({ e, flags }) => this.item(data, e, flags))}
            </ul>`
      }
    </section>`;
  }

  private item(data: EngagementsData, e: DeskEngagement, flags: { overdue: boolean; dueSoon: boolean }): TemplateResult {
    const g = this.t.engagements;
    const organisation = this.organisationName(data, e.organisationId);
    const actions = this.actionsOf(e);
    const error = this.errors[e.id];
    const historyShown = this.historyOpen.has(e.id);
    return html`<li
      class="engagement ${flags.overdue ? 'overdue' : ''}"
      data-engagement-id=${e.id}
      data-status=${e.status}
      aria-labelledby="title-${e.id}"
    >
      ${heading(this.level(1), e.title, { id: `title-${e.id}`, tabindex: '-1' })}
      <ul class="meta">
        <li><span class="badge" data-status-badge>${this.statusLabel(e.status)}</span></li>
        <li data-organisation>${organisation ?? g.noOrganisation}</li>
        <li>${this.quartierName(data, e.quartierId)}</li>
        <li>${e.dueOn ? g.dueOn(this.day(e.dueOn)) : g.noDueDate}</li>
        ${flags.overdue ? html`<li class="late" data-overdue>${g.overdue}</li>` : flags.dueSoon ? html`<li data-due-soon>${g.dueSoon}</li>` : nothing}
      </ul>
      ${e.description ? html`<p>${e.description}</p>` : nothing}
      <p id="progress-${e.id}" data-progress=${e.progress}>${g.progress(e.progress)}</p>
      <progress max="100" .value=${e.progress} aria-labelledby="progress-${e.id}"></progress>
      ${this.residents(e)} ${error ? html`<p class="error" role="alert" id="error-${e.id}" tabindex="-1" data-error>${error}</p>` : nothing}
      <div class="actions">
        ${actions.map(
          (action) =>
            html`<button
              type="button"
              class=${this.open?.id === e.id && this.open.action === action ? '' : 'secondary'}
              data-action=${action}
              aria-expanded=${this.open?.id === e.id && this.open.action === action ? 'true' : 'false'}
              aria-controls=${this.open?.id === e.id && this.open.action === action ? `form-${action}-${e.id}` : nothing}
              aria-label=${g.actionFor(g.actions[action], e.title)}
              @click=${() => this.toggle(e.id, action)}
            >
              ${g.actions[action]}
            </button>`,
        )}
        <button
          type="button"
          class="secondary"
          data-history
          aria-expanded=${historyShown ? 'true' : 'false'}
          aria-label=${g.history(e.title)}
          aria-controls=${historyShown ? `history-${e.id}` : nothing}
          @click=${() => {
            const next = new Set(this.historyOpen);
            if (next.has(e.id)) next.delete(e.id);
            else next.add(e.id);
            this.historyOpen = next;
          }}
        >
          ${g.historyTitle}
        </button>
      </div>
      ${this.open?.id === e.id ? this.actionForm(data, e, this.open.action) : nothing} ${historyShown ? this.timeline(data, e) : nothing}
    </li>`;
  }

  private residents(e: DeskEngagement): TemplateResult | typeof nothing {
    const g = this.t.engagements;
    const a = e.residentAnswers;
    const any = a !== undefined && a.yes + a.partly + a.no > 0;
    // Asked once it is done; an engagement reopened since keeps the earlier answers in view.
    if (!any && e.status !== 'done' && e.status !== 'verified') return nothing;
    return html`<div class="residents" data-residents>
      <p><strong>${g.residents}</strong></p>
      <p data-resident-answers>${any ? g.residentAnswers(a.yes, a.partly, a.no) : g.residentsNone}</p>
      ${e.residentsSaidNo ? html`<p class="late" data-residents-said-no>${g.residentsSaidNo}</p>` : nothing}
    </div>`;
  }

  private timeline(data: EngagementsData, e: Engagement): TemplateResult {
    const g = this.t.engagements;
    return html`<div id="history-${e.id}" data-timeline>
      ${heading(this.level(2), g.historyTitle, { id: `history-title-${e.id}` })}
      ${
        e.milestones.length === 0
          ? html`<p>${g.historyEmpty}</p>`
          : html`<ol class="timeline" aria-labelledby="history-title-${e.id}">
              ${e.milestones.map((m) => {
                const who = milestoneActorLabel(m.by, data.city, this.locale);
                const parts = [
                  g.milestones[m.kind] ?? m.kind,
                  m.percent !== undefined ? `${m.percent} %` : undefined,
                  m.dueOn ? g.dueOn(this.day(m.dueOn)) : undefined,
                  m.kind === 'accepted' && m.organisationId ? this.organisationName(data, m.organisationId) : undefined,
                ].filter(Boolean);
                return html`<li data-milestone=${m.kind}>
                  <time datetime=${m.at}>${this.date(m.at, data.city.timezone)}</time> — ${parts.join(' · ')}
                  ${who ? html`<span class="who" data-by>(${g.by(who)})</span>` : nothing} ${m.note ? html`<br />${m.note}` : nothing}
                </li>`;
              })}
            </ol>`
      }
    </div>`;
  }

  private actionForm(data: EngagementsData, e: DeskEngagement, action: EngagementAction): TemplateResult {
    const g = this.t.engagements;
    const d = this.draftOf(e.id, action);
    const id = (field: string) => `${action}-${field}-${e.id}`;
    const sending = this.sending === `${e.id}:${action}`;
    const set = (field: keyof Draft) => (ev: Event) => {
      d[field] = (ev.target as HTMLInputElement).value;
    };
    const textField = (field: 'note' | 'reason', label: string, hint: string, required: boolean) =>
      html`<div class="field">
        <label for=${id(field)}>${label}</label>
        <span class="hint" id="${id(field)}-hint">${hint}</span>
        <textarea
          id=${id(field)}
          data-field=${field}
          rows="3"
          ?required=${required}
          aria-describedby="${id(field)}-hint"
          .value=${d[field]}
          @input=${set(field)}
        ></textarea>
      </div>`;
    return html`<form
      class="action-form"
      id="form-${action}-${e.id}"
      data-form=${action}
      aria-labelledby="form-title-${action}-${e.id}"
      novalidate
      @submit=${(ev: Event) => void this.submit(ev, e, action)}
    >
      ${heading(this.level(2), g.formTitle(g.actions[action], e.title), { id: `form-title-${action}-${e.id}` })}
      ${
        action === 'verify' || action === 'reopen'
          ? html`<p>${g.verifyWithAnswers}</p>
              ${this.residents(e)}`
          : nothing
      }
      ${
        action === 'accept'
          ? html`<div class="field">
              <label for=${id('organisationId')}>${g.organisation}</label>
              <select id=${id('organisationId')} data-field="organisationId" required @change=${set('organisationId')}>
                <option value="" ?selected=${!d.organisationId}>${g.chooseOrganisation}</option>
                ${data.city.organisations.map((o) => html`<option value=${o.id} ?selected=${o.id === d.organisationId}>${o.name}</option>`)}
              </select>
            </div>`
          : nothing
      }
      ${
        action === 'accept' || action === 'reschedule'
          ? html`<div class="field">
              <label for=${id('dueOn')}>${g.newDueOn}</label>
              <input
                id=${id('dueOn')}
                data-field="dueOn"
                type="date"
                required
                .value=${d.dueOn}
                @input=${set('dueOn')}
                @change=${set('dueOn')}
              />
            </div>`
          : nothing
      }
      ${
        action === 'progress'
          ? html`<div class="field">
              <label for=${id('percent')}>${g.percent}</label>
              <span class="hint" id="${id('percent')}-hint">${g.percentHint}</span>
              <input
                id=${id('percent')}
                data-field="percent"
                type="number"
                inputmode="numeric"
                min="0"
                max="100"
                step="1"
                required
                aria-describedby="${id('percent')}-hint"
                .value=${d.percent}
                @input=${set('percent')}
              />
            </div>`
          : nothing
      }
      ${REASONED.includes(action) ? textField('reason', g.reason, g.reasonHint, true) : textField('note', g.note, g.noteHint, false)}
      <div class="actions">
        <button type="submit" data-submit=${action} aria-disabled=${sending ? 'true' : 'false'}>
          ${sending ? g.sending : g.send[action]}
        </button>
        <button type="button" class="secondary" @click=${() => this.toggle(e.id, action)}>${g.cancel}</button>
      </div>
    </form>`;
  }

  private importSection(data: EngagementsData): TemplateResult {
    const g = this.t.engagements;
    const answer = this.importAnswer;
    const exportQuery = new URLSearchParams({ delimiter: ';', bom: '1' });
    if (data.organisationId) exportQuery.set('organisation', data.organisationId);
    const clean = answer !== undefined && answer.problems.length === 0;
    return html`<section class="block" part="import" data-part="import" aria-labelledby="import-title">
      ${heading(this.level(1), g.importTitle, { id: 'import-title' })}
      <p>${g.importIntro}</p>
      <p class="hint">${g.importColumns}</p>
      <p><a href="${this.apiBase}/engagements.csv?${exportQuery}" download="engagements.csv" data-export>${g.downloadExport}</a></p>
      <div class="field">
        <label for="import-file">${g.file}</label>
        <span class="hint" id="import-file-hint">${g.fileHint}</span>
        <input
          id="import-file"
          type="file"
          accept=".csv,text/csv"
          aria-describedby="import-file-hint"
          aria-invalid=${this.importError ? 'true' : 'false'}
          @change=${(e: Event) => void this.chooseFile(e)}
        />
      </div>
      ${this.importError ? html`<p class="error" role="alert" id="import-error">${this.importError}</p>` : nothing}
      <div class="actions">
        <button
          type="button"
          id="import-check"
          class=${clean && answer.dryRun ? 'secondary' : ''}
          aria-disabled=${this.importSending ? 'true' : 'false'}
          @click=${() => void this.sendImport(true)}
        >
          ${this.importSending === 'check' ? g.checking : g.check}
        </button>
        ${
          clean && answer.dryRun && answer.changed > 0
            ? html`<button
                type="button"
                id="import-apply"
                aria-disabled=${this.importSending ? 'true' : 'false'}
                @click=${() => void this.sendImport(false)}
              >
                ${this.importSending === 'apply' ? g.applying : g.apply}
              </button>`
            : nothing
        }
      </div>
      ${answer ? this.importResult(answer) : nothing}
    </section>`;
  }

  private importResult(answer: ImportAnswer): TemplateResult {
    const g = this.t.engagements;
    if (answer.problems.length > 0) {
      return html`<div id="import-result" tabindex="-1" data-import-result="problems">
        <p class="error" role="alert">${g.problemsTitle(answer.problems.length)}</p>
        <div class="table-wrap">
          <table data-problems>
            <caption>
              ${g.problemsCaption}
            </caption>
            <thead>
              <tr>
                <th scope="col">${g.row}</th>
                <th scope="col">${g.column}</th>
                <th scope="col">${g.message}</th>
              </tr>
            </thead>
            <tbody>
              ${answer.problems.map(
                (p) =>
                  html`<tr data-row=${p.row} data-column=${p.column} data-code=${p.code}>
                    <td>${p.row}</td>
                    <td>${p.column || g.wholeRow}</td>
                    <td>${p.message}</td>
                  </tr>`,
              )}
            </tbody>
          </table>
        </div>
      </div>`;
    }
    const text = answer.dryRun
      ? answer.changed === 0
        ? g.nothingToApply
        : g.clean(answer.rows, answer.changed, answer.unchanged)
      : g.applied(answer.applied, answer.changed, answer.unchanged);
    return html`<p id="import-result" tabindex="-1" role="status" class="done" data-import-result=${answer.dryRun ? 'clean' : 'applied'}>
      ${text}
    </p>`;
  }
}
