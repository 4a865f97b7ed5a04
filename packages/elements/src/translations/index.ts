// SPDX-License-Identifier: EUPL-1.2
import * as en from './en.js';
import * as fr from './fr.js';
import type { CommonTexts, Translation, TranslationPart } from './types.js';

/** One part of the built-in languages, by lowercase tag. */
export type BuiltInTexts<K extends TranslationPart> = Readonly<Record<string, Translation[K]>>;

/*
 * Each element names the part it speaks, so a bundle with one element carries
 * that part (and the shared one) in French and English, not the others'.
 */
const COMMON: BuiltInTexts<'common'> = { fr: fr.common, en: en.common };
export const WALK_SIGNUP_TEXTS: BuiltInTexts<'walkSignup'> = { fr: fr.walkSignup, en: en.walkSignup };
export const WALK_LIST_TEXTS: BuiltInTexts<'walkList'> = { fr: fr.walkList, en: en.walkList };
export const ISSUE_FORM_TEXTS: BuiltInTexts<'issueForm'> = { fr: fr.issueForm, en: en.issueForm };
export const ENGAGEMENT_TRACKER_TEXTS: BuiltInTexts<'engagementTracker'> = { fr: fr.engagementTracker, en: en.engagementTracker };

const registered = new Map<string, Translation>();
const cache = new Map<string, unknown>();

/** Adds (or replaces) a language: one file shaped like `fr.ts`. */
export function registerTranslation(translation: Translation): void {
  registered.set(translation.locale.toLowerCase(), translation);
  cache.clear();
}

/**
 * The one fallback routine: `fr-BE` → `fr-be`, then `fr`; a language with no
 * texts → French. Returns the key of the texts to use (a registered language
 * wins over a built-in one).
 */
function fallback(locale: string | undefined, has: (tag: string) => boolean): string | undefined {
  const tag = (locale ?? 'fr').toLowerCase();
  const base = tag.split('-')[0] ?? 'fr';
  return has(tag) ? tag : has(base) ? base : undefined;
}

const BUILT_IN = new Set(['fr', 'en']);
const known = (tag: string): boolean => registered.has(tag) || BUILT_IN.has(tag);

/**
 * The language an element is shown in when `locale` is asked for: `locale`
 * itself when it (or its base language) has texts, else `fr`. Dates, numbers
 * and the content's `lang` follow it, so they always match the texts.
 */
export function languageShown(locale: string | undefined): string {
  return locale && fallback(locale, known) ? locale : 'fr';
}

function pick<K extends TranslationPart>(part: K, builtIn: BuiltInTexts<K>, locale: string | undefined): Translation[K] {
  const key = fallback(locale, known) ?? 'fr';
  return registered.get(key)?.[part] ?? builtIn[key] ?? builtIn.fr!;
}

/** The shared texts and one element's, in the language of `locale`. */
export function textsFor<K extends TranslationPart>(
  part: K,
  builtIn: BuiltInTexts<K>,
  locale: string | undefined,
): CommonTexts & Translation[K] {
  const key = `${part}|${locale ?? ''}`;
  let texts = cache.get(key) as (CommonTexts & Translation[K]) | undefined;
  if (!texts) {
    texts = { ...pick('common', COMMON, locale), ...pick(part, builtIn, locale) };
    cache.set(key, texts);
  }
  return texts;
}

/** The whole translation for a BCP 47 tag: `fr-BE` → `fr-be`, then `fr`; unknown → French. */
export function translationFor(locale: string | undefined): Translation {
  const key = fallback(locale, known) ?? 'fr';
  return registered.get(key) ?? (key === 'en' ? en.en : fr.fr);
}

export type {
  CommonTexts,
  EngagementTrackerTexts,
  IssueFormTexts,
  Translation,
  TranslationPart,
  WalkListTexts,
  WalkSignupTexts,
} from './types.js';

/** French, the reference, and English: whole translations to start a new language from. */
export { fr } from './fr.js';
export { en } from './en.js';
