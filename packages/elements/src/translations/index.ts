// SPDX-License-Identifier: EUPL-1.2
import { en } from './en.js';
import { fr } from './fr.js';
import type { Translation } from './types.js';

const translations = new Map<string, Translation>([
  ['fr', fr],
  ['en', en],
]);

/** Adds (or replaces) a language: one file shaped like `fr.ts`. */
export function registerTranslation(translation: Translation): void {
  translations.set(translation.locale.toLowerCase(), translation);
}

/** The texts for a BCP 47 tag: `fr-BE` → `fr-be`, then `fr`; unknown → French. */
export function translationFor(locale: string | undefined): Translation {
  const tag = (locale ?? 'fr').toLowerCase();
  return translations.get(tag) ?? translations.get(tag.split('-')[0] ?? 'fr') ?? fr;
}

export type { Translation } from './types.js';
export { en, fr };
