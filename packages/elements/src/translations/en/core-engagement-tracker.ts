// SPDX-License-Identifier: EUPL-1.2
import { ENGAGEMENT_MESSAGES_EN, FIELD_MESSAGES_EN } from '@gusp/core';

/** The core's English texts `<gusp-engagement-tracker>` shows: statuses, milestones, labels. */
export const parts = [FIELD_MESSAGES_EN, ENGAGEMENT_MESSAGES_EN];
