// SPDX-License-Identifier: EUPL-1.2
import { en } from './en.js';
import { fr } from './fr.js';
import type { ConsoleTexts } from './types.js';

export type { ConsoleTexts } from './types.js';
export { fr, en };

/** The console's languages, by base tag; staff screens ship both (the console is never in a public page's bundle). */
const translations = new Map<string, ConsoleTexts>([
  ['fr', fr],
  ['en', en],
]);

/** Adds (or replaces) a language of the console: `registerConsoleTranslation({ ...en, locale: 'es', … })`. */
export function registerConsoleTranslation(texts: ConsoleTexts): void {
  translations.set(texts.locale.toLowerCase(), texts);
}

/** The texts for a BCP 47 tag, falling back `fr-BE` → `fr` → French. */
export function consoleTexts(lang: string): ConsoleTexts {
  const tag = lang.toLowerCase();
  return translations.get(tag) ?? translations.get(tag.split('-')[0]!) ?? fr;
}
