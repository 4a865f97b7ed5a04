// SPDX-License-Identifier: EUPL-1.2
import type { ArgTypes } from '@storybook/web-components-vite';
import { ifDefined } from 'lit/directives/if-defined.js';

/** An attribute from a control: an empty text field means « not set ». */
export const attr = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value : undefined);

/** Members of the manifest that are not worth a control (read-only, or doubles of an attribute). */
export const hiddenControls = ['locale', 'loaded', 'photosReady', 'langAttribute', 'walkId', 'quartierId', 'privacyNoticeUrl'];

/** The manifest types these attributes `string | undefined`: give them the controls a person expects. */
export const attributeControls = (...attributes: string[]): Partial<ArgTypes> => ({
  lang: { control: 'select', options: ['', 'fr', 'en', 'fr-BE'], description: 'Language of the element; empty: the page’s (toolbar)' },
  ...Object.fromEntries(attributes.map((name) => [name, { control: 'text' }])),
});

/** Types into native controls the way a person does: value, then `input` / `change` (the elements' tests' own helper). */
export { fill } from '../../packages/elements/test/helpers.js';

export { ifDefined };
