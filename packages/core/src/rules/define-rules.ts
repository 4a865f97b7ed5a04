// SPDX-License-Identifier: EUPL-1.2
/**
 * Lifecycles as data, in the spirit of xstate: each state lists the events it
 * accepts, each event a target and an optional named guard. A table is plain
 * data: {@linkcode transition} reads it, {@linkcode can} and
 * {@linkcode eventsFrom} are derived from it, diagrams are generated from it.
 */

/** A guard by name, or guards combined with `and`, `or`, `not`. */
export type GuardRef<G extends string = string> =
  | G
  | { readonly and: readonly GuardRef<G>[] }
  | { readonly or: readonly GuardRef<G>[] }
  | { readonly not: GuardRef<G>; readonly code: string };

export interface TransitionDef<S extends string = string, G extends string = string> {
  readonly target: S;
  readonly guard?: GuardRef<G>;
}

/**
 * A named guard: a pure check of the context, and the stable error `code`
 * returned when it fails (with optional details for the message).
 */
export interface GuardDef<C> {
  readonly code: string;
  readonly check: (ctx: C) => boolean;
  readonly details?: (ctx: C) => Record<string, unknown>;
}

/** The pseudo-state an entity is in before the command that creates it. */
export const NONE = 'none';
export type None = typeof NONE;

export interface RulesTable<S extends string, E extends string, G extends string, C> {
  /** Lifecycle name, used as the prefix of error codes (`walk.invalid-transition`). */
  readonly id: string;
  /** Every real state, in lifecycle order. */
  readonly states: readonly S[];
  /** Every event the lifecycle knows. */
  readonly events: readonly E[];
  /** Transitions: `on[state][event]`, one definition or several tried in order. */
  readonly on: { readonly [K in S | None]?: { readonly [V in E]?: TransitionDef<S, G> | readonly TransitionDef<S, G>[] } };
  readonly guards: { readonly [K in G]: GuardDef<C> };
}

/**
 * Identity with inference: declares a table and checks its shape. Mark each
 * call pure (a `@__PURE__` comment before it, as the built-in tables do), so a
 * bundle that imports a helper beside a table (`seatsLeft` beside
 * `registrationRules`) leaves the unused table out; esbuild 0.28 did not honour
 * `@__NO_SIDE_EFFECTS__` on this declaration across modules.
 */
export function defineRules<S extends string, E extends string, G extends string, C>(
  table: RulesTable<S, E, G, C>,
): RulesTable<S, E, G, C> {
  return table;
}

export type StateOf<T> = T extends RulesTable<infer S, string, string, never> ? S : never;
export type EventOf<T> = T extends RulesTable<string, infer E, string, never> ? E : never;

/** Any table, whatever its states, events, guards and context (for tools that only read tables). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRulesTable = RulesTable<string, string, string, any>;
