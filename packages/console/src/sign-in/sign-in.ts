// SPDX-License-Identifier: EUPL-1.2
import { css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { ApiRefusal, setCsrfToken, staffRequest } from '../internal/api.js';
import { ConsoleElement } from '../internal/console-element.js';
import { SignedInEvent, type SignedIn } from '../internal/events.js';
import { heading } from '@gusp/elements/shared/heading.js';
import { tokens } from '../styles/tokens.js';

/** `GET /api/staff/sign-in`: how people may sign in on this server. */
export interface SignInMethods {
  readonly email: boolean;
  readonly oidc: { readonly name: string; readonly start: string } | null;
}

/** The steps of signing in, as data: which one is shown decides the whole template. */
export const SignInStep = {
  /** The address form. */
  email: 'email',
  /** « Check your email », with the 6-digit code form. */
  code: 'code',
  /** A link's token being verified (`/gestion/connexion?token=…`). */
  link: 'link',
  /** That token was refused: ask for a new link. */
  linkFailed: 'link-failed',
} as const;
export type SignInStep = (typeof SignInStep)[keyof typeof SignInStep];

// The server's own check (routes/staff.ts), so a typo is said here rather than after a round trip.
// eslint-disable-next-line no-control-regex -- control characters are what this refuses
const EMAIL = /^[^\s@\u0000-\u001f\u007f]{1,64}@[^\s@\u0000-\u001f\u007f]{1,255}$/;

/**
 * `<gusp-console-sign-in>`: passwordless sign-in to the back office. An address asks for an
 * emailed link and 6-digit code (the answer is the same whether the address has an account or
 * not); the code opens the session here, the link opens it when the page is loaded with its
 * `token` (the console sets it from `/gestion/connexion?token=…`). The session is the server's
 * HttpOnly cookie; the element then fires `gusp-signed-in` with the account and the CSRF token.
 *
 * @fires gusp-signed-in - A session is open; `detail` is `{ account, session }`.
 * @csspart form - Each form.
 * @csspart error - An error message.
 */
export class GuspConsoleSignIn extends ConsoleElement {
  static override properties = {
    ...ConsoleElement.properties,
    token: { type: String },
    email: { type: String },
    step: { type: String, reflect: true },
    busy: { state: true },
    emailError: { state: true },
    codeError: { state: true },
    formError: { state: true },
    notice: { type: String },
    methods: { attribute: false },
    oidcError: { type: String, attribute: 'oidc-error' },
  };

  static override styles = [
    tokens,
    css`
      .card {
        max-width: 32rem;
        padding: var(--_space);
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        background: var(--_bg);
      }
      a.provider {
        display: inline-block;
        padding: 0.5rem 1rem;
        min-height: 2.75rem;
        border: 2px solid var(--_primary);
        border-radius: var(--_radius);
        font-weight: 600;
      }
      #code {
        max-width: 10rem;
        letter-spacing: 0.2em;
        font-variant-numeric: tabular-nums;
      }
    `,
  ];

  /** A sign-in link's token: verified as soon as the element connects (the link landing). */
  declare token: string | undefined;
  /** The address, prefilled (and the one the code goes with). */
  declare email: string;
  /** The step shown ({@linkcode SignInStep}). */
  declare step: SignInStep;
  /** A message shown above the form (« Vous êtes déconnecté. »), set by the console. */
  declare notice: string | undefined;
  declare private busy: boolean;
  declare private emailError: string | undefined;
  declare private codeError: string | undefined;
  declare private formError: string | undefined;
  /**
   * How the server signs people in, `GET /api/staff/sign-in`'s answer: by email always, and
   * through the city's OpenID Connect provider (ProConnect…) when `oidc` is set. Asked when the
   * element connects unless given.
   */
  declare methods: SignInMethods | undefined;
  /**
   * Why a sign-in through the city's provider failed, as the server's callback says it
   * (`/gestion/connexion?error=oidc-no-account`…; read from the address when not given): shown in
   * words above the sign-in, once (it leaves the address).
   */
  declare oidcError: string | undefined;

  private get provider(): { readonly name: string; readonly start: string } | undefined {
    const oidc = this.methods?.oidc;
    return oidc && typeof oidc.start === 'string' && typeof oidc.name === 'string' ? oidc : undefined;
  }
  /** Where the focus goes after the next render (a field in error, the next step's first control). */
  private focusNext: string | undefined;

  constructor() {
    super();
    this.email = '';
    this.step = SignInStep.email;
    this.busy = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.methods) void this.askMethods();
    if (this.oidcError === undefined) this.takeOidcError();
  }

  /** The provider's failure the server's callback put in the address (`?error=oidc-…`), taken out of it. */
  private takeOidcError(): void {
    const url = new URL(location.href);
    const code = url.searchParams.get('error');
    if (!code?.startsWith('oidc-')) return;
    this.oidcError = code;
    url.searchParams.delete('error');
    history.replaceState(history.state, '', url.pathname + url.search + url.hash);
  }

  /** How this server signs people in: by email always, and through the city's provider when it has one. */
  private async askMethods(): Promise<void> {
    try {
      this.methods = await staffRequest<SignInMethods>(this.apiBase, '/staff/sign-in', { locale: this.locale });
    } catch {
      // A server without the question (or unreachable): the email sign-in alone, which says so when it fails.
      this.methods = { email: true, oidc: null };
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('token') && this.token) {
      this.step = SignInStep.link;
      this.busy = true;
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('token') && this.token) void this.verify({ token: this.token });
    if (this.focusNext) {
      this.renderRoot.querySelector<HTMLElement>(this.focusNext)?.focus();
      this.focusNext = undefined;
    }
  }

  protected override render(): TemplateResult {
    return html`<section class="card" lang=${this.locale} aria-labelledby="sign-in-title">
      ${this.notice && this.step === SignInStep.email ? html`<p class="notice" role="status">${this.notice}</p>` : nothing} ${this.body()}
    </section>`;
  }

  private body(): TemplateResult {
    const t = this.t;
    switch (this.step) {
      case SignInStep.link:
        return html`${heading(this.level(), t.signInTitle, { id: 'sign-in-title' })}
        ${this.formError ? this.alert() : html`<p role="status">${t.verifyingLink}</p>`}
        ${this.formError ? html`<button type="button" @click=${(e: Event) => this.restart(e)}>${t.askNewLink}</button>` : nothing}`;
      case SignInStep.linkFailed:
        return html`${heading(this.level(), t.signInTitle, { id: 'sign-in-title' })}
          <p class="error" part="error" role="alert">${t.linkFailed}</p>
          <button type="button" id="restart" @click=${(e: Event) => this.restart(e)}>${t.askNewLink}</button>`;
      case SignInStep.code:
        return html`${heading(this.level(), t.checkEmailTitle, { id: 'sign-in-title', tabindex: '-1' })}
          <p id="sent">${t.checkEmail(this.email)}</p>
          <form part="form" novalidate @submit=${(e: Event) => this.submitCode(e)}>
            ${this.formError ? this.alert() : nothing}
            <div class="field">
              <label for="code">${t.codeLabel}</label>
              <span class="hint" id="code-hint">${t.codeHint}</span>
              <input
                id="code"
                name="code"
                inputmode="numeric"
                autocomplete="one-time-code"
                maxlength="6"
                aria-describedby=${this.codeError ? 'code-error code-hint' : 'code-hint'}
                aria-invalid=${this.codeError ? 'true' : 'false'}
              />
              ${this.codeError ? html`<p class="error" part="error" id="code-error">${this.codeError}</p>` : nothing}
            </div>
            <div class="actions">
              <button type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>${this.busy ? t.verifying : t.verify}</button>
              <button type="button" class="secondary" @click=${(e: Event) => this.restart(e)}>${t.otherAddress}</button>
            </div>
          </form>`;
      default:
        return html`${heading(this.level(), t.signInTitle, { id: 'sign-in-title' })}
          ${this.oidcError ? this.oidcAlert(this.oidcError) : nothing}
          ${
            this.provider
              ? html`<p><a class="provider" href=${this.provider.start}>${t.signInWith(this.provider.name)}</a></p>
                  <p>${t.orByEmail}</p>`
              : html`<p>${t.signInIntro}</p>`
          }
          <form part="form" novalidate @submit=${(e: Event) => this.submitEmail(e)}>
            ${this.formError ? this.alert() : nothing}
            <div class="field">
              <label for="email">${t.emailLabel}</label>
              <span class="hint" id="email-hint">${t.emailHint}</span>
              <input
                id="email"
                name="email"
                type="email"
                autocomplete="email"
                spellcheck="false"
                .value=${this.email}
                aria-describedby=${this.emailError ? 'email-error email-hint' : 'email-hint'}
                aria-invalid=${this.emailError ? 'true' : 'false'}
              />
              ${this.emailError ? html`<p class="error" part="error" id="email-error">${this.emailError}</p>` : nothing}
            </div>
            <button type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>${this.busy ? t.sending : t.sendLink}</button>
          </form>`;
    }
  }

  /** Why the provider's sign-in failed, in words, and what to do (the email sign-in stays below). */
  private oidcAlert(code: string): TemplateResult {
    const texts = this.t.accounts.signInErrors;
    const message = texts[code.slice('oidc-'.length) as keyof typeof texts] ?? texts.failed;
    return html`<p class="error" part="error" role="alert" id="oidc-error">${message}</p>`;
  }

  private alert(): TemplateResult {
    return html`<p class="error" part="error" role="alert" id="form-error" tabindex="-1">${this.formError}</p>`;
  }

  private input(id: string): HTMLInputElement {
    return this.renderRoot.querySelector<HTMLInputElement>(`#${id}`)!;
  }

  private async submitEmail(event: Event): Promise<void> {
    event.preventDefault();
    if (this.busy) return;
    const email = this.input('email').value.trim();
    this.email = email;
    this.formError = undefined;
    this.emailError = !email ? this.t.errors.emailMissing : !EMAIL.test(email) ? this.t.errors.emailInvalid : undefined;
    if (this.emailError) {
      this.focusNext = '#email';
      return;
    }
    this.busy = true;
    try {
      await staffRequest(this.apiBase, '/staff/sign-in', { method: 'POST', json: { email }, locale: this.locale });
      this.step = SignInStep.code;
      this.focusNext = '#code';
    } catch (error) {
      this.showError(error, '#email', (message) => (this.emailError = message));
    } finally {
      this.busy = false;
    }
  }

  private async submitCode(event: Event): Promise<void> {
    event.preventDefault();
    if (this.busy) return;
    const code = this.input('code').value.replace(/\s+/g, '');
    this.formError = undefined;
    this.codeError = /^\d{6}$/.test(code) ? undefined : this.t.errors.codeInvalid;
    if (this.codeError) {
      this.focusNext = '#code';
      return;
    }
    await this.verify({ email: this.email, code });
  }

  /** Opens the session from a link's token or the address and its code. */
  private async verify(input: { token: string } | { email: string; code: string }): Promise<void> {
    this.busy = true;
    try {
      const signedIn = await staffRequest<SignedIn>(this.apiBase, '/staff/sign-in/verify', {
        method: 'POST',
        json: input,
        locale: this.locale,
      });
      setCsrfToken(this.apiBase, signedIn.session.csrfToken);
      this.dispatchEvent(new SignedInEvent(signedIn));
    } catch (error) {
      if ('token' in input) {
        if (error instanceof ApiRefusal && error.error.code === 'staff.sign-in-invalid') {
          this.step = SignInStep.linkFailed;
          this.focusNext = '#restart';
        } else this.formError = this.describeError(error);
      } else this.showError(error, '#code', (message) => (this.codeError = message));
    } finally {
      this.busy = false;
    }
  }

  /** A wrong code is said at its field; anything else (rate limit, network) above the form. */
  private showError(error: unknown, field: string, atField: (message: string) => void): void {
    const message = this.describeError(error);
    const fieldError = error instanceof ApiRefusal && ['staff.sign-in-invalid', 'request.invalid-body'].includes(error.error.code);
    if (fieldError) {
      atField(message);
      this.focusNext = field;
    } else {
      this.formError = message;
      this.focusNext = '#form-error';
    }
  }

  private restart(_event?: Event): void {
    this.token = undefined;
    this.step = SignInStep.email;
    this.formError = this.codeError = undefined;
    this.focusNext = '#email';
  }
}
