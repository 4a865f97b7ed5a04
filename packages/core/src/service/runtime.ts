// SPDX-License-Identifier: EUPL-1.2
import type { CityProfile } from '../city/city-profile.js';
import { toZonedISO } from '../dates.js';
import type { DomainEvent, StoredEvent } from '../events.js';
import { guspError } from '../i18n.js';
import { err, ok, type GuspError, type Result } from '../result.js';
import type { RuleRefusal } from '../rules/transition.js';
import { inputDigest } from '../store/input-digest.js';
import type { Store } from '../store/store.js';

/** Options every command takes. */
export interface CommandOptions {
  /** Language of error messages; the service's locale otherwise. */
  readonly locale?: string | undefined;
  /** Id chosen by the client: a retried submission with the same id is applied once. */
  readonly clientId?: string | undefined;
}

/** How a kind of stream is named and folded. */
export interface StreamKind<S, Ev extends DomainEvent> {
  readonly prefix: string;
  readonly notFound: string;
  /** Applies events to a state (returns a new state, never mutates the old one). */
  readonly evolve: (state: S | undefined, events: readonly Ev[]) => S | undefined;
}

/** What a decision produces: the events to append, or a refusal. */
export type Decision = Result<readonly DomainEvent[]>;

/**
 * The input digest of each command's options, set by {@linkcode withInputDigests}:
 * kept beside the options object rather than in it, so it is no option a
 * caller could set (or forge) and the public `CommandOptions` stay as they are.
 */
const inputDigests = new WeakMap<object, string>();

/**
 * Wraps a group of commands so that a command given a client id carries the
 * digest of its input (its arguments, and its options but the language and
 * the id): the runtime keeps it with the id and refuses the same id with
 * another input (`store.client-id-reused`) instead of answering the first
 * outcome, which could be another person's registration with its cancel
 * token. `optionsAt` says where each command takes its options.
 */
export function withInputDigests<G extends object>(group: string, commands: G, optionsAt: { readonly [K in keyof G]?: number }): G {
  const wrapped: Record<string, unknown> = { ...(commands as Record<string, unknown>) };
  for (const [name, at] of Object.entries(optionsAt) as [string, number][]) {
    const command = (commands as Record<string, unknown>)[name] as (...args: unknown[]) => unknown;
    wrapped[name] = (...args: unknown[]) => {
      const options = args[at] as (CommandOptions & Record<string, unknown>) | undefined;
      if (options?.clientId === undefined) return command.apply(commands, args);
      const { locale: _locale, clientId: _clientId, ...rest } = options;
      const withDigest = { ...options };
      inputDigests.set(withDigest, inputDigest(`${group}.${name}`, [args.slice(0, at), rest]));
      const call = args.slice();
      call[at] = withDigest;
      return command.apply(commands, call);
    };
  }
  return wrapped as G;
}

const MAX_ATTEMPTS = 100;
const CACHE_SIZE = 2000;
/** Streams whose events a replay keeps, so a batch resent (200 check-ins under one key) reads each stream once, not once per command. */
const HISTORY_SIZE = 16;

/** The machinery shared by every group of commands: load, decide, append, retry. */
export class Runtime {
  readonly #snapshots = new Map<string, { version: number; state: unknown }>();
  readonly #queues = new Map<string, (() => void)[]>();
  /** The events of the streams replays read last, by stream. */
  readonly #histories = new Map<string, readonly StoredEvent[]>();

  constructor(
    readonly city: CityProfile,
    readonly store: Store,
    readonly clock: () => Date,
    readonly locale: string,
  ) {}

  localeOf(options?: CommandOptions): string {
    return options?.locale ?? this.locale;
  }

  /**
   * A refusal as a command answers it: the code (or a rules table's
   * {@linkcode RuleRefusal}) with its message in the caller's language. The
   * one place where the service turns codes into text.
   */
  error(refusal: string | RuleRefusal, options?: CommandOptions, details: Record<string, unknown> = {}): { ok: false; error: GuspError } {
    if (typeof refusal === 'string') return err(guspError(refusal, this.localeOf(options), details));
    return err(guspError(refusal.code, this.localeOf(options), { ...refusal.details, ...details }));
  }

  /** A rules table's answer (`transition`) as a command's: the target, or the refusal worded by {@linkcode Runtime.error}. */
  rule<S>(answer: Result<S, RuleRefusal>, options?: CommandOptions): Result<S> {
    return answer.ok ? answer : this.error(answer.error, options);
  }

  /** An event stamped with the time, as an ISO string in the city's time zone. */
  event<T extends DomainEvent>(type: T['type'], data: T['data'], now: Date): T {
    return { type, at: toZonedISO(now, this.city.timezone), data } as T;
  }

  /** Current state and version of a stream (folded incrementally from a snapshot). */
  async load<S, Ev extends DomainEvent>(kind: StreamKind<S, Ev>, stream: string): Promise<{ state: S | undefined; version: number }> {
    const snapshot = this.#snapshots.get(stream) as { version: number; state: S | undefined } | undefined;
    const slice = await this.store.read(stream, snapshot?.version ?? 0);
    if (slice.events.length === 0 && snapshot) return snapshot;
    const state = kind.evolve(snapshot?.state, slice.events as unknown as readonly Ev[]);
    const version = (snapshot?.version ?? 0) + slice.events.length;
    this.#remember(stream, version, state);
    return { state, version };
  }

  /** Keeps the latest state of a stream; past `CACHE_SIZE` streams the oldest cached is dropped (and re-read when needed). */
  #remember(stream: string, version: number, state: unknown): void {
    if (!this.#snapshots.has(stream) && this.#snapshots.size >= CACHE_SIZE) {
      this.#snapshots.delete(this.#snapshots.keys().next().value as string);
    }
    this.#snapshots.set(stream, { version, state });
  }

  /**
   * Runs `fn` after every earlier call for the same key: one command at a time
   * per stream in this process, so concurrent commands queue instead of
   * conflicting (other processes are still caught by the expected version).
   */
  async #serialised<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const waiting = this.#queues.get(key);
    if (waiting) await new Promise<void>((resolve) => waiting.push(resolve));
    else this.#queues.set(key, []);
    try {
      return await fn();
    } finally {
      const next = this.#queues.get(key)?.shift();
      if (next) next();
      else this.#queues.delete(key);
    }
  }

  /**
   * Executes a command on one stream: fold, decide, append at the version read.
   * On a concurrent change the command is decided again on fresh state; a
   * client id already applied returns the first outcome again.
   */
  async execute<S, Ev extends DomainEvent, T>(
    kind: StreamKind<S, Ev>,
    stream: string,
    decide: (state: S | undefined, now: Date) => Decision | Promise<Decision>,
    /** `replayed`: the client id was already applied, nothing was appended now (follow-ups must not run again). */
    outcome: (state: S, appended: readonly StoredEvent[], replayed: boolean) => T,
    options?: CommandOptions,
  ): Promise<Result<T>> {
    const clientId = options?.clientId;
    const digest = options === undefined ? undefined : inputDigests.get(options);
    /** Another input under an id already applied: refused, its first outcome is not this caller's. */
    const reused = (kept: string | undefined) => digest !== undefined && kept !== undefined && kept !== digest;
    return this.#serialised(stream, async () => {
      // A client id already applied is not looked up first (one more round trip on every command
      // with an id): the store refuses its second append as a `duplicate` and hands back what the
      // first appended, answered below; a command refused on fresh state looks it up then.
      // The first attempt trusts this process's snapshot without reading the store: if another
      // process appended meanwhile, the append is refused as a conflict and the command is decided
      // again on state read from the store. A refusal is only returned once decided on read state.
      let read = false;
      for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
        const snapshot = read ? undefined : (this.#snapshots.get(stream) as { version: number; state: S | undefined } | undefined);
        const { state, version } = snapshot ?? (await this.load(kind, stream));
        read ||= snapshot === undefined;
        const decision = await decide(state, this.clock());
        if (!decision.ok) {
          if (!read) {
            read = true;
            continue;
          }
          // Read state may already hold this very command, applied meanwhile by another process
          // (a retry racing its first submission): answer as the first time, not with the refusal
          // its own effect causes (a second sign-up refused as a duplicate email).
          const applied = clientId === undefined ? undefined : await this.store.findByClientId(clientId);
          if (!applied || applied.length === 0) return decision;
          if (reused(await this.store.inputDigestOf?.(clientId as string)))
            return this.error('store.client-id-reused', options, { clientId });
          return this.#replay(kind, stream, applied, outcome, options);
        }
        const appended = await this.store.append(stream, version, decision.value, { clientId, inputDigest: digest });
        if (appended.ok) {
          const next = kind.evolve(state, appended.events as unknown as readonly Ev[]) as S;
          this.#remember(stream, appended.version, next);
          return ok(outcome(next, appended.events, false));
        }
        if (appended.reason === 'duplicate') {
          if (reused(appended.inputDigest)) return this.error('store.client-id-reused', options, { clientId });
          return this.#replay(kind, stream, appended.events, outcome, options);
        }
        read = true;
      }
      return this.error('store.conflict', options, { stream });
    });
  }

  /**
   * The first outcome of a client id already applied: computed on the stream as
   * it stood right after those events, not as it stands now (a sign-up retried
   * after its promotion still answers `waitlisted`, as the first answer did).
   */
  async #replay<S, Ev extends DomainEvent, T>(
    kind: StreamKind<S, Ev>,
    stream: string,
    previous: readonly StoredEvent[],
    outcome: (state: S, appended: readonly StoredEvent[], replayed: boolean) => T,
    options?: CommandOptions,
  ): Promise<Result<T>> {
    const last = previous[previous.length - 1] as StoredEvent;
    // A client id names one command. Its first outcome is only answered to the same command: on
    // the same stream, or, for a command creating a stream, on a stream of the same kind (the new
    // id differs at each try). Anything else is a reused id, refused rather than answered with
    // another command's outcome (which could hand out someone else's data).
    const sameCommand = last.stream === stream || (last.stream.startsWith(kind.prefix) && (await this.store.read(stream)).version === 0);
    if (!sameCommand) return this.error('store.client-id-reused', options, { clientId: last.clientId });
    const events = await this.#history(last.stream);
    const state = kind.evolve(undefined, events.slice(0, last.version) as unknown as readonly Ev[]);
    return ok(outcome(state as S, previous, true));
  }

  /**
   * The events of a stream, as the store has them now: kept from the last replays (the most recent
   * {@linkcode HISTORY_SIZE} streams) while nothing was appended to the stream since, else read
   * again whole. Read again, not extended: an erasure appends its event before the person's keys
   * are shredded, so what was kept from before it (their name, their email) is never answered after.
   */
  async #history(stream: string): Promise<readonly StoredEvent[]> {
    const kept = this.#histories.get(stream);
    this.#histories.delete(stream);
    const unchanged = kept !== undefined && (await this.store.read(stream, kept.length)).events.length === 0;
    const events = unchanged ? kept : [...(await this.store.read(stream)).events];
    // Most recently used last; the oldest is dropped past the limit.
    this.#histories.set(stream, events);
    if (this.#histories.size > HISTORY_SIZE) this.#histories.delete(this.#histories.keys().next().value as string);
    return events;
  }

  /** Every state of a kind of stream (for queries). */
  async all<S, Ev extends DomainEvent>(kind: StreamKind<S, Ev>): Promise<S[]> {
    const events = await this.store.readAll({ prefix: kind.prefix });
    const streams = new Map<string, StoredEvent[]>();
    for (const e of events) {
      const list = streams.get(e.stream);
      if (list) list.push(e);
      else streams.set(e.stream, [e]);
    }
    const states: S[] = [];
    for (const list of streams.values()) {
      const state = kind.evolve(undefined, list as unknown as readonly Ev[]);
      if (state !== undefined) states.push(state);
    }
    return states;
  }

  /** The state of one stream, or `<kind>.not-found`. */
  async get<S, Ev extends DomainEvent>(kind: StreamKind<S, Ev>, id: string, options?: CommandOptions): Promise<Result<S>> {
    const { state } = await this.load(kind, kind.prefix + id);
    return state === undefined ? this.error(kind.notFound, options, { id }) : ok(state);
  }
}
