// SPDX-License-Identifier: EUPL-1.2
/**
 * The rules engine, pure and locale-free in the manner of xstate: it reads a
 * table and a context and answers a target or a {@linkcode RuleRefusal}
 * (`{ code, details }`). Messages are made at the edge (the service commands,
 * the elements, the server) with `guspError(code, locale, details)`, so a
 * bundle that only asks `can(walkRules, …)` carries no catalogue.
 */
import { err, ok, type Result } from '../result.js';
import type { GuardDef, GuardRef, None, RulesTable, TransitionDef } from './define-rules.js';

/**
 * Why a table refused: a stable `code` (the key of the message in the
 * catalogues) and the `details` the message is written from. No text: turn it
 * into a `GuspError` where the language is known, e.g. `guspError(r.code, locale, r.details)`.
 */
export interface RuleRefusal {
  /** Stable, machine-readable code: the failing guard's (`registration.consent-required`) or `<table id>.invalid-transition`. */
  readonly code: string;
  /** `guard` (the guard's name, for a named guard), what the guard's `details` gave, then `state` and `event` when refused by a transition. */
  readonly details: Readonly<Record<string, unknown>>;
}

type Guards<C> = Readonly<Record<string, GuardDef<C>>>;

/**
 * The answers of the named guards already asked in one decision. Guards are pure functions of
 * the context, and a decision with several definitions names the same guards in each (`register`:
 * `confirmed` then `waitlisted`, both behind `walkOpen`, `newEmail`, …), so each is asked once:
 * a guard that reads every sign-up of a walk (`newEmail`, `seatAvailable`) reads them once.
 */
type Asked = Map<string, RuleRefusal | undefined>;

/** Runs one named guard: `undefined` when it passes, else its refusal (`details.guard` is its name). */
function named<C>(guards: Guards<C>, name: string, ctx: C, asked: Asked): RuleRefusal | undefined {
  if (asked.has(name)) return asked.get(name);
  const guard = guards[name];
  if (!guard) throw new Error(`Unknown guard "${name}"`);
  const refusal = guard.check(ctx) ? undefined : { code: guard.code, details: { guard: name, ...guard.details?.(ctx) } };
  asked.set(name, refusal);
  return refusal;
}

/** Evaluates a guard reference: `undefined` when it passes, else the refusal that decides it. */
function evaluate<C>(guards: Guards<C>, ref: GuardRef, ctx: C, asked: Asked): RuleRefusal | undefined {
  if (typeof ref === 'string') return named(guards, ref, ctx, asked);
  if ('and' in ref) {
    for (const part of ref.and) {
      const refusal = evaluate(guards, part, ctx, asked);
      if (refusal) return refusal;
    }
    return undefined;
  }
  if ('or' in ref) {
    let last: RuleRefusal | undefined;
    for (const part of ref.or) {
      last = evaluate(guards, part, ctx, asked);
      if (!last) return undefined;
    }
    return last;
  }
  return evaluate(guards, ref.not, ctx, asked) ? undefined : { code: ref.code, details: {} };
}

/**
 * Every failing guard that blocks a reference, in table order, appended to
 * `out`; returns whether the reference passes. An `or` that fails lists every
 * part's refusals: fixing any part would make it pass.
 */
function collect<C>(guards: Guards<C>, ref: GuardRef, ctx: C, out: RuleRefusal[], asked: Asked): boolean {
  if (typeof ref === 'string') {
    const refusal = named(guards, ref, ctx, asked);
    if (refusal) out.push(refusal);
    return !refusal;
  }
  if ('and' in ref) {
    let passes = true;
    for (const part of ref.and) passes = collect(guards, part, ctx, out, asked) && passes;
    return passes;
  }
  if ('or' in ref) {
    const failed: RuleRefusal[] = [];
    for (const part of ref.or) if (collect(guards, part, ctx, failed, asked)) return true;
    out.push(...failed);
    return false;
  }
  const refusal = evaluate(guards, ref, ctx, asked);
  if (refusal) out.push(refusal);
  return !refusal;
}

function definitions<S extends string, G extends string>(
  def: TransitionDef<S, G> | readonly TransitionDef<S, G>[] | undefined,
): readonly TransitionDef<S, G>[] {
  if (!def) return [];
  return Array.isArray(def) ? (def as readonly TransitionDef<S, G>[]) : [def as TransitionDef<S, G>];
}

/**
 * The pure transition function: given a state, an event and a context, the
 * target state, or why not as a {@linkcode RuleRefusal} (no message: see its
 * doc). Runs the named guards; does nothing else. When several definitions
 * are listed, the first whose guard passes wins; otherwise the last one's
 * first failing guard is reported.
 *
 * @example
 * const r = transition(registrationRules, 'none', 'register', ctx);
 * if (!r.ok) return guspError(r.error.code, locale, r.error.details); // the message, at the edge
 */
export function transition<S extends string, E extends string, G extends string, C>(
  table: RulesTable<S, E, G, C>,
  state: S | None,
  event: E,
  ctx: C,
): Result<S, RuleRefusal> {
  const defs = definitions(table.on[state]?.[event]);
  if (defs.length === 0) return err({ code: `${table.id}.invalid-transition`, details: { state, event } });
  let refusal: RuleRefusal | undefined;
  const asked: Asked = new Map();
  for (const def of defs) {
    refusal = def.guard === undefined ? undefined : evaluate(table.guards as Guards<C>, def.guard, ctx, asked);
    if (!refusal) return ok(def.target);
  }
  const { code, details } = refusal as RuleRefusal;
  return err({ code, details: { ...details, state, event } });
}

/**
 * Every failing guard that keeps `event` from being accepted in `state`, not
 * just the first: what a form shows all at once. Empty when the event is
 * accepted (then {@linkcode transition} gives its target); otherwise the first
 * refusal is the one `transition` reports (for guards combined with `or`,
 * `transition`'s is among them, every part's refusals being listed). With
 * several definitions, the last one's refusals: the most lenient fallback's
 * (`register` → the `waitlisted` definition, so « full » is never listed).
 * Each refusal's `details` name the `guard`, the `state` and the `event`.
 *
 * @example
 * refusalsOf(registrationRules, 'none', 'register', { ...ctx, consent: false, email: '' }).map((r) => r.code);
 * // ['registration.consent-required', 'registration.contact-required']
 */
export function refusalsOf<S extends string, E extends string, G extends string, C>(
  table: RulesTable<S, E, G, C>,
  state: S | None,
  event: E,
  ctx: C,
): RuleRefusal[] {
  const defs = definitions(table.on[state]?.[event]);
  if (defs.length === 0) return [{ code: `${table.id}.invalid-transition`, details: { state, event } }];
  let refusals: RuleRefusal[] = [];
  const asked: Asked = new Map();
  for (const def of defs) {
    refusals = [];
    if (def.guard === undefined || collect(table.guards as Guards<C>, def.guard, ctx, refusals, asked)) return [];
  }
  return refusals.map(({ code, details }) => ({ code, details: { ...details, state, event } }));
}

/**
 * Asks one named guard of a table, outside any transition: `undefined` when
 * it passes, else its refusal (`code`, and `details` with the guard's name and
 * its own details). For a form that checks, field by field, the rules a
 * browser can know (consent, contact, a known quartier) before sending.
 *
 * @example
 * const refusal = guardRefusal(registrationRules, 'consentGiven', ctx);
 * if (refusal) showError('consent', errorMessageIn(MESSAGES, refusal.code, locale, refusal.details));
 */
export function guardRefusal<S extends string, E extends string, G extends string, C>(
  table: RulesTable<S, E, G, C>,
  guard: G,
  ctx: C,
): RuleRefusal | undefined {
  return named(table.guards as Guards<C>, guard, ctx, new Map());
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
export function firstTargets<S extends string, E extends string, G extends string, C>(
  table: RulesTable<S, E, G, C>,
): Partial<Record<S | None, Partial<Record<E, S>>>> {
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
