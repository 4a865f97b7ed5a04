// SPDX-License-Identifier: EUPL-1.2
import { GuspEngagementTracker } from '../engagement-tracker/engagement-tracker.js';

if (!customElements.get('gusp-engagement-tracker')) customElements.define('gusp-engagement-tracker', GuspEngagementTracker);

declare global {
  interface HTMLElementTagNameMap {
    'gusp-engagement-tracker': GuspEngagementTracker;
  }
}

export { GuspEngagementTracker };
