// SPDX-License-Identifier: EUPL-1.2
/**
 * The elements' translations, for code that imports `@gusp/elements`. The
 * elements themselves import ./registry.ts and their own part (./walk-signup.ts…),
 * so that a bundle carries its elements' French only and loads English on demand.
 */
import { en } from './en.js';
import { fr } from './fr.js';
import { fallback, registeredTranslation } from './registry.js';
import type { Translation } from './types.js';

/** The whole translation for a BCP 47 tag: `fr-BE` → `fr-be`, then `fr`; unknown → French. */
export function translationFor(locale: string | undefined): Translation {
  const key = fallback(locale, (tag) => registeredTranslation(tag) !== undefined || tag === 'fr' || tag === 'en') ?? 'fr';
  return registeredTranslation(key) ?? (key === 'en' ? en : fr);
}

export {
  BuiltInTexts,
  COMMON_TEXTS,
  CoreMessages,
  languageLoading,
  languageShown,
  registerTranslation,
  textsFor,
  type OnDemand,
} from './registry.js';
export { WALK_SIGNUP_MESSAGES, WALK_SIGNUP_TEXTS } from './walk-signup.js';
export { WALK_LIST_TEXTS } from './walk-list.js';
export { ISSUE_FORM_MESSAGES, ISSUE_FORM_TEXTS } from './issue-form.js';
export { ENGAGEMENT_TRACKER_MESSAGES, ENGAGEMENT_TRACKER_TEXTS } from './engagement-tracker.js';
export { PROJECT_TEXTS } from './project.js';

export type {
  CommonTexts,
  EngagementTrackerTexts,
  IssueFormTexts,
  ProjectTexts,
  Translation,
  TranslationPart,
  WalkListTexts,
  WalkSignupTexts,
} from './types.js';

/** French, the reference, and English: whole translations to start a new language from. */
export { fr } from './fr.js';
export { en } from './en.js';
