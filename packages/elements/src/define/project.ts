// SPDX-License-Identifier: EUPL-1.2
// The project page opens `<gusp-workshop-signup>` forms: that tag is registered with it.
import './workshop-signup.js';
import { GuspProject } from '../project/project.js';

if (!customElements.get('gusp-project')) customElements.define('gusp-project', GuspProject);

declare global {
  interface HTMLElementTagNameMap {
    'gusp-project': GuspProject;
  }
}

export { GuspProject };
