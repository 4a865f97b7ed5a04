// SPDX-License-Identifier: EUPL-1.2
import { css, html, type TemplateResult } from 'lit';
import { heading } from '@gusp/elements/shared/heading.js';
import { ConsoleElement } from '../internal/console-element.js';
import { tokens } from '../styles/tokens.js';

/**
 * `<gusp-console-day>`: day screen of the back office (being built: it says so).
 */
export class GuspConsoleDay extends ConsoleElement {
  static override properties = {
    ...ConsoleElement.properties,
    walkId: { type: String, attribute: 'walk-id', reflect: true },
  };

  static override styles = [tokens, css``];

  /** The walk the screen is about, when it is about one. */
  declare walkId: string | undefined;

  protected override render(): TemplateResult {
    const t = this.t;
    return html`<section lang=${this.locale} aria-labelledby="day-title" data-screen="day">
      ${heading(this.level(), t.day.title, { id: 'day-title' })}
      <p class="notice">${t.comingSoonNote}</p>
    </section>`;
  }
}
