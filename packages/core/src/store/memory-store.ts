// SPDX-License-Identifier: EUPL-1.2
import type { DomainEvent, StoredEvent } from '../events.js';
import type { AppendOptions, AppendResult, Store, StreamSlice } from './store.js';

/**
 * An in-memory {@linkcode Store}: for tests, demos and browsers. Each append
 * checks and writes within one synchronous step, which JavaScript's single
 * thread makes atomic. Events are shared, not copied: treat them as read-only
 * (they are not frozen because V8 reads frozen objects several times slower,
 * and folding is the hot path).
 */
export function memoryStore(initial: readonly StoredEvent[] = []): Store {
  const streams = new Map<string, StoredEvent[]>();
  const all: StoredEvent[] = [];
  const byClientId = new Map<string, StoredEvent[]>();
  const digests = new Map<string, string>();
  const keep = (event: StoredEvent) => {
    const stream = streams.get(event.stream) ?? [];
    stream.push(event);
    streams.set(event.stream, stream);
    all.push(event);
    if (event.clientId !== undefined) {
      const list = byClientId.get(event.clientId) ?? [];
      list.push(event);
      byClientId.set(event.clientId, list);
    }
  };
  for (const event of initial) keep({ ...event });

  return {
    async read(stream: string, afterVersion = 0): Promise<StreamSlice> {
      const events = streams.get(stream) ?? [];
      return { version: events.length, events: afterVersion === 0 ? events.slice() : events.slice(afterVersion) };
    },
    async append(
      stream: string,
      expectedVersion: number,
      events: readonly DomainEvent[],
      options: AppendOptions = {},
    ): Promise<AppendResult> {
      const { clientId } = options;
      const previous = clientId === undefined ? undefined : byClientId.get(clientId);
      if (previous) {
        const kept = digests.get(clientId as string);
        return { ok: false, reason: 'duplicate', events: previous.slice(), ...(kept === undefined ? {} : { inputDigest: kept }) };
      }
      const current = streams.get(stream)?.length ?? 0;
      if (current !== expectedVersion) return { ok: false, reason: 'conflict', version: current };
      // One object literal shape for every stored event keeps property reads monomorphic in folds.
      const stored = events.map(
        (event, i) =>
          ({
            type: event.type,
            at: event.at,
            data: event.data,
            stream,
            version: expectedVersion + i + 1,
            position: all.length + i + 1,
            clientId,
          }) as StoredEvent,
      );
      for (const event of stored) keep(event);
      if (clientId !== undefined && options.inputDigest !== undefined && stored.length > 0) digests.set(clientId, options.inputDigest);
      return { ok: true, version: expectedVersion + stored.length, events: stored };
    },
    async findByClientId(clientId: string) {
      return byClientId.get(clientId)?.slice();
    },
    async inputDigestOf(clientId: string) {
      return digests.get(clientId);
    },
    async readAll(options = {}) {
      const { prefix, afterPosition = 0 } = options;
      return all.filter((e) => e.position > afterPosition && (prefix === undefined || e.stream.startsWith(prefix)));
    },
  };
}
