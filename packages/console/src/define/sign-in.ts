// SPDX-License-Identifier: EUPL-1.2
import { GuspConsoleSignIn } from '../sign-in/sign-in.js';

if (!customElements.get('gusp-console-sign-in')) customElements.define('gusp-console-sign-in', GuspConsoleSignIn);

declare global {
  interface HTMLElementTagNameMap {
    'gusp-console-sign-in': GuspConsoleSignIn;
  }
}

export { GuspConsoleSignIn };
