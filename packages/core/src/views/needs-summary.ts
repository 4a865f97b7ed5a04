// SPDX-License-Identifier: EUPL-1.2
/**
 * What a walk's participants need, counted, for planning (« 2 fauteuils roulants, 1 interprète »):
 * how many wheelchairs the route must take, how many interpreters to book. Counts only, in the
 * order of {@linkcode AccessibilityNeed}; who needs what stays on the staff's registration list.
 */
import { labelIn } from '../i18n.js';
import { REGISTRATION_MESSAGES } from '../locales/messages.js';
import { AccessibilityNeed, type RegistrationFields, type RegistrationStatus } from '../registration/registration.js';

/** Whose needs are counted. */
export type NeedsAmong =
  /** Everyone holding or awaiting a seat: confirmed, waitlisted, and those already checked in (before the walk: confirmed + waitlisted). */
  | 'registered'
  /** Those present: checked in, walk-ins included. */
  | 'attended';

export interface NeedsSummaryOptions {
  /** Whose needs: `registered` (the default, for planning) or `attended` (on the day). */
  readonly among?: NeedsAmong;
  /** Language of `text`; French by default. */
  readonly locale?: string;
}

export interface NeedCount {
  readonly need: AccessibilityNeed;
  /** How many of the people counted asked for it. */
  readonly count: number;
}

export interface NeedsSummary {
  /** How many people were counted. */
  readonly people: number;
  /** How many of them asked for at least one need. */
  readonly withNeeds: number;
  /** The needs asked for, in the order of {@linkcode AccessibilityNeed}, none at zero. */
  readonly counts: readonly NeedCount[];
  /** How many wrote a note about their needs (read it on the registration list). */
  readonly notes: number;
  /** The counts in words, plural rules of the language applied: « 2 fauteuils roulants, 1 interprète », or « Aucun besoin signalé ». */
  readonly text: string;
}

const AMONG: Readonly<Record<NeedsAmong, readonly RegistrationStatus[]>> = {
  registered: ['confirmed', 'waitlisted', 'attended'],
  attended: ['attended'],
};

/**
 * The needs of a walk's registrations, counted once per person and need, with a sentence in the
 * language asked for.
 *
 * @example
 * needsSummary(agg.registrations).text; // « 2 fauteuils roulants, 1 interprète »
 * needsSummary(agg.registrations, { among: 'attended', locale: 'en' }).text; // "1 wheelchair"
 */
export function needsSummary(registrations: readonly RegistrationFields[], options: NeedsSummaryOptions = {}): NeedsSummary {
  const statuses = AMONG[options.among ?? 'registered'];
  const locale = options.locale ?? 'fr';
  const tally = new Map<AccessibilityNeed, number>();
  let people = 0;
  let withNeeds = 0;
  let notes = 0;
  for (const r of registrations) {
    if (!statuses.includes(r.status)) continue;
    people++;
    const needs = new Set(r.needs);
    if (needs.size > 0) withNeeds++;
    if ((r.needsNote ?? '').trim() !== '') notes++;
    for (const need of needs) tally.set(need, (tally.get(need) ?? 0) + 1);
  }
  const counts = AccessibilityNeed.options.flatMap((need) => {
    const count = tally.get(need) ?? 0;
    return count > 0 ? [{ need, count }] : [];
  });
  return { people, withNeeds, counts, notes, text: needsText(counts, locale) };
}

/** Counts of needs in words: « 2 fauteuils roulants, 1 interprète » (French), "2 wheelchairs, 1 interpreter" (English). */
export function needsText(counts: readonly NeedCount[], locale = 'fr'): string {
  const t = (key: string) => labelIn([REGISTRATION_MESSAGES], key, locale);
  if (counts.length === 0) return t('needs.none');
  const lang = safeLocale(locale);
  const plural = new Intl.PluralRules(lang);
  const number = new Intl.NumberFormat(lang);
  return counts
    .map(({ need, count }) => {
      // A language names the forms it needs (`one`, `few`, `many`…); `other` stands in for the rest.
      const category = plural.select(count);
      const specific = `need.${need}.${category}`;
      const word = t(specific);
      return `${number.format(count)}\u00a0${word === specific ? t(`need.${need}.other`) : word}`;
    })
    .join(', ');
}

/** The tag as Intl takes it; French when it is not one. */
function safeLocale(locale: string): string {
  try {
    return Intl.getCanonicalLocales(locale)[0] ?? 'fr';
  } catch {
    return 'fr';
  }
}
