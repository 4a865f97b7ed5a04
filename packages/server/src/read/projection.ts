// SPDX-License-Identifier: EUPL-1.2
/**
 * Read models: tables kept from the journal so that no request folds a whole
 * kind of stream. The journal stays the source of truth; every read model can
 * be dropped and rebuilt from it (`gusp-server rebuild`, and automatically
 * when {@linkcode READ_MODELS_VERSION} changes).
 *
 * Each read model is a {@linkcode Projection}: the streams it follows (a core
 * kind's prefix), the tables it owns, and how the latest state of a changed
 * stream is written. The follower (read-models.ts) reads the events after its
 * mark up to the journal's committed position, re-reads the whole history of
 * each stream they touch, folds it with the core's own `evolve`, and hands the
 * states to the projections, in one transaction with the new mark. Read models
 * never hold personal data (names, contacts, cancel tokens stay in the sealed
 * journal): the follower reads every personal field in its forgotten form.
 */
import type { CityProfile, StoredEvent } from '@gusp/core';
import type { SqlSession } from '../sql.js';

/** Bump when a projection's tables or what it writes change: every read model is then rebuilt at start. */
export const READ_MODELS_VERSION = 4;

export interface ProjectionContext {
  readonly city: CityProfile;
}

/** One read model. */
export interface Projection {
  /** A short name, for logs and errors. */
  readonly name: string;
  /** The streams it follows: those whose name starts with this (the core kind's prefix, e.g. `observation-`). */
  readonly prefix: string;
  /** The tables it owns, emptied before a rebuild (child tables first). */
  readonly tables: readonly string[];
  /**
   * Writes the current state of each changed stream. `streams` maps a stream's name to its whole
   * history (its events in version order, every personal field in its forgotten form: the
   * follower never unseals, read models hold no personal data); a stream whose fold is
   * `undefined` must leave no row. Runs inside the follower's transaction (`tx`): all of a
   * catch-up, its mark included, or none of it.
   */
  apply(tx: SqlSession, streams: ReadonlyMap<string, readonly StoredEvent[]>, context: ProjectionContext): Promise<void>;
}

/**
 * A stream's fold that goes on from where it stopped: handed the same history again, grown by new
 * events, it evolves its last state by those only. The follower keeps the histories of the streams
 * it saw lately and extends each in place (`KEPT_HISTORIES` in read-models.ts; the journal is
 * append-only, so versions 1…n never change), so a catch-up folds a walk taking sign-ups by its
 * new registrations, where folding its whole history again at every catch-up made each one cost
 * as much as the walk's size (with 50 walks taking sign-ups, 15–30 ms of a 40 ms catch-up). A
 * history it has not seen (a rebuild's, a test's) is folded from its first event.
 */
export function continuedFold<S, E>(evolve: (state: S | undefined, event: E) => S | undefined): (events: readonly E[]) => S | undefined {
  const folded = new WeakMap<readonly E[], { readonly length: number; readonly state: S | undefined }>();
  return (events) => {
    const last = folded.get(events);
    const from = last !== undefined && last.length <= events.length ? last.length : 0;
    let state = from === 0 ? undefined : last?.state;
    for (let i = from; i < events.length; i++) state = evolve(state, events[i] as E);
    folded.set(events, { length: events.length, state });
    return state;
  };
}
