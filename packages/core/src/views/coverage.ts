// SPDX-License-Identifier: EUPL-1.2
import type { CityProfile } from '../city/city-profile.js';
import { yearOf } from '../dates.js';
import type { Walk } from '../walk/walk.js';

export interface QuartierCoverage {
  readonly quartierId: string;
  /** Walks of the year that were not cancelled (drafts included: planned counts). */
  readonly walks: number;
  readonly covered: boolean;
}

/**
 * The city rule: every priority quartier has at least one walk per calendar
 * year (in the city's time zone). Lists each priority quartier and whether it is covered.
 */
export function yearlyCoverage(walks: readonly Walk[], city: CityProfile, year: number): QuartierCoverage[] {
  return city.quartiers
    .filter((q) => q.priority)
    .map((q) => {
      const n = walks.filter((w) => w.quartierId === q.id && w.status !== 'cancelled' && yearOf(w.startsAt, city.timezone) === year).length;
      return { quartierId: q.id, walks: n, covered: n > 0 };
    });
}

/** Priority quartiers without a walk yet this year. */
export const uncoveredQuartiers = (walks: readonly Walk[], city: CityProfile, year: number): string[] =>
  yearlyCoverage(walks, city, year)
    .filter((c) => !c.covered)
    .map((c) => c.quartierId);
