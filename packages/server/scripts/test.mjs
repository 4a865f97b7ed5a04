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
const { status } = spawnSync(
  process.execPath,
  ['--conditions=@gusp/source', '--import', 'tsx', '--test', ...options, '--test-reporter=spec', '--test-timeout=120000', ...files],
  { cwd: root, stdio: 'inherit' },
);
process.exit(status ?? 1);
