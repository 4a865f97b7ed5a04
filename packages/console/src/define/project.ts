// SPDX-License-Identifier: EUPL-1.2
import { GuspConsoleProject } from '../projects/project.js';

if (!customElements.get('gusp-console-project')) customElements.define('gusp-console-project', GuspConsoleProject);

declare global {
  interface HTMLElementTagNameMap {
    'gusp-console-project': GuspConsoleProject;
  }
}

export { GuspConsoleProject };
