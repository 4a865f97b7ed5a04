// SPDX-License-Identifier: EUPL-1.2
// The app registers the screens it shows with it.
import './accounts.js';
import './day.js';
import './plan.js';
import './registrations.js';
import './sign-in.js';
import './walks.js';
import { GuspConsole } from '../app/console-app.js';

if (!customElements.get('gusp-console')) customElements.define('gusp-console', GuspConsole);

declare global {
  interface HTMLElementTagNameMap {
    'gusp-console': GuspConsole;
  }
}

export { GuspConsole };
