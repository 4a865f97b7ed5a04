// SPDX-License-Identifier: EUPL-1.2
/**
 * The query filters of a JSON list, declared once and shared with its exports:
 * the same declaration documents the parameters of every route that takes
 * them and filters their items, so `/api/observations?quartier=…` and
 * `/api/observations.csv?quartier=…` cannot drift apart.
 */
import type { ParamDoc } from './route.js';

/** One query parameter of a list: documented, and what an item must be to be kept. */
export interface FilterParam<T> extends ParamDoc {
  /** Whether `item` passes when the request gives `value` (given, even empty: `?quartier=` keeps nothing). */
  readonly matches: (item: T, value: string) => boolean;
}

/** What a route needs of a request to filter: its query. */
interface Queried {
  readonly req: { query(name: string): string | undefined };
}

export interface ListFilter<T> {
  /** The parameters, for a route's `query` (spread them beside the route's own). */
  readonly query: Readonly<Record<string, ParamDoc>>;
  /** The items the request's query keeps, in their order; every filter given must match. */
  readonly apply: (c: Queried, items: readonly T[]) => T[];
}

export function listFilter<T>(params: Readonly<Record<string, FilterParam<T>>>): ListFilter<T> {
  const entries = Object.entries(params);
  return {
    query: Object.fromEntries(entries.map(([name, { matches: _, ...doc }]) => [name, doc])),
    apply: (c, items) => {
      const given = entries.flatMap(([name, p]) => {
        const value = c.req.query(name);
        return value === undefined ? [] : [(item: T) => p.matches(item, value)];
      });
      return items.filter((item) => given.every((keep) => keep(item)));
    },
  };
}
