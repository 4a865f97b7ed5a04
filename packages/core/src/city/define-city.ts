// SPDX-License-Identifier: EUPL-1.2
import * as z from 'zod/mini';
import { guspError } from '../i18n.js';
import { err, ok, type GuspError, type Result } from '../result.js';
import { fieldIssues, type FieldIssue } from '../validation.js';
import { CityProfile, type CityProfileInput } from './city-profile.js';

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** The checks a JSON Schema cannot express: references and unique ids. */
function crossChecks(city: CityProfile, locale?: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const add = (path: string, code: string, details: Record<string, unknown>) =>
    issues.push({ path, code, message: guspError(code, locale, details).message });
  for (const collection of ['quartiers', 'organisations', 'axes', 'themes'] as const) {
    const seen = new Set<string>();
    city[collection].forEach((item, i) => {
      if (seen.has(item.id)) add(`${collection}.${i}.id`, 'city.duplicate-id', { collection, id: item.id });
      seen.add(item.id);
    });
  }
  const axes = new Set(city.axes.map((a) => a.id));
  city.themes.forEach((theme, i) => {
    if (!axes.has(theme.axis)) add(`themes.${i}.axis`, 'city.unknown-theme-axis', { themeId: theme.id, axis: theme.axis });
  });
  if (!isTimeZone(city.timezone)) add('timezone', 'city.unknown-timezone', { timezone: city.timezone });
  if (!city.quartiers.some((q) => q.priority)) add('quartiers', 'city.no-priority-quartier', {});
  return issues;
}

/**
 * Validates a city profile. The refusal `city.invalid` lists every problem in
 * `details.issues` (schema problems and cross-references alike), not just the first.
 */
export function parseCity(input: unknown, locale?: string): Result<CityProfile> {
  const parsed = CityProfile.safeParse(input);
  const issues = parsed.success ? crossChecks(parsed.data, locale) : fieldIssues(parsed.error.issues, input, locale);
  if (parsed.success && issues.length === 0) return ok(parsed.data);
  return err(guspError('city.invalid', locale, { count: issues.length, issues }));
}

/** Thrown by {@linkcode defineCity}: a configuration mistake, found at start-up. */
export class CityProfileError extends Error {
  readonly error: GuspError;
  constructor(error: GuspError) {
    const issues = (error.details.issues as FieldIssue[]).map((i) => `  - ${i.path || '(profile)'}: ${i.message}`);
    super([error.message, ...issues].join('\n'));
    this.name = 'CityProfileError';
    this.error = error;
  }
}

/**
 * Declares a city profile: validates it and returns it typed, with defaults
 * filled in. Throws a {@linkcode CityProfileError} listing every problem: a
 * profile is configuration, read once at start-up. Use {@linkcode parseCity}
 * for a `Result` instead.
 */
export function defineCity(input: CityProfileInput, locale?: string): CityProfile {
  const result = parseCity(input, locale);
  if (!result.ok) throw new CityProfileError(result.error);
  return result.value;
}

/** The JSON Schema (draft 2020-12) of a city profile file, for editors and CI. */
export function cityProfileJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(CityProfile, { io: 'input' }),
    title: 'GUSP city profile',
    description: 'Quartiers, organisations, theme axes, themes and defaults of a city using GUSP.',
  };
}
