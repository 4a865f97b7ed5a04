// SPDX-License-Identifier: EUPL-1.2
import { GuspWorkshopSignup } from '../project/workshop-signup.js';

if (!customElements.get('gusp-workshop-signup')) customElements.define('gusp-workshop-signup', GuspWorkshopSignup);

declare global {
  interface HTMLElementTagNameMap {
    'gusp-workshop-signup': GuspWorkshopSignup;
  }
}

export { GuspWorkshopSignup };
