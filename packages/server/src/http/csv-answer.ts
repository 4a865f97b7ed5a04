// SPDX-License-Identifier: EUPL-1.2
/**
 * How every CSV endpoint answers: RFC 4180 by default, or what French Excel
 * opens as is (`?bom=1&delimiter=;`), as an attachment with its header line,
 * streamed as its rows are read.
 */
import type { CsvWriteOptions } from '@gusp/core';
import type { Context } from 'hono';
import type { Env } from './context.js';
import type { ParamDoc } from './route.js';

const BOM = { '1': true, true: true, '0': false, false: false } as const;
const DELIMITERS = [',', ';'] as const;

/** The query parameters of every CSV endpoint, for its route's `query`. */
export const CSV_QUERY: Readonly<Record<string, ParamDoc>> = {
  bom: {
    description: '`1` starts the file with a UTF-8 byte order mark, so that Excel reads accents right. None by default.',
    schema: { type: 'string', enum: Object.keys(BOM) },
  },
  delimiter: {
    description: '`;` separates the fields as French Excel expects; `,` (RFC 4180) by default. Written `%3B` in a URL.',
    schema: { type: 'string', enum: [...DELIMITERS] },
  },
};

/** The CSV flavour a request asks for; another value of `bom` or `delimiter` is `request.invalid-query` (400). */
export function csvFlavour(
  c: Context<Env>,
  refuse: (c: Context<Env>, code: string, details?: Record<string, unknown>) => never,
): CsvWriteOptions {
  const bom = c.req.query('bom');
  const delimiter = c.req.query('delimiter');
  if (bom !== undefined && !Object.hasOwn(BOM, bom)) refuse(c, 'request.invalid-query', { bom: bom.slice(0, 100) });
  if (delimiter !== undefined && !(DELIMITERS as readonly string[]).includes(delimiter))
    refuse(c, 'request.invalid-query', { delimiter: delimiter.slice(0, 100) });
  return {
    ...(bom === undefined ? {} : { bom: BOM[bom as keyof typeof BOM] }),
    ...(delimiter === undefined ? {} : { delimiter: delimiter as CsvWriteOptions['delimiter'] & string }),
  };
}

/** A CSV file to download, named `filename`, sent as `body` streams it (see `read/export-stream.ts`). */
export const csvStream = (c: Context<Env>, body: ReadableStream<Uint8Array>, filename: string): Response =>
  c.body(body, 200, {
    'Content-Type': 'text/csv; charset=utf-8; header=present',
    'Content-Disposition': `attachment; filename="${filename}"`,
  });
