// SPDX-License-Identifier: EUPL-1.2
import { css } from 'lit';

/**
 * The theme. Each `--gusp-…` custom property may be set by the host page (on
 * the element or any ancestor); the defaults below meet WCAG 2.2 AA contrast
 * (≥ 4.5:1 for text on its background). Private `--_…` copies keep the
 * fallbacks in one place.
 *
 * @cssprop --gusp-font-family - Font of the whole element (the page's by default).
 * @cssprop --gusp-font-size - Base font size (1rem).
 * @cssprop --gusp-color-text - Text (#1b1b1b on white: 17:1).
 * @cssprop --gusp-color-muted - Secondary text (#4d4d4d: 8.4:1).
 * @cssprop --gusp-color-background - Background (#ffffff).
 * @cssprop --gusp-color-surface - Panels (#f4f5f7).
 * @cssprop --gusp-color-border - Field borders (#6b6b6b: 5.3:1, also ≥ 3:1 for non-text contrast).
 * @cssprop --gusp-color-primary - Buttons and links (#0a4a8f: 9.2:1).
 * @cssprop --gusp-color-on-primary - Text on primary (#ffffff).
 * @cssprop --gusp-color-focus - Focus ring (#b34700 … visible on white and on primary).
 * @cssprop --gusp-color-error - Errors (#b00020: 7.1:1).
 * @cssprop --gusp-color-success - Confirmations (#1d6b34: 6.6:1).
 * @cssprop --gusp-color-warning-background - Notices background (#fff4d6).
 * @cssprop --gusp-color-warning-text - Notices text (#5a4000: 9.5:1 on its background).
 * @cssprop --gusp-color-scheme - How native controls are drawn (`light`, the default, whatever the page's `color-scheme`; `dark` with a dark theme).
 * @cssprop --gusp-radius - Corner radius (0.375rem).
 * @cssprop --gusp-space - Base spacing unit (1rem).
 */
export const tokens = css`
  :host {
    --_font: var(--gusp-font-family, inherit);
    --_font-size: var(--gusp-font-size, 1rem);
    --_text: var(--gusp-color-text, #1b1b1b);
    --_muted: var(--gusp-color-muted, #4d4d4d);
    --_bg: var(--gusp-color-background, #ffffff);
    --_surface: var(--gusp-color-surface, #f4f5f7);
    --_border: var(--gusp-color-border, #6b6b6b);
    --_primary: var(--gusp-color-primary, #0a4a8f);
    --_on-primary: var(--gusp-color-on-primary, #ffffff);
    --_focus: var(--gusp-color-focus, #b34700);
    --_error: var(--gusp-color-error, #b00020);
    --_success: var(--gusp-color-success, #1d6b34);
    --_warning-bg: var(--gusp-color-warning-background, #fff4d6);
    --_warning-text: var(--gusp-color-warning-text, #5a4000);
    --_radius: var(--gusp-radius, 0.375rem);
    --_space: var(--gusp-space, 1rem);
    /* WCAG 2.2 target size: 44 px. */
    --_target: 2.75rem;
    /*
     * The theme is light: native controls (checkboxes, radios, selects) must be
     * drawn light too, whatever the host page's \`color-scheme\` — on a dark page
     * an unchecked box would otherwise be painted dark and look checked. A
     * theme with dark colours sets --gusp-color-scheme: dark with them.
     */
    color-scheme: var(--gusp-color-scheme, light);

    display: block;
    box-sizing: border-box;
    max-inline-size: 40rem;
    font-family: var(--_font);
    font-size: var(--_font-size);
    line-height: 1.5;
    color: var(--_text);
    background: var(--_bg);
    overflow-wrap: anywhere;
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  a {
    color: var(--_primary);
  }
  /* Read by screen readers, not shown. */
  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      animation: none !important;
      transition: none !important;
      scroll-behavior: auto !important;
    }
  }
  @media print {
    :host {
      max-inline-size: none;
      color: #000;
      background: #fff;
    }
  }
`;

/** Form controls shared by the elements: native inputs, 44 px targets, visible focus. */
export const formControls = css`
  .field {
    margin-block: 0 var(--_space);
  }
  label,
  legend {
    display: block;
    padding: 0;
    font-weight: 600;
    margin-block-end: 0.25rem;
  }
  .hint {
    color: var(--_muted);
    margin-block: 0 0.25rem;
    font-size: 0.9375em;
  }
  input[type='text'],
  input[type='email'],
  input[type='tel'],
  select,
  textarea {
    display: block;
    inline-size: 100%;
    min-block-size: var(--_target);
    padding-block: 0.5rem;
    padding-inline: 0.75rem;
    font: inherit;
    color: var(--_text);
    background: var(--_bg);
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
  }
  [aria-invalid='true'] {
    border-color: var(--_error);
  }
  fieldset {
    margin-block: 0 var(--_space);
    margin-inline: 0;
    padding: 0;
    border: 0;
    min-inline-size: 0;
  }
  .check {
    display: flex;
    align-items: flex-start;
    gap: 0.5rem;
    min-block-size: var(--_target);
    padding-block: 0.5rem;
  }
  .check input {
    inline-size: 1.5rem;
    block-size: 1.5rem;
    margin: 0;
    flex: none;
    accent-color: var(--_primary);
  }
  .check label {
    font-weight: 400;
    margin: 0;
  }
  .error {
    color: var(--_error);
    font-weight: 600;
    margin-block: 0 0.25rem;
  }
  button,
  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    min-block-size: var(--_target);
    min-inline-size: var(--_target);
    padding-block: 0.5rem;
    padding-inline: 1.25rem;
    font: inherit;
    font-weight: 600;
    color: var(--_on-primary);
    background: var(--_primary);
    border: 2px solid var(--_primary);
    border-radius: var(--_radius);
    cursor: pointer;
    text-decoration: none;
  }
  button[aria-disabled='true'] {
    cursor: progress;
    opacity: 0.85;
  }
  button.secondary,
  .button.secondary {
    color: var(--_primary);
    background: var(--_bg);
  }
  .required {
    color: var(--_error);
  }
`;
