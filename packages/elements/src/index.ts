// SPDX-License-Identifier: EUPL-1.2
/**
 * `@gusp/elements`: web components for a city's or landlord's website. This
 * entry point has no side effects: import `@gusp/elements/define/<tag>.js`
 * (or `define/all.js`) to register the tags.
 */
export { GuspElement } from './internal/gusp-element.js';
// The controllers every element is built from, for elements of one's own (and the staff console) on the same conventions.
export { LocalizeController, type LocalizeHost } from './internal/localize.js';
export { DataController, type DataHost, type DataSource } from './internal/data-controller.js';
export {
  FormController,
  type FormHost,
  type FormConfig,
  type InputOptions,
  type TextKey,
  type FlagKey,
} from './internal/form-controller.js';
export type { ShownError } from './internal/error-summary.js';
export { GuspWalkSignup } from './walk-signup/walk-signup.js';
export { SignupState, signupState, isRescheduled, type WalkSignupData, type RegistrationReceipt } from './walk-signup/walk-signup-data.js';
export { GuspWalkList } from './walk-list/walk-list.js';
export { walksShown, type WalkListData } from './walk-list/walk-list-data.js';
export * from './events/index.js';
export {
  registerTranslation,
  translationFor,
  textsFor,
  fr,
  en,
  BuiltInTexts,
  CoreMessages,
  type OnDemand,
  type CommonTexts,
  type EngagementTrackerTexts,
  type IssueFormTexts,
  type ProjectTexts,
  type Translation,
  type TranslationPart,
  type WalkListTexts,
  type WalkSignupTexts,
} from './translations/index.js';
export { tokens } from './styles/tokens.js';
export { GuspEngagementTracker } from './engagement-tracker/engagement-tracker.js';
export {
  countTracked,
  dueInWords,
  filterTracked,
  track,
  type EngagementCounts,
  type EngagementFilter,
  type EngagementTrackerData,
  type TrackedEngagement,
} from './engagement-tracker/engagement-tracker-data.js';
export { GuspProject } from './project/project.js';
export { GuspWorkshopSignup } from './project/workshop-signup.js';
export { phasePlaces, type PhasePlace, type ProjectData, type WorkshopSignupData } from './project/project-data.js';
export { GatheringSignup, type SignupCard } from './signup/gathering-signup.js';
export { gatheringState, type SignupCounts, type SignupGathering } from './signup/signup-data.js';
export { GuspIssueForm } from './issue-form/issue-form.js';
export type { IssueFormData } from './issue-form/issue-form-data.js';
