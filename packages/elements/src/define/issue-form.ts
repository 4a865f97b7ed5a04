// SPDX-License-Identifier: EUPL-1.2
import { GuspIssueForm } from '../issue-form/issue-form.js';

if (!customElements.get('gusp-issue-form')) customElements.define('gusp-issue-form', GuspIssueForm);

declare global {
  interface HTMLElementTagNameMap {
    'gusp-issue-form': GuspIssueForm;
  }
}

export { GuspIssueForm };
