// SPDX-License-Identifier: EUPL-1.2
import { heading } from '@gusp/elements/shared/heading.js';
import { html, type TemplateResult } from 'lit';
import { ConsoleElement } from '../internal/console-element.js';
import { tokens } from '../styles/tokens.js';

/**
 * `<gusp-console-report>`: The walk’s report: write, preview, validate and give it back to every participant.
 * (Scaffold: its room fills it in.)
 */
export class GuspConsoleReport extends ConsoleElement {
  static override properties = {
    ...ConsoleElement.properties,
    walkId: { type: String, attribute: 'walk-id', reflect: true },
  };

  static override styles = [tokens];

  /** The walk the screen is about. */
  declare walkId: string | undefined;

  override render(): TemplateResult {
    const t = this.t.report;
    return html`<section lang=${this.locale} aria-labelledby="report-title" data-screen="report">
      ${heading(this.level(), t.title, { id: 'report-title' })}
      <p>${t.intro}</p>
    </section>`;
  }
}
