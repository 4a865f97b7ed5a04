// SPDX-License-Identifier: EUPL-1.2
/** A message: plain text, or a function of the error's details. */
export type Message = string | ((details: Record<string, unknown>) => string);

/**
 * A catalogue of user-facing texts. Adding a language is one file shaped like
 * `fr.ts` passed to {@linkcode registerLocale}.
 */
export interface Catalogue {
  readonly locale: string;
  readonly errors: Readonly<Record<string, Message>>;
  readonly labels: Readonly<Record<string, string>>;
}
