// SPDX-License-Identifier: EUPL-1.2
import { css } from 'lit';
import { formControls, tokens } from '../styles/tokens.js';

export const styles = [
  tokens,
  formControls,
  css`
    :host {
      max-inline-size: 60rem;
    }
    /* By id, not tag: its level follows \`heading-level\`. */
    #heading {
      margin-block: 0 var(--_space);
      font-size: 1.375em;
    }
    .counters {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(8rem, 1fr));
      gap: 0.5rem;
      margin-block: 0 var(--_space);
      padding: 0;
      list-style: none;
    }
    .counter {
      display: flex;
      flex-direction: column;
      padding-block: 0.5rem;
      padding-inline: 0.75rem;
      background: var(--_surface);
      border-radius: var(--_radius);
    }
    .counter-label {
      white-space: nowrap;
    }
    .count {
      font-size: 1.5em;
      font-weight: 700;
      line-height: 1.2;
    }
    .counter.overdue .count {
      color: var(--_error);
    }
    .filters {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr));
      gap: 0 var(--_space);
    }
    .filters legend {
      grid-column: 1 / -1;
    }
    .list {
      display: block;
    }
    .item {
      inline-size: 100%;
      padding-block: 0.75rem;
      border-block-end: 1px solid var(--_border);
    }
    .item .title {
      margin: 0;
      font-size: 1.0625em;
    }
    .item p {
      margin-block: 0.25rem 0;
    }
    .meta,
    .observations {
      color: var(--_muted);
    }
    .resident-answers[data-said-no] {
      font-weight: 600;
    }
    .state {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem;
    }
    .badge {
      padding-inline: 0.5rem;
      border: 2px solid currentColor;
      border-radius: 999px;
      font-weight: 600;
    }
    .badge.overdue {
      color: var(--_error);
    }
    .badge.done,
    .badge.verified {
      color: var(--_success);
    }
    .progress {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem;
    }
    progress {
      inline-size: 10rem;
      max-inline-size: 100%;
      accent-color: var(--_primary);
    }
    summary {
      min-block-size: var(--_target);
      display: flex;
      align-items: center;
      cursor: pointer;
      color: var(--_primary);
      font-weight: 600;
    }
    summary::before {
      content: '▸';
      margin-inline-end: 0.375rem;
    }
    details[open] summary::before {
      content: '▾';
    }
    .timeline {
      margin-block: 0;
      padding-inline-start: 1.25rem;
    }
    @media print {
      .filters {
        display: none;
      }
      details > :not(summary) {
        display: block;
      }
    }
  `,
];
