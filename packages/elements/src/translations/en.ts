// SPDX-License-Identifier: EUPL-1.2
// One file per element's part (./en/*.ts), so that a bundle carries the parts of the elements it holds only.
import { common } from './en/common.js';
import { engagementTracker } from './en/engagement-tracker.js';
import { issueForm } from './en/issue-form.js';
import { project } from './en/project.js';
import { walkList } from './en/walk-list.js';
import { walkSignup } from './en/walk-signup.js';
import type { Translation } from './types.js';

export { common, walkSignup, walkList, issueForm, engagementTracker, project };

/** English. */
export const en: Translation = { locale: 'en', common, walkSignup, walkList, issueForm, engagementTracker, project };
