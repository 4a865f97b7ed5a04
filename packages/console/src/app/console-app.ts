// SPDX-License-Identifier: EUPL-1.2
import { css, html, nothing, type TemplateResult } from 'lit';
import { ApiRefusal, setCsrfToken, staffRequest } from '../internal/api.js';
import { ConsoleElement } from '../internal/console-element.js';
import {
  SessionEndedEvent,
  SignedOutEvent,
  type SignedIn,
  type SignedInEvent,
  type StaffAccount,
  type StaffRole,
} from '../internal/events.js';
import { heading } from '@gusp/elements/shared/heading.js';
import { tokens } from '../styles/tokens.js';
import { ROUTES, SCREENS_BY_ROLE, placeOf, type ScreenId } from './routes.js';

export { ROUTES, SCREENS_BY_ROLE, hashOf, placeOf, type Place, type Route, type ScreenId } from './routes.js';

/** `GET /api/staff/me`. */
export interface Me {
  readonly role: StaffRole;
  readonly organisationId?: string;
  readonly organisation?: string;
  readonly account?: StaffAccount;
  readonly session?: { readonly id: string; readonly csrfToken: string };
}

/** Where the console is: asking who is signed in, signed out (the sign-in), failed, or open. */
export const AppState = { loading: 'loading', signedOut: 'signed-out', failed: 'failed', ready: 'ready' } as const;
export type AppState = (typeof AppState)[keyof typeof AppState];

/**
 * `<gusp-console>`: the back office. Asks the server who is signed in (`GET /api/staff/me`, the
 * session cookie), shows the sign-in when nobody is, the person and a sign-out, and the screens of
 * their role ({@linkcode ROUTES}), one at a time by the page's `#hash` (`#walks`, `#plan`,
 * `#registrations/<walkId>`, `#day/<walkId>`…), so the browser's back button and a bookmark work. Loaded on a sign-in link
 * (`…/connexion?token=…`), it verifies the link and removes the token from the address.
 *
 * @fires gusp-signed-out - The person signed out.
 */
export class GuspConsole extends ConsoleElement {
  static override properties = {
    ...ConsoleElement.properties,
    token: { type: String },
    state: { type: String, reflect: true },
    me: { attribute: false },
    screen: { state: true },
    notice: { state: true },
    actionError: { state: true },
  };

  static override styles = [
    tokens,
    css`
      header {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem var(--_space);
        align-items: center;
        justify-content: space-between;
        padding-block: 0.5rem;
        margin-block: 0 var(--_space);
        border-block-end: 4px solid var(--_primary);
      }
      header h1 {
        margin: 0;
        font-size: 1.3rem;
      }
      .who {
        margin: 0;
        color: var(--_muted);
      }
      nav ul {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        list-style: none;
        padding: 0;
        margin: 0 0 var(--_space);
      }
      nav a {
        display: inline-block;
        padding: 0.5rem 0.75rem;
        border-radius: var(--_radius);
        font-weight: 600;
        min-height: 2.75rem;
      }
      nav a[aria-current='page'] {
        background: var(--_primary);
        color: var(--_on-primary);
      }
      main:focus {
        outline: none;
      }
      /* On paper (the dashboard for the comité de pilotage): the screen, without the navigation or « Se déconnecter ». */
      @media print {
        nav,
        header button {
          display: none;
        }
      }
    `,
  ];

  /** A sign-in link's token to verify (else taken from the address, `?token=`). */
  declare token: string | undefined;
  /** Where the console is ({@linkcode AppState}). */
  declare state: AppState;
  /** Who is signed in. */
  declare me: Me | undefined;
  declare private screen: string;
  declare private notice: string | undefined;
  declare private actionError: string | undefined;
  private loadError: unknown;
  private focusMain = false;

  constructor() {
    super();
    this.state = AppState.loading;
    this.screen = '';
  }

  /** The app's title is the page's `<h1>` by default (it is the whole page at /gestion), its screens' `<h2>`. */
  protected override get defaultHeadingLevel(): number {
    return 1;
  }

  private readonly onHash = () => {
    this.screen = location.hash.replace(/^#/, '');
    this.focusMain = true;
  };

  /** A screen found the session gone: the sign-in again, saying why. */
  private readonly onSessionEnded = (event: SessionEndedEvent) => {
    event.stopPropagation();
    setCsrfToken(this.apiBase, undefined);
    this.me = undefined;
    this.notice = this.t.errors.sessionEnded;
    this.state = AppState.signedOut;
  };

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this.onHash);
    this.addEventListener(SessionEndedEvent.type, this.onSessionEnded);
    this.screen = location.hash.replace(/^#/, '');
    const fromUrl = new URLSearchParams(location.search).get('token') ?? undefined;
    this.token ??= fromUrl;
    if (this.token) this.state = AppState.signedOut;
    // Given by the page (a story, an intranet that asked itself): shown as it is.
    else if (this.me) this.state = AppState.ready;
    else void this.load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.onHash);
    this.removeEventListener(SessionEndedEvent.type, this.onSessionEnded);
  }

  /** Asks who is signed in; a 401 is the sign-in, anything else a failure with « Réessayer ». */
  async load(): Promise<void> {
    this.state = AppState.loading;
    try {
      const me = await staffRequest<Me>(this.apiBase, '/staff/me', { locale: this.locale });
      setCsrfToken(this.apiBase, me.session?.csrfToken);
      this.me = me;
      this.state = AppState.ready;
    } catch (error) {
      if (error instanceof ApiRefusal && error.status === 401) this.state = AppState.signedOut;
      else {
        this.loadError = error;
        this.state = AppState.failed;
      }
    }
  }

  /** The session is open: the token leaves the address bar (and the history), the console opens. */
  private signedIn(event: SignedInEvent): void {
    const { account, session }: SignedIn = event.detail;
    this.me = {
      role: account.role,
      ...(account.organisationId ? { organisationId: account.organisationId, organisation: account.organisation } : {}),
      account,
      session,
    };
    this.token = undefined;
    this.notice = undefined;
    if (new URLSearchParams(location.search).has('token')) {
      const url = new URL(location.href);
      url.searchParams.delete('token');
      url.pathname = url.pathname.replace(/\/connexion\/?$/, '') || '/';
      history.replaceState(history.state, '', url.href);
    }
    this.state = AppState.ready;
    this.focusMain = true;
  }

  private async signOut(): Promise<void> {
    this.actionError = undefined;
    try {
      await staffRequest(this.apiBase, '/staff/sign-out', { method: 'POST', locale: this.locale });
    } catch (error) {
      // A session that had already ended is signed out all the same.
      if (!(error instanceof ApiRefusal && error.status === 401)) {
        this.actionError = this.describeError(error);
        return;
      }
    }
    setCsrfToken(this.apiBase, undefined);
    this.me = undefined;
    this.notice = this.t.signedOut;
    this.state = AppState.signedOut;
    this.dispatchEvent(new SignedOutEvent());
  }

  protected override updated(): void {
    if (this.focusMain && this.state === AppState.ready) {
      this.focusMain = false;
      this.renderRoot.querySelector<HTMLElement>('main')?.focus();
    }
  }

  protected override render(): TemplateResult {
    const t = this.t;
    switch (this.state) {
      case AppState.loading:
        return html`<p role="status" lang=${this.locale}>${t.loading}</p>`;
      case AppState.failed:
        return html`<div lang=${this.locale}>
          <p class="error" role="alert">${this.describeError(this.loadError)}</p>
          <button type="button" @click=${() => void this.load()}>${t.retry}</button>
        </div>`;
      case AppState.signedOut:
        return html`<main lang=${this.locale}>
          <gusp-console-sign-in
            endpoint=${this.apiBase}
            heading-level=${this.level()}
            .token=${this.token}
            .notice=${this.notice}
            @gusp-signed-in=${(e: SignedInEvent) => this.signedIn(e)}
          ></gusp-console-sign-in>
        </main>`;
      default:
        return this.app();
    }
  }

  private app(): TemplateResult {
    const t = this.t;
    const me = this.me!;
    const screens = SCREENS_BY_ROLE[me.role] ?? [];
    const place = placeOf(this.screen);
    const asked = place.screen as ScreenId;
    const known = Object.hasOwn(ROUTES, asked);
    const allowed = known && ROUTES[asked].roles.includes(me.role);
    const current: ScreenId | undefined = allowed ? asked : screens[0];
    const forbidden = known && !allowed;
    // The navigation marks the screen a sub-screen belongs to (a walk's registrations are under « Diagnostics »,
    // a project and its workshops' registrations under « Projets »).
    const underProjects = (current === 'project' || place.gathering === 'workshop') && screens.includes('projects');
    const marked: ScreenId | undefined = current && ROUTES[current].nav ? current : underProjects ? 'projects' : screens[0];
    const who = me.account?.name || me.account?.email || me.organisation || t.roles[me.role];
    const role = me.organisation ? `${t.roles[me.role]} (${me.organisation})` : t.roles[me.role];
    return html`<div lang=${this.locale}>
      <header>
        ${heading(this.level(), t.appTitle)}
        <p class="who">${t.signedInAs(who, role)}</p>
        <button type="button" class="secondary" @click=${() => void this.signOut()}>${t.signOut}</button>
      </header>
      ${this.actionError ? html`<p class="error" role="alert">${this.actionError}</p>` : nothing}
      <nav aria-label=${t.navLabel}>
        <ul>
          ${screens.map(
            // The page's own address and the screen's #hash (the hash alone would read as a link to a missing anchor).
            (id) =>
              html`<li>
                <a href="${location.pathname}${location.search}#${id}" aria-current=${id === marked ? 'page' : nothing}>${t.screens[id]}</a>
              </li>`,
          )}
        </ul>
      </nav>
      <main tabindex="-1">
        ${forbidden ? html`<p class="notice" role="alert">${t.errors.forbidden}</p>` : nothing}
        ${
          current
            ? this.screenOf(current, allowed ? place.walkId : undefined, allowed ? place.gathering : undefined)
            : html`<p class="notice">${t.noScreen}</p>`
        }
      </main>
    </div>`;
  }

  private screenOf(id: ScreenId, walkId: string | undefined, gathering?: 'workshop'): TemplateResult {
    const t = this.t;
    const level = this.level(1);
    // Each screen leaves out what this role may not do.
    const role = this.me!.role;
    if (ROUTES[id].walk === 'required' && !walkId) return html`<p class="notice" role="status">${t.noWalkChosen}</p>`;
    switch (id) {
      case 'walks':
        return html`<gusp-console-walks endpoint=${this.apiBase} staff-role=${role} heading-level=${level}></gusp-console-walks>`;
      case 'plan':
        return html`<gusp-console-plan
          endpoint=${this.apiBase}
          staff-role=${role}
          heading-level=${level}
          walk-id=${walkId ?? nothing}
        ></gusp-console-plan>`;
      case 'registrations':
        return html`<gusp-console-registrations
          endpoint=${this.apiBase}
          staff-role=${role}
          heading-level=${level}
          walk-id=${walkId!}
          gathering=${gathering ?? nothing}
        ></gusp-console-registrations>`;
      case 'day':
        return html`<gusp-console-day
          endpoint=${this.apiBase}
          staff-role=${role}
          heading-level=${level}
          walk-id=${walkId ?? nothing}
          gathering=${gathering ?? nothing}
        ></gusp-console-day>`;
      case 'inbox':
        return html`<gusp-console-inbox
          endpoint=${this.apiBase}
          staff-role=${role}
          heading-level=${level}
          walk-id=${walkId ?? nothing}
        ></gusp-console-inbox>`;
      case 'report':
        return html`<gusp-console-report
          endpoint=${this.apiBase}
          staff-role=${role}
          heading-level=${level}
          walk-id=${walkId!}
        ></gusp-console-report>`;
      case 'engagements':
        return html`<gusp-console-engagements
          endpoint=${this.apiBase}
          staff-role=${role}
          heading-level=${level}
        ></gusp-console-engagements>`;
      case 'projects':
        return html`<gusp-console-projects endpoint=${this.apiBase} staff-role=${role} heading-level=${level}></gusp-console-projects>`;
      case 'project':
        return html`<gusp-console-project
          endpoint=${this.apiBase}
          staff-role=${role}
          heading-level=${level}
          project-id=${walkId ?? nothing}
        ></gusp-console-project>`;
      case 'dashboard':
        return html`<gusp-console-dashboard endpoint=${this.apiBase} staff-role=${role} heading-level=${level}></gusp-console-dashboard>`;
      case 'accounts':
        return html`<gusp-console-accounts endpoint=${this.apiBase} staff-role=${role} heading-level=${level}></gusp-console-accounts>`;
    }
  }
}
