// SPDX-License-Identifier: EUPL-1.2
// The list opens `<gusp-walk-signup>` forms: that tag is registered with it.
import './walk-signup.js';
import { GuspWalkList } from '../walk-list/walk-list.js';

if (!customElements.get('gusp-walk-list')) customElements.define('gusp-walk-list', GuspWalkList);

declare global {
  interface HTMLElementTagNameMap {
    'gusp-walk-list': GuspWalkList;
  }
}

export { GuspWalkList };
