// SPDX-License-Identifier: EUPL-1.2
import { GuspConsoleInbox } from '../inbox/inbox.js';

if (!customElements.get('gusp-console-inbox')) customElements.define('gusp-console-inbox', GuspConsoleInbox);

declare global {
  interface HTMLElementTagNameMap {
    'gusp-console-inbox': GuspConsoleInbox;
  }
}

export { GuspConsoleInbox };
