// SPDX-License-Identifier: EUPL-1.2
import { css } from 'lit';
import { feedback } from '../styles/feedback.js';
import { formControls, tokens } from '../styles/tokens.js';

export const styles = [
  tokens,
  formControls,
  feedback,
  css`
    .card {
      padding: var(--_space);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
    }
    h2 {
      margin-block: 0 var(--_space);
      font-size: 1.375em;
      line-height: 1.25;
    }
    h3 {
      margin-block: 0 0.5rem;
      font-size: 1.0625em;
    }
    .choices {
      display: flex;
      flex-wrap: wrap;
      column-gap: 1.5rem;
    }
    .position p {
      margin-block: 0.5rem;
    }
    .pending ul {
      margin-block: 0 0.5rem;
      padding-inline-start: 1.25rem;
    }
    .pending button {
      color: var(--_warning-text);
      border-color: currentColor;
      background: transparent;
    }
    @media print {
      :host {
        display: none;
      }
    }
  `,
];
