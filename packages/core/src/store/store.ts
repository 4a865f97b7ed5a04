// SPDX-License-Identifier: EUPL-1.2
import type { DomainEvent, StoredEvent } from '../events.js';

/** A stream as read back: its events in order and its current version (0 when empty). */
export interface StreamSlice {
  readonly version: number;
  readonly events: readonly StoredEvent[];
}

export interface AppendOptions {
  /**
   * The client id of the command. A store refuses a second append with the
   * same client id and hands back what the first one appended, so a retried
   * submission is applied once.
   */
  readonly clientId?: string | undefined;
  /**
   * The digest of the command's input (see `inputDigest`), kept with the
   * client id: a later append with the same id hands it back, so the caller
   * can tell a retry (same input) from a reused id (another input).
   */
  readonly inputDigest?: string | undefined;
}

export type AppendResult =
  | { readonly ok: true; readonly version: number; readonly events: readonly StoredEvent[] }
  /** The stream moved since it was read: read it again, decide again. */
  | { readonly ok: false; readonly reason: 'conflict'; readonly version: number }
  /** This client id was already applied: here is what it appended, and the digest of its input when one was kept. */
  | {
      readonly ok: false;
      readonly reason: 'duplicate';
      readonly events: readonly StoredEvent[];
      readonly inputDigest?: string | undefined;
    };

/**
 * The journal, as the core needs it. Appends are per stream with an expected
 * version (optimistic concurrency): of two commands that read the same
 * version, one appends and the other gets `conflict`. `memoryStore()` ships
 * here; `@gusp/server` implements the same port over SQL.
 */
export interface Store {
  /** The events of a stream after `afterVersion` (default 0: all of them). */
  read(stream: string, afterVersion?: number): Promise<StreamSlice>;
  /** Appends events if the stream is still at `expectedVersion`. Atomic. */
  append(stream: string, expectedVersion: number, events: readonly DomainEvent[], options?: AppendOptions): Promise<AppendResult>;
  /** What a client id appended, if it was applied. */
  findByClientId(clientId: string): Promise<readonly StoredEvent[] | undefined>;
  /**
   * The input digest kept with a client id, if any. Optional: a store
   * without it (or an id applied before digests were kept) answers
   * `undefined`, and a replay is then not compared.
   */
  inputDigestOf?(clientId: string): Promise<string | undefined>;
  /** Every event, in global order, optionally of streams starting with `prefix` and after a position. */
  readAll(options?: { readonly prefix?: string; readonly afterPosition?: number }): Promise<readonly StoredEvent[]>;
}
