// SPDX-License-Identifier: EUPL-1.2
import { heading } from '@gusp/elements/shared/heading.js';
import { html, type TemplateResult } from 'lit';
import { ConsoleElement } from '../internal/console-element.js';
import { tokens } from '../styles/tokens.js';

/**
 * `<gusp-console-dashboard>`: Coverage of priority quartiers, observations and commitments, for the steering committee.
 * (Scaffold: its room fills it in.)
 */
export class GuspConsoleDashboard extends ConsoleElement {
  static override properties = {
    ...ConsoleElement.properties,
  };

  static override styles = [tokens];

  override render(): TemplateResult {
    const t = this.t.dashboard;
    return html`<section lang=${this.locale} aria-labelledby="dashboard-title" data-screen="dashboard">
      ${heading(this.level(), t.title, { id: 'dashboard-title' })}
      <p>${t.intro}</p>
    </section>`;
  }
}
