// SPDX-License-Identifier: EUPL-1.2
/**
 * Shared checks for the lifecycle tables (not a test file itself: the runner
 * only picks `*.test.ts`). Each `*.rules.test.ts` writes its expected matrix by
 * hand from DOMAIN.md; these helpers compare the real table against it.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { NONE, type None, type RulesTable } from './define-rules.js';
import { can, eventsFrom, toMermaid, transition, type RuleRefusal } from './transition.js';
import { errorMessage, guspError } from '../i18n.js';
import type { GuspError, Result } from '../result.js';

/** In an expected matrix: the table has no such transition. */
export const X = null;

/** A hand-written outcome matrix: one row per state (`none` included), one column per event. */
export interface ExpectedTable<S extends string, E extends string> {
  readonly states: readonly S[];
  readonly events: readonly E[];
  readonly rows: { readonly [K in S | None]: readonly (S | null)[] };
  /** Second choices: taken when the first transition's guard fails (register → waitlisted when full). */
  readonly fallbacks?: readonly { readonly from: S | None; readonly event: E; readonly target: S }[];
}

/** Every (state, event, target) the matrix accepts. */
export function expectedTransitions<S extends string, E extends string>(
  expected: ExpectedTable<S, E>,
): { from: S | None; event: E; target: S }[] {
  const out: { from: S | None; event: E; target: S }[] = [];
  for (const from of [NONE, ...expected.states] as (S | None)[]) {
    expected.rows[from].forEach((target, i) => {
      if (target !== X) out.push({ from, event: expected.events[i] as E, target });
    });
  }
  return out;
}

/**
 * Asserts a refusal with `code` whose message is the catalogue's (French by
 * default). A rules table's refusal carries no message: it gets the one the
 * service words for it at the edge, `guspError(code, locale, details)`, which
 * must be in the catalogue; a command's must equal it.
 */
export function assertRefused(result: Result<unknown, GuspError | RuleRefusal>, code: string, locale = 'fr'): GuspError {
  assert.equal(result.ok, false, `expected a refusal with ${code}, got ${JSON.stringify(result)}`);
  if (result.ok) throw new Error('unreachable');
  const error = 'message' in result.error ? result.error : guspError(result.error.code, locale, { ...result.error.details });
  assert.equal(error.code, code, `expected ${code}, got ${error.code}: ${error.message}`);
  assert.equal(error.message, errorMessage(code, locale, error.details as Record<string, unknown>));
  assert.notEqual(error.message, code, `no message in the catalogue for ${code}`);
  return error;
}

/** Asserts the transition is accepted and returns its target. */
export function assertTarget<S extends string>(result: Result<S, GuspError | RuleRefusal>, target: S): void {
  assert.ok(result.ok, `expected ${target}, got ${JSON.stringify(result)}`);
  assert.equal(result.value, target);
}

/**
 * The table-driven tests of a lifecycle: the declared states and events, every
 * state × event against the expected matrix (guards all passing in
 * `contextFor(event)`), `can` and `eventsFrom` without context, and the Mermaid diagram.
 */
export function itFollowsTheExpectedTable<S extends string, E extends string, G extends string, C>(
  table: RulesTable<S, E, G, C>,
  expected: ExpectedTable<S, E>,
  contextFor: (event: E, state: S | None) => C,
): void {
  const id = table.id;

  it(`declares exactly the states and events of the domain`, () => {
    assert.deepEqual([...table.states].sort(), [...expected.states].sort());
    assert.deepEqual([...table.events].sort(), [...expected.events].sort());
    for (const row of Object.values(expected.rows) as (readonly unknown[])[]) assert.equal(row.length, expected.events.length);
  });

  it(`gives, for every state (none included) × every event, the expected target or ${id}.invalid-transition`, () => {
    const mismatches: string[] = [];
    let checked = 0;
    for (const state of [NONE, ...expected.states] as (S | None)[]) {
      expected.events.forEach((event, i) => {
        checked++;
        const want = expected.rows[state][i];
        const got = transition(table, state, event, contextFor(event, state));
        if (want === X) {
          if (got.ok) mismatches.push(`${state} --${event}--> ${got.value}, expected a refusal`);
          else if (got.error.code !== `${id}.invalid-transition`)
            mismatches.push(`${state} --${event}--> ${got.error.code}, expected ${id}.invalid-transition`);
          else assert.deepEqual(got.error.details, { state, event });
        } else if (!got.ok) mismatches.push(`${state} --${event}--> refused ${got.error.code}, expected ${want}`);
        else if (got.value !== want) mismatches.push(`${state} --${event}--> ${got.value}, expected ${want}`);
      });
    }
    assert.equal(checked, (expected.states.length + 1) * expected.events.length);
    assert.deepEqual(mismatches, []);
  });

  it('answers can() without a context and eventsFrom() from the same matrix', () => {
    for (const state of [NONE, ...expected.states] as (S | None)[]) {
      const accepted = expected.events.filter((_, i) => expected.rows[state][i] !== X);
      assert.deepEqual([...eventsFrom(table, state)].sort(), [...accepted].sort(), `eventsFrom(${state})`);
      for (const event of expected.events) assert.equal(can(table, state, event), accepted.includes(event), `can(${state}, ${event})`);
    }
  });

  it('draws every transition, and only those, in toMermaid()', () => {
    const name = (s: string) => (s === NONE ? '[*]' : s.replace(/-/g, '_'));
    const [header, ...lines] = toMermaid(table).split('\n');
    assert.equal(header, 'stateDiagram-v2');
    // A transition with a guard reads `from --> to: event [guard]`.
    const drawn = lines.map((l) => l.trim().replace(/ \[.*\]$/, ''));
    const wanted = [...expectedTransitions(expected), ...(expected.fallbacks ?? [])].map(
      (t) => `${name(t.from)} --> ${name(t.target)}: ${t.event}`,
    );
    for (const line of wanted) assert.ok(drawn.includes(line), `missing in the diagram: ${line}`);
    assert.deepEqual([...new Set(drawn)].sort(), [...wanted].sort());
  });
}
