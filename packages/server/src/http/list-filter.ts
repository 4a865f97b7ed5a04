// SPDX-License-Identifier: EUPL-1.2
/**
 * The query filters of a JSON list, declared once and shared with its exports:
 * the same declaration documents the parameters of every route that takes
 * them and filters their items, so `/api/observations?quartier=…` and
 * `/api/observations.csv?quartier=…` cannot drift apart. A filter may also
 * say the same thing in SQL (`sql`), for a list read from a read model: its
 * condition sits beside its in-memory `matches`, so the two are read together.
 */
import type { Context } from 'hono';
import type { SqlParams } from '../sql.js';
import { Refusal, type Env } from './context.js';
import { serverError } from './errors.js';
import type { ParamDoc } from './route.js';

/** One query parameter of a list: documented, and what an item must be to be kept. */
export interface FilterParam<T> extends ParamDoc {
  /** Whether `item` passes when the request gives `value` (given, even empty: `?quartier=` keeps nothing). */
  readonly matches: (item: T, value: string) => boolean;
  /**
   * The same filter as a SQL condition over the read model's row, `value` bound with
   * `params.bind` (never spliced into the text): `quartier_id = $3`.
   */
  readonly sql?: (value: string, params: SqlParams) => string;
  /** Whether `value` is one this parameter takes; another is 400 `request.invalid-query`. Any by default. */
  readonly valid?: (value: string) => boolean;
}

export interface ListFilter<T> {
  /** The parameters, for a route's `query` (spread them beside the route's own). */
  readonly query: Readonly<Record<string, ParamDoc>>;
  /** The items the request's query keeps, in their order; every filter given must match. */
  readonly apply: (c: Context<Env>, items: readonly T[]) => T[];
  /** The SQL conditions of the filters the request gives (to AND), their values bound in `params`. */
  readonly where: (c: Context<Env>, params: SqlParams) => string[];
}

export function listFilter<T>(params: Readonly<Record<string, FilterParam<T>>>): ListFilter<T> {
  const entries = Object.entries(params);
  /** The filters the request gives, each with its value; 400 for a value a filter does not take. */
  const given = (c: Context<Env>) =>
    entries.flatMap(([name, p]) => {
      const value = c.req.query(name);
      if (value === undefined) return [];
      if (p.valid && !p.valid(value))
        throw new Refusal(serverError('request.invalid-query', c.get('locale'), { [name]: value.slice(0, 100) }));
      return [{ name, p, value }];
    });
  return {
    query: Object.fromEntries(entries.map(([name, { matches: _, sql: _sql, valid: _valid, ...doc }]) => [name, doc])),
    apply: (c, items) => {
      const keep = given(c);
      return items.filter((item) => keep.every(({ p, value }) => p.matches(item, value)));
    },
    where: (c, sql) =>
      given(c).map(({ name, p, value }) => {
        if (!p.sql) throw new Error(`The list filter ${name} has no SQL condition`);
        return p.sql(value, sql);
      }),
  };
}
