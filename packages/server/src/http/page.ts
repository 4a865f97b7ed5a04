// SPDX-License-Identifier: EUPL-1.2
/**
 * Lists are paged by cursor (keyset), never by offset: a page is the items
 * after the last one of the previous page in the list's order, so a page
 * costs the same at the millionth item as at the first, and an item added
 * meanwhile neither repeats nor hides another.
 *
 * The query takes `limit` (1–100, 100 by default) and `cursor` (the `next`
 * of the previous answer). A cursor is opaque to clients: base64url of the
 * JSON array of the last item's sort key, its id last. The answer is
 * `{ <items>: [...], next?: "…" }` with, when there is a next page, a
 * `Link: <…?cursor=…>; rel="next"` header (RFC 8288) built from the public
 * origin, never from the request's `Host`.
 */
import type { Context } from 'hono';
import { Refusal, type Env } from './context.js';
import { serverError } from './errors.js';
import type { ParamDoc, ResponseDoc } from './route.js';
import type { SqlParams } from '../sql.js';

/** The most items a page holds, and the default `limit`. */
export const MAX_PAGE_LIMIT = 100;
/** Longer than any cursor this server writes: anything longer is refused before it is decoded. */
const MAX_CURSOR_LENGTH = 2_000;

/** The query parameters of every paged list: spread them beside the list's filters. */
export const PAGE_QUERY: Readonly<Record<string, ParamDoc>> = {
  limit: {
    description: `At most this many items (1 to ${MAX_PAGE_LIMIT}; ${MAX_PAGE_LIMIT} by default). Anything else is 400 \`request.invalid-query\`.`,
    schema: { type: 'integer', minimum: 1, maximum: MAX_PAGE_LIMIT, default: MAX_PAGE_LIMIT },
  },
  cursor: {
    description:
      'Where the page starts: the `next` of the previous answer (or the `cursor` of its `Link: rel="next"` header), opaque. One this server did not write is 400 `request.invalid-cursor`.',
    schema: { type: 'string' },
  },
};

/** How a paged answer documents its `Link` header. */
export const PAGE_HEADERS: NonNullable<ResponseDoc['headers']> = {
  Link: {
    description: 'With a next page: `<URL>; rel="next"`, this request with the next `cursor`.',
    schema: { type: 'string' },
  },
};

/** One value of a sort key: what a cursor carries. */
export type KeyValue = string | number;
/** An item's sort key, its unique id last (ties on the sort columns are broken by the id). */
export type CursorKey = readonly KeyValue[];

/** The SQL type of one key column, which says what a cursor's value must be. */
export type KeyType = 'text' | 'integer' | 'bigint';

/**
 * A list's order in SQL: its key columns (expressions over the read model's
 * row), the unique id last, all in one direction. Text columns compare with
 * the `"C"` collation, byte by byte, as JavaScript compares ids: declare the
 * columns `COLLATE "C"` so their indexes serve the order.
 */
export interface Keyset {
  readonly columns: readonly { readonly sql: string; readonly type: KeyType }[];
  readonly descending?: boolean;
}

/** What a request asks of a paged list. */
export interface PageRequest {
  readonly limit: number;
  /** The sort key of the last item of the previous page; none for the first page. */
  readonly after?: CursorKey | undefined;
}

/** A cursor for the item with `key`. */
export const encodeCursor = (key: CursorKey): string => Buffer.from(JSON.stringify(key)).toString('base64url');

const fits = (value: unknown, type: KeyType): value is KeyValue =>
  type === 'text' ? typeof value === 'string' : typeof value === 'number' && Number.isSafeInteger(value);

/** The key a cursor carries, if it is one of this keyset's; `undefined` for anything else. */
export function decodeCursor(cursor: string, keyset: Keyset): CursorKey | undefined {
  if (cursor.length === 0 || cursor.length > MAX_CURSOR_LENGTH || !/^[A-Za-z0-9_-]+$/.test(cursor)) return undefined;
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  if (!Array.isArray(key) || key.length !== keyset.columns.length) return undefined;
  return keyset.columns.every((column, i) => fits(key[i], column.type)) ? (key as CursorKey) : undefined;
}

const refusal = (c: Context<Env>, code: string, details: Record<string, unknown>) =>
  new Refusal(serverError(code, c.get('locale'), details));

/**
 * The page a request asks for: 400 `request.invalid-query` for a `limit` that is not an integer
 * from 1 to {@linkcode MAX_PAGE_LIMIT}, 400 `request.invalid-cursor` for a cursor of another list
 * (or of nothing).
 */
export function pageRequest(c: Context<Env>, keyset: Keyset): PageRequest {
  const limitText = c.req.query('limit');
  const limit = limitText === undefined ? MAX_PAGE_LIMIT : /^\d{1,3}$/.test(limitText) ? Number(limitText) : Number.NaN;
  if (!(limit >= 1 && limit <= MAX_PAGE_LIMIT)) throw refusal(c, 'request.invalid-query', { limit: limitText?.slice(0, 100) });
  const cursor = c.req.query('cursor');
  if (cursor === undefined) return { limit };
  const after = decodeCursor(cursor, keyset);
  if (after === undefined) throw refusal(c, 'request.invalid-cursor', { cursor: cursor.slice(0, 100) });
  return { limit, after };
}

/** The parts of a SELECT that make it one page: a condition (none on the first page), the order, the limit. */
export interface KeysetSql {
  /** `(a, b) > ($3, $4)`: to AND with the list's filters; `undefined` on the first page. */
  readonly where: string | undefined;
  /** `a, b` in the keyset's direction, without `ORDER BY`. */
  readonly orderBy: string;
  /** `LIMIT n`: one more row than the page, which tells whether a next page exists. */
  readonly limit: string;
}

/** The keyset condition, order and limit of `page`, its cursor's values bound in `params`. */
export function keysetSql(keyset: Keyset, page: PageRequest, params: SqlParams): KeysetSql {
  const columns = keyset.columns.map((column) => (column.type === 'text' ? `${column.sql} COLLATE "C"` : column.sql));
  const direction = keyset.descending ? 'DESC' : 'ASC';
  const where =
    page.after === undefined
      ? undefined
      : `(${columns.join(', ')}) ${keyset.descending ? '<' : '>'} (${keyset.columns
          .map((column, i) => `${params.bind(page.after?.[i])}::${column.type}`)
          .join(', ')})`;
  return { where, orderBy: columns.map((column) => `${column} ${direction}`).join(', '), limit: `LIMIT ${page.limit + 1}` };
}

/** Compares two sort keys as the database orders them (numbers by value, text by code unit). */
export function compareKeys(a: CursorKey, b: CursorKey): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    return x < y ? -1 : 1;
  }
  return 0;
}

/** One page of a list: its items, and the cursor of the next page when there is one. */
export interface Page<T> {
  readonly items: T[];
  readonly next?: string | undefined;
}

/**
 * The page of `rows` read with {@linkcode keysetSql} (at most `limit + 1`, in order): the first
 * `limit`, and a `next` cursor when the extra row shows that more follow.
 */
export function pageOf<T>(rows: readonly T[], page: PageRequest, keyOf: (item: T) => CursorKey): Page<T> {
  const items = rows.slice(0, page.limit);
  const last = items.at(-1);
  return rows.length > page.limit && last !== undefined ? { items, next: encodeCursor(keyOf(last)) } : { items };
}

/**
 * The same page over a list already in memory, sorted by `keyOf` (ascending, or descending with
 * `descending`): what {@linkcode keysetSql} and {@linkcode pageOf} give for the same rows.
 */
export function pageInMemory<T>(sorted: readonly T[], page: PageRequest, keyOf: (item: T) => CursorKey, descending = false): Page<T> {
  const { after } = page;
  const sign = descending ? -1 : 1;
  const start = after === undefined ? 0 : sorted.findIndex((item) => sign * compareKeys(keyOf(item), after) > 0);
  return pageOf(start < 0 ? [] : sorted.slice(start, start + page.limit + 1), page, keyOf);
}

/**
 * The URL of the next page: the public origin, the request's path, and its query with `cursor`
 * replaced (never the `Host` header, which any client writes).
 */
export function nextPageUrl(c: Context<Env>, origin: string, next: string): string {
  const url = new URL(c.req.url);
  url.searchParams.set('cursor', next);
  return `${origin}${url.pathname}?${url.searchParams.toString()}`;
}

/**
 * Answers one page: `{ [key]: items, next?, ...extra }`, and the `Link: rel="next"` header when
 * there is a next page.
 */
export function pageAnswer<T>(
  c: Context<Env>,
  origin: string,
  key: string,
  page: Page<T>,
  extra: Readonly<Record<string, unknown>> = {},
): Response {
  if (page.next !== undefined) c.header('Link', `<${nextPageUrl(c, origin, page.next)}>; rel="next"`);
  return c.json({ [key]: page.items, ...(page.next === undefined ? {} : { next: page.next }), ...extra });
}
