// SPDX-License-Identifier: EUPL-1.2
export * from './walk-signup-events.js';
export * from './issue-form-events.js';
