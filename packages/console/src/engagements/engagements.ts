// SPDX-License-Identifier: EUPL-1.2
import { heading } from '@gusp/elements/shared/heading.js';
import { html, type TemplateResult } from 'lit';
import { ConsoleElement } from '../internal/console-element.js';
import { tokens } from '../styles/tokens.js';

/**
 * `<gusp-console-engagements>`: The commitments made after the walks, their due dates and progress.
 * (Scaffold: its room fills it in.)
 */
export class GuspConsoleEngagements extends ConsoleElement {
  static override properties = {
    ...ConsoleElement.properties,
  };

  static override styles = [tokens];

  override render(): TemplateResult {
    const t = this.t.engagements;
    return html`<section lang=${this.locale} aria-labelledby="engagements-title" data-screen="engagements">
      ${heading(this.level(), t.title, { id: 'engagements-title' })}
      <p>${t.intro}</p>
    </section>`;
  }
}
