// SPDX-License-Identifier: EUPL-1.2
/**
 * Orders two strings by UTF-16 code unit, as PostgreSQL's `"C"` collation and
 * JavaScript's `<` do: the order of views whose rows a database may also sort
 * (never `localeCompare`, which depends on the runtime's locale data).
 */
export const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
