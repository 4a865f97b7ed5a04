// SPDX-License-Identifier: EUPL-1.2
import { guspError } from '../i18n.js';
import { err, ok, type GuspError, type Result } from '../result.js';
import type { GuardDef, GuardRef, None, RulesTable, TransitionDef } from './define-rules.js';

interface Failure {
  readonly code: string;
  readonly details: Record<string, unknown>;
}

/** Evaluates a guard reference: `undefined` when it passes, else why it failed. */
function evaluate<C>(guards: Record<string, GuardDef<C>>, ref: GuardRef, ctx: C): Failure | undefined {
  if (typeof ref === 'string') {
    const guard = guards[ref];
    if (!guard) throw new Error(`Unknown guard "${ref}"`);
    return guard.check(ctx) ? undefined : { code: guard.code, details: { guard: ref, ...guard.details?.(ctx) } };
  }
  if ('and' in ref) {
    for (const part of ref.and) {
      const failure = evaluate(guards, part, ctx);
      if (failure) return failure;
    }
    return undefined;
  }
  if ('or' in ref) {
    let last: Failure | undefined;
    for (const part of ref.or) {
      last = evaluate(guards, part, ctx);
      if (!last) return undefined;
    }
    return last;
  }
  return evaluate(guards, ref.not, ctx) ? undefined : { code: ref.code, details: {} };
}

function definitions<S extends string, G extends string>(
  def: TransitionDef<S, G> | readonly TransitionDef<S, G>[] | undefined,
): readonly TransitionDef<S, G>[] {
  if (!def) return [];
  return Array.isArray(def) ? (def as readonly TransitionDef<S, G>[]) : [def as TransitionDef<S, G>];
}

/**
 * The pure transition function: given a state, an event and a context, the
 * target state, or the typed refusal. Runs the named guards; does nothing else.
 * When several definitions are listed, the first whose guard passes wins.
 */
export function transition<S extends string, E extends string, G extends string, C>(
  table: RulesTable<S, E, G, C>,
  state: S | None,
  event: E,
  ctx: C,
  locale?: string,
): Result<S, GuspError> {
  const defs = definitions(table.on[state]?.[event]);
  if (defs.length === 0) {
    return err(guspError(`${table.id}.invalid-transition`, locale, { state, event }));
  }
  let failure: Failure | undefined;
  for (const def of defs) {
    failure = def.guard === undefined ? undefined : evaluate(table.guards as Record<string, GuardDef<C>>, def.guard, ctx);
    if (!failure) return ok(def.target);
  }
  const f = failure as Failure;
  return err(guspError(f.code, locale, { ...f.details, state, event }));
}

/**
 * Whether `event` is accepted in `state`. Without a context only the table is
 * read (is there such a transition at all); with one, guards are run too.
 */
export function can<S extends string, E extends string, G extends string, C>(
  table: RulesTable<S, E, G, C>,
  state: S | None,
  event: E,
  ctx?: C,
): boolean {
  if (ctx === undefined) return definitions(table.on[state]?.[event]).length > 0;
  return transition(table, state, event, ctx).ok;
}

/** The events the table accepts in `state` (guards not run): drives buttons and badges. */
export function eventsFrom<S extends string, E extends string, G extends string, C>(table: RulesTable<S, E, G, C>, state: S | None): E[] {
  const on = table.on[state];
  return on ? (Object.keys(on) as E[]).filter((e) => definitions(on[e]).length > 0) : [];
}

/**
 * The target of an event already accepted (used by folds, which never re-run
 * guards: events are facts). `chosen` picks among several definitions.
 */
export function targetOf<S extends string, E extends string, G extends string, C>(
  table: RulesTable<S, E, G, C>,
  state: S | None,
  event: E,
  chosen?: S,
): S {
  if (chosen === undefined) {
    // Hot path of every fold: one cached lookup, no allocation.
    const target = firstTargets(table)[state]?.[event];
    if (target !== undefined) return target;
  }
  const defs = definitions(table.on[state]?.[event]);
  const def = chosen === undefined ? defs[0] : defs.find((d) => d.target === chosen);
  if (!def) throw new Error(`${table.id}: no transition ${state} --${event}-->${chosen ? ` ${chosen}` : ''}`);
  return def.target;
}

const firstTargetCache = new WeakMap<object, Record<string, Record<string, string> | undefined>>();

/**
 * `state → event → target` of the first definition of each transition, computed
 * once per table: what folds read, since events are facts and guards never rerun.
 */
export function firstTargets<S extends string, E extends string, G extends string, C>(table: RulesTable<S, E, G, C>): Partial<Record<S | None, Partial<Record<E, S>>>> {
  let targets = firstTargetCache.get(table);
  if (!targets) {
    targets = {};
    for (const state of Object.keys(table.on) as (S | None)[]) {
      const row: Record<string, string> = {};
      for (const event of eventsFrom(table, state)) row[event] = (definitions(table.on[state]?.[event])[0] as TransitionDef<S, G>).target;
      targets[state] = row;
    }
    firstTargetCache.set(table, targets);
  }
  return targets as Partial<Record<S | None, Partial<Record<E, S>>>>;
}

/** A Mermaid `stateDiagram-v2` of a table, generated from the data itself. */
export function toMermaid<S extends string, E extends string, G extends string, C>(table: RulesTable<S, E, G, C>): string {
  const lines = ['stateDiagram-v2'];
  const name = (s: string) => (s === 'none' ? '[*]' : s.replace(/-/g, '_'));
  for (const from of ['none', ...table.states] as (S | None)[]) {
    for (const event of eventsFrom(table, from)) {
      for (const def of definitions(table.on[from]?.[event])) {
        const guard = def.guard === undefined ? '' : ` [${guardText(def.guard)}]`;
        lines.push(`  ${name(from)} --> ${name(def.target)}: ${event}${guard}`);
      }
    }
  }
  return lines.join('\n');
}

function guardText(ref: GuardRef): string {
  if (typeof ref === 'string') return ref;
  if ('and' in ref) return ref.and.map(guardText).join(' and ');
  if ('or' in ref) return `(${ref.or.map(guardText).join(' or ')})`;
  return `not ${guardText(ref.not)}`;
}
