// SPDX-License-Identifier: EUPL-1.2
import { FIELD_MESSAGES_EN, OBSERVATION_MESSAGES_EN } from '@gusp/core';

/** The core's English texts `<gusp-issue-form>` shows: validation, refusals, polarity and other labels. */
export const parts = [FIELD_MESSAGES_EN, OBSERVATION_MESSAGES_EN];
