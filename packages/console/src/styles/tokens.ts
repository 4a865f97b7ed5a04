// SPDX-License-Identifier: EUPL-1.2
import { css, unsafeCSS, type CSSResult } from 'lit';
import { tokens as elementTokens } from '@gusp/elements/shared/styles/tokens.js';

/**
 * The console's theme: the public elements' `tokens` (`@gusp/elements/shared/styles/tokens.js`: the
 * same `--gusp-…` custom properties and WCAG 2.2 AA defaults, so a city's charter themes the back
 * office and its public pages alike, with the focus ring, links, `.visually-hidden`, reduced motion
 * and print), then the console's own: a screen as wide as its page and on the page's background (not
 * a 40rem card), its headings, fields, buttons, notices and actions.
 *
 * @cssprop --gusp-font-family - Font (the page's by default).
 * @cssprop --gusp-color-text - Text (#1b1b1b).
 * @cssprop --gusp-color-muted - Secondary text (#4d4d4d).
 * @cssprop --gusp-color-primary - Buttons and links (#0a4a8f).
 * @cssprop --gusp-color-focus - Focus ring (#b34700).
 * @cssprop --gusp-color-error - Errors (#b00020).
 */
export const tokens = css`
  ${elementTokens}
  :host {
    max-inline-size: none;
    background: none;
  }
  :is(h1, h2, h3, h4, h5, h6) {
    line-height: 1.25;
    margin-block: 0 0.75rem;
  }
  h1,
  h2 {
    font-size: 1.4rem;
  }
  h3,
  h4,
  h5,
  h6 {
    font-size: 1.15rem;
  }
  label {
    display: block;
    font-weight: 600;
  }
  .hint {
    display: block;
    color: var(--_muted);
    margin-block: 0.125rem 0.25rem;
  }
  input,
  select,
  textarea {
    font: inherit;
    color: inherit;
    background: var(--_bg);
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.5rem 0.625rem;
    min-height: 2.75rem;
    width: 100%;
    max-width: 24rem;
    box-sizing: border-box;
  }
  textarea {
    max-width: 36rem;
  }
  input[aria-invalid='true'],
  select[aria-invalid='true'],
  textarea[aria-invalid='true'] {
    border-color: var(--_error);
  }
  /* A status in words inside a pill (« Inscriptions ouvertes », « Confirmée »): every screen's. */
  .badge {
    display: inline-block;
    padding: 0 0.5rem;
    border: 1px solid currentColor;
    border-radius: 1rem;
    font-size: 0.9em;
  }
  button {
    font: inherit;
    font-weight: 600;
    min-height: 2.75rem;
    padding: 0.5rem 1rem;
    border-radius: var(--_radius);
    border: 2px solid var(--_primary);
    background: var(--_primary);
    color: var(--_on-primary);
    cursor: pointer;
  }
  button.secondary {
    background: var(--_bg);
    color: var(--_primary);
  }
  button[aria-disabled='true'] {
    opacity: 0.75;
    cursor: progress;
  }
  .field {
    margin-block: 0 var(--_space);
  }
  .error {
    color: var(--_error);
    font-weight: 600;
    margin-block: 0.25rem;
  }
  .notice {
    padding: 0.75rem var(--_space);
    margin-block: 0 var(--_space);
    color: var(--_warning-text);
    background: var(--_warning-bg);
    border-inline-start: 0.375rem solid currentColor;
    border-radius: var(--_radius);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
    align-items: center;
  }
`;

/**
 * Cards (the projects, a project's phases, workshops, contributions and engagements): a `ul.cards`
 * without bullets (an `ol.cards` keeps its numbers), each item a bordered block, its lines close
 * together, the secondary ones `.meta`.
 */
export const cards = css`
  ul.cards {
    list-style: none;
    padding: 0;
    margin: 0 0 var(--_space);
  }
  .cards > li {
    padding: 0.5rem 0.75rem;
    margin-block: 0 0.5rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .cards p {
    margin: 0 0 0.25rem;
    overflow-wrap: anywhere;
  }
  .meta {
    color: var(--_muted);
  }
`;

/**
 * A screen's filters (the walks', the dashboard's): their `<fieldset>` a band on the surface colour,
 * its fields side by side, each `fieldWidth` wide at the least, wrapping on a narrow screen.
 */
export const filtersFieldset = (fieldWidth: `${number}rem`): CSSResult => css`
  fieldset {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem var(--_space);
    align-items: end;
    padding: 0.75rem var(--_space);
    margin: 0 0 var(--_space);
    background: var(--_surface);
    border: 0;
    border-radius: var(--_radius);
  }
  fieldset .field {
    margin: 0;
    flex: 1 1 ${unsafeCSS(fieldWidth)};
  }
`;

/**
 * What a screen with forms shares (the registrations', a project's, the report's): a block's spacing,
 * a checkbox beside its label, facts as a definition list, a confirmation step, what an action did,
 * and the error summary above a form.
 */
export const formParts = css`
  section.block {
    margin-block: 0 calc(2 * var(--_space));
  }
  fieldset {
    border: 0;
    padding: 0;
    margin: 0 0 var(--_space);
    min-inline-size: 0;
  }
  legend {
    font-weight: 600;
    padding: 0;
  }
  .check {
    display: flex;
    gap: 0.5rem;
    align-items: flex-start;
    margin-block: 0.25rem;
  }
  .check input {
    width: 1.5rem;
    min-height: 1.5rem;
    margin: 0.1rem 0 0;
    flex: none;
  }
  .check label {
    font-weight: normal;
  }
  dl {
    margin: 0 0 var(--_space);
  }
  dl > div {
    display: flex;
    flex-wrap: wrap;
    gap: 0 0.5rem;
  }
  dt {
    font-weight: 600;
  }
  dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .confirm {
    background: var(--_bg);
    border: 2px solid var(--_primary);
  }
  .done {
    font-weight: 600;
  }
  .error-summary {
    border: 3px solid var(--_error);
    padding: 0.5rem var(--_space);
    margin-block: 0 var(--_space);
    border-radius: var(--_radius);
  }
  .error-summary a {
    color: var(--_error);
  }
`;
