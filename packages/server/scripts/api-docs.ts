// SPDX-License-Identifier: EUPL-1.2
/**
 * The endpoint list of packages/server/README.md, written from the OpenAPI
 * document the server serves (`GET /api/openapi.json`), between two markers.
 * `node --conditions=@gusp/source --import tsx scripts/api-docs.ts` rewrites it;
 * with `--check` it fails when the README is stale (test/openapi.test.ts does the same).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createGusp, memoryStore, valence } from '@gusp/core';
import { createApp } from '../src/app.js';

export const README = fileURLToPath(new URL('../README.md', import.meta.url));
const BEGIN = '<!-- api-endpoints:begin (generated from /api/openapi.json by scripts/api-docs.ts) -->';
const END = '<!-- api-endpoints:end -->';

export interface Operation {
  readonly summary?: string;
  readonly tags?: readonly string[];
  readonly 'x-gusp-roles'?: readonly string[];
  readonly 'x-gusp-roles-when'?: string;
}
export interface Document {
  readonly paths: Record<string, Record<string, Operation>>;
  readonly tags?: readonly { name: string; description?: string }[];
}

/** The document the app serves, without a database. */
export async function servedDocument(): Promise<Document> {
  const app = createApp({ gusp: createGusp({ city: valence, store: memoryStore() }) });
  return (await (await app.request('/api/openapi.json')).json()) as Document;
}

const access = (op: Operation) => {
  const roles = op['x-gusp-roles']?.join(', ');
  if (roles === undefined) return 'anyone';
  const when = op['x-gusp-roles-when'];
  return when === undefined ? roles : `anyone; ${roles} when ${when}`;
};

/** One table per tag: method, path, who may call, summary. */
export function endpointTables(doc: Document): string {
  const lines: string[] = [];
  for (const tag of doc.tags ?? []) {
    lines.push(`#### ${tag.name}`, '', tag.description ?? '', '', '| Method | Path | Who | What it does |', '|---|---|---|---|');
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        if (!op.tags?.includes(tag.name)) continue;
        lines.push(`| ${method.toUpperCase()} | \`${path}\` | ${access(op)} | ${(op.summary ?? '').replace(/\|/g, '\\|')} |`);
      }
    }
    lines.push('');
  }
  return `${BEGIN}\n\n${lines.join('\n').trim()}\n\n${END}`;
}

/** The README with its endpoint section replaced by `tables`. */
export function withTables(readme: string, tables: string): string {
  const start = readme.indexOf(BEGIN);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`README.md has no ${BEGIN} … ${END} section`);
  return readme.slice(0, start) + tables + readme.slice(end + END.length);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const readme = readFileSync(README, 'utf8');
  const next = withTables(readme, endpointTables(await servedDocument()));
  if (process.argv.includes('--check')) {
    if (next !== readme) {
      console.error(
        'packages/server/README.md: the endpoint list is stale; run node --conditions=@gusp/source --import tsx scripts/api-docs.ts',
      );
      process.exit(1);
    }
  } else if (next !== readme) {
    writeFileSync(README, next);
    console.log('packages/server/README.md: endpoint list written');
  }
}
