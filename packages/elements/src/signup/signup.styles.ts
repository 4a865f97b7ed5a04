// SPDX-License-Identifier: EUPL-1.2
import { css } from 'lit';
import { formStyles } from '../styles/form.js';

export const styles = [
  ...formStyles,
  css`
    /* By id, not tag: the levels follow \`heading-level\`. */
    #title {
      margin-block: 0 calc(var(--_space) * 0.75);
    }
    :is(h1, h2, h3, h4, h5, h6):not(#title) {
      margin-block: 0 calc(var(--_space) * 0.5);
      font-size: 1.125em;
    }
    dl {
      display: grid;
      gap: 0.5rem;
      margin-block: 0 var(--_space);
    }
    dt {
      font-weight: 600;
    }
    dd {
      margin: 0;
    }
    summary {
      display: list-item;
      min-block-size: var(--_target);
      padding-block: 0.625rem;
      color: var(--_primary);
      font-weight: 600;
      cursor: pointer;
    }
    .choices {
      display: flex;
      flex-wrap: wrap;
      column-gap: 1.5rem;
    }
    .needs {
      margin-block: 0.5rem 0;
      padding-inline-start: 0.75rem;
      border-inline-start: 0.25rem solid var(--_border);
    }
    .seats.few-seats,
    .seats.full {
      font-weight: 700;
    }
    .confirmation {
      padding: var(--_space);
      border-inline-start: 0.375rem solid var(--_success);
      background: var(--_surface);
      border-radius: var(--_radius);
    }
    #confirmation-title {
      color: var(--_success);
    }
    @media print {
      form,
      .button {
        display: none;
      }
    }
  `,
];
