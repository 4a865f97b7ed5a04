// SPDX-License-Identifier: EUPL-1.2
import {
  FIELD_MESSAGES,
  STAFF_ROLES,
  StaffInviteInput,
  StaffRoleInput,
  StaffTokenInput,
  type CityProfile,
  type Organisation,
  type StaffRole,
} from '@gusp/core';
import type { ShownError } from '@gusp/elements/shared/error-summary.js';
import { intlLocale } from '@gusp/elements/shared/format-date.js';
import { FormController, type FormConfig } from '@gusp/elements/shared/form-controller.js';
import { heading } from '@gusp/elements/shared/heading.js';
import { Task, TaskStatus } from '@lit/task';
import { css, html, nothing, type TemplateResult } from 'lit';
import { ApiRefusal, staffRequest } from '../internal/api.js';
import { ConsoleScreen } from '../internal/console-screen.js';
import { tokens } from '../styles/tokens.js';

/** A staff account as `GET /api/staff/accounts` lists it. */
export interface ListedAccount {
  readonly id: string;
  /** `null` once the person was erased. */
  readonly email: string | null;
  readonly name: string | null;
  readonly role: StaffRole;
  readonly organisationId?: string | undefined;
  /** The organisation's name, as the server adds it. */
  readonly organisation?: string | undefined;
  readonly invitedBy?: string | undefined;
  readonly createdAt: string;
  readonly deactivatedAt: string | null;
  /** When the person last opened a session; `null`: never (absent: the server does not say). */
  readonly lastSignInAt?: string | null | undefined;
}

/** An API token as `GET /api/staff/tokens` lists it: never the secret. */
export interface ListedToken {
  readonly id: string;
  readonly role: StaffRole;
  readonly organisationId?: string | undefined;
  readonly label: string | null;
  readonly createdAt: string;
  readonly revokedAt: string | null;
}

/** What the screen shows: the accounts, the tokens, the city's organisations and time zone, and who is signed in. */
export interface AccountsData {
  readonly accounts: readonly ListedAccount[];
  readonly tokens: readonly ListedToken[];
  /** The city profile's organisations: those an `organisation` account or token may belong to. */
  readonly organisations: readonly Pick<Organisation, 'id' | 'name'>[];
  /** The city's time zone, for the dates (Europe/Paris by default). */
  readonly timeZone?: string | undefined;
  /** The signed-in person's account id: their own account is marked and cannot be deactivated here. */
  readonly me?: string | undefined;
}

/** The invitation form's values (and its draft). */
export interface InviteValues {
  email: string;
  name: string;
  role: StaffRole;
  organisationId: string;
}
type InviteTarget = 'form' | 'email' | 'name' | 'role' | 'organisationId';

/** The token form's values (and its draft). */
export interface TokenValues {
  label: string;
  role: StaffRole;
  organisationId: string;
}
type TokenTarget = 'form' | 'label' | 'role' | 'organisationId';

const isRole = (v: unknown) => (STAFF_ROLES as readonly unknown[]).includes(v);

const inviteConfig: FormConfig<InviteValues, InviteTarget> = {
  order: ['form', 'email', 'name', 'role', 'organisationId'],
  controlId: { email: 'invite-email', name: 'invite-name', role: 'invite-role', organisationId: 'invite-organisation' },
  codeTarget: {
    'staff.email-taken': 'email',
    'staff.unknown-organisation': 'organisationId',
    'staff.organisation-required': 'organisationId',
  },
  messages: [FIELD_MESSAGES],
  empty: () => ({ email: '', name: '', role: 'agent', organisationId: '' }),
  draftKey: () => 'gusp-console-invite',
  valid: { role: isRole },
  notKept: {},
};

const tokenConfig: FormConfig<TokenValues, TokenTarget> = {
  order: ['form', 'label', 'role', 'organisationId'],
  controlId: { label: 'token-label', role: 'token-role', organisationId: 'token-organisation' },
  codeTarget: { 'staff.unknown-organisation': 'organisationId', 'staff.organisation-required': 'organisationId' },
  messages: [FIELD_MESSAGES],
  empty: () => ({ label: '', role: 'agent', organisationId: '' }),
  draftKey: () => 'gusp-console-token',
  valid: { role: isRole },
  notKept: {},
};

/** An account's role being changed, in its card. */
interface RoleEdit {
  readonly id: string;
  role: StaffRole;
  organisationId: string;
  error?: string | undefined;
  sending?: boolean;
}

/** A deactivation or a revocation waiting for its confirmation, in its card. */
interface Confirming {
  readonly kind: 'deactivate' | 'revoke';
  readonly id: string;
  error?: string | undefined;
  sending?: boolean;
}

/**
 * `<gusp-console-accounts>`: the team's accounts, for coordinators. Lists every account
 * (`GET /api/staff/accounts`: name, address, role and organisation, active or deactivated, last
 * sign-in), invites a person (`POST /api/staff/accounts`: the server emails the link), changes a
 * role, deactivates an account after a confirmation (its sessions end at once); and the API
 * tokens of machines (`GET/POST /api/staff/tokens`, revoke), a new one shown once with a copy
 * button. Each form is checked with the core's schemas before it is sent, says its errors in a
 * summary and at their fields, keeps what was typed (a draft) until the server took it, and says
 * every refusal in words. Loading, failure (« Réessayer »), empty and refused each say so.
 *
 * @fires gusp-session-ended - The session ended (a 401): the console asks to sign in again.
 * @csspart invite - The invitation's section.
 * @csspart accounts - The list of accounts.
 * @csspart tokens - The API tokens' section.
 * @csspart new-token - The token just created, shown once.
 */
export class GuspConsoleAccounts extends ConsoleScreen<AccountsData> {
  static override properties = {
    ...ConsoleScreen.properties,
    walkId: { type: String, attribute: 'walk-id', reflect: true },
    inviteSending: { state: true },
    inviteDone: { state: true },
    inviteFailed: { state: true },
    tokenSending: { state: true },
    tokenFailed: { state: true },
    newToken: { state: true },
    copyStatus: { state: true },
    roleEdit: { state: true },
    confirming: { state: true },
    said: { state: true },
  };

  static override styles = [
    tokens,
    css`
      section.block {
        margin-block: 0 calc(var(--_space) * 1.5);
      }
      form {
        padding: 0.75rem var(--_space);
        background: var(--_surface);
        border-radius: var(--_radius);
      }
      .field {
        margin-block: 0 0.75rem;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        margin-block: 0.5rem 0;
      }
      ul.cards {
        list-style: none;
        padding: 0;
        margin: 0;
      }
      .card {
        padding: 0.5rem 0.75rem;
        margin-block: 0 0.5rem;
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        overflow-wrap: anywhere;
      }
      .card p {
        margin: 0 0 0.25rem;
      }
      .card .who {
        font-weight: 600;
      }
      .card.inactive {
        color: var(--_muted);
        border-style: dashed;
      }
      .meta {
        color: var(--_muted);
      }
      .confirm,
      .edit {
        margin-block: 0.5rem 0;
        padding: 0.5rem 0.75rem;
        border-inline-start: 4px solid var(--_primary);
        background: var(--_surface);
      }
      .confirm.danger {
        border-inline-start-color: var(--_error);
      }
      .new-token {
        padding: 0.75rem var(--_space);
        margin-block: 0 var(--_space);
        border: 2px solid var(--_error);
        border-radius: var(--_radius);
      }
      .new-token input {
        max-width: none;
        font-family: ui-monospace, monospace;
      }
      .done {
        font-weight: 600;
      }
    `,
  ];

  /** Not used by this screen (the app gives every screen its walk); kept for the routes' uniform mounting. */
  declare walkId: string | undefined;
  /** The data shown; set by the screen when it loads, or given (a story, a test). */
  declare data: AccountsData | undefined;
  declare private inviteSending: boolean;
  declare private inviteDone: string | undefined;
  declare private inviteFailed: boolean;
  declare private tokenSending: boolean;
  declare private tokenFailed: boolean;
  /** The token just created: shown once, never kept anywhere else. */
  declare private newToken: { readonly id: string; readonly token: string } | undefined;
  declare private copyStatus: string | undefined;
  declare private roleEdit: RoleEdit | undefined;
  declare private confirming: Confirming | undefined;
  /** What the last change on the lists did, said in the live region. */
  declare private said: string | undefined;

  private readonly invite = new FormController<InviteValues, InviteTarget>(this, inviteConfig);
  private readonly tokenForm = new FormController<TokenValues, TokenTarget>(this, tokenConfig);

  protected readonly task = new Task(this, {
    args: () => [this.apiBase, this.locale, this.given] as const,
    task: async ([base, locale, given], { signal }) => {
      if (given && this.data) return this.data;
      const init = { signal, locale };
      const [accounts, tokens, city, me] = await Promise.all([
        staffRequest<{ accounts: ListedAccount[] }>(base, '/staff/accounts', init),
        staffRequest<{ tokens: ListedToken[] }>(base, '/staff/tokens', init),
        staffRequest<CityProfile>(base, '/city', init),
        staffRequest<{ account?: { id: string } }>(base, '/staff/me', init).catch(() => undefined),
      ]);
      return {
        accounts: accounts.accounts,
        tokens: tokens.tokens,
        organisations: city.organisations,
        timeZone: city.timezone,
        me: me?.account?.id,
      } satisfies AccountsData;
    },
    onComplete: (data) => {
      this.data = data;
    },
    onError: (error) => this.sessionEnded(error),
  });

  constructor() {
    super();
    this.inviteSending = this.inviteFailed = this.tokenSending = this.tokenFailed = false;
  }

  /** A refusal in this screen's words for the accounts' codes, else the console's. */
  private refusal(error: unknown): string {
    const r = this.t.accounts.refusals;
    const code = error instanceof ApiRefusal ? error.error.code : undefined;
    switch (code) {
      case 'staff.email-taken':
        return r.emailTaken;
      case 'staff.unknown-organisation':
        return r.unknownOrganisation;
      case 'staff.organisation-required':
        return r.organisationRequired;
      case 'staff.account-deactivated':
        return r.accountDeactivated;
      case 'staff.account-not-found':
        return r.accountNotFound;
      case 'staff.token-not-found':
        return r.tokenNotFound;
      default:
        return this.describeError(error);
    }
  }

  /** After a change: the list from the server again, unless the page gave the data (then the change is applied here). */
  private refresh(apply: (data: AccountsData) => AccountsData): void {
    if (this.data) this.data = apply(this.data);
    if (!this.given) void this.reload().catch(() => undefined);
  }

  /* ------------------------------------------------------------ rendering */

  protected override render(): TemplateResult {
    const t = this.t;
    const a = t.accounts;
    const pending = this.task.status === TaskStatus.PENDING && !this.data;
    const failed = this.task.status === TaskStatus.ERROR;
    const data = failed ? undefined : this.data;
    return html`<section lang=${this.locale} aria-labelledby="accounts-title" data-screen="accounts">
      ${heading(this.level(), a.title, { id: 'accounts-title' })}
      <p>${a.intro}</p>
      ${
        failed
          ? this.loadFailure({ ids: { alert: 'accounts-failed', retry: 'accounts-retry' }, final: [403] })
          : pending || !data
            ? html`<p role="status">${t.loading}</p>`
            : html`${this.inviteSection(data)} ${this.accountList(data)} ${this.tokenSection(data)}`
      }
    </section>`;
  }

  private date(iso: string): string {
    try {
      return new Intl.DateTimeFormat(intlLocale(this.locale), {
        dateStyle: 'long',
        timeStyle: 'short',
        timeZone: this.data?.timeZone ?? 'Europe/Paris',
      }).format(new Date(iso));
    } catch {
      return iso;
    }
  }

  private roleName(role: StaffRole): string {
    return this.t.roles[role];
  }

  private organisationName(data: AccountsData, id: string | undefined, given?: string): string | undefined {
    if (id === undefined) return undefined;
    return given ?? data.organisations.find((o) => o.id === id)?.name ?? id;
  }

  private roleText(data: AccountsData, role: StaffRole, organisationId?: string, organisation?: string): string {
    const name = this.organisationName(data, organisationId, organisation);
    return name ? `${this.roleName(role)} — ${name}` : this.roleName(role);
  }

  private whoOf(account: ListedAccount): string {
    return account.name || account.email || this.t.accounts.erased;
  }

  /** The role and organisation controls of a form (the organisation shown for the `organisation` role only). */
  private roleControls(
    data: AccountsData,
    ids: { readonly role: string; readonly organisation: string },
    role: StaffRole,
    organisationId: string,
    set: (role: StaffRole, organisationId: string) => void,
    errors: { readonly role?: ShownError | undefined; readonly organisation?: ShownError | undefined; readonly prefix: string },
  ): TemplateResult {
    const a = this.t.accounts;
    const roleError = errors.role ? `${errors.prefix}role-error` : undefined;
    const organisationError = errors.organisation ? `${errors.prefix}organisationId-error` : undefined;
    return html`<div class="field">
        <label for=${ids.role}>${a.role}</label>
        <span class="hint" id="${ids.role}-hint">${a.roleHints[role]}</span>
        <select
          id=${ids.role}
          aria-describedby=${[`${ids.role}-hint`, roleError].filter(Boolean).join(' ')}
          aria-invalid=${errors.role ? 'true' : 'false'}
          @change=${(e: Event) => set((e.target as HTMLSelectElement).value as StaffRole, organisationId)}
        >
          ${STAFF_ROLES.map((r) => html`<option value=${r} ?selected=${r === role}>${this.roleName(r)}</option>`)}
        </select>
        ${errors.role ? html`<p class="error" part="error" id=${roleError}>${errors.role.message}</p>` : nothing}
      </div>
      ${
        role === 'organisation'
          ? html`<div class="field">
              <label for=${ids.organisation}>${a.organisation}</label>
              <select
                id=${ids.organisation}
                required
                aria-describedby=${organisationError ?? nothing}
                aria-invalid=${errors.organisation ? 'true' : 'false'}
                @change=${(e: Event) => set(role, (e.target as HTMLSelectElement).value)}
              >
                <option value="" ?selected=${!organisationId}>${a.chooseOrganisation}</option>
                ${data.organisations.map((o) => html`<option value=${o.id} ?selected=${o.id === organisationId}>${o.name}</option>`)}
              </select>
              ${
                errors.organisation
                  ? html`<p class="error" part="error" id=${organisationError}>${errors.organisation.message}</p>`
                  : nothing
              }
            </div>`
          : nothing
      }`;
  }

  private inviteSection(data: AccountsData): TemplateResult {
    const a = this.t.accounts;
    const f = this.invite;
    const v = f.values;
    return html`<section class="block" part="invite" aria-labelledby="invite-title">
      ${heading(this.level(1), a.inviteTitle, { id: 'invite-title' })}
      <p id="invite-intro">${a.inviteIntro}</p>
      <p class="done" id="invite-done" role="status" tabindex="-1">${this.inviteDone ?? nothing}</p>
      <form
        id="invite-form"
        novalidate
        aria-labelledby="invite-title"
        aria-describedby="invite-intro"
        @submit=${(e: Event) => void this.submitInvite(e, data)}
      >
        ${f.summary(a.errorTitle, this.level(2))} ${f.inlineError('form')}
        ${this.inviteFailed ? html`<p class="error" role="alert" id="invite-failed" tabindex="-1">${a.notSent}</p>` : nothing}
        <div class="field">
          <label for="invite-email">${a.email}</label>
          <span class="hint" id="invite-email-hint">${a.emailHint}</span>
          ${f.input('email', 'invite-email', {
            type: 'email',
            name: 'email',
            autocomplete: 'off',
            required: true,
            errors: ['email'],
            hints: ['invite-email-hint'],
          })}
          ${f.inlineError('email')}
        </div>
        <div class="field">
          <label for="invite-name">${a.name}</label>
          <span class="hint" id="invite-name-hint">${a.nameHint}</span>
          ${f.input('name', 'invite-name', { name: 'name', autocomplete: 'off', errors: ['name'], hints: ['invite-name-hint'] })}
          ${f.inlineError('name')}
        </div>
        ${this.roleControls(
          data,
          { role: 'invite-role', organisation: 'invite-organisation' },
          v.role,
          v.organisationId,
          (role, organisationId) => f.replace({ ...f.values, role, organisationId }),
          { role: f.errorAt('role'), organisation: f.errorAt('organisationId'), prefix: '' },
        )}
        <div class="actions">
          <button type="submit" id="invite-submit" aria-disabled=${this.inviteSending ? 'true' : 'false'}>
            ${this.inviteSending ? a.inviting : a.invite}
          </button>
        </div>
      </form>
    </section>`;
  }

  private accountList(data: AccountsData): TemplateResult {
    const a = this.t.accounts;
    const active = data.accounts.filter((x) => x.deactivatedAt === null).length;
    return html`<section class="block" part="accounts" aria-labelledby="list-title">
      ${heading(this.level(1), a.listTitle, { id: 'list-title' })}
      <p class="done" id="accounts-status" role="status" tabindex="-1">${this.said ?? nothing}</p>
      ${
        data.accounts.length === 0
          ? html`<p id="accounts-empty">${a.noAccounts}</p>`
          : html`<p id="accounts-count">${a.count(active, data.accounts.length - active)}</p>
              <ul class="cards" aria-labelledby="list-title">
                ${data.accounts.map((account) => this.accountCard(data, account))}
              </ul>`
      }
    </section>`;
  }

  private accountCard(data: AccountsData, account: ListedAccount): TemplateResult {
    const a = this.t.accounts;
    const who = this.whoOf(account);
    const inactive = account.deactivatedAt !== null;
    const mine = account.id === data.me;
    const edit = this.roleEdit?.id === account.id ? this.roleEdit : undefined;
    const confirm = this.confirming?.kind === 'deactivate' && this.confirming.id === account.id ? this.confirming : undefined;
    const busy = !!edit || !!confirm;
    return html`<li class="card ${inactive ? 'inactive' : ''}" id="account-${account.id}" data-account=${account.id}>
      <p class="who">${who} ${mine ? a.you : nothing}</p>
      ${account.email && account.name ? html`<p>${account.email}</p>` : nothing}
      <p>${this.roleText(data, account.role, account.organisationId, account.organisation)}</p>
      <p class="meta">
        ${inactive ? a.deactivatedOn(this.date(account.deactivatedAt)) : a.active} ·
        ${
          account.lastSignInAt === undefined
            ? a.invitedOn(this.date(account.createdAt))
            : account.lastSignInAt === null
              ? a.neverSignedIn
              : a.lastSignIn(this.date(account.lastSignInAt))
        }
      </p>
      ${
        inactive || busy
          ? nothing
          : html`<div class="actions">
              <button type="button" class="secondary" id="role-${account.id}" @click=${() => this.startRoleEdit(account)}>
                ${a.changeRole(who)}
              </button>
              ${
                mine
                  ? nothing
                  : html`<button
                      type="button"
                      class="secondary"
                      id="deactivate-${account.id}"
                      @click=${() => this.startConfirm('deactivate', account.id)}
                    >
                      ${a.deactivate(who)}
                    </button>`
              }
            </div>`
      }
      ${edit ? this.roleEditor(data, account, edit) : nothing}
      ${
        confirm
          ? this.confirmBox(
              confirm,
              `deactivate-${account.id}`,
              a.deactivateConfirm(who),
              confirm.sending ? a.deactivating : a.deactivateYes,
              () => void this.deactivate(account),
            )
          : nothing
      }
    </li>`;
  }

  private roleEditor(data: AccountsData, account: ListedAccount, edit: RoleEdit): TemplateResult {
    const a = this.t.accounts;
    const who = this.whoOf(account);
    const prefix = `role-form-${account.id}-`;
    return html`<form
      class="edit"
      id="role-form-${account.id}"
      novalidate
      aria-labelledby="role-title-${account.id}"
      @submit=${(e: Event) => void this.saveRole(e, account)}
      @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && this.endRoleEdit(account.id)}
    >
      <p class="who" id="role-title-${account.id}">${a.changeRoleTitle(who)}</p>
      ${this.roleControls(
        data,
        { role: `role-select-${account.id}`, organisation: `role-organisation-${account.id}` },
        edit.role,
        edit.organisationId,
        (role, organisationId) => (this.roleEdit = { ...edit, role, organisationId, error: undefined }),
        {
          organisation: edit.error ? { target: 'organisationId', message: edit.error } : undefined,
          prefix,
        },
      )}
      <div class="actions">
        <button type="submit" id="role-save-${account.id}" aria-disabled=${edit.sending ? 'true' : 'false'}>
          ${edit.sending ? a.saving : a.save}
        </button>
        <button type="button" class="secondary" id="role-cancel-${account.id}" @click=${() => this.endRoleEdit(account.id)}>
          ${a.cancel}
        </button>
      </div>
    </form>`;
  }

  /** A confirmation step in a card: what will happen, « Oui », « Annuler »; its error, if the server refused. */
  private confirmBox(confirm: Confirming, base: string, question: string, yes: string, go: () => void): TemplateResult {
    const a = this.t.accounts;
    return html`<div
      class="confirm danger"
      role="group"
      aria-labelledby="${base}-question"
      @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && this.endConfirm(base)}
    >
      <p id="${base}-question">${question}</p>
      ${confirm.error ? html`<p class="error" role="alert" id="${base}-error">${confirm.error}</p>` : nothing}
      <div class="actions">
        <button type="button" id="${base}-confirm" aria-disabled=${confirm.sending ? 'true' : 'false'} @click=${go}>${yes}</button>
        <button type="button" class="secondary" id="${base}-cancel" @click=${() => this.endConfirm(base)}>${a.cancel}</button>
      </div>
    </div>`;
  }

  private tokenSection(data: AccountsData): TemplateResult {
    const a = this.t.accounts;
    const f = this.tokenForm;
    const v = f.values;
    return html`<section class="block" part="tokens" aria-labelledby="tokens-title">
      ${heading(this.level(1), a.tokensTitle, { id: 'tokens-title' })}
      <p id="tokens-intro">${a.tokensIntro}</p>
      ${this.newToken ? this.newTokenBox(this.newToken) : nothing}
      ${
        data.tokens.length === 0
          ? html`<p id="tokens-empty">${a.noTokens}</p>`
          : html`<ul class="cards" aria-labelledby="tokens-title">
              ${data.tokens.map((token) => this.tokenCard(data, token))}
            </ul>`
      }
      <form
        id="token-form"
        novalidate
        aria-labelledby="token-form-title"
        aria-describedby="tokens-intro"
        @submit=${(e: Event) => void this.submitToken(e, data)}
      >
        ${heading(this.level(2), a.createToken, { id: 'token-form-title' })} ${f.summary(a.errorTitle, this.level(3))}
        ${f.inlineError('form')}
        ${this.tokenFailed ? html`<p class="error" role="alert" id="token-failed" tabindex="-1">${a.notSent}</p>` : nothing}
        <div class="field">
          <label for="token-label">${a.tokenLabel}</label>
          <span class="hint" id="token-label-hint">${a.tokenLabelHint}</span>
          ${f.input('label', 'token-label', { name: 'label', errors: ['label'], hints: ['token-label-hint'] })} ${f.inlineError('label')}
        </div>
        ${this.roleControls(
          data,
          { role: 'token-role', organisation: 'token-organisation' },
          v.role,
          v.organisationId,
          (role, organisationId) => f.replace({ ...f.values, role, organisationId }),
          { role: f.errorAt('role'), organisation: f.errorAt('organisationId'), prefix: '' },
        )}
        <div class="actions">
          <button type="submit" id="token-submit" aria-disabled=${this.tokenSending ? 'true' : 'false'}>
            ${this.tokenSending ? a.creatingToken : a.createToken}
          </button>
        </div>
      </form>
    </section>`;
  }

  private tokenName(token: ListedToken): string {
    return token.label || this.t.accounts.unnamedToken;
  }

  private tokenCard(data: AccountsData, token: ListedToken): TemplateResult {
    const a = this.t.accounts;
    const label = this.tokenName(token);
    const revoked = token.revokedAt !== null;
    const confirm = this.confirming?.kind === 'revoke' && this.confirming.id === token.id ? this.confirming : undefined;
    return html`<li class="card ${revoked ? 'inactive' : ''}" id="token-${token.id}" data-token=${token.id}>
      <p class="who">${label}</p>
      <p>${this.roleText(data, token.role, token.organisationId)}</p>
      <p class="meta">${revoked ? a.revokedOn(this.date(token.revokedAt)) : a.createdOn(this.date(token.createdAt))}</p>
      ${
        revoked || confirm
          ? nothing
          : html`<div class="actions">
              <button type="button" class="secondary" id="revoke-${token.id}" @click=${() => this.startConfirm('revoke', token.id)}>
                ${a.revoke(label)}
              </button>
            </div>`
      }
      ${
        confirm
          ? this.confirmBox(
              confirm,
              `revoke-${token.id}`,
              a.revokeConfirm(label),
              confirm.sending ? a.revoking : a.revokeYes,
              () => void this.revoke(token),
            )
          : nothing
      }
    </li>`;
  }

  private newTokenBox(created: { readonly id: string; readonly token: string }): TemplateResult {
    const a = this.t.accounts;
    return html`<div class="new-token" part="new-token" id="new-token" role="group" aria-labelledby="new-token-title">
      ${heading(this.level(2), a.newTokenTitle, { id: 'new-token-title', tabindex: '-1' })}
      <p class="error" id="new-token-warning">${a.newTokenWarning}</p>
      <div class="field">
        <label for="new-token-value">${a.newTokenValue}</label>
        <input
          id="new-token-value"
          readonly
          spellcheck="false"
          autocomplete="off"
          aria-describedby="new-token-warning"
          .value=${created.token}
          @focus=${(e: Event) => (e.target as HTMLInputElement).select()}
        />
      </div>
      <p role="status" id="new-token-copied">${this.copyStatus ?? nothing}</p>
      <div class="actions">
        <button type="button" id="new-token-copy" @click=${() => void this.copyToken(created.token)}>${a.copy}</button>
        <button type="button" class="secondary" id="new-token-done" @click=${() => void this.forgetToken()}>${a.newTokenDone}</button>
      </div>
    </div>`;
  }

  /* ------------------------------------------------------------ actions */

  private async focusOn(selector: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  private inviteInput(v: InviteValues): StaffInviteInput {
    const name = v.name.trim();
    return {
      email: v.email.trim(),
      ...(name ? { name } : {}),
      role: v.role,
      ...(v.role === 'organisation' && v.organisationId ? { organisationId: v.organisationId } : {}),
    };
  }

  /** The checks of the core's schema, in the screen's words where they say more than « invalid ». */
  private inviteErrors(input: StaffInviteInput): ShownError<InviteTarget>[] {
    const t = this.t;
    const errors = this.invite
      .issues(StaffInviteInput, input)
      .map((e) => (e.target === 'email' ? { ...e, message: input.email ? t.errors.emailInvalid : t.errors.emailMissing } : e));
    if (input.role === 'organisation' && !input.organisationId)
      errors.push({ target: 'organisationId', message: t.accounts.refusals.organisationRequired });
    return errors;
  }

  private async submitInvite(event: Event, data: AccountsData): Promise<void> {
    event.preventDefault();
    if (this.inviteSending) return;
    const input = this.inviteInput(this.invite.values);
    this.inviteDone = undefined;
    this.inviteFailed = false;
    if (!(await this.invite.report(this.inviteErrors(input)))) return;
    this.inviteSending = true;
    try {
      const { account } = await staffRequest<{ account: ListedAccount }>(this.apiBase, '/staff/accounts', {
        method: 'POST',
        json: input,
        locale: this.locale,
      });
      // Emptied (and its draft gone) once the server took it.
      this.invite.clear();
      this.inviteDone = this.t.accounts.invited(account.name ? `${account.name} (${account.email ?? input.email})` : input.email);
      this.refresh((d) => ({ ...d, accounts: [...d.accounts.filter((x) => x.id !== account.id), account] }));
      await this.focusOn('#invite-done');
    } catch (error) {
      this.sessionEnded(error);
      if (!(error instanceof ApiRefusal)) {
        // No answer: everything typed stays, to send again.
        this.inviteFailed = true;
        this.invite.clearErrors();
        await this.focusOn('#invite-failed');
        return;
      }
      await this.invite.refused({ ...error.error, message: this.refusal(error) });
    } finally {
      this.inviteSending = false;
    }
    void data;
  }

  private startRoleEdit(account: ListedAccount): void {
    this.confirming = undefined;
    this.said = undefined;
    this.roleEdit = { id: account.id, role: account.role, organisationId: account.organisationId ?? '' };
    void this.focusOn(`#role-select-${account.id}`);
  }

  private endRoleEdit(id: string): void {
    this.roleEdit = undefined;
    void this.focusOn(`#role-${id}`);
  }

  private async saveRole(event: Event, account: ListedAccount): Promise<void> {
    event.preventDefault();
    const edit = this.roleEdit;
    if (!edit || edit.sending) return;
    const input: StaffRoleInput = {
      role: edit.role,
      ...(edit.role === 'organisation' && edit.organisationId ? { organisationId: edit.organisationId } : {}),
    };
    const a = this.t.accounts;
    const checked = this.invite.issues(StaffRoleInput, input);
    const error =
      edit.role === 'organisation' && !edit.organisationId ? a.refusals.organisationRequired : checked[0] ? checked[0].message : undefined;
    if (error) {
      this.roleEdit = { ...edit, error };
      await this.focusOn(`#role-organisation-${account.id}, #role-select-${account.id}`);
      return;
    }
    this.roleEdit = { ...edit, sending: true, error: undefined };
    try {
      const { account: changed } = await staffRequest<{ account: ListedAccount }>(
        this.apiBase,
        `/staff/accounts/${encodeURIComponent(account.id)}/role`,
        {
          method: 'POST',
          json: input,
          locale: this.locale,
        },
      );
      this.roleEdit = undefined;
      this.said = a.roleChanged(this.whoOf(changed), this.roleText(this.data!, changed.role, changed.organisationId, changed.organisation));
      this.refresh((d) => ({ ...d, accounts: d.accounts.map((x) => (x.id === changed.id ? { ...x, ...changed } : x)) }));
      await this.focusOn('#accounts-status');
    } catch (e) {
      this.sessionEnded(e);
      this.roleEdit = { ...edit, sending: false, error: this.refusal(e) };
      if (e instanceof ApiRefusal && e.error.code === 'staff.account-not-found') this.refresh((d) => d);
      await this.focusOn(`#role-organisation-${account.id}, #role-select-${account.id}`);
    }
  }

  private startConfirm(kind: Confirming['kind'], id: string): void {
    this.roleEdit = undefined;
    this.said = undefined;
    this.confirming = { kind, id };
    void this.focusOn(`#${kind}-${id}-cancel`);
  }

  private endConfirm(base: string): void {
    this.confirming = undefined;
    void this.focusOn(`#${base}`);
  }

  private async deactivate(account: ListedAccount): Promise<void> {
    const confirm = this.confirming;
    if (!confirm || confirm.sending) return;
    this.confirming = { ...confirm, sending: true, error: undefined };
    try {
      const { account: changed } = await staffRequest<{ account: ListedAccount }>(
        this.apiBase,
        `/staff/accounts/${encodeURIComponent(account.id)}/deactivate`,
        { method: 'POST', locale: this.locale },
      );
      this.confirming = undefined;
      this.said = this.t.accounts.deactivated(this.whoOf(account));
      this.refresh((d) => ({ ...d, accounts: d.accounts.map((x) => (x.id === changed.id ? { ...x, ...changed } : x)) }));
      await this.focusOn('#accounts-status');
    } catch (e) {
      this.sessionEnded(e);
      this.confirming = { ...confirm, sending: false, error: this.refusal(e) };
      await this.focusOn(`#deactivate-${account.id}-error`);
    }
  }

  private async revoke(token: ListedToken): Promise<void> {
    const confirm = this.confirming;
    if (!confirm || confirm.sending) return;
    this.confirming = { ...confirm, sending: true, error: undefined };
    try {
      await staffRequest(this.apiBase, `/staff/tokens/${encodeURIComponent(token.id)}/revoke`, { method: 'POST', locale: this.locale });
      this.confirming = undefined;
      this.said = this.t.accounts.revoked(this.tokenName(token));
      const at = new Date().toISOString();
      this.refresh((d) => ({ ...d, tokens: d.tokens.map((x) => (x.id === token.id ? { ...x, revokedAt: at } : x)) }));
      await this.focusOn('#accounts-status');
    } catch (e) {
      this.sessionEnded(e);
      this.confirming = { ...confirm, sending: false, error: this.refusal(e) };
      await this.focusOn(`#revoke-${token.id}-error`);
    }
  }

  private tokenInput(v: TokenValues): StaffTokenInput {
    const label = v.label.trim();
    return {
      role: v.role,
      ...(v.role === 'organisation' && v.organisationId ? { organisationId: v.organisationId } : {}),
      ...(label ? { label } : {}),
    };
  }

  private async submitToken(event: Event, data: AccountsData): Promise<void> {
    event.preventDefault();
    if (this.tokenSending) return;
    const input = this.tokenInput(this.tokenForm.values);
    this.tokenFailed = false;
    const errors = this.tokenForm.issues(StaffTokenInput, input);
    if (input.role === 'organisation' && !input.organisationId)
      errors.push({ target: 'organisationId', message: this.t.accounts.refusals.organisationRequired });
    if (!(await this.tokenForm.report(errors))) return;
    this.tokenSending = true;
    try {
      const created = await staffRequest<{ id: string; token: string }>(this.apiBase, '/staff/tokens', {
        method: 'POST',
        json: input,
        locale: this.locale,
      });
      this.tokenForm.clear();
      this.newToken = created;
      this.copyStatus = undefined;
      const listed: ListedToken = {
        id: created.id,
        role: input.role,
        ...(input.organisationId ? { organisationId: input.organisationId } : {}),
        label: input.label ?? null,
        createdAt: new Date().toISOString(),
        revokedAt: null,
      };
      this.refresh((d) => ({ ...d, tokens: [...d.tokens.filter((x) => x.id !== created.id), listed] }));
      await this.focusOn('#new-token-title');
    } catch (error) {
      this.sessionEnded(error);
      if (!(error instanceof ApiRefusal)) {
        this.tokenFailed = true;
        this.tokenForm.clearErrors();
        await this.focusOn('#token-failed');
        return;
      }
      await this.tokenForm.refused({ ...error.error, message: this.refusal(error) });
    } finally {
      this.tokenSending = false;
    }
    void data;
  }

  private async copyToken(token: string): Promise<void> {
    const a = this.t.accounts;
    try {
      await navigator.clipboard.writeText(token);
      this.copyStatus = a.copied;
    } catch {
      this.copyStatus = a.copyFailed;
      await this.focusOn('#new-token-value');
    }
  }

  /** « J'ai copié le jeton »: the secret leaves the page for good. */
  private async forgetToken(): Promise<void> {
    const id = this.newToken?.id;
    this.newToken = undefined;
    this.copyStatus = undefined;
    await this.focusOn(id ? `#revoke-${id}` : '#tokens-title');
  }
}
