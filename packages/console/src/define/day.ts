// SPDX-License-Identifier: EUPL-1.2
import { GuspConsoleDay } from '../day/day.js';

if (!customElements.get('gusp-console-day')) customElements.define('gusp-console-day', GuspConsoleDay);

declare global {
  interface HTMLElementTagNameMap {
    'gusp-console-day': GuspConsoleDay;
  }
}

export { GuspConsoleDay };
