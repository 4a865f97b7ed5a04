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
export const ISSUE_FORM_TEXTS: BuiltInTexts<'issueForm'> = { fr: fr.issueForm, en: en.issueForm };
export const ENGAGEMENT_TRACKER_TEXTS: BuiltInTexts<'engagementTracker'> = { fr: fr.engagementTracker, en: en.engagementTracker };

const registered = new Map<string, Translation>();
const cache = new Map<string, unknown>();

/** Adds (or replaces) a language: one file shaped like `fr.ts`. */
export function registerTranslation(translation: Translation): void {
  registered.set(translation.locale.toLowerCase(), translation);
  cache.clear();
}

/** `fr-BE` → `fr-be`, then `fr`; unknown → French. A registered language wins over a built-in one. */
function pick<K extends TranslationPart>(part: K, builtIn: BuiltInTexts<K>, locale: string | undefined): Translation[K] {
  const tag = (locale ?? 'fr').toLowerCase();
  const base = tag.split('-')[0] ?? 'fr';
  return registered.get(tag)?.[part] ?? builtIn[tag] ?? registered.get(base)?.[part] ?? builtIn[base] ?? builtIn.fr!;
}

/** The shared texts and one element's, in the language of `locale`. */
export function textsFor<K extends TranslationPart>(part: K, builtIn: BuiltInTexts<K>, locale: string | undefined): CommonTexts & Translation[K] {
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
  const builtIn: Readonly<Record<string, Translation>> = { fr: fr.fr, en: en.en };
  const tag = (locale ?? 'fr').toLowerCase();
  const base = tag.split('-')[0] ?? 'fr';
  return registered.get(tag) ?? builtIn[tag] ?? registered.get(base) ?? builtIn[base] ?? fr.fr;
}

export type { CommonTexts, EngagementTrackerTexts, IssueFormTexts, Translation, TranslationPart, WalkSignupTexts } from './types.js';

/** French, the reference, and English: whole translations to start a new language from. */
export { fr } from './fr.js';
export { en } from './en.js';
