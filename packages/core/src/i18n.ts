// SPDX-License-Identifier: EUPL-1.2
import type { GuspError } from './result.js';
import { catalogue } from './locales/catalogue.js';
import { en } from './locales/en.js';
import { fr } from './locales/fr.js';
import type { Catalogue, CataloguePart, Message, Messages } from './locales/types.js';

/** Languages added with {@linkcode registerLocale}; they take precedence over the built-in ones. */
const registered = new Map<string, Catalogue>();

/** Adds (or replaces) a language. One file per language, shaped like `fr`. */
export function registerLocale(catalogue: Catalogue): void {
  registered.set(catalogue.locale.toLowerCase(), catalogue);
}

/**
 * Adds the texts of some domains to a language, keeping those it has: what a
 * browser bundle that ships French only calls when the English texts it
 * loaded on demand arrive (`addMessages('en', [FIELD_MESSAGES_EN])`). Like a
 * registered language, they are looked up before the built-in ones.
 */
export function addMessages(locale: string, parts: readonly CataloguePart[]): void {
  const tag = locale.toLowerCase();
  const known = registered.get(tag);
  registered.set(tag, catalogue(known?.locale ?? locale, known ? [known, ...parts] : parts));
}

/** `fr-BE` → [`fr-be`, `fr`]: the tags to try, most specific first. */
const tagsOf = (locale: string | undefined): [string, string] => {
  const tag = (locale ?? 'fr').toLowerCase();
  return [tag, tag.split('-')[0] ?? 'fr'];
};

/**
 * The catalogue to use for a BCP 47 tag: `fr-BE` → `fr`, unknown → French.
 * French is the reference, so a missing key falls back to French.
 */
export function catalogueFor(locale: string | undefined): Catalogue {
  const builtIn: Readonly<Record<string, Catalogue>> = { fr, en };
  const [tag, base] = tagsOf(locale);
  return registered.get(tag) ?? builtIn[tag] ?? registered.get(base) ?? builtIn[base] ?? registered.get('fr') ?? fr;
}

/**
 * Finds a text: the registered language, else the built-in one, for the tag
 * then its base language; then French, the reference; then `undefined`.
 */
function find<K extends keyof CataloguePart>(
  domains: readonly Messages[],
  kind: K,
  key: string,
  locale: string | undefined,
): CataloguePart[K][string] | undefined {
  const [tag, base] = tagsOf(locale);
  for (const lang of tag === base ? [tag, 'fr'] : [tag, base, 'fr']) {
    const own = registered.get(lang)?.[kind][key];
    if (own !== undefined) return own as CataloguePart[K][string];
    for (const domain of domains) {
      const text = domain[lang]?.[kind][key];
      if (text !== undefined) return text as CataloguePart[K][string];
    }
  }
  return undefined;
}

const render = (msg: Message | undefined, code: string, details: Record<string, unknown>): string =>
  msg === undefined ? code : typeof msg === 'function' ? msg(details) : msg;

/** Every built-in domain: what {@linkcode errorMessage} and {@linkcode label} search. */
const ALL: readonly Messages[] = [{ fr, en }];

/** The localized text of an error code. */
export function errorMessage(code: string, locale?: string, details: Record<string, unknown> = {}): string {
  return render(find(ALL, 'errors', code, locale), code, details);
}

/** The localized text of a label key (`role.resident`, `engagement.status.done`, …). */
export function label(key: string, locale?: string): string {
  return find(ALL, 'labels', key, locale) ?? key;
}

/**
 * {@linkcode errorMessage}, looking only in the given domains (and registered
 * languages): `errorMessageIn([REGISTRATION_MESSAGES], 'registration.consent-required', 'en')`.
 * A bundle then carries those domains' texts only.
 */
export function errorMessageIn(domains: readonly Messages[], code: string, locale?: string, details: Record<string, unknown> = {}): string {
  return render(find(domains, 'errors', code, locale), code, details);
}

/** {@linkcode label}, looking only in the given domains (and registered languages). */
export function labelIn(domains: readonly Messages[], key: string, locale?: string): string {
  return find(domains, 'labels', key, locale) ?? key;
}

/** Builds a {@linkcode GuspError} with its message in `locale`. */
export function guspError(code: string, locale?: string, details: Record<string, unknown> = {}): GuspError {
  return { code, message: errorMessage(code, locale, details), details };
}

/** {@linkcode guspError}, its message looked up in the given domains only. */
export function guspErrorIn(domains: readonly Messages[], code: string, locale?: string, details: Record<string, unknown> = {}): GuspError {
  return { code, message: errorMessageIn(domains, code, locale, details), details };
}

export type { Catalogue, CataloguePart, Message, Messages } from './locales/types.js';
