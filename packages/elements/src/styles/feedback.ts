// SPDX-License-Identifier: EUPL-1.2
import { css } from 'lit';

/** Notices, the error summary and failures, shared by the forms. */
export const feedback = css`
  .notice {
    padding-block: 0.75rem;
    padding-inline: var(--_space);
    margin-block: 0 var(--_space);
    color: var(--_warning-text);
    background: var(--_warning-bg);
    border-inline-start: 0.375rem solid currentColor;
    border-radius: var(--_radius);
  }
  .error-summary,
  .failure {
    padding: var(--_space);
    margin-block: 0 var(--_space);
    border: 3px solid var(--_error);
    border-radius: var(--_radius);
  }
  .error-summary :is(h1, h2, h3, h4, h5, h6) {
    color: var(--_error);
  }
  .error-summary ul {
    margin: 0;
    padding-inline-start: 1.25rem;
  }
  .error-summary a {
    color: var(--_error);
    font-weight: 600;
  }
  .failure p {
    margin-block: 0 0.5rem;
  }
  .success {
    padding: var(--_space);
    margin-block: 0 var(--_space);
    border-inline-start: 0.375rem solid var(--_success);
    background: var(--_surface);
    border-radius: var(--_radius);
  }
`;
