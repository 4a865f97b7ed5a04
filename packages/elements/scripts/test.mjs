// SPDX-License-Identifier: EUPL-1.2
// Runs @web/test-runner under tsx, resolving @gusp/core to its sources (the
// `@gusp/source` export condition), so the test API uses the real core without a build.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
// First the React/Preact/Vue typings against their fixture (scripts/test-types.mjs, a few seconds);
// `node scripts/test.mjs types` runs only that, `node scripts/test.mjs <wtr args>` only the browser tests.
const args = process.argv.slice(2);
if (args.length === 0 || args[0] === 'types') {
  const types = spawnSync(process.execPath, ['scripts/test-types.mjs'], { cwd: root, stdio: 'inherit' });
  if (types.status !== 0 || args[0] === 'types') process.exit(types.status ?? 1);
}
const bin = fileURLToPath(new URL('../node_modules/@web/test-runner/dist/bin.js', import.meta.url));
const { status } = spawnSync(
  process.execPath,
  ['--conditions=@gusp/source', '--import', 'tsx', bin, '--config', 'web-test-runner.config.mjs', ...args],
  {
    cwd: root,
    stdio: 'inherit',
  },
);
process.exit(status ?? 1);
