// SPDX-License-Identifier: EUPL-1.2
/**
 * `@gusp/console`: the GUSP back office for staff, as web components. This entry point has no
 * side effects: import `@gusp/console/define/<screen>.js` (or `define/all.js`) to register the
 * tags, or load the self-contained `dist/bundle/gusp-console.js` in a page (what the server serves at `/gestion`).
 */
export { ConsoleElement } from './internal/console-element.js';
export { ConsoleScreen, type LoadFailure } from './internal/console-screen.js';
export { LocalizeController, type LocalizeHost } from './internal/localize.js';
export { ApiRefusal, ApiUnavailable, setCsrfToken, staffRequest, staffPages, type StaffRequest } from './internal/api.js';
export { SessionEndedEvent, SignedInEvent, SignedOutEvent, type SignedIn, type StaffAccount, type StaffRole } from './internal/events.js';
export { GuspConsole, AppState, type Me } from './app/console-app.js';
export { ROUTES, SCREENS_BY_ROLE, hashOf, placeOf, type GatheringKind, type Place, type Route, type ScreenId } from './app/routes.js';
// Each screen's module (its room): its class and what it exports besides.
export * from './accounts/accounts.js';
export * from './dashboard/dashboard.js';
export * from './day/day.js';
export * from './engagements/engagements.js';
export * from './inbox/inbox.js';
export * from './plan/plan.js';
export * from './projects/project.js';
export * from './projects/projects.js';
export * from './registrations/registrations.js';
export * from './report/report.js';
export { GuspConsoleSignIn, SignInStep, type SignInMethods } from './sign-in/sign-in.js';
export { GuspConsoleWalks, WALK_FILTER_STATUSES, type QuartierCoverage, type WalksData, type WalksView } from './walks/walks.js';
export { consoleTexts, registerConsoleTranslation, fr, en, type ConsoleTexts } from './translations/index.js';
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
} from './translations/types.js';
export type { DashboardChart } from './translations/dashboard.js';
export type { ProjectStep, WorkshopStep } from './translations/projects.js';
export { gatheringOf, gatheringPath, type GatheringSummary } from './internal/gathering.js';
export { tokens } from './styles/tokens.js';
