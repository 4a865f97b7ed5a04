// SPDX-License-Identifier: EUPL-1.2
import {
  ENGAGEMENT_STATUSES,
  type EngagementStatus,
  SETTLED_ENGAGEMENT_STATUSES,
  engagementFlags,
  type CityProfile,
  type Engagement,
  type EngagementFlags,
} from '@gusp/core';
import type { EngagementTrackerTexts } from '../translations/index.js';

/**
 * What `<gusp-engagement-tracker>` shows: public engagements (no personal
 * data) and the city profile that names their quartiers, themes and
 * organisations. The API serves it at `GET {endpoint}/engagements`.
 */
export interface EngagementTrackerData {
  readonly engagements: readonly Engagement[];
  readonly city: CityProfile;
}

/** The filters people choose; `undefined` means "all". `status` also takes `overdue`. */
export interface EngagementFilter {
  readonly quartierId?: string | undefined;
  readonly themeId?: string | undefined;
  readonly organisationId?: string | undefined;
  readonly status?: EngagementStatus | 'overdue' | undefined;
}

/** An engagement with its flags for today, computed once per render. */
export interface TrackedEngagement {
  readonly engagement: Engagement;
  readonly flags: EngagementFlags;
}

/** Counters: one per status, and overdue (derived by the core, never stored). */
export type EngagementCounts = Readonly<Record<EngagementStatus | 'overdue', number>>;

export function track(engagements: readonly Engagement[], now: Date, city: CityProfile): TrackedEngagement[] {
  return engagements.map((engagement) => ({ engagement, flags: engagementFlags(engagement, now, city) }));
}

export function filterTracked(list: readonly TrackedEngagement[], filter: EngagementFilter): TrackedEngagement[] {
  return list.filter(
    ({ engagement: e, flags }) =>
      (filter.quartierId === undefined || e.quartierId === filter.quartierId) &&
      (filter.themeId === undefined || e.themeId === filter.themeId) &&
      (filter.organisationId === undefined || e.organisationId === filter.organisationId) &&
      (filter.status === undefined || (filter.status === 'overdue' ? flags.overdue : e.status === filter.status)),
  );
}

export function countTracked(list: readonly TrackedEngagement[]): EngagementCounts {
  const counts = Object.fromEntries([...ENGAGEMENT_STATUSES, 'overdue'].map((s) => [s, 0])) as Record<EngagementStatus | 'overdue', number>;
  for (const { engagement, flags } of list) {
    counts[engagement.status]++;
    if (flags.overdue) counts.overdue++;
  }
  return counts;
}

const DAY_WORDS_UNTIL = 14;
const WEEK_WORDS_UNTIL = 60;

/**
 * The due date in words, from calendar days in the city's time zone (so a
 * daylight-saving change never shifts it): « en retard de 12 jours »,
 * « échéance dans 3 semaines », « échéance demain ». Settled engagements
 * show the date itself, since being late no longer matters.
 */
export function dueInWords(tracked: TrackedEngagement, locale: string, t: EngagementTrackerTexts): string {
  const { engagement: e, flags } = tracked;
  if (e.dueOn === undefined || flags.daysLeft === undefined) return t.noDueDate;
  if (SETTLED_ENGAGEMENT_STATUSES.includes(e.status)) {
    const [y, m, d] = e.dueOn.split('-').map(Number) as [number, number, number];
    const day = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
      Date.UTC(y, m - 1, d),
    );
    return t.dueOnDay(day);
  }
  const days = flags.daysLeft;
  if (days < 0) return t.overdueBy(-days);
  const rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const words =
    days < DAY_WORDS_UNTIL
      ? rtf.format(days, 'day')
      : days < WEEK_WORDS_UNTIL
        ? rtf.format(Math.round(days / 7), 'week')
        : rtf.format(Math.round(days / 30.44), 'month');
  return t.dueIn(words);
}
