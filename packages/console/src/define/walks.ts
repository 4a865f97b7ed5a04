// SPDX-License-Identifier: EUPL-1.2
import { GuspConsoleWalks } from '../walks/walks.js';

if (!customElements.get('gusp-console-walks')) customElements.define('gusp-console-walks', GuspConsoleWalks);

declare global {
  interface HTMLElementTagNameMap {
    'gusp-console-walks': GuspConsoleWalks;
  }
}

export { GuspConsoleWalks };
