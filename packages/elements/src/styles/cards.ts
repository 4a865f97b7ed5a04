// SPDX-License-Identifier: EUPL-1.2
import { css } from 'lit';

/**
 * A list of cards, each with « S’inscrire » and its seats, opened in place
 * into a sign-up form with « Retour… » above it (`InPlaceForm`): the walk
 * list's walks, a project's upcoming workshops. Each element sets its cards'
 * own spacing.
 */
export const cardListStyles = css`
  [part~='title'] {
    margin-block: 0 calc(var(--_space) * 0.75);
  }
  [tabindex='-1']:focus {
    outline: none;
  }
  .cards {
    display: grid;
    gap: calc(var(--_space) * 0.75);
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 18rem), 1fr));
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .card :is(h2, h3, h4, h5, h6) {
    margin: 0;
    font-size: 1.0625em;
    line-height: 1.3;
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
  .seats.full {
    font-weight: 700;
  }
  .back {
    margin-block-end: var(--_space);
  }
`;
