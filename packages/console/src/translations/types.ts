// SPDX-License-Identifier: EUPL-1.2
/**
 * Every text of the console, by key: one object per language (fr.ts, en.ts), checked against
 * this type, so a missing text is a compile error rather than a blank on a screen.
 */
import type { AccountsTexts } from './accounts.js';
import type { DashboardTexts } from './dashboard.js';
import type { DayTexts } from './day.js';
import type { EngagementsTexts } from './engagements.js';
import type { InboxTexts } from './inbox.js';
import type { PlanTexts } from './plan.js';
import type { ProjectsTexts } from './projects.js';
import type { RegistrationsTexts } from './registrations.js';
import type { ReportTexts } from './report.js';

export type {
  AccountsTexts,
  DashboardTexts,
  DayTexts,
  EngagementsTexts,
  InboxTexts,
  PlanTexts,
  ProjectsTexts,
  RegistrationsTexts,
  ReportTexts,
};

export interface ConsoleTexts {
  readonly locale: string;
  // Shared states.
  readonly loading: string;
  readonly loadFailed: string;
  readonly retry: string;
  // Sign-in.
  readonly signInTitle: string;
  readonly signInIntro: string;
  readonly emailLabel: string;
  readonly emailHint: string;
  readonly sendLink: string;
  readonly sending: string;
  readonly checkEmailTitle: string;
  readonly checkEmail: (email: string) => string;
  readonly codeLabel: string;
  readonly codeHint: string;
  readonly verify: string;
  readonly verifying: string;
  readonly otherAddress: string;
  readonly verifyingLink: string;
  readonly linkFailed: string;
  readonly askNewLink: string;
  readonly signedOut: string;
  readonly signInWith: (provider: string) => string;
  readonly orByEmail: string;
  // Errors (client-side checks and the server's refusals by code).
  readonly errors: {
    readonly emailMissing: string;
    readonly emailInvalid: string;
    readonly codeInvalid: string;
    readonly signInInvalid: string;
    readonly rateLimited: (minutes: number) => string;
    readonly unavailable: string;
    readonly sessionEnded: string;
    readonly forbidden: string;
  };
  // The shell.
  readonly appTitle: string;
  readonly signedInAs: (who: string, role: string) => string;
  readonly signOut: string;
  readonly navLabel: string;
  readonly roles: Readonly<Record<'coordinator' | 'agent' | 'organisation', string>>;
  readonly screens: Readonly<
    Record<
      'walks' | 'plan' | 'registrations' | 'day' | 'inbox' | 'report' | 'engagements' | 'projects' | 'project' | 'dashboard' | 'accounts',
      string
    >
  >;
  /** A screen about one walk opened without one (`#registrations` alone). */
  readonly noWalkChosen: string;
  // Each screen's own texts, in its own file (translations/<screen>.ts).
  readonly plan: PlanTexts;
  readonly registrations: RegistrationsTexts;
  readonly day: DayTexts;
  readonly inbox: InboxTexts;
  readonly report: ReportTexts;
  readonly engagements: EngagementsTexts;
  readonly dashboard: DashboardTexts;
  readonly accounts: AccountsTexts;
  readonly projects: ProjectsTexts;
  readonly noScreen: string;
  // Walks.
  readonly walksTitle: string;
  readonly filters: string;
  readonly year: string;
  readonly quartier: string;
  readonly allQuartiers: string;
  readonly status: string;
  readonly allStatuses: string;
  readonly statuses: Readonly<Record<string, string>>;
  readonly coverageTitle: (year: number) => string;
  readonly uncovered: (names: readonly string[]) => string;
  readonly allCovered: string;
  readonly walksCount: (count: number) => string;
  readonly priority: string;
  readonly noWalks: string;
  readonly seats: (confirmed: number, seatsLeft: number, capacity: number, waitlisted: number) => string;
  readonly attended: (count: number) => string;
  readonly walksShown: (count: number) => string;
  readonly views: string;
  readonly listView: string;
  readonly calendarView: string;
  readonly calendarTitle: (year: number) => string;
  readonly noWalkThisMonth: string;
  readonly walkLinks: (when: string) => string;
  readonly prepare: string;
  readonly registrationsLink: string;
  readonly dayLink: string;
  readonly planWalk: string;
}
