// SPDX-License-Identifier: EUPL-1.2
import type { StaffRole } from '../internal/events.js';

/** The console's screens, by the first part of the page's `#hash`. */
export type ScreenId =
  'walks' | 'plan' | 'registrations' | 'day' | 'inbox' | 'report' | 'engagements' | 'projects' | 'project' | 'dashboard' | 'accounts';

/** What a screen is: who opens it, whether the navigation lists it, whether it is about one walk (`#<screen>/<walkId>`). */
export interface Route {
  readonly roles: readonly StaffRole[];
  readonly nav: boolean;
  /** `required`: the screen is about one walk (`#registrations/<walkId>`); `optional`: with or without (`#plan` is a new walk). */
  readonly walk?: 'required' | 'optional';
}

/**
 * The console's screens as data, in the navigation's order (a person lands on the first of theirs):
 * agents run walks and their day and triage what was observed; coordinators also plan walks,
 * write the compte-rendu, keep the engagements and manage the team's accounts; an organisation's staff
 * see their organisation's engagements. Who may *do* what on a screen is the
 * server's to say (each refusal is shown, localized); this table only decides what opens.
 */
export const ROUTES: Readonly<Record<ScreenId, Route>> = {
  walks: { roles: ['coordinator', 'agent'], nav: true },
  plan: { roles: ['coordinator'], nav: false, walk: 'optional' },
  registrations: { roles: ['coordinator', 'agent'], nav: false, walk: 'required' },
  day: { roles: ['coordinator', 'agent'], nav: true, walk: 'optional' },
  inbox: { roles: ['coordinator', 'agent'], nav: true, walk: 'optional' },
  report: { roles: ['coordinator'], nav: false, walk: 'required' },
  engagements: { roles: ['coordinator', 'organisation'], nav: true },
  // Concerted projects: coordinators run them; an organisation reads those it is landlord or partner of.
  projects: { roles: ['coordinator', 'organisation'], nav: true },
  project: { roles: ['coordinator', 'organisation'], nav: false, walk: 'optional' },
  dashboard: { roles: ['coordinator', 'agent'], nav: true },
  accounts: { roles: ['coordinator'], nav: true },
};

/** The screens each role finds in the navigation, in order (the first is where a person lands). */
export const SCREENS_BY_ROLE: Readonly<Record<StaffRole, readonly ScreenId[]>> = {
  coordinator: navOf('coordinator'),
  agent: navOf('agent'),
  organisation: navOf('organisation'),
};

function navOf(role: StaffRole): ScreenId[] {
  return (Object.keys(ROUTES) as ScreenId[]).filter((id) => ROUTES[id].nav && ROUTES[id].roles.includes(role));
}

/**
 * What people sign up to and staff run on the day: a walk, or a workshop of a concerted project.
 * The registrations and day screens serve both (`#registrations/<walkId>`, `#registrations/workshop/<workshopId>`).
 */
export type GatheringKind = 'walk' | 'workshop';

/**
 * Where a `#hash` points: a screen and, for the screens about one walk (or project, or workshop), its id
 * (`#day/w-123` → `{ screen: 'day', walkId: 'w-123' }`; `#day/workshop/ws-1` → `{ screen: 'day', walkId: 'ws-1', gathering: 'workshop' }`).
 */
export interface Place {
  readonly screen: string;
  readonly walkId?: string;
  /** `workshop` when the id is a workshop's; a walk's otherwise. */
  readonly gathering?: 'workshop';
}

export function placeOf(hash: string): Place {
  const parts = hash.replace(/^#/, '').split('/');
  const screen = parts[0] ?? '';
  const workshop = parts[1] === 'workshop' && parts.length > 2;
  const walkId = workshop ? parts[2] : parts[1];
  let id: string | undefined;
  try {
    id = walkId ? decodeURIComponent(walkId) : undefined;
  } catch {
    id = undefined;
  }
  if (!id) return { screen };
  return workshop ? { screen, walkId: id, gathering: 'workshop' } : { screen, walkId: id };
}

/** The `#hash` of a screen, about a walk (or a workshop, a project) or not: what links between screens use. */
export function hashOf(screen: ScreenId, walkId?: string, gathering: GatheringKind = 'walk'): string {
  if (!walkId) return `#${screen}`;
  return gathering === 'workshop' ? `#${screen}/workshop/${encodeURIComponent(walkId)}` : `#${screen}/${encodeURIComponent(walkId)}`;
}

/**
 * A link's `href` to a screen: the page's own address with the screen's `#hash`, so the link names a
 * page (a hash alone reads to checkers as an anchor missing from the document) and the app opens it.
 */
export function hrefOf(screen: ScreenId, walkId?: string, gathering: GatheringKind = 'walk'): string {
  return `${location.pathname}${location.search}${hashOf(screen, walkId, gathering)}`;
}
