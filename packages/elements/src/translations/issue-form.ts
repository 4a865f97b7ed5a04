// SPDX-License-Identifier: EUPL-1.2
import { issueForm } from './fr/issue-form.js';
import { BuiltInTexts, CoreMessages } from './registry.js';

/** The texts of `<gusp-issue-form>`: French in its bundle, English in a chunk loaded when a page asks for it. */
export const ISSUE_FORM_TEXTS = /* @__PURE__ */ new BuiltInTexts('issueForm', issueForm, {
  en: () => import('./en/issue-form.js').then((m) => m.issueForm),
});

/** The core's messages it shows, English loaded with it. */
export const ISSUE_FORM_MESSAGES = /* @__PURE__ */ new CoreMessages({ en: () => import('./en/core-issue-form.js').then((m) => m.parts) });
