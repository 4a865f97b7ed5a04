// SPDX-License-Identifier: EUPL-1.2
import { walkSignup } from './fr/walk-signup.js';
import { BuiltInTexts, CoreMessages } from './registry.js';

/** The texts of `<gusp-walk-signup>`: French in its bundle, English in a chunk loaded when a page asks for it. */
export const WALK_SIGNUP_TEXTS = /* @__PURE__ */ new BuiltInTexts('walkSignup', walkSignup, {
  en: () => import('./en/walk-signup.js').then((m) => m.walkSignup),
});

/** The core's messages it shows, English loaded with it. */
export const WALK_SIGNUP_MESSAGES = /* @__PURE__ */ new CoreMessages({ en: () => import('./en/core-walk-signup.js').then((m) => m.parts) });
