// SPDX-License-Identifier: EUPL-1.2
import { GuspConsoleEngagements } from '../engagements/engagements.js';

if (!customElements.get('gusp-console-engagements')) customElements.define('gusp-console-engagements', GuspConsoleEngagements);

declare global {
  interface HTMLElementTagNameMap {
    'gusp-console-engagements': GuspConsoleEngagements;
  }
}

export { GuspConsoleEngagements };
