// SPDX-License-Identifier: EUPL-1.2
import { css } from 'lit';
import { routeStyles } from '../internal/map/route.js';
import { formStyles } from '../styles/form.js';

export const styles = [
  ...formStyles,
  routeStyles,
  css`
    [part~='title'] {
      margin-block: 0 calc(var(--_space) * 0.75);
    }
    [part~='title']:focus {
      outline: none;
    }
    .walks {
      display: grid;
      gap: calc(var(--_space) * 0.75);
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 18rem), 1fr));
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .card {
      display: flex;
      flex-direction: column;
      gap: 0.125rem;
      padding: calc(var(--_space) * 0.75);
    }
    .card :is(h2, h3, h4, h5, h6) {
      margin: 0;
      font-size: 1.0625em;
      line-height: 1.3;
    }
    .card p {
      margin: 0;
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 0.25rem 0.75rem;
      margin-block-start: 0.25rem;
    }
    .seats.few-seats,
    .seats.full,
    .seats.cancelled {
      font-weight: 700;
    }
    .back {
      margin-block-end: var(--_space);
    }
  `,
];
