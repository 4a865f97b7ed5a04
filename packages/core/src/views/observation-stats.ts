// SPDX-License-Identifier: EUPL-1.2
import { yearOf } from '../dates.js';
import type { Observation } from '../observation/observation.js';

export interface PolarityCount {
  positive: number;
  problem: number;
}

/** Observation counts as practitioners read them after a walk. */
export interface ObservationStats {
  readonly total: number;
  readonly byThemeAndPolarity: readonly ({ themeId: string } & PolarityCount)[];
  /** Per stop of a walk, with the share of positive points (`null` when nothing was noted). */
  readonly byStop: readonly ({ walkId: string; stopId: string; positiveRatio: number | null } & PolarityCount)[];
  readonly byQuartierAndYear: readonly ({ quartierId: string; year: number } & PolarityCount)[];
}

const DISCARDED: readonly string[] = ['duplicate', 'rejected'];

function tally<K>(rows: Map<string, K & PolarityCount>, key: string, init: () => K, o: Observation): void {
  let row = rows.get(key);
  if (!row) rows.set(key, (row = { ...init(), positive: 0, problem: 0 }));
  row[o.polarity]++;
}

/**
 * Counts by theme × polarity, by stop (with the positive/problem ratio), by
 * quartier and year (in the city's time zone). Duplicates and rejected
 * observations are left out.
 */
export function observationStats(observations: readonly Observation[], timeZone: string): ObservationStats {
  const kept = observations.filter((o) => !DISCARDED.includes(o.status));
  const themes = new Map<string, { themeId: string } & PolarityCount>();
  const stops = new Map<string, { walkId: string; stopId: string } & PolarityCount>();
  const quartiers = new Map<string, { quartierId: string; year: number } & PolarityCount>();
  for (const o of kept) {
    tally(themes, o.themeId, () => ({ themeId: o.themeId }), o);
    if (o.walkId && o.stopId)
      tally(stops, `${o.walkId}/${o.stopId}`, () => ({ walkId: o.walkId as string, stopId: o.stopId as string }), o);
    const year = yearOf(o.recordedAt, timeZone);
    tally(quartiers, `${o.quartierId}/${year}`, () => ({ quartierId: o.quartierId, year }), o);
  }
  return {
    total: kept.length,
    byThemeAndPolarity: [...themes.values()],
    byStop: [...stops.values()].map((s) => ({
      ...s,
      positiveRatio: s.positive + s.problem === 0 ? null : s.positive / (s.positive + s.problem),
    })),
    byQuartierAndYear: [...quartiers.values()].sort((a, b) => a.year - b.year || a.quartierId.localeCompare(b.quartierId)),
  };
}
