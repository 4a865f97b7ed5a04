// SPDX-License-Identifier: EUPL-1.2
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { ApiRefusal } from './api.js';
import { ConsoleElement } from './console-element.js';

/** How a screen says its load failed ({@linkcode ConsoleScreen.loadFailure}). */
export interface LoadFailure {
  /** Said before the reason while the data already shown stays (« Le rechargement a échoué. »). */
  readonly prefix?: string;
  /** The alert's id and « Réessayer »'s (tests and the journey find them by these). */
  readonly ids?: { readonly alert?: string; readonly retry?: string };
  /** The HTTP statuses a retry cannot change (no access, no such walk): `instead` of « Réessayer ». */
  readonly final?: readonly number[];
  /** What stands where « Réessayer » would after a final refusal (a way back); nothing by default. */
  readonly instead?: TemplateResult | typeof nothing;
  /** « Réessayer »'s class (`no-print` where the screen is printed). */
  readonly retryClass?: string;
}

/**
 * A console screen that loads its data (a `@lit/task` Task): `data` is what it shows, set when it
 * loads, or given by the page (a story, an intranet's own loading) and then shown as it is;
 * `loaded` resolves once a load has ended and is rendered; `reload()` loads again (« Réessayer »).
 */
export abstract class ConsoleScreen<D> extends ConsoleElement {
  static override properties = {
    ...ConsoleElement.properties,
    data: { attribute: false },
  };

  /** The data shown: set by the screen when it loads, or given (a story, a test, an intranet). */
  declare data: D | undefined;

  /** Whether the page gave `data` before the screen connected: then it is shown, not loaded. */
  protected given = false;

  /** The screen's load. */
  protected abstract readonly task: { run(): Promise<unknown>; readonly taskComplete: Promise<unknown>; readonly error: unknown };

  override connectedCallback(): void {
    super.connectedCallback();
    this.given = this.data !== undefined;
  }

  /** Resolves once the load under way has ended (arrived or failed) and is rendered. */
  get loaded(): Promise<void> {
    return this.settledAfter(this.task);
  }

  /** Loads again (« Réessayer », and after a change the screen made). */
  async reload(): Promise<void> {
    await this.task.run();
  }

  /**
   * The load's failure: why, in words (an alert), then « Réessayer », which loads again; after a
   * refusal a retry cannot change (`final`), `instead` in its place.
   */
  protected loadFailure({ prefix, ids = {}, final = [], instead = nothing, retryClass }: LoadFailure = {}): TemplateResult {
    const error = this.task.error;
    const refused = error instanceof ApiRefusal && final.includes(error.status);
    const retry = () => void this.reload();
    return html`<p class="error" role="alert" id=${ifDefined(ids.alert)}>${prefix ? `${prefix} ` : ''}${this.describeError(error)}</p>
      ${
        refused
          ? instead
          : html`<button type="button" id=${ifDefined(ids.retry)} class=${ifDefined(retryClass)} @click=${retry}>${this.t.retry}</button>`
      }`;
  }
}
