// SPDX-License-Identifier: EUPL-1.2
// One file per element's part (./fr/*.ts), so that a bundle carries the parts of the elements it holds only.
import { common } from './fr/common.js';
import { engagementTracker } from './fr/engagement-tracker.js';
import { issueForm } from './fr/issue-form.js';
import { project } from './fr/project.js';
import { walkList } from './fr/walk-list.js';
import { walkSignup } from './fr/walk-signup.js';
import type { Translation } from './types.js';

export { common, walkSignup, walkList, issueForm, engagementTracker, project };

/** French, the reference language: every text exists here first. */
export const fr: Translation = { locale: 'fr', common, walkSignup, walkList, issueForm, engagementTracker, project };
