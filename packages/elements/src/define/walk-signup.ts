// SPDX-License-Identifier: EUPL-1.2
import { GuspWalkSignup } from '../walk-signup/walk-signup.js';

if (!customElements.get('gusp-walk-signup')) customElements.define('gusp-walk-signup', GuspWalkSignup);

declare global {
  interface HTMLElementTagNameMap {
    'gusp-walk-signup': GuspWalkSignup;
  }
}

export { GuspWalkSignup };
