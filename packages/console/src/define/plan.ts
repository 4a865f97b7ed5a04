// SPDX-License-Identifier: EUPL-1.2
import { GuspConsolePlan } from '../plan/plan.js';

if (!customElements.get('gusp-console-plan')) customElements.define('gusp-console-plan', GuspConsolePlan);

declare global {
  interface HTMLElementTagNameMap {
    'gusp-console-plan': GuspConsolePlan;
  }
}

export { GuspConsolePlan };
