// SPDX-License-Identifier: EUPL-1.2
// Runs the server's tests with Node's own test runner: TypeScript through tsx,
// and @gusp/core from its sources (the `@gusp/source` export condition), so nothing
// needs building first. `node scripts/test.mjs pglite` runs matching files only; `--watch`
// reruns them on every change (`pnpm test:watch`).
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const walk = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.test.ts') ? [join(dir, e.name)] : [],
  );
// Words choose files; options (`--watch`, `--test-name-pattern=…`) go to node's test runner.
const args = process.argv.slice(2);
const options = args.filter((a) => a.startsWith('--'));
const only = args.filter((a) => !a.startsWith('--'));
const files = [...walk(join(root, 'src')), ...walk(join(root, 'test'))]
  .map((f) => relative(root, f))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();
if (files.length === 0) {
  console.error('No test file found.');
  process.exit(1);
}
// The demo page and the browser test need the elements' bundle (a fresh clone has no dist/).
const bundled = spawnSync(process.execPath, [join(root, 'scripts', 'ensure-elements-bundle.mjs')], { stdio: 'inherit' });
if (bundled.status !== 0) process.exit(bundled.status ?? 1);
// And /gestion the console's (scripts/ensure-console-bundle.mjs).
if (spawnSync(process.execPath, [join(root, 'scripts', 'ensure-console-bundle.mjs')], { stdio: 'inherit' }).status !== 0) process.exit(1);
// Two minutes a file, except the journeys (console-journey*.test.ts): a whole walk and what follows it
// through the screens, in Chromium on a shared machine, which take several; run after the rest.
// Two files at a time (Node's default is one fewer than the cores: one on a 2-core CI): each file has
// its own server, PGlite directory or PostgreSQL cluster and ports, and most of a file's time is waiting
// (start-up, SMTP, fsync), so two overlap well: 416 s instead of 533 s for the server's files on 2 cores.
const concurrency = options.some((o) => o.startsWith('--test-concurrency')) ? [] : ['--test-concurrency=2'];
const run = (list, timeout, parallel = []) =>
  list.length === 0
    ? 0
    : (spawnSync(
        process.execPath,
        [
          '--conditions=@gusp/source',
          '--import',
          'tsx',
          '--test',
          ...parallel,
          ...options,
          '--test-reporter=spec',
          `--test-timeout=${timeout}`,
          ...list,
        ],
        { cwd: root, stdio: 'inherit' },
      ).status ?? 1);
// `--watch` never returns: one run of every file, with the journeys' time.
const journeys = options.includes('--watch') ? files : files.filter((f) => /(^|\/)console-journey[^/]*\.test\.ts$/.test(f));
const first = run(
  files.filter((f) => !journeys.includes(f)),
  120_000,
  concurrency,
);
const then = run(journeys, 15 * 60_000);
process.exit(first || then);
