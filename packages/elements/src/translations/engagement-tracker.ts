// SPDX-License-Identifier: EUPL-1.2
import { engagementTracker } from './fr/engagement-tracker.js';
import { BuiltInTexts, CoreMessages } from './registry.js';

/** The texts of `<gusp-engagement-tracker>`: French in its bundle, English in a chunk loaded when a page asks for it. */
export const ENGAGEMENT_TRACKER_TEXTS = /* @__PURE__ */ new BuiltInTexts('engagementTracker', engagementTracker, {
  en: () => import('./en/engagement-tracker.js').then((m) => m.engagementTracker),
});

/** The core's messages it shows, English loaded with it. */
export const ENGAGEMENT_TRACKER_MESSAGES = /* @__PURE__ */ new CoreMessages({
  en: () => import('./en/core-engagement-tracker.js').then((m) => m.parts),
});
