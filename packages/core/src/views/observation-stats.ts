// SPDX-License-Identifier: EUPL-1.2
/**
 * Observation statistics, defined once over grouped counts: {@linkcode observationCounts}
 * says which observations count and where (theme, stop, quartier and year), and
 * {@linkcode observationStatsFromCounts} turns counts into the statistics. A
 * list in memory goes through both ({@linkcode observationStats}); a server
 * keeps the counts in its database (summed, or grouped by SQL) and calls only
 * the second, so both answer the same numbers without loading every observation.
 */
import { yearOf } from '../dates.js';
import type { Observation, ObservationStatus } from '../observation/observation.js';
import { compareText } from '../internal/compare-text.js';

export interface PolarityCount {
  positive: number;
  problem: number;
}

/** Observation counts as practitioners read them after a walk. */
export interface ObservationStats {
  readonly total: number;
  /** By theme id. */
  readonly byThemeAndPolarity: readonly ({ themeId: string } & PolarityCount)[];
  /** Per stop of a walk, with the share of positive points (`null` when nothing was noted); by walk id, then stop id. */
  readonly byStop: readonly ({ walkId: string; stopId: string; positiveRatio: number | null } & PolarityCount)[];
  /** By year, then quartier id. */
  readonly byQuartierAndYear: readonly ({ quartierId: string; year: number } & PolarityCount)[];
}

/** Statuses that are not counted: duplicates and rejected observations. */
export const UNCOUNTED_OBSERVATION_STATUSES: readonly ObservationStatus[] = ['duplicate', 'rejected'];

/** How many counted observations of a quartier and year (in the city's time zone) have a theme. */
export interface ThemeCount extends PolarityCount {
  readonly quartierId: string;
  readonly year: number;
  readonly themeId: string;
}

/** How many counted observations of a quartier and year were noted at a stop of a walk. */
export interface StopCount extends PolarityCount {
  readonly quartierId: string;
  readonly year: number;
  readonly walkId: string;
  readonly stopId: string;
}

/** What the statistics are computed from: rows may repeat a key (their counts add up). */
export interface ObservationCounts {
  readonly byTheme: readonly ThemeCount[];
  readonly byStop: readonly StopCount[];
}

/** Whether an observation is counted at all. */
export const isCounted = (o: Pick<Observation, 'status'>): boolean => !UNCOUNTED_OBSERVATION_STATUSES.includes(o.status);

/** The counts of `observations`, one row per key: each counted observation once by theme, and once by stop when it has one. */
export function observationCounts(observations: readonly Observation[], timeZone: string): ObservationCounts {
  const themes = new Map<string, ThemeCount>();
  const stops = new Map<string, StopCount>();
  for (const o of observations) {
    if (!isCounted(o)) continue;
    const year = yearOf(o.recordedAt, timeZone);
    tally<Omit<ThemeCount, keyof PolarityCount>>(
      themes,
      [o.quartierId, year, o.themeId],
      () => ({ quartierId: o.quartierId, year, themeId: o.themeId }),
      o.polarity,
    );
    if (o.walkId && o.stopId) {
      const { walkId, stopId } = o;
      tally<Omit<StopCount, keyof PolarityCount>>(
        stops,
        [o.quartierId, year, walkId, stopId],
        () => ({ quartierId: o.quartierId, year, walkId, stopId }),
        o.polarity,
      );
    }
  }
  return { byTheme: [...themes.values()], byStop: [...stops.values()] };
}

function tally<K>(rows: Map<string, K & PolarityCount>, key: readonly unknown[], init: () => K, polarity: Observation['polarity'], n = 1) {
  const k = JSON.stringify(key);
  let row = rows.get(k);
  if (!row) rows.set(k, (row = { ...init(), positive: 0, problem: 0 }));
  row[polarity] += n;
}

/** The statistics of grouped counts (see {@linkcode observationCounts}); rows without any count are ignored. */
export function observationStatsFromCounts(counts: ObservationCounts): ObservationStats {
  const themes = new Map<string, { themeId: string } & PolarityCount>();
  const stops = new Map<string, { walkId: string; stopId: string } & PolarityCount>();
  const quartiers = new Map<string, { quartierId: string; year: number } & PolarityCount>();
  let total = 0;
  const add = <K>(rows: Map<string, K & PolarityCount>, key: readonly unknown[], init: () => K, row: PolarityCount) => {
    tally(rows, key, init, 'positive', row.positive);
    tally(rows, key, init, 'problem', row.problem);
  };
  for (const row of counts.byTheme) {
    if (row.positive + row.problem === 0) continue;
    total += row.positive + row.problem;
    add(themes, [row.themeId], () => ({ themeId: row.themeId }), row);
    add(quartiers, [row.quartierId, row.year], () => ({ quartierId: row.quartierId, year: row.year }), row);
  }
  for (const row of counts.byStop) {
    if (row.positive + row.problem === 0) continue;
    add(stops, [row.walkId, row.stopId], () => ({ walkId: row.walkId, stopId: row.stopId }), row);
  }
  return {
    total,
    byThemeAndPolarity: [...themes.values()].sort((a, b) => compareText(a.themeId, b.themeId)),
    byStop: [...stops.values()]
      .sort((a, b) => compareText(a.walkId, b.walkId) || compareText(a.stopId, b.stopId))
      .map((s) => ({ ...s, positiveRatio: s.positive + s.problem === 0 ? null : s.positive / (s.positive + s.problem) })),
    byQuartierAndYear: [...quartiers.values()].sort((a, b) => a.year - b.year || compareText(a.quartierId, b.quartierId)),
  };
}

/**
 * Counts by theme × polarity, by stop (with the positive/problem ratio), by
 * quartier and year (in the city's time zone). Duplicates and rejected
 * observations are left out.
 */
export function observationStats(observations: readonly Observation[], timeZone: string): ObservationStats {
  return observationStatsFromCounts(observationCounts(observations, timeZone));
}
