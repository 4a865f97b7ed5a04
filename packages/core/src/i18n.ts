// SPDX-License-Identifier: EUPL-1.2
import type { GuspError } from './result.js';
import { en } from './locales/en.js';
import { fr } from './locales/fr.js';
import type { Catalogue } from './locales/types.js';

const catalogues = new Map<string, Catalogue>([
  ['fr', fr],
  ['en', en],
]);

/** Adds (or replaces) a language. One file per language, shaped like `fr`. */
export function registerLocale(catalogue: Catalogue): void {
  catalogues.set(catalogue.locale.toLowerCase(), catalogue);
}

/**
 * The catalogue to use for a BCP 47 tag: `fr-BE` → `fr`, unknown → French.
 * French is the reference, so a missing key falls back to French.
 */
export function catalogueFor(locale: string | undefined): Catalogue {
  const tag = (locale ?? 'fr').toLowerCase();
  return catalogues.get(tag) ?? catalogues.get(tag.split('-')[0] ?? 'fr') ?? fr;
}

/** The localized text of an error code. */
export function errorMessage(code: string, locale?: string, details: Record<string, unknown> = {}): string {
  const msg = catalogueFor(locale).errors[code] ?? fr.errors[code] ?? code;
  return typeof msg === 'function' ? msg(details) : msg;
}

/** The localized text of a label key (`role.resident`, `engagement.status.done`, …). */
export function label(key: string, locale?: string): string {
  return catalogueFor(locale).labels[key] ?? fr.labels[key] ?? key;
}

/** Builds a {@linkcode GuspError} with its message in `locale`. */
export function guspError(code: string, locale?: string, details: Record<string, unknown> = {}): GuspError {
  return { code, message: errorMessage(code, locale, details), details };
}

export type { Catalogue, Message } from './locales/types.js';
