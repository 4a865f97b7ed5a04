// SPDX-License-Identifier: EUPL-1.2
import { css } from 'lit';
import { formStyles } from '../styles/form.js';

export const styles = [
  ...formStyles,
  css`
    /* By id, not tag: the levels follow \`heading-level\`. */
    #title {
      margin-block: 0 var(--_space);
    }
    #error-summary-title,
    #pending-title {
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
    .thumbnails {
      display: grid;
      /* Three photos at most: three columns, even at 320 px. */
      grid-template-columns: repeat(3, minmax(0, 8rem));
      gap: 0.5rem;
      margin: 0 0 0.5rem;
      padding: 0;
      list-style: none;
    }
    .thumbnails li {
      display: flex;
      flex-direction: column;
      gap: 0.25rem;
      min-inline-size: 0;
    }
    .thumbnails img {
      inline-size: 100%;
      block-size: 5rem;
      object-fit: cover;
      border-radius: var(--_radius);
    }
    .thumbnails button {
      padding-inline: 0.5rem;
    }
    .add-photos {
      display: block;
      font-weight: 600;
    }
    input[type='file'] {
      display: block;
      inline-size: 100%;
      font: inherit;
      color: var(--_muted);
    }
    /* The picker's button, styled as our secondary buttons: a 44 px target in the theme's colours. */
    input[type='file']::file-selector-button {
      min-block-size: var(--_target);
      margin-inline-end: 0.75rem;
      padding-block: 0.5rem;
      padding-inline: 1.25rem;
      font: inherit;
      font-weight: 600;
      color: var(--_primary);
      background: var(--_bg);
      border: 2px solid var(--_primary);
      border-radius: var(--_radius);
      cursor: pointer;
    }
    input[type='file']:disabled::file-selector-button {
      cursor: not-allowed;
      opacity: 0.6;
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
