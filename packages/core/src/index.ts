// SPDX-License-Identifier: EUPL-1.2
/**
 * `@gusp/core`: the typed model of GUSP (gestion urbaine et sociale de
 * proximité) — quartiers, actors, walks, registrations, observations, reports
 * and engagements — their lifecycles as data, the journal, views and exports.
 * Runs unchanged in browsers and Node; no Node built-in is used.
 */
export * from './result.js';
export * from './ids.js';
export * from './dates.js';
export * from './zoned-time.js';
export * from './geo.js';
export * from './validation.js';
export {
  registerLocale,
  addMessages,
  catalogueFor,
  errorMessage,
  errorMessageIn,
  label,
  labelIn,
  guspError,
  guspErrorIn,
  type Catalogue,
  type CataloguePart,
  type Message,
  type Messages,
} from './i18n.js';
export * from './locales/messages.js';
export { fr } from './locales/fr.js';
export { en } from './locales/en.js';

export * from './rules/define-rules.js';
export * from './rules/transition.js';

export * from './actor.js';
export * from './city/city-profile.js';
export * from './city/define-city.js';
export * from './city/lookup.js';
export { valence } from './city/valence.js';

export * from './walk/walk.js';
export * from './walk/walk-details.js';
export * from './walk/walk.rules.js';
export * from './walk/walk.fold.js';
export * from './walk/walk.status.js';
export * from './walk/day-sheet-html.js';
export * from './walk/route-svg.js';
export * from './registration/registration-status.js';
export * from './registration/registration.js';
export * from './registration/registration.rules.js';
export * from './registration/registration.fold.js';
export * from './registration/gathering.js';
export * from './observation/observation-status.js';
export * from './observation/observation.js';
export * from './observation/observation.rules.js';
export * from './observation/observation.fold.js';
export * from './report/report-status.js';
export * from './report/report.js';
export * from './report/report.rules.js';
export * from './report/build-report.js';
export * from './engagement/engagement.js';
export * from './engagement/engagement-status.js';
export * from './engagement/engagement.rules.js';
export * from './engagement/engagement.fold.js';
export * from './engagement/resident-verification.js';
export * from './project/project-status.js';
export * from './project/project.js';
export * from './project/project.rules.js';
export * from './project/project.fold.js';
export * from './project/contribution.js';
export * from './project/contribution.rules.js';
export { PROJECT_MESSAGES, projectEn as PROJECT_MESSAGES_EN } from './project/project.messages.js';
export * from './workshop/workshop-status.js';
export * from './workshop/workshop.js';
export * from './workshop/workshop.rules.js';
export * from './workshop/workshop.fold.js';

export * from './events.js';
export * from './personal-data.js';
export * from './store/store.js';
export { memoryStore } from './store/memory-store.js';

export { createGusp, type Gusp, type GuspOptions, type GuspQueries } from './service/create-gusp.js';
export type { CommandOptions } from './service/runtime.js';
export type { StaffCommandOptions, WalkCommands } from './service/walks.js';
// The factory that makes them (`registrationCommands`) is the core's own: walks and workshops use it.
export type { RegistrationCommands, RegistrationOutcome } from './service/registrations.js';
export { DuplicateInput, PhotoRegion, RedactPhotoInput, ResolveInput, type ObservationCommands } from './service/observations.js';
export type { EngagementCommandOptions, EngagementCommands } from './service/engagements.js';
export type { ReportCommands } from './service/reports.js';
export type { ProjectCommands } from './service/projects.js';
export { bleuetsSeed, type BleuetsSeed, type BleuetsSeedOptions } from './service/bleuets-seed.js';
export type { WorkshopCommands } from './service/workshops.js';

export * from './views/walk-summary.js';
export * from './views/workshop-summary.js';
export * from './views/project-page.js';
export * from './views/observation-stats.js';
export * from './views/engagement-dashboard.js';
export * from './views/coverage.js';
export * from './views/needs-summary.js';
export * from './views/milestone-actor.js';
export * from './staff-accounts.js';

export * from './export/index.js';
