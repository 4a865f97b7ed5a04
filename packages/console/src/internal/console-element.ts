// SPDX-License-Identifier: EUPL-1.2
import { LitElement, type CSSResultGroup } from 'lit';
import type { ConsoleTexts } from '../translations/index.js';
import { ApiRefusal } from './api.js';
import { SessionEndedEvent, type StaffRole } from './events.js';
import { LocalizeController } from './localize.js';

/**
 * What every console screen shares, as @gusp/elements' GuspElement does for the public ones: its
 * language (`lang`, else the closest `[lang]` ancestor, else French), the `endpoint` of the API
 * (`/api` by default: the console is served by the GUSP server, which owns the session cookie) and
 * the level of its title.
 */
export abstract class ConsoleElement extends LitElement {
  static override properties = {
    endpoint: { type: String },
    langAttribute: { type: String, attribute: 'lang' },
    headingLevel: { type: Number, attribute: 'heading-level' },
    staffRole: { type: String, attribute: 'staff-role' },
  };

  /** Each screen's styles, set by its class: the `--gusp-…` tokens, then its own rules. */
  declare static styles?: CSSResultGroup;

  /** Base URL of the GUSP API, on the same origin as the page (the session cookie is sent to it only); `/api` by default. */
  declare endpoint: string | undefined;
  /** The language (`fr`, `en`…); without it, the closest `[lang]` ancestor's, else French. */
  declare langAttribute: string | undefined;
  /** The level of the screen's title, 1 to 6; 2 by default. */
  declare headingLevel: number | undefined;
  /**
   * The signed-in person's role (`coordinator`, `agent`, `organisation`), set by `<gusp-console>`:
   * a screen leaves out what the role may not do (the server refuses it anyway, localized).
   */
  declare staffRole: StaffRole | undefined;

  protected readonly localize = new LocalizeController(this);

  /** The screen's texts, in {@linkcode locale}. */
  protected get t(): ConsoleTexts {
    return this.localize.texts;
  }

  /** The language the screen speaks now. */
  get locale(): string {
    return this.localize.lang;
  }

  protected get apiBase(): string {
    return (this.endpoint?.trim() || '/api').replace(/\/+$/, '');
  }

  /** The title's level without `heading-level`: 2 for a screen (under a page's or the app's `<h1>`). */
  protected get defaultHeadingLevel(): number {
    return 2;
  }

  /** A heading level `depth` below the screen's title (0: the title), within 1–6. */
  protected level(depth = 0): number {
    const asked = Number(this.headingLevel);
    const top = Number.isInteger(asked) && asked >= 1 && asked <= 6 ? asked : this.defaultHeadingLevel;
    return Math.min(6, top + depth);
  }

  /** A request refused for want of a session (401): the console asks the person to sign in again (a retry here could not help). */
  protected sessionEnded(error: unknown): void {
    if (error instanceof ApiRefusal && error.status === 401) this.dispatchEvent(new SessionEndedEvent());
  }

  /**
   * Resolves once the load under way has ended (arrived or failed) and is rendered: after the
   * pending update first (a property just changed starts its load there), then `task`, then
   * whatever else the screen waits for (`also`: its outbox flushing), then the render.
   */
  protected settledAfter(task: { readonly taskComplete: Promise<unknown> }, also?: () => Promise<unknown> | undefined): Promise<void> {
    return this.updateComplete
      .then(() => task.taskComplete)
      .catch(() => undefined)
      .then(() => also?.())
      .then(() => this.updateComplete)
      .then(() => undefined);
  }

  /**
   * A refusal or failure in the console's words (its translation files), the server's own
   * localized message for a code the console has no text for: never a raw code, never blank.
   */
  protected describeError(error: unknown): string {
    const { errors } = this.t;
    if (!(error instanceof ApiRefusal)) return errors.unavailable;
    switch (error.error.code) {
      case 'staff.sign-in-invalid':
        return errors.signInInvalid;
      case 'request.rate-limited': {
        const seconds = Number(error.error.details['retryAfterSeconds']);
        return errors.rateLimited(Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds / 60) : 15);
      }
      case 'auth.session-invalid':
      case 'auth.required':
        return errors.sessionEnded;
      case 'auth.forbidden':
        return errors.forbidden;
      default:
        return error.error.message || errors.unavailable;
    }
  }
}
