// SPDX-License-Identifier: EUPL-1.2
import * as z from 'zod/mini';

/** C0 controls and DEL, except tab, line feed and carriage return: nothing a person types. */
// eslint-disable-next-line no-control-regex -- control characters are what this refuses
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/**
 * Refuses control characters in text people type (`field.control-characters`):
 * they cannot be shown, break CSV and e-mail headers, and PostgreSQL's jsonb
 * refuses `\u0000` outright.
 */
export const noControlCharacters = /* @__PURE__ */ z.refine<string>((s) => !CONTROL.test(s), {
  params: { code: 'field.control-characters' },
});
