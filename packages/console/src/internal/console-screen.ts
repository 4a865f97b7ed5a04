// SPDX-License-Identifier: EUPL-1.2
import { ConsoleElement } from './console-element.js';

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
  protected abstract readonly task: { run(): Promise<unknown>; readonly taskComplete: Promise<unknown> };

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
}
