// SPDX-License-Identifier: EUPL-1.2
import { project } from './fr/project.js';
import { BuiltInTexts } from './registry.js';

/** The texts of `<gusp-project>` (and of its workshops' sign-up): French in its bundle, English in a chunk loaded when a page asks for it. */
export const PROJECT_TEXTS = /* @__PURE__ */ new BuiltInTexts('project', project, {
  en: () => import('./en/project.js').then((m) => m.project),
});
