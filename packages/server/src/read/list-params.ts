// SPDX-License-Identifier: EUPL-1.2
/**
 * Query parameters the lists share, each with its SQL condition beside its
 * in-memory match (see `http/list-filter.ts`): an id column, a comma-separated
 * list of statuses, the drafts for staff, a date range on the city's calendar,
 * and the order.
 */
import { calendarDay } from '@gusp/core';
import type { Context } from 'hono';
import { Refusal, type Env } from '../http/context.js';
import { serverError } from '../http/errors.js';
import type { FilterParam } from '../http/list-filter.js';
import type { ParamDoc } from '../http/route.js';
import type { ListOrder } from './observations.js';

/** `column = value` (an empty value keeps nothing). */
export const idParam = <T>(description: string, column: string, value: (item: T) => string | undefined): FilterParam<T> => ({
  description,
  matches: (item, id) => value(item) === id,
  sql: (id, params) => `${column} = ${params.bind(id)}`,
});

const listOf = (value: string) => value.split(',').map((s) => s.trim());

/** A status, or several separated by commas; any other value is 400 `request.invalid-query`. */
export const statusParam = <T>(noun: string, statuses: readonly string[], column: string, value: (item: T) => string): FilterParam<T> => ({
  description: `Only ${noun} with this status, or one of these (comma-separated): ${statuses.map((s) => `\`${s}\``).join(', ')}.`,
  schema: { type: 'string', pattern: `^(${statuses.join('|')})(,(${statuses.join('|')}))*$` },
  valid: (text) => listOf(text).every((s) => statuses.includes(s)),
  matches: (item, text) => listOf(text).includes(value(item)),
  sql: (text, params) => `${column} = ANY(${params.bind(listOf(text))}::text[])`,
});

/**
 * `include=drafts`: the drafts too, beside the published items, as the back office lists them. The
 * parameter keeps every item it is given (`TRUE`): the route lists drafts only for the staff who may
 * read them, and says who in `description`.
 */
export const draftsParam = <T>(description: string): FilterParam<T> => ({
  description,
  schema: { type: 'string', enum: ['drafts'] },
  valid: (v) => v === 'drafts',
  matches: () => true,
  sql: () => 'TRUE',
});

/** Whether a request asks for drafts (`include=drafts`): staff only, see {@linkcode draftsParam}. */
export const draftsAsked = (c: Context<Env>): boolean => c.req.query('include') === 'drafts';

/** A real calendar day written `YYYY-MM-DD`. */
export function isCalendarDay(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/**
 * The instant column (ms) beside each day column of the read models: a day's bound is also written
 * on it, so that a date range is a range of the (…, instant, id) indexes the lists are ordered by,
 * instead of a filter on every row before the range (a quartier-year export read 7,000 rows of the
 * years before it to find its first 100).
 */
const INSTANT_OF: Readonly<Record<string, string>> = { recorded_day: 'recorded_ms', proposed_day: 'proposed_ms' };
const HOUR = 3_600_000;

/**
 * The instants a day of any time zone may hold: from its midnight at UTC+14 to its end at UTC−12
 * (the day column then says exactly which of them are that day in the city's calendar).
 */
const dayInstants = (day: string): { readonly first: number; readonly last: number } => {
  const midnight = Date.parse(`${day}T00:00:00Z`);
  return { first: midnight - 14 * HOUR, last: midnight + 36 * HOUR };
};

/**
 * `from` or `to`: an ISO date (`YYYY-MM-DD`), compared with the day of `instant(item)` in the
 * city's time zone (kept in `column`), both bounds included.
 */
export const dayParam = <T>(
  bound: 'from' | 'to',
  noun: string,
  timeZone: string,
  column: string,
  at: (item: T) => string,
): FilterParam<T> => ({
  description: `Only ${noun} ${bound === 'from' ? 'on or after' : 'on or before'} this day (ISO date \`YYYY-MM-DD\`, the city’s calendar). Another form is 400 \`request.invalid-query\`.`,
  schema: { type: 'string', format: 'date' },
  valid: isCalendarDay,
  matches: (item, day) => (bound === 'from' ? calendarDay(at(item), timeZone) >= day : calendarDay(at(item), timeZone) <= day),
  sql: (day, params) => {
    const exact = `${column} ${bound === 'from' ? '>=' : '<='} ${params.bind(day)}`;
    const instantColumn = INSTANT_OF[column];
    if (instantColumn === undefined) return exact;
    const { first, last } = dayInstants(day);
    return bound === 'from'
      ? `${instantColumn} >= ${params.bind(first)}::bigint AND ${exact}`
      : `${instantColumn} < ${params.bind(last)}::bigint AND ${exact}`;
  },
});

/** The `order` parameter of a list. */
export const ORDER_QUERY = (key: string): Readonly<Record<string, ParamDoc>> => ({
  order: {
    description: `\`oldest\` (the default): by ${key}, oldest first, ties by id; \`newest\`: the other way round. Anything else is 400 \`request.invalid-query\`.`,
    schema: { type: 'string', enum: ['oldest', 'newest'], default: 'oldest' },
  },
});

/** The order a request asks for; 400 `request.invalid-query` for another value. */
export function listOrder(c: Context<Env>): ListOrder {
  const order = c.req.query('order');
  if (order === undefined || order === 'oldest') return 'oldest';
  if (order === 'newest') return 'newest';
  throw new Refusal(serverError('request.invalid-query', c.get('locale'), { order: order.slice(0, 100) }));
}
