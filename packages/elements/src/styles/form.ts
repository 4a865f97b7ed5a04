// SPDX-License-Identifier: EUPL-1.2
import { css } from 'lit';
import { feedback } from './feedback.js';
import { formControls, tokens } from './tokens.js';

/**
 * What both forms are drawn with: the tokens, the native controls, notices and
 * errors, and the bordered card with its heading's size (each form sets its own spacing).
 */
export const formStyles = [
  tokens,
  formControls,
  feedback,
  css`
    .card {
      padding: var(--_space);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
    }
    /* The title, whatever its level (\`heading-level\`). */
    #title {
      font-size: 1.375em;
      line-height: 1.25;
    }
  `,
];
