// SPDX-License-Identifier: EUPL-1.2
import { css } from 'lit';
import { cardListStyles } from '../styles/cards.js';
import { formStyles } from '../styles/form.js';

export const styles = [
  ...formStyles,
  cardListStyles,
  css`
    :host {
      display: block;
    }
    .page > section {
      margin-block-start: calc(var(--_space) * 1.5);
    }
    .page > section > :is(h2, h3, h4, h5, h6) {
      margin-block: 0 calc(var(--_space) * 0.5);
      font-size: 1.1875em;
    }
    p {
      margin-block: 0 0.25rem;
      overflow-wrap: anywhere;
    }
    dl {
      display: grid;
      gap: 0.5rem;
      margin: 0;
    }
    dt {
      font-weight: 600;
    }
    dd {
      margin: 0;
      overflow-wrap: anywhere;
    }
    ol,
    ul {
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .timeline {
      display: grid;
      gap: 0.5rem;
    }
    .phase {
      display: flex;
      gap: 0.75rem;
      padding: 0.5rem 0.75rem;
      border-inline-start: 0.25rem solid var(--_border);
    }
    .phase.to-come {
      color: var(--_muted);
    }
    .phase.current {
      border-inline-start-width: 0.5rem;
      border-color: var(--_primary);
      background: var(--_surface);
    }
    .marker {
      flex: none;
      inline-size: 1.5em;
      font-weight: 700;
      text-align: center;
    }
    .here {
      display: inline-block;
      margin-inline-start: 0.5rem;
      padding-inline: 0.5rem;
      color: var(--_on-primary);
      background: var(--_primary);
      border-radius: var(--_radius);
      font-weight: 700;
    }
    .card :is(h2, h3, h4, h5, h6) {
      margin-block-end: 0.25rem;
    }
    .seats.closed {
      font-weight: 700;
    }
    .items {
      display: grid;
      gap: 0.75rem;
    }
    .items > li {
      padding-block: 0.5rem;
      padding-inline: 0.75rem;
      border-inline-start: 0.25rem solid var(--_border);
    }
    .symbol {
      display: inline-block;
      min-inline-size: 1.25em;
      font-weight: 700;
    }
    .decision.adopted .outcome,
    .engagement:is(.done, .verified) .state {
      color: var(--_success);
    }
    .decision.declined .outcome {
      color: var(--_error);
    }
    .hint {
      color: var(--_muted);
    }
  `,
];
