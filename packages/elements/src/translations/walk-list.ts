// SPDX-License-Identifier: EUPL-1.2
import { walkList } from './fr/walk-list.js';
import { BuiltInTexts } from './registry.js';

/** The texts of `<gusp-walk-list>`: French in its bundle, English in a chunk loaded when a page asks for it. */
export const WALK_LIST_TEXTS = /* @__PURE__ */ new BuiltInTexts('walkList', walkList, {
  en: () => import('./en/walk-list.js').then((m) => m.walkList),
});
