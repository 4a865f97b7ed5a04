// SPDX-License-Identifier: EUPL-1.2
/**
 * What the streamed exports share: a body sent piece by piece as its batches
 * are read (the first bytes leave before the last row is read, and the
 * server holds one batch at a time, whatever the export's size), and the
 * walks a batch's observations name (a stop's point and label), looked up
 * once per export.
 */
import type { Walk } from '@gusp/core';
import type { SqlSession } from '../sql.js';
import { parsedDoc } from './observations.js';
import type { WalkDoc } from './walks.js';

const encoder = new TextEncoder();

/** Resolves after the event loop's next check phase (two `setImmediate`s: one may run in the current one). */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(() => setImmediate(resolve)));

/**
 * A body that sends each text `pieces` yields, in order. The first piece is read before this
 * resolves: a failure there (a database down) is still the route's error answer, not a cut body.
 * Later failures end the body early; a client that goes away stops the reading.
 */
export async function textStream(pieces: AsyncGenerator<string, void>): Promise<ReadableStream<Uint8Array>> {
  let pending: IteratorResult<string, void> | undefined = await pieces.next();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      for (;;) {
        // Before reading a batch after the first: a turn of the event loop. PGlite answers within
        // promise callbacks (its WebAssembly runs in this thread, without I/O), so an export read from
        // it would otherwise hold the loop to its last batch: nothing else is answered meanwhile, and
        // the compression middleware (which starts streaming when a read has to wait a turn, and
        // flushes on a pause) saw the whole body arrive at once and sent its first byte at the end.
        if (pending === undefined) await nextTurn();
        const next: IteratorResult<string, void> = pending ?? (await pieces.next());
        pending = undefined;
        if (next.done) {
          controller.close();
          return;
        }
        // An empty piece is no chunk: read on.
        if (next.value.length > 0) {
          controller.enqueue(encoder.encode(next.value));
          return;
        }
      }
    },
    async cancel() {
      await pieces.return(undefined);
    },
  });
}

/**
 * A list's text in pieces: `head`, the items of each batch (`item`, `separator` between two), and
 * `tail` (or `empty` alone, when given, for a list without items); the first batch goes out with `head`, so that reading it happens before the body starts.
 */
export async function* listPieces<T>(
  batches: AsyncIterable<readonly T[]>,
  text: { readonly head: string; readonly separator: string; readonly tail: string; readonly empty?: string },
  item: (batch: readonly T[]) => Promise<readonly string[]> | readonly string[],
): AsyncGenerator<string, void> {
  let out = text.head;
  let first = true;
  for await (const batch of batches) {
    const items = await item(batch);
    if (items.length === 0) continue;
    out += (first ? '' : text.separator) + items.join(text.separator);
    first = false;
    yield out;
    out = '';
  }
  // A list without items: its own form when it has one (`<service_requests/>`).
  yield first && text.empty !== undefined ? text.empty : out + text.tail;
}

/**
 * The walks of observations, by id, read from the walks' read model (`read_walks`: each walk as
 * the core folds it, its stops with their points and labels), each once per lookup, never the
 * whole kind. `published`: drafts left out, as the open-data exports show only published walks.
 */
export function walkLookup(sql: SqlSession, options: { readonly published?: boolean } = {}) {
  const known = new Map<string, Walk | undefined>();
  return async (observations: readonly { readonly walkId?: string | undefined }[]): Promise<Walk[]> => {
    const ids = [...new Set(observations.flatMap((o) => (o.walkId === undefined ? [] : [o.walkId])))];
    const missing = ids.filter((id) => !known.has(id));
    if (missing.length > 0) {
      const { rows } = await sql.query<{ doc: unknown }>('SELECT doc FROM read_walks WHERE id = ANY($1::text[])', [missing]);
      for (const id of missing) known.set(id, undefined);
      for (const row of rows) {
        const { walk } = parsedDoc<WalkDoc>(row.doc);
        if (!(options.published && walk.status === 'draft')) known.set(walk.id, walk);
      }
    }
    return ids.flatMap((id) => {
      const walk = known.get(id);
      return walk ? [walk] : [];
    });
  };
}
