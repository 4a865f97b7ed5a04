// SPDX-License-Identifier: EUPL-1.2
import { FIELD_MESSAGES_EN, REGISTRATION_MESSAGES_EN } from '@gusp/core';

/** The core's English texts `<gusp-walk-signup>` (and the list that opens it) shows: validation, sign-up refusals, labels. */
export const parts = [FIELD_MESSAGES_EN, REGISTRATION_MESSAGES_EN];
