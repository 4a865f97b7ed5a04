// SPDX-License-Identifier: EUPL-1.2
import { GuspConsoleRegistrations } from '../registrations/registrations.js';

if (!customElements.get('gusp-console-registrations')) customElements.define('gusp-console-registrations', GuspConsoleRegistrations);

declare global {
  interface HTMLElementTagNameMap {
    'gusp-console-registrations': GuspConsoleRegistrations;
  }
}

export { GuspConsoleRegistrations };
