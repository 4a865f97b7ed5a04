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

/** The messages of one domain (walks, observations, validation…) in one language. */
export interface CataloguePart {
  readonly errors: Readonly<Record<string, Message>>;
  readonly labels: Readonly<Record<string, string>>;
}

/**
 * The messages of one domain in every built-in language, by lowercase BCP 47
 * tag: what a module needs to speak without bundling the whole catalogues.
 */
export type Messages = Readonly<Record<string, CataloguePart>>;
