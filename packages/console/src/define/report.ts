// SPDX-License-Identifier: EUPL-1.2
import { GuspConsoleReport } from '../report/report.js';

if (!customElements.get('gusp-console-report')) customElements.define('gusp-console-report', GuspConsoleReport);

declare global {
  interface HTMLElementTagNameMap {
    'gusp-console-report': GuspConsoleReport;
  }
}

export { GuspConsoleReport };
