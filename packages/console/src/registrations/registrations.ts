// SPDX-License-Identifier: EUPL-1.2
import {
  ACTOR_ROLES,
  AccessibilityNeed,
  FIELD_MESSAGES,
  findOrganisation,
  findQuartier,
  labelIn,
  localName,
  newId,
  PromoteInput,
  REGISTRATION_MESSAGES,
  refusalsOf,
  registrationRules,
  ROLE_MESSAGES,
  seatsLeft,
  StaffRegisterInput,
  CancelOnBehalfInput,
  validate,
  type ActorRole,
  type CityProfile,
  type FieldIssue,
  type Registration,
  type RegistrationStatus,
} from '@gusp/core';
import { nameErrors, type ShownError } from '@gusp/elements/shared/error-summary.js';
import { FormController, type FormConfig } from '@gusp/elements/shared/form-controller.js';
import { heading } from '@gusp/elements/shared/heading.js';
import { Task, TaskStatus } from '@lit/task';
import { css, html, nothing, type TemplateResult } from 'lit';
import { hrefOf } from '../app/routes.js';
import { ApiRefusal, setCsrfToken, staffRequest } from '../internal/api.js';
import { ConsoleScreen } from '../internal/console-screen.js';
import type { StaffRole } from '../internal/events.js';
import {
  gatheringOf,
  gatheringPath,
  kindOf,
  meetingOf,
  wordsFor,
  type GatheringKind,
  type GatheringSummary,
} from '../internal/gathering.js';
import type { RegistrationsTexts } from '../translations/registrations.js';
import { formParts, tokens } from '../styles/tokens.js';

/** A registration as `GET /api/walks/:walkId/registrations` lists it: everything but the cancel token. */
export type ListedRegistration = Omit<Registration, 'cancelToken'>;

/** `GET /api/walks/:walkId/needs`: the needs summary, counts only. */
export interface WalkNeeds {
  readonly among: 'registered' | 'attended';
  readonly people: number;
  readonly withNeeds: number;
  readonly counts: readonly { readonly need: AccessibilityNeed; readonly count: number }[];
  readonly notes: number;
  /** « 2 fauteuils roulants, 1 interprète », in the request's language. */
  readonly text: string;
}

/**
 * What the screen shows: the walk (`GET /api/walks/:id`) or the workshop (`GET /api/workshops/:id`),
 * its registrations, its needs, and who is signed in.
 */
export interface RegistrationsData {
  readonly summary: GatheringSummary;
  readonly city: CityProfile;
  readonly registrations: readonly ListedRegistration[];
  readonly needs: WalkNeeds;
  /** The signed-in person's role: promoting is for coordinators (the server says so too). Unknown: the button is shown. */
  readonly role?: StaffRole | undefined;
}

/** From how many registrations the list has a search box and a status filter. */
export const FILTER_FROM = 8;

/** The statuses the list can be filtered on, in lifecycle order. */
const FILTER_STATUSES: readonly RegistrationStatus[] = ['confirmed', 'waitlisted', 'attended', 'absent', 'cancelled', 'removed'];
/** Walks whose registrations staff may still change (cancel, promote): not started. */
const CHANGEABLE = ['draft', 'open', 'closed'];
/** Walks that take a phone-in: published and not started (the core's `publishedNotStarted`). */
const PHONE_IN = ['open', 'closed'];
const MESSAGES = [REGISTRATION_MESSAGES, FIELD_MESSAGES];
/** The languages GUSP writes to people in (the core's emails), each named in itself. */
const PERSON_LANGUAGES = [
  ['fr', 'Français'],
  ['en', 'English'],
] as const;

/** The phone-in form's values (and its draft). */
export interface PhoneInValues {
  name: string;
  phone: string;
  email: string;
  role: ActorRole;
  /** The language the person is written to in (their emails); the city's by default. */
  locale: string;
  needs: AccessibilityNeed[];
  needsNote: string;
  overCapacity: string;
  consent: boolean;
}

type Target = 'form' | 'name' | 'contact' | 'phone' | 'email' | 'role' | 'locale' | 'needs' | 'needsNote' | 'overCapacity' | 'consent';

const phoneInConfig = (draftKey: () => string | undefined): FormConfig<PhoneInValues, Target> => ({
  order: ['form', 'name', 'contact', 'phone', 'email', 'role', 'locale', 'needs', 'needsNote', 'overCapacity', 'consent'],
  controlId: {
    name: 'phone-in-name',
    contact: 'phone-in-phone',
    phone: 'phone-in-phone',
    email: 'phone-in-email',
    role: 'phone-in-role',
    locale: 'phone-in-locale',
    needs: `phone-in-need-${AccessibilityNeed.options[0]}`,
    needsNote: 'phone-in-needs-note',
    overCapacity: 'phone-in-over-capacity',
    consent: 'phone-in-consent',
  },
  codeTarget: {
    'registration.duplicate-email': 'email',
    'registration.contact-required': 'contact',
    'registration.consent-required': 'consent',
    'registration.over-capacity-reason-required': 'overCapacity',
  },
  messages: MESSAGES,
  empty: () => ({
    name: '',
    phone: '',
    email: '',
    role: 'resident',
    locale: '',
    needs: [],
    needsNote: '',
    overCapacity: '',
    consent: false,
  }),
  draftKey,
  valid: {
    role: (v) => (ACTOR_ROLES as readonly unknown[]).includes(v),
    locale: (v) => v === '' || PERSON_LANGUAGES.some(([tag]) => tag === v),
    needs: (v) => Array.isArray(v) && v.every((n) => (AccessibilityNeed.options as readonly unknown[]).includes(n)),
  },
  // Consent is asked afresh on each call.
  notKept: { consent: false },
});

/** The confirmation step of a cancellation or a promotion beyond the capacity, in the person's card. */
interface PendingAction {
  readonly kind: 'cancel' | 'promote';
  readonly id: string;
  reason: string;
  error?: string | undefined;
  sending?: boolean;
}

/** Lower case, without accents: « Zoé » is found by « zoe ». */
const folded = (s: string | undefined) => (s ?? '').normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/**
 * `<gusp-console-registrations walk-id>`: one walk's registrations for staff. At the top, the needs
 * to plan for (`GET /api/walks/:id/needs`: « 2 fauteuils roulants, 1 interprète »), links back to the
 * walks, on to the walk's day, to the printable day sheet and to the CSV export; then the phone-in
 * form (`POST …/registrations/by-staff`, checked with the core's schema and registration rules before
 * it is sent, one `Idempotency-Key` per attempt, nothing typed lost on a failure); then the list
 * (`GET …/registrations`: role, contact, needs, status, channel; a search and a status filter once it
 * is long), each person with « Annuler l'inscription » (a confirmation, an optional reason:
 * `…/cancel-on-behalf`) and, on the waiting list, « Inscrire » (`…/promote`; beyond the capacity only
 * with a reason). Loading, failure, refusal and an empty list each say so: never a blank screen.
 *
 * Stable ids (what journeys drive): `#phone-in-name`, `#phone-in-phone`, `#phone-in-email`,
 * `#phone-in-role`, `#phone-in-need-<need>`, `#phone-in-needs-note`, `#phone-in-over-capacity`,
 * `#phone-in-consent`, `#phone-in-submit`, `#phone-in-done`; `button[data-cancel="<registrationId>"]`,
 * then `#cancel-reason` and `#cancel-confirm` (`#cancel-keep`); `button[data-promote="<registrationId>"]`,
 * then (walk full) `#promote-reason` and `#promote-confirm`; `#day-sheet`, `#export-csv`,
 * `#back-to-walks`, `#to-day`; `#registrations-search`, `#registrations-status`; each person's card
 * `li[data-registration="<registrationId>"]`.
 *
 * `gathering="workshop"`: the same screen for a workshop of a concerted project (`walk-id` is then
 * the workshop's id): the same routes under `/workshops/:id/…`, its own words, back to its project
 * (`#back-to-walks` leads to `#project/<projectId>`), no day sheet.
 *
 * @csspart needs - The needs summary.
 * @csspart phone-in - The phone-in form.
 * @csspart list - The registrations.
 */
export class GuspConsoleRegistrations extends ConsoleScreen<RegistrationsData> {
  static override properties = {
    ...ConsoleScreen.properties,
    walkId: { type: String, attribute: 'walk-id', reflect: true },
    gathering: { type: String, reflect: true },
    query: { state: true },
    statusFilter: { state: true },
    action: { state: true },
    message: { state: true },
    phoneInDone: { state: true },
    phase: { state: true },
  };

  static override styles = [
    tokens,
    formParts,
    css`
      nav ul,
      .registrations > ul {
        list-style: none;
        padding: 0;
        margin: 0 0 var(--_space);
      }
      nav ul {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 1.25rem;
      }
      dt::after {
        content: ' :';
      }
      :host(:lang(en)) dt::after {
        content: ':';
      }
      .needs-text {
        font-size: 1.15rem;
        font-weight: 600;
        margin-block: 0 0.25rem;
      }
      form,
      fieldset.filters {
        padding: 0.75rem var(--_space);
        background: var(--_surface);
        border: 0;
        border-radius: var(--_radius);
        margin: 0 0 var(--_space);
      }
      .registration {
        padding: 0.5rem 0.75rem;
        margin-block: 0 0.5rem;
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
      }
      .registration .who {
        margin: 0 0 0.25rem;
        overflow-wrap: anywhere;
      }
      .badge.cancelled,
      .badge.removed {
        color: var(--_error);
      }
      .tag {
        font-weight: 600;
      }
      .confirm {
        margin-block: 0.5rem 0;
      }
      .confirm .title {
        font-weight: 600;
        margin-block: 0 0.5rem;
      }
    `,
  ];

  /** The walk the screen is about (or the workshop, with `gathering="workshop"`). */
  declare walkId: string | undefined;
  /** `workshop`: `walk-id` is a workshop's; a walk's by default. */
  declare gathering: GatheringKind | undefined;
  /** The data shown; set by the screen when it loads, or given (a story, a test). */
  declare data: RegistrationsData | undefined;
  /** The search box's text. */
  declare private query: string;
  /** The status filter's choice; empty for all. */
  declare private statusFilter: string;
  /** The confirmation step open in one person's card, if any. */
  declare private action: PendingAction | undefined;
  /** What the last cancellation or promotion did (or why not), said in the live region above the list. */
  declare private message: string;
  /** What the last phone-in did, said in the live region after the form. */
  declare private phoneInDone: string;
  /** The phone-in form: typing, sending, or its send failed for want of an answer. */
  declare private phase: 'editing' | 'sending' | 'failed';

  /** The Idempotency-Key of the phone-in being sent, kept while the same answers are resent. */
  private attempt: { readonly key: string; readonly body: string } | undefined;
  /** The same for the cancellation or promotion being sent. */
  private actionAttempt: { readonly key: string; readonly body: string } | undefined;

  private readonly form = new FormController<PhoneInValues, Target>(
    this,
    phoneInConfig(() =>
      this.walkId ? `gusp-console-phone-in:${this.gathering === 'workshop' ? 'workshop:' : ''}${this.walkId}` : undefined,
    ),
  );

  protected readonly task = new Task(this, {
    args: () => [this.apiBase, this.walkId ?? '', this.gathering, this.locale, this.given] as const,
    task: async ([base, walkId, kind, locale, given], { signal }): Promise<RegistrationsData | undefined> => {
      if (given && this.data) return this.data;
      if (!walkId) return undefined;
      const path = (suffix = '') => gatheringPath(kind, walkId, suffix);
      const init = { signal, locale };
      const [walk, list, needs, me] = await Promise.all([
        staffRequest<GatheringSummary & { city: CityProfile }>(base, path(), init),
        staffRequest<{ registrations: ListedRegistration[] }>(base, path('/registrations'), init),
        staffRequest<WalkNeeds>(base, path('/needs'), init),
        // Who is signed in: the role (promoting is for coordinators), and the CSRF token of an embedded screen.
        staffRequest<{ role: StaffRole; session?: { csrfToken: string } }>(base, '/staff/me', init).catch(() => undefined),
      ]);
      if (me?.session?.csrfToken) setCsrfToken(base, me.session.csrfToken);
      const { city, ...summary } = walk;
      return { summary, city, registrations: list.registrations, needs, role: me?.role };
    },
    onComplete: (data) => {
      if (data) this.data = data;
    },
    onError: (error) => this.sessionEnded(error),
  });

  constructor() {
    super();
    this.query = '';
    this.statusFilter = '';
    this.action = undefined;
    this.message = '';
    this.phoneInDone = '';
    this.phase = 'editing';
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    // Another walk: nothing of the last one stays on screen.
    if ((changed.has('walkId') || changed.has('gathering')) && changed.get('walkId') !== undefined && !this.given) {
      this.data = undefined;
      this.action = undefined;
      this.message = '';
      this.phoneInDone = '';
    }
  }

  /** The screen's words: a workshop's over a walk's. */
  private get r(): RegistrationsTexts {
    return wordsFor(this.kind, this.t.registrations, this.t.registrations.workshop);
  }

  /** What the screen is about: the data's kind once loaded, else the `gathering` asked. */
  private get kind(): GatheringKind {
    return this.data ? kindOf(this.data.summary) : (this.gathering ?? 'walk');
  }

  private label(key: string): string {
    return labelIn([REGISTRATION_MESSAGES, ROLE_MESSAGES], key, this.locale);
  }

  /**
   * `?lang=` for what opens in a new tab or downloads (the day sheet, the CSV): in the screen's
   * language rather than the browser's, when the server speaks it (French, English).
   */
  private get langQuery(): string {
    const lang = this.locale.toLowerCase().split('-')[0] ?? '';
    return ['fr', 'en'].includes(lang) ? `?lang=${lang}` : '';
  }

  private walkPath(suffix = ''): string {
    return gatheringPath(this.kind, this.data ? gatheringOf(this.data.summary).id : (this.walkId ?? ''), suffix);
  }

  /* ---------------------------------------------------------------- render */

  protected override render(): TemplateResult {
    const t = this.t;
    const failed = this.task.status === TaskStatus.ERROR;
    const data = this.data;
    const title = data ? this.r.titleOf(this.walkName(data)) : this.r.title;
    return html`<section lang=${this.locale} aria-labelledby="registrations-title" data-screen="registrations">
      ${heading(this.level(), title, { id: 'registrations-title', tabindex: '-1' })}
      ${
        !this.walkId && !data
          ? html`<p class="notice" role="status">${t.noWalkChosen}</p>`
          : failed && !data
            ? this.failure()
            : !data
              ? html`<p role="status">${t.loading}</p>`
              : html`${failed ? this.failure(this.r.reloadFailed) : nothing} ${this.screen(data)}`
      }
    </section>`;
  }

  /** The load's failure; a refusal a retry cannot change (no access, no such walk) has the links instead of « Réessayer ». */
  private failure(prefix?: string): TemplateResult {
    return this.loadFailure({ prefix, ids: { alert: 'load-error', retry: 'retry' }, final: [401, 403, 404], instead: this.links() });
  }

  private walkName(data: RegistrationsData): string {
    const walk = gatheringOf(data.summary);
    const quartier = findQuartier(data.city, walk.quartierId);
    return walk.title ?? this.r.walkOf(quartier ? localName(quartier, this.locale) : walk.quartierId);
  }

  private screen(data: RegistrationsData): TemplateResult {
    const t = this.t;
    const r = this.r;
    const { summary, city } = data;
    const meeting = meetingOf(gatheringOf(summary));
    const when = this.localize.date(gatheringOf(summary).startsAt, { dateStyle: 'full', timeStyle: 'short', timeZone: city.timezone });
    return html`<dl class="facts">
        <div>
          <dt>${r.when}</dt>
          <dd>${when}</dd>
        </div>
        ${
          meeting
            ? html`<div>
                <dt>${r.meetingPoint}</dt>
                <dd>${meeting.label}</dd>
              </div>`
            : nothing
        }
        <div>
          <dt>${r.walkStatus}</dt>
          <dd>${t.statuses[summary.status] ?? summary.status}</dd>
        </div>
        <div>
          <dt>${r.seats}</dt>
          <dd>${t.seats(summary.confirmed, summary.seatsLeft, summary.capacity, summary.waitlisted)}</dd>
        </div>
      </dl>
      ${this.links()} ${this.needs(data)}
      <p class="done" role="status" id="action-done" tabindex="-1">${this.message}</p>
      ${this.phoneIn(data)} ${this.list(data)}`;
  }

  private links(): TemplateResult {
    const r = this.r;
    const kind = this.kind;
    const shown = this.data ? gatheringOf(this.data.summary) : undefined;
    const id = shown?.id ?? this.walkId ?? '';
    // A workshop's way back is its project (once known), a walk's the list of walks.
    const back = shown && 'projectId' in shown ? hrefOf('project', shown.projectId) : hrefOf(kind === 'workshop' ? 'projects' : 'walks');
    return html`<nav aria-label=${r.links}>
      <ul>
        <li><a id="back-to-walks" href=${back}>${r.backToWalks}</a></li>
        ${
          id
            ? html`<li><a id="to-day" href=${hrefOf('day', id, kind)}>${r.toDay}</a></li>
                ${
                  kind === 'workshop'
                    ? nothing
                    : html`<li>
                        <a
                          id="day-sheet"
                          href=${`${this.apiBase}${this.walkPath('/day-sheet.html')}${this.langQuery}`}
                          target="_blank"
                          rel="noopener"
                          >${r.daySheet} <span class="visually-hidden">${r.newTab}</span></a
                        >
                      </li>`
                }
                <li>
                  <a
                    id="export-csv"
                    href=${`${this.apiBase}${this.walkPath('/registrations.csv')}${this.langQuery}`}
                    download=${`registrations-${kind === 'workshop' ? 'workshop-' : ''}${id}.csv`}
                    >${r.exportCsv}</a
                  >
                </li>`
            : nothing
        }
      </ul>
    </nav>`;
  }

  private needs(data: RegistrationsData): TemplateResult {
    const r = this.r;
    const { needs } = data;
    return html`<section class="block" part="needs" aria-labelledby="needs-title">
      ${heading(this.level(1), r.needsTitle, { id: 'needs-title' })}
      <p class="needs-text" id="needs-text">${needs.text}</p>
      <p>${r.needsCounted(needs.withNeeds, needs.people)}${needs.notes > 0 ? html` ${r.needsNotes(needs.notes)}` : nothing}</p>
    </section>`;
  }

  /* ---------------------------------------------------------------- the list */

  private visible(data: RegistrationsData): ListedRegistration[] {
    const q = folded(this.query.trim());
    const digits = this.query.replace(/\D/g, '');
    return data.registrations.filter((reg) => {
      if (this.statusFilter && reg.status !== this.statusFilter) return false;
      if (!q) return true;
      if ([reg.name, reg.email].some((v) => folded(v).includes(q))) return true;
      return digits.length >= 2 && (reg.phone ?? '').replace(/\D/g, '').includes(digits);
    });
  }

  private list(data: RegistrationsData): TemplateResult {
    const r = this.r;
    const all = data.registrations;
    const shown = this.visible(data);
    const collator = new Intl.Collator(this.locale, { sensitivity: 'base', numeric: true });
    const waitlisted = all.filter((x) => x.status === 'waitlisted');
    const seated = shown
      .filter((x) => x.status === 'confirmed' || x.status === 'attended')
      .sort((a, b) => collator.compare(a.name, b.name));
    const waiting = shown.filter((x) => x.status === 'waitlisted');
    const ended = shown.filter((x) => !['confirmed', 'attended', 'waitlisted'].includes(x.status));
    const group = (key: 'seated' | 'waiting' | 'ended', items: ListedRegistration[]) =>
      items.length === 0
        ? nothing
        : html`${heading(this.level(2), r.groups[key](items.length), { id: `group-${key}` })}
            <ul aria-labelledby=${`group-${key}`}>
              ${items.map((x) => this.registration(data, x, waitlisted.indexOf(x) + 1))}
            </ul>`;
    return html`<section class="block registrations" part="list" aria-labelledby="list-title">
      ${heading(this.level(1), r.listTitle, { id: 'list-title' })} ${all.length >= FILTER_FROM ? this.filters() : nothing}
      <p id="list-count" role="status">
        ${all.length === 0 ? r.noRegistrations : shown.length === 0 ? r.noMatch : r.shown(shown.length, all.length)}
      </p>
      ${CHANGEABLE.includes(gatheringOf(data.summary).status) || all.length === 0 ? nothing : html`<p class="notice">${r.actionsClosed}</p>`}
      ${group('seated', seated)} ${group('waiting', waiting)} ${group('ended', ended)}
    </section>`;
  }

  private filters(): TemplateResult {
    const r = this.r;
    return html`<fieldset class="filters">
      <legend>${r.filters}</legend>
      <div class="field">
        <label for="registrations-search">${r.search}</label>
        <span class="hint" id="registrations-search-hint">${r.searchHint}</span>
        <input
          id="registrations-search"
          type="search"
          autocomplete="off"
          aria-describedby="registrations-search-hint"
          .value=${this.query}
          @input=${(e: Event) => (this.query = (e.target as HTMLInputElement).value)}
        />
      </div>
      <div class="field">
        <label for="registrations-status">${r.statusFilter}</label>
        <select id="registrations-status" @change=${(e: Event) => (this.statusFilter = (e.target as HTMLSelectElement).value)}>
          <option value="" ?selected=${!this.statusFilter}>${r.allStatuses}</option>
          ${FILTER_STATUSES.map(
            (s) => html`<option value=${s} ?selected=${s === this.statusFilter}>${this.label(`registration.status.${s}`)}</option>`,
          )}
        </select>
      </div>
    </fieldset>`;
  }

  private registration(data: RegistrationsData, reg: ListedRegistration, position: number): TemplateResult {
    const r = this.r;
    const organisation = reg.organisationId ? findOrganisation(data.city, reg.organisationId) : undefined;
    const role = `${this.label(`role.${reg.role}`)}${organisation ? ` – ${localName(organisation, this.locale)}` : ''}`;
    const channel = reg.channel ?? 'online';
    const phoneOnly = (reg.phone ?? '').trim() !== '' && (reg.email ?? '').trim() === '';
    const name = reg.anonymised || !reg.name.trim() ? r.anonymised : reg.name;
    const changeable = CHANGEABLE.includes(gatheringOf(data.summary).status);
    const canCancel = changeable && (reg.status === 'confirmed' || reg.status === 'waitlisted') && !reg.anonymised;
    const canPromote = changeable && reg.status === 'waitlisted' && (this.staffRole ?? data.role) !== 'agent' && !reg.anonymised;
    const registeredOn = this.localize.date(reg.registeredAt, { dateStyle: 'medium', timeZone: data.city.timezone });
    const needs = reg.needs.map((n) => r.needOption[n] ?? n).join(', ');
    return html`<li class="registration" data-registration=${reg.id} data-status=${reg.status}>
      <p class="who">
        <strong>${name}</strong>
        <span class="badge ${reg.status}"
          >${this.label(`registration.status.${reg.status}`)}${
            reg.status === 'waitlisted' && position > 0 ? `, ${r.position(position)}` : ''
          }</span
        >
      </p>
      <dl>
        <div>
          <dt>${r.role}</dt>
          <dd>${role}</dd>
        </div>
        <div>
          <dt>${r.contact}</dt>
          <dd>
            ${reg.phone ? html`<a href=${`tel:${reg.phone.replace(/[^0-9+]/g, '')}`}>${reg.phone}</a>` : nothing}
            ${reg.phone && reg.email ? html`<br />` : nothing}
            ${reg.email ? html`<a href=${`mailto:${reg.email}`}>${reg.email}</a>` : nothing}
            ${!reg.phone && !reg.email ? r.noContact : nothing} ${phoneOnly ? html`<br /><span class="tag">${r.phoneOnly}</span>` : nothing}
          </dd>
        </div>
        <div>
          <dt>${r.needs}</dt>
          <dd>${needs || r.noNeeds}${reg.needsNote ? html`<br />« ${reg.needsNote} »` : nothing}</dd>
        </div>
        <div>
          <dt>${r.channel}</dt>
          <dd>${this.label(`registration.channel.${channel}`)}, ${registeredOn}</dd>
        </div>
        ${
          reg.overCapacityReason
            ? html`<div>
                <dt>${r.overCapacityShown}</dt>
                <dd>${reg.overCapacityReason}</dd>
              </div>`
            : nothing
        }
        ${
          reg.cancelReason
            ? html`<div>
                <dt>${r.cancelReasonShown}</dt>
                <dd>${reg.cancelReason}</dd>
              </div>`
            : nothing
        }
      </dl>
      ${
        canCancel || canPromote
          ? html`<div class="actions">
              ${
                canPromote
                  ? html`<button type="button" data-promote=${reg.id} @click=${() => void this.promote(data, reg)}>
                      ${r.promote}<span class="visually-hidden">${r.promoteWho(name)}</span>
                    </button>`
                  : nothing
              }
              ${
                canCancel
                  ? html`<button
                      type="button"
                      class="secondary"
                      data-cancel=${reg.id}
                      aria-expanded=${this.action?.kind === 'cancel' && this.action.id === reg.id ? 'true' : 'false'}
                      @click=${() => void this.open('cancel', reg.id)}
                    >
                      ${r.cancel}<span class="visually-hidden">${r.cancelWho(name)}</span>
                    </button>`
                  : nothing
              }
            </div>`
          : nothing
      }
      ${this.action?.id === reg.id ? this.confirmation(data, reg, name, this.action) : nothing}
    </li>`;
  }

  /* ---------------------------------------------------------------- cancel and promote */

  private async open(kind: PendingAction['kind'], id: string): Promise<void> {
    this.action = { kind, id, reason: '' };
    this.actionAttempt = undefined;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`#${kind}-reason`)?.focus();
  }

  /** Closes the confirmation step and gives the focus back to the button that opened it. */
  private async close(): Promise<void> {
    const action = this.action;
    this.action = undefined;
    if (!action) return;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`button[data-${action.kind}="${CSS.escape(action.id)}"]`)?.focus();
  }

  private confirmation(data: RegistrationsData, reg: ListedRegistration, name: string, action: PendingAction): TemplateResult {
    const r = this.r;
    const cancel = action.kind === 'cancel';
    const k = action.kind;
    return html`<form
      class="confirm"
      aria-labelledby="${k}-title"
      novalidate
      @submit=${(e: Event) => {
        e.preventDefault();
        void (cancel ? this.cancel(reg, name) : this.promote(data, reg, true));
      }}
      @keydown=${(e: KeyboardEvent) => {
        if (e.key === 'Escape') void this.close();
      }}
    >
      <p class="title" id="${k}-title">${cancel ? r.cancelTitle(name) : r.promoteTitle(name)}</p>
      <p id="${k}-explain">${cancel ? r.cancelExplain : r.promoteFull}</p>
      <div class="field">
        <label for="${k}-reason">${cancel ? r.cancelReason : r.overCapacityReason}</label>
        <span class="hint" id="${k}-reason-hint">${cancel ? r.cancelReasonHint : r.overCapacityHint}</span>
        <textarea
          id="${k}-reason"
          rows="2"
          ?required=${!cancel}
          aria-invalid=${action.error ? 'true' : 'false'}
          aria-describedby="${k}-explain ${k}-reason-hint${action.error ? ` ${k}-error` : ''}"
          .value=${action.reason}
          @input=${(e: Event) => (action.reason = (e.target as HTMLTextAreaElement).value)}
        ></textarea>
        ${action.error ? html`<p class="error" role="alert" id="${k}-error">${action.error}</p>` : nothing}
      </div>
      <div class="actions">
        <button type="submit" id="${k}-confirm" aria-disabled=${action.sending ? 'true' : 'false'}>
          ${cancel ? r.confirmCancel : r.confirmPromote}
        </button>
        <button type="button" class="secondary" id="${k}-keep" @click=${() => void this.close()}>${cancel ? r.keep : r.dontPromote}</button>
      </div>
    </form>`;
  }

  /** Sends a cancellation or a promotion with its key: the same body resent keeps the key, so it is applied once. */
  private async send(path: string, body: object): Promise<{ status: string; position?: number }> {
    const json = JSON.stringify({ path, body });
    if (this.actionAttempt?.body !== json) this.actionAttempt = { key: newId(), body: json };
    const answer = await staffRequest<{ status: string; position?: number }>(this.apiBase, path, {
      method: 'POST',
      json: body,
      locale: this.locale,
      headers: { 'Idempotency-Key': this.actionAttempt.key },
    });
    this.actionAttempt = undefined;
    return answer;
  }

  /** After a change: says it, reloads, and puts the focus on what was said. */
  private async done(message: string): Promise<void> {
    this.action = undefined;
    this.message = message;
    await this.reload().catch(() => undefined);
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#action-done')?.focus();
  }

  private async failed(action: PendingAction, error: unknown): Promise<void> {
    this.sessionEnded(error);
    if (error instanceof ApiRefusal) this.actionAttempt = undefined;
    action.sending = false;
    action.error = this.describeError(error);
    this.requestUpdate();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`#${action.kind}-reason`)?.focus();
  }

  private async cancel(reg: ListedRegistration, name: string): Promise<void> {
    const action = this.action;
    if (!action || action.sending) return;
    const reason = action.reason.trim();
    const body = reason ? { reason } : {};
    if (!(await this.checked(action, CancelOnBehalfInput, body))) return;
    action.sending = true;
    action.error = undefined;
    this.requestUpdate();
    try {
      await this.send(this.walkPath(`/registrations/${encodeURIComponent(reg.id)}/cancel-on-behalf`), body);
      await this.done(this.r.cancelled(name));
    } catch (error) {
      await this.failed(action, error);
    }
  }

  /**
   * The reason checked with the core's schema before it is sent: its message, named after the
   * field (« Motif (facultatif) : 500 caractères au plus. »), next to the field, which gets the focus.
   */
  private async checked(action: PendingAction, schema: Parameters<typeof validate>[0], body: unknown): Promise<boolean> {
    const r = this.r;
    const result = validate(schema, body, this.locale);
    if (result.ok) return true;
    const issue = (result.error.details.issues as FieldIssue[] | undefined)?.[0]?.message ?? result.error.message;
    const field = action.kind === 'cancel' ? r.cancelReason : r.overCapacityReason;
    action.error =
      action.kind === 'promote' && !action.reason.trim()
        ? (r.missing.overCapacity ?? issue)
        : `${field}${labelIn(MESSAGES, 'format.colon', this.locale)}${issue}`;
    this.requestUpdate();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`#${action.kind}-reason`)?.focus();
    return false;
  }

  /**
   * « Inscrire »: on a free seat of the person's pool at once; without one, the confirmation step
   * asks for the reason (`confirmed`: sent from it), checked with the core's `OverCapacity`.
   */
  private async promote(data: RegistrationsData, reg: ListedRegistration, confirmed = false): Promise<void> {
    const name = reg.name;
    const free = seatsLeft(gatheringOf(data.summary), data.registrations as Registration[], reg.role) > 0;
    if (!free && !confirmed) return this.open('promote', reg.id);
    const action = this.action?.id === reg.id && this.action.kind === 'promote' ? this.action : undefined;
    if (action?.sending) return;
    let body = {};
    if (!free && action) {
      body = { overCapacity: { reason: action.reason.trim() } };
      if (!(await this.checked(action, PromoteInput, body))) return;
      action.sending = true;
      action.error = undefined;
      this.requestUpdate();
    }
    try {
      await this.send(this.walkPath(`/registrations/${encodeURIComponent(reg.id)}/promote`), body);
      await this.done(this.r.promoted(name));
    } catch (error) {
      if (action) return this.failed(action, error);
      // Straight from the list (a free seat): the refusal is said in the live region.
      this.sessionEnded(error);
      if (error instanceof ApiRefusal) this.actionAttempt = undefined;
      this.message = this.describeError(error);
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#action-done')?.focus();
    }
  }

  /* ---------------------------------------------------------------- the phone-in form */

  private phoneInInput(data: RegistrationsData): StaffRegisterInput {
    const v = this.form.values;
    const overCapacity = this.full(data) ? v.overCapacity.trim() : '';
    return {
      name: v.name,
      email: v.email.trim(),
      phone: v.phone.trim(),
      role: v.role,
      locale: v.locale || data.city.locale,
      needs: v.needs,
      ...(v.needsNote.trim() ? { needsNote: v.needsNote } : {}),
      consent: v.consent,
      ...(overCapacity ? { overCapacity: { reason: overCapacity } } : {}),
    };
  }

  /** No seat left in the pool of the role chosen in the form. */
  private full(data: RegistrationsData): boolean {
    return seatsLeft(gatheringOf(data.summary), data.registrations as Registration[], this.form.values.role) === 0;
  }

  /** The core's schema, then its registration rules for `registerByStaff` (contact, consent, an email already registered). */
  private check(data: RegistrationsData, input: StaffRegisterInput): ShownError<Target>[] {
    const r = this.r;
    const ctx = {
      gathering: gatheringOf(data.summary),
      registrations: data.registrations as Registration[],
      now: new Date(),
      role: input.role ?? 'resident',
      email: input.email,
      phone: input.phone,
      consent: input.consent,
      overCapacityReason: input.overCapacity?.reason,
    };
    const label: Partial<Record<Target, string>> = { name: r.name, needsNote: r.needsNote, overCapacity: r.overCapacityReason };
    return nameErrors<Target>(
      [
        ...this.form.issues(StaffRegisterInput, input),
        ...this.form.refusals(refusalsOf(registrationRules, 'none', 'registerByStaff', ctx)),
      ],
      r.missing,
      (target) => (target === 'name' ? !input.name.trim() : target === 'overCapacity' ? !input.overCapacity?.reason.trim() : false),
      (target) => label[target],
      labelIn(MESSAGES, 'format.colon', this.locale),
    );
  }

  private async submitPhoneIn(event: Event): Promise<void> {
    event.preventDefault();
    const data = this.data;
    if (!data || this.phase === 'sending') return;
    const input = this.phoneInInput(data);
    this.phase = 'editing';
    if (!(await this.form.report(this.check(data, input)))) return;
    const body = JSON.stringify(input);
    if (this.attempt?.body !== body) this.attempt = { key: newId(), body };
    this.phase = 'sending';
    this.phoneInDone = '';
    try {
      const answer = await staffRequest<{ status: RegistrationStatus; registrationId: string; position?: number }>(
        this.apiBase,
        this.walkPath('/registrations/by-staff'),
        { method: 'POST', json: input, locale: this.locale, headers: { 'Idempotency-Key': this.attempt.key } },
      );
      this.attempt = undefined;
      this.phase = 'editing';
      const said = this.r.registered(input.name.trim(), this.label(`registration.status.${answer.status}`), answer.position);
      // Emptied (and its draft gone) once recorded: the next caller's form starts blank.
      this.form.clear();
      this.phoneInDone = said;
      await this.reload().catch(() => undefined);
      await this.form.focus('#phone-in-done');
    } catch (error) {
      this.sessionEnded(error);
      if (!(error instanceof ApiRefusal)) {
        // No answer: every answer stays, and the same key goes with the resend.
        this.phase = 'failed';
        this.form.clearErrors();
        await this.form.focus('#phone-in-failed');
        return;
      }
      this.attempt = undefined;
      this.phase = 'editing';
      await this.form.refused({ ...error.error, message: this.describeError(error) });
    }
  }

  private phoneIn(data: RegistrationsData): TemplateResult {
    const r = this.r;
    const open = PHONE_IN.includes(gatheringOf(data.summary).status);
    const v = this.form.values;
    const full = this.full(data);
    const sending = this.phase === 'sending';
    return html`<section class="block" part="phone-in" aria-labelledby="phone-in-title">
      ${heading(this.level(1), r.phoneInTitle, { id: 'phone-in-title' })}
      ${
        !open
          ? html`<p class="notice">${gatheringOf(data.summary).status === 'draft' ? r.phoneInDraft : r.phoneInClosed}</p>`
          : html`<p id="phone-in-intro">${r.phoneInIntro}</p>
              <form
                novalidate
                aria-labelledby="phone-in-title"
                aria-describedby="phone-in-intro"
                @submit=${(e: Event) => void this.submitPhoneIn(e)}
              >
                ${this.form.summary(r.errorTitle, this.level(2))} ${this.form.inlineError('form')}
                <div class="field">
                  <label for="phone-in-name">${r.name}</label>
                  ${this.form.inlineError('name')}
                  ${this.form.input('name', 'phone-in-name', { autocomplete: 'off', required: true, errors: ['name'] })}
                </div>
                <div class="field">
                  <label for="phone-in-phone">${r.phone}</label>
                  <span class="hint" id="phone-in-phone-hint">${r.phoneHint}</span>
                  ${this.form.inlineError('contact')} ${this.form.inlineError('phone')}
                  ${this.form.input('phone', 'phone-in-phone', {
                    type: 'tel',
                    inputmode: 'tel',
                    errors: ['contact', 'phone'],
                    hints: ['phone-in-phone-hint'],
                  })}
                </div>
                <div class="field">
                  <label for="phone-in-email">${r.email}</label>
                  <span class="hint" id="phone-in-email-hint">${r.emailHint}</span>
                  ${this.form.inlineError('email')}
                  ${this.form.input('email', 'phone-in-email', { type: 'email', errors: ['contact', 'email'], hints: ['phone-in-email-hint'] })}
                </div>
                <div class="field">
                  <label for="phone-in-role">${r.roleLabel}</label>
                  ${this.form.inlineError('role')}
                  <select
                    id="phone-in-role"
                    aria-invalid=${this.form.invalid('role')}
                    @change=${(e: Event) => this.form.set('role', (e.target as HTMLSelectElement).value as ActorRole)}
                  >
                    ${ACTOR_ROLES.map((role) => html`<option value=${role} ?selected=${v.role === role}>${this.label(`role.${role}`)}</option>`)}
                  </select>
                </div>
                <div class="field">
                  <label for="phone-in-locale">${r.localeLabel}</label>
                  <span class="hint" id="phone-in-locale-hint">${r.localeHint}</span>
                  ${this.form.inlineError('locale')}
                  <select
                    id="phone-in-locale"
                    aria-describedby=${this.form.describedBy(['phone-in-locale-hint'], ['locale'])}
                    aria-invalid=${this.form.invalid('locale')}
                    @change=${(e: Event) => this.form.set('locale', (e.target as HTMLSelectElement).value)}
                  >
                    ${PERSON_LANGUAGES.map(
                      ([tag, name]) =>
                        html`<option value=${tag} lang=${tag} ?selected=${(v.locale || data.city.locale) === tag}>${name}</option>`,
                    )}
                  </select>
                </div>
                <fieldset aria-describedby=${this.form.describedBy([], ['needs'])}>
                  <legend>${r.needsLegend}</legend>
                  ${this.form.inlineError('needs')}
                  ${AccessibilityNeed.options.map(
                    (need) =>
                      html`<div class="check">
                        <input
                          type="checkbox"
                          id="phone-in-need-${need}"
                          .checked=${v.needs.includes(need)}
                          @change=${(e: Event) =>
                            this.form.set(
                              'needs',
                              (e.target as HTMLInputElement).checked
                                ? AccessibilityNeed.options.filter((n) => n === need || v.needs.includes(n))
                                : v.needs.filter((n) => n !== need),
                            )}
                        />
                        <label for="phone-in-need-${need}">${r.needOption[need]}</label>
                      </div>`,
                  )}
                </fieldset>
                <div class="field">
                  <label for="phone-in-needs-note">${r.needsNote}</label>
                  ${this.form.inlineError('needsNote')}
                  ${this.form.textarea('needsNote', 'phone-in-needs-note', 2, { errors: ['needsNote'] })}
                </div>
                ${
                  full
                    ? html`<div class="field">
                        <p class="notice" id="phone-in-full">${r.full}</p>
                        <label for="phone-in-over-capacity">${r.overCapacity}</label>
                        <span class="hint" id="phone-in-over-capacity-hint">${r.overCapacityHint}</span>
                        ${this.form.inlineError('overCapacity')}
                        ${this.form.textarea('overCapacity', 'phone-in-over-capacity', 2, {
                          errors: ['overCapacity'],
                          hints: ['phone-in-full', 'phone-in-over-capacity-hint'],
                        })}
                      </div>`
                    : nothing
                }
                ${this.form.inlineError('consent')}
                ${this.form.checkbox('consent', 'phone-in-consent', r.consent, { required: true, errors: ['consent'] })}
                ${
                  this.phase === 'failed'
                    ? html`<p class="error" role="alert" id="phone-in-failed" tabindex="-1">${r.sendFailed}</p>`
                    : nothing
                }
                <div class="actions">
                  <button type="submit" id="phone-in-submit" aria-disabled=${sending ? 'true' : 'false'}>
                    ${sending ? r.sending : r.submit}
                  </button>
                  ${this.form.clearButton(r.clear)}
                </div>
                ${this.form.status(r.cleared, r.restored)}
              </form>`
      }
      <p class="done" role="status" id="phone-in-done" tabindex="-1">${this.phoneInDone}</p>
    </section>`;
  }
}
