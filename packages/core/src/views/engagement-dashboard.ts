// SPDX-License-Identifier: EUPL-1.2
import type { CityProfile } from '../city/city-profile.js';
import { calendarDay, daysBetween } from '../dates.js';
import type { Engagement, EngagementStatus } from '../engagement/engagement.js';
import { ENGAGEMENT_STATUSES, SETTLED_ENGAGEMENT_STATUSES } from '../engagement/engagement-status.js';

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

function group(list: readonly Engagement[], overdue: ReadonlySet<Engagement>): EngagementGroup {
  const byStatus = emptyByStatus();
  for (const e of list) byStatus[e.status]++;
  return { total: list.length, overdue: list.filter((e) => overdue.has(e)).length, byStatus };
}

function groupBy(list: readonly Engagement[], key: (e: Engagement) => string | undefined, overdue: ReadonlySet<Engagement>) {
  const groups = new Map<string, Engagement[]>();
  for (const e of list) {
    const k = key(e) ?? 'none';
    const members = groups.get(k);
    if (members) members.push(e);
    else groups.set(k, [e]);
  }
  return Object.fromEntries([...groups].map(([k, v]) => [k, group(v, overdue)]));
}

export function engagementDashboard(engagements: readonly Engagement[], now: Date, city: CityProfile): EngagementDashboard {
  const flags = new Map(engagements.map((e) => [e, engagementFlags(e, now, city)]));
  const overdue = new Set(engagements.filter((e) => flags.get(e)?.overdue));
  const delays: number[] = [];
  for (const e of engagements) {
    if (!e.completedAt || !e.dueOn || !['done', 'verified'].includes(e.status)) continue;
    delays.push(Math.max(0, daysBetween(e.dueOn, calendarDay(e.completedAt, city.timezone))));
  }
  const late = delays.filter((d) => d > 0);
  return {
    ...group(engagements, overdue),
    dueSoon: engagements.filter((e) => flags.get(e)?.dueSoon).length,
    overdueList: [...overdue].sort((a, b) => (flags.get(a)?.daysLeft ?? 0) - (flags.get(b)?.daysLeft ?? 0)),
    onTimeRate: delays.length === 0 ? null : delays.filter((d) => d === 0).length / delays.length,
    averageDelayDays: delays.length === 0 ? null : late.length === 0 ? 0 : late.reduce((a, b) => a + b, 0) / late.length,
    byOrganisation: groupBy(engagements, (e) => e.organisationId, overdue),
    byQuartier: groupBy(engagements, (e) => e.quartierId, overdue),
    byTheme: groupBy(engagements, (e) => e.themeId, overdue),
  };
}
