// SPDX-License-Identifier: EUPL-1.2
import { GuspConsoleAccounts } from '../accounts/accounts.js';

if (!customElements.get('gusp-console-accounts')) customElements.define('gusp-console-accounts', GuspConsoleAccounts);

declare global {
  interface HTMLElementTagNameMap {
    'gusp-console-accounts': GuspConsoleAccounts;
  }
}

export { GuspConsoleAccounts };
