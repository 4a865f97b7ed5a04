// SPDX-License-Identifier: EUPL-1.2
import { GuspConsoleProjects } from '../projects/projects.js';

if (!customElements.get('gusp-console-projects')) customElements.define('gusp-console-projects', GuspConsoleProjects);

declare global {
  interface HTMLElementTagNameMap {
    'gusp-console-projects': GuspConsoleProjects;
  }
}

export { GuspConsoleProjects };
