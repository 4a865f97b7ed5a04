// SPDX-License-Identifier: EUPL-1.2
import { heading } from '@gusp/elements/shared/heading.js';
import { html, type TemplateResult } from 'lit';
import { ConsoleElement } from '../internal/console-element.js';
import { tokens } from '../styles/tokens.js';

/**
 * `<gusp-console-inbox>`: Observations from walks and residents, to qualify, merge, set aside or resolve.
 * (Scaffold: its room fills it in.)
 */
export class GuspConsoleInbox extends ConsoleElement {
  static override properties = {
    ...ConsoleElement.properties,
    walkId: { type: String, attribute: 'walk-id', reflect: true },
  };

  static override styles = [tokens];

  /** The walk the screen is about. */
  declare walkId: string | undefined;

  override render(): TemplateResult {
    const t = this.t.inbox;
    return html`<section lang=${this.locale} aria-labelledby="inbox-title" data-screen="inbox">
      ${heading(this.level(), t.title, { id: 'inbox-title' })}
      <p>${t.intro}</p>
    </section>`;
  }
}
