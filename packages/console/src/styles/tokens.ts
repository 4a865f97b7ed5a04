// SPDX-License-Identifier: EUPL-1.2
import { css } from 'lit';

/**
 * The console's theme: the same `--gusp-…` custom properties and defaults as @gusp/elements
 * (WCAG 2.2 AA contrast), so a city's charter themes the back office and its public pages alike.
 *
 * @cssprop --gusp-font-family - Font (the page's by default).
 * @cssprop --gusp-color-text - Text (#1b1b1b).
 * @cssprop --gusp-color-muted - Secondary text (#4d4d4d).
 * @cssprop --gusp-color-primary - Buttons and links (#0a4a8f).
 * @cssprop --gusp-color-focus - Focus ring (#b34700).
 * @cssprop --gusp-color-error - Errors (#b00020).
 */
export const tokens = css`
  :host {
    --_font: var(--gusp-font-family, inherit);
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
    display: block;
    box-sizing: border-box;
    color: var(--_text);
    font-family: var(--_font);
    line-height: 1.5;
    color-scheme: light;
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
  select {
    font: inherit;
    color: inherit;
    background: var(--_bg);
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.5rem 0.625rem;
    min-height: 2.75rem;
    width: 100%;
    max-width: 24rem;
  }
  input[aria-invalid='true'] {
    border-color: var(--_error);
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
  a {
    color: var(--_primary);
  }
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
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
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
