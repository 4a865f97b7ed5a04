// SPDX-License-Identifier: EUPL-1.2
import { GuspConsoleDashboard } from '../dashboard/dashboard.js';

if (!customElements.get('gusp-console-dashboard')) customElements.define('gusp-console-dashboard', GuspConsoleDashboard);

declare global {
  interface HTMLElementTagNameMap {
    'gusp-console-dashboard': GuspConsoleDashboard;
  }
}

export { GuspConsoleDashboard };
