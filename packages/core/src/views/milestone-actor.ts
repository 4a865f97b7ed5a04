// SPDX-License-Identifier: EUPL-1.2
/**
 * Who acted on an engagement, in words, as a public timeline shows it: the organisation for an
 * organisation's staff (« OPH »), the city's own staff by their role (« Ville — coordination »),
 * never a person — a milestone's `by` carries no account (DOMAIN.md, privacy). Staff screens that
 * want the account's name read the event's `by` from the journal instead.
 */
import type { CityProfile } from '../city/city-profile.js';
import type { Milestone, MilestoneActor } from '../engagement/engagement.js';
import { foldEngagement } from '../engagement/engagement.fold.js';
import type { EngagementEvent } from '../events.js';
import type { StaffActor } from '../registration/registration.js';
import { labelIn } from '../i18n.js';
import type { Messages } from '../locales/types.js';

/** The texts of this view, French first (a host may override them with `addMessages`). */
export const MILESTONE_ACTOR_MESSAGES: Messages = {
  fr: {
    errors: {},
    labels: {
      'milestone.by.coordinator': 'Ville — coordination',
      'milestone.by.agent': 'Ville — agent de terrain',
      'milestone.by.organisation': 'Organisation partenaire',
    },
  },
  en: {
    errors: {},
    labels: {
      'milestone.by.coordinator': 'City — coordination',
      'milestone.by.agent': 'City — field agent',
      'milestone.by.organisation': 'Partner organisation',
    },
  },
};

/**
 * Who acted, in words: an organisation's short name (else its name) when the actor belongs to one
 * the city profile knows, else the role (« Ville — coordination »); `undefined` when nobody is named
 * (an event recorded before actors were, or by the system itself).
 */
export function milestoneActorLabel(
  by: (Pick<MilestoneActor, 'role'> & { readonly organisationId?: string | undefined }) | undefined,
  city: Pick<CityProfile, 'organisations'>,
  locale?: string,
): string | undefined {
  if (by === undefined) return undefined;
  if (by.organisationId !== undefined) {
    const organisation = city.organisations.find((o) => o.id === by.organisationId);
    if (organisation) return organisation.shortName ?? organisation.name;
  }
  return labelIn([MILESTONE_ACTOR_MESSAGES], `milestone.by.${by.role}`, locale);
}

/** An engagement's timeline, each entry with who acted in words (`byLabel`, absent when nobody is named). */
export function engagementTimelineView(
  milestones: readonly Milestone[],
  city: Pick<CityProfile, 'organisations'>,
  locale?: string,
): (Milestone & { readonly byLabel?: string })[] {
  return milestones.map((m) => {
    const byLabel = milestoneActorLabel(m.by, city, locale);
    return byLabel === undefined ? m : { ...m, byLabel };
  });
}

/** One entry of an engagement's history as staff see it: the milestone, and who acted in full (account, role, organisation). */
export type EngagementHistoryEntry = Omit<Milestone, 'by'> & { readonly by?: StaffActor };

/**
 * An engagement's history for staff, from its stream's events: each milestone with the event's
 * whole `by` (the account too), which the public milestones never carry. One entry per event (but
 * the participants' answers, which the engagement counts), in order; `[]` for no events.
 */
export function engagementHistory(events: readonly EngagementEvent[]): EngagementHistoryEntry[] {
  const engagement = foldEngagement(events);
  if (!engagement) return [];
  // One milestone per event but the participants' answers, which are counted, not put on the timeline.
  const steps = events.filter((e) => e.type !== 'EngagementResidentAnswered');
  return engagement.milestones.map(({ by: _shown, ...milestone }, i) => {
    const step = steps[i];
    const by = step && 'by' in step.data ? step.data.by : undefined;
    return by === undefined ? milestone : { ...milestone, by };
  });
}
