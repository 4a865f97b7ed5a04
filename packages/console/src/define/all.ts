// SPDX-License-Identifier: EUPL-1.2
// Every screen of the console: what the self-contained bundle (dist/bundle/gusp-console.js) registers.
export * from './accounts.js';
export * from './console.js';
export * from './dashboard.js';
export * from './day.js';
export * from './engagements.js';
export * from './inbox.js';
export * from './plan.js';
export * from './project.js';
export * from './projects.js';
export * from './registrations.js';
export * from './report.js';
export * from './sign-in.js';
export * from './walks.js';
