// SPDX-License-Identifier: EUPL-1.2
/**
 * Every command and parser of `@gusp/core` returns a {@linkcode Result}: it never
 * throws for bad input or a refused rule. A refusal carries a stable `code`
 * (safe to switch on), a human message in the caller's locale and `details`.
 */
export interface GuspError {
  /** Stable, machine-readable code, e.g. `walk.registration-closed`. */
  readonly code: string;
  /** Message in the requested locale (French by default). */
  readonly message: string;
  /** Structured context: offending fields, the state the entity was in, … */
  readonly details: Readonly<Record<string, unknown>>;
}

export type Ok<T> = { readonly ok: true; readonly value: T };
export type Err<E = GuspError> = { readonly ok: false; readonly error: E };
export type Result<T, E = GuspError> = Ok<T> | Err<E>;

export const ok = <T>(value: T): Ok<T> => ({ ok: true, value });
export const err = <E = GuspError>(error: E): Err<E> => ({ ok: false, error });
