// SPDX-License-Identifier: EUPL-1.2
import { css } from 'lit';
import { routeStyles } from '../internal/map/route.js';
import { cardListStyles } from '../styles/cards.js';
import { formStyles } from '../styles/form.js';

export const styles = [
  ...formStyles,
  routeStyles,
  cardListStyles,
  css`
    .card {
      display: flex;
      flex-direction: column;
      gap: 0.125rem;
      padding: calc(var(--_space) * 0.75);
    }
    .card p {
      margin: 0;
    }
    .seats.cancelled {
      font-weight: 700;
    }
  `,
];
