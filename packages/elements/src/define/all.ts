// SPDX-License-Identifier: EUPL-1.2
/** Registers every GUSP element. */
export * from './walk-signup.js';
export * from './walk-list.js';
export * from './issue-form.js';
export * from './engagement-tracker.js';
export * from './project.js';
