// SPDX-License-Identifier: EUPL-1.2
import * as z from 'zod/mini';
import { MAX_BOUNDARY_POSITIONS, ringClosed } from '../geo.js';
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

const record = (v: unknown): Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
const records = (v: unknown): Record<string, unknown>[] => (Array.isArray(v) ? v.map(record) : []);
const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/**
 * The checks a JSON Schema cannot express: references and unique ids. They
 * read the raw input field by field, so that a profile with type errors still
 * gets every one of these problems listed too.
 */
function crossChecks(input: unknown, locale?: string): FieldIssue[] {
  const city = record(input);
  const issues: FieldIssue[] = [];
  const add = (path: string, code: string, details: Record<string, unknown>) =>
    issues.push({ path, code, message: guspError(code, locale, details).message });
  for (const collection of ['quartiers', 'organisations', 'axes', 'themes'] as const) {
    const seen = new Set<string>();
    records(city[collection]).forEach((item, i) => {
      const id = text(item.id);
      if (id === undefined) return;
      if (seen.has(id)) add(`${collection}.${i}.id`, 'city.duplicate-id', { collection, id });
      seen.add(id);
    });
  }
  const axes = new Set(records(city.axes).map((a) => text(a.id)));
  records(city.themes).forEach((theme, i) => {
    const axis = text(theme.axis);
    if (axis !== undefined && !axes.has(axis)) add(`themes.${i}.axis`, 'city.unknown-theme-axis', { themeId: theme.id, axis });
  });
  const timezone = text(city.timezone);
  if (timezone && !isTimeZone(timezone)) add('timezone', 'city.unknown-timezone', { timezone });
  const quartiers = records(city.quartiers);
  // Only once every `priority` is a boolean: a wrong type is the schema's finding, not this one.
  if (quartiers.length > 0 && quartiers.every((q) => typeof q.priority === 'boolean') && !quartiers.some((q) => q.priority)) {
    add('quartiers', 'city.no-priority-quartier', {});
  }
  quartiers.forEach((q, i) => boundaryChecks(q.boundary, `quartiers.${i}.boundary`, add));
  return issues;
}

/**
 * What the schema leaves to code in a quartier's boundary: every ring closed
 * (its last position its first) and the whole shape bounded in size. Read
 * from the raw input; positions that are not arrays are the schema's finding.
 */
function boundaryChecks(boundary: unknown, at: string, add: (path: string, code: string, details: Record<string, unknown>) => void) {
  const b = record(boundary);
  if (!Array.isArray(b.coordinates)) return;
  const polygons: { rings: unknown; path: string }[] =
    b.type === 'MultiPolygon'
      ? (b.coordinates as unknown[]).map((rings, p) => ({ rings, path: `${at}.coordinates.${p}` }))
      : [{ rings: b.coordinates, path: `${at}.coordinates` }];
  let positions = 0;
  for (const { rings, path } of polygons) {
    if (!Array.isArray(rings)) continue;
    rings.forEach((ring: unknown, r) => {
      if (!Array.isArray(ring) || ring.length === 0 || !ring.every((p) => Array.isArray(p))) return;
      positions += ring.length;
      if (!ringClosed(ring as number[][])) add(`${path}.${r}`, 'city.ring-not-closed', {});
    });
  }
  if (positions > MAX_BOUNDARY_POSITIONS) add(at, 'city.boundary-too-large', { count: positions, maximum: MAX_BOUNDARY_POSITIONS });
}

/**
 * Validates a city profile. The refusal `city.invalid` lists every problem in
 * `details.issues` (schema problems and cross-references alike), not just the first.
 */
export function parseCity(input: unknown, locale?: string): Result<CityProfile> {
  const parsed = CityProfile.safeParse(input);
  const issues = [...(parsed.success ? [] : fieldIssues(parsed.error.issues, input, locale)), ...crossChecks(input, locale)];
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
