// SPDX-License-Identifier: EUPL-1.2
// Every screen of the console: what the self-contained bundle (dist/bundle/gusp-console.js) registers.
export * from './console.js';
export * from './sign-in.js';
export * from './walks.js';
