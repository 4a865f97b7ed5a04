// SPDX-License-Identifier: EUPL-1.2
import type { CityProfile } from '../city/city-profile.js';
import { calendarDay, daysBetween, type CalendarDay } from '../dates.js';
import type { Engagement, EngagementStatus } from '../engagement/engagement.js';
import { ENGAGEMENT_STATUSES, SETTLED_ENGAGEMENT_STATUSES } from '../engagement/engagement-status.js';
import { compareText } from '../internal/compare-text.js';

/** Derived, never stored: where an engagement stands against its due day (city calendar). */
export interface EngagementFlags {
  /** Due day passed and not done, verified or abandoned. */
  readonly overdue: boolean;
  /** Due within the city's `dueSoonDays` (14 by default), not overdue. */
  readonly dueSoon: boolean;
  /** Days from today to the due day: negative when late; `undefined` without a due day. */
  readonly daysLeft: number | undefined;
}

export function engagementFlags(e: Engagement, now: Date, city: CityProfile): EngagementFlags {
  if (e.dueOn === undefined) return { overdue: false, dueSoon: false, daysLeft: undefined };
  const today = calendarDay(now, city.timezone);
  const daysLeft = daysBetween(today, e.dueOn);
  const settled = SETTLED_ENGAGEMENT_STATUSES.includes(e.status);
  return { overdue: !settled && daysLeft < 0, dueSoon: !settled && daysLeft >= 0 && daysLeft <= city.defaults.dueSoonDays, daysLeft };
}

export interface EngagementGroup {
  readonly total: number;
  readonly overdue: number;
  readonly byStatus: Readonly<Record<EngagementStatus, number>>;
}

/** What elected officials and coordinators ask: where promises stand. */
export interface EngagementDashboard extends EngagementGroup {
  readonly dueSoon: number;
  /** Overdue engagements, most late first. */
  readonly overdueList: readonly Engagement[];
  /** Of engagements completed with a due day, the share completed on or before it (`null` if none). */
  readonly onTimeRate: number | null;
  /** Average days late of those completed late, 0 when none was late (`null` if none completed). */
  readonly averageDelayDays: number | null;
  readonly byOrganisation: Readonly<Record<string, EngagementGroup>>;
  readonly byQuartier: Readonly<Record<string, EngagementGroup>>;
  readonly byTheme: Readonly<Record<string, EngagementGroup>>;
}

const emptyByStatus = () => Object.fromEntries(ENGAGEMENT_STATUSES.map((s) => [s, 0])) as Record<EngagementStatus, number>;

/**
 * The calendar days that decide, on a given day, whether an engagement is overdue (due before
 * `today`) or due soon (due from `today` to `soonUntil`, the city's `dueSoonDays` later), when it
 * is not settled: what {@linkcode engagementFlags} decides, as bounds a database can compare.
 */
export function dueWindow(now: Date, city: CityProfile): { readonly today: CalendarDay; readonly soonUntil: CalendarDay } {
  const today = calendarDay(now, city.timezone);
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const soonUntil = new Date(Date.UTC(y, m - 1, d + city.defaults.dueSoonDays)).toISOString().slice(0, 10);
  return { today, soonUntil };
}

/**
 * Days late of an engagement completed (done or verified) with a due day: 0 when on or before
 * it (completion read on the city's calendar); `undefined` for any other engagement.
 */
export function completionDelay(e: Engagement, city: CityProfile): number | undefined {
  if (!e.completedAt || !e.dueOn || !['done', 'verified'].includes(e.status)) return undefined;
  return Math.max(0, daysBetween(e.dueOn, calendarDay(e.completedAt, city.timezone)));
}

/**
 * What the dashboard needs of the engagements sharing a quartier, an organisation, a theme and a
 * status: rows may repeat a key (their counts add up). {@linkcode engagementTallies} makes them
 * from a list; a server groups its read model into the same rows.
 */
export interface EngagementTally {
  readonly quartierId: string;
  readonly organisationId: string | undefined;
  readonly themeId: string | undefined;
  readonly status: EngagementStatus;
  readonly count: number;
  readonly overdue: number;
  readonly dueSoon: number;
  /** Completed with a due day (see {@linkcode completionDelay}). */
  readonly timed: number;
  /** Of those, completed late, and their days late added up. */
  readonly late: number;
  readonly lateDays: number;
}

/** The tallies of `engagements` on `now`'s day, one row per engagement. */
export function engagementTallies(engagements: readonly Engagement[], now: Date, city: CityProfile): EngagementTally[] {
  return engagements.map((e) => {
    const flags = engagementFlags(e, now, city);
    const delay = completionDelay(e, city);
    return {
      quartierId: e.quartierId,
      organisationId: e.organisationId,
      themeId: e.themeId,
      status: e.status,
      count: 1,
      overdue: flags.overdue ? 1 : 0,
      dueSoon: flags.dueSoon ? 1 : 0,
      timed: delay === undefined ? 0 : 1,
      late: delay !== undefined && delay > 0 ? 1 : 0,
      lateDays: delay ?? 0,
    };
  });
}

/** Groups by `key` (`none` for an engagement without one), in key order. */
function groupsBy(tallies: readonly EngagementTally[], key: (t: EngagementTally) => string | undefined): Record<string, EngagementGroup> {
  const groups = new Map<string, { total: number; overdue: number; byStatus: Record<EngagementStatus, number> }>();
  for (const t of tallies) {
    const k = key(t) ?? 'none';
    let g = groups.get(k);
    if (!g) groups.set(k, (g = { total: 0, overdue: 0, byStatus: emptyByStatus() }));
    g.total += t.count;
    g.overdue += t.overdue;
    g.byStatus[t.status] += t.count;
  }
  return Object.fromEntries([...groups].sort(([a], [b]) => compareText(a, b)));
}

/**
 * The dashboard of grouped tallies (see {@linkcode EngagementTally}) and the overdue engagements
 * themselves, most late first (ties by id), as {@linkcode engagementOverdueList} orders them.
 */
export function engagementDashboardFromTallies(
  tallies: readonly EngagementTally[],
  overdueList: readonly Engagement[],
): EngagementDashboard {
  const sum = (field: 'count' | 'overdue' | 'dueSoon' | 'timed' | 'late' | 'lateDays') => tallies.reduce((n, t) => n + t[field], 0);
  const timed = sum('timed');
  const late = sum('late');
  const byStatus = emptyByStatus();
  for (const t of tallies) byStatus[t.status] += t.count;
  return {
    total: sum('count'),
    overdue: sum('overdue'),
    byStatus,
    dueSoon: sum('dueSoon'),
    overdueList,
    onTimeRate: timed === 0 ? null : (timed - late) / timed,
    averageDelayDays: timed === 0 ? null : late === 0 ? 0 : sum('lateDays') / late,
    byOrganisation: groupsBy(tallies, (t) => t.organisationId),
    byQuartier: groupsBy(tallies, (t) => t.quartierId),
    byTheme: groupsBy(tallies, (t) => t.themeId),
  };
}

/** The overdue engagements among `engagements` on `now`'s day, most late first (earliest due day), ties by id. */
export function engagementOverdueList(engagements: readonly Engagement[], now: Date, city: CityProfile): Engagement[] {
  return engagements
    .filter((e) => engagementFlags(e, now, city).overdue)
    .sort((a, b) => compareText(a.dueOn ?? '', b.dueOn ?? '') || compareText(a.id, b.id));
}

export function engagementDashboard(engagements: readonly Engagement[], now: Date, city: CityProfile): EngagementDashboard {
  return engagementDashboardFromTallies(engagementTallies(engagements, now, city), engagementOverdueList(engagements, now, city));
}
