// SPDX-License-Identifier: EUPL-1.2
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defineRules } from './define-rules.js';
import { can, eventsFrom, targetOf, toMermaid, transition } from './transition.js';

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
    assert.equal(typeof r.error.message, 'string');
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

  it('throws on a guard the table does not define: a programming error, not a refusal', () => {
    assert.throws(() => transition(door, 'broken', 'repair', ALL), /Unknown guard "ghost"/);
  });

  it('writes the refusal message in the requested locale, and falls back to the code when none is catalogued', () => {
    // The id `walk` borrows the catalogued `walk.invalid-transition` messages.
    const walkLike = defineRules({ id: 'walk', states: ['draft'], events: ['publish'], on: {}, guards: {} });
    const fr = transition(walkLike, 'draft', 'publish', {});
    const en = transition(walkLike, 'draft', 'publish', {}, 'en');
    const uncatalogued = transition(door, 'open', 'lock', ALL, 'en');
    assert.ok(!fr.ok && !en.ok && !uncatalogued.ok);
    if (fr.ok || en.ok || uncatalogued.ok) return;
    assert.equal(fr.error.message, 'Action « publish » impossible : le diagnostic est à l’état « draft ».');
    assert.equal(en.error.message, 'Cannot “publish”: the walk is “draft”.');
    assert.equal(uncatalogued.error.message, 'door.invalid-transition');
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
    const table = defineRules({ id: 't', states: ['in-progress', 'done'], events: ['finish'], on: { 'in-progress': { finish: { target: 'done' } } }, guards: {} });
    assert.equal(toMermaid(table), 'stateDiagram-v2\n  in_progress --> done: finish');
  });
});
