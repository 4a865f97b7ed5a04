// SPDX-License-Identifier: EUPL-1.2
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { defineRules, type EventOf, type None, type StateOf } from './define-rules.js';
import { guspError } from '../i18n.js';
import { can, eventsFrom, guardRefusal, refusalsOf, targetOf, toMermaid, transition, type RuleRefusal } from './transition.js';

/** A toy lifecycle whose guards read three flags: enough to exercise every combinator. */
interface Flags {
  readonly a?: boolean;
  readonly b?: boolean;
  readonly c?: boolean;
}

const door = defineRules({
  id: 'door',
  states: ['closed', 'open', 'locked', 'broken'],
  events: ['create', 'open', 'close', 'lock', 'unlock', 'kick', 'force', 'repair'],
  on: {
    none: { create: { target: 'closed' } },
    closed: {
      open: { target: 'open', guard: 'a' },
      lock: { target: 'locked', guard: { and: ['a', 'b', 'c'] } },
      kick: { target: 'broken', guard: { or: ['a', 'b'] } },
      force: { target: 'broken', guard: { not: 'a', code: 'door.not-a' } },
    },
    open: {
      close: { target: 'closed' },
      // Several definitions: the first whose guard passes wins.
      kick: [
        { target: 'broken', guard: 'a' },
        { target: 'closed', guard: 'b' },
      ],
    },
    locked: {
      unlock: { target: 'closed', guard: { and: ['a', { or: ['b', { not: 'c', code: 'door.c-set' }] }] } },
    },
    broken: { repair: { target: 'closed', guard: 'ghost' as 'a' } },
  },
  guards: {
    a: { code: 'door.no-a', check: (f: Flags) => f.a === true, details: (f: Flags) => ({ a: f.a }) },
    b: { code: 'door.no-b', check: (f: Flags) => f.b === true },
    c: { code: 'door.no-c', check: (f: Flags) => f.c === true },
  },
});

const ALL: Flags = { a: true, b: true, c: true };

describe('transition()', () => {
  it('returns the target of an accepted event, and never changes the context it reads', () => {
    const ctx = Object.freeze({ ...ALL });
    assert.deepEqual(transition(door, 'closed', 'open', ctx), { ok: true, value: 'open' });
    assert.deepEqual(transition(door, 'none', 'create', {}), { ok: true, value: 'closed' });
  });

  it('refuses an event the state does not accept with <id>.invalid-transition and the state and event in details', () => {
    const r = transition(door, 'open', 'lock', ALL);
    assert.equal(r.ok, false);
    if (r.ok) return;
    assert.equal(r.error.code, 'door.invalid-transition');
    assert.deepEqual(r.error.details, { state: 'open', event: 'lock' });
    // Locale-free: a code and details, no message (the edge writes it).
    assert.deepEqual(Object.keys(r.error).sort(), ['code', 'details']);
  });

  it('refuses with the guard’s own code, its name and its details when a named guard fails', () => {
    const r = transition(door, 'closed', 'open', { a: false });
    assert.equal(r.ok, false);
    if (r.ok) return;
    assert.equal(r.error.code, 'door.no-a');
    assert.deepEqual(r.error.details, { guard: 'a', a: false, state: 'closed', event: 'open' });
  });

  it('passes `and` only when every part passes, and reports the first part that fails', () => {
    assert.deepEqual(transition(door, 'closed', 'lock', ALL), { ok: true, value: 'locked' });
    const cases: [Flags, string][] = [
      [{ b: true, c: true }, 'door.no-a'],
      [{ a: true, c: true }, 'door.no-b'],
      [{ a: true, b: true }, 'door.no-c'],
      [{}, 'door.no-a'],
      [{ a: true }, 'door.no-b'],
    ];
    for (const [flags, code] of cases) {
      const r = transition(door, 'closed', 'lock', flags);
      assert.equal(r.ok ? 'ok' : r.error.code, code, JSON.stringify(flags));
    }
  });

  it('passes `or` when any part passes, and reports the last failure when none does', () => {
    assert.equal(transition(door, 'closed', 'kick', { a: true }).ok, true);
    assert.equal(transition(door, 'closed', 'kick', { b: true }).ok, true);
    assert.equal(transition(door, 'closed', 'kick', ALL).ok, true);
    const r = transition(door, 'closed', 'kick', {});
    assert.equal(r.ok ? 'ok' : r.error.code, 'door.no-b');
  });

  it('passes `not` when the inner guard fails, and refuses with the `not`’s own code when it passes', () => {
    assert.deepEqual(transition(door, 'closed', 'force', { a: false }), { ok: true, value: 'broken' });
    const r = transition(door, 'closed', 'force', { a: true });
    assert.equal(r.ok ? 'ok' : r.error.code, 'door.not-a');
  });

  it('combines and / or / not recursively', () => {
    assert.equal(transition(door, 'locked', 'unlock', { a: true, b: true, c: true }).ok, true);
    assert.equal(transition(door, 'locked', 'unlock', { a: true, b: false, c: false }).ok, true);
    const cSet = transition(door, 'locked', 'unlock', { a: true, b: false, c: true });
    assert.equal(cSet.ok ? 'ok' : cSet.error.code, 'door.c-set');
    const noA = transition(door, 'locked', 'unlock', { a: false, b: true });
    assert.equal(noA.ok ? 'ok' : noA.error.code, 'door.no-a');
  });

  it('tries several definitions in order: the first whose guard passes wins, else the last failure is reported', () => {
    assert.deepEqual(transition(door, 'open', 'kick', ALL), { ok: true, value: 'broken' });
    assert.deepEqual(transition(door, 'open', 'kick', { b: true }), { ok: true, value: 'closed' });
    const r = transition(door, 'open', 'kick', {});
    assert.equal(r.ok ? 'ok' : r.error.code, 'door.no-b');
  });

  it('asks each named guard once per decision, however many definitions name it', () => {
    const asked: string[] = [];
    const counted = (name: string, pass: (f: Flags) => boolean) => ({
      code: `seat.no-${name}`,
      check: (f: Flags) => {
        asked.push(name);
        return pass(f);
      },
    });
    const seat = defineRules({
      id: 'seat',
      states: ['confirmed', 'waitlisted'],
      events: ['register'],
      on: {
        none: {
          register: [
            { target: 'confirmed', guard: { and: ['open', 'fresh', 'free'] } },
            { target: 'waitlisted', guard: { and: ['open', 'fresh'] } },
          ],
        },
      },
      guards: {
        open: counted('open', () => true),
        fresh: counted('fresh', (f) => f.a === true),
        free: counted('free', (f) => f.b === true),
      },
    });
    // Full: the first definition fails on `free`, the second passes on the answers already had.
    assert.deepEqual(transition(seat, 'none', 'register', { a: true }), { ok: true, value: 'waitlisted' });
    assert.deepEqual(asked, ['open', 'fresh', 'free']);
    asked.length = 0;
    assert.deepEqual(
      refusalsOf(seat, 'none', 'register', {}).map((r) => r.code),
      ['seat.no-fresh'],
    );
    assert.deepEqual(asked, ['open', 'fresh', 'free']);
    // A new decision asks again: nothing is kept from one call to the next.
    asked.length = 0;
    transition(seat, 'none', 'register', { a: true, b: true });
    assert.deepEqual(asked, ['open', 'fresh', 'free']);
  });

  it('throws on a guard the table does not define: a programming error, not a refusal', () => {
    assert.throws(() => transition(door, 'broken', 'repair', ALL), /Unknown guard "ghost"/);
  });

  it('gives what the edge needs to write the message in any locale, falling back to the code when none is catalogued', () => {
    // The id `walk` borrows the catalogued `walk.invalid-transition` messages.
    const walkLike = defineRules({ id: 'walk', states: ['draft'], events: ['publish'], on: {}, guards: {} });
    const refused = transition(walkLike, 'draft', 'publish', {});
    const uncatalogued = transition(door, 'open', 'lock', ALL);
    assert.ok(!refused.ok && !uncatalogued.ok);
    if (refused.ok || uncatalogued.ok) return;
    const word = (r: RuleRefusal, locale?: string) => guspError(r.code, locale, r.details).message;
    assert.equal(word(refused.error), 'Action « publish » impossible : le diagnostic est à l’état « draft ».');
    assert.equal(word(refused.error, 'en'), 'Cannot “publish”: the walk is “draft”.');
    assert.equal(word(uncatalogued.error, 'en'), 'door.invalid-transition');
  });
});

describe('refusalsOf()', () => {
  const codes = (state: StateOf<typeof door> | None, event: EventOf<typeof door>, flags: Flags) =>
    refusalsOf(door, state, event, flags).map((r) => r.code);

  it('is empty when the event is accepted', () => {
    assert.deepEqual(refusalsOf(door, 'closed', 'lock', ALL), []);
    assert.deepEqual(refusalsOf(door, 'none', 'create', {}), []);
    assert.deepEqual(refusalsOf(door, 'open', 'kick', { b: true }), [], 'a later definition passes');
  });

  it('lists every failing part of an `and`, in table order, not just the first', () => {
    assert.deepEqual(codes('closed', 'lock', {}), ['door.no-a', 'door.no-b', 'door.no-c']);
    assert.deepEqual(codes('closed', 'lock', { b: true }), ['door.no-a', 'door.no-c']);
    assert.deepEqual(codes('closed', 'lock', { a: true, b: true }), ['door.no-c']);
  });

  it('gives each refusal the guard’s name, its details, the state and the event', () => {
    assert.deepEqual(refusalsOf(door, 'closed', 'lock', { c: true }), [
      { code: 'door.no-a', details: { guard: 'a', a: undefined, state: 'closed', event: 'lock' } },
      { code: 'door.no-b', details: { guard: 'b', state: 'closed', event: 'lock' } },
    ]);
  });

  it('lists every part of a failing `or` (any would do), and the `not`’s own code', () => {
    assert.deepEqual(codes('closed', 'kick', {}), ['door.no-a', 'door.no-b']);
    assert.deepEqual(codes('closed', 'force', { a: true }), ['door.not-a']);
    assert.deepEqual(codes('locked', 'unlock', { c: true }), ['door.no-a', 'door.no-b', 'door.c-set']);
  });

  it('with several definitions, gives the last one’s refusals when none passes', () => {
    assert.deepEqual(codes('open', 'kick', {}), ['door.no-b']);
  });

  it('refuses an event the state does not accept with <id>.invalid-transition alone', () => {
    assert.deepEqual(refusalsOf(door, 'open', 'lock', ALL), [
      { code: 'door.invalid-transition', details: { state: 'open', event: 'lock' } },
    ]);
  });

  it('agrees with transition() on every state, event and context: refused exactly when it refuses, its refusal first', () => {
    const states = ['none', ...door.states] as const;
    fc.assert(
      fc.property(
        fc.constantFrom(...states),
        fc.constantFrom(...door.events),
        fc.record({ a: fc.boolean(), b: fc.boolean(), c: fc.boolean() }),
        (state, event, flags) => {
          if (state === 'broken' && event === 'repair') return; // the table's deliberate unknown guard
          const decided = transition(door, state, event, flags);
          const all = refusalsOf(door, state, event, flags);
          assert.equal(all.length === 0, decided.ok);
          if (decided.ok) return;
          // `or` reports its last part in transition(), so there it is among the refusals rather than first.
          const hasOr = state === 'locked' || (state === 'closed' && event === 'kick');
          if (hasOr) assert.ok(all.some((r) => r.code === decided.error.code));
          else assert.deepEqual(all[0], decided.error);
        },
      ),
    );
  });

  it('throws on a guard the table does not define', () => {
    assert.throws(() => refusalsOf(door, 'broken', 'repair', ALL), /Unknown guard "ghost"/);
  });
});

describe('guardRefusal()', () => {
  it('asks one named guard: undefined when it passes, else its code, name and details', () => {
    assert.equal(guardRefusal(door, 'a', { a: true }), undefined);
    assert.deepEqual(guardRefusal(door, 'a', { a: false }), { code: 'door.no-a', details: { guard: 'a', a: false } });
    assert.deepEqual(guardRefusal(door, 'b', {}), { code: 'door.no-b', details: { guard: 'b' } });
  });

  it('throws on a guard the table does not define', () => {
    assert.throws(() => guardRefusal(door, 'ghost' as 'a', {}), /Unknown guard "ghost"/);
  });
});

describe('can()', () => {
  it('reads only the table without a context', () => {
    assert.equal(can(door, 'closed', 'open'), true);
    assert.equal(can(door, 'closed', 'close'), false);
    assert.equal(can(door, 'none', 'create'), true);
    assert.equal(can(door, 'none', 'open'), false);
  });

  it('runs the guards with a context', () => {
    assert.equal(can(door, 'closed', 'open', { a: true }), true);
    assert.equal(can(door, 'closed', 'open', { a: false }), false);
    assert.equal(can(door, 'closed', 'close', ALL), false);
  });
});

describe('eventsFrom()', () => {
  it('lists the events a state accepts, guards not run', () => {
    assert.deepEqual(eventsFrom(door, 'closed').sort(), ['force', 'kick', 'lock', 'open']);
    assert.deepEqual(eventsFrom(door, 'open').sort(), ['close', 'kick']);
    assert.deepEqual(eventsFrom(door, 'none'), ['create']);
  });

  it('lists nothing for a state without transitions', () => {
    const table = defineRules({ id: 't', states: ['a', 'b'], events: ['go'], on: { a: { go: { target: 'b' } } }, guards: {} });
    assert.deepEqual(eventsFrom(table, 'b'), []);
  });
});

describe('targetOf()', () => {
  it('gives the first target, or the chosen one among several definitions', () => {
    assert.equal(targetOf(door, 'open', 'kick'), 'broken');
    assert.equal(targetOf(door, 'open', 'kick', 'closed'), 'closed');
  });

  it('throws when the table has no such transition: folds only apply facts the table allows', () => {
    assert.throws(() => targetOf(door, 'open', 'lock'), /door: no transition open --lock-->/);
    assert.throws(() => targetOf(door, 'open', 'kick', 'locked'), /door: no transition open --kick--> locked/);
  });
});

describe('toMermaid()', () => {
  it('draws a stateDiagram-v2 with one line per definition, the guards in brackets', () => {
    const lines = toMermaid(door).split('\n');
    assert.equal(lines[0], 'stateDiagram-v2');
    for (const line of [
      '  [*] --> closed: create',
      '  closed --> open: open [a]',
      '  closed --> locked: lock [a and b and c]',
      '  closed --> broken: kick [(a or b)]',
      '  closed --> broken: force [not a]',
      '  open --> closed: close',
      '  open --> broken: kick [a]',
      '  open --> closed: kick [b]',
      '  locked --> closed: unlock [a and (b or not c)]',
    ]) {
      assert.ok(lines.includes(line), `missing: ${line}`);
    }
  });

  it('names states with dashes as Mermaid identifiers', () => {
    const table = defineRules({
      id: 't',
      states: ['in-progress', 'done'],
      events: ['finish'],
      on: { 'in-progress': { finish: { target: 'done' } } },
      guards: {},
    });
    assert.equal(toMermaid(table), 'stateDiagram-v2\n  in_progress --> done: finish');
  });
});
