// SPDX-License-Identifier: EUPL-1.2
/**
 * Benchmark of @gusp/server: sign-ups per second and p99 latency, on PGlite
 * and on a throw-away PostgreSQL cluster (127.0.0.1 only; skipped when
 * PostgreSQL is not installed), for sign-ups spread over 50 walks and for one
 * hot walk, each beside a bare `node:http` handler doing the same kind of
 * transactional insert (row lock on the walk) in the same run. Bounded: 6,000
 * and 1,500 requests, 50 connections, 10 s timeout each.
 *
 * Run: `pnpm bench:server [pglite|postgres]` (~30 s). The code is
 * packages/server/bench/run.ts (it uses the server's internals and test
 * cluster); this runs it from its package with TypeScript through tsx.
 *
 * `pnpm bench:server reads [pglite|postgres] [--million]`: the read benchmark
 * (packages/server/bench/reads.ts; see README.md for its knobs).
 *
 * `pnpm bench:server check-ins [pglite|postgres] [--people 200]`: a batch of check-ins resent by the
 * walk day's outbox (packages/server/bench/check-ins.ts).
 *
 * `pnpm bench:server against <git-ref> [pglite|postgres] [--slices N | --rounds N]`: the sign-ups of
 * this tree's server and of an earlier commit's, both serving, in slices in turns (against.mjs).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const server = fileURLToPath(new URL('../../packages/server/', import.meta.url));
// `pnpm bench:server -- reads` may hand the `--` on.
const args = process.argv.slice(2).filter((a) => a !== '--');
if (args[0] === 'against') {
  const against = fileURLToPath(new URL('./against.mjs', import.meta.url));
  process.exit(spawnSync(process.execPath, [against, ...args.slice(1)], { stdio: 'inherit' }).status ?? 1);
}
const script = args[0] === 'reads' ? 'bench/reads.ts' : args[0] === 'check-ins' ? 'bench/check-ins.ts' : 'bench/run.ts';
const { status } = spawnSync(
  process.execPath,
  ['--conditions=@gusp/source', '--import', 'tsx', script, ...args.filter((a) => a !== 'reads' && a !== 'check-ins')],
  {
    cwd: server,
    stdio: 'inherit',
  },
);
process.exit(status ?? 1);
